"""`gov-news-extract parse`: folders, encodings, formats, errors, parallel runs."""

from __future__ import annotations

import codecs
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from gov_news_extract.cli import build_parser, main

# Short generated sentences; {n} varies per file so that no two documents are alike.
SIMPLIFIED = "本周热线共受理群众来电{n}次，环比增长{p}%。"
TRADITIONAL = "本週熱線共受理群眾來電{n}次，環比增長{p}%。"
ENCODINGS = ("utf-8", "utf-8-bom", "gb18030", "big5")
CLI = [sys.executable, "-c", "import sys; from gov_news_extract.cli import main; sys.exit(main())"]


def _write(path: Path, text: str, encoding: str) -> None:
    if encoding == "utf-8-bom":
        path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    else:
        path.write_bytes(text.encode(encoding))


def make_corpus(root: Path, n: int) -> dict[str, str]:
    """n text files in four encodings over nested folders, one binary, one empty; path -> text."""
    texts: dict[str, str] = {}
    for i in range(n):
        enc = ENCODINGS[i % len(ENCODINGS)]
        template = TRADITIONAL if enc == "big5" else SIMPLIFIED
        text = template.format(n=1000 + i, p=i % 97 / 10)
        path = root / f"batch{i % 7}" / f"{i:04d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        _write(path, text, enc)
        texts[str(path)] = text
    (root / "blob.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "empty.txt").write_bytes(b"")
    (root / "readme.md").write_text("not a *.txt file", encoding="utf-8")
    texts[str(root / "empty.txt")] = ""
    return texts


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_subcommands_are_registered() -> None:
    ap = build_parser()
    assert ap.parse_args(["parse", "x.txt"]).command == "parse"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_folder_batch(tmp_path: Path, capsys: pytest.CaptureFixture[str], jobs: str) -> None:
    root = tmp_path / "in"
    texts = make_corpus(root, 500)
    out = tmp_path / f"out{jobs}.jsonl"
    code, stdout, err = run_cli(["parse", str(root), "-f", "jsonl", "-o", str(out), "--jobs", jobs], capsys)
    assert code == 1 and stdout == ""
    lines = out.read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    assert [d["source"] for d in docs] == sorted(texts, key=lambda p: Path(p).relative_to(root).parts)
    for d in docs:  # every good file decoded right: the article spans its whole text
        assert d["articles"][0]["span"]["text"] == texts[d["source"]]
    assert next(d for d in docs if d["source"].endswith("empty.txt"))["articles"][0]["span"]["end"] == 0
    errors = [line for line in err.splitlines() if ": error: " in line]
    assert errors == [f"{root / 'blob.txt'}: error: binary file (a PNG image, not text); use --encoding if it is text"]
    assert err.splitlines()[-1] == f"{len(texts) + 1} files, 1 failed"


def test_parallel_output_is_identical(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "in"
    make_corpus(root, 60)
    outs = {}
    for fmt in ("jsonl", "csv", "json"):
        for jobs in ("1", "2"):
            code, stdout, _ = run_cli(["parse", str(root), "-f", fmt, "-j", jobs, "-q"], capsys)
            assert code == 1
            outs[fmt, jobs] = stdout
        assert outs[fmt, "1"] == outs[fmt, "2"], fmt
    assert len(json.loads(outs["json", "1"])) == 61  # 60 texts and the empty one


def test_single_file_json_is_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "one.txt"
    _write(f, SIMPLIFIED.format(n=383257, p=5), "gb18030")
    code, out, err = run_cli(["parse", str(f)], capsys)
    assert code == 0 and err == ""
    doc = json.loads(out)
    assert doc["source"] == str(f) and doc["articles"]
    code, out, _ = run_cli(["parse", str(f), str(f)], capsys)
    assert code == 0 and len(json.loads(out)) == 2


def test_folder_json_is_an_array_even_of_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("来电100次。", encoding="utf-8")
    code, out, _ = run_cli(["parse", str(tmp_path), "-q"], capsys)
    assert code == 0 and isinstance(json.loads(out), list)


def test_csv_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text(SIMPLIFIED.format(n=383257, p=5.5), encoding="utf-8")
    code, out, _ = run_cli(["parse", str(f), "-f", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    from gov_news_extract.report.tables import FACT_COLUMNS

    assert out.splitlines()[0].split(",") == [c.name for c in FACT_COLUMNS]
    text = f.read_text(encoding="utf-8")
    for row in rows:
        assert row["source"] == str(f) and row["article"] == "0"
        assert text[int(row["start"]):int(row["end"])] == row["text"]
        float(row["value"])  # always a number
    # Which facts the extractor finds is not this test's business, but a count is a fact.
    assert any(r["value"] == "383257" for r in rows)
    change = next(r for r in rows if r["kind"] == "change")
    assert (change["value"], change["direction"], change["basis"]) == ("5.5", "up", "环比")


def test_csv_composites_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.txt"
    f.write_text("本报讯 热线共受理工单1000件。其中,咨询类600件,占比60%;其他类400件,占比40%。\n", encoding="utf-8")
    code, out, _ = run_cli(["parse", str(f), "-f", "csv", "--table", "composites"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [(r["kind"], r["position"], r["label"], r["value"], r["share"]) for r in rows] == [
        ("breakdown", "1", "咨询类", "600", "60"), ("breakdown", "2", "其他类", "400", "40")]
    assert {r["total"] for r in rows} == {"1000"}


def test_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    class _Stdin:
        buffer = io.BytesIO(SIMPLIFIED.format(n=12, p=1).encode("gb18030"))

    monkeypatch.setattr(sys, "stdin", _Stdin)
    code, out, _ = run_cli(["parse", "-", "-f", "jsonl"], capsys)
    assert code == 0
    assert json.loads(out)["source"] == "<stdin>"


def test_missing_and_empty_folder_are_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("来电1次。", encoding="utf-8")
    (tmp_path / "none").mkdir()
    code, out, err = run_cli(
        ["parse", str(tmp_path / "a.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "none"), "-f", "jsonl"],
        capsys,
    )
    assert code == 1 and len(out.splitlines()) == 1
    assert f"{tmp_path / 'nope.txt'}: error: no such file or folder" in err
    assert f"{tmp_path / 'none'}: error: no files matching '*.txt'" in err
    assert err.splitlines()[-1] == "3 files, 2 failed"


def test_glob_and_encoding_override(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "a.dat", TRADITIONAL.format(n=1, p=2), "big5")
    _write(tmp_path / "b.txt", "abc", "utf-8")
    code, out, _ = run_cli(["parse", str(tmp_path), "--glob", "*.dat", "-f", "jsonl", "--encoding", "big5"], capsys)
    assert code == 0
    (doc,) = [json.loads(line) for line in out.splitlines()]
    assert doc["articles"][0]["span"]["text"] == TRADITIONAL.format(n=1, p=2)
    code, _, err = run_cli(["parse", str(tmp_path / "a.dat"), "--encoding", "utf-8"], capsys)
    assert code == 1 and "error: not valid utf-8" in err


@pytest.mark.parametrize("segmenter", ["jieba", "rjieba"])
def test_segmenter_option(tmp_path: Path, capsys: pytest.CaptureFixture[str], segmenter: str) -> None:
    pytest.importorskip(segmenter)
    from gov_news_extract.text import segment

    f = tmp_path / "a.txt"
    f.write_text(SIMPLIFIED.format(n=5, p=1), encoding="utf-8")
    try:
        code, _, _ = run_cli(["parse", str(f), "--segmenter", segmenter, "-j", "2"], capsys)
        assert code == 0 and segment.default_name() == segmenter
    finally:
        segment.set_default(None)


def test_quiet_when_not_a_tty(tmp_path: Path) -> None:
    """Run as a real program: stdout is the documents, stderr only the summary."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(SIMPLIFIED.format(n=i, p=i), encoding="utf-8")
    proc = subprocess.run(
        [*CLI, "parse", str(tmp_path), "-f", "jsonl", "-j", "2"],
        capture_output=True, check=False,
    )
    assert proc.returncode == 0
    assert len(proc.stdout.decode("utf-8").splitlines()) == 3
    assert proc.stderr.decode() == "3 files, 0 failed\n"
    quiet = subprocess.run(
        [*CLI, "parse", str(tmp_path), "-q"],
        capture_output=True, check=False,
    )
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_progress_on_a_tty(tmp_path: Path) -> None:
    """Under a pseudo-terminal the progress line shows files done, rate and ETA."""
    pty = pytest.importorskip("pty")
    import os

    for i in range(5):
        (tmp_path / f"{i}.txt").write_text(SIMPLIFIED.format(n=i, p=i), encoding="utf-8")
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [*CLI, "parse", str(tmp_path), "-o", str(tmp_path / "o.json")],
        stdout=subprocess.DEVNULL, stderr=slave,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(master)
    err = b"".join(chunks).decode()
    assert "5/5 files" in err and "files/s" in err and "ETA" in err
    assert "5 files, 0 failed" in err
