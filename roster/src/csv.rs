//! Batch input as CSV: one household per row, in flat columns that map onto contract v1 JSON.
//!
//! The column mapping (also printed by `doudi batch --help`, from the tables below):
//!
//! - household: `jurisdiction`, `as_of`, `residence`, `assets`, and `applying` as a
//!   `;`-separated list (`dibao;tekun`, or in words: `低保；特困`);
//! - support: `dibao`, `dibao_monthly`, `low_income`, `poverty_registered`,
//!   `income_above_standard_since` (the contract's `support.*` fields, without the prefix);
//! - members: `mK_FIELD` for member K = 1…30 (m1 is the applicant), FIELD being any of the
//!   contract's member fields (`m1_age`, `m1_monthly_income`, `m2_work`, …);
//! - parameters: `parameters.ID` overrides a parameter (`parameters.dibao.standard.urban`).
//!
//! Every column is optional and may come in any order; an empty cell is absent, so the
//! contract's default applies. Yes/no cells read `true`/`false`, `yes`/`no`, `1`/`0`, `是`/`否`;
//! a choice reads as its id or as the page's word for it (`城镇` for `urban`, `配偶` for
//! `spouse`, `外出务工` for `migrant`).
//! A member is present when any of its cells is filled, and members are numbered without
//! gaps. Each row becomes the contract JSON and is evaluated as such, so a bad cell is
//! refused with the contract's path: a bad `m2_age` is `members[1].age`. A record's `line`
//! is the row's line in the file as an editor numbers it (the header is line 1; a line ends
//! at LF, CRLF or a lone CR; blank lines count), counted by [`Lines`] under the parser.
//!
//! No column takes a line break, so a quoted cell that runs past its row's line is a stray
//! `"`: the row becomes an error record naming the column and the lines it swallowed, up to
//! where the quote closes by the CSV rules (or the end of the file), and the batch goes on.
//! Those lines are skipped without being kept, so even a quote that swallows the rest of a
//! large file costs no memory.
//!
//! An unknown or repeated column refuses the whole file (exit 2): a typo in a header
//! must not silently drop a field from every household.

use std::collections::HashSet;
use std::io::{self, BufRead, Read};

use ::csv::{ErrorKind, ReaderBuilder, StringRecord};
use doudi_core::InputError;
use serde_json::{Map, Value};

use crate::{Body, Emit, Item};

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
    /// One of the contract's choices, written as its id (`urban`) or as the page's Chinese
    /// word for it (`城镇`): the pairs (id, word).
    Choice(&'static [(&'static str, &'static str)]),
}

// The contract's choices in the words the page shows for them (web/src/i18n.rs, the
// `*_label` functions), so that a roster typed in Chinese reads as one written in ids; a
// unit test below keeps each list's ids equal to the contract's.
const RESIDENCE: &[(&str, &str)] = &[("urban", "城镇"), ("rural", "农村")];
const RELATION: &[(&str, &str)] = &[
    ("self", "本人"),
    ("spouse", "配偶"),
    ("child", "子女"),
    ("parent", "父母"),
    ("grandparent", "祖父母、外祖父母"),
    ("grandchild", "孙子女、外孙子女"),
    ("sibling", "兄弟姐妹"),
    ("other", "其他"),
];
const WORK: &[(&str, &str)] =
    &[("none", "无"), ("local", "本地工作"), ("migrant", "外出务工"), ("returned", "返岗复工")];
const INSURANCE: &[(&str, &str)] =
    &[("none", "未参保"), ("insured", "参保，未领失业金"), ("receiving", "正在领取失业保险金")];
const HUKOU: &[(&str, &str)] = &[("local", "本地户籍"), ("residence_permit", "有本地居住证"), ("none", "都没有")];
const COVID: &[(&str, &str)] = &[("none", "没有"), ("confirmed", "确诊"), ("deceased", "因新冠去世")];
const DISABILITY_TYPE: &[(&str, &str)] = &[
    ("physical", "肢体"),
    ("intellectual", "智力"),
    ("mental", "精神"),
    ("visual", "视力"),
    ("hearing", "听力"),
    ("speech", "言语"),
    ("multiple", "多重"),
];
const SELF_CARE: &[(&str, &str)] = &[("full", "能自理"), ("partial", "部分自理"), ("none", "不能自理")];
/// `applying`'s programmes: the short word, then the names a caseworker may write instead
/// (the catalogue's full name, and the usual ones of the documents).
const APPLYING: &[(&str, &str)] = &[
    ("dibao", "低保"),
    ("dibao", "最低生活保障"),
    ("dibao", "最低生活保障（低保）"),
    ("tekun", "特困"),
    ("tekun", "特困供养"),
    ("tekun", "特困人员救助供养"),
    ("tekun", "特困人员救助供养（特困）"),
];

/// Top-level household fields, each a column of the same name.
const HOUSEHOLD: &[(&str, Cell)] = &[
    ("jurisdiction", Cell::Text),
    ("as_of", Cell::Text),
    ("residence", Cell::Choice(RESIDENCE)),
    ("assets", Cell::Money),
];

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
    ("relation", Cell::Choice(RELATION)),
    ("age", Cell::Int),
    ("birth_date", Cell::Text),
    ("monthly_income", Cell::Money),
    ("work", Cell::Choice(WORK)),
    ("epidemic_job_loss", Cell::Bool),
    ("months_without_income", Cell::Int),
    ("unemployed_registered", Cell::Bool),
    ("unemployment_insurance", Cell::Choice(INSURANCE)),
    ("hukou", Cell::Choice(HUKOU)),
    ("covid", Cell::Choice(COVID)),
    ("diagnosed_on", Cell::Text),
    ("discharged_on", Cell::Text),
    ("isolated", Cell::Bool),
    ("disability_grade", Cell::Int),
    ("disability_type", Cell::Choice(DISABILITY_TYPE)),
    ("serious_illness_tier", Cell::Int),
    ("orphan", Cell::Bool),
    ("unsupported_child", Cell::Bool),
    ("difficult_child", Cell::Bool),
    ("entitled_group", Cell::Bool),
    ("able_to_work", Cell::Bool),
    ("has_able_supporter", Cell::Bool),
    ("self_care", Cell::Choice(SELF_CARE)),
    ("carer_unavailable", Cell::Bool),
    ("tekun", Cell::Bool),
    ("stranded", Cell::Bool),
];

