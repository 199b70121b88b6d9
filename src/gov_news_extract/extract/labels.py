"""What each number measures: its `label`, the shortest natural phrase the text uses.

The label of a number is the noun phrase that stands before it in its clause,
stripped of what is not the metric: time words (上半年, 11月份), the subject and
verb of the sentence (12345热线共受理 …), copulas and adverbs (为, 达, 共计, 分别).
A figure whose clause names nothing of its own (占比61.3%, 环比下降6.6%, 日均230个)
measures what the figure before it in the sentence measures.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import cache, cached_property
from itertools import pairwise
from typing import Any

import regex

from ..context import Context
from ..models import Change, Percent, Quantity, Span
from ..numbers.numeral import parse_number
from ..text import lexicon as lx
from ..text.clauses import last_before
from ..text.rx import rx
from ..text.tokens import Tok, tokens
from . import naming

Numeric = Quantity | Percent | Change

_MAX_LABEL = 18
_MARKER_CHARS = "▶►■□●◆◇★▲▸•"
_OF = next(w for w in lx.get("particle").having(of=True))  # 的
# The marks that join the names of a list, all of them (、 和 及 与: not 或), one character each.
_AND_MARKS = "".join(w for w in lx.get("separator").having(joins="and") if len(w) == 1)


class _Patterns:
    """The label passes' patterns, built once from the word classes (the structure is here, the
    words in data/lexicon)."""

    @cached_property
    def days_then_verb(self) -> regex.Pattern[str]:
        """工作日5天受理: a part of the period, its days, then the verb (the part is what is counted)."""
        return regex.compile(rf"(?:^|(?<=[,;。:\n]))(?P<part>\p{{Han}}{{2,4}}?)\d{{1,3}}(?:{_having('unit', day=True)})"
                             rf"(?:{_having('total', kind='marker')})?(?:{_lead_verbs()})$")

    @cached_property
    def pull(self) -> regex.Pattern[str]:
        """拉动经济增长: a contribution named by its verb."""
        return regex.compile(rf"((?:{_having('contribution', verb=True)})\p{{Han}}{{1,6}}?)$")

    @cached_property
    def share_words(self) -> regex.Pattern[str]:
        """The words that make a percent a share of something (占比, 占总量的, 比重为)."""
        nouns = "|".join(regex.escape(w) for w in lx.get("share").having(kind="noun")
                         if not lx.meaning("share", w).get("table_only"))
        verbs = _having("share", kind="verb")
        return regex.compile(rf"(?:{nouns}|(?:{verbs})[^,;。]{{0,14}}?{_OF}?(?:{nouns})?)"
                             rf"(?:{lx.alternation('copula')}|{_having('bound', bound='approx', place='before')})?$")

    @cached_property
    def ranked_tail(self) -> regex.Pattern[str]:
        """居首位, 次之, 位居第2 (位): a clause that ranks the one before it."""
        first = "|".join(regex.escape(w) for w in lx.get("rank_word").words
                         if lx.meaning("rank_word", w).get("kind") in ("first", "next") and len(w) > 1
                         and not lx.meaning("rank_word", w).get("trail"))
        pos = _having("rank_word", kind="position")
        return regex.compile(rf"(?:{first}|(?:{pos})(?:\d{{1,2}}|[{_numeral_chars()}]{{1,3}})(?:{_rank_units()})?)[,，]?$")

    @cached_property
    def target(self) -> regex.Pattern[str]:
        return regex.compile(rf"(?:{lx.alternation('plan_word')})$")

    @cached_property
    def those_with(self) -> regex.Pattern[str]:
        """进入第一方阵的有145个城市: the category named before 的有."""
        return regex.compile(rf"\p{{Han}}{_OF}(?:{_having('have_verb')})$")

    @cached_property
    def basis_only(self) -> regex.Pattern[str]:
        """较上年同期的, 比10月份的, 较二季度: a comparison base, no name of its own."""
        return regex.compile(rf"(?:{_having('comparator', role='open')})(?:{lx.alternation('prior_period')}|"
                             rf"{lx.alternation('time_word')}|\d{{1,4}}(?:{lx.alternation('date_part')}))+{_OF}?")

    @cached_property
    def most(self) -> str:
        return _having("rank_word", trail=True) + "|" + _having("rank_word", kind="first")

    @cached_property
    def day_then_most(self) -> regex.Pattern[str]:
        """其中11月4日受理量最多: the day first, then the metric that peaked on it."""
        return regex.compile(rf"\d{{1,2}}(?:{_day_parts()})(?P<metric>\p{{Han}}{{2,8}}?)(?:{self.most})[,，]?$")

    @cached_property
    def top_named(self) -> regex.Pattern[str]:
        """按时办结率最高的是东坪县: the figure is the one named as the highest (or lowest)."""
        ends = _having("rank_word", kind="first") + "|" + _having("rank_word", kind="last")
        return regex.compile(rf"(?:{ends}){_OF}?(?:{_having('copula', opens=True)})(?P<name>\p{{Han}}[\p{{Han}}()（）]{{1,14}})[,，]?$")

    @cached_property
    def peak_on(self) -> regex.Pattern[str]:
        """单日受理量最高的是6月17日: the peak of the metric named before, on that day."""
        return regex.compile(rf"(?:{self.most}){_OF}?(?:{_having('copula', opens=True)}|{_having('particle', trail=True)})"
                             rf"[^,;。]{{1,14}}?(?:{_day_parts()})[,，]?$")

    @cached_property
    def names_listed(self) -> regex.Pattern[str]:
        """分别为, 依次是: a list of names follows."""
        words = [w for w in lx.get("list_cue").words if lx.meaning("list_cue", w).get("kind") == "respectively"
                 and w[-1:] in lx.get("copula").words]
        # (…集中的事项还有学校管理、房屋管理和社会保障,受理量分别为…: a verb of having lists them too)
        words += lx.get("have_verb").words
        return regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in sorted(words, key=len, reverse=True))})[:]?")

    @cached_property
    def list_split(self) -> regex.Pattern[str]:
        # (not the 及 of 60岁及以上: a bound after a figure, no mark between two names)
        return regex.compile(rf"(?:{_having('separator', kind='list')})(?!{_having('bound', place='after')})")

    @cached_property
    def ordinal_list(self) -> regex.Pattern[str]:
        """第一、二、三产业: one ordinal word, then more numerals, then the head written once."""
        n = _numeral_chars()
        sep = _having("separator", kind="list")
        return regex.compile(rf"(?:{regex.escape(_first_ordinal())})?([{n}])((?:(?:{sep})[{n}])+)(\p{{Han}}{{1,6}}?)(?:{_OF}|$)")

    @cached_property
    def counted_head(self) -> regex.Pattern[str]:
        """丙三条线路: a name, then the count of the list's names with its measure word and head."""
        return regex.compile(rf"(.+?)([{_numeral_chars()}]+)(?:{_having('unit', classifier=True)})\p{{Han}}*$")

    @cached_property
    def alias(self) -> regex.Pattern[str]:
        """(森林覆盖率) right before the number, or before its copula (…比重(常住人口城镇化率)为65.94%): a
        short name in brackets."""
        return regex.compile(rf"\p{{Han}}[(（](\p{{Han}}{{2,10}})[)）](?:{lx.alternation('copula')})?\s*$")

    @cached_property
    def share_of(self) -> regex.Pattern[str]:
        """占规模以上工业的比重: the names of a list end at the share verb."""
        return regex.compile(rf"(?:{_having('share', kind='verb')})[^,;。\d]{{1,14}}?{_OF}?(?:{_having('share', kind='noun')})?$")

    @cached_property
    def kind_head(self) -> regex.Pattern[str]:
        return regex.compile(rf"^.(?:{lx.alternation('kind_head')})")

    @cached_property
    def respectively(self) -> regex.Pattern[str]:
        """分别为 / 依次增长 / 分别比上年增长 / 分别占: where the values of a list of names begin."""
        cue = _having("list_cue", kind="respectively")
        return regex.compile(
            rf"(?:{cue})(?:{lx.alternation('copula')}|{lx.alternation('direction')}|(?:{_having('comparator', role='open')})"
            rf"[^,;。]{{1,10}}?(?:{lx.alternation('direction')})|(?:{_having('share', kind='verb')})[^,;。\d]{{0,12}})?")


