"""Tables: the grid a page's flattened table stands for, whatever layout the copy left it in.

Pages copied from the web, from PDFs and from word processors keep their tables in one of a
few layouts, all read here into one model:

* pipe rows, one row per line (`| 项目 | 2019 | 2020 |`, `临渭区 | 52 | 0 |`), markdown tables
  (a `|---|` rule under the header), and header cells broken over lines
  (`| 指标 | 绝对数\\n(亿元) |\\n比上年增长\\n(%) |`);
* one cell per line, ending in ` |` or not, maybe with blank lines between, rows ended by a
  line of bars (`|||`) or told apart by their names and 序号;
* whitespace-aligned columns, one row per line (`粮食   268450   1.8`).

A `Table` has a caption, the unit and scale it declares (a line or caption `单位:亿元`),
leaf `Column`s with their header path (a header over several rows: `受理量(件)` over
电话/网络/小计; a cell spanning sub-columns), each column's kind (a period, a metric, a
value the row names, a growth with its basis, a share, a rate) and declared unit, and `Row`s
with their cells placed in the columns: a row one cell short is aligned to the columns its
cells fit (a % cell to a % column, a figure near its column's size), never shifting the rest.
Rows fall into groups (`构成(%)`, `比上年增长(%)`, `按主要行业分`); 其中 rows are parts of the
row above; a 合计 row sums the others. Two tables flattened side by side (`来源 | 数量 | 占比 |
类型 | 数量 | 占比`) become two tables that share the spanning whole before them.

Words come from the word classes of `data/lexicon/`; what is left here is layout: bars,
rules, brackets, digits and positions. The model reads the normalised text and knows nothing
of facts: `extract/tables.py` turns its cells into facts and `extract/composite/table_parts.py`
its totals and share blocks into breakdowns.
"""

from __future__ import annotations

import bisect
import itertools
import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache, cached_property
from typing import Literal

import regex

from ..text import lexicon
from ..text.normalise import SECTION_HEAD
from ..text.rx import rx

log = logging.getLogger(__name__)

# ---------------------------------------------------------------- cells

def _signs() -> str:
    """-, +, and the arrows a table writes for a fall or a rise (↓18.04%, ↑9.03%): the direction
    class's marks."""
    marks = "".join(w for w, m in lexicon.get("direction").meanings.items() if m.get("mark"))
    return "[" + regex.escape("-−+" + marks) + "]"


def _falls() -> frozenset[str]:
    return frozenset({"-", "−"} | {w for w, m in lexicon.get("direction").meanings.items()
                                   if m.get("mark") and m.get("dir") == "down"})


_NUMBER = regex.compile(r"^(?P<sign>" + _signs() + r")?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>%|‰)?(?P<unit>\S{1,6})?$")
_FALLS = _falls()
_EMPTY = regex.compile(r"^[—―\-－/…–~·]+$")
_YEAR = regex.compile(r"^(?:19|20)\d\d$")
_PROSE = regex.compile(r"[,，。;；!！?？]")
_RULE = regex.compile(r"^[\s|:：\-—–=+]*[-—–=]{2,}[\s|:：\-—–=+]*$")
_BARS = regex.compile(r"^[\s|]*\|[\s|]*$")
# A declaration in brackets at the end of a header or caption: (万元), (%), (上年=100), (单位:亿元).
_BRACKET_END = regex.compile(r"[(（](?P<inner>[^()（）]{1,12})[)）]\s*$")
_BASE_100 = regex.compile(r"^(?P<base>[^=＝]{1,8})[=＝]100$")


@dataclass(frozen=True)
class Entry:
    """One cell as the page writes it: its text and normalised [start, end)."""

    text: str
    start: int
    end: int

    @property
    def kind(self) -> str:
        return cell_kind(self.text)


@cache
def cell_kind(text: str) -> str:
    """text, num, pct (a number with % or ‰), empty (—, /), blank (nothing)."""
    if not text:
        return "blank"
    m = _NUMBER.match(text)
    if m is not None and (not m.group("unit") or m.group("unit") in _unit_words()):
        if m.group("unit") and _YEAR.match(m.group("num")) and \
                lexicon.meaning("unit", m.group("unit")).get("group") == "time":
            return "text"  # 2015年 names a period
        return "pct" if m.group("pct") else "num"
    if _EMPTY.match(text):
        return "empty"
    return "text"


def number_of(text: str) -> Decimal | None:
    """The number a figure cell holds, as written (signed, without % or unit)."""
    m = _NUMBER.match(text)
    if m is None:
        return None
    try:
        v = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    return -v if m.group("sign") in _FALLS else v


@cache
def _time_words() -> frozenset[str]:
    return frozenset(lexicon.words("time_word"))


@cache
def _unit_words() -> frozenset[str]:
    return frozenset(lexicon.get("unit").words)


@cache
def _units_longest() -> list[str]:
    return lexicon.get("unit").words


# ---------------------------------------------------------------- declarations


@dataclass(frozen=True)
class Declared:
    """The unit and scale declared for some cells (单位:亿元 → 元, 10^8; (%) → percent)."""

    unit: str | None = None
    scale: int = 1
    percent: bool = False
    # 指数(上年=100): an index against a base, read as a percent level
    index_base: str | None = None

    @property
    def empty(self) -> bool:
        return self.unit is None and self.scale == 1 and not self.percent and self.index_base is None


NOTHING = Declared()


@cache
def parse_unit(text: str) -> Declared | None:
    """万元 → (元, 10^4); % → percent; 吨 → (吨, 1); 上年=100 → an index; None when it is no unit."""
    t = rx(r"\s+").sub("", text)
    if t in ("%", "％", "‰"):
        return Declared(percent=True)
    if m := _BASE_100.match(t):
        return Declared(percent=True, index_base=m.group("base"))
    for pre in lexicon.words("multiplier"):  # longest first: 万亿 before 万
        if t.startswith(pre) and t[len(pre):] in _unit_words():
            return Declared(unit=t[len(pre):], scale=int(lexicon.meaning("multiplier", pre)["scale"]))
    if t in _unit_words():
        return Declared(unit=t)
    if t in lexicon.words("multiplier"):  # 接待人次(万): the scale alone, the unit is the header's own
        return Declared(scale=int(lexicon.meaning("multiplier", t)["scale"]))
    for u in _units_longest():
        # (接收件), (办结件): the count of what a verb does, in its unit
        if t.endswith(u) and len(t) > len(u) and _tokens(t[: -len(u)]) and \
                all(tok.classes & {"intake_verb", "result_verb"} for tok in _tokens(t[: -len(u)])) and \
                sum(tok.end - tok.start for tok in _tokens(t[: -len(u)])) == len(t) - len(u):
            return Declared(unit=u)
    # 亿元、% / 万元,%: the first unit a table declares is the unit of its figures
    first = rx(r"^[^、,，;；/]+").match(t)
    if first is not None and first.group() != t:
        return parse_unit(first.group())
    return None


@cache
def _unit_only(text: str) -> bool:
    """A header cell that is a unit and nothing else (千公顷, 万吨, (万元)), not a percent."""
    d = parse_unit(text.strip().strip("()（）"))
    return d is not None and not d.percent and d.index_base is None and (d.unit is not None or d.scale != 1)


@cache
def strip_declaration(text: str) -> tuple[str, Declared]:
    """A header or group name less its bracketed unit: 总量(万元) → (总量, 万元)."""
    m = _BRACKET_END.search(text)
    if m is not None:
        inner = m.group("inner")
        d = parse_unit(inner) or _declaration_line(inner)
        if d is not None:
            name = text[: m.start()].rstrip()
            if d.unit is None and d.scale != 1 and not d.percent:
                # 接待人次(万): the name ends in the unit it counts in
                d = Declared(unit=next((u for u in _units_longest() if name.endswith(u) and len(name) > len(u)), None),
                             scale=d.scale)
            return name, d
    t = text.rstrip()
    if len(t) > 1 and t[-1] in "%％":
        return t[:-1].rstrip(), Declared(percent=True)  # 增长% / ±%: a percent sign for a bracket
    return text, NOTHING


@cache
def _declaration_line(text: str) -> Declared | None:
    """单位:亿元 / 计量单位:万吨 (alone or inside a caption's brackets)."""
    words = lexicon.alternation("unit_declaration")
    m = rx(rf"(?:{words})\s*[:：]\s*(?P<u>[^\s()（）|,，;；]{{1,8}})").search(text)
    if m is None:
        return None
    return parse_unit(m.group("u"))


# ---------------------------------------------------------------- words of headers


def _tokens(text: str) -> list[lexicon.WordToken]:
    return lexicon.scan(text)


def _has(text: str, *classes: str) -> lexicon.WordToken | None:
    for tok in _tokens(text):
        if any(c in tok.classes for c in classes):
            return tok
    return None


@cache
def key_kind(text: str) -> str | None:
    """name / number / ranked when a header names a key column (项目, 承办单位, 序号, 排名)."""
    t = rx(r"\s+").sub("", strip_declaration(text)[0])
    if not t or len(t) > 10:
        return None
    for w in lexicon.words("table_key"):
        if t.endswith(w) and (t == w or lexicon.meaning("table_key", w).get("kind") == "name"):
            meaning = lexicon.meaning("table_key", w)
            if meaning.get("ranked"):
                return "ranked"
            return str(meaning.get("kind"))
    return None


@cache
def _total_names() -> frozenset[str]:
    sums = set(lexicon.get("total").having(row=True))
    scopes = set(lexicon.words("whole_scope"))
    return frozenset(sums | scopes | {w + s for w in scopes for s in sums})


@cache
def is_total_name(text: str) -> bool:
    """合计, 总计, 小计, 共计, 全市, 全市合计 …: a row or column that sums the others."""
    return rx(r"[\s:：]+").sub("", text) in _total_names()


def _compared_at(toks: list[lexicon.WordToken], k: int) -> bool:
    """toks[k] opens a comparison with the period right after it (较 + 去年同期, 比 + 上月)."""
    t = toks[k]
    return "comparator" in t.classes and lexicon.meaning("comparator", t.text).get("role") == "open" \
        and k + 1 < len(toks) and "prior_period" in toks[k + 1].classes and toks[k + 1].start == t.end


