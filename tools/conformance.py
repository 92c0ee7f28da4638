#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Documentation/conformance.rst: every requirement of RFC 9260 and what
xsctp does about it.

    tools/conformance.py [--check] [--rfc RFC9260.xml]

Reads the requirement sentences (Documentation/conformance/requirements,
written by --rfc from the RFC's XML with tools/rfc-requirements.py: one
"SECTION<TAB>KEYWORDS<TAB>SENTENCE" per line) and the hand-kept status of
each (Documentation/conformance/status), and writes the table. A
requirement's ID is its section and its number among the section's
requirements: 6.2/3. A status line is

    ID STATUS [TEST...] [-- NOTE]

STATUS is one of conforms (TEST names what proves it: wire:SCRIPT:CASE,
a conformance case; selftest:NAME; kunit:SUITE or kunit:SUITE.CASE), differs (a deliberate
difference: the NOTE says why) or n/a (the NOTE says why). An ID without
a line is "not assessed" and counted as such.

--check writes nothing: it fails when the table is not what the files
say, a status names an ID the RFC does not have or a test that does not
exist, or a conforms row has no test, or a differs or n/a row no note.
"""
import argparse
import collections
import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REQS = os.path.join(TOP, "Documentation", "conformance", "requirements")
STATUS = os.path.join(TOP, "Documentation", "conformance", "status")
TABLE = os.path.join(TOP, "Documentation", "conformance.rst")
STATUSES = ("conforms", "differs", "n/a")
UNASSESSED = "not assessed"


def read_requirements():
    """[(id, section, keywords, sentence)] in the RFC's order."""
    rows, seen = [], collections.Counter()
    with open(REQS) as f:
        for line in f:
            section, keywords, sentence = line.rstrip("\n").split("\t")
            seen[section] += 1
            rows.append(("%s/%d" % (section, seen[section]), section, keywords, sentence))
    return rows


def read_status():
    """{id: (status, [tests], note, line number)}."""
    status = {}
    with open(STATUS) as f:
        for n, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip() if not line.lstrip().startswith("#") else ""
            if not line:
                continue
            words, _, note = line.partition(" -- ")
            words = words.split()
            status[words[0]] = (words[1] if len(words) > 1 else "", words[2:], note.strip(), n)
    return status


def wire_cases():
    """{"SCRIPT:CASE"} of selftests/wire/*.py."""
    cases = set()
    wire = os.path.join(TOP, "selftests", "wire")
    for name in sorted(os.listdir(wire)):
        if not name.endswith(".py"):
            continue
        with open(os.path.join(wire, name)) as f:
            source = f.read()
        for fn in re.findall(r"^@case\(.*?\)\s*\ndef (\w+)", source, re.M | re.S):
            cases.add("%s:%s" % (name[:-3], fn))
    return cases


def kunit_suites():
    """{"SUITE", "SUITE.CASE"} of net/xsctp/tests/*.c (one suite a file)."""
    suites = set()
    tests = os.path.join(TOP, "net", "xsctp", "tests")
    for name in os.listdir(tests):
        if not name.endswith(".c"):
            continue
        with open(os.path.join(tests, name)) as f:
            source = f.read()
        cases = re.findall(r"KUNIT_CASE\w*\((\w+)", source)
        for suite in re.findall(r'\.name\s*=\s*"(\w+)"', source):
            suites.add(suite)
            suites.update("%s.%s" % (suite, case) for case in cases)
    return suites


def test_exists(test, cases, suites):
    kind, _, name = test.partition(":")
    if kind == "wire":
        return name in cases
    if kind == "selftest":
        return os.path.exists(os.path.join(TOP, "selftests", name + ".sh"))
    if kind == "kunit":
        return name in suites
    return False


