#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Every requirement sentence of an RFC, from its xml2rfc v3 source.

    tools/rfc-requirements.py RFC.xml [--keywords MUST,SHOULD,...] [--count]

Prints one line per sentence that carries a BCP 14 keyword (<bcp14>), as
"SECTION<TAB>KEYWORDS<TAB>SENTENCE": SECTION is the number xml2rfc gives
the section (1, 6.2, 6.2.1; A.1 in appendices), KEYWORDS the sentence's
keywords joined by "+", in order. --keywords keeps the sentences with one
of the given keywords (default: the requirement levels MUST, MUST NOT,
REQUIRED, SHALL, SHALL NOT, SHOULD, SHOULD NOT, RECOMMENDED, NOT
RECOMMENDED); --count prints how many sentences each keyword has instead.
The conformance table (Documentation/conformance.rst) is checked against
this list, so that no requirement of RFC 9260 goes without a row.
"""
import argparse
import re
import sys
import xml.etree.ElementTree as ET

LEVELS = ("MUST", "MUST NOT", "REQUIRED", "SHALL", "SHALL NOT", "SHOULD",
          "SHOULD NOT", "RECOMMENDED", "NOT RECOMMENDED")
# Elements whose text is prose: each is split into sentences on its own.
PROSE = {"t", "li", "dd", "dt", "td", "th", "aside", "blockquote"}
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
MARK = "\x00"           # wraps each keyword in the flattened text


def flatten(elem):
    """@elem's text with its children's (prose children excepted, which
    are read on their own), each <bcp14> keyword wrapped in MARKs."""
    parts = [elem.text or ""]
    for child in elem:
        if child.tag == "bcp14":
            parts.append(MARK + (child.text or "").strip() + MARK)
        elif child.tag not in PROSE and child.tag != "section":
            parts.append(flatten(child))
        parts.append(child.tail or "")
    return "".join(parts)


def sentences(elem):
    """The sentences of @elem that carry a keyword: (keywords, text)."""
    text = " ".join(flatten(elem).split())
    for sentence in SENTENCE_END.split(text):
        keywords = re.findall(MARK + "(.*?)" + MARK, sentence)
        if keywords:
            yield keywords, sentence.replace(MARK, "")


def prose_of(section):
    """The prose elements of @section, not of its subsections, in order."""
    def walk(elem):
        for child in elem:
            if child.tag == "section":
                continue
            if child.tag in PROSE:
                yield child
            yield from walk(child)
    return walk(section)


def numbered(parent, prefix):
    """(number, section) for the sections under @parent, depth first."""
    n = 0
    for child in parent:
        if child.tag != "section":
            continue
        n += 1
        if prefix is None:      # appendices: A, B, ...
            number = chr(ord("A") + n - 1)
        else:
            number = "%s%d" % (prefix + "." if prefix else "", n)
        yield number, child
        yield from numbered(child, number)


def requirements(root):
    """(section number, keywords, sentence) for the whole document."""
    for part, prefix in (("middle", ""), ("back", None)):
        top = root.find(part)
        if top is None:
            continue
        for number, section in numbered(top, prefix):
            for elem in prose_of(section):
                for keywords, text in sentences(elem):
                    yield number, keywords, text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("xml")
    ap.add_argument("--keywords", default=",".join(LEVELS))
    ap.add_argument("--count", action="store_true")
    args = ap.parse_args()
    wanted = set(args.keywords.split(","))
    rows = [(number, keywords, text)
            for number, keywords, text in requirements(ET.parse(args.xml).getroot())
            if wanted & set(keywords)]
    if args.count:
        counts = {}
        for _, keywords, _ in rows:
            for k in set(keywords) & wanted:
                counts[k] = counts.get(k, 0) + 1
        for k in sorted(counts, key=lambda k: -counts[k]):
            print("%s\t%d" % (k, counts[k]))
        print("sentences\t%d" % len(rows))
        return 0
    for number, keywords, text in rows:
        print("%s\t%s\t%s" % (number, "+".join(keywords), text))
    return 0


if __name__ == "__main__":
    sys.exit(main())
