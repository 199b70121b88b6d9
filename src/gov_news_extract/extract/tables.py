"""Flattened tables: give each cell the column (or row) it belongs to.

Pages copied from the web keep their tables in one of three shapes:

* one row per line, cells split by `|` or spaces (`清河区 6214 6102 98.2%`);
* one cell per line ending in ` |`, rows opening with their 序号 (`1 |`, `大洼区 |`, `4226 |` …);
* one cell per line with blank lines between, rows opening with their name.

This pass finds them before the numbers are read and records, for every
numeric cell, the header of its column and the name of its row. The numeric
pass then reports the cell as a fact labelled by its column header, or by its
row name when the header names a period or a comparison (`2023年`,
`较上年增长(%)`), and reads a cell under a growth header as a change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache

import regex

from ..context import Context
from ..text.rx import rx

_NUMBER_CELL = regex.compile(r"^[-−]?\d[\d,]*(?:\.\d+)?(?:%|(?P<unit>\p{Han}{1,2}))?$")
_GROWTH_HEADER = regex.compile(r"增长|增减|增幅|比上年|较上年|比去年|较去年|同比|环比|变化")
SHARE_HEADER = regex.compile(r"^(?:占比|比重|构成|比例|所占比例|所占比重|占总量比重|占比情况)$")
_PERIOD_HEADER = regex.compile(r"^(?:\d{4}年(?:度)?|\d{1,2}月(?:份)?|本期|上期|当期)$")
_UNIT_IN_HEADER = regex.compile(r"[(（]([^()（）]{1,4}|[^()（）]{1,4}/[^()（）]{1,4})[)）]\s*$")
_PROSE = regex.compile(r"[,，。;；]")
_RULE_LINE = regex.compile(r"[\s|:：\-—–=+]*[-—–=][\s|:：\-—–=+]*")


@dataclass
class Cell:
    header: str | None
    row: str | None
    growth: bool = False
    unit: str | None = None
    # Normalised [start, end) of the name the cell is labelled by (for the page's own script).
    label_at: tuple[int, int] | None = None
    # The column's own header (less its unit), whatever the cell is labelled by.
    column: str | None = None
    # The header gives the column in percent (占全市比重(%)).
    percent: bool = False


Named = tuple[str, int]  # a header or row name with its normalised start offset


@dataclass
class Table:
    """A table's caption (the line above its header, if any) and its row names in order."""

    caption: Named | None
    rows: list[Named]
    # (column index, row name, normalised start of the cell) for every numeric cell
    cells: list[tuple[int, str, int]] = field(default_factory=list)
    # Columns that add up other columns of the same row: (小计 column, [its sibling columns]).
    subtotals: list[tuple[int, list[int]]] = field(default_factory=list)
    # Rows numbered under a 排名 column: the table is a ranking of its rows.
    ranked: bool = False
    # A row and the rows listed under it (粮食总产量 / 其中:谷物 / 豆类 / 薯类).
    children: list[tuple[str, list[str]]] = field(default_factory=list)


def _clean_header(h: str) -> tuple[str, str | None]:
    h = h.strip().strip("|").strip()
    m = _UNIT_IN_HEADER.search(h)
    unit = m.group(1) if m else None
    if m:
        h = h[: m.start()].strip()
    return rx(r"\s+").sub("", h), unit


Tokens = list[tuple[str, int, int]]


class _Cells(dict[str, Tokens]):
    """The cells of each line of one page, split once: the row and header searches ask about
    the same lines again and again."""

    def __missing__(self, line: str) -> Tokens:
        self[line] = toks = _tokens(line)
        return toks


def _tokens(line: str) -> Tokens:
    """Cells of one line with their offsets within the line."""
    if "|" in line:
        parts = [(m.group().strip(), m.start() + len(m.group()) - len(m.group().lstrip()))
                 for m in rx(r"[^|]+").finditer(line)]
    else:
        # Normalising drops the space between a row name and its first number (清河区 6214 →
        # 清河区6214): split them again.
        # Likewise a rank and its row name (1 杏坪县 → 1杏坪县).
        parts = [(m.group(), m.start()) for m in rx(r"^\s*\d{1,3}(?=\p{Han}{2})|\p{Han}+(?=[-\d])|\S+").finditer(line)]
        parts = [(t.lstrip(), s + len(t) - len(t.lstrip())) for t, s in parts]
    return [(t, s, s + len(t)) for t, s in parts if t]


