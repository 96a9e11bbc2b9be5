#!/usr/bin/env bash
# The proof that a new place is one policy file (issue 10): builds doudi with a place that
# exists only in the tests (Testshire, cli/tests/data/policies-fixture) added to the
# repository's policies at build time (`DOUDI_EXTRA_POLICIES`, read by core/build.rs, which
# checks it with the rest), in its own target folder, and shows that with no Rust changed
#   - the `doudi` command lists it (`doudi check`), gives its parameters and assesses it by its
#     own figures without `--policies`;
#   - the JS package's `jurisdictions()` and the page's places (its chips, share links and
#     embeds) list it (their unit tests, told the place to expect by `DOUDI_EXPECT_PLACE`).
# Usage: scripts/fixture-build.sh   (scripts/test-all.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOUDI_EXTRA_POLICIES="$PWD/cli/tests/data/policies-fixture"
export CARGO_TARGET_DIR="$PWD/target/fixture"
export DOUDI_EXPECT_PLACE=testshire
die() { printf 'fixture-build: %s\n' "$1" >&2; exit 1; }

cargo build -q -p doudi-cli
doudi=$CARGO_TARGET_DIR/debug/doudi
check=$("$doudi" check)
echo "$check" | grep -q '^testshire: ' || die "doudi check does not list testshire: $check"
"$doudi" params --jurisdiction testshire --as-of 2020-04-15 | grep -q '800' || die "doudi params: no standard of 800"
# Testshire's first case (tests/testshire.toml): 2 × 800 − (1200 − 300) = 700.00.
household='{"jurisdiction":"testshire","as_of":"2020-04-15","support":{"dibao":true,"dibao_monthly":600},"members":[{"age":40,"monthly_income":1200,"work":"migrant"},{"age":70}]}'
monthly=$(echo "$household" | "$doudi" evaluate --compact - | python3 -c '
import json, sys
a = json.load(sys.stdin)
print(next(f["monthly"] for f in a["findings"] if f["program"] == "dibao"))')
[ "$monthly" = "700.00" ] || die "doudi evaluate: testshire's 低保 is $monthly, not 700.00"
echo "fixture-build: doudi lists testshire and assesses it (低保 700.00) with no --policies"

cargo test -q -p doudi-js --lib jurisdictions_lists_every_place
cargo test -q -p doudi-web the_places_are_the_policies_places
echo "fixture-build: the JS package and the page list testshire"
