//! doudi for JavaScript: thin wasm-bindgen wrappers over `doudi_core`, contract v1 objects in
//! and out (see `/shared/spec/household-v1.md`). This crate holds no policy logic: every export
//! converts its arguments, calls one core function and converts the result.
//!
//! - In: a JS value becomes a `serde_json::Value` (refusing what JSON cannot carry, such as
//!   `NaN`), then `doudi_core::parse_value`, exactly as the CLI parses a file.
//! - Out: `serde_wasm_bindgen`'s JSON-compatible serializer, so maps are plain objects, `None`
//!   is `null` and money stays a decimal string.
//! - Bad input: a JS `Error` whose `message` is the contract's message, with `path` and
//!   `messageZh` properties. Nothing here unwraps or panics on input.
//!
//! The npm package (`packages/doudi`, built by `scripts/js-build.sh`) adds `init()` and the
//! TypeScript declarations, which are generated from [`schema`]'s JSON Schemas, themselves
//! generated from the Rust types by `build.rs`.

mod types;

pub use types::{Options, Version};

use doudi_core::{HouseholdInput, InputError, JurisdictionInfo, Lang, ParamInForce, SweepPoint, SweepRange};
use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// Assesses a household (contract v1 input) and returns the assessment (contract v1 output).
/// Throws an `Error` with `path`, `message` and `messageZh` when the input is refused.
#[wasm_bindgen(unchecked_return_type = "Assessment")]
pub fn evaluate(
    #[wasm_bindgen(unchecked_param_type = "HouseholdInput")] household: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let input = household_from(household)?;
    let options = doudi_core::Options { lang: options_from(options)?.lang.unwrap_or_default() };
    output(&doudi_core::evaluate_input(input, options).map_err(throw)?)
}

/// Every parameter of `jurisdiction` in force on `asOf` (`YYYY-MM-DD`): value, unit, source.
#[wasm_bindgen(unchecked_return_type = "ParamInForce[]")]
pub fn parameters(
    #[wasm_bindgen(unchecked_param_type = "string")] jurisdiction: JsValue,
    #[wasm_bindgen(js_name = "asOf", unchecked_param_type = "string")] as_of: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options | Lang")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let jurisdiction = string_from(jurisdiction, "jurisdiction")?;
    let as_of = string_from(as_of, "as_of")?;
    let lang = options_from(options)?.lang.unwrap_or_default();
    let params: Vec<ParamInForce> = doudi_core::parameters(&jurisdiction, &as_of, lang).map_err(throw)?;
    output(&params)
}

/// Every place doudi knows, with its documents and programmes.
#[wasm_bindgen(unchecked_return_type = "JurisdictionInfo[]")]
pub fn jurisdictions() -> Result<JsValue, JsValue> {
    let list: Vec<JurisdictionInfo> = doudi_core::jurisdictions().map_err(throw)?;
    output(&list)
}

/// The household's total aid as the first member's monthly income runs from `range.from` to
/// `range.to` (inclusive) in `range.steps` intervals (1 to 1000): `steps + 1` points.
#[wasm_bindgen(unchecked_return_type = "SweepPoint[]")]
pub fn sweep(
    #[wasm_bindgen(unchecked_param_type = "HouseholdInput")] household: JsValue,
    #[wasm_bindgen(unchecked_param_type = "SweepRange")] range: JsValue,
) -> Result<JsValue, JsValue> {
    let input = household_from(household)?;
    let range: SweepRange = typed(json_from(range)?).map_err(throw)?;
    let points: Vec<SweepPoint> = doudi_core::sweep(input, range).map_err(throw)?;
    output(&points)
}

/// The JSON Schemas (draft-07) of every type this API takes or returns, generated from the Rust
/// types when the crate was built (see `build.rs`): `input`, `output` and `error` (as `doudi
/// schema` prints them), `options`, `parameters`, `jurisdictions`, `sweep_range`, `sweep`, `version`.
#[wasm_bindgen(unchecked_return_type = "Schemas")]
pub fn schema() -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(SCHEMA)
}

/// The output of `build.rs`.
const SCHEMA: &str = include_str!(concat!(env!("OUT_DIR"), "/schema.json"));

/// The package's version, the contract's version and the embedded policies' version.
#[wasm_bindgen(unchecked_return_type = "Version")]
pub fn version() -> Result<JsValue, JsValue> {
    let policy = doudi_core::policy::EMBEDDED_VERSION.trim();
    output(&Version {
        package: env!("CARGO_PKG_VERSION").to_string(),
        contract: doudi_core::CONTRACT_VERSION.to_string(),
        policy: policy.to_string(),
        policy_version: format!("v{}-{policy}", doudi_core::CONTRACT_VERSION),
    })
}

