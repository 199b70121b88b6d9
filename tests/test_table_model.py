"""The table model (`layout/tables.py`) and the facts and breakdowns read from it.

Cases are named by origin: `issue-11` (the invented cases of the issue), `review-…` (the
invented examples of `../shared/reviews/`), `layout-…` (one fixture per layout, written for
these tests). A property checks that one table laid out as pipe rows, one cell a line and
aligned columns gives the same facts.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gov_news_extract import parse
from gov_news_extract.layout.tables import find_tables, parse_unit
from gov_news_extract.models import Breakdown, Change, DateFact, Document, Percent, Quantity, Ranking
from gov_news_extract.text.normalise import normalise


def numeric(doc: Document) -> dict[str, list[Quantity | Percent | Change]]:
    """The figures of a page by their text (a text may occur more than once)."""
    out: dict[str, list[Quantity | Percent | Change]] = {}
    for f in doc.facts():
        if isinstance(f, (Quantity, Percent, Change)):
            out.setdefault(f.span.text, []).append(f)
    return out


def breakdowns(doc: Document) -> list[tuple[Decimal | None, list[tuple[str | None, Any, Any]]]]:
    return [(f.total, [(p.label, p.value, p.share) for p in f.parts]) for f in doc.facts() if isinstance(f, Breakdown)]


def rules(doc: Document) -> list[str]:
    return sorted(d.rule for d in doc.diagnostics if d.severity in ("error", "warning"))


# ---------------------------------------------------------------- issue 11: the invented cases


def test_issue_11_caption_unit_row_and_header_years() -> None:
    doc = parse("表3 2022年全县主要农产品产量\n| 单位:万吨 | ||\n| 指标 | 2021 | 2022 |\n| 粮食 | 35.62 | 36.10 |")
    dates = [f.span.text for f in doc.facts() if isinstance(f, DateFact)]
    assert "2021" in dates and "2022" in dates
    figures = numeric(doc)
    assert "2021" not in figures and "2022" not in figures
    grain = figures["35.62"][0]
    assert isinstance(grain, Quantity)
    assert (grain.value, grain.unit, grain.label) == (Decimal(356200), "吨", "粮食")
    assert grain.cell is not None and (grain.cell.row, grain.cell.column) == (0, 1)
    assert grain.cell.row_header == "粮食" and grain.cell.column_header == "2021"
    assert grain.period_id == next(f.id for f in doc.facts() if f.span.text == "2021")


def test_issue_11_header_cells_broken_over_lines() -> None:
    doc = parse("| 项 目 | 总量\n(万元) |\n较上年增长\n(%) |\n| 财政收入 | 8812.4 | 6.3 |")
    figures = numeric(doc)
    total = figures["8812.4"][0]
    assert isinstance(total, Quantity)
    assert (total.value, total.unit, total.label) == (Decimal(88124000), "元", "财政收入")
    growth = figures["6.3"][0]
    assert isinstance(growth, Change)
    assert (growth.value, growth.unit, growth.direction, growth.basis, growth.label) == \
        (Decimal("6.3"), "%", "up", "较上年", "财政收入")


def test_issue_11_short_row_keeps_its_neighbours() -> None:
    doc = parse("类别 |\n咨询 |\n投诉 |\n求助 |\n小计 |\n一月 |\n30 |\n12 |\n6 |\n48 |\n二月 |\n25 |\n13 |\n38 |")
    figures = numeric(doc)
    assert [figures[t][0].label for t in ("30", "12", "6", "48")] == ["咨询", "投诉", "求助", "小计"]
    assert figures["38"][0].label == "小计"  # the short row's last cell is its subtotal
    assert figures["38"][0].cell is not None and figures["38"][0].cell.column == 4
    # the complete row is a breakdown of its subtotal; the short one, missing a part, is none
    assert breakdowns(doc) == [(Decimal(48), [("咨询", Decimal(30), None), ("投诉", Decimal(12), None),
                                               ("求助", Decimal(6), None)])]


def test_issue_11_two_tables_side_by_side_share_their_whole() -> None:
    doc = parse("办件总数 |\n渠道 |\n件数 |\n比例 |\n类别 |\n件数 |\n比例 |\n1000 |\n热线 |\n900 |\n90.0% |\n求助 |\n"
                "600 |\n60.0% |\n|\n微信 |\n100 |\n10.0% |\n建议 |\n400 |\n40.0% |")
    figures = numeric(doc)
    assert figures["1000"][0].label == "办件总数"
    assert {t: figures[t][0].label for t in ("90.0%", "60.0%", "10.0%", "40.0%")} == \
        {"90.0%": "热线", "60.0%": "求助", "10.0%": "微信", "40.0%": "建议"}
    assert sorted(breakdowns(doc), key=str) == sorted([
        (Decimal(1000), [("热线", Decimal(900), Decimal("90.0")), ("微信", Decimal(100), Decimal("10.0"))]),
        (Decimal(1000), [("求助", Decimal(600), Decimal("60.0")), ("建议", Decimal(400), Decimal("40.0"))]),
    ], key=str)
    tables = {f.cell.table for fs in figures.values() for f in fs if f.cell is not None}
    assert len(tables) == 2


def test_issue_11_yoy_and_mom_columns_are_changes_with_their_bases() -> None:
    doc = parse("单位 | 件数 | 占比 | 同比 | 环比\n区县 | 800 | 80.00% | 12.50% | 3.10%\n市直 | 200 | 20.00% | -5.00% | 1.20%\n"
                "合计 | 1000 | 100.00% | 8.40% | 2.70%")
    figures = numeric(doc)
    yoy, mom = figures["12.50%"][0], figures["3.10%"][0]
    assert isinstance(yoy, Change) and isinstance(mom, Change)
    assert (yoy.basis, mom.basis, yoy.label, mom.label) == ("同比", "环比", "区县", "区县")
    down = figures["-5.00%"][0]
    assert isinstance(down, Change) and (down.value, down.direction) == (Decimal("5.00"), "down")
    assert rules(doc) == []  # never one figure restated
    assert breakdowns(doc) == [(Decimal(1000), [("区县", Decimal(800), Decimal("80.00")),
                                                 ("市直", Decimal(200), Decimal("20.00"))])]


# ---------------------------------------------------------------- the reviews' invented examples


def test_review_t4_share_block_of_a_yearbook_table() -> None:
    """checks review T4: the whole is the first row, its 构成(%) block the shares."""
    doc = parse("| 指标 | 2019 | 2020 |\n| 总额(亿元) | 500.00 | 600.00 |\n| 甲产业 | 100.00 | 150.00 |\n"
                "| 乙产业 | 400.00 | 450.00 |\n| 构成(%) | 100.00 | 100.00 |\n| 甲产业 | 25.00 | 25.00 |\n"
                "| 乙产业 | 80.00 | 75.00 |")
    assert numeric(doc)["500.00"][0].value == Decimal(50000000000)
    assert "shares-sum" in rules(doc) and "share-of-total" in rules(doc)
    totals = sorted(t for t, _ in breakdowns(doc) if t is not None)
    assert totals == [Decimal(50000000000), Decimal(60000000000)]


def test_review_t1_side_by_side_slip_is_flagged() -> None:
    doc = parse("来源 |\n数量 |\n占比 |\n类型 |\n数量 |\n占比 |\n电话 |\n800 |\n85.00% |\n咨询 |\n600 |\n60.00% |\n|\n"
                "网站 |\n200 |\n20.00% |\n投诉 |\n400 |\n40.00% |")
    assert len(breakdowns(doc)) == 2
    assert "shares-sum" in rules(doc)


def test_review_2a_flattened_two_row_header_one_cell_a_line() -> None:
    doc = parse("事项类型 |\n投诉 |\n咨询 |\n合计 |\n物业 |\n噪音 |\n社保 |\n医保 |\n本月 |\n12 |\n7 |\n30 |\n9 |\n58 |")
    figures = numeric(doc)
    assert [figures[t][0].label for t in ("12", "7", "30", "9", "58")] == ["物业", "噪音", "社保", "医保", "合计"]
    assert figures["12"][0].cell is not None and figures["12"][0].cell.column_header == "投诉/物业"


# ---------------------------------------------------------------- one fixture per layout


LAYOUTS: dict[str, str] = {
    "pipe": "| 区县 | 受理量(件) | 办结率 |\n| 东区 | 1200 | 98.5% |\n| 西区 | 800 | 97.0% |\n| 合计 | 2000 | 97.9% |",
    "markdown": "| 区县 | 受理量(件) | 办结率 |\n|---|---|---|\n| 东区 | 1200 | 98.5% |\n| 西区 | 800 | 97.0% |\n"
                "| 合计 | 2000 | 97.9% |",
    "bars": "区县 |\n受理量(件) |\n办结率 |\n东区 |\n1200 |\n98.5% |\n西区 |\n800 |\n97.0% |\n合计 |\n2000 |\n97.9% |",
    "bare": "区县\n受理量(件)\n办结率\n东区\n1200\n98.5%\n西区\n800\n97.0%\n合计\n2000\n97.9%",
    "blank-lines": "区县\n\n受理量(件)\n\n办结率\n\n东区\n\n1200\n\n98.5%\n\n西区\n\n800\n\n97.0%\n\n合计\n\n2000\n\n97.9%",
    "aligned": "区县    受理量(件)    办结率\n东区    1200    98.5%\n西区    800     97.0%\n合计    2000    97.9%",
    "numbered": "序号 |\n区县 |\n受理量(件) |\n办结率 |\n1 |\n东区 |\n1200 |\n98.5% |\n2 |\n西区 |\n800 |\n97.0% |\n"
                "合计 |\n2000 |\n97.9% |",
    # realK: a web copy of a table one cell a line, its title line ending in 表 over it
    "titled-blank-lines": "2024年5月各区县热线工单办理情况统计表\n\n区县\n\n受理量(件)\n\n办结率\n\n东区\n\n1200\n\n"
                          "98.5%\n\n西区\n\n800\n\n97.0%\n\n合计\n\n2000\n\n97.9%",
    # realN: one cell a line, a unit column between each row's name and its figures
    "unit-column-bars": "指 标 |\n单位 |\n受理量 |\n办结率 |\n东区 |\n件 |\n1200 |\n98.5% |\n西区 |\n件 |\n800 |\n"
                        "97.0% |\n合计 |\n件 |\n2000 |\n97.9% |",
    # an HTML table whose cells the copy put on lines of their own, a lone bar after each
    "lone-bars": "区县\n|\n受理量(件)\n|\n办结率\n|\n东区\n|\n1200\n|\n98.5%\n|\n西区\n|\n800\n|\n97.0%\n|\n"
                 "合计\n|\n2000\n|\n97.9%",
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_fixture(layout: str) -> None:
    doc = parse("各区县受理情况如下:\n" + LAYOUTS[layout])
    figures = numeric(doc)
    east = figures["1200"][0]
    assert isinstance(east, Quantity) and (east.unit, east.label) == ("件", "受理量")
    rate = figures["98.5%"][0]
    assert isinstance(rate, Percent) and rate.label == "办结率"
    assert east.cell is not None and east.cell.row_header == "东区"
    assert breakdowns(doc) == [(Decimal(2000), [("东区", Decimal(1200), None), ("西区", Decimal(800), None)])]
    assert "1" not in figures and "2" not in figures  # 序号 are no figures


def test_layout_two_row_pipe_header_spans_its_sub_columns() -> None:
    doc = parse("| 年份 | 年末常住人口(万人) | | | 城镇化率(%) |\n| | 合计 | 城镇 | 乡村 | |\n"
                "| 2022 | 42.05 | 22.40 | 19.65 | 53.27 |\n| 2023 | 41.82 | 22.71 | 19.11 | 54.30 |")
    figures = numeric(doc)
    assert figures["22.40"][0].value == Decimal(224000) and figures["22.40"][0].unit == "人"
    assert figures["42.05"][0].label == "年末常住人口"  # a 合计 column is named by what it sums
    assert isinstance(figures["53.27"][0], Percent)
    assert [t for t, _ in breakdowns(doc)] == [Decimal(420500), Decimal(418200)]
    assert {f.span.text for f in doc.facts() if isinstance(f, DateFact)} >= {"2022", "2023"}


def test_layout_facet_groups_under_a_whole_at_100_each_divide_it() -> None:
    # realL: a bulletin's population table, its groups titled by `按…分 | ||` rows
    text = ("表2 年末户籍人口及其构成\n指标 | 人数(万人) | 比重(%) |\n年末户籍人口 | 820 | 100 |\n按城乡分 | ||\n"
            "城镇 | 500 | 61.0 |\n乡村 | 320 | 39.0 |\n按性别分 | ||\n男性 | 415 | 50.6 |\n女性 | 405 | 49.4 |\n"
            "按年龄分 | ||\n0-14岁 | 130 | 15.9 |\n15-64岁 | 560 | 68.3 |\n65岁及以上 | 130 | 15.9 |")
    doc = parse(text)
    got = [(total, [p[0] for p in parts]) for total, parts in breakdowns(doc)]
    assert got == [(Decimal(8200000), ["城镇", "乡村"]), (Decimal(8200000), ["男性", "女性"]),
                   (Decimal(8200000), ["0-14岁", "15-64岁", "65岁及以上"])]
    assert rules(doc) == []


def test_layout_ranked_tables_side_by_side_are_one_ranking_by_their_ranks() -> None:
    # realK: an appraisal table set twice across the page, 单位 heading the bodies of each half
    text = ("各县考评得分及排名表\n| 单位 | 总工单数 | 得分 | 排名 | 单位 | 总工单数 | 得分 | 排名 |\n"
            "| 甲县 | 1115 | 145.76 | 1 | 丙县 | 1857 | 144.69 | 3 |\n| 乙县 | 1955 | 145.35 | 2 | 丁县 | 1268 | 144.42 | 4 |")
    doc = parse(text)
    ranks = [[i.label for i in f.items] for f in doc.facts() if isinstance(f, Ranking)]
    assert ranks == [["甲县", "乙县", "丙县", "丁县"]]
    cell = numeric(doc)["1857"][0].cell
    assert cell is not None and cell.row_header == "丙县"


def test_layout_two_lists_under_one_whole_each_opened_by_qizhong() -> None:
    # realN: a bulletin's population table copied one cell a line, its rows' indents lost
    text = ("表1 年末常住人口数及其构成 |\n指 标 |\n年末数(万人) |\n比重(%) |\n全市常住人口 |\n162.06 |\n100.0 |\n"
            "其中:城镇 |\n106.85 |\n65.9 |\n乡村 |\n55.20 |\n34.1 |\n其中:男性 |\n84.06 |\n51.9 |\n女性 |\n78.00 |\n48.1 |")
    doc = parse(text)
    got = [(total, [p[0] for p in parts]) for total, parts in breakdowns(doc)]
    assert got == [(Decimal(1620600), ["城镇", "乡村"]), (Decimal(1620600), ["男性", "女性"])]
    assert rules(doc) == []


def test_layout_tables_one_under_another_part_at_their_repeated_header() -> None:
    # realM: a bureau's progress tables, each under a numbered title and the same header rows
    text = ("1、地区生产总值 | |||\n9月 | 1-9月累计 | 累计 | |\n增长% | |||\n地区生产总值(亿元) | —— | 2527.54 | 11.5 |\n"
            "第一产业 | —— | 59.44 | 25.6 |\n第二产业 | —— | 1283.78 | 14.7 |\n2、地区生产总值构成 | |||\n"
            "9月 | 1-9月累计 | 累计 | |\n增减百分点 | |||\n地区生产总值(%) | —— | 100.0 | —— |\n"
            "第一产业 | —— | 2.3 | 0.4 |\n第二产业 | —— | 50.8 | 1.4 |")
    tables = find_tables(normalise(text).text)
    assert [t.caption.text if t.caption else None for t in tables] == ["1、地区生产总值", "2、地区生产总值构成"]
    doc = parse(text)
    points = numeric(doc)["0.4"][0]
    assert isinstance(points, Change) and points.unit == "百分点"
    assert rules(doc) == []


def test_layout_open_ended_groups_overlap_and_prove_nothing() -> None:
    # review: 60岁及以上 holds 65岁及以上; their shares add up to nothing
    text = ("表2 年末户籍人口及其构成\n指标 | 人数(万人) | 比重(%) |\n年末户籍人口 | 820 | 100 |\n按年龄分 | ||\n"
            "0-59岁 | 625 | 76.3 |\n60岁及以上 | 195 | 23.7 |\n65岁及以上 | 131 | 16.0 |")
    assert rules(parse(text)) == []


def test_layout_a_rank_cell_that_is_no_plain_number_reads_no_rank() -> None:
    # review: a superscript passes str.isdigit and would end the page in an internal error
    text = "| 单位 | 得分 | 排名 | 单位 | 得分 | 排名 |\n| 甲县 | 145.76 | 1 | 丙县 | 144.69 | ² |\n| 乙县 | 145.35 | 2 | 丁县 | 144.42 | 4 |"
    doc = parse(text)
    assert not [d for d in doc.diagnostics if d.rule == "internal-error"]


def test_layout_row_groups_declare_kinds() -> None:
    text = ("单位:亿元\n| 指标 | 2022 | 2023 |\n| 生产总值 | 200.0 | 220.0 |\n| 第一产业 | 20.0 | 21.0 |\n"
            "| 第二产业 | 80.0 | 90.0 |\n| 第三产业 | 100.0 | 109.0 |\n| 构成(%) | | |\n| 第一产业 | 10.0 | 9.5 |\n"
            "| 第二产业 | 40.0 | 40.9 |\n| 第三产业 | 50.0 | 49.6 |\n| 比上年增长(%) | | |\n| 生产总值 | 4.1 | -1.2 |")
    doc = parse(text)
    figures = numeric(doc)
    assert figures["200.0"][0].value == Decimal(20000000000)
    assert isinstance(figures["9.5"][0], Percent) and figures["9.5"][0].label == "第一产业"
    fall = figures["-1.2"][0]
    assert isinstance(fall, Change) and (fall.direction, fall.basis) == ("down", "比上年")
    parts = breakdowns(doc)
    assert len(parts) == 2 and parts[0][1][0] == ("第一产业", Decimal(2000000000), Decimal("10.0"))
    assert rules(doc) == []


def test_layout_index_group_and_padded_shares() -> None:
    """s013's shape: an index group (上年=100) and a share block padded to two decimals."""
    text = ("单位:亿元\n| 项目 | 2019 | 2020 |\n| 总产出(亿元) | 300.00 | 400.00 |\n| 甲 | 100.00 | 130.00 |\n"
            "| 乙 | 200.00 | 270.00 |\n| 总产出指数(上年=100) | 110.40 | 113.20 |\n| 甲 | 103.10 | 102.90 |\n"
            "| 乙 | 112.20 | 113.50 |\n| 总产出构成(%) | 100.00 | 100.00 |\n| 甲 | 33.30 | 32.50 |\n"
            "| 乙 | 66.70 | 67.50 |")
    doc = parse(text)
    figures = numeric(doc)
    index = figures["103.10"][0]
    assert isinstance(index, Percent) and index.label == "甲指数"
    share = figures["33.30"][0]
    assert isinstance(share, Percent) and share.decimals == 1  # 33.30 is 33.3 padded
    assert len(breakdowns(doc)) == 2 and rules(doc) == []


