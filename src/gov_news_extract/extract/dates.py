"""Dates, periods and clock times.

Finds calendar expressions (7月18日, 2023年7月, 2021年3月份, 2024年第28周, 1—6月,
2016年3月4日—3月10日, 6月末, 2025-04-22, 九月十日, 十四日电), digitless periods
(今年上半年, 一季度, 前三季度, 上周, 全年) and clock times (9时26分, 上午9时许, 8:40)
and registers them as `DateFact`, `Period` and `TimeFact`.

It runs before the numeric pass: the year, month, day and hour digits it covers
must not become quantities. It also sets `ctx.year` to the page's year and offers
`period_for()`, which tells the checks which period governs a figure.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import regex

from ..context import Context
from ..models import DateFact, Period, Span, TimeFact
from ..numbers import calendar as cal
from ..text import lexicon, names
from ..text.clauses import Sentences
from ..text.rx import rx

# ---------------------------------------------------------------- language data


@lru_cache(maxsize=1)
def _words() -> dict[str, Any]:
    raw = resources.files("gov_news_extract.data").joinpath("dates_words.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    # Word lists as tuples: str.startswith/endswith test a whole tuple in one call.
    words = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    words["publication_labels_colon"] = tuple(lbl + ":" for lbl in words["publication_labels"])
    return words


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


# ---------------------------------------------------------------- the words, from data/lexicon


def _class(name: str, **want: object) -> list[str]:
    return lexicon.get(name).having(**want) if want else lexicon.words(name)


def _mean(name: str, word: str) -> Any:
    return lexicon.meaning(name, word)


def _chars(words: list[str]) -> str:
    return "".join(regex.escape(w) for w in words)


def _one(name: str, **want: object) -> str:
    """The one word of a class whose meaning has every key=value given (年 of unit=year)."""
    found = [w for w in _class(name, **want) if len(w) == 1] or _class(name, **want)
    return found[0]


_NUMERALS = lexicon.get("numeral").meanings
_PLAIN_DIGITS = {w: int(m["digit"]) for w, m in _NUMERALS.items() if "digit" in m and not m.get("formal")
                 and not m.get("spoken")}
_ZEROS = "".join(w for w, v in _PLAIN_DIGITS.items() if v == 0)
_D19 = "".join(sorted((w for w, v in _PLAIN_DIGITS.items() if v and _NUMERALS[w].get("canonical")),
                      key=lambda w: _PLAIN_DIGITS[w]))  # 一二三四五六七八九, in order
_TWO_SPOKEN = "".join(w for w, m in _NUMERALS.items() if m.get("spoken") and m.get("digit") == 2 and len(w) == 1)[:1]
_TEN = next(w for w, m in _NUMERALS.items() if m.get("small") == 10 and m.get("canonical"))
_TWENTY = next(w for w, m in _NUMERALS.items() if m.get("special") == 20)
_CN = _ZEROS + _D19
_YEAR = _one("date_part", unit="year")
_MONTH = _one("date_part", unit="month")
_DAYS = "".join(w for w in _class("date_part", unit="day") if len(w) == 1)
_NAME_DAY = next(w for w in _class("date_part", unit="day") if _mean("date_part", w).get("also_a_name"))
_YEAR_SUFFIX = next(w for w in _class("date_part", unit="year") if len(w) == 2 and w[0] == _YEAR)[1:]  # 年度
_MONTH_SUFFIX = next(w for w in _class("date_part", unit="month") if len(w) == 2 and w[0] == _MONTH)[1:]  # 月份
_MONTH_NOT = "|".join(regex.escape(w[1:]) for w in _class("plain") if len(w) == 2 and w[0] == _MONTH)  # 月龄
_WEEK = _one("period_word", unit="week")
_QUARTER = next(w for w in _class("period_word", unit="quarter") if not _mean("period_word", w).get("short")
                and not _mean("period_word", w).get("count"))  # 季度
_MONTHS = next(w for w in _class("period_word", unit="month"))  # 个月
_MEASURE = _MONTHS[:-1]  # 个, the measure word in 个月 and 个季度
_HALVES = {w: 1 if _mean("time_word", w).get("part") == "H1" else 2 for w in _class("time_word")
           if _mean("time_word", w).get("part") in ("H1", "H2")}
_FULL_YEAR = _one("period_word", unit="year")
_ORDINAL = next(w for w in _class("ordinal", always=True) if len(w) == 1)  # 第
_FIRST_N = {w for w in _class("ordinal", first_n=True) if len(w) == 1}  # 前, 首
_REL_YEAR = {w: int(_mean("rel_year", w)["offset"]) for w in _class("rel_year")}
_REL_CHAIN = _alt(_class("rel_year", chain=True))
_RANGE_WORDS = _alt(_class("separator", kind="range"))
_RANGE_MARKS = "—–\\-~～－"


def _seasons() -> str:
    """春(?!节)|夏|秋|冬: a season, unless a plain word begins with it (春节)."""
    out = []
    for w in _class("season"):
        blocked = [p[len(w):] for p in _class("plain") if p.startswith(w) and len(p) > len(w)]
        out.append(regex.escape(w) + (f"(?!{_alt(blocked)})" if blocked else ""))
    return "|".join(out)


_ERA = _words()["era_years"]
# A year of the Republic era: with its word (民国113), or bare with three digits when a month or an
# ordinal period follows (114年4月, 114年第1季): a count of years (建校114年) is followed by neither.
_ERA_Y = (rf"(?:{_alt(_ERA['words'])})\d{{2,3}}"
          rf"|1[0-2]\d(?={_YEAR}(?:1[0-2]|0?[1-9]){_MONTH}|{_YEAR}{_ORDINAL})")
_Y = rf"(?:19|20)\d{{2}}|[{_CN}]{{4}}|{_ERA_Y}"
_M = rf"1[0-2]|0?[1-9]|{_TEN}[{_D19[:2]}]?|[{_D19}]"
_D = (rf"3[01]|[12]\d|0?[1-9]|{_D19[2]}{_TEN}{_D19[0]}?|{_D19[1]}{_TEN}[{_D19}]?|{_TWENTY}[{_D19}]?|{_TEN}[{_D19}]?"
      rf"|[{_D19}]")
_DASH = rf"\s*(?:[{_RANGE_MARKS}]+|{_RANGE_WORDS})\s*"
_POS = _alt(_class("date_part", position="end") + _class("date_part", position="start")
            + _class("date_part", position="middle") + _class("date_part", position="late"))
_SEASON = _seasons()
# A number must not continue another number or a code such as A15 or sp20241105.
_GUARD = r"(?<![\d.A-Za-z_/])"

_CHAIN = regex.compile(
    _GUARD
    + rf"(?=[\d{_CN}{_TEN}{_TWENTY}{_chars(sorted({w[0] for w in _class('rel_year', chain=True)}))}])"
    + rf"(?P<rel>{_REL_CHAIN})?"
    + rf"(?:(?P<y>{_Y})(?:{_DASH}(?P<y2>{_Y}))?{_YEAR}(?P<ydu>{_YEAR_SUFFIX})?)?"
    + rf"(?:(?P<m>{_M})(?:{_DASH}(?P<m2>{_M}))?{_MONTH}(?!{_MONTH_NOT})(?P<mfen>{_MONTH_SUFFIX})?)?"
    + rf"(?:(?P<d>{_D})(?:{_DASH}(?P<d2>{_D}))?[{_DAYS}])?"
    + rf"(?P<pos>{_POS}|{_SEASON})?"
)
# Right-hand end of a range: 3月4日—3月10日, 8月31日至9月2日, 2023年12月—2024年2月.
_TAIL = regex.compile(
    _DASH + rf"(?:(?P<y>{_Y}){_YEAR})?(?:(?P<m>{_M}){_MONTH}(?:{_MONTH_SUFFIX})?)?(?:(?P<d>{_D})[{_DAYS}])?(?P<pos>{_POS})?"
)
_ISO = regex.compile(
    r"(?<![\d.A-Za-z_])(?P<y>(?:19|20)\d{2}|1[0-2]\d(?=-))(?P<s>[-/.])(?P<m>1[0-2]|0?[1-9])(?P=s)(?P<d>3[01]|[12]\d|0?[1-9])"
    r"(?!\d|\.\d)"
)
# A dotted range in brackets after a week: 第28周(7.8-7.14).
_DOTTED = regex.compile(
    rf"(?<={_WEEK}[(（])(?P<m>1[0-2]|0?[1-9])\.(?P<d>3[01]|[12]\d|0?[1-9])\s*(?:[{_RANGE_MARKS}]+|{_RANGE_WORDS})\s*"
    r"(?P<m2>1[0-2]|0?[1-9])\.(?P<d2>3[01]|[12]\d|0?[1-9])(?=[)）])"
)
_FIRST_N_ALT = _alt(sorted(_FIRST_N))
_FIRST_SHORT = _alt([w for w in _FIRST_N if _mean("ordinal", w).get("short_quarter")])  # 首三季
_FIRST_FULL = _alt([w for w in _FIRST_N if not _mean("ordinal", w).get("short_quarter")])  # 前三季度
_TWO_THREE = f"{_D19[1]}{_TWO_SPOKEN}{_D19[2]}"
_WEEK_NOT = _mean("period_word", _WEEK).get("not_before", "")
# Weeks, quarters and halves, with or without a year: 2024年第28周, 2025年第一季度, 今年上半年.
_PERIOD_FIRST = frozenset(_CN + "".join({w[0] for w in _class("rel_year", chain=True)}) + "".join(w[0] for w in _HALVES)
                          + _ORDINAL + _FULL_YEAR[0] + "".join(_FIRST_N))  # _PERIOD's lookahead, digits aside
_PERIOD = regex.compile(
    _GUARD
    + rf"(?=[\d{_chars(sorted(_PERIOD_FIRST))}])"
    # a year in digits may run into its period without 年 (2022全年, 2023上半年, 2024一季度)
    + rf"(?P<rel>{_REL_CHAIN})?(?:(?P<y>{_Y}){_YEAR}(?:{_YEAR_SUFFIX})?|(?P<y>(?:19|20)\d{{2}}))?"
    + rf"(?:{_ORDINAL}(?P<w>[1-5]?\d|[{_D19[:5]}]?{_TEN}[{_D19}]?|[{_D19}]){_WEEK}(?![{_WEEK_NOT}])"
    + rf"|(?P<q>{_ORDINAL}?[{_D19[:4]}1-4]){_QUARTER}|(?P<q>{_ORDINAL}[{_D19[:4]}1-4]){_QUARTER[:1]}"
    + rf"|(?:{_FIRST_FULL})(?P<qq>[{_TWO_THREE}2-3])(?:{_MEASURE})?{_QUARTER}"
    + rf"|(?:{_FIRST_SHORT})(?P<qq>[{_TWO_THREE}2-3]){_QUARTER[:1]}(?:{_QUARTER[1:]})?"
    + rf"|(?:{_FIRST_N_ALT})(?P<mm>1[01]|[2-9]|{_TEN}{_D19[0]}|{_TEN}|[{_TWO_SPOKEN}{_D19[1:]}]){_MONTHS}"
    + rf"|(?P<h>{_alt(list(_HALVES))})"
    + rf"|(?P<fy>{_FULL_YEAR}))"
)
# Every match of _CHAIN that can give a date holds a year, month or day part, which runs over
# numerals, dashes and spaces up to its unit (年, 月, 日, 号) and may follow a two-character
# 今年. One backward scan (linear: no retry inside a long run) finds those runs; they hold the
# only starts worth trying (see _chain_starts).
_CHAIN_HINT = regex.compile(rf"(?r)[\d{_CN}{_TEN}{_TWENTY}\s{_RANGE_MARKS}{_chars(_class('separator', kind='range'))}]*+"
                            rf"[{_YEAR}{_MONTH}{_DAYS}]")
_NO_START = frozenset("—–-~～－" + "".join(w for w in _class("separator", kind="range") if len(w) == 1))
_ASCII_DIGITS = frozenset("0123456789")
# Every match of _PERIOD holds one of these words, at most 12 characters after its start
# (今年 2 + 二〇二四年度 6 + 第二十九 4).
_PERIOD_HINT = regex.compile(_alt([_WEEK, _QUARTER[0], _MONTHS, *(w[1:] for w in _HALVES), _FULL_YEAR]))
_PERIOD_REACH = 12


def _rel_pattern() -> regex.Pattern[str]:
    """上周, 本月, 上季度, 今年 standing alone as a period; each unless what follows makes it part of
    another expression (本月5日, 今年6月, 今年上半年, 上周年)."""
    parts = []
    for group, unit in (("w", "week"), ("mo", "month"), ("qo", "quarter")):
        words = _class("rel_period", unit=unit)
        nb = {_mean("rel_period", w).get("not_before", "") for w in words}
        look = ""
        if nb == {"numeral"}:
            look = rf"(?![\d{_D19}{_TEN}{_TWENTY}])"
        elif nb and nb != {""}:
            look = f"(?![{_chars(sorted(set(''.join(nb))))}])"
        parts.append(rf"(?P<{group}>{_alt(words)}){look}")
    words_after = _alt([*_class("prior_period", same=True), *_class("date_part", position="end"),
                        *_class("date_part", position="start"), *_class("time_word", since=True)])
    chars_after = _chars(sorted(set(_CN + _TEN + "".join(w[0] for w in _HALVES) + "".join(_FIRST_N) + _ORDINAL
                                    + _FULL_YEAR[0])))
    return regex.compile("|".join(parts) + rf"|(?P<yr>{_alt(_class('rel_year', alone=True))})"
                         rf"(?!{words_after}|[\d{chars_after}])")


_REL = _rel_pattern()
_SEASONS = frozenset(_class("season"))
_SAME_PERIOD = tuple(w for w in _class("time_word") if w in _class("prior_period", same=True))  # 同期
_MONTH_RELS = tuple(w for w in _class("rel_period", unit="month") if _mean("rel_period", w).get("offset") in (0, -1))
_LAST_MONTH = tuple(w for w in _class("rel_period", unit="month") if _mean("rel_period", w).get("offset") == -1)
_LIST_SEP_CHARS = frozenset(w for w in _class("separator", kind="list") if len(w) == 1)
_NOT_BEFORE_HOUR = frozenset(_ORDINAL + "".join(w for w in _class("per_word") if len(w) == 1)
                             + "".join(w for w in _class("bound", place="before") if len(w) == 1))

_HOUR = r"2[0-4]|[01]?\d"
_HOUR_CN = rf"{_D19[1]}{_TEN}[{_D19[:4]}]?|{_TEN}[{_D19}]?|[{_ZEROS}{_D19[0]}{_D19[1]}{_TWO_SPOKEN}{_D19[2:]}]"
_MIN_CN = rf"[{_D19[:5]}]?{_TEN}[{_D19}]?|{_ZEROS[:2]}?[{_D19}]"
_CLOCK_HOUR = _chars(_class("clock_word", part="hour"))
_MINUTE = _one("clock_word", part="minute")
_SECOND = _one("clock_word", part="second")
_HALF = _one("clock_word", part="half")
_CLOCK_AFTER = _alt(_class("clock_word", after="approx") + _class("clock_word", after="exact"))
_CLOCK_APPROX = frozenset(_class("clock_word", after="approx"))
_COLLOQUIAL_HOUR = next(w for w in _class("clock_word", part="hour") if _mean("clock_word", w).get("colloquial"))


@lru_cache(maxsize=1)
def _time_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    pre = _alt(list(_words()["time_of_day"]))
    colon = regex.compile(
        rf"(?:(?P<pre>{pre})\s*)?(?<![\d.:A-Za-z])(?P<h>{_HOUR}):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d.:%])"
    )
    han = regex.compile(
        rf"(?:(?P<pre>{pre})\s*)?(?<![\d.])(?P<h>{_HOUR}|{_HOUR_CN})(?P<u>[{_CLOCK_HOUR}])"
        rf"(?:(?P<mi>[0-5]?\d|{_MIN_CN}){_MINUTE}(?:(?P<s>[0-5]?\d){_SECOND})?|(?P<half>{_HALF}))?(?P<ap>{_CLOCK_AFTER})?"
    )
    return colon, han


# A clock time's hour (at most 3 characters: 二十四) stands right before its ":", 时 or 点,
# maybe after a time-of-day word and spaces (上午 9时).
_TIME_KEY = regex.compile(rf"[:{_CLOCK_HOUR}]")
_HOUR_FIRST = frozenset(_ZEROS + _D19 + _TEN + _TWO_SPOKEN)
_SPACES_BEFORE = regex.compile(r"(?r)\s*")


def _time_starts(text: str) -> set[int]:
    """Every position where a clock-time pattern can start (a superset)."""
    longest_pre = max(map(len, _words()["time_of_day"]))
    out: set[int] = set()
    for k in _TIME_KEY.finditer(text):
        for hs in range(max(0, k.start() - 3), k.start()):
            if text[hs] in _HOUR_FIRST or text[hs].isdigit():
                out.add(hs)
                ws = _SPACES_BEFORE.match(text, 0, hs)
                a = ws.start() if ws else hs
                out.update(range(max(0, a - longest_pre), a))
    return out


def _finditer_at(pattern: regex.Pattern[str], text: str, starts: set[int]) -> Iterator[regex.Match[str]]:
    """pattern.finditer(text) when no match can start outside starts (and none is empty)."""
    end = 0
    for p in sorted(starts):
        if p >= end and (m := pattern.match(text, p)) is not None:
            yield m
            end = m.end()


# ---------------------------------------------------------------- raw expressions


@dataclass
class _Cal:
    """A calendar expression before its missing year/month are filled in."""

    start: int
    end: int
    form: str  # "point", "range", "week", "quarter", "quarters", "half", "fullyear", "rel-*"
    y: int | None = None
    m: int | None = None
    d: int | None = None
    y2: int | None = None
    m2: int | None = None
    d2: int | None = None
    pos: str | None = None
    n: int | None = None  # week, quarter or half number
    rel: int | None = None  # year offset given by 今年/去年/…
    rel_word: str | None = None


@cache
def _group_names(pattern: regex.Pattern[str]) -> tuple[str, ...]:
    names = [""] * pattern.groups
    for name, i in pattern.groupindex.items():
        names[i - 1] = name
    assert all(names), "every group is named"
    return tuple(names)


def _groupdict(m: regex.Match[str]) -> dict[str, str | None]:
    """m.groupdict(), which the regex module makes slow (3 µs a call): zip names and groups."""
    return dict(zip(_group_names(m.re), m.groups(), strict=True))


def _num(s: str | None) -> int | None:
    return cal.small_int(s) if s else None


def _year(s: str | None) -> int | None:
    if s is not None and (era := next((w for w in _ERA["words"] if s.startswith(w)), None)) is not None:
        v = _num(s[len(era):])
        return v + int(_ERA["offset"]) if v is not None else None
    v = _num(s)
    if v is not None and int(_ERA["bare_from"]) <= v <= int(_ERA["bare_to"]):
        return v + int(_ERA["offset"])  # 114年第1季 (the pattern admits a bare one only before a period)
    return v if v is not None and 1000 <= v <= 2999 else None




def _before(text: str, pos: int, words: tuple[str, ...]) -> bool:
    """Does one of words end at pos (pos <= len(text))?"""
    return text.endswith(words, 0, pos)


def _after(text: str, pos: int, words: tuple[str, ...]) -> bool:
    return text.startswith(words, pos)


def _chain_at(text: str, m: regex.Match[str]) -> _Cal | None:
    g = _groupdict(m)
    y, m1, d = _year(g["y"]), _num(g["m"]), _num(g["d"])
    if g["y"] and y is None:
        return None
    if not (g["y"] or g["m"] or g["d"]):
        return None
    y2, m2, d2 = _year(g["y2"]), _num(g["m2"]), _num(g["d2"])
    if g["y2"] and (y2 is None or y is None or y2 <= y):
        return None
    # A range inside one unit (1—6月, 3-5日) runs forwards; anything else is not a range.
    if g["m2"] and (m1 is None or m2 is None or m2 <= m1 or g["d"]):
        return None
    if g["d2"] and (d is None or d2 is None or d2 <= d):
        return None
    if m1 is not None and not 1 <= m1 <= 12:
        return None
    if d is not None and not cal.valid_day(m1 or 1, d, y if m1 else None):
        return None
    if g["d"] and not g["m"] and g["y"]:
        return None  # 2023年15日 is no date
    pos = g["pos"]
    if pos and (g["d"] or (pos in _SEASONS and g["m"])):
        pos = None  # 7月18日初 does not occur; keep the date, drop the suffix
    start = m.start("y") if g["y"] else m.start("m") if g["m"] else m.start("d")
    end = m.end()
    if pos is None and g["pos"]:
        end = m.start("pos")
    rel = _REL_YEAR.get(g["rel"] or "")
    c = _Cal(start=start, end=end, form="point", y=y, m=m1, d=d, y2=y2, m2=m2, d2=d2, pos=pos,
             rel=None if g["y"] else rel, rel_word=g["rel"])
    if g["rel"] and not g["m"]:
        return None  # 今年15日
    if y2 is not None or m2 is not None or d2 is not None:
        c.form = "range"
    if not g["y"] and not g["m"]:
        unit = text[m.end("d2") if g["d2"] else m.end("d")]
        days = _TAIL.match(text, end) if unit != _NAME_DAY else None
        if days is not None and days.group("d") and not days.group("m") and not days.group("y"):
            pass  # 11日—17日: a range of days written with both its ends is a date wherever it stands
        elif unit == _NAME_DAY or not _bare_day_ok(text, c, g["d"]):  # 3号楼, 1号线
            return None
    elif not g["y"] and not g["d"] and g["m"] and not g["m"].isdigit():
        # A Chinese-numeral month alone (九月) needs support: 份, a position, or a year word.
        if not (g["mfen"] or pos or g["rel"]):
            return None
    if g["y"] and not g["y"].isdigit() and y is not None and not 1900 <= y <= 2099:
        return None  # 二〇二三年 is a year, 一二三四年 is not
    if c.form == "point" and (pos is None):
        tail = _TAIL.match(text, end)
        if tail:
            _extend_range(c, tail)
    return c


def _extend_range(c: _Cal, t: regex.Match[str]) -> None:
    """Make c a range when a compatible right-hand end follows it."""
    g = _groupdict(t)
    ty, tm, td = _year(g["y"]), _num(g["m"]), _num(g["d"])
    if not (g["y"] or g["m"] or g["d"]) or (g["y"] and ty is None):
        return
    # The end must go down to the same unit as the start: 3月4日—3月10日, 2023年12月—2024年2月.
    finest = "d" if c.d is not None else "m" if c.m is not None else "y"
    tfinest = "d" if g["d"] else "m" if g["m"] else "y"
    if finest != tfinest:
        return
    y2 = ty if ty is not None else c.y
    m2 = tm if tm is not None else c.m
    d2 = td
    if g["y"] and c.y is None:
        return
    if m2 is not None and not 1 <= m2 <= 12:
        return
    if d2 is not None and (not 1 <= d2 <= 31 if m2 is None else not cal.valid_day(m2, d2, y2)):
        return  # 11日—17日: days of a month the text does not name
    a = (c.y or 0, c.m or 0, c.d or 0)
    b = (y2 or 0, m2 or 0, d2 or 0)
    if b <= a and not (c.y is None and b[1] < a[1]):
        return
    c.y2, c.m2, c.d2 = (ty if g["y"] else None), (tm if g["m"] else None), d2
    if c.y2 is None and c.m2 is None and c.d2 is None:
        return
    if g["pos"]:
        c.pos = None
    c.end = t.end("pos") if g["pos"] else t.end()
    c.form = "range"


_LIST_SEPS = _alt(_class("separator", kind="list"))
_DAY_LIST = regex.compile(rf"{_MONTH}\d{{1,2}}[{_DAYS}](?:(?:{_LIST_SEPS})\d{{1,2}}[{_DAYS}])*(?:{_LIST_SEPS})$")
_NOT_BEFORE_DAY = frozenset(_ORDINAL + "".join(w for w in _class("per_word") if len(w) == 1) + _MEASURE)


def _bare_day_ok(text: str, c: _Cal, raw: str | None) -> bool:
    """A day without its month (16日, 十四日电) is a date only in a dateline-like context."""
    w = _words()
    s, e = c.start, c.end
    if _before(text, s, w["bare_day_before_bad"]) or _after(text, e, w["bare_day_after_bad"]):
        return False
    if s > 0 and text[s - 1] in _NOT_BEFORE_DAY:
        return False
    if s > 0 and text[s - 1] in _LIST_SEP_CHARS and _DAY_LIST.search(text, max(0, s - 24), s):
        return True  # 10月2日、3日 / 6月3日、5日和7日: more days of the month just named
    before_ok = _before(text, s, w["bare_day_before_ok"])
    # 1日12时: a day followed by a clock time
    after_ok = _after(text, e, w["bare_day_after_ok"]) or bool(rx(rf"\d{{1,2}}[{_CLOCK_HOUR}:]").match(text[e:e + 3]))
    if raw and raw.isdigit():
        # Arabic: at the head of a clause, or followed by a comma or a news verb.
        head = s == 0 or text[s - 1] in "\n,，。;；:：(（)）】 "
        after_comma = e < len(text) and text[e] in ",，"
        return before_ok or after_ok or (head and after_comma) or (
            head and bool(rx(r"[\p{Han}]").match(text[e:e + 1])) and not _after(text, e, w["from_after_day"]) and
            _reporter_like(text, e))
    return before_ok or after_ok


def _reporter_like(text: str, e: int) -> bool:
    """16日 followed by a subject and a news verb: 16日国新办举行…, 13日国家统计局发布…"""
    window = text[e:e + 20]
    return bool(rx(lexicon.alternation("report_verb")).search(window))


def _period_at(m: regex.Match[str]) -> _Cal | None:
    g = _groupdict(m)
    y = _year(g["y"])
    if g["y"] and (y is None or not 1900 <= y <= 2099):
        return None
    rel = None if g["y"] else _REL_YEAR.get(g["rel"] or "")
    if g["rel"] and _mean("rel_year", g["rel"]).get("basis_like") and not (g["h"] or g["fy"] or g["q"]):
        return None
    start = m.start("y") if g["y"] else m.start()
    c = _Cal(start=start, end=m.end(), form="", y=y, rel=rel, rel_word=g["rel"])
    if g["w"] is not None:
        n = _num(g["w"])
        if n is None or not 1 <= n <= 53:
            return None
        c.form, c.n = "week", n
    elif g["q"] is not None:
        q = g["q"].lstrip(_ORDINAL)
        c.form, c.n = "quarter", _num(q)
    elif g["mm"] is not None:
        # 前5个月 of a statistics release: January to May
        c.form, c.n = "months", _num(g["mm"])
    elif g["qq"] is not None:
        c.form, c.n = "quarters", _num(g["qq"])
    elif g["h"] is not None:
        c.form, c.n = "half", _HALVES[g["h"]]
    else:
        c.form = "fullyear"
    return c


def _iso_at(m: regex.Match[str]) -> _Cal | None:
    y, mo, d = _year(m["y"]), int(m["m"]), int(m["d"])  # 114-04-15: a Republic-era year
    if y is None:
        return None
    if not cal.valid_day(mo, d, y):
        return None
    return _Cal(start=m.start(), end=m.end(), form="point", y=y, m=mo, d=d)


def _dotted_at(m: regex.Match[str]) -> _Cal | None:
    m1, d1, m2, d2 = (int(m[k]) for k in ("m", "d", "m2", "d2"))
    if not (cal.valid_day(m1, d1) and cal.valid_day(m2, d2)) or (m2, d2) == (m1, d1):
        return None
    return _Cal(start=m.start(), end=m.end(), form="range", m=m1, d=d1, m2=m2, d2=d2)


@cache
def _bracket_day() -> regex.Pattern[str]:
    """今(8)日, 昨(22)日: a press release restating the day of the month it is dated in."""
    return regex.compile(rf"(?:{_alt(_words()['day_in_brackets_before'])})\((?P<d>\d{{1,2}})\)日")


def _bracket_day_at(m: regex.Match[str]) -> _Cal | None:
    d = int(m["d"])
    return _Cal(start=m.start(), end=m.end(), form="point", d=d) if 1 <= d <= 31 else None


def _rel_at(m: regex.Match[str]) -> _Cal:
    word = m.group()
    kind = "w" if m["w"] else "mo" if m["mo"] else "qo" if m["qo"] else "yr"
    return _Cal(start=m.start(), end=m.end(), form="rel-" + kind, rel_word=word)


def _overlapped(pattern: regex.Pattern[str], text: str, starts: set[int]) -> Iterator[regex.Match[str]]:
    """pattern.finditer(text, overlapped=True) restricted to the given starts: the same matches
    when no match can start elsewhere, without running the pattern at every character."""
    for p in sorted(starts):
        m = pattern.match(text, p)
        if m is not None:
            yield m


def _chain_starts(text: str) -> set[int]:
    out: set[int] = set()
    for h in _CHAIN_HINT.finditer(text):
        a, u = h.start(), h.end() - 1
        # Skip what _CHAIN's own first checks reject: a dash or space, a digit after a digit.
        out.update(p for p in range(a, u) if not (text[p] in _NO_START or text[p].isspace() or
                                                  (p > 0 and text[p - 1] in _ASCII_DIGITS)))
        if a >= 2:
            out.add(a - 2)  # 今年6月
    return out


def _period_starts(text: str) -> set[int]:
    out: set[int] = set()
    for h in _PERIOD_HINT.finditer(text):
        k = h.start()
        out.update(p for p in range(max(0, k - _PERIOD_REACH), k + 1)
                   if text[p] in _PERIOD_FIRST or text[p].isdigit())
    return out


def _scan(text: str) -> list[_Cal]:
    found: list[tuple[int, int, int, _Cal]] = []  # (start, -length, priority, cal)
    # overlapped: a rejected candidate must not hide a date that starts inside it
    passes: list[tuple[Iterable[regex.Match[str]], Callable[[regex.Match[str]], _Cal | None]]] = [
        (_ISO.finditer(text, overlapped=True), _iso_at),
        (_overlapped(_PERIOD, text, _period_starts(text)), _period_at),
        (_overlapped(_CHAIN, text, _chain_starts(text)), lambda m: _chain_at(text, m)),
        (_REL.finditer(text, overlapped=True), _rel_at),
        (_DOTTED.finditer(text, overlapped=True), _dotted_at),
        (_bracket_day().finditer(text), _bracket_day_at),
    ]
    for pri, (matches, build) in enumerate(passes):
        for m in matches:
            if m.end() == m.start():
                continue
            c = build(m)
            if c is not None and c.end > c.start:
                found.append((c.start, -(c.end - c.start), pri, c))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    out: list[_Cal] = []
    last_end = -1
    for s, _neg, _pri, c in found:
        if names.inside(text, c.start, c.end):
            continue  # 《2021年全市水资源公报》, 2023年第5期, …/2023/06/19/…: a name, not a date
        if s >= last_end:
            out.append(c)
            last_end = c.end
    return out


# ---------------------------------------------------------------- resolution


def _is_full(c: _Cal) -> bool:
    return c.form == "point" and c.y is not None and c.m is not None and c.d is not None


def _page_date(text: str, cals: list[_Cal]) -> dt.date | None:
    """The page's own date: a labelled 发布时间 line, or a full date heading a line near the top."""
    labels = _words()["publication_labels"]
    best: dt.date | None = None
    for c in cals:
        if not _is_full(c):
            continue
        assert c.y is not None and c.m is not None and c.d is not None
        day = dt.date(c.y, c.m, c.d)
        head = text[max(0, c.start - 12):c.start]
        if any(lbl in head for lbl in labels):
            return day
        line_start = text.rfind("\n", 0, c.start) + 1
        line_end = text.find("\n", c.end)
        line_end = len(text) if line_end < 0 else line_end
        lead = text[line_start:c.start].strip(" ()（）【】[]")
        if best is None and not lead and c.start < 600 and line_end - line_start < 60:
            best = day
    return best


