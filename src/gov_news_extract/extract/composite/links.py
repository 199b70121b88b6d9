"""What the checks need to know about the figures, read once from the text and recorded on them.

The checks reason over facts and their structure only; whatever they would otherwise read from the
text around a figure is decided here and kept on the figure (models.py documents each field):

- `sentence`: the sentence of every fact;
- `approx`: an approximation word standing apart from its number (约占5.08%, 增加1000万吨(…)以上);
- `Quantity.basis`: a figure that is the period compared with (上周18128件, 较10月份的22908件);
- `Change.basis` carried over parallel clauses (工业增加值同比增长7.3%，固定资产投资增长3.6%: both 同比);
- `Quantity.average_of`, `per`, `days`: an average, the total it spreads and over what;
- `Quantity.from_first`: a duration measured from its scene's first time (从接警到封堵用时26分钟);
- `Percent.bounded`: a proportion of a whole, which cannot pass 100%;
- `display`: a figure shown in a headline, caption or table line;
- `metric`: what a figure measures, as two mentions of it are compared;
- `TimeFact.in_range`, `minutes`: the ends of a stated range, and a time written to the minute.

Every word comes from the lexicon.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from ...context import Context
from ...layout.roles import Role
from ...models import Change, DateFact, Percent, Quantity, TimeFact
from ...text import lexicon
from ...text.clauses import last_before
from ...text.rx import rx

Numeric = Quantity | Percent | Change

# Words that make a rate one that may pass 100% (增长率, 完成年度计划的, 上年, 指数…).
_UNBOUNDED = frozenset({"unbounded_rate", "rate_word", "plan_word", "basis_word", "prior_period", "index_word",
                        "contribution"})
# Lines whose figures are shown rather than told (a headline over the body, an infographic's figure).
_SHOWN = frozenset({Role.TITLE, Role.KICKER, Role.SUBTITLE, Role.CAPTION, Role.TABLE})


def run(ctx: Context) -> None:
    text = ctx.norm.text
    # A sentence for the checks ends at a full stop, a line's end or a semicolon: the statements
    # of a report run on with ;, and a figure's arithmetic stays within one.
    ends = [m.start() for m in rx(r"[。；;！!？?\n]").finditer(text)]
    for f in ctx.facts:
        k = bisect.bisect_left(ends, f.nspan[0])
        a = ends[k - 1] + 1 if k else 0
        b = ends[k] + 1 if k < len(ends) else len(text)
        f.sentence = ctx.norm.span(a, b)
    numerics = sorted((f for f in ctx.facts if isinstance(f, Quantity | Percent | Change)), key=lambda f: f.nspan)
    quantities = [f for f in numerics if isinstance(f, Quantity)]
    _approximations(text, [*numerics, *(f for f in ctx.facts if isinstance(f, TimeFact))])
    bases(text, quantities)
    _bracketed_bases(text, quantities, [f for f in numerics if isinstance(f, Change)],
                     [f for f in ctx.facts if isinstance(f, DateFact)])
    _carried_bases(text, [f for f in numerics if isinstance(f, Change)])
    _averages(text, quantities)
    _durations(text, quantities)
    for f in numerics:
        if isinstance(f, Percent):
            f.bounded = bounded(f.label)
    _adjusted(text, numerics)
    _display(ctx, numerics)
    for f in numerics:
        f.metric = _metric(text, f)
        f.doing = _doing(text, f) or None
    _times(text, [f for f in ctx.facts if isinstance(f, TimeFact)])


# ---------------------------------------------------------------- words around a figure
def _tokens(text: str, a: int, b: int) -> list[lexicon.WordToken]:
    return lexicon.scan(text, max(0, a), min(b, len(text)))


def _words(name: str, **want: object) -> frozenset[str]:
    return _chosen(name, tuple(sorted(want.items())))


@cache
def _chosen(name: str, want: tuple[tuple[str, object], ...]) -> frozenset[str]:
    # asked for on every figure of every page (the metric of each): worked out once
    return frozenset(lexicon.get(name).having(**dict(want)) if want else lexicon.get(name).meanings)


def _adjusted(text: str, numerics: list[Numeric]) -> None:
    """…716535件,排除新冠疫情相关诉求后,受理量与去年同期相比下降8.32%: a change stated after part of
    its figure was set aside is measured on a figure the text does not give; the word that sets it
    aside qualifies the change (the checks then hold it against no figure of the page)."""
    ordered = sorted(numerics, key=lambda f: f.nspan[0])
    for k, f in enumerate(ordered):
        if not isinstance(f, Change) or f.qualifier is not None:
            continue
        a = max(last_before(text, "。\n", f.nspan[0]) + 1,
                max((g.nspan[1] for g in ordered[:k] if isinstance(g, Quantity) and not g.basis), default=0))
        word = next((t for t in _tokens(text, a, f.nspan[0]) if "adjustment" in t.classes), None)
        if word is not None:
            f.qualifier = word.text


def _clause_start(text: str, pos: int) -> int:
    return last_before(text, ",;。:\n(（", pos) + 1


def _approximations(text: str, numerics: list[Numeric | TimeFact]) -> None:
    """约占5.08%, 超过40500万吨, 增加1000万吨(100亿公斤)以上: the word makes the figure a bound."""
    before_words = _words("bound", place="before")
    after_words = _words("bound", place="after")
    approx_shares = _words("share", approx=True)
    particles = _words("particle") if "particle" in lexicon.classes() else set()
    for f in numerics:
        if f.approx:
            continue
        s, e = f.nspan
        # (约有400户: a verb of having between the word and its figure)
        toks = [t for t in _tokens(text, s - 6, s) if t.text not in particles and "have_verb" not in t.classes]
        last = toks[-1] if toks else None
        if last is not None and not text[last.end:s].strip("了达为有"):
            if last.text in before_words:
                f.approx = last.text
                continue
            if last.text in approx_shares:
                f.approx = next((w for w in sorted(before_words, key=len, reverse=True) if last.text.startswith(w)),
                                last.text)
                continue
        m = rx(r"(?:[(（][^()（）]{0,20}[)）])?").match(text, e)
        end = m.end() if m else e
        after = next((t for t in _tokens(text, end, end + 3) if t.start == end), None)
        if after is not None and after.text in after_words:
            f.approx = after.text


def bases(text: str, quantities: list[Quantity]) -> None:
    """上周18128件, 上年同期为800件, 去年同期受理3185件, 较10月份的22908件: the other period's figure."""
    prior = _words("prior_period")
    for q in quantities:
        s = q.nspan[0]
        a = _clause_start(text, s)
        toks = _tokens(text, a, s)
        for t in reversed(toks):
            if t.text in prior and len(text[t.end:s]) <= 6 and not rx(r"\d").search(text, t.end, s):
                q.basis = text[t.start:s].rstrip("为是:的")
                break
        else:
            if text[s - 1:s] == "的":
                opener = next((t for t in toks if "comparator" in t.classes
                               and lexicon.meaning("comparator", t.text).get("role") == "open"
                               and lexicon.meaning("comparator", t.text).get("free")), None)
                if opener is not None and s - opener.start <= 12:
                    q.basis = text[opener.start:s]


