//! `doudi sample` and `doudi compare` end to end: a sampled roster is the same bytes for
//! the same seed and is accepted whole by `doudi batch` in every place, as JSONL and as
//! CSV; `doudi compare` on a hand-checked roster (`tests/data/roster.jsonl`) gives the
//! differences the policy implies, nothing with no change, and refuses a bad `--set` with
//! the contract's error.
//!
//! The roster, on 2020-04-15 (Tianjin's urban and rural 低保 standards 1010, Chongqing's
//! urban 620; every household's assets far below the asset limits):
//!
//! | line | household | 低保 before | with urban standard 1060 | with urban standard +50 |
//! |---|---|---|---|---|
//! | 1 | Tianjin, urban, 3 members, income 1000 + 500 | 3 × 1010 − 1500 = 1530 | 3 × 1060 − 1500 = 1680 | 1680 |
//! | 2 | Tianjin, urban, 1 member, income 3000 | none (3000 > 1010, and > 2.5 × the standard for a single person) | none | none |
//! | 3 | Tianjin, rural, 2 members, income 600 | 2 × 1010 − 600 = 1420 | 1420 (the rural standard is not changed) | 1420 |
//! | 4 | Tianjin, urban, 2 members, income 1060 + 1000 | none (per capita 1030 ≥ 1010) | 2 × 1060 − 2060 = 60 | 60 |
//! | 5 | Chongqing, urban, 2 members, income 1000 | 2 × 620 − 1000 = 240 | 2 × 1060 − 1000 = 1120 | 2 × 670 − 1000 = 340 |
//! | 6 | no members | refused | refused | refused |

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn doudi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_doudi")).args(args).output().expect("doudi runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `doudi ARGS`, checked to exit 0; its stdout.
fn ok(args: &[&str]) -> Vec<u8> {
    let o = doudi(args);
    assert_eq!(o.status.code(), Some(0), "doudi {args:?}: {}", stderr(&o));
    o.stdout
}

