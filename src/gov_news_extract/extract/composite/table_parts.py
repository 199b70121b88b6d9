"""Breakdowns and rankings read off the table model (`layout/tables.py`).

A table declares its wholes and parts in its layout, never by arithmetic:

* a 合计/总计/小计 row: in every additive column, the other rows are its parts (with their
  shares from the share column of their row);
* a 小计 column under a spanning header (受理量 over 电话/网络/小计) sums its sibling columns in
  each row; a 合计 column at the end of the row sums every other figure column;
* 其中 rows (and the indented rows after them) are parts of the row above;
* a `构成(%)` block: its rows are shares of the table's first row, and the rows of the value
  block with the same names are the parts (a `按主要行业分` group inside it is another split of
  the same whole);
* a share column whose shares make up the whole (≈100%) without a total row, with the whole
  stated in a cell that spans the table (two tables flattened side by side share it);
* a table with the same header as one of the page's tables with a total row, cut off before
  its own total row.

A row or column one cell short (a ragged row) gives no breakdown: its missing part is unknown.
The checks (parts-sum, shares-sum, share-of-total) then test what the layout declared.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...context import Context
from ...layout.tables import Column, Group, Row, Table, _subset_lead, header_text
from ...models import Breakdown, Change, Percent, Quantity
from ...numbers.numeral import parse_number
from ...text import lexicon
from .emit import _TOP_N, _add_breakdown, _add_ranking, _written
from .items import _Item

_ADDITIVE = ("metric", "value", "period")


def _facts(ctx: Context) -> dict[int, Quantity | Percent | Change]:
    return {f.nspan[0]: f for f in ctx.facts if isinstance(f, (Quantity, Percent, Change))}


def _qty(facts: dict[int, Quantity | Percent | Change], row: Row, col: int) -> Quantity | None:
    cell = row.cells.get(col)
    f = facts.get(cell.entry.start) if cell is not None else None
    return f if isinstance(f, Quantity) else None


def _pct(facts: dict[int, Quantity | Percent | Change], row: Row, col: int) -> Percent | None:
    cell = row.cells.get(col)
    f = facts.get(cell.entry.start) if cell is not None else None
    return f if isinstance(f, Percent) else None


def _name(ctx: Context, row: Row) -> str | None:
    if row.name is None:
        return None
    name = header_text(row.name.text)
    k = row.name.text.find(name)
    return _written(ctx, row.name.start + k, row.name.start + k + len(name)) if k >= 0 else name


def _column_name(ctx: Context, col: Column) -> str | None:
    e = col.name_entry
    if e is None:
        return None
    name = header_text(e.text)
    k = e.text.find(name)
    return _written(ctx, e.start + k, e.start + k + len(name)) if k >= 0 and name else name


def _emit(ctx: Context, total: Quantity | None, parts: Sequence[tuple[Quantity | None, Percent | None, str | None]],
          complete: bool) -> None:
    items = [_Item(q, s, (q or s).nspan[0], (q or s).nspan[1], label)  # type: ignore[union-attr]
             for q, s, label in parts if q is not None or s is not None]
    if len(items) < 2 or _stated_before(ctx, total, items):
        return
    _add_breakdown(ctx, total, items, "table")  # a total row or column: the table's layout ties them
    bd = ctx.facts[-1]
    ctx.cache.setdefault("table_breakdowns", set()).add(bd.id)
    if isinstance(bd, Breakdown):
        bd.complete = complete
        for part, it in zip(bd.parts, items, strict=True):
            part.label = it.label


def _stated_before(ctx: Context, total: Quantity | None, items: list[_Item]) -> bool:
    """A table that restates a breakdown of the text (the same whole, parts and shares) adds no
    breakdown; one that differs in a figure, or adds shares, is its own, for the checks."""
    def order(pair: tuple[Any, Any]) -> tuple[Any, bool, Any]:
        return pair[0], pair[1] is not None, pair[1] or 0  # a part without a share sorts first, never against one

    mine = sorted(((it.value or 0, it.share.value if it.share else None) for it in items), key=order)
    tv = total.value if total is not None else None
    ours = ctx.cache.get("table_breakdowns", set())  # two columns of a table may hold the same figures
    for b in ctx.facts:
        if not isinstance(b, Breakdown) or b.id in ours or b.total != tv or len(b.parts) != len(mine):
            continue
        theirs = sorted(((p.value or 0, p.share) for p in b.parts), key=order)
        if all(a == c for a, c in zip(mine, theirs, strict=True)):
            return True  # (a table that adds the shares the text leaves out is a breakdown of its own)
    return False


def _share_column(t: Table) -> int | None:
    shares = [c.index for c in t.columns if c.kind == "share"]
    return shares[0] if len(shares) == 1 else None


def _additive(t: Table) -> list[Column]:
    return [c for c in t.columns if c.kind in _ADDITIVE and not c.declared.percent]


def _all_zero(qs: Sequence[Quantity]) -> bool:
    return all(q.value == 0 for q in qs)


def _table_breakdowns(ctx: Context) -> None:
    facts = _facts(ctx)
    with_totals: set[tuple[str, ...]] = set()
    for t in ctx.tables:
        found = _total_rows(ctx, t, facts)
        found |= _total_columns(ctx, t, facts)
        _sub_rows(ctx, t, facts)
        found |= _share_blocks(ctx, t, facts)
        found |= _share_columns(ctx, t, facts)
        if any(r.total for r in t.rows):
            with_totals.add(t.signature)
        elif t.signature in with_totals and not found:
            _continued(ctx, t, facts)


def _total_rows(ctx: Context, t: Table, facts: dict[int, Quantity | Percent | Change]) -> bool:
    """Each additive column of a table with a 合计 row: the rows above it are its parts."""
    found = False
    share_col = _share_column(t)
    prev = -1
    for tr in [r for r in t.rows if r.total]:
        parts_rows = [r for r in t.rows[prev + 1:tr.index] if not r.total and r.parent < 0 and r.group == tr.group]
        if len(parts_rows) < 2:
            parts_rows = [r for r in t.rows[:tr.index] if r.total and r.group == tr.group]
        prev = tr.index
        if len(parts_rows) < 2:
            continue
        for col in _additive(t):
            total = _qty(facts, tr, col.index)
            parts = [_qty(facts, r, col.index) for r in parts_rows]
            if total is None or any(q is None for q in parts):
                continue  # a part not given (a ragged row): the breakdown cannot be read
            qs = [q for q in parts if q is not None]
            if _all_zero(qs):
                continue
            shares = [_pct(facts, r, share_col) if share_col is not None else None for r in parts_rows]
            _emit(ctx, total, [(q, s, _name(ctx, r)) for q, s, r in zip(qs, shares, parts_rows, strict=True)], True)
            found = True
    return found


def _total_columns(ctx: Context, t: Table, facts: dict[int, Quantity | Percent | Change]) -> bool:
    """A 小计 column sums its siblings under one spanning header; a 合计 column on its own, the
    row's other figure columns."""
    found = False
    for tc in [c for c in t.columns if c.total]:
        if tc.group >= 0:
            siblings = [c for c in t.columns if c.group == tc.group and not c.total]
        else:
            siblings = [c for c in _additive(t) if not c.total and c.index != tc.index]
        if len(siblings) < 2:
            continue
        for row in t.rows:
            total = _qty(facts, row, tc.index)
            parts = [_qty(facts, row, c.index) for c in siblings]
            if total is None or row.short or any(q is None for q in parts):
                continue
            qs = [q for q in parts if q is not None]
            _emit(ctx, total, [(q, None, _column_name(ctx, c)) for q, c in zip(qs, siblings, strict=True)], True)
            found = True
    return found


