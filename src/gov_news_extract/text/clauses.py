"""Sentence boundaries on the normalised text."""

from __future__ import annotations


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence holding pos (its ending punctuation included)."""
    a = max(text.rfind(c, 0, pos) for c in "。!?！？\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。!?！？\n") if i >= 0]
    b = min(ends) + 1 if ends else len(text)
    return a, b
