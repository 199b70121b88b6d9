"""Each rule on small invented texts with hand-made facts: a failing and a passing case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from gov_news_extract import parse
from gov_news_extract.checks import all_rules, run, run_rules
from gov_news_extract.checks.rules import get
from gov_news_extract.context import Context
from gov_news_extract.extract.composite import links
from gov_news_extract.models import (
    Article,
    Breakdown,
    Change,
    Diagnostic,
    Document,
    Fact,
    Part,
    Percent,
    Period,
    Quantity,
    Ranking,
    RankItem,
    Span,
    TimeFact,
)
from gov_news_extract.text.normalise import normalise


class Page:
    """A text and the facts a parser would find in it, placed by their surface strings."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalise(text)
        self.facts: list[Fact] = []

    def _place(self, f: Fact, needle: str, occ: int) -> Fact:
        start = -1
        for _ in range(occ):
            start = self.text.index(needle, start + 1)
        f.id = f"f{len(self.facts) + 1}"
        f.span = self.norm.orig_span(start, start + len(needle))
        nstart = self.norm.text.index(needle.replace("\n", ""))
        for _ in range(occ - 1):
            nstart = self.norm.text.index(needle, nstart + 1)
        f.nspan = (nstart, nstart + len(needle))
        self.facts.append(f)
        return f

    def num(self, kind: type[Any], needle: str, value: str, occ: int = 1, **kw: Any) -> Any:
        d = len(value.split(".")[1]) if "." in value else 0
        unit = kw.pop("unit", "%" if kind is not Quantity else None)
        f = kind(span=Span(start=0, end=0), value=Decimal(value), decimals=d, unit=unit, **kw)
        return self._place(f, needle, occ)

    def add(self, f: Fact, needle: str, occ: int = 1) -> Any:
        return self._place(f, needle, occ)

    def check(self, rule: str | None = None) -> list[Diagnostic]:
        doc = Document(articles=[Article(span=Span(start=0, end=len(self.text)), facts=list(self.facts))])
        ctx = Context(norm=self.norm, facts=list(self.facts))
        links.run(ctx)  # what extraction records for the checks (sentences, metrics, averages…)
        if rule is None:
            return run(ctx, doc)
        r = get(rule)
        assert r is not None
        return run_rules(ctx, doc, [r])


def _breakdown(p: Page, needle: str, total: Quantity | None, parts: list[tuple[Any, Any]],
               complete: bool = False) -> Breakdown:
    b = Breakdown(span=Span(start=0, end=0), total=total.value if total else None,
                  total_id=total.id if total else None, unit="件", complete=complete,
                  parts=[Part(label=v.label if v else s.label, value=v.value if v else None,
                              value_id=v.id if v else None, share=s.value if s else None,
                              share_id=s.id if s else None) for v, s in parts])
    return p.add(b, needle)  # type: ignore[no-any-return]


def _typed_breakdown(text: str, shares: list[str], counts: list[str], total: str | None,
                     complete: bool = True) -> Page:
    p = Page(text)
    t = p.num(Quantity, f"{total}件", total, unit="件", label="工单") if total else None
    pairs = []
    for i, (c, s) in enumerate(zip(counts, shares, strict=True)):
        v = p.num(Quantity, f"{c}件", c, unit="件", label=f"类{i}")
        sh = p.num(Percent, f"{s}%", s, label=f"类{i}")
        pairs.append((v, sh))
    _breakdown(p, "按照问题类型分析", t, pairs, complete)
    return p


# ---------------------------------------------------------------- registry
def test_registry_lists_every_rule_with_docs() -> None:
    ids = [r.id for r in all_rules()]
    assert ids == sorted(["shares-sum", "parts-sum", "share-of-total", "average", "ranking-order",
                          "restated-figure", "elapsed-time", "rate-bounds", "growth-rate"])
    for r in all_rules():
        assert r.severity in ("error", "warning")
        for heading in ("What it checks", "Why it matters", "Failing example", "Passing example"):
            assert heading in r.doc, (r.id, heading)


