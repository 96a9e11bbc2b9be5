//! `doudi sample --jurisdiction ID --households N [--seed S] [--as-of DATE]
//! [--output-format jsonl|csv] [--output FILE]`: a synthetic roster for tests and demos,
//! never a real one.
//!
//! Households are drawn from a seeded ChaCha8 generator (`rand_chacha`), household K from
//! its own stream K of the seed: the same seed gives the same bytes, and a roster of N
//! households is the first N of a longer one. Each is contract v1 (built as the core's
//! [`HouseholdInput`], so it can only hold the contract's fields) in a mix meant to look
//! like a caseload: one to seven members (couples, children, parents, grandchildren
//! living with grandparents), ages, work (local, 外出务工, 返岗复工), job losses with
//! months without income, disability grades, COVID-19 patients and isolation inside the
//! epidemic period, 特困 and 低保 already received, 低收入 and 建档立卡 households, and
//! what a household is applying for.
//!
//! Incomes are drawn against the place's own 低保 standard on the day (its parameter
//! `dibao.standard.urban` or `.rural`, read from the core): about two households in five
//! fall below it, so that a roster straddles the line. Where the place's standard has no
//! value (Jilin's), incomes are drawn around the lowest standard that the places
//! do set, and the core finds 低保 `needs_info`, as it would for a real household there.
//! Fields that only some places' rules read (the 重病 tier) are drawn only where the
//! place declares a parameter that reads them.
//!
//! The output is JSONL (one household a line) or CSV in the columns `doudi batch` reads
//! (`batch::csv::columns`); either is accepted by `doudi batch` as it is.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Days, NaiveDate};
use doudi_core::input::{
    Applying, Covid, DisabilityType, Hukou, Insurance, MemberInput, Money, Relation, Residence, SelfCare, SupportInput,
    Work,
};
use doudi_core::policy::{ParamValue, Policies};
use doudi_core::{HouseholdInput, InputError, Lang};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::args::{OutputFormat, SampleArgs};
use crate::batch::csv::{columns, RowWriter};
use crate::failure::Failure;

/// The most members a sampled household has.
pub const MAX_SIZE: usize = 7;

/// The contract's fields the generator may fill, by the names `doudi batch`'s CSV tables
/// give them: the CSV output has a column for each of these (and no other).
const FIELDS: &[&str] = &[
    // household and support
    "jurisdiction",
    "as_of",
    "residence",
    "assets",
    "applying",
    "dibao",
    "dibao_monthly",
    "low_income",
    "poverty_registered",
    "income_above_standard_since",
    // members
    "id",
    "relation",
    "age",
    "monthly_income",
    "work",
    "epidemic_job_loss",
    "months_without_income",
    "unemployed_registered",
    "unemployment_insurance",
    "hukou",
    "covid",
    "diagnosed_on",
    "discharged_on",
    "isolated",
    "disability_grade",
    "disability_type",
    "serious_illness_tier",
    "orphan",
    "unsupported_child",
    "difficult_child",
    "entitled_group",
    "has_able_supporter",
    "self_care",
    "carer_unavailable",
    "tekun",
    "stranded",
];

