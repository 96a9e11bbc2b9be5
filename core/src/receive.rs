//! What a household would actually receive, from its decisions and the combination rules
//! of `policies/combine.toml` (contract v1 `summary.receive`): the ongoing monthly amount,
//! the fixed-term payments (each with its months and whether it still runs on `as_of`),
//! the one-off payments, and the findings whose amount is not known — with each finding
//! that another replaces, or that is the poorer of two alternative routes, set aside so
//! that nothing is counted twice.
//!
//! Works on decisions only (no text): the batch totals and the page's headline come from
//! here; [`render`] writes the same figures out with their trace.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::assessment::Status;
use crate::decision::Decision;
use crate::money::round2;
use crate::policy::combine::{self, Payment, RuleKind};

/// How one finding counts in what the household receives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(tag = "as", content = "rule", rename_all = "snake_case")]
pub enum Count {
    /// Not eligible (or pays no money): nothing is received.
    #[default]
    No,
    /// Counted, as this kind of payment.
    Paid(Payment),
    /// Eligible, but not paid beside another finding: the combination rule's index.
    SetAside(u8),
    /// Eligible, but its amount has to be worked out again under the rule (some members are
    /// paid by another programme instead): counted as an amount not known.
    Recompute(u8),
}

/// What the household would receive, as figures.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Receipt {
    /// The ongoing monthly payments, each rounded as paid.
    pub ongoing_monthly: Decimal,
    /// Fixed-term payments: the finding's index and whether it still runs on `as_of`.
    pub fixed_term: Vec<(usize, bool)>,
    /// The sum of their totals (the months counted so far, or the most the term pays).
    pub fixed_term_total: Decimal,
    /// One-off payments.
    pub one_off: Decimal,
    /// Counted findings whose amount is not known (their indices).
    pub unknown: Vec<usize>,
    /// Counted findings whose amount is known.
    pub known: usize,
    /// Findings that wait for a figure only officials know (a parameter with no value).
    pub waiting: usize,
}

/// A fixed-term payment's total: the months counted, or the most the whole term pays.
pub fn term_total(d: &Decision) -> Option<Decimal> {
    d.total.or(d.cap)
}

/// Whether a fixed-term payment still runs on `as_of` (its last day, when known, is later).
pub fn running(d: &Decision, as_of: NaiveDate) -> bool {
    d.until.is_none_or(|u| u > as_of)
}

/// What one finding adds to what the household receives, each payment rounded as paid.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Share {
    pub ongoing_monthly: Decimal,
    pub fixed_term: Decimal,
    pub one_off: Decimal,
    /// Whether its amount is known (a finding not counted adds a known nothing).
    pub known: bool,
}

/// A finding's [`Share`], once [`receive`] has set its [`Count`]: the sums of the shares are
/// the [`Receipt`]'s totals.
pub fn share(d: &Decision) -> Share {
    let mut s = Share { known: true, ..Share::default() };
    let kind = match d.count {
        Count::Paid(kind) => kind,
        Count::Recompute(_) => return Share { known: false, ..s },
        _ => return s,
    };
    let one_off = d.one_off.map(round2);
    if let Some(a) = one_off {
        s.one_off += a;
    }
    let known = match kind {
        Payment::Ongoing => d.monthly.map(|m| s.ongoing_monthly += round2(m)).is_some(),
        Payment::FixedTerm => {
            if d.monthly.is_some() {
                if let Some(t) = term_total(d) {
                    s.fixed_term += round2(t);
                }
            }
            d.monthly.is_some()
        }
        // One month's relief given once is a one-off of its total.
        Payment::OneOff => match (one_off, d.total) {
            (None, Some(t)) => {
                s.one_off += round2(t);
                true
            }
            _ => false,
        },
        Payment::None => true,
    };
    s.known = known || one_off.is_some();
    s
}

