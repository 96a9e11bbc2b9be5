//! Bad input is refused whole, with the field's path and a plain message in both languages:
//! one test per class of bad input the contract names, and a few more.

use doudi_core::{evaluate_json, InputError, Options};

fn refuse(json: &str) -> InputError {
    match evaluate_json(json, Options::default()) {
        Ok(_) => panic!("accepted bad input: {json}"),
        Err(e) => {
            assert!(!e.message.is_empty() && !e.message_zh.is_empty(), "{e:?}");
            e
        }
    }
}

fn household(extra: &str, member: &str) -> String {
    format!(r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15"{extra},"members":[{{"age":40{member}}}]}}"#)
}

#[test]
fn unknown_jurisdiction() {
    let e = refuse(r#"{"jurisdiction":"beijing","as_of":"2020-04-15","members":[{"age":40}]}"#);
    assert_eq!(e.path, "jurisdiction");
    assert!(e.message_zh.contains("beijing"));
}

#[test]
fn unknown_parameter_id() {
    let e = refuse(&household(r#","parameters":{"dibao.standard.city":"1000"}"#, ""));
    assert_eq!(e.path, "parameters.dibao.standard.city");
}

#[test]
fn a_parameter_of_another_place() {
    // minimum_wage.monthly exists for Jilin only.
    let e = refuse(&household(r#","parameters":{"minimum_wage.monthly":"1780"}"#, ""));
    assert_eq!(e.path, "parameters.minimum_wage.monthly");
}

#[test]
fn a_parameter_of_the_wrong_kind() {
    let e = refuse(&household(r#","parameters":{"epidemic.end":"soon"}"#, ""));
    assert_eq!(e.path, "parameters.epidemic.end");
    let e = refuse(&household(r#","parameters":{"dibao.standard.urban":"-5"}"#, ""));
    assert_eq!(e.path, "parameters.dibao.standard.urban");
}

#[test]
fn negative_amount() {
    let e = refuse(&household("", r#","monthly_income":-1"#));
    assert_eq!(e.path, "members[0].monthly_income");
    assert_eq!(e.message_zh, "请填写 0 或更大的数");
    let e = refuse(&household(r#","assets":"-0.01""#, ""));
    assert_eq!(e.path, "assets");
}

#[test]
fn non_numeric_amount() {
    let e = refuse(&household("", r#","monthly_income":"1,500""#));
    assert_eq!(e.path, "members[0].monthly_income");
    let e = refuse(&household("", r#","monthly_income":true"#));
    assert_eq!(e.path, "members[0].monthly_income");
    let e = refuse(&household(r#","support":{"dibao":true,"dibao_monthly":"abc"}"#, ""));
    assert_eq!(e.path, "support.dibao_monthly");
}

#[test]
fn an_absurdly_large_amount() {
    let e = refuse(&household("", r#","monthly_income":1e30"#));
    assert_eq!(e.path, "members[0].monthly_income");
}

#[test]
fn age_outside_0_to_130() {
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":40},{"age":131}]}"#);
    assert_eq!(e.path, "members[1].age");
    let e = refuse(&household("", r#","age":-1"#).replace(r#""age":40,"#, ""));
    assert_eq!(e.path, "members[0].age");
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":4.5}]}"#);
    assert_eq!(e.path, "members[0].age");
}

#[test]
fn age_missing() {
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"monthly_income":100}]}"#);
    assert_eq!(e.path, "members[0].age");
}

#[test]
fn impossible_date() {
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-02-30","members":[{"age":40}]}"#);
    assert_eq!(e.path, "as_of");
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-4-15","members":[{"age":40}]}"#);
    assert_eq!(e.path, "as_of");
    let e = refuse(&household("", r#","covid":"confirmed","diagnosed_on":"2020-13-01""#));
    assert_eq!(e.path, "members[0].diagnosed_on");
}

#[test]
fn no_members() {
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[]}"#);
    assert_eq!(e.path, "members");
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15"}"#);
    assert_eq!(e.path, "members");
}

#[test]
fn more_than_30_members() {
    let members = vec![r#"{"age":30}"#; 31].join(",");
    let e = refuse(&format!(r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{members}]}}"#));
    assert_eq!(e.path, "members");
    let members = vec![r#"{"age":30}"#; 30].join(",");
    assert!(evaluate_json(
        &format!(r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{members}]}}"#),
        Options::default()
    )
    .is_ok());
}

#[test]
fn discharge_before_diagnosis() {
    let e = refuse(&household("", r#","covid":"confirmed","diagnosed_on":"2020-03-01","discharged_on":"2020-02-01""#));
    assert_eq!(e.path, "members[0].discharged_on");
}

#[test]
fn dates_after_as_of() {
    let e = refuse(&household("", r#","covid":"confirmed","diagnosed_on":"2020-05-01""#));
    assert_eq!(e.path, "members[0].diagnosed_on");
    let e = refuse(&household(r#","support":{"dibao":true,"income_above_standard_since":"2021-01-01"}"#, ""));
    assert_eq!(e.path, "support.income_above_standard_since");
}

#[test]
fn unknown_fields_are_never_ignored() {
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"agee":40}]}"#);
    assert_eq!(e.path, "members[0].agee");
    assert!(e.message_zh.contains("agee"));
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","member":[{"age":40}]}"#);
    assert_eq!(e.path, "member");
    let e = refuse(&household(r#","support":{"dibaoo":true}"#, ""));
    assert_eq!(e.path, "support.dibaoo");
}

#[test]
fn unknown_choices() {
    let e = refuse(&household("", r#","work":"abroad""#));
    assert_eq!(e.path, "members[0].work");
    let e = refuse(&household(r#","residence":"suburb""#, ""));
    assert_eq!(e.path, "residence");
    let e = refuse(&household(r#","applying":["pension"]"#, ""));
    assert_eq!(e.path, "applying[0]");
}

#[test]
fn grades_and_tiers_outside_their_sets() {
    assert_eq!(refuse(&household("", r#","disability_grade":5"#)).path, "members[0].disability_grade");
    assert_eq!(refuse(&household("", r#","serious_illness_tier":500"#)).path, "members[0].serious_illness_tier");
    assert_eq!(refuse(&household("", r#","months_without_income":-2"#)).path, "members[0].months_without_income");
}

#[test]
fn age_and_birth_date_that_disagree() {
    let e = refuse(&household("", r#","birth_date":"1990-01-01""#));
    assert_eq!(e.path, "members[0].age");
    // When they agree, or only the birth date is given, it is accepted.
    assert!(evaluate_json(&household("", r#","birth_date":"1980-01-01""#), Options::default()).is_ok());
}

#[test]
fn duplicate_member_ids() {
    let e =
        refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"id":"a","age":40},{"id":"a","age":3}]}"#);
    assert_eq!(e.path, "members[1].id");
}

#[test]
fn not_json_at_all() {
    let e = refuse("{\"jurisdiction\": ");
    assert_eq!(e.path, "");
    // An array is not a household (serde may name the first element as the culprit).
    refuse("[1,2]");
    let e = refuse(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":40}]} trailing"#);
    assert_eq!(e.path, "");
}
