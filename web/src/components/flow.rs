//! A finding's conditions as a flow (issue: "the conditions as a flow"): each step the
//! decision layer tested, in order, marked ✓ met / ✗ not met / ? not known yet, with the
//! figures compared and, for a step that failed, how far off it is; an arrow (SVG) leads to
//! the next step and the last to the outcome. The steps are the finding's own conditions
//! (`Finding::conditions`, the same as its decisions), each told by the sentence the rule
//! wrote for it, never a second copy of the rules.

use doudi_core::decision::{Compare, Met};
use doudi_core::{Finding, Lang};
use yew::prelude::*;

use crate::compute::Mark;
use crate::i18n::{self, labels};

/// One step of the flow, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub mark: Mark,
    pub text: String,
    /// `333.33 < 1010`: the figures compared, when there are any.
    pub figures: Option<String>,
    /// For a step that failed: how far the figure is from meeting it.
    pub change: Option<String>,
}

/// Two figures alike: with two decimals (grouped) when either has cents, else whole.
fn pair(a: rust_decimal::Decimal, b: rust_decimal::Decimal) -> (String, String) {
    let (a, b) = (doudi_core::money::round2(a), doudi_core::money::round2(b));
    // Whole when normalizing leaves no decimals (`fract` would cost the page its own code).
    let (na, nb) = (a.normalize(), b.normalize());
    if na.scale() == 0 && nb.scale() == 0 {
        (na.to_string(), nb.to_string())
    } else {
        (doudi_core::money::fmt_grouped(a), doudi_core::money::fmt_grouped(b))
    }
}

/// What the flow of a finding is drawn from (its conditions, reasons and missing inputs).
pub struct FlowOf {
    pub conditions: Vec<(doudi_core::decision::Condition, Option<u16>)>,
    pub reasons: Vec<String>,
    pub missing: Vec<String>,
}

impl FlowOf {
    pub fn of(f: &Finding) -> FlowOf {
        FlowOf { conditions: f.conditions.clone(), reasons: f.reasons.clone(), missing: f.missing.clone() }
    }
}

/// The steps of `f`: its conditions with a sentence, then what is not known yet (`missing`,
/// each named by `label`).
pub fn steps(f: &FlowOf, lang: Lang, label: impl Fn(&str) -> String) -> Vec<Step> {
    let l = labels(lang);
    let mut out: Vec<Step> = Vec::new();
    for (c, reason) in &f.conditions {
        let Some(text) = reason.and_then(|r| f.reasons.get(r as usize)) else { continue };
        // A sentence told once (several conditions may share one).
        if out.iter().any(|s| &s.text == text) {
            continue;
        }
        let op = match c.compare {
            Compare::Lt => "<",
            Compare::Le => "≤",
            Compare::Ge => "≥",
            Compare::Gt => ">",
            Compare::Is => "",
        };
        let (figures, change) = match (c.value, c.threshold, op.is_empty()) {
            (Some(v), Some(t), false) => {
                let (vs, ts) = pair(v.value, t.value);
                let (d, _) = pair(c.distance().unwrap_or_default(), t.value);
                let change = match c.met {
                    Met::No if !(v.value - t.value).is_zero() => Some(i18n::fill(l.flow_off_by, &[&d, op, &ts])),
                    Met::No => Some(i18n::fill(l.flow_needs, &[op, &ts])),
                    Met::Yes => None,
                };
                (Some(format!("{vs} {op} {ts}")), change)
            }
            _ => (None, None),
        };
        let mark = if c.met == Met::Yes { Mark::Met } else { Mark::Unmet };
        out.push(Step { mark, text: text.clone(), figures, change });
    }
    for m in &f.missing {
        out.push(Step { mark: Mark::Unknown, text: label(m), figures: None, change: None });
    }
    out
}

/// A down arrow between two steps (drawn, not read: the list gives the order).
fn arrow() -> Html {
    html! {
        <svg class="flow-arrow" viewBox="0 0 16 20" width="16" height="20" aria-hidden="true" focusable="false">
            <path d="M8 0v14M2 9l6 7 6-7" fill="none" stroke="currentColor" stroke-width="2" />
        </svg>
    }
}

/// The flow drawn: the steps, then the outcome they lead to (a plain function, not a
/// component: it is drawn only inside an opened "为什么？", and a component's machinery
/// costs the wasm kilobytes).
pub fn view(lang: Lang, steps: &[Step], outcome: &str) -> Html {
    let l = labels(lang);
    if steps.is_empty() {
        return html! {};
    }
    html! {
        <figure class="flow">
            <figcaption class="flow-heading">{ l.flow_heading }</figcaption>
            <ol class="flow-steps">
                { for steps.iter().map(|s| {
                    let (class, icon, word) = i18n::mark_shown(s.mark, lang);
                    html! {
                        <li class={classes!("flow-step", class)}>
                            <div class="flow-box">
                                <span class="mark" aria-hidden="true">{ icon }</span>
                                <span class="visually-hidden">{ word }</span>
                                <span class="flow-text">{ s.text.clone() }</span>
                                if let Some(fig) = &s.figures {
                                    <span class="flow-figures">{ fig.clone() }</span>
                                }
                                if let Some(ch) = &s.change {
                                    <span class="flow-change">{ ch.clone() }</span>
                                }
                            </div>
                            { arrow() }
                        </li>
                    }
                }) }
            </ol>
            <p class="flow-outcome">{ outcome.to_string() }</p>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::{self, Outcome};
    use crate::form::tests::tianjin_three;

    #[test]
    fn a_failed_step_gives_its_figures_and_how_far_off_it_is() {
        // 3100 + 0 + 0 for three: 1,033.33 a head against the standard of 1,010.
        let Outcome::Ready(a) = compute::assess(&tianjin_three("3100"), Lang::Zh) else { panic!() };
        let dibao = a.findings.iter().find(|f| f.program == doudi_core::ProgrammeId::Dibao).unwrap();
        let steps = steps(&FlowOf::of(dibao), Lang::Zh, str::to_string);
        let failed: Vec<&Step> = steps.iter().filter(|s| s.mark == Mark::Unmet).collect();
        assert_eq!(failed.len(), 1, "{steps:#?}");
        assert_eq!(failed[0].figures.as_deref(), Some("1,033.33 < 1,010.00"), "{steps:#?}");
        assert_eq!(failed[0].change.as_deref(), Some("相差 23.33（需 < 1,010.00）"), "{steps:#?}");
        // Every step is one of the finding's reasons, and the marks are the decision's.
        for s in &steps {
            assert!(dibao.reasons.contains(&s.text), "{}", s.text);
        }
        let unmet = dibao.conditions.iter().filter(|(c, r)| r.is_some() && c.met == Met::No).count();
        assert_eq!(failed.len(), unmet);
    }
}