/// Sets each decision's [`Count`] and adds up what is received.
pub fn receive(findings: &mut [Decision], members: usize, as_of: NaiveDate) -> Receipt {
    for d in findings.iter_mut() {
        d.count = match (d.status, combine::payment(d.program)) {
            (Status::Eligible, Payment::None) => Count::No,
            (Status::Eligible, p) => Count::Paid(p),
            _ => Count::No,
        };
    }
    for (r, rule) in combine::rules().iter().enumerate() {
        let r = r as u8;
        match rule.kind {
            RuleKind::Replaces => replace(findings, members, r, rule.keep, rule.set_aside),
            RuleKind::Alternative => {
                if let Some(&other) = rule.set_aside.first() {
                    alternative(findings, r, rule.keep, other)
                }
            }
        }
    }
    let mut out = Receipt::default();
    for (i, d) in findings.iter().enumerate() {
        if d.status == Status::NeedsInfo && d.missing.iter().any(|n| matches!(n, crate::decision::Need::Param(_))) {
            out.waiting += 1;
        }
        let Count::Paid(kind) = d.count else {
            if matches!(d.count, Count::Recompute(_)) {
                out.unknown.push(i);
            }
            continue;
        };
        let s = share(d);
        out.ongoing_monthly += s.ongoing_monthly;
        out.fixed_term_total += s.fixed_term;
        out.one_off += s.one_off;
        if kind == Payment::FixedTerm && d.monthly.is_some() {
            out.fixed_term.push((i, running(d, as_of)));
        }
        if s.known {
            out.known += 1;
        } else {
            out.unknown.push(i);
        }
    }
    out
}

fn paid(d: &Decision) -> bool {
    matches!(d.count, Count::Paid(_))
}

/// `keep`, where paid, is paid instead of `aside` for the same person.
fn replace(
    findings: &mut [Decision],
    members: usize,
    rule: u8,
    keep: crate::ids::ProgrammeId,
    aside: &[crate::ids::ProgrammeId],
) {
    let kept = |fs: &[Decision], member: Option<usize>| {
        fs.iter().filter(|k| k.program == keep && paid(k) && (k.member.is_none() || k.member == member)).count()
    };
    for i in 0..findings.len() {
        let d = &findings[i];
        if !aside.contains(&d.program) || !paid(d) {
            continue;
        }
        let count = match d.member {
            Some(m) => (kept(findings, Some(m)) > 0).then_some(Count::SetAside(rule)),
            None => {
                let household = findings.iter().any(|k| k.program == keep && paid(k) && k.member.is_none());
                let persons = (0..members).filter(|&m| kept(findings, Some(m)) > 0).count();
                if household || (members > 0 && persons == members) {
                    Some(Count::SetAside(rule))
                } else if persons > 0 {
                    Some(Count::Recompute(rule))
                } else {
                    None
                }
            }
        };
        if let Some(c) = count {
            findings[i].count = c;
        }
    }
}

/// Two routes to the same help: the one paying more a month is kept (`a` when equal, or
/// when an amount is not known), the other set aside. Compared for the whole household
/// where either is a household programme, else member by member.
fn alternative(findings: &mut [Decision], rule: u8, a: crate::ids::ProgrammeId, b: crate::ids::ProgrammeId) {
    let whole = findings.iter().any(|d| (d.program == a || d.program == b) && d.member.is_none() && paid(d));
    let groups: Vec<Option<usize>> = if whole {
        vec![None]
    } else {
        let mut ms: Vec<Option<usize>> =
            findings.iter().filter(|d| d.program == a && paid(d)).map(|d| d.member).collect();
        ms.dedup();
        ms
    };
    for g in groups {
        let side = |fs: &[Decision], p| -> (usize, Option<Decimal>) {
            let mut n = 0;
            let mut sum = Some(Decimal::ZERO);
            for d in fs.iter().filter(|d| d.program == p && paid(d) && (g.is_none() || d.member == g)) {
                n += 1;
                sum = match (sum, d.monthly) {
                    (Some(s), Some(m)) => Some(s + round2(m)),
                    _ => None,
                };
            }
            (n, sum)
        };
        let ((na, sa), (nb, sb)) = (side(findings, a), side(findings, b));
        if na == 0 || nb == 0 {
            continue;
        }
        let loser = match (sa, sb) {
            (Some(x), Some(y)) if y > x => a,
            _ => b,
        };
        for d in findings.iter_mut() {
            if d.program == loser && paid(d) && (g.is_none() || d.member == g) {
                d.count = Count::SetAside(rule);
            }
        }
    }
}

