"""Breakdowns told by arithmetic: parts that add up to a whole stated before them."""

from __future__ import annotations

import bisect
from dataclasses import replace
from decimal import Decimal

import regex

from ...context import Context
from ...models import Breakdown, Part, Percent, Quantity
from ...text import lexicon
from ...text.clauses import last_before
from ...text.rx import rx
from .emit import _add_breakdown, _category_labels, _relabel, scope_of
from .items import _Item, _near, _same_sum, _settle_rates, _share_fits, unit_key
from .runs import (
    _COPULA,
    _OF,
    _SHARE_NOUN,
    _SHARE_VERB,
    _SUBSET,
    _WHOLE_AFTER,
    _WHOLE_NOUN,
    _WITHIN,
    _disposition,
    _is_total,
    facet_cue,
    subset_cue,
)


def _parts_taken(ctx: Context, with_share: bool = False) -> set[str | None]:
    """The figures that are parts of a breakdown found so far (only those with a share, if asked)."""
    return {p.value_id for f in ctx.facts if isinstance(f, Breakdown) for p in f.parts
            if not with_share or p.share_id is not None}


def _sentence_sums(ctx: Context, items: list[_Item]) -> None:
    """A whole, then its parts later in its paragraph with other figures between them
    (共受理诉求9.67万件,接通率96.14%;直接答复7.25万件,答复率74.97%;转办2.42万件): the
    parts are told apart from loose figures by adding up to the whole at the stated rounding."""
    text = ctx.norm.text
    used = _parts_taken(ctx)  # parts of breakdowns found already (a total may have several)
    heads = {f.total_id for f in ctx.facts if isinstance(f, Breakdown)}
    counts = [it for it in items if it.qty is not None]
    for i, whole in enumerate(counts):
        assert whole.qty is not None
        if whole.qty.value <= 0:
            continue
        end = text.find("\n", whole.end)
        end = len(text) if end < 0 else end
        nxt = _NEXT_PARAGRAPH_CUE.match(text, end)
        if nxt is not None and whole.qty.value < 100 and not _is_total(ctx, whole):
            nxt = None  # small counts add up by chance (工业项目8个 … 从项目质量看,…3个,…5个)
        if nxt is not None:
            # 从游客结构看,过夜游客… / 分品种看,…: the next paragraph opens by dividing the figures
            # before it (which need no 共 then: the cue presents them as wholes).
            more = text.find("\n", nxt.end())
            end = len(text) if more < 0 else more
        elif not _is_total(ctx, whole):
            continue
        # Candidates: later figures of the paragraph in the whole's unit, each smaller than it.
        cands: list[_Item] = []
        for j in range(i + 1, min(len(counts), i + 60)):  # a paragraph's worth of figures at most
            it = counts[j]
            assert it.qty is not None
            if it.start >= end or len(cands) >= 12:
                break
            if it.qty.id in heads and ";" in text[(cands[-1] if cands else whole).end:it.start]:
                break  # …;大湾区旅客…616602人次,当中…: a statement of its own, with its own list
            if cands and subset_cue(text, cands[-1].end, it.start):
                continue  # 中国大陆旅客…144.49万人次,其中个人游旅客79.36万人次: inside the figure before
            if unit_key(it.qty.unit) == unit_key(whole.qty.unit) and it.qty.value < whole.qty.value and it.qty.id not in used:
                cands.append(it)
        found = _adding_window(cands, whole.qty)
        link, evidence = "sum", None
        if found is None:
            # Parts declared as such (…3000起酒驾醉驾中,A…,B…; 从渠道看,A…;B…;C…) still make the
            # breakdown when they miss the whole by what one mistyped part would: the checks must see it.
            declared = _declared_window(ctx, whole, cands)
            if declared is None:
                continue
            (found, evidence), link = declared, "cue"
        parts = _settle_rates(found, whole.qty)
        if len(parts) >= 2:
            _borrowed_names(ctx, parts, items)
            if len({p.label for p in parts}) < len(parts):
                continue  # one name for every figure: not shown to be parts
            _category_labels(ctx, parts)
            _add_breakdown(ctx, whole.qty, parts, link, evidence)
            used.update(p.qty.id for p in parts if p.qty is not None)


