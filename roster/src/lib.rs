//! Rosters: a file of households, one per CSV row or JSONL line, as `doudi batch`,
//! `doudi screen` and `doudi compare` read it and as the 摸排 page's worker reads it.
//!
//! - [`csv`] and [`jsonl`] turn the input into [`Item`]s (a line number and a household,
//!   or why the line is no household). Each reads a whole input ([`csv::read`],
//!   [`jsonl::read`]) or one part of it after another ([`csv::read_part`],
//!   [`jsonl::read_part`], for a file streamed in chunks by a page), numbering the lines
//!   alike. CSV headers may be the column ids or their Chinese names ([`csv::template`]
//!   writes a roster with the Chinese ones).
//! - [`screen`] is 走访摸排 on one household's decisions ([`screen::Screener`]) and its
//!   tallies over a roster.
//! - [`compare`] is the what-if: each household decided with the policy's values and with
//!   changed ones ([`compare::Compare`]), and the tallies of the differences.
//!
//! Nothing here does I/O beyond reading the `BufRead` it is handed; the CLI opens files,
//! the page hands it chunks of a `File`.

pub mod compare;
pub mod csv;
pub mod jsonl;
pub mod screen;

use doudi_core::{HouseholdInput, InputError};

/// Records between two progress lines of the CLI.
pub const PROGRESS_EVERY: u64 = 10_000;

/// One input record: its line in the input and what it holds.
pub struct Item {
    pub line: u64,
    pub body: Body,
}

/// What an input record holds.
pub enum Body {
    /// A JSONL line: contract v1 JSON text.
    Json(String),
    /// A CSV row, already mapped onto contract v1 JSON.
    Value(serde_json::Value),
    /// A record that is no household (bad UTF-8, a bad CSV row).
    Refused(InputError),
}

impl Body {
    /// The household the record holds, or why it holds none (the contract's error).
    pub fn parse(self) -> Result<HouseholdInput, InputError> {
        match self {
            Body::Json(text) => doudi_core::parse_json(&text),
            Body::Value(v) => doudi_core::parse_value(v),
            Body::Refused(e) => Err(e),
        }
    }
}

/// Where a reader hands each item; `E` is the caller's error (the CLI's `Failure`).
pub type Emit<'a, E> = dyn FnMut(Item) -> Result<(), E> + 'a;

/// `#h=` followed by the household's compact contract JSON in URL-safe base64 without
/// padding: the fragment of the page's share link (`web/src/share.rs`), which opens the
/// single-household view with its full explanation.
pub fn share_fragment(input: &HouseholdInput) -> String {
    fragment_of(&serde_json::to_string(input).unwrap_or_default())
}

/// [`share_fragment`] of a household's compact JSON text (kept as text, a quarter smaller
/// than its fragment, until a link is shown).
pub fn fragment_of(json: &str) -> String {
    format!("#h={}", base64url(json.as_bytes()))
}

fn base64url(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(ABC[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_without_padding() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(b"foob"), "Zm9vYg");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
    }
}
