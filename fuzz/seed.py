#!/usr/bin/env python3
"""Writes the fuzz seed corpus: every household of policies/tests/*.toml and examples/
(*.json and each line of batch.jsonl), and every input the fuzzer once crashed on
(fuzz/regressions/), one file each, into fuzz/corpus/parse_json/."""
import datetime, hashlib, json, pathlib, tomllib

root = pathlib.Path(__file__).resolve().parent.parent
out = root / "fuzz" / "corpus" / "parse_json"
out.mkdir(parents=True, exist_ok=True)


def plain(v):
    if isinstance(v, (datetime.date, datetime.datetime)):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [plain(x) for x in v]
    return v


seeds = []
for f in sorted((root / "policies" / "tests").glob("*.toml")):
    for case in tomllib.loads(f.read_text())["case"]:
        seeds.append(json.dumps(plain(case["input"]), ensure_ascii=False))
for f in sorted((root / "examples").glob("*.json")):
    seeds.append(f.read_text())
for line in (root / "examples" / "batch.jsonl").read_text().splitlines():
    if line.strip():
        seeds.append(line)
for f in sorted((root / "fuzz" / "regressions").glob("*")):
    seeds.append(f.read_text())
for s in seeds:
    data = s.encode()
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
print(f"fuzz/seed.py: {len(seeds)} seeds in {out.relative_to(root)}")
