"""Compiled patterns by their source text.

`regex.search(pattern, s)` looks its pattern up in regex's own cache on every
call, which costs more than the match itself on short clauses; the hot paths
use `rx(pattern).search(s)` instead: one dictionary lookup.
"""

from __future__ import annotations

from functools import cache

import regex


@cache
def rx(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern)
