//! The policy model: documents split into clauses, and for each jurisdiction its documents,
//! programmes (with the provisions that switch each rule on and the clauses that make them)
//! and dated parameters, each value with its source. Plain types, no loading: the build
//! script compiles this file too (`build.rs`, through `build_model.rs`), checks the policy
//! files into these types and writes them as the resolved bundle ([`super::resolved`]).

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use super::validate::{self, PolicyError};
use crate::ids::{Kind, ProgrammeId};

/// Every document and jurisdiction doudi knows.
#[derive(Clone, Debug, Serialize)]
pub struct Policies {
    pub version: String,
    pub documents: Vec<Document>,
    pub jurisdictions: Vec<Jurisdiction>,
}

/// One official document.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Document {
    pub id: String,
    pub jurisdiction: String,
    pub title: String,
    pub title_en: String,
    pub number: String,
    pub issuer: String,
    pub issuer_en: String,
    pub date: Option<String>,
    /// The day from which the document's measures apply, where the project reads them as
    /// applying from a date of their own (`applies_from` in the document's file): before it,
    /// its clauses are neither applied nor quoted. `None`: whenever its provisions say.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub applies_from: Option<NaiveDate>,
    pub source: String,
    pub clauses: Vec<Clause>,
    /// Its id and names as a citation quotes them, shared by every citation.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub quote: DocumentQuote,
}

/// One sentence of a document, quoted verbatim.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Clause {
    pub id: String,
    pub label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub procedural: Option<String>,
    /// Its id, label and words as a citation quotes them, shared by every citation.
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub quote: ClauseQuote,
}

/// A document as an assessment's citations name it (`assessment::Citation`), made once when
/// the policies are read, so that each citation shares these words instead of copying them.
#[derive(Clone, Debug, Default)]
pub struct DocumentQuote {
    pub id: Arc<str>,
    /// Its title with its number: `…的通知（津民发〔2020〕5号）`, `… (津民发〔2020〕5号)`.
    pub name: [Arc<str>; 2],
}

impl DocumentQuote {
    pub fn new(id: &str, title: &str, title_en: &str, number: &str) -> DocumentQuote {
        DocumentQuote {
            id: id.into(),
            name: [format!("{title}（{number}）").into(), format!("{title_en} ({number})").into()],
        }
    }
}

/// A clause as an assessment's citations quote it (see [`DocumentQuote`]).
#[derive(Clone, Debug, Default)]
pub struct ClauseQuote {
    pub id: Arc<str>,
    /// As a reader cites it, in Chinese (`二（五）第3句`) and in English ("section 2, item 5,
    /// sentence 3").
    pub label: [Arc<str>; 2],
    pub text: Arc<str>,
}

impl ClauseQuote {
    pub fn new(id: &str, label: &str, text: &str) -> ClauseQuote {
        let label_en = english_label(id).map_or_else(|| label.into(), Arc::from);
        ClauseQuote { id: id.into(), label: [label.into(), label_en], text: text.into() }
    }
}

/// A clause id read out in English: `2.5.3` → "section 2, item 5, sentence 3";
/// `1.0.4` → "section 1, sentence 4"; `0.0.2` → "preamble, sentence 2"; `9.0.1` → "signature".
fn english_label(id: &str) -> Option<String> {
    let mut parts = id.split('.').map(|p| p.parse::<u32>().ok());
    let (section, item, sentence) = (parts.next()??, parts.next()??, parts.next()??);
    Some(match (section, item) {
        (0, 0) => format!("preamble, sentence {sentence}"),
        (9, 0) => "signature".to_string(),
        (s, 0) => format!("section {s}, sentence {sentence}"),
        (s, i) => format!("section {s}, item {i}, sentence {sentence}"),
    })
}

/// `000:2.5.3`: a clause of a document.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct ClauseRef {
    pub document: String,
    pub clause: String,
    /// Where the clause sits in [`Policies::documents`], once loading has resolved it.
    at: Option<(usize, usize)>,
    /// Its document's `applies_from`, once loading has resolved it.
    from: Option<NaiveDate>,
}

impl ClauseRef {
    pub fn parse(s: &str) -> Option<ClauseRef> {
        let (d, c) = s.split_once(':')?;
        (!d.is_empty() && !c.is_empty()).then(|| ClauseRef {
            document: d.into(),
            clause: c.into(),
            at: None,
            from: None,
        })
    }

