"""One self-contained HTML page to look at: the text with every figure highlighted by kind,
breakdowns outlined with their total, each finding underlined at its number with the
arithmetic in a tooltip and listed in a margin with its rule's explanation.

The page text is untrusted (a scraped page may carry `<script>` or event attributes):
every piece of it goes through `escape`, and the page's Content-Security-Policy allows no
script but its own inline one and no style but its own (both by hash), loads nothing from
the network, and sends no form. Without script the page still shows everything but the
hover boxes (figures then carry plain `title` tooltips).
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .. import __version__
from ..models import (
    Breakdown,
    Change,
    DateFact,
    Diagnostic,
    Document,
    Fact,
    Percent,
    Period,
    Quantity,
    Ranking,
    Span,
    TimeFact,
)


@dataclass
class Page:
    """One checked or parsed text: its path as shown, the text, its Document and the findings to show."""

    path: str
    text: str
    doc: Document
    diagnostics: list[Diagnostic] = field(default_factory=list)


def escape(s: object) -> str:
    """Text for HTML content or a quoted attribute value: & < > " ' escaped, NUL dropped."""
    return html.escape(str(s), quote=True).replace("\x00", "")


# ---------------------------------------------------------------- page furniture
STYLE = """
:root{--q:#dbeafe;--q-b:#2563eb;--p:#dcfce7;--p-b:#16a34a;--c:#ffedd5;--c-b:#ea580c;--d:#f3e8ff;--d-b:#9333ea;
--err:#dc2626;--warn:#d97706;--info:#6b7280;--ink:#1f2937;--mute:#6b7280}
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",sans-serif;
color:var(--ink);background:#fafaf9}
header.top{padding:12px 20px;background:#fff;border-bottom:1px solid #e5e7eb;position:sticky;top:0;z-index:5}
header.top h1{font-size:17px;margin:0 0 4px}
.legend span{display:inline-block;margin-right:10px;font-size:12px;padding:0 4px;border-radius:3px}
.summary{font-size:13px;color:var(--mute)}
nav.files{padding:8px 20px;font-size:13px}
nav.files a{margin-right:12px}
section.doc{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:20px;padding:16px 20px;
border-bottom:2px solid #e5e7eb}
section.doc>h2{grid-column:1/-1;font-size:15px;margin:0;word-break:break-all}
section.doc>h2 small{font-weight:normal;color:var(--mute);margin-left:8px}
.text{white-space:pre-wrap;word-break:break-word;background:#fff;border:1px solid #e5e7eb;border-radius:6px;
padding:16px 18px;line-height:2.1;font-size:16px;min-width:0}
aside.margin{font-size:13px;min-width:0}
aside.margin ol{list-style:none;padding:0;margin:0}
aside.margin li{background:#fff;border:1px solid #e5e7eb;border-left:4px solid var(--err);border-radius:4px;
padding:8px 10px;margin:0 0 10px}
aside.margin li.sev-warning{border-left-color:var(--warn)}
aside.margin li.sev-info{border-left-color:var(--info)}
aside.margin li.hl{background:#fef9c3}
aside.margin .rule{font-weight:600;font-family:ui-monospace,monospace}
aside.margin .where{color:var(--mute);margin-left:6px}
aside.margin .msg{margin:4px 0}
aside.margin .en{color:var(--mute);margin:2px 0}
aside.margin .why{margin:6px 0 0;color:#374151;font-size:12px}
aside.margin pre{white-space:pre-wrap;font-size:11px;background:#f9fafb;padding:6px;margin:4px 0 0}
aside.margin .none{color:var(--mute)}
.n{display:inline-block;min-width:18px;padding:0 4px;border-radius:9px;background:var(--err);color:#fff;
font-size:11px;line-height:18px;text-align:center;text-decoration:none;font-weight:600}
.sev-warning>.n,.sev-warning .n{background:var(--warn)}
.sev-info>.n,.sev-info .n{background:var(--info)}
.f{border-radius:3px;padding:1px 0;border-bottom:2px solid transparent}
.k-quantity{background:var(--q);border-bottom-color:var(--q-b)}
.k-percent{background:var(--p);border-bottom-color:var(--p-b)}
.k-change{background:var(--c);border-bottom-color:var(--c-b)}
.k-date,.k-period,.k-time{background:var(--d);border-bottom-color:var(--d-b)}
.cmp{border:1.5px solid;border-radius:4px;padding:2px 1px;-webkit-box-decoration-break:clone;
box-decoration-break:clone}
.cmp.c0{border-color:#0d9488}.cmp.c1{border-color:#7c3aed}.cmp.c2{border-color:#db2777}
.cmp.c3{border-color:#0284c7}.cmp.c4{border-color:#65a30d}.cmp.c5{border-color:#b45309}
.rank{border-style:dashed}
.cmp:not(.cont)::before{content:attr(data-tag);font-size:10px;line-height:1;color:#fff;background:#0d9488;
border-radius:3px;padding:1px 3px;margin-right:2px;vertical-align:2px}
.cmp.c1:not(.cont)::before{background:#7c3aed}.cmp.c2:not(.cont)::before{background:#db2777}
.cmp.c3:not(.cont)::before{background:#0284c7}.cmp.c4:not(.cont)::before{background:#65a30d}
.cmp.c5:not(.cont)::before{background:#b45309}
.total{outline:2px solid #0d9488;outline-offset:1px}
.total.c1{outline-color:#7c3aed}.total.c2{outline-color:#db2777}.total.c3{outline-color:#0284c7}
.total.c4{outline-color:#65a30d}.total.c5{outline-color:#b45309}
.dg{text-decoration:underline wavy var(--err);text-decoration-thickness:2px;text-underline-offset:4px;
text-decoration-skip-ink:none}
.dg.sev-warning{text-decoration-color:var(--warn)}
.dg.sev-info{text-decoration-color:var(--info)}
.rel{text-decoration:underline dotted var(--err);text-decoration-thickness:2px;text-underline-offset:4px}
.hl{background:#fde047!important;outline:2px solid #ca8a04}
.title{font-weight:700;font-size:1.08em}
.pin{vertical-align:super;margin-left:1px}
#tip{position:fixed;z-index:10;max-width:420px;background:#111827;color:#f9fafb;font-size:12px;line-height:1.5;
padding:6px 8px;border-radius:4px;white-space:pre-line;pointer-events:none}
#tip[hidden]{display:none}
footer{padding:10px 20px;color:var(--mute);font-size:12px}
@media (max-width:900px){section.doc{grid-template-columns:1fr}}
"""

