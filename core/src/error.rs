//! Refusals of bad input. A household is refused whole, never half-computed: the
//! error names the field's path (`members[1].age`) and says what is wrong, plainly,
//! in English (`message`) and Chinese (`message_zh`).
//!
//! A message quotes at most [`QUOTE_CHARS`] characters of a bad value (then `…`), and a path
//! at most as many of each of its parts, so that a refusal stays short whatever it refuses.

use std::borrow::Cow;

use serde::Serialize;

/// The most characters of a bad value (or key) a message or path quotes.
pub const QUOTE_CHARS: usize = 64;

/// `s` as a message may quote it: its first [`QUOTE_CHARS`] characters and `…` if longer.
pub fn clip(s: &str) -> Cow<'_, str> {
    match s.char_indices().nth(QUOTE_CHARS) {
        None => Cow::Borrowed(s),
        Some((i, _)) => Cow::Owned(format!("{}…", &s[..i])),
    }
}

/// A path with each dot-separated part [`clip`]ped (an unknown key can be any length, and
/// hold dots), and the whole at most three times [`QUOTE_CHARS`] characters, then `…`.
pub fn clip_path(path: &str) -> Cow<'_, str> {
    if path.len() <= QUOTE_CHARS {
        return Cow::Borrowed(path);
    }
    let parts = path.split('.').map(clip).collect::<Vec<_>>().join(".");
    match parts.char_indices().nth(3 * QUOTE_CHARS) {
        None => Cow::Owned(parts),
        Some((i, _)) => Cow::Owned(format!("{}…", &parts[..i])),
    }
}

/// The most characters of a path or message: past [`clip`] and [`clip_path`], a last bound
/// that no refusal reaches (the longest, an unknown field of a member, is about 560).
pub const MAX_TEXT_CHARS: usize = 1000;

fn bounded(s: String) -> String {
    if s.len() <= MAX_TEXT_CHARS {
        return s;
    }
    match s.char_indices().nth(MAX_TEXT_CHARS) {
        None => s,
        Some((i, _)) => format!("{}…", &s[..i]),
    }
}

/// serde's message with every quoted value in it (`…` in backticks, or "…" as serde's
/// `Unexpected::Str` writes it, escapes included) [`clip`]ped.
fn clip_quoted(msg: &str) -> Cow<'_, str> {
    if msg.len() <= 2 * QUOTE_CHARS {
        return Cow::Borrowed(msg);
    }
    let mut out = String::with_capacity(msg.len().min(1024));
    let mut rest = msg;
    while let Some(open) = rest.find(['`', '"']) {
        let quote = rest.as_bytes()[open];
        out.push_str(&rest[..=open]);
        let inside = &rest[open + 1..];
        // The closing quote: the next one, not escaped by a backslash inside "…".
        let mut close = None;
        let mut escaped = false;
        for (i, c) in inside.char_indices() {
            match c {
                '\\' if quote == b'"' && !escaped => escaped = true,
                c if c as u32 == u32::from(quote) && !escaped => {
                    close = Some(i);
                    break;
                }
                _ => escaped = false,
            }
        }
        let Some(close) = close else {
            out.push_str(&clip(inside));
            return Cow::Owned(out);
        };
        out.push_str(&clip(&inside[..close]));
        out.push(char::from(quote));
        rest = &inside[close + 1..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

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
    /// A refusal; each text is cut after [`MAX_TEXT_CHARS`] characters, whatever made it.
    pub fn new(path: impl Into<String>, message: impl Into<String>, message_zh: impl Into<String>) -> InputError {
        InputError {
            path: bounded(path.into()),
            message: bounded(message.into()),
            message_zh: bounded(message_zh.into()),
        }
    }

    /// From a structural (serde) error, with the path serde_path_to_error found.
    pub(crate) fn from_serde(path: String, err: &str) -> InputError {
        // Paths are worked out on serde's own words, then clipped with the message.
        let raw = strip_position(err);
        let keyed = quoted_key(&raw);
        let err = &*match keyed {
            // The key as serde quotes it may hold backticks and quotes of its own.
            Some((prefix, key, tail)) => Cow::Owned(format!("{prefix}`{}`{tail}", clip(key))),
            None => clip_quoted(&raw),
        };
        let (path, zh) = match keyed {
            Some(("unknown field ", field, _)) => {
                // serde_path_to_error already ends the path with the unknown key.
                let full = if path.ends_with(field) { path.clone() } else { join(&path, field) };
                (full, format!("不认识的字段“{}”（可能是拼写错误）", clip(field)))
            }
            Some(("unknown variant ", word, tail)) => {
                let options = tail.strip_prefix(", expected ").unwrap_or("").replace('`', "");
                (path, format!("“{}”不是允许的取值，可选：{options}", clip(word)))
            }
            Some(("duplicate field ", field, _)) => {
                (join(&path, field), format!("“{}”出现了两次（同一处的键只能写一次）", clip(field)))
            }
            Some((_, field, _)) => (join(&path, field), format!("缺少必填项“{}”", clip(field))),
            None => Self::zh_of(path, err),
        };
        let path = if path == "." { String::new() } else { clip_path(&path).into_owned() };
        InputError::new(path, err, zh)
    }

    /// The Chinese of a serde message that quotes no key.
    fn zh_of(path: String, err: &str) -> (String, String) {
        if err == crate::input::TOO_MANY_MEMBERS {
            (path, format!("家庭成员最多 {} 人", crate::household::MAX_MEMBERS))
        } else if err == crate::input::TOO_MANY_PARAMETERS {
            (path, format!("参数最多 {} 个（没有哪个地区的参数比这更多）", crate::input::MAX_PARAMETERS))
        } else if err == crate::money::TOO_LARGE {
            (path, crate::money::TOO_LARGE_ZH.to_string())
        } else if err == crate::money::TOO_PRECISE {
            (path, crate::money::TOO_PRECISE_ZH.to_string())
        } else if err.contains("is not an amount") || err.contains("an amount in yuan") {
            (path, "请填写金额（数字，例如 1010 或 1010.5）".to_string())
        } else if err.starts_with("invalid type") {
            (path, format!("类型不对：{}", err.replace("invalid type: ", "")))
        } else if err.starts_with("invalid length") || err.starts_with("invalid value") {
            (path, format!("取值不对：{err}"))
        } else {
            (path, format!("输入有误：{err}"))
        }
    }
}

/// serde's messages that quote a key or word first: `unknown field `KEY`, expected …`,
/// `unknown variant `WORD`, expected …`, `duplicate field `KEY``, `missing field `KEY``, as
/// (the words before it, the key, the words after it). The key ends at the last "`, expected"
/// (or the last backtick), so that a key holding backticks is read whole.
fn quoted_key(raw: &str) -> Option<(&'static str, &str, &str)> {
    ["unknown field ", "unknown variant ", "duplicate field ", "missing field "].into_iter().find_map(|prefix| {
        let rest = raw.strip_prefix(prefix)?.strip_prefix('`')?;
        let end = match prefix {
            "unknown field " | "unknown variant " => rest.rfind("`, expected").or_else(|| rest.rfind('`'))?,
            _ => rest.rfind('`')?,
        };
        Some((prefix, &rest[..end], &rest[end + 1..]))
    })
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
