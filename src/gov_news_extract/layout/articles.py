"""Stage: split a page into articles (title, column, byline, body).

An article starts where the page shows one: a headline followed by a lead
(`本报讯…`), a column name (【平原腔声】), a signed commentary (□姬国庆), a
page header (第1版), a bulleted headline, or a second dateline. Headlines
that are not followed by any of these are subheadings of the body. Short
lines before a headline (photo captions, infographic figures, the column
name) belong to the article that follows them. Articles cover the page from
its first to its last character, so every fact falls inside one.

A page with no such marks is titled by the headline that stands right above
its text, with only credits, stamps and issuers between (`_headline_slot`):
a web page's name, slogan, menu and metadata come before it. An article
needs text of its own: a block of chrome above the first article or below
the last joins the article beside it, and a headline repeated over its lead
is one article (`_merged`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..text import lexicon
from ..text.normalise import NormText
from ..text.rx import rx
from . import byline as bl
from . import furniture, headline
from .lines import TITLE_LABEL as _TITLE_LABEL
from .lines import Kind, Line, is_stamp, page_text, split_lines, unfinished_line
from .roles import Layout, LineRole, Role


@dataclass
class PersonBlock:
    role: str
    name: str
    start: int
    end: int


@dataclass
class BylineBlock:
    agency: str | None = None
    place: str | None = None
    date: str | None = None
    people: list[PersonBlock] = field(default_factory=list)
    start: int = 0
    end: int = 0


@dataclass
class ArticleBlock:
    """One article; every offset is into the normalised text."""

    start: int
    end: int
    title: tuple[int, int] | None = None
    # Every other line of the headline stack, kicker and subtitle included, top to bottom.
    subtitles: list[tuple[int, int]] = field(default_factory=list)
    kicker: tuple[int, int] | None = None
    subtitle: tuple[int, int] | None = None
    column: tuple[int, int] | None = None
    byline: BylineBlock | None = None
    # The headline exactly as the page writes it (glosses kept, spaces dropped).
    title_text: str | None = None


# Lines that may sit between a headline and its lead, or before a headline as
# its captions, without ending the headline block.
_PRELUDE = {Kind.HEAD, Kind.FIGURE, Kind.FURNITURE, Kind.COLUMN, Kind.NAME, Kind.SHORT}
_HEADS = {Kind.HEAD, Kind.BULLET}
_HAN = regex.compile(r"\p{Han}")
_ORG = regex.compile(rf"^.{{2,14}}(?:{lexicon.alternation('org_head')})$")


def _one(name: str, **want: object) -> str:
    """The one-character word of a class whose meaning has every key=value given (年 of unit=year)."""
    return next(w for w in lexicon.get(name).having(**want) if len(w) == 1)


# The date parts and period words a heading's period is written with (年, 月, 月份, 年度, 季度, 周,
# 全年, 第) and the halves and quarters of a year (上半年, 前三季度, 第一季度).
_YEAR, _MONTH = _one("date_part", unit="year"), _one("date_part", unit="month")
_MONTHS = lexicon.alternation_where("date_part", unit="month")  # 月份, 月
_YEARS = [w for w in lexicon.get("date_part").having(unit="year") if len(w) == 2 and w[0] == _YEAR]  # 年度
_QUARTER = next(w for w, m in lexicon.get("period_word").meanings.items()
                if m.get("unit") == "quarter" and not m.get("short") and not m.get("count"))  # 季度
_WEEK = lexicon.alternation_where("period_word", unit="week")  # 周
_FULL_YEAR = lexicon.alternation_where("period_word", unit="year")  # 全年
_ORDINAL = _one("ordinal", always=True)  # 第
_TW = lexicon.get("time_word")
_HALVES = [w for w in _TW.words if _TW.meaning(w).get("part") in ("H1", "H2")]  # 上半年, 下半年
_PARTS = [w for w in _TW.words if _TW.meaning(w).get("part")]  # 上半年, 前三季度, 一季度, 第一季度 …
_RY = lexicon.get("rel_year")
_YEARS_NAMED = [w for w in _RY.words if _RY.meaning(w).get("chain") and not _RY.meaning(w).get("basis_like")]  # 今年, 去年 …
_ISSUE = lexicon.alternation_where("page_unit", kind="issue")  # 期


@dataclass
class _Event:
    at: int  # line index where the article would start
    group: tuple[int, ...] = ()  # headline lines
    lead: int | None = None
    column: int | None = None
    starts: bool = False  # a page header or bullet: always a new article when the current has content
    # Headline lines below that repeat the group's headline (with its subtitle): not a new article.
    repeat: tuple[int, ...] = ()


@dataclass
class _Art:
    start: int  # line index
    group: tuple[int, ...] = ()
    lead: int | None = None
    column: int | None = None
    title: int | None = None
    subtitles: list[int] = field(default_factory=list)
    # The line that finishes a heading broken over two lines (…便民热线 / 2024年10月份运行情况通报).
    title_join: int | None = None
    repeat: tuple[int, ...] = ()
    kicker: int | None = None


def _group_before(lines: list[Line], i: int) -> tuple[int, ...]:
    """The headline block that a lead or signature at line i hangs from, if any; with the headline
    above it when only the piece's stamp stands between (市长热线年受理来电13万 / 2011-01-31 14:20
    来源:某某晚报 / 办结率100%,群众满意率95% / lead: the title, its stamp, its subtitle)."""
    g = _group_right_before(lines, i)
    if not g or g[0] == 0 or lines[g[0] - 1].kind is not Kind.FURNITURE:
        return g
    k = g[0] - 1
    while k >= 0 and lines[k].kind is Kind.FURNITURE and is_stamp(lines[k].text):
        k -= 1
    if k < 0 or lines[k + 1].kind is not Kind.FURNITURE or lines[k].kind is Kind.FURNITURE or not _stacks(lines[k]):
        return g
    if _ORG.search(lines[k].text) or _MASTHEAD.search(lines[k].text) or _caption_of_figure(lines, k):
        return g
    return (k, *g)


def _group_right_before(lines: list[Line], i: int) -> tuple[int, ...]:
    """The headline block right above a lead or signature at line i (furniture and figures between)."""
    j = i - 1
    figures: list[int] = []
    under_head = False
    while j >= 0 and lines[j].kind in (Kind.FIGURE, Kind.FURNITURE, Kind.BYLINE, Kind.SHORT):
        if lines[j].kind is Kind.FIGURE:
            if len(_HAN.findall(lines[j].text)) >= 10 and len(lines[j].text) >= 14:
                if j > 0 and lines[j - 1].kind is Kind.HEAD and not lines[j].blank_before:
                    under_head = True  # 市…发布分析报告 / 为消费者挽回经济损失533.8万元: title, subtitle
                    break
                # 上半年我市12345热线受理群众诉求超41万件: a headline with figures in it, under the
                # infographic and above its highlights (按期办结率98.6%)
                return (j,)
            figures.append(j)
        j -= 1
    if j < 0 or (lines[j].kind not in _HEADS and not under_head):
        # a lone figure-shaped line right before the lead is its headline (全市GDP增长5.2%)
        # (with only a date line between them: 市12345热线10月受理诉求42186件 / 发布日期:…)
        f = figures[0] if len(figures) == 1 else -1
        if f >= 0 and len(lines[f].text) >= 8 and all(lines[x].kind is Kind.FURNITURE for x in range(f + 1, i)):
            return (f,)
        block = sorted(figures)
        if len(block) >= 2 and block == list(range(block[0], i)) and not any(lines[x].blank_before for x in [*block[1:], i]) \
                and all(len(_HAN.findall(lines[x].text)) >= 6 for x in block):
            return tuple(block)  # 一季度全市GDP增长5.2% / 工业增加值增长6%: a headline and subtitle with figures
        return ()
    end = j
    while j > 0 and not lines[j].blank_before and _stacks(lines[j - 1]) and (_stacks(lines[j]) or j == end):
        j -= 1
    while lines[j].kind is not Kind.HEAD and j < end:  # a stack starts with a headline, not a figure
        j += 1
    if end + 1 < i and not lines[i].blank_before and all(
            lines[x].kind is Kind.FIGURE and not lines[x].blank_before for x in range(end + 1, i)):
        end = i - 1  # 市热线办开展回访专项行动 / 一季度回访诉求3.2万件 right above the lead: its subtitle
    return tuple(range(j, end + 1))


def _stacks(ln: Line) -> bool:
    """Can this line sit in a stack of headline lines (kicker, main title, subtitle)?"""
    return ln.kind is Kind.HEAD or (ln.kind is Kind.FIGURE and len(_HAN.findall(ln.text)) >= 6)


def _group_after(lines: list[Line], i: int) -> tuple[int, ...]:
    """The headline block right after a page header or column line."""
    j = i + 1
    while j < len(lines) and lines[j].kind in (Kind.FURNITURE, Kind.SEPARATOR):
        j += 1
    if j < len(lines) and lines[j].kind is Kind.FIGURE and len(_HAN.findall(lines[j].text)) >= 6 \
            and (j + 1 == len(lines) or lines[j + 1].kind in (Kind.FURNITURE, Kind.LEAD, Kind.BYLINE)):
        return (j,)  # a headline with figures in it (市12345热线10月受理诉求42186件) under its column
    if j >= len(lines) or lines[j].kind not in _HEADS or _caption_of_figure(lines, j):
        return ()
    s = j
    while j + 1 < len(lines) and _stacks(lines[j + 1]) and not lines[j + 1].blank_before:
        j += 1
    while lines[j].kind is not Kind.HEAD and j > s:
        j -= 1
    return tuple(range(s, j + 1))


def _events(lines: list[Line]) -> list[_Event]:
    evs: list[_Event] = []
    # Marker headlines are items of a briefs page when the page opens with them (under its masthead)
    # or when every one is credited; inside a piece already begun they head its sections.
    bullets = [ln.idx for ln in lines if ln.kind is Kind.BULLET]
    begun = bool(bullets) and any(
        lines[x].kind in (Kind.PROSE, Kind.LEAD) or (lines[x].kind is Kind.HEAD and x + 1 < bullets[0]
                                                     and lines[x + 1].kind not in (Kind.SEPARATOR, Kind.FURNITURE))
        for x in range(bullets[0]))
    masthead = bool(bullets) and any(lines[x].kind is Kind.SEPARATOR or _MASTHEAD.search(lines[x].text)
                                     for x in range(bullets[0]))
    items = (not begun and masthead) or all(_bullet_item(lines, i) for i in bullets)
    for ln in lines:
        i, k = ln.idx, ln.kind
        if k is Kind.LEAD:
            g = _group_before(lines, i)
            evs.append(_Event(at=g[0] if g else i, group=g, lead=i))
        elif k in (Kind.SIGNATURE, Kind.NAME) or (k is Kind.BYLINE and not _EDITOR_LINE.match(ln.text)
                                                  and bl.parse_byline_line(ln.text, 0)):
            g = _group_before(lines, i)
            if g and g[-1] == i - 1:  # a signed piece: □姬国庆 right under its headline
                evs.append(_Event(at=g[0], group=g))
        elif k is Kind.COLUMN:
            g = _group_after(lines, i)
            if not g and i > 0 and _next_content(lines, i) in (Kind.PROSE, Kind.TABLE, Kind.SECTION):
                continue  # 【总体情况】 over a paragraph: a section of the report, not a new article
            evs.append(_Event(at=i, group=g, column=i, starts=True))
        elif k is Kind.SEPARATOR:
            evs.append(_Event(at=i, group=_group_after(lines, i), starts=True))
        elif k is Kind.BULLET and (items or ln.item):
            evs.append(_Event(at=i, group=(i,), starts=True))
        elif k in (Kind.HEAD, Kind.FIGURE) and _credited_item(lines, i):
            # (a headline with its figure, 城西片区老旧小区改造惠及3100余户, reads as a FIGURE line)
            evs.append(_Event(at=i, group=(i,), starts=True))
        elif k in (Kind.HEAD, Kind.FIGURE) and i + 1 < len(lines) and lines[i + 1].kind is Kind.FURNITURE \
                and _POSTED.search(lines[i + 1].text) and len(_HAN.findall(ln.text)) >= 6 \
                and any(x.kind is not Kind.BYLINE for x in lines[i + 2:]):  # not the page's closing credits
            # 县人社局举办秋季招聘会 / 发布时间:2024-09-10 来源:…: a web page's item header, with the
            # lines of its headline stacked above it (老街焕新记 / ——某镇老街改造见闻 / 发布时间:…)
            j = i
            while j > 0 and not lines[j].blank_before and _stacks(lines[j - 1]):
                j -= 1
            evs.append(_Event(at=j, group=tuple(range(j, i + 1)), starts=True))
    # one headline block may be found from both sides (column above, lead below): merge
    merged: list[_Event] = []
    for ev in sorted(evs, key=lambda e: (e.at, e.lead or 0)):
        prev = merged[-1] if merged else None
        if prev and ev.group and prev.group and set(ev.group) & set(prev.group):
            prev.lead = prev.lead if prev.lead is not None else ev.lead
            prev.group = prev.group if len(prev.group) >= len(ev.group) else ev.group
            prev.column = prev.column if prev.column is not None else ev.column
            continue
        if prev and prev.group and prev.lead is None and ev.at > prev.group[-1] and _listed(lines, prev) \
                and all(lines[x].kind in (Kind.FURNITURE, Kind.SEPARATOR, Kind.COLUMN) for x in range(prev.group[-1] + 1, ev.at)) \
                and (not ev.group or _repeats_title(lines, prev, ev)):
            # 1. 标题 / 第1版(要闻)专栏: 标题 副题 新华社…电: the item's page header, its headline
            # repeated with the subtitle, and its dateline all belong to the listed headline
            prev.lead = ev.lead
            prev.column = prev.column if prev.column is not None else ev.column
            prev.repeat = prev.repeat + ev.group
            continue
        if prev and not prev.group and prev.starts and ev.group and ev.at > prev.at and prev.lead is None \
                and all(lines[x].kind in _PRELUDE | {Kind.SEPARATOR} for x in range(prev.at + 1, ev.at)):
            # a page header with furniture, then the headline found from its lead
            prev.group, prev.lead = ev.group, ev.lead
            prev.column = prev.column if prev.column is not None else ev.column
            continue
        merged.append(ev)
    return merged


def _listed(lines: list[Line], ev: _Event) -> bool:
    """The event's headline is an item of a numbered headline list."""
    return len(ev.group) == 1 and lines[ev.group[0]].item


