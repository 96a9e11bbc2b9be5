//! The resolved bundle: the policies after every check, overlays merged (`extends`), groups
//! inherited and places ordered, as one JSON text that both native and WebAssembly builds read
//! with [`read`], the one small reader.
//!
//! `build.rs` runs the checked loader ([`super::validate`], compiled into the build script)
//! on the files under `policies/`, fails the build with each problem's file, key and message,
//! and writes what it built with [`write`]. At run time nothing is merged or checked again:
//! [`read`] only turns the resolved shape back into [`Policies`] and resolves each clause
//! reference to where its clause sits. `doudi … --policies DIR` runs the same checked loader
//! on a folder at run time instead.
//!
//! The shape mirrors the model field by field (a clause reference is `"000:2.5.3"`, a number
//! its exact decimal text, a date `YYYY-MM-DD`, an open end `"open"`); a test checks that
//! `read(write(p))` is `p` for the checked policies.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::*;
use crate::dates::parse_date;
use crate::ids::{self, ProgrammeId};

/// The resolved bundle of `p` (written by `build.rs`; natively also by tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn write(p: &Policies) -> String {
    use serde_json::json;
    let refs = |v: &[ClauseRef]| -> Value { v.iter().map(|r| Value::String(r.to_string())).collect() };
    let value = |v: &ParamValue| -> Value {
        match v {
            ParamValue::Number(d) => Value::String(d.to_string()),
            ParamValue::Date(d) => Value::String(d.to_string()),
            ParamValue::Open => Value::String("open".into()),
            ParamValue::Bool(b) => Value::Bool(*b),
        }
    };
    let documents: Vec<Value> = p
        .documents
        .iter()
        .map(|d| {
            json!({
                "id": d.id, "jurisdiction": d.jurisdiction, "title": d.title, "title_en": d.title_en,
                "number": d.number, "issuer": d.issuer, "issuer_en": d.issuer_en, "date": d.date,
                "applies_from": d.applies_from.map(|x| x.to_string()), "source": d.source,
                "clauses": d.clauses.iter().map(|c| json!({
                    "id": c.id, "label": c.label, "heading": c.heading, "text": c.text, "procedural": c.procedural,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let jurisdictions: Vec<Value> = p
        .jurisdictions
        .iter()
        .map(|j| {
            let programmes: Vec<Value> = j
                .programmes
                .iter()
                .map(|g| {
                    let provisions: Map<String, Value> =
                        g.provisions.iter().map(|(k, v)| (k.clone(), refs(v))).collect();
                    json!({ "id": g.id.as_str(), "provisions": provisions, "groups": g.groups })
                })
                .collect();
            let parameters: Vec<Value> = j
                .parameters
                .values()
                .map(|q| {
                    json!({
                        "id": q.id, "label": q.label, "label_en": q.label_en, "unit": q.unit,
                        "description": q.description, "unknown": q.unknown,
                        "values": q.values.iter().map(|v| json!({
                            "from": v.from.to_string(), "value": v.value.as_ref().map(value),
                            "clause": v.source.clause.as_ref().map(|r| r.to_string()), "text": v.source.text,
                            "confidence": confidence(v.source.confidence), "note": v.source.note,
                            "from_unknown": v.from_unknown,
                        })).collect::<Vec<_>>(),
                        "choices": q.choices.iter().map(|c| json!({
                            "value": value(&c.value), "label": c.label, "label_en": c.label_en,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let epidemic: Vec<Value> = j
                .epidemic
                .iter()
                .map(|m| json!({ "kind": table(m.kind), "key": m.key, "clauses": refs(&m.clauses) }))
                .collect();
            json!({
                "id": j.id, "name": j.name, "name_en": j.name_en, "order": j.order, "documents": j.documents,
                "programmes": programmes, "parameters": parameters, "epidemic": epidemic,
            })
        })
        .collect();
    json!({ "documents": documents, "jurisdictions": jurisdictions }).to_string()
}

#[cfg(not(target_arch = "wasm32"))]
fn confidence(c: Confidence) -> &'static str {
    match c {
        Confidence::Document => "document",
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn table(kind: MeasureKind) -> &'static str {
    MeasureKind::ALL.iter().find(|(k, _)| *k == kind).map_or("", |(_, t)| t)
}

/// The resolved bundle is not as [`write`] writes it (the message says where to look).
struct Unreadable;

type Read<T> = Result<T, Unreadable>;

/// The policies of a resolved bundle, with `version` as their policy version. A bundle this
/// cannot read is refused whole, never half-read.
pub fn read(json: &str, version: &str) -> Result<Policies, Vec<PolicyError>> {
    policies(json, version).map_err(|Unreadable| {
        vec![PolicyError {
            file: "(resolved bundle)".into(),
            key: String::new(),
            message: "the embedded policies cannot be read: rebuild (build.rs writes them)".into(),
        }]
    })
}

fn policies(json: &str, version: &str) -> Read<Policies> {
    let bundle: Value = serde_json::from_str(json).map_err(|_| Unreadable)?;
    let mut documents = Vec::new();
    for d in array(&bundle, "documents")? {
        documents.push(document(d)?);
    }
    // Where each clause sits, for the references.
    let mut at: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for (i, d) in documents.iter().enumerate() {
        for (k, c) in d.clauses.iter().enumerate() {
            at.insert((d.id.as_str(), c.id.as_str()), (i, k));
        }
    }
    let cite = |v: &Value| -> Read<ClauseRef> {
        let r = ClauseRef::parse(v.as_str().ok_or(Unreadable)?).ok_or(Unreadable)?;
        let &(d, c) = at.get(&(r.document.as_str(), r.clause.as_str())).ok_or(Unreadable)?;
        let from = documents[d].applies_from;
        Ok(r.resolved(d, c, from))
    };
    let cites = |v: &Value| -> Read<Vec<ClauseRef>> { v.as_array().ok_or(Unreadable)?.iter().map(cite).collect() };
    let mut jurisdictions = Vec::new();
    for j in array(&bundle, "jurisdictions")? {
        let mut programmes = Vec::new();
        for g in array(j, "programmes")? {
            let mut provisions = BTreeMap::new();
            for (key, refs) in object(g, "provisions")? {
                provisions.insert(key.clone(), cites(refs)?);
            }
            programmes.push(Programme {
                id: ProgrammeId::parse(&string(g, "id")?).ok_or(Unreadable)?,
                provisions,
                groups: strings(g, "groups")?,
            });
        }
        let mut parameters = BTreeMap::new();
        for q in array(j, "parameters")? {
            let p = parameter(q, &cite)?;
            parameters.insert(p.id.clone(), p);
        }
        let mut epidemic = Vec::new();
        for m in array(j, "epidemic")? {
            let t = string(m, "kind")?;
            let kind = MeasureKind::ALL.iter().find(|(_, name)| *name == t).ok_or(Unreadable)?.0;
            epidemic.push(Measure {
                kind,
                key: string(m, "key")?,
                clauses: cites(m.get("clauses").ok_or(Unreadable)?)?,
            });
        }
        jurisdictions.push(Jurisdiction {
            id: string(j, "id")?,
            name: string(j, "name")?,
            name_en: string(j, "name_en")?,
            order: match j.get("order").filter(|o| !o.is_null()) {
                Some(n) => Some(n.as_u64().and_then(|n| u32::try_from(n).ok()).ok_or(Unreadable)?),
                None => None,
            },
            documents: strings(j, "documents")?,
            programmes,
            parameters,
            epidemic,
        });
    }
    Ok(Policies { version: version.to_string(), documents, jurisdictions })
}

fn document(d: &Value) -> Read<Document> {
    let mut clauses = Vec::new();
    for c in array(d, "clauses")? {
        let (id, label, text) = (string(c, "id")?, string(c, "label")?, string(c, "text")?);
        clauses.push(Clause {
            quote: ClauseQuote::new(&id, &label, &text),
            id,
            label,
            heading: optional(c, "heading"),
            text,
            procedural: optional(c, "procedural"),
        });
    }
    let (id, title, title_en, number) =
        (string(d, "id")?, string(d, "title")?, string(d, "title_en")?, string(d, "number")?);
    Ok(Document {
        quote: DocumentQuote::new(&id, &title, &title_en, &number),
        id,
        jurisdiction: string(d, "jurisdiction")?,
        title,
        title_en,
        number,
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

fn parameter(q: &Value, cite: &dyn Fn(&Value) -> Read<ClauseRef>) -> Read<Parameter> {
    let id = string(q, "id")?;
    let kind = ids::param_kind(&id).ok_or(Unreadable)?;
    let value = |v: &Value| ParamValue::parse(kind, v).ok_or(Unreadable);
    let mut values = Vec::new();
    for v in array(q, "values")? {
        values.push(DatedValue {
            from: parse_date(&string(v, "from")?).ok_or(Unreadable)?,
            value: match v.get("value").filter(|x| !x.is_null()) {
                Some(raw) => Some(value(raw)?),
                None => None,
            },
            source: Source {
                clause: match v.get("clause").filter(|x| !x.is_null()) {
                    Some(c) => Some(cite(c)?),
                    None => None,
                },
                text: optional(v, "text"),
                confidence: Confidence::parse(&string(v, "confidence")?).ok_or(Unreadable)?,
                note: optional(v, "note"),
            },
            from_unknown: v.get("from_unknown").and_then(Value::as_bool).ok_or(Unreadable)?,
        });
    }
    let mut choices = Vec::new();
    for c in array(q, "choices")? {
        choices.push(Choice {
            value: value(c.get("value").ok_or(Unreadable)?)?,
            label: string(c, "label")?,
            label_en: string(c, "label_en")?,
        });
    }
    Ok(Parameter {
        label: string(q, "label")?,
        label_en: string(q, "label_en")?,
        unit: string(q, "unit")?,
        kind,
        description: optional(q, "description"),
        values,
        unknown: optional(q, "unknown"),
        choices,
        id,
    })
}

fn string(v: &Value, key: &str) -> Read<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string).ok_or(Unreadable)
}

/// A string or `null`.
fn optional(v: &Value, key: &str) -> Option<String> {
    v.get(key).and_then(Value::as_str).map(str::to_string)
}

fn object<'a>(v: &'a Value, key: &str) -> Read<&'a Map<String, Value>> {
    v.get(key).and_then(Value::as_object).ok_or(Unreadable)
}

fn array<'a>(v: &'a Value, key: &str) -> Read<&'a Vec<Value>> {
    v.get(key).and_then(Value::as_array).ok_or(Unreadable)
}

fn strings(v: &Value, key: &str) -> Read<Vec<String>> {
    array(v, key)?.iter().map(|s| s.as_str().map(str::to_string).ok_or(Unreadable)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the checked loader builds from the files, [`write`] and [`read`] carry over
    /// unchanged (compared through the `Debug` text, which shows every field, clause
    /// positions included), and it is what this native build embeds.
    #[test]
    fn the_resolved_bundle_reads_back_as_the_checked_loader_built_it() {
        let checked = Policies::from_bundle(SOURCE, EMBEDDED_VERSION.trim()).expect("consistent");
        let text = write(&checked);
        let read_back = read(&text, &checked.version).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(format!("{checked:?}"), format!("{read_back:?}"));
        assert_eq!(write(&read_back), text);
        assert_eq!(text, EMBEDDED);
        assert_eq!(format!("{checked:?}"), format!("{:?}", embedded().expect("consistent")));
    }

    #[test]
    fn a_bundle_it_cannot_read_is_refused_whole() {
        let p = embedded().expect("consistent");
        let text = write(p).replacen("\"000:", "\"999:", 1);
        let e = read(&text, "v").unwrap_err();
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("cannot be read"), "{e:?}");
        assert!(read("{}", "v").is_err());
    }
}
