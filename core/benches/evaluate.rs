//! Speed of the engine: one evaluation per jurisdiction of a realistic household, and batch
//! throughput (parse + evaluate + serialize to a JSON line) over 1 000 varied households,
//! with the batch split into its phases to show where the time goes.
//!
//! Run: `cargo bench -p doudi-core --bench evaluate -- --warm-up-time 1 --measurement-time 3`.
//! Targets: < 50 µs a household; ≥ 200 000 households/s on one core in batch.

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use doudi_core::{evaluate_input, evaluate_json, parse_json, Options};

const JURISDICTIONS: [&str; 4] = ["tianjin", "tianjin-dongli", "chongqing", "jilin"];

/// A family of four in the epidemic period: two working adults (one a migrant worker back
/// home), a child and a grandparent with a disability; on 低保 for the suspended-exit rules.
fn household(jurisdiction: &str) -> String {
    format!(
        r#"{{"jurisdiction":"{jurisdiction}","as_of":"2020-04-15","residence":"urban","assets":"15000",
"support":{{"dibao":true,"dibao_monthly":"1200","low_income":false}},
"members":[
 {{"relation":"self","age":44,"monthly_income":"1800","work":"migrant","epidemic_job_loss":true,"hukou":"local"}},
 {{"relation":"spouse","age":41,"monthly_income":"600","work":"local"}},
 {{"relation":"child","age":9}},
 {{"relation":"parent","age":72,"disability_grade":2,"disability_type":"physical","self_care":"partial"}}]}}"#
    )
}

/// A small deterministic generator (64-bit LCG), so that every run sees the same households.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

