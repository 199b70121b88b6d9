"""`gov-news-extract check`: formats, exit codes, selection, suppression, configuration."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gov_news_extract.cli import main

BAD = ("本报讯 今年上半年,全市热线共受理工单1000件。其中,咨询类600件,占比60%;求助类300件,占比30%;"
       "其他类200件,占比20%。\n转办工单办结率100.5%。\n")
CLEAN = "本报讯 今年上半年,全市热线共受理工单1000件。其中,咨询类600件,占比60%;其他类400件,占比40%。\n"


@pytest.fixture()
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "skip.json").write_text("{}", encoding="utf-8")
    return tmp_path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format_and_exit_codes(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(drafts / "clean.md"))
    assert (code, out) == (0, "")
    code, out, _ = _run(capsys, str(drafts / "bad.txt"))
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{drafts / 'bad.txt'}:1:") and " shares-sum " in lines[0]
    assert lines[1].startswith(f"{drafts / 'bad.txt'}:2:8: rate-bounds ")


def test_folder_reads_txt_and_md(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(drafts), "--format", "jsonl")
    recs = [json.loads(x) for x in out.splitlines()]
    assert code == 1 and {r["path"] for r in recs} == {str(drafts / "bad.txt")}
    assert {"rule", "severity", "line", "col", "message", "message_en", "span", "related"} <= set(recs[0])


def test_select_ignore_fail_on(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(drafts / "bad.txt")
    code, out, _ = _run(capsys, bad, "--select", "rate-bounds", "--format", "json")
    assert code == 1 and [d["rule"] for d in json.loads(out)] == ["rate-bounds"]
    code, out, _ = _run(capsys, bad, "--ignore", "rate-bounds,shares-sum,parts-sum")
    assert (code, out) == (0, "")
    # Ignoring shares-sum leaves parts-sum standing on its own.
    code, out, _ = _run(capsys, bad, "--ignore", "shares-sum", "--format", "json")
    assert "parts-sum" in {d["rule"] for d in json.loads(out)}


def test_warning_only_findings_pass_unless_fail_on_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "w.txt"
    f.write_text("本报讯 热线共受理工单1000件。其中,咨询类600件,占比60%;求助类500件,占比50%。\n", encoding="utf-8")
    code, out, _ = _run(capsys, str(f), "--select", "shares-sum", "--format", "json")
    sev = {d["severity"] for d in json.loads(out)}
    if sev == {"warning"}:
        assert code == 0
        assert _run(capsys, str(f), "--select", "shares-sum", "--fail-on", "warning")[0] == 1


def test_usage_and_input_errors(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(capsys, str(drafts / "missing.txt"))[0] == 2
    assert _run(capsys, str(drafts / "bad.txt"), "--select", "no-such-rule")[0] == 2
    assert _run(capsys)[0] == 2
    (drafts / "bin.txt").write_bytes(b"\x00\x01\x02")
    assert _run(capsys, str(drafts / "bin.txt"))[0] == 2
    with pytest.raises(SystemExit) as exc:
        main(["check", "--format", "xml", "x"])
    assert exc.value.code == 2


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(BAD))
    code, out, _ = _run(capsys, "-", "--no-config")
    assert code == 1 and out.startswith("-:1:")


def test_sarif(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(drafts / "bad.txt"), "--format", "sarif")
    sarif = json.loads(out)
    assert code == 1 and sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "share-of-total" in rule_ids and len(rule_ids) == 9
    res = run["results"][0]
    assert rule_ids[res["ruleIndex"]] == res["ruleId"]
    region = res["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 1 and region["endColumn"] > region["startColumn"]
    assert res["relatedLocations"]


def test_github_annotations(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(drafts / "bad.txt"), "--format", "github")
    lines = out.splitlines()
    assert code == 1 and lines[0].startswith(f"::error file={drafts / 'bad.txt'},line=1,col=")
    assert "title=shares-sum::" in lines[0] and "\n" not in lines[0]


def test_inline_suppression(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "s.md"
    f.write_text(BAD.replace("\n转办", "\n<!-- gne: ignore rate-bounds -->\n转办"), encoding="utf-8")
    code, out, _ = _run(capsys, str(f), "--format", "json")
    assert "rate-bounds" not in {d["rule"] for d in json.loads(out)} and code == 1
    f.write_text("<!-- gne: ignore -->\n" + BAD.replace("\n转办", "\n<!-- gne: ignore -->\n转办"),
                 encoding="utf-8")
    assert _run(capsys, str(f))[:2] == (0, "")


def test_pyproject_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gov-news-extract]\nignore = ["rate-bounds"]\nfail-on = "warning"\n', encoding="utf-8")
    sub = tmp_path / "news" / "2024"
    sub.mkdir(parents=True)
    f = sub / "draft.txt"
    f.write_text(BAD, encoding="utf-8")
    code, out, _ = _run(capsys, str(f), "--format", "json")
    assert code == 1 and "rate-bounds" not in {d["rule"] for d in json.loads(out)}
    # --select on the command line replaces the configured selection
    code, out, _ = _run(capsys, str(f), "--select", "rate-bounds", "--format", "json")
    assert [d["rule"] for d in json.loads(out)] == []
    code, out, _ = _run(capsys, str(f), "--no-config", "--select", "rate-bounds", "--format", "json")
    assert [d["rule"] for d in json.loads(out)] == ["rate-bounds"]
    (tmp_path / "pyproject.toml").write_text('[tool.gov-news-extract]\nselect = ["bogus"]\n', encoding="utf-8")
    from gov_news_extract.config import load

    load.cache_clear()
    assert _run(capsys, str(f))[0] == 2


def test_list_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--list-rules")
    assert code == 0 and len(out.splitlines()) == 9
    code, out, _ = _run(capsys, "--explain", "share-of-total")
    assert code == 0 and "Failing example" in out