def _repeats_title(lines: list[Line], prev: _Event, ev: _Event) -> bool:
    head = lines[prev.group[0]]
    title = head.text[head.inner[0] - head.start:] if head.inner else head.text
    return furniture.repeats(title, lines[ev.group[0]].text[:len(title) + 2])


# 编辑:张三 / 责任编辑:… closes a page: it credits the piece above, it does not sign a new one.
_EDITOR_LINE = regex.compile(rf"^\s*(?:{bl.GRADE})?(?:{lexicon.alternation_where('byline_role', editor=True)})\s*[:：]")
# 澄潭日报 / 第6版 / 2024年第6期 / 星期三: a newspaper's or bulletin's masthead
_MASTHEAD = regex.compile(rf"(?:{lexicon.alternation('publication')})$|{_ORDINAL}\s*\d+\s*(?:{lexicon.alternation('page_unit')})"
                          rf"|{lexicon.alternation_where('weekday', long=True)}")
_POSTED = regex.compile(rf"^(?:{lexicon.alternation('item_stamp')})[:：]")
_CREDIT_CLOSE = regex.compile(rf"[(（](?:{bl.OWN_PAPER})?(?:{bl.GRADE})?(?:{bl.PLAIN_ROLE})[\s:：]*[\p{{Han}}·\s、]{{2,20}}[)）]\s*$")


