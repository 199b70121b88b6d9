"""Stage 2: word segmentation behind a small interface.

Two backends share jieba's dictionary and our domain words (data/userdict.txt):

* ``jieba``  – the pure-Python reference (always installed);
* ``rjieba`` – jieba-rs bindings (the ``fast`` extra), ~20x faster and with a
  dictionary that loads in ~0.1 s instead of ~1 s. Used automatically when
  installed.

Both give the same tokens on our corpus. rjieba 0.2.2 and later has ``add_word``
and ``has_word`` like jieba (the ``fast`` extra asks for it); older releases
(<= 0.2.1) have neither, so our domain words (办结率, 个百分点…) are not in their
dictionary and labels cut at word boundaries may differ: with such an rjieba the
automatic choice stays on jieba, and an explicit ``rjieba`` request gets it with
that difference. The one behavioural difference of jieba-rs itself that we know
of is that it keeps an ASCII run joined by ``-`` or ``.`` as one token (``9-10``,
``v1.2.3``, ``a.b.cn``) where jieba splits it (``9`` ``-`` ``10``):
`RJiebaSegmenter` re-splits such tokens with jieba's own rule so that both
backends agree.

The choice: `set_default(name)`, else the ``GOV_NEWS_EXTRACT_SEGMENTER``
environment variable, else rjieba when importable, else jieba. A dictionary is
loaded on first use and once per process (per backend): `import
gov_news_extract` stays cheap, and a worker process can call `get()` in its
initializer to pay the cost up front.
"""

from __future__ import annotations

import functools
import importlib.util
import os
import threading
from collections.abc import Callable
from importlib import resources
from typing import Any, Protocol

import regex

ENV_VAR = "GOV_NEWS_EXTRACT_SEGMENTER"
BACKENDS = ("jieba", "rjieba")


class Segmenter(Protocol):
    name: str

    def cut(self, text: str) -> list[str]:
        """Tokens of `text`, in order; their concatenation is `text`."""
        ...

    def tag(self, text: str) -> list[tuple[str, str]]:
        """Tokens of `text` with their part-of-speech tags (jieba's tag set: n, v, p, d …)."""
        ...


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

        # jieba logs "Building prefix dict..." at DEBUG on stderr; a CLI must stay quiet.
        jieba.setLogLevel(logging.WARNING)
        # A private Tokenizer: our user words never leak into the caller's global jieba.
        self._tok = jieba.Tokenizer()
        self._tok.initialize()
        self._pos: Any = None
        for word, freq, tag in _user_words():
            self._tok.add_word(word, freq, tag)

    def cut(self, text: str) -> list[str]:
        return list(self._tok.lcut(text, HMM=True))

    def tag(self, text: str) -> list[tuple[str, str]]:
        if self._pos is None:
            import jieba.posseg

            self._pos = jieba.posseg.POSTokenizer(self._tok)  # loaded on first use: layout only
        return [(w.word, w.flag) for w in self._pos.lcut(text)]


# jieba's rule for the non-Han parts of an unknown run (jieba.finalseg.re_skip).
_HAN = regex.compile(r"[\u4E00-\u9FD5]")
_ASCII_SKIP = regex.compile(r"([a-zA-Z0-9]+(?:\.\d+)?%?)")
_SPLITTABLE = regex.compile(r"[^a-zA-Z0-9]")


class RJiebaSegmenter:
    name = "rjieba"

    def __init__(self) -> None:
        import rjieba

        # Our own instance, not rjieba's module-level one, for the same reason as above.
        self._jb = rjieba.Jieba()
        add_word = getattr(self._jb, "add_word", None)
        # False with rjieba <= 0.2.1: no user words, so not a drop-in for jieba (see module doc).
        self.complete = add_word is not None
        if add_word is not None:
            for word, freq, tag in _user_words():
                add_word(word, freq, tag)
        self._has_word: Callable[[str], bool] = getattr(self._jb, "has_word", lambda word: False)

    def tag(self, text: str) -> list[tuple[str, str]]:
        return [(w, t) for w, t in self._jb.tag(text, True)]

    def cut(self, text: str) -> list[str]:
        out: list[str] = []
        for tok in self._jb.cut(text, True):
            if len(tok) > 1 and _SPLITTABLE.search(tok) and not _HAN.search(tok) and not self._has_word(tok):
                out.extend(p for p in _ASCII_SKIP.split(tok) if p)
            else:
                out.append(tok)
        return out


_FACTORIES: dict[str, Callable[[], Segmenter]] = {"jieba": JiebaSegmenter, "rjieba": RJiebaSegmenter}
_lock = threading.Lock()
_instances: dict[str, Segmenter] = {}
_default: str | None = None
# Installed backends the automatic choice skips: failed to import, or an rjieba without add_word.
_broken: set[str] = set()


def _check(name: str) -> str:
    if name not in _FACTORIES:
        raise ValueError(f"unknown segmenter {name!r}; choose from {', '.join(BACKENDS)}")
    return name


def available() -> list[str]:
    """Backends usable here, found without loading a dictionary (an rjieba seen to be unusable is left out)."""
    names = ["jieba"]
    if "rjieba" not in _broken and _installed("rjieba"):
        names.append("rjieba")
    return names


@functools.cache
def _installed(module: str) -> bool:
    # looked up once: the search of sys.path costs more than the cut it chooses a backend for
    return importlib.util.find_spec(module) is not None


def set_default(name: str | None) -> None:
    """Choose the backend for this process ("jieba", "rjieba", or None for automatic)."""
    global _default
    _default = _check(name) if name is not None else None


def default_name() -> str:
    """The backend `get()` would use: set_default(), the environment, else the fastest installed."""
    if _default is not None:
        return _default
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return _check(env)
    return "rjieba" if "rjieba" in available() else "jieba"


def get(name: str | None = None) -> Segmenter:
    """The (cached) segmenter `name`, or the default one.

    An explicitly requested backend that cannot load raises ImportError; the
    automatic choice falls back to jieba when rjieba is present but broken.
    """
    explicit = name is not None or _default is not None or bool(os.environ.get(ENV_VAR, "").strip())
    chosen = _check(name) if name is not None else default_name()
    with _lock:
        seg = _instances.get(chosen)
        if seg is not None:
            return seg
        try:
            seg = _FACTORIES[chosen]()
        except ImportError:
            if explicit or chosen == "jieba":
                raise
            _broken.add(chosen)
            return _jieba_locked()
        _instances[chosen] = seg
        if not getattr(seg, "complete", True):
            _broken.add(chosen)  # an old rjieba: the automatic choice wants identical output
            if not explicit:
                return _jieba_locked()
        return seg


def _jieba_locked() -> Segmenter:
    seg = _instances.get("jieba")
    if seg is None:
        seg = _instances["jieba"] = JiebaSegmenter()
    return seg


def cut(text: str) -> list[str]:
    return get().cut(text)


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens with their [start, end) offsets in `text`."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for tok in cut(text):
        out.append((tok, pos, pos + len(tok)))
        pos += len(tok)
    return out
