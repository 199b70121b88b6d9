"""parts-sum: the parts of a breakdown must add up to its stated total.

What it checks
    For a breakdown with a stated total and counted parts (`其中…`), the sum
    of the parts may not exceed the total.  When the breakdown presents
    itself as complete (it has an 其他 part, or says 分别为 of the whole),
    the parts may not fall short of it either.  Each figure stands for its
    rounding interval (plain integer counts are exact), so 60.5亿元 + 145.27亿元
    is compared with all the values they may round from.

Why it matters
    A part list that does not add up means a figure was mistyped, a category
    dropped, or the total comes from another table: readers cannot tell which.

Failing example
    受理省派工单2917件,已处理完毕2349件,正在办理608件。 (2349 + 608 = 2957 > 2917)

Passing example
    受理省派工单2917件,已处理完毕2349件,正在办理568件。 (2349 + 568 = 2917)
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ...models import Breakdown, Diagnostic
from ...numbers import rounding
from ..base import Facts, Rule, diagnostic, tie_evidence, tie_severity, units_compatible


def check(facts: Facts) -> Iterator[Diagnostic]:
    for b in facts.of(Breakdown):
        total = facts.total_value(b)
        if total is None or len(b.parts) < 2:
            continue
        values = [facts.part_value(p) for p in b.parts]
        known = [v for v in values if v is not None]
        if len(known) < 2:
            continue
        tunit = total.fact.unit if total.fact is not None else b.unit
        if any(v.fact is not None and not units_compatible(v.fact.unit, tunit) for v in known):
            continue
        if sum(v.iv.lo > total.iv.hi for v in known) >= 2:
            continue  # several parts each above the total: these are not its parts, no single slip
        if b.overlap:
            continue  # 其中专任教师1050名、党员320名: a trait that cuts across the others proves nothing
        part_facts = [v.fact for v in known if v.fact is not None]
        severity = tie_severity(b)
        exact = sum((v.value for v in known), Decimal(0))
        if severity != "error" and part_facts and all(v.iv.lo == v.iv.hi for v in known) and facts.another_total(
                {total.fact.id if total.fact else "", *(f.id for f in part_facts)}, exact,
                min(part_facts, key=lambda f: facts.pos(f)[0]), tunit) is not None:
            continue  # the parts add up exactly to another stated figure: that one is their total
        s = rounding.total(v.iv for v in known)
        arith = " + ".join(v.text for v in known)
        span = total.span or b.span
        related = [v.span for v in known]
        ids = [b.id, total.fact.id if total.fact else None] + [v.fact.id if v.fact else None for v in known]
        shown = rounding.in_written_unit(sum((v.value for v in known), Decimal(0)), total.text)
        evidence = tie_evidence(b)
        if s.lo > total.iv.hi:
            yield diagnostic(RULE, severity, span,
                             f"各部分合计{arith} = {shown}，超过总数{total.text}",
                             f"parts add up to {shown}, more than the total {rounding.fmt(total.value, 4)}",
                             related, ids, evidence=evidence, arithmetic=f"{arith} = {shown} > {total.text}")
        elif b.complete and len(known) == len(b.parts) and s.hi < total.iv.lo:
            yield diagnostic(RULE, severity, span,
                             f"各部分合计{arith} = {shown}，少于总数{total.text}（分类已列全）",
                             f"the parts of a complete breakdown add up to {shown}, "
                             f"less than the total {rounding.fmt(total.value, 4)}",
                             related, ids, evidence=evidence, arithmetic=f"{arith} = {shown} < {total.text}")


RULE = Rule(id="parts-sum", severity="error", summary="parts of a breakdown do not add up to its total",
            check=check)