def _credited_item(lines: list[Line], i: int) -> bool:
    """A headline between prose blocks over a short item signed at its end ((记者 聂远帆)):
    a new article, not a subheading."""
    if i == 0 or not lines[i].blank_before or lines[i - 1].kind not in (Kind.PROSE, Kind.LEAD):
        return False
    j = i + 1
    while j < len(lines) and lines[j].kind is Kind.PROSE:
        if _CREDIT_CLOSE.search(lines[j].text):
            return True
        j += 1
    return False


def _bullet_item(lines: list[Line], i: int) -> bool:
    """A headline behind a marker (■枫亭镇晚稻喜获丰收) heads an item of its own when that item is
    credited (本报讯…, a byline, a signature, a closing (记者 X)); uncredited, the marker line is a
    section of the piece it stands in (▶ 诉求从哪来？ in an account's article)."""
    for ln in lines[i + 1:]:
        if ln.kind is Kind.BULLET:
            return False
        if ln.kind in (Kind.LEAD, Kind.BYLINE, Kind.SIGNATURE) or (
                ln.kind is Kind.PROSE and _CREDIT_CLOSE.search(ln.text)):
            return True
    return False


def _next_content(lines: list[Line], i: int) -> Kind | None:
    """The kind of the first line after i that is not page furniture."""
    for ln in lines[i + 1:]:
        if ln.kind not in (Kind.FURNITURE, Kind.SEPARATOR):
            return ln.kind
    return None


