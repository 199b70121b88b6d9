"""Tokens: a stretch of text cut into lexicon words and what lies between them.

`tokens(s)` covers `s` completely, left to right: each lexicon word (longest match, see
`lexicon.scan`) is one token with its classes; between words, a run of Han characters that no
class knows is one `han` token (the content words: names of metrics, places, categories), and
digits, Latin letters, spaces and each punctuation mark are tokens of their own. Readers decide
by class, never by spelling: a trailing copula is any token of `copula`, whatever its wording.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import NamedTuple

import regex

from . import lexicon

_GAP = regex.compile(r"(?P<han>\p{Han}+)|(?P<num>\p{N}+(?:[.．,，]\p{N}+)*)|(?P<latin>[A-Za-zＡ-Ｚａ-ｚ]+)|(?P<space>\s+)"
                     r"|(?P<punct>.)", regex.DOTALL)
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


class Tok(NamedTuple):
    """One token: `kind` is `word` (a lexicon word, `classes` says which), `han`, `num`, `latin`,
    `space` or `punct` (a mark, with classes when the lexicon knows it: 、 is a separator);
    [start, end) are offsets into the string that was cut. (A named tuple: a page makes tens of
    thousands of them, and a tuple is built three times faster than a frozen dataclass.)"""

    kind: str
    start: int
    end: int
    text: str
    classes: frozenset[str] = frozenset()

    def is_(self, *names: str) -> bool:
        """Is this a word of one of the classes?"""
        return any(n in self.classes for n in names)

    def means(self, name: str, **want: object) -> bool:
        """Is this a word of class `name` whose meaning has every key=value given?"""
        if name not in self.classes:
            return False
        m = lexicon.meaning(name, self.text)
        return all(m.get(k) == v for k, v in want.items())


def _gaps(s: str, a: int, b: int) -> Iterable[Tok]:
    for m in _GAP.finditer(s, a, b):
        kind = m.lastgroup or "punct"
        yield Tok(kind, m.start(), m.end(), m.group())


# Classes whose one-character words say something only next to a number (件 after 8215, 第 before
# 三, 万 in 12.5万) or at the end of a name (市, 县): inside a run of Han characters they are part
# of a word (人口, 市长, 统一) and stay in it.
_POSITIONAL = frozenset({"unit", "date_part", "numeral", "multiplier", "place_suffix", "ordinal", "per_word", "ratio_unit"})
_AFTER_NUMBER = frozenset({"unit", "date_part", "multiplier", "numeral", "ratio_unit"})
# Classes of one-character function words that also stand inside content words (都 in 成都,
# 共 in 公共, 为 in 作为, 有 in 所有): inside a run of Han characters the segmenter decides.
_INSIDE_WORDS = frozenset({"adverb", "copula", "total", "particle", "have_verb", "modal", "direction"})
_BEFORE_NUMBER = frozenset({"ordinal", "per_word", "numeral"})


def _numberish(t: Tok | None) -> bool:
    """A number, a numeral, or 余/多 written between a number and its unit (2.1万余名)."""
    return t is not None and (t.kind == "num" or (t.kind == "word" and len(t.text) == 1 and (
        "numeral" in t.classes or "multiplier" in t.classes or (
            "bound" in t.classes and bool(lexicon.meaning("bound", t.text).get("inner"))))))


_HAN = regex.compile(r"\p{Han}+")


def _word_edges(s: str, pos: int, cache: dict[tuple[int, int], set[int]]) -> set[int]:
    """Word boundaries the segmenter finds in the run of Han characters around pos (都 in 成都市,
    共 in 公共服务, 为 in 作为): a one-character class word inside such a run is a token only where
    it is a word of its own."""
    from . import segment  # loaded on first use: most stretches have no such word

    a = pos
    while a > 0 and _HAN.match(s, a - 1, a):
        a -= 1
    m = _HAN.match(s, a)
    b = m.end() if m else pos + 1
    key = (a, b)
    edges = cache.get(key)
    if edges is None:
        edges = set()
        for _tok, x, y in segment.tokenize(s[a:b]):
            edges.add(a + x)
            edges.add(a + y)
        cache[key] = edges
    return edges


def _settle(raw: list[Tok], s: str) -> list[Tok]:
    """Put one-character words back into the Han run they stand in where they are part of a word:
    a positional word (件, 市) unless a number stands next to it; any other (都, 共, 为) where the
    segmenter does not cut it out as a word. Then join neighbouring Han runs."""
    out: list[Tok] = []
    cache: dict[tuple[int, int], set[int]] = {}
    for i, t in enumerate(raw):
        if t.kind == "word" and len(t.text) == 1 and t.classes & _INSIDE_WORDS and t.text not in _MARKS \
                and 0 < t.start and t.end < len(s) and _HAN.match(s, t.start - 1, t.start) and _HAN.match(s, t.end, t.end + 1):
            # at the edge of a run of Han characters (before a number, after a mark) a one-character
            # word is taken as the word it is; inside a run the segmenter decides
            edges = _word_edges(s, t.start, cache)
            if not (t.start in edges and t.end in edges):
                t = Tok("han", t.start, t.end, t.text)
        if t.kind == "word" and len(t.text) == 1 and t.classes <= _POSITIONAL:
            prev = raw[i - 1] if i else None
            nxt = raw[i + 1] if i + 1 < len(raw) else None
            keep = (t.classes & _AFTER_NUMBER and _numberish(prev)) or (t.classes & _BEFORE_NUMBER and _numberish(nxt)) \
                or ("numeral" in t.classes and nxt is not None and (
                    nxt.text in _LIST_MARKS or nxt.is_("unit", "date_part", "period_word", "multiplier"))) \
                or ("numeral" in t.classes and prev is not None and "ordinal" in prev.classes)
            if not keep:
                t = Tok("han", t.start, t.end, t.text)
        if t.kind == "han" and out and out[-1].kind == "han" and out[-1].end == t.start:
            out[-1] = Tok("han", out[-1].start, t.end, s[out[-1].start:t.end])
        else:
            out.append(t)
    return out


_LIST_MARKS = frozenset("、)）.．")
_MARKS = frozenset("、—-~～%‰")


def tokens(s: str, start: int = 0, end: int | None = None) -> list[Tok]:
    """The tokens of s[start:end], covering it without gaps (a new list: callers may change it).

    On a page (a long string) the page is cut once and a stretch is a slice of its tokens, so
    that a word's class never depends on where a caller starts reading; a token cut by the
    stretch's edge is cut again on its own."""
    stop = len(s) if end is None else min(end, len(s))
    if len(s) < _PAGE:
        return list(_tokens(s, start, stop))
    page, starts = _page(s)
    k = max(bisect.bisect_right(starts, start) - 1, 0)
    j = bisect.bisect_left(starts, stop, k)  # the first token at or after stop: never sliced past
    out = list(page[k:j])
    if out and out[0].end <= start:
        del out[0]
    # a token cut by the stretch's edge is cut again on its own
    if out and out[0].start < start:
        t = out.pop(0)
        out[:0] = _tokens(s, start, min(t.end, stop))
    if out and out[-1].end > stop:
        t = out.pop()
        out.extend(_tokens(s, max(t.start, start), stop))
    return out


# Strings at least this long are pages: cut once, read in slices.
_PAGE = 400


@lru_cache(maxsize=4)
def _page(s: str) -> tuple[tuple[Tok, ...], list[int]]:
    toks = _tokens(s, 0, len(s))
    return toks, [t.start for t in toks]


@lru_cache(maxsize=8192)
def _tokens(s: str, start: int, stop: int) -> tuple[Tok, ...]:
    # The label passes ask for the tokens of the same short stretches many times over.
    out: list[Tok] = []
    pos = start
    for w in lexicon.scan(s, start, stop):
        if w.start > pos:
            out.extend(_gaps(s, pos, w.start))
        # a class word written in marks (、 — ~) is punctuation that a class also knows
        out.append(Tok("word" if _WORDLIKE.search(w.text) else "punct", w.start, w.end, w.text, w.classes))
        pos = w.end
    if pos < stop:
        out.extend(_gaps(s, pos, stop))
    return tuple(_settle(out, s))


def text_of(toks: Sequence[Tok]) -> str:
    return "".join(t.text for t in toks)