_P = _Patterns()


def _having(name: str, **want: object) -> str:
    wc = lx.get(name)
    return "|".join(regex.escape(w) for w in wc.words if all(wc.meanings[w].get(k) == v for k, v in want.items()))


@cache
def _lead_verbs() -> str:
    return "|".join(regex.escape(w) for c in ("intake_verb", "result_verb") for w in lx.get(c).words
                    if lx.meaning(c, w).get("lead"))


@cache
def _numeral_chars() -> str:
    return "".join(w for w, m in lx.get("numeral").meanings.items() if "digit" in m or "small" in m)


@cache
def _rank_units() -> str:
    return _having("unit", rank=True)


@cache
def _day_parts() -> str:
    return "|".join(regex.escape(w) for w in lx.get("date_part").words if len(w) == 1)


@cache
def _first_ordinal() -> str:
    return next(w for w, m in lx.get("ordinal").meanings.items() if m.get("always") and len(w) == 1)


@cache
def qualifier_words() -> tuple[str, ...]:
    """The qualifiers a figure may carry (日均, 累计, 峰值, 最高), longest first."""
    words = list(lx.get("average").words) + [w for w in lx.get("total").words if lx.meaning("total", w).get("kind") != "noun"]
    words += [w for w in lx.get("rank_word").words if lx.meaning("rank_word", w).get("kind") in ("peak", "last")
              or lx.meaning("rank_word", w).get("trail")]
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _is_qualifier(name: str) -> bool:
    return name in qualifier_words()


# The words that make a percent a share of something; shared with the composite passes.
SHARE_WORDS = _P.share_words
AVERAGES = tuple(lx.get("average").words)


def _clause_start(text: str, pos: int, ends: frozenset[int] = frozenset()) -> int:
    """Start of the clause holding pos. A 、 ends a clause only where a figure ends right
    before it (…275360件、微信受理渠道…); elsewhere it joins names (电力、热力、燃气…)."""
    a = max(last_before(text, ",;。:\n", pos) + 1, pos - 60)
    k = text.rfind("、", a, pos)
    while k >= 0:
        if k in ends or (k - 1 in ends and text[k - 1] in ")）"):
            return k + 1
        k = text.rfind("、", a, k)
    return a


def _sentence_start(text: str, pos: int) -> int:
    return last_before(text, "。\n!?", pos) + 1


def clean(region: str) -> str:
    """Reduce the words before a number to the name of what it measures (see `naming.py`)."""
    s = naming.name_of(region)
    if len(s) > _MAX_LABEL:
        s = _tail_words(s, _MAX_LABEL)
    return s


_FIGURE_LINE = regex.compile(r"[\d.,]+\s*(?:%|‰|\p{Han}{1,3})?")


def _captions_below(text: str, line_start: int) -> bool:
    """Does the block of short lines around line_start put each caption under its figure?

    Only when the block (less a section marker line opening it) alternates figure, caption,
    figure, caption … and so starts with a figure and ends with a caption (▶ 数读热线 / 51.6% /
    直接答复率 / 99.2% / 转派工单办结率); a block that starts with a caption (全市异地就医直接结算 /
    28.46万人次 / …) has its captions above."""
    a = line_start
    while a > 1 and text[a - 1] == "\n" and text[a - 2] != "\n":
        a = text.rfind("\n", 0, a - 1) + 1
    b = text.find("\n\n", line_start)
    block = [ln.strip(" *") for ln in text[a:b if b >= 0 else len(text)].strip("\n").split("\n")]
    if block and block[0][:1] in _MARKER_CHARS:
        block = block[1:]
    if len(block) < 2 or len(block) % 2:
        return False
    return all(bool(_FIGURE_LINE.fullmatch(ln)) == (k % 2 == 0) and (k % 2 == 0 or not rx(r"\d").search(ln))
               for k, ln in enumerate(block))


def _surface_of(ctx: Context, start: int, name: str) -> tuple[str, Span | None]:
    """The page's own writing of a label found at or after normalised offset start.

    A label is usually a contiguous stretch; when cleaning dropped a piece from its
    middle (最终消费支出[对经济增长的]贡献率) its characters are matched in order and
    taken one by one from the original, so the label keeps the page's script.
    """
    text = ctx.norm.text
    if text.startswith(name, start):
        return ctx.norm.surface(start, start + len(name)), ctx.norm.span(start, start + len(name))
    k = text.find(name, start)
    if k >= 0:
        return ctx.norm.surface(k, k + len(name)), ctx.norm.span(k, k + len(name))
    out, pos, first = [], start, -1
    for ch in name:
        j = text.find(ch, pos, pos + 40)  # a dropped piece is short; never a stray match pages away
        if j < 0:
            return name, None
        first = j if first < 0 else first
        out.append(ctx.norm.surface(j, j + 1))
        pos = j + 1
    return "".join(out), ctx.norm.span(first, pos)


def _tail_words(s: str, limit: int) -> str:
    """The last whole words of s that fit in limit characters (word boundaries from the segmenter)."""
    from ..text import segment

    words = segment.cut(s)
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    # a tail cut inside a list (劳动维权、各类社会保险…) starts after the mark, never at it
    return out.lstrip("、,，;；:： ") or s[-limit:]


