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

/// Parameter ids. The first six are fixed by the contract; the others are doudi's.
pub mod param {
    pub const DIBAO_STANDARD_URBAN: &str = "dibao.standard.urban";
    pub const DIBAO_STANDARD_RURAL: &str = "dibao.standard.rural";
    pub const MINIMUM_WAGE: &str = "minimum_wage.monthly";
    pub const WORK_COST_AMOUNT: &str = "work_cost.amount";
    pub const EPIDEMIC_START: &str = "epidemic.start";
    pub const EPIDEMIC_END: &str = "epidemic.end";

    pub const DIBAO_ASSET_LIMIT_MONTHS: &str = "dibao.asset_limit_months";
    pub const DIBAO_EXIT_SUSPENDED: &str = "dibao.exit_suspended";
    pub const PERSON_ELDERLY_AGE: &str = "person.elderly_age";
    pub const PERSON_ADULT_AGE: &str = "person.adult_age";
    pub const SINGLE_MAX_GRADE: &str = "dibao_single_person.max_disability_grade";
    pub const SINGLE_MIN_ILLNESS_TIER: &str = "dibao_single_person.min_illness_tier";
    pub const SINGLE_PARENTS_MIN_AGE: &str = "dibao_single_person.parents_min_age";
    pub const SINGLE_INCOME_MULTIPLE: &str = "dibao_single_person.income_multiple";
    pub const SINGLE_ASSET_LIMIT: &str = "dibao_single_person.asset_limit";
    pub const TAPER_FULL_MONTHS: &str = "dibao_taper.full_months";
    pub const TAPER_FULL_RATE: &str = "dibao_taper.full_rate";
    pub const TAPER_HALF_MONTHS: &str = "dibao_taper.half_months";
    pub const TAPER_HALF_RATE: &str = "dibao_taper.half_rate";
    pub const TAPER_EMPLOYMENT_REWARD: &str = "dibao_taper.employment_reward";
    pub const TEKUN_STANDARD_URBAN: &str = "tekun.standard.urban";
    pub const TEKUN_STANDARD_RURAL: &str = "tekun.standard.rural";
    pub const TEKUN_MINOR_AGE_LIMIT: &str = "tekun.minor_age_limit";
    pub const COVID_STANDARD_MULTIPLE: &str = "temp_relief_covid.standard_multiple";
    pub const UNEMPLOYED_ONE_OFF: &str = "temp_relief_unemployed.one_off";
    pub const UNEMPLOYED_CAP_MULTIPLE: &str = "temp_relief_unemployed.cap_multiple";
    pub const UNEMPLOYED_MONTHS_WITHOUT_INCOME: &str = "temp_relief_unemployed.months_without_income";
    pub const ADVANCE_MONTHS: &str = "temp_relief_advance.months";
    pub const PRICE_SUBSIDY_MONTHLY: &str = "price_subsidy.monthly";
    pub const ORPHAN_MONTHLY: &str = "orphan_support.monthly";
    pub const DISABILITY_LIVING_MONTHLY: &str = "disability_living_subsidy.monthly";
    pub const DISABILITY_LIVING_LOW_INCOME: &str = "disability_living_subsidy.includes_low_income";
    pub const DISABILITY_CARE_MONTHLY: &str = "severe_disability_care_subsidy.monthly";
    pub const DISABILITY_CARE_MAX_GRADE: &str = "severe_disability_care_subsidy.max_grade";
}

/// Every parameter id the rules may read, with its kind.
pub const PARAMETERS: &[(&str, Kind)] = {
    use param::*;
    use Kind::*;
    &[
        (DIBAO_STANDARD_URBAN, Number),
        (DIBAO_STANDARD_RURAL, Number),
        (MINIMUM_WAGE, Number),
        (WORK_COST_AMOUNT, Number),
        (EPIDEMIC_START, Date),
        (EPIDEMIC_END, Date),
        (DIBAO_ASSET_LIMIT_MONTHS, Number),
        (DIBAO_EXIT_SUSPENDED, Bool),
        (PERSON_ELDERLY_AGE, Number),
        (PERSON_ADULT_AGE, Number),
        (SINGLE_MAX_GRADE, Number),
        (SINGLE_MIN_ILLNESS_TIER, Number),
        (SINGLE_PARENTS_MIN_AGE, Number),
        (SINGLE_INCOME_MULTIPLE, Number),
        (SINGLE_ASSET_LIMIT, Number),
        (TAPER_FULL_MONTHS, Number),
        (TAPER_FULL_RATE, Number),
        (TAPER_HALF_MONTHS, Number),
        (TAPER_HALF_RATE, Number),
        (TAPER_EMPLOYMENT_REWARD, Number),
        (TEKUN_STANDARD_URBAN, Number),
        (TEKUN_STANDARD_RURAL, Number),
        (TEKUN_MINOR_AGE_LIMIT, Number),
        (COVID_STANDARD_MULTIPLE, Number),
        (UNEMPLOYED_ONE_OFF, Number),
        (UNEMPLOYED_CAP_MULTIPLE, Number),
        (UNEMPLOYED_MONTHS_WITHOUT_INCOME, Number),
        (ADVANCE_MONTHS, Number),
        (PRICE_SUBSIDY_MONTHLY, Number),
        (ORPHAN_MONTHLY, Number),
        (DISABILITY_LIVING_MONTHLY, Number),
        (DISABILITY_LIVING_LOW_INCOME, Bool),
        (DISABILITY_CARE_MONTHLY, Number),
        (DISABILITY_CARE_MAX_GRADE, Number),
    ]
};

/// The kind of a known parameter id.
pub fn param_kind(id: &str) -> Option<Kind> {
    PARAMETERS.iter().find(|(p, _)| *p == id).map(|(_, k)| *k)
}
