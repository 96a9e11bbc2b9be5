//! Every parameter in force for a jurisdiction on a date: value, unit, source, confidence.
//! Serves `doudi params`, the page's parameters panel and the JS API.

use serde::Serialize;

use crate::dates::parse_date;
use crate::error::InputError;
use crate::policy::{Choice, Confidence, ParamValue, Policies};
use crate::text::Lang;

/// A parameter as in force on a date.
#[derive(Clone, Debug, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ParamInForce {
    pub id: String,
    pub label: String,
    pub unit: String,
    /// Null when no value is known on this date.
    #[cfg_attr(feature = "schema", schemars(with = "Option<serde_json::Value>"))]
    pub value: Option<ParamValue>,
    /// The date this value took effect (`YYYY-MM-DD`).
    pub from: Option<String>,
    /// The clause (`000:2.5.4`) that sets it, if a document does.
    pub clause: Option<String>,
    /// The clause's words, when a clause sets it.
    pub clause_text: Option<String>,
    /// An outside source, when no clause does.
    pub source: Option<String>,
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
    pub description: Option<String>,
    /// What was looked for and not found, when no value is known.
    pub unknown: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub choices: Vec<Choice>,
}

/// A parameter's unit code (`yuan_per_person_month`) in words (`元/人/月`), or nothing for a
/// code with no words: the page's parameter panel and the 摸排 page's what-if show these.
pub fn unit_words(unit: &str, lang: Lang) -> &'static str {
    let (zh, en) = match unit {
        "yuan_per_person_month" => ("元/人/月", "yuan per person a month"),
        "yuan_per_month" => ("元/月", "yuan a month"),
        "yuan" => ("元", "yuan"),
        "months" => ("个月", "months"),
        "years" => ("岁", "years"),
        "multiple" => ("倍", "times"),
        "rate" => ("比例", "rate"),
        "grade" => ("级", "grade"),
        "date" => ("日期", "date"),
        "bool" => ("是/否", "yes/no"),
        _ => return "",
    };
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Every parameter of `jurisdiction` in force on `as_of` (`YYYY-MM-DD`), by id.
pub fn parameters(jurisdiction: &str, as_of: &str, lang: Lang) -> Result<Vec<ParamInForce>, InputError> {
    parameters_in(crate::embedded_policies()?, jurisdiction, as_of, lang)
}

/// [`parameters`], from these policies.
pub fn parameters_in(
    policies: &Policies,
    jurisdiction: &str,
    as_of: &str,
    lang: Lang,
) -> Result<Vec<ParamInForce>, InputError> {
    let j = policies.jurisdiction(jurisdiction).ok_or_else(|| {
        InputError::new(
            "jurisdiction",
            format!("unknown jurisdiction \"{jurisdiction}\""),
            format!("不支持的地区“{jurisdiction}”"),
        )
    })?;
    let date = parse_date(as_of).ok_or_else(|| {
        InputError::new("as_of", format!("\"{as_of}\" is not a date (YYYY-MM-DD)"), "请按 2020-04-15 的格式填写日期")
    })?;
    Ok(j.parameters
        .values()
        .map(|p| {
            let entry = p.entry_on(date);
            let clause = entry.and_then(|e| e.source.clause.clone());
            ParamInForce {
                id: p.id.clone(),
                label: match lang {
                    Lang::Zh => p.label.clone(),
                    Lang::En => p.label_en.clone(),
                },
                unit: p.unit.clone(),
                value: entry.and_then(|e| e.value),
                from: entry.map(|e| e.from.to_string()),
                clause_text: clause.as_ref().and_then(|c| policies.clause(c)).map(|(_, c)| c.text.clone()),
                clause: clause.map(|c| c.to_string()),
                source: entry.and_then(|e| e.source.text.clone()),
                confidence: entry.map(|e| e.source.confidence),
                note: entry.and_then(|e| e.source.note.clone()),
                description: p.description.clone(),
                unknown: if entry.and_then(|e| e.value).is_none() {
                    Some(p.unknown.clone().unwrap_or_else(|| "no value is known on this date".into()))
                } else {
                    None
                },
                choices: p.choices.clone(),
            }
        })
        .collect())
}

/// Per jurisdiction: how many parameters, programmes and clauses, and which clauses no
/// rule, referral or parameter cites and none marks procedural.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Coverage {
    pub jurisdiction: String,
    pub parameters: usize,
    pub programmes: usize,
    pub clauses: usize,
    pub cited: usize,
    pub procedural: usize,
    /// `DOC:CLAUSE` of each clause neither cited nor procedural.
    pub uncited: Vec<String>,
}

pub fn coverage(policies: &crate::policy::Policies) -> Vec<Coverage> {
    use std::collections::BTreeSet;
    policies
        .jurisdictions
        .iter()
        .map(|j| {
            let mut cited: BTreeSet<String> = BTreeSet::new();
            for p in &j.programmes {
                for refs in p.provisions.values() {
                    cited.extend(refs.iter().map(|r| r.to_string()));
                }
            }
            for p in j.parameters.values() {
                cited.extend(p.values.iter().filter_map(|v| v.source.clause.as_ref()).map(|r| r.to_string()));
            }
            let mut clauses = 0;
            let mut procedural = 0;
            let mut cited_n = 0;
            let mut uncited = Vec::new();
            for d in j.documents.iter().filter_map(|d| policies.document(d)) {
                for c in &d.clauses {
                    clauses += 1;
                    let id = format!("{}:{}", d.id, c.id);
                    if cited.contains(&id) {
                        cited_n += 1;
                    } else if c.procedural.is_some() {
                        procedural += 1;
                    } else {
                        uncited.push(id);
                    }
                }
            }
            Coverage {
                jurisdiction: j.id.clone(),
                parameters: j.parameters.len(),
                programmes: j.programmes.len(),
                clauses,
                cited: cited_n,
                procedural,
                uncited,
            }
        })
        .collect()
}
