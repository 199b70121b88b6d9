"""What each number measures: its `label`, the shortest natural phrase the text uses.

The label of a number is the noun phrase that stands before it in its clause,
stripped of what is not the metric: time words (上半年, 11月份), the subject and
verb of the sentence (12345热线共受理 …), copulas and adverbs (为, 达, 共计, 分别).
A figure whose clause names nothing of its own (占比61.3%, 环比下降6.6%, 日均230个)
measures what the figure before it in the sentence measures.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..context import Context
from ..models import Change, Percent, Quantity

Numeric = Quantity | Percent | Change

# Verbs after which the metric's name begins (…共受理[群众各类诉求]284406件). They cut
# only where they read as the sentence's verb: at the clause start, after 共/累计/已,
# or after the subject (…热线, …平台, …中心); inside a name (电话受理渠道) they stay.
_VERBS = (r"(?:受理了|受理|接到|接听|接收|收到|拨出|呈报|形成|实现|完成|录得|办理了|办理|接待|发放了?|处理|"
          r"涉及|反映|转办|派单|登记交办|交办)")
_LEAD_VERBS = regex.compile(
    rf"^(?:.*?(?:共|共计|累计|已|还|先后|总共)|.*?(?:热线|平台|中心|我市|全市|全县|全区|全省|全国)){_VERBS}(?=\p{{Han}})"
)
_TRAILING = regex.compile(
    r"(?:分别为|分别是|分别达|分别|均为|均达|均|为|是|达到了|达到|达|约为|约|大约|近|将近|接近|超过|超|逾|突破|"
    r"有|共计|共|合计|总计|累计|计|仅|只有|已|已经|占到|在|的|实现|完成|录得|增至|降至|保持在|保持|维持在|维持|稳定在|高达|\s)+$"
)
_LEADING = regex.compile(
    r"^(?:[\p{P}\s]|其中|此外|另外|同时|今年|去年|当年|本年|本月|本周|上周|同期|该|全市|全县|全区|全省|全国|我市|我县|我区|"
    r"我省|全|共|各|以及|及|和|与|在|对|从|据|经|按|初步核算|据初步测算|初步测算|主要|另)+"
)
_TIME_WORDS = regex.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}(?:—|-|~|至)\d{1,2}月份?|\d{1,2}月份?|\d{1,2}月末|\d{1,2}月底|\d{1,2}日)|"
    r"(?:今年|去年|全年|本年|当年)?(?:上半年|下半年|前三季度|[一二三四1-4]季度|全年|年末|年底|年初)|本周|上周|本月|上月|当月|当日|"
    r"\d{4}年(?:末|底|初)?|年初以来|今年以来|截至[^,]{0,10}?(?:底|末|日))+"
)
_QUALIFIERS = ("日均", "月均", "周均", "峰值", "累计", "共计", "总计", "合计", "共", "平均", "人均", "最高", "最低")
_SHARE = regex.compile(r"(?:占比|占[^,;。]{0,14}?的?(?:比重|比例)?|比重|比例)(?:为|达|达到|约)?$")
_MAX_LABEL = 18


def _clause_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in ",;。:\n、") + 1


def _sentence_start(text: str, pos: int) -> int:
    return max(text.rfind(c, 0, pos) for c in "。\n!?") + 1


def clean(region: str) -> str:
    """Reduce the words before a number to the name of what it measures."""
    s = region.strip()
    quoted = regex.search(r"“([^”]{1,12})”$", s)
    if quoted:
        return quoted.group(1)
    prev = None
    while prev != s:
        prev = s
        s = _TRAILING.sub("", s)
        s = _TIME_WORDS.sub("", s)
        s = _LEADING.sub("", s)
        m = _LEAD_VERBS.match(s)
        if m and m.end() < len(s):
            s = s[m.end():]
    s = s.strip(" \t\"“”‘’()（）【】[]|")
    if len(s) > _MAX_LABEL:
        s = _tail_words(s, _MAX_LABEL)
    return s


def _tail_words(s: str, limit: int) -> str:
    """The last whole words of s that fit in limit characters (word boundaries from the segmenter)."""
    from ..text import segment

    words = segment.cut(s)
    out = ""
    for w in reversed(words):
        if len(out) + len(w) > limit:
            break
        out = w + out
    return out or s[-limit:]


def qualifier_of(region: str) -> str | None:
    for q in _QUALIFIERS:
        if q in region:
            return q
    return None


def attach(ctx: Context, facts: Sequence[Numeric]) -> None:
    text = ctx.norm.text
    prev: Numeric | None = None
    prev_sentence = -1
    for f in facts:
        s = f._nspan[0]
        sent = _sentence_start(text, s)
        if sent != prev_sentence and not (prev is not None and s - prev._nspan[1] <= 12
                                          and isinstance(f, Change)):
            # A change on the next short line still modifies the figure above it (infographics).
            prev = None
        prev_sentence = sent
        cstart = _clause_start(text, s)
        region = text[cstart:s]
        f.qualifier = f.qualifier or qualifier_of(region)
        share = _SHARE.search(region)
        label_region = region[: share.start()] if share else region
        name = clean(label_region)
        if name in _QUALIFIERS:
            name = ""
        lstart = cstart + label_region.rfind(name) if name else -1
        if name:
            f.label = ctx.norm.surface(lstart, lstart + len(name))
            f.label_span = ctx.norm.span(lstart, lstart + len(name))
        elif prev is not None and prev.label:
            f.label = prev.label
            f.label_span = prev.label_span
        # Figures that share a clause-less label pass it on (占比61.3% after 转办工单111523件).
        prev = f
