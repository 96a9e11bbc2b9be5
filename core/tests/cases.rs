//! Tests as data: every `policies/tests/*.toml` holds households with the findings the
//! documents imply. Each case names a sentence; `[[case.expect]]` picks a finding by
//! `program` (and `member`) and checks only the fields it lists:
//! `status`, `monthly`, `one_off`, `months`, `total`, `cap` (a money string, or "null"),
//! `missing` (the exact list), `cites` (clause ids that must be quoted, `DOC:CLAUSE`),
//! `not_cites` (clause ids that must not be quoted: the clauses of a trigger or route that
//! did not make the finding apply), `reason` (a substring of one of the reasons),
//! `not_reason` (a substring none of the reasons may contain), and
//! `absent = true` (no such finding).
//! `assumptions` lists assumption ids the assessment must include. `[case.summary]` checks
//! the headline: any field of `summary` or `summary.receive`, and in words `set_aside`
//! (`program[member]:rule`), `set_aside_cites`, `fixed_term`
//! (`program[member]:MONTHLY×MONTHS:running|ended`), `unknown` and `trace` (`label: formula = value`).
//! `[case.ordinary]` checks the comparison with the ordinary rules (`doudi_core::ordinary`):
//! `difference` (the household's, by kind: `ongoing_monthly`, `fixed_term`, `one_off`),
//! `changes` (the keys of the measures that change anything, in order), and for each
//! `[[case.ordinary.finding]]` picked by `program` (and `member`): `epidemic` and `ordinary`
//! (statuses; `ordinary = "absent"`: no such programme under the ordinary rules),
//! `difference` (fields of the row's difference, or "unknown"), `measures` (the exact keys),
//! `cites` (clauses its measures quote) and `sentence` (a substring of its sentence).

mod support;

use serde_json::Value;

