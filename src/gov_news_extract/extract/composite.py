"""Composites: a total split into parts (`breakdown`) and ordered lists (`ranking`).

Parts are found from the layout of the text, not from the arithmetic: a run of
figures with the same unit, each with its own name, joined by list separators
(`、` `,` `;`), maybe each with its share (`占比a%`). Arithmetic only chooses
between readings the layout allows (which earlier figure is the total; where a
run holds a total and its own parts), so that a wrong figure in a draft still
forms its breakdown and the checks can flag it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ..context import Context
from ..models import Breakdown, Change, Part, Percent, Quantity, Ranking, RankItem, Span
from ..numbers.numeral import parse_number
from ..text.clauses import last_before
from ..text.normalise import SECTION_HEAD
from ..text.rx import rx
from .labels import SHARE_WORDS, clean, names_in
from .tables import SHARE_HEADER

_TOTAL_WORDS = regex.compile(r"(?:共|共计|总计|合计|累计|总量|总数)")
_OTHER = regex.compile(r"^(?:其他|其它)")
# 前三位 / 前十名 / 前5位 … the scope of a ranking.
_RANK_HEAD = regex.compile(
    r"(?:排名|位居|位列|居|排在|排|列|位于)?(?P<end>前|后)(?P<n>\d{1,2}|[二三四五六七八九十]{1,2})(?:位|名|(?=的))"
    r"(?:的[^,;。:]{0,10})?(?:分别)?(?:为|是|依次为|:)?:?"
)
_RANK_TAIL = regex.compile(r"(?:排名|居|位居|位列|排在)前(?P<n>\d{1,2}|[二三四五六七八九十]{1,2})(?:位|名)?")
# 诉求量较多的街道依次是…: a list in order of a stated criterion is a ranking (较少…: ascending).
_ORDER_RANK = regex.compile(r"(?:较多|最多|较高|最高|较大|最大|居前|靠前|(?P<low>较少|最少|较低|最低|靠后))"
                            r"的?\p{Han}{0,8}?依次(?:为|是)[:]?")
# 分行业来看 / 分区域看 / 按问题类型分析: the parts that follow are a division of the whole.
_SECTION_CUE = regex.compile(r"分\p{Han}{1,4}(?:来)?看|按\p{Han}{1,8}?(?:分|统计|划分|分析)")
_NAME_SPLIT = regex.compile(r"[、,;]|和|及")
# Figures that describe a rate or a peak of a total, never one of its parts.
_NOT_PARTS = {"日均", "月均", "周均", "平均", "峰值", "人均", "最高", "最低"}


@dataclass
class _Item:
    qty: Quantity | None
    share: Percent | None
    start: int
    end: int
    label: str | None
    changes: list[Change] = field(default_factory=list)
    # The share is a rate named after the part (办结率 of 办结), not an 占比.
    rate: bool = False
    # 甲、乙及丙各1件: one figure stated for each of several names.
    each: list[str] = field(default_factory=list)
    # Other figures about the part (占年度计划的76%): renamed with it.
    extras: list[Percent] = field(default_factory=list)

    @property
    def value(self) -> Decimal | None:
        return self.qty.value if self.qty is not None else None


def _numeric(ctx: Context) -> list[Quantity | Percent | Change]:
    out = [f for f in ctx.facts if isinstance(f, (Quantity, Percent, Change))]
    return sorted(out, key=lambda f: f.nspan[0])


def _is_share(text: str, p: Percent) -> bool:
    a = max(last_before(text, ",;。:\n、", p.nspan[0]) + 1, p.nspan[0] - 40)
    m = SHARE_WORDS.search(text[a:p.nspan[0]])
    # 占年度计划的76%: progress against a plan, not a share of the whole.
    return m is not None and not _PLAN.search(m.group())


_PLAN = regex.compile(r"计划|目标|任务")


def _bare_share(text: str, p: Percent) -> bool:
    """A share of the whole named only by its category: 城市建设类,占27.21% / 咨询类占45.3%.
    A share with its base named (占GDP比重为9.7%) is a ratio of two metrics, not a part."""
    a = max(last_before(text, ",;。:\n、", p.nspan[0]) + 1, p.nspan[0] - 40)
    clause = text[a:p.nspan[0]]
    m = SHARE_WORDS.search(clause)
    if m is None:
        return False
    if m.start() == 0:
        return True
    return bool(rx(r"占比?(?:为|达)?").fullmatch(m.group())) and m.start() <= 10


def _items(ctx: Context, facts: list[Quantity | Percent | Change]) -> list[_Item]:
    """Each counted figure with the share and changes that follow it in its clause chain."""
    text = ctx.norm.text
    items: list[_Item] = []
    for f in facts:
        if text[max(0, f.nspan[0] - 1):f.nspan[0]] in ("<", ">", "≤", "≥", "＜", "＞"):
            continue  # a threshold (工单量>10件), not a figure
        if isinstance(f, Quantity) and (f.qualifier in _NOT_PARTS or f.approx):
            continue
        if f.nspan[0] in ctx.table_cells:
            continue  # a row's cells are different metrics; columns are not read as lists yet
        if isinstance(f, Quantity) and f.unit not in _NOT_ADDITIVE and f.label and items \
                and items[-1].qty is not None and _sub_count(text, items[-1], f):
            f.whole_id = items[-1].qty.id  # 涉水类873件,其中…停水诉求815件;涉电类…: inside the part, not beside it
            items[-1].end = f.nspan[1]
            continue
        if isinstance(f, Quantity) and f.unit not in _NOT_ADDITIVE and f.label:
            each = _each_names(ctx, f)
            start = each[1] if each else f.nspan[0]
            items.append(_Item(f, None, start, f.nspan[1], f.label, each=each[0] if each else []))
        elif isinstance(f, Percent) and _is_share(text, f):
            last = items[-1] if items else None
            between = text[last.end:f.nspan[0]] if last else ""
            short = len(between) <= 12 or bool(SHARE_WORDS.search(between) and not rx(r"\d").search(between))
            if _SHARE_LIST.search(between):
                continue  # 分别占…的a%和b%: shares of the whole list, attached by _attach_share_lists
            # The share belongs to the figure before only when it names no category of its own
            # (…1000件,电话渠道占总量的70.0% is 电话渠道's share, not the last part's).
            if last is not None and last.share is None and not rx(r"[。\n]").search(between) and short \
                    and (_bare_share(text, f) or f.label == last.label):
                last.share = f
                last.end = f.nspan[1]
            elif f.label and _bare_share(text, f):
                items.append(_Item(None, f, f.nspan[0], f.nspan[1], f.label))
        elif isinstance(f, Change) and items and not rx(r"[。\n]").search(text[items[-1].end:f.nspan[0]]):
            items[-1].changes.append(f)
            items[-1].end = max(items[-1].end, f.nspan[1])
        elif isinstance(f, Percent) and items and f.label == items[-1].label:
            items[-1].end = max(items[-1].end, f.nspan[1])
            items[-1].extras.append(f)
        elif isinstance(f, Percent) and f.label and f.label.endswith("率"):
            # 办结3884件,协调办理中59件,总体办结率98.53%: the rate of a part named before is its share.
            owner = _rate_owner(text, items, f)
            if owner is not None:
                owner.share, owner.rate = f, True
                items[-1].end = max(items[-1].end, f.nspan[1])
    return items


def _sub_count(text: str, whole: _Item, f: Quantity) -> bool:
    """f is the one figure of a 其中 inside whole's clause chain, and the list goes on after it."""
    gap = text[whole.end:f.nspan[0]]
    if "其中" not in gap or rx(r"[。;\n]").search(gap) or rx(r"\d").search(gap):
        return False
    after = text[f.nspan[1]:f.nspan[1] + 1]
    return after in (";", "；") and whole.qty is not None and whole.qty.unit == f.unit