pub fn run(args: &SampleArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let place = Place::new(policies, &args.jurisdiction, &args.as_of)?;
    let csv = match args.output_format {
        Some(f) => f == OutputFormat::Csv,
        None => args.output.as_deref().is_some_and(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"))),
    };
    let output: Box<dyn Write> = match args.output.as_deref() {
        Some(p) if p.as_os_str() != "-" => Box::new(create(p)?),
        _ => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, output);
    write(&place, args.seed, args.households, csv, &mut out)?;
    out.flush()?;
    Ok(())
}

fn create(path: &Path) -> Result<File, InputError> {
    File::create(path).map_err(|e| {
        let name = path.display();
        InputError::new("", format!("cannot create {name}: {e}"), format!("无法创建 {name}：{e}"))
    })
}

/// Writes `households` households of `place` drawn from `seed`.
fn write(place: &Place, seed: u64, households: u64, csv: bool, out: &mut impl Write) -> Result<(), Failure> {
    if !csv {
        for k in 0..households {
            serde_json::to_writer(&mut *out, &household(place, seed, k))?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    let header = columns(MAX_SIZE, |f| FIELDS.contains(&f));
    let rows = RowWriter::new(&header)?;
    let mut w = ::csv::Writer::from_writer(out);
    w.write_record(&header).map_err(io::Error::from)?;
    for k in 0..households {
        let cells = rows.cells(&serde_json::to_value(household(place, seed, k))?)?;
        w.write_record(&cells).map_err(io::Error::from)?;
    }
    w.flush()?;
    Ok(())
}

/// What the generator needs to know of the place on the day.
struct Place {
    id: String,
    as_of: NaiveDate,
    /// The 低保 standards the incomes are drawn against (urban, rural).
    urban: Decimal,
    rural: Decimal,
    /// The first day of the epidemic period, when the day is inside it.
    epidemic_from: Option<NaiveDate>,
    /// The place declares the 重病 tier's parameter: its rules read the tier.
    illness_tier: bool,
}

impl Place {
    fn new(policies: &Policies, jurisdiction: &str, as_of: &str) -> Result<Place, InputError> {
        let params = doudi_core::parameters_in(policies, jurisdiction, as_of, Lang::Zh)?;
        let day = doudi_core::dates::parse_date(as_of).ok_or_else(|| {
            InputError::new(
                "as_of",
                format!("\"{as_of}\" is not a date (YYYY-MM-DD)"),
                "请按 2020-04-15 的格式填写日期",
            )
        })?;
        let value = |id: &str| params.iter().find(|p| p.id == id).and_then(|p| p.value);
        let number = |id: &str| match value(id) {
            Some(ParamValue::Number(d)) => Some(d),
            _ => None,
        };
        let date = |id: &str| match value(id) {
            Some(ParamValue::Date(d)) => Some(d),
            _ => None,
        };
        let urban = number("dibao.standard.urban").or_else(|| lowest(policies, "dibao.standard.urban", day));
        let rural = number("dibao.standard.rural").or_else(|| lowest(policies, "dibao.standard.rural", day));
        let (Some(urban), Some(rural)) = (urban.or(rural), rural.or(urban)) else {
            return Err(InputError::new(
                "as_of",
                "no place sets a 低保 standard on this day, so incomes cannot be drawn around one",
                "这一天没有任何地区的低保标准，无法生成收入",
            ));
        };
        let start = date("epidemic.start");
        // An open end (null) is still in force.
        let ended = date("epidemic.end").is_some_and(|end| day > end);
        let epidemic_from = start.filter(|s| *s <= day && !ended);
        Ok(Place {
            id: jurisdiction.to_string(),
            as_of: day,
            urban,
            rural,
            epidemic_from,
            illness_tier: value("dibao_single_person.min_illness_tier").is_some(),
        })
    }
}

/// The lowest value of a number parameter among the places on `day`.
fn lowest(policies: &Policies, id: &str, day: NaiveDate) -> Option<Decimal> {
    policies
        .jurisdictions
        .iter()
        .filter_map(|j| j.parameters.get(id)?.entry_on(day)?.value)
        .filter_map(|v| match v {
            ParamValue::Number(d) => Some(d),
            _ => None,
        })
        .min()
}

/// The generator's dice: integer draws only (no floats anywhere near money).
struct Dice(ChaCha8Rng);

impl Dice {
    /// Household `k` of `seed`: its own stream, so it is the same whatever N is.
    fn new(seed: u64, k: u64) -> Dice {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(k);
        Dice(rng)
    }

    /// True `percent` times in a hundred.
    fn pct(&mut self, percent: u32) -> bool {
        self.0.random_ratio(percent.min(100), 100)
    }

    /// True `per_mille` times in a thousand.
    fn pm(&mut self, per_mille: u32) -> bool {
        self.0.random_ratio(per_mille.min(1000), 1000)
    }

    fn range(&mut self, lo: u32, hi: u32) -> u32 {
        if hi <= lo {
            return lo;
        }
        self.0.random_range(lo..=hi)
    }

    /// One of the choices, each as likely as its weight.
    fn pick<T: Copy>(&mut self, weighted: &[(T, u32)]) -> T {
        let total: u32 = weighted.iter().map(|(_, w)| w).sum();
        let mut x = self.range(0, total.saturating_sub(1));
        for (t, w) in weighted {
            if x < *w {
                return *t;
            }
            x -= w;
        }
        weighted[weighted.len() - 1].0
    }
}

fn money(d: Decimal) -> Money {
    Money(d)
}

/// An amount rounded to the yuan (four times in five) or to the cent.
fn amount(dice: &mut Dice, d: Decimal) -> Decimal {
    let dp = if dice.pct(80) { 0 } else { 2 };
    d.max(Decimal::ZERO).round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

fn days_before(day: NaiveDate, days: u32) -> NaiveDate {
    day.checked_sub_days(Days::new(u64::from(days))).unwrap_or(day)
}

fn days_after(day: NaiveDate, days: u32) -> NaiveDate {
    day.checked_add_days(Days::new(u64::from(days))).unwrap_or(day)
}

/// Household `k` of the roster drawn from `seed`.
fn household(place: &Place, seed: u64, k: u64) -> HouseholdInput {
    let mut dice = Dice::new(seed, k);
    let d = &mut dice;
    let in_epidemic = place.epidemic_from.is_some();
    let rural = d.pct(30);
    let standard = if rural { place.rural } else { place.urban };
    let size = d.pick(&[(1usize, 25), (2, 30), (3, 21), (4, 13), (5, 6), (6, 3), (7, 2)]);
    let mut members = people(d, size);
    let hukou = d.pick(&[(Hukou::Local, 88), (Hukou::ResidencePermit, 8), (Hukou::None, 4)]);
    let grandparents_only = members.len() > 1
        && !members.iter().any(|m| matches!(m.relation, Some(Relation::Child)))
        && members.iter().any(|m| matches!(m.relation, Some(Relation::Grandchild)));
    let single = members.len() == 1;
    for m in &mut members {
        circumstances(d, place, m, hukou, grandparents_only, single);
    }
    if in_epidemic && hukou == Hukou::None && d.pct(5) {
        members[0].stranded = Some(true);
    }
    covid(d, place, &mut members);

    // Incomes: the household's per-capita income as a share of the standard, in per mille.
    let n = Decimal::from(members.len() as u64);
    let line = standard * n;
    let share = d.pick(&[((0, 999), 40), ((1000, 1499), 15), ((1500, 2999), 25), ((3000, 8000), 20)]);
    let share = d.range(share.0, share.1);
    let total = line * Decimal::from(share) / Decimal::from(1000);
    incomes(d, &mut members, total);
    let income: Decimal = members.iter().filter_map(|m| m.monthly_income).map(|m| m.0).sum();
    let below = income < line;

    // What the household receives now.
    let mut support = SupportInput::default();
    let on_dibao = if below { d.pct(55) } else { share < 1300 && d.pct(20) };
    if on_dibao {
        support.dibao = Some(true);
        if d.pct(85) {
            let was = if below {
                (line - income) * Decimal::from(d.range(90, 110)) / Decimal::from(100)
            } else {
                line * Decimal::from(d.range(10, 40)) / Decimal::from(100)
            };
            support.dibao_monthly = Some(money(amount(d, was)));
        }
        if !below && d.pct(50) {
            support.income_above_standard_since = Some(days_before(place.as_of, d.range(0, 240)).to_string());
        }
    } else if share < 1500 && d.pct(45) {
        support.low_income = Some(true);
    }
    if d.pct(if rural { 8 } else { 1 }) {
        support.poverty_registered = Some(true);
    }

    // 特困: a person alone with no one able to support them, old, disabled or a child.
    let alone = members.len() == 1 && members[0].has_able_supporter == Some(false);
    let mut applying = Vec::new();
    if alone && below && !on_dibao && d.pct(40) {
        members[0].tekun = Some(true);
    } else if alone && below && d.pct(50) {
        applying.push(Applying::Tekun);
    }
    if below && !on_dibao && members[0].tekun.is_none() && d.pct(60) {
        applying.insert(0, Applying::Dibao);
    }

    let assets = if d.pct(85) {
        let months = if share < 1500 { d.range(0, 30) } else { d.range(12, 120) };
        let a = standard * n * Decimal::from(months);
        // To the hundred yuan.
        let hundreds = (a / Decimal::ONE_HUNDRED).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
        Some(money(hundreds * Decimal::ONE_HUNDRED))
    } else {
        None
    };
    members[0].id = Some(format!("h{:06}", k + 1));

    HouseholdInput {
        jurisdiction: place.id.clone(),
        as_of: place.as_of.to_string(),
        residence: Some(if rural { Residence::Rural } else { Residence::Urban }),
        assets,
        support: (support != SupportInput::default()).then_some(support),
        applying: (!applying.is_empty()).then_some(applying),
        members,
        parameters: None,
    }
}

/// The people of a household of `size`: the applicant first, then a spouse, children,
/// parents or grandchildren, with ages that fit their relations.
fn people(d: &mut Dice, size: usize) -> Vec<MemberInput> {
    let person = |relation: Relation, age: u32| MemberInput {
        relation: Some(relation),
        age: Some(i64::from(age)),
        ..MemberInput::default()
    };
    if size == 1 && d.pct(2) {
        // A child with no one: an orphan, or a child no one brings up (事实无人抚养).
        let mut child = person(Relation::SelfPerson, d.range(6, 17));
        if d.pct(50) {
            child.orphan = Some(true);
        } else {
            child.unsupported_child = Some(true);
        }
        child.has_able_supporter = Some(false);
        return vec![child];
    }
    let (lo, hi) = d.pick(&[((18, 34), 22), ((35, 59), 48), ((60, 89), 30)]);
    let age = d.range(lo, hi);
    let mut out = vec![person(Relation::SelfPerson, age)];
    if size >= 2 && d.pct(if age >= 35 { 85 } else { 70 }) {
        let spouse = (age + d.range(0, 12)).saturating_sub(6).clamp(18, 95);
        out.push(person(Relation::Spouse, spouse));
    }
    let mut children = 0;
    while out.len() < size {
        let slot = if age < 50 {
            if children < 3 && age >= 20 {
                children += 1;
                let child = age.saturating_sub(d.range(20, 36));
                person(Relation::Child, if child == 0 { d.range(0, 5) } else { child })
            } else if age + 22 <= 98 {
                person(Relation::Parent, (age + d.range(22, 32)).min(98))
            } else {
                person(Relation::Sibling, age)
            }
        } else if children < 2 && d.pct(60) {
            children += 1;
            person(Relation::Child, age.saturating_sub(d.range(22, 34)).max(16))
        } else if age < 65 && d.pct(30) {
            person(Relation::Parent, (age + d.range(22, 30)).min(100))
        } else {
            person(Relation::Grandchild, d.range(0, 14))
        };
        out.push(slot);
    }
    out
}

/// A member's work, disability, job loss, care and the like.
fn circumstances(
    d: &mut Dice,
    place: &Place,
    m: &mut MemberInput,
    hukou: Hukou,
    grandparents_only: bool,
    single: bool,
) {
    let in_epidemic = place.epidemic_from.is_some();
    let age = m.age.unwrap_or(0) as u32;
    if hukou != Hukou::Local {
        m.hukou = Some(hukou);
    }
    if d.pct(6) {
        let grade = d.pick(&[(1u8, 15), (2, 25), (3, 30), (4, 30)]);
        m.disability_grade = Some(i64::from(grade));
        m.disability_type = Some(DisabilityType::ALL[d.range(0, DisabilityType::ALL.len() as u32 - 1) as usize]);
        if grade <= 2 {
            m.self_care = Some(d.pick(&[(SelfCare::Full, 30), (SelfCare::Partial, 45), (SelfCare::None, 25)]));
        }
    }
    if age >= 80 && m.self_care.is_none() {
        m.self_care = Some(d.pick(&[(SelfCare::Full, 67), (SelfCare::Partial, 25), (SelfCare::None, 8)]));
    }
    let severe = m.disability_grade.is_some_and(|g| g <= 2);
    let work = match age {
        18..=59 if !severe => d.pick(&[(Work::Local, 45), (Work::Migrant, 12), (Work::Returned, 10), (Work::None, 33)]),
        60..=69 if d.pct(15) => Work::Local,
        _ => Work::None,
    };
    // 外出务工 is a local resident's going out to work: one from elsewhere works here.
    let work = if work == Work::Migrant && hukou != Hukou::Local { Work::Local } else { work };
    if work != Work::None {
        m.work = Some(work);
        if in_epidemic && d.pct(if work == Work::Migrant { 30 } else { 15 }) {
            m.epidemic_job_loss = Some(true);
            if d.pct(50) {
                m.unemployed_registered = Some(true);
            }
            m.unemployment_insurance =
                Some(d.pick(&[(Insurance::None, 55), (Insurance::Insured, 30), (Insurance::Receiving, 15)]));
        }
    }
    if matches!(m.relation, Some(Relation::Child | Relation::Grandchild)) && age < 18 && d.pct(3) {
        m.difficult_child = Some(true);
    }
    if grandparents_only && m.relation == Some(Relation::Grandchild) && age < 18 {
        match d.range(0, 99) {
            0..=7 => m.orphan = Some(true),
            8..=15 => m.unsupported_child = Some(true),
            _ => {}
        }
    }
    if age >= 40 && d.pm(15) {
        m.entitled_group = Some(true);
    }
    if place.illness_tier && d.pct(2) {
        m.serious_illness_tier = Some(if d.pct(60) { 1000 } else { 1500 });
    }
    // Someone living alone, old or severely disabled, may have no one able to support them.
    if single && m.has_able_supporter.is_none() && (age >= 60 && d.pct(35) || severe && d.pct(30)) {
        m.has_able_supporter = Some(false);
    }
    let needs_care = !(14..75).contains(&age) || severe;
    if in_epidemic && needs_care && d.pct(1) {
        m.carer_unavailable = Some(true);
    }
    if in_epidemic && d.pct(2) {
        m.isolated = Some(true);
    }
}

/// Inside the epidemic period, now and then a member with COVID-19: diagnosed in the
/// period before the day, in hospital or discharged, or (rarely) dead of it.
fn covid(d: &mut Dice, place: &Place, members: &mut [MemberInput]) {
    let Some(from) = place.epidemic_from else { return };
    let days = (place.as_of - from).num_days().clamp(0, 90) as u32;
    if !d.pm(15) {
        return;
    }
    let who = d.range(0, members.len() as u32 - 1) as usize;
    let m = &mut members[who];
    let diagnosed = days_before(place.as_of, d.range(0, days));
    m.diagnosed_on = Some(diagnosed.to_string());
    if d.pct(8) {
        m.covid = Some(Covid::Deceased);
        return;
    }
    m.covid = Some(Covid::Confirmed);
    let out = days_after(diagnosed, d.range(10, 35));
    if out <= place.as_of && d.pct(70) {
        m.discharged_on = Some(out.to_string());
    } else {
        m.isolated = Some(true);
    }
}

/// Shares `total` out among the members who earn; with none working, the eldest adults
/// (a pension) or the applicant (help from relatives, odd jobs) have it. A member who lost
/// their job to the epidemic has no income more often than not.
fn incomes(d: &mut Dice, members: &mut [MemberInput], total: Decimal) {
    let age = |m: &MemberInput| m.age.unwrap_or(0);
    let mut earners: Vec<usize> = (0..members.len()).filter(|&i| members[i].work.is_some()).collect();
    if earners.is_empty() {
        earners = (0..members.len()).filter(|&i| age(&members[i]) >= 60).collect();
    }
    if earners.is_empty() {
        earners = vec![0];
    }
    let weights: Vec<u32> = earners.iter().map(|_| d.range(1, 10)).collect();
    let sum: u32 = weights.iter().sum();
    for (&i, w) in earners.iter().zip(&weights) {
        let mut share = total * Decimal::from(*w) / Decimal::from(sum);
        if members[i].epidemic_job_loss == Some(true) {
            if d.pct(60) {
                share = Decimal::ZERO;
                members[i].months_without_income = Some(i64::from(d.range(1, 5)));
            } else {
                share /= Decimal::from(2);
            }
        }
        members[i].monthly_income = Some(money(amount(d, share)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(j: &str, seed: u64, n: u64, csv: bool) -> Vec<u8> {
        let place = Place::new(doudi_core::embedded_policies().unwrap(), j, "2020-03-15").unwrap();
        let mut out = Vec::new();
        write(&place, seed, n, csv, &mut out).map_err(|_| "refused").unwrap();
        out
    }

    #[test]
    fn a_roster_is_a_prefix_of_a_longer_one_and_another_seed_differs() {
        let short = roster("tianjin", 7, 20, false);
        let long = roster("tianjin", 7, 50, false);
        assert!(long.starts_with(&short));
        assert_ne!(roster("tianjin", 8, 20, false), short);
    }

    #[test]
    fn every_household_is_valid_and_the_mix_straddles_the_line() {
        let policies = doudi_core::embedded_policies().unwrap();
        let place = Place::new(doudi_core::embedded_policies().unwrap(), "tianjin", "2020-03-15").unwrap();
        let (mut below, mut sizes, mut covid, mut on_dibao) = (0, [0; MAX_SIZE + 1], 0, 0);
        for k in 0..2000 {
            let h = household(&place, 3, k);
            let n = Decimal::from(h.members.len() as u64);
            sizes[h.members.len()] += 1;
            let income: Decimal = h.members.iter().filter_map(|m| m.monthly_income).map(|m| m.0).sum();
            let standard = if h.residence == Some(Residence::Rural) { place.rural } else { place.urban };
            below += usize::from(income < standard * n);
            covid += usize::from(h.members.iter().any(|m| m.covid.is_some()));
            on_dibao += usize::from(h.support.as_ref().is_some_and(|s| s.dibao == Some(true)));
            doudi_core::Household::from_input(h, policies).unwrap_or_else(|e| panic!("household {k}: {e:?}"));
        }
        assert!((600..1000).contains(&below), "{below} of 2000 below the line");
        assert!(sizes[1..].iter().all(|&n| n > 0), "{sizes:?}");
        assert!(covid > 5 && on_dibao > 200, "{covid} {on_dibao}");
    }

    #[test]
    fn the_standard_is_the_places_own_or_the_lowest_set() {
        let tianjin = Place::new(doudi_core::embedded_policies().unwrap(), "tianjin", "2020-03-15").unwrap();
        let params = doudi_core::parameters("tianjin", "2020-03-15", Lang::Zh).unwrap();
        let urban = params.iter().find(|p| p.id == "dibao.standard.urban").and_then(|p| p.value);
        assert_eq!(urban, Some(ParamValue::Number(tianjin.urban)));
        assert!(tianjin.epidemic_from.is_some() && tianjin.illness_tier);
        let jilin = Place::new(doudi_core::embedded_policies().unwrap(), "jilin", "2020-03-15").unwrap();
        let policies = doudi_core::embedded_policies().unwrap();
        assert_eq!(Some(jilin.urban), lowest(policies, "dibao.standard.urban", jilin.as_of));
        assert!(!jilin.illness_tier);
        let before = Place::new(doudi_core::embedded_policies().unwrap(), "tianjin", "2019-06-01").unwrap();
        assert!(before.epidemic_from.is_none());
        // Before any place's first standard: no line to draw incomes around.
        assert_eq!(
            Place::new(doudi_core::embedded_policies().unwrap(), "tianjin", "2000-01-01").err().map(|e| e.path),
            Some("as_of".into())
        );
    }

    #[test]
    fn an_unknown_place_or_a_bad_day_is_refused_with_its_path() {
        assert_eq!(
            Place::new(doudi_core::embedded_policies().unwrap(), "beijing", "2020-03-15").err().map(|e| e.path),
            Some("jurisdiction".into())
        );
        assert_eq!(
            Place::new(doudi_core::embedded_policies().unwrap(), "tianjin", "2020-02-30").err().map(|e| e.path),
            Some("as_of".into())
        );
    }
}
