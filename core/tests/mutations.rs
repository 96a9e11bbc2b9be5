//! Structure-aware fuzzing on the stable toolchain: valid generated households (the shared
//! strategy of `tests/support`) mutated in one to four places — a value replaced by another of
//! any JSON type, a key removed, an unknown key added, a key written twice, a choice or an
//! amount set to an edge, thirty members and more, sixty parameters and more — then read as
//! text (the CLI, JSONL) and as a value (the JS package, CSV).
//!
//! Whatever the mutation, either the household is assessed soundly (amounts non-negative with
//! two decimals, totals equal to their parts, one finding per programme and member, the same
//! input giving the same bytes, the text and the value giving the same assessment), or it is
//! refused with a path that names a place in the household, a short message in both languages,
//! and the same refusal both ways. `cargo +nightly fuzz` (see `fuzz/`) runs the unstructured
//! counterpart over the same entry point.

use std::collections::BTreeMap;

use doudi_core::{evaluate_input, evaluate_json, parse_json, parse_value, InputError, Options};
use proptest::prelude::*;
use proptest::sample::Index;
use rust_decimal::Decimal;
use serde_json::{json, Value};

mod support;

/// One step into a JSON value.
#[derive(Clone, Debug, PartialEq)]
enum Seg {
    Key(String),
    At(usize),
}

/// Every place in `v` (the root first), as paths of steps.
fn places(v: &Value, at: &mut Vec<Vec<Seg>>, path: Vec<Seg>) {
    at.push(path.clone());
    match v {
        Value::Object(m) => {
            m.iter().for_each(|(k, x)| places(x, at, [path.clone(), vec![Seg::Key(k.clone())]].concat()))
        }
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, x)| places(x, at, [path.clone(), vec![Seg::At(i)]].concat()))
        }
        _ => {}
    }
}

fn get_mut<'a>(v: &'a mut Value, path: &[Seg]) -> &'a mut Value {
    path.iter().fold(v, |v, s| match s {
        Seg::Key(k) => &mut v[k.as_str()],
        Seg::At(i) => &mut v[*i],
    })
}

/// Values of every JSON type, and the edges of the contract's ranges, formats and limits.
fn junk(i: usize) -> Value {
    let long = "长".repeat(700);
    let all = [
        json!(null),
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(130),
        json!(131),
        json!(1200),
        json!(18446744073709551615u64),
        json!(-9223372036854775808i64),
        json!(""),
        json!("x"),
        json!(long),
        json!("2020-02-30"),
        json!("2020-04-15"),
        json!("1899-12-31"),
        json!("urban"),
        json!("dibao"),
        json!("confirmed"),
        json!("12.5"),
        json!("-3"),
        json!("1e40"),
        json!("100000000.00000000000000000000001"),
        json!("0.005"),
        json!([]),
        json!([1]),
        json!(["dibao", "dibao"]),
        json!([null, "boss"]),
        json!({}),
        json!({ "urban": null }),
        json!({ "urban": 5 }),
        json!({ "age": 1 }),
    ];
    all[i % all.len()].clone()
}
const JUNK: usize = 34;

const KEYS: [&str; 8] = ["zz", "agee", "lang", "from", "dibao.standard.urban", "age", "jurisdiction", "长"];
const CHOICES: [(&str, &[&str]); 4] = [
    ("work", &["none", "local", "migrant", "returned", "abroad", "Migrant"]),
    ("covid", &["none", "confirmed", "deceased", "cured"]),
    ("self_care", &["full", "partial", "none", ""]),
    ("relation", &["self", "spouse", "child", "boss"]),
];
const AMOUNTS: [&str; 10] = [
    "0",
    "-0",
    "0.005",
    "99999999.995",
    "100000000",
    "100000000.01",
    "1e8",
    "1.0000000000000000000000000001",
    "00012.50",
    " 12 ",
];

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Index, usize),
    Remove(Index),
    AddKey(Index, usize, usize),
    Twice(Index, usize),
    Choice(Index, usize, usize),
    Amount(Index, usize),
    Members(usize),
    Parameters(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), 0..JUNK).prop_map(|(a, j)| Mutation::Replace(a, j)),
        2 => any::<Index>().prop_map(Mutation::Remove),
        2 => (any::<Index>(), 0..KEYS.len(), 0..JUNK).prop_map(|(a, k, j)| Mutation::AddKey(a, k, j)),
        2 => (any::<Index>(), 0..JUNK).prop_map(|(a, j)| Mutation::Twice(a, j)),
        2 => (any::<Index>(), 0..CHOICES.len(), 0usize..8).prop_map(|(a, c, w)| Mutation::Choice(a, c, w)),
        2 => (any::<Index>(), 0..AMOUNTS.len()).prop_map(|(a, x)| Mutation::Amount(a, x)),
        1 => (25usize..40).prop_map(Mutation::Members),
        1 => (55usize..80).prop_map(Mutation::Parameters),
    ]
}

