"""One problem, one diagnostic: fold findings that several rules make about one breakdown.

A complete breakdown whose counts fall short of the total usually has shares
that fall short of 100% too: `shares-sum` and `parts-sum` then describe one
slip, and a reader should see it once (with both sums in the message).  The
same holds when `parts-sum` and `share-of-total` both blame the total.
"""

from __future__ import annotations

from ..models import Diagnostic, Span

# Which rule's diagnostic absorbs the other's, best first.
_ORDER = ("shares-sum", "parts-sum", "share-of-total")
_RANK = {"info": 0, "warning": 1, "error": 2}


def _owner(d: Diagnostic) -> str | None:
    """The breakdown a diagnostic is about (its first fact id), for the foldable rules."""
    return d.fact_ids[0] if d.rule in _ORDER and d.fact_ids else None


def _foldable(a: Diagnostic, b: Diagnostic) -> bool:
    if {a.rule, b.rule} == {"shares-sum", "parts-sum"}:
        return _owner(a) is not None and _owner(a) == _owner(b)
    # share-of-total and parts-sum both blaming the total: same span.
    return {a.rule, b.rule} == {"parts-sum", "share-of-total"} and (a.span.start, a.span.end) == (
        b.span.start, b.span.end)


def _fold(keep: Diagnostic, other: Diagnostic) -> Diagnostic:
    related: list[Span] = []
    seen = {(keep.span.start, keep.span.end)}
    for s in [*keep.related, other.span, *other.related]:
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            related.append(s)
    severity = keep.severity if _RANK[keep.severity] >= _RANK[other.severity] else other.severity
    return keep.model_copy(update={
        "severity": severity,
        "message": f"{keep.message}；{other.message}",
        "message_en": f"{keep.message_en}; {other.message_en}",
        "related": related,
        "fact_ids": list(dict.fromkeys([*keep.fact_ids, *other.fact_ids])),
        "evidence": keep.evidence or other.evidence,
        "arithmetic": "; ".join(a for a in (keep.arithmetic, other.arithmetic) if a) or None,
    })


def merge(diags: list[Diagnostic]) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    seen: set[tuple[str, int, int, str]] = set()
    # Where a foldable diagnostic sits in out, by what it could fold with (one scan, not all pairs).
    by_owner: dict[tuple[str, str], int] = {}
    by_span: dict[tuple[str, int, int], int] = {}
    for d in sorted(diags, key=lambda d: _ORDER.index(d.rule) if d.rule in _ORDER else len(_ORDER)):
        key = (d.rule, d.span.start, d.span.end, d.message)
        if key in seen:
            continue  # one share checked twice (as linked to its whole and as a breakdown's part)
        seen.add(key)
        owner = _owner(d)
        partners: list[int] = []
        if d.rule in ("shares-sum", "parts-sum") and owner is not None:
            other = "parts-sum" if d.rule == "shares-sum" else "shares-sum"
            if (other, owner) in by_owner:
                partners.append(by_owner[(other, owner)])
        if d.rule in ("parts-sum", "share-of-total"):
            other = "share-of-total" if d.rule == "parts-sum" else "parts-sum"
            if (other, d.span.start, d.span.end) in by_span:
                partners.append(by_span[(other, d.span.start, d.span.end)])
        for i in sorted(partners):
            if _foldable(out[i], d):
                out[i] = _fold(out[i], d)
                break
        else:
            out.append(d)
            if owner is not None:
                by_owner.setdefault((d.rule, owner), len(out) - 1)
            by_span.setdefault((d.rule, d.span.start, d.span.end), len(out) - 1)
    return out
