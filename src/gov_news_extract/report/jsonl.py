"""Parse output as JSON: one document, a JSON array of documents, or JSON Lines.

`render` runs in the worker that parsed the document (only a string crosses the
process boundary); `begin`/`join`/`end` run in the writer, in input order.
"""

from __future__ import annotations

from ..models import Document


def document_json(doc: Document, *, indent: int | None = None) -> str:
    """The Document as JSON (fields that are None are left out)."""
    return doc.model_dump_json(indent=indent, exclude_none=True)


class JsonFormat:
    """`--format json`: the document itself, or an array when there are several inputs."""

    name = "json"

    def begin(self, many: bool) -> str:
        return "[\n" if many else ""

    def render(self, doc: Document) -> str:
        return document_json(doc, indent=2)

    def join(self, rendered: str, index: int, many: bool) -> str:
        """`rendered` is the `index`-th document written (0-based)."""
        if not many:
            return rendered + "\n"
        return ("" if index == 0 else ",\n") + rendered

    def end(self, many: bool, count: int) -> str:
        if not many:
            return ""
        return "\n]\n" if count else "]\n"


class JsonlFormat:
    """`--format jsonl`: one line per document."""

    name = "jsonl"

    def begin(self, many: bool) -> str:
        return ""

    def render(self, doc: Document) -> str:
        return document_json(doc) + "\n"

    def join(self, rendered: str, index: int, many: bool) -> str:
        return rendered

    def end(self, many: bool, count: int) -> str:
        return ""
