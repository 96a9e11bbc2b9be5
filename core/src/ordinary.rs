//! What the 2020 notices changed for a household: the same household under the ordinary
//! rules, with the place's epidemic measures switched off, side by side with the answer.
//!
//! Which provisions, programmes, parameter values and price-subsidy groups are epidemic
//! measures is data: each place's `[epidemic.…]` tables, each measure with its clauses
//! ([`crate::policy::Measure`]). Switched off, a programme does not exist, a provision is
//! not listed, a parameter's values set by the measure's clauses give way to the value
//! before them, and a group is not named: the ordinary place ([`ordinary_place`]) is decided
//! by the same rules as any other.
//!
//! The comparison works on decisions: per finding the status, the amounts and what the
//! household receives from it ([`crate::receive::share`], whose sums are the receipt's
//! totals) under both, the difference in money, and the measures that make it — each
//! measure switched off alone, the findings it changes are its own. Sentences are written
//! only when asked ([`word`]).

use rust_decimal::Decimal;
use serde::Serialize;

use crate::assessment::{Amount, Citation, Status};
use crate::decision::{Decision, Decisions};
use crate::household::Household;
use crate::ids::ProgrammeId;
use crate::policy::{Jurisdiction, MeasureKind, Policies};
use crate::receive::{share, Count, Share};
use crate::text::Lang;
use crate::Options;

/// The household under its place's rules and under the ordinary rules.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Comparison {
    /// The place's epidemic measures, each with its clauses quoted.
    pub measures: Vec<MeasureUse>,
    /// What the household receives with the measures (the assessment's `summary.receive`).
    pub epidemic: Figures,
    /// What it would receive under the ordinary rules.
    pub ordinary: Figures,
    /// Epidemic less ordinary, for each kind of payment.
    pub difference: Money,
    /// One row per finding of the answer, in its order.
    pub findings: Vec<Row>,
    /// The ordinary rules' headline, when worded ([`word`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null, when not worded: a plain string in the schema (left out of `required`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub headline: Option<String>,
}

/// An epidemic measure of the place, and whether it changes anything for this household.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeasureUse {
    pub kind: MeasureKind,
    /// A programme id, `programme.provision`, a parameter id, or a price-subsidy group.
    pub key: String,
    /// Whether switching it off alone changes a finding.
    pub changes: bool,
    pub citations: Vec<Citation>,
}

/// What a household receives: the figures of `summary.receive`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Figures {
    pub eligible: usize,
    pub ongoing_monthly: Amount,
    pub fixed_term_total: Amount,
    pub one_off_total: Amount,
    pub amounts_unknown: usize,
}

/// Money by kind of payment: ongoing a month, fixed-term in all, one-off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "MoneyByKind"))]
pub struct Money {
    pub ongoing_monthly: Amount,
    pub fixed_term: Amount,
    pub one_off: Amount,
}

impl Money {
    fn of(s: Share) -> Money {
        Money {
            ongoing_monthly: Amount(s.ongoing_monthly),
            fixed_term: Amount(s.fixed_term),
            one_off: Amount(s.one_off),
        }
    }

    fn minus(self, o: Money) -> Money {
        Money {
            ongoing_monthly: Amount(self.ongoing_monthly.0 - o.ongoing_monthly.0),
            fixed_term: Amount(self.fixed_term.0 - o.fixed_term.0),
            one_off: Amount(self.one_off.0 - o.one_off.0),
        }
    }

    pub fn is_zero(&self) -> bool {
        self.ongoing_monthly.0.is_zero() && self.fixed_term.0.is_zero() && self.one_off.0.is_zero()
    }
}

