"""average: a stated daily (weekly) average must be the total over the period.

What it checks
    A figure that extraction reads as an average per day (日均, 平均每天, 日平均,
    and counts per day written as a unit: 6689起(239起/天)) or per week (周均),
    tied to the total it spreads (the nearest earlier figure in the same or
    previous sentence, in a compatible unit, that is not itself an average, a
    peak, a bound or last period's figure: 上周18128件 is the basis of a change,
    not the total), is compared with that total divided by the length of its
    period: the days stated with the total (工作日5天受理16825件), or else the
    period the figure refers to: a week is 7 days, a month its own length, a
    quarter 90–92 days, 上半年 181 or 182 days (both pass when the year is not
    written). Rounding intervals apply to the total and the average; a period
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

from ...models import Diagnostic, Quantity
from ...numbers import rounding
from ...text import lexicon
from ..base import Facts, Rule, diagnostic

# Days in the stretch an average is per; a month's length is the period's own (not checked).
_PER_DAYS = {"day": 1, "week": 7}


def check(facts: Facts) -> Iterator[Diagnostic]:
    for q in facts.of(Quantity):
        per = _PER_DAYS.get(q.per or "")
        total = facts.get(q.average_of)
        if per is None or not isinstance(total, Quantity):
            continue
        days = [q.days] if q.days else facts.period_days(q, total)
        if not days:
            continue
        tiv, aiv = facts.value_of(total).iv, facts.value_of(q).iv
        if any(aiv.intersects(tiv.scale(Fraction(per, d))) for d in days if d >= per):
            continue
        d = days[0]
        want = Fraction(total.value) * per / d
        dtext = "或".join(str(x) for x in days)
        word = q.qualifier or min(lexicon.get("average").having(per=q.per), key=len)
        yield diagnostic(RULE, "error", q.span,
                         f"{word}{rounding.fmt(q.value, 4)}与{rounding.fmt(total.value, 4)}÷{dtext}天"
                         f"{'×' + str(per) if per > 1 else ''} = {rounding.fmt(want, 1)}不符",
                         f"the average {rounding.fmt(q.value, 4)} is not {rounding.fmt(total.value, 4)} over "
                         f"{dtext} days = {rounding.fmt(want, 1)}",
                         [total.span], [q.id, total.id],
                         evidence="average_of", arithmetic=f"{rounding.fmt(total.value, 4)}÷{dtext}"
                         f"{'×' + str(per) if per > 1 else ''} = {rounding.fmt(want, 1)}")


RULE = Rule(id="average", severity="error", summary="an average is not the total over the period",
            check=check)
