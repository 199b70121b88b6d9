"""Command line: `gov-news-extract parse|check PATH...`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from . import parse_cmd


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="gov-news-extract", description=__doc__)
    sub = ap.add_subparsers(dest="command", required=True)
    parse_cmd.register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
