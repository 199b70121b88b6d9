"""Checks an editor can trust (issue 12): the invented cases of the issue and of the checks review
(`../shared/reviews/checks-2026-12.md`), each as it must come out. Structure comes from the language;
arithmetic only gives the verdict."""

from __future__ import annotations

import pytest

from gov_news_extract import parse
from gov_news_extract.models import Breakdown, Document, Ranking

# (origin, text, the findings as (rule, text of the flagged figure or None for any))
FINDINGS: list[tuple[str, str, list[tuple[str, str | None]]]] = [
    ("B1 forced rounding is one share per breakdown",
     "上半年共收到群众来信150件。按类别分:住房类52件(34.7%);交通类38件(25.4%);教育类27件(18.1%);"
     "医疗类19件(12.6%);其他类14件(9.2%)。",
     [("share-of-total", "25.4%"), ("share-of-total", "18.1%"), ("share-of-total", "9.2%")]),
    ("D1 a headline figure does not take over the body's list",
     "一周受理供暖诉求820件\n本报讯 本周,热线受理供暖诉求802件,同比增长5.1%。市民主要反映室温不达标410件,占50.00%;"
     "管道漏水205件,占25.00%。",
     [("*", None)]),
    ("D2 a list under a later section divides the whole stated before",
     "本月共受理各类诉求5000件,同比下降3.2%。\n二、办理情况\n本月,热线直接解答诉求3000件,向成员单位转派2100件。",
     [("parts-sum", "5000件")]),
    ("D3 a part the list holds is kept whatever the sum",
     "今年上半年共登记案件5000件。其中投诉3200件,占64%;举报1790件,占36%;咨询12件。",
     [("parts-sum", "5000件")]),
    ("B2 the overlap guard matches whole category words only",
     "今年一季度,信箱共收到来信150件。\n从问题分布来看,住房类60件,交通类40件,退役军人事务类30件,其他类22件。",
     [("parts-sum", "150件")]),
    ("D3 of two shares the one written to a decimal that fits names the whole; the slip stays a part",
     "12月共受理各类案件1054件,其中立案996件,结案911件,结案率91.47%。\n1、巡查上报953件,占总案件的95.68%;\n"
     "2、有效举报46件,占总案件的4.32%。",
     [("parts-sum", "996件")]),
    ("D2 answered and passed on divide what came in, laid out as captions over figures",
     "▶ 总量\n共受理群众诉求\n**68472**件\n\n▶ 诉求怎么办？\n热线坐席直接答复\n**35332**件\n转派承办单位\n**35460**件\n",
     [("parts-sum", "68472**件")]),
    ("D3 a total after the list that counts its parts (三个区县合计) stays theirs under a slip",
     "诉求受理量排在前三位的依次是南塘区、北湖区和石桥县,分别受理31268件、27904件和23256件,三个区县合计80907件。",
     [("parts-sum", "80907件")]),
    ("D2 a long name before 中 names the whole its list divides, whatever the sum",
     "全市医疗卫生机构4286个,其中医院96个,基层医疗卫生机构4102个,专业公共卫生机构64个,其他医疗卫生机构24个。"
     "基层医疗卫生机构中,社区卫生服务中心(站)318个,乡镇卫生院142个,村卫生室2469个,门诊部、诊所及医务室1255个。",
     [("parts-sum", "4102个")]),
    ("D3 a list that ends with what is left (剩余) divides the whole before it, whatever the sum",
     "城西片区此前共有400户居民使用瓶装液化气。第一批218户已于10月底通气,第二批126户本月通气,剩余60户将在春节前完工。",
     [("parts-sum", "400户")]),
    ("C3 a change in the overview restated in its section, 同比 carried from the first clause",
     "1—10月,全市规模以上工业增加值同比增长7.3%,固定资产投资增长3.6%,社会消费品零售总额增长5.2%。\n"
     "二、固定资产投资\n1—10月,全市固定资产投资同比增长4.1%。",
     [("restated-figure", "同比增长4.1%")]),
    ("heldout13 a 环比 column in a table whose rows are months in turn: against the row before",
     "2023年二季度全县工业用电量月度情况\n月份    用电量(万千瓦时)    环比(%)\n4月    3260    2.1\n"
     "5月    3405    4.4\n6月    3512    5.9\n",
     [("growth-rate", "5.9")]),
    ("realI a top few said in order (依次) with one out of place",
     "服务类投诉中,居前三位的依次是:餐饮服务310件、美容美发96件、家政服务120件。",
     [("ranking-order", "120件")]),
    ("realI a top few named without an order word still flags a single slip",
     "服务类投诉中,居前四位的是:餐饮服务310件、美容美发96件、家政服务120件、维修服务80件。",
     [("ranking-order", "120件")]),
    ("realJ a rate named by the count's measure word (举报量 of 消费者举报) is the count's",
     "二季度受理消费者举报3618件,比去年同期增加433件,举报量增长12%。",
     [("growth-rate", "增长12%")]),
    ("realH a growth rate that states no basis, restated in its section against the summary's 同比",
     "一季度,全区规上工业增加值同比增长8.4%,社会消费品零售总额增长4.1%。\n"
     "工业保持平稳增长。规上工业增加值增长3.7%,高于全国0.7个百分点。\n"
     "消费市场保持平稳增长。社会消费品零售总额实现303.1亿元,增长4.1%。",
     [("restated-figure", "增长3.7%")]),
    ("realH a growth rate that states no basis is against a year before: two values for one period",
     "1—10月,全市固定资产投资同比增长4.1%;工业投资增长11.9%。\n1—10月,全市工业投资同比增长13.4%。",
     [("restated-figure", "同比增长13.4%")]),
    ("realK a table's cell stated again in the text under its row and column",
     "1. 各县(共4家):2月份,甲县考评得分为145.76分,乙县145.35分。\n| 单位 | 总工单数 | 得分 | 排名 |\n"
     "| 甲县 | 1115 | 175.76 | 1 |\n| 乙县 | 1955 | 145.35 | 2 |",
     [("restated-figure", "145.76分")]),
    ("realM shares of the whole pointed back at (占此类问题的…) are the list's shares",
     "城区内还未供暖的889件中,由供暖企业直供的共有729件,占此类问题的87%;由换热站转供供暖的共有160件,占此类问题的18%。",
     [("shares-sum", "87%")]),
    ("realL a part's share given later under its own name, of the whole named as the breakdown's total",
     "全年地区生产总值20164.58亿元。其中,第一产业增加值2861.18亿元;第二产业增加值7113.03亿元;第三产业增加值10190.37亿元。"
     "第一产业增加值占地区生产总值的比重为19.2%;第二产业增加值占地区生产总值的比重为35.3%;"
     "第三产业增加值占地区生产总值的比重为50.5%。",
     [("share-of-total", "19.2%"), ("shares-sum", "19.2%")]),
    ("realP shares one a clause, each naming the same whole, are one list of its shares",
     "第一产业增加值占生产总值的比重为27%,第二产业增加值占生产总值的比重为23.5%,第三产业增加值占生产总值的比重为54.5%。",
     [("shares-sum", "27%")]),
    ("realH a rate against the year before, stated on the figures the page gives",
     "上半年,全市热线共受理群众诉求71653件,受理量与去年同期77773件相比,下降7.3%。",
     [("growth-rate", "下降7.3%")]),
    ("heldout13 a share that gives its whole's name in full",
     "上半年,全县实现农林牧渔业总产值52.40亿元,同比增长3.6%。其中,种植业产值30.12亿元,"
     "占全县农林牧渔业总产值的54.5%。",
     [("share-of-total", "54.5%")]),
]

