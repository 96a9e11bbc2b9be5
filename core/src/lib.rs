//! doudi's engine: a household in, an assessment out, following five 2020 epidemic
//! social-assistance notices exactly and explaining every figure with the clause behind it.
//!
//! No I/O, no clock, no randomness: the same input always gives the same output, on native
//! targets and on wasm32. Bad input is refused whole with the field's path; nothing panics.
//!
//! Entry points: [`evaluate_json`] (contract v1 JSON in), [`evaluate_input`] (a parsed
//! [`HouseholdInput`]), [`parameters`] (every parameter in force), [`policy::embedded`].

pub mod assessment;
pub mod catalogue;
pub mod dates;
pub mod decision;
pub mod engine;
pub mod error;
pub mod household;
pub mod ids;
pub mod income;
pub mod input;
pub mod locate;
pub mod money;
pub mod ordinary;
pub mod params;
pub mod policy;
pub mod programmes;
pub mod receive;
pub mod screen;
pub mod sweep;
pub mod text;

pub use assessment::{Amount, Assessment, Finding, Status};
pub use decision::{Decision, Decisions};
pub use error::InputError;
pub use household::Household;
pub use ids::ProgrammeId;
pub use input::HouseholdInput;
pub use params::{parameters, parameters_in, ParamInForce};
pub use sweep::{jurisdictions, sweep, JurisdictionInfo, SweepPoint, SweepRange};
pub use text::{Lang, Text};

use engine::Ctx;
use policy::Policies;

/// The contract's version, written into every output's `policy_version` prefix.
pub const CONTRACT_VERSION: &str = "1";

/// How to evaluate: today only the language of the sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
}

/// Parses contract v1 JSON, checks it, and assesses it.
pub fn evaluate_json(json: &str, options: Options) -> Result<Assessment, InputError> {
    evaluate_input(parse_json(json)?, options)
}

/// Parses contract v1 JSON into the raw household, with the path of any structural error.
///
/// A text over [`input::MAX_INPUT_BYTES`] is refused before it is read. A household is read
/// with plain serde, nothing tracked; only a refusal reads the text a second time with
/// `serde_path_to_error`, to find the path of its error.
pub fn parse_json(json: &str) -> Result<HouseholdInput, InputError> {
    input::check_size(json.len())?;
    match serde_json::from_str(json) {
        Ok(input) => Ok(input),
        Err(_) => Err(locate_json_error(json)),
    }
}

/// The refusal of a text that plain serde refused: the same reading, with its path tracked.
#[cold]
fn locate_json_error(json: &str) -> InputError {
    let mut de = serde_json::Deserializer::from_str(json);
    let result: Result<HouseholdInput, _> = serde_path_to_error::deserialize(&mut de);
    let err = match result {
        Err(e) if e.inner().is_syntax() || e.inner().is_eof() => {
            return InputError::new("", format!("not valid JSON: {}", e.inner()), "不是有效的 JSON");
        }
        Err(e) => return InputError::from_serde(e.path().to_string(), &e.inner().to_string()),
        Ok(_) => de.end(),
    };
    match err {
        Err(e) => InputError::new("", format!("trailing characters after the JSON: {e}"), "JSON 之后有多余的字符"),
        // Plain serde refused what the tracked reading accepts: never, but say something true.
        Ok(()) => InputError::new("", "the household could not be read", "无法读取该家庭信息"),
    }
}

/// Parses a JSON value (as the JS API receives it) into the raw household, with the path of
/// any structural error (found only on failure, see [`locate`]).
pub fn parse_value(value: serde_json::Value) -> Result<HouseholdInput, InputError> {
    use serde::Deserialize;
    HouseholdInput::deserialize(&value)
        .map_err(|e| InputError::from_serde(locate::path(&value, &locate::HOUSEHOLD), &e.to_string()))
}

/// Checks a raw household against the embedded policies and assesses it.
pub fn evaluate_input(input: HouseholdInput, options: Options) -> Result<Assessment, InputError> {
    let policies = embedded_policies()?;
    let household = Household::from_input(input, policies)?;
    Ok(evaluate(&household, policies, options))
}

/// The embedded policies, or an error that says they are broken (never at run time once tests pass).
pub fn embedded_policies() -> Result<&'static Policies, InputError> {
    policy::embedded().map_err(|errs| {
        let first = errs.first().map_or(String::new(), |e| e.to_string());
        InputError::new("", format!("the embedded policies are inconsistent: {first}"), "内置政策数据有误")
    })
}

/// Parses contract v1 JSON, checks it, assesses it, and compares it with the ordinary rules
/// (the place's epidemic measures switched off, [`ordinary`]); the comparison's sentences are
/// written when `worded`.
pub fn compare_ordinary_json(
    json: &str,
    options: Options,
    worded: bool,
) -> Result<(Assessment, ordinary::Comparison), InputError> {
    let policies = embedded_policies()?;
    let household = Household::from_input(parse_json(json)?, policies)?;
    let mut c = ordinary::compare(&household, policies, options);
    if worded {
        ordinary::word(&mut c, &household, policies, options.lang);
    }
    Ok((evaluate(&household, policies, options), c))
}