# ---------------------------------------------------------------- shares-sum / parts-sum / share-of-total
TYPES = ("办理工单287977件。按照问题类型分析:求助类186112件,占比64.6%;咨询类56394件,占比19.6%;"
         "投诉类20260件,占比7%;建议类4678件,占比1.6%;表扬类299件,占比0.1%;其他类2136件,占比0.8%。")


def test_reference_breakdown_gives_two_findings() -> None:
    p = _typed_breakdown(TYPES, ["64.6", "19.6", "7", "1.6", "0.1", "0.8"],
                         ["186112", "56394", "20260", "4678", "299", "2136"], "287977")
    diags = p.check()
    assert [d.rule for d in diags] == ["shares-sum", "share-of-total"]
    assert diags[0].span.text == "64.6%" and "93.7%" in diags[0].message
    assert "269879" in diags[0].message  # the parts' shortfall is folded into the same finding
    assert diags[1].span.text == "0.8%" and "0.742%" in diags[1].message
    assert diags[1].severity == "error" and diags[1].message_en


def test_share_of_total_without_the_fold_when_rules_are_chosen() -> None:
    p = _typed_breakdown(TYPES, ["64.6", "19.6", "7", "1.6", "0.1", "0.8"],
                         ["186112", "56394", "20260", "4678", "299", "2136"], "287977")
    assert [d.rule for d in p.check("parts-sum")] == ["parts-sum"]


@pytest.mark.parametrize(
    ("shares", "counts", "total", "complete", "rules"),
    [
        # consistent, forced rounding: 33.3 × 3 = 99.9
        (["33.3", "33.3", "33.3"], ["1", "1", "1"], "3", True, []),
        # forced rounding: sums to exactly 100 with one share a unit off (true 33.33/33.33/33.33)
        (["33.4", "33.3", "33.3"], ["100", "100", "100"], "300", True, []),
        # the allowance is the breakdown's: two shares a unit off are two slips (true 25/25/25/25)
        (["25.1", "25.1", "24.9", "24.9"], ["100", "100", "100", "100"], "400", True, ["share-of-total"]),
        # one share off by more than a unit is a slip even when the shares make 100
        (["33.6", "33.3", "33.1"], ["100", "100", "100"], "300", True, ["share-of-total"]),
        # shares above 100%
        (["57.7", "47.3"], ["37643", "33769"], "71412", False, ["share-of-total", "shares-sum"]),
        # parts above the total
        (["52.7", "47.3"], ["37643", "36133"], "71412", False, ["parts-sum", "share-of-total"]),
        # incomplete breakdowns may fall short
        (["50", "20"], ["50", "20"], "100", False, []),
        # a complete one may not
        (["50", "20"], ["50", "20"], "100", True, ["shares-sum"]),
    ],
)
def test_breakdown_rules(shares: list[str], counts: list[str], total: str, complete: bool,
                         rules: list[str]) -> None:
    text = "按照问题类型分析 总数" + f"{total}件 " + " ".join(f"类{c}件,占比{s}%" for c, s in zip(counts, shares,
                                                                                      strict=True))
    p = _typed_breakdown(text, shares, counts, total, complete)
    assert sorted({d.rule for d in p.check()}) == sorted(rules)


def test_shares_sum_over_100_in_an_open_breakdown_is_a_warning() -> None:
    p = _typed_breakdown("按照问题类型分析 甲10件,占比60% 乙12件,占比50%", ["60", "50"], ["10", "12"], None,
                         complete=False)
    diags = p.check("shares-sum")
    assert [(d.rule, d.severity) for d in diags] == [("shares-sum", "warning")]


def test_share_of_total_blames_the_total_when_every_share_disagrees() -> None:
    text = ("共受理诉求284406件。按照问题类型分析 咨询类124599件,占63.72%;求助类56672件,占28.98%;"
            "其它类9791件,占5.01%。")
    p = _typed_breakdown(text, ["63.72", "28.98", "5.01"], ["124599", "56672", "9791"], "284406")
    diags = p.check("share-of-total")
    assert len(diags) == 1 and diags[0].span.text == "284406件"


