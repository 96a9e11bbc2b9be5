//! The embedded policies load and pass every consistency check, and every clause of the
//! five documents is either cited by a rule or marked procedural.

use doudi_core::policy::{self, Policies};

#[test]
fn embedded_policies_are_consistent() {
    match policy::embedded() {
        Ok(p) => {
            // Every place file that is not abstract is a place: a new file adds one, with no
            // count to change here.
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies/jurisdictions");
            let mut files: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .filter_map(|e| {
                    let text = std::fs::read_to_string(e.ok()?.path()).ok()?;
                    let t: toml::Table = toml::from_str(&text).ok()?;
                    (t.get("abstract").and_then(|a| a.as_bool()) != Some(true))
                        .then(|| t.get("id")?.as_str().map(str::to_string))
                        .flatten()
                })
                .collect();
            files.sort();
            let mut ids: Vec<String> = p.jurisdictions.iter().map(|j| j.id.clone()).collect();
            ids.sort();
            assert_eq!(ids, files, "one place per policy file");
        }
        Err(errs) => {
            let list: Vec<String> = errs.iter().map(|e| e.to_string()).collect();
            panic!("policy errors:\n{}", list.join("\n"));
        }
    }
}

#[test]
fn every_clause_is_cited_or_procedural() {
    let p = policy::embedded().expect("consistent");
    let report = doudi_core::params::coverage(p);
    let uncited: Vec<String> =
        report.iter().flat_map(|j| j.uncited.iter().map(move |c| format!("{}: {c}", j.jurisdiction))).collect();
    assert!(uncited.is_empty(), "clauses neither cited nor procedural:\n{}", uncited.join("\n"));
}

fn bundle_with(jur_path: &str, jur_toml: &str) -> String {
    let mut bundle: serde_json::Value = serde_json::from_str(policy::SOURCE).unwrap();
    let value: toml::Value = toml::from_str(jur_toml).unwrap();
    bundle["jurisdictions"][jur_path] = serde_json::to_value(value).unwrap();
    bundle.to_string()
}

fn errors_for(toml: &str) -> Vec<String> {
    match Policies::from_bundle(&bundle_with("policies/jurisdictions/broken.toml", toml), "test") {
        Ok(_) => Vec::new(),
        Err(e) => e.iter().map(|e| e.to_string()).collect(),
    }
}

const HEAD: &str = "id = \"broken\"\nname = \"x\"\nname_en = \"x\"\nextends = \"national\"\ndocuments = [\"000\"]\n";
const EPIDEMIC: &str = "[parameters.\"epidemic.start\"]\nlabel = \"x\"\nlabel_en = \"x\"\nunit = \"date\"\nvalues = [{ from = \"2020-01-01\", value = \"2020-01-24\", source = \"s\", confidence = \"high\" }]\n";

fn has(errs: &[String], file_key_msg: &[&str]) -> bool {
    errs.iter().any(|e| file_key_msg.iter().all(|part| e.contains(part)))
}

#[test]
fn an_unknown_programme_is_refused_with_file_and_key() {
    let errs = errors_for(&format!("{HEAD}[programmes.dibaoo.provisions]\ngap = [\"000:2.5.4\"]\n{EPIDEMIC}"));
    assert!(has(&errs, &["policies/jurisdictions/broken.toml", "programmes.dibaoo", "unknown programme"]), "{errs:?}");
}

#[test]
fn a_citation_of_a_missing_clause_is_refused() {
    let errs = errors_for(&format!("{HEAD}[programmes.dibao.provisions]\ngap = [\"000:9.9.9\"]\n{EPIDEMIC}"));
    assert!(has(&errs, &["broken.toml", "programmes.dibao.provisions.gap[0]", "no clause \"9.9.9\""]), "{errs:?}");
}

#[test]
fn a_citation_of_another_places_document_is_refused() {
    let errs = errors_for(&format!("{HEAD}[programmes.dibao.provisions]\ngap = [\"001:1.1.2\"]\n{EPIDEMIC}"));
    assert!(has(&errs, &["broken.toml", "not one of this jurisdiction's documents"]), "{errs:?}");
}

#[test]
fn a_parameter_without_a_source_is_refused() {
    let toml = format!(
        "{HEAD}[programmes.care_referral.provisions]\nhotline = [\"000:2.5.1\"]\n{EPIDEMIC}[parameters.\"work_cost.amount\"]\nlabel = \"x\"\nlabel_en = \"x\"\nunit = \"yuan_per_month\"\nvalues = [{{ from = \"2020-01-01\", value = 500 }}]\n"
    );
    let errs = errors_for(&toml);
    assert!(has(&errs, &["broken.toml", "parameters.\"work_cost.amount\".values[0]", "needs a source"]), "{errs:?}");
}