def test_layout_unit_column_is_no_name_and_no_figure() -> None:
    """A 计量单位 column declares its row's unit and scale, as a header's (万元) declares a
    column's (ANNOTATION.md: a cell is in the unit its table declares; real set D's pD05, the
    corpora's heldout7 and heldout12); its cells name no row and the rows keep their names; a
    column of its own unit, (%), is not the row's."""
    doc = parse("主要工业产品产量\n产品名称 计量单位 绝对数 比上年增长(%)\n原煤 万吨 186.42 4.7\n发电量 亿千瓦时 18.73 -3.9")
    figures = numeric(doc)
    assert (figures["186.42"][0].value, figures["186.42"][0].unit, figures["186.42"][0].label) == \
        (Decimal("1864200"), "吨", "原煤")
    assert (figures["18.73"][0].value, figures["18.73"][0].unit, figures["18.73"][0].label) == \
        (Decimal("1873000000"), "千瓦时", "发电量")
    assert isinstance(figures["-3.9"][0], Change) and figures["-3.9"][0].direction == "down"
    assert figures["-3.9"][0].unit == "%"


def test_layout_ranked_table_is_a_ranking_not_facts_of_its_ranks() -> None:
    doc = parse("表2 本周诉求量居前三位的问题\n| 排名 | 问题类型 | 件数 |\n|---|---|---|\n| 1 | 物业 | 186 |\n"
                "| 2 | 供暖 | 142 |\n| 3 | 噪声 | 97 |")
    assert [[i.label for i in f.items] for f in doc.facts() if isinstance(f, Ranking)] == [["物业", "供暖", "噪声"]]
    assert set(numeric(doc)) == {"186", "142", "97"}


