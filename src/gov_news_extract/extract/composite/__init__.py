"""Composites: a total split into parts (`breakdown`) and ordered lists (`ranking`).

Parts are found from the layout of the text, not from the arithmetic: a run of
figures with the same unit, each with its own name, joined by list separators
(`、` `,` `;`), maybe each with its share (`占比a%`). Arithmetic only chooses
between readings the layout allows (which earlier figure is the total; where a
run holds a total and its own parts), so that a wrong figure in a draft still
forms its breakdown and the checks can flag it."""

from __future__ import annotations

import bisect
import itertools
from decimal import Decimal

from ...context import Context
from ...models import Change, Percent, Quantity
from ...numbers.numeral import parse_number
from ...text import lexicon
from ...text.clauses import last_before
from ...text.rx import rx
from . import links
from .emit import _TOP_N, _add_breakdown, _add_ranking, _category_labels, _criterion, _relabel, _written
from .items import (
    _expand_each,
    _Item,
    _items,
    _label_at,
    _near,
    _numeric,
    _same_sum,
    _settle_rates,
    index_like,
    own_figures,
    unit_key,
)
from .rankings import (
    _list_rank_head,
    _name_rankings,
    _narrated_ranks,
    _ordered_names,
    _ranking_head,
    _ranks_after_figures,
    _stated_ranks,
)
from .runs import (
    _SAID,
    Tie,
    _after_words,
    _at_inner_wholes,
    _best_prefix,
    _counted_noun,
    _declared_part,
    _far_beyond,
    _find_total,
    _frame_groups,
    _is_total,
    _runs,
    _segments,
    _share_chains,
    _share_whole,
    _split_arithmetic,
    _stated_words,
    _total_after,
    aside_ranges,
    sublist_cue,
)
from .share_lists import _attach_share_lists
from .sums import (
    _bracketed_parts,
    _distant_sums,
    _later_shares,
    _named_wholes,
    _remainder,
    _remainder_parts,
    _sentence_sums,
)
from .table_parts import _table_breakdowns, _table_rankings


def run(ctx: Context) -> None:
    """The composite passes, in order: each later one looks only for what the earlier left."""
    facts = _numeric(ctx)
    quantities = [f for f in facts if isinstance(f, Quantity)]
    items = _items(ctx, facts)
    taken: list[tuple[int, int]] = []  # spans already read as rankings
    # Figures in brackets of asides (…共900件(另有50件…),已解决800件) are no list's items, and do not
    # stand between two items of one list.
    asides = aside_ranges(ctx)
    listed = [it for it in items if not _within(it.start, asides)]
    _lists(ctx, facts, listed, quantities, taken, asides)  # runs of named figures (runs.py)
    _remainder_parts(ctx, listed)                  # the last part, left out for want of a share
    _sentence_sums(ctx, listed)                    # parts further on that add up to a whole (sums.py)
    _distant_sums(ctx, listed)                     # a later section's sentence that divides it exactly
    _bracketed_parts(ctx, quantities)              # 26天(其中优9天、良17天)
    links.bases(ctx.norm.text, quantities)         # 去年同期为11.94亿元 is no whole a share names
    _named_wholes(ctx, items)                      # …占受理总量的5.1% outside any breakdown
    _stated_ranks(ctx, items, taken)               # …,位居第一;…,位居第二 (rankings.py)
    _name_rankings(ctx, taken)                     # 前三位为:A、B、C
    _narrated_ranks(ctx, taken)                    # 第一名是“A”…;B…位列第二
    _ranks_after_figures(ctx, taken)               # 最高的是A…,B和C分别为…,排在第二、第三位
    _table_rankings(ctx)                           # tables (table_parts.py)
    _ordered_names(ctx)                            # 最多的三个景点依次为A、B及C
    _attach_share_lists(ctx)                       # a:b:c and 分别占… after the parts (share_lists.py)
    _later_shares(ctx)                             # a part's share stated later, of the whole named
    links.run(ctx)                                 # what the checks read about each figure (links.py)
    _table_breakdowns(ctx)                         # totals, 小计 columns, 其中 rows, 构成 blocks


def _list_order(text: str, run: list[_Item]) -> str:
    """Which way a numbered list is ranked: as the text says (由小到大, 由好到差 of an index), else as
    most of its neighbours go (a slip in one place must still show against the rest)."""
    stated = [t for t in lexicon.scan(text, max(0, run[0].start - 300), run[0].start) if "sort_order" in t.classes]
    if stated:
        return "asc" if lexicon.meaning("sort_order", stated[-1].text).get("order") == "asc" else "desc"
    values = [it.value for it in run if it.value is not None]
    ups = sum(b > a for a, b in itertools.pairwise(values))
    downs = sum(b < a for a, b in itertools.pairwise(values))
    return "asc" if ups > downs else "desc"


