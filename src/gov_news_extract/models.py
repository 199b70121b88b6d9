"""Public data model: everything `parse()` returns is one of these pydantic v2 models.

A `Document` holds `articles`, each with its `facts`, and the `diagnostics` the
consistency checks found. A fact is one of eight kinds, told apart by its `kind`
field: the atomic `Quantity`, `Percent`, `Change`, `DateFact`, `Period` and
`TimeFact`, and the composite `Breakdown` (a total split into parts) and `Ranking`
(an ordered list). `Fact` is the union of the eight (a pydantic discriminated
union on `kind`), so `help(Quantity)` and the others document each kind.

Facts point at each other by `id` (unique within one document): a figure's
`period_id`, a breakdown's `total_id` and its parts' `value_id`/`share_id`, and
so on. `Document.model_json_schema()` (or `gov-news-extract schema`) gives the
whole shape; `docs/json-shape.md` walks through it.

Offsets in every `Span` are character offsets into the string given to `parse()`
(the original, before any normalisation), end-exclusive; `line` and `col` are
1-based and count characters, as editors and linters do.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_serializer

if TYPE_CHECKING:  # pandas is an optional extra
    import pandas as pd

Severity = Literal["error", "warning", "info"]
Direction = Literal["up", "down"]


class Span(BaseModel):
    """A stretch of the original input: `text[start:end]`, with its 1-based line and column."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(description="Offset of the first character, counted in characters from 0 in the original input.")
    end: int = Field(description="Offset just after the last character (end-exclusive).")
    line: int = Field(default=1, description="1-based line of `start`.")
    col: int = Field(default=1, description="1-based column of `start`, counted in characters (not bytes, not display width).")
    text: str = Field(default="", description="The characters of the span exactly as they stand in the input.")

    @field_serializer("text", when_used="json")
    def _text_json(self, text: str) -> str:
        # parse() takes any str, lone surrogates included; JSON cannot carry them.
        return _SURROGATE.sub("\ufffd", text)


_SURROGATE = re.compile("[\ud800-\udfff]")


class _Fact(BaseModel):
    """Fields every fact shares."""

    id: str = Field(default="", description="Identifier of the fact, unique within its document (other facts and "
                                    "diagnostics refer to it by this).")
    span: Span = Field(description="Where the fact stands in the input: the number with its multiplier and unit, "
                                   "for a change its direction word and basis, for a composite its whole extent.")
    label: str | None = Field(default=None, description="The metric or category the figure measures, as the text names "
                                                "it (shortest natural phrase); null when none was found.")
    label_span: Span | None = Field(default=None, description="Where `label` stands in the input, when it is a span of it.")
    sentence: Span | None = Field(default=None, description="The sentence holding the fact, when recorded.")
    # Period the figure refers to (id of a date/period fact in the same article).
    period_id: str | None = Field(default=None, description="Id of the `date` or `period` fact this figure refers to "
                                                    "(in the same article), when the text ties one to it.")
    # Offsets into the normalised text, for the later passes; never serialised. A plain field
    # (not a private attribute): the passes read it in their inner loops.
    nspan: tuple[int, int] = Field(default=(0, 0), exclude=True, repr=False,
                                   description="Internal: offsets into the normalised text; never serialised.")


class TableCell(BaseModel):
    """Where a figure read from a table sits: enough to rebuild the table from its facts."""

    table: int = Field(description="Index of the table on the page, from 0 in text order; two tables "
                                   "flattened side by side are two tables.")
    row: int = Field(description="Row of the cell among the table's data rows, from 0 (header rows and "
                                 "rows that only name a group, such as 构成(%), are not counted).")
    column: int = Field(description="Column of the cell among the table's leaf columns, from 0; the "
                                    "column of row names is column 0.")
    row_header: str | None = Field(default=None, description="The row's name as written (其中:谷物).")
    column_header: str | None = Field(default=None, description="The column's header as written; a header "
                                      "written over several rows is joined from the top with '/' "
                                      "(受理量(件)/电话).")
    scale: int = Field(default=1, description="The multiplier the table declares for the cell (单位:亿元 gives "
                                              "100000000); `value` has it applied already.")
    period: Literal["current", "prior"] | None = Field(
        default=None, description="In a table with a growth column, whether the cell's column holds the current "
                                  "period (本周数据, the later year) or the one compared with (上周数据, the year "
                                  "before): the growth of the row relates the two.")


