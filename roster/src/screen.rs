//! 走访摸排 over a roster: each household decided ([`doudi_core::Decider`], no text) and
//! screened ([`doudi_core::screen`]), and the tallies over the roster. A household is on the
//! worklist when it likely qualifies for 低保 or 特困 without receiving it today (by the
//! roster's `support.dibao` and members' `tekun`), is within the margin of a threshold it
//! misses, or would see its current 低保 end or taper.
//!
//! The tally holds, per programme, the households and persons it would pay and the
//! monthly, fixed-term and one-off sums (what each household would receive, each finding
//! counted once: [`doudi_core::receive::share`]); how many households are on the worklist
//! and why; and the households with the most at stake a month (a fixed number, so memory
//! stays bounded). `doudi screen` and the 摸排 page's worker both use [`Screener::item`],
//! so they give the same figures on the same file.

use std::collections::BTreeMap;

use doudi_core::receive::Count;
use doudi_core::screen::{screen, Current, Screening};
use doudi_core::{Decider, HouseholdInput, InputError, ProgrammeId};
use rust_decimal::Decimal;
use serde_json::{json, Value};

use crate::Item;

/// Households shown in the summary's ranking.
pub const TOP: usize = 10;

/// How a roster is screened.
#[derive(Clone, Copy, Debug)]
pub struct Screener {
    /// A failed figure within this of its threshold is "near".
    pub margin: Decimal,
}

/// Per programme: households and persons it would pay, and the sums.
#[derive(Clone, Default, Debug, PartialEq, Eq)]
pub struct Programme {
    pub households: u64,
    pub persons: u64,
    pub monthly: Decimal,
    pub fixed_term: Decimal,
    pub one_off: Decimal,
}

/// The screening's figures over the households read so far.
#[derive(Clone, Default, Debug)]
pub struct Tally {
    pub households: u64,
    pub refused: u64,
    pub listed: u64,
    pub missed: u64,
    pub near: u64,
    pub ending: u64,
    pub tapering: u64,
    pub programmes: BTreeMap<ProgrammeId, Programme>,
    /// (at stake a month, line, id), the largest first, at most [`TOP`].
    pub top: Vec<(Decimal, u64, Option<String>)>,
}

impl Screener {
    /// A screener with `margin`, refused when negative.
    pub fn new(margin: Decimal) -> Result<Screener, InputError> {
        if margin.is_sign_negative() {
            return Err(InputError::new("margin", "the margin is an amount of zero or more", "差距须为零或正数"));
        }
        Ok(Screener { margin })
    }

    /// Decides and screens one record and adds it to `tally`: the household and its
    /// screening, or why the record is refused (the contract's error).
    pub fn item(
        &self,
        decider: &mut Decider,
        item: Item,
        tally: &mut Tally,
    ) -> Result<(HouseholdInput, Screening), InputError> {
        tally.households += 1;
        let decided = item.body.parse().and_then(|input| Ok((decider.decide_input(input.clone())?, input)));
        let (d, input) = match decided {
            Ok(x) => x,
            Err(e) => {
                tally.refused += 1;
                return Err(e);
            }
        };
        // What the household would receive, programme by programme.
        let mut seen: Vec<ProgrammeId> = Vec::new();
        for f in d.findings.iter().filter(|f| matches!(f.count, Count::Paid(_))) {
            let t = tally.programmes.entry(f.program).or_default();
            if !seen.contains(&f.program) {
                seen.push(f.program);
                t.households += 1;
            }
            t.persons += if f.member.is_some() { 1 } else { d.members as u64 };
            // What the finding adds to the household's totals.
            let s = doudi_core::receive::share(f);
            t.monthly += s.ongoing_monthly;
            t.fixed_term += s.fixed_term;
            t.one_off += s.one_off;
        }
        let s = screen(&input, &d, self.margin);
        if s.listed() {
            tally.listed += 1;
            tally.missed += u64::from(!s.missed.is_empty());
            tally.near += u64::from(!s.near.is_empty());
            tally.ending += u64::from(s.current == Current::Ends);
            tally.tapering += u64::from(s.current == Current::Tapers);
            tally.rank(s.at_stake, item.line, applicant_id(&input));
        }
        Ok((input, s))
    }
}