@cache
def growth_of(text: str) -> tuple[bool, str | None]:
    """Whether a header names a change, and its basis as written (同比, 比上年, 较上年同期). A header
    that is only the period compared with (较去年同期(%), 比上月) names a change too."""
    toks = _tokens(text)
    names_change = any(("direction" in t.classes and not lexicon.meaning("direction", t.text).get("short"))
                       or "rate_word" in t.classes or "basis_word" in t.classes or "signed_change" in t.classes
                       or _compared_at(toks, k) for k, t in enumerate(toks))
    if not names_change:
        return False, None
    basis = None
    for k, t in enumerate(toks):
        if "basis_word" in t.classes:
            basis = t.text
            break
        if _compared_at(toks, k):
            basis = text[t.start:toks[k + 1].end]
            break
    return True, basis


@cache
def is_share_header(text: str) -> bool:
    """A name that holds a share word (占比, 比重, 构成, 总产出构成)."""
    tok = _has(text, "share")
    return tok is not None and lexicon.meaning("share", tok.text).get("kind") == "noun"


@cache
def is_share_column(text: str) -> bool:
    """A column of shares of the table's whole: the share word alone (占比, 比例) or after 占
    (占全市比重). A column named for what it measures (优良天数比例) is that row's rate."""
    t = rx(r"\s+").sub("", strip_declaration(text)[0])
    toks = _tokens(t)
    if not toks or "share" not in toks[-1].classes or toks[-1].end != len(t):
        return False
    if toks[-1].start == 0:
        return True
    return any("share" in tok.classes and lexicon.meaning("share", tok.text).get("kind") == "verb" and tok.start == 0
               for tok in toks)


@cache
def is_value_header(text: str) -> bool:
    """数量, 件数, 绝对数: the header holds values, the row names what they measure."""
    t = rx(r"\s+").sub("", strip_declaration(text)[0])
    return t in lexicon.words("value_head")


@cache
def is_unit_header(text: str) -> bool:
    t = rx(r"\s+").sub("", text)
    return t in lexicon.words("unit_declaration")


@cache
def is_rate_header(text: str) -> bool:
    """办结率, 满意率: a metric that is itself a percent level."""
    t = rx(r"\s+").sub("", strip_declaration(text)[0])
    return len(t) >= 2 and t.endswith("率")


def is_period(text: str, periods: Sequence[tuple[int, int]] = (), start: int = -1) -> bool:
    """A header that says when: a bare year, or a cell the dates pass read as a date (less the
    unit it declares: 2024年上半年(件))."""
    t = strip_declaration(text.strip())[0].strip()
    if _YEAR.match(t) or t in _time_words():
        return True  # 2023, 一季度, 本年
    m = _NUMBER.match(t)
    if m is not None and m.group("unit") and _YEAR.match(m.group("num")) and \
            lexicon.meaning("unit", m.group("unit")).get("group") == "time":
        return True  # 2023年
    if start >= 0 and any(a <= start and start + len(t) <= b for a, b in periods):
        return True
    # 去年2023年上半年, 去年同时期, 上年同期: dates and words of time, one after another, and nothing else
    covered = [False] * len(t)
    if start >= 0:
        for a, b in periods:
            for k in range(max(a - start, 0), min(b - start, len(t))):
                covered[k] = True
    for tok in _tokens(t):
        if tok.classes & _WHEN_CLASSES or lexicon.meaning("total", tok.text).get("cumulative"):
            covered[tok.start:tok.end] = [True] * (tok.end - tok.start)  # 1-4月累计: the months, summed
    lead = _MONTHS_TO.match(t)
    if lead is not None and lead.end() < len(t) and covered[lead.end()]:
        covered[:lead.end()] = [True] * lead.end()  # 1-本月: from the first month to this one
    return len(t) >= 2 and any(covered) and all(covered[k] or t[k].isspace() for k in range(len(t))) \
        and not all(lexicon.meaning("total", tok.text).get("cumulative") for tok in _tokens(t))


_WHEN_CLASSES = frozenset({"time_word", "prior_period", "rel_year", "rel_period"})
_MONTHS_TO = regex.compile(rf"\d{{1,2}}\s*(?:{lexicon.alternation_where('separator', kind='range')})\s*")
_YEAR_LEAD = regex.compile(rf"(?:19|20)\d\d(?:{lexicon.alternation_where('date_part', unit='year')})")  # 2022年, 2022年度


def period_lead(text: str) -> int:
    """How much of a header opens with the year it is of (2022年投诉量, 去年受理量): 0 when that
    is all of it or what is left names no metric (2022年数据). Other words of time stay: 年末常住
    人口 is a stock at the year's end, 本周数据 the week's column."""
    k = 0
    toks = {t.start: t for t in _tokens(text) if "rel_year" in t.classes}
    while k < len(text):
        m = _YEAR_LEAD.match(text, k)
        if m is not None:
            k = m.end()
        elif k in toks:
            k = toks[k].end
        elif text[k].isspace():
            k += 1
        else:
            rest = text[k:].strip()
            return k if not is_value_header(rest) and rest not in lexicon.words("generic_noun") else 0
    return 0


# ---------------------------------------------------------------- the model


@dataclass
class Column:
    index: int
    path: list[Entry]            # header cells from the top row down to this column's own
    kind: str = "metric"         # key, number, unit, period, growth, share, rate, value, metric
    declared: Declared = NOTHING
    basis: str | None = None     # of a growth column: 同比, 环比, 比上年 …
    group: int = -1              # columns under one spanning header cell share a group
    total: bool = False          # a 小计/合计 column of its group: the sum of the others
    side: int = 0                # side-by-side tables: which one
    # When a figure column stands in time, for a growth column beside it: "current" (本周数据,
    # the later year) or "prior" (上周数据, 上年同期, the year before).
    when: Literal["current", "prior"] | None = None

    @property
    def leaf(self) -> Entry | None:
        return self.path[-1] if self.path else None

    @property
    def name(self) -> str | None:
        """The column's own name without its unit; a total column is named by what it sums, a
        column headed by a unit alone (千公顷 under 播种面积) by the header above."""
        entry = self.name_entry
        return header_text(entry.text) if entry is not None else None

    @property
    def name_entry(self) -> Entry | None:
        if len(self.path) >= 2 and (self.total or _unit_only(self.path[-1].text)):
            return self.path[-2]
        return self.leaf

    @property
    def header(self) -> str | None:
        """The whole header path as written: 受理量(件)/电话."""
        return "/".join(e.text for e in self.path) if self.path else None


@dataclass
class Group:
    """A run of rows under a group row: 构成(%), 比上年增长(%), 按主要行业分 …"""

    name: Entry
    kind: str                    # share, growth, index, facet, plain
    declared: Declared = NOTHING
    basis: str | None = None
    parent: int = -1             # a facet group inside a share/growth/index group
    head_row: int = -1           # a row that carries the group's name and its own figures


@dataclass
class Cell:
    entry: Entry
    row: int
    col: int

    @property
    def value(self) -> Decimal | None:
        return number_of(self.entry.text)

    @property
    def kind(self) -> str:
        return self.entry.kind


@dataclass
class Row:
    index: int
    name: Entry | None
    cells: dict[int, Cell] = field(default_factory=dict)   # column index → cell (figures and blanks)
    group: int = -1
    total: bool = False
    parent: int = -1             # the row this one is listed under (其中:谷物 under 粮食总产量)
    short: bool = False          # cells were missing: placed by alignment, not by position
    number: Entry | None = None  # the 序号 or rank cell
    unit: Declared = NOTHING     # from a 计量单位 column
    names: dict[int, Entry] = field(default_factory=dict)  # every key cell, by column (side-by-side tables)
    numbers: dict[int, Entry] = field(default_factory=dict)  # every 序号 or rank cell, by column (the same)
    indented: bool = False

    @property
    def label(self) -> str | None:
        return header_text(self.name.text) if self.name else None


@dataclass
class Table:
    index: int
    start: int
    end: int
    layout: str
    caption: Entry | None = None
    declared: Declared = NOTHING
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    ranked: bool = False
    # A cell before the tables of a side-by-side pair that spans all their rows: their whole.
    whole: Cell | None = None
    whole_name: Entry | None = None
    # Tables with the same header (a second table cut off by the page is still a table of parts).
    signature: tuple[str, ...] = ()
    _padding: dict[int, int] = field(default_factory=dict, repr=False)

    def cells(self) -> Iterable[tuple[Row, Column, Cell]]:
        for row in self.rows:
            for c, cell in sorted(row.cells.items()):
                if 0 <= c < len(self.columns):  # (a cell placed past the header's columns has none to be read under)
                    yield row, self.columns[c], cell

    def declared_for(self, row: Row, col: Column) -> Declared:
        """The unit and scale a cell takes: its row's own (人均地区生产总值(元) under 绝对数(亿元)),
        its column's, its row group's, the table's."""
        group = self.groups[row.group] if row.group >= 0 else None
        own = row.unit if not col.declared.percent else NOTHING
        for d in (own, col.declared, group.declared if group else NOTHING,
                  self.groups[group.parent].declared if group and group.parent >= 0 else NOTHING,
                  self.declared):
            if not d.empty:
                return d
        return NOTHING

    def group_of(self, row: Row) -> Group | None:
        """The row group that says what the row's figures are (构成, 指数, 增长): for a row of a
        facet group (按主要行业分), its parent's; None for the plain rows of values."""
        if row.group < 0:
            return None
        g = self.groups[row.group]
        if g.kind in ("facet", "plain"):
            return self.groups[g.parent] if g.parent >= 0 else None
        return g

    def padding(self, row: Row) -> int:
        """Decimals a block writes as padding: when every figure of the row's block ends in 0
        (10.50, 62.40, 7.20 …), its shares were stated to one decimal fewer."""
        group = self.group_of(row)
        key = id(group)
        if key in self._padding:
            return self._padding[key]
        self._padding[key] = pad = self._pad(group)
        return pad

    def _pad(self, group: Group | None) -> int:
        figures = [c.entry.text for r in self.rows if self.group_of(r) is group for c in r.cells.values()
                   if c.kind in ("num", "pct") and self.columns[c.col].kind in ("period", "value", "share")]
        pads = []
        for f in figures:
            m = rx(r"\.(\d+?)(0+)%?$").search(f)
            if m is None:
                return 0
            pads.append(len(m.group(2)))
        return min(pads) if len(pads) >= 4 else 0


