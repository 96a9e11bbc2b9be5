//! "保存在本机": a folded panel whose content `web/saved.js` draws the first time it is
//! opened (`on_open` hands the root its element): save the household under a name, and
//! the households saved on this device, each opened, renamed or deleted in one tap,
//! "全部删除" and "关闭页面时忘记". Its words are saved.js's own, so that none of it weighs
//! on the first load; the data attributes tell it the language and the household (the share
//! link's fragment, from which it also takes the place and people for the suggested name).

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::labels;

#[derive(Properties, PartialEq)]
pub struct SavedProps {
    pub lang: Lang,
    /// The household as a share link's fragment (`#h=…`).
    pub household: AttrValue,
    pub on_open: Callback<web_sys::Element>,
}

#[component]
pub fn SavedHouseholds(p: &SavedProps) -> Html {
    let l = labels(p.lang);
    let ui = use_node_ref();
    let ontoggle = {
        let (ui, cb) = (ui.clone(), p.on_open.clone());
        Callback::from(move |e: Event| {
            let open = e.target_unchecked_into::<web_sys::Element>().has_attribute("open");
            if let Some(el) = ui.cast::<web_sys::Element>().filter(|_| open) {
                cb.emit(el);
            }
        })
    };
    let lang = match p.lang {
        Lang::En => "en",
        Lang::Zh => "zh",
    };
    html! {
        <section class="saved" id="saved" aria-labelledby="saved-heading">
            <details {ontoggle}>
                <summary><h2 id="saved-heading">{ l.saved_heading }</h2></summary>
                <div class="saved-ui" ref={ui} data-lang={lang} data-h={p.household.clone()}></div>
            </details>
        </section>
    }
}
