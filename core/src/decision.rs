//! The decision layer: what the rules decide, as data, with no sentence built and no
//! string formatted. For each programme (and member) of the household's place: the
//! status, the amounts, and every condition tested — its id, whether it held, the figures
//! compared and where each came from, and the provision whose clauses set it.
//!
//! [`crate::decide`] runs the rules with their renderer off and returns only this.
//! [`crate::evaluate`] runs the same rules with the renderer on: the contract's full
//! assessment (reasons, trace, citations, assumptions) in the language asked, and the
//! very same decisions beside it (`tests/decisions.rs` checks that both paths agree on
//! every test household and on generated ones). Batch output, the chart's sweep and the
//! summary totals are drawn from decisions.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::assessment::Status;
use crate::ids::{ParamId, ProgrammeId};

/// Whether a condition held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Met {
    Yes,
    No,
}

/// How a condition compares its figures: `value OP threshold`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Compare {
    /// A yes/no fact of the household (no figures).
    Is,
    Lt,
    Le,
    Ge,
    Gt,
}

/// Where a figure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Source {
    /// A parameter (its id).
    Param(ParamId),
    /// A household input (its path, `assets`, `support.dibao_monthly`).
    Input(&'static str),
    /// A field of the finding's member (`monthly_income`, `age`).
    Member(&'static str),
    /// A figure the rules work out (`per_capita_income`, `asset_limit`).
    Computed(&'static str),
}

/// One figure of a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    pub value: Decimal,
    pub from: Source,
}

/// One condition a rule tested.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Condition {
    /// Stable id: `programme.condition` (`dibao.income_below_standard`).
    pub id: &'static str,
    pub met: Met,
    pub compare: Compare,
    /// The household's figure and what it is compared with (both `None` for [`Compare::Is`]).
    pub value: Option<Figure>,
    pub threshold: Option<Figure>,
    /// The provision (its key in the place's policy file) whose clauses set the condition.
    pub provision: Option<&'static str>,
}

impl Condition {
    /// A yes/no condition.
    pub fn is(id: &'static str, ok: bool) -> Condition {
        Condition {
            id,
            met: if ok { Met::Yes } else { Met::No },
            compare: Compare::Is,
            value: None,
            threshold: None,
            provision: None,
        }
    }

    /// `value OP threshold`, each figure with where it came from.
    pub fn cmp(id: &'static str, value: (Decimal, Source), op: Compare, threshold: (Decimal, Source)) -> Condition {
        let (v, t) = (value.0, threshold.0);
        let ok = match op {
            Compare::Is => true,
            Compare::Lt => v < t,
            Compare::Le => v <= t,
            Compare::Ge => v >= t,
            Compare::Gt => v > t,
        };
        Condition {
            id,
            met: if ok { Met::Yes } else { Met::No },
            compare: op,
            value: Some(Figure { value: v, from: value.1 }),
            threshold: Some(Figure { value: t, from: threshold.1 }),
            provision: None,
        }
    }

    /// The same condition, set by this provision.
    pub fn by(mut self, provision: &'static str) -> Condition {
        self.provision = Some(provision);
        self
    }

    /// How far the figure is from meeting the condition (`None` for a yes/no condition).
    pub fn distance(&self) -> Option<Decimal> {
        let (v, t) = (self.value?.value, self.threshold?.value);
        Some((v - t).abs())
    }
}

/// An input or parameter a decision needs and does not have.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Need {
    /// A parameter with no value (its id).
    Param(ParamId),
    /// A household input (its path).
    Input(&'static str),
    /// A field of the finding's member.
    Member(&'static str),
}

impl Need {
    /// The contract's `missing` entry: a parameter id or an input path (`members[1].diagnosed_on`).
    pub fn path(&self, member: Option<usize>) -> String {
        match (self, member) {
            (Need::Param(id), _) => id.to_string(),
            (Need::Input(id), _) => id.to_string(),
            (Need::Member(field), Some(i)) => format!("members[{i}].{field}"),
            (Need::Member(field), None) => field.to_string(),
        }
    }
}

/// What one rule decided for the household (or one member).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub program: ProgrammeId,
    /// The member's index in `members`, for a per-person programme.
    pub member: Option<usize>,
    pub status: Status,
    /// Amounts, exact (rounded only when written); set only for `eligible` and `discretionary`.
    pub monthly: Option<Decimal>,
    pub one_off: Option<Decimal>,
    pub months: Option<u32>,
    pub total: Option<Decimal>,
    pub cap: Option<Decimal>,
    /// Its conditions, in order: a range of [`Decisions::conditions`].
    pub conditions: std::ops::Range<u32>,
    /// What is needed and not known (empty for `ineligible` and `referral`).
    pub missing: Vec<Need>,
    /// Services offered (`care_referral`): the provision key and the member it is for.
    pub services: Vec<(&'static str, Option<usize>)>,
    /// For a fixed-term payment, its last day when known (a patient's discharge).
    #[serde(serialize_with = "ser_day")]
    pub until: Option<chrono::NaiveDate>,
    /// How it counts in what the household receives (see [`crate::receive`]).
    pub count: crate::receive::Count,
}

/// The household's totals over its decisions (contract v1 `summary` extensions), as the
/// combination rules make them (see [`crate::receive`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Findings that are `eligible`.
    pub eligible: usize,
    /// The ongoing monthly payments (fixed-term and one-off ones apart), each rounded to the
    /// cent as paid.
    pub monthly_total: Decimal,
    /// The one-off payments (one month's relief given once among them).
    pub one_off_total: Decimal,
    /// The fixed-term payments' totals.
    pub fixed_term_total: Decimal,
    /// Findings counted whose amount is not known.
    pub amounts_unknown: usize,
}