def _each_names(ctx: Context, f: Quantity) -> tuple[list[str], int] | None:
    """The names of 甲、乙及丙各1件 (each counted f), with where their list starts."""
    text = ctx.norm.text
    pos = f.nspan[0]
    if text[pos - 1:pos] != "各":
        return None
    a = max(last_before(text, ",;。:\n", pos) + 1, pos - 80)
    if text.startswith("其中", a):
        a += 2
    names = [n for n, _ in names_in(ctx, a, pos - 1) if clean(n) == n and n]
    if len(names) < 2:
        return None
    return names, a


def _expand_each(run: list[_Item]) -> list[_Item]:
    """One part per name of a 各 figure, each with its value."""
    out: list[_Item] = []
    for it in run:
        if len(it.each) < 2:
            out.append(it)
            continue
        out.extend(_Item(it.qty, None, it.start, it.end, name) for name in it.each)
    return out


def _settle_rates(parts: list[_Item], total: Quantity | None) -> list[_Item]:
    """A rate named after a part (办结率) is its share only if it is part/total; otherwise it is
    measured against another figure (转办2274件,办结1715件,办结率75.42%) and that part is a
    sub-count of its neighbour, not a part of this whole. Of the parts whose rate does not
    fit, drop those whose removal lets the rest add up to the total (exactly, else nearly):
    a mistyped part must stay to be flagged."""
    misfits = [p for p in parts if p.rate and p.share is not None and p.qty is not None and (
        total is None or not _share_fits(p.qty.value, total.value, p.share.value, p.share.decimals))]
    if not misfits:
        return parts
    if total is None:
        return [p for p in parts if p not in misfits]
    best: tuple[int, list[_Item]] | None = None
    for drop in [[m] for m in misfits] + [misfits]:
        rest = [p for p in parts if p not in drop]
        acc = sum((p.value for p in rest if p.value is not None), Decimal(0))
        biggest = max((p.value for p in rest if p.value is not None), default=Decimal(0))
        rank = 0 if acc == total.value else 1 if _near(acc, total.value, biggest) else 2
        if best is None or rank < best[0]:
            best = (rank, rest)
    return best[1] if best is not None else parts


def _rate_owner(text: str, items: list[_Item], f: Percent) -> _Item | None:
    stem = (f.label or "")[:-1]
    for it in reversed(items[-4:]):
        if rx(r"[。\n]").search(text[it.end:f.nspan[0]]) or it.qty is None:
            return None
        if it.share is None and it.label and len(it.label) >= 2 and stem.endswith(it.label):
            return it  # 办结…办结率
        if it.share is None and it.label and len(stem) >= 2 and it.label.endswith(stem) \
                and it is items[-1] and not rx(r"\d").search(text[it.end:f.nspan[0]]):
            return it  # 平台直接答复7.25万件,直接答复率…: a shorter name only right after its figure
    return None


def _same_sum(parts: list[_Item], total: Quantity) -> bool:
    """Parts add up to the total within the rounding of the stated figures (13.05+147.83+158.86 亿 = 319.73亿)."""
    values = [p.value for p in parts if p.value is not None]
    acc = sum(values, Decimal(0))
    if acc == total.value:
        return True
    slack = sum((_last_place(p.qty) for p in parts if p.qty is not None), Decimal(0)) + _last_place(total)
    return abs(acc - total.value) <= slack / 2


def _last_place(q: Quantity) -> Decimal:
    """One unit in the last written place, in the fact's own unit (0.01亿 → 1000000)."""
    scale = Decimal(100_000_000) if rx(r"[亿億]").search(q.span.text) else (
        Decimal(10_000) if rx(r"[万萬]").search(q.span.text) else Decimal(1))
    if scale == 1 and q.decimals == 0:
        return Decimal(0)  # a whole count is exact
    return Decimal(10) ** -q.decimals * scale


def _near(parts_sum: Decimal, total: Decimal, biggest: Decimal) -> bool:
    """Parts that miss the total by what one mistyped part would (under a tenth of the largest
    part, and of the total) still read as its breakdown: a draft with one wrong part must still
    form its breakdown for the checks to see."""
    gap = abs(parts_sum - total)
    return total > 0 and gap <= total / 10 and gap <= biggest / 10


def _label_at(it: _Item) -> int:
    fact = it.qty or it.share
    return fact.label_span.start if fact is not None and fact.label_span is not None else -1


def _kind(it: _Item) -> str:
    if it.qty is not None:
        return "q"
    return "share"


# Units that do not add up (scores, ages, multiples): never parts of a whole.
_NOT_ADDITIVE = {"分", "岁", "倍", "度", "摄氏度", "℃", "秒", "分钟", "小时", "天", "日", "年", "周", "个月",
                 "微克/立方米", "毫克/立方米", "毫克/升", "毫米"}


def _same_unit(a: _Item, b: _Item) -> bool:
    if a.qty is None or b.qty is None:
        return a.qty is None and b.qty is None
    ua, ub = a.qty.unit, b.qty.unit
    # A bare number in a list of counts (公共服务类374,占比5.0%) takes the list's unit.
    return ua == ub or ua is None or ub is None


# Units that measure rather than count: money, weight, area, volume, energy, people.
_MEASURES = {"元", "美元", "欧元", "港元", "吨", "公斤", "千克", "斤", "克", "亩", "公顷", "平方米", "平方公里",
             "平方千米", "立方米", "公里", "千米", "米", "升", "千瓦时", "千瓦小时", "千瓦", "兆瓦", "度", "人", "人次"}


def _counts_alike(a: _Item, b: _Item) -> bool:
    """Counts of things of different kinds (23件 工单, 41封 信件) still add up to a number of items."""
    ua = a.qty.unit if a.qty else None
    ub = b.qty.unit if b.qty else None
    return ua not in _MEASURES and ub not in _MEASURES


