"""Stage: consistency checks (placeholder until the rules land)."""

from __future__ import annotations

from ..context import Context
from ..models import Diagnostic, Document


def run(ctx: Context, doc: Document) -> list[Diagnostic]:
    return []
