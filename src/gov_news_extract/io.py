"""Reading files: encoding detection for UTF-8 (with or without BOM), GB18030/GBK and Big5.

Detection, when no encoding is given:

1. a BOM decides (UTF-8, UTF-16);
2. NUL bytes mean a binary file;
3. strict UTF-8 (a GB or Big5 text of any length is almost never valid UTF-8);
4. otherwise decode as GB18030 and as Big5 (CP950 and Big5-HKSCS as fallbacks)
   and keep the decoding that reads most like Chinese. Both decoders accept
   most byte strings of the other encoding, so "it decoded" proves nothing:
   the wrong one yields rare characters, kana, Greek, box drawing and
   private-use code points. The score is the share of non-ASCII characters
   that are common hanzi (GB2312 level 1 or Big5 level 1, so simplified and
   traditional texts both score high) or common CJK punctuation.

A decoding with too many control characters, or whose best score is very low,
is reported as binary / unknown encoding rather than returned as mojibake; so is a
file that opens with the signature of a binary format (PDF, Office, ZIP, images…):
a checker must say it could not read such a file, never that it found it clean.

A file that is not UTF-8 as a whole may still be UTF-8 line by line with some lines in
GB18030 or Big5 (dumps pasted together from several sources): each line is then read in
the encoding it is in, when that reads more like Chinese than one encoding for the
whole file.
"""

from __future__ import annotations

import codecs
import functools
import os
from pathlib import Path

import regex


class DecodeError(ValueError):
    """The file is binary or in no encoding we can read."""


# Enough non-ASCII characters to score; scoring the whole of a 10 MB file adds nothing.
_SAMPLE_CHARS = 20000
# Below this share of plausible characters the text is noise, not Chinese in some encoding.
_MIN_SCORE = 0.35
# Only judge a text with at least this many non-ASCII characters; a few odd ones prove nothing.
_MIN_EVIDENCE = 8
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_NON_ASCII = regex.compile(r"[^\x00-\x7f]")
_COMMON_PUNCT = (
    "，。、；：？！“”‘’《》〈〉（）【】〔〕「」『』—…·～％０１２３４５６７８９　"
    "①②③④⑤⑥⑦⑧⑨⑩℃×÷±≤≥㎡°"
)


@functools.cache
def _common_chars() -> frozenset[str]:
    """GB2312 level-1 and Big5 level-1 hanzi (the most frequent simplified / traditional ones)."""
    chars: set[str] = set(_COMMON_PUNCT)
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: rows 16-55
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    for lead in range(0xA4, 0xC7):  # Big5 常用字: A440-C67E
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            if lead == 0xC6 and trail > 0x7E:
                break
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                pass
    return frozenset(chars)


# Weights for non-ASCII characters that are not common hanzi or punctuation.
_PLAIN_SYMBOL = regex.compile(
    r"[\u00a0-\u024f\u02b0-\u02ff\u2000-\u206f\u2100-\u23ff\u2460-\u24ff\u25a0-\u27bf"
    r"\u3000-\u303f\uff00-\uffef]"
)  # Latin-1/pinyin letters, general punctuation, symbols, bullets, circled digits, full-width forms
_BMP_HANZI = regex.compile(r"[\u4e00-\u9fff]")
_NOISE = regex.compile(r"[\ue000-\uf8ff\U00020000-\U0003ffff\x80-\x9f\ufffd]")  # PUA, Ext B+, C1


def plausibility(text: str) -> tuple[float, int]:
    """(how much the non-ASCII characters read like Chinese, how many were looked at).

    Common hanzi and CJK punctuation count 1, other symbols and Latin letters 0.5,
    rarer BMP hanzi 0.2, kana and the like 0, private-use, supplementary-plane
    and C1 control characters -1: a wrong decoding is full of the latter.
    """
    common = _common_chars()
    seen = 0
    total = 0.0
    for m in _NON_ASCII.finditer(text):
        ch = m.group()
        seen += 1
        if ch in common:
            total += 1
        elif _PLAIN_SYMBOL.match(ch):
            total += 0.5
        elif _BMP_HANZI.match(ch):
            total += 0.2
        elif _NOISE.match(ch):
            total -= 1
        if seen >= _SAMPLE_CHARS:
            break
    return (total / seen if seen else 1.0), seen


