//! What a person reads: sentences that must not say more than the decision (issue 9, item 4).
//! Each household here once got a misleading sentence.

use doudi_core::{evaluate_json, Lang, Options, ProgrammeId, Status};

fn reasons(json: &str, lang: Lang, program: ProgrammeId) -> (Status, Vec<String>) {
    let a = evaluate_json(json, Options { lang }).unwrap();
    let f = a.findings.iter().find(|f| f.program == program).unwrap();
    (f.status, f.reasons.clone())
}

#[test]
fn an_ineligible_dibao_never_says_the_gap_is_paid() {
    // Income far below the standard, but assets above 24 × 1010 × 1: refused.
    let json = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","assets":"50000","members":[{"age":40,"monthly_income":"100"}]}"#;
    let (status, rs) = reasons(json, Lang::Zh, ProgrammeId::Dibao);
    assert_eq!(status, Status::Ineligible);
    assert!(rs.iter().all(|r| !r.contains("按差额补足")), "{rs:?}");
    assert!(rs.iter().any(|r| r.contains("人均收入 100.00 元，低于标准 1,010.00 元。")), "{rs:?}");
    let (_, en) = reasons(json, Lang::En, ProgrammeId::Dibao);
    assert!(en.iter().all(|r| !r.contains("the gap is paid")), "{en:?}");
}

#[test]
fn an_exact_threshold_says_equals_not_over_by_nothing() {
    // Own income exactly the standard: 特困's "no means of living" fails at equality.
    let json = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":75,"monthly_income":"1010","has_able_supporter":false}]}"#;
    let (status, rs) = reasons(json, Lang::Zh, ProgrammeId::Tekun);
    assert_eq!(status, Status::Ineligible);
    assert!(rs.iter().all(|r| !r.contains("超出 0.00")), "{rs:?}");
    assert!(rs.iter().any(|r| r.contains("本人收入 1,010.00 元，等于低保标准 1,010.00 元。")), "{rs:?}");
    let (_, en) = reasons(json, Lang::En, ProgrammeId::Tekun);
    assert!(en.iter().all(|r| !r.contains("over by 0.00")), "{en:?}");
    assert!(en.iter().any(|r| r.contains("equals the dibao standard of 1,010.00 yuan")), "{en:?}");
    // One yuan over still says by how much.
    let over = json.replace("\"1010\"", "\"1011\"");
    let (_, rs) = reasons(&over, Lang::Zh, ProgrammeId::Tekun);
    assert!(rs.iter().any(|r| r.contains("不低于低保标准 1,010.00 元，超出 1.00 元")), "{rs:?}");
}

#[test]
fn chongqing_says_the_gap_is_adjusted_only_when_income_fell() {
    // Chongqing's urban standard in 2020-03: the household's gap against what it gets now.
    let household = |now: &str| {
        format!(
            r#"{{"jurisdiction":"chongqing","as_of":"2020-03-01","support":{{"dibao":true,"dibao_monthly":"{now}"}},"members":[{{"age":40,"monthly_income":"100"}}]}}"#
        )
    };
    let note = "收入下降的低保家庭，及时调整补差金额。";
    // Receiving 10 a month, now owed far more: income fell.
    let (status, rs) = reasons(&household("10"), Lang::Zh, ProgrammeId::Dibao);
    assert_eq!(status, Status::Eligible);
    assert!(rs.iter().any(|r| r == note), "{rs:?}");
    // Receiving more than the gap now: income did not fall.
    let (_, rs) = reasons(&household("5000"), Lang::Zh, ProgrammeId::Dibao);
    assert!(rs.iter().all(|r| r != note), "{rs:?}");
}

