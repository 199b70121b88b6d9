"""Rankings: 排名前三位…, 依次是…, ranks stated one by one, names listed with their figures."""

from __future__ import annotations

import bisect
from decimal import Decimal

import regex

from ...context import Context
from ...models import Breakdown, Percent, Quantity, Ranking
from ...numbers.numeral import parse_number
from ...text import lexicon
from ...text.clauses import last_before
from ...text.normalise import SECTION_HEAD
from ...text.rx import rx
from .emit import _add_breakdown, _add_ranking, _criterion, _find, _written
from .items import _Item
from .runs import _after_words, _total_after, line_ordinal


def _numerals(low: int) -> str:
    """The numerals a rank is written in, from `low` to ten, as a character class (前三位: 二…十)."""
    num = lexicon.get("numeral")
    return "[" + "".join(w for w in num.having(canonical=True)
                         if low <= (num.meaning(w).get("digit") or num.meaning(w).get("small", 0)) <= 10) + "]"


def _verbs(**exclude: object) -> str:
    """The rank verbs (位居, 排名 …) less those whose meaning has any key=value given."""
    return lexicon.alternation_without("rank_verb", **exclude)


# The words the patterns below are built from: numerals, 前/后, 第, 位/名, 的, 为/是, 分别/依次.
_N1, _N2, _N3 = _numerals(1), _numerals(2), _numerals(3)
_TOP, _BOTTOM = lexicon.alternation_where("ordinal", end="top"), lexicon.alternation_where("ordinal", end="bottom")
_FIRST = next(w for w, m in lexicon.get("ordinal").meanings.items() if m.get("always") and len(w) == 1)  # 第
_PLACE = lexicon.alternation_where("unit", place=True)
_OF = lexicon.alternation_where("particle", of=True)
_IS = lexicon.alternation_where("copula", opens=True)
_EACH = lexicon.alternation_where("list_cue", adverb=True)
_ORDERED = lexicon.alternation_where("list_cue", adverb=True, ordered=True)
# the marks that join the names of a list (、和及; 与 also stands inside names: 人力资源与社会保障局)
_JOINERS = [w for w in lexicon.get("separator").having(joins="and") if not lexicon.meaning("separator", w).get("in_names")]
_JOINS = "".join(regex.escape(w) for w in _JOINERS if len(w) == 1)  # a character class
_AND = "|".join(regex.escape(w) for w in _JOINERS)
_SEPARATES = "".join(regex.escape(w) for w in lexicon.words("separator") if len(w) == 1)  # 第二、第三 / 第二至第五
# Where a name of an office or a place ends (县城市管理局, 市税务局, 某某公司, 甲街道).
_BODY = lexicon.alternation("org_head", "body_head", "place_suffix")


def _from_end(m: regex.Match[str]) -> bool:
    """The scope a rank head names counts from the bottom (后三位): the ranking is ascending."""
    return lexicon.meaning("ordinal", m.group("end")).get("end") == "bottom"


# 前三位 / 前十名 / 前5位 … the scope of a ranking.
# (前三类问题是A、B、C: a classifier of kinds and the noun it counts, then the copula)
_RANK_HEAD = regex.compile(
    rf"(?:{_verbs(spread=True)})?(?P<end>{_TOP}|{_BOTTOM})(?P<n>\d{{1,2}}|{_N2}{{1,2}})"
    rf"(?:{_PLACE}|(?={_OF})|(?:{lexicon.alternation_where('unit', kinds=True)})\p{{Han}}{{0,6}}?(?={_IS}))"
    # …的单位是 / …的依次为 (the shortest reach to the verb), else …的工单 as before
    rf"(?:(?:{_OF})[^,;。:]{{0,10}}?(?:{_EACH})?(?:{_IS}|:)|(?:{_OF})[^,;。:]{{0,10}})?(?:{_EACH})?(?:{_IS})?:?"
)


_RANK_TAIL = regex.compile(rf"(?:{_verbs(spread=True, located=True)})(?:{_TOP})(?P<n>\d{{1,2}}|{_N2}{{1,2}})(?:{_PLACE})?")


