"""Word classes: the words the extractors and the checks know, read once from `data/lexicon/`.

Each file `data/lexicon/<class>.json` is one class of words that play one part in a sentence
(comparison bases, direction words, totals, shares, bounds …), in the way dateparser and
Duckling keep their language data: the words with what each means, and sentences that show
them at work::

    {"doc": "what the class is for",
     "words": {"上年同期": {"period": "year", "same": true}, "上周": {"period": "week"}},
     "examples": ["本月受理2000件,较[上年同期]增加300件"],
     "not": ["两会[同期]举办"]}

`words` is a list or a mapping from word to its meaning. In `examples` the stretch in
brackets must come out of `scan()` as one token of the class; in `not` it must not (a longer
word wins, or the class does not hold it). `tests/test_lexicon.py` runs every line.

A word may belong to several classes (多 is a direction and a bound): a token carries all of
them and the reader of the token decides which part it plays. Ordinary words that contain a
class word but are not it (比较, 上一周期) live in `plain.json`, so that the longest match
keeps them whole.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

import regex


@dataclass(frozen=True)
class WordClass:
    name: str
    doc: str
    meanings: Mapping[str, Mapping[str, Any]]
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    # Readers ask for the same selections on every figure of every page: each is worked out once.
    _picked: dict[tuple[tuple[str, Any], ...], tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def words(self) -> list[str]:
        """The words, longest first (the order an alternation must try them in)."""
        return list(self._pick(()))

    def meaning(self, word: str) -> Mapping[str, Any]:
        return self.meanings.get(word, {})

    def having(self, **want: Any) -> list[str]:
        """The words whose meaning has every key=value given (e.g. bound="lower")."""
        return list(self._pick(tuple(sorted(want.items()))))

    def _pick(self, want: tuple[tuple[str, Any], ...]) -> tuple[str, ...]:
        got = self._picked.get(want)
        if got is None:
            got = self._picked[want] = tuple(
                w for w in sorted(self.meanings, key=lambda w: (-len(w), w))
                if all(self.meanings[w].get(k) == v for k, v in want))
        return got


class WordToken(NamedTuple):
    """A stretch of text that is a lexicon word: [start, end) and every class it belongs to."""

    start: int
    end: int
    text: str
    classes: frozenset[str] = frozenset()


def _files() -> Iterable[tuple[str, str]]:
    root = resources.files("gov_news_extract.data").joinpath("lexicon")
    for entry in sorted(root.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            yield entry.name[: -len(".json")], entry.read_text(encoding="utf-8")


@cache
def classes() -> dict[str, WordClass]:
    out: dict[str, WordClass] = {}
    for name, raw in _files():
        data = json.loads(raw)
        words = data.get("words", [])
        meanings = {w: {} for w in words} if isinstance(words, list) else {w: dict(v or {}) for w, v in words.items()}
        out[name] = WordClass(name, data.get("doc", ""), meanings, tuple(data.get("examples", ())),
                              tuple(data.get("not", ())))
    return out


def get(name: str) -> WordClass:
    return classes()[name]


def words(*names: str) -> list[str]:
    """The words of one or more classes, longest first, each once."""
    return list(_words(names))


@cache
def _words(names: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for n in names:
        for w in get(n).words:
            seen.setdefault(w, None)
    return tuple(sorted(seen, key=lambda w: (-len(w), w)))


def alternation(*names: str, extra: Iterable[str] = ()) -> str:
    """A regex alternation of the words of the classes (longest first), for building patterns."""
    ws = set(words(*names)) | set(extra)
    return "|".join(regex.escape(w) for w in sorted(ws, key=lambda w: (-len(w), w)))


def alternation_where(name: str, **want: object) -> str:
    """An alternation of the words of a class whose meaning has every key=value given."""
    return "|".join(regex.escape(w) for w in get(name).having(**want))


def alternation_without(name: str, **exclude: object) -> str:
    """An alternation of the words of a class, less those whose meaning has any key=value given."""
    wc = get(name)
    return "|".join(regex.escape(w) for w in wc.words if not any(wc.meanings[w].get(k) == v for k, v in exclude.items()))


def meaning(name: str, word: str) -> Mapping[str, Any]:
    return get(name).meaning(word)


@cache
def _index() -> tuple[dict[str, frozenset[str]], dict[str, tuple[int, ...]]]:
    """Every word with its classes, and for each first character the word lengths, longest first."""
    of: dict[str, set[str]] = {}
    for name, wc in classes().items():
        for w in wc.meanings:
            of.setdefault(w, set()).add(name)
    lengths: dict[str, set[int]] = {}
    for w in of:
        lengths.setdefault(w[0], set()).add(len(w))
    return ({w: frozenset(c) for w, c in of.items()},
            {ch: tuple(sorted(ls, reverse=True)) for ch, ls in lengths.items()})


def words_read(text: str) -> set[str]:
    """The lexicon's words as the scan reads them in text, and the head of a word whose rest is a verb
    of having or being (共有 reads 共 too): 共 inside 公共 is no word of its own."""
    found = {t.text for t in scan(text)}
    return found | {w[:k] for w in found for k in range(1, len(w)) if classes_of(w[k:]) & {"have_verb", "copula"}}


def classes_of(word: str) -> frozenset[str]:
    """The classes a word belongs to (empty when the lexicon does not know it)."""
    return _index()[0].get(word, frozenset())


@cache
def _never_after() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Words that are not themselves right after or right before certain text (never_after: 一是
    after 第 is 第一 + 是; never_before: 按年 before 龄 is 按 + 年龄)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for wc in classes().values():
        for w, m in wc.meanings.items():
            after, before = out.setdefault(w, ([], []))
            after.extend(m.get("never_after", ()))
            before.extend(m.get("never_before", ()))
    return {w: (tuple(a), tuple(b)) for w, (a, b) in out.items() if a or b}


def scan(text: str, start: int = 0, end: int | None = None) -> list[WordToken]:
    """The lexicon words in text[start:end], longest match first, left to right, never overlapping."""
    stop = len(text) if end is None else min(end, len(text))
    return list(_scan(text, max(start, 0), stop))


@lru_cache(maxsize=16384)
def _scan(text: str, start: int, stop: int) -> tuple[WordToken, ...]:
    # The label and list passes read the same short stretches (a label, the words before a
    # figure) many times over: each stretch is scanned once.
    of, lengths = _index()
    never = _never_after()
    out: list[WordToken] = []
    i = start
    while i < stop:
        lens = lengths.get(text[i])
        if lens:
            for n in lens:
                if i + n <= stop:
                    w = text[i:i + n]
                    cls = of.get(w)
                    if cls is not None and w in never and (any(text.endswith(x, 0, i) for x in never[w][0])
                                                           or any(text.startswith(x, i + n) for x in never[w][1])):
                        continue
                    if cls is not None:
                        out.append(WordToken(i, i + n, w, cls))
                        i += n
                        break
            else:
                i += 1
            continue
        i += 1
    return tuple(out)
