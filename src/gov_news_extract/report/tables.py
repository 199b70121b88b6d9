"""Tables for analysis: one row per figure, and one row per part of a breakdown or item of a ranking.

The same columns reach a CSV file (`parse -f csv`, `--table composites`),
`Document.to_records()` and `Document.to_pandas()`, so a notebook and a
spreadsheet read the same table. The figures table holds the numeric facts
(quantity, percent, change): `value` is always a number (a multiplier such as
万 applied, a change positive with its `direction`). Dates, periods and clock
times are not rows of their own: they reach the table as the `period` columns
of the figures they govern, and stay in the JSON output.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from ..models import Breakdown, Change, DateFact, Document, Part, Percent, Period, Quantity, Ranking, RankItem
from ..numbers.rounding import multiplier

if TYPE_CHECKING:  # pandas is an optional extra
    import pandas as pd

Table = Literal["facts", "composites"]
TABLES: tuple[Table, ...] = ("facts", "composites")


@dataclass(frozen=True)
class Column:
    """One column: its name, its pandas dtype and what it holds (for the docs and --help)."""

    name: str
    dtype: str
    doc: str


FACT_COLUMNS: tuple[Column, ...] = (
    Column("source", "string", "the file the text came from (empty for a string parsed directly)"),
    Column("article", "Int64", "0-based index of the article in the page"),
    Column("article_title", "string", "that article's headline"),
    Column("id", "string", "the fact's id in the document (links below refer to such ids)"),
    Column("kind", "string", "quantity, percent or change"),
    Column("value", "float64", "the number, multiplier applied (12.5万件 → 125000); a change is positive"),
    Column("value_high", "float64", "for a range (3至5件) the high end; value is the low end"),
    Column("unit", "string", "unit without multiplier: 件, 元, %, 个百分点…"),
    Column("scale", "Int64", "the multiplier written in the figure: 1, 1000 (千), 10000 (万), 100000000 (亿)"),
    Column("decimals", "Int64", "digits after the decimal point as written (the stated precision)"),
    Column("label", "string", "the metric or category the figure measures"),
    Column("direction", "string", "for a change: up or down"),
    Column("basis", "string", "for a change: what it is measured against (同比, 环比, 较上周…)"),
    Column("qualifier", "string", "日均, 累计, 峰值, 共… where the text says so"),
    Column("approx", "string", "approximation word (约, 近, 超, 余, 左右…): the value is a bound"),
    Column("period", "string", "the period the figure refers to, as written (今年上半年, 1—6月)"),
    Column("period_value", "string", "that period as ISO-like text (2024-H1, 2024-01/2024-06)"),
    Column("period_start", "datetime64", "first day of the period, when resolvable"),
    Column("period_end", "datetime64", "last day of the period (inclusive), when resolvable"),
    Column("period_id", "string", "id of the period's fact"),
    Column("breakdown_id", "string", "id of the breakdown this figure is a part (or part's share) of"),
    Column("part", "Int64", "1-based position of that part in its breakdown"),
    Column("total_of", "string", "ids of the breakdowns whose total this figure is (space-separated)"),
    Column("ranking_id", "string", "id of the ranking this figure ranks an item of"),
    Column("rank", "Int64", "1-based position of that item in its ranking"),
    Column("whole_id", "string", "id of the figure this one is stated as a part or share of, outside a breakdown"),
    Column("unit_inferred", "boolean", "true when the unit is taken from context (a table's declared unit)"),
    Column("start", "Int64", "character offset of the figure in the input (0-based)"),
    Column("end", "Int64", "character offset just after it"),
    Column("line", "Int64", "1-based line"),
    Column("col", "Int64", "1-based column, in characters"),
    Column("text", "string", "the figure as written"),
)

COMPOSITE_COLUMNS: tuple[Column, ...] = (
    Column("source", "string", "the file the text came from"),
    Column("article", "Int64", "0-based index of the article in the page"),
    Column("composite_id", "string", "id of the breakdown or ranking"),
    Column("kind", "string", "breakdown or ranking"),
    Column("composite_label", "string", "what the breakdown divides (its label)"),
    Column("total", "float64", "a breakdown's stated total"),
    Column("total_id", "string", "id of the figure stating the total"),
    Column("unit", "string", "a breakdown's unit"),
    Column("complete", "boolean", "a breakdown the text presents as the whole (其他, 分别为…)"),
    Column("total_link", "string", "what ties the total to the parts (run, sum, shares, named, marked, head-noun)"),
    Column("criterion", "string", "what a ranking ranks by"),
    Column("order", "string", "a ranking's order: desc (largest first) or asc"),
    Column("position", "Int64", "1-based position of the part or item"),
    Column("label", "string", "the part's or item's name"),
    Column("value", "float64", "its count or amount"),
    Column("share", "float64", "its share in percent"),
    Column("value_id", "string", "id of the figure stating the value (a row of the facts table)"),
    Column("share_id", "string", "id of the figure stating the share"),
    Column("start", "Int64", "character offset of the whole breakdown or ranking"),
    Column("end", "Int64", "offset just after it"),
    Column("line", "Int64", "1-based line where it starts"),
    Column("col", "Int64", "1-based column where it starts"),
)

COLUMNS: dict[Table, tuple[Column, ...]] = {"facts": FACT_COLUMNS, "composites": COMPOSITE_COLUMNS}


def _num(v: Decimal | None) -> float | None:
    return None if v is None else float(v)


def _day(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def fact_records(doc: Document) -> list[dict[str, Any]]:
    """One dict per numeric fact, keys as in FACT_COLUMNS (None where a cell is empty)."""
    index = {f.id: f for f in doc.facts() if f.id}
    parts: dict[str, tuple[str, int]] = {}
    totals: dict[str, list[str]] = {}
    ranks: dict[str, tuple[str, int]] = {}
    for f in doc.facts():
        if isinstance(f, Breakdown):
            if f.total_id:
                totals.setdefault(f.total_id, []).append(f.id)
            for i, p in enumerate(f.parts, 1):
                for ref in (p.value_id, p.share_id):
                    if ref:
                        parts.setdefault(ref, (f.id, i))
        elif isinstance(f, Ranking):
            for i, it in enumerate(f.items, 1):
                for ref in (it.value_id, it.share_id):
                    if ref:
                        ranks.setdefault(ref, (f.id, i))
    out: list[dict[str, Any]] = []
    for a, art in enumerate(doc.articles):
        for f in art.facts:
            if not isinstance(f, (Quantity, Percent, Change)):
                continue
            period = index.get(f.period_id) if f.period_id else None
            per = period if isinstance(period, (Period, DateFact)) else None
            bd, rk = parts.get(f.id), ranks.get(f.id)
            whole = f.whole_id if isinstance(f, Quantity) else f.total_id if isinstance(f, Percent) else None
            out.append({
                "source": doc.source,
                "article": a,
                "article_title": art.title,
                "id": f.id,
                "kind": f.kind,
                "value": float(f.value),
                "value_high": _num(f.value_high),
                "unit": f.unit,
                "scale": multiplier(f.span.text) if f.span.text else 1,
                "decimals": f.decimals,
                "label": f.label,
                "direction": f.direction if isinstance(f, Change) else None,
                "basis": f.basis if isinstance(f, Change) else None,
                "qualifier": f.qualifier,
                "approx": f.approx,
                "period": per.span.text if per is not None else None,
                "period_value": per.value if per is not None else None,
                "period_start": _day(per.start) if per is not None else None,
                "period_end": _day(per.end) if per is not None else None,
                "period_id": f.period_id,
                "breakdown_id": bd[0] if bd else None,
                "part": bd[1] if bd else None,
                "total_of": " ".join(totals[f.id]) if f.id in totals else None,
                "ranking_id": rk[0] if rk else None,
                "rank": rk[1] if rk else None,
                "whole_id": whole,
                "unit_inferred": f.unit_inferred,
                "start": f.span.start,
                "end": f.span.end,
                "line": f.span.line,
                "col": f.span.col,
                "text": f.span.text,
            })
    return out


def composite_records(doc: Document) -> list[dict[str, Any]]:
    """One dict per part of a breakdown or item of a ranking, keys as in COMPOSITE_COLUMNS."""
    out: list[dict[str, Any]] = []
    for a, art in enumerate(doc.articles):
        for f in art.facts:
            if not isinstance(f, (Breakdown, Ranking)):
                continue
            common: dict[str, Any] = {
                "source": doc.source, "article": a, "composite_id": f.id, "kind": f.kind,
                "composite_label": f.label,
                "total": _num(f.total) if isinstance(f, Breakdown) else None,
                "total_id": f.total_id if isinstance(f, Breakdown) else None,
                "unit": f.unit if isinstance(f, Breakdown) else None,
                "complete": f.complete if isinstance(f, Breakdown) else None,
                "total_link": f.total_link if isinstance(f, Breakdown) else None,
                "criterion": f.criterion if isinstance(f, Ranking) else None,
                "order": f.order if isinstance(f, Ranking) else None,
            }
            members: Sequence[Part | RankItem] = f.parts if isinstance(f, Breakdown) else f.items
            for i, m in enumerate(members, 1):
                out.append({
                    **common, "position": i, "label": m.label, "value": _num(m.value), "share": _num(m.share),
                    "value_id": m.value_id, "share_id": m.share_id,
                    "start": f.span.start, "end": f.span.end, "line": f.span.line, "col": f.span.col,
                })
    return out


def records(doc: Document, table: Table = "facts") -> list[dict[str, Any]]:
    """The rows of one table of one document."""
    if table == "facts":
        return fact_records(doc)
    if table == "composites":
        return composite_records(doc)
    raise ValueError(f"unknown table {table!r} (known: {', '.join(TABLES)})")


def dataframe(docs: Document | Iterable[Document], table: Table = "facts") -> pd.DataFrame:
    """The table of one or several documents as a pandas DataFrame with the dtypes of COLUMNS.

    Needs the optional extra `pandas` (`pip install 'gov-news-extract[pandas]'`).
    """
    try:
        import pandas as pd
    except ImportError as exc:  # said plainly, with the fix
        raise ImportError("to_pandas() needs pandas: pip install 'gov-news-extract[pandas]'") from exc
    if isinstance(docs, Document):
        docs = [docs]
    rows = [r for d in docs for r in records(d, table)]
    frame: pd.DataFrame = typed(pd.DataFrame.from_records(rows, columns=[c.name for c in COLUMNS[table]]), table)
    return frame


_BOOL = {"true": True, "false": False}


def typed(frame: pd.DataFrame, table: Table = "facts") -> pd.DataFrame:
    """Give a frame of one of the tables (built from records, or read back from the CSV) its dtypes."""
    import pandas as pd

    out: pd.DataFrame = frame.copy()
    for c in COLUMNS[table]:
        if c.name not in out:
            continue
        col = out[c.name]
        if c.dtype.startswith("datetime64"):
            out[c.name] = pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
        elif c.dtype == "float64":
            out[c.name] = pd.to_numeric(col, errors="coerce").astype("float64")
        elif c.dtype == "boolean":
            # CSV gives "True"/"False" strings, records give bools; empty cells stay missing.
            mapped = col.map(lambda v: v if isinstance(v, bool) else _BOOL.get(str(v).lower()))
            out[c.name] = mapped.astype("boolean")
        elif c.dtype == "Int64":
            out[c.name] = pd.to_numeric(col, errors="coerce").astype("Int64")
        else:
            out[c.name] = col.astype("string")
    return out


def read_csv(path: Any, table: Table = "facts") -> pd.DataFrame:
    """Read a CSV written by `parse -f csv` back with the same dtypes as `to_pandas()`."""
    import pandas as pd

    # Every column as text first, so that a label such as 0571 or NA stays as written.
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    for name in raw.columns:  # the quote `cell` put before text a spreadsheet would run
        raw[name] = raw[name].map(_unquoted, na_action="ignore")
    return typed(raw, table)


def _unquoted(text: str) -> str:
    return text[1:] if text[:1] == "'" and (text[1:2] in _FORMULA_FIRST or text[1:2] == "'") else text


def cell(value: object) -> str:
    """A CSV cell: empty for None, plain notation for numbers (1E+5 → 100000), and text that a
    spreadsheet would run as a formula (=, +, -, @ before anything but a number) behind a quote."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        # The shortest text that reads back as the same float, without exponent or a trailing .0.
        text = format(Decimal(repr(value)), "f")
        return text[:-2] if text.endswith(".0") else text
    if isinstance(value, Decimal):
        return format(value, "f")
    text = str(value)
    if (text[:1] in _FORMULA_FIRST and not _PLAIN_NUMBER.fullmatch(text)) or text[:1] == "'":
        # A scraped page's words (=HYPERLINK(…), @SUM…) must not run as a formula in a spreadsheet:
        # the quote makes the cell text (OWASP's CSV injection advice); signed numbers stay as written,
        # and a text that opens with a quote gets one more, so that `read_csv` gives it back as it was.
        return "'" + text
    return text


_FORMULA_FIRST = frozenset("=+-@\t\r")
_PLAIN_NUMBER = re.compile(r"[-+]?\d[\d.,]*%?")


def csv_header(table: Table = "facts") -> list[str]:
    return [c.name for c in COLUMNS[table]]


def csv_rows(doc: Document, table: Table = "facts") -> list[list[str]]:
    names = csv_header(table)
    return [[cell(r[n]) for n in names] for r in records(doc, table)]


def describe(table: Table) -> Sequence[tuple[str, str, str]]:
    """(name, dtype, meaning) of each column, for the docs."""
    return [(c.name, c.dtype, c.doc) for c in COLUMNS[table]]