class _Numeric(_Fact):
    """Fields of the three numeric kinds (`quantity`, `percent`, `change`)."""

    value: Decimal = Field(description="The number with any 万/亿/千 multiplier applied (12.5万件 → 125000); "
                                       "in percent for a share (8成 → 80, 5‰ → 0.5); positive for a change.")
    unit: str | None = Field(default=None, description="The unit without multiplier, in the text's script: 件, 元, 人, %, "
                                               "个百分点, 倍…; null for a bare number.")
    # Digits after the decimal point as written: the stated precision (7% -> 0, 0.8% -> 1).
    decimals: int = Field(default=0, description="Digits after the decimal point as written, the stated precision "
                                         "(7% → 0, 0.8% → 1); the checks read rounding from it.")
    # 约/近/超/逾/余/多/以上/左右/不到 as written; the checks treat such values as bounds.
    approx: str | None = Field(default=None, description="Approximation word as written (约, 近, 超, 逾, 余, 多, 以上, 左右, "
                                                 "不到…); the checks treat such a value as a bound, never exact.")
    qualifier: str | None = Field(default=None, description="A word that qualifies the figure: 日均, 峰值, 累计, 共…")
    # For a range (3至5件) the other end; `value` is the low end.
    value_high: Decimal | None = Field(default=None, description="For a range (3至5件) the high end; `value` is then the low end.")
    # True when the unit is not written next to the number but taken from context (a table
    # cell in a report that counts 件).
    unit_inferred: bool = Field(default=False, description="True when the unit is not written next to the number but taken "
                                                   "from context (a table's declared unit, a report that counts 件).")
    cell: TableCell | None = Field(default=None, description="For a figure read from a table: the table, "
                                   "row and column it sits in, with their headers.")
    display: bool = Field(default=False, description="True when the figure stands in a headline, caption, "
                                                     "infographic or table line rather than in running text: a "
                                                     "restatement there of a body figure must agree with it.")
    metric: str | None = Field(default=None, description="The metric the figure measures, as two mentions of it "
                                                         "are compared: the label less who, where, when and the "
                                                         "intake (群众, 全市, 一周, 受理) and less a category's counted "
                                                         "noun, after a brand in quotes (“爱山东”); null when the "
                                                         "label is too generic to name one metric.")
    doing: str | None = Field(default=None, description="The verb of the figure's clause that says what was done "
                                                        "with what it counts (受理, 办理, 办结): one name with two "
                                                        "doings is two metrics.")


class Quantity(_Numeric):
    """An amount with a unit or measure word: 383257次, 12.5万件, 3.2亿元, 4分钟, 三家企业."""

    kind: Literal["quantity"] = Field(default="quantity", description="Always \"quantity\".")
    # A count stated as part of the figure right before it (涉水类873件,其中…停水诉求815件):
    # the id of that whole, so that rate-bounds can check the part is not larger.
    whole_id: str | None = Field(default=None, description="Id of the figure this count is stated as a part of "
                                                   "(涉水类873件,其中…815件), so a part larger than its whole is caught.")
    basis: str | None = Field(default=None, description="When the figure is itself what a change is measured "
                                                        "against (上周18128件, 较10月份的22908件, 去年同期3185件): "
                                                        "the words that say so. It is the other period's figure, "
                                                        "never this period's total or a restatement of it.")
    average_of: str | None = Field(default=None, description="For an average (日均2117次, 239起/天): id of the "
                                                             "total it spreads over its period.")
    per: Literal["day", "week", "month"] | None = Field(default=None, description="For an average: the stretch of "
                                                                                  "time it is per (日均 → day).")
    days: int | None = Field(default=None, description="For an average: the days its total is counted over, when "
                                                       "the text states them with the total (工作日5天受理16825件, "
                                                       "日均3365件 → 5); otherwise the period of `period_id`.")
    from_first: bool = Field(default=False, description="For a duration: it runs from the first time of its "
                                                        "scene (从接警到封堵用时26分钟), not from the time just before.")


