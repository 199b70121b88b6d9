"""examples/ run as a user would run them, and the README's commands and example stay true."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gov_news_extract import parse

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
README = (ROOT / "README.md").read_text(encoding="utf-8")
ERRORS_PAGE = ROOT / "corpora" / "hotline-errors.txt"


def _run(*argv: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*argv], capture_output=True, text=True, cwd=cwd, timeout=600, check=False,
                          env={**os.environ, **(env or {})})


def _cli() -> str:
    exe = Path(sys.executable).with_name("gov-news-extract")
    assert exe.exists(), "the console script is installed beside the interpreter"
    return str(exe)


def test_one_page_example() -> None:
    res = _run(sys.executable, str(EXAMPLES / "one_page.py"), str(ERRORS_PAGE))
    assert res.returncode == 1, res.stderr  # the page has findings
    out = res.stdout
    assert out.startswith("article 0: ") and "\nfigures:\n" in out and "\nfindings:\n" in out
    doc = parse(ERRORS_PAGE.read_text(encoding="utf-8"))
    for d in doc.diagnostics:
        assert f"{d.span.line}:{d.span.col} {d.rule}: " in out


def test_folder_to_table_example(tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    folder = tmp_path / "texts"
    folder.mkdir()
    for name in ("hotline-weekly.txt", "stats-release.txt", "traditional.txt"):
        shutil.copy(ROOT / "corpora" / name, folder / name)
    res = _run(sys.executable, str(EXAMPLES / "folder_to_table.py"), str(folder), "-o", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("3 texts, ")
    facts = pd.read_csv(tmp_path / "out" / "facts.csv")
    assert facts["value"].dtype == "float64" and set(facts["source"]) == {str(folder / n) for n in
                                                                         ("hotline-weekly.txt", "stats-release.txt",
                                                                          "traditional.txt")}
    assert (tmp_path / "out" / "composites.csv").stat().st_size > 0


def test_html_report_example(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    res = _run(sys.executable, str(EXAMPLES / "html_report.py"), str(ERRORS_PAGE), "-o", str(out))
    assert res.returncode == 0, res.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    n = len(parse(ERRORS_PAGE.read_text(encoding="utf-8")).diagnostics)
    assert page.count('<li id="p0-d') == n and f"{n} finding(s)" in res.stdout


# ---------------------------------------------------------------- the CI workflow
def _workflow() -> dict[str, object]:
    yaml = pytest.importorskip("yaml")
    data: dict[str, object] = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    return data


def _steps() -> list[dict[str, str]]:
    jobs = _workflow()["jobs"]
    assert isinstance(jobs, dict)
    steps: list[dict[str, str]] = jobs["check"]["steps"]
    return steps


def test_workflow_installs_from_the_repository() -> None:
    install = next(s["run"] for s in _steps() if "pip install" in s.get("run", ""))
    # Not a bare package name: nothing is published; a git URL of the repository, set in env.
    assert re.fullmatch(r'pip install "gov-news-extract @ git\+\$\{GNE_REPO\}@\$\{GNE_REF\}"', install)
    env = _workflow()["env"]
    assert isinstance(env, dict) and env["GNE_REPO"].startswith("https://") and env["GNE_REF"]


@pytest.mark.skipif(not (ROOT / ".git").exists() or shutil.which("git") is None,
                    reason="not a git checkout: nothing to install from")
def test_workflow_install_line_installs_this_repository(tmp_path: Path) -> None:
    """The workflow's install line, pointed at this checkout, gives a package with its data."""
    install = next(s["run"] for s in _steps() if "pip install" in s.get("run", ""))
    head = _run("git", "rev-parse", "HEAD").stdout.strip()
    spec = install.split(" ", 2)[2].strip('"')
    # file://localhost/…: pip before 24 takes a VCS URL only with a host part.
    spec = spec.replace("${GNE_REPO}", "file://localhost" + ROOT.as_posix()).replace("${GNE_REF}", head)
    target = tmp_path / "site"
    res = _run(sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(target), spec)
    assert res.returncode == 0, res.stderr[-3000:]
    pkg = target / "gov_news_extract"
    assert (pkg / "document.schema.json").is_file() and (pkg / "py.typed").is_file()
    assert list((pkg / "data").glob("*")), "the language data ships with the package"


def test_workflow_check_steps_run_as_written(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    shutil.copy(ERRORS_PAGE, tmp_path / "drafts" / "draft.txt")
    cli = _cli()
    ran = 0
    for step in _steps():
        cmd = step.get("run", "")
        if not cmd.startswith("gov-news-extract "):
            continue
        res = _run("bash", "-c", cmd, cwd=tmp_path, env={"PATH": f"{Path(cli).parent}:{os.environ['PATH']}"})
        ran += 1
        if step.get("name") == "check figures":
            assert res.returncode == 1 and res.stdout.startswith("::error file=drafts/draft.txt,line=")
        else:  # the report steps never fail the job by themselves
            assert res.returncode == 0, res.stderr
    assert ran == 3
    assert (tmp_path / "gne-report.html").stat().st_size > 0 and (tmp_path / "gne.sarif").stat().st_size > 0


# ---------------------------------------------------------------- README
def test_readme_set_up_commands_are_the_ones_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"^    (python3 -m venv .*|pip install .*)$", README, re.M)
    assert "python3 -m venv .venv && . .venv/bin/activate" in blocks
    assert "pip install . && gov-news-extract parse corpora/hotline-weekly.txt" in blocks
    assert "pip install -e '.[test]' && pytest" in blocks
    for line in blocks:
        assert line in ci, f"README's {line!r} is not run verbatim by .ci/run"


def test_readme_example_matches_real_output(tmp_path: Path) -> None:
    m = re.search(r"Input \(`/tmp/ex.txt`, one line\):\n\n    (.+)\n", README)
    assert m is not None
    text = m.group(1) + "\n"
    doc = parse(text)
    # The doctest lines: each `>>> expr` followed by its printed value.
    session = re.search(r"```python\n(.*?)```", README, re.S)
    assert session is not None
    env: dict[str, object] = {"doc": doc}
    exec("from gov_news_extract import parse\nfrom decimal import Decimal", env)
    lines = session.group(1).splitlines()
    for i, line in enumerate(lines):
        if line.startswith(">>> ") and "parse(open(" not in line and not line.startswith(">>> from "):
            expected = lines[i + 1]
            assert repr(eval(line[4:], env)) == expected, line
    # And the check command's output, as the README shows it (stdout, then the summary on stderr).
    f = tmp_path / "ex.txt"
    f.write_text(text, encoding="utf-8")
    res = _run(_cli(), "check", str(f), "--no-config")
    block = re.search(r"    \$ gov-news-extract check /tmp/ex.txt\n(.*?)\n\n(?! )", README, re.S)
    assert block is not None
    shown = [line[4:] for line in block.group(1).splitlines()]
    assert (res.stdout + res.stderr).replace(str(f), "/tmp/ex.txt").splitlines() == shown