def parse_count(s: str) -> int | None:
    try:
        return int(parse_number(s).value)
    except ValueError:
        return None


def _is_rate_name(name: str) -> bool:
    """增速, 比重: the name of a rate of another figure, whose name goes in front."""
    toks = tokens(name)
    return len(toks) == 1 and (toks[0].is_("rate_word") or (
        toks[0].means("share", kind="noun") and not lx.meaning("share", toks[0].text).get("table_only")))


def _ends_with_most(clause: str) -> bool:
    """城乡建设类最多, / 咨询类占比最高,: the clause before names the first of a ranking."""
    toks = [t for t in tokens(clause) if t.kind != "punct"]
    return bool(toks) and (toks[-1].means("rank_word", kind="first"))


def qualifier_of(region: str) -> str | None:
    """The first qualifier word of the region, longest first, read as a word of the lexicon: 共 inside
    公共服务类 is no qualifier (the longer word 公共 holds it)."""
    found = [q for q in qualifier_words() if q in region]
    if not found:
        return None  # (most regions hold none: the tokens are cut only for those that may)
    words = lx.words_read(region)  # (共有 reads 共 too: 全县共有136名)
    return next((q for q in found if q in words), None)


def attach(ctx: Context, facts: Sequence[Numeric]) -> None:
    text = ctx.norm.text
    prev: Numeric | None = None
    whole: Quantity | None = None  # the last figure of the sentence that is not an average
    prev_sentence = -1
    aside: Numeric | None = None  # the last figure written in brackets after a noun
    ends = frozenset(f.nspan[1] for f in facts)
    sorted_ends = sorted(ends)
    facts_by_end = {f.nspan[1]: f for f in facts}
    head: Numeric | None = None  # the figure a 其中 list divides, in this sentence
    compared: dict[int, Numeric] = {}  # a figure named after a comparator → the figure compared with it
    run_len = 0  # how many named parts that list has had, joined by 、
    last_part: Numeric | None = None
    for f in facts:
        if f.label is not None:
            continue  # labelled already (a table cell by its column)
        s = f.nspan[0]
        sent = _sentence_start(text, s)
        if sent != prev_sentence and not (prev is not None and s - prev.nspan[1] <= 12
                                          and isinstance(f, Change)):
            # A change on the next short line still modifies the figure above it (infographics).
            prev = None
            whole = None
            head, run_len, last_part = None, 0, None
        prev_sentence = sent
        if prev is not None and isinstance(f, Quantity):
            between = text[prev.nspan[1]:s]
            if naming.opens_subset(between) or (between.lstrip()[:1] in "(（" and clean(between.lstrip()[1:])):
                # 500件(线上320件…) / …,其中咨询120件: a list of the figure's parts begins; after a
                # closed bracket, 其中 divides the figure before the bracket
                head, run_len, last_part = _outer_figure(text, facts_by_end, prev, s) or prev, 1, f
            elif head is not None and between[:1] in _LIST_JOINS and clean(between[1:]):
                run_len, last_part = run_len + 1, f
        cstart = _clause_start(text, s, ends)
        # The region never reaches back over another figure (…4.6%、7.7%和8.7%).
        k = bisect.bisect_right(sorted_ends, s) - 1
        while k >= 0 and sorted_ends[k] == f.nspan[1]:
            k -= 1
        if k >= 0 and sorted_ends[k] >= cstart:
            cstart = sorted_ends[k]
            while cstart < s and (text[cstart] in _AND_MARKS or text[cstart] in ")）"):
                cstart += 1
        region = _without_furniture(ctx, cstart, s)
        if aside is not None and aside.nspan[1] < s and text[aside.nspan[1]] in ")）" \
                and rx(rf"[)）](?:{_OF})?").fullmatch(text, aside.nspan[1], s):
            # 完成年度目标任务(5万人)的84.7%: read as if the figure in brackets were not there.
            a0 = aside.nspan[0] - 1
            cstart = _clause_start(text, a0, ends)
            region = text[cstart:a0]
        if prev is not None and cstart <= prev.nspan[1] <= s and prev.label:
            rest = text[prev.nspan[1]:s]
            if not clean(rest.lstrip(" (（")):
                # 40500万吨(4050亿公斤), 78655元(按…折算为11162美元): the same figure restated; a
                # bracket that names its figure holds a part (500件(线上320件…). (A change right after
                # the figure compared with, 比去年春节假期的365.18万人次增长13.0%, is the subject's.)
                src = compared.get(id(prev), prev) if isinstance(f, Change) else prev
                f.label, f.label_span = src.label or prev.label, src.label_span if src.label else prev.label_span
                prev = f
                continue
        f.qualifier = f.qualifier or qualifier_of(region)
        share = SHARE_WORDS.search(region)
        label_region = region[: share.start()] if share else region
        alias = _P.alias.search(region)
        if alias is not None and naming.is_metric(alias.group(1)) and not naming.opens_aside(alias.group(1)):
            # 森林覆盖面积占国土面积比重(森林覆盖率)58.2%: the short name in brackets is the figure's
            label_region, cstart = alias.group(1), cstart + alias.start(1)
        line_start = text.rfind("\n", 0, s) + 1
        period = naming.period_colon(text[line_start:s].strip()) if not region.strip(" :：") else None
        if period is not None:
            # 一季度:96.42% (the quarter is a date fact, so the region is only the colon)
            cstart = text.index(period, line_start)
            label_region = text[cstart:s].rstrip()
        name = clean(label_region)
        topic = _topic_before(text, cstart, sent) if name and prev is None and naming.is_aggregate(name) else None
        if topic is not None:
            # 金融业活力凸显,前三季度增加值实现200.8亿元: the clause before names whose aggregate it is
            name = topic + name
            label_region, cstart = name, cstart
        if _is_qualifier(name) or _P.basis_only.fullmatch(name):
            name = ""  # 较10月份的22908件: last period's figure of the metric named before
        inner = _named_inside(text, f) if not name else None
        if inner is not None:
            lstart_inner, name = inner  # 较上月[办件]增加263件: named between its basis and its verb
            label_region, cstart = name, lstart_inner
        if not name and prev is None and isinstance(f, Change):
            moved = _subject_that_moves(text, cstart, sent)
            if moved is not None:
                # 交通事故死亡人数大幅下降,同比下降18.5%: the clause before says what changed
                label_region, cstart, name = moved[1], moved[0], moved[1]
        span_of_days = _P.days_then_verb.search(text, max(0, s - 16), s)
        if span_of_days is not None and naming.verb_only(name):
            # 工作日5天受理16825件;周末2天受理4921件: the part of the period is what is counted
            name = span_of_days.group("part")
            label_region, cstart = name, span_of_days.start("part")
        lstart = cstart + label_region.rfind(name) if name else -1
        # 进入第一方阵的有145个城市: what is counted (城市) is the same for every item; the category
        # is named before 的有.
        those = bool(name) and _P.those_with.search(label_region) is not None
        if those and "、" in name:
            # …145个城市、第二方阵的有122个: the word before 、 is the previous figure's noun.
            name = name.rsplit("、", 1)[1]
            lstart = cstart + label_region.rfind(name)
        after = _noun_after(text, f) if not those else None
        if after is not None:
            lstart, name = after[0], text[after[0]:after[1]]
        elif not name or naming.is_have(label_region):
            state = _state_after(text, f)
            if state is not None:
                lstart, name = state[0], text[state[0]:state[1]]
        pull = _P.pull.search(label_region) if isinstance(f, Change) else None
        grows = tokens(text, f.nspan[0], min(len(text), f.nspan[0] + 4))
        if pull and grows and grows[0].means("direction", dir="up") and len(grows[0].text) > 1:
            # 拉动经济增长0.2个百分点: the metric is the whole 拉动…增长.
            lstart, name = cstart + pull.start(1), pull.group(1) + grows[0].text
            f.label = name
            f.label_span = ctx.norm.span(lstart, lstart + len(name))
            prev = f
            continue
        if _is_rate_name(name) and prev is not None and prev.label:
            f.label = prev.label + name
            f.label_span = ctx.norm.span(lstart, lstart + len(name)) if lstart >= 0 else None
            prev = f
            continue
        before_clause = text[_clause_start(text, cstart - 1):cstart] if cstart > 0 else ""
        ranked = _P.ranked_tail.search(before_clause) if before_clause else None
        if not name and before_clause and not rx(r"\d").search(before_clause) and (
                share or ranked or (prev is None and _ends_with_most(before_clause))
                or naming.only_totals(label_region)):
            # 城市建设类,占27.21%: the share's category is the clause before; so is the one ranked
            # there (城乡建设类居首位,共18862件; 劳动和社会保障类次之,计12437件).
            pstart = _clause_start(text, cstart - 1) if cstart > 0 else 0
            pend = cstart - len(before_clause) + ranked.start() if ranked else cstart - 1
            pname = clean(text[pstart:pend]) if cstart > 0 else ""
            if pname and not rx(r"\d").search(pname):
                lstart = pstart + text[pstart:pend].rfind(pname)
                name = pname
        if not name and not text[text.rfind("\n", 0, s) + 1:s].strip(" *"):
            # An infographic figure alone on its line takes the caption line above it
            # (全市异地就医直接结算 / **28.46**万人次), or below it when what is above is a section's
            # marker or another figure (▶ 数读热线 / **51.6%** / 直接答复率).
            ls = text.rfind("\n", 0, s)
            ps = text.rfind("\n", 0, max(0, ls)) + 1
            above = text[ps:ls].strip(" *") if ls > 0 else ""
            le = text.find("\n", f.nspan[1])
            below_end = text.find("\n", le + 1) if le >= 0 else -1
            below = text[le + 1:below_end if below_end >= 0 else len(text)].strip(" *") if le >= 0 else ""
            if not text[f.nspan[1]:le if le >= 0 else len(text)].strip(" *") and below \
                    and _captions_below(text, ls + 1) \
                    and len(below) <= 16 and not rx(r"[\d,;。:：]").search(below):
                cap = clean(below)
                if cap:
                    lstart, name = le + 1 + text[le + 1:].find(cap), cap
            elif above and len(above) <= 16 and not rx(r"[\d,;。:]").search(above):
                cap = clean(above)
                if cap:
                    lstart, name = ps + text[ps:ls].find(cap), cap
        if not name and before_clause:
            # 单日受理量最高的是6月17日,达1105件: the peak of the metric named before 最高, on that day.
            peak = _P.peak_on.search(before_clause)
            day_first = _P.day_then_most.search(before_clause) if peak is None else None
            if day_first is not None:
                # 其中11月4日受理量最多,达1026件: the day first, then the metric that peaked on it
                bstart = cstart - len(before_clause)
                pname = clean(day_first.group("metric"))
                if pname and not rx(r"\d").search(pname):
                    lstart, name = bstart + day_first.start("metric"), pname
                    f.qualifier = f.qualifier or "峰值"
            if peak is not None:
                bstart = cstart - len(before_clause)
                pname = clean(before_clause[:peak.start()])
                if pname and not rx(r"\d").search(pname):
                    lstart, name = bstart + before_clause.rfind(pname, 0, peak.start()), pname
                    f.qualifier = f.qualifier or "峰值"
            top = _P.top_named.search(before_clause) if peak is None and day_first is None else None
            if top is not None and not naming.ends_in_time(top.group("name")):
                # 按时办结率最高的是东坪县,达到99.2%: the figure is the one named as the highest
                bstart = cstart - len(before_clause)
                lstart, name = bstart + top.start("name"), top.group("name")
        opened = _compared_name(name) if isinstance(f, Quantity) and whole is not None else None
        if opened is not None and whole is not None:
            # …活动人口数326.3万人,较平日夜间停留人口数261.1万人,多65.2万人: the figure compared with, named
            # after its comparator; what the clause after it says changed is the figure before
            lstart, name = lstart + opened, name[opened:]
            compared[id(f)] = compared.get(id(whole), whole)  # (亦较…: a second comparison of the same figure)
        if name:
            base = lstart if lstart >= cstart or (lstart >= 0 and text.startswith(name, lstart)) else cstart
            f.label, f.label_span = _surface_of(ctx, base if text.startswith(name, base) else cstart, name)
        elif prev is not None and prev.label:
            src = prev
            if isinstance(f, Change) and (subject := compared.get(id(prev))) is not None and subject.label:
                src = subject
            outer = _outer_figure(text, facts_by_end, prev, s)
            if outer is not None and outer.label:
                # 其他类120件(其中噪声扰民70件),占总量的12%: past the bracket the clause goes on about
                # the figure before it
                src = outer
            elif isinstance(f, (Change, Percent)) and head is not None and head.label and run_len >= 2 \
                    and prev is last_part:
                # 受理事项500件…,其中咨询120件、投诉80件、建议5件,较上月下降12%: after a list of its
                # parts, a change goes on about the whole, never its last part
                src = head
            elif isinstance(f, Change) and prev.qualifier in AVERAGES and whole is not None and whole.label \
                    and whole.unit == f.unit:
                # 共受理15386件,日均受理2198件,较上周增加514件: the change is the total's, not the average's.
                src = whole
            elif isinstance(f, Change) and isinstance(prev, Percent) and _P.target.search(prev.label) \
                    and whole is not None and whole.label:
                # 新增就业42365人,完成年度目标的84.7%,比上年同期增加1837人: the change is the figure's.
                src = whole
            f.label = src.label
            f.label_span = src.label_span
        if text[s - 1:s] in ("(", "（") and rx(rf"[)）](?:{_OF})").match(text, f.nspan[1]):
            aside = f  # 年度目标任务(5万人): an aside; what follows goes on about the figure before it
            continue
        # Figures that share a clause-less label pass it on (占比61.3% after 转办工单111523件).
        if isinstance(f, Quantity) and f.qualifier not in AVERAGES:
            whole = f
        prev = f
    _distribute(ctx, facts)
    _ratio_names(ctx, facts)
    _listed_wholes(ctx, facts)


