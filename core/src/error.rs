//! Refusals of bad input. A household is refused whole, never half-computed: the
//! error names the field's path (`members[1].age`) and says what is wrong, plainly,
//! in English (`message`) and Chinese (`message_zh`).

use serde::Serialize;

/// Why an input was refused. Serialized by the CLI as `{"error": {…}}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InputError {
    /// Where: `members[1].age`, `parameters.dibao.standard.urban`, `` (the whole input).
    pub path: String,
    /// What is wrong, in English.
    pub message: String,
    /// What is wrong, in Chinese (for the page).
    pub message_zh: String,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>, message_zh: impl Into<String>) -> InputError {
        InputError { path: path.into(), message: message.into(), message_zh: message_zh.into() }
    }

    /// From a structural (serde) error, with the path serde_path_to_error found.
    pub(crate) fn from_serde(path: String, err: &str) -> InputError {
        let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
        let (path, zh) = if let Some(rest) = err.strip_prefix("unknown field ") {
            let field = quoted(rest);
            // serde_path_to_error already ends the path with the unknown key.
            let full = if path.ends_with(&field) { path.clone() } else { join(&path, &field) };
            (full, format!("不认识的字段“{field}”（可能是拼写错误）"))
        } else if let Some(rest) = err.strip_prefix("unknown variant ") {
            let options = rest.split("expected ").nth(1).unwrap_or("").replace('`', "");
            (path, format!("“{}”不是允许的取值，可选：{options}", quoted(rest)))
        } else if let Some(rest) = err.strip_prefix("missing field ") {
            let field = quoted(rest);
            (join(&path, &field), format!("缺少必填项“{field}”"))
        } else if err.contains("is not an amount") || err.contains("an amount in yuan") {
            (path, "请填写金额（数字，例如 1010 或 1010.5）".to_string())
        } else if err.starts_with("invalid type") {
            (path, format!("类型不对：{}", err.replace("invalid type: ", "")))
        } else if err.starts_with("invalid length") || err.starts_with("invalid value") {
            (path, format!("取值不对：{err}"))
        } else {
            (path, format!("输入有误：{err}"))
        };
        let path = if path == "." { String::new() } else { path };
        InputError { path, message: strip_position(err), message_zh: strip_position(&zh) }
    }
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for InputError {}

fn join(path: &str, field: &str) -> String {
    if path.is_empty() || path == "." {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

/// serde_json appends " at line 1 column 23"; the path already says where.
fn strip_position(err: &str) -> String {
    match err.rfind(" at line ") {
        Some(i) if err[i..].contains(" column ") => err[..i].to_string(),
        _ => err.to_string(),
    }
}
