"""Article segmentation and bylines, on invented pages and on the shared corpus."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import shared_corpus
from gov_news_extract import parse
from gov_news_extract.layout.articles import ArticleBlock, analyse, segment
from gov_news_extract.text.normalise import normalise


def _people(text: str) -> list[list[tuple[str, str]]]:
    doc = parse(text)
    return [[(p.role, p.name) for p in (a.byline.people if a.byline else [])] for a in doc.articles]


def _titles(text: str) -> list[str | None]:
    return [a.title for a in parse(text).articles]


# ------------------------------------------------------------------ bylines
BYLINES = [
    # datelines with a bracketed byline
    ("本报讯(记者 张立新 通讯员 李晓红)近日,全市开展春季植树活动。", [("记者", "张立新"), ("通讯员", "李晓红")]),
    ("本报北京3月5日电(记者王海)国家部委今天发布数据。", [("记者", "王海")]),
    ("新华社上海6月1日电(记者 赵明、钱小雨)本市夏粮收购工作全面展开。", [("记者", "赵明"), ("记者", "钱小雨")]),
    ("人民网广州8月2日电 (记者孙立)今天,广东发布统计数据。", [("记者", "孙立")]),
    ("江城日报讯(记者 周立新 见习记者 吴晓梅)昨天,市里召开大会。", [("记者", "周立新"), ("见习记者", "吴晓梅")]),
    ("江城网讯(通讯员 刘芳 实习生 陈浩然)近日,区里举行活动。", [("通讯员", "刘芳"), ("实习生", "陈浩然")]),
    ("海滨网-海滨晚报讯(特约记者 郑一鸣)昨日上午,市里召开会议。", [("特约记者", "郑一鸣")]),
    ("中新网(记者 陶然)7月1日,有关部门公布数据。", [("记者", "陶然")]),
    # several people per role, every kind of separator, compound surnames
    ("本报讯(记者 欧阳晓 司马南)近日全市举行活动。", [("记者", "欧阳晓"), ("记者", "司马南")]),
    ("本报讯(记者\u3000张三丰\u3000李四海)近日全市举行活动。", [("记者", "张三丰"), ("记者", "李四海")]),
    ("本报讯(记者张三丰,李四海)近日全市举行活动。", [("记者", "张三丰"), ("记者", "李四海")]),
    ("本报讯(记者\u3000王\u3000军\u3000通讯员\u3000李\u3000明)近日全市举行活动。", [("记者", "王军"), ("通讯员", "李明")]),
    # inline reporters and 作者 after the dateline
    ("本报南京5月1日讯 记者何家明从市商务局获悉:今年以来消费回暖。", [("记者", "何家明")]),
    ("本报12月6日讯 作者:黄海燕 今天,市统计局发布数据。", [("作者", "黄海燕")]),
    ("本报记者林海报道 本市今年完成投资300亿元。", [("记者", "林海")]),
    # a credit 采写 whose reporter's role carries the outlet (real set E, a digest page)
    ("专家解读经济数据\n采写:南都记者 丁境炫 编辑:梁建忠\n9月16日,国新办举行发布会。", [("记者", "丁境炫"), ("编辑", "梁建忠")]),
    # a web metadata line whose 作者 field names roles of its own (heldout13)
    ("某市热线运行良好\n2024-10-16 08:47:21 来源:某某日报 作者:记者 张明 通讯员 李华\n本报讯 全市热线受理诉求1000件。",
     [("记者", "张明"), ("通讯员", "李华")]),
    # closing signatures
    ("全市夏粮再获丰收。\n全市粮食产量达到120万吨,增长3%。\n(郑强)", [("作者", "郑强")]),
    ("今天全市召开会议,部署工作。(记者 黄伟 通讯员 蔡明)", [("记者", "黄伟"), ("通讯员", "蔡明")]),
    ("今天全市召開會議,部署工作。(記者 黃偉通訊員 蔡明", [("记者", "黃偉"), ("通讯员", "蔡明")]),
    ("今天上午,某处发生一起事故。(江城网 王芳 实习生 赵磊)", [("记者", "王芳"), ("实习生", "赵磊")]),
    ("全市经济运行平稳。\n(责编:杨柳、吕方)", [("责任编辑", "杨柳"), ("责任编辑", "吕方")]),
    ("全市经济运行平稳。\n\n责任编辑:王丽 校对:赵强", [("责任编辑", "王丽")]),
    # photo credits are role 记者
    ("市民在公园里赏花。记者 何平 摄", [("记者", "何平")]),
    ("市民在公园里赏花(4月2日摄)。新华社记者吴刚摄", [("记者", "吴刚")]),
    # no people here
    ("全市经济运行良好,增长5%。(单位:亿元)", []),
    ("全市经济运行良好。(见附件)", []),
    # a paper and its site before a local dateline; two names set with nothing between them
    ("江城日报/江城网江城讯(通讯员 周立新 刘芳 报道)近日,区里举行活动。", [("通讯员", "周立新"), ("通讯员", "刘芳")]),
    ("本报讯(通讯员周立新刘芳报道)近日,区里举行活动。", [("通讯员", "周立新"), ("通讯员", "刘芳")]),
    ("本报讯(记者王海孙立新)近日,区里举行活动。", [("记者", "王海"), ("记者", "孙立新")]),
    # an inline reporter whose name the date follows with no space (the normaliser drops it)
    ("江城网讯 记者周立新 15日上午,市里召开新闻发布会。", [("记者", "周立新")]),
    # a photo's caption over the lead, its photographer credited role first: no headline, one person
    ("市统计局新闻发言人周立新介绍经济运行情况 摄影王海\n江城网讯 记者王海 15日上午,市里召开新闻发布会。",
     [("记者", "王海")]),
    # a site with its paper in brackets before 讯; the intern's photo credit adds no second person
    ("江城网(江城日报网)讯(记者周立新、通讯员刘芳 王海、实习生陈浩然)25日,区里召开发布会。\n图为发布会现场。陈浩然 摄",
     [("记者", "周立新"), ("通讯员", "刘芳"), ("通讯员", "王海"), ("实习生", "陈浩然")]),
    ("昨日,记者从市热线中心了解到,全市共受理诉求100件。", []),
    ("市民王先生向记者介绍,他昨天打了热线。", []),
    ("央视网消息(新闻联播):今天举行发布会。", []),
]


@pytest.mark.parametrize(("text", "people"), BYLINES)
def test_byline(text: str, people: list[tuple[str, str]]) -> None:
    assert _people(text)[0] == people


def test_a_credit_row_of_cells_is_a_byline_under_its_headline() -> None:
    # realJ: an app's copy sets the outlet and the reporter as cells of one row
    text = "全市去年受理群众来电300多万件,反映最多的是这些事儿\n江城晚报客户端 | 记者 林晓\n\n今天上午,市热线中心发布年度报告。"
    doc = parse(text)
    assert _titles(text) == ["全市去年受理群众来电300多万件,反映最多的是这些事儿"]
    assert _people(text)[0] == [("记者", "林晓")]
    assert doc.articles[0].byline is not None


@pytest.mark.parametrize("text", [
    # realK: a two-character name padded to the width of three, closing the article on its own line
    "热线年受理来电13万\n本报讯 去年,市长热线共受理群众来电13万个。\n  (周 锋)\n(责任编辑:正强)",
    # sweep: the closing name after the last sentence and a space
    "热线年受理来电13万\n本报讯 去年,市长热线共受理群众来电13万个,办结率98%。 (周锋)",
])
def test_a_closing_name_in_brackets_is_the_author(text: str) -> None:
    assert ("作者", "周锋") in _people(text)[0]


def test_a_caption_closing_with_its_photographer_is_no_headline() -> None:
    assert _titles("市统计局新闻发言人周立新介绍经济运行情况 摄影王海\n江城网讯 记者王海 15日上午,市里召开新闻发布会。") == [None]


def test_xinhua_title_and_separate_reporter_line() -> None:
    text = "新华社北京5月3日电 题:春天里的好消息\n\n新华社记者\n\n今年以来,各地经济运行良好。"
    doc = parse(text)
    assert doc.articles[0].title == "春天里的好消息"
    assert doc.articles[0].byline is not None
    assert doc.articles[0].byline.people == []
    assert doc.articles[0].byline.agency == "新华社"


def test_agency_keeps_xun() -> None:
    doc = parse("江城日报讯(记者 周立新)昨天,市里召开大会。")
    assert doc.articles[0].byline is not None
    assert doc.articles[0].byline.agency == "江城日报讯"


# ------------------------------------------------------------------ segmentation
TWO_ITEMS = (
    "市区新增公园绿地20处\n"
    "本报讯(记者 张立新)今年以来,全市新增公园绿地20处,面积达到100公顷。\n"
    "市里表示,明年还将继续增加。\n"
    "全市完成植树造林5万亩\n"
    "本报讯(通讯员 李晓红)今年春季,全市完成植树造林5万亩,同比增长10%。\n"
)

INFOGRAPHIC_PAGE = (
    "一季度\n\n全市新增就业\n**1.2**万人\n\n完成全年目标\n**30%**\n\n"
    "全市一季度就业形势稳定\n\n登记失业率2.9%\n\n"
    "本报讯(记者 孙立新 实习生 王一平)4月9日,记者从市人社局获悉,一季度全市新增就业1.2万人。\n\n"
    "下一步,全市将继续做好就业服务工作,帮助更多劳动者就业。\n\n"
    "市民在社区食堂就餐\n\n"
    "社区食堂开门迎客\n\n"
    "本报讯(记者 唐海)4月8日,东湖区首批社区食堂开门营业,两荤两素一汤标价12元。\n\n"
    "【城事漫谈】\n\n"
    "让服务更贴心\n\n"
    "□王红梅\n\n"
    "近日,笔者来到政务大厅,看到了很多变化,办事群众都说方便。\n"
)


def test_two_items_with_own_headlines() -> None:
    assert _titles(TWO_ITEMS) == ["市区新增公园绿地20处", "全市完成植树造林5万亩"]
    assert _people(TWO_ITEMS) == [[("记者", "张立新")], [("通讯员", "李晓红")]]


def test_infographic_caption_column_and_commentary() -> None:
    doc = parse(INFOGRAPHIC_PAGE)
    assert [a.title for a in doc.articles] == ["全市一季度就业形势稳定", "社区食堂开门迎客", "让服务更贴心"]
    assert doc.articles[2].column == "城事漫谈"
    assert _people(INFOGRAPHIC_PAGE) == [
        [("记者", "孙立新"), ("实习生", "王一平")],
        [("记者", "唐海")],
        [("作者", "王红梅")],
    ]
    # the photo caption above a headline belongs to the article below it
    caption = INFOGRAPHIC_PAGE.index("市民在社区食堂就餐")
    assert doc.articles[1].span.start <= caption < doc.articles[1].span.end
    # the infographic before the first headline belongs to the first article
    assert doc.articles[0].span.start == 0


def test_kicker_main_subtitle() -> None:
    text = (
        "聚焦高质量发展\n全市规上工业增加值增长8%\n制造业成为主要拉动力量\n"
        "本报讯(记者 王海)市统计局昨日发布数据,一季度全市规上工业增加值增长8%。\n"
        "一、制造业增长较快\n制造业增加值增长9%,拉动全市工业增长6个百分点。\n"
    )
    doc = parse(text)
    assert len(doc.articles) == 1
    assert doc.articles[0].title == "全市规上工业增加值增长8%"
    assert doc.articles[0].subtitles == ["聚焦高质量发展", "制造业成为主要拉动力量"]


def test_subheadings_do_not_split_an_article() -> None:
    text = (
        "全市一季度经济运行情况\n发布时间:2024-04-20 10:00  来源:市统计局  浏览次数:123\n"
        "一季度,全市生产总值增长5%,增速比上年同期加快0.5个百分点。\n"
        "工业生产稳中有升\n规上工业增加值增长6%,其中制造业增长7%。\n"
    )
    assert _titles(text) == ["全市一季度经济运行情况"]


def test_bracketed_section_heads_do_not_split_a_report() -> None:
    text = ("某区12345热线6月运行简报\n2024年第6期\n\n【总体情况】\n6月,全区共受理群众诉求2000件,环比增长3.9%。\n\n"
            "【办理情况】\n6月共办结工单1900件,办结率95.0%。\n")
    assert _titles(text) == ["某区12345热线6月运行简报"]


def test_headlines_behind_block_markers() -> None:
    text = ("■甲镇8600亩冬小麦完成播种\n本报讯 近日,甲镇8600亩冬小麦全部完成播种。(通讯员 张三)\n\n"
            "■县图书馆首个阅读日吸引读者\n本报讯 县图书馆举办阅读日活动,吸引读者1260人次。(记者 李四)\n")
    assert _titles(text) == ["甲镇8600亩冬小麦完成播种", "县图书馆首个阅读日吸引读者"]


def test_indicator_lines_of_a_figure_box_are_not_headlines() -> None:
    text = ("全市前10月经济运行平稳\n本报讯 前10月全市经济运行平稳。\n■地区生产总值(前三季度):386.2亿元,同比增长5.6%\n"
            "■社会消费品零售总额:142.73亿元,同比增长4.9%\n")
    assert _titles(text) == ["全市前10月经济运行平稳"]


def test_letterhead_and_a_heading_over_two_lines() -> None:
    text = ("某市人民政府办公室文件\n\n某市12345政务服务便民热线\n2024年10月份运行情况通报\n\n各县(市、区)人民政府:\n"
            "现将运行情况通报如下。\n一、总体情况\n10月份,共受理诉求5000件。\n")
    assert _titles(text) == ["某市12345政务服务便民热线2024年10月份运行情况通报"]


def test_bulletin_masthead_before_the_heading() -> None:
    text = ("某区12345政务服务热线\n工作简报\n第11期\n某区政务服务中心 2024年12月4日\n\n11月份热线运行情况\n\n"
            "一、受理概况\n11月份,区12345热线共受理群众诉求21360件。\n")
    assert _titles(text) == ["11月份热线运行情况"]


def test_short_item_signed_at_its_end_after_prose() -> None:
    text = ("城西片区居民用上管道天然气\n本报讯(记者 张三)12月8日,城西片区126户居民用上管道天然气。\n"
            "施工人员在小区安装入户燃气管道。 本报记者 李四 摄\n\n“以前一罐气七八十元。”居民说。\n\n"
            "市图书馆推出寒假阅读护照\n\n即日起,市图书馆面向中小学生推出寒假阅读护照活动,首批准备护照5000本。(记者 王五)\n")
    assert _titles(text) == ["城西片区居民用上管道天然气", "市图书馆推出寒假阅读护照"]


def test_masthead_then_column_then_headline_with_figures() -> None:
    text = ("某某日报\n2024年11月15日 星期五 第3版 综合新闻\n\n【民生】\n市12345热线10月受理诉求4218件\n"
            "发布日期:2024-11-15\n\n本报讯(记者 张三 通讯员 李四)10月份,热线共受理群众诉求4218件,环比下降4.6%。\n")
    doc = parse(text)
    assert [(a.title, a.column) for a in doc.articles] == [("市12345热线10月受理诉求4218件", "民生")]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("首页/ 政务公开/ 统计信息/ 正文\n\n某县2023年统计公报\n\n某县统计局\n\n2024年3月1日\n\n2023年,全县经济平稳。", "某县2023年统计公报"),
        ("12345热线运行情况通报\n(2024年第15周)\n一、总体情况\n本周共受理诉求1000件,环比增长5%。", "12345热线运行情况通报"),
        ("一、总体情况\n本周共受理诉求1000件,环比增长5%。\n二、热点问题\n反映停水的诉求较多。", None),
        ("各区县人民政府、市直各部门:\n现将一季度热线办理情况通报如下。", None),
        ("今年以来,全市经济稳中有进,增长5%。\n经济运行实现量质齐升\n工业增长6%,服务业增长5%。", None),
    ],
)
def test_report_heading(text: str, title: str | None) -> None:
    assert _titles(text) == [title]


def test_page_headers_separate_articles() -> None:
    text = (
        "2001年5月1日某某日报 第2版\n\n第2版(经济)\n专栏:\n\n"
        "春耕生产全面展开\n"
        "本报长沙4月30日讯 全省春耕生产全面展开,已完成播种面积三成。\n\n\n"
        "第2版(经济)\n专栏:\n\n"
        "外贸出口稳步增长\n一季度增幅高于去年同期\n"
        "新华社北京4月30日电 (记者钱立新)海关总署今天公布,一季度外贸出口增长8%。\n"
    )
    doc = parse(text)
    assert [a.title for a in doc.articles] == ["春耕生产全面展开", "外贸出口稳步增长"]
    assert _people(text) == [[], [("记者", "钱立新")]]


def test_bulleted_headlines() -> None:
    text = (
        "2025年03月01日 第B3版:文苑\n  • 故乡的老槐树\n\n    吴秋生\n\n"
        "    老家门前有一棵槐树,春天开满白花,孩子们在树下玩耍。\n\n"
        "  • 一封家书\n\n    郑晓梅\n\n    母亲寄来一封信,字迹歪歪扭扭,却让我读了好几遍。\n\n"
        "  • B01\n\n  • B02\n"
    )
    assert _titles(text) == ["故乡的老槐树", "一封家书"]
    assert _people(text) == [[("作者", "吴秋生")], [("作者", "郑晓梅")]]


def test_page_header_with_named_column() -> None:
    text = (
        "2001年5月1日某某日报 第3版\n\n第3版(经济)\n专栏:经济述评\n\n外贸出口稳步增长\n"
        "新华社北京4月30日电 (记者钱立新)海关总署今天公布,一季度外贸出口增长8%。\n"
    )
    doc = parse(text)
    assert [(a.title, a.column) for a in doc.articles] == [("外贸出口稳步增长", "经济述评")]


def test_reporter_lines_under_headlines_start_articles() -> None:
    text = (
        "全市新增公园绿地\n本报记者 张立新\n今年以来,全市新增公园绿地20处。\n"
        "社区食堂开门迎客\n本报记者 唐海\n4月8日,东湖区首批社区食堂开门营业。\n"
    )
    assert _titles(text) == ["全市新增公园绿地", "社区食堂开门迎客"]
    assert _people(text) == [[("记者", "张立新")], [("记者", "唐海")]]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # one comma joining two halves of a headline; the normaliser glues the next line on, we cut it off
        ("国民经济稳中有进,高质量发展扎实推进\n国家统计局\n2024年7月15日\n上半年,国内生产总值增长5.0%。",
         "国民经济稳中有进,高质量发展扎实推进"),
        # the issuing body above the heading is not the heading
        ("某某市统计局\n2023年某某市国民经济和社会发展统计公报\n2023年,全市经济平稳,增长5%。",
         "2023年某某市国民经济和社会发展统计公报"),
        # a sentence opener with a comma is not a headline
        ("同时,加强监管力度\n下一步,全市将继续推进。", None),
        # 电话 after a date is not a dateline
        ("热线平台4月5日电话量大幅增长,全月受理1000件。", None),
    ],
)
def test_heading_shapes(text: str, title: str | None) -> None:
    assert _titles(text) == [title]


def test_title_keeps_page_script_and_glosses() -> None:
    text = "關於熱線服務(wù)情況的通報\n發佈日期:2023-06-09\n全市共受理訴求1萬件,辦結率98%。"
    assert _titles(text) == ["關於熱線服務(wù)情況的通報"]


def test_second_dateline_starts_article() -> None:
    text = "中新网(记者 陶然)7月1日,有关部门公布数据,增长5%。\n央视网消息:今天举行发布会,公布主要指标。\n"
    doc = parse(text)
    assert len(doc.articles) == 2
    assert _people(text) == [[("记者", "陶然")], []]


# ------------------------------------------------------------------ properties
def _check_cover(blocks: list[ArticleBlock], n: int) -> None:
    assert blocks
    assert blocks[0].start == 0
    assert blocks[-1].end == n
    for a, b in itertools.pairwise(blocks):
        assert a.end == b.start
    for b in blocks:
        assert b.start <= b.end
        if b.title:
            assert b.start <= b.title[0] <= b.title[1] <= b.end


_ALPHABET = st.sampled_from([*list("本报讯新华社电记者通讯员实习生(),。、:【】□•\n 12345年月日张王李赵摄题第版专栏"), "\n\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_segment_covers_any_text(text: str) -> None:
    norm = normalise(text)
    _check_cover(segment(norm), len(norm.text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_segment_never_raises(text: str) -> None:
    norm = normalise(text)
    _check_cover(segment(norm), len(norm.text))


# ------------------------------------------------------------------ shared corpus
CORPUS = shared_corpus.CORPUS


def _gold(name: str) -> tuple[str, dict[str, list[dict[str, object]]]]:
    path = CORPUS / f"{name}.txt"
    if not path.exists():
        pytest.skip("shared corpus not available")
    gold = json.loads((CORPUS / f"{name}.gold.json").read_text("utf-8"))
    return path.read_text("utf-8"), gold


def test_reference_page() -> None:
    text, gold = _gold("xinxiang-daily-page")
    doc = parse(text)
    assert [a.title for a in doc.articles] == [a["title"] for a in gold["articles"]]
    got = [[[p.role, p.name] for p in (a.byline.people if a.byline else [])] for a in doc.articles]
    assert got == [a["people"] for a in gold["articles"]]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus not available")
@pytest.mark.parametrize("name", shared_corpus.params("titles_people"))
def test_corpus_titles_and_people(name: str) -> None:
    gold = shared_corpus.gold(name)
    doc = parse(shared_corpus.text(name))
    want = [(a.get("title"), sorted(tuple(p) for p in a.get("people", []))) for a in gold.get("articles", [])]
    got = [(a.title, sorted((p.role, p.name) for p in (a.byline.people if a.byline else []))) for a in doc.articles]
    assert [(t, [(r.translate(_T2S), n) for r, n in p]) for t, p in got] == \
        [(t, [(r.translate(_T2S), n) for r, n in p]) for t, p in want]


# Roles compare script-blind, as ../shared/eval/score.py compares them.
_T2S = str.maketrans("記訊員實習見編輯責攝約稿", "记讯员实习见编辑责摄约稿")


def test_closing_credit_in_web_brackets() -> None:
    doc = parse("全国港口货物吞吐量稳步增长\n新华社北京10月23日电(记者 苗可欣)1—9月,全国港口完成货物吞吐量128.7亿吨。\n"
                "【纠错】【责任编辑:杭雨桐】\n")
    people = [(p.role, p.name) for a in doc.articles for p in (a.byline.people if a.byline else [])]
    assert people == [("记者", "苗可欣"), ("责任编辑", "杭雨桐")]


def test_infographic_captions_are_not_headlines_and_label_their_figures() -> None:
    text = ("某某日报\n2024年10月11日 星期五 第4版 民生\n\n1—9月\n\n全市异地就医直接结算\n**28.46**万人次\n\n结算医疗费用\n"
            "**7.92**亿元\n\n我市异地就医直接结算量持续攀升\n本报讯(记者 张三) 1—9月,全市异地就医直接结算28.64万人次。\n")
    doc = parse(text)
    assert [a.title for a in doc.articles] == ["我市异地就医直接结算量持续攀升"]
    assert "restated-figure" in {d.rule for d in doc.diagnostics}


def test_infographic_over_a_headline_with_figures() -> None:
    text = ("某某日报\n2024年7月16日 星期二 第2版 要闻\n\n今年上半年\n\n市12345政务服务便民\n热线共受理群众诉求\n412586件\n\n"
            "同比增长7.4%\n\n上半年我市12345热线受理群众诉求超41万件\n\n按期办结率98.6%\n\n"
            "本报讯(记者 张三 通讯员 李四) 7月15日,记者获悉,上半年共受理群众诉求412586件。\n")
    assert _titles(text) == ["上半年我市12345热线受理群众诉求超41万件"]


def test_signature_with_a_rare_surname() -> None:
    doc = parse("【观察】\n热线接得快,更要办得实\n□屠远山\n前不久,笔者试着拨通12345,不到1分钟就有话务员接听。\n")
    assert [(p.role, p.name) for a in doc.articles for p in (a.byline.people if a.byline else [])] == [("作者", "屠远山")]


def test_web_work_page_with_items_between_rules() -> None:
    text = ("某县人民政府\n当前位置:首页 > 政务公开 > 工作动态\n\n某县秋茶采摘进入旺季\n发布时间:2024-09-12 来源:县农业农村局\n\n"
            "9月上旬以来,全县茶园面积18.6万亩。\n\n----------------------------------------\n\n"
            "县人社局举办秋季招聘会 提供岗位3200余个\n发布时间:2024-09-10 来源:县人社局\n\n9月8日,招聘会共有86家企业参会。"
            "(通讯员 孔令溪)\n")
    assert _titles(text) == ["某县秋茶采摘进入旺季", "县人社局举办秋季招聘会 提供岗位3200余个"]


def test_uncredited_marker_lines_are_sections_of_one_piece() -> None:
    # An official account's article: ▶ lines head its sections; only the page's closing line credits it.
    text = ("9月甲市12345热线受理诉求6.8万余件 这些事大家最关心\n原创　甲市发布　2024年10月11日 18:30\n\n"
            "▶ 诉求从哪来？\n电话受理52316件,占76.4%\n网络渠道14209件,占20.8%\n\n"
            "▶ 诉求怎么办？\n热线坐席直接答复35332件\n\n"
            "▶ 各区县受理情况\n受理量排名前三的区县依次为乙区、丙区、丁县\n\n"
            "来源:甲市12345热线中心\n编辑:张三\n")
    doc = parse(text)
    assert [a.title for a in doc.articles] == ["9月甲市12345热线受理诉求6.8万余件 这些事大家最关心"]


def test_infographic_short_lines_are_not_a_one_cell_table() -> None:
    text = ("你的每一通来电\n我们都认真记下了\n\n▶ 总量\n9月\n市12345热线\n共受理群众诉求\n**68472**件\n"
            "较8月增加**3448**件\n\n日均受理\n**2282**件\n\n单日受理峰值出现在9月2日\n达**3417**件\n")
    labels = {f.span.text: f.label for f in parse(text).facts() if f.kind == "quantity"}
    assert labels["68472**件"] == "群众诉求" and labels["2282**件"] == "日均受理"


@pytest.mark.parametrize("text", [
    pytest.param("全市异地就医直接结算\n**28.46**万人次\n门诊慢特病结算\n**9.12**万人次\n住院结算\n**3.05**万人次\n",
                 id="captions above, block opening with a caption"),
    pytest.param("▶ 受理总量\n**68472**件\n日均受理\n**2282**件\n单日峰值\n**3417**件\n",
                 id="captions above, the first on a marker line"),
])
def test_infographic_captions_above_stay_above(text: str) -> None:
    doc = parse(text)
    labels = [f.label for f in doc.facts() if f.kind == "quantity"]
    assert len(set(labels)) == 3 and doc.diagnostics == []


def test_a_briefs_page_opening_with_markers_keeps_its_uncredited_items() -> None:
    text = ("某某日报\n2024年11月20日 星期三 第6版 县域简讯\n"
            "■甲镇冬小麦完成播种\n截至11月18日,甲镇8600亩冬小麦已全部完成播种。\n"
            "●乙乡新建村级卫生室投入使用\n近日,乙乡新建的3所村级卫生室投入使用。\n")
    assert [a.title for a in parse(text).articles] == ["甲镇冬小麦完成播种", "乙乡新建村级卫生室投入使用"]


def test_marker_section_heads_are_not_signatures() -> None:
    text = ("某市12345热线运行周报\n\n■ 受理概况\n本周共受理群众诉求21746件。\n\n■ 回访评价\n本周回访6120件,满意率98.1%。\n\n"
            "（编辑：张三）\n")
    (art,) = parse(text).articles
    assert art.byline is not None and [(p.role, p.name) for p in art.byline.people] == [("编辑", "张三")]


@pytest.mark.parametrize("text", [
    "城管执法局开展夏季专项整治行动\n\n▶ 占道经营整治\n共劝离流动摊贩320处。\n\n▶ 违规广告清理\n共清理违规广告牌86块。\n",
    "我市全力推进防汛救灾工作\n\n● 提前转移群众\n全市累计转移群众3260人。\n\n● 全力抢险救援\n出动救援人员1200人次。\n",
])
def test_a_piece_with_marker_sections_right_under_its_title(text: str) -> None:
    (art,) = parse(text).articles
    assert art.title == text.split("\n")[0]


def test_marker_heads_of_common_section_words_are_not_authors() -> None:
    doc = parse("某市热线周报\n\n■ 典型案例\n本周共受理诉求2000件。\n\n■ 工作亮点\n办结率98%。\n")
    assert all(a.byline is None or not a.byline.people for a in doc.articles)


# ------------------------------------------------------------------ page layout (issue 13)
# The invented pages, each with what must come out.
def test_headline_followed_by_translation_and_timestamp() -> None:
    text = ("Original link:\nhttp://…\n\n统计局:前三季度全省工业利润增长5.2%\nStatistics bureau: profits rose 5.2%.\n"
            "Oficina: los beneficios aumentaron un 5,2%.\n\n2019-10-28 10:02\n\n前三季度,全省规模以上工业企业利润增长5.2%。\n")
    assert _titles(text) == ["统计局:前三季度全省工业利润增长5.2%"]


def test_kicker_over_the_main_title() -> None:
    (art,) = parse("提升群众满意度\n市热线办开展回访专项行动\n本报讯(记者 王明)近日,市热线办开展回访专项行动。\n").articles
    assert (art.kicker, art.title, art.subtitle) == ("提升群众满意度", "市热线办开展回访专项行动", None)


def test_issuer_and_date_line_is_no_title() -> None:
    assert _titles("某区民生服务中心 2024年3月5日\n一、总体情况\n本月共受理诉求2000件。\n") == [None]


def test_numbered_headline_list_with_column_lines() -> None:
    text = ("1. 全省春播进度过半\n\n第1版(要闻)专栏: 全省春播进度过半 新华社某地5月1日电 全省春播粮食面积已过半。\n\n"
            "2. 某市召开经济工作会议\n\n第1版(要闻)专栏: …\n")
    assert _titles(text) == ["全省春播进度过半", "某市召开经济工作会议"]


def test_agency_and_web_furniture_are_no_people() -> None:
    text = "新华社北京5月1日电 (某某广播电台记者张一、新华社记者李二)今天举行会议。\n作者:本报记者王三 发表评论\n"
    assert _people(text) == [[("记者", "张一"), ("记者", "李二"), ("记者", "王三")]]


def test_junk_before_a_traditional_dateline_and_a_closing_reporter_line() -> None:
    doc = parse("??? 本報訊 (記者 王小明)6月7日,記者從市熱線辦獲悉,熱線受理訴求100件。\n某某日报社全媒体记者李大伟\n")
    people = [(p.role.translate(_T2S), p.name) for a in doc.articles for p in (a.byline.people if a.byline else [])]
    assert people == [("记者", "王小明"), ("记者", "李大伟")]


def test_repeated_injected_token_is_furniture() -> None:
    text = ("某某资讯\n本报讯(记者 王明)全省某某资讯公路里程某某资讯达到1.2万公里,某某资讯比上年某某资讯增加0.1万公里。"
            "某某资讯\n")
    norm = normalise(text)
    page = analyse(norm)
    assert [a.title for a in parse(text).articles] == [None]
    assert [norm.text[s:e] for s, e in page.furniture] == ["某某资讯"] * text.count("某某资讯")
    assert _people(text) == [[("记者", "王明")]]


# Byline shapes, by the kind of page they come from.
BYLINE_SHAPES = [
    pytest.param("本报讯(记者 张立新 通讯员 李晓红)近日,全市开展春季植树活动。",
                 [("记者", "张立新"), ("通讯员", "李晓红")], id="newspaper: opening 本报讯(记者 …)"),
    pytest.param("??? 本报讯 (记者 徐冬晓)6月7日,记者获悉,热线受理诉求100件。",
                 [("记者", "徐冬晓")], id="converted page: junk before the dateline"),
    pytest.param("新华社北京11月17日电 (中央人民广播电台记者陈勇庆、新华社记者蒲立业)今年粮食丰收。",
                 [("记者", "陈勇庆"), ("记者", "蒲立业")], id="archive: agency dispatch, two agencies' reporters"),
    pytest.param("香港文汇报讯(记者 苏榕蓉 福州报道)峰会昨日在福州开幕。",
                 [("记者", "苏榕蓉")], id="pdf page: reporter and the place filed from"),
    pytest.param("全市消费投诉同比下降。\n兰州日报社全媒体记者袁文波\n",
                 [("记者", "袁文波")], id="city news site: closing newspaper-group reporter line"),
    pytest.param("全市消费投诉同比下降。\n作者:本报记者戴书伟 发表评论\n",
                 [("记者", "戴书伟")], id="web page: byline with a comment button"),
    pytest.param("市民在公园赏花。本报记者 葛晓川 摄\n", [("记者", "葛晓川")], id="newspaper: photo credit"),
    pytest.param("B3 综合新闻 民生 / 城事 责任编辑:闵嘉禾/温若宁 版面设计:贺一舟 2024年9月9日(星期一) 本报讯 今天全市召开会议。",
                 [("责任编辑", "闵嘉禾"), ("责任编辑", "温若宁")], id="pdf page: editors in the page strip"),
    pytest.param("全市经济运行平稳。\n责任编辑:卫小舟/柏青\n", [("责任编辑", "卫小舟"), ("责任编辑", "柏青")],
                 id="newspaper: closing editor line with a slash"),
    pytest.param("全市经济运行平稳。\n【纠错】【责任编辑:杭雨桐】\n", [("责任编辑", "杭雨桐")], id="news site: bracketed buttons"),
    pytest.param("全市经济运行平稳。\n分享到:\n打印本页 关闭窗口\n", [], id="government site: buttons only"),
    pytest.param("编辑:孔雨薇 审核:沈立行\n", [("编辑", "孔雨薇")], id="bulletin: editor and reviewer"),
    pytest.param("某县2025年政府工作报告\n——在某县人民代表大会上\n县长\u3000韦承霖\n各位代表:\n现在,我代表县人民政府报告工作。\n",
                 [("作者", "韦承霖")], id="work report: signed by an office under its headline"),
    pytest.param("某县2025年政府工作报告\n县长办公会议研究部署\n现在,我代表县人民政府报告工作。\n", [],
                 id="work report: an office word in a headline is no signature"),
]


@pytest.mark.parametrize(("text", "people"), BYLINE_SHAPES)
def test_byline_shapes(text: str, people: list[tuple[str, str]]) -> None:
    assert sorted(p for a in _people(text) for p in a) == sorted(people)


def test_pdf_flowed_page_is_cut_into_its_items() -> None:
    text = ("B3 综合新闻 责任编辑:闵嘉禾/温若宁 2024 年 9 月 9 日(星期一) 本报讯 (记者 严书亭)9月8日,全市热线受理诉求3.86万件。"
            " 其中,电话渠道3.12万件。 源头治理见成效 今年以来,全市解决供水问题46个。 社区长者食堂再添12家 本报讯(记者 庞晓帆)"
            "记者昨日获悉,全市新建社区长者食堂12家。 市民政局表示,年底前将实现全覆盖。")
    assert _titles(text) == [None, "社区长者食堂再添12家"]
    assert _people(text) == [[("责任编辑", "闵嘉禾"), ("责任编辑", "温若宁"), ("记者", "严书亭")], [("记者", "庞晓帆")]]


def test_headline_and_body_on_one_flowed_line() -> None:
    text = ("2023年某县国民经济和社会发展统计公报 2023年,全县经济运行稳中有进。全年地区生产总值276.29亿元,增长5.1%。"
            " 一、综合 初步核算,全年全县生产总值增长5.1%。 二、农业 全年农林牧渔业总产值55.2亿元,增长4.1%。")
    assert _titles(text) == ["2023年某县国民经济和社会发展统计公报"]


def test_link_list_and_title_strip_are_furniture() -> None:
    links = "5月市民热线县市区办理情况通报\n5月市民热线市直部门办理情况通报\n本报讯 (记者 徐冬晓)6月7日,热线受理诉求100件。\n"
    assert _titles(links) == [None]
    strip = "(某省)2023年某区国民经济和社会发展统计公报\n2023年某区国民经济和社会发展统计公报\n某区统计局\n2024年6月6日\n全年经济平稳。\n"
    assert _titles(strip) == ["2023年某区国民经济和社会发展统计公报"]


def test_a_table_caption_names_a_page_that_is_a_table() -> None:
    text = "| 2-3 总产出 | ||||\n| 单位:亿元 | ||||\n| 项目 | 2013 | 2014 |\n| 第一产业 | 3170.16 | 3400.90 |\n"
    assert _titles(text) == ["总产出"]


@pytest.mark.parametrize(("lines", "kicker", "title", "subtitle"), [
    pytest.param(["深入农户了解农民增收减负状况", "福建省人大开展百村调研"], "深入农户了解农民增收减负状况", "福建省人大开展百村调研",
                 None, id="archive: a kicker without a subject"),
    pytest.param(["APEC第二次高官会开幕", "为领导人非正式会议做准备"], None, "APEC第二次高官会开幕", "为领导人非正式会议做准备",
                 id="archive: a subtitle of purpose"),
    pytest.param(["装作外婆的狼掩盖不住自己的尾巴", "李某被迫承认扫射事件"], None, "装作外婆的狼掩盖不住自己的尾巴", "李某被迫承认扫射事件",
                 id="archive: a title opening with a relative clause"),
    pytest.param(["老街“焕新”记", "——某镇老街改造见闻"], None, "老街“焕新”记", "——某镇老街改造见闻", id="county paper: a dashed subtitle"),
    pytest.param(["春节前夕", "市领导走访慰问困难群众"], "春节前夕", "市领导走访慰问困难群众", None,
                 id="city paper: a kicker that only sets the time"),
    pytest.param(["一季度全市GDP增长5.2%", "工业增加值增长6%"], None, "一季度全市GDP增长5.2%", "工业增加值增长6%",
                 id="city paper: a main title opening with its period"),
    pytest.param(["市12315指挥中心发布第二季度分析报告", "为消费者挽回经济损失533.8万元"], None,
                 "市12315指挥中心发布第二季度分析报告", "为消费者挽回经济损失533.8万元", id="city site: a subtitle with a figure"),
    pytest.param(["春耕备耕进行时", "全县早稻机插面积突破18万亩"], "春耕备耕进行时", "全县早稻机插面积突破18万亩", None,
                 id="county paper (heldout14): a short slogan over the line with the figure"),
    pytest.param(["我国今年粮产达历史最高水平", "原煤年产首次突破10亿吨"], None, "我国今年粮产达历史最高水平", "原煤年产首次突破10亿吨",
                 id="archive: a statement is no kicker though the line below has the figure"),
])
def test_headline_stack_roles(lines: list[str], kicker: str | None, title: str, subtitle: str | None) -> None:
    (art,) = parse("\n".join(lines) + "\n本报讯(记者 王明)近日,有关部门召开会议,部署相关工作。\n").articles
    assert (art.kicker, art.title, art.subtitle) == (kicker, title, subtitle)


def test_line_roles_of_a_newspaper_page() -> None:
    text = ("青川日报\n2025年4月16日 星期三\n\n第2版(综合新闻)\n专栏:\n\n提升群众满意度\n市热线办开展回访专项行动\n"
            "一季度回访诉求3.2万件\n本报讯(记者 韩立平)4月15日,全市共回访群众诉求3.2万件。\n一、回访情况\n回访满意率96.4%。\n"
            "工作人员在回访群众。本报记者 葛晓川 摄\n| 类别 | 件数 |\n| 咨询 | 120 |\n责任编辑:卫小舟/柏青\n")
    norm = normalise(text)
    got = [(r.role.value, norm.text[r.start:r.end]) for r in analyse(norm).lines]
    assert [r for r, _ in got] == ["masthead", "masthead", "masthead", "furniture", "kicker", "title", "subtitle",
                                   "dateline", "section", "body", "caption", "table", "table", "byline"]


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_line_roles_are_ordered_and_inside_the_text(text: str) -> None:
    norm = normalise(text)
    page = analyse(norm)
    spans = [(r.start, r.end) for r in page.lines]
    assert spans == sorted(spans)
    assert all(0 <= s < e <= len(norm.text) for s, e in spans + page.furniture)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


# ------------------------------------------------------------------ page chrome before the headline (issue 13, round 2)
# Web and e-paper pages put a site's name, slogan, navigation, metadata table and credits around the
# headline. The headline is the line right above the text with only credits, stamps and issuers
# between; the chrome above it is furniture. Each case: (page, title), by origin.
TITLE_SLOTS = [
    pytest.param("某市人民政府\nMoushi Municipal People's Government\n无障碍浏览 长者模式 登录\n当前位置:首页 > 政务公开 >\n"
                 "| 索引号: | 0012/2025-00031 | 主题分类: | 统计 |\n| 发布机构: | 某市统计局 | 成文日期: | 2025-03-02 |\n"
                 "2024年某市统计公报 | | | |\n某市统计局\n国家统计局某市调查队\n2025年3月2日\n2024年,全市经济运行平稳。\n",
                 "2024年某市统计公报", id="government CMS: metadata rows, the title in a row of its own, issuers"),
    pytest.param("![]() |\n|\n索引号: | 0031/2022-00007 | 公开方式: | 主动公开 |\n文号: | 公开日期: | 2022-08-17 10:51 | |\n"
                 "发布单位: | 某区统计局 |\n2013年某区国民经济和社会发展统计公报 | |||||||\n2013年,全区经济平稳增长,增长8%。\n",
                 "2013年某区国民经济和社会发展统计公报", id="government CMS: image markup and labels with empty values"),
    pytest.param("某县发布\n权威声音 服务你我\n\n一季度某县新增就业3200人\n\n原创 某县发布 2025年04月02日 08:30\n点击蓝字 关注我们\n\n"
                 "一季度,全县新增就业3200人,同比增长4%。\n\n阅读 1200\n分享 点赞 8 在看 3\n写留言\n",
                 "一季度某县新增就业3200人", id="official account: name and slogan over the headline, reader buttons"),
    pytest.param("服务粉丝\n\n我们一直在努力\n当前位置:首页 > 资讯 >\n\n上半年,某市热线受理诉求32.1万件,同比下降3.2%\n\n"
                 "日期: 来源:某某晚报\n\n某某晚报全媒体记者 王小明\n\n8月8日,记者从市热线中心获悉,上半年共受理诉求32.1万件。\n",
                 "上半年,某市热线受理诉求32.1万件,同比下降3.2%", id="content farm: a headline with commas over its credits"),
    pytest.param("原标题:某港一季度吞吐量增长8% 新开航线2条\n记者从某港获悉,一季度集装箱吞吐量增长8%。 港口新开航线2条。\n",
                 "某港一季度吞吐量增长8% 新开航线2条", id="aggregator: the original title is the only one"),
    pytest.param("某港吞吐量增长8%\n来源:某某日报\n原标题:一季度某港集装箱吞吐量增长8%\n记者从某港获悉,一季度吞吐量增长8%。\n",
                 "某港吞吐量增长8%", id="aggregator: the original title under the page's own headline"),
    pytest.param("二零二四年年報 Relatório Anual de 2024\n某某服務署 Serviços de Atendimento\n\n"
                 "市民意見及投訴 Opiniões e queixas dos cidadãos\n\n本年共接獲投訴120宗,較上年增加5%。\nForam recebidas 120 queixas.\n",
                 "市民意見及投訴", id="bilingual report: a heading followed by its translation"),
    pytest.param("2024年報 Relatório Anual\n88 附 錄 3 意見及投訴 Opiniões e queixas 接獲總數 Total de casos recebidos 1,210 "
                 "意見 Opiniões 310 投訴 Queixas 900 已處理 Tratados 1,150 跟進中 Em curso de tratamento 60\n",
                 "意見及投訴", id="bilingual report flowed from a PDF into one line"),
    pytest.param("首页/ 政务公开/ 统计公报/ 正文\n\n某县二〇二三年国民经济和社会发展统计公报\n\n某县二〇\n\n国民经济和社会发展统计公报\n\n"
                 "某县统计局\n\n2024年4月15日\n\n2023年,全县经济平稳。\n",
                 "某县二〇二三年国民经济和社会发展统计公报", id="government site: the title whole over a broken copy"),
    pytest.param("| 2-3 总产出 | ||||\n| 单位:亿元 | ||||\n| 项目 | 2013 | 2014 |\n| 第一产业 | 3170.16 | 3400.90 |\n",
                 "总产出", id="yearbook: a table's caption is its first row"),
    pytest.param("9月某市热线受理诉求6.8万件 这些事大家最关心\n原创 某市发布 2024年10月11日 18:30\n\n96.8%\n群众满意率\n\n"
                 "▶ 诉求从哪来\n电话受理5000件,占80%。\n", "9月某市热线受理诉求6.8万件 这些事大家最关心",
                 id="official account: a figure's caption right above the text is no headline"),
]


@pytest.mark.parametrize(("text", "title"), TITLE_SLOTS)
def test_headline_among_page_chrome(text: str, title: str | None) -> None:
    assert _titles(text) == [title]


def test_flowed_headline_in_two_halves_before_its_dateline() -> None:
    text = ("原标题:某市端午小长假预计发送旅客超百万\n记者从某铁路局获悉,端午期间预计发送旅客105万人次,同比增长10%。 铁路部门将增开列车"
            "52对。 又一龙头企业落户某县 建设百亿级产业基地 某某晚报讯(记者 郭大川 通讯员 段小波)5月22日,某县签约产业基地项目,"
            "总投资约100亿元。 项目分三期建设。(通讯员 许小峰 记者 徐小园)\n|\n")
    assert _titles(text) == ["某市端午小长假预计发送旅客超百万", "又一龙头企业落户某县 建设百亿级产业基地"]
    assert _people(text) == [[], [("记者", "郭大川"), ("通讯员", "段小波"), ("通讯员", "许小峰"), ("记者", "徐小园")]]


def test_links_and_navigation_after_the_text_are_no_articles() -> None:
    text = ("某县新建茶叶加工厂2家\n本报讯(记者 闻小澜)某县今年新建标准化茶叶加工厂2家。 (通讯员 程小禾)\n\n"
            "上一篇:某市举办乡村直播大赛\n下一篇:某站春运发送旅客43.6万人次\n本版其他新闻\n· 市场监管部门开展春季食品安全检查\n"
            "· 城西物流园二期主体完工\n")
    assert _titles(text) == ["某县新建茶叶加工厂2家"]
    assert _people(text) == [[("记者", "闻小澜"), ("通讯员", "程小禾")]]


@pytest.mark.parametrize(("text", "people"), [
    pytest.param("贵州某县:指尖经济绘就新生活。图为4月11日手工艺人在绘制蜡画。陈小威 摄\n", [("记者", "陈小威")],
                 id="news site: a caption's closing credit without a role"),
    pytest.param("图为市民在公园赏花。王军摄\n", [("记者", "王军")], id="news site: the credit written close"),
    pytest.param("游客在景区拍照。无人机航拍摄\n", [], id="news site: 航拍 is no name"),
    pytest.param("全市经济运行平稳,增长5%。\n编辑:柯小桐\n审核:廖小舟\n", [("编辑", "柯小桐")],
                 id="official account: a reviewer credits no author"),
    pytest.param("全市经济运行平稳。\n文字:王小明\n编辑:张小三\n审核:赵小四\n", [("作者", "王小明"), ("编辑", "张小三")],
                 id="official account: text, editor and reviewer credits"),
    pytest.param("某县新建茶叶加工厂\n文/王小明 图/李大伟\n今年,某县新建标准化茶叶加工厂2家。\n",
                 [("作者", "王小明"), ("记者", "李大伟")], id="county paper: text and picture credits with slashes"),
    pytest.param("某县新建茶叶加工厂\n王小明/文 李大伟/图\n今年,某县新建标准化茶叶加工厂2家。\n",
                 [("作者", "王小明"), ("记者", "李大伟")], id="county paper: names before their slashed marks"),
    pytest.param("图为茶农在采茶。通讯员 程小禾 供图\n", [("通讯员", "程小禾")], id="county paper: a contributed picture"),
    pytest.param("市民在公园赏花。(王小明 摄)\n", [("记者", "王小明")], id="news site: a photo credit in brackets"),
    pytest.param("(記者 王小明)全市經濟運行平穩,增長5%。\n", [("记者", "王小明")],
                 id="traditional news site: a bracketed byline opening the text"),
    pytest.param("撰稿:王小明 审稿:李大伟\n", [("作者", "王小明")], id="press release: writer and reviewer"),
])
def test_photo_and_review_credits(text: str, people: list[tuple[str, str]]) -> None:
    assert sorted(p for a in _people(text) for p in a) == sorted(people)


@pytest.mark.parametrize(("line", "role"), [
    pytest.param("无障碍浏览 长者模式 登录 注册", "furniture", id="government site: accessibility buttons"),
    pytest.param("分享 收藏 点赞 26 在看 11", "furniture", id="official account: reader buttons with counts"),
    pytest.param("原创 某县发布 2025年04月08日 18:06 浙江", "furniture", id="official account: the post's stamp"),
    pytest.param("| 发布机构: | 某市统计局 | 成文日期: | 2025-03-20 |", "furniture", id="government CMS: a metadata row"),
    pytest.param("附件:2024年某市统计公报.pdf", "furniture", id="government site: a file link"),
    pytest.param("上一篇:某市举办乡村直播带货大赛", "furniture", id="e-paper: a link to the previous item"),
    pytest.param("| 其中: | 120 | 45 |", "table", id="statistical table: a sub-heading row is data"),
])
def test_chrome_lines(line: str, role: str) -> None:
    text = f"某市统计局发布数据\n本报讯 全市经济运行平稳,增长5%。\n{line}\n全市将继续做好各项工作。\n"
    norm = normalise(text)
    key = normalise(line).text.strip()[-4:]
    (got,) = [r.role.value for r in analyse(norm).lines if key in norm.text[r.start:r.end]]
    assert got == role


# Articles as the page has them: chrome above the first article and below the last is no article,
# a headline repeated over its lead is one article, a title bar repeats the headline with the site.
PAGE_ARTICLES = [
    pytest.param("某某网首页 | 今日要闻 | 国内 | 国际 | 社会 | 财经\n市长热线年受理来电13万 ——某某网\n\n市长热线年受理来电13万\n\n"
                 "2011-01-31 14:20:57 来源:某某晚报\n\n办结率100%,群众满意率95%\n\n某某网消息 记者日前从市长热线获悉,去年共受理"
                 "来电13.15万件。\n", ["市长热线年受理来电13万"], id="news portal: title bar, menu, a stamp between title and subtitle"),
    pytest.param("某某新闻社 2002年10月17日星期四\n首页 新闻大观 财经 体育 影视 图片 专稿\n\n本页位置:首页>>新闻大观>>国内新闻\n\n"
                 "从数字看变化:全市经济总量翻两番\n\n2002年10月05日 09:46\n\n编者按:为让读者了解十年来的变化,本网转发统计局报告。\n\n"
                 "从数字看变化:全市经济总量翻两番\n\n某某社北京十月四日电(记者王小志)市统计局今天发布报告,全市经济总量翻两番。\n",
                 ["从数字看变化:全市经济总量翻两番"], id="news agency site: the headline repeated after an editor's note"),
    pytest.param("• 某某网移动版\n\n某某网移动版\n\n上半年全市新增就业6.5万人\n\n2022-07-15 09:39:00\n来源:某某网\n\n"
                 "某某社某地7月14日电(记者姜小琳)上半年全市新增就业6.5万人。\n", ["上半年全市新增就业6.5万人"],
                 id="mobile site: a bulleted menu label above the headline"),
    pytest.param("某某公园免费开放首日秩序井然\n\n本报讯(记者宋小霞)昨天,全市122座公园免费开放,共接待游客31万人次。\n\n新 闻 查 询\n关键词\n\n"
                 "热 点 专 题\n房贷利率上调\n京城1800个楼盘搜索\n\n新浪简介 | About | 广告服务 | 招聘信息\n", ["某某公园免费开放首日秩序井然"],
                 id="portal: link blocks and a footer under the article"),
    pytest.param("第01版:要闻\n\n1-2月全国经济持续稳定恢复\n\n《 某某报 》 (2022年03月17日   第01版)\n\n本报讯(记者 司小丽)3月15日,"
                 "国家统计局发布数据,1-2月经济持续恢复。\n", ["1-2月全国经济持续稳定恢复"], id="e-paper: the paper's strip between headline and lead"),
    pytest.param("|\n8月5日,记者从市统计局获悉,上半年全市GDP增长5%。\n图源:市统计局\n在全市各区县中,有22个区县增速跑赢全市。\n"
                 "原标题:上半年全市区县GDP增速出炉 三区县位列前三\n来源:某某日报\n|\n", ["上半年全市区县GDP增速出炉 三区县位列前三"],
                 id="aggregator: the original title at the end of the text"),
    pytest.param("某市统计局\n(2018年4月16日)\n2017年,全市经济平稳发展,生产总值增长7%。\n", [None],
                 id="statistics site: the issuer over its date is no title"),
    pytest.param("图为市民在社区食堂就餐。本报记者 王小明 摄\n\n社区食堂开门迎客\n\n本报讯(记者 唐小海)4月8日,东湖区首批社区食堂"
                 "开门营业。\n", ["社区食堂开门迎客"], id="newspaper: a photo's caption above the first headline"),
    pytest.param("首页 > 新闻中心 > 工作动态\n某市热线5月受理诉求4.2万件　2024-06-03\n某县新增就业1200人　2024-06-02\n"
                 "某区举办招聘会　2024-06-01\n共3条 首页 上一页 下一页 尾页\n", [None],
                 id="government site: a list of dated links and its pager"),
]


@pytest.mark.parametrize(("text", "titles"), PAGE_ARTICLES)
def test_articles_among_page_chrome(text: str, titles: list[str | None]) -> None:
    assert _titles(text) == titles


# More page shapes the headline must be found on, each by origin (invented pages).
HEADLINE_SHAPES = [
    pytest.param("| 索引号: | 0012/2025-00031 | 发布机构: | 某市统计局 |\n| 标 题: | 2024年某市统计公报 | | |\n"
                 "| 文 号: | | 发布日期: | 2025-03-21 |\n2024年,全市经济运行平稳,生产总值增长5%。\n", "2024年某市统计公报",
                 id="government CMS: the title only in the metadata's title cell"),
    pytest.param("索引号:0012/2025-00031\n发布机构:某市统计局\n生成日期:2025-03-21\n文号:\n2024年某市国民经济和社会发展统计公报\n"
                 "2024年,全市经济运行平稳,生产总值增长5%。\n", "2024年某市国民经济和社会发展统计公报",
                 id="government CMS: metadata as plain lines"),
    pytest.param("老街焕新记\n——某镇老街改造见闻\n发布时间:2024-05-06\n今年以来,某镇完成老街改造1.2公里。\n", "老街焕新记",
                 id="county site: a dashed subtitle over the stamp"),
    pytest.param("【经济】上半年全市GDP增长5.2%\n\n上半年,全市实现地区生产总值1200亿元,同比增长5.2%。\n", "上半年全市GDP增长5.2%",
                 id="news site: a column in brackets before the headline"),
    pytest.param("某市12345热线5月受理诉求4.2万件_某市人民政府网\n\n5月份,市12345热线共受理群众诉求4.2万件。\n",
                 "某市12345热线5月受理诉求4.2万件", id="government site: the page title with the site's name"),
    pytest.param("某某在线\n为您服务 让您满意\n\n某市12345热线5月受理诉求4.2万件\n\n5月份,市12345热线共受理群众诉求4.2万件。\n",
                 "某市12345热线5月受理诉求4.2万件", id="portal: a name and a slogan over the headline, no credits"),
    pytest.param("某市12345热线5月受理诉求4.2万件\n\n分享到: 微信 微博 QQ空间\n\n5月份,市12345热线共受理群众诉求4.2万件。\n",
                 "某市12345热线5月受理诉求4.2万件", id="news site: share buttons with their targets"),
    pytest.param("上半年,某市热线受理诉求32.1万件,同比下降3.2%\n\n8月8日,记者从市热线中心获悉,上半年共受理诉求32.1万件。\n",
                 "上半年,某市热线受理诉求32.1万件,同比下降3.2%", id="content farm: a headline with commas over the text"),
    pytest.param("同时,加强监管力度\n\n下一步,全市将继续推进。\n", None, id="report: a sentence's opening is no headline"),
    pytest.param("(资料图)\n\n5月18日,统计局公布数据,4月入境旅客增长2.7倍。\n", None, id="news site: a picture note is no headline"),
    pytest.param("政府統計處公布2024年5月零售業銷貨額臨時統計數字\n*************************\n政府統計處今日發表數字,五月份零售業"
                 "總銷貨價值為306億元,較去年同月下跌11.5%。\n", "政府統計處公布2024年5月零售業銷貨額臨時統計數字",
                 id="government press release: a rule under the headline"),
    pytest.param("澳門特別行政區政府 Governo da Região Administrativa Especial de Macau\n"
                 "統計暨普查局 Direcção dos Serviços de Estatística e Censos\n\n2024年第一季就業調查 Inquérito ao Emprego 2024\n\n"
                 "2024年第一季總體勞動人口為37.8萬人,失業率為1.9%。\n", "2024年第一季就業調查",
                 id="bilingual government site: names and heading with their translations"),
    pytest.param("某某网,让生活更美好\n\n某市12345热线5月受理诉求4.2万件\n\n2024-06-03 来源:某某日报\n\n5月份,市12345热线共受理"
                 "群众诉求4.2万件。\n", "某市12345热线5月受理诉求4.2万件", id="portal: a slogan with a comma over the headline"),
    pytest.param("某市12345热线5月受理诉求4.2万件\n\n2024-06-03 来源:某某日报\n标签:热线 诉求 民生\n\n5月份,市12345热线共受理"
                 "群众诉求4.2万件。\n", "某市12345热线5月受理诉求4.2万件", id="news site: a tags line under the stamp"),
    pytest.param("乡村振兴网\n首页 新闻 政策 产业 图片\n您的位置:首页 > 产业动态 > 正文\n\n某港一季度集装箱吞吐量增长12.4%\n"
                 "时间:2019-05-24 09:30 来源:某某晚报 点击:123次\n\n记者从某港获悉,一季度集装箱吞吐量增长12.4%。\n\n相关阅读\n"
                 "某港新开外贸航线3条\n某港务集团召开会议\n\n关于我们 | 联系方式 | 版权声明\n",
                 "某港一季度集装箱吞吐量增长12.4%", id="aggregator: menu, stamp, related links and footer"),
    pytest.param("# 某市12345热线第45周诉求办理周报\n\n本周,市12345热线共受理群众诉求1200件。\n\n| 单位 | 件数 |\n|---|---|\n| 城东 | 412 |\n",
                 "某市12345热线第45周诉求办理周报", id="markdown copy: a heading's marker is no part of it"),
]


@pytest.mark.parametrize(("text", "title"), HEADLINE_SHAPES)
def test_headline_shapes_by_origin(text: str, title: str | None) -> None:
    assert _titles(text) == [title]


def test_a_question_over_a_statement_is_its_kicker() -> None:
    (art,) = parse("群众的急难愁盼如何解决?\n某区12345热线交出一季度答卷\n本报讯(记者 王小明)一季度,区热线受理诉求1.2万件。\n").articles
    assert (art.kicker, art.title) == ("群众的急难愁盼如何解决?", "某区12345热线交出一季度答卷")


@pytest.mark.parametrize(("text", "want"), [
    pytest.param("某县发布\n权威声音 服务你我\n\n一季度某县新增就业3200人\n\n原创 某县发布 2025年04月02日 08:30\n点击蓝字 关注我们\n\n"
                 "一季度,全县新增就业3200人,同比增长4%。\n\n编辑:柯小桐\n阅读 1200\n",
                 ["masthead", "masthead", "title", "furniture", "furniture", "body", "byline", "furniture"],
                 id="official account"),
    pytest.param("某市人民政府\n当前位置:首页 > 政务公开 >\n| 发布机构: | 某市统计局 | 成文日期: | 2025-03-02 |\n"
                 "2024年某市统计公报 | | | |\n某市统计局\n国家统计局某市调查队\n2025年3月2日\n2024年,全市经济运行平稳。\n"
                 "附件:2024年某市统计公报.pdf\n",
                 ["masthead", "furniture", "furniture", "title", "furniture", "furniture", "furniture", "body", "furniture"],
                 id="government CMS"),
])
def test_line_roles_of_web_pages(text: str, want: list[str]) -> None:
    norm = normalise(text)
    assert [r.role.value for r in analyse(norm).lines] == want


@pytest.mark.parametrize(("text", "title"), [
    pytest.param("澳 門 居 住 人 口 估 計\n\n二零零六年十二月三十一日\n\n澳門居住人口估計為513,427人,按年增加29,150人。\n",
                 "澳 門 居 住 人 口 估 計", id="real set E (Macao): a letter-spaced headline over a date in numerals"),
    pytest.param("某区热线周报\n\n2025年第19周(5月5日—5月11日)\n\n一、受理概况\n本周共受理诉求9836件。\n",
                 "某区热线周报", id="heldout14: a period line with its days is no title"),
])
def test_a_date_line_is_no_title(text: str, title: str) -> None:
    assert _titles(text) == [title]


def test_a_headline_with_a_figure_over_a_piece_signed_at_its_end_is_an_article() -> None:
    """城西片区老旧小区改造惠及3100余户 reads as a figure line; between prose blocks, over a piece that
    closes with (本报记者 … 通讯员 …), it heads an article of its own (heldout14-county-news-three)."""
    text = ("县里春耕进度过半\n\n本报讯(记者 甲乙丙)连日来,全县春耕进度过半,机插面积18万亩。\n\n"
            "城西片区老旧小区改造惠及3100余户\n\n走进改造后的小区,路面平整。今年共有14个小区纳入改造。(本报记者 丁戊己 通讯员 庚辛)\n")
    assert _titles(text) == ["县里春耕进度过半", "城西片区老旧小区改造惠及3100余户"]