def test_infographic_lines_are_no_table() -> None:
    """Label-and-figure lines under a title (较8月增加3448件 / 环比增长5.3%) are no table."""
    text = "9月\n共受理群众诉求\n68472件\n较8月增加3448件\n环比增长5.3%\n同比下降2.1%\n"
    assert find_tables(normalise(text).text) == []


@pytest.mark.parametrize(("text", "unit", "scale", "percent"), [
    ("亿元", "元", 10**8, False), ("万吨", "吨", 10**4, False), ("%", None, 1, True), ("件", "件", 1, False),
    ("上年=100", None, 1, True), ("亿元、%", "元", 10**8, False),
    ("接收件", "件", 1, False), ("办结件", "件", 1, False),  # the count of what a verb does (real set C)
    ("万", None, 10**4, False),  # the scale alone: the unit is the header's own (heldout13)
])
def test_declared_units(text: str, unit: str | None, scale: int, percent: bool) -> None:
    d = parse_unit(text)
    assert d is not None and (d.unit, d.scale, d.percent) == (unit, scale, percent)


@pytest.mark.parametrize(("header", "unit"), [("接待人次(万)", "人次"), ("接待人次（萬）", "人次"), ("产量(万)", None)])
def test_a_scale_alone_takes_the_unit_the_header_ends_in(header: str, unit: str | None) -> None:
    """heldout13-trad-tourism-communique: 接待人次（萬） declares ×10000 in 人次."""
    doc = parse(f"| 景点 | {header} |\n| 甲公园 | 18.62 |\n| 乙街区 | 15.37 |\n")
    cells = [f for f in doc.facts() if isinstance(f, Quantity) and f.cell is not None]
    assert [(f.value, f.unit) for f in cells] == [(Decimal("186200"), unit), (Decimal("153700"), unit)]


