"""Runs of figures that read as one list, and the whole they divide (其中, sums, shares, head nouns)."""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from decimal import Decimal

import regex

from ...context import Context
from ...models import Breakdown, Change, Percent, Quantity
from ...numbers.numeral import parse_number
from ...text import lexicon
from ...text.clauses import last_before
from ...text.normalise import SECTION_HEAD
from ...text.rx import rx
from ..labels import AVERAGES
from ..naming import strip_leading
from .items import (
    HANDLED,
    MEASURES,
    _counts_alike,
    _Item,
    _kind,
    _near,
    _same_sum,
    _same_unit,
    _share_fits,
    own_figures,
    says_total,
    unit_key,
)

# The words the patterns of this module are built from (data/lexicon/).
_OF = lexicon.alternation_where("particle", attributive=True)  # 的
_SUBSET = lexicon.alternation_where("list_cue", kind="subset")  # 其中, 当中
_COPULA = lexicon.alternation("copula")  # 为, 达 …
# 合计, 共计, 共 …: a sum or the marker of one (not a noun of the whole, a subtotal or a running total)
_SUMMED = lexicon.alternation_without("total", kind="noun", sub=True, cumulative=True)
_SUM_WORD = lexicon.alternation_where("total", row=True, sub=None)  # 合计, 共计, 总计: a sum, said after its parts
_BESIDE = lexicon.alternation("beside")  # 另, 此外, 还 …
_SHARE_VERB = lexicon.alternation_where("share", kind="verb")  # 占 …
_SHARE_NOUN = lexicon.alternation_where("share", kind="noun", table=None)  # 比重, 比例 …
_WHOLE_NOUN = lexicon.alternation_without("total", kind="marker", named=True)  # 总量, 总数, 总计 …


def _within() -> str:
    """中 / 之中 closing the name of a whole, 中 not where it opens another word (中部, 中心)."""
    wc = lexicon.get("within")
    return "|".join(regex.escape(w) + (f"(?![{regex.escape(m['not_before'])}])" if (m := wc.meaning(w)).get("not_before")
                                       else "") for w in wc.words)


_WITHIN = _within()


def _shortest_first(name: str, **want: object) -> str:
    """An alternation that tries the shorter words first (按类型分 before 按类型分析: the cue is the
    phrase up to its first closing word)."""
    return "|".join(regex.escape(w) for w in reversed(lexicon.get(name).having(**want)))


def facet_cue(part: str = "{1,6}?", ends: tuple[str, ...] = ("by",)) -> str:
    """A 从…看 / 分…看 / 按…分 phrase (list_cue words: what opens it and what closes it): what follows
    divides a whole. part: how far the 分…看 phrase reaches; ends: what may close a 按 phrase."""
    look = lexicon.alternation_where("list_cue", closes="look")
    by = "|".join(_shortest_first("list_cue", closes=e) for e in ends)
    return (rf"(?:{lexicon.alternation_where('list_cue', opens='from')})\p{{Han}}{{1,10}}?(?:{look})"
            rf"|(?:{lexicon.alternation_where('list_cue', opens='part')})\p{{Han}}{part}(?:{look})"
            rf"|(?:{lexicon.alternation_where('list_cue', opens='by')})\p{{Han}}{{1,8}}?(?:{by})")


# 分行业来看 / 分区域看 / 按问题类型分析: the parts that follow are a division of the whole.
# (上周18128件), 较上月的…, 上半年的…: another period's figure, never the whole of this period's parts
_BASIS_BEFORE = regex.compile(rf"(?:{lexicon.alternation('prior_period', extra=lexicon.get('time_word').having(part='H1'))})"
                              rf"(?:{_OF})?$|[(（]$")
# 受理的诉求中 / 在各类诉求中: the whole named by what took it in, or by a word for all of it
_IN_THE_WHOLE = regex.compile(rf"(?:{lexicon.alternation_where('particle', frames=True)})?(?:\p{{Han}}{{0,6}}?"
                              rf"(?:{lexicon.alternation('intake_verb')})(?:{_OF})|(?:{lexicon.alternation('all_of')}))"
                              rf"\p{{Han}}{{1,6}}?(?:{_WITHIN})[,:]")
_SECTION_CUE = regex.compile(facet_cue("{1,4}", ("by", "analysis")))


def _joinable(text: str, a: _Item, b: _Item, starts: list[int], listed: bool = False) -> bool:
    # Counts that each give their share are declared parts of one whole, as after 其中, whatever
    # their measure words (接听电话684175个,占95.48%;受理微信留言24003条,占3.35%).
    shares = a.share is not None and b.share is not None and not (a.rate or b.rate)
    if _kind(a) != _kind(b) or not (_same_unit(a, b) or ((listed or shares) and _counts_alike(a, b))):
        return False
    gap = text[a.end:b.start]
    raw_a = a.qty.unit if a.qty else None
    raw_b = b.qty.unit if b.qty else None
    if raw_a and raw_b and raw_a != raw_b and not (listed or shares):
        return False  # 出动…536名,救出被困群众86人: 人 and 名 join only in a list declared by 其中
    if not shares and (not _same_unit(a, b) or (raw_a and raw_b and raw_a != raw_b)) and (
            ";" in gap or rx(rf"{_BESIDE}|{_SUMMED}").search(gap)):
        return False  # …536名;县消防救援大队共出动消防车31辆 / …8辆,另调集冲锋舟12艘: other things
    # 其中,违法停车21.67万起,占44.6%;超速行驶9.75万起;…: the first part of a declared list may
    # carry a share the others do not.
    opens_list = a.share is not None and b.share is None and gap.startswith(";") \
        and (_DECLARES_BEFORE.search(text, max(0, a.start - 40), a.start) is not None or _opens_section(text, a)
             or (listed and rx(r";\p{Han}[^,;。:\d]{0,16}").fullmatch(gap) is not None
                 and not _opens_list(text, a.end, b.start) and _ends_sentence(text, b)))
    # (…其中投诉3200件,占64%;举报1790件,占36%;咨询12件。: a declared list goes on to its sentence's end
    # without a share; …;平台有效来电3744件,微信…91件 opens a list of its own)
    if (a.share is None) != (b.share is None) and not (a.rate or b.rate) and not opens_list \
            and not rx(r"、\p{Han}{0,16}").fullmatch(gap):
        return False  # 有效诉求…占89.29%;无效诉求…占10.71%;平台有效来电3744件: two lists
    k = bisect.bisect_left(starts, a.end)
    if (k < len(starts) and starts[k] < b.start) or ":" in gap:
        return False
    if any("enumerator" in t.classes for t in lexicon.scan(text, a.end, b.start)):
        return False  # …共226件;二是市民生活类诉求,共147件: an enumerated statement of its own
    if b.qty is not None and _TOTAL_BEFORE.search(text, max(0, b.start - 6), b.start) and "合" in text[max(0, b.start - 6):b.start]:
        return False  # …,三區合計357.6萬人次: the total of the list, not one more part
    if "分别" in gap and rx(r"[;。]").search(gap):
        return False  # …;甲、乙分别接待X、Y: a 分别 list after a clause break is a list of its own
    if len(gap) > 40 or "\n" in gap:
        # …;2.物业管理类2749件: items numbered in the running text go on however much is said between
        m = _INLINE_NUMBER.search(gap)
        prev = _INLINE_NUMBER.search(text, max(0, a.start - 16), a.start)
        if m is not None and prev is not None and int(m.group(1)) == int(prev.group(1)) + 1 and "。" not in gap:
            return True
    blank = rx(r"\n[ \t]*\n").search(gap) is not None
    if "\n" in gap and _same_unit(a, b):
        na, nb = line_ordinal(text, a.start), line_ordinal(text, b.start)
        if na is not None and nb == na + 1 and not (blank and any(ln.strip() for ln in gap.split("\n")[1:-1])):
            # ①物业管理 3862件 / ②劳动工资 3115件: numbered lines go on, across the blank lines a web
            # copy puts between paragraphs too (第一是疫情防控、107.7万件; / / 第二是市场管理、98万件)
            return True
        if not blank and listed and gap.count("\n") == 1 and not rx(r"[,;。:\d]").search(gap) \
                and _starts_clause(text, b.start, b.label, True) \
                and a.share is None and b.share is None:
            return True  # 其中满意**19844**件 / 基本满意**1114**件 / …: a declared list, one part a line
    if "。" in gap or "\n" in gap:
        # Lists laid out one part per sentence or line: 咨询类共2997件,占比76.03%,…。求助类共654件…
        # but never across a heading line.
        lines = gap.split("\n")[1:-1]
        if any(ln.strip() and (not rx(r"[,。;]").search(ln) or SECTION_HEAD.match(ln)) for ln in lines):
            return False
        if "\n" in gap and SECTION_HEAD.match(gap.rsplit("\n", 1)[1]):
            return False  # …占2.4%。\n(二)办理情况。热线直接答复…: a new section opens on b's line
        if rx(r"\n[ \t]*\n").search(gap):
            return False  # a blank line ends a list of lines (numbered lines go on: above)
        return a.share is not None and b.share is not None and not (a.rate or b.rate) \
            and _starts_clause(text, b.start, b.label, not rx(r"\n[ \t]*\n").search(gap))  # (a rate opens another list)
    # (examples in brackets before a part's name, 劳动维权(农民工工资)、各类社会保险(养老、医疗…)人力资源与
    # 社会保障类, lengthen the gap without saying anything of the list)
    return len(rx(r"[(（][^()（）\d\n]*[)）]").sub("", gap)) <= 40


