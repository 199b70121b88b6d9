"""Regex fragments built from the word classes of `data/lexicon/` (see `text/lexicon.py`).

The extractors' patterns hold structure (what follows what); the words come from here, so that
a word added to its class reaches every pattern that names the class.
"""

from __future__ import annotations

from functools import cache

import regex

from ..text import lexicon as lx


def _alt(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


@cache
def units() -> list[str]:
    return lx.words("unit")


@cache
def unit_pattern() -> str:
    return lx.alternation("unit")


@cache
def direction_of() -> dict[str, str]:
    return {w: str(m["dir"]) for w, m in lx.get("direction").meanings.items()}


@cache
def direction_pattern() -> str:
    return lx.alternation("direction")


@cache
def basis_pattern() -> str:
    """A comparison base: 同比/环比, or a comparator and a prior period (较上年同期, 比上一周, 与上年相比)."""
    opens = _alt(lx.get("comparator").having(role="open"))
    closes = _alt(lx.get("comparator").having(role="close"))
    return rf"(?:{lx.alternation('basis_word')}|(?:{opens})(?:{lx.alternation('prior_period')})(?:{closes})?)"


@cache
def rate_words() -> dict[str, str]:
    """Words naming a rate of change (增速, 降幅) with the direction they imply."""
    return {w: str(m["dir"]) for w, m in lx.get("rate_word").meanings.items()}


@cache
def rate_word_regex() -> regex.Pattern[str]:
    """A rate word at the end of a clause, maybe with a verb before the number (降幅收窄至)."""
    return regex.compile(
        rf"(?P<w>{lx.alternation('rate_word')})(?:{lx.alternation('direction')})?"
        rf"(?:{_alt(lx.get('separator').having(kind='range'))}|{lx.alternation('copula')})?"
        rf"(?:{_alt(lx.get('bound').having(bound='approx', place='before') + lx.get('bound').having(bound='upper', place='before'))})?$"
    )


@cache
def set_phrase_regex() -> regex.Pattern[str]:
    return regex.compile(lx.alternation("set_phrase"))


def having(name: str, **want: object) -> str:
    """An alternation of the words of a class whose meaning has every key=value given."""
    return _alt(lx.get(name).having(**want))


def alternation_without(name: str, **exclude: object) -> str:
    """An alternation of the words of a class, less those whose meaning has any key=value given."""
    wc = lx.get(name)
    return _alt([w for w in wc.words if not any(wc.meanings[w].get(k) == v for k, v in exclude.items())])


def chars(name: str) -> str:
    """The one-character words of a class as the inside of a regex character class."""
    return "".join(regex.escape(w) for w in lx.get(name).words if len(w) == 1)
