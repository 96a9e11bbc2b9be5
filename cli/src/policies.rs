//! `--policies DIR`: the policies read from a folder at run time instead of the embedded
//! ones, for trying a place before any build. The folder is laid out as `policies/`
//! (`documents/*.toml`, `jurisdictions/*.toml`); its files are read here (the core does no
//! I/O) and handed to `doudi_core::policy::folder`, which makes the bundle `build.rs`
//! makes and loads it with the same checked loader, so the checks and their messages are
//! the embedded policies' own. `combine.toml` is not read: how payments combine stays the
//! built-in table.

use std::path::Path;

use doudi_core::policy::folder::{self, PolicyFile};
use doudi_core::policy::{Policies, PolicyError};
use doudi_core::InputError;

use crate::args::PoliciesArg;
use crate::failure::unreadable;

/// Why a folder's policies cannot be used.
pub enum Refusal {
    /// The folder or one of its files cannot be read.
    Unreadable(InputError),
    /// A file is not TOML, or the policies fail a check: every problem found.
    Invalid(Vec<PolicyError>),
}

/// The policies a subcommand runs on: the folder's, when `--policies DIR` is given, else
/// the embedded ones. A folder that cannot be used is the contract's refusal (exit 2),
/// naming the first problem's file and key.
pub fn get(arg: &PoliciesArg) -> Result<&'static Policies, InputError> {
    let Some(dir) = arg.dir.as_deref() else {
        return doudi_core::embedded_policies();
    };
    load(dir).map_err(|r| match r {
        Refusal::Unreadable(e) => e,
        Refusal::Invalid(errors) => refusal(dir, &errors),
    })
}

/// Reads and checks the folder's policies. Loaded once a run, they live as long as it.
pub fn load(dir: &Path) -> Result<&'static Policies, Refusal> {
    let files = read(dir).map_err(Refusal::Unreadable)?;
    let root = dir.to_string_lossy();
    match folder::load(&root, &files) {
        Ok(p) => Ok(Box::leak(Box::new(p))),
        Err(errors) => Err(Refusal::Invalid(errors)),
    }
}

/// Every `*.toml` of `DIR/documents` and `DIR/jurisdictions`.
fn read(dir: &Path) -> Result<Vec<PolicyFile>, InputError> {
    let mut files = Vec::new();
    for kind in folder::KINDS {
        let sub = dir.join(kind);
        let entries = std::fs::read_dir(&sub).map_err(|e| {
            let name = sub.display();
            InputError::new(
                "",
                format!(
                    "cannot read {name}: {e} (a policy folder holds documents/ and jurisdictions/, laid out as the repository's policies/)"
                ),
                format!("无法读取 {name}：{e}（政策文件夹应含 documents/ 与 jurisdictions/，与仓库的 policies/ 相同）"),
            )
        })?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| unreadable(&sub, &e))?.path();
            if path.extension().is_some_and(|x| x == "toml") {
                paths.push(path);
            }
        }
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).map_err(|e| unreadable(&path, &e))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                unreadable(&path, &std::io::Error::new(std::io::ErrorKind::InvalidData, "not valid UTF-8"))
            })?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            files.push(PolicyFile { kind, name, text });
        }
    }
    Ok(files)
}

/// The contract's refusal of a folder whose policies fail: the first problem in full, and
/// how many more there are.
fn refusal(dir: &Path, errors: &[PolicyError]) -> InputError {
    let dir = dir.display();
    let first = errors.first().map(line).unwrap_or_default();
    let (more, more_zh) = match errors.len() {
        0 | 1 => (String::new(), String::new()),
        n => (
            format!(" (and {} more; `doudi check --policies {dir}` lists them all)", n - 1),
            format!("（另有 {} 处，`doudi check --policies {dir}` 可列出全部）", n - 1),
        ),
    };
    InputError::new(
        "",
        format!("the policies in {dir} cannot be used: {first}{more}"),
        format!("{dir} 中的政策文件有误：{first}{more_zh}"),
    )
}

/// `FILE: KEY: MESSAGE` (`FILE: MESSAGE` when the problem is the whole file).
pub fn line(e: &PolicyError) -> String {
    if e.key.is_empty() {
        format!("{}: {}", e.file, e.message)
    } else {
        e.to_string()
    }
}
