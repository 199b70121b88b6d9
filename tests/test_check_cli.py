"""`gov-news-extract check`: formats, exit codes, selection, suppression, configuration."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from gov_news_extract.checks import all_rules
from gov_news_extract.cli import main
from gov_news_extract.config import known_rules

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
    code, out, err = _run(capsys, str(drafts / "clean.md"))
    assert (code, out, err) == (0, "", "No findings in 1 file checked.\n")
    code, out, _ = _run(capsys, str(drafts / "bad.txt"), "--format", "concise")
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{drafts / 'bad.txt'}:1:") and " shares-sum " in lines[0]
    assert lines[1].startswith(f"{drafts / 'bad.txt'}:2:8: rate-bounds ")


def test_text_shows_the_line_with_a_caret_under_the_figure(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gov_news_extract.report.text import width

    code, out, err = _run(capsys, str(drafts / "bad.txt"))
    assert code == 1 and "\x1b[" not in out  # not a terminal: no colour
    block = out.split("\n\n")[1].splitlines()  # the rate-bounds finding
    assert block[0].startswith(f"{drafts / 'bad.txt'}:2:8: rate-bounds ")
    assert block[1] == "  |" and block[2] == "2 | 转办工单办结率100.5%。"
    # Carets stand under 100.5% in terminal columns (each Chinese character is two wide).
    caret = block[3]
    assert caret.startswith("  | ") and caret[4:] == " " * width("转办工单办结率") + "^" * len("100.5%")
    # A summary by rule closes the run.
    assert err.splitlines()[0] == "Found 2 findings (2 errors) in 1 file:"
    assert sorted(x.split()[1] for x in err.splitlines()[1:]) == ["rate-bounds", "shares-sum"]


def test_colour_on_terminals_only_and_never_with_no_color(drafts: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from gov_news_extract.report.text import use_colour

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert use_colour(Tty()) and not use_colour(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not use_colour(Tty())
    assert use_colour(io.StringIO(), "always") and not use_colour(Tty(), "never")
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert use_colour(io.StringIO())
    _code, out, _ = _run(capsys, str(drafts / "bad.txt"), "--color", "always")
    assert "\x1b[1;31mrate-bounds\x1b[0m" in out


def test_text_output_never_passes_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "esc.txt"
    f.write_text("转办工单\x1b[2J办结率100.5%。\n", encoding="utf-8")
    code, out, _ = _run(capsys, str(f), "--no-config")
    assert code == 1 and "\x1b" not in out


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
    monkeypatch.setattr("sys.stdin", io.StringIO(BAD))
    code, out, _ = _run(capsys, "--no-config", "--stdin-filename", "draft.md")
    assert code == 1 and out.startswith("draft.md:1:")


def test_sarif(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, str(drafts / "bad.txt"), "--format", "sarif")
    sarif = json.loads(out)
    assert code == 1 and sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "share-of-total" in rule_ids and "unused-suppression" in rule_ids
    assert len(rule_ids) == len(known_rules())
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
    # The command line comes after the file, as in ruff: --select replaces select *and* ignore.
    code, out, _ = _run(capsys, str(f), "--select", "rate-bounds", "--format", "json")
    assert [d["rule"] for d in json.loads(out)] == ["rate-bounds"]
    # --ignore on the command line applies after --select.
    code, out, _ = _run(capsys, str(f), "--select", "rate-bounds,shares-sum", "--ignore", "shares-sum",
                        "--format", "json")
    assert [d["rule"] for d in json.loads(out)] == ["rate-bounds"]
    code, out, _ = _run(capsys, str(f), "--no-config", "--select", "rate-bounds", "--format", "json")
    assert [d["rule"] for d in json.loads(out)] == ["rate-bounds"]


@pytest.mark.parametrize(("table", "message"), [
    ('select = ["bogus"]', "unknown rule 'bogus' (known: "),
    ('ignore = ["share-of-totl"]', "unknown rule 'share-of-totl' (known: "),
    ('selct = ["shares-sum"]', "unknown key 'selct' (known: select, ignore, fail-on)"),
    ('fail-on = "info"', 'fail-on must be "error" or "warning"'),
    ('select = 3', "select must be a list of rule ids"),
], ids=["unknown-select", "unknown-ignore", "unknown-key", "bad-fail-on", "not-a-list"])
def test_bad_config_is_an_error_that_lists_what_is_known(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         table: str, message: str) -> None:
    from gov_news_extract.config import load

    (tmp_path / "pyproject.toml").write_text(f"[tool.gov-news-extract]\n{table}\n", encoding="utf-8")
    f = tmp_path / "draft.txt"
    f.write_text(CLEAN, encoding="utf-8")
    load.cache_clear()
    code, _out, err = _run(capsys, str(f))
    assert code == 2 and message in err
    if "known: " in message and "key" not in message:
        assert "shares-sum" in err and "unused-suppression" in err


def test_unknown_rule_on_the_command_line_lists_the_known(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, str(drafts / "bad.txt"), "--ignore", "shares-summ")
    assert code == 2 and "unknown rule 'shares-summ' (known: " in err and "parts-sum" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from gov_news_extract import __version__

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0 and capsys.readouterr().out == f"gov-news-extract {__version__}\n"


def test_stdin_filename_names_the_text_and_finds_its_config(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.gov-news-extract]\nignore = ["shares-sum", "parts-sum"]\n',
                                             encoding="utf-8")
    from gov_news_extract.config import load

    load.cache_clear()
    monkeypatch.setattr("sys.stdin", io.StringIO(BAD))
    name = str(tmp_path / "news" / "draft.md")
    code, out, _ = _run(capsys, "--stdin-filename", name, "--format", "concise")
    assert code == 1 and out.splitlines() == [line for line in out.splitlines() if line.startswith(f"{name}:2:8:")]
    assert "rate-bounds" in out


def test_list_and_explain(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, "--list-rules")
    assert code == 0 and [line.split()[0] for line in out.splitlines()] == [
        *(r.id for r in all_rules()), "invalid-suppression", "unused-suppression"]
    code, out, _ = _run(capsys, "--explain", "share-of-total")
    assert code == 0 and "Failing example" in out
