//! Embeds the policies: reads every TOML file under `policies/documents` and
//! `policies/jurisdictions`, converts it to JSON keyed by its path, and writes one
//! JSON bundle into `OUT_DIR` together with a version stamp (a hash of the bundle).
//! The conversion is `src/policy/bundle_gen.rs`, which `doudi … --policies DIR` runs on a
//! folder at run time, so both make the same bundle from the same files.
//! A file that is not valid TOML fails the build with its path and the parser's message;
//! the meaning of the files is checked by `doudi_core::policy::validate` (run by `cargo test`).

use std::{env, fs, path::Path};

#[path = "src/policy/combine_gen.rs"]
mod combine_gen;

#[path = "src/policy/bundle_gen.rs"]
#[allow(dead_code)]
mod bundle_gen;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    for kind in bundle_gen::KINDS {
        let dir = root.join(kind);
        println!("cargo:rerun-if-changed={}", dir.display());
        let entries: Vec<_> = fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("policies/{kind}: cannot read the folder: {e}"))
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        for path in entries {
            println!("cargo:rerun-if-changed={}", path.display());
            let file = path.file_name().unwrap().to_string_lossy().into_owned();
            let name = bundle_gen::bundle_name(kind, &file);
            let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            files.push((kind, file, text));
        }
    }
    let mut bundle = bundle_gen::bundle(&files).unwrap_or_else(|errs| {
        let lines: Vec<String> = errs
            .iter()
            .map(|(kind, file, e)| {
                let name = bundle_gen::bundle_name(kind, file);
                format!("{name}: line {}, column {}: not valid TOML: {}", e.line, e.column, e.message)
            })
            .collect();
        panic!("\n{}\n", lines.join("\n"))
    });
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
        Ok(code) => {
            fs::write(Path::new(&env::var("OUT_DIR").unwrap()).join("combine.rs"), code).expect("OUT_DIR is writable")
        }
        Err(errs) => panic!("\n{}\n", errs.join("\n")),
    }
    let json = serde_json::to_string(&bundle).expect("a JSON value always serializes");
    // A short, stable policy version for outputs (FNV-1a over the whole bundle), the same
    // whether or not the clauses' words are embedded.
    let version = bundle_gen::version(&json);
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
    // A wasm build compares with the ordinary rules only with the feature `epidemic` (the JS
    // package's main entry has no room for it): otherwise the epidemic measures stay out of its
    // bundle, and trusted.rs does not read them.
    let json = if env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"))
        && env::var_os("CARGO_FEATURE_EPIDEMIC").is_none()
    {
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
    let version_file = Path::new(&env::var("OUT_DIR").unwrap()).join("policy_version.txt");
    fs::write(version_file, version).expect("OUT_DIR is writable");
}