# 诉求量较多的街道依次是…, 工单数量较多的单位为:…, 浓度最低的3个城市依次是…: a list in order of a
# stated criterion is a ranking (较少…: ascending).
_ORDER_RANK = regex.compile(rf"(?:{lexicon.alternation_where('order_criterion', low=False)}"
                            rf"|(?P<low>{lexicon.alternation_where('order_criterion', low=True)}))"
                            rf"(?:{_OF})?[\p{{Han}}\d]{{0,10}}?(?:(?:{_ORDERED})(?:{_IS})[:]?|(?:{_IS}):)")


def _ranking_head(text: str, run: list[_Item]) -> regex.Match[str] | None:
    """The 排名前三位分别为 that introduces a run, in its sentence, right before it."""
    a = last_before(text, "。\n;", run[0].start) + 1
    found = None
    for m in _RANK_HEAD.finditer(text, a, run[0].start):
        found = m
    if found is None:
        for m in _ORDER_RANK.finditer(text, a, run[0].start):
            found = m
    if found is None:
        return None
    # The head introduces the list: the first item's name follows it directly, or after the words
    # that say what the ranked items are about (排名前五位主要涉及,价格违法行为497件…).
    first_label = run[0].label or ""
    between = text[found.end():run[0].start]
    cue = [t for t in lexicon.scan(text, found.end(), run[0].start) if t.classes & {"list_cue", "pointer", "adverb"}]
    if cue and cue[0].start == found.end():
        between = text[cue[-1].end:run[0].start].lstrip(",:")
    # 疫情(新冠肺炎)等突发事件管理类: the examples before 等 say what the first category holds
    etc = [t for t in lexicon.scan(between) if "etc" in t.classes and t.end == len(between) - len(first_label)]
    if etc and between.endswith(first_label):
        between = between[etc[-1].end:]
    if len(between) > len(first_label) + 4:
        return None
    return found


_ORDER_FOLLOWS = regex.compile(rf"(?:{lexicon.alternation_where('table_key', ranked=True)})"
                            rf"(?:{_ORDERED}(?:{_IS})|{lexicon.alternation_where('list_cue', kind='follows')})[:：]$")
# 十大热点诉求: the top few by count (a 十大领域 or 五大问题 is a set, not an order)
_TOP_KINDS = regex.compile(rf"({_N3})(?:{lexicon.alternation_where('rank_word', kind='top')})")


def _list_rank_head(text: str, run: list[_Item]) -> bool:
    """A numbered list whose heading line (…居前五位的问题类别如下:) ranks it."""
    a = text.rfind("\n", 0, run[0].start)
    if a < 0 or not (SECTION_HEAD.match(text[a + 1:a + 12]) or line_ordinal(text, run[0].start) == 1):
        return False
    b = text.rfind("\n", 0, max(0, a - 1))
    heading = text[b + 1:a].strip()
    top = _TOP_KINDS.search(heading)
    if top is not None and line_ordinal(text, run[0].start) == 1:
        return _rank_number(top.group(1)) == len(run)  # ▶ 十大热点诉求 / ①… ⑩…
    if _ORDER_FOLLOWS.search(heading) and line_ordinal(text, run[0].start) == 1:
        return True  # 各县(区)排名依次为: / 1.雁汀县(综合指数3.52) / 2.…
    m = _RANK_HEAD.search(heading)
    if m is None or not rx(r"[:：]$").search(heading):
        return False
    try:
        n = int(parse_number(m.group("n")).value)
    except ValueError:
        return False
    return n == len(run)


