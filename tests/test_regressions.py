"""Inputs that once broke parse() or the check command, found by fuzzing (kept as they were found)."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from gov_news_extract import parse

CRASHERS = [
    # a run of shares with no counts after a table total: _find_total took max() of nothing
    "| 合计 | 100 |\n咨询类占60%,投诉类占40%。",
    "2,占,占9%类1%",
    # parts of value 0 implied a total of 0 in share-of-total
    "电话渠道0件,占比7%;网络渠道0件,占比4%;其他渠道9件,占比5%。",
    # long clauses without punctuation (each number used to rescan the clause)
    "占比1%" * 300,
    "同比增长5.5% 环比下降3.2% " * 50,
]


@pytest.mark.parametrize("text", CRASHERS)
def test_no_internal_error(text: str) -> None:
    doc = parse(text)
    assert not [d for d in doc.diagnostics if d.rule.startswith("internal")]
    for f in doc.facts():
        assert text[f.span.start:f.span.end] == f.span.text


def test_check_reads_stdin_bytes_like_a_file() -> None:
    draft = "本周共受理群众诉求1000件,其中电话600件、网络500件。".encode("gb18030")
    run = subprocess.run([sys.executable, "-m", "gov_news_extract", "check", "-"], input=draft,
                         capture_output=True, check=False)
    assert run.returncode == 1
    assert b"parts-sum" in run.stdout


def test_check_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "gov_news_extract", "check", str(tmp_path)],
                         capture_output=True, check=False)
    assert run.returncode == 2
    assert b"error" in run.stderr


# Consistent texts in held-out wordings that once raised false alarms.
@pytest.mark.parametrize(
    "text",
    [
        pytest.param("全年地区生产总值265.38亿元。其中,第一产业增加值33.44亿元,第二产业增加值103.23亿元,"
                     "第三产业增加值128.71亿元。三次产业结构由上年的13.1∶38.2∶48.7调整为12.6∶38.9∶48.5。",
                     id="the former structure ratio is not this year's"),
        pytest.param("6月,全区共受理群众诉求24860件;日均受理829件,单日受理量最高的是6月17日,达1105件。",
                     id="a peak day after a daily average"),
    ],
)
def test_no_false_alarm(text: str) -> None:
    doc = parse(text)
    assert [d.rule for d in doc.diagnostics if d.severity in ("error", "warning")] == []


def test_first_part_is_not_the_total_of_its_own_list() -> None:
    # 其中 before the first part: the part is not the whole of the parts after it (a false parts-sum).
    doc = parse("累计查处各类交通违法行为48.62万起,同比增长12.8%。其中,违法停车21.67万起,占44.6%;超速行驶9.75万起;"
                "闯红灯6.38万起;不按规定让行1.94万起;其他违法行为8.88万起。")
    assert [d.rule for d in doc.diagnostics if d.severity in ("error", "warning")] == []


def test_last_weeks_figure_in_brackets_is_not_the_total_of_a_daily_average() -> None:
    doc = parse("2024年第47周(11月18日至11月24日),全市共受理群众诉求18963件,环比上升4.6%(上周18128件),日均受理2709件。")
    assert [d.rule for d in doc.diagnostics if d.severity in ("error", "warning")] == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("11月份,区12345热线共受理群众诉求21360件,较10月份的22908件减少1548件,环比下降6.8%;日均受理712件,"
                     "其中11月4日受理量最多,达1026件。", id="last month's figure and a peak day after a daily average"),
        pytest.param("10月份,共受理群众诉求52378件。从受理渠道看,电话渠道41236件,占78.7%;网络渠道9867件,占18.8%;"
                     "省平台转办1275件,占2.4%。\n(二)办理情况。热线直接答复32614件,直接答复率62.3%;转派工单19764件。",
                     id="a list does not run on into the next section"),
    ],
)
def test_no_false_alarm_in_held_out_reports(text: str) -> None:
    doc = parse(text)
    assert [d.rule for d in doc.diagnostics if d.severity in ("error", "warning")] == []


def test_two_paragraphs_of_rates_are_not_one_list() -> None:
    doc = parse("本季度共受理群众诉求128604件。从受理渠道看,电话渠道96782件,占75.3%;网络渠道27359件,占21.3%;"
                "其他渠道4463件,占3.5%。\n本季度热线直接答复78215件,直接答复率60.8%;转派承办单位50389件,已办结49583件,"
                "办结率98.4%。对已办结工单回访38652件,回访率78.0%,其中满意35127件、基本满意2418件、不满意1107件,满意率97.1%。")
    assert [d.rule for d in doc.diagnostics if d.severity in ("error", "warning")] == []
    totals = sorted(b.total for b in doc.facts() if b.kind == "breakdown" and b.total is not None)
    assert Decimal("38652") in totals


def test_a_table_caption_asking_for_the_top_zero() -> None:
    doc = parse("本周前0名诉求 |\n街道 | 受理量 | 办结量\n芳洲街道 | 120 | 110\n南湖街道 | 100 | 90\n")
    assert [d for d in doc.diagnostics if d.rule == "internal-error"] == []


def test_a_long_run_of_header_cells_stays_fast() -> None:
    # _fold tried every split of a long header (cubic); real headers span at most three rows.
    text = "序号\n" + "".join(f"项目{i}\n" for i in range(400)) + "小计\n" + "".join(f"{n}\n甲区\n5\n6\n" for n in (1, 2, 3))
    doc = parse(text)  # finishes in well under a second; no timing asserted
    assert [d for d in doc.diagnostics if d.rule == "internal-error"] == []


@pytest.mark.parametrize(
    "text",
    [
        "本月共受理工单5000件,已办结4900件,办结率98.0%;群众满意4500件,满意率90.0%。",
        "全年共受理诉求20000件,按时办结19600件,按时办结率98.0%;回访18000件,回访率90.0%。",
        "本周受理诉求1000件,其中办结950件,办结率95.0%;满意900件,满意率90.0%。",
        "全年共立案120件,结案110件,结案率91.7%;移送司法机关30件,移送率25.0%。",
    ],
)
def test_indicators_with_their_own_rates_are_not_parts(text: str) -> None:
    assert [d.rule for d in parse(text).diagnostics if d.severity in ("error", "warning")] == []