def _is_number(tok: str) -> bool:
    """A figure cell: a number, maybe with % or a unit (162817吨) — not a name (12345热线)."""
    m = _NUMBER_CELL.match(tok)
    if m is None or _PERIOD_HEADER.match(tok):
        return False  # 2023年 over a column is its header, not a figure
    return not m.group("unit") or m.group("unit") in _units()


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    from .lexicon import units

    return frozenset(units())


def _record(cells: dict[int, Cell], start: int, tok: str, header: Named | None, row: Named | None,
            unit_over: str | None = None) -> None:
    name, unit = _clean_header(header[0]) if header else (None, None)
    unit = unit or unit_over
    growth = bool(name and _GROWTH_HEADER.search(name))
    # A share column (占比) measures the row's category, as a share in a breakdown does.
    use_row = name is None or growth or bool(_PERIOD_HEADER.match(name)) or bool(SHARE_HEADER.match(name))
    # The header says when or against what (2023年, 较上年增长); then the row says what.
    src = row if use_row else header
    label = (row[0] if row else None) if use_row else name
    at = None
    if src is not None:
        text = _clean_header(src[0])[0] if src is header else src[0]
        at = (src[1], src[1] + len(src[0].rstrip()))
        label = text
    cells[start] = Cell(label, row[0] if row else None, growth, unit if unit not in ("%", "％") else None, at, name,
                        unit in ("%", "％"))


def _row_tables(text: str, lines: list[tuple[int, str]], cells: dict[int, Cell], tables: list[Table],
                tokens: _Cells) -> None:
    """One row per line: a header line, then lines of a name followed by numbers."""
    by_header: dict[int, Table] = {}
    for k, (pos, line) in enumerate(lines):
        toks = tokens[line]
        if len(toks) < 3 or _PROSE.search(line):
            continue
        nums = [t for t in toks if _is_number(t[0])]
        ranked = _is_number(toks[0][0]) and len(toks) >= 3 and not _is_number(toks[1][0]) \
            and rx(r"\d{1,3}").fullmatch(toks[0][0]) is not None  # 1 杏坪县 3.12 26: a rank, then a name
        if len(nums) < 2 or (_is_number(toks[0][0]) and "|" not in line and not ranked):
            continue
        # The header is the nearest line above without numbers and with enough cells.
        header: list[Named] | None = None
        hline = -1
        for j in range(k - 1, max(-1, k - 60), -1):  # up through the rows above, to the header
            if _RULE_LINE.fullmatch(lines[j][1]):
                continue  # the |---|---| line under a markdown header
            htoks = [(t[0], lines[j][0] + t[1]) for t in tokens[lines[j][1]]]
            if len(htoks) >= 2 and not any(_is_number(t) for t, _ in htoks) and not _PROSE.search(lines[j][1]):
                header, hline = htoks, j
                break
            if not any(_is_number(t[0]) for t in tokens[lines[j][1]]):
                break
        row_name: Named | None = (toks[0][0], pos + toks[0][1]) if not _is_number(toks[0][0]) else None
        if ranked:
            row_name = (toks[1][0], pos + toks[1][1])
        values = toks[2:] if ranked else toks[1:] if row_name else toks
        if header is None:
            continue
        if len(header) == len(toks):
            heads = header[2:] if ranked else header[1:] if row_name else header
        elif len(header) == len(values) or len(header) >= len(values):
            heads = header[: len(values)]
        else:
            continue
        if hline not in by_header:
            above = lines[hline - 1] if hline > 0 else None
            cap = tokens[above[1]][0] if above and tokens[above[1]] else None
            by_header[hline] = Table((cap[0], above[0] + cap[1]) if above and cap else None, [],
                                     ranked=ranked and rx(r"排名|名次|排序").fullmatch(header[0][0]) is not None)
            tables.append(by_header[hline])
        if row_name:
            by_header[hline].rows.append(row_name)
        for col, ((tok, s, _e), h) in enumerate(zip(values, heads, strict=False)):
            if _is_number(tok):
                _record(cells, pos + s, tok, h, row_name)
                if row_name:
                    by_header[hline].cells.append((col, row_name[0], pos + s))


# The key column that opens a header row (序号, 单位, 区县…): where a table's header starts.
_TOTAL_NAME = regex.compile(r"^(?:合计|总计|小计|全市|总数)$")
_KEY_COLUMN = regex.compile(r"^(?:序号|编号|排名|\p{Han}{0,6}(?:单位|区县|县区|县\(市、区\)|地区|区域|名称|部门|街道|乡镇|镇街|"
                            r"项目|指标|类别|类型|城市|地市))$")