# Hover boxes and linked highlighting. Reads only attributes this module wrote; writes only
# textContent and classes (never HTML), so the page's text cannot become markup through it.
SCRIPT = """
(function(){
  var tip = document.getElementById("tip");
  document.querySelectorAll("[title]").forEach(function(el){
    if (el.closest(".text")) { el.setAttribute("data-tip", el.getAttribute("title")); el.removeAttribute("title"); }
  });
  function keys(el){ var k = el && el.getAttribute("data-k"); return k ? k.split(" ") : []; }
  var lit = [];
  function light(ks){
    lit.forEach(function(el){ el.classList.remove("hl"); }); lit = [];
    ks.forEach(function(k){
      document.querySelectorAll('[data-k~="' + CSS.escape(k) + '"]').forEach(function(el){
        el.classList.add("hl"); lit.push(el);
      });
    });
  }
  document.addEventListener("mouseover", function(ev){
    var t = ev.target instanceof Element ? ev.target : null;
    var parts = [], el = t;
    while (el && !(el.classList && el.classList.contains("text"))) {
      if (el.getAttribute && el.getAttribute("data-tip")) parts.push(el.getAttribute("data-tip"));
      el = el.parentElement;
    }
    if (parts.length && el) { tip.textContent = parts.join("\\n\\n"); tip.hidden = false; } else { tip.hidden = true; }
    var owner = t && t.closest("[data-k]");
    light(owner ? keys(owner) : []);
  });
  document.addEventListener("mousemove", function(ev){
    if (tip.hidden) return;
    var x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = ev.clientY + 18;
    if (y + tip.offsetHeight > window.innerHeight - 8) y = ev.clientY - tip.offsetHeight - 12;
    tip.style.left = x + "px"; tip.style.top = y + "px";
  });
  document.documentElement.setAttribute("data-ready", "1");
})();
"""