def test_share_of_total_in_a_ranking_without_total() -> None:
    text = "排在前五位的分别为卫生健康类2652件,占比31.9%;城市管理类817件,占比11.1%;公共服务类374件,占比5.0%;" \
           "政务服务类353件,占比4.8%;交通管理类331件,占比4.5%。"
    p = Page(text)
    items = []
    for label, c, s in [("卫生健康类", "2652", "31.9"), ("城市管理类", "817", "11.1"), ("公共服务类", "374", "5.0"),
                        ("政务服务类", "353", "4.8"), ("交通管理类", "331", "4.5")]:
        v = p.num(Quantity, f"{c}件", c, unit="件", label=label)
        sh = p.num(Percent, f"{s}%", s, label=label)
        items.append(RankItem(label=label, value=v.value, value_id=v.id, share=sh.value, share_id=sh.id))
    p.add(Ranking(span=Span(start=0, end=0), items=items), "前五位")
    diags = p.check()
    assert [(d.rule, d.span.text) for d in diags] == [("share-of-total", "31.9%")]
    # with a consistent first share, nothing
    p.facts[1] = p.facts[1].model_copy(update={"value": Decimal("36.0")})
    assert p.check() == []


def test_share_against_its_own_basis_is_not_a_share_of_the_total() -> None:
    # 占年度计划的76%: progress against the part's own plan. Extraction never makes it the part's
    # share, so share-of-total and shares-sum have nothing to say.
    doc = parse("按照问题类型分析 工业项目完成投资205.58亿元,占年度计划的76.17%;农业项目完成投资60.5亿元,"
                "占年度计划的76%。")
    assert all(p.share is None for b in doc.facts() if isinstance(b, Breakdown) for p in b.parts)
    assert doc.diagnostics == []


def test_parts_sum_exact_counts() -> None:
    text = "截至8月11日,有效诉求3942件,累计办结3884件,协调办理中59件。"
    p = Page(text)
    t = p.num(Quantity, "3942件", "3942", unit="件", label="有效诉求")
    a = p.num(Quantity, "3884件", "3884", unit="件", label="办结")
    b = p.num(Quantity, "59件", "59", unit="件", label="协调办理中")
    _breakdown(p, "截至", t, [(a, None), (b, None)])
    diags = p.check()
    assert [d.rule for d in diags] == ["parts-sum"]
    assert {s.text for s in diags[0].related} == {"3884件", "59件"}


def test_parts_sum_rounded_amounts_pass() -> None:
    text = "完成投资10.5亿元,其中甲项目5.3亿元,乙项目5.3亿元。"  # 5.25 + 5.25 = 10.5: rounding
    p = Page(text)
    t = p.num(Quantity, "10.5亿元", "1050000000", unit="元")
    t.decimals = 1
    a = p.num(Quantity, "5.3亿元", "530000000", unit="元")
    b = p.num(Quantity, "5.3亿元", "530000000", occ=2, unit="元")
    a.decimals = b.decimals = 1
    _breakdown(p, "其中", t, [(a, None), (b, None)])
    assert p.check() == []


# ---------------------------------------------------------------- rate-bounds
@pytest.mark.parametrize(
    ("label", "value", "flagged"),
    [("转办工单办结率", "100.5", True), ("转办工单办结率", "99.5", False), ("群众满意度", "101", True),
     ("营业收入增长率", "120", False), ("完成年度计划", "112", False)],
)
def test_rate_bounds(label: str, value: str, flagged: bool) -> None:
    p = Page(f"{label}{value}%。")
    p.num(Percent, f"{value}%", value, label=label)
    assert bool(p.check("rate-bounds")) is flagged


def test_part_larger_than_whole() -> None:
    p = Page("受理工单120件,其中转办130件,直办5件。")
    t = p.num(Quantity, "120件", "120", unit="件")
    a = p.num(Quantity, "130件", "130", unit="件")
    b = p.num(Quantity, "5件", "5", unit="件")
    _breakdown(p, "其中", t, [(a, None), (b, None)])
    diags = p.check("rate-bounds")
    assert [d.span.text for d in diags] == ["130件"]


