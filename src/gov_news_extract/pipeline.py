"""The pipeline: normalise → segment → extract → check → report.

Each stage lives in its own package (`text/`, `layout/`, `extract/`, `checks/`);
this module only runs them in order and turns their results into the public
models of `models.py`.
"""

from __future__ import annotations

import bisect
import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import checks, extract
from .checks.base import Rule
from .context import Context
from .layout import articles as layout
from .models import Article, Byline, Change, Diagnostic, Document, Percent, Person, Quantity, Span
from .text import pages as paging
from .text.normalise import NormText, normalise
from .text.source import Source, clean

log = logging.getLogger(__name__)


def parse(text: str, *, reference_date: dt.date | None = None, rules: Iterable[Rule] | None = None) -> Document:
    """Parse one text (a page, a report, a release, an archive of many pages) into a `Document`.

    `rules` limits the checks to those rules (default: all). Markup, invisible characters
    and mojibake are read through (`text/source.py`); a long file is read page by page
    (`text/pages.py`); every span still refers to `text` as given.

    Never raises on a `str`: an internal failure becomes an `internal-error`
    diagnostic on an otherwise empty document, so a batch always goes on.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    rules = None if rules is None else list(rules)
    try:
        src = clean(text)
        pages = paging.split(src.text)
        if src.identity and len(pages) == 1:
            return _parse(text, reference_date, rules)[0]  # the common case: the text as it is, one page
        return _merge(_documents(src, pages, reference_date, rules), text, reference_date)
    except Exception as exc:  # the contract is: never raise on a str
        return _failed(text, reference_date, exc)


def parse_pages(text: str, *, reference_date: dt.date | None = None,
                rules: Iterable[Rule] | None = None) -> Iterator[Document]:
    """The document of `text` one page at a time (see `text/pages.py`), spans into `text`.

    For files too big to hold as one `Document`: memory stays that of one page. The pages'
    facts and diagnostics are those of `parse(text)`; an article that a long page's cut
    divides comes in two parts here, where `parse()` joins them.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse_pages() takes a str, not {type(text).__name__}")
    rules = None if rules is None else list(rules)
    try:
        src = clean(text)
        pages = paging.split(src.text)
    except Exception as exc:
        yield _failed(text, reference_date, exc)
        return
    try:
        for _page, doc in _documents(src, pages, reference_date, rules):
            yield doc
    except Exception as exc:
        yield _failed(text, reference_date, exc)


def _failed(text: str, reference_date: dt.date | None, exc: Exception) -> Document:
    log.exception("parse failed")
    span = Span(start=0, end=min(len(text), 1), line=1, col=1, text=text[:1])
    return Document(
        reference_date=reference_date,
        articles=[Article(span=Span(start=0, end=len(text)))],
        diagnostics=[
            Diagnostic(
                rule="internal-error",
                severity="info",
                message=f"解析内部错误: {type(exc).__name__}: {exc}",
                message_en=f"internal error: {type(exc).__name__}: {exc}",
                span=span,
            )
        ],
    )


def parse_file(path: str | os.PathLike[str], *, reference_date: dt.date | None = None,
               encoding: str | None = None) -> Document:
    """Read a file (encoding detected unless given) and parse it; `source` is its path."""
    from .io import read_text

    text = read_text(Path(path), encoding=encoding)
    doc = parse(text, reference_date=reference_date)
    doc.source = str(path)
    return doc


def _parse(text: str, reference_date: dt.date | None, rules: list[Rule] | None = None, *,
           id_base: int = 0, year_before: int | None = None) -> tuple[Document, Context]:
    """One page: normalise, segment, extract, check. Fact ids continue from id_base."""
    norm = normalise(text)
    ctx = Context(norm=norm, reference_date=reference_date, year_before=year_before)
    ctx._next_id = id_base
    page = layout.analyse(norm)
    blocks = page.articles
    ctx.lines, ctx.furniture = page.lines, page.furniture
    # A byline's stretch when it is one place (本报讯(记者 王明)); a byline gathered from credits
    # far apart (a photo credit … a closing editor line) spans the body and is left out.
    ctx.bylines = sorted((b.byline.start, b.byline.end) for b in blocks
                         if b.byline and 0 < b.byline.end - b.byline.start <= 40)
    extract.run(ctx)
    articles = [_article(norm, b) for b in blocks] or [Article(span=Span(start=0, end=len(text)))]
    _assign(ctx, blocks, articles)
    doc = Document(reference_date=reference_date, articles=articles)
    doc.diagnostics = checks.run(ctx, doc) if rules is None else checks.run_rules(ctx, doc, rules)
    _surface_units(ctx)
    return doc, ctx


# ---------------------------------------------------------------- many pages, cleaned text


def _documents(src: Source, pages: list[paging.Page], reference_date: dt.date | None,
               rules: list[Rule] | None) -> Iterator[tuple[paging.Page, Document]]:
    """Each page parsed on its own, its spans moved to the input; ids unique over the file.

    A page with no year of its own takes the one of the text before it (the archive's date
    line stands once at the top; a long report cut in two keeps its year)."""
    lines = _Lines(src.raw)
    next_id = 0
    year: int | None = None
    for page in pages:
        doc, ctx = _parse(src.text[page.start:page.end], reference_date, rules, id_base=next_id,
                          year_before=year)
        next_id = ctx._next_id
        year = ctx.year if ctx.year is not None else year
        _move_spans(doc, src, page.start, lines)
        yield page, doc


