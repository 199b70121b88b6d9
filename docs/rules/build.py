"""Regenerate docs/rules/README.md from the rule modules' docstrings.

    python docs/rules/build.py          # rewrite the file
    python docs/rules/build.py --check  # exit 1 if it is out of date (tests run this)
"""

from __future__ import annotations

import sys
from pathlib import Path

from gov_news_extract.checks import all_rules
from gov_news_extract.checks.suppress import META_RULES

OUT = Path(__file__).with_name("README.md")


def render() -> str:
    head = OUT.read_text(encoding="utf-8").split("\n## ", 1)[0].rstrip("\n")
    sections = [f"## {r.id}\n\n```text\n{r.doc.strip()}\n```" for r in (*all_rules(), *META_RULES)]
    return head + "\n\n" + "\n\n".join(sections) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        return 0 if OUT.read_text(encoding="utf-8") == text else 1
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
