#!/usr/bin/env python3
"""Runs the econind CLI over tests/corpus and scores it against the gold annotations.

usage: score.py CLI [--corpus DIR] [--min LEVEL=F1 ...] [--misses]

A system record matches a gold record when their byte spans overlap and the kind agrees.
Levels (each an F1 over non-ambiguous gold records):
  value   the value (and value_max) agree
  full    value + unit class (CNY/USD/…, % or pp) + qualifier class (more_than ~ at_least,
          less_than ~ at_most)
  link    value + the subject is the same place: when the gold name is a name or alias of an
          ontology entry (lib/data/ontology), that entry or one directly part of it or it of
          (a cluster and its park, a sub-park and its park); else the same name (suffixes such
          as 高新区 and "High-tech Zone" ignored)
  year    value + the same year
System records overlapping an ambiguous gold record of the same kind are not counted.
Exits 1 when a level falls below its --min floor.
"""
import json, os, re, subprocess, sys, unicodedata

LOWER = {"more_than": "lower", "at_least": "lower", "less_than": "upper", "at_most": "upper"}
SUFFIX = re.compile(r"(国家级)?(高新技术产业开发区|高新技术产业示范区|高新区|开发区|示范区|园区|科学城)$"
                    r"|\s*\b(new (and|&) )?(hi|high)-?tech(nology)?( industrial)?( development)? zones?$"
                    r"|\s*\b(industrial|science|technology) parks?$", re.I)


