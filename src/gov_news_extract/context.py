"""State shared by the passes of one `parse()` call."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .models import Fact
from .text.normalise import NormText

if TYPE_CHECKING:
    from .layout.roles import LineRole
    from .layout.tables import CellRef, Table


@dataclass
class Context:
    norm: NormText
    reference_date: dt.date | None = None
    # Year stated on the page (2023年…, a 发布时间 line), used when reference_date is absent.
    year: int | None = None
    # The year of the text before this page in the same file (a long file is read page by page):
    # the page's year when it states none itself.
    year_before: int | None = None
    facts: list[Fact] = field(default_factory=list)
    # Every non-blank line with its role (title, byline, caption, table, furniture …), decided by
    # layout/ from the page as a whole; normalised offsets, in page order.
    lines: list[LineRole] = field(default_factory=list)
    # Furniture inside lines that a label or a name must skip: tokens injected across the page
    # (数说中国 …) and standalone web buttons (发表评论); normalised offsets, sorted.
    furniture: list[tuple[int, int]] = field(default_factory=list)
    # Bylines and datelines (本报讯(记者 王明)): what they say is no part of the lead's figures' names.
    bylines: list[tuple[int, int]] = field(default_factory=list)
    # The page's tables (layout/tables.py) and their figure cells by normalised start offset.
    table_cells: dict[int, CellRef] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    # Results a pass computes once per document for many questions (extract/dates.py).
    cache: dict[str, Any] = field(default_factory=dict)
    _next_id: int = 0
    # Dates and periods added so far: the period index is rebuilt when this grows.
    dates_added: int = 0

    def new_id(self) -> str:
        self._next_id += 1
        return f"f{self._next_id}"

    def add(self, fact: Fact, nstart: int, nend: int) -> Fact:
        """Register a fact found at normalised [nstart, nend)."""
        fact.id = self.new_id()
        fact.nspan = (nstart, nend)
        self.facts.append(fact)
        if fact.kind in ("date", "period"):
            self.dates_added += 1
        return fact
