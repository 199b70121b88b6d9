"""rate-bounds: a rate or share must lie within 0–100%, and a part within its whole.

What it checks
    A percentage that can only be a proportion of a whole, named as such
    (办结率, 满意度, 接通率, 覆盖率, 占比, 比重 …, or a share in a breakdown of
    a total), may not exceed 100% beyond rounding.  Growth rates, plan
    completion (完成年度计划的112%) and ratios to last year can, and are not
    checked.  A part of a breakdown may not be larger than the breakdown's
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

import regex

from ...models import Breakdown, Change, Diagnostic, Percent, Quantity
from ...numbers import rounding
from ...text.rx import rx
from ..base import Facts, Rule, diagnostic, tie_severity, units_compatible

# Proportions of a whole: they cannot pass 100%. Any 率/度 counts (接听率, 办结率, 满意度),
# except the rates below that measure against something other than a whole.
_BOUNDED = regex.compile(r"\p{Han}(率|度)$|占比$|比重$|份额$")
# Rates that legitimately pass 100%.
_UNBOUNDED = regex.compile(r"增长|增速|增幅|增率|同比|环比|完成|计划|目标|进度|超额|倍|上年|去年|贡献|拉动|产销|负债|杠杆|"
                           r"周转|回报|收益|利润|溢价|涨|变动|变化|弹性|速度|强度|温度|密度|浓度|高度|长度|难度|力度|"
                           r"景气|指数|程度|年度|季度|月度|额度|尺度|深度|广度|热度|幅度")


def _bounded(label: str | None) -> bool:
    if not label:
        return False
    label = rx(r"[\s*]").sub("", label)
    return bool(_BOUNDED.search(label)) and not _UNBOUNDED.search(label)


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
                                 [], [share.fact.id])
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
                                 [total.span], [b.id, value.fact.id if value.fact else None])
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
                             [whole.span], [q.id, whole.id])
    for f in facts.of(Percent):
        # An interval never starts above its stated value: 100% or less cannot be flagged.
        if max(f.value, f.value_high or f.value) <= 100 or isinstance(f, Change) or f.id in flagged \
                or not _bounded(f.label):
            continue
        iv = facts.value_of(f).iv
        if iv.lo > 100:
            yield diagnostic(RULE, "error", f.span,
                             f"{f.label}{rounding.fmt(f.value, 4)}%超过100%",
                             f"{f.label} {rounding.fmt(f.value, 4)}% is more than 100%", [], [f.id])


RULE = Rule(id="rate-bounds", severity="error", summary="a rate or share above 100%, or a part above its whole",
            check=check)
