//! The catalogue: what each programme of contract v1 is, as data. For each, its name (the
//! residents' words first, the official term after), whether it is decided once for the
//! household or once per member, the provisions a place's file may list under it (each
//! with the parameters it reads, and whether listing it switches part of the rule on or
//! only names the clauses the rule quotes), and its typed groups.
//!
//! The loader checks the policy files against it (`policy::validate`), the engine dispatches
//! and counts provisions by it (`engine`), and the CLI, the JS package and the page take the
//! programmes' names from it. It holds no rule: what a provision does is in the programme's
//! own module (`programmes::*`), which cites the clauses the place lists for it.
//!
//! `tests/catalogue.rs` holds it to its word: a provision marked [`Role::Cites`] changes no
//! decision of any test household when a place's file leaves it out, only what is quoted.

use crate::ids::{param, ParamId, ProgrammeId};
use crate::text::Lang;

/// Whom a programme is decided for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Once for the household (one finding).
    Household,
    /// Once for each member (one finding per member).
    Member,
}

/// What listing a provision in a place's file does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The rule tests for it: listed, part of the rule applies there (a route, a deduction,
    /// a suspension, an amount); not listed, it does not.
    Switches,
    /// The decision is the same either way: the provision names the clauses quoted for it
    /// (the place's own words for a rule it shares with the others) and, where the rule says
    /// so, a sentence of its own (a fast track, where else to turn).
    Cites,
}

/// A provision a place may list under a programme: its key in the policy file, the
/// parameters it reads (the place must declare them) and what listing it does.
#[derive(Clone, Copy, Debug)]
pub struct Provision {
    pub key: &'static str,
    pub params: &'static [ParamId],
    pub role: Role,
}

/// A group a place's file may name for a programme that lists groups (the price subsidy's).
#[derive(Clone, Copy, Debug)]
pub struct Group {
    pub key: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

impl Group {
    pub fn name_in(&self, lang: Lang) -> &'static str {
        pick(lang, self.zh, self.en)
    }
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// One programme of contract v1.
#[derive(Clone, Copy, Debug)]
pub struct Programme {
    pub id: ProgrammeId,
    pub zh: &'static str,
    pub en: &'static str,
    pub scope: Scope,
    pub provisions: &'static [Provision],
    pub groups: &'static [Group],
}

impl Programme {
    pub fn name_in(&self, lang: Lang) -> &'static str {
        pick(lang, self.zh, self.en)
    }

    /// The provision with this key, if the programme has one.
    pub fn provision(&self, key: &str) -> Option<&'static Provision> {
        self.provisions.iter().find(|p| p.key == key)
    }

    /// The group with this key, if the programme has one.
    pub fn group(&self, key: &str) -> Option<&'static Group> {
        self.groups.iter().find(|g| g.key == key)
    }
}

/// The programme's entry.
pub fn get(id: ProgrammeId) -> &'static Programme {
    &CATALOGUE[id as usize]
}

/// Parameters every jurisdiction's rules read for the standard.
pub const STANDARDS: &[ParamId] = &[param::DIBAO_STANDARD_URBAN, param::DIBAO_STANDARD_RURAL];

const fn switches(key: &'static str, params: &'static [ParamId]) -> Provision {
    Provision { key, params, role: Role::Switches }
}

const fn cites(key: &'static str, params: &'static [ParamId]) -> Provision {
    Provision { key, params, role: Role::Cites }
}

use Scope::{Household, Member};