def _has_content(lines: list[Line], art: _Art, upto: int) -> bool:
    if art.group or art.lead is not None:
        return True
    return any(lines[x].kind in (Kind.PROSE, Kind.SECTION, Kind.TABLE) for x in range(art.start, upto))


def _prelude_start(lines: list[Line], at: int, floor: int) -> int:
    """Captions, figures and column names above a headline go with it."""
    j = at
    while j - 1 > floor and lines[j - 1].kind in _PRELUDE:
        j -= 1
    return j


def _pick_title(lines: list[Line], art: _Art) -> None:
    g = art.group
    if not g:
        return
    stack = headline.roles([lines[x].text for x in g])
    art.title = g[stack.main]
    art.kicker = g[stack.kicker] if stack.kicker is not None else None
    art.subtitles = [x for x in g if x != art.title]


def _last_anchor(art: _Art) -> int:
    return max([art.start, *art.group, art.lead if art.lead is not None else -1, art.column or -1])


def _build(lines: list[Line]) -> list[_Art]:
    arts = [_Art(start=0)]
    for ev in _events(lines):
        cur = arts[-1]
        if not ev.group and not ev.starts:  # a dateline with no headline of its own
            if cur.lead is None:
                cur.lead = ev.lead
                continue
            new = _Art(start=ev.at, lead=ev.lead)
            # stacked headlines of short items: the second headline titles the second item
            if cur.group and len(cur.group) == 2 and cur.title == cur.group[0] and cur.lead == cur.group[-1] + 1:
                new.title = cur.group[1]
                cur.subtitles = [x for x in cur.subtitles if x != new.title]
            arts.append(new)
            continue
        if _has_content(lines, cur, ev.at):
            start = ev.at if ev.starts else _prelude_start(lines, ev.at, _last_anchor(cur))
            cur = _Art(start=start)
            arts.append(cur)
        cur.group, cur.lead, cur.repeat = ev.group, ev.lead, ev.repeat
        if ev.column is not None:
            cur.column = ev.column
        _pick_title(lines, cur)
    return arts



_DOC_HEADER = regex.compile(rf"(?:{lexicon.alternation_where('report_kind', letterhead=True)})$")
_ISSUE_LINE = regex.compile(rf"^(?:\d{{4}}{_YEAR})?{_ORDINAL}\s*\d{{1,4}}\s*(?:{_ISSUE})")
_PERIOD_WORD = regex.compile(rf"\d{{1,2}}{_MONTH}|{_QUARTER}|{'|'.join(_HALVES)}|{_FULL_YEAR}|{'|'.join(_YEARS)}"
                             rf"|{_ORDINAL}\d{{1,2}}(?:{_WEEK})")
_REPORT_END = regex.compile(rf"(?:{lexicon.alternation_without('report_kind', letterhead=True)})$")


_PERIOD_ONLY = regex.compile(rf"^(?:{'|'.join(_YEARS_NAMED)}|{_FULL_YEAR})?(?:{'|'.join(_PARTS)}|{_FULL_YEAR}|"
                             rf"\d{{1,2}}[—–-]\d{{1,2}}{_MONTH}|\d{{1,2}}(?:{_MONTHS})|\d{{4}}{_YEAR})"
                             rf"(?:{lexicon.alternation_where('time_word', since=True)})?$")