class Percent(_Numeric):
    """A level or share in percent: 占比64.6%, 办结率99.8%, 8成 (value 80)."""

    kind: Literal["percent"] = Field(default="percent", description="Always \"percent\".")
    # A share stated against a named whole (…1126件,占受理总量的5.1%) outside any breakdown:
    # the ids of its part and of the whole, so that share-of-total can check it.
    part_id: str | None = Field(default=None, description="For a share that names its whole outside any breakdown "
                                                  "(…1126件,占受理总量的5.1%): id of the part's count.")
    total_id: str | None = Field(default=None, description="For such a share: id of the whole's figure.")
    bounded: bool = Field(default=False, description="True when the percent is a proportion of a whole (办结率, "
                                                     "满意度, 占比…) and so cannot pass 100%; growth rates, plan "
                                                     "completion and ratios to another period are not.")


class Change(_Numeric):
    """A change against a basis: 环比下降59.7%, 同比增长9.3%, 增长9.2倍, 提高2个百分点, 减少1200件."""

    kind: Literal["change"] = Field(default="change", description="Always \"change\".")
    direction: Direction = Field(default="up", description="\"up\" for a rise, \"down\" for a fall (`value` stays positive).")
    basis: str | None = Field(default=None, description="What the change is measured against, as written: 同比, 环比, 较上周…; "
                                 "parallel clauses share the basis of their first (工业增加值同比增长7.3%，"
                                 "固定资产投资增长3.6%: both 同比).")


class DateFact(_Fact):
    """A calendar expression with a digit: 7月18日, 2018年7月, 2024年第28周."""

    kind: Literal["date"] = Field(default="date", description="Always \"date\".")
    value: str = Field(description="ISO-like text: 2018-07-18, 2018-07, --07-18 (year unknown), 2024-W28.")
    start: dt.date | None = Field(default=None, description="First day the date covers, when resolvable.")
    end: dt.date | None = Field(default=None, description="Last day the date covers (inclusive), when resolvable.")


class Period(_Fact):
    """A stretch of time such as 今年上半年, 一季度, 1—6月, 上周; `days` when resolvable."""

    kind: Literal["period"] = Field(default="period", description="Always \"period\".")
    value: str = Field(description="ISO-like text: a year (2024), a half (2024-H1), a quarter (2024-Q1), a week "
                                   "(2024-W46), start/end (2024-01/2024-06, ../2024-06-30 up to a day); a leading "
                                   "-- when the year is unknown (--H1); the word as written when unresolvable.")
    start: dt.date | None = Field(default=None, description="First day of the period, when resolvable.")
    end: dt.date | None = Field(default=None, description="Last day of the period (inclusive), when resolvable.")
    days: int | None = Field(default=None, description="Number of days in the period, when resolvable (the average rule "
                                               "divides by it).")


class TimeFact(_Fact):
    """A clock time: 9时26分, 上午9时许 (value 09:26)."""

    kind: Literal["time"] = Field(default="time", description="Always \"time\".")
    value: str = Field(description="24-hour HH:MM.")
    approx: str | None = Field(default=None, description="Approximation word as written (许, 左右…).")
    in_range: bool = Field(default=False, description="True when the time is one end of a stated range "
                                                      "(夜间(20时至次日6时)), not a moment of a scene.")
    minutes: bool = Field(default=True, description="True when the time is written to the minute (9时26分), "
                                                    "false for an hour alone (9时).")


