//! How programmes combine into what a household receives (`policies/combine.toml`): how
//! each programme pays (ongoing, fixed-term, one-off) and the rules that keep two findings
//! from both being paid (a replacement, an alternative), each with its clause or outside
//! source. One reader for both loaders: the checked one and the browser's.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{ClauseRef, Confidence, PolicyError};
use crate::ids::ProgrammeId;

const FILE: &str = "policies/combine.toml";

/// How a programme pays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    /// Every month while the conditions hold.
    Ongoing,
    /// A monthly amount for a set number of months.
    FixedTerm,
    /// Paid once.
    OneOff,
    /// Pays no money (a referral).
    #[default]
    None,
}

/// A combination rule's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleKind {
    /// `keep` is paid instead of `set_aside` for the same person.
    Replaces,
    /// Two routes to the same help: the higher monthly amount is paid.
    Alternative,
}

/// One combination rule.
#[derive(Clone, Debug, Serialize)]
pub struct Rule {
    pub id: String,
    pub kind: RuleKind,
    /// For `replaces`: the programme kept. For `alternative`: the first route.
    pub keep: ProgrammeId,
    /// For `replaces`: the programmes set aside. For `alternative`: the other route.
    pub set_aside: Vec<ProgrammeId>,
    pub text: String,
    pub text_en: String,
    /// The clause the rule rests on, cited where the place's documents hold it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseRef>,
    /// Or an outside source, with how far to trust it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub confidence: Confidence,
}

/// Everything `policies/combine.toml` says.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Combine {
    /// By programme, in [`ProgrammeId::ALL`]'s order.
    pub payments: Vec<Payment>,
    pub rules: Vec<Rule>,
}

impl Combine {
    pub fn payment(&self, p: ProgrammeId) -> Payment {
        let i = ProgrammeId::ALL.iter().position(|&q| q == p).unwrap_or(0);
        self.payments.get(i).copied().unwrap_or_default()
    }
}

/// The file as written.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CombineFile {
    #[serde(default)]
    payments: BTreeMap<String, PaymentFile>,
    #[serde(default)]
    rules: Vec<RuleFile>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PaymentFile {
    kind: Payment,
    #[serde(default)]
    #[allow(dead_code)] // for readers of the file
    note: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    id: String,
    kind: String,
    #[serde(default)]
    keep: Option<String>,
    #[serde(default)]
    set_aside: Vec<String>,
    #[serde(default)]
    programmes: Vec<String>,
    text: String,
    text_en: String,
    #[serde(default)]
    clause: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    confidence: Option<String>,
}

