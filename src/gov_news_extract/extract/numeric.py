"""Numbers that measure something: `quantity`, `percent` and `change` facts.

One scan of the normalised text finds every numeral with what stands right
after it (multiplier, 余/多, unit, 左右/以上); the words right before it decide
whether it is a change (direction word, basis) and what it measures (label, in
`labels.py`). A number is a fact only when something says it measures: a unit
or measure word, `%`, 倍, 成, a table cell, a ratio, or a unit shared with the
next number of a list (`快4.6和3.1个百分点`). Numbers that name things (12345热线,
第一, 前三位, 八一市场) have none of these and drop out without a list of names.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..context import Context
from ..layout.tables import CellRef
from ..models import Change, Percent, Quantity, TableCell
from ..numbers.numeral import Number, parse_number
from ..text import lexicon as lx
from ..text import names
from ..text.clauses import last_before
from ..text.rx import rx
from ..text.tokens import Tok, tokens
from . import labels
from . import tables as table_facts

_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+\.(?=[%‰])|\d+)"
# The one-character marks of a date's year and month after its digits (年, 月: date_part.json).
_YEAR_MARK = "[" + "".join(regex.escape(w) for w in lx.get("date_part").having(unit="year") if len(w) == 1) + "]"
_MONTH_MARK = "[" + "".join(regex.escape(w) for w in lx.get("date_part").having(unit="month") if len(w) == 1) + "]"


@lru_cache(maxsize=1)
def _cn() -> str:
    """A run of Chinese numeral characters (三千一百六十二)."""
    return "[" + "".join(regex.escape(w) for w, m in lx.get("numeral").meanings.items()
                         if not m.get("half") and not m.get("point")) + "]+"


@lru_cache(maxsize=1)
def _approx_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?P<pre>{lx.alternation_where('bound', place='before')})$")


@lru_cache(maxsize=1)
def _token() -> regex.Pattern[str]:
    # a unit is none where it begins a word of time of its own (年 of 年度: 12345年度服务量 counts no years)
    periods = lx.words("date_part", "period_word")
    unit = "|".join(
        regex.escape(u) + "".join(f"(?!{regex.escape(w[len(u):])})" for w in periods if w.startswith(u) and w != u
                                  and not lx.classes_of(w) & {"unit"})
        for u in lx.words("unit"))
    ratio = lx.alternation_without("ratio_unit", kind="fraction")
    fraction = lx.alternation_where("ratio_unit", kind="fraction")
    inner = lx.alternation_where("bound", inner=True)
    post = lx.alternation_without("bound", place="before", inner=True)
    # 千 multiplies only where it does not begin a unit of its own (千米, 千克, 千瓦): 45.2千公顷.
    mult = "|".join(
        regex.escape(m) + "".join(f"(?!{regex.escape(u[len(m):])})" for u in lx.words("unit") if u.startswith(m) and u != m)
        for m in lx.words("multiplier") if not lx.meaning("multiplier", m).get("traditional")
    )
    cn, digits = _cn(), "".join(regex.escape(w) for w, m in lx.get("numeral").meanings.items() if "digit" in m)
    # 8万3782人: the four digits below a 万 written out in full (122733 people, a census's way)
    tenk = "|".join(regex.escape(w) for w, m in lx.get("multiplier").meanings.items() if m.get("scale") == 10000)
    # 239起/天, 3.6万元/人: a count per unit of time or per head is a rate of its own unit
    per = "|".join(regex.escape(u) for u in sorted(set(lx.get("unit").having(group="time")) | set(
        w for w, m in lx.get("unit").meanings.items() if m.get("per")), key=lambda u: -len(u)))
    return regex.compile(
        rf"(?:(?<![\d.])(?P<neg>[-−]))?"
        rf"(?:(?P<frac_cn>{fraction})(?P<fv>{_ARABIC}|{cn}(?:(?:{lx.alternation_where('numeral', point=True)})[{digits}]+)?)"
        rf"|(?P<num>{_ARABIC})(?P<mid1>{inner})?(?P<mult>{mult})?(?P<rest>(?<={tenk})(?:\d{{4}}|\d,\d{{3}})(?![\d.]))?"
        rf"|(?P<cn>{cn}))"
        rf"(?P<mid>{inner})?"
        rf"(?P<unit>{ratio}|{unit})?"
        rf"(?:(?<=\p{{Han}})/(?P<per>{per}))?"
        rf"(?P<post>{post})?"
    )


# 一成八: one numeral 1-9 after 成, then no more of a word
_TENTH_DIGIT = regex.compile(
    "([" + "".join(w for w, m in lx.get("numeral").meanings.items() if m.get("canonical") and 1 <= m.get("digit", 0) <= 9)
    + r"])(?![\p{Han}\d])")


@lru_cache(maxsize=1)
def _set_phrases() -> regex.Pattern[str]:
    return regex.compile(lx.alternation("set_phrase"))


@lru_cache(maxsize=1)
def _session_after() -> regex.Pattern[str]:
    return regex.compile(lx.alternation("session"))


@lru_cache(maxsize=1)
def _ordinal_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{lx.alternation('ordinal')})$")


def _list_sep(between: str) -> bool:
    """Is `between` the mark between two numbers of one list or range (、 和 至 —)?"""
    return between in _separators()


def _range_sep(between: str) -> bool:
    return _separators().get(between) == "range"


@lru_cache(maxsize=1)
def _separators() -> dict[str, str]:
    return {w: str(m["kind"]) for w, m in lx.get("separator").meanings.items()}


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
# The unit a percentage-point change is written in, and the general measure word.
_POINTS = "个百分点"
_ONE = "个"


@dataclass
class _Hit:
    start: int
    end: int
    num: Number
    unit: str | None
    raw_unit: str | None
    chinese: bool
    approx: str | None
    value_high: Decimal | None = None
    bare_round: bool = False  # 逾千: a round Chinese numeral with a bound word and no unit


def _covered(ctx: Context) -> list[tuple[int, int]]:
    """Stretches no number may come from: dates and times, and set phrases."""
    spans = [f.nspan for f in ctx.facts if f.kind in ("date", "time", "period")]
    text = ctx.norm.text
    for m in _set_phrases().finditer(text):
        spans.append(m.span())
    # Titles in 《》, addresses and issue numbers name things (text/names.py); so do ordinary
    # words that hold a numeral (零件, 唯一, 统一).
    spans += names.spans(text)
    numeral = set(lx.get("numeral").meanings)
    spans += [(w.start, w.end) for w in lx.scan(text) if "plain" in w.classes and numeral.intersection(w.text)]
    # A year of another calendar before a month (民国113年10月): part of a date, not a count of years.
    spans += [m.span() for m in rx(rf"(?<![\d.])\d{{2,3}}{_YEAR_MARK}(?=\d{{1,2}}{_MONTH_MARK})").finditer(text)]
    return sorted(spans)


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does [s, e) overlap one of spans (sorted by start)? Looks only at the spans starting
    before e that could still reach s: dates and phrases are short."""
    k = bisect.bisect_left(spans, (e, -1))
    for a, b in reversed(spans[max(0, k - 8):k]):
        if a < e and s < b:
            return True
    return False