class Part(BaseModel):
    """One part of a breakdown: a category with its count and/or share."""

    label: str | None = Field(default=None, description="The category's name as the text gives it: 求助类, 电话渠道…")
    value: Decimal | None = Field(default=None, description="The part's count or amount, when stated.")
    share: Decimal | None = Field(default=None, description="The part's share of the total in percent, when stated.")
    value_id: str | None = Field(default=None, description="Id of the atomic fact stating `value`.")
    share_id: str | None = Field(default=None, description="Id of the atomic fact stating `share`.")


class Breakdown(_Fact):
    """A total split into named parts, each with a count and/or a share; at least two parts."""

    kind: Literal["breakdown"] = Field(default="breakdown", description="Always \"breakdown\".")
    total: Decimal | None = Field(default=None, description="The whole the parts divide, when the text states it.")
    total_id: str | None = Field(default=None, description="Id of the atomic fact stating `total`.")
    unit: str | None = Field(default=None, description="Unit of the total and the parts' values.")
    parts: list[Part] = Field(default_factory=list, description="The parts in text order.")
    complete: bool = Field(default=False, description="True when the text presents the parts as the whole (an 其他 part, "
                                              "分别为 of the total…), so shares must reach 100% and parts the total.")
    total_link: str | None = Field(
        default=None,
        description="What ties the total to the parts. Said by the words: \"stated\" (the total opens "
                    "the list: 共受理…,其中…), \"cue\" (a list cue ties the list to the figure before it: "
                    "其中, …中, 按…分, 从…看), \"named\" (the parts are named as kinds of the total, or "
                    "their shares name it: 占全市转办量的…), \"paragraph\" (the whole of the list's "
                    "paragraph, presented by a total word or an intake verb), \"disposition\" (figures "
                    "answered and passed on divide the intake stated before), \"after\" (a total stated "
                    "after the list: 三区合计…), \"table\" (a table's 合计 row or 小计 column). Only "
                    "arithmetic: \"sum\" (the parts add up to it exactly), \"shares\" (part/total gives "
                    "the stated shares), \"near\" (the parts nearly add up to a figure close by). "
                    "The checks prove (error) over ties the words make and warn over \"near\".")
    evidence: str | None = Field(
        default=None,
        description="The words that tie the total to the parts, as written (其中, 从渠道看, 共受理, 合计, "
                    "a section heading); None when only arithmetic ties them.")
    overlap: bool = Field(
        default=False,
        description="The parts may overlap by nature: one is named by a trait that cuts across the others "
                    "(其中专任教师1050名、党员320名), so their sum proves no excess over the total.")


class RankItem(BaseModel):
    """One item of a ranking, in the ranking's order."""

    label: str = Field(description="Who or what is ranked: 红旗区, a department, a category.")
    value: Decimal | None = Field(default=None, description="The item's figure, when stated.")
    share: Decimal | None = Field(default=None, description="The item's share in percent, when stated.")
    value_id: str | None = Field(default=None, description="Id of the atomic fact stating `value`.")
    share_id: str | None = Field(default=None, description="Id of the atomic fact stating `share`.")


class Ranking(_Fact):
    """An ordered list: 排名前三位的是…, 诉求量较多的街道依次是…"""

    kind: Literal["ranking"] = Field(default="ranking", description="Always \"ranking\".")
    items: list[RankItem] = Field(default_factory=list, description="The items in the order the text ranks them.")
    criterion: str | None = Field(default=None, description="What the items are ranked by, when the text says (诉求量…).")
    scope: str | None = Field(default=None, description="How far the ranking goes as written (前三位…), when recorded.")
    # "desc" for 前N位 lists (largest first), "asc" for 后N位.
    order: Literal["desc", "asc"] = Field(default="desc", description="\"desc\" when the largest comes first (前N位), "
                                                              "\"asc\" when the smallest does (后N位, 由小到大).")
    stated_order: bool = Field(default=True, description="False when the words name the top few only (居前五位的是…) "
                                                         "without saying they go in order (依次, 分别, 由高到低, a "
                                                         "chain A>B, numbered lines).")


