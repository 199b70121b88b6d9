"""Stretches of a page that name things, so that no figure or date is read inside them.

ANNOTATION.md: numbers that name things are not facts. These shapes name whatever digits they
hold: a title in book-title marks (《2023年全市水资源公报》), an address (http://…/2023/06/19/…),
an identifier (002590358/2022-77135), an issue number (2023年第5期, 总第74期), and a short slogan
in quotation marks (“四个上虞”). The other names (12345热线, 110平台) carry no unit
and drop out of extraction by themselves.
"""

from __future__ import annotations

import bisect
from functools import lru_cache

import regex

from . import lexicon

_TITLE = regex.compile(r"《[^《》\n]{1,60}》")
_URL = regex.compile(r"(?:https?://|www\.)[\w\-./?%&=:#~+]+", regex.ASCII)
# An identifier: digits and letters joined by two or more / or - (002590358/2022-77135, 文号 codes).
# (a run of six digits or more sets it apart from a date such as 2023-06-19 or 2023/06/19)
_CODE = regex.compile(r"(?<![\w.])(?=[0-9A-Za-z/\-]*\d{6})[0-9A-Za-z]+(?:[/\-][0-9A-Za-z]+){2,}(?![\w.])", regex.ASCII)


@lru_cache(maxsize=1)
def _slogan() -> regex.Pattern[str]:
    """A short phrase in quotation marks holding a Chinese numeral (“四个上虞”, “三个年”, “两区”): a
    slogan or a name, whatever counts it seems to make."""
    digits = "".join(w for w, m in lexicon.get("numeral").meanings.items() if "digit" in m or "small" in m)
    return regex.compile(rf"“[^“”\n]{{0,6}}[{digits}][^“”\n]{{0,6}}”")


@lru_cache(maxsize=1)
def _issue() -> regex.Pattern[str]:
    """(2023年)第5期(总第74期): the number of an issue of a serial, with the year it is counted in."""
    first = next(w for w, m in lexicon.get("ordinal").meanings.items() if m.get("always") and len(w) == 1)
    issue = "|".join(regex.escape(w) for w, m in lexicon.get("unit").meanings.items() if m.get("issue"))
    year = "|".join(regex.escape(w) for w, m in lexicon.get("unit").meanings.items() if m.get("calendar") == "year")
    return regex.compile(rf"(?:\d{{4}}(?:{year}))?{first}\d{{1,4}}(?:{issue})"
                         rf"(?:[(（][^()（）]{{0,4}}{first}\d{{1,5}}(?:{issue})[)）])?")


def spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) of every naming stretch in text, sorted."""
    return _spans(text)


@lru_cache(maxsize=4)
def _spans(text: str) -> list[tuple[int, int]]:
    found = [m.span() for p in (_TITLE, _URL, _CODE, _issue(), _slogan()) for m in p.finditer(text)]
    return sorted(found)


def inside(text: str, s: int, e: int) -> bool:
    """Does [s, e) lie in a naming stretch?"""
    sp = _spans(text)
    k = bisect.bisect_right(sp, (s, len(text) + 1)) - 1
    while k >= 0:
        a, b = sp[k]
        if a <= s and e <= b:
            return True
        if b < s - 80:
            break
        k -= 1
    return False