@lru_cache(maxsize=1)
def _bound_after_bracket() -> regex.Pattern[str]:
    post = lx.alternation_without("bound", place="before", inner=True)
    return regex.compile(rf"(?:[(（][^()（）\n]{{0,20}}[)）]|[)）])(?P<w>{post})")


@lru_cache(maxsize=1)
def _per_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{lx.alternation('per_word')})$")


@lru_cache(maxsize=1)
def _half_unit() -> regex.Pattern[str]:
    """半 and a unit of time after N个 (3个半小时, 两个半月): half a unit more."""
    half = lx.alternation_where("numeral", half=True)
    after_one = [u[len(_ONE):] for u in lx.words("unit") if u.startswith(_ONE) and len(u) > len(_ONE)]
    units = "|".join(regex.escape(u) for u in sorted(set(lx.get("unit").having(group="time")) | set(after_one), key=lambda u: -len(u)))
    return regex.compile(rf"(?:{half})(?P<u>{units})")


def _unit_is(unit: str | None, **want: object) -> bool:
    """Does the unit's meaning in the unit or ratio_unit class have every key=value given?"""
    if unit is None:
        return False
    m = lx.meaning("unit", unit) or lx.meaning("ratio_unit", unit)
    return bool(m) and all(m.get(k) == v for k, v in want.items())


