//! "2020 年疫情措施对这户的作用": a folded section beside the answer (the site only, not the
//! embed) whose content `web/ordinary-panel.js` draws the first time it is opened: per
//! programme the household under the 2020 rules and under the ordinary rules, the difference
//! and the clause that makes it, computed by the npm package's `doudi/ordinary` entry (its
//! own wasm, copied into `doudi-ordinary/` by `post-build.sh`). None of it is in the first
//! load: this component is a `<details>` and the one `<script>` it adds when opened. The
//! panel reads the household from `data-h` (the share link's fragment, as the saved panel
//! does) and redraws whenever it changes; `data-names` carries the programmes' names in the
//! page's own words.

use doudi_core::{Lang, ProgrammeId};
use yew::prelude::*;

use crate::i18n::{labels, programme};

#[derive(Properties, PartialEq)]
pub struct OrdinaryProps {
    pub lang: Lang,
    /// The household as a share link's fragment (`#h=…`).
    pub household: AttrValue,
}

/// Adds `<script type="module" src="ordinary-panel.js">` once; the panel then draws every
/// open section itself (and any opened later).
fn load() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if doc.get_element_by_id("ordinary-panel-js").is_some() {
        return;
    }
    let Ok(s) = doc.create_element("script") else { return };
    let _ = s.set_attribute("type", "module");
    let _ = s.set_attribute("id", "ordinary-panel-js");
    let _ = s.set_attribute("src", "ordinary-panel.js");
    if let Some(b) = doc.body() {
        let _ = b.append_child(&s);
    }
}

#[component]
pub fn OrdinarySection(p: &OrdinaryProps) -> Html {
    let ontoggle = Callback::from(|e: Event| {
        if e.target_unchecked_into::<web_sys::Element>().has_attribute("open") {
            load();
        }
    });
    let (lang, names) = (p.lang, use_memo(p.lang, |&l| {
        ProgrammeId::ALL.map(|id| format!("{}={}", id.as_str(), programme(id, l).0)).join(";")
    }));
    html! {
        <section class="ordinary" aria-labelledby="ordinary-heading">
            <details {ontoggle}>
                <summary><h2 id="ordinary-heading">{ labels(lang).ordinary_heading }</h2></summary>
                <div class="ordinary-ui" aria-live="polite" data-lang={if lang == Lang::En { "en" } else { "zh-CN" }}
                    data-h={p.household.clone()} data-names={(*names).clone()}></div>
            </details>
        </section>
    }
}
