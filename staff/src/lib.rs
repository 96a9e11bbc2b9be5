//! The 摸排 page's worker (`web/screen-worker.js`): a roster screened or compared in the
//! browser, on the same code as `doudi screen` and `doudi compare` ([`doudi_roster`]).
//!
//! The page reads the file in chunks and hands each to [`Session::push`]; the session cuts
//! it after its last line break, reads the lines with the roster readers' part readers
//! (`csv::read_part`, `jsonl::read_part`, which number the lines on across chunks) and keeps
//! the rest for the next chunk. Each household is decided (no text) and screened, or, with
//! changes, decided with and without them. What is kept is bounded by what is shown: the
//! tallies, the worklist's entries (a line, an id, the amounts, the share link), the first
//! [`MAX_ERRORS`] refusals and the [`MAX_CHANGES`] largest changes; never an assessment.
//!
//! Every amount crosses to the page as a decimal string formatted here (`money::fmt_grouped`,
//! in thousands as the calculator shows them; the CSV export's amount column `money::fmt2`), and
//! every word the page shows about a household (a programme's name, a refusal) is the
//! core's Chinese. Values cross as JSON text. Nothing here panics on input: a bad row is a
//! refusal with its line and field, and the rest goes on.

use std::collections::BTreeMap;

use doudi_core::policy::ParamValue;
use doudi_core::screen::{Current, Screening};
use doudi_core::{catalogue, Decider, HouseholdInput, InputError, Lang, ProgrammeId};
use doudi_roster::compare::{self, Compare, Report, Set, SetOp};
use doudi_roster::screen::{applicant_id, Screener, Tally};
use doudi_roster::{csv, jsonl, Item};
use rust_decimal::Decimal;
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// Refusals kept to list (all are counted).
pub const MAX_ERRORS: usize = 1000;
/// Households with the largest changes kept for the what-if's list.
pub const MAX_CHANGES: usize = 200;

/// An amount as a spreadsheet reads it (`1530.00`): the CSV export's amount column.
fn fmt(d: Decimal) -> String {
    doudi_core::money::fmt2(d)
}

/// An amount as the page shows it, in thousands (`12,530.00`), as the calculator's page does.
fn shown(d: Decimal) -> String {
    doudi_core::money::fmt_grouped(d)
}

/// A change as the page shows it: `+1,150.00`, `-20.00`, `0.00`.
fn shown_signed(d: Decimal) -> String {
    compare::signed_with(d, shown)
}

fn name(p: ProgrammeId) -> &'static str {
    catalogue::get(p).name_in(Lang::Zh)
}

/// A failed condition, in words: what the household is near to.
fn condition_words(id: &str) -> String {
    let what = if id.ends_with("income_below_standard") {
        "人均收入高于标准"
    } else if id.contains("asset") {
        "家庭财产超过限额"
    } else {
        return id.to_string();
    };
    what.to_string()
}

fn error_json(e: &InputError) -> String {
    serde_json::to_string(&json!({ "error": e })).unwrap_or_default()
}

/// One household on the worklist.
struct Entry {
    line: u64,
    id: Option<String>,
    at_stake: Decimal,
    /// (programme, member's name, a month).
    missed: Vec<(ProgrammeId, Option<String>, Option<Decimal>)>,
    /// (programme, member's name, condition, distance).
    near: Vec<(ProgrammeId, Option<String>, &'static str, Decimal)>,
    current: Current,
    /// The household's compact JSON, for its link ([`doudi_roster::fragment_of`]).
    household: String,
}

impl Entry {
    fn of(line: u64, input: &HouseholdInput, s: &Screening) -> Entry {
        let member = |m: Option<usize>| {
            m.map(|i| input.members.get(i).and_then(|m| m.id.clone()).unwrap_or_else(|| format!("成员{}", i + 1)))
        };
        Entry {
            line,
            id: applicant_id(input),
            at_stake: s.at_stake,
            missed: s.missed.iter().map(|m| (m.program, member(m.member), m.monthly)).collect(),
            near: s.near.iter().map(|n| (n.program, member(n.member), n.condition, n.distance)).collect(),
            current: s.current,
            household: serde_json::to_string(input).unwrap_or_default(),
        }
    }

