//! Loading and checking the policy files. Every problem is reported with the file,
//! the key inside it and a plain message; all problems are collected, not just the first.
//!
//! Checked: each file's shape (unknown keys are errors); unique ids; documents and
//! clauses that exist for every citation; programmes and provision keys the code knows;
//! parameters the code knows, with the right kind of value, a source for every value,
//! dates in strictly increasing order (no overlaps), and every parameter a provision
//! needs declared; overlays that extend an existing jurisdiction; epidemic measures that
//! name a programme, provision, parameter value or group the place has.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::file::{DocumentFile, JurisdictionFile, ParameterFile};
use super::*;
use crate::catalogue;
use crate::dates::parse_date;
use crate::ids::{self, param, Kind, ParamId, ProgrammeId};

/// A problem in a policy file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PolicyError {
    pub file: String,
    pub key: String,
    pub message: String,
}

impl std::fmt::Display for PolicyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.key, self.message)
    }
}

/// Codes a clause may give for being procedural (granting nothing to a household).
pub const PROCEDURAL_CODES: &[&str] =
    &["preamble", "signature", "responsibility", "organisation", "outreach", "institutions", "funding", "process"];

/// Units a parameter may have, by kind.
pub const UNITS: &[(&str, Kind)] = &[
    ("yuan_per_person_month", Kind::Number),
    ("yuan_per_month", Kind::Number),
    ("yuan", Kind::Number),
    ("multiple", Kind::Number),
    ("rate", Kind::Number),
    ("years", Kind::Number),
    ("months", Kind::Number),
    ("grade", Kind::Number),
    ("date", Kind::Date),
    ("bool", Kind::Bool),
];

struct Errors(Vec<PolicyError>);

impl Errors {
    fn push(&mut self, file: &str, key: impl Into<String>, message: impl Into<String>) {
        self.0.push(PolicyError { file: file.into(), key: key.into(), message: message.into() });
    }
}

/// Policy files of one kind, each with its path.
type Files<T> = Vec<(String, T)>;

/// The bundle `build.rs` writes: file path → file, for each kind.
#[derive(serde::Deserialize)]
struct Bundle {
    documents: BTreeMap<String, DocumentFile>,
    jurisdictions: BTreeMap<String, JurisdictionFile>,
}

/// Finds the file and key of a shape error (natively; the browser only ever loads the
/// embedded bundle, which `cargo test` has already checked).
#[cfg(not(target_arch = "wasm32"))]
fn locate(json: &str, first: serde_json::Error) -> Vec<PolicyError> {
    let whole = |message: String| vec![PolicyError { file: "(bundle)".into(), key: String::new(), message }];
    let bundle: BTreeMap<String, BTreeMap<String, serde_json::Value>> = match serde_json::from_str(json) {
        Ok(b) => b,
        Err(e) => return whole(e.to_string()),
    };
    let mut out = Vec::new();
    for (kind, files) in &bundle {
        for (path, value) in files {
            let err = match kind.as_str() {
                "documents" => serde_path_to_error::deserialize::<_, DocumentFile>(value)
                    .err()
                    .map(|e| (e.path().to_string(), e.into_inner())),
                _ => serde_path_to_error::deserialize::<_, JurisdictionFile>(value)
                    .err()
                    .map(|e| (e.path().to_string(), e.into_inner())),
            };
            if let Some((key, e)) = err {
                out.push(PolicyError { file: path.clone(), key, message: e.to_string() });
            }
        }
    }
    if out.is_empty() {
        whole(first.to_string())
    } else {
        out
    }
}

#[cfg(target_arch = "wasm32")]
fn locate(_: &str, first: serde_json::Error) -> Vec<PolicyError> {
    vec![PolicyError { file: "(bundle)".into(), key: String::new(), message: first.to_string() }]
}

