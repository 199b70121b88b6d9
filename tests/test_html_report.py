"""The HTML report: one self-contained page, the text shown exactly, every piece of it escaped,
no script but its own; and in headless Chromium, every finding visible and nothing injected run.

The Chromium tests skip where Debian's `chromium` is not installed, unless
GNE_REQUIRE_CHROMIUM is set (CI sets it: there the report must be seen, not skipped). The
screenshot of the reference page's report is written to $GNE_ARTIFACTS (default:
`artifacts/` in the repository).
"""

from __future__ import annotations

import html as htmllib
import json
import os
import re
import shutil
import struct
import subprocess
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus_docs import SHARED, page_ids, page_paths, parsed
from gov_news_extract import Article, Breakdown, Diagnostic, Document, Part, Quantity, Span, parse
from gov_news_extract.cli import main
from gov_news_extract.report import html

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = ("本报讯 热线共受理工单1000件<script>document.documentElement.setAttribute('data-pwned','script')"
           "</script>。其中,咨询类600件,占比60%;<img src=x onerror=\"document.documentElement.setAttribute("
           "'data-pwned','img')\">求助类300件,占比30%;其他类200件,占比20%。<script>alert(1)</script>"
           "<img src=x onerror=alert(1)>\n<svg onload=alert(1)><a href=\"javascript:alert(1)\">链接</a>"
           "<style>body{display:none}</style><link rel=stylesheet href=http://example.invalid/x.css>"
           "\"'><iframe src=http://example.invalid></iframe>转办工单办结率100.5%。\n")


# ---------------------------------------------------------------- the page as text
class _Tree(HTMLParser):
    """Checks nesting, and collects the text of the `.text` block (badges left out) and every
    tag and attribute."""

    VOID = frozenset({"meta", "br", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # tag, inside .text, a badge
        self.texts: list[list[str]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self._raw: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag in self.VOID:
            return
        classes = (a.get("class") or "").split()
        inside = bool(self.stack and self.stack[-1][1])
        badge = bool(self.stack and self.stack[-1][2]) or "pin" in classes
        if "text" in classes and tag == "div":
            inside = True
            self.texts.append([])
        self.stack.append((tag, inside, badge))
        if tag in ("script", "style"):
            self._raw = tag

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"</{tag}> closes {self.stack[-1:]}"
        self.stack.pop()
        self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw == "script":
            self.scripts.append(data)
        elif self._raw == "style":
            self.styles.append(data)
        elif self.stack and self.stack[-1][1] and not self.stack[-1][2]:
            self.texts[-1].append(data)


def _tree(page: str) -> _Tree:
    t = _Tree()
    t.feed(page)
    t.close()
    assert not t.stack, t.stack
    return t


def _csp(page: str) -> str:
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page)
    assert m is not None
    return htmllib.unescape(m.group(1))


def test_hostile_text_is_escaped_and_shown_as_written() -> None:
    doc = parse(HOSTILE)
    page = html.render([html.page_for("x\"><script>alert(1)</script>.txt", HOSTILE, doc)])
    t = _tree(page)
    # The text reads back exactly; only our own script and style are elements of those kinds.
    assert "".join(t.texts[0]) == HOSTILE
    assert t.scripts == [html.SCRIPT] and t.styles == [html.STYLE]
    tags = {tag for tag, _ in t.tags}
    assert "img" not in tags and "svg" not in tags and "iframe" not in tags and "link" not in tags
    for tag, attrs in t.tags:
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").lower().startswith(("javascript:", "http:", "https:", "//")), (tag, name, value)
            if name == "href":
                assert (value or "").startswith("#")


def test_csp_allows_only_the_page_own_script_and_style() -> None:
    page = html.render([html.page_for("a.txt", "热线共受理工单1000件。", parse("热线共受理工单1000件。"))])
    policy = dict(p.strip().split(" ", 1) for p in _csp(page).split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == html._hash(html.SCRIPT) and "unsafe" not in _csp(page)
    assert policy["style-src"] == html._hash(html.STYLE)
    assert policy["base-uri"] == "'none'" and policy["form-action"] == "'none'"
    # The meta element comes before any script or style, so it governs them.
    assert page.index("Content-Security-Policy") < page.index("<style>") < page.index("<script>")


@pytest.mark.parametrize("path", page_paths(), ids=page_ids())
def test_every_corpus_page_reads_back_exactly(path: Path) -> None:
    text, doc = parsed(path)
    t = _tree(html.render([html.page_for(str(path), text, doc)]))
    assert "".join(t.texts[0]) == text


def test_findings_are_marked_numbered_and_explained() -> None:
    text = "本报讯 热线共受理工单1000件。其中,咨询类600件,占比60%;求助类300件,占比30%;其他类200件,占比20%。\n转办工单办结率100.5%。\n"
    doc = parse(text)
    page = html.render([html.page_for("d.txt", text, doc)])
    assert len(doc.diagnostics) >= 2
    for i, d in enumerate(doc.diagnostics, 1):
        assert f'id="m-p0-d{i}"' in page and f'<li id="p0-d{i}"' in page
        assert htmllib.escape(d.message) in page
    assert "a rate or share" in page or "rate-bounds" in page
    assert 'class="cmp c0"' in page and "total of" in page


def _doc_with(spans: list[tuple[int, int, int]], n: int) -> Document:
    facts: list[Quantity | Breakdown] = []
    diags = []
    for i, (a, b, kind) in enumerate(spans):
        span = Span(start=a, end=b)
        if kind == 0:
            facts.append(Quantity(id=f"f{i}", span=span, value=Decimal(1)))
        elif kind == 1:
            facts.append(Breakdown(id=f"f{i}", span=span, parts=[Part(label="x")], total_id="f0"))
        else:
            diags.append(Diagnostic(rule="parts-sum", severity="error", message="<b>x</b>", span=span,
                                    related=[Span(start=max(0, a - 1), end=b)]))
    return Document(articles=[Article(span=Span(start=0, end=n), title_span=Span(start=0, end=min(n, 3)),
                                      facts=facts)], diagnostics=diags)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=40), st.data())
def test_any_overlap_of_marks_nests_and_keeps_the_text(text: str, data: st.DataObject) -> None:
    n = len(text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n), st.integers(0, 2))
                               .map(lambda t: (min(t[0], t[1]), max(t[0], t[1]), t[2])), max_size=8))
    doc = _doc_with(spans, n)
    t = _tree(html.render([html.Page("p", text, doc, list(doc.diagnostics))]))
    assert "".join(t.texts[0]) == text.replace("\x00", "")  # NUL is dropped: browsers would show U+FFFD