@dataclass
class CellRef:
    """A figure cell with the table, row and column it sits in."""

    table: Table
    row: Row
    column: Column
    cell: Cell


@cache
def header_text(text: str) -> str:
    """A header or row name less its unit, 其中: prefix and inner spaces."""
    t = strip_declaration(text)[0]
    t = _subset_lead().sub("", t)
    t = SECTION_HEAD.sub("", t) if not _YEAR.match(t.strip()) else t  # 一、社会消费品零售总额, 1、批发业
    return t.strip()


def is_subset_title(text: str) -> bool:
    """其中:开发区: a title that names a part of the whole (its rows are that part's figures)."""
    return bool(_subset_lead().match(text))


@cache
def _subset_lead() -> regex.Pattern[str]:
    words = lexicon.get("list_cue").having(kind="subset")
    return rx(rf"^\s*(?:{'|'.join(regex.escape(w) for w in sorted(words, key=len, reverse=True))})\s*[:：]?\s*")


# ---------------------------------------------------------------- lines


@dataclass
class _Line:
    start: int
    text: str

    @cached_property
    def stripped(self) -> str:
        return self.text.strip()

    @cached_property
    def kind(self) -> str:
        s = self.stripped
        if not s:
            return "blank"
        if "|" in s:
            if _BARS.match(s):
                return "bars"
            if _RULE.match(s):
                return "rule"
            filled = len([c for c in self.pipe_cells() if c.text])
            # `合计 | ||||||||`: the last cell of a row written one cell a line, and the row's end
            return "pipe" if s.startswith("|") or filled >= 2 else "cell"
        if _RULE.match(s) and s.count("-") + s.count("—") >= 3:
            return "rule"
        return "text"

    def pipe_cells(self) -> list[Entry]:
        return self._pipe_cells

    @cached_property
    def _pipe_cells(self) -> list[Entry]:
        """Cells of a pipe line, empty ones included: `| a | b |` and `a | b |` give [a, b]."""
        s = self.text
        a, b = 0, len(s)
        while a < b and s[a].isspace():
            a += 1
        while b > a and s[b - 1].isspace():
            b -= 1
        if a < b and s[a] == "|":
            a += 1
        if b > a and s[b - 1] == "|":
            b -= 1
        out = []
        k = a
        for part in s[a:b].split("|"):
            lead = len(part) - len(part.lstrip())
            t = part.strip()
            out.append(Entry(t, self.start + k + lead, self.start + k + lead + len(t)))
            k += len(part) + 1
        return out


def _lines(text: str) -> list[_Line]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append(_Line(pos, line))
        pos += len(line) + 1
    return out


# The parts of a date after its digits (date_part.json): 月/月份, and the one-character 年, 月, 日/号.
_MONTHS = lexicon.alternation_where("date_part", unit="month")
_YEAR_MARK = "".join(regex.escape(w) for w in lexicon.get("date_part").having(unit="year") if len(w) == 1)
_MONTH_MARK = "".join(regex.escape(w) for w in lexicon.get("date_part").having(unit="month") if len(w) == 1)
_DAY_MARKS = "".join(regex.escape(w) for w in lexicon.get("date_part").having(unit="day") if len(w) == 1)


def _split_aligned(line: _Line) -> list[Entry]:
    """Cells of a whitespace-aligned row. Normalising drops the space between a name and its
    figure (粮食 268450 → 粮食268450) and between a rank and a name (1 杏坪县 → 1杏坪县): split them again."""
    out = []
    # A period heading its row (7月 10.62 → 7月10.62; 2023年 1234.5) splits the same way; a figure
    # that goes on into a date (7月10日) is that date's day.
    for m in rx(r"^\s*\d{1,3}(?=\p{Han}{2})|\p{Han}[\p{Han}()（）、:：]*(?=[-−]?\d)"
                rf"|\d{{1,2}}(?:{_MONTHS})(?=[-−]?\d[\d.]*(?![\d.{_DAY_MARKS}]))"
                rf"|\d{{4}}{_YEAR_MARK}(?=[-−]?\d[\d.]*(?![\d.{_MONTH_MARK}{_DAY_MARKS}]))|\S+"
                ).finditer(line.text):
        t = m.group()
        lead = len(t) - len(t.lstrip())
        t = t.strip()
        if t:
            out.append(Entry(t, line.start + m.start() + lead, line.start + m.start() + lead + len(t)))
    return out


# ---------------------------------------------------------------- finding tables


def find_tables(text: str, periods: Sequence[tuple[int, int]] = ()) -> list[Table]:
    """Every table of a page. `periods` are the [start, end) of the dates the dates pass found
    (a header cell covered by one says when, like a bare year does)."""
    lines = _lines(text)
    tables: list[Table] = []
    used: set[int] = set()
    finders = (_pipe_blocks, _cell_blocks, _aligned_blocks)
    for finder in finders:
        for block in finder(lines, used):
            try:
                built = _build(block, lines, periods, len(tables))
            except Exception:  # one unreadable table must not cost the page its other facts
                log.exception("table at %d not read", block.first_line)
                continue
            if built:
                used.update(range(block.first_line, block.last_line + 1))
                tables.extend(built)
    tables.sort(key=lambda t: (t.start, t.index))
    for k, t in enumerate(tables):
        t.index = k
    return tables


@dataclass
class _Block:
    layout: str
    first_line: int
    last_line: int
    # rows of cells (pipe, aligned) or None for a stream of cells (one a line)
    rows: list[list[Entry]] = field(default_factory=list)
    stream: list[Entry | None] = field(default_factory=list)  # None: a line of bars (a row break)
    rule_after: int = -1         # markdown: the rows above the rule are the header
    indented: set[int] = field(default_factory=set)   # rows written indented (aligned layout)
    indented_at: set[int] = field(default_factory=set)  # cells written indented (one a line)
    row_units: list[Declared] = field(default_factory=list)  # 单位:个、万元: units the rows take by what they measure


def _short(line: _Line, limit: int = 24) -> bool:
    s = line.stripped.strip("|").strip()
    return 0 < len(s) <= limit and not _PROSE.search(s)


def _pipe_blocks(lines: list[_Line], used: set[int]) -> list[_Block]:
    """Runs of pipe rows (one row a line), with header cells broken over lines joined back."""
    blocks = []
    k = 0
    while k < len(lines):
        if k in used or lines[k].kind != "pipe" or (_PROSE.search(lines[k].text.replace("|", "")) and \
                len(lines[k].pipe_cells()) < 3):
            k += 1
            continue
        block = _Block("pipe", k, k)
        starts: list[int] = []  # the line each row begins on
        while k < len(lines) and k not in used:
            kind = lines[k].kind
            if kind == "cell" and block.rows and _group_line(lines[k]):
                kind = "pipe"  # `商业 | |||||` between rows: a group's title row
            if kind == "pipe":
                row_at = k
                row_lines = [lines[k]]
                j = k + 1
                # A row opened by a bar and not closed by one goes on over the next lines until
                # one ends in a bar: `| 指标 | 绝对数` / `(亿元) | 比上年增长` / `(%) |`.
                if lines[k].stripped.startswith("|"):
                    while not row_lines[-1].stripped.endswith("|") and j < len(lines) and \
                            lines[j].kind in ("cell", "text", "pipe") and not lines[j].stripped.startswith("|") \
                            and _short(lines[j], 30):
                        row_lines.append(lines[j])
                        j += 1
                # The cells after a closed row may still be its own, broken over lines: `(亿元) |` /
                # `比上年增长` / `(%) |`, ended by a line ending in a bar and followed by a row.
                k = j - 1
                run: list[_Line] = []
                while j < len(lines) and lines[j].kind in ("cell", "text") and _short(lines[j], 16) \
                        and not _group_line(lines[j]):  # (`按城乡分 | ||`: the title of the rows below)
                    run.append(lines[j])
                    j += 1
                if run and run[-1].stripped.endswith("|") and (j >= len(lines) or lines[j].kind in ("pipe", "rule", "bars")
                                                               or _group_line(lines[j])):
                    row_lines += run
                else:
                    j = k + 1
                block.rows.append(_joined_cells(row_lines))
                starts.append(row_at)
                block.last_line = j - 1
                k = j
            elif kind == "rule" and block.rows:
                block.rule_after = len(block.rows)
                block.last_line = k
                k += 1
            elif kind == "bars" and block.rows:
                block.last_line = k
                k += 1
            else:
                break
        for part in _at_repeated_headers(block, starts):
            if len(part.rows) >= 2:
                _merge_header_lines(part)
                _run_on(part)
                blocks.append(part)
        k = max(k, block.last_line + 1)
    return blocks


def _at_repeated_headers(block: _Block, starts: list[int]) -> list[_Block]:
    """Tables set one under another with nothing between, each under a numbered title (1、本地生产总值,
    2、本地生产总值构成) and the same header rows (9月, 1-9月累计, 累计): a row that repeats a header
    row of the block opens a table of its own, with the title row right above it as its caption."""
    texts = [tuple(e.text for e in r) for r in block.rows]
    cuts: list[int] = []
    seen = {texts[0]} if texts else set()
    for k in range(1, len(texts)):
        filled = [t for t in texts[k] if t]
        repeated = texts[k] in seen
        seen.add(texts[k])
        if len(filled) < 2 or not repeated or any(cell_kind(t) in ("num", "pct") and not _dated(t)
                                                             for t in filled):
            continue
        cut = k - 1 if k - 1 > 0 and sum(1 for t in texts[k - 1] if t) == 1 else k
        if not cuts or cut > cuts[-1] + 1:
            cuts.append(cut)
    if not cuts or block.rule_after >= 0 or len(starts) != len(block.rows):
        return [block]
    out = []
    for a, b in itertools.pairwise([0, *cuts, len(block.rows)]):
        part = _Block("pipe", starts[a], starts[b] - 1 if b < len(starts) else block.last_line, block.rows[a:b])
        out.append(part)
    return out


def _dated(text: str) -> bool:
    """A header cell that names a period (9月, 1-9月累计): digits, but no figure."""
    return _DATED.match(text.strip()) is not None


_DATED = regex.compile(rf"^\d{{1,4}}(?:(?:{lexicon.alternation_where('separator', kind='range')})\d{{1,2}})?\p{{Han}}{{1,4}}$")