/// `{}` slots filled in order: one small routine for the headline and the trace's words,
/// rather than a formatting call site per sentence and language (the wasm's size).
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16 * args.len());
    let mut parts = template.split("{}");
    let mut args = args.iter();
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push_str(args.next().copied().unwrap_or_default());
        out.push_str(part);
    }
    out
}

/// The headline's and the trace's words, one language each.
struct Words {
    all_unknown: &'static str,
    known: &'static str,
    known_only: &'static str,
    nothing: &'static str,
    term_months: &'static str,
    term_cap: &'static str,
    term: &'static str,
    once: &'static str,
    more_unknown: &'static str,
    running: &'static str,
    ended: &'static str,
    ongoing_label: &'static str,
    term_label: &'static str,
    once_label: &'static str,
    unknown_label: &'static str,
    unknown_count: &'static str,
    aside_label: &'static str,
    replaced: &'static str,
    recompute: &'static str,
    not_counted: &'static str,
    none: &'static str,
    member: &'static str,
    list: &'static str,
    item: &'static str,
    item_months: &'static str,
    item_cap: &'static str,
    item_term: &'static str,
}

const ZH: Words = Words {
    all_unknown: "{} 项金额待定（要看当地标准）",
    known: "可能符合 {} 项 · 每月约 {} 元",
    known_only: "可能符合 {} 项",
    nothing: "暂时没有可能符合的项目",
    term_months: "限期 {} 元（{} 元/月 × {} 个月，{}）",
    term_cap: "限期每月 {} 元（全期至多 {} 元，{}）",
    term: "限期每月 {} 元（{}）",
    once: "一次性 {} 元",
    more_unknown: "另有 {} 项金额待定",
    running: "仍在发放",
    ended: "已结束",
    ongoing_label: "每月持续领取",
    term_label: "限期按月发放",
    once_label: "一次性发放",
    unknown_label: "金额待定",
    unknown_count: "{} 项",
    aside_label: "不重复计算",
    replaced: "{} 由 {} 代替",
    recompute: "{}：扣除由 {} 保障的成员后重新核算",
    not_counted: "不计入",
    none: "无",
    member: "{}（{}）",
    list: "、",
    item: "{} {}",
    item_months: "{} {} × {} 个月（{}）",
    item_cap: "{} 每月 {}，全期至多 {}（{}）",
    item_term: "{} 每月 {}（{}）",
};

const EN: Words = Words {
    all_unknown: "{} to be set (they depend on local figures)",
    known: "May qualify: {} · about {} yuan a month",
    known_only: "May qualify: {}",
    nothing: "Nothing qualifies at present",
    term_months: "{} yuan for a set term ({} a month × {} months, {})",
    term_cap: "{} yuan a month for a set term (at most {} in all, {})",
    term: "{} yuan a month for a set term ({})",
    once: "one-off {} yuan",
    more_unknown: "another {} with the amount to be set",
    running: "still paid",
    ended: "ended",
    ongoing_label: "Paid every month",
    term_label: "Paid monthly for a set term",
    once_label: "Paid once",
    unknown_label: "Amount not known",
    unknown_count: "{}",
    aside_label: "Not counted twice",
    replaced: "{} replaced by {}",
    recompute: "{}: worked out again without the members paid by {}",
    not_counted: "not counted",
    none: "none",
    member: "{} ({})",
    list: ", ",
    item: "{} {}",
    item_months: "{} {} × {} months ({})",
    item_cap: "{} {} a month, at most {} in all ({})",
    item_term: "{} {} a month ({})",
};

fn words(lang: crate::Lang) -> &'static Words {
    match lang {
        crate::Lang::Zh => &ZH,
        crate::Lang::En => &EN,
    }
}