/// The applicant's `id`, when the roster gives one: how a household is named.
pub fn applicant_id(input: &HouseholdInput) -> Option<String> {
    input.members.first().and_then(|m| m.id.clone())
}

impl Tally {
    fn rank(&mut self, at_stake: Decimal, line: u64, id: Option<String>) {
        if at_stake.is_zero() {
            return;
        }
        self.top.push((at_stake, line, id));
        self.top.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        self.top.truncate(TOP);
    }

    /// Adds a later part's tally to the tally so far.
    pub fn merge(&mut self, part: Tally) {
        self.households += part.households;
        self.refused += part.refused;
        self.listed += part.listed;
        self.missed += part.missed;
        self.near += part.near;
        self.ending += part.ending;
        self.tapering += part.tapering;
        for (p, t) in part.programmes {
            let x = self.programmes.entry(p).or_default();
            x.households += t.households;
            x.persons += t.persons;
            x.monthly += t.monthly;
            x.fixed_term += t.fixed_term;
            x.one_off += t.one_off;
        }
        for (a, line, id) in part.top {
            self.rank(a, line, id);
        }
    }

    /// The totals for a person (`doudi screen`'s stderr).
    pub fn text(&self) -> String {
        let mut s = format!(
            "screen: {} households, {} refused; on the worklist: {} ({} likely missed, {} near a threshold, {} whose 低保 would end, {} tapering)\n",
            self.households, self.refused, self.listed, self.missed, self.near, self.ending, self.tapering
        );
        s.push_str("  per programme (households, persons, a month, for set terms, one-off):\n");
        for (p, t) in &self.programmes {
            s.push_str(&format!(
                "    {:<31} {:>7} {:>7} {:>14} {:>12} {:>12}\n",
                p.as_str(),
                t.households,
                t.persons,
                doudi_core::money::fmt2(t.monthly),
                doudi_core::money::fmt2(t.fixed_term),
                doudi_core::money::fmt2(t.one_off)
            ));
        }
        if !self.top.is_empty() {
            s.push_str("  most at stake a month (line, id, amount):\n");
            for (a, line, id) in &self.top {
                s.push_str(&format!(
                    "    {line:>7} {:<12} {}\n",
                    id.as_deref().unwrap_or("-"),
                    doudi_core::money::fmt2(*a)
                ));
            }
        }
        s
    }
}

/// `none`, `continues`, `tapers`, `ends`.
pub fn current_word(c: Current) -> &'static str {
    match c {
        Current::None => "none",
        Current::Continues => "continues",
        Current::Tapers => "tapers",
        Current::Ends => "ends",
    }
}

/// A worklist record, as `doudi screen` writes it: the line, the applicant's id, the amount
/// at stake, the programmes missed and near, what happens to the current 低保.
pub fn record(line: u64, input: &HouseholdInput, s: &Screening) -> Value {
    let member = |m: Option<usize>| m.and_then(|i| input.members.get(i)).map(|m| m.id.clone().unwrap_or_default());
    json!({
        "line": line,
        "id": applicant_id(input),
        "at_stake": doudi_core::money::fmt2(s.at_stake),
        "missed": s.missed.iter().map(|m| json!({
            "program": m.program.as_str(),
            "member": member(m.member),
            "monthly": m.monthly.map(doudi_core::money::fmt2),
        })).collect::<Vec<_>>(),
        "near": s.near.iter().map(|n| json!({
            "program": n.program.as_str(),
            "member": member(n.member),
            "condition": n.condition,
            "distance": doudi_core::money::fmt2(n.distance),
        })).collect::<Vec<_>>(),
        "dibao_now": current_word(s.current),
    })
}
