"""average: a stated daily (weekly, monthly) average must be the total over the period.

What it checks
    A figure qualified as an average per day (日均, 平均每天, 日平均), per week
    (周均) or per month (月均) is compared with the total it follows (the
    nearest earlier figure in the same or previous sentence, in a compatible
    unit, that is not itself an average or a peak) divided by the length of
    the stated period (a figure given as last period's, 上周18128件, is not
    the total): a week is 7 days, a month its own length, a quarter
    90–92 days, 上半年 181 or 182 days (both pass when the year is not
    written).  Inline per-day figures (6689起(239起/天)) are checked the same
    way.  Rounding intervals apply to the total and the average; a period
    that cannot be resolved means no check.

Why it matters
    An average that does not match its own total and period means one of the
    three is wrong, and averages are what readers compare across reports.

Failing example
    今年上半年,共接到群众来电383257次。日均来电量2217次。 (383257/181 = 2117.4)

Passing example
    今年上半年,共接到群众来电383257次。日均来电量2117次。
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import regex

from ...models import DateFact, Diagnostic, Period, Quantity
from ...numbers import rounding
from ...numbers.rounding import Interval
from ...text.rx import rx
from ..base import Facts, Rule, diagnostic, fact_days, units_compatible

_PER = {"日": 1, "天": 1, "周": 7, "月": 30}
_AVERAGE = regex.compile(r"(日均|平均每[天日]|每[天日]平均|日平均|周均|平均每周|月均|平均每月)")
_BASIS_BEFORE = regex.compile(r"(?:上周|上月|上季度|上年|去年|上年同期|去年同期|同期|上期)(?:的|为|是|:)?$|(?:较|比)[^,，。;；]{1,8}的$")
_NOT_TOTAL = regex.compile(r"均|峰值|最高|最多|最低|单日|每[天日周月]")
_INLINE = regex.compile(
    r"(?P<total>\d+(?:\.\d+)?)(?P<unit>[件次起宗个人例条单]{1,2})[(（](?:日均|平均)?(?P<avg>\d+(?:\.\d+)?)"
    r"(?P=unit)?/(?P<per>天|日)[)）]"
)


# 工作日5天受理…: a number of days written as a span (天, never a day of the month: 10月31日, 5月13日—19日)
_STATED_DAYS = regex.compile(r"(?<![\d月至到—\-～~.])([1-9]\d{0,2})天[^,;。:\d]{0,10}$")


def _per_days(word: str) -> int:
    if word.startswith("周") or "每周" in word:
        return 7
    if word.startswith("月") or "每月" in word:
        return 0  # months: handled by month counts
    return 1


def _average_word(facts: Facts, q: Quantity) -> str | None:
    for s in (q.qualifier or "", q.label or "", facts.before(q, 8)):
        if "均" not in s and "每" not in s:
            continue  # every _AVERAGE word has one of them: skip the regex for most figures
        m = _AVERAGE.search(s)
        if m:
            return m.group(1)
    return None


def check(facts: Facts) -> Iterator[Diagnostic]:
    quantities = list(facts.of(Quantity))
    for i, q in enumerate(quantities):
        word = _average_word(facts, q)
        if word is None:
            continue
        per = _per_days(word)
        if per == 0:
            continue
        total = _total_for(facts, quantities[:i], q)
        if total is None:
            continue
        stated = _STATED_DAYS.search(facts.before(total, 16))
        # 工作日5天受理16825件,日均3365件: the days written with the total are its period
        days = [int(stated.group(1))] if stated else facts.period_days(q, total)
        if not days:
            continue
        tiv, aiv = facts.value_of(total).iv, facts.value_of(q).iv
        if any(aiv.intersects(tiv.scale(Fraction(per, d))) for d in days if d >= per):
            continue
        d = days[0]
        want = Fraction(total.value) * per / d
        dtext = "或".join(str(x) for x in days)
        yield diagnostic(RULE, "error", q.span,
                         f"{word}{rounding.fmt(q.value, 4)}与{rounding.fmt(total.value, 4)}÷{dtext}天"
                         f"{'×' + str(per) if per > 1 else ''} = {rounding.fmt(want, 1)}不符",
                         f"the average {rounding.fmt(q.value, 4)} is not {rounding.fmt(total.value, 4)} over "
                         f"{dtext} days = {rounding.fmt(want, 1)}",
                         [total.span], [q.id, total.id])
    yield from _inline(facts)


def _total_for(facts: Facts, earlier: list[Quantity], q: Quantity) -> Quantity | None:
    for t in reversed(earlier):
        if not facts.same_article(t, q):
            return None
        gap = facts.between(t, q)
        if len(rx(r"[。；;！!？?\n]").findall(gap)) > 1:
            return None
        if not units_compatible(t.unit, q.unit) or t.unit is None or q.unit is None:
            continue
        if _NOT_TOTAL.search((t.qualifier or "") + (t.label or "")) or facts.approx_of(t) or t.value <= q.value:
            continue
        if _BASIS_BEFORE.search(facts.before(t, 8)):
            continue  # (上周18128件): last period's figure, given as the basis of a change
        return t
    return None


def _inline(facts: Facts) -> Iterator[Diagnostic]:
    if facts.ctx is None:
        return
    norm = facts.ctx.norm
    for m in _INLINE.finditer(norm.text):
        days = _days_around(facts, m.start())
        if not days:
            continue
        tot = Fraction(m.group("total"))
        avg_s = m.group("avg")
        d_avg = len(avg_s.split(".")[1]) if "." in avg_s else 0
        tiv = Interval.point(tot)
        aiv = rounding.stated(Fraction(avg_s), d_avg)
        if any(aiv.intersects(tiv.scale(Fraction(1, d))) for d in days):
            continue
        span = norm.span(m.start("avg"), m.end())
        dtext = "或".join(str(x) for x in days)
        yield diagnostic(RULE, "error", span,
                         f"日均{avg_s}与{m.group('total')}÷{dtext}天 = {rounding.fmt(tot / days[0], 1)}不符",
                         f"the daily figure {avg_s} is not {m.group('total')} over {dtext} days "
                         f"= {rounding.fmt(tot / days[0], 1)}",
                         [norm.span(m.start("total"), m.end("unit"))])


def _days_around(facts: Facts, npos: int) -> list[int]:
    """The period of an inline figure: the dates pass's answer, else the nearest earlier period or month."""
    if facts.ctx is not None:
        try:
            from ...extract import dates

            period_for = getattr(dates, "period_for", None)
            if period_for is not None:
                p = period_for(facts.ctx, npos)
                if isinstance(p, (Period, DateFact)):
                    return fact_days(p)
        except Exception:  # the dates pass is a colleague's work in progress
            return []
    best: list[int] = []
    for f in facts.facts:
        if isinstance(f, (Period, DateFact)) and facts.pos(f)[1] <= npos and npos - facts.pos(f)[1] < 300:
            days = fact_days(f)
            if days and min(days) >= 7:
                best = days
    return best


RULE = Rule(id="average", severity="error", summary="an average is not the total over the period",
            check=check)
