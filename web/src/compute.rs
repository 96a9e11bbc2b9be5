//! From the form to what the page shows: the assessment (or why there is none yet), the
//! chart's sweep, and the findings grouped as people read them. Pure: no DOM, no clock.

use std::rc::Rc;

use doudi_core::assessment::Amount;
use doudi_core::sweep::Probe;
use doudi_core::{evaluate_input, Assessment, Finding, InputError, Lang, Options, SweepRange};
use rust_decimal::Decimal;

use crate::fields::FieldRef;
use crate::form::{Form, Problems};

/// The engine's answer for the form as it stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Ready(Rc<Assessment>),
    /// Answers still to give, each with the field and a plain prompt.
    Incomplete(Vec<(FieldRef, String)>),
    /// Wrong answers, each at its field with a plain message.
    Invalid(Vec<(FieldRef, String)>),
}

/// Assesses the form in `lang`: checks what the page checks, then asks the engine.
pub fn assess(form: &Form, lang: Lang) -> Outcome {
    let ids = form.member_ids(lang);
    let (input, problems) = form.to_input(Some(&ids), lang);
    match problems {
        Some(Problems::Incomplete(v)) => return Outcome::Incomplete(v),
        Some(Problems::Invalid(v)) => return Outcome::Invalid(v),
        None => {}
    }
    match evaluate_input(input, Options { lang }) {
        Ok(a) => Outcome::Ready(Rc::new(a)),
        Err(e) => Outcome::Invalid(vec![refusal(&e, lang)]),
    }
}

/// An engine refusal as a field and a message in `lang`.
pub fn refusal(e: &InputError, lang: Lang) -> (FieldRef, String) {
    let message = match lang {
        Lang::Zh => e.message_zh.clone(),
        Lang::En => e.message.clone(),
    };
    (FieldRef::parse(&e.path), message)
}

/// How many points the chart's sweep computes (intervals + 1).
pub const SWEEP_STEPS: u32 = 60;

/// The chart's data: the household's monthly aid as the first member's income runs from 0
/// to 3 × (standard × members), or why it cannot be drawn.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    /// The form cannot be assessed (the page shows the last chart instead).
    Unavailable,
    /// The 低保 standard has no value: the x range cannot be chosen.
    NeedsStandard,
    Ready(Sweep),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    /// (first member's income, household's monthly aid), income ascending from 0.
    pub points: Vec<(Decimal, Decimal)>,
    /// The household as entered: (first member's income, monthly aid).
    pub current: (Decimal, Decimal),
    /// 3 × standard × members: the end of the default range.
    pub range_end: Decimal,
    /// The income from which the aid stays 0 (when it starts above 0 and reaches 0 in range),
    /// found to the cent by halving the interval between the two points around it.
    pub zero_from: Option<Decimal>,
    /// Where income + aid falls as the first member earns more, each found to the cent.
    pub falls: Vec<Fall>,
}

/// A fall in income + aid as the first member earns more (the aid stops, or drops by more
/// than the income rises), and how far it reaches: the sweep only shows that it happens
/// between two of its points; halving finds where, to the cent.
#[derive(Clone, Debug, PartialEq)]
pub struct Fall {
    /// The lowest income at which income + aid is below what it was a cent lower.
    pub at: Decimal,
    /// Income + aid at a cent below `at`, and at `at`.
    pub before: Decimal,
    pub after: Decimal,
    /// The lowest income at which income + aid is `before` again, if the chart's range
    /// reaches it: every income from `at` up to it leaves the household with less in all
    /// than an income just below `at`.
    pub back: Option<Decimal>,
}

/// Sweeps the first member's income for the chart.
pub fn chart(form: &Form) -> ChartData {
    let (input, problems) = form.to_input(None, Lang::Zh);
    if problems.is_some() {
        return ChartData::Unavailable;
    }
    // Decisions only (no sentences): the chart needs the totals and the standard.
    let Ok(now) = doudi_core::decide_input(input.clone()) else {
        return ChartData::Unavailable;
    };
    let Some(standard) = now.standard else {
        return ChartData::NeedsStandard;
    };
    let members = Decimal::from(now.members as u64);
    let range_end = standard * members * Decimal::from(3);
    let income = input.members.first().and_then(|m| m.monthly_income).map(|m| m.0).unwrap_or_default();
    // Keep the household's own point on the chart when it earns beyond the range.
    let to = if income > range_end { round_up(income * Decimal::new(12, 1)) } else { round_up(range_end) };
    if to <= Decimal::ZERO {
        return ChartData::NeedsStandard;
    }
    let range = SweepRange { from: Decimal::ZERO, to, steps: SWEEP_STEPS };
    let Ok(points) = doudi_core::sweep(input.clone(), range) else {
        return ChartData::Unavailable;
    };
    let points: Vec<(Decimal, Decimal)> = points.into_iter().map(|p| (p.income.0, p.monthly_total.0)).collect();
    let Ok(mut probe) = Probe::new(input) else {
        return ChartData::Unavailable;
    };
    // Between the last point with aid and the first without, halved to the cent.
    let zero_from = zero_point(&points).map(|(a, b)| probe.first(a, b, |_, aid| aid.is_zero()));
    let falls = falls(&points, &mut probe);
    ChartData::Ready(Sweep { points, current: (income, now.totals.monthly_total), range_end, zero_from, falls })
}

/// Each fall of income + aid the sweep's points show ([`crate::plot::losses`]), found to the
/// cent: where it falls (below its level at the stretch's start), the totals a cent before and
/// at it, and the income at which the total is made up again (first among the points, then
/// halved). A stretch inside a fall found already (before it is made up) is that fall.
fn falls(points: &[(Decimal, Decimal)], probe: &mut Probe) -> Vec<Fall> {
    let cent = Decimal::new(1, 2);
    let total = |p: &(Decimal, Decimal)| p.0 + p.1;
    let mut out: Vec<Fall> = Vec::new();
    for (a, b) in crate::plot::losses(points) {
        if out.last().is_some_and(|f| f.back.is_none_or(|back| a < back)) {
            continue;
        }
        let Some(level) = points.iter().find(|p| p.0 == a).map(total) else { continue };
        let at = probe.first(a, b, |x, aid| x + aid < level);
        let before = at - cent + probe.monthly(at - cent);
        let after = at + probe.monthly(at);
        let back = points.iter().position(|p| p.0 > at && total(p) >= before).map(|j| {
            let from = points[j - 1].0.max(at);
            probe.first(from, points[j].0, |x, aid| x + aid >= before)
        });
        out.push(Fall { at, before, after, back });
    }
    out
}

/// The two neighbouring points around the income from which the aid stays 0, if the aid
/// starts above 0 and ends at 0.
pub fn zero_point(points: &[(Decimal, Decimal)]) -> Option<(Decimal, Decimal)> {
    if points.first()?.1.is_zero() {
        return None;
    }
    let last = points.iter().rposition(|p| !p.1.is_zero())?;
    Some((points[last].0, points.get(last + 1)?.0))
}

