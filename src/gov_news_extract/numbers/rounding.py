"""Rounding-aware arithmetic for the consistency checks.

A stated value v written with d decimals stands for every true value that
rounds *or* truncates to it: the interval [v − ½·10^-d, v + 10^-d).  7% covers
6.5% up to (not including) 8%; 9.81% covers 906/9230 = 9.816% (truncated).
A sum of stated values carries the sum of their intervals, a quotient the
quotient of them.  A check fails only when *no* true values inside the
stated intervals satisfy the relation (the statcheck/GRIM idea), so rounding
never makes a finding.

Approximate words widen or bound the interval (never a finding resting on an
approximate figure's exact value): 超/逾/多/余/以上 make v a lower bound,
近/不到/以下 an upper bound, 约/左右/大约 a ±20% neighbourhood.

Exact arithmetic on `Fraction` throughout: Decimal division would round.
A stated value's interval is open at its high end, as the rule says; exact counts are
closed points.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

import regex

from ..text import lexicon

# Values are never negative in this domain; "no bound" is a large number rather
# than infinity so that the arithmetic stays in Fraction.
BIG = Fraction(10) ** 30
_ZERO = Fraction(0)

# The words that make a figure a bound (bound.json): an upper bound (近, 不到, 以下), a lower one
# (超过, 余, 以上); any other (约, 左右) makes it approximate.
LOWER_BOUND_WORDS = tuple(lexicon.get("bound").having(bound="lower"))
UPPER_BOUND_WORDS = tuple(lexicon.get("bound").having(bound="upper"))
APPROX_WORDS = tuple(lexicon.get("bound").having(bound="approx"))

# 万, 亿, 千万 … written after a number, with the factor each stands for (multiplier.json).
_MULTIPLIER = regex.compile(rf"({lexicon.alternation('multiplier')})")
_SCALE = {w: int(m["scale"]) for w, m in lexicon.get("multiplier").meanings.items()}


@dataclass(frozen=True)
class Interval:
    """An interval of non-negative rationals; each end closed unless marked open.

    A stated rounded value is [v − ½u, v + u): its high end is open, so that 9.9 does
    not stand for a true 10.0 (ANNOTATION.md). Exact counts are points, closed."""

    lo: Fraction
    hi: Fraction
    hi_open: bool = False
    lo_open: bool = False

    @classmethod
    def point(cls, v: Fraction | Decimal | int) -> Interval:
        f = to_fraction(v)
        return cls(f, f)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, min(BIG, self.hi + other.hi),
                        self.hi_open or other.hi_open, self.lo_open or other.lo_open)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo,
                        self.hi_open or other.lo_open, self.lo_open or other.hi_open)

    def scale(self, k: Fraction | int) -> Interval:
        k = Fraction(k)
        a, b = self.lo * k, self.hi * k
        if k >= 0:
            return Interval(a, b, self.hi_open, self.lo_open)
        return Interval(b, a, self.lo_open, self.hi_open)

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient of positive intervals (the divisor must exclude 0)."""
        if other.lo <= 0:
            return Interval(Fraction(0), BIG)
        return Interval(self.lo / other.hi, min(BIG, self.hi / other.lo),
                        self.hi_open or other.lo_open, self.lo_open or other.hi_open)

    def intersects(self, other: Interval) -> bool:
        return self.intersection(other) is not None

    def intersection(self, other: Interval) -> Interval | None:
        if self.lo > other.lo:
            lo, lo_open = self.lo, self.lo_open
        elif other.lo > self.lo:
            lo, lo_open = other.lo, other.lo_open
        else:
            lo, lo_open = self.lo, self.lo_open or other.lo_open
        if self.hi < other.hi:
            hi, hi_open = self.hi, self.hi_open
        elif other.hi < self.hi:
            hi, hi_open = other.hi, other.hi_open
        else:
            hi, hi_open = self.hi, self.hi_open or other.hi_open
        if lo < hi or (lo == hi and not lo_open and not hi_open):
            return Interval(lo, hi, hi_open, lo_open)
        return None

    def contains(self, x: Fraction | Decimal | int) -> bool:
        f = to_fraction(x)
        return (self.lo < f if self.lo_open else self.lo <= f) and (f < self.hi if self.hi_open else f <= self.hi)

    def widen(self, by: Fraction) -> Interval:
        return Interval(max(Fraction(0), self.lo - by), min(BIG, self.hi + by), self.hi_open, self.lo_open)

    def __str__(self) -> str:
        hi = "∞" if self.hi >= BIG else fmt(self.hi)
        return f"{'(' if self.lo_open else '['}{fmt(self.lo)}, {hi}{')' if self.hi_open else ']'}"


def to_fraction(v: Fraction | Decimal | int | float) -> Fraction:
    if isinstance(v, Fraction):
        return v
    if isinstance(v, Decimal):
        return Fraction(v)
    return Fraction(str(v)) if isinstance(v, float) else Fraction(v)