# ---------------------------------------------------------------- ranking-order
@pytest.mark.parametrize(("second", "flagged"), [("23910", False), ("33910", True), ("30750", False)])
def test_ranking_order(second: str, flagged: bool) -> None:
    text = f"排名前三位分别为:红旗区30750件;牧野区{second}件;辉县市20494件。"
    p = Page(text)
    items = []
    for label, v in [("红旗区", "30750"), ("牧野区", second), ("辉县市", "20494")]:
        f = p.num(Quantity, f"{label}{v}件", v, unit="件", label=label)
        items.append(RankItem(label=label, value=f.value, value_id=f.id))
    p.add(Ranking(span=Span(start=0, end=0), items=items), "前三位")
    assert bool(p.check("ranking-order")) is flagged


# ---------------------------------------------------------------- restated-figure
@pytest.mark.parametrize(
    ("body", "flagged"),
    [("383257", False), ("383287", True)],
)
def test_restated_headline_and_body(body: str, flagged: bool) -> None:
    text = f"来电 383257次\n\n本报讯 今年上半年,平台共接到群众来电{body}次,环比下降59.7%。"
    p = Page(text)
    p.num(Quantity, "383257次", "383257", unit="次", label="来电")
    p.num(Quantity, f"{body}次", body, occ=2 if body == "383257" else 1, unit="次", label="群众来电", qualifier="共")
    assert bool(p.check("restated-figure")) is flagged


def test_restated_ignores_other_scopes_and_qualifiers() -> None:
    text = ("全市转办工单111523件。\n营商环境方面,转办工单1539件。日均来电量2117次,单日来电峰值3162次。")
    p = Page(text)
    p.num(Quantity, "111523件", "111523", unit="件", label="转办工单")
    p.num(Quantity, "1539件", "1539", unit="件", label="转办工单")
    p.num(Quantity, "2117次", "2117", unit="次", label="来电量", qualifier="日均")
    p.num(Quantity, "3162次", "3162", unit="次", label="来电量", qualifier="峰值")
    assert p.check("restated-figure") == []


def test_restated_body_slip() -> None:
    text = "一季度,12345热线话务总数为20693个。\n(一)话务渠道受理情况。一季度,12345热线话务总数为20623个,日均230个。"
    p = Page(text)
    p.num(Quantity, "20693个", "20693", unit="个", label="话务总数")
    p.num(Quantity, "20623个", "20623", unit="个", label="话务总数")
    diags = p.check("restated-figure")
    assert [d.span.text for d in diags] == ["20623个"] and diags[0].related[0].text == "20693个"


# ---------------------------------------------------------------- growth-rate
@pytest.mark.parametrize(("rate", "flagged"), [("12", True), ("13.6", False), ("14", False)])
def test_growth_rate_from_absolute_change(rate: str, flagged: bool) -> None:
    text = f"受理诉求3618件,同比增加433件,增长{rate}%。"
    p = Page(text)
    p.num(Quantity, "3618件", "3618", unit="件", label="诉求")
    p.num(Change, "增加433件", "433", unit="件", direction="up", basis="同比")
    p.num(Change, f"增长{rate}%", rate, direction="up", basis="同比")
    assert bool(p.check("growth-rate")) is flagged


@pytest.mark.parametrize(("rate", "flagged"), [("13.6", False), ("15", True)])
def test_growth_rate_from_basis(rate: str, flagged: bool) -> None:
    text = f"今年受理诉求3618件,去年同期3185件,增长{rate}%。"
    p = Page(text)
    p.num(Quantity, "3618件", "3618", unit="件", label="诉求")
    p.num(Quantity, "3185件", "3185", unit="件", label="去年同期")
    p.num(Change, f"增长{rate}%", rate, direction="up")
    assert bool(p.check("growth-rate")) is flagged


def test_growth_rate_with_approximate_figures_proves_nothing() -> None:
    text = "粮食总产量仍超过40500万吨(4050亿公斤),比去年增加1000万吨(100亿公斤)以上,增长3.4%。"
    p = Page(text)
    q = p.num(Quantity, "40500万吨", "405000000", unit="吨")
    q.approx = None  # the parser missed 超过: the rule reads the text itself
    p.num(Change, "增加1000万吨", "10000000", unit="吨", direction="up")
    p.num(Change, "增长3.4%", "3.4", direction="up")
    assert p.check("growth-rate") == []


