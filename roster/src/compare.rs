//! The what-if of a roster (`doudi compare`, the 摸排 page's 测算): every household
//! decided twice, with the policy's values and with changed ones, and what changed.
//!
//! A change ([`Set`], checked into a [`Change`] by [`check`]) is a parameter override of
//! the contract (`parameters`), laid over the household's own overrides: `ID=VALUE` sets
//! the value; `ID+=AMOUNT` and `ID-=AMOUNT` move the value in force for that household (its
//! own override, else its place's value on its day) by the amount. Each change is checked
//! against the policies before any household is read: an id that no place declares, a value
//! the parameter cannot take (the core's own refusal, on a household of every place that
//! declares it), or an id given twice is refused with the contract's error. A household
//! whose place does not declare a changed parameter is decided without that change (its
//! difference names it under `not_applied`).
//!
//! A household's [`Diff`] holds its totals before and after (read from the core's
//! `Decisions::totals`, so they mean what the core's summary means), the programmes whose
//! status changed and those whose amount changed. The [`Tally`] over the roster, and its
//! [`Report`]: households gaining, losing and unchanged, the difference per month and per
//! year (12 × the monthly difference), the one-off difference, and how many households'
//! monthly difference falls in each band ([`BANDS`]).

use doudi_core::decision::Totals;
use doudi_core::input::MemberInput;
use doudi_core::policy::{ParamValue, Policies};
use doudi_core::{Decider, Decisions, HouseholdInput, InputError, ProgrammeId, Status};
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::Value;

/// One change as typed: a parameter id, how it changes, and the value as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Set {
    pub id: String,
    pub op: SetOp,
    pub value: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOp {
    /// `ID=VALUE`: the value itself.
    Is,
    /// `ID+=AMOUNT`: the value in force plus the amount.
    Add,
    /// `ID-=AMOUNT`: the value in force less the amount.
    Sub,
}

/// One checked `--set`.
#[derive(Clone, Debug)]
pub struct Change {
    id: String,
    how: How,
    /// As typed, for the report.
    typed: String,
}

#[derive(Clone, Debug)]
enum How {
    /// The override's value, as the contract's `parameters` holds it.
    Is(Value),
    /// The value in force plus this (negative for `-=`).
    Add(Decimal),
}

/// Checks each `--set` against the policies: the contract's error for an unknown id, a bad
/// value or an id given twice.
pub fn check(sets: &[Set], policies: &Policies) -> Result<Vec<Change>, InputError> {
    let mut out: Vec<Change> = Vec::with_capacity(sets.len());
    for set in sets {
        let path = format!("parameters.{}", doudi_core::error::clip(&set.id));
        if out.iter().any(|c| c.id == set.id) {
            return Err(InputError::new(
                path,
                format!("--set {} is given twice", set.id),
                format!("--set {} 出现了两次", set.id),
            ));
        }
        let places: Vec<_> = policies.jurisdictions.iter().filter(|j| j.parameters.contains_key(&set.id)).collect();
        if places.is_empty() {
            return Err(InputError::new(
                path,
                format!(
                    "unknown parameter \"{}\": no place has it (`doudi params --jurisdiction ID --as-of DATE` lists them)",
                    doudi_core::error::clip(&set.id)
                ),
                format!("没有任何地区有参数“{}”（可用 doudi params 查看）", doudi_core::error::clip(&set.id)),
            ));
        }
        let (how, typed) = match set.op {
            SetOp::Is => {
                let value = crate::csv::parameter_value(&set.value);
                // The core checks the value as it checks a household's override.
                for j in &places {
                    let probe = HouseholdInput {
                        jurisdiction: j.id.clone(),
                        as_of: "2020-03-15".into(),
                        residence: None,
                        assets: None,
                        support: None,
                        applying: None,
                        members: vec![MemberInput { age: Some(40), ..MemberInput::default() }],
                        parameters: Some([(set.id.clone(), value.clone())].into_iter().collect()),
                    };
                    doudi_core::Household::from_input(probe, policies)?;
                }
                (How::Is(value), format!("{} = {}", set.id, set.value))
            }
            SetOp::Add | SetOp::Sub => {
                let numeric = places
                    .iter()
                    .all(|j| j.parameters.get(&set.id).is_some_and(|p| p.kind == doudi_core::ids::Kind::Number));
                if !numeric {
                    return Err(InputError::new(
                        path,
                        format!("{} is not a number: give its value with {}=VALUE", set.id, set.id),
                        format!("参数 {} 不是数值，不能加减：请用 {}=值 直接给出", set.id, set.id),
                    ));
                }
                let amount: Decimal = set.value.parse().map_err(|_| {
                    InputError::new(
                        path.clone(),
                        format!(
                            "expected an amount after {} (such as 50 or 12.5), got \"{}\"",
                            if set.op == SetOp::Add { "+=" } else { "-=" },
                            doudi_core::error::clip(&set.value)
                        ),
                        "请在 += 或 -= 之后填写数额，例如 50 或 12.5",
                    )
                })?;
                let (amount, sign) = if set.op == SetOp::Add { (amount, "+=") } else { (-amount, "-=") };
                (How::Add(amount), format!("{} {sign} {}", set.id, set.value))
            }
        };
        out.push(Change { id: set.id.clone(), how, typed });
    }
    Ok(out)
}

