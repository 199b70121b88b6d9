"""Turning a list of items into the public Breakdown and Ranking facts (names, shares, spans)."""

from __future__ import annotations

import bisect

import regex

from ...context import Context
from ...models import Breakdown, Part, Percent, Quantity, Ranking, RankItem, Span
from ...text import lexicon
from ...text.clauses import last_before
from ...text.rx import rx
from .items import _OTHER, _Item


def _relabel(it: _Item, old: str | None, new: str) -> None:
    """Give a part and the figures that carry its name (count, share, changes) a new name."""
    for f in (it.qty, it.share, *it.changes, *it.extras):
        if f is None or f.label != old:
            continue
        f.label = new
        ls = f.label_span
        if ls is not None:
            f.label_span = Span(start=ls.start, end=ls.start + len(new), line=ls.line, col=ls.col, text=new) \
                if ls.text.startswith(new) else None
    it.label = new


def _category_labels(ctx: Context, parts: list[_Item]) -> None:
    """The parts of a breakdown are named by their categories.

    Names that end alike (工业项目完成投资, 农业项目完成投资; 第一产业增加值, 第二产业增加值) keep
    what tells them apart; counts of one noun that differ by what follows it (10个项目建成投用,
    246个项目正在建设) are named by that."""
    labels = [it.label or "" for it in parts]
    if not all(labels) or len(parts) < 2 or any(it.each for it in parts):
        return
    text = ctx.norm.text
    if len(set(labels)) == 1:
        preds: list[str] = []
        for it in parts:
            f = it.qty
            ls = f.label_span if f is not None else None
            if f is None or ls is None or f.nspan[1] + len(labels[0]) > len(text) \
                    or not text.startswith(labels[0], f.nspan[1]):
                return
            a = f.nspan[1] + len(labels[0])
            m = rx(r"[^,;。:、\n\d]{2,12}(?=[,;。:、\n]|$)").match(text, a)
            if m is None:
                return
            preds.append(m.group())
        if len(set(preds)) == len(preds):
            for it, pred in zip(parts, preds, strict=True):
                _relabel(it, it.label, pred)
        return
    k = 0
    while k < min(map(len, labels)) and len({lb[len(lb) - 1 - k] for lb in labels}) == 1:
        k += 1
    tail = labels[0][len(labels[0]) - k:] if k else ""
    # Only a verb with its object (完成投资) or the name of the aggregate (增加值) goes; the
    # category's own head noun (…项目) stays.
    m = _SHARED_TAIL.search(tail)
    if m is None:
        return
    cut = k - m.start()
    if all(len(lb) - cut >= 2 for lb in labels):
        for it in parts:
            _relabel(it, it.label, (it.label or "")[:-cut])


# A verb of result or intake with what follows it (完成投资, 接待游客)
_SHARED_TAIL = regex.compile(rf"(?:{lexicon.alternation_where('result_verb', trail=True, lead=True)}"
                             rf"|{lexicon.alternation_where('intake_verb', kind='intake')})\p{{Han}}{{0,4}}$")


_OF = lexicon.alternation_where("particle", attributive=True)  # 的
_SHARE_VERB = lexicon.alternation_where("share", kind="verb")  # 占 …
_SHARE_BASE = regex.compile(rf"(?:{_SHARE_VERB})(?P<base>(?:(?!{_SHARE_VERB})[^,;。、]){{2,14}}?)(?:{_OF})?"
                            rf"(?:{lexicon.alternation('ratio_word')})?(?:{lexicon.alternation('copula')})?$")


# 占全市诉求总量的 → 诉求: what is left of a share's base once the words of any whole are gone
_GENERIC_BASE = regex.compile(rf"^(?:{lexicon.alternation('all_of', 'scope')})"
                              rf"|(?:{lexicon.alternation_without('total', kind='marker')}|{_OF}"
                              rf"|(?<=\p{{Han}}{{2}})(?:{lexicon.alternation_where('metric_end', count=True)}))$")
