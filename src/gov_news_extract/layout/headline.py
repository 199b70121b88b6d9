"""Which line of a headline stack is the main title, which the kicker (引题) and the subtitle (副题).

A Chinese news headline may stand in up to three lines. The main title says
who did what, and so opens with its subject (市热线办开展回访专项行动, 福建省人大
开展百村调研). A kicker sets the scene before it and usually has no subject of
its own: it opens with a verb, a preposition or an adverb (提升群众满意度, 深入农户
了解…, 为春耕备好“技术粮”). A subtitle follows the main title with a detail or a
figure (为领导人非正式会议做准备, ——记…). So:

* three lines or more: kicker, main title, subtitle(s);
* two lines: kicker and main title when the first opens without a subject (or
  only sets a time or a scene: 春节前夕) and the second opens with one;
  otherwise main title and subtitle;
* two lines where only the second, longer one states a figure and the first is short (a
  slogan): kicker and main title;
* a line that opens with a dash is a subtitle.

"Opens with a subject" is read from the part of speech of the first word
(jieba's tag set), so no list of verbs is needed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..text import segment

# Tags of a first word that leaves the line without a subject: verbs, prepositions, adverbs,
# conjunctions (提升, 为, 仍, 并).
_NO_SUBJECT = frozenset({"v", "vd", "p", "d", "ad", "c", "zg"})
# Tags of a first word that can be the subject: nouns, names, places, organisations,
# abbreviations, pronouns, foreign words (市, 福建省, 李, 我国, APEC).
_SUBJECT = frozenset({"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "j", "r", "eng"})
_OPENING = regex.compile(r"^[\s“”\"'‘’「」『』《〈【(]+")
_DASH = regex.compile(r"^\s*[—－-]{1,2}")
# A question over a statement asks what the main title answers: a kicker.
_QUESTION = regex.compile(r"[?？]\s*$")
# A figure: the news of a two-line stack is in the line that states it, the shorter line over it sets
# the scene (a slogan such as 春耕备耕进行时 opens with a noun, so its words alone do not tell).
_FIGURE = regex.compile(r"\d")
_SLOGAN = 10  # characters: a scene-setting line is short; a statement of news runs longer


@dataclass(frozen=True)
class Stack:
    """Positions in a headline stack: the kicker (if any), the main title, the subtitles."""

    main: int
    kicker: int | None = None
    subtitles: tuple[int, ...] = ()


def _tags(text: str) -> list[str]:
    text = _OPENING.sub("", text)
    if not text:
        return []
    try:
        return [tag for word, tag in segment.get().tag(text[:16]) if word.strip()]
    except Exception:  # a segmenter that cannot tag: fall back to the order of the lines
        return []


def opens_without_subject(text: str) -> bool:
    """提升群众满意度, 为春耕备好“技术粮”: a predicate with no subject. A verb that opens a relative
    clause (装作外婆的狼掩盖不住…: V O 的 N, then the verb) opens the subject instead."""
    tags = _tags(text)
    if tags and tags[0] in _SCENE and not any(t in _VERBS for t in tags[1:]):
        return True  # 春节前夕, 岁末年初: a time or a scene, and nothing done in it
    if not tags or tags[0] not in _NO_SUBJECT:
        return False
    if tags[0] not in _VERBS:
        return True
    for tag in tags[1:]:
        if tag in _VERBS:
            return True
        if tag == _DE:
            return False
    return True


def opens_with_subject(text: str) -> bool:
    tags = _tags(text)
    return bool(tags) and tags[0] in _SUBJECT


_VERBS = frozenset({"v", "vd", "zg"})
# Tags of a first word that sets a time or a scene: time words, idioms, set phrases, localities.
_SCENE = frozenset({"t", "tg", "i", "l", "f"})
_DE = "uj"  # jieba's tag of the particle that ends a relative clause


def roles(texts: list[str]) -> Stack:
    """The roles of the lines of one headline stack, top to bottom."""
    n = len(texts)
    if n <= 1:
        return Stack(main=0)
    if n == 2:
        if not _DASH.match(texts[1]) and (_QUESTION.search(texts[0]) or (
                opens_without_subject(texts[0]) and opens_with_subject(texts[1]))):
            return Stack(main=1, kicker=0)  # 提升群众满意度 / 市热线办…; 急难愁盼如何解决? / 某区热线交出答卷
        if not _DASH.match(texts[1]) and _FIGURE.search(texts[1]) and not _FIGURE.search(texts[0]) \
                and len(texts[0].strip()) <= _SLOGAN and len(texts[1]) >= len(texts[0]) + 3:
            return Stack(main=1, kicker=0)  # 春耕备耕进行时 / 全县早稻机插面积突破18万亩: the news is the figure's line
        return Stack(main=0, subtitles=(1,))
    if _DASH.match(texts[1]):  # main title, then a dashed subtitle and more
        return Stack(main=0, subtitles=tuple(range(1, n)))
    return Stack(main=1, kicker=0, subtitles=tuple(range(2, n)))