# What ends the noun after a number (350个[地级及以上城市]|赶赴…): a particle, a verb, a change, a
# copula, a time or a way of counting.
_NOUN_ENDS = frozenset({"particle", "have_verb", "within", "modal", "copula", "etc", "basis_word", "calc_basis",
                        "intake_verb", "result_verb", "direction", "action_verb", "adverb", "level_verb", "time_word"})
_NOUN_CLASSES = frozenset({"plain", "facet_word", "generic_noun", "aggregate", "service", "general_kind", "kind_head",
                           "scope", "contribution", "plan_word"})


def _compared_name(name: str) -> int | None:
    """Where the name starts after a comparator that opens it (亦较同年月底户籍人口数: 同年月底…), or None."""
    toks = tokens(name)
    k = 0
    while k < len(toks) and toks[k].is_("adverb"):
        k += 1
    if k < len(toks) - 1 and toks[k].means("comparator", role="open") and toks[k + 1].kind in ("han", "word"):
        return toks[k].end
    return None


def _noun_after(text: str, f: Numeric) -> tuple[int, int] | None:
    """A classifier's noun after the number names what is counted: 350个[地级及以上城市]; so does
    the whole named before 中 (在本月受理的2648件[紧急类诉求]中,)."""
    if not isinstance(f, Quantity) or not f.unit:
        return None
    e = f.nspan[1]
    after = tokens(text, e, min(len(text), e + 16))
    of_before = text[f.nspan[0] - 1:f.nspan[0]] == _OF
    inside = _whole_named(after)
    if inside is not None and (of_before or _in_before(text, f.nspan[0])):
        return e, inside  # 受理的2648件紧急类诉求中 / 在全年41.62万件办件中
    if not lx.meaning("unit", f.unit).get("classifier") and not of_before:
        return None  # 受理的2816件[防汛排涝诉求]: after 的 the figure is a noun's, whatever its unit
    if not after or after[0].is_("separator"):
        return None
    end = e
    for k, t in enumerate(after):
        if t.kind in ("han", "latin") or (t.kind == "word" and not (t.classes & _NOUN_ENDS and not t.is_("plain"))
                                          and not t.is_("total")):
            end = t.end
        elif t.text == "-" and k > 0 and after[k - 1].kind == "latin":
            end = t.end  # TFT-LCD等级偏光板生产线
        elif t.text == "、" and k > 0 and len(after[k - 1].text) == 1:
            end = t.end  # 轻、重工业
        else:
            break
    if end - e > 14:
        end = e + 14
    aside = _NAME_ASIDE.match(text, end)
    if aside is not None and end > e:
        end = aside.end()  # 18个县(市、区): the name's own aside
    elif end - e < 2 and not (end - e == 1 and (end == len(text) or text[end] in _CLAUSE_MARKS)):
        return None  # one character counts as a noun only before a mark: 95个村,
    return e, end


