"""Split a normalised page into lines and say what each line looks like.

The segmenter never reads prose word by word: a page's layout shows in the
shape of its lines. A headline is short and holds no sentence punctuation; a
lead opens with a dateline (`本报讯`, `新华社北京7月18日电`); page furniture
(发布时间, 来源, breadcrumbs, page headers) is recognisable by its wording.
"""

from __future__ import annotations

import bisect
import enum
import itertools
from dataclasses import dataclass

import regex

from ..text import lexicon
from ..text.normalise import NormText
from ..text.rx import rx
from . import furniture, tables
from .byline import (
    LEAD,
    credit_cell,
    ends_in_shooter,
    inline_credits,
    is_bare_name,
    is_byline_line,
    parse_signature,
    signature_names,
)


class Kind(enum.Enum):
    PROSE = "prose"
    HEAD = "head"  # headline-like: short, no sentence punctuation
    FIGURE = "figure"  # infographic / pull-quote line ending in a figure
    LEAD = "lead"  # opens with a dateline
    SECTION = "section"  # numbered section heading (一、 (二) 3.)
    FURNITURE = "furniture"  # page furniture: dates, sources, counters, breadcrumbs
    SEPARATOR = "separator"  # page header that separates articles (第1版)
    COLUMN = "column"  # 【专栏名】 or 专栏:名
    SIGNATURE = "signature"  # □姬国庆, 文/张三
    BYLINE = "byline"  # a line that is only a byline: 新华社记者, 本报记者 张三
    NAME = "name"  # a bare personal name on its own line
    BULLET = "bullet"  # • 标题 (a bulleted headline)
    TABLE = "table"  # a flattened table cell
    SHORT = "short"  # a short label without sentence punctuation (今年上半年)


@dataclass
class Line:
    """One non-blank line; offsets are into the normalised text, stripped of edge spaces."""

    idx: int
    start: int
    end: int
    text: str
    blank_before: bool
    kind: Kind = Kind.PROSE
    # For BULLET and COLUMN lines: the range of the headline / column name proper.
    inner: tuple[int, int] | None = None
    # A BULLET that the page shows to head an item of its own (a numbered headline list whose
    # items each open under a page header), whatever the page's masthead.
    item: bool = False


_SENTENCE = regex.compile(r"[。,;,;]")
_NUMERALS = lexicon.get("numeral")
# The numerals that number a section or a page (一 to 九 and 十: 三、, (十二), 第四版), and with the
# zeros (〇, 零) those of a date written out.
_CN_DIGITS = "".join(w for w in _NUMERALS.having(canonical=True) if 1 <= _NUMERALS.meaning(w).get("digit", 0) <= 9
                     or _NUMERALS.meaning(w).get("small") == 10)
_CN_ZEROS = "".join(w for w in _NUMERALS.words if _NUMERALS.meaning(w).get("digit") == 0 and not _NUMERALS.meaning(w).get("formal"))
_ORDINAL = next(w for w in lexicon.get("ordinal").having(always=True) if len(w) == 1)  # 第
_PAGE = lexicon.alternation_where("page_unit", kind="page")  # 版
_ISSUE = lexicon.alternation_where("page_unit", kind="issue")  # 期
_RUNNING = lexicon.alternation_where("page_unit", kind="running")  # 总第
_WEB = lexicon.get("web_furniture")
# A source's or a stamp's field (来源:), the column label (专栏:).
_SOURCE = lexicon.alternation_where("item_stamp", source=True)
_COLUMN_LABEL = lexicon.alternation_where("title_label", column=True)


def _exhibit(kind: str) -> str:
    return lexicon.alternation_where("exhibit", kind=kind)


_SECTION = regex.compile(
    rf"^(?:[{_CN_DIGITS}]+\s*[、.]|[(][{_CN_DIGITS}\d]{{1,3}}[)]|\d{{1,2}}\s*[、.](?!\d)"
    rf"|{_ORDINAL}[{_CN_DIGITS}\d]+(?:{lexicon.alternation('division')})|{_exhibit('appendix')}"
    rf"|(?:{_exhibit('table')})\s*\d|(?:{_exhibit('figure')})\s*\d)"
)
_FURNITURE = regex.compile(
    rf"{'|'.join(regex.escape(w) for w in _WEB.having(anywhere=True))}"
    rf"|(?:{_SOURCE})[::]|(?:{lexicon.alternation_where('web_furniture', font=True)})[::]"
    rf"|(?:{lexicon.alternation_where('web_furniture', crumb='first')})\s*[/>»]"
    rf"|[/>»]\s*(?:{lexicon.alternation_where('web_furniture', crumb='last')})"
    rf"|(?:{_RUNNING})\s*\d+\s*(?:{_ISSUE})|(?:{lexicon.alternation_where('credit_verb', kind='print')})$"
)
# A web address (xxgk.gov.cn), looked for from its dot: [a-z0-9-]+\.… tried from every digit
# of a long line cost more than the rest of the line's classification.
_WEB_ADDRESS = regex.compile(r"(?<=[a-z0-9-])\.(?:cn|com|net|org|gov)\b")
_BREADCRUMB = regex.compile(r"(?:[/>»].*){2,}")
# A line of a date or a period and nothing else (2024年10月8日, 二零零六年十二月三十一日,
# 2025年第19周(5月5日—5月11日)): page furniture, never a title.
# The characters of a line that is only a date or a time: digits, numerals, the date parts (年, 月,
# 日, 时 …), 第, 周, 季度 and the range words (至).
_DATE_PARTS = lexicon.get("date_part")
_DATE_CHARS = "".join(w for w in _DATE_PARTS.words if len(w) == 1 and not _DATE_PARTS.meaning(w).get("position"))
_QUARTER = next(w for w, m in lexicon.get("period_word").meanings.items()
                if m.get("unit") == "quarter" and not m.get("short") and not m.get("count"))  # 季度