def _hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii") + "'"


def csp(scripts: Iterable[str] = (SCRIPT,), styles: Iterable[str] = (STYLE,)) -> str:
    """The page's Content-Security-Policy: nothing may load or run but the given inline script
    and style elements, each allowed by its hash."""
    return "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_hash(s) for s in scripts),
        "style-src " + " ".join(_hash(s) for s in styles),
        "img-src 'none'", "font-src 'none'", "connect-src 'none'", "media-src 'none'", "object-src 'none'",
        "frame-src 'none'", "base-uri 'none'", "form-action 'none'",
    ])


# ---------------------------------------------------------------- what the text shows
@dataclass
class _Mark:
    start: int
    end: int
    layer: int  # outer first at equal spans: 0 title, 1 composite, 2 fact, 3 related, 4 finding
    tag: str
    attrs: dict[str, str]
    cls: list[str]


def _num(v: Decimal | None) -> str:
    if v is None:
        return ""
    text = format(v, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _where(span: Span) -> str:
    return f"line {span.line}, col {span.col}"


def _fact_tip(doc: Document, f: Fact, periods: dict[str, DateFact | Period]) -> str:
    lines: list[str] = []
    if isinstance(f, (Quantity, Percent, Change)):
        head = f"{f.kind}: {f.approx or ''}{_num(f.value)}"
        if f.value_high is not None:
            head += f"–{_num(f.value_high)}"
        head += f" {f.unit or '(no unit)'}"
        if isinstance(f, Change):
            head = f"change: {'▲ up' if f.direction == 'up' else '▼ down'} {_num(f.value)} {f.unit or ''}"
        lines.append(head)
        if f.label:
            lines.append(f"label: {f.label}")
        if isinstance(f, Change) and f.basis:
            lines.append(f"basis: {f.basis}")
        if f.qualifier:
            lines.append(f"qualifier: {f.qualifier}")
        if f.unit_inferred:
            lines.append("unit taken from context")
    elif isinstance(f, (DateFact, Period)):
        head = f"{f.kind}: {f.value}"
        if f.start and f.end:
            head += f" ({f.start.isoformat()} – {f.end.isoformat()})"
        if isinstance(f, Period) and f.days:
            head += f", {f.days} days"
        lines.append(head)
    elif isinstance(f, TimeFact):
        lines.append(f"time: {f.value}")
    period = periods.get(f.period_id or "")
    if period is not None:
        lines.append(f"period: {period.span.text} ({period.value})")
    lines.append(f"id: {f.id}")
    return "\n".join(lines)


def _composite_tip(f: Breakdown | Ranking) -> tuple[str, str]:
    """(tag shown on the outline, tooltip)."""
    if isinstance(f, Breakdown):
        unit = f.unit or ""
        total = f"{_num(f.total)}{unit}" if f.total is not None else "no stated total"
        tag = f"Σ {total}" if f.total is not None else "Σ ?"
        lines = [f"breakdown {f.id}: {len(f.parts)} parts of {total}"
                 + (" (complete)" if f.complete else "")
                 + (f", total tied by {f.total_link}" if f.total_link else "")]
        if f.label:
            lines.append(f"label: {f.label}")
        values = [p.value for p in f.parts if p.value is not None]
        shares = [p.share for p in f.parts if p.share is not None]
        for p in f.parts:
            bits = [b for b in (f"{_num(p.value)}{unit}" if p.value is not None else "",
                                f"{_num(p.share)}%" if p.share is not None else "") if b]
            lines.append(f"  {p.label or '?'}: {', '.join(bits)}")
        if values:
            lines.append(f"parts add up to {_num(sum(values, Decimal(0)))}{unit}")
        if shares:
            lines.append(f"shares add up to {_num(sum(shares, Decimal(0)))}%")
        return tag, "\n".join(lines)
    tag = f"№ {len(f.items)}"
    lines = [f"ranking {f.id}: {len(f.items)} items, {'largest' if f.order == 'desc' else 'smallest'} first"]
    if f.criterion:
        lines.append(f"by: {f.criterion}")
    for i, it in enumerate(f.items, 1):
        bits = [b for b in (_num(it.value), f"{_num(it.share)}%" if it.share is not None else "") if b]
        lines.append(f"  {i}. {it.label}" + (f": {', '.join(bits)}" if bits else ""))
    return tag, "\n".join(lines)


def _rule_text(rule_id: str) -> tuple[str, str]:
    """(one-line summary, full documentation) of a rule, empty for an unknown id."""
    from ..checks import suppress
    from ..checks.rules import get

    rule = get(rule_id) or suppress.meta_rule(rule_id)
    if rule is None:
        return "", ""
    return rule.summary, rule.doc


def _marks(page: Page, key: str) -> list[_Mark]:
    doc = page.doc
    n = len(page.text)
    marks: list[_Mark] = []
    facts = doc.facts()
    periods = {f.id: f for f in facts if isinstance(f, (DateFact, Period)) and f.id}
    colour: dict[str, int] = {}
    totals: dict[str, list[str]] = {}
    for f in facts:
        if isinstance(f, (Breakdown, Ranking)):
            colour[f.id] = len(colour) % 6
            if isinstance(f, Breakdown) and f.total_id:
                totals.setdefault(f.total_id, []).append(f.id)

    def add(span: Span | None, layer: int, cls: list[str], attrs: dict[str, str]) -> None:
        if span is None or not (0 <= span.start <= span.end <= n):
            return
        marks.append(_Mark(span.start, span.end, layer, "span", attrs, cls))

    for art in doc.articles:
        add(art.title_span, 0, ["title"], {})
    for f in facts:
        if isinstance(f, (Breakdown, Ranking)):
            tag, tip = _composite_tip(f)
            c = colour[f.id]
            add(f.span, 1, ["cmp", f"c{c}"] + (["rank"] if isinstance(f, Ranking) else []),
                {"data-tag": tag, "title": tip, "data-k": f"{key}-b{f.id}"})
        else:
            cls = ["f", f"k-{f.kind}"]
            attrs = {"title": _fact_tip(doc, f, periods)}
            if f.id in totals:
                cls += ["total", f"c{colour[totals[f.id][0]]}"]
                attrs["title"] += "\ntotal of " + ", ".join(totals[f.id])
                attrs["data-k"] = " ".join(f"{key}-b{b}" for b in totals[f.id])
            add(f.span, 2, cls, attrs)
    for i, d in enumerate(page.diagnostics, 1):
        k = f"{key}-d{i}"
        tip = f"finding {i} · {d.rule} ({d.severity})\n{d.message}" + (f"\n{d.message_en}" if d.message_en else "")
        for r in d.related:
            if (r.start, r.end) != (d.span.start, d.span.end):
                add(r, 3, ["rel"], {"data-k": k, "title": f"used by finding {i} ({d.rule})"})
        attrs = {"id": f"m-{k}", "data-k": k, "title": tip}
        if d.span.end > d.span.start:
            add(d.span, 4, ["dg", f"sev-{d.severity}"], attrs)
    return marks


def _pins(page: Page, key: str) -> dict[int, list[str]]:
    """Numbered badges after each finding's figure (or at its point when the span is empty)."""
    out: dict[int, list[str]] = {}
    n = len(page.text)
    for i, d in enumerate(page.diagnostics, 1):
        pos = min(max(d.span.end, 0), n)
        k = f"{key}-d{i}"
        extra = f' id="m-{k}"' if d.span.end <= d.span.start else ""
        out.setdefault(pos, []).append(
            f'<a class="n pin sev-{escape(d.severity)}" href="#{k}" data-k="{k}"{extra}>{i}</a>')
    return out


def _open(m: _Mark, cont: bool) -> str:
    cls = m.cls + (["cont"] if cont else [])
    attrs = dict(m.attrs)
    if cont:
        attrs.pop("id", None)  # an id names the first piece only
    text = "".join(f' {k}="{escape(v)}"' for k, v in attrs.items())
    return f'<{m.tag} class="{escape(" ".join(cls))}"{text}>'


def render_text(page: Page, key: str) -> str:
    """The text with its marks as properly nested elements: a mark that crosses another's end
    is closed and reopened (a continuation piece, without the outline's tag)."""
    text = page.text
    marks = sorted(_marks(page, key), key=lambda m: (m.start, -m.end, m.layer))
    pins = _pins(page, key)
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks), *pins})
    starts: dict[int, list[_Mark]] = {}
    for m in marks:
        if m.end > m.start:
            starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[_Mark] = []
    for i, pos in enumerate(bounds):
        if any(m.end == pos for m in stack):
            # Close down to the deepest mark ending here; reopen the ones that go on.
            depth = min(j for j, m in enumerate(stack) if m.end == pos)
            reopen = [m for m in stack[depth:] if m.end != pos]
            for m in reversed(stack[depth:]):
                out.append(f"</{m.tag}>")
            del stack[depth:]
            for m in reopen:
                out.append(_open(m, cont=True))
                stack.append(m)
        out.extend(pins.get(pos, []))
        for m in starts.get(pos, []):
            out.append(_open(m, cont=False))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(escape(text[pos:bounds[i + 1]]))
    for m in reversed(stack):
        out.append(f"</{m.tag}>")
    return "".join(out)