# (origin, text, breakdowns as [(total or None, [part labels])], rankings as [[item labels]])
CLEAN: list[tuple[str, str, list[tuple[str | None, list[str]]], list[list[str]]]] = [
    ("realH a rate on a figure set apart (排除…后) is checked against no figure of the page",
     "上半年,全市热线共受理群众诉求71653件,排除疫情相关诉求后,受理量与去年同期77773件相比,下降8.3%。", [], []),
    ("realH each category with what of it was dealt with (办结): the stages are the category's own, and "
     "其中 divides what was taken in, not what was dealt with",
     "本季度,便民热线共受理来电6300件,办结5980件。其中,咨询类3100件,办结3050件;投诉类2400件,办结2200件;"
     "无效来电800件。",
     [("6300", ["咨询类", "投诉类", "无效来电"])], []),
    ("realH a category's rest after its stage (办结…,其余…) is the category's own",
     "本月共受理信件1200件。其中,求助类信件500件,办结460件,其余为正在办理的信件40件;建议类信件700件,办结690件。",
     [("1200", ["求助类", "建议类"])], []),
    ("realH a list among two named parts (在甲和乙中) divides them together, a whole no figure states",
     "全年共登记诉求9000件,其中政务服务类5000件,公共服务类3600件,无效诉求400件。"
     "在政务服务类和公共服务类中,咨询4100件,投诉3000件,求助1500件。",
     [("9000", ["政务服务类", "公共服务类", "无效诉求"]), (None, ["咨询", "投诉", "求助"])], []),
    ("realH counts that each give their share are one list whatever their measure words, and the shares "
     "choose a whole counted in another",
     "今年前三季度,市民服务中心共受理各类诉求50000件。从渠道看,接听电话42000个,占84.00%;"
     "受理网站留言5000条,占10.00%;受理短信3000条,占6.00%。",
     [("50000", ["接听电话", "网站留言", "短信"])], []),
    ("realI a top few named without an order word (居前五位的是) and out of order more than one slip makes "
     "claims no order",
     "服务类投诉中,居前五位的是:餐饮服务150件、美容美发84件、教育培训服务203件、维修服务59件、销售服务840件。",
     [], [["餐饮服务", "美容美发", "教育培训服务", "维修服务", "销售服务"]]),
    ("realJ a rate of another metric after a count and its change (…项目12个,同比增加6个,完成投资同比增长47倍)",
     "从规模看,亿元以上基础设施项目65个,同比增加20个,完成投资同比增长3.1倍。", [], []),
    ("realJ the province's figures and its cities' in the next paragraph are two scopes, not one figure "
     "restated, however close",
     "9月,全省政务热线共受理群众诉求1,620,949件,办结1,381,908件。\n"
     "9月,各市政务热线共受理群众诉求1,549,926件,办结1,314,789件。", [], []),
    ("realJ contribution rates given as one 分别 list divide the growth",
     "全年全县生产总值增长7.5%,三次产业对经济增长的贡献率分别为4.1%、40.2%和55.7%。",
     [(None, ["第一产业", "第二产业", "第三产业"])], []),
    ("realL 其中 after a share's base (占应收面积…的) divides what the sentence states, not the base",
     "全县秋粮已收获50.5万亩,占应收面积80.2万亩的63.0%。其中水稻10.5万亩,玉米30.0万亩,马铃薯10.0万亩。",
     [("505000.0", ["水稻", "玉米", "马铃薯"])], []),
    ("realJ a table row's growth for the month and for the months to date are two measures",
     "| 指标 | 本月 | 比去年同月增长(%) | 1-本月 | 比去年同期增长(%) |\n| 社会消费品零售总额(亿元) | 450.2 | 5.2 | 1545.2 | 4.8 |\n"
     "| 商品零售(亿元) | 400.1 | 4.9 | 1380.5 | 4.4 |", [], []),
    ("realK a list among what the whole counts (本月来信中), its first a category holding 共 in 公共",
     "8月,市长信箱共收到群众来信200件。\n本月来信中,反映公共服务类16件,文体科教类65件,市场管理类19件,"
     "城市管理类60件,政务服务类25件,民主法制类12件,表扬感谢3件。",
     [("200", ["公共服务类", "文体科教类", "市场管理类", "城市管理类", "政务服务类", "民主法制类", "表扬感谢"])], []),
    ("realN a small count that is a part of the list before is no whole a later list's sum finds",
     "从累计增速看,有7个行业增幅扩大,2个行业增速由负转正,6个行业降幅收窄,9个行业持平。"
     "从月度增速看,有4个行业增幅扩大,5个行业增速由负转正,7个行业降幅收窄。",
     [(None, ["行业增幅", "行业增速由负转正", "行业降幅", "行业持平"]), (None, ["行业增幅", "行业增速由负转正", "行业降幅"])],
     []),
    ("realL parts after 其中 each with its verb, the first naming its metric after the verb, are one list",
     "今年1月至11月,全省累计生产原煤1.1亿吨。其中,国有重点煤炭企业完成原煤产量6095万吨,增长14.5%;"
     "地方国有煤矿完成1851万吨,增长13.2%;乡镇煤矿完成3031万吨,增长60.5%。",
     [("110000000.0", ["国有重点煤炭企业完成原煤产量", "地方国有煤矿", "乡镇煤矿"])], []),
    ("realO a figure with its share of a wider whole is still the whole of the 其中 list after it",
     "各区的立案总数为4152件,占当月立案总数的91.17%。其中武进区1272件,占30.64%;新北区858件,占20.66%;"
     "天宁区872件,占21.00%;钟楼区1150件,占27.70%。",
     [("4152", ["武进区", "新北区", "天宁区", "钟楼区"])], []),
    ("realJ figures another is compared with (较…) are no parts of a list with it",
     "全市人口326.3万人,较夜间停留人口261.1万人,多65.2万人,较户籍人口251.0万人,多75.3万人。", [], []),
    ("C1 one list after 其中, no sub-total by a near sum",
     "本周共受理诉求905件,其中咨询500件、求助200件、投诉190件、建议12件、表扬3件。",
     [("905", ["咨询", "求助", "投诉", "建议", "表扬"])], []),
    ("C1 two lists of one total in one sentence",
     "元旦三天,服务热线共接听来电1200个,其中东城区500个,西城区300个;按类型分咨询700个、求助220个、投诉230个、"
     "建议30个、表扬20个。",
     [("1200", ["东城区", "西城区"]), ("1200", ["咨询", "求助", "投诉", "建议", "表扬"])], []),
    ("C5 a remark in brackets after the total is no part",
     "本月办结工单共900件(另有50件转入下月办理),已解决800件,未解决100件。",
     [("900", ["已解决", "未解决"])], []),
    ("C6 sub-figures in brackets on ranked items",
     "本月受理量居前三位的街道是:东湖街道(直办300件,转办420件)、西湖街道(直办250件,转办380件)、"
     "南湖街道(直办280件,转办300件)。",
     [], [["东湖街道", "西湖街道", "南湖街道"]]),
    ("C1 a whole counted in another unit counts the names; its 其中 list takes no sub-total by a sum",
     "本月工單共涉及30個單位,其中東坪鎮17件,洛陽鎮5件,人社局9件,黨校1件,供電局3件,政府辦5件。",
     [(None, ["東坪鎮", "洛陽鎮", "人社局", "黨校", "供電局", "政府辦"])], []),
    ("B3 no finding rests on an approximate whole's exact value (约有400户, parts 404)",
     "城西片区此前约有400户居民使用瓶装液化气。第一批218户已于10月底通气,第二批126户本月通气,剩余60户将在春节前完工。",
     [("400", ["第一批", "第二批", "剩余"])], []),
]

