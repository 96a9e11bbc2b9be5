//! The fixed names: programme ids (contract v1) and the parameter ids the rules read.
//! A rule names a parameter only through these constants; `policy::validate` checks
//! that the policy files declare exactly these ids, each with the kind of value it needs.

use serde::{Deserialize, Serialize};

/// The thirteen programme ids of contract v1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeId {
    Dibao,
    DibaoSinglePerson,
    DibaoTaper,
    Tekun,
    TempReliefCovid,
    TempReliefUnemployed,
    TempReliefAdvance,
    TempReliefMigrant,
    PriceSubsidy,
    OrphanSupport,
    DisabilityLivingSubsidy,
    SevereDisabilityCareSubsidy,
    CareReferral,
}

impl ProgrammeId {
    /// In the order findings are listed.
    pub const ALL: [ProgrammeId; 13] = [
        ProgrammeId::Dibao,
        ProgrammeId::DibaoSinglePerson,
        ProgrammeId::DibaoTaper,
        ProgrammeId::Tekun,
        ProgrammeId::TempReliefCovid,
        ProgrammeId::TempReliefUnemployed,
        ProgrammeId::TempReliefAdvance,
        ProgrammeId::TempReliefMigrant,
        ProgrammeId::PriceSubsidy,
        ProgrammeId::OrphanSupport,
        ProgrammeId::DisabilityLivingSubsidy,
        ProgrammeId::SevereDisabilityCareSubsidy,
        ProgrammeId::CareReferral,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ProgrammeId::Dibao => "dibao",
            ProgrammeId::DibaoSinglePerson => "dibao_single_person",
            ProgrammeId::DibaoTaper => "dibao_taper",
            ProgrammeId::Tekun => "tekun",
            ProgrammeId::TempReliefCovid => "temp_relief_covid",
            ProgrammeId::TempReliefUnemployed => "temp_relief_unemployed",
            ProgrammeId::TempReliefAdvance => "temp_relief_advance",
            ProgrammeId::TempReliefMigrant => "temp_relief_migrant",
            ProgrammeId::PriceSubsidy => "price_subsidy",
            ProgrammeId::OrphanSupport => "orphan_support",
            ProgrammeId::DisabilityLivingSubsidy => "disability_living_subsidy",
            ProgrammeId::SevereDisabilityCareSubsidy => "severe_disability_care_subsidy",
            ProgrammeId::CareReferral => "care_referral",
        }
    }

    pub fn parse(s: &str) -> Option<ProgrammeId> {
        ProgrammeId::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// What kind of value a parameter holds; the policy file's `unit` must agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An exact decimal: money, a rate, a multiple, years, months, a grade.
    Number,
    /// A date; `open` (JSON `null` in an override) means "no end".
    Date,
    Bool,
}

/// A parameter id the rules read: its position in [`PARAMETERS`], which holds its text
/// and kind. Reads as the id's text (`Deref<Target = str>`, `Display`, JSON string), so it
/// can stand wherever an id is shown, and a rule's lookup by it is an array index.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParamId(u8);

impl ParamId {
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    pub fn as_str(self) -> &'static str {
        PARAMETERS[self.index()].0
    }

    /// The id of this text, if the rules know it.
    pub fn parse(id: &str) -> Option<ParamId> {
        PARAMETERS.iter().position(|(p, _)| *p == id).map(|i| ParamId(i as u8))
    }
}