def _name_rankings(ctx: Context, taken: list[tuple[int, int]]) -> None:
    """Rankings that list names only: 前三位为:A、B、C / A、B、C…排名前十位."""
    text = ctx.norm.text
    for m in _RANK_HEAD.finditer(text):
        if any(a <= m.end() < b for a, b in taken):
            continue
        if not rx(rf"(?:{_IS}|:)$").search(m.group()):
            continue
        tail_end = min(i for i in (text.find(c, m.end()) for c in ";。\n") if i >= 0) if any(
            text.find(c, m.end()) >= 0 for c in ";。\n") else len(text)
        other = _RANK_HEAD.search(text, m.end(), tail_end)
        if other is not None:
            # 前三位的是A、B、C,后三位的是D、E、F: each head lists only up to the next
            comma = text.rfind(",", m.end(), other.start())
            tail_end = comma if comma > m.end() else other.start()
        body = text[m.end():tail_end]
        if not body.strip() and text[tail_end:tail_end + 1] == "\n":
            # 受理量排名前五的区县依次为 / 柳营区(9856件) / 青杉区(9120件) …: one item a line
            lines = _item_lines(text, tail_end + 1)
            if len(lines) >= 2:
                _add_ranking(ctx, [(_written(ctx, a, b), None) for a, b in lines], m.start(), lines[-1][1],
                             _criterion(text, m.start()), "asc" if _from_end(m) else "desc")
                taken.append((m.start(), lines[-1][1]))
                continue
        if _chain(ctx, m, body, tail_end):
            taken.append((m.start(), tail_end))
            continue
        pieces = body.split("、")
        if len(pieces) >= 2 and rx(r"[(（][^()（）]*[)）]\s*$").search(pieces[-1]) \
                and not any(rx(r"[(（]").search(p) for p in pieces[:-1]):
            # …物业服务、供水供电(具体详见附件3): a remark in brackets after the last name, not its figure
            body = body[:max(body.rfind("("), body.rfind("（"))]
            tail_end = m.end() + len(body)
        listed = rx(r"^[^,，]*[)）]").match(body)  # A(96.8分)、B(95.3分)、C(94.7分),排名后两位…: up to the comma
        bracketed = [rx(r"(\p{Han}[^()（）]{1,20}?)[(（][^()（）]*\d[^()（）]*[)）]").fullmatch(x.strip())
                     for x in (listed.group() if listed else body).split("、")]
        if len(bracketed) >= 2 and all(bracketed):
            # 后三位的单位是:A(89.7%)、B(91.2%)、C(92.5%): each name with its figure in brackets
            names = [b.group(1) for b in bracketed if b]
            _add_ranking(ctx, [(_written(ctx, *_find(text, n, m.end())), None) for n in names], m.start(), tail_end,
                         _criterion(text, m.start()), "asc" if _from_end(m) else "desc")
            continue
        elif rx(r"\d").search(body):
            # 前三位分别为A、B和C,受理量分别为…: the names end at the clause with the figures.
            body = body.split(",")[0]
            if rx(r"\d").search(body) or not rx(f"[{_JOINS}]").search(body):
                continue
            tail_end = m.end() + len(body)
        # a remark in brackets after a name (其它感染性腹泻病(除霍乱、…以外的)) is not part of it, as in labels
        names = [rx(r"[(（][^()（）]{5,}[)）]").sub("", n).strip() for n in _split_names(body)]
        if len(names) >= 2 and all(0 < len(n) <= 20 for n in names):
            criterion = _criterion(text, m.start())
            _add_ranking(ctx, [(_written(ctx, *_find(text, n, m.end())), None) for n in names],
                         m.start(), tail_end, criterion, "asc" if _from_end(m) else "desc")
    figures = sorted((f for f in ctx.facts if isinstance(f, Quantity)), key=lambda f: f.nspan[0])
    for m in _RANK_TAIL.finditer(text):
        values: list[Quantity] = []
        follow = rx(rf"[,,]?(?:{_EACH})(?:{_IS})[:]?").match(text, m.end())
        if follow:
            # A、B、C诉求量位列前三,分别为4126件、3871件、3350件: the values come after.
            pos = follow.end()
            for f in figures:
                if f.nspan[0] < pos:
                    continue
                if f.nspan[0] > pos + 1 or (values and not rx(f"[{_JOINS},]?").fullmatch(text[pos:f.nspan[0]])):
                    break
                values.append(f)
                pos = f.nspan[1]
        elif rx(rf"(?:(?:{_OF})[^,;。]{{0,10}}?)?(?:{_EACH})?(?:{_IS}|:)").match(text[m.end():m.end() + 14]):
            continue  # a head (前三位为:…), handled above
        a = last_before(text, "。\n:", m.start()) + 1
        body = text[a:m.start()]
        if rx(r"\d").search(body) or any(x <= m.start() < y for x, y in taken):
            continue
        # …来看,A、B、C受理量排名前十位: the list is the last clause before the verb.
        clause = body.split(",")[-1]
        names = [n for n in _split_names(clause) if n]  # (河南、四川以及安徽位列前三: the last joined by 以及)
        if len(names) < 2:
            continue
        last = names[-1]
        # The last name runs into the criterion (…国网供电公司受理量): cut at the criterion word.
        crit = rx(rf"(?:{lexicon.alternation('ranked_measure')})$").search(last)
        if crit:
            names[-1] = last[: crit.start()]
        cstart = a + body.rfind(clause)
        names = [n for n in names if n]
        if follow and len(values) != len(names):
            continue
        items: list[tuple[str, _Item | None]] = [
            (_written(ctx, *_find(text, n, cstart)),
             _Item(values[k], None, values[k].nspan[0], values[k].nspan[1], n) if values else None)
            for k, n in enumerate(names)]
        _add_ranking(ctx, items, cstart, values[-1].nspan[1] if values else m.end(), crit.group() if crit else None)


