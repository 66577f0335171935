#!/usr/bin/env python3
"""Sets Oversight's flagged rows beside the reference's, rule by rule (see bin/compare-903).

usage: compare-903-diff.py REFERENCE.csv OVERSIGHT.csv [--rules RULES.csv] [--counts OUT.csv] [--examples N]
Prints, per rule: rows the reference flags, rows Oversight flags, rows only one of them flags, and a few examples.
--counts writes rule,reference,oversight,both,reference_only,oversight_only,reference_status,oversight_status.
"""
import argparse
import csv
from collections import defaultdict


def load(path):
    rows, status = defaultdict(set), {}
    with open(path, newline="") as f:
        for r in csv.reader(f):
            if not r or r[0] == "rule":
                continue
            if r[0].startswith("#"):
                status[r[1]] = r[0][1:] + (": " + r[2] if len(r) > 2 and r[2] else "")
                continue
            rows[r[0]].add((r[1], int(r[2])))
    return rows, status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reference")
    ap.add_argument("oversight")
    ap.add_argument("--counts")
    ap.add_argument("--rules", help="the rule list (code,message): every rule is counted, flagged or not")
    ap.add_argument("--examples", type=int, default=3)
    a = ap.parse_args()
    ref, ref_status = load(a.reference)
    ours, our_status = load(a.oversight)
    codes = set(ref) | set(ours) | set(ref_status) | set(our_status)
    if a.rules:
        with open(a.rules, newline="", encoding="utf-8-sig") as f:
            codes |= {r["code"] for r in csv.DictReader(f)}
    codes = sorted(codes)
    same = differ = 0
    lines = []
    for c in codes:
        r, o = ref.get(c, set()), ours.get(c, set())
        rs = ref_status.get(c, "ran")
        os_ = our_status.get(c, "ran")
        both = r & o
        lines.append([c, len(r), len(o), len(both), len(r - o), len(o - r), rs, os_])
        if r == o and (rs == "ran") == (os_ == "ran"):
            same += 1
            continue
        differ += 1
        print(f"{c}: reference {len(r)} ({rs}), Oversight {len(o)} ({os_}); only reference {len(r - o)}, "
              f"only Oversight {len(o - r)}")
        for t, i in sorted(r - o)[: a.examples]:
            print(f"    only reference: {t} row {i + 2}")
        for t, i in sorted(o - r)[: a.examples]:
            print(f"    only Oversight: {t} row {i + 2}")
    print(f"{len(codes)} rules: {same} the same row for row, {differ} different")
    if a.counts:
        with open(a.counts, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["rule", "reference", "oversight", "both", "reference_only", "oversight_only",
                        "reference_status", "oversight_status"])
            w.writerows(lines)


if __name__ == "__main__":
    main()