def _margin(page: Page, key: str) -> str:
    if not page.diagnostics:
        return '<aside class="margin"><p class="none">No findings.</p></aside>'
    items = []
    for i, d in enumerate(page.diagnostics, 1):
        k = f"{key}-d{i}"
        summary, full = _rule_text(d.rule)
        figure = f" · <q>{escape(d.span.text)}</q>" if d.span.text else ""
        items.append(
            f'<li id="{k}" class="sev-{escape(d.severity)}" data-k="{k}">'
            f'<a class="n" href="#m-{k}">{i}</a> <span class="rule">{escape(d.rule)}</span>'
            f'<span class="where">{escape(d.severity)} · {escape(_where(d.span))}{figure}</span>'
            f'<p class="msg">{escape(d.message)}</p>'
            + (f'<p class="en">{escape(d.message_en)}</p>' if d.message_en else "")
            + (f'<p class="why">{escape(summary)}</p>' if summary else "")
            + (f"<details><summary>about {escape(d.rule)}</summary><pre>{escape(full)}</pre></details>"
               if full else "")
            + "</li>")
    return f'<aside class="margin"><ol>{"".join(items)}</ol></aside>'


def _counts(doc: Document) -> dict[str, int]:
    out: dict[str, int] = {}
    for f in doc.facts():
        out[f.kind] = out.get(f.kind, 0) + 1
    return out


