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
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ..context import Context
from ..layout.tables import CellRef
from ..models import Change, Percent, Quantity, TableCell
from ..numbers.numeral import Number, parse_number
from ..text.clauses import last_before
from ..text.rx import rx
from . import labels, lexicon
from . import tables as table_facts

_ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+\.(?=[%‰])|\d+)"
_CN = r"[零〇两一二三四五六七八九十百千万亿廿]+"
_APPROX_BEFORE = r"(?P<pre>约为|约|大约|近|将近|接近|超过|超|逾|达到|高达|不到|不足|不少于|至少)?"
_APPROX_BEFORE_END = regex.compile(_APPROX_BEFORE + "$")


@lru_cache(maxsize=1)
def _token() -> regex.Pattern[str]:
    unit = lexicon.unit_pattern()
    return regex.compile(
        rf"(?P<neg>[-−])?"
        rf"(?:(?P<frac_cn>百分之|千分之)(?P<fv>{_ARABIC}|{_CN}(?:点[零〇一二三四五六七八九]+)?)"
        rf"|(?P<num>{_ARABIC})(?P<mid1>余|多)?(?P<mult>万亿|亿|万)?"
        rf"|(?P<cn>{_CN}))"
        rf"(?P<mid>余|多)?"
        rf"(?P<unit>%|‰|个百分点|百分点|倍|成|{unit})?"
        rf"(?P<post>左右|以上|上下|以下|之多)?"
    )


@lru_cache(maxsize=1)
def _change_left() -> regex.Pattern[str]:
    """What stands before a change: basis, adverbs, a direction word (read right to left)."""
    basis = lexicon.basis_pattern()
    direction = lexicon.direction_pattern()
    return regex.compile(
        rf"(?P<basis>{basis}|(?<![可对相无类评攀])(?:较|比|与)[^,;。:、]{{1,12}}?(?:相比|同期)?)?"
        rf"(?:分别|(?<!平)均|也|仍|继续|大幅|小幅|略|稍|有所|明显|同比|环比|共|累计|进一步)?"
        rf"(?P<dir>{direction})(?P<comp>(?<=于)[^,;。:、\d]{{1,14}}?)?"
        # 多接收8165件: a verb after 多/少 (比上年同期多接收…) still makes the difference a change
        rf"(?:(?<=[多少])(?:接收|受理|办理|办结|接到|收到|登记|完成|实现|出动|查处))?"
        # (…增加到58家, 扩大到6.37万亩 are the new levels, not changes)
        rf"(?:了|为|达|达到)?(?:约|近|超过|超|逾)?$"
    )


_SHORT_DIRECTIONS = {"增", "升", "涨", "减", "降", "跌", "快", "慢", "高", "低", "多", "少"}
_COMPARATIVE = {"快于", "慢于", "高于", "低于", "多于", "少于"}
_LIST_SEP = regex.compile(r"^(?:、|和|与|及|或|至|到|—|-|~)$")
_RANGE_SEP = {"至", "到", "—", "-", "~"}
_SESSION_AFTER = regex.compile(r"(?:会议|全会|全体会议|代表大会|常委会|大会)")
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ORDINAL_BEFORE = regex.compile(r"(?:第|前|后|排名前|位列前|居前|排名后|倒数第)$")


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