def _joinable(text: str, a: _Item, b: _Item, starts: list[int], listed: bool = False) -> bool:
    if _kind(a) != _kind(b) or not (_same_unit(a, b) or (listed and _counts_alike(a, b))):
        return False
    gap = text[a.end:b.start]
    # 其中,违法停车21.67万起,占44.6%;超速行驶9.75万起;…: the first part of a declared list may
    # carry a share the others do not.
    opens_list = a.share is not None and b.share is None and gap.startswith(";") \
        and _DECLARES_BEFORE.search(text, max(0, a.start - 40), a.start) is not None
    if (a.share is None) != (b.share is None) and not (a.rate or b.rate) and not opens_list \
            and not rx(r"、\p{Han}{0,16}").fullmatch(gap):
        return False  # 有效诉求…占89.29%;无效诉求…占10.71%;平台有效来电3744件: two lists
    k = bisect.bisect_left(starts, a.end)
    if (k < len(starts) and starts[k] < b.start) or ":" in gap:
        return False
    if "分别" in gap and rx(r"[;。]").search(gap):
        return False  # …;甲、乙分别接待X、Y: a 分别 list after a clause break is a list of its own
    if "。" in gap or "\n" in gap:
        # Lists laid out one part per sentence or line: 咨询类共2997件,占比76.03%,…。求助类共654件…
        # but never across a heading line.
        lines = gap.split("\n")[1:-1]
        if any(ln.strip() and (not rx(r"[,。;]").search(ln) or SECTION_HEAD.match(ln)) for ln in lines):
            return False
        return a.share is not None and b.share is not None and _starts_clause(text, b.start, b.label)
    return len(gap) <= 40


def _starts_clause(text: str, pos: int, label: str | None) -> bool:
    a = last_before(text, "。\n", pos) + 1
    head = text[a:pos]
    return bool(label) and len(head) <= len(label or "") + 4


def _runs(ctx: Context, items: list[_Item], starts: list[int]) -> list[list[_Item]]:
    text = ctx.norm.text
    runs: list[list[_Item]] = []
    cur: list[_Item] = []
    for it in items:
        # After 其中 the list is declared: counts in different measure words still belong to it.
        listed = bool(cur) and "其中" in text[max(0, cur[0].start - 40):it.start].split("。")[-1]
        if cur and _joinable(text, cur[-1], it, starts, listed):
            cur.append(it)
        else:
            if len(cur) >= 2:
                runs.append(cur)
            cur = [it]
    if len(cur) >= 2:
        runs.append(cur)
    return runs




def _heads_line(text: str, it: _Item) -> bool:
    """The item's name opens its line (1. 城乡建设类1545件,占比16.74%。)."""
    a = text.rfind("\n", 0, it.start) + 1
    head = SECTION_HEAD.sub("", text[a:it.start], count=1)
    head = rx(r"(?:共计|共|合计|为|达|约)$").sub("", head)
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
            if heading or not _same_unit(cur[-1], it) or "\n" not in gap:
                if len(cur) >= 2:
                    chains.append(cur)
                cur = []
        cur.append(it)
    if len(cur) >= 2:
        chains.append(cur)
    return chains


def _heads_line_text(line: str) -> bool:
    return bool(rx(r"^\s*\d+[.、]").match(line))


# …2877件,其中 / 受理的9230件办件中 / 查处的3000起酒驾醉驾中: what follows is inside this figure
# (中部, 中心 are words; after a comma only a short word: ,正在办理中 is a state, not a whole).
_WHOLE_AFTER = regex.compile(r"[,;。:]?(?:其中|的?\p{Han}{0,2}?中(?![部心国央等小型间级]))|\p{Han}{3,6}?中(?![部心国央等小型间级])[,:]")


def _is_total(ctx: Context, it: _Item) -> bool:
    """A figure presented as the whole: 共/合计…, or followed by 其中."""
    if it.qty is None or (it.share is not None and it.share.value < 100):
        return False  # a figure with its own share of something is a part
    text = ctx.norm.text
    a = last_before(text, ",;。:\n", it.start) + 1
    if _TOTAL_WORDS.search(text[a:it.start]) or it.qty.qualifier in ("共", "共计", "总计", "合计"):
        return True
    end = it.qty.nspan[1]
    # …2877件,其中 / 受理的9230件办件中: what follows is inside this figure (中部, 中心 are words).
    return bool(_WHOLE_AFTER.match(text[end:end + 10]))


def _best_prefix(values: list[Decimal | None], total: Decimal, min_len: int = 2) -> int | None:
    """Length of the prefix of values that adds up to total.

    Exact sums win. Failing one, a sum within a tenth of the total still counts
    when it takes the whole list (the next figure, if any, is not smaller than the
    total): that is how a draft with one wrong part keeps its structure.
    """
    acc = Decimal(0)
    best: tuple[Decimal, int] | None = None
    for k, v in enumerate(values):
        if v is None or v >= total:
            break
        acc += v
        if k + 1 < min_len:
            continue
        if acc == total:
            return k + 1
        nxt = values[k + 1] if k + 1 < len(values) else None
        # The list ends here when the next figure cannot be one more part (too big to fit).
        ends = nxt is None or nxt >= total / 2 or nxt >= acc
        biggest = max(v2 for v2 in values[: k + 1] if v2 is not None)
        if ends and _near(acc, total, biggest) and (best is None or abs(acc - total) < best[0]):
            best = (abs(acc - total), k + 1)
        if acc > total * Decimal("1.1"):
            break
    return best[1] if best else None


def _split_arithmetic(run: list[_Item]) -> list[tuple[_Item | None, list[_Item]]]:
    """Where a run holds a total followed by its own parts (…派单601件,按时结案597件,超时办理4件).

    Returns the top level (None, the figures no sub-breakdown took) first, then
    the sub-breakdowns found.
    """
    subs: list[tuple[_Item | None, list[_Item]]] = []
    top: list[_Item] = []
    i = 0
    while i < len(run):
        head = run[i]
        top.append(head)
        n = None
        if head.value is not None and head.share is None:
            n = _best_prefix([it.value for it in run[i + 1:]], head.value)
        if n is not None:
            subs.append((head, run[i + 1:i + 1 + n]))
            i += 1 + n
        else:
            i += 1
    return [(None, top), *subs]


def _segments(parts: list[_Item], total: Decimal) -> list[list[_Item]]:
    """Cut a run into consecutive lists that each add up to the total (城镇/乡村 then 男/女), and
    drop figures that run on past them; a run that never reaches the total stays whole."""
    out: list[list[_Item]] = []
    i = 0
    while i < len(parts):
        n = _best_prefix([p.value for p in parts[i:]], total)
        if n is None:
            break
        out.append(parts[i:i + n])
        i += n
    return out or [parts]


def _share_fits(part: Decimal, total: Decimal, share: Decimal, decimals: int) -> bool:
    if total <= 0:
        return False
    pct = part / total * 100
    unit = Decimal(10) ** -decimals
    return share - unit / 2 - Decimal("0.05") <= pct < share + unit + Decimal("0.05")