def _stats(page: Page) -> str:
    c = _counts(page.doc)
    figures = c.get("quantity", 0) + c.get("percent", 0) + c.get("change", 0)
    counts = ((len(page.doc.articles), "article"), (figures, "figure"), (c.get("breakdown", 0), "breakdown"),
              (c.get("ranking", 0), "ranking"), (len(page.diagnostics), "finding"))
    return " · ".join(f"{n} {word}{'s' if n != 1 else ''}" for n, word in counts)


def section(page: Page, index: int) -> str:
    """One text's section of the report."""
    key = f"p{index}"
    return (f'<section class="doc" id="{key}"><h2>{escape(page.path)}<small>{escape(_stats(page))}</small></h2>'
            f'<div class="text" lang="zh">{render_text(page, key)}</div>{_margin(page, key)}</section>')


LEGEND = ('<span class="f k-quantity">quantity</span><span class="f k-percent">percent</span>'
          '<span class="f k-change">change</span><span class="f k-date">date · period · time</span>'
          '<span class="cmp c0" data-tag="Σ">breakdown</span><span class="f k-quantity total c0">its total</span>'
          '<span class="cmp c1 rank" data-tag="№">ranking</span><span class="dg sev-error">finding</span>'
          '<span class="rel">figure it uses</span>')