fn household_from(value: JsValue) -> Result<HouseholdInput, JsValue> {
    doudi_core::parse_value(json_from(value)?).map_err(throw)
}

fn string_from(value: JsValue, path: &str) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| throw(InputError::new(path, "expected a string", "请填写文字")))
}

fn options_from(value: JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let json = json_from(value)?;
    if json.is_string() {
        let lang = typed::<Lang>(json).map_err(|e| throw(InputError { path: "lang".into(), ..e }))?;
        return Ok(Options { lang: Some(lang) });
    }
    typed(json).map_err(throw)
}

/// A JS value as JSON, as `JSON.stringify` would see it, except that a number JSON cannot
/// carry (`NaN`, `Infinity`) is refused with its path instead of becoming `null`.
fn json_from(value: JsValue) -> Result<serde_json::Value, JsValue> {
    let de = serde_wasm_bindgen::Deserializer::from(value);
    serde_path_to_error::deserialize::<_, Json>(de).map(|j| j.0).map_err(|e| {
        // serde_wasm_bindgen's errors are JS errors, which print as "Error: …".
        let message = e.inner().to_string();
        let message = message.strip_prefix("Error: ").unwrap_or(&message);
        throw(InputError::new(path(&e), message, format!("输入有误：{message}")))
    })
}

/// A JSON value as one of this crate's own argument types (options, sweep range), with the
/// path of any error; a missing field's path names the field, as the core's errors do.
fn typed<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, InputError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let message = e.inner().to_string();
        let mut path = path(&e);
        if let Some(field) = message.strip_prefix("missing field `").and_then(|r| r.split('`').next()) {
            path = if path.is_empty() { field.to_string() } else { format!("{path}.{field}") };
        }
        InputError::new(path, &message, format!("取值不对：{message}"))
    })
}

fn path<E>(e: &serde_path_to_error::Error<E>) -> String {
    let p = e.path().to_string();
    if p == "." {
        String::new()
    } else {
        p
    }
}

fn output<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&e.to_string()).into())
}

/// The contract's refusal as a JS `Error`: `message`, plus `path` and `messageZh`.
fn throw(e: InputError) -> JsValue {
    let err = js_sys::Error::new(&e.message);
    // Setting a property on a fresh Error cannot fail; ignore the Result rather than unwrap.
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("path"), &JsValue::from_str(&e.path));
    let _ = js_sys::Reflect::set(&err, &JsValue::from_str("messageZh"), &JsValue::from_str(&e.message_zh));
    err.into()
}

/// How deeply arrays and objects may nest in an argument: serde_json's own limit, so that the
/// JS API refuses what the CLI refuses, and a hostile input cannot overflow the wasm stack
/// (which would leave the module unusable).
const MAX_DEPTH: usize = 128;

/// `serde_json::Value`, built from any deserializer, refusing non-finite numbers and nesting
/// deeper than [`MAX_DEPTH`].
struct Json(serde_json::Value);

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        JsonSeed { depth: 0 }.deserialize(d)
    }
}

/// A [`Json`] at a given depth.
struct JsonSeed {
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for JsonSeed {
    type Value = Json;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor { depth: self.depth })
    }
}

struct JsonVisitor {
    depth: usize,
}

impl JsonVisitor {
    /// Refuses an array or object nested in [`MAX_DEPTH`] others.
    fn nest<E: de::Error>(&self) -> Result<(), E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format!("arrays and objects nested more than {MAX_DEPTH} deep")));
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value (object, array, string, finite number, boolean or null)")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
        Ok(Json(v.into()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
        Ok(Json(v.into()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
        Ok(Json(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
        serde_json::Number::from_f64(v)
            .map(|n| Json(serde_json::Value::Number(n)))
            .ok_or_else(|| E::custom(format!("{v} is not a finite number")))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
        Ok(Json(v.into()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
        Ok(Json(v.into()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json(serde_json::Value::Null))
    }
    fn visit_none<E: de::Error>(self) -> Result<Json, E> {
        Ok(Json(serde_json::Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        JsonSeed { depth: self.depth }.deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        self.nest()?;
        let mut out = Vec::new();
        while let Some(Json(v)) = seq.next_element_seed(JsonSeed { depth: self.depth + 1 })? {
            out.push(v);
        }
        Ok(Json(serde_json::Value::Array(out)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        self.nest()?;
        let mut out = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let Json(v) = map.next_value_seed(JsonSeed { depth: self.depth + 1 })?;
            out.insert(key, v);
        }
        Ok(Json(serde_json::Value::Object(out)))
    }
}
