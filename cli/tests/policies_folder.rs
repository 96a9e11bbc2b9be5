//! `--policies DIR`: policies read from a folder at run time. The proof that a place is
//! data: Testshire (`tests/data/policies-fixture/jurisdictions/testshire.toml`), a place
//! that exists only here, is checked, assessed, listed and batched by the binary from a
//! folder, and its own cases (`tests/data/policies-fixture/tests/testshire.toml`) pass, with
//! no Rust changed. A broken folder is refused with the file and the key.
//!
//! Each test makes its folder as a member of staff would: a copy of the repository's
//! `policies/documents` and `policies/jurisdictions` with the fixture's files added (so the
//! large document files are not duplicated in the repository, and the fixture always sits on
//! the current documents).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/policies-fixture")
}

/// A fresh policy folder `name`: the repository's documents and jurisdictions, then the
/// fixture's jurisdiction files, each passed through `edit`.
fn folder(name: &str, edit: impl Fn(&str) -> String) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("policies-folder").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for kind in ["documents", "jurisdictions"] {
        std::fs::create_dir_all(dir.join(kind)).unwrap();
        copy_toml(&repo().join("policies").join(kind), &dir.join(kind), &|t| t.to_string());
    }
    copy_toml(&fixture().join("jurisdictions"), &dir.join("jurisdictions"), &edit);
    dir
}

fn copy_toml(from: &Path, to: &Path, edit: &dyn Fn(&str) -> String) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(to.join(path.file_name().unwrap()), edit(&text)).unwrap();
        }
    }
}

fn testshire(name: &str) -> PathBuf {
    folder(name, |t| t.to_string())
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
    // A command that refuses its folder exits before reading its input: a broken pipe then
    // is no failure of the test.
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn ok(o: &Output) -> String {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    stdout(o)
}

/// The contract's refusal on stderr (exit 2, one line of `{"error": {…}}`).
fn refusal(o: &Output) -> Value {
    assert_eq!(o.status.code(), Some(2), "stdout: {}; stderr: {}", stdout(o), stderr(o));
    let err = stderr(o);
    assert_eq!(err.lines().count(), 1, "{err}");
    let v: Value = serde_json::from_str(&err).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 1);
    v["error"].clone()
}

fn finding<'a>(a: &'a Value, program: &str) -> &'a Value {
    a["findings"].as_array().unwrap().iter().find(|f| f["program"] == program && f["member"].is_null()).unwrap()
}

/// Testshire's worked example: a migrant worker earning 1200 in a 低保 household of two.
const WORKER: &str = r#"{"jurisdiction":"testshire","as_of":"2020-04-15","support":{"dibao":true,"dibao_monthly":600},"members":[{"age":40,"monthly_income":1200,"work":"migrant"},{"age":70}]}"#;
/// One person with no income, on a day Testshire's standard is 800.
const ALONE: &str = r#"{"jurisdiction":"testshire","as_of":"2020-04-15","members":[{"age":50}]}"#;

#[test]
fn check_reads_the_folder_and_finds_every_clause_cited() {
    let dir = testshire("check");
    let out = ok(&doudi(&["check", "--policies", dir.to_str().unwrap()], ""));
    let line = out.lines().find(|l| l.starts_with("testshire: ")).unwrap_or_else(|| panic!("{out}"));
    assert!(line.ends_with(", 0 uncited"), "{line}");
    // Tianjin's 27 parameters, Testshire's three among them.
    assert!(line.starts_with("testshire: 27 parameters, 11 programmes, 77 clauses"), "{line}");
    for place in ["tianjin:", "tianjin-dongli:", "chongqing:", "jilin:"] {
        assert!(out.lines().any(|l| l.starts_with(place)), "{place} in {out}");
    }
    // The embedded policies know no Testshire.
    let embedded = ok(&doudi(&["check"], ""));
    assert!(!embedded.contains("testshire"), "{embedded}");
    // A version of its own, as a hash of the folder's files.
    let version = |s: &str| s.lines().last().unwrap().to_string();
    assert_ne!(version(&out), version(&embedded));
}

