"""Stage 0: the text inside the input, with a map from every character kept back to the input.

What a scraper or an old archive leaves in a text is not text the later stages should read:

* HTML: a file that is mostly markup (or opens as an HTML document) is read as HTML —
  tags stripped, entities decoded, ``<br>``/``<p>``/``<div>``… as line breaks, ``<td>`` cells
  as ``|``-separated rows (the shape the table reader knows), ``<head>``, ``<script>``,
  ``<style>`` and comments dropped, runs of white space folded as a browser does (a line
  break between two hanzi disappears, elsewhere a run is one space), ``<pre>`` kept as it is.
  Plain text gets the same treatment for the tags HTML defines and for entities
  (``&nbsp;`` left in a scraped page), never for its white space or line breaks.
* invisible characters: zero-width spaces and joiners, direction marks, soft hyphens, the BOM,
  NUL and other control characters are deleted (so ``38\\u200b3257`` is one number);
  ``\\r\\n`` is one line break; lone surrogates become U+FFFD.
* mojibake: a run of UTF-8 read as Windows-1252 (``å¸‚`` for 市) is decoded back.

The result `Source.text` is what `parse()` reads; every span it reports is mapped back to the
input through `Source.raw_range`, so users always get offsets into what they gave. When
nothing needs cleaning (the common case) the text is the input itself and there is no map.

The map is a list of segments: text[seg_t[k]:seg_t[k+1]] comes from raw[seg_r[k]:seg_e[k]],
character j of the segment from raw[seg_r[k] + j] (the last one up to seg_e[k], so that a
decoded ``&#x4e07;`` or a line break made of ``</p>`` covers all of its source). Nothing
ever maps backwards, so a range of the text maps to one range of the input.
"""

from __future__ import annotations

import bisect
import html
from array import array
from dataclasses import dataclass, field

import regex

# Characters that are never text: zero-width spaces/joiners, direction marks and embeddings,
# word joiners, the BOM, soft hyphen, Mongolian vowel separator, Arabic letter mark.
_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u061c"
# Control characters other than tab, line feed, vertical tab, form feed and carriage return.
_CONTROL = "\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f"
_LINE_SEPARATORS = "\x85\u2028\u2029\x0b"  # next line, line / paragraph separator, vertical tab

# UTF-8 read as Windows-1252: the characters bytes 0x80-0xBF become (undefined ones as Latin-1).
_CONT = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0))
_CONT_CLASS = "[" + regex.escape(_CONT) + "]"
# A run of mojibake characters: two or more, or one three-byte one (every hanzi is one); the
# decoded run must hold hanzi or CJK punctuation, so that accented Latin is left as written.
_MOJI_2 = r"[\u00c2-\u00df]" + _CONT_CLASS
_MOJI_3 = r"[\u00e0-\u00ef]" + _CONT_CLASS + "{2}"
_MOJIBAKE = f"(?:{_MOJI_2}|{_MOJI_3})(?:{_MOJI_2}|{_MOJI_3})+|{_MOJI_3}"

# Tag names HTML defines, by what they do to the text flow. A tag of another name is markup
# only in a file read as HTML.
_DROP_CONTENT = ("script", "style", "noscript", "template", "head", "title", "svg", "math", "object",
                 "iframe", "textarea", "select")
