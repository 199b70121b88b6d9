"""`gov-news-extract check PATH...`: consistency findings, linter-style.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or input error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..checks import all_rules, rule_ids
from ..checks.rules import get as get_rule
from ..config import Config, ConfigError, config_for
from ..io import DecodeError, decode, read_text
from ..models import Diagnostic
from ..pipeline import parse_pages
from ..report import diag_json, github, sarif, text
from ..report.text import FileResult

FORMATS = ("text", "json", "jsonl", "sarif", "github")
SUFFIXES = (".txt", ".md")
_RANK = {"info": 0, "warning": 1, "error": 2}


def register(sub: Any) -> None:
    p = sub.add_parser("check", help="check texts for internal inconsistencies (exit 1 on findings)",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("paths", nargs="*", help="files, folders (their *.txt and *.md), or - for stdin")
    p.add_argument("--format", choices=FORMATS, default="text", help="output format (default: text)")
    p.add_argument("--select", action="append", default=None, metavar="IDS",
                   help="only these rules (comma-separated ids; repeatable)")
    p.add_argument("--ignore", action="append", default=None, metavar="IDS",
                   help="never these rules (comma-separated ids; repeatable)")
    p.add_argument("--fail-on", choices=("error", "warning"), default=None,
                   help="lowest severity that makes the exit status 1 (default: error)")
    p.add_argument("--no-config", action="store_true", help="ignore [tool.gov-news-extract] in pyproject.toml")
    p.add_argument("--list-rules", action="store_true", help="list the rules and exit")
    p.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    p.set_defaults(func=run)


def _split(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [x.strip() for v in values for x in v.split(",") if x.strip()]


_EMPTY_FOLDERS: list[str] = []


def _read_stdin() -> str:
    """stdin as bytes, detected like a file (GB18030, Big5, binary), not as the locale's text;
    a text stream without bytes (a test's StringIO) is taken as it is."""
    buffer = getattr(sys.stdin, "buffer", None)
    return decode(buffer.read()) if buffer is not None else sys.stdin.read()


def _files(paths: list[str]) -> Iterator[str]:
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            found = sorted(f for f in path.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(path).parts))
            if not found:
                # Said, not skipped: a folder with no drafts in it is most likely a wrong path.
                print(f"{p}: error: no {' or '.join('*' + x for x in sorted(SUFFIXES))} files in this folder",
                      file=sys.stderr)
                _EMPTY_FOLDERS.append(p)
            yield from (str(f) for f in found)
        else:
            yield p


def _check(source: str, select: set[str] | None, ignore: set[str]) -> list[Diagnostic]:
    """Parse with only the wanted rules (so that folding one problem's findings into one
    diagnostic never hides a selected rule behind an ignored one), page by page: a checker
    keeps the findings, not every page's facts."""
    rules = [r for r in all_rules() if r.id not in ignore and (select is None or r.id in select)]
    wanted = None if len(rules) == len(all_rules()) else rules
    return [d for doc in parse_pages(source, rules=wanted) for d in doc.diagnostics]


def run(args: argparse.Namespace) -> int:
    known = set(rule_ids())
    if args.list_rules:
        for r in all_rules():
            print(f"{r.id:18} {r.severity:8} {r.summary}")
        return 0
    if args.explain:
        rule = get_rule(args.explain)
        if rule is None:
            print(f"gov-news-extract check: unknown rule {args.explain!r}", file=sys.stderr)
            return 2
        print(rule.doc)
        return 0
    if not args.paths:
        print("gov-news-extract check: give at least one PATH (or - for stdin)", file=sys.stderr)
        return 2
    cli_select, cli_ignore = _split(args.select), _split(args.ignore) or []
    for rid in (cli_select or []) + cli_ignore:
        if rid not in known:
            print(f"gov-news-extract check: unknown rule {rid!r} (known: {', '.join(sorted(known))})",
                  file=sys.stderr)
            return 2
    results: list[FileResult] = []
    input_error = False
    for path in _files(args.paths):
        try:
            cfg = Config() if args.no_config else config_for(Path.cwd() if path == "-" else Path(path))
        except ConfigError as exc:
            print(f"gov-news-extract check: {exc}", file=sys.stderr)
            return 2
        bad = [r for r in (*(cfg.select or ()), *cfg.ignore) if r not in known]
        if bad:
            print(f"gov-news-extract check: {cfg.path}: unknown rule {bad[0]!r}", file=sys.stderr)
            return 2
        select = set(cli_select) if cli_select is not None else (set(cfg.select) if cfg.select is not None else None)
        ignore = set(cli_ignore) | set(cfg.ignore)
        fail_on = args.fail_on or cfg.fail_on or "error"
        try:
            # stdin as bytes, detected like a file (GB18030, Big5, binary): not the locale's text
            source = _read_stdin() if path == "-" else read_text(Path(path))
        except (OSError, DecodeError, UnicodeDecodeError) as exc:
            print(f"{path}: error: {exc}", file=sys.stderr)
            input_error = True
            continue
        found = _check(source, select, ignore)
        broken = next((d for d in found if d.rule == "internal-error"), None)
        if broken is not None:  # not read through: never reported as clean
            print(f"{path}: error: could not be checked completely: {broken.message_en}", file=sys.stderr)
            input_error = True
        results.append(FileResult(path, found, fail_on))
    out = {"text": text.render, "json": diag_json.render_json, "jsonl": diag_json.render_jsonl,
           "sarif": sarif.render, "github": github.render}[args.format](results)
    sys.stdout.write(out)
    sys.stdout.flush()
    n = sum(len(r.diagnostics) for r in results)
    if args.format == "text" and n:
        print(f"{n} finding{'s' if n != 1 else ''} in {sum(bool(r.diagnostics) for r in results)} file(s)",
              file=sys.stderr)
    if input_error or _EMPTY_FOLDERS:
        _EMPTY_FOLDERS.clear()
        return 2
    failing = any(_RANK[d.severity] >= _RANK[r.fail_on] for r in results for d in r.diagnostics)
    return 1 if failing else 0
