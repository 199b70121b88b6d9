"""growth-rate: a stated change must agree with the figures it relates.

What it checks
    In one sentence, a current figure with its absolute change and its
    relative change (3618件, 增加433件, 增长12%) must satisfy
    rate = change / (current − change) for a rise, change / (current + change)
    for a fall (the current figure may stand earlier in the article, when the
    changes name it: 轨道交通13754.3万人次 … 轨道交通客运量增加1426.8万人次,
    增长9.4%); a current figure with its basis (今年3618件, 去年同期3185件,
    增长13.6%) must satisfy rate = (current − basis) / basis.  All figures
    carry their rounding intervals; 倍 changes are checked the same way.  In a
    table, a growth cell is checked against the current and the earlier
    period's figures of its row (本周数据, 上周数据, 环比增长), and in a table
    whose rows are periods in turn (7月, 8月, 9月), a 环比 cell against the
    figure of the row before.  The absolute and the relative change must name
    one metric (项目…同比增加6个,完成投资同比增长47倍 are two), and the figure a
    change is measured against (较夜间停留人口261.1万人,多65.2万人) is its base,
    never its current figure.  A change stated after part of its figure was
    set aside (排除…后, 剔除…因素; the change's qualifier) is measured on a
    figure the page does not give, and is not checked.

Why it matters
    A growth rate that its own figures contradict is a mistyped figure, or a
    rate computed on another basis than the one stated.

Failing example
    受理3618件,同比增加433件,增长12%。 (433 / 3185 = 13.6%)

Passing example
    受理3618件,同比增加433件,增长13.6%。
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from fractions import Fraction

from ...models import Change, DateFact, Diagnostic, Period, Quantity
from ...numbers import rounding
from ...numbers.rounding import Interval
from ...text import lexicon
from ..base import Facts, Rule, Value, basis_kind, diagnostic, pct, units_compatible

# Qualifiers that leave a figure the period's own total (共, 累计, 合计…).
_TOTALS = frozenset(lexicon.get("total").meanings)
# Units of a relative change (%, 倍) and of any change that is not an amount (个百分点).
_RELATIVE = frozenset(lexicon.get("ratio_unit").having(kind="percent") + lexicon.get("ratio_unit").having(kind="times"))
_NOT_AMOUNTS = frozenset(lexicon.get("ratio_unit").meanings)
# An average rate (年均增长率9.4%) compounds over years: no simple ratio of two figures.
_AVERAGES = frozenset(lexicon.get("average").meanings)
# 量, 数, 额: the end that makes a word the measure of what it names (举报量 of 举报).
_METRIC_ENDS = frozenset(lexicon.get("metric_end").meanings)


def _rate(c: Change) -> Fraction:
    return Fraction(100) if c.unit == "%" else Fraction(1)


def _agrees(rate: Value, c: Change, change: Interval, basis: Interval) -> bool:
    if basis.lo <= 0:
        return True
    return rate.iv.intersects((change / basis).scale(_rate(c)))


def _quantities_before(facts: Facts, c: Change, quantities: list[Quantity], starts: list[int]) -> list[Quantity]:
    """Quantities earlier in the change's sentence (quantities sorted by position, starts their positions)."""
    k = bisect.bisect_left(starts, facts.pos(c)[0])
    out = []
    for f in reversed(quantities[max(0, k - 40):k]):
        if not facts.same_sentence(f, c):
            break
        if not f.qualifier or f.qualifier in _TOTALS:
            out.append(f)
    return out[::-1]


_ADJUSTED = frozenset(lexicon.words("adjustment"))


