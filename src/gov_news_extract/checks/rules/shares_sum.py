"""shares-sum: the shares of a breakdown must add up to 100%.

What it checks
    The stated shares of one breakdown (占比64.6%, 占19.6% …) are added with
    their rounding intervals (7% stands for 6.5%–8%).  More than 100% is a
    contradiction whatever the rounding: an error when the breakdown presents
    itself as complete (an 其他 part, 分别为, a 三次产业结构 ratio), a warning
    otherwise (categories that overlap by nature can exceed 100%).  Clearly
    less than 100% is an error only for a complete breakdown.  Shares that add
    up to exactly 100 with one of them a unit off are forced rounding and pass.

Why it matters
    Shares that do not make 100% show that a category is missing or a share
    is mistyped, even when each share looks plausible on its own.

Failing example
    求助类占比64.6%,咨询类占比19.6%,投诉类占比7%,建议类占比1.6%,表扬类占比0.1%,
    其他类占比0.8%。 (sum 93.7%, at most 94.0% with rounding)

Passing example
    直办37643件,占52.7%,转办33769件,占47.3%。 (sum 100%)
"""

from __future__ import annotations

from collections.abc import Iterator

from ...models import Breakdown, Diagnostic
from ...numbers import rounding
from ..base import Facts, Rule, diagnostic, tie_evidence


def check(facts: Facts) -> Iterator[Diagnostic]:
    for b in facts.of(Breakdown):
        shares = [facts.part_share(p) for p in b.parts]
        known = [s for s in shares if s is not None]
        if len(known) < 2 or b.overlap:
            continue  # (parts that may overlap, 60岁及以上 and 65岁及以上, add up to nothing)
        s = rounding.total(v.iv for v in known)
        stated = sum(v.value for v in known)
        arith = " + ".join(v.text for v in known)
        head, rest = known[0], known[1:]
        span = head.span or b.span
        related = [v.span for v in rest]
        ids = [b.id] + [v.fact.id if v.fact else None for v in known]
        shown = rounding.fmt(stated, 4)
        evidence = "complete" if b.complete else tie_evidence(b)
        if s.lo > 100:
            yield diagnostic(RULE, "error" if b.complete else "warning", span,
                             f"各部分占比合计{arith} = {shown}%，超过100%",
                             f"shares add up to {shown}%, more than 100%", related, ids,
                             evidence=evidence, arithmetic=f"{arith} = {shown}% > 100%")
        elif b.complete and len(known) == len(b.parts) and s.hi < 100:
            yield diagnostic(RULE, "error", span,
                             f"各部分占比合计{arith} = {shown}%，应为100%"
                             f"（按四舍五入或截尾最多{rounding.fmt(s.hi, 4)}%）",
                             f"the shares of a complete breakdown add up to {shown}%, not 100%",
                             related, ids, evidence=evidence,
                             arithmetic=f"{arith} = {shown}% ≤ {rounding.fmt(s.hi, 4)}% < 100%")


RULE = Rule(id="shares-sum", severity="error", summary="shares of a breakdown add up to more or less than 100%",
            check=check)
