"""Stage 1: normalise the input while keeping a map back to the original.

Every later stage reads `NormText.text`; every span it reports goes through
`NormText.span()` so that users always get offsets into what they gave us.

Two kinds of edits happen here:

* one-to-one replacements (full-width forms, odd spaces, traditional script read
  as simplified): the normalised char i still comes from one original char;
* deletions (markdown `**`, pinyin glosses such as `服務(wù)`, spaces inside a
  number and its unit, doubled punctuation, line breaks left by page layout).

Nothing is ever inserted, so `index[i]` (the original offset of normalised char i)
is strictly increasing and a normalised span maps to one original span.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..models import Span
from . import lexicon
from .rx import rx

_SPACES = {"\u00a0", "\u3000", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\t", "\u202f"}
_ONE_TO_ONE = {"∶": ":", "﹪": "%", "．": ".", "〜": "~", "‰": "‰", "·": "·", "﹙": "(", "﹚": ")", "﹕": ":", "﹐": ",", "﹔": ";"}
# All one-to-one replacements as one str.translate table (C speed): full-width forms
# to ASCII, odd spaces to a space, CR to LF.
_ONE_TO_ONE_TABLE = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {ord(c): " " for c in _SPACES} | {
    ord("\r"): "\n"} | {ord(k): v for k, v in _ONE_TO_ONE.items()}

# Frequent characters that exist only in traditional script: their presence
# switches on the (slower) traditional → simplified pass.
_TRAD_HINTS = set("們個這來國會對說時為與發經區縣業產據總點數處無開關辦務問題報電機車實際務員記訊計進應屬類環線"
                  "萬億訴結滿應調書長門間號達產戶輛農態穩濟權營醫療險費遊覽館組織條傳統單壓")

_PINYIN_GLOSS = regex.compile(r"(?<=\p{Han})(?:\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\))+")
_MARKDOWN = regex.compile(r"\*{2,}|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_PUNCT_RUN = regex.compile(r"[,，、;；:：。]{2,}")
_PUNCT_RANK = {"。": 5, ";": 4, "；": 4, ":": 3, "：": 3, "、": 2, ",": 1, "，": 1}
# A space run is layout noise when it sits inside a number, between a number and
# its unit or between a word and a number (61723 件, 59. 4亿元, 截至 8月).
_NUM_SPACE = regex.compile(
    r"(?<=\d\.)[ ]+(?=\d)|(?<=[\d%])[ ]+(?=[\p{Han}%‰])|(?<=[\p{Han}“”:(（])[ ]+(?=\d)|(?<=\d)[ ]+(?=\.\d)"
    # …and inside the word right before a number (增 长98.3%: a line broken inside a word).
    r"|(?<=\p{Han})[ ]+(?=\p{Han}\d)"
)
_SENTENCE_PUNCT = regex.compile(r"[,，。;；、]")
# A photo's caption ends with its credit (本报记者 郁晨 摄): whatever stands before the 摄.
_CREDIT_END = regex.compile(rf"(?:{lexicon.alternation_where('credit_verb', kind='photo')})\s*$")
# The numbering that opens a section heading or a list line (一、…, (二)…, 3.…); such a line
# ends where it ends even when it holds a comma. Shared with the composite passes.
_HEAD_DIGITS = "".join(w for w, m in lexicon.get("numeral").meanings.items()
                       if m.get("canonical") and (m.get("digit") or m.get("small") == 10))  # 一 … 九, 十
SECTION_HEAD = regex.compile(rf"^\s*(?:[{_HEAD_DIGITS}]+、|[(（][{_HEAD_DIGITS}]+[)）]|\d+[.、])\s*")


@lru_cache(maxsize=1)
def _t2s() -> object:
    import opencc  # loaded only for traditional-script input

    return opencc.OpenCC("t2s")


def _to_simplified(s: str) -> str:
    conv = _t2s()
    whole: str = conv.convert(s)  # type: ignore[attr-defined]
    if len(whole) == len(s):
        return whole
    # Phrase rules changed the length somewhere: fall back to char by char so that
    # the map stays one-to-one.
    return "".join(c2 if len(c2 := conv.convert(c)) == 1 else c for c in s)  # type: ignore[attr-defined]


@dataclass
class NormText:
    original: str
    text: str
    index: list[int]
    traditional: bool = False
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        starts, find, i = [0], self.original.find, -1
        while (i := find("\n", i + 1)) >= 0:  # str.find runs in C; a per-char loop cost a tenth of parse()
            starts.append(i + 1)
        self._line_starts = starts

    # ------------------------------------------------------------------ mapping
    def orig_range(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of the normalised range [start, end)."""
        if not self.index:
            return 0, 0
        start = max(0, min(start, len(self.index) - 1))
        end = max(start + 1, min(end, len(self.index)))
        return self.index[start], self.index[end - 1] + 1

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def span(self, start: int, end: int) -> Span:
        s, e = self.orig_range(start, end)
        line, col = self.line_col(s)
        return Span(start=s, end=e, line=line, col=col, text=self.original[s:e])

    def orig_span(self, s: int, e: int) -> Span:
        line, col = self.line_col(s)
        return Span(start=s, end=e, line=line, col=col, text=self.original[s:e])

    def surface(self, start: int, end: int) -> str:
        """The original text of a normalised range, cleaned of glosses, markup and spaces.

        Used for labels and titles so that they keep the text's own script.
        """
        s, e = self.orig_range(start, end)
        out = self.original[s:e]
        out = _PINYIN_GLOSS.sub("", out)
        return rx(r"[\s*]+").sub("", out)


