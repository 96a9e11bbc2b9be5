//! The assessment (contract v1, "Output"): a summary, one finding per programme (or per
//! member for a per-person programme) whatever its status, and the assumptions made.
//! Money is written as a decimal string with exactly two decimals.

use std::sync::Arc;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::ids::ProgrammeId;
use crate::money;
use crate::text::Lang;

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assessment {
    pub jurisdiction: String,
    pub as_of: String,
    pub policy_version: String,
    /// Extension: the language of the sentences (`zh-CN` or `en`).
    pub lang: Lang,
    pub summary: Summary,
    pub findings: Vec<Finding>,
    pub assumptions: Vec<Assumption>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Summary {
    pub members: usize,
    /// The household's monthly income as counted for 低保 (after any work-cost deduction).
    pub counted_income: Amount,
    pub per_capita_income: Amount,
    /// The 低保 standard for the household's residence; null when no value is known.
    pub standard: Option<Amount>,
    pub in_epidemic_period: bool,
    /// Extension: the epidemic period used (`YYYY-MM-DD`; `end` null = not ended).
    pub epidemic_start: Option<String>,
    pub epidemic_end: Option<String>,
    /// Extension: how many findings are `eligible`.
    pub eligible: usize,
    /// Extension: the sum of `monthly` over eligible findings (amounts known).
    pub monthly_total: Amount,
    /// Extension: the sum of `one_off` over eligible findings (amounts known).
    pub one_off_total: Amount,
    /// Extension: findings counted in `receive` whose amount is not known (a parameter with
    /// no value, or an amount to work out again).
    pub amounts_unknown: usize,
    /// Extension: what the household would receive, with the combination rules applied.
    pub receive: Receive,
}

/// What the household would receive (contract v1 extension, `summary.receive`): each
/// eligible finding counted once, as the payment it is — ongoing monthly, fixed-term or
/// one-off — with the findings set aside by a combination rule and why.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Receive {
    /// The headline, in the assessment's language: "可能符合 2 项 · 每月约 620.00 元 · 限期
    /// 2,480.00 元（1,240.00 元/月 × 2 个月，已结束） · 另有 1 项金额待定".
    pub headline: String,
    /// Counted findings whose amount is known (the headline's "N 项").
    pub known: usize,
    /// Paid every month while the conditions hold (= `summary.monthly_total`).
    pub ongoing_monthly: Amount,
    /// Paid monthly for a set number of months.
    pub fixed_term: Vec<FixedTermPayment>,
    /// The sum of their `total`s.
    pub fixed_term_total: Amount,
    /// Paid once (= `summary.one_off_total`).
    pub one_off_total: Amount,
    /// Counted, with the amount not known.
    pub unknown: Vec<FindingRef>,
    /// Findings that wait for a figure only officials know (a local standard with no value
    /// here): counted with `unknown` in the headline's "另有 N 项金额待定".
    pub waiting_for_local_figures: usize,
    /// Eligible but not paid beside another finding.
    pub set_aside: Vec<SetAside>,
    /// How each figure above is made up.
    pub trace: Vec<TraceStep>,
}

