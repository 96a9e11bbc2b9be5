//! Style checked by `cargo test`: every Rust file opens with a `//!` line saying what it is.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in ["core/src", "core/tests", "core/benches", "core/build.rs", "cli/src", "cli/tests", "web/src", "js/src"]
    {
        let p = root.join(dir);
        if p.is_file() {
            files.push(p);
        } else {
            rust_files(&p, &mut files);
        }
    }
    assert!(files.len() > 30, "found only {} files", files.len());
    let bad: Vec<String> = files
        .iter()
        .filter(|f| !std::fs::read_to_string(f).unwrap_or_default().starts_with("//!"))
        .map(|f| f.strip_prefix(&root).unwrap_or(f).display().to_string())
        .collect();
    assert!(bad.is_empty(), "files without a leading `//!` line: {bad:?}");
}

#[test]
fn the_code_names_no_place() {
    // What differs between places is in the places' files: the engine's code and the page's
    // (comments and test modules aside) name no place, so a sentence names one only from the
    // place's own data, and a new place is one file.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&manifest.join("src"), &mut files);
    rust_files(&manifest.join("../web/src"), &mut files);
    assert!(files.len() > 60, "found only {} files", files.len());
    let policies = doudi_core::embedded_policies().unwrap();
    let mut places: Vec<String> =
        ["天津", "东丽", "重庆", "吉林", "Tianjin", "Dongli", "Chongqing", "Jilin"].map(String::from).to_vec();
    for j in &policies.jurisdictions {
        places.extend([format!("\"{}\"", j.id), j.name.clone(), j.name_en.clone()]);
    }
    let mut found = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("#[cfg(test)]") {
                break;
            }
            let code = line.split("//").next().unwrap_or("");
            for p in &places {
                if code.contains(p.as_str()) {
                    found.push(format!("{}:{}: {p}", f.display(), n + 1));
                }
            }
        }
    }
    assert!(found.is_empty(), "place names in code:\n{}", found.join("\n"));
}
