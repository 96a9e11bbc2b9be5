//! Policies from files read at run time (`doudi … --policies DIR`), for trying a place
//! before any build: the caller reads a folder laid out as `policies/` (`documents/*.toml`,
//! `jurisdictions/*.toml`) and hands over the texts; they become the same JSON bundle
//! `build.rs` embeds ([`super::bundle_gen`]) and are loaded by the same checked loader
//! ([`Policies::from_bundle`]), so every check and message is the embedded policies' own.
//! No I/O here. `policies/combine.toml` is not read: how payments combine stays the
//! built-in table.

use super::bundle_gen;
use super::{Policies, PolicyError};

pub use bundle_gen::KINDS;

/// One policy file as read: its kind (`documents` or `jurisdictions`, its folder), its file
/// name (`tianjin.toml`) and its text.
#[derive(Clone, Debug)]
pub struct PolicyFile {
    pub kind: &'static str,
    pub name: String,
    pub text: String,
}

/// The bundle of `files` as `build.rs` writes it, and its policy version. The version
/// depends on the files' names and contents only, not on the folder they were read from:
/// a copy of `policies/` has the embedded policies' version. A file that is not TOML is an
/// error naming `root/KIND/NAME` and the line.
pub fn bundle(root: &str, files: &[PolicyFile]) -> Result<(String, String), Vec<PolicyError>> {
    let files: Vec<(&str, String, String)> = files.iter().map(|f| (f.kind, f.name.clone(), f.text.clone())).collect();
    match bundle_gen::bundle(&files) {
        Ok(map) => {
            let json = serde_json::Value::Object(map).to_string();
            let version = bundle_gen::version(&json);
            Ok((json, version))
        }
        Err(errs) => Err(errs
            .into_iter()
            .map(|(kind, name, e)| PolicyError {
                file: shown(root, &kind, &name),
                key: format!("line {}, column {}", e.line, e.column),
                message: format!("not valid TOML: {}", e.message),
            })
            .collect()),
    }
}

/// Loads and checks `files` (read from the folder `root`, as the user named it): every
/// problem with the file (`root/KIND/NAME`), the key and a plain message.
pub fn load(root: &str, files: &[PolicyFile]) -> Result<Policies, Vec<PolicyError>> {
    if !files.iter().any(|f| f.kind == "jurisdictions") {
        // Most likely the wrong folder: say so rather than load no place at all.
        return Err(vec![PolicyError {
            file: format!("{}/jurisdictions", shown_root(root)),
            key: String::new(),
            message: "no jurisdiction file (*.toml): a policy folder holds at least one place".into(),
        }]);
    }
    let (json, version) = bundle(root, files)?;
    Policies::from_bundle(&json, &version).map_err(|errs| {
        errs.into_iter()
            .map(|mut e| {
                if let Some((kind, name)) = e.file.strip_prefix("policies/").and_then(|rest| rest.split_once('/')) {
                    e.file = shown(root, kind, name);
                }
                e
            })
            .collect()
    })
}

/// `root/KIND/NAME`.
fn shown(root: &str, kind: &str, name: &str) -> String {
    format!("{}/{kind}/{name}", shown_root(root))
}

/// The folder as named, without a trailing `/` (`.` for none).
fn shown_root(root: &str) -> &str {
    match root.trim_end_matches('/') {
        "" if root.starts_with('/') => "",
        "" => ".",
        r => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_toml_is_named_with_its_line() {
        let files = [PolicyFile { kind: "jurisdictions", name: "x.toml".into(), text: "id = \"x\"\nname = \n".into() }];
        let errs = load("some/dir/", &files).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].file, "some/dir/jurisdictions/x.toml");
        assert_eq!(errs[0].key, "line 2, column 8");
        assert!(errs[0].message.starts_with("not valid TOML: "), "{}", errs[0].message);
    }

    #[test]
    fn a_folder_with_no_place_is_refused() {
        let errs = load("dir/", &[]).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].file, "dir/jurisdictions");
        assert!(errs[0].message.starts_with("no jurisdiction file"), "{}", errs[0].message);
    }

    #[test]
    fn a_failed_check_names_the_file_in_its_folder() {
        let text = "id = \"x\"\nname = \"X\"\nname_en = \"X\"\nextends = \"nowhere\"\n";
        let files = [PolicyFile { kind: "jurisdictions", name: "x.toml".into(), text: text.into() }];
        let errs = load("dir", &files).unwrap_err();
        let e = errs.iter().find(|e| e.key == "extends").unwrap_or_else(|| panic!("{errs:?}"));
        assert_eq!(e.file, "dir/jurisdictions/x.toml");
        assert_eq!(e.message, "no jurisdiction \"nowhere\" to extend");
    }
}
