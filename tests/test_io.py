"""Encoding detection: UTF-8 (± BOM), GB18030/GBK, Big5, binaries, overrides."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from gov_news_extract.io import DecodeError, decode, decode_detect, read_text

SIMPLIFIED = "今年上半年，全市12345热线共接到群众来电383257次，环比下降59.7%，办结率99.8%。"
TRADITIONAL = "今年上半年，全市熱線共接到群眾來電383257次，環比下降59.7%，辦結率99.8%。"
SHORT = "本周受理工单2694件。"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
        (SHORT.encode("gb18030"), SHORT, "gb18030"),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
        (b"", "", "utf-8"),
        (b"plain ASCII 123\n", "plain ASCII 123\n", "utf-8"),
        ("第一行\r\n第二行\f\n".encode("gb18030"), "第一行\r\n第二行\f\n", "gb18030"),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "big5", "trad-in-gb18030", "short-gb", "utf16-bom",
         "empty", "ascii", "crlf-formfeed"],
)
def test_detects(data: bytes, text: str, encoding: str) -> None:
    assert decode_detect(data) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 32, "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        (bytes(range(0x80, 0x100)) * 4, "not UTF-8, GB18030 or Big5"),
    ],
    ids=["png", "elf", "controls", "noise"],
)
def test_rejects_binary(data: bytes, message: str | None) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(data)


def test_explicit_encoding_overrides_detection() -> None:
    data = TRADITIONAL.encode("big5")
    assert decode(data, "big5") == TRADITIONAL
    assert decode(codecs.BOM_UTF8 + b"abc", "utf-8") == "abc"
    # Latin-1 decodes anything: the user asked for it.
    assert decode(data, "latin-1") == data.decode("latin-1")


@pytest.mark.parametrize(("encoding", "message"), [("utf-8", "not valid utf-8"), ("no-such-codec", "unknown")])
def test_explicit_encoding_errors(encoding: str, message: str) -> None:
    with pytest.raises(DecodeError, match=message):
        decode(SIMPLIFIED.encode("gb18030"), encoding)


def test_read_text(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_bytes(TRADITIONAL.encode("big5"))
    assert read_text(p) == TRADITIONAL
    with pytest.raises(OSError):
        read_text(tmp_path / "missing.txt")


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_decode_error(data: bytes) -> None:
    try:
        text = decode(data)
    except DecodeError:
        return
    assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), max_size=200))
def test_utf8_round_trips(text: str) -> None:
    # Valid UTF-8 with several multi-byte characters is always taken as UTF-8.
    data = text.encode("utf-8")
    if sum(1 for ch in text if ord(ch) > 0x7F) >= 4:
        assert decode(data) == text


# Simplified and traditional hanzi common enough to be in GB2312 and Big5.
_BOTH = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下"
    "过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都"
    "两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
    "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想"
    "已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知"
    "较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造"
    "百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白"
    "教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集"
    "温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿"
    "千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存"
    "候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该"
    "铁价严"
)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_BOTH, min_size=12, max_size=120))
def test_gb18030_and_big5_round_trip(text: str) -> None:
    # A run of one or two hanzi can be valid UTF-8 by chance (一 is D2 BB, also UTF-8 for һ):
    # detection prefers UTF-8 then, as any tool must; real text has more variety.
    assume(len(set(text)) >= 6)
    assert decode(text.encode("gb18030")) == text
    try:
        big5 = text.encode("big5")
    except UnicodeEncodeError:  # a simplified-only form
        return
    assert decode(big5) == text


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")
def test_corpus_in_every_encoding() -> None:
    import opencc

    s2t = opencc.OpenCC("s2t")
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8-sig")
        trad = s2t.convert(text).encode("big5", errors="ignore").decode("big5")
        cases = {
            "utf-8": text.encode("utf-8"),
            "utf-8-sig": codecs.BOM_UTF8 + text.encode("utf-8"),
            "gb18030": text.encode("gb18030"),
        }
        for enc, data in cases.items():
            assert decode(data) == text, (path.name, enc)
        assert decode(trad.encode("big5")) == trad, (path.name, "big5")


def test_real_binaries_rejected() -> None:
    exe = os.path.realpath(os.__file__.replace("os.py", "../../bin/python3"))
    if not os.path.isfile(exe):
        pytest.skip("no interpreter binary found")
    with pytest.raises(DecodeError):
        decode(Path(exe).read_bytes()[:65536])


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\xff" * 64, "OLE"),
        (b"{\\rtf1\\ansi\\ansicpg936 \\'b9\\'b2", "RTF"),
        (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
        (b"GIF89a\x01\x02", "GIF"),
        (b"MZ\x90\x03" + b"\x20" * 100 + b"PE\x00\x00", "executable"),
    ],
    ids=["pdf", "docx", "doc", "rtf", "jpeg", "gif", "exe"],
)
def test_binary_formats_are_named(data: bytes, what: str) -> None:
    # No NUL needed: these open with their format's signature, and a checker must not call them clean.
    with pytest.raises(DecodeError, match=what):
        decode(data)


def test_a_text_starting_with_mz_is_text() -> None:
    assert decode(b"MZ-2024 report: " + SIMPLIFIED.encode("utf-8")) == "MZ-2024 report: " + SIMPLIFIED


def test_lines_in_two_encodings_are_each_read_in_theirs() -> None:
    # A dump pasted together: UTF-8 lines and GB18030 (or Big5) lines in one file.
    data = b"\n".join([SIMPLIFIED.encode("utf-8"), SHORT.encode("gb18030"), b"ascii 123", SIMPLIFIED.encode("utf-8")])
    text, encoding = decode_detect(data)
    assert text == "\n".join([SIMPLIFIED, SHORT, "ascii 123", SIMPLIFIED]) and encoding == "utf-8+gb18030"
    big5 = b"\n".join([SIMPLIFIED.encode("utf-8"), TRADITIONAL.encode("big5")])
    assert decode_detect(big5) == (SIMPLIFIED + "\n" + TRADITIONAL, "utf-8+big5")


def test_one_encoding_for_the_whole_file_stays_one() -> None:
    data = (SIMPLIFIED + "\n" + SHORT + "\n").encode("gb18030")
    assert decode_detect(data) == (SIMPLIFIED + "\n" + SHORT + "\n", "gb18030")
