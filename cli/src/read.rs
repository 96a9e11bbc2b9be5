//! Reading a whole input, a file or standard input (`-`), for `evaluate` and `explain`.

use std::io::Read;
use std::path::Path;

use doudi_core::InputError;

use crate::failure::unreadable;

/// The whole text of `file`, or of standard input for `-`. At most one byte more than the
/// contract's limit is read (`MAX_INPUT_BYTES`): a larger input is refused by the core's size
/// check without the rest of it ever being held in memory.
pub fn whole(file: &Path) -> Result<String, InputError> {
    let limit = doudi_core::input::MAX_INPUT_BYTES as u64 + 1 + 3; // + a byte-order mark
    let mut bytes = Vec::new();
    let read = if file.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit).read_to_end(&mut bytes)).map(|_| ())
    };
    read.map_err(|e| unreadable(file, &e))?;
    if bytes.len() as u64 >= limit {
        let max = doudi_core::input::MAX_INPUT_BYTES;
        return Err(InputError::new(
            "",
            format!("the household is over {max} bytes long; at most {max} bytes (256 KiB) are accepted"),
            format!("输入过长（超过 {max} 字节），最多接受 {max} 字节（256 KiB）"),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|_| {
        unreadable(file, &std::io::Error::new(std::io::ErrorKind::InvalidData, "stream did not contain valid UTF-8"))
    })?;
    // A byte-order mark is not JSON, but editors on Windows write one.
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}
