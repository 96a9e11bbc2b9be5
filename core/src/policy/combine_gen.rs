//! `policies/combine.toml` checked and turned into Rust at build time (`build.rs` includes
//! this file; `cargo test` runs its tests): a mistake fails `cargo build` with the file, the
//! key and a plain message, and the engine reads a static table with no parser in the wasm.
//! Std and `toml` only, so that the build script can use it.

use std::collections::BTreeSet;

const FILE: &str = "policies/combine.toml";
const KINDS: [(&str, &str); 4] =
    [("ongoing", "Ongoing"), ("fixed_term", "FixedTerm"), ("one_off", "OneOff"), ("none", "None")];
const CONFIDENCE: [(&str, &str); 3] = [("high", "High"), ("medium", "Medium"), ("low", "Low")];

/// `dibao_single_person` → `DibaoSinglePerson`.
fn variant(id: &str) -> String {
    id.split('_').map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

/// The Rust source of the table, or every problem found (`FILE: key: message`).
/// `programmes`: the programme ids that exist; `clauses`: the clause refs (`002:1.0.2`) that exist.
pub fn generate(text: &str, programmes: &[&str], clauses: &BTreeSet<String>) -> Result<String, Vec<String>> {
    let mut errs = Vec::new();
    let mut err = |key: &str, message: String| errs.push(format!("{FILE}: {key}: {message}"));
    let value: toml::Table = match toml::from_str(text) {
        Ok(v) => v,
        Err(e) => return Err(vec![format!("{FILE}: not valid TOML: {e}")]),
    };
    let programme = |name: &str, key: &str, err: &mut dyn FnMut(&str, String)| -> Option<String> {
        if programmes.contains(&name) {
            Some(format!("ProgrammeId::{}", variant(name)))
        } else {
            err(key, format!("no programme \"{name}\" exists"));
            None
        }
    };
    let string = |t: &toml::Table, k: &str| t.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let mut payments = Vec::new();
    let empty = toml::Table::new();
    let table = value.get("payments").and_then(|v| v.as_table()).unwrap_or(&empty);
    for p in programmes {
        if !table.contains_key(*p) {
            err(&format!("payments.{p}"), "no payment kind for this programme".into());
        }
    }
    for (name, v) in table {
        let key = format!("payments.{name}");
        let kind = v.as_table().and_then(|t| string(t, "kind"));
        let kind = KINDS.iter().find(|(k, _)| Some(*k) == kind.as_deref()).map(|(_, r)| *r);
        if let Some(extra) = v.as_table().and_then(|t| t.keys().find(|k| *k != "kind" && *k != "note")) {
            err(&format!("{key}.{extra}"), "unknown key (kind, note)".into());
        }
        match (programme(name, &key, &mut err), kind) {
            (Some(p), Some(k)) => payments.push(format!("({p}, Payment::{k})")),
            (_, None) => {
                err(&format!("{key}.kind"), "expected \"ongoing\", \"fixed_term\", \"one_off\" or \"none\"".into())
            }
            _ => {}
        }
    }
    for k in value.keys().filter(|k| *k != "payments" && *k != "rules") {
        err(k, "unknown key (payments, rules)".into());
    }
    let mut rules = Vec::new();
    let list = value.get("rules").and_then(|v| v.as_array()).cloned().unwrap_or_default();
    for (n, r) in list.iter().enumerate() {
        let key = |k: &str| format!("rules[{n}].{k}");
        let Some(r) = r.as_table() else {
            err(&key(""), "expected a table".into());
            continue;
        };
        const KEYS: [&str; 10] =
            ["id", "kind", "keep", "set_aside", "programmes", "text", "text_en", "clause", "source", "confidence"];
        for k in r.keys().filter(|k| !KEYS.contains(&k.as_str())) {
            err(&key(k), "unknown key".into());
        }
        let names = |k: &str| -> Vec<String> {
            r.get(k)
                .and_then(|v| v.as_array())
                .map_or(Vec::new(), |a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
        };
        let (kind, keep, aside) = match string(r, "kind").as_deref() {
            Some("replaces") => {
                let keep = string(r, "keep").and_then(|k| programme(&k, &key("keep"), &mut err));
                let aside: Vec<String> =
                    names("set_aside").iter().filter_map(|k| programme(k, &key("set_aside"), &mut err)).collect();
                if keep.is_none() || aside.is_empty() {
                    err(&key("kind"), "a replacement names `keep` and at least one `set_aside`".into());
                }
                ("Replaces", keep, aside)
            }
            Some("alternative") => {
                let ps = names("programmes");
                if ps.len() != 2 {
                    err(&key("programmes"), "an alternative names exactly two programmes".into());
                }
                let ps: Vec<String> = ps.iter().filter_map(|k| programme(k, &key("programmes"), &mut err)).collect();
                ("Alternative", ps.first().cloned(), ps.get(1).cloned().into_iter().collect())
            }
            other => {
                err(&key("kind"), format!("{other:?} is not a kind: \"replaces\" or \"alternative\""));
                continue;
            }
        };
        let clause = string(r, "clause");
        if let Some(c) = &clause {
            if !clauses.contains(c) {
                err(&key("clause"), format!("no clause \"{c}\" exists"));
            }
        }
        let source = string(r, "source").filter(|s| !s.is_empty());
        if clause.is_none() && source.is_none() {
            err(&key("source"), "a rule rests on a `clause` or a named `source`".into());
        }
        let confidence = match (string(r, "confidence"), &clause) {
            (None, Some(_)) => "Document",
            (Some(c), _) => CONFIDENCE.iter().find(|(k, _)| *k == c).map_or_else(
                || {
                    err(&key("confidence"), format!("\"{c}\" is not a confidence: high, medium or low"));
                    "Low"
                },
                |(_, v)| *v,
            ),
            (None, None) => {
                err(&key("confidence"), "a rule on an outside source says how far to trust it".into());
                "Low"
            }
        };
        let (Some(id), Some(text), Some(text_en)) = (string(r, "id"), string(r, "text"), string(r, "text_en")) else {
            err(&key("id"), "a rule has an `id`, a `text` and a `text_en`".into());
            continue;
        };
        let Some(keep) = keep else { continue };
        let opt = |s: &Option<String>| s.as_ref().map_or("None".to_string(), |s| format!("Some({s:?})"));
        rules.push(format!(
            "    Rule {{ id: {id:?}, kind: RuleKind::{kind}, keep: {keep}, set_aside: &[{}], text: {text:?}, \
             text_en: {text_en:?}, clause: {}, source: {}, confidence: Confidence::{confidence} }},\n",
            aside.join(", "),
            opt(&clause),
            opt(&source),
        ));
    }
    if !errs.is_empty() {
        return Err(errs);
    }
    Ok(format!(
        "// Generated by core/build.rs from {FILE}: do not edit.\n\
         pub static PAYMENTS: &[(ProgrammeId, Payment)] = &[{}];\n\
         pub static RULES: &[Rule] = &[\n{}];\n",
        payments.join(", "),
        rules.concat()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAMMES: [&str; 2] = ["dibao", "tekun"];

    fn clauses() -> BTreeSet<String> {
        ["002:1.0.2".to_string()].into()
    }

    #[test]
    fn a_good_file_becomes_a_table() {
        let text = r#"
            [payments]
            dibao = { kind = "ongoing" }
            tekun = { kind = "ongoing", note = "n" }
            [[rules]]
            id = "r"
            kind = "alternative"
            programmes = ["dibao", "tekun"]
            text = "t"
            text_en = "e"
            clause = "002:1.0.2"
        "#;
        let out = generate(text, &PROGRAMMES, &clauses()).unwrap();
        assert!(out.contains("(ProgrammeId::Dibao, Payment::Ongoing)"), "{out}");
        assert!(out.contains("keep: ProgrammeId::Dibao, set_aside: &[ProgrammeId::Tekun]"), "{out}");
        assert!(out.contains("clause: Some(\"002:1.0.2\"), source: None, confidence: Confidence::Document"), "{out}");
    }

    #[test]
    fn every_mistake_is_named_with_its_key() {
        let text = r#"
            [payments]
            dibao = { kind = "monthly" }
            [[rules]]
            id = "a"
            kind = "replaces"
            keep = "tekun"
            set_aside = ["dibaoo"]
            text = "t"
            text_en = "e"
            [[rules]]
            id = "b"
            kind = "alternative"
            programmes = ["dibao", "tekun"]
            text = "t"
            text_en = "e"
            clause = "009:1.0.1"
            [[rules]]
            id = "c"
            kind = "instead"
        "#;
        let errs = generate(text, &PROGRAMMES, &clauses()).unwrap_err();
        let keys: Vec<&str> = errs.iter().map(|e| e.split(": ").nth(1).unwrap()).collect();
        assert_eq!(
            keys,
            [
                "payments.tekun",
                "payments.dibao.kind",
                "rules[0].set_aside",
                "rules[0].kind",
                "rules[0].source",
                "rules[0].confidence",
                "rules[1].clause",
                "rules[2].kind"
            ],
            "{errs:#?}"
        );
        assert!(errs.iter().all(|e| e.starts_with("policies/combine.toml: ")));
    }
}