# ---------------------------------------------------------------- elapsed-time
@pytest.mark.parametrize(("end", "flagged"), [("9时30分", False), ("9时34分", True)])
def test_elapsed_time(end: str, flagged: bool) -> None:
    text = f"7月14日上午9时许,笔者路过路口。当时是9时26分,辅警开始办理。结束时间是{end},前前后后也就4分钟。"
    p = Page(text)
    p.add(TimeFact(span=Span(start=0, end=0), value="09:00", approx="许"), "9时许")
    p.add(TimeFact(span=Span(start=0, end=0), value="09:26"), "9时26分")
    p.add(TimeFact(span=Span(start=0, end=0), value="09:" + end[2:4]), end)
    p.num(Quantity, "4分钟", "4", unit="分钟")
    diags = p.check("elapsed-time")
    assert bool(diags) is flagged
    if flagged:
        assert diags[0].severity == "warning" and len(diags[0].related) == 2


# ---------------------------------------------------------------- average
def _half_year(days: int | None, avg: str, year_written: bool = False) -> Page:
    text = ("2023年上半年" if year_written else "今年上半年") + f",热线共接到群众来电383257次。日均来电量{avg}次。"
    p = Page(text)
    per = p.add(Period(span=Span(start=0, end=0), value="H1", start=dt.date(2024, 1, 1),
                       end=dt.date(2024, 6, 30), days=days), "上半年")
    total = p.num(Quantity, "383257次", "383257", unit="次", label="来电", period_id=per.id)
    # extraction ties an average to its total and says what it is per
    p.num(Quantity, f"{avg}次", avg, unit="次", label="来电量", qualifier="日均", period_id=per.id,
          per="day", average_of=total.id)
    return p


@pytest.mark.parametrize(("avg", "flagged"), [("2117", False), ("2106", False), ("2217", True)])
def test_average_half_year_of_unknown_year(avg: str, flagged: bool) -> None:
    # 2024 is a leap year (182 days) but the text does not say so: 181 days must pass too.
    assert bool(_half_year(182, avg).check("average")) is flagged


def test_average_without_period_is_not_checked() -> None:
    p = Page("热线共接到群众来电383257次。日均来电量9999次。")
    p.num(Quantity, "383257次", "383257", unit="次")
    p.num(Quantity, "9999次", "9999", unit="次", qualifier="日均")
    assert p.check("average") == []


@pytest.mark.parametrize(("per_day", "flagged"), [("239", True), ("216", False)])
def test_inline_per_day_figure(per_day: str, flagged: bool) -> None:
    text = f"2023年7月,全市共发生警情6689起({per_day}起/天)。"
    p = Page(text)
    month = p.add(Period(span=Span(start=0, end=0), value="2023-07", start=dt.date(2023, 7, 1),
                         end=dt.date(2023, 7, 31)), "2023年7月")
    total = p.num(Quantity, "6689起", "6689", unit="起", period_id=month.id)
    p.num(Quantity, f"{per_day}起/天", per_day, unit="起/天", per="day", average_of=total.id, period_id=month.id)
    assert bool(p.check("average")) is flagged
    # and as extraction reads it from the text
    assert ("average" in {d.rule for d in parse(text).diagnostics}) is flagged


# ---------------------------------------------------------------- suppression and robustness
def test_inline_suppression() -> None:
    text = "<!-- gne: ignore rate-bounds -->\n转办工单办结率100.5%。"
    p = Page(text)
    p.num(Percent, "100.5%", "100.5", label="转办工单办结率")
    assert p.check() == []
    p2 = Page("<!-- gne: ignore share-of-total -->\n转办工单办结率100.5%。")
    p2.num(Percent, "100.5%", "100.5", label="转办工单办结率")
    # The share-of-total comment silences nothing here, and says so.
    assert sorted(d.rule for d in p2.check()) == ["rate-bounds", "unused-suppression"]
    p3 = Page("<!-- gne: ignore -->\n转办工单办结率100.5%。")
    p3.num(Percent, "100.5%", "100.5", label="转办工单办结率")
    assert p3.check() == []