/// Up to the next multiple of 100 (a readable axis end).
fn round_up(d: Decimal) -> Decimal {
    let hundred = Decimal::from(100);
    (d / hundred).ceil() * hundred
}

/// The index of the member a finding names (by the ids the page gave), if any.
pub fn member_index(f: &Finding, ids: &[String]) -> Option<usize> {
    let id = f.member.as_ref()?;
    ids.iter().position(|x| x == id)
}

/// The summary an embed announces (`doudi-change`, web/EMBED.md) as JSON text: per finding
/// only the programme, status and amounts, then the totals. No member ids, ages or incomes.
/// Written by hand (ids and amounts need no escaping): a serializer costs kilobytes of wasm.
pub fn embed_summary(a: &Assessment) -> String {
    use doudi_core::Status;
    let amount = |x: Option<Amount>| x.map_or_else(|| "null".to_string(), |v| format!("\"{v}\""));
    let programmes: Vec<String> = a
        .findings
        .iter()
        .map(|f| {
            let status = match f.status {
                Status::Eligible => "eligible",
                Status::Ineligible => "ineligible",
                Status::NeedsInfo => "needs_info",
                Status::Discretionary => "discretionary",
                Status::Referral => "referral",
            };
            format!(
                "{{\"program\":\"{}\",\"status\":\"{status}\",\"monthly\":{},\"one_off\":{}}}",
                f.program.as_str(),
                amount(f.monthly),
                amount(f.one_off)
            )
        })
        .collect();
    // The headline holds no quote or backslash of its own; escape them anyway.
    let headline = a.summary.receive.headline.replace('\\', "\\\\").replace('"', "\\\"");
    format!(
        "{{\"programmes\":[{}],\"monthly_total\":\"{}\",\"one_off_total\":\"{}\",\"fixed_term_total\":\"{}\",\"headline\":\"{headline}\"}}",
        programmes.join(","),
        a.summary.monthly_total,
        a.summary.one_off_total,
        a.summary.receive.fixed_term_total
    )
}

/// What a question not answered yet would change: "if this person had no one able to
/// support them, they may qualify for 特困" (the engine reads an unanswered
/// `has_able_supporter` as yes and an unanswered `self_care` as full, the contract's
/// defaults; the page must not tell either as a fact).
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// The member the question is about (index in the form).
    pub member: usize,
    pub program: doudi_core::ProgrammeId,
    pub question: Question,
    /// The amount the finding would have, if known.
    pub monthly: Option<Amount>,
    /// The finding would still wait for a figure (Jilin's standard, which only officials
    /// know): "no" makes it possible, not yet payable.
    pub pending: bool,
}

/// What a what-if turns on: a member's question, or another programme being approved.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// "Is there someone able to support them?" (`has_able_supporter`).
    Supporter,
    /// "Can they look after themselves?" (`self_care`).
    SelfCare,
    /// The household (for 低保) or the member (for 特困) being approved for a programme this
    /// assessment finds it may qualify for: the documents give some aid to 低保对象 and
    /// 特困人员 only (价格临时补贴, 困难残疾人生活补贴, a COVID patient's monthly relief), so a
    /// household not on 低保 yet is told what approval would add, not only "✗ 不是低保家庭".
    /// No one on the page can answer it: the card offers no answer.
    Approval(doudi_core::ProgrammeId),
    /// "What work does this person do?" (`work`), where a migrant or returning worker's work
    /// cost would change the household's 低保 (its card, which keeps its own status).
    Work,
}

/// An answer to a [`Question`], given on a result card.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Supporter(bool),
    SelfCare(doudi_core::input::SelfCare),
    Work(doudi_core::input::Work),
}

impl Answer {
    /// The answer written into the member's form.
    pub fn apply(self, m: &mut crate::form::MemberForm) {
        match self {
            Answer::Supporter(yes) => m.has_able_supporter = Some(yes),
            Answer::SelfCare(c) => m.self_care = Some(c),
            Answer::Work(w) => m.work = Some(w),
        }
    }
}

/// The approvals a [`Question::Approval`] what-if turns on, in the order the page tells them.
pub const APPROVALS: [doudi_core::ProgrammeId; 3] =
    [doudi_core::ProgrammeId::Dibao, doudi_core::ProgrammeId::DibaoSinglePerson, doudi_core::ProgrammeId::Tekun];

/// The programmes whose approval a [`Question::Approval`] what-if reads, and the programmes
/// it never reports: their own family (an approved 低保 does not "open" 低保).
fn chained(approved: doudi_core::ProgrammeId, p: doudi_core::ProgrammeId) -> bool {
    use doudi_core::ProgrammeId::*;
    let own = match approved {
        Tekun => &[Tekun][..],
        _ => &[Dibao, DibaoSinglePerson, DibaoTaper, TempReliefAdvance][..],
    };
    !own.contains(&p)
}