impl Change {
    /// The change as typed (`dibao.standard.urban += 50`).
    pub fn typed(&self) -> &str {
        &self.typed
    }
}

/// The roster decided with the policy's values and with the changes.
pub struct Compare {
    pub policies: &'static Policies,
    pub changes: Vec<Change>,
}

/// The bands of a household's monthly difference, as (label, upper bound, bound included).
pub const BANDS: [(&str, Option<(i64, bool)>); 7] = [
    ("-500.00 or less", Some((-500, true))),
    ("-499.99 to -100.00", Some((-100, true))),
    ("-99.99 to -0.01", Some((0, false))),
    ("0.00", Some((0, true))),
    ("0.01 to 99.99", Some((100, false))),
    ("100.00 to 499.99", Some((500, false))),
    ("500.00 or more", None),
];

pub fn band(d: Decimal) -> usize {
    BANDS
        .iter()
        .position(|(_, bound)| match bound {
            Some((b, true)) => d <= Decimal::from(*b),
            Some((b, false)) => d < Decimal::from(*b),
            None => true,
        })
        .unwrap_or(BANDS.len() - 1)
}

/// What the records add up to.
#[derive(Clone, Debug, Default)]
pub struct Tally {
    pub households: u64,
    pub refused: u64,
    pub gaining: u64,
    pub losing: u64,
    pub unchanged: u64,
    /// Households with a programme whose status changed.
    pub status_changed: u64,
    /// Households whose place lacks a changed parameter.
    pub not_applied: u64,
    pub before: Sums,
    pub after: Sums,
    pub bands: [u64; BANDS.len()],
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Sums {
    pub monthly: Decimal,
    pub one_off: Decimal,
}

/// One household's difference.
pub struct Diff<'a> {
    pub id: Option<&'a str>,
    pub before: Totals,
    pub after: Totals,
    pub status_changed: Vec<(ProgrammeId, Status, Status)>,
    pub amount_changed: Vec<ProgrammeId>,
    pub not_applied: Vec<&'a str>,
}

impl Diff<'_> {
    pub fn monthly(&self) -> Decimal {
        self.after.monthly_total - self.before.monthly_total
    }

    pub fn one_off(&self) -> Decimal {
        self.after.one_off_total - self.before.one_off_total
    }

    pub fn changed(&self) -> bool {
        !self.status_changed.is_empty()
            || !self.amount_changed.is_empty()
            || self.before.amounts_unknown != self.after.amounts_unknown
            || !self.monthly().is_zero()
            || !self.one_off().is_zero()
    }
}

