//! Batch input as CSV: one household per row, in flat columns that map onto contract v1 JSON.
//!
//! The column mapping (also printed by `doudi batch --help`, from the tables below):
//!
//! - household: `jurisdiction`, `as_of`, `residence`, `assets`, and `applying` as a
//!   `;`-separated list (`dibao;tekun`);
//! - support: `dibao`, `dibao_monthly`, `low_income`, `poverty_registered`,
//!   `income_above_standard_since` (the contract's `support.*` fields, without the prefix);
//! - members: `mK_FIELD` for member K = 1…30 (m1 is the applicant), FIELD being any of the
//!   contract's member fields (`m1_age`, `m1_monthly_income`, `m2_work`, …);
//! - parameters: `parameters.ID` overrides a parameter (`parameters.dibao.standard.urban`).
//!
//! Every column is optional and may come in any order; an empty cell is absent, so the
//! contract's default applies. Yes/no cells read `true`/`false`, `yes`/`no`, `1`/`0`, `是`/`否`.
//! A member is present when any of its cells is filled, and members are numbered without
//! gaps. Each row becomes the contract JSON and is evaluated as such, so a bad cell is
//! refused with the contract's path: a bad `m2_age` is `members[1].age`. A record's `line`
//! is the row's line in the file (the header is line 1).
//!
//! An unknown or repeated column refuses the whole file (exit 2): a typo in a header
//! must not silently drop a field from every household.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::Path;

use ::csv::{ErrorKind, ReaderBuilder, StringRecord};
use doudi_core::InputError;
use serde_json::{Map, Value};

use super::pipeline::Emit;
use super::{Body, Item};
use crate::failure::{display_name, Failure};

/// The contract allows 30 members, so member columns run from m1_ to m30_.
pub const MAX_MEMBERS: usize = 30;

/// How a cell becomes JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cell {
    /// As a string: text, a choice (`urban`), a date.
    Text,
    /// As a string, which the core reads exactly as a decimal (`1010.5`).
    Money,
    /// `true`/`false`, `yes`/`no`, `1`/`0`, `是`/`否`.
    Bool,
    /// A whole number.
    Int,
}

/// Top-level household fields, each a column of the same name.
const HOUSEHOLD: &[(&str, Cell)] =
    &[("jurisdiction", Cell::Text), ("as_of", Cell::Text), ("residence", Cell::Text), ("assets", Cell::Money)];

/// `support.*` fields, each a column named without the prefix.
const SUPPORT: &[(&str, Cell)] = &[
    ("dibao", Cell::Bool),
    ("dibao_monthly", Cell::Money),
    ("low_income", Cell::Bool),
    ("poverty_registered", Cell::Bool),
    ("income_above_standard_since", Cell::Text),
];

/// Member fields, each a column `mK_FIELD`.
const MEMBER: &[(&str, Cell)] = &[
    ("id", Cell::Text),
    ("relation", Cell::Text),
    ("age", Cell::Int),
    ("birth_date", Cell::Text),
    ("monthly_income", Cell::Money),
    ("work", Cell::Text),
    ("epidemic_job_loss", Cell::Bool),
    ("months_without_income", Cell::Int),
    ("unemployed_registered", Cell::Bool),
    ("unemployment_insurance", Cell::Text),
    ("hukou", Cell::Text),
    ("covid", Cell::Text),
    ("diagnosed_on", Cell::Text),
    ("discharged_on", Cell::Text),
    ("isolated", Cell::Bool),
    ("disability_grade", Cell::Int),
    ("disability_type", Cell::Text),
    ("serious_illness_tier", Cell::Int),
    ("orphan", Cell::Bool),
    ("unsupported_child", Cell::Bool),
    ("difficult_child", Cell::Bool),
    ("entitled_group", Cell::Bool),
    ("able_to_work", Cell::Bool),
    ("has_able_supporter", Cell::Bool),
    ("self_care", Cell::Text),
    ("carer_unavailable", Cell::Bool),
    ("tekun", Cell::Bool),
    ("stranded", Cell::Bool),
];

