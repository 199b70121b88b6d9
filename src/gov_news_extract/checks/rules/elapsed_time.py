"""elapsed-time: a stated duration must match the clock times around it.

What it checks
    A duration in minutes, hours or seconds (4分钟, 1个半小时 as written with
    digits) that follows two clock times (当时是9时26分 … 结束时间是9时30分,
    前后4分钟) must equal the time between them, allowing for the minute
    precision of the clock times and the rounding of the duration.  Clock
    times written as approximate (9时许, 左右) are not used; the later time must
    stand in the duration's sentence or the one before, the earlier one within
    a few sentences (the first of the scene when the duration runs 从…到…:
    从接警到封堵用时26分钟).  A duration that fits the scene's first time
    instead of the one just before it (救援历时55分钟 from the call) passes;
    2小时15分钟 is one duration.

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
from ...text.rx import rx
from ..base import Facts, Rule, diagnostic

_MINUTES = {"分钟": Fraction(1), "分": Fraction(1), "小时": Fraction(60), "个小时": Fraction(60),
            "钟头": Fraction(60), "个钟头": Fraction(60), "秒": Fraction(1, 60), "秒钟": Fraction(1, 60)}
_WINDOW = 400  # characters: the times of one scene
_FROM_START = rx(r"从[^,，。;；]{1,12}(?:到|至)[^,，。;；]{1,12}(?:共|仅|只)?(?:用时|历时|耗时|用了|仅用|共用)?$")


def _clock(t: TimeFact) -> tuple[Fraction, Fraction] | None:
    """Minutes after midnight and the precision of the written time."""
    if t.approx or rx(r"许|左右|前后|多|约").search(t.span.text or ""):
        return None
    m = rx(r"T?(\d{1,2}):(\d{2})(?::(\d{2}))?").fullmatch(t.value.strip())
    if not m:
        return None
    h, mi = int(m.group(1)), int(m.group(2))
    if m.group(3):
        return Fraction(h * 60 + mi) + Fraction(int(m.group(3)), 60), Fraction(1, 60)
    return Fraction(h * 60 + mi), Fraction(1)


def check(facts: Facts) -> Iterator[Diagnostic]:
    times = [t for t in facts.of(TimeFact)]
    if len(times) < 2:
        return
    durations = [q for q in facts.of(Quantity) if q.unit in _MINUTES and q.value_high is None]
    ends = {facts.pos(q)[1]: q for q in durations}
    for q in durations:
        per = _MINUTES[q.unit or ""]
        if facts.pos(q)[0] in ends:
            continue  # the 15分钟 of 2小时15分钟: checked with the hours before it
        qs = facts.pos(q)[0]
        near = [t for t in times if 0 <= qs - facts.pos(t)[1] <= _WINDOW and facts.same_article(t, q)]
        if len(near) < 2:
            continue
        t1, t2 = near[-2], near[-1]
        if not (facts.same_sentence(t2, q) or _one_sentence_apart(facts, t2, q)):
            continue
        from_start = bool(_FROM_START.search(facts.before(q, 24)))
        if from_start:
            # 从接警到封堵用时26分钟: measured from the scene's first time, not the one before the last
            # (times written to the minute, not the ends of a stated range: 夜间(20时至次日6时))
            scene = [t for t in near if rx(r"分|:").search(t.span.text or "")
                     and not rx(r"^[至到—~-]").match(facts.after(t, 2))]
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
            stated = Interval(stated.lo + facts.value_of(nxt).iv.scale(_MINUTES[nxt.unit or ""]).lo,
                              stated.hi + facts.value_of(nxt).iv.scale(_MINUTES[nxt.unit or ""]).hi)
        if stated.intersects(elapsed):
            continue
        if not from_start and len(near) >= 3 and _fits_from(near[0], t2, stated):
            continue  # 救援历时55分钟 from the first call (9时10分), not from the time just before
        text = q.span.text.replace("*", "")
        yield diagnostic(RULE, "warning", q.span,
                         f"{text}与时间{t1.span.text}至{t2.span.text}（相隔{rounding.fmt(diff)}分钟）不符",
                         f"the duration {text} disagrees with {t1.value}–{t2.value} "
                         f"({rounding.fmt(diff)} minutes apart)",
                         [t1.span, t2.span], [q.id, t1.id, t2.id])


def _after_part(facts: Facts, q: Quantity, durations: list[Quantity]) -> Quantity | None:
    """The smaller unit written right after q (2小时 then 15分钟)."""
    e = facts.pos(q)[1]
    for d in durations:
        if facts.pos(d)[0] == e and _MINUTES[d.unit or ""] < _MINUTES[q.unit or ""]:
            return d
    return None


def _fits_from(t1: TimeFact, t2: TimeFact, stated: Interval) -> bool:
    c1, c2 = _clock(t1), _clock(t2)
    if c1 is None or c2 is None or c2[0] <= c1[0]:
        return False
    prec = max(c1[1], c2[1])
    diff = c2[0] - c1[0]
    return stated.intersects(Interval(max(Fraction(0), diff - prec), diff + prec))


def _one_sentence_apart(facts: Facts, a: TimeFact, b: Quantity) -> bool:
    gap = facts.between(a, b)
    return len(rx(r"[。；;！!？?]").findall(gap)) <= 1 and "\n\n" not in gap


RULE = Rule(id="elapsed-time", severity="warning", summary="a duration disagrees with the clock times around it",
            check=check)
