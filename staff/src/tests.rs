//! The session on the hand-checked roster of `cli/tests/data/roster.jsonl` (figures worked
//! out in `cli/tests/screen.rs` and `cli/tests/sample_compare.rs`, on 2020-04-15): read
//! whole and a few bytes at a time, the same figures.

use super::*;

const ROSTER: &str = include_str!("../../cli/tests/data/roster.jsonl");

fn run(csv: bool, text: &str, sets: &str, chunk: usize) -> Roster {
    let mut r = Roster::new(csv, "50", sets).unwrap();
    for part in text.as_bytes().chunks(chunk) {
        r.push(part);
    }
    r.finish();
    r
}

fn summary(r: &Roster) -> Value {
    serde_json::from_str(&r.summary()).unwrap()
}

#[test]
fn the_roster_is_screened_alike_whole_and_in_small_chunks() {
    let whole = run(false, ROSTER, "[]", 1 << 20);
    let s = summary(&whole);
    assert_eq!(s["households"], 6);
    assert_eq!(s["refused"], 1);
    assert_eq!(s["listed"], 4);
    // 低保: lines 1, 3, 5: 3 + 2 + 2 persons, 1530 + 1420 + 240 a month.
    let dibao = s["programmes"].as_array().unwrap().iter().find(|p| p["id"] == "dibao").unwrap();
    assert_eq!((dibao["households"].as_u64(), dibao["persons"].as_u64()), (Some(3), Some(7)));
    // Shown in thousands, as the calculator's page shows amounts.
    assert_eq!(dibao["monthly"], "3,190.00");
    assert_eq!(s["errors"][0]["line"], 6);
    assert_eq!(s["errors"][0]["path"], "members");
    for chunk in [1, 7, 100] {
        let r = run(false, ROSTER, "[]", chunk);
        assert_eq!(r.summary(), whole.summary(), "chunks of {chunk}");
        assert_eq!(r.export("all", ""), whole.export("all", ""));
    }
    let w: Value = serde_json::from_str(&whole.worklist("missed", "", 10)).unwrap();
    let lines: Vec<u64> = w["rows"].as_array().unwrap().iter().map(|r| r["line"].as_u64().unwrap()).collect();
    // By the amount at stake: 1530, 1420, 240.
    assert_eq!(lines, [1, 3, 5]);
    assert_eq!(w["rows"][0]["at_stake"], "1,530.00");
    assert!(w["rows"][0]["missed"].as_str().unwrap().contains("每月 1,530.00 元"), "{}", w["rows"][0]);
    // The CSV export's amount column stays a plain number for a spreadsheet.
    let csv = whole.export("missed", "");
    assert!(csv.lines().nth(1).unwrap().contains(",1530.00,"), "{csv}");
    let near: Value = serde_json::from_str(&whole.worklist("near", "", 10)).unwrap();
    assert_eq!(near["total"], 1);
    assert!(near["rows"][0]["near"].as_str().unwrap().contains("差 20.00 元"));
}

#[test]
fn the_link_opens_the_household_as_the_share_link_encodes_it() {
    let r = run(false, ROSTER, "[]", 1 << 20);
    let w: Value = serde_json::from_str(&r.worklist("all", "", 1)).unwrap();
    let link = w["rows"][0]["link"].as_str().unwrap();
    assert!(link.starts_with("#h=eyJqdXJpc2RpY3Rpb24iOiJ0aWFuamluIi"), "{link}");
}

#[test]
fn a_csv_roster_with_chinese_headers_and_a_broken_row() {
    let text = "地区,评估日期,城乡,家庭财产,成员1_编号,成员1_年龄,成员1_月收入,成员1_就业,成员2_年龄,成员2_月收入,成员2_就业,成员3_年龄\r\n\
                tianjin,2020-04-15,urban,12000,a,45,1000,local,42,500,local,12\r\n\
                tianjin,2020-04-15,urban,12000,b,abc,1000,local,,,,\r\n";
    for chunk in [1, 5, 1 << 20] {
        let r = run(true, text, "[]", chunk);
        let s = summary(&r);
        assert_eq!(s["households"], 2, "chunks of {chunk}");
        assert_eq!(s["errors"][0]["line"], 3);
        assert_eq!(s["errors"][0]["path"], "members[0].age");
        assert_eq!(s["errors"][0]["field"], "成员1_年龄");
        let dibao = s["programmes"].as_array().unwrap().iter().find(|p| p["id"] == "dibao").unwrap();
        // 3 × 1010 − 1500.
        assert_eq!(dibao["monthly"], "1,530.00");
    }
}

#[test]
fn the_what_if_is_doudi_compares() {
    // +50 on the urban standard: line 1 gains 3 × 50, line 4 becomes eligible
    // (2 × 1060 − 2060 = 60), line 5 (Chongqing, 620 + 50) gains 2 × 50; line 3 is rural.
    let r = run(false, ROSTER, r#"[{"id":"dibao.standard.urban","op":"+=","value":"50"}]"#, 13);
    let s = summary(&r);
    assert_eq!(s["report"]["households"], 6);
    assert_eq!(s["report"]["refused"], 1);
    assert_eq!(s["monthly_difference"], "+310.00");
    assert_eq!(s["yearly_difference"], "+3,720.00");
    assert_eq!(s["report"]["gaining"], 3);
    assert_eq!(s["changes"][0]["line"], 1);
    assert_eq!(s["changes"][0]["monthly"], "+150.00");
    // The totals before and after, in thousands; the CLI's report is left as it writes it.
    assert_eq!((&s["monthly_before"], &s["monthly_after"]), (&json!("3,190.00"), &json!("3,500.00")));
    assert_eq!(s["report"]["monthly"]["before"], "3190.00", "the report as the CLI writes it");
    let bad = Roster::new(false, "50", r#"[{"id":"nope","op":"=","value":"1"}]"#).err().unwrap();
    assert_eq!(bad.path, "parameters.nope");
}

#[test]
fn a_bad_margin_or_header_is_refused_whole() {
    assert!(Roster::new(true, "-1", "[]").is_err());
    assert!(Roster::new(true, "很多", "[]").is_err());
    let r = run(true, "地区,工资\ntianjin,1\n", "[]", 4);
    assert!(summary(&r)["fatal"]["message"].as_str().unwrap().contains("工资"));
    assert!(template().starts_with("\u{feff}地区,"));
}

/// The what-if's choices say each value as staff read it: a number with its unit, a date in
/// words, yes or no, unknown — not `false` and `是/否`, or `2023-01-08 日期`.
#[test]
fn parameter_choices_say_their_values_in_words() {
    let list: Value = serde_json::from_str(&parameters("chongqing", "2020-03-15")).unwrap();
    let shown = |id: &str| {
        list.as_array().unwrap().iter().find(|p| p["id"] == id).map(|p| p["shown"].as_str().unwrap().to_string())
    };
    assert_eq!(shown("dibao.standard.urban").as_deref(), Some("620 元/人/月"));
    assert_eq!(shown("epidemic.end").as_deref(), Some("2023年1月8日"));
    assert_eq!(shown("disability_living_subsidy.includes_low_income").as_deref(), Some("否"));
    assert_eq!(shown("price_subsidy.monthly").as_deref(), Some("未知"));
}