KNOWN_FAILURES: dict[str, str] = {
}


def _params(cases: list[tuple[str, ...]]) -> list[object]:
    return [pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(strict=True, reason=KNOWN_FAILURES[c[0]])]
                         if c[0] in KNOWN_FAILURES else []) for c in cases]


def _alarms(doc: Document) -> list[tuple[str, str]]:
    return [(d.rule, d.span.text) for d in doc.diagnostics if d.severity in ("error", "warning")]


@pytest.mark.parametrize(("text", "want"), _params(FINDINGS))  # type: ignore[arg-type]
def test_finding(text: str, want: list[tuple[str, str | None]]) -> None:
    got = _alarms(parse(text))
    if want == [("*", None)]:
        assert got, "a finding, not silence"
        return
    for rule, span in want:
        assert any(r == rule and (span is None or s == span) for r, s in got), (rule, span, got)
    assert len(got) == len(want), got


@pytest.mark.parametrize(("text", "breakdowns", "rankings"), _params(CLEAN))  # type: ignore[arg-type]
def test_clean(text: str, breakdowns: list[tuple[str | None, list[str]]], rankings: list[list[str]]) -> None:
    doc = parse(text)
    assert _alarms(doc) == []
    bds = [f for f in doc.facts() if isinstance(f, Breakdown)]
    got = [(None if b.total is None else str(b.total), [p.label for p in b.parts]) for b in bds]
    assert got == breakdowns
    rks = [[i.label for i in f.items] for f in doc.facts() if isinstance(f, Ranking)]
    assert rks == rankings