#[test]
fn no_code_identifier_reaches_a_reader() {
    // Parameter ids, input paths and function names stay in the JSON's ids, never in the
    // sentences, traces or assumptions a person reads.
    let households = [
        r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","assets":"12000","members":[{"age":45,"monthly_income":"1000"},{"age":42,"relation":"spouse","monthly_income":"500"},{"age":12,"relation":"child"}]}"#,
        r#"{"jurisdiction":"tianjin-dongli","as_of":"2020-07-15","support":{"dibao":true,"dibao_monthly":"800","income_above_standard_since":"2020-06-20"},"members":[{"age":40,"monthly_income":"1500","work":"local"}]}"#,
        r#"{"jurisdiction":"chongqing","as_of":"2021-03-01","members":[{"age":18,"orphan":true,"birth_date":"2003-01-01"}]}"#,
        r#"{"jurisdiction":"chongqing","as_of":"2020-04-15","support":{"dibao":true,"dibao_monthly":"300"},"members":[{"age":40,"monthly_income":"100","work":"migrant"}]}"#,
        r#"{"jurisdiction":"jilin","as_of":"2020-03-01","parameters":{"dibao.standard.urban":"600"},"applying":["dibao"],"members":[{"age":40}]}"#,
        r#"{"jurisdiction":"tianjin","as_of":"2020-06-01","assets":0,"members":[{"age":35,"epidemic_job_loss":true,"months_without_income":3,"unemployed_registered":true}]}"#,
    ];
    let ids: Vec<&str> = doudi_core::ids::PARAMETERS.iter().map(|(id, _)| *id).collect();
    for json in households {
        for lang in [Lang::Zh, Lang::En] {
            let a = evaluate_json(json, Options { lang }).unwrap();
            let mut texts: Vec<String> = a.assumptions.iter().map(|x| x.text.clone()).collect();
            for f in &a.findings {
                texts.extend(f.reasons.iter().cloned());
                texts.extend(f.next_steps.iter().cloned());
                for t in &f.trace {
                    texts.extend([t.label.clone(), t.formula.clone(), t.value.clone()]);
                }
            }
            for t in &texts {
                for id in &ids {
                    assert!(!t.contains(id), "{id} in {t:?} ({json})");
                }
                for code in ["support.dibao", "support.income", "members[", "whole_months", "epidemic.end", "k = "] {
                    assert!(!t.contains(code), "{code} in {t:?} ({json})");
                }
            }
        }
    }
}

#[test]
fn the_price_subsidys_national_raise_is_told_only_for_march_to_june_2020() {
    let on = |date: &str| {
        let json = format!(
            r#"{{"jurisdiction":"tianjin","as_of":"{date}","support":{{"dibao":true,"dibao_monthly":"500"}},"members":[{{"age":40,"monthly_income":"100"}}]}}"#
        );
        let (status, rs) = reasons(&json, Lang::Zh, ProgrammeId::PriceSubsidy);
        assert_eq!(status, Status::Eligible, "{date}");
        rs.iter().any(|r| r.contains("2020 年 3 月至 6 月"))
    };
    assert!(on("2020-04-15"));
    assert!(on("2020-06-30"));
    assert!(!on("2020-07-01"));
    assert!(!on("2020-02-15"));
}

#[test]
fn a_one_person_dibao_cites_the_disability_text_not_the_childrens_clause() {
    // Tianjin 002 一: a 低收入 household's grade-1 disabled member enters 低保 on their own; the
    // sentence about 事实无人抚养儿童 (002:1.0.6) is another matter.
    let json = r#"{"jurisdiction":"tianjin","as_of":"2020-06-01","support":{"low_income":true},"members":[{"age":40,"monthly_income":"300","disability_grade":1,"disability_type":"physical"},{"age":38,"relation":"spouse","monthly_income":"1500"}]}"#;
    let a = evaluate_json(json, Options::default()).unwrap();
    let f = a
        .findings
        .iter()
        .find(|f| f.program == ProgrammeId::DibaoSinglePerson && f.member.as_deref() == Some("m1"))
        .unwrap();
    assert_eq!(f.status, Status::Eligible);
    let cited: Vec<String> = f.citations.iter().map(|c| format!("{}:{}", c.document_id, c.clause_id)).collect();
    assert!(cited.contains(&"002:1.0.4".to_string()), "{cited:?}");
    assert!(!cited.contains(&"002:1.0.6".to_string()), "{cited:?}");
}

