//! Loading the embedded policies in WebAssembly, where code size counts: the same
//! [`Policies`] that `validate::load` builds from the same bundle, read straight from
//! a `serde_json::Value` with none of the checks (and none of their messages, the typed file
//! shapes, or the maps that only the checks need).
//!
//! This trusts the bundle: `cargo test` runs natively, where [`super::embedded`] runs every
//! check on it, and the test below asserts that both loaders build the same policies. A bundle
//! this cannot read (a missing key, a citation of no clause, a cycle of `extends`) is refused
//! whole, never half-read, with one message that says to run the checks.

// Natively only the test below uses it.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::dates::parse_date;
use super::*;
use crate::ids::{self, ProgrammeId};

/// The bundle is not as `build.rs` writes checked policy files (the message says where to look).
struct Unreadable;

type Read<T> = Result<T, Unreadable>;

pub(super) fn load(json: &str, version: &str) -> Result<Policies, Vec<PolicyError>> {
    read(json, version).map_err(|Unreadable| {
        vec![PolicyError {
            file: "(bundle)".into(),
            key: String::new(),
            message: "the embedded policies cannot be read; `cargo test` (or `doudi check`) says why".into(),
        }]
    })
}

fn read(json: &str, version: &str) -> Read<Policies> {
    let bundle: Value = serde_json::from_str(json).map_err(|_| Unreadable)?;
    let mut documents = Vec::new();
    for d in object(&bundle, "documents")?.values() {
        documents.push(document(d)?);
    }
    sort_by(&mut documents, |a, b| a.id < b.id);
    let files = object(&bundle, "jurisdictions")?;
    let mut resolved: Vec<Jurisdiction> = Vec::new();
    let mut jurisdictions = Vec::new();
    for f in files.values() {
        let j = resolve(f, files, &documents, &mut resolved, 0)?;
        if f.get("abstract") != Some(&Value::Bool(true)) {
            jurisdictions.push(j);
        }
    }
    sort_by(&mut jurisdictions, |a, b| a.order_key() < b.order_key());
    Ok(Policies { version: version.to_string(), documents, jurisdictions })
}

fn document(d: &Value) -> Read<Document> {
    let mut clauses = Vec::new();
    for c in array(d, "clauses")? {
        clauses.push(Clause {
            id: string(c, "id")?,
            label: string(c, "label")?,
            heading: optional(c, "heading"),
            text: string(c, "text")?,
            procedural: optional(c, "procedural"),
        });
    }
    Ok(Document {
        id: string(d, "id")?,
        jurisdiction: string(d, "jurisdiction")?,
        title: string(d, "title")?,
        title_en: string(d, "title_en")?,
        number: string(d, "number")?,
        issuer: string(d, "issuer")?,
        issuer_en: string(d, "issuer_en")?,
        date: optional(d, "date"),
        applies_from: match optional(d, "applies_from") {
            Some(s) => Some(parse_date(&s).ok_or(Unreadable)?),
            None => None,
        },
        source: string(d, "source")?,
        clauses,
    })
}

/// The jurisdiction file `f` merged over the one it extends (resolved first, once: `resolved`
/// keeps every one merged so far).
fn resolve(
    f: &Value,
    files: &Map<String, Value>,
    docs: &[Document],
    resolved: &mut Vec<Jurisdiction>,
    depth: usize,
) -> Read<Jurisdiction> {
    let id = string(f, "id")?;
    if let Some(j) = resolved.iter().find(|j| j.id == id) {
        return Ok(j.clone());
    }
    // A chain longer than the number of files has a cycle.
    if depth > files.len() {
        return Err(Unreadable);
    }
    let mut j = match f.get("extends").and_then(Value::as_str) {
        Some(base) => {
            let file = files.values().find(|b| b.get("id").and_then(Value::as_str) == Some(base)).ok_or(Unreadable)?;
            resolve(file, files, docs, resolved, depth + 1)?
        }
        None => Jurisdiction {
            id: String::new(),
            name: String::new(),
            name_en: String::new(),
            order: None,
            documents: Vec::new(),
            programmes: Vec::new(),
            parameters: BTreeMap::new(),
            epidemic: Vec::new(),
        },
    };
    j.id = id;
    j.name = string(f, "name")?;
    j.name_en = string(f, "name_en")?;
    j.order = match f.get("order") {
        Some(n) => Some(n.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(Unreadable)?),
        None => None,
    };
    for d in strings(f, "documents")? {
        if !j.documents.contains(&d) {
            j.documents.push(d);
        }
    }
    let cite = |s: &str| -> Read<ClauseRef> {
        let r = ClauseRef::parse(s).ok_or(Unreadable)?;
        if !j.documents.contains(&r.document) {
            return Err(Unreadable);
        }
        let di = docs.iter().position(|d| d.id == r.document).ok_or(Unreadable)?;
        let ci = docs[di].clauses.iter().position(|c| c.id == r.clause).ok_or(Unreadable)?;
        Ok(r.resolved(di, ci, docs[di].applies_from))
    };
    for (name, pf) in entries(f, "programmes")? {
        let id = ProgrammeId::parse(name).ok_or(Unreadable)?;
        let mut provisions = j.programme(id).map(|p| p.provisions.clone()).unwrap_or_default();
        for (key, refs) in entries(pf, "provisions")? {
            let list = provisions.entry(key.clone()).or_default();
            for s in refs.as_array().ok_or(Unreadable)? {
                let r = cite(s.as_str().ok_or(Unreadable)?)?;
                if !list.contains(&r) {
                    list.push(r);
                }
            }
        }
        let groups = match pf.get("groups") {
            Some(_) => strings(pf, "groups")?,
            None => j.programme(id).map(|p| p.groups.clone()).unwrap_or_default(),
        };
        let programme = Programme { id, provisions, groups };
        match j.programmes.iter_mut().find(|p| p.id == id) {
            Some(p) => *p = programme,
            None => j.programmes.push(programme),
        }
    }
    sort_by(&mut j.programmes, |a, b| a.id < b.id);
    for (id, pf) in entries(f, "parameters")? {
        let p = parameter(id, pf, &cite)?;
        j.parameters.insert(p.id.clone(), p);
    }
    // A wasm build leaves the measures out of its bundle (build.rs), and this code out, unless
    // it is built with the feature `epidemic`; natively the test below checks that it reads them
    // as the checked loader does.
    #[cfg(any(not(target_arch = "wasm32"), feature = "epidemic"))]
    if let Some(e) = f.get("epidemic") {
        for (kind, table) in MeasureKind::ALL {
            for (key, refs) in entries(e, table)? {
                let mut clauses = Vec::new();
                for s in refs.as_array().ok_or(Unreadable)? {
                    clauses.push(cite(s.as_str().ok_or(Unreadable)?)?);
                }
                super::validate::add_measure(&mut j.epidemic, kind, key, clauses);
            }
        }
        sort_by(&mut j.epidemic, |a, b| (a.kind, &a.key) < (b.kind, &b.key));
    }
    resolved.push(j.clone());
    Ok(j)
}

