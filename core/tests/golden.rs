//! Whole outputs before and after a change: `DOUDI_GOLDEN=write:FILE` writes the assessment
//! of every household of the corpus (in Chinese and English, and every refusal) to FILE;
//! `DOUDI_GOLDEN=check:FILE` compares today's with it, byte for byte, and names the first
//! households that differ. A tool for refactors that must not change a single byte:
//!
//! ```sh
//! DOUDI_GOLDEN=write:/tmp/before.jsonl cargo test -p doudi-core --test golden -- --ignored
//! # … change the code …
//! DOUDI_GOLDEN=check:/tmp/before.jsonl cargo test -p doudi-core --test golden -- --ignored
//! ```

mod support;

use doudi_core::{evaluate_json, Lang, Options};

fn outputs() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, json) in support::corpus(3000) {
        for lang in [Lang::Zh, Lang::En] {
            let text = match evaluate_json(&json, Options { lang }) {
                Ok(a) => serde_json::to_string(&a).unwrap(),
                Err(e) => serde_json::to_string(&e).unwrap(),
            };
            out.push((format!("{name} [{lang:?}]"), text));
        }
    }
    out
}

#[test]
#[ignore = "a tool: set DOUDI_GOLDEN=write:FILE or check:FILE"]
fn golden() {
    let Ok(spec) = std::env::var("DOUDI_GOLDEN") else { return };
    let (mode, file) = spec.split_once(':').expect("DOUDI_GOLDEN=write:FILE or check:FILE");
    let now = outputs();
    match mode {
        "write" => {
            let text: String = now.iter().map(|(_, t)| format!("{t}\n")).collect();
            std::fs::write(file, text).unwrap();
            eprintln!("wrote {} outputs to {file}", now.len());
        }
        "check" => {
            let before = std::fs::read_to_string(file).unwrap();
            let before: Vec<&str> = before.lines().collect();
            assert_eq!(before.len(), now.len(), "a different corpus");
            let differ: Vec<&String> =
                now.iter().zip(&before).filter(|((_, t), b)| t != *b).map(|((n, _), _)| n).collect();
            assert!(
                differ.is_empty(),
                "{} of {} outputs differ, first: {:?}",
                differ.len(),
                now.len(),
                &differ[..differ.len().min(10)]
            );
            eprintln!("{} outputs unchanged", now.len());
        }
        _ => panic!("DOUDI_GOLDEN=write:FILE or check:FILE"),
    }
}