def _data_year(text: str, cals: list[_Cal], page_date: dt.date | None) -> int | None:
    """The year the page reports on: its most frequent stated year, comparisons (较2019年) left out."""
    basis = _words()["basis_before"]
    years: Counter[int] = Counter()
    first: dict[int, int] = {}
    for c in cals:
        if c.y is None or c.form.startswith("rel-") or _before(text, c.start, basis):
            continue
        if text.startswith(_SAME_PERIOD, c.end):
            continue
        for y in (c.y, c.y2):
            if y is not None and 1900 <= y <= 2099:
                years[y] += 1
                first.setdefault(y, c.start)
    if not years:
        return page_date.year if page_date else None
    return max(years, key=lambda y: (years[y], -first[y]))


def _fmt(y: int | None, m: int | None = None, d: int | None = None) -> str:
    if y is None:
        if m is None:
            return f"---{d:02d}" if d is not None else ""
        return f"--{m:02d}" + (f"-{d:02d}" if d is not None else "")
    out = f"{y:04d}"
    if m is not None:
        out += f"-{m:02d}"
        if d is not None:
            out += f"-{d:02d}"
    return out


_POS_DAYS = {w: tuple(_mean("date_part", w)["days"]) for w in _class("date_part") if _mean("date_part", w).get("days")}
_POS_END = frozenset(_class("date_part", position="end"))
_POS_START = frozenset(w for w in _class("date_part", position="start") if len(w) == 1)  # 初: of a year, January
_SEASON_MONTHS = {w: tuple(_mean("season", w)["months"]) for w in _class("season")}