/// A key written a second time: in the object at `.0`, key `.1` again with value `.2`.
type Twice = (Vec<Seg>, String, Value);

/// Applies the mutations to `v`; a `Twice` is kept aside for [`render`].
fn mutate(v: &mut Value, mutations: &[Mutation]) -> Vec<Twice> {
    let mut twice = Vec::new();
    for m in mutations {
        let mut at = Vec::new();
        places(v, &mut at, Vec::new());
        let objects: Vec<Vec<Seg>> = at.iter().filter(|p| get_mut(v, p).is_object()).cloned().collect();
        let members = v["members"].as_array().map_or(0, Vec::len);
        match m {
            Mutation::Replace(a, j) if at.len() > 1 => *get_mut(v, &at[1 + a.index(at.len() - 1)]) = junk(*j),
            Mutation::Remove(a) if at.len() > 1 => {
                let path = &at[1 + a.index(at.len() - 1)];
                let (last, parent) = path.split_last().unwrap();
                match (last, get_mut(v, parent)) {
                    (Seg::Key(k), Value::Object(o)) => {
                        o.remove(k);
                    }
                    (Seg::At(i), Value::Array(a)) => {
                        a.remove(*i);
                    }
                    _ => {}
                }
            }
            Mutation::AddKey(a, k, j) => {
                let path = &objects[a.index(objects.len())];
                get_mut(v, path)[KEYS[*k]] = junk(*j);
            }
            Mutation::Twice(a, j) => {
                let path = objects[a.index(objects.len())].clone();
                if let Some(key) = get_mut(v, &path).as_object().and_then(|o| o.keys().next().cloned()) {
                    twice.push((path, key, junk(*j)));
                }
            }
            Mutation::Choice(a, c, w) if members > 0 => {
                let (field, words) = CHOICES[*c];
                if let Some(m) = v["members"][a.index(members)].as_object_mut() {
                    m.insert(field.into(), json!(words[w % words.len()]));
                }
            }
            Mutation::Amount(a, x) => {
                let slots = ["assets", "support.dibao_monthly", "monthly_income", "parameters"];
                let amount = json!(AMOUNTS[*x]);
                match slots[a.index(slots.len())] {
                    "assets" => v["assets"] = amount,
                    "support.dibao_monthly" if v["support"].is_object() => v["support"]["dibao_monthly"] = amount,
                    "monthly_income" if members > 0 => {
                        if let Some(m) = v["members"][a.index(members)].as_object_mut() {
                            m.insert("monthly_income".into(), amount);
                        }
                    }
                    "parameters" if v.get("parameters").is_none_or(Value::is_object) => {
                        v["parameters"]["dibao.standard.urban"] = amount
                    }
                    _ => {}
                }
            }
            Mutation::Members(n) if members > 0 => {
                let first = v["members"][0].clone();
                let list = v["members"].as_array_mut().unwrap();
                while list.len() < *n {
                    let mut m = first.clone();
                    if let Some(o) = m.as_object_mut() {
                        o.remove("id");
                    }
                    list.push(m);
                }
            }
            Mutation::Parameters(n) if v.get("parameters").is_none_or(Value::is_object) => {
                for i in 0..*n {
                    v["parameters"][format!("p{i}")] = json!(i);
                }
            }
            _ => {}
        }
    }
    twice
}

/// `v` as JSON text, keys in the map's order, with each `Twice` key written again last.
fn render(v: &Value, twice: &[Twice]) -> String {
    fn go(v: &Value, path: &mut Vec<Seg>, twice: &[Twice], out: &mut String) {
        match v {
            Value::Object(o) => {
                out.push('{');
                let mut first = true;
                let extra: Vec<(&String, &Value)> =
                    twice.iter().filter(|t| t.0 == *path).map(|t| (&t.1, &t.2)).collect();
                for (k, x) in o.iter().chain(extra) {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(&Value::String(k.clone()).to_string());
                    out.push(':');
                    path.push(Seg::Key(k.clone()));
                    go(x, path, twice, out);
                    path.pop();
                }
                out.push('}');
            }
            Value::Array(a) => {
                out.push('[');
                for (i, x) in a.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    path.push(Seg::At(i));
                    go(x, path, twice, out);
                    path.pop();
                }
                out.push(']');
            }
            _ => out.push_str(&v.to_string()),
        }
    }
    let mut out = String::new();
    go(v, &mut Vec::new(), twice, &mut out);
    out
}