_WEEK = "".join(w for w in lexicon.get("period_word").having(unit="week") if len(w) == 1)  # 周
_RANGE_WORDS = "".join(w for w in lexicon.get("separator").having(kind="range") if regex.match(r"\p{Han}$", w))  # 至, 到
_DATE_ONLY = regex.compile(rf"[\d{_CN_ZEROS}{_CN_DIGITS}{_DATE_CHARS}{_ORDINAL}{_WEEK}{_QUARTER}:.\-/—–~{_RANGE_WORDS}()\s]+")
_YEAR, _MONTH, _DAY = (next(w for w in _DATE_PARTS.having(unit=u) if len(w) == 1 and not _DATE_PARTS.meaning(w).get("also_a_name"))
                       for u in ("year", "month", "day"))
_DATE_UNIT = regex.compile(rf"[{_YEAR}{_MONTH}{_DAY}{_WEEK}]")
_LETTER_SPACED = regex.compile(r"\p{Han}(?:[ \u3000]\p{Han}){3,29}")
_FORUM_FLOOR = regex.compile(rf"^\d+\s*#$|^[|\s]*$|^(?:{_exhibit('photo')})\s*\d*$")
_RULE = regex.compile(r"[-—–=＝_*·.~～]{6,}")
_SEPARATOR = regex.compile(rf"{_ORDINAL}\s*[\dA-Z{_CN_DIGITS}]+\s*(?:{_PAGE})")
_COLUMN = regex.compile(rf"^【([^】]{{1,15}})】$|^(?:{_COLUMN_LABEL})[::]\s*(\S.{{0,15}})$")
_COLUMN_FIRST = "【" + "".join(w[0] for w in lexicon.get("title_label").having(column=True))
_EMPTY_COLUMN = regex.compile(rf"^(?:{_COLUMN_LABEL})[::]?$")
_BULLETS = "•●◆▪▸►"
_MARKERS = "■★▲▶"
_BULLET = regex.compile(rf"^[{_BULLETS}]\s*")
# A figure line of an infographic or a pull-quote: short, ends in a number with its unit.
_FIGURE = regex.compile(r"\d[\d.,]*\s*(?:%|‰|\p{Han}{1,3})?$")
# At least four Han characters, found without listing them all.
_HAN4 = regex.compile(r"\p{Han}(?:\P{Han}*\p{Han}){3}")


_COMMA = regex.compile(r"[,,]")
_HAN = regex.compile(r"\p{Han}")
_SENTENCE_END = regex.compile(r"[。;!?]\s*$")
# A line in Latin script only (no Han): a translation, a link's label.
_LATIN_LINE = regex.compile(r"[^\p{Han}]+")
_LATIN_WORD = regex.compile(r"[A-Za-z\u00C0-\u024F]{2,}.*[A-Za-z\u00C0-\u024F]{2,}")
_DATE_WRITTEN = rf"\d{{4}}\s*{_YEAR}\s*\d{{1,2}}\s*{_MONTH}\s*\d{{1,2}}\s*{_DAY}|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}"
_ISSUER = regex.compile(
    rf"(?:[\p{{Han}}\w()]{{2,40}}?(?:{lexicon.alternation('org_head')})\p{{Han}}{{0,2}}\s*(?:{_DATE_WRITTEN})"
    rf"|(?:{_DATE_WRITTEN})\s*[\p{{Han}}\w()]{{2,40}}?(?:{lexicon.alternation('org_head')}))"
)
# What marks a page strip: a weekday, a page number or code (第6版, A26 at its start).
_PAGE_MARK = regex.compile(rf"{lexicon.alternation_where('weekday', long=True)}|{_ORDINAL}\s*\d+\s*(?:{_PAGE})"
                            r"|^[A-Z]\d{1,2}(?=\s|\p{Han})")