def _sub_rows(ctx: Context, t: Table, facts: dict[int, Quantity | Percent | Change]) -> None:
    """Rows listed under another after 其中 (粮食总产量 / 其中:谷物 / 豆类 / 薯类): its parts, column by column."""
    listed: dict[tuple[int, int], list[Row]] = {}
    lead = _subset_lead()
    opened: dict[int, int] = {}
    for r in t.rows:
        if r.parent >= 0:
            if r.name is not None and lead.match(r.name.text) and listed.get((r.parent, opened.get(r.parent, -1))):
                opened[r.parent] = r.index  # 其中:男性 after 其中:城镇, 乡村: a second list of the same row
            listed.setdefault((r.parent, opened.setdefault(r.parent, r.index)), []).append(r)
    for (p, _), children in listed.items():
        parent = t.rows[p]
        if len(children) < 2:
            # one row under 其中 (销售产值 / 其中:规模以上) is no breakdown, but still a part of
            # the row above, column by column: the checks see a part larger than its whole
            for col in _additive(t):
                total, part = _qty(facts, parent, col.index), _qty(facts, children[0], col.index)
                if total is not None and part is not None and part.whole_id is None:
                    part.whole_id = total.id
            continue
        for col in _additive(t):
            total = _qty(facts, parent, col.index)
            parts = [_qty(facts, r, col.index) for r in children]
            if total is None or any(q is None for q in parts):
                continue
            _emit(ctx, total, [(q, None, _name(ctx, r)) for q, r in zip(parts, children, strict=True)], False)