/// One finding under both rules.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ComparisonRow"))]
pub struct Row {
    pub program: ProgrammeId,
    pub member: Option<String>,
    pub epidemic: Side,
    /// `None`: the programme does not exist under the ordinary rules.
    pub ordinary: Option<Side>,
    /// Whether the two differ (status, amounts, or what is received).
    pub changed: bool,
    /// What the household receives from it, epidemic less ordinary; `None` when an amount
    /// on either side is not known.
    pub difference: Option<Money>,
    /// The keys of the measures that make the difference.
    pub measures: Vec<String>,
    /// The difference in a sentence, when worded ([`word`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    // Absent, never null, when not worded: a plain string in the schema (left out of `required`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub sentence: Option<String>,
}

/// A finding's decision on one side.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(rename = "ComparisonSide"))]
pub struct Side {
    pub status: Status,
    pub monthly: Option<Amount>,
    pub one_off: Option<Amount>,
    pub months: Option<u32>,
    pub total: Option<Amount>,
    /// Whether it is in the household's totals (not set aside beside another).
    pub counted: bool,
    /// What the household receives from it; `None` when its amount is not known.
    pub receives: Option<Money>,
}

impl Side {
    fn of(d: &Decision) -> Side {
        let s = share(d);
        Side {
            status: d.status,
            monthly: d.monthly.map(Amount),
            one_off: d.one_off.map(Amount),
            months: d.months,
            total: d.total.map(Amount),
            counted: matches!(d.count, Count::Paid(_)),
            receives: s.known.then(|| Money::of(s)),
        }
    }
}

/// Whether a finding differs under the ordinary rules: a programme they do not have differs
/// only where it does something for the household.
fn differs(e: Side, o: Option<Side>) -> bool {
    match o {
        Some(o) => o != e,
        None => e.status != Status::Ineligible,
    }
}

fn figures(d: &Decisions) -> Figures {
    let t = d.totals;
    Figures {
        eligible: t.eligible,
        ongoing_monthly: Amount(t.monthly_total),
        fixed_term_total: Amount(t.fixed_term_total),
        one_off_total: Amount(t.one_off_total),
        amounts_unknown: t.amounts_unknown,
    }
}

/// The place `j` with the measures `off` says (by their position in `j.epidemic`) switched off.
pub fn ordinary_place(j: &Jurisdiction, off: impl Fn(usize) -> bool) -> Jurisdiction {
    let mut o = j.clone();
    for (_, m) in j.epidemic.iter().enumerate().filter(|(i, _)| off(*i)) {
        match m.kind {
            MeasureKind::Programme => o.programmes.retain(|p| p.id.as_str() != m.key),
            MeasureKind::Provision => {
                let (prog, key) = m.key.split_once('.').unwrap_or((&m.key, ""));
                for p in o.programmes.iter_mut().filter(|p| p.id.as_str() == prog) {
                    p.provisions.remove(key);
                }
            }
            MeasureKind::Parameter => {
                if let Some(p) = o.parameters.get_mut(&m.key) {
                    let set_by_measure = |c: &crate::policy::ClauseRef| {
                        m.clauses.iter().any(|x| x.document == c.document && x.clause == c.clause)
                    };
                    p.values.retain(|v| !v.source.clause.as_ref().is_some_and(set_by_measure));
                }
            }
            MeasureKind::Group => {
                for p in o.programmes.iter_mut() {
                    p.groups.retain(|g| *g != m.key);
                }
            }
        }
    }
    o
}

/// The household decided under the ordinary rules (every measure of its place switched off).
pub fn decide_ordinary(h: &Household, policies: &Policies) -> Decisions {
    match policies.jurisdiction(&h.jurisdiction) {
        Some(j) => crate::decide_in(h, &ordinary_place(j, |_| true), policies),
        None => crate::decide(h, policies),
    }
}

/// The household assessed under the ordinary rules, as [`crate::explain`] assesses it.
pub fn explain_ordinary(h: &Household, policies: &Policies, options: Options) -> (crate::Assessment, Decisions) {
    match policies.jurisdiction(&h.jurisdiction) {
        Some(j) => crate::explain_in(h, &ordinary_place(j, |_| true), policies, options),
        None => crate::explain(h, policies, options),
    }
}

