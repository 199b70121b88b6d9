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
from functools import cached_property
from typing import Any

import regex

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
from ..text.rx import rx

Numeric = Quantity | Percent | Change

# Measure words for counted things: a total in 个 and parts in 件 are one kind of count.
COUNT_UNITS = frozenset("件 次 个 起 宗 条 例 单 项 家 户 人 人次 个次 通 批 份 名 位 处 所 座 台 辆 张 封 篇".split())
# A share introduced as 占年度计划的…, 占目标的… is measured against the part's own
# basis, not against the breakdown's total.
_OWN_BASIS = regex.compile(r"(计划|目标|任务|预算|上年|去年|同期|上月|上周|全年任务|进度)")
_SHARE_LEAD = regex.compile(r"占([^，,。；;、占]{0,12}?)(?:的)?(?:比重|比例|比)?(?:为|达|达到|是)?$")
_APPROX_BEFORE = regex.compile(rf"({'|'.join(rounding.WORDS_BEFORE)})(?:了|达)?$")
_APPROX_AFTER = regex.compile(rf"(?:[(（][^()（）]{{0,20}}[)）])?({'|'.join(rounding.WORDS_AFTER)})")
# The characters those two patterns can end with / start with: most figures have neither
# next to them, and a set test is cheaper than the regexes.
_APPROX_BEFORE_LAST = frozenset(w[-1] for w in rounding.WORDS_BEFORE) | {"了", "达", "\n"}  # $ matches before a final \n
_APPROX_AFTER_FIRST = frozenset(w[0] for w in rounding.WORDS_AFTER) | {"(", "（"}
# Words that introduce a list of parts: 其中, 分别为, 按类型分析, 分行业来看, 从来源看, 诉求分类.
_PARTS_CUE = regex.compile(r"其中|分别|包括|按[^，,。；;]{0,10}(分|看|统计|分析|划分)|从[^，,。；;]{0,10}看|"
                           r"分[^，,。；;]{0,6}看|分类|构成|结构")
_PAUSE = regex.compile(r"[。；;！!？?\n]")


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
    _pauses: list[int] | None = None
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
    _approx: dict[int, tuple[Fact, str | None]] = field(default_factory=dict, repr=False)

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

    # ------------------------------------------------------------ text
    @cached_property
    def text(self) -> str:  # read in every helper: an attribute after the first time
        return self.ctx.norm.text if self.ctx is not None else ""

    def pos(self, f: Fact) -> tuple[int, int]:
        """The fact's range in the normalised text (its original span when there is none)."""
        ns = f.nspan
        return ns if ns != (0, 0) else (f.span.start, f.span.end)

    def between(self, a: Fact, b: Fact) -> str:
        (_, e1), (s2, _) = sorted([self.pos(a), self.pos(b)])
        return self.text[e1:s2] if self.text else ""

    def same_sentence(self, a: Fact, b: Fact) -> bool:
        if not self.text:
            return False
        if self._pauses is None:
            # Sentence ends, found once: the rules ask this for many pairs of facts.
            self._pauses = [m.start() for m in _PAUSE.finditer(self.text)]
        (_, e1), (s2, _) = sorted([self.pos(a), self.pos(b)])
        k = bisect.bisect_left(self._pauses, e1)
        return not (k < len(self._pauses) and self._pauses[k] < s2)

    def before(self, f: Fact, n: int) -> str:
        s = self.pos(f)[0]
        return self.text[max(0, s - n):s] if self.text else ""

    def after(self, f: Fact, n: int) -> str:
        e = self.pos(f)[1]
        return self.text[e:e + n] if self.text else ""

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
        v = Value(interval(f, self.approx_of(f)), f.span, f, f.value, f.decimals)
        self._values[id(f)] = (f, v)
        return v

    def approx_of(self, f: Numeric) -> str | None:
        """The fact's approximate word, or one the text puts around it (超过40500万吨, 1000万吨(…)以上)."""
        if f.approx or not self.text:
            return f.approx
        hit = self._approx.get(id(f))
        if hit is not None and hit[0] is f:
            return hit[1]
        s, e = self.pos(f)
        text = self.text
        out: str | None = None
        lead = text[max(0, s - 5):s]
        m = _APPROX_BEFORE.search(lead) if lead[-1:] in _APPROX_BEFORE_LAST else None
        if m:
            out = m.group(1)
        elif text[e:e + 1] in _APPROX_AFTER_FIRST:
            m = _APPROX_AFTER.match(text[e:e + 30])
            out = m.group(1) if m else None
        self._approx[id(f)] = (f, out)
        return out

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
            if isinstance(f, Change) or not self.share_of_whole(f):
                return None
            return self.value_of(f)
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

    def share_of_whole(self, f: Numeric) -> bool:
        """False when the text measures the share against the part's own basis (占年度计划的76%)."""
        if not self.text:
            return True
        lead = self.before(f, 16)
        m = _SHARE_LEAD.search(lead)
        return not (m and _OWN_BASIS.search(m.group(1)))

    def parts_linked(self, total: Numeric | None, parts: list[Numeric]) -> bool:
        """Does the text tie these parts to this total?

        Either the total and every part share one sentence, or the parts start
        in the next sentence of the same paragraph, or they come after the total
        and are introduced as parts (其中, 分别, 按类型分析 …).
        A breakdown built across unrelated sentences proves nothing.
        """
        if total is None or not parts or not self.text:
            return True
        if all(self.same_sentence(total, p) for p in parts):
            return True
        first = min(parts, key=lambda p: self.pos(p)[0])
        t_end, f_start = self.pos(total)[1], self.pos(first)[0]
        if t_end > f_start:
            return False
        gap = self.text[t_end:f_start]
        if "\n" not in gap and len(_PAUSE.findall(gap)) <= 1 and len(gap) <= 40:
            return True  # the very next sentence of the same paragraph lists them
        window = self.text[max(t_end, f_start - 30):f_start]
        return bool(_PARTS_CUE.search(window))

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
        if self.ctx is not None:
            try:
                from ..extract import dates

                period_for = getattr(dates, "period_for", None)
                if period_for is not None:
                    p = period_for(self.ctx, self.pos(f)[0])
                    if isinstance(p, (Period, DateFact)):
                        return fact_days(p)
            except Exception:  # the dates pass is a colleague's work in progress
                return []
        return []


# ---------------------------------------------------------------- values
def _scale_of(f: Numeric) -> int:
    if f.cell is not None and f.cell.scale != 1:
        return f.cell.scale  # a table cell under 单位:亿元: the scale is declared, not written
    return rounding.multiplier(f.span.text) if f.span.text else 1


def interval(f: Numeric, approx: str | None = None) -> Interval:
    """The interval a numeric fact stands for (plain integer counts are exact)."""
    scale = _scale_of(f)
    # An average (日均2117次) is a rounded quotient, never an exact count.
    averaged = "均" in (f.qualifier or "") or "均" in (f.label or "")[:3]
    exact = isinstance(f, Quantity) and f.decimals == 0 and scale == 1 and f.unit != "%" and not averaged
    iv = rounding.stated(f.value, f.decimals, approx or f.approx, scale=scale, exact=exact)
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


def units_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None or a == b:
        return True
    return a in COUNT_UNITS and b in COUNT_UNITS


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
    year_written = bool(rx(r"\d{2,4}\s*年").search(p.span.text or ""))
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
    )


def pct(x: Fraction, digits: int = 2) -> str:
    return rounding.fmt(x, digits) + "%"
