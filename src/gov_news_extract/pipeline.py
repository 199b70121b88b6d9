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
from pathlib import Path

from . import checks, extract
from .context import Context
from .layout import articles as layout
from .models import Article, Byline, Change, Diagnostic, Document, Percent, Person, Quantity, Span
from .text.normalise import NormText, normalise

log = logging.getLogger(__name__)


def parse(text: str, *, reference_date: dt.date | None = None) -> Document:
    """Parse one text (a page, a report, a release) into a `Document`.

    Never raises on a `str`: an internal failure becomes an `internal-error`
    diagnostic on an otherwise empty document, so a batch always goes on.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes a str, not {type(text).__name__}")
    try:
        return _parse(text, reference_date)
    except Exception as exc:  # the contract is: never raise on a str
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


def _parse(text: str, reference_date: dt.date | None) -> Document:
    norm = normalise(text)
    ctx = Context(norm=norm, reference_date=reference_date)
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
    doc.diagnostics = checks.run(ctx, doc)
    _surface_units(ctx)
    return doc


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
    for fact in sorted(ctx.facts, key=lambda f: f.nspan):
        k = max(bisect.bisect_right(starts, fact.nspan[0]) - 1, 0)
        articles[min(k, len(articles) - 1)].facts.append(fact)