/// The household under its place's rules and under the ordinary rules, on decisions; the
/// clauses are quoted in `options.lang`'s words (their texts are Chinese).
pub fn compare(h: &Household, policies: &Policies, options: Options) -> Comparison {
    let epidemic = crate::decide(h, policies);
    let Some(j) = policies.jurisdiction(&h.jurisdiction) else {
        let f = figures(&epidemic);
        return Comparison {
            measures: Vec::new(),
            epidemic: f,
            ordinary: f,
            difference: Money::default(),
            findings: Vec::new(),
            headline: None,
        };
    };
    let ordinary = crate::decide_in(h, &ordinary_place(j, |_| true), policies);
    let key = |d: &Decision| (d.program, d.member);
    let find = |ds: &Decisions, d: &Decision| ds.findings.iter().find(|o| key(o) == key(d)).map(Side::of);
    // Each measure switched off alone: the findings it changes.
    let alone: Vec<Decisions> =
        (0..j.epidemic.len()).map(|i| crate::decide_in(h, &ordinary_place(j, |k| k == i), policies)).collect();
    let changes = |i: usize, d: &Decision| differs(Side::of(d), find(&alone[i], d));
    let measures: Vec<MeasureUse> = j
        .epidemic
        .iter()
        .enumerate()
        .map(|(i, m)| MeasureUse {
            kind: m.kind,
            key: m.key.clone(),
            changes: epidemic.findings.iter().any(|d| changes(i, d)),
            citations: m.clauses.iter().filter_map(|r| crate::engine::citation(policies, r, options.lang)).collect(),
        })
        .collect();
    let findings = epidemic
        .findings
        .iter()
        .map(|d| {
            let (e, o) = (Side::of(d), find(&ordinary, d));
            let changed = differs(e, o);
            let mut by: Vec<String> = Vec::new();
            if changed {
                by = (0..j.epidemic.len()).filter(|&i| changes(i, d)).map(|i| j.epidemic[i].key.clone()).collect();
                // No measure alone makes it: they do together.
                if by.is_empty() {
                    by = measures.iter().filter(|m| m.changes).map(|m| m.key.clone()).collect();
                }
            }
            let none = Some(Money::default());
            let difference = match (e.receives, o.map_or(none, |o| o.receives)) {
                (Some(a), Some(b)) => Some(a.minus(b)),
                _ => None,
            };
            Row {
                program: d.program,
                member: d.member.and_then(|i| h.members.get(i)).map(|m| m.id.clone()),
                epidemic: e,
                ordinary: o,
                changed,
                difference,
                measures: by,
                sentence: None,
            }
        })
        .collect();
    let (fe, fo) = (figures(&epidemic), figures(&ordinary));
    let difference = Money {
        ongoing_monthly: Amount(fe.ongoing_monthly.0 - fo.ongoing_monthly.0),
        fixed_term: Amount(fe.fixed_term_total.0 - fo.fixed_term_total.0),
        one_off: Amount(fe.one_off_total.0 - fo.one_off_total.0),
    };
    Comparison { measures, epidemic: fe, ordinary: fo, difference, findings, headline: None }
}