# A post's stamp: a written date with a clock time (原创 某某发布 2025年04月08日 18:06 浙江). A headline
# never carries the minute it was posted.
_STAMP = regex.compile(rf"(?:{_DATE_WRITTEN})\s*\d{{1,2}}:\d{{2}}")
_DATE_WEEKDAY = regex.compile(rf"(?:{_DATE_WRITTEN})\s*(?:{lexicon.alternation('weekday')})")
# Words of the page's chrome (buttons, navigation, a reader's buttons): a line of nothing else,
# counts aside (分享 收藏 点赞 26 在看 11, 上一版 下一版, 无障碍浏览 长者模式 登录), is furniture.
_UI_WORDS = frozenset(lexicon.words("web_furniture"))
_FIELD = regex.compile(rf"^(?:{'|'.join(regex.escape(w) for w in lexicon.get('web_furniture').having(kind='field'))})\s*[::]")
_FIELD_FIRST = frozenset(w[0] for w in lexicon.get("web_furniture").having(kind="field"))
_AGENCY_HEADS = lexicon.get("agency").having(kind="head")
_LOCATORS = lexicon.get("web_furniture").having(kind="locator")
_UI_SPLIT = regex.compile(r"[\s|:：\[\]【】()<>〈〉/·•,、\d]+")
# A link to a file (附件:….pdf) is furniture, not a section of the text.
_FILE = regex.compile(r"\.(?:pdf|docx?|xlsx?|wps|et|zip|rar|jpe?g|png|ofd)\b", regex.I)
# A label that introduces the headline on its line (原标题:…, 标题:…).
TITLE_LABEL = regex.compile(rf"^(?:{lexicon.alternation_without('title_label', lead=True, column=True)})\s*[:：]\s*")
# A line's tail in Latin script after its Chinese: the line's translation (投诉及反映 Queixas e participações).
# Words in a row, as a translation has them (not an address: www.gov.cn).
_PHRASE = regex.compile(r"[A-Za-z\u00C0-\u024F]{2,}[ \t].*[A-Za-z\u00C0-\u024F]{2,}")
_LATIN_TAIL = regex.compile(r"(?<=[\p{Han}\d)）%])\s+(?=[A-Za-z\u00C0-\u024F])([^\p{Han}]+)$")


# A site's menu: many short labels in a row (首页 新闻大观 中新财经 中新体育 …), more than a
# headline's halves or a kicker's slogan (稳就业 保民生 促发展) ever have.
_MENU_MIN = 5
_MENU_WORDS = 4
_MENU_ITEM = regex.compile(r"[\p{Han}A-Za-z\d]{1,8}")
_MENU_WORD = regex.compile(r"[\p{Han}A-Za-z]{1,8}")


def _menu(t: str) -> bool:
    """Many short labels in a row, most of them words (a pager's 共3条 首页 上一页 … too); a row of
    a table aligned by spaces holds figures instead."""
    items = t.split()
    return len(items) >= _MENU_MIN and all(_MENU_ITEM.fullmatch(x) for x in items) \
        and sum(1 for x in items if _MENU_WORD.fullmatch(x)) >= _MENU_WORDS


_STAMP_WORD = regex.compile(rf"(?:{'|'.join(regex.escape(w) for w in lexicon.get('web_furniture').having(kind='stamp'))}"
                            rf"|{_SOURCE})\s*[::]")


def is_stamp(t: str) -> bool:
    """A line that dates or sources the piece (2011-01-31 14:20:57 来源:某某晚报, 发布时间:…), not one
    that locates or navigates the site."""
    if _BREADCRUMB.search(t) or any(w in t for w in _LOCATORS):
        return False
    return bool(regex.search(_DATE_WRITTEN, t) or _STAMP_WORD.search(t))


def _ui_only(t: str) -> bool:
    """t is made only of the page's chrome words and their counts."""
    if len(t) > 60:
        return False
    toks = [x for x in _UI_SPLIT.split(t) if x]
    return bool(toks) and all(x in _UI_WORDS for x in toks)


_MARKDOWN_HEADING = regex.compile(r"^#{1,6}\s+")
_COLUMN_PREFIX = regex.compile(r"^【[^】]{1,8}】\s*")
# A page title with the site's name after a separator (…_某市人民政府网, … - 某某新闻网, … | 某某日报).
_SITE_SUFFIX = regex.compile(r"^(.{6,}?)\s*(?:_|\s[-|–]\s|——)\s*([\p{Han}A-Za-z0-9]{2,16})$")
_SITE_NAME = regex.compile(rf"(?:{lexicon.alternation('org_head', 'publication', extra=_AGENCY_HEADS)})$")


def _title_cell(t: str) -> tuple[int, int] | None:
    """The cell after a metadata row's title label (a cell 标题: or 名称:), when it reads as a headline."""
    cells = [(m.start(), m.end()) for m in regex.finditer(r"[^|]+", t)]
    for (a, b), nxt in itertools.pairwise(cells):
        label = rx(r"\s+").sub("", t[a:b])
        if label[-1:] in ":：" and TITLE_LABEL.fullmatch(label[:-1] + ":"):
            c, d = nxt
            value = t[c:d].strip()
            if value and classify(value)[0] in (Kind.HEAD, Kind.FIGURE):
                c += len(t[c:d]) - len(t[c:d].lstrip())
                return c, c + len(value)
    return None


def _metadata_row(t: str) -> bool:
    """A flattened row of a page's metadata table (a cell 索引号: with its value in the next cell,
    then 发布机构: and its value): cells that are fields' labels, each value in the cell after it;
    or a row of markup with neither words nor figures."""
    cells = [c.strip() for c in t.split("|")]
    if not any(_HAN.search(c) or rx(r"\d").search(c) for c in cells):
        return not rx(r"[|:\-\s]+").fullmatch(t)  # ![]() |: an image's markup (|---|---| is the table's rule)
    labels = [k for k, c in enumerate(cells) if c and c[-1] in ":：" and len(c) <= 12]
    if len(labels) >= 2:
        return True
    # one label: its value names or dates something (a measured row, 其中: | 120 |, is data)
    return any(k + 1 < len(cells) and _HAN.search(cells[k + 1]) for k in labels)