/// Checks a raw household against the embedded policies and compares it with the ordinary
/// rules, on decisions, without sentences ([`ordinary::compare`]).
pub fn compare_ordinary_input(input: HouseholdInput, options: Options) -> Result<ordinary::Comparison, InputError> {
    let policies = embedded_policies()?;
    let household = Household::from_input(input, policies)?;
    Ok(ordinary::compare(&household, policies, options))
}

/// Parses contract v1 JSON, checks it, and decides it (no text): see [`decide`].
pub fn decide_json(json: &str) -> Result<Decisions, InputError> {
    Decider::new(embedded_policies()?).decide_json(json)
}

/// Checks a raw household against the embedded policies and decides it (no text).
pub fn decide_input(input: HouseholdInput) -> Result<Decisions, InputError> {
    Decider::new(embedded_policies()?).decide_input(input)
}

/// Decides a validated household, with no text: per programme (and member) the status,
/// the amounts and the conditions as data, and the totals. What batch runs, sweeps and
/// roster screening use; [`evaluate`] gives the same decisions with their explanation.
pub fn decide(h: &Household, policies: &Policies) -> Decisions {
    Decider::new(policies).decide(h)
}

/// Decides many households, keeping what each place's policies say on a day (parameter
/// values, provisions) from one household to the next: what a batch, a sweep or a roster
/// uses. One per thread.
pub struct Decider<'p> {
    policies: &'p Policies,
    /// The lookups of the places and days seen last, newest last.
    lookups: Vec<engine::Lookups<'p>>,
}

impl<'p> Decider<'p> {
    /// Places and days whose lookups are kept.
    const KEEP: usize = 8;

    pub fn new(policies: &'p Policies) -> Decider<'p> {
        Decider { policies, lookups: Vec::new() }
    }

    /// The policies it decides on.
    pub fn policies(&self) -> &'p Policies {
        self.policies
    }

    /// Parses contract v1 JSON, checks it, and decides it.
    pub fn decide_json(&mut self, json: &str) -> Result<Decisions, InputError> {
        self.decide_input(parse_json(json)?)
    }

    /// Checks a raw household and decides it.
    pub fn decide_input(&mut self, input: HouseholdInput) -> Result<Decisions, InputError> {
        let household = Household::from_input(input, self.policies)?;
        Ok(self.decide(&household))
    }

    pub fn decide(&mut self, h: &Household) -> Decisions {
        let policies = self.policies;
        let Some(j) = policies.jurisdiction(&h.jurisdiction) else {
            return no_decisions(h);
        };
        let at = match self.lookups.iter().position(|l| l.serves(j, h.as_of)) {
            Some(i) => i,
            None => {
                if self.lookups.len() == Self::KEEP {
                    self.lookups.remove(0);
                }
                self.lookups.push(engine::Lookups::new(j, h.as_of));
                self.lookups.len() - 1
            }
        };
        let ctx = Ctx::new(h, &self.lookups[at], policies, Lang::Zh, false);
        let mut verdicts = Vec::with_capacity(j.programmes.len() * h.members.len());
        for p in &j.programmes {
            programmes::assess(p.id, &ctx, &mut verdicts);
        }
        decisions(&ctx, ctx.take_decisions())
    }
}

fn no_decisions(h: &Household) -> Decisions {
    Decisions {
        members: h.members.len(),
        findings: Vec::new(),
        conditions: Vec::new(),
        totals: decision::Totals::default(),
        receipt: Default::default(),
        counted_income: Default::default(),
        per_capita_income: Default::default(),
        standard: None,
        in_epidemic_period: false,
    }
}

fn decisions(ctx: &Ctx, mut findings: Vec<Decision>) -> Decisions {
    let members = ctx.h.members.len();
    let receipt = receive::receive(&mut findings, members, ctx.h.as_of);
    Decisions {
        members,
        totals: decision::Totals::of(&findings, &receipt),
        receipt,
        findings,
        conditions: ctx.take_conditions(),
        counted_income: ctx.income.counted,
        per_capita_income: ctx.income.per_capita,
        standard: ctx.value(ctx.standard_id()).and_then(|v| v.number()),
        in_epidemic_period: ctx.epidemic.in_period,
    }
}

/// Assesses a validated household: one finding per programme (per member for a per-person
/// programme) of the household's jurisdiction, and the assumptions made.
pub fn evaluate(h: &Household, policies: &Policies, options: Options) -> Assessment {
    explain(h, policies, options).0
}

/// Decides a household under a place of its own (not one of `policies`' own, whose lookups a
/// [`Decider`] keeps): the ordinary rules' place, [`ordinary`].
pub(crate) fn decide_in(h: &Household, j: &policy::Jurisdiction, policies: &Policies) -> Decisions {
    let lookups = engine::Lookups::new(j, h.as_of);
    let ctx = Ctx::new(h, &lookups, policies, Lang::Zh, false);
    let mut verdicts = Vec::new();
    for p in &j.programmes {
        programmes::assess(p.id, &ctx, &mut verdicts);
    }
    decisions(&ctx, ctx.take_decisions())
}