# (origin, text, the rankings' items)
RANKINGS: list[tuple[str, str, list[list[str]]]] = [
    ("real set E: a criterion with a count of its own, names then their figures after 分别",
     "各城市PM2.5平均浓度最低的3个城市依次是甲市、乙市和丙市,分别为47、55和55微克/立方米。",
     [["甲市", "乙市", "丙市"]]),
    ("real set E: a criterion that introduces its list with a colon",
     "工单数量较多的单位为:住建局1468件(同比上升22.03%),城管局1076件(同比上升63.03%),公安局770件。",
     [["住建局", "城管局", "公安局"]]),
    ("heldout13 names in order of a stated criterion, 及 before the last",
     "接待人次最多的三个景点依次为甲公园、乙街区及丙缆车,各景点情况如下。",
     [["甲公园", "乙街区", "丙缆车"]]),
    ("realJ ranked lines opened by their rank written out (第一是…、), blank lines between, as a web copy sets them",
     "全年共受理群众来电86.5万件,来电量排在前三位的有:\n\n第一是物业服务、12.6万件;\n\n"
     "第二是供暖供热、9.8万件,主要反映室温不达标等问题;\n\n第三是交通出行、7.1万件,主要反映公交线路等问题。",
     [["物业服务", "供暖供热", "交通出行"]]),
    ("realI names before the rank verb, the last joined by 以及",
     "综合留言热度与办理效度,甲省、乙省以及丙省位列前三。", [["甲省", "乙省", "丙省"]]),
    ("realH a top few counted by kinds (前三类问题是…)",
     "夏令热线1个小时内来电量271个,市民关注的前三类问题是违法建筑、公交线路营运、乱设摊。",
     [["违法建筑", "公交线路营运", "乱设摊"]]),
    ("R1 names ranked, then a remark in brackets",
     "本月诉求量位居前四的类别为:噪音扰民、停车管理、物业服务、供水供电(具体详见附件3)。",
     [["噪音扰民", "停车管理", "物业服务", "供水供电"]]),
    ("R2 a chain A>B>C with shares in brackets",
     "投诉量排名前三位的服务项目是,美容美发(占服务投诉的30%)>健身(12%)>家政(9%)。",
     [["美容美发", "健身", "家政"]]),
    ("R2 a chain with a name in brackets",
     "排名前三位的商品类投诉是,食品(占商品投诉的18%)>(交通工具)13%>服装鞋帽(9%)。",
     [["食品", "交通工具", "服装鞋帽"]]),
    ("R3 排名前N位主要涉及, then the items with their figures",
     "受理举报1200件。排名前三位主要涉及,价格违法行为300件,占举报量的25%;广告违法行为200件,占举报量的17%;"
     "食品安全问题150件(其中过期食品60件),占举报量的12.5%。",
     [["价格违法行为", "广告违法行为", "食品安全问题"]]),
    ("R4 ranked categories are named without the counted noun",
     "排名前三的类别如下:城建类信件共116件,占23.3%;社保类信件共76件,占15.3%;治安类信件共54件,占10.9%。",
     [["城建类", "社保类", "治安类"]]),
]


