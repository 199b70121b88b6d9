"""The name a stretch of words gives to the number after it: `name_of(region)`.

The region is what stands before a number in its clause (…热线共受理群众各类诉求 before 284406件). It is
read as tokens (`text/tokens.py`) and reduced by what each token *is*, never by how it is
spelled: words that stand between a name and its number (copulas, bounds, adverbs, 分别为) drop
from the end; times, scopes, conjunctions and list markers drop from the start; a verb of
counting, a pointer (涉及, 其中) or a subject (…热线, 临江区) cuts the region, and the name is what
follows. Which words belong to which class is data (`data/lexicon/`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..text import lexicon as lx
from ..text.rx import rx
from ..text.tokens import Tok, text_of, tokens

_VERBS = ("intake_verb", "result_verb")
# What may stand between a name and its number, dropped from the end of the region.
_TRAILING = frozenset({"copula", "adverb", "modal", "have_verb", "basis_word", "level_verb"})
# What opens a clause and names nothing, dropped from its start.
_LEADING = frozenset({"conjunction", "time_word", "prior_period", "scope", "calc_basis", "determiner", "enumerator"})
# The qualifiers a figure may carry (日均, 累计, 最高): alone they are no name.
QUALIFIER_CLASSES = ("average", "total", "rank_word")


def _drop_trailing(toks: list[Tok]) -> bool:
    """Drop the last token when it is one that stands between a name and its number."""
    t = toks[-1]
    if t.kind == "space" or (t.kind == "punct" and t.text in "<>≤≥＜＞"):
        pass
    elif t.kind == "punct" and t.means("separator", kind="list") and len(toks) > 1 and toks[-2].kind in ("han", "word"):
        pass  # 疫情防控、107.7万件: the name set off from its figure by a list mark
    elif len(toks) == 1 and t.means("separator", kind="range"):
        pass  # …增加30.03%,至4421.4万人次: the level a change reaches, named by the change
    elif t.is_("date_part") and len(toks) > 2 and toks[-2].kind == "num" and (
            toks[-3].means("preposition", kind="from") or toks[-3].is_("level_verb")):
        # 年度服务量由2018年的55789件 / …增长至2021年的12.74万件: the year the figure is of, then the
        # 由 or the verb of a level before it goes too
        del toks[-2:]
    elif t.kind == "punct" and t.text in ")）" and _latin_aside(toks):
        del toks[-3:-1]  # 国内生产总值(GDP): the abbreviation in brackets
    elif t.kind != "word":
        return False
    elif t.means("list_cue", kind="respectively") or t.means("bound", place="before"):
        pass
    elif t.means("rank_word", trail=True):
        if len(toks) > 1 and toks[-2].is_("share"):
            toks.pop()  # 占比最高
    elif t.means("average", per=None) or lx.meaning("average", t.text).get("years"):
        pass  # …平均, 两年平均
    elif t.means("result_verb", trail=True):
        pass  # 全年实现 / 小麦种植: the verb of the figure, not its name
    elif t.means("particle", trail=True) or t.means("preposition", kind="from"):
        pass  # …的, …在, 由
    elif t.is_("direction") and len(toks) > 1 and toks[-2].is_("rate_word", "metric_end"):
        pass  # 增速回落, 降幅收窄
    elif t.is_("prior_period") and len(toks) > 1 and toks[-2].means("comparator", role="open"):
        toks.pop()  # 受理量与去年同期: the basis of the change that follows
    elif t.is_("total") and not t.means("total", kind="noun"):
        pass
    elif t.is_("calc_basis") and not t.means("calc_basis", end=True):
        pass  # …按可比价格计算
    elif t.classes & _TRAILING:
        pass
    else:
        return False
    toks.pop()
    return True


def _latin_aside(toks: list[Tok]) -> bool:
    return len(toks) >= 3 and toks[-2].kind == "latin" and 2 <= len(toks[-2].text) <= 6 and toks[-3].text in "(（"


def _drop_leading(toks: list[Tok]) -> bool:
    """Drop what opens the region and names nothing: marks, list numbers, dates, times, scopes."""
    t = toks[0]
    if t.kind in ("space", "punct") or t.text in _CIRCLED:
        toks.pop(0)
        return True
    if t.kind == "num" or (t.kind == "word" and t.is_("numeral") and len(t.text) == 1):
        # a list number (1. 2、 (3) 四、) or a date (2023年, 7—9月, 9月末, 1季度)
        k = 0
        while k < len(toks) and (toks[k].kind == "num" or (toks[k].is_("numeral") and len(toks[k].text) == 1) or (
                toks[k].kind == "punct" and toks[k].text in _RANGE_MARKS) or toks[k].means("separator", kind="range")):
            k += 1
        if k == 0 or k >= len(toks):
            return False
        if t.kind == "num" and toks[k].is_("date_part"):
            # 1月至11月, 2023年1-7月份: the date and any range it opens
            k += 1
            while k + 1 < len(toks) and (toks[k].means("separator", kind="range") or toks[k].text in _RANGE_MARKS) \
                    and toks[k + 1].kind == "num":
                k += 2
                if k < len(toks) and toks[k].is_("date_part"):
                    k += 1
            del toks[:k]
            return True
        if toks[k].kind == "punct" and toks[k].text in _LIST_MARKS and (k < 3 or t.kind != "num"):
            del toks[:k + 1]
            return True
        return False
    if t.kind != "word":
        return False
    if t.is_("ordinal") and not t.means("ordinal", first_n=True):
        # 第一是疫情防控, 第二位是…: the rank the item stands at, then the copula, opens it
        k = 1
        while k < len(toks) and (toks[k].kind == "num" or toks[k].is_("numeral")):
            k += 1
        if k > 1 and k < len(toks) and toks[k].is_("unit") and len(toks[k].text) == 1:
            k += 1
        if k > 1 and k + 1 < len(toks) and toks[k].is_("copula"):
            del toks[:k + 1]
            return True
    if t.means("ordinal", first_n=True) and len(toks) > 2:
        # 首九个月, 前三个季度: a period counted from the start of the year
        k = 1
        while k < len(toks) and (toks[k].kind == "num" or toks[k].is_("numeral")):
            k += 1
        if 1 < k < len(toks) and toks[k].is_("period_word", "date_part"):
            del toks[:k + 1]
            return True
    if t.means("time_word", cutoff=True):
        # 截至9月末, 截至目前: the cutoff and its date
        k = 1
        while k < len(toks) and (toks[k].kind in ("num", "space") or toks[k].is_("date_part", "time_word")
                                 or (toks[k].kind == "punct" and toks[k].text in _RANGE_MARKS)):
            k += 1
        del toks[:k]
        return True
    if t.means("list_cue", kind="facet") or t.means("preposition", kind="by") or (
            t.is_("basis_word") and lx.meaning("list_cue", t.text[:1]).get("kind") == "facet"):
        # (按年平均汇率折算: 按年 is read as a basis word by the longest match)
        # 按可比口径计算, 按2023年末常住人口统计: the method of counting, up to its closing word
        for k in range(1, min(len(toks), 8)):
            if toks[k].means("calc_basis", end=True) or toks[k].means("list_cue", kind="facet-end"):
                del toks[:k + 1]
                return True
            if toks[k].kind == "punct":
                break
        return False
    if t.means("result_verb", names_after=True) and len(toks) > 1 and not toks[1].is_("generic_noun"):
        # 反映公共服务类16件: at the clause's start the verb says what follows names the count (but 反映
        # 问题类: the verb and a bare noun are the category's name)
        toks.pop(0)
        return True
    if (t.classes & _LEADING and not t.means("calc_basis", end=True)) or t.means("list_cue", kind="subset") \
            or (t.is_("total") and (t.means("total", kind="sum") or t.means("total", kind="marker"))
                and len(t.text) > 1) or t.text == _OF or t.means("copula", opens=True):
        toks.pop(0)
        return True
    return False


# 的 never opens a name (第三季度的进出口规模 → 进出口规模).
_OF = "的"
_CIRCLED = frozenset("①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_RANGE_MARKS = frozenset("—-~～")
_LIST_MARKS = frozenset(".、．)）")


def _reduce(s: str, step: Callable[[list[Tok]], bool]) -> str:
    toks = tokens(s)
    changed = False
    while toks and step(toks):
        changed = True
    return text_of(toks) if changed else s


def strip_trailing(s: str) -> str:
    return _reduce(s, _drop_trailing)


def strip_leading(s: str) -> str:
    return _reduce(s, _drop_leading)


def _is_verb(t: Tok) -> bool:
    """A verb of counting that opens the name of what it counts when it is the clause's verb
    (lead=true: 受理, 接听, 实现 — not 转派, 回访, 新增, which make names: 转派工单, 新增就业)."""
    return t.kind == "word" and any(t.means(c, lead=True) for c in _VERBS)


def _opens(t: Tok) -> bool:
    """A verb that is no part of the name when it opens the region (opens=true: 接听[群众来电])."""
    return t.kind == "word" and any(t.means(c, opens=True) for c in _VERBS)


def lead_verb(s: str) -> tuple[int, int] | None:
    """A verb of counting after a marker of the whole (共, 累计, 先后) or after the subject that
    counts (…热线, 全市): (where the verb starts, where its object starts). 电话受理渠道: no cut,
    nothing before 受理 says it is the sentence's verb."""
    toks = tokens(s)
    lead = False  # the token before (times aside) is a marker, an adverb, the service or the area
    for i, t in enumerate(toks):
        if lead and _is_verb(t) and i + 1 < len(toks) and toks[i + 1].kind in ("han", "word"):
            return t.start, t.end
        if t.kind == "word" and (t.means("total", kind="marker") or t.is_("adverb", "service", "scope")):
            lead = True
        elif not (t.kind == "num" or t.is_("time_word", "date_part", "prior_period")):
            lead = False
    return None


