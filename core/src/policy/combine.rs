//! How programmes combine into what a household receives (`policies/combine.toml`): how
//! each programme pays (ongoing, fixed-term, one-off) and the rules that keep two findings
//! from both being paid (a replacement, an alternative), each with its clause or outside
//! source. Checked and turned into a static table at build time (`combine_gen.rs`), so no
//! loader parses it and a mistake fails `cargo build`.

use serde::Serialize;

use super::Confidence;
use crate::ids::ProgrammeId;

/// How a programme pays.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    /// Every month while the conditions hold.
    Ongoing,
    /// A monthly amount for a set number of months.
    FixedTerm,
    /// Paid once.
    OneOff,
    /// Pays no money (a referral).
    #[default]
    None,
}

/// A combination rule's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RuleKind {
    /// `keep` is paid instead of `set_aside` for the same person.
    Replaces,
    /// Two routes to the same help: the higher monthly amount is paid.
    Alternative,
}

/// One combination rule.
#[derive(Clone, Debug)]
pub struct Rule {
    pub id: &'static str,
    pub kind: RuleKind,
    /// For `replaces`: the programme kept. For `alternative`: the first route.
    pub keep: ProgrammeId,
    /// For `replaces`: the programmes set aside. For `alternative`: the other route.
    pub set_aside: &'static [ProgrammeId],
    pub text: &'static str,
    pub text_en: &'static str,
    /// The clause the rule rests on (`002:1.0.2`), cited where the place's documents hold it.
    pub clause: Option<&'static str>,
    /// Or an outside source, with how far to trust it.
    pub source: Option<&'static str>,
    pub confidence: Confidence,
}

include!(concat!(env!("OUT_DIR"), "/combine.rs"));

/// How a programme pays.
pub fn payment(p: ProgrammeId) -> Payment {
    PAYMENTS.iter().find(|(q, _)| *q == p).map_or(Payment::None, |(_, k)| *k)
}

/// The combination rules, in the order applied.
pub fn rules() -> &'static [Rule] {
    RULES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_programme_has_a_payment_kind_and_every_rule_its_grounds() {
        for p in ProgrammeId::ALL {
            assert!(PAYMENTS.iter().any(|(q, _)| *q == p), "{p:?} has no payment kind in policies/combine.toml");
        }
        for r in RULES {
            assert!(r.clause.is_some() || r.source.is_some(), "{}", r.id);
        }
    }
}