def _is_headline(t: str) -> bool:
    if len(t) > 60 or not _HAN4.search(t):
        return False
    if rx(r"[。;;]").search(t) or t[-1] in ":、,," or "|" in t:
        return False
    commas = [m.start() for m in _COMMA.finditer(t)]
    # one comma joining two headline halves (稳中有进,好于预期), not a sentence opener (同时,…)
    if commas and (len(commas) > 1 or len(t) > 32 or commas[0] < 4 or len(t) - commas[0] < 5):
        return False
    # a line wholly in brackets is a note or a date, not a headline
    return not (t[0] in "(【" and t[-1] in ")】")


def classify(t: str) -> tuple[Kind, tuple[int, int] | None]:
    """Kind of one stripped line, plus the range of its inner part (relative to t) if any."""
    if LEAD.match(t):
        return Kind.LEAD, None
    tail = _LATIN_TAIL.search(t) if len(t) <= 200 else None
    if tail and _PHRASE.search(tail.group(1)) and not _WEB_ADDRESS.search(tail.group(1)) and _HAN.search(t, 0, tail.start()):
        # 投诉及反映 Queixas e participações: the Chinese is the line, the rest its translation
        head = t[:tail.start()]
        if rx(r"\d$").search(tail.group(1)) and not rx(r"(?<!\d)(?:19|20)\d\d$").search(tail.group(1)):
            return Kind.TABLE, None  # 接获总数 Total de casos recebidos 1,318: a row of a two-language table
        kind, inner = classify(head)
        return kind, inner or ((0, len(head)) if kind in (Kind.HEAD, Kind.FIGURE) else None)
    if _ui_only(t) or (t[:1] in _FIELD_FIRST and _FIELD.match(t)):
        return Kind.FURNITURE, None  # 分享 收藏 点赞 26 / 标签:热线 诉求
    column = _COLUMN_PREFIX.match(t) if t[:1] == "【" else None
    if column and classify(t[column.end():])[0] in (Kind.HEAD, Kind.FIGURE):
        return Kind.HEAD, (column.end(), len(t))  # 【经济】上半年全市GDP增长5.2%: the column, then the headline
    site = _SITE_SUFFIX.match(t) if len(t) <= 80 and not _SENTENCE.search(t) else None
    if site and _SITE_NAME.search(site.group(2)) and classify(site.group(1))[0] in (Kind.HEAD, Kind.FIGURE):
        return Kind.HEAD, (0, site.end(1))  # 某市热线5月受理诉求4.2万件_某市人民政府网: a page title with its site
    heading = _MARKDOWN_HEADING.match(t) if t[:1] == "#" else None
    if heading:
        kind, _ = classify(t[heading.end():])
        if kind in (Kind.HEAD, Kind.FIGURE):
            return kind, (heading.end(), len(t))  # # 某市热线周报: a markdown heading, its marker no part of it
        if kind in (Kind.SHORT, Kind.SECTION):
            return kind, None
    label = TITLE_LABEL.match(t) if len(t) <= 80 else None
    if label and label.end() < len(t):
        kind, inner = classify(t[label.end():])
        if kind in (Kind.HEAD, Kind.FIGURE, Kind.SHORT, Kind.PROSE) and not _SENTENCE_END.search(t):
            return Kind.HEAD, (label.end(), len(t))  # 原标题:…: the headline after its label
    if len(t) <= 120 and _PAGE_MARK.search(t) and inline_credits(t, 0):
        return Kind.SEPARATOR, None  # A26 要闻 责任编辑:A/B … (星期一): a page strip
    if "/" in t and _byline_only(t):
        return Kind.BYLINE, None  # 文/王小明 图/李大伟: credits, not a breadcrumb
    if _FORUM_FLOOR.search(t) or _FURNITURE.search(t) or _WEB_ADDRESS.search(t) or _BREADCRUMB.search(t):
        return Kind.FURNITURE, None
    if len(t) <= 80 and not rx(r"[。;!?]").search(t) and _STAMP.search(t):
        return Kind.FURNITURE, None  # 原创 某某发布 2025年04月08日 18:06: a post's stamp
    if len(t) <= 120 and _FILE.search(t):
        return Kind.FURNITURE, None  # 附件:…统计公报.pdf
    if "|" in t and (cell := _title_cell(t)) is not None:
        return Kind.HEAD, cell  # | 标 题: | 2024年某市统计公报 |: the metadata names the title
    if "|" in t and _metadata_row(t):
        return Kind.FURNITURE, None
    if _DATE_UNIT.search(t) and _DATE_ONLY.fullmatch(t):  # only date characters
        return Kind.FURNITURE, None
    if len(t) <= 40 and _SEPARATOR.search(t) and not _SENTENCE.search(t):
        return Kind.SEPARATOR, None
    if _RULE.fullmatch(t):
        return Kind.SEPARATOR, None  # ------------ / ＝＝＝＝ / ****: a rule between items
    if len(t) <= 40 and _DATE_WEEKDAY.search(t) and not _SENTENCE.search(t):
        return Kind.FURNITURE, None  # 中国新闻社 2002年10月17日 星期四: the masthead's date
    if _LETTER_SPACED.fullmatch(t):
        return Kind.HEAD, None  # 澳 門 居 住 人 口 估 計: a headline set letter-spaced, not a menu of words
    if _menu(t):
        return Kind.FURNITURE, None
    m = _COLUMN.match(t) if t[:1] in _COLUMN_FIRST else None
    if m and _byline_only(t):
        return Kind.BYLINE, None  # 【责任编辑:杭雨桐】: credits, not a column
    if m:
        g = 1 if m.group(1) is not None else 2
        return Kind.COLUMN, (m.start(g), m.end(g))
    if _EMPTY_COLUMN.match(t):
        return Kind.FURNITURE, None
    if t[:1] in _MARKERS:
        # ■枫亭镇8600亩晚稻喜获丰收: a headline behind a block marker (■姬国庆 is a signature:
        # names are short)
        rest = t[1:].lstrip()
        # ■地区生产总值(前三季度):386.2亿元: an indicator line of a figure box, not a headline
        indicator = rx(r"[:：]").search(rest) is not None and rx(r"\d").search(rest) is not None
        if not indicator and len(rest) >= 6 and any(len(x) > 4 for x in rx(r"[、,，\s·]+").split(rest)) and not _SENTENCE.search(rest) and len(rx(r"\p{Han}").findall(rest)) >= 4:
            return Kind.BULLET, (len(t) - len(rest), len(t))
    m = _BULLET.match(t) if t[:1] in _BULLETS else None
    if m:
        rest = t[m.end():]
        if rest and _is_headline(rest) and not _FIGURE.search(rest):
            return Kind.BULLET, (m.end(), len(t))
        return Kind.FURNITURE, None
    if "|" in t:
        return (Kind.BYLINE if credit_cell(t) is not None else Kind.TABLE), None
    if _LATIN_LINE.fullmatch(t) and _LATIN_WORD.search(t):
        return Kind.FURNITURE, None  # a translation of the line above, a link's label (Original link:)
    if t.endswith(("...", "…")) and len(t) <= 60 and "。" not in t:
        return Kind.FURNITURE, None  # a link's title cut short (「蘇迪羅」重創農業菜...)
    if _ISSUER.fullmatch(t):
        return Kind.FURNITURE, None  # 某区民生服务中心 2024年3月5日: the issuer and date, not a title
    if _SECTION.match(t):
        return Kind.SECTION, None
    if signature_names(t) is not None and parse_signature(t, 0):
        return Kind.SIGNATURE, None
    if _byline_only(t):
        return Kind.BYLINE, None
    if is_bare_name(t):
        return Kind.NAME, None
    if len(t) <= 25 and rx(r"\d").search(t) and _FIGURE.search(t) and not _SENTENCE.search(t):
        return Kind.FIGURE, None
    if ends_in_shooter(t):
        return Kind.PROSE, None  # …司长盛来运 摄影张若梦: a photo's caption with its credit, no headline
    if _is_headline(t):
        return Kind.HEAD, None
    if len(t) <= 12 and not _SENTENCE.search(t):
        return Kind.SHORT, None
    return Kind.PROSE, None


