//! The validated household: every input of contract v1 checked, defaults applied, ages
//! resolved. Rules take a [`Household`] and so never see a bad value ("preconditions in
//! types"). [`Household::from_input`] is the only way to make one.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::dates::parse_date;
use crate::error::{clip, InputError};
use crate::input::*;
use crate::money::MAX_AMOUNT;
use crate::policy::{ParamValue, Policies};

/// The ids of members given none, `m1` to `m30`, without formatting each.
const MEMBER_IDS: [&str; MAX_MEMBERS] = [
    "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9", "m10", "m11", "m12", "m13", "m14", "m15", "m16", "m17",
    "m18", "m19", "m20", "m21", "m22", "m23", "m24", "m25", "m26", "m27", "m28", "m29", "m30",
];

/// At most this many members (contract v1).
pub const MAX_MEMBERS: usize = 30;
/// Ages run from 0 to this (contract v1).
pub const MAX_AGE: u32 = 130;
/// Contract v1's default for `able_to_work`: true from this age …
const WORKING_AGE_FROM: u32 = 18;
/// … through this age, unless the person has a disability of grade 1 or 2.
const WORKING_AGE_TO: u32 = 59;

#[derive(Clone, Debug, PartialEq)]
pub struct Household {
    pub jurisdiction: String,
    pub as_of: NaiveDate,
    pub residence: Residence,
    pub assets: Option<Decimal>,
    pub support: Support,
    pub applying: BTreeSet<Applying>,
    // Invariant: 1 to MAX_MEMBERS members, ids unique.
    pub members: Vec<Member>,
    /// Overrides, each checked against the jurisdiction's parameter of that id.
    pub overrides: BTreeMap<String, ParamValue>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Support {
    pub dibao: bool,
    pub dibao_monthly: Option<Decimal>,
    pub low_income: bool,
    pub poverty_registered: bool,
    pub income_above_standard_since: Option<NaiveDate>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub id: String,
    /// Position in `members`, for paths such as `members[1].age`.
    pub index: usize,
    pub relation: Relation,
    pub age: u32,
    pub birth_date: Option<NaiveDate>,
    pub monthly_income: Decimal,
    pub work: Work,
    pub epidemic_job_loss: bool,
    pub months_without_income: u32,
    pub unemployed_registered: bool,
    pub unemployment_insurance: Insurance,
    pub hukou: Hukou,
    /// Whether the household said so (`hukou` given); the contract reads an unstated one as
    /// `local`, which a rule says as taken, not as known.
    pub hukou_stated: bool,
    pub covid: Covid,
    pub diagnosed_on: Option<NaiveDate>,
    pub discharged_on: Option<NaiveDate>,
    pub isolated: bool,
    pub disability_grade: Option<u8>,
    pub disability_type: Option<DisabilityType>,
    pub serious_illness_tier: Option<u32>,
    pub orphan: bool,
    pub unsupported_child: bool,
    pub difficult_child: bool,
    pub entitled_group: bool,
    pub able_to_work: bool,
    pub has_able_supporter: bool,
    /// Whether the household said so (`has_able_supporter` given); the contract reads an
    /// unstated one as yes, and a sentence that relies on it says it was taken so.
    pub supporter_stated: bool,
    pub self_care: SelfCare,
    /// Whether the household said so (`self_care` given); the contract reads an unstated one
    /// as `full`, which a rule says as taken, not as known.
    pub self_care_stated: bool,
    pub carer_unavailable: bool,
    pub tekun: bool,
    pub stranded: bool,
}

impl Member {
    pub fn path(&self, field: &str) -> String {
        format!("members[{}].{field}", self.index)
    }

    /// 外来人员 (documents 000, 001 二, 004 二): not a local hukou.
    pub fn is_non_local(&self) -> bool {
        self.hukou != Hukou::Local
    }