#[test]
fn overlapping_dates_are_refused() {
    let toml = format!(
        "{HEAD}[programmes.care_referral.provisions]\nhotline = [\"000:2.5.1\"]\n{EPIDEMIC}[parameters.\"work_cost.amount\"]\nlabel = \"x\"\nlabel_en = \"x\"\nunit = \"yuan_per_month\"\nvalues = [{{ from = \"2020-03-01\", value = 500, clause = \"000:2.5.4\" }}, {{ from = \"2020-02-01\", value = 400, clause = \"000:2.5.4\" }}]\n"
    );
    let errs = errors_for(&toml);
    assert!(has(&errs, &["broken.toml", "values[1].from", "overlap"]), "{errs:?}");
}

#[test]
fn an_unknown_parameter_and_an_unknown_key_are_refused() {
    let toml = format!("{HEAD}[programmes.care_referral.provisions]\nhotline = [\"000:2.5.1\"]\n{EPIDEMIC}[parameters.\"dibao.standard.urbam\"]\nlabel = \"x\"\nlabel_en = \"x\"\nunit = \"yuan\"\nunknown = \"?\"\n");
    let errs = errors_for(&toml);
    assert!(has(&errs, &["broken.toml", "dibao.standard.urbam", "unknown parameter"]), "{errs:?}");
    let errs = errors_for(&format!("{HEAD}colour = \"red\"\n"));
    assert!(has(&errs, &["broken.toml", "unknown field `colour`"]), "{errs:?}");
}

#[test]
fn a_provision_whose_parameter_is_undeclared_is_refused() {
    let toml = format!("id = \"broken\"\nname = \"x\"\nname_en = \"x\"\nextends = \"national\"\ndocuments = [\"004\"]\n[programmes.dibao.provisions]\nwork_cost_min_wage = [\"004:1.3.2\"]\n{EPIDEMIC}");
    let errs = errors_for(&toml);
    assert!(has(&errs, &["broken.toml", "programmes.dibao", "minimum_wage.monthly"]), "{errs:?}");
}

#[test]
fn an_epidemic_measure_must_name_what_the_place_has() {
    let toml = format!(
        "{HEAD}[programmes.dibao.provisions]\ngap = [\"000:2.5.4\"]\n[epidemic.programmes]\ntekun = [\"000:2.5.5\"]\n[epidemic.provisions]\n\"dibao.exit_suspended\" = [\"000:2.5.4\"]\n\"dibao.gap\" = []\n\"dibao.work_cost_fixed\" = [\"000:9.9.9\"]\n[epidemic.parameters]\n\"epidemic.start\" = [\"000:2.5.4\"]\n[epidemic.groups]\norphan = [\"000:2.7.2\"]\n{EPIDEMIC}"
    );
    let errs = errors_for(&toml);
    for want in [
        &["broken.toml", "epidemic.programmes.\"tekun\"", "not a programme of this jurisdiction"][..],
        &["epidemic.provisions.\"dibao.exit_suspended\"", "lists no provision \"exit_suspended\""],
        &["epidemic.provisions.\"dibao.gap\"", "at least one clause"],
        &["epidemic.provisions.\"dibao.work_cost_fixed\"[0]", "no clause \"9.9.9\""],
        &["epidemic.parameters.\"epidemic.start\"", "no value of \"epidemic.start\" is set by clause 000:2.5.4"],
        &["epidemic.groups.\"orphan\"", "not one of this jurisdiction's price-subsidy groups"],
    ] {
        assert!(has(&errs, want), "{want:?} not in {errs:?}");
    }
    let errs = errors_for(&format!("{HEAD}[epidemic]\nprovision = {{}}\n{EPIDEMIC}"));
    assert!(has(&errs, &["broken.toml", "unknown field `provision`"]), "{errs:?}");
}

#[test]
fn every_place_marks_its_epidemic_measures_with_clauses_of_its_own_documents() {
    let p = doudi_core::embedded_policies().unwrap();
    for j in &p.jurisdictions {
        assert!(!j.epidemic.is_empty(), "{} marks no epidemic measure", j.id);
        for m in &j.epidemic {
            assert!(!m.clauses.is_empty(), "{}: {}", j.id, m.key);
            assert!(m.clauses.iter().all(|c| j.documents.contains(&c.document)), "{}: {}", j.id, m.key);
        }
    }
}

/// The site quotes clauses from `clauses.js`, which `policies/tools/clauses_js.py` writes
/// from the same files: it must hold exactly the words the embedded policies hold.
#[test]
fn the_sites_clause_words_are_the_embedded_ones() {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../policies/tools/clauses_js.py");
    let out = std::process::Command::new("python3").arg(script).output().expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let json = &text[text.find('{').unwrap()..=text.rfind('}').unwrap()];
    let words: std::collections::BTreeMap<String, String> = serde_json::from_str(json).unwrap();
    let p = policy::embedded().unwrap();
    let mut embedded = std::collections::BTreeMap::new();
    for d in &p.documents {
        for c in &d.clauses {
            embedded.insert(format!("{}:{}", d.id, c.id), c.text.clone());
        }
    }
    assert_eq!(words.len(), embedded.len());
    assert!(words == embedded, "clauses.js and the embedded policies differ");
}