def _merge(parts: Iterable[tuple[paging.Page, Document]], text: str, reference_date: dt.date | None) -> Document:
    """One document from its pages; the article a length cut divided is joined again."""
    articles: list[Article] = []
    diagnostics: list[Diagnostic] = []
    for page, doc in parts:
        arts = doc.articles
        if page.continued and articles and arts and _untitled(arts[0]):
            head, first = articles[-1], arts[0]
            a, b = head.span.start, first.span.end
            head.span = Span(start=a, end=b, line=head.span.line, col=head.span.col, text=text[a:b])
            head.facts.extend(first.facts)
            arts = arts[1:]
        articles.extend(arts)
        diagnostics.extend(doc.diagnostics)
    return Document(reference_date=reference_date, articles=articles or [Article(span=Span(start=0, end=len(text)))],
                    diagnostics=diagnostics)


def _untitled(a: Article) -> bool:
    return a.title is None and a.byline is None and a.column is None


class _Lines:
    """Line starts of the input, for the line and column of a moved span."""

    def __init__(self, text: str) -> None:
        starts, find, i = [0], text.find, -1
        while (i := find("\n", i + 1)) >= 0:
            starts.append(i + 1)
        self.starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _move_spans(doc: Document, src: Source, offset: int, lines: _Lines) -> None:
    """Spans of a page's document (offsets into the page of the cleaned text) to spans of the input."""
    raw = src.raw
    moved: dict[int, Span] = {}

    def move(sp: Span) -> Span:
        hit = moved.get(id(sp))
        if hit is not None:
            return hit
        s, e = src.raw_range(sp.start + offset, sp.end + offset)
        line, col = lines.line_col(s)
        out = moved[id(sp)] = Span(start=s, end=e, line=line, col=col, text=raw[s:e])
        return out

    for art in doc.articles:
        art.span = move(art.span)
        if art.title_span is not None:
            art.title_span = move(art.title_span)
        if art.byline is not None:
            if art.byline.span is not None:
                art.byline.span = move(art.byline.span)
            for p in art.byline.people:
                if p.span is not None:
                    p.span = move(p.span)
        for f in art.facts:
            f.span = move(f.span)
            if f.label_span is not None:
                f.label_span = move(f.label_span)
            if f.sentence is not None:
                f.sentence = move(f.sentence)
    for d in doc.diagnostics:
        d.span = move(d.span)
        d.related = [move(r) for r in d.related]


def _surface_units(ctx: Context) -> None:
    """Units as the page writes them (萬頭 → 頭, ANNOTATION.md: units keep the text's script).
    Extraction and the checks compare units in the normalised script; the output quotes the page."""
    text = ctx.norm.text
    for f in ctx.facts:
        if not isinstance(f, (Quantity, Percent, Change)) or not f.unit:
            continue
        unit = f.unit
        a, b = f.nspan
        k = text.rfind(unit, a, b)
        if k >= 0:
            surface = ctx.norm.surface(k, k + len(unit))
            if len(surface) == len(unit) and surface != unit:
                f.unit = surface
        elif ctx.norm.traditional:
            # a unit declared elsewhere (a 計量單位 column, a header's (萬噸)): in the page's script
            f.unit = _in_page_script(unit)


def _in_page_script(word: str) -> str:
    from .extract.labels import _s2t

    converted = str(_s2t().convert(word))
    return converted if len(converted) == len(word) else word


def _article(norm: NormText, b: layout.ArticleBlock) -> Article:
    art = Article(span=norm.span(b.start, b.end))
    if b.title:
        art.title = b.title_text or norm.surface(*b.title)  # titles are quoted as written
        art.title_span = norm.span(*b.title)
    if b.kicker:
        art.kicker = norm.surface(*b.kicker)
    if b.subtitle:
        art.subtitle = norm.surface(*b.subtitle)
    art.subtitles = [norm.surface(*s) for s in b.subtitles]
    if b.column:
        art.column = norm.surface(*b.column)
    if b.byline:
        bl = b.byline
        art.byline = Byline(
            agency=bl.agency,
            place=bl.place,
            date=bl.date,
            people=[Person(role=p.role, name=norm.surface(p.start, p.end), span=norm.span(p.start, p.end))
                    for p in bl.people],
            span=norm.span(bl.start, bl.end) if bl.end > bl.start else None,
        )
        art.dateline = bl.date
    return art


def _assign(ctx: Context, blocks: list[layout.ArticleBlock], articles: list[Article]) -> None:
    """Give each fact to the article whose body holds it (the last one starting before it)."""
    starts = [b.start for b in blocks] or [0]
    last = len(articles) - 1
    for fact in sorted(ctx.facts, key=lambda f: f.nspan):
        # Block starts are in text order: the last one at or before the fact, by bisection
        # (a scan over all blocks per fact grew with the square of a many-article file).
        k = max(0, bisect.bisect_right(starts, fact.nspan[0]) - 1)
        articles[min(k, last)].facts.append(fact)