_LIST_JOINS = frozenset("、")


def _outer_figure(text: str, by_end: dict[int, Numeric], prev: Numeric, pos: int) -> Numeric | None:
    """When the words between prev and pos close a bracket opened right after an earlier figure
    (其他类120件(其中噪声扰民70件),…), that earlier figure."""
    between = text[prev.nspan[1]:pos]
    if between.lstrip()[:1] not in ")）":
        return None
    k = max(text.rfind("(", 0, prev.nspan[0]), text.rfind("（", 0, prev.nspan[0]))
    if k < 0 or prev.nspan[0] - k > 40:
        return None
    return by_end.get(k)


_NAME_ASIDE = regex.compile(r"[(（]\p{Han}{1,3}(?:[、,]\p{Han}{1,3}){1,3}[)）]")
_CLAUSE_MARKS = frozenset(",，;；。:：、")


def _state_after(text: str, f: Numeric) -> tuple[int, int] | None:
    """有87件已办结, 其中55件正在推进: after 有, the state that follows the count names it."""
    e = f.nspan[1]
    after = tokens(text, e, min(len(text), e + 12))
    end = e
    for t in after:
        if t.kind in ("han", "word") and not t.is_("particle", "copula"):
            end = t.end
        else:
            break
    if not 2 <= end - e <= 10 or not after or not after[0].is_("modal", "adverb"):
        return None  # a state opens with 已, 正在, 仍, 尚未: 有87件[已办结], 55件[正在推进]
    return e, end


def _whole_named(after: list[Tok]) -> int | None:
    """紧急类诉求中, : a whole named after the number and closed by 中 and a mark; where it ends."""
    for k, t in enumerate(after):
        if t.is_("within") and k > 0 and k + 1 < len(after) and after[k + 1].text in ",:，：":
            start = after[0].start
            return t.start if 2 <= t.start - start <= 12 else None
        if t.kind not in ("han", "word") or (t.kind == "word" and not t.classes <= _NOUN_CLASSES | {"within"}):
            return None
    return None


def _in_before(text: str, pos: int) -> bool:
    """在全年41.62万件办件中: 在 opens the clause a little before the number."""
    a = max(0, pos - 8)
    toks = tokens(text, a, pos)
    for k, t in enumerate(toks):
        if t.means("particle", trail=True) and t.text != _OF and (t.start == 0 or text[t.start - 1] in ",;。:\n"):
            return all(x.kind in ("han", "word", "num") for x in toks[k + 1:])
    return False