pub(super) fn load(json: &str, version: &str) -> Result<Policies, Vec<PolicyError>> {
    let mut errs = Errors(Vec::new());
    // The common case (and the only one in the browser): the typed bundle parses at once.
    // Only when it does not is it parsed again, natively, to say which file and key is wrong.
    let (doc_files, jur_files): (Files<DocumentFile>, Files<JurisdictionFile>) =
        match serde_json::from_str::<Bundle>(json) {
            Ok(b) => (b.documents.into_iter().collect(), b.jurisdictions.into_iter().collect()),
            Err(e) => return Err(locate(json, e)),
        };
    let documents = check_documents(&doc_files, &mut errs);
    let doc_index: BTreeMap<&str, (usize, &Document)> =
        documents.iter().enumerate().map(|(i, d)| (d.id.as_str(), (i, d))).collect();
    let jurisdictions = resolve_jurisdictions(&jur_files, &doc_index, &mut errs);
    for (path, d) in &doc_files {
        if !jur_files.iter().any(|(_, j)| j.id == d.jurisdiction) {
            errs.push(path, "jurisdiction", format!("no jurisdiction \"{}\" exists", d.jurisdiction));
        }
    }
    if errs.0.is_empty() {
        Ok(Policies { version: version.to_string(), documents, jurisdictions })
    } else {
        Err(errs.0)
    }
}

