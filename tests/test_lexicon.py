"""The word classes of `data/lexicon/`: every example line tokenises its bracketed words to their
class, and no counter-example does (the Duckling habit: a class is its examples).

Example `本周受理7000件,[较]上周增加500件`: scanning the line without brackets must give a token
exactly over `较` that belongs to the class. Counter-example `[公共]服务` of `total`: no token of
`total` may overlap `公共`.
"""

from __future__ import annotations

import itertools

import pytest

from gov_news_extract.text import lexicon


def _marked(line: str) -> tuple[str, list[tuple[int, int]]]:
    """The line without its brackets, and the [start, end) of every bracketed stretch."""
    out, spans, i = [], [], 0
    pos = 0
    while i < len(line):
        if line[i] == "[" and "]" in line[i:]:
            j = line.index("]", i)
            spans.append((pos, pos + j - i - 1))
            out.append(line[i + 1:j])
            pos += j - i - 1
            i = j + 1
        else:
            out.append(line[i])
            pos += 1
            i += 1
    return "".join(out), spans


def _cases(field: str) -> list[object]:
    out = []
    for name, wc in sorted(lexicon.classes().items()):
        lines = wc.examples if field == "examples" else wc.counter_examples
        for k, line in enumerate(lines):
            out.append(pytest.param(name, line, id=f"{name}-{k}"))
    return out


@pytest.mark.parametrize(("name", "line"), _cases("examples"))
def test_example_tokenises_to_its_class(name: str, line: str) -> None:
    text, spans = _marked(line)
    assert spans, "an example marks its class word in brackets"
    tokens = {(t.start, t.end): t for t in lexicon.scan(text)}
    for s, e in spans:
        tok = tokens.get((s, e))
        assert tok is not None, f"{text[s:e]!r} is not one token in {text!r}: {[t.text for t in lexicon.scan(text)]}"
        assert name in tok.classes


@pytest.mark.parametrize(("name", "line"), _cases("not"))
def test_counter_example_does_not(name: str, line: str) -> None:
    text, spans = _marked(line)
    assert spans, "a counter-example marks the stretch in brackets"
    for s, e in spans:
        hits = [t.text for t in lexicon.scan(text) if name in t.classes and t.start < e and s < t.end]
        assert hits == [], f"{name} token(s) {hits} inside {text[s:e]!r} of {text!r}"


def test_every_class_has_a_doc_and_examples() -> None:
    for name, wc in lexicon.classes().items():
        assert wc.doc, name
        assert wc.examples, name
        assert wc.meanings, name


def test_scan_is_longest_match_and_never_overlaps() -> None:
    toks = lexicon.scan("较上年同期增长6.2%,比上年末增加9家")
    assert [t.text for t in toks][:3] == ["较", "上年同期", "增长"]
    assert all(a.end <= b.start for a, b in itertools.pairwise(toks))


def test_alternation_tries_longer_words_first() -> None:
    words = lexicon.alternation("prior_period", "basis_word").split("|")
    assert words.index("上年同期") < words.index("上年")
    assert [len(w) for w in words] == sorted((len(w) for w in words), reverse=True)