def _share_blocks(ctx: Context, t: Table, facts: dict[int, Quantity | Percent | Change]) -> bool:
    """A 构成(%) block: its rows are shares of the table's whole (its first value row, or the
    value row it is named after: 总产出 for 总产出构成); the value rows of the same names are the
    parts. Each facet group inside the block (按主要行业分) is another split of the same whole."""
    found = False
    for _gi, g in enumerate(t.groups):
        if g.kind != "share":
            continue
        values = [r for r in t.rows if t.group_of(r) is None and not r.total]
        if not values:
            continue
        whole = _whole_row(t, g, values)
        block = [r for r in t.rows if t.group_of(r) is g and r.index != g.head_row]
        segments: dict[int, list[Row]] = {}
        for r in block:
            segments.setdefault(r.group, []).append(r)
        by_name = {header_text(r.name.text): r for r in values if r.name is not None and r is not whole}
        for seg in segments.values():
            first = seg is next(iter(segments.values()))
            pairs = [(by_name.get(header_text(r.name.text)) if r.name else None, r) for r in seg]
            for col in [c for c in t.columns if c.kind in ("period", "value")]:
                total = _qty(facts, whole, col.index) if whole is not None else None
                parts = [(_qty(facts, v, col.index) if v is not None else None, _pct(facts, s, col.index),
                          _name(ctx, v or s)) for v, s in pairs]
                if len(parts) < 2 or any(p[0] is None and p[1] is None for p in parts):
                    continue
                shares = [p[1].value for p in parts if p[1] is not None]
                complete = first and len(shares) == len(parts) and abs(sum(shares, Decimal(0)) - 100) <= Decimal("1.5")
                _emit(ctx, total, parts, complete)
                found = True
    return found


def _whole_row(t: Table, g: Group, values: list[Row]) -> Row | None:
    if g.head_row >= 0:
        head_name = t.rows[g.head_row].name
        head = header_text(head_name.text) if head_name is not None else ""
        for r in values:
            name = header_text(r.name.text) if r.name else ""
            if name and head.startswith(name):
                return r
    return values[0]


def _share_columns(ctx: Context, t: Table, facts: dict[int, Quantity | Percent | Change]) -> bool:
    """A share column without a total row: the rows make up the whole when their shares do
    (≈100%); the whole is the figure that spans the table (受理总量 38447), if it states one."""
    share_col = _share_column(t)
    if share_col is None or any(r.total for r in t.rows):
        return False
    counts = [c for c in _additive(t)]
    col = counts[0] if len(counts) == 1 else None
    rows = [r for r in t.rows if r.parent < 0]
    head = rows[0] if rows and rows[0].group < 0 and (p := _pct(facts, rows[0], share_col)) is not None \
        and p.value == 100 else None
    divided = sorted({r.group for r in rows if r.group >= 0 and t.groups[r.group].kind in ("plain", "facet")})
    if head is not None and divided and all(r.group >= 0 for r in rows[1:]):
        # 年末常住人口 | 3856 | 100 / 按城乡分 / 城镇 … / 按性别分 / 男性 …: the whole at 100, then each
        # group of rows another split of it
        whole_q = _qty(facts, head, col.index) if col is not None else None
        for g in divided:
            seg = [r for r in rows if r.group == g]
            parts = [(_qty(facts, r, col.index) if col is not None else None, _pct(facts, r, share_col), _name(ctx, r))
                     for r in seg]
            # (complete when its shares make it up: 60岁及以上 and 65岁及以上 overlap, and claim nothing)
            total = sum((p[1].value for p in parts if p[1] is not None), Decimal(0))
            _emit(ctx, whole_q, parts, 100 - _ROUNDING <= total <= 100 + _ROUNDING)
        return True
    parts = [(_qty(facts, r, col.index) if col is not None else None, _pct(facts, r, share_col), _name(ctx, r))
             for r in rows]
    shares = [p[1].value for p in parts if p[1] is not None]
    # A share column declares the rows parts of its whole: all of it when the shares make up
    # ≈100% (over it is a slip the checks must see), a top few (前五位) when well under it.
    if len(parts) < 2 or len(shares) != len(parts):
        return False
    whole = facts.get(t.whole.entry.start) if t.whole is not None else None
    total = sum(shares, Decimal(0))
    _emit(ctx, whole if isinstance(whole, Quantity) else None, parts, 100 - _ROUNDING <= total <= 100 + _ROUNDING)
    return True


