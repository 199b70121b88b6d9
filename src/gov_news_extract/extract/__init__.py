"""Stage: find facts. One module per fact kind, run in a fixed order.

Order matters: atomic facts first (dates and periods, then numbers with their
labels), then the composites that group them (breakdowns, rankings).
"""

from __future__ import annotations

from collections.abc import Callable

from ..context import Context
from . import composite, dates, numeric, tables

PASSES: list[tuple[str, Callable[[Context], None]]] = [
    ("dates", dates.run),
    ("tables", tables.run),
    ("numeric", numeric.run),
    ("composite", composite.run),
    ("periods", dates.link_periods),
]


def run(ctx: Context) -> None:
    for _name, fn in PASSES:
        fn(ctx)
    ctx.facts.sort(key=lambda f: (f.nspan[0], -f.nspan[1]))