def aside_ranges(ctx: Context) -> list[tuple[int, int]]:
    """Brackets that hold an aside: opened in a figure's own clause, right after it or after the
    name that follows it (…共900件(另有50件转入下月办理), 有320件已完成(其中…68件)), or holding two
    figures or more (东湖街道(直办300件,转办420件)). Their figures are that figure's or that name's
    own, never parts of the list around them. (A bracket after a name with one figure, 柳营区(9856件),
    or with its count and share, 住房保障类(793件,占比17.36%), gives the name its value.)"""
    text = ctx.norm.text
    figs = sorted(f.nspan for f in ctx.facts if isinstance(f, Quantity | Percent | Change))
    out = []
    for m in rx(r"\([^()\n]{1,80}\)").finditer(text):
        k = bisect.bisect_left(figs, (m.start(), 0))
        inside = 0
        while k + inside < len(figs) and figs[k + inside][1] <= m.end():
            inside += 1
        if not inside:
            continue
        # the figure the bracket follows in its clause (共900件(…), 320件已完成(…))
        owned = k > 0 and m.start() - figs[k - 1][1] <= 12 \
            and not rx(r"[,;。、:\n)]").search(text, figs[k - 1][1], m.start())
        if owned or (inside >= 2 and not _count_and_share(m.group())):
            out.append(m.span())
    return out


def _count_and_share(bracket: str) -> bool:
    """(793件,占比17.36%) after a name: the name's count and its share, its own figures, no aside."""
    return rx(rf"\(\s*[\d.,]+[^\d()%,;]{{0,4}}[,;]\s*(?:{_SHARE_WORD})?(?:{_COPULA})?\s*[\d.]+%\s*\)").fullmatch(bracket) is not None


_SHARE_WORD = lexicon.alternation_without("share", table=True)


def _ends_sentence(text: str, it: _Item) -> bool:
    """Nothing but the sentence's end follows the item (…;咨询12件。)."""
    return rx(r"[ \t]*(?:[。\n]|$)").match(text, it.end) is not None


def _opens_section(text: str, a: _Item) -> bool:
    """a is the first figure of the paragraph under a section heading (二、受理渠道\n热线电话仍是
    主渠道,接听受理33915件,占69.8%;…): what the section lists, the first part may carry a share."""
    ls = text.rfind("\n", 0, a.start) + 1
    if rx(r"\d").search(text, ls, a.start):
        return False
    prev_end = ls - 1
    while prev_end > 0 and text[prev_end - 1] == "\n":
        prev_end -= 1
    heading = text[text.rfind("\n", 0, prev_end) + 1:prev_end] if prev_end > 0 else ""
    # only a section that divides (二、受理渠道), not one that reports stages (二、办理情况)
    return bool(SECTION_HEAD.match(heading)) and len(heading) <= 16 and not rx(r"[,。;]").search(heading) \
        and rx(lexicon.alternation("facet_word")).search(heading) is not None


# (第一是疫情防控、…: a rank written out, then its copula)
_SMALL = "".join(w for w, m in lexicon.get("numeral").meanings.items() if m.get("canonical"))
_LINE_ORDINAL = regex.compile(r"[ \t*]*(?:(?P<d>\d{1,2})[.、．]|[(（](?P<p>\d{1,2})[)）]|(?P<c>[①-⑳])"
                              rf"|(?:{lexicon.alternation_where('ordinal', always=True)})(?P<o>\d{{1,2}}|[{_SMALL}]{{1,3}})"
                              rf"(?:{lexicon.alternation_where('unit', rank=True)})?(?:{lexicon.alternation('copula')})[,:]?)"
                              r"[ \t]*\p{Han}[^,;。:\d\n]{0,20}$")


def line_ordinal(text: str, pos: int) -> int | None:
    """The number a line opens with (1. / （1） / ①) when what stands before pos is only a name."""
    a = text.rfind("\n", 0, pos) + 1
    m = _LINE_ORDINAL.match(text, a, pos)
    if m is None:
        return None
    if m.group("c"):
        return ord(m.group("c")) - ord("①") + 1
    if m.group("o"):
        try:
            return int(parse_number(m.group("o")).value)
        except ValueError:
            return None
    return int(m.group("d") or m.group("p"))


def _starts_clause(text: str, pos: int, label: str | None, next_line: bool = False) -> bool:
    a = last_before(text, "。\n", pos) + 1
    head = text[a:pos]
    # 💻 微信、网站等网络渠道14209件,占20.8%: a line that opens with its part, however it names it,
    # on the line right after the one before (a blank line ends such a list)
    return bool(label) and (len(head) <= len(label or "") + 4
                            or (next_line and text[a - 1:a] == "\n" and not rx(r"[,;。:\d]").search(head))
                            # 。省级平台转办、来信来访等其他渠道受理32886件: the sentence opens with its part
                            or (text[a - 1:a] == "。" and head.endswith(label or "-")
                                and ("、" in head or len(head) <= len(label or "") + 8)
                                and not rx(rf"[,;:\d]|{_OF}").search(head)))