/// [`evaluate`], with the decisions the assessment renders.
pub fn explain(h: &Household, policies: &Policies, options: Options) -> (Assessment, Decisions) {
    match policies.jurisdiction(&h.jurisdiction) {
        Some(j) => explain_in(h, j, policies, options),
        None => no_assessment(h, policies, options),
    }
}

/// Household::from_input only accepts known jurisdictions; keep [`explain`] total anyway.
#[cold]
fn no_assessment(h: &Household, policies: &Policies, options: Options) -> (Assessment, Decisions) {
    let a = Assessment {
        jurisdiction: h.jurisdiction.clone(),
        as_of: h.as_of.to_string(),
        policy_version: version(policies),
        lang: options.lang,
        summary: assessment::Summary {
            members: h.members.len(),
            counted_income: Amount(Default::default()),
            per_capita_income: Amount(Default::default()),
            standard: None,
            in_epidemic_period: false,
            epidemic_start: None,
            epidemic_end: None,
            eligible: 0,
            monthly_total: Amount(Default::default()),
            one_off_total: Amount(Default::default()),
            amounts_unknown: 0,
            receive: assessment::Receive {
                headline: String::new(),
                known: 0,
                waiting_for_local_figures: 0,
                ongoing_monthly: Amount(Default::default()),
                fixed_term: Vec::new(),
                fixed_term_total: Amount(Default::default()),
                one_off_total: Amount(Default::default()),
                unknown: Vec::new(),
                set_aside: Vec::new(),
                trace: Vec::new(),
            },
        },
        findings: Vec::new(),
        assumptions: Vec::new(),
    };
    (a, decide(h, policies))
}

/// [`explain`] under the place `j` (one of `policies`' own, or the ordinary rules' place).
pub(crate) fn explain_in(
    h: &Household,
    j: &policy::Jurisdiction,
    policies: &Policies,
    options: Options,
) -> (Assessment, Decisions) {
    let lookups = engine::Lookups::new(j, h.as_of);
    let ctx = Ctx::new(h, &lookups, policies, options.lang, true);
    let mut verdicts = Vec::new();
    for p in &j.programmes {
        programmes::assess(p.id, &ctx, &mut verdicts);
    }
    let mut findings: Vec<Finding> = ctx.take_findings();
    let decided = ctx.take_decisions();
    for (id, value) in &h.overrides {
        let label = ctx.param_label(id.as_str());
        let policy = j
            .parameters
            .get(id)
            .and_then(|p| p.entry_on(h.as_of))
            .and_then(|e| e.value)
            .map_or_else(|| ctx.say(t!("无", "none")), |v| v.display(options.lang));
        let v = value.display(options.lang);
        ctx.assume(
            &format!("override.{id}"),
            t!(
                "参数“{label}”已手动修改为 {v}（政策数据中为 {policy}）。",
                "Parameter “{label}” was changed by hand to {v} (the policy data has {policy})."
            ),
        );
    }
    let decided = decisions(&ctx, decided);
    for (f, d) in findings.iter_mut().zip(&decided.findings) {
        f.counted = matches!(d.count, receive::Count::Paid(_));
    }
    let receive = receive::render(&decided, &findings, policies, &j.documents, options.lang);
    // A combination rule that rests on a reading rather than a clause is an assumption.
    let mut said = Vec::new();
    for s in &receive.set_aside {
        if s.citation.is_none() && !said.contains(&s.rule) {
            said.push(s.rule.clone());
            let source = s.source.as_deref().unwrap_or_default();
            ctx.assume(
                &format!("combine.{}", s.rule),
                t!("{}（依据：{}）", "{} (source: {})", s.reason.as_str(), source),
            );
        }
        if s.recompute {
            ctx.assume(
                &format!("combine.{}.recompute", s.rule),
                t!(
                    "{}的金额需扣除已由其他项目保障的成员后重新核算，暂不计入合计。",
                    "The amount of {} must be worked out again without the members another programme supports; it is left out of the totals.",
                    s.name.as_str()
                ),
            );
        }
    }
    let e = ctx.epidemic;
    let t = decided.totals;
    let a = Assessment {
        jurisdiction: j.id.clone(),
        as_of: h.as_of.to_string(),
        policy_version: version(policies),
        lang: options.lang,
        summary: assessment::Summary {
            members: h.members.len(),
            counted_income: Amount(decided.counted_income),
            per_capita_income: Amount(decided.per_capita_income),
            standard: decided.standard.map(Amount),
            in_epidemic_period: e.in_period,
            epidemic_start: e.start.map(|d| d.to_string()),
            epidemic_end: e.end.map(|d| d.to_string()),
            eligible: t.eligible,
            monthly_total: Amount(t.monthly_total),
            one_off_total: Amount(t.one_off_total),
            amounts_unknown: t.amounts_unknown,
            receive,
        },
        findings,
        assumptions: ctx.take_assumptions(),
    };
    (a, decided)
}

fn version(p: &Policies) -> String {
    format!("v{CONTRACT_VERSION}-{}", p.version)
}