    /// 困境儿童 in the documents' wide sense: 事实无人抚养儿童、孤儿 and other 困境儿童
    /// (001 一（四） names the first two as 困境儿童; 004 10 likewise).
    pub fn is_child_in_difficulty(&self) -> bool {
        self.difficult_child || self.orphan || self.unsupported_child
    }
}

fn err(path: impl Into<String>, en: impl Into<String>, zh: impl Into<String>) -> InputError {
    InputError::new(path, en, zh)
}

/// [`date`] with a path made only when the value is refused (the success path formats nothing).
fn date_at(path: impl FnOnce() -> String, s: &str) -> Result<NaiveDate, InputError> {
    match parse_date(s) {
        Some(d) if (1900..=2100).contains(&d.year()) => Ok(d),
        _ => date(&path(), s),
    }
}

/// [`money`] with a path made only when the value is refused.
fn money_at(path: impl FnOnce() -> String, m: Option<Money>) -> Result<Option<Decimal>, InputError> {
    match m {
        None => Ok(None),
        Some(Money(d)) if (!d.is_sign_negative() || d.is_zero()) && d <= MAX_AMOUNT => Ok(Some(d)),
        Some(_) => money(&path(), m),
    }
}

fn date(path: &str, s: &str) -> Result<NaiveDate, InputError> {
    let d = parse_date(s).ok_or_else(|| {
        let s = clip(s);
        err(
            path,
            format!("\"{s}\" is not a real date in the form YYYY-MM-DD"),
            format!("“{s}”不是有效日期，请按 2020-04-15 的格式填写"),
        )
    })?;
    if !(1900..=2100).contains(&d.year()) {
        return Err(err(path, "the year must be between 1900 and 2100", "年份应在 1900 至 2100 之间"));
    }
    Ok(d)
}

fn money(path: &str, m: Option<Money>) -> Result<Option<Decimal>, InputError> {
    match m {
        None => Ok(None),
        Some(Money(d)) if d.is_sign_negative() && !d.is_zero() => {
            Err(err(path, "must be 0 or more", "请填写 0 或更大的数"))
        }
        Some(Money(d)) if d > MAX_AMOUNT => Err(err(path, crate::money::TOO_LARGE, crate::money::TOO_LARGE_ZH)),
        Some(Money(d)) => Ok(Some(d)),
    }
}

/// Why an override that should be a number is not one: too large or too precise to hold
/// exactly, or no number at all.
fn number_error(path: &str, raw: &serde_json::Value) -> InputError {
    use crate::money::{parse_exact, DecimalError, TOO_LARGE, TOO_LARGE_ZH, TOO_PRECISE, TOO_PRECISE_ZH};
    let reading = match raw {
        serde_json::Value::String(s) => Some(parse_exact(s)),
        serde_json::Value::Number(n) => Some(parse_exact(&n.to_string())),
        _ => None,
    };
    match reading {
        Some(Err(DecimalError::TooLarge)) => err(path, TOO_LARGE, TOO_LARGE_ZH),
        Some(Err(DecimalError::TooPrecise)) => err(path, TOO_PRECISE, TOO_PRECISE_ZH),
        _ => err(path, "expected a number (or a decimal string)", "请填写数字"),
    }
}

/// Whole years from `birth` to `on` (the birthday reached counts).
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years.max(0) as u32
}