def _byline_only(t: str) -> bool:
    return len(t) <= 40 and is_byline_line(t)


# Kinds so distinctive that a line of that kind which the normaliser glued to the
# line before it (a layout break it could not tell from a real one) is cut off again.
_STRONG = {Kind.LEAD, Kind.FURNITURE, Kind.SECTION, Kind.SEPARATOR, Kind.COLUMN, Kind.SIGNATURE, Kind.BYLINE}
_SHAPED = {Kind.HEAD, Kind.SHORT, Kind.NAME, Kind.FIGURE}


def _removed_breaks(norm: NormText) -> list[int]:
    """Normalised offsets i where the original had a line break, removed by normalising, between
    the characters i-1 and i (sorted; found once per page from the original's line breaks)."""
    idx, orig = norm.index, norm.original
    out: list[int] = []
    o = orig.find("\n")
    while o >= 0:
        i = bisect.bisect_right(idx, o)  # first normalised char after the break
        if 0 < i < len(idx) and idx[i - 1] != o and (not out or out[-1] != i):
            out.append(i)
        o = orig.find("\n", o + 1)
    return out


def unfinished_line(t: str) -> bool:
    """A line shaped like a long headline rather than a sentence: no full stop in it, not ending on a
    comma or a colon (上半年,某市热线受理诉求32.1万件,同比下降3.2%)."""
    return len(t) <= _UNFINISHED_MAX and not rx(r"[。;!?]").search(t) and t[-1:] not in ",、:…" \
        and len(_HAN.findall(t)) >= _UNFINISHED_HAN


_UNFINISHED_MAX = 64
_UNFINISHED_HAN = 8