def check(facts: Facts) -> Iterator[Diagnostic]:
    changes = list(facts.of(Change))
    quantities = sorted(facts.of(Quantity), key=lambda q: facts.pos(q)[0])
    starts = [facts.pos(q)[0] for q in quantities]
    absolute = [ac for ac in changes if ac.unit is not None and ac.unit not in _NOT_AMOUNTS]
    cells: dict[int, dict[int, list[Quantity]]] = {}  # table → row → its figures
    for q in quantities:
        if q.cell is not None:
            cells.setdefault(q.cell.table, {}).setdefault(q.cell.row, []).append(q)
    for rc in changes:
        if rc.unit not in _RELATIVE or rc.approx or rc.qualifier in _AVERAGES or rc.qualifier in _ADJUSTED:
            continue  # (排除…后: a rate on a figure the page does not give)
        if rc.cell is not None:
            # Form 3: a table row with the current and the earlier period's figures beside its growth
            yield from _table_row(facts, rc, cells.get(rc.cell.table, {}).get(rc.cell.row, []))
            # Form 4: a table whose rows are periods in turn (7月, 8月, 9月), the growth against the row before
            yield from _period_rows(facts, rc, cells)
            continue
        before = _quantities_before(facts, rc, quantities, starts)
        # Form 1: current figure, absolute change, relative change.
        for ac in absolute:
            if ac.direction != rc.direction:
                continue
            if not facts.same_sentence(ac, rc) or (ac.basis and rc.basis and basis_kind(ac.basis) != basis_kind(rc.basis)):
                continue
            if not _one_metric(ac.label, rc.label):
                continue  # 项目…个,同比增加20个,完成投资同比增长3.1倍: the rate is of another metric
            # (not the figure the change is measured against, 较夜间停留人口261.1万人,多65.2万人: the base)
            cands = [q for q in before if facts.pos(q)[0] < facts.pos(ac)[0] and units_compatible(q.unit, ac.unit)
                     and q.unit is not None and not (ac.basis and q.label and q.label in ac.basis)]
            if not cands:
                named = _named_current(facts, ac, quantities, starts)
                if named is None:
                    continue
                cands = [named]
            # The nearest figure of the change's metric (not a target in brackets, 年度目标(5万人)).
            same = [q for q in cands if not (q.label and ac.label and q.label not in ac.label
                                             and ac.label not in q.label)]
            if not same:
                continue  # the change is about another metric
            q = same[-1]
            cur, delta = facts.value_of(q), facts.value_of(ac)
            basis = cur.iv - delta.iv if rc.direction == "up" else cur.iv + delta.iv
            basis = Interval(max(Fraction(0), basis.lo), basis.hi)
            rate = facts.value_of(rc)  # only now: most changes never get this far
            if _agrees(rate, rc, delta.iv, basis):
                continue
            b = Fraction(q.value) - Fraction(ac.value) if rc.direction == "up" else Fraction(q.value) + Fraction(ac.value)
            true = Fraction(ac.value) / b * _rate(rc) if b > 0 else Fraction(0)
            yield _finding(rc, rate, cur, delta, f"{rounding.fmt(ac.value)}/{rounding.fmt(b)}", true, q, ac,
                           "the figure, its change and its rate in one sentence")
            break
        else:
            yield from _against_basis(facts, rc, before)


def _one_metric(a: str | None, b: str | None) -> bool:
    """Two changes name one metric unless both are named and neither name ends the other (a name's
    head is its end: 亿元以上基础设施投资项目 counts 项目, not 投资; 举报量 is 消费者举报's count)."""
    if not (a and b):
        return True
    a, b = _head(a), _head(b)
    return a.endswith(b) or b.endswith(a)


def _head(label: str) -> str:
    return label[:-1] if len(label) > 2 and label[-1] in _METRIC_ENDS else label


def _named_current(facts: Facts, ac: Change, quantities: list[Quantity], starts: list[int]) -> Quantity | None:
    """The current figure stated earlier in the article under the name the changes carry
    (轨道交通13754.3万人次 … 轨道交通客运量比上年同期增加1426.8万人次,增长9.4%): same unit,
    same period, the name contained in the change's."""
    if not ac.label or len(ac.label) < 2:
        return None
    k = bisect.bisect_left(starts, facts.pos(ac)[0])
    for q in reversed(quantities[max(0, k - 60):k]):
        if q.unit != ac.unit or (q.qualifier and q.qualifier not in _TOTALS) or not q.label or len(q.label) < 2:
            continue
        if q.label in ac.label and q.period_id == ac.period_id and q.value > ac.value \
                and facts.same_article(q, ac):
            return q
    return None


def _table_row(facts: Facts, rc: Change, row: list[Quantity]) -> Iterator[Diagnostic]:
    """本周数据 399, 上周数据 348, 环比增长 14.66%: the growth is (current − prior) / prior."""
    cur = [q for q in row if q.cell is not None and q.cell.period == "current"]
    prior = [q for q in row if q.cell is not None and q.cell.period == "prior"]
    if len(cur) != 1 or len(prior) != 1 or not units_compatible(cur[0].unit, prior[0].unit):
        return
    if cur[0].approx or prior[0].approx:
        return
    yield from _against(facts, rc, cur[0], prior[0], "a table row: this and the earlier period")