fn parameter(id: &str, pf: &Value, cite: &dyn Fn(&str) -> Read<ClauseRef>) -> Read<Parameter> {
    let kind = ids::param_kind(id).ok_or(Unreadable)?;
    let mut values = Vec::new();
    for v in list(pf, "values")? {
        let clause = match v.get("clause").and_then(Value::as_str) {
            Some(c) => Some(cite(c)?),
            None => None,
        };
        let confidence = match (&clause, v.get("confidence").and_then(Value::as_str)) {
            (_, Some(c)) => Confidence::parse(c).ok_or(Unreadable)?,
            (Some(_), None) => Confidence::Document,
            (None, None) => return Err(Unreadable),
        };
        values.push(DatedValue {
            from: parse_date(v.get("from").and_then(Value::as_str).ok_or(Unreadable)?).ok_or(Unreadable)?,
            value: match v.get("value").filter(|x| !x.is_null()) {
                Some(raw) => Some(ParamValue::parse(kind, raw).ok_or(Unreadable)?),
                None => None,
            },
            source: Source { clause, text: optional(v, "source"), confidence, note: optional(v, "note") },
            from_unknown: v.get("from_unknown").and_then(Value::as_bool).unwrap_or(false),
        });
    }
    let mut choices = Vec::new();
    for c in list(pf, "choices")? {
        choices.push(Choice {
            value: ParamValue::parse(kind, c.get("value").ok_or(Unreadable)?).ok_or(Unreadable)?,
            label: string(c, "label")?,
            label_en: string(c, "label_en")?,
        });
    }
    Ok(Parameter {
        id: id.to_string(),
        label: string(pf, "label")?,
        label_en: string(pf, "label_en")?,
        unit: string(pf, "unit")?,
        kind,
        description: optional(pf, "description"),
        values,
        unknown: optional(pf, "unknown"),
        choices,
    })
}

fn string(v: &Value, key: &str) -> Read<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string).ok_or(Unreadable)
}

/// An optional string; TOML has no null, but a non-finite float becomes one in the bundle.
fn optional(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn object<'a>(v: &'a Value, key: &str) -> Read<&'a Map<String, Value>> {
    v.get(key).and_then(Value::as_object).ok_or(Unreadable)
}

fn array<'a>(v: &'a Value, key: &str) -> Read<&'a Vec<Value>> {
    v.get(key).and_then(Value::as_array).ok_or(Unreadable)
}

/// An optional table, by key (empty when absent), in key order.
fn entries<'a>(v: &'a Value, key: &str) -> Read<impl Iterator<Item = (&'a String, &'a Value)>> {
    Ok(match v.get(key) {
        None => None,
        Some(x) => Some(x.as_object().ok_or(Unreadable)?),
    }
    .into_iter()
    .flatten())
}

/// An optional array (empty when absent).
fn list<'a>(v: &'a Value, key: &str) -> Read<&'a [Value]> {
    match v.get(key) {
        None => Ok(&[]),
        Some(x) => x.as_array().map(Vec::as_slice).ok_or(Unreadable),
    }
}

/// An optional array of strings (empty when absent).
fn strings(v: &Value, key: &str) -> Read<Vec<String>> {
    list(v, key)?.iter().map(|s| s.as_str().map(str::to_string).ok_or(Unreadable)).collect()
}

/// A stable insertion sort: the lists are short, and `slice::sort_by` would bring its own
/// (large) code for each element type.
fn sort_by<T>(v: &mut [T], less: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut k = i;
        while k > 0 && less(&v[k], &v[k - 1]) {
            v.swap(k, k - 1);
            k -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_embedded_policies_as_the_checked_loader_builds_them() {
        let checked = Policies::from_bundle(EMBEDDED, "v").expect("consistent");
        let trusted = load(EMBEDDED, "v").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(format!("{trusted:#?}"), format!("{checked:#?}"));
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        for bad in ["", "{}", r#"{"documents":{},"jurisdictions":{"x":{"id":"a","extends":"a"}}}"#] {
            assert!(load(bad, "v").is_err(), "{bad}");
        }
        let broken = EMBEDDED.replacen("\"000:", "\"000:9.9.9x", 1);
        assert!(load(&broken, "v").is_err());
    }
}