impl std::ops::Deref for ParamId {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ParamId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Display for ParamId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::fmt::Debug for ParamId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl Serialize for ParamId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl From<ParamId> for String {
    fn from(p: ParamId) -> String {
        p.as_str().to_string()
    }
}

impl PartialEq<ParamId> for String {
    fn eq(&self, p: &ParamId) -> bool {
        self == p.as_str()
    }
}

impl PartialEq<ParamId> for &str {
    fn eq(&self, p: &ParamId) -> bool {
        *self == p.as_str()
    }
}

impl PartialEq<str> for ParamId {
    fn eq(&self, s: &str) -> bool {
        self.as_str() == s
    }
}

/// A parameter named by its [`ParamId`] (an array index) or by its text (looked up).
pub trait ParamKey: Copy {
    fn param_id(self) -> Option<ParamId>;
    fn text(&self) -> &str;
}

impl ParamKey for ParamId {
    fn param_id(self) -> Option<ParamId> {
        Some(self)
    }
    fn text(&self) -> &str {
        self.as_str()
    }
}

impl ParamKey for &str {
    fn param_id(self) -> Option<ParamId> {
        ParamId::parse(self)
    }
    fn text(&self) -> &str {
        self
    }
}

/// Parameter ids. The first six are fixed by the contract; the others are doudi's.
pub mod param {
    use super::ParamId;
    pub const DIBAO_STANDARD_URBAN: ParamId = ParamId(0);
    pub const DIBAO_STANDARD_RURAL: ParamId = ParamId(1);
    pub const MINIMUM_WAGE: ParamId = ParamId(2);
    pub const WORK_COST_AMOUNT: ParamId = ParamId(3);
    pub const EPIDEMIC_START: ParamId = ParamId(4);
    pub const EPIDEMIC_END: ParamId = ParamId(5);
    pub const DIBAO_ASSET_LIMIT_MONTHS: ParamId = ParamId(6);
    pub const DIBAO_EXIT_SUSPENDED: ParamId = ParamId(7);
    pub const PERSON_ELDERLY_AGE: ParamId = ParamId(8);
    pub const PERSON_ADULT_AGE: ParamId = ParamId(9);
    pub const SINGLE_MAX_GRADE: ParamId = ParamId(10);
    pub const SINGLE_MIN_ILLNESS_TIER: ParamId = ParamId(11);
    pub const SINGLE_PARENTS_MIN_AGE: ParamId = ParamId(12);
    pub const SINGLE_INCOME_MULTIPLE: ParamId = ParamId(13);
    pub const SINGLE_ASSET_LIMIT: ParamId = ParamId(14);
    pub const TAPER_FULL_MONTHS: ParamId = ParamId(15);
    pub const TAPER_FULL_RATE: ParamId = ParamId(16);
    pub const TAPER_HALF_MONTHS: ParamId = ParamId(17);
    pub const TAPER_HALF_RATE: ParamId = ParamId(18);
    pub const TAPER_EMPLOYMENT_REWARD: ParamId = ParamId(19);
    pub const TEKUN_STANDARD_URBAN: ParamId = ParamId(20);
    pub const TEKUN_STANDARD_RURAL: ParamId = ParamId(21);
    pub const TEKUN_MINOR_AGE_LIMIT: ParamId = ParamId(22);
    pub const COVID_STANDARD_MULTIPLE: ParamId = ParamId(23);
    pub const UNEMPLOYED_ONE_OFF: ParamId = ParamId(24);
    pub const UNEMPLOYED_CAP_MULTIPLE: ParamId = ParamId(25);
    pub const UNEMPLOYED_MONTHS_WITHOUT_INCOME: ParamId = ParamId(26);
    pub const ADVANCE_MONTHS: ParamId = ParamId(27);
    pub const PRICE_SUBSIDY_MONTHLY: ParamId = ParamId(28);
    pub const ORPHAN_MONTHLY: ParamId = ParamId(29);
    pub const DISABILITY_LIVING_MONTHLY: ParamId = ParamId(30);
    pub const DISABILITY_LIVING_LOW_INCOME: ParamId = ParamId(31);
    pub const DISABILITY_CARE_MONTHLY: ParamId = ParamId(32);
    pub const DISABILITY_CARE_MAX_GRADE: ParamId = ParamId(33);
    pub const PRICE_SUBSIDY_RAISED_FROM: ParamId = ParamId(34);
    pub const PRICE_SUBSIDY_RAISED_TO: ParamId = ParamId(35);
}

/// Every parameter id the rules may read, with its kind, in the order of [`ParamId`].
pub const PARAMETERS: &[(&str, Kind)] = {
    use Kind::*;
    &[
        ("dibao.standard.urban", Number),
        ("dibao.standard.rural", Number),
        ("minimum_wage.monthly", Number),
        ("work_cost.amount", Number),
        ("epidemic.start", Date),
        ("epidemic.end", Date),
        ("dibao.asset_limit_months", Number),
        ("dibao.exit_suspended", Bool),
        ("person.elderly_age", Number),
        ("person.adult_age", Number),
        ("dibao_single_person.max_disability_grade", Number),
        ("dibao_single_person.min_illness_tier", Number),
        ("dibao_single_person.parents_min_age", Number),
        ("dibao_single_person.income_multiple", Number),
        ("dibao_single_person.asset_limit", Number),
        ("dibao_taper.full_months", Number),
        ("dibao_taper.full_rate", Number),
        ("dibao_taper.half_months", Number),
        ("dibao_taper.half_rate", Number),
        ("dibao_taper.employment_reward", Number),
        ("tekun.standard.urban", Number),
        ("tekun.standard.rural", Number),
        ("tekun.minor_age_limit", Number),
        ("temp_relief_covid.standard_multiple", Number),
        ("temp_relief_unemployed.one_off", Number),
        ("temp_relief_unemployed.cap_multiple", Number),
        ("temp_relief_unemployed.months_without_income", Number),
        ("temp_relief_advance.months", Number),
        ("price_subsidy.monthly", Number),
        ("orphan_support.monthly", Number),
        ("disability_living_subsidy.monthly", Number),
        ("disability_living_subsidy.includes_low_income", Bool),
        ("severe_disability_care_subsidy.monthly", Number),
        ("severe_disability_care_subsidy.max_grade", Number),
        ("price_subsidy.raised_from", Date),
        ("price_subsidy.raised_to", Date),
    ]
};

/// The kind of a known parameter id.
pub fn param_kind(id: &str) -> Option<Kind> {
    PARAMETERS.iter().find(|(p, _)| *p == id).map(|(_, k)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rules_constants_are_found_by_address() {
        for (i, (id, _)) in PARAMETERS.iter().enumerate() {
            assert_eq!(ParamId::parse(id).map(ParamId::index), Some(i));
        }
        let copy = String::from(param::EPIDEMIC_END);
        assert_eq!(ParamId::parse(&copy).map(ParamId::index), Some(5));
        assert_eq!(param::EPIDEMIC_END.as_str(), "epidemic.end");
        assert_eq!(param::DIBAO_STANDARD_URBAN.as_str(), "dibao.standard.urban");
        assert_eq!(param::DISABILITY_CARE_MAX_GRADE.as_str(), "severe_disability_care_subsidy.max_grade");
        assert_eq!(serde_json::to_string(&param::WORK_COST_AMOUNT).unwrap(), "\"work_cost.amount\"");
        assert_eq!(ParamId::parse("no.such"), None);
    }
}