/// For each member whose "is there someone able to support them?" is unanswered: whether
/// "no" would make their 特困 finding eligible when it is not now, or leave it waiting only
/// for what the page does not know (a local standard: still not ruled out, so still asked);
/// and whether it would open 外来人员临时救助 (a worker from elsewhere who lost work "得不到
/// 家庭支持") that is ruled out now. For each disabled member whose self-care is unanswered:
/// whether "not fully self-reliant" would open the care subsidy (重度残疾人护理补贴). One
/// more decision (no text) per such question; none when every answer is given.
///
/// Then what approval would add ([`Question::Approval`]): for a household not on 低保 that
/// this assessment finds eligible for it, the household decided once more as a 低保 household
/// receiving the amount found; for a member not on 特困 found eligible for it, decided once
/// more as a 特困 person. Each finding ruled out now that approval would make payable, or
/// payable once a local figure is known, is told so (one finding, one what-if: a question
/// about the person comes first).
pub fn what_ifs(form: &Form, now: &Assessment) -> Vec<WhatIf> {
    use doudi_core::input::SelfCare;
    use doudi_core::{ProgrammeId, Status};
    let lang = now.lang;
    let ids = form.member_ids(lang);
    let status = |p: ProgrammeId, i: usize| {
        now.findings.iter().find(|f| f.program == p && member_index(f, &ids) == Some(i)).map(|f| f.status)
    };
    // The decisions with member i's answer changed, if the form still reads.
    // The decisions for another form, if it still reads. Decisions only: a what-if needs
    // the status and the amount, no sentence.
    let decide = |other: &Form| {
        let (input, problems) = other.to_input(Some(&ids), lang);
        problems.is_none().then(|| doudi_core::decide_input(input).ok()).flatten()
    };
    // ... with member i's answer changed.
    let then = |i: usize, answer: Answer| {
        let mut other = form.clone();
        answer.apply(&mut other.members[i]);
        decide(&other)
    };
    let household_dibao = now.findings.iter().find(|f| f.program == ProgrammeId::Dibao && f.member.is_none());
    let mut out = Vec::new();
    let mut push = |i: usize, program: ProgrammeId, question: Question, d: &doudi_core::decision::Decision| {
        out.push(WhatIf {
            member: i,
            program,
            question,
            monthly: d.monthly.map(Amount),
            pending: d.status == Status::NeedsInfo,
        })
    };
    for (i, m) in form.members.iter().enumerate() {
        let tekun = status(ProgrammeId::Tekun, i).is_some_and(|s| s != Status::Eligible);
        let migrant = status(ProgrammeId::TempReliefMigrant, i) == Some(Status::Ineligible);
        if m.has_able_supporter.is_none() && m.asks_supporter() && (tekun || migrant) {
            if let Some(then) = then(i, Answer::Supporter(false)) {
                let decided = |p: ProgrammeId| then.findings.iter().find(|d| d.program == p && d.member == Some(i));
                if let Some(d) = decided(ProgrammeId::Tekun)
                    .filter(|d| tekun && matches!(d.status, Status::Eligible | Status::NeedsInfo))
                {
                    push(i, ProgrammeId::Tekun, Question::Supporter, d);
                }
                if let Some(d) =
                    decided(ProgrammeId::TempReliefMigrant).filter(|d| migrant && d.status != Status::Ineligible)
                {
                    push(i, ProgrammeId::TempReliefMigrant, Question::Supporter, d);
                }
            }
        }
        let care = ProgrammeId::SevereDisabilityCareSubsidy;
        if m.self_care.is_none() && m.disabled && status(care, i) == Some(Status::Ineligible) {
            if let Some(then) = then(i, Answer::SelfCare(SelfCare::Partial)) {
                let decided = then.findings.iter().find(|d| d.program == care && d.member == Some(i));
                if let Some(d) = decided.filter(|d| d.status != Status::Ineligible) {
                    push(i, care, Question::SelfCare, d);
                }
            }
        }
    }
    // An earner's unanswered work, where 外出务工 would take a work cost off the household's
    // 低保 (on 低保, in the epidemic period): told on the 低保 card with its amount then.
    for (i, m) in form.members.iter().enumerate() {
        if !m.work_matters(form.support.dibao, now.summary.in_epidemic_period) {
            continue;
        }
        let Some(then) = then(i, Answer::Work(doudi_core::input::Work::Migrant)) else { continue };
        let decided = then.findings.iter().find(|d| d.program == ProgrammeId::Dibao && d.member.is_none());
        if let Some(d) = decided.filter(|d| d.monthly != household_dibao.and_then(|f| f.monthly).map(|a| a.0)) {
            push(i, ProgrammeId::Dibao, Question::Work, d);
        }
    }
    // What approval would add: (the programme approved, the form as approved, the only
    // member whose findings it concerns, if one).
    let mut approvals: Vec<(ProgrammeId, Form, Option<usize>)> = Vec::new();
    let on_dibao = |monthly: Amount| {
        let mut other = form.clone();
        other.support.dibao = true;
        other.support.dibao_monthly = monthly.to_string();
        other
    };
    if let Some(monthly) =
        household_dibao.filter(|f| !form.support.dibao && f.status == Status::Eligible).and_then(|f| f.monthly)
    {
        approvals.push((ProgrammeId::Dibao, on_dibao(monthly), None));
    } else if !form.support.dibao {
        // A severely disabled or ill person enrolled alone (单独纳入低保) is a 低保对象 in a
        // household of one: decided as a 低保 household, only their own findings read.
        for f in
            now.findings.iter().filter(|f| f.program == ProgrammeId::DibaoSinglePerson && f.status == Status::Eligible)
        {
            if let (Some(i), Some(monthly)) = (member_index(f, &ids), f.monthly) {
                approvals.push((ProgrammeId::DibaoSinglePerson, on_dibao(monthly), Some(i)));
            }
        }
    }
    for (i, m) in form.members.iter().enumerate() {
        if !m.tekun && status(ProgrammeId::Tekun, i) == Some(Status::Eligible) {
            let mut other = form.clone();
            other.members[i].tekun = true;
            approvals.push((ProgrammeId::Tekun, other, Some(i)));
        }
    }
    for (approved, other, only) in approvals {
        let Some(then) = decide(&other) else { continue };
        for d in &then.findings {
            let Some(i) = d.member.filter(|i| only.is_none_or(|o| o == *i)) else { continue };
            // Ruled out now and possible then; or decided case by case now and paid a set
            // amount then (a Chongqing COVID patient: 2 × the standard a month for 低保对象).
            let opens = match status(d.program, i) {
                Some(Status::Ineligible) => {
                    matches!(d.status, Status::Eligible | Status::NeedsInfo | Status::Discretionary)
                }
                Some(Status::Discretionary) => {
                    d.status == Status::Eligible && (d.monthly.is_some() || d.one_off.is_some())
                }
                _ => false,
            };
            let asked = out.iter().any(|w| w.program == d.program && w.member == i);
            if opens && !asked && chained(approved, d.program) {
                out.push(WhatIf {
                    member: i,
                    program: d.program,
                    question: Question::Approval(approved),
                    monthly: d.monthly.map(Amount),
                    // Eligible with its amount a figure not known here (no 2020 amount was
                    // published for the price subsidy): payable once the figure is known.
                    pending: d.status == Status::NeedsInfo || (d.monthly.is_none() && !d.missing.is_empty()),
                });
            }
        }
    }
    out
}

/// Whether a reason states a condition met, not met, or not known yet, or is a note that
/// explains without stating a condition (the rule's next step, a limit, a national rule).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Met,
    Unmet,
    Unknown,
    Note,
}

/// Whether reason `i` of `f` is the sentence of a condition its decision tested.
pub fn states_a_condition(f: &Finding, i: usize) -> bool {
    f.conditions.iter().any(|(_, r)| r.map(usize::from) == Some(i))
}

/// Each reason of a finding with its mark: the engine says, from its decisions, which
/// reasons state a condition that does not hold (`Finding::unmet`): those are ✗, whatever
/// the finding's status (a patient outside the groups of the monthly relief is told ✗ so,
/// though relief decided case by case still applies); a finding that waits for an answer
/// marks the sentence that says so ?; the other sentences of a tested condition are ✓, and
/// the rest are notes (no ✓: "the national rules apply" is not a condition met).
pub fn reason_marks(f: &Finding) -> Vec<(Mark, &str)> {
    use doudi_core::Status;
    f.reasons
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mark = if f.unmet.get(i) == Some(&true) {
                Mark::Unmet
            } else if f.status == Status::NeedsInfo && crate::i18n::UNKNOWN_WORDS.iter().any(|w| r.contains(w)) {
                Mark::Unknown
            } else if states_a_condition(f, i) {
                Mark::Met
            } else {
                Mark::Note
            };
            (mark, r.as_str())
        })
        .collect()
}

/// How the household's current 低保 compares with this estimate's, when it says it is on
/// 低保 and gives the amount.
#[derive(Clone, Debug, PartialEq)]
pub enum DibaoNow {
    /// (estimate, now).
    Compared(Amount, Amount),
    /// The estimate finds the household no longer qualifies (now).
    Gone(Amount),
    /// No longer below the standard, but 低保 tapers off for a set term: (this month's, now).
    Taper(Amount, Amount),
    /// The estimate has no amount yet (a local figure or an answer missing).
    Open(Amount),
}

