"""The shared evaluation corpus (`../shared/corpus`) for corpus-wide tests, and their known failures.

Tests that read the shared corpus run once per page, so that a page the parser gets
wrong is one named failure, not a sum hidden in one assertion. Pages that fail today
for a known cause are listed in `KNOWN_FAILURES` by test and page, with the cause; the
marks are strict, so a page that starts passing fails the run until its entry is
removed. The list may only shrink by fixing causes: an assertion is never weakened to
take a page off it.

When `../shared` is not there (a clone outside the workplace), these tests skip.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

# test → page → cause. Keep each cause short and general: it names the mechanism
# that is missing, so that the fix is made there and not for the page.
KNOWN_FAILURES: dict[str, dict[str, str]] = {
    "no_alarm": {
    },
    "dates": {
    },
    "titles_people": {
    },
}


def pages() -> list[str]:
    """Names of the corpus pages (without suffix), sorted; empty when the corpus is absent."""
    if not CORPUS.is_dir():
        return []
    return sorted(p.name[: -len(".gold.json")] for p in CORPUS.glob("*.gold.json"))


def text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CORPUS / f"{name}.gold.json").read_text(encoding="utf-8"))
    return data


def params(test: str, names: list[str] | None = None) -> list[Any]:
    """One pytest param per page, the known failures of `test` marked as strict xfails."""
    known = KNOWN_FAILURES[test]
    out = []
    for name in pages() if names is None else names:
        marks = [pytest.mark.xfail(strict=True, reason=known[name])] if name in known else []
        out.append(pytest.param(name, id=name, marks=marks))
    return out

