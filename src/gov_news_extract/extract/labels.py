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

import regex

from ..context import Context
from ..models import Change, Percent, Quantity, Span
from ..text.clauses import last_before
from ..text.rx import rx

Numeric = Quantity | Percent | Change

# Verbs after which the metric's name begins (…共受理[群众各类诉求]284406件). They cut
# only where they read as the sentence's verb: at the clause start, after 共/累计/已,
# or after the subject (…热线, …平台, …中心); inside a name (电话受理渠道) they stay.
_VERBS = (r"(?:受理了|受理|接到|接报|接听|接收|收到|拨出|呈报|形成|实现|完成|录得|办理了|办理|接待|发放了?|处理|破获|抓获|查处|"
          r"涉及|反映|转办|派单|登记交办|交办)")
_LEAD_VERBS = regex.compile(
    rf"^(?:.*?(?:共|共计|累计|还|先后|总共)|.*?(?:热线|平台|中心|我市|全市|全县|全区|全省|全国))({_VERBS})(?=\p{{Han}})"
)
_SUBJECT_VERB = regex.compile(rf"(?P<subject>\p{{Han}}[\p{{Han}}、]*?)(?:共|共计|累计|总共){_VERBS}")
# 截至目前, 第三季度, 国庆假期期间, 一周来: times, never the subject that names a count
_TIME_SUBJECT = regex.compile(r"截至|以来|期间|季度|[年月周日天]|目前|当前|来$")
_DAYS_THEN_VERB = regex.compile(rf"(?:^|(?<=[,;。:\n]))(?P<part>\p{{Han}}{{2,4}}?)\d{{1,3}}[天日](?:共|共计)?{_VERBS}$")
_VERB_ONLY = regex.compile(rf"(?:共|共计|累计)?{_VERBS}")
_PERIOD_LINE = regex.compile(r"\s*((?:第?[一二三四]季度|\d{1,2}月份?|上半年|下半年))[:：]\s*$")
_PERIOD_COLON = regex.compile(r"((?:第?[一二三四]季度|\d{1,2}月份?|上半年|下半年))[:：]")
_MONTH = regex.compile(r"\d{1,2}月份?")
_MONTH_VERB = regex.compile(rf"(\d{{1,2}}月份?)(?:分别|共|共计|累计)?{_VERBS}")
# Verbs that open a clause and are not part of the metric (接听[群众来电]8947个); 转办 and 办理
# stay, since 转办工单 and 办理工单 are names of their own.
_OPENING_VERBS = regex.compile(
    r"^(?:共有|拥有|现有|抓获|破获|查处|查获|收缴|接报|上报|受理|接听|接收|接到|收到|呈报|形成|拨出|实现|完成|录得|进入|覆盖|"
    r"新增加|推出|开通|设置|投入|组织|开展|举办|召开|出动|调派|疏散|救出|发放|培训|建成|通过|种植(?!面积)|播种(?!面积)|"
    r"发生|造成|出现|吸纳|吸引|推广|排查整治|排查|整治|新开通|实有|共发生|共开展|共出动|共查处)(?=\p{Han}{2}|[A-Za-z])"
)
# Anywhere in the clause: what follows these is the name (相关诉求涉及[停车管理问题]44件).
_POINTERS = regex.compile(r"^.*(?:按(?:\d{4}年(?:末|底|初)?|(?=全市|全县|全区|全省|全国|年末|常住|户籍))|涉及|主要集中在|集中在|包括|其中|当中|分别为|依次为|分别是|其次为|其次是|\d[^,]{0,6}?(?:件|个|起|项|条)\p{Han}{0,3}?中(?![心部国央]))(?=\p{Han})")
_TRAILING = regex.compile(
    r"(?:分别为|分别是|分别达|分别|均为|均达|(?<![行作认成])为|是|达到了|达到|达|约为|约|大约|近|将近|接近|超过|超|逾|突破了|突破|了|却|也|则|仍|都|"
    r"预计|估计|预期|首次|再次|首度|又|[(（][A-Za-z]{2,6}[)）]|(?<=幅|速|率)(?:收窄|扩大|回落|加快|放缓|提高)(?:至|到)?|"
    r"(?:提升|提高|下降|降低|增加|减少|上升|回落|增长|扩大|缩小|升|降)(?:至|到)|由|从|[<>≤≥＜＞]|(?<=\p{Han}{2})(?:种植|播种)|"
    r"占比最高|占比最大|最高|最多|居首|"
    r"有|共计|共|合计|总计|累计|计|仅|只有|已|已经|占到|在|的|实现|完成|录得|增至|降至|保持在|保持|维持在|维持|稳定在|高达|"
    r"按(?:可比|不变)价格计算|同比|环比|(?:两|三|五)年平均|平均|\s)+$"
)
_LEADING = regex.compile(
    r"^(?:[\p{P}\p{S}\s①-⑳]|\d+[.、]|[(（]?\d{1,2}[)）]|但|而|并|且|又|关于|\(?[一二三四五六七八九十]+[)、]|其中|此外|另外|同时|今年|去年|当年|本年|本月|本周|上周|同期|"
    r"全市|全县|全区|全省|全国|全月|全周|我市|我县|我区|我省|以及|累计|共计|总计|合计|初步核算|据初步测算|初步测算|"
    r"按[^,;。]{1,8}?(?:口径|价格计算|计算|统计)|此次|本次|这次|该次|主要|相关)+"
)
_TIME_WORDS = regex.compile(
    r"^(?:(?:\d{4}年)?(?:\d{1,2}(?:—|-|~|至)\d{1,2}月份?|\d{1,2}月份?|\d{1,2}月末|\d{1,2}月底|\d{1,2}日)|"
    r"(?:今年|去年|全年|本年|当年)?(?:上半年|下半年|前三季度|首[两二三]季度?|[一二三四1-4]季度|全年|年末|年底|年初)|本周|上周|本月|上月|当月|当日|本季度|本季|上季度|本年度|"
    r"\d{4}年(?:末|底|初)?|年初以来|今年以来|截至[^,]{0,10}?(?:底|末|日))+"
)
# A category named with a generic head noun (咨询类诉求) is the category (咨询类).
_GENERIC = regex.compile(r"来电|问题|诉求|工单|事项|方面|情况|内容")
_CATEGORY_HEAD = regex.compile(r"^(?!各类|此类|该类|这类|其他各类)(.{1,12}类)(?:诉求|问题|来电|工单|事项|案件|办件)$")
# Names a rate of another figure (增速, 比重): the figure's name goes in front.
_RATE_NAMES = ("增速", "增幅", "降幅", "涨幅", "比重", "占比")
# 最终消费支出对经济增长(的)贡献率 → 最终消费支出贡献率: the 对… phrase says towards what.
_TOWARDS = regex.compile(r"对[^,;。]{1,8}?的?(?=贡献率|拉动率|贡献)")
# A verb inside the name of an aggregate (第一产业实现增加值, 企业实现利润总额) adds nothing.
_INNER_VERB = regex.compile(r"(?<=\p{Han}{2})(?:实现|完成|录得)(?=增加值|利润|收入|营业|产值|总产值|总额|地区生产总值|生产总值|产量)")
_PULL = regex.compile(r"(拉动\p{Han}{1,6}?)$")
# A place that is the subject of the sentence, before a time or a verb (临江区[7月受理]群众诉求):
# the figure measures what comes after it.
_PLACE_SUBJECT = rx(r"^\p{Han}{1,5}?(?:省|市|县|区|镇|乡|街道)(?=\d|今年|去年|上半年|全年|前三季度|一季度|共|累计|受理|接到|实现|完成)")
# A hotline's own name before the metric (12345热线[话务总数]).
_SUBJECT = regex.compile(r"^\d{3,}\p{Han}{0,6}?热线(?=\p{Han}{2})")
# Classifiers whose following noun names what is counted (350个[地级及以上城市], 三家[企业]).
_CLASSIFIERS = regex.compile(r"(?:个|家|名|项|条|所|座|辆|台|位|批|类|种|户|只|头|处|人|封|期|起)$")
_NOUN_AFTER = regex.compile(r"^(?![和及与或])(?:\p{Han}、)*\p{Han}(?:[^,;。:、()（）\d\s的中有在将已被是为等]|中(?=[式心国央部型小间级])){0,13}")
_QUALIFIERS = ("日均", "月均", "周均", "峰值", "累计", "共计", "总计", "合计", "共", "平均", "人均", "最高", "最低")
# The words that make a percent a share of something (占比, 占总量的, 比重为); shared with the composite passes.
SHARE_WORDS = regex.compile(r"(?:占比|占[^,;。]{0,14}?的?(?:比重|比例)?|比重|比例)(?:为|达|达到|约)?$")
_MAX_LABEL = 18
_RANKED_TAIL = regex.compile(r"(?:居首位|位居首位|居首|居冠|居次|次之|(?:位居|位列|排名|排在|名列|居|排)第(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:位|名)?)[,，]?$")
AVERAGES = ("日均", "月均", "周均", "平均", "人均")
_YI_CATEGORY = regex.compile(r"^[^,;。]{0,10}?以(?![上下来及内外后前便致为此免往至])(?=\p{Han}{2})")
_MARKER_CHARS = "▶►■□●◆◇★▲▸•"
_TARGET = regex.compile(r"(?:目标|计划|任务)$")
_THOSE_WITH = regex.compile(r"\p{Han}的有$")
_BASIS_ONLY = regex.compile(r"(?:较|比)(?:上年|去年|上月|上周|上季度|同期|上年同期|去年同期|\d{1,2}月份?|\d{4}年)的?")
_DAY_THEN_MOST = regex.compile(r"\d{1,2}[日号](?P<metric>\p{Han}{2,8}?)最[多高大][,，]?$")
_TOP_NAMED = regex.compile(r"最[多高大低少]的?(?:是|为)(?P<name>\p{Han}[\p{Han}()（）]{1,14})[,，]?$")
_PEAK_ON = regex.compile(r"最[多高大]的?(?:是|为|在)[^,;。]{1,14}?[日月周天][,，]?$")


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
    """Reduce the words before a number to the name of what it measures."""
    s = region.strip()
    if s in _QUALIFIERS or s == "所":
        return ""  # (…订单收购5.12万吨,)所[占比重为64.9%]: no name of its own
    quoted = rx(r"“([^”]{1,12})”$").search(s)
    if quoted:
        return quoted.group(1)
    # An aside in brackets (含省长信箱、…等渠道) is not part of the name; a short one (留言) may be.
    s = rx(r"[(（][^()（）]{5,}[)）]").sub("", s)
    s = rx(r"[\[［]\d{1,2}[\]］]").sub("", s)  # a footnote marker (床位[1])
    # “沧屿通”App: the brand in quotes names the channel's product, the channel is what follows
    s = rx(r"^[^“”\"]{0,12}[”\"](?=[\p{Han}A-Za-z]{2})").sub("", s)
    s = rx(r"^“[^”]{1,12}”(?=[\p{Han}A-Za-z]{2})").sub("", s)
    month = _MONTH_VERB.fullmatch(_TRAILING.sub("", s)) or _PERIOD_COLON.fullmatch(s)
    if month is not None:
        return month.group(1)  # 7月受理17236件 / 一季度:96.42%: the month or quarter is the category
    bare = _SUBJECT_VERB.fullmatch(_TRAILING.sub("", s))
    if bare is not None:
        # 市直部门共受理0.60万件: a verb with no object; what is counted is the subject's.
        subject = _LEADING.sub("", _TIME_WORDS.sub("", bare.group("subject")))
        if 2 <= len(subject) <= 12 and not rx(r"\d|热线|平台|中心|[全我本该][市县区省镇乡]").search(subject):
            if not _TIME_SUBJECT.search(subject):
                return subject
            return rx(r"^(?:共|共计|累计|总共)").sub("", s[bare.end("subject"):])  # 截至目前共受理: the verb
    prev = None
    while prev != s:
        prev = s
        s = _TRAILING.sub("", s)
        s = _TIME_WORDS.sub("", s)
        s = _LEADING.sub("", s)
        s = _TOWARDS.sub("", s)
        s = _INNER_VERB.sub("", s)
        for cut in (_LEAD_VERBS, _POINTERS, _OPENING_VERBS, _SUBJECT, _PLACE_SUBJECT):
            m = cut.match(s)
            if m and m.end() < len(s):
                head, tail = s[: m.start(1) if cut is _LEAD_VERBS and m.lastindex else m.end()], s[m.end():]
                subject = _LEADING.sub("", rx(r"(?:共|共计|累计|还|先后|总共)$").sub("", head))
                if cut is _LEAD_VERBS and _GENERIC.fullmatch(tail) and 2 <= len(subject) <= 12 \
                        and not rx(r"\d|热线|平台|中心").search(subject) and not _TIME_SUBJECT.search(subject):
                    s = subject  # 各县区、经济区共受理诉求: the bare object says nothing, the subject does
                elif len(tail) <= 2 and cut in (_LEAD_VERBS, _OPENING_VERBS) \
                        and s[m.start(1) if cut is _LEAD_VERBS and m.lastindex else 0:].startswith(("接待", "接听")):
                    # 接待游客, 接听来电: with a one-word object these verbs are part of the metric's
                    # name (接到来电, 受理诉求 are named by the object).
                    s = s[m.start(1) if cut is _LEAD_VERBS and m.lastindex else 0:]
                else:
                    s = tail
        yi = _YI_CATEGORY.match(s)
        if yi is not None and yi.end() < len(s) - 1:
            s = s[yi.end():]  # 住宿人次以鷺港區…居冠 / 以日本旅客…最多: what 以 introduces is the category
        etcs = [m.start() for m in rx(r"等(?![待候级同于值效])").finditer(s, 1, len(s) - 1)]  # 等待, 等级 are words
        if etcs:
            # 油烟、噪音等[来电]: the head after the examples, unless it is a generic word.
            k = etcs[-1]
            s = s[:k] if _GENERIC.fullmatch(s[k + 1:]) else s[k + 1:]
    cat = _CATEGORY_HEAD.match(s)
    if cat:
        s = cat.group(1)
    s = s.strip(" \t\"“”‘’【】[]|").rstrip("(（")
    if not rx(r"[(（]").search(s):
        s = s.strip("()（）")
    elif s.startswith(("(", "（")) and not rx(r"[)）]").search(s):
        s = s[1:]
    elif (open_metric := rx(r"^(\p{Han}{2,12})[(（]\p{Han}{2,8}$").match(s)) is not None:
        s = open_metric.group(1)  # 雁汀县(综合指数3.52): the name, its figure given in brackets
    s = rx(rf"^(?:共|共计|累计|总共)(?={_VERBS}$)").sub("", s)  # 截至9月末共办理: the verb alone
    if len(s) >= 10 and "的" in s[2:-2]:
        s = s[s.rindex("的") + 1:]  # a long X的Y names Y
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
    return out or s[-limit:]