def _caption_of_figure(lines: list[Line], x: int) -> bool:
    """A short headline-shaped line directly over a bare figure line is an infographic's caption;
    a line that only names a period (今年上半年) heads the infographic, not an article."""
    if lines[x].kind is Kind.HEAD and _PERIOD_ONLY.match(lines[x].text.strip()):
        return True
    if lines[x].kind is not Kind.HEAD or len(lines[x].text) > 14 or x + 1 >= len(lines):
        return False
    nxt = lines[x + 1]
    return nxt.kind is Kind.FIGURE and not nxt.blank_before and len(_HAN.findall(nxt.text)) < 6


def _top_title(lines: list[Line], art: _Art, stop: int) -> None:
    """A report's own heading: the first headline-shaped line before any prose."""
    first = art.start
    # A bulletin's masthead (name / 工作简报 / 第11期 / issuer and date) is not its heading.
    for x in range(art.start, min(stop, art.start + 6)):
        if _ISSUE_LINE.match(lines[x].text):
            if any(_REPORT_END.search(lines[y].text) and _PERIOD_WORD.search(lines[y].text)
                   for y in range(art.start, x)):
                break  # 某区12345热线6月运行简报 / 2024年第6期: the heading comes first
            first = x + 1
            while first < stop and lines[first].kind in (Kind.FIGURE, Kind.FURNITURE) and not lines[first].blank_before:
                first += 1
            break
    slot = _headline_slot(lines, first, stop)
    if slot is not None:
        first = slot
    for x in range(first, stop):
        k, t = lines[x].kind, lines[x].text
        if k is Kind.PROSE and x == slot:
            art.group = (x,)  # 今年上半年,菏泽…下降8.32% over the page's credits: its headline, commas and all
            _pick_title(lines, art)
            return
        if k is Kind.HEAD and _DOC_HEADER.search(t):
            continue  # 某某市人民政府办公室文件: the letterhead of an official document
        if _caption_of_figure(lines, x):
            continue  # 全市异地就医直接结算 / **28.46**万人次: the caption of an infographic figure
        if k is Kind.HEAD and _ORG.search(t) and x + 1 < stop and lines[x + 1].kind in (Kind.HEAD, Kind.FURNITURE):
            continue  # the issuing body above the heading (某某市统计局 / 2023年统计公报) or over its date
        if k is Kind.HEAD or (k is Kind.FIGURE and len(_HAN.findall(t)) >= 6):
            art.group = (x,)
            _pick_title(lines, art)
            nxt = x + 1
            if nxt < stop and not lines[nxt].blank_before and lines[nxt].kind in (Kind.HEAD, Kind.FIGURE) \
                    and _REPORT_END.search(lines[nxt].text) and not _REPORT_END.search(t):
                art.title_join = nxt  # one heading over two lines
            return
        if k is Kind.TABLE and (cap := _table_caption(lines[x])) is not None:
            lines[x].inner = cap  # | 2-3 总产出 | ||||: a page that is a table, named by its caption row
            art.group = (x,)
            _pick_title(lines, art)
            return
        if k not in (Kind.FURNITURE, Kind.SEPARATOR, Kind.COLUMN, Kind.NAME, Kind.SHORT, Kind.FIGURE):
            return


# Lines that may stand between a page's headline and its text: the page's credits and stamps,
# its issuers, section labels in brackets.
_CREDITS = {Kind.FURNITURE, Kind.BYLINE, Kind.NAME, Kind.SIGNATURE, Kind.SHORT, Kind.COLUMN}
_COMMA = regex.compile(r"[,,]")
_OPENER_MAX = 3
_MARKS = "■□★☆▲△▶▷►●○◆◇•▪▸"


def _slot_prose(ln: Line) -> bool:
    """A line shaped like a long headline: not a sentence (no full stop, not ending on a comma)."""
    return ln.kind is Kind.PROSE and unfinished_line(ln.text)


def _opening_headline(lines: list[Line], x: int, stop: int) -> bool:
    """The page's first line of text is its headline, commas and all, when it is no sentence and a
    paragraph of text follows it (上半年,某市热线受理诉求32.1万件,同比下降3.2% / 8月8日,记者…。);
    not a sentence's opening (同时,…) nor a note in brackets ((资料图))."""
    ln = lines[x]
    if not _slot_prose(ln) or x + 1 >= stop or not lines[x + 1].blank_before:
        return False
    if lines[x + 1].kind not in (Kind.PROSE, Kind.LEAD) or ln.text[:1] in "(【[":
        return False
    comma = _COMMA.search(ln.text)
    return comma is None or comma.start() >= _OPENER_MAX  # 同时, 此外, open a sentence; 上半年, a headline


def _body_line(lines: list[Line], x: int) -> bool:
    ln = lines[x]
    if ln.kind is Kind.PROSE:
        # a line that is no sentence opens the text only when more text follows it (某某网,让生活更美好
        # over a headline is the site's slogan)
        return not _slot_prose(ln) or (x + 1 < len(lines) and lines[x + 1].kind in (Kind.PROSE, Kind.LEAD, Kind.SECTION))
    if ln.kind is Kind.TABLE:
        return _table_caption(ln) is None
    if ln.kind is Kind.HEAD and ln.text[:1] in _MARKS:
        return True  # ▶ 诉求从哪来: a marked section head opens the text
    return ln.kind in (Kind.LEAD, Kind.SECTION, Kind.BULLET)