def test_check_and_parse_write_html(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "d.txt"
    f.write_text("转办工单办结率100.5%。\n", encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["check", str(f), "--no-config", "--format", "html", "-o", str(out)]) == 1
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "rate-bounds" in page and 'class="dg sev-error"' in page
    assert capsys.readouterr().err.startswith("Found 1 finding")
    assert main(["parse", str(f), "--format", "html", "-o", str(out)]) == 0
    assert "转办工单办结率" in out.read_text(encoding="utf-8")


# ---------------------------------------------------------------- in a real browser
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = bool(os.environ.get("GNE_REQUIRE_CHROMIUM"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio"]

chromium = pytest.mark.skipif(CHROMIUM is None and not REQUIRED,
                              reason="Debian's chromium is not installed (CI installs it)")


def _browser(tmp_path: Path, page: Path, *extra: str, size: str = "1400,2000") -> str:
    assert CHROMIUM is not None, "GNE_REQUIRE_CHROMIUM is set but chromium is not installed"
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--window-size={size}",
           "--virtual-time-budget=3000", *extra, page.as_uri()]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
    assert res.returncode == 0, res.stderr[-2000:]
    return res.stdout


# Run in the page after its own script: every finding's mark and margin entry must have a box,
# be displayed and opaque, and be the element on top at its own centre once scrolled to.
PROBE = """
(function(){
  function seen(el){
    var s = getComputedStyle(el), r = el.getClientRects()[0];
    if (!r || r.width < 1 || r.height < 1 || s.visibility !== "visible" || s.display === "none" ||
        parseFloat(s.opacity) === 0) return false;
    el.scrollIntoView({block: "center", inline: "center"});
    r = el.getClientRects()[0];
    var top = document.elementFromPoint(r.left + Math.min(r.width, 4) / 2, r.top + r.height / 2);
    return !!top && (top === el || el.contains(top));
  }
  var out = {marks: [], items: [], ready: document.documentElement.getAttribute("data-ready"),
             pwned: document.documentElement.getAttribute("data-pwned")};
  document.querySelectorAll("[id^=m-]").forEach(function(el){ out.marks.push([el.id, seen(el)]); });
  document.querySelectorAll("aside.margin li").forEach(function(el){ out.items.push([el.id, seen(el)]); });
  // Hover boxes, as a pointer would raise them: a finding's arithmetic, a change's reading,
  // a breakdown's parts; and the finding's margin entry lit with it.
  var tip = document.getElementById("tip");
  function hover(sel){
    var el = document.querySelector(sel);
    if (!el) return null;
    el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
    return tip.hidden ? "" : tip.textContent;
  }
  out.tips = {finding: hover(".text .dg"), change: hover(".text .k-change"), breakdown: hover(".text .cmp")};
  hover(".text .dg");
  out.lit = Array.prototype.map.call(document.querySelectorAll("aside.margin li.hl"), function(el){ return el.id; });
  window.scrollTo(0, 0);
  var pre = document.createElement("pre"); pre.id = "probe"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
"""


def _with_probe(page: str) -> str:
    """The page with the probe script added, and allowed by its own hash like the page's script."""
    policy = html.csp(scripts=(html.SCRIPT, PROBE))
    old = re.search(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">', page)
    assert old is not None
    page = page.replace(old.group(0), f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">')
    return page.replace("</body>", f"<script>{PROBE}</script></body>")


def _probe(dom: str) -> dict[str, object]:
    m = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    assert m is not None, "the probe did not run"
    result: dict[str, object] = json.loads(htmllib.unescape(m.group(1)))
    return result


def _artifacts() -> Path:
    out = Path(os.environ.get("GNE_ARTIFACTS", ROOT / "artifacts"))
    out.mkdir(parents=True, exist_ok=True)
    return out


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    w, h = struct.unpack(">II", data[16:24])
    return w, h


@chromium
def test_reference_page_report_in_chromium(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ref = SHARED / "xinxiang-daily-page.txt"
    if not ref.is_file():
        ref = ROOT / "corpora" / "heldout-errors.txt"  # a clone outside the workplace
    report = tmp_path / "report.html"
    main(["check", str(ref), "--no-config", "--format", "html", "-o", str(report)])
    capsys.readouterr()
    page = report.read_text(encoding="utf-8")
    n = page.count('<li id="p0-d')
    assert n >= 1, "the reference page has findings to show"
    # The screenshot: the report as an editor first sees it.
    shot = _artifacts() / "report-reference-page.png"
    shot.unlink(missing_ok=True)
    _browser(tmp_path, report, f"--screenshot={shot}", size="1400,2400")
    assert shot.is_file() and _png_size(shot) == (1400, 2400) and shot.stat().st_size > 50_000
    (_artifacts() / "report-reference-page.html").write_text(page, encoding="utf-8")
    # Every finding visible: its mark in the text and its entry in the margin.
    probed = tmp_path / "probed.html"
    probed.write_text(_with_probe(page), encoding="utf-8")
    result = _probe(_browser(tmp_path, probed, "--dump-dom"))
    assert result["ready"] == "1", "the page's own script did not run (CSP hash?)"
    marks, items = result["marks"], result["items"]
    assert isinstance(marks, list) and isinstance(items, list)
    assert len(marks) == len(items) == n
    assert all(ok for _, ok in marks), marks
    assert all(ok for _, ok in items), items
    # Hovering shows the arithmetic of a finding, the reading of a figure, the parts of a breakdown.
    tips = result["tips"]
    assert isinstance(tips, dict)
    first = parse(ref.read_text(encoding="utf-8")).diagnostics[0]
    assert first.message in tips["finding"] and "finding 1 · " in tips["finding"]
    assert tips["change"].startswith("change: ") and "basis: " in tips["change"] and "label: " in tips["change"]
    assert tips["breakdown"].startswith("breakdown ") and "add up to" in tips["breakdown"]
    assert result["lit"] == ["p0-d1"]


@chromium
def test_hostile_page_runs_no_script_of_its_own(tmp_path: Path) -> None:
    doc = parse(HOSTILE)
    page = html.render([html.page_for("hostile.txt", HOSTILE, doc)])
    report = tmp_path / "hostile.html"
    report.write_text(_with_probe(page), encoding="utf-8")
    result = _probe(_browser(tmp_path, report, "--dump-dom"))
    assert result["ready"] == "1" and result["pwned"] is None
    # The policy holds even if escaping failed: markup put into the page raw does not run.
    raw = _with_probe(page).replace(
        '<div class="text" lang="zh">',
        '<div class="text" lang="zh"><script>document.documentElement.setAttribute("data-pwned","raw")</script>'
        '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'img\')">', 1)
    report.write_text(raw, encoding="utf-8")
    result = _probe(_browser(tmp_path, report, "--dump-dom"))
    assert result["ready"] == "1" and result["pwned"] is None
