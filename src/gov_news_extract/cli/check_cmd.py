"""`gov-news-extract check PATH...`: consistency findings, linter-style.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.

Rule selection: [tool.gov-news-extract] in the nearest pyproject.toml first, then the
command line, as in ruff: --select replaces the file's select and ignore, --ignore then
removes rules from what is selected, --fail-on replaces fail-on.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..checks import all_rules, rule_ids
from ..checks.rules import get as get_rule
from ..checks.suppress import META_RULES, meta_ids, meta_rule
from ..config import Config, ConfigError, check_ids, config_for, known_rules, selection
from ..io import DecodeError, decode, read_text
from ..models import Diagnostic, Document
from ..pipeline import parse
from ..report import diag_json, github, html, sarif, text
from ..report.text import FileResult

FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "html")
SUFFIXES = (".txt", ".md")
_RANK = {"info": 0, "warning": 1, "error": 2}


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="check texts for internal inconsistencies (exit 1 on findings)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", help="files, folders (their *.txt and *.md), or - for stdin")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text: each finding with its source line and a caret (default); concise: one line each; "
                        "json, jsonl, sarif, github: for tools; html: one self-contained page to look at")
    p.add_argument("-o", "--output", metavar="FILE", help="write the findings here instead of stdout")
    p.add_argument("--select", action="append", default=None, metavar="IDS",
                   help="only these rules (comma-separated ids; repeatable); replaces select and ignore "
                        "of the configuration")
    p.add_argument("--ignore", action="append", default=None, metavar="IDS",
                   help="never these rules (comma-separated ids; repeatable); applied after --select")
    p.add_argument("--fail-on", choices=("error", "warning"), default=None,
                   help="lowest severity that makes the exit status 1 (default: error)")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.gov-news-extract] in pyproject.toml")
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="the name of the text read from stdin: shown in findings and used to find its "
                        "pyproject.toml (stdin is read when no PATH is given)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the text output (auto: on a terminal unless NO_COLOR is set)")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    p.set_defaults(func=run)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [x.strip() for v in values for x in v.split(",") if x.strip()]


def _read_stdin() -> str:
    """stdin as bytes, detected like a file (GB18030, Big5, binary), not as the locale's text;
    a text stream without bytes (a test's StringIO) is taken as it is."""
    buffer = getattr(sys.stdin, "buffer", None)
    return decode(buffer.read()) if buffer is not None else sys.stdin.read()


def _files(paths: list[str], empty: list[str]) -> Iterator[str]:
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not found:
                # Said, not skipped: a folder with no drafts in it is most likely a wrong path.
                print(f"{p}: error: no {' or '.join('*' + x for x in sorted(SUFFIXES))} files in this folder",
                      file=sys.stderr)
                empty.append(p)
            yield from (str(f) for f in found)
        else:
            yield p


def _check(source: str, chosen: frozenset[str]) -> tuple[Document, list[Diagnostic]]:
    """Parse with only the chosen rules (so that folding one problem's findings into one
    diagnostic never hides a selected rule behind an ignored one). The rules run inside parse(),
    page by page for a long file: never again over the whole text, which parse() may have read
    through markup or cut into pages."""
    ids = set(rule_ids()) | set(meta_ids())
    rules = [r for r in all_rules() if r.id in chosen]
    doc = parse(source, rules=None if len(rules) == len(all_rules()) else rules)
    return doc, [d for d in doc.diagnostics if d.rule in chosen or d.rule not in ids]  # and internal errors


def _list_rules() -> None:
    for r in (*all_rules(), *META_RULES):
        print(f"{r.id:20} {r.severity:8} {r.summary}")


def run(args: argparse.Namespace) -> int:
    if args.list_rules:
        _list_rules()
        return 0
    if args.explain:
        rule = get_rule(args.explain) or meta_rule(args.explain)
        if rule is None:
            print(f"gov-news-extract check: unknown rule {args.explain!r} (known: {', '.join(known_rules())})",
                  file=sys.stderr)
            return 2
        print(rule.doc)
        return 0
    paths = list(args.paths)
    if not paths and args.stdin_filename:
        paths = ["-"]  # as ruff: a name for stdin means stdin is the input
    if not paths:
        print("gov-news-extract check: give at least one PATH (or - for stdin)", file=sys.stderr)
        return 2
    cli_select, cli_ignore = _split(args.select), _split(args.ignore) or []
    try:
        check_ids([*(cli_select or []), *cli_ignore], "gov-news-extract check")
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        return 2
    results: list[FileResult] = []
    input_error = False
    empty: list[str] = []
    for path in _files(paths, empty):
        shown = args.stdin_filename if path == "-" and args.stdin_filename else path
        try:
            where = Path.cwd() if path == "-" and not args.stdin_filename else Path(shown)
            cfg = Config() if args.no_config else config_for(where)
        except ConfigError as exc:
            print(f"gov-news-extract check: {exc}", file=sys.stderr)
            return 2
        chosen = selection(cfg, cli_select, cli_ignore)
        fail_on = args.fail_on or cfg.fail_on or "error"
        try:
            # stdin as bytes, detected like a file (GB18030, Big5, binary): not the locale's text
            source = _read_stdin() if path == "-" else read_text(Path(path))
        except (OSError, DecodeError, UnicodeDecodeError) as exc:
            print(f"{shown}: error: {exc}", file=sys.stderr)
            input_error = True
            continue
        doc, diags = _check(source, chosen)
        broken = next((d for d in diags if d.rule == "internal-error"), None)
        if broken is not None:  # not read through: never reported as clean
            print(f"{shown}: error: could not be checked completely: {broken.message_en}", file=sys.stderr)
            input_error = True
        results.append(FileResult(shown, diags, fail_on, text=source, doc=doc))
    try:
        out: IO[str] = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        print(f"{args.output}: error: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        out.write(_render(args.format, results, use_colour=text.use_colour(out, args.color)))
        out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    if args.format in ("text", "concise", "html"):
        print(text.summary(results, len(results), colour=text.use_colour(sys.stderr, args.color)),
              end="", file=sys.stderr)
    if input_error or empty:
        return 2
    failing = any(_RANK[d.severity] >= _RANK[r.fail_on] for r in results for d in r.diagnostics)
    return 1 if failing else 0


def _render(fmt: str, results: list[FileResult], *, use_colour: bool) -> str:
    if fmt == "text":
        return text.render(results, colour=use_colour)
    if fmt == "concise":
        return text.render_concise(results, colour=use_colour)
    if fmt == "html":
        pages = [html.Page(r.path, r.text or "", r.doc or Document(), r.diagnostics) for r in results]
        return html.render(pages, title="gov-news-extract check")
    return {"json": diag_json.render_json, "jsonl": diag_json.render_jsonl,
            "sarif": sarif.render, "github": github.render}[fmt](results)