def test_rules_survive_facts_without_text() -> None:
    b = Breakdown(span=Span(start=0, end=1), total=Decimal(10),
                  parts=[Part(label="a", value=Decimal(8)), Part(label="b", value=Decimal(5))])
    doc = Document(articles=[Article(span=Span(start=0, end=1), facts=[b])])
    assert [d.rule for d in run_rules(None, doc, all_rules())] == ["parts-sum"]


@pytest.mark.parametrize(("share", "flagged"), [("5.1%", True), ("4.5%", False)])
def test_share_of_a_named_whole(share: str, flagged: bool) -> None:
    # A share outside any breakdown that names its whole is checked against that whole.
    doc = parse(f"6月,全区共受理群众诉求24860件,环比增长3.9%。受高温影响,涉及供电、供水的诉求1126件,占受理总量的{share}。")
    rules = [d.rule for d in doc.diagnostics if d.severity == "error"]
    assert rules == (["share-of-total"] if flagged else [])


def test_share_of_a_list_is_not_the_last_item_s() -> None:
    doc = parse("本周共受理热线工单506件。位居前三位的工单:甲类172件、乙类80件、丙类50件,占工单总量的59.68%。")
    assert [d.rule for d in doc.diagnostics if d.severity in ("error", "warning")] == []


def test_rule_docs_are_up_to_date() -> None:
    # docs/rules/README.md is generated from the docstrings: `python docs/rules/build.py`.
    import subprocess
    import sys
    from pathlib import Path

    build = Path(__file__).resolve().parents[1] / "docs" / "rules" / "build.py"
    assert subprocess.run([sys.executable, str(build), "--check"], check=False).returncode == 0


@pytest.mark.parametrize(("sub", "flagged"), [("915", True), ("615", False)])
def test_a_count_inside_the_figure_before_it(sub: str, flagged: bool) -> None:
    doc = parse(f"从类型看,涉水类873件,占35.4%,其中停水诉求{sub}件;涉电类642件;燃气泄漏类318件;其他类635件。")
    assert ("rate-bounds" in {d.rule for d in doc.diagnostics}) == flagged
    bds = [f for f in doc.facts() if f.kind == "breakdown"]
    assert bds and bds[0].parts[0].label == "涉水类"


def test_restated_count_of_a_category_after_a_basis_month() -> None:
    # 本月 is the report's month (9月), not the 8月 of 较8月; 紧急类诉求 and 紧急类 are one category.
    doc = parse("9月,全市共受理群众诉求39210件,较8月减少2186件。其中,紧急类诉求2468件,占受理总量的6.3%。"
                "各类诉求均已按时响应。在本月受理的2648件紧急类诉求中,回访满意率为97.3%。")
    assert "restated-figure" in {d.rule for d in doc.diagnostics}
    dated = parse("2024年9月,全市共受理群众诉求39210件,较8月减少2186件。在本月受理的诉求中,满意率为97.3%。")
    assert [f.value for f in dated.facts() if f.kind == "period"] == ["2024-09"]


@pytest.mark.parametrize(("rate", "flagged"), [("9.4%", True), ("11.6%", False)])
def test_growth_rate_against_a_figure_named_earlier(rate: str, flagged: bool) -> None:
    doc = parse(f"1—9月,公共汽电车完成客运量21328.7万人次;轨道交通13754.3万人次。\n\n"
                f"轨道交通客运量比上年同期增加1426.8万人次,增长{rate}。")
    assert ("growth-rate" in {d.rule for d in doc.diagnostics}) == flagged


def test_share_of_all_items_and_a_whole_restated_after_zai() -> None:
    doc = parse("全年办件41.26万件\n\n本报讯 全年共办理各类政务服务事项41.26万件。全区网上办件28.37万件,占全部办件量的72.4%。"
                "在全年41.62万件办件中,满意率99.4%。")
    rules = {d.rule for d in doc.diagnostics}
    assert {"share-of-total", "restated-figure"} <= rules


