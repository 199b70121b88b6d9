"""Line roles: what each line of the page is, decided from the page as a whole.

`layout.articles.analyse()` returns a `Layout`: the articles, every non-blank
line with its role, and the furniture that stands inside lines (tokens injected
across the page, web buttons) as spans that later passes can skip. All offsets
are into the normalised text (`NormText.text`), like every other offset the
passes share.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .articles import ArticleBlock


class Role(str, enum.Enum):
    MASTHEAD = "masthead"  # a publication's name, page and issue lines, page strips (第2版, A26 要闻 …)
    FURNITURE = "furniture"  # navigation, timestamps, sources, buttons, translations, issuer lines, links
    KICKER = "kicker"  # 引题: the line over the main title
    TITLE = "title"  # the main title (a line of it, when it runs over two)
    SUBTITLE = "subtitle"  # 副题, and a headline repeated with its subtitle under a page header
    COLUMN = "column"  # 【专栏名】, 专栏:名
    DATELINE = "dateline"  # the lead line that opens with a dateline (本报讯, 新华社…电)
    BYLINE = "byline"  # credit lines and signatures (本报记者 X, □X, 责任编辑:X)
    SECTION = "section"  # a section heading or a subhead inside an article
    BODY = "body"  # running text
    CAPTION = "caption"  # photo captions, infographic captions and figures, a table's caption
    TABLE = "table"  # a line of a flattened table


@dataclass(frozen=True)
class LineRole:
    role: Role
    start: int
    end: int


@dataclass
class Layout:
    articles: list[ArticleBlock] = field(default_factory=list)
    lines: list[LineRole] = field(default_factory=list)
    # Furniture inside lines: injected tokens (数说中国 …) and standalone web buttons (发表评论).
    furniture: list[tuple[int, int]] = field(default_factory=list)
