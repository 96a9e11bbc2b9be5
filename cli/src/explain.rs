//! `doudi explain [FILE|-] [--full]`: the assessment as text for a caseworker: the household
//! in figures, then each finding grouped by status (可能符合, 需补充信息, 需个案研究, 服务转介,
//! 不符合) with its amounts, reasons, calculation, the clauses quoted, and the assumptions.
//! By default what does not apply is one line a programme and reason (its first failed
//! condition, with the distance where there is one); `--full` writes each finding whole.

use std::fmt::Write as _;
use std::io::Write as _;

use doudi_core::assessment::{Citation, TraceStep};
use doudi_core::money::fmt_grouped;
use doudi_core::{Amount, Assessment, Finding, Lang, Status};
use unicode_width::UnicodeWidthStr;

use crate::args::ExplainArgs;
use crate::failure::Failure;

pub fn run(args: &ExplainArgs) -> Result<(), Failure> {
    let policies = crate::policies::get(&args.policies)?;
    let text = crate::read::whole(args.path())?;
    let options = args.lang.options();
    let (assessment, ordinary) = match args.compare {
        Some(_) => {
            let (a, c) = crate::evaluate::with_ordinary(&text, policies, options)?;
            (a, Some(c))
        }
        None => (crate::evaluate::evaluate_json(&text, policies, options)?, None),
    };
    let place = place_name(policies, &assessment.jurisdiction, assessment.lang);
    let mut out = std::io::stdout().lock();
    let mut text = if args.full { render(&assessment, &place) } else { render_short(&assessment, &place) };
    if let Some(c) = &ordinary {
        render_ordinary(&mut text, c, assessment.lang);
    }
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// `天津市（tianjin）`, or the id alone if the policies do not name it.
fn place_name(policies: &doudi_core::policy::Policies, id: &str, lang: Lang) -> String {
    let j = policies.jurisdiction(id);
    match (j, lang) {
        (Some(j), Lang::Zh) => format!("{}（{id}）", j.name),
        (Some(j), Lang::En) => format!("{} ({id})", j.name_en),
        (None, _) => id.to_string(),
    }
}

/// The whole text, in the assessment's language.
pub fn render(a: &Assessment, place: &str) -> String {
    render_with(a, place, true)
}

/// The text for the counter: what may apply in full, what does not in a line each.
pub fn render_short(a: &Assessment, place: &str) -> String {
    render_with(a, place, false)
}

fn render_with(a: &Assessment, place: &str, full: bool) -> String {
    let w = words(a.lang);
    let mut s = String::new();
    heading(&mut s, w.title, '=');
    let s_ = &a.summary;
    let yes_no = if s_.in_epidemic_period { w.yes } else { w.no };
    let period = match (&s_.epidemic_start, &s_.epidemic_end) {
        (Some(start), end) => w.period_range(yes_no, start, end.as_deref()),
        (None, _) => yes_no.to_string(),
    };
    let rows = [
        (w.place, place.to_string()),
        (w.date, doudi_core::text::day_words(&a.as_of, a.lang)),
        (w.version, a.policy_version.clone()),
        (w.members, format!("{}{}", s_.members, w.persons)),
        (w.counted, format!("{}{}", money(w, s_.counted_income), w.per_month)),
        (w.per_capita, format!("{}{}", money(w, s_.per_capita_income), w.per_person_month)),
        (w.standard, s_.standard.map_or(w.unknown.to_string(), |v| format!("{}{}", money(w, v), w.per_person_month))),
        (w.period, period),
        (w.result, s_.receive.headline.clone()),
    ];
    table(&mut s, "", rows.iter().map(|(k, v)| [k.to_string(), v.clone()]).collect(), &[]);
    s.push('\n');
    receive(&mut s, w, &s_.receive);
    // Each finding ends with a blank line, which separates it from the next heading.
    for (status, title) in w.groups {
        let group: Vec<&Finding> = a.findings.iter().filter(|f| f.status == status).collect();
        if group.is_empty() {
            continue;
        }
        heading(&mut s, &format!("{title}{}", w.count(group.len())), '-');
        if status == Status::Ineligible && !full {
            short_lines(&mut s, w, &group);
            continue;
        }
        for (i, f) in group.iter().enumerate() {
            finding(&mut s, w, i + 1, f);
        }
    }
    if !a.assumptions.is_empty() {
        heading(&mut s, w.assumptions, '-');
        for (i, x) in a.assumptions.iter().enumerate() {
            let _ = writeln!(s, "{}. {}", i + 1, x.text);
        }
    }
    s
}

/// The household under the ordinary rules beside the answer: the totals side by side, the
/// ordinary rules' headline, then each difference with the measures and clauses behind it.
pub fn render_ordinary(s: &mut String, c: &doudi_core::ordinary::Comparison, lang: Lang) {
    let w = words(lang);
    let zh = lang == Lang::Zh;
    let pick = |a: &'static str, b: &'static str| if zh { a } else { b };
    s.push('\n');
    heading(
        s,
        pick("与常规规定比较（疫情期间措施不计）", "Compared with the ordinary rules (without the epidemic measures)"),
        '-',
    );
    let signed = |a: Amount| {
        let v = money(w, a);
        if a.0 > rust_decimal::Decimal::ZERO {
            format!("+{v}")
        } else {
            v
        }
    };
    let (e, o, d) = (&c.epidemic, &c.ordinary, &c.difference);
    let rows = vec![
        [
            String::new(),
            pick("疫情期间", "epidemic rules").into(),
            pick("常规规定", "ordinary rules").into(),
            pick("差额", "difference").into(),
        ],
        [
            pick("每月持续领取", "Ongoing a month").into(),
            money(w, e.ongoing_monthly),
            money(w, o.ongoing_monthly),
            signed(d.ongoing_monthly),
        ],
        [
            pick("限期合计", "Fixed-term in all").into(),
            money(w, e.fixed_term_total),
            money(w, o.fixed_term_total),
            signed(d.fixed_term),
        ],
        [pick("一次性", "One-off").into(), money(w, e.one_off_total), money(w, o.one_off_total), signed(d.one_off)],
        [
            pick("金额待定（项）", "Amounts not known").into(),
            e.amounts_unknown.to_string(),
            o.amounts_unknown.to_string(),
            String::new(),
        ],
    ];
    table(s, "", rows, &[1, 2, 3]);
    if let Some(h) = &c.headline {
        let _ = writeln!(s, "{}{h}", pick("按常规规定：", "Under the ordinary rules: "));
    }
    s.push('\n');
    let changed: Vec<_> = c.findings.iter().filter(|r| r.changed).collect();
    if changed.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            pick("疫情期间的措施没有改变本户的测算结果。", "The epidemic measures change nothing for this household.")
        );
        return;
    }
    for (i, r) in changed.iter().enumerate() {
        let _ = writeln!(s, "{}. {}", i + 1, r.sentence.as_deref().unwrap_or_default());
        let mut n = 0;
        for k in &r.measures {
            for x in c.measures.iter().filter(|m| m.key == *k).flat_map(|m| &m.citations) {
                n += 1;
                citation(s, w, n, x);
            }
        }
    }
}

