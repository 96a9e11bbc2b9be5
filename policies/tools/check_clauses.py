#!/usr/bin/env python3
"""Verify the clause files policies/documents/NNN.toml against their sources.

Usage:
    python3 policies/tools/check_clauses.py [-v] [NNN ...]

Without arguments every policies/documents/*.toml is checked. -v also lists
every uncovered fragment that is only tolerated (headings numbering, debris,
title lines). Exit status 0 when every check passes, 1 otherwise; each problem
is printed as

    FAIL <file> <clause id or -> : <message>

Checks (each a failure):
  * the file parses (tomllib); top-level keys id, source, jurisdiction, title,
    title_en, number, issuer, issuer_en are non-empty strings and no unknown key
    is present; id equals the file's 3-digit prefix; source names an existing
    file in policies/sources/ that starts with the id; jurisdiction is the one
    expected for that document; date is present exactly for the documents whose
    text gives a full date (000, 001, 003), equals it, and is YYYY-MM-DD;
    applies_from (optional: a reading, the day the document's measures apply
    from) is a quoted YYYY-MM-DD no earlier than the date, where there is one.
  * clauses: keys id, label, text present (heading, procedural optional, no
    other keys); ids unique, of the form <section>.<item>.<sentence> with a
    (section, item) pair allowed for that document, and sentences numbered
    1, 2, 3, ... without gaps, in file order; label equals the citation form
    derived from the id (see expected_label); text non-empty, on one line, no
    leading/trailing whitespace, and one sentence (a "。" only at its end);
    procedural, when present, is one of PROCEDURAL.
  * verbatim: every text occurs in the source once all whitespace is removed
    from both, and the clauses occur in source order (each after the previous
    one). Stricter: the text, internal spaces included, occurs in the source
    with its line breaks and line-edge indentation removed.
  * headings: each part of a heading (split at " / ") occurs in the source.
  * coverage: the source (whitespace removed) is marked character by character
    as debris (DEBRIS patterns, and a repeat of the title at the very end),
    clause text, heading, or title/number line (the document's own title or
    number as given in the metadata). What remains uncovered is tolerated
    (printed with -v as info) when it consists only of numbering and
    punctuation -- the "一、", "（五）", "12." of headings and the "。" ending
    a heading. Any other uncovered character fails: the source sentence
    (split at "。") holding it is printed as "not contained in any clause",
    so nothing of substance can be dropped silently.

Per document the script prints the clause counts (total / procedural /
unmarked) and coverage: the share of non-debris characters covered by clause
texts plus headings, and the share once title/number lines are counted too.
"""
import datetime
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[1]  # policies/
DOCS = ROOT / "documents"
SOURCES = ROOT / "sources"

PROCEDURAL = {"preamble", "signature", "responsibility", "organisation",
              "outreach", "institutions", "funding", "process"}

TOP_REQUIRED = ["id", "source", "jurisdiction", "title", "title_en", "number",
                "issuer", "issuer_en"]
TOP_KEYS = set(TOP_REQUIRED) | {"date", "applies_from", "clauses"}
CLAUSE_REQUIRED = ["id", "label", "text"]
CLAUSE_KEYS = set(CLAUSE_REQUIRED) | {"heading", "procedural"}


def _items(sec_items):
    """{section: iterable of item numbers} -> set of (section, item)."""
    return {(s, i) for s, items in sec_items.items() for i in items}


# Per document: jurisdiction, date (None = key must be absent), allowed
# (section, item) pairs. Section 0 = preamble, 9 = signature.
EXPECTED = {
    "000": dict(jurisdiction="tianjin", date="2020-03-10",
                groups=_items({0: [0], 1: range(1, 5), 2: range(5, 8),
                               3: range(8, 10), 4: range(10, 13), 9: [0]})),
    "001": dict(jurisdiction="chongqing", date="2020-03-13",
                groups=_items({0: [0], 1: range(1, 6), 2: range(1, 4),
                               3: range(1, 5), 4: [0], 5: [0], 9: [0]})),
    "002": dict(jurisdiction="tianjin", date=None,
                groups=_items({0: [0], 1: [0], 2: [0], 3: [0], 4: [0], 5: [0],
                               6: [0]})),
    "003": dict(jurisdiction="tianjin-dongli", date="2020-06-12",
                groups=_items({0: [0, 1], 1: [0], 2: range(1, 7),
                               3: range(1, 4), 4: range(1, 5)})),
    "004": dict(jurisdiction="jilin", date=None,
                groups=_items({0: [0], 1: range(1, 6), 2: range(6, 9),
                               3: range(9, 11), 4: range(11, 14),
                               5: range(14, 18)})),
}