fn check_case(file: &str, case: &Value) -> Vec<String> {
    let name = case["name"].as_str().unwrap_or("(unnamed)");
    let lang = match case.get("lang").and_then(Value::as_str) {
        Some("en") => doudi_core::Lang::En,
        _ => doudi_core::Lang::Zh,
    };
    let mut errs = Vec::new();
    let mut fail = |msg: String| errs.push(format!("{file}: «{name}»: {msg}"));
    let input = case["input"].to_string();
    let a = match doudi_core::evaluate_json(&input, doudi_core::Options { lang }) {
        Ok(a) => a,
        Err(e) => {
            fail(format!("refused: {e}"));
            return errs;
        }
    };
    let out = serde_json::to_value(&a).unwrap();
    for exp in case["expect"].as_array().into_iter().flatten() {
        let program = exp["program"].as_str().unwrap_or("");
        let member = exp.get("member").and_then(Value::as_str);
        let found: Vec<&Value> = out["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["program"] == program && (member.is_none() || f["member"].as_str() == member))
            .collect();
        let label = format!("{program}{}", member.map(|m| format!("[{m}]")).unwrap_or_default());
        if exp.get("absent").and_then(Value::as_bool) == Some(true) {
            if !found.is_empty() {
                fail(format!("{label}: expected no finding, got {}", found.len()));
            }
            continue;
        }
        if found.len() != 1 {
            fail(format!("{label}: expected one finding, got {}", found.len()));
            continue;
        }
        let f = found[0];
        let show = || {
            serde_json::to_string(&serde_json::json!({"status": f["status"], "monthly": f["monthly"], "one_off": f["one_off"], "months": f["months"], "total": f["total"], "cap": f["cap"], "missing": f["missing"], "reasons": f["reasons"]})).unwrap()
        };
        for key in ["status", "monthly", "one_off", "months", "total", "cap"] {
            if let Some(want) = exp.get(key) {
                let want = if want == "null" { &Value::Null } else { want };
                let got = &f[key];
                let same = got == want || (want.is_number() && got.is_number() && got.as_f64() == want.as_f64());
                if !same {
                    fail(format!("{label}.{key}: expected {want}, got {got} — {}", show()));
                }
            }
        }
        if let Some(want) = exp.get("missing") {
            if &f["missing"] != want {
                fail(format!("{label}.missing: expected {want}, got {}", f["missing"]));
            }
        }
        for c in exp.get("cites").and_then(Value::as_array).into_iter().flatten() {
            let (doc, clause) = c.as_str().unwrap().split_once(':').unwrap();
            let ok =
                f["citations"].as_array().unwrap().iter().any(|x| x["document_id"] == doc && x["clause_id"] == clause);
            if !ok {
                fail(format!("{label}: does not quote {c}"));
            }
        }
        for c in exp.get("not_cites").and_then(Value::as_array).into_iter().flatten() {
            let (doc, clause) = c.as_str().unwrap().split_once(':').unwrap();
            let quoted =
                f["citations"].as_array().unwrap().iter().any(|x| x["document_id"] == doc && x["clause_id"] == clause);
            if quoted {
                fail(format!("{label}: quotes {c}, which must not be quoted here"));
            }
        }
        if let Some(r) = exp.get("reason").and_then(Value::as_str) {
            let ok = f["reasons"].as_array().unwrap().iter().any(|x| x.as_str().unwrap().contains(r));
            if !ok {
                fail(format!("{label}: no reason contains {r:?}; reasons: {}", f["reasons"]));
            }
        }
        if let Some(r) = exp.get("not_reason").and_then(Value::as_str) {
            if f["reasons"].as_array().unwrap().iter().any(|x| x.as_str().unwrap().contains(r)) {
                fail(format!(
                    "{label}: a reason contains {r:?}, which must not be said here; reasons: {}",
                    f["reasons"]
                ));
            }
        }
    }
    // `[case.summary]`: what the household would receive, the headline's figures.
    let sum = &out["summary"];
    let r = &sum["receive"];
    let who = |x: &Value| match x["member"].as_str() {
        Some(m) => format!("{}[{m}]", x["program"].as_str().unwrap_or("")),
        None => x["program"].as_str().unwrap_or("").to_string(),
    };
    for (key, want) in case.get("summary").and_then(Value::as_object).into_iter().flatten() {
        let got = match key.as_str() {
            // "program[member]:rule", in order.
            "set_aside" => Value::from(
                r["set_aside"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| format!("{}:{}", who(x), x["rule"].as_str().unwrap()))
                    .collect::<Vec<_>>(),
            ),
            // The clauses the set-aside findings quote.
            "set_aside_cites" => Value::from(
                r["set_aside"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter(|x| !x["citation"].is_null())
                    .map(|x| {
                        format!(
                            "{}:{}",
                            x["citation"]["document_id"].as_str().unwrap(),
                            x["citation"]["clause_id"].as_str().unwrap()
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
            // "program[member]:MONTHLY×MONTHS:running|ended".
            "fixed_term" => Value::from(
                r["fixed_term"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| {
                        let months = x["months"].as_u64().map_or("?".into(), |n| n.to_string());
                        let state = if x["running"] == true { "running" } else { "ended" };
                        format!("{}:{}×{months}:{state}", who(x), x["monthly"].as_str().unwrap())
                    })
                    .collect::<Vec<_>>(),
            ),
            "unknown" => Value::from(r["unknown"].as_array().unwrap().iter().map(who).collect::<Vec<_>>()),
            "trace" => Value::from(
                r["trace"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| {
                        format!(
                            "{}: {} = {}",
                            t["label"].as_str().unwrap(),
                            t["formula"].as_str().unwrap(),
                            t["value"].as_str().unwrap()
                        )
                    })
                    .collect::<Vec<_>>(),
            ),
            k if !sum[k].is_null() => sum[k].clone(),
            k => r[k].clone(),
        };
        if &got != want {
            fail(format!("summary.{key}: expected {want}, got {got}"));
        }
    }
    if let Some(o) = case.get("ordinary") {
        check_ordinary(&input, lang, o, &mut fail);
    }
    for id in case.get("assumptions").and_then(Value::as_array).into_iter().flatten() {
        if !out["assumptions"].as_array().unwrap().iter().any(|a| &a["id"] == id) {
            fail(format!(
                "assumption {id} missing; got {:?}",
                out["assumptions"].as_array().unwrap().iter().map(|a| a["id"].clone()).collect::<Vec<_>>()
            ));
        }
    }
    errs
}

fn check_ordinary(input: &str, lang: doudi_core::Lang, want: &Value, fail: &mut impl FnMut(String)) {
    let (_, c) = match doudi_core::compare_ordinary_json(input, doudi_core::Options { lang }, true) {
        Ok(x) => x,
        Err(e) => return fail(format!("ordinary: refused: {e}")),
    };
    let c = serde_json::to_value(&c).unwrap();
    if let Some(d) = want.get("difference").and_then(Value::as_object) {
        for (k, v) in d {
            if &c["difference"][k] != v {
                fail(format!("ordinary.difference.{k}: expected {v}, got {}", c["difference"][k]));
            }
        }
    }
    if let Some(w) = want.get("changes") {
        let got: Vec<Value> = c["measures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["changes"] == true)
            .map(|m| m["key"].clone())
            .collect();
        if &Value::from(got.clone()) != w {
            fail(format!("ordinary.changes: expected {w}, got {got:?}"));
        }
    }
    for exp in want.get("finding").and_then(Value::as_array).into_iter().flatten() {
        let program = exp["program"].as_str().unwrap_or("");
        let member = exp.get("member").and_then(Value::as_str);
        let label = format!("ordinary {program}{}", member.map(|m| format!("[{m}]")).unwrap_or_default());
        let rows: Vec<&Value> = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["program"] == program && (member.is_none() || r["member"].as_str() == member))
            .collect();
        let [row] = rows[..] else {
            fail(format!("{label}: expected one row, got {}", rows.len()));
            continue;
        };
        if let Some(w) = exp.get("epidemic") {
            if &row["epidemic"]["status"] != w {
                fail(format!("{label}.epidemic: expected {w}, got {}", row["epidemic"]["status"]));
            }
        }
        match exp.get("ordinary").and_then(Value::as_str) {
            Some("absent") if !row["ordinary"].is_null() => {
                fail(format!("{label}.ordinary: expected absent, got {}", row["ordinary"]))
            }
            Some("absent") | None => {}
            Some(w) if row["ordinary"]["status"] != w => {
                fail(format!("{label}.ordinary: expected {w}, got {}", row["ordinary"]["status"]))
            }
            Some(_) => {}
        }
        match exp.get("difference") {
            Some(Value::String(s)) if s == "unknown" => {
                if !row["difference"].is_null() {
                    fail(format!("{label}.difference: expected unknown, got {}", row["difference"]));
                }
            }
            Some(Value::Object(d)) => {
                for (k, v) in d {
                    if &row["difference"][k] != v {
                        fail(format!("{label}.difference.{k}: expected {v}, got {}", row["difference"][k]));
                    }
                }
            }
            _ => {}
        }
        if let Some(w) = exp.get("measures") {
            if &row["measures"] != w {
                fail(format!("{label}.measures: expected {w}, got {}", row["measures"]));
            }
        }
        for cite in exp.get("cites").and_then(Value::as_array).into_iter().flatten() {
            let (doc, clause) = cite.as_str().unwrap().split_once(':').unwrap();
            let quoted = row["measures"].as_array().unwrap().iter().any(|k| {
                c["measures"].as_array().unwrap().iter().any(|m| {
                    &m["key"] == k
                        && m["citations"].as_array().unwrap().iter().any(|x| {
                            x["document_id"] == doc
                                && x["clause_id"] == clause
                                && !x["text"].as_str().unwrap().is_empty()
                        })
                })
            });
            if !quoted {
                fail(format!("{label}: its measures do not quote {cite}"));
            }
        }
        if let Some(w) = exp.get("sentence").and_then(Value::as_str) {
            if !row["sentence"].as_str().is_some_and(|s| s.contains(w)) {
                fail(format!("{label}.sentence: expected it to contain {w:?}, got {}", row["sentence"]));
            }
        }
    }
}

#[test]
fn policy_test_cases() {
    let cases = support::policy_cases();
    let mut errs = Vec::new();
    for (file, case) in &cases {
        errs.extend(check_case(file, case));
    }
    let count = cases.len();
    assert!(count >= 50, "expected the case files to hold at least 50 cases, found {count}");
    assert!(errs.is_empty(), "{} of {count} cases failed:\n{}", errs.len(), errs.join("\n"));
    eprintln!("{count} policy cases passed");
}

/// The headlines the JS package and the page are tested against (`tests/data/headlines.json`)
/// are the core's.
#[test]
fn the_shared_headlines_are_the_cores() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/data/headlines.json");
    let data: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for h in data["households"].as_array().unwrap() {
        let a = doudi_core::evaluate_json(&h["household"].to_string(), doudi_core::Options::default()).unwrap();
        let name = h["name"].as_str().unwrap();
        assert_eq!(a.summary.receive.headline, h["headline"].as_str().unwrap(), "{name}");
        assert_eq!(a.summary.monthly_total.to_string(), h["monthly_total"].as_str().unwrap(), "{name}");
        assert_eq!(a.summary.one_off_total.to_string(), h["one_off_total"].as_str().unwrap(), "{name}");
    }
}
