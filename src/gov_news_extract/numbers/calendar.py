"""Calendar arithmetic for dates and periods: numerals, month lengths, ISO weeks, quarters.

Kept free of text scanning so that the checks can reuse it (how many days has
2024年上半年?) without importing the date extractor.
"""

from __future__ import annotations

import calendar as _cal
import datetime as dt

from .numeral import DIGITS

# Digits of a year written in numerals (二〇二三); a Latin O sometimes stands for 〇.
_CN_DIGIT = {**{w: v for w, v in DIGITS.items() if len(w) == 1}, "O": 0}
CN_DIGITS = "".join(w for w in DIGITS if len(w) == 1)


def small_int(s: str) -> int | None:
    """Value of a date-sized numeral: ASCII digits, 一九八九 (digit by digit) or 二十七 / 廿七.

    Returns None for anything else, so that callers can reject odd tokens.
    """
    if not s:
        return None
    if s.isascii() and s.isdigit():
        return int(s)
    if "十" not in s and "廿" not in s:
        # digit by digit: 二〇二三, 九
        out = 0
        for c in s:
            d = _CN_DIGIT.get(c)
            if d is None:
                return None
            out = out * 10 + d
        return out
    if s.startswith("廿"):
        rest = s[1:]
        if not rest:
            return 20
        d = _CN_DIGIT.get(rest)
        return None if d is None or len(rest) != 1 else 20 + d
    tens_part, _, ones_part = s.partition("十")
    if len(tens_part) > 1 or len(ones_part) > 1:
        return None
    tens = 1 if not tens_part else _CN_DIGIT.get(tens_part)
    ones = 0 if not ones_part else _CN_DIGIT.get(ones_part)
    if tens is None or ones is None:
        return None
    return tens * 10 + ones


def month_days(year: int, month: int) -> int:
    return _cal.monthrange(year, month)[1]


def valid_day(month: int, day: int, year: int | None = None) -> bool:
    """Whether day exists in month (in any year when year is unknown: 2月29日 is allowed)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= month_days(year if year is not None else 2000, month)


def month_range(year: int, first: int, last: int | None = None) -> tuple[dt.date, dt.date]:
    """First day of month `first` to last day of month `last` (default: the same month)."""
    last = first if last is None else last
    return dt.date(year, first, 1), dt.date(year, last, month_days(year, last))


def quarter_range(year: int, q: int) -> tuple[dt.date, dt.date]:
    return month_range(year, 3 * q - 2, 3 * q)


def half_range(year: int, h: int) -> tuple[dt.date, dt.date]:
    return month_range(year, 1, 6) if h == 1 else month_range(year, 7, 12)


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def iso_week_range(year: int, week: int) -> tuple[dt.date, dt.date] | None:
    """Monday to Sunday of ISO week `week` of `year`, None when the year has no such week."""
    try:
        start = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None
    return start, start + dt.timedelta(days=6)


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday of the week holding `day`."""
    start = day - dt.timedelta(days=day.weekday())
    return start, start + dt.timedelta(days=6)


def days_between(start: dt.date, end: dt.date) -> int:
    """Days in [start, end], both ends counted."""
    return (end - start).days + 1


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + delta
    return k // 12, k % 12 + 1