/// How the headline's figures are made up: each total with its findings, and each finding
/// not counted beside another, with the rule's reason and clause.
fn receive(s: &mut String, w: &Words, r: &doudi_core::assessment::Receive) {
    heading(s, w.receive, '-');
    table(s, "", r.trace.iter().map(trace_row).collect(), &[2]);
    for (i, x) in r.set_aside.iter().enumerate() {
        let _ = writeln!(s, "{}. {}", i + 1, x.reason);
        if let Some(c) = &x.citation {
            citation(s, w, 1, c);
        } else if let Some(source) = &x.source {
            let _ = writeln!(s, "   {}{source}", w.source);
        }
    }
    s.push('\n');
}

/// What does not apply, a line a programme and reason: the first reason is the first
/// condition that failed; the members it holds for are named together.
fn short_lines(s: &mut String, w: &Words, group: &[&Finding]) {
    let mut lines: Vec<(&str, Vec<&str>, &str)> = Vec::new();
    for f in group {
        let first = f.reasons.first().map_or("", String::as_str);
        let member = f.member.as_deref();
        match lines.last_mut() {
            Some((name, members, reason)) if *name == f.name && *reason == first => members.extend(member),
            _ => lines.push((&f.name, member.into_iter().collect(), first)),
        }
    }
    for (i, (name, members, reason)) in lines.iter().enumerate() {
        let who = if members.is_empty() { String::new() } else { format!(" — {}", members.join(w.list_sep)) };
        let _ = writeln!(s, "{}. {name}{who}{}{reason}", i + 1, w.colon);
    }
    let _ = writeln!(s, "{}\n", w.more);
}

