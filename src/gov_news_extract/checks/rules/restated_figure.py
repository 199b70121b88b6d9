"""restated-figure: one metric for one period must have one value.

What it checks
    The same figure stated twice (an infographic or headline and the body, a
    table and the text, a summary and its section) must agree.  Two mentions
    are the same metric only when extraction names the same metric for them
    (the label less who, where, when and the intake: 群众来电 and 来电 are one),
    with the same unit, kind, qualifier (日均, 峰值, 累计 …), direction and basis
    for changes, doing (受理 and 办理 are two) and period, in the same article,
    not in the same sentence; a figure given as the basis of a change (上周…) is
    another period's.  Metrics that several different values share (a table
    column, a generic word) are left alone.  Approximate figures are compared with their intervals.  Two
    mentions in body text count only when their values differ as a slip does
    (one digit wrong, two swapped, or within 10% with at most three digits
    changed): 转办工单111523件 overall and 转办工单1539件 for one topic, or
    1620949件 for a province and 1549926件 for its cities, are two scopes, not
    one figure restated; two
    changes in body text count when both periods are stated and both are
    named in full against one basis, right before them or, for a rate against
    a year before, earlier in their sentence (固定资产投资增长3.6% in the
    overview, 全市固定资产投资同比增长4.1% in its section; a growth rate that
    states no basis is against the same period a year before), unless each is
    the rate of a figure of its own and those figures differ; a headline or
    infographic line against the body counts whatever the values.  Two columns
    of one table row, or two rows of one column, are never one figure.  A
    table's cell named again in the text by its row and column (145.76 under
    得分 in row 灌云县; 灌云县考评得分为145.76分) must agree with it when the
    two differ as a slip does.

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

from ...models import Change, DateFact, Diagnostic, Percent, Period, Quantity
from ...numbers import rounding
from ...text import lexicon
from ..base import Facts, Numeric, Rule, basis_kind, diagnostic, units_compatible

# 共/合计 say "in total": as a qualifier they make no other metric.
_TOTAL_WORDS = frozenset(lexicon.get("total").meanings)


def _period_key(facts: Facts, f: Numeric) -> str | None:
    p = facts.get(f.period_id)
    if isinstance(p, (Period, DateFact)) and p.value[:1] in "0123456789.-":  # an ISO-like value, resolved
        return p.value
    return None  # none, or a relative word left unresolved (本月): it does not tell two periods apart


def _digits(v: object) -> str:
    return "".join(ch for ch in str(v) if ch.isdigit())


def _typo_like(a: Numeric, b: Numeric) -> bool:
    """Values that differ as a slip does: three digits or more, one digit wrong, two swapped, or within
    10% with at most three digits changed."""
    da, db = _digits(a.value), _digits(b.value)
    if len(da) != len(db) or len(da) < 3:
        return False
    diff = [i for i, (x, y) in enumerate(zip(da, db, strict=True)) if x != y]
    if abs(a.value - b.value) * 10 <= max(a.value, b.value) and len(diff) <= 3:
        # (not two counts of seven digits that differ all through: 1620949 for the province and
        # 1549926 for its cities are two scopes, whatever their closeness)
        return True
    swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and da[diff[0]] == db[diff[1]] and da[diff[1]] == db[diff[0]]
    return len(diff) == 1 or swapped


def _named_alike(a: Numeric, b: Numeric) -> bool:
    """Two changes named in full in their own sentences, by one name of four characters or more,
    against one basis: 固定资产投资增长3.6% (the overview, 同比 carried from its first clause) and
    全市固定资产投资同比增长4.1% (the section); 社会消费品零售总额增长4.1% and 社会消费品零售总额实现
    303.1亿元,增长3.7% (the change of the figure named in its clause)."""
    return bool(isinstance(a, Change) and isinstance(b, Change) and (a.basis or b.basis)
                and _basis_key(a) == _basis_key(b)
                and a.label == b.label == a.metric and len(a.metric or "") >= 4
                and all(_named_in_sentence(f) for f in (a, b)))


def _named_in_sentence(f: Change) -> bool:
    """Named right before the change; a growth rate against a year before (%) may be named earlier in
    its sentence, by the figure it changes (社会消费品零售总额实现303.1亿元,增长3.7%)."""
    ls, sent = f.label_span, f.sentence
    if ls is None or ls.end > f.span.start:
        return False
    if ls.end == f.span.start:
        return True
    return f.unit == "%" and _basis_key(f) == "year" and (sent is None or sent.start <= ls.start)


def _figure_of(facts: Facts, c: Numeric) -> Quantity | None:
    """The figure a change is of: the last one of its name before it, in its sentence."""
    if c.sentence is None:
        return None
    found = [q for q in facts.of(Quantity) if q.label == c.label and q.sentence == c.sentence
             and q.span.end <= c.span.start]
    return found[-1] if found else None


def _basis_key(c: Change) -> str:
    """What a change is measured against: 同比 and 比上年同期 are one basis; a growth rate that states
    none in the text (规上工业增加值增长3.7%) is against the same period a year before, as a report writes it."""
    if not c.basis:
        # (a table's cell says its basis in its header, or not at all)
        return "year" if c.unit == "%" and c.cell is None else ""
    kind = basis_kind(c.basis)
    return kind if kind in ("year", "previous") else c.basis


def _key(f: Numeric) -> tuple[str, ...] | None:
    """The metric a figure measures, as extraction names it, with what else tells two metrics apart."""
    if f.unit is None or f.value_high is not None or not f.metric:
        return None
    if isinstance(f, Quantity) and f.basis:
        return None  # 较10月份的22908件: the figure of the period compared with, not this one
    if f.cell is not None and f.cell.period == "prior":
        return None  # a table's 上年同期 column: the same, as a column
    extra: tuple[str, ...] = ()
    if isinstance(f, Change):
        extra = (f.direction, _basis_key(f))
    qualifier = "" if f.qualifier in _TOTAL_WORDS else (f.qualifier or "")
    return (f.kind, f.metric, f.unit, qualifier, *extra)


def check(facts: Facts) -> Iterator[Diagnostic]:
    yield from _cells_restated(facts)
    groups: dict[tuple[str, ...], list[Numeric]] = defaultdict(list)
    for f in facts.of((Quantity, Percent, Change)):
        k = _key(f)
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
            if first.cell is not None and other.cell is not None and first.cell.table == other.cell.table \
                    and (first.cell.row == other.cell.row or first.cell.column == other.cell.column):
                # two columns of one row (本月, 1-本月) are two measures, however they are headed; two
                # rows of one column are two things
                continue
            pa, pb = _period_key(facts, first), _period_key(facts, other)
            if pa is not None and pb is not None and pa != pb:
                continue
            if facts.value_of(first).iv.intersects(facts.value_of(other).iv):
                continue
            if first.doing and other.doing and first.doing != other.doing:
                continue  # 市直部门共受理… / 市直部门共办理…: one name, two doings, two metrics
            if first.display or other.display:
                # A headline figure already restated in the body is accounted for: a third,
                # different body figure then measures another scope.
                shown = first if first.display else other
                if any(m.value == shown.value and m is not shown and not m.display for m in members):
                    continue
            elif first.kind != "quantity":
                if pa is None or pb is None or not _named_alike(first, other):
                    continue  # a rate twice in the body is one figure restated only for one stated period
                qa, qb = _figure_of(facts, first), _figure_of(facts, other)
                if qa is not None and qb is not None and qa.value != qb.value and not _typo_like(qa, qb):
                    continue  # 县属企业完成1094.2万吨,下降17.1% / 县属企业完成711.1万吨,下降25.2%: two figures, two rates
            elif not _typo_like(first, other):
                continue  # two body mentions far apart in value: more likely two scopes than one slip
            unit = "%" if first.kind != "quantity" else (first.unit or "")
            a = rounding.fmt(first.value, 4) + unit
            b = rounding.fmt(other.value, 4) + unit
            name = first.label or first.metric
            yield diagnostic(RULE, "warning", other.span,
                             f"{name}前文为{a}，此处为{b}，同一指标前后不一致",
                             f"{name} is given as {a} earlier and {b} here", [first.span],
                             [other.id, first.id], evidence=f"metric: {first.metric}", arithmetic=f"{a} ≠ {b}")


def _cells_restated(facts: Facts) -> Iterator[Diagnostic]:
    """A figure of a table's cell stated again in the text, named by the cell's row and column
    (the cell 145.76 in row 灌云县 under 得分; 灌云县考评得分为145.76分): the two must agree. Only a slip's
    difference counts (see _typo_like), and only for the same period."""
    quantities = list(facts.of(Quantity))
    prose = [q for q in quantities if q.cell is None and q.label and not q.basis and q.value_high is None]
    for c in quantities:
        cell = c.cell
        if cell is None or cell.period == "prior" or not cell.row_header or not cell.column_header:
            continue
        row = _bare_name(cell.row_header)
        col = _bare_name(cell.column_header.split("/")[-1])
        if len(row) < 2 or len(col) < 2:
            continue
        for q in prose:
            label = q.label or ""
            # (named by row and column, or by the row alone in a list the clause names once:
            # 灌云县考评得分为145.76分,赣榆区145.35分)
            if not (label == row or (row in label and label.endswith(col))) or not units_compatible(q.unit, c.unit):
                continue
            if q.value == c.value or not facts.same_article(q, c) or not _typo_like(q, c):
                continue
            pa, pb = _period_key(facts, c), _period_key(facts, q)
            if pa is not None and pb is not None and pa != pb:
                continue
            a, b = rounding.fmt(c.value, 4), rounding.fmt(q.value, 4)
            yield diagnostic(RULE, "warning", q.span,
                             f"{row}{col}表中为{a}，正文为{b}，同一指标前后不一致",
                             f"{row} {col} is {a} in the table and {b} in the text", [c.span],
                             [q.id, c.id], evidence=f"table cell: {row} / {col}", arithmetic=f"{a} ≠ {b}")


def _bare_name(header: str) -> str:
    """A header or row name less its bracketed unit and spaces: 得分(分) → 得分."""
    return "".join(ch for ch in header.split("(")[0].split("（")[0] if not ch.isspace())


RULE = Rule(id="restated-figure", severity="warning", summary="the same figure given two different values",
            check=check)