impl Compare {
    /// The household with the changes laid over its own overrides, and the changed
    /// parameters its place does not declare.
    pub fn apply(&self, mut input: HouseholdInput) -> Result<(HouseholdInput, Vec<&str>), InputError> {
        let Some(place) = self.policies.jurisdiction(&input.jurisdiction) else {
            // Refused by the core before: never here.
            return Ok((input, Vec::new()));
        };
        let day = doudi_core::dates::parse_date(&input.as_of);
        let mut not_applied = Vec::new();
        for change in &self.changes {
            let Some(param) = place.parameters.get(&change.id) else {
                not_applied.push(change.id.as_str());
                continue;
            };
            let overrides = input.parameters.get_or_insert_with(Default::default);
            let value = match &change.how {
                How::Is(v) => v.clone(),
                How::Add(amount) => {
                    let own = overrides.get(&change.id).and_then(|v| match v {
                        Value::String(s) => s.trim().parse::<Decimal>().ok(),
                        Value::Number(n) => n.to_string().parse::<Decimal>().ok(),
                        _ => None,
                    });
                    let policy = || match day.and_then(|d| param.entry_on(d)).and_then(|e| e.value) {
                        Some(ParamValue::Number(d)) => Some(d),
                        _ => None,
                    };
                    let Some(now) = own.or_else(policy) else {
                        return Err(InputError::new(
                            format!("parameters.{}", change.id),
                            format!(
                                "{} has no value in force for this household to change by {}: give it with --set {}=VALUE",
                                change.id, change.typed, change.id
                            ),
                            format!("该家庭的参数 {} 没有现行数值，无法按“{}”调整：请用 --set {}=值 直接给出", change.id, change.typed, change.id),
                        ));
                    };
                    Value::String((now + amount).normalize().to_string())
                }
            };
            overrides.insert(change.id.clone(), value);
        }
        Ok((input, not_applied))
    }

    /// Decides `input` with the policy's values and with the changes: both decisions and
    /// the changed parameters its place does not declare, or why it is refused.
    pub fn decide(
        &self,
        decider: &mut Decider,
        input: &HouseholdInput,
    ) -> Result<(Decisions, Decisions, Vec<&str>), InputError> {
        let before = decider.decide_input(input.clone())?;
        let (changed, not_applied) = self.apply(input.clone())?;
        let after = decider.decide_input(changed)?;
        Ok((before, after, not_applied))
    }
}

pub fn difference<'a>(
    input: &'a HouseholdInput,
    before: &Decisions,
    after: &Decisions,
    not_applied: Vec<&'a str>,
) -> Diff<'a> {
    let (b, a) = (before.programmes(), after.programmes());
    let mut status_changed = Vec::new();
    let mut amount_changed = Vec::new();
    for o in &b {
        let Some(n) = a.iter().find(|n| n.program == o.program) else { continue };
        if n.status != o.status {
            status_changed.push((o.program, o.status, n.status));
        } else if (n.monthly, n.one_off) != (o.monthly, o.one_off) {
            amount_changed.push(o.program);
        }
    }
    Diff {
        id: input.members.first().and_then(|m| m.id.as_deref()),
        before: before.totals,
        after: after.totals,
        status_changed,
        amount_changed,
        not_applied,
    }
}

impl Tally {
    /// Adds one household's difference.
    pub fn add(&mut self, d: &Diff) {
        let (m, o) = (d.monthly(), d.one_off());
        // By the monthly difference first, then the one-off.
        match (m.cmp(&Decimal::ZERO), o.cmp(&Decimal::ZERO)) {
            (std::cmp::Ordering::Greater, _) | (std::cmp::Ordering::Equal, std::cmp::Ordering::Greater) => {
                self.gaining += 1
            }
            (std::cmp::Ordering::Less, _) | (std::cmp::Ordering::Equal, std::cmp::Ordering::Less) => self.losing += 1,
            _ => self.unchanged += 1,
        }
        self.status_changed += u64::from(!d.status_changed.is_empty());
        self.not_applied += u64::from(!d.not_applied.is_empty());
        self.before.monthly += d.before.monthly_total;
        self.before.one_off += d.before.one_off_total;
        self.after.monthly += d.after.monthly_total;
        self.after.one_off += d.after.one_off_total;
        self.bands[band(m)] += 1;
    }
}

