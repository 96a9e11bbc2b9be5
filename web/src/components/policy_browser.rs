//! The policy texts of the place (built as text by [`crate::policy_text::browser`]), with
//! one delegated click handler that turns its links into page targets: a clause, a result
//! card, a parameter.

use doudi_core::Lang;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::fields::{FieldRef, Target};
use crate::i18n::labels;

#[derive(Properties, PartialEq)]
pub struct PolicyBrowserProps {
    pub lang: Lang,
    pub jurisdiction: AttrValue,
    pub on_reveal: Callback<Target>,
    /// The clauses' words have loaded ([`crate::clauses`]): the texts are built again.
    #[prop_or_default]
    pub clauses: bool,
}

/// The target a link in the texts stands for.
fn target_of(a: &web_sys::Element) -> Option<Target> {
    let id = a.get_attribute("data-id")?;
    match a.get_attribute("data-kind")?.as_str() {
        "param" => Some(Target::Field(FieldRef::Param(id))),
        "element" => Some(Target::Element(id)),
        _ => None,
    }
}

#[component]
pub fn PolicyBrowser(p: &PolicyBrowserProps) -> Html {
    let l = labels(p.lang);
    let markup =
        use_memo((p.jurisdiction.clone(), p.lang, p.clauses), |(j, lang, _)| match doudi_core::embedded_policies() {
            Ok(policies) => crate::policy_text::browser(policies, j, *lang),
            Err(_) => String::new(),
        });
    let onclick = {
        let on_reveal = p.on_reveal.clone();
        Callback::from(move |e: MouseEvent| {
            let a = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[data-kind]").ok().flatten());
            if let Some(t) = a.as_ref().and_then(target_of) {
                e.prevent_default();
                on_reveal.emit(t);
            }
        })
    };
    html! {
        <section class="policy-browser" id="policy" aria-labelledby="policy-heading">
            <h2 id="policy-heading" tabindex="-1">{ l.policy_heading }</h2>
            <p class="hint">{ l.policy_hint }</p>
            <div class="documents" {onclick}>{ Html::from_html_unchecked(AttrValue::from((*markup).clone())) }</div>
        </section>
    }
}
