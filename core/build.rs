//! Embeds the policies: reads every TOML file under `policies/documents` and
//! `policies/jurisdictions`, converts it to JSON keyed by its path, and writes one
//! JSON bundle into `OUT_DIR` together with a version stamp (a hash of the bundle).
//! A file that is not valid TOML fails the build with its path and the parser's message;
//! the meaning of the files is checked by `doudi_core::policy::validate` (run by `cargo test`).

use std::{env, fs, path::Path};

#[path = "src/policy/combine_gen.rs"]
mod combine_gen;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut bundle = serde_json::Map::new();
    for kind in ["documents", "jurisdictions"] {
        let dir = root.join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files = serde_json::Map::new();
        let mut entries: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("policies/{kind}: cannot read the folder: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        entries.sort();
        for path in entries {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = format!("policies/{kind}/{}", path.file_name().unwrap().to_string_lossy());
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{name}: not valid TOML: {e}"));
            files.insert(name, to_json(value));
        }
        bundle.insert(kind.to_string(), serde_json::Value::Object(files));
    }
    // How the programmes' payments combine: checked here and written as a Rust table.
    let combine = root.join("combine.toml");
    println!("cargo:rerun-if-changed={}", combine.display());
    let text = fs::read_to_string(&combine).unwrap_or_else(|e| panic!("policies/combine.toml: cannot read: {e}"));
    let mut clauses = std::collections::BTreeSet::new();
    for d in bundle["documents"].as_object().into_iter().flat_map(|m| m.values()) {
        let id = d["id"].as_str().unwrap_or_default();
        for c in d["clauses"].as_array().into_iter().flatten() {
            clauses.insert(format!("{id}:{}", c["id"].as_str().unwrap_or_default()));
        }
    }
    let mut programmes: Vec<String> = Vec::new();
    for j in bundle["jurisdictions"].as_object().into_iter().flat_map(|m| m.values()) {
        for p in j["programmes"].as_object().into_iter().flat_map(|m| m.keys()) {
            if !programmes.contains(p) {
                programmes.push(p.clone());
            }
        }
    }
    let names: Vec<&str> = programmes.iter().map(String::as_str).collect();
    match combine_gen::generate(&text, &names, &clauses) {
        Ok(code) => fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("combine.rs"), code).expect("OUT_DIR is writable"),
        Err(errs) => panic!("\n{}\n", errs.join("\n")),
    }
    let json = serde_json::to_string(&bundle).expect("a JSON value always serializes");
    // FNV-1a over the whole bundle: a short, stable policy version for outputs, the same
    // whether or not the clauses' words are embedded.
    let hash = json.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    let lazy = env::var_os("CARGO_FEATURE_LAZY_CLAUSES").is_some()
        && env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    let json = if lazy {
        for d in bundle["documents"].as_object_mut().into_iter().flat_map(|m| m.values_mut()) {
            for c in d["clauses"].as_array_mut().into_iter().flatten() {
                c["text"] = serde_json::Value::String(String::new());
            }
        }

        serde_json::to_string(&bundle).expect("a JSON value always serializes")
    } else {
        json
    };
    // No wasm build compares with the ordinary rules (the JS package's budget has no room for
    // it): the epidemic measures stay out of its bundle, and trusted.rs does not read them.
    let json = if env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        let mut bundle: serde_json::Value = serde_json::from_str(&json).expect("written above");
        for j in bundle["jurisdictions"].as_object_mut().into_iter().flat_map(|m| m.values_mut()) {
            if let Some(j) = j.as_object_mut() {
                j.remove("epidemic");
            }
        }
        serde_json::to_string(&bundle).expect("a JSON value always serializes")
    } else {
        json
    };
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("policies.json");
    fs::write(&out, &json).expect("OUT_DIR is writable");
    let version = Path::new(&env::var("OUT_DIR").unwrap()).join("policy_version.txt");
    fs::write(version, format!("{:08x}", hash >> 32)).expect("OUT_DIR is writable");
}

/// TOML → JSON; dates become `YYYY-MM-DD` strings.
fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}
