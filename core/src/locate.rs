//! Where in a JSON value serde's first error is, for a type whose shape is known: the path
//! that `serde_path_to_error` would report (`members[1].age`, `applying[0]`, `""` for the whole
//! value), found after the fact instead of tracked on every call.
//!
//! [`crate::parse_value`] deserializes a [`Value`] with plain serde and, only when that fails,
//! walks the value with [`path`] against the shape of [`HouseholdInput`]: each part is tried
//! with serde itself, in serde's order (an object's keys in the map's order, then whatever is
//! missing; an array's items in turn), and the first part that fails is descended into. The
//! message is serde's own; only its place is found here. Wrapping every deserializer call to
//! track the path costs WebAssembly size on every call; this costs a few small tables.
//!
//! The field lists below must follow the structs' declarations; a test compares them with
//! the lists serde's own "unknown field" errors give, and another compares the paths found
//! with `serde_path_to_error`'s on many bad inputs.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::input::*;
use crate::SweepRange;

/// What a part of a value must be.
pub enum Shape {
    /// A whole value (a string, a number, an amount, a map of overrides): any error is its own.
    Leaf(fn(&Value) -> bool),
    /// A unit-only enum. serde also reads `{"variant": null}`, whose inside can be wrong (its
    /// first key decides, see `input::Choice`).
    Choice(fn(&Value) -> bool),
    /// `null` or the inner shape.
    Option(&'static Shape),
    /// An array of items.
    Seq(&'static Shape),
    /// An array of at most `max` items, read no further: the array itself is wrong when all of
    /// its first `max` items are right and there are more.
    Bounded { item: &'static Shape, max: usize },
    /// A struct: from an object (by field name, in the map's order) or from an array (by
    /// position, in the fields' order). `deny_unknown`: `#[serde(deny_unknown_fields)]`.
    Struct { ok: fn(&Value) -> bool, fields: &'static [(&'static str, Shape)], deny_unknown: bool },
}

/// Whether `v` deserializes as a `T`.
pub fn ok<T: DeserializeOwned>(v: &Value) -> bool {
    T::deserialize(v).is_ok()
}

/// The path of the first error serde meets reading `v` as `shape` (`""`: `v` itself, or no
/// error at all).
pub fn path(v: &Value, shape: &Shape) -> String {
    find(v, shape, String::new()).unwrap_or_default()
}

fn find(v: &Value, shape: &Shape, at: String) -> Option<String> {
    match shape {
        Shape::Leaf(ok) => (!ok(v)).then_some(at),
        Shape::Choice(ok) => {
            if ok(v) {
                return None;
            }
            // The first key decides: a known word whose value is not null is wrong inside.
            if let Some((variant, inside)) = v.as_object().and_then(|m| m.iter().next()) {
                if !inside.is_null() && ok(&Value::String(variant.clone())) {
                    return Some(key(at, variant));
                }
            }
            Some(at)
        }
        Shape::Option(inner) => match v {
            Value::Null => None,
            _ => find(v, inner, at),
        },
        Shape::Seq(item) => match v {
            Value::Array(items) => items.iter().enumerate().find_map(|(i, x)| find(x, item, format!("{at}[{i}]"))),
            _ => Some(at),
        },
        Shape::Bounded { item, max } => match v {
            Value::Array(items) => items
                .iter()
                .take(*max)
                .enumerate()
                .find_map(|(i, x)| find(x, item, format!("{at}[{i}]")))
                .or_else(|| (items.len() > *max).then_some(at)),
            _ => Some(at),
        },
        Shape::Struct { ok, fields, deny_unknown } => {
            if ok(v) {
                return None;
            }
            let inner = match v {
                Value::Object(m) => m.iter().find_map(|(k, x)| match fields.iter().find(|f| f.0 == k) {
                    Some((_, s)) => find(x, s, key(at.clone(), k)),
                    None => deny_unknown.then(|| key(at.clone(), k)),
                }),
                Value::Array(items) => items
                    .iter()
                    .zip(fields.iter())
                    .enumerate()
                    .find_map(|(i, (x, (_, s)))| find(x, s, format!("{at}[{i}]"))),
                _ => None,
            };
            // Nothing inside: the struct itself (its type, a missing field, a length).
            Some(inner.unwrap_or(at))
        }
    }
}

fn key(at: String, key: &str) -> String {
    if at.is_empty() {
        key.to_string()
    } else {
        format!("{at}.{key}")
    }
}

const STRING: Shape = Shape::Option(&Shape::Leaf(ok::<String>));
const INT: Shape = Shape::Option(&Shape::Leaf(ok::<i64>));
const BOOL: Shape = Shape::Option(&Shape::Leaf(ok::<bool>));
const MONEY: Shape = Shape::Option(&Shape::Leaf(ok::<Money>));

/// [`HouseholdInput`].
pub static HOUSEHOLD: Shape = Shape::Struct {
    ok: ok::<HouseholdInput>,
    deny_unknown: true,
    fields: &[
        ("jurisdiction", Shape::Leaf(ok::<String>)),
        ("as_of", Shape::Leaf(ok::<String>)),
        ("residence", Shape::Option(&Shape::Choice(ok::<Residence>))),
        ("assets", MONEY),
        ("support", Shape::Option(&SUPPORT)),
        ("applying", Shape::Option(&Shape::Seq(&Shape::Choice(ok::<Applying>)))),
        ("members", Shape::Bounded { item: &MEMBER, max: crate::household::MAX_MEMBERS }),
        ("parameters", Shape::Leaf(parameters)),
    ],
};

static SUPPORT: Shape = Shape::Struct {
    ok: ok::<SupportInput>,
    deny_unknown: true,
    fields: &[
        ("dibao", BOOL),
        ("dibao_monthly", MONEY),
        ("low_income", BOOL),
        ("poverty_registered", BOOL),
        ("income_above_standard_since", STRING),
    ],
};

static MEMBER: Shape = Shape::Struct {
    ok: ok::<MemberInput>,
    deny_unknown: true,
    fields: &[
        ("id", STRING),
        ("relation", Shape::Option(&Shape::Choice(ok::<Relation>))),
        ("age", INT),
        ("birth_date", STRING),
        ("monthly_income", MONEY),
        ("work", Shape::Option(&Shape::Choice(ok::<Work>))),
        ("epidemic_job_loss", BOOL),
        ("months_without_income", INT),
        ("unemployed_registered", BOOL),
        ("unemployment_insurance", Shape::Option(&Shape::Choice(ok::<Insurance>))),
        ("hukou", Shape::Option(&Shape::Choice(ok::<Hukou>))),
        ("covid", Shape::Option(&Shape::Choice(ok::<Covid>))),
        ("diagnosed_on", STRING),
        ("discharged_on", STRING),
        ("isolated", BOOL),
        ("disability_grade", INT),
        ("disability_type", Shape::Option(&Shape::Choice(ok::<DisabilityType>))),
        ("serious_illness_tier", INT),
        ("orphan", BOOL),
        ("unsupported_child", BOOL),
        ("difficult_child", BOOL),
        ("entitled_group", BOOL),
        ("able_to_work", BOOL),
        ("has_able_supporter", BOOL),
        ("self_care", Shape::Option(&Shape::Choice(ok::<SelfCare>))),
        ("carer_unavailable", BOOL),
        ("tekun", BOOL),
        ("stranded", BOOL),
    ],
};

/// `parameters`, read as the household reads it.
fn parameters(v: &Value) -> bool {
    crate::input::parameters(v).is_ok()
}

/// A `from` or `to` of a [`SweepRange`], read as the range reads it.
fn decimal(v: &Value) -> bool {
    crate::sweep::decimal(v).is_ok()
}

/// [`SweepRange`].
pub static SWEEP_RANGE: Shape = Shape::Struct {
    ok: ok::<SweepRange>,
    deny_unknown: false,
    fields: &[("from", Shape::Leaf(decimal)), ("to", Shape::Leaf(decimal)), ("steps", Shape::Leaf(ok::<u32>))],
};

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// The fields serde knows, in order, from its "unknown field" error.
    fn serde_fields<T: DeserializeOwned>() -> Vec<String> {
        let Err(e) = T::deserialize(&serde_json::json!({ "\u{1}": 0 })) else { panic!("accepted an unknown field") };
        let e = e.to_string();
        let list = e.split("expected ").nth(1).unwrap_or("");
        list.split('`').skip(1).step_by(2).map(str::to_string).collect()
    }