@pytest.mark.parametrize(("minutes", "flagged"), [("26", True), ("36", False)])
def test_elapsed_time_from_the_start_of_the_scene(minutes: str, flagged: bool) -> None:
    doc = parse("夜间(20时至次日6时)警情占38.2%。\n\n指挥中心于8时42分接到报警。\n\n8时51分,首批救援力量到达现场,用时9分钟。"
                f"9时18分,泄漏点被成功封堵,从接警到封堵用时{minutes}分钟。")
    assert ("elapsed-time" in {d.rule for d in doc.diagnostics}) == flagged


@pytest.mark.parametrize(("text", "flagged"), [
    # realI: a window of service hours, then a channel open around the clock in the next sentence
    ("假期中,政务热线8:30至20:30人工接听来电。网上信箱、微信公众号24小时受理群众留言。", False),
    ("假期中,政务热线8:30至20:30人工接听来电,每天服务10小时。", True),
])
def test_elapsed_time_of_a_stated_range_only_in_its_sentence(text: str, flagged: bool) -> None:
    assert ("elapsed-time" in {d.rule for d in parse(text).diagnostics}) == flagged


@pytest.mark.parametrize(
    "text",
    [
        "6月5日9时10分,消防救援站接到报警,9时18分到达现场,从接警到到达用时8分钟,10时05分明火被扑灭,救援历时55分钟。",
        "上午8时30分,供水管道爆裂。8时45分抢修队伍抵达,11时整恢复供水,抢修历时2小时15分钟。",
    ],
)
def test_elapsed_time_from_the_first_call_and_compound_durations(text: str) -> None:
    assert "elapsed-time" not in {d.rule for d in parse(text).diagnostics}


@pytest.mark.parametrize(("rate", "flagged"), [("4.5%", False), ("3.8%", True)])
def test_growth_rate_skips_a_target_in_brackets(rate: str, flagged: bool) -> None:
    # 5万人 is the year's target, an aside: the change is the 42365's (1837/40528 = 4.5%).
    doc = parse(f"全市城镇新增就业42365人,完成年度目标任务(5万人)的84.7%,比上年同期增加1837人,增长{rate}。")
    assert ("growth-rate" in {d.rule for d in doc.diagnostics}) == flagged
    labels = {f.span.text: f.label for f in doc.facts()}
    assert labels["5万人"] == labels["84.7%"] == "年度目标任务"
    assert labels["比上年同期增加1837人"] == "城镇新增就业"


@pytest.mark.parametrize(("share", "flagged"), [("60.5%", False), ("64.9%", True)])
def test_share_of_a_whole_named_before_the_part(share: str, flagged: bool) -> None:
    doc = parse(f"全县累计收购秋粮8.46万吨。在收购总量中,订单收购5.12万吨,所占比重为{share},较上年同期提高5.3个百分点。")
    assert ("share-of-total" in {d.rule for d in doc.diagnostics}) == flagged
    assert {f.span.text: f.label for f in doc.facts()}[share] == "订单收购"


@pytest.mark.parametrize(("part", "flagged"), [("3.15", False), ("3.61", True)])
def test_parts_after_a_section_cue_divide_the_figure_before_it(part: str, flagged: bool) -> None:
    doc = parse(f"今年全县秋粮总播种面积54.30万亩。从作物结构看,玉米、中稻、大豆和薯类杂粮分别种植28.65万亩、17.42万亩、"
                f"5.08万亩和{part}万亩。")
    (bd,) = [f for f in doc.facts() if isinstance(f, Breakdown)]
    assert bd.total == Decimal("543000")
    assert ("parts-sum" in {d.rule for d in doc.diagnostics}) == flagged


@pytest.mark.parametrize(("later", "flagged"), [("2186", False), ("2816", True)])
def test_restated_count_named_with_and_without_de(later: str, flagged: bool) -> None:
    doc = parse(f"三季度,涉及防汛排涝的诉求共2186件,主要集中在7月中下旬。\n\n"
                f"总的看,三季度受理的{later}件防汛排涝诉求已全部办结。")
    assert ("restated-figure" in {d.rule for d in doc.diagnostics}) == flagged