def _runs(ctx: Context, items: list[_Item], starts: list[int]) -> list[list[_Item]]:
    text = ctx.norm.text
    runs: list[list[_Item]] = []
    cur: list[_Item] = []
    for it in items:
        # After 其中 the list is declared: counts in different measure words still belong to it.
        listed = bool(cur) and "其中" in text[max(0, cur[0].start - 40):it.start].split("。")[-1]
        # A list keeps the separator its first two parts are joined by: a stronger one ends it
        # (其中东城区500个,西城区300个;按类型分咨询700个…: the ; closes the comma list).
        level = _list_level(text, cur)
        stronger = level is not None and _sep_level(text[cur[-1].end:it.start]) > level
        if cur and not stronger and _joinable(text, cur[-1], it, starts, listed):
            cur.append(it)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [it]
    if len(cur) >= 2:
        runs.append(cur)
    return runs


def _sep_level(gap: str) -> int:
    """How strongly a gap between two parts separates them: 、 or , (1), ; (2), a sentence or line (3)."""
    if "。" in gap or "\n" in gap:
        return 3
    return 2 if ";" in gap else 1


def _list_level(text: str, cur: list[_Item]) -> int | None:
    """The separator a list's parts are joined by, from its first pair of parts. A count with a
    rate of its own named after it (…转办2274件,办结1715件,办结率75.42%;直办6673件) may be a stage
    of the part before, not a sibling (the rates settle that later): it sets no level, nor does a
    stage of the part before (社会化服务类事项19861件,办结19844件;…)."""
    for a, b in itertools.pairwise(own_figures(text, cur)):
        if not b.rate and not _opens_list(text, a.end, b.start):
            return _sep_level(text[a.end:b.start])
    return None


def _cues(text: str, a: int, b: int, kinds: tuple[str, ...]) -> bool:
    """A list cue of the kinds in text[a:b], outside brackets (…已完成(其中…68件),55件…: the 其中 of an
    aside speaks of the figure before it, not of what follows)."""
    brackets = [m.span() for m in rx(r"[(（][^()（）]*[)）]").finditer(text, a, b)]
    return any("list_cue" in t.classes and lexicon.meaning("list_cue", t.text).get("kind") in kinds
               and not any(x <= t.start < y for x, y in brackets) for t in lexicon.scan(text, a, b))


def sublist_cue(text: str, a: int, b: int) -> bool:
    """A cue in text[a:b] after which the figures are inside the one before it: 其中, 当中, 包括, 主要有."""
    return _cues(text, a, b, ("subset", "include"))


def subset_cue(text: str, a: int, b: int) -> bool:
    """A subset cue (其中, 当中, 这其中) in text[a:b]: what follows is inside the figure before it."""
    return _cues(text, a, b, ("subset",))


def _opens_list(text: str, a: int, b: int) -> bool:
    """The gap holds a list cue (…8947个,其中转办…): it opens the list rather than separates parts."""
    return any("list_cue" in t.classes for t in lexicon.scan(text, a, b))


def _at_inner_wholes(text: str, run: list[_Item]) -> list[list[_Item]]:
    """Cut a run where one of its figures opens a list of its own with 其中: that list divides the
    figure right before 其中, not the run's whole. After a comma the figure is also a part of the
    list before (…解答20334件,转派18113件,其中转派县区15390件…: both lists keep it); after a
    semicolon it opens a statement of its own (存款余额…,其中住户存款…;贷款余额…,其中…)."""
    for i in range(1, len(run) - 1):
        it = run[i]
        if (it.share is None or it.rate) and sublist_cue(text, it.end, run[i + 1].start):
            before = run[:i + 1] if _sep_level(text[run[i - 1].end:it.start]) == 1 else run[:i]
            return [r for r in (before,) if len(r) >= 2] + _at_inner_wholes(text, run[i:])
    return [run]


def _frame(original: str, it: _Item) -> str | None:
    """What stands between an item's name and its figure (表示满意[的有]240件), as written, or None
    when the name is not written before the figure."""
    f = it.qty
    ls = f.label_span if f is not None else None
    if f is None or ls is None or ls.end > f.span.start or f.span.start - ls.end > 8:
        return None
    return rx(r"[(（][^()（）]*[)）]|[^\p{Han}]").sub("", original[ls.end:f.span.start])  # glosses (bào) aside


def _frame_groups(original: str, run: list[_Item]) -> list[int]:
    """Where a declared list changes its frame: two or more parts written alike (表示满意的有240件,
    表示一般的有5件) after a part written otherwise (有效回访246件) are a list of their own. The
    indices at which such a group starts."""
    if len({id(it.qty) for it in run}) < len(run):
        return []  # 乙区、丙区各2件: one figure for several names
    frames = [_frame(original, it) for it in run]
    # (国有重点煤炭企业完成原煤产量6095万吨;地方国有煤矿完成1851万吨;乡镇煤矿完成3031万吨: the first is
    # written alike, its name only runs on past the verb to the metric)
    return [k for k in range(1, len(run) - 1) if frames[k] and frames[k] == frames[k + 1] and frames[k - 1] is not None
            and frames[k - 1] != frames[k] and (frames[k] or "") not in (run[k - 1].label or "")]


def _declared_part(ctx: Context, it: _Item) -> bool:
    """A subset cue (其中, 当中) opens the item's sentence with no figure between: the item is the
    first part of a list the cue declares, whatever its own clause says (其中“12369”热线共24998件)."""
    text = ctx.norm.text
    a = last_before(text, "。;\n", it.start) + 1
    cues = [t for t in lexicon.scan(text, a, it.start)
            if "list_cue" in t.classes and lexicon.meaning("list_cue", t.text).get("kind") == "subset"]
    return bool(cues) and not any(cues[-1].end <= f.nspan[0] < it.start for f in ctx.facts
                                  if isinstance(f, Quantity | Percent | Change))


def _heads_line(text: str, it: _Item) -> bool:
    """The item's name opens its line (1. 城乡建设类1545件,占比16.74%。)."""
    a = text.rfind("\n", 0, it.start) + 1
    head = SECTION_HEAD.sub("", text[a:it.start], count=1)
    # (1.住房保障类(793件,占比17.36%)。: the figures in brackets after the name)
    head = rx(rf"(?:{_SUMMED}|{_COPULA}|{lexicon.alternation_where('bound', bound='approx', place='before')}|\()$").sub("", head)
    return bool(it.label) and head.endswith(it.label or "") and len(head) <= len(it.label or "") + 2


def _share_chains(ctx: Context, items: list[_Item], used: set[int]) -> list[list[_Item]]:
    """Parts that head their own lines, each with count and share, with the details of each
    part in between (1. 城乡建设类1545件,占比16.74%。其中,房产监管366件…\n2. 政法类906件…)."""
    text = ctx.norm.text
    heads = [it for it in items if it.qty is not None and it.share is not None and id(it) not in used
             and _heads_line(text, it)]
    chains: list[list[_Item]] = []
    cur: list[_Item] = []
    for it in heads:
        if cur:
            gap = text[cur[-1].end:it.start]
            lines = gap.split("\n")[1:-1]
            heading = any(ln.strip() and (not rx(r"[,。;]").search(ln) or SECTION_HEAD.match(ln)) and
                          not _heads_line_text(ln) for ln in lines)
            # …共4759件,占投诉量的48% / …共5121件,占投诉量的52% / …举报3618件,占27%: a share that names
            # another whole (or none where the others name one) belongs to another list
            other = _share_whole(text, cur[-1]) != _share_whole(text, it)
            if heading or other or not _same_unit(cur[-1], it) or "\n" not in gap:
                if len(cur) >= 2:
                    chains.append(cur)
                cur = []
        cur.append(it)
    if len(cur) >= 2:
        chains.append(cur)
    return chains


