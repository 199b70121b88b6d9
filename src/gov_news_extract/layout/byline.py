"""Bylines: datelines (本报讯, 新华社北京7月18日电), reporters, signatures, photo credits.

Everything here reads the normalised text (simplified script, half-width
punctuation); offsets of people are into that text so that the pipeline can
give their names back in the page's own script.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

from ..text import lexicon
from ..text.rx import rx


def _escaped(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


def _guarded(name: str, **want: object) -> str:
    """An alternation of a class's words, each barred before the characters that make it part of
    another word (its not_before: 电 of a dateline, not of 电话)."""
    wc = lexicon.get(name)
    return "|".join(regex.escape(w) + (f"(?![{regex.escape(nb)}])" if (nb := wc.meaning(w).get("not_before")) else "")
                    for w in wc.having(**want))


# ------------------------------------------------------------------ datelines
_AGENCIES = lexicon.get("agency")
_AGENCY_NAMES = frozenset(_AGENCIES.having(kind="name"))
_AGENCY_HEADS = tuple(_AGENCIES.having(kind="head"))
_DATELINE_HEADS = [w for w in _AGENCY_HEADS if _AGENCIES.meaning(w).get("dateline", True)]
_AGENCY_WORD = rf"(?:{_escaped(list(_AGENCY_NAMES))}|[\p{{Han}}A-Za-z]{{2,10}}?(?:{_escaped(_DATELINE_HEADS)}))"
_AGENCY = rf"{_AGENCY_WORD}(?:[-—·/]{_AGENCY_WORD})?"  # 滨州日报/滨州网: a paper and its site
_NUMERALS = lexicon.get("numeral")
# The numerals of a day's date written out (十五日, 廿三日): the digits 一 to 九, 十, and 廿 卅.
_CN_DIGITS = "".join(w for w in _NUMERALS.having(canonical=True) if 1 <= _NUMERALS.meaning(w).get("digit", 0) <= 9
                     or _NUMERALS.meaning(w).get("small") == 10)
_CN_DAYS = _CN_DIGITS + "".join(w for w in _NUMERALS.words if _NUMERALS.meaning(w).get("special") in (20, 30))
_DATE_PART = lexicon.get("date_part")
# 月 and 日: the one-character date parts of a month and a day (号 is also a name's end).
_MONTH, _DAY = (next(w for w in _DATE_PART.having(unit=u) if len(w) == 1 and not _DATE_PART.meaning(w).get("also_a_name"))
                for u in ("month", "day"))
_DATE = rf"(?:\d{{1,2}}{_MONTH})?\d{{1,2}}{_DAY}|(?:[{_CN_DIGITS}]{{1,3}}{_MONTH})?[{_CN_DAYS}]{{1,3}}{_DAY}"
# 本报 (the paper's own reporters) and the grades a role may carry (特约, 见习, 首席), as a lead or
# a closing bracket writes them before the role (本报特约记者).
OWN_PAPER = lexicon.alternation_where("agency", own=True)
GRADE = lexicon.alternation("role_grade")
_REPORTER = lexicon.alternation_where("byline_role", plain=True, reporter=True)  # 记者
# The bare roles a lead names inline or a closing bracket credits (记者, 作者, 通讯员, 实习生).
PLAIN_ROLE = lexicon.alternation_where("byline_role", plain=True)
# The marks that join people's names in a credit (张三、李四和王五).
_AND = lexicon.alternation_where("separator", names=True)
# What the named did, closing a credit (福州报道, 陈威 摄); a bulletin's 编印 closes its issuer's line, no byline.
_CREDIT_VERBS = tuple(w for w in lexicon.words("credit_verb") if lexicon.meaning("credit_verb", w).get("kind") in ("report", "photo"))
_REPORTED_VERBS = tuple(lexicon.get("credit_verb").having(kind="report"))
# A dateline opening a lead: agency, then place and date, then 讯/电/消息; or an
# agency directly followed by a bracketed byline (中新网(记者 X)).
LEAD = regex.compile(
    rf"^(?P<open>【)?(?P<agency>{_AGENCY}(?:[(（]{_AGENCY_WORD}[)）])?)"  # 荆楚网(湖北日报网)讯: the site's paper
    rf"(?:(?P<place>\p{{Han}}{{0,8}}?)(?P<date>{_DATE})?(?P<kind>{_guarded('dateline_kind')})(?P<close>】)?"
    rf"|(?=\s*[(](?:{OWN_PAPER}|{GRADE})?(?:{_REPORTER})))"
)

# ------------------------------------------------------------------ roles
# Role words, longest first; a None role marks a credit that names no author (校对, 审核).
_ROLE_CLASS = lexicon.get("byline_role")
# Marks that follow the names they credit (王小明/文, 程小禾 供图) are read apart from the role words
# that precede their names.
_AFTER_MARKS = [w for w in _ROLE_CLASS.words if _ROLE_CLASS.meaning(w).get("after")]
_ROLE_RE = regex.compile("|".join(regex.escape(w) for w in _ROLE_CLASS.words if w not in _AFTER_MARKS))
_ROLE_MAP: dict[str, str | None] = {w: _ROLE_CLASS.meaning(w).get("role") for w in _ROLE_CLASS.words}
# Words that look like names in a byline but are not.
_NOT_NAMES = frozenset(lexicon.words("not_name"))
_AGENCY_TOKEN = regex.compile(rf"(?:{_escaped(list(_AGENCY_HEADS))})$")
# The last characters of a place's or a body's name (…湾, …站, …局). Left as characters here: as
# lexicon words (a class of their own) they would cut the names of places out of labels
# (沙湾镇今年新建…, 租赁站、…), or give the place suffixes a second class that the label passes read.
_PLACE_SUFFIX = regex.compile(r"[省市县区镇乡村局厅委办部院所队站网社报台组处科街路口庄湾港岛州关桥坝沟营屯堡寨]$")
_WEB_WORDS = frozenset(lexicon.words("web_furniture"))


def is_agency(tok: str) -> bool:
    """新华社, 中央人民广播电台, 兰州日报社: a news organisation, never a person. A three-character
    word on a one-character head (新民网) counts only when it does not open with a surname
    (李建社 is a name)."""
    if tok in _AGENCY_NAMES:
        return True
    for head in _AGENCY_HEADS:
        if tok.endswith(head) and len(tok) > len(head):
            if len(head) > 1 or len(tok) > 3 or not has_surname(tok):
                return True
    return False


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], tuple[str, ...]]:
    raw = resources.files("gov_news_extract.data").joinpath("layout_names.json").read_text("utf-8")
    data = json.loads(raw)
    return frozenset(data["surnames"]), tuple(data["compound_surnames"])


def has_surname(name: str) -> bool:
    singles, compounds = _names()
    return name[:1] in singles or name.startswith(compounds)


def _name_ok(tok: str, strict: bool) -> bool:
    if "·" in tok:
        parts = tok.split("·")
        return all(1 <= len(p) <= 6 for p in parts) and len(tok) <= 16
    if not 2 <= len(tok) <= 4 or tok in _NOT_NAMES or tok in _WEB_WORDS or is_agency(tok):
        return False
    if len(tok) == 4 and not tok.startswith(_names()[1]) and strict:
        return False
    return has_surname(tok) if strict else True


def is_bare_name(t: str) -> bool:
    """A line that is only a personal name (a signature under a headline)."""
    if not 2 <= len(t) <= 4 or not rx(r"\p{Han}{2,4}").fullmatch(t) or _PLACE_SUFFIX.search(t):
        return False
    if len(t) == 4:
        return t.startswith(_names()[1])
    return has_surname(t)


# ------------------------------------------------------------------ people
@dataclass
class Person:
    role: str
    start: int
    end: int


@dataclass
class Lead:
    """What a dateline line holds."""

    agency: tuple[int, int] | None = None
    agency_text: str | None = None
    place: str | None = None
    date: str | None = None
    end: int = 0  # end of the dateline and its bracketed byline
    people: list[Person] = field(default_factory=list)
    title: tuple[int, int] | None = None


def _tokens(seg: str, base: int) -> list[tuple[str, int, int]]:
    """Runs of Han characters (and ·) in seg, with absolute offsets.

    A two-character name typeset with a space inside (王 军) is one token; its
    surface drops the space.
    """
    runs = [(m.group(), m.start(), m.end()) for m in rx(r"[\p{Han}·]+").finditer(seg)]
    merged: list[tuple[str, int, int]] = []
    k = 0
    while k < len(runs):
        tok, s, e = runs[k]
        if (len(tok) == 1 and k + 1 < len(runs) and len(runs[k + 1][0]) == 1
                and not seg[e:runs[k + 1][1]].strip()):
            tok, e = tok + runs[k + 1][0], runs[k + 1][2]
            k += 1
        merged.append((tok, s, e))
        k += 1
    out = []
    for tok, s, e in merged:
        for suffix in _CREDIT_VERBS:
            if tok.endswith(suffix) and len(tok) > len(suffix) + 1:
                tok = tok[: -len(suffix)]
                e -= len(suffix)
        out.append((tok, base + s, base + e))
    return out


def parse_people(seg: str, base: int, *, bare_role: str | None, strict_bare: bool = True) -> list[Person]:
    """People named in a byline fragment such as `记者 崔敬 实习生 齐嘉慧` or `责编:杨曦、吕骞`.

    Names before any role word get `bare_role` (记者 after an agency name, 作者
    for a closing `(周竟奇)`); with `strict_bare` they must start with a surname.
    """
    people: list[Person] = []
    roles = list(_ROLE_RE.finditer(seg))
    pre = seg[: roles[0].start()] if roles else seg
    pre_toks = _tokens(pre, base)
    # an agency name opening the bracket (新民网 章文君) makes the names its reporters
    agency_first = bool(pre_toks) and bool(_AGENCY_TOKEN.search(pre_toks[0][0])) and len(pre_toks[0][0]) >= 2
    if agency_first:
        pre_toks = pre_toks[1:]
    role_for_pre = "记者" if agency_first else bare_role
    if role_for_pre is not None:
        for tok, s, e in pre_toks:
            if _name_ok(tok, strict_bare and not agency_first):
                people.append(Person(role_for_pre, s, e))
    elif pre_toks and roles:
        return people  # unexplained words before the roles: not a byline
    for k, m in enumerate(roles):
        role = _ROLE_MAP[m.group()]
        seg_end = roles[k + 1].start() if k + 1 < len(roles) else len(seg)
        if role is None:
            continue
        nxt = _ROLE_MAP[roles[k + 1].group()] if k + 1 < len(roles) else None
        for j, (tok, s, e) in enumerate(_tokens(seg[m.end():seg_end], base + m.end())):
            # (记者 苏榕蓉 福州报道): after the names, a place the story is filed from
            if j > 0 and seg.startswith(_REPORTED_VERBS, e - base):
                continue
            if e - base == seg_end < len(seg) and nxt == "记者":
                continue  # 采写:南都记者 丁境炫: an outlet written onto the reporter's role word, no name
            if _name_ok(tok, strict=False):
                people.append(Person(role, s, e))
            else:
                people += [Person(role, a, b) for a, b in _glued_names(tok, s)]
    return people


def _glued_names(tok: str, start: int) -> list[tuple[int, int]]:
    """Two names typeset with nothing between them (通讯员曹希强李群报道): five or six characters
    cut where both halves are names opening with a surname, the first of three characters when
    both cuts would do (three-character names are the more common)."""
    if not 5 <= len(tok) <= 6 or not rx(r"\p{Han}+").fullmatch(tok):
        return []
    for k in (3, 2) if len(tok) == 5 else (3,):
        a, b = tok[:k], tok[k:]
        if _name_ok(a, strict=True) and _name_ok(b, strict=True):
            return [(start, start + k), (start + k, start + len(tok))]
    return []


_BRACKET_BODY = regex.compile(r"[^()\n。;!?\d]{1,40}")
# what ends a reporter's inline name: a word that follows it, a mark, or a figure (记者张若梦15日上午:
# the normaliser drops the space before a date, and no name holds a digit)
_INLINE_STOP = regex.compile(rf"(?:{lexicon.alternation('after_reporter', extra=_CREDIT_VERBS)}|[、,\s:]|\d)")


def inline_reporters(text: str, pos: int, base: int) -> list[Person]:
    """`记者刘燮阳从…获悉`: reporters named inline right after a dateline."""
    m = rx(rf"\s*(?:{OWN_PAPER})?(?:{GRADE})?({PLAIN_ROLE})[\s::]*").match(text, pos)
    if not m:
        return []
    role = m.group(1)
    people: list[Person] = []
    i = m.end()
    while True:
        for n in (2, 3, 4):
            tok = text[i : i + n]
            if (len(tok) == n and rx(r"\p{Han}+").fullmatch(tok) and _name_ok(tok, strict=True)
                    and _INLINE_STOP.match(text, i + n)):
                people.append(Person(role, base + i, base + i + n))
                i += n
                break
        else:
            return people
        sep = rx(rf"\s*(?:,|{_AND})\s*").match(text, i)
        if not sep:
            return people
        i = sep.end()


# 拉萨讯 after a news agency's dateline: a local paper's own.
_LOCAL_DATELINE = lexicon.alternation_where("dateline_kind", local=True)


# 题: after the byline: the headline of the story the lead opens.
_LEAD_TITLE = lexicon.alternation_where("title_label", lead=True)


def parse_lead(t: str, base: int) -> Lead | None:
    """Dateline, agency and byline at the start of a lead line t (at offset base)."""
    m = LEAD.match(t)
    if not m:
        return None
    lead = Lead(agency=(base + m.start("agency"), base + m.end("agency")))
    agency = m.group("agency")
    kind = m.group("kind")
    lead.agency_text = agency + kind if kind == "讯" and not m.group("place") and not m.group("date") else agency
    lead.place = m.group("place") or None
    lead.date = m.group("date")
    i = m.end()
    # 【新华社重庆十四日电】拉萨讯: a second, local dateline
    local = rx(rf"\p{{Han}}{{1,6}}(?:{_LOCAL_DATELINE})[::]?").match(t, i) if m.group("close") else None
    if local:
        i = local.end()
    br = rx(r"\s*[(【]").match(t, i)
    if br:
        close = rx(r"[)】]|$").search(t, br.end())
        body = t[br.end() : close.start()] if close else ""
        if body and _BRACKET_BODY.fullmatch(body):
            lead.people = parse_people(body, base + br.end(), bare_role="记者")
            i = close.end() if close else len(t)
    if not lead.people:
        lead.people = inline_reporters(t, i, base)
    title = rx(rf"\s*(?:{_LEAD_TITLE})[::]\s*(.+?)\s*$").match(t, i)
    if title:
        lead.title = (base + title.start(1), base + title.end(1))
    lead.end = base + i
    return lead


# ------------------------------------------------------------------ signatures
# The marks a signature opens with (文/, 图/, 文/图:), without their slash: the slash, a colon or a bar follows.
_SIGNS = [w.rstrip("/") for w, m in _ROLE_CLASS.meanings.items() if m.get("signs")]
_SIGN_FIRST = "□■◎◇☆" + "".join(w[0] for w in _SIGNS)
_PHOTO_SIGNS = tuple(w for w in _ROLE_CLASS.words if _ROLE_CLASS.meaning(w).get("signs") == "摄影")  # 图/
_SIGNATURE = regex.compile(rf"^(?:[□■◎◇☆]\s*|(?:{_escaped(_SIGNS)})\s*[/:|]\s*)(\p{{Han}}[\p{{Han}}·\s、,]{{1,20}})$")
# 县长 韦承霖 under a report's headline: the office that signs it, then the name.
_SPEAKER = regex.compile(rf"^(?:{lexicon.alternation('office')})[ \t]+(\p{{Han}}{{2,4}})$")


def signature_names(t: str) -> tuple[int, int] | None:
    """Range of the names in a signature line such as `□姬国庆`, `文/张三` or `县长 韦承霖`."""
    m = _SIGNATURE.match(t) if t[:1] in _SIGN_FIRST else None  # its first character, tested cheaply
    if m is None and len(t) <= 12:
        m = _SPEAKER.match(t)
    if m is not None and _SECTION_WORD.search(m.group(1)):
        return None  # ■ 受理概况, ■ 回访评价: a report's section head, not a signature
    return (m.start(1), m.end(1)) if m else None


_SECTION_WORD = regex.compile(rf"(?:{lexicon.alternation('section_head')})$")


def parse_signature(t: str, base: int) -> list[Person]:
    r = signature_names(t)
    if r is None:
        return []
    role = "摄影" if t.startswith(_PHOTO_SIGNS) else "作者"
    # After □ or 文/ the line is a signature by its form: any surname will do (屠远山).
    # ■ also heads sections (■ 典型案例), so after ■ a name must start with a surname.
    return parse_people(t[r[0]:r[1]], base + r[0], bare_role=role, strict_bare=not t.startswith("□"))


_BARE_NAMES = regex.compile(r"[\p{Han}·]{2,4}(?:[\s、,]+[\p{Han}·]{2,4})*")
_END_BRACKET = regex.compile(r"[(]([^()]{2,40}?)[)]?[\s|]*$")


_OPEN_BRACKET = regex.compile(r"^[(]([^()]{2,40})[)]")


def opening_credit(t: str, base: int) -> list[Person]:
    """A bracketed byline opening a paragraph with no dateline before it: `(记者 王小明)全市…`."""
    m = _OPEN_BRACKET.match(t) if t[:1] == "(" else None
    if not m or not _BRACKET_BODY.fullmatch(m.group(1)):
        return []
    roles = list(_ROLE_RE.finditer(m.group(1)))
    if not roles or roles[0].start() > 0 or _ROLE_MAP[roles[0].group()] is None:
        return []
    return parse_people(m.group(1), base + 1, bare_role=None)


def parse_end_signature(t: str, base: int) -> list[Person]:
    """A bracketed signature closing an article: `(记者 X 通讯员 Y)`, `(周竟奇)`, `(责编:A、B)`."""
    m = _END_BRACKET.search(t)
    if not m or not _BRACKET_BODY.fullmatch(m.group(1)):
        return []
    body = m.group(1)
    if not _ROLE_RE.search(body):
        # a closing name with no role: only names, standing alone or after the last sentence
        alone = not t[:m.start()].strip() or t[:m.start()].rstrip()[-1] in "。!?”\"…"
        padded = _PADDED_NAME.fullmatch(body)
        if padded is not None and alone:
            # (周 锋): a two-character name set as wide as a three-character one, one name
            return [Person("作者", base + m.start(1) + padded.start(1), base + m.start(1) + padded.end(1))]
        if not _BARE_NAMES.fullmatch(body.strip()) or not alone:
            return []
    return parse_people(body, base + m.start(1), bare_role="作者")


_PADDED_NAME = regex.compile(r"\s*(\p{Han}[ \t\u3000]{1,2}\p{Han})\s*")


# A role word as credits write it: the role, or an agency then a reporter's role
# (新华社记者, 兰州日报社全媒体记者). Roles that name no author (校对, 审核) only credit.
_AUTHOR_ROLES = [w for w in _ROLE_CLASS.words if _ROLE_MAP[w] is not None and not w.endswith("/")
                 and w not in _AFTER_MARKS]
_SLASH_ROLES = [w for w in _ROLE_CLASS.words if w.endswith("/")]  # 文/王小明 图/李大伟
_CREDIT_ROLES = [w for w in _ROLE_CLASS.words if _ROLE_MAP[w] is None]
_REPORTER_ROLES = [w for w in _AUTHOR_ROLES if _ROLE_CLASS.meaning(w).get("reporter")]
_ROLE_WORD = rf"(?:(?:{_AGENCY_WORD})?(?:{_escaped(_REPORTER_ROLES)})|{_escaped(_AUTHOR_ROLES)})"
_NAMES = rf"[\p{{Han}}·]{{2,4}}(?:(?:[\s,/]|{_AND})+[\p{{Han}}·]{{2,4}})*"

_PHOTO_VERBS = _guarded("credit_verb", kind="photo")  # 摄, not 摄影
_PHOTO_MARK = rf"(?:{_PHOTO_VERBS}|{_escaped([w for w in _AFTER_MARKS if not w.startswith('/')])})"
_PHOTO = regex.compile(rf"(?P<role>{_escaped(_AUTHOR_ROLES)})[\s::]*(?P<names>\p{{Han}}{{2,4}}(?:\s*(?:,|{_AND})\s*\p{{Han}}{{2,4}})*)"
                       rf"\s*{_PHOTO_MARK}")
# A caption's closing credit that names the photographer after the role (… 摄影张若梦, 摄影记者:王海).
_SHOOTER_LAST = regex.compile(rf"\s(?:{lexicon.alternation_where('byline_role', shoots=True)})[\s::]*(?P<name>\p{{Han}}{{2,4}})\s*$")


def ends_in_shooter(t: str) -> bool:
    """The line closes with a photographer's credit, role first (… 摄影张若梦): a photo's caption."""
    m = _SHOOTER_LAST.search(t)
    return m is not None and _name_ok(m.group("name"), strict=True)


# Roles a photo's credit keeps as stated (通讯员 程小禾 供图); any other photographer is 记者.
_OWN_ROLES = frozenset(_ROLE_MAP[w] for w in _ROLE_CLASS.having(photo="own"))


# A caption's closing credit with no role word: the name alone after the caption's last sentence
# (…图为手工艺人在绘制蜡画。陈威 摄). Without a role it must read as a name (a surname first).
_BARE_PHOTO = regex.compile(rf"(?:^|(?<=[。!?”)(\s]))(\p{{Han}}{{2,4}})\s*{_PHOTO_MARK}(?=\s*$|[)。])")


def photo_credits(t: str, base: int) -> list[Person]:
    """`新华社记者王全超摄`, `记者 卢先庆 摄`, `…。陈威 摄`, `(王军 摄)`: a photographer is role 记者;
    `通讯员 程小禾 供图` keeps its role."""
    out: list[Person] = []
    for m in _PHOTO.finditer(t):
        role = _ROLE_MAP.get(m.group("role")) or "记者"
        role = role if role in _OWN_ROLES else "记者"
        for tok, s, e in _tokens(m.group("names"), base + m.start("names")):
            if _name_ok(tok, strict=False):
                out.append(Person(role, s, e))
    shooter = _SHOOTER_LAST.search(t)
    if shooter is not None and _name_ok(shooter.group("name"), strict=True) and not out:
        out.append(Person("记者", base + shooter.start("name"), base + shooter.end("name")))  # …司长盛来运 摄影张若梦
    if _PHOTO_FIRST.intersection(t):
        for m in _BARE_PHOTO.finditer(t):
            if _name_ok(m.group(1), strict=True) and not any(p.start == base + m.start(1) for p in out):
                out.append(Person("记者", base + m.start(1), base + m.end(1)))
    return out


_PHOTO_FIRST = frozenset("".join(w[0] for w in lexicon.get("credit_verb").having(kind="photo")) + "".join(w[0] for w in _AFTER_MARKS))
# Names each followed by the mark of what they did (王小明/文 李大伟/图).
_AFTER_CREDITS = regex.compile(rf"([\p{{Han}}·]{{2,4}})\s*({_escaped([w for w in _AFTER_MARKS if w.startswith('/')])})")


def after_credits(t: str, base: int) -> list[Person] | None:
    """A line of names each followed by its mark (王小明/文 李大伟/图), or None when t is not one."""
    found = list(_AFTER_CREDITS.finditer(t))
    if not found or rx(r"\s*").sub("", _AFTER_CREDITS.sub("", t)):
        return None
    return [Person(_ROLE_MAP[m.group(2)] or "作者", base + m.start(1), base + m.end(1))
            for m in found if _name_ok(m.group(1), strict=False)]


# A line that is nothing but credits: 新华社记者 / 本报记者 张三 李四 / 作者:王五 / 责任编辑:赵六 校对:钱七
_BYLINE_LINE = regex.compile(
    rf"^(?:{_ROLE_WORD}(?:[\s::]*{_NAMES})?\s*(?:{_escaped(list(_CREDIT_VERBS))})?\s*|(?:{_escaped(_CREDIT_ROLES + _SLASH_ROLES)})[\s::]*{_NAMES})"
    rf"(?:[\s,]*(?:{_ROLE_WORD}|{_escaped(_CREDIT_ROLES + _SLASH_ROLES)})[\s::]*{_NAMES}\s*(?:{_escaped(list(_CREDIT_VERBS))})?)*$"
)
# Web buttons standing apart from the text (作者:X 发表评论, 【纠错】, 分享到:): blanked before a line is read.
_BUTTON_WORDS = lexicon.get("web_furniture").having(kind="button")
_BUTTONS = regex.compile(
    rf"(?:(?<=^|[\s【|])(?:{_escaped(_BUTTON_WORDS)})(?=$|[\s】|::]))|【(?:{_escaped(_BUTTON_WORDS)})】")


def button_spans(t: str) -> list[tuple[int, int]]:
    """Spans of the web buttons standing apart from the text (发表评论, 分享到, 【纠错】)."""
    if not _WEB_WORDS_FIRST.intersection(t):
        return []
    return [(m.start(), m.end()) for m in _BUTTONS.finditer(t)]


def blank_buttons(t: str) -> str:
    """t with its standalone web buttons replaced by spaces: same length, so offsets hold."""
    spans = button_spans(t)
    for s, e in spans:
        t = t[:s] + " " * (e - s) + t[e:]
    return t


_WEB_WORDS_FIRST = frozenset(w[0] for w in _BUTTON_WORDS)


def _unbracket(t: str) -> str:
    """【纠错】【责任编辑:杭雨桐】 read as the credits inside (same length, so offsets hold)."""
    t = blank_buttons(t)
    if "【" not in t:
        return t
    return t.replace("【", " ").replace("】", " ")


def is_byline_line(t: str) -> bool:
    u = _unbracket(t).strip()
    return bool(_BYLINE_LINE.match(u)) or after_credits(u, 0) is not None


def credit_cell(t: str) -> tuple[int, int] | None:
    """A short row of cells set apart by bars, one of them a byline and the others words with no
    sentence in them (the outlet 北京日报客户端 in one cell, 记者 任珊 in the next): the byline's cell."""
    if "|" not in t or len(t) > 60:
        return None
    cells = [(m.start(), m.end()) for m in regex.finditer(r"[^|]+", t) if t[m.start():m.end()].strip()]
    credits = [c for c in cells if is_byline_line(t[c[0]:c[1]])]
    if len(credits) != 1 or len(cells) < 2:
        return None
    if any(rx(r"[,，。;；!?！？]").search(t, a, b) for a, b in cells):
        return None
    return credits[0]


