//! doudi's engine: a household in, an assessment out, following five 2020 epidemic
//! social-assistance notices exactly and explaining every figure with the clause behind it.
//!
//! No I/O, no clock, no randomness: the same input always gives the same output, on native
//! targets and on wasm32. Bad input is refused whole with the field's path; nothing panics.
//!
//! Entry points: [`evaluate_json`] (contract v1 JSON in), [`evaluate_input`] (a parsed
//! [`HouseholdInput`]), [`parameters`] (every parameter in force), [`policy::embedded`].

pub mod assessment;
pub mod dates;
pub mod engine;
pub mod error;
pub mod household;
pub mod ids;
pub mod income;
pub mod input;
pub mod locate;
pub mod money;
pub mod params;
pub mod policy;
pub mod programmes;
pub mod sweep;
pub mod text;

pub use assessment::{Amount, Assessment, Finding, Status};
pub use error::InputError;
pub use household::Household;
pub use ids::ProgrammeId;
pub use input::HouseholdInput;
pub use params::{parameters, ParamInForce};
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

/// Assesses a validated household: one finding per programme (per member for a per-person
/// programme) of the household's jurisdiction, and the assumptions made.
pub fn evaluate(h: &Household, policies: &Policies, options: Options) -> Assessment {
    let Some(j) = policies.jurisdiction(&h.jurisdiction) else {
        // Household::from_input only accepts known jurisdictions; keep this total anyway.
        return Assessment {
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
            },
            findings: Vec::new(),
            assumptions: Vec::new(),
        };
    };
    let ctx = Ctx::new(h, j, policies, options.lang);
    let standard = ctx.value(ctx.standard_id()).and_then(|v| v.number());
    let mut findings = Vec::new();
    for p in &j.programmes {
        findings.extend(programmes::assess(p.id, &ctx));
    }
    for (id, value) in &h.overrides {
        let label = ctx.param_label(id);
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
                "参数“{label}”（{id}）已手动修改为 {v}（政策数据中为 {policy}）。",
                "Parameter “{label}” ({id}) was changed by hand to {v} (the policy data has {policy})."
            ),
        );
    }
    let e = ctx.epidemic;
    let eligible: Vec<&Finding> = findings.iter().filter(|f| f.status == Status::Eligible).collect();
    let sum = |pick: fn(&Finding) -> Option<Amount>| Amount(eligible.iter().filter_map(|f| pick(f)).map(|a| a.0).sum());
    let amounts_unknown = eligible.iter().filter(|f| f.monthly.is_none() && f.one_off.is_none()).count();
    Assessment {
        jurisdiction: j.id.clone(),
        as_of: h.as_of.to_string(),
        policy_version: version(policies),
        lang: options.lang,
        summary: assessment::Summary {
            members: h.members.len(),
            counted_income: Amount(ctx.income.counted),
            per_capita_income: Amount(ctx.income.per_capita),
            standard: standard.map(Amount),
            in_epidemic_period: e.in_period,
            epidemic_start: e.start.map(|d| d.to_string()),
            epidemic_end: e.end.map(|d| d.to_string()),
            eligible: eligible.len(),
            monthly_total: sum(|f| f.monthly),
            one_off_total: sum(|f| f.one_off),
            amounts_unknown,
        },
        findings,
        assumptions: ctx.take_assumptions(),
    }
}

fn version(p: &Policies) -> String {
    format!("v{CONTRACT_VERSION}-{}", p.version)
}