def _find_total(ctx: Context, run: list[_Item], quantities: list[Quantity]) -> tuple[Quantity | None, str | None]:
    text = ctx.norm.text
    first = run[0]
    unit = first.qty.unit if first.qty else None
    # Only the figures shortly before can be the total (every test below looks back a bounded way).
    k = bisect.bisect_left(quantities, first.start, key=lambda q: q.nspan[0])
    before = [q for q in quantities[max(0, k - 80):k] if q.nspan[1] <= first.start and q.unit == unit
              and q.approx is None and all(q is not it.qty for it in run)]
    if not before:
        return None, None
    parts = [it.value for it in run if it.value is not None]
    if not parts:
        return None, None  # a list of shares alone: no count can point at its total
    shared = [it for it in run if it.qty is not None and it.share is not None]
    # Closest earlier figure that the shares say is the whole (most parts fit part/total = share).
    if shared:
        best: tuple[int, Quantity] | None = None
        for q in reversed(before[-40:]):
            fits = sum(_share_fits(it.qty.value, q.value, it.share.value, it.share.decimals)  # type: ignore[union-attr]
                       for it in shared)
            if fits * 2 > len(shared) and (best is None or fits > best[0]):
                best = (fits, q)
        if best:
            return best[1], "shares"
    # 其中: the parts belong to the figure just before.
    lead = text[max(0, first.start - 30):first.start]
    q = before[-1]
    sentence_gap = text[q.nspan[1]:first.start]
    head_parts = sum(parts[:2], Decimal(0))
    if rx(r"其中|中[,:]?$").search(lead) and sentence_gap.count("。") <= 1 \
            and rx(r"其中|中[,:]?$").search(sentence_gap[-30:]):  # 其中 after the figure, not before it
        # 其中 declares the parts of the figure just before; a draft may get one part wrong.
        whole = sum(parts, Decimal(0))
        if q.value >= head_parts or abs(whole - q.value) <= max(Decimal(1), q.value / 10):
            return q, "marked" if whole < q.value else "sum"
    # Otherwise the figure that the first parts add up to exactly; or, for a figure presented as
    # a whole (共…, …其中) close by, nearly: a draft with one wrong part must still find its total.
    values: list[Decimal | None] = list(parts)
    for q in reversed(before[-12:]):
        n = _best_prefix(values, q.value)
        if n is not None and sum(parts[:n], Decimal(0)) == q.value and q.value != parts[0]:
            return q, "sum"
        if q.value > max(parts) and _same_sum(run, q) and q.nspan[0] >= first.start - 300:
            return q, "sum"
    for q in reversed(before[-12:]):
        if q.nspan[0] < first.start - 1200:
            break
        if q.nspan[0] < first.start - 300 and not (q.label and all((q.label or "").endswith(it.label or "-") for it in run)):
            continue
        named_after = bool(q.label) and all((it.label or "").endswith(q.label or "") for it in run)
        # 145个城市、122个城市…: parts counted in the unit the total names (350个地级及以上城市).
        kinds = {it.label for it in run}
        named_after = named_after or (len(kinds) == 1 and bool(q.label) and (q.label or "").endswith(kinds.pop() or "-"))
        if (_presented_as_whole(text, q, not shared) or named_after) and _best_prefix(values, q.value) is not None:
            return q, "named" if named_after else "marked"
    # The parts are named as kinds of the figure just before (…项目完成投资606.98亿元 … 工业项目完成投资…).
    sentence = text[last_before(text, "。\n", first.start) + 1:first.start]
    if not _SECTION_CUE.search(sentence):
        return None, None
    named = [q for q in before if q.nspan[0] >= first.start - 250 and q.value > max(parts)
             and _common_head(q.label, run)]
    return (max(named, key=lambda q: q.value), "head-noun") if named else (None, None)


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
    a = last_before(text, ",;。:\n", q.nspan[0]) + 1
    clause = text[a:q.nspan[0]]
    if not category_ok and rx(r"类(?:共计|共|合计)$").search(clause):
        return False  # 求助类共654件 beside other categories' shares: one category, not the whole
    if _TOTAL_WORDS.search(clause):
        return True
    return bool(_WHOLE_AFTER.match(text[q.nspan[1]:q.nspan[1] + 10]))


def _ranking_head(text: str, run: list[_Item]) -> regex.Match[str] | None:
    """The 排名前三位分别为 that introduces a run, in its sentence, right before it."""
    a = last_before(text, "。\n;", run[0].start) + 1
    found = None
    for m in _RANK_HEAD.finditer(text, a, run[0].start):
        found = m
    if found is None:
        for m in _ORDER_RANK.finditer(text, a, run[0].start):
            found = m
    if found is None:
        return None
    # The head introduces the list: the first item's name follows it directly.
    first_label = run[0].label or ""
    between = text[found.end():run[0].start]
    if len(between) > len(first_label) + 4:
        return None
    return found


def _list_rank_head(text: str, run: list[_Item]) -> bool:
    """A numbered list whose heading line (…居前五位的问题类别如下:) ranks it."""
    a = text.rfind("\n", 0, run[0].start)
    if a < 0 or not SECTION_HEAD.match(text[a + 1:a + 12]):
        return False
    b = text.rfind("\n", 0, max(0, a - 1))
    heading = text[b + 1:a].strip()
    m = _RANK_HEAD.search(heading)
    if m is None or not rx(r"[:：]$").search(heading):
        return False
    try:
        n = int(parse_number(m.group("n")).value)
    except ValueError:
        return False
    return n == len(run)


def _relabel(it: _Item, old: str | None, new: str) -> None:
    """Give a part and the figures that carry its name (count, share, changes) a new name."""
    for f in (it.qty, it.share, *it.changes, *it.extras):
        if f is None or f.label != old:
            continue
        f.label = new
        ls = f.label_span
        if ls is not None:
            f.label_span = Span(start=ls.start, end=ls.start + len(new), line=ls.line, col=ls.col, text=new) \
                if ls.text.startswith(new) else None
    it.label = new


def _category_labels(ctx: Context, parts: list[_Item]) -> None:
    """The parts of a breakdown are named by their categories.

    Names that end alike (工业项目完成投资, 农业项目完成投资; 第一产业增加值, 第二产业增加值) keep
    what tells them apart; counts of one noun that differ by what follows it (10个项目建成投用,
    246个项目正在建设) are named by that."""
    labels = [it.label or "" for it in parts]
    if not all(labels) or len(parts) < 2 or any(it.each for it in parts):
        return
    text = ctx.norm.text
    if len(set(labels)) == 1:
        preds: list[str] = []
        for it in parts:
            f = it.qty
            ls = f.label_span if f is not None else None
            if f is None or ls is None or f.nspan[1] + len(labels[0]) > len(text) \
                    or not text.startswith(labels[0], f.nspan[1]):
                return
            a = f.nspan[1] + len(labels[0])
            m = rx(r"[^,;。:、\n\d]{2,12}(?=[,;。:、\n]|$)").match(text, a)
            if m is None:
                return
            preds.append(m.group())
        if len(set(preds)) == len(preds):
            for it, pred in zip(parts, preds, strict=True):
                _relabel(it, it.label, pred)
        return
    k = 0
    while k < min(map(len, labels)) and len({lb[len(lb) - 1 - k] for lb in labels}) == 1:
        k += 1
    tail = labels[0][len(labels[0]) - k:] if k else ""
    # Only a verb with its object (完成投资) or the name of the aggregate (增加值) goes; the
    # category's own head noun (…项目) stays.
    m = _SHARED_TAIL.search(tail)
    if m is None:
        return
    cut = k - m.start()
    if all(len(lb) - cut >= 2 for lb in labels):
        for it in parts:
            _relabel(it, it.label, (it.label or "")[:-cut])