def test_a_header_row_of_units_declares_and_the_row_above_names() -> None:
    """播种面积 over 千公顷, 总产量 over 万吨 (heldout13-agri-summer-grain)."""
    doc = parse("| 县 | 播种面积 | | 总产量 | |\n| | 千公顷 | 比上年增减(%) | 万吨 | 比上年增减(%) |\n"
                "| 甲县 | 47.2 | 0.3 | 28.4 | -2.9 |\n| 乙县 | 68.5 | -0.6 | 41.2 | -3.8 |\n")
    cells = {f.span.text: f for f in doc.facts() if isinstance(f, Quantity) and f.cell is not None}
    assert (cells["47.2"].value, cells["47.2"].unit, cells["47.2"].label) == (Decimal("47200"), "公顷", "播种面积")
    assert (cells["41.2"].value, cells["41.2"].unit, cells["41.2"].label) == (Decimal("412000"), "吨", "总产量")


def test_rows_headed_by_months_split_from_their_figures() -> None:
    """7月       10.62: normalising drops the spaces, the month still heads its row (heldout13)."""
    doc = parse("月份      零售额(亿元)      同比(%)\n7月       10.62             4.8\n8月       10.95             5.3\n")
    cells = {f.span.text: f for f in doc.facts() if getattr(f, "cell", None) is not None}
    assert cells["10.62"].value == Decimal("1062000000") and cells["10.62"].cell.row_header == "7月"
    assert cells["5.3"].label == "8月"