def _headline_slot(lines: list[Line], first: int, stop: int) -> int | None:
    """Where a page's headline stands: right above its text, with only the page's credits, stamps
    and issuers between (a site's name, slogan and navigation come before it). The first line of
    that headline's stack, or None when the page shows no such headline."""
    body = next((x for x in range(first, stop) if _body_line(lines, x)), None)
    if body is None:
        return None
    if _opening_headline(lines, body, stop):
        return body
    j = body - 1
    while j >= first and (lines[j].kind in _CREDITS or (lines[j].kind is Kind.HEAD and _ORG.search(lines[j].text))):
        j -= 1
    if j < first:
        return None
    ln = lines[j]
    if ln.kind is Kind.PROSE:
        return j if _slot_prose(ln) and j < body - 1 else None
    if ln.kind is Kind.TABLE:
        if _table_caption(ln) is None:
            return None
        while j > first and lines[j - 1].kind is Kind.TABLE and _table_caption(lines[j - 1]) is not None:
            j -= 1  # | 2-3 总产出 | / | 单位:亿元 |: the table's caption is its first row
        return j
    fuller = [x for x in range(first, j) if lines[x].kind is Kind.HEAD and len(lines[x].text) > len(ln.text)
              and furniture.ends_with(lines[x].text, ln.text)]
    if fuller:
        return fuller[0]  # the headline written out whole above a broken copy of it (子洲县二〇 / 国民经济…公报)
    if not (ln.kind is Kind.HEAD or (ln.kind is Kind.FIGURE and len(_HAN.findall(ln.text)) >= 6)):
        return None
    if j > first and not ln.blank_before and lines[j - 1].kind is Kind.FIGURE and len(_HAN.findall(lines[j - 1].text)) < 6:
        return None  # 96.8% / 群众满意率: the caption under an infographic's figure
    while j > first and not lines[j].blank_before and _stacks(lines[j - 1]):
        j -= 1
    return j


_TABLE_NUMBER = regex.compile(rf"(?:(?:{lexicon.alternation_where('exhibit', kind='table')})\s*)?[\d.\-]+(?![\d{_YEAR}])\s*")  # 2-3 总产出, not the year of 2024年…公报


def _table_caption(ln: Line) -> tuple[int, int] | None:
    """The caption in a table's first row when it is the row's only cell (table number dropped)."""
    if "|" not in ln.text:
        return None  # a row read from its shape (接获总数 Total de casos 1,318), not a cell
    cells = [(m.start(), m.end()) for m in regex.finditer(r"[^|]+", ln.text) if ln.text[m.start():m.end()].strip()]
    if len(cells) != 1:
        return None
    a, b = cells[0]
    cell = ln.text[a:b]
    a += len(cell) - len(cell.lstrip())
    num = _TABLE_NUMBER.match(ln.text, a, b)
    if num:
        a = num.end()
    caption = ln.text[a:b].strip()
    if len(_HAN.findall(caption)) < 2 or (rx(r"\d").search(caption) and not _HAN.search(caption[:1])
                                          and not rx(rf"^\d{{4}}\s*{_YEAR}").match(caption)):
        return None
    return ln.start + a, ln.start + a + len(caption)


# The roles a photo credit (张玖杰 摄) or a bare signature gives when the text names none: a person
# already credited in a role of their own is not credited again in one of these.
_DEFAULT_ROLES = frozenset(str(m["role"]) for m in lexicon.get("byline_role").meanings.values()
                           if m.get("signs") == "作者" or (m.get("plain") and m.get("reporter")))


def _byline(norm: NormText, lines: list[Line], art: _Art, end_line: int) -> tuple[BylineBlock | None, bl.Lead | None]:
    people: list[bl.Person] = []
    lead = None
    if art.lead is not None:
        ln = lines[art.lead]
        lead = bl.parse_lead(ln.text, ln.start)
        if lead:
            people += lead.people
    after_title = art.group[-1] + 1 if art.group else -1
    content = [x for x in range(art.start, end_line) if lines[x].kind not in (Kind.FURNITURE, Kind.BULLET)]
    for x in range(art.start, end_line):
        ln = lines[x]
        if ln.kind is Kind.SIGNATURE:
            people += bl.parse_signature(ln.text, ln.start)
        elif ln.kind is Kind.BYLINE:
            people += bl.parse_byline_line(ln.text, ln.start)
        elif ln.kind is Kind.NAME and after_title <= x <= after_title + 1:
            people.append(bl.Person("作者", ln.start, ln.end))
        elif ln.kind is Kind.PROSE and x != art.lead:
            people += bl.reported_by(ln.text, ln.start) + bl.opening_credit(ln.text, ln.start)
        elif ln.kind in (Kind.SEPARATOR, Kind.FURNITURE):
            people += bl.inline_credits(ln.text, ln.start)  # a page strip's 责任编辑:A/B
        people += bl.photo_credits(ln.text, ln.start)
    for x in content[-3:]:
        ln = lines[x]
        people += bl.parse_end_signature(ln.text, ln.start)
    seen: set[tuple[str, str]] = set()
    named: set[str] = set()
    out: list[PersonBlock] = []
    for p in sorted(people, key=lambda p: p.start):
        name = rx(r"\s+").sub("", norm.text[p.start:p.end])
        if (p.role, name) in seen or (name in named and p.role in _DEFAULT_ROLES):
            continue  # (实习生 张玖杰 … 张玖杰 摄: a photo's or a signature's default role adds no one)
        seen.add((p.role, name))
        named.add(name)
        out.append(PersonBlock(p.role, name, p.start, p.end))
    if lead is None and not out:
        return None, None
    block = BylineBlock(people=out)
    if lead is not None:
        block.agency = norm.surface(*lead.agency) if lead.agency else None
        if lead.agency_text and lead.agency and lead.agency_text.endswith("讯") and block.agency:
            block.agency += norm.surface(lead.agency[1], lead.agency[1] + 1)
        block.place, block.date = lead.place, lead.date
        block.start, block.end = lines[art.lead or 0].start, lead.end
    else:
        block.start, block.end = out[0].start, out[-1].end
    return block, lead


