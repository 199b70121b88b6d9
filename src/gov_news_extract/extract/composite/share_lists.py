"""Shares given as one list after the parts: structure ratios a:b:c and 分别占… lists."""

from __future__ import annotations

from decimal import Decimal

import regex

from ...context import Context
from ...models import Breakdown, Part, Percent, Quantity
from ...text import lexicon
from ...text.clauses import last_before
from ...text.rx import rx
from .emit import _TOP_N
from .items import _OTHER, _SHARE_LIST

_OF = lexicon.alternation_where("particle", of=True)
# 由上年的13.1:38.2:48.7 / 从13:38:49 …: a ratio of an earlier year, or the level a change starts from
_FORMER_BEFORE = regex.compile(rf"(?:{lexicon.alternation_where('prior_period', period='year')})(?:{_OF})?$"
                               rf"|(?:{lexicon.alternation_where('preposition', kind='from')})$")


# …调整为12.5:37.9:49.6: the ratio before the verb is the former structure
_FORMER_AFTER = regex.compile("|".join(regex.escape(v + to) for v in lexicon.words("restructure_verb")
                                        for to in lexicon.meaning("restructure_verb", v).get("to", ())))


_RATIO = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){2,}(?![\d.:])")


def _names_own_parts(shares: list[Percent], b: Breakdown) -> bool:
    """轻、重工业占比分别为30.6%和69.4%: shares the labels pass named, each its own, none a part of
    the breakdown before them, belong to those names, not to its parts."""
    names = [sh.label for sh in shares]
    if not all(names) or len(set(names)) != len(names):
        return False
    parts = [p.label or "" for p in b.parts]
    return not any(n and (n in q or q in n) for n in names for q in parts if q)


def _attach_share_lists(ctx: Context) -> None:
    """Shares given as one list after the parts: 三次产业结构为7.7:57.5:34.8, 分别占总人口的51.3%和48.7%.

    They become the shares of the breakdown just before them when the counts
    match; a ratio with no such breakdown is a breakdown of its own. Either way
    the breakdown is complete: a structure ratio or a 分别占 list names the whole.
    """
    text = ctx.norm.text
    percents = [f for f in ctx.facts if isinstance(f, Percent)]
    # (start, end, shares, a ratio, the whole named: 分别占总人口的…)
    lists: list[tuple[int, int, list[Percent], bool, bool]] = []
    for m in _RATIO.finditer(text):
        inside = [p for p in percents if m.start() <= p.nspan[0] and p.nspan[1] <= m.end()]
        if _FORMER_BEFORE.search(text, max(0, m.start() - 6), m.start()) or _FORMER_AFTER.match(text, m.end()):
            # 由上年的13.1:38.2:48.7调整为…: the former structure, a whole of its own, never this
            # period's total's shares
            if len(inside) >= 2:
                ctx.add(Breakdown(span=ctx.norm.span(m.start(), m.end()), unit="%", complete=True,
                                  parts=[Part(label=sh.label, share=sh.value, share_id=sh.id) for sh in inside]),
                        m.start(), m.end())
            continue
        if len(inside) >= 2:
            lists.append((m.start(), m.end(), inside, True, True))
    for m in _SHARE_LIST.finditer(text):
        run: list[Percent] = []
        pos = m.end()
        for p in percents:
            if p.nspan[0] < m.end():
                continue
            if run and not rx(rf"{lexicon.alternation_where('separator', kind='list')}|,").fullmatch(text[pos:p.nspan[0]]):
                break
            if not run and p.nspan[0] - m.end() > 2:
                break
            run.append(p)
            pos = p.nspan[1]
        if len(run) >= 2:
            lists.append((m.start(), pos, run, False, regex.search(_OF, m.group()) is not None))
    lists += _clause_shares(ctx, percents, {id(p) for _, _, run, _, _ in lists for p in run})
    lists.sort(key=lambda x: x[0])
    breakdowns = [f for f in ctx.facts if isinstance(f, Breakdown)]
    for start, end, shares, is_ratio, named in lists:
        prior = [b for b in breakdowns if b.nspan[0] < start <= b.nspan[1] + 160
                 and len(b.parts) == len(shares) and all(p.share is None for p in b.parts)
                 and not _names_own_parts(shares, b)]
        if prior:
            bd = prior[-1]
            for part, sh in zip(bd.parts, shares, strict=True):
                part.share, part.share_id = sh.value, sh.id
                if part.value_id:
                    # the share measures the part it stands for (三次产业结构7.7 → 第一产业)
                    owner = next((f for f in ctx.facts if f.id == part.value_id), None)
                    if owner is not None:
                        sh.label, sh.label_span = owner.label, owner.label_span
            # complete when the shares name the whole (分别占总人口的…) or make a structure ratio, unless
            # the list is only the top few (热点问题前三位分别为…); 当中…分别占48.6%、33.2%… names no whole
            bd.complete = (bd.complete or named) \
                and not _TOP_N.search(text[last_before(text, "。\n", bd.nspan[0]) + 1:bd.nspan[0]])
            bd.nspan = (bd.nspan[0], max(end, bd.nspan[1]))
            bd.span = ctx.norm.span(*bd.nspan)
        elif is_ratio:
            bd = Breakdown(span=ctx.norm.span(start, end), unit="%", complete=True,
                           parts=[Part(label=sh.label, share=sh.value, share_id=sh.id) for sh in shares])
            ctx.add(bd, start, end)
        elif _extend_list(ctx, breakdowns, start, end, shares):
            continue
        elif len({sh.label for sh in shares}) == len(shares) and all(sh.label for sh in shares) \
                and not _TOP_N.search(text[last_before(text, "。\n", start) + 1:start]) \
                and (len(shares) > 2 or _complementary(shares)):
            # 咨询、求助…和其他类诉求分别占受理总量的40.8%、…和7.8%: the names before 分别占 are the parts
            bd = Breakdown(span=ctx.norm.span(shares[0].nspan[0], end), unit="%",
                           complete=any(_OTHER.match(sh.label or "") for sh in shares),
                           parts=[Part(label=sh.label, share=sh.value, share_id=sh.id) for sh in shares])
            ctx.add(bd, shares[0].nspan[0], end)