    fn fields(shape: &Shape) -> Vec<String> {
        match shape {
            Shape::Struct { fields, .. } => fields.iter().map(|f| f.0.to_string()).collect(),
            _ => Vec::new(),
        }
    }

    /// The path `serde_path_to_error` reports for the first error reading `v` as a `T`.
    fn tracked<T: DeserializeOwned>(v: &Value) -> Option<(String, String)> {
        let e = serde_path_to_error::deserialize::<_, T>(v.clone()).err()?;
        let path = e.path().to_string();
        Some((if path == "." { String::new() } else { path }, e.inner().to_string()))
    }

    /// Households broken in one to three places (values replaced by others of every JSON
    /// type, unknown keys added, required keys removed), deterministically.
    fn broken_households() -> Vec<Value> {
        let valid = serde_json::json!({
            "jurisdiction": "tianjin", "as_of": "2020-04-15", "residence": "urban", "assets": "1000",
            "support": { "dibao": true, "dibao_monthly": 500, "income_above_standard_since": "2020-01-01" },
            "applying": ["dibao", "tekun"],
            "members": [
                { "id": "a", "relation": "self", "age": 40, "monthly_income": 1500.5, "work": "migrant", "covid": "confirmed" },
                { "relation": "child", "birth_date": "2010-01-01", "self_care": "partial", "disability_type": "mental" }
            ],
            "parameters": { "dibao.standard.urban": "1200" }
        });
        let junk = [
            serde_json::json!(null),
            serde_json::json!(true),
            serde_json::json!(5),
            serde_json::json!(-1),
            serde_json::json!(4.5),
            serde_json::json!(1e300),
            serde_json::json!("x"),
            serde_json::json!("urban"),
            serde_json::json!("12.5"),
            serde_json::json!([]),
            serde_json::json!([1]),
            serde_json::json!(["self", 40]),
            serde_json::json!({}),
            serde_json::json!({ "urban": 5 }),
            serde_json::json!({ "urban": null }),
            serde_json::json!({ "a": 1, "b": 2 }),
            serde_json::json!({ "urban": 5, "zz": 1 }),
            serde_json::json!({ "urban": null, "zz": 1 }),
            serde_json::json!({ "age": "x" }),
            serde_json::json!([null, "boss"]),
        ];
        fn places(v: &Value, at: &mut Vec<Vec<Value>>, path: Vec<Value>) {
            at.push(path.clone());
            match v {
                Value::Object(m) => {
                    m.iter().for_each(|(k, x)| places(x, at, [path.clone(), vec![Value::from(k.as_str())]].concat()))
                }
                Value::Array(a) => {
                    a.iter().enumerate().for_each(|(i, x)| places(x, at, [path.clone(), vec![Value::from(i)]].concat()))
                }
                _ => {}
            }
        }
        fn get<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
            path.iter().fold(v, |v, k| match k {
                Value::String(k) => &mut v[k.as_str()],
                _ => &mut v[k.as_u64().unwrap_or(0) as usize],
            })
        }
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut out = Vec::new();
        for _ in 0..6000 {
            let mut v = valid.clone();
            for _ in 0..1 + next(3) {
                let mut at = Vec::new();
                places(&v, &mut at, Vec::new());
                let path = at[next(at.len())].clone();
                let target = get(&mut v, &path);
                match next(4) {
                    0 if target.is_object() => {
                        let key = ["zz", "aa", "agee", "lang", "from"][next(5)];
                        target[key] = junk[next(junk.len())].clone();
                    }
                    1 => {
                        if let (Some(Value::String(k)), Some(parent)) = (path.last(), path.split_last().map(|p| p.1)) {
                            if let Some(m) = get(&mut v, parent).as_object_mut() {
                                m.remove(k);
                            }
                        }
                    }
                    _ => *target = junk[next(junk.len())].clone(),
                }
            }
            out.push(v);
        }
        out
    }

    #[test]
    fn finds_the_path_serde_path_to_error_tracks() {
        let mut failures = 0;
        for v in broken_households() {
            let expected = tracked::<HouseholdInput>(&v);
            let found = HouseholdInput::deserialize(&v).err().map(|e| (path(&v, &HOUSEHOLD), e.to_string()));
            assert_eq!(found, expected, "{v}");
            // What reads reads the same, borrowed or owned.
            if expected.is_none() {
                assert_eq!(HouseholdInput::deserialize(&v).ok(), serde_json::from_value(v.clone()).ok(), "{v}");
            }
            failures += usize::from(expected.is_some());
        }
        assert!(failures > 4000, "only {failures} of the broken households fail");
        for v in [
            serde_json::json!({ "from": "0", "to": 5, "steps": "x" }),
            serde_json::json!(["0", {}, 1]),
            serde_json::json!({ "to": 1 }),
        ] {
            let found = SweepRange::deserialize(&v).err().map(|e| (path(&v, &SWEEP_RANGE), e.to_string()));
            assert_eq!(found, tracked::<SweepRange>(&v), "{v}");
        }
    }

    #[test]
    fn the_field_lists_follow_the_structs() {
        assert_eq!(fields(&HOUSEHOLD), serde_fields::<HouseholdInput>());
        assert_eq!(fields(&SUPPORT), serde_fields::<SupportInput>());
        assert_eq!(fields(&MEMBER), serde_fields::<MemberInput>());
    }
}