    /// Whether the entry is of `kind` (`all`, `missed`, `near`, `ending`, `tapering`) and
    /// names `program` (any, when empty).
    fn matches(&self, kind: &str, program: &str) -> bool {
        let kind_ok = match kind {
            "missed" => !self.missed.is_empty(),
            "near" => !self.near.is_empty(),
            "ending" => self.current == Current::Ends,
            "tapering" => self.current == Current::Tapers,
            _ => true,
        };
        let program_ok = program.is_empty()
            || self.missed.iter().any(|m| m.0.as_str() == program)
            || self.near.iter().any(|n| n.0.as_str() == program)
            || (matches!(self.current, Current::Ends | Current::Tapers) && program.starts_with("dibao"));
        kind_ok && program_ok
    }

    fn missed_words(&self) -> String {
        let words: Vec<String> = self
            .missed
            .iter()
            .map(|(p, m, a)| {
                let who = m.as_ref().map(|m| format!("（{m}）")).unwrap_or_default();
                let amount = a.map(|a| format!(" 每月 {} 元", shown(a))).unwrap_or_else(|| " 金额待核".into());
                format!("{}{who}{amount}", name(*p))
            })
            .collect();
        words.join("；")
    }

    fn near_words(&self) -> String {
        let words: Vec<String> = self
            .near
            .iter()
            .map(|(p, m, c, d)| {
                let who = m.as_ref().map(|m| format!("（{m}）")).unwrap_or_default();
                format!("{}{who}：{}，差 {} 元", name(*p), condition_words(c), shown(*d))
            })
            .collect();
        words.join("；")
    }

    fn current_words(&self) -> &'static str {
        match self.current {
            Current::None => "",
            Current::Continues => "继续享受",
            Current::Tapers => "渐退",
            Current::Ends => "将停发",
        }
    }

    fn json(&self) -> Value {
        json!({
            "line": self.line,
            "id": self.id,
            "at_stake": shown(self.at_stake),
            "missed": self.missed_words(),
            "missed_programs": self.missed.iter().map(|m| m.0.as_str()).collect::<Vec<_>>(),
            "near": self.near_words(),
            "current": doudi_roster::screen::current_word(self.current),
            "current_words": self.current_words(),
            "link": doudi_roster::fragment_of(&self.household),
        })
    }
}

/// One household's change in the what-if.
struct Change {
    line: u64,
    id: Option<String>,
    before: Decimal,
    after: Decimal,
    one_off: Decimal,
    statuses: Vec<String>,
    link: String,
}

impl Change {
    fn monthly(&self) -> Decimal {
        self.after - self.before
    }
}

/// What a session does with each household.
enum Mode {
    Screen(Screener),
    Compare(Compare),
}

/// A roster being read: the reader's place in the file, the decider, the tallies.
pub struct Roster {
    csv: bool,
    part: csv::Part,
    line: u64,
    carry: Vec<u8>,
    decider: Decider<'static>,
    mode: Mode,
    screen: Tally,
    worklist: Vec<Entry>,
    compare: compare::Tally,
    changes: Vec<Change>,
    /// (line, error), the first [`MAX_ERRORS`].
    errors: Vec<(u64, InputError)>,
    /// The roster as a whole cannot be read (a bad header): nothing more is read.
    fatal: Option<InputError>,
    /// The places and days of the households decided, in the order first met, at most
    /// [`MAX_PLACES`]: the what-if lists the parameters of each.
    places: Vec<(String, String)>,
}

/// How many (place, day) pairs a roster's what-if lists parameters for; a roster of more is
/// listed by its first ones.
pub const MAX_PLACES: usize = 12;

/// The sets as the page sends them: `[{"id", "op": "=" | "+=" | "-=", "value"}]`.
fn sets_from(json: &str) -> Result<Vec<Set>, InputError> {
    let bad = || InputError::new("", "the changes are not a list of {id, op, value}", "测算的调整项格式不对");
    let v: Value = serde_json::from_str(json).map_err(|_| bad())?;
    let Some(items) = v.as_array() else { return Err(bad()) };
    items
        .iter()
        .map(|s| {
            let text = |k: &str| s.get(k).and_then(Value::as_str).map(str::trim).map(String::from);
            let (Some(id), Some(op), Some(value)) = (text("id"), text("op"), text("value")) else { return Err(bad()) };
            let op = match op.as_str() {
                "=" => SetOp::Is,
                "+=" => SetOp::Add,
                "-=" => SetOp::Sub,
                _ => return Err(bad()),
            };
            Ok(Set { id, op, value })
        })
        .collect()
}