_GLOSS_AFTER = regex.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")


def _raw(norm: NormText, s: int, e: int) -> str:
    """The page's own text of a range: titles are quoted as written, converter glosses included."""
    a, b = norm.orig_range(s, e)
    g = _GLOSS_AFTER.match(norm.original, b)
    if g:
        b = g.end()
    # a run of spaces is one, of the page's own kind (七村民抱团种木耳\u3000小菌棒…); a line break a space
    out = rx(r"\s+").sub(lambda m: " " if "\n" in m.group() else m.group()[0], norm.original[a:b].replace("*", ""))
    return out.strip()


def segment(norm: NormText) -> list[ArticleBlock]:
    """The page's articles (see `analyse` for the line roles as well)."""
    return analyse(norm).articles


def analyse(norm: NormText) -> Layout:
    """The page's articles, every line's role, and the furniture inside its lines."""
    text = norm.text
    if not text.strip():
        return Layout([ArticleBlock(0, len(text))])
    blanked, noise = page_text(norm)
    lines = split_lines(norm, blanked)
    if not lines:
        return Layout([ArticleBlock(0, len(text))], furniture=noise)
    arts = _build(lines)
    if arts[0].title is None and not arts[0].group:
        end_line = arts[1].start if len(arts) > 1 else len(lines)
        _top_title(lines, arts[0], arts[0].lead if arts[0].lead is not None else end_line)
    arts = _merged(lines, arts)
    out: list[ArticleBlock] = []
    for k in range(len(arts)):
        end_line = arts[k + 1].start if k + 1 < len(arts) else len(lines)
        out.append(_block(norm, lines, arts, k, end_line))
    return Layout(out, _line_roles(lines, arts), noise)


_BODY = {Kind.PROSE, Kind.LEAD, Kind.SECTION, Kind.TABLE, Kind.FIGURE}


def _title_of(lines: list[Line], art: _Art) -> str | None:
    if art.title is None:
        return None
    ln = lines[art.title]
    a, b = (ln.inner[0] - ln.start, ln.inner[1] - ln.start) if ln.inner and ln.kind is not Kind.COLUMN else (0, len(ln.text))
    return rx(r"\s+").sub("", ln.text[a:b])


def _photo_caption(ln: Line) -> bool:
    """图为市民在社区食堂就餐。本报记者 X 摄: a photo's caption, which belongs to the article below it."""
    return ln.kind is Kind.PROSE and len(ln.text) <= _CAPTION_MAX and bool(bl.photo_credits(ln.text, 0))


_CAPTION_MAX = 80


def _merged(lines: list[Line], arts: list[_Art]) -> list[_Art]:
    """Articles as the page has them: a headline repeated over its lead further down (after an
    editor's note) is the same article; a block with no text of its own (a site's chrome above the
    first article, its links and footer below the last) belongs to the article beside it."""
    out: list[_Art] = []
    pending: _Art | None = None
    for k, art in enumerate(arts):
        end = arts[k + 1].start if k + 1 < len(arts) else len(lines)
        title = _title_of(lines, art)
        if out and title and title == _title_of(lines, out[-1]):
            prev = out[-1]
            prev.lead = prev.lead if prev.lead is not None else art.lead
            prev.repeat = prev.repeat + art.group
            continue
        bodied = art.lead is not None or any(lines[x].kind in _BODY and not _photo_caption(lines[x])
                                             for x in range(art.start, end) if x not in art.group)
        listed = bool(art.group) and lines[art.group[0]].item  # a numbered list of headlines lists articles
        if not bodied and not listed and len(arts) > 1:
            if not out:
                pending = pending or art
            continue
        if pending is not None:
            if not art.group and pending.group:
                # 第01版:要闻 / 标题 / (报名 日期 第01版) / 本报讯…: the headline over the page strip is the text's
                art.group, art.title, art.kicker, art.subtitles = pending.group, pending.title, pending.kicker, pending.subtitles
                art.column = art.column if art.column is not None else pending.column
            art.start, pending = pending.start, None
        out.append(art)
    out = out or arts
    for art in out:
        if art.title is None:
            end = out[out.index(art) + 1].start if art is not out[-1] else len(lines)
            labelled = [x for x in range(art.start, end) if lines[x].kind is Kind.HEAD and lines[x].inner
                        and _TITLE_LABEL.match(lines[x].text)]
            if labelled:
                art.title = labelled[0]  # …正文… / 原标题:X / 来源:…: a repost names its text at its end
    return out


