"""Stage: split a page into articles (title, column, byline, body).

Placeholder layout: one article spanning the whole text; replaced by the full
segmenter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..text.normalise import NormText


@dataclass
class PersonBlock:
    role: str
    name: str
    start: int
    end: int


@dataclass
class BylineBlock:
    agency: str | None = None
    place: str | None = None
    date: str | None = None
    people: list[PersonBlock] = field(default_factory=list)
    start: int = 0
    end: int = 0


@dataclass
class ArticleBlock:
    """One article; every offset is into the normalised text."""

    start: int
    end: int
    title: tuple[int, int] | None = None
    subtitles: list[tuple[int, int]] = field(default_factory=list)
    column: tuple[int, int] | None = None
    byline: BylineBlock | None = None


def segment(norm: NormText) -> list[ArticleBlock]:
    return [ArticleBlock(0, len(norm.text))]
