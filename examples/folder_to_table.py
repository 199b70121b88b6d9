#!/usr/bin/env python3
"""A folder of texts to tables: one CSV of figures, one of breakdown parts, and a pandas look.

    pip install 'gov-news-extract[pandas]'
    python examples/folder_to_table.py corpora -o out/

The same tables come from the command line:

    gov-news-extract parse corpora -f csv -o out/facts.csv
    gov-news-extract parse corpora -f csv --table composites -o out/composites.csv

Column meanings and dtypes: docs/tables.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pandas as pd

from gov_news_extract import batch
from gov_news_extract.report.tables import read_csv


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("-o", "--out", default="out", help="folder for facts.csv and composites.csv")
    ap.add_argument("--glob", default="*.txt")
    args = ap.parse_args()

    docs = []
    for outcome in batch.parse_paths([args.folder], pattern=args.glob):  # in path order
        if outcome.value is None:
            print(f"{outcome.source}: error: {outcome.error}")
        else:
            docs.append(outcome.value)
    facts = pd.concat([d.to_pandas() for d in docs], ignore_index=True)
    parts = pd.concat([d.to_pandas("composites") for d in docs], ignore_index=True)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    facts.to_csv(out / "facts.csv", index=False)
    parts.to_csv(out / "composites.csv", index=False)
    # Read back with the same dtypes (a plain pd.read_csv also gets numbers in `value`).
    assert read_csv(out / "facts.csv")["value"].equals(facts["value"])

    print(f"{len(docs)} texts, {len(facts)} figures, {parts['composite_id'].nunique()} breakdowns and rankings")
    print("\nfigures by kind and unit:")
    print(facts.groupby(["kind", "unit"], dropna=False).size().sort_values(ascending=False).head(8).to_string())
    print("\nchanges by basis (mean size in %):")
    pct = facts[(facts["kind"] == "change") & (facts["unit"] == "%")]
    print(pct.groupby("basis", dropna=False)["value"].agg(["count", "mean"]).round(2).to_string())
    print("\nlargest figures stated for a period:")
    dated = facts.dropna(subset=["period_start"]).sort_values("value", ascending=False)
    print(dated[["label", "value", "unit", "period", "period_start", "period_end"]].head(5)
          .to_string(index=False, float_format=lambda v: f"{v:,.0f}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
