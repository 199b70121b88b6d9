"""Command line: `gov-news-extract parse|check PATH...`, `gov-news-extract schema`."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# One module per subcommand, each with `register(subparsers)`; add a name here to add a command.
COMMANDS: tuple[str, ...] = (
    "parse_cmd",
    "check_cmd",
    "schema_cmd",
)


def build_parser() -> argparse.ArgumentParser:
    from .. import __version__

    ap = argparse.ArgumentParser(prog="gov-news-extract", description=__doc__)
    ap.add_argument("--version", action="version", version=f"gov-news-extract {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return ap


def main(argv: Sequence[str] | None = None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
