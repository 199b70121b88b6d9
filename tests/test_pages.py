"""A long file read page by page (text/pages.py, pipeline.py): nothing lost, same facts as page by page."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gov_news_extract import Document, parse
from gov_news_extract.pipeline import parse_pages
from gov_news_extract.text import pages
from gov_news_extract.text.pages import Page, split

CORPORA = Path(__file__).resolve().parents[1] / "corpora"
WORDS = st.sampled_from(
    ["全市", "共受理", "诉求", "其中", "咨询类", "投诉类", "占比", "环比下降", "同比增长", "7月18日", "上半年",
     "个百分点", "万件", "件", "次", "%", ",", "、", ";", "。", "\n", "\n\n", "(", ")", ":", "约", "1.1.", "三千",
     "<p>", "</p>", "&nbsp;", "\u200b", " "]
)
NUMBERS = st.one_of(st.integers(min_value=0, max_value=10**7).map(str), st.sampled_from(["60.0", "9.0", "0.5"]))
BODY = st.lists(st.one_of(WORDS, NUMBERS), min_size=1, max_size=60).map("".join)


def _key(doc: Document, shift: int = 0) -> list[tuple[object, ...]]:
    return [(f.kind, f.span.start + shift, f.span.end + shift, f.span.text, str(getattr(f, "value", "")),
             getattr(f, "unit", None), f.label) for f in doc.facts()]


def _diag_key(doc: Document, shift: int = 0) -> list[tuple[object, ...]]:
    return [(d.rule, d.span.start + shift, d.message) for d in doc.diagnostics]


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setattr(pages, "PAGE_CHARS", 400)
    yield 400


def _check_cover(text: str, found: list[Page]) -> None:
    assert found[0].start == 0 and found[-1].end == len(text)
    assert all(a.end == b.start and a.start < a.end for a, b in itertools.pairwise(found))


def test_a_short_file_is_one_page() -> None:
    assert split("共受理8215件。" * 10) == [Page(0, 90)]
    assert split("") == [Page(0, 0)]


@pytest.mark.parametrize("filler", ["甲乙丙丁。\n", "甲乙丙丁。", "1234567890", "甲" * 10, "、", " \n\n"])
def test_long_pages_are_cut_near_the_limit(filler: str) -> None:
    text = filler * 5000
    found = split(text, 2000)
    _check_cover(text, found)
    assert all(p.end - p.start <= 2000 for p in found)
    assert all(p.continued for p in found[1:])


def test_cuts_prefer_line_breaks_and_sentence_ends() -> None:
    text = ("全市共受理群众诉求8215件,环比下降6.6%。" * 30 + "\n") * 40
    found = split(text, 3000)
    assert all(text[p.end - 1] == "\n" for p in found[:-1])
    one_line = "全市共受理群众诉求8215件,环比下降6.6%。" * 400
    assert all(one_line[p.end - 1] == "。" for p in split(one_line, 3000)[:-1])


def test_a_cut_never_splits_a_number() -> None:
    text = "编号" + "1234567890" * 1000 + "件,共" + "9" * 3000
    for p in split(text, 2000)[:-1]:
        assert not (text[p.end - 1].isdigit() and text[p.end].isdigit()) or p.end - p.start == 2000


def test_page_headers_start_pages() -> None:
    body = "本报讯 今年上半年,全市共受理群众诉求8215件,环比下降6.6%。\n" * 100
    text = "".join(f"澄潭日报\n2024年7月{d}日 星期五\n第{v}版 要闻\n{body}" for d in (1, 2, 3) for v in (1, 2))
    found = split(text, 3000)
    _check_cover(text, found)
    heads = [p for p in found if not p.continued]
    assert len(heads) == 6
    assert all(text.startswith("澄潭日报\n", p.start) for p in heads)
    ff = ("共受理8215件。" * 200 + "\f") * 3
    assert [p.start for p in split(ff, 5000)] == [0, 1801, 3602]


def _paged_file(bodies: list[str]) -> str:
    """A file of pages, each under its own dated page header and opening with a line of prose."""
    return "".join(f"2024年7月{i % 28 + 1}日 第{i + 1}版 要闻\n本报讯 全市工作稳步推进。\n{body}\n"
                   for i, body in enumerate(bodies))


def _same_as_page_by_page(text: str, n_pages: int) -> None:
    """parse(text) against parsing each page the splitter finds on its own."""
    starts = [p.start for p in split(text) if not p.continued]
    assert len(starts) == n_pages
    whole = parse(text)
    one_by_one: list[tuple[object, ...]] = []
    diags: list[tuple[object, ...]] = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=True):
        doc = parse(text[start:end])
        one_by_one += _key(doc, start)
        diags += _diag_key(doc, start)
    assert _key(whole) == one_by_one
    assert _diag_key(whole) == diags


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(BODY, min_size=2, max_size=6))
def test_many_pages_give_the_facts_of_each_page(small_pages: int, bodies: list[str]) -> None:
    text = _paged_file(bodies)
    if len(text) > small_pages:
        _same_as_page_by_page(text, len(bodies))


def _one_page_texts() -> list[str]:
    """The project's texts that hold no page header of their own (a newspaper page has one)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPORA.glob("*.txt"))]
    return [t for t in texts if not pages._page_starts("x\n" + t)]