def _scan(text: str, taken: list[tuple[int, int]]) -> list[_Hit]:
    hits: list[_Hit] = []
    tok = _token()
    numerals = lx.get("numeral").meanings
    # One groups() tuple per match: regex's group(name) costs as much as a short match.
    ix = {name: k - 1 for name, k in tok.groupindex.items()}
    i_neg, i_frac, i_fv, i_num, i_mid1, i_mult, i_cn, i_mid, i_unit, i_post, i_per = (
        ix["neg"], ix["frac_cn"], ix["fv"], ix["num"], ix["mid1"], ix["mult"], ix["cn"], ix["mid"], ix["unit"], ix["post"],
        ix["per"])
    for m in tok.finditer(text):
        s, e = m.span()
        g = m.groups()
        if s == e or not (g[i_num] or g[i_cn] or g[i_fv]):
            continue
        unit = g[i_unit]
        chinese = bool(g[i_cn])
        bare_round = chinese and all(numerals.get(c, {}).keys() & {"small", "big"} for c in g[i_cn]) \
            and _approx_before().search(text, max(0, s - 3), s) is not None  # 逾千名, 近万人: a round number
        if chinese and not unit and not bare_round and _person_after().match(text, e) is not None:
            unit = _PERSON  # 七村民受伤, 九乘客: people counted without a measure word
        if chinese and not bare_round and (not unit or all(numerals.get(c, {}).keys() & {"small", "big"} for c in g[i_cn])):
            continue  # a Chinese numeral measures only with a measure word (see below); most are words (统一);
            # a bare 万 or 亿 is the unit of a table column (万吨), not ten thousand
        before = text[max(0, s - 4):s]
        # Part of a code or a name written with letters (A15版, D3, G20) — but a word in letters
        # before a figure with its unit is a name for it (App1000件).
        if (before[-1:] in _ASCII_LETTERS and not (unit and before[-2:-1] in _ASCII_LETTERS)) \
                or (not unit and text[e:e + 1] in _ASCII_LETTERS):
            continue
        if _unit_is(unit, occurrence=True) and _session_after().match(text, e):
            continue  # 十七届人大四次会议: a session's ordinal, not a count
        if chinese and _per_before().search(before):
            continue  # 每千人, 每万人: the base of a rate, not a count
        if before[-1:] in ("×", "*", "÷") and unit == "%":
            continue  # …/实际开放总床日数×100%: a formula's constant, not a figure
        ordinal = _ordinal_before().search(before)
        if ordinal and (chinese or unit is None or _unit_is(unit, rank=True)
                        or lx.meaning("ordinal", ordinal.group()).get("always")):
            continue  # 第三, 前三位, 排名前10个: a position or a scope of ranked items
        try:
            if g[i_fv]:
                inner = parse_number(g[i_fv])
                per_mille = lx.meaning("ratio_unit", g[i_frac]).get("base") == 1000
                num = Number(inner.value / 10, inner.decimals + 1) if per_mille else inner
                unit = "%"
            elif chinese:
                num = parse_number(g[i_cn])
            else:
                num = parse_number(g[i_num] + (g[i_mult] or ""))
                if m.group("rest"):
                    num = Number(num.value + Decimal(m.group("rest").replace(",", "")), 0)
        except ValueError:
            continue
        if g[i_neg]:
            num = Number(-num.value, num.decimals, num.scale)
        if chinese and not bare_round:
            # A Chinese numeral measures only with a measure word, and never as 一
            # (一站式, 一次性, 一名辅警): those are set phrases or loose narrative.
            if not unit or (num.value == 1 and lx.meaning("ratio_unit", unit).get("kind") != "tenths"):
                continue  # (一成 is a tenth: 约占一成)
            if unit and (lx.meaning("unit", unit).get("calendar") or _unit_is(unit, clock=True)) and num.value > 31:
                continue  # 二〇二三年: a year written in numerals
            if _unit_is(unit, phase=True) and (text.endswith(f"{g[i_unit]}、", 0, s)
                                                or text.startswith("、", e)):
                continue  # 一期、二期: the phases of a project, not a count of them (分三期建设)
        if _overlaps(taken, s, e):
            continue
        approx = g[i_mid1] or g[i_mid] or g[i_post]
        pre = _approx_before().search(text, max(0, s - 3), s)
        if pre:
            approx = pre.group("pre")
        elif not approx:
            # 1000万吨(100亿公斤)以上: a bound after a restatement in brackets holds for both figures
            late = _bound_after_bracket().match(text, e)
            approx = late.group("w") if late else None
        raw_unit = unit
        kind = lx.meaning("ratio_unit", unit).get("kind") if unit else None
        if kind == "tenths":
            num = Number(num.value * 10, max(0, num.decimals - 1), num.scale)
            unit = "%"
            if text.startswith("半", e):  # 一成半: a tenth and a half, 15%
                num = Number(num.value + 5, num.decimals, num.scale)
                e += 1
            elif (one := rx(r"[1-9](?![\d.%\p{Han}A-Za-z])").match(text, e)) is not None and num.value % 10 == 0:
                num = Number(num.value + int(one.group()), 0, num.scale)  # 1成6: 16% (Taiwan's usage)
                e = one.end()
            elif (one := _TENTH_DIGIT.match(text, e)) is not None and num.value % 10 == 0:
                num = Number(num.value + int(lx.meaning("numeral", one.group(1))["digit"]), 0, num.scale)
                e = one.end(1)  # 一成八: 18%, 五成五: 55%
        elif kind == "permille":
            num = Number(num.value / 10, num.decimals + 1, num.scale)
            unit = "%"
        elif kind == "points":
            unit = _POINTS
        half = _half_unit().match(text, e) if unit == _ONE else None
        if half is not None:
            # 3个半小时 is three and a half hours; 两个半月, two and a half months (个月)
            u = half.group("u")
            unit = raw_unit = _ONE + u if lx.meaning("unit", _ONE + u) else u
            num = Number(num.value + Decimal("0.5"), max(1, num.decimals), num.scale)
            e = half.end()
        if _unit_is(unit, kinds=True) and not chinese and num.value >= 100:
            continue  # 110类报警, 12369类投诉: a hotline's code, not a count of kinds
        if g[i_per] and unit:
            unit = raw_unit = f"{unit}/{g[i_per]}"  # 239起/天
        if _unit_is(unit, age=True) and _age_band(text, s, e):
            continue  # 18-35岁青年, 60岁及以上老人: a band of ages names a group
        hits.append(_Hit(s, e, num, unit, raw_unit, chinese, approx, bare_round=bare_round))
    return hits


def _age_band(text: str, s: int, e: int) -> bool:
    """Is the age at [s, e) the end of a range (18-35岁) or a bound (60岁及以上) before a noun?"""
    if s > 1 and _separators().get(text[s - 1]) == "range" and text[s - 2].isdigit():
        return True
    return _age_bound().match(text, e) is not None