def _share_whole(text: str, it: _Item) -> str | None:
    """The whole a share names (占投诉量的48% → 投诉量), None when it names none (占27%)."""
    if it.share is None:
        return None
    a = max(last_before(text, ",;。:\n", it.share.nspan[0]) + 1, it.share.nspan[0] - 20)
    m = rx(rf"(?:{_SHARE_VERB})(\p{{Han}}{{1,12}}?)(?:{_OF})").search(text, a, it.share.nspan[0])
    return m.group(1) if m else None


def _heads_line_text(line: str) -> bool:
    return bool(rx(r"^\s*\d+[.、]").match(line))


# …2877件,其中 / 受理的9230件办件中 / 查处的3000起酒驾醉驾中: what follows is inside this figure
# (中部, 中心 are words; after a comma only a short word: ,正在办理中 is a state, not a whole).
_INLINE_NUMBER = regex.compile(r"[;:,；：，][ \t]*(\d{1,2})[.、]\p{Han}{1,12}$")
_SUMMED_WORDS = frozenset(w for w in lexicon.get("total").words if regex.fullmatch(_SUMMED, w))
_WHOLE_AFTER = regex.compile(rf"[,;。:]?(?:{_SUBSET}|(?:{_OF})?\p{{Han}}{{0,2}}?(?:{_WITHIN}))|\p{{Han}}{{3,6}}?(?:{_WITHIN})[,:]")


def _is_total(ctx: Context, it: _Item) -> bool:
    """A figure presented as the whole: 共/合计…, or followed by 其中."""
    if it.qty is None or (it.share is not None and it.share.value < 100):
        return False  # a figure with its own share of something is a part
    text = ctx.norm.text
    a = last_before(text, ",;。:\n", it.start) + 1
    clause = text[a:it.start]
    if not clause.strip(" *") and text[a - 1:a] == "\n":
        # 共受理群众诉求 / **68472**件: a figure alone on its line is presented by the caption above
        clause = text[text.rfind("\n", 0, a - 1) + 1:a - 1]
    if says_total(clause) or it.qty.qualifier in _SUMMED_WORDS:
        return True
    end = it.qty.nspan[1]
    # …2877件,其中 / 受理的9230件办件中: what follows is inside this figure (中部, 中心 are words).
    return bool(_WHOLE_AFTER.match(text[end:end + 10]))


def _best_prefix(values: list[Decimal | None], total: Decimal, min_len: int = 2, near: bool = True) -> int | None:
    """Length of the prefix of values that adds up to total.

    Exact sums win. Failing one (and when `near`), a sum within a tenth of the total
    still counts when it takes the whole list (the next figure, if any, is not smaller
    than the total): that is how a draft with one wrong part keeps its structure.
    """
    acc = Decimal(0)
    best: tuple[Decimal, int] | None = None
    for k, v in enumerate(values):
        if v is None or v > total or (v == total and k > 0):
            break  # (a first part may be all of it: 按期办结1110件,超期办结0件 of 1110件)
        acc += v
        if k + 1 < min_len:
            continue
        if acc == total:
            return k + 1
        nxt = values[k + 1] if k + 1 < len(values) else None
        # The list ends here when the next figure cannot be one more part (too big to fit).
        ends = nxt is None or nxt >= total / 2 or nxt >= acc
        biggest = max(v2 for v2 in values[: k + 1] if v2 is not None)
        if near and ends and _near(acc, total, biggest) and (best is None or abs(acc - total) < best[0]):
            best = (abs(acc - total), k + 1)
        if acc > total * Decimal("1.1"):
            break
    return best[1] if best else None


def _split_arithmetic(run: list[_Item], near: bool = True) -> list[tuple[_Item | None, list[_Item]]]:
    """Where a run holds a total followed by its own parts (…派单601件,按时结案597件,超时办理4件).

    Returns the top level (None, the figures no sub-breakdown took) first, then
    the sub-breakdowns found. Nowhere does the text say which figure heads which: the sums
    choose, nearly (a slip keeps its structure) unless `near` is off.
    """
    subs: list[tuple[_Item | None, list[_Item]]] = []
    top: list[_Item] = []
    i = 0
    while i < len(run):
        head = run[i]
        top.append(head)
        n = None
        if head.value is not None and head.share is None:
            n = _best_prefix([it.value for it in run[i + 1:]], head.value, near=near)
        if n is not None:
            subs.append((head, run[i + 1:i + 1 + n]))
            i += 1 + n
        else:
            i += 1
    return [(None, top), *subs]


def _segments(parts: list[_Item], total: Decimal) -> list[list[_Item]]:
    """Cut a run into consecutive lists that each add up to the total exactly (城镇/乡村 then 男/女),
    and drop figures that run on past them (…;返工单34件 after 按期办结…,超期办结… of 应办理11303件);
    a run that never reaches the total stays whole. Never inside one figure stated for several
    names (乙区、丙区…各2件): the words made them one."""
    out: list[list[_Item]] = []
    i = 0
    while i < len(parts):
        n = _best_prefix([p.value for p in parts[i:]], total, near=False)
        if n is None or (i + n < len(parts) and parts[i + n - 1].qty is parts[i + n].qty):
            break
        out.append(parts[i:i + n])
        i += n
    return out or [parts]


@dataclass(frozen=True)
class Tie:
    """What ties a list to its total: the total, the kind of tie (`Breakdown.total_link`) and the
    words that make it, as written (`Breakdown.evidence`; None when only arithmetic ties them)."""

    total: Quantity
    link: str
    evidence: str | None = None


