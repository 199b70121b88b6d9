"""Batch machinery: input expansion, ordered parallel map, progress."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from gov_news_extract import Document
from gov_news_extract.batch import Outcome, Progress, Source, expand, map_ordered, parse_paths, process, walk


def _tree(root: Path, names: list[str]) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("来电100次。", encoding="utf-8")


def test_walk_is_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.txt", "a/z.txt", "a/b/c.txt", "a-b.txt", "notes.md", "A.txt"])
    got = [os.path.relpath(p, tmp_path) for p in walk(tmp_path)]
    assert got == ["A.txt", "a/b/c.txt", "a/z.txt", "a-b.txt", "b.txt"]
    assert [os.path.relpath(p, tmp_path) for p in walk(tmp_path, "*.md")] == ["notes.md"]
    assert [os.path.relpath(p, tmp_path) for p in walk(tmp_path, "a/*/*.txt")] == ["a/b/c.txt"]


def test_expand_keeps_argument_order_and_reports_problems(tmp_path: Path) -> None:
    _tree(tmp_path, ["d/2.txt", "d/1.txt", "x.txt"])
    (tmp_path / "empty").mkdir()
    srcs = expand([str(tmp_path / "x.txt"), str(tmp_path / "d"), str(tmp_path / "missing.txt"),
                   str(tmp_path / "empty"), "-"], stdin=io.BytesIO("标准输入".encode()))
    assert [Path(s.path).name for s in srcs] == ["x.txt", "1.txt", "2.txt", "missing.txt", "empty", "<stdin>"]
    assert [s.error is not None for s in srcs] == [False, False, False, True, True, False]
    assert srcs[-1].data == "标准输入".encode()


def test_process_never_raises_for_bad_files(tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert "binary" in (process(str(tmp_path / "bin.txt")).error or "")
    assert process(str(tmp_path / "none.txt")).error
    assert process(str(tmp_path)).error  # a folder given as a file
    ok = process(Source("mem", data="来电100次。".encode("gb18030")))
    assert isinstance(ok.value, Document) and ok.value.source == "mem"


def _square(x: int) -> int:
    if x == 13:
        raise ValueError("unlucky")
    return x * x


def _die(x: int) -> int:
    if x == 3:
        os._exit(1)  # a crashed worker
    return x


@pytest.mark.parametrize("jobs", [1, 2])
def test_map_ordered_keeps_order_and_maps_errors(jobs: int) -> None:
    got = list(map_ordered(_square, range(40), jobs, on_error=lambda x, e: -x, window=3))
    assert got == [-13 if x == 13 else x * x for x in range(40)]


def test_map_ordered_raises_without_on_error() -> None:
    with pytest.raises(ValueError):
        list(map_ordered(_square, range(20), 1))


def test_map_ordered_survives_a_dead_worker() -> None:
    got = list(map_ordered(_die, range(8), 2, on_error=lambda x, e: -1))
    assert got == [0, 1, 2, -1, 4, 5, 6, 7]


def test_parse_paths_library_entry(tmp_path: Path) -> None:
    _tree(tmp_path, ["b.txt", "a.txt"])
    outs = list(parse_paths([str(tmp_path)], jobs=2))
    assert [Path(o.source).name for o in outs] == ["a.txt", "b.txt"]
    assert all(isinstance(o, Outcome) and isinstance(o.value, Document) for o in outs)


def test_progress_line() -> None:
    buf = io.StringIO()
    prog = Progress(3, buf, enabled=True, interval=0)
    prog.advance(True)
    prog.line("x.txt: error: boom")
    prog.advance(False)
    prog.advance(True)
    prog.clear()
    out = buf.getvalue()
    assert "1/3 files" in out and "3/3 files, 1 failed" in out and "files/s" in out and "ETA" in out
    assert "x.txt: error: boom\n" in out
    assert out.endswith("\r\x1b[K")


def test_progress_disabled_is_silent() -> None:
    buf = io.StringIO()
    prog = Progress(2, buf, enabled=False)
    prog.advance(True)
    prog.advance(False)
    prog.clear()
    assert buf.getvalue() == "" and prog.failed == 1