_ROUNDING = Decimal("1.5")  # shares stated to whole percents may add up to 98.5–101.5


def _continued(ctx: Context, t: Table, facts: dict[int, Quantity | Percent | Change]) -> None:
    """A table with the header of one of the page's tables that ends in a total row, cut off
    before its own: its rows are still parts of a whole the page does not state."""
    rows = [r for r in t.rows if r.parent < 0 and not r.total]
    for col in _additive(t):
        parts = [_qty(facts, r, col.index) for r in rows]
        if len(parts) < 2 or any(q is None for q in parts):
            continue
        qs = [q for q in parts if q is not None]
        if _all_zero(qs):
            continue
        _emit(ctx, None, [(q, None, _name(ctx, r)) for q, r in zip(qs, rows, strict=True)], False)


def _table_rankings(ctx: Context) -> None:
    """A table with a 排名 column, or captioned as a ranking (表1:本周城市管理类前三名诉求), ranks its rows in order."""
    seen: set[tuple[tuple[int, int], tuple[int, int]]] = set()
    done: set[int] = set()
    for t in ctx.tables:
        rows = [r for r in t.rows if r.name is not None and not r.total and r.parent < 0]
        if t.start in done:
            continue
        if t.ranked:
            # a ranked table set side by side (单位 | 得分 | 排名 | 单位 | 得分 | 排名): one ranking of all
            # its rows, in the order of their ranks
            sides = [s for s in ctx.tables if s.start == t.start and s.ranked]
            joined = [r for s in sides for r in s.rows if r.name is not None and not r.total and r.parent < 0]
            ranks = [_rank_of(r) for r in joined]
            if len(sides) > 1 and all(k is not None for k in ranks) and len(set(ranks)) == len(ranks):
                rows = [r for _, r in sorted(zip(ranks, joined, strict=True), key=lambda p: p[0])]  # type: ignore[arg-type, return-value]
                done.add(t.start)
        if len(rows) < 2:
            continue
        names = [(r.name.start, r.name.end) for r in rows if r.name is not None]
        if t.ranked:
            if (names[0], names[-1]) not in seen:
                seen.add((names[0], names[-1]))
                _add_ranking(ctx, [(_written(ctx, a, b), None) for a, b in names], names[0][0], names[-1][1], None)
            continue
        if t.caption is None:
            continue
        top = _TOP_N.search(t.caption.text)  # 前三名, 居前五位, 后3位
        scope = any("rank_word" in w.classes and lexicon.meaning("rank_word", w.text).get("kind") == "scope"
                    for w in lexicon.scan(t.caption.text))
        if top is None and not scope:
            continue
        n = len(names)
        if top is not None:
            numeral = "".join(itertools.takewhile(lambda ch: ch.isdigit() or ch in lexicon.get("numeral").meanings,
                                                  top.group()[1:]))
            try:
                n = min(n, int(parse_number(numeral).value))
            except ValueError:
                pass
        if n < 2:
            continue  # 前0名: nothing to rank
        ranked = names[:n]
        if (ranked[0], ranked[-1]) in seen:
            continue
        seen.add((ranked[0], ranked[-1]))
        order = "asc" if top is not None and top.group().startswith("后") else "desc"
        _add_ranking(ctx, [(_written(ctx, a, b), None) for a, b in ranked], t.caption.start, ranked[-1][1], None,
                     order)


def _rank_of(row: Row) -> int | None:
    """The rank a row's 排名 cell states (1, 2, …), if it states one."""
    text = row.number.text.strip() if row.number is not None else ""
    return int(text) if text.isascii() and text.isdigit() else None  # (not ² nor 2², which isdigit allows)
