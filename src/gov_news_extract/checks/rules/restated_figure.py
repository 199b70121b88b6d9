"""restated-figure: one metric for one period must have one value.

What it checks
    The same figure stated twice (an infographic or headline and the body, a
    table and the text, a summary and its section) must agree.  Two mentions
    are the same metric only when they have the same label, unit, kind,
    qualifier (日均, 峰值, 累计 …), direction and basis for changes, and period,
    stand in the same article, and are not in the same sentence.  Labels that
    several different values share (a table column, a generic word) are left
    alone.  Approximate figures are compared with their intervals.  Two
    mentions in body text count only when their values differ as a slip does
    (one digit wrong, two swapped, or within 10%): 转办工单111523件 overall and
    转办工单1539件 for one topic are two scopes, not one figure restated; a
    headline, infographic or table line against the body counts whatever the
    values.

Why it matters
    A reader who meets 383257次 in the headline and 383287次 in the body
    cannot know which one is true.

Failing example
    来电383257次 … 今年上半年,平台共接到群众来电383287次。

Passing example
    来电383257次 … 今年上半年,平台共接到群众来电383257次。
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from ...models import Change, DateFact, Diagnostic, Percent, Period, Quantity
from ...numbers import rounding
from ...text.rx import rx
from ..base import Facts, Numeric, Rule, diagnostic

# Labels too generic to identify a metric on their own.
_GENERIC = regex.compile(r"此类|该类|这类|上述|其中|同类|^(总量|总数|数量|合计|共计|其中|其他|其它|同比|环比|比上年|全年|全市|全省|本周|上周|本月|上月)$")


# Who or where a figure is counted for, when a page says it once and drops it later:
# 群众来电 and 来电 are one metric.
_LEAD = regex.compile(r"^(群众|市民|居民|全市|全区|全县|全省|本市|各类|共计|共|总计|合计)")
_BASIS_FIGURE = regex.compile(r"(?:较|比)[^,，。;；]{1,8}的$|(?:上周|上月|上年同期|去年同期)(?:为|是)?$")
_CATEGORY_TAIL = regex.compile(r"类(?:诉求|问题|来电|工单|事项|案件|办件)$")
# 共/合计 say "in total"; they do not make another metric.
_TOTAL_WORDS = {"共", "共计", "合计", "总计", "总共"}


def _label(f: Numeric) -> str:
    label = rx(r"[\s*()（）“”\"]").sub("", f.label or "")
    label = rx(r"(?<=\p{Han}{2})的(?=\p{Han}{2})").sub("", label)  # 防汛排涝的诉求 is 防汛排涝诉求
    while (m := _LEAD.match(label)) and len(label) - m.end() >= 2:
        label = label[m.end():]
    # 紧急类诉求 and 紧急类 are one category (the generic head is dropped where labels are made).
    return _CATEGORY_TAIL.sub("类", label)


# The action a count is of, read in its clause just before it.
_ACTION = regex.compile(r"(受理|办理|办结|接到|接听|接收|收到|转办|转派|交办|派单|回访|答复|处理|完成|查处|破获|抓获|登记|签约)"
                        r"[^,;。:]{0,24}$")  # 分别办结6400件、[6488件]: over the list's other figures


def _verb(facts: Facts, f: Numeric) -> str:
    clause = rx(r"[^,;。:\n]*$").search(facts.before(f, 30))
    m = _ACTION.search(clause.group()) if clause else None
    return m.group(1) if m else ""


def _brand(facts: Facts, f: Numeric) -> str:
    """A name in quotes right before the figure's label (“爱山东”APP注册用户), which the label drops."""
    if not facts.text:
        return ""
    before = facts.before(f, 40)
    m = rx(r"“([^”]{1,12})”[^“”,;。:\d]{0,16}$").search(before)
    return m.group(1) if m else ""


def _period_key(facts: Facts, f: Numeric) -> str | None:
    p = facts.get(f.period_id)
    if isinstance(p, (Period, DateFact)) and rx(r"[\d.-]").match(p.value):
        return p.value
    return None  # none, or a relative word left unresolved (本月): it does not tell two periods apart