pub fn dibao_now(form: &Form, a: &Assessment) -> Option<DibaoNow> {
    use doudi_core::{ProgrammeId, Status};
    if !form.support.dibao {
        return None;
    }
    let typed = crate::format::normalize_number(&form.support.dibao_monthly);
    let now = Amount(doudi_core::money::parse_decimal(&typed)?);
    let f = a.findings.iter().find(|f| f.program == ProgrammeId::Dibao && f.member.is_none())?;
    let taper = a.findings.iter().find(|f| f.program == ProgrammeId::DibaoTaper && f.status == Status::Eligible);
    Some(match (f.status, f.monthly, taper.and_then(|t| t.monthly)) {
        (Status::Eligible, Some(m), _) => DibaoNow::Compared(m, now),
        (Status::Ineligible, _, Some(t)) => DibaoNow::Taper(t, now),
        (Status::Ineligible, _, None) if taper.is_none() => DibaoNow::Gone(now),
        _ => DibaoNow::Open(now),
    })
}

#[cfg(test)]
mod tests {
    /// The what-ifs that ask a question about a person (not those of an approval to come).
    fn questions(f: &Form, a: &Assessment) -> Vec<WhatIf> {
        what_ifs(f, a).into_iter().filter(|w| !matches!(w.question, Question::Approval(_))).collect()
    }

    /// A household of three in Tianjin (1500 yuan a month, not on 低保) with a child of grade
    /// 2 disability: found eligible for 低保 (3 × 1010 − 1500 = 1530), it is not a 低保
    /// household yet, so 困难残疾人生活补贴 (000 二（七）: 低保家庭中的残疾人) and 价格临时补贴 (002
    /// 一: 低保对象) are ruled out today. The page tells what approval would add, for each
    /// member, and nothing once the household is on 低保 (those findings are then its own).
    #[test]
    fn a_household_found_eligible_for_dibao_is_told_what_approval_adds() {
        use doudi_core::ProgrammeId::*;
        let mut f = tianjin_three_disabled_child("1500");
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(dibao(&Outcome::Ready(a.clone())).monthly.map(|m| m.to_string()), Some("1530.00".into()));
        let ids = f.member_ids(Lang::Zh);
        let status = |a: &Assessment, p, i: usize| {
            a.findings.iter().find(|x| x.program == p && member_index(x, &ids) == Some(i)).map(|x| x.status)
        };
        assert_eq!(status(&a, DisabilityLivingSubsidy, 2), Some(Status::Ineligible));
        let approval: Vec<(usize, doudi_core::ProgrammeId, bool)> = what_ifs(&f, &a)
            .into_iter()
            .filter(|w| w.question == Question::Approval(Dibao))
            .map(|w| (w.member, w.program, w.pending))
            .collect();
        // No 2020 amount is known for either: approval makes them payable once it is.
        assert_eq!(
            approval,
            vec![
                (0, PriceSubsidy, true),
                (1, PriceSubsidy, true),
                (2, PriceSubsidy, true),
                (2, DisabilityLivingSubsidy, true)
            ],
        );
        // Told once the household is on 低保: the findings say so themselves.
        f.support.dibao = true;
        f.support.dibao_monthly = "1530".into();
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(status(&b, DisabilityLivingSubsidy, 2), Some(Status::Eligible));
        // (Only the earner's work is asked then: the work cost counts for a 低保 household.)
        let left: Vec<_> = what_ifs(&f, &b).into_iter().map(|w| w.question).collect();
        assert_eq!(left, vec![Question::Work]);
        // A household whose income is above the standard is found no 低保, and told nothing.
        let c = tianjin_three("4000");
        let Outcome::Ready(d) = assess(&c, Lang::Zh) else { panic!() };
        assert!(what_ifs(&c, &d).is_empty(), "{:?}", what_ifs(&c, &d));
    }