# Page debris, matched on the whitespace-free source text.
DEBRIS = [
    r"\[bookmark:_GoBack\]",
    r"发布日期:\d{4}-\d{2}-\d{2}",
    r"附件：(?=主办：)",
    r"主办：天津市人民政府办公厅版权所有©承办：天津市人民政府办公厅政务信息发布中心",
    r"系统检测到您正在使用ie8以下内核的浏览器，不能实现完美体验，请更换或升级浏览器访问！",
    r"文件下载",
]

# Uncovered fragments made only of these are heading numbering / punctuation.
NUMBERING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+\.|[。：:，；;])+$")

CN = "零一二三四五六七八九十"


def cn_num(n):
    if n <= 10:
        return CN[n]
    if n < 20:
        return "十" + CN[n - 10]
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def expected_label(doc, sec, item, k, procedural, sig_index, sig_count):
    """The citation form of clause <sec>.<item>.<k> of document doc.

    sig_index / sig_count: position (1-based) and number of signature lines in
    the clause's (section, item) group, used for 落款 labels.
    """
    if procedural == "signature" or (sec == 9 and doc in ("000", "001")):
        base = "印发通知落款" if doc == "003" else "落款"
        return base if sig_count <= 1 else f"{base}第{sig_index}行"
    if doc == "003" and sec == 0:
        return f"印发通知第{k}句" if item == 0 else f"方案序言第{k}句"
    if sec == 0:
        return f"序言第{k}句"
    if doc == "004":
        return f"{cn_num(sec)}、{item}. 第{k}句"
    if item == 0:
        return f"{cn_num(sec)}、第{k}句"
    return f"{cn_num(sec)}（{cn_num(item)}）第{k}句"


def strip_ws(s):
    return re.sub(r"\s+", "", s)


class Report:
    def __init__(self, verbose):
        self.failures = 0
        self.verbose = verbose

    def fail(self, fname, cid, msg):
        self.failures += 1
        print(f"FAIL {fname} {cid or '-'}: {msg}")

    def info(self, fname, msg, always=False):
        if always or self.verbose:
            print(f"info {fname}: {msg}")