def _block(norm: NormText, lines: list[Line], arts: list[_Art], k: int, end_line: int) -> ArticleBlock:
    art = arts[k]
    start = 0 if k == 0 else lines[art.start].start
    end = lines[arts[k + 1].start].start if k + 1 < len(arts) else len(norm.text)
    block = ArticleBlock(start, end)
    by, lead = _byline(norm, lines, art, end_line)
    block.byline = by
    if art.title is not None:
        ln = lines[art.title]
        # the headline proper: behind its marker, in its table cell, after its label, before its translation
        block.title = ln.inner if ln.inner and ln.kind is not Kind.COLUMN else (ln.start, ln.end)
    elif lead is not None and lead.title is not None:
        block.title = lead.title
    if block.title:
        block.title_text = _raw(norm, *block.title)
    if art.title_join is not None and block.title:
        nl = lines[art.title_join]
        block.title_text = (block.title_text or "") + _raw(norm, nl.start, nl.end)
        block.title = (block.title[0], nl.end)
    block.subtitles = [(lines[x].start, lines[x].end) for x in art.subtitles if x != art.title_join]
    if art.kicker is not None and art.kicker != art.title_join:
        block.kicker = (lines[art.kicker].start, lines[art.kicker].end)
    below = [x for x in art.subtitles if x != art.kicker and x != art.title_join]
    if below:
        block.subtitle = (lines[below[0]].start, lines[below[0]].end)
    if art.column is not None:
        c = lines[art.column]
        block.column = c.inner or (c.start, c.end)
    return block


# A line's role from its shape, where the article structure says nothing more.
_SHAPE_ROLE = {
    Kind.PROSE: Role.BODY, Kind.HEAD: Role.SECTION, Kind.FIGURE: Role.CAPTION, Kind.LEAD: Role.DATELINE,
    Kind.SECTION: Role.SECTION, Kind.FURNITURE: Role.FURNITURE, Kind.SEPARATOR: Role.MASTHEAD,
    Kind.COLUMN: Role.COLUMN, Kind.SIGNATURE: Role.BYLINE, Kind.BYLINE: Role.BYLINE, Kind.NAME: Role.BYLINE,
    Kind.BULLET: Role.SECTION, Kind.TABLE: Role.TABLE, Kind.SHORT: Role.CAPTION,
}


def _line_roles(lines: list[Line], arts: list[_Art]) -> list[LineRole]:
    roles = [_SHAPE_ROLE[ln.kind] for ln in lines]
    for k, ln in enumerate(lines):
        if ln.kind in (Kind.HEAD, Kind.FURNITURE) and _MASTHEAD.search(ln.text) \
                and not any(x.kind is Kind.LEAD for x in lines[:k]):
            roles[k] = Role.MASTHEAD  # 青川日报 over the page's first item
        elif _photo_caption(ln):
            roles[k] = Role.CAPTION  # …正在回访群众。本报记者 X 摄
    for n, art in enumerate(arts):
        head = art.group[0] if art.group else art.start
        apart = head < len(lines) and lines[head].blank_before  # a blank line or furniture below x, up to the headline
        figure = False  # an infographic's figure below x
        for x in range(head - 1, art.start - 1, -1):
            if roles[x] is Role.SECTION and lines[x].kind is Kind.HEAD:
                roles[x] = Role.CAPTION  # a photo or infographic caption above the headline
            figure = figure or lines[x].kind is Kind.FIGURE
            if n == 0 and lines[x].kind in (Kind.HEAD, Kind.SHORT) and apart and not figure:
                roles[x] = Role.MASTHEAD  # a site's name and slogan, a report's running head over the page
            apart = apart or lines[x].blank_before or lines[x].kind is Kind.FURNITURE
        y = art.title + 1 if art.title is not None else len(lines)
        while y < len(lines) and (lines[y].kind in _CREDITS or (lines[y].kind is Kind.HEAD and _ORG.search(lines[y].text))):
            if lines[y].kind is Kind.HEAD:
                roles[y] = Role.FURNITURE  # 某市统计局 / 国家统计局某市调查队 under the title: its issuers
            y += 1
        for x in art.subtitles:
            roles[x] = Role.SUBTITLE
        for x in art.repeat:
            roles[x] = Role.SUBTITLE
        if art.kicker is not None:
            roles[art.kicker] = Role.KICKER
        for t in (art.title, art.title_join):
            if t is not None:
                roles[t] = Role.TITLE
        if art.column is not None:
            roles[art.column] = Role.COLUMN
        if art.lead is not None:
            roles[art.lead] = Role.DATELINE
    return [LineRole(r, ln.start, ln.end) for r, ln in zip(roles, lines, strict=True)]
