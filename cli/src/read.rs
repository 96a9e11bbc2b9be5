//! Reading a whole input, a file or standard input (`-`), for `evaluate` and `explain`.

use std::io::Read;
use std::path::Path;

use doudi_core::InputError;

use crate::failure::unreadable;

/// The whole text of `file`, or of standard input for `-`.
pub fn whole(file: &Path) -> Result<String, InputError> {
    let mut text = String::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().lock().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(file).map(|t| text = t)
    };
    read.map_err(|e| unreadable(file, &e))?;
    // A byte-order mark is not JSON, but editors on Windows write one.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}