/// Writes each changed row's sentence, in `lang`: what differs and the measures that make
/// it, each with its clause ("疫情期间务工成本扣减（转发国发明电〔2020〕9号 二（五）第4句）：最低
/// 生活保障（低保）每月多 500.00 元").
pub fn word(c: &mut Comparison, h: &Household, policies: &Policies, lang: Lang) {
    let Some(j) = policies.jurisdiction(&h.jurisdiction) else { return };
    let (a, _) = explain_ordinary(h, policies, Options { lang });
    c.headline = Some(a.summary.receive.headline);
    let measures = &c.measures;
    for row in c.findings.iter_mut().filter(|r| r.changed) {
        let because: Vec<String> = row
            .measures
            .iter()
            .filter_map(|k| measures.iter().find(|m| m.key == *k))
            .map(|m| {
                let cites: Vec<String> =
                    m.citations.iter().map(|x| format!("{} {}", number(policies, &x.document_id), x.clause)).collect();
                let sep = if lang == Lang::Zh { "；" } else { "; " };
                // A programme that exists only in the epidemic, on its own row.
                let name = match (m.kind, lang) {
                    (MeasureKind::Programme, Lang::Zh) if m.key == row.program.as_str() => "疫情期间才有的救助".into(),
                    (MeasureKind::Programme, Lang::En) if m.key == row.program.as_str() => {
                        "relief that exists only in the epidemic".into()
                    }
                    _ => measure_name(m, j, h, lang),
                };
                match lang {
                    Lang::Zh => format!("{name}（{}）", cites.join(sep)),
                    Lang::En => format!("{name} ({})", cites.join(sep)),
                }
            })
            .collect();
        let name = crate::catalogue::get(row.program).name_in(lang).to_string();
        let who = match (&row.member, lang) {
            (Some(m), Lang::Zh) => format!("{name}（{m}）"),
            (Some(m), Lang::En) => format!("{name} ({m})"),
            (None, _) => name,
        };
        let what = change(row, lang);
        let sep = if lang == Lang::Zh { "、" } else { ", " };
        row.sentence = Some(match lang {
            Lang::Zh => format!("{}：{who}{what}", because.join(sep)),
            Lang::En => format!("{}: {who} {what}", because.join(sep)),
        });
    }
}

/// The document's number, for citing a clause briefly.
fn number(policies: &Policies, id: &str) -> String {
    match policies.document(id) {
        Some(d) => d.number.clone(),
        None => id.to_string(),
    }
}

/// A status in a few words.
fn status(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Eligible, Lang::Zh) => "可能符合",
        (Status::Ineligible, Lang::Zh) => "不符合",
        (Status::NeedsInfo, Lang::Zh) => "需补充信息",
        (Status::Discretionary, Lang::Zh) => "需个案研究",
        (Status::Referral, Lang::Zh) => "服务转介",
        (Status::Eligible, Lang::En) => "may apply",
        (Status::Ineligible, Lang::En) => "does not apply",
        (Status::NeedsInfo, Lang::En) => "needs information",
        (Status::Discretionary, Lang::En) => "case by case",
        (Status::Referral, Lang::En) => "referral",
    }
}

/// "每月多 500.00 元（按常规规定：可能符合，每月 520.00 元）" and the like.
fn change(row: &Row, lang: Lang) -> String {
    use crate::money::fmt_grouped as g;
    let zh = lang == Lang::Zh;
    let mut parts: Vec<String> = Vec::new();
    match row.difference {
        Some(d) => {
            for (v, zh_w, en_w) in [
                (d.ongoing_monthly.0, "每月", "a month"),
                (d.fixed_term.0, "限期合计", "in fixed-term payments"),
                (d.one_off.0, "一次性", "as a one-off"),
            ] {
                if v.is_zero() {
                    continue;
                }
                let more = v > Decimal::ZERO;
                parts.push(match (zh, more) {
                    (true, true) => format!("{zh_w}多 {} 元", g(v)),
                    (true, false) => format!("{zh_w}少 {} 元", g(-v)),
                    (false, true) => format!("{} yuan more {en_w}", g(v)),
                    (false, false) => format!("{} yuan less {en_w}", g(-v)),
                });
            }
        }
        None => parts.push(if zh { "金额待定".into() } else { "amount not yet known".into() }),
    }
    let e = status(row.epidemic.status, lang);
    let ordinary = match (row.ordinary, zh) {
        (Some(o), _) => status(o.status, lang).to_string(),
        (None, true) => "没有此项".into(),
        (None, false) => "no such programme".into(),
    };
    let status_changed = row.ordinary.is_none_or(|o| o.status != row.epidemic.status);
    let sep = if zh { "，" } else { ", " };
    let head = if parts.is_empty() {
        if zh {
            "金额或计入方式不同".to_string()
        } else {
            "differs in amount or in how it counts".to_string()
        }
    } else {
        parts.join(sep)
    };
    // The same status, counted on one side only (another programme paid instead).
    let counted = row.ordinary.filter(|o| o.counted != row.epidemic.counted).map(|_| row.epidemic.counted);
    match (zh, status_changed, counted) {
        (true, true, _) => format!("{head}（疫情期间：{e}；按常规规定：{ordinary}）"),
        (false, true, _) => format!("{head} (epidemic rules: {e}; ordinary rules: {ordinary})"),
        (true, false, Some(false)) => format!("{head}（疫情期间由其他项目代替，不计入合计）"),
        (false, false, Some(false)) => format!("{head} (under the epidemic rules another programme is paid instead)"),
        (true, false, Some(true)) => format!("{head}（按常规规定由其他项目代替）"),
        (false, false, Some(true)) => format!("{head} (under the ordinary rules another programme is paid instead)"),
        _ => head,
    }
}