/// Every unit a parameter of the policies has is written in words in both languages (the
/// page's parameter panel and the 摸排 page's what-if show them instead of the code).
#[test]
fn every_unit_of_the_policies_has_words() {
    let policies = doudi_core::embedded_policies().expect("consistent");
    let mut units: Vec<&str> =
        policies.jurisdictions.iter().flat_map(|j| j.parameters.values().map(|p| p.unit.as_str())).collect();
    units.sort_unstable();
    units.dedup();
    assert!(units.contains(&"yuan_per_person_month"), "{units:?}");
    assert_eq!(doudi_core::params::unit_words("yuan_per_person_month", Lang::Zh), "元/人/月");
    for u in units {
        assert!(!doudi_core::params::unit_words(u, Lang::Zh).is_empty(), "{u} has no Chinese words");
        assert!(!doudi_core::params::unit_words(u, Lang::En).is_empty(), "{u} has no English words");
    }
}

/// A day in a Chinese sentence is written the Chinese way, as the page writes its dates
/// (2020年4月15日), an English one the English way (15 Apr 2020); neither is the data's
/// 2020-04-15.
#[test]
fn days_are_written_in_each_languages_way() {
    let json = r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":40,"monthly_income":"100"}]}"#;
    let (_, zh) = reasons(json, Lang::Zh, ProgrammeId::PriceSubsidy);
    assert!(zh.iter().any(|r| r == "2020年4月15日 在疫情防控期间内。"), "{zh:?}");
    assert!(zh.iter().all(|r| !r.contains("2020-04-15")), "{zh:?}");
    let (_, en) = reasons(json, Lang::En, ProgrammeId::PriceSubsidy);
    assert!(en.iter().any(|r| r == "15 Apr 2020 is within the epidemic period."), "{en:?}");
    assert!(en.iter().all(|r| !r.contains("2020-04-15")), "{en:?}");
    let a = evaluate_json(json, Options { lang: Lang::Zh }).unwrap();
    let period = a.assumptions.iter().find(|x| x.id == "epidemic.end").expect("the period is an assumption");
    assert!(period.text.starts_with("疫情防控期间按 2020年1月24日（启动一级响应）至 2023年1月8日"), "{}", period.text);
}

/// Relief for hardship says how the epidemic touched the person as the household said it: a
/// patient is not told her income fell, a worker who lost his job is.
#[test]
fn hardship_relief_names_the_epidemics_touch_as_given() {
    let patient = r#"{"jurisdiction":"chongqing","as_of":"2020-04-15","members":[{"age":66,"monthly_income":"400","covid":"confirmed","diagnosed_on":"2020-02-10"}]}"#;
    let (status, zh) = reasons(patient, Lang::Zh, ProgrammeId::TempReliefCovid);
    assert_eq!(status, Status::Discretionary);
    assert!(zh.iter().any(|r| r.contains("确诊新冠肺炎，家庭人均收入 400.00 元，低于标准 620.00 元")), "{zh:?}");
    assert!(zh.iter().all(|r| !r.contains("收入下降")), "{zh:?}");
    let (_, en) = reasons(patient, Lang::En, ProgrammeId::TempReliefCovid);
    assert!(en.iter().all(|r| !r.contains("lost")), "{en:?}");
    let worker = r#"{"jurisdiction":"chongqing","as_of":"2020-04-15","members":[{"age":40,"monthly_income":"400","epidemic_job_loss":true}]}"#;
    let (status, zh) = reasons(worker, Lang::Zh, ProgrammeId::TempReliefCovid);
    assert_eq!(status, Status::Discretionary);
    assert!(zh.iter().any(|r| r.contains("因疫情失去工作或收入，家庭人均收入")), "{zh:?}");
}

/// The English headline counts in words: "1 item", "3 items".
#[test]
fn the_english_headline_counts_items_in_words() {
    let headline = |json: &str| {
        doudi_core::evaluate_json(json, doudi_core::Options { lang: Lang::En }).unwrap().summary.receive.headline
    };
    assert_eq!(
        headline(
            r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":45,"monthly_income":1500},{"age":40},{"age":12}]}"#
        ),
        "May qualify: 1 item · about 1,530.00 yuan a month"
    );
    assert_eq!(
        headline(
            r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","support":{"dibao":true,"dibao_monthly":800},"members":[{"age":45,"monthly_income":1500},{"age":40},{"age":12}]}"#
        ),
        "May qualify: 1 item · about 1,530.00 yuan a month · another 3 items with the amount to be set"
    );
    assert_eq!(
        headline(r#"{"jurisdiction":"tianjin","as_of":"2020-04-15","members":[{"age":50,"monthly_income":1500}]}"#),
        "Nothing qualifies at present"
    );
}