impl Roster {
    /// A roster read as CSV (else JSONL), screened with `margin` (yuan), or compared with
    /// the changes `sets` (JSON) when there are any.
    pub fn new(csv: bool, margin: &str, sets: &str) -> Result<Roster, InputError> {
        let policies = doudi_core::embedded_policies()?;
        let sets = sets_from(sets)?;
        let mode = if sets.is_empty() {
            let margin: Decimal = margin.trim().parse().map_err(|_| {
                InputError::new("margin", "the margin is an amount such as 50", "差距请填写金额，例如 50")
            })?;
            Mode::Screen(Screener::new(margin)?)
        } else {
            Mode::Compare(Compare { policies, changes: compare::check(&sets, policies)? })
        };
        Ok(Roster {
            csv,
            part: csv::Part::default(),
            line: 0,
            carry: Vec::new(),
            decider: Decider::new(policies),
            mode,
            screen: Tally::default(),
            worklist: Vec::new(),
            compare: compare::Tally::default(),
            changes: Vec::new(),
            errors: Vec::new(),
            fatal: None,
            places: Vec::new(),
        })
    }

    /// Reads the complete lines of `chunk` (with what was left of the chunk before);
    /// returns the households read so far.
    pub fn push(&mut self, chunk: &[u8]) -> u64 {
        self.carry.extend_from_slice(chunk);
        let csv = self.csv;
        let cut = self.carry.iter().rposition(|&b| b == b'\n' || (csv && b == b'\r')).map(|i| i + 1);
        if let Some(cut) = cut {
            let rest = self.carry.split_off(cut);
            let lines = std::mem::replace(&mut self.carry, rest);
            self.read(&lines);
        }
        self.households()
    }

    /// Reads what is left at the end of the file; returns the households read.
    pub fn finish(&mut self) -> u64 {
        let rest = std::mem::take(&mut self.carry);
        if !rest.is_empty() {
            self.read(&rest);
        }
        self.worklist.sort_by(|a, b| b.at_stake.cmp(&a.at_stake).then(a.line.cmp(&b.line)));
        self.households()
    }

    fn households(&self) -> u64 {
        match self.mode {
            Mode::Screen(_) => self.screen.households,
            Mode::Compare(_) => self.compare.households,
        }
    }

    fn read(&mut self, lines: &[u8]) {
        if self.fatal.is_some() {
            return;
        }
        let Roster { csv, part, line, decider, mode, screen, worklist, compare, changes, errors, places, .. } = self;
        let mut emit = |item: Item| -> Result<(), InputError> {
            let at = item.line;
            let refused = match mode {
                Mode::Screen(s) => match s.item(decider, item, screen) {
                    Ok((input, s)) => {
                        if places.len() < MAX_PLACES
                            && !places.iter().any(|(j, d)| *j == input.jurisdiction && *d == input.as_of)
                        {
                            places.push((input.jurisdiction.clone(), input.as_of.clone()));
                        }
                        if s.listed() {
                            worklist.push(Entry::of(at, &input, &s));
                        }
                        None
                    }
                    Err(e) => Some(e),
                },
                Mode::Compare(c) => compare_one(c, decider, item, compare, changes).err(),
            };
            if let Some(e) = refused {
                if errors.len() < MAX_ERRORS {
                    errors.push((at, e));
                }
            }
            Ok(())
        };
        let read = if *csv {
            csv::read_part(lines, "名册", part, &mut emit)
        } else {
            jsonl::read_part(lines, "名册", line, &mut emit)
        };
        if let Err(e) = read {
            self.fatal = Some(e);
        }
    }