fn finding(s: &mut String, w: &Words, n: usize, f: &Finding) {
    let member = f.member.as_ref().map_or(String::new(), |m| format!(" — {} {m}", w.member));
    let _ = writeln!(s, "{n}. {}{member}  [{}]", f.name, f.program.as_str());
    let indent = "   ";
    let amounts = amounts(w, f);
    if !amounts.is_empty() {
        let _ = writeln!(s, "{indent}{}{}", w.amounts, amounts.join(w.sep));
    }
    list(s, w.reasons, &f.reasons);
    if !f.trace.is_empty() {
        let _ = writeln!(s, "{indent}{}", w.trace);
        table(s, "     ", f.trace.iter().map(trace_row).collect(), &[2]);
    }
    if !f.citations.is_empty() {
        let _ = writeln!(s, "{indent}{}", w.citations);
        for (i, c) in f.citations.iter().enumerate() {
            citation(s, w, i + 1, c);
        }
    }
    if !f.missing.is_empty() {
        let _ = writeln!(s, "{indent}{}{}", w.missing, f.missing.join(w.list_sep));
    }
    let services: Vec<String> = f
        .services
        .iter()
        .map(|x| match &x.member {
            Some(m) => format!("{} {m}: {}", w.member, x.text),
            None => x.text.clone(),
        })
        .collect();
    list(s, w.services, &services);
    list(s, w.next_steps, &f.next_steps);
    s.push('\n');
}

/// `每月 1,530.00 元`, `一次性 500.00 元`, `3 个月`, `合计 …`, `上限 …`: those the finding fixes.
fn amounts(w: &Words, f: &Finding) -> Vec<String> {
    let mut v = Vec::new();
    if let Some(m) = f.monthly {
        v.push(format!("{}{}", w.monthly, money(w, m)));
    }
    if let Some(m) = f.one_off {
        v.push(format!("{}{}", w.one_off, money(w, m)));
    }
    if let Some(n) = f.months {
        v.push(w.months(n));
    }
    if let Some(m) = f.total {
        v.push(format!("{}{}", w.total, money(w, m)));
    }
    if let Some(m) = f.cap {
        v.push(format!("{}{}", w.cap, money(w, m)));
    }
    v
}

fn trace_row(t: &TraceStep) -> [String; 3] {
    [t.label.clone(), t.formula.clone(), t.value.clone()]
}

fn citation(s: &mut String, w: &Words, n: usize, c: &Citation) {
    let mark = format!("[{n}] ");
    let _ = writeln!(s, "     {mark}{}{}{}", c.document, w.clause_sep, c.clause);
    let pad = " ".repeat(5 + mark.width());
    let _ = writeln!(s, "{pad}“{}”", c.text);
}

fn list(s: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(s, "   {title}");
    for item in items {
        let _ = writeln!(s, "     · {item}");
    }
}