def gold_records(doc_bytes, path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            needle, start, pos = r["text"].encode(), 0, -1
            for _ in range(r.get("occurrence", 1)):
                pos = doc_bytes.find(needle, start)
                if pos < 0:
                    raise SystemExit("%s: %r occurrence %d not found" % (path, r["text"], r.get("occurrence", 1)))
                start = pos + 1
            r["begin"], r["end"] = pos, pos + len(needle)
            out.append(r)
    return out


def same_number(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(float(a) - float(b)) <= 1e-6 * max(1.0, abs(float(a)))


def unit_class(kind, unit):
    if kind == "money":
        return (unit or "").upper()
    if kind == "percent":
        return "pp" if unit in ("pp", "个百分点", "百分点") else "‰" if unit == "‰" else "%"
    return None


def names(subject):
    if subject is None:
        return []
    if isinstance(subject, dict):
        return [subject.get(k) for k in ("name", "name_en", "id") if subject.get(k)]
    return [subject]


def key(name):
    k = SUFFIX.sub("", unicodedata.normalize("NFKC", name).strip().lower()).strip(" -·")
    return k if len(k) >= 2 else name.lower()


def ontology_ids(root):
    """Every name and alias of the built-in ontology (normalized) -> the ids of its entries, and
    each entry -> the entries it is directly part of (its parent, a cluster's park)."""
    ids, part_of = {}, {}
    folder = os.path.join(root, "lib", "data", "ontology")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                # id, type, name, name_hant, name_en, short_name, short_en, parent, aliases, attributes
                for n in cols[2:7] + cols[8].split("|"):
                    if n:
                        ids.setdefault(normal(n), set()).add(cols[0])
                parks = [a[5:] for a in cols[9].split(";") if a.startswith("park=")]
                part_of[cols[0]] = {x for x in [cols[7]] + parks if x}
    return ids, part_of


def normal(name):
    return unicodedata.normalize("NFKC", name).strip().lower()


IDS, PART_OF = ontology_ids(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))


def label(subject):
    found = names(subject)
    return found[0] if found else "none"


def same_subject(gold, system):
    gold_ids = set().union(*[IDS.get(normal(x), set()) for x in names(gold)]) if names(gold) else set()
    if gold_ids and isinstance(system, dict) and system.get("id"):
        sid = system["id"]  # the entry, or one directly part of the other (a cluster of its park)
        return sid in gold_ids or bool(PART_OF.get(sid, set()) & gold_ids) or \
            any(sid in PART_OF.get(g, set()) for g in gold_ids)
    g, s = [key(x) for x in names(gold)], [key(x) for x in names(system)]
    if not g or not s:
        return not g and not s
    return any(a == b or a in b or b in a for a in g for b in s)


def score(cli, corpus):
    levels = ["value", "full", "link", "year"]
    hits = {l: 0 for l in levels}
    n_gold = n_sys = 0
    misses = []
    for name in sorted(os.listdir(os.path.join(corpus, "docs"))):
        doc = name[:-4]
        path = os.path.join(corpus, "docs", name)
        gold = gold_records(open(path, "rb").read(), os.path.join(corpus, "gold", doc + ".jsonl"))
        run = subprocess.run([cli, "extract", "--format", "jsonl", path], capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit("%s failed on %s: %s" % (cli, path, run.stderr))
        system = [json.loads(l) for l in run.stdout.splitlines() if l.strip()]
        ambiguous = [g for g in gold if g.get("ambiguous")]
        gold = [g for g in gold if not g.get("ambiguous")]
        overlaps = lambda a, b: a["begin"] < b["end"] and b["begin"] < a["end"] and a["kind"] == b["kind"]
        system = [s for s in system if not any(overlaps(s, a) for a in ambiguous)]
        n_gold += len(gold)
        n_sys += len(system)
        used = set()
        for g in gold:
            best, best_levels = None, []
            for i, s in enumerate(system):
                if i in used or not overlaps(g, s):
                    continue
                got = []
                if same_number(g["value"], s["value"]) and same_number(g.get("value_max"), s.get("value_max")):
                    got.append("value")
                    if unit_class(g["kind"], g.get("unit")) == unit_class(s["kind"], s.get("unit")) and \
                            LOWER.get(g.get("qualifier"), g.get("qualifier")) == LOWER.get(s.get("qualifier"), s.get("qualifier")):
                        got.append("full")
                    if same_subject(g.get("subject"), s.get("subject")):
                        got.append("link")
                    if g.get("year") == s.get("year"):
                        got.append("year")
                if best is None or len(got) > len(best_levels):
                    best, best_levels = i, got
            if best is None:
                misses.append((doc, g["text"], "missed"))
                continue
            used.add(best)
            for l in best_levels:
                hits[l] += 1
            got = system[best]
            if "value" not in best_levels:
                misses.append((doc, g["text"], "value %s" % got["value"]))
                continue
            if "link" not in best_levels:
                misses.append((doc, g["text"], "subject %s, gold %s" % (label(got.get("subject")), label(g.get("subject")))))
            if "year" not in best_levels:
                misses.append((doc, g["text"], "year %s, gold %s" % (got.get("year"), g.get("year"))))
    result = {}
    for l in levels:
        p = hits[l] / n_sys if n_sys else 0.0
        r = hits[l] / n_gold if n_gold else 0.0
        result[l] = (p, r, 2 * p * r / (p + r) if p + r else 0.0)
    return n_gold, n_sys, result, misses


def main():
    args = sys.argv[1:]
    if not args:
        raise SystemExit(__doc__)
    cli = args[0]
    corpus = os.path.dirname(os.path.abspath(__file__))
    floors = {}
    for i, a in enumerate(args):
        if a == "--corpus":
            corpus = args[i + 1]
        if a == "--min":
            level, floor = args[i + 1].split("=")
            floors[level] = float(floor)
    n_gold, n_sys, result, misses = score(cli, corpus)
    print("gold %d  system %d" % (n_gold, n_sys))
    failed = False
    for level, (p, r, f) in result.items():
        floor = floors.get(level)
        bad = floor is not None and f < floor
        failed |= bad
        print("%-6s P %.3f  R %.3f  F1 %.3f%s" % (level, p, r, f, "" if floor is None else
                                                 "  (floor %.2f%s)" % (floor, " FAILED" if bad else "")))
    if "--misses" in args:
        for m in misses:
            print("  ", *m)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
