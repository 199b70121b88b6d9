"""Stage 2: word segmentation behind a small interface.

jieba is the default backend; rjieba (jieba-rs, same dictionary) is used when the
`fast` extra is installed. The dictionary is loaded on first use and once per
process: `import gov_news_extract` stays cheap.
"""

from __future__ import annotations

import os
import threading
from importlib import resources
from typing import Protocol


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]: ...


def _user_words() -> list[tuple[str, int | None, str | None]]:
    """Domain terms shipped in data/userdict.txt (word [freq [tag]] per line)."""
    words: list[tuple[str, int | None, str | None]] = []
    raw = resources.files("gov_news_extract.data").joinpath("userdict.txt").read_text(encoding="utf-8")
    for line in raw.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        bits = line.split()
        freq = int(bits[1]) if len(bits) > 1 else None
        tag = bits[2] if len(bits) > 2 else None
        words.append((bits[0], freq, tag))
    return words


class JiebaSegmenter:
    name = "jieba"

    def __init__(self) -> None:
        import logging

        import jieba

        jieba.setLogLevel(logging.WARNING)
        self._tok = jieba.Tokenizer()
        self._tok.initialize()
        for word, freq, tag in _user_words():
            self._tok.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        return list(self._tok.lcut(text, HMM=True))


class RJiebaSegmenter:
    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        self._mod = rjieba
        add = getattr(rjieba, "add_word", None)
        if add is not None:
            for word, freq, tag in _user_words():
                add(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        return list(self._mod.cut(text, hmm=True))


_BACKENDS = {"jieba": JiebaSegmenter, "rjieba": RJiebaSegmenter}
_lock = threading.Lock()
_instances: dict[str, Segmenter] = {}
_default: str | None = os.environ.get("GOV_NEWS_EXTRACT_SEGMENTER") or None


def available() -> list[str]:
    names = ["jieba"]
    try:
        import rjieba  # noqa: F401

        names.append("rjieba")
    except ImportError:
        pass
    return names


def set_default(name: str | None) -> None:
    """Choose the backend for this process ("jieba", "rjieba" or None for automatic)."""
    global _default
    if name is not None and name not in _BACKENDS:
        raise ValueError(f"unknown segmenter {name!r}; choose from {sorted(_BACKENDS)}")
    _default = name


def get(name: str | None = None) -> Segmenter:
    name = name or _default or ("rjieba" if "rjieba" in available() else "jieba")
    with _lock:
        seg = _instances.get(name)
        if seg is None:
            seg = _instances[name] = _BACKENDS[name]()
        return seg


def cut(text: str) -> list[str]:
    return get().cut(text)
