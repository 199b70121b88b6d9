"""The figures a breakdown or ranking is built from: each count with its share and changes."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex

from ...context import Context
from ...models import Change, Percent, Quantity
from ...text import lexicon
from ...text.clauses import last_before
from ...text.rx import rx
from ...text.tokens import tokens
from ..labels import SHARE_WORDS, clean, names_in

# 共, 合计, 总量 …: a whole in the clause (not 小计, a subtotal; not 总值 ending 地区生产总值).
_TOTAL_WORDS = regex.compile("|".join(
    regex.escape(w) for w in lexicon.get("total").words
    if not any(lexicon.meaning("total", w).get(k) for k in ("sub", "in_name", "verb"))))


def says_total(text: str) -> bool:
    """Whether the words say "in total" (共, 合计…), each read as a word of the lexicon: 共 inside
    公共服务类 says nothing (the longer word 公共 holds it); 共有 is 共 and a verb of having."""
    return any(_TOTAL_WORDS.fullmatch(w) for w in lexicon.words_read(text))


# A part named 其他 (the other kinds) holds what the named parts leave: its list is complete.
_OTHER = regex.compile(rf"^(?:{lexicon.alternation_where('remainder', kinds=True)})")


# Figures that describe a rate or a peak of a total, never one of its parts: an average (日均)
# or the extreme of a series (峰值, 最高, 最低).
_NOT_PARTS = frozenset(lexicon.words("average")) | frozenset(lexicon.get("rank_word").having(extreme=True))

_OF = lexicon.alternation_where("particle", of=True)
_OPENS = lexicon.alternation_where("copula", opens=True)
_SHARE_VERB = lexicon.alternation_where("share", kind="verb")
# 占比, 所占比例: share nouns that hold their 占.
_SELF_SHARE = "|".join(regex.escape(w) for w in lexicon.get("share").having(kind="noun")
                       if any(v in w for v in lexicon.get("share").having(kind="verb")))
# A share word that names no base (占, 占比), then a copula: 咨询类占45.3%.
_BARE_SHARE = regex.compile(rf"(?:{_SHARE_VERB}|{_SELF_SHARE})(?:{lexicon.alternation('copula')})?")

# 每千人口…, 每户…, 人均…: a label that opens with a rate per head or per household.
# The place values (十, 百, 千, 万) written between 每 and its head: 每千人, 每万人口.
_PLACES = "".join(w for w, m in lexicon.get("numeral").meanings.items() if m.get("canonical") and ("small" in m or "big" in m))
_PER_HEAD = regex.compile(
    rf"^(?:(?:{lexicon.alternation('per_word')})[{_PLACES}]?\p{{Han}}{{0,2}}?"
    rf"(?:{lexicon.alternation_where('unit', people=True)})"
    rf"|{lexicon.alternation_where('per_word', per='household')}"
    rf"|{lexicon.alternation_where('average', per='person')}|{lexicon.alternation_where('average', per='household')}"
    rf"|{lexicon.alternation_where('average', per=None)})")


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


_PLAN = regex.compile(lexicon.alternation_without("plan_word", in_name=True))


# 在居民生活类问题中,供暖问题占比为93.58%: a share framed by a whole of its own, not the figure's before
_FRAMED = regex.compile(rf"(?:{lexicon.alternation_where('particle', frames=True)})\p{{Han}}{{1,16}}?"
                        rf"(?:{lexicon.alternation('within')})")


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
    return bool(_BARE_SHARE.fullmatch(m.group())) and m.start() <= 10


def _heads_elided_shares(text: str, p: Percent, facts: list[Quantity | Percent | Change]) -> bool:
    """0-14岁人口占总人口的17.86%,15-64岁人口占65.42%,…: the first share names the whole and the
    next, in the same sentence, leaves it out: they are shares of one whole, the first among them."""
    k = next((i for i, f in enumerate(facts) if f is p), -1)
    nxt = facts[k + 1] if 0 <= k < len(facts) - 1 else None
    if not isinstance(nxt, Percent) or not nxt.label or not _bare_share(text, nxt):
        return False
    gap = text[p.nspan[1]:nxt.nspan[0]]
    return gap[:1] in (",", "、") and not rx(r"[。;\n]").search(gap) and len(gap) <= 24


def _items(ctx: Context, facts: list[Quantity | Percent | Change]) -> list[_Item]:
    """Each counted figure with the share and changes that follow it in its clause chain."""
    text = ctx.norm.text
    items: list[_Item] = []
    for f in facts:
        if text[max(0, f.nspan[0] - 1):f.nspan[0]] in ("<", ">", "≤", "≥", "＜", "＞"):
            continue  # a threshold (工单量>10件), not a figure
        if isinstance(f, Quantity) and (f.qualifier in _NOT_PARTS or f.approx):
            continue
        if isinstance(f, Quantity) and f.label and _PER_HEAD.match(f.label):
            continue  # 每千人口执业医师3.58人: a rate per head, never a part of anything
        if isinstance(f, Quantity) and _compared_with(text, f):
            continue  # …326.3万人,较夜间停留人口261.1万人,多65.2万人: the figure compared with, no part
        if f.nspan[0] in ctx.table_cells:
            continue  # a row's cells are different metrics; columns are not read as lists yet
        if text[f.nspan[0] - 1:f.nspan[0]] in ("(", "（") and rx(rf"[)）](?:{_OF})").match(text, f.nspan[1]):
            continue  # 完成年度目标任务(5万人)的84.7%: an aside on another figure, not a list item
        if isinstance(f, Quantity) and items and items[-1].qty is not None and items[-1].qty.unit == f.unit \
                and rx(r"[(（][^()（）\d]{0,16}$").fullmatch(text, items[-1].end, f.nspan[0]) \
                and _ASIDE_CUE.match(text, items[-1].end + 1):
            # 其他…325件(其中无照经营210件),占举报量的9%: a count in the brackets after a figure is inside it
            f.whole_id = items[-1].qty.id
            continue
        if isinstance(f, Quantity) and f.unit not in _NOT_ADDITIVE and f.label and items \
                and items[-1].qty is not None and _sub_count(text, items[-1], f):
            f.whole_id = items[-1].qty.id  # 涉水类873件,其中…停水诉求815件;涉电类…: inside the part, not beside it
            items[-1].end = f.nspan[1]
            continue
        if isinstance(f, Quantity) and items and items[-1].qty is None and items[-1].share is not None \
                and text[items[-1].end:f.nspan[0]] in ("(", "（") and f.unit not in _NOT_ADDITIVE:
            # 咨询类占43.2%(454786件): the count in brackets after a category's share is its count
            items[-1].qty = f
            items[-1].end = f.nspan[1] + 1
            continue
        if isinstance(f, Quantity) and f.unit not in _NOT_ADDITIVE and f.label:
            each = _each_names(ctx, f)
            start = each[1] if each else f.nspan[0]
            items.append(_Item(f, None, start, f.nspan[1], f.label, each=each[0] if each else []))
        elif isinstance(f, Percent) and items and items[-1].share is None and items[-1].qty is not None \
                and text[items[-1].end:f.nspan[0]] in ("(", "（") and text[f.nspan[1]:f.nspan[1] + 1] in (")", "）"):
            # 咨询类8761件(46.2%): a percent in brackets right after a count is its share
            items[-1].share = f
            items[-1].end = f.nspan[1] + 1
        elif isinstance(f, Percent) and _is_share(text, f) and f.label and rx(r"[(（]\d").match(text, f.nspan[1]):
            items.append(_Item(None, f, f.nspan[0], f.nspan[1], f.label))  # its count follows in brackets
        elif isinstance(f, Percent) and _is_share(text, f):
            last = items[-1] if items else None
            between = text[last.end:f.nspan[0]] if last else ""
            # …325件(其中无照经营210件),占举报量的9%: an aside in brackets stands between a count and its share
            between = rx(r"^[(（][^()（）\n]{1,40}[)）]").sub("", between)
            short = len(between) <= 12 or bool(SHARE_WORDS.search(between) and not rx(r"\d").search(between))
            if _SHARE_LIST.search(between):
                continue  # 分别占…的a%和b%: shares of the whole list, attached by _attach_share_lists
            # The share belongs to the figure before only when it names no category of its own
            # (…1000件,电话渠道占总量的70.0% is 电话渠道's share, not the last part's).
            if last is not None and last.share is None and not rx(r"[。\n]").search(between) and short \
                    and not _FRAMED.search(between) and (_bare_share(text, f) or f.label == last.label):
                last.share = f
                last.end = f.nspan[1]
            elif f.label and (_bare_share(text, f) or _heads_elided_shares(text, f, facts)):
                items.append(_Item(None, f, f.nspan[0], f.nspan[1], f.label))
        elif isinstance(f, Change) and items and not rx(r"[。;\n]").search(text[items[-1].end:f.nspan[0]]):
            # (not across a semicolon: …;大湾区旅客增加1.9倍至70.9万人次 is the next figure's change)
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


_INDEX = lexicon.alternation("index_word")


def index_like(text: str, it: _Item) -> bool:
    """雁汀县(综合指数3.52): an index or a score, which ranks but never adds up."""
    f = it.qty
    return f is not None and f.unit is None and (
        rx(_INDEX).search(f.label or "") is not None
        or rx(rf"(?:{_INDEX})(?:{_OPENS}|:)?$").search(text, max(0, f.nspan[0] - 8), f.nspan[0]) is not None)


def _sub_count(text: str, whole: _Item, f: Quantity) -> bool:
    """f is the one figure of a 其中 inside whole's clause chain, and the list goes on after it."""
    gap = text[whole.end:f.nspan[0]]
    if "其中" not in gap or rx(r"[。;\n]").search(gap) or rx(r"\d").search(gap):
        return False
    after = text[f.nspan[1]:f.nspan[1] + 1]
    return after in (";", "；", "。") and whole.qty is not None and whole.qty.unit == f.unit


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
    if sum((p.value for p in parts if p.value is not None), Decimal(0)) == total.value:
        # The parts make up the whole: the rate is measured some other way (满意率 counts 基本满意
        # too), so it is no share, and every part stays.
        for p in misfits:
            p.share, p.rate = None, False
        return parts
    best: tuple[int, list[_Item]] | None = None
    # Keeping every part comes first: a drop must make the rest add up better than they all do
    # (满意4386件、基本满意512件、不满意238件 of 5120件, 满意率95.7%: the slip is 238, not 满意).
    for drop in [[], *[[m] for m in misfits], misfits]:
        rest = [p for p in parts if p not in drop]
        acc = sum((p.value for p in rest if p.value is not None), Decimal(0))
        biggest = max((p.value for p in rest if p.value is not None), default=Decimal(0))
        rank = 0 if acc == total.value else 1 if _near(acc, total.value, biggest) else 2
        if not drop and rank == 2:
            rank = 3  # keeping all is chosen only when it comes near: a stage count (办结…) otherwise goes
        if best is None or rank < best[0]:
            best = (rank, rest)
    if best is not None and best[1] == parts:
        for p in misfits:
            p.share, p.rate = None, False  # the rate is no share of this whole
    return best[1] if best is not None else parts


