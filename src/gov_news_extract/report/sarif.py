"""Diagnostics as SARIF 2.1.0, with the rules' metadata (for code-scanning UIs)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from .. import __version__
from ..checks import all_rules
from ..checks.suppress import META_RULES
from ..models import Diagnostic, Span
from .text import FileResult, end_position

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    return "stdin" if path == "-" else PurePath(path).as_posix()


def _location(path: str, s: Span) -> dict[str, Any]:
    end_line, end_col = end_position(s)
    region: dict[str, Any] = {"startLine": s.line, "startColumn": s.col, "endLine": end_line,
                              "endColumn": end_col, "charOffset": s.start, "charLength": s.end - s.start}
    if s.text:
        region["snippet"] = {"text": s.text}
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(path)}, "region": region}}


def _rules() -> list[dict[str, Any]]:
    out = []
    for r in (*all_rules(), *META_RULES):
        out.append({
            "id": r.id,
            "name": "".join(w.capitalize() for w in r.id.split("-")),
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.doc.split("\n\n", 1)[0]},
            "help": {"text": r.doc},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
        })
    return out


def _result(path: str, d: Diagnostic, index: dict[str, int]) -> dict[str, Any]:
    res: dict[str, Any] = {
        "ruleId": d.rule,
        "level": _LEVEL.get(d.severity, "warning"),
        "message": {"text": d.message + (f" ({d.message_en})" if d.message_en else "")},
        "locations": [_location(path, d.span)],
    }
    if d.rule in index:
        res["ruleIndex"] = index[d.rule]
    if d.related:
        res["relatedLocations"] = [dict(_location(path, s), id=i + 1) for i, s in enumerate(d.related)]
    return res


def document(results: Sequence[FileResult]) -> dict[str, Any]:
    rules = _rules()
    index = {r["id"]: i for i, r in enumerate(rules)}
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "gov-news-extract", "version": __version__,
                                "informationUri": "https://pypi.org/project/gov-news-extract/",
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(r.path, d, index) for r in results for d in r.diagnostics],
        }],
    }


def render(results: Sequence[FileResult]) -> str:
    return json.dumps(document(results), ensure_ascii=False, indent=2) + "\n"