@lru_cache(maxsize=1)
def _age_bound() -> regex.Pattern[str]:
    sep = lx.alternation_where("separator", kind="list")
    bounds = lx.alternation_where("bound", bound="lower", place="after") + "|" + lx.alternation_where("bound", bound="upper", place="after")
    return regex.compile(rf"(?:{sep})?(?:{bounds})\p{{Han}}")


@lru_cache(maxsize=1)
def _person_after() -> regex.Pattern[str]:
    return regex.compile(lx.alternation("person_noun"))


_PERSON = "人"


def _unit_notes(text: str, hits: list[_Hit]) -> list[_Hit]:
    """1公顷等于15亩, 1公斤=2斤: one of a unit stated as so many of another is a note on units, not
    a figure of the report; both figures go."""
    words = set(lx.words("equivalence")) | {"="}
    drop: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(hits)):
        if a.num.value == 1 and a.unit and b.unit and a.unit != b.unit and text[a.end:b.start].strip() in words:
            drop.update((i, i + 1))
    return [h for i, h in enumerate(hits) if i not in drop] if drop else hits


def _chain_units(text: str, hits: list[_Hit]) -> None:
    """Bare numbers of a list of three or more take the unit written once at its end
    (分别提升4.18、3.41和3.32分); the pair case (快4.6和3.1个百分点) is the borrow in run()."""
    source: _Hit | None = None  # the unit-bearing end of the list being walked back
    for i in range(len(hits) - 2, -1, -1):
        h, nxt = hits[i], hits[i + 1]
        joined = _separators().get(text[h.end:nxt.start]) == "list"
        if not joined or h.unit or h.chinese:
            source = None
            continue
        if nxt.unit and nxt.raw_unit is not None and source is None:
            source = nxt  # the pair is left to the borrow; the one before it is a chain
            continue
        if source is not None and nxt.unit is None:
            nxt.unit, nxt.raw_unit = source.unit, source.raw_unit
            h.unit, h.raw_unit = source.unit, source.raw_unit
            for x in (nxt, h):
                if source.num.scale != 1 and x.num.scale == 1:
                    x.num = Number(x.num.value * source.num.scale, x.num.decimals, source.num.scale)
        else:
            source = None


def _shared_units(text: str, hits: list[_Hit]) -> None:
    """提高0.8个、1.3个百分点 / 下降0.2个、提高0.8个百分点: a list whose first items carry only the
    measure word of the unit written in full at its end takes that unit."""
    for i in range(len(hits) - 2, -1, -1):
        h, nxt = hits[i], hits[i + 1]
        if not (h.unit and nxt.unit and nxt.unit != h.unit and nxt.raw_unit and h.raw_unit
                and nxt.raw_unit.startswith(h.raw_unit)):
            continue
        gap = lx.scan(text, h.end, nxt.start)
        covered = sum(w.end - w.start for w in gap)
        if covered == nxt.start - h.end and gap and gap[0].text in _separators() \
                and all(w.text in _separators() or "direction" in w.classes for w in gap):
            h.unit, h.raw_unit = nxt.unit, nxt.raw_unit


def _line_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


@lru_cache(maxsize=1)
def _index_before() -> regex.Pattern[str]:
    return regex.compile(rf"(?:{lx.alternation('index_word')})(?:{lx.alternation('copula')})?$")


@lru_cache(maxsize=1)
def _share_after() -> regex.Pattern[str]:
    return regex.compile(rf",(?:{lx.alternation_where('share', kind='verb')})")


_CLAUSE_END = frozenset(",，。;；、\n")


def _bare_is_fact(text: str, hits: list[_Hit], i: int) -> str | None:
    """Why a number without a unit still measures something, or None."""
    h = hits[i]
    a, b = _line_of(text, h.start)
    line = text[a:b].strip().rstrip("|").strip()
    if line == text[h.start:h.end]:
        # A flattened table cell; a small whole number before a name cell is the row's 序号.
        nb = text.find("\n", b + 1)
        following = text[b:nb if nb > 0 else len(text)].strip(" \n|")
        if h.num.decimals == 0 and h.num.value < 500 and following and not rx(r"\d").search(following):
            return None
        return "cell"
    if h.bare_round:
        return "round"
    if h.num.scale >= 10000 and not h.chinese and text[h.start - 1:h.start] != "/" \
            and (h.end == len(text) or text[h.end] in _CLAUSE_END):
        return "scaled"  # 生产总值56.7亿,: a figure written with 万 or 亿 measures, unit or not
    nxt = text[h.end:h.end + 1]
    if nxt == ":" or (h.start > 0 and text[h.start - 1] == ":"):
        # Ratio parts (7.7:57.5:34.8); a clock time 20:06 has only two.
        a = h.start
        while a > 0 and (text[a - 1].isdigit() or text[a - 1] in ".:"):
            a -= 1
        b = h.end
        while b < len(text) and (text[b].isdigit() or text[b] in ".:"):
            b += 1
        if text[a:b].count(":") >= 2 and not text[a:b].endswith(":"):
            return "ratio"
        # 城乡收入比由2.05:1下降为2.02:1: two parts are a ratio where a part has decimals or a
        # ratio word stands before them; a clock time (20:06) has neither
        if text[a:b].count(":") == 1 and not text[a:b].endswith(":") and not text[a:b].startswith(":") and (
                rx(r"\d\.\d").search(text[a:b]) or rx(lx.alternation("ratio_word")).search(text, max(0, a - 12), a)):
            return "ratio"
    if rx(r"[ \t]*\|").match(text[h.end:h.end + 3]):
        if h.num.decimals == 0 and h.num.value < 1000 and not text[a:h.start].strip(" |") \
                and rx(r"[ \t]*\|[ \t]*\p{Han}").match(text, h.end):
            return None  # 1 | 雁汀县 | 3.52: the row's number or rank opens the line before its name
        return "cell"
    if _share_after().match(text, h.end):
        return "count"
    if _index_before().search(text, max(0, h.start - 10), h.start):
        return "index"  # 综合指数为3.71: a measure without a unit
    # A unit shared with the next number of a list: 快4.6和3.1个百分点, 3至5万.
    if i + 1 < len(hits):
        between = text[h.end:hits[i + 1].start]
        if _list_sep(between) and hits[i + 1].unit:
            return "borrow"
    return None


