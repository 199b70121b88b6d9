"""Inputs the fuzzer (tests/fuzz/fuzz_parse.py) once failed on, kept as regressions: each is
read as a user's file would be and parses without an internal error, its spans exact.

They grow from the project's own corpora/ texts (the fuzzer's seeds), never from ../shared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gov_news_extract import parse
from gov_news_extract.io import DecodeError, decode

CASES = sorted((Path(__file__).parent / "fuzz" / "regressions").glob("*"))


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fuzz_regression_parses(path: Path) -> None:
    data = path.read_bytes()
    try:
        text = decode(data)
    except DecodeError:
        text = data.decode("utf-8", errors="replace")
    doc = parse(text)
    assert not [d.message_en for d in doc.diagnostics if d.rule == "internal-error"]
    for f in doc.facts():
        assert text[f.span.start:f.span.end] == f.span.text


def test_a_header_is_folded_over_three_levels_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fuzzer's input whose broken table row swallowed the next table: its many 'header' rows
    once made the header folding exponential (36 s). Checked by the work done, not by the clock."""
    from gov_news_extract.layout import tables

    seen: list[int] = []
    real = tables._fold_levels

    def counting(rows, width, keys, data):  # type: ignore[no-untyped-def]
        seen.append(len(rows))
        return real(rows, width, keys, data)

    monkeypatch.setattr(tables, "_fold_levels", counting)
    data = (Path(__file__).parent / "fuzz" / "regressions" / "header-rows-after-a-broken-row.bin").read_bytes()
    parse(decode(data))
    assert seen and max(seen) <= 3