def _bracketed_bases(text: str, quantities: list[Quantity], changes: list[Change], dates: list[DateFact]) -> None:
    """环比回落8.7%(9月份受理57705件): a figure in the bracket right after a change, with the period it
    belongs to, is the figure that change is measured against — the other period's, never this
    period's total."""
    ends = {c.nspan[1]: c for c in changes}
    prior = _words("prior_period")
    for q in quantities:
        if q.basis:
            continue
        o = text.rfind("(", max(0, q.nspan[0] - 12), q.nspan[0])
        if o < 0 or ")" in text[o:q.nspan[0]] or ends.get(o) is None:
            continue
        dated = any(o < d.nspan[0] < q.nspan[0] for d in dates)
        if dated or any(t.text in prior for t in _tokens(text, o + 1, q.nspan[0])):
            q.basis = text[o + 1:q.nspan[0]]


def _carried_bases(text: str, changes: list[Change]) -> None:
    """工业增加值同比增长7.3%，固定资产投资增长3.6%，社会消费品零售总额增长5.2%: the basis written on the
    first of parallel clauses is that of each change of the same unit the clauses go on to state."""
    before: Change | None = None
    for c in changes:
        p, before = before, c
        if c.basis or p is None or not p.basis or p.unit != c.unit or p.sentence != c.sentence:
            continue
        if rx(r"[。；;:：\n]").search(text, p.nspan[1], c.nspan[0]):
            continue
        c.basis = p.basis