# 占受理总量的 / 占总数的 / 占全部诉求的: the share names the whole it is taken of.
# 占全市转办量的: a metric of the whole area, named (转办) as it was stated.
_NAMED_WHOLE = regex.compile(rf"(?:{_SHARE_VERB})(?:(?P<what>\p{{Han}}{{0,12}}?)(?:{_WHOLE_NOUN})|(?:{lexicon.alternation('all_of')})\p{{Han}}{{1,6}}?"
                             rf"|(?:{lexicon.alternation_where('scope', kind='whole')})(?P<metric>\p{{Han}}{{1,6}}?)"
                             rf"(?:{lexicon.alternation_where('metric_end', count=True)}))"
                             rf"(?:{_OF})?(?:{_SHARE_NOUN})?(?:{_COPULA})?$"
                             # 占全县农林牧渔业总产值的: any whole named in full (matched by its name only)
                             rf"|(?:{_SHARE_VERB})(?P<named>\p{{Han}}{{4,16}}?)(?:{_OF})(?:{_SHARE_NOUN})?(?:{_COPULA})?$")


_LIST_MARK = lexicon.alternation_where("separator", kind="list")  # 、 和 及 …
# Units that count days, months or years (天, 个月, 年), not hours or ages
_SPANS = frozenset(w for w, m in lexicon.get("unit").meanings.items()
                   if m.get("group") == "time" and not m.get("minutes") and not m.get("age"))


def _bracketed_parts(ctx: Context, quantities: list[Quantity]) -> None:
    """A figure with its parts in brackets (优良天数26天(其中优9天、良17天)): a breakdown in any
    unit, days included, when the parts add up to it (nearly: a slip is flagged)."""
    text = ctx.norm.text
    for i, q in enumerate(quantities):
        # 26天(其中优9天、良17天), or the parts alone in the brackets (46653件(电话诉求41424件、非电话诉求5229件))
        m = rx(rf"[(（](?:(?:{_SUBSET})[,:]?)?(?=[^()（）\d]{{1,20}}\d[^()（）]*(?:,|{_LIST_MARK})[^()（）]*[)）])").match(text, q.nspan[1])
        if m is None:
            # 优良天数27天,其中优8天、良19天。: the same, up to the clause's end, for days
            m = rx(rf"[,，](?:{_SUBSET})[,:]?").match(text, q.nspan[1]) if q.unit in _SPANS else None
            if m is None:
                continue
            close = min((k for k in (text.find(c, m.end()) for c in ";。\n,") if k >= 0), default=len(text))
        else:
            close = min((k for k in (text.find(")", m.end()), text.find("）", m.end())) if k >= 0), default=-1)
        if close < 0:
            continue
        inside = [p for p in quantities[i + 1:i + 12] if p.nspan[1] <= close and p.unit == q.unit and p.label]
        ids = {p.id for p in inside}
        if len(inside) < 2 or any(isinstance(f, Breakdown) and ids & {p.value_id for p in f.parts} for f in ctx.facts):
            continue  # (the same parts read already; the figure may have other breakdowns)
        acc = sum((p.value for p in inside), Decimal(0))
        items = [_Item(p, None, p.nspan[0], p.nspan[1], p.label) for p in inside]
        # Declared by 其中, the parts stay a breakdown when one of them is mistyped.
        if acc == q.value or _near(acc, q.value, max(p.value for p in inside)):
            _add_breakdown(ctx, q, items, "cue", m.group() + "…)")
        elif acc < q.value and text[m.start()] in "(（" and not any(_when(p.label) for p in inside):
            # 22361件(市长信箱406件、政务服务网76件…): named parts in the brackets right after a
            # figure are some of its parts (the channels besides the phone), not all of them
            _add_breakdown(ctx, q, items, "cue", m.group() + "…)")
            bd = ctx.facts[-1]
            if isinstance(bd, Breakdown):
                bd.complete = False


def _when(label: str | None) -> bool:
    """A label that names a time (上月, 去年同期): a figure to compare with, not a part."""
    return any(t.classes & {"prior_period", "rel_period", "period_word", "rel_year", "time_word"}
               for t in lexicon.scan(label or ""))


