"""Breakdowns and rankings read off flattened tables (合计 rows, 小计 columns, 其中 sub-rows)."""

from __future__ import annotations

import regex

from ...context import Context
from ...models import Breakdown, Percent, Quantity
from ...numbers.numeral import parse_number
from ...text.rx import rx
from ..tables import SHARE_HEADER, Table
from .emit import _add_breakdown, _add_ranking, _written
from .items import _Item

_TOTAL_ROW = regex.compile(r"^(?:合计|总计|共计|小计|全市|全县|全区|全省|总数|总量)$")


def _table_breakdowns(ctx: Context) -> None:
    """A column with a 合计 row is a breakdown: the other rows are its parts."""
    by_start = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Quantity)}
    shares_at = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Percent)}
    for t in ctx.tables:
        columns: dict[int, list[tuple[str, int]]] = {}
        share_of_row: dict[str, Percent] = {}
        for col, row, start in t.cells:
            columns.setdefault(col, []).append((row, start))
            cell = ctx.table_cells.get(start)
            if start in shares_at and cell is not None and cell.column and SHARE_HEADER.match(cell.column):
                share_of_row[row] = shares_at[start]
        for cells in columns.values():
            if any((c := ctx.table_cells.get(p)) is not None and c.percent for _, p in cells):
                continue  # a column in percent (占全市比重(%)) gives shares, not counts to add up
            totals = [(r, p) for r, p in cells if _TOTAL_ROW.match(r)]
            parts = [by_start[p] for r, p in cells if not _TOTAL_ROW.match(r) and p in by_start]
            if len(totals) != 1 or len(parts) < 2 or totals[0][1] not in by_start:
                continue
            total = by_start[totals[0][1]]
            items = [_Item(q, share_of_row.get(r), q.nspan[0], q.nspan[1], r) for q, (r, _) in
                     zip(parts, [c for c in cells if not _TOTAL_ROW.match(c[0])], strict=False)]
            bd_items = [it for it in items if it.qty is not None]
            _add_breakdown(ctx, total, bd_items, "table", totals[0][0])
            bd = ctx.facts[-1]
            if isinstance(bd, Breakdown):
                bd.complete = True  # a 合计 row sums the rows above it
                for part, it in zip(bd.parts, bd_items, strict=True):
                    part.label = it.label


def _grid(ctx: Context, t: Table) -> dict[tuple[str, int], Quantity]:
    """A table's count cells by (row name, column)."""
    by_start = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Quantity)}
    return {(row, col): by_start[start] for col, row, start in t.cells if start in by_start}


def _grid_breakdown(ctx: Context, total: Quantity, parts: list[tuple[Quantity, str | None]], complete: bool) -> None:
    _add_breakdown(ctx, total, [_Item(q, None, q.nspan[0], q.nspan[1], name) for q, name in parts], "table")
    bd = ctx.facts[-1]
    if complete and isinstance(bd, Breakdown):
        bd.complete = True


def _table_sub_rows(ctx: Context) -> None:
    """Rows listed under another after 其中 (粮食总产量 / 其中:谷物 / 豆类 / 薯类) are its parts, column by column."""
    for t in ctx.tables:
        grid = _grid(ctx, t) if t.children else {}
        for parent, subs in t.children:
            for col in sorted({c for r, c in grid if r == parent}):
                if len(subs) >= 2 and all((r, col) in grid for r in subs):
                    _grid_breakdown(ctx, grid[(parent, col)], [(grid[(r, col)], r) for r in subs], False)


def _table_row_breakdowns(ctx: Context) -> None:
    """A 小计 column under a spanning header adds up its sibling columns in each row."""
    for t in ctx.tables:
        grid = _grid(ctx, t) if t.subtotals else {}
        for sub, cols in t.subtotals:
            for row in [r for r, c in grid if c == sub]:
                if all((row, c) in grid for c in cols):
                    parts = [(grid[(row, c)], grid[(row, c)].label) for c in cols]
                    _grid_breakdown(ctx, grid[(row, sub)], parts, True)  # the 小计 column sums the others


def _table_rankings(ctx: Context) -> None:
    """A table captioned as a ranking (表1:本周城市管理类前三名诉求) ranks its rows in order."""
    for t in ctx.tables:
        if t.ranked and len(t.rows) >= 2:
            rows = t.rows
            _add_ranking(ctx, [(_written(ctx, p, p + len(name)), None) for name, p in rows], rows[0][1],
                         rows[-1][1] + len(rows[-1][0]), None)
            continue
        if t.caption is None or len(t.rows) < 2:
            continue
        m = rx(r"前(\d{1,2}|[二三四五六七八九十]{1,2})(?:名|位)|排名|排行").search(t.caption[0])
        if not m:
            continue
        n = len(t.rows)
        if m.group(1):
            try:
                n = min(n, int(parse_number(m.group(1)).value))
            except ValueError:
                pass
        if n < 2:
            continue  # 前0名: nothing to rank
        rows = t.rows[:n]
        start, end = t.caption[1], rows[-1][1] + len(rows[-1][0])
        _add_ranking(ctx, [(_written(ctx, p, p + len(name)), None) for name, p in rows], start, end, None)