/// `n` varied, valid households: every jurisdiction, sizes 1–6, incomes 0–4 000, dates from
/// February to December 2020, and the flags that switch the rarer programmes on.
fn households(n: usize) -> Vec<String> {
    let mut r = Lcg(2020);
    (0..n)
        .map(|i| {
            let jurisdiction = JURISDICTIONS[i % JURISDICTIONS.len()];
            let month = 2 + r.below(11);
            let day = 1 + r.below(28);
            let size = 1 + r.below(6) as usize;
            let dibao = r.chance(35);
            let mut members = Vec::with_capacity(size);
            for k in 0..size {
                let age = if k == 0 { 20 + r.below(60) } else { r.below(90) };
                let mut m = format!(r#"{{"age":{age},"monthly_income":"{}""#, if age >= 18 { r.below(4000) } else { 0 });
                if k > 0 {
                    m += &format!(r#","relation":"{}""#, r.pick(&["spouse", "child", "parent", "grandchild", "other"]));
                }
                if (18..60).contains(&age) {
                    m += &format!(r#","work":"{}""#, r.pick(&["none", "local", "migrant", "returned"]));
                }
                if r.chance(15) {
                    m += r#","epidemic_job_loss":true,"months_without_income":3,"unemployed_registered":true"#;
                }
                if r.chance(10) {
                    m += &format!(r#","hukou":"{}""#, r.pick(&["residence_permit", "none"]));
                }
                if month >= 4 && r.chance(8) {
                    m += r#","covid":"confirmed","diagnosed_on":"2020-02-10","discharged_on":"2020-03-15""#;
                }
                if r.chance(8) {
                    m += &format!(
                        r#","disability_grade":{},"disability_type":"{}","self_care":"{}""#,
                        1 + r.below(4),
                        r.pick(&["physical", "intellectual", "mental", "visual"]),
                        r.pick(&["full", "partial", "none"])
                    );
                }
                if age < 18 && r.chance(10) {
                    m += r#","orphan":true"#;
                }
                if r.chance(5) {
                    m += r#","isolated":true"#;
                }
                m.push('}');
                members.push(m);
            }
            let support = if dibao {
                format!(r#","support":{{"dibao":true,"dibao_monthly":"{}"}}"#, 200 + r.below(2000))
            } else if r.chance(20) {
                r#","support":{"low_income":true}"#.to_string()
            } else {
                String::new()
            };
            let applying = if !dibao && r.chance(30) { r#","applying":["dibao"]"# } else { "" };
            format!(
                r#"{{"jurisdiction":"{jurisdiction}","as_of":"2020-{month:02}-{day:02}","residence":"{}","assets":"{}"{support}{applying},"members":[{}]}}"#,
                r.pick(&["urban", "urban", "rural"]),
                r.below(60_000),
                members.join(",")
            )
        })
        .collect()
}

fn one_per_jurisdiction(c: &mut Criterion) {
    let mut group = c.benchmark_group("evaluate_json");
    for j in JURISDICTIONS {
        let json = household(j);
        assert!(evaluate_json(&json, Options::default()).is_ok(), "{j}: the bench household is valid");
        group.bench_function(j, |b| b.iter(|| evaluate_json(black_box(&json), Options::default())));
    }
    group.finish();
}

/// The batch as `doudi batch` runs it, on one core: parse, evaluate, write a JSON line.
fn batch(c: &mut Criterion) {
    let inputs = households(1_000);
    if let Some((h, e)) = inputs.iter().find_map(|h| evaluate_json(h, Options::default()).err().map(|e| (h, e))) {
        panic!("a generated household is refused: {e}\n{h}");
    }
    let mut out: Vec<u8> = Vec::with_capacity(64 << 20);
    let mut group = c.benchmark_group("batch");
    group.throughput(Throughput::Elements(inputs.len() as u64));
    group.sample_size(10);
    group.bench_function("parse_evaluate_serialize", |b| {
        b.iter(|| {
            out.clear();
            for h in &inputs {
                let a = evaluate_json(h, Options::default()).unwrap();
                serde_json::to_writer(&mut out, &a).unwrap();
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });

    // `doudi batch --brief`: the same, without traces and quoted clause texts.
    group.bench_function("parse_evaluate_serialize_brief", |b| {
        b.iter(|| {
            out.clear();
            for h in &inputs {
                let a = evaluate_json(h, Options::default()).unwrap().brief();
                serde_json::to_writer(&mut out, &a).unwrap();
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });

    // The same work, one phase at a time.
    group.bench_function("phase_parse", |b| {
        b.iter(|| inputs.iter().map(|h| parse_json(h).unwrap()).collect::<Vec<_>>())
    });
    let parsed: Vec<_> = inputs.iter().map(|h| parse_json(h).unwrap()).collect();
    group.bench_function("phase_evaluate", |b| {
        b.iter_batched(
            || parsed.clone(),
            |parsed| parsed.into_iter().map(|p| evaluate_input(p, Options::default()).unwrap()).collect::<Vec<_>>(),
            BatchSize::LargeInput,
        )
    });
    let assessments: Vec<_> = parsed.iter().map(|p| evaluate_input(p.clone(), Options::default()).unwrap()).collect();
    group.bench_function("phase_serialize", |b| {
        b.iter(|| {
            out.clear();
            for a in &assessments {
                serde_json::to_writer(&mut out, a).unwrap();
                out.push(b'\n');
            }
            black_box(out.len())
        })
    });
    group.finish();
    let bytes: usize = assessments.iter().map(|a| serde_json::to_vec(a).unwrap().len()).sum();
    let findings: usize = assessments.iter().map(|a| a.findings.len()).sum();
    let citations: usize = assessments.iter().flat_map(|a| &a.findings).map(|f| f.citations.len()).sum();
    eprintln!(
        "batch output: {} bytes a household on average, {} findings, {} citations",
        bytes / assessments.len(),
        findings / assessments.len(),
        citations / assessments.len()
    );
}

/// The Tianjin household of three of `examples/tianjin-family.json`, already validated:
/// one decision (no text), one full explained assessment, and the parse + checks before.
/// Targets: a decision under 2 µs; an explained assessment under 10 µs. `decide` starts
/// afresh; `decide_warm` keeps the place's lookups for the day, as a batch does.
fn household_of_three(c: &mut Criterion) {
    let json = include_str!("../../examples/tianjin-family.json");
    let policies = doudi_core::embedded_policies().unwrap();
    let h = doudi_core::Household::from_input(parse_json(json).unwrap(), policies).unwrap();
    let mut group = c.benchmark_group("tianjin_family_of_three");
    group.bench_function("decide", |b| b.iter(|| doudi_core::decide(black_box(&h), policies)));
    // As a batch, a sweep or a roster decides: the place's lookups for the day kept.
    let mut decider = doudi_core::Decider::new(policies);
    group.bench_function("decide_warm", |b| b.iter(|| decider.decide(black_box(&h))));
    group.bench_function("explain", |b| b.iter(|| doudi_core::evaluate(black_box(&h), policies, Options::default())));
    group.bench_function("parse_and_check", |b| {
        b.iter(|| doudi_core::Household::from_input(parse_json(black_box(json)).unwrap(), policies).unwrap())
    });
    group.finish();
}

/// What a page pays once at its start, before its first result: reading the embedded,
/// resolved policies into the model (`policy::embedded` does this once per process).
fn policies_read(c: &mut Criterion) {
    use doudi_core::policy::{resolved, EMBEDDED, EMBEDDED_VERSION};
    c.bench_function("read_embedded_policies", |b| {
        b.iter(|| resolved::read(black_box(EMBEDDED), EMBEDDED_VERSION.trim()).unwrap())
    });
}

criterion_group!(benches, household_of_three, one_per_jurisdiction, batch, policies_read);
criterion_main!(benches);