def _within(pos: int, ranges: list[tuple[int, int]]) -> bool:
    k = bisect.bisect_right(ranges, (pos, 1 << 62)) - 1
    return k >= 0 and ranges[k][0] <= pos < ranges[k][1]


def _far_over(parts: list[_Item], total: Quantity) -> bool:
    values = [p.value for p in parts if p.value is not None]
    acc = sum(values, Decimal(0))
    return bool(values) and acc > total.value and not _near(acc, total.value, max(values))


def _rest_group(text: str, run: list[_Item]) -> list[tuple[_Item | None, list[_Item]]] | None:
    """The run's last figure is written as what is left (…,剩余3个…) and the one before it is smaller
    than the one before that: those two divide that one (152 = 149 + the 3 left)."""
    if len(run) < 3 or run[-1].qty is None or _remainder(run[-1].label):
        return None  # (…生活服务1件,其他2件: 其他 names the last category of a flat list)
    before = text[run[-2].end:run[-1].qty.nspan[0]]
    toks = lexicon.scan(before)
    if not toks or "remainder" not in toks[-1].classes or toks[-1].end != len(before):
        return None
    whole, part = run[-3].value, run[-2].value
    if whole is None or part is None or part >= whole:
        return None
    groups: list[tuple[_Item | None, list[_Item]]] = [(None, run[:-2])] if len(run) >= 5 else []
    return [*groups, (run[-3], run[-2:])]


def _manner_start(label: str | None) -> bool:
    toks = lexicon.scan(label or "")
    return bool(toks) and toks[0].start == 0 and "manner" in toks[0].classes


def _manner_groups(run: list[_Item]) -> list[tuple[_Item | None, list[_Item]]] | None:
    """Two or more names that open with a manner (按时结案, 超时办理) at the end of a run whose first
    names have none: a list of their own, of the item right before them. A run that opens with
    such names ends where they end (按期办结…;超期办结…;返工单…)."""
    flags = [_manner_start(it.label) for it in run]
    j = next((i for i, f in enumerate(flags) if not f), len(run))
    if j >= 2 and j < len(run) and not any(flags[j:]) and not any(_remainder(it.label) for it in run[j:]):
        # 按期办结11289件…;超期办结14件…;返工单34件: the list of manners ends where they end
        return [(None, run[:j])]
    k = next((i for i, f in enumerate(flags) if f), None)
    if k is None or k < 2 or not all(flags[k:]) or len(run) - k < 2:
        return None
    return [(None, run[:k]), (run[k - 1], run[k:])]


def _own_statement_at(text: str, run: list[_Item]) -> int | None:
    """Index of the first item of a run whose clause opens with a verb (收到, 完成…) when no item
    before it (after the first) has one; None when there is no such item or the cut leaves < 2."""
    for k in range(1, len(run)):
        it, prev = run[k], run[k - 1]
        if it.qty is None:
            return None
        seg = text[prev.end:it.qty.nspan[0]]
        sep = max(seg.rfind(c) for c in ",;:。\n")
        clause = seg[sep + 1:]
        toks = lexicon.scan(clause)
        if toks and toks[0].start == 0 and toks[0].classes & {"intake_verb", "result_verb", "time_word"}:
            return k if k >= 2 else None
    return None


def _scoped_statement(text: str, whole: _Item, first: _Item) -> bool:
    """The first item's clause opens with a word for the whole area (全市, 我县), after the whole
    itself: a figure of the whole area, beside it, not inside it."""
    if first.qty is None:
        return False
    a = last_before(text, ",;:。\n", first.qty.nspan[0]) + 1
    if a <= whole.end:
        return False
    if any(t.classes & {"list_cue"} and lexicon.meaning("list_cue", t.text).get("kind") == "subset"
           for t in lexicon.scan(text, whole.end, a)):
        return False  # 其中,…。全市第一产业完成投资…: declared a part, whatever opens its clause
    return _opens_with_scope(text, first)


def _opens_with_subset(text: str, it: _Item) -> bool:
    """The item's sentence opens with 其中 (…91.17%。其中武进区1272件): it is declared a part of what
    the sentence before stated."""
    a = last_before(text, "。;\n", it.start) + 1
    return any(t.start == a and "list_cue" in t.classes and lexicon.meaning("list_cue", t.text).get("kind") == "subset"
               for t in lexicon.scan(text, a, it.start))