def _display(facts: Facts, f: Numeric) -> bool:
    """A headline, infographic or table line: no sentence punctuation around the figure."""
    text = facts.text
    if not text:
        return False
    s, e = facts.pos(f)
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", e)
    line = text[a:b if b >= 0 else len(text)]
    return "|" in line or not rx(r"[，,。；;、：:]").search(line)


def _typo_like(a: Numeric, b: Numeric) -> bool:
    """Values that differ as a slip does: three digits or more, one digit wrong, two swapped, or within 10%."""
    da, db = rx(r"\D").sub("", str(a.value)), rx(r"\D").sub("", str(b.value))
    if len(da) != len(db) or len(da) < 3:
        return False
    if abs(a.value - b.value) * 10 <= max(a.value, b.value):
        return True
    diff = [i for i, (x, y) in enumerate(zip(da, db, strict=True)) if x != y]
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]
    return len(diff) == 1 or swapped


def _key(facts: Facts, f: Numeric, labels: dict[str, str | None]) -> tuple[str, ...] | None:
    """The metric a figure measures; `labels` memoises the label's cleaning within a document."""
    if f.unit is None or f.value_high is not None or not f.label:
        return None  # the cheap tests first: most figures stop here
    if _BASIS_FIGURE.search(facts.before(f, 10)):
        return None  # 较10月份的22908件: the figure of the period compared with, not this one
    if f.cell is not None and f.cell.period == "prior":
        return None  # a table's 上年同期 column: the same, as a column
    if f.label in labels:
        label = labels[f.label]
    else:
        label = labels[f.label] = _metric_label(f)
    if label is None:
        return None
    extra: tuple[str, ...] = ()
    if isinstance(f, Change):
        extra = (f.direction, f.basis or "")
    qualifier = "" if f.qualifier in _TOTAL_WORDS else (f.qualifier or "")
    return (f.kind, label, f.unit, qualifier, *extra)


def _metric_label(f: Numeric) -> str | None:
    """The cleaned label when it can name a metric (None when too short or generic)."""
    label = _label(f)
    return None if len(label) < 2 or _GENERIC.match(label) else label


def check(facts: Facts) -> Iterator[Diagnostic]:
    groups: dict[tuple[str, ...], list[Numeric]] = defaultdict(list)
    labels: dict[str, str | None] = {}
    for f in facts.of((Quantity, Percent, Change)):
        k = _key(facts, f, labels)
        if k is not None:
            groups[k].append(f)
    for members in groups.values():
        if len(members) < 2:
            continue
        distinct = {m.value for m in members}
        if len(distinct) < 2 or len(distinct) > 2 or len(members) > 4:
            continue  # one value: fine; three or more values: a generic label, not one metric
        first = members[0]
        for other in members[1:]:
            if other.value == first.value or not facts.same_article(first, other):
                continue
            if facts.same_sentence(first, other):
                continue
            pa, pb = _period_key(facts, first), _period_key(facts, other)
            if pa is not None and pb is not None and pa != pb:
                continue
            if facts.value_of(first).iv.intersects(facts.value_of(other).iv):
                continue
            va, vb = _verb(facts, first), _verb(facts, other)
            if va and vb and va != vb:
                continue  # 市直部门共受理… / 市直部门共办理…: one name, two actions, two metrics
            ba, bb = _brand(facts, first), _brand(facts, other)
            if ba and bb and ba != bb:
                continue  # “爱山东”APP… / “泉城办”APP…: the label leaves out the names in quotes
            if _display(facts, first) or _display(facts, other):
                # A headline figure already restated in the body is accounted for: a third,
                # different body figure then measures another scope.
                shown = first if _display(facts, first) else other
                if any(m.value == shown.value and m is not shown and not _display(facts, m) for m in members):
                    continue
            elif first.kind != "quantity" or not _typo_like(first, other):
                continue  # two body mentions far apart in value: more likely two scopes than one slip
            unit = "%" if first.kind != "quantity" else (first.unit or "")
            a = rounding.fmt(first.value, 4) + unit
            b = rounding.fmt(other.value, 4) + unit
            yield diagnostic(RULE, "warning", other.span,
                             f"{_label(first)}前文为{a}，此处为{b}，同一指标前后不一致",
                             f"{_label(first)} is given as {a} earlier and {b} here", [first.span],
                             [other.id, first.id])


RULE = Rule(id="restated-figure", severity="warning", summary="the same figure given two different values",
            check=check)
