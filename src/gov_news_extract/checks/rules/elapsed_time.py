"""elapsed-time: a stated duration must match the clock times around it.

What it checks
    A duration in minutes, hours or seconds (4分钟, 1个半小时 as written with
    digits) that follows two clock times (当时是9时26分 … 结束时间是9时30分,
    前后4分钟) must equal the time between them, allowing for the minute
    precision of the clock times and the rounding of the duration.  Clock
    times written as approximate (9时许, 左右) are not used; the later time must
    stand in the duration's sentence or the one before, the earlier one within
    a few sentences (the first of the scene when the duration runs 从…到…:
    从接警到封堵用时26分钟).  The two ends of one stated range (9:00至21:00)
    are held against a duration of their own sentence only.  A duration that
    fits the scene's first time instead of the one just before it (救援历时
    55分钟 from the call) passes; 2小时15分钟 is one duration.

Why it matters
    A report that says something took 4 minutes between 9:26 and 9:34 has a
    wrong time or a wrong duration; the duration is usually the point of the
    story.

Failing example
    当时是9时26分……结束时间是9时34分,前前后后也就4分钟。

Passing example
    当时是9时26分……结束时间是9时30分,前前后后也就4分钟。
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

from ...models import Diagnostic, Quantity, TimeFact
from ...numbers import rounding
from ...numbers.rounding import Interval
from ...text import lexicon
from ..base import Facts, Rule, diagnostic

_WINDOW = 400  # characters: the times of one scene


def _minutes(unit: str | None) -> Fraction | None:
    """Minutes in one of the unit (小时 → 60), from the unit's meaning in the lexicon."""
    m = lexicon.meaning("unit", unit or "").get("minutes")
    return Fraction(str(m)).limit_denominator(60) if m else None


def _clock(t: TimeFact) -> tuple[Fraction, Fraction] | None:
    """Minutes after midnight and the precision of the written time (None for an approximate one)."""
    if t.approx:
        return None
    parts = t.value.strip().lstrip("T").split(":")
    if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts):
        return None
    h, mi = int(parts[0]), int(parts[1])
    if len(parts) == 3:
        return Fraction(h * 60 + mi) + Fraction(int(parts[2]), 60), Fraction(1, 60)
    return Fraction(h * 60 + mi), Fraction(1)


def check(facts: Facts) -> Iterator[Diagnostic]:
    times = [t for t in facts.of(TimeFact)]
    if len(times) < 2:
        return
    durations = [q for q in facts.of(Quantity) if _minutes(q.unit) and q.value_high is None]
    ends = {facts.pos(q)[1]: q for q in durations}
    for q in durations:
        per = _minutes(q.unit) or Fraction(1)
        if facts.pos(q)[0] in ends:
            continue  # the 15分钟 of 2小时15分钟: checked with the hours before it
        qs = facts.pos(q)[0]
        near = [t for t in times if 0 <= qs - facts.pos(t)[1] <= _WINDOW and facts.same_article(t, q)]
        if len(near) < 2:
            continue
        t1, t2 = near[-2], near[-1]
        if not (facts.same_sentence(t2, q) or _next_sentence(t2, q)):
            continue
        if t1.in_range and t2.in_range and not facts.same_sentence(t2, q):
            # 9:00至21:00人工接电…。…网站24小时受理: the ends of a stated range are a window of hours;
            # only a duration of the range's own sentence gives its length
            continue
        if q.from_first:
            # 从接警到封堵用时26分钟: measured from the scene's first time, not the one before the last
            # (times written to the minute, not the ends of a stated range: 夜间(20时至次日6时))
            scene = [t for t in near if t.minutes and not t.in_range]
            t1 = scene[0] if len(scene) >= 2 and scene[-1] is t2 else t1
        c1, c2 = _clock(t1), _clock(t2)
        if c1 is None or c2 is None or c2[0] <= c1[0]:
            continue
        prec = max(c1[1], c2[1])
        diff = c2[0] - c1[0]
        elapsed = Interval(max(Fraction(0), diff - prec), diff + prec)
        stated = facts.value_of(q).iv.scale(per)
        nxt = _after_part(facts, q, durations)
        if nxt is not None:  # 2小时15分钟: one duration
            more = facts.value_of(nxt).iv.scale(_minutes(nxt.unit) or Fraction(1))
            stated = Interval(stated.lo + more.lo, stated.hi + more.hi, stated.hi_open or more.hi_open)
        if stated.intersects(elapsed):
            continue
        if not q.from_first and len(near) >= 3 and _fits_from(near[0], t2, stated):
            continue  # 救援历时55分钟 from the first call (9时10分), not from the time just before
        text = q.span.text.replace("*", "")
        yield diagnostic(RULE, "warning", q.span,
                         f"{text}与时间{t1.span.text}至{t2.span.text}（相隔{rounding.fmt(diff)}分钟）不符",
                         f"the duration {text} disagrees with {t1.value}–{t2.value} "
                         f"({rounding.fmt(diff)} minutes apart)",
                         [t1.span, t2.span], [q.id, t1.id, t2.id],
                         arithmetic=f"{t2.value} − {t1.value} = {rounding.fmt(diff)} min ≠ {text}")


def _after_part(facts: Facts, q: Quantity, durations: list[Quantity]) -> Quantity | None:
    """The smaller unit written right after q (2小时 then 15分钟)."""
    e = facts.pos(q)[1]
    for d in durations:
        if facts.pos(d)[0] == e and (_minutes(d.unit) or 0) < (_minutes(q.unit) or 0):
            return d
    return None


def _fits_from(t1: TimeFact, t2: TimeFact, stated: Interval) -> bool:
    c1, c2 = _clock(t1), _clock(t2)
    if c1 is None or c2 is None or c2[0] <= c1[0]:
        return False
    prec = max(c1[1], c2[1])
    diff = c2[0] - c1[0]
    return stated.intersects(Interval(max(Fraction(0), diff - prec), diff + prec))


def _next_sentence(a: TimeFact, b: Quantity) -> bool:
    """b's sentence follows a's, on the same line or the next (no blank line between)."""
    if a.sentence is None or b.sentence is None:
        return False
    return 0 <= b.sentence.start - a.sentence.end <= 1


RULE = Rule(id="elapsed-time", severity="warning", summary="a duration disagrees with the clock times around it",
            check=check)
