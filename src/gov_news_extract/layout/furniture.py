"""Page furniture decided from the page as a whole: injected tokens, buttons, link lists.

Some furniture shows only when the whole page is read. A token injected by a
web site's template or an SEO filter (数说中国 before every other clause, a
company name after it) recurs across the page and breaks its sentences; it
stands once as a line or a sentence of its own, where only a headline or
furniture could stand, and most of its other occurrences open a clause right
after a punctuation mark. Two headline-shaped lines that differ only in their
middle (5月…县市区…通报 / 5月…市直部门…通报) are a list of links, not a
kicker over a title; a headline repeated with something added (a region in
brackets) is the page's title strip over the headline itself.

Spans here are offsets into the normalised text. `blank()` replaces them by
spaces of the same length, so that every later offset still holds.
"""

from __future__ import annotations

import regex

# A sentence of its own: between a line start or a full stop and a line end.
_ALONE = regex.compile(r"(?:^|(?<=[。!?]))[ \t]*(\p{Han}{3,8})[ \t]*$", regex.M)
_CLAUSE_OPEN = set(",;:、。!?()\n")
# An injected token recurs at least this often, and opens a clause in at least half its occurrences.
_MIN_REPEATS = 5
_MIN_ATTACHED = 4


def injected_tokens(text: str) -> list[tuple[int, int]]:
    """Spans of tokens injected into the page: a short Han run that stands once as a line or
    sentence of its own, recurs at least five times, and mostly opens a clause; with it, a
    longer run that only ever follows it (数说中国 / 数说中国开封市某某过滤设备厂)."""
    spans: list[tuple[int, int]] = []
    seen: set[str] = set()
    last = len(text.rstrip())
    for m in _ALONE.finditer(text):
        tok = m.group(1)
        if tok in seen or m.end(1) >= last:  # the page's last words may be a truncated sentence
            continue
        seen.add(tok)
        starts = [x.start() for x in regex.finditer(regex.escape(tok), text)]
        if len(starts) < _MIN_REPEATS:
            continue
        opening = sum(1 for s in starts if s == 0 or text[s - 1] in _CLAUSE_OPEN)
        if 2 * opening < len(starts):
            continue
        spans += [(s, s + len(tok)) for s in starts]
        spans += _attached(text, tok, starts)
    return _merged(spans)


def _attached(text: str, tok: str, starts: list[int]) -> list[tuple[int, int]]:
    """A run injected along with tok: the longest Han prefix shared by two of the runs right after
    tok, found nowhere else on the page (开封市某某过滤设备厂 only ever follows 数说中国)."""
    runs = []
    for s in starts:
        m = regex.match(r"\p{Han}+", text[s + len(tok):s + len(tok) + 40])
        if m:
            runs.append(m.group())
    best = ""
    for i, a in enumerate(runs):
        for b in runs[i + 1:]:
            pre = _common_prefix(a, b)
            if len(pre) >= _MIN_ATTACHED and len(pre) > len(best) and text.count(pre) == text.count(tok + pre):
                best = pre
    if not best:
        return []
    return [(s + len(tok), s + len(tok) + len(best)) for s in starts if text.startswith(best, s + len(tok))]


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """text with every span replaced by spaces (same length)."""
    if not spans:
        return text
    parts = []
    pos = 0
    for s, e in spans:
        parts += [text[pos:s], " " * (e - s)]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _bare(t: str) -> str:
    return regex.sub(r"\s+", "", t)


def repeats(a: str, b: str) -> bool:
    """b repeats headline a with something added, or a repeats b (the title strip over a headline)."""
    x, y = _bare(a), _bare(b)
    return len(x) >= 4 and len(y) >= 4 and (x in y or y in x)


def ends_with(a: str, b: str) -> bool:
    """a is headline b written out whole: b is a's end (子洲县二〇二三年…统计公报 / …统计公报)."""
    x, y = _bare(a), _bare(b)
    return len(y) >= 4 and len(x) > len(y) and x.endswith(y)


def siblings(a: str, b: str) -> bool:
    """Two lines built alike, differing in the middle (5月…县市区…通报 / 5月…市直部门…通报): items of
    a list of links, not one headline's lines."""
    x, y = _bare(a), _bare(b)
    if x == y or x in y or y in x:
        return False
    pre = len(_common_prefix(x, y))
    suf = len(_common_prefix(x[::-1], y[::-1]))
    return pre >= 2 and suf >= 2 and pre + suf >= 0.6 * min(len(x), len(y))