# The level of an area named in a clause: a share of 全省… is not one of a county's figure.
_SCOPE = regex.compile(lexicon.alternation("scope"))


def scope_of(text: str) -> str | None:
    m = _SCOPE.search(text)
    return lexicon.meaning("scope", m.group()).get("level") if m else None


def _foreign_share(text: str, total: Quantity, share: Percent) -> bool:
    """A share that names another whole (占社会消费品零售总额的比重为17.4%) than the total."""
    a = max(last_before(text, ",;。:\n", share.nspan[0]) + 1, share.nspan[0] - 24)
    m = _SHARE_BASE.search(text, a, share.nspan[0])
    if m is None:
        return False
    word = next((t for t in lexicon.scan(text, m.start(), share.nspan[0]) if t.start == m.start()), None)
    if word is not None and lexicon.meaning("share", word.text).get("kind") == "noun":
        return False  # 占比率达80.80%: the share word itself (占比率), no whole named
    core = m.group("base")
    if any(t.start == 0 and "anaphor" in t.classes for t in lexicon.scan(core)):
        return False  # 占此类问题的82%: the whole pointed back at, the list's own
    if rx(rf"(?:{_SHARE_VERB})(?:{lexicon.alternation('copula')})").fullmatch(text, m.start(), m.end("base")):
        return False  # 占到了40.7%: a verb ending, no whole named
    wide = scope_of(core[:2])
    if wide is not None:
        own = scope_of(text[last_before(text, "。\n", total.nspan[0]) + 1:total.nspan[0]])
        if own is not None and own != wide:
            return True  # 全市…3.2万辆 … 占全省销量的12.0%: a share of a wider area's figure
    while (k := _GENERIC_BASE.search(core)) is not None and core:
        core = core[:k.start()] + core[k.end():]
    if len(core) < 2:
        return False
    b = max(last_before(text, ",;。:\n", total.nspan[0]) + 1, total.nspan[0] - 30)
    return core not in text[b:total.nspan[0]]


def _few() -> str:
    """The numeral characters of a few ranked items (二 … 十): 前三位, 后五名."""
    num = lexicon.get("numeral")
    return "".join(w for w in num.words if num.meaning(w).get("canonical")
                   and (2 <= num.meaning(w).get("digit", 0) <= 9 or num.meaning(w).get("small") == 10))


# 前三位, 后5名 … (only whether one is said matters: the word after the number may be any)
_TOP_N = regex.compile(rf"(?:{lexicon.alternation_where('ordinal', end='top')}|{lexicon.alternation_where('ordinal', end='bottom')})"
                       rf"(?:\d{{1,2}}|[{_few()}]{{1,2}})")


def _bracketed_shares(ctx: Context, total: Quantity, parts: list[_Item]) -> None:
    """Shares written in brackets after the names of a 分别 list (电话(61.2%)、微信(17.5%)…分别登记…)."""
    text = ctx.norm.text
    a = last_before(text, "。\n", parts[0].start) + 1
    # The percents in brackets, by position, found once per page (the composite passes add none).
    bracketed: list[Percent] | None = ctx.cache.get("bracketed_percents")
    if bracketed is None:
        bracketed = ctx.cache["bracketed_percents"] = sorted(
            (f for f in ctx.facts if isinstance(f, Percent) and f.label
             and text[f.nspan[0] - 1:f.nspan[0]] in ("(", "（") and text[f.nspan[1]:f.nspan[1] + 1] in (")", "）")),
            key=lambda f: f.nspan[0])
    starts = [f.nspan[0] for f in bracketed]
    by_label: dict[str, Percent] = {}
    for f in bracketed[bisect.bisect_left(starts, a):bisect.bisect_left(starts, parts[0].start)]:
        by_label.setdefault(f.label or "", f)
    for p in parts:
        share = by_label.get(p.label or "")
        if p.share is None and share is not None and p.qty is not None:
            p.share = share  # whether it fits is for share-of-total to say


