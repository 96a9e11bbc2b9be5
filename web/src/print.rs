//! The printed sheet as HTML text (shown only by the print stylesheet): place, date,
//! policy version, the household as a table with its facts (低保 received now, applications,
//! money assets), the headline and how it compares with the 低保 received now, each finding
//! with its amount (or 金额待定), the sentences of the conditions it tested and clause numbers,
//! how each amount was worked out (its trace), the clauses as numbered notes, the assumptions,
//! the print time, the disclaimer and lines for the caseworker and the applicant to sign.
//! Findings that do not apply are listed by name only.

use doudi_core::input::{Covid, Hukou};
use doudi_core::{Assessment, Finding, Lang, Status};

use crate::compute;
use crate::form::{Form, MemberForm};
use crate::format;
use crate::i18n::{self, labels};
use crate::markup::{el, esc, wrap};

/// A person's ticked "more" answers, in words.
fn extras(m: &MemberForm, lang: Lang) -> Vec<String> {
    let l = labels(lang);
    let mut out = Vec::new();
    if m.disabled {
        let mut s = l.disabled.to_string();
        if let Some(g) = m.disability_grade {
            s.push(' ');
            s.push_str(&i18n::fill(l.grade_n, &[&g.to_string()]));
        }
        out.push(s);
    }
    if m.covid != Covid::None {
        out.push(format!("{} {}", l.covid, i18n::covid_label(m.covid, lang)));
    }
    for (on, label) in [
        (m.isolated, l.isolated),
        (m.carer_unavailable, l.carer_unavailable),
        (m.stranded, l.stranded),
        (m.epidemic_job_loss, l.epidemic_job_loss),
        (m.unemployed, l.unemployed),
        (m.entitled_group, l.entitled_group),
        (m.tekun, l.tekun_now),
        (m.orphan, l.orphan),
        (m.unsupported_child, l.unsupported_child),
        (m.difficult_child, l.difficult_child),
    ] {
        if on {
            out.push(label.to_string());
        }
    }
    if let Some(h) = m.hukou.filter(|h| *h != Hukou::Local) {
        out.push(i18n::hukou_label(h, lang).to_string());
    }
    out
}

/// What approval would add ([`compute::Question::Approval`]), for the sheet: "家庭获批低保后
/// 还可申请：价格临时补贴（申请人、配偶、子女）、困难残疾人生活补贴（子女）。" (the sheet lists
/// those findings among the ones that do not apply yet, by name only).
pub fn approvals(form: &Form, a: &Assessment, names: &[String], lang: Lang) -> Vec<String> {
    let l = labels(lang);
    let what_ifs = compute::what_ifs(form, a);
    let mut out = Vec::new();
    for approved in compute::APPROVALS {
        // A programme's people together: the what-ifs come programme by programme.
        let mut items: Vec<String> = Vec::new();
        let mut people: Vec<&str> = Vec::new();
        let list = what_ifs.iter().filter(|w| w.question == compute::Question::Approval(approved)).collect::<Vec<_>>();
        for (k, w) in list.iter().enumerate() {
            people.push(names.get(w.member).map_or("", String::as_str));
            if list.get(k + 1).is_none_or(|next| next.program != w.program) {
                let who = i18n::fill(l.for_member, &[&people.join(l.print_list_sep)]);
                items.push(format!("{}{who}", i18n::programme(w.program, lang).0));
                people.clear();
            }
        }
        if !items.is_empty() {
            out.push(i18n::fill(l.print_approval, &[i18n::approval(approved, lang), &items.join(l.print_list_sep)]));
        }
    }
    out
}