# Verbs of dealing with what was taken in (办结, 答复, 处置): a count named by one alone is how
# much of a figure was dealt with, a stage of it.
HANDLED = frozenset(lexicon.get("intake_verb").having(kind="handle"))


def stage_of(text: str, a: _Item, b: _Item) -> bool:
    """b is a stage of a, not a part beside it: b is named by a verb of dealing alone, in a's own
    clause, and a is not (行政化服务类事项20549件,办结14937件;社会化服务类事项19861件,办结19844件:
    each category with what of it was dealt with; 转办2274件,办结1715件;直办6673件 alike)."""
    if a.qty is None or b.qty is None or (b.share is not None and not b.rate):
        return False
    if b.label not in HANDLED or a.label in HANDLED or not a.label:
        return False
    gap = text[a.end:b.start]
    return not rx(r"[;。\n:]").search(gap) and gap.rstrip().endswith(b.label) and a.qty.unit == b.qty.unit


def own_figures(text: str, run: list[_Item]) -> list[_Item]:
    """The run without the figures that are a part's own: its stages, and what is left of it after
    them (其他类诉求受理1196件,办结56件,其余为超出受理范围诉求工单: the 其余 is the rest of 1196)."""
    out: list[_Item] = []
    staged: _Item | None = None
    for it in run:
        if out and stage_of(text, out[-1], it):
            staged = it
            continue
        if staged is not None and not rx(r"[;。\n]").search(text, staged.end, it.start) \
                and _rest(text[max(last_before(text, ",、", it.start), staged.end) + 1:it.start]):
            continue  # (the clause opens with the word, the name may leave it out: 其余为正在办理的信件40件)
        staged = None
        out.append(it)
    return out


