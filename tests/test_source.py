"""Stage 0 (text/source.py): markup, invisible characters and mojibake read through, spans exact."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_news_extract import parse
from gov_news_extract.text.source import clean, looks_like_html

# UTF-8 read as Windows-1252 (its five holes as Latin-1), as a misconfigured scraper saves it.
MOJIBAKE = "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in "热线受理8215件".encode())
README = ("本报讯(记者 林晓 通讯员 王明) 今年上半年,市12345热线共受理群众诉求8215件,环比下降6.6%。其中,电话渠道7010件、"
          "网络渠道1205件。按诉求类型分析:咨询类4930件,占比60.0%;投诉类2464件,占比30.0%;其他类821件,占比9.0%。")
# The README example as a browser would save it: head, style, script, entities, inline tags, indentation.
README_HTML = f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <title>市12345热线上半年运行情况</title>
  <style>p {{ text-indent: 2em; }}</style>
  <script>var x = "<p>不是正文</p>";</script>
</head>
<body>
  <div class="article">
    <p>{README.replace("8215件", "<strong>8215件</strong>").replace(" 林晓", "&nbsp;林晓").replace("821件", "821&#20214;")}</p>
  </div>
  <!-- 页脚 -->
</body>
</html>
"""


def _facts(doc: object) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.kind, str(getattr(f, "value", "")), getattr(f, "unit", None), f.label) for f in doc.facts()]  # type: ignore[attr-defined]


def _findings(doc: object) -> list[tuple[str, str]]:
    return [(d.rule, d.message) for d in doc.diagnostics]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("共受理8215件", "共受理8215件"),  # nothing to clean: the input itself
        ("<p>共受理8215&#20214;</p><p>环比下降6.6%</p>", "共受理8215件\n环比下降6.6%"),
        ("<html><body>a<br>b<br><br>c</body></html>", "a\nb\n\nc"),
        ("<html><body><p>共受理\n    群众诉求</p></body></html>", "共受理群众诉求"),  # a break between hanzi folds away
        ("<html><body><p>共受理\n 8215件, ok\n  fine</p></body></html>", "共受理 8215件, ok fine"),
        ("<html><body><table><tr><th>类别</th><th>件数</th></tr>\n<tr><td> 咨询 </td><td>4930</td></tr>"
         "</table></body></html>", "|类别|件数|\n|咨询|4930|"),
        ("<html><head><title>t</title></head><body><script>if (a<b) {}</script><style>p{}</style>正文"
         "<!-- note --></body></html>", "正文"),
        ("<html><body><pre>  a\n\n b</pre></body></html>", "  a\n\n b"),
        ("38\u200b3257件", "383257件"),  # a zero-width space inside a number
        ("38\u200f3257件\u200e", "383257件"),  # direction marks
        ("\ufeff群众\u00ad诉求\x00\x01", "群众诉求"),  # BOM, soft hyphen, NUL, control
        ("第一行\r\n第二行\u2028第三行", "第一行\n第二行\n第三行"),
        ("共\udc80受理", "共\ufffd受理"),  # a lone surrogate
        (MOJIBAKE, "热线受理8215件"),  # UTF-8 read as Windows-1252
        ("café au lait", "café au lait"),  # accented Latin as written stays
        ("<5% 与 a<b 不是标签, &foo; 也不是实体", "<5% 与 a<b 不是标签, &foo; 也不是实体"),
        ("比例&nbsp;60%&amp;以上&lt;br&gt;", "比例\xa060%&以上<br>"),
        ("<!-- gne: ignore share-of-total -->占比9.0%", "<!-- gne: ignore share-of-total -->占比9.0%"),
    ],
    ids=["plain", "p-entity", "br", "fold-hanzi", "fold-space", "table", "dropped", "pre", "zwsp", "rtl",
         "invisible", "crlf-separators", "surrogate", "mojibake", "latin", "not-markup", "entities",
         "suppression-kept"],
)
def test_clean(raw: str, text: str) -> None:
    src = clean(raw)
    assert src.text == text
    for i in range(len(src.text)):  # every character maps into the input, in order
        a, b = src.raw_range(i, i + 1)
        assert 0 <= a < b <= len(raw)
        if i:
            assert src.raw_range(i - 1, i)[1] <= a


def test_a_decoded_character_covers_its_whole_source() -> None:
    raw = "<p>其他类821&#20214;,占比9.0%</p>"
    src = clean(raw)
    k = src.text.index("821")
    a, b = src.raw_range(k, k + 4)
    assert raw[a:b] == "821&#20214;"


