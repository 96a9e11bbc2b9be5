//! The `doudi` binary end to end: the contract's worked examples, each bad-input class
//! refused with exit 2 and its path, and every subcommand on the samples in `examples/`.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn example(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../examples").join(name)
}

/// Runs `doudi ARGS` with `stdin` as standard input.
fn doudi(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_doudi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("doudi runs");
    // A command that refuses before reading its input exits early: a broken pipe then is no
    // failure of the test (what it printed and its exit code are).
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("stdout is not JSON ({e}): {}", stdout(o)))
}

/// The finding of `program` for the household (no member).
fn household_finding<'a>(a: &'a Value, program: &str) -> &'a Value {
    a["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["program"] == program && f["member"].is_null())
        .unwrap_or_else(|| panic!("no {program} finding"))
}

/// The refusal on stderr, checked to be exactly `{"error":{"path","message","message_zh"}}`.
fn refusal(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(2), "exit code; stderr: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "one line on stderr: {err}");
    let v: Value = serde_json::from_str(&err).unwrap_or_else(|e| panic!("stderr is not JSON ({e}): {err}"));
    let doc = v.as_object().unwrap();
    assert_eq!(doc.keys().collect::<Vec<_>>(), ["error"]);
    let error = v["error"].as_object().unwrap();
    let mut keys: Vec<&str> = error.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["message", "message_zh", "path"]);
    assert!(err.starts_with(r#"{"error":{"path":"#), "the contract's field order: {err}");
    for k in keys {
        assert!(error[k].is_string(), "{k}");
    }
    assert!(!error["message"].as_str().unwrap().is_empty());
    v["error"].clone()
}

const OK_MEMBER: &str = r#"{"age": 40}"#;

fn household(top: &str, members: &str) -> String {
    let sep = if top.is_empty() { "" } else { "," };
    format!(r#"{{"jurisdiction": "tianjin", "as_of": "2020-04-15"{sep}{top}, "members": [{members}]}}"#)
}

#[test]
fn the_worked_example_gets_1530_a_month() {
    let o = doudi(&["evaluate", example("tianjin-family.json").to_str().unwrap()], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let a = json(&o);
    assert_eq!(a["summary"]["counted_income"], "1500.00");
    let dibao = household_finding(&a, "dibao");
    assert_eq!(dibao["status"], "eligible");
    assert_eq!(dibao["monthly"], "1530.00");
    assert!(stdout(&o).contains("\n  \"jurisdiction\""), "indented by default");
}

#[test]
fn stdin_is_the_default_and_compact_is_one_line() {
    let text = std::fs::read_to_string(example("tianjin-family.json")).unwrap();
    let o = doudi(&["evaluate", "--compact", "--lang", "en"], &text);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1);
    let a = json(&o);
    assert_eq!(a["lang"], "en");
    assert_eq!(household_finding(&a, "dibao")["monthly"], "1530.00");
}

#[test]
fn the_gap_is_exact_not_from_the_rounded_per_capita_income() {
    let o = doudi(&["evaluate", example("standard-override.json").to_str().unwrap()], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let a = json(&o);
    assert_eq!(a["summary"]["per_capita_income"], "273.33");
    assert_eq!(household_finding(&a, "dibao")["monthly"], "980.00");
}

#[test]
fn each_bad_input_class_is_refused_with_its_path() {
    let thirty_one = vec![OK_MEMBER; 31].join(",");
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "unknown jurisdiction",
            r#"{"jurisdiction": "beijing", "as_of": "2020-04-15", "members": [{"age": 40}]}"#.into(),
            "jurisdiction",
        ),
        (
            "unknown parameter id",
            household(r#""parameters": {"dibao.standard.nowhere": "600"}"#, OK_MEMBER),
            "parameters",
        ),
        ("negative amount", household("", r#"{"age": 40, "monthly_income": "-1"}"#), "members[0].monthly_income"),
        ("non-numeric amount", household("", r#"{"age": 40, "monthly_income": "a lot"}"#), "members[0].monthly_income"),
        ("age over 130", household("", r#"{"age": 131}"#), "members[0].age"),
        (
            "impossible date",
            r#"{"jurisdiction": "tianjin", "as_of": "2020-02-30", "members": [{"age": 40}]}"#.into(),
            "as_of",
        ),
        ("no members", household("", ""), "members"),
        ("31 members", household("", &thirty_one), "members"),
        (
            "discharge before diagnosis",
            household(
                "",
                r#"{"age": 40, "covid": "confirmed", "diagnosed_on": "2020-03-01", "discharged_on": "2020-02-20"}"#,
            ),
            "members[0].discharged_on",
        ),
        ("unknown field", household("", r#"{"agee": 40}"#), "members[0].agee"),
        ("not JSON", "{\"jurisdiction\": ".into(), ""),
    ];
    for (what, input, path) in cases {
        let o = doudi(&["evaluate"], &input);
        let e = refusal(&o);
        let got = e["path"].as_str().unwrap();
        if path == "parameters" {
            assert!(got.starts_with("parameters"), "{what}: path {got}");
        } else {
            assert_eq!(got, path, "{what}: {e}");
        }
        assert!(o.stdout.is_empty(), "{what}: nothing half-computed on stdout");
    }
}

#[test]
fn a_missing_file_is_refused_with_an_empty_path() {
    let o = doudi(&["evaluate", "no/such/household.json"], "");
    let e = refusal(&o);
    assert_eq!(e["path"], "");
    assert!(e["message"].as_str().unwrap().contains("no/such/household.json"), "{e}");
}

#[test]
fn explain_shows_grouped_money_and_quotes_the_clause() {
    let o = doudi(&["explain", example("tianjin-family.json").to_str().unwrap()], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    for want in ["天津市", "可能符合", "不符合", "每月 1,530.00 元", "1,500.00 元", "依据", "[1] ", "假设与说明"]
    {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
    // The dibao finding quotes 002 一、第1句 verbatim.
    assert!(text.contains("“在坚持现有救助标准和差额救助原则的基础上"), "{text}");
}

#[test]
fn explain_in_english_and_refusals_like_evaluate() {
    let text = std::fs::read_to_string(example("tianjin-family.json")).unwrap();
    let o = doudi(&["explain", "--lang", "en"], &text);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Eligible (1)"), "{}", stdout(&o));
    assert!(stdout(&o).contains("monthly 1,530.00 yuan"));
    let e = refusal(&doudi(&["explain"], &household("", r#"{"age": 131}"#)));
    assert_eq!(e["path"], "members[0].age");
}

fn param<'a>(list: &'a Value, id: &str) -> &'a Value {
    list.as_array().unwrap().iter().find(|p| p["id"] == id).unwrap_or_else(|| panic!("no parameter {id}"))
}

#[test]
fn params_lists_what_is_in_force() {
    let o = doudi(&["params", "--jurisdiction", "tianjin", "--as-of", "2020-04-15"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let p = param(&json(&o), "dibao.standard.urban").clone();
    assert_eq!(p["value"], "1010");
    assert!(p["unit"].is_string() && p["label"].is_string());

    let o = doudi(&["params", "--jurisdiction", "jilin", "--as-of", "2020-04-15"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let list = json(&o);
    assert!(param(&list, "dibao.standard.urban")["value"].is_null());
    assert!(param(&list, "epidemic.start")["value"].is_string());
}

#[test]
fn params_refuses_a_bad_jurisdiction_or_date() {
    let e = refusal(&doudi(&["params", "--jurisdiction", "beijing", "--as-of", "2020-04-15"], ""));
    assert_eq!(e["path"], "jurisdiction");
    let e = refusal(&doudi(&["params", "--jurisdiction", "jilin", "--as-of", "2020-02-30"], ""));
    assert_eq!(e["path"], "as_of");
}

#[test]
fn check_passes_and_names_every_jurisdiction() {
    let o = doudi(&["check"], "");
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    let text = stdout(&o);
    for j in ["tianjin:", "tianjin-dongli:", "chongqing:", "jilin:"] {
        let line = text.lines().find(|l| l.starts_with(j)).unwrap_or_else(|| panic!("{j} missing:\n{text}"));
        for word in ["parameters", "programmes", "clauses", "cited", "procedural", "0 uncited"] {
            assert!(line.contains(word), "{line}");
        }
    }
}

#[test]
fn schema_describes_input_output_and_error() {
    let o = doudi(&["schema"], "");
    assert!(o.status.success(), "{}", stderr(&o));
    let s = json(&o);
    assert!(s["input"]["properties"]["members"].is_object());
    assert!(s["output"]["properties"]["findings"].is_object());
    assert!(s["error"]["properties"]["message_zh"].is_object());
    assert!(s["input"]["$schema"].as_str().unwrap().contains("json-schema.org"));

    let o = doudi(&["schema", "--which", "input"], "");
    let input = json(&o);
    assert_eq!(input, s["input"]);
}

/// Runs `doudi batch ARGS` and parses its records.
fn batch(args: &[&str]) -> (Output, Vec<Value>) {
    let mut all = vec!["batch"];
    all.extend_from_slice(args);
    let o = doudi(&all, "");
    let records = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (o, records)
}

#[test]
fn batch_jsonl_writes_one_record_per_line_and_goes_on_after_a_bad_one() {
    let input = example("batch.jsonl");
    let (o, records) = batch(&["--input", input.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stderr.is_empty(), "quiet when stderr is not a terminal: {}", stderr(&o));
    let text = std::fs::read_to_string(&input).unwrap();
    let filled: Vec<u64> =
        text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()).map(|(i, _)| i as u64 + 1).collect();
    let lines: Vec<u64> = records.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, filled, "one record per non-blank line, numbered as in the file");
    let bad: Vec<&Value> = records.iter().filter(|r| r.get("error").is_some()).collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0]["line"], 3);
    assert_eq!(bad[0]["error"]["path"], "members[0].age");
    assert!(records.last().unwrap()["assessment"].is_object(), "the batch went on");
    for r in &records {
        let keys: Vec<&String> = r.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
    }
    assert_eq!(household_finding(&records[0]["assessment"], "dibao")["monthly"], "1530.00");
}

#[test]
fn batch_csv_gives_the_same_assessments_as_the_json_form() {
    let (o, csv) = batch(&["--input", example("batch.csv").to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (_, jsonl) = batch(&["--input", example("batch.jsonl").to_str().unwrap()]);
    assert_eq!(csv.len(), 5);
    assert_eq!(csv[0]["line"], 2, "the header is line 1");
    assert_eq!(household_finding(&csv[0]["assessment"], "dibao")["monthly"], "1530.00");

    let single = json(&doudi(&["evaluate", example("tianjin-family.json").to_str().unwrap()], ""));
    assert_eq!(csv[0]["assessment"], single, "a CSV row is the same household as the JSON file");
    let ok = |rs: &[Value]| rs.iter().filter_map(|r| r.get("assessment").cloned()).collect::<Vec<_>>();
    assert_eq!(ok(&csv), ok(&jsonl), "batch.csv and batch.jsonl hold the same households");

    let bad = &csv[2];
    assert_eq!(bad["line"], 4);
    assert_eq!(bad["error"]["path"], "members[1].age");
}

#[test]
fn batch_writes_to_a_file_and_reports_progress_when_asked() {
    let out = std::env::temp_dir().join(format!("doudi-batch-{}.jsonl", std::process::id()));
    let (o, records) =
        batch(&["-i", example("batch.jsonl").to_str().unwrap(), "-o", out.to_str().unwrap(), "--progress"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(records.is_empty(), "nothing on stdout");
    let written = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_file(&out).unwrap();
    assert_eq!(written.lines().count(), 5);
    let progress = stderr(&o);
    assert!(progress.starts_with("batch: 5 records, 1 errors, "), "{progress}");
    assert!(progress.trim_end().ends_with("records/s"), "{progress}");
}

#[test]
fn batch_reads_stdin_and_refuses_an_unreadable_input() {
    let text = std::fs::read_to_string(example("batch.jsonl")).unwrap();
    let o = doudi(&["batch", "--input", "-"], &text);
    assert!(o.status.success());
    assert_eq!(stdout(&o).lines().count(), 5);

    let e = refusal(&doudi(&["batch", "--input", "no/such/file.csv"], ""));
    assert_eq!(e["path"], "");
    let bad_header = std::env::temp_dir().join(format!("doudi-header-{}.csv", std::process::id()));
    std::fs::write(&bad_header, "jurisdiction,as_of,m1_agee\ntianjin,2020-04-15,4\n").unwrap();
    let o = doudi(&["batch", "--input", bad_header.to_str().unwrap()], "");
    std::fs::remove_file(&bad_header).unwrap();
    let e = refusal(&o);
    assert!(e["message"].as_str().unwrap().contains("m1_agee"), "{e}");
}

#[test]
fn batch_help_documents_the_csv_columns() {
    let o = doudi(&["batch", "--help"], "");
    assert!(o.status.success());
    let help = stdout(&o);
    for want in ["jurisdiction", "applying", "dibao;tekun", "mK_FIELD", "monthly_income", "members[1].age", "records/s"]
    {
        assert!(help.contains(want), "{want} missing from:\n{help}");
    }
}

/// As the README says: a mistake on the command line is clap's usage text for a person on
/// stderr with exit 2, not the contract's JSON error.
#[test]
fn command_line_mistakes_print_usage_text_and_exit_2() {
    for args in [&["batch", "--bogus", "--input", "x.csv"][..], &["batch"], &["evaluate", "--nope"], &["frobnicate"]] {
        let o = doudi(args, "");
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(o.stdout.is_empty(), "{args:?}");
        let err = stderr(&o);
        assert!(err.starts_with("error: ") && err.contains("\nUsage: doudi"), "{args:?}: {err}");
        assert!(serde_json::from_str::<Value>(&err).is_err(), "{args:?}: not JSON");
    }
    assert!(stderr(&doudi(&["batch"], "")).contains("--input <INPUT>"));
}

#[test]
fn version_names_the_embedded_policies() {
    let o = doudi(&["--version"], "");
    assert!(o.status.success());
    let v = stdout(&o);
    assert!(v.contains(env!("CARGO_PKG_VERSION")), "{v}");
    assert!(v.contains(doudi_core::policy::EMBEDDED_VERSION.trim()), "{v}");
}

#[test]
fn batch_brief_keeps_amounts_and_clause_ids_but_drops_explanations() {
    let input = example("batch.jsonl");
    let (o, full) = batch(&["--input", input.to_str().unwrap()]);
    assert!(o.status.success());
    let (o, brief) = batch(&["--input", input.to_str().unwrap(), "--brief"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(full.len(), brief.len());
    let f = household_finding(&brief[0]["assessment"], "dibao");
    assert_eq!(f["monthly"], "1530.00");
    assert_eq!(f["trace"], serde_json::json!([]));
    let c = &f["citations"][0];
    assert!(c["clause_id"].is_string() && c["clause"].is_string());
    assert!(c.get("text").is_none() && c.get("document").is_none(), "{c}");
    assert!(stdout(&o).len() * 2 < serde_json::to_string(&full).unwrap().len(), "brief output is much smaller");
}

#[test]
fn batch_refuses_to_write_over_its_input() {
    let dir = std::env::temp_dir().join(format!("doudi-cli-same-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let same = dir.join("same.jsonl");
    let text = std::fs::read_to_string(example("batch.jsonl")).unwrap();
    std::fs::write(&same, &text).unwrap();
    let p = same.to_str().unwrap();
    let o = doudi(&["batch", "--input", p, "--output", p], "");
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert!(err["error"]["message"].as_str().unwrap().contains("is the input file"), "{err}");
    // The households are still there.
    assert_eq!(std::fs::read_to_string(&same).unwrap(), text);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_oversized_household_is_refused_without_reading_it_all() {
    let big = format!(
        r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{{"age":40}}],"x":"{}"}}"#,
        "a".repeat(3 << 20)
    );
    let file = std::env::temp_dir().join(format!("doudi-cli-big-{}.json", std::process::id()));
    std::fs::write(&file, &big).unwrap();
    let o = doudi(&["evaluate", file.to_str().unwrap()], "");
    std::fs::remove_file(&file).unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
    assert_eq!(err["error"]["path"], "");
    assert!(err["error"]["message"].as_str().unwrap().contains("at most 262144 bytes"), "{err}");
}

#[test]
fn explain_is_short_by_default_and_whole_with_full() {
    let file = example("tianjin-family.json");
    let short = stdout(&doudi(&["explain", file.to_str().unwrap()], ""));
    let full = stdout(&doudi(&["explain", "--full", file.to_str().unwrap()], ""));
    // A household of three on a screen or two; everything with --full.
    assert!(short.lines().count() <= 100, "{} lines", short.lines().count());
    assert!(full.lines().count() > 2 * short.lines().count(), "{} vs {}", full.lines().count(), short.lines().count());
    // What may apply is whole in both: 低保's amount, calculation and quoted clause.
    for text in [&short, &full] {
        assert!(text.contains("每月 1,530.00 元"), "{text}");
        assert!(text.contains("3030.00 − 1500.00"), "{text}");
    }
    // What does not apply: a line a programme and reason, the members named together.
    assert!(short.contains("单人户纳入低保 — m1、m2、m3：家庭不是低收入家庭"), "{short}");
    assert!(short.contains("doudi explain --full"), "{short}");
    assert!(!full.contains("doudi explain --full"));
}

/// A Tianjin 低保 household with a migrant worker: the 500-yuan work cost is deducted only
/// under the epidemic measures (000 二（五）第4句).
const WORK_COST: &str = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","support":{"dibao":true,"dibao_monthly":800},
  "members":[{"age":40,"monthly_income":1200,"work":"migrant"},{"age":70}]}"#;

#[test]
fn explain_compare_ordinary_adds_the_ordinary_rules_after_the_usual_text() {
    let plain = doudi(&["explain"], WORK_COST);
    let o = doudi(&["explain", "--compare", "ordinary"], WORK_COST);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.starts_with(&stdout(&plain)), "the usual text comes first, unchanged");
    let added = &text[stdout(&plain).len()..];
    for want in [
        "与常规规定比较（疫情期间措施不计）",
        "每月持续领取    1,320.00 元  820.00 元  +500.00 元",
        "按常规规定：可能符合 1 项 · 每月约 820.00 元",
        "1. 疫情期间务工成本扣减（转发国发明电〔2020〕9号 二（五）第4句）：最低生活保障（低保）每月多 500.00 元",
        "“对外出务工、返岗复工的低保对象，核定家庭收入时每月扣减务工成本500元，至疫情结束。”",
    ] {
        assert!(added.contains(want), "{want:?} not in:\n{added}");
    }
    let en = stdout(&doudi(&["explain", "--compare", "ordinary", "--lang", "en"], WORK_COST));
    assert!(en.contains("Compared with the ordinary rules"), "{en}");
    assert!(en.contains("the epidemic's work-cost deduction (转发国发明电〔2020〕9号 section 2, item 5, sentence 4): Minimum living allowance (dibao) 500.00 yuan more a month"), "{en}");
    let none = stdout(&doudi(
        &["explain", "--compare", "ordinary"],
        r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":45,"monthly_income":1500},{"age":40},{"age":12}]}"#,
    ));
    assert!(none.contains("疫情期间的措施没有改变本户的测算结果。"), "{none}");
    assert!(doudi(&["explain", "--compare", "usual"], WORK_COST).status.code() != Some(0));
}

#[test]
fn evaluate_compare_ordinary_adds_the_comparison_to_the_assessment() {
    let plain = json(&doudi(&["evaluate"], WORK_COST));
    let a = json(&doudi(&["evaluate", "--compare", "ordinary"], WORK_COST));
    let mut without = a.clone();
    let c = without.as_object_mut().unwrap().remove("ordinary").expect("an `ordinary` key");
    assert_eq!(without, plain, "the assessment is unchanged beside it");
    assert_eq!(c["epidemic"]["ongoing_monthly"], "1320.00");
    assert_eq!(c["ordinary"]["ongoing_monthly"], "820.00");
    assert_eq!(
        c["difference"],
        serde_json::json!({"ongoing_monthly": "500.00", "fixed_term": "0.00", "one_off": "0.00"})
    );
    let dibao: Vec<&Value> = c["findings"].as_array().unwrap().iter().filter(|r| r["changed"] == true).collect();
    assert_eq!(dibao.len(), 1);
    assert_eq!(dibao[0]["program"], "dibao");
    assert_eq!(dibao[0]["measures"], serde_json::json!(["dibao.work_cost_fixed"]));
    let m = c["measures"].as_array().unwrap().iter().find(|m| m["key"] == "dibao.work_cost_fixed").unwrap();
    assert_eq!(m["citations"][0]["clause_id"], "2.5.4");
    // The ordinary side is what the same household gets where the place has no measure at all:
    // here, with the work cost set to 0 it is 820 too.
    let zero = WORK_COST.replace("\"members\"", "\"parameters\":{\"work_cost.amount\":\"0\"},\"members\"");
    assert_eq!(json(&doudi(&["evaluate"], &zero))["summary"]["monthly_total"], c["ordinary"]["ongoing_monthly"]);
}