impl Totals {
    pub fn of(decisions: &[Decision], receipt: &crate::receive::Receipt) -> Totals {
        // Each payment is rounded as it is paid and shown, so a total is the sum of the
        // amounts a person reads (two of 510.00 make 1020.00, never 1019.99).
        Totals {
            eligible: decisions.iter().filter(|d| d.status == Status::Eligible).count(),
            monthly_total: receipt.ongoing_monthly,
            one_off_total: receipt.one_off,
            fixed_term_total: receipt.fixed_term_total,
            amounts_unknown: receipt.unknown.len(),
        }
    }
}

/// Everything decided for one household.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decisions {
    /// How many members the household has.
    pub members: usize,
    /// One per programme of the place (per member for a per-person programme), in the
    /// order of the assessment's findings.
    pub findings: Vec<Decision>,
    /// Every condition tested, in order; each decision names its range.
    pub conditions: Vec<Condition>,
    pub totals: Totals,
    /// What the household would receive, finding by finding.
    pub receipt: crate::receive::Receipt,
    pub counted_income: Decimal,
    pub per_capita_income: Decimal,
    pub standard: Option<Decimal>,
    pub in_epidemic_period: bool,
}

impl Decisions {
    /// The conditions one decision tested, in order.
    pub fn conditions_of(&self, d: &Decision) -> &[Condition] {
        self.conditions.get(d.conditions.start as usize..d.conditions.end as usize).unwrap_or(&[])
    }

    /// The first condition of a decision that did not hold.
    pub fn first_failed(&self, d: &Decision) -> Option<&Condition> {
        self.conditions_of(d).iter().find(|c| c.met == Met::No)
    }
}

/// One programme's outcome for the whole household: a household programme's decision,
/// or a per-person programme's decisions taken together (the compact batch record and
/// spreadsheet columns).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ProgrammeOutcome {
    pub program: ProgrammeId,
    /// The most favourable status among its decisions: eligible, then discretionary,
    /// needs_info, referral, ineligible.
    pub status: Status,
    /// The sum over its eligible decisions whose amount is known (`None` if none is).
    pub monthly: Option<Decimal>,
    pub one_off: Option<Decimal>,
    /// For an ineligible programme: the id of the first condition that failed.
    pub failed: Option<&'static str>,
}

fn rank(s: Status) -> u8 {
    match s {
        Status::Eligible => 0,
        Status::Discretionary => 1,
        Status::NeedsInfo => 2,
        Status::Referral => 3,
        Status::Ineligible => 4,
    }
}

impl Decisions {
    /// Per programme of the place, in the findings' order, the outcome for the household.
    pub fn programmes(&self) -> Vec<ProgrammeOutcome> {
        let mut out: Vec<ProgrammeOutcome> = Vec::with_capacity(13);
        for d in &self.findings {
            let eligible = d.status == Status::Eligible;
            let add = |a: Option<Decimal>, b: Option<Decimal>| match (a, b) {
                (Some(x), Some(y)) => Some(x + y),
                (x, None) => x,
                (None, y) => y,
            };
            // Rounded as paid, like the totals: the sum of what is shown.
            let monthly = if eligible { d.monthly.map(crate::money::round2) } else { None };
            let one_off = if eligible { d.one_off.map(crate::money::round2) } else { None };
            match out.last_mut() {
                Some(o) if o.program == d.program => {
                    if rank(d.status) < rank(o.status) {
                        o.status = d.status;
                    }
                    o.monthly = add(o.monthly, monthly);
                    o.one_off = add(o.one_off, one_off);
                    if o.failed.is_none() && d.status == Status::Ineligible {
                        o.failed = self.first_failed(d).map(|c| c.id);
                    }
                }
                _ => out.push(ProgrammeOutcome {
                    program: d.program,
                    status: d.status,
                    monthly,
                    one_off,
                    failed: if d.status == Status::Ineligible { self.first_failed(d).map(|c| c.id) } else { None },
                }),
            }
        }
        for o in &mut out {
            if o.status != Status::Ineligible {
                o.failed = None;
            }
        }
        out
    }
}

/// `YYYY-MM-DD` or null (chrono's serde support stays out of the wasm).
fn ser_day<S: serde::Serializer>(d: &Option<chrono::NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.collect_str(d),
        None => s.serialize_none(),
    }
}