@pytest.mark.parametrize("text", [
    "市直部门共受理0.60万件。\n\n市直部门共办理0.58万件,办结率96.7%。",
    "7月受理17236件。\n\n7月办理17001件。",
    "1月、2月分别受理6429件、6491件。\n\n1月、2月分别办结6400件、6488件。",
])
def test_one_name_two_actions_are_two_metrics(text: str) -> None:
    assert "restated-figure" not in {d.rule for d in parse(text).diagnostics}


@pytest.mark.parametrize("text", [
    "全区共有规上企业120家,其中高新技术企业36家,占全市企业数的8.5%。",
    "今年我县接待游客320万人次,其中乡村旅游接待游客120万人次,占全省游客量的0.8%。",
    "全市新能源汽车销售3.2万辆。其中,纯电动车2.4万辆,占全省销量的12.0%;插电混动车0.8万辆,占全省销量的8.0%。",
])
def test_a_share_of_a_wider_area_is_not_checked_against_the_local_figure(text: str) -> None:
    assert "share-of-total" not in {d.rule for d in parse(text).diagnostics}


@pytest.mark.parametrize(("avg", "flagged"), [("3365", False), ("3065", True)])
def test_average_over_the_days_written_with_its_total(avg: str, flagged: bool) -> None:
    doc = parse(f"本周(2月24日—3月2日)全市热线共受理群众诉求21746件,日均3107件。其中,工作日5天受理16825件,日均{avg}件;"
                "周末2天受理4921件。")
    assert ("average" in {d.rule for d in doc.diagnostics}) == flagged


@pytest.mark.parametrize("text", [
    pytest.param("0天3000件日均3件", id="zero days"),
    pytest.param("截至10月31日累计受理诉求310000件,日均1020件。", id="a date's day is no count of days"),
    pytest.param("本周(5月13日—19日)共受理群众诉求18128件,日均受理2590件。", id="a week's last day"),
    pytest.param("“爱山东”APP注册用户128万人。\n\n“泉城办”APP注册用户123万人。", id="two brands of one kind"),
    pytest.param("本月共受理诉求9900件,咨询类5000件,占50.5%;投诉类4900件,占49.5%;其中涉企类380件。",
                 id="a sub-count after shares that make up the whole"),
    pytest.param("全市18个国控断面中,Ⅰ~Ⅲ类15个,占83.3%;Ⅳ类3个,占16.7%;同比改善的Ⅲ类2个。", id="another view after the parts"),
    pytest.param("办结率最低的是甲县,为91.2%,乙区和丙区分别为92.7%、93.1%,排在第二、第三位。", id="ranked from the lowest"),
    pytest.param("2024年全市重点推进十大领域项目建设,完成投资情况如下:\n①先进制造业 120亿元\n②现代服务业 98亿元\n"
                 "③交通基础设施 150亿元\n", id="a numbered set is no ranking"),
    pytest.param("本月受理诉求5000件,其中直接答复3000件,转办1000件,办结2380件,办结率99.2%。", id="a stage count with its rate"),
    pytest.param("本月共受理诉求9900件。咨询类5000件,占50.5%;投诉类3900件,占39.4%。反映营商环境问题的企业诉求1200件,占12.1%。",
                 id="a cross-cutting figure in the next sentence"),
])
def test_no_false_alarm_review4(text: str) -> None:
    assert parse(text).diagnostics == []


@pytest.mark.parametrize("text", [
    pytest.param("全县累计转移群众620人;出动消防救援人员536名,救出被困群众86人。", id="people of different doings"),
    pytest.param("全校共有教职工1260人,其中专任教师1050名、党员320名。", id="a trait that cuts across"),
    pytest.param("全镇共有志愿者860人,其中党员志愿者320名,青年志愿者580名。", id="two traits that overlap"),
])
def test_no_false_alarm_on_people_counts(text: str) -> None:
    assert parse(text).diagnostics == []


def test_shares_of_two_overlapping_industries_prove_nothing() -> None:
    doc = parse("全市高新技术产业和装备制造业增加值占规模以上工业的比重分别为48.5%和62.3%。")
    assert doc.diagnostics == []