def _rest(label: str | None) -> bool:
    toks = lexicon.scan(label or "")
    return bool(toks) and toks[0].start == 0 and "remainder" in toks[0].classes


def _compared_with(text: str, f: Quantity) -> bool:
    """The figure's clause opens with a comparator (较, 比; adverbs before it): it is what another
    figure is compared with."""
    a = last_before(text, ",;。:\n", f.nspan[0]) + 1
    for t in lexicon.scan(text, a, f.nspan[0]):
        if t.start != a and text[a:t.start].strip():
            return False
        if "comparator" in t.classes and lexicon.meaning("comparator", t.text).get("free"):
            return True  # (较, 比: not 和 or 同, which open names too: 和平区, 同安区)
        if "adverb" not in t.classes:
            return False
        a = t.end
    return False


def _rate_owner(text: str, items: list[_Item], f: Percent) -> _Item | None:
    owner = _named_owner(text, items, f)
    stem = (f.label or "")[:-1]
    if owner is not None and any(t.is_("manner") and t.text not in (owner.label or "") for t in tokens(stem)):
        return None  # 按期办结率 of 办结: the on-time ones only, not the share of all 办结
    return owner


def _named_owner(text: str, items: list[_Item], f: Percent) -> _Item | None:
    stem = (f.label or "")[:-1]
    recent: list[_Item] = []
    for it in reversed(items[-4:]):
        if rx(r"[。\n]").search(text[it.end:f.nspan[0]]) or it.qty is None:
            break
        recent.append(it)
    for it in recent:
        if it.share is None and it.label and len(it.label) >= 2 and stem.endswith(it.label):
            return it  # 办结…办结率 (the name itself first: 满意率 is 满意's, not 不满意's)
    last = recent[0] if recent else None
    if last is not None and last.share is None and last.label and len(stem) >= 2 and last.label.endswith(stem) \
            and not last.label.endswith("不" + stem) and not rx(r"\d").search(text[last.end:f.nspan[0]]):
        return last  # 平台直接答复7.25万件,直接答复率…: a shorter name only right after its figure
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
    scale = next((Decimal(n) for w, n in _BIG_UNITS if w in q.span.text), Decimal(1))
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
_NOT_ADDITIVE = frozenset(lexicon.get("unit").having(adds=False)) | frozenset(lexicon.words("ratio_unit"))


