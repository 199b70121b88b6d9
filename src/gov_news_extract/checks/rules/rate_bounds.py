"""rate-bounds: a rate or share must lie within 0–100%, and a part within its whole.

What it checks
    A percentage that extraction reads as a proportion of a whole (named 办结率,
    满意度, 接通率, 覆盖率, 占比, 比重 …, or a share in a breakdown of a total)
    may not exceed 100% beyond rounding.  Growth rates, plan completion
    (完成年度计划的112%), ratios to last year and measures such as 密度 can,
    and are not checked.  A part of a breakdown may not be larger than the breakdown's
    total (when several parts are, they are not that total's parts: no finding),
    and a count given as part of the figure before it (…873件,其中…915件) may not
    be larger than that figure.

Why it matters
    办结率103% or 12件 out of 10 cannot be true: a figure or its label is wrong.

Failing example
    转办工单1539件,转办工单办结率100.5%。

Passing example
    转办工单1539件,转办工单办结率99.5%。 增长率120% is not a bounded rate.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Breakdown, Change, Diagnostic, Percent, Quantity
from ...numbers import rounding
from ..base import Facts, Rule, diagnostic, tie_evidence, tie_severity, units_compatible


def check(facts: Facts) -> Iterator[Diagnostic]:
    flagged: set[str] = set()
    for b in facts.of(Breakdown):
        total = facts.total_value(b)
        above = [v for v in (facts.part_value(p) for p in b.parts)
                 if total is not None and v is not None and v.iv.lo > total.iv.hi]
        if len(above) >= 2:
            total = None  # several parts each above the total: not its parts, no single slip
        elif tie_severity(b) != "error":
            total = None  # a total tied only by a near sum: no part above it is proven
        for p in b.parts:
            share = facts.part_share(p)
            if share is not None and share.iv.lo > 100 and share.fact is not None:
                flagged.add(share.fact.id)
                yield diagnostic(RULE, "error", share.span or b.span,
                                 f"占比{share.text}超过100%",
                                 f"share {rounding.fmt(share.value, 4)}% is more than 100%",
                                 [], [share.fact.id], evidence="a share of the breakdown's whole",
                                 arithmetic=f"{share.text} > 100%")
            value = facts.part_value(p)
            if total is None or value is None:
                continue
            tunit = total.fact.unit if total.fact is not None else b.unit
            if value.fact is not None and not units_compatible(value.fact.unit, tunit):
                continue
            if value.iv.lo > total.iv.hi:
                yield diagnostic(RULE, "error", value.span or b.span,
                                 f"{p.label or '部分'}{value.text}大于总数{total.text}",
                                 f"the part {rounding.fmt(value.value, 4)} is larger than its whole "
                                 f"{rounding.fmt(total.value, 4)}",
                                 [total.span], [b.id, value.fact.id if value.fact else None],
                                 evidence=tie_evidence(b), arithmetic=f"{value.text} > {total.text}")
    for q in facts.of(Quantity):
        whole = facts.numeric(q.whole_id)
        if whole is None or not units_compatible(q.unit, whole.unit):
            continue
        qv, wv = facts.value_of(q), facts.value_of(whole)
        if qv.iv.lo > wv.iv.hi:
            yield diagnostic(RULE, "error", q.span,
                             f"{q.label or '部分'}{qv.text}大于其所属的{whole.label or '总数'}{wv.text}",
                             f"the part {rounding.fmt(q.value, 4)} is larger than the figure it is part of "
                             f"({rounding.fmt(whole.value, 4)})",
                             [whole.span], [q.id, whole.id], evidence="whole_id: stated as a part of it",
                             arithmetic=f"{qv.text} > {wv.text}")
    for f in facts.of(Percent):
        # An interval never starts above its stated value: 100% or less cannot be flagged.
        if max(f.value, f.value_high or f.value) <= 100 or isinstance(f, Change) or f.id in flagged \
                or not f.bounded:
            continue
        iv = facts.value_of(f).iv
        if iv.lo > 100:
            yield diagnostic(RULE, "error", f.span,
                             f"{f.label}{rounding.fmt(f.value, 4)}%超过100%",
                             f"{f.label} {rounding.fmt(f.value, 4)}% is more than 100%", [], [f.id],
                             evidence="bounded: a proportion of a whole", arithmetic=f"{rounding.fmt(f.value, 4)}% > 100%")


RULE = Rule(id="rate-bounds", severity="error", summary="a rate or share above 100%, or a part above its whole",
            check=check)