/// Each field's Chinese name, which a header may use instead of its id: `地区` for
/// `jurisdiction`, `低保` for `dibao`, and for a member `成员K_NAME` (`成员1_年龄` for
/// `m1_age`); `参数.ID` for `parameters.ID`. [`template`] writes these.
const ZH: &[(&str, &str)] = &[
    ("jurisdiction", "地区"),
    ("as_of", "评估日期"),
    ("residence", "城乡"),
    ("assets", "家庭财产"),
    ("applying", "申请项目"),
    ("dibao", "享受低保"),
    ("dibao_monthly", "低保月金额"),
    ("low_income", "低收入家庭"),
    ("poverty_registered", "建档立卡"),
    ("income_above_standard_since", "收入超标起始日"),
    ("id", "编号"),
    ("relation", "关系"),
    ("age", "年龄"),
    ("birth_date", "出生日期"),
    ("monthly_income", "月收入"),
    ("work", "就业"),
    ("epidemic_job_loss", "疫情失业"),
    ("months_without_income", "无收入月数"),
    ("unemployed_registered", "失业登记"),
    ("unemployment_insurance", "失业保险"),
    ("hukou", "户籍"),
    ("covid", "新冠"),
    ("diagnosed_on", "确诊日期"),
    ("discharged_on", "出院日期"),
    ("isolated", "隔离"),
    ("disability_grade", "残疾等级"),
    ("disability_type", "残疾类别"),
    ("serious_illness_tier", "重病等级"),
    ("orphan", "孤儿"),
    ("unsupported_child", "事实无人抚养儿童"),
    ("difficult_child", "困境儿童"),
    ("entitled_group", "优抚对象"),
    ("able_to_work", "有劳动能力"),
    ("has_able_supporter", "有赡养能力人"),
    ("self_care", "生活自理"),
    ("carer_unavailable", "照料人缺位"),
    ("tekun", "享受特困"),
    ("stranded", "滞留"),
];

/// The words a choice column reads besides its ids (`城镇` for `residence`'s `urban`), as
/// (id, word) pairs: for `residence` and for a member's `relation`, `work`,
/// `unemployment_insurance`, `hukou`, `covid`, `disability_type` and `self_care`. The page
/// keeps them equal to its own labels (a unit test in web/src/i18n.rs).
pub fn choice_words(field: &str) -> Option<&'static [(&'static str, &'static str)]> {
    HOUSEHOLD.iter().chain(MEMBER).find(|(f, _)| *f == field).and_then(|(_, cell)| match cell {
        Cell::Choice(words) => Some(*words),
        _ => None,
    })
}

/// The Chinese prefix of a member's columns (`成员1_年龄`) and of a parameter's (`参数.ID`).
const ZH_MEMBER: &str = "成员";
const ZH_PARAMETER: &str = "参数.";

fn zh_name(field: &str) -> Option<&'static str> {
    ZH.iter().find(|(f, _)| *f == field).map(|(_, z)| *z)
}

fn from_zh(name: &str) -> Option<&'static str> {
    ZH.iter().find(|(_, z)| *z == name).map(|(f, _)| *f)
}

/// A header cell in Chinese as its id (`成员2_月收入` → `m2_monthly_income`); any other
/// name as it is.
fn id_of(name: &str) -> String {
    if let Some(f) = from_zh(name) {
        return f.to_string();
    }
    if let Some(id) = name.strip_prefix(ZH_PARAMETER) {
        return format!("parameters.{id}");
    }
    if let Some((k, field)) = name.strip_prefix(ZH_MEMBER).and_then(|r| r.split_once('_')) {
        if let Some(f) = from_zh(field).filter(|f| MEMBER.iter().any(|(m, _)| m == f)) {
            return format!("m{k}_{f}");
        }
    }
    name.to_string()
}

/// A contract path in words, by the Chinese column names: `members[1].age` is `成员2_年龄`,
/// `support.dibao` is `享受低保`, `members` is `家庭成员`, `parameters.ID` is `参数.ID`,
/// `` (the whole record) is `整行`; a path of no column is given as it is.
pub fn field_words(path: &str) -> String {
    if path.is_empty() {
        return "整行".into();
    }
    if path == "members" {
        return "家庭成员".into();
    }
    if let Some(id) = path.strip_prefix("parameters.") {
        return format!("{ZH_PARAMETER}{id}");
    }
    if let Some(rest) = path.strip_prefix("members[") {
        if let Some((k, field)) = rest.split_once(']') {
            if let Ok(k) = k.parse::<usize>() {
                let field = field.trim_start_matches('.');
                let field = field.split(['.', '[']).next().unwrap_or(field);
                return match zh_name(field) {
                    Some(z) => format!("{ZH_MEMBER}{}_{z}", k + 1),
                    None if field.is_empty() => format!("{ZH_MEMBER}{}", k + 1),
                    None => format!("{ZH_MEMBER}{}_{field}", k + 1),
                };
            }
        }
    }
    let field = path.strip_prefix("support.").unwrap_or(path);
    let field = field.split(['.', '[']).next().unwrap_or(field);
    zh_name(field).map_or_else(|| path.to_string(), String::from)
}

