"""Suppression comments in the checked text, the way linters do it.

    <!-- gne: ignore share-of-total -->        this line and the next
    <!-- gne: ignore -->                       every rule, this line and the next
    <!-- gne: ignore-start parts-sum -->       from this line …
    <!-- gne: ignore-end -->                   … to this one
    <!-- gne: ignore-file restated-figure -->  the whole file (anywhere in it)

Rule ids are separated by spaces or commas; none means every rule. `apply` drops the
findings a comment covers and reports the comments themselves: an id that is no rule
(`invalid-suppression`, as is an `ignore-end` without a start or an unknown directive),
and an id that silenced nothing although its rule ran (`unused-suppression`). Those two
are rules of their own: `--ignore unused-suppression` turns one off.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..models import Diagnostic, Span
from .base import Facts, Rule

_COMMENT = regex.compile(r"<!--\s*gne\s*:\s*(?P<verb>[A-Za-z][\w-]*)(?P<args>(?:(?!-->)[^>])*)-->",
                         regex.IGNORECASE)
_SEP = regex.compile(r"[\s,，、]+")
VERBS = ("ignore", "ignore-start", "ignore-end", "ignore-file")


def _nothing(facts: Facts) -> list[Diagnostic]:
    return []  # found by `apply`, not from the facts


UNUSED = Rule(
    "unused-suppression", "warning", "a gne: ignore comment names a rule that found nothing there", _nothing,
    """unused-suppression: a suppression comment that silences nothing.

What it checks
    Every rule id named in a `<!-- gne: ignore … -->` comment (line, block or file
    form) must have silenced a finding of that rule where the comment applies, when
    that rule ran. A comment without ids must have silenced something when every
    rule ran.

Why it matters
    A comment left behind after the figure was corrected would hide the next slip
    at that place without anyone noticing.

Failing example
    <!-- gne: ignore share-of-total -->
    咨询类600件,占比60%。 (nothing to silence: 60% is right)
""")

INVALID = Rule(
    "invalid-suppression", "warning", "a gne: comment names an unknown rule or directive", _nothing,
    """invalid-suppression: a suppression comment that cannot mean what it says.

What it checks
    A `<!-- gne: … -->` comment must use one of the directives ignore, ignore-start,
    ignore-end, ignore-file, name only known rule ids (`check --list-rules`), and an
    ignore-end must close an ignore-start.

Why it matters
    A misspelt id (share-of-totals) silences nothing, and the finding it was meant
    for comes back; a misspelt directive is not a suppression at all.

Failing example
    <!-- gne: ignore share-of-totals -->
