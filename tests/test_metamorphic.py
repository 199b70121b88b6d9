"""Metamorphic tests: swapping one member of a word class for another leaves the facts and the
findings unchanged (architecture review §2: where a concept is spelled in several places, one
synonym used to change the label or the kind of a figure).

Each template holds `{}` where a member of the class goes; every member listed is tried, and the
facts (kind, value, unit, direction, label, whether a basis was read) and the findings' rules
must equal those of the first member.
"""

from __future__ import annotations

from typing import Any

import pytest

from gov_news_extract import parse
from gov_news_extract.text import lexicon

# class → (template, members to swap). Members are taken from the class itself, so the test
# fails if one of them leaves the class.
SWAPS: list[tuple[str, str, list[str]]] = [
    ("prior_period", "本月受理诉求1000件,同比增长25.0%,{}为800件。", ["上年同期", "去年同期", "上一年同期"]),
    ("prior_period", "本周受理诉求7000件,较{}的6500件增加500件。", ["上周", "上一周", "前一周"]),
    ("prior_period", "本周受理诉求7000件,较{}增加500件。", ["上周", "上一周", "前一周"]),
    ("prior_period", "全年完成投资46亿元,比{}增长6.2%。", ["上年", "去年", "上一年"]),
    ("comparator", "全年完成投资46亿元,{}上年增长6.2%。", ["比", "较", "较之"]),
    ("basis_word", "本月受理诉求8215件,{}下降6.6%。", ["环比", "同比"]),
    ("direction", "本月受理诉求8215件,同比{}6.6%。", ["下降", "减少", "回落", "降低"]),
    ("direction", "本月受理诉求8215件,同比{}6.6%。", ["增长", "增加", "上升", "提高"]),
    ("bound", "全市接待游客{}80万人次。", ["约", "大约", "近", "超过", "逾"]),
    ("average", "本月共受理诉求9000件,{}受理300件。", ["日均", "平均每天", "每天平均", "平均每日"]),
    ("intake_verb", "本月热线共{}群众诉求8215件,环比下降6.6%。", ["受理", "接收", "收到", "接到"]),
    ("share", "其中咨询类4930件,{}60.0%。", ["占比", "占"]),
    ("total", "以上五类{}3521件。", ["合计", "总计", "共计"]),
    ("list_cue", "本月受理诉求8215件,{}咨询类4930件、投诉类3285件。", ["其中", "这其中"]),
    ("time_word", "{},全市共受理诉求8215件,同比下降6.6%。", ["上半年", "前三季度", "本月", "一季度"]),
]


def _signature(template: str, member: str) -> tuple[list[tuple[Any, ...]], list[str]]:
    """What must not change: kinds, values, units, directions, findings, and the labels, where the
    swapped word itself may stand in a label (日均受理 / 平均每天受理: the text's own name)."""
    doc = parse(template.format(member))
    facts = [(f.kind, str(f.value), f.unit, getattr(f, "direction", None), (f.label or "").replace(member, "{}"),
              getattr(f, "basis", None) is not None)
             for f in doc.facts() if f.kind in ("quantity", "percent", "change")]
    return facts, sorted(d.rule for d in doc.diagnostics if d.severity in ("error", "warning"))


@pytest.mark.parametrize(("name", "template", "members"), [pytest.param(*s, id=f"{s[0]}-{k}") for k, s in enumerate(SWAPS)])
def test_swapping_members_of_a_class_changes_nothing(name: str, template: str, members: list[str]) -> None:
    words = set(lexicon.words(name))
    assert set(members) <= words, f"not in {name}: {set(members) - words}"
    first = _signature(template, members[0])
    for m in members[1:]:
        assert _signature(template, m) == first, m
