//! The evaluation context shared by the rules ([`Ctx`]) and the builder each rule fills
//! in ([`FindingBuilder`]): parameters as in force on `as_of` (with overrides), the
//! epidemic period, the 低保 standard for the household's residence, the counted income,
//! citations by provision, and the assumptions the assessment lists.

use std::cell::{Cell, OnceCell, RefCell};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::assessment::*;
use crate::dates::Day;
use crate::decision::{Condition, Decision, Met, Need};
use crate::household::{Household, Member};
use crate::ids::{param, ParamId, ParamKey, ProgrammeId, PARAMETERS};
use crate::income::Income;
use crate::input::Residence;
use crate::money::{fmt2, fmt_grouped};
use crate::policy::{ClauseRef, Jurisdiction, ParamValue, Policies};
use crate::text::{Lang, Say};
use crate::{t, tx};

/// Everything a rule may read.
pub struct Ctx<'a> {
    pub h: &'a Household,
    pub j: &'a Jurisdiction,
    pub policies: &'a Policies,
    pub lang: Lang,
    /// Whether sentences, traces, citations and assumptions are written (the renderer
    /// is on); without it the rules only decide.
    pub explain: bool,
    pub epidemic: Epidemic,
    pub income: Income,
    assumptions: RefCell<Vec<Assumption>>,
    /// Every condition the rules test, in order; each decision holds its range.
    conditions: RefCell<Vec<Condition>>,
    /// Every decision made, in order.
    decisions: RefCell<Vec<Decision>>,
    /// When explaining, every decision's finding, in the same order.
    findings: RefCell<Vec<Finding>>,
    /// The place's parameters and provisions on `as_of`, shared by the households of a batch.
    lookups: &'a Lookups<'a>,
    /// The household's overrides, by parameter position.
    overrides: [Option<ParamValue>; PARAMETERS.len()],
    /// Parameters already read into a trace: (id, value, trace step), so that the many
    /// per-member findings do not format the same source again.
    param_steps: RefCell<Vec<(ParamId, Option<Decimal>, TraceStep)>>,
    /// The epidemic-period reason, the same in every finding that states it: formatted once.
    epidemic_reason: OnceCell<String>,
}

/// What a place's policies say on one day, looked up once and kept: each parameter's
/// value in force (by its position in [`crate::ids::PARAMETERS`]) and each provision's
/// clauses (by programme and the provision's position in the programme's list), filled
/// in on first use. A [`Lookups`] serves every household of the same place and day, so a
/// batch pays for each map lookup once, not once per household.
pub struct Lookups<'a> {
    j: &'a Jurisdiction,
    as_of: NaiveDate,
    values: [Cell<Slot<Option<ParamValue>>>; PARAMETERS.len()],
    /// Whether the place lists each provision (the clauses are looked up only to cite them),
    /// and whether a clause it lists applies only from a day of its own.
    provisions: [[Cell<Slot<Listing>>; MAX_PROVISIONS]; ProgrammeId::ALL.len()],
}

/// Whether a place lists a provision with a clause in force on the day, and whether a clause
/// it lists applies only from a day of its own.
type Listing = (bool, bool);

/// Provisions a programme may declare, at most, each with its slot (低保 declares 13; a
/// catalogue test keeps every programme within it, so that no provision is looked up afresh
/// for each household).
pub const MAX_PROVISIONS: usize = 16;

#[derive(Clone, Copy)]
enum Slot<V> {
    Unread,
    Read(V),
}

impl<'a> Lookups<'a> {
    pub fn new(j: &'a Jurisdiction, as_of: NaiveDate) -> Lookups<'a> {
        Lookups {
            j,
            as_of,
            values: std::array::from_fn(|_| Cell::new(Slot::Unread)),
            provisions: std::array::from_fn(|_| std::array::from_fn(|_| Cell::new(Slot::Unread))),
        }
    }

    /// Whether these lookups are for this place and day.
    pub fn serves(&self, j: &Jurisdiction, as_of: NaiveDate) -> bool {
        std::ptr::eq(self.j, j) && self.as_of == as_of
    }

    /// The policy's value of a parameter on the day (overrides are not applied here).
    fn value(&self, key: impl ParamKey) -> Option<ParamValue> {
        let read = || self.j.parameters.get(key.text())?.entry_on(self.as_of)?.value;
        let Some(i) = key.param_id().map(ParamId::index) else { return read() };
        match self.values[i].get() {
            Slot::Read(v) => v,
            Slot::Unread => {
                let v = read();
                self.values[i].set(Slot::Read(v));
                v
            }
        }
    }

    fn provision(&self, prog: ProgrammeId, key: &str) -> Option<&'a [ClauseRef]> {
        let j = self.j;
        let clauses = || j.programme(prog)?.provisions.get(key).map(Vec::as_slice);
        if self.has(prog, key) {
            clauses()
        } else {
            None
        }
    }

