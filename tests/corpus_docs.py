"""Every corpus page parsed once per test run, for the tests of output shapes (tables, schema,
HTML report): the project's own `corpora/` and, when it is there, the shared corpus."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from gov_news_extract import Document, parse

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"


def page_paths() -> list[Path]:
    own = sorted((ROOT / "corpora").glob("*.txt"))
    shared = sorted(SHARED.glob("*.txt")) if SHARED.is_dir() else []
    return own + shared


def page_ids() -> list[str]:
    return [f"{p.parent.name}/{p.stem}" for p in page_paths()]


@cache
def parsed(path: Path) -> tuple[str, Document]:
    """The page's text and its Document (`source` set to the path, as `parse_file` does)."""
    text = path.read_text(encoding="utf-8")
    doc = parse(text)
    doc.source = str(path)
    return text, doc
