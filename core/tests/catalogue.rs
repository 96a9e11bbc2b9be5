//! The catalogue against the rules: a provision the catalogue says only cites
//! (`Role::Cites`) must change no decision of any corpus household when its place's file
//! leaves it out, and one it says switches part of a rule on (`Role::Switches`) must change
//! at least one, in some place that lists it.

mod support;

use std::collections::BTreeSet;

use doudi_core::catalogue::{self, Role, Scope};
use doudi_core::policy::Policies;
use doudi_core::{decide, embedded_policies, parse_json, Decisions, Household};

/// The corpus households of one place, decided under `policies`.
fn decide_all(policies: &Policies, place: &str, corpus: &[(String, String)]) -> Vec<(String, Decisions)> {
    corpus
        .iter()
        .filter_map(|(name, json)| {
            let input = parse_json(json).ok()?;
            if input.jurisdiction != place {
                return None;
            }
            let h = Household::from_input(input, policies).ok()?;
            Some((name.clone(), decide(&h, policies)))
        })
        .collect()
}

fn without(policies: &Policies, place: usize, programme: usize, key: &str) -> Policies {
    let mut p = policies.clone();
    p.jurisdictions[place].programmes[programme].provisions.remove(key);
    p
}

#[test]
fn each_provision_does_what_the_catalogue_says() {
    let policies = embedded_policies().unwrap();
    let corpus = support::corpus(1000);
    let mut switched: BTreeSet<(String, &'static str)> = BTreeSet::new();
    let mut wrong = Vec::new();
    let mut listed_switches: BTreeSet<(String, &'static str)> = BTreeSet::new();
    for (ji, j) in policies.jurisdictions.iter().enumerate() {
        let base = decide_all(policies, &j.id, &corpus);
        assert!(base.len() > 20, "{}: only {} corpus households", j.id, base.len());
        for (pi, p) in j.programmes.iter().enumerate() {
            let entry = catalogue::get(p.id);
            for key in p.provisions.keys() {
                let prov = entry.provision(key).expect("the loader admits only catalogued provisions");
                let changed = without(policies, ji, pi, key);
                let after = decide_all(&changed, &j.id, &corpus);
                let differs = base.iter().zip(&after).find(|((_, a), (_, b))| a != b);
                match prov.role {
                    Role::Cites => {
                        if let Some(((name, a), (_, b))) = differs {
                            let (x, y) = a.findings.iter().zip(&b.findings).find(|(x, y)| x != y).unwrap();
                            wrong.push(format!(
                                "{}: {}.{key} is catalogued as only citing, but leaving it out changes the decisions of {name}: {x:?} became {y:?}",
                                j.id,
                                p.id.as_str()
                            ));
                        }
                    }
                    Role::Switches => {
                        listed_switches.insert((p.id.as_str().to_string(), prov.key));
                        if differs.is_some() {
                            switched.insert((p.id.as_str().to_string(), prov.key));
                        }
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    let idle: Vec<_> = listed_switches.difference(&switched).collect();
    assert!(idle.is_empty(), "catalogued as switching, but no corpus household of any place that lists them is decided differently without them: {idle:?}");
}

#[test]
fn each_programme_is_decided_for_whom_the_catalogue_says() {
    // One finding for a household programme, one per member for a per-person one.
    let policies = embedded_policies().unwrap();
    let mut seen = 0;
    for (name, json) in support::corpus(300) {
        let Ok(input) = parse_json(&json) else { continue };
        let Ok(h) = Household::from_input(input, policies) else { continue };
        let d = decide(&h, policies);
        for p in &catalogue::CATALOGUE {
            let n = d.findings.iter().filter(|f| f.program == p.id).count();
            if n == 0 {
                continue;
            }
            let want = match p.scope {
                Scope::Household => 1,
                Scope::Member => h.members.len(),
            };
            assert_eq!(n, want, "{name}: {} is decided per {:?}", p.id.as_str(), p.scope);
            seen += usize::from(h.members.len() > 1);
        }
    }
    assert!(seen > 100, "too few households of two or more members: {seen}");
}

/// Every provision a programme declares has its slot in a place's lookups, so that none is
/// looked up afresh for each household of a batch.
#[test]
fn every_programme_declares_no_more_provisions_than_the_lookups_keep() {
    for p in catalogue::CATALOGUE.iter() {
        assert!(
            p.provisions.len() <= doudi_core::engine::MAX_PROVISIONS,
            "{} declares {} provisions; MAX_PROVISIONS is {}",
            p.id.as_str(),
            p.provisions.len(),
            doudi_core::engine::MAX_PROVISIONS
        );
    }
    assert!(catalogue::get(doudi_core::ProgrammeId::Dibao).provisions.len() > 8);
}