_SHARED_TAIL = regex.compile(r"(?:完成|实现|录得|接待|受理)\p{Han}{0,4}$")


_SHARE_BASE = regex.compile(r"占(?P<base>[^,;。、占]{2,14}?)的?(?:比重|比例|比)?(?:为|达|达到|是)?$")
_GENERIC_BASE = regex.compile(r"^(?:全部|全市|全县|全区|全省|全国|总体|所有|各类)|(?:总额|总值|总量|总数|总和|总计|合计|的)$")


def _foreign_share(text: str, total: Quantity, share: Percent) -> bool:
    """A share that names another whole (占社会消费品零售总额的比重为17.4%) than the total."""
    a = max(last_before(text, ",;。:\n", share.nspan[0]) + 1, share.nspan[0] - 24)
    m = _SHARE_BASE.search(text, a, share.nspan[0])
    if m is None:
        return False
    core = m.group("base")
    while (k := _GENERIC_BASE.search(core)) is not None and core:
        core = core[:k.start()] + core[k.end():]
    if len(core) < 2:
        return False
    b = max(last_before(text, ",;。:\n", total.nspan[0]) + 1, total.nspan[0] - 30)
    return core not in text[b:total.nspan[0]]


def _add_breakdown(ctx: Context, total: Quantity | None, parts: list[_Item], link: str | None = None) -> None:
    text = ctx.norm.text
    if total is not None:
        for p in parts:
            if p.share is not None and not p.rate and _foreign_share(text, total, p.share):
                p.share = None
    start, end = parts[0].start, parts[-1].end
    complete = any(_OTHER.match(p.label or "") for p in parts)
    lead = text[max(0, start - 12):start]
    if "分别为" in lead or "共分为" in lead:
        complete = True
    bd = Breakdown(
        span=ctx.norm.span(start, end),
        total=total.value if total is not None else None,
        total_id=total.id if total is not None else None,
        unit=parts[0].qty.unit if parts[0].qty is not None else "%",
        parts=[Part(label=p.label, value=p.value, share=p.share.value if p.share else None,
                    value_id=p.qty.id if p.qty else None, share_id=p.share.id if p.share else None)
               for p in parts],
        complete=complete,
        total_link=link if total is not None else None,
    )
    ctx.add(bd, start, end)


def _add_ranking(ctx: Context, items: list[tuple[str, _Item | None]], start: int, end: int,
                 criterion: str | None, order: str = "desc") -> None:
    rk = Ranking(
        span=ctx.norm.span(start, end),
        items=[RankItem(label=label,
                        value=it.value if it else None,
                        share=it.share.value if it and it.share else None,
                        value_id=it.qty.id if it and it.qty else None,
                        share_id=it.share.id if it and it.share else None)
               for label, it in items],
        criterion=criterion,
        order="asc" if order == "asc" else "desc",
    )
    ctx.add(rk, start, end)


def _name_rankings(ctx: Context, taken: list[tuple[int, int]]) -> None:
    """Rankings that list names only: 前三位为:A、B、C / A、B、C…排名前十位."""
    text = ctx.norm.text
    for m in _RANK_HEAD.finditer(text):
        if any(a <= m.end() < b for a, b in taken):
            continue
        if not rx(r"(?:为|是|:)$").search(m.group()):
            continue
        tail_end = min(i for i in (text.find(c, m.end()) for c in ";。\n") if i >= 0) if any(
            text.find(c, m.end()) >= 0 for c in ";。\n") else len(text)
        body = text[m.end():tail_end]
        bracketed = [rx(r"(\p{Han}[^()（）]{1,20}?)[(（][^()（）]*\d[^()（）]*[)）]").fullmatch(x.strip())
                     for x in body.split("、")]
        if len(bracketed) >= 2 and all(bracketed):
            # 后三位的单位是:A(89.7%)、B(91.2%)、C(92.5%): each name with its figure in brackets
            names = [b.group(1) for b in bracketed if b]
            _add_ranking(ctx, [(_written(ctx, *_find(text, n, m.end())), None) for n in names], m.start(), tail_end,
                         _criterion(text, m.start()), "asc" if m.group("end") == "后" else "desc")
            continue
        elif rx(r"\d").search(body):
            # 前三位分别为A、B和C,受理量分别为…: the names end at the clause with the figures.
            body = body.split(",")[0]
            if rx(r"\d").search(body) or not rx(r"[、和及]").search(body):
                continue
            tail_end = m.end() + len(body)
        names = [n.strip() for n in _NAME_SPLIT.split(body) if n.strip()]
        if len(names) >= 2 and all(len(n) <= 20 for n in names):
            criterion = _criterion(text, m.start())
            _add_ranking(ctx, [(_written(ctx, *_find(text, n, m.end())), None) for n in names],
                         m.start(), tail_end, criterion, "asc" if m.group("end") == "后" else "desc")
    figures = sorted((f for f in ctx.facts if isinstance(f, Quantity)), key=lambda f: f.nspan[0])
    for m in _RANK_TAIL.finditer(text):
        values: list[Quantity] = []
        follow = rx(r"[,,]?(?:分别|依次)(?:为|是)[:]?").match(text, m.end())
        if follow:
            # A、B、C诉求量位列前三,分别为4126件、3871件、3350件: the values come after.
            pos = follow.end()
            for f in figures:
                if f.nspan[0] < pos:
                    continue
                if f.nspan[0] > pos + 1 or (values and not rx(r"[、,和及]?").fullmatch(text[pos:f.nspan[0]])):
                    break
                values.append(f)
                pos = f.nspan[1]
        elif rx(r"(?:的[^,;。]{0,10}?)?(?:分别|依次)?(?:为|是|:)").match(text[m.end():m.end() + 14]):
            continue  # a head (前三位为:…), handled above
        a = last_before(text, "。\n:", m.start()) + 1
        body = text[a:m.start()]
        if rx(r"\d").search(body) or any(x <= m.start() < y for x, y in taken):
            continue
        # …来看,A、B、C受理量排名前十位: the list is the last clause before the verb.
        clause = body.split(",")[-1]
        names = [n for n in rx(r"、").split(clause) if n]
        if len(names) < 2:
            continue
        last = names[-1]
        # The last name runs into the criterion (…国网供电公司受理量): cut at the criterion word.
        crit = rx(r"(?:诉求量|受理量|办件量|工单量|来电量|案件量|办理量|数量|得分|总量)$").search(last)
        if crit:
            names[-1] = last[: crit.start()]
        cstart = a + body.rfind(clause)
        names = [n for n in names if n]
        if follow and len(values) != len(names):
            continue
        items: list[tuple[str, _Item | None]] = [
            (_written(ctx, *_find(text, n, cstart)),
             _Item(values[k], None, values[k].nspan[0], values[k].nspan[1], n) if values else None)
            for k, n in enumerate(names)]
        _add_ranking(ctx, items, cstart, values[-1].nspan[1] if values else m.end(), crit.group() if crit else None)