def qualifier_of(region: str) -> str | None:
    for q in _QUALIFIERS:
        if q in region:
            return q
    return None


def attach(ctx: Context, facts: Sequence[Numeric]) -> None:
    text = ctx.norm.text
    prev: Numeric | None = None
    whole: Quantity | None = None  # the last figure of the sentence that is not an average
    prev_sentence = -1
    aside: Numeric | None = None  # the last figure written in brackets after a noun
    ends = frozenset(f.nspan[1] for f in facts)
    sorted_ends = sorted(ends)
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
        prev_sentence = sent
        cstart = _clause_start(text, s, ends)
        # The region never reaches back over another figure (…4.6%、7.7%和8.7%).
        k = bisect.bisect_right(sorted_ends, s) - 1
        while k >= 0 and sorted_ends[k] == f.nspan[1]:
            k -= 1
        if k >= 0 and sorted_ends[k] >= cstart:
            cstart = sorted_ends[k]
            while cstart < s and text[cstart] in "、和及与)）":
                cstart += 1
        region = text[cstart:s]
        if aside is not None and aside.nspan[1] < s and text[aside.nspan[1]] in ")）" \
                and rx(r"[)）]的?").fullmatch(text, aside.nspan[1], s):
            # 完成年度目标任务(5万人)的84.7%: read as if the figure in brackets were not there.
            a0 = aside.nspan[0] - 1
            cstart = _clause_start(text, a0, ends)
            region = text[cstart:a0]
        if prev is not None and cstart <= prev.nspan[1] <= s and prev.label:
            rest = text[prev.nspan[1]:s]
            if (rx(r"\s*[(（]").match(rest) and not rx(r"\s*[(（]其中").match(rest)) or not clean(rest):
                # 40500万吨(4050亿公斤), 78655元(按…折算为11162美元): the same figure restated.
                f.label, f.label_span = prev.label, prev.label_span
                prev = f
                continue
        f.qualifier = f.qualifier or qualifier_of(region)
        share = SHARE_WORDS.search(region)
        label_region = region[: share.start()] if share else region
        period_line = _PERIOD_LINE.match(text, text.rfind("\n", 0, s) + 1, s) if not region.strip(" :：") else None
        if period_line is not None:
            # 一季度:96.42% (the quarter is a date fact, so the region is only the colon)
            label_region, cstart = text[period_line.start(1):period_line.end(1) + 1], period_line.start(1)
        name = clean(label_region)
        if name in _QUALIFIERS or _BASIS_ONLY.fullmatch(name):
            name = ""  # 较10月份的22908件: last period's figure of the metric named before
        span_of_days = _DAYS_THEN_VERB.search(text, max(0, s - 16), s)
        if span_of_days is not None and _VERB_ONLY.fullmatch(name):
            # 工作日5天受理16825件;周末2天受理4921件: the part of the period is what is counted
            name = span_of_days.group("part")
            label_region, cstart = name, span_of_days.start("part")
        lstart = cstart + label_region.rfind(name) if name else -1
        # 进入第一方阵的有145个城市: what is counted (城市) is the same for every item; the category
        # is named before 的有.
        those = bool(name) and _THOSE_WITH.search(label_region) is not None
        if those and "、" in name:
            # …145个城市、第二方阵的有122个: the word before 、 is the previous figure's noun.
            name = name.rsplit("、", 1)[1]
            lstart = cstart + label_region.rfind(name)
        after = _noun_after(text, f) if not those else None
        if after is not None:
            lstart, name = after[0], text[after[0]:after[1]]
        pull = _PULL.search(label_region) if isinstance(f, Change) else None
        if pull and text[f.nspan[0]:f.nspan[0] + 2] == "增长":
            # 拉动经济增长0.2个百分点: the metric is the whole 拉动…增长.
            lstart, name = cstart + pull.start(1), pull.group(1) + "增长"
            f.label = name
            f.label_span = ctx.norm.span(lstart, lstart + len(name))
            prev = f
            continue
        if name in _RATE_NAMES and prev is not None and prev.label:
            f.label = prev.label + name
            f.label_span = ctx.norm.span(lstart, lstart + len(name)) if lstart >= 0 else None
            prev = f
            continue
        before_clause = text[_clause_start(text, cstart - 1):cstart] if cstart > 0 else ""
        ranked = _RANKED_TAIL.search(before_clause) if before_clause else None
        if not name and before_clause and not rx(r"\d").search(before_clause) and (
                share or ranked or (prev is None and rx(r"占比最[高大][,，]?$|最[多高大][,，]?$").search(before_clause))):
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
            peak = _PEAK_ON.search(before_clause)
            day_first = _DAY_THEN_MOST.search(before_clause) if peak is None else None
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
            top = _TOP_NAMED.search(before_clause) if peak is None and day_first is None else None
            if top is not None and not rx(r"[日月周天]$").search(top.group("name")):
                # 按时办结率最高的是东坪县,达到99.2%: the figure is the one named as the highest
                bstart = cstart - len(before_clause)
                lstart, name = bstart + top.start("name"), top.group("name")
        if name:
            base = lstart if lstart >= cstart or (lstart >= 0 and text.startswith(name, lstart)) else cstart
            f.label, f.label_span = _surface_of(ctx, base if text.startswith(name, base) else cstart, name)
        elif prev is not None and prev.label:
            src = prev
            if isinstance(f, Change) and prev.qualifier in AVERAGES and whole is not None and whole.label \
                    and whole.unit == f.unit:
                # 共受理15386件,日均受理2198件,较上周增加514件: the change is the total's, not the average's.
                src = whole
            elif isinstance(f, Change) and isinstance(prev, Percent) and _TARGET.search(prev.label) \
                    and whole is not None and whole.label:
                # 新增就业42365人,完成年度目标的84.7%,比上年同期增加1837人: the change is the figure's.
                src = whole
            f.label = src.label
            f.label_span = src.label_span
        if text[s - 1:s] in ("(", "（") and rx(r"[)）]的").match(text, f.nspan[1]):
            aside = f  # 年度目标任务(5万人): an aside; what follows goes on about the figure before it
            continue
        # Figures that share a clause-less label pass it on (占比61.3% after 转办工单111523件).
        if isinstance(f, Quantity) and f.qualifier not in AVERAGES:
            whole = f
        prev = f
    _distribute(ctx, facts)


