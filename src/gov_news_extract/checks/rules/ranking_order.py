"""ranking-order: a ranking's items must be in the order of their stated values.

What it checks
    A ranking (排名前三位分别为: 红旗区30750件, 牧野区23910件, 辉县市20494件;
    后三位 …) whose items carry values must list them from largest to smallest
    (or smallest to largest for a 后N位 list), allowing for rounding and for
    approximate figures.  Ties pass.  Items compared by counts when every item
    has one, otherwise by shares.  A list whose words only name the top few
    (居前五位的是…, no 依次/分别, no chain, no numbers) claims no order when its
    figures are out of order more than once: one slip makes one break, and an
    editor listing a set in another order makes several.

Why it matters
    A ranking whose figures contradict its order has a wrong figure or a wrong
    place, and the ranking is often the part of a report readers quote.

Failing example
    排名前三位分别为: 红旗区30750件, 牧野区33910件, 辉县市20494件。

Passing example
    排名前三位分别为: 红旗区30750件, 牧野区23910件, 辉县市20494件。
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from ...models import Diagnostic, Ranking
from ...numbers import rounding
from ..base import Facts, Rule, Value, diagnostic


def check(facts: Facts) -> Iterator[Diagnostic]:
    for r in facts.of(Ranking):
        vals: list[Value | None] = [facts.part_value(i) for i in r.items]
        if sum(v is not None for v in vals) < 2 or any(v is None for v in vals):
            vals = [facts.part_share(i) for i in r.items]
        pairs = [(item, v) for item, v in zip(r.items, vals, strict=True) if v is not None]
        if len(pairs) < 2:
            continue
        wrongs = [(a, va, b, vb) for (a, va), (b, vb) in itertools.pairwise(pairs)
                  if (vb.iv.lo > va.iv.hi if r.order == "desc" else vb.iv.hi < va.iv.lo)]
        if not r.stated_order and len(wrongs) > 1:
            continue  # 居前五位的是:… names the top few; out of order more than one slip makes, it claims no order
        for a, va, b, vb in wrongs:
            rel = "大于" if r.order == "desc" else "小于"
            yield diagnostic(RULE, "warning", vb.span or r.span,
                             f"排名在后的{b.label}({vb.text}){rel}排名在前的{a.label}({va.text})",
                             f"{b.label} ({rounding.fmt(vb.value, 4)}) is ranked after {a.label} "
                             f"({rounding.fmt(va.value, 4)}) yet is {'larger' if r.order == 'desc' else 'smaller'}",
                             [va.span], [r.id, vb.fact.id if vb.fact else None, va.fact.id if va.fact else None],
                             evidence=f"ranking, {'descending' if r.order == 'desc' else 'ascending'}",
                             arithmetic=f"{vb.text} {'>' if r.order == 'desc' else '<'} {va.text}")


RULE = Rule(id="ranking-order", severity="warning", summary="ranking items not in the order of their values",
            check=check)
