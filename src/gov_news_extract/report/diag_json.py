"""Diagnostics as JSON (one array) or JSON Lines (one object a line)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..models import Diagnostic, Span
from .text import FileResult, end_position


def _span(s: Span) -> dict[str, Any]:
    end_line, end_col = end_position(s)
    return {"start": s.start, "end": s.end, "line": s.line, "col": s.col,
            "end_line": end_line, "end_col": end_col, "text": s.text}


def record(path: str, d: Diagnostic) -> dict[str, Any]:
    return {
        "path": path,
        "rule": d.rule,
        "severity": d.severity,
        "line": d.span.line,
        "col": d.span.col,
        "message": d.message,
        "message_en": d.message_en,
        "span": _span(d.span),
        "related": [_span(s) for s in d.related],
        "fact_ids": d.fact_ids,
    }


def render_json(results: Sequence[FileResult]) -> str:
    return json.dumps([record(r.path, d) for r in results for d in r.diagnostics],
                      ensure_ascii=False, indent=2) + "\n"


def render_jsonl(results: Sequence[FileResult]) -> str:
    return "".join(json.dumps(record(r.path, d), ensure_ascii=False) + "\n"
                   for r in results for d in r.diagnostics)