_STOP_AFTER = regex.compile(rf"同比|环比|计算|折算|测算|核算|全部|均(?=已|为|在|达|实现|完成)|共(?={_VERBS}|办结|完成|出动|发放|开展|帮助)|累计|办理|办结|增长|下降|增加|减少|正在|建成|进行|开展|反映|获得|实现|完成|达到|受到|已经|当场|"
                            r"逐|建立|实行|实施|组织|落实|签订|"
                            r"赶赴|前往|到达|启程|奔赴|出发|抵达|领取|领到|设置|参加|参与|投入|开展|实施|进驻|驻守|值守|巡逻")


def _noun_after(text: str, f: Numeric) -> tuple[int, int] | None:
    """A classifier's noun after the number names what is counted: 350个[地级及以上城市]; so does
    the whole named before 中 (在本月受理的2648件[紧急类诉求]中,)."""
    if not isinstance(f, Quantity) or not f.unit:
        return None
    e = f.nspan[1]
    inside = _WHOLE_NAMED.match(text, e)
    if inside is not None and (text[f.nspan[0] - 1:f.nspan[0]] == "的" or _IN_BEFORE.search(
            text, max(0, f.nspan[0] - 8), f.nspan[0])):
        return e, e + len(inside.group(1))  # 受理的2648件紧急类诉求中 / 在全年41.62万件办件中
    if not _CLASSIFIERS.search(f.unit) and text[f.nspan[0] - 1:f.nspan[0]] != "的":
        return None  # 受理的2816件[防汛排涝诉求]: after 的 the figure is a noun's, whatever its unit
    window = text[e:e + 16]
    m = _NOUN_AFTER.match(window)
    if not m:
        return None
    noun = m.group()
    stop = _STOP_AFTER.search(window)
    if stop and stop.start() < len(noun):
        noun = noun[: stop.start()]  # 项目正在建设: the verb may begin inside the matched stretch
    if len(noun) < 2:
        return None
    return e, e + len(noun)