    /// The clauses the place lists for a provision, in force on the day or not.
    fn listed(&self, prog: ProgrammeId, key: &str) -> Option<&'a [ClauseRef]> {
        self.j.programme(prog)?.provisions.get(key).map(Vec::as_slice)
    }

    /// Whether the place lists the provision with a clause in force on the day (a clause of
    /// a document that applies only from a later day is not yet in force).
    fn has(&self, prog: ProgrammeId, key: &str) -> bool {
        self.state(prog, key).0
    }

    /// [`Lookups::has`], and whether a clause the provision lists applies only from a day of
    /// its own (a document's `applies_from`), in force on the day or not.
    fn state(&self, prog: ProgrammeId, key: &str) -> (bool, bool) {
        let j = self.j;
        let day = self.as_of;
        let read = || {
            j.programme(prog).and_then(|p| p.provisions.get(key)).map_or((false, false), |refs| {
                (refs.iter().any(|r| r.in_force_on(day)), refs.iter().any(|r| r.applies_from().is_some()))
            })
        };
        let declared = crate::catalogue::get(prog).provisions;
        let found = declared.iter().position(|p| p.key.as_ptr() == key.as_ptr() && p.key.len() == key.len());
        let Some(k) = found.or_else(|| declared.iter().position(|p| p.key == key)).filter(|k| *k < MAX_PROVISIONS)
        else {
            return read();
        };
        let slot = &self.provisions[prog as usize][k];
        match slot.get() {
            Slot::Read(v) => v,
            Slot::Unread => {
                let v = read();
                slot.set(Slot::Read(v));
                v
            }
        }
    }
}

/// 疫情防控期间 as the parameters set it.
#[derive(Clone, Copy, Debug)]
pub struct Epidemic {
    pub start: Option<NaiveDate>,
    /// `None` with `open`: not ended.
    pub end: Option<NaiveDate>,
    pub open: bool,
    pub in_period: bool,
}

impl Epidemic {
    /// The last day of the month in which the epidemic ends (None if open or unknown).
    pub fn end_month_last_day(&self) -> Option<NaiveDate> {
        use chrono::{Datelike, Months};
        let end = self.end?;
        let first = end.with_day(1)?;
        first.checked_add_months(Months::new(1))?.pred_opt()
    }
}