""")

META_RULES: tuple[Rule, ...] = (INVALID, UNUSED)


def meta_rule(rule_id: str) -> Rule | None:
    """The suppression rules (not in `checks/rules/`: they read comments, not facts)."""
    return next((r for r in META_RULES if r.id == rule_id), None)


def meta_ids() -> list[str]:
    return [r.id for r in META_RULES]


@dataclass
class Directive:
    """One suppression comment and the lines (1-based, inclusive) it covers."""

    verb: str
    rules: frozenset[str] | None  # None: every rule
    first: int
    last: int
    span: Span
    used: set[str] = field(default_factory=set)
    used_any: bool = False

    def covers(self, d: Diagnostic) -> bool:
        return self.first <= d.span.line <= self.last and (self.rules is None or d.rule in self.rules)


def _span(text: str, start: int, end: int) -> Span:
    line = text.count("\n", 0, start) + 1
    col = start - (text.rfind("\n", 0, start) + 1) + 1
    return Span(start=start, end=end, line=line, col=col, text=text[start:end])


def _known() -> frozenset[str]:
    from .rules import rule_ids

    return frozenset(rule_ids()) | frozenset(meta_ids())


def _problem(text: str, start: int, end: int, msg: str, msg_en: str) -> Diagnostic:
    return Diagnostic(rule=INVALID.id, severity=INVALID.severity, message=msg, message_en=msg_en,
                      span=_span(text, start, end))


@lru_cache(maxsize=8)
def _parse(text: str) -> tuple[tuple[Directive, ...], tuple[Diagnostic, ...]]:
    known = _known()
    lines = text.count("\n") + 1
    found: list[Directive] = []
    problems: list[Diagnostic] = []
    open_blocks: list[Directive] = []
    for m in _COMMENT.finditer(text):
        verb = m.group("verb").lower()
        span = _span(text, m.start(), m.end())
        if verb not in VERBS:
            problems.append(_problem(text, m.start(), m.end(), f"未知的gne指令{verb!r}（可用：{'、'.join(VERBS)}）",
                                     f"unknown gne directive {verb!r} (known: {', '.join(VERBS)})"))
            continue
        if verb == "ignore-end":
            if open_blocks:
                open_blocks.pop().last = span.line
            else:
                problems.append(_problem(text, m.start(), m.end(), "ignore-end之前没有ignore-start",
                                         "ignore-end without an ignore-start"))
            continue
        ids = [t for t in _SEP.split(m.group("args").strip()) if t]
        unknown = [t for t in ids if t not in known]
        for t in unknown:
            problems.append(_problem(
                text, m.start(), m.end(), f"抑制注释中的未知规则{t!r}（已知规则：{', '.join(sorted(known))}）",
                f"unknown rule {t!r} in a suppression comment (known: {', '.join(sorted(known))})"))
        rules: frozenset[str] | None = frozenset(t for t in ids if t in known)
        if not ids:
            rules = None
        if verb == "ignore":
            d = Directive(verb, rules, span.line, span.line + 1, span)
        elif verb == "ignore-file":
            d = Directive(verb, rules, 1, lines, span)
        else:  # ignore-start: open until its ignore-end, or the end of the text
            d = Directive(verb, rules, span.line, lines, span)
            open_blocks.append(d)
        found.append(d)
    return tuple(found), tuple(problems)


def directives(text: str) -> dict[int, frozenset[str] | None]:
    """Line number (1-based) → rule ids silenced there (None = all rules)."""
    out: dict[int, frozenset[str] | None] = {}
    if "gne" not in text:
        return out
    for d in _parse(text)[0]:
        for ln in range(d.first, d.last + 1):
            prev = out.get(ln, frozenset())
            out[ln] = None if d.rules is None or prev is None else prev | d.rules
    return out


def suppressed(text: str, d: Diagnostic) -> bool:
    """True when a comment in `text` silences `d`."""
    if "gne" not in text:
        return False
    return any(x.covers(d) for x in _parse(text)[0])


def apply(text: str, diagnostics: Sequence[Diagnostic], ran: Iterable[str]) -> list[Diagnostic]:
    """The findings no comment silences, and the findings about the comments themselves.

    `ran` is the ids of the rules that were run: a comment naming a rule that did not run is
    not called unused (a `--select` run says nothing about the other rules)."""
    if "gne" not in text:
        return list(diagnostics)
    parsed, problems = _parse(text)
    # Fresh copies: the parsed directives are cached across calls.
    marks = [Directive(d.verb, d.rules, d.first, d.last, d.span) for d in parsed]
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        hits = [m for m in marks if m.covers(diag)]
        for m in hits:
            m.used_any = True
            m.used.add(diag.rule)
        if not hits:
            kept.append(diag)
    ran_ids = set(ran)
    from .rules import rule_ids

    every = set(rule_ids()) <= ran_ids
    for m in marks:
        if m.rules is None:
            if not m.used_any and every:
                kept.append(Diagnostic(
                    rule=UNUSED.id, severity=UNUSED.severity, span=m.span,
                    message="抑制注释没有抑制任何发现", message_en="this suppression comment silences nothing"))
            continue
        idle = sorted(r for r in m.rules if r in ran_ids and r not in m.used)
        if idle:
            kept.append(Diagnostic(
                rule=UNUSED.id, severity=UNUSED.severity, span=m.span,
                message=f"抑制注释中的{'、'.join(idle)}没有抑制任何发现",
                message_en=f"{', '.join(idle)} in this suppression comment silence{'s' if len(idle) == 1 else ''} "
                           "nothing"))
    kept.extend(problems)
    return kept