def opening_verb(s: str) -> int | None:
    """A verb that opens the region (接听[群众来电], 共出动[警力]): where its object starts."""
    toks = tokens(s)
    k = 0
    if toks and toks[0].kind == "word" and toks[0].means("total", kind="marker"):
        k = 1
    if k < len(toks) and _opens(toks[k]) and k + 1 < len(toks):
        rest = s[toks[k].end:]
        if len(rx(r"^[\p{Han}A-Za-z]*").match(rest).group()) >= 2 or rx(r"^[A-Za-z]").match(rest):  # type: ignore[union-attr]
            return toks[k].end
    return None


def _verb_only(toks: list[Tok]) -> bool:
    """Is the stretch only a verb of counting, maybe after a marker of the whole (共受理)?"""
    words = [t for t in toks if t.kind != "space"]
    if words and words[0].means("total", kind="marker"):
        words = words[1:]
    return len(words) == 1 and _is_verb(words[0])


def month_verb(s: str) -> str | None:
    """7月受理 / 1月、2月分别受理: the month that opens the clause is the category counted."""
    toks = tokens(s)
    if len(toks) < 3 or toks[0].kind != "num" or not toks[1].is_("date_part") or not toks[1].text.startswith(_MONTH):
        return None
    rest = [t for t in toks[2:] if not t.means("list_cue", kind="respectively")]
    return s[:toks[1].end] if _verb_only(rest) else None


