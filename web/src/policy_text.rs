//! The policy texts of a place as HTML text: its documents clause by clause, each clause
//! with an anchor, procedural clauses marked, and links to the programmes (result cards)
//! and parameters that cite it. Links carry `data-kind` for the page's one delegated
//! click handler (`components/policy_browser.rs`), so they also work inside a shadow root.

use doudi_core::policy::Policies;
use doudi_core::{Lang, ProgrammeId};

use crate::fields::{clause_dom_id, finding_dom_id, param_dom_id};
use crate::format;
use crate::i18n::{self, labels};
use crate::markup::{el, esc, wrap};

/// Who cites a clause.
#[derive(Default)]
struct CitedBy {
    programmes: Vec<ProgrammeId>,
    parameters: Vec<(String, String)>,
}

fn link(href: &str, data: &str, text: &str) -> String {
    format!("<a href=\"#{}\" {data}>{}</a>", esc(href), esc(text))
}

/// A clause reference (`002:1.0.7`) as a reader cites it: the document's title (with its
/// number) and the clause's label (`一、第7句`).
pub fn clause_words(r: &str) -> Option<String> {
    let r = doudi_core::policy::ClauseRef::parse(r)?;
    let policies = doudi_core::embedded_policies().ok()?;
    let doc = policies.documents.iter().find(|d| d.id == r.document)?;
    let clause = doc.clauses.iter().find(|c| c.id == r.clause)?;
    let number = if doc.number.is_empty() { String::new() } else { format!("\u{ff08}{}\u{ff09}", doc.number) };
    Some(format!("{}{number} {}", doc.title, clause.label))
}