def _opens_with_scope(text: str, it: _Item) -> bool:
    """The item's clause opens with a word for the whole area (全县完成…)."""
    if it.qty is None:
        return False
    a = last_before(text, ",;:。\n", it.qty.nspan[0]) + 1
    toks = lexicon.scan(text, a, it.qty.nspan[0])
    return bool(toks) and toks[0].start == a and "scope" in toks[0].classes \
        and lexicon.meaning("scope", toks[0].text).get("kind") in ("whole", "ours")


def _crop_groups(label: str | None, whole: bool = False) -> set[str]:
    """The crop groups a name speaks of (小麦 → grain); with whole, only words for a group itself (粮食)."""
    return {str(lexicon.meaning("crop", t.text).get("group")) for t in lexicon.scan(label or "")
            if "crop" in t.classes and (not whole or lexicon.meaning("crop", t.text).get("whole"))}


def _other_group_at(whole: str | None, parts: list[_Item]) -> int | None:
    """Where a list under a crop group's whole (粮食) comes to another group's crop (油料, 蔬菜):
    those are figures beside the whole, not its parts."""
    groups = _crop_groups(whole, whole=True)
    if len(groups) != 1:
        return None
    for k, it in enumerate(parts):
        own = _crop_groups(it.label)
        if own and not own & groups:
            return k
    return None


def _second_list(rest: list[_Item], whole: Decimal) -> bool:
    """The figures left after a list that made up the whole add up to that whole again (or miss
    it by what one mistyped part would): a second division of it, not the last part's own."""
    values = [it.value for it in rest if it.value is not None]
    if len(rest) < 2 or len(values) < len(rest) or any(v >= whole for v in values):
        return False
    return _near(sum(values, Decimal(0)), whole, max(values))


def _counts_names(text: str, whole: _Item, parts: list[_Item]) -> bool:
    """本月工單共涉及34個單位,其中東坪鎮17件…: the whole counts, in a unit of its own with its noun
    after it, the names of the parts, which share another unit."""
    units = {unit_key(it.qty.unit) for it in parts if it.qty is not None}
    if whole.qty is None or len(units) != 1 or unit_key(whole.qty.unit) in units or None in units:
        return False
    return _counted_noun(text, whole) is not None and bool(rx(r"\p{Han}").match(text, whole.qty.nspan[1]))


