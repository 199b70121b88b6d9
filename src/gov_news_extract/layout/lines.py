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
from . import furniture
from .byline import LEAD, inline_credits, is_bare_name, is_byline_line, parse_signature, signature_names


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
_SECTION = regex.compile(
    r"^(?:[一二三四五六七八九十]+\s*[、.]|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}\s*[、.](?!\d)"
    r"|第[一二三四五六七八九十\d]+[章节部分条]|附件|附图|附表|表\s*\d|图\s*\d)"
)
_FURNITURE = regex.compile(
    rf"{'|'.join(regex.escape(w) for w in lexicon.get('web_furniture').having(anywhere=True))}"
    r"|来源[::]|字[号体][::]|首页\s*[/>»]|[/>»]\s*正文|总第\s*\d+\s*期|编印$"
)
# A web address (xxgk.gov.cn), looked for from its dot: [a-z0-9-]+\.… tried from every digit
# of a long line cost more than the rest of the line's classification.
_WEB_ADDRESS = regex.compile(r"(?<=[a-z0-9-])\.(?:cn|com|net|org|gov)\b")
_BREADCRUMB = regex.compile(r"(?:[/>»].*){2,}")
_DATE_ONLY = regex.compile(r"[\d年月日号时分秒:.\-/—–~至()\s]+")
_FORUM_FLOOR = regex.compile(r"^\d+\s*#$|^[|\s]*$|^图片\s*\d*$")
_RULE = regex.compile(r"[-—–=＝_*·.~～]{6,}")
_SEPARATOR = regex.compile(r"第\s*[\dA-Z一二三四五六七八九十]+\s*版")
_COLUMN = regex.compile(r"^【([^】]{1,15})】$|^专栏[::]\s*(\S.{0,15})$")
_EMPTY_COLUMN = regex.compile(r"^专栏[::]?$")
_BULLETS = "•●◆▪▸►"
_MARKERS = "■★▲▶"
_BULLET = regex.compile(rf"^[{_BULLETS}]\s*")
# A figure line of an infographic or a pull-quote: short, ends in a number with its unit.
_FIGURE = regex.compile(r"\d[\d.,]*\s*(?:%|‰|\p{Han}{1,3})?$")
# At least four Han characters, found without listing them all.
_HAN4 = regex.compile(r"\p{Han}(?:\P{Han}*\p{Han}){3}")


_COMMA = regex.compile(r"[,,]")
# A line in Latin script only (no Han): a translation, a link's label.
_LATIN_LINE = regex.compile(r"[^\p{Han}]+")
_LATIN_WORD = regex.compile(r"[A-Za-z\u00C0-\u024F]{2,}.*[A-Za-z\u00C0-\u024F]{2,}")
_DATE_WRITTEN = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-./]\d{1,2}[-./]\d{1,2}"
_ISSUER = regex.compile(
    rf"(?:[\p{{Han}}\w()]{{2,40}}?(?:{lexicon.alternation('org_head')})\s*(?:{_DATE_WRITTEN})"
    rf"|(?:{_DATE_WRITTEN})\s*[\p{{Han}}\w()]{{2,40}}?(?:{lexicon.alternation('org_head')}))"
)
# What marks a page strip: a weekday, a page number or code (第6版, A26 at its start).
_PAGE_MARK = regex.compile(r"星期[一二三四五六日天]|第\s*\d+\s*版|^[A-Z]\d{1,2}(?=\s|\p{Han})")


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
    if len(t) <= 120 and _PAGE_MARK.search(t) and inline_credits(t, 0):
        return Kind.SEPARATOR, None  # A26 要闻 责任编辑:A/B … (星期一): a page strip
    if _FORUM_FLOOR.search(t) or _FURNITURE.search(t) or _WEB_ADDRESS.search(t) or _BREADCRUMB.search(t):
        return Kind.FURNITURE, None
    if rx(r"\d").search(t) and _DATE_ONLY.fullmatch(t):  # only date characters
        return Kind.FURNITURE, None
    if len(t) <= 40 and _SEPARATOR.search(t) and not _SENTENCE.search(t):
        return Kind.SEPARATOR, None
    if _RULE.fullmatch(t):
        return Kind.SEPARATOR, None  # ------------ / ＝＝＝＝ / ****: a rule between items
    m = _COLUMN.match(t) if t[:1] in "【专" else None
    if m and _byline_only(t):
        return Kind.BYLINE, None  # 【责任编辑:杭雨桐】: credits, not a column
    if m:
        g = 1 if m.group(1) is not None else 2
        return Kind.COLUMN, (m.start(g), m.end(g))
    if t.startswith("专栏") and _EMPTY_COLUMN.match(t):
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
        return Kind.TABLE, None
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