fn amount(f: &Finding, lang: Lang) -> String {
    let l = labels(lang);
    let yuan = |a| i18n::fill(l.yuan, &[&format::money(a)]);
    let mut parts = Vec::new();
    use doudi_core::policy::combine::Payment;
    match (f.payment, f.one_off, f.total, f.monthly) {
        // One month's relief given once is a one-off.
        (Payment::OneOff, None, Some(t), _) => {
            parts.push(format!("{} {}", i18n::fill(l.one_off_months, &[&f.months.unwrap_or(1).to_string()]), yuan(t)))
        }
        (Payment::FixedTerm, _, _, Some(m)) => {
            parts.push(format!("{} {}", l.fixed_term_monthly, yuan(m)));
            if let Some(n) = f.months {
                parts.push(i18n::fill(l.months, &[&n.to_string()]));
            }
        }
        (_, _, _, Some(m)) => parts.push(format!("{} {}", l.monthly, yuan(m))),
        _ => {}
    }
    if let Some(o) = f.one_off {
        parts.push(format!("{} {}", l.one_off, yuan(o)));
    }
    if let Some(c) = f.cap {
        parts.push(format!("{} {}", l.cap, yuan(c)));
    }
    parts.join(l.print_list_sep)
}

/// The reasons that state a condition the decision tested (its notes left out), in order;
/// all its reasons when none is tied to a condition.
fn stated(f: &Finding) -> Vec<&str> {
    // In the reasons' order (no sort: it would cost the page kilobytes of wasm).
    let picked: Vec<&str> = f
        .reasons
        .iter()
        .enumerate()
        .filter(|(i, _)| crate::compute::states_a_condition(f, *i))
        .map(|(_, r)| r.as_str())
        .collect();
    if picked.is_empty() {
        f.reasons.iter().map(String::as_str).collect()
    } else {
        picked
    }
}

/// The household's answers beside its members: 低保 received now (and since when income is
/// above the standard), a low-income or registered-poor household, what it applies for, and
/// its money assets as given (or that they were not).
fn facts(form: &Form, lang: Lang) -> Vec<String> {
    let l = labels(lang);
    let s = &form.support;
    let mut out = Vec::new();
    if s.dibao {
        let typed = format::normalize_number(&s.dibao_monthly);
        let now = doudi_core::money::parse_decimal(&typed)
            .map_or(s.dibao_monthly.clone(), |d| format::money(doudi_core::Amount(d)));
        out.push(i18n::fill(l.print_on_dibao, &[&now]));
        if !s.income_above_standard_since.trim().is_empty() {
            out.push(i18n::fill(l.print_above_since, &[&format::date(s.income_above_standard_since.trim(), lang)]));
        }
    }
    if s.low_income {
        out.push(l.low_income.to_string());
    }
    if s.poverty_registered {
        out.push(l.poverty_registered.to_string());
    }
    let applying: Vec<&str> = [(s.applying_dibao, l.applying_dibao), (s.applying_tekun, l.applying_tekun)]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, w)| *w)
        .collect();
    if !applying.is_empty() {
        out.push(i18n::fill(l.print_applying, &[&applying.join(l.print_list_sep)]));
    }
    let assets = format::normalize_number(&form.assets);
    out.push(match doudi_core::money::parse_decimal(&assets) {
        Some(d) => i18n::fill(l.print_assets, &[&format::money(doudi_core::Amount(d))]),
        None => l.print_assets_unknown.to_string(),
    });
    out
}

fn row(cells: &[&str], tag: &str) -> String {
    wrap("tr", "", &cells.iter().map(|c| el(tag, "", c)).collect::<String>())
}