# ---------------------------------------------------------------- averages
def _average_word(text: str, q: Quantity) -> str | None:
    """The average word of a figure (日均, 平均每天…), from its qualifier, label or the words before it."""
    words = _words("average")
    for w in (q.qualifier or "", (q.label or "")[:4]):
        hit = next((x for x in sorted(words, key=len, reverse=True) if w.startswith(x)), None)
        if hit:
            return hit
    toks = _tokens(text, q.nspan[0] - 8, q.nspan[0])
    return next((t.text for t in reversed(toks) if t.text in words), None)


def _per(word: str | None, unit: str | None) -> str | None:
    if word is not None:
        per = lexicon.meaning("average", word).get("per")
        return per if per in ("day", "week", "month") else None
    if unit and "/" in unit:  # 239起/天: a count per day
        last = unit.rsplit("/", 1)[1]
        meaning = lexicon.meaning("unit", last)
        if meaning.get("day"):
            return "day"
        if meaning.get("calendar") in ("week", "month"):
            return str(meaning["calendar"])
    return None


def _count_unit(u: str | None) -> bool:
    return lexicon.meaning("unit", u or "").get("group") == "count"


def _compatible(a: str | None, b: str | None) -> bool:
    base_a = (a or "").split("/")[0]
    base_b = (b or "").split("/")[0]
    return bool(base_a and base_b) and (base_a == base_b or (_count_unit(base_a) and _count_unit(base_b)))


def _not_a_total(text: str, t: Quantity) -> bool:
    """An average, a peak or a day's figure (峰值, 最高, 单日…) is no period's total."""
    if t.average_of or _average_word(text, t) or t.approx or t.basis:
        return True
    words = (t.qualifier or "") + (t.label or "")
    return any(tok.classes & {"rank_word", "average"} for tok in lexicon.scan(words))


def _averages(text: str, quantities: list[Quantity]) -> None:
    """An average with the total it spreads: the nearest earlier figure of its unit in its sentence or
    the one before, larger than it, not itself an average, a peak, a bound or another period's."""
    starts = [q.nspan[0] for q in quantities]
    for i, q in enumerate(quantities):
        word = _average_word(text, q)
        per = _per(word, q.unit)
        if per is None:
            continue
        q.per = per  # type: ignore[assignment]
        if q.basis or q.approx:
            continue  # 由上周的30件/天左右攀升至…: last period's rate, or a bound
        bracketed = text[q.nspan[0] - 1:q.nspan[0]] in ("(", "（")
        if word is None and not bracketed:
            continue  # a count per day written as its unit speaks of the figure it follows in brackets
        for t in reversed(quantities[max(0, i - 40):i]):
            gap = text[t.nspan[1]:q.nspan[0]]
            if len(rx(r"[。；;！!？?\n]").findall(gap)) > 1:
                break
            if not _compatible(t.unit, q.unit) or _not_a_total(text, t) or t.value <= q.value:
                continue
            if bracketed and gap not in ("(", "（"):
                break  # 6689起(239起/天): the figure the bracket follows, or none
            q.average_of = t.id
            q.days = _stated_days(text, t, quantities, starts)
            break


def _stated_days(text: str, total: Quantity, quantities: list[Quantity], starts: list[int]) -> int | None:
    """工作日5天受理16825件: the days written with the total, in its clause (never a date's day)."""
    a = _clause_start(text, total.nspan[0])
    lo, hi = bisect.bisect_left(starts, a), bisect.bisect_left(starts, total.nspan[0])
    for d in reversed(quantities[lo:hi]):
        if lexicon.meaning("unit", d.unit or "").get("days") and d.value == d.value.to_integral_value() \
                and 0 < d.value < 1000 and total.nspan[0] - d.nspan[1] <= 10:
            return int(d.value)
    return None


# ---------------------------------------------------------------- durations and clock times
_RANGE = lexicon.alternation_where("separator", kind="range")  # 至, 到, —: from one end to the other
_OF = lexicon.alternation_where("particle", attributive=True)  # 的