def _add_breakdown(ctx: Context, total: Quantity | None, parts: list[_Item], link: str | None = None,
                   evidence: str | None = None) -> None:
    text = ctx.norm.text
    if _due_and_done(parts):
        return  # 应结案数16件,结案数9件: what is due and what was done of one verb, whatever they sum to
    if total is not None:
        for p in parts:
            if p.share is not None and not p.rate and _foreign_share(text, total, p.share):
                p.share = None
        _bracketed_shares(ctx, total, parts)
    start, end = parts[0].start, parts[-1].end
    complete = any(_OTHER.match(p.label or "") for p in parts)
    lead = text[max(0, start - 12):start]
    sentence = text[last_before(text, "。\n", start) + 1:start]
    if ("分别为" in lead or "共分为" in lead) and not _TOP_N.search(sentence):
        complete = True  # …分别为 names every part, unless only the top few are listed (前三位)
    if complete and total is None and all(p.qty is None for p in parts) and _shares_before(ctx, parts):
        # 市政諮詢約佔五成五,…陳情檢舉案約一成八,…分機占一成四,其他議題占一成二: the list began before the
        # parts read here; their 其他 closes a list whose first parts are missing, not this one
        complete = False
    bd = Breakdown(
        span=ctx.norm.span(start, end),
        total=total.value if total is not None else None,
        total_id=total.id if total is not None else None,
        unit=parts[0].qty.unit if parts[0].qty is not None else "%",
        parts=[Part(label=p.label, value=p.value, share=p.share.value if p.share else None,
                    value_id=p.qty.id if p.qty else None, share_id=p.share.id if p.share else None)
               for p in parts],
        complete=complete,
        total_link=link if total is not None else None,
        evidence=evidence if total is not None else None,
        overlap=_overlapping([p.label or "" for p in parts]),
    )
    ctx.add(bd, start, end)


def _shares_before(ctx: Context, parts: list[_Item]) -> bool:
    """A named percent of its own sentence before the first part and not among the parts."""
    text = ctx.norm.text
    first = parts[0].start
    sent = last_before(text, "。\n", first) + 1
    ids = {p.share.id for p in parts if p.share is not None}
    return any(isinstance(f, Percent) and f.id not in ids and sent <= f.nspan[0] < first and f.label
               for f in ctx.facts)


def _overlapping(labels: list[str]) -> bool:
    """A part named by a trait that cuts across the others (党员, 青年…): the parts may overlap.
    Only the whole name counts, less the head the parts share (党员志愿者/青年志愿者 → 党员/青年);
    退役军人事务类 is a category, not the trait."""
    k = 0
    shortest = min((len(lb) for lb in labels), default=0)
    while k < shortest - 1 and len({lb[len(lb) - 1 - k] for lb in labels}) == 1:
        k += 1
    for lb in labels:
        stem = lb[:len(lb) - k] if k else lb
        toks = lexicon.scan(stem)
        if len(toks) == 1 and (toks[0].start, toks[0].end) == (0, len(stem)) and "trait" in toks[0].classes:
            return True
    # 60岁及以上, 65岁及以上: two parts open at the same end, the one inside the other
    open_ended = [lb for lb in labels if any(lb.endswith(w) for w in _OPEN_ENDS)]
    return len(open_ended) >= 2


# 以上, 以下: a bound after a figure that leaves a part open at one end
_OPEN_ENDS = tuple(w for w, m in lexicon.get("bound").meanings.items()
                   if m.get("place") == "after" and m.get("bound") in ("lower", "upper") and not m.get("inner") and len(w) == 2)