def head(title: str, *, scripts: Sequence[str] = (SCRIPT,)) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{escape(csp(scripts))}">'
            '<meta name="referrer" content="no-referrer">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>")


def render(pages: Sequence[Page], *, title: str = "gov-news-extract report") -> str:
    """The whole page for one or several texts."""
    n_find = sum(len(p.diagnostics) for p in pages)
    by_rule: dict[str, int] = {}
    for p in pages:
        for d in p.diagnostics:
            by_rule[d.rule] = by_rule.get(d.rule, 0) + 1
    rules = ", ".join(f"{r} {c}" for r, c in sorted(by_rule.items()))
    summary = (f"{len(pages)} text{'s' if len(pages) != 1 else ''} · "
               f"{n_find} finding{'s' if n_find != 1 else ''}" + (f" ({rules})" if rules else ""))
    nav = ""
    if len(pages) > 1:
        nav = '<nav class="files">' + "".join(
            f'<a href="#p{i}">{escape(p.path)} ({len(p.diagnostics)})</a>' for i, p in enumerate(pages)) + "</nav>"
    return (head(title)
            + f'<header class="top"><h1>{escape(title)}</h1><div class="legend">{LEGEND}</div>'
            f'<div class="summary">{escape(summary)} · hover a figure for its reading, a finding for its '
            f"arithmetic</div></header>{nav}"
            + "".join(section(p, i) for i, p in enumerate(pages))
            + f'<footer>gov-news-extract {escape(__version__)}</footer><div id="tip" hidden></div>'
            f"<script>{SCRIPT}</script></body></html>\n")


def page_for(path: str, text: str, doc: Document, diagnostics: Sequence[Diagnostic] | None = None) -> Page:
    return Page(path, text, doc, list(doc.diagnostics if diagnostics is None else diagnostics))



class HtmlFormat:
    """`parse --format html`: one page for all inputs, written at the end.

    `render` runs in the worker and sends the Document back as JSON; `join` (in the writer)
    reads its text again from the same source, decoded the same way, to show it."""

    name = "html"

    def __init__(self) -> None:
        self.sources: dict[str, Any] = {}
        self.encoding: str | None = None
        self.pages: list[Page] = []

    def begin(self, many: bool) -> str:
        return ""

    def render(self, doc: Document) -> str:
        return doc.model_dump_json()

    def join(self, rendered: str, index: int, many: bool) -> str:
        from pathlib import Path

        from ..io import decode

        doc = Document.model_validate_json(rendered)
        path = doc.source or ""
        src = self.sources.get(path)
        data = src.data if src is not None and src.data is not None else Path(path).read_bytes()
        self.pages.append(Page(path, decode(data, self.encoding), doc, list(doc.diagnostics)))
        return ""

    def end(self, many: bool, count: int) -> str:
        return render(self.pages, title="gov-news-extract parse")