    pub(crate) fn resolved(mut self, document: usize, clause: usize, from: Option<NaiveDate>) -> ClauseRef {
        self.at = Some((document, clause));
        self.from = from;
        self
    }

    /// Whether the clause applies on `day`: its document applies from no later date.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|d| d <= day)
    }

    /// The day from which its document applies, where it has one.
    pub fn applies_from(&self) -> Option<NaiveDate> {
        self.from
    }
}

impl From<ClauseRef> for String {
    fn from(r: ClauseRef) -> String {
        r.to_string()
    }
}

impl std::fmt::Display for ClauseRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.document, self.clause)
    }
}

/// A place, with everything inherited from the jurisdictions it extends.
#[derive(Clone, Debug, Serialize)]
pub struct Jurisdiction {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// Where the place is listed (its file's `order`): see [`Jurisdiction::order_key`].
    #[serde(skip)]
    pub order: Option<u32>,
    /// Documents in force here, base jurisdiction's first.
    pub documents: Vec<String>,
    /// In the contract's order.
    pub programmes: Vec<Programme>,
    /// By id.
    pub parameters: BTreeMap<String, Parameter>,
    /// The epidemic measures among the above (`[epidemic.…]`), by kind, then key.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub epidemic: Vec<Measure>,
}

/// An epidemic measure: something the 2020 notices changed, with the clauses that make it.
/// Switched off, it leaves the ordinary rules (`crate::ordinary`).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measure {
    pub kind: MeasureKind,
    /// A programme id, `programme.provision`, a parameter id, or a price-subsidy group.
    pub key: String,
    pub clauses: Vec<ClauseRef>,
}

/// What kind of epidemic measure it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeasureKind {
    /// A programme that exists only in the epidemic.
    Programme,
    /// A provision of a programme (`programme.provision`).
    Provision,
    /// A parameter's values set by the measure's clauses.
    Parameter,
    /// A price-subsidy group.
    Group,
}

impl MeasureKind {
    /// In the order of the `[epidemic]` tables.
    pub const ALL: [(MeasureKind, &'static str); 4] = [
        (MeasureKind::Programme, "programmes"),
        (MeasureKind::Provision, "provisions"),
        (MeasureKind::Parameter, "parameters"),
        (MeasureKind::Group, "groups"),
    ];
}

/// A programme a jurisdiction's documents provide for.
#[derive(Clone, Debug, Serialize)]
pub struct Programme {
    pub id: ProgrammeId,
    /// Provision key → clauses. A rule applies a provision only where it is listed.
    pub provisions: BTreeMap<String, Vec<ClauseRef>>,
    pub groups: Vec<String>,
}

/// A policy parameter with its dated values.
#[derive(Clone, Debug, Serialize)]
pub struct Parameter {
    pub id: String,
    pub label: String,
    pub label_en: String,
    pub unit: String,
    #[serde(skip)]
    pub kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub values: Vec<DatedValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unknown: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

impl Parameter {
    /// The entry in force on `date`: the latest whose `from` is on or before it.
    pub fn entry_on(&self, date: NaiveDate) -> Option<&DatedValue> {
        self.values.iter().rev().find(|v| v.from <= date)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Choice {
    pub value: ParamValue,
    pub label: String,
    pub label_en: String,
}

/// A value and where it comes from, in force from `from` until the next one.
#[derive(Clone, Debug, Serialize)]
pub struct DatedValue {
    #[serde(serialize_with = "ser_date")]
    pub from: NaiveDate,
    /// `None`: no value is known from this date.
    pub value: Option<ParamValue>,
    pub source: Source,
    /// The start date is not known: `from` is a reading, and assessments that use the value
    /// say so.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub from_unknown: bool,
}

/// A parameter's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ParamValue {
    #[serde(serialize_with = "ser_decimal")]
    Number(Decimal),
    #[serde(serialize_with = "ser_date")]
    Date(NaiveDate),
    /// A date parameter with no end (`epidemic.end` = null: still in force).
    #[serde(serialize_with = "ser_open")]
    Open,
    Bool(bool),
}

impl ParamValue {
    /// A value of the given kind from a policy file or an override (JSON).
    pub fn parse(kind: Kind, raw: &serde_json::Value) -> Option<ParamValue> {
        use serde_json::Value as J;
        match (kind, raw) {
            (Kind::Number, J::Number(n)) => crate::money::parse_decimal(&n.to_string()).map(ParamValue::Number),
            (Kind::Number, J::String(s)) => crate::money::parse_decimal(s).map(ParamValue::Number),
            (Kind::Date, J::Null) => Some(ParamValue::Open),
            (Kind::Date, J::String(s)) if s == "open" => Some(ParamValue::Open),
            (Kind::Date, J::String(s)) => crate::dates::parse_date(s).map(ParamValue::Date),
            (Kind::Bool, J::Bool(b)) => Some(ParamValue::Bool(*b)),
            _ => None,
        }
    }
}

fn ser_decimal<S: serde::Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&d.normalize().to_string())
}

/// `YYYY-MM-DD` (chrono's own serde support would pull its format parser into the wasm).
fn ser_date<S: serde::Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(d)
}