_RANK_STATED = regex.compile(rf"[,;]?(?:{_verbs(spread=True, located=True)}){_FIRST}(?P<n>\d{{1,2}}|{_N1}{{1,3}})(?:{_PLACE})?")


_ORG_END = regex.compile(rf"(?:{_BODY})$")


def _chain(ctx: Context, head: regex.Match[str], body: str, end: int) -> bool:
    """A ranking written as a chain, A(18%)>B(13%)>C(9%) (or (B)13%): each link a name, with its share
    when it has one, in the order the chain gives. True when the body is one."""
    text = ctx.norm.text
    links = body.strip(" ,:").split(">")
    if len(links) < 2:
        return False
    start = head.end() + len(body) - len(body.lstrip(" ,:"))
    items: list[tuple[str, _Item | None]] = []
    for link in links:
        outside = rx(rf"\p{{Han}}[\p{{Han}}{_JOINS}]*").search(rx(r"[(（][^()（）]*[)）]").sub("", link))
        inside = rx(r"[(（](\p{Han}+)[)）]").search(link)
        name = outside.group() if outside else inside.group(1) if inside else None
        if name is None or len(name) > 20:
            return False
        a = text.find(link, start)
        share = next((f for f in ctx.facts if isinstance(f, Percent) and a <= f.nspan[0] < a + len(link)), None) \
            if a >= 0 else None
        n = text.find(name, a if a >= 0 else start)
        items.append((_written(ctx, n, n + len(name)),
                      _Item(None, share, share.nspan[0], share.nspan[1], name) if share is not None else None))
        start = (a + len(link)) if a >= 0 else start
    _add_ranking(ctx, items, head.start(), end, _criterion(text, head.start()),
                 "asc" if _from_end(head) else "desc")
    return True


def _ordered_names(ctx: Context) -> None:
    """接待人次最多的三个景点依次为A、B及C: names in order of a stated criterion, no figures — when no
    other pass read a ranking there already."""
    text = ctx.norm.text
    taken = [f.nspan for f in ctx.facts if isinstance(f, Ranking)]
    for m in _ORDER_RANK.finditer(text):
        stop = rx(r"[,;。:\n]").search(text, m.end())
        tail_end = stop.start() if stop else len(text)
        if any(a < tail_end and m.start() < b for a, b in taken):
            continue
        body = text[m.end():tail_end]
        if not body.strip() or rx(r"\d").search(body):
            continue
        names = _split_names(body)
        if len(names) >= 2 and all(2 <= len(n) <= 20 for n in names):
            _add_ranking(ctx, [(_written(ctx, *_find(text, n, m.end())), None) for n in names],
                         m.start(), tail_end, _criterion(text, m.start()), "asc" if m.group("low") else "desc")
            taken.append((m.start(), tail_end))


def _outside_brackets(body: str) -> list[str]:
    """body cut at the marks between names (、,;), never inside brackets: 其它感染性腹泻病(除霍乱、
    细菌性和阿米巴性痢疾…以外的) is one name."""
    out, depth, start = [], 0, 0
    for i, c in enumerate(body):
        if c in "(（":
            depth += 1
        elif c in ")）":
            depth = max(0, depth - 1)
        elif depth == 0 and c in "、,;":
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return out


