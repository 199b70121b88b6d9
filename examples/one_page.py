#!/usr/bin/env python3
"""One page in Python: its articles, its figures with what they measure, its breakdowns with
their totals, and what the checks found.

    python examples/one_page.py corpora/hotline-weekly.txt
"""

from __future__ import annotations

import sys

from gov_news_extract import Breakdown, Change, Ranking, parse_file


def main(path: str) -> int:
    doc = parse_file(path)

    for i, art in enumerate(doc.articles):
        people = ", ".join(f"{p.role} {p.name}" for p in art.byline.people) if art.byline else ""
        print(f"article {i}: {art.title or '(no title)'}" + (f"  [{people}]" if people else ""))

    print("\nfigures:")
    for f in doc.facts():
        if f.kind not in ("quantity", "percent", "change"):
            continue
        period = doc.period_of(f)  # follows period_id
        change = f" {f.direction} vs {f.basis or '?'}" if isinstance(f, Change) else ""
        when = f"  ({period.span.text})" if period else ""
        print(f"  {f.span.text:<16} {f.label or '?'}{change}{when}")

    print("\nbreakdowns and rankings:")
    for f in doc.facts():
        if isinstance(f, Breakdown):
            total = doc.fact(f.total_id).span.text if f.total_id else "no stated total"  # follows total_id
            parts = "; ".join(f"{p.label} {p.value if p.value is not None else ''}"
                              f"{' (' + str(p.share) + '%)' if p.share is not None else ''}" for p in f.parts)
            print(f"  {total} = {parts}")
        elif isinstance(f, Ranking):
            print(f"  ranking by {f.criterion or '?'}: " + " > ".join(it.label for it in f.items))

    print("\nfindings:" if doc.diagnostics else "\nno findings")
    for d in doc.diagnostics:
        print(f"  {d.span.line}:{d.span.col} {d.rule}: {d.message_en or d.message}")
    return 1 if doc.diagnostics else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
