//! The `doudi` command (placeholder: `evaluate` only, until the full CLI lands).
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut s = String::new();
    let args: Vec<String> = std::env::args().collect();
    let read = match args.get(2).map(String::as_str) {
        None | Some("-") => std::io::stdin().read_to_string(&mut s).map(|_| ()),
        Some(p) => std::fs::read_to_string(p).map(|t| s = t),
    };
    if let Err(e) = read {
        eprintln!("{e}");
        return ExitCode::from(2);
    }
    match doudi_core::evaluate_json(&s, doudi_core::Options::default()) {
        Ok(a) => {
            println!("{}", serde_json::to_string_pretty(&a).unwrap_or_default());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", serde_json::json!({ "error": e }));
            ExitCode::from(2)
        }
    }
}