impl<'a> Ctx<'a> {
    pub fn new(
        h: &'a Household,
        lookups: &'a Lookups<'a>,
        policies: &'a Policies,
        lang: Lang,
        explain: bool,
    ) -> Ctx<'a> {
        let j = lookups.j;
        let mut ctx = Ctx {
            h,
            j,
            policies,
            lang,
            explain,
            epidemic: Epidemic { start: None, end: None, open: false, in_period: false },
            income: Income::default(),
            assumptions: RefCell::new(Vec::new()),
            // About 24 conditions a member and a few for the household (72 for the Tianjin family
            // of three): sized once, so that the list is never moved as it grows.
            conditions: RefCell::new(Vec::with_capacity(h.members.len() * 32 + 16)),
            decisions: RefCell::new(Vec::with_capacity(h.members.len() * 10 + 4)),
            findings: RefCell::new(if explain { Vec::with_capacity(h.members.len() * 10 + 4) } else { Vec::new() }),
            lookups,
            overrides: [None; PARAMETERS.len()],
            param_steps: RefCell::new(Vec::new()),
            epidemic_reason: OnceCell::new(),
        };
        for (id, v) in &h.overrides {
            if let Some(p) = ParamId::parse(id) {
                ctx.overrides[p.index()] = Some(*v);
            }
        }
        ctx.epidemic = ctx.read_epidemic();
        ctx.income = Income::compute(&ctx);
        ctx
    }

    fn read_epidemic(&self) -> Epidemic {
        let start = self.date(param::EPIDEMIC_START);
        let (end, open) = match self.value(param::EPIDEMIC_END) {
            Some(ParamValue::Date(d)) => (Some(d), false),
            Some(ParamValue::Open) => (None, true),
            _ => (None, false),
        };
        let as_of = self.h.as_of;
        let in_period = start.is_some_and(|s| s <= as_of) && (open || end.is_some_and(|e| as_of <= e));
        if self.explain {
            let (s, sz) = (Day(start).to_string(), format!("{:#}", Day(start)));
            let (e, ez) = if open {
                ("—".to_string(), "—".to_string())
            } else {
                (Day(end).to_string(), format!("{:#}", Day(end)))
            };
            let overridden = self.h.overrides.contains_key(param::EPIDEMIC_START.as_str())
                || self.h.overrides.contains_key(param::EPIDEMIC_END.as_str());
            self.assume(
                param::EPIDEMIC_END.as_str(),
                if overridden {
                    tx!("疫情防控期间按 {sz} 至 {ez} 计算（已手动修改）。", "The epidemic period is taken as {s} to {e} (changed by hand).")
                } else {
                    tx!(
                        "疫情防控期间按 {sz}（启动一级响应）至 {ez}（新冠病毒感染“乙类乙管”）计算；文件未定结束日期，可在参数中修改。",
                        "The epidemic period is taken as {s} (first-level response) to {e} (national downgrade of COVID-19 management); the documents set no end date, and it can be changed in the parameters."
                    )
                },
            );
        }
        if start.is_none() || (end.is_none() && !open) {
            self.assume(
                "epidemic.unknown",
                t!(
                    "疫情防控期间的日期未知，按不在期间内处理。",
                    "The epidemic period's dates are unknown; treated as outside it."
                ),
            );
        }
        Epidemic { start, end, open, in_period }
    }

    /// The value in force on `as_of` (an override wins), or `None` when none is known.
    pub fn value(&self, key: impl ParamKey) -> Option<ParamValue> {
        if !self.h.overrides.is_empty() {
            // Every override of a known id sits in the array; only another id needs the map.
            let overridden = match key.param_id() {
                Some(p) => self.overrides[p.index()],
                None => self.h.overrides.get(key.text()).copied(),
            };
            if let Some(v) = overridden {
                return Some(v);
            }
        }
        self.lookups.value(key)
    }

    /// A number parameter; `None` (and an assumption saying so) when no value is known.
    pub fn number(&self, key: impl ParamKey) -> Option<Decimal> {
        let v = self.value(key).and_then(ParamValue::number);
        if v.is_none() && self.explain {
            let id = key.text();
            let label = self.param_label(id);
            self.assume(
                &format!("parameter.{id}"),
                t!(
                    "参数“{label}”在 {d:#} 没有已知的取值：需要它的金额无法计算，请在参数中填写。",
                    "Parameter “{label}” has no known value on {d}: amounts that need it cannot be computed; enter it in the parameters.",
                    d = Day::of(self.h.as_of)
                ),
            );
        }
        v
    }

    /// A date parameter; `None` when it has no value (or is open-ended).
    pub fn date(&self, id: impl ParamKey) -> Option<NaiveDate> {
        match self.value(id) {
            Some(ParamValue::Date(d)) => Some(d),
            _ => None,
        }
    }

    pub fn bool(&self, id: impl ParamKey) -> Option<bool> {
        match self.value(id) {
            Some(ParamValue::Bool(b)) => Some(b),
            _ => None,
        }
    }

    pub fn param_label(&self, key: impl ParamKey) -> String {
        let id = key.text();
        match self.j.parameters.get(id) {
            Some(p) => match self.lang {
                Lang::Zh => p.label.clone(),
                Lang::En => p.label_en.clone(),
            },
            None => id.to_string(),
        }
    }

    /// Where a parameter's value comes from, in a few words, for the trace.
    pub fn param_source(&self, key: impl ParamKey) -> String {
        let id = key.text();
        if self.h.overrides.contains_key(id) {
            return t!("手动修改", "changed by hand").say(self.lang);
        }
        let Some(entry) = self.j.parameters.get(id).and_then(|p| p.entry_on(self.h.as_of)) else {
            return t!("无已知取值", "no known value").say(self.lang);
        };
        match (&entry.source.clause, &entry.source.text) {
            (Some(c), _) => {
                let label =
                    self.policies.clause(c).map_or(c.to_string(), |(d, cl)| format!("{} {}", d.number, cl.label));
                label
            }
            (None, Some(text)) => {
                let conf = entry.source.confidence.label(self.lang);
                match self.lang {
                    Lang::Zh => format!("{text}；可信度：{conf}"),
                    Lang::En => format!("{text}; confidence: {conf}"),
                }
            }
            (None, None) => String::new(),
        }
    }

    pub fn provides(&self, prog: ProgrammeId) -> bool {
        self.j.programme(prog).is_some()
    }

    /// The clauses of a provision, if this jurisdiction has it.
    pub fn provision(&self, prog: ProgrammeId, key: &str) -> Option<&'a [ClauseRef]> {
        self.lookups.provision(prog, key)
    }

    pub fn has(&self, prog: ProgrammeId, key: &str) -> bool {
        let (has, dated) = self.lookups.state(prog, key);
        if self.explain && dated {
            self.say_applies_from(prog, key, false);
        }
        has
    }

    /// The clauses the place lists for a provision, whether in force on `as_of` or not.
    pub fn listed(&self, prog: ProgrammeId, key: &str) -> Option<&'a [ClauseRef]> {
        self.lookups.listed(prog, key)
    }

    /// Whether a clause is in force on `as_of` (its document applies from no later day).
    pub fn in_force(&self, r: &ClauseRef) -> bool {
        r.in_force_on(self.h.as_of)
    }

    /// The latest day from which a clause of the provision applies, where its documents
    /// apply from a day of their own (Dongli 003: the day it was issued).
    pub fn provision_applies_from(&self, prog: ProgrammeId, key: &str) -> Option<NaiveDate> {
        self.lookups.listed(prog, key)?.iter().filter_map(ClauseRef::applies_from).max()
    }

    /// Says from which day a document whose clauses the provision lists applies, when that
    /// day matters: always before it (its clauses are then neither applied nor quoted), and
    /// after it where `always` (a measure whose dating the household should see).
    pub fn say_applies_from(&self, prog: ProgrammeId, key: &str, always: bool) {
        if !self.explain {
            return;
        }
        let Some(refs) = self.lookups.listed(prog, key) else { return };
        let as_of = self.h.as_of;
        for r in refs {
            let Some(from) = r.applies_from() else { continue };
            if !always && from <= as_of {
                continue;
            }
            let Some(doc) = self.policies.document(&r.document) else { continue };
            let number = doc.number.clone();
            let id = format!("dates.applies_from.{}", doc.id);
            let later = from > as_of;
            let (from, as_of) = (Day::of(from), Day::of(as_of));
            if later {
                self.assume(
                    &id,
                    t!(
                        "{number} 的措施按其印发之日 {from:#} 起适用，不追溯到疫情开始：{as_of:#} 早于此日，其条款尚不适用，按此前已有的文件办理。",
                        "The measures of {number} are taken to apply from the day it was issued, {from}, not from the start of the epidemic: {as_of} is earlier, so its clauses do not apply yet; the earlier documents apply."
                    ),
                );
            } else {
                self.assume(
                    &id,
                    t!(
                        "{number} 的措施按其印发之日 {from:#} 起适用，不追溯到疫情开始：{as_of:#} 在此之后，按其办理；疫情期间的措施（暂停退出）自 {from:#} 起至疫情结束，渐退最早自 {from:#} 起算。",
                        "The measures of {number} are taken to apply from the day it was issued, {from}, not from the start of the epidemic: {as_of} is later, so they apply; its epidemic measure (exit suspended) runs from {from} to the epidemic's end, and a taper counts from {from} at the earliest."
                    ),
                );
            }
        }
    }

    /// Says so when the value of `id` in force comes from a source that carries no date.
    fn undated(&self, id: ParamId) {
        if self.h.overrides.contains_key(id.as_str()) {
            return;
        }
        let Some(entry) = self.j.parameters.get(id.as_str()).and_then(|p| p.entry_on(self.h.as_of)) else { return };
        if entry.from_unknown && entry.value.is_some() {
            let label = self.param_label(id);
            let from = Day::of(entry.from);
            self.assume(
                &format!("dates.{id}"),
                t!(
                    "“{label}”的取值出自未载明日期的文件，起始日期不详：按自 {from:#} 起计算，可信度相应降低。",
                    "“{label}” comes from a document that carries no date, so its start is not known: it is taken as in force from {from}, with lower confidence."
                ),
            );
        }
    }

    /// Records an assumption (once per id), when explaining.
    pub fn assume(&self, id: &str, text: impl Say) {
        if !self.explain {
            return;
        }
        let mut a = self.assumptions.borrow_mut();
        if !a.iter().any(|x| x.id == id) {
            a.push(Assumption { id: id.to_string(), text: text.say(self.lang) });
        }
    }

    /// The decisions made so far (all of them once every rule has run).
    pub fn take_decisions(&self) -> Vec<Decision> {
        std::mem::take(&mut *self.decisions.borrow_mut())
    }

    /// The findings written so far, when explaining: one for each decision, in order.
    pub fn take_findings(&self) -> Vec<Finding> {
        std::mem::take(&mut *self.findings.borrow_mut())
    }

    /// The conditions tested so far (all of them once every rule has run).
    pub fn take_conditions(&self) -> Vec<Condition> {
        std::mem::take(&mut *self.conditions.borrow_mut())
    }

    pub fn take_assumptions(&self) -> Vec<Assumption> {
        self.assumptions.borrow_mut().drain(..).collect()
    }

    /// The 低保 standard's parameter id for the household's residence.
    pub fn standard_id(&self) -> ParamId {
        match self.h.residence {
            Residence::Urban => param::DIBAO_STANDARD_URBAN,
            Residence::Rural => param::DIBAO_STANDARD_RURAL,
        }
    }

    pub fn standard(&self) -> Option<Decimal> {
        self.number(self.standard_id())
    }

    pub fn say(&self, t: impl Say) -> String {
        t.say(self.lang)
    }

    /// A person for sentences: "m2（45岁）".
    pub fn who(&self, m: &Member) -> String {
        match self.lang {
            Lang::Zh => format!("{}（{}岁）", m.id, m.age),
            Lang::En => format!("{} (aged {})", m.id, m.age),
        }
    }
}