impl Tally {
    /// Adds a later part's tally to the tally so far.
    pub fn merge(&mut self, part: Tally) {
        self.households += part.households;
        self.refused += part.refused;
        self.gaining += part.gaining;
        self.losing += part.losing;
        self.unchanged += part.unchanged;
        self.status_changed += part.status_changed;
        self.not_applied += part.not_applied;
        for (t, p) in [(&mut self.before, part.before), (&mut self.after, part.after)] {
            t.monthly += p.monthly;
            t.one_off += p.one_off;
        }
        for (t, p) in self.bands.iter_mut().zip(part.bands) {
            *t += p;
        }
    }
}

pub fn money(d: Decimal) -> String {
    doudi_core::money::fmt2(d)
}

/// `+150.00`, `-20.00`, `0.00`.
pub fn signed(d: Decimal) -> String {
    signed_with(d, money)
}

/// `d` as `write` writes it, with a `+` before a gain (the 摸排 page's `+1,150.00`).
pub fn signed_with(d: Decimal, write: fn(Decimal) -> String) -> String {
    if d > Decimal::ZERO {
        format!("+{}", write(d))
    } else {
        write(d)
    }
}

/// The totals over the roster, as printed and as `--summary` writes them.
#[derive(Debug, Serialize)]
pub struct Report {
    pub changes: Vec<String>,
    pub households: u64,
    pub refused: u64,
    pub gaining: u64,
    pub losing: u64,
    pub unchanged: u64,
    pub status_changed: u64,
    pub not_applied: u64,
    pub monthly: Side,
    /// 12 × the monthly difference.
    pub yearly_difference: String,
    pub one_off: Side,
    pub bands: Vec<Band>,
}

#[derive(Debug, Serialize)]
pub struct Side {
    pub before: String,
    pub after: String,
    pub difference: String,
}

#[derive(Debug, Serialize)]
pub struct Band {
    pub monthly_difference: &'static str,
    pub households: u64,
}

impl Report {
    pub fn of(t: &Tally, changes: &[Change]) -> Report {
        let side = |b: Decimal, a: Decimal| Side { before: money(b), after: money(a), difference: money(a - b) };
        let monthly = t.after.monthly - t.before.monthly;
        Report {
            changes: changes.iter().map(|c| c.typed.clone()).collect(),
            households: t.households,
            refused: t.refused,
            gaining: t.gaining,
            losing: t.losing,
            unchanged: t.unchanged,
            status_changed: t.status_changed,
            not_applied: t.not_applied,
            monthly: side(t.before.monthly, t.after.monthly),
            yearly_difference: money(monthly * Decimal::from(12)),
            one_off: side(t.before.one_off, t.after.one_off),
            bands: BANDS
                .iter()
                .zip(t.bands)
                .map(|((label, _), households)| Band { monthly_difference: label, households })
                .collect(),
        }
    }

