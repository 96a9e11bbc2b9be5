//! Batch input as JSONL: one contract v1 household per line. Blank lines are skipped but
//! counted, so that every record's `line` is the line an editor shows.

use std::io::BufRead;
use std::path::Path;

use doudi_core::InputError;

use super::pipeline::Emit;
use super::{Body, Item};
use crate::failure::{display_name, Failure};

/// Reads the households, one per line, and hands each to `emit` with its line number.
pub fn read(mut input: impl BufRead, name: &Path, emit: &mut Emit) -> Result<(), Failure> {
    let mut buf = Vec::with_capacity(4096);
    let mut line = 0u64;
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf).map_err(|e| {
            let name = display_name(name);
            InputError::new(
                "",
                format!("cannot read {name} after line {line}: {e}"),
                format!("读取 {name} 第 {line} 行之后出错：{e}"),
            )
        })?;
        if n == 0 {
            return Ok(());
        }
        line += 1;
        let body = match std::str::from_utf8(&buf) {
            Ok(text) => {
                let text = if line == 1 { text.trim_start_matches('\u{feff}') } else { text };
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                Body::Json(text.to_string())
            }
            Err(_) => Body::Refused(InputError::new("", "the line is not valid UTF-8", "该行不是有效的 UTF-8 文本")),
        };
        emit(Item { line, body })?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8]) -> Vec<serde_json::Value> {
        let shape = super::super::Shape {
            records: crate::args::Records::Full,
            csv: false,
            options: doudi_core::Options::default(),
        };
        let mut out = Vec::new();
        let mut decider = doudi_core::Decider::new(doudi_core::embedded_policies().unwrap());
        read(input, Path::new("t.jsonl"), &mut |item| {
            super::super::record::write(&shape, &mut decider, item, &mut out);
            Ok(())
        })
        .unwrap();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    const OK: &str = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":40}]}"#;

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let out = lines(format!("\u{feff}{OK}\n\n  \r\n{OK}\r\n").as_bytes());
        assert_eq!(out.len(), 2);
        assert_eq!(out[0]["line"], 1);
        assert_eq!(out[1]["line"], 4);
        assert!(out[1]["assessment"].is_object());
    }

    #[test]
    fn a_bad_line_is_an_error_record_and_the_batch_goes_on() {
        let mut input = format!("{OK}\n{{not json\n").into_bytes();
        input.extend_from_slice(b"\xff\xfe\n");
        input.extend_from_slice(OK.as_bytes());
        let out = lines(&input);
        assert_eq!(out.len(), 4);
        assert_eq!(out[1]["line"], 2);
        assert!(out[1]["error"]["message"].is_string());
        assert_eq!(out[2]["error"]["path"], "");
        assert_eq!(out[3]["line"], 4);
        assert!(out[3]["assessment"].is_object());
    }
}