@pytest.mark.parametrize(
    ("raw", "html"),
    [
        ("<!DOCTYPE html><p>x</p>", True),
        ("  <html><body>x</body></html>", True),
        ('<div class="a"><span style="b">共受理</span><span>8215件</span></div>', True),
        ("共受理8215件<br>环比下降6.6%", False),  # scraped text with a stray tag: text (its tag still goes)
        ("a < b and c > d", False),
    ],
)
def test_mostly_markup_is_html(raw: str, html: bool) -> None:
    assert looks_like_html(raw) is html


def test_readme_example_as_html_gives_the_same_facts_and_findings() -> None:
    text, page = parse(README), parse(README_HTML)
    assert _facts(page) == _facts(text)
    assert _findings(page) == _findings(text) and len(_findings(text)) == 2
    people = [(p.role, p.name) for p in page.articles[0].byline.people]  # type: ignore[union-attr]
    assert people == [("记者", "林晓"), ("通讯员", "王明")]
    for f in page.facts():
        assert README_HTML[f.span.start:f.span.end] == f.span.text
        assert "<" not in (f.label or "") and "&" not in (f.label or "")
    assert "<strong>" not in {f.span.text for f in page.facts()}


def test_labels_never_hold_markup_or_invisible_characters() -> None:
    doc = parse("<p>全市<b>群众</b>诉\u00ad求8215件,其中咨询\u200b类4930件。</p><p>x</p><p>y</p>")
    assert [f.label for f in doc.facts()][:2] == ["群众诉求", "咨询类"]


def test_html_table_reaches_the_table_reader() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>{a}</td><td>{b}</td></tr>"
                   for n, a, b in (("清河区", 6214, 6102), ("东湖区", 4120, 4098), ("西山区", 3180, 3150)))
    page = f"<html><body><p>各区办理情况</p><table><tr><th>区县</th><th>受理量</th><th>办结量</th></tr>{rows}</table></body></html>"
    as_text = "各区办理情况\n|区县|受理量|办结量|\n" + "\n".join(
        f"|{n}|{a}|{b}|" for n, a, b in (("清河区", 6214, 6102), ("东湖区", 4120, 4098), ("西山区", 3180, 3150)))
    assert _facts(parse(page)) == _facts(parse(as_text))
    assert {f.label for f in parse(page).facts()} >= {"受理量", "办结量"}


def test_zero_width_inside_a_number_is_one_number() -> None:
    doc = parse("全市共接到群众来电38\u200b3257次。")
    assert [(f.span.text, str(f.value)) for f in doc.facts()] == [("38\u200b3257次", "383257")]  # type: ignore[attr-defined]


def test_unclosed_markup_is_linear() -> None:
    # Each unclosed opener must not search to the end again: these would take minutes.
    for piece in ("<script>", "<!--", "<style>x", "<td>", "&#x"):
        src = clean("<html><body>" + piece * 20000)
        assert src.text is not None


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<br>", "<td>", "</tr>", "<tr>", "&nbsp;", "&#20214;", "&amp;",
                                 "<b>", "</b>", "\n", " ", "  ", "共受理", "8215", "件", "\u200b", "\u00ad",
                                 "\x00", "\r\n", "<script>", "</script>", "<!--", "-->", "<pre>", "</pre>",
                                 "çƒ­", "<!DOCTYPE html>", "<", "&"]), max_size=40).map("".join))
def test_map_is_exact_and_monotone(raw: str) -> None:
    for as_html in (None, True, False):
        src = clean(raw, as_html=as_html)
        prev = 0
        for i in range(len(src.text)):
            a, b = src.raw_range(i, i + 1)
            assert prev <= a < b <= len(raw), (raw, src.text, i)
            prev = b


CORPORA = sorted((Path(__file__).resolve().parents[1] / "corpora").glob("*.txt"))


@pytest.mark.parametrize("path", CORPORA[::4], ids=lambda p: p.stem)
def test_a_corpus_page_saved_as_html_gives_the_same_facts(path: Path) -> None:
    # (All 76 project texts and the first 30 shared pages held this when it was written.)
    text = path.read_text(encoding="utf-8")
    page = "<html><body>\n" + "".join(f"<p>{html.escape(line)}</p>\n" if line.strip() else "<br>\n"
                                      for line in text.split("\n")) + "</body></html>"
    doc = parse(page)
    assert _facts(doc) == _facts(parse(text))
    assert _findings(doc) == _findings(parse(text))
