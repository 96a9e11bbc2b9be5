//! `doudi screen --input ROSTER [--margin YUAN] [--output FILE] [--threads N]`: 走访摸排 on a
//! roster. Every household is decided and screened by [`doudi_roster::screen::Screener`]
//! (shared with the 摸排 page's worker): a worklist record (JSONL) is written, in input
//! order, for each household that likely qualifies for 低保 or 特困 without receiving it
//! today, is within `--margin` of a threshold it misses, or would see its current 低保 end
//! or taper. The totals go to stderr ([`doudi_roster::screen::Tally::text`]). Reading,
//! sharding and order are `doudi batch`'s ([`crate::batch::pipeline`]); memory stays bounded.

use std::io::{self, IsTerminal, Write};

use doudi_core::Decider;
use doudi_roster::screen::{self, Screener, Tally};
use serde_json::json;

use crate::args::ScreenArgs;
use crate::batch::pipeline::{self, Job};
use crate::batch::{self, Item};
use crate::failure::Failure;

pub fn run(args: &ScreenArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let job = Screen(Screener::new(args.margin)?);
    let (read, output) = batch::open_both(&args.input, args.format, args.output.as_deref())?;
    let progress = args.progress || io::stderr().is_terminal();
    let tally = pipeline::run(policies, output, &job, batch::threads(args.threads), progress, read)?;
    eprint!("{}", tally.text());
    Ok(())
}

struct Screen(Screener);

impl Job for Screen {
    type Tally = Tally;
    const NAME: &'static str = "screen";

    fn start(&self, _: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, decider: &mut Decider, item: Item, out: &mut Vec<u8>, tally: &mut Tally) -> bool {
        let line = item.line;
        let record = match self.0.item(decider, item, tally) {
            Err(e) => {
                let _ = serde_json::to_writer(&mut *out, &json!({ "line": line, "error": e }));
                out.push(b'\n');
                return true;
            }
            Ok((_, s)) if !s.listed() => return false,
            Ok((input, s)) => screen::record(line, &input, &s),
        };
        let _ = serde_json::to_writer(&mut *out, &record);
        out.push(b'\n');
        false
    }

    fn merge(&self, total: &mut Tally, part: Tally) {
        total.merge(part);
    }
}