#[test]
fn a_copy_of_the_repositorys_policies_is_the_embedded_policies() {
    // The same bundle from the same files, whichever folder they are read from.
    let copy = folder("copy", |t| t.to_string());
    std::fs::remove_file(copy.join("jurisdictions/testshire.toml")).unwrap();
    let embedded = ok(&doudi(&["check"], ""));
    assert_eq!(ok(&doudi(&["check", "--policies", repo().join("policies").to_str().unwrap()], "")), embedded);
    assert_eq!(ok(&doudi(&["check", "--policies", copy.to_str().unwrap()], "")), embedded);
    let a = ok(&doudi(
        &["evaluate", "--compact", "--policies", copy.to_str().unwrap()],
        &ALONE.replace("testshire", "tianjin"),
    ));
    let b = ok(&doudi(&["evaluate", "--compact"], &ALONE.replace("testshire", "tianjin")));
    assert_eq!(a, b);
}

#[test]
fn evaluate_assesses_the_fixture_place_by_its_own_figures() {
    let dir = testshire("evaluate");
    let o = doudi(&["evaluate", "--policies", dir.to_str().unwrap()], WORKER);
    let a: Value = serde_json::from_str(&ok(&o)).unwrap();
    assert_eq!(a["jurisdiction"], "testshire");
    // 1200 − 300 (Testshire's work cost, not Tianjin's 500) = 900 counted;
    // 2 × 800 (Testshire's standard) − 900 = 700.
    assert_eq!(a["summary"]["counted_income"], "900.00");
    assert_eq!(a["summary"]["standard"], "800.00");
    let dibao = finding(&a, "dibao");
    assert_eq!(dibao["status"], "eligible");
    assert_eq!(dibao["monthly"], "700.00");
    assert_eq!(a["summary"]["monthly_total"], "700.00");
    // Without the folder the place does not exist: refused, at its field.
    let e = refusal(&doudi(&["evaluate"], WORKER));
    assert_eq!(e["path"], "jurisdiction");
}

#[test]
fn explain_names_the_fixture_place() {
    let dir = testshire("explain");
    let text = ok(&doudi(&["explain", "--policies", dir.to_str().unwrap()], WORKER));
    assert!(text.contains("测试郡（testshire）"), "{text}");
    assert!(text.contains("min(务工成本 300.00, 本人收入 1200.00)"), "{text}");
    assert!(text.contains("每月 700.00 元"), "{text}");
    let en = ok(&doudi(&["explain", "--lang", "en", "--policies", dir.to_str().unwrap()], WORKER));
    assert!(en.contains("Testshire (a test place) (testshire)"), "{en}");
}

#[test]
fn params_lists_the_fixture_places_standard_and_work_cost() {
    let dir = testshire("params");
    let list = |as_of: &str| -> Value {
        let o = doudi(&["params", "--policies", dir.to_str().unwrap(), "-j", "testshire", "--as-of", as_of], "");
        serde_json::from_str(&ok(&o)).unwrap()
    };
    let get = |v: &Value, id: &str| v.as_array().unwrap().iter().find(|p| p["id"] == id).unwrap().clone();
    let april = list("2020-04-15");
    let urban = get(&april, "dibao.standard.urban");
    assert_eq!(urban["value"], "800");
    assert_eq!(urban["from"], "2020-04-01");
    assert_eq!(urban["source"], "test fixture: an invented figure");
    assert_eq!(urban["confidence"], "low");
    assert_eq!(get(&april, "dibao.standard.rural")["value"], "640");
    assert_eq!(get(&april, "work_cost.amount")["value"], "300");
    // Inherited from Tianjin: its epidemic period.
    assert_eq!(get(&april, "epidemic.start")["value"], "2020-01-24");
    assert_eq!(get(&list("2020-03-15"), "dibao.standard.urban")["value"], "760");
    // The embedded policies have no such place.
    let e = refusal(&doudi(&["params", "-j", "testshire", "--as-of", "2020-04-15"], ""));
    assert_eq!(e["path"], "jurisdiction");
}