def run(ctx: Context) -> None:
    text = ctx.norm.text
    hits = _unit_notes(text, _scan(text, _covered(ctx)))
    _chain_units(text, hits)
    _shared_units(text, hits)
    facts: list[Quantity | Percent | Change] = []
    bare_cells: set[int] = set()  # cells of tables whose layout the table pass could not read
    i = 0
    while i < len(hits):
        h = hits[i]
        ref = ctx.table_cells.get(h.start)
        if ref is not None:
            facts.append(_cell_fact(ctx, h, ref))
            i += 1
            continue
        if not h.unit:
            why = _bare_is_fact(text, hits, i)
            if why is None:
                i += 1
                continue
            if why == "borrow":
                nxt = hits[i + 1]
                sep = text[h.end:nxt.start]
                h.unit, h.raw_unit = nxt.unit, nxt.raw_unit
                scale = nxt.num.scale
                if scale != 1 and h.num.scale == 1:
                    h.num = Number(h.num.value * scale, h.num.decimals, scale)
                if _range_sep(sep) and not _unit_is(h.unit, kind="percent") and h.unit != _POINTS:
                    # One fact for a range: value is the low end, value_high the high end.
                    nxt.value_high = nxt.num.value
                    nxt.num = Number(h.num.value, h.num.decimals, nxt.num.scale)
                    nxt.start = h.start
                    i += 1
                    continue
            elif why == "cell":
                bare_cells.add(h.start)
            elif why == "ratio":
                h.unit = "%"
                h.raw_unit = ":"
        fact = _classify(ctx, h, facts)
        if fact is not None:
            facts.append(fact)
        i += 1
    labels.attach(ctx, facts)
    _infer_cell_units(ctx, facts, bare_cells)
    for f in facts:
        ctx.add(f, *f.nspan)


def _names_a_count(label: str) -> bool:
    """受理量, 投诉数, 来电件次, 办结, 派遣: a name that counts — a measure's end that counts (数,
    量), a unit of count as a word of its own, or a verb of intake."""
    if not label:
        return False
    if lx.meaning("metric_end", label[-1]).get("count"):
        return True
    return any(t.is_("intake_verb") or (t.kind == "word" and t.is_("unit") and not t.is_("kind_head")
                                         and _unit_is(t.text, group="count"))
               for t in tokens(label))


def _infer_cell_units(ctx: Context, facts: list[Quantity | Percent | Change], bare_cells: set[int]) -> None:
    """Whole-number table cells in a report that counts one thing (件) count that thing too,
    when their column or label names a count (…数, …量) or has no header the parser could read — and
    their table declares no unit of its own."""
    counted = Counter(f.unit for f in facts if isinstance(f, Quantity) and f.unit and f.nspan[0] not in ctx.table_cells)
    if not counted:
        return
    unit, n = counted.most_common(1)[0]
    if n * 10 < sum(counted.values()) * 6 or lx.meaning("unit", unit).get("group") in (None, "money"):
        return
    for f in facts:
        if not isinstance(f, Quantity) or f.unit or f.decimals:
            continue
        ref = ctx.table_cells.get(f.nspan[0])
        if ref is None and f.nspan[0] not in bare_cells:
            continue
        if ref is None or not ref.column.path or _names_a_count(ref.column.name or "") or _names_a_count(f.label or ""):
            f.unit, f.unit_inferred = unit, True


