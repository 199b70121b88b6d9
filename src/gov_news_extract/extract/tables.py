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
from functools import lru_cache

import regex

from ..context import Context
from ..text.rx import rx

_NUMBER_CELL = regex.compile(r"^[-−]?\d[\d,]*(?:\.\d+)?(?:%|(?P<unit>\p{Han}{1,2}))?$")
_GROWTH_HEADER = regex.compile(r"增长|增减|增幅|比上年|较上年|比去年|较去年|同比|环比|变化")
_PERIOD_HEADER = regex.compile(r"^(?:\d{4}年(?:度)?|\d{1,2}月(?:份)?|本期|上期|当期)$")
_UNIT_IN_HEADER = regex.compile(r"[(（]([^()（）]{1,4})[)）]\s*$")
_PROSE = regex.compile(r"[,，。;；]")


@dataclass
class Cell:
    header: str | None
    row: str | None
    growth: bool = False
    unit: str | None = None
    # Normalised [start, end) of the name the cell is labelled by (for the page's own script).
    label_at: tuple[int, int] | None = None


Named = tuple[str, int]  # a header or row name with its normalised start offset


@dataclass
class Table:
    """A table's caption (the line above its header, if any) and its row names in order."""

    caption: Named | None
    rows: list[Named]
    # (column index, row name, normalised start of the cell) for every numeric cell
    cells: list[tuple[int, str, int]] = field(default_factory=list)


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
        parts = [(m.group(), m.start()) for m in rx(r"\p{Han}+(?=[-\d])|\S+").finditer(line)]
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


def _record(cells: dict[int, Cell], start: int, tok: str, header: Named | None, row: Named | None) -> None:
    name, unit = _clean_header(header[0]) if header else (None, None)
    growth = bool(name and _GROWTH_HEADER.search(name))
    use_row = name is None or growth or bool(_PERIOD_HEADER.match(name))
    # The header says when or against what (2023年, 较上年增长); then the row says what.
    src = row if use_row else header
    label = (row[0] if row else None) if use_row else name
    at = None
    if src is not None:
        text = _clean_header(src[0])[0] if src is header else src[0]
        at = (src[1], src[1] + len(src[0].rstrip()))
        label = text
    cells[start] = Cell(label, row[0] if row else None, growth, unit if unit not in ("%", "％") else None, at)


def _row_tables(text: str, lines: list[tuple[int, str]], cells: dict[int, Cell], tables: list[Table],
                tokens: _Cells) -> None:
    """One row per line: a header line, then lines of a name followed by numbers."""
    by_header: dict[int, Table] = {}
    for k, (pos, line) in enumerate(lines):
        toks = tokens[line]
        if len(toks) < 3 or _PROSE.search(line):
            continue
        nums = [t for t in toks if _is_number(t[0])]
        if len(nums) < 2 or (_is_number(toks[0][0]) and "|" not in line):
            continue
        # The header is the nearest line above without numbers and with enough cells.
        header: list[Named] | None = None
        hline = -1
        for j in range(k - 1, max(-1, k - 8), -1):
            htoks = [(t[0], lines[j][0] + t[1]) for t in tokens[lines[j][1]]]
            if len(htoks) >= 2 and not any(_is_number(t) for t, _ in htoks) and not _PROSE.search(lines[j][1]):
                header, hline = htoks, j
                break
            if not any(_is_number(t[0]) for t in tokens[lines[j][1]]):
                break
        row_name: Named | None = (toks[0][0], pos + toks[0][1]) if not _is_number(toks[0][0]) else None
        values = toks[1:] if row_name else toks
        if header is None:
            continue
        if len(header) == len(toks):
            heads = header[1:] if row_name else header
        elif len(header) == len(values) or len(header) >= len(values):
            heads = header[: len(values)]
        else:
            continue
        if hline not in by_header:
            above = lines[hline - 1] if hline > 0 else None
            cap = tokens[above[1]][0] if above and tokens[above[1]] else None
            by_header[hline] = Table((cap[0], above[0] + cap[1]) if above and cap else None, [])
            tables.append(by_header[hline])
        if row_name:
            by_header[hline].rows.append(row_name)
        for col, ((tok, s, _e), h) in enumerate(zip(values, heads, strict=False)):
            if _is_number(tok):
                _record(cells, pos + s, tok, h, row_name)
                if row_name:
                    by_header[hline].cells.append((col, row_name[0], pos + s))


def _cell_tables(text: str, lines: list[tuple[int, str]], cells: dict[int, Cell], tokens: _Cells) -> None:
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
        heads: list[Named | None] = list(header[-width:]) if len(header) >= width else \
            [None] * (width - len(header)) + list(header)
        for n, st in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else min(len(entries), st + width)
            row = entries[st:end]
            if len(row) != width:
                continue
            named = row[1] if numbered else row[0]
            lead = rx(r"其中[:：]?\s*").match(named[1])
            cut = lead.end() if lead else 0  # 其中:谷物 is the row 谷物 under the one before
            row_name: Named = (named[1][cut:], named[0] + cut)
            for col, (pos, tok) in enumerate(row):
                if col == 0 or (numbered and col == 1) or not _is_number(tok):
                    continue
                _record(cells, pos, tok, heads[col] if col < len(heads) else None, row_name)


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
    _cell_tables(text, [ln for ln in lines if ln[1].strip()], cells, tokens)
    ctx.table_cells = cells
    ctx.tables = tables