/// What one rule returns once it has made its decision (and, when the renderer is on
/// ([`Ctx::explain`]), its finding): both are kept in the context, in order
/// ([`Ctx::take_decisions`], [`Ctx::take_findings`]).
pub struct Verdict {
    _made: (),
}

/// What only an explanation needs, kept apart so that a decision moves little.
struct Texts {
    /// The reasons as the finding gives them: the `failed` sentences of failed conditions
    /// first, in order, then the others (met conditions, observations, notes).
    reasons: Vec<String>,
    /// For each of `reasons`: whether it states a condition that does not hold.
    unmet: Vec<bool>,
    /// How many of `reasons` come first as failed conditions.
    failed: usize,
    trace: Vec<TraceStep>,
    citations: Vec<Citation>,
    next_steps: Vec<String>,
    services: Vec<Service>,
    /// For each condition with a sentence: its index among all conditions, and where its
    /// sentence went (among the failed ones, or among the others, at that index).
    steps: Vec<(u32, bool, u16)>,
}

impl Texts {
    /// Sized for a typical finding (a few reasons, trace steps and clauses), so that they
    /// are not grown one push at a time.
    fn new() -> Texts {
        Texts {
            reasons: Vec::with_capacity(8),
            unmet: Vec::with_capacity(8),
            failed: 0,
            trace: Vec::with_capacity(8),
            citations: Vec::with_capacity(4),
            next_steps: Vec::new(),
            services: Vec::new(),
            steps: Vec::with_capacity(8),
        }
    }