fn json_lines(bytes: &[u8]) -> Vec<Value> {
    std::str::from_utf8(bytes).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// A file in this test binary's own directory under Cargo's `target/tmp`.
fn temp(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sample-compare");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn places() -> Vec<String> {
    doudi_core::jurisdictions().unwrap().into_iter().map(|j| j.id).collect()
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    for format in ["jsonl", "csv"] {
        let args = |seed: &'static str, n: &'static str| {
            ["sample", "--jurisdiction", "chongqing", "--households", n, "--seed", seed, "--output-format", format]
        };
        let a = ok(&args("42", "200"));
        assert_eq!(a, ok(&args("42", "200")), "{format}");
        assert_ne!(a, ok(&args("43", "200")), "{format}");
        // A roster is the first households of a longer one.
        assert!(ok(&args("42", "500")).starts_with(&a), "{format}");
        let rows = a.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
        assert_eq!(rows, if format == "csv" { 201 } else { 200 });
    }
    // --output FILE.csv writes CSV, the same bytes as standard output does.
    let file = temp("roster.csv");
    ok(&["sample", "-j", "jilin", "-n", "50", "--output", file.to_str().unwrap()]);
    assert_eq!(std::fs::read(&file).unwrap(), ok(&["sample", "-j", "jilin", "-n", "50", "--output-format", "csv"]));
}

/// `doudi batch --records compact` on a file: its records, each checked to be no error.
fn decided(path: &str) -> Vec<Value> {
    let records = json_lines(&ok(&["batch", "--input", path, "--records", "compact"]));
    for r in &records {
        assert!(r.get("error").is_none(), "{path}: {r}");
    }
    records
}

#[test]
fn every_sampled_household_is_accepted_by_batch_in_every_place() {
    let places = places();
    assert!(places.len() >= 4, "{places:?}");
    for place in &places {
        let jsonl = temp(&format!("{place}.jsonl"));
        let csv = temp(&format!("{place}.csv"));
        for (file, format) in [(&jsonl, "jsonl"), (&csv, "csv")] {
            let out = file.to_str().unwrap();
            ok(&["sample", "-j", place, "-n", "400", "--seed", "7", "--output-format", format, "-o", out]);
        }
        let from_jsonl = decided(jsonl.to_str().unwrap());
        let from_csv = decided(csv.to_str().unwrap());
        assert_eq!(from_jsonl.len(), 400, "{place}");
        // The CSV holds the same households: the same decisions (its lines are one on, for the header).
        for (j, c) in from_jsonl.iter().zip(&from_csv) {
            assert_eq!(c["line"].as_u64(), j["line"].as_u64().map(|l| l + 1), "{place}");
            assert_eq!((&j["summary"], &j["programmes"]), (&c["summary"], &c["programmes"]), "{place}");
        }
        assert_eq!(from_csv.len(), 400, "{place}");
    }
}

#[test]
fn a_sampled_roster_straddles_each_places_own_line() {
    let roster = temp("tianjin-line.jsonl");
    ok(&["sample", "-j", "tianjin", "-n", "1000", "--seed", "3", "-o", roster.to_str().unwrap()]);
    let records = decided(roster.to_str().unwrap());
    let dibao = |r: &Value| r["programmes"]["dibao"].clone();
    let eligible = records.iter().filter(|r| dibao(r)["status"] == "eligible").count();
    let above = records.iter().filter(|r| dibao(r)["failed"] == "income_below_standard").count();
    assert!(eligible > 200 && above > 200, "{eligible} eligible, {above} above the line");
    // Jilin sets no standard: 低保 needs it, for every household.
    let jilin = temp("jilin-line.jsonl");
    ok(&["sample", "-j", "jilin", "-n", "100", "-o", jilin.to_str().unwrap()]);
    assert!(decided(jilin.to_str().unwrap()).iter().all(|r| dibao(r)["status"] == "needs_info"));
}

#[test]
fn sample_refuses_an_unknown_place_or_day_with_the_contracts_error() {
    for (args, path) in [
        (["sample", "-j", "beijing", "-n", "1", "--as-of", "2020-03-15"], "jurisdiction"),
        (["sample", "-j", "tianjin", "-n", "1", "--as-of", "2020-13-01"], "as_of"),
    ] {
        let o = doudi(&args);
        assert_eq!(o.status.code(), Some(2));
        let v: Value = serde_json::from_str(stderr(&o).trim()).unwrap();
        assert_eq!(v["error"]["path"], path);
    }
}

/// `doudi compare --input tests/data/roster.jsonl ARGS --summary FILE`: the records and the summary.
fn compare(args: &[&str]) -> (Vec<Value>, Value, String) {
    let summary = temp(&format!("summary-{}.json", args.join("_").replace(['/', '=', '+', '-', '.'], "")));
    let input = data("roster.jsonl");
    let mut all = vec!["compare", "--threads", "1", "--input", input.to_str().unwrap()];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--summary", summary.to_str().unwrap()]);
    let o = doudi(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let summary: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    (json_lines(&o.stdout), summary, stderr(&o))
}

fn monthly(records: &[Value]) -> Vec<(String, String, String)> {
    records
        .iter()
        .filter(|r| r.get("error").is_none())
        .map(|r| {
            let s = |v: &Value| v.as_str().unwrap().to_string();
            (s(&r["before"]["monthly_total"]), s(&r["after"]["monthly_total"]), s(&r["difference"]["monthly_total"]))
        })
        .collect()
}

fn m(before: &str, after: &str, difference: &str) -> (String, String, String) {
    (before.into(), after.into(), difference.into())
}

#[test]
fn a_raised_urban_standard_gives_the_differences_worked_out_by_hand() {
    let (records, summary, text) = compare(&["--set", "dibao.standard.urban=1060"]);
    assert_eq!(records.len(), 6);
    let ids: Vec<&str> = records.iter().map(|r| r["id"].as_str().unwrap_or("")).collect();
    assert_eq!(ids, ["family-of-three", "earns-3000", "rural-pair", "just-above", "chongqing-pair", ""]);
    assert_eq!(
        monthly(&records),
        [
            m("1530.00", "1680.00", "150.00"),
            m("0.00", "0.00", "0.00"),
            m("1420.00", "1420.00", "0.00"),
            m("0.00", "60.00", "60.00"),
            m("240.00", "1120.00", "880.00"),
        ]
    );
    assert_eq!(records[0]["amount_changed"], serde_json::json!(["dibao"]));
    assert_eq!(records[0]["status_changed"], serde_json::json!([]));
    assert_eq!(
        records[3]["status_changed"],
        serde_json::json!([{"program": "dibao", "before": "ineligible", "after": "eligible"}])
    );
    assert_eq!((records[5]["line"].as_u64(), records[5]["error"]["path"].as_str()), (Some(6), Some("members")));

    assert_eq!(
        (&summary["households"], &summary["refused"], &summary["gaining"], &summary["losing"], &summary["unchanged"]),
        (&6.into(), &1.into(), &3.into(), &0.into(), &2.into())
    );
    assert_eq!(summary["status_changed"], 1);
    assert_eq!(
        summary["monthly"],
        serde_json::json!({"before": "3190.00", "after": "4280.00", "difference": "1090.00"})
    );
    assert_eq!(summary["yearly_difference"], "13080.00");
    assert_eq!(summary["one_off"]["difference"], "0.00");
    let bands: Vec<u64> =
        summary["bands"].as_array().unwrap().iter().map(|b| b["households"].as_u64().unwrap()).collect();
    // 0 twice; 60; 150; 880.
    assert_eq!(bands, [0, 0, 0, 2, 1, 1, 1]);
    assert!(text.contains("3 gaining, 0 losing, 2 unchanged"), "{text}");
    assert!(text.contains("difference +1090.00") && text.contains("difference +13080.00"), "{text}");
}

#[test]
fn a_change_by_an_amount_moves_each_places_own_value() {
    let (records, summary, _) = compare(&["--set", "dibao.standard.urban+=50"]);
    assert_eq!(monthly(&records)[0], m("1530.00", "1680.00", "150.00"));
    assert_eq!(monthly(&records)[3], m("0.00", "60.00", "60.00"));
    // Chongqing: 620 + 50.
    assert_eq!(monthly(&records)[4], m("240.00", "340.00", "100.00"));
    assert_eq!(summary["monthly"]["difference"], "310.00");
    assert_eq!(summary["yearly_difference"], "3720.00");

    let (records, summary, text) = compare(&["--set", "dibao.standard.urban-=50", "--output-format", "jsonl"]);
    assert_eq!(monthly(&records)[0], m("1530.00", "1380.00", "-150.00"));
    assert_eq!(monthly(&records)[3], m("0.00", "0.00", "0.00"));
    assert_eq!(monthly(&records)[4], m("240.00", "140.00", "-100.00"));
    assert_eq!((&summary["gaining"], &summary["losing"], &summary["unchanged"]), (&0.into(), &2.into(), &3.into()));
    assert_eq!(summary["yearly_difference"], "-3000.00");
    assert!(text.contains("difference -250.00"), "{text}");
}

#[test]
fn compare_with_no_change_finds_no_difference() {
    let (records, summary, _) = compare(&[]);
    assert_eq!(records.len(), 6);
    for r in records.iter().filter(|r| r.get("error").is_none()) {
        assert_eq!(r["difference"], serde_json::json!({"monthly_total": "0.00", "one_off_total": "0.00"}), "{r}");
        assert_eq!(r["before"], r["after"]);
        assert!(
            r["status_changed"].as_array().unwrap().is_empty() && r["amount_changed"].as_array().unwrap().is_empty()
        );
    }
    assert_eq!((&summary["unchanged"], &summary["gaining"], &summary["losing"]), (&5.into(), &0.into(), &0.into()));
    assert_eq!(summary["monthly"]["difference"], "0.00");
    // Only what changed: the refused household alone.
    let (records, _, _) = compare(&["--changed-only"]);
    assert_eq!(records.len(), 1);
    assert!(records[0]["error"].is_object());
}

#[test]
fn compare_shards_a_sampled_csv_roster_and_keeps_its_order() {
    let roster = temp("compare-roster.csv");
    ok(&["sample", "-j", "tianjin-dongli", "-n", "1500", "--seed", "9", "-o", roster.to_str().unwrap()]);
    let run = |threads: &str, format: &str| {
        let args = [
            "compare",
            "-i",
            roster.to_str().unwrap(),
            "--set",
            "work_cost.amount=800",
            "--threads",
            threads,
            "--output-format",
            format,
        ];
        ok(&args)
    };
    let one = run("1", "jsonl");
    assert_eq!(run("2", "jsonl"), one);
    let records = json_lines(&one);
    assert_eq!(records.len(), 1500);
    assert!(records.iter().all(|r| r.get("error").is_none()));
    assert!(records.iter().any(|r| r["amount_changed"].as_array().is_some_and(|a| !a.is_empty())));
    // A larger work-cost deduction never lowers a household's monthly total.
    assert!(records.iter().all(|r| !r["difference"]["monthly_total"].as_str().unwrap().starts_with('-')));
    // CSV: a header, then one row per household in the same order.
    let csv = String::from_utf8(run("2", "csv")).unwrap();
    let mut rows = csv.lines();
    assert!(rows.next().unwrap().starts_with("line,id,error_path,error,before_monthly_total,after_monthly_total"));
    for (row, r) in rows.zip(&records) {
        let cells: Vec<&str> = row.split(',').collect();
        assert_eq!(cells[0], r["line"].to_string());
        assert_eq!(
            (cells[1], cells[6]),
            (r["id"].as_str().unwrap(), r["difference"]["monthly_total"].as_str().unwrap())
        );
    }
}

/// The refusal on stderr, exactly the contract's `{"error":{"path","message","message_zh"}}`.
fn refusal(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(2), "{}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(r#"{"error":{"path":"#), "{err}");
    let v: Value = serde_json::from_str(&err).unwrap();
    assert!(v["error"]["message"].is_string() && v["error"]["message_zh"].is_string());
    v["error"].clone()
}

#[test]
fn a_bad_set_is_refused_with_the_contracts_error_naming_the_parameter() {
    let input = data("roster.jsonl");
    let input = input.to_str().unwrap();
    for (set, path, words) in [
        ("dibao.standard.nowhere=600", "parameters.dibao.standard.nowhere", "unknown parameter"),
        ("dibao.standard.urban=many", "parameters.dibao.standard.urban", "number"),
        ("dibao.standard.urban=-1", "parameters.dibao.standard.urban", ""),
        ("epidemic.end=someday", "parameters.epidemic.end", "date"),
        ("epidemic.end+=5", "parameters.epidemic.end", "not a number"),
        ("dibao.standard.urban+=fifty", "parameters.dibao.standard.urban", "amount"),
    ] {
        let o = doudi(&["compare", "-i", input, "--set", set]);
        let e = refusal(&o);
        assert_eq!(e["path"], path, "{set}");
        assert!(e["message"].as_str().unwrap().contains(words), "{set}: {e}");
        assert!(o.stdout.is_empty(), "nothing is decided: {set}");
    }
    let o = doudi(&["compare", "-i", input, "--set", "dibao.standard.urban=1", "--set", "dibao.standard.urban+=1"]);
    assert!(refusal(&o)["message"].as_str().unwrap().contains("twice"));
    // Not ID=VALUE at all: a command-line mistake, told by the argument parser.
    let o = doudi(&["compare", "-i", input, "--set", "dibao.standard.urban"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).starts_with("error: invalid value 'dibao.standard.urban' for '--set"), "{}", stderr(&o));
}