def _cell_fact(ctx: Context, h: _Hit, ref: CellRef) -> Quantity | Percent | Change:
    """A table cell states what its table declares for it (`extract/tables.py`): a quantity in
    the declared unit and scale, a percent, or a change with its basis and the figure's sign."""
    own = h.unit if h.unit not in (None, "%") else None
    r = table_facts.reading(ctx, ref, h.unit == "%", own)
    start, mark = h.start, lx.meaning("direction", ctx.norm.text[h.start - 1:h.start]) if h.start else {}
    if mark.get("mark"):
        start = h.start - 1  # ↑9.03%, ↓18.04%: the arrow is the figure's sign
        if r.kind != "change":
            r.kind, r.unit = "change", r.unit or ("%" if h.unit == "%" else own)
    if h.num.scale != 1:
        r.scale = h.num.scale  # 12.5万 in a cell: written, not declared
    value = h.num.value * (r.scale if h.num.scale == 1 else 1)
    if mark.get("dir") == "down":
        value = -value
    if r.scale != 1 and value == value.to_integral_value():
        value = Decimal(int(value))  # 9870.58 × 10^8 is 987058000000, not 987058000000.00
    label = "".join(ctx.norm.surface(a, b) for a, b in r.label) or None
    t, row, col = ref.table, ref.row, ref.column
    where = TableCell(table=t.index, row=row.index, column=col.index,
                      row_header=ctx.norm.surface(row.name.start, row.name.end) if row.name else None,
                      column_header="/".join(ctx.norm.surface(e.start, e.end) for e in col.path) or None,
                      scale=r.scale, period=col.when)
    decimals = h.num.decimals - (t.padding(row) if r.kind == "percent" else 0)
    common: dict[str, object] = {"span": ctx.norm.span(start, h.end), "decimals": decimals,
                                 "label": label, "cell": where, "period_id": r.period_id}
    if len(r.label) == 1:
        common["label_span"] = ctx.norm.span(*r.label[0])
    fact: Quantity | Percent | Change
    if r.kind == "change":
        fact = Change(value=abs(value), unit=r.unit or "%", direction="down" if value < 0 else "up",
                      basis=r.basis, **common)  # type: ignore[arg-type]
    elif r.kind == "percent":
        fact = Percent(value=value, unit="%", **common)  # type: ignore[arg-type]
    else:
        fact = Quantity(value=value, unit=r.unit, **common)  # type: ignore[arg-type]
    fact.nspan = (start, h.end)
    return fact


@dataclass
class _Cue:
    """What makes a number a change, read from the words before it in its clause."""

    start: int  # where the change's span begins (its basis, or its direction word)
    direction: str
    basis: str | None


def _is(tok: Tok, name: str, **want: object) -> bool:
    if name not in tok.classes:
        return False
    m = lx.meaning(name, tok.text)
    return all(m.get(k) == v for k, v in want.items())


_GAP_STOP = frozenset(",;。:、()（）的有在是到至")
# Word classes that end a verb's object: another verb, a time, a comparison, a list or a share.
_NOT_IN_OBJECT = frozenset({"intake_verb", "result_verb", "direction", "comparator", "basis_word", "prior_period",
                            "list_cue", "time_word", "share", "total", "rate_word", "copula"})
# Classes that may stand right before a change verb with an object: it is then the clause's verb.
_VERB_LEADS = frozenset({"modal", "adverb", "time_word", "basis_word", "prior_period", "total"})


def _object_gap(text: str, a: int, b: int) -> bool:
    """Can text[a:b] be the object between a change word and its number (缩短[来电平均时长]30秒,
    高于[全国]1.5个百分点)? A short noun phrase: no digit, no punctuation, and no 的 or 有, which
    would make the change word part of a relative clause (快于序时的项目有16个), nor 到/至 (a new level)."""
    gap = text[a:b]
    return 0 < len(gap) <= 14 and not any(c.isdigit() or c in _GAP_STOP for c in gap)


def _change_cue(text: str, a: int, pos: int) -> _Cue | None:
    """Read right to left from the number at pos back to the clause start a:
    [basis] [adverbs] direction [object] [copula] [bound] NUMBER."""
    # the page's own tokens: a one-character word inside a longer one (高 in 高新) is no word here
    toks = [t for t in tokens(text, a, pos) if t.kind != "han" and t.classes]
    k, end = len(toks) - 1, pos
    # a bound and a copula right before the number (增长了约6%, 下降为3%)
    for name in ("bound", "copula"):
        if k >= 0 and toks[k].end == end and name in toks[k].classes and not _is(toks[k], "bound", place="after"):
            end = toks[k].start
            k -= 1
    # A comparative with what it compares with between it and the number: 高于全市经济增长0.5个百分点
    # (the object may name a growth itself); what it compares with is the change's basis.
    for j in range(k, -1, -1):
        t = toks[j]
        if end - t.end > 14:
            break
        if _is(t, "direction", comparative=True) and t.end < end and _object_gap(text, t.end, end):
            return _finish(text, toks, j, str(lx.meaning("direction", t.text)["dir"]), text[t.end:end])
    verb = None
    if k >= 0 and toks[k].end == end and ("intake_verb" in toks[k].classes or "result_verb" in toks[k].classes):
        verb = toks[k]  # 比上年同期多[接收]8165件: only after 多/少
        k -= 1
    while k >= 0 and "direction" not in toks[k].classes:
        k -= 1
    if k < 0:
        return None
    d = toks[k]
    meaning = lx.meaning("direction", d.text)
    if verb is not None and not (meaning.get("short") and d.end == verb.start):
        return None
    if verb is None and d.end != end:
        # A change verb, its object, then the number (力争年内缩短来电平均时长30秒): only where the verb
        # is the clause's own, at its start or after a modal, an adverb or a time (not 技能提升培训).
        if meaning.get("short") or meaning.get("comparative") or not _object_gap(text, d.end, end) \
                or any(t.classes & _NOT_IN_OBJECT for t in toks[k + 1:]):
            return None
        lead = toks[k - 1] if k > 0 and toks[k - 1].end == d.start else None
        if not (d.start == a or (lead is not None and lead.classes & _VERB_LEADS)):
            return None
    return _finish(text, toks, k, str(meaning["dir"]), None)