    /// Out of line, so that deciding (which never makes one) keeps a small builder.
    #[inline(never)]
    fn boxed() -> Box<Texts> {
        Box::new(Texts::new())
    }

    /// A reason after the failed ones; returns its index among them.
    fn push_other(&mut self, s: String, unmet: bool) -> u16 {
        let k = (self.reasons.len() - self.failed) as u16;
        self.reasons.push(s);
        self.unmet.push(unmet);
        k
    }

    /// A failed condition's reason, after the failed ones before it; returns its index.
    fn push_failed(&mut self, s: String) -> u16 {
        let k = self.failed;
        self.reasons.insert(k, s);
        self.unmet.insert(k, true);
        self.failed += 1;
        k as u16
    }
}

/// Builds one decision and, when explaining, its finding (reasons, trace, citations).
/// Every sentence and formula a rule hands it is lazy ([`Say`]): with the renderer off
/// nothing is formatted, and the decision (status, amounts, conditions) is the same.
pub struct FindingBuilder<'c, 'a> {
    pub ctx: &'c Ctx<'a>,
    pub program: ProgrammeId,
    pub member: Option<&'a Member>,
    /// Where this finding's conditions start in the context's list.
    first_condition: u32,
    any_failed: bool,
    needs: Vec<Need>,
    service_ids: Vec<(&'static str, Option<usize>)>,
    /// The provision last cited: the one whose clauses set the conditions that follow.
    provision: Option<&'static str>,
    /// `Some` when explaining.
    text: Option<Box<Texts>>,
    pub monthly: Option<Decimal>,
    pub one_off: Option<Decimal>,
    pub months: Option<u32>,
    pub total: Option<Decimal>,
    pub cap: Option<Decimal>,
    /// A fixed-term payment's last day, when known.
    pub until: Option<chrono::NaiveDate>,
}

impl<'c, 'a> FindingBuilder<'c, 'a> {
    pub fn new(ctx: &'c Ctx<'a>, program: ProgrammeId, member: Option<&'a Member>) -> Self {
        FindingBuilder {
            ctx,
            program,
            member,
            text: ctx.explain.then(Texts::boxed),
            first_condition: ctx.conditions.borrow().len() as u32,
            any_failed: false,
            needs: Vec::new(),
            service_ids: Vec::new(),
            provision: None,
            monthly: None,
            one_off: None,
            months: None,
            total: None,
            cap: None,
            until: None,
        }
    }