Fact = Annotated[
    Quantity | Percent | Change | DateFact | Period | TimeFact | Breakdown | Ranking,
    Field(discriminator="kind"),
]
"""Any fact: a union of the eight kinds, told apart by `kind`."""

AtomicNumeric = Quantity | Percent | Change
"""The numeric atomic kinds (they carry `value`, `unit`, `decimals`, `approx`)."""


class Person(BaseModel):
    """A person named in a byline or signature, with their role."""

    role: str = Field(description="记者, 通讯员, 实习生, 见习记者, 特约记者, 编辑, 责任编辑, or 作者 for a signed piece.")
    name: str = Field(description="The name as written.")
    span: Span | None = Field(default=None, description="Where the name stands in the input.")


class Byline(BaseModel):
    """Who wrote an article, for which agency, from where and when."""

    agency: str | None = Field(default=None, description="The agency or paper as written: 本报讯, 新华社, 中新社…")
    place: str | None = Field(default=None, description="The dateline's place (北京 in 新华社北京1月24日电).")
    date: str | None = Field(default=None, description="The dateline's date as written.")
    people: list[Person] = Field(default_factory=list, description="Every person named, in text order.")
    span: Span | None = Field(default=None, description="Where the byline stands in the input.")


class Article(BaseModel):
    """One article of a page, with the facts in its body."""

    title: str | None = Field(default=None, description="The main title (主题) exactly as written, without its column "
                              "name, kicker or subtitle; None when the article has no headline.")
    title_span: Span | None = Field(default=None, description="Where the headline stands in the input.")
    kicker: str | None = Field(default=None, description="The kicker (引题): the headline line over the main title "
                               "that sets the scene, e.g. 提升群众满意度 over 市热线办开展回访专项行动.")
    subtitle: str | None = Field(default=None, description="The subtitle (副题): the first headline line under the "
                                 "main title, e.g. a detail or a figure (一季度回访诉求3.2万件).")
    subtitles: list[str] = Field(default_factory=list, description="Every headline line other than the main title, "
                                 "kicker and subtitles alike, top to bottom, as written.")
    column: str | None = Field(default=None, description="The column or section name printed with the headline.")
    byline: Byline | None = Field(default=None, description="The byline or closing signature, when there is one.")
    dateline: str | None = Field(default=None, description="The dateline's date as written (same as `byline.date`).")
    span: Span = Field(description="The article's whole extent in the input.")
    facts: list[Fact] = Field(default_factory=list, description="Every fact in the article, in text order.")


class Diagnostic(BaseModel):
    """One finding of a consistency check (or an `internal-error` note)."""

    rule: str = Field(description="The rule that found it (`gov-news-extract check --list-rules`), or "
                                  "`internal-error`.")
    severity: Severity = Field(description="\"error\" (provably wrong), \"warning\" (likely wrong) or \"info\".")
    message: str = Field(description="What is wrong, in Chinese, with the arithmetic.")
    message_en: str = Field(default="", description="The same in English.")
    span: Span = Field(description="The figure the finding points at.")
    related: list[Span] = Field(default_factory=list, description="The other figures the arithmetic uses.")
    fact_ids: list[str] = Field(default_factory=list, description="Ids of the facts involved.")
    evidence: str | None = Field(default=None, description="What ties the figures the finding relates, as "
                                                           "extraction read it: for a breakdown its tie and the "
                                                           "words that make it (\"cue: 其中\", \"stated: 共受理\", "
                                                           "\"near\" when only a near sum ties them), for an "
                                                           "average \"average_of\", for a restated figure its "
                                                           "metric. A proven finding (error) rests on words or "
                                                           "exact arithmetic; a likely one (warning) does not.")
    arithmetic: str | None = Field(default=None, description="The arithmetic that fails, as a formula "
                                                             "(3000 + 2100 = 5100 > 5000; 38/150 = 25.333% ≠ 25.4%).")