def _pieces(norm: NormText, s: int, e: int, removed: list[int], text: str) -> list[tuple[int, int, bool]]:
    """Cut a normalised line again where the original broke it and the parts are of different kinds,
    or where a headline-shaped line stood a paragraph apart from the text under it; each piece with
    whether a blank line stood before it in the original.

    The normaliser rejoins lines broken in mid-sentence; a headline holding a
    comma or 、 can be glued that way to the date, author or dateline under it, or to the paragraph
    it stands over.
    """
    breaks = removed[bisect.bisect_right(removed, s):bisect.bisect_left(removed, e)]  # in (s, e)
    if not breaks:
        return [(s, e, False)]
    bounds = [s, *breaks, e]
    texts = [text[a:b].strip() for a, b in itertools.pairwise(bounds)]
    kinds = [classify(t)[0] if t else Kind.SHORT for t in texts]
    cuts = [(s, False)]
    for k in range(1, len(kinds)):
        after, before = kinds[k], kinds[k - 1]
        para = norm.original.count("\n", norm.index[bounds[k] - 1], norm.index[bounds[k]]) >= 2
        if after in _STRONG or (before in _SHAPED and after in _SHAPED) \
                or (para and before is Kind.PROSE and len(cuts) == k and unfinished_line(texts[k - 1])):
            cuts.append((bounds[k], para))
    ends = [c for c, _ in cuts[1:]] + [e]
    return [(a, b, para) for (a, para), b in zip(cuts, ends, strict=True)]


# ------------------------------------------------------------------ flowed text
# Text taken from a PDF may hold a whole page in one line, with a space wherever the page had a
# line or column break. Its lines show again where a space follows a full stop, where a dateline
# follows a space, after a page header that opens the line (第1版(要闻)专栏: …), and after a
# headline-shaped first chunk of a paragraph (源頭治理見成效 今年以來,…).
_SENTENCE_SPACE = regex.compile(r"(?<=。[”」』)]?)[ \t]+(?=\S)")
_SPACE_RUN = regex.compile(r"[ \t]+")
_PAGE_HEADER = regex.compile(rf"{_ORDINAL}\s*[\dA-Z]+\s*(?:{_PAGE})\s*[(][^()\n]{{1,12}}[)]\s*(?:(?:{_COLUMN_LABEL})\s*:)?[ \t]+(?=\S)")
# Characters that stand for a glyph lost in conversion (??? 本報訊): never part of a line's text.
JUNK = regex.compile(r"[?\ufffd]+(?:[ \t]+|(?=\p{Han})|$)")
_FLOW_MIN = 80
# A chunk cut off as a headline holds no punctuation (a column break leaves 据中央社报道,洪秀柱…松).
_CHUNK_PUNCT = regex.compile(r"[,;:、。!?]")
_NUMBERING = regex.compile(rf"^(?:[{_CN_DIGITS}]+、|[(][{_CN_DIGITS}\d]{{1,3}}[)]|\d{{1,2}}\s*[、.])")


def _spaces_removed(norm: NormText, a: int, b: int) -> list[int]:
    """Offsets i in (a, b) where the normaliser dropped a space the original had before char i
    (宜章县统计公报 2023年 → 公报2023年)."""
    idx, orig = norm.index, norm.original
    return [i for i in range(a + 1, b) if idx[i] - idx[i - 1] > 1 and not orig[idx[i - 1] + 1:idx[i]].strip()]


def _first_chunk(text: str, st: int, b: int, removed: list[int]) -> tuple[int, int] | None:
    """End of the first space-delimited chunk from st, and where the next one starts."""
    m = _SPACE_RUN.search(text, st, b)
    r = removed[bisect.bisect_right(removed, st)] if removed and removed[-1] > st else None
    if r is not None and (m is None or r < m.start()):
        return r, r
    return (m.start(), m.end()) if m else None


# A Chinese phrase followed by its translation in Latin script (投诉 Queixas, 接获总数 Total de casos).
_TRANSLATED = regex.compile(r"\p{Han}[」”)]?[ \t]+[A-Za-z\u00C0-\u024F]{2,}[^\p{Han}\n]*?[A-Za-z\u00C0-\u024F]{2,}")
_BILINGUAL_MIN = 3
_LATIN_OR_DIGIT = regex.compile(r"[A-Za-z\u00C0-\u024F\d”\")）]")


def _bilingual_cuts(norm: NormText, text: str, a: int, b: int) -> set[int]:
    """Where a page in two languages flowed into one line starts each Chinese cell again.

    A report printed in Chinese and Portuguese (or English), flowed from a PDF, runs
    `投诉及反映 Queixas e participações 接获总数 Total de casos recebidos 1,318 反映 …`:
    every Chinese phrase that follows a Latin phrase or a figure, past a space (or a space the
    normaliser dropped), opens a cell of its own. A figure's unit or date part (2019 年) does not.
    """
    if len(_TRANSLATED.findall(text, a, b)) < _BILINGUAL_MIN:
        return set()
    removed = set(_spaces_removed(norm, a, b))
    cuts: set[int] = set()
    for m in regex.finditer(r"(?<![\p{Han}「“])[「“]?\p{Han}", text[a:b]):
        i = a + m.start()
        j = i
        while j > a and text[j - 1] in " \t":
            j -= 1
        if j == a or not (j < i or i in removed) or not _LATIN_OR_DIGIT.match(text[j - 1]):
            continue
        if text[j - 1].isdigit():
            toks = lexicon.scan(text, i, min(b, i + 4))
            if toks and toks[0].start == i and {"date_part", "unit"} & toks[0].classes:
                continue  # 2019 年, 1,318 宗: a figure with its unit
        cuts.add(i)
    return cuts