def _period_of(facts: Facts, f: Quantity | Change) -> DateFact | Period | None:
    p = facts.get(f.period_id)
    return p if isinstance(p, DateFact | Period) and p.start is not None and p.end is not None else None


def _period_rows(facts: Facts, rc: Change, cells: dict[int, dict[int, list[Quantity]]]) -> Iterator[Diagnostic]:
    """A table of months with a figure and a 环比 column: 8月 10.95, 环比 3.1 is (10.95 − 10.62)/10.62 against
    7月's row. Only a 环比 growth, only where the row before is the period just before, and only in a
    table with one figure per row."""
    assert rc.cell is not None
    if not rc.basis or basis_kind(rc.basis) != "previous" or rc.cell.period is not None:
        return
    mine = _period_of(facts, rc)
    if mine is None:
        return
    per_row = cells.get(rc.cell.table, {})
    if any(len(qs) != 1 for qs in per_row.values()):
        return  # which figure the growth column is of is not shown
    cur = per_row.get(rc.cell.row)
    prev = per_row.get(rc.cell.row - 1)
    if cur is None or prev is None:
        return
    before = _period_of(facts, prev[0])
    if before is None or mine.start is None or before.end is None or len(before.value) != len(mine.value) \
            or (mine.start - before.end).days != 1 or _period_of(facts, cur[0]) is not mine:
        return
    if not units_compatible(cur[0].unit, prev[0].unit) or cur[0].approx or prev[0].approx:
        return
    yield from _against(facts, rc, cur[0], prev[0], "a table of periods: this row and the one before")


def _against_basis(facts: Facts, rc: Change, before: list[Quantity]) -> Iterator[Diagnostic]:
    """Form 2: 今年X件, 去年同期Y件, 增长P%."""
    # the figure of the period the change is against (去年同期3185件 for 同比, 上月… for 环比)
    bases = [q for q in before if q.basis and basis_kind(q.basis) in ("year", "previous")
             and (not rc.basis or basis_kind(rc.basis) == basis_kind(q.basis))]
    if len(bases) != 1:
        return
    base = bases[0]
    currents = [q for q in before if q is not base and facts.pos(q)[0] < facts.pos(base)[0]
                and units_compatible(q.unit, base.unit) and q.unit is not None]
    if not currents:
        return
    yield from _against(facts, rc, currents[-1], base, f"basis: {base.basis}")


def _against(facts: Facts, rc: Change, cur: Quantity, base: Quantity, evidence: str) -> Iterator[Diagnostic]:
    """The change against this period's figure and the earlier one's: (cur − base) / base, with the
    rounding intervals of all three; a finding when no true values in them agree."""
    c, b, rate = facts.value_of(cur), facts.value_of(base), facts.value_of(rc)
    if b.iv.lo <= 0:
        return
    sign = 1 if rc.direction == "up" else -1
    delta = (c.iv - b.iv) if sign > 0 else (b.iv - c.iv)
    if rate.iv.intersects((delta / b.iv).scale(_rate(rc))):
        return
    true = (Fraction(cur.value) - Fraction(base.value)) * sign / Fraction(base.value) * _rate(rc) \
        if base.value else Fraction(0)
    arith = f"({rounding.fmt(cur.value)} − {rounding.fmt(base.value)})/{rounding.fmt(base.value)}"
    yield _finding(rc, rate, c, b, arith, true, cur, base, evidence)


def _finding(rc: Change, rate: Value, first: Value, second: Value, arith: str, true: Fraction,
             f1: Quantity | Change, f2: Quantity | Change, evidence: str) -> Diagnostic:
    """The diagnostic both forms give: the stated change, the two figures, and the arithmetic."""
    shown = pct(true, 1) if rc.unit == "%" else rounding.fmt(true, 2) + (rc.unit or "")
    return diagnostic(RULE, "error", rc.span,
                      f"{rate.text}与{first.text}、{second.text}不符：{arith} = {shown}",
                      f"the change {rounding.fmt(rc.value, 4)}{rc.unit} disagrees with "
                      f"{arith.replace('−', '-')} = {shown}",
                      [f1.span, f2.span], [rc.id, f1.id, f2.id], evidence=evidence,
                      arithmetic=f"{arith} = {shown} ≠ {rate.text}")


RULE = Rule(id="growth-rate", severity="error", summary="a change disagrees with the figures it relates",
            check=check)