/// Every programme, in [`ProgrammeId::ALL`]'s order (a test checks it).
pub static CATALOGUE: [Programme; 13] = [
    Programme {
        id: ProgrammeId::Dibao,
        zh: "最低生活保障（低保）",
        en: "Minimum living allowance (dibao)",
        scope: Household,
        provisions: &[
            cites("gap", STANDARDS),
            // Taken in during the epidemic, each by its own trigger: a member who cannot work,
            // trade or return to a job (job loss), a COVID-19 patient, a member isolated or
            // treated, a registered poor household.
            cites("job_loss_inclusion", &[]),
            cites("patients_inclusion", &[]),
            cites("isolated_inclusion", &[]),
            cites("poverty_inclusion", &[]),
            switches("asset_limit", &[param::DIBAO_ASSET_LIMIT_MONTHS]),
            // The epidemic work-cost deduction in its two forms (`crate::income`).
            switches("work_cost_fixed", &[param::WORK_COST_AMOUNT]),
            switches("work_cost_min_wage", &[param::MINIMUM_WAGE, param::DIBAO_STANDARD_URBAN]),
            switches("exit_suspended", &[]),
            // A 低保 household whose income fell has its gap adjusted at once (Chongqing 001 一（一）2).
            cites("gap_adjusted", &[]),
            // The suspension only where the locality decides so (a yes/no parameter).
            switches("exit_if_decided", &[param::DIBAO_EXIT_SUSPENDED]),
            // The suspension save where income has clearly risen (a reported rise through work).
            switches("exit_unless_income_rose", &[]),
            cites("fast_track", &[]),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::DibaoSinglePerson,
        zh: "单人户纳入低保",
        en: "Dibao as a one-person household",
        scope: Member,
        provisions: &[
            // 一是 itself (a 低收入 family's 重残 or 重病 member, as one person), then its two
            // definitions, each quoted for the route taken: 重残 (grade 1–2) or 重病 (the 1000
            // and 1500 yuan tiers; the page asks for the tier where this is listed).
            switches("severe_member", &[]),
            cites("severe_disability", &[param::SINGLE_MAX_GRADE]),
            cites("severe_illness", &[param::SINGLE_MIN_ILLNESS_TIER]),
            switches(
                "adult_disabled_child",
                &[
                    param::SINGLE_MAX_GRADE,
                    param::SINGLE_PARENTS_MIN_AGE,
                    param::SINGLE_INCOME_MULTIPLE,
                    param::SINGLE_ASSET_LIMIT,
                    param::PERSON_ADULT_AGE,
                ],
            ),
            cites("amount", STANDARDS),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::DibaoTaper,
        zh: "低保渐退（延保渐退期）",
        en: "Dibao taper after income rises",
        scope: Household,
        provisions: &[switches(
            "taper",
            &[
                param::TAPER_FULL_MONTHS,
                param::TAPER_FULL_RATE,
                param::TAPER_HALF_MONTHS,
                param::TAPER_HALF_RATE,
                param::TAPER_EMPLOYMENT_REWARD,
                param::DIBAO_STANDARD_URBAN,
                param::DIBAO_STANDARD_RURAL,
            ],
        )],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::Tekun,
        zh: "特困人员救助供养（特困）",
        en: "Support for people in extreme poverty (tekun)",
        scope: Member,
        provisions: &[
            // None of the five documents sets the general conditions of 特困 (national:
            // 《特困人员认定办法》, 民发〔2016〕178号); each clause below is quoted for its own
            // trigger only.
            // A registered poor person taken into 特困 (Chongqing 001 一（三）, Jilin 004 一、4).
            cites("poverty_inclusion", &[]),
            // A confirmed COVID-19 patient in hardship taken into 特困 (Jilin 004 一、5).
            cites("patients_inclusion", &[]),
            // The minors' age limit raised from 16 to 18 (Tianjin 002 三): quoted for a minor only.
            cites("minor_age", &[param::TEKUN_MINOR_AGE_LIMIT]),
            cites("care", &[]),
            cites("fast_track", &[]),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::TempReliefCovid,
        zh: "疫情临时救助（新冠肺炎患者等）",
        en: "Temporary relief for COVID-19 patients and affected households",
        scope: Member,
        provisions: &[
            switches(
                "patients_monthly",
                &[param::COVID_STANDARD_MULTIPLE, param::DIBAO_STANDARD_URBAN, param::DIBAO_STANDARD_RURAL],
            ),
            switches("patients_direct", &[]),
            switches("patients_advance", &[]),
            switches("bereaved", &[]),
            switches("hardship", STANDARDS),
            switches("hardship_uncovered", &[]),
            // Rural households made poor by the epidemic (Chongqing 001 一（三）“致贫的一般农户”):
            // quoted for a rural household only.
            cites("hardship_rural", &[]),
            // Registered poverty counts for the direct route only in a rural household (Jilin
            // 004 一、5 “农村建档立卡贫困人口”). It changes what is said (relief given directly, or
            // given first), not the decision: the relief is set case by case either way.
            cites("poverty_rural_only", &[]),
            cites("fast_track_24h", &[]),
            cites("fast_track_same_day", &[]),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::TempReliefUnemployed,
        zh: "未参保失业人员临时救助",
        en: "Temporary relief for uninsured unemployed people",
        scope: Member,
        provisions: &[
            cites(
                "conditions",
                &[
                    param::UNEMPLOYED_MONTHS_WITHOUT_INCOME,
                    param::DIBAO_ASSET_LIMIT_MONTHS,
                    param::DIBAO_STANDARD_URBAN,
                ],
            ),
            cites("one_off", &[param::UNEMPLOYED_ONE_OFF]),
            cites("cap", &[param::UNEMPLOYED_CAP_MULTIPLE, param::DIBAO_STANDARD_URBAN, param::DIBAO_STANDARD_RURAL]),
            cites("fast_track_24h", &[]),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::TempReliefAdvance,
        zh: "先行临时救助（新申请低保、特困）",
        en: "One-month advance relief for new applicants",
        scope: Household,
        provisions: &[cites("advance", &[param::ADVANCE_MONTHS, param::DIBAO_STANDARD_URBAN])],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::TempReliefMigrant,
        zh: "外来人员临时救助",
        en: "Temporary relief for people from elsewhere",
        scope: Member,
        provisions: &[
            switches("patients", &[]),
            switches("permit_holders", STANDARDS),
            switches("jobless", &[]),
            switches("jobless_permit_only", &[]),
            cites("vagrants", &[]),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::PriceSubsidy,
        zh: "价格临时补贴",
        en: "Temporary price subsidy",
        scope: Member,
        provisions: &[
            cites(
                "subsidy",
                &[param::PRICE_SUBSIDY_MONTHLY, param::PRICE_SUBSIDY_RAISED_FROM, param::PRICE_SUBSIDY_RAISED_TO],
            ),
            cites("in_kind", &[]),
        ],
        groups: &[
            Group { key: "dibao", zh: "低保对象", en: "dibao recipients" },
            Group { key: "tekun", zh: "特困人员", en: "tekun recipients" },
            Group { key: "orphan", zh: "孤儿", en: "orphans" },
            Group { key: "unsupported_child", zh: "事实无人抚养儿童", en: "children without de-facto carers" },
            Group { key: "entitled_group", zh: "优抚对象", en: "entitled groups (优抚对象)" },
            Group {
                key: "unemployment_benefit",
                zh: "领取失业保险金人员",
                en: "people receiving unemployment insurance benefit",
            },
        ],
    },
    Programme {
        id: ProgrammeId::OrphanSupport,
        zh: "孤儿基本生活保障",
        en: "Basic living support for orphans",
        scope: Member,
        provisions: &[
            switches("support", &[param::ORPHAN_MONTHLY, param::PERSON_ADULT_AGE]),
            switches("adult_extension", &[param::PERSON_ADULT_AGE]),
            switches("unsupported_children", &[param::ORPHAN_MONTHLY, param::PERSON_ADULT_AGE]),
            switches("unsupported_children_low_income", &[param::ORPHAN_MONTHLY, param::PERSON_ADULT_AGE]),
        ],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::DisabilityLivingSubsidy,
        zh: "困难残疾人生活补贴",
        en: "Living subsidy for disabled people in hardship",
        scope: Member,
        provisions: &[cites("subsidy", &[param::DISABILITY_LIVING_MONTHLY, param::DISABILITY_LIVING_LOW_INCOME])],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::SevereDisabilityCareSubsidy,
        zh: "重度残疾人护理补贴",
        en: "Care subsidy for people with severe disabilities",
        scope: Member,
        provisions: &[cites("subsidy", &[param::DISABILITY_CARE_MONTHLY, param::DISABILITY_CARE_MAX_GRADE])],
        groups: &[],
    },
    Programme {
        id: ProgrammeId::CareReferral,
        zh: "照料与服务转介",
        en: "Care and service referrals",
        scope: Household,
        provisions: &[
            switches("hotline", &[]),
            switches("carer_unavailable", &[param::PERSON_ELDERLY_AGE, param::PERSON_ADULT_AGE]),
            switches("guardianship", &[param::PERSON_ADULT_AGE]),
            switches("elderly_institution", &[param::PERSON_ELDERLY_AGE]),
            switches("home_visits", &[param::PERSON_ELDERLY_AGE, param::PERSON_ADULT_AGE]),
            switches("psychological", &[]),
            switches("stranded", &[]),
            switches("vagrants", &[]),
        ],
        groups: &[],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_the_order_of_the_ids() {
        for (i, id) in ProgrammeId::ALL.into_iter().enumerate() {
            assert_eq!(CATALOGUE[i].id, id);
            assert_eq!(get(id).id, id);
        }
    }

    #[test]
    fn keys_are_unique_within_a_programme() {
        for p in &CATALOGUE {
            for (i, a) in p.provisions.iter().enumerate() {
                assert!(p.provisions[i + 1..].iter().all(|b| b.key != a.key), "{}.{}", p.id.as_str(), a.key);
            }
        }
    }
}