def _find_total(ctx: Context, run: list[_Item], quantities: list[Quantity]) -> Tie | None:
    """The total a list divides. The language decides where it can (其中 and …中 tie the list to the
    figure before them, 按…分 / 从…看 to the whole before the cue, a list follows its paragraph's
    whole); arithmetic chooses only among the figures the language leaves open, and a slip in one
    part never moves the total elsewhere."""
    text = ctx.norm.text
    first = run[0]
    unit = first.qty.unit if first.qty else None
    # Only the figures shortly before can be the total (every test below looks back a bounded way).
    k = bisect.bisect_left(quantities, first.start, key=lambda q: q.nspan[0])
    before = [q for q in quantities[max(0, k - 80):k] if q.nspan[1] <= first.start and unit_key(q.unit) == unit_key(unit)
              and q.approx is None and all(q is not it.qty for it in run)]
    parts = [it.value for it in run if it.value is not None]
    if not parts:
        return None  # a list of shares alone: no count can point at its total
    if _among_parts(ctx, first):
        return None
    shared = [it for it in run if it.qty is not None and it.share is not None]
    if not before:
        q = _fitted(shared, _alike_before(quantities, k, run)[-40:]) if shared else None
        return Tie(q, "shares") if q is not None else None
    wholes = [b for b in before if b.qualifier not in AVERAGES
              and not _BASIS_BEFORE.search(text, max(0, b.nspan[0] - 8), b.nspan[0]) and not compared(text, b)]
    para = text.rfind("\n", 0, first.start) + 1
    if shared and (tie := _named_by_shares(ctx, run, wholes)) is not None:
        return tie
    # The shares choose among the figures of the list's own paragraph (a headline's figure above
    # the body is another statement: 一周受理供暖诉求820件 / …受理供暖诉求802件。…410件,占50.00%).
    cued = _cued_total(ctx, run, wholes, parts)
    if shared and (q := _fitted(shared, [w for w in before if w.nspan[0] >= para])) is not None:
        return cued if cued is not None and cued.total is q else Tie(q, "shares")  # (the words' tie, when they agree)
    if cued is not None:
        return cued
    if shared and (q := _paragraph_whole(text, wholes, first, max(parts))) is not None:
        return Tie(q, "paragraph", _whole_words(text, q))
    if (tie := _disposition(ctx, run, wholes)) is not None:
        return tie
    if (tie := _rest_of(ctx, run, [w for w in wholes if w.nspan[0] >= para])) is not None:
        return tie
    # Closest earlier figure that the shares say is the whole (most parts fit part/total = share);
    # shares of a count say it of a count in another measure word too (求助类401069个,占总量的55.97%
    # of 受理群众诉求716535件).
    if shared and (q := _fitted(shared, before[-40:]) or _fitted(shared, _alike_before(quantities, k, run)[-40:])):
        return Tie(q, "shares")
    # Otherwise the figure that the first parts add up to exactly; or, for a figure presented as
    # a whole (共…, …其中) close by, nearly: a draft with one wrong part must still find its total.
    values: list[Decimal | None] = list(parts)
    # (a small count that is a part of another list, not presented as a whole, is no whole a sum
    # finds: …,9个行业持平。从月度增速看,有4个…,5个…,7个…: 4 + 5 = 9 by chance)
    listed = {p.value_id for f in ctx.facts if isinstance(f, Breakdown) for p in f.parts}
    for q in reversed(before[-12:]):
        if q.value < 100 and "\n" in text[q.nspan[1]:first.start] and not _presented_as_whole(text, q):
            continue  # small counts in another paragraph add up by chance (工业项目8个 … 3个、…5个)
        if q.value < 100 and q.id in listed and not _presented_as_whole(text, q):
            continue
        n = _best_prefix(values, q.value)
        if n is not None and sum(parts[:n], Decimal(0)) == q.value and q.value != parts[0]:
            return Tie(q, "sum")
        if q.value > max(parts) and _same_sum(run, q) and q.nspan[0] >= first.start - 300:
            return Tie(q, "sum")
    # 145个城市、122个城市… (or 第一方阵的有145个城市、第二方阵的有122个城市): every part counts the
    # thing the total names (350个地级及以上城市).
    kinds = {it.label for it in run}
    counted = {_counted_noun(text, it) for it in run}
    # the words before 分别 in its clause (…;回复量分别为34380条…), when the list is one
    k = text.rfind("分别", max(0, first.start - 12), first.start)
    respectively = text[last_before(text, ",;。:\n", k) + 1:k] if k >= 0 else None
    kind = kinds.pop() if len(kinds) == 1 else counted.pop() if len(counted) == 1 else None
    for q in reversed(before[-12:]):
        if q.nspan[0] < first.start - 1200:
            break
        counts_kind = bool(q.label and kind and q.label.endswith(kind))
        if q.nspan[0] < first.start - 300 and not (counts_kind or (q.label and all(
                (q.label or "").endswith(it.label or "-") for it in run))):
            continue
        named_after = bool(q.label) and all((it.label or "").endswith(q.label or "") for it in run)
        # 省、市、区(县)三级网民留言量分别为…: a 分别 list writes the head its parts share once, at its end
        shared_head = respectively is not None and len(q.label or "") >= 2 and (
            (run[-1].label or "").endswith(q.label or "-") or respectively.endswith(q.label or "-"))
        named_after = named_after or counts_kind or shared_head
        if (_presented_as_whole(text, q, not shared) or named_after) and _best_prefix(values, q.value) is not None:
            return Tie(q, "named", q.label) if named_after else Tie(q, "near")
    return None


# Ties the words make (the others are arithmetic: "sum", "shares", "near").
_SAID = ("stated", "cue", "paragraph", "named", "disposition", "after", "table")


def _stated_words(text: str, total: _Item, first: _Item) -> str | None:
    """How a run's opening figure is presented as its whole: 其中 after it, or 共/合计 before it."""
    gap = text[total.end:first.start]
    cue = rx(_SUBSET).search(gap)
    return cue.group() if cue else (_whole_words(text, total.qty) if total.qty is not None else None)


def _after_words(text: str, total: Quantity) -> str | None:
    """The sum word before a total stated after its parts (三区合计…)."""
    m = _TOTAL_BEFORE.search(text, max(0, total.nspan[0] - 6), total.nspan[0])
    return m.group() if m else None


def compared(text: str, q: Quantity) -> bool:
    """The figure is what another is compared with (较10月份的22908件, 比去年春节假期的365.18万人次):
    a comparison word opens its clause and 的 closes it right before the figure."""
    if text[q.nspan[0] - 1:q.nspan[0]] != "的":
        return False
    a = last_before(text, ",;。:\n", q.nspan[0]) + 1
    return any("comparator" in t.classes and lexicon.meaning("comparator", t.text).get("role") == "open"
               and lexicon.meaning("comparator", t.text).get("free") for t in lexicon.scan(text, a, q.nspan[0]))


def _alike_before(quantities: list[Quantity], k: int, run: list[_Item]) -> list[Quantity]:
    """The counts before a list of counts, whatever their measure word (件, 个, 条)."""
    first = run[0]
    if first.qty is None or unit_key(first.qty.unit) in MEASURES:
        return []
    return [q for q in quantities[max(0, k - 80):k] if q.nspan[1] <= first.start and q.approx is None
            and unit_key(q.unit) not in MEASURES and unit_key(q.unit) is not None and all(q is not it.qty for it in run)]


def _fitted(shared: list[_Item], cands: list[Quantity]) -> Quantity | None:
    """The nearest candidate most of the shares fit (part/total = share at the stated rounding); half
    of them will do when each that fits is written to a decimal (95.68% of 996 is 953: a slip in
    the other part of two does not move the whole)."""
    best: tuple[int, Quantity] | None = None
    for q in reversed(cands):
        fit = [it for it in shared
               if _share_fits(it.qty.value, q.value, it.share.value, it.share.decimals)]  # type: ignore[union-attr]
        fits = len(fit)
        enough = fits * 2 > len(shared) or (
            fits and fits * 2 == len(shared) and all((it.share.decimals or 0) >= 1 for it in fit))  # type: ignore[union-attr]
        if enough and (best is None or fits > best[0]):
            best = (fits, q)
    return best[1] if best else None


def _shared_head(labels: list[str | None]) -> str | None:
    """The head noun every name of a list ends in (农业产值, 林业产值 … → 产值), two characters or more,
    when the names differ before it."""
    if len(labels) < 2 or any(not lab for lab in labels):
        return None
    names = [lab for lab in labels if lab]
    k = 0
    while k < min(len(n) for n in names) and len({n[-1 - k] for n in names}) == 1:
        k += 1
    head = names[0][len(names[0]) - k:] if k else ""
    return head if len(head) >= 2 and all(len(n) > len(head) for n in names) else None


def _ends_in(label: str | None, head: str) -> bool:
    """The name ends in the last two or more characters of a list's head (总产值 in 业产值's 产值)."""
    return any((label or "").endswith(head[i:]) for i in range(len(head) - 1))


