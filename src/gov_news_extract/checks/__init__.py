"""Stage: consistency checks.

`run(ctx, doc)` runs every registered rule (see `checks/rules/`) over the
document's facts and returns their diagnostics sorted by position, one per
problem (see `merge`).  `run_rules` runs a chosen subset (the CLI's --select).  A rule
that crashes is reported as an `internal-error` info diagnostic rather than
breaking `parse()`.  Inline suppressions (`<!-- gne: ignore RULE -->`) are
honoured here, so the library and the CLI agree.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from ..context import Context
from ..models import Diagnostic, Document, Span
from .base import Facts, Rule
from .merge import merge
from .rules import all_rules, rule_ids
from .suppress import apply as apply_suppressions

log = logging.getLogger(__name__)

__all__ = ["Rule", "all_rules", "rule_ids", "run", "run_rules"]


def run(ctx: Context, doc: Document) -> list[Diagnostic]:
    return run_rules(ctx, doc, all_rules())


def run_rules(ctx: Context | None, doc: Document, rules: Iterable[Rule]) -> list[Diagnostic]:
    rules = tuple(rules)
    facts = Facts.build(ctx, doc)
    out: list[Diagnostic] = []
    for rule in rules:
        try:
            out.extend(rule.check(facts))
        except Exception as exc:  # one broken rule must not hide the others' findings
            log.exception("rule %s failed", rule.id)
            out.append(Diagnostic(rule="internal-error", severity="info",
                                  message=f"规则{rule.id}内部错误: {type(exc).__name__}: {exc}",
                                  message_en=f"rule {rule.id} failed: {type(exc).__name__}: {exc}",
                                  span=Span(start=0, end=0)))
    out = merge(out)
    if ctx is not None:
        # Drops what comments silence; reports unknown and unused suppressions (checks/suppress.py).
        out = apply_suppressions(ctx.norm.original, out, [r.id for r in rules])
    return sorted(out, key=lambda d: (d.span.start, d.span.end, d.rule))