def _written(ctx: Context, s: int, e: int) -> str:
    """A name exactly as the page writes it (converter glosses and all), less spaces."""
    a, b = ctx.norm.orig_range(s, e)
    return rx(r"\s+").sub("", ctx.norm.original[a:b])


def _find(text: str, needle: str, start: int) -> tuple[int, int]:
    k = text.find(needle, start)
    return (k, k + len(needle)) if k >= 0 else (start, start)


def _criterion(text: str, pos: int) -> str | None:
    m = rx(r"\(([^()]{1,20})\)[^,;。]{0,6}$").search(text[max(0, pos - 30):pos])
    return m.group(1) if m else None


def run(ctx: Context) -> None:
    text = ctx.norm.text
    facts = _numeric(ctx)
    quantities = [f for f in facts if isinstance(f, Quantity)]
    items = _items(ctx, facts)
    taken: list[tuple[int, int]] = []
    starts = sorted(f.nspan[0] for f in facts)
    runs = [_expand_each(r) for r in _runs(ctx, items, starts)]
    used = {id(it) for r in runs for it in r}
    for r in runs + _share_chains(ctx, items, used):
        # A figure presented as the whole starts the run: it is the total, not a part.
        total_item: _Item | None = None
        if _is_total(ctx, r[0]) or (r[0].share is None and "其中" in text[r[0].end:r[1].start]):
            total_item, r = r[0], r[1:]
            if len(r) < 2:
                continue
        head = _ranking_head(text, r)
        listed_head = head is None and _list_rank_head(text, r)
        if listed_head:
            # 居前五位的问题类别如下: / 1.城乡建设类 6824件,占比16.3% / 2.…: the lines are ranked and
            # are also parts of the month's whole (their shares say so).
            _add_ranking(ctx, [(it.label or "", it) for it in r], r[0].start, r[-1].end, None)
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
        # Rates named after a part (办结率) group like counts: only 占比 shares make a share list.
        with_shares = any(it.share is not None and not it.rate for it in r)
        if len({(it.label, _label_at(it)) for it in r}) < len(r):
            continue  # one name for two figures (目标…完成…): a comparison, not parts of a whole
        # A 分别 list (甲区、乙区和丙区分别受理300件、200件和100件) is parallel by declaration; a
        # list whose parts add up exactly to the total declared before it (其中,出口…;进口…) keeps
        # that reading even when two of its parts happen to add up to a third.
        parallel = "分别" in text[max(0, r[0].start - 12):r[0].start]
        declared: tuple[Quantity | None, str | None] = (None, None)
        if not with_shares and not parallel and total_item is None:
            declared = _find_total(ctx, r, quantities)
            if declared[0] is not None and declared[1] != "sum":
                declared = (None, None)
        if declared[0] is not None:
            total_item = _Item(declared[0], None, declared[0].nspan[0], declared[0].nspan[1], declared[0].label)
        groups = [(None, r)] if with_shares or parallel or declared[0] is not None else _split_arithmetic(r)
        for head_item, parts in groups:
            link: str | None
            if head_item is not None and head_item.qty is not None:
                total: Quantity | None = head_item.qty
                link = "sum"
            elif total_item is not None and total_item.qty is not None:
                total, link = total_item.qty, "run"
            else:
                total, link = _find_total(ctx, parts, quantities)
            parts = _settle_rates(parts, total)
            if len(parts) < 2:
                continue
            if total is None and not with_shares and len(parts) < 3:
                # Two loose counts side by side (受理X件,办结Y件) are not shown to be parts of anything.
                continue
            segments = _segments(parts, total.value) if total is not None and not with_shares else [parts]
            for seg in segments:
                _category_labels(ctx, seg)
                _add_breakdown(ctx, total, seg, link)
    _sentence_sums(ctx, items)
    _bracketed_parts(ctx, quantities)
    _named_wholes(ctx, items)
    _stated_ranks(ctx, items, taken)
    _name_rankings(ctx, taken)
    _table_rankings(ctx)
    _table_breakdowns(ctx)
    _table_row_breakdowns(ctx)
    _table_sub_rows(ctx)
    _attach_share_lists(ctx)


def _sentence_sums(ctx: Context, items: list[_Item]) -> None:
    """A whole, then its parts later in its paragraph with other figures between them
    (共受理诉求9.67万件,接通率96.14%;直接答复7.25万件,答复率74.97%;转办2.42万件): the
    parts are told apart from loose figures by adding up to the whole at the stated rounding."""
    text = ctx.norm.text
    used: set[str | None] = set()  # parts of breakdowns found already (a total may have several)
    for f in ctx.facts:
        if isinstance(f, Breakdown):
            used.update(p.value_id for p in f.parts)
    counts = [it for it in items if it.qty is not None]
    for i, whole in enumerate(counts):
        assert whole.qty is not None
        if not _is_total(ctx, whole) or whole.qty.value <= 0:
            continue
        end = text.find("\n", whole.end)
        end = len(text) if end < 0 else end
        nxt = _NEXT_PARAGRAPH_CUE.match(text, end)
        if nxt is not None:
            # 从游客结构看,过夜游客…: the next paragraph opens by dividing the whole.
            more = text.find("\n", nxt.end())
            end = len(text) if more < 0 else more
        # Candidates: later figures of the paragraph in the whole's unit, each smaller than it.
        cands: list[_Item] = []
        for it in counts[i + 1:]:
            assert it.qty is not None
            if it.start >= end or len(cands) >= 12:
                break
            if it.qty.unit == whole.qty.unit and it.qty.value < whole.qty.value and it.qty.id not in used:
                cands.append(it)
        found = _adding_window(cands, whole.qty)
        link = "sum"
        if found is None:
            # Parts declared as such (…3000起酒驾醉驾中,A…,B…; 从渠道看,A…;B…;C…) still make the
            # breakdown when they miss the whole by what one mistyped part would: the checks must see it.
            found = _declared_window(ctx, whole, cands)
            link = "run"
        if found is None:
            continue
        parts = _settle_rates(found, whole.qty)
        if len(parts) >= 2:
            _category_labels(ctx, parts)
            _add_breakdown(ctx, whole.qty, parts, link)
            used.update(p.qty.id for p in parts if p.qty is not None)


# 占受理总量的 / 占总数的 / 占全部诉求的: the share names the whole it is taken of.
_NAMED_WHOLE = regex.compile(r"占(?P<what>\p{Han}{0,6}?)(?:总量|总数|总额|总计|总和)的?(?:比重|比例)?(?:为|达)?$")


