//! The rules: one module per programme of contract v1, named after it, each citing the
//! clauses that make it. A rule reads every figure the documents set from a parameter
//! and applies a provision only where the jurisdiction's policy file lists it, so the
//! same code serves every place and the data says which clause says so.

pub mod care_referral;
pub mod dibao;
pub mod dibao_single_person;
pub mod dibao_taper;
pub mod disability_living_subsidy;
pub mod orphan_support;
pub mod price_subsidy;
pub mod severe_disability_care_subsidy;
pub mod tekun;
pub mod temp_relief_advance;
pub mod temp_relief_covid;
pub mod temp_relief_migrant;
pub mod temp_relief_unemployed;

use crate::engine::{Ctx, Verdict};
use crate::ids::{param, ParamId, ProgrammeId};
use crate::policy::Programme;
use crate::text::Text;
use crate::tx;

/// A provision a rule may apply: its key in the policy file and the parameters it reads.
#[derive(Clone, Copy, Debug)]
pub struct Provision {
    pub key: &'static str,
    pub params: &'static [ParamId],
}

/// Parameters every jurisdiction's rules read for the standard.
pub const STANDARDS: &[ParamId] = &[param::DIBAO_STANDARD_URBAN, param::DIBAO_STANDARD_RURAL];

pub fn provisions(id: ProgrammeId) -> &'static [Provision] {
    use ProgrammeId::*;
    match id {
        Dibao => dibao::PROVISIONS,
        DibaoSinglePerson => dibao_single_person::PROVISIONS,
        DibaoTaper => dibao_taper::PROVISIONS,
        Tekun => tekun::PROVISIONS,
        TempReliefCovid => temp_relief_covid::PROVISIONS,
        TempReliefUnemployed => temp_relief_unemployed::PROVISIONS,
        TempReliefAdvance => temp_relief_advance::PROVISIONS,
        TempReliefMigrant => temp_relief_migrant::PROVISIONS,
        PriceSubsidy => price_subsidy::PROVISIONS,
        OrphanSupport => orphan_support::PROVISIONS,
        DisabilityLivingSubsidy => disability_living_subsidy::PROVISIONS,
        SevereDisabilityCareSubsidy => severe_disability_care_subsidy::PROVISIONS,
        CareReferral => care_referral::PROVISIONS,
    }
}

/// Every parameter the provisions a programme lists will read.
pub fn required_params(p: &Programme) -> Vec<ParamId> {
    let mut out: Vec<ParamId> = Vec::new();
    for prov in provisions(p.id) {
        if p.provisions.contains_key(prov.key) {
            for id in prov.params {
                if !out.contains(id) {
                    out.push(*id);
                }
            }
        }
    }
    out
}

/// The programme's plain name: residents' words first, the official term after.
pub fn name(id: ProgrammeId) -> Text {
    use ProgrammeId::*;
    match id {
        Dibao => tx!("最低生活保障（低保）", "Minimum living allowance (dibao)"),
        DibaoSinglePerson => tx!("单人户纳入低保", "Dibao as a one-person household"),
        DibaoTaper => tx!("低保渐退（延保渐退期）", "Dibao taper after income rises"),
        Tekun => tx!("特困人员救助供养（特困）", "Support for people in extreme poverty (tekun)"),
        TempReliefCovid => {
            tx!("疫情临时救助（新冠肺炎患者等）", "Temporary relief for COVID-19 patients and affected households")
        }
        TempReliefUnemployed => tx!("未参保失业人员临时救助", "Temporary relief for uninsured unemployed people"),
        TempReliefAdvance => tx!("先行临时救助（新申请低保、特困）", "One-month advance relief for new applicants"),
        TempReliefMigrant => tx!("外来人员临时救助", "Temporary relief for people from elsewhere"),
        PriceSubsidy => tx!("价格临时补贴", "Temporary price subsidy"),
        OrphanSupport => tx!("孤儿基本生活保障", "Basic living support for orphans"),
        DisabilityLivingSubsidy => tx!("困难残疾人生活补贴", "Living subsidy for disabled people in hardship"),
        SevereDisabilityCareSubsidy => tx!("重度残疾人护理补贴", "Care subsidy for people with severe disabilities"),
        CareReferral => tx!("照料与服务转介", "Care and service referrals"),
    }
}

/// Runs one programme's rule into `out`: one verdict for a household programme, one per
/// member for a per-person one.
pub fn assess(id: ProgrammeId, ctx: &Ctx, out: &mut Vec<Verdict>) {
    use ProgrammeId::*;
    match id {
        Dibao => out.push(dibao::assess(ctx)),
        DibaoSinglePerson => per_member(ctx, dibao_single_person::assess, out),
        DibaoTaper => out.push(dibao_taper::assess(ctx)),
        Tekun => per_member(ctx, tekun::assess, out),
        TempReliefCovid => per_member(ctx, temp_relief_covid::assess, out),
        TempReliefUnemployed => per_member(ctx, temp_relief_unemployed::assess, out),
        TempReliefAdvance => out.push(temp_relief_advance::assess(ctx)),
        TempReliefMigrant => per_member(ctx, temp_relief_migrant::assess, out),
        PriceSubsidy => per_member(ctx, price_subsidy::assess, out),
        OrphanSupport => per_member(ctx, orphan_support::assess, out),
        DisabilityLivingSubsidy => per_member(ctx, disability_living_subsidy::assess, out),
        SevereDisabilityCareSubsidy => per_member(ctx, severe_disability_care_subsidy::assess, out),
        CareReferral => out.push(care_referral::assess(ctx)),
    }
}

fn per_member<'a>(ctx: &Ctx<'a>, rule: fn(&Ctx<'a>, &'a crate::household::Member) -> Verdict, out: &mut Vec<Verdict>) {
    out.extend(ctx.h.members.iter().map(|m| rule(ctx, m)));
}