# Signatures of binary formats people hand to a text tool by mistake (no NUL needed to tell).
_SIGNATURES = (
    (b"%PDF-", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (.docx, .xlsx, .zip …)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE document (.doc, .xls …)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7z archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", None),  # an executable only with its PE header; "MZ" may start a text
)


def _signature(data: bytes) -> str | None:
    for magic, what in _SIGNATURES:
        if data.startswith(magic):
            if what is None:
                return "an executable" if b"PE\x00\x00" in data[:1024] else None
            return what
    return None


def _too_many_controls(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    n = len(_CONTROL.findall(sample))
    if "\x00" in sample:
        return True
    # A stray form feed or escape is normal in old text files; a percent of them is not.
    return n > 4 and n / len(sample) > 0.01


def _normal_name(encoding: str) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError as exc:
        raise DecodeError(f"unknown encoding {encoding!r}") from exc


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text, detecting the encoding unless `encoding` is given. Raises DecodeError."""
    return decode_detect(data, encoding)[0]


def decode_detect(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used); see the module docstring for the detection order."""
    if encoding:
        name = _normal_name(encoding)
        if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
            name = "utf-8-sig"
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not valid {encoding} at byte {exc.start}") from exc
    if not data:
        return "", "utf-8"
    if data.startswith(codecs.BOM_UTF8):
        try:
            return _checked(data[3:].decode("utf-8")), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-8 BOM but invalid UTF-8 at byte {exc.start + 3}") from exc
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16")), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodeError(f"UTF-16 BOM but invalid UTF-16 at byte {exc.start}") from exc
    kind = _signature(data)
    if kind is not None:
        raise DecodeError(f"binary file ({kind}, not text); use --encoding if it is text")
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (NUL bytes); use --encoding if it is text")
    best: tuple[float, int, str, str] | None = None
    try:
        text = data.decode("utf-8")
        score, seen = plausibility(text)
        # Several valid multi-byte sequences are proof; one or two may be a GB/Big5 pair by chance.
        if seen >= 4 or score >= 0.5:
            return _checked(text), "utf-8"
        best = (score, seen, "utf-8", text)
    except UnicodeDecodeError:
        pass
    for group in (("gb18030",), ("big5", "cp950", "big5hkscs")):
        for enc in group:  # the first Big5 variant that decodes; the others are supersets
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            score, seen = plausibility(text)
            # On a tie keep the earlier: GB18030, the mainland default.
            if best is None or score > best[0]:
                best = (score, seen, enc, text)
            break
    mixed = _by_line(data, best[2] if best is not None and best[2] != "utf-8" else None)
    if mixed is not None and (best is None or mixed[0] > best[0]):
        best = mixed
    if best is None:
        raise DecodeError("not UTF-8, GB18030 or Big5; use --encoding")
    score, seen, enc, text = best
    if seen >= _MIN_EVIDENCE and score < _MIN_SCORE:
        raise DecodeError("binary file or unknown encoding (not UTF-8, GB18030 or Big5); use --encoding")
    return _checked(text), enc


def _by_line(data: bytes, legacy: str | None) -> tuple[float, int, str, str] | None:
    """Each line in UTF-8 when it is valid UTF-8, else in the legacy encoding that reads best;
    None unless both kinds of line are there and every line decodes."""
    lines = data.split(b"\n")
    utf8: list[str | None] = []
    for line in lines:
        try:
            utf8.append(line.decode("utf-8") if not line.isascii() else None)
        except UnicodeDecodeError:
            utf8.append("")
    bad = [line for line, u in zip(lines, utf8, strict=True) if u == ""]
    if not bad or not any(utf8) or len(bad) == len(lines):
        return None
    encodings = [legacy] if legacy else ["gb18030", "big5", "cp950", "big5hkscs"]
    best: tuple[float, str] | None = None
    joined = b"\n".join(bad)
    for enc in encodings:
        try:
            score = plausibility(joined.decode(enc))[0]
        except UnicodeDecodeError:
            continue
        if best is None or score > best[0]:
            best = (score, enc)
    if best is None:
        return None
    enc = best[1]
    text = "\n".join(u if u else line.decode(enc if u == "" else "ascii") for line, u in zip(lines, utf8, strict=True))
    score, seen = plausibility(text)
    return score, seen, f"utf-8+{enc}", text


def _checked(text: str) -> str:
    if _too_many_controls(text):
        raise DecodeError("binary file (control characters); use --encoding if it is text")
    return text


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """The text of a file; OSError when unreadable, DecodeError when not text we can decode."""
    return decode(Path(path).read_bytes(), encoding)