_SUBTOTAL = regex.compile(r"^(?:小计|合计|总计|总数|总量)$")


@dataclass
class _Leaf:
    """One column of a table whose header spans several rows."""

    name: Named            # what the column's cells are called
    unit: str | None = None
    group: int = -1        # columns under one spanning cell share a group
    subtotal: bool = False  # 小计 of its group


def _fold(header: list[Named], width: int, keys: int, rows: list[list[str]]) -> list[_Leaf] | None:
    """Leaf columns of a header written over two or three rows (受理量(件) over 电话/网络/其他/小计).

    Page copies flatten merged header cells into one list, so where one header row ends is
    lost; the first metric column after the key columns spans the rows below, whose cells
    split it again where they are not totals. Many splits give the right number of columns:
    the reading is the one whose 小计/总计 column adds up its sibling columns in every row."""
    if len(header) > 3 * width + 5:
        return None  # real headers span at most three rows; a longer run of cells is no header
    cleaned = [_clean_header(h[0]) for h in header]  # once: the splits below reuse them
    is_sub = [bool(_SUBTOTAL.match(c[0])) for c in cleaned]
    for a in range(min(5, len(header))):
        h = header[a:]
        if not h or not _KEY_COLUMN.match(cleaned[a][0]):
            continue
        for n1 in range(keys + 1, len(h)):
            top, rest = h[:n1], h[n1:]
            parent = top[keys]
            pname, punit = cleaned[a + keys]
            subs_in_rest = is_sub[a + n1:]
            for n2 in range(2, len(rest) + 1):
                mid, low = rest[:n2], rest[n2:]
                n_totals = sum(subs_in_rest[:n2])
                splitters = len(mid) - n_totals
                if n_totals != 1 or (low and (not splitters or len(low) % splitters)):
                    continue
                per = len(low) // splitters if low else 0
                leaves = [_Leaf(k) for k in top[:keys]]
                k = 0
                for g, m in enumerate(mid):
                    if subs_in_rest[g]:
                        leaves.append(_Leaf((pname, parent[1]), punit, 0, True))
                    elif low:
                        leaves.extend(_Leaf(x, punit, g + 1) for x in low[k * per:(k + 1) * per])
                        k += 1
                    else:
                        leaves.append(_Leaf(m, punit, 0))
                leaves.extend(_Leaf(t) for t in top[keys + 1:])
                if len(leaves) == width and _adds_up(leaves, rows):
                    return leaves
    return None


def _cell_value(tok: str) -> Decimal | None:
    m = _NUMBER_CELL.match(tok)
    if m is None or "%" in tok:
        return None
    try:
        return Decimal(rx(r"[-−]?[\d.]+").match(tok.replace(",", "")).group())  # type: ignore[union-attr]
    except (InvalidOperation, AttributeError):
        return None


def _adds_up(leaves: list[_Leaf], rows: list[list[str]]) -> bool:
    """The subtotal column equals the sum of the other columns under the same spanning cell."""
    sub = next(c for c, lf in enumerate(leaves) if lf.subtotal)
    under = [c for c, lf in enumerate(leaves) if not lf.subtotal and lf.group >= 0]
    full = [row for row in rows if len(row) == len(leaves)]  # a page may cut the last row short
    if not under or len(full) < 2:
        return False
    good = 0
    for row in full:
        total = _cell_value(row[sub])
        parts = [_cell_value(row[c]) for c in under]
        if total is None or any(v is None for v in parts):
            return False
        good += sum(v for v in parts if v is not None) == total
    # One row that does not add up is a slip the checks should report, not a different layout.
    return good >= 2 and good * 3 >= len(full) * 2


_EMPTY_CELLS = frozenset({"—", "——", "-", "－", "/", "…"})


