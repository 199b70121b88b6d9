"""What every rule sees: the facts of one document and helpers to reason about them.

A rule is a module in `checks/rules/` that defines `RULE = Rule(...)`; its
module docstring is its user documentation.  A rule reads a `Facts` and
yields `Diagnostic`s; it never changes a fact.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..context import Context
from ..models import (
    Breakdown,
    Change,
    DateFact,
    Diagnostic,
    Document,
    Fact,
    Part,
    Percent,
    Period,
    Quantity,
    RankItem,
    Severity,
    Span,
)
from ..numbers import rounding
from ..numbers.rounding import Interval
from ..text import lexicon
from ..text.rx import rx

Numeric = Quantity | Percent | Change

# The qualifiers that make a figure an average (日均, 人均…), a quotient and never an exact count.
_AVERAGE_WORDS = frozenset(lexicon.get("average").meanings)

# Measure words for counted things (件, 次, 个…): a total in 个 and parts in 件 are one kind of count.
_COUNT_UNITS = frozenset(lexicon.get("unit").having(group="count"))


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    check: Callable[[Facts], Iterable[Diagnostic]]
    doc: str = ""


@dataclass
class Value:
    """A stated number resolved for checking: its interval and where it stands."""

    iv: Interval
    span: Span | None
    fact: Numeric | None
    value: Decimal
    decimals: int

    @property
    def text(self) -> str:
        if self.span is not None and self.span.text:
            return self.span.text.replace("*", "").replace(" ", "")
        return rounding.fmt(self.value, 4)



@dataclass
class Facts:
    """One document's facts, indexed for the rules."""

    doc: Document
    ctx: Context | None = None
    facts: list[Fact] = field(default_factory=list)
    by_id: dict[str, Fact] = field(default_factory=dict)
    article_of: dict[str, int] = field(default_factory=dict)
    _quantities: list[Quantity] | None = None
    # Per-document memos, keyed by id() of the fact or part (which stays alive in
    # `facts` while this object lives; the object itself is stored and checked):
    # the rules ask for the same values many times, and each costs Fraction work.
    _values: dict[int, tuple[Fact, Value]] = field(default_factory=dict, repr=False)
    _part_values: dict[int, tuple[Any, Value | None]] = field(default_factory=dict, repr=False)
    _part_shares: dict[int, tuple[Any, Value | None]] = field(default_factory=dict, repr=False)
    _total_values: dict[int, tuple[Any, Value | None]] = field(default_factory=dict, repr=False)
    _of: dict[Any, list[Any]] = field(default_factory=dict, repr=False)
    _by_type: dict[type[Any], list[Fact]] | None = field(default=None, repr=False)

    @classmethod
    def build(cls, ctx: Context | None, doc: Document) -> Facts:
        # doc.facts() and the article index in one walk over the articles.
        facts: list[Fact] = []
        article_of: dict[str, int] = {}
        for i, art in enumerate(doc.articles):
            for f in art.facts:
                facts.append(f)
                if f.id:
                    article_of[f.id] = i
        if not facts and ctx is not None:
            facts = list(ctx.facts)
        return cls(doc=doc, ctx=ctx, facts=facts, by_id={f.id: f for f in facts if f.id}, article_of=article_of)

    # ------------------------------------------------------------ structure
    def pos(self, f: Fact) -> tuple[int, int]:
        """The fact's range in the normalised text (its original span when there is none): for order
        and distance only."""
        ns = f.nspan
        return ns if ns != (0, 0) else (f.span.start, f.span.end)

    @staticmethod
    def same_sentence(a: Fact, b: Fact) -> bool:
        """Both facts stand in one sentence (as extraction recorded it; unknown is no)."""
        return a.sentence is not None and b.sentence is not None and a.sentence.start == b.sentence.start

    def same_article(self, a: Fact, b: Fact) -> bool:
        ia, ib = self.article_of.get(a.id), self.article_of.get(b.id)
        return ia is None or ib is None or ia == ib

    # ------------------------------------------------------------ facts
    def of(self, kind: type[Any] | tuple[type[Any], ...]) -> Iterator[Any]:
        """The facts of a kind (or kinds), in document order."""
        # Every rule filters the facts by kind: group them by class once per document
        # (isinstance on pydantic models goes through ABCMeta when it fails).
        found = self._of.get(kind)
        if found is None:
            if self._by_type is None:
                self._by_type = {}
                for f in self.facts:
                    self._by_type.setdefault(type(f), []).append(f)
            classes = [t for t in self._by_type if issubclass(t, kind)]
            if len(classes) <= 1:
                found = self._by_type[classes[0]] if classes else []
            else:
                wanted = set(classes)
                found = [f for f in self.facts if type(f) in wanted]
            self._of[kind] = found
        return iter(found)

    def get(self, fid: str | None) -> Fact | None:
        return self.by_id.get(fid) if fid else None

    def numeric(self, fid: str | None) -> Numeric | None:
        f = self.get(fid)
        return f if isinstance(f, (Quantity, Percent, Change)) else None

    @staticmethod
    def _memo(cache: dict[int, tuple[Any, Value | None]], obj: Any,
              compute: Callable[[Any], Value | None]) -> Value | None:
        """compute(obj) once per document (Values are never changed, so sharing them is safe)."""
        hit = cache.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        out = compute(obj)
        cache[id(obj)] = (obj, out)
        return out

    def value_of(self, f: Numeric) -> Value:
        hit = self._values.get(id(f))
        if hit is not None and hit[0] is f:
            return hit[1]
        v = Value(interval(f), f.span, f, f.value, f.decimals)
        self._values[id(f)] = (f, v)
        return v

    def part_value(self, p: Part | RankItem) -> Value | None:
        return self._memo(self._part_values, p, self._part_value)

    def part_share(self, p: Part | RankItem) -> Value | None:
        return self._memo(self._part_shares, p, self._part_share)

    def total_value(self, b: Breakdown) -> Value | None:
        return self._memo(self._total_values, b, self._total_value)

    def _part_value(self, p: Part | RankItem) -> Value | None:
        f = self.numeric(p.value_id)
        if f is not None and not isinstance(f, Percent):
            return self.value_of(f)
        if p.value is None:
            return None
        return bare_value(p.value, exact_if_integer=True)

    def _part_share(self, p: Part | RankItem) -> Value | None:
        f = self.numeric(p.share_id)
        if f is not None:
            # (a share of the part's own plan, 占年度计划的76%, is never made a part's share)
            return None if isinstance(f, Change) else self.value_of(f)
        if p.share is None:
            return None
        return bare_value(p.share, exact_if_integer=False)

    def _total_value(self, b: Breakdown) -> Value | None:
        f = self.numeric(b.total_id)
        if f is not None and not isinstance(f, (Percent, Change)):
            return self.value_of(f)
        if b.total is None:
            return None
        return bare_value(b.total, exact_if_integer=True)

    def another_total(self, exclude: set[str], exact_sum: Decimal, before: Fact, unit: str | None) -> Numeric | None:
        """A stated figure (not `exclude`) shortly before `before` that equals the parts' exact sum."""
        start = self.pos(before)[0]
        if self._quantities is None:
            self._quantities = sorted(self.of(Quantity), key=lambda q: self.pos(q)[0])
        qs = self._quantities
        lo = bisect.bisect_left(qs, start - 420, key=lambda q: self.pos(q)[0])
        hi = bisect.bisect_right(qs, start, key=lambda q: self.pos(q)[0])
        for f in qs[lo:hi]:
            if f.id in exclude or f.value != exact_sum or not units_compatible(f.unit, unit):
                continue
            if 0 <= start - self.pos(f)[1] <= 400:
                return f
        return None

    # ------------------------------------------------------------ periods
    def period_days(self, f: Fact, *also: Fact) -> list[int]:
        """Candidate lengths in days of the period a figure refers to ([] when unknown)."""
        for g in (f, *also):
            p = self.get(g.period_id)
            if isinstance(p, (Period, DateFact)):
                days = fact_days(p)
                if days:
                    return days
        return []