_IN_BEFORE = regex.compile(r"(?:^|[,;。:\n])在\p{Han}{0,6}$")
_WHOLE_NAMED = regex.compile(r"(\p{Han}{2,12}?)中(?![部心国央等小型间级])[,:]")
_NAMES_LISTED = regex.compile(r"(?:分别为|分别是|依次为|依次是)[:]?")
_LIST_SPLIT = regex.compile(r"、|和|及|与|以及")


_ORDINAL_LIST = regex.compile(r"第([一二三四五六七八九十])((?:[、和及][一二三四五六七八九十])+)(\p{Han}{1,6}?)(?:的|$)")


def names_in(ctx: Context, start: int, end: int) -> list[tuple[str, int]]:
    """The names listed in text[start:end], each with its offset: A、B和C; 第一、二、三产业 → three names."""
    text = ctx.norm.text
    region = text[start:end]
    share_of = rx(r"占[^,;。\d]{1,14}?的?(?:比重|比例)?$").search(region)
    if share_of is not None:
        region = region[:share_of.start()]  # 轻、重工业增加值占规模以上工业的比重: the names end at 占
    m = _ORDINAL_LIST.search(region)
    if m:
        # 第一、二、三产业: the head noun is written once; each name is its ordinal plus the head,
        # taken from the page so that it keeps the page's script (三産業).
        ords = [m.group(1), *rx(r"[一二三四五六七八九十]").findall(m.group(2))]
        head = ctx.norm.surface(start + m.start(3), start + m.end(3))
        return [("第" + o + head, -1) for o in ords]
    out: list[tuple[str, int]] = []
    pos = start
    for piece in _LIST_SPLIT.split(region):
        k = text.find(piece, pos) if piece else -1
        if piece:
            pos = k + len(piece)
            # 门户网站(9.6%): the figure in brackets is the name's share, not part of the name
            piece = rx(r"[(（][^()（）]*\d[^()（）]*[)）]").sub("", piece)
            out.append((piece, k))
    if len(out) == 2 and len(out[0][0]) == 1 and len(out[1][0]) >= 3 \
            and rx(r"^.(?:工业|产业|制造业|行业|学校|学|类|级)").match(clean(out[1][0])):
        # 轻、重工业增加值: one character, then the same head written once (轻工业, 重工业增加值)
        out[0] = (out[0][0] + clean(out[1][0])[1:], -1)
    return out


