//! 照料与服务转介: the clauses that give services, not money, as referrals for the household
//! (one finding, a service per person it is for), within the epidemic period:
//!
//! - `hotline`: the local social-assistance hotline, for everyone (000 二（五）, 001 四, 002 四、六,
//!   003 四（三）, 004 四、13).
//! - `carer_unavailable`: an older, disabled or not self-reliant person, or a minor, whose carer
//!   is isolated, treated or on the front line is visited and given care (000 一（二）, 001 三（四）,
//!   004 三、9).
//! - `guardianship`: a child left without a guardian by the epidemic (001 三（二）).
//! - `elderly_institution`: an older person who is not self-reliant and whose family is isolated
//!   or on the front line may move into a care home (001 三（三）).
//! - `home_visits`: isolated older people, children and the seriously ill or disabled are kept in
//!   touch with and visited (001 三（四）, 004 三、10).
//! - `psychological`: patients, isolated people and their families, and bereaved families get
//!   psychological support (000 四（十二）, 001 五, 004 五、17).
//! - `stranded`: people stranded by traffic controls get lodging, food and warm clothes
//!   (001 二（一）, 000 四（十二）); `vagrants`: those with no means of living go to the
//!   relief-management agency (救助管理机构).

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::engine::{Ctx, FindingBuilder, Verdict};
use crate::household::Member;
use crate::ids::{param, ProgrammeId};
use crate::input::{Covid, SelfCare};
use crate::t;

pub fn assess(ctx: &Ctx) -> Verdict {
    let h = ctx.h;
    let mut f = FindingBuilder::new(ctx, ProgrammeId::CareReferral, None);
    if !f.require_epidemic() {
        cite_first(&mut f, "hotline");
        return f.finish(Status::Ineligible);
    }
    let elderly = ctx.number(param::PERSON_ELDERLY_AGE).unwrap_or(Decimal::MAX);
    let adult = ctx.number(param::PERSON_ADULT_AGE).unwrap_or(Decimal::ZERO);
    let is_elderly = |m: &Member| Decimal::from(m.age) >= elderly;
    let is_minor = |m: &Member| Decimal::from(m.age) < adult;

    offer(
        &mut f,
        "hotline",
        None,
        t!(
            "可拨打当地社会救助（临时救助）热线求助，急难情况先行救助。",
            "Call the local social-assistance hotline; urgent cases are helped first."
        ),
    );
    let psych_needed = h.members.iter().any(|m| m.isolated || m.covid != Covid::None);
    for m in &h.members {
        let vulnerable = is_elderly(m) || is_minor(m) || m.disability_grade.is_some() || m.self_care != SelfCare::Full;
        if m.carer_unavailable && vulnerable {
            offer(&mut f, "carer_unavailable", Some(m), t!(
                "{} 的照料人被隔离收治或在抗疫一线：由村（社区）上门探视，并安排人员或机构提供照料。",
                "{}'s carer is isolated, treated or on the front line: the village or community visits and arranges care.",
                ctx.who(m)
            ));
        }
        if m.carer_unavailable && is_minor(m) {
            offer(&mut f, "guardianship", Some(m), t!(
                "{} 因疫情监护缺失：由儿童主任报告，落实监护责任，做好临时照料。",
                "{} is left without a guardian by the epidemic: the children's officer reports it, guardianship is arranged and temporary care given.",
                ctx.who(m)
            ));
        }
        if m.carer_unavailable && is_elderly(m) && m.self_care != SelfCare::Full {
            offer(&mut f, "elderly_institution", Some(m), t!(
                "{} 无人照料且生活不能自理：本人愿意的，经与家属协商，可就近入住养老机构（先隔离观察）。",
                "{} has no carer and is not self-reliant: if they wish, after talking with the family, they may move into a nearby care home (after quarantine).",
                ctx.who(m)
            ));
        }
        if m.isolated
            && (is_elderly(m)
                || is_minor(m)
                || m.disability_grade.is_some_and(|g| g <= 2)
                || m.serious_illness_tier.is_some())
        {
            offer(&mut f, "home_visits", Some(m), t!(
                "{} 居家隔离：村（居）委会保持经常联系、上门探视，帮助解决日常生活难题。",
                "{} is isolated at home: the village or residents' committee keeps in touch, visits and helps with daily needs.",
                ctx.who(m)
            ));
        }
        if m.stranded {
            offer(
                &mut f,
                "stranded",
                Some(m),
                t!(
                    "{} 因交通管控暂时滞留：可获得临时住宿、饮食、御寒衣物等帮扶。",
                    "{} is stranded by traffic controls: temporary lodging, food and warm clothes are provided.",
                    ctx.who(m)
                ),
            );
            offer(
                &mut f,
                "vagrants",
                Some(m),
                t!(
                    "生活无着的，可向救助管理机构求助。",
                    "With no means of living, turn to the relief-management agency (救助管理机构).",
                ),
            );
        }
    }
    if psych_needed {
        offer(&mut f, "psychological", None, t!(
            "被隔离收治人员、患者及其家属、病亡人员家属可获得心理援助、情绪疏导（热线、微信等）。",
            "Isolated people, patients and their families, and bereaved families can get psychological support (hotline, WeChat)."
        ));
    }
    if !f.has_services() {
        f.fail("care_referral.any_service", t!("没有适用的服务转介。", "No service referral applies."));
        return f.finish(Status::Ineligible);
    }
    f.note(t!(
        "以下是服务，不是钱：请联系所在村（社区）或拨打求助热线。",
        "These are services, not money: contact your village or community, or the hotline."
    ));
    f.finish(Status::Referral)
}

/// Adds a service if the jurisdiction provides it, citing its first clause (and the rest).
fn offer(f: &mut FindingBuilder, key: &'static str, m: Option<&Member>, text: impl crate::text::Say) {
    let Some(refs) = f.ctx.provision(ProgrammeId::CareReferral, key) else { return };
    if let Some(first) = refs.iter().find(|r| f.ctx.in_force(r)) {
        f.service(key, m, text, first);
        f.cite(key);
    }
}

fn cite_first(f: &mut FindingBuilder, key: &str) {
    if let Some(r) = f.ctx.provision(ProgrammeId::CareReferral, key).and_then(|r| r.iter().find(|r| f.ctx.in_force(r)))
    {
        f.cite_clause(r);
    }
}