#[test]
fn batch_assesses_two_lines_of_the_fixture_place() {
    let dir = testshire("batch");
    let input = format!("{WORKER}\n{ALONE}\n");
    for threads in ["1", "2"] {
        let o = doudi(&["batch", "--policies", dir.to_str().unwrap(), "-i", "-", "--threads", threads], &input);
        let lines: Vec<Value> = ok(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["line"], 1);
        assert_eq!(finding(&lines[0]["assessment"], "dibao")["monthly"], "700.00");
        assert_eq!(lines[1]["line"], 2);
        // 1 × 800 − 0.
        assert_eq!(finding(&lines[1]["assessment"], "dibao")["monthly"], "800.00");
        // Compact records come from the decisions, on the same policies.
        let o = doudi(
            &["batch", "--policies", dir.to_str().unwrap(), "-i", "-", "--records", "compact", "--threads", threads],
            &input,
        );
        let lines: Vec<Value> = ok(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0]["programmes"]["dibao"]["monthly"], "700.00");
        assert_eq!(lines[1]["programmes"]["dibao"]["monthly"], "800.00");
    }
    // Without the folder each line is an error record.
    let o = doudi(&["batch", "-i", "-"], &input);
    for l in ok(&o).lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["error"]["path"], "jurisdiction", "{l}");
    }
}

#[test]
fn sample_and_compare_run_on_the_folder_too() {
    let dir = testshire("sample");
    let roster = ok(&doudi(&["sample", "--policies", dir.to_str().unwrap(), "-j", "testshire", "-n", "3"], ""));
    assert_eq!(roster.lines().count(), 3);
    for l in roster.lines() {
        assert_eq!(serde_json::from_str::<Value>(l).unwrap()["jurisdiction"], "testshire");
    }
    // Testshire's standard raised by 50: the worker's household of two gets 100 more.
    let o = doudi(
        &["compare", "--policies", dir.to_str().unwrap(), "-i", "-", "--set", "dibao.standard.urban+=50"],
        &format!("{WORKER}\n"),
    );
    let v: Value = serde_json::from_str(ok(&o).trim()).unwrap();
    assert_eq!(v["before"]["monthly_total"], "700.00", "{v}");
    assert_eq!(v["after"]["monthly_total"], "800.00", "{v}");
    assert_eq!(v["difference"]["monthly_total"], "100.00", "{v}");
}

