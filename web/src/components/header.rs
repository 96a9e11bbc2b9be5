//! The top bar: the title and the page's switches (language, large text, staff mode, and
//! in staff mode the print button, "清除本机记录" and the link to the 摸排 page).

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::labels;

/// A plain function, not a component: drawn with the page (which a keystroke redraws anyway,
/// a few buttons), it saves a component's machinery in the first load's wasm.
pub struct HeaderProps {
    pub lang: Lang,
    pub big_text: bool,
    pub staff: bool,
    pub on_lang: Callback<Lang>,
    pub on_big_text: Callback<()>,
    pub on_staff: Callback<()>,
    pub on_print: Callback<()>,
    /// The answer in one tap from the top (shown on phones, where it is far below).
    pub on_go: Callback<()>,
    /// Staff mode's "清除本机记录": every saved household deleted (a shared counter).
    pub on_clear_saved: Callback<()>,
    /// The saved households were just deleted.
    pub cleared: bool,
}

pub fn header(p: HeaderProps) -> Html {
    let l = labels(p.lang);
    let other = match p.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let on_lang = p.on_lang.reform(move |_: MouseEvent| other);
    let on_big = p.on_big_text.reform(|_: MouseEvent| ());
    let on_staff = p.on_staff.reform(|_: MouseEvent| ());
    let on_print = p.on_print.reform(|_: MouseEvent| ());
    let other_lang = crate::i18n::html_lang(other);
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ l.title }</h1>
                <p class="subtitle">{ l.subtitle }</p>
            </div>
            <div class="switches">
                <button type="button" class="switch" onclick={on_lang} lang={other_lang} aria-label={l.lang_switch_name}>
                    { l.lang_switch }
                </button>
                <button type="button" class="switch" onclick={on_big} aria-pressed={p.big_text.to_string()}>
                    <span class="icon" aria-hidden="true">{ "A+" }</span>{ l.big_text }
                </button>
                <button type="button" class="switch" onclick={on_staff} aria-pressed={p.staff.to_string()}>
                    { l.staff_mode }
                </button>
                if p.staff {
                    <button type="button" class="switch" onclick={on_print}>{ l.print }</button>
                    <button type="button" class="switch" onclick={p.on_clear_saved.reform(|_: MouseEvent| ())}>
                        { if p.cleared { l.saved_cleared_short } else { l.clear_saved } }
                    </button>
                    <a class="button switch" href="screen.html">{ l.screen_page }</a>
                }
                <a class="button switch go-answer" href={format!("#{}", crate::fields::ANSWERS_ID)}
                    onclick={p.on_go.reform(|e: MouseEvent| e.prevent_default())}>
                    { l.go_answer }<span aria-hidden="true">{ " ↓" }</span>
                </a>
            </div>
        </header>
    }
}
