//! One finding as a card: status in words and icon, the programme in residents' words
//! with its official name, the amounts, the reasons, what is missing (as buttons to the
//! field), services, next steps, and "Why?".

use std::rc::Rc;

use doudi_core::ids::param;
use doudi_core::{Assessment, Finding, Lang, Status};
use yew::prelude::*;

use crate::app::ParamsInfo;
use crate::components::why::Why;
use crate::fields::{FieldRef, Target};
use crate::format;
use crate::i18n::{self, labels};

/// One finding of an assessment, by its place in it: handed to a card without copying it,
/// and compared by its contents, so that a card whose finding the last keystroke did not
/// change is not drawn again.
#[derive(Clone, Debug)]
pub struct FindingRef {
    assessment: Rc<Assessment>,
    index: usize,
}

impl FindingRef {
    /// The `index`th finding of `assessment`, if there is one.
    pub fn new(assessment: Rc<Assessment>, index: usize) -> Option<FindingRef> {
        (index < assessment.findings.len()).then_some(FindingRef { assessment, index })
    }
}

impl std::ops::Deref for FindingRef {
    type Target = Finding;
    fn deref(&self) -> &Finding {
        // In range: checked by `new`, and the assessment behind an `Rc` does not change.
        &self.assessment.findings[self.index]
    }
}

impl PartialEq for FindingRef {
    fn eq(&self, o: &FindingRef) -> bool {
        (Rc::ptr_eq(&self.assessment, &o.assessment) && self.index == o.index) || **self == **o
    }
}

#[derive(Properties, PartialEq)]
pub struct FindingCardProps {
    pub lang: Lang,
    pub finding: FindingRef,
    /// The card's element id (`f-dibao`), for links from the policy browser.
    pub dom_id: AttrValue,
    /// The person a per-person finding is about, as the page names them.
    #[prop_or_default]
    pub member_name: Option<AttrValue>,
    /// The page's names of the members, by index (for missing member fields).
    pub names: Rc<Vec<String>>,
    /// Parameter labels by id (for missing parameters).
    pub params: Rc<ParamsInfo>,
    pub on_reveal: Callback<Target>,
    /// Staff mode: missing parameters are asked for, the trace has its formulas.
    #[prop_or_default]
    pub staff: bool,
    /// The place's name, for "its standards differ across the place".
    #[prop_or_default]
    pub place_name: AttrValue,
    /// A question not answered yet decides this finding ([`WhatIf`]). The card then asks it
    /// instead of stating the engine's reading of the unanswered question as a fact.
    #[prop_or_default]
    pub what_if: Option<WhatIf>,
    /// Why this eligible finding is not counted in the totals (another is paid instead).
    #[prop_or_default]
    pub not_counted: Option<AttrValue>,
    /// The clauses' words have loaded: "为什么？" quotes them.
    #[prop_or_default]
    pub clauses: bool,
}

/// An unanswered question about a person that decides a finding: the sentence saying what
/// "no" would change, the question, and the page's own answer callback with the person's
/// index (so that the card's props compare equal from one keystroke to the next, where a
/// callback made for the card at each render would not).
#[derive(Clone, PartialEq)]
pub struct WhatIf {
    pub sentence: AttrValue,
    /// What it depends on: a question not answered yet, or an approval still to come.
    pub note: AttrValue,
    /// The status the card shows: "还需要了解" while a question is open or the finding is
    /// ruled out until an approval; its own when decided case by case already.
    pub shown: Status,
    /// The finding's own reasons are shown too (an approval to come: the ✗ it would lift
    /// and the ✓ already met); a question's card shows the question instead.
    pub reasons: bool,
    pub question: AttrValue,
    pub member: usize,
    /// The answers offered, each with its words.
    pub options: Vec<(AttrValue, crate::compute::Answer)>,
    pub answer: Callback<(usize, crate::compute::Answer)>,
}

/// A needed answer, in words.
pub fn missing_label(path: &str, lang: Lang, names: &[String], params: &[doudi_core::ParamInForce]) -> String {
    let l = labels(lang);
    match FieldRef::parse(path) {
        FieldRef::Member { index, field } => {
            let who = names.get(index).cloned().unwrap_or_else(|| i18n::fill(l.member_n, &[&(index + 1).to_string()]));
            i18n::fill(l.member_field, &[&who, i18n::member_field_label(&field, lang)])
        }
        FieldRef::Household(p) => i18n::household_field_label(&p, lang).to_string(),
        FieldRef::Param(id) => {
            let label = params.iter().find(|p| p.id == id).map_or(id.clone(), |p| p.label.clone());
            format!("{label}{}", l.param_suffix)
        }
        FieldRef::Whole => String::new(),
    }
}