def parse_byline_line(t: str, base: int) -> list[Person]:
    """A line that is only a byline: `本报记者 张三 李四`, `记者 王五 报道`, `作者:赵六`,
    `【纠错】【责任编辑:杭雨桐】`, `兰州日报社全媒体记者袁文波`, or the byline's cell of a row of
    cells (see `credit_cell`)."""
    if (cell := credit_cell(t)) is not None:
        return parse_byline_line(t[cell[0]:cell[1]], base + cell[0])
    if not is_byline_line(t):
        return []
    u = _unbracket(t)
    lead = len(u) - len(u.lstrip())
    after = after_credits(u.strip(), base + lead)
    if after is not None:
        return after
    return parse_people(u.strip(), base + lead, bare_role=None)


# 责任编辑:曹思远/明泽宏 版面设计:袁耀诚 inside a page strip or flowed text: a credit with a colon,
# its names up to the next space.
_INLINE_CREDIT = regex.compile(
    rf"(?P<role>{_escaped(_AUTHOR_ROLES + _CREDIT_ROLES)})\s*[::]\s*"
    r"(?P<names>[\p{Han}·]{2,4}(?:\s*[/、,]\s*[\p{Han}·]{2,4})*)(?![\p{Han}·])")


def inline_credits(t: str, base: int) -> list[Person]:
    """Credits standing inside a line of other matter (a page strip: `A26 要闻 责任编辑:A/B 2015年…`)."""
    out: list[Person] = []
    for m in _INLINE_CREDIT.finditer(t):
        role = _ROLE_MAP[m.group("role")]
        if role is None:
            continue
        first = _ROLE_RE.match(t, m.start("names"))
        if first is not None and _ROLE_MAP[first.group()] is not None:
            # 来源:棠溪日报 作者:记者 邹芷若 通讯员 岳川: the credit names roles of its own, up to the
            # next field of the line (… 编辑:X)
            nxt = rx(r"\s\S{1,6}[::]").search(t, m.start("names"))
            end = nxt.start() if nxt else len(t)
            out.extend(parse_people(t[m.start("names"):end], base + m.start("names"), bare_role=None))
            continue
        for tok, s, e in _tokens(m.group("names"), base + m.start("names")):
            if _name_ok(tok, strict=True):
                out.append(Person(role, s, e))
    return out


_REPORTED = regex.compile(rf"^(?:{_escaped(list(_AGENCY_NAMES))})?(?:{GRADE})?(?:{_REPORTER})\s*")


def reported_by(t: str, base: int) -> list[Person]:
    """`本报记者张三报道` opening a paragraph."""
    m = _REPORTED.match(t)
    if not m:
        return []
    rest = rx(rf"([\p{{Han}}·]{{2,4}}(?:\s*(?:,|{_AND})\s*[\p{{Han}}·]{{2,4}})*)\s*(?:{_escaped(list(_REPORTED_VERBS))})").match(t, m.end())
    if not rest:
        return []
    return [Person("记者", s, e) for tok, s, e in _tokens(rest.group(1), base + rest.start(1))
            if _name_ok(tok, strict=False)]