def _durations(text: str, quantities: list[Quantity]) -> None:
    """从接警到封堵用时26分钟: a duration measured from the scene's first time."""
    for q in quantities:
        if not lexicon.meaning("unit", q.unit or "").get("minutes"):
            continue
        a = last_before(text, ",;。\n", q.nspan[0]) + 1
        toks = _tokens(text, a, q.nspan[0])
        start = next((t for t in toks if t.start == a and lexicon.meaning("preposition", t.text).get("kind") == "from"),
                     None)
        q.from_first = start is not None and rx(_RANGE).search(text, start.end, q.nspan[0]) is not None


def _times(text: str, times: Iterable[TimeFact]) -> None:
    for t in times:
        s, e = t.nspan
        t.in_range = rx(rf"\s*(?:{_RANGE})").match(text, e) is not None \
            or rx(rf"(?:{_RANGE})\p{{Han}}{{0,2}}\s*$").search(text, max(0, s - 5), s) is not None
        groups = rx(r"\d+").findall(t.span.text or "")
        t.minutes = len(groups) >= 2 or ":" in (t.span.text or "")


# ---------------------------------------------------------------- rates, display, metrics
def bounded(label: str | None) -> bool:
    """A proportion of a whole, named as such (办结率, 满意度, 占比, 比重…): it cannot pass 100%.
    Rates of change, plan completion and measures that pass 100% are not (增长率, 完成…, 密度)."""
    if not label:
        return False
    toks = lexicon.scan(label)
    if not toks:
        return False
    if any(t.classes & _UNBOUNDED for t in toks):
        return False
    last = toks[-1]
    if last.end != len(label.rstrip(" *")):
        return False
    return bool(last.classes & {"share"}) or (len(label) >= 2 and label[-1] in _words("metric_end", bound=True)
                                              and rx(r"\p{Han}").match(label[-2]) is not None)


def _display(ctx: Context, numerics: list[Numeric]) -> None:
    """Figures in a headline, caption, infographic or table line (no sentence of running text)."""
    text = ctx.norm.text
    roles = {(r.start, r.end): r.role for r in ctx.lines}
    starts = sorted(roles)
    for f in numerics:
        if f.cell is not None:
            f.display = True
            continue
        k = bisect.bisect_right(starts, (f.nspan[0], 1 << 62)) - 1
        role = roles[starts[k]] if k >= 0 and starts[k][0] <= f.nspan[0] < starts[k][1] else None
        a = text.rfind("\n", 0, f.nspan[0]) + 1
        b = text.find("\n", f.nspan[1])
        line = text[a:b if b >= 0 else len(text)]
        f.display = role in _SHOWN or "|" in line or not rx(r"[，,。；;、：:]").search(line)


def _metric(text: str, f: Numeric) -> str | None:
    """What the figure measures, as mentions are compared (群众来电 and 来电 are one; 紧急类诉求 and
    紧急类 are one): the cleaned label, with the doing of its clause and a brand in quotes."""
    if not f.label:
        return None
    label = rx(r"[\s*()（）“”\"]").sub("", f.label)
    label = rx(rf"(?<=\p{{Han}}{{2}})(?:{_OF})(?=\p{{Han}}{{2}})").sub("", label)  # 防汛排涝的诉求 is 防汛排涝诉求
    # who and where, the service, the time and the intake say nothing of the metric: 热线一周受理园林绿化
    # 相关事项 and 园林绿化相关事项 are one (the doing is kept apart, below)
    lead = {"requester", "scope", "general_kind", "total", "service", "time_word", "intake_verb"}
    while True:
        toks = lexicon.scan(label)
        first = toks[0] if toks and toks[0].start == 0 else None
        if first is not None and "numeral" in first.classes and len(toks) > 1 and toks[1].start == first.end \
                and lexicon.meaning("unit", toks[1].text).get("group") == "time":
            first = toks[1]  # 一周, 两天: a stretch of time
        rest = label[first.end:] if first is not None else ""
        if first is not None and (first.classes & lead or first is not toks[0]) and len(rest) >= 2 \
                and not _generic(rest):  # (话务总数 keeps its 话务: 总数 alone names nothing)
            label = rest
            continue
        break
    toks = lexicon.scan(label)
    if len(toks) >= 2 and toks[-1].end == len(label) and "generic_noun" in toks[-1].classes \
            and lexicon.meaning("generic_noun", toks[-1].text).get("head") \
            and lexicon.meaning("unit", label[toks[-1].start - 1:toks[-1].start]).get("kinds"):
        label = label[:toks[-1].start]  # 紧急类诉求 → 紧急类
    if len(label) < 2 or _generic(label):
        return None
    return "·".join(x for x in (_brand(text, f), _owner(text, f), _modifier(text, f), label) if x)


