"""Diagnostics for people: `path:line:col: rule message`, then the source line with a caret
under the figure (the `text` format), or the first line alone (`concise`), and a summary.

Lines and columns are 1-based and count characters, as editors do; carets are placed by
display width (a Chinese character takes two terminal columns). Colours only on a terminal,
never when NO_COLOR is set. This module also holds what the other diagnostic formats share:
the per-file result type and the end position of a span.
"""

from __future__ import annotations

import os
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO

from ..models import Diagnostic, Document, Span


@dataclass
class FileResult:
    """The diagnostics of one checked file (`path` is `-` for stdin, or its --stdin-filename)."""

    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Lowest severity that fails this file (its configuration may differ from its neighbours').
    fail_on: str = "error"
    # The text and its Document, for the formats that show them (text snippets, HTML).
    text: str | None = field(default=None, repr=False)
    doc: Document | None = field(default=None, repr=False)


def end_position(span: Span) -> tuple[int, int]:
    """1-based line and column just after the span (the column is exclusive)."""
    text = span.text or ""
    if "\n" in text:
        return span.line + text.count("\n"), len(text) - text.rfind("\n")
    return span.line, span.col + (len(text) if text else span.end - span.start)


# ---------------------------------------------------------------- colour
_SGR = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "blue": "34", "cyan": "36", "green": "32"}
_SEVERITY_COLOUR = {"error": "red", "warning": "yellow", "info": "cyan"}


def use_colour(stream: IO[str], choice: str = "auto") -> bool:
    """Colour on a terminal; NO_COLOR (any value) turns it off, FORCE_COLOR on, --color decides first."""
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


class _Paint:
    def __init__(self, on: bool) -> None:
        self.on = on

    def __call__(self, text: str, *styles: str) -> str:
        if not self.on or not styles or not text:
            return text
        return "\x1b[" + ";".join(_SGR[s] for s in styles) + "m" + text + "\x1b[0m"


# ---------------------------------------------------------------- safe display
def clean(text: str) -> str:
    """Text for a terminal: control characters (an escape sequence in a scraped page) shown as
    visible symbols, never sent as such."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            out.append(" " if ch in "\r\n" else "\ufffd")
        elif unicodedata.category(ch) == "Cf":
            continue  # zero-width and bidi controls: invisible, or able to reorder the line
        else:
            out.append(ch)
    return "".join(out)


def width(text: str) -> int:
    """Terminal columns: two for wide (CJK) characters, none for combining marks."""
    w = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


_CONTEXT = 24  # characters kept on each side of the figure in a long line


def snippet(text: str, span: Span) -> tuple[str, int, int] | None:
    """(shown part of the span's line, display columns before the figure, figure width)."""
    if span.end <= span.start or span.start >= len(text):
        return None
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.start)
    if line_end < 0:
        line_end = len(text)
    end = min(span.end, line_end)
    a = max(line_start, span.start - _CONTEXT)
    b = min(line_end, end + _CONTEXT)
    before = ("…" if a > line_start else "") + clean(text[a:span.start])
    figure = clean(text[span.start:end])
    after = clean(text[end:b]) + ("…" if b < line_end else "")
    return before + figure + after, width(before), max(1, width(figure))


def header(path: str, d: Diagnostic, paint: _Paint | None = None) -> str:
    p = paint or _Paint(False)
    rule = p(d.rule, "bold", _SEVERITY_COLOUR.get(d.severity, "red"))
    return f"{p(clean(path), 'bold')}:{d.span.line}:{d.span.col}: {rule} {clean(d.message)}"


def render_concise(results: Sequence[FileResult], *, colour: bool = False) -> str:
    """One line per finding: `path:line:col: rule message`."""
    p = _Paint(colour)
    lines = [header(r.path, d, p) for r in results for d in r.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")


def render(results: Sequence[FileResult], *, colour: bool = False) -> str:
    """Each finding's line, then its source line with carets under the figure."""
    p = _Paint(colour)
    out: list[str] = []
    for r in results:
        for d in r.diagnostics:
            out.append(header(r.path, d, p))
            shown = snippet(r.text, d.span) if r.text is not None else None
            if shown is None:
                continue
            line, pad, wide = shown
            num = str(d.span.line)
            gutter = " " * len(num)
            bar = p("|", "blue", "bold")
            out.append(f"{gutter} {bar}")
            out.append(f"{p(num, 'blue', 'bold')} {bar} {line}")
            out.append(f"{gutter} {bar} {' ' * pad}{p('^' * wide, _SEVERITY_COLOUR.get(d.severity, 'red'), 'bold')}")
            out.append("")
    return "\n".join(out) + ("\n" if out and out[-1] != "" else "")


def summary(results: Sequence[FileResult], checked: int, *, colour: bool = False) -> str:
    """The closing lines: how many findings of which rule, or one line saying there are none."""
    p = _Paint(colour)
    diags = [d for r in results for d in r.diagnostics]
    files = f"{checked} file{'s' if checked != 1 else ''}"
    if not diags:
        return p(f"No findings in {files} checked.", "green", "bold") + "\n"
    sev = Counter(d.severity for d in diags)
    kinds = ", ".join(f"{n} {s}{'s' if n != 1 else ''}" for s in ("error", "warning", "info") if (n := sev[s]))
    with_any = sum(bool(r.diagnostics) for r in results)
    where = files if with_any == checked else f"{with_any} of {files}"
    lines = [p(f"Found {len(diags)} finding{'s' if len(diags) != 1 else ''} ({kinds}) in {where}:", "bold")]
    by_rule = Counter(d.rule for d in diags)
    wide = max(len(str(n)) for n in by_rule.values())
    for rule, n in sorted(by_rule.items(), key=lambda x: (-x[1], x[0])):
        lines.append(f"  {n:>{wide}}  {rule}")
    return "\n".join(lines) + "\n"
