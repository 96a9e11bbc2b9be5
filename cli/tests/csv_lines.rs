//! `doudi batch` on CSV files as spreadsheets and editors write them: every record's
//! `line` is the line an editor shows for the row (LF, CRLF and CR-only files, blank lines
//! in between), and a stray quote never loses rows silently: the row it opens is an error
//! record naming the lines it swallowed, and the batch goes on. The files are in
//! `tests/data/` with their exact bytes (`.gitattributes` there keeps git from changing
//! their line endings; each test first checks the endings are the ones it is about).

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn data(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(data(name)).unwrap()
}

/// Runs `doudi batch --input tests/data/NAME ARGS`, checks it exits 0, returns its stdout.
fn batch(name: &str, args: &[&str]) -> Vec<u8> {
    let input = data(name);
    let o: Output = Command::new(env!("CARGO_BIN_EXE_doudi"))
        .args(["batch", "--threads", "1", "--input", input.to_str().unwrap()])
        .args(args)
        .output()
        .expect("doudi runs");
    assert_eq!(o.status.code(), Some(0), "exit code; stderr: {}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    o.stdout
}

/// The JSONL records of `doudi batch` on the file.
fn records(name: &str, args: &[&str]) -> Vec<Value> {
    let out = batch(name, args);
    String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn lines(records: &[Value]) -> Vec<u64> {
    records.iter().map(|r| r["line"].as_u64().unwrap()).collect()
}

/// The CSV output's rows (after its header) as `(line, error_path, error)`.
fn csv_rows(name: &str) -> Vec<(u64, String, String)> {
    let out = batch(name, &["--records", "compact", "--output-format", "csv"]);
    let mut r = csv::Reader::from_reader(out.as_slice());
    assert_eq!(&r.headers().unwrap().iter().take(3).collect::<Vec<_>>(), &["line", "error_path", "error"]);
    r.records().map(|row| row.unwrap()).map(|row| (row[0].parse().unwrap(), row[1].into(), row[2].into())).collect()
}

/// Checks the households of the three line-ending files: all hold the same rows (two
/// good households and, between them, one with `m1_age` "forty").
fn check_three_rows(name: &str, want: [u64; 3]) {
    for args in [&[][..], &["--records", "compact"]] {
        let rs = records(name, args);
        assert_eq!(lines(&rs), want, "{name} {args:?}");
        assert_eq!(rs[1]["error"]["path"], "members[0].age", "{name} {args:?}");
        for ok in [&rs[0], &rs[2]] {
            assert!(ok.get("error").is_none(), "{name}: {ok}");
        }
    }
    let full = records(name, &[]);
    assert_eq!(full[0]["assessment"]["summary"]["counted_income"], "1000.00");
    assert_eq!(full[2]["assessment"]["summary"]["counted_income"], "500.00");
    let rows = csv_rows(name);
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), want, "{name}: CSV output");
    assert_eq!((rows[0].1.as_str(), rows[1].1.as_str(), rows[2].1.as_str()), ("", "members[0].age", ""));
}

#[test]
fn crlf_rows_are_on_the_lines_an_editor_shows() {
    let b = bytes("crlf.csv");
    assert_eq!(b.iter().filter(|&&c| c == b'\r').count(), 5, "five lines, each ended");
    assert!(b.windows(2).filter(|w| w[0] == b'\r').all(|w| w[1] == b'\n'), "every line ends in CRLF");
    // Line 1 header, 2 a household, 3 blank, 4 a bad age, 5 a household.
    check_three_rows("crlf.csv", [2, 4, 5]);
}

#[test]
fn cr_only_rows_are_on_the_lines_an_editor_shows() {
    let b = bytes("cr.csv");
    assert_eq!(b.iter().filter(|&&c| c == b'\r').count(), 5, "five lines, each ended");
    assert!(!b.contains(&b'\n'), "no LF in a CR-only file");
    check_three_rows("cr.csv", [2, 4, 5]);
}

#[test]
fn blank_lines_count_and_rows_after_them_keep_their_own_line() {
    let b = bytes("blank-lines.csv");
    assert!(!b.contains(&b'\r'));
    // Line 1 header, 2–3 blank, 4 a household, 5 blank, 6 a bad age, 7–8 blank, 9 a household.
    check_three_rows("blank-lines.csv", [4, 6, 9]);
}

#[test]
fn a_stray_quote_is_an_error_record_naming_the_lines_it_swallowed() {
    // Line 3 opens a quote in m1_id; the next `"` (on line 5, `"A5"`) closes it, so the CSV
    // rules read lines 3–5 as one row, whose m1_id holds all that text and whose age and
    // income come from line 5: read as such, it is a valid household. Line 6 is one again.
    let b = String::from_utf8(bytes("stray-quote.csv")).unwrap();
    assert_eq!(b.lines().nth(2), Some("tianjin,2020-04-15,\"A3,40,500"));
    assert_eq!(b.lines().nth(4), Some("tianjin,2020-04-15,\"A5\",42,500"));
    let rs = records("stray-quote.csv", &[]);
    assert_eq!(lines(&rs), [2, 3, 6]);
    assert_eq!(
        rs[1]["error"],
        serde_json::json!({
            "path": "members[0].id",
            "message": "a quote (\") opens the cell in column m1_id on line 3 and is not closed on its line, \
                        so lines 4–5 became part of that row and got no record of their own; no column takes a \
                        line break: remove the quote, or close it (\"\" is a quote inside a quoted cell)",
            "message_zh": "第 3 行 m1_id 列的单元格以引号（\"）开头，但引号在该行没有闭合，第 4–5 行因此都并入了这一行，\
                           没有各自的记录；任何列都不能包含换行：请删除这个引号或把它闭合（带引号的单元格里用 \"\" 表示一个引号）"
        })
    );
    assert_eq!(rs[2]["assessment"]["summary"]["counted_income"], "500.00");
    assert_eq!(lines(&records("stray-quote.csv", &["--records", "compact"])), [2, 3, 6]);
    let rows = csv_rows("stray-quote.csv");
    assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), [2, 3, 6]);
    assert_eq!(rows[1].1, "members[0].id");
    assert!(rows[1].2.contains("lines 4–5 became part of that row"), "{}", rows[1].2);
}

#[test]
fn a_quote_never_closed_swallows_to_the_end_of_the_file_and_says_so() {
    let b = bytes("unclosed-quote.csv");
    assert!(b.windows(2).filter(|w| w[0] == b'\r').all(|w| w[1] == b'\n') && b.contains(&b'\r'));
    let rs = records("unclosed-quote.csv", &[]);
    assert_eq!(lines(&rs), [2, 3]);
    let e = &rs[1]["error"];
    assert_eq!(e["path"], "members[0].id");
    let message = e["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "a quote (\") opens the cell in column m1_id on line 3 and is never closed, \
             so lines 4–5 (to the end of the file) became part of that row"
        ),
        "{message}"
    );
    let zh = e["message_zh"].as_str().unwrap();
    assert!(zh.contains("直到文件末尾都没有闭合，第 4–5 行（直到文件末尾）因此都并入了这一行"), "{zh}");
}

#[test]
fn batch_help_says_how_lines_and_quotes_are_read() {
    let o = Command::new(env!("CARGO_BIN_EXE_doudi")).args(["batch", "--help"]).output().unwrap();
    let help = String::from_utf8(o.stdout).unwrap();
    for want in ["LF, CRLF (Excel) or CR", "holds no line break", "a stray \"", "the line an editor shows"] {
        assert!(help.contains(want), "{want} missing from:\n{help}");
    }
}
