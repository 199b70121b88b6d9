"""Parse output as CSV: one row per atomic fact (composite breakdowns and rankings are left out)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from ..models import Document

COLUMNS = (
    "source", "article", "kind", "value", "unit", "label", "direction",
    "start", "end", "line", "col", "text",
)
# Facts with one value and one span; breakdowns and rankings are JSON-only.
ATOMIC_KINDS = frozenset({"quantity", "percent", "change", "date", "period", "time"})


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        # Plain notation whatever the exponent: 1E+5 -> 100000.
        return format(value, "f")
    return str(value)


def rows(doc: Document) -> list[list[str]]:
    """The CSV rows of one document; `article` is the 0-based index into `articles`."""
    out: list[list[str]] = []
    for i, art in enumerate(doc.articles):
        for fact in art.facts:
            if fact.kind not in ATOMIC_KINDS:
                continue
            span = fact.span
            out.append([
                _cell(doc.source), str(i), fact.kind, _cell(getattr(fact, "value", None)),
                _cell(getattr(fact, "unit", None)), _cell(fact.label), _cell(getattr(fact, "direction", None)),
                str(span.start), str(span.end), str(span.line), str(span.col), span.text,
            ])
    return out


def _write(lines: list[list[str]] | tuple[tuple[str, ...]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(lines)
    return buf.getvalue()


class CsvFormat:
    """`--format csv`: a header, then the rows of each document in input order."""

    name = "csv"

    def begin(self, many: bool) -> str:
        return _write((COLUMNS,))

    def render(self, doc: Document) -> str:
        return _write(rows(doc))

    def join(self, rendered: str, index: int, many: bool) -> str:
        return rendered

    def end(self, many: bool, count: int) -> str:
        return ""
