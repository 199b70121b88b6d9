"""Placeholder pass: filled in by its own change."""

from __future__ import annotations

from ..context import Context


def run(ctx: Context) -> None:
    return None