def _finish(text: str, toks: list[Tok], k: int, direction: str, basis: str | None) -> _Cue | None:
    """The change whose direction word is toks[k]: take in the adverbs and the basis before it."""
    d = toks[k]
    start = d.start
    k -= 1
    while k >= 0 and toks[k].end == start and (
            _is(toks[k], "adverb") or _is(toks[k], "basis_word") or _is(toks[k], "total", kind="marker")
            or _is(toks[k], "list_cue", kind="respectively") or _period_after_basis(toks, k)):
        if _period_after_basis(toks, k) and basis is None:
            # 环比上月上升15.44%, 同比上年增长5%: the basis word and the period it names are one basis
            basis = text[toks[k - 1].start:toks[k].end]
            start = toks[k - 1].start
            k -= 2
            continue
        if "basis_word" in toks[k].classes and basis is None:
            basis = toks[k].text
        start = toks[k].start
        k -= 1
    if basis is None:
        found = _basis_before(text, toks[:k + 1], start)
        if found is not None:
            basis = text[found:start]
            # 较上月[办件]增加263件: the base is the period compared with; the words after it name
            # what changed (the label's, not the basis's)
            at = next((j for j, t in enumerate(toks) if t.start == found), None)
            if at is not None and at + 1 < len(toks) and toks[at + 1].start == toks[at].end \
                    and "prior_period" in toks[at + 1].classes \
                    and rx(r"\p{Han}").search(text, toks[at + 1].end, start):
                basis = text[found:toks[at + 1].end]
            start = found
    if lx.meaning("direction", d.text).get("short") and basis is None:
        basis = _compared_clause(text, start)
        if basis is None:
            return None  # 增, 高, 多 alone are words (高新, 多元); with a basis they are changes (比上年增3.1%)
    return _Cue(start, direction, basis)


def _compared_clause(text: str, start: int) -> str | None:
    """…326.3万人,较平日夜间停留人口数261.1万人,多65.2万人: a clause that opens with a comparator and
    ends on the figure compared with is the basis of a 多/少 that opens the next clause."""
    a = last_before(text, ",;。:\n", start)
    if a < 0 or text[a] != "," or text[a + 1:start].strip():
        return None
    b = last_before(text, ",;。:\n", a) + 1
    # (words of the lexicon, read without the segmenter: most pages never need its dictionary)
    toks = lx.scan(text, b, min(a, b + 4))
    opener = next((t for t in toks if "comparator" in t.classes and lx.meaning("comparator", t.text).get("role") == "open"),
                  None)
    num = rx(r"\d[\d.]*\p{Han}{0,2}$").search(text, b, a)
    lead = text[b:opener.start].strip() if opener is not None else ""
    words = [t for t in toks if opener is not None and t.start < opener.start]
    if opener is None or num is None or any("adverb" not in t.classes for t in words) \
            or len("".join(t.text for t in words)) != len(lead):
        return None  # (only adverbs before the comparator: 亦较…)
    return text[opener.start:num.start()]


def _period_after_basis(toks: list[Tok], k: int) -> bool:
    """toks[k] is an earlier period (上月, 上年) right after a basis word (环比, 同比)."""
    return k >= 1 and "prior_period" in toks[k].classes and "basis_word" in toks[k - 1].classes \
        and toks[k - 1].end == toks[k].start


def _basis_before(text: str, toks: list[Tok], end: int) -> int | None:
    """Where a comparison base ending at end starts: 同比; 较上年同期; 和上年相比; 比全省平均 (a
    comparator that may name any base, at most 12 characters before)."""
    if not toks:
        return None
    last = toks[-1]
    if last.end == end and "basis_word" in last.classes:
        return last.start
    for i in range(len(toks) - 1, -1, -1):
        t = toks[i]
        if end - t.start > 14:
            break
        if not _is(t, "comparator", role="open") or any(c in ",;。:、(（)）" for c in text[t.end:end]):
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        period = nxt is not None and nxt.start == t.end and "prior_period" in nxt.classes
        closed = last.end == end and _is(last, "comparator", role="close")
        if period or closed or (lx.meaning("comparator", t.text).get("free") and 0 < end - t.end <= 12):
            return t.start
    return None