fn check_documents(files: &[(String, DocumentFile)], errs: &mut Errors) -> Vec<Document> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for (path, d) in files {
        if !seen.insert(d.id.clone()) {
            errs.push(path, "id", format!("document id \"{}\" is used twice", d.id));
        }
        if let Some(date) = &d.date {
            if parse_date(date).is_none() {
                errs.push(path, "date", format!("\"{date}\" is not a date (YYYY-MM-DD)"));
            }
        }
        let applies_from = d.applies_from.as_deref().and_then(|s| {
            let day = parse_date(s);
            if day.is_none() {
                errs.push(path, "applies_from", format!("\"{s}\" is not a date (YYYY-MM-DD)"));
            }
            day
        });
        let mut ids = BTreeSet::new();
        for (i, c) in d.clauses.iter().enumerate() {
            let key = format!("clauses[{i}]");
            if !ids.insert(c.id.as_str()) {
                errs.push(path, format!("{key}.id"), format!("clause id \"{}\" is used twice", c.id));
            }
            if c.text.trim().is_empty() {
                errs.push(path, format!("{key}.text"), "a clause needs its text");
            }
            if let Some(p) = &c.procedural {
                if !PROCEDURAL_CODES.contains(&p.as_str()) {
                    errs.push(path, format!("{key}.procedural"), format!("\"{p}\" is not one of {PROCEDURAL_CODES:?}"));
                }
            }
        }
        out.push(Document {
            id: d.id.clone(),
            jurisdiction: d.jurisdiction.clone(),
            title: d.title.clone(),
            title_en: d.title_en.clone(),
            number: d.number.clone(),
            issuer: d.issuer.clone(),
            issuer_en: d.issuer_en.clone(),
            date: d.date.clone(),
            applies_from,
            source: d.source.clone(),
            clauses: d
                .clauses
                .iter()
                .map(|c| Clause {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    heading: c.heading.clone(),
                    text: c.text.clone(),
                    procedural: c.procedural.clone(),
                    quote: ClauseQuote::new(&c.id, &c.label, &c.text),
                })
                .collect(),
            quote: DocumentQuote::new(&d.id, &d.title, &d.title_en, &d.number),
        });
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

fn resolve_jurisdictions(
    files: &[(String, JurisdictionFile)],
    docs: &BTreeMap<&str, (usize, &Document)>,
    errs: &mut Errors,
) -> Vec<Jurisdiction> {
    let by_id: BTreeMap<&str, &(String, JurisdictionFile)> = files.iter().map(|f| (f.1.id.as_str(), f)).collect();
    if by_id.len() != files.len() {
        errs.push("policies/jurisdictions", "id", "two files declare the same jurisdiction id");
    }
    let mut resolved: BTreeMap<String, Jurisdiction> = BTreeMap::new();
    // Resolve bases first; the chain is short, so repeat until nothing changes.
    for _ in 0..files.len() + 1 {
        for (path, f) in files {
            if resolved.contains_key(&f.id) {
                continue;
            }
            let base = match &f.extends {
                None => None,
                Some(b) if !by_id.contains_key(b.as_str()) => {
                    errs.push(path, "extends", format!("no jurisdiction \"{b}\" to extend"));
                    resolved.insert(f.id.clone(), empty_jurisdiction(f));
                    continue;
                }
                Some(b) => match resolved.get(b) {
                    Some(j) => Some(j.clone()),
                    None => continue,
                },
            };
            let j = merge(base, path, f, docs, errs);
            resolved.insert(f.id.clone(), j);
        }
    }
    for (path, f) in files {
        if !resolved.contains_key(&f.id) {
            errs.push(path, "extends", "the chain of `extends` has a cycle");
        }
    }
    let mut out = Vec::new();
    for (path, f) in files {
        if f.is_abstract {
            continue;
        }
        let Some(j) = resolved.remove(&f.id) else { continue };
        for id in [param::EPIDEMIC_START, param::EPIDEMIC_END] {
            if !j.parameters.contains_key(id.as_str()) {
                errs.push(path, format!("parameters.\"{id}\""), "every jurisdiction needs the epidemic period");
            }
        }
        if j.programmes.is_empty() {
            errs.push(path, "programmes", "a jurisdiction provides for at least one programme");
        }
        for p in &j.programmes {
            for key in required_params(p) {
                if !j.parameters.contains_key(key.as_str()) {
                    errs.push(
                        path,
                        format!("programmes.{}", p.id.as_str()),
                        format!("its provisions read parameter \"{key}\", which is not declared"),
                    );
                }
            }
        }
        out.push(j);
    }
    out.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    out
}

fn empty_jurisdiction(f: &JurisdictionFile) -> Jurisdiction {
    Jurisdiction {
        id: f.id.clone(),
        name: f.name.clone(),
        name_en: f.name_en.clone(),
        order: None,
        documents: Vec::new(),
        programmes: Vec::new(),
        parameters: BTreeMap::new(),
        epidemic: Vec::new(),
    }
}

fn merge(
    base: Option<Jurisdiction>,
    path: &str,
    f: &JurisdictionFile,
    docs: &BTreeMap<&str, (usize, &Document)>,
    errs: &mut Errors,
) -> Jurisdiction {
    let mut j = base.unwrap_or_else(|| empty_jurisdiction(f));
    j.id = f.id.clone();
    j.name = f.name.clone();
    j.name_en = f.name_en.clone();
    j.order = f.order;
    for (i, d) in f.documents.iter().enumerate() {
        if !docs.contains_key(d.as_str()) {
            errs.push(path, format!("documents[{i}]"), format!("no document \"{d}\" in policies/documents"));
        } else if !j.documents.contains(d) {
            j.documents.push(d.clone());
        }
    }
    let cite = |key: String, s: &str, errs: &mut Errors| -> Option<ClauseRef> {
        let Some(r) = ClauseRef::parse(s) else {
            errs.push(path, key, format!("\"{s}\" is not a clause reference (DOC:CLAUSE, e.g. 000:2.5.3)"));
            return None;
        };
        if !j.documents.contains(&r.document) {
            errs.push(path, key, format!("document {} is not one of this jurisdiction's documents", r.document));
            return None;
        }
        let found = docs
            .get(r.document.as_str())
            .and_then(|(di, d)| Some((*di, d.clauses.iter().position(|c| c.id == r.clause)?)));
        let Some((di, ci)) = found else {
            errs.push(path, key, format!("document {} has no clause \"{}\"", r.document, r.clause));
            return None;
        };
        let from = docs.get(r.document.as_str()).and_then(|(_, d)| d.applies_from);
        Some(r.resolved(di, ci, from))
    };
    for (name, pf) in &f.programmes {
        let Some(id) = ProgrammeId::parse(name) else {
            errs.push(path, format!("programmes.{name}"), format!("unknown programme \"{name}\""));
            continue;
        };
        let known = catalogue::get(id).provisions;
        let mut provisions = j.programme(id).map(|p| p.provisions.clone()).unwrap_or_default();
        for (key, refs) in &pf.provisions {
            let k = format!("programmes.{name}.provisions.{key}");
            if !known.iter().any(|p| p.key == key) {
                let names: Vec<_> = known.iter().map(|p| p.key).collect();
                errs.push(path, &k, format!("unknown provision \"{key}\" for {name} (known: {names:?})"));
                continue;
            }
            if refs.is_empty() {
                errs.push(path, &k, "a provision cites at least one clause");
            }
            let list = provisions.entry(key.clone()).or_default();
            for (i, s) in refs.iter().enumerate() {
                if let Some(r) = cite(format!("{k}[{i}]"), s, errs) {
                    if !list.contains(&r) {
                        list.push(r);
                    }
                }
            }
        }
        let groups = match &pf.groups {
            Some(g) => {
                for (i, name) in g.iter().enumerate() {
                    if catalogue::get(id).group(name).is_none() {
                        errs.push(
                            path,
                            format!("programmes.{}.groups[{i}]", id.as_str()),
                            format!("unknown group \"{name}\""),
                        );
                    }
                }
                g.clone()
            }
            None => j.programme(id).map(|p| p.groups.clone()).unwrap_or_default(),
        };
        let programme = Programme { id, provisions, groups };
        match j.programmes.iter_mut().find(|p| p.id == id) {
            Some(p) => *p = programme,
            None => j.programmes.push(programme),
        }
    }
    j.programmes.sort_by_key(|p| p.id);
    for (id, pf) in &f.parameters {
        if let Some(p) = check_parameter(path, id, pf, &cite, errs) {
            j.parameters.insert(id.clone(), p);
        }
    }
    let e = &f.epidemic;
    for ((kind, table), keys) in MeasureKind::ALL.iter().zip([&e.programmes, &e.provisions, &e.parameters, &e.groups]) {
        for (key, refs) in keys {
            let k = format!("epidemic.{table}.\"{key}\"");
            if refs.is_empty() {
                errs.push(path, &k, "an epidemic measure cites at least one clause");
            }
            let clauses: Vec<ClauseRef> =
                refs.iter().enumerate().filter_map(|(i, s)| cite(format!("{k}[{i}]"), s, errs)).collect();
            add_measure(&mut j.epidemic, *kind, key, clauses);
        }
    }
    j.epidemic.sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    for m in &j.epidemic {
        if let Err(why) = check_measure(&j, m) {
            let table = MeasureKind::ALL.iter().find(|(k, _)| *k == m.kind).map_or("", |(_, t)| t);
            errs.push(path, format!("epidemic.{table}.\"{}\"", m.key), why);
        }
    }
    j
}

/// Adds a measure's clauses, to the measure of the same kind and key where there is one
/// (an overlay's clauses beside its base's).
pub(super) fn add_measure(list: &mut Vec<Measure>, kind: MeasureKind, key: &str, clauses: Vec<ClauseRef>) {
    let at = match list.iter().position(|m| m.kind == kind && m.key == key) {
        Some(i) => i,
        None => {
            list.push(Measure { kind, key: key.to_string(), clauses: Vec::new() });
            list.len() - 1
        }
    };
    let m = &mut list[at];
    for c in clauses {
        if !m.clauses.contains(&c) {
            m.clauses.push(c);
        }
    }
}

/// Whether an epidemic measure names something the place has: a programme it provides, a
/// provision it lists, a parameter with a value set by the measure's clauses, a group it names.
fn check_measure(j: &Jurisdiction, m: &Measure) -> Result<(), String> {
    let programme = |id: &str| ProgrammeId::parse(id).and_then(|p| j.programme(p));
    match m.kind {
        MeasureKind::Programme => match programme(&m.key) {
            Some(_) => Ok(()),
            None => Err(format!("\"{}\" is not a programme of this jurisdiction", m.key)),
        },
        MeasureKind::Provision => {
            let (p, key) = m.key.split_once('.').unwrap_or((&m.key, ""));
            match programme(p) {
                Some(prog) if prog.provisions.contains_key(key) => Ok(()),
                Some(_) => Err(format!("programme {p} lists no provision \"{key}\"")),
                None => Err(format!("\"{p}\" is not a programme of this jurisdiction (write programme.provision)")),
            }
        }
        MeasureKind::Parameter => {
            let Some(p) = j.parameters.get(&m.key) else {
                return Err(format!("no parameter \"{}\" is declared here", m.key));
            };
            for c in &m.clauses {
                if !p.values.iter().any(|v| v.source.clause.as_ref().is_some_and(|s| s.to_string() == c.to_string())) {
                    return Err(format!("no value of \"{}\" is set by clause {c}", m.key));
                }
            }
            Ok(())
        }
        MeasureKind::Group => {
            let groups = programme(ProgrammeId::PriceSubsidy.as_str()).map(|p| p.groups.as_slice()).unwrap_or(&[]);
            if groups.contains(&m.key) {
                Ok(())
            } else {
                Err(format!("\"{}\" is not one of this jurisdiction's price-subsidy groups", m.key))
            }
        }
    }
}

fn check_parameter(
    path: &str,
    id: &str,
    pf: &ParameterFile,
    cite: &dyn Fn(String, &str, &mut Errors) -> Option<ClauseRef>,
    errs: &mut Errors,
) -> Option<Parameter> {
    let key = format!("parameters.\"{id}\"");
    let Some(kind) = ids::param_kind(id) else {
        errs.push(path, &key, format!("unknown parameter \"{id}\": no rule reads it"));
        return None;
    };
    match UNITS.iter().find(|(u, _)| *u == pf.unit) {
        None => errs.push(path, format!("{key}.unit"), format!("unknown unit \"{}\"", pf.unit)),
        Some((_, k)) if *k != kind => errs.push(
            path,
            format!("{key}.unit"),
            format!("unit \"{}\" does not fit this parameter's kind ({kind:?})", pf.unit),
        ),
        _ => {}
    }
    if pf.values.is_empty() && pf.unknown.is_none() {
        errs.push(path, &key, "a parameter with no values must say what is unknown (`unknown = \"…\"`)");
    }
    let mut values: Vec<DatedValue> = Vec::new();
    for (i, v) in pf.values.iter().enumerate() {
        let vk = format!("{key}.values[{i}]");
        let Some(from) = parse_date(&v.from) else {
            errs.push(path, format!("{vk}.from"), format!("\"{}\" is not a date (YYYY-MM-DD)", v.from));
            continue;
        };
        if let Some(prev) = values.last() {
            if from <= prev.from {
                errs.push(
                    path,
                    format!("{vk}.from"),
                    format!("dates overlap: {from} is not after the previous value's {}", prev.from),
                );
            }
        }
        let value = match &v.value {
            None => None,
            Some(raw) => match ParamValue::parse(kind, raw) {
                Some(x) => Some(x),
                None => {
                    errs.push(path, format!("{vk}.value"), format!("{raw} is not a valid {kind:?} value"));
                    None
                }
            },
        };
        let clause = v.clause.as_ref().and_then(|c| cite(format!("{vk}.clause"), c, errs));
        let confidence = match (&v.clause, &v.confidence) {
            (_, Some(c)) => Confidence::parse(c).unwrap_or_else(|| {
                errs.push(path, format!("{vk}.confidence"), format!("\"{c}\" is not document, high, medium or low"));
                Confidence::Low
            }),
            (Some(_), None) => Confidence::Document,
            (None, None) => {
                errs.push(path, format!("{vk}.confidence"), "an outside source needs a confidence (high, medium, low)");
                Confidence::Low
            }
        };
        if v.clause.is_none() && v.source.is_none() {
            errs.push(path, &vk, "a value needs a source: a `clause` of a document or an outside `source`");
        }
        values.push(DatedValue {
            from,
            value,
            source: Source { clause, text: v.source.clone(), confidence, note: v.note.clone() },
            from_unknown: v.from_unknown,
        });
    }
    let mut choices = Vec::new();
    for (i, c) in pf.choices.iter().enumerate() {
        match ParamValue::parse(kind, &c.value) {
            Some(value) => choices.push(Choice { value, label: c.label.clone(), label_en: c.label_en.clone() }),
            None => errs.push(path, format!("{key}.choices[{i}].value"), "not a valid value for this parameter"),
        }
    }
    Some(Parameter {
        id: id.to_string(),
        label: pf.label.clone(),
        label_en: pf.label_en.clone(),
        unit: pf.unit.clone(),
        kind,
        description: pf.description.clone(),
        values,
        unknown: pf.unknown.clone(),
        choices,
    })
}

/// Every parameter the provisions a programme lists will read.
fn required_params(p: &Programme) -> Vec<ParamId> {
    let mut out: Vec<ParamId> = Vec::new();
    for prov in catalogue::get(p.id).provisions {
        if p.provisions.contains_key(prov.key) {
            for id in prov.params {
                if !out.contains(id) {
                    out.push(*id);
                }
            }
        }
    }
    out
}
