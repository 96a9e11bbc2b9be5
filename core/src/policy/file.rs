//! The policy files as written by people (`policies/documents/*.toml`,
//! `policies/jurisdictions/*.toml`), before they are merged and checked.

use std::collections::BTreeMap;

use serde::Deserialize;

/// `policies/documents/NNN.toml`: one official document, split into clauses.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentFile {
    pub id: String,
    pub source: String,
    pub jurisdiction: String,
    pub title: String,
    pub title_en: String,
    pub number: String,
    pub issuer: String,
    pub issuer_en: String,
    #[serde(default)]
    pub date: Option<String>,
    /// The day from which its measures apply, where the project reads them so (a reading,
    /// said in a comment beside it and in the contract); absent: whenever its provisions say.
    #[serde(default)]
    pub applies_from: Option<String>,
    pub clauses: Vec<ClauseFile>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseFile {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub heading: Option<String>,
    pub text: String,
    /// Why no rule cites this clause (a code such as `outreach`), when none does.
    #[serde(default)]
    pub procedural: Option<String>,
}

/// `policies/jurisdictions/ID.toml`: a place, its documents, programmes and parameters.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JurisdictionFile {
    pub id: String,
    pub name: String,
    pub name_en: String,
    /// Where the place is listed among the others (lower first); places without one come
    /// after those with one, by id. Not inherited through `extends`.
    #[serde(default)]
    pub order: Option<u32>,
    /// Another jurisdiction whose documents, programmes and parameters this one adds to.
    #[serde(default)]
    pub extends: Option<String>,
    /// A base of shared parameters only, not offered to users.
    #[serde(default, rename = "abstract")]
    pub is_abstract: bool,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub programmes: BTreeMap<String, ProgrammeFile>,
    #[serde(default)]
    pub parameters: BTreeMap<String, ParameterFile>,
    /// The epidemic measures among them, each with its clauses (`[epidemic.…]`).
    #[serde(default)]
    pub epidemic: EpidemicFile,
}

/// `[epidemic]`: what the 2020 notices changed here, switched off to show the ordinary rules.
/// Each table maps a key to the clauses that make it an epidemic measure.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EpidemicFile {
    /// A programme that does not exist under the ordinary rules (`temp_relief_covid`).
    #[serde(default)]
    pub programmes: BTreeMap<String, Vec<String>>,
    /// A provision, `programme.provision` (`dibao.work_cost_fixed`).
    #[serde(default)]
    pub provisions: BTreeMap<String, Vec<String>>,
    /// A parameter whose values set by these clauses give way to the value before them.
    #[serde(default)]
    pub parameters: BTreeMap<String, Vec<String>>,
    /// A group of `price_subsidy.groups` the notices added.
    #[serde(default)]
    pub groups: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeFile {
    /// Provision key → the clauses (`"000:2.5.3"`) that make it.
    #[serde(default)]
    pub provisions: BTreeMap<String, Vec<String>>,
    /// For `price_subsidy`: the groups the documents name.
    #[serde(default)]
    pub groups: Option<Vec<String>>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ParameterFile {
    pub label: String,
    pub label_en: String,
    pub unit: String,
    #[serde(default)]
    pub description: Option<String>,
    /// Dated values, oldest first. A value without `value` means "none known from this date".
    #[serde(default)]
    pub values: Vec<ValueFile>,
    /// When no value is known at all: what was looked for and not found.
    #[serde(default)]
    pub unknown: Option<String>,
    /// Values a user may pick from (e.g. the minimum-wage tiers of Jilin's cities).
    #[serde(default)]
    pub choices: Vec<ChoiceFile>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValueFile {
    pub from: String,
    #[serde(default)]
    pub value: Option<serde_json::Value>,
    /// The clause that sets it (`"002:2.0.2"`).
    #[serde(default)]
    pub clause: Option<String>,
    /// An outside source, when no clause sets it.
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub confidence: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// The start date is not known (the source carries no date): the assessment says so.
    #[serde(default)]
    pub from_unknown: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceFile {
    pub value: serde_json::Value,
    pub label: String,
    pub label_en: String,
}