def _cell_tables(text: str, lines: list[tuple[int, str]], cells: dict[int, Cell], tables: list[Table],
                 tokens: _Cells) -> None:
    """One cell per line (` |` endings or blank-line separated): rows open with a name or a 序号."""
    k = 0
    while k < len(lines):
        # A block: consecutive short lines without prose.
        block: list[tuple[int, str]] = []
        while k < len(lines) and lines[k][1].strip() and not _PROSE.search(lines[k][1]) \
                and len(lines[k][1].strip()) <= 24 and len(tokens[lines[k][1]]) <= 2:
            block.append(lines[k])
            k += 1
        k += 1
        texts = [b[1].strip().strip("|").strip() for b in block]
        entries = [(b[0] + b[1].find(t), t) for b, t in zip(block, texts, strict=True) if t]
        if sum(_is_number(t) for _, t in entries) < 4:
            continue
        first_num = next(i for i, (_, t) in enumerate(entries) if _is_number(t))
        numbered = first_num + 1 < len(entries) and rx(r"\d{1,3}").fullmatch(entries[first_num][1]) is not None \
            and not _is_number(entries[first_num + 1][1])
        if numbered:
            # Rows open with their 序号: 1 | 大洼区 | 4226 | …
            header = [(t, p) for p, t in entries[:first_num]]
            starts = [i for i in range(first_num, len(entries) - 1)
                      if rx(r"\d{1,3}").fullmatch(entries[i][1]) and not _is_number(entries[i + 1][1])]
        else:
            # Rows open with a name: 粮食总产量 / 162817吨 / 0.5
            header = [(t, p) for p, t in entries[:max(0, first_num - 1)]]
            starts = [i for i in range(max(0, first_num - 1), len(entries))
                      if not _is_number(entries[i][1]) and i + 1 < len(entries) and _is_number(entries[i + 1][1])]
        if len(starts) < 2:
            continue
        width = starts[1] - starts[0]
        data = [[t for _, t in entries[st:st + width]] for st in starts]
        leaves = _fold(header, width, 2 if numbered else 1, data) if len(header) > width else None
        heads: list[Named | None] = list(header[-width:]) if len(header) >= width else \
            [None] * (width - len(header)) + list(header)
        units: list[str | None] = [None] * width
        table = Table(None, [])
        tables.append(table)
        if leaves is not None:
            heads, units = [lf.name for lf in leaves], [lf.unit for lf in leaves]
            for g in {lf.group for lf in leaves if lf.subtotal}:
                cols = [c for c, lf in enumerate(leaves) if lf.group == g]
                sub = [c for c in cols if leaves[c].subtotal]
                if len(sub) == 1 and len(cols) >= 3:
                    table.subtotals.append((sub[0], [c for c in cols if c != sub[0]]))
        parent: str | None = None
        rows = []
        for n, st in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else min(len(entries), st + width)
            rows.append(entries[st:end])
        skip = 2 if numbered else 1
        good = sum(len(r) == width and all(_is_number(t) or t in _EMPTY_CELLS for _, t in r[skip:]) for r in rows)
        if good < 2 or good * 5 < len(rows) * 3:
            tables.pop()  # short lines of an infographic (caption, figure, caption…), not rows of cells
            continue
        if numbered and rows:
            # 合计 | 128604 | 100.0% |: the total row has no 序号; give it an empty one
            last = starts[-1]
            tk = next((i for i in range(last + 1, min(len(entries), last + width + 1))
                       if _TOTAL_NAME.match(entries[i][1])), None)
            if tk is not None:
                rows[-1] = entries[last:tk]
                total_row = entries[tk:tk + width - 1]
                if len(total_row) == width - 1 and all(_is_number(t) for _, t in total_row[1:]):
                    rows.append([(total_row[0][0], ""), *total_row])
        for row in rows:
            if len(row) != width:
                continue
            named = row[1] if numbered else row[0]
            lead = rx(r"其中[:：]?\s*").match(named[1])
            cut = lead.end() if lead else 0  # 其中:谷物 is the row 谷物 under the one before
            row_name: Named = (named[1][cut:], named[0] + cut)
            indented = named[0] > text.rfind("\n", 0, named[0]) + 1
            if lead and parent is not None:
                table.children.append((parent, [row_name[0]]))
            elif indented and table.children and not lead:
                table.children[-1][1].append(row_name[0])  # the indented rows after 其中: go on the list
            else:
                parent = row_name[0]
            table.rows.append(row_name)
            for col, (pos, tok) in enumerate(row):
                if col == 0 or (numbered and col == 1) or not _is_number(tok):
                    continue
                _record(cells, pos, tok, heads[col] if col < len(heads) else None, row_name, units[col])
                table.cells.append((col, row_name[0], pos))


def run(ctx: Context) -> None:
    text = ctx.norm.text
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    cells: dict[int, Cell] = {}
    tables: list[Table] = []
    tokens = _Cells()
    _row_tables(text, lines, cells, tables, tokens)
    _cell_tables(text, [ln for ln in lines if ln[1].strip()], cells, tables, tokens)
    ctx.table_cells = cells
    ctx.tables = tables