impl Household {
    /// Checks a raw household against contract v1 and the jurisdiction's parameters.
    pub fn from_input(input: HouseholdInput, policies: &Policies) -> Result<Household, InputError> {
        let jurisdiction = policies.jurisdiction(&input.jurisdiction).ok_or_else(|| {
            let known: Vec<_> = policies.jurisdictions.iter().map(|j| j.id.as_str()).collect();
            let given = clip(&input.jurisdiction);
            err(
                "jurisdiction",
                format!("unknown jurisdiction \"{given}\" (known: {})", known.join(", ")),
                format!("不支持的地区“{given}”，可选：{}", known.join("、")),
            )
        })?;
        let as_of = date("as_of", &input.as_of)?;
        let assets = money("assets", input.assets)?;
        let s = input.support.unwrap_or_default();
        let support = Support {
            dibao: s.dibao.unwrap_or(false),
            dibao_monthly: money("support.dibao_monthly", s.dibao_monthly)?,
            low_income: s.low_income.unwrap_or(false),
            poverty_registered: s.poverty_registered.unwrap_or(false),
            income_above_standard_since: match &s.income_above_standard_since {
                None => None,
                Some(x) => {
                    let d = date("support.income_above_standard_since", x)?;
                    if d > as_of {
                        return Err(err(
                            "support.income_above_standard_since",
                            "is after as_of",
                            "收入超过标准的日期不能晚于测算日期",
                        ));
                    }
                    Some(d)
                }
            },
        };
        if input.members.is_empty() {
            return Err(err("members", "a household has at least one member", "请至少填写一位家庭成员"));
        }
        if input.members.len() > MAX_MEMBERS {
            return Err(err(
                "members",
                format!("at most {MAX_MEMBERS} members"),
                format!("家庭成员最多 {MAX_MEMBERS} 人"),
            ));
        }
        let mut members = Vec::with_capacity(input.members.len());
        let mut ids = BTreeSet::new();
        for (i, m) in input.members.into_iter().enumerate() {
            let member = member(i, m, as_of)?;
            if !ids.insert(member.id.clone()) {
                return Err(err(
                    format!("members[{i}].id"),
                    format!("id \"{}\" is used by an earlier member", member.id),
                    format!("成员编号“{}”重复", member.id),
                ));
            }
            members.push(member);
        }
        let mut overrides = BTreeMap::new();
        for (id, raw) in input.parameters.unwrap_or_default() {
            let Some(p) = jurisdiction.parameters.get(&id) else {
                let id = clip(&id);
                return Err(err(
                    format!("parameters.{id}"),
                    format!("unknown parameter \"{id}\" for {}", jurisdiction.id),
                    format!("{}没有参数“{id}”", jurisdiction.name),
                ));
            };
            let path = || format!("parameters.{id}");
            let value = crate::policy::ParamValue::parse(p.kind, &raw).ok_or_else(|| match p.kind {
                crate::ids::Kind::Number => number_error(&path(), &raw),
                crate::ids::Kind::Date => {
                    err(path(), "expected a date YYYY-MM-DD (or null)", "请按 2020-04-15 的格式填写日期")
                }
                crate::ids::Kind::Bool => err(path(), "expected true or false", "请填写 是 或 否（true/false）"),
            })?;
            if let ParamValue::Number(d) = value {
                money_at(path, Some(Money(d)))?;
            }
            overrides.insert(id, value);
        }
        Ok(Household {
            jurisdiction: jurisdiction.id.clone(),
            as_of,
            residence: input.residence.unwrap_or(Residence::Urban),
            assets,
            support,
            applying: input.applying.unwrap_or_default().into_iter().collect(),
            members,
            overrides,
        })
    }

    /// The number of members, as a decimal for arithmetic.
    pub fn size(&self) -> Decimal {
        Decimal::from(self.members.len() as u64)
    }
}

