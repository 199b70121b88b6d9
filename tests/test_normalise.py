"""Normalisation, one edit per case, each with its map back to the original; and a property:
layout noise added to a sentence changes neither the facts found nor the truth of their spans."""

from __future__ import annotations

from decimal import Decimal

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_news_extract import parse
from gov_news_extract.models import Change, DateFact, Percent, Quantity, TimeFact
from gov_news_extract.text.normalise import normalise

# (edit, original, normalised, a piece of the normalised text, the original slice it maps to)
CASES: list[tuple[str, str, str, str, str]] = [
    ("full-width digits", "受理３８３２５７件", "受理383257件", "383257", "３８３２５７"),
    ("full-width digits with comma", "受理３８３，２５７件", "受理383,257件", "383,257件", "３８３，２５７件"),
    ("full-width letters", "ＡＢＣ公司", "ABC公司", "ABC", "ＡＢＣ"),
    ("full-width punctuation", "来电（含微信）：１２件", "来电(含微信):12件", "(含微信):", "（含微信）："),
    ("full-width percent", "占比６４.６％", "占比64.6%", "64.6%", "６４.６％"),
    ("markdown bold around a number", "共受理**383257**件", "共受理383257件", "383257件", "383257**件"),
    ("markdown bold number alone", "共受理**383257**件", "共受理383257件", "383257", "383257"),
    ("markdown bold around words", "**全市**受理诉求", "全市受理诉求", "全市受理", "全市**受理"),
    ("pinyin gloss", "提供服務(wù)热线", "提供服务热线", "服务热线", "服務(wù)热线"),
    ("two pinyin glosses", "服務(fú)(wù)热线", "服务热线", "服务热", "服務(fú)(wù)热"),
    ("space inside a decimal", "实现59. 4亿元", "实现59.4亿元", "59.4亿元", "59. 4亿元"),
    ("space before the decimal point", "实现59 .4亿元", "实现59.4亿元", "59.4", "59 .4"),
    ("space between number and unit", "受理61723 件", "受理61723件", "61723件", "61723 件"),
    ("space between word and number", "截至 8月底", "截至8月底", "至8", "至 8"),
    ("space before percent", "增长5.3 %", "增长5.3%", "5.3%", "5.3 %"),
    ("doubled comma", "来电,,12件", "来电,12件", "电,12", "电,,12"),
    ("doubled full-width comma", "热线，，受理诉求", "热线,受理诉求", "线,受", "线，，受"),
    ("comma then full stop keeps the full stop", "来电,。12件", "来电。12件", "电。1", "电,。1"),
    ("layout break inside prose", "今年上半年,热线共接到来电383257次,同比\n\n下降5%。",
     "今年上半年,热线共接到来电383257次,同比下降5%。", "同比下降", "同比\n\n下降"),
    ("layout break before a number", "今年上半年,热线共接到来电\n383257次,同比下降5%。",
     "今年上半年,热线共接到来电383257次,同比下降5%。", "来电383257", "来电\n383257"),
    ("layout break with CRLF", "今年上半年,热线共接到来电383257次,同比\r\n下降5%。",
     "今年上半年,热线共接到来电383257次,同比下降5%。", "比下", "比\r\n下"),
    ("break after a headline kept", "新乡市12345热线\n全市共受理诉求", "新乡市12345热线\n全市共受理诉求", "线\n全", "线\n全"),
    ("break after a section heading kept", "三、诉求情况,总体平稳有序向好\n全市受理诉求",
     "三、诉求情况,总体平稳有序向好\n全市受理诉求", "好\n全", "好\n全"),
    ("break after a full stop kept", "热线共受理诉求12件,办结10件。\n\n全市办结10件。",
     "热线共受理诉求12件,办结10件。\n\n全市办结10件。", "。\n\n全", "。\n\n全"),
    ("no-break space", "全市\u00a0共受理", "全市 共受理", "市 共", "市\u00a0共"),
    ("ideographic space before a number", "受理\u3000１２件", "受理12件", "理12件", "理\u3000１２件"),
    ("ideographic space between words", "全市\u3000受理诉求", "全市 受理诉求", "市 受", "市\u3000受"),
    ("traditional to simplified", "這個問題們來電12件", "这个问题们来电12件", "问题", "問題"),
    ("small-form brackets (real set D)", "产量﹙吨﹚", "产量(吨)", "(吨)", "﹙吨﹚"),
    ("middle dot as a decimal point (real set C)", "价格上涨1·8%", "价格上涨1.8%", "1.8%", "1·8%"),
    ("middle dot of an event name kept", "“7·16”强降雨", "“7·16”强降雨", "7·16", "7·16"),
    ("traditional multiplier", "全區受理訴求1.2萬件", "全区受理诉求1.2万件", "诉求1.2万件", "訴求1.2萬件"),
]