fn ser_open<S: serde::Serializer>(s: S) -> Result<S::Ok, S::Error> {
    s.serialize_none()
}

impl ParamValue {
    pub fn number(self) -> Option<Decimal> {
        match self {
            ParamValue::Number(d) => Some(d),
            _ => None,
        }
    }

    /// Human text: `1010`, `2020-01-24`, `无终止日期`, `是`.
    pub fn display(self, lang: crate::text::Lang) -> String {
        use crate::text::Lang::*;
        match (self, lang) {
            (ParamValue::Number(d), _) => d.normalize().to_string(),
            (ParamValue::Date(d), _) => d.to_string(),
            (ParamValue::Open, Zh) => "未结束".into(),
            (ParamValue::Open, En) => "open (not ended)".into(),
            (ParamValue::Bool(b), Zh) => if b { "是" } else { "否" }.into(),
            (ParamValue::Bool(b), En) => if b { "yes" } else { "no" }.into(),
        }
    }
}

/// Where a value comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Source {
    /// The clause that sets it, when a document does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<ClauseRef>,
    /// An outside source (a published standard, a news report), when none does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    pub confidence: Confidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How far to trust a value: a document's own figure, or an outside source rated H/M/L.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Document,
    High,
    Medium,
    Low,
}

impl Confidence {
    pub fn parse(s: &str) -> Option<Confidence> {
        match s {
            "document" => Some(Confidence::Document),
            "high" | "H" => Some(Confidence::High),
            "medium" | "M" => Some(Confidence::Medium),
            "low" | "L" => Some(Confidence::Low),
            _ => None,
        }
    }

    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        use crate::text::Lang::*;
        match (self, lang) {
            (Confidence::Document, Zh) => "文件原文",
            (Confidence::High, Zh) => "高",
            (Confidence::Medium, Zh) => "中",
            (Confidence::Low, Zh) => "低",
            (Confidence::Document, En) => "the document",
            (Confidence::High, En) => "high",
            (Confidence::Medium, En) => "medium",
            (Confidence::Low, En) => "low",
        }
    }
}

impl Policies {
    /// Loads and checks a bundle as `build.rs` writes it:
    /// `{"documents": {path: file}, "jurisdictions": {path: file}}`.
    pub fn from_bundle(json: &str, version: &str) -> Result<Policies, Vec<PolicyError>> {
        validate::load(json, version)
    }

    pub fn jurisdiction(&self, id: &str) -> Option<&Jurisdiction> {
        self.jurisdictions.iter().find(|j| j.id == id)
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    pub fn clause(&self, r: &ClauseRef) -> Option<(&Document, &Clause)> {
        if let Some((d, c)) = r.at {
            if let Some(doc) = self.documents.get(d) {
                if let Some(clause) = doc.clauses.get(c) {
                    if doc.id == r.document && clause.id == r.clause {
                        return Some((doc, clause));
                    }
                }
            }
        }
        let doc = self.document(&r.document)?;
        Some((doc, doc.clauses.iter().find(|c| c.id == r.clause)?))
    }
}

impl Jurisdiction {
    /// The places in the order their files give (`order`), then those without one by id.
    pub fn order_key(&self) -> (u32, &str) {
        (self.order.unwrap_or(u32::MAX), &self.id)
    }
    pub fn programme(&self, id: ProgrammeId) -> Option<&Programme> {
        self.programmes.iter().find(|p| p.id == id)
    }
}
