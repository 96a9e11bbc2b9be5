//! The policy files (TOML) as the one JSON bundle the loaders read: shared by `build.rs`,
//! which embeds `policies/` (included there with `#[path]`), and by
//! [`crate::policy::folder`], which reads a folder at run time (`doudi … --policies DIR`),
//! so that both make the same bundle, byte for byte, from the same files.
//!
//! Pure: text in, JSON out. Depends on `toml` and `serde_json` only (no `crate::` paths),
//! so that the build script can include it.

/// The kinds of policy file, each a folder of `*.toml` files: the bundle's two keys.
pub const KINDS: [&str; 2] = ["documents", "jurisdictions"];

/// A file that is not valid TOML: the line and column (1-based) and the parser's message.
#[derive(Debug)]
pub struct TomlError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The bundle's name of a file: `policies/KIND/FILE`, whichever folder it was read from.
pub fn bundle_name(kind: &str, file_name: &str) -> String {
    format!("policies/{kind}/{file_name}")
}

/// One file's TOML text as JSON.
pub fn file_json(text: &str) -> Result<serde_json::Value, TomlError> {
    match toml::from_str::<toml::Value>(text) {
        Ok(value) => Ok(to_json(value)),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start).min(text.len());
            let before = text.get(..at).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(TomlError { line, column, message: e.message().trim().to_string() })
        }
    }
}

/// The bundle as JSON: kind → file name → file.
pub type Bundle = serde_json::Map<String, serde_json::Value>;

/// A file of the bundle that is not TOML: its kind, its file name and why.
pub type FileError = (String, String, TomlError);

/// The bundle: `{"documents": {name: file}, "jurisdictions": {name: file}}`, each file
/// under its [`bundle_name`], in the order of the names. `files` holds (kind, file name,
/// text); the errors are (kind, file name, the file's error).
pub fn bundle(files: &[(&str, String, String)]) -> Result<Bundle, Vec<FileError>> {
    let mut out = serde_json::Map::new();
    let mut errors = Vec::new();
    for kind in KINDS {
        let mut of_kind: Vec<&(&str, String, String)> = files.iter().filter(|(k, _, _)| *k == kind).collect();
        of_kind.sort_by(|a, b| a.1.cmp(&b.1));
        let mut map = serde_json::Map::new();
        for (_, name, text) in of_kind {
            match file_json(text) {
                Ok(v) => {
                    map.insert(bundle_name(kind, name), v);
                }
                Err(e) => errors.push((kind.to_string(), name.clone(), e)),
            }
        }
        out.insert(kind.to_string(), serde_json::Value::Object(map));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The policy version of a bundle's JSON: FNV-1a over its bytes, the upper 32 bits in hex.
pub fn version(json: &str) -> String {
    let hash = json.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3));
    format!("{:08x}", hash >> 32)
}

/// TOML → JSON; dates become `YYYY-MM-DD` strings.
pub fn to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => serde_json::Number::from_f64(f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(to_json).collect()),
        toml::Value::Table(t) => J::Object(t.into_iter().map(|(k, v)| (k, to_json(v))).collect()),
    }
}