def _covered(ctx: Context) -> list[tuple[int, int]]:
    """Stretches no number may come from: dates and times, and set phrases."""
    spans = [f.nspan for f in ctx.facts if f.kind in ("date", "time", "period")]
    text = ctx.norm.text
    for m in lexicon.set_phrase_regex().finditer(text):
        spans.append(m.span())
    # School grades (高二年级, 初三) are names, not durations.
    spans += [m.span() for m in rx(r"[高初][一二三]年?级?").finditer(text)]
    # A year of another calendar before a month (民国113年10月): part of a date, not a count of years.
    spans += [m.span() for m in rx(r"(?<![\d.])\d{2,3}年(?=\d{1,2}月)").finditer(text)]
    return sorted(spans)


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does [s, e) overlap one of spans (sorted by start)? Looks only at the spans starting
    before e that could still reach s: dates and phrases are short."""
    k = bisect.bisect_left(spans, (e, -1))
    for a, b in reversed(spans[max(0, k - 8):k]):
        if a < e and s < b:
            return True
    return False


def _scan(text: str, taken: list[tuple[int, int]]) -> list[_Hit]:
    hits: list[_Hit] = []
    tok = _token()
    # One groups() tuple per match: regex's group(name) costs as much as a short match.
    ix = {name: k - 1 for name, k in tok.groupindex.items()}
    i_neg, i_frac, i_fv, i_num, i_mid1, i_mult, i_cn, i_mid, i_unit, i_post = (
        ix["neg"], ix["frac_cn"], ix["fv"], ix["num"], ix["mid1"], ix["mult"], ix["cn"], ix["mid"], ix["unit"], ix["post"])
    for m in tok.finditer(text):
        s, e = m.span()
        g = m.groups()
        if s == e or not (g[i_num] or g[i_cn] or g[i_fv]):
            continue
        unit = g[i_unit]
        chinese = bool(g[i_cn])
        if chinese and (not unit or rx(r"[万亿千百]+").fullmatch(g[i_cn])):
            continue  # a Chinese numeral measures only with a measure word (see below); most are words (统一);
            # a bare 万 or 亿 is the unit of a table column (万吨), not ten thousand
        before = text[max(0, s - 4):s]
        # Part of a code or a name written with letters (A15版, D3, G20) — but a word in letters
        # before a figure with its unit is a name for it (App1000件).
        if (before[-1:] in _ASCII_LETTERS and not (unit and before[-2:-1] in _ASCII_LETTERS)) \
                or (not unit and text[e:e + 1] in _ASCII_LETTERS):
            continue
        if unit == "次" and _SESSION_AFTER.match(text, e):
            continue  # 十七届人大四次会议: a session's ordinal, not a count
        if before.endswith("每") and chinese:
            continue  # 每千人, 每万人: the base of a rate, not a count
        if before[-1:] in ("×", "*", "÷") and unit == "%":
            continue  # …/实际开放总床日数×100%: a formula's constant, not a figure
        if before.endswith("第") or (_ORDINAL_BEFORE.search(before) and (chinese or unit in (None, "位", "名", "个"))):
            continue
        try:
            if g[i_fv]:
                inner = parse_number(g[i_fv])
                if g[i_frac] == "千分之":
                    num = Number(inner.value / 10, inner.decimals + 1)
                else:
                    num = inner
                unit = "%"
            elif chinese:
                num = parse_number(g[i_cn])
            else:
                num = parse_number(g[i_num] + (g[i_mult] or ""))
        except ValueError:
            continue
        if g[i_neg]:
            num = Number(-num.value, num.decimals, num.scale)
        if chinese:
            # A Chinese numeral measures only with a measure word, and never as 一
            # (一站式, 一次性, 一名辅警): those are set phrases or loose narrative.
            if not unit or num.value == 1 or text[e:e + 1] in ("性", "式"):
                continue
            if unit in ("分", "年", "日", "周") and num.value > 31:
                continue
        if _overlaps(taken, s, e):
            continue
        approx = g[i_mid1] or g[i_mid] or g[i_post]
        pre = _APPROX_BEFORE_END.search(text[max(0, s - 3):s])
        if pre and pre.group("pre") and pre.group("pre") not in ("达到", "高达"):
            approx = pre.group("pre")
        raw_unit = unit
        if unit == "成":
            num = Number(num.value * 10, max(0, num.decimals - 1), num.scale)
            unit = "%"
        elif unit == "‰":
            num = Number(num.value / 10, num.decimals + 1, num.scale)
            unit = "%"
        elif unit == "百分点":
            unit = "个百分点"
        if unit == "个" and text.startswith("半", e) and rx(r"^半(?:小时|月|钟头)").match(text[e:e + 3]):
            # 3个半小时 is three and a half hours
            unit = raw_unit = "小时" if text.startswith("半小时", e) else ("个月" if text.startswith("半月", e) else "小时")
            num = Number(num.value + Decimal("0.5"), max(1, num.decimals), num.scale)
            e = e + (3 if text.startswith("半小时", e) or text.startswith("半钟头", e) else 2)
        hits.append(_Hit(s, e, num, unit, raw_unit, chinese, approx))
    return hits


def _chain_units(text: str, hits: list[_Hit]) -> None:
    """Bare numbers of a list of three or more take the unit written once at its end
    (分别提升4.18、3.41和3.32分); the pair case (快4.6和3.1个百分点) is the borrow in run()."""
    source: _Hit | None = None  # the unit-bearing end of the list being walked back
    for i in range(len(hits) - 2, -1, -1):
        h, nxt = hits[i], hits[i + 1]
        joined = _LIST_SEP.match(text[h.end:nxt.start]) is not None and text[h.end:nxt.start] not in _RANGE_SEP
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


def _line_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


_INDEX_BEFORE = regex.compile(r"(?:指数|系数|比值|得分|评分|分值)(?:为|是|达|达到|仅为|均为)?$")


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
    if rx(r"[ \t]*\|").match(text[h.end:h.end + 3]):
        if h.num.decimals == 0 and h.num.value < 1000 and not text[a:h.start].strip(" |") \
                and rx(r"[ \t]*\|[ \t]*\p{Han}").match(text, h.end):
            return None  # 1 | 雁汀县 | 3.52: the row's number or rank opens the line before its name
        return "cell"
    if rx(r",占").match(text[h.end:h.end + 2]):
        return "count"
    if _INDEX_BEFORE.search(text, max(0, h.start - 8), h.start):
        return "index"  # 综合指数为3.71: a measure without a unit
    # A unit shared with the next number of a list: 快4.6和3.1个百分点, 3至5万.
    if i + 1 < len(hits):
        between = text[h.end:hits[i + 1].start]
        if _LIST_SEP.match(between) and hits[i + 1].unit:
            return "borrow"
    return None


def run(ctx: Context) -> None:
    text = ctx.norm.text
    hits = _scan(text, _covered(ctx))
    _chain_units(text, hits)
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
                if sep in _RANGE_SEP and h.unit not in ("%", "个百分点"):
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


_COUNT_HEADER = regex.compile(r"数$|量$|件|次|起|办结|受理|交办|派遣")


def _infer_cell_units(ctx: Context, facts: list[Quantity | Percent | Change], bare_cells: set[int]) -> None:
    """Whole-number table cells in a report that counts one thing (件) count that thing too,
    when their column names a count (…数, …量) or has no header the parser could read — and
    their table declares no unit of its own."""
    counted = Counter(f.unit for f in facts if isinstance(f, Quantity) and f.unit and f.nspan[0] not in ctx.table_cells)
    if not counted:
        return
    unit, n = counted.most_common(1)[0]
    if n * 10 < sum(counted.values()) * 6 or unit in ("元", "美元", "倍"):
        return
    for f in facts:
        if not isinstance(f, Quantity) or f.unit or f.decimals:
            continue
        ref = ctx.table_cells.get(f.nspan[0])
        if ref is None and f.nspan[0] not in bare_cells:
            continue
        if ref is None or not ref.column.path or _COUNT_HEADER.search(f.label or ""):
            f.unit, f.unit_inferred = unit, True


def _cell_fact(ctx: Context, h: _Hit, ref: CellRef) -> Quantity | Percent | Change:
    """A table cell states what its table declares for it (`extract/tables.py`): a quantity in
    the declared unit and scale, a percent, or a change with its basis and the figure's sign."""
    own = h.unit if h.unit not in (None, "%") else None
    r = table_facts.reading(ctx, ref, h.unit == "%", own)
    if h.num.scale != 1:
        r.scale = h.num.scale  # 12.5万 in a cell: written, not declared
    value = h.num.value * (r.scale if h.num.scale == 1 else 1)
    if r.scale != 1 and value == value.to_integral_value():
        value = Decimal(int(value))  # 9870.58 × 10^8 is 987058000000, not 987058000000.00
    label = "".join(ctx.norm.surface(a, b) for a, b in r.label) or None
    t, row, col = ref.table, ref.row, ref.column
    where = TableCell(table=t.index, row=row.index, column=col.index,
                      row_header=ctx.norm.surface(row.name.start, row.name.end) if row.name else None,
                      column_header="/".join(ctx.norm.surface(e.start, e.end) for e in col.path) or None,
                      scale=r.scale)
    decimals = h.num.decimals - (t.padding(row) if r.kind == "percent" else 0)
    common: dict[str, object] = {"span": ctx.norm.span(h.start, h.end), "decimals": decimals,
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
    fact.nspan = (h.start, h.end)
    return fact


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
    cm = _change_left().search(left)
    direction: str | None = None
    basis: str | None = None
    if cm:
        word = cm.group("dir")
        basis = cm.group("basis")
        comp = cm.group("comp") or ""
        if word in _SHORT_DIRECTIONS and not basis:
            cm = None
        elif comp and word not in _COMPARATIVE and not rx(r"[了为达到约近超过逾]*").fullmatch(comp):
            cm = None
        else:
            direction = lexicon.direction_of()[word]
    start = h.start
    if cm:
        start = clause_start + cm.start()
    elif previous and h.unit is not None:
        # A list continues the change before it: 分别增长4.6%、7.7%和8.7%, 分别提升4.18、3.41和3.32分.
        p = previous[-1]
        pe = p.nspan[1]
        if isinstance(p, Change) and pe <= h.start and _LIST_SEP.match(text[pe:h.start]) is not None \
                and (h.unit in ("%", "个百分点", "倍") or h.unit == p.unit):
            direction, basis = p.direction, p.basis
    if value < 0 and (direction or h.unit in ("%", "个百分点")):
        value = -value
        direction = "down" if direction != "down" else "up"
        common["value_high"] = None
    rate = lexicon.rate_word_regex().search(left)
    if direction is None and rate and h.unit in ("%", "个百分点"):
        direction = lexicon.rate_words()[rate.group("w")]
    if direction is None and h.unit == "个百分点":
        direction = "up"
    times = rx(r"是(?P<basis>[^,;。]{1,10}?)的$").search(left) if h.unit == "倍" else None
    if direction is None and times:
        # 是去年同期的2.3倍: a multiple of the basis, read as a change
        direction, basis = "up", times.group("basis")
        start = clause_start + times.start()
    if direction is not None and h.unit is not None:
        fact: Quantity | Percent | Change = Change(value=value, unit=h.unit, direction=direction,  # type: ignore[arg-type]
                                                   basis=basis, **common)  # type: ignore[arg-type]
    elif h.unit == "%":
        fact = Percent(value=value, unit="%", **common)  # type: ignore[arg-type]
    elif h.unit == "倍":
        fact = Quantity(value=value, unit="倍", **common)  # type: ignore[arg-type]
    elif h.unit or h.raw_unit is None:
        fact = Quantity(value=value, unit=h.unit, **common)  # type: ignore[arg-type]
    else:
        return None
    fact.nspan = (start, h.end)
    fact.span = ctx.norm.span(start, h.end)
    return fact
