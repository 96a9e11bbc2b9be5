//! "保存在本机": save the household under a name, and the list of households saved on this
//! device (opened, renamed or deleted in one tap), "全部删除" and "关闭页面时忘记". The list
//! is read only once it is opened (`Saved::list` stays `None` until then).

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::{fill, labels};
use crate::storage::{open_id, Saved, SAVE_ID};

/// What the panel can ask for; made once by the root.
#[derive(PartialEq, Clone)]
pub struct SavedCallbacks {
    pub toggle: Callback<bool>,
    pub name: Callback<String>,
    pub save: Callback<()>,
    pub open: Callback<u32>,
    pub start_rename: Callback<u32>,
    pub rename_text: Callback<String>,
    pub rename: Callback<()>,
    pub cancel_rename: Callback<()>,
    pub delete: Callback<u32>,
    pub clear: Callback<()>,
    pub forget: Callback<bool>,
}

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    pub lang: Lang,
    pub saved: Saved,
    /// The name offered when none is typed.
    pub suggested: AttrValue,
    pub on: SavedCallbacks,
}

fn text_input(cb: &Callback<String>) -> Callback<InputEvent> {
    cb.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlInputElement>().value())
}

#[component]
pub fn SavedHouseholds(p: &SavedProps) -> Html {
    let l = labels(p.lang);
    let s = &p.saved;
    let name = s.name.clone().map_or_else(|| p.suggested.clone(), AttrValue::from);
    let on_toggle = p.on.toggle.reform(|e: Event| e.target_unchecked_into::<web_sys::Element>().has_attribute("open"));
    let on_save = p.on.save.reform(|_: MouseEvent| ());
    // Enter in a name box does what its button does.
    let enter = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                cb.emit(());
            }
        })
    };
    let on_forget = p.on.forget.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlInputElement>().checked());
    let summary = match &s.list {
        Some(list) if !list.is_empty() => fill(l.saved_count, &[&list.len().to_string()]),
        _ => l.saved_list.to_string(),
    };
    let rows = s.list.iter().flatten().map(|item| {
        let id = item.id;
        let name_id = format!("saved-name-{id}");
        let renaming = s.renaming.as_ref().filter(|r| r.0 == id);
        html! {
            <li key={id}>
                if let Some((_, text)) = renaming {
                    <div class="field">
                        <label for={format!("saved-rename-{id}")}>{ l.saved_new_name }</label>
                        <input id={format!("saved-rename-{id}")} type="text" value={text.clone()} autocomplete="off" maxlength="80"
                            oninput={text_input(&p.on.rename_text)} onkeydown={enter(&p.on.rename)} />
                    </div>
                    <div class="saved-actions">
                        <button type="button" onclick={p.on.rename.reform(|_: MouseEvent| ())}>{ l.saved_rename_ok }</button>
                        <button type="button" class="secondary" onclick={p.on.cancel_rename.reform(|_: MouseEvent| ())}>{ l.saved_cancel }</button>
                    </div>
                } else {
                    <p class="saved-item" id={name_id.clone()}>
                        <strong>{ item.name.clone() }</strong>
                        <span class="hint">{ fill(l.saved_when, &[&crate::storage::when(&item.saved, p.lang)]) }</span>
                    </p>
                    <div class="saved-actions">
                        <button type="button" id={open_id(id)} aria-describedby={name_id.clone()}
                            onclick={p.on.open.reform(move |_: MouseEvent| id)}>{ l.saved_open }</button>
                        <button type="button" class="secondary" aria-describedby={name_id.clone()}
                            onclick={p.on.start_rename.reform(move |_: MouseEvent| id)}>{ l.saved_rename }</button>
                        <button type="button" class="secondary" aria-describedby={name_id}
                            onclick={p.on.delete.reform(move |_: MouseEvent| id)}>{ l.saved_delete }</button>
                    </div>
                }
            </li>
        }
    });
    html! {
        <section class="saved" id="saved" aria-labelledby="saved-heading">
            <h2 id="saved-heading">{ l.saved_heading }</h2>
            <div class="saved-new">
                <div class="field">
                    <label for="saved-name-new">{ l.saved_name }</label>
                    <input id="saved-name-new" type="text" value={name} autocomplete="off" maxlength="80"
                        aria-describedby="saved-hint" oninput={text_input(&p.on.name)} onkeydown={enter(&p.on.save)} />
                </div>
                <button type="button" id={SAVE_ID} onclick={on_save} aria-describedby="saved-hint">{ l.saved_save }</button>
            </div>
            <p class="hint" id="saved-hint">{ l.saved_hint }</p>
            <p class="saved-status" role="status">{ s.status.as_ref().map(|st| st.text(p.lang)) }</p>
            <details class="saved-list" open={s.open} ontoggle={on_toggle}>
                <summary>{ summary }</summary>
                if let Some(list) = &s.list {
                    if list.is_empty() {
                        <p>{ l.saved_empty }</p>
                    } else {
                        <ul>{ for rows }</ul>
                    }
                    <button type="button" class="secondary" aria-describedby="saved-clear-hint"
                        onclick={p.on.clear.reform(|_: MouseEvent| ())}>{ l.saved_clear }</button>
                    <p class="hint" id="saved-clear-hint">{ l.saved_clear_hint }</p>
                    <div class="check">
                        <input type="checkbox" id="saved-forget" checked={s.forget} onchange={on_forget}
                            aria-describedby="saved-forget-hint" />
                        <label for="saved-forget">{ l.saved_forget }</label>
                        <p class="hint" id="saved-forget-hint">{ l.saved_forget_hint }</p>
                    </div>
                } else {
                    <p>{ l.saved_loading }</p>
                }
            </details>
        </section>
    }
}