/// A roster to fill in: a header of the Chinese column names for households of up to
/// `members` members, then one example row per household given (contract v1 JSON, written
/// by [`RowWriter`]: the example must fit the columns).
pub fn template(members: usize, examples: &[Value]) -> Result<String, InputError> {
    let ids = columns(members, |_| true);
    let writer = RowWriter::new(&ids)?;
    let zh: Vec<String> = ids
        .iter()
        .map(|id| match id.split_once('_').filter(|(k, _)| k.starts_with('m') && k[1..].parse::<u32>().is_ok()) {
            Some((k, f)) => format!("{ZH_MEMBER}{}_{}", &k[1..], zh_name(f).unwrap_or(f)),
            None => zh_name(id).unwrap_or(id).to_string(),
        })
        .collect();
    let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
    let fail =
        |e: ::csv::Error| InputError::new("", format!("cannot write the template: {e}"), format!("无法生成模板：{e}"));
    w.write_record(&zh).map_err(fail)?;
    for e in examples {
        w.write_record(writer.cells(e)?).map_err(fail)?;
    }
    let bytes = w.into_inner().map_err(|e| InputError::new("", e.to_string(), "无法生成模板"))?;
    Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
}

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
  household   {household}, applying (a list: dibao;tekun, or 低保；特困)
  support     {support}
  members     mK_FIELD for member K = 1 to {max} (m1 is the applicant), FIELD one of:
              {member}
  parameters  parameters.ID overrides a parameter, e.g. parameters.dibao.standard.urban

  A header may also name a column in Chinese: 地区, 评估日期, 城乡, 家庭财产, 享受低保, …, 成员K_年龄,
  成员K_月收入, …, 参数.ID (the 摸排 page's template CSV has them all).
  Yes/no cells: true/false, yes/no, 1/0, 是/否. A choice: its id or the page's word for it (urban or
  城镇, spouse or 配偶, migrant or 外出务工, …). A member is present when any of its cells is filled;
  number members without gaps (m1, m2, …). An unknown or repeated column refuses the file.
  Lines may end in LF, CRLF (Excel) or CR; blank lines are skipped. A cell may be quoted (\"a, b\"; \"\" is a
  quote inside it) but holds no line break, as no column takes one: when a quote that opens a cell is not
  closed on its line (a stray \"), that row is an error record at its line naming the column and the lines
  that became part of it (up to the line where the quote closes, or the end of the file), and the batch
  goes on after them.

  Example:
    jurisdiction,as_of,m1_age,m1_monthly_income,m1_work,m2_age,m2_monthly_income,m3_age
    tianjin,2020-04-15,45,1000,local,40,500,12

OUTPUT
  JSONL, one line per record: {{\"line\": N, \"assessment\": {{…}}}} or {{\"line\": N, \"error\": {{\"path\", \"message\",
  \"message_zh\"}}}}. N is the line an editor shows for the record's first line (the CSV header is line 1;
  blank lines count); a bad record never stops the batch. Error paths are the contract's, 0-based: a bad
  m2_age is members[1].age.
  Exit 0 when the batch ran (even with error records), 2 when the input cannot be read.
  Progress goes to stderr every {every} records and at the end (`batch: N records, E errors, X records/s`)
  when stderr is a terminal, or always with --progress.",
        household = names(HOUSEHOLD),
        support = names(SUPPORT),
        max = MAX_MEMBERS,
        member = member,
        every = crate::PROGRESS_EVERY,
    )
}

/// Reads the header, then hands each row to `emit` as contract v1 JSON with its line
/// number. `name` is the input's name for a message (`roster.csv`, `standard input`).
pub fn read<E: From<InputError>>(input: impl BufRead, name: &str, emit: &mut Emit<E>) -> Result<(), E> {
    read_part(input, name, &mut Part::default(), emit)
}

/// Where a file read in parts is ([`read_part`]): the layout its header gave, the line the
/// next part starts on, and whether the last part ended in a `\r` (a `\n` at the start of
/// the next then ends the same line).
#[derive(Debug, Default)]
pub struct Part {
    layout: Option<Layout>,
    line: u64,
    after_cr: bool,
}

/// Reads one part of a file, which must end where a line ends (or be the file's last
/// part): the header first, if the file's first part, then the rows, numbered on from the
/// part before. A quoted cell that runs on past the end of a part is reported as running to
/// the end of the file (a part holds many lines; a stray quote is refused either way), and
/// the next part is read as new rows.
pub fn read_part<E: From<InputError>>(
    input: impl BufRead,
    name: &str,
    part: &mut Part,
    emit: &mut Emit<E>,
) -> Result<(), E> {
    let lines = Lines::new(input, part.line.max(1), part.after_cr);
    let mut reader = ReaderBuilder::new().flexible(true).has_headers(false).from_reader(lines);
    let mut record = StringRecord::new();
    if part.layout.is_none() {
        let read = reader.read_record(&mut record).map_err(|e| unreadable_csv(name, &e))?;
        let row = reader.get_mut().take();
        if !read {
            let lines = reader.get_ref();
            (part.line, part.after_cr) = (lines.line, lines.after_cr);
            return Ok(());
        }
        if let Some(run) = row.run_on {
            return Err(header_runs_on(name, &record, run).into());
        }
        part.layout = Some(Layout::from_header(&record)?);
    }
    let Some(layout) = part.layout.as_ref() else { return Ok(()) };
    loop {
        let read = reader.read_record(&mut record);
        let row = reader.get_mut().take();
        let line = row.first.unwrap_or(0);
        match read {
            Ok(false) => {
                let lines = reader.get_ref();
                (part.line, part.after_cr) = (lines.line, lines.after_cr);
                return Ok(());
            }
            Ok(true) => {
                let body = match row.run_on {
                    Some(run) => Body::Refused(layout.runs_on(&record, line, run)),
                    None => match layout.household(&record) {
                        Ok(v) => Body::Value(v),
                        Err(e) => Body::Refused(e),
                    },
                };
                emit(Item { line, body })?;
            }
            Err(e) => match e.kind() {
                ErrorKind::Utf8 { .. } => {
                    let error = InputError::new("", "the row is not valid UTF-8", "该行不是有效的 UTF-8 文本");
                    emit(Item { line, body: Body::Refused(error) })?;
                }
                _ => return Err(unreadable_csv(name, &e).into()),
            },
        }
    }
}

