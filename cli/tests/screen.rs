//! `doudi screen` end to end on the hand-checked roster of `tests/data/roster.jsonl` (see
//! `sample_compare.rs` for its figures, on 2020-04-15) and on households on 低保 today.
//!
//! - line 1, Tianjin family of three, not on 低保: likely missed, 3 × 1010 − 1500 = 1530.00;
//! - line 2, one person earning 3000: 1990 above the standard, not near with a margin of 50;
//! - line 3, Tianjin rural pair: missed, 2 × 1010 − 600 = 1420.00;
//! - line 4, per capita 1030 against 1010: near, 20.00 off;
//! - line 5, Chongqing pair: missed, 2 × 620 − 1000 = 240.00;
//! - line 6, no members: refused, an error record.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn screen(input: &std::path::Path, extra: &[&str]) -> (Vec<Value>, String) {
    let mut args = vec!["screen", "--input", input.to_str().unwrap()];
    args.extend(extra);
    let o = Command::new(env!("CARGO_BIN_EXE_doudi")).args(&args).output().expect("doudi runs");
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let lines = String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    (lines, String::from_utf8(o.stderr).unwrap())
}

#[test]
fn the_worklist_names_who_is_missed_who_is_near_and_how_much_is_at_stake() {
    for threads in ["1", "2"] {
        let (records, totals) = screen(&data("roster.jsonl"), &["--threads", threads]);
        let by_line = |n: u64| records.iter().find(|r| r["line"] == n);
        assert_eq!(records.iter().map(|r| r["line"].as_u64().unwrap()).collect::<Vec<_>>(), [1, 3, 4, 5, 6]);
        for (line, amount) in [(1, "1530.00"), (3, "1420.00"), (5, "240.00")] {
            let r = by_line(line).unwrap();
            assert_eq!(r["at_stake"], amount, "line {line}");
            assert_eq!(r["missed"][0]["program"], "dibao", "line {line}");
            assert_eq!(r["missed"][0]["monthly"], amount, "line {line}");
        }
        let near = &by_line(4).unwrap()["near"][0];
        assert_eq!(near["condition"], "dibao.income_below_standard");
        assert_eq!(near["distance"], "20.00");
        assert_eq!(by_line(6).unwrap()["error"]["path"], "members");
        assert!(
            totals.contains("screen: 6 households, 1 refused; on the worklist: 4 (3 likely missed, 1 near a threshold"),
            "{totals}"
        );
        // 低保 paid to 3 households, 3 + 2 + 2 persons, 1530 + 1420 + 240 a month.
        assert!(totals.contains("dibao                                 3       7        3190.00"), "{totals}");
        let top = totals.split("most at stake a month").nth(1).unwrap();
        let order: Vec<&str> = top.lines().skip(1).map(|l| l.split_whitespace().nth(1).unwrap()).collect();
        assert_eq!(order, ["family-of-three", "rural-pair", "chongqing-pair"], "{totals}");
    }
    // A wider margin takes in the household 1990 above the standard.
    let (records, _) = screen(&data("roster.jsonl"), &["--margin", "2000"]);
    assert!(records.iter().any(|r| r["line"] == 2 && r["near"][0]["distance"] == "1990.00"));
}

#[test]
fn a_household_on_dibao_whose_income_rose_would_end_and_one_below_the_line_continues() {
    let dir = std::env::temp_dir().join(format!("doudi-screen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let roster = dir.join("on-dibao.jsonl");
    let mut f = std::fs::File::create(&roster).unwrap();
    // Tianjin, on 低保, one person: income 3000 is far above 1010 (and not a taper place).
    writeln!(f, r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","assets":"1000","support":{{"dibao":true,"dibao_monthly":"500"}},"members":[{{"id":"rose","age":40,"monthly_income":"3000","work":"local"}}]}}"#).unwrap();
    // On 低保 and still below the line: nothing to do.
    writeln!(f, r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","assets":"1000","support":{{"dibao":true,"dibao_monthly":"500"}},"members":[{{"id":"stays","age":40,"monthly_income":"500","work":"local"}}]}}"#).unwrap();
    drop(f);
    let (records, totals) = screen(&roster, &[]);
    assert_eq!(records.len(), 1, "{records:?}");
    assert_eq!(records[0]["id"], "rose");
    assert_eq!(records[0]["dibao_now"], "ends");
    assert!(records[0]["missed"].as_array().unwrap().is_empty());
    assert!(totals.contains("1 whose 低保 would end"), "{totals}");
    let _ = std::fs::remove_dir_all(&dir);
}