def _bracketed_parts(ctx: Context, quantities: list[Quantity]) -> None:
    """A figure with its parts in brackets (优良天数26天(其中优9天、良17天)): a breakdown in any
    unit, days included, when the parts add up to it exactly."""
    text = ctx.norm.text
    for i, q in enumerate(quantities):
        m = rx(r"[(（]其中[,:]?").match(text, q.nspan[1])
        if m is None:
            continue
        close = min((k for k in (text.find(")", m.end()), text.find("）", m.end())) if k >= 0), default=-1)
        if close < 0:
            continue
        inside = [p for p in quantities[i + 1:i + 12] if p.nspan[1] <= close and p.unit == q.unit and p.label]
        if len(inside) < 2 or any(isinstance(f, Breakdown) and f.total_id == q.id for f in ctx.facts):
            continue
        acc = sum((p.value for p in inside), Decimal(0))
        # Declared by 其中, the parts stay a breakdown when one of them is mistyped.
        if acc == q.value or _near(acc, q.value, max(p.value for p in inside)):
            _add_breakdown(ctx, q, [_Item(p, None, p.nspan[0], p.nspan[1], p.label) for p in inside],
                           "sum" if acc == q.value else "run")


def _named_wholes(ctx: Context, items: list[_Item]) -> None:
    """Link a share outside any breakdown to its part and to the whole it names."""
    text = ctx.norm.text
    in_parts: set[str | None] = set()
    for f in ctx.facts:
        if isinstance(f, Breakdown):
            in_parts.update(p.value_id for p in f.parts)
    for k, it in enumerate(items):
        if it.qty is None or it.share is None or it.rate or it.qty.id in in_parts:
            continue
        a = max(last_before(text, ",;。:\n", it.share.nspan[0]) + 1, it.share.nspan[0] - 20)
        m = _NAMED_WHOLE.search(text, a, it.share.nspan[0])
        if m is None:
            continue
        if k > 0 and rx(r"^[^,;。:\n]*$").match(text[items[k - 1].end:it.start]):
            continue  # the last of a list (A 172件、B 80件、C 50件,占总量的59.68%): the share is of them all
        what = m.group("what")
        whole = None
        for cand in reversed(items[max(0, k - 30):k]):
            q = cand.qty
            if q is None or q.nspan[0] < it.start - 1500:
                continue
            if q.unit != it.qty.unit or q.value <= it.qty.value or not _is_total(ctx, cand):
                continue
            if what and what not in text[max(0, q.nspan[0] - 20):q.nspan[0]]:
                continue  # 占转办总量的 needs a whole stated as 转办…
            whole = q
            break
        if whole is not None:
            it.share.part_id, it.share.total_id = it.qty.id, whole.id


_NEXT_PARAGRAPH_CUE = regex.compile(r"\n+\s*(?:从\p{Han}{1,10}?(?:来)?看|分\p{Han}{1,6}?(?:来)?看|按\p{Han}{1,8}?(?:分|划分|统计)|其中)")
_RANK_STATED = regex.compile(r"[,;]?(?:位居|位列|排名|排在|名列|居|列|排)第(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名)?")


def _stated_ranks(ctx: Context, items: list[_Item], taken: list[tuple[int, int]]) -> None:
    """Ranks stated one by one after each figure (甲景区接待38.72万人次,位居第一;乙…,位居第二)."""
    text = ctx.norm.text
    run: list[_Item] = []
    for it in items:
        m = _RANK_STATED.match(text, it.end)
        if m is None:
            continue
        try:
            n = int(parse_number(m.group("n")).value)
        except ValueError:
            continue
        if n == len(run) + 1 and n > 1:
            run.append(it)
            continue
        _flush_ranks(ctx, run, taken)
        run = [it] if n == 1 else []
    _flush_ranks(ctx, run, taken)


def _flush_ranks(ctx: Context, run: list[_Item], taken: list[tuple[int, int]]) -> None:
    if len(run) < 2 or any(a <= run[0].start < b for a, b in taken):
        return
    _add_ranking(ctx, [(it.label or "", it) for it in run], run[0].start, run[-1].end,
                 _criterion(ctx.norm.text, run[0].start))
    taken.append((run[0].start, run[-1].end))


# …其中,违法停车 / 从类型看,涉水类(…) right before a list's first part.
_DECLARES_BEFORE = regex.compile(r"(?:其中|从\p{Han}{1,10}?(?:来)?看|分\p{Han}{1,6}?(?:来)?看|按\p{Han}{1,8}?(?:分|划分|统计))"
                                 r"[,:]?[^,;。:\d]{1,30}$")
_DECLARES = regex.compile(r"其中|从\p{Han}{1,10}?(?:来)?看|分\p{Han}{1,6}?(?:来)?看|按\p{Han}{1,8}?(?:分|划分|统计)")


def _declared_window(ctx: Context, whole: _Item, cands: list[_Item]) -> list[_Item] | None:
    """The candidates of the one sentence that the text declares as parts of whole, if they
    nearly add up to it."""
    text = ctx.norm.text
    if not cands or whole.qty is None:
        return None
    first = cands[0]
    marked = bool(_WHOLE_AFTER.match(text[whole.qty.nspan[1]:whole.qty.nspan[1] + 10]))
    a = last_before(text, "。\n", first.start) + 1
    if not marked and not _DECLARES.search(text, max(a, whole.end), first.start):
        return None
    end = min((k for k in (text.find("。", first.start), text.find("\n", first.start)) if k >= 0), default=len(text))
    window = [it for it in cands if it.start < end]
    if len(window) < 2 or len({it.label for it in window}) < len(window):
        return None
    values = [it.value for it in window if it.value is not None]
    acc = sum(values, Decimal(0))
    if acc == whole.qty.value or not _near(acc, whole.qty.value, max(values)):
        return None
    return window


def _adding_window(cands: list[_Item], whole: Quantity) -> list[_Item] | None:
    """The first run of consecutive candidates (two or more, distinct names) that adds up to whole."""
    for a in range(len(cands)):
        acc = Decimal(0)
        for b in range(a, len(cands)):
            acc += cands[b].value or Decimal(0)
            if b > a and _same_sum(cands[a:b + 1], whole):
                window = cands[a:b + 1]
                if len({it.label for it in window}) == len(window):
                    return window
            if acc > whole.value * 2:
                break
    return None


_TOTAL_ROW = regex.compile(r"^(?:合计|总计|共计|小计|全市|全县|全区|全省|总数|总量)$")