/// A measure in a few words: what it is, not where (the clauses say where).
fn measure_name(m: &MeasureUse, j: &Jurisdiction, h: &Household, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let pick = |a: &str, b: &str| if zh { a.to_string() } else { b.to_string() };
    match m.kind {
        MeasureKind::Programme => {
            let name = ProgrammeId::parse(&m.key)
                .map_or(m.key.clone(), |p| crate::catalogue::get(p).name_in(lang).to_string());
            if zh {
                format!("疫情期间的“{name}”")
            } else {
                format!("the epidemic's “{name}”")
            }
        }
        MeasureKind::Group => {
            let name = crate::programmes::price_subsidy::group_name(&m.key, lang).to_string();
            if zh {
                format!("价格临时补贴对象扩大到{name}")
            } else {
                format!("the price subsidy extended to {name}")
            }
        }
        MeasureKind::Parameter => {
            let Some(p) = j.parameters.get(&m.key) else { return m.key.clone() };
            let label = if zh { p.label.clone() } else { p.label_en.clone() };
            let now = p.entry_on(h.as_of).and_then(|v| v.value);
            let before = ordinary_place(j, |i| j.epidemic.get(i).is_some_and(|x| x.key == m.key))
                .parameters
                .get(&m.key)
                .and_then(|p| p.entry_on(h.as_of))
                .and_then(|v| v.value);
            match (now, before) {
                (Some(a), Some(b)) if zh => format!("“{label}”由 {} 改为 {}", b.display(lang), a.display(lang)),
                (Some(a), Some(b)) => format!("“{label}” raised from {} to {}", b.display(lang), a.display(lang)),
                _ => format!("“{label}”"),
            }
        }
        MeasureKind::Provision => {
            let key = m.key.split_once('.').map_or(m.key.as_str(), |(_, k)| k);
            match key {
                "work_cost_fixed" | "work_cost_min_wage" => {
                    pick("疫情期间务工成本扣减", "the epidemic's work-cost deduction")
                }
                "exit_suspended" | "exit_if_decided" | "exit_unless_income_rose" => {
                    pick("疫情期间暂停低保退出", "exit from dibao suspended during the epidemic")
                }
                "gap_adjusted" => pick("疫情期间及时调整补差金额", "the gap adjusted at once during the epidemic"),
                "adult_extension" => {
                    pick("成年孤儿待疫情结束后退出保障", "orphans who come of age kept until the epidemic ends")
                }
                "minor_age" => pick("特困供养未成年人年龄延长", "tekun's age limit for minors raised"),
                "fast_track" => pick("疫情期间当日审批", "same-day approval during the epidemic"),
                "patients" | "jobless" => {
                    pick("疫情期间对外来人员的临时救助", "the epidemic's relief for people from elsewhere")
                }
                k if k.ends_with("_inclusion") => pick("疫情期间及时纳入保障", "the epidemic's prompt inclusion"),
                k => k.to_string(),
            }
        }
    }
}