/// The column mapping, for `doudi batch --help`.
pub fn columns_help() -> String {
    let names = |t: &[(&str, Cell)]| t.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ");
    // The member fields, wrapped under their heading.
    let mut member = String::new();
    let mut width = 0;
    for (i, (name, _)) in MEMBER.iter().enumerate() {
        let item = if i + 1 < MEMBER.len() { format!("{name}, ") } else { name.to_string() };
        if width > 0 && width + item.len() > 90 {
            member.push_str("\n              ");
            width = 0;
        }
        width += item.len();
        member.push_str(&item);
    }
    let member = member.replace(" \n", "\n");
    format!(
        "\
INPUT
  JSONL: one contract v1 household (as for `doudi evaluate`) per line; blank lines are skipped.
  CSV: a header row naming the columns, then one household per row. Every column is optional and may
  come in any order; an empty cell is absent (the contract's default applies).

CSV COLUMNS
  household   {household}, applying (a list: dibao;tekun)
  support     {support}
  members     mK_FIELD for member K = 1 to {max} (m1 is the applicant), FIELD one of:
              {member}
  parameters  parameters.ID overrides a parameter, e.g. parameters.dibao.standard.urban

  Yes/no cells: true/false, yes/no, 1/0, 是/否. A member is present when any of its cells is filled;
  number members without gaps (m1, m2, …). An unknown or repeated column refuses the file.

  Example:
    jurisdiction,as_of,m1_age,m1_monthly_income,m1_work,m2_age,m2_monthly_income,m3_age
    tianjin,2020-04-15,45,1000,local,40,500,12

OUTPUT
  JSONL, one line per record: {{\"line\": N, \"assessment\": {{…}}}} or {{\"line\": N, \"error\": {{\"path\", \"message\",
  \"message_zh\"}}}}. N is the record's line in the input (the CSV header is line 1); a bad record never stops
  the batch. Error paths are the contract's, 0-based: a bad m2_age is members[1].age.
  Exit 0 when the batch ran (even with error records), 2 when the input cannot be read.
  Progress goes to stderr every {every} records and at the end (`batch: N records, E errors, X records/s`)
  when stderr is a terminal, or always with --progress.",
        household = names(HOUSEHOLD),
        support = names(SUPPORT),
        max = MAX_MEMBERS,
        member = member,
        every = super::PROGRESS_EVERY,
    )
}

/// Reads the header, then hands each row to `emit` as contract v1 JSON with its line number.
pub fn read(input: impl BufRead, name: &Path, emit: &mut Emit) -> Result<(), Failure> {
    let mut reader = ReaderBuilder::new().flexible(true).from_reader(input);
    let header = reader.headers().map_err(|e| unreadable_csv(name, &e))?;
    let layout = Layout::from_header(header)?;
    let mut record = StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => return Ok(()),
            Ok(true) => {
                let line = record.position().map_or(0, |p| p.line());
                let body = match layout.household(&record) {
                    Ok(v) => Body::Value(v),
                    Err(e) => Body::Refused(e),
                };
                emit(Item { line, body })?;
            }
            Err(e) => match e.kind() {
                ErrorKind::Utf8 { pos: Some(pos), .. } => {
                    let error = InputError::new("", "the row is not valid UTF-8", "该行不是有效的 UTF-8 文本");
                    emit(Item { line: pos.line(), body: Body::Refused(error) })?;
                }
                _ => return Err(unreadable_csv(name, &e).into()),
            },
        }
    }
}

fn unreadable_csv(name: &Path, e: &::csv::Error) -> InputError {
    let name = display_name(name);
    InputError::new("", format!("cannot read {name}: {e}"), format!("无法读取 {name}：{e}"))
}

/// What each column of a file holds, read from its header.
#[derive(Debug)]
struct Layout {
    columns: Vec<Column>,
    /// The highest K of an `mK_` column.
    members: usize,
}

#[derive(Debug, PartialEq)]
enum Column {
    Household(&'static str, Cell),
    Support(&'static str, Cell),
    Applying,
    /// Member index (0-based), field.
    Member(usize, &'static str, Cell),
    Parameter(String),
}

impl Layout {
    fn from_header(header: &StringRecord) -> Result<Layout, InputError> {
        let mut seen = HashSet::new();
        let mut columns = Vec::with_capacity(header.len());
        for (i, raw) in header.iter().enumerate() {
            let name = raw.trim_start_matches('\u{feff}').trim().to_ascii_lowercase();
            let refuse = |en: String, zh: String| InputError::new("", en, zh);
            let column = Column::parse(&name).ok_or_else(|| {
                refuse(
                    format!("unknown column \"{name}\" (column {} of the header; see `doudi batch --help`)", i + 1),
                    format!("表头第 {} 列“{name}”不是可识别的列名（见 doudi batch --help）", i + 1),
                )
            })?;
            if !seen.insert(name.clone()) {
                return Err(refuse(
                    format!("column \"{name}\" appears twice in the header"),
                    format!("表头中“{name}”列出现了两次"),
                ));
            }
            columns.push(column);
        }
        let members =
            columns.iter().filter_map(|c| if let Column::Member(k, ..) = c { Some(k + 1) } else { None }).max();
        Ok(Layout { columns, members: members.unwrap_or(0) })
    }

    /// The row as contract v1 JSON, or why it cannot be one.
    fn household(&self, record: &StringRecord) -> Result<Value, InputError> {
        if record.len() > self.columns.len() {
            return Err(InputError::new(
                "",
                format!("the row has {} cells but the header names {} columns", record.len(), self.columns.len()),
                format!("该行有 {} 个单元格，但表头只有 {} 列", record.len(), self.columns.len()),
            ));
        }
        let mut top = Map::new();
        let mut support = Map::new();
        let mut members = vec![Map::new(); self.members];
        let mut parameters = Map::new();
        for (column, raw) in self.columns.iter().zip(record.iter()) {
            let raw = raw.trim();
            if raw.is_empty() {
                continue;
            }
            match column {
                Column::Household(name, cell) => top.insert((*name).into(), cell.value(raw)),
                Column::Support(name, cell) => support.insert((*name).into(), cell.value(raw)),
                Column::Applying => top.insert("applying".into(), list(raw)),
                Column::Member(k, name, cell) => members[*k].insert((*name).into(), cell.value(raw)),
                Column::Parameter(id) => parameters.insert(id.clone(), parameter_value(raw)),
            };
        }
        let n = members.iter().rposition(|m| !m.is_empty()).map_or(0, |i| i + 1);
        if let Some(gap) = members[..n].iter().position(Map::is_empty) {
            return Err(InputError::new(
                format!("members[{gap}]"),
                format!("member m{} has no filled cell but m{n} has; number the members without gaps", gap + 1),
                format!("成员 m{} 没有填写，但 m{n} 填写了；请按顺序连续编号", gap + 1),
            ));
        }
        members.truncate(n);
        if !support.is_empty() {
            top.insert("support".into(), Value::Object(support));
        }
        top.insert("members".into(), Value::Array(members.into_iter().map(Value::Object).collect()));
        if !parameters.is_empty() {
            top.insert("parameters".into(), Value::Object(parameters));
        }
        Ok(Value::Object(top))
    }
}

impl Column {
    fn parse(name: &str) -> Option<Column> {
        let find = |table: &[(&'static str, Cell)], n: &str| table.iter().find(|(f, _)| *f == n).copied();
        if name == "applying" {
            return Some(Column::Applying);
        }
        if let Some((f, c)) = find(HOUSEHOLD, name) {
            return Some(Column::Household(f, c));
        }
        if let Some((f, c)) = find(SUPPORT, name) {
            return Some(Column::Support(f, c));
        }
        if let Some(id) = name.strip_prefix("parameters.").filter(|id| !id.is_empty()) {
            return Some(Column::Parameter(id.to_string()));
        }
        let (k, field) = name.strip_prefix('m')?.split_once('_')?;
        if k.starts_with('0') {
            return None;
        }
        let k: usize = k.parse().ok().filter(|k| (1..=MAX_MEMBERS).contains(k))?;
        let (f, c) = find(MEMBER, field)?;
        Some(Column::Member(k - 1, f, c))
    }
}

impl Cell {
    /// The cell as JSON. A cell that does not read as its type stays a string, so that
    /// the core refuses it with the field's path and its usual message.
    fn value(self, raw: &str) -> Value {
        match self {
            Cell::Text | Cell::Money => Value::String(raw.into()),
            Cell::Bool => yes_no(raw).map_or_else(|| Value::String(raw.into()), Value::Bool),
            Cell::Int => raw.parse::<i64>().map_or_else(|_| Value::String(raw.into()), Value::from),
        }
    }
}

fn yes_no(raw: &str) -> Option<bool> {
    match raw.to_ascii_lowercase().as_str() {
        "true" | "yes" | "y" | "1" | "是" => Some(true),
        "false" | "no" | "n" | "0" | "否" => Some(false),
        _ => None,
    }
}

/// `dibao;tekun` → `["dibao", "tekun"]`.
fn list(raw: &str) -> Value {
    Value::Array(raw.split(';').map(str::trim).filter(|s| !s.is_empty()).map(|s| Value::String(s.into())).collect())
}

/// A parameter override: `true`/`false` for a yes/no parameter, `null` for an open end
/// date, else the text (a number or a date, which the core reads by the parameter's kind).
fn parameter_value(raw: &str) -> Value {
    match raw.to_ascii_lowercase().as_str() {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        "null" => Value::Null,
        _ => Value::String(raw.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use doudi_core::input::{HouseholdInput, MemberInput, SupportInput};
    use schemars::schema_for;

    /// The schema's properties, each with the JSON of its schema.
    fn fields(schema: schemars::schema::RootSchema) -> Vec<(String, String)> {
        let v = serde_json::to_value(schema).unwrap();
        v["properties"].as_object().unwrap().iter().map(|(k, s)| (k.clone(), s.to_string())).collect()
    }

    fn check(table: &[(&str, Cell)], schema: schemars::schema::RootSchema, skip: &[&str]) {
        let fields = fields(schema);
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).filter(|n| !skip.contains(n)).collect();
        let mut ours: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
        let mut theirs = names.clone();
        ours.sort_unstable();
        theirs.sort_unstable();
        assert_eq!(ours, theirs, "the CSV columns and the contract's fields differ");
        for (name, cell) in table {
            let schema = &fields.iter().find(|(n, _)| n == name).unwrap().1;
            let want = if schema.contains("boolean") {
                Cell::Bool
            } else if schema.contains("integer") {
                Cell::Int
            } else if schema.contains("Money") {
                Cell::Money
            } else {
                Cell::Text
            };
            assert_eq!(*cell, want, "{name}: {schema}");
        }
    }

    #[test]
    fn the_columns_are_exactly_the_contracts_fields() {
        check(HOUSEHOLD, schema_for!(HouseholdInput), &["support", "applying", "members", "parameters"]);
        check(SUPPORT, schema_for!(SupportInput), &[]);
        check(MEMBER, schema_for!(MemberInput), &[]);
    }

    fn layout(header: &str) -> Result<Layout, InputError> {
        Layout::from_header(&StringRecord::from(header.split(',').collect::<Vec<_>>()))
    }

    fn row(layout: &Layout, cells: &str) -> Result<Value, InputError> {
        layout.household(&StringRecord::from(cells.split(',').collect::<Vec<_>>()))
    }

    #[test]
    fn a_row_becomes_the_contract_json() {
        let l = layout("jurisdiction,as_of,dibao,applying,m1_age,m1_monthly_income,M2_Age,m2_orphan,parameters.dibao.standard.urban")
            .unwrap();
        let v = row(&l, "tianjin,2020-04-15,yes,dibao; tekun,45,1000.5,7,是,600").unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "jurisdiction": "tianjin", "as_of": "2020-04-15",
                "support": {"dibao": true}, "applying": ["dibao", "tekun"],
                "members": [{"age": 45, "monthly_income": "1000.5"}, {"age": 7, "orphan": true}],
                "parameters": {"dibao.standard.urban": "600"}
            })
        );
    }

    #[test]
    fn empty_cells_are_absent_and_trailing_members_dropped() {
        let l = layout("jurisdiction,as_of,m1_age,m2_age,m3_age").unwrap();
        let v = row(&l, "tianjin,2020-04-15,45, ,").unwrap();
        assert_eq!(v["members"], serde_json::json!([{"age": 45}]));
        assert!(v.get("support").is_none() && v.get("parameters").is_none());
    }

    #[test]
    fn a_gap_between_members_is_refused() {
        let l = layout("jurisdiction,as_of,m1_age,m2_age,m3_age").unwrap();
        assert_eq!(row(&l, "tianjin,2020-04-15,45,,7").unwrap_err().path, "members[1]");
    }

    #[test]
    fn a_cell_of_the_wrong_type_is_left_for_the_core_to_refuse() {
        let l = layout("jurisdiction,as_of,m1_age,m1_isolated").unwrap();
        let v = row(&l, "tianjin,2020-04-15,forty,maybe").unwrap();
        assert_eq!(v["members"][0]["age"], "forty");
        let e = doudi_core::parse_value(v).unwrap_err();
        assert_eq!(e.path, "members[0].age");
    }

    #[test]
    fn unknown_repeated_and_out_of_range_columns_are_refused() {
        for header in
            ["jurisdiction,m1_agee", "as_of,as_of", "m31_age", "m0_age", "m01_age", "m_age", "mx_age", "parameters."]
        {
            assert!(layout(header).is_err(), "{header}");
        }
        assert_eq!(layout("m30_age").unwrap().members, 30);
    }

    #[test]
    fn a_row_longer_than_the_header_is_refused() {
        let l = layout("jurisdiction,as_of").unwrap();
        assert!(row(&l, "tianjin,2020-04-15,extra").is_err());
    }
}
