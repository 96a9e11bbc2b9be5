//! The comparison with the ordinary rules is two evaluations side by side: its figures are
//! the assessment's with the place's epidemic measures on, and an assessment's with them
//! off, on every test household and generated ones; its rows are the decisions' findings.

mod support;

use doudi_core::{ordinary, Household, Options};

#[test]
fn the_comparisons_figures_are_two_evaluations() {
    let policies = doudi_core::embedded_policies().unwrap();
    let mut changed = 0;
    let corpus = support::corpus(400);
    for (name, json) in &corpus {
        let Ok(input) = doudi_core::parse_json(json) else { continue };
        let Ok(h) = Household::from_input(input, policies) else { continue };
        let options = Options::default();
        let c = ordinary::compare(&h, policies, options);
        let on = doudi_core::evaluate(&h, policies, options).summary;
        let (off, off_decided) = ordinary::explain_ordinary(&h, policies, options);
        let off = off.summary;
        assert_eq!(off_decided, ordinary::decide_ordinary(&h, policies), "{name}: explained and decided differ");
        for (side, s) in [(&c.epidemic, &on), (&c.ordinary, &off)] {
            assert_eq!(side.ongoing_monthly, s.monthly_total, "{name}");
            assert_eq!(side.ongoing_monthly, s.receive.ongoing_monthly, "{name}");
            assert_eq!(side.fixed_term_total, s.receive.fixed_term_total, "{name}");
            assert_eq!(side.one_off_total, s.one_off_total, "{name}");
            assert_eq!(side.amounts_unknown, s.amounts_unknown, "{name}");
            assert_eq!(side.eligible, s.eligible, "{name}");
        }
        let d = c.difference;
        assert_eq!(d.ongoing_monthly.0, on.monthly_total.0 - off.monthly_total.0, "{name}");
        assert_eq!(d.one_off.0, on.one_off_total.0 - off.one_off_total.0, "{name}");
        assert_eq!(d.fixed_term.0, on.receive.fixed_term_total.0 - off.receive.fixed_term_total.0, "{name}");
        // The rows' differences, where all are known, add up to the household's.
        if c.findings.iter().all(|r| r.difference.is_some()) {
            let sum = |f: fn(&ordinary::Money) -> rust_decimal::Decimal| -> rust_decimal::Decimal {
                c.findings.iter().filter_map(|r| r.difference.as_ref()).map(f).sum()
            };
            assert_eq!(sum(|m| m.ongoing_monthly.0), d.ongoing_monthly.0, "{name}");
            assert_eq!(sum(|m| m.one_off.0), d.one_off.0, "{name}");
            assert_eq!(sum(|m| m.fixed_term.0), d.fixed_term.0, "{name}");
        }
        let decided = doudi_core::decide(&h, policies);
        assert_eq!(c.findings.len(), decided.findings.len(), "{name}");
        for r in &c.findings {
            assert_eq!(r.changed, !r.measures.is_empty(), "{name}: {:?} changed without a measure", r.program);
        }
        if !d.is_zero() {
            changed += 1;
        }
    }
    assert!(changed >= 20, "only {changed} of {} households differ under the ordinary rules", corpus.len());
}

#[test]
fn with_every_measure_off_no_epidemic_programme_is_left() {
    let policies = doudi_core::embedded_policies().unwrap();
    for j in &policies.jurisdictions {
        let o = ordinary::ordinary_place(j, |_| true);
        for m in &j.epidemic {
            use doudi_core::policy::MeasureKind::*;
            match m.kind {
                Programme => assert!(o.programmes.iter().all(|p| p.id.as_str() != m.key), "{}: {}", j.id, m.key),
                Provision => {
                    let (p, k) = m.key.split_once('.').unwrap();
                    assert!(
                        o.programmes.iter().filter(|x| x.id.as_str() == p).all(|x| !x.provisions.contains_key(k)),
                        "{}: {}",
                        j.id,
                        m.key
                    );
                }
                Parameter => assert!(
                    o.parameters[&m.key].values.iter().all(|v| v.source.clause.as_ref().is_none_or(|c| !m.clauses.contains(c))),
                    "{}: {}",
                    j.id,
                    m.key
                ),
                Group => assert!(o.programmes.iter().all(|p| !p.groups.contains(&m.key)), "{}: {}", j.id, m.key),
            }
        }
    }
}