_MONTH = "月"


def period_colon(s: str) -> str | None:
    """一季度: / 7月份: — a period opening a line, then a colon: the period names the figure."""
    if not s.rstrip().endswith((":", "：")) or len(s) > 12:
        return None
    toks = [t for t in tokens(s) if t.kind != "space"]
    if len(toks) < 2 or toks[-1].text not in ":：":
        return None
    head = toks[:-1]
    if len(head) == 1 and head[0].means("time_word") and lx.meaning("time_word", head[0].text).get("part"):
        return head[0].text
    if len(head) == 2 and head[0].kind == "num" and head[1].is_("date_part") and head[1].text.startswith(_MONTH):
        return s[head[0].start:head[1].end]
    return None


def subject_of_bare_verb(s: str) -> tuple[str, int] | None:
    """市直部门共受理 (a subject, a marker of the whole, a verb, nothing after): (subject, where the
    marker starts). The verb has no object, so what is counted is the subject's."""
    toks = [t for t in tokens(s) if t.kind != "space"]
    if len(toks) < 3 or not _is_verb(toks[-1]) or not toks[-2].means("total", kind="marker"):
        return None
    head = toks[:-2]
    if not head or not all(t.kind in ("han", "word") or t.text == "、" for t in head):
        return None
    return s[head[0].start:head[-1].end], toks[-2].start