def _named_wholes(ctx: Context, items: list[_Item]) -> None:
    """Link a share outside any breakdown to its part and to the whole it names."""
    text = ctx.norm.text
    in_parts = _parts_taken(ctx, with_share=True)  # parts whose share their breakdown checks already
    shares_of: dict[str, tuple[Quantity, list[_Item]]] = {}
    for k, it in enumerate(items):
        if it.qty is None or it.share is None or it.rate or it.qty.id in in_parts:
            continue
        a = max(last_before(text, ",;。:\n", it.share.nspan[0]) + 1, it.share.nspan[0] - 20)
        m = _NAMED_WHOLE.search(text, a, it.share.nspan[0])
        metric = ""
        area: str | None = None
        if m is None:
            # 在收购总量中,订单收购5.12万吨,所占比重为64.9%: the whole is named before the part.
            inside = _IN_WHOLE.search(text, last_before(text, "。\n", it.start) + 1, it.start)
            if inside is None or not _bare_share_of(text, it):
                continue
            what = inside.group("what")
        else:
            if k > 0 and rx(r"^[^,;。:\n]*$").match(text[items[k - 1].end:it.start]):
                continue  # the last of a list (A 172件、B 80件、C 50件,占总量的59.68%): the share is of them all
            metric = m.group("metric") or ""
            what = m.group("what") or metric  # 占全部办件量的: the whole, whatever it was called
            area = scope_of(m.group(0))
        whole = None
        for cand in reversed(items[max(0, k - 30):k]):
            q = cand.qty
            if q is None or q.nspan[0] < it.start - 1500:
                continue
            if q.unit != it.qty.unit or q.value <= it.qty.value:
                continue
            if m is not None and q.label and len(q.label) >= 4 and q.label in m.group(0) \
                    and not _not_whole(q):
                # 占全区社会消费品零售总额的 gives the whole's name in full: the figure stated under it
                whole = q
                break
            if m is not None and m.group("named"):
                continue
            if metric:
                # 占全市转办量的 names the metric itself: the figure stated right after it.
                if not text[max(0, q.nspan[0] - len(metric) - 2):q.nspan[0]].rstrip("了共计为达").endswith(metric):
                    continue
                own = scope_of(text[last_before(text, "。\n", q.nspan[0]) + 1:q.nspan[0]])
                if own is not None and own != area:
                    continue  # 全区共有规上企业120家 … 占全市企业数的: another area's figure
            elif not _is_total(ctx, cand):
                continue
            if what and what not in text[max(0, q.nspan[0] - 20):q.nspan[0]]:
                continue  # 占转办总量的 needs a whole stated as 转办…
            whole = q
            break
        if whole is not None:
            it.share.part_id, it.share.total_id = it.qty.id, whole.id
            shares_of.setdefault(whole.id, (whole, []))[1].append(it)
    for whole, parts in shares_of.values():
        _sibling_shares(ctx, whole, parts)


def _later_shares(ctx: Context) -> None:
    """A breakdown's part given its share later, under its own name and of the whole named as the
    breakdown's total (…第一产业增加值2861.18亿元…。第一产业增加值占地区生产总值的比重为14.2%): that part's
    share, for share-of-total and shares-sum to hold against the figures."""
    text = ctx.norm.text
    breakdowns = [f for f in ctx.facts if isinstance(f, Breakdown) and f.total_id]
    if not breakdowns:
        return
    used = {p.share_id for b in breakdowns for p in b.parts if p.share_id}
    totals = {f.id: f for f in ctx.facts if isinstance(f, Quantity)}
    for f in ctx.facts:
        if not isinstance(f, Percent) or f.id in used or not f.label:
            continue
        a = max(last_before(text, ",;。:\n", f.nspan[0]) + 1, f.nspan[0] - 30)
        m = _NAMED_WHOLE.search(text, a, f.nspan[0])
        named = (m.group("named") or m.group("what") or "") if m is not None else ""
        if len(named) < 2:
            continue
        for b in breakdowns:
            total = totals.get(b.total_id or "")
            if total is None or not total.label or b.nspan[1] > f.nspan[0] or not named.endswith(total.label):
                continue
            part = next((p for p in b.parts if p.label == f.label and p.share is None), None)
            if part is not None:
                part.share, part.share_id = f.value, f.id
                used.add(f.id)
                break


