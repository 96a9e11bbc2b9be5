//! Runs a batch: the reader on the calling thread, the records made on one thread or on
//! N workers, the output written in input order. With N workers the reader sends chunks
//! of items over a bounded channel; each worker turns a chunk into its output bytes; a
//! writer thread puts the chunks back in order and writes them. At most a few chunks per
//! worker are in flight, so memory stays constant whatever the input's size.
//!
//! What an item becomes is a [`Job`]: `doudi batch`'s records ([`Shape`]) or `doudi
//! compare`'s differences. A job may also add its records up (a [`Job::Tally`] per chunk,
//! merged in input order), which [`run`] returns once the output is written.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::mpsc::{sync_channel, Receiver};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use doudi_core::policy::Policies;
use doudi_core::Decider;

use super::record::{self, Shape};
use super::{Item, PROGRESS_EVERY};
use crate::failure::Failure;

/// What a run makes of each item, on whichever thread decides it.
pub trait Job: Sync {
    /// What a chunk's records add up to; merged in input order.
    type Tally: Default + Send;
    /// The name on the progress line (`batch: N records, …`).
    const NAME: &'static str;
    /// Bytes before the first record (a CSV header).
    fn start(&self, out: &mut dyn Write) -> io::Result<()>;
    /// Writes the record of one item and adds it to `tally`; returns whether it was an error record.
    fn write(&self, decider: &mut Decider, item: Item, out: &mut Vec<u8>, tally: &mut Self::Tally) -> bool;
    /// Adds a later chunk's tally to the tally so far.
    fn merge(&self, total: &mut Self::Tally, part: Self::Tally);
}

impl Job for Shape {
    type Tally = ();
    const NAME: &'static str = "batch";

    fn start(&self, out: &mut dyn Write) -> io::Result<()> {
        record::start(self, out)
    }

    fn write(&self, decider: &mut Decider, item: Item, out: &mut Vec<u8>, _: &mut ()) -> bool {
        record::write(self, decider, item, out)
    }

    fn merge(&self, _: &mut (), _: ()) {}
}

/// Items per chunk sent to a worker.
const CHUNK: usize = 512;
/// Output bytes gathered before a write on one thread.
const FLUSH_AT: usize = 1 << 16;

/// Where the reader hands each item.
pub type Emit<'a> = dyn FnMut(Item) -> Result<(), Failure> + 'a;

/// Runs `job` on every item `read` hands on, deciding on `policies`, writing the records to
/// `output` in input order; returns the records' tally.
pub fn run<J, R>(
    policies: &'static Policies,
    mut output: Box<dyn Write + Send>,
    job: &J,
    threads: usize,
    progress: bool,
    read: R,
) -> Result<J::Tally, Failure>
where
    J: Job,
    R: FnOnce(&mut Emit) -> Result<(), Failure>,
{
    job.start(&mut output)?;
    let mut counts = Progress::new(progress, J::NAME);
    if threads <= 1 {
        let mut decider = Decider::new(policies);
        let mut buf = Vec::with_capacity(FLUSH_AT * 2);
        let mut tally = J::Tally::default();
        let mut emit = |item: Item| -> Result<(), Failure> {
            let error = job.write(&mut decider, item, &mut buf, &mut tally);
            counts.add(1, u64::from(error));
            if buf.len() >= FLUSH_AT {
                output.write_all(&buf)?;
                buf.clear();
            }
            Ok(())
        };
        read(&mut emit)?;
        output.write_all(&buf)?;
        output.flush()?;
        counts.report();
        return Ok(tally);
    }
    sharded(output, job, threads, counts, policies, read)
}

/// A chunk's output: its place in the input, its bytes, its records, its error records, its tally.
type Done<T> = (u64, Vec<u8>, u64, u64, T);

