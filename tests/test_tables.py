"""Tables for analysis: the figures table and the composites table, as records, CSV and pandas."""

from __future__ import annotations

import io
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus_docs import page_ids, page_paths, parsed
from gov_news_extract import Breakdown, Document, Ranking, parse
from gov_news_extract.cli import main
from gov_news_extract.report import tables

HOTLINE = ("本报讯 今年上半年,市12345热线共受理群众诉求8215件,环比下降6.6%,日均约45件。其中,电话渠道7010件、"
           "网络渠道1205件。按诉求类型分析:咨询类4930件,占比60.0%;投诉类2464件,占比30.0%;其他类821件,占比10.0%。")


def test_records_have_the_documented_columns_and_numeric_values() -> None:
    doc = parse(HOTLINE)
    recs = doc.to_records()
    assert recs and all(list(r) == [c.name for c in tables.FACT_COLUMNS] for r in recs)
    assert all(isinstance(r["value"], float) for r in recs)
    assert {r["kind"] for r in recs} <= {"quantity", "percent", "change"}
    total = next(r for r in recs if r["text"] == "8215件")
    change = next(r for r in recs if r["kind"] == "change")
    assert (change["value"], change["direction"], change["basis"]) == (6.6, "down", "环比")
    assert change["period"] == "今年上半年" and change["period_value"].endswith("H1")
    daily = next(r for r in recs if r["text"].startswith("约45") or r["text"] == "45件")
    assert daily["approx"] == "约" or daily["qualifier"] == "日均"
    # The ids tie a figure to its breakdown: a part's breakdown_id and position lead to the
    # composites table's row with the same value_id.
    parts = [r for r in recs if r["breakdown_id"]]
    comps = {(c["composite_id"], c["position"]): c for c in doc.to_records("composites")}
    assert parts and all(r["id"] in (comps[r["breakdown_id"], r["part"]]["value_id"],
                                     comps[r["breakdown_id"], r["part"]]["share_id"]) for r in parts)
    assert total["total_of"] and all(doc.fact(b).kind == "breakdown" for b in total["total_of"].split())


def test_composites_table_one_row_per_part_and_item() -> None:
    doc = parse(HOTLINE)
    rows = doc.to_records("composites")
    members = sum(len(f.parts) if isinstance(f, Breakdown) else len(f.items) for f in doc.facts()
                  if isinstance(f, (Breakdown, Ranking)))
    assert len(rows) == members and list(rows[0]) == [c.name for c in tables.COMPOSITE_COLUMNS]
    kinds = [(r["label"], r["value"], r["share"]) for r in rows if r["total"] == 8215.0 and r["share"] is not None]
    assert kinds == [("咨询类", 4930.0, 60.0), ("投诉类", 2464.0, 30.0), ("其他类", 821.0, 10.0)]


def test_unknown_table() -> None:
    with pytest.raises(ValueError, match="known: facts, composites"):
        tables.records(parse(HOTLINE), "nope")  # type: ignore[arg-type]


# ---------------------------------------------------------------- following links
def test_fact_and_links() -> None:
    doc = parse(HOTLINE)
    b = next(f for f in doc.facts() if isinstance(f, Breakdown) and f.total == 8215 and f.parts[0].share)
    assert b.total_id is not None
    total = doc.fact(b.total_id)
    assert total.span.text == "8215件"
    links = doc.links(b)
    assert links["total_id"] is total and links["parts[0].value_id"].span.text == "4930件"
    assert b in doc.composites_of(total)
    assert doc.article_of(total) is doc.articles[0]
    period = doc.period_of(total)
    assert period is not None and period.span.text == "今年上半年"
    with pytest.raises(KeyError):
        doc.fact("no-such-id")


def test_fact_follows_edits() -> None:
    doc = parse(HOTLINE)
    first = doc.facts()[0]
    assert doc.fact(first.id) is first
    doc.articles[0].facts = doc.articles[0].facts[1:]
    renamed = doc.facts()[0].model_copy(update={"id": "new"})
    doc.articles[0].facts[0] = renamed
    assert doc.fact("new") is renamed