/// The columns for households of at most `members` members whose fields `keep` picks, in
/// the tables' order: the household's (with `applying` after them), support's, then each
/// member's (`m1_age`, `m1_monthly_income`, …, `m2_age`, …). `keep` is given a field's name
/// as its table writes it (`as_of`, `dibao`, `age`). The names are the ones [`read`] reads.
pub fn columns(members: usize, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> =
        HOUSEHOLD.iter().map(|(n, _)| *n).chain(["applying"]).filter(|n| keep(n)).map(String::from).collect();
    out.extend(SUPPORT.iter().map(|(n, _)| *n).filter(|n| keep(n)).map(String::from));
    for k in 1..=members.min(MAX_MEMBERS) {
        out.extend(MEMBER.iter().map(|(n, _)| *n).filter(|n| keep(n)).map(|n| format!("m{k}_{n}")));
    }
    out
}

/// Writes households (contract v1 JSON) as rows under a header of [`read`]'s columns: the
/// inverse of reading a row. Each row is read back as [`read`] would read it and must give
/// the same household, so a field with no column, or a value a cell cannot hold, is refused
/// rather than dropped.
pub struct RowWriter {
    layout: Layout,
}

impl RowWriter {
    /// A writer for `header`; an unknown or repeated column is refused as on reading.
    pub fn new(header: &[String]) -> Result<RowWriter, InputError> {
        Ok(RowWriter { layout: Layout::from_header(&StringRecord::from(header.to_vec()))? })
    }

    /// The row's cells for `household`, one per column.
    pub fn cells(&self, household: &Value) -> Result<Vec<String>, InputError> {
        let text = |v: Option<&Value>| match v {
            None => String::new(),
            Some(Value::String(s)) => s.clone(),
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(";"),
            Some(v) => v.to_string(),
        };
        let cells: Vec<String> = self
            .layout
            .columns
            .iter()
            .map(|c| match c {
                Column::Household(f, _) => text(household.get(*f)),
                Column::Applying => text(household.get("applying")),
                Column::Support(f, _) => text(household.get("support").and_then(|s| s.get(*f))),
                Column::Member(k, f, _) => {
                    text(household.get("members").and_then(|m| m.get(*k)).and_then(|m| m.get(*f)))
                }
                Column::Parameter(id) => text(household.get("parameters").and_then(|p| p.get(id))),
            })
            .collect();
        let back = self.layout.household(&StringRecord::from(cells.clone()))?;
        if back != *household {
            return Err(InputError::new(
                "",
                "the household does not fit the CSV columns: a field has no column or a cell cannot hold it",
                "该家庭无法写成这些 CSV 列：有字段没有对应的列，或单元格无法表示其值",
            ));
        }
        Ok(cells)
    }
}

/// A header whose quoted cell runs past line 1: the columns cannot be known.
fn header_runs_on(name: &str, header: &StringRecord, run: RunOn) -> InputError {
    let cell = header.len();
    let (closed_en, closed_zh) = closed(run);
    InputError::new(
        "",
        format!(
            "cannot read {name}: a quote (\") opens cell {cell} of the header and {closed_en}{}; remove the quote",
            run.swallowed_en("the header")
        ),
        format!(
            "无法读取 {name}：表头第 {cell} 列以引号（\"）开头，但引号{closed_zh}{}；请删除这个引号",
            run.swallowed_zh("表头")
        ),
    )
}

fn closed(run: RunOn) -> (&'static str, &'static str) {
    if run.to_the_end {
        ("is never closed", "直到文件末尾都没有闭合")
    } else {
        ("is not closed on its line", "在该行没有闭合")
    }
}

/// The reader under the CSV parser: it hands the parser one physical line at a time and
/// numbers the lines as an editor does (a line ends at `\n`, `\r\n` or a lone `\r`), so
/// each row's line is the line its first cell is on, after any blank lines.
///
/// When the parser asks for more after a row's line has ended, a quoted cell runs on past
/// it (no column takes a line break, so this is a stray `"`). The reader then finds where
/// that cell and its row end itself, by the CSV rules, without handing those bytes on, and
/// closes the cell for the parser: the row becomes one error record naming the lines read
/// into it, whatever its length, in constant memory.
///
/// This rests on how the `csv` crate reads: it asks for more input only when it has used
/// all it was given, and it ends a record at the line break itself, without looking past
/// it. The tests read every input whole and a byte at a time, and would see a row whose
/// line ended reported as running on.
struct Lines<R> {
    inner: R,
    /// The line of the next byte.
    line: u64,
    /// The last byte passed was a `\r`: a `\n` now ends the same line.
    after_cr: bool,
    /// The last bytes handed on did not end their line (a line longer than the parser's buffer).
    mid_line: bool,
    /// Bytes to hand the parser before any more input: the close of a run-on cell.
    close: &'static [u8],
    row: Row,
}

/// Where the current row lies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Row {
    /// The row's first line (its first line that is not blank), once handed on.
    first: Option<u64>,
    /// That line has been handed on to its end.
    first_ended: bool,
    /// A quoted cell that ran past the row's first line.
    run_on: Option<RunOn>,
}

/// A quoted cell that runs on past its row's line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct RunOn {
    /// The first line read into the cell after the row's own.
    from: u64,
    /// The last line read into it (`from - 1` when the file ends right after the row's line).
    to: u64,
    /// The cell's quote is never closed: the file ended inside it.
    to_the_end: bool,
}