def is_time_subject(s: str) -> bool:
    """截至目前, 第三季度, 国庆假期期间: a time, never the subject that names a count."""
    return any(t.is_("time_word", "date_part", "prior_period") for t in tokens(s))


def is_counting_subject(s: str) -> bool:
    """…热线, 全市: the service or the area that counts, never what is counted."""
    return any(t.kind == "num" or t.is_("service", "scope") for t in tokens(s))


def pointer_cut(s: str) -> int | None:
    """The last pointer after which the name begins (相关诉求涉及[停车管理问题], 在受理的2648件[诉求]中 →
    after 中, 按[2023年末常住人口]): where the name starts."""
    toks = tokens(s)
    cut = None
    for i, t in enumerate(toks[:-1]):
        nxt = toks[i + 1]
        if nxt.kind not in ("han", "word", "num"):
            continue
        if nxt.kind == "num" and not t.means("list_cue", kind="facet"):
            continue
        if t.is_("pointer", "report_verb") or (t.means("list_cue", kind="include") and len(t.text) > 1) \
                or (t.means("copula", opens=True) and nxt.kind == "han" and i > 0):
            cut = t.end
        elif t.is_("within") and any(x.kind == "num" for x in toks[max(0, i - 5):i]) and any(
                x.is_("unit") and x.means("unit", group="count") for x in toks[max(0, i - 5):i]):
            cut = t.end  # 2648件诉求中, …: the name follows the whole it is part of
        elif t.means("list_cue", kind="facet") and (nxt.is_("scope", "date_part") or (nxt.kind == "num")):
            cut = t.end  # 按2023年末… / 按全市…
        elif t.is_("have_verb") and i > 0 and nxt.kind in ("han", "word") and (
                toks[i - 1].is_("generic_noun", "particle") or (i > 1 and toks[i - 2].is_("particle"))):
            cut = t.end  # 增长较快的问题有[食品安全](增长425%): what the list's kind has is named after 有
    return cut if cut is not None and cut < len(s) else None


def service_subject(s: str) -> int | None:
    """12345热线[话务总数]: a numbered service opening the region; where its metric starts."""
    toks = tokens(s)
    if len(toks) >= 3 and toks[0].kind == "num" and len(toks[0].text) >= 3:
        for k in (1, 2):
            if k < len(toks) - 1 and toks[k].is_("service") and len(s) - toks[k].end >= 2:
                return toks[k].end
    return None


def place_subject(s: str) -> int | None:
    """临江区[7月受理]…, 成都市[实现旅游总收入]: a place opening the region before a date, a time, a
    marker or a verb of counting; where what follows it starts."""
    toks = tokens(s)
    if len(toks) < 2 or toks[0].kind != "han" or len(toks[0].text) > 6:
        return None
    if not any(toks[0].text.endswith(p) and len(toks[0].text) > len(p) for p in lx.words("place_suffix")):
        return None
    nxt = toks[1]
    if _is_verb(nxt) and _keeps_verb(s, nxt.start, s[nxt.end:]):
        return None  # 云栖山景区接待(游客): the place is what the figure is given for
    if nxt.kind == "num" or nxt.is_("time_word", "total") or _is_verb(nxt):
        return toks[0].end
    return None


