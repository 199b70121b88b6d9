"""Suppression comments: line, block and file forms; unknown and unused suppressions reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gov_news_extract import parse
from gov_news_extract.checks import suppress
from gov_news_extract.cli import main

# Line 1: a breakdown whose shares add up to 110% (shares-sum); line 2: a rate over 100% (rate-bounds).
SHARES = "本报讯 热线共受理工单1000件。其中,咨询类600件,占比60%;求助类300件,占比30%;其他类100件,占比20%。"
RATE = "转办工单办结率100.5%。"


def _rules(text: str) -> list[str]:
    return [d.rule for d in parse(text).diagnostics]


def test_unsuppressed_baseline() -> None:
    assert "shares-sum" in _rules(f"{SHARES}\n{RATE}\n") and "rate-bounds" in _rules(f"{SHARES}\n{RATE}\n")


# (case, text, rules expected in parse(text).diagnostics, rules expected absent)
CASES = [
    ("line-form-next-line", f"{SHARES}\n<!-- gne: ignore rate-bounds -->\n{RATE}\n",
     {"shares-sum"}, {"rate-bounds", "unused-suppression"}),
    ("line-form-same-line", f"{SHARES}\n{RATE}<!-- gne: ignore rate-bounds -->\n",
     {"shares-sum"}, {"rate-bounds", "unused-suppression"}),
    ("block", f"<!-- gne: ignore-start rate-bounds, shares-sum -->\n{SHARES}\n{RATE}\n<!-- gne: ignore-end -->\n",
     set(), {"rate-bounds", "shares-sum", "unused-suppression", "invalid-suppression"}),
    ("block-ends", f"<!-- gne: ignore-start rate-bounds -->\n<!-- gne: ignore-end -->\n{SHARES}\n{RATE}\n",
     {"rate-bounds", "unused-suppression"}, set()),
    ("unclosed-block-runs-to-the-end", f"<!-- gne: ignore-start rate-bounds -->\n{SHARES}\n\n\n{RATE}\n",
     {"shares-sum"}, {"rate-bounds", "unused-suppression"}),
    ("file-form", f"{SHARES}\n{RATE}\n\n<!-- gne: ignore-file rate-bounds -->\n",
     {"shares-sum"}, {"rate-bounds"}),
    ("file-form-all-rules", f"<!-- gne: ignore-file -->\n{SHARES}\n{RATE}\n",
     set(), {"rate-bounds", "shares-sum", "unused-suppression"}),
    ("unused-named", f"{SHARES}\n<!-- gne: ignore share-of-total -->\n{RATE}\n",
     {"unused-suppression", "rate-bounds"}, set()),
    ("unused-blanket", "<!-- gne: ignore -->\n本报讯 热线共受理工单1000件。\n",
     {"unused-suppression"}, set()),
    ("unknown-rule-id", f"{SHARES}\n<!-- gne: ignore rate-bound -->\n{RATE}\n",
     {"invalid-suppression", "rate-bounds"}, {"unused-suppression"}),
    ("unknown-directive", f"{SHARES}\n<!-- gne: ignroe rate-bounds -->\n{RATE}\n",
     {"invalid-suppression", "rate-bounds"}, set()),
    ("stray-end", f"<!-- gne: ignore-end -->\n{SHARES}\n", {"invalid-suppression", "shares-sum"}, set()),
]


@pytest.mark.parametrize(("text", "present", "absent"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_suppression_forms(text: str, present: set[str], absent: set[str]) -> None:
    rules = set(_rules(text))
    assert present <= rules, rules
    assert not (absent & rules), rules


def test_unknown_id_lists_the_known_rules_and_points_at_the_comment() -> None:
    text = f"{SHARES}\n<!-- gne: ignore rate-bound -->\n{RATE}\n"
    d = next(d for d in parse(text).diagnostics if d.rule == "invalid-suppression")
    assert "'rate-bound'" in d.message_en and "rate-bounds" in d.message_en and "share-of-total" in d.message_en
    assert (d.span.line, d.span.col) == (2, 1) and d.span.text.startswith("<!--")
    assert text[d.span.start:d.span.end] == d.span.text


def test_unused_names_only_the_idle_ids() -> None:
    text = f"{SHARES}\n<!-- gne: ignore rate-bounds share-of-total -->\n{RATE}\n"
    d = next(d for d in parse(text).diagnostics if d.rule == "unused-suppression")
    assert "share-of-total" in d.message_en and "rate-bounds" not in d.message_en


def _check(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *argv: str) -> tuple[int, list[str]]:
    f = tmp_path / "draft.md"
    f.write_text(text, encoding="utf-8")
    code = main(["check", str(f), "--no-config", "--format", "json", *argv])
    return code, [d["rule"] for d in json.loads(capsys.readouterr().out)]


def test_unused_is_only_said_of_rules_that_ran(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = f"{SHARES}\n<!-- gne: ignore share-of-total -->\n{RATE}\n"
    assert "unused-suppression" in _check(tmp_path, capsys, text)[1]
    # --select shares-sum: share-of-total did not run, so its comment is not unused, and the
    # suppression rules themselves are not selected.
    assert _check(tmp_path, capsys, text, "--select", "shares-sum")[1] == ["shares-sum"]
    assert "unused-suppression" in _check(tmp_path, capsys, text, "--select", "share-of-total,unused-suppression")[1]
    assert "unused-suppression" not in _check(tmp_path, capsys, text, "--ignore", "unused-suppression")[1]


def test_suppression_findings_are_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, rules = _check(tmp_path, capsys, "<!-- gne: ignore share-of-totl -->\n本报讯 热线共受理工单1000件。\n")
    assert rules == ["invalid-suppression"] and code == 0
    code, _ = _check(tmp_path, capsys, "<!-- gne: ignore share-of-totl -->\n本报讯 热线共受理工单1000件。\n",
                     "--fail-on", "warning")
    assert code == 1


def test_explain_and_list_know_the_suppression_rules(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--explain", "unused-suppression"]) == 0
    assert "Failing example" in capsys.readouterr().out
    assert suppress.meta_rule("invalid-suppression") is not None and suppress.meta_rule("x") is None


def test_directives_map() -> None:
    text = "a\n<!-- gne: ignore-start parts-sum -->\nb\n<!-- gne: ignore-end -->\nc\n<!-- gne: ignore -->\nd\n"
    m = suppress.directives(text)
    assert m[2] == m[3] == m[4] == frozenset({"parts-sum"}) and 1 not in m and 5 not in m
    assert m[6] is None and m[7] is None