fn member(i: usize, m: MemberInput, as_of: NaiveDate) -> Result<Member, InputError> {
    let p = |f: &str| format!("members[{i}].{f}");
    let id = match m.id {
        Some(id) if id.trim().is_empty() || id.chars().count() > 64 => {
            return Err(err(p("id"), "an id is 1 to 64 characters", "成员编号应为 1 到 64 个字符"))
        }
        Some(id) => id,
        None => MEMBER_IDS.get(i).map_or_else(|| format!("m{}", i + 1), |id| id.to_string()),
    };
    let birth_date = m.birth_date.as_deref().map(|s| date_at(|| p("birth_date"), s)).transpose()?;
    if birth_date.is_some_and(|b| b > as_of) {
        return Err(err(p("birth_date"), "is after as_of", "出生日期不能晚于测算日期"));
    }
    let age = match (m.age, birth_date) {
        (Some(a), _) if !(0..=MAX_AGE as i64).contains(&a) => {
            return Err(err(
                p("age"),
                format!("must be a whole number from 0 to {MAX_AGE}"),
                format!("年龄应为 0 到 {MAX_AGE} 的整数"),
            ))
        }
        (_, Some(b)) if age_on(b, as_of) > MAX_AGE => {
            return Err(err(
                p("birth_date"),
                format!("gives an age over {MAX_AGE}"),
                format!("按出生日期计算年龄超过 {MAX_AGE} 岁"),
            ))
        }
        (Some(a), Some(b)) if a as u32 != age_on(b, as_of) => {
            return Err(err(
                p("age"),
                format!("age {a} does not match birth_date (which gives {})", age_on(b, as_of)),
                format!("年龄 {a} 与出生日期不符（按出生日期为 {} 岁）", age_on(b, as_of)),
            ))
        }
        (_, Some(b)) => age_on(b, as_of),
        (Some(a), None) => a as u32,
        (None, None) => return Err(err(p("age"), "age or birth_date is required", "请填写年龄")),
    };
    let monthly_income = money_at(|| p("monthly_income"), m.monthly_income)?.unwrap_or_default();
    let months_without_income = match m.months_without_income {
        None => 0,
        Some(n) if (0..=1200).contains(&n) => n as u32,
        Some(_) => {
            return Err(err(
                p("months_without_income"),
                "must be a whole number from 0 to 1200",
                "请填写 0 或更大的整数（月数）",
            ))
        }
    };
    let disability_grade = match m.disability_grade {
        None => None,
        Some(g) if (1..=4).contains(&g) => Some(g as u8),
        Some(_) => {
            return Err(err(p("disability_grade"), "a disability grade is 1, 2, 3 or 4", "残疾等级应为 1 至 4 级"))
        }
    };
    let serious_illness_tier = match m.serious_illness_tier {
        None => None,
        Some(t @ (1000 | 1500)) => Some(t as u32),
        Some(_) => return Err(err(p("serious_illness_tier"), "the tier is 1000 or 1500", "重病档次应为 1000 或 1500")),
    };
    let diagnosed_on = m.diagnosed_on.as_deref().map(|s| date_at(|| p("diagnosed_on"), s)).transpose()?;
    let discharged_on = m.discharged_on.as_deref().map(|s| date_at(|| p("discharged_on"), s)).transpose()?;
    if diagnosed_on.is_some_and(|d| d > as_of) {
        return Err(err(p("diagnosed_on"), "is after as_of", "确诊日期不能晚于测算日期"));
    }
    if let (Some(d), Some(x)) = (diagnosed_on, discharged_on) {
        if x < d {
            return Err(err(p("discharged_on"), "is before diagnosed_on", "出院日期不能早于确诊日期"));
        }
    }
    if discharged_on.is_some_and(|x| x > as_of) {
        return Err(err(p("discharged_on"), "is after as_of", "出院日期不能晚于测算日期"));
    }
    let relation = m.relation.unwrap_or(if i == 0 { Relation::SelfPerson } else { Relation::Other });
    let severe = disability_grade.is_some_and(|g| g <= 2);
    Ok(Member {
        id,
        index: i,
        relation,
        age,
        birth_date,
        monthly_income,
        work: m.work.unwrap_or(Work::None),
        epidemic_job_loss: m.epidemic_job_loss.unwrap_or(false),
        months_without_income,
        unemployed_registered: m.unemployed_registered.unwrap_or(false),
        unemployment_insurance: m.unemployment_insurance.unwrap_or(Insurance::None),
        hukou: m.hukou.unwrap_or(Hukou::Local),
        hukou_stated: m.hukou.is_some(),
        covid: m.covid.unwrap_or(Covid::None),
        diagnosed_on,
        discharged_on,
        isolated: m.isolated.unwrap_or(false),
        disability_grade,
        disability_type: m.disability_type,
        serious_illness_tier,
        orphan: m.orphan.unwrap_or(false),
        unsupported_child: m.unsupported_child.unwrap_or(false),
        difficult_child: m.difficult_child.unwrap_or(false),
        entitled_group: m.entitled_group.unwrap_or(false),
        able_to_work: m.able_to_work.unwrap_or((WORKING_AGE_FROM..=WORKING_AGE_TO).contains(&age) && !severe),
        has_able_supporter: m.has_able_supporter.unwrap_or(true),
        supporter_stated: m.has_able_supporter.is_some(),
        self_care: m.self_care.unwrap_or(SelfCare::Full),
        self_care_stated: m.self_care.is_some(),
        carer_unavailable: m.carer_unavailable.unwrap_or(false),
        tekun: m.tekun.unwrap_or(false),
        stranded: m.stranded.unwrap_or(false),
    })
}
