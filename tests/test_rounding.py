"""Rounding intervals: a stated value stands for everything that rounds or truncates to it."""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_news_extract.checks import run_rules
from gov_news_extract.checks.rules import get
from gov_news_extract.models import Article, Breakdown, Document, Part, Span
from gov_news_extract.numbers import rounding
from gov_news_extract.numbers.rounding import Interval


@pytest.mark.parametrize(
    ("value", "decimals", "inside", "outside"),
    [
        ("7", 0, ["6.5", "7.99"], ["6.49", "8.01"]),
        ("9.81", 2, ["9.816", "9.805"], ["9.804", "9.821"]),
        ("0.8", 1, ["0.75", "0.89"], ["0.742", "0.91"]),
    ],
)
def test_stated_interval(value: str, decimals: int, inside: list[str], outside: list[str]) -> None:
    iv = rounding.stated(Decimal(value), decimals)
    assert all(iv.contains(Fraction(x)) for x in inside)
    assert not any(iv.contains(Fraction(x)) for x in outside)


@pytest.mark.parametrize(
    ("approx", "probe", "inside"),
    [
        ("超", "1000000", True),   # 超4000: anything above
        ("超", "3000", False),
        ("近", "3000", True),      # 近4000: anything below
        ("近", "5000", False),
        ("约", "3700", True),      # 约4000: a generous neighbourhood
        ("余", "4999", True),
        ("以上", "4500", True),
        ("不到", "3999", True),
    ],
)
def test_approximate_words_bound_the_value(approx: str, probe: str, inside: bool) -> None:
    assert rounding.stated(Decimal(4000), 0, approx).contains(Fraction(probe)) is inside


@pytest.mark.parametrize(("value", "decimals", "probe", "inside"), [
    ("48.3", 1, "48.7", True),    # 约占48.3%: approximate in its last places
    ("48.3", 1, "49.0", False),   # (a five-point slip is no approximation: sweep w038 under perturb.py)
    ("400", 0, "330", True),      # 约400户: a round figure keeps its generous neighbourhood
])
def test_approximation_scales_with_the_stated_precision(value: str, decimals: int, probe: str, inside: bool) -> None:
    assert rounding.stated(Decimal(value), decimals, "约").contains(Fraction(probe)) is inside


def test_multiplier_sets_the_last_place() -> None:
    assert rounding.multiplier("12.5万件") == 10_000
    iv = rounding.stated(Decimal(125000), 1, scale=10_000)
    assert iv.contains(124_950) and iv.contains(125_999) and not iv.contains(127_000)


def test_exact_counts_and_arithmetic() -> None:
    a = rounding.stated(Decimal(3884), 0, exact=True)
    assert a == Interval.point(3884)
    s = rounding.total([a, Interval.point(59)])
    assert s.lo == 3943
    assert not s.intersects(Interval.point(3942))
    share = rounding.share_interval(Interval.point(2136), Interval.point(287977))
    assert not share.intersects(rounding.stated(Decimal("0.8"), 1))


def _cut(x: Fraction, d: int, mode: str) -> Decimal:
    q = Decimal(1).scaleb(-d)
    exact = Decimal(x.numerator) / Decimal(x.denominator)
    return exact.quantize(q, rounding=ROUND_HALF_UP if mode == "round" else ROUND_DOWN)


@settings(max_examples=300, deadline=None)
@given(
    part=st.integers(min_value=0, max_value=10**7),
    extra=st.integers(min_value=1, max_value=10**7),
    d=st.integers(min_value=0, max_value=3),
    mode=st.sampled_from(["round", "truncate"]),
)
def test_any_rounded_or_truncated_share_is_consistent(part: int, extra: int, d: int, mode: str) -> None:
    whole = part + extra
    share = _cut(Fraction(part * 100, whole), d, mode)
    iv = rounding.stated(share, d)
    assert rounding.consistent_share(iv, Interval.point(part), Interval.point(whole))


def _breakdown(parts: list[int], shares: list[Decimal]) -> Document:
    total = sum(parts)
    b = Breakdown(id="b1", span=Span(start=0, end=1), total=Decimal(total), complete=True,
                  parts=[Part(label=f"类{i}", value=Decimal(v), share=s)
                         for i, (v, s) in enumerate(zip(parts, shares, strict=True))])
    return Document(articles=[Article(span=Span(start=0, end=1), facts=[b])])


@settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(st.integers(min_value=0, max_value=10**6), min_size=2, max_size=8).filter(lambda p: sum(p) > 0),
    d=st.integers(min_value=0, max_value=2),
    mode=st.sampled_from(["round", "truncate"]),
)
def test_complete_breakdown_of_rounded_shares_passes(parts: list[int], d: int, mode: str) -> None:
    total = sum(parts)
    shares = [_cut(Fraction(p * 100, total), d, mode) for p in parts]
    doc = _breakdown(parts, shares)
    rules = [r for r in (get("shares-sum"), get("share-of-total"), get("parts-sum")) if r is not None]
    assert run_rules(None, doc, rules) == []


@pytest.mark.parametrize(
    ("stated", "decimals", "true", "consistent"),
    [
        ("9.9", 1, "10", False),    # the high end is open: 10.0 neither rounds nor truncates to 9.9
        ("9.9", 1, "9.99", True),
        ("9.9", 1, "9.85", True),   # the low end is closed: 9.85 rounds half up to 9.9
        ("7", 0, "8", False),
        ("7", 0, "6.5", True),
    ],
)
def test_stated_interval_is_half_open(stated: str, decimals: int, true: str, consistent: bool) -> None:
    iv = rounding.stated(Decimal(stated), decimals)
    assert iv.contains(Fraction(true)) is consistent
    # the same through a share: true part/whole of 100 is `true`
    part = Interval.point(Fraction(true))
    assert rounding.consistent_share(iv, part, Interval.point(100)) is consistent


def test_open_ends_add_up_and_divide() -> None:
    a, b = rounding.stated(Decimal("1.5"), 1), rounding.stated(Decimal("2.5"), 1)
    s = a + b  # [1.45, 1.6) + [2.45, 2.6) = [3.9, 4.2)
    assert s.contains(Fraction("3.9")) and not s.contains(Fraction("4.2"))
    q = Interval.point(10) / rounding.stated(Decimal(5), 0)  # 10 / [4.5, 6) = (10/6, 10/4.5]
    assert not q.contains(Fraction(10, 6)) and q.contains(Fraction(10, 45) * 10)


def test_fmt_keeps_the_zeros_of_a_whole_number() -> None:
    assert rounding.fmt(Fraction(81996, 100), 0) == "820"
    assert rounding.fmt(Fraction(1205, 100), 2) == "12.05" and rounding.fmt(Fraction(12), 2) == "12"