/// The sheet for `a`, computed for `form`, without its foot ([`foot`]: the time it was
/// printed and the lines to sign), which changes at every print while this does not.
pub fn sheet(lang: Lang, form: &Form, names: &[String], a: &Assessment) -> String {
    let l = labels(lang);
    let who = |f: &Finding| {
        compute::member_index(f, names)
            .and_then(|i| names.get(i))
            .map(|n| i18n::fill(l.for_member, &[n]))
            .unwrap_or_default()
    };
    let mut notes: Vec<(std::sync::Arc<str>, std::sync::Arc<str>, String, String)> = Vec::new();
    let mut result_rows = String::new();
    let mut workings: Vec<String> = Vec::new();
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    for f in a.findings.iter().filter(|x| x.status != Status::Ineligible) {
        let mut nums = String::new();
        for c in &f.citations {
            let n = match notes.iter().position(|n| n.0 == c.document_id && n.1 == c.clause_id) {
                Some(i) => i + 1,
                None => {
                    notes.push((
                        c.document_id.clone(),
                        c.clause_id.clone(),
                        format!("{} {}", c.document, c.clause),
                        crate::clauses::text(&c.document_id, &c.clause_id, &c.text),
                    ));
                    notes.len()
                }
            };
            nums.push_str(&format!("[{n}]"));
        }
        let name = format!("{}{}", i18n::programme(f.program, lang).0, who(f));
        let status = format!("{} {}", i18n::status_icon(f.status), i18n::status_label(f.status, lang));
        // A service says what it offers; anything else the sentences that state the conditions
        // its decision tested (not its notes), one a line.
        let reason = if f.services.is_empty() {
            stated(f).iter().map(|r| el("p", "", r)).collect::<String>()
        } else {
            el("p", "", &f.services.iter().map(|x| x.text.as_str()).collect::<Vec<_>>().join(" "))
        };
        let shown = amount(f, lang);
        let open =
            shown.is_empty() && matches!(f.status, Status::Eligible | Status::Discretionary) && !f.missing.is_empty();
        let shown = if open { l.print_amount_open.to_string() } else { shown };
        let cells = [
            el("td", "", &name),
            el("td", "", &status),
            el("td", "", &shown),
            wrap("td", "", &reason),
            el("td", "", &nums),
        ];
        result_rows.push_str(&wrap("tr", "", &cells.concat()));
        // How its amount was worked out, where it has one: the trace, step by step.
        if (f.monthly.is_some() || f.one_off.is_some() || f.total.is_some()) && !f.trace.is_empty() {
            let steps: Vec<String> =
                f.trace.iter().map(|t| format!("{}{colon}{} = {}", t.label, t.formula, t.value)).collect();
            workings.push(format!("{name}{colon}{}", steps.join(l.print_steps_sep)));
        }
    }
    // Programmes that do not apply, each once, with the people it was tried for.
    let mut ineligible: Vec<(doudi_core::ProgrammeId, Vec<String>)> = Vec::new();
    for f in a.findings.iter().filter(|x| x.status == Status::Ineligible) {
        let name = compute::member_index(f, names).and_then(|i| names.get(i)).cloned();
        match ineligible.iter_mut().find(|(p, _)| *p == f.program) {
            Some((_, people)) => people.extend(name),
            None => ineligible.push((f.program, name.into_iter().collect())),
        }
    }
    let ineligible: Vec<String> = ineligible
        .iter()
        .map(|(p, people)| {
            let plain = i18n::programme(*p, lang).0;
            if people.is_empty() {
                plain.to_string()
            } else {
                format!("{plain}{}", i18n::fill(l.for_member, &[&people.join(l.print_list_sep)]))
            }
        })
        .collect();
    let approvals = approvals(form, a, names, lang);
    let household_rows: String = form
        .members
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let income = if m.monthly_income.trim().is_empty() { "0" } else { m.monthly_income.as_str() };
            let name = names.get(i).map(String::as_str).unwrap_or_default();
            row(
                &[
                    name,
                    &m.age,
                    income,
                    m.work.map_or(l.unstated, |w| i18n::work_label(w, lang)),
                    &extras(m, lang).join(l.print_list_sep),
                ],
                "td",
            )
        })
        .collect();
    let meta = [
        i18n::fill(l.print_place, &[i18n::place_label(&form.jurisdiction, lang)]),
        i18n::fill(l.print_date, &[&format::date(&a.as_of, lang)]),
        i18n::fill(
            l.print_residence,
            &[form.residence.map_or(l.residence_unstated, |r| i18n::residence_label(r, lang))],
        ),
        i18n::fill(l.basis_policy_version, &[&a.policy_version]),
    ]
    .join(" · ");
    let mut out = String::with_capacity(8 * 1024);
    out.push_str(&el("h1", "", l.print_heading));
    out.push_str(&el("p", "class=\"print-meta\"", &meta));
    out.push_str(&el("h2", "", l.print_household));
    let head = row(&[l.print_member, l.age, l.monthly_income, l.work, l.print_extra], "th");
    out.push_str(&wrap("table", "", &format!("<thead>{head}</thead><tbody>{household_rows}</tbody>")));
    out.push_str(&el(
        "p",
        "class=\"print-small\"",
        &i18n::fill(l.print_facts, &[&facts(form, lang).join(l.print_list_sep)]),
    ));
    out.push_str(&el("h2", "", l.print_result));
    out.push_str(&el("p", "class=\"print-total\"", &a.summary.receive.headline));
    if let Some(d) = compute::dibao_now(form, a) {
        out.push_str(&el("p", "class=\"print-small\"", &crate::components::results::dibao_words(&d, lang)));
    }
    for line in &approvals {
        out.push_str(&el("p", "class=\"print-small\"", line));
    }
    // How the totals are made up: each finding counted once, set-aside ones with why.
    let r = &a.summary.receive;
    if !r.set_aside.is_empty() || !r.fixed_term.is_empty() || !r.one_off_total.0.is_zero() {
        let items: String = r
            .trace
            .iter()
            .map(|t| format!("<li>{}{colon}{} = {}</li>", esc(&t.label), esc(&t.formula), esc(&t.value)))
            .chain(r.set_aside.iter().map(|s| format!("<li>{}</li>", esc(&s.reason))))
            .collect();
        out.push_str(&el("p", "class=\"print-small\"", l.how_totals));
        out.push_str(&wrap("ul", "class=\"print-small\"", &items));
    }
    // Each row is a programme (and the person it is for), not a person.
    let head = row(&[l.print_programme, l.print_status, l.print_amount, l.print_reason, l.print_clauses], "th");
    out.push_str(&wrap("table", "", &format!("<thead>{head}</thead><tbody>{result_rows}</tbody>")));
    if !workings.is_empty() {
        out.push_str(&el("p", "class=\"print-small\"", l.print_workings));
        out.push_str(&wrap(
            "ul",
            "class=\"print-small\"",
            &workings.iter().map(|w| el("li", "", w)).collect::<String>(),
        ));
    }
    if !ineligible.is_empty() {
        out.push_str(&el(
            "p",
            "class=\"print-small\"",
            &i18n::fill(l.print_ineligible, &[&ineligible.join(l.print_list_sep)]),
        ));
    }
    out.push_str(&el("h2", "", l.print_notes));
    let notes_html: String = notes
        .iter()
        .map(|(_, _, src, text)| format!("<li><span class=\"src\">{}</span> {}</li>", esc(src), esc(text)))
        .collect();
    out.push_str(&wrap("ol", "class=\"print-notes\"", &notes_html));
    out.push_str(&el("h2", "", l.basis_heading));
    let standard = match a.summary.standard {
        Some(v) => i18n::fill(l.basis_standard, &[&format::money(v)]),
        None => l.basis_standard_unknown.to_string(),
    };
    let assumptions: String =
        std::iter::once(el("li", "", &standard)).chain(a.assumptions.iter().map(|x| el("li", "", &x.text))).collect();
    out.push_str(&wrap("ul", "class=\"print-small\"", &assumptions));
    out
}

