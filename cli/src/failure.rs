//! How a subcommand fails, and how a failure is reported: as the contract's
//! `{"error": {"path", "message", "message_zh"}}` on stderr, whatever went wrong.

use std::io;
use std::path::Path;

use doudi_core::InputError;
use serde::Serialize;

/// Why a subcommand did not finish with exit code 0.
#[derive(Debug)]
pub enum Failure {
    /// Bad input, or an input that cannot be read: reported, exit 2.
    Input(InputError),
    /// The output cannot be written: reported (unless the pipe was closed), exit 2.
    Output(io::Error),
    /// The subcommand ran and has already reported what it found (`doudi check`): exit 1.
    Found,
}

impl Failure {
    /// Writes the failure to stderr in the contract's error shape.
    pub fn report(&self) {
        let error = match self {
            Failure::Input(e) => e.clone(),
            Failure::Output(e) => {
                InputError::new("", format!("cannot write the output: {e}"), format!("无法写出结果：{e}"))
            }
            Failure::Found => return,
        };
        eprintln!("{}", error_json(&error));
    }
}

impl From<InputError> for Failure {
    fn from(e: InputError) -> Failure {
        Failure::Input(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Output(e)
    }
}

impl From<serde_json::Error> for Failure {
    fn from(e: serde_json::Error) -> Failure {
        Failure::Output(e.into())
    }
}

/// `{"error":{"path":…,"message":…,"message_zh":…}}` on one line, fields in that order.
pub fn error_json(error: &InputError) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        error: &'a InputError,
    }
    serde_json::to_string(&Doc { error }).unwrap_or_default()
}

/// An input file that cannot be opened or read, as a refusal of the whole input (path "").
pub fn unreadable(file: &Path, e: &io::Error) -> InputError {
    let name = display_name(file);
    InputError::new("", format!("cannot read {name}: {e}"), format!("无法读取 {name}：{e}"))
}

/// `standard input` for `-`, else the path as given.
pub fn display_name(file: &Path) -> String {
    if file.as_os_str() == "-" {
        "standard input".into()
    } else {
        file.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_json_keeps_the_contract_order() {
        let e = InputError::new("members[0].age", "must be a whole number from 0 to 130", "年龄应为 0 到 130 的整数");
        assert_eq!(
            error_json(&e),
            r#"{"error":{"path":"members[0].age","message":"must be a whole number from 0 to 130","message_zh":"年龄应为 0 到 130 的整数"}}"#
        );
    }

    #[test]
    fn an_unreadable_file_is_a_refusal_of_the_whole_input() {
        let e = unreadable(Path::new("nope.json"), &io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(e.path, "");
        assert!(e.message.starts_with("cannot read nope.json"), "{}", e.message);
    }
}