def _not_whole(q: Quantity) -> bool:
    """Another period's figure, a bound or a table cell: named like a whole, it is not the one meant."""
    return bool(q.basis or q.approx or q.cell is not None)


_IN_WHOLE = regex.compile(rf"(?:{lexicon.alternation_where('particle', frames=True)})(?P<what>\p{{Han}}{{1,8}}?)(?:{_WHOLE_NOUN})"
                          rf"(?:{_WITHIN})[,:]")


def _bare_share_of(text: str, it: _Item) -> bool:
    """The item's share names no whole of its own (所占比重为64.9%, 占比12%)."""
    assert it.share is not None
    a = max(last_before(text, ",;。:\n", it.share.nspan[0]) + 1, it.share.nspan[0] - 12)
    return bool(rx(rf"^(?:{_SHARE_VERB})?(?:{_SHARE_NOUN})?(?:{_COPULA})?$").match(text[a:it.share.nspan[0]]))


def _whole_named(text: str, part: _Item) -> str | None:
    """The words by which a part's share names its whole (占全市转办量的)."""
    if part.share is None:
        return None
    a = max(last_before(text, ",;。:\n", part.share.nspan[0]) + 1, part.share.nspan[0] - 20)
    m = _NAMED_WHOLE.search(text, a, part.share.nspan[0])
    return m.group() if m else None


def _sibling_shares(ctx: Context, whole: Quantity, parts: list[_Item]) -> None:
    """Figures stated apart (each in its own section), each with its share of one named whole
    (A共受理1.56万件,占全市转办量的64.46% … B共受理0.86万件,占全市转办量的35.54%): its parts,
    when they add up to it or their shares make up the whole of it."""
    if len(parts) < 2 or len({p.label for p in parts}) < len(parts):
        return
    shares = sum((p.share.value for p in parts if p.share is not None), Decimal(0))
    if not (_same_sum(parts, whole) or abs(shares - 100) <= Decimal("0.1") * len(parts)):
        return
    if any(isinstance(f, Breakdown) and f.total_id == whole.id for f in ctx.facts):
        return
    _add_breakdown(ctx, whole, parts, "named", _whole_named(ctx.norm.text, parts[0]))


_NEXT_PARAGRAPH_CUE = regex.compile(rf"\n+\s*(?:{facet_cue()}|{_SUBSET})")


_DECLARES = regex.compile(rf"{_SUBSET}|{facet_cue()}")


def _declared_window(ctx: Context, whole: _Item, cands: list[_Item]) -> tuple[list[_Item], str] | None:
    """The candidates of the one sentence that the text declares as parts of whole, if they
    nearly add up to it, with the words that declare them."""
    text = ctx.norm.text
    if not cands or whole.qty is None:
        return None
    first = cands[0]
    marked = _WHOLE_AFTER.match(text[whole.qty.nspan[1]:whole.qty.nspan[1] + 10])
    a = last_before(text, "。\n", first.start) + 1
    cue = _DECLARES.search(text, max(a, whole.end), first.start)
    if not marked and cue is None:
        return None
    words = (marked.group() if marked else cue.group() if cue else "").strip(",;。:")
    end = min((k for k in (text.find("。", first.start), text.find("\n", first.start)) if k >= 0), default=len(text))
    window = [it for it in cands if it.start < end]
    if len(window) < 2 or len({it.label for it in window}) < len(window):
        return None
    values = [it.value for it in window if it.value is not None]
    acc = sum(values, Decimal(0))
    if acc == whole.qty.value or not _near(acc, whole.qty.value, max(values)):
        return None
    return window, words


def _borrowed_names(ctx: Context, parts: list[_Item], items: list[_Item]) -> None:
    """Parts that all carry one generic name (产量15.12万吨 … 产量10.08万吨) are named by the item
    their clause chain opens with (水稻31.25万亩,…,产量15.12万吨)."""
    if len({p.label for p in parts}) != 1:
        return
    text = ctx.norm.text
    for p in parts:
        owner = None
        for it in items:
            if it.start >= p.start:
                break
            if it.qty is not None and it.qty.unit != (p.qty.unit if p.qty else None) \
                    and not rx(r"[;。\n]").search(text[it.end:p.start]):
                owner = it
        if owner is None or not owner.label:
            return
        _relabel(p, p.label, owner.label)