/// A count as the headline says it: the number alone in Chinese (its 项 is in the words),
/// "1 item" / "2 items" in English.
fn items(n: usize, lang: crate::Lang) -> String {
    match (lang, n) {
        (crate::Lang::Zh, _) => n.to_string(),
        (crate::Lang::En, 1) => "1 item".to_string(),
        (crate::Lang::En, _) => format!("{n} items"),
    }
}

/// The headline a person reads first, from the receipt's figures: how many programmes may
/// pay with a known amount, the ongoing monthly amount, each fixed term with its months and
/// whether it still runs, the one-off sum, and how many amounts are not known yet — so that
/// a one-time or fixed-term sum is never read as monthly.
pub fn headline(r: &crate::assessment::Receive, known: usize, unknown: usize, lang: crate::Lang) -> String {
    use crate::money::fmt_grouped as g;
    let w = words(lang);
    let unknown_n = items(unknown, lang);
    if known == 0 && unknown > 0 {
        return fill(w.all_unknown, &[&unknown_n]);
    }
    // Nothing to count: said in words, not "可能符合 0 项 · 每月约 0.00 元".
    if known == 0 {
        return w.nothing.to_string();
    }
    // Nothing paid every month, only for a set term or once: no "每月约 0.00 元" read first.
    let none_monthly = r.ongoing_monthly.0.is_zero() && (!r.fixed_term.is_empty() || !r.one_off_total.0.is_zero());
    let count = items(known, lang);
    let mut parts = vec![if none_monthly {
        fill(w.known_only, &[&count])
    } else {
        fill(w.known, &[&count, &g(r.ongoing_monthly.0)])
    }];
    for t in &r.fixed_term {
        let state = if t.running { w.running } else { w.ended };
        let monthly = g(t.monthly.0);
        parts.push(match (t.months, t.total) {
            (Some(n), Some(total)) => fill(w.term_months, &[&g(total.0), &monthly, &n.to_string(), state]),
            (_, Some(total)) => fill(w.term_cap, &[&monthly, &g(total.0), state]),
            (_, None) => fill(w.term, &[&monthly, state]),
        });
    }
    if !r.one_off_total.0.is_zero() {
        parts.push(fill(w.once, &[&g(r.one_off_total.0)]));
    }
    if unknown > 0 {
        parts.push(fill(w.more_unknown, &[&unknown_n]));
    }
    parts.join(" · ")
}