/// The sheet's foot: when it was printed, the disclaimer, and the lines to sign.
pub fn foot(lang: Lang, print_time: &str) -> String {
    let l = labels(lang);
    let mut out = el(
        "p",
        "class=\"print-small\"",
        &format!("{} · {}", i18n::fill(l.print_time, &[print_time]), l.footer_disclaimer),
    );
    let sign = |who: &str| {
        format!(
            "<p>{}<span class=\"line\"></span>{}<span class=\"line short\"></span></p>",
            esc(who),
            esc(l.print_sign_date)
        )
    };
    out.push_str(&wrap("div", "class=\"signatures\"", &(sign(l.print_sign_staff) + &sign(l.print_sign_applicant))));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compute::{assess, Outcome};

    #[test]
    fn the_sheet_has_everything_a_caseworker_signs() {
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "45".into();
        f.members[0].monthly_income = "1500".into();
        f.add_member();
        f.members[1].age = "40".into();
        f.add_member();
        f.members[2].age = "10".into();
        f.members[2].orphan = true;
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let names = f.member_ids(Lang::Zh);
        let html = sheet(Lang::Zh, &f, &names, &a) + &foot(Lang::Zh, "2024-05-01 10:30");
        for needle in [
            "天津市",
            "2020年4月15日",
            "1,530.00 元",
            "经办人签字",
            "申请人签字",
            "2024-05-01 10:30",
            "[1]",
            "<ol class=\"print-notes\"><li>",
            "孤儿",
        ] {
            assert!(html.contains(needle), "{needle} missing");
        }
        assert!(html.contains(&a.policy_version));
        // The household's table is by person, the result's by programme.
        assert!(html.contains("<thead><tr><th>成员</th><th>年龄（岁）</th>"), "{html}");
        assert!(html.contains("<thead><tr><th>救助项目</th><th>结论</th><th>金额</th>"), "{html}");
    }

    /// A household on 低保 whose applicant is back at work: the sheet says what it gets now and
    /// how the estimate compares, how 1,530.00 was worked out (the 500 work cost deducted),
    /// the conditions of each finding (not its notes), and "金额待定" where a local figure
    /// is missing (Tianjin's 2020 price subsidy).
    #[test]
    fn the_sheet_has_the_households_facts_the_workings_and_open_amounts() {
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "45".into();
        f.members[0].monthly_income = "2000".into();
        f.members[0].work = Some(doudi_core::input::Work::Returned);
        f.add_member();
        f.members[1].age = "43".into();
        f.add_member();
        f.members[2].age = "15".into();
        f.support.dibao = true;
        f.support.dibao_monthly = "800".into();
        f.support.applying_tekun = true;
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let html = sheet(Lang::Zh, &f, &f.member_ids(Lang::Zh), &a);
        for needle in [
            "家庭情况：现在享受低保（每月 800.00 元）、正在申请：特困供养、存款等财产未填写",
            "按本次测算每月低保金 1,530.00 元，比您家现在领取的 800.00 元多 730.00 元。",
            "<p class=\"print-small\">计算过程</p>",
            "核定家庭收入：2000.00 − 500.00 = 1500.00；",
            "每月低保金：3030.00 − 1500.00 = 1530.00",
            "<td>金额待定</td>",
            "<td><p>2020年4月15日 在疫情防控期间内。</p><p>申请人（45岁） 属于低保对象。</p></td>",
        ] {
            assert!(html.contains(needle), "{needle} missing: {html}");
        }
        // A note is not a condition: left out of the reason cell.
        assert!(!html.contains("有条件的地方还可提供"), "{html}");
    }

    /// Tianjin, three people, 1500 a month, not on 低保, the child disabled: the sheet says what
    /// approval of the 低保 found would add, per programme with its people.
    #[test]
    fn the_sheet_says_what_approval_would_add() {
        let mut f = crate::form::tests::tianjin_three_disabled_child("1500");
        let Outcome::Ready(a) = assess(&f, Lang::Zh) else { panic!() };
        let names = f.member_ids(Lang::Zh);
        assert_eq!(
            approvals(&f, &a, &names, Lang::Zh),
            vec!["家庭获批低保后还可申请：价格临时补贴（申请人、配偶、子女）、困难残疾人生活补贴（子女）。".to_string()]
        );
        assert!(sheet(Lang::Zh, &f, &names, &a).contains("<p class=\"print-small\">家庭获批低保后还可申请："));
        f.support.dibao = true;
        f.support.dibao_monthly = "1530".into();
        let Outcome::Ready(b) = assess(&f, Lang::Zh) else { panic!() };
        assert!(approvals(&f, &b, &names, Lang::Zh).is_empty());
    }

    #[test]
    fn typed_text_is_escaped() {
        let mut f = Form::new("tianjin", "2020-04-15");
        f.members[0].age = "45".into();
        f.members[0].monthly_income = "<b>".into();
        let ok = {
            let mut g = f.clone();
            g.members[0].monthly_income = "0".into();
            match assess(&g, Lang::Zh) {
                Outcome::Ready(a) => a,
                _ => panic!(),
            }
        };
        let html = sheet(Lang::Zh, &f, &f.member_ids(Lang::Zh), &ok) + &foot(Lang::Zh, "<now>");
        assert!(!html.contains("<b>") && html.contains("&lt;b&gt;") && html.contains("&lt;now&gt;"));
    }
}
