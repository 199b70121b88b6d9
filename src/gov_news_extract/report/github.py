"""Diagnostics as GitHub Actions workflow commands (annotations on the pull request).

    ::error file=news/draft.md,line=12,col=5,endColumn=9,title=share-of-total::占比0.8%与…不符
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Diagnostic
from .text import FileResult, end_position

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(s: str) -> str:
    return _data(s).replace(":", "%3A").replace(",", "%2C")


def command(path: str, d: Diagnostic) -> str:
    end_line, end_col = end_position(d.span)
    props = [f"file={_prop(path)}", f"line={d.span.line}", f"col={d.span.col}"]
    if end_line == d.span.line:
        props.append(f"endColumn={end_col}")
    else:
        props.append(f"endLine={end_line}")
    props.append(f"title={_prop(d.rule)}")
    msg = d.message + (f" ({d.message_en})" if d.message_en else "")
    return f"::{_LEVEL.get(d.severity, 'warning')} {','.join(props)}::{_data(msg)}"


def render(results: Sequence[FileResult]) -> str:
    lines = [command(r.path, d) for r in results for d in r.diagnostics]
    return "\n".join(lines) + ("\n" if lines else "")