_BLOCK = ("address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
          "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset",
          "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu",
          "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "option")
_CELL = ("td", "th")
_BREAK = ("br",)
_INLINE = ("a", "abbr", "acronym", "b", "basefont", "bdi", "bdo", "big", "blink", "cite", "code", "data", "del",
           "dfn", "em", "font", "i", "img", "input", "ins", "kbd", "label", "link", "map", "mark", "meta", "nobr",
           "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strike", "strong", "sub", "sup",
           "time", "tt", "u", "var", "wbr", "area", "base", "col", "colgroup", "embed", "param", "picture",
           "track", "video", "audio", "canvas", "button", "o:p")
_KNOWN = frozenset(_DROP_CONTENT + _BLOCK + _CELL + _BREAK + _INLINE)

_NAME = r"[A-Za-z][A-Za-z0-9]*(?::[A-Za-z0-9]+)?"
# A tag as written (attributes of up to 2000 characters: a bounded look at each '<').
_TAG = r"<(?P<close>/?)(?P<name>" + _NAME + r")(?:[\s/][^<>]{0,2000})?>"
_ENTITY = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?"
# Entities taken without their semicolon (browsers do, scrapers leave them so).
_BARE_ENTITIES = frozenset({"nbsp", "amp", "lt", "gt", "quot"})

_SPECIAL_CORE = (
    r"(?P<crlf>\r\n)"
    r"|(?P<moji>" + _MOJIBAKE + ")"
    r"|(?P<inv>[" + _INVISIBLE + _CONTROL + "]+)"
    r"|(?P<sep>[" + _LINE_SEPARATORS + "])"
    r"|(?P<sur>[\ud800-\udfff])"
    r"|(?P<ent>" + _ENTITY + ")"
    r"|(?P<comment><!--)"
    r"|(?P<tag>" + _TAG + ")"
    r"|(?P<decl><[!?][^<>]{0,2000}>)"
)
# In plain text only these matter; in HTML white space runs are tokens too.
_SPECIAL_TEXT = regex.compile(_SPECIAL_CORE)
_SPECIAL_HTML = regex.compile(_SPECIAL_CORE + r"|(?P<ws>[ \t\n\r\f]+)")
# A quick test: does the input hold anything stage 0 would change?
_ANY = regex.compile(r"[\r<&" + _INVISIBLE + _CONTROL + _LINE_SEPARATORS + r"\ud800-\udfff\u00c2-\u00ef]")
_DOCUMENT_START = regex.compile(r"\s*(?:<\?xml[^<>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                                regex.IGNORECASE | regex.DOTALL)
_TAG_RX = regex.compile(_TAG)
_GNE_COMMENT = regex.compile(r"<!--\s*gne\s*:", regex.IGNORECASE)
_CJK = regex.compile(r"[\p{Han}\u3000-\u303f\uff00-\uffef]")


@dataclass
class Source:
    raw: str
    text: str
    html: bool = False
    seg_t: array[int] = field(default_factory=lambda: array("q"))
    seg_r: array[int] = field(default_factory=lambda: array("q"))
    seg_e: array[int] = field(default_factory=lambda: array("q"))

    @property
    def identity(self) -> bool:
        """The text is the input itself: no map needed."""
        return self.text is self.raw

    def raw_start(self, t: int) -> int:
        """Input offset where text character t starts (t = len(text): the input's end)."""
        if self.identity:
            return t
        if t >= len(self.text):
            return len(self.raw)
        k = bisect.bisect_right(self.seg_t, t) - 1
        return self.seg_r[k] + (t - self.seg_t[k])

    def raw_end(self, t: int) -> int:
        """Input offset where text character t ends."""
        if self.identity:
            return t + 1
        k = bisect.bisect_right(self.seg_t, t) - 1
        nxt = self.seg_t[k + 1] if k + 1 < len(self.seg_t) else len(self.text)
        j = t - self.seg_t[k]
        return self.seg_e[k] if j == nxt - self.seg_t[k] - 1 else self.seg_r[k] + j + 1

    def raw_range(self, s: int, e: int) -> tuple[int, int]:
        """Input [start, end) of the text range [s, e) (an empty range stays empty)."""
        if self.identity:
            return s, e
        rs = self.raw_start(s)
        return (rs, self.raw_end(e - 1)) if e > s else (rs, rs)


class _Out:
    """The cleaned text being written, with its segment map."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.t = 0
        self.last = ""  # the last character written
        self.seg_t: array[int] = array("q")
        self.seg_r: array[int] = array("q")
        self.seg_e: array[int] = array("q")

    def copy(self, a: int, b: int) -> None:
        """raw[a:b] as it is."""
        if a >= b:
            return
        if self.seg_e and self.seg_e[-1] == a and self.t - self.seg_t[-1] == a - self.seg_r[-1]:
            self.seg_e[-1] = b  # continues a one-to-one segment
        else:
            self.seg_t.append(self.t)
            self.seg_r.append(a)
            self.seg_e.append(b)
        self.parts.append(self.raw[a:b])
        self.t += b - a
        self.last = self.raw[b - 1]

    def put(self, s: str, a: int, b: int) -> None:
        """s in place of raw[a:b] (never longer than it)."""
        assert 0 < len(s) <= b - a
        self.seg_t.append(self.t)
        self.seg_r.append(a)
        self.seg_e.append(b)
        self.parts.append(s)
        self.t += len(s)
        self.last = s[-1]


def looks_like_html(raw: str) -> bool:
    """Read as HTML: an HTML document start, or markup making up most of what is not white space."""
    if _DOCUMENT_START.match(raw[:4096]):
        return True
    if "<" not in raw:
        return False
    markup = 0
    tags = 0
    for m in _TAG_RX.finditer(raw):
        if m.group("name").lower() not in _KNOWN:
            continue
        markup += m.end() - m.start()
        tags += 1
    if tags < 3:
        return False
    visible = len(raw) - sum(raw.count(c) for c in " \t\r\n\f")
    return markup >= 0.5 * max(1, visible)


def clean(raw: str, *, as_html: bool | None = None) -> Source:
    """The text inside `raw` (see the module docstring); `as_html` overrides the detection."""
    is_html = looks_like_html(raw) if as_html is None else as_html
    if not is_html and not _ANY.search(raw):
        return Source(raw=raw, text=raw)
    out = _Out(raw)
    _Cleaner(raw, out, is_html).run()
    text = "".join(out.parts)
    if not is_html and text == raw:
        return Source(raw=raw, text=raw)
    return Source(raw=raw, text=text, html=is_html, seg_t=out.seg_t, seg_r=out.seg_r, seg_e=out.seg_e)


class _Cleaner:
    def __init__(self, raw: str, out: _Out, is_html: bool) -> None:
        self.raw, self.out, self.html = raw, out, is_html
        self.pre = 0  # depth of <pre>: white space kept as written
        # Line breaks owed by tags, in order, written before the next text: (hard, raw start, raw end);
        # a <br> is a hard break, a block tag a soft one (a break only when not at a line start),
        # so <p>a</p><br><p>b</p> leaves a blank line and a<br></p><p>b none, as a browser shows them.
        self.breaks: list[tuple[bool, int, int]] = []
        self.cell: tuple[int, int] | None = None  # a <td> whose '|' is owed
        self.row_cells = 0  # cells written in the current table row
        self.ws: tuple[int, int] | None = None  # a white space run in HTML, folded when text follows
        self.missing: dict[str, int] = {}  # closers known absent after an offset

    # ------------------------------------------------------------ writing
    def _verbatim(self) -> bool:
        return not self.html or self.pre > 0

    def _flush(self, nxt: str) -> None:
        """Write what tags owe before text starting with nxt."""
        out = self.out
        started = out.t > 0
        if self.breaks:
            self.ws = None  # white space next to a line break is no space
            if started:
                last = len(self.breaks) - 1
                for k, (hard, a, b) in enumerate(self.breaks):
                    if hard or (out.last != "\n" and not (k == last and self._verbatim() and nxt in "\n\r")):
                        out.put("\n", a, b)
            self.breaks = []
        if self.cell is not None:
            self.ws = None
            out.put("|", *self.cell)
            self.cell = None
            self.row_cells += 1
        if self.ws is not None:
            a, b = self.ws
            self.ws = None
            if started and out.last not in "\n|" and not (
                    ("\n" in self.raw[a:b] or "\r" in self.raw[a:b]) and _CJK.match(out.last) and _CJK.match(nxt)):
                out.put(" ", a, b)

    def text(self, a: int, b: int) -> None:
        if a < b:
            self._flush(self.raw[a])
            self.out.copy(a, b)

    def put(self, s: str, a: int, b: int) -> None:
        self._flush(s[0])
        self.out.put(s, a, b)

    # ------------------------------------------------------------ reading
    def run(self) -> None:
        raw = self.raw
        special = _SPECIAL_HTML if self.html else _SPECIAL_TEXT
        pos = 0
        n = len(raw)
        while pos < n:
            m = special.search(raw, pos)
            if m is None:
                self.text(pos, n)
                break
            self.text(pos, m.start())
            pos = self._token(m)
        # Owed breaks and cells at the very end are dropped: nothing follows them.

    def _token(self, m: regex.Match[str]) -> int:
        a, b = m.span()
        kind = m.lastgroup
        raw = self.raw
        if kind == "crlf":
            self.put("\n", a, b)
        elif kind == "moji":
            self._mojibake(a, b)
        elif kind == "inv":
            pass  # deleted
        elif kind == "sep":
            self.put("\n", a, b)
        elif kind == "sur":
            self.put("\ufffd", a, b)
        elif kind == "ent":
            self._entity(m.group(), a, b)
        elif kind == "ws":
            if self.pre:
                self.text(a, b)
            elif self.ws is None:
                self.ws = (a, b)
            else:
                self.ws = (self.ws[0], b)
        elif kind == "comment":
            end = self._find(raw, "-->", b)
            if end < 0:
                self.text(a, b)  # never closed: text
                return b
            if not self.html or _GNE_COMMENT.match(raw, a):
                self.text(a, end + 3)  # kept as written (a suppression the checks read)
            return end + 3
        elif kind == "decl":
            if self.html:
                return b
            self.text(a, b)
        elif kind == "tag":
            return self._tag(m, a, b)
        return b

    def _find(self, raw: str, needle: str, start: int) -> int:
        """raw.find(needle, start), remembering a miss: many unclosed openers cost one search."""
        missing = self.missing.get(needle)
        if missing is not None and start >= missing:
            return -1
        k = raw.find(needle, start)
        if k < 0:
            self.missing[needle] = start
        return k

    def _entity(self, s: str, a: int, b: int) -> None:
        body = s[1:-1] if s.endswith(";") else s[1:]
        if not s.endswith(";") and not body.startswith("#") and body not in _BARE_ENTITIES:
            self.text(a, b)
            return
        ch = html.unescape(s if s.endswith(";") or body.startswith("#") else s + ";")
        if ch == s or not ch or len(ch) > b - a:
            self.text(a, b)  # not an entity after all
            return
        if regex.fullmatch("[" + _INVISIBLE + _CONTROL + "]+", ch):
            return  # &#8203; and the like: as invisible as the character itself
        if "\ud800" <= ch[0] <= "\udfff":
            ch = "\ufffd"
        if self.html and not self.pre and ch in " \t\n\r\f":
            self.ws = (a, b) if self.ws is None else (self.ws[0], b)
            return
        self.put(ch, a, b)

    def _mojibake(self, a: int, b: int) -> None:
        run = self.raw[a:b]
        try:
            data = bytes(_byte(c) for c in run)
            decoded = data.decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            self.text(a, b)
            return
        if not any(_CJK.match(c) for c in decoded):
            self.text(a, b)  # accented Latin as written, not hanzi read wrong
            return
        pos = a
        for ch in decoded:
            width = len(ch.encode("utf-8"))
            self.put(ch, pos, pos + width)
            pos += width

    def _tag(self, m: regex.Match[str], a: int, b: int) -> int:
        name = m.group("name").lower()
        close = bool(m.group("close"))
        if name not in _KNOWN and not self.html:
            self.text(a, b)  # <5%> or 《a》-like text that only looks like a tag
            return b
        if name in _DROP_CONTENT and not close and not m.group().endswith("/>"):
            end = self._closing(name, b)
            return end if end is not None else b
        if name in _BREAK:
            if self._verbatim() and self.raw[b:b + 1] in ("\n", "\r"):
                return b  # <br> at the end of a line: the line break is there already
            self.breaks.append((True, a, b))
        elif name in _CELL:
            if not close:
                if self.cell is not None:
                    self._flush("|")  # the cell before was empty: keep its place
                self.cell = (a, b)
        elif name == "tr":
            if close and self.row_cells:
                self.cell = (a, a + 1)  # the row's closing '|' (its line break comes from the rest of the tag)
                self._flush("|")
                a += 1
            self.row_cells = 0
            self.cell = None
            self.breaks.append((False, a, b))
        elif name in _BLOCK:
            if name == "pre":
                self.pre = max(0, self.pre - 1) if close else self.pre + 1
            self.breaks.append((False, a, b))
        return b

    def _closing(self, name: str, start: int) -> int | None:
        """End of the closing tag of `name` after start; a miss is remembered (see _find)."""
        missing = self.missing.get(name)
        if missing is not None and start >= missing:
            return None
        m = regex.compile(r"</" + regex.escape(name) + r"\s*>", regex.IGNORECASE).search(self.raw, start)
        if m is None:
            self.missing[name] = start
            return None
        return m.end()


def _byte(c: str) -> int:
    """The byte Windows-1252 (or Latin-1 for its holes) reads as c."""
    o = ord(c)
    if o < 0x100:
        return o
    return c.encode("cp1252")[0]