def _adding_window(cands: list[_Item], whole: Quantity) -> list[_Item] | None:
    """The first run of consecutive candidates (two or more, distinct names) that adds up to whole."""
    for a in range(len(cands)):
        acc = Decimal(0)
        for b in range(a, len(cands)):
            acc += cands[b].value or Decimal(0)
            if b > a and _same_sum(cands[a:b + 1], whole):
                window = cands[a:b + 1]
                if len({it.label for it in window}) in (1, len(window)):  # one shared name: see _borrowed_names
                    return window
            if acc > whole.value * 2:
                break
    return None


def _distant_sums(ctx: Context, items: list[_Item]) -> None:
    """A sentence that opens with figures adding up exactly to a whole stated in an earlier section
    (一、总体情况 …共受理群众诉求48576件 … 四、办理情况 热线直接答复29118件…;转派承办单位办理19458件):
    the sentence divides that whole. Only exact sums of a whole of three digits or more."""
    text = ctx.norm.text
    used = _parts_taken(ctx)
    counts = [it for it in items if it.qty is not None]
    for i, first in enumerate(counts):
        assert first.qty is not None
        sent = last_before(text, "。\n", first.start) + 1
        if first.qty.id in used or (i > 0 and counts[i - 1].start >= sent):
            continue  # only the sentence's first figure opens such a list
        end = text.find("。", first.start)
        end = len(text) if end < 0 else end
        window: list[_Item] = []
        for it in counts[i:i + 6]:
            if it.start >= end or it.qty is None or (window and (it.rate or "其中" in text[window[-1].end:it.start])):
                break  # …;其中满意19458件: a sub-count, and a rate is no share of this whole
            if unit_key(it.qty.unit) == unit_key(first.qty.unit) and it.qty.id not in used:
                window.append(it)
        wholes = [w.qty for w in counts[max(0, i - 80):i] if w.qty is not None and unit_key(w.qty.unit) == unit_key(first.qty.unit)
                  and w.qty.value >= 100 and w.start >= first.start - 3000 and _is_total(ctx, w)]
        for n in range(len(window), 1, -1):
            parts = window[:n]
            acc = sum((p.qty.value for p in parts if p.qty is not None), Decimal(0))
            whole = next((w for w in reversed(wholes) if w.value == acc), None)
            if whole is None or len({p.label for p in parts}) < n:
                continue
            # Copies: a share that names another whole is dropped from the part, not from the item
            # (the named-whole pass still links it).
            _add_breakdown(ctx, whole, [replace(p) for p in parts], "sum")
            used.update(p.qty.id for p in parts if p.qty is not None)
            break
        else:
            if not _disposed_pair(ctx, window, wholes, used):
                _slipped_pair(ctx, window, wholes, used)


def _disposed_pair(ctx: Context, window: list[_Item], wholes: list[Quantity], used: set[str | None]) -> bool:
    """热线坐席直接答复35332件 / 转派承办单位33140件 of 共受理群众诉求68472件: what was answered and what
    was passed on divide what came in — the words tie them; a slip in one keeps the tie, and the
    sum, within a tenth, is the verdict."""
    pair = window[:2]
    if len(pair) < 2 or any(p.qty is None or p.share is not None for p in pair) or pair[0].label == pair[1].label:
        return False
    tie = _disposition(ctx, pair, wholes)
    acc = sum((p.qty.value for p in pair if p.qty is not None), Decimal(0))
    if tie is None or not _near(acc, tie.total.value, max(p.qty.value for p in pair if p.qty is not None)):
        return False
    _add_breakdown(ctx, tie.total, [replace(p) for p in pair], tie.link, tie.evidence)
    used.update(p.qty.id for p in pair if p.qty is not None)
    return True


def _slipped_pair(ctx: Context, window: list[_Item], wholes: list[Quantity], used: set[str | None]) -> None:
    """热线直接答复29118件,直接答复率59.9%;转派承办单位办理20820件 of 48576件: the first figure's rate
    says it is a share of the whole, the second is the rest, and together they exceed it. A draft's
    slip, and a breakdown for the checks to see (only an excess: falling short proves nothing)."""
    if len(window) < 2:
        return
    a, b = window[0], window[1]
    if a.qty is None or b.qty is None or a.share is None or b.share is not None or a.label == b.label:
        return
    acc = a.qty.value + b.qty.value
    for whole in reversed(wholes):
        if acc > whole.value and _near(acc, whole.value, max(a.qty.value, b.qty.value)) \
                and _share_fits(a.qty.value, whole.value, a.share.value, a.share.decimals):
            _add_breakdown(ctx, whole, [replace(a), replace(b)], "shares")
            used.update((a.qty.id, b.qty.id))
            return