/// Whether `path` names a place of `v`, or a missing key of an object of `v` (a required field).
fn names_a_place(v: &Value, path: &str) -> bool {
    if path.is_empty() {
        return true;
    }
    if let Some(rest) = path.strip_prefix('[') {
        let Some((i, rest)) = rest.split_once(']') else { return false };
        let Some(x) = i.parse::<usize>().ok().and_then(|i| v.as_array()?.get(i)) else { return false };
        return names_a_place(x, rest.strip_prefix('.').unwrap_or(rest));
    }
    let Some(o) = v.as_object() else { return false };
    // The longest key that starts the path (parameter ids have dots), or a missing last key.
    let mut cuts: Vec<usize> = path.match_indices(['.', '[']).map(|(i, _)| i).collect();
    cuts.push(path.len());
    cuts.iter().rev().any(|&cut| match o.get(&path[..cut]) {
        Some(x) => names_a_place(x, path[cut..].strip_prefix('.').unwrap_or(&path[cut..])),
        None => cut == path.len(),
    })
}

fn two_decimals(s: &str) -> bool {
    let Some((int, frac)) = s.split_once('.') else { return false };
    frac.len() == 2
        && !int.is_empty()
        && int.bytes().all(|c| c.is_ascii_digit())
        && frac.bytes().all(|c| c.is_ascii_digit())
}

fn amount(v: &Value) -> Option<Decimal> {
    v.as_str().map(|s| s.parse().unwrap())
}

/// The invariants of an assessment of `input` (serialized as `out`).
fn check_sound(text: &str, out: &Value) -> Result<(), TestCaseError> {
    let input = parse_json(text).unwrap();
    let ids: Vec<String> =
        input.members.iter().enumerate().map(|(i, m)| m.id.clone().unwrap_or_else(|| format!("m{}", i + 1))).collect();
    let findings = out["findings"].as_array().unwrap();
    let s = &out["summary"];
    prop_assert_eq!(s["members"].as_u64(), Some(ids.len() as u64));
    for key in ["counted_income", "per_capita_income", "standard", "monthly_total", "one_off_total"] {
        if let Some(a) = s[key].as_str() {
            prop_assert!(two_decimals(a), "summary.{} = {}", key, a);
        }
    }
    let (mut monthly, mut one_off, mut eligible) = (Decimal::ZERO, Decimal::ZERO, 0);
    for f in findings {
        for key in ["monthly", "one_off", "total", "cap"] {
            if let Some(a) = f[key].as_str() {
                prop_assert!(two_decimals(a), "{} = {} (two decimals, not negative) in {}", key, a, f);
            }
        }
        if let (Some(m), Some(n), Some(t)) = (amount(&f["monthly"]), f["months"].as_u64(), amount(&f["total"])) {
            prop_assert_eq!(t, m * Decimal::from(n), "total = monthly × months in {}", f);
        }
        if f["status"] == "eligible" {
            eligible += 1;
        }
        // What the household receives counts each finding once, as the payment it is.
        if f["counted"] == true {
            prop_assert_eq!(&f["status"], "eligible", "a counted finding is eligible: {}", f);
            if f["payment"] == "ongoing" {
                monthly += amount(&f["monthly"]).unwrap_or_default();
            }
            one_off += match (amount(&f["one_off"]), f["payment"] == "one_off") {
                (Some(a), _) => a,
                (None, true) => amount(&f["total"]).unwrap_or_default(),
                (None, false) => Decimal::ZERO,
            };
        }
    }
    prop_assert_eq!(s["eligible"].as_u64(), Some(eligible));
    // Each payment is rounded as it is paid, so a total is the sum of the parts as shown.
    for (key, sum) in [("monthly_total", monthly), ("one_off_total", one_off)] {
        let total = amount(&s[key]).unwrap();
        prop_assert_eq!(total, sum, "{}: its parts as shown add up to {}", key, sum);
    }
    // One finding per programme of the place, or one per member for a per-person programme.
    let place = doudi_core::jurisdictions().unwrap().into_iter().find(|j| j.id == out["jurisdiction"]).unwrap();
    let mut by_programme: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for f in findings {
        by_programme.entry(f["program"].as_str().unwrap().to_string()).or_default().push(f["member"].clone());
    }
    let listed: Vec<String> =
        place.programmes.iter().map(|p| serde_json::to_value(p).unwrap().as_str().unwrap().to_string()).collect();
    prop_assert_eq!(by_programme.keys().cloned().collect::<Vec<_>>(), {
        let mut l = listed.clone();
        l.sort();
        l
    });
    for (p, members) in &by_programme {
        let per_person: Vec<Value> = ids.iter().map(|id| json!(id)).collect();
        prop_assert!(
            *members == vec![Value::Null] || *members == per_person,
            "{}: findings for {:?}, members {:?}",
            p,
            members,
            ids
        );
    }
    Ok(())
}