def _pieces(norm: NormText, s: int, e: int, removed: list[int], text: str) -> list[tuple[int, int]]:
    """Cut a normalised line again where the original broke it and the parts are of different kinds.

    The normaliser rejoins lines broken in mid-sentence; a headline holding a
    comma or 、 can be glued that way to the date, author or dateline under it.
    """
    breaks = removed[bisect.bisect_right(removed, s):bisect.bisect_left(removed, e)]  # in (s, e)
    if not breaks:
        return [(s, e)]
    bounds = [s, *breaks, e]
    kinds = [classify(t)[0] if (t := text[a:b].strip()) else Kind.SHORT for a, b in itertools.pairwise(bounds)]
    cuts = [s]
    for k in range(1, len(kinds)):
        after, before = kinds[k], kinds[k - 1]
        if after in _STRONG or (before in _SHAPED and after in _SHAPED):
            cuts.append(bounds[k])
    return list(itertools.pairwise([*cuts, e]))


# ------------------------------------------------------------------ flowed text
# Text taken from a PDF may hold a whole page in one line, with a space wherever the page had a
# line or column break. Its lines show again where a space follows a full stop, where a dateline
# follows a space, after a page header that opens the line (第1版(要闻)专栏: …), and after a
# headline-shaped first chunk of a paragraph (源頭治理見成效 今年以來,…).
_SENTENCE_SPACE = regex.compile(r"(?<=。[”」』)]?)[ \t]+(?=\S)")
_SPACE_RUN = regex.compile(r"[ \t]+")
_PAGE_HEADER = regex.compile(r"第\s*[\dA-Z]+\s*版\s*[(][^()\n]{1,12}[)]\s*(?:专栏\s*:)?[ \t]+(?=\S)")
# Characters that stand for a glyph lost in conversion (??? 本報訊): never part of a line's text.
JUNK = regex.compile(r"[?\ufffd]+(?:[ \t]+|(?=\p{Han})|$)")
_FLOW_MIN = 80
# A chunk cut off as a headline holds no punctuation (a column break leaves 据中央社报道,洪秀柱…松).
_CHUNK_PUNCT = regex.compile(r"[,;:、。!?]")
_NUMBERING = regex.compile(r"^(?:[一二三四五六七八九十]+、|[(][一二三四五六七八九十\d]{1,3}[)]|\d{1,2}\s*[、.])")


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


def _flow(norm: NormText, text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut one line of flowed text into the lines it stands for (offsets into text)."""
    cuts: set[int] = set()
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
        piece = text[st:ends[bisect.bisect_right(ends, st)]]
        if classify(piece)[0] in (Kind.SEPARATOR, Kind.FURNITURE, Kind.LEAD):
            continue  # a page strip or a dateline, read whole
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
        for a0, b0 in _pieces(norm, s, s + len(raw), removed, text):
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
    settle(out)
    return out


# ------------------------------------------------------------------ the page as a whole
_NUMBERED = regex.compile(r"^\d{1,3}\s*[.、]\s*")


def settle(lines: list[Line]) -> None:
    """Kinds that only the page shows: link lists and title strips among headline-shaped lines,
    and numbered headlines each repeated under the page header that opens its item."""
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
