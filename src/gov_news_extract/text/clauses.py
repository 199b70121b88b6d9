"""Sentence boundaries on the normalised text."""

from __future__ import annotations

import bisect
import threading

import regex

from .rx import rx

_ENDS = "。!?！？\n"


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence holding pos (its ending punctuation included)."""
    a = last_before(text, _ENDS, pos) + 1
    ends = [i for i in (text.find(c, pos) for c in _ENDS) if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return a, b


class Sentences:
    """The sentence ends of one text, found once; `at` answers as sentence_at does, by bisection
    (for callers asking about many positions of the same text)."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.ends = [m.start() for m in rx("[" + _ENDS + "]").finditer(text)]

    def at(self, pos: int) -> tuple[int, int]:
        k = bisect.bisect_left(self.ends, pos)
        a = self.ends[k - 1] + 1 if k else 0
        b = self.ends[k] + 1 if k < len(self.ends) else self.size
        return a, b


class _Marks(threading.local):
    """Positions of punctuation sets in the text being parsed, found once per text and set.

    The passes ask "where does the clause before this figure start?" thousands of times per page;
    a bisection over positions found by one scan replaces a str.rfind per punctuation mark.
    Per thread, so that parses in threads never see another text's positions."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.by_chars: dict[str, list[int]] = {}


_MARKS = _Marks()


def last_before(text: str, chars: str, pos: int) -> int:
    """The offset of the last of chars in text[:pos], or -1 (as max(text.rfind(c, 0, pos) for c in chars))."""
    marks = _MARKS
    if marks.text is not text:
        marks.text, marks.by_chars = text, {}
    found = marks.by_chars.get(chars)
    if found is None:
        found = marks.by_chars[chars] = [m.start() for m in rx("[" + regex.escape(chars) + "]").finditer(text)]
    k = bisect.bisect_left(found, pos)
    return found[k - 1] if k else -1
