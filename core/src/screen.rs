//! Roster screening (走访摸排), on decisions only: for one household of a roster, what it
//! likely qualifies for and does not receive today (by the roster's own `support` columns:
//! 低保 for the household, 特困 for a member), how close it is to the line where it does
//! not qualify yet, and whether its current 低保 would end or taper. The worklist of
//! `doudi screen` is these records; the amounts are what the household would receive
//! ([`crate::receive`]), so a finding set aside by a combination rule is not at stake.

use rust_decimal::Decimal;

use crate::assessment::Status;
use crate::decision::{Compare, Decisions};
use crate::ids::ProgrammeId;
use crate::input::HouseholdInput;
use crate::receive::Count;

/// The 低保 family: the household's minimum living allowance by any route.
const DIBAO: [ProgrammeId; 3] = [ProgrammeId::Dibao, ProgrammeId::DibaoSinglePerson, ProgrammeId::DibaoTaper];

/// A programme the household likely qualifies for and does not receive today.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missed {
    pub program: ProgrammeId,
    /// The member's index, for a per-person programme.
    pub member: Option<usize>,
    /// What it would pay a month (ongoing or for a set term), when known.
    pub monthly: Option<Decimal>,
}

/// A programme the household does not qualify for by a figure within the margin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Near {
    pub program: ProgrammeId,
    pub member: Option<usize>,
    /// The condition that failed (`dibao.income_below_standard`) and by how much.
    pub condition: &'static str,
    pub distance: Decimal,
}

/// What happens to the 低保 the household receives today.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Current {
    /// It receives none (or the roster does not say).
    None,
    /// It continues.
    Continues,
    /// It tapers (渐退): a fixed term, then it ends.
    Tapers,
    /// It would end: no route to 低保 holds.
    Ends,
}

/// One household's screening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Screening {
    pub missed: Vec<Missed>,
    pub near: Vec<Near>,
    pub current: Current,
    /// The sum of the missed programmes' known monthly amounts: the worklist's order.
    pub at_stake: Decimal,
}

impl Screening {
    /// Whether the household belongs on a worklist.
    pub fn listed(&self) -> bool {
        !self.missed.is_empty() || !self.near.is_empty() || matches!(self.current, Current::Tapers | Current::Ends)
    }
}

/// Screens one household: `input` as the roster gives it (its `support` columns), `d` its
/// decisions; a failed figure within `margin` of its threshold is "near".
pub fn screen(input: &HouseholdInput, d: &Decisions, margin: Decimal) -> Screening {
    let on_dibao = input.support.as_ref().and_then(|s| s.dibao).unwrap_or(false);
    let tekun = |m: Option<usize>| m.and_then(|i| input.members.get(i)).and_then(|m| m.tekun).unwrap_or(false);
    let received = |p: ProgrammeId, m: Option<usize>| match p {
        p if DIBAO.contains(&p) => on_dibao,
        ProgrammeId::Tekun => tekun(m),
        _ => true,
    };
    let mut out = Screening { missed: Vec::new(), near: Vec::new(), current: Current::None, at_stake: Decimal::ZERO };
    for f in &d.findings {
        let watched = DIBAO.contains(&f.program) || f.program == ProgrammeId::Tekun;
        if !watched || received(f.program, f.member) {
            continue;
        }
        if matches!(f.count, Count::Paid(_)) {
            let monthly = f.monthly.map(crate::money::round2);
            out.at_stake += monthly.unwrap_or_default();
            out.missed.push(Missed { program: f.program, member: f.member, monthly });
        } else if f.status == Status::Ineligible {
            let near = d.first_failed(f).filter(|c| c.compare != Compare::Is).and_then(|c| Some((c.id, c.distance()?)));
            if let Some((condition, distance)) = near.filter(|(_, x)| *x <= margin) {
                out.near.push(Near { program: f.program, member: f.member, condition, distance });
            }
        }
    }
    if on_dibao {
        let paid = |p: ProgrammeId| d.findings.iter().any(|f| f.program == p && matches!(f.count, Count::Paid(_)));
        out.current = if paid(ProgrammeId::Dibao) || paid(ProgrammeId::DibaoSinglePerson) {
            Current::Continues
        } else if paid(ProgrammeId::DibaoTaper) {
            Current::Tapers
        } else if d.findings.iter().any(|f| DIBAO.contains(&f.program) && f.status != Status::Ineligible) {
            // Not decided yet (an input or a local figure missing): not an end.
            Current::Continues
        } else {
            Current::Ends
        };
    }
    out
}
