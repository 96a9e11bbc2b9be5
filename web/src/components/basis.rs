//! "What this estimate rests on", always in view: the standard and its source, the
//! epidemic period, the policy data's version, and every assumption the engine made
//! (including each parameter changed by hand).

use doudi_core::{Assessment, Lang};
use yew::prelude::*;

use crate::format;
use crate::i18n::{self, labels};

/// Drawn by a plain function, not a component (it is drawn with the page anyway): a
/// component's machinery costs the first load about 400 bytes of wasm.
pub struct BasisProps {
    pub lang: Lang,
    pub assessment: std::rc::Rc<Assessment>,
    /// Where the standard in use comes from.
    pub standard_source: Option<AttrValue>,
    pub staff: bool,
    /// The place's name (for "its standards differ across the place").
    pub place_name: AttrValue,
}

pub fn basis(p: BasisProps) -> Html {
    let l = labels(p.lang);
    let s = &p.assessment.summary;
    let standard = match s.standard {
        Some(v) => i18n::fill(l.basis_standard, &[&format::money(v)]),
        None if p.staff => l.basis_standard_unknown.to_string(),
        None => i18n::fill(l.basis_standard_local, &[&p.place_name]),
    };
    let epidemic = match (&s.epidemic_start, &s.epidemic_end) {
        (Some(a), Some(b)) => Some(i18n::fill(l.basis_epidemic, &[&format::date(a, p.lang), &format::date(b, p.lang)])),
        (Some(a), None) => Some(i18n::fill(l.basis_epidemic_open, &[&format::date(a, p.lang)])),
        _ => None,
    };
    html! {
        <section class="basis" aria-labelledby="basis-heading">
            <h2 id="basis-heading">{ l.basis_heading }</h2>
            <ul>
                <li>
                    { standard }
                    if let Some(src) = &p.standard_source {
                        { i18n::fill(l.basis_source, &[src]) }
                    }
                </li>
                if let Some(e) = epidemic {
                    // Two sentences: the period, then whether the day is in it.
                    <li>{ e }{ l.basis_epidemic_end }{ if s.in_epidemic_period { l.basis_in_period } else { l.basis_out_period } }</li>
                }
                // A resident is not asked to fill in parameters: the missing ones are said in
                // the standard's line above, the epidemic period in its own.
                { for p.assessment.assumptions.iter()
                    .filter(|a| p.staff || !(a.id.starts_with("parameter.") || a.id == doudi_core::ids::param::EPIDEMIC_END))
                    .map(|a| html! { <li>{ a.text.clone() }</li> }) }
                <li class="version">{ i18n::fill(l.basis_policy_version, &[&p.assessment.policy_version]) }</li>
            </ul>
        </section>
    }
}