# ---------------------------------------------------------------- values
def _scale_of(f: Numeric) -> int:
    if f.cell is not None and f.cell.scale != 1:
        return f.cell.scale  # a table cell under 单位:亿元: the scale is declared, not written
    return rounding.multiplier(f.span.text) if f.span.text else 1


def interval(f: Numeric) -> Interval:
    """The interval a numeric fact stands for (plain integer counts are exact)."""
    scale = _scale_of(f)
    # An average (日均2117次, 239起/天) is a rounded quotient, never an exact count.
    averaged = isinstance(f, Quantity) and (f.per is not None or f.average_of is not None
                                            or f.qualifier in _AVERAGE_WORDS)
    exact = isinstance(f, Quantity) and f.decimals == 0 and scale == 1 and f.unit != "%" and not averaged
    iv = rounding.stated(f.value, f.decimals, f.approx, scale=scale, exact=exact)
    if f.value_high is not None:  # a range 3至5件: anything between
        hi = rounding.stated(f.value_high, f.decimals, None, scale=scale, exact=exact)
        iv = Interval(iv.lo, max(iv.hi, hi.hi))
    return iv


def bare_value(v: Decimal, *, exact_if_integer: bool) -> Value:
    exp = v.as_tuple().exponent
    d = max(0, -exp) if isinstance(exp, int) else 0
    exact = exact_if_integer and d == 0
    return Value(rounding.stated(v, d, None, exact=exact), None, None, v, d)


