//! `doudi screen --input ROSTER [--margin YUAN] [--output FILE] [--threads N]`: 走访摸排 on a
//! roster. Every household is decided ([`doudi_core::Decider`], no text) and screened
//! ([`doudi_core::screen`]): a worklist record (JSONL) is written, in input order, for each
//! household that likely qualifies for 低保 or 特困 without receiving it today (by the
//! roster's `support.dibao` and members' `tekun`), is within `--margin` of a threshold it
//! misses, or would see its current 低保 end or taper. The totals go to stderr: per
//! programme, the households and persons it would pay and the monthly, fixed-term and one-off sums
//! (what each household would receive, each finding counted once); how many households are
//! on the worklist; and the households with the most at stake a month. Reading, sharding and
//! order are `doudi batch`'s ([`crate::batch::pipeline`]); memory stays bounded (the
//! ranking keeps a fixed number of households).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal, Write};

use doudi_core::receive::Count;
use doudi_core::screen::{screen, Current, Screening};
use doudi_core::{Decider, InputError, ProgrammeId};
use rust_decimal::Decimal;
use serde_json::json;

use crate::args::ScreenArgs;
use crate::batch::pipeline::{self, Job};
use crate::batch::{self, Body, Item};
use crate::failure::Failure;

/// Households shown in the summary's ranking.
const TOP: usize = 10;

pub fn run(args: &ScreenArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let margin = args.margin;
    if margin.is_sign_negative() {
        return Err(InputError::new("margin", "the margin is an amount of zero or more", "差距须为零或正数").into());
    }
    let (read, output) = batch::open_both(&args.input, args.format, args.output.as_deref())?;
    let job = Screen { margin };
    let progress = args.progress || io::stderr().is_terminal();
    let tally = pipeline::run(policies, output, &job, batch::threads(args.threads), progress, read)?;
    eprint!("{}", tally.text());
    Ok(())
}

struct Screen {
    margin: Decimal,
}

/// Per programme: households and persons it would pay, and the sums.
#[derive(Default, Debug)]
struct Programme {
    households: u64,
    persons: u64,
    monthly: Decimal,
    fixed_term: Decimal,
    one_off: Decimal,
}

#[derive(Default, Debug)]
struct Tally {
    households: u64,
    refused: u64,
    listed: u64,
    missed: u64,
    near: u64,
    ending: u64,
    tapering: u64,
    programmes: BTreeMap<ProgrammeId, Programme>,
    /// (at stake a month, line, id), the largest first, at most [`TOP`].
    top: Vec<(Decimal, u64, Option<String>)>,
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

    fn text(&self) -> String {
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

fn current_word(c: Current) -> &'static str {
    match c {
        Current::None => "none",
        Current::Continues => "continues",
        Current::Tapers => "tapers",
        Current::Ends => "ends",
    }
}

impl Job for Screen {
    type Tally = Tally;
    const NAME: &'static str = "screen";

    fn start(&self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, decider: &mut Decider, item: Item, out: &mut Vec<u8>, tally: &mut Tally) -> bool {
        tally.households += 1;
        let input = match item.body {
            Body::Json(text) => doudi_core::parse_json(&text),
            Body::Value(v) => doudi_core::parse_value(v),
            Body::Refused(e) => Err(e),
        };
        let decided = input.and_then(|input| Ok((decider.decide_input(input.clone())?, input)));
        let (d, input) = match decided {
            Ok(x) => x,
            Err(e) => {
                tally.refused += 1;
                let _ = serde_json::to_writer(&mut *out, &json!({ "line": item.line, "error": e }));
                out.push(b'\n');
                return true;
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
        let s: Screening = screen(&input, &d, self.margin);
        if !s.listed() {
            return false;
        }
        tally.listed += 1;
        tally.missed += u64::from(!s.missed.is_empty());
        tally.near += u64::from(!s.near.is_empty());
        tally.ending += u64::from(s.current == Current::Ends);
        tally.tapering += u64::from(s.current == Current::Tapers);
        let id = input.members.first().and_then(|m| m.id.clone());
        tally.rank(s.at_stake, item.line, id.clone());
        let member = |m: Option<usize>| m.and_then(|i| input.members.get(i)).map(|m| m.id.clone().unwrap_or_default());
        let record = json!({
            "line": item.line,
            "id": id,
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
        });
        let _ = serde_json::to_writer(&mut *out, &record);
        out.push(b'\n');
        false
    }

    fn merge(&self, total: &mut Tally, part: Tally) {
        total.households += part.households;
        total.refused += part.refused;
        total.listed += part.listed;
        total.missed += part.missed;
        total.near += part.near;
        total.ending += part.ending;
        total.tapering += part.tapering;
        for (p, t) in part.programmes {
            let x = total.programmes.entry(p).or_default();
            x.households += t.households;
            x.persons += t.persons;
            x.monthly += t.monthly;
            x.fixed_term += t.fixed_term;
            x.one_off += t.one_off;
        }
        for (a, line, id) in part.top {
            total.rank(a, line, id);
        }
    }
}