@pytest.mark.parametrize("values", [("1900", "1900"), ("1900", "2010")])
def test_counts_that_look_like_years_are_a_row_not_a_header(values: tuple[str, str]) -> None:
    """| 东城区 | 1900 | 1900 | under | 区县 | 受理量 | 办结量 |: counts, though they read as years (found
    by the three-layouts property)."""
    doc = parse(f"| 区县 | 受理量 | 办结量 |\n| 东城区 | {values[0]} | {values[1]} |\n| 西城区 | 1000 | 1000 |\n")
    cells = [(f.value, f.label) for f in doc.facts() if isinstance(f, Quantity) and f.cell is not None]
    assert cells == [(Decimal(values[0]), "受理量"), (Decimal(values[1]), "办结量"),
                     (Decimal(1000), "受理量"), (Decimal(1000), "办结量")]


def test_a_header_of_the_compared_period_is_a_growth_column_and_a_value_head_names_nothing() -> None:
    """较去年同期(%) holds changes labelled by their row; 绝对额(亿元) names no metric, so its cells take
    the row's name (heldout14: a Taiwan-style release and a provincial quarter)."""
    doc = parse("| 行政区 | 绝对额(亿元) | 较去年同期(%) |\n| 东区 | 108.3 | 17.6 |\n| 西区 | 142.6 | -5.0 |\n")
    got = {f.span.text: (f.kind, f.label) for f in doc.facts() if getattr(f, "cell", None) is not None}
    assert got == {"108.3": ("quantity", "东区"), "17.6": ("change", "东区"),
                   "142.6": ("quantity", "西区"), "-5.0": ("change", "西区")}