def _span_dates(y: int | None, m: int | None, d: int | None, pos: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of a point expression, when its year is known."""
    if y is None:
        return None
    try:
        if m is None:
            if pos in _POS_END:
                return dt.date(y, 12, 31), dt.date(y, 12, 31)
            if pos in _POS_START:
                return dt.date(y, 1, 1), dt.date(y, 1, 31)
            if pos in _SEASON_MONTHS:
                a, b = _SEASON_MONTHS[pos]
                return cal.month_range(y, a, b)
            return cal.year_range(y)
        if d is None:
            last = cal.month_days(y, m)
            if pos in _POS_END:
                return dt.date(y, m, last), dt.date(y, m, last)
            if pos in _POS_DAYS:
                a, b = _POS_DAYS[pos]
                return dt.date(y, m, a), dt.date(y, m, min(b, last))
            return cal.month_range(y, m)
        return dt.date(y, m, d), dt.date(y, m, d)
    except ValueError:
        return None


class _Builder:
    """Turns raw expressions into facts, filling in missing years and months from the page."""

    def __init__(self, ctx: Context, cals: list[_Cal]) -> None:
        self.ctx = ctx
        self.text = ctx.norm.text
        self.cals = cals
        self.page_date = _page_date(self.text, cals)
        self.data_year = _data_year(self.text, cals, self.page_date)
        if self.data_year is None:
            self.data_year = ctx.year_before
        ref = ctx.reference_date
        self.today = ref or self.page_date
        # 今年 is the year of writing; a bare 全年 or 3月份 is the year reported on.
        self.now_year = ref.year if ref else self.page_date.year if self.page_date else self.data_year
        self.built: list[tuple[_Cal, DateFact | Period]] = []
        # Expressions stating a year (not as a basis) and a month, in text order, for year_for/month_for.
        basis = _words()["basis_before"]
        self._year_cals = [o for o in cals if o.y is not None and not _before(self.text, o.start, basis)]
        self._year_starts = [o.start for o in self._year_cals]
        self._month_cals = [o for o in cals if o.m is not None]
        self._month_starts = [o.start for o in self._month_cals]
        self._longest = max((o.end - o.start for o in cals), default=0)

    def year_for(self, c: _Cal) -> int | None:
        """Year of an expression without one: a year stated earlier in the same paragraph
        (not a basis such as 较2019年), else the page's year."""
        if c.rel is not None:
            return None if self.now_year is None else self.now_year + c.rel
        para_start = self.text.rfind("\n", 0, c.start) + 1
        # The nearest stated year before c (by bisection over those expressions: a scan back over
        # every expression per expression grew with the square of the page).
        k = bisect.bisect_left(self._year_starts, c.start) - 1
        if k >= 0 and self._year_starts[k] >= para_start:
            o = self._year_cals[k]
            return o.y2 if o.y2 is not None else o.y
        if self.data_year is not None:
            return self.data_year
        return self.now_year

    def month_for(self, c: _Cal) -> int | None:
        """Month of a bare day (16日): the month of a date shortly before, else the page's."""
        if _before(self.text, c.start, _MONTH_RELS):
            if self.today is None:
                return None
            return cal.shift_month(self.today.year, self.today.month, -1 if _before(self.text, c.start, _LAST_MONTH)
                                   else 0)[1]
        # The nearest expression with a month before c ending at most 400 characters before it.
        k = bisect.bisect_left(self._month_starts, c.start) - 1
        while k >= 0:
            o = self._month_cals[k]
            if c.start - o.end <= 400:
                return o.m2 if o.m2 is not None else o.m
            if c.start - o.start > 400 + self._longest:
                break  # no earlier one can end close enough
            k -= 1
        return self.today.month if self.today else None

    def build(self, c: _Cal) -> DateFact | Period | None:
        fact: DateFact | Period | None
        if c.form.startswith("rel-"):
            try:
                fact = self.build_rel(c)
            except (OverflowError, ValueError):  # a reference date at the end of the calendar
                fact = Period(value=c.rel_word or "", span=self._span(c))
        else:
            y = c.y if c.y is not None else self.year_for(c)
            if c.form == "point":
                fact = self.build_point(c, y)
            elif c.form == "range":
                fact = self.build_range(c, y)
            else:
                fact = self.build_period(c, y)
        if fact is not None:
            self.built.append((c, fact))
        return fact

    def _span(self, c: _Cal) -> Span:
        return self.ctx.norm.span(c.start, c.end)

    def build_point(self, c: _Cal, y: int | None) -> DateFact | Period | None:
        m = c.m if c.m is not None else (self.month_for(c) if c.d is not None else None)
        if m is None and c.d is not None:
            return DateFact(value=_fmt(None, None, c.d), span=self._span(c))
        if m is not None and c.d is not None and not cal.valid_day(m, c.d, y):
            y = None  # 2月29日 in a year without one: keep the date, drop the year
        dates = _span_dates(y, m, c.d, c.pos)
        w = _words()
        if dates is not None and _before(self.text, c.start, w["cutoff_before"]):
            if _before(self.text, c.start, w["cutoff_before"][:5]):
                # 截至6月底: a running total up to that day, whose start the text does not give.
                return Period(value=f"../{dates[1].isoformat()}", end=dates[1], span=self._span(c))
        start, end = dates if dates else (None, None)
        return DateFact(value=_fmt(y, m, c.d), start=start, end=end, span=self._span(c))

    def build_range(self, c: _Cal, y: int | None) -> Period | None:
        if c.y is not None and c.m is None and c.y2 is not None:
            start, end = dt.date(c.y, 1, 1), dt.date(c.y2, 12, 31)  # 2024-2025年
            return Period(value=f"{c.y}/{c.y2}", start=start, end=end, days=cal.days_between(start, end),
                          span=self._span(c))
        m1 = c.m if c.m is not None else (self.month_for(c) if c.d is not None else None)
        y2 = c.y2 if c.y2 is not None else y
        m2 = c.m2 if c.m2 is not None else m1
        d2 = c.d2 if c.d2 is not None else c.d
        if y is not None and c.y2 is None and (m2 or 0, d2 or 0) < (m1 or 0, c.d or 0):
            y2 = y + 1  # 12月—2月 runs into the next year
        value = f"{_fmt(y, m1, c.d)}/{_fmt(y2, m2, d2)}"
        a = _span_dates(y, m1, c.d, None)
        b = _span_dates(y2, m2, d2, c.pos)
        if a and b and a[0] <= b[1]:
            return Period(value=value, start=a[0], end=b[1], days=cal.days_between(a[0], b[1]), span=self._span(c))
        return _period(value, None, self._span(c))

    def build_period(self, c: _Cal, y: int | None) -> Period | None:
        n = c.n or 0
        shown = f"{y:04d}" if y is not None else "-"
        rng: tuple[dt.date, dt.date] | None = None
        if c.form == "week":
            value = f"{shown}-W{n:02d}"
            if y is not None:
                rng = cal.iso_week_range(y, n)
                if rng is None:
                    return None
        elif c.form == "quarter":
            if not 1 <= n <= 4:
                return None
            value = f"{shown}-Q{n}"
            rng = cal.quarter_range(y, n) if y is not None else None
        elif c.form == "quarters":
            last = 3 * n
            value = f"{shown}-01/{shown}-{last:02d}" if y is not None else f"--01/--{last:02d}"
            rng = cal.month_range(y, 1, last) if y is not None else None
        elif c.form == "months":
            if not 2 <= n <= 11:
                return None
            value = f"{shown}-01/{shown}-{n:02d}" if y is not None else f"--01/--{n:02d}"
            rng = cal.month_range(y, 1, n) if y is not None else None
        elif c.form == "half":
            value = f"{shown}-H{n}"
            rng = cal.half_range(y, n) if y is not None else None
        else:
            value = shown if y is not None else "P1Y"
            rng = cal.year_range(y) if y is not None else None
        return _period(value, rng, self._span(c))

    def _anchor(self, c: _Cal, ok: Callable[[DateFact | Period], bool]) -> tuple[dt.date, dt.date] | None:
        """The nearest stated period before c that satisfies ok (本周 of a weekly report is its week)."""
        basis = _words()["basis_before"]
        for o, f in reversed(self.built):
            if o.start < c.start and not o.form.startswith("rel-") and f.start and f.end and ok(f) \
                    and not _before(self.text, o.start, basis):  # 较8月 is a basis, not the report's month
                return f.start, f.end
        return None

    def build_rel(self, c: _Cal) -> Period | None:
        word = c.rel_word or ""
        if _before(self.text, c.start, _words()["basis_before"]):
            return None  # 较上周 is the basis of a change, not the period of a figure
        kind = c.form[4:]
        today = self.today
        rng: tuple[dt.date, dt.date] | None = None
        value = word
        if kind == "yr":
            if self.now_year is not None:
                yy = self.now_year + _REL_YEAR.get(word, 0)
                rng, value = cal.year_range(yy), f"{yy:04d}"
        elif kind == "w":
            off = 7 * int(_mean("rel_period", word).get("offset", 0))
            week = self._anchor(c, lambda f: f.end is not None and f.start is not None
                                and cal.days_between(f.start, f.end) == 7)
            if week is None and today is not None:
                week = cal.week_of(today)
            if week is not None:
                shift = dt.timedelta(days=off)
                rng = week[0] + shift, week[1] + shift
                iy, iw, _ = rng[0].isocalendar()
                value = f"{iy:04d}-W{iw:02d}" if rng[0].weekday() == 0 else f"{rng[0]}/{rng[1]}"
        elif kind == "mo":
            off = int(_mean("rel_period", word).get("offset", 0))
            month = self._anchor(c, lambda f: isinstance(f, DateFact) and f.start is not None
                                 and f.end is not None and f.start.day == 1
                                 and f.end == cal.month_range(f.start.year, f.start.month)[1])
            base = month[0] if month else today
            if base is not None:
                yy, mm = cal.shift_month(base.year, base.month, off)
                rng, value = cal.month_range(yy, mm), f"{yy:04d}-{mm:02d}"
        elif today is not None:
            q, yy = (today.month - 1) // 3 + 1, today.year
            if _mean("rel_period", word).get("offset") == -1:
                q -= 1
                if q == 0:
                    yy, q = yy - 1, 4
            rng, value = cal.quarter_range(yy, q), f"{yy:04d}-Q{q}"
        return _period(value, rng, self._span(c))


def _period(value: str, rng: tuple[dt.date, dt.date] | None, span: Span) -> Period:
    if rng is None:
        # Year unknown: the length is still certain unless February is inside (二季度 is 91 days).
        lengths = {cal.days_between(*r) for r in (_with_year(value, 2023), _with_year(value, 2024)) if r}
        days = lengths.pop() if len(lengths) == 1 else None
        return Period(value=value, span=span, days=days)
    return Period(value=value, start=rng[0], end=rng[1], days=cal.days_between(*rng), span=span)


# ---------------------------------------------------------------- times


def _hour(s: str) -> int | None:
    v = cal.small_int(s)
    return v if v is not None and 0 <= v <= 24 else None


def _ratio_like(text: str, s: int, e: int) -> bool:
    """a:b:c that reads as a structure ratio rather than a time of day."""
    a, b = s, e
    while b < len(text) and (text[b].isdigit() or text[b] in ".:∶"):
        b += 1
    parts = rx(r"[:∶]").split(text[a:b])
    if len(parts) < 3 or not rx(lexicon.alternation("ratio_word")).search(text[max(0, a - 12):a]):
        return False
    try:
        total = sum(float(p) for p in parts if p)
    except ValueError:
        return False
    return 95 <= total <= 105


def _scan_times(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, str, str | None]]:
    colon, han = _time_patterns()
    w = _words()
    offsets: dict[str, int] = w["time_of_day"]
    out: list[tuple[int, int, str, str | None]] = []
    busy = list(taken)

    def free(s: int, e: int) -> bool:
        return not any(s < b and a < e for a, b in busy)

    starts = _time_starts(text)
    for pattern in (colon, han):
        for m in _finditer_at(pattern, text, starts):
            h = _hour(m["h"])
            if h is None:
                continue
            pre = m["pre"]
            g = _groupdict(m)
            if pattern is han:
                numeric = m["h"].isdigit()
                supported = bool(pre or g["mi"] or g["half"] or g["ap"])
                if (m["u"] == _COLLOQUIAL_HOUR or not numeric) and not supported:
                    continue
                if not supported and _after(text, m.end(), w["hour_after_bad"]):
                    continue
                if not supported and m.start("h") > 0 and text[m.start("h") - 1] in _NOT_BEFORE_HOUR:
                    continue
            mi = cal.small_int(g["mi"]) if g["mi"] else (30 if g.get("half") else 0)
            if mi is None or mi > 59:
                continue
            s, e = m.start("h"), m.end()
            if not free(s, e):
                continue
            if pattern is colon and _ratio_like(text, s, e):
                continue  # 10:40:50 after 结构/比 adding up to 100 is a ratio, not a clock time
            hh = h
            if pre and offsets.get(pre, 0) == 12 and h < 12 and not (pre in w["noon"] and h >= 10):
                hh = h + 12
            value = f"{hh % 24 if hh == 24 and mi else hh:02d}:{mi:02d}"
            approx = g.get("ap") if g.get("ap") in _CLOCK_APPROX else None
            out.append((s, e, value, approx))
            busy.append((s, e))
    return out