def _split_names(body: str) -> list[str]:
    """The names of a list: A、B和C. 和/及 inside an office's name (县住房和城乡建设局) stays: a
    piece is cut at 和 only where its left part is itself a whole name, or where no piece is one."""
    pieces = [p.strip() for p in _outside_brackets(body) if p.strip()]
    orgs = any(_ORG_END.search(p) for p in pieces)
    out: list[str] = []
    for k, p in enumerate(pieces):
        halves = [h for h in rx(_AND).split(p) if h] if not rx(r"[(（]").search(p) else [p]
        # a list marked by 、 joins its last name with 和/及 (A、B和C): one inside an earlier piece
        # belongs to that name (开发商规范建设及销售、新冠肺炎…)
        inner = len(pieces) > 1 and k < len(pieces) - 1
        if len(halves) > 1 and not inner and (not orgs or all(_ORG_END.search(h) for h in halves)):
            out.extend(halves)
        else:
            out.append(p)
    return out


def _stated_ranks(ctx: Context, items: list[_Item], taken: list[tuple[int, int]]) -> None:
    """Ranks stated one by one after each figure (甲景区接待38.72万人次,位居第一;乙…,位居第二)."""
    text = ctx.norm.text
    # The breakdowns found so far, by the set of figures they divide (looked up per ranked run).
    by_parts: dict[frozenset[str | None], list[Breakdown]] = {}
    for f in ctx.facts:
        if isinstance(f, Breakdown):
            by_parts.setdefault(frozenset(p.value_id for p in f.parts), []).append(f)
    run: list[_Item] = []
    for it in items:
        n = _stated_rank(text, it)
        if n is None:
            continue
        if n == len(run) + 1 and n > 1:
            run.append(it)
            continue
        _flush_ranks(ctx, run, taken, by_parts)
        run = [it] if n == 1 else []
    _flush_ranks(ctx, run, taken, by_parts)


# …城乡建设类居首位,共18862件;劳动和社会保障类次之,计12437件;市场监管类位列第三,计…: the rank
# between the name and its figure.
_RANK_WORDED = regex.compile(rf"(?P<first>{lexicon.alternation_where('rank_word', place=1)})"
                             rf"|(?P<second>{lexicon.alternation_where('rank_word', place=2)})|"
                             rf"(?:{_verbs(spread=True, located=True)}){_FIRST}(?P<n>\d{{1,2}}|{_N1}{{1,3}})(?:{_PLACE})?")


def _stated_rank(text: str, it: _Item) -> int | None:
    """The rank stated for an item after its figure (…,位居第二) or between its name and figure."""
    m = _RANK_STATED.match(text, it.end)
    if m is None:
        after = _RANK_WORDED.match(text, it.end)  # 鷺港區148.2萬人次居冠,舊埕區121.5萬人次居次
        if after is not None and (after.group("first") or after.group("second")):
            return 1 if after.group("first") else 2
        if after is not None:
            m = after
    if m is None:
        fact = it.qty or it.share
        a = fact.label_span.start if fact is not None and fact.label_span is not None else it.start - 12
        a = max(a, last_before(text, "。;\n", it.start) + 1)
        m = None
        for w in _RANK_WORDED.finditer(text, a, it.start):
            m = w
        if m is None:
            return None
        if m.group("first"):
            return 1
        if m.group("second"):
            return 2
    try:
        return int(parse_number(m.group("n")).value)
    except ValueError:
        return None


def _flush_ranks(ctx: Context, run: list[_Item], taken: list[tuple[int, int]],
                 by_parts: dict[frozenset[str | None], list[Breakdown]]) -> None:
    if len(run) < 2 or any(a <= run[0].start < b for a, b in taken):
        return
    _add_ranking(ctx, [(it.label or "", it) for it in run], run[0].start, run[-1].end,
                 _criterion(ctx.norm.text, run[0].start))
    taken.append((run[0].start, run[-1].end))
    # The ranked figures were a breakdown only if they make up their whole (三大景区共…, A…位居第一;
    # B…;C…); the top few of a larger whole rank, they do not divide it.
    ids: frozenset[str | None] = frozenset(it.qty.id for it in run if it.qty is not None)
    same = by_parts.get(ids, [])
    gone = [f for f in same if f.total is None
            or sum((p.value for p in f.parts if p.value is not None), Decimal(0)) != f.total]
    if gone:
        drop = {id(f) for f in gone}
        ctx.facts[:] = [f for f in ctx.facts if id(f) not in drop]  # by identity: model equality is slow
        same[:] = [f for f in same if id(f) not in drop]
    if len(ids) == len(run) and not same:
        # …教育类12904件,居第五位。以上五类合计95842件: the ranked figures with their stated sum
        quantities: list[Quantity] | None = ctx.cache.get("sorted_quantities")
        if quantities is None:  # sorted once per page: the composite passes add no quantities
            quantities = ctx.cache["sorted_quantities"] = sorted(
                (f for f in ctx.facts if isinstance(f, Quantity)), key=lambda q: q.nspan[0])
        total = _total_after(ctx, run, quantities)
        if total is not None:
            _add_breakdown(ctx, total, run, "after", _after_words(ctx.norm.text, total))
            if isinstance(ctx.facts[-1], Breakdown):
                by_parts.setdefault(ids, []).append(ctx.facts[-1])