def names_in(ctx: Context, start: int, end: int) -> list[tuple[str, int]]:
    """The names listed in text[start:end], each with its offset: A、B和C; 第一、二、三产业 → three names."""
    text = ctx.norm.text
    end = _before_ranked(text, start, end)
    region = text[start:end]
    share_of = _P.share_of.search(region)
    if share_of is not None:
        region = region[:share_of.start()]  # 轻、重工业增加值占规模以上工业的比重: the names end at 占
    m = _P.ordinal_list.search(region)
    if m:
        # 第一、二、三产业: the head noun is written once; each name is its ordinal plus the head,
        # taken from the page so that it keeps the page's script (三産業).
        ords = [m.group(1), *rx(f"[{_numeral_chars()}]").findall(m.group(2))]
        head = ctx.norm.surface(start + m.start(3), start + m.end(3))
        return [(_first_ordinal() + o + head, -1) for o in ords]
    out: list[tuple[str, int]] = []
    pos = start
    pieces = _P.list_split.split(region)
    marked = region.split(_LIST_MARK)
    if len(marked) >= 2:
        # A、B和C: a list marked by 、 joins only its last name with 和/及; one inside an earlier piece
        # belongs to that name (新材料及医药制造、食品制造业、纺织服装产值)
        pieces = marked[:-1] + _P.list_split.split(marked[-1])
    for piece in pieces:
        k = text.find(piece, pos) if piece else -1
        if piece:
            pos = k + len(piece)
            # 门户网站(9.6%): the figure in brackets is the name's share, not part of the name
            piece = rx(r"[(（][^()（）]*\d[^()（）]*[)）]").sub("", piece)
            out.append((piece, k))
    if len(out) >= 2:
        counted = _P.counted_head.match(out[-1][0])
        if counted is not None and parse_count(counted.group(2)) == len(out):
            out[-1] = (counted.group(1), out[-1][1])  # 甲、乙、丙三条线路: the count and head are the list's
    if len(out) == 2 and len(out[0][0]) == 1 and len(out[1][0]) >= 3 \
            and _P.kind_head.match(clean(out[1][0])):
        # 轻、重工业增加值: one character, then the same head written once (轻工业, 重工业增加值)
        out[0] = (out[0][0] + clean(out[1][0])[1:], -1)
    return out


# 、: the mark between the names of a list (and/or 和, 及 before its last name).
_LIST_MARK = next(w for w in lx.get("separator").having(kind="list") if len(w) == 1 and not rx(r"\p{Han}").match(w))

_VERB_CLASSES = frozenset({"report_verb", "intake_verb", "result_verb", "direction", "have_verb", "copula",
                           "action_verb", "level_verb", "modal"})


_ENUM_STOP = frozenset({"etc", "copula", "adverb", "report_verb", "intake_verb", "result_verb", "direction", "have_verb",
                        "modal", "action_verb", "level_verb"})


def _enumeration(ctx: Context, a: int, b: int) -> list[tuple[str, int]]:
    """The names a clause opens with, listed with 、 / 和 / 及 (麦积山、伏羲庙(包括南宅子)、南郭寺、玉泉观
    等…; 秦州、麦积两区仍然是…): the list ends at 等, at a count of its names (两区), or at the
    first verb or adverb; none when the clause holds a figure or a piece is no short name."""
    text = ctx.norm.text
    if rx(r"\d").search(text, a, b):
        return []
    end = b
    for t in tokens(text, a, b):
        if t.classes & _ENUM_STOP or (t.kind == "word" and t.is_("numeral") and t.start > a):
            end = t.start
            break
    names = [(n.strip(), k) for n, k in names_in(ctx, a, end)]
    if len(names) >= 2:
        from ..text import segment

        # …东北地区进步相对较大: the last name ends where the clause's predicate begins
        tagged, pos = segment.get().tag(names[-1][0]), 0
        for i, (word, tag) in enumerate(tagged):
            if i and tag in ("v", "d", "a"):
                names[-1] = (names[-1][0][:pos], names[-1][1])
                break
            pos += len(word)
        # 麦积两区, 甲乙三县: the count of the list's names and their head close the last name
        counted = rx(rf"(.+?)([{_numeral_chars()}]+)个?\p{{Han}}{{1,2}}$").match(names[-1][0])
        if counted is not None and parse_count(counted.group(2)) == len(names):
            names[-1] = (counted.group(1), names[-1][1])
    if len(names) < 2 or any(not 1 <= len(clean(n) or "") <= 10 for n, _ in names):
        return []
    return names


def _comma_names(ctx: Context, cstart: int, end: int, k: int) -> list[tuple[str, int]] | None:
    """采矿业,制造业,电力、热力、燃气及水生产和供应业分别下降…: names listed with commas, the
    last of which may hold 、 of its own. The clauses before the one of 分别 are names when each is
    a bare noun phrase (no figure, no verb, no 从…看) and with the last they make k names."""
    text = ctx.norm.text
    pieces: list[tuple[str, int]] = []
    b = cstart - 1
    while b > 0 and text[b] in ",，" and len(pieces) < k - 1:
        a = last_before(text, ",;。:\n", b) + 1
        piece = text[a:b]
        toks = tokens(text, a, b)
        if not piece or len(piece) > 12 or rx(r"\d").search(piece) or any(t.classes & _VERB_CLASSES for t in toks) \
                or (toks and toks[-1].means("list_cue", kind="facet-end")) or not clean(piece):
            break
        pieces.insert(0, (piece, a))
        b = a - 1
    last = text[cstart:end]
    if not pieces or not clean(last):
        return None
    if len(pieces) + 1 == k:
        return [*pieces, (last, cstart)]
    return None


def _list_before(text: str, facts: Sequence[Numeric], sent: int, cstart: int, k: int) -> list[Numeric]:
    """…分别增长24.7%、17.8%、12.8%,分别高于规上工业15.5个、8.6个和3.6个百分点: the list of k
    figures that ends the clause before, or the k clauses before of one figure each, is what a
    分别 with no names goes on about, changes too."""
    before = [f for f in facts if sent <= f.nspan[0] and f.nspan[1] <= cstart]
    if len(before) < k or text[before[-1].nspan[1]:cstart].strip() not in (",", "，"):
        return []
    run = before[-k:]
    if all(_P.list_split.fullmatch(text[a.nspan[1]:b.nspan[0]]) for a, b in pairwise(run)):
        return run
    # 工业投资增长40.3%,制造业投资增长35.8%,…,分别比1-4月加快9.1个、11.0个…: parallel clauses of
    # one figure each, in one unit
    if len({f.unit for f in run}) == 1 and all(
            text.count(",", a.nspan[1], b.nspan[0]) + text.count("，", a.nspan[1], b.nspan[0]) == 1
            for a, b in pairwise(run)):
        return run
    return []


def _before_ranked(text: str, a: int, b: int) -> int:
    """Where the names of a list end before what they are ranked by (A、B、C诉求量位列前三,分别为…):
    at the measure or the rank verb after the last name, whatever the segmenter makes of it."""
    toks = lx.scan(text, a, b)
    last_sep = max((t.end for t in toks if "separator" in t.classes), default=a)
    cut = next((t.start for t in toks if t.start >= last_sep and t.classes & {"ranked_measure", "rank_verb"}), b)
    return cut if cut > last_sep else b