/// The documents of `jurisdiction`, or empty if it is unknown.
pub fn browser(policies: &Policies, jurisdiction: &str, lang: Lang) -> String {
    let l = labels(lang);
    let Some(j) = policies.jurisdiction(jurisdiction) else {
        return String::new();
    };
    // A list, not a map: a few dozen entries, and a map's code costs more than the search.
    let mut cited: Vec<((&str, &str), CitedBy)> = Vec::new();
    fn entry<'a, 'b>(cited: &'b mut Vec<((&'a str, &'a str), CitedBy)>, key: (&'a str, &'a str)) -> &'b mut CitedBy {
        let i = match cited.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                cited.push((key, CitedBy::default()));
                cited.len() - 1
            }
        };
        &mut cited[i].1
    }
    for prog in &j.programmes {
        for r in prog.provisions.values().flatten() {
            let entry = entry(&mut cited, (&r.document, &r.clause));
            if !entry.programmes.contains(&prog.id) {
                entry.programmes.push(prog.id);
            }
        }
    }
    for param in j.parameters.values() {
        for r in param.values.iter().filter_map(|v| v.source.clause.as_ref()) {
            let label = match lang {
                Lang::Zh => param.label.clone(),
                Lang::En => param.label_en.clone(),
            };
            let entry = entry(&mut cited, (&r.document, &r.clause));
            if !entry.parameters.iter().any(|(id, _)| *id == param.id) {
                entry.parameters.push((param.id.clone(), label));
            }
        }
    }
    let mut out = String::with_capacity(64 * 1024);
    for doc in j.documents.iter().filter_map(|d| policies.document(d)) {
        let (title, issuer) = match lang {
            Lang::Zh => (&doc.title, &doc.issuer),
            Lang::En => (&doc.title_en, &doc.issuer_en),
        };
        let mut meta = format!(
            "<span lang=\"zh-CN\">{}</span> · {}",
            esc(&i18n::fill(l.doc_number, &[&doc.number])),
            esc(&i18n::fill(l.doc_issuer, &[issuer]))
        );
        if let Some(d) = &doc.date {
            meta.push_str(" · ");
            meta.push_str(&esc(&i18n::fill(l.doc_date, &[&format::date(d, lang)])));
        }
        let mut clauses = String::new();
        let mut last_heading: Option<&str> = None;
        for c in &doc.clauses {
            let mut inner = String::new();
            if let Some(h) = c.heading.as_deref().filter(|h| Some(*h) != last_heading) {
                inner.push_str(&el("p", "class=\"clause-heading\" lang=\"zh-CN\"", h));
            }
            if c.heading.is_some() {
                last_heading = c.heading.as_deref();
            }
            let mut label = el("strong", "lang=\"zh-CN\"", &c.label);
            if c.procedural.is_some() {
                label.push_str(&el("span", "class=\"tag procedural-tag\"", l.procedural));
            }
            inner.push_str(&wrap("p", "class=\"clause-label\"", &label));
            inner.push_str(&el(
                "p",
                "class=\"clause-text\" lang=\"zh-CN\"",
                &crate::clauses::text(&doc.id, &c.id, &c.text),
            ));
            if let Some((_, by)) = cited.iter().find(|(k, _)| *k == (doc.id.as_str(), c.id.as_str())) {
                let mut links = String::new();
                if !by.programmes.is_empty() {
                    links.push_str(&el("span", "", l.cited_by));
                    for prog in &by.programmes {
                        let id = finding_dom_id(prog.as_str(), None);
                        links.push(' ');
                        links.push_str(&link(
                            &id,
                            &format!("data-kind=\"element\" data-id=\"{}\"", esc(&id)),
                            i18n::programme(*prog, lang).0,
                        ));
                    }
                }
                if !by.parameters.is_empty() {
                    links.push(' ');
                    links.push_str(&el("span", "", l.cited_by_param));
                    for (id, label) in &by.parameters {
                        links.push(' ');
                        links.push_str(&link(
                            &param_dom_id(id),
                            &format!("data-kind=\"param\" data-id=\"{}\"", esc(id)),
                            label,
                        ));
                    }
                }
                inner.push_str(&wrap("p", "class=\"cited-by\"", &links));
            }
            let class = if c.procedural.is_some() { "clause procedural" } else { "clause" };
            let attrs = format!("class=\"{class}\" id=\"{}\" tabindex=\"-1\"", esc(&clause_dom_id(&doc.id, &c.id)));
            clauses.push_str(&wrap("li", &attrs, &inner));
        }
        let body = format!(
            "<summary><span class=\"doc-title\">{}</span></summary><p class=\"doc-meta\">{meta}</p><ol class=\"clauses\">{clauses}</ol>",
            esc(title)
        );
        out.push_str(&wrap("details", &format!("class=\"document\" id=\"doc-{}\"", esc(&doc.id)), &body));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_clause_has_an_anchor_and_cited_clauses_link_back() {
        let p = doudi_core::embedded_policies().expect("policies");
        let html = browser(p, "tianjin", Lang::Zh);
        assert!(html.contains("id=\"c-002-1.0.1\""), "the 低保 gap clause has its anchor");
        assert!(html.contains("data-kind=\"element\" data-id=\"f-dibao\""), "and links to the 低保 card");
        assert!(html.contains("程序性条款"), "procedural clauses are marked");
        assert!(html.contains("data-kind=\"param\""), "clauses that set a parameter link to it");
        let j = p.jurisdiction("tianjin").expect("tianjin");
        let clauses: usize = j.documents.iter().filter_map(|d| p.document(d)).map(|d| d.clauses.len()).sum();
        assert_eq!(html.matches("<li class=\"clause").count(), clauses);
        assert_eq!(browser(p, "atlantis", Lang::Zh), "");
    }

    #[test]
    fn a_clause_is_cited_in_words_not_ids() {
        let w = clause_words("002:1.0.1").expect("a known clause");
        assert!(w.contains("69号") && w.ends_with("一、第1句") && !w.contains("002"), "{w}");
        assert_eq!(clause_words("002"), None);
        assert_eq!(clause_words("999:1.0.1"), None);
    }
}