/// A finding, by programme and member.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FindingRef {
    pub program: ProgrammeId,
    pub member: Option<String>,
    pub name: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FixedTermPayment {
    pub program: ProgrammeId,
    pub member: Option<String>,
    pub name: String,
    pub monthly: Amount,
    pub months: Option<u32>,
    /// The months counted × the monthly amount, or the most the whole term pays.
    pub total: Option<Amount>,
    /// Whether it is still paid on `as_of`.
    pub running: bool,
    /// Its last day, when known (`YYYY-MM-DD`).
    pub until: Option<String>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SetAside {
    pub program: ProgrammeId,
    pub member: Option<String>,
    pub name: String,
    /// The combination rule (`tekun_replaces_dibao`).
    pub rule: String,
    /// What is paid instead.
    pub instead_of: Vec<FindingRef>,
    /// True when the amount has to be worked out again (counted in `unknown`) rather than
    /// dropped.
    pub recompute: bool,
    pub reason: String,
    /// The clause the rule rests on, where the place's documents hold it.
    pub citation: Option<Citation>,
    /// Or the outside source, with its confidence.
    pub source: Option<String>,
    pub confidence: crate::policy::Confidence,
}

/// A finding's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Eligible,
    Ineligible,
    NeedsInfo,
    Discretionary,
    Referral,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Finding {
    pub program: ProgrammeId,
    pub name: String,
    /// The member's id for a per-person programme; null for the household.
    pub member: Option<String>,
    pub status: Status,
    pub monthly: Option<Amount>,
    pub one_off: Option<Amount>,
    pub months: Option<u32>,
    pub total: Option<Amount>,
    pub cap: Option<Amount>,
    pub reasons: Vec<String>,
    pub trace: Vec<TraceStep>,
    pub citations: Vec<Citation>,
    /// Input fields (`members[0].diagnosed_on`) or parameter ids (`dibao.standard.urban`) that are needed.
    pub missing: Vec<String>,
    /// Extension: what to do next (where to apply, how fast), where a clause says so.
    pub next_steps: Vec<String>,
    /// Extension: for `care_referral`, each service with the member it is for.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<Service>,
    /// Extension: how the programme pays (`ongoing`, `fixed_term`, `one_off`, `none`).
    pub payment: crate::policy::combine::Payment,
    /// Extension: whether the finding is counted in `summary.receive` (false when not
    /// eligible, or set aside by a combination rule).
    pub counted: bool,
    /// For each of `reasons`: whether it states a condition that does not hold (a failed
    /// one, or one that another rule makes not decisive, such as the exit suspension above
    /// the standard); the others state met conditions or notes. For a page's ✓/✗ marks,
    /// from the decisions; not part of the JSON.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub unmet: Vec<bool>,
    /// The conditions its decision tested, in order, each with the index in `reasons` of the
    /// sentence that states it (none for a condition recorded as data only). For a page's
    /// flow of conditions; not part of the JSON.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub conditions: Vec<(crate::decision::Condition, Option<u16>)>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TraceStep {
    pub label: String,
    pub formula: String,
    pub value: String,
}

/// A quoted clause. Its words are shared with the policies (`policy::ClauseQuote`), not copied:
/// an assessment quotes dozens of clauses.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Citation {
    /// The document's title and number (left out only in a brief assessment).
    #[serde(skip_serializing_if = "is_empty")]
    pub document: Arc<str>,
    /// The clause as a reader cites it: 二（五）第3句.
    pub clause: Arc<str>,
    /// The clause's words, verbatim (left out only in a brief assessment).
    #[serde(skip_serializing_if = "is_empty")]
    pub text: Arc<str>,
    /// Extension: stable ids, for linking (`000`, `2.5.3`).
    pub document_id: Arc<str>,
    pub clause_id: Arc<str>,
}

fn is_empty(s: &Arc<str>) -> bool {
    s.is_empty()
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Assumption {
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Service {
    pub id: String,
    pub member: Option<String>,
    pub text: String,
    pub clause_id: String,
}

/// Money on output: rounded once, half away from zero, written with two decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(into = "String")]
pub struct Amount(pub Decimal);

impl From<Amount> for String {
    fn from(a: Amount) -> String {
        money::fmt2(a.0)
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&money::fmt2(self.0))
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Amount {
    fn schema_name() -> String {
        "Amount".into()
    }
    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        use schemars::schema::*;
        SchemaObject {
            instance_type: Some(InstanceType::String.into()),
            string: Some(Box::new(StringValidation {
                pattern: Some(r"^-?[0-9]+\.[0-9]{2}$".into()),
                ..Default::default()
            })),
            metadata: Some(Box::new(Metadata {
                description: Some("Yuan, with exactly two decimals (\"1530.00\").".into()),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}

impl Assessment {
    /// The assessment without its explanations, for bulk runs: traces dropped, citations
    /// reduced to their ids and labels (no quoted text). Statuses, amounts, reasons,
    /// missing inputs and assumptions are kept. Not contract v1's full output: opt in.
    pub fn brief(mut self) -> Assessment {
        for f in &mut self.findings {
            f.trace = Vec::new();
            for c in &mut f.citations {
                c.text = Arc::default();
                c.document = Arc::default();
            }
        }
        self
    }
}