    /// Chongqing, 2020-03-20: a mother (38, 800 a month) with a child of 8; she had COVID-19
    /// (diagnosed 2020-02-10, discharged 2020-03-05). Not on 低保, her relief is decided case by
    /// case (001 一（五）); found eligible for 低保 (2 × 620 − 800 = 440), a confirmed 低保对象
    /// gets 2 × the standard a month (001 一（三）: 2 × 620 = 1240). The page tells both.
    #[test]
    fn a_covid_patient_found_eligible_for_dibao_is_told_the_monthly_relief_it_brings() {
        use doudi_core::ProgrammeId::*;
        let mut f = Form::new("chongqing", "2020-03-20");
        f.members[0].age = "38".into();
        f.members[0].monthly_income = "800".into();
        f.members[0].covid = doudi_core::input::Covid::Confirmed;
        f.members[0].diagnosed_on = "2020-02-10".into();
        f.members[0].in_hospital = Some(false);
        f.members[0].discharged_on = "2020-03-05".into();
        f.members[0].has_able_supporter = Some(true);
        f.add_member();
        f.members[1].relation = doudi_core::input::Relation::Child;
        f.members[1].age = "8".into();
        f.members[1].has_able_supporter = Some(true);
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!("{:?}", assess(&f, Lang::Zh)) };
        assert_eq!(dibao(&Outcome::Ready(a.clone())).monthly.map(|m| m.to_string()), Some("440.00".into()));
        let covid = a
            .findings
            .iter()
            .find(|x| x.program == TempReliefCovid && x.member.as_deref() == Some(&f.member_ids(Lang::Zh)[0]))
            .unwrap();
        assert_eq!(covid.status, Status::Discretionary);
        let w: Vec<_> = what_ifs(&f, &a).into_iter().filter(|w| w.program == TempReliefCovid).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].member, w[0].question, w[0].pending), (0, Question::Approval(Dibao), false));
        assert_eq!(w[0].monthly.map(|m| m.to_string()), Some("1240.00".into()));
    }

    /// Tianjin, a recognised 低收入 household: a father earning 3000 and a son of 20 with a
    /// grade 1 intellectual disability who cannot look after himself. The household is above
    /// the 低保 line, but the son may be enrolled alone (单独纳入低保, 1010); as a 低保对象 he would
    /// get 价格临时补贴 too. Only his own findings are told, not his father's.
    #[test]
    fn a_person_found_eligible_for_dibao_alone_is_told_what_approval_adds_for_him() {
        use doudi_core::ProgrammeId::*;
        let mut f = Form::new("tianjin", "2020-04-15");
        f.residence = Some(doudi_core::input::Residence::Urban);
        f.support.low_income = true;
        f.members[0].age = "50".into();
        f.members[0].monthly_income = "3000".into();
        f.add_member();
        f.members[1].relation = doudi_core::input::Relation::Child;
        f.members[1].age = "20".into();
        f.members[1].disabled = true;
        f.members[1].disability_grade = Some(1);
        f.members[1].disability_type = Some(doudi_core::input::DisabilityType::Intellectual);
        f.members[1].self_care = Some(doudi_core::input::SelfCare::None);
        f.members[1].has_able_supporter = Some(true);
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!("{:?}", assess(&f, Lang::Zh)) };
        assert_eq!(dibao(&Outcome::Ready(a.clone())).status, Status::Ineligible);
        let w: Vec<_> = what_ifs(&f, &a).into_iter().map(|w| (w.member, w.program, w.question, w.pending)).collect();
        assert_eq!(w, vec![(1, PriceSubsidy, Question::Approval(DibaoSinglePerson), true)]);
        assert_eq!(
            crate::components::results::approval_lines(&what_ifs(&f, &a), Lang::Zh),
            vec!["单独纳入低保获批后，还可能多 1 项（见下面各项的说明）。".to_string()]
        );
    }

    /// Tianjin, on 低保, in the epidemic: the applicant earns 1500, his work not stated (read as
    /// none: 3 × 1010 − 1500 = 1530). The 低保 card says what 外出务工 would make it (the work
    /// cost of 500 off his income: 3 × 1010 − 1000 = 2030); answered, nothing is asked.
    #[test]
    fn an_earner_on_dibao_is_asked_his_work_on_the_dibao_card() {
        use doudi_core::ProgrammeId::*;
        let mut f = tianjin_three("1500");
        f.support.dibao = true;
        f.support.dibao_monthly = "1530".into();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(dibao(&Outcome::Ready(a.clone())).monthly.map(|m| m.to_string()), Some("1530.00".into()));
        let w: Vec<_> = what_ifs(&f, &a).into_iter().filter(|w| w.question == Question::Work).collect();
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].member, w[0].program), (0, Dibao));
        assert_eq!(w[0].monthly.map(|m| m.to_string()), Some("2030.00".into()));
        f.members[0].work = Some(doudi_core::input::Work::Local);
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        assert!(what_ifs(&f, &b).iter().all(|w| w.question != Question::Work));
        // Not on 低保: no work cost, nothing asked.
        let g = tianjin_three("1500");
        let Outcome::Ready(c) = assess(&g, Lang::Zh) else { panic!() };
        assert!(what_ifs(&g, &c).iter().all(|w| w.question != Question::Work));
    }

    /// A woman of 70 with no one obliged to support her, living with a nephew who earns 5000:
    /// the household is above the 低保 line, but she is found eligible for 特困 (1870), and
    /// 特困人员 are among 价格临时补贴's groups (002 一). Not 特困 yet, she is told what approval
    /// would add, and only about her own subsidy.
    #[test]
    fn a_person_found_eligible_for_tekun_is_told_what_approval_adds() {
        use doudi_core::ProgrammeId::*;
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "70".into();
        f.members[0].has_able_supporter = Some(false);
        f.add_member();
        f.members[1].relation = doudi_core::input::Relation::Other;
        f.members[1].age = "35".into();
        f.members[1].monthly_income = "5000".into();
        f.members[1].has_able_supporter = Some(true);
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(dibao(&Outcome::Ready(a.clone())).status, Status::Ineligible);
        let w: Vec<_> = what_ifs(&f, &a).into_iter().map(|w| (w.member, w.program, w.question, w.pending)).collect();
        assert_eq!(w, vec![(0, PriceSubsidy, Question::Approval(Tekun), true)]);
        // Once she receives 特困, the subsidy is hers already.
        f.members[0].tekun = true;
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        assert!(what_ifs(&f, &b).is_empty(), "{:?}", what_ifs(&f, &b));
    }

    use super::*;
    use crate::form::tests::{tianjin_three, tianjin_three_disabled_child};
    use doudi_core::Status;

    fn dibao(o: &Outcome) -> Finding {
        let Outcome::Ready(a) = o else { panic!("{o:?}") };
        a.findings.iter().find(|f| f.program == doudi_core::ProgrammeId::Dibao).cloned().expect("a dibao finding")
    }

    /// A Dongli household on 低保 (600) whose income rose above the standard through work
    /// from 2020-07-01 is not told it may no longer qualify: on 2020-08-20 the taper still
    /// pays the full 600, and the words say so.
    #[test]
    fn a_household_in_its_taper_is_told_what_the_taper_pays() {
        let mut f = tianjin_three("2600");
        f.jurisdiction = "tianjin-dongli".into();
        f.as_of = "2020-08-20".into();
        f.members.truncate(2);
        f.support.dibao = true;
        f.support.dibao_monthly = "600".into();
        f.support.income_above_standard_since = "2020-07-01".into();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let d = dibao_now(&f, &a).expect("on dibao");
        assert_eq!(d, DibaoNow::Taper(Amount(Decimal::from(600)), Amount(Decimal::from(600))));
        assert_eq!(
            crate::components::results::dibao_words(&d, Lang::Zh),
            "您家现在每月领取低保金 600.00 元；按本次测算收入已超过低保标准，低保渐退：限期每月 600.00 元，期满后退出低保。"
        );
        // Without the date it rose, nothing tapers: exit is suspended in the epidemic (Dongli 003).
        f.support.income_above_standard_since.clear();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert!(!matches!(dibao_now(&f, &a), Some(DibaoNow::Taper(..))));
    }

    #[test]
    fn embed_summary_has_amounts_and_no_member_details() {
        let Outcome::Ready(a) = assess(&tianjin_three("1500"), Lang::Zh) else { panic!() };
        let s = embed_summary(&a);
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        // The same ids and amounts the engine's own serializer writes.
        let dibao = a.findings.iter().find(|f| f.program == doudi_core::ProgrammeId::Dibao).unwrap();
        let p = v["programmes"].as_array().unwrap().iter().find(|p| p["program"] == "dibao").unwrap();
        assert_eq!(p["status"], serde_json::to_value(dibao.status).unwrap(), "{s}");
        assert_eq!(p["monthly"], serde_json::to_value(dibao.monthly).unwrap(), "{s}");
        assert_eq!(p["one_off"], serde_json::to_value(dibao.one_off).unwrap(), "{s}");
        assert_eq!(v["monthly_total"], serde_json::to_value(a.summary.monthly_total).unwrap(), "{s}");
        assert!(v["programmes"].as_array().is_some_and(|p| !p.is_empty()), "{s}");
        assert!(v.get("monthly_total").is_some() && v.get("one_off_total").is_some(), "{s}");
        assert!(!s.contains("申请人") && !s.contains("\"member\""), "{s}");
    }

    #[test]
    fn tianjin_three_people_1500_get_1530() {
        let o = assess(&tianjin_three("1500"), Lang::Zh);
        let d = dibao(&o);
        assert_eq!(d.status, Status::Eligible);
        assert_eq!(d.monthly.map(|m| m.to_string()).as_deref(), Some("1530.00"));
        let Outcome::Ready(a) = &o else { unreachable!() };
        assert_eq!(a.summary.standard.map(|s| s.to_string()).as_deref(), Some("1010.00"));
        assert_eq!(a.findings.iter().filter(|f| f.status == Status::Eligible).count(), a.summary.eligible);
    }

    #[test]
    fn every_place_answers_in_both_languages() {
        for place in crate::i18n::places() {
            for lang in [Lang::Zh, Lang::En] {
                let mut f = tianjin_three("800");
                f.jurisdiction = place.to_string();
                f.support.dibao = true;
                f.members[1].covid = doudi_core::input::Covid::Confirmed;
                f.members[1].in_hospital = Some(true);
                f.members[2].orphan = true;
                match assess(&f, lang) {
                    Outcome::Ready(a) => assert!(!a.findings.is_empty(), "{place}"),
                    other => panic!("{place} {lang:?}: {other:?}"),
                }
                assert!(!matches!(chart(&f), ChartData::Unavailable), "{place}");
            }
        }
    }

    #[test]
    fn a_negative_income_is_refused_at_its_field() {
        match assess(&tianjin_three("-100"), Lang::Zh) {
            Outcome::Invalid(v) => {
                assert_eq!(v[0].0, FieldRef::Member { index: 0, field: "monthly_income".into() });
                assert_eq!(v[0].1, "请填写 0 或更大的数");
            }
            other => panic!("{other:?}"),
        }
        match assess(&tianjin_three("lots"), Lang::En) {
            Outcome::Invalid(v) => assert_eq!(v[0].0.dom_id().as_deref(), Some("m0-monthly_income")),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn findings_name_members_as_the_page_does() {
        let Outcome::Ready(a) = assess(&tianjin_three("1500"), Lang::Zh) else { panic!() };
        let ids = tianjin_three("1500").member_ids(Lang::Zh);
        let per_member: Vec<_> = a.findings.iter().filter_map(|f| member_index(f, &ids)).collect();
        assert!(per_member.contains(&2), "{per_member:?}");
    }

    #[test]
    fn the_chart_sweeps_to_three_times_the_household_line() {
        let ChartData::Ready(s) = chart(&tianjin_three("1500")) else { panic!() };
        assert_eq!(s.points.len(), SWEEP_STEPS as usize + 1);
        assert_eq!(s.range_end, Decimal::from(9090));
        assert_eq!(s.points.last().map(|p| p.0), Some(Decimal::from(9100)));
        assert_eq!(s.points[0], (Decimal::ZERO, s.points[0].1));
        assert_eq!(s.current, (Decimal::from(1500), Decimal::from(1530)));
        // 低保 ends where the household's income reaches 3 × 1010; halving finds it, to the cent.
        assert_eq!(s.zero_from, Some(Decimal::from(3030)));
    }

    /// A person alone in Chongqing has the gap paid: income + aid never falls, so the chart
    /// marks no range where earning more lowers the total (it once marked seven, from incomes
    /// between cents: 1900 / 60 a step).
    #[test]
    fn a_paid_gap_shows_no_range_where_earning_more_lowers_the_total() {
        let mut f = Form::new("chongqing", "2020-04-15");
        f.members[0].age = "68".into();
        let ChartData::Ready(s) = chart(&f) else { panic!() };
        assert_eq!(s.points.last().map(|p| p.0), Some(Decimal::from(1900)));
        assert_eq!(crate::plot::losses(&s.points), vec![]);
        assert_eq!(s.falls, vec![]);
        assert_eq!(s.points[0], (Decimal::ZERO, Decimal::from(620)));
    }

    /// A woman of 72 alone in Chongqing with no one to support her is supported as tekun
    /// (806 a month) while her income is below the 低保 standard (620): at 620.00 the support
    /// stops and 低保 pays nothing, so income + aid falls from 619.99 + 806 to 620.00, and only
    /// an income of 1,425.99 brings it back. The sweep's points (31.67 apart) only show that it
    /// falls between two of them; the chart says where, to the cent, and how far it reaches.
    #[test]
    fn a_cliff_is_found_to_the_cent_with_the_income_that_makes_it_up() {
        let mut f = Form::new("chongqing", "2020-04-15");
        f.members[0].age = "72".into();
        f.members[0].has_able_supporter = Some(false);
        let ChartData::Ready(s) = chart(&f) else { panic!() };
        let cents = |c: i64| Decimal::new(c, 2);
        assert_eq!(
            s.falls,
            vec![Fall { at: cents(62000), before: cents(142599), after: cents(62000), back: Some(cents(142599)) }]
        );
        // The sweep's stretch is wider than the fall; the chart shades from the fall on.
        let windows = crate::plot::losses(&s.points);
        assert_eq!(windows.len(), 1);
        assert!(windows[0].0 < cents(62000) && cents(62000) < windows[0].1, "{windows:?}");
    }

    #[test]
    fn jilin_without_a_standard_cannot_be_charted() {
        let mut f = tianjin_three("1500");
        f.jurisdiction = "jilin".into();
        assert_eq!(chart(&f), ChartData::NeedsStandard);
        f.parameters.insert("dibao.standard.urban".into(), "600".into());
        assert!(matches!(chart(&f), ChartData::Ready(_)));
        let mut bad = f.clone();
        bad.members[0].monthly_income = "-1".into();
        assert_eq!(chart(&bad), ChartData::Unavailable);
    }

    #[test]
    fn an_old_woman_alone_in_jilin_is_asked_too() {
        // 70, living alone, 300 a month, in Jilin, where no standard is known: "no supporter"
        // does not make 特困 payable here, but it stops ruling it out, so the page asks.
        let mut f = Form::new("jilin", "2020-04-15");
        f.members[0].age = "70".into();
        f.members[0].monthly_income = "300".into();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let tekun = a.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::Tekun).unwrap();
        assert_eq!(tekun.status, Status::Ineligible, "the engine reads the unanswered question as yes");
        let w = questions(&f, &a);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].member, w[0].monthly, w[0].pending), (0, None, true), "{w:?}");
        // Answered "no", the finding waits for the local standard; nothing is left to ask.
        f.members[0].has_able_supporter = Some(false);
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        let tekun = b.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::Tekun).unwrap();
        assert_eq!(tekun.status, Status::NeedsInfo);
        assert!(questions(&f, &b).is_empty());
        // Answered "yes", 特困 is ruled out and not asked about.
        f.members[0].has_able_supporter = Some(true);
        let Outcome::Ready(c) = assess(&f, Lang::Zh) else { panic!() };
        assert!(questions(&f, &c).is_empty());
    }

    #[test]
    fn an_old_woman_alone_is_not_told_she_has_a_supporter() {
        // 70, living alone, no income, in Tianjin on 2020-04-15; the supporter question unanswered.
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "70".into();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let tekun = a.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::Tekun).unwrap();
        assert_eq!(tekun.status, Status::Ineligible, "the engine reads the unanswered question as yes");
        let w = questions(&f, &a);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].member, w[0].program), (0, doudi_core::ProgrammeId::Tekun));
        assert!(w[0].monthly.is_some_and(|m| m.0 > Decimal::ZERO), "{w:?}");
        assert!(!w[0].pending, "{w:?}");
        // Her reasons: the supporter condition is the one not met; age, work and income are.
        let marks = reason_marks(tekun);
        let unmet: Vec<_> = marks.iter().filter(|(m, _)| *m == Mark::Unmet).map(|(_, r)| *r).collect();
        assert_eq!(unmet.len(), 1, "{marks:?}");
        assert!(unmet[0].contains("义务人"), "{marks:?}");
        assert!(marks.iter().filter(|(m, _)| *m == Mark::Met).count() >= 2, "{marks:?}");
        // Answered, nothing is left to ask.
        f.members[0].has_able_supporter = Some(false);
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        assert!(questions(&f, &b).is_empty());
        // A child living with her parents is not asked (nor is her 特困 put in doubt).
        let Outcome::Ready(c) = assess(&tianjin_three("0"), Lang::Zh) else { panic!() };
        assert!(questions(&tianjin_three("0"), &c).is_empty());
        let tekun = b.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::Tekun).unwrap();
        assert_eq!(tekun.status, Status::Eligible);
    }

    #[test]
    fn an_ineligible_finding_marks_its_failed_conditions() {
        // Tianjin, three people, 1500 yuan: the applicant (45) is no 特困 case for several reasons.
        let Outcome::Ready(a) = assess(&tianjin_three("1500"), Lang::Zh) else { panic!() };
        for f in a.findings.iter().filter(|f| f.status == Status::Ineligible) {
            let marks = reason_marks(f);
            assert_eq!(marks.first().map(|m| m.0), Some(Mark::Unmet), "{}: {marks:?}", f.program.as_str());
            // Failed first, then met: never an unmet after a met.
            let first_met = marks.iter().position(|m| m.0 == Mark::Met).unwrap_or(marks.len());
            assert!(marks[first_met..].iter().all(|m| m.0 != Mark::Unmet), "{marks:?}");
        }
        let dibao = dibao(&assess(&tianjin_three("1500"), Lang::Zh));
        assert!(reason_marks(&dibao).iter().all(|m| m.0 == Mark::Met));
    }

    /// A man of 40 from elsewhere (no local hukou, no permit) in Chongqing who lost his work to
    /// the epidemic: 外来人员临时救助 turns on "得不到家庭支持", which the engine reads as
    /// "has support" while unanswered. The page asks it, says what "no" would change, and the
    /// card does not tell the default as a fact.
    #[test]
    fn a_migrant_worker_is_asked_about_family_support() {
        let mut f = Form::new("chongqing", "2020-04-15");
        f.members[0].age = "40".into();
        f.members[0].hukou = Some(doudi_core::input::Hukou::None);
        f.members[0].epidemic_job_loss = true;
        assert!(f.members[0].asks_supporter());
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let migrant = a.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::TempReliefMigrant).unwrap();
        assert_eq!(migrant.status, Status::Ineligible);
        let marks = reason_marks(migrant);
        assert!(
            marks.iter().any(|(m, r)| *m == Mark::Unmet && r.contains("没有说明申请人（40岁）能不能得到家庭支持，按能得到计算")),
            "{marks:?}"
        );
        assert!(!marks.iter().any(|(_, r)| r.contains("有家庭支持")), "told as a fact: {marks:?}");
        let w = questions(&f, &a);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].member, w[0].program), (0, doudi_core::ProgrammeId::TempReliefMigrant));
        // Answered "no": relief decided case by case, and nothing left to ask.
        f.members[0].has_able_supporter = Some(false);
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        let migrant = b.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::TempReliefMigrant).unwrap();
        assert_eq!(migrant.status, Status::Discretionary);
        assert!(questions(&f, &b).is_empty());
        // A local worker who lost work is not asked (no route turns on it).
        let mut local = Form::new("chongqing", "2020-04-15");
        local.members[0].age = "40".into();
        local.members[0].epidemic_job_loss = true;
        assert!(!local.members[0].asks_supporter());
        // Nor told as a fact that his hukou is local while it is not answered.
        let reason = |f: &Form| {
            let Outcome::Ready(a) = assess(f, Lang::Zh) else { panic!() };
            let m = a.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::TempReliefMigrant).unwrap();
            m.reasons.iter().find(|r| r.contains("外来人员")).cloned().unwrap_or_default()
        };
        assert_eq!(reason(&local), "没有说明申请人（40岁）的户籍，按本地户籍计算，不属外来人员。");
        local.members[0].hukou = Some(doudi_core::input::Hukou::Local);
        assert!(reason(&local).starts_with("申请人（40岁） 是本地户籍，不属外来人员"), "{}", reason(&local));
    }

    /// A man of 50 in Tianjin with a grade 1 disability whose self-care is not answered: the
    /// care subsidy turns on it, which the engine reads as "fully self-reliant" while
    /// unanswered. The page says what "not fully" would change, with the three answers on
    /// the card, and the card's reason says the reading as taken, not as a fact.
    #[test]
    fn a_severely_disabled_man_is_asked_whether_he_can_look_after_himself() {
        use doudi_core::input::SelfCare;
        let care = doudi_core::ProgrammeId::SevereDisabilityCareSubsidy;
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "50".into();
        f.members[0].disabled = true;
        f.members[0].disability_grade = Some(1);
        // His supporter question answered, so that only self-care is left to ask.
        f.members[0].has_able_supporter = Some(true);
        assert_eq!(f.members[0].self_care, None, "not pre-answered");
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let subsidy = a.findings.iter().find(|x| x.program == care).unwrap();
        assert_eq!(subsidy.status, Status::Ineligible);
        let marks = reason_marks(subsidy);
        assert!(
            marks.iter().any(|(m, r)| *m == Mark::Unmet && r.starts_with("没有说明生活能不能自理，按能完全自理计算")),
            "{marks:?}"
        );
        let w = questions(&f, &a);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!((w[0].member, w[0].program, w[0].question), (0, care, Question::SelfCare));
        // Answered on the card: the form has it, and the subsidy is no longer ruled out.
        Answer::SelfCare(SelfCare::Partial).apply(&mut f.members[0]);
        assert_eq!(f.members[0].self_care, Some(SelfCare::Partial));
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        assert_ne!(b.findings.iter().find(|x| x.program == care).unwrap().status, Status::Ineligible);
        assert!(questions(&f, &b).is_empty());
        // Answered "能自理": told as his answer, and not asked again.
        f.members[0].self_care = Some(SelfCare::Full);
        let Outcome::Ready(c) = assess(&f, Lang::Zh) else { panic!() };
        let subsidy = c.findings.iter().find(|x| x.program == care).unwrap();
        assert!(subsidy.reasons.iter().any(|r| r.starts_with("生活能完全自理")), "{:?}", subsidy.reasons);
        assert!(questions(&f, &c).is_empty());
        // A grade 3 disability is not asked (the subsidy is for grades 1 and 2).
        f.members[0].self_care = None;
        f.members[0].disability_grade = Some(3);
        let Outcome::Ready(d) = assess(&f, Lang::Zh) else { panic!() };
        assert!(questions(&f, &d).is_empty());
    }

    /// A woman of 72 alone in Chongqing with no income and no one to support her: each
    /// condition of her 特困 is ✓, and the sentence that the national rules apply (no
    /// condition of hers) is a note, not "符合".
    #[test]
    fn a_note_is_not_told_as_a_condition_met() {
        let mut f = Form::new("chongqing", "2020-04-15");
        f.members[0].age = "72".into();
        f.members[0].has_able_supporter = Some(false);
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let tekun = a.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::Tekun).unwrap();
        assert_eq!(tekun.status, Status::Eligible);
        let marks = reason_marks(tekun);
        let notes: Vec<_> = marks.iter().filter(|(m, _)| *m == Mark::Note).map(|(_, r)| *r).collect();
        assert_eq!(notes, ["特困人员的一般认定条件不在本地文件中，按国家《特困人员认定办法》认定。"], "{marks:?}");
        let met: Vec<_> = marks.iter().filter(|(m, _)| *m == Mark::Met).map(|(_, r)| *r).collect();
        assert_eq!(met.len(), 4, "{marks:?}");
        for words in ["已满 60 周岁", "无劳动能力", "无法定赡养、抚养、扶养义务人", "（无生活来源）"]
        {
            assert!(met.iter().any(|r| r.contains(words)), "{words}: {marks:?}");
        }
    }

    /// What makes a member of a 低收入 household with a grade 1 disability a one-person
    /// 低保 household (Tianjin 002 一) are conditions of the decision, each ✓; how the route
    /// works is a note.
    #[test]
    fn the_single_person_route_marks_its_facts_as_met() {
        let mut f = tianjin_three("1500");
        f.support.low_income = true;
        f.members[2].disabled = true;
        f.members[2].disability_grade = Some(1);
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let single = a
            .findings
            .iter()
            .find(|x| x.program == doudi_core::ProgrammeId::DibaoSinglePerson && x.status == Status::Eligible)
            .expect("a one-person dibao");
        let marks = reason_marks(single);
        let of = |words: &str| marks.iter().find(|(_, r)| r.contains(words)).map(|m| m.0);
        assert_eq!(of("家庭是低收入家庭"), Some(Mark::Met), "{marks:?}");
        assert_eq!(of("级残疾证，属重残人员"), Some(Mark::Met), "{marks:?}");
        assert_eq!(of("经本人申请可按单人户纳入低保"), Some(Mark::Note), "{marks:?}");
    }

    /// A COVID-19 patient in Chongqing outside the groups of the monthly relief still gets
    /// relief decided case by case: the group condition is told ✗ not met, not ✓.
    #[test]
    fn a_case_by_case_finding_marks_the_condition_it_did_not_meet() {
        let mut f = Form::new("chongqing", "2020-04-15");
        f.members[0].age = "66".into();
        f.members[0].monthly_income = "400".into();
        f.members[0].covid = doudi_core::input::Covid::Confirmed;
        f.members[0].diagnosed_on = "2020-02-10".into();
        f.members[0].in_hospital = Some(true);
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let covid = a.findings.iter().find(|x| x.program == doudi_core::ProgrammeId::TempReliefCovid).unwrap();
        assert_eq!(covid.status, Status::Discretionary);
        let marks = reason_marks(covid);
        let unmet: Vec<_> = marks.iter().filter(|(m, _)| *m == Mark::Unmet).map(|(_, r)| *r).collect();
        assert_eq!(unmet.len(), 1, "{marks:?}");
        assert!(unmet[0].contains("不是低保对象、特困人员"), "{marks:?}");
        assert!(marks.iter().any(|(m, r)| *m == Mark::Met && r.contains("疫情防控期间内")), "{marks:?}");
    }

    #[test]
    fn the_current_dibao_is_compared_with_the_estimate() {
        let mut f = tianjin_three("1500");
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(dibao_now(&f, &a), None, "not on dibao");
        f.support.dibao = true;
        f.support.dibao_monthly = "800".into();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(
            dibao_now(&f, &a),
            Some(DibaoNow::Compared(Amount(Decimal::from(1530)), Amount(Decimal::from(800))))
        );
        f.members[0].monthly_income = "9000".into();
        f.jurisdiction = "tianjin".into();
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        assert_eq!(dibao_now(&f, &a), Some(DibaoNow::Gone(Amount(Decimal::from(800)))));
    }
}
#[cfg(test)]
mod marks {
    use super::*;
    use crate::form::tests::tianjin_three;
    use doudi_core::Status;

