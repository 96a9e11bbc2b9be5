//! The rules: one module per programme of contract v1, named after it, each citing the
//! clauses that make it. A rule reads every figure the documents set from a parameter
//! and applies a provision only where the jurisdiction's policy file lists it, so the
//! same code serves every place and the data says which clause says so. What each
//! programme is (its name, scope and provisions) is [`crate::catalogue`].

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
use crate::ids::ProgrammeId;

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
