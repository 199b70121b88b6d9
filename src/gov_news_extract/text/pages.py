"""Cutting a long file into pages, so that no pass ever sees more than one page.

Archives hold a month of a paper in one file and scraped dumps run to tens of megabytes;
the passes that look around a figure, compare the figures of a sentence, or go through
a page's diagnostics are fast on a page and slow on a whole archive. A file longer than
`PAGE_CHARS` is therefore read page by page:

1. it is cut where a new page begins: a form feed, a page header line (第N版, the
   layout's separator lines), or an issue line repeated through the file in one shape
   (the paper's date line, its digits changing), with the paper's name over it;
2. a page still longer than `PAGE_CHARS` (a report with no page headers, one huge line)
   is cut near that length at the best place found: a blank line, a line break, the end
   of a sentence, a clause, a space, and as a last resort between two characters that
   are not both part of one number. Such a cut continues its article (`Page.continued`).

A file up to `PAGE_CHARS` is one page, read exactly as before. Pages cover the file
without gap or overlap: nothing is lost.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

# About ten times the longest page of the corpora: big enough that a real page is never cut,
# small enough that a pass costing the square of its page stays cheap.
PAGE_CHARS = 60_000
# A line repeated this many times, no more often than once per this many characters, is a masthead.
_REPEATS = 3
_REPEAT_SPACING = 3_000
_HEADER_MAX = 40  # a page header line is short

# A line holding sentence punctuation or a table's pipes is prose or a table row, never a header.
_NOT_HEADER = regex.compile(r"[,，。;；!！?？、|]")
_DATE = regex.compile(r"(?:19|20)\d\d\D{1,3}\d{1,2}\D{1,3}\d{1,2}\D?")  # a year, month and day in any writing
_DIGITS = regex.compile(r"\d+")
_NAME = regex.compile(r"\p{Han}{2,}(?:[ \u3000]*\p{Han}+)*")  # a name: hanzi only
# Where to cut a page that is too long, best first: what follows the match starts the next piece.
# (REVERSE: searched from the end of the window backwards, the last place is found first.)
_CUTS = tuple(regex.compile(p, regex.REVERSE) for p in (
    r"\n[ \t\u3000]*\n",
    r"\n",
    r"[。!?！？]",
    r"[;；]",
    r"[,，、:：]",
    r"\s",
    r"[^\d.,%‰\p{L}]|(?<=\p{Han})",
))


@dataclass(frozen=True)
class Page:
    start: int
    end: int
    # The page goes on from the one before (cut for its length, not at a page header).
    continued: bool = False


def split(text: str, max_chars: int | None = None) -> list[Page]:
    """The pages of text, in order, covering it exactly (one page when it is short)."""
    max_chars = max_chars or PAGE_CHARS
    n = len(text)
    if n <= max_chars:
        return [Page(0, n)]
    starts = _page_starts(text)
    pages: list[Page] = []
    for a, b in zip([0, *starts], [*starts, n], strict=True):
        if a < b:
            pages.extend(_cut(text, a, b, max_chars))
    return pages


def _page_starts(text: str) -> list[int]:
    """Offsets (line starts) where a new page begins, sorted, none at 0."""
    from ..layout.lines import Kind, classify  # the layout's line roles: 第N版 is a separator

    marks: list[int] = []
    k = text.find("\f")
    while k >= 0:
        marks.append(k + 1)
        k = text.find("\f", k + 1)
    # Every line: its start and its stripped text when short enough to be a header (else None).
    lines: list[tuple[int, str | None]] = []
    shapes: Counter[str] = Counter()
    names: Counter[str] = Counter()
    pos = 0
    n = len(text)
    while pos < n:
        e = text.find("\n", pos)
        e = n if e < 0 else e
        line = text[pos:e].strip() if e - pos <= _HEADER_MAX * 2 else None  # a cheap test first
        if line is not None and (len(line) > _HEADER_MAX or _NOT_HEADER.search(line)):
            line = None
        lines.append((pos, line))
        if line:
            if _issue_like(line):
                shapes[_DIGITS.sub("0", line)] += 1
            elif _NAME.fullmatch(line):
                names[line] += 1
        pos = e + 1
    # Lines repeated through the file, no more often than a page: an issue line of one shape
    # (澄潭日报 2024年7月19日 星期五, its date changing) and the paper's name over it.
    often = n // _REPEAT_SPACING
    issue = {t for t, c in shapes.items() if _REPEATS <= c <= often}
    paper = {t for t, c in names.items() if _REPEATS <= c <= often}

    def header(t: str | None) -> bool:
        if not t:
            return False
        return (_issue_like(t) and _DIGITS.sub("0", t) in issue) or classify(t)[0] is Kind.SEPARATOR

    # A header opens a page, at the paper's name when that stands right over it; a header only
    # masthead lines after the one before (2024年7月19日 星期五 / 第3版) opens none.
    last_header = -10
    for i, (pos, line) in enumerate(lines):
        if not header(line):
            continue
        if i - last_header > 3 or any(lines[k][1] is None for k in range(last_header + 1, i)):
            first, k = pos, i - 1
            while k >= 0 and i - k <= 3 and lines[k][1] in paper | {""}:
                if lines[k][1]:
                    first = lines[k][0]
                k -= 1
            marks.append(first)
        last_header = i
    return sorted({m for m in marks if 0 < m < n})


def _issue_like(line: str) -> bool:
    """A date with words beside it (the paper's name, the weekday): a bare date ends a release."""
    m = _DATE.search(line)
    return m is not None and regex.search(r"\p{Han}", line[:m.start()] + line[m.end():]) is not None


def _cut(text: str, a: int, b: int, max_chars: int) -> list[Page]:
    """[a, b) as pages of at most max_chars (the first one not continued)."""
    out: list[Page] = []
    start = a
    while b - start > max_chars:
        lo, hi = start + max_chars // 2, start + max_chars
        cut = hi
        for pattern in _CUTS:
            found = _last_end(pattern, text, lo, hi)
            if found is not None:
                cut = found
                break
        out.append(Page(start, cut, continued=bool(out)))
        start = cut
    out.append(Page(start, b, continued=bool(out)))
    return out


def _last_end(pattern: regex.Pattern[str], text: str, lo: int, hi: int) -> int | None:
    """The end of the last match of pattern ending in (lo, hi], searching backwards from hi."""
    m = pattern.search(text, lo, hi)
    if m is None:
        return None
    return m.end() if lo < m.end() <= hi else None