# ---------------------------------------------------------------- one table, three layouts

NAMES = ["东城区", "西城区", "南湖区", "北山县", "高新区", "临江镇", "青石街道", "白沙县"]
HEADERS = ["受理量", "办结量", "回访量", "转办量"]


def _render(layout: str, header: list[str], rows: list[list[str]]) -> str:
    if layout == "pipe":
        return "\n".join("| " + " | ".join(r) + " |" for r in [header, *rows])
    if layout == "cells":
        return "\n".join(c + " |" for r in [header, *rows] for c in r)
    if layout == "lone-bars":
        return "\n|\n".join(c for r in [header, *rows] for c in r)
    return "\n".join("    ".join(r) for r in [header, *rows])


def _facts_of(text: str) -> list[tuple[Any, ...]]:
    doc = parse(text)
    out = []
    for f in doc.facts():
        if isinstance(f, (Quantity, Percent, Change)):
            assert f.cell is not None
            out.append((f.kind, f.value, f.unit, f.label, f.cell.row, f.cell.column))
        elif isinstance(f, Breakdown):
            out.append(("breakdown", f.total, tuple((p.label, p.value, p.share) for p in f.parts)))
    return sorted(out, key=repr)


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_one_table_in_three_layouts_gives_the_same_facts(data: st.DataObject) -> None:
    n_rows = data.draw(st.integers(2, 6))
    n_cols = data.draw(st.integers(1, 3))
    names = data.draw(st.permutations(NAMES))[:n_rows]
    heads = data.draw(st.permutations(HEADERS))[:n_cols]
    unit = data.draw(st.sampled_from(["", "(件)", "(万元)"]))
    with_share = data.draw(st.booleans())
    with_total = data.draw(st.booleans())
    values = [[data.draw(st.integers(1000, 99999)) for _ in range(n_cols)] for _ in range(n_rows)]
    header = ["区县", *[h + unit for h in heads]] + (["占比"] if with_share else [])
    rows = []
    first_total = sum(v[0] for v in values)
    for name, vals in zip(names, values, strict=True):
        row = [name, *map(str, vals)]
        if with_share:
            row.append(f"{vals[0] * 100 / first_total:.1f}%")
        rows.append(row)
    if with_total:
        total = ["合计", *[str(sum(v[c] for v in values)) for c in range(n_cols)]]
        rows.append(total + (["100.0%"] if with_share else []))
    readings = {layout: _facts_of("各区县情况如下:\n" + _render(layout, header, rows))
                for layout in ("pipe", "cells", "aligned", "lone-bars")}
    assert readings["pipe"] == readings["cells"] == readings["aligned"] == readings["lone-bars"]
    assert len([f for f in readings["pipe"] if f[0] != "breakdown"]) == len(rows) * (n_cols + with_share)


# ---------------------------------------------------------------- checks on tables


@pytest.mark.parametrize(("text", "flagged"), [
    # a growth column against the current and the earlier period's columns of its row
    ("| 指标 | 2023 | 2024 | 增长(%) |\n| 受理量 | 1200 | 1320 | 10.0 |\n| 办结量 | 1100 | 1200 | 12.0 |", ["12.0"]),
    ("| 指标 | 2023 | 2024 | 增长(%) |\n| 受理量 | 1200 | 1320 | 10.0 |\n| 办结量 | 1100 | 1200 | 9.1 |", []),
    ("| 类别 | 本周数据 | 上周数据 | 环比增长 |\n| 住房 | 399 | 348 | 16.66% |\n| 施工 | 122 | 111 | 9.91% |",
     ["16.66%"]),
    ("| 类别 | 本周数据 | 上周数据 | 环比增长 |\n| 住房 | 399 | 348 | 14.66% |\n| 施工 | 122 | 111 | 9.91% |", []),
])
def test_growth_column_against_its_period_columns(text: str, flagged: list[str]) -> None:
    doc = parse(text)
    assert [d.span.text for d in doc.diagnostics if d.rule == "growth-rate"] == flagged


def test_parts_sum_on_a_total_row() -> None:
    doc = parse("| 区县 | 受理量 |\n| 东区 | 1200 |\n| 西区 | 900 |\n| 合计 | 2000 |")
    assert rules(doc) == ["parts-sum"]


# ---------------------------------------------------------------- arrows and year-led headers (real set C)
# Shapes seen on 12315 reports of real set C, written anew: a growth column of arrows (↑9.03%,
# ↓18.04%), headers that open with their year (2022年投诉量 (接收件)) or are nothing but time
# (去年同时期), one cell a line.


