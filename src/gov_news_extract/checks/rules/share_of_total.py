"""share-of-total: a stated share must be its part divided by the total.

What it checks
    For every part stated with both a count and a share (求助类186112件,占比
    64.6%), the share must be part / total at the stated rounding: 0.8% stands
    for 0.75%–0.9%, and 2136 / 287977 = 0.742% is outside it.  Without a stated
    total (a ranking 前五位 with counts and shares), every (count, share) pair
    implies a total; a pair whose implied total disagrees with all the others'
    is flagged.  When the shares agree with each other on another total, the
    stated total is at fault if every share disagrees with it (it is flagged
    instead of each share); if some shares fit it only through coarse rounding,
    the shares measure another whole (占诉求量的…) and nothing is proven.
    Without a stated total, shares that make 100% make the sum of the parts
    the total.  A share outside any breakdown that names its whole (…1126件,
    占受理总量的5.1%) is checked against that whole, as extraction linked it.
    A share one unit off in a breakdown whose shares add up to exactly 100 is
    forced rounding and passes.

Why it matters
    A share that is not its count's share is a mistyped figure or a share of
    something else presented as a share of this total.

Failing example
    办理工单287977件…其他类2136件,占比0.8%。 (2136/287977 = 0.74%)

Passing example
    受理各类诉求4415件,其中有效诉求3942件,占总量的89.29%。 (3942/4415 = 89.287%)
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction

from ...models import Breakdown, Diagnostic, Part, Percent, Ranking, RankItem
from ...numbers import rounding
from ...numbers.rounding import Interval
from ..base import Facts, Rule, Value, diagnostic, pct, tie_evidence, tie_severity, units_compatible


def _pairs(facts: Facts, parts: Sequence[Part | RankItem]) -> list[tuple[Value, Value]]:
    out = []
    for p in parts:
        v, s = facts.part_value(p), facts.part_share(p)
        if v is not None and s is not None and s.value > 0:
            out.append((v, s))
    return out


def _forced_rounding(facts: Facts, parts: Sequence[Part | RankItem], bad: list[tuple[Value, Value]],
                     total: Interval) -> bool:
    """The one allowance of the spec: the breakdown's shares add up to exactly 100 and a single
    share is off by one unit in its last place (rounded to make the sum 100). The allowance is
    the breakdown's, not each share's: two shares off prove a slip."""
    if len(bad) != 1:
        return False
    shares = [facts.part_share(p) for p in parts]
    if any(s is None for s in shares) or sum(s.value for s in shares if s is not None) != 100:
        return False
    part, share = bad[0]
    unit = rounding.last_place(share.decimals)
    return rounding.consistent_share(share.iv.widen(unit), part.iv, total)


def _ratio(v: Value, t: Value) -> str:
    return pct(Fraction(v.value) / Fraction(t.value) * 100, 3) if t.value else "?"


def _sum_as_total(facts: Facts, b: Breakdown) -> Value | None:
    """For a breakdown without a stated total whose shares make 100%: the sum of its parts."""
    values = [facts.part_value(p) for p in b.parts]
    shares = [facts.part_share(p) for p in b.parts]
    if len(b.parts) < 2 or any(v is None for v in values) or any(s is None for s in shares):
        return None
    if not rounding.total(s.iv for s in shares if s is not None).contains(100):
        return None
    known = [v for v in values if v is not None]
    iv = rounding.total(v.iv for v in known)
    value = sum((v.value for v in known), Decimal(0))
    return Value(iv, None, None, value, 0)


def _with_total(facts: Facts, b: Breakdown, total: Value | None = None) -> Iterator[Diagnostic]:
    total = total or facts.total_value(b)
    if total is None or total.value <= 0:
        return
    tunit = total.fact.unit if total.fact is not None else b.unit
    pairs = [(v, s) for v, s in _pairs(facts, b.parts)
             if v.fact is None or units_compatible(v.fact.unit, tunit)]
    bad = [(v, s) for v, s in pairs if not rounding.consistent_share(s.iv, v.iv, total.iv)]
    if not bad or _forced_rounding(facts, b.parts, bad, total.iv):
        return
    implied = _common_total(pairs)
    if implied is not None and len(pairs) >= 2 and not implied.intersects(total.iv):
        # The shares agree among themselves on another total.
        if len(bad) < len(pairs):
            return  # some pass only by coarse rounding: the shares measure another whole, not a slip
        est = rounding.fmt((implied.lo + implied.hi) / 2, 0)
        yield diagnostic(RULE, tie_severity(b), total.span or b.span,
                         f"总数{total.text}与各部分占比不符：按占比推算总数约为{est}"
                         f"（如{bad[0][0].text}÷{bad[0][1].text}）",
                         f"the total {rounding.fmt(total.value, 4)} disagrees with every share; "
                         f"the shares imply a total of about {est}",
                         [s.span for _, s in bad] + [v.span for v, _ in bad],
                         [b.id, total.fact.id if total.fact else None], evidence=tie_evidence(b),
                         arithmetic=f"{bad[0][0].text}÷{bad[0][1].text} ≈ {est} ≠ {total.text}")
        return
    for v, s in bad:
        yield diagnostic(RULE, tie_severity(b), s.span or b.span,
                         f"占比{s.text}与{v.text}/{total.text} = {_ratio(v, total)}不符",
                         f"share {rounding.fmt(s.value, 4)}% is not {rounding.fmt(v.value, 4)}/"
                         f"{rounding.fmt(total.value, 4)} = {_ratio(v, total)}",
                         [v.span, total.span],
                         [s.fact.id if s.fact else None, v.fact.id if v.fact else None,
                          total.fact.id if total.fact else None], evidence=tie_evidence(b),
                         arithmetic=f"{v.text}/{total.text} = {_ratio(v, total)} ≠ {s.text}")


def _implied(v: Value, s: Value) -> Interval:
    return (v.iv / s.iv).scale(100)


def _common_total(pairs: list[tuple[Value, Value]]) -> Interval | None:
    common: Interval | None = Interval(Fraction(0), rounding.BIG)
    for v, s in pairs:
        if common is None:
            return None
        common = common.intersection(_implied(v, s))
    return common


def _without_total(facts: Facts, fact: Breakdown | Ranking, parts: Sequence[Part | RankItem]) -> Iterator[Diagnostic]:
    pairs = _pairs(facts, parts)
    if len(pairs) < 3 or _common_total(pairs) is not None:
        return
    units = {v.fact.unit for v, _ in pairs if v.fact is not None}
    if len(units) > 1 and not all(units_compatible(a, b) for a in units for b in units):
        return
    outliers = []
    for i, (v, s) in enumerate(pairs):
        others = _common_total(pairs[:i] + pairs[i + 1:])
        if others is not None and not others.intersects(_implied(v, s)):
            outliers.append((i, others))
    if len(outliers) != 1:
        return  # no single figure to blame: proves nothing about any one share
    i, others = outliers[0]
    v, s = pairs[i]
    est = (others.lo + others.hi) / 2
    if est <= 0:
        return  # the other items imply no positive total: nothing to compare with
    ratio = pct(Fraction(v.value) / est * 100, 1)
    yield diagnostic(RULE, "error", s.span or fact.span,
                     f"占比{s.text}与其他各项不符：其他各项的数值与占比推算总数约为{rounding.fmt(est, 0)}，"
                     f"{v.text}应占约{ratio}",
                     f"share {rounding.fmt(s.value, 4)}% disagrees with the other items, which imply a "
                     f"total of about {rounding.fmt(est, 0)} ({ratio})",
                     [v.span] + [p[1].span for j, p in enumerate(pairs) if j != i],
                     [s.fact.id if s.fact else None, v.fact.id if v.fact else None], evidence="no total: the other items",
                     arithmetic=f"{v.text}/{rounding.fmt(est, 0)} = {ratio} ≠ {s.text}")


def _named_whole(facts: Facts, s: Percent) -> Iterator[Diagnostic]:
    """A share linked to its part and the whole it names (…1126件,占受理总量的5.1%)."""
    part, whole = facts.numeric(s.part_id), facts.numeric(s.total_id)
    if part is None or whole is None or whole.value <= 0 or not units_compatible(part.unit, whole.unit):
        return
    sv, pv, tv = facts.value_of(s), facts.value_of(part), facts.value_of(whole)
    if rounding.consistent_share(sv.iv, pv.iv, tv.iv):
        return
    yield diagnostic(RULE, "error", s.span,
                     f"占比{sv.text}与{pv.text}/{tv.text} = {_ratio(pv, tv)}不符",
                     f"share {rounding.fmt(s.value, 4)}% is not {rounding.fmt(pv.value, 4)}/"
                     f"{rounding.fmt(tv.value, 4)} = {_ratio(pv, tv)}",
                     [pv.span, tv.span], [s.id, part.id, whole.id], evidence="named: the share names its whole",
                     arithmetic=f"{pv.text}/{tv.text} = {_ratio(pv, tv)} ≠ {sv.text}")


def check(facts: Facts) -> Iterator[Diagnostic]:
    for s in facts.of(Percent):
        if s.part_id and s.total_id:
            yield from _named_whole(facts, s)
    for f in facts.of((Breakdown, Ranking)):
        if isinstance(f, Breakdown):
            if facts.total_value(f) is not None:
                yield from _with_total(facts, f)
            elif (whole := _sum_as_total(facts, f)) is not None:
                yield from _with_total(facts, f, whole)
            else:
                yield from _without_total(facts, f, f.parts)
        elif isinstance(f, Ranking):
            yield from _without_total(facts, f, f.items)


RULE = Rule(id="share-of-total", severity="error", summary="a share is not its part divided by the total",
            check=check)