def drop_towards(s: str) -> str:
    """最终消费支出对经济增长的贡献率 → 最终消费支出贡献率: 对… says towards what."""
    toks = tokens(s)
    for i, t in enumerate(toks):
        if t.means("preposition", kind="towards"):
            for j in range(i + 1, min(len(toks), i + 6)):
                if toks[j].is_("contribution"):
                    k = j - 1 if toks[j - 1].text == _OF else j
                    if 1 <= toks[k].start - t.end <= 8:
                        return s[:t.start] + s[toks[k].start if k == j else toks[j].start:]
                    break
    return s


def drop_inner_verb(s: str) -> str:
    """第一产业实现增加值 → 第一产业增加值: a result verb inside the name of an aggregate."""
    toks = tokens(s)
    for i in range(1, len(toks) - 1):
        t = toks[i]
        if t.is_("result_verb") and toks[i + 1].is_("aggregate") and rx(r"\p{Han}{2}$").search(s, 0, t.start):
            return s[:t.start] + s[t.end:]
    return s


def category_by(s: str) -> int | None:
    """住宿人次以鹭港区…居冠: what 以 introduces is the category; where it starts."""
    toks = tokens(s)
    for t in toks:
        if t.start > 10:
            break
        if t.means("preposition", kind="by") and len(s) - t.end >= 2 and not any(c in ",;。" for c in s[:t.start]):
            return t.end
    return None


def head_after_examples(s: str) -> str:
    """油烟、噪音等[来电] → the head after the examples, unless it is only a generic word."""
    toks = tokens(s)
    etcs = [t for t in toks if t.is_("etc") and 0 < t.start and t.end < len(s)]
    if not etcs:
        return s
    k = etcs[-1]
    tail = s[k.end:]
    tail_toks = tokens(tail)
    if len(tail_toks) == 1 and tail_toks[0].is_("generic_noun"):
        return s[:k.start]
    return tail


def category_head(s: str) -> str:
    """咨询类诉求 → 咨询类: a category named with a generic head noun is the category (not 各类诉求)."""
    toks = tokens(s)
    if len(toks) >= 2 and toks[-1].means("generic_noun", head=True) and not toks[0].is_("general_kind"):
        head = s[:toks[-1].start]
        if head.endswith(_CATEGORY) and 2 <= len(head) <= 13:
            return head
    return s


_CATEGORY = "类"


def _bare_object(tail: str) -> bool:
    toks = [t for t in tokens(tail) if t.kind != "space"]
    return len(toks) == 1 and toks[0].means("generic_noun", bare=True)


def _keeps_verb(s: str, verb_start: int, tail: str) -> bool:
    """接待游客, 接听来电: with a one-word object these verbs are part of the metric's name."""
    if len(tail) > 2:
        return False
    toks = tokens(s, verb_start)
    return bool(toks) and toks[0].means("intake_verb", keeps_object=True)


def _verb_after_object(s: str) -> str | None:
    """热线对已办结工单回访: after 对 and its object, the verb that ends the words is what is counted."""
    toks = [t for t in tokens(s) if t.kind != "space"]
    if len(toks) >= 3 and toks[-1].is_(*_VERBS) and any(t.means("preposition", kind="towards") for t in toks[:-2]):
        return toks[-1].text
    return None


