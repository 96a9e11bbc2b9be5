//! Roster input as JSONL: one contract v1 household per line. Blank lines are skipped but
//! counted, so that every record's `line` is the line an editor shows.

use std::io::BufRead;

use doudi_core::InputError;

use crate::{Body, Emit, Item};

/// Reads the households, one per line, and hands each to `emit` with its line number.
/// `name` is the input's name for a message.
pub fn read<E: From<InputError>>(input: impl BufRead, name: &str, emit: &mut Emit<E>) -> Result<(), E> {
    read_part(input, name, &mut 0, emit)
}

/// Reads one part of a file that ends where a line ends (or is the file's last part),
/// numbering its lines on from `line`, the last line of the parts before (0 at the start).
pub fn read_part<E: From<InputError>>(
    mut input: impl BufRead,
    name: &str,
    line: &mut u64,
    emit: &mut Emit<E>,
) -> Result<(), E> {
    let mut buf = Vec::with_capacity(4096);
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf).map_err(|e| {
            InputError::new(
                "",
                format!("cannot read {name} after line {line}: {e}"),
                format!("读取 {name} 第 {line} 行之后出错：{e}"),
            )
        })?;
        if n == 0 {
            return Ok(());
        }
        *line += 1;
        let body = match std::str::from_utf8(&buf) {
            Ok(text) => {
                let text = if *line == 1 { text.trim_start_matches('\u{feff}') } else { text };
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                Body::Json(text.to_string())
            }
            Err(_) => Body::Refused(InputError::new("", "the line is not valid UTF-8", "该行不是有效的 UTF-8 文本")),
        };
        emit(Item { line: *line, body })?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each record's line and whether it holds a household (as the core reads it).
    fn lines(input: &[u8]) -> Vec<(u64, Result<(), InputError>)> {
        let mut out = Vec::new();
        read(input, "t.jsonl", &mut |item: Item| -> Result<(), InputError> {
            out.push((item.line, item.body.parse().map(|_| ())));
            Ok(())
        })
        .unwrap();
        out
    }

    const OK: &str = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":40}]}"#;

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let out = lines(format!("\u{feff}{OK}\n\n  \r\n{OK}\r\n").as_bytes());
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].0, 1);
        assert_eq!(out[1].0, 4);
        assert!(out[1].1.is_ok());
    }

    #[test]
    fn a_bad_line_is_an_error_record_and_the_batch_goes_on() {
        let mut input = format!("{OK}\n{{not json\n").into_bytes();
        input.extend_from_slice(b"\xff\xfe\n");
        input.extend_from_slice(OK.as_bytes());
        let out = lines(&input);
        assert_eq!(out.len(), 4);
        assert_eq!(out[1].0, 2);
        assert!(out[1].1.as_ref().is_err_and(|e| !e.message.is_empty()));
        assert_eq!(out[2].1.as_ref().unwrap_err().path, "");
        assert_eq!(out[3].0, 4);
        assert!(out[3].1.is_ok());
    }

    #[test]
    fn parts_are_numbered_on() {
        let mut line = 0;
        let mut seen = Vec::new();
        for part in [format!("{OK}\n\n"), format!("{OK}\n")] {
            read_part(part.as_bytes(), "t.jsonl", &mut line, &mut |item: Item| -> Result<(), InputError> {
                seen.push(item.line);
                Ok(())
            })
            .unwrap();
        }
        assert_eq!(seen, [1, 3]);
    }
}