# 第二产业增加值占生产总值的比重为23.5%: the words that name a share's whole, right before it in its clause
_OF_WHOLE = regex.compile(rf"(?:{lexicon.alternation_where('share', kind='verb')})(?P<w>\p{{Han}}{{2,16}}?)(?:{_OF})"
                          rf"(?:{lexicon.alternation_where('share', kind='noun')})?(?:{lexicon.alternation('copula')})?\s*$")


def _clause_shares(ctx: Context, percents: list[Percent], taken: set[int]) -> list[tuple[int, int, list[Percent], bool, bool]]:
    """Shares of one sentence, one a clause, each of its own name and each naming the same whole
    (第一产业增加值占生产总值的比重为22%,第二产业增加值占生产总值的比重为23.5%,…): a list of shares of
    that whole, as 分别占 would say."""
    text = ctx.norm.text
    out: list[tuple[int, int, list[Percent], bool, bool]] = []
    run: list[Percent] = []
    whole = ""

    def flush() -> None:
        if len(run) >= 2 and len({p.label for p in run}) == len(run):
            # (each naming the whole says whose share it is, not that the list is all of it)
            out.append((run[0].nspan[0], run[-1].nspan[1], list(run), False, False))

    for p in sorted(percents, key=lambda f: f.nspan[0]):
        a = last_before(text, ",;。:\n", p.nspan[0]) + 1
        m = _OF_WHOLE.search(text, a, p.nspan[0])
        w = m.group("w") if m is not None and id(p) not in taken and p.label else ""
        joined = bool(run) and w == whole and not rx(r"[。\n]").search(text, run[-1].nspan[1], p.nspan[0]) \
            and text.count(",", run[-1].nspan[1], p.nspan[0]) + text.count(";", run[-1].nspan[1], p.nspan[0]) == 1
        if not joined:
            flush()
            run, whole = ([p], w) if w else ([], "")
        else:
            run.append(p)
    flush()
    return out


def _extend_list(ctx: Context, breakdowns: list[Breakdown], start: int, end: int, shares: list[Percent]) -> bool:
    """The tail of a list in one sentence (…投诉类45180件,占22.2%;建议类和其他类分别为10462件、7766件,
    分别占5.1%和3.8%): the counts named before 分别占 are the list's last parts, with those shares."""
    text = ctx.norm.text
    host = next((b for b in reversed(breakdowns) if b.nspan[1] <= start
                 and not rx(r"[。\n]").search(text, b.nspan[1], start)), None)
    if host is None or host.unit == "%":
        return False
    counts = [f for f in ctx.facts if isinstance(f, Quantity) and host.nspan[1] <= f.nspan[0] < start]
    if [c.label for c in counts] != [sh.label for sh in shares] or any(c.unit != host.unit for c in counts):
        return False
    host.parts.extend(Part(label=c.label, value=c.value, share=sh.value, value_id=c.id, share_id=sh.id)
                      for c, sh in zip(counts, shares, strict=True))
    host.complete = host.complete or any(_OTHER.match(c.label or "") for c in counts)
    host.nspan = (host.nspan[0], max(end, host.nspan[1]))
    host.span = ctx.norm.span(*host.nspan)
    return True


def _complementary(shares: list[Percent]) -> bool:
    """Two shares of one whole divide it only when their names split it (轻工业/重工业, 城镇/乡村) or
    they make it up; 高新技术产业 and 装备制造业 overlap, and their shares prove nothing."""
    a, b = (sh.label or "" for sh in shares)
    total = sum((sh.value for sh in shares), Decimal(0))
    if abs(total - 100) <= Decimal("0.2"):
        return True
    if len(a) >= 3 and len(b) >= 3 and a[1:] == b[1:]:
        return True  # 轻工业增加值 / 重工业增加值: one head, two kinds
    pairs = lexicon.get("complement")
    return any(a.startswith(x) and any(b.startswith(y) for y in pairs.meaning(x).get("other", ())) for x in pairs.words)
