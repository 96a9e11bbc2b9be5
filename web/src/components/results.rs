//! The answer: a summary line, then the findings grouped (可能符合, 还需要了解, 需个案研究,
//! 服务转介, and 暂不符合 folded), each group with its count. While an answer is wrong or
//! missing, the last result stays, dimmed and marked as not updated.

use std::rc::Rc;

use doudi_core::{Finding, Lang, Status};
use yew::prelude::*;

use crate::app::ParamsInfo;
use crate::components::finding_card::{FindingCard, FindingRef, WhatIf};
use crate::compute::{self, Outcome};
use crate::fields::{finding_dom_id, FieldRef, Target, ANSWERS_ID};
use crate::format;
use crate::hooks::Answers;
use crate::i18n::{self, labels};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub answers: Answers,
    pub names: Rc<Vec<String>>,
    pub params: Rc<ParamsInfo>,
    pub on_reveal: Callback<Target>,
    #[prop_or_default]
    pub staff: bool,
    /// The place's name (for "its standards differ across the place").
    #[prop_or_default]
    pub place_name: AttrValue,
    /// How the household's current 低保 compares with the estimate.
    #[prop_or_default]
    pub dibao_now: Option<compute::DibaoNow>,
    /// An answer to "is there someone able to support this member?" (member, yes).
    pub on_answer: Callback<(usize, compute::Answer)>,
    /// The guided start's questions not answered yet: (question, the id of its control).
    #[prop_or_default]
    pub unanswered: Vec<(AttrValue, AttrValue)>,
    /// The clauses' words have loaded: the cards quote them ([`crate::clauses`]).
    #[prop_or_default]
    pub clauses: bool,
    /// The first frame has been painted: the folded 暂不符合 cards are drawn only then.
    #[prop_or(true)]
    pub painted: bool,
}

/// The headline: the core's own words (`summary.receive.headline`), so the page, the CLI,
/// the package and the print sheet say the same: how many programmes may pay, the ongoing
/// monthly amount, fixed-term and one-off sums apart, and how many amounts are not known yet.
pub fn headline(a: &doudi_core::Assessment, _lang: Lang) -> String {
    a.summary.receive.headline.clone()
}

/// Why an eligible finding is not counted in the totals (another is paid instead), if so.
pub fn set_aside_reason(a: &doudi_core::Assessment, f: &Finding) -> Option<String> {
    a.summary
        .receive
        .set_aside
        .iter()
        .find(|s| s.program == f.program && s.member == f.member)
        .map(|s| s.reason.clone())
}

/// Under the headline, what approval would add ([`compute::Question::Approval`]): "家庭获批
/// 低保后，还可能多 4 项", counted per card; none when approval adds nothing. The headline
/// itself counts only what may be paid now.
pub fn approval_lines(what_ifs: &[compute::WhatIf], lang: Lang) -> Vec<String> {
    use doudi_core::ProgrammeId;
    let l = labels(lang);
    let count = |p: ProgrammeId| what_ifs.iter().filter(|w| w.question == compute::Question::Approval(p)).count();
    compute::APPROVALS
        .into_iter()
        .filter(|p| count(*p) > 0)
        .map(|p| i18n::fill(l.approval_line, &[i18n::approval(p, lang), &count(p).to_string()]))
        .collect()
}

/// The household's current 低保 against the estimate, in words.
pub fn dibao_words(d: &compute::DibaoNow, lang: Lang) -> String {
    use compute::DibaoNow::*;
    let l = labels(lang);
    let money = |a: doudi_core::Amount| format::money(a);
    match d {
        Compared(est, now) if est == now => i18n::fill(l.dibao_same, &[&money(*est)]),
        Compared(est, now) if est > now => {
            i18n::fill(l.dibao_more, &[&money(*est), &money(*now), &money(doudi_core::Amount(est.0 - now.0))])
        }
        Compared(est, now) => {
            i18n::fill(l.dibao_less, &[&money(*est), &money(*now), &money(doudi_core::Amount(now.0 - est.0))])
        }
        Gone(now) => i18n::fill(l.dibao_gone, &[&money(*now)]),
        Taper(this_month, now) => i18n::fill(l.dibao_taper, &[&money(*now), &money(*this_month)]),
        Open(now) => i18n::fill(l.dibao_open, &[&money(*now)]),
    }
}

