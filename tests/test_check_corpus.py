"""The checks on the shared corpus (skipped when ../shared is not there).

The reference page must give exactly its two true findings; the texts whose
gold has no finding must give no error or warning.
"""

from __future__ import annotations

import pytest

from gov_news_extract import parse
from shared_corpus import CORPUS, KNOWN_FAILURES, gold, pages, params

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")


def _alarms(name: str) -> list[tuple[str, str]]:
    doc = parse((CORPUS / f"{name}.txt").read_text(encoding="utf-8"))
    return [(d.rule, d.span.text) for d in doc.diagnostics if d.severity in ("error", "warning")]


def test_reference_page_gives_its_two_findings() -> None:
    if not (CORPUS / "xinxiang-daily-page.txt").is_file():
        pytest.skip("reference page not available")
    alarms = _alarms("xinxiang-daily-page")
    if not any(r in ("shares-sum", "parts-sum") for r, _ in alarms):
        pytest.skip("breakdown extraction not in place")
    assert sorted(r for r, _ in alarms) == ["share-of-total", "shares-sum"]
    assert ("share-of-total", "0.8%") in alarms


def _clean_docs() -> list[str]:
    return [name for name in pages() if not gold(name).get("findings")]


@pytest.mark.parametrize("name", params("no_alarm", _clean_docs()))
def test_no_alarm_on_consistent_texts(name: str) -> None:
    assert _alarms(name) == []


def test_known_failures_name_real_pages() -> None:
    """An entry for a page that is not in the corpus would hide nothing and rot."""
    names = set(pages())
    assert [(t, p) for t, entries in KNOWN_FAILURES.items() for p in entries if p not in names] == []
