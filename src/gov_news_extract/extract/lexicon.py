"""Language data for the extractors, read once from `data/` (dateparser keeps its
language data as data files for the same reason: words change more often than code)."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

import regex


def _data(name: str) -> str:
    return resources.files("gov_news_extract.data").joinpath(name).read_text(encoding="utf-8")


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def units() -> list[str]:
    return [ln.strip() for ln in _data("units.txt").splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def unit_pattern() -> str:
    return _alternation(units())


@lru_cache(maxsize=1)
def change_words() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(_data("change_words.json"))
    return raw


@lru_cache(maxsize=1)
def direction_of() -> dict[str, str]:
    cw = change_words()
    return {**{w: "up" for w in cw["up"]}, **{w: "down" for w in cw["down"]}}


@lru_cache(maxsize=1)
def direction_pattern() -> str:
    cw = change_words()
    return _alternation(cw["up"] + cw["down"])


@lru_cache(maxsize=1)
def basis_pattern() -> str:
    return _alternation(change_words()["bases"])


@lru_cache(maxsize=1)
def rate_words() -> dict[str, str]:
    """Words naming a rate of change (增速, 降幅) with the direction they imply."""
    raw: dict[str, str] = change_words()["rate_words"]
    return raw


@lru_cache(maxsize=1)
def rate_word_regex() -> regex.Pattern[str]:
    """A rate word at the end of a clause, maybe with a verb before the number (降幅收窄至)."""
    words = _alternation(list(rate_words()))
    return regex.compile(rf"(?P<w>{words})(?:收窄|扩大|回落|提高|加快|放缓)?(?:至|到|为|达|是)?(?:约|近)?$")


@lru_cache(maxsize=1)
def set_phrase_regex() -> regex.Pattern[str]:
    words = [ln.strip() for ln in _data("set_phrases.txt").splitlines() if ln.strip() and not ln.startswith("#")]
    return regex.compile(_alternation(words))