def test_many_pages_of_real_text_give_the_facts_of_each_page(small_pages: int) -> None:
    texts = _one_page_texts()[:12]
    _same_as_page_by_page(_paged_file(texts), len(texts))


def test_an_archive_above_the_page_size_is_read_page_by_page() -> None:
    # Without a lowered limit: the real size at which paging starts.
    texts = _one_page_texts()
    bodies: list[str] = []
    while sum(map(len, bodies)) <= pages.PAGE_CHARS:
        bodies.append(texts[len(bodies) % len(texts)])
    _same_as_page_by_page(_paged_file(bodies), len(bodies))


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(BODY, st.integers(min_value=3, max_value=30))
def test_a_cut_page_keeps_every_span_and_the_order(small_pages: int, body: str, times: int) -> None:
    text = (body + "。") * times
    doc = parse(text)
    starts = [f.span.start for f in doc.facts()]
    assert starts == sorted(starts)
    for f in doc.facts():
        assert text[f.span.start:f.span.end] == f.span.text
    arts = doc.articles
    assert arts[0].span.start <= arts[-1].span.end <= len(text)
    ids = [f.id for f in doc.facts()]
    assert len(ids) == len(set(ids))  # ids stay unique over the pages


def test_a_report_cut_in_two_keeps_its_year_and_one_article(small_pages: int) -> None:
    text = "2023年全市经济运行情况\n" + "上半年,全市共受理群众诉求8215件,环比下降6.6%。" * 60
    doc = parse(text)
    assert len(split(doc.articles[0].span.text)) > 1
    assert len(doc.articles) == 1
    periods = [f for f in doc.facts() if f.kind == "period"]
    assert len(periods) == 60 and all(p.value == "2023-H1" for p in periods)  # type: ignore[union-attr]


def test_parse_pages_streams_the_same_findings(small_pages: int) -> None:
    text = _paged_file(["其中咨询类4930件,占比60.0%;投诉类2464件,占比30.0%;其他类821件,占比9.0%。"] * 5)
    streamed = [d for doc in parse_pages(text) for d in doc.diagnostics]
    assert [(d.rule, d.span.start) for d in streamed] == [(d.rule, d.span.start) for d in parse(text).diagnostics]
    assert len(streamed) == 10  # shares-sum and share-of-total on each page


def test_page_by_page_is_linear() -> None:
    # One huge line (no page header, no line break) three times as long takes about three times
    # as long, not nine: before paging, 0.44 M characters took 11 s and 0.88 M 57 s.
    page = (CORPORA / "hotline-weekly.txt").read_text(encoding="utf-8").replace("\n", "")
    unit = page * (pages.PAGE_CHARS // len(page) + 1)

    def timed(n: int) -> float:
        text = unit * n
        t = time.process_time()
        parse(text)
        return time.process_time() - t

    small, big = timed(1), timed(3)
    assert big < 3 * small * 1.6, (small, big)