/// The contract's `summary.receive`, written from the receipt in the language asked, with
/// the names, members and amounts of the rendered findings (in the decisions' order).
pub fn render(
    decided: &crate::decision::Decisions,
    findings: &[crate::assessment::Finding],
    policies: &crate::policy::Policies,
    documents: &[String],
    lang: crate::Lang,
) -> crate::assessment::Receive {
    use crate::assessment::{Amount, FindingRef, FixedTermPayment, Receive, SetAside, TraceStep};
    use crate::money::fmt2;
    let w = words(lang);
    let r = &decided.receipt;
    let ds = &decided.findings;
    let name = |i: usize| -> String {
        let f = &findings[i];
        f.member.as_ref().map_or_else(|| f.name.clone(), |m| fill(w.member, &[&f.name, m]))
    };
    let at = |i: usize| FindingRef {
        program: findings[i].program,
        member: findings[i].member.clone(),
        name: findings[i].name.clone(),
    };
    let join = |parts: Vec<String>| if parts.is_empty() { w.none.to_string() } else { parts.join(" + ") };
    let step = |label: &str, formula: String, value: String| TraceStep { label: label.to_string(), formula, value };
    let paid = |i: usize| matches!(ds[i].count, Count::Paid(_));
    let mut trace = Vec::new();
    let ongoing: Vec<String> = (0..ds.len())
        .filter(|&i| ds[i].count == Count::Paid(Payment::Ongoing))
        .filter_map(|i| ds[i].monthly.map(|m| fill(w.item, &[&name(i), &fmt2(m)])))
        .collect();
    trace.push(step(w.ongoing_label, join(ongoing), fmt2(r.ongoing_monthly)));
    let mut fixed_term = Vec::new();
    let mut terms = Vec::new();
    for &(i, running) in &r.fixed_term {
        let d = &ds[i];
        let Some(monthly) = d.monthly.map(round2) else { continue };
        let state = if running { w.running } else { w.ended };
        let total = term_total(d).map(round2);
        let (n, m) = (name(i), fmt2(monthly));
        terms.push(match (d.months, total) {
            (Some(k), _) => fill(w.item_months, &[&n, &m, &k.to_string(), state]),
            (None, Some(t)) => fill(w.item_cap, &[&n, &m, &fmt2(t), state]),
            (None, None) => fill(w.item_term, &[&n, &m, state]),
        });
        fixed_term.push(FixedTermPayment {
            program: d.program,
            member: findings[i].member.clone(),
            name: findings[i].name.clone(),
            monthly: Amount(monthly),
            months: d.months,
            total: total.map(Amount),
            running,
            until: d.until.map(|u| u.to_string()),
        });
    }
    if !terms.is_empty() {
        trace.push(step(w.term_label, join(terms), fmt2(r.fixed_term_total)));
    }
    // Each finding's one-off share, as the totals count it (one month's relief given once too).
    let once: Vec<String> = (0..ds.len())
        .filter(|&i| paid(i))
        .filter_map(|i| {
            let a = share(&ds[i]).one_off;
            (!a.is_zero()).then(|| fill(w.item, &[&name(i), &fmt2(a)]))
        })
        .collect();
    if !once.is_empty() {
        trace.push(step(w.once_label, join(once), fmt2(r.one_off)));
    }
    if !r.unknown.is_empty() {
        let names: Vec<String> = r.unknown.iter().map(|&i| name(i)).collect();
        trace.push(step(w.unknown_label, names.join(w.list), fill(w.unknown_count, &[&r.unknown.len().to_string()])));
    }
    let mut set_aside = Vec::new();
    for (i, d) in ds.iter().enumerate() {
        let (rule, recompute) = match d.count {
            Count::SetAside(k) => (k, false),
            Count::Recompute(k) => (k, true),
            _ => continue,
        };
        let Some(rule) = combine::rules().get(rule as usize) else { continue };
        // What is paid instead: the kept programme, or the better alternative route.
        let instead: Vec<usize> = (0..ds.len())
            .filter(|&k| {
                let o = &ds[k];
                paid(k)
                    && (o.program == rule.keep || rule.set_aside.contains(&o.program))
                    && o.program != d.program
                    && (d.member.is_none() || o.member.is_none() || o.member == d.member)
            })
            .collect();
        let citation = rule
            .clause
            .and_then(crate::policy::ClauseRef::parse)
            .filter(|c| documents.contains(&c.document))
            .and_then(|c| crate::engine::citation(policies, &c, lang));
        let instead_names = instead.iter().map(|&k| name(k)).collect::<Vec<_>>().join(" + ");
        let how = if recompute { w.recompute } else { w.replaced };
        trace.push(step(w.aside_label, fill(how, &[&name(i), &instead_names]), w.not_counted.to_string()));
        set_aside.push(SetAside {
            program: d.program,
            member: findings[i].member.clone(),
            name: findings[i].name.clone(),
            rule: rule.id.to_string(),
            instead_of: instead.into_iter().map(at).collect(),
            recompute,
            reason: if lang == crate::Lang::Zh { rule.text } else { rule.text_en }.to_string(),
            citation,
            source: if rule.clause.is_none() { rule.source.map(str::to_string) } else { None },
            confidence: rule.confidence,
        });
    }
    let mut out = Receive {
        headline: String::new(),
        known: r.known,
        ongoing_monthly: Amount(r.ongoing_monthly),
        fixed_term,
        fixed_term_total: Amount(r.fixed_term_total),
        one_off_total: Amount(r.one_off),
        unknown: r.unknown.iter().map(|&i| at(i)).collect(),
        waiting_for_local_figures: r.waiting,
        set_aside,
        trace,
    };
    out.headline = headline(&out, r.known, r.unknown.len() + r.waiting, lang);
    out
}
