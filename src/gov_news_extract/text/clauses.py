"""Sentence and clause boundaries on the normalised text."""

from __future__ import annotations

from collections.abc import Iterator

import regex

_SENTENCE_END = regex.compile(r"[。!?！？\n]+")
_CLAUSE_END = regex.compile(r"[,，;；、:：]")


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """Yield [start, end) of each sentence (ending punctuation included)."""
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    a = max(text.rfind(c, 0, pos) for c in "。!?！？\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。!?！？\n") if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return a, b