def _cut(s: str, opened: list[bool]) -> str:
    """One pass of the cuts: a verb of counting, a pointer, an opening verb, a subject. An opening
    verb cuts once: its object may itself begin with a verb (投入[整治资金])."""
    verb = _verb_after_object(s)
    if verb is not None:
        return verb
    lead = lead_verb(s)
    if lead is not None:
        vstart, vend = lead
        head, tail = s[:vstart], s[vend:]
        subject = strip_leading(_strip_markers(head))
        if _bare_object(tail) and 2 <= len(subject) <= 12 and not is_counting_subject(subject) \
                and not is_time_subject(subject):
            return subject  # 各县区、经济区共受理诉求: the bare object says nothing, the subject does
        if _keeps_verb(s, vstart, tail):
            return s[vstart:]
        return tail
    k = pointer_cut(s)
    if k is not None:
        return s[k:]
    k = opening_verb(s) if not opened[0] else None
    if k is not None:
        opened[0] = True
        toks = tokens(s)
        first = toks[1] if toks and toks[0].means("total", kind="marker") and len(toks) > 1 else (toks[0] if toks else None)
        if first is not None and _keeps_verb(s, first.start, s[k:]):
            return s[first.start:]
        return s[k:]
    for cut in (service_subject, place_subject):
        k = cut(s)
        if k is not None and k < len(s):
            return s[k:]
    return s


def _strip_markers(s: str) -> str:
    """共, 累计, 还, 先后 at the end of a subject before its verb."""
    toks = tokens(s)
    while toks and (toks[-1].means("total", kind="marker") or toks[-1].is_("adverb")):
        toks.pop()
    return text_of(toks)


def name_of(region: str) -> str:
    """Reduce the words before a number to the name of what it measures."""
    s = region.strip()
    whole = tokens(s)
    if len(whole) == 1 and (whole[0].is_(*QUALIFIER_CLASSES) or whole[0].is_("particle")):
        return ""  # (…订单收购5.12万吨,)所[占比重为64.9%]: no name of its own
    quoted = rx(r"“([^”]{1,12})”$").search(s)
    if quoted and not _joined_before(s, quoted.start()):
        return quoted.group(1)  # …“沧屿通”: the quoted name; 乡(镇、街道)及“两区”: one name with it
    # An aside in brackets (含省长信箱、…等渠道) is not part of the name; a short one (留言) may be.
    s = rx(r"[(（][^()（）]{5,}[)）]").sub("", s)
    s = rx(r"^【?[^【】]{0,8}】").sub("", s)  # 【提要】 (or its tail): a tag set before the text, no name
    s = rx(r"[\[［]\d{1,2}[\]］]").sub("", s)  # a footnote marker (床位[1])
    # “沧屿通”App: the brand in quotes names the channel's product, the channel is what follows
    # (「」『』 are the quotes of traditional-script pages: 「嵐港微笑單車」第1季累計騎乘)
    s = rx(r"^[^“”\"「」『』]{0,12}[”\"」』](?=\p{Han}[\p{Han}A-Za-z\d]|[A-Za-z]{2})").sub("", s)
    s = rx(r"^[“「『][^”」』]{1,12}[”」』](?=\p{Han}[\p{Han}A-Za-z\d]|[A-Za-z]{2})").sub("", s)
    month = month_verb(strip_trailing(s)) or period_colon(s)
    if month is not None:
        return month  # 7月受理17236件 / 一季度:96.42%: the month or quarter is the category
    bare = subject_of_bare_verb(strip_trailing(s))
    if bare is not None:
        # 市直部门共受理0.60万件: a verb with no object; what is counted is the subject's.
        subject = strip_leading(bare[0])
        if 2 <= len(subject) <= 12 and not is_counting_subject(subject):
            if not is_time_subject(subject):
                return subject
            return _drop_marker(strip_trailing(s)[bare[1]:])  # 截至目前共受理: the verb
    prev = None
    opened = [False]
    while prev != s:
        prev = s
        s = strip_trailing(s)
        s = strip_leading(s)
        s = drop_towards(s)
        s = drop_inner_verb(s)
        s = _cut(s, opened)
        k = category_by(s)
        if k is not None and k < len(s) - 1:
            s = s[k:]  # 住宿人次以鷺港區…居冠 / 以日本旅客…最多: what 以 introduces is the category
        s = head_after_examples(s)
    s = category_head(s)
    s = s.strip(" \t\"‘’【】[]|").rstrip("(（")
    if s.count("“") != s.count("”"):
        s = s.strip("“”")
    if not rx(r"[(（]").search(s):
        s = s.strip("()（）")
    elif s.startswith(("(", "（")) and not rx(r"[)）]").search(s):
        s = s[1:]
    elif (open_metric := rx(r"^(\p{Han}{2,12})[(（](\p{Han}{2,8})$").match(s)) is not None:
        # 雁汀县(综合指数3.52): the name, its metric's figure given in brackets; 东区(自办120件: a part
        s = open_metric.group(1) if is_metric(open_metric.group(2)) else open_metric.group(2)
    if _verb_only(tokens(s)):
        s = _drop_marker(s)  # 截至9月末共办理: the verb alone
    if len(s) >= 10 and _OF in s[2:-2]:
        s = s[s.rindex(_OF) + 1:]  # a long X的Y names Y
    return s