def multiplier(surface: str) -> int:
    """The 万/亿/千 multiplier written in a number's surface text (1 when none, or when digits follow
    it: 8万3782人 is written to the unit)."""
    m = _MULTIPLIER.search(surface)
    if m is None or surface[m.end():m.end() + 1].isdigit():
        return 1
    return _SCALE[m.group(1)]


def in_written_unit(value: Decimal | Fraction, like: str) -> str:
    """A value written the way a figure is (684110000000 like 606.98亿元 → 684.11亿元), for messages."""
    m = _MULTIPLIER.search(like)
    if m is None or _SCALE[m.group(1)] < 10**4:  # (千: a unit's own part, 千克)
        return fmt(value, 4)
    return fmt(Fraction(value) / _SCALE[m.group(1)], 4) + like[m.start():].split()[0]


@lru_cache(maxsize=256)  # few (decimals, scale) pairs occur; Fractions are immutable
def last_place(decimals: int, scale: int = 1) -> Fraction:
    """The value of one unit in the last written place: 12.5万 → 0.1 × 10^4."""
    return Fraction(1, 10**decimals) * scale if decimals >= 0 else Fraction(scale)


def stated(
    value: Decimal | int | Fraction,
    decimals: int = 0,
    approx: str | None = None,
    *,
    scale: int = 1,
    exact: bool = False,
) -> Interval:
    """The interval of true values a stated figure stands for.

    `exact` is for counts written as plain integers (186112件): a count of
    items is what it says.  Everything else is a rounded or truncated value.
    """
    v = to_fraction(value)
    if exact and not approx:
        return Interval(v, v)
    if not approx:
        # The common case, run for every checked figure: [v − u/2, v + u] with u = scale/10^d,
        # in integers, so that each end is one Fraction (not five through Fraction operators).
        n, d = v.numerator, v.denominator
        un, ud = (scale, 10**decimals) if decimals >= 0 else (scale, 1)
        lo_n = 2 * ud * n - un * d
        return Interval(Fraction(lo_n, 2 * ud * d) if lo_n > 0 else _ZERO, Fraction(ud * n + un * d, ud * d), True)
    u = last_place(decimals, scale)
    base = Interval(max(Fraction(0), v - u / 2), v + u, True)
    if any(w in approx for w in UPPER_BOUND_WORDS):
        return Interval(Fraction(0), base.hi, True)
    if any(w in approx for w in LOWER_BOUND_WORDS):
        return Interval(base.lo, BIG)
    # 约/左右 and anything unknown: a generous neighbourhood for a round figure (约400户, 约两成); a
    # figure stated to a decimal (约占48.3%) is approximate in its last places only.
    spread = max(u, v / 5) if decimals <= 0 else 5 * u
    return Interval(max(Fraction(0), v - spread), v + spread)


def total(intervals: Iterable[Interval]) -> Interval:
    """The interval of a sum of stated values: the sum of their intervals."""
    out = Interval(Fraction(0), Fraction(0))
    for iv in intervals:
        out = out + iv
    return out


def share_interval(part: Interval, whole: Interval) -> Interval:
    """Where part/whole × 100 can lie."""
    return (part / whole).scale(100)


def consistent_share(share: Interval, part: Interval, whole: Interval) -> bool:
    """True when some true part, whole and share in their intervals satisfy share = part/whole."""
    sl, sh, pl, ph, wl, wh = share.lo, share.hi, part.lo, part.hi, whole.lo, whole.hi
    if wl > 0 and ph <= BIG * wl:
        # share ∩ [100·pl/wh, 100·ph/wl], decided by cross-multiplying (the same comparisons as
        # building the quotient interval, exact, with a handful of Fraction products per share):
        # the quotient's low end is open when pl or wh is, its high end when ph or wl is.
        q_lo_open, q_hi_open = part.lo_open or whole.hi_open, part.hi_open or whole.lo_open
        a, b = sl * wl, 100 * ph  # share.lo against the quotient's high end
        below_hi = a < b or (a == b and not share.lo_open and not q_hi_open)
        c, d = 100 * pl, sh * wh  # the quotient's low end against share.hi
        above_lo = c < d or (c == d and not q_lo_open and not share.hi_open)
        return below_hi and above_lo
    return share.intersects(share_interval(part, whole))


def fmt(x: Fraction | Decimal | float | int, digits: int = 2) -> str:
    """A readable number for messages: at most `digits` decimals, no trailing zeros."""
    f = float(x)
    if abs(f - round(f)) < 1e-9:
        return str(round(f))
    s = f"{f:.{digits}f}"
    return s.rstrip("0").rstrip(".") if "." in s else s  # 819.96 to 0 digits is 820, not 82