    /// The screening's figures, the refusals and the worklist's size (JSON).
    pub fn summary(&self) -> String {
        let errors: Vec<Value> = self
            .errors
            .iter()
            .map(|(line, e)| {
                json!({
                    "line": line, "path": e.path, "field": csv::field_words(&e.path),
                    "message": e.message_zh, "message_en": e.message,
                })
            })
            .collect();
        let fatal = self.fatal.as_ref().map(|e| json!({ "path": e.path, "message": e.message_zh }));
        let out = match &self.mode {
            Mode::Screen(_) => {
                let t = &self.screen;
                let programmes: Vec<Value> = t
                    .programmes
                    .iter()
                    .map(|(p, x)| {
                        json!({
                            "id": p.as_str(), "name": name(*p), "households": x.households, "persons": x.persons,
                            "monthly": shown(x.monthly), "fixed_term": shown(x.fixed_term), "one_off": shown(x.one_off),
                        })
                    })
                    .collect();
                let mut watched: BTreeMap<&str, &str> = BTreeMap::new();
                for e in &self.worklist {
                    for p in e.missed.iter().map(|m| m.0).chain(e.near.iter().map(|n| n.0)) {
                        watched.insert(p.as_str(), name(p));
                    }
                }
                json!({
                    "mode": "screen",
                    "households": t.households, "refused": t.refused, "listed": t.listed,
                    "missed": t.missed, "near": t.near, "ending": t.ending, "tapering": t.tapering,
                    "programmes": programmes,
                    "worklist_programs": watched.into_iter().map(|(id, n)| json!({"id": id, "name": n})).collect::<Vec<_>>(),
                    "errors": errors, "fatal": fatal,
                    "places": self.places.iter().map(|(j, d)| json!({
                        "jurisdiction": j, "as_of": d,
                        "name": policies_name(j),
                    })).collect::<Vec<_>>(),
                })
            }
            Mode::Compare(c) => {
                let t = &self.compare;
                let report = Report::of(t, &c.changes);
                let mut biggest: Vec<&Change> = self.changes.iter().collect();
                biggest.sort_by(|a, b| b.monthly().abs().cmp(&a.monthly().abs()).then(a.line.cmp(&b.line)));
                let changes: Vec<Value> = biggest
                    .iter()
                    .map(|c| {
                        json!({
                            "line": c.line, "id": c.id, "before": shown(c.before), "after": shown(c.after),
                            "monthly": shown_signed(c.monthly()), "one_off": shown_signed(c.one_off),
                            "statuses": c.statuses.join("；"), "link": c.link,
                        })
                    })
                    .collect();
                let yearly = (t.after.monthly - t.before.monthly) * Decimal::from(12);
                json!({
                    "mode": "compare",
                    // The report as the CLI writes it; the figures the page shows, beside it.
                    "report": report,
                    "monthly_before": shown(t.before.monthly),
                    "monthly_after": shown(t.after.monthly),
                    "monthly_difference": shown_signed(t.after.monthly - t.before.monthly),
                    "yearly_difference": shown_signed(yearly),
                    "one_off_difference": shown_signed(t.after.one_off - t.before.one_off),
                    "changes": changes,
                    "errors": errors, "fatal": fatal,
                })
            }
        };
        out.to_string()
    }

    /// The first `limit` worklist entries of `kind` naming `program` (JSON), with how many match.
    pub fn worklist(&self, kind: &str, program: &str, limit: usize) -> String {
        let matching = self.worklist.iter().filter(|e| e.matches(kind, program));
        let total = matching.clone().count();
        let rows: Vec<Value> = matching.take(limit).map(Entry::json).collect();
        json!({ "total": total, "rows": rows }).to_string()
    }

    /// The worklist entries of `kind` naming `program` as CSV (UTF-8 with a BOM, for Excel),
    /// each with its single-household link relative to the site (`index.html#h=…`).
    pub fn export(&self, kind: &str, program: &str) -> String {
        let mut w = ::csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "行号",
            "编号",
            "每月涉及金额（元）",
            "可能符合但未享受",
            "接近门槛",
            "现有低保",
            "单户测算链接",
        ]);
        for e in self.worklist.iter().filter(|e| e.matches(kind, program)) {
            let _ = w.write_record([
                e.line.to_string(),
                e.id.clone().unwrap_or_default(),
                fmt(e.at_stake),
                e.missed_words(),
                e.near_words(),
                e.current_words().to_string(),
                format!("index.html{}", doudi_roster::fragment_of(&e.household)),
            ]);
        }
        let bytes = w.into_inner().unwrap_or_default();
        format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
    }
}

fn compare_one(
    c: &Compare,
    decider: &mut Decider,
    item: Item,
    tally: &mut compare::Tally,
    kept: &mut Vec<Change>,
) -> Result<(), InputError> {
    tally.households += 1;
    let line = item.line;
    let result = item.body.parse().and_then(|input| {
        let (before, after, not_applied) = c.decide(decider, &input)?;
        let d = compare::difference(&input, &before, &after, not_applied);
        tally.add(&d);
        if !d.monthly().is_zero() || !d.one_off().is_zero() || !d.status_changed.is_empty() {
            keep(
                kept,
                Change {
                    line,
                    id: applicant_id(&input),
                    before: d.before.monthly_total,
                    after: d.after.monthly_total,
                    one_off: d.one_off(),
                    statuses: d
                        .status_changed
                        .iter()
                        .map(|(p, b, a)| format!("{}：{}→{}", name(*p), status_words(*b), status_words(*a)))
                        .collect(),
                    link: String::new(),
                },
                &input,
            );
        }
        Ok(())
    });
    if result.is_err() {
        tally.refused += 1;
    }
    result
}