def _cued_total(ctx: Context, run: list[_Item], wholes: list[Quantity], parts: list[Decimal]) -> Tie | None:
    """A cue before the list ties it to a whole: 其中 or …中 to the figure right before it,
    按…分 / 从…看 to the whole before the cue (or, among those, the one the parts are named after)."""
    text = ctx.norm.text
    first = run[0]
    if not wholes:
        return None
    # the figure right before 其中, not one in brackets that tells its parts (…46653件(电话诉求41424件、
    # 非电话诉求5229件)。其中,…)
    # (nor the base of a share, 已收获94.18万亩,占应收面积142.38万亩的66.13%。其中…: what is divided
    # is what the sentence states, not what it is measured against)
    q = next((w for w in reversed(wholes) if not _in_brackets(text, w) and not _share_base(text, w)),
             next((w for w in reversed(wholes) if not _in_brackets(text, w)), wholes[-1]))
    lead = text[max(0, first.start - 30):first.start]
    gap = text[q.nspan[1]:first.start]
    cue = rx(rf"{_SUBSET}|(?:{_WITHIN})[,:]?$").search(lead)
    named = rx(rf"(?:{_SUBSET})[,:]?(\p{{Han}}{{2,10}}):\p{{Han}}{{0,12}}$").search(lead)
    if named is not None:
        # 其中转办事项:咨询类51宗、…: the cue names the whole it divides (转办热线事项2114宗).
        whole = next((w for w in reversed(wholes) if w.nspan[0] >= first.start - 400
                      and _names(named.group(1), norm_label(ctx, w))), None)
        if whole is not None:
            return Tie(whole, "cue", text[named.start():named.start(1) + len(named.group(1))])
    if cue is not None and gap.count("。") <= 1 and rx(rf"{_SUBSET}|(?:{_WITHIN})[,:]?$").search(gap[-30:]) \
            and not rx(r"[;。]").search(text, first.start - len(lead) + cue.end(), first.start):
        q = _intake_of_stage(text, q, run, wholes)
        # 其中 declares the parts of the figure just before it (not of a daily average after it) —
        # unless the parts are named after another whole of the sentence: 总产值69.93亿元,…增加值37.90亿元
        # …。其中,农业产值7.09亿元;林业产值…: parts in 产值 divide the 总产值, not the 增加值.
        head = _shared_head([it.label for it in run])
        if head is not None and not _ends_in(norm_label(ctx, q), head):
            sent0 = last_before(text, "。\n", q.nspan[0]) + 1
            q = next((w for w in reversed(wholes) if sent0 <= w.nspan[0] < q.nspan[0]
                      and _ends_in(norm_label(ctx, w), head) and w.value > max(parts)), q)
        # (the first two parts: a list may run on into a stage of its last part, 形成工单27221件,
        # 按期办结27195件, which the groups split off later; a slip in one part must not lose the cue)
        if not _far_beyond(parts[:2], q.value):
            return Tie(q, "cue", cue.group().rstrip(",:"))
    sent = last_before(text, "。\n", first.start) + 1
    clause = last_before(text, "。\n;", first.start) + 1
    include = [t for t in lexicon.scan(text, clause, first.start)
               if "list_cue" in t.classes and lexicon.meaning("list_cue", t.text).get("kind") == "include"]
    if include and not rx(r"\d").search(text, include[-1].end, first.start):
        # …共受理市民诉求1655件,其中大冶市573件,阳新县278件;包括咨询1127件、求助257件…: 包括 lists what
        # the clause's or the sentence's whole holds (二是…诉求,共147件,主要包括咨询供水52件…)
        totals = {f.total_id for f in ctx.facts if isinstance(f, Breakdown)}
        taken = {p.value_id for f in ctx.facts if isinstance(f, Breakdown) for p in f.parts}
        whole = next((w for w in reversed(wholes) if w.nspan[0] >= sent and w.id not in taken
                      and w.value > max(parts) and (w.id in totals or _presented_as_whole(text, w))), None)
        if whole is not None:
            return Tie(whole, "cue", include[-1].text)
    inside = _IN_THE_WHOLE.match(text, sent, first.start)
    if inside is not None:
        # 受理的诉求中,热线直接答复9630件,转交…15230件: the whole named before 中 is the period's
        # total stated earlier in the paragraph; the sums choose only between such figures.
        # (a figure of what was taken in is such a whole too: 登记受理…工单36514件 … 在各类诉求中)
        cands = [w for w in reversed(wholes) if w.nspan[0] >= first.start - 400 and w.value > max(parts)
                 and (_presented_as_whole(text, w) or "intake" in _verb_kinds(text, w))]
        acc = sum(parts, Decimal(0))
        shared = [it for it in run if it.qty is not None and it.share is not None]
        pick = next((w for w in cands if w.value == acc), None) or (_fitted(shared, cands[::-1]) if shared else None) \
            or (cands[0] if cands else None)
        if pick is not None:
            return Tie(pick, "cue", inside.group().rstrip(",:"))
    among = rx(rf"(\p{{Han}}{{2,10}}?)(?:{_WITHIN})[,:]").match(text, sent)
    if among is not None and not rx(rf"(?:{_SUBSET})[,:]$").search(among.group()) and among.end() <= first.start:
        # 办理中,热线中心直接答复工单176454件…: the parts of the whole the word before 中 names (办理工单287977件)
        # (本月来信中,反映…: the period the whole was stated for names no other whole: 来信 is its noun)
        word = among.group(1)
        counted = strip_leading(word)
        by_word = [w for w in reversed(wholes) if w.nspan[0] >= first.start - 600 and w.value > max(parts)
                   and (word in text[last_before(text, ",;。:\n", w.nspan[0]) + 1:w.nspan[0]]
                        or (len(counted) >= 2 and (norm_label(ctx, w) or "").endswith(counted)))]
        if by_word:
            return Tie(by_word[0], "cue", among.group().rstrip(",:"))
    # the clause the cue opens (…西城区300个;按类型分咨询700个…: a list after a semicolon)
    sent = last_before(text, "。\n;", first.start) + 1
    facet = _SECTION_CUE.search(text, sent, first.start) or _facet_heading(text, sent, first.start)
    if facet is None or rx(r"\d").search(text, sent, facet.start()) or _selection(facet.group()):
        return None  # 从主要品种看: some kinds, not a division of the whole
    if any(facet.end() <= f.nspan[0] < first.start for f in ctx.facts if isinstance(f, Quantity | Percent)):
        return None  # the cue opened an earlier list of the sentence (…;建议类和其他类分别为900件、600件)
    # Figures already parts of a list are no wholes (其中,电话受理渠道275360件… 按照问题类型分析:…).
    taken = {p.value_id for f in ctx.facts if isinstance(f, Breakdown) for p in f.parts}
    free = [w for w in wholes if w.id not in taken and w.value > max(parts) and w.nspan[0] >= first.start - 1200]
    if all(it.qty is None or it.qty.cell is None for it in run):
        free = [w for w in free if w.cell is None]  # a list in prose never divides a table's cell (去年…3939)
    # …项目完成投资606.98亿元 … 分行业看,工业项目完成投资…: the parts are named as kinds of a whole.
    kinds = [w for w in free if w.nspan[0] >= first.start - 250 and _common_head(w.label, run)]
    if kinds:
        return Tie(max(kinds, key=lambda w: w.value), "cue", facet.group())
    # 全县秋粮总播种面积54.30万亩。从作物结构看,玉米、中稻…分别种植…: the whole just before the cue,
    # when the cue names a division (结构, 类型, 渠道…; 从投资看 names another metric).
    prior = [w for w in free if w.nspan[1] <= sent]
    if prior and _divides(facet.group()):
        # a heading that names what it divides (工单分类:…) takes the whole of that name (共受理热线工单
        # 506件, not 按期回复506件)
        noun = facet.groupdict().get("noun")
        called = [w for w in prior if noun and _names(noun, norm_label(ctx, w))]
        if called:
            return Tie(called[-1], "cue", facet.group().rstrip(":"))
        # which whole before the cue, the shares may choose (工作日5天受理16825件 is a part of the
        # week's 21746件; 去年的365.18万人次 is last year's)
        shared = [it for it in run if it.qty is not None and it.share is not None]
        return Tie((_fitted(shared, prior) if shared else None) or prior[-1], "cue", facet.group())
    return None


