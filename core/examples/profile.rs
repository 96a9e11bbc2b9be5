//! A driver for profilers (perf, callgrind): `cargo run --release -p doudi-core --example
//! profile -- decide|decider|explain|parse|policies N`, on the household of `examples/tianjin-family.json`.

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let what = args.get(1).map_or("decide", String::as_str);
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let json = include_str!("../../examples/tianjin-family.json");
    let policies = doudi_core::embedded_policies().unwrap();
    let h = doudi_core::Household::from_input(doudi_core::parse_json(json).unwrap(), policies).unwrap();
    let mut decider = doudi_core::Decider::new(policies);
    let mut sum = 0usize;
    for _ in 0..n {
        sum += match what {
            "explain" => doudi_core::evaluate(&h, policies, Default::default()).findings.len(),
            "decider" => decider.decide(&h).findings.len(),
            "policies" => {
                doudi_core::policy::resolved::read(doudi_core::policy::EMBEDDED, "v").unwrap().jurisdictions.len()
            }
            "parse" => doudi_core::Household::from_input(doudi_core::parse_json(json).unwrap(), policies)
                .unwrap()
                .members
                .len(),
            _ => doudi_core::decide(&h, policies).findings.len(),
        };
    }
    println!("{sum}");
}