/// Keeps the [`MAX_CHANGES`] households with the largest monthly change.
fn keep(kept: &mut Vec<Change>, mut c: Change, input: &HouseholdInput) {
    let size = |c: &Change| c.monthly().abs();
    if kept.len() >= MAX_CHANGES {
        let Some((i, smallest)) =
            kept.iter().enumerate().min_by(|a, b| size(a.1).cmp(&size(b.1)).then(b.1.line.cmp(&a.1.line)))
        else {
            return;
        };
        if size(smallest) >= size(&c) {
            return;
        }
        kept.swap_remove(i);
    }
    c.link = doudi_roster::share_fragment(input);
    kept.push(c);
}

fn status_words(s: doudi_core::Status) -> &'static str {
    use doudi_core::Status::*;
    match s {
        Eligible => "符合",
        Ineligible => "不符合",
        NeedsInfo => "需补充信息",
        Discretionary => "酌情",
        Referral => "转介",
    }
}

/// A roster being read in the worker (JS `new Session(csv, margin, sets)`).
#[wasm_bindgen]
pub struct Session(Roster);

#[wasm_bindgen]
impl Session {
    /// Throws the contract's error as JSON text (`{"error": {path, message, message_zh}}`)
    /// for a bad margin or change.
    #[wasm_bindgen(constructor)]
    pub fn new(csv: bool, margin: &str, sets: &str) -> Result<Session, JsValue> {
        Roster::new(csv, margin, sets).map(Session).map_err(|e| JsValue::from_str(&error_json(&e)))
    }

    /// Reads a chunk of the file; the households read so far.
    pub fn push(&mut self, chunk: &[u8]) -> f64 {
        self.0.push(chunk) as f64
    }

    /// Reads the end of the file; the households read.
    pub fn finish(&mut self) -> f64 {
        self.0.finish() as f64
    }

    pub fn summary(&self) -> String {
        self.0.summary()
    }

    pub fn worklist(&self, kind: &str, program: &str, limit: u32) -> String {
        self.0.worklist(kind, program, limit as usize)
    }

    pub fn export(&self, kind: &str, program: &str) -> String {
        self.0.export(kind, program)
    }
}

/// A roster to fill in (CSV with the Chinese column names), with one example household.
#[wasm_bindgen]
pub fn template() -> String {
    let example = json!({
        "jurisdiction": "tianjin", "as_of": "2020-04-15", "residence": "urban", "assets": "12000",
        "members": [
            {"id": "示例-1", "relation": "self", "age": 45, "monthly_income": "1000", "work": "local"},
            {"relation": "spouse", "age": 42, "monthly_income": "500", "work": "local"},
            {"relation": "child", "age": 12}
        ]
    });
    csv::template(4, &[example]).unwrap_or_default()
}

/// A place's Chinese name (天津市), or its id when the policies do not know it.
fn policies_name(id: &str) -> String {
    doudi_core::embedded_policies()
        .ok()
        .and_then(|p| p.jurisdiction(id))
        .map_or_else(|| id.to_string(), |j| j.name.clone())
}

/// The numeric and date parameters of `jurisdiction` in force on `as_of`, for the what-if's
/// choices (JSON `[{id, label, unit, value, shown}]`, the unit in words: `元/人/月`, and the
/// value as staff read it: `620 元/人/月`, `2023年1月8日`, `否`, `未知`; or `{"error"}`).
#[wasm_bindgen]
pub fn parameters(jurisdiction: &str, as_of: &str) -> String {
    match doudi_core::parameters(jurisdiction, as_of, Lang::Zh) {
        Ok(ps) => {
            let list: Vec<Value> = ps
                .iter()
                .filter(|p| p.choices.is_empty())
                .map(|p| {
                    let unit = doudi_core::params::unit_words(&p.unit, Lang::Zh);
                    json!({ "id": p.id, "label": p.label, "unit": unit, "value": p.value, "shown": value_words(p.value, unit) })
                })
                .collect();
            Value::Array(list).to_string()
        }
        Err(e) => error_json(&e),
    }
}

/// A parameter's value in words: a number with its unit, a date as 2023年1月8日, 是/否,
/// 未结束, or 未知 when no source gives one.
fn value_words(v: Option<ParamValue>, unit: &str) -> String {
    match v {
        None => "未知".to_string(),
        Some(ParamValue::Number(d)) if unit.is_empty() => d.normalize().to_string(),
        Some(ParamValue::Number(d)) => format!("{} {unit}", d.normalize()),
        Some(ParamValue::Date(d)) => format!("{:#}", doudi_core::dates::Day::of(d)),
        Some(other) => other.display(Lang::Zh),
    }
}

#[cfg(test)]
mod tests;