_AMONG = regex.compile(rf"(?:{lexicon.alternation_where('particle', frames=True)})(.{{4,40}}?)(?:{_WITHIN})[,:]")


def _among_parts(ctx: Context, first: _Item) -> bool:
    """在行政化服务类事项和社会化服务类事项中,咨询类诉求受理28491件…: the words before 中 name two or more
    parts of a breakdown already read, so the list divides those parts together, a whole no figure
    of the page states."""
    text = ctx.norm.text
    m = _AMONG.match(text, last_before(text, "。\n", first.start) + 1, first.start)
    if m is None:
        return False
    words = m.group(1)
    return any(sum(1 for p in f.parts if p.label and len(p.label) >= 2 and p.label in words) >= 2
               for f in ctx.facts if isinstance(f, Breakdown))


def _intake_of_stage(text: str, q: Quantity, run: list[_Item], wholes: list[Quantity]) -> Quantity:
    """受理市民诉求42172件,…,办结38552件。其中,行政化服务类事项20549件,办结14937件;…: a figure named by a
    verb of dealing alone is a stage of what was taken in before it; parts named by no such verb
    divide what was taken in, not the stage."""
    if q.label not in HANDLED or any(h in (it.label or "") for it in run for h in HANDLED):
        return q
    sent = last_before(text, "。\n", q.nspan[0]) + 1
    return next((w for w in reversed(wholes) if sent <= w.nspan[0] < q.nspan[0] and not _in_brackets(text, w)
                 and "intake" in _verb_kinds(text, w)), q)


def _share_base(text: str, w: Quantity) -> bool:
    """占应收面积142.38万亩的66.13%: the figure a share is taken of, named between 占 and 的."""
    a = last_before(text, ",;。:\n", w.nspan[0]) + 1
    return rx(rf"(?:{_SHARE_VERB})\p{{Han}}{{0,12}}$").search(text, a, w.nspan[0]) is not None \
        and rx(rf"(?:{_OF})[\d.]+%").match(text, w.nspan[1]) is not None


def _facet_heading(text: str, a: int, b: int) -> regex.Match[str] | None:
    """A clause that opens with what a list divides and how, then a colon (工单分类:, 诉求类型:)."""
    return rx(rf"(?P<noun>\p{{Han}}{{0,6}}?)(?:{lexicon.alternation('facet_word')})[:]").match(text, a, b)


def norm_label(ctx: Context, f: Quantity) -> str | None:
    """A figure's label in the normalised text (simplified script), for matching it against words
    read there; the label itself keeps the page's script."""
    ls = f.label_span
    if ls is None:
        return f.label
    index = ctx.norm.index
    a, b = bisect.bisect_left(index, ls.start), bisect.bisect_left(index, ls.end)
    return ctx.norm.text[a:b] or f.label


def _named_by_shares(ctx: Context, run: list[_Item], wholes: list[Quantity]) -> Tie | None:
    """Shares that name their whole (出口商品中机电产品512.4亿元,占出口总值的63.8%): the figure of that
    name before the list is the total, whatever else stands between."""
    text = ctx.norm.text
    for it in run:
        if it.share is None or it.rate:
            continue
        a = max(last_before(text, ",;。:\n", it.share.nspan[0]) + 1, it.share.nspan[0] - 20)
        m = rx(rf"(?:{_SHARE_VERB})(\p{{Han}}{{2,12}}?)(?:{_OF})(?:{_SHARE_NOUN})?(?:{_COPULA})?$").search(text, a, it.share.nspan[0])
        if m is None:
            continue
        name = m.group(1)
        if rx(rf"^(?:{lexicon.alternation('all_of', 'scope')})|(?:{_WHOLE_NOUN})$").search(name):
            return None  # 占受理总量的, 占全部诉求的: the whole, not a figure named apart
        biggest = max((p.value for p in run if p.value is not None), default=Decimal(0))
        whole = next((w for w in reversed(wholes) if w.nspan[0] >= run[0].start - 1500 and w.value > biggest
                      and _names(name, norm_label(ctx, w))), None)
        return Tie(whole, "named", m.group()) if whole is not None else None
    return None


def _names(name: str, label: str | None) -> bool:
    """A name that calls a figure by its label, shortened (转办事项 for 转办热线事项): its characters in
    order; a measure's end aside (投诉量 for 消费者投诉)."""
    if not label:
        return False
    it = iter(label)
    if all(c in it for c in name):
        return True
    return len(name) > 2 and name[-1] in lexicon.get("metric_end").meanings and _names(name[:-1], label)


def _far_beyond(parts: list[Decimal], whole: Decimal) -> bool:
    """Parts far more than a whole, beyond what one slip makes (its first two alone exceed it, and
    all of them by more than a tenth): the figure before 其中 is not theirs (…应结案数956件,结案数902件
    of 有效立案971件 are stages, not parts)."""
    acc = sum(parts, Decimal(0))
    return sum(parts[:2], Decimal(0)) > whole and abs(acc - whole) > max(Decimal(1), whole / 10)


def _selection(cue: str) -> bool:
    """从主要品种看, 从重点行业看: the cue picks some kinds, it does not divide the whole."""
    return rx(rf"{lexicon.alternation('selective')}|{_SUBSET}").search(cue) is not None


def _divides(cue: str) -> bool:
    """The cue names how a whole is divided (一 facet word: 类型, 渠道, 结构…)."""
    return any("facet_word" in t.classes for t in lexicon.scan(cue))


def _paragraph_whole(text: str, wholes: list[Quantity], first: _Item, biggest: Decimal) -> Quantity | None:
    """The whole of the list's paragraph: the nearest earlier figure in it that a total word or an
    intake verb presents (本周,热线受理供暖诉求802件,…。市民主要反映…410件,占50.00%;…)."""
    para = text.rfind("\n", 0, first.start) + 1
    for q in reversed(wholes):
        if q.nspan[0] < para:
            return None
        if q.value > biggest and not _in_brackets(text, q) and (_presented_as_whole(text, q) or _taken_in(text, q)):
            return q
    return None


def _clause_start(text: str, pos: int, seps: str = ",;。:\n") -> int:
    """Where the clause of a figure at pos starts; a figure alone on its line (共受理群众诉求 / **68472**件)
    is told by the line above."""
    a = last_before(text, seps, pos) + 1
    if not text[a:pos].strip(" *") and text[a - 1:a] == "\n" and a > 1:
        a = last_before(text, seps, a - 2) + 1
    return a


def _verb_kinds(text: str, f: Quantity) -> set[str]:
    """The kinds of the intake verbs in a figure's clause (受理: intake, 答复: handle, 转派: transfer)."""
    a = _clause_start(text, f.nspan[0], ",;。:\n(")
    return {str(lexicon.meaning("intake_verb", t.text).get("kind")) for t in lexicon.scan(text, a, f.nspan[0])
            if "intake_verb" in t.classes}


