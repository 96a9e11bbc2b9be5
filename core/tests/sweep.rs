//! The sweep behind the page's chart and the JS API's `sweep`.

use doudi_core::{parse_json, sweep, SweepRange};
use rust_decimal::Decimal;

fn tianjin_three() -> doudi_core::HouseholdInput {
    parse_json(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":45,"monthly_income":1500},{"age":40},{"age":12}]}"#).unwrap()
}

#[test]
fn dibao_falls_as_the_first_members_income_rises_and_ends_at_the_line() {
    let points = sweep(tianjin_three(), SweepRange { from: Decimal::ZERO, to: Decimal::from(3030), steps: 3 }).unwrap();
    let incomes: Vec<String> = points.iter().map(|p| p.income.to_string()).collect();
    assert_eq!(incomes, ["0.00", "1010.00", "2020.00", "3030.00"]);
    let totals: Vec<String> = points.iter().map(|p| p.monthly_total.to_string()).collect();
    // 3 × 1010 − income, then nothing at the guarantee line.
    assert_eq!(totals, ["3030.00", "2020.00", "1010.00", "0.00"]);
}

/// A person alone in Chongqing (standard 620) has the gap paid: income + aid is 620 at every
/// income below the standard, also where the steps are not whole cents (1900 / 60 = 31.67 a
/// step, the page's chart), and each point is at an income in whole cents.
#[test]
fn a_paid_gap_keeps_income_plus_aid_flat_between_cents() {
    let alone = parse_json(r#"{"jurisdiction":"chongqing","as_of":"2020-04-15","members":[{"age":68}]}"#).unwrap();
    let points = sweep(alone, SweepRange { from: Decimal::ZERO, to: Decimal::from(1900), steps: 60 }).unwrap();
    assert_eq!(points.len(), 61);
    assert_eq!(points[1].income.0, Decimal::new(3167, 2));
    let below: Vec<_> = points.iter().filter(|p| p.income.0 < Decimal::from(620)).collect();
    assert_eq!(below.len(), 20);
    for p in below {
        assert_eq!(p.income.0, p.income.0.round_dp(2));
        assert_eq!(p.income.0 + p.monthly_total.0, Decimal::from(620), "at {}", p.income);
    }
}

#[test]
fn a_sweep_refuses_bad_ranges() {
    assert_eq!(
        sweep(tianjin_three(), SweepRange { from: Decimal::ZERO, to: Decimal::ONE, steps: 0 }).unwrap_err().path,
        "steps"
    );
    assert_eq!(
        sweep(tianjin_three(), SweepRange { from: Decimal::TEN, to: Decimal::ONE, steps: 2 }).unwrap_err().path,
        "to"
    );
    assert_eq!(
        sweep(tianjin_three(), SweepRange { from: Decimal::NEGATIVE_ONE, to: Decimal::ONE, steps: 2 })
            .unwrap_err()
            .path,
        "from"
    );
}

#[test]
fn the_summary_adds_up_eligible_amounts() {
    let a = doudi_core::evaluate_json(
        r#"{"jurisdiction":"tianjin","as_of":"2020-06-01","assets":0,"members":[{"age":35,"epidemic_job_loss":true,"months_without_income":3,"unemployed_registered":true}]}"#,
        Default::default(),
    )
    .unwrap();
    assert_eq!(a.summary.monthly_total.to_string(), "1010.00");
    assert_eq!(a.summary.one_off_total.to_string(), "500.00");
    assert_eq!(a.summary.eligible, 2);
}

#[test]
fn the_zero_point_is_found_to_the_cent() {
    // The household of three earning 1500 with its first member: 低保 stops where the first
    // member's income makes the per-capita income reach the standard, 3 × 1010 = 3030.
    let z = doudi_core::sweep::zero_between(tianjin_three(), Decimal::from(2900), Decimal::from(3200)).unwrap();
    assert_eq!(z, Decimal::from(3030));
    let at = |income: Decimal| {
        sweep(tianjin_three(), SweepRange { from: income, to: income, steps: 1 }).unwrap()[0].monthly_total.0
    };
    assert!(at(z).is_zero(), "no aid at {z}");
    assert!(!at(z - Decimal::new(1, 2)).is_zero(), "aid a cent below {z}");
}

/// A probe decides one income at a time and halves to the cent where any condition on income
/// and aid starts to hold: a woman of 72 alone in Chongqing with no one to support her is
/// supported as tekun (806) while her income is below the 低保 standard (620), and at 620.00
/// the support stops, so income + aid first falls below 806 there.
#[test]
fn a_probe_finds_where_income_plus_aid_falls_to_the_cent() {
    let alone = parse_json(
        r#"{"jurisdiction":"chongqing","as_of":"2020-04-15","members":[{"age":72,"has_able_supporter":false}]}"#,
    )
    .unwrap();
    let mut probe = sweep::Probe::new(alone).unwrap();
    let cents = |c: i64| Decimal::new(c, 2);
    assert_eq!(probe.monthly(cents(61999)), Decimal::from(806));
    assert_eq!(probe.monthly(cents(62000)), Decimal::ZERO);
    assert_eq!(probe.first(Decimal::ZERO, Decimal::from(1000), |x, aid| x + aid < Decimal::from(806)), cents(62000));
    // Made up again at 619.99 + 806.
    let before = cents(61999) + Decimal::from(806);
    assert_eq!(probe.first(cents(62000), Decimal::from(1900), |x, aid| x + aid >= before), cents(142599));
}