def check_file(path, rep):
    fname = path.name
    doc = path.stem
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        rep.fail(fname, None, f"does not parse: {e}")
        return
    exp = EXPECTED.get(doc)
    if exp is None:
        rep.fail(fname, None, "unknown document (expected 000..004.toml)")
        return

    # ---- top level ------------------------------------------------------
    for k in TOP_REQUIRED:
        v = data.get(k)
        if not isinstance(v, str) or not v.strip():
            rep.fail(fname, None, f"top-level key '{k}' missing or empty")
    for k in data:
        if k not in TOP_KEYS:
            rep.fail(fname, None, f"unknown top-level key '{k}'")
    if data.get("id") != doc:
        rep.fail(fname, None, f"id is {data.get('id')!r}, file prefix is {doc!r}")
    if data.get("jurisdiction") != exp["jurisdiction"]:
        rep.fail(fname, None, f"jurisdiction should be {exp['jurisdiction']!r}")
    if exp["date"] is None:
        if "date" in data:
            rep.fail(fname, None, "date given but the text gives no full date")
    else:
        d = data.get("date")
        if isinstance(d, datetime.date):  # bare TOML date
            d = d.isoformat()
        if d != exp["date"]:
            rep.fail(fname, None, f"date should be {exp['date']!r}, got {d!r}")
        elif not isinstance(data.get("date"), str):
            rep.fail(fname, None, "date should be a quoted string YYYY-MM-DD")
    if "applies_from" in data:
        a = data["applies_from"]
        try:
            ok = isinstance(a, str) and datetime.date.fromisoformat(a).isoformat() == a
        except ValueError:
            ok = False
        if not ok:
            rep.fail(fname, None, "applies_from should be a quoted string YYYY-MM-DD")
        elif isinstance(data.get("date"), str) and a < data["date"]:
            rep.fail(fname, None, f"applies_from {a} is before the document's date {data['date']}")
    source = data.get("source")
    src_path = SOURCES / str(source)
    if not isinstance(source, str) or not source.startswith(doc + "_") \
            or not src_path.is_file():
        rep.fail(fname, None, f"source {source!r} is not policies/sources/{doc}_*.txt")
        return
    raw = src_path.read_text(encoding="utf-8")
    S = strip_ws(raw)
    joined = "".join(line.strip() for line in raw.splitlines())

    clauses = data.get("clauses")
    if not isinstance(clauses, list) or not clauses:
        rep.fail(fname, None, "no [[clauses]]")
        return

    # ---- clauses: keys, ids, labels, text shape --------------------------
    seen = set()
    last_k = {}
    group_order = []
    parsed = []
    for n, c in enumerate(clauses, 1):
        cid = c.get("id") if isinstance(c.get("id"), str) else f"#{n}"
        ok = True
        for k in CLAUSE_REQUIRED:
            if not isinstance(c.get(k), str):
                rep.fail(fname, cid, f"key '{k}' missing or not a string")
                ok = False
        for k in c:
            if k not in CLAUSE_KEYS:
                rep.fail(fname, cid, f"unknown key '{k}'")
        for k in ("heading", "procedural"):
            if k in c and (not isinstance(c[k], str) or not c[k].strip()):
                rep.fail(fname, cid, f"'{k}' present but empty or not a string")
        if not ok:
            continue
        m = re.fullmatch(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.([1-9]\d*)", cid)
        if cid in seen:
            rep.fail(fname, cid, "duplicate id")
        seen.add(cid)
        if not m:
            rep.fail(fname, cid, "id is not <section>.<item>.<sentence>")
            continue
        sec, item, k = map(int, m.groups())
        if (sec, item) not in exp["groups"]:
            rep.fail(fname, cid, f"section {sec} item {item} does not exist in this document")
        if k != last_k.get((sec, item), 0) + 1:
            rep.fail(fname, cid, f"sentence number {k} out of sequence "
                                 f"(expected {last_k.get((sec, item), 0) + 1})")
        last_k[(sec, item)] = k
        if (sec, item) in group_order and group_order[-1] != (sec, item):
            rep.fail(fname, cid, "clauses of one section/item are not contiguous")
        if (sec, item) not in group_order:
            group_order.append((sec, item))
        text = c["text"]
        if not text.strip():
            rep.fail(fname, cid, "empty text")
            continue
        if text != text.strip() or "\n" in text or "\r" in text:
            rep.fail(fname, cid, "text has a line break or leading/trailing whitespace")
        if "。" in text[:-1]:
            rep.fail(fname, cid, "text holds more than one sentence (a 。 before its end)")
        proc = c.get("procedural")
        if proc is not None and proc not in PROCEDURAL:
            rep.fail(fname, cid, f"procedural {proc!r} is not one of {sorted(PROCEDURAL)}")
        parsed.append(dict(cid=cid, sec=sec, item=item, k=k, text=text,
                           heading=c.get("heading"), proc=proc, label=c["label"]))

    sigs = {}
    for p in parsed:
        if p["proc"] == "signature" or (p["sec"] == 9 and doc in ("000", "001")):
            sigs.setdefault((p["sec"], p["item"]), []).append(p["cid"])
    for p in parsed:
        group = sigs.get((p["sec"], p["item"]), [])
        idx = group.index(p["cid"]) + 1 if p["cid"] in group else 0
        want = expected_label(doc, p["sec"], p["item"], p["k"], p["proc"], idx, len(group))
        if p["label"] != want:
            rep.fail(fname, p["cid"], f"label {p['label']!r} should be {want!r}")
        if p["sec"] == 9 and p["proc"] != "signature":
            rep.fail(fname, p["cid"], "a section-9 clause must be procedural = \"signature\"")

    # ---- verbatim and order ---------------------------------------------
    mark = [None] * len(S)  # None | "debris" | "clause" | "heading" | "meta"
    for pat in DEBRIS:
        for m in re.finditer(pat, S):
            for i in range(m.start(), m.end()):
                mark[i] = "debris"
    t = strip_ws(str(data.get("title", "")))
    if t and S.endswith(t) and S.find(t) < len(S) - len(t):
        for i in range(len(S) - len(t), len(S)):
            mark[i] = "debris"  # the title repeated at the end of the page

    pos = 0
    first_pos = {}
    for p in parsed:
        st = strip_ws(p["text"])
        if p["text"] not in joined:
            rep.fail(fname, p["cid"], "text (internal spaces included) is not verbatim "
                                      "in the source with line breaks removed")
        at = S.find(st, pos)
        while at >= 0 and any(mark[i] == "debris" for i in range(at, at + len(st))):
            at = S.find(st, at + 1)
        if at < 0:
            if st in S:
                rep.fail(fname, p["cid"], "text found in the source, but not after the previous clause (order)")
            else:
                rep.fail(fname, p["cid"], "text does not occur verbatim in the source")
            continue
        for i in range(at, at + len(st)):
            mark[i] = "clause"
        first_pos.setdefault(p["heading"], at)
        pos = at + len(st)

    # ---- headings --------------------------------------------------------
    for p in parsed:
        h = p["heading"]
        if h is None or h not in first_pos:
            continue
        end = first_pos.pop(h)
        for part in reversed([x.strip() for x in h.split(" / ")]):
            sp = strip_ws(part)
            if not sp or sp not in S:
                rep.fail(fname, p["cid"], f"heading part {part!r} does not occur in the source")
                break
            at = S.rfind(sp, 0, end)
            while at >= 0 and any(mark[i] not in (None, "heading")
                                  for i in range(at, at + len(sp))):
                at = S.rfind(sp, 0, at + len(sp) - 1)
            if at < 0:
                rep.fail(fname, p["cid"], f"heading part {part!r} not found before its first clause")
                break
            for i in range(at, at + len(sp)):
                mark[i] = "heading"
            end = at

    # ---- title / number lines -------------------------------------------
    for key in ("title", "number"):
        sp = strip_ws(str(data.get(key, "")))
        if not sp:
            continue
        at = S.find(sp)
        while at >= 0:
            if all(mark[i] is None for i in range(at, at + len(sp))):
                for i in range(at, at + len(sp)):
                    mark[i] = "meta"
            at = S.find(sp, at + 1)

    # ---- coverage ---------------------------------------------------------
    uncovered_bad = [False] * len(S)
    i = 0
    while i < len(S):
        if mark[i] is not None:
            i += 1
            continue
        j = i
        while j < len(S) and mark[j] is None:
            j += 1
        frag = S[i:j]
        if NUMBERING.match(frag):
            rep.info(fname, f"uncovered numbering/punctuation {frag!r}")
        else:
            for x in range(i, j):
                uncovered_bad[x] = True
        i = j
    start = 0
    for m in re.finditer("。|$", S):
        end = m.end()
        if any(uncovered_bad[start:end]):
            sent = "".join(S[x] for x in range(start, end) if mark[x] != "debris")
            missing = "".join(S[x] for x in range(start, end) if uncovered_bad[x])
            rep.fail(fname, None, f"source sentence not contained in any clause: {sent!r} "
                                  f"(uncovered: {missing!r})")
        start = end
        if end >= len(S):
            break
    for kind in ("debris", "meta"):
        frags, i = [], 0
        while i < len(S):
            if mark[i] == kind:
                j = i
                while j < len(S) and mark[j] == kind:
                    j += 1
                frags.append(S[i:j])
                i = j
            else:
                i += 1
        for f in frags:
            rep.info(fname, f"{'debris dropped' if kind == 'debris' else 'title/number line'}: {f!r}")

    body = sum(1 for x in mark if x != "debris")
    cov = sum(1 for x in mark if x in ("clause", "heading"))
    cov_meta = cov + sum(1 for x in mark if x == "meta")
    n_proc = sum(1 for p in parsed if p["proc"])
    print(f"{fname}: {len(parsed)} clauses ({n_proc} procedural, {len(parsed) - n_proc} unmarked); "
          f"coverage {100 * cov / body:.1f}% of {body} non-debris chars by clauses+headings, "
          f"{100 * cov_meta / body:.1f}% with title/number lines")


def main(argv):
    verbose = "-v" in argv
    names = [a for a in argv if a != "-v"]
    if names:
        paths = [DOCS / (n if n.endswith(".toml") else n + ".toml") for n in names]
    else:
        paths = sorted(DOCS.glob("*.toml"))
    rep = Report(verbose)
    if not paths:
        rep.fail("policies/documents", None, "no .toml files found")
    for p in paths:
        if not p.is_file():
            rep.fail(p.name, None, "file not found")
            continue
        check_file(p, rep)
    if rep.failures:
        print(f"{rep.failures} problem(s) found")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
