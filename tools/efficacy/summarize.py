#!/usr/bin/env python3
"""Summarize `aipack redteam report DIR --format json` outputs into the tables of docs/efficacy.md.

`aipack redteam report` gives, per imported prompt list, every attempt with the rules that alerted on its session and
their severities. This adds what the efficacy page needs on top: one table over several corpora (one report per
corpus), the development / held-out split (a line is in the development split when sha256(id) mod 10 < 3), and
rules left out of the counts (--exclude-rule; the corpora repeat payloads across lines, so the cross-user campaign
rule fires for reasons that are artefacts of the import).

    python3 tools/efficacy/summarize.py [--exclude-rule RULE]... [--markdown] REPORT.json...

A line counts as flagged when a rule raised an alert at Low or above on its session, and separately at Medium or
above; an Informational alert alone (meta discussion) does not count. Python 3 standard library only.
"""
import argparse
import collections
import hashlib
import json
import sys

RANK = {"informational": 0, "low": 1, "medium": 2, "high": 3}


def split_of(line_id):
    return "dev" if int(hashlib.sha256(line_id.encode()).hexdigest(), 16) % 10 < 3 else "holdout"


def rank_of(attempt, excluded):
    ranks = [RANK.get(str(r.get("severity", "")).lower(), 0) for r in attempt.get("rules", []) if r.get("rule") not in excluded]
    return max(ranks, default=-1)


def pct(n, d):
    return f"{100.0 * n / d:.1f}%" if d else "-"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="+", metavar="REPORT.json")
    parser.add_argument("--exclude-rule", action="append", default=[], metavar="RULE")
    parser.add_argument("--markdown", action="store_true", help="print markdown tables")
    args = parser.parse_args()
    excluded = set(args.exclude_rule)

    groups = collections.defaultdict(lambda: collections.Counter())
    totals = collections.defaultdict(lambda: collections.Counter())
    rules = collections.Counter()
    for path in args.reports:
        try:
            report = json.load(open(path, encoding="utf-8"))
            attempts = report["attempts"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            print(f"{path}: skipped: {e}", file=sys.stderr)
            continue
        for a in attempts:
            rank, split = rank_of(a, excluded), split_of(a["id"])
            # Sub-families ("PlantedInstruction (Keylogging)", "ordinary (koala)") are counted under their family.
            key = (a["label"], a.get("source") or "?", a["family"].split(" (")[0])
            for counter, k in ((groups[key], ""), (totals[a["label"]], ""), (totals[a["label"] + " " + split], "")):
                counter["lines"] += 1
                counter["low"] += rank >= 1
                counter["medium"] += rank >= 2
            groups[key]["lines " + split] += 1
            groups[key]["low " + split] += rank >= 1
            if a["label"] == "attack":
                for r in a.get("rules", []):
                    if r.get("rule") not in excluded and RANK.get(str(r.get("severity", "")).lower(), 0) >= 1:
                        rules[r["rule"]] += 1

    sep = " | " if args.markdown else "  "
    line = (lambda cells: print("| " + sep.join(cells) + " |")) if args.markdown else (lambda cells: print(sep.join(cells)))
    line(["Label", "Lines", "Flagged (Low+)", "Medium+"])
    if args.markdown:
        print("|---|---|---|---|")
    for label in sorted(totals):
        c = totals[label]
        line([label, f"{c['lines']:,}", f"{c['low']:,} ({pct(c['low'], c['lines'])})", f"{c['medium']:,} ({pct(c['medium'], c['lines'])})"])
    print()
    line(["Label", "Corpus", "Family", "Lines", "Flagged (Low+)", "Medium+", "Held-out: lines, flagged", "Development: lines, flagged"])
    if args.markdown:
        print("|---|---|---|---|---|---|---|---|")
    for key in sorted(groups):
        c = groups[key]
        line([key[0], key[1], key[2], f"{c['lines']:,}", f"{c['low']:,} ({pct(c['low'], c['lines'])})",
              f"{c['medium']:,} ({pct(c['medium'], c['lines'])})",
              f"{c['lines holdout']:,}, {pct(c['low holdout'], c['lines holdout'])}", f"{c['lines dev']:,}, {pct(c['low dev'], c['lines dev'])}"])
    print()
    print("Rules that flagged attack lines (Low+): " + ", ".join(f"{r} {n:,}" for r, n in rules.most_common()))


if __name__ == "__main__":
    main()