def _distribute(ctx: Context, facts: Sequence[Numeric]) -> None:
    """`A、B和C分别为X、Y和Z`: each figure of the list measures the name in its place; with no
    names before 分别, the figures listed just before it (A X亿元、B Y亿元,分别增长…) lend theirs."""
    text = ctx.norm.text
    for m in _P.respectively.finditer(text):
        cstart = last_before(text, ",;。:\n", m.start()) + 1
        run: list[Numeric] = []
        pos = m.end()
        for f in facts:
            if f.nspan[1] <= m.end() or f.nspan[0] < cstart:
                continue
            if f.nspan[0] > pos + 12:
                break
            gap = text[pos:f.nspan[0]] if run else ""
            if run and (not (_P.list_split.fullmatch(gap) or gap == ",") or (gap == "," and f.unit != run[0].unit)):
                break  # …21735件,三个区县合计: after a comma only the list's own unit goes on
            run.append(f)
            pos = f.nspan[1]
        if len(run) < 2:
            continue
        names = [(n, k) for n, k in names_in(ctx, cstart, m.start()) if clean(n) or naming.is_month(n.strip())]
        commas = _comma_names(ctx, cstart, m.start(), len(run))
        if commas is not None:
            names = commas
        if (opener := _compared_periods(ctx, cstart, m.start(), len(run))) is not None:
            # 增幅比今年1-3月、1-4月、1-5月分别回落2.3、0.4和2.7个百分点: the periods listed after 比 are
            # what each change is measured against, not names: the clause's subject names them all
            subject = clean(text[cstart:opener])
            for f in run:
                if subject:
                    f.label, f.label_span = _surface_of(ctx, cstart + text[cstart:opener].find(subject), subject)
            continue
        if len(names) != len(run) and cstart > 1:
            # 前三位分别为A、B和C,受理量分别为X、Y和Z: the names are the list of the clause before.
            pstart = last_before(text, ",;。:\n", cstart - 1) + 1
            head = _P.names_listed.search(text, pstart, cstart - 1)
            if head is not None and text[cstart - 1] in ",，":
                listed_names = [(n, k) for n, k in names_in(ctx, head.end(), cstart - 1) if clean(n)]
                if len(listed_names) == len(run) and not any(rx(r"\d").search(n) for n, _ in listed_names):
                    names = listed_names
        if not names and cstart > 1:
            moved = _subject_that_moves(text, cstart, last_before(text, "。\n", cstart) + 1)
            if moved is not None:
                # 服务规范和问题解决指标得分有所提升,分别同比上升3.12分和1.42分: the names of the
                # subject that moved
                names = [(n, k) for n, k in names_in(ctx, moved[0], moved[2]) if clean(n)]
        if not names and cstart > 1 and text[cstart - 1] in ",，":
            # 麦积山、伏羲庙、南郭寺、玉泉观等重点景区游客依然集中,累积分别接待游客…; 秦州、麦积两区仍然
            # 是…主体,分别为…: the names are listed in the clause before
            pstart = max(last_before(text, "。\n", cstart - 1) + 1, last_before(text, ",;:\n", cstart - 1) + 1)
            listed_names = _enumeration(ctx, pstart, cstart - 1)
            if len(listed_names) == len(run):
                names = listed_names
        if len(names) == len(run):
            for f, (n, k) in zip(run, names, strict=True):
                name = clean(n) or n.strip()  # 1月、2月分别受理…: the months name the figures
                if k < 0:
                    f.label, f.label_span = name, None
                else:
                    j = k + n.rfind(name)
                    f.label, f.label_span = _surface_of(ctx, j, name)
            continue
        members = _enumerated_before(ctx, cstart, m.start(), len(run))
        if members is not None:
            # 三次产业贡献率分别为2.3%、64.5%和33.2%: the whole of known parts names them in turn
            for f, name in zip(run, members, strict=True):
                f.label, f.label_span = name, None
            continue
        sent = last_before(text, "。\n", m.start()) + 1
        before: list[Numeric] = [f for f in facts if sent <= f.nspan[0] and f.nspan[1] <= cstart
                                 and not isinstance(f, Change)]
        listed: list[Numeric] = [f for f in before if isinstance(f, Quantity)]
        if len(listed) < len(run) and len(before) >= len(run):
            listed = before  # …分别为68.2%和52.6%,分别比上年末提高0.8个、1.3个百分点
        if not before and not names and sent > 1 and text[sent - 1] == "。":
            # …共发生事故241734起,造成57168人死亡…。与去年同期相比,分别下降15.8%、13%…: a clause
            # that names nothing goes on about the figures of the sentence before
            psent = last_before(text, "。\n", sent - 1) + 1
            listed = [f for f in facts if psent <= f.nspan[0] and f.nspan[1] <= sent and isinstance(f, Quantity)]
            if len(listed) != len(run):
                listed = []
        if not listed and not names:
            listed = _list_before(text, facts, sent, cstart, len(run))
        if len(listed) >= len(run) and (not names or (len(names) == 1 and len(run) > 1)):  # 投资额分别为…: a metric, not names
            for f, src in zip(run, listed[-len(run):], strict=True):
                f.label, f.label_span = src.label, src.label_span


def _compared_periods(ctx: Context, a: int, b: int, n: int) -> int | None:
    """Between a and b (the clause before 分别), a comparator opens a list of n dates or periods:
    where the comparator starts, else None."""
    text = ctx.norm.text
    dates = sorted((f for f in ctx.facts if f.kind in ("date", "period") and a <= f.nspan[0] and f.nspan[1] <= b),
                   key=lambda f: f.nspan)
    if len(dates) != n:
        return None
    opener = [t for t in lx.scan(text, a, dates[0].nspan[0])
              if "comparator" in t.classes and lx.meaning("comparator", t.text).get("role") == "open"]
    if not opener or rx(r"\p{Han}{3,}").search(text, opener[-1].end, dates[0].nspan[0]):
        return None
    gaps = [text[x.nspan[1]:y.nspan[0]] for x, y in pairwise(dates)]
    if all(rx(rf"[,{_AND_MARKS}]?").fullmatch(g) for g in gaps) and not rx(r"\p{Han}{2,}").search(text, dates[-1].nspan[1], b):
        return opener[-1].start
    return None


def _ratio_names(ctx: Context, facts: Sequence[Numeric]) -> None:
    """一、二、三产业比例为6:38:56 / 三次产业结构由上年的14.5:41.2:49.3调整为…: the parts of a ratio
    are named in turn by the list, or by the whole of known parts (三次产业), named before it."""
    text = ctx.norm.text
    run: list[Numeric] = []
    for f in [*facts, None]:
        if f is not None and isinstance(f, Percent) and run and text[run[-1].nspan[1]:f.nspan[0]] in _RATIO_MARKS:
            run.append(f)
            continue
        if len(run) >= 2:
            names = _names_for_ratio(ctx, _sentence_start(text, run[0].nspan[0]), run[0].nspan[0], len(run))
            if names is not None:
                for g, name in zip(run, names, strict=True):
                    g.label, g.label_span = name, None
        run = [f] if f is not None and isinstance(f, Percent) else []