    /// Every ineligible reason of varied households in every place, in both languages, with its mark.
    fn marked(lang: Lang) -> Vec<(Mark, String)> {
        let mut out = Vec::new();
        for place in crate::i18n::places() {
            for (income, dibao, age) in
                [("0", false, "70"), ("800", true, "45"), ("5000", true, "62"), ("200", false, "16")]
            {
                let mut f = tianjin_three(income);
                f.jurisdiction = place.to_string();
                f.members[0].age = age.into();
                f.support.dibao = dibao;
                f.members[1].unemployed = true;
                f.members[1].months_without_income = "1".into();
                f.members[2].disabled = true;
                f.members[2].disability_grade = Some(3);
                f.assets = "100000".into();
                let Outcome::Ready(a) = assess(&f, lang) else { panic!("{place}") };
                for x in a.findings.iter().filter(|x| x.status == Status::Ineligible) {
                    let m = reason_marks(x);
                    let first_met = m.iter().position(|r| r.0 == Mark::Met).unwrap_or(m.len());
                    assert!(m[first_met..].iter().all(|r| r.0 != Mark::Unmet), "failed after met: {m:?}");
                    out.extend(m.into_iter().map(|(k, r)| (k, r.to_string())));
                }
            }
        }
        out
    }

    fn mark_of(all: &[(Mark, String)], starts: &str) -> Mark {
        let found: Vec<Mark> = all.iter().filter(|(_, r)| r.contains(starts)).map(|(m, _)| *m).collect();
        assert!(!found.is_empty(), "no reason with {starts}");
        assert!(found.iter().all(|m| *m == found[0]), "{starts}: {found:?}");
        found[0]
    }