def problems(reqs, status):
    ids = {r[0] for r in reqs}
    cases, suites = wire_cases(), kunit_suites()
    out = []
    for rid, (st, tests, note, n) in status.items():
        where = "status:%d: %s" % (n, rid)
        if rid not in ids:
            out.append("%s: no such requirement" % where)
        if st not in STATUSES:
            out.append("%s: status %r is not one of %s" % (where, st, ", ".join(STATUSES)))
        if st == "conforms" and not tests:
            out.append("%s: conforms, but no test proves it" % where)
        if st in ("differs", "n/a") and not note:
            out.append("%s: %s needs a note saying why" % (where, st))
        out.extend("%s: no test %s" % (where, t) for t in tests if not test_exists(t, cases, suites))
    return out


def rst_escape(text):
    return re.sub(r"([*`|\\_])", r"\\\1", text)


def render(reqs, status):
    counts = collections.Counter()
    by_level = collections.defaultdict(collections.Counter)
    for rid, _, keywords, _ in reqs:
        st = status.get(rid, ("",))[0] or UNASSESSED
        counts[st] += 1
        by_level[keywords.split("+")[0]][st] += 1
    cols = list(STATUSES) + [UNASSESSED]
    title = "RFC 9260 conformance, requirement by requirement"
    rule = "=" * 17 + "  " + "  ".join("=" * 12 for _ in cols) + "  ====="
    out = [
        "=" * len(title), title, "=" * len(title), "",
        ".. This file is written by tools/conformance.py from",
        "   Documentation/conformance/requirements and .../status: edit those.",
        "",
        "Every sentence of RFC 9260 with a requirement keyword (BCP 14: MUST,",
        "MUST NOT, SHOULD, SHOULD NOT, ...), as ``tools/rfc-requirements.py``",
        "extracts them, with xsctp's status: **conforms** (and the test that",
        "proves it: ``wire:`` a case of ``selftests/wire/``, run by the",
        "``conformance`` selftest against xsctp and by ``conformance_ko``",
        "against ``sctp.ko``; ``selftest:`` a selftest; ``kunit:`` a KUnit",
        "suite, or one case of it after the dot), **differs** (deliberately:",
        "why), **n/a** (why), or **not assessed** yet. A requirement's ID is",
        "its section and its place among the section's requirements. Rows by",
        "the first keyword of each sentence:",
        "",
        rule,
        "%-17s  " % "keyword" + "  ".join("%-12s" % c for c in cols) + "  total",
        rule,
    ]
    for level in sorted(by_level, key=lambda k: -sum(by_level[k].values())):
        c = by_level[level]
        out.append("%-17s  " % level + "  ".join("%-12d" % c[s] for s in cols)
                   + "  %d" % sum(c.values()))
    out.append("%-17s  " % "all" + "  ".join("%-12d" % counts[s] for s in cols)
               + "  %d" % len(reqs))
    out.append(rule)
    out.append("")
    section = None
    for rid, sec, keywords, sentence in reqs:
        if sec != section:
            section = sec
            title = "Section %s" % sec
            out += [title, "-" * len(title), ""]
        st, tests, note, _ = status.get(rid, ("", [], "", 0))
        line = "``%s`` %s: **%s**" % (rid, keywords.replace("+", ", "), st or UNASSESSED)
        if tests:
            line += " (%s)" % ", ".join("``%s``" % t for t in tests)
        out.append(line)
        out.append("    %s" % rst_escape(sentence))
        if note:
            out.append("")
            out.append("    *%s*" % rst_escape(note))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def regenerate_requirements(xml):
    text = subprocess.run([sys.executable, os.path.join(TOP, "tools", "rfc-requirements.py"),
                           xml], check=True, capture_output=True, text=True).stdout
    os.makedirs(os.path.dirname(REQS), exist_ok=True)
    with open(REQS, "w") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--rfc")
    args = ap.parse_args()
    if args.rfc:
        regenerate_requirements(args.rfc)
    reqs, status = read_requirements(), read_status()
    bad = problems(reqs, status)
    for p in bad:
        print("conformance: %s" % p, file=sys.stderr)
    table = render(reqs, status)
    if args.check:
        with open(TABLE) as f:
            if f.read() != table:
                print("conformance: %s is stale: run tools/conformance.py" % TABLE,
                      file=sys.stderr)
                return 1
        return 1 if bad else 0
    with open(TABLE, "w") as f:
        f.write(table)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