    /// Records a condition as data, set by the provision last cited unless it names its own;
    /// `decides`: a condition that does not hold makes the finding fail.
    fn push_condition(&mut self, mut c: Condition, decides: bool) {
        if c.provision.is_none() {
            c.provision = self.provision;
        }
        if decides && c.met == Met::No {
            self.any_failed = true;
        }
        self.ctx.conditions.borrow_mut().push(c);
    }

    /// A condition: recorded as data; its sentence goes to the reasons, met or failed.
    pub fn require(&mut self, c: Condition, met: impl Say, failed: impl Say) -> bool {
        let ok = c.met == Met::Yes;
        self.push_condition(c, true);
        let lang = self.ctx.lang;
        let at = self.ctx.conditions.borrow().len() as u32 - 1;
        if let Some(t) = self.text.as_mut() {
            if ok {
                let k = t.push_other(met.say(lang), false);
                t.steps.push((at, false, k));
            } else {
                let k = t.push_failed(failed.say(lang));
                t.steps.push((at, true, k));
            }
        }
        ok
    }

    /// A condition recorded as data that does not decide here (another rule of the same
    /// programme settles it, e.g. the exit suspension above the standard); its sentence
    /// goes to the reasons.
    pub fn observe(&mut self, c: Condition, t: impl Say) {
        let unmet = c.met == Met::No;
        self.push_condition(c, false);
        let lang = self.ctx.lang;
        let at = self.ctx.conditions.borrow().len() as u32 - 1;
        if let Some(x) = self.text.as_mut() {
            let k = x.push_other(t.say(lang), unmet);
            x.steps.push((at, false, k));
        }
    }

    /// A condition recorded as data only, with no sentence of its own.
    pub fn record(&mut self, c: Condition) {
        self.push_condition(c, true);
    }

    /// A reason that explains without deciding.
    pub fn note(&mut self, t: impl Say) {
        let lang = self.ctx.lang;
        if let Some(x) = self.text.as_mut() {
            x.push_other(t.say(lang), false);
        }
    }

    /// A condition that failed, with no figures to compare.
    pub fn fail(&mut self, id: &'static str, t: impl Say) {
        self.require(Condition::is(id, false), String::new(), t);
    }

    pub fn failed(&self) -> bool {
        self.any_failed
    }

    /// An input or parameter the decision needs and does not have.
    pub fn need(&mut self, n: Need) {
        if !self.needs.contains(&n) {
            self.needs.push(n);
        }
    }

    /// A household input the decision needs (`assets`, `support.dibao_monthly`).
    pub fn need_input(&mut self, path: &'static str) {
        self.need(Need::Input(path));
    }

    /// A field of this finding's member the decision needs (`diagnosed_on`).
    pub fn need_member(&mut self, field: &'static str) {
        self.need(Need::Member(field));
    }

    pub fn has_missing(&self) -> bool {
        !self.needs.is_empty()
    }

    /// The epidemic-period condition, with its dates.
    pub fn require_epidemic(&mut self) -> bool {
        let ctx = self.ctx;
        let e = ctx.epidemic;
        let d = Day::of(ctx.h.as_of);
        // Said the same way by every finding that states it (the period and the day are the
        // household's): formatted once.
        let reason = move |lang: Lang| -> String {
            let said = ctx.epidemic_reason.get_or_init(|| {
                if e.in_period {
                    t!("{d:#} 在疫情防控期间内。", "{d} is within the epidemic period.").say(lang)
                } else {
                    t!(
                        "{d:#} 不在疫情防控期间内，本项疫情期间措施不适用。",
                        "{d} is outside the epidemic period; this epidemic measure does not apply."
                    )
                    .say(lang)
                }
            });
            said.clone()
        };
        self.require(Condition::is("epidemic.in_period", e.in_period), reason, reason)
    }

    pub fn step(&mut self, label: impl Say, formula: impl Say, value: impl Say) {
        let lang = self.ctx.lang;
        if let Some(t) = self.text.as_mut() {
            t.trace.push(TraceStep { label: label.say(lang), formula: formula.say(lang), value: value.say(lang) });
        }
    }