def _lists(ctx: Context, facts: list[Quantity | Percent | Change], items: list[_Item],
           quantities: list[Quantity], taken: list[tuple[int, int]], asides: list[tuple[int, int]]) -> None:
    """Breakdowns and rankings from runs of named figures joined by list separators."""
    text = ctx.norm.text
    starts = sorted(f.nspan[0] for f in facts if not _within(f.nspan[0], asides))
    runs = [_expand_each(r) for whole in _runs(ctx, items, starts) for r in _at_inner_wholes(text, whole)]
    used = {id(it) for r in runs for it in r}
    for r in runs + _share_chains(ctx, items, used):
        # A figure presented as the whole starts the run: it is the total, not a part.
        total_item: _Item | None = None
        # (Not the first part of a list that 其中 opens: 其中“12369”热线共24998件,微信20227件… names a
        # part's own 共.)
        # (…立案总数为4152件,占当月立案总数的91.17%。其中…: a share of a wider whole leaves the figure
        # the whole of what 其中 lists)
        if (_is_total(ctx, r[0]) and not _declared_part(ctx, r[0])) \
                or ((r[0].share is None or r[0].rate or (_share_whole(text, r[0]) is not None
                                                            and _opens_with_subset(text, r[1])))
                    and sublist_cue(text, r[0].end, r[1].start)):
            total_item, r = r[0], r[1:]
            if len(r) < 2:
                continue
            if total_item.qty is not None and _far_beyond([it.value for it in r if it.value is not None],
                                                          total_item.qty.value):
                # …完成投资高于时序进度的有58个,其中有21个项目已完工;列入…重点项目的69个: parts far beyond
                # what any slip makes are not this figure's
                total_item = None
        # A stage of a part (…事项20549件,办结14937件) is that part's own figure, never one beside it
        # (what was dealt with of the whole itself, 受理…,办结…,办理中…, may divide it).
        r = own_figures(text, r)
        if len(r) < 2:
            continue
        if total_item is None and _opens_with_scope(text, r[0]) and _scoped_statement(text, r[0], r[1]):
            # 全县完成地方公共财政收入8.21亿元,…;全县城镇居民可支配收入21630元: clauses that each open
            # with the whole area are statements one after another, no list
            continue
        if total_item is not None and _scoped_statement(text, total_item, r[0]):
            # 全市完成地方公共财政收入17.64亿元,…;全市城镇居民可支配收入18682元: a clause that opens
            # with the area of the whole again states another of its figures, it is no part of one
            total_item = None
        # 共涉及34個單位,其中東坪鎮17件,洛陽鎮5件…: a whole counted in another unit, with the noun it
        # counts after it, counts the names the list gives; the figures sum to some other whole
        counts_names = total_item is not None and _counts_names(text, total_item, r)
        if counts_names:
            total_item = None
        head = _ranking_head(text, r)
        listed_head = head is None and _list_rank_head(text, r)
        if listed_head:
            # 居前五位的问题类别如下: / 1.城乡建设类 6824件,占比16.3% / 2.…: the lines are ranked and
            # are also parts of the month's whole (their shares say so).
            _add_ranking(ctx, [(it.label or "", it) for it in r], r[0].start, r[-1].end, None, _list_order(text, r))
        if head is not None:
            n_text = head.groupdict().get("n")
            try:
                n = int(parse_number(n_text).value) if n_text else len(r)
            except ValueError:
                n = len(r)
            ranked = r[:n] if n >= 2 else r
            if ranked[0].label and len(ranked[0].label) > len(text[head.end():ranked[0].start]) \
                    and ranked[0].label.endswith(text[head.end():ranked[0].start]) and head.end() < ranked[0].start:
                # The first name was read with the head before it (街道依次是芳洲街道).
                _relabel(ranked[0], ranked[0].label, _written(ctx, head.end(), ranked[0].start))
            asc = head.groupdict().get("end") == "后" or bool(head.groupdict().get("low"))
            _add_ranking(ctx, [(it.label or "", it) for it in ranked], head.start(), ranked[-1].end,
                         _criterion(text, head.start()), "asc" if asc else "desc")
            taken.append((head.start(), ranked[-1].end))
            continue
        if all(index_like(text, it) for it in r):
            continue  # indices and scores rank, they are never parts of a whole
        if not listed_head and _TOP_N.search(text[last_before(text, "。\n", r[0].start) + 1:r[0].start]):
            # the figures of a top-few list (前三位分别为A、B和C,受理量分别为…) rank, they do not divide
            # the whole; only their own sum, when the text states it (三个区县合计80907件)
            if (after := _total_after(ctx, r, quantities)) is not None:
                _add_breakdown(ctx, after, r, "after", _after_words(text, after))
            continue
        # Rates named after a part (办结率) group like counts: only 占比 shares make a share list.
        with_shares = any(it.share is not None and not it.rate for it in r)
        if len({(it.label, _label_at(it)) for it in r}) < len(r):
            continue  # one name for two figures (目标…完成…): a comparison, not parts of a whole
        # A 分别 list (甲区、乙区和丙区分别受理300件、200件和100件) is parallel by declaration.
        parallel = "分别" in text[max(0, r[0].start - 12):r[0].start]
        declared: Tie | None = None
        if not with_shares and not parallel and total_item is None:
            declared = _find_total(ctx, r, quantities)
            if declared is not None and declared.link not in ("sum", *_SAID):
                declared = None
        # Under a total the words declare (共…,其中…, 从…看) only an exact sum reads a sub-total into the
        # run: a near one would make a slip a sub-total (…905件,其中咨询500件、求助200件、投诉190件…).
        said = total_item is not None or (declared is not None and declared.link in _SAID)
        if (own := _own_statement_at(text, r)) is not None:
            # 其中:市委书记信箱52件,…,区长公开电话2232件;收到群众表扬信29件: a clause led by a verb of
            # its own after parts that have none states something else, whatever the sum
            r = r[:own]
        # A list whose parts (or its first parts) add up exactly to the total declared before it
        # (其中,出口…;进口…;贸易顺差…) keeps that reading even when two of its parts happen to add up
        # to a third.
        whole = total_item.qty if total_item is not None else declared.total if declared is not None else None
        upto = _best_prefix([it.value for it in r], whole.value, near=False) if whole is not None else None
        if upto is None and whole is not None and all(it.qty is not None for it in r) and _same_sum(r, whole):
            upto = len(r)  # 生产原煤1.1亿吨。其中…6095万吨…1851万吨…3031万吨: all of them, at the whole's rounding
        if upto is not None and upto < len(r) and r[upto - 1].qty is r[upto].qty:
            upto = None  # never inside one figure stated for several names (乙区、丙区…各2件)
        each = len({id(it.qty) for it in r}) < len(r)  # 乙区、丙区…各2件: a flat list by its words
        if with_shares or parallel or each:
            groups: list[tuple[_Item | None, list[_Item]]] = [(None, r)]
        elif upto is not None and whole is not None and _second_list(r[upto:], whole.value):
            # 电话38215件、网络14469件,咨询类21306件、求助类15873件…: the figures after the parts divide
            # the same whole again by another criterion (two lists of one total in one sentence); they
            # are no sub-list of the last part, even when a slip makes two of them near a third
            groups = [(None, r[:upto]), (None, r[upto:])]
        elif upto is not None:
            # what runs on past the parts may be the last part's own (…自行处理2276件,派单601件,按时结案597件,
            # 超时办理4件 of 2877件)
            groups = [(None, r[:upto])] + [g for g in _split_arithmetic(r[upto - 1:]) if g[0] is not None]
        elif counts_names:
            # …,人社局9件,黨校1件,供電局3件,電視臺1件,政府辦4件,…: one list by its words; a run of its
            # parts that happens to add up to one before it (1+3+1+4 = 9) is no sub-list
            groups = [(None, r)]
        else:
            groups = _split_arithmetic(r, near=not said)
        if not with_shares and not parallel and (rest := _rest_group(text, r)) is not None:
            # 市区152个,已开工149个,…,剩余3个未开工: what is left is the rest of the figure two before,
            # with the one between it and that figure
            groups = rest
        elif not with_shares and not parallel and (manner := _manner_groups(r)) is not None:
            # …自行处理2276件,派单601件,按时结案597件,超时办理4件: what was done on time and late divides
            # the figure before it, whatever the sums say
            groups = manner
        elif said and not with_shares and len(groups) == 1 and (cut := _frame_groups(ctx.norm.original, r)):
            # …其中有效回访246件,表示满意的有240件,表示一般的有5件: the parts written alike are a list
            # of their own, of the part before them
            k = cut[0]
            groups = [(None, r[:k]), (r[k - 1], r[k:])]
        for head_item, parts in groups:
            tie: Tie | None
            if head_item is not None and head_item.qty is not None:
                # a sub-total the sums found in the run (…派单601件,按时结案597件,超时办理4件)
                exact = sum((p.value for p in parts if p.value is not None), Decimal(0)) == head_item.qty.value
                tie = Tie(head_item.qty, "sum" if exact else "near")
            elif total_item is not None and total_item.qty is not None:
                tie = Tie(total_item.qty, "stated", _stated_words(text, total_item, r[0]))
            elif declared is not None:
                tie = declared
            else:
                tie = _find_total(ctx, parts, quantities)
                if tie is None and (after := _total_after(ctx, parts, quantities)) is not None:
                    tie = Tie(after, "after", _after_words(text, after))  # …北岸區87.9萬人次,三區合計357.6萬人次
            total = tie.total if tie is not None else None
            parts = _settle_rates(parts, total)
            if total is not None and (other := _other_group_at(total.label, parts)) is not None:
                parts = parts[:other]  # 粮食种植面积…其中小麦…玉米…;油料种植面积…: the grain's kinds end there
            if len(parts) < 2:
                continue
            if total is not None and any(p.rate for p in parts) and _far_over(parts, total):
                # 已办结4900件,办结率98.0%;群众满意4500件,满意率90.0%: indicators each with its own
                # rate, well over the whole together — not its parts (a slip would miss by little)
                continue
            if total is None and not with_shares and len(parts) < 3:
                # Two loose counts side by side (受理X件,办结Y件) are not shown to be parts of anything.
                continue
            if tie is not None and tie.evidence and parts[0].label and len(parts[0].label) > len(tie.evidence) \
                    and parts[0].label.startswith(tie.evidence):
                # 按类型分咨询700个: the cue is no part of the first part's name
                _relabel(parts[0], parts[0].label, parts[0].label[len(tie.evidence):])
            segments = _segments(parts, total.value) if total is not None and not with_shares else [parts]
            for seg in segments:
                _category_labels(ctx, seg)
                _add_breakdown(ctx, total, seg, tie.link if tie else None, tie.evidence if tie else None)