# Ties of a breakdown's total that rest on arithmetic alone and only nearly (parts that nearly add
# up to a figure close by): a finding over them is likely, not proven.
_LIKELY_TIES = frozenset({"near"})


def tie_severity(b: Breakdown) -> Severity:
    """How sure a finding about a breakdown's total can be: proven (error) where the words tie the
    total to its parts (其中, 共…, 按…分, a heading, a table's 合计 row) or the arithmetic does
    (they add up, their shares fit); likely (warning) where only a near sum ties them."""
    return "warning" if b.total_link in _LIKELY_TIES else "error"


def tie_evidence(b: Breakdown) -> str | None:
    """What tied a breakdown's total to its parts, as a diagnostic shows it: the kind of tie and the
    words that make it (cue: 其中; stated: 共受理; sum; near)."""
    if b.total_link is None:
        return None
    return f"{b.total_link}: {b.evidence}" if b.evidence else b.total_link


def units_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return a in _COUNT_UNITS and b in _COUNT_UNITS


# ---------------------------------------------------------------- dates
def fact_days(p: Period | DateFact) -> list[int]:
    """Day counts for a period; both lengths when February is in it and the year is not written."""
    days: list[int] = []
    if isinstance(p, Period) and p.days:
        days = [p.days]
    elif p.start and p.end and p.end >= p.start:
        days = [(p.end - p.start).days + 1]
    else:
        days = _days_from_value(p.value)
    if not days or p.start is None or p.end is None:
        return days
    year_written = str(p.start.year) in (p.span.text or "")  # 2023年上半年, not 今年上半年
    if not year_written and _covers_february(p.start, p.end):
        leap_shift = 1 if calendar.isleap(p.start.year) else -1
        days = sorted({days[0], days[0] - leap_shift})
    return days


def _covers_february(start: dt.date, end: dt.date) -> bool:
    d = start
    while d <= end:
        if d.month == 2:
            return True
        d = (d.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return False


def _days_from_value(value: str) -> list[int]:
    """Lengths from an ISO-like value: 2023-07, --07, 2023-Q1, 2023-H1, 2024-W28."""
    m = rx(r"(\d{4})?-{0,2}(\d{2})").fullmatch(value)
    if m:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return []
        if m.group(1):
            return [calendar.monthrange(int(m.group(1)), month)[1]]
        return [28, 29] if month == 2 else [calendar.monthrange(2023, month)[1]]
    m = rx(r"(\d{4})?-?Q([1-4])").fullmatch(value)
    if m:
        q = int(m.group(2))
        base = [90, 91, 92, 92][q - 1]
        if q == 1:
            return [91] if m.group(1) and calendar.isleap(int(m.group(1))) else ([90] if m.group(1) else [90, 91])
        return [base]
    m = rx(r"(\d{4})?-?H([12])").fullmatch(value)
    if m:
        if m.group(2) == "2":
            return [184]
        if m.group(1):
            return [182 if calendar.isleap(int(m.group(1))) else 181]
        return [181, 182]
    if rx(r"(\d{4})?-?W\d{1,2}").fullmatch(value):
        return [7]
    return []


# ---------------------------------------------------------------- diagnostics
def diagnostic(
    rule: Rule | str,
    severity: Severity,
    span: Span,
    message: str,
    message_en: str,
    related: Iterable[Span | None] = (),
    fact_ids: Iterable[str | None] = (),
    *,
    evidence: str | None = None,
    arithmetic: str | None = None,
) -> Diagnostic:
    rid = rule.id if isinstance(rule, Rule) else rule
    rel = [s for s in related if s is not None and s != span]
    seen: set[tuple[int, int]] = set()
    uniq = []
    for s in rel:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            uniq.append(s)
    return Diagnostic(
        rule=rid,
        severity=severity,
        message=message,
        message_en=message_en,
        span=span,
        related=uniq,
        fact_ids=[i for i in fact_ids if i],
        evidence=evidence,
        arithmetic=arithmetic,
    )


def pct(x: Fraction, digits: int = 2) -> str:
    return rounding.fmt(x, digits) + "%"


def basis_kind(b: str) -> str:
    """环比 is against the period before (较上月, 比上周); 同比 against the same period a year before."""
    for t in lexicon.scan(b):
        meaning = lexicon.meaning("basis_word", t.text) or lexicon.meaning("prior_period", t.text)
        if meaning.get("start") or meaning.get("end"):
            return b  # 比年初, 较上年末: a point in time, not a period like this one
        if meaning.get("same") or meaning.get("period") == "year":
            return "year"
        if meaning:
            return "previous"
    return b
