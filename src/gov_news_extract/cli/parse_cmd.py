"""`gov-news-extract parse PATH...`: documents as JSON."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..io import DecodeError
from ..pipeline import parse, parse_file


def register(sub: Any) -> None:
    p = sub.add_parser("parse", help="extract facts from text files as JSON")
    p.add_argument("paths", nargs="+", help="files, or - for stdin")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    failed = 0
    for path in args.paths:
        try:
            doc = parse(sys.stdin.read()) if path == "-" else parse_file(path)
        except (OSError, DecodeError) as exc:
            print(f"{path}: error: {exc}", file=sys.stderr)
            failed += 1
            continue
        doc.source = path
        print(doc.model_dump_json(indent=2, exclude_none=True))
    return 1 if failed else 0