def _delete(chars: list[str], index: list[int], dead: list[tuple[int, int]]) -> None:
    """Delete the sorted, disjoint ranges dead from the parallel lists chars/index (in place)."""
    kept_c: list[str] = []
    kept_i: list[int] = []
    pos = 0
    for a, b in dead:
        kept_c += chars[pos:a]
        kept_i += index[pos:a]
        pos = b
    kept_c += chars[pos:]
    kept_i += index[pos:]
    chars[:], index[:] = kept_c, kept_i


def _ranges(points: set[int]) -> list[tuple[int, int]]:
    """Sorted disjoint [a, b) ranges covering a set of positions."""
    out: list[tuple[int, int]] = []
    for k in sorted(points):
        if out and out[-1][1] == k:
            out[-1] = (out[-1][0], k + 1)
        else:
            out.append((k, k + 1))
    return out


def _apply(chars: list[str], index: list[int], pattern: regex.Pattern[str], keep: object = None) -> None:
    """Delete every match of pattern from the parallel lists chars/index (in place)."""
    s = "".join(chars)
    if callable(keep):
        dead: set[int] = set()
        for m in pattern.finditer(s):
            dead.update(keep(m))
        if dead:
            _delete(chars, index, _ranges(dead))
        return
    spans = [m.span() for m in pattern.finditer(s)]  # matches are disjoint and in order
    if spans:
        _delete(chars, index, spans)


def _punct_run_victims(m: regex.Match[str]) -> list[int]:
    run = m.group()
    best = max(range(len(run)), key=lambda k: (_PUNCT_RANK.get(run[k], 0), -k))
    return [m.start() + k for k in range(len(run)) if k != best]


def _layout_breaks(chars: list[str], index: list[int]) -> None:
    """Rejoin body lines that page layout broke in mid-sentence.

    A break is layout when the line before is prose (it holds sentence
    punctuation) yet does not end a sentence, and the next line goes on with a
    word or a number. Headlines, table cells and infographic lines hold no
    sentence punctuation, so they keep their breaks.
    """
    s = "".join(chars)
    dead: list[tuple[int, int]] = []
    for m in rx(r"\n[ \n]*").finditer(s):
        a, b = m.start(), m.end()
        line_start = s.rfind("\n", 0, a) + 1
        prev = s[line_start:a].rstrip()
        if not prev or b >= len(s):
            continue
        last, nxt = prev[-1], s[b]
        if not _SENTENCE_PUNCT.search(prev) or len(prev) < 12 or SECTION_HEAD.match(prev) or _CREDIT_END.search(prev):
            continue  # (a photo caption ends with its credit: 本报记者 郁晨 摄)
        if not (rx(r"[\p{Han}\d%、,，]").match(last) and rx(r"[\p{Han}\d“\"(（]").match(nxt)):
            continue
        dead.append((a, b))
    if dead:
        _delete(chars, index, dead)


# A middle dot between the digits of a percentage is its decimal point (上涨1·8%), as typeset
# pages and OCR write it; between a month and a day it names an event (“7·16”强降雨) and stays.
_DOT_DECIMAL = regex.compile(r"(?<=\d)[·•∙](?=\d+[%‰])")


def normalise(original: str) -> NormText:
    chars = list(original.translate(_ONE_TO_ONE_TABLE))
    for m in _DOT_DECIMAL.finditer(original):
        chars[m.start()] = "."  # one for one: the offsets stay
    traditional = not _TRAD_HINTS.isdisjoint(original)
    if traditional:
        chars = list(_to_simplified("".join(chars)))
    index = list(range(len(original)))
    _apply(chars, index, _MARKDOWN)
    _apply(chars, index, _PINYIN_GLOSS)
    _apply(chars, index, _NUM_SPACE)
    _apply(chars, index, _PUNCT_RUN, keep=_punct_run_victims)
    _layout_breaks(chars, index)
    return NormText(original=original, text="".join(chars), index=index, traditional=traditional)