@pytest.mark.parametrize(("text", "rankings"), _params(RANKINGS))  # type: ignore[arg-type]
def test_ranking(text: str, rankings: list[list[str]]) -> None:
    doc = parse(text)
    assert [[i.label for i in f.items] for f in doc.facts() if isinstance(f, Ranking)] == rankings
    assert _alarms(doc) == []


@pytest.mark.parametrize("text", [
    pytest.param("2023年二季度全县工业用电量月度情况\n月份    用电量(万千瓦时)    环比(%)\n4月    3260    2.1\n"
                 "5月    3405    4.4\n6月    3512    3.1\n", id="heldout13 months in turn, each 环比 right"),
    pytest.param("上半年,全县实现农林牧渔业总产值52.40亿元,同比增长3.6%。其中,种植业产值30.12亿元,"
                 "占全县农林牧渔业总产值的57.5%。", id="heldout13 a share naming its whole, right"),
    pytest.param("2023年各季度情况\n季度    产值(亿元)    同比(%)\n一季度    12.1    3.0\n二季度    13.5    9.9\n",
                 id="a 同比 column is against last year, never the row before"),
    pytest.param("1—6月,全区非税收入5.40亿元,去年同期为4.80亿元;其中行政事业性收费收入1.62亿元,"
                 "占全区非税收入的30.0%。", id="heldout3 last year's figure is no whole a share names"),
    pytest.param("当天共接听市民来电5588个。其中,反映供暖类问题来电3075个,在居民生活类问题中,供暖问题占比为93.58%。"
                 "市民反映已到供暖时间还未供暖的1498件,占问题总量的48.72%。",
                 id="realM a share framed by a whole of its own (在…中) is no share of the figure before it"),
    pytest.param("1. 各县(共4家,满分为150分):2月份,甲县考评得分为145.76分。\n2.各区(共5家,满分为100分):乙区考评得分为100分。\n"
                 "3. 市各部门(共67家,满分为100分):本月丙局得分99分。",
                 id="realK the same words in asides of different names are different scopes"),
    pytest.param("全市人口326.3万人,较夜间停留人口261.1万人,多65.2万人(25.0%)。",
                 id="review the figure a change is measured against is its base, not its current figure"),
    pytest.param("**重点** " * 40 + "服务类投诉中,居前五位的是:餐饮服务150件、美容美发84件、教育培训服务203件、维修服务59件、"
                 "销售服务840件。其他类投诉分别为10件和9件。",
                 id="review whether a ranking states its order is read off the text's own offsets"),
    pytest.param("1-6月,原煤产量1657.8万吨,同比下降14.3%;其中,县属企业完成1094.2万吨,同比下降17.1%;"
                 "精煤产量947.5万吨,同比下降25.1%;其中,县属企业完成711.1万吨,同比下降25.2%。",
                 id="realP one name's two figures of one period, each with its rate, are two scopes"),
    pytest.param("年平均約廿四萬通,詢問最多的是市政諮詢、約佔五成五,其次是陳情檢舉案約一成八,轉接至市府各部門分機占一成四,"
                 "其他議題占一成二。", id="realP a 其他 closes a list whose first parts the grammar did not take"),
])
def test_clean_against_the_row_before_or_the_named_whole(text: str) -> None:
    assert _alarms(parse(text)) == []