class Document(BaseModel):
    """What `parse()` returns for one text: its articles with their facts, and the findings."""

    source: str | None = Field(default=None, description="The file the text came from, when parsed from a file.")
    reference_date: dt.date | None = Field(default=None, description="The date relative expressions (今年, 上周) were "
                                                             "resolved against, when given.")
    articles: list[Article] = Field(default_factory=list, description="The page's articles in order; a text with "
                                                                      "no recognisable layout is one article.")
    diagnostics: list[Diagnostic] = Field(default_factory=list, description="Findings of the consistency checks, "
                                                                            "in text order.")

    def facts(self) -> list[Fact]:
        """Every fact of every article, in text order."""
        return [f for a in self.articles for f in a.facts]

    # ------------------------------------------------------------ following links
    def fact(self, id: str) -> Fact:
        """The fact with this id (`doc.fact(breakdown.total_id)`); KeyError when there is none."""
        # A scan, not a cached index: the articles may be edited, and a private attribute would
        # make two equal documents compare unequal.
        for a in self.articles:
            for f in a.facts:
                if f.id == id:
                    return f
        raise KeyError(id)

    def links(self, fact: Fact) -> dict[str, Fact]:
        """The facts this one points at, by the name of the field that points: `period_id`,
        `total_id`, `whole_id`, `part_id`, and for a breakdown or ranking each member's
        `parts[i].value_id`, `items[i].share_id`…  Ids that lead nowhere are left out."""
        refs: dict[str, str] = {}
        for name in ("period_id", "total_id", "whole_id", "part_id"):
            ref = getattr(fact, name, None)
            if ref:
                refs[name] = ref
        members = fact.parts if isinstance(fact, Breakdown) else fact.items if isinstance(fact, Ranking) else []
        field = "parts" if isinstance(fact, Breakdown) else "items"
        for i, m in enumerate(members):
            for name in ("value_id", "share_id"):
                ref = getattr(m, name)
                if ref:
                    refs[f"{field}[{i}].{name}"] = ref
        out: dict[str, Fact] = {}
        for name, ref in refs.items():
            try:
                out[name] = self.fact(ref)
            except KeyError:
                continue
        return out

    def period_of(self, fact: Fact) -> DateFact | Period | None:
        """The date or period a figure refers to (its `period_id`), if any."""
        if not fact.period_id:
            return None
        try:
            found = self.fact(fact.period_id)
        except KeyError:
            return None
        return found if isinstance(found, (DateFact, Period)) else None

    def composites_of(self, fact: Fact) -> list[Breakdown | Ranking]:
        """The breakdowns and rankings this figure is the total, a part or an item of."""
        out: list[Breakdown | Ranking] = []
        for f in self.facts():
            if isinstance(f, Breakdown):
                ids = {f.total_id} | {p.value_id for p in f.parts} | {p.share_id for p in f.parts}
            elif isinstance(f, Ranking):
                ids = {i.value_id for i in f.items} | {i.share_id for i in f.items}
            else:
                continue
            if fact.id and fact.id in ids:
                out.append(f)
        return out

    def article_of(self, fact: Fact) -> Article | None:
        """The article whose facts hold this one."""
        return next((a for a in self.articles if any(f is fact or (f.id and f.id == fact.id) for f in a.facts)),
                    None)

    # ------------------------------------------------------------ tables
    def to_records(self, table: Literal["facts", "composites"] = "facts") -> list[dict[str, Any]]:
        """The rows of a table for analysis, as dicts: `"facts"` has one row per figure (quantity,
        percent, change) with a numeric `value`; `"composites"` one per part of a breakdown or item
        of a ranking. The columns are those of `parse -f csv` (see `docs/tables.md`)."""
        from .report.tables import records

        return records(self, table)

    def to_pandas(self, table: Literal["facts", "composites"] = "facts") -> pd.DataFrame:
        """The same table as a pandas DataFrame with typed columns (float64 values, nullable
        integers, dates as datetime64). Needs the extra: `pip install 'gov-news-extract[pandas]'`."""
        from .report.tables import dataframe

        return dataframe(self, table)
