//! Fuzz target over doudi's JSON entry point, `evaluate_json` (what `doudi evaluate` and each
//! line of `doudi batch` run): any bytes in, never a panic, and either a sound assessment or a
//! short refusal.
//!
//! Checked on every input: a refusal has both messages and quotes little (each text at most
//! 600 characters); an assessment has amounts with two decimals, none negative, is the same
//! when computed twice, and is the same when the text is read as a JSON value first (as the
//! JS package reads it). `fuzz/run.sh` seeds the corpus from `policies/tests` and `examples/`.
#![no_main]

use doudi_core::{evaluate_input, evaluate_json, parse_value, Options};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fn two_decimals(s: &str) -> bool {
    let Some((int, frac)) = s.split_once('.') else { return false };
    frac.len() == 2 && !int.is_empty() && int.bytes().all(|c| c.is_ascii_digit()) && frac.bytes().all(|c| c.is_ascii_digit())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let options = Options::default();
    match evaluate_json(text, options) {
        Err(e) => {
            assert!(!e.message.is_empty() && !e.message_zh.is_empty(), "{e:?}");
            for t in [&e.path, &e.message, &e.message_zh] {
                assert!(t.chars().count() <= 600, "a refusal of {} characters", t.chars().count());
            }
        }
        Ok(a) => {
            let bytes = serde_json::to_string(&a).expect("an assessment is JSON");
            let again = evaluate_json(text, options).map(|a| serde_json::to_string(&a).unwrap());
            assert_eq!(again.as_deref(), Ok(bytes.as_str()), "the same input, other bytes");
            let out: Value = serde_json::from_str(&bytes).unwrap();
            for f in out["findings"].as_array().unwrap() {
                for key in ["monthly", "one_off", "total", "cap"] {
                    if let Some(s) = f[key].as_str() {
                        assert!(two_decimals(s), "{key} = {s}");
                    }
                }
            }
            let value: Value = serde_json::from_str(text).expect("an accepted text is JSON");
            let by_value = parse_value(value).and_then(|i| evaluate_input(i, options));
            assert_eq!(by_value.map(|a| serde_json::to_string(&a).unwrap()).as_deref(), Ok(bytes.as_str()));
        }
    }
});
