"""`check` on input it cannot read, or reads only as HTML: never 'clean' for a page it could not read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gov_news_extract import pipeline
from gov_news_extract.cli import main
from test_source import README, README_HTML


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_readme_example_as_html_has_the_same_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ex.txt").write_text(README + "\n", encoding="utf-8")
    (tmp_path / "ex.html").write_text(README_HTML, encoding="utf-8")
    code_t, out_t, _ = _run(capsys, str(tmp_path / "ex.txt"), "--format", "jsonl")
    code_h, out_h, _ = _run(capsys, str(tmp_path / "ex.html"), "--format", "jsonl")
    assert code_t == code_h == 1

    text = [(d["rule"], d["message"]) for d in map(json.loads, out_t.splitlines())]
    page = [json.loads(x) for x in out_h.splitlines()]
    assert [(d["rule"], d["message"]) for d in page] == text and len(text) == 2
    for d in page:  # line and column point into the HTML file as written
        line = README_HTML.splitlines()[d["line"] - 1]
        assert line[d["col"] - 1:].startswith(d["span"]["text"][:5])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"abc\x00def", "NUL"),
        (bytes(range(0x80, 0x100)) * 8, "not UTF-8"),
    ],
    ids=["pdf", "docx", "nul", "noise"],
)
def test_an_unreadable_file_is_exit_status_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes,
                                             message: str) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(data)
    code, out, err = _run(capsys, str(path))
    assert code == 2 and out == ""
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert len(errors) == 1 and errors[0].startswith(f"{path}: error: ") and message in errors[0]


def test_a_page_that_could_not_be_checked_is_not_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "page.txt"
    path.write_text("全市共受理群众诉求8215件,其中咨询类4930件,占比60.0%。\n", encoding="utf-8")

    def broken(*_args: object, **_kw: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "_parse", broken)  # parse() reports the failure as a diagnostic
    code, _, err = _run(capsys, str(path))
    assert code == 2 and "could not be checked completely" in err
