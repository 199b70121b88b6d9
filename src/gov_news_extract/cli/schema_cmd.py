"""`gov-news-extract schema`: the JSON Schema of what `parse` writes (one Document).

The same schema ships with the package (`gov_news_extract/document.schema.json`);
`docs/json-shape.md` walks through it.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ..schema import schema_text


def register(sub: Any) -> None:
    p = sub.add_parser("schema", help="print the JSON Schema of a parsed document",
                       description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    text = schema_text()
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0