def _drop_marker(s: str) -> str:
    toks = tokens(s)
    if toks and toks[0].means("total", kind="marker"):
        return s[toks[0].end:]
    return s


def verb_only(s: str) -> bool:
    """共受理 / 受理: a verb of counting and nothing it counts."""
    return _verb_only(tokens(s))


def is_month(s: str) -> bool:
    """7月, 11月份: a month written with digits."""
    toks = tokens(s)
    return len(toks) == 2 and toks[0].kind == "num" and toks[1].is_("date_part") and toks[1].text.startswith(_MONTH)


def ends_in_time(s: str) -> bool:
    """6月17日, 周三: a name that is a day or a stretch of time."""
    toks = tokens(s)
    return bool(toks) and toks[-1].is_("date_part", "time_word")


def is_have(s: str) -> bool:
    """Does the stretch end in a verb of having (有, 其中有, 还有)?"""
    toks = [t for t in tokens(s) if t.kind not in ("space", "punct")]
    return bool(toks) and toks[-1].is_("have_verb")


def _joined_before(s: str, k: int) -> bool:
    """Does a list separator (及, 和, 、) join what stands before position k to it?"""
    toks = [t for t in tokens(s, 0, k) if t.kind != "space"]
    return bool(toks) and len(toks) > 1 and toks[-1].means("separator", kind="list")


def is_metric(s: str) -> bool:
    """综合指数, 办结率, 受理量: the name of a measure rather than of a thing or a category."""
    toks = tokens(s)
    if not toks:
        return False
    last = toks[-1]
    return last.is_("index_word", "rate_word", "share", "average", "aggregate", "contribution", "metric_end") \
        or (last.kind == "han" and last.text[-1:] in lx.get("metric_end").meanings)


def only_totals(s: str) -> bool:
    """合计 / 共计 / 共: the words before a number are only a word of the whole."""
    toks = [t for t in tokens(s) if t.kind not in ("space", "punct")]
    return bool(toks) and all(t.is_("total") for t in toks)


def opens_aside(s: str) -> bool:
    """含网约车, 其中…: a bracket that opens with a word of inclusion holds an aside, not a name."""
    toks = tokens(s)
    return bool(toks) and toks[0].is_("list_cue", "pointer")


def opens_subset(s: str) -> bool:
    """Do the words between two figures open a list of the first one's parts (…,其中, (线上…)?"""
    toks = [t for t in tokens(s) if t.kind != "space"]
    return any(t.means("list_cue", kind="subset") for t in toks) or (bool(toks) and toks[0].text in "(（")


def is_aggregate(s: str) -> bool:
    """增加值, 总产值, 营业收入: the bare name of an aggregate, which says nothing of whose it is."""
    toks = [t for t in tokens(s) if t.kind != "space"]
    return len(toks) == 1 and toks[0].is_("aggregate")
