"""The JSON Schema of a parsed document, as `parse` writes it (`model_dump_json`, None left out).

`document_schema()` builds it from the models (their docstrings and field descriptions
become its descriptions); `document.schema.json` beside this module is the same schema
shipped as a file, kept equal to it by a test (`python -m gov_news_extract.schema > …`
rewrites it).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from . import __version__
from .models import Document

SCHEMA_FILE = "document.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def document_schema() -> dict[str, Any]:
    """The schema of one document in serialisation mode: Decimals are JSON strings, dates ISO
    strings; a field left out (None, or its default) is not required."""
    schema = Document.model_json_schema(mode="serialization")
    for model in schema.get("$defs", {}).values():
        # `kind` has a default, but it is always written: it tells the kinds of fact apart.
        if "kind" in model.get("properties", {}):
            model["required"] = sorted({*model.get("required", []), "kind"})
    return {"$schema": DIALECT, "$id": f"urn:gov-news-extract:document:{__version__}", **schema}


def schema_text() -> str:
    return json.dumps(document_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def shipped_schema() -> dict[str, Any]:
    """The schema file that ships with the package."""
    data: dict[str, Any] = json.loads(resources.files(__package__).joinpath(SCHEMA_FILE).read_text("utf-8"))
    return data


# Models in the order a reader meets them.
ORDER = ("Document", "Article", "Byline", "Person", "Quantity", "Percent", "Change", "DateFact", "Period",
         "TimeFact", "Breakdown", "Part", "Ranking", "RankItem", "Diagnostic", "Span")


def _type(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "const" in prop:
        return f'`"{prop["const"]}"`'
    if "enum" in prop:
        return " \\| ".join(f'`"{v}"`' for v in prop["enum"])
    if "anyOf" in prop:
        return " or ".join(_type(p) for p in prop["anyOf"])
    if "oneOf" in prop:
        return "one of " + ", ".join(_type(p) for p in prop["oneOf"])
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "string" and "format" in prop:
        return f"string ({prop['format']})"
    return str(kind)


def markdown_reference() -> str:
    """Every model and field of the schema as Markdown tables (the reference part of
    docs/json-shape.md, which a test keeps equal to this)."""
    schema = document_schema()
    defs = dict(schema.get("$defs", {}))
    defs["Document"] = {k: v for k, v in schema.items() if k not in ("$defs", "$schema", "$id")}
    out: list[str] = []
    for name in [*(n for n in ORDER if n in defs), *sorted(n for n in defs if n not in ORDER)]:
        model = defs[name]
        required = set(model.get("required", []))
        out.append(f"### {name}\n")
        out.append(model.get("description", "").strip() + "\n")
        out.append("| field | type | always there | meaning |")
        out.append("|---|---|---|---|")
        for field, prop in model.get("properties", {}).items():
            desc = " ".join(str(prop.get("description", "")).split()).replace("|", "\\|")
            # exclude_none drops only None: a field whose default is not None (or comes from a
            # factory, as lists do) is always written.
            always = field in required or "default" not in prop or prop["default"] is not None
            out.append(f"| `{field}` | {_type(prop)} | {'yes' if always else ''} | {desc} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    import sys

    sys.stdout.write(markdown_reference() if sys.argv[1:] == ["--markdown"] else schema_text())
