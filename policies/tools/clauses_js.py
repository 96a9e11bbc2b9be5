#!/usr/bin/env python3
"""Writes the clauses' words as a script for the site (web/post-build.sh → dist/clauses.js):
`globalThis.doudiClauses = {"000:2.5.3": "…", …};`, from policies/documents/*.toml — the same
files core/build.rs embeds. The site's wasm leaves these words out (the `lazy-clauses` feature
of doudi-core) and loads this file after its first result; web/src/clauses.rs reads it.

Usage: python3 policies/tools/clauses_js.py > clauses.js
"""
import json
import pathlib
import sys
import tomllib

root = pathlib.Path(__file__).resolve().parent.parent / "documents"
texts = {}
for path in sorted(root.glob("*.toml")):
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    for clause in doc.get("clauses", []):
        texts[f"{doc['id']}:{clause['id']}"] = clause["text"]
sys.stdout.write("// The clauses' words (policies/tools/clauses_js.py): loaded after the first result.\n")
sys.stdout.write("globalThis.doudiClauses = " + json.dumps(texts, ensure_ascii=False, separators=(",", ":")) + ";\n")