def _flow(norm: NormText, text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut one line of flowed text into the lines it stands for (offsets into text)."""
    cuts: set[int] = _bilingual_cuts(norm, text, a, b) if b - a >= _FLOW_MIN else set()
    m = _PAGE_HEADER.match(text, a, b)
    if m:
        cuts.add(m.end())
    flowed = b - a >= _FLOW_MIN and len(_SENTENCE_SPACE.findall(text, a, b)) >= 2
    starts = [a] if flowed else []
    if flowed:
        for m in _SENTENCE_SPACE.finditer(text, a, b):
            cuts.add(m.end())
            starts.append(m.end())
    for m in _SPACE_RUN.finditer(text, a, b):
        q = m.end()
        j = JUNK.match(text, q, b)
        if j:
            q = j.end()
        if q < b and LEAD.match(text[q:min(b, q + 40)]):
            cuts.add(m.end())  # 逾千两岸青年共话创业 香港文汇报讯(…: a dateline after a space
    ends = sorted(cuts | {b})
    removed = _spaces_removed(norm, a, b) if starts else []
    for st in starts:
        chunk = _first_chunk(text, st, b, removed)
        if chunk is None or chunk[0] - st < 4 or chunk[1] in cuts:
            continue
        piece = text[st:ends[bisect.bisect_right(ends, st)]].strip()
        whole = classify(piece)[0]
        if whole in (Kind.SEPARATOR, Kind.FURNITURE, Kind.LEAD):
            continue  # a page strip or a dateline, read whole
        if whole is Kind.HEAD or (whole is Kind.FIGURE and len(_HAN.findall(piece)) >= 6):
            continue  # 又一世界500强落户海安 建设百亿级产业基地 before its dateline: one headline in two halves
        head = text[st:chunk[0]]
        if classify(head)[0] in (Kind.HEAD, Kind.SECTION) and not _CHUNK_PUNCT.search(_NUMBERING.sub("", head)):
            cuts.add(chunk[1])
    if not cuts:
        return [(a, b)]
    bounds = [a, *sorted(c for c in cuts if a < c < b), b]
    return [(x, y) for x, y in itertools.pairwise(bounds) if x < y]


def page_text(norm: NormText) -> tuple[str, list[tuple[int, int]]]:
    """The normalised text as layout reads it, and the furniture blanked out of it: tokens
    injected across the page and standalone web buttons become spaces (same length)."""
    from .byline import button_spans

    noise = furniture.injected_tokens(norm.text) + button_spans(norm.text)
    noise.sort()
    return furniture.blank(norm.text, noise), noise


def split_lines(norm: NormText, text: str | None = None) -> list[Line]:
    """Non-blank lines of the normalised text (or of `text`, the same text with furniture
    blanked) with their kinds, decided line by line and then from the page as a whole."""
    text = norm.text if text is None else text
    out: list[Line] = []
    pos = 0
    blank = False
    removed = _removed_breaks(norm)
    for raw in text.split("\n"):
        s = pos
        pos += len(raw) + 1
        if not raw.strip():
            blank = True
            continue
        for a0, b0, para in _pieces(norm, s, s + len(raw), removed, text):
            blank = blank or para
            for a, b in _flow(norm, text, a0, b0):
                seg = text[a:b]
                stripped = seg.strip()
                start = a + len(seg) - len(seg.lstrip())
                junk = JUNK.match(stripped)
                if junk and junk.end() < len(stripped):
                    start += junk.end()
                    stripped = stripped[junk.end():]
                if not stripped:
                    continue
                line = Line(idx=len(out), start=start, end=start + len(stripped), text=stripped, blank_before=blank)
                kind, inner = classify(stripped)
                line.kind = Kind.FURNITURE if junk and junk.end() == len(junk.string) else kind
                if inner is not None:
                    line.inner = (start + inner[0], start + inner[1])
                out.append(line)
                blank = False
    _table_cells(norm, out)
    settle(out)
    return out


def _table_cells(norm: NormText, lines: list[Line]) -> None:
    """Lines inside a table the table model reads (one cell a line: 房屋土地 / 管理类 / 2440) are
    table lines, whatever shape each has alone (a short name looks like a headline or a signature)."""
    spans = [(t.start, t.end) for t in tables.find_tables(norm.text)]
    if not spans:
        return
    starts = [a for a, _ in spans]
    for ln in lines:
        k = bisect.bisect_right(starts, ln.start) - 1
        if k >= 0 and ln.end <= spans[k][1] and ln.kind is not Kind.TABLE:
            ln.kind, ln.inner = Kind.TABLE, None


# ------------------------------------------------------------------ the page as a whole
_NUMBERED = regex.compile(r"^\d{1,3}\s*[.、]\s*")


_LINKS_HEAD = frozenset(lexicon.get("web_furniture").having(kind="links"))


def settle(lines: list[Line]) -> None:
    """Kinds that only the page shows: link lists and title strips among headline-shaped lines,
    and numbered headlines each repeated under the page header that opens its item."""
    dated = [ln.kind in (Kind.HEAD, Kind.FIGURE, Kind.PROSE) and len(ln.text) <= _DATED_MAX
             and ln.text[-1] in _DATE_LAST and _DATED_LINK.search(ln.text) is not None for ln in lines]
    for k, ln in enumerate(lines):
        if dated[k] and ((k > 0 and dated[k - 1]) or (k + 1 < len(lines) and dated[k + 1])):
            ln.kind, ln.inner = Kind.FURNITURE, None  # 某县新增就业1200人 2024-06-02 / …: a list of dated links
        elif ln.kind is Kind.TABLE and _menu_row(lines, k):
            ln.kind = Kind.FURNITURE  # 菏泽网首页 | 今日齐鲁 | 国内 | 国际 |: a menu, not a table
        elif k < _TOP and ln.kind in _SHAPED_HEADS and _title_bar(lines, k):
            ln.kind = Kind.FURNITURE  # 市长热线年受理来电13万 ——中国菏泽网: the browser's title bar
        elif ln.kind is Kind.FURNITURE and _LINKS_HEAD.intersection(_UI_SPLIT.split(ln.text)):
            # 本版其他新闻 / · 标题 / · 标题: a list of links under its heading, not articles
            j = k + 1
            while j < len(lines) and lines[j].kind in (Kind.HEAD, Kind.FIGURE, Kind.BULLET, Kind.SHORT):
                lines[j].kind, lines[j].inner = Kind.FURNITURE, None
                j += 1
        elif ln.kind is Kind.HEAD and ln.inner and TITLE_LABEL.match(ln.text):
            # 新标题 / 来源:… / 原标题:旧标题: under a headline of its own, the original title is a note
            j = k - 1
            while j >= 0 and lines[j].kind is Kind.FURNITURE:
                j -= 1
            if j >= 0 and lines[j].kind in (Kind.HEAD, Kind.FIGURE) and not _DATE_WEEKDAY.search(lines[j].text) \
                    and not TITLE_LABEL.match(lines[j].text):
                ln.kind, ln.inner = Kind.FURNITURE, None
    for a, b in itertools.pairwise(lines):
        if a.kind in _SHAPED_HEADS and b.kind in _SHAPED_HEADS and not b.blank_before:
            if furniture.siblings(a.text, b.text):
                a.kind = b.kind = Kind.FURNITURE  # 5月…县市区…通报 / 5月…市直部门…通报: links
            elif furniture.repeats(a.text, b.text):
                # (河南省)2023年…公报 / 2023年…公报: the title strip, then the headline
                (a if len(a.text) > len(b.text) else b).kind = Kind.FURNITURE
    # 1. 全省春播进度过半 / 第1版(要闻)专栏: 全省春播进度过半 …: a numbered headline list, each item
    # under a page header that repeats its headline, or several such items on one page
    listed: list[tuple[Line, int, bool]] = []
    for k, ln in enumerate(lines):
        m = _NUMBERED.match(ln.text) if ln.kind is Kind.SECTION else None
        if m is None:
            continue
        j = k + 1
        while j < len(lines) and lines[j].kind is Kind.FURNITURE:
            j += 1
        if j < len(lines) and lines[j].kind is Kind.SEPARATOR:
            nxt = lines[j + 1].text[:len(ln.text)] if j + 1 < len(lines) else ""
            listed.append((ln, m.end(), furniture.repeats(ln.text[m.end():], nxt)))
    for ln, at, repeated in listed:
        if repeated or len(listed) >= 2:
            ln.kind, ln.inner, ln.item = Kind.BULLET, (ln.start + at, ln.end), True


_SHAPED_HEADS = {Kind.HEAD, Kind.FIGURE}
_TOP = 4  # a page's title bar stands among its first lines
# A link's title with its date after a space, in a list of such links (标题 2024-06-03, 标题 [06-03]).
_DATED_MAX = 80
_DATE_LAST = frozenset("0123456789])" + "".join(w[-1] for w in lexicon.words("date_part")))
_DATED_LINK = regex.compile(rf"\p{{Han}}[^。;!?]{{3,60}}?[ \t\u3000]*[\[(]?(?:{_DATE_WRITTEN}|\d{{1,2}}-\d{{1,2}})[\])]?$")
_BAR_SEPARATOR = regex.compile(r"\s*(?:[-—–_|]+|[(【])")


def _menu_row(lines: list[Line], k: int) -> bool:
    """A row of labels with no figure, standing alone (no table row next to it): a site's menu."""
    ln = lines[k]
    cells = [c.strip() for c in ln.text.split("|") if c.strip()]
    if len(cells) < 2 or rx(r"\d").search(ln.text):
        return False
    return all(not (0 <= j < len(lines)) or lines[j].kind is not Kind.TABLE for j in (k - 1, k + 1))


def _title_bar(lines: list[Line], k: int) -> bool:
    """lines[k] is a headline found again further down, followed here by a separator and the site's
    name (X ——中国菏泽网, X - 某某网, X_某某政府网): the page's title bar, not a headline of its own."""
    bar = lines[k].text
    for ln in lines[k + 1:k + 12]:
        if ln.kind in _SHAPED_HEADS and len(ln.text) >= 6 and bar.startswith(ln.text) and len(bar) > len(ln.text) \
                and _BAR_SEPARATOR.match(bar, len(ln.text)):
            return True
    return False
