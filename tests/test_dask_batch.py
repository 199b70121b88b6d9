"""examples/dask_batch.py on a 2-worker LocalCluster writes the CLI's JSONL."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gov_news_extract.cli import main

pytest.importorskip("dask.distributed", reason="the `dask` extra is not installed")

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "dask_batch.py"


def test_dask_example_matches_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text("今年上半年，热线共接到群众来电383257次，环比下降59.7%。", encoding="utf-8")
    (root / "sub" / "b.txt").write_bytes("全市地区生产总值增长5.2%。".encode("gb18030"))
    (root / "sub" / "c.txt").write_bytes("本週受理來電12000次。".encode("big5"))
    (root / "empty.txt").write_bytes(b"")
    (root / "blob.txt").write_bytes(b"\x00\x01binary" * 50)

    cli_out = tmp_path / "cli.jsonl"
    assert main(["parse", str(root), "-f", "jsonl", "-o", str(cli_out), "-q"]) == 1
    capsys.readouterr()

    dask_out = tmp_path / "dask.jsonl"
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), str(root), "-o", str(dask_out), "--workers", "2"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert dask_out.read_text(encoding="utf-8") == cli_out.read_text(encoding="utf-8")
    assert len(dask_out.read_text(encoding="utf-8").splitlines()) == 4
    assert f"{root / 'blob.txt'}: error: binary file" in proc.stderr
    assert "5 files, 1 failed" in proc.stderr
