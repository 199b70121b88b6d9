"""Diagnostics as compiler-style lines: `path:line:col: rule message`.

Lines and columns are 1-based and count characters, as editors do.  This
module also holds what the other diagnostic formats share: the per-file
result type and the end position of a span.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..models import Diagnostic, Span


@dataclass
class FileResult:
    """The diagnostics of one checked file (`path` is `-` for stdin)."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Lowest severity that fails this file (its configuration may differ from its neighbours').
    fail_on: str = "error"


def end_position(span: Span) -> tuple[int, int]:
    """1-based line and column just after the span (the column is exclusive)."""
    text = span.text or ""
    if "\n" in text:
        return span.line + text.count("\n"), len(text) - text.rfind("\n")
    return span.line, span.col + (len(text) if text else span.end - span.start)


def render(results: Sequence[FileResult]) -> str:
    lines = [f"{r.path}:{d.span.line}:{d.span.col}: {d.rule} {d.message}"
             for r in results for d in r.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")