def test_changes_of_two_names_or_two_bases_are_two_figures() -> None:
    doc = parse("1—10月,全市固定资产投资同比增长4.1%,环比增长1.2%。\n1—10月,全市固定资产投资同比增长4.1%;"
                "工业投资环比增长11.9%。\n1—10月,全市工业投资同比增长13.4%。")
    # 环比 is another basis than 同比, for the whole and for 工业投资 alike
    assert _alarms(doc) == []


def test_a_chain_out_of_order_is_flagged() -> None:
    doc = parse("投诉量排名前三位的服务项目是,美容美发(占服务投诉的30%)>健身(32%)>家政(9%)。")
    assert ("ranking-order", "32%") in _alarms(doc)


@pytest.mark.parametrize(("text", "rules"), [
    pytest.param("上月共收到工单500件。其中:投诉类300件,占比率为65.00%;咨询类200件,占比率为40.00%。",
                 {"shares-sum", "share-of-total"}, id="A1 占比率 is a share word, not a whole it names"),
    pytest.param("三次产业比例由上年的14.5:41.2:49.3变为9.1:40.8:50.1。", {"shares-sum"},
                 id="A2 the former structure is a breakdown of its own"),
    pytest.param("全年列入督办的事项共200件(含省级督办30件),已办结150件(含省级督办办结25件),另有60件仍在推进。",
                 {"parts-sum"}, id="A4 sub-counts in brackets do not break a status split"),
])
def test_review_extraction_causes(text: str, rules: set[str]) -> None:
    assert rules <= {d.rule for d in parse(text).diagnostics if d.severity in ("error", "warning")}


@pytest.mark.parametrize(("first", "flagged"), [("48.3", False), ("53.3", True)])
def test_approximate_shares_stated_to_a_decimal_still_sum(first: str, flagged: bool) -> None:
    """约占48.3%、39.1%、12.6%: 约 covers the last places of a figure stated to a decimal, not five points
    (sweep w038's shape under perturb.py)."""
    text = f"全国接到的举报中,热线电话共24998件,约占{first}%,微信举报20227件,约占39.1%,网上举报6499件,约占12.6%。"
    assert ("shares-sum" in [rule for rule, _ in _alarms(parse(text))]) is flagged