# 第一名是“甲区政府” / 排名第一的是乙局: a rank, then the name.
_RANK_THEN_NAME = regex.compile(rf"(?:{_FIRST}(?P<n>{_N1}|\d{{1,2}})(?:{_PLACE})"
                                rf"|(?:{_verbs(short=True, spread=True, located=True)}){_FIRST}(?P<m>{_N1}|\d{{1,2}})(?:{_PLACE})?(?:{_OF}))"
                                rf"(?:{_IS})[“\"]?(?P<name>[^,;。“”\"\d]{{2,20}}?)[”\"]?(?=[,;。]|$)")
# …乙指挥部表现也很抢眼,在这份榜单里位列第二: the name opens the sentence, the rank comes later.
_NAME_THEN_RANK = regex.compile(rf"(?:{_verbs(short=True, spread=True, located=True)}){_FIRST}(?P<n>{_N1}|\d{{1,2}})(?:{_PLACE})?(?=[,;。]|$)")
_NAMED_SUBJECT = regex.compile(rf"^\p{{Han}}{{2,14}}?(?:{_BODY})")


def _narrated_ranks(ctx: Context, taken: list[tuple[int, int]]) -> None:
    """Ranks told one by one in prose, with no figure to rank by (第一名是“甲区政府”…;乙指挥部…
    在这份榜单里位列第二): the names from first place on, in the same paragraph."""
    text = ctx.norm.text
    figures = sorted(f.nspan[0] for f in ctx.facts if isinstance(f, Quantity | Percent))
    for para_start, para in _paragraphs(text):
        found: list[tuple[int, str, int, int]] = []  # rank, name, start, end
        for m in _RANK_THEN_NAME.finditer(para):
            n = m.group("n") or m.group("m")
            found.append((_rank_number(n), m.group("name"), para_start + m.start(), para_start + m.end()))
        for m in _NAME_THEN_RANK.finditer(para):
            a = last_before(para, "。;", m.start()) + 1
            subject = _NAMED_SUBJECT.match(para[a:m.start()])
            if subject is None:
                continue
            s, e = para_start + a, para_start + m.end()
            k = bisect.bisect_left(figures, s)
            if k < len(figures) and figures[k] < e:
                continue  # a figure of its own: ranked by the passes above, if at all
            found.append((_rank_number(m.group("n")), subject.group(), s, e))
        found.sort(key=lambda r: r[2])
        chain: list[tuple[int, str, int, int]] = []
        for r in found:
            if r[0] == len(chain) + 1 and r[1] not in {c[1] for c in chain} and (
                    not chain or _same_list(para, chain[-1][3] - para_start, r[2] - para_start, r[3] - para_start)):
                chain.append(r)
            elif len(chain) < 2:
                chain = [r] if r[0] == 1 else []
        if len(chain) < 2 or any(a <= chain[0][2] < b for a, b in taken):
            continue
        start, end = chain[0][2], chain[-1][3]
        _add_ranking(ctx, [(_written(ctx, *_find(text, name, s)), None) for _, name, s, _ in chain], start, end,
                     _criterion(text, start))
        taken.append((start, end))


# 在窗口服务评比中: a sentence that tells of an evaluation of its own; 这份榜单: one that points back.
_OTHER_CONTEST = regex.compile(rf"(?:{lexicon.alternation_where('particle', within=True)})[^,;。]{{0,16}}"
                               rf"(?:{lexicon.alternation('contest')})[^,;。]{{0,4}}(?:{lexicon.alternation('within')})")
_THIS = regex.compile(lexicon.alternation_where("determiner", this=True))


