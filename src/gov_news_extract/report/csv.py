"""Parse output as CSV: the figures table (one row per quantity, percent or change) or, with
`--table composites`, one row per part of a breakdown or item of a ranking.

The columns are those of `report/tables.py` (and of `Document.to_records()`), so a CSV read
back with pandas holds the same values as `Document.to_pandas()`.
"""

from __future__ import annotations

import csv
import io

from ..models import Document
from .tables import Table, csv_header, csv_rows


def _write(lines: list[list[str]]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(lines)
    return buf.getvalue()


def rows(doc: Document, table: Table = "facts") -> list[list[str]]:
    """The CSV rows of one document; `article` is the 0-based index into `articles`."""
    return csv_rows(doc, table)


class CsvFormat:
    """`--format csv`: a header, then the rows of each document in input order."""

    name = "csv"

    def __init__(self, table: Table = "facts") -> None:
        self.table = table

    def begin(self, many: bool) -> str:
        return _write([csv_header(self.table)])

    def render(self, doc: Document) -> str:
        return _write(rows(doc, self.table))

    def join(self, rendered: str, index: int, many: bool) -> str:
        return rendered

    def end(self, many: bool, count: int) -> str:
        return ""