/// Checks the file and resolves its names: every programme has a payment kind, every
/// programme named exists, every rule has a clause that exists or a source.
pub(super) fn read(file: CombineFile, clause_exists: impl Fn(&ClauseRef) -> bool) -> Result<Combine, Vec<PolicyError>> {
    let mut errs = Vec::new();
    let mut err = |key: String, message: String| errs.push(PolicyError { file: FILE.into(), key, message });
    let mut payments = vec![Payment::None; ProgrammeId::ALL.len()];
    for (i, p) in ProgrammeId::ALL.iter().enumerate() {
        match file.payments.get(p.as_str()) {
            Some(x) => payments[i] = x.kind,
            None => err(format!("payments.{}", p.as_str()), "no payment kind for this programme".into()),
        }
    }
    for name in file.payments.keys() {
        if ProgrammeId::parse(name).is_none() {
            err(format!("payments.{name}"), format!("no programme \"{name}\" exists"));
        }
    }
    let mut rules = Vec::new();
    for (n, r) in file.rules.into_iter().enumerate() {
        let key = |k: &str| format!("rules[{n}].{k}");
        let programme = |name: &str, k: &str, err: &mut dyn FnMut(String, String)| {
            let p = ProgrammeId::parse(name);
            if p.is_none() {
                err(key(k), format!("no programme \"{name}\" exists"));
            }
            p
        };
        let (kind, keep, set_aside) = match r.kind.as_str() {
            "replaces" => {
                let keep = r.keep.as_deref().and_then(|k| programme(k, "keep", &mut err));
                let aside: Vec<_> = r.set_aside.iter().filter_map(|k| programme(k, "set_aside", &mut err)).collect();
                if r.keep.is_none() || aside.is_empty() {
                    err(key("kind"), "a replacement names `keep` and at least one `set_aside`".into());
                }
                (RuleKind::Replaces, keep, aside)
            }
            "alternative" => {
                let ps: Vec<_> = r.programmes.iter().filter_map(|k| programme(k, "programmes", &mut err)).collect();
                if r.programmes.len() != 2 {
                    err(key("programmes"), "an alternative names exactly two programmes".into());
                }
                (RuleKind::Alternative, ps.first().copied(), ps.get(1).copied().into_iter().collect())
            }
            other => {
                err(key("kind"), format!("\"{other}\" is not a kind: \"replaces\" or \"alternative\""));
                continue;
            }
        };
        let clause = match r.clause.as_deref().map(|c| (c, ClauseRef::parse(c))) {
            Some((_, Some(c))) if clause_exists(&c) => Some(c),
            Some((c, _)) => {
                err(key("clause"), format!("no clause \"{c}\" exists"));
                None
            }
            None => None,
        };
        let confidence = match (&clause, r.confidence.as_deref()) {
            (Some(_), None) => Confidence::Document,
            (_, Some(c)) => Confidence::parse(c).unwrap_or_else(|| {
                err(key("confidence"), format!("\"{c}\" is not a confidence: high, medium or low"));
                Confidence::Low
            }),
            (None, None) => Confidence::Low,
        };
        if clause.is_none() && r.source.as_deref().is_none_or(str::is_empty) {
            err(key("source"), "a rule rests on a `clause` or a named `source`".into());
        }
        if let Some(keep) = keep {
            rules.push(Rule {
                id: r.id,
                kind,
                keep,
                set_aside,
                text: r.text,
                text_en: r.text_en,
                clause,
                source: r.source,
                confidence,
            });
        }
    }
    if errs.is_empty() {
        Ok(Combine { payments, rules })
    } else {
        Err(errs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_json(v: serde_json::Value) -> Result<Combine, Vec<PolicyError>> {
        read(serde_json::from_value(v).unwrap(), |c| c.document == "002")
    }

    fn payments() -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for p in ProgrammeId::ALL {
            m.insert(p.as_str().into(), serde_json::json!({ "kind": "ongoing" }));
        }
        serde_json::Value::Object(m)
    }

    #[test]
    fn a_rule_names_real_programmes_and_rests_on_a_clause_or_a_source() {
        let bad = serde_json::json!({ "payments": payments(), "rules": [
            { "id": "a", "kind": "replaces", "keep": "tekun", "set_aside": ["dibaoo"], "text": "", "text_en": "" },
            { "id": "b", "kind": "alternative", "programmes": ["dibao", "tekun"], "text": "", "text_en": "", "clause": "009:1.0.1" },
            { "id": "c", "kind": "instead", "text": "", "text_en": "", "source": "x" },
        ]});
        let errs = read_json(bad).unwrap_err();
        let keys: Vec<&str> = errs.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "rules[0].set_aside",
                "rules[0].kind",
                "rules[0].source",
                "rules[1].clause",
                "rules[1].source",
                "rules[2].kind"
            ]
        );
        assert!(errs.iter().all(|e| e.file == FILE));
    }

    #[test]
    fn every_programme_has_a_payment_kind() {
        let mut p = payments();
        p.as_object_mut().unwrap().remove("tekun");
        let errs = read_json(serde_json::json!({ "payments": p })).unwrap_err();
        assert_eq!(errs[0].key, "payments.tekun");
        let ok = read_json(serde_json::json!({ "payments": payments(), "rules": [
            { "id": "b", "kind": "alternative", "programmes": ["dibao", "tekun"], "text": "t", "text_en": "t", "clause": "002:1.0.2" },
        ]}))
        .unwrap();
        assert_eq!(ok.rules[0].confidence, Confidence::Document);
        assert_eq!(ok.payment(ProgrammeId::Tekun), Payment::Ongoing);
    }
}
