//! "2020 年疫情措施对这户的作用": a folded section beside the answer (the site only, not the
//! embed) whose content `web/ordinary-panel.js` draws the first time it is opened: per
//! programme the household under the 2020 rules and under the ordinary rules, the difference
//! and the clause that makes it, computed by the npm package's `doudi/ordinary` entry (its
//! own wasm, copied into `doudi-ordinary/` by `post-build.sh`). None of it is in the first
//! load, and it costs the first load as little as it can: a plain function (no component, no
//! hook) drawing a `<details>` around its summary as markup text and the panel's `<div>`, and the `<script>` added when it is opened. The
//! panel reads the household from `data-h` (the share link's fragment, as the saved panel
//! does) and the language from `data-lang`, and draws again whenever they change; its words,
//! the programmes' names among them, are its own.

use doudi_core::Lang;
use yew::prelude::*;

use crate::i18n::labels;
use crate::markup::{el, wrap};

/// Adds `<script type="module" src="ordinary-panel.js">`; the panel then draws every open
/// section itself (and any opened later). Added again on a later opening it is harmless: a
/// module is fetched and run once per page, so no flag is kept here (fewer bytes).
fn load() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(s) = doc.create_element("script") else { return };
    let _ = s.set_attribute("type", "module");
    let _ = s.set_attribute("src", "ordinary-panel.js");
    if let Some(b) = doc.body() {
        let _ = b.append_child(&s);
    }
}

/// The section, for `household` (a share link's fragment, `#h=…`). The `<details>` (for its
/// listener) and the panel's empty `<div>` (whose `data-h` changes at every edit: an
/// attribute set, not a redrawn subtree) go through `html!`; the summary is markup text
/// ([`crate::markup`]), much smaller in WebAssembly. The panel follows the div's attributes.
pub fn ordinary_section(lang: Lang, household: AttrValue, on_open: Callback<()>) -> Html {
    let ontoggle = Callback::from(move |e: Event| {
        if e.target_unchecked_into::<web_sys::Element>().has_attribute("open") {
            on_open.emit(());
            load();
        }
    });
    let summary = wrap("summary", "", &el("h2", "id=\"ordinary-heading\"", labels(lang).ordinary_heading));
    let lang = if lang == Lang::En { "en" } else { "zh-CN" };
    html! {
        <details class="ordinary" {ontoggle}>
            { Html::from_html_unchecked(AttrValue::from(summary)) }
            <div class="ordinary-ui" data-lang={lang} data-h={household}></div>
        </details>
    }
}