def _distribute(ctx: Context, facts: Sequence[Numeric]) -> None:
    """`A、B和C分别为X、Y和Z`: each figure of the list measures the name in its place; with no
    names before 分别, the figures listed just before it (A X亿元、B Y亿元,分别增长…) lend theirs."""
    text = ctx.norm.text
    for m in rx(r"(?:分别|依次)(?:为|是|达|达到|增长|下降|比[^,;。]{1,10}?[增下提回上]\w{0,2}|占[^,;。\d]{0,12})?").finditer(text):
        cstart = last_before(text, ",;。:\n", m.start()) + 1
        run: list[Numeric] = []
        pos = m.end()
        for f in facts:
            if f.nspan[1] <= m.end() or f.nspan[0] < cstart:
                continue
            if f.nspan[0] > pos + 12:
                break
            gap = text[pos:f.nspan[0]] if run else ""
            if run and (not rx(r"、|和|及|与|,").fullmatch(gap) or (gap == "," and f.unit != run[0].unit)):
                break  # …21735件,三个区县合计: after a comma only the list's own unit goes on
            run.append(f)
            pos = f.nspan[1]
        if len(run) < 2:
            continue
        names = [(n, k) for n, k in names_in(ctx, cstart, m.start()) if clean(n) or _MONTH.fullmatch(n.strip())]
        if len(names) != len(run) and cstart > 1:
            # 前三位分别为A、B和C,受理量分别为X、Y和Z: the names are the list of the clause before.
            pstart = last_before(text, ",;。:\n", cstart - 1) + 1
            head = _NAMES_LISTED.search(text, pstart, cstart - 1)
            if head is not None and text[cstart - 1] in ",，":
                listed_names = [(n, k) for n, k in names_in(ctx, head.end(), cstart - 1) if clean(n)]
                if len(listed_names) == len(run) and not any(rx(r"\d").search(n) for n, _ in listed_names):
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
        sent = last_before(text, "。\n", m.start()) + 1
        listed = [f for f in facts if sent <= f.nspan[0] and f.nspan[1] <= cstart and isinstance(f, Quantity)]
        if len(listed) >= len(run) and (not names or (len(names) == 1 and len(run) > 1)):  # 投资额分别为…: a metric, not names
            for f, src in zip(run, listed[-len(run):], strict=True):
                f.label, f.label_span = src.label, src.label_span