def _group_line(line: _Line) -> bool:
    """`商业 | |||||`: a name and a row of empty cells, a group's title row of its own."""
    cells = line.pipe_cells()
    return len(cells) >= 3 and bool(cells[0].text) and not any(c.text for c in cells[1:])


def _run_on(block: _Block) -> None:
    """Pipe rows run together on one line (`| 4326 | 5.5 | … | 其中:规模以上 | 501 | 7.1 | … |
    工业总产值 | …`), a copy that lost the row breaks: when a row holds two rows' worth of the
    header's cells, the block is read as a stream of cells whose rows begin at a name followed by a
    figure, as a table written one cell a line is. A declaration among the header cells (单位:个、万元)
    is no column, and the name after the header's last column opens the first row."""
    rows = [[e for e in r if e.text] for r in block.rows]
    h = next((k for k, r in enumerate(rows) if len(r) >= 3 and all(e.kind == "text" for e in r)), None)
    if h is None:
        return
    head = [e for e in rows[h] if _declaration_line(e.text) is None]
    declared = [e for e in rows[h] if _declaration_line(e.text) is not None]
    data = [e for r in rows[h + 1:] for e in r]
    first = next((k for k, e in enumerate(data) if e.kind in ("num", "pct")), None)
    if first is None or first > 0 or len(head) < 3:
        return
    # the header ends in the first row's name when the next line opens with its figures
    width = len(head) - 1
    if not any(len(r) >= 2 * width for r in rows[h + 1:]):
        return
    cells = [head[width], *data]
    out: list[list[Entry]] = [head[:width]]
    seg: list[Entry] = []

    def flush() -> None:
        starts = _row_starts(seg) if seg else []
        out.extend(seg[a:b] for a, b in itertools.pairwise([*starts, len(seg)]))

    for k, e in enumerate(cells):
        if e.kind == "text" and 0 < k < len(cells) - 1 and cells[k - 1].kind != "text" and cells[k + 1].kind == "text":
            # a name with no figure of its own between two rows (其中:开发区): the title of the rows
            # after it, a row of its own with its other cells empty, as a group's title row is
            flush()
            seg = []
            out.append([e, *(Entry("", e.end, e.end) for _ in range(width - 1))])
        else:
            seg.append(e)
    flush()
    block.rows = out
    if declared:
        block.row_units = _units_listed(declared[0].text)


def _units_listed(text: str) -> list[Declared]:
    """单位:个、万元: every unit a declaration lists, in order."""
    m = rx(rf"(?:{lexicon.alternation('unit_declaration')})\s*[:：]\s*(?P<u>[^\s()（）|]{{1,16}})").search(text)
    if m is None:
        return []
    units = [parse_unit(u) for u in rx(r"[、,，/]").split(m.group("u")) if u]
    return [u for u in units if u is not None]


def _units_by_measure(table: Table, units: list[Declared]) -> None:
    """A table declaring a count unit and another (单位:个、万元): a row whose name ends in a count's
    end (企业单位数) takes the count unit, every other row the other unit (工业总产值: 万元)."""
    count = next((u for u in units if u.unit and lexicon.meaning("unit", u.unit).get("group") == "count"), None)
    other = next((u for u in units if u is not count and not u.percent), None)
    if count is None or other is None:
        return
    ends = [w for w in lexicon.get("metric_end").having(count=True)]
    for row in table.rows:
        if row.unit.empty and row.name is not None:
            if 0 <= row.parent < row.index:
                row.unit = table.rows[row.parent].unit  # 其中:规模以上 counts what the row above counts
                continue
            name = header_text(row.name.text)
            row.unit = count if name.endswith(tuple(ends)) else other


def _merge_header_lines(block: _Block) -> None:
    """`项目名称 | 计算单位 |` / `4月 | 1-4月累计 |` / `增长(%) |` / `结构(%) |` over rows of six
    cells: one header row broken over lines, its cells as many as a row's, none a figure."""
    width = next((len(r) for r in block.rows if any(e.kind in ("num", "pct") for e in r)), 0)
    n = total = 0
    # (a numbered title row over the header, 2、本地生产总值构成 | |||, is the caption, no header cell)
    skip = 0
    while skip < len(block.rows) and [e.text for e in block.rows[skip] if e.text][:1] \
            and len([e for e in block.rows[skip] if e.text]) == 1 and SECTION_HEAD.match(block.rows[skip][0].text):
        skip += 1
    for r in block.rows[skip:]:
        if any(e.kind in ("num", "pct") for e in r) or len([e for e in r if e.text]) >= width:
            break
        n += 1
        total += len([e for e in r if e.text])
        if total >= width:
            break
    if n >= 2 and total == width:
        block.rows[skip:skip + n] = [[e for r in block.rows[skip:skip + n] for e in r if e.text]]


def _joined_cells(row_lines: list[_Line]) -> list[Entry]:
    """The cells of a row written over several lines: the line breaks inside cells are kept."""
    first = row_lines[0]
    if len(row_lines) == 1:
        return first.pipe_cells()
    end = row_lines[-1].start + len(row_lines[-1].text)
    joined = _Line(first.start, "\n".join(ln.text for ln in row_lines))
    assert joined.start + len(joined.text) == end
    return joined.pipe_cells()


def _cell_blocks(lines: list[_Line], used: set[int]) -> list[_Block]:
    """Runs of one cell a line: `813 |` lines (rows maybe ended by lines of bars), or bare short
    lines, maybe with blank lines between (a PDF copy)."""
    blocks = []
    k = 0
    while k < len(lines):
        if k in used or not _cellish(lines[k], None):
            k += 1
            continue
        style = "bar" if lines[k].kind in ("cell", "bars") else "bare"
        if style == "bare" and _bar_between(lines, k):
            block = _between_block(lines, k, used)
            if block is not None:
                blocks.append(block)
                k = block.last_line + 1
                continue
        if style == "bare" and _titles_table(lines[k].stripped):
            k += 1  # 2022年8月各承办单位信件办理情况统计表: the table's caption, read above its first cell
            continue
        block = _Block("cells", k, k)
        j = k
        while j < len(lines) and j not in used:
            ln = lines[j]
            if ln.kind == "blank":
                # blank lines between cells; two in a row, or a blank line in a bar table, end it
                if style == "bare" and j + 1 < len(lines) and _cellish(lines[j + 1], style):
                    j += 1
                    continue
                break
            if not _cellish(ln, style) or (style == "bare" and j > k and _bar_between(lines, j)):
                break
            if ln.kind == "bars":
                if block.stream and block.stream[-1] is not None:
                    block.stream.append(None)
            else:
                cells = ln.pipe_cells() if "|" in ln.text else [_whole_line(ln)]
                block.stream.extend(c for c in cells if c.text)
                if ln.text[:1].isspace() and cells and cells[0].text:
                    block.indented_at.add(cells[0].start)
                if len(cells) >= 3:
                    block.stream.append(None)  # the bars after the cell end its row
            block.last_line = j
            j += 1
        k = max(j, k + 1)
        if style == "bare":
            # a bare table ends at its last figure: a short line after it opens the next part
            while block.stream and block.stream[-1] is not None and block.stream[-1].kind == "text":
                block.stream.pop()
        figures = sum(e is not None and e.kind in ("num", "pct") for e in block.stream)
        if figures >= (2 if style == "bar" else 4):  # bare short lines are more often an infographic
            blocks.append(block)
    return blocks


def _titles_table(text: str) -> bool:
    """A long line that ends in the word for a table (…办理情况统计表): the title of the table below."""
    word = next((w for w in lexicon.get("exhibit").having(kind="table")), None)
    return word is not None and len(text) >= 10 and text.endswith(word) and not rx(r"[,。;:]").search(text)


def _lone_bar(line: _Line) -> bool:
    return line.stripped == "|"


def _bar_between(lines: list[_Line], k: int) -> bool:
    """Cells a line with a line holding one bar after each (`指标 / | / 单位 / | / …`): an HTML
    table whose cells the copy put on lines of their own, the bars telling no row's end."""
    return k + 2 < len(lines) and _lone_bar(lines[k + 1]) and lines[k + 2].kind == "text" \
        and _short(lines[k], 30) and _short(lines[k + 2], 30)


def _between_block(lines: list[_Line], k: int, used: set[int]) -> _Block | None:
    """A table whose cells are each followed (or joined) by a lone bar. The bars say nothing of
    where a row ends, so the stream has no breaks but where two cells stand with no bar between
    them; the rows are told apart by their names, as in a bare table."""
    block = _Block("cells", k, k)
    j, barred = k, True
    while j < len(lines) and j not in used:
        ln = lines[j]
        if _lone_bar(ln):
            if barred:  # two bars in a row, or a bar before any cell: not this layout
                break
            barred = True
        elif ln.kind == "text" and _short(ln, 30):
            if not barred:
                block.stream.append(None)
            cell = _whole_line(ln)
            block.stream.append(cell)
            if ln.text[:1].isspace():
                block.indented_at.add(cell.start)
            barred = False
        else:
            break
        block.last_line = j
        j += 1
    figures = sum(e is not None and e.kind in ("num", "pct") for e in block.stream)
    if figures < 2 or len(block.stream) < 6:
        return None
    if None not in block.stream:
        width = _grid_width([e for e in block.stream if e is not None])
        if width is None:
            return None
        cells = [e for e in block.stream if e is not None]
        block.rows = [cells[a:a + width] for a in range(0, len(cells), width)]
    return block