def _same_list(para: str, prev_end: int, start: int, end: int) -> bool:
    """The next rank told is of the same list: within two sentences, and its sentence names no
    other evaluation (在窗口服务评比中…) unless it points back at this one (这份榜单)."""
    if para.count("。", prev_end, start) > 2:
        return False
    a = last_before(para, "。", start) + 1
    sentence = para[a:end]
    other = _OTHER_CONTEST.search(sentence)
    return other is None or _THIS.search(other.group()) is not None


def _rank_number(n: str) -> int:
    try:
        return int(parse_number(n).value)
    except ValueError:
        return 0


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


_ITEM_LINE = regex.compile(r"[ \t]*(?P<name>\p{Han}[^()（）\n,;。\d]{1,20}?)[ \t]*[(（][^()（）\n]*\d[^()（）\n]*[)）][ \t]*(?=\n|$)")


def _item_lines(text: str, pos: int) -> list[tuple[int, int]]:
    """The names of consecutive lines written name(figure), from pos on."""
    out: list[tuple[int, int]] = []
    while pos < len(text):
        m = _ITEM_LINE.match(text, pos)
        if m is None:
            break
        out.append(m.span("name"))
        pos = m.end() + 1
    return out


# …,云溪高新区和南塘区分别为98.7%、98.1%,排在第二、第三位: ranks given to the figures just before.
_RANKS_AFTER = regex.compile(rf"[,;](?:{_EACH})?(?:{_verbs(located=True)}){_FIRST}?"
                             rf"(?P<ranks>{_N2}(?:[{_SEPARATES}]{_FIRST}?{_N2})+)(?:{_PLACE})")
_HIGHEST_IS = regex.compile(rf"(?:{lexicon.alternation_where('order_criterion', superlative=True)})(?:{_OF})?(?:{_IS})"
                            rf"\p{{Han}}[\p{{Han}}()（）]{{1,14}}[,，]?(?:{lexicon.alternation('copula')})?$")
_LOWEST = rx(rf"(?:{lexicon.alternation_where('order_criterion', superlative=True, low=True)})")


def _ranks_after_figures(ctx: Context, taken: list[tuple[int, int]]) -> None:
    """最高的是A,达到99.2%,B和C分别为98.7%、98.1%,排在第二、第三位: the first named as the highest,
    the others ranked by the words after their figures."""
    text = ctx.norm.text
    figs = sorted((f for f in ctx.facts if isinstance(f, Quantity | Percent)), key=lambda f: f.nspan[0])
    ends = [f.nspan[1] for f in figs]
    for m in _RANKS_AFTER.finditer(text):
        ranks = [_rank_number(x) for x in rx(_N2).findall(m.group("ranks"))]
        if not ranks or ranks != list(range(ranks[0], ranks[0] + len(ranks))):
            continue
        k = bisect.bisect_right(ends, m.start()) - 1
        clause = last_before(text, ",;。\n", m.start() - 1) if m.start() > 0 else 0
        ranked = [f for f in figs[max(0, k - len(ranks) + 1):k + 1] if f.nspan[0] > clause]
        if len(ranked) != len(ranks) or any(not f.label for f in ranked):
            continue
        if ranks[0] == 2:
            sent = last_before(text, "。\n", m.start()) + 1
            lo = bisect.bisect_left(ends, sent)  # only the sentence's own figures
            firsts = [f for f in figs[lo:k - len(ranks) + 1] if f.nspan[0] >= sent and f.label
                      and type(f) is type(ranked[0])
                      and _HIGHEST_IS.search(text, max(sent, f.nspan[0] - 30), f.nspan[0])]
            if not firsts:
                continue
            ranked = [firsts[-1], *ranked]
        elif ranks[0] != 1:
            continue
        start, end = ranked[0].nspan[0], m.end()
        if any(a <= start < b or a < end <= b for a, b in taken):
            continue
        # 最低的是甲县…,排在第二、第三位: ranked from the lowest up
        low = _LOWEST.search(text, last_before(text, "。\n", start) + 1, start) is not None
        items: list[tuple[str, _Item | None]] = [
            (f.label or "", _Item(f if isinstance(f, Quantity) else None, f if isinstance(f, Percent) else None,
                                  f.nspan[0], f.nspan[1], f.label))
            for f in ranked]
        _add_ranking(ctx, items, start, end, _criterion(text, start), "asc" if low else "desc")
        taken.append((start, end))