def _disposition(ctx: Context, run: list[_Item], wholes: list[Quantity]) -> Tie | None:
    """Figures answered and figures passed on (热线直接解答诉求3000件,向成员单位转派2100件) divide what
    came in: the intake figure stated before them (本月共受理各类诉求5000件), in an earlier section too."""
    text = ctx.norm.text
    kinds = [_verb_kinds(text, it.qty) for it in run if it.qty is not None]
    if len(kinds) < 2 or not all(k & {"handle", "transfer"} for k in kinds) \
            or not {"handle", "transfer"} <= set().union(*kinds):
        return None
    taken = {p.value_id for f in ctx.facts if isinstance(f, Breakdown) for p in f.parts}
    biggest = max(it.value for it in run if it.value is not None)
    for w in reversed(wholes):
        if w.nspan[0] < run[0].start - 3000:
            break
        if w.id not in taken and w.value > biggest and "intake" in _verb_kinds(text, w) and not _in_brackets(text, w):
            return Tie(w, "disposition", _whole_words(text, w))
    return None


def _rest_of(ctx: Context, run: list[_Item], wholes: list[Quantity]) -> Tie | None:
    """约有400户…第一批218户…,第二批126户…,剩余56户…: a list that ends with what is left divides the
    whole of its paragraph stated before it (the nearest larger figure of its unit, not a part already)."""
    toks = lexicon.scan(run[-1].label or "")
    text = ctx.norm.text
    if not toks or toks[0].start != 0 or "remainder" not in toks[0].classes or any(it.share for it in run) \
            or "分别" in text[max(0, run[0].start - 12):run[0].start]:
        return None  # (shares tie a list by themselves; …建议类和其他类分别为900件、600件,分别占9.0%和6.0%
        # is the tail of the list before it)
    taken = {p.value_id for f in ctx.facts if isinstance(f, Breakdown) for p in f.parts}
    biggest = max(it.value for it in run if it.value is not None)
    whole = next((w for w in reversed(wholes) if w.id not in taken and w.value > biggest), None)
    return Tie(whole, "cue", toks[0].text) if whole is not None else None


def _in_brackets(text: str, q: Quantity) -> bool:
    """The figure stands inside brackets (…46653件(电话诉求41424件、…)): an aside on the figure before."""
    a = last_before(text, "。\n", q.nspan[0]) + 1
    return text.rfind("(", a, q.nspan[0]) > text.rfind(")", a, q.nspan[0])


def _taken_in(text: str, q: Quantity) -> bool:
    """An intake verb (受理, 接到, 收到…) in the figure's clause: it counts what came in."""
    a = _clause_start(text, q.nspan[0])
    return any("intake_verb" in t.classes and lexicon.meaning("intake_verb", t.text).get("kind") == "intake"
               for t in lexicon.scan(text, a, q.nspan[0]))


def _whole_words(text: str, q: Quantity) -> str | None:
    """The words that present a figure as the whole (共受理, 合计…), for the evidence."""
    a = _clause_start(text, q.nspan[0])
    toks = [t.text for t in lexicon.scan(text, a, q.nspan[0]) if t.classes & {"total", "intake_verb"}]
    return "".join(toks) or None


def _counted_noun(text: str, it: _Item) -> str | None:
    """The noun right after a part's classifier (145个[城市]), if any."""
    if it.qty is None:
        return None
    m = rx(rf"\p{{Han}}{{2,6}}?(?=[,;。\n]|{lexicon.alternation_where('separator', kind='list')}|$)").match(text, it.qty.nspan[1])
    return m.group() if m else None


def _common_head(label: str | None, run: list[_Item]) -> bool:
    """Every part's name ends with the same head noun (two or more characters) as the total's."""
    if not label or len(label) < 3:
        return False
    for k in range(min(len(label), 6), 1, -1):
        tail = label[-k:]
        if all((it.label or "").endswith(tail) and len(it.label or "") > k for it in run):
            return bool(rx(r"\p{Han}+").fullmatch(tail)) and k >= 3
    return False


def _presented_as_whole(text: str, q: Quantity, category_ok: bool = True) -> bool:
    a = _clause_start(text, q.nspan[0])
    clause = text[a:q.nspan[0]]
    if not category_ok and rx(rf"(?:{lexicon.alternation_where('unit', kinds=True)})(?:{_SUMMED})$").search(clause):
        return False  # 求助类共654件 beside other categories' shares: one category, not the whole
    if says_total(clause):
        return True
    return bool(_WHOLE_AFTER.match(text[q.nspan[1]:q.nspan[1] + 10]))


# …其中,违法停车 / 从类型看,涉水类(…) right before a list's first part.
_DECLARES_BEFORE = regex.compile(rf"(?:{_SUBSET}|{facet_cue()})[,:]?[^,;。:\d]{{1,30}}$")


_TOTAL_BEFORE = regex.compile(rf"(?:{_SUMMED})(?:{_COPULA})?$")


def _total_after(ctx: Context, parts: list[_Item], quantities: list[Quantity]) -> Quantity | None:
    """A total stated right after its parts (…北岸區87.9萬人次,三區合計357.6萬人次) that they add up to."""
    text = ctx.norm.text
    last = parts[-1]
    unit = last.qty.unit if last.qty is not None else None
    k = bisect.bisect_left(quantities, last.end, key=lambda q: q.nspan[0])
    for q in quantities[k:k + 8]:
        if unit_key(q.unit) != unit_key(unit) and q.nspan[0] <= last.end + 24:
            continue  # 以上五类合计…: a count of the kinds on the way
        gap = text[last.end:q.nspan[0]]
        # 以上五类合计95842件 opens the next sentence by pointing back at the list
        summed_up = _SUMMED_UP.match(gap) is not None
        if q.nspan[0] > last.end + 24 or (rx(r"[。;\n]").search(gap) and not summed_up):
            return None
        if unit_key(q.unit) == unit_key(unit) and _TOTAL_BEFORE.search(text, max(0, q.nspan[0] - 6), q.nspan[0]):
            values = [p.value for p in parts if p.value is not None]
            acc = sum(values, Decimal(0))
            if _same_sum(parts, q) or ((summed_up or _counts_parts(gap, len(parts))) and values
                                       and _near(acc, q.value, max(values))):
                return q  # declared as their sum, it stays their total when one part slipped
    return None


def _counts_parts(gap: str, n: int) -> bool:
    """…分别受理A、B和C,三个区县合计80907件: the words before 合计 count the parts."""
    m = _COUNTED_TOTAL.search(gap)
    if m is None:
        return False
    try:
        return int(parse_number(m.group("n")).value) == n
    except (ValueError, ArithmeticError):
        return False


def _digits() -> str:
    """The numeral characters that count a few things (一 … 九, 两, 十), not a cheque's capitals."""
    num = lexicon.get("numeral")
    return "".join(w for w in num.words if not num.meaning(w).get("formal")
                   and (1 <= num.meaning(w).get("digit", 0) <= 9 or num.meaning(w).get("small") == 10))


_COUNTED_TOTAL = regex.compile(rf"(?P<n>[{_digits()}\d]{{1,3}})(?:{lexicon.alternation_where('unit', classifier=True)})?"
                               rf"\p{{Han}}{{0,4}}(?:{_SUM_WORD})$")


# (以上五类合计: two to six characters name the parts before the sum word)
_SUMMED_UP = regex.compile(rf"[^。;\n]{{0,12}}[。;\n]\s*\p{{Han}}{{2,6}}(?:{_SUM_WORD})$")