# ---------------------------------------------------------------- entry points


def run(ctx: Context) -> None:
    text = ctx.norm.text
    cals = _scan(text)
    b = _Builder(ctx, cals)
    if ctx.year is None:
        ctx.year = b.data_year
    spans: list[tuple[int, int]] = []
    for c in cals:
        fact = b.build(c)
        if fact is None:
            continue
        ctx.add(fact, c.start, c.end)
        spans.append((c.start, c.end))
    for s, e, value, approx in _scan_times(text, spans):
        ctx.add(TimeFact(value=value, approx=approx, span=ctx.norm.span(s, e)), s, e)


# ---------------------------------------------------------------- governing period


def days_of(fact: DateFact | Period) -> int | None:
    """Days in the stretch a date or period fact covers (a month its length, 上半年 181 or 182)."""
    if isinstance(fact, Period) and fact.days is not None:
        return fact.days
    if fact.start is not None and fact.end is not None:
        return cal.days_between(fact.start, fact.end)
    return None


def days_range(fact: DateFact | Period) -> tuple[int, int] | None:
    """Fewest and most days the fact can cover when its year is unknown (上半年: 181–182)."""
    known = days_of(fact)
    if known is not None:
        return known, known
    if fact.end is not None and fact.start is None:
        return None  # 截至6月底: the start is not stated
    counts = set()
    for year in (2023, 2024):  # a common and a leap year
        rebuilt = _with_year(fact.value, year)
        if rebuilt is None:
            return None
        counts.add(cal.days_between(*rebuilt))
    return min(counts), max(counts)