def unit_key(u: str | None) -> str | None:
    """Units that count the same thing: people are 人, 名 or 位 (1260人,其中…186名)."""
    return lexicon.meaning("unit", u).get("counts_as", u) if u is not None else None


def _same_unit(a: _Item, b: _Item) -> bool:
    if a.qty is None or b.qty is None:
        return a.qty is None and b.qty is None
    ua, ub = unit_key(a.qty.unit), unit_key(b.qty.unit)
    # A bare number in a list of counts (公共服务类374,占比5.0%) takes the list's unit.
    return ua == ub or ua is None or ub is None


# Units that measure rather than count: money, weight, area, volume, energy, people.
MEASURES = frozenset(w for w, m in lexicon.get("unit").meanings.items()
                      if m.get("group") in ("money", "measure") or m.get("people"))


def _counts_alike(a: _Item, b: _Item) -> bool:
    """Counts of things of different kinds (23件 工单, 41封 信件) still add up to a number of items."""
    ua = unit_key(a.qty.unit) if a.qty else None
    ub = unit_key(b.qty.unit) if b.qty else None
    return ua not in MEASURES and ub not in MEASURES


def _share_fits(part: Decimal, total: Decimal, share: Decimal, decimals: int) -> bool:
    if total <= 0:
        return False
    pct = part / total * 100
    unit = Decimal(10) ** -decimals
    return share - unit / 2 - Decimal("0.05") <= pct < share + unit + Decimal("0.05")


# 其他…325件(其中无照经营210件): the words that open an aside on the figure before.
_ASIDE_CUE = regex.compile(rf"{lexicon.alternation_where('list_cue', kind='subset')}"
                           rf"|{lexicon.alternation_where('list_cue', kind='include')}")
# 亿 before 万: the largest big unit written (numeral.json, 万 and 亿 in both scripts) sets the last place.
_BIG_UNITS = sorted(((w, m["big"]) for w, m in lexicon.get("numeral").meanings.items() if "big" in m), key=lambda x: -x[1])

# 分别占…的a%和b%, 所占比重分别为…, 占比依次是…: the shares of a list, taken in order.
_EACH = lexicon.alternation_where("list_cue", kind="respectively")
# 比重, 比例: a share noun that needs its 占 before it.
_SHARE_NOUN = "|".join(regex.escape(w) for w in lexicon.get("share").having(kind="noun")
                       if w in lexicon.words("ratio_word") and not lexicon.meaning("share", w).get("table"))
# (三次产业对GDP增长的贡献率分别为…: each part's share of the growth)
_SHARE_LIST = regex.compile(rf"(?:{_EACH})(?:{_SHARE_VERB})(?:[^,;。\d]{{0,12}}?(?:{_OF}))?(?:{_SHARE_NOUN})?(?:{_OPENS})?"
                            rf"|(?:(?:{_SHARE_VERB})[^,;。\d]{{0,12}}?(?:{_OF})?(?:{_SHARE_NOUN})|{_SELF_SHARE}"
                            rf"|{lexicon.alternation_without('contribution', verb=True)})(?:{_EACH})(?:{_OPENS})")