# 云岫山风景区接待游客 ranks 云岫山风景区: what is ranked is the one who did it, not the doing.
_DOING = regex.compile(rf"(?<=\p{{Han}}{{2}})(?:{lexicon.alternation('intake_verb', extra=lexicon.get('result_verb').having(by_subject=True))})"
                       rf"(?:{lexicon.alternation('person_noun')})?$")


def _ranked_name(label: str) -> str:
    return _DOING.sub("", label)


def _metric_named(label: str) -> bool:
    """An item named like a metric (计划投资额, 实际投资额, 总计): two figures of one thing, no ranked entity."""
    toks = lexicon.scan(label)
    last = toks[-1] if toks and toks[-1].end == len(label) else None
    return (len(label) >= 2 and label[-1] in lexicon.get("metric_end").meanings) \
        or (last is not None and "total" in last.classes)


def _add_ranking(ctx: Context, items: list[tuple[str, _Item | None]], start: int, end: int,
                 criterion: str | None, order: str = "desc") -> None:
    if sum(_metric_named(label) for label, _ in items) * 2 >= len(items):
        return  # 计划投资额…,实际投资额…: figures of one thing, not ranked entities
    rk = Ranking(
        span=ctx.norm.span(start, end),
        items=[RankItem(label=_ranked_name(label),
                        value=it.value if it else None,
                        share=it.share.value if it and it.share else None,
                        value_id=it.qty.id if it and it.qty else None,
                        share_id=it.share.id if it and it.share else None)
               for label, it in items],
        criterion=criterion,
        order="asc" if order == "asc" else "desc",
        stated_order=_states_order(ctx.norm.text, start, end, items),
    )
    ctx.add(rk, start, end)


def _states_order(text: str, start: int, end: int, items: list[tuple[str, _Item | None]]) -> bool:
    """Whether the words say the items go in their rank order. A head that names the top few (居前五位的
    是:…) without 依次 or 分别 (list_cue respectively), an order (sort_order), a chain (A>B) or numbered
    items names a set only."""
    first = next((it for _, it in items if it is not None), None)
    if first is None:
        return True
    # (the words from the head to the first item, in the text's own offsets: a label's span is the input's)
    head = text[start:max(start, first.start)]
    if not _TOP_N.search(head) or any(("list_cue" in t.classes and lexicon.meaning("list_cue", t.text).get("kind") == "respectively")
                                     or "sort_order" in t.classes for t in lexicon.scan(head)):
        return True
    return bool(rx(r">|＞|(?:^|\n)[ \t]*(?:\d{1,2}|[①-⑳])[.、．)]").search(text, start, end))


def _written(ctx: Context, s: int, e: int) -> str:
    """A name as the page writes it, in its own script, less spaces and a converter's pinyin
    glosses (物業(yè)管理 is 物業管理), as ANNOTATION.md writes labels."""
    return ctx.norm.surface(s, e)


def _find(text: str, needle: str, start: int) -> tuple[int, int]:
    k = text.find(needle, start)
    return (k, k + len(needle)) if k >= 0 else (start, start)


def _criterion(text: str, pos: int) -> str | None:
    m = rx(r"\(([^()]{1,20})\)[^,;。]{0,6}$").search(text[max(0, pos - 30):pos])
    return m.group(1) if m else None


def _done_name(label: str | None) -> str | None:
    """A name less the words that make it due or done (应结案数 → 结案数, 已办理 → 办理)."""
    toks = lexicon.scan(label or "")
    k = 0
    for t in toks:
        if t.start != k or not t.classes & {"due", "modal"}:
            break
        k = t.end
    return (label or "")[k:] or label


def _due_and_done(run: list[_Item]) -> bool:
    """Two items of the run name one verb, one of them as due or done (应结案数 and 结案数)."""
    names = [(it.label, _done_name(it.label)) for it in run]
    return any(a[0] != b[0] and a[1] == b[1] and (a[0] != a[1] or b[0] != b[1])
               for i, a in enumerate(names) for b in names[i + 1:])