/// Element ids for the findings, in the assessment's order: the first card of a programme
/// is `f-<programme>`, later per-person cards `f-<programme>-<member index>`.
pub fn card_ids(findings: &[Finding], names: &[String]) -> Vec<String> {
    let mut seen: Vec<&str> = Vec::new();
    findings
        .iter()
        .map(|f| {
            let p = f.program.as_str();
            if !seen.contains(&p) {
                seen.push(p);
                finding_dom_id(p, None)
            } else {
                finding_dom_id(p, Some(compute::member_index(f, names).unwrap_or(0)))
            }
        })
        .collect()
}

#[component]
pub fn Results(p: &ResultsProps) -> Html {
    let l = labels(p.lang);
    let problems: Option<(&Vec<(FieldRef, String)>, bool)> = match &p.answers.outcome {
        Outcome::Ready(_) => None,
        Outcome::Incomplete(v) => Some((v, false)),
        Outcome::Invalid(v) => Some((v, true)),
    };
    let problem_list = problems.map(|(list, invalid)| {
        html! {
            <div class={classes!("problems", invalid.then_some("invalid"))} role="status">
                if p.answers.shown.is_some() {
                    <p class="stale-mark"><span class="icon" aria-hidden="true">{ "⚠" }</span><strong>{ l.stale }</strong>{ " — " }{ l.stale_note }</p>
                } else {
                    <p>{ l.incomplete_note }</p>
                }
                <ul>
                    { for list.iter().map(|(field, message)| {
                        let target = Target::Field(field.clone());
                        let onclick = p.on_reveal.reform(move |_: MouseEvent| target.clone());
                        let what = match field {
                            FieldRef::Whole => i18n::fill(l.whole_input_error, &[message]),
                            f => {
                                let label = crate::components::finding_card::missing_label(&field_path(f), p.lang, &p.names, &p.params.list);
                                // A missing answer is named; a wrong one also says what is wrong.
                                if invalid { i18n::fill(l.member_field, &[&label, message]) } else { label }
                            }
                        };
                        html! {
                            <li>
                                if matches!(field, FieldRef::Whole) {
                                    { what }
                                } else {
                                    <button type="button" class="link-button" {onclick}>{ what }</button>
                                }
                            </li>
                        }
                    }) }
                </ul>
            </div>
        }
    });

    let body = p.answers.shown.as_ref().map(|shown| {
        let a = &shown.assessment;
        let ids = card_ids(&a.findings, &p.names);
        let id_of = |f: &Finding| -> String {
            a.findings.iter().position(|x| std::ptr::eq(x, f)).and_then(|i| ids.get(i).cloned()).unwrap_or_default()
        };
        // A finding's what-if, if it has one (a household finding's is about one of its people:
        // an earner's work), and the status its card shows with it: "还需要了解" while a question
        // is open or the finding waits for an approval; its own where the card keeps it (the
        // 低保 card's work question, relief decided case by case that approval would pay).
        let what_if_of = |f: &Finding| {
            let member = compute::member_index(f, &p.names);
            shown.what_ifs.iter().find(|w| {
                w.program == f.program
                    && match member {
                        Some(i) => w.member == i,
                        None => f.member.is_none() && w.question == compute::Question::Work,
                    }
            })
        };
        let keeps = |w: &compute::WhatIf, f: &Finding| {
            w.question == compute::Question::Work
                || (matches!(w.question, compute::Question::Approval(_)) && f.status == Status::Discretionary)
        };
        let shown_status = |f: &Finding| what_if_of(f).map_or(f.status, |w| if keeps(w, f) { f.status } else { Status::NeedsInfo });
        let what_if = |f: &Finding| {
            what_if_of(f).map(|w| {
                let i = w.member;
                let who = p.names.get(i).cloned().unwrap_or_default();
                let amount = match (w.monthly, w.pending) {
                    (Some(m), _) => i18n::fill(l.what_if_amount, &[&format::money(m)]),
                    (None, true) => l.what_if_amount_local.to_string(),
                    (None, false) => String::new(),
                };
                let name = i18n::programme(w.program, p.lang).0;
                let sentence = match (w.question, w.program) {
                    (compute::Question::Approval(doudi_core::ProgrammeId::Tekun), _) => {
                        i18n::fill(l.what_if_tekun_approved, &[&who, name, &amount])
                    }
                    (compute::Question::Approval(doudi_core::ProgrammeId::DibaoSinglePerson), _) => {
                        i18n::fill(l.what_if_single_approved, &[&who, name, &amount])
                    }
                    (compute::Question::Approval(_), _) if f.status == Status::Discretionary => {
                        i18n::fill(l.what_if_dibao_paid, &[&who, name, &amount])
                    }
                    (compute::Question::Approval(_), _) => i18n::fill(l.what_if_dibao, &[&who, name, &amount]),
                    (compute::Question::Work, _) => {
                        i18n::fill(l.what_if_work, &[&who, &w.monthly.map(format::money).unwrap_or_default()])
                    }
                    (_, doudi_core::ProgrammeId::TempReliefMigrant) => i18n::fill(l.what_if_migrant, &[&who, &amount]),
                    (_, doudi_core::ProgrammeId::SevereDisabilityCareSubsidy) => i18n::fill(l.what_if_care, &[&who, &amount]),
                    _ => i18n::fill(l.what_if_tekun, &[&who, &amount]),
                };
                let (note, asked, options) = match w.question {
                    compute::Question::Supporter => (
                        l.what_if_note.to_string(),
                        l.has_able_supporter,
                        vec![(l.answer_yes.into(), compute::Answer::Supporter(true)), (l.answer_no.into(), compute::Answer::Supporter(false))],
                    ),
                    compute::Question::SelfCare => (
                        l.what_if_note.to_string(),
                        l.self_care,
                        doudi_core::input::SelfCare::ALL
                            .iter()
                            .map(|c| (i18n::self_care_label(*c, p.lang).into(), compute::Answer::SelfCare(*c)))
                            .collect(),
                    ),
                    compute::Question::Work => (
                        l.what_if_note.to_string(),
                        l.work,
                        doudi_core::input::Work::ALL
                            .iter()
                            .map(|w| (i18n::work_label(*w, p.lang).into(), compute::Answer::Work(*w)))
                            .collect(),
                    ),
                    compute::Question::Approval(_) if f.status == Status::Discretionary => (l.what_if_note_dibao_paid.to_string(), "", Vec::new()),
                    compute::Question::Approval(a) => (i18n::fill(l.approval_note, &[i18n::approval(a, p.lang)]), "", Vec::new()),
                };
                let approval = matches!(w.question, compute::Question::Approval(_));
                WhatIf {
                    sentence: sentence.into(),
                    note: note.into(),
                    shown: shown_status(f),
                    // The card's own reasons stay where it keeps its status or waits for an approval.
                    reasons: approval || keeps(w, f),
                    question: i18n::fill(l.member_field, &[&who, asked]).into(),
                    member: i,
                    options,
                    answer: p.on_answer.clone(),
                }
            })
        };
        let card = |f: &Finding| {
            let member_name = compute::member_index(f, &p.names).and_then(|i| p.names.get(i)).map(|n| AttrValue::from(n.clone()));
            let not_counted = set_aside_reason(a, f).map(AttrValue::from);
            let Some(finding) = a.findings.iter().position(|x| std::ptr::eq(x, f)).and_then(|i| FindingRef::new(a.clone(), i)) else {
                return html! {};
            };
            html! {
                <FindingCard key={id_of(f)} lang={p.lang} {finding} dom_id={id_of(f)} {member_name}
                    names={p.names.clone()} params={p.params.clone()} on_reveal={p.on_reveal.clone()}
                    staff={p.staff} place_name={p.place_name.clone()} what_if={what_if(f)} {not_counted} clauses={p.clauses} />
            }
        };
        let group = |status: Status, list: Vec<&Finding>| {
            if list.is_empty() {
                return html! {};
            }
            let class = format!("group-{}", match status {
                Status::Eligible => "eligible",
                Status::NeedsInfo => "needs-info",
                Status::Discretionary => "discretionary",
                Status::Referral => "referral",
                Status::Ineligible => "ineligible",
            });
            let title = html! {
                <>
                    <span class="icon" aria-hidden="true">{ i18n::status_icon(status) }</span>
                    { i18n::status_label(status, p.lang) }
                    <span class="count">{ i18n::fill(l.count, &[&list.len().to_string()]) }</span>
                </>
            };
            if status == Status::Ineligible {
                html! {
                    <details class={classes!("result-group", class)}>
                        <summary><h3>{ title }</h3></summary>
                        if p.painted {
                            { for list.into_iter().map(card) }
                        }
                    </details>
                }
            } else {
                html! {
                    <section class={classes!("result-group", class)}>
                        <h3>{ title }</h3>
                        { for list.into_iter().map(card) }
                    </section>
                }
            }
        };
        // A finding an unanswered question decides is shown with what the page still needs.
        let of = |s: Status| a.findings.iter().filter(|f| shown_status(f) == s).collect::<Vec<_>>();
        let r = &a.summary.receive;
        let summary = headline(a, p.lang);
        // How the totals are made up, once something is not simply added up.
        let explain_totals = !r.set_aside.is_empty() || !r.fixed_term.is_empty() || !r.one_off_total.0.is_zero();
        html! {
            <div class={classes!("results", p.answers.stale.then_some("stale"))} aria-busy={p.answers.stale.then_some("true")}>
                <p class="summary-line" aria-live="polite">{ summary }</p>
                { for approval_lines(&shown.what_ifs, p.lang).into_iter().map(|line| html! { <p class="approval-line">{ line }</p> }) }
                if let Some(d) = &p.dibao_now {
                    <p class="dibao-now">{ dibao_words(d, p.lang) }</p>
                }
                if !p.unanswered.is_empty() {
                    <div class="unanswered">
                        <p>{ l.unanswered }</p>
                        <ul>
                            { for p.unanswered.iter().map(|(question, id)| {
                                let target = Target::Element(id.to_string());
                                let onclick = p.on_reveal.reform(move |_: MouseEvent| target.clone());
                                html! {
                                    <li><span class="mark unknown" aria-hidden="true">{ "?" }</span>
                                        <button type="button" class="link-button" {onclick}>{ question.clone() }</button></li>
                                }
                            }) }
                        </ul>
                    </div>
                }
                if explain_totals {
                    <details class="how-totals">
                        <summary>{ l.how_totals }</summary>
                        <ul>
                            { for r.trace.iter().map(|t| html! {
                                <li><strong>{ t.label.clone() }</strong>{ "：" }{ t.formula.clone() }{ " = " }{ t.value.clone() }</li>
                            }) }
                            { for r.set_aside.iter().map(|s| html! { <li>{ s.reason.clone() }</li> }) }
                        </ul>
                    </details>
                }
                { group(Status::Eligible, of(Status::Eligible)) }
                { group(Status::NeedsInfo, of(Status::NeedsInfo)) }
                { group(Status::Discretionary, of(Status::Discretionary)) }
                { group(Status::Referral, of(Status::Referral)) }
                { group(Status::Ineligible, of(Status::Ineligible)) }
            </div>
        }
    });

    html! {
        <section class="answers-body" aria-labelledby={ANSWERS_ID}>
            <h2 id={ANSWERS_ID} tabindex="-1">{ l.answers_heading }</h2>
            { problem_list.unwrap_or_default() }
            { body.unwrap_or_default() }
        </section>
    }
}

