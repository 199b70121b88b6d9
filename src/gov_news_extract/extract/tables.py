"""Facts from tables: what each figure cell of the table model (`layout/tables.py`) states.

A cell's figure takes the unit and scale declared for it (its column's `(万元)`, its row
group's `构成(%)`, its row's 计量单位, the table's `单位:亿元`); under a growth column or row
group it is a change with the column's basis (同比, 环比, 比上年) and the sign of the figure
as its direction; under a share or index it is a percent. It is labelled by its column's
header where that names a metric, else by its row's name (a header of years or of 数量, 占比,
同比 names none), and it keeps the table, row and column it sits in. Header years and row
years are dates, never quantities.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..context import Context
from ..layout.tables import (
    CellRef,
    Column,
    Declared,
    Entry,
    Row,
    Table,
    find_tables,
    header_text,
    is_subset_title,
    period_lead,
    strip_declaration,
)
from ..layout.tables import is_share_header as _share_word
from ..models import DateFact
from ..text import lexicon
from ..text.rx import rx


@dataclass
class Reading:
    """What a figure cell states, before it becomes a fact."""

    kind: str                       # quantity, percent, change
    unit: str | None = None
    scale: int = 1
    basis: str | None = None
    label: list[tuple[int, int]] = field(default_factory=list)  # normalised spans, joined in order
    period_id: str | None = None


def run(ctx: Context) -> None:
    periods = [f.nspan for f in ctx.facts if f.kind in ("date", "period")]
    tables = find_tables(ctx.norm.text, periods)
    cells: dict[int, CellRef] = {}
    for t in tables:
        for row, col, cell in t.cells():
            if cell.kind in ("num", "pct"):
                # the number scan starts after an arrow (↑9.03%): the cell is found from either
                at = cell.entry.start + (0 if cell.entry.text[:1].isdigit() or cell.entry.text[:1] in "-−" else 1)
                cells[at] = CellRef(t, row, col, cell)
    ctx.tables = tables
    ctx.table_cells = cells
    _period_dates(ctx, tables)


def _period_dates(ctx: Context, tables: list[Table]) -> None:
    """Header years (| 指标 | 2019 | 2020 |) and row years are dates: add those the dates pass
    did not read (a bare year), and remember which date each cell's column or row names."""
    by_span: dict[tuple[int, int], str] = {}
    for f in ctx.facts:
        if f.kind in ("date", "period"):
            by_span[f.nspan] = f.id
    dates: dict[int, str] = ctx.cache.setdefault("table_dates", {})
    seen: set[int] = set()
    for t in tables:
        entries: list[Entry] = [c.leaf for c in t.columns if c.leaf is not None and (
            c.kind == "period" or period_lead(c.leaf.text) > 0)]  # 2022年, 2022年投诉量
        entries += [r.number for r in t.rows if r.number is not None and _year(r.number.text)]
        entries += [r.name for r in t.rows if r.name is not None and _year(r.name.text)]
        for e in entries:
            if e.start in seen:
                continue
            seen.add(e.start)
            hit = next((fid for (a, b), fid in by_span.items() if a <= e.start and e.end <= b), None)
            if hit is None and period_lead(e.text) > 0:
                hit = next((fid for (a, b), fid in by_span.items() if a == e.start), None)
            if hit is None and _year(e.text):
                y = int(e.text)
                fact = DateFact(value=str(y), start=dt.date(y, 1, 1), end=dt.date(y, 12, 31),
                                span=ctx.norm.span(e.start, e.end))
                ctx.add(fact, e.start, e.end)
                hit = fact.id
            if hit is not None:
                dates[e.start] = hit


def _year(text: str) -> bool:
    return rx(r"(?:19|20)\d\d").fullmatch(text.strip()) is not None


def name_span(e: Entry) -> tuple[int, int] | None:
    """Where a header's or row's name (less its unit and 其中:) stands in its cell."""
    name = header_text(e.text)
    if not name:
        return None
    k = e.text.find(name)
    return (e.start + k, e.start + k + len(name)) if k >= 0 else None


# 个百分点, 百分点: the unit of a change of a share (longest first).
_POINTS = tuple(lexicon.get("ratio_unit").having(kind="points"))