    #[test]
    fn met_and_unmet_conditions_are_told_apart_in_both_languages() {
        let zh = marked(Lang::Zh);
        for (words, mark) in [
            ("有劳动能力（特困须无劳动能力）", Mark::Unmet),
            ("按有计算（有履行能力的法定义务人）", Mark::Unmet),
            ("不低于低保标准 1,010.00 元", Mark::Unmet),
            ("属老年人", Mark::Met),
            ("属未成年人", Mark::Met),
            ("（无生活来源）", Mark::Met),
            ("（五）未参加失业保险", Mark::Met),
            ("（六）未登记失业", Mark::Unmet),
            ("超过限额", Mark::Unmet),
            ("不是孤儿", Mark::Unmet),
            ("按能完全自理计算", Mark::Unmet),
        ] {
            assert_eq!(mark_of(&zh, words), mark, "{words}");
        }
        let en = marked(Lang::En);
        for (words, mark) in [
            ("Able to work (tekun requires", Mark::Unmet),
            ("taken as yes (someone legally obliged", Mark::Unmet),
            ("(no means of living)", Mark::Met),
            ("Not insured against unemployment", Mark::Met),
            ("Not registered as unemployed", Mark::Unmet),
            ("exceed the limit", Mark::Unmet),
            ("taken as fully self-reliant", Mark::Unmet),
            ("is above the standard", Mark::Unmet),
        ] {
            assert_eq!(mark_of(&en, words), mark, "{words}");
        }
    }
}
