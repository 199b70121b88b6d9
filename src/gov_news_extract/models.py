"""Public data model: everything `parse()` returns is one of these pydantic v2 models.

Offsets in every `Span` are character offsets into the string given to `parse()`
(the original, before any normalisation), end-exclusive; `line` and `col` are
1-based and count characters, as editors and linters do.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
Direction = Literal["up", "down"]


class Span(BaseModel):
    """A stretch of the original input: `text[start:end]`."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    line: int = 1
    col: int = 1
    text: str = ""


class _Fact(BaseModel):
    """Fields every fact shares."""

    id: str = ""
    span: Span
    label: str | None = None
    label_span: Span | None = None
    sentence: Span | None = None
    # Period the figure refers to (id of a date/period fact in the same article).
    period_id: str | None = None
    # Offsets into the normalised text, for the later passes; never serialised. A plain field
    # (not a private attribute): the passes read it in their inner loops.
    nspan: tuple[int, int] = Field(default=(0, 0), exclude=True, repr=False)


class _Numeric(_Fact):
    value: Decimal
    unit: str | None = None
    # Digits after the decimal point as written: the stated precision (7% -> 0, 0.8% -> 1).
    decimals: int = 0
    # 约/近/超/逾/余/多/以上/左右/不到 as written; the checks treat such values as bounds.
    approx: str | None = None
    qualifier: str | None = None
    # For a range (3至5件) the other end; `value` is the low end.
    value_high: Decimal | None = None
    # True when the unit is not written next to the number but taken from context (a table
    # cell in a report that counts 件).
    unit_inferred: bool = False


class Quantity(_Numeric):
    kind: Literal["quantity"] = "quantity"
    # A count stated as part of the figure right before it (涉水类873件,其中…停水诉求815件):
    # the id of that whole, so that rate-bounds can check the part is not larger.
    whole_id: str | None = None


class Percent(_Numeric):
    kind: Literal["percent"] = "percent"
    # A share stated against a named whole (…1126件,占受理总量的5.1%) outside any breakdown:
    # the ids of its part and of the whole, so that share-of-total can check it.
    part_id: str | None = None
    total_id: str | None = None


class Change(_Numeric):
    kind: Literal["change"] = "change"
    direction: Direction = "up"
    basis: str | None = None


class DateFact(_Fact):
    kind: Literal["date"] = "date"
    value: str
    start: dt.date | None = None
    end: dt.date | None = None


class Period(_Fact):
    """A stretch of time such as 今年上半年, 一季度, 1—6月, 上周; `days` when resolvable."""

    kind: Literal["period"] = "period"
    value: str
    start: dt.date | None = None
    end: dt.date | None = None
    days: int | None = None


class TimeFact(_Fact):
    kind: Literal["time"] = "time"
    value: str
    approx: str | None = None


class Part(BaseModel):
    label: str | None = None
    value: Decimal | None = None
    share: Decimal | None = None
    value_id: str | None = None
    share_id: str | None = None


class Breakdown(_Fact):
    kind: Literal["breakdown"] = "breakdown"
    total: Decimal | None = None
    total_id: str | None = None
    unit: str | None = None
    parts: list[Part] = Field(default_factory=list)
    # True when the text presents the parts as the whole (an 其他 part, 分别为 …).
    complete: bool = False
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
    label: str
    value: Decimal | None = None
    share: Decimal | None = None
    value_id: str | None = None
    share_id: str | None = None


class Ranking(_Fact):
    kind: Literal["ranking"] = "ranking"
    items: list[RankItem] = Field(default_factory=list)
    criterion: str | None = None
    scope: str | None = None
    # "desc" for 前N位 lists (largest first), "asc" for 后N位.
    order: Literal["desc", "asc"] = "desc"


Fact = Annotated[
    Quantity | Percent | Change | DateFact | Period | TimeFact | Breakdown | Ranking,
    Field(discriminator="kind"),
]
AtomicNumeric = Quantity | Percent | Change


class Person(BaseModel):
    role: str
    name: str
    span: Span | None = None


class Byline(BaseModel):
    agency: str | None = None
    place: str | None = None
    date: str | None = None
    people: list[Person] = Field(default_factory=list)
    span: Span | None = None


class Article(BaseModel):
    title: str | None = None
    title_span: Span | None = None
    subtitles: list[str] = Field(default_factory=list)
    column: str | None = None
    byline: Byline | None = None
    dateline: str | None = None
    span: Span
    facts: list[Fact] = Field(default_factory=list)


class Diagnostic(BaseModel):
    rule: str
    severity: Severity
    message: str
    message_en: str = ""
    span: Span
    related: list[Span] = Field(default_factory=list)
    fact_ids: list[str] = Field(default_factory=list)


class Document(BaseModel):
    source: str | None = None
    reference_date: dt.date | None = None
    articles: list[Article] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def facts(self) -> list[Fact]:
        """Every fact of every article, in text order."""
        return [f for a in self.articles for f in a.facts]