def reading(ctx: Context, ref: CellRef, percent_sign: bool, own_unit: str | None) -> Reading:
    """What the cell states: its kind, unit, scale, basis, label and period."""
    t, row, col = ref.table, ref.row, ref.column
    group = t.group_of(row)
    declared: Declared = t.declared_for(row, col)
    # A row group (构成(%), 比上年增长(%), 指数) says what the figures of its rows are, under any
    # column of figures: it is written below the column's header.
    by_group = group.kind if group is not None and col.kind in _GROUPED else None
    growth = col.kind == "growth" or by_group == "growth"
    share = col.kind == "share" or by_group == "share"
    index = by_group == "index"
    if by_group is not None and group is not None:
        declared = group.declared if not group.declared.empty else declared
    r = Reading("quantity")
    if growth:
        r.kind = "change"
        r.basis = col.basis if col.kind == "growth" else (group.basis if group else None)
        r.unit = "%" if percent_sign or declared.percent or not declared.unit else declared.unit
        heads = " ".join(e.text for e in col.path) + (group.name.text if by_group == "growth" and group else "")
        points = next((w for w in _POINTS if w in heads), None)
        if points is not None and not percent_sign:
            r.unit = points  # 增减百分点: a change of a share, in points, not a growth in %
    elif percent_sign or share or index or declared.percent:
        r.kind = "percent"
        r.unit = "%"
    else:
        r.unit = own_unit or declared.unit
        r.scale = declared.scale if not own_unit else 1
    r.label = _label(t, row, col, index)
    dates: dict[int, str] = ctx.cache.get("table_dates", {})
    if col.leaf is not None and col.leaf.start in dates:
        r.period_id = dates.get(col.leaf.start)
    elif row.name is not None and row.name.start in dates:
        r.period_id = dates[row.name.start]
    elif row.number is not None and row.number.start in dates:
        r.period_id = dates[row.number.start]
    return r


_GROUPED = ("period", "value", "metric", "whole")


def _label(t: Table, row: Row, col: Column, index: bool) -> list[tuple[int, int]]:
    """The column's name where it names a metric, else the row's (and an index row's measure)."""
    group = t.group_of(row)
    # (a share is labelled by its category, the row, whatever whole its header names: 占工单总量比重)
    by_row = col.kind in ("period", "value", "growth", "share") or not col.path or \
        (group is not None and col.kind in _GROUPED)
    row_span = name_span(row.name) if row.name is not None else None
    col_entry = col.name_entry
    col_span = name_span(col_entry) if col_entry is not None else None
    if by_row and row_span is not None:
        spans = [row_span]
        above = t.rows[row.parent].name if 0 <= row.parent < len(t.rows) else None
        if above is not None and _qualifier_only(row):
            # 工业总产值 / 其中:规模以上: a name that ends in a bound qualifies the row above and
            # names nothing alone (规模以上工业总产值)
            parent = name_span(above)
            if parent is not None:
                spans.append(parent)
        own = t.groups[row.group] if row.group >= 0 else None
        if own is not None and own.kind == "plain" and is_subset_title(own.name.text):
            # 其中:开发区 over 工业总产值 …: the rows are the same metrics of a part (开发区工业总产值)
            scope = name_span(own.name)
            if scope is not None:
                spans.insert(0, scope)
        if index:
            measure = _index_measure(t, row)
            if measure is not None:
                spans.append(measure)
        return spans
    if col_span is not None:
        # 2022年投诉量: the year is the column's period, the rest is what it measures
        a, b = col_span
        lead = period_lead(col_entry.text[a - col_entry.start:b - col_entry.start]) if col_entry else 0
        return [(a + lead, b)]
    return [row_span] if row_span is not None else []


def _qualifier_only(row: Row) -> bool:
    """规模以上, 限额以上: a row name that ends in a bound after a figure (以上, 以下)."""
    name = header_text(row.name.text) if row.name is not None else ""
    return bool(name) and name.endswith(tuple(lexicon.get("bound").having(place="after")))


def _bare_share(col: Column) -> bool:
    """占比, 比重, 构成: a share header that is nothing but the share word names no metric."""
    name = rx(r"\s+").sub("", col.name or "")
    return _share_word(name) and len(name) <= 4


def _index_measure(t: Table, row: Row) -> tuple[int, int] | None:
    """The rows under 总产出指数(上年=100) measure their index: the group's name less the
    name of the table's first row (总产出) is the measure (指数) a row's name takes."""
    group = t.group_of(row)
    if group is None or group.head_row == row.index:
        return None
    head = strip_declaration(group.name.text)[0]
    first = next((r for r in t.rows if r.name is not None), None)
    base = header_text(first.name.text) if first is not None and first.name is not None else ""
    k = 0
    if base and head.startswith(base) and len(head) > len(base):
        k = len(base)
    measure = head[k:].strip()
    if not measure or measure == header_text(row.name.text if row.name else ""):
        return None
    start = group.name.start + group.name.text.find(measure, k)
    return (start, start + len(measure))