#[component]
pub fn FindingCard(p: &FindingCardProps) -> Html {
    let l = labels(p.lang);
    let f = &p.finding;
    let (plain, explain) = i18n::programme(f.program, p.lang);
    let class_of = |s: Status| match s {
        Status::Eligible => "eligible",
        Status::NeedsInfo => "needs-info",
        Status::Discretionary => "discretionary",
        Status::Referral => "referral",
        Status::Ineligible => "ineligible",
    };
    let heading_id = format!("{}-h", p.dom_id);
    let yuan = |a: doudi_core::assessment::Amount| i18n::fill(l.yuan, &[&format::money(a)]);
    let mut amounts: Vec<(String, String, bool)> = Vec::new();
    use doudi_core::policy::combine::Payment;
    // One month's relief given once reads as a one-off, never as a monthly sum.
    let once = f.payment == Payment::OneOff && f.one_off.is_none();
    if matches!(f.status, Status::Eligible | Status::Discretionary) && once {
        if let Some(t) = f.total {
            let label = i18n::fill(l.one_off_months, &[&f.months.unwrap_or(1).to_string()]);
            amounts.push((label, yuan(t), true));
        }
    } else if matches!(f.status, Status::Eligible | Status::Discretionary) {
        if let Some(m) = f.monthly {
            let label = if f.payment == Payment::FixedTerm { l.fixed_term_monthly } else { l.monthly };
            amounts.push((label.to_string(), yuan(m), true));
        }
        if let Some(o) = f.one_off {
            amounts.push((l.one_off.to_string(), yuan(o), true));
        }
        if let Some(n) = f.months {
            amounts.push((String::new(), i18n::fill(l.months, &[&n.to_string()]), false));
        }
        if let Some(t) = f.total {
            amounts.push((l.total.to_string(), yuan(t), false));
        }
        if let Some(c) = f.cap {
            amounts.push((l.cap.to_string(), yuan(c), false));
        }
    }
    let amount_unknown =
        f.status == Status::Eligible && f.monthly.is_none() && f.one_off.is_none() && !f.missing.is_empty();
    let member = p.member_name.as_ref().map(|n| i18n::fill(l.for_member, &[n]));
    let flow = {
        let (f, lang, names, params) =
            (crate::components::flow::FlowOf::of(f), p.lang, p.names.clone(), p.params.clone());
        Callback::from(move |_: ()| {
            crate::components::flow::steps(&f, lang, |m| missing_label(m, lang, &names, &params.list))
        })
    };
    // What the card shows as its status: a finding an unanswered question decides is one
    // the page still needs to know about.
    let shown_status = p.what_if.as_ref().map_or(f.status, |w| w.shown);
    let status_class = class_of(shown_status);
    let (missing_params, missing_fields): (Vec<&String>, Vec<&String>) =
        f.missing.iter().partition(|m| matches!(FieldRef::parse(m), FieldRef::Param(_)));
    // The 低保 standard is missing only where it differs from city to city (Jilin): said so.
    // Any other local figure is only not known here (Tianjin's price subsidy in 2020).
    let standard = |m: &&String| matches!(FieldRef::parse(m), FieldRef::Param(id) if id == param::DIBAO_STANDARD_URBAN.as_str() || id == param::DIBAO_STANDARD_RURAL.as_str());
    let local_rule = if missing_params.iter().any(standard) { l.local_rule } else { l.local_figure };
    let ask = |path: &String| {
        let target = Target::Field(FieldRef::parse(path));
        let onclick = p.on_reveal.reform(move |_: MouseEvent| target.clone());
        html! {
            <li><span class="mark unknown" aria-hidden="true">{ "?" }</span><span class="visually-hidden">{ l.mark_unknown }</span><button type="button" class="link-button" {onclick}>
                { missing_label(path, p.lang, &p.names, &p.params.list) }
            </button></li>
        }
    };
    let reasons = html! {
        <ul class="reasons">
            { for crate::compute::reason_marks(f).into_iter().map(|(mark, r)| {
                let (class, icon, word) = i18n::mark_shown(mark, p.lang);
                html! {
                    <li class={class}>
                        <span class="mark" aria-hidden="true">{ icon }</span>
                        <span class="visually-hidden">{ word }</span>
                        { r.to_string() }
                    </li>
                }
            }) }
        </ul>
    };
    html! {
        <article class={classes!("finding", status_class)} part="card" id={p.dom_id.clone()} aria-labelledby={heading_id.clone()} tabindex="-1">
            <p class="status-tag">
                <span class="icon" aria-hidden="true">{ i18n::status_icon(shown_status) }</span>
                { i18n::status_label(shown_status, p.lang) }
            </p>
            <h4 id={heading_id}>
                <span class="plain">{ plain }{ member.unwrap_or_default() }</span>
                <span class="official">{ f.name.clone() }</span>
            </h4>
            if !amounts.is_empty() {
                <dl class="amounts">
                    { for amounts.into_iter().map(|(label, value, big)| html! {
                        <div class={classes!("amount", big.then_some("big"))}>
                            <dt>{ label }</dt>
                            <dd>{ value }</dd>
                        </div>
                    }) }
                </dl>
            }
            if let Some(why) = &p.not_counted {
                <p class="not-counted">{ i18n::fill(l.not_counted, &[why]) }</p>
            }
            if amount_unknown && p.staff {
                <p class="note">{ l.amount_unknown }</p>
            }
            <p class="explain">{ explain }</p>
            if let Some(WhatIf { sentence, note, question, member, options, answer, reasons: with_reasons, .. }) = &p.what_if {
                <div class="what-if">
                    <p><strong>{ sentence.clone() }</strong></p>
                    <p>{ note.clone() }</p>
                    if !options.is_empty() {
                        <div class="answer-buttons" role="group" aria-label={question.clone()}>
                            <span class="question">{ question.clone() }</span>
                            { for options.iter().map(|(words, a)| {
                                let (i, a) = (*member, *a);
                                html! { <button type="button" onclick={answer.reform(move |_: MouseEvent| (i, a))}>{ words.clone() }</button> }
                            }) }
                        </div>
                    }
                </div>
                if *with_reasons && !f.reasons.is_empty() {
                    { reasons.clone() }
                }
            } else if !f.reasons.is_empty() {
                { reasons }
            }
            if f.status == Status::Discretionary && f.next_steps.is_empty() {
                <p class="note">{ l.discretionary_note }</p>
            }
            if p.what_if.is_none() && (!missing_fields.is_empty() || (p.staff && !missing_params.is_empty())) {
                <div class="missing">
                    <p>{ l.needs }</p>
                    <ul>
                        { for missing_fields.iter().copied().map(ask) }
                        if p.staff {
                            { for missing_params.iter().copied().map(ask) }
                        }
                    </ul>
                </div>
            }
            // A figure only officials know: the rule in words and whom to ask, never a
            // request to fill in a parameter (staff mode keeps that).
            if p.what_if.is_none() && !p.staff && !missing_params.is_empty() {
                <div class="local-rule">
                    <p><span class="mark unknown" aria-hidden="true">{ "?" }</span><span class="visually-hidden">{ l.mark_unknown }</span>{ i18n::fill(local_rule, &[&p.place_name]) }</p>
                    <p>{ l.ask_local }</p>
                </div>
            }
            if !f.services.is_empty() {
                <div class="services">
                    <p>{ l.services }</p>
                    <ul>
                        { for f.services.iter().map(|s| html! { <li>{ s.text.clone() }</li> }) }
                    </ul>
                </div>
            }
            if !f.next_steps.is_empty() {
                <div class="next-steps">
                    <p>{ l.next_steps }</p>
                    <ul>
                        { for f.next_steps.iter().map(|s| html! { <li>{ s.clone() }</li> }) }
                    </ul>
                </div>
            }
            <Why lang={p.lang} trace={f.trace.clone()} citations={f.citations.clone()} on_reveal={p.on_reveal.clone()} staff={p.staff} clauses={p.clauses}
                {flow} outcome={AttrValue::from(format!("→ {}", i18n::status_label(shown_status, p.lang)))} />
        </article>
    }
}