def _classify(ctx: Context, h: _Hit, previous: list[Quantity | Percent | Change]) -> Quantity | Percent | Change | None:
    text = ctx.norm.text
    # The words that can make a change stand just before the number: a bounded window keeps a
    # clause without punctuation from being rescanned for every number in it.
    clause_start = max(last_before(text, ",;。:\n", h.start) + 1, h.start - 40)
    left = text[clause_start:h.start]
    span = ctx.norm.span(h.start, h.end)
    value = h.num.value
    common: dict[str, object] = {
        "span": span,
        "decimals": h.num.decimals,
        "approx": h.approx,
        "value_high": h.value_high,
    }
    # a ratio's part is a level (下降为2.02:1 states the new ratio, not the change)
    cue = _change_cue(text, clause_start, h.start) if h.unit is not None and h.raw_unit != ":" else None
    direction: str | None = cue.direction if cue else None
    basis: str | None = cue.basis if cue else None
    start = cue.start if cue else h.start
    if cue is None and previous and h.unit is not None:
        p = previous[-1]
        pe = p.nspan[1]
        gap = text[pe:h.start]
        if isinstance(p, Change) and pe <= h.start and (
                (_list_sep(gap) and (_unit_is(h.unit, kind="percent") or h.unit in (_POINTS, p.unit)
                                     or _unit_is(h.unit, kind="times")))
                or (gap in _OPEN_BRACKETS and text[h.end:h.end + 1] in _CLOSE_BRACKETS)):
            # A list continues the change before it: 分别增长4.6%、7.7%和8.7%, 分别提升4.18、3.41和3.32分;
            # a change restated in brackets is the same change: 减产8万吨(1.6亿斤).
            direction, basis = p.direction, p.basis
    if value < 0 and (direction or _unit_is(h.unit, kind="percent") or h.unit == _POINTS):
        value = -value
        direction = "down" if direction != "down" else "up"
        common["value_high"] = None
    rate = _rate_before(text, clause_start, h.start) if direction is None else None
    if rate is not None and (_unit_is(h.unit, kind="percent") or h.unit == _POINTS):
        direction = rate  # 增速为5.5%, 增幅均在20%以上, 降幅收窄至2.1%: a rate of change names it
    if direction is None and _unit_is(h.unit, kind="percent"):
        after = _rate_after().match(text, h.end)
        if after is not None:
            # 6.1%的增速, 5.5%的经济增长: a growth rate named after its figure (ANNOTATION.md: a change, up)
            direction = lx.meaning("rate_word", after.group("w")).get("dir") or lx.meaning("direction", after.group("w")).get("dir")
    if direction is None and h.unit == _POINTS:
        direction = "up"
    times = _times_of().search(left) if _unit_is(h.unit, kind="times") else None
    if direction is None and times:
        # 是去年同期的2.3倍: a multiple of the basis, read as a change
        direction, basis = "up", times.group("basis")
        start = clause_start + times.start()
    if direction is not None and h.unit is not None:
        fact: Quantity | Percent | Change = Change(value=value, unit=h.unit, direction=direction,  # type: ignore[arg-type]
                                                   basis=basis, **common)  # type: ignore[arg-type]
    elif h.unit == "%":
        fact = Percent(value=value, unit="%", **common)  # type: ignore[arg-type]
    elif _unit_is(h.unit, kind="times"):
        fact = Quantity(value=value, unit=h.unit, **common)  # type: ignore[arg-type]
    elif h.unit or h.raw_unit is None:
        fact = Quantity(value=value, unit=h.unit, **common)  # type: ignore[arg-type]
    else:
        return None
    fact.nspan = (start, h.end)
    fact.span = ctx.norm.span(start, h.end)
    return fact


_OPEN_BRACKETS = frozenset("(（")
_CLOSE_BRACKETS = frozenset(")）")


# What may stand between a rate of change and its figure (增幅[均在]20%, 降幅[收窄至]2.1%).
_RATE_GAP = frozenset({"bound", "copula", "adverb", "particle", "level_verb", "direction", "basis_word", "separator"})


def _rate_before(text: str, a: int, pos: int) -> str | None:
    """The direction a rate word before the number implies, reading back over the words that may
    stand between them; None when no rate word names the figure."""
    for t in reversed(tokens(text, a, pos)):
        if t.kind == "space":
            continue
        if t.is_("rate_word"):
            return str(lx.meaning("rate_word", t.text)["dir"])
        if t.kind in ("word", "punct") and t.classes & _RATE_GAP and t.text not in ",，;；":
            continue
        return None
    return None


@lru_cache(maxsize=1)
def _rate_after() -> regex.Pattern[str]:
    """的 and a rate of growth after a percent, with at most a short noun between (的经济增长)."""
    growth = lx.alternation_where("direction", dir="up", short=None)
    return regex.compile(rf"的(?:[^,;。:、\d]{{0,6}}?)(?P<w>{lx.alternation('rate_word')}|{growth})")


@lru_cache(maxsize=1)
def _times_of() -> regex.Pattern[str]:
    """是…的 before 倍: a multiple of the basis named between them (是去年同期的2.3倍)."""
    return regex.compile(rf"(?:{lx.alternation_where('copula', opens=True)})(?P<basis>[^,;。]{{1,10}}?)"
                         rf"(?:{lx.alternation_where('particle', of=True)})$")