def _owner(text: str, f: Numeric) -> str:
    """The name a bracket holding the figure follows (各县、赣榆区(共4家,满分为150分)): the aside is
    that name's, so the same words in another name's aside (各区(共5家,满分为100分)) are another scope."""
    o = text.rfind("(", max(0, f.nspan[0] - 30), f.nspan[0])
    if o <= 0 or ")" in text[o:f.nspan[0]] or text.find(")", f.nspan[1]) < 0 \
            or rx(r"[。;\n]").search(text, f.nspan[1], text.find(")", f.nspan[1])):
        return ""
    m = rx(r"[\p{Han}、]{2,16}$").search(text, max(0, o - 16), o)
    return m.group() if m else ""


def _modifier(text: str, f: Numeric) -> str:
    """A relative clause before a figure whose name follows it (新增的23座免费公园): it narrows what
    is counted, so 新增的23座 and 122座 are two scopes of one noun."""
    ls = f.label_span
    if ls is None or f.span.end > ls.start:
        return ""  # the name stands before the figure: the label holds what narrows it
    a = _clause_start(text, f.nspan[0])
    m = rx(rf"(\p{{Han}}{{1,8}})(?:{_OF})\s*$").search(text, a, f.nspan[0])
    if m is None:
        return ""
    # when, where, who and the intake narrow nothing (三季度受理的2816件…诉求 is the quarter's intake)
    void = {"list_cue", "time_word", "intake_verb", "scope", "requester", "service", "date_part", "numeral"}
    words = m.group(1)
    kept = "".join(words[t.start:t.end] for t in _spans(words) if not t.classes & void)
    return kept if len(kept) >= 2 else ""


def _spans(words: str) -> list[lexicon.WordToken]:
    """The words of a stretch, each a lexicon token or a run of characters no token covers."""
    out: list[lexicon.WordToken] = []
    pos = 0
    for t in lexicon.scan(words):
        if t.start > pos:
            out.append(lexicon.WordToken(pos, t.start, words[pos:t.start]))
        out.append(t)
        pos = t.end
    if pos < len(words):
        out.append(lexicon.WordToken(pos, len(words), words[pos:]))
    return out


def _generic(label: str) -> bool:
    """A label that names no one metric: 其中, 此类…, or only a total, time, scope or basis word."""
    toks = lexicon.scan(label)
    if any(t.classes & {"general_kind", "anaphor"} or t.text in _words("list_cue", kind="subset") for t in toks):
        return True
    whole = [t for t in toks if t.start == 0 and t.end == len(label)]
    kinds = {"total", "value_head", "list_cue", "remainder", "basis_word", "time_word", "scope", "prior_period"}
    return bool(whole and whole[0].classes & kinds)


def _doing(text: str, f: Numeric) -> str:
    """The intake verb of the figure's clause (受理, 办理…): one name, two doings, two metrics."""
    a = max(_clause_start(text, f.nspan[0]), f.nspan[0] - 30)
    verbs = [t.text for t in _tokens(text, a, f.nspan[0]) if "intake_verb" in t.classes]
    return verbs[-1] if verbs else ""


def _brand(text: str, f: Numeric) -> str:
    """A name in quotes right before the label (“爱山东”APP注册用户), which the label drops."""
    m = rx(r"“([^”]{1,12})”[^“”,;。:\d\n]{0,16}$").search(text, max(0, f.nspan[0] - 40), f.nspan[0])
    return m.group(1) if m else ""


def total_words() -> frozenset[str]:
    """The words that say 'in total' (共, 合计…): as a qualifier they make no other metric."""
    return _words("total")


__all__ = ["Decimal", "bounded", "run", "total_words"]