/// A field back as the path [`missing_label`](crate::components::finding_card::missing_label) reads.
fn field_path(f: &FieldRef) -> String {
    match f {
        FieldRef::Member { index, field } => format!("members[{index}].{field}"),
        FieldRef::Household(p) => p.clone(),
        FieldRef::Param(id) => format!("parameters.{id}"),
        FieldRef::Whole => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::tests::{tianjin_three, tianjin_three_disabled_child};

    #[test]
    fn under_the_headline_a_family_found_eligible_for_dibao_is_told_how_many_more_approval_adds() {
        // Tianjin, three people, 1500 a month, the child disabled: 低保 1530 now; once approved,
        // the price subsidy for each of the three and the child's disability subsidy.
        let f = tianjin_three_disabled_child("1500");
        let Outcome::Ready(a) = compute::assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(headline(&a, Lang::Zh), "可能符合 1 项 · 每月约 1,530.00 元");
        let w = compute::what_ifs(&f, &a);
        assert_eq!(
            approval_lines(&w, Lang::Zh),
            vec!["家庭获批低保后，还可能多 4 项（见下面各项的说明）。".to_string()]
        );
        // Above the standard: nothing to add.
        let g = tianjin_three("4000");
        let Outcome::Ready(b) = compute::assess(&g, Lang::Zh) else { panic!() };
        assert!(approval_lines(&compute::what_ifs(&g, &b), Lang::Zh).is_empty());
    }

    #[test]
    fn the_headline_counts_what_is_not_known_apart() {
        let Outcome::Ready(a) = compute::assess(&tianjin_three("1500"), Lang::Zh) else { panic!() };
        assert!(headline(&a, Lang::Zh).starts_with("可能符合 "), "{}", headline(&a, Lang::Zh));
        assert!(headline(&a, Lang::Zh).contains("每月约 1,530.00 元"), "{}", headline(&a, Lang::Zh));
        let mut f = tianjin_three("300");
        f.jurisdiction = "jilin".into();
        let Outcome::Ready(a) = compute::assess(&f, Lang::Zh) else { panic!() };
        let h = headline(&a, Lang::Zh);
        assert!(h.ends_with("项金额待定（要看当地标准）") && !h.contains("0.00 元"), "{h}");
    }
}