    /// The report for a person, on stderr.
    pub fn text(&self) -> String {
        let mut s = String::new();
        let changes =
            if self.changes.is_empty() { "none (the policy against itself)".into() } else { self.changes.join(", ") };
        let decided = self.households - self.refused;
        s += &format!("compare: {} households, {} refused; changed: {changes}\n", self.households, self.refused);
        s += &format!(
            "  of the {decided} decided: {} gaining, {} losing, {} unchanged; {} with a programme's status changed\n",
            self.gaining, self.losing, self.unchanged, self.status_changed
        );
        if self.not_applied > 0 {
            s += &format!(
                "  {} households' places do not have a changed parameter: decided without it\n",
                self.not_applied
            );
        }
        let diff = |d: &str| d.parse::<Decimal>().map_or_else(|_| d.to_string(), signed);
        s += &format!(
            "  per month: {} before, {} after, difference {}\n",
            self.monthly.before,
            self.monthly.after,
            diff(&self.monthly.difference)
        );
        s += &format!("  per year (12 months): difference {}\n", diff(&self.yearly_difference));
        s += &format!(
            "  one-off payments: {} before, {} after, difference {}\n",
            self.one_off.before,
            self.one_off.after,
            diff(&self.one_off.difference)
        );
        s += "  households by monthly difference:\n";
        for b in &self.bands {
            s += &format!("    {:<20} {}\n", b.monthly_difference, b.households);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_difference_falls_in_one_band_with_exact_edges() {
        let at = |s: &str| band(s.parse().unwrap());
        assert_eq!(
            ["-500.00", "-499.99", "-100.00", "-99.99", "-0.01", "0", "0.01", "99.99", "100", "499.99", "500"].map(at),
            [0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6]
        );
    }

    fn set(id: &str, op: SetOp, value: &str) -> Set {
        Set { id: id.into(), op, value: value.into() }
    }

    #[test]
    fn a_set_is_checked_against_the_policies() {
        let p = doudi_core::embedded_policies().unwrap();
        assert!(check(&[set("dibao.standard.urban", SetOp::Is, "1030")], p).is_ok());
        assert!(check(&[set("epidemic.end", SetOp::Is, "null")], p).is_ok());
        for (s, path) in [
            (set("dibao.standard.nowhere", SetOp::Is, "1"), "parameters.dibao.standard.nowhere"),
            (set("dibao.standard.urban", SetOp::Is, "lots"), "parameters.dibao.standard.urban"),
            (set("dibao.standard.urban", SetOp::Is, "-5"), "parameters.dibao.standard.urban"),
            (set("epidemic.end", SetOp::Add, "5"), "parameters.epidemic.end"),
            (set("dibao.standard.urban", SetOp::Add, "5e"), "parameters.dibao.standard.urban"),
        ] {
            let e = check(std::slice::from_ref(&s), p).unwrap_err();
            assert_eq!(e.path, path, "{s:?}: {}", e.message);
        }
        let twice = [set("dibao.standard.urban", SetOp::Is, "1"), set("dibao.standard.urban", SetOp::Add, "1")];
        assert!(check(&twice, p).unwrap_err().message.contains("twice"));
    }

    fn compare(sets: &[Set]) -> Compare {
        let policies = doudi_core::embedded_policies().unwrap();
        Compare { policies, changes: check(sets, policies).unwrap() }
    }

    fn input(json: &str) -> HouseholdInput {
        doudi_core::parse_json(json).unwrap()
    }

    #[test]
    fn a_change_of_the_value_in_force_starts_from_the_households_own_override() {
        let c = compare(&[set("dibao.standard.urban", SetOp::Add, "50"), set("dibao.standard.rural", SetOp::Sub, "6")]);
        let own = input(
            r#"{"jurisdiction":"chongqing","as_of":"2020-03-15","members":[{"age":40}],"parameters":{"dibao.standard.urban":"700"}}"#,
        );
        let (changed, not_applied) = c.apply(own).unwrap();
        let p = changed.parameters.unwrap();
        assert_eq!(p["dibao.standard.urban"], "750");
        // Chongqing's rural standard on the day, less 6.
        let policies = doudi_core::embedded_policies().unwrap();
        let day = doudi_core::dates::parse_date("2020-03-15").unwrap();
        let Some(ParamValue::Number(rural)) = policies.jurisdiction("chongqing").unwrap().parameters
            ["dibao.standard.rural"]
            .entry_on(day)
            .and_then(|e| e.value)
        else {
            panic!("no rural standard")
        };
        assert_eq!(p["dibao.standard.rural"], (rural - Decimal::from(6)).normalize().to_string());
        assert!(not_applied.is_empty());
        // Jilin sets no standard: nothing to add to.
        let jilin = input(r#"{"jurisdiction":"jilin","as_of":"2020-03-15","members":[{"age":40}]}"#);
        assert_eq!(c.apply(jilin).unwrap_err().path, "parameters.dibao.standard.urban");
    }

    #[test]
    fn a_parameter_the_place_lacks_is_not_applied() {
        let c = compare(&[set("work_cost.amount", SetOp::Is, "300")]);
        let (changed, not_applied) =
            c.apply(input(r#"{"jurisdiction":"jilin","as_of":"2020-03-15","members":[{"age":40}]}"#)).unwrap();
        assert_eq!(not_applied, ["work_cost.amount"]);
        assert!(changed.parameters.unwrap_or_default().is_empty());
    }
}