impl RunOn {
    /// `, so line 4 became part of that row …`, or nothing when no line did.
    fn swallowed_en(&self, into: &str) -> String {
        let end = if self.to_the_end { " (to the end of the file)" } else { "" };
        if self.to < self.from {
            String::new()
        } else if self.to == self.from {
            format!(", so line {}{end} became part of {into} and got no record of its own", self.from)
        } else {
            format!(", so lines {}–{}{end} became part of {into} and got no record of their own", self.from, self.to)
        }
    }

    fn swallowed_zh(&self, into: &str) -> String {
        let end = if self.to_the_end { "（直到文件末尾）" } else { "" };
        if self.to < self.from {
            String::new()
        } else if self.to == self.from {
            format!("，第 {} 行{end}因此并入了{into}，没有自己的记录", self.from)
        } else {
            format!("，第 {}–{} 行{end}因此都并入了{into}，没有各自的记录", self.from, self.to)
        }
    }
}

/// Where the reader is in a run-on cell's row, by the CSV rules.
#[derive(Clone, Copy)]
enum Scan {
    /// Inside the quoted cell.
    Quoted,
    /// A `"` inside it: a second `"` is a quote in the text, anything else closes the cell.
    QuotedQuote,
    /// Right after a `,`: a `"` opens a quoted cell.
    CellStart,
    /// Inside an unquoted cell: a `"` is text.
    Unquoted,
}

impl<R: BufRead> Lines<R> {
    fn new(inner: R, line: u64, after_cr: bool) -> Lines<R> {
        Lines { inner, line, after_cr, mid_line: false, close: b"", row: Row::default() }
    }

    /// Where the row just read lies; starts the next row.
    fn take(&mut self) -> Row {
        std::mem::take(&mut self.row)
    }

    /// Reads past the rest of a run-on cell's row, numbering its lines, and notes them.
    fn skip_run_on(&mut self) -> io::Result<()> {
        let from = self.line;
        let mut last = from - 1;
        let mut scan = Scan::Quoted;
        loop {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                self.row.run_on = Some(RunOn { from, to: last, to_the_end: true });
                return Ok(());
            }
            let mut used = 0;
            let mut ended = false;
            for &b in buf {
                used += 1;
                let after_cr = std::mem::replace(&mut self.after_cr, b == b'\r');
                if b == b'\n' && after_cr {
                    // The second half of a `\r\n` inside the quoted cell: its line is counted.
                    continue;
                }
                last = self.line;
                if b == b'\r' || b == b'\n' {
                    self.line += 1;
                }
                scan = match (scan, b) {
                    (Scan::Quoted, b'"') => Scan::QuotedQuote,
                    (Scan::Quoted, _) => Scan::Quoted,
                    (Scan::QuotedQuote, b'"') | (Scan::CellStart, b'"') => Scan::Quoted,
                    (_, b',') => Scan::CellStart,
                    (_, b'\r' | b'\n') => {
                        ended = true;
                        break;
                    }
                    _ => Scan::Unquoted,
                };
            }
            self.inner.consume(used);
            if ended {
                self.row.run_on = Some(RunOn { from, to: last, to_the_end: false });
                return Ok(());
            }
        }
    }
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        if self.row.first_ended && self.row.run_on.is_none() {
            // The row's line has ended, yet the parser wants more: it is inside a quoted cell.
            self.skip_run_on()?;
            // Close the cell and end the row, for the parser.
            self.close = b"\"\n";
        }
        if !self.close.is_empty() {
            let n = self.close.len().min(out.len());
            out[..n].copy_from_slice(&self.close[..n]);
            self.close = &self.close[n..];
            return Ok(n);
        }
        let buf = self.inner.fill_buf()?;
        let Some(&b0) = buf.first() else { return Ok(0) };
        if self.after_cr && b0 == b'\n' {
            // The `\n` of a `\r\n`: the line has already been counted.
            self.after_cr = false;
            out[0] = b'\n';
            self.inner.consume(1);
            return Ok(1);
        }
        let room = buf.len().min(out.len());
        let (n, ends) = match buf[..room].iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(i) => (i + 1, true),
            None => (room, false),
        };
        let blank = ends && n == 1 && !self.mid_line;
        self.mid_line = !ends;
        if !blank && self.row.first.is_none() {
            self.row.first = Some(self.line);
        }
        self.after_cr = false;
        if ends {
            self.after_cr = buf[n - 1] == b'\r';
            self.line += 1;
            self.row.first_ended = self.row.first.is_some();
        }
        out[..n].copy_from_slice(&buf[..n]);
        self.inner.consume(n);
        Ok(n)
    }
}