fn sharded<J, R>(
    mut output: Box<dyn Write + Send>,
    job: &J,
    threads: usize,
    mut counts: Progress,
    policies: &'static Policies,
    read: R,
) -> Result<J::Tally, Failure>
where
    J: Job,
    R: FnOnce(&mut Emit) -> Result<(), Failure>,
{
    let (work_tx, work_rx) = sync_channel::<(u64, Vec<Item>)>(threads * 2);
    let (done_tx, done_rx) = sync_channel::<Done<J::Tally>>(threads * 2);
    let work_rx = Arc::new(Mutex::new(work_rx));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let (rx, tx) = (Arc::clone(&work_rx), done_tx.clone());
            scope.spawn(move || worker(&rx, &tx, job, policies));
        }
        drop(done_tx);
        let writer = scope.spawn(move || -> io::Result<J::Tally> {
            let mut pending: BTreeMap<u64, (Vec<u8>, u64, u64, J::Tally)> = BTreeMap::new();
            let mut next = 0u64;
            let mut total = J::Tally::default();
            for (seq, bytes, records, errors, tally) in done_rx {
                pending.insert(seq, (bytes, records, errors, tally));
                while let Some((bytes, records, errors, tally)) = pending.remove(&next) {
                    output.write_all(&bytes)?;
                    counts.add(records, errors);
                    job.merge(&mut total, tally);
                    next += 1;
                }
            }
            output.flush()?;
            counts.report();
            Ok(total)
        });
        let mut seq = 0u64;
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut emit = |item: Item| -> Result<(), Failure> {
            chunk.push(item);
            if chunk.len() == CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK));
                // A closed channel means the writer stopped on an error: it is reported below.
                if work_tx.send((seq, full)).is_err() {
                    return Err(io::Error::new(io::ErrorKind::BrokenPipe, "the output stopped").into());
                }
                seq += 1;
            }
            Ok(())
        };
        let read_result = read(&mut emit);
        if !chunk.is_empty() {
            let _ = work_tx.send((seq, std::mem::take(&mut chunk)));
        }
        drop(work_tx);
        let write_result = writer.join().unwrap_or_else(|_| Err(io::Error::other("the writer thread failed")));
        let total = write_result?;
        read_result.map(|()| total)
    })
}

fn worker<J: Job>(
    rx: &Mutex<Receiver<(u64, Vec<Item>)>>,
    tx: &std::sync::mpsc::SyncSender<Done<J::Tally>>,
    job: &J,
    policies: &'static Policies,
) {
    let mut decider = Decider::new(policies);
    loop {
        let next = match rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, items)) = next else { return };
        let mut out = Vec::with_capacity(items.len() * 256);
        let records = items.len() as u64;
        let mut errors = 0;
        let mut tally = J::Tally::default();
        for item in items {
            errors += u64::from(job.write(&mut decider, item, &mut out, &mut tally));
        }
        if tx.send((seq, out, records, errors, tally)).is_err() {
            return;
        }
    }
}

/// The counts behind the progress line on stderr.
struct Progress {
    name: &'static str,
    records: u64,
    errors: u64,
    next_report: u64,
    start: Option<Instant>,
}

impl Progress {
    fn new(on: bool, name: &'static str) -> Progress {
        Progress { name, records: 0, errors: 0, next_report: PROGRESS_EVERY, start: on.then(Instant::now) }
    }

    fn add(&mut self, records: u64, errors: u64) {
        self.records += records;
        self.errors += errors;
        while self.records >= self.next_report {
            self.report_at(self.next_report);
            self.next_report += PROGRESS_EVERY;
        }
    }

    fn report(&self) {
        self.report_at(self.records);
    }

    fn report_at(&self, records: u64) {
        if let Some(start) = self.start {
            let secs = start.elapsed().as_secs_f64();
            let rate = if secs > 0.0 { records as f64 / secs } else { 0.0 };
            eprintln!("{}: {records} records, {} errors, {rate:.0} records/s", self.name, self.errors);
        }
    }
}
