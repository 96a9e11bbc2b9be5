//! Shared by the integration tests: the generated households (a proptest strategy) and
//! the corpus every whole-output comparison runs on — every case of `policies/tests`,
//! every example household, and a fixed, seeded set of generated ones.
#![allow(dead_code)]

use std::path::Path;

use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Value};

pub const PLACES: [&str; 4] = ["tianjin", "tianjin-dongli", "chongqing", "jilin"];
const DATES: [&str; 6] = ["2019-06-01", "2020-02-15", "2020-04-15", "2020-08-01", "2022-12-31", "2023-06-01"];

pub fn money() -> impl Strategy<Value = String> {
    (0u32..600_000).prop_map(|c| format!("{}.{:02}", c / 100, c % 100))
}

pub fn member() -> impl Strategy<Value = Value> {
    (
        (0u32..100, money(), 0usize..4, any::<bool>(), 0u32..8, any::<bool>(), 0usize..3, 0usize..3),
        (
            0usize..3,
            prop::option::of(1u8..=4),
            0usize..8,
            prop::option::of(prop::bool::ANY),
            any::<[bool; 8]>(),
            0usize..3,
            0u32..60,
            0u32..40,
        ),
    )
        .prop_map(
            |(
                (age, income, work, loss, months, reg, ins, hukou),
                (covid, grade, dtype, tier, flags, care, diag, stay),
            )| {
                let mut m = json!({
                    "age": age,
                    "monthly_income": income,
                    "work": (["none", "local", "migrant", "returned"][work]),
                    "epidemic_job_loss": loss,
                    "months_without_income": months,
                    "unemployed_registered": reg,
                    "unemployment_insurance": (["none", "insured", "receiving"][ins]),
                    "hukou": (["local", "residence_permit", "none"][hukou]),
                    "covid": (["none", "confirmed", "deceased"][covid]),
                    "isolated": flags[0],
                    "orphan": flags[1],
                    "unsupported_child": flags[2],
                    "difficult_child": flags[3],
                    "entitled_group": flags[4],
                    "has_able_supporter": flags[5],
                    "carer_unavailable": flags[6],
                    "tekun": flags[7],
                    "self_care": (["full", "partial", "none"][care]),
                });
                if let Some(g) = grade {
                    m["disability_grade"] = json!(g);
                    m["disability_type"] = json!(
                        (["physical", "intellectual", "mental", "visual", "hearing", "speech", "multiple", "physical"]
                            [dtype])
                    );
                }
                if let Some(t) = tier {
                    m["serious_illness_tier"] = json!(if t { 1000 } else { 1500 });
                }
                // Days before as_of, resolved against it below.
                m["_diag"] = json!(diag);
                m["_stay"] = json!(stay);
                m
            },
        )
}

pub fn household() -> impl Strategy<Value = Value> {
    (
        0usize..4,
        0usize..6,
        any::<bool>(),
        prop::option::of(money()),
        any::<[bool; 4]>(),
        prop::option::of(money()),
        prop::option::of(0i64..400),
        prop::collection::vec(member(), 1..6),
        0usize..4,
    )
        .prop_map(|(place, date, rural, assets, flags, dibao_monthly, since_days, members, applying)| {
            let as_of = chrono::NaiveDate::parse_from_str(DATES[date], "%Y-%m-%d").unwrap();
            let members: Vec<Value> = members
                .into_iter()
                .map(|mut m| {
                    let diag = m["_diag"].as_i64().unwrap();
                    let stay = m["_stay"].as_i64().unwrap();
                    let obj = m.as_object_mut().unwrap();
                    obj.remove("_diag");
                    obj.remove("_stay");
                    if obj["covid"] == "confirmed" && diag > 0 {
                        let d = as_of - chrono::Duration::days(diag);
                        obj.insert("diagnosed_on".into(), json!(d.to_string()));
                        if stay < diag {
                            obj.insert("discharged_on".into(), json!((d + chrono::Duration::days(stay)).to_string()));
                        }
                    }
                    m
                })
                .collect();
            let mut h = json!({
                "jurisdiction": PLACES[place],
                "as_of": DATES[date],
                "residence": if rural { "rural" } else { "urban" },
                "support": { "dibao": flags[0], "low_income": flags[1], "poverty_registered": flags[2] },
                "applying": ([json!([]), json!(["dibao"]), json!(["tekun"]), json!(["dibao", "tekun"])][applying].clone()),
                "members": members,
            });
            if let Some(a) = assets {
                h["assets"] = json!(a);
            }
            if let Some(d) = dibao_monthly {
                h["support"]["dibao_monthly"] = json!(d);
            }
            if let Some(days) = since_days {
                let d = as_of - chrono::Duration::days(days);
                h["support"]["income_above_standard_since"] = json!(d.to_string());
            }
            if PLACES[place] == "jilin" && flags[3] {
                h["parameters"] = json!({ "dibao.standard.urban": "550", "dibao.standard.rural": "380", "minimum_wage.monthly": "1780" });
            }
            h
        })
}

pub fn to_json(v: toml::Value) -> Value {
    match v {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}

/// Every `[[case]]` of `policies/tests/*.toml`, as (file, case) in file order.
pub fn policy_cases() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies/tests");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let doc: toml::Value =
            toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"));
        let doc = to_json(doc);
        for case in doc["case"].as_array().unwrap_or_else(|| panic!("{name}: no [[case]]")) {
            out.push((name.clone(), case.clone()));
        }
    }
    out
}

/// `n` generated households, the same ones on every run (a fixed seed).
pub fn generated(n: usize) -> Vec<Value> {
    let config = Config::default();
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7u8; 32]);
    let mut runner = TestRunner::new_with_rng(config, rng);
    let strategy = household();
    (0..n).map(|_| strategy.new_tree(&mut runner).unwrap().current()).collect()
}

/// The whole-output corpus: (a name, the household JSON text).
pub fn corpus(generated_count: usize) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, (file, case)) in policy_cases().into_iter().enumerate() {
        out.push((format!("{file} #{i}: {}", case["name"].as_str().unwrap_or("")), case["input"].to_string()));
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut names: Vec<_> = std::fs::read_dir(&examples)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    names.sort();
    for p in names {
        out.push((p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read_to_string(&p).unwrap()));
    }
    for line in std::fs::read_to_string(examples.join("batch.jsonl")).unwrap().lines().filter(|l| !l.trim().is_empty())
    {
        out.push(("batch.jsonl".to_string(), line.to_string()));
    }
    for (i, h) in generated(generated_count).into_iter().enumerate() {
        out.push((format!("generated #{i}"), h.to_string()));
    }
    out
}