def _grid_width(cells: list[Entry]) -> int | None:
    """The row width of cells that run on with no row break: the narrowest width at which the
    first row is all words (the header), every later row opens with a name and holds a figure,
    and every column holds one kind (words, or figures and dashes) down the rows."""
    for width in range(2, min(len(cells) // 2, 12) + 1):
        if len(cells) % width:
            continue
        rows = [cells[a:a + width] for a in range(0, len(cells), width)]
        head, data = rows[0], rows[1:]
        if any(e.kind != "text" for e in head) or not data:
            continue
        if any(r[0].kind != "text" or not any(e.kind in ("num", "pct") for e in r) for r in data):
            continue
        if all(len({e.kind == "text" for e in col}) == 1 for col in zip(*data, strict=True)):
            return width
    return None


def _whole_line(ln: _Line) -> Entry:
    s = ln.stripped
    k = ln.start + ln.text.find(s)
    return Entry(s, k, k + len(s))


def _cellish(line: _Line, style: str | None) -> bool:
    """A line that holds one cell of a table written one cell a line."""
    if line.kind == "bars":
        return style != "bare"
    if line.kind == "cell":
        return style != "bare" and _short(line, 30)
    if line.kind != "text":
        return False
    if style == "bar":
        return line.stripped == line.text.strip() and cell_kind(line.stripped) in ("num", "pct")  # a bar lost
    # a bare line: one short cell (a name, a figure, a header), not a sentence nor a row of
    # figures nor a section head (四、群众满意情况)
    if SECTION_HEAD.match(line.text) and cell_kind(line.stripped) == "text":
        return False
    if line.stripped.endswith((":", "：")):
        return False  # 从归口类型来看: leads into what follows, it is no cell
    parts = _split_aligned(line)
    return _short(line, 24) and len(parts) <= 2 and not (len(parts) == 2 and parts[1].kind in ("num", "pct"))


def _aligned_blocks(lines: list[_Line], used: set[int]) -> list[_Block]:
    """Rows of whitespace-separated cells: a header line of names, then rows of a name and figures."""
    blocks = []
    k = 0
    while k < len(lines):
        if k in used or not _aligned_row(lines[k]):
            k += 1
            continue
        j = k
        rows: list[list[Entry]] = []
        indented: set[int] = set()
        while j < len(lines) and j not in used and _aligned_row(lines[j]):
            rows.append(_split_aligned(lines[j]))
            if lines[j].text[:1].isspace():
                indented.add(len(rows) - 1)
            j += 1
        figures = sum(any(e.kind in ("num", "pct") for e in r[1:]) for r in rows)
        # the header: the line above with names only (产品名称 产量(吨) 比上年增长(%))
        h = k - 1
        while h >= 0 and lines[h].kind == "blank":
            h -= 1
        header_ok = False
        # a numbered heading ((二)承办单位工单办理量 (详见附件1)) titles what follows, it heads no columns
        if h >= 0 and h not in used and lines[h].kind == "text" and not _PROSE.search(lines[h].text) \
                and not SECTION_HEAD.match(lines[h].text):
            cells = _split_aligned(lines[h])
            if len(cells) >= 2 and all(_header_cell(e.text) for e in cells):
                rows.insert(0, cells)
                indented = {i + 1 for i in indented}
                header_ok = True
        if figures >= 2 and header_ok:
            blocks.append(_Block("aligned", h, j - 1, rows=rows, indented=indented))
        k = j + 1
    return blocks


def _header_cell(text: str) -> bool:
    """A header names a column: words, a period, a unit in brackets, a name with digits in it
    (PM2.5浓度) — not a figure (较8月增加3448件 is a line of an infographic)."""
    if is_period(text):
        return True
    bare = _BRACKET_END.sub("", text)
    return rx(r"(?<![A-Za-z.\d])\d").search(bare) is None


def _aligned_row(line: _Line) -> bool:
    if line.kind != "text" or _PROSE.search(line.text):
        return False
    cells = _split_aligned(line)
    if len(cells) < 2 or len(cells) > 20:
        return False
    figures = [e for e in cells if e.kind in ("num", "pct")]
    return bool(figures) and (cells[0].kind == "text" or len(figures) >= 2) and \
        sum(e.kind == "text" for e in cells) <= max(2, len(cells) // 2)


# ---------------------------------------------------------------- building one table


def _build(block: _Block, lines: list[_Line], periods: Sequence[tuple[int, int]], index: int) -> list[Table]:
    if block.layout == "cells" and block.rows:
        # rows already told apart by their width (cells joined by lone bars): the first is the header
        header_rows, data = block.rows[:1], block.rows[1:]
        positional = True
    elif block.layout == "cells":
        split = _stream_rows(block.stream, lines)
        if split is None:
            return []
        header_rows, data = split
        positional = False
    else:
        header_rows, data = _split_header(block, periods)
        positional = block.layout == "pipe"
    caption, declared, header_rows, data = _caption(block, lines, header_rows, data)
    data = [r for r in data if any(e.text for e in r)]
    if len(data) < 1 or (not header_rows and len(data) < 2):
        return []
    width = _width(data, header_rows, positional)
    if width < 2:
        return []
    keys = _key_count(data, width)
    paths = _fold(header_rows, width, keys, data, positional)
    columns = [Column(i, p) for i, p in enumerate(paths)]
    _column_kinds(columns, data, keys, periods)
    # Rows one cell short are placed by what their columns hold: first by the complete rows,
    # then again by every row as placed (a column's names and sizes show only across all rows).
    profiles = _profile(columns, [list(r) for r in data if len(r) == width])
    placed = [_place(r, width, positional, profiles) for r in data]
    if any(short for _, short in placed):
        profiles = _profile(columns, [r for r, _ in placed])
        placed = [_place(r, width, positional, profiles) for r in data]
    good = sum(1 for r, _ in placed if sum(e.kind in ("num", "pct", "empty") for e in r if e is not None) >= 1)
    if good < max(1, len(placed) // 2) or sum(e is not None and e.kind in ("num", "pct")
                                                for r, _ in placed for e in r) < 2:
        return []
    start = min(e.start for r in header_rows + data for e in r if e.text)
    end = max(e.end for r in header_rows + data for e in r if e.text)
    table = Table(index, start, end, "markdown" if block.rule_after >= 0 else block.layout, caption, declared, columns)
    # the figure columns' headers: a second table of the same design (承办部门 after 承办县区)
    table.signature = tuple(rx(r"\s+").sub("", c.header or "") for c in columns if c.kind not in ("key", "number"))
    for k, (cells, short) in enumerate(placed):
        indented = k + len(header_rows) in block.indented or any(
            e is not None and e.start in block.indented_at for e in cells[:keys + 1])
        _add_row(table, cells, short, indented, keys)
    _row_structure(table)
    _shared_lists(table)
    if len(block.row_units) >= 2:
        _units_by_measure(table, block.row_units)
    key_ranked = any(c.kind == "number" and c.path and key_kind(c.path[-1].text) == "ranked" for c in columns)
    table.ranked = key_ranked
    return _sides(table)


def _split_header(block: _Block, periods: Sequence[tuple[int, int]]) -> tuple[list[list[Entry]], list[list[Entry]]]:
    rows = block.rows
    if block.rule_after >= 0:
        return rows[:block.rule_after], rows[block.rule_after:]
    k = 0
    while k < len(rows):
        vals = [e for e in rows[k][1:] if e.text]
        figures = [e for e in vals if e.kind in ("num", "pct")]
        # a header of years (| 指标 | 2023 | 2024 | 增长(%) |): its figures all name periods
        # (a header names each year once: | 东城区 | 1900 | 1900 | is a row of counts)
        periodic = figures and all(e.kind == "num" and is_period(e.text, periods, e.start) for e in figures) \
            and (len(figures) >= 2 or len(figures) < len(vals)) and len({e.text for e in figures}) == len(figures)
        if figures and not periodic:
            break
        if figures and k > 0 and rows[k][:1] and rows[k][0].text and len(rows[k - 1]) == len(rows[k]) \
                and all(e.text for e in rows[k - 1]):
            break  # years under a full header row with a name before them: a row of counts (东城区 1900 2010)
        if rows[k][:1] and rows[k][0].text and not vals and len(rows[k]) >= 3 \
                and any(len([e for e in r if e.text]) >= 3 for r in rows[:k]):
            break  # `商业 | |||||` under the header: the first group's title, not a header row
        k += 1
    return rows[:k], rows[k:]


def _caption(block: _Block, lines: list[_Line], header_rows: list[list[Entry]], data: list[list[Entry]]) \
        -> tuple[Entry | None, Declared, list[list[Entry]], list[list[Entry]]]:
    """The caption and unit line of a table: up to two short lines right above it (表1 …,
    单位:亿元), or rows of one cell at its top (`| 2-3 总产出 | |||||`)."""
    inside: list[Entry] = []
    while len(header_rows) >= 2 or (header_rows and data):
        filled = [e for e in header_rows[0] if e.text]
        if len(filled) != 1 or (len(header_rows[0]) < 2 and block.layout == "pipe" and not \
                _declaration_line(filled[0].text)):
            break
        if block.layout != "pipe" and not _declaration_line(filled[0].text):
            break
        inside.append(filled[0])
        header_rows = header_rows[1:]
    above: list[Entry] = []
    h = block.first_line - 1
    while h >= 0 and len(above) < 2:
        ln = lines[h]
        s = ln.stripped
        if ln.kind == "blank":
            if above:
                break
            h -= 1
            continue
        if ln.kind == "cell":
            s = s.strip("| ")
        elif ln.kind != "text":
            break
        if len(s) > 40 or (_PROSE.search(s) and _declaration_line(s) is None):
            break
        k = ln.start + ln.text.find(s)
        above.insert(0, Entry(s, k, k + len(s)))
        h -= 1
    caption: Entry | None = None
    declared = NOTHING
    for e in above + inside:
        d = _declaration_line(e.text)
        if d is None:
            continue
        declared = d
    for e in above + inside:
        m = _declaration_span(e.text)
        if m is None:
            caption = e
        elif m[0] > 0 and e.text[:m[0]].strip():
            t = e.text[:m[0]].rstrip()
            caption = Entry(t, e.start, e.start + len(t))
    return caption, declared, header_rows, data


def _declaration_span(text: str) -> tuple[int, int] | None:
    """Where a unit declaration (单位:亿元, (计量单位:万吨)) stands in a line."""
    words = lexicon.alternation("unit_declaration")
    m = rx(rf"[(（]?\s*(?:{words})\s*[:：]\s*[^\s()（）|,，;；]{{1,8}}\s*[)）]?").search(text)
    return m.span() if m else None


def _width(data: list[list[Entry]], header_rows: list[list[Entry]], positional: bool) -> int:
    """How many columns the table has: the usual length of its rows (a longer one when a third
    of the rows have it: the shorter rows lost a cell)."""
    lengths = Counter(len(r) for r in data)
    common = max(lengths.items(), key=lambda kv: (kv[1], kv[0]))[0]
    longest = max(lengths)
    if positional or longest - common > 3:
        return common
    heads = [len([e for e in h if e.text]) for h in header_rows]
    if lengths[longest] * 3 >= len(data) or (len(heads) == 1 and heads[0] == longest):
        return longest  # the shorter rows lost a cell (a spanning whole, a figure not given)
    return common


def _key_count(data: list[list[Entry]], width: int) -> int:
    """How many columns open a row before its figures: a name, or a 序号 and a name."""
    full = [r for r in data if len(r) == width] or data
    numbered = sum(1 for r in full if len(r) >= 3 and r[0].kind == "num" and rx(r"\d{1,3}").fullmatch(r[0].text)
                   and r[1].kind == "text")
    if numbered * 2 > len(full):
        return 2
    return 1 if sum(1 for r in full if r and _nameish(r[0])) * 2 >= len(full) else 0


def _nameish(e: Entry) -> bool:
    """A cell that can name a row: a name, or a bare year (a yearbook's rows of years)."""
    return e.kind == "text" or (e.kind == "num" and _YEAR.match(e.text) is not None)


# ---------------------------------------------------------------- cell streams


def _stream_rows(stream: list[Entry | None], lines: Sequence[_Line] = ()) -> tuple[list[list[Entry]], list[list[Entry]]] | None:
    """Header rows and data rows of a table written one cell a line."""
    while stream and stream[-1] is None:
        stream = stream[:-1]
    segments: list[list[Entry]] = [[]]
    for e in stream:
        if e is None:
            if segments[-1]:
                segments.append([])
        else:
            segments[-1].append(e)
    segments = [s for s in segments if s]
    header_rows: list[list[Entry]] = []
    k = 0
    while k < len(segments) and not any(e.kind in ("num", "pct") for e in segments[k]):
        header_rows.append(segments[k])
        k += 1
    rest = segments[k:]
    if not rest:
        return None
    if len(rest) >= 2:
        # Rows end at lines of bars; the first may still hold the header (no bar after it).
        first = rest[0]
        t = 0
        while t < len(first) and first[t].kind == "text":
            t += 1
        later = max(len(s) for s in rest[1:])
        if t and not header_rows:
            h = t if len(first) - t >= later or len(first) - t == t else t - 1
            header_rows = [first[:h]]
            rest = [first[h:], *rest[1:]]
        elif t > 1 and header_rows:
            # more header cells after the last bar line (a third header row)
            h = t - 1
            header_rows.append(first[:h])
            rest = [first[h:], *rest[1:]]
        data = [r for r in rest if r]
        out = []
        width = max(len(header_rows[-1]) if header_rows else 0, later)
        for k, r in enumerate(data):
            if k == 0 and len(r) > width and (len(r) - width) % later == 0:
                # the first rows ran on without a bar: the first as wide as the header, then
                # rows as long as the later ones (a whole spanning the rows makes the first longer)
                out.append(r[:width])
                out.extend(r[a:a + later] for a in range(width, len(r), later))
            else:
                out.extend(_split_run(r, later))
        return header_rows, out
    run = rest[0]
    starts = _row_starts(run)
    if not starts or (len(starts) < 2 and not (header_rows or starts[0] > 0)):
        return None  # one row is a table only under a header
    head = run[:starts[0]]
    data = [run[a:b] for a, b in itertools.pairwise([*starts, len(run)])]
    if head:
        header_rows.append(head)
    return header_rows, _rewrapped(header_rows, data, lines)


def _source(lines: Sequence[_Line], a: int, b: int) -> str:
    """The text of [a, b) as the lines hold it (line breaks included)."""
    if not lines:
        return ""
    starts = [ln.start for ln in lines]
    i = max(bisect.bisect_right(starts, a) - 1, 0)
    j = max(bisect.bisect_right(starts, max(a, b - 1)) - 1, i)
    text = "\n".join(ln.text for ln in lines[i:j + 1])  # only the lines the stretch covers
    return text[a - lines[i].start:b - lines[i].start]


def _rewrapped(header_rows: list[list[Entry]], data: list[list[Entry]],
               lines: Sequence[_Line] = ()) -> list[list[Entry]]:
    """Names wrapped over two lines (房屋土地 / 管理类): rows are told apart at a name followed by
    a figure, so the first line of a wrapped name ends the row (or the header) before it, one
    cell too many; it joins the name again."""
    widths = Counter(len(r) for r in data if r and r[-1].kind != "text")
    width = widths.most_common(1)[0][0] if widths else 0
    out = [list(r) for r in data]
    before = [header_rows[-1] if header_rows else [], *out[:-1]]
    for prev, row in zip(before, out, strict=True):
        if len(prev) == width + 1 and len(prev) >= 3 and prev[-1].kind == "text" and row and row[0].kind == "text" \
                and not _source(lines, prev[-1].end, row[0].start).strip() \
                and (prev is not before[0] or all(e.kind == "text" for e in prev)) \
                and (prev is before[0] or prev[-2].kind != "text"):
            first = prev.pop()
            # the name as written, its line break kept (labels are read off the text, spaces dropped)
            row[0] = Entry(_source(lines, first.start, row[0].end) or first.text + row[0].text, first.start, row[0].end)
    return out


def _split_run(row: list[Entry], width: int) -> list[list[Entry]]:
    if len(row) <= width + 1:
        return [row]
    starts = _row_starts(row)
    if len(starts) < 2:
        return [row]
    return [row[a:b] for a, b in itertools.pairwise([*starts, len(row)])]


def _row_starts(run: list[Entry]) -> list[int]:
    """Where the rows of a run of cells begin: at a name followed by a figure, or at a 序号
    followed by a name (1 | 大洼区 | 4226 | …); a 合计 row without a 序号 begins at its name."""
    def small(e: Entry) -> bool:
        return e.kind == "num" and rx(r"\d{1,3}").fullmatch(e.text) is not None

    def figure(e: Entry) -> bool:
        return e.kind in ("num", "pct", "empty")

    first = next((i for i, e in enumerate(run) if e.kind in ("num", "pct")), len(run))
    numbered = first + 1 < len(run) and small(run[first]) and run[first + 1].kind == "text"
    starts: list[int] = []
    for i in range(first if numbered else max(0, first - 1), len(run) - 1):
        e, nxt = run[i], run[i + 1]
        if numbered and small(e) and nxt.kind == "text":
            starts.append(i)
        elif e.kind == "text" and figure(nxt) and not (starts and starts[-1] == i - 1 and numbered):
            # (地区生产总值 | 亿元 | 91.3: a unit column between the name and the figures; the row
            # begins at the name)
            unit = i > 0 and _unit_only(e.text) and run[i - 1].kind == "text" and not _unit_only(run[i - 1].text)
            starts.append(i - 1 if unit else i)
    return starts


# ---------------------------------------------------------------- headers


def _fold(header_rows: list[list[Entry]], width: int, keys: int, data: list[list[Entry]],
          positional: bool) -> list[list[Entry]]:
    """The header path of each of `width` columns."""
    rows = [r for r in header_rows if any(e.text for e in r)]
    if not rows:
        return [[] for _ in range(width)]
    if positional and all(len(r) == width for r in rows):
        # (an empty last cell over a named one spans from the left: that row is not shifted)
        rows = [r if any(o[-1].text for o in rows if o is not r) else _unshifted(r, data) for r in rows]
        return _positional_paths(rows, width)
    rows = [[e for e in r if e.text] for r in rows]
    if len(rows) == 1:
        flat = rows[0]
        if len(flat) == width:
            return [[e] for e in flat]
        if len(flat) < width:
            # the key column's header is missing (本周数据 | 上周数据 over 住房 | 399 | 348)
            return [[] for _ in range(width - len(flat))] + [[e] for e in flat]
        folded = _fold_flat(flat, width, keys, data)
        if folded is not None:
            return folded
        return [[e] for e in flat[-width:]]
    best: tuple[float, list[list[Entry]]] | None = None
    # Headers stand in three levels at most; more rows above the data are no header to fold (a
    # broken row that swallowed the next table): folding them would cost exponential time.
    for paths, score in _fold_levels(rows[-_MAX_LEVELS:], width, keys, data):
        if best is None or score > best[0]:
            best = (score, paths)
    if best is not None:
        return best[1]
    flat = [e for r in rows for e in r]
    return [[e] for e in flat[-width:]] if len(flat) >= width else [[] for _ in range(width - len(flat))] + \
        [[e] for e in flat]


_MAX_LEVELS = 3


def _unshifted(row: list[Entry], data: list[list[Entry]]) -> list[Entry]:
    """A pipe header that left out the key column's cell (`本周数据 | 上周数据 | 环比增长 | |` over
    `住房 | 399 | 348 | 14.66% |`) stands one cell to the right."""
    if len(row) < 3 or row[-1].text or not row[0].text or key_kind(row[0].text) is not None:
        return row
    first = [r[0] for r in data if r and r[0].text]
    second = [r[1] for r in data if len(r) > 1 and r[1].text]
    if first and all(e.kind == "text" for e in first) and second and \
            sum(e.kind in ("num", "pct") for e in second) * 2 > len(second) and cell_kind(row[0].text) == "text":
        return [Entry("", row[0].start, row[0].start), *row[:-1]]
    return row


def _positional_paths(rows: list[list[Entry]], width: int) -> list[list[Entry]]:
    """Pipe headers keep their empty cells: an empty cell over a named one is the spanning
    cell to its left (| 年末常住人口(万人) | | | over | 合计 | 城镇 | 乡村 |)."""
    paths: list[list[Entry]] = [[] for _ in range(width)]
    for r, row in enumerate(rows):
        for j in range(width):
            e = row[j]
            if e.text:
                paths[j].append(e)
                continue
            below = any(rows[b][j].text for b in range(r + 1, len(rows)))
            if below:
                left = next((row[i] for i in range(j - 1, -1, -1) if row[i].text), None)
                if left is not None and any(rows[b][j - 1].text for b in range(r + 1, len(rows))):
                    paths[j].append(left)
    return paths


def _fold_flat(flat: list[Entry], width: int, keys: int, data: list[list[Entry]]) -> list[list[Entry]] | None:
    """A header written over two rows and flattened into one run of cells (no bar between the
    rows): try each place the first row may end; keep a reading the names or the sums confirm."""
    best: tuple[float, list[list[Entry]]] | None = None
    for a in range(0, min(4, len(flat))):
        for n1 in range(keys + 1, len(flat) - a):
            top, low = flat[a:a + n1], flat[a + n1:]
            if len(low) < 2:
                continue
            for paths, score in _fold_two(top, [[e] for e in low], width, keys, data):
                # a column that sums every other figure column confirms the columns' count
                totals = [j for j, p in enumerate(paths) if len(p) == 1 and is_total_name(p[0].text)]
                if len(totals) == 1 and _adds_up(data, totals[0], [j for j in range(keys, width) if j != totals[0]]):
                    score += 3.0
                if score < 2.5:  # a flattened header is folded only when something confirms it
                    continue
                score -= 0.5 * a  # cells skipped before the header: a caption, rarely
                if best is None or score > best[0]:
                    best = (score, paths)
    return best[1] if best else None


def _fold_levels(rows: list[list[Entry]], width: int, keys: int, data: list[list[Entry]]) \
        -> Iterable[tuple[list[list[Entry]], float]]:
    """Readings of a header of several rows, bottom up: each row splits some cells of the row above."""
    if len(rows) == 1:
        if len(rows[0]) == width:
            yield [[e] for e in rows[0]], 0.0
        return
    lower_options: list[tuple[list[list[Entry]], float]]
    if len(rows) == 2:
        lower_options = [([[e] for e in rows[1]], 0.0)]
    else:
        # the rows below the top, folded among themselves for every plausible width
        lower_options = []
        below = rows[1:]
        n_low = sum(len(r) for r in below)
        for w in range(len(below[-1]), n_low + 1):
            # the best few readings of the rows below for each width: the top row then chooses
            best = sorted(_fold_levels(below, w, 0, []), key=lambda ps: -ps[1])[:3]
            lower_options.extend(best)
    for low, low_score in lower_options:
        for paths, score in _fold_two(rows[0], low, width, keys, data):
            yield paths, score + low_score


def _fold_two(top: list[Entry], low: list[list[Entry]], width: int, keys: int, data: list[list[Entry]]) \
        -> Iterable[tuple[list[list[Entry]], float]]:
    """Readings where some cells of `top` span runs of `low` (each run ≥ 2) and the rest stand
    alone, giving `width` columns. A reading scores for children named after their parent
    (入室盗窃 under 盗窃), for one total child whose column sums its siblings, and for parents
    early in the row (the first metric usually spans)."""
    n, m = len(top), len(low)
    s = n + m - width
    # a header row may lack the key cells of the rows below it
    if s < 1:
        return
    splittable = [i for i in range(n) if i >= keys and not is_total_name(top[i].text)
                  and key_kind(top[i].text) is None]
    if s > len(splittable) or m < 2 * s:
        return
    count = 0
    scores: dict[tuple[int, int, int, int], float] = {}
    for parents in itertools.combinations(splittable, s):
        for cuts in itertools.combinations(range(2, m - 1), s - 1):
            sizes = [b - a for a, b in itertools.pairwise((0, *cuts, m))]
            if any(z < 2 for z in sizes):
                continue
            count += 1
            if count > 4000:
                return
            paths: list[list[Entry]] = []
            groups: list[tuple[int, int, int]] = []  # (first column, last column + 1, parent)
            k = 0
            score = 0.0
            for i, e in enumerate(top):
                if i in parents:
                    g = parents.index(i)
                    children = low[k:k + sizes[g]]
                    k += sizes[g]
                    first = len(paths)
                    for child in children:
                        paths.append([e, *child])
                    groups.append((first, len(paths), i))
                    memo = (i, k - sizes[g], sizes[g], first)
                    if memo not in scores:
                        scores[memo] = _group_score(e, children, first, data)
                    score += scores[memo]
                    score -= 0.01 * i  # only to choose between equal readings: the earlier parent
                else:
                    paths.append([e])
            if len(paths) != width:
                continue
            # sub-headers repeated under each spanning cell (按时办结/超时办结 under two channels)
            if len(sizes) >= 2 and len(set(sizes)) == 1 and len({
                    tuple(rx(r"\s+").sub("", c[0].text) for c in low[a:a + sizes[0]])
                    for a in range(0, m, sizes[0])}) == 1:
                score += 2.0
            yield paths, score


def _group_score(parent: Entry, children: list[list[Entry]], first: int, data: list[list[Entry]]) -> float:
    pname = rx(r"\s+").sub("", header_text(parent.text))
    score = 0.0
    names = [rx(r"\s+").sub("", header_text(c[0].text)) for c in children]
    if len(pname) >= 2:
        named = sum(1 for nm in names if pname in nm)
        score += 2.0 * named
        if named and pname in names[0]:
            score += 1.0  # a spanning cell's sub-columns start with one named after it
        # a child named after another parent belongs to that one: handled by the other groups' scores
    totals = [j for j, c in enumerate(children) if is_total_name(c[0].text)]
    if len(totals) == 1:
        score += 1.0
        tcol = first + totals[0]
        others = [first + j for j in range(len(children)) if j != totals[0]]
        if _adds_up(data, tcol, others):
            score += 4.0
    elif len(totals) > 1:
        score -= 3.0
    return score


def _adds_up(data: list[list[Entry]], total: int, parts: list[int]) -> bool:
    width = max((len(r) for r in data), default=0)
    full = [r for r in data if len(r) == width]
    good = bad = 0
    for r in full:
        off = len(r) - width
        try:
            t = number_of(r[total + off].text)
            ps = [number_of(r[p + off].text) for p in parts]
        except IndexError:
            continue
        if t is None or any(p is None for p in ps):
            continue
        if sum(p for p in ps if p is not None) == t:
            good += 1
        else:
            bad += 1
    return good >= min(2, len(full)) and good * 3 >= (good + bad) * 2


# ---------------------------------------------------------------- columns


def _column_kinds(columns: list[Column], data: list[list[Entry]], keys: int,
                  periods: Sequence[tuple[int, int]]) -> None:
    width = len(columns)
    full = [r for r in data if len(r) == width]
    for col in columns:
        texts = [r[col.index] for r in full if r[col.index].text]
        mostly_text = bool(texts) and sum(e.kind == "text" for e in texts) * 2 > len(texts)
        decl = NOTHING
        for e in col.path:
            _, d = strip_declaration(e.text)
            if d.empty and _unit_only(e.text):
                d = parse_unit(e.text) or NOTHING  # 播种面积 over 千公顷: a header row of units
            if not d.empty:
                decl = d
        col.declared = decl
        leaf = col.path[-1].text if col.path else ""
        kk = key_kind(leaf) if leaf else None
        if leaf and is_total_name(leaf):
            col.total = True  # 小计 under a spanning header, or a 合计 column of the whole row
        if col.index < keys:
            small = bool(texts) and all(rx(r"\d{1,3}").fullmatch(e.text) for e in texts)
            col.kind = "number" if kk in ("number", "ranked") or small else "key"
            continue
        if kk in ("number", "ranked") and not mostly_text:
            col.kind = "number"
        elif is_unit_header(leaf) and mostly_text and all(parse_unit(e.text) is not None for e in texts if e.kind == "text"):
            col.kind = "unit"  # (单位 over 万元, 件; over 东海县, 灌南县 it names the bodies: a key)
        elif mostly_text:
            col.kind = "key"
        elif not col.path:
            col.kind = "value"
        elif is_period(leaf, periods, col.path[-1].start):
            col.kind = "period"
        else:
            growth, basis = growth_of(" ".join(e.text for e in col.path))
            if growth and not is_share_column(leaf):
                col.kind, col.basis = "growth", basis
            elif is_share_column(leaf):
                col.kind = "share"
            elif is_value_header(leaf):
                col.kind = "value"
            elif is_rate_header(leaf):
                col.kind = "rate"
            else:
                col.kind = "metric"
    _when(columns)
    # columns under one spanning header cell
    g = 0
    k = 0
    while k < width:
        col = columns[k]
        if len(col.path) >= 2:
            top = col.path[-2]
            j = k
            while j < width and len(columns[j].path) >= 2 and columns[j].path[-2] is top:
                columns[j].group = g
                j += 1
            g += 1
            k = j
        else:
            k += 1


def _when(columns: list[Column]) -> None:
    """In a table with a growth column, the figure columns of the period compared (上周数据,
    上年同期, 2023) and of the current one (本周数据, 2024): the growth relates the two."""
    if not any(c.kind == "growth" for c in columns):
        return
    figures = [c for c in columns if c.kind in ("period", "metric", "value") and c.leaf is not None]
    years = {c.index: int(m.group()) for c in figures if (c.kind == "period" or period_lead(c.leaf.text) > 0)  # type: ignore[union-attr]
             and (m := rx(r"(?:19|20)\d\d").match(c.leaf.text.strip())) is not None}  # type: ignore[union-attr]
    if len(years) >= 2:
        ordered = sorted(years, key=lambda i: years[i])
        if years[ordered[-1]] - years[ordered[-2]] == 1:
            columns[ordered[-1]].when, columns[ordered[-2]].when = "current", "prior"
        return
    prior = [c for c in figures if _has(c.leaf.text, "prior_period")]  # type: ignore[union-attr]
    current = [c for c in figures if c not in prior and _has(c.leaf.text, "time_word")]  # type: ignore[union-attr]
    if len(prior) == 1 and len(current) != 1 and len(figures) == 2:
        current = [c for c in figures if c not in prior]  # 类型 | 投诉量 | 上年同期 | 同比: the other one is now
    if len(prior) == 1 and len(current) == 1:
        prior[0].when, current[0].when = "prior", "current"


# ---------------------------------------------------------------- rows


@dataclass(frozen=True)
class _Profile:
    """What a column's cells look like in the rows that are complete."""

    kind: str                    # text, num, pct, any
    size: float | None = None    # median order of magnitude of its figures
    tail: str | None = None      # the last character its names share (咨询类, 求助类 …)


def _profile(columns: list[Column], rows: list[list[Entry | None]]) -> list[_Profile]:
    out = []
    for col in columns:
        cells = [e for r in rows if col.index < len(r) and (e := r[col.index]) is not None
                 and e.kind not in ("blank", "empty")]
        kinds = Counter(e.kind for e in cells)
        if not cells:
            kind = "text" if col.kind in ("key", "unit") else "any"
        else:
            kind = kinds.most_common(1)[0][0]
        mags = sorted(_magnitude(e) for e in cells if e.kind in ("num", "pct"))
        tail = None
        if kind == "text":
            names = [e.text for e in cells if e.kind == "text"]
            tails = Counter(n[-1] for n in names if n)
            if names and tails and (top := tails.most_common(1)[0])[1] >= max(3, len(names) * 0.8):
                tail = top[0]
        out.append(_Profile(kind, mags[len(mags) // 2] if mags else None, tail))
    return out


def _magnitude(e: Entry) -> float:
    v = number_of(e.text)
    return math.log10(1 + abs(float(v))) if v is not None else 0.0


def _cost(e: Entry, profile: _Profile) -> float:
    kind, mag = profile.kind, profile.size
    ek = e.kind
    if ek in ("blank", "empty"):
        return 0.0 if kind != "text" else 2.0
    if ek == "text":
        if kind == "text":
            return 1.5 if profile.tail and not e.text.endswith(profile.tail) else 0.0
        return 1.0 if kind == "any" else math.inf
    if kind == "text":
        return math.inf
    cost = 0.0
    if kind in ("num", "pct") and kind != ek:
        cost += 3.0
    if mag is not None:
        cost += min(3.0, abs(_magnitude(e) - mag))
    return cost


def _place(row: list[Entry], width: int, positional: bool, profiles: list[_Profile]) \
        -> tuple[list[Entry | None], bool]:
    """The row's cells in the table's columns. A full row stands as written; a row one to
    three cells short is aligned to the columns its cells fit best (kind, then size), the
    gaps left where nothing fits — the cells around them keep their columns."""
    if len(row) == width:
        return list(row), False
    if len(row) > width:
        return list(row[:width]), True
    missing = width - len(row)
    if (positional and row and row[-1].text == "") or len(row) < 2:
        return list(row) + [None] * missing, missing > 0 and not positional
    n, m = len(row), width
    inf = math.inf
    # dp[i][j]: the cost of the first i cells in the first j columns. A gap costs a little, but
    # none in the first figure column: a row that lost a cell has mostly lost its first (under a
    # spanning cell, a figure not given), so sizes and kinds must speak to move the gap elsewhere.
    first = next((j for j, p in enumerate(profiles) if p.kind != "text"), 0)
    gap = [0.0 if j == first else _GAP for j in range(m)]
    dp = [[inf] * (m + 1) for _ in range(n + 1)]
    dp[0] = [0.0] * (m + 1)
    for j in range(1, m + 1):
        dp[0][j] = dp[0][j - 1] + gap[j - 1]
    for i in range(1, n + 1):
        for j in range(i, m + 1):
            dp[i][j] = min(dp[i][j - 1] + gap[j - 1], dp[i - 1][j - 1] + _cost(row[i - 1], profiles[j - 1]))
    if dp[n][m] == inf:
        return list(row) + [None] * missing, True
    out: list[Entry | None] = [None] * m
    i, j = n, m
    while i > 0:
        if dp[i - 1][j - 1] + _cost(row[i - 1], profiles[j - 1]) == dp[i][j]:
            out[j - 1] = row[i - 1]
            i -= 1
            j -= 1
        else:
            j -= 1
    # The placement is certain when no cell of the row could stand in a gap's column (a row
    # without its % cell); otherwise the gap was placed by sizes, and the row is marked short.
    kinds = {e.kind for e in row}
    forced = all(profiles[g].kind not in kinds and profiles[g].kind != "any" for g in range(m) if out[g] is None)
    return out, not forced


_GAP = 0.25


def _add_row(table: Table, cells: list[Entry | None], short: bool, indented: bool, keys: int) -> None:
    row = Row(len(table.rows), None, short=short, indented=indented)
    for col in table.columns:
        e = cells[col.index] if col.index < len(cells) else None
        if e is None:
            continue
        if col.kind == "number":
            if e.text:
                row.number = e
                row.numbers[col.index] = e
            continue
        if col.kind == "key":
            if e.text and (e.kind == "text" or (col.index < keys and _nameish(e))):
                row.names[col.index] = e
                if row.name is None:
                    row.name = e
            continue
        if col.kind == "unit":
            # a 计量单位 column declares the unit and scale of its row's figures (万吨 → 吨 × 10^4),
            # as a header's (万元) does for a column (ANNOTATION.md: the unit its table declares)
            d = parse_unit(e.text) if e.text else None
            if d is not None and row.unit.empty:
                row.unit = d
            continue
        if e.kind == "text" and col.index == 0:
            row.name = e
            continue
        row.cells[col.index] = Cell(e, row.index, col.index)
    table.rows.append(row)


def _row_structure(table: Table) -> None:
    """Row groups (a row of a name alone, or a share or index row that heads the rows below),
    其中 rows and the indented rows after them, total rows."""
    kind_group = -1   # the nearest group that says what the figures are
    current = -1
    last_top = -1
    in_list = False
    lead = _subset_lead()
    keep: list[Row] = []
    for row in table.rows:
        figures = [c for c in row.cells.values() if c.kind in ("num", "pct")]
        name = row.name.text if row.name else ""
        bare, decl = strip_declaration(name)
        kind = None
        if name:
            growth, basis = growth_of(bare)
            if decl.index_base is not None:
                kind = "index"
            elif is_share_header(bare) and (decl.percent or not figures):
                kind = "share"
            elif growth and not figures and (decl.percent or decl.empty):
                kind = "growth"
        if row.name is not None and not figures and not any(c.entry.text for c in row.cells.values()) \
                and not row.short:
            # a row of a name alone heads a group: 按主要行业分, 构成(%), 比上年增长(%)
            if kind is not None:
                table.groups.append(Group(row.name, kind, decl, basis if kind == "growth" else None))
                kind_group = current = len(table.groups) - 1
            else:
                table.groups.append(Group(row.name, "facet" if kind_group >= 0 else "plain", parent=kind_group))
                current = len(table.groups) - 1
            last_top, in_list = -1, False
            continue
        if kind in ("index", "share") and figures and row.name is not None:
            # 总产出构成(%) | 100.00 | …: the group's own row, the whole of the rows below
            table.groups.append(Group(row.name, kind, decl, head_row=len(keep)))
            kind_group = current = len(table.groups) - 1
        if kind is None and not decl.empty and decl.index_base is None and row.unit.empty:
            row.unit = decl  # 总额(亿元) | 500.00 |: the row declares its own unit
        row.group = current
        row.index = len(keep)
        for c in row.cells.values():
            c.row = row.index
        row.total = bool(row.name and is_total_name(row.name.text))
        if lead.match(name) and last_top >= 0:
            row.parent, in_list = last_top, True
        elif row.indented and in_list:
            row.parent = last_top  # an indented row after 其中: goes on its list
        else:
            row.parent, last_top, in_list = -1, row.index, False
        keep.append(row)
    table.rows = keep


def _shared_lists(table: Table) -> None:
    """In a copy that lost the rows' indents (其中:城镇 65.9, then 乡村 34.1, under 全市常住人口 100.0),
    a top row right after a 其中 list goes on with that list when its share makes the list's shares
    up to the parent's (65.9 + 34.1 = 100.0); the next 其中 row then opens another list of the same
    parent, not one of the row before it."""
    share = next((c.index for c in table.columns if c.kind == "share"), None)
    if share is None:
        return

    def pct(r: Row) -> Decimal | None:
        cell = r.cells.get(share)
        return number_of(cell.entry.text) if cell is not None and cell.kind in ("num", "pct") else None

    rows = table.rows
    lead = _subset_lead()
    for k, r in enumerate(rows):
        if r.parent >= 0 or k == 0 or rows[k - 1].parent < 0:
            continue
        parent = rows[rows[k - 1].parent]
        siblings = [x for x in rows[:k] if x.parent == parent.index]
        opened = max((i for i, x in enumerate(siblings) if x.name and lead.match(x.name.text)), default=0)
        siblings = siblings[opened:]  # the list the last 其中 row opened
        values = [pct(x) for x in [*siblings, r]]
        whole = pct(parent)
        if whole is None or any(v is None for v in values):
            continue
        if abs(sum(v for v in values if v is not None) - whole) <= Decimal("0.2"):
            r.parent = parent.index
            for later in rows[k + 1:]:
                if later.parent == r.index:
                    later.parent = parent.index  # (其中:男性 after 乡村: the parent's second list)
                elif later.parent < 0:
                    break


def _sides(table: Table) -> list[Table]:
    """Two tables flattened side by side (来源 | 数量 | 占比 | 类型 | 数量 | 占比) are two tables;
    a figure column before them that holds one cell (受理总量 38447) is their common whole."""
    cols = table.columns
    keys = [c.index for c in cols if c.kind == "key"]
    if not keys:
        return [table]

    def figures(cs: Sequence[Column]) -> bool:
        return any(c.kind not in ("key", "unit", "number") for c in cs)

    starts = [k for k in keys[1:] if figures(cols[keys[0] + 1:k]) and figures(cols[k + 1:])]
    first = keys[0]
    lead = cols[:first]
    whole: Cell | None = None
    if lead and all(c.kind not in ("key", "unit") for c in lead):
        found = [cell for r in table.rows for c in lead if (cell := r.cells.get(c.index)) is not None
                 and cell.kind in ("num", "pct")]
        if len(found) == 1:
            whole = found[0]
    if not starts and whole is None:
        return [table]
    bounds = [first, *starts, len(cols)]
    out = []
    for side, (a, b) in enumerate(itertools.pairwise(bounds)):
        # the first table keeps the whole's column (its cell is a figure of the page too)
        lo = 0 if side == 0 and whole is not None else a
        t = Table(table.index, table.start, table.end, table.layout, table.caption, table.declared,
                  [Column(i, c.path, "whole" if c.index < a else c.kind, c.declared, c.basis, c.group, c.total, side,
                          c.when)
                   for i, c in enumerate(cols[lo:b])], [], [], table.ranked, whole,
                  cols[whole.col].leaf if whole else None, table.signature)
        for r in table.rows:
            name = r.names.get(a)
            cells = {c - lo: Cell(cell.entry, len(t.rows), c - lo) for c, cell in r.cells.items()
                     if a < c < b or (c < a and side == 0)}
            if name is None and not any(cell.kind in ("num", "pct") for cell in cells.values()):
                continue
            short = r.short and any(c not in cells for c in range(a - lo + 1, b - lo)
                                    if t.columns[c].kind not in ("key", "unit"))
            row = Row(len(t.rows), name, cells, -1, bool(name and is_total_name(name.text)), -1, short)
            row.number = next((e for c, e in sorted(r.numbers.items()) if a <= c < b), None)
            t.rows.append(row)
        if t.rows:
            out.append(t)
    return out or [table]