def _with_year(value: str, year: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of a yearless value such as --H1, --Q2, --07, --01/--05 in `year`."""
    try:
        if m := rx(r"-+H([12])").fullmatch(value):
            return cal.half_range(year, int(m[1]))
        if m := rx(r"-+Q([1-4])").fullmatch(value):
            return cal.quarter_range(year, int(m[1]))
        if m := rx(r"--(\d\d)").fullmatch(value):
            return cal.month_range(year, int(m[1]))
        if m := rx(r"--(\d\d)(?:-(\d\d))?/--(\d\d)(?:-(\d\d))?").fullmatch(value):
            m1, m2 = int(m[1]), int(m[3])
            a = dt.date(year, m1, int(m[2]) if m[2] else 1)
            y2 = year + 1 if m2 < m1 else year
            b = dt.date(y2, m2, int(m[4]) if m[4] else cal.month_days(y2, m2))
            return a, b
        if m := rx(r"--(\d\d)-(\d\d)|---(\d\d)").fullmatch(value):
            return (dt.date(year, 1, 1),) * 2
        if rx(r"-+W\d\d").fullmatch(value):
            return dt.date(year, 1, 5), dt.date(year, 1, 11)
        if value == "P1Y":
            return cal.year_range(year)
    except ValueError:
        return None
    return None


def _role(text: str, f: DateFact | Period) -> str:
    """dateline (7月15日电, 发布时间:…), basis (较2019年), point (a single day) or period."""
    s, e = f.nspan
    w = _words()
    if _after(text, e, w["dateline_after"]) or _before(text, s, w["publication_labels"]) or \
            _before(text, s, w["publication_labels_colon"]):
        return "dateline"
    if _before(text, s, w["basis_before"]) or text.startswith(_SAME_PERIOD, e):
        return "basis"
    if isinstance(f, DateFact):
        if f.start is not None and f.start == f.end:
            return "point"  # a day, or 6月底
        if f.start is None and rx(r"\d-\d\d$|^---\d\d$").search(f.value):
            return "point"  # a day whose year is unknown: --07-18, ---13
    return "period"


def link_periods(ctx: Context) -> None:
    """Give every figure the id of the period it refers to (`period_id`), for users and checks."""
    for f in ctx.facts:
        if f.kind in ("quantity", "percent", "change") and f.period_id is None:
            p = period_for(ctx, f.nspan[0])
            if p is not None:  # period_id is None already; a pydantic assignment costs
                f.period_id = p.id


def period_for(ctx: Context, npos: int) -> Period | DateFact | None:
    """The date or period fact that governs the figure at normalised position npos.

    Looks, in order, at the same sentence (nearest before npos, else a period later
    in the same clause), the earlier sentences of its paragraph, then the page (nearest before, else
    the first). Datelines (7月15日电) and comparison bases (较2019年) never govern; a
    single day governs only a figure in its own sentence.
    """
    index = _period_index(ctx)
    # Figures and checks ask about the same positions again: answer each once per index.
    if npos not in index.answers:
        index.answers[npos] = _governing(ctx.norm.text, index, npos)
    return index.answers[npos]


def _governing(text: str, index: _PeriodIndex, npos: int) -> Period | DateFact | None:
    facts, starts, roles, periods, period_starts = (index.facts, index.starts, index.roles, index.periods,
                                                    index.period_starts)
    s0, s1 = index.sentences.at(npos)
    same = range(bisect.bisect_left(starts, s0), bisect.bisect_left(starts, s1))
    for k in reversed(same):  # the nearest before npos in the sentence
        if roles[k] in ("period", "point") and facts[k].nspan[1] <= npos \
                and not ((c := index.closes[k]) is not None and c < npos):
            return facts[k]
    # A period written after its figure governs it only inside the same clause: 受理500件(1-6月).
    if same:
        clause_end = rx(r"[,，;；。]").search(text, npos)
        stop = min(s1, clause_end.start()) if clause_end else s1
        for k in same:
            if roles[k] == "period" and npos <= starts[k] < stop:
                return facts[k]
    para = text.rfind("\n", 0, npos) + 1
    k = bisect.bisect_left(period_starts, s0) - 1
    while k >= 0 and (periods[k].nspan[1] > s0 or index.period_aside[k]):
        k -= 1
    if k >= 0 and periods[k].nspan[0] >= para:
        return periods[k]
    k = bisect.bisect_left(period_starts, npos) - 1
    while k >= 0 and (periods[k].nspan[1] > npos or index.period_aside[k]):
        k -= 1
    if k >= 0:
        return periods[k]
    return periods[0] if periods else None


def _bracket_close(text: str, s: int, e: int, figure_ends: set[int]) -> int | None:
    """Where the bracket that holds text[s:e] closes, when it is an aside on the figure it follows
    (…8.7%(9月份受理57705件)); None otherwise (2024年国庆假期(10月1日—7日) glosses a period)."""
    line_start = text.rfind("\n", 0, s) + 1
    o = text.rfind("(", line_start, s)
    if o < 0 or o not in figure_ends or ")" in text[o:s]:
        return None
    c = text.find(")", e)
    nl = text.find("\n", e)
    if c < 0 or (0 <= nl < c) or "(" in text[e:c]:
        return None
    return c


@dataclass
class _PeriodIndex:
    """Dates and periods in text order with their roles, and the page's sentences."""

    facts: list[DateFact | Period]
    starts: list[int]
    roles: list[str]
    periods: list[DateFact | Period]
    period_starts: list[int]
    sentences: Sentences
    # Where the bracket a date stands in closes (环比回落8.7%(9月份受理57705件),日均…): such a date is
    # the period of what the bracket says, never of the figures after it.
    closes: list[int | None]
    period_aside: list[bool]
    answers: dict[int, Period | DateFact | None] = field(default_factory=dict)


def _period_index(ctx: Context) -> _PeriodIndex:
    """Built once per document, again whenever a date or period was added since (counted by the
    dates and periods themselves: other passes add and remove composites freely)."""
    n = ctx.dates_added
    cached = ctx.cache.get("period_index")
    if cached is not None and cached[0] == n:
        index: _PeriodIndex = cached[1]
        return index
    text = ctx.norm.text
    facts = sorted((f for f in ctx.facts if isinstance(f, (DateFact, Period))), key=lambda f: f.nspan)
    roles = [_role(text, f) for f in facts]
    periods = [f for f, r in zip(facts, roles, strict=True) if r == "period"]
    figure_ends = {f.nspan[1] for f in ctx.facts if f.kind in ("quantity", "percent", "change")}
    closes = [_bracket_close(text, f.nspan[0], f.nspan[1], figure_ends) for f in facts]
    aside = {id(f) for f, c in zip(facts, closes, strict=True) if c is not None}
    index = _PeriodIndex(facts, [f.nspan[0] for f in facts], roles, periods, [f.nspan[0] for f in periods],
                         Sentences(text), closes, [id(f) in aside for f in periods])
    ctx.cache["period_index"] = (n, index)
    return index
