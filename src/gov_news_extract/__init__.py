"""gov-news-extract: structured, checkable facts from Chinese government news text.

    >>> from gov_news_extract import parse
    >>> doc = parse("今年上半年,热线共接到群众来电383257次,环比下降59.7%。")

Importing the package is cheap: the segmenter's dictionary loads on first use.
"""

from __future__ import annotations

from .models import (
    Article,
    Breakdown,
    Byline,
    Change,
    DateFact,
    Diagnostic,
    Document,
    Fact,
    Part,
    Percent,
    Period,
    Person,
    Quantity,
    Ranking,
    RankItem,
    Span,
    TimeFact,
)
from .pipeline import parse, parse_file

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Breakdown",
    "Byline",
    "Change",
    "DateFact",
    "Diagnostic",
    "Document",
    "Fact",
    "Part",
    "Percent",
    "Period",
    "Person",
    "Quantity",
    "RankItem",
    "Ranking",
    "Span",
    "TimeFact",
    "__version__",
    "parse",
    "parse_file",
]
