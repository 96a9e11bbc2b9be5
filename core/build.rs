//! Embeds the policies, checked and resolved: reads every TOML file under
//! `policies/documents` and `policies/jurisdictions`, converts it to JSON keyed by its path
//! (`src/policy/bundle_gen.rs`, which `doudi … --policies DIR` runs on a folder at run time),
//! runs the crate's own checked loader on it (`src/policy/validate.rs` and the modules it
//! needs, compiled into this script by `#[path]`), and writes what the loader built as the
//! resolved bundle (`src/policy/resolved.rs`) into `OUT_DIR`, with a version stamp (a hash of
//! the files' bundle) and that bundle itself (`policies.json`, for native tests).
//! A file that is not valid TOML, or any problem the checks find, fails the build with the
//! file, the key and a plain message, every problem at once.

use std::{env, fs, path::Path};

// The policy model and what it depends on, exactly as the crate compiles them.
#[path = "src/catalogue.rs"]
#[allow(dead_code)]
mod catalogue;
#[path = "src/dates.rs"]
#[allow(dead_code)]
mod dates;
#[path = "src/ids.rs"]
#[allow(dead_code)]
mod ids;
#[path = "src/money.rs"]
#[allow(dead_code)]
mod money;
#[path = "src/policy/build_model.rs"]
#[allow(dead_code, unused_imports)]
mod policy;
#[path = "src/text.rs"]
#[allow(dead_code, unused_macros)]
mod text;

#[path = "src/policy/combine_gen.rs"]
mod combine_gen;

#[path = "src/policy/bundle_gen.rs"]
#[allow(dead_code)]
mod bundle_gen;

/// A folder laid out as `policies/` whose files this build adds to the repository's (for
/// example a place only the tests know: `scripts/fixture-build.sh`), from the environment at
/// build time; a file named as one of the repository's fails the build.
const EXTRA: &str = "DOUDI_EXTRA_POLICIES";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
    println!("cargo:rerun-if-env-changed={EXTRA}");
    let extra = env::var_os(EXTRA).filter(|v| !v.is_empty()).map(std::path::PathBuf::from);
    let mut files: Vec<(&str, String, String)> = Vec::new();
    for (folder, required) in [(root.clone(), true)].into_iter().chain(extra.map(|e| (e, false))) {
        println!("cargo:rerun-if-changed={}", folder.display());
        for kind in bundle_gen::KINDS {
            let dir = folder.join(kind);
            println!("cargo:rerun-if-changed={}", dir.display());
            let entries: Vec<_> = match fs::read_dir(&dir) {
                Ok(d) => d
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                    .collect(),
                Err(_) if !required && !dir.exists() => Vec::new(),
                Err(e) => panic!("{}: cannot read the folder: {e}", dir.display()),
            };
            for path in entries {
                println!("cargo:rerun-if-changed={}", path.display());
                let file = path.file_name().unwrap().to_string_lossy().into_owned();
                let name = bundle_gen::bundle_name(kind, &file);
                if files.iter().any(|(k, f, _)| *k == kind && *f == file) {
                    panic!("{}: {name} is already one of the repository's policy files", path.display());
                }
                let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
                files.push((kind, file, text));
            }
        }
    }
    let bundle = bundle_gen::bundle(&files).unwrap_or_else(|errs| {
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
    let mut policies = policy::Policies::from_bundle(&json, &version).unwrap_or_else(|errs| {
        let lines: Vec<String> = errs.iter().map(|e| format!("{}: {}: {}", e.file, e.key, e.message)).collect();
        panic!("\nthe policies do not pass their checks (`doudi check` says the same):\n{}\n", lines.join("\n"))
    });
    let wasm = env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32"));
    // For the site, the clauses' words are left out (it loads them after its first result).
    if wasm && env::var_os("CARGO_FEATURE_LAZY_CLAUSES").is_some() {
        for d in &mut policies.documents {
            for c in &mut d.clauses {
                c.text.clear();
            }
        }
    }
    // A wasm build compares with the ordinary rules only with the feature `epidemic` (the JS
    // package's main entry has no room for it): otherwise the epidemic measures stay out.
    if wasm && env::var_os("CARGO_FEATURE_EPIDEMIC").is_none() {
        for j in &mut policies.jurisdictions {
            j.epidemic.clear();
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    fs::write(out.join("resolved.json"), policy::resolved::write(&policies)).expect("OUT_DIR is writable");
    fs::write(out.join("policies.json"), &json).expect("OUT_DIR is writable");
    fs::write(out.join("policy_version.txt"), version).expect("OUT_DIR is writable");
}
