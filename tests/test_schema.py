"""The JSON Schema of a document: printed by `schema`, shipped as a file, documented in
docs/json-shape.md, and valid for what `parse` writes on every corpus page."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from corpus_docs import page_ids, page_paths, parsed
from gov_news_extract import parse
from gov_news_extract.cli import main
from gov_news_extract.schema import document_schema, markdown_reference, schema_text, shipped_schema

jsonschema = pytest.importorskip("jsonschema")
ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "src" / "gov_news_extract" / "document.schema.json"
REGENERATE = "python -m gov_news_extract.schema > src/gov_news_extract/document.schema.json"


@cache
def _validator() -> Any:
    schema = document_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_shipped_file_is_the_models_schema() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), f"out of date: run {REGENERATE}"
    assert shipped_schema() == document_schema()  # and it is what the installed package holds


def test_schema_command_prints_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == document_schema()
    out = tmp_path / "s.json"
    assert main(["schema", "-o", str(out)]) == 0 and json.loads(out.read_text(encoding="utf-8")) == document_schema()


def test_docs_hold_the_reference() -> None:
    doc = (ROOT / "docs" / "json-shape.md").read_text(encoding="utf-8")
    assert markdown_reference() in doc, "docs/json-shape.md is out of date: python -m gov_news_extract.schema --markdown"


@pytest.mark.parametrize("path", page_paths(), ids=page_ids())
def test_parse_output_of_every_page_is_valid(path: Path) -> None:
    _, doc = parsed(path)
    v = _validator()
    for data in (json.loads(doc.model_dump_json(exclude_none=True)), doc.model_dump(mode="json")):
        errors = sorted(v.iter_errors(data), key=lambda e: list(e.absolute_path))
        assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_schema_rejects_what_parse_never_writes() -> None:
    v = _validator()
    good = json.loads(parse("热线共受理工单1000件,环比下降6.6%。").model_dump_json(exclude_none=True))
    assert v.is_valid(good)
    fact = good["articles"][0]["facts"][0]
    for broken in ({**fact, "kind": "amount"}, {**fact, "span": {"end": 3}}, {k: x for k, x in fact.items() if k != "kind"}):
        bad = json.loads(json.dumps(good))
        bad["articles"][0]["facts"][0] = broken
        assert not v.is_valid(bad), broken
    bad = json.loads(json.dumps(good))
    bad["diagnostics"] = [{"rule": "x", "severity": "fatal", "message": "", "span": {"start": 0, "end": 0}}]
    assert not v.is_valid(bad)