_RATIO_MARKS = frozenset(":∶")


def _listed_wholes(ctx: Context, facts: Sequence[Numeric]) -> None:
    """产业结构由上年的22.26%、28.63%和49.11%调整为…: shares listed after a whole of known parts
    (三次产业, 产业结构), as many as its members, are its members in turn, as a ratio's are."""
    text = ctx.norm.text
    run: list[Numeric] = []
    for f in [*facts, None]:
        if f is not None and isinstance(f, Percent) and run and _P.list_split.fullmatch(text[run[-1].nspan[1]:f.nspan[0]]):
            run.append(f)
            continue
        if len(run) >= 2 and all(not g.label or g.label == run[0].label for g in run):
            start = _sentence_start(text, run[0].nspan[0])
            clause = last_before(text, ",;:\n", run[0].nspan[0]) + 1
            names = _enumerated_before(ctx, max(start, clause), run[0].nspan[0], len(run))
            if names is not None:
                for g, name in zip(run, names, strict=True):
                    g.label, g.label_span = name, None
        run = [f] if f is not None and isinstance(f, Percent) else []


def _names_for_ratio(ctx: Context, start: int, end: int, k: int) -> list[str] | None:
    text = ctx.norm.text
    region = text[start:end]
    listed = [m for m in _P.ordinal_list.finditer(region)]
    if listed:
        m = listed[-1]
        ords = [m.group(1), *rx(f"[{_numeral_chars()}]").findall(m.group(2))]
        head_toks = tokens(text, start + m.start(3), start + m.end(3))
        if len(ords) == k and head_toks:
            # the head is its first word: 产业 of 产业比例为
            head = ctx.norm.surface(head_toks[0].start, head_toks[0].end)
            return [_first_ordinal() + o + head for o in ords]
    wholes = [t for t in tokens(text, start, end) if t.is_("enumerated")]
    for t in reversed(wholes):
        members = [str(x) for x in lx.meaning("enumerated", t.text).get("members") or []]
        if len(members) == k:
            return [_in_page_script(ctx, x) for x in members]
    return None


def _in_page_script(ctx: Context, name: str) -> str:
    """A name from the lexicon written in the page's script (第一产业 → 第一產業 on a traditional page)."""
    if not ctx.norm.traditional:
        return name
    return str(_s2t().convert(name))


@cache
def _s2t() -> Any:
    import opencc  # only for traditional pages; a converter costs 0.1 s to build

    return opencc.OpenCC("s2t")


def _named_inside(text: str, f: Numeric) -> tuple[int, str] | None:
    """较上月办件增加263件, 比上年粮食产量增加3万吨: the words between a change's basis and its
    direction word name what changed."""
    if not isinstance(f, Change) or not f.basis:
        return None
    s, e = f.nspan
    if not text.startswith(f.basis, s):
        return None
    b = s + len(f.basis)
    toks = tokens(text, b, e)
    d = next((t for t in toks if t.is_("direction")), None)
    if d is None or d.start <= b or rx(r"\d").search(text, b, d.start) \
            or any(t.is_("comparator", "particle", "prior_period") for t in toks if t.end <= d.start):
        return None  # 较上期相比, 比上年同期的301562件, 与全国平均水平相比: the basis goes on
    name = clean(text[b:d.start])
    if len(name) < 2:
        return None
    return b + text[b:d.start].rfind(name), name


def _subject_that_moves(text: str, cstart: int, sent: int) -> tuple[int, str, int] | None:
    """The subject of the clause before, when that clause states no figure and ends in a change
    without one (…死亡人数大幅下降,): where it starts, the name, and where the subject ends."""
    if cstart <= sent + 1 or text[cstart - 1] not in ",，":
        return None
    pstart = max(sent, last_before(text, ",;:\n", cstart - 1) + 1)
    toks = [t for t in tokens(text, pstart, cstart - 1) if t.kind != "space"]
    if not toks or rx(r"\d").search(text, pstart, cstart - 1) or not toks[-1].is_("direction") \
            or toks[-1].means("direction", short=True):
        return None
    k = len(toks) - 1
    while k > 0 and toks[k - 1].is_("adverb"):
        k -= 1
    name = clean(text[pstart:toks[k].start])
    if len(name) < 2 or naming.verb_only(name):
        return None
    return pstart + text[pstart:toks[k].start].rfind(name), name, toks[k].start


def _topic_before(text: str, cstart: int, sent: int) -> str | None:
    """The subject of the clause before, when that clause states no figure (金融业活力凸显,): its
    first word, if it is a content word of its own."""
    if cstart <= sent + 1:
        return None
    pstart = max(sent, last_before(text, ",;:\n", cstart - 1) + 1)
    clause = text[pstart:cstart - 1]
    if not 3 <= len(clause) <= 14 or rx(r"\d").search(clause) or text[cstart - 1] not in ",，":
        return None
    if any(t.is_("calc_basis", "time_word", "date_part", "prior_period", "scope", "list_cue", "pointer", "conjunction",
                 "report_verb") for t in tokens(clause)):
        return None  # 初步核算, / 截至目前,: a method or a time, not a subject and its state
    from ..text import segment

    tagged = segment.get().tag(clause)
    if len(tagged) < 2:
        return None
    first, pos = tagged[0]
    if len(first) < 2 or not pos.startswith("n"):
        return None  # the subject is a noun (金融业, 建筑业), never 根据 or 初步
    return first


def _without_furniture(ctx: Context, a: int, b: int) -> str:
    """text[a:b] less the furniture layout found inside lines (a token injected across the page,
    a web button) and the bylines: 全省某某资讯公路里程某某资讯达到1.2万公里 is read as 全省公路里程达到,
    本报讯(记者 王明)全省… as 全省…"""
    text = ctx.norm.text
    spans = sorted(ctx.furniture + ctx.bylines) if ctx.bylines else ctx.furniture
    if not spans:
        return text[a:b]
    k = bisect.bisect_left(spans, (a, -1))
    while k > 0 and spans[k - 1][1] > a:
        k -= 1
    out, pos = [], a
    while k < len(spans) and spans[k][0] < b:
        s, e = spans[k]
        if e > pos:
            out.append(text[pos:max(pos, s)])
            pos = max(pos, e)
        k += 1
    out.append(text[pos:b] if pos < b else "")
    return "".join(out)


def _enumerated_before(ctx: Context, start: int, end: int, k: int) -> list[str] | None:
    """The members of a whole of known parts (三次产业) named in text[start:end], when there are k."""
    for t in reversed(tokens(ctx.norm.text, start, end)):
        if t.is_("enumerated"):
            members = [str(x) for x in lx.meaning("enumerated", t.text).get("members") or []]
            return [_in_page_script(ctx, x) for x in members] if len(members) == k else None
    return None