ARROWS = ("类型 |\n本期(件) |\n去年同时期 |\n同比(%) |\n"
          "投诉 |\n2200 |\n2000 |\n↑10% |\n举报 |\n900 |\n1000 |\n↓10% |\n咨询 |\n3300 |\n3000 |\n↑10% |")


def test_arrow_cells_are_changes_of_their_row() -> None:
    figures = numeric(parse(ARROWS))
    up, down = figures["↑10%"][0], figures["↓10%"][0]
    assert isinstance(up, Change) and isinstance(down, Change)
    assert (up.direction, up.value, up.basis, up.label) == ("up", Decimal(10), "同比", "投诉")
    assert (down.direction, down.value, down.label) == ("down", Decimal(10), "举报")
    # 去年同时期 says when: its figures are the rows' metrics, in the period compared with
    prior = figures["1000"][0]
    assert prior.label == "举报" and prior.cell is not None and prior.cell.period == "prior"


def test_arrow_cells_are_checked_against_their_period_columns() -> None:
    assert rules(parse(ARROWS)) == []
    doc = parse(ARROWS.replace("↓10%", "↓12%"))
    assert [d.span.text for d in doc.diagnostics if d.rule == "growth-rate"] == ["↓12%"]
    # the prior column restates no figure of the current one
    assert not [d for d in doc.diagnostics if d.rule == "restated-figure"]


def test_arrow_before_a_figure_in_prose_is_its_direction() -> None:
    figures = numeric(parse("本周受理量1200件,同比↓5.2%。"))
    f = figures["同比↓5.2%"][0]
    assert isinstance(f, Change) and (f.direction, f.basis) == ("down", "同比")


@pytest.mark.parametrize(("header", "label"), [
    ("2022年投诉量 (接收件)", "投诉量"),
    ("2023年度办结量(件)", "办结量"),
    ("去年受理量", "受理量"),
    ("年末常住人口(万人)", "年末常住人口"),   # a stock at the year's end: 年末 is the metric's
    ("2022年数据", "2022年数据"),            # nothing left that names a metric: the header stays whole (本周数据)
])
def test_year_led_header_labels_its_column_without_the_year(header: str, label: str) -> None:
    doc = parse(f"序号 |\n项目 |\n{header} |\n1 |\n甲类 |\n3000 |\n2 |\n乙类 |\n2000 |")
    f = numeric(doc)["3000"][0]
    assert f.label == label


def test_header_broken_over_lines_with_a_unit_column_and_group_rows() -> None:
    """Real set D's pD05 shape, written anew: a header of six cells broken over four lines, a
    计算单位 column, a group title row (`商业 | |||||`) and a 结构(%) share column."""
    text = ("项 目 名 称 | 计算 单位 |\n3月 | 1-3月 累计 |\n累计比上年同期 增长(%) |\n结构(%) |\n商业 | |||||\n"
            "一、零售总额 | 万元 | 1200 | 3600 | 8.5 | 100 |\n1、批发业 | 万元 | 900 | 2700 | 7.0 | 75.00 |\n"
            "2、餐饮业 | 万元 | 300 | 900 | 13.2 | 25.00 |\n")
    figures = numeric(parse(text))
    q = figures["1200"][0]
    assert isinstance(q, Quantity) and (q.value, q.unit) == (Decimal(12000000), "元")
    assert q.cell is not None and q.cell.column_header == "3月"
    g = figures["8.5"][0]
    assert isinstance(g, Change) and g.basis == "比上年同期" and g.direction == "up"
    share = figures["75.00"][0]
    assert isinstance(share, Percent) and share.label is not None and "批发业" in share.label


def test_indicator_table_of_unit_cumulative_and_signed_change_columns() -> None:
    # 指标 | 单位 | 累计 | ±%: the unit column declares each row's unit, 累计 holds the row's value
    # and ±% its change in percent (a sign for a bracket), a dash an empty cell
    doc = parse("主要指标\n指标\n|\n单位\n|\n累计\n|\n±%\n|\n地区生产总值\n|\n亿元\n|\n―\n|\n5.2\n|\n"
                "一般公共预算收入\n|\n万元\n|\n86420\n|\n-3.1\n|\n居民消费价格指数\n|\n%\n|\n101.2\n|\n1.2")
    figures = numeric(doc)
    income, change = figures["86420"][0], figures["-3.1"][0]
    assert isinstance(income, Quantity) and (income.label, income.unit, income.value) == ("一般公共预算收入", "元", Decimal(864200000))
    assert isinstance(change, Change) and (change.label, change.unit, change.direction) == ("一般公共预算收入", "%", "down")
    gdp = figures["5.2"][0]
    assert isinstance(gdp, Change) and (gdp.label, gdp.unit) == ("地区生产总值", "%")
    assert "―" not in figures


