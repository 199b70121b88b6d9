"""The registry: every module in this package defines one rule as `RULE`.

Ruff-style: one rule = one module = one id.  Adding a rule means adding a
module here (plus its tests and docs); nothing else lists the rules.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from ..base import Rule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    """Every registered rule, in id order."""
    found: list[Rule] = []
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{info.name}")
        rule = getattr(mod, "RULE", None)
        if isinstance(rule, Rule):
            found.append(rule if rule.doc else Rule(rule.id, rule.severity, rule.summary, rule.check,
                                                    (mod.__doc__ or "").strip()))
    ids = [r.id for r in found]
    if len(ids) != len(set(ids)):
        raise RuntimeError(f"duplicate rule ids: {ids}")
    return tuple(sorted(found, key=lambda r: r.id))


def rule_ids() -> list[str]:
    return [r.id for r in all_rules()]


def get(rule_id: str) -> Rule | None:
    return next((r for r in all_rules() if r.id == rule_id), None)