def _remainder_parts(ctx: Context, items: list[_Item]) -> None:
    """The part after a list's last one that the list left out of its run because it has no share
    (医院…,占56.7%;基层…,占40.2%;专业公共卫生机构及其他机构132.7万人次): it joins when it makes up
    exactly what the parts leave of the total."""
    text = ctx.norm.text
    used = _parts_taken(ctx)
    by_start = {it.start: it for it in items if it.qty is not None}
    starts = sorted(by_start)
    for bd in [f for f in ctx.facts if isinstance(f, Breakdown)]:
        if bd.total is None or not bd.parts or any(p.value is None for p in bd.parts):
            continue
        k = bisect.bisect_left(starts, bd.nspan[1])
        if k >= len(starts):
            continue
        nxt = by_start[starts[k]]
        assert nxt.qty is not None
        gap = text[bd.nspan[1]:nxt.start]
        if nxt.qty.id in used or nxt.share is not None or nxt.qty.unit != bd.unit \
                or not rx(r"[;,]\p{Han}[^,;。\d\n]{0,24}").fullmatch(gap):
            continue
        parts = [*bd.parts]
        acc = sum((p.value for p in parts if p.value is not None), Decimal(0)) + nxt.qty.value
        shared = sum((p.share for p in parts if p.share is not None), Decimal(0))
        # …Ⅳ类2个,占11.1%;劣Ⅴ类1个: the shares already make up the whole, so a category after
        # them with a count is its last part, and a count that breaks the sum is a slip to flag
        category = shared >= Decimal("99.5") and bool(rx(_CATEGORY_OR_REST).search(nxt.label or "")) \
            and not rx(_ELSEWHERE).search(gap)
        # …治安类报警750起,…,其他类报警4484起。: the rest of its list is its last part, whatever it sums to
        rest = _remainder(nxt.label) and not rx(r"[。\n]").search(text, bd.nspan[0], nxt.start) \
            and not rx(_ELSEWHERE).search(gap)
        category = category or rest
        if acc != bd.total and not category and not _same_sum([nxt, *_as_items(ctx, parts)], _whole(ctx, bd)):
            continue
        bd.parts.append(Part(label=nxt.label, value=nxt.qty.value, value_id=nxt.qty.id))
        bd.nspan = (bd.nspan[0], nxt.end)
        bd.span = ctx.norm.span(*bd.nspan)
        used.add(nxt.qty.id)


# 劣Ⅴ类 / 其他…: a category or the rest of a list
_CATEGORY_OR_REST = rf"(?:{lexicon.alternation_where('unit', kinds=True)})$|^(?:{lexicon.alternation('remainder')})"
# …;其中… / 此外… / 同比… / 较…: what follows the parts is about something else
_ELSEWHERE = (rf"{_SUBSET}|{lexicon.alternation('beside')}|{lexicon.alternation('basis_word')}"
              rf"|{lexicon.alternation_where('comparator', role='open', free=True)}|{_OF}")


def _remainder(label: str | None) -> bool:
    """A name that opens with a remainder word (其他类报警, 其它渠道): the rest of a list."""
    toks = lexicon.scan(label or "")
    return bool(toks) and toks[0].start == 0 and "remainder" in toks[0].classes


def _as_items(ctx: Context, parts: list[Part]) -> list[_Item]:
    by_id = {f.id: f for f in ctx.facts if isinstance(f, Quantity)}
    out = []
    for p in parts:
        q = by_id.get(p.value_id or "")
        if q is not None:
            out.append(_Item(q, None, q.nspan[0], q.nspan[1], p.label))
    return out


def _whole(ctx: Context, bd: Breakdown) -> Quantity:
    return next(f for f in ctx.facts if isinstance(f, Quantity) and f.id == bd.total_id)