def test_two_bare_tables_under_lead_in_lines_with_names_wrapped_over_two_lines() -> None:
    # one cell a line with blank lines between (a PDF copy): a line ending in a colon leads into
    # the next table, and a name wrapped over two lines (城乡建设 / 管理类) is one name again
    cells = ["按诉求类型看:", "类型", "件数", "占比", "咨询", "600", "60.0%", "投诉", "400", "40.0%",
             "按承办单位看:", "单位", "件数", "占比", "住房和", "城乡建设局", "300", "30.0%",
             "市场监督", "管理局", "200", "20.0%", "公安局", "100", "10.0%"]
    doc = parse("本月受理诉求1000件。\n" + "\n\n".join(cells))
    tables = find_tables(normalise("本月受理诉求1000件。\n" + "\n\n".join(cells)).text)
    assert [["".join(r.name.text.split()) if r.name else None for r in t.rows] for t in tables] == [
        ["咨询", "投诉"], ["住房和城乡建设局", "市场监督管理局", "公安局"]]
    bds = breakdowns(doc)
    assert (None, [("咨询", Decimal(600), Decimal("60.0")), ("投诉", Decimal(400), Decimal("40.0"))]) in bds
    # the shares of the second make up 60%: a top few of the whole, a breakdown not complete
    partial = [f for f in doc.facts() if isinstance(f, Breakdown) and f.parts[0].label == "住房和城乡建设局"]
    assert len(partial) == 1 and partial[0].complete is False
    assert rules(doc) == []


def test_a_share_off_the_others_in_a_partial_share_column_is_flagged() -> None:
    # four rows agree on a whole of about 2000; 8.0% for 190 does not (190/2000 = 9.5%)
    doc = parse("| 归口类型 | 受理量(件) | 占受理总量比重 |\n| 社会服务类 | 400 | 20.0% |\n| 城市管理类 | 300 | 15.0% |\n"
                "| 交通管理类 | 190 | 8.0% |\n| 环境保护类 | 160 | 8.0% |\n| 教育类 | 100 | 5.0% |")
    assert rules(doc) == ["share-of-total"]


def test_a_share_cell_is_labelled_by_its_category_whatever_whole_its_header_names() -> None:
    # ANNOTATION.md: a share in a breakdown is labelled by the category (求助类), not 占工单总量比重
    doc = parse("| 性质分类 | 受理量(件) | 占工单总量比重 |\n| 求助类 | 600 | 60.00% |\n| 投诉类 | 400 | 40.00% |")
    figures = numeric(doc)
    assert [figures[t][0].label for t in ("60.00%", "40.00%")] == ["求助类", "投诉类"]


def test_pipe_rows_run_together_on_one_line_are_told_apart_by_their_names() -> None:
    # a copy that lost the row breaks: the header ends in the first row's name, the rows run on,
    # and a name with no figures (其中:园区) titles the rows after it, which are that part's figures
    text = ("| 指标名称 | 本月 | 同比% | 累计 | 同比% | 企业单位数\n| 430 | 5.5 | 430 | 5.5 | 工业总产值 | 30974 | 3.3 | 161857 | 16.2 |"
            " 销售产值 | 29973 | 3.4 | 158996 | 15.4 |\n|\n| 其中:园区 |\n|\n| 工业总产值 | 11433 | -19.1 | 62943 | 7.7 |"
            " 销售产值 | 10947 | -19.8 | 60369 | 5.8 |")
    doc = parse("全县规上工业产值同比增长3.3%。\n" + text)
    figures = numeric(doc)
    assert figures["30974"][0].label == "工业总产值" and figures["11433"][0].label == "园区工业总产值"
    assert figures["430"][0].cell is not None and figures["430"][0].cell.row_header == "企业单位数"
    change = figures["-19.8"][0]
    assert isinstance(change, Change) and change.label == "园区销售产值" and change.direction == "down"
    assert rules(doc) == []


def test_a_declaration_of_two_units_gives_each_row_the_one_its_measure_takes() -> None:
    # 单位:个、万元: a count (企业单位数) in 个, every other row in 万元; a row under 其中 in its
    # parent's; and one 其中 row larger than its parent is a part larger than its whole
    text = ("| 单位:个、万元 | 指标名称 | 本月 | 累计 | 企业单位数\n| 430 | 430 | 其中:规模以上 | 50 | 50 | 工业总产值 |"
            " 30974 | 161857 | 其中:规模以上 | 20671 | 108697 | 销售产值 | 29973 | 15899 | 其中:规模以上 | 20003 | 105102 |")
    doc = parse("附:规上产值等指标一览表。\n" + text)
    figures = numeric(doc)
    assert (figures["430"][0].unit, figures["430"][0].value) == ("个", Decimal(430))
    assert (figures["50"][0].unit, figures["30974"][0].unit, figures["30974"][0].value) == ("个", "元", Decimal(309740000))
    assert rules(doc) == ["rate-bounds"]  # 105102 under 销售产值 15899
    # 规模以上 qualifies the row above it: it names nothing alone
    assert figures["20671"][0].label == "规模以上工业总产值"


def test_numbered_heading_over_name_figure_lines_is_no_table_header() -> None:
    """Real set D's pD01 shape, written anew: a numbered heading with an aside over lines of a
    name and a figure titles them; it heads no columns."""
    doc = parse("(二)承办单位办理量 (详见附件2)\n区直部门3120件\n街道 415件\n乡镇 208件\n")
    figures = numeric(doc)
    assert [figures[t][0].label for t in ("3120件", "415件", "208件")] == ["区直部门", "街道", "乡镇"]
