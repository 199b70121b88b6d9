"""Inline suppression: `<!-- gne: ignore share-of-total -->` in the checked text.

The comment silences the named rules (one or more ids separated by spaces or
commas; none = every rule) for diagnostics on its own line or the next line.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ..models import Diagnostic
from ..text.rx import rx

_COMMENT = regex.compile(r"<!--\s*gne\s*:\s*ignore\b([^>]*?)-->", regex.IGNORECASE)


@lru_cache(maxsize=8)
def directives(text: str) -> dict[int, frozenset[str] | None]:
    """Line number (1-based) → rule ids silenced there (None = all rules)."""
    out: dict[int, frozenset[str] | None] = {}
    for m in _COMMENT.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        ids = frozenset(t for t in rx(r"[\s,，]+").split(m.group(1).strip()) if t)
        for ln in (line, line + 1):
            prev = out.get(ln, frozenset())
            if not ids or prev is None:
                out[ln] = None
            else:
                out[ln] = prev | ids
    return out


def suppressed(text: str, d: Diagnostic) -> bool:
    if "gne" not in text:
        return False
    rules = directives(text).get(d.span.line, frozenset())
    return rules is None or d.rule in rules