    /// A money figure in the trace (shown rounded, used exact). Returns it.
    pub fn money(&mut self, label: impl Say, formula: impl Say, value: Decimal) -> Decimal {
        if self.text.is_some() {
            self.step(label, formula, fmt2(value));
        }
        value
    }

    /// Reads a number parameter into the trace; `None` (and `missing`) when it has no value.
    pub fn param(&mut self, id: ParamId) -> Option<Decimal> {
        if self.text.is_none() {
            let v = self.ctx.value(id).and_then(ParamValue::number);
            if v.is_none() {
                self.need(Need::Param(id));
            }
            return v;
        }
        let memo =
            self.ctx.param_steps.borrow().iter().find(|(p, _, _)| *p == id).map(|(_, v, step)| (*v, step.clone()));
        let (v, step) = match memo {
            Some(hit) => hit,
            None => {
                let v = self.ctx.number(id);
                let label = self.ctx.param_label(id);
                let src = self.ctx.param_source(id);
                let formula = match self.ctx.lang {
                    Lang::Zh => format!("政策参数（{src}）"),
                    Lang::En => format!("policy parameter ({src})"),
                };
                let shown = v.map_or_else(|| self.ctx.say(t!("无取值", "no value")), |d| d.normalize().to_string());
                let step = TraceStep { label, formula, value: shown };
                self.ctx.param_steps.borrow_mut().push((id, v, step.clone()));
                self.ctx.undated(id);
                (v, step)
            }
        };
        // A parameter read twice in one finding is shown once.
        if let Some(t) = self.text.as_mut() {
            if !t.trace.contains(&step) {
                t.trace.push(step);
            }
        }
        if v.is_none() {
            self.need(Need::Param(id));
        }
        v
    }

    /// The 低保 standard for the residence, read into the trace.
    pub fn standard(&mut self) -> Option<Decimal> {
        let id = self.ctx.standard_id();
        self.param(id)
    }

    /// Cites every clause of one of this programme's provisions; the conditions that
    /// follow are set by it.
    pub fn cite(&mut self, key: &'static str) {
        self.provision = Some(key);
        self.cite_from(self.program, key);
    }

    /// Cites a provision's clauses even where they are not yet in force on `as_of`: for a
    /// finding that says the measure does not apply yet, and which clause it would be.
    pub fn cite_listed(&mut self, key: &'static str) {
        self.provision = Some(key);
        if self.text.is_none() {
            return;
        }
        let Some(refs) = self.ctx.listed(self.program, key) else { return };
        for r in refs {
            self.cite_clause(r);
        }
    }

    pub fn cite_from(&mut self, prog: ProgrammeId, key: &str) {
        if self.text.is_none() {
            return;
        }
        let Some(refs) = self.ctx.provision(prog, key) else { return };
        for r in refs.iter().filter(|r| self.ctx.in_force(r)) {
            self.cite_clause(r);
        }
    }

    pub fn cite_clause(&mut self, r: &ClauseRef) {
        let ctx = self.ctx;
        let Some(t) = self.text.as_mut() else { return };
        if t.citations.iter().any(|c| *c.document_id == *r.document && *c.clause_id == *r.clause) {
            return;
        }
        if let Some(c) = citation(ctx.policies, r, ctx.lang) {
            t.citations.push(c);
        }
    }

    pub fn next(&mut self, t: impl Say) {
        let lang = self.ctx.lang;
        if let Some(x) = self.text.as_mut() {
            x.next_steps.push(t.say(lang));
        }
    }

    pub fn service(&mut self, id: &'static str, member: Option<&Member>, text: impl Say, clause: &ClauseRef) {
        self.service_ids.push((id, member.map(|m| m.index)));
        let lang = self.ctx.lang;
        if let Some(t) = self.text.as_mut() {
            t.services.push(Service {
                id: id.to_string(),
                member: member.map(|m| m.id.clone()),
                text: text.say(lang),
                clause_id: clause.to_string(),
            });
            self.cite_clause(clause);
        }
    }

    pub fn has_services(&self) -> bool {
        !self.service_ids.is_empty()
    }

    /// The status the conditions imply: a failed condition → ineligible; else a missing
    /// input → needs_info; else `ok`.
    pub fn decided(&self, ok: Status) -> Status {
        if self.failed() {
            Status::Ineligible
        } else if self.has_missing() {
            Status::NeedsInfo
        } else {
            ok
        }
    }