def _table_breakdowns(ctx: Context) -> None:
    """A column with a 合计 row is a breakdown: the other rows are its parts."""
    by_start = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Quantity)}
    shares_at = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Percent)}
    for t in ctx.tables:
        columns: dict[int, list[tuple[str, int]]] = {}
        share_of_row: dict[str, Percent] = {}
        for col, row, start in t.cells:
            columns.setdefault(col, []).append((row, start))
            cell = ctx.table_cells.get(start)
            if start in shares_at and cell is not None and cell.column and SHARE_HEADER.match(cell.column):
                share_of_row[row] = shares_at[start]
        for cells in columns.values():
            totals = [(r, p) for r, p in cells if _TOTAL_ROW.match(r)]
            parts = [by_start[p] for r, p in cells if not _TOTAL_ROW.match(r) and p in by_start]
            if len(totals) != 1 or len(parts) < 2 or totals[0][1] not in by_start:
                continue
            total = by_start[totals[0][1]]
            items = [_Item(q, share_of_row.get(r), q.nspan[0], q.nspan[1], r) for q, (r, _) in
                     zip(parts, [c for c in cells if not _TOTAL_ROW.match(c[0])], strict=False)]
            bd_items = [it for it in items if it.qty is not None]
            _add_breakdown(ctx, total, bd_items, "run")
            bd = ctx.facts[-1]
            if isinstance(bd, Breakdown):
                bd.complete = True  # a 合计 row sums the rows above it
                for part, it in zip(bd.parts, bd_items, strict=True):
                    part.label = it.label


def _table_sub_rows(ctx: Context) -> None:
    """Rows listed under another after 其中 (粮食总产量 / 其中:谷物 / 豆类 / 薯类) are its parts, column by column."""
    by_start = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Quantity)}
    for t in ctx.tables:
        for parent, subs in t.children:
            if len(subs) < 2:
                continue
            cols: dict[int, dict[str, Quantity]] = {}
            for col, row, start in t.cells:
                if start in by_start and (row == parent or row in subs):
                    cols.setdefault(col, {})[row] = by_start[start]
            for cells in cols.values():
                if parent not in cells or any(r not in cells for r in subs):
                    continue
                items = [_Item(cells[r], None, cells[r].nspan[0], cells[r].nspan[1], r) for r in subs]
                _add_breakdown(ctx, cells[parent], items, "run")


def _table_row_breakdowns(ctx: Context) -> None:
    """A 小计 column under a spanning header adds up its sibling columns in each row."""
    by_start = {f.nspan[0]: f for f in ctx.facts if isinstance(f, Quantity)}
    for t in ctx.tables:
        for sub, cols in t.subtotals:
            rows: dict[str, dict[int, Quantity]] = {}
            for col, row, start in t.cells:
                if start in by_start and (col == sub or col in cols):
                    rows.setdefault(row, {})[col] = by_start[start]
            for cells in rows.values():
                if sub not in cells or any(c not in cells for c in cols):
                    continue
                items = [_Item(cells[c], None, cells[c].nspan[0], cells[c].nspan[1], cells[c].label) for c in cols]
                _add_breakdown(ctx, cells[sub], items, "run")
                bd = ctx.facts[-1]
                if isinstance(bd, Breakdown):
                    bd.complete = True  # the 小计 column sums the columns beside it


def _table_rankings(ctx: Context) -> None:
    """A table captioned as a ranking (表1:本周城市管理类前三名诉求) ranks its rows in order."""
    for t in ctx.tables:
        if t.ranked and len(t.rows) >= 2:
            rows = t.rows
            _add_ranking(ctx, [(_written(ctx, p, p + len(name)), None) for name, p in rows], rows[0][1],
                         rows[-1][1] + len(rows[-1][0]), None)
            continue
        if t.caption is None or len(t.rows) < 2:
            continue
        m = rx(r"前(\d{1,2}|[二三四五六七八九十]{1,2})(?:名|位)|排名|排行").search(t.caption[0])
        if not m:
            continue
        n = len(t.rows)
        if m.group(1):
            try:
                n = min(n, int(parse_number(m.group(1)).value))
            except ValueError:
                pass
        rows = t.rows[:n]
        start, end = t.caption[1], rows[-1][1] + len(rows[-1][0])
        _add_ranking(ctx, [(_written(ctx, p, p + len(name)), None) for name, p in rows], start, end, None)


_FORMER_BEFORE = regex.compile(r"(?:上年|去年|上年同期|去年同期|上一年)的?$|由$")
_FORMER_AFTER = regex.compile(r"(?:调整|变|转变|优化|提升|改变)(?:为|到|至)")
_RATIO = regex.compile(r"(?<![\d.])\d+(?:\.\d+)?(?::\d+(?:\.\d+)?){2,}(?![\d.:])")
_SHARE_LIST = regex.compile(r"分别占(?:[^,;。\d]{0,12}?的)?(?:比重|比例)?(?:为)?")


def _attach_share_lists(ctx: Context) -> None:
    """Shares given as one list after the parts: 三次产业结构为7.7:57.5:34.8, 分别占总人口的51.3%和48.7%.

    They become the shares of the breakdown just before them when the counts
    match; a ratio with no such breakdown is a breakdown of its own. Either way
    the breakdown is complete: a structure ratio or a 分别占 list names the whole.
    """
    text = ctx.norm.text
    percents = [f for f in ctx.facts if isinstance(f, Percent)]
    lists: list[tuple[int, int, list[Percent], bool]] = []
    for m in _RATIO.finditer(text):
        if _FORMER_BEFORE.search(text, max(0, m.start() - 6), m.start()) or _FORMER_AFTER.match(text, m.end()):
            continue  # 由上年的13.1:38.2:48.7调整为…: the former structure, not this total's
        inside = [p for p in percents if m.start() <= p.nspan[0] and p.nspan[1] <= m.end()]
        if len(inside) >= 2:
            lists.append((m.start(), m.end(), inside, True))
    for m in _SHARE_LIST.finditer(text):
        run: list[Percent] = []
        pos = m.end()
        for p in percents:
            if p.nspan[0] < m.end():
                continue
            if run and not rx(r"、|和|及|与|,").fullmatch(text[pos:p.nspan[0]]):
                break
            if not run and p.nspan[0] - m.end() > 2:
                break
            run.append(p)
            pos = p.nspan[1]
        if len(run) >= 2:
            lists.append((m.start(), pos, run, False))
    breakdowns = [f for f in ctx.facts if isinstance(f, Breakdown)]
    for start, end, shares, is_ratio in lists:
        prior = [b for b in breakdowns if b.nspan[0] < start <= b.nspan[1] + 160
                 and len(b.parts) == len(shares) and all(p.share is None for p in b.parts)]
        if prior:
            bd = prior[-1]
            for part, sh in zip(bd.parts, shares, strict=True):
                part.share, part.share_id = sh.value, sh.id
                if part.value_id:
                    # the share measures the part it stands for (三次产业结构7.7 → 第一产业)
                    owner = next((f for f in ctx.facts if f.id == part.value_id), None)
                    if owner is not None:
                        sh.label, sh.label_span = owner.label, owner.label_span
            bd.complete = True
            bd.nspan = (bd.nspan[0], max(end, bd.nspan[1]))
            bd.span = ctx.norm.span(*bd.nspan)
        elif is_ratio:
            bd = Breakdown(span=ctx.norm.span(start, end), unit="%", complete=True,
                           parts=[Part(label=sh.label, share=sh.value, share_id=sh.id) for sh in shares])
            ctx.add(bd, start, end)
