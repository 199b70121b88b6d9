"""`gov-news-extract parse PATH...`: documents as JSON, JSON Lines or CSV.

Files, folders (recursive, --glob) and - for stdin; any encoding among UTF-8,
GB18030/GBK and Big5 is detected. A file that cannot be read gets one
`path: error: ...` line on stderr and the batch goes on; the exit status is 1
when any failed. Output order is input order (each folder sorted), whatever
--jobs is.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from typing import IO, Any, Protocol

from .. import batch
from ..models import Document
from ..report.csv import CsvFormat
from ..report.html import HtmlFormat
from ..report.jsonl import JsonFormat, JsonlFormat
from ..text import segment


class OutputFormat(Protocol):
    name: str

    def begin(self, many: bool) -> str: ...
    def render(self, doc: Document) -> str: ...
    def join(self, rendered: str, index: int, many: bool) -> str: ...
    def end(self, many: bool, count: int) -> str: ...


FORMATS: dict[str, type[OutputFormat]] = {"json": JsonFormat, "jsonl": JsonlFormat, "csv": CsvFormat,
                                          "html": HtmlFormat}


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from exc


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise argparse.ArgumentTypeError(f"not a number of processes: {text!r}")
    return n


def register(sub: Any) -> None:
    p = sub.add_parser(
        "parse", help="extract facts from text files",
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders (searched recursively), or - for stdin")
    p.add_argument("-f", "--format", choices=sorted(FORMATS), default="json",
                   help="json: one document, or an array for several inputs; jsonl: one document per line; "
                        "csv: one row per figure, or per part of a breakdown (--table); "
                        "html: one self-contained page showing what was read")
    p.add_argument("--table", choices=("facts", "composites"), default="facts",
                   help="for csv: facts (one row per figure, the default) or composites (one row per part "
                        "of a breakdown or item of a ranking); columns in docs/tables.md")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--glob", default="*.txt", metavar="PATTERN",
                   help="files to take from folders (default: %(default)s)")
    p.add_argument("--encoding", help="decode every input with this encoding instead of detecting it")
    p.add_argument("-j", "--jobs", type=_jobs, default=1, metavar="N",
                   help="worker processes (default 1; 0: one per CPU)")
    p.add_argument("--segmenter", choices=segment.BACKENDS,
                   help="word segmenter (default: rjieba when installed, else jieba)")
    p.add_argument("--reference-date", type=_date, metavar="YYYY-MM-DD",
                   help="resolve relative dates (今年, 上周) against this date")
    p.add_argument("--stdin-filename", metavar="PATH", help="the name of the text read from - (its `source`)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line and no summary unless files failed")
    p.set_defaults(func=run)


class _Writer:
    """UTF-8 text to a file or stdout, whatever the locale says."""

    def __init__(self, target: str | None) -> None:
        self._file: IO[bytes] | None = None
        if target and target != "-":
            self._file = open(target, "wb")
        else:
            sys.stdout.flush()

    def write(self, text: str) -> None:
        if not text:
            return
        if self._file is not None:
            self._file.write(text.encode("utf-8"))
        elif (buf := getattr(sys.stdout, "buffer", None)) is not None:
            buf.write(text.encode("utf-8"))
        else:  # a replaced sys.stdout (an embedding program, a test)
            sys.stdout.write(text)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        else:
            sys.stdout.flush()
            if (buf := getattr(sys.stdout, "buffer", None)) is not None:
                buf.flush()


def run(args: argparse.Namespace) -> int:
    if args.segmenter:
        segment.set_default(args.segmenter)
    fmt = CsvFormat(args.table) if args.format == "csv" else FORMATS[args.format]()
    sources = batch.expand(args.paths, args.glob)
    if args.stdin_filename:
        sources = [dataclasses.replace(s, path=args.stdin_filename) if s.path == batch.STDIN_NAME else s
                   for s in sources]
    if isinstance(fmt, HtmlFormat):
        fmt.sources = {s.path: s for s in sources}
        fmt.encoding = args.encoding
    # An array whenever the input could be several documents, so a script sees one shape.
    many = len(sources) > 1 or any(p != batch.STDIN and os.path.isdir(p) for p in args.paths)
    progress = batch.Progress(len(sources), sys.stderr, enabled=not args.quiet and sys.stderr.isatty())
    try:
        out = _Writer(args.output)
    except OSError as exc:
        print(f"{args.output}: error: {exc.strerror or exc}", file=sys.stderr)
        return 1
    written = 0
    try:
        out.write(fmt.begin(many))
        for outcome in batch.run(sources, fmt.render, jobs=args.jobs, encoding=args.encoding,
                                 reference_date=args.reference_date, segmenter=args.segmenter):
            if outcome.error is not None:
                progress.line(f"{outcome.source}: error: {outcome.error}")
            else:
                assert outcome.value is not None
                out.write(fmt.join(outcome.value, written, many))
                written += 1
            progress.advance(outcome.ok)
        out.write(fmt.end(many, written))
        out.close()
    except BrokenPipeError:
        # `| head`: the reader is gone; stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    finally:
        progress.clear()
    failed = progress.failed
    if failed or (not args.quiet and len(sources) > 1):
        noun = "file" if len(sources) == 1 else "files"
        print(f"{len(sources)} {noun}, {failed} failed", file=sys.stderr)
    return 1 if failed else 0