/// Testshire's own cases, as data, through `doudi evaluate --policies DIR`.
#[test]
fn the_fixture_places_own_cases_pass() {
    let dir = testshire("cases");
    let text = std::fs::read_to_string(fixture().join("tests/testshire.toml")).unwrap();
    let cases: toml::Value = toml::from_str(&text).unwrap();
    let cases = serde_json::to_value(cases).unwrap();
    let cases = cases["case"].as_array().unwrap();
    assert!(cases.len() >= 4);
    let mut errs = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let o = doudi(&["evaluate", "--policies", dir.to_str().unwrap()], &case["input"].to_string());
        if o.status.code() != Some(0) {
            errs.push(format!("«{name}»: refused: {}", stderr(&o)));
            continue;
        }
        let a: Value = serde_json::from_str(&stdout(&o)).unwrap();
        for exp in case["expect"].as_array().unwrap() {
            let program = exp["program"].as_str().unwrap();
            let found: Vec<&Value> = a["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|f| f["program"] == program && f["member"].as_str() == exp["member"].as_str())
                .collect();
            if exp["absent"] == true {
                if !found.is_empty() {
                    errs.push(format!("«{name}»: {program}: expected no finding"));
                }
                continue;
            }
            let [f] = found[..] else {
                errs.push(format!("«{name}»: {program}: expected one finding, got {}", found.len()));
                continue;
            };
            for (key, want) in exp.as_object().unwrap() {
                match key.as_str() {
                    "program" | "member" => {}
                    "status" | "monthly" | "one_off" => {
                        let want = if want == "null" { &Value::Null } else { want };
                        if &f[key] != want {
                            errs.push(format!("«{name}»: {program}.{key}: expected {want}, got {}", f[key]));
                        }
                    }
                    "cites" => {
                        for c in want.as_array().unwrap() {
                            let (doc, clause) = c.as_str().unwrap().split_once(':').unwrap();
                            let quoted = f["citations"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .any(|x| x["document_id"] == doc && x["clause_id"] == clause);
                            if !quoted {
                                errs.push(format!("«{name}»: {program} does not quote {c}"));
                            }
                        }
                    }
                    "reason" => {
                        let r = want.as_str().unwrap();
                        if !f["reasons"].as_array().unwrap().iter().any(|x| x.as_str().unwrap().contains(r)) {
                            errs.push(format!("«{name}»: no reason contains {r:?}: {}", f["reasons"]));
                        }
                    }
                    other => panic!("«{name}»: this runner does not check `{other}`"),
                }
            }
        }
        for (key, want) in case.get("summary").and_then(Value::as_object).into_iter().flatten() {
            if &a["summary"][key] != want {
                errs.push(format!("«{name}»: summary.{key}: expected {want}, got {}", a["summary"][key]));
            }
        }
    }
    assert!(errs.is_empty(), "{}", errs.join("\n"));
}

#[test]
fn a_key_typo_is_refused_with_the_file_and_the_key() {
    let dir = folder("typo", |t| {
        t.replace(r#"[parameters."dibao.standard.urban"]"#, r#"[parameters."dibao.standard.urbn"]"#)
    });
    let file = dir.join("jurisdictions/testshire.toml");
    let file = file.to_str().unwrap();
    // `doudi check`: the report, exit 1.
    let o = doudi(&["check", "--policies", dir.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let err = stderr(&o);
    assert!(
        err.lines().any(|l| l
            == format!(
                r#"{file}: parameters."dibao.standard.urbn": unknown parameter "dibao.standard.urbn": no rule reads it"#
            )),
        "{err}"
    );
    assert!(err.lines().last().unwrap().starts_with("check: 1 error(s) in the policies of "), "{err}");
    // Every other subcommand: the contract's refusal, naming the same file and key.
    for args in [
        vec!["evaluate"],
        vec!["explain"],
        vec!["params", "-j", "testshire", "--as-of", "2020-04-15"],
        vec!["batch", "-i", "-"],
    ] {
        let mut args = args.clone();
        args.extend(["--policies", dir.to_str().unwrap()]);
        let e = refusal(&doudi(&args, WORKER));
        assert_eq!(e["path"], "", "{args:?}");
        let message = e["message"].as_str().unwrap();
        assert!(
            message.contains(&format!(r#"{file}: parameters."dibao.standard.urbn": unknown parameter"#)),
            "{message}"
        );
        assert!(e["message_zh"].as_str().unwrap().contains(r#"parameters."dibao.standard.urbn""#));
    }
}

#[test]
fn a_misspelt_field_is_named_with_its_key() {
    let dir = folder("field", |t| t.replacen("label_en = ", "lable_en = ", 1));
    let o = doudi(&["check", "--policies", dir.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let file = dir.join("jurisdictions/testshire.toml");
    let line = err.lines().next().unwrap();
    assert!(line.starts_with(&format!("{}: ", file.display())), "{err}");
    assert!(line.contains("lable_en"), "{err}");
}

#[test]
fn a_file_that_is_not_toml_is_named_with_its_line() {
    let dir = folder("toml", |t| t.replacen(r#"name = "测试郡""#, r#"name = "测试郡"#, 1));
    let o = doudi(&["check", "--policies", dir.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    let file = dir.join("jurisdictions/testshire.toml");
    assert!(err.starts_with(&format!("{}: line 10, column ", file.display())), "{err}");
    assert!(err.contains("not valid TOML"), "{err}");
    let e = refusal(&doudi(&["evaluate", "--policies", dir.to_str().unwrap()], WORKER));
    assert!(e["message"].as_str().unwrap().contains("testshire.toml: line 10, column "), "{e}");
}

#[test]
fn a_folder_that_cannot_be_read_is_refused() {
    let missing = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("policies-folder/no-such-folder");
    for args in [vec!["check"], vec!["evaluate"]] {
        let mut args = args.clone();
        args.extend(["--policies", missing.to_str().unwrap()]);
        let e = refusal(&doudi(&args, WORKER));
        let message = e["message"].as_str().unwrap();
        assert!(message.starts_with(&format!("cannot read {}", missing.join("documents").display())), "{message}");
        assert!(message.contains("documents/ and jurisdictions/"), "{message}");
    }
}

#[test]
fn a_folder_with_no_place_is_refused() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("policies-folder/empty");
    let _ = std::fs::remove_dir_all(&dir);
    for kind in ["documents", "jurisdictions"] {
        std::fs::create_dir_all(dir.join(kind)).unwrap();
    }
    let o = doudi(&["check", "--policies", dir.to_str().unwrap()], "");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o).lines().next().unwrap(),
        format!(
            "{}: no jurisdiction file (*.toml): a policy folder holds at least one place",
            dir.join("jurisdictions").display()
        )
    );
    let e = refusal(&doudi(&["evaluate", "--policies", dir.to_str().unwrap()], WORKER));
    assert!(e["message"].as_str().unwrap().contains("no jurisdiction file"), "{e}");
}