    pub fn finish(self, status: Status) -> Verdict {
        let ctx = self.ctx;
        // An amount that needs a missing parameter is null; amounts only for money statuses.
        let money_status = matches!(status, Status::Eligible | Status::Discretionary);
        let amount = |d: Option<Decimal>| if money_status { d } else { None };
        let total = match (self.total, self.monthly, self.months) {
            (Some(t), _, _) => Some(t),
            (None, Some(m), Some(n)) => Some(m * Decimal::from(n)),
            _ => None,
        };
        let member = self.member.map(|m| m.index);
        // A decided "no" (or a service) needs nothing more; keep `missing` where it matters.
        let needs = if matches!(status, Status::Ineligible | Status::Referral) { Vec::new() } else { self.needs };
        if let Some(t) = self.text {
            let t = *t;
            // Each condition tested, with the reason that states it (failed ones come first).
            let conditions = if !cfg!(feature = "flow") {
                Vec::new()
            } else {
                let all = ctx.conditions.borrow();
                let failed = t.failed;
                (self.first_condition as usize..all.len())
                    .map(|i| {
                        let reason =
                            t.steps.iter().find(|s| s.0 as usize == i).map(
                                |&(_, f, k)| {
                                    if f {
                                        k
                                    } else {
                                        failed as u16 + k
                                    }
                                },
                            );
                        (all[i], reason)
                    })
                    .collect()
            };
            ctx.findings.borrow_mut().push(Finding {
                program: self.program,
                name: crate::catalogue::get(self.program).name_in(ctx.lang).to_string(),
                member: self.member.map(|m| m.id.clone()),
                status,
                monthly: amount(self.monthly).map(Amount),
                one_off: amount(self.one_off).map(Amount),
                months: if money_status { self.months } else { None },
                total: amount(total).map(Amount),
                cap: amount(self.cap).map(Amount),
                reasons: t.reasons,
                trace: t.trace,
                citations: t.citations,
                missing: needs.iter().map(|n| n.path(member)).collect(),
                next_steps: if money_status || status == Status::Referral { t.next_steps } else { Vec::new() },
                services: t.services,
                payment: crate::policy::combine::payment(self.program),
                counted: false,
                unmet: t.unmet,
                conditions,
            });
        }
        ctx.decisions.borrow_mut().push(Decision {
            program: self.program,
            member,
            status,
            monthly: amount(self.monthly),
            one_off: amount(self.one_off),
            months: if money_status { self.months } else { None },
            total: amount(total),
            cap: amount(self.cap),
            conditions: self.first_condition..ctx.conditions.borrow().len() as u32,
            missing: needs,
            services: self.service_ids,
            until: self.until,
            count: Default::default(),
        });
        Verdict { _made: () }
    }
}

/// A clause quoted in full, in the language asked: its words shared with the policies.
pub fn citation(policies: &Policies, r: &ClauseRef, lang: Lang) -> Option<Citation> {
    let (doc, clause) = policies.clause(r)?;
    let l = match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    };
    Some(Citation {
        document: doc.quote.name[l].clone(),
        clause: clause.quote.label[l].clone(),
        text: clause.quote.text.clone(),
        document_id: doc.quote.id.clone(),
        clause_id: clause.quote.id.clone(),
    })
}

/// How a figure stands against a threshold it must be below, when it is not: "不低于标准
/// 1,010.00 元，超出 90.00 元" (with `paren`: "不低于标准 1,010.00 元（超出 90.00 元）"), or at the
/// threshold itself "等于标准 1,010.00 元" — never "超出 0.00 元". `what` is the threshold's
/// name in each language ("标准", "the standard of "), possibly empty.
pub fn not_below(lang: Lang, what: (&str, &str), value: Decimal, threshold: Decimal, paren: bool) -> String {
    let (t, d) = (fmt_grouped(threshold), fmt_grouped(value - threshold));
    match (lang, value == threshold, paren) {
        (Lang::Zh, true, _) => format!("等于{} {t} 元", what.0),
        (Lang::Zh, false, false) => format!("不低于{} {t} 元，超出 {d} 元", what.0),
        (Lang::Zh, false, true) => format!("不低于{} {t} 元（超出 {d} 元）", what.0),
        (Lang::En, true, _) => format!("equals {}{t} yuan", what.1),
        (Lang::En, false, _) => format!("is not below {}{t} yuan (over by {d} yuan)", what.1),
    }
}

/// "人均收入 1,100.00 元，高于标准 1,010.00 元，超出 90.00 元" and the like.
pub fn money_words(d: Decimal) -> String {
    fmt_grouped(d)
}
