#!/usr/bin/env python3
"""The HTML report an editor looks at: every figure highlighted, breakdowns outlined with their
total, findings underlined and explained in the margin. One self-contained file, no network.

    python examples/html_report.py corpora/hotline-errors.txt -o report.html

The command line does the same:

    gov-news-extract check corpora/hotline-errors.txt --format html -o report.html
    gov-news-extract parse corpora/ --format html -o everything.html
"""

from __future__ import annotations

import argparse
from pathlib import Path

from gov_news_extract import parse
from gov_news_extract.io import read_text
from gov_news_extract.report import html


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="+")
    ap.add_argument("-o", "--output", default="report.html")
    args = ap.parse_args()
    pages = []
    for name in args.files:
        text = read_text(Path(name))  # encoding detected as the CLI does
        pages.append(html.page_for(name, text, parse(text)))
    Path(args.output).write_text(html.render(pages, title="drafts"), encoding="utf-8")
    n = sum(len(p.diagnostics) for p in pages)
    print(f"{args.output}: {len(pages)} text(s), {n} finding(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
