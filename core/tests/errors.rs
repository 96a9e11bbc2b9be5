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

/// The refusal of the same household read as a JSON value, as the JS package and CSV batch
/// read it.
fn refuse_value(json: &str) -> InputError {
    let value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
    match doudi_core::parse_value(value).and_then(|i| doudi_core::evaluate_input(i, Options::default())) {
        Ok(_) => panic!("accepted bad input as a value: {json}"),
        Err(e) => e,
    }
}

#[test]
fn a_choice_of_the_wrong_type_names_its_field() {
    for (extra, member, path, expected) in [
        ("", r#","work":1"#, "members[0].work", "integer `1`"),
        (r#","residence":true"#, "", "residence", "boolean `true`"),
        (r#","applying":[null]"#, "", "applying[0]", "null"),
        ("", r#","covid":["confirmed"]"#, "members[0].covid", "sequence"),
        ("", r#","self_care":2.5"#, "members[0].self_care", "floating point `2.5`"),
        ("", r#","hukou":{"local":1}"#, "members[0].hukou.local", "integer `1`"),
    ] {
        let json = household(extra, member);
        let e = refuse(&json);
        assert_eq!(e.path, path, "{json}");
        assert!(e.message.starts_with(&format!("invalid type: {expected}, expected")), "{json}: {e:?}");
        assert!(e.message_zh.starts_with("类型不对"), "{json}: {e:?}");
        // Read as text (the CLI, JSONL) or as a value (the JS package, CSV): the same refusal.
        assert_eq!(e, refuse_value(&json), "{json}");
    }
    // The message lists the words allowed.
    let e = refuse(&household("", r#","work":1"#));
    assert_eq!(e.message, "invalid type: integer `1`, expected one of `none`, `local`, `migrant`, `returned`");
    let e = refuse(&household(r#","residence":0"#, ""));
    assert_eq!(e.message, "invalid type: integer `0`, expected `urban` or `rural`");
}

#[test]
fn a_key_given_twice_is_refused_at_that_key() {
    for (json, path) in [
        (
            r#"{"jurisdiction":"tianjin","jurisdiction":"jilin","as_of":"2020-04-15","members":[{"age":40}]}"#
                .to_string(),
            "jurisdiction",
        ),
        (household("", r#","age":41"#), "members[0].age"),
        (household(r#","support":{"dibao":true,"dibao":false}"#, ""), "support.dibao"),
        (
            household(r#","parameters":{"dibao.standard.urban":"900","dibao.standard.urban":"1000"}"#, ""),
            "parameters.dibao.standard.urban",
        ),
    ] {
        let e = refuse(&json);
        assert_eq!(e.path, path, "{json}");
        let key = path.rsplit(['.', ']']).next().unwrap();
        let key = if path.starts_with("parameters.") { "dibao.standard.urban" } else { key };
        assert_eq!(e.message, format!("duplicate field `{key}`"), "{json}");
        assert_eq!(e.message_zh, format!("“{key}”出现了两次（同一处的键只能写一次）"), "{json}");
    }
}

#[test]
fn a_text_over_256_kib_is_refused_before_it_is_read() {
    use doudi_core::input::MAX_INPUT_BYTES;
    assert_eq!(MAX_INPUT_BYTES, 256 * 1024);
    let valid = household("", "");
    // Spaces are JSON too, and count: exactly the limit is read, one byte more is not.
    let at_limit = format!("{valid}{}", " ".repeat(MAX_INPUT_BYTES - valid.len()));
    assert!(evaluate_json(&at_limit, Options::default()).is_ok());
    let e = refuse(&format!("{at_limit} "));
    assert_eq!(e.path, "");
    assert_eq!(e.message, "the household is 262145 bytes long; at most 262144 bytes (256 KiB) are accepted");
    assert!(e.message_zh.contains("256 KiB"), "{e:?}");
    // Whatever the text holds: 100 MB of an amount is refused as fast as 257 KiB.
    let huge = household("", &format!(r#","monthly_income":"{}""#, "9".repeat(100 << 20)));
    let started = std::time::Instant::now();
    let e = refuse(&huge);
    assert!(started.elapsed() < std::time::Duration::from_millis(100), "{:?}", started.elapsed());
    assert!(e.message.starts_with("the household is 104857"), "{e:?}");
}

#[test]
fn more_than_30_members_are_refused_before_the_31st_is_read() {
    let members = [vec![r#"{"age":30}"#; 30], vec![r#"{"age":"x"}"#]].concat().join(",");
    let json = format!(r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{members}]}}"#);
    let e = refuse(&json);
    assert_eq!(
        (e.path.as_str(), e.message.as_str(), e.message_zh.as_str()),
        ("members", "at most 30 members", "家庭成员最多 30 人")
    );
    assert_eq!(e, refuse_value(&json));
    // A bad member among the first 30 is still named first.
    let members = [vec![r#"{"age":30}"#; 3], vec![r#"{"age":"x"}"#], vec![r#"{"age":30}"#; 40]].concat().join(",");
    let json = format!(r#"{{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{members}]}}"#);
    assert_eq!(refuse(&json).path, "members[3].age");
    assert_eq!(refuse_value(&json).path, "members[3].age");
}

#[test]
fn more_parameters_than_any_place_has_are_refused_at_once() {
    use doudi_core::input::MAX_PARAMETERS;
    // The limit is above every jurisdiction's own count, so no real override set reaches it.
    for j in doudi_core::jurisdictions().unwrap() {
        let n = doudi_core::parameters(&j.id, "2020-04-15", Default::default()).unwrap().len();
        assert!(n < MAX_PARAMETERS, "{}: {n} parameters", j.id);
    }
    let params: Vec<String> = (0..=MAX_PARAMETERS).map(|i| format!(r#""p{i}":1"#)).collect();
    let json = household(&format!(r#","parameters":{{{}}}"#, params.join(",")), "");
    let e = refuse(&json);
    assert_eq!(e.path, "parameters");
    assert_eq!(e.message, "at most 64 parameters (no jurisdiction has more)");
    assert_eq!(e, refuse_value(&json));
    // As many as the limit: each one is then checked (the first unknown id is named).
    let json = household(&format!(r#","parameters":{{{}}}"#, params[1..].join(",")), "");
    assert_eq!(refuse(&json).path, "parameters.p1");
}

#[test]
fn amounts_are_exact_or_refused_never_rounded() {
    for (amount, message) in [
        // Over the maximum by 1e-23: rounding to 28 digits would have accepted it.
        ("100000000.00000000000000000000001", doudi_core::money::TOO_PRECISE),
        ("0.00000000000000000000000000001", doudi_core::money::TOO_PRECISE),
        ("1000000000000000000000000000000", doudi_core::money::TOO_LARGE),
        ("1e40", doudi_core::money::TOO_LARGE),
    ] {
        let e = refuse(&household("", &format!(r#","monthly_income":"{amount}""#)));
        assert_eq!((e.path.as_str(), e.message.as_str()), ("members[0].monthly_income", message), "{amount}");
        let e = refuse(&household(&format!(r#","parameters":{{"dibao.standard.urban":"{amount}"}}"#), ""));
        assert_eq!((e.path.as_str(), e.message.as_str()), ("parameters.dibao.standard.urban", message), "{amount}");
    }
    let e = refuse(&household("", r#","monthly_income":1e40"#));
    assert_eq!((e.path.as_str(), e.message_zh.as_str()), ("members[0].monthly_income", "金额过大（不超过 1 亿元）"));
    // Exactly the maximum, however many zeros follow it, is the maximum.
    let max = household("", r#","monthly_income":"100000000.000000000000000000000000000000000""#);
    assert!(evaluate_json(&max, Options::default()).is_ok());
}

#[test]
fn a_refusal_quotes_only_the_start_of_a_bad_value() {
    let long = "x".repeat(200_000);
    let quoted = format!("{}…", "x".repeat(64));
    for (extra, member, path) in [
        ("", format!(r#","monthly_income":"{long}""#), "members[0].monthly_income".to_string()),
        ("", format!(r#","months_without_income":"{long}""#), "members[0].months_without_income".to_string()),
        ("", format!(r#","work":"{long}""#), "members[0].work".to_string()),
        ("", format!(r#","birth_date":"{long}""#), "members[0].birth_date".to_string()),
        ("", format!(r#","{long}":1"#), format!("members[0].{quoted}")),
        ("", format!(r#","id":{{"{long}":1}}"#), "members[0].id".to_string()),
        (r#","parameters":{"LONG":1}"#, String::new(), format!("parameters.{quoted}")),
        (r#","support":{"dibao":"LONG"}"#, String::new(), "support.dibao".to_string()),
    ] {
        let json = household(&extra.replace("LONG", &long), &member);
        let e = refuse(&json);
        assert_eq!(e.path, path);
        for text in [&e.message, &e.message_zh] {
            assert!(text.chars().count() < 600, "{} chars: {}…", text.len(), &text[..200]);
        }
        assert!(e.message.contains(&quoted) || !e.message.contains("xx"), "{e:?}");
        assert_eq!(e, refuse_value(&json), "{}", &e.path);
    }
    let e = refuse(&format!(r#"{{"jurisdiction":"{long}","as_of":"2020-04-15","members":[{{"age":40}}]}}"#));
    assert!(e.message.contains(&quoted) && e.message.len() < 300, "{e:?}");
    let e = refuse(&format!(r#"{{"jurisdiction":"tianjin","as_of":"{long}","members":[{{"age":40}}]}}"#));
    assert!(e.message.contains(&quoted) && e.message_zh.contains(&quoted) && e.message.len() < 300, "{e:?}");
}

#[test]
fn the_largest_household_the_contract_allows_is_well_under_the_size_limit() {
    use serde::Serialize;
    use serde_json::{json, Value};
    // Every field of 30 members at its longest, every parameter of the place with the most
    // overridden, indented by four spaces.
    let member = |i: usize| {
        json!({
            "id": format!("{i:0>64}"), "relation": "grandchild", "age": 100, "birth_date": "1920-04-15",
            "monthly_income": "99999999.99", "work": "returned", "epidemic_job_loss": true,
            "months_without_income": 1200, "unemployed_registered": true, "unemployment_insurance": "receiving",
            "hukou": "residence_permit", "covid": "confirmed", "diagnosed_on": "2020-02-01",
            "discharged_on": "2020-03-01", "isolated": true, "disability_grade": 4,
            "disability_type": "intellectual", "serious_illness_tier": 1500, "orphan": true,
            "unsupported_child": true, "difficult_child": true, "entitled_group": true, "able_to_work": false,
            "has_able_supporter": false, "self_care": "partial", "carer_unavailable": true, "tekun": true,
            "stranded": true
        })
    };
    let place = doudi_core::jurisdictions()
        .unwrap()
        .into_iter()
        .max_by_key(|j| doudi_core::parameters(&j.id, "2020-04-15", Default::default()).unwrap().len())
        .unwrap();
    let parameters: serde_json::Map<String, Value> =
        doudi_core::parameters(&place.id, "2020-04-15", Default::default())
            .unwrap()
            .into_iter()
            .map(|p| {
                let v = match p.unit.as_str() {
                    "date" => json!("2020-01-24"),
                    "bool" => json!(true),
                    _ => json!("99999999.99"),
                };
                (p.id, v)
            })
            .collect();
    let h = json!({
        "jurisdiction": place.id, "as_of": "2020-04-15", "residence": "urban", "assets": "99999999.99",
        "support": { "dibao": true, "dibao_monthly": "99999999.99", "low_income": true, "poverty_registered": true,
                     "income_above_standard_since": "2020-04-01" },
        "applying": ["dibao", "tekun"],
        "members": (0..30).map(member).collect::<Vec<_>>(),
        "parameters": parameters,
    });
    let mut text = Vec::new();
    h.serialize(&mut serde_json::Serializer::with_formatter(
        &mut text,
        serde_json::ser::PrettyFormatter::with_indent(b"    "),
    ))
    .unwrap();
    let text = String::from_utf8(text).unwrap();
    if let Err(e) = evaluate_json(&text, Options::default()) {
        panic!("the largest household is refused: {e}");
    }
    assert!(text.len() < 64 * 1024, "{} bytes", text.len());
    assert!(text.len() > 32 * 1024, "{} bytes: not the largest", text.len());
}

#[test]
fn a_long_key_of_many_dots_gives_a_short_path() {
    // Found by the fuzzer (fuzz/regressions/long-dotted-key.json): each part of the path was
    // clipped, but not the whole.
    let key = "dibao.standard.rural;;;;;;a]".repeat(40);
    let e = refuse(&format!(r#"{{"{key}":1,"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{{"age":40}}]}}"#));
    assert!(e.path.starts_with("dibao.standard.rural;;;;;;a]dibao."), "{}", e.path);
    assert!(
        e.path.ends_with('…') && e.path.chars().count() == 193,
        "{} characters: {}",
        e.path.chars().count(),
        e.path
    );
    for text in [&e.message, &e.message_zh] {
        assert!(text.chars().count() < 600, "{text}");
    }
    // As a value too (the JS package).
    assert_eq!(
        e,
        refuse_value(&format!(
            r#"{{"{key}":1,"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{{"age":40}}]}}"#
        ))
    );
}

#[test]
fn a_key_that_holds_backticks_is_quoted_whole_and_clipped() {
    // Found by the fuzzer (fuzz/regressions/backticks-in-key.json): the backticks inside the
    // key were taken for the ends of serde's quotes, so that no part was long enough to clip.
    let key = format!("js{}", "-`".repeat(300));
    let json = format!(r#"{{"{key}":1,"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{{"age":40}}]}}"#);
    let e = refuse(&json);
    let clipped = format!("{}…", &key[..64]);
    assert_eq!(e.path, clipped);
    assert!(
        e.message.starts_with(&format!("unknown field `{clipped}`, expected one of `jurisdiction`")),
        "{}",
        e.message
    );
    assert_eq!(e.message_zh, format!("不认识的字段“{clipped}”（可能是拼写错误）"));
    assert_eq!(e, refuse_value(&json));
    // The longest message any refusal has: an unknown field of a member lists all 28 fields.
    let e = refuse(&household("", &format!(r#","{}":1"#, "z".repeat(100))));
    assert!((500..600).contains(&e.message.chars().count()), "{}: {}", e.message.chars().count(), e.message);
}
