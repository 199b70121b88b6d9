"""Sentence boundaries on the normalised text."""

from __future__ import annotations

import bisect

from .rx import rx

_ENDS = "。!?！？\n"


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence holding pos (its ending punctuation included)."""
    a = max(text.rfind(c, 0, pos) for c in _ENDS) + 1
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