@pytest.mark.parametrize(("original", "normalised", "piece", "orig_slice"),
                         [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_normalise(original: str, normalised: str, piece: str, orig_slice: str) -> None:
    norm = normalise(original)
    assert norm.text == normalised
    assert len(norm.index) == len(norm.text)
    s = norm.text.index(piece)
    span = norm.span(s, s + len(piece))
    assert span.text == orig_slice
    assert original[span.start:span.end] == orig_slice


def test_surface_keeps_script_and_drops_glosses() -> None:
    norm = normalise("提供服務(wù)热线12345")
    s = norm.text.index("服务热线")
    assert norm.surface(s, s + 4) == "服務热线"


def test_line_and_column_count_characters() -> None:
    text = "第一行标题\n全市共受理诉求12件。"
    norm = normalise(text)
    s = norm.text.index("12件")
    span = norm.span(s, s + 3)
    assert (span.line, span.col) == (2, 8)


def test_index_is_strictly_increasing() -> None:
    norm = normalise("**共受理**３８３２５７ 件,,同比\n\n下降5. 3%。服務(wù)")
    assert all(a < b for a, b in zip(norm.index, norm.index[1:], strict=False))


# ---------------------------------------------------------------- property: layout noise

SENTENCES = [
    "今年上半年,全市12345热线共接到群众来电383257次,环比下降59.7%,日均2117次。",
    "全市共受理诉求28406件,其中咨询类12034件,占比42.4%;求助类9876件,占比34.8%。",
    "一季度,全市地区生产总值完成651.23亿元,同比增长5.6%,增速高于全省1.2个百分点。",
    "7月18日9时26分,热线接到求助电话,办理工单2694件,群众满意率达99.1%。",
    "全市常住人口625.5万人,比上年末减少3.2万人,城镇化率为56.8%。",
]
_NUMBER = regex.compile(r"\d+(?:\.\d+)?")
_BREAK_LEFT = regex.compile(r"[\p{Han}\d%]")
_BREAK_RIGHT = regex.compile(r"[\p{Han}\d]")
_PUNCT = regex.compile(r"[,，。;；、]")


def _break_points(s: str) -> list[int]:
    """Where page layout may break a prose line: the line so far reads as prose (12+ chars, a
    comma), and the break falls between two words or digits."""
    return [i for i in range(12, len(s)) if _PUNCT.search(s[:i]) and _BREAK_LEFT.match(s[i - 1])
            and _BREAK_RIGHT.match(s[i])]


@st.composite
def decorated(draw: st.DrawFn) -> tuple[str, str]:
    plain = draw(st.sampled_from(SENTENCES))
    before: dict[int, str] = {}  # text inserted before plain[i]
    numbers = list(_NUMBER.finditer(plain))
    for m in numbers:
        bold = draw(st.booleans())
        spaced = draw(st.booleans()) and m.end() < len(plain) and regex.match(r"[\p{Han}%]", plain[m.end()])
        if bold:
            before[m.start()] = before.get(m.start(), "") + "**"
            before[m.end()] = before.get(m.end(), "") + "**"
        if spaced:
            before[m.end()] = before.get(m.end(), "") + draw(st.sampled_from([" ", "  ", "\u3000"]))
    points = [i for i in _break_points(plain) if i not in before]
    add_break = draw(st.booleans())
    if points and add_break:
        before[draw(st.sampled_from(points))] = draw(st.sampled_from(["\n", "\n\n", "\r\n"]))
    widen = draw(st.lists(st.booleans(), min_size=len(plain), max_size=len(plain)))
    out = []
    for i, c in enumerate(plain):
        out.append(before.get(i, ""))
        out.append(chr(ord(c) + 0xFEE0) if c.isdigit() and widen[i] else c)
    out.append(before.get(len(plain), ""))
    return plain, "".join(out)


def _numeric_values(text: str) -> list[tuple[str, Decimal, str | None]]:
    return [(f.kind, f.value, f.unit) for f in parse(text).facts() if isinstance(f, (Quantity, Percent, Change))]


@settings(max_examples=80, deadline=None)
@given(decorated())
def test_layout_noise_keeps_facts_and_spans(pair: tuple[str, str]) -> None:
    plain, text = pair
    doc = parse(text)
    facts = [f for f in doc.facts() if isinstance(f, (Quantity, Percent, Change, DateFact, TimeFact))]
    assert facts
    for f in facts:
        sp = f.span
        assert 0 <= sp.start < sp.end <= len(text)
        assert text[sp.start:sp.end] == sp.text
    assert _numeric_values(text) == _numeric_values(plain)