/// A refusal of `v` (as `text`): a place named, short messages in both languages.
fn check_refusal(v: &Value, e: &InputError) -> Result<(), TestCaseError> {
    prop_assert!(!e.path.is_empty(), "a refusal of an object names a path: {:?}", e);
    prop_assert!(e.path.contains('…') || names_a_place(v, &e.path), "{} names no place of {}", e.path, v);
    for m in [&e.message, &e.message_zh] {
        prop_assert!(!m.is_empty() && m.chars().count() <= 600, "{:?}", e);
    }
    Ok(())
}

fn by_value(text: &str) -> Result<doudi_core::Assessment, InputError> {
    let value: Value = serde_json::from_str(text).unwrap();
    parse_value(value).and_then(|i| evaluate_input(i, Options::default()))
}

proptest! {
    // DOUDI_MUTATIONS=N runs N households instead of 1500.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("DOUDI_MUTATIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(1500),
        .. ProptestConfig::default()
    })]

    #[test]
    fn a_mutated_household_is_assessed_soundly_or_refused_with_a_path(
        h in support::household(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let mut v = h;
        let twice = mutate(&mut v, &mutations);
        let text = render(&v, &twice);
        let first = evaluate_json(&text, Options::default());
        let again = evaluate_json(&text, Options::default());
        let bytes = |r: &Result<doudi_core::Assessment, InputError>| match r {
            Ok(a) => serde_json::to_string(a).unwrap(),
            Err(e) => format!("{e:?}"),
        };
        prop_assert_eq!(bytes(&first), bytes(&again), "the same input gives the same bytes");
        // A key written twice is seen only in the text: a value has one of each. (A key written
        // "again" after a mutation removed it is there once.)
        let doubled = twice.iter().any(|(path, key, _)| {
            let object = path.iter().try_fold(&v, |v, s| match s {
                Seg::Key(k) => v.get(k.as_str()),
                Seg::At(i) => v.get(*i),
            });
            object.and_then(|o| o.get(key)).is_some()
        });
        match &first {
            Ok(a) => {
                prop_assert!(!doubled, "a key written twice was accepted: {}", text);
                check_sound(&text, &serde_json::to_value(a).unwrap())?;
                prop_assert_eq!(bytes(&by_value(&text)), bytes(&first), "text and value read alike");
            }
            Err(e) => {
                check_refusal(&v, e)?;
                // A value's keys are in order; a text's appended key may not be, and the first
                // of two errors is then another.
                if twice.is_empty() {
                    prop_assert_eq!(bytes(&by_value(&text)), bytes(&first), "text and value refuse alike");
                }
            }
        }
    }
}

#[test]
fn the_mutations_refuse_most_households_and_accept_some() {
    // The generator is worth running only if it reaches both outcomes, and each refusal kind.
    let config = proptest::test_runner::Config::default();
    let rng = proptest::test_runner::TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &[3u8; 32]);
    let mut runner = proptest::test_runner::TestRunner::new_with_rng(config, rng);
    let strategy = (support::household(), prop::collection::vec(mutation(), 1..5));
    let (mut accepted, mut refused) = (0, 0);
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..600 {
        use proptest::strategy::ValueTree;
        let (mut v, mutations) = strategy.new_tree(&mut runner).unwrap().current();
        let twice = mutate(&mut v, &mutations);
        match evaluate_json(&render(&v, &twice), Options::default()) {
            Ok(_) => accepted += 1,
            Err(e) => {
                refused += 1;
                seen.insert(e.message.split([' ', ':']).take(2).collect::<Vec<_>>().join(" "));
            }
        }
    }
    assert!(accepted > 30 && refused > 300, "accepted {accepted}, refused {refused}");
    for kind in ["duplicate field", "invalid type", "unknown field", "unknown variant", "at most"] {
        assert!(seen.iter().any(|s| s.starts_with(kind)), "no “{kind}” refusal among {seen:?}");
    }
}