# ---------------------------------------------------------------- CSV cells
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_csv_cell_reads_back_as_the_same_float(x: float) -> None:
    text = tables.cell(x)
    assert "e" not in text.lower() and float(text) == x


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("@SUM(A1)", "'@SUM(A1)"), ("+1件", "'+1件"),
    ("-2.8", "-2.8"), ("+12.5%", "+12.5%"), ("受理量", "受理量"), ("'引号", "''引号"),
])
def test_text_that_a_spreadsheet_would_run_is_quoted(value: str, written: str) -> None:
    """A scraped page's words are untrusted: never a formula in the CSV (signed numbers stay); our
    read_csv gives the text back as it was."""
    assert tables.cell(value) == written
    assert tables._unquoted(written) == value


def test_cell_forms() -> None:
    assert [tables.cell(v) for v in (None, 8215.0, 9.3, True, False, math.nan, "件")] == [
        "", "8215", "9.3", "true", "false", "", "件"]


# ---------------------------------------------------------------- pandas on the whole corpus
@pytest.mark.parametrize("path", page_paths(), ids=page_ids())
def test_to_pandas_dtypes_on_every_page(path: Path) -> None:
    pd = pytest.importorskip("pandas")
    _, doc = parsed(path)
    facts = doc.to_pandas()
    assert list(facts.columns) == [c.name for c in tables.FACT_COLUMNS]
    for c in tables.FACT_COLUMNS:
        dtype = facts[c.name].dtype
        if c.dtype == "float64":
            assert dtype == "float64", c.name
        elif c.dtype == "Int64":
            assert isinstance(dtype, pd.Int64Dtype), c.name
        elif c.dtype.startswith("datetime64"):
            assert pd.api.types.is_datetime64_any_dtype(dtype), c.name
        elif c.dtype == "boolean":
            assert isinstance(dtype, pd.BooleanDtype), c.name
        else:
            assert isinstance(dtype, pd.StringDtype), c.name
    assert facts["value"].notna().all()
    comps = doc.to_pandas("composites")
    assert comps["value"].dtype == "float64" and comps["share"].dtype == "float64"


def test_csv_round_trips_through_pandas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pd = pytest.importorskip("pandas")
    paths = page_paths()
    out = tmp_path / "facts.csv"
    assert main(["parse", *map(str, paths), "-f", "csv", "-o", str(out), "-q"]) == 0
    capsys.readouterr()
    expected = pd.concat([parsed(p)[1].to_pandas() for p in paths], ignore_index=True)
    # A plain read_csv already gives numbers in value, and the same numbers.
    plain = pd.read_csv(out)
    assert plain["value"].dtype == "float64"
    assert plain["value"].tolist() == expected["value"].tolist()
    # tables.read_csv gives the same frame, dtypes and all.
    pd.testing.assert_frame_equal(tables.read_csv(out), expected)
    comp = tmp_path / "composites.csv"
    assert main(["parse", *map(str, paths), "-f", "csv", "--table", "composites", "-o", str(comp), "-q"]) == 0
    expected_c = pd.concat([parsed(p)[1].to_pandas("composites") for p in paths], ignore_index=True)
    pd.testing.assert_frame_equal(tables.read_csv(comp, "composites"), expected_c)


def test_to_pandas_without_pandas_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def no_pandas(name: str, *args: object, **kw: object) -> object:
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    with pytest.raises(ImportError, match=r"gov-news-extract\[pandas\]"):
        Document().to_pandas()


def test_records_of_an_empty_document() -> None:
    assert Document().to_records() == [] and parse("").to_records("composites") == []
    buf = io.StringIO()
    buf.write(",".join(tables.csv_header()))
    assert buf.getvalue().startswith("source,article,")


def test_docs_list_every_column() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "tables.md").read_text(encoding="utf-8")
    for table in tables.TABLES:
        for name, dtype, meaning in tables.describe(table):
            assert f"| `{name}` | {dtype} | {meaning} |" in doc, (table, name)


def test_looking_facts_up_keeps_documents_equal() -> None:
    a, b = parse(HOTLINE), parse(HOTLINE)
    a.fact(a.facts()[0].id)
    assert a == b