/// Rows of cells, each column padded to its widest cell (Chinese characters count two
/// columns); the columns in `right` are aligned right. The last column is not padded.
fn table<const N: usize>(s: &mut String, indent: &str, rows: Vec<[String; N]>, right: &[usize]) {
    let mut widths = [0usize; N];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    for row in &rows {
        let mut line = String::from(indent);
        for (i, cell) in row.iter().enumerate() {
            let pad = " ".repeat(widths[i] - cell.width());
            if i > 0 {
                line.push_str("  ");
            }
            if right.contains(&i) {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                if i + 1 < N {
                    line.push_str(&pad);
                }
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
}

fn heading(s: &mut String, title: &str, underline: char) {
    let _ = writeln!(s, "{title}");
    let _ = writeln!(s, "{}", underline.to_string().repeat(title.width()));
}

fn money(w: &Words, a: Amount) -> String {
    format!("{} {}", fmt_grouped(a.0), w.yuan)
}

/// Every fixed word of the text, in one language.
struct Words {
    title: &'static str,
    place: &'static str,
    date: &'static str,
    version: &'static str,
    members: &'static str,
    persons: &'static str,
    counted: &'static str,
    per_capita: &'static str,
    standard: &'static str,
    period: &'static str,
    result: &'static str,
    per_month: &'static str,
    per_person_month: &'static str,
    unknown: &'static str,
    yes: &'static str,
    no: &'static str,
    open: &'static str,
    yuan: &'static str,
    groups: [(Status, &'static str); 5],
    colon: &'static str,
    more: &'static str,
    member: &'static str,
    amounts: &'static str,
    monthly: &'static str,
    one_off: &'static str,
    total: &'static str,
    cap: &'static str,
    sep: &'static str,
    list_sep: &'static str,
    reasons: &'static str,
    trace: &'static str,
    citations: &'static str,
    clause_sep: &'static str,
    missing: &'static str,
    services: &'static str,
    next_steps: &'static str,
    assumptions: &'static str,
    receive: &'static str,
    source: &'static str,
    lang: Lang,
}

impl Words {
    fn count(&self, n: usize) -> String {
        match self.lang {
            Lang::Zh => format!("（{n} 项）"),
            Lang::En => format!(" ({n})"),
        }
    }

    /// `是（2020-01-24 至 2023-01-08）`.
    fn period_range(&self, yes_no: &str, start: &str, end: Option<&str>) -> String {
        let start = doudi_core::text::day_words(start, self.lang);
        let end = end.map_or(self.open.to_string(), |e| doudi_core::text::day_words(e, self.lang));
        match self.lang {
            Lang::Zh => format!("{yes_no}（{start} 至 {end}）"),
            Lang::En => format!("{yes_no} ({start} to {end})"),
        }
    }

    fn months(&self, n: u32) -> String {
        match (self.lang, n) {
            (Lang::Zh, _) => format!("{n} 个月"),
            (Lang::En, 1) => "1 month".into(),
            (Lang::En, _) => format!("{n} months"),
        }
    }
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

static ZH: Words = Words {
    title: "社会救助测算说明",
    place: "地区",
    date: "测算日期",
    version: "政策版本",
    members: "家庭人数",
    persons: " 人",
    counted: "计入收入",
    per_capita: "人均收入",
    standard: "低保标准",
    period: "疫情防控期间",
    result: "测算结果",
    per_month: "/月",
    per_person_month: "/人/月",
    unknown: "未知（无数据）",
    yes: "是",
    no: "否",
    open: "未结束",
    yuan: "元",
    groups: [
        (Status::Eligible, "可能符合"),
        (Status::NeedsInfo, "需补充信息"),
        (Status::Discretionary, "需个案研究"),
        (Status::Referral, "服务转介"),
        (Status::Ineligible, "不符合"),
    ],
    colon: "：",
    more: "（每项的全部理由、计算和依据：doudi explain --full）",
    member: "成员",
    amounts: "金额：",
    monthly: "每月 ",
    one_off: "一次性 ",
    total: "合计 ",
    cap: "上限 ",
    sep: "；",
    list_sep: "、",
    reasons: "理由：",
    trace: "计算：",
    citations: "依据：",
    clause_sep: " ",
    missing: "需补充：",
    services: "服务：",
    next_steps: "下一步：",
    assumptions: "假设与说明",
    receive: "合计如何得出（每项只计一次）",
    source: "依据：",
    lang: Lang::Zh,
};

static EN: Words = Words {
    title: "Social assistance assessment",
    place: "Place",
    date: "Date",
    version: "Policy version",
    members: "Members",
    persons: "",
    counted: "Counted income",
    per_capita: "Per-capita income",
    standard: "Dibao standard",
    period: "Epidemic period",
    result: "Result",
    per_month: " a month",
    per_person_month: " a person a month",
    unknown: "unknown (no data)",
    yes: "yes",
    no: "no",
    open: "not ended",
    yuan: "yuan",
    groups: [
        (Status::Eligible, "Eligible"),
        (Status::NeedsInfo, "Needs information"),
        (Status::Discretionary, "Case by case"),
        (Status::Referral, "Referrals"),
        (Status::Ineligible, "Not eligible"),
    ],
    colon: ": ",
    more: "(every reason, calculation and source of each: doudi explain --full)",
    member: "member",
    amounts: "Amounts: ",
    monthly: "monthly ",
    one_off: "one-off ",
    total: "total ",
    cap: "cap ",
    sep: "; ",
    list_sep: ", ",
    reasons: "Reasons:",
    trace: "Calculation:",
    citations: "Sources:",
    clause_sep: ", ",
    missing: "Missing: ",
    services: "Services:",
    next_steps: "Next steps:",
    assumptions: "Assumptions",
    receive: "How the totals are made up (each finding counted once)",
    source: "Source: ",
    lang: Lang::En,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn assess(json: &str, lang: Lang) -> Assessment {
        doudi_core::evaluate_json(json, doudi_core::Options { lang }).unwrap()
    }

    #[test]
    fn the_result_line_keeps_one_off_and_fixed_term_sums_out_of_the_monthly_figure() {
        // Jilin 004 四、12: one month of relief at the urban standard (550 × 3), given once.
        let jilin = r#"{"jurisdiction":"jilin","as_of":"2020-03-01","applying":["dibao"],
            "parameters":{"dibao.standard.urban":550},"members":[{"age":40},{"age":38},{"age":10}]}"#;
        let text = render_short(&assess(jilin, Lang::Zh), "吉林省");
        assert!(text.contains("测算结果      可能符合 2 项 · 每月约 1,650.00 元 · 一次性 1,650.00 元\n"), "{text}");
        // Chongqing 001 一（五）: 2 × 620 for the two months started in hospital, ended by 04-15.
        let cq = r#"{"jurisdiction":"chongqing","as_of":"2020-04-15","support":{"dibao":true,"dibao_monthly":300},
            "members":[{"age":50,"covid":"confirmed","diagnosed_on":"2020-02-10","discharged_on":"2020-03-15"}]}"#;
        let text = render_short(&assess(cq, Lang::Zh), "重庆市");
        assert!(text.contains("每月约 620.00 元 · 限期 2,480.00 元（1,240.00 元/月 × 2 个月，已结束）"), "{text}");
        // A lone 70-year-old in Tianjin: 特困 replaces 低保, and the text says why.
        let lone =
            r#"{"jurisdiction":"tianjin","as_of":"2020-06-01","members":[{"age":70,"has_able_supporter":false}]}"#;
        let text = render_short(&assess(lone, Lang::Zh), "天津市");
        assert!(text.contains("可能符合 1 项 · 每月约 1,870.00 元\n"), "{text}");
        assert!(text.contains("特困人员不再同时享受低保"), "{text}");
    }

    const FAMILY: &str = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[
        {"age":45,"monthly_income":"1000","work":"local"},{"age":40,"monthly_income":"500"},{"age":12}]}"#;

    #[test]
    fn the_text_has_the_header_the_groups_and_the_grouped_money() {
        let text = render(&assess(FAMILY, Lang::Zh), "天津市（tianjin）");
        for want in [
            "地区",
            "天津市（tianjin）",
            "测算日期      2020年4月15日",
            "疫情防控期间  是（2020年1月24日 至 2023年1月8日）",
            "1,500.00 元/月",
            "可能符合",
            "不符合",
            "每月 1,530.00 元",
            "假设与说明",
        ] {
            assert!(text.contains(want), "{want} missing from\n{text}");
        }
        assert!(text.find("可能符合").unwrap() < text.find("不符合").unwrap());
    }

    #[test]
    fn english_uses_english_headings() {
        let text = render(&assess(FAMILY, Lang::En), "Tianjin (tianjin)");
        for want in [
            "Place",
            "Date               15 Apr 2020",
            "Epidemic period    yes (24 Jan 2020 to 8 Jan 2023)",
            "Eligible",
            "Not eligible",
            "monthly 1,530.00 yuan",
            "Assumptions",
        ] {
            assert!(text.contains(want), "{want} missing from\n{text}");
        }
    }

    #[test]
    fn tables_align_chinese_by_display_width() {
        let mut s = String::new();
        let rows = vec![
            ["家庭月收入合计".to_string(), "a".to_string(), "1500.00".to_string()],
            ["x".to_string(), "bbb".to_string(), "3.00".to_string()],
        ];
        table(&mut s, "", rows, &[2]);
        let lines: Vec<&str> = s.lines().collect();
        assert_eq!(lines[0].width(), lines[1].width(), "{s}");
        assert!(lines[1].ends_with("   3.00"), "{s}");
    }
}