fn unreadable_csv(name: &str, e: &::csv::Error) -> InputError {
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
            let name = id_of(&raw.trim_start_matches('\u{feff}').trim().to_ascii_lowercase());
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

    /// The error record of a row on `line` whose last cell, quoted, ran on past the line.
    fn runs_on(&self, record: &StringRecord, line: u64, run: RunOn) -> InputError {
        let column = record.len().checked_sub(1).and_then(|i| self.columns.get(i));
        let (path, cell_en, cell_zh) = match column {
            Some(c) => (c.path(), format!("the cell in column {}", c.name()), format!(" {} 列的单元格", c.name())),
            None => (String::new(), format!("cell {}", record.len()), format!("第 {} 个单元格", record.len())),
        };
        let (closed_en, closed_zh) = closed(run);
        InputError::new(
            path,
            format!(
                "a quote (\") opens {cell_en} on line {line} and {closed_en}{}; no column takes a line break: \
                 remove the quote, or close it (\"\" is a quote inside a quoted cell)",
                run.swallowed_en("that row")
            ),
            format!(
                "第 {line} 行{cell_zh}以引号（\"）开头，但引号{closed_zh}{}；任何列都不能包含换行：\
                 请删除这个引号或把它闭合（带引号的单元格里用 \"\" 表示一个引号）",
                run.swallowed_zh("这一行")
            ),
        )
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
    /// The column's name in the header.
    fn name(&self) -> String {
        match self {
            Column::Household(f, _) | Column::Support(f, _) => (*f).to_string(),
            Column::Applying => "applying".into(),
            Column::Member(k, f, _) => format!("m{}_{f}", k + 1),
            Column::Parameter(id) => format!("parameters.{id}"),
        }
    }

    /// The field's path in the contract, as the core's errors write it.
    fn path(&self) -> String {
        match self {
            Column::Household(f, _) => (*f).to_string(),
            Column::Support(f, _) => format!("support.{f}"),
            Column::Applying => "applying".into(),
            Column::Member(k, f, _) => format!("members[{k}].{f}"),
            Column::Parameter(id) => format!("parameters.{id}"),
        }
    }

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
            Cell::Choice(words) => {
                Value::String(words.iter().find(|(_, zh)| *zh == raw).map_or(raw, |(id, _)| id).into())
            }
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

/// `dibao;tekun` → `["dibao", "tekun"]`; the programmes may be written in Chinese
/// (`低保；特困`, `最低生活保障、特困供养`: see [`APPLYING`]) and separated by `;`, `；` or `、`.
/// Anything else is kept as written, for the contract to refuse with its path.
fn list(raw: &str) -> Value {
    let id = |s: &str| APPLYING.iter().find(|(_, zh)| *zh == s).map_or(s, |(id, _)| id).to_string();
    Value::Array(
        raw.split([';', '；', '、']).map(str::trim).filter(|s| !s.is_empty()).map(|s| Value::String(id(s))).collect(),
    )
}

/// A parameter override: `true`/`false` for a yes/no parameter, `null` for an open end
/// date, else the text (a number or a date, which the core reads by the parameter's kind).
pub fn parameter_value(raw: &str) -> Value {
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
        let definitions = serde_json::to_value(&schema).unwrap()["definitions"].clone();
        let fields = fields(schema);
        let names: Vec<&str> = fields.iter().map(|(n, _)| n.as_str()).filter(|n| !skip.contains(n)).collect();
        let mut ours: Vec<&str> = table.iter().map(|(n, _)| *n).collect();
        let mut theirs = names.clone();
        ours.sort_unstable();
        theirs.sort_unstable();
        assert_eq!(ours, theirs, "the CSV columns and the contract's fields differ");
        for (name, cell) in table {
            let schema = &fields.iter().find(|(n, _)| n == name).unwrap().1;
            // A choice: its ids are the contract's, every one with its word, and no word twice.
            let choice = definitions
                .as_object()
                .into_iter()
                .flatten()
                .find(|(d, def)| schema.contains(&format!("\"#/definitions/{d}\"")) && def.get("enum").is_some());
            if let Some((d, def)) = choice {
                let Cell::Choice(words) = cell else { panic!("{name} is the contract's choice {d}, not {cell:?}") };
                let ids: Vec<&str> = words.iter().map(|(id, _)| *id).collect();
                let theirs: Vec<&str> = def["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                assert_eq!(ids, theirs, "{name}: the words' ids and the contract's {d}");
                let zh: HashSet<&str> = words.iter().map(|(_, zh)| *zh).collect();
                assert_eq!(zh.len(), words.len(), "{name}: a word given twice");
                continue;
            }
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
    fn applying_reads_the_programmes_in_words() {
        let l = layout("jurisdiction,as_of,申请项目,m1_age").unwrap();
        let v = row(&l, "tianjin,2020-04-15,最低生活保障、特困供养,45").unwrap();
        assert_eq!(v["applying"], serde_json::json!(["dibao", "tekun"]));
        let v = row(&l, "tianjin,2020-04-15,低保；特困人员救助供养（特困）,45").unwrap();
        assert_eq!(v["applying"], serde_json::json!(["dibao", "tekun"]));
        // A word that names no programme is kept, for the contract to refuse with its path.
        let v = row(&l, "tianjin,2020-04-15,低保;医疗救助,45").unwrap();
        assert_eq!(v["applying"], serde_json::json!(["dibao", "医疗救助"]));
        let err = doudi_core::parse_json(&v.to_string()).unwrap_err();
        assert_eq!(err.path, "applying[1]");
        // Every word names a programme one may apply for, and each such programme has words.
        for (id, _) in APPLYING {
            assert!(serde_json::from_value::<doudi_core::input::Applying>(serde_json::json!(id)).is_ok(), "{id}");
        }
        for id in ["dibao", "tekun"] {
            assert!(APPLYING.iter().any(|(i, _)| *i == id), "{id}");
        }
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
    fn a_choice_reads_as_its_id_or_as_the_pages_word() {
        let header = "地区,评估日期,城乡,成员1_关系,成员1_年龄,成员1_就业,成员1_户籍,成员2_关系,成员2_年龄,成员2_新冠,成员2_残疾类别,成员2_生活自理,成员2_失业保险";
        let l = layout(header).unwrap();
        let zh =
            row(&l, "tianjin,2020-04-15,农村,本人,45,外出务工,有本地居住证,父母,70,确诊,肢体,部分自理,未参保").unwrap();
        let ids = row(
            &l,
            "tianjin,2020-04-15,rural,self,45,migrant,residence_permit,parent,70,confirmed,physical,partial,none",
        )
        .unwrap();
        assert_eq!(zh, ids);
        assert_eq!(zh["residence"], "rural");
        assert_eq!(zh["members"][0]["work"], "migrant");
        assert_eq!(zh["members"][1]["unemployment_insurance"], "none");
        // A word the page does not use stays as written, for the core to refuse with its path.
        let v = row(&l, "tianjin,2020-04-15,城市,本人,45,,,,,,,,").unwrap();
        assert_eq!(v["residence"], "城市");
        assert_eq!(doudi_core::parse_json(&v.to_string()).unwrap_err().path, "residence");
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

    /// A record as `read` hands it on: its line, and its household or error.
    type Record = (u64, Result<Value, InputError>);

    /// What `read` hands on: each record's line, and its household or error. Each input is
    /// read twice, the second time a byte at a time from the file, which splits every
    /// `\r\n` and every run-on cell across reads.
    fn records(input: &[u8]) -> Result<Vec<Record>, InputError> {
        let run = |capacity: usize| {
            let mut out = Vec::new();
            let reader = std::io::BufReader::with_capacity(capacity, input);
            read(reader, "t.csv", &mut |item: Item| {
                out.push((
                    item.line,
                    match item.body {
                        Body::Value(v) => Ok(v),
                        Body::Refused(e) => Err(e),
                        Body::Json(_) => unreachable!("CSV rows are values"),
                    },
                ));
                Ok(())
            })
            .map(|()| out)
        };
        let whole = run(1 << 16);
        let bytewise = run(1);
        match (&whole, &bytewise) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "read a byte at a time"),
            (Err(_), Err(_)) => {}
            _ => panic!("read a byte at a time, the outcome differs"),
        }
        whole
    }

    fn lines(input: &[u8]) -> Vec<u64> {
        records(input).unwrap_or_else(|_| panic!("refused")).iter().map(|(l, _)| *l).collect()
    }

    const ENDINGS: [&str; 3] = ["\n", "\r\n", "\r"];
    const HEAD: &str = "jurisdiction,as_of,m1_age,m1_id";

    /// The lines joined by `end`.
    fn file(rows: &[&str], end: &str) -> Vec<u8> {
        rows.iter().map(|r| format!("{r}{end}")).collect::<String>().into_bytes()
    }

    #[test]
    fn rows_are_numbered_as_an_editor_numbers_its_lines() {
        let rows = [
            HEAD,
            "tianjin,2020-04-15,45,a",
            "",
            "",
            "tianjin,2020-04-15,46,\"b, \"\"c\"\"\"",
            "tianjin,2020-04-15,47,d",
            "",
        ];
        for end in ENDINGS {
            let got = records(&file(&rows, end)).unwrap_or_else(|_| panic!("refused"));
            assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 5, 6], "{end:?}");
            assert_eq!(got[1].1.as_ref().unwrap()["members"][0]["id"], "b, \"c\"", "{end:?}");
        }
        // The last row without a line break; blank lines before the first row.
        assert_eq!(lines(b"jurisdiction,m1_age\r\n\r\n\r\ntianjin,1\r\ntianjin,2"), [4, 5]);
        assert_eq!(lines(b"jurisdiction,m1_age\n\r\n\rtianjin,1\n"), [4]);
        // A row that is not UTF-8 is an error record on its own line.
        let got = records(b"jurisdiction,m1_age\r\n\r\n\xff,1\r\ntianjin,2\r\n").unwrap_or_else(|_| panic!("refused"));
        assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [3, 4]);
        assert_eq!(got[0].1.as_ref().unwrap_err().message, "the row is not valid UTF-8");
        // Endings mixed in one file: each line break is one line.
        assert_eq!(lines(b"jurisdiction,m1_age\rtianjin,1\r\ntianjin,2\ntianjin,3\r\r\ntianjin,4"), [2, 3, 4, 6]);
    }

    #[test]
    fn a_line_longer_than_the_parsers_buffer_is_one_line() {
        let long = "x".repeat(100_000);
        for end in ENDINGS {
            let rows = [HEAD, &format!("tianjin,2020-04-15,45,{long}"), "tianjin,2020-04-15,46,\"", "tianjin,,,"];
            let input = file(&rows, end);
            let got = records(&input).unwrap_or_else(|_| panic!("refused"));
            assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 3], "{end:?}");
            assert_eq!(got[0].1.as_ref().unwrap()["members"][0]["id"].as_str().map(str::len), Some(100_000));
            assert_eq!(got[1].1.as_ref().unwrap_err().path, "members[0].id");
        }
    }

    #[test]
    fn a_stray_quote_makes_one_error_record_naming_the_lines_it_swallowed() {
        let rows = [
            HEAD,
            "tianjin,2020-04-15,45,a",
            "tianjin,2020-04-15,\"40,b",
            "tianjin,2020-04-15,41,c",
            "",
            "tianjin,2020-04-15,\"42\"x\"\",d",
            "tianjin,2020-04-15,43,e",
        ];
        for end in ENDINGS {
            let got = records(&file(&rows, end)).unwrap_or_else(|_| panic!("refused"));
            assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 3, 7], "{end:?}");
            let e = got[1].1.as_ref().unwrap_err();
            assert_eq!(e.path, "members[0].age");
            assert!(e.message.starts_with("a quote (\") opens the cell in column m1_age on line 3 and is not closed on its line, so lines 4–6 became part of that row"), "{end:?}: {}", e.message);
            assert!(
                e.message_zh.contains("第 3 行 m1_age 列的单元格以引号")
                    && e.message_zh.contains("第 4–6 行因此都并入了这一行"),
                "{}",
                e.message_zh
            );
            assert_eq!(got[2].1.as_ref().unwrap()["members"][0]["id"], "e", "{end:?}");
        }
    }

    #[test]
    fn a_quote_never_closed_swallows_to_the_end_of_the_file() {
        for end in ENDINGS {
            let input =
                file(&[HEAD, "tianjin,2020-04-15,45,a", "tianjin,2020-04-15,40,\"b", "tianjin,2020-04-15,41,c"], end);
            let got = records(&input).unwrap_or_else(|_| panic!("refused"));
            assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 3], "{end:?}");
            let e = got[1].1.as_ref().unwrap_err();
            assert_eq!(e.path, "members[0].id");
            assert!(
                e.message.contains(
                    "on line 3 and is never closed, so line 4 (to the end of the file) became part of that row"
                ),
                "{}",
                e.message
            );
            assert!(
                e.message_zh.contains("直到文件末尾都没有闭合，第 4 行（直到文件末尾）因此并入了这一行"),
                "{}",
                e.message_zh
            );
            // Without a line break at the end of the file, the same.
            let got2 = records(&input[..input.len() - end.len()]).unwrap_or_else(|_| panic!("refused"));
            assert_eq!(got2, got, "{end:?}");
        }
        // The quote opens on the last line: no line is swallowed.
        let got = records(b"jurisdiction,m1_id\ntianjin,\"a\n").unwrap_or_else(|_| panic!("refused"));
        assert_eq!(got.len(), 1);
        let e = got[0].1.as_ref().unwrap_err();
        assert_eq!((got[0].0, e.path.as_str()), (2, "members[0].id"));
        assert!(e.message.contains("on line 2 and is never closed; no column"), "{}", e.message);
        // A cell past the header's columns has no path.
        let got = records(b"jurisdiction\ntianjin,\"a\nb\"\ntianjin\n").unwrap_or_else(|_| panic!("refused"));
        assert_eq!(got.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [2, 4]);
        let e = got[0].1.as_ref().unwrap_err();
        assert_eq!(e.path, "");
        assert!(e.message.contains("opens cell 2 on line 2"), "{}", e.message);
    }

    #[test]
    fn a_header_whose_quote_runs_on_refuses_the_file() {
        // Read by CSV's rules, the header's second cell would be `as_of` and the row lost.
        let Err(e) = records(b"jurisdiction,\"as_of\ntianjin\",2020-04-15\n") else { panic!("the file is read") };
        assert!(
            e.message
                .contains("cell 2 of the header and is not closed on its line, so line 2 became part of the header"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_row_longer_than_the_header_is_refused() {
        let l = layout("jurisdiction,as_of").unwrap();
        assert!(row(&l, "tianjin,2020-04-15,extra").is_err());
    }

    #[test]
    fn chinese_headers_are_the_ids() {
        let zh = layout("地区,评估日期,成员1_年龄,成员2_月收入,参数.dibao.standard.urban,享受低保").unwrap();
        let ids = layout("jurisdiction,as_of,m1_age,m2_monthly_income,parameters.dibao.standard.urban,dibao").unwrap();
        assert_eq!(zh.columns, ids.columns);
        assert!(layout("地区,成员1_工资").is_err());
        // Every field has a Chinese name, and no two share one.
        let fields: Vec<&str> =
            HOUSEHOLD.iter().chain(SUPPORT).chain(MEMBER).map(|(n, _)| *n).chain(["applying"]).collect();
        for f in &fields {
            assert!(zh_name(f).is_some(), "{f} has no Chinese name");
        }
        let mut names: Vec<&str> = ZH.iter().map(|(_, z)| *z).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ZH.len());
        assert_eq!(ZH.len(), fields.len());
    }

    #[test]
    fn the_template_reads_back_as_its_example() {
        let example: Value = serde_json::from_str(
            r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","residence":"urban","members":[{"id":"a","age":45,"monthly_income":"1000"},{"age":12}]}"#,
        )
        .unwrap();
        let t = template(3, std::slice::from_ref(&example)).unwrap();
        assert!(t.starts_with("\u{feff}地区,评估日期,城乡,家庭财产,申请项目,享受低保"), "{t}");
        assert!(t.contains("成员3_滞留"));
        let got = records(t.as_bytes()).unwrap();
        assert_eq!(got, [(2, Ok(example))]);
    }

    #[test]
    fn a_file_read_in_parts_gives_the_records_of_the_whole() {
        let rows = [HEAD, "tianjin,2020-04-15,45,a", "", "tianjin,2020-04-15,x,b", "tianjin,2020-04-15,47,\"c\""];
        for end in ENDINGS {
            let whole = records(&file(&rows, end)).unwrap();
            for cut in 0..rows.len() {
                // Each part ends where a line ends (the page cuts after the last line break of a chunk).
                let bytes = file(&rows, end);
                let mut at = 0;
                let mut ends = 0;
                for (i, &b) in bytes.iter().enumerate() {
                    if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                        ends += 1;
                        if ends == cut {
                            at = i + 1;
                        }
                    }
                }
                // A `\r\n` may also be cut between its two bytes.
                for at in [at, at.saturating_sub(1)] {
                    let mut part = Part::default();
                    let mut got = Vec::new();
                    for piece in [&bytes[..at], &bytes[at..]] {
                        read_part(piece, "t.csv", &mut part, &mut |item: Item| -> Result<(), InputError> {
                            got.push((
                                item.line,
                                match item.body {
                                    Body::Value(v) => Ok(v),
                                    Body::Refused(e) => Err(e),
                                    Body::Json(_) => unreachable!(),
                                },
                            ));
                            Ok(())
                        })
                        .unwrap();
                    }
                    if at == 0 || matches!(bytes[at - 1], b'\n' | b'\r') {
                        assert_eq!(got, whole, "cut after {cut} lines at byte {at} with {end:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_path_in_words() {
        assert_eq!(field_words("members[1].age"), "成员2_年龄");
        assert_eq!(field_words("members[0]"), "成员1");
        assert_eq!(field_words("support.dibao"), "享受低保");
        assert_eq!(field_words("as_of"), "评估日期");
        assert_eq!(field_words("applying[0]"), "申请项目");
        assert_eq!(field_words("members"), "家庭成员");
        assert_eq!(field_words(""), "整行");
        assert_eq!(field_words("parameters.dibao.standard.urban"), "参数.dibao.standard.urban");
    }
}
