#!/usr/bin/env python3
"""Coverage-guided fuzzing of parse() with atheris (libFuzzer), seeded from corpora/.

    pip install -e '.[fuzz]'
    python tests/fuzz/fuzz_parse.py -max_total_time=600 [-jobs=N] [libFuzzer flags…]

The seeds are the project's own texts (corpora/*.txt), as they are and wrapped in HTML; the
fuzzer mutates them (and what it grows from them) as bytes, which are read as a user's file
would be (`io.decode`, falling back to UTF-8 with replacement for bytes no encoding reads).
For every input it checks what parse() promises:

* it returns a Document (an internal error is a failure here, though parse() reports it);
* every span slices the input to its text; facts come in text order;
* with GNE_FUZZ_SLOW=S set (seconds of CPU per 10 KB), it takes at most that long: a way to
  hunt passes that grow faster than the text on a quiet machine. It is off by default and in
  CI: speed is measured in `benchmarks/`, never asserted where the machine's load decides.

A failing input is written by libFuzzer as ``crash-…`` (or ``timeout-…``) in the current
folder; reproduce it with ``python tests/fuzz/fuzz_parse.py crash-…``. Without atheris
installed the script says so and exits 0 (CI runs it only where atheris installs).
"""

from __future__ import annotations

import html
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SLOW_SECONDS_PER_10KB = float(os.environ["GNE_FUZZ_SLOW"]) if os.environ.get("GNE_FUZZ_SLOW") else None

try:
    import atheris
except ImportError:  # pragma: no cover - the fuzz extra is optional
    print("atheris is not installed (pip install -e '.[fuzz]'): fuzzing skipped")
    sys.exit(0)

with atheris.instrument_imports():
    from gov_news_extract import parse
    from gov_news_extract.io import DecodeError, decode
    from gov_news_extract.models import Document


def _text(data: bytes) -> str:
    try:
        return decode(data)
    except DecodeError:
        return data.decode("utf-8", errors="replace")


def check(text: str) -> None:
    t = time.process_time()
    doc = parse(text)
    spent = time.process_time() - t
    assert isinstance(doc, Document)
    broken = [d.message_en for d in doc.diagnostics if d.rule == "internal-error"]
    assert not broken, broken
    if SLOW_SECONDS_PER_10KB is not None:
        limit = SLOW_SECONDS_PER_10KB * max(1.0, len(text.encode("utf-8")) / 10240)
        assert spent <= limit, f"{spent:.2f} s for {len(text)} characters (limit {limit:.2f} s)"
    prev = -1
    for f in doc.facts():
        assert text[f.span.start:f.span.end] == f.span.text, f
        assert f.span.start >= prev, "facts out of text order"
        prev = f.span.start
        for sp in (f.label_span, f.sentence):
            if sp is not None:
                assert text[sp.start:sp.end] == sp.text, sp
    for d in doc.diagnostics:
        for sp in (d.span, *d.related):
            assert sp.text == "" or text[sp.start:sp.end] == sp.text, sp
    for a in doc.articles:
        assert text[a.span.start:a.span.end] == a.span.text or a.span.text == ""


def test_one_input(data: bytes) -> None:
    check(_text(data))


def seeds(folder: Path) -> None:
    """The corpora's texts as they are and as an HTML page, one seed file each."""
    for i, path in enumerate(sorted((REPO / "corpora").glob("*.txt"))):
        text = path.read_text(encoding="utf-8")
        (folder / f"{i:03d}.txt").write_bytes(text.encode("utf-8"))
        page = "<html><body>" + "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines()) + "</body></html>"
        (folder / f"{i:03d}.html").write_bytes(page.encode("utf-8"))


def main() -> None:
    args = [a for a in sys.argv[1:]]
    dirs = [a for a in args if not a.startswith("-") and Path(a).is_dir()]
    files = [a for a in args if not a.startswith("-") and Path(a).is_file()]
    flags = [a for a in args if a.startswith("-")]
    if files:  # reproduce saved inputs
        for f in files:
            check(_text(Path(f).read_bytes()))
            print(f"{f}: ok")
        return
    if not any(f.startswith("-max_len") for f in flags):
        flags.append("-max_len=20000")  # room for a whole seed page and its growth
    if not any(f.startswith("-timeout") for f in flags):
        flags.append("-timeout=60")  # a hang, not a slow input (see GNE_FUZZ_SLOW above)
    if not any(f.startswith("-rss_limit_mb") for f in flags):
        flags.append("-rss_limit_mb=4096")
    work = Path(tempfile.mkdtemp(prefix="gne-fuzz-"))
    seed_dir = work / "seeds"
    seed_dir.mkdir()
    seeds(seed_dir)
    grown = dirs[0] if dirs else str(work / "corpus")
    Path(grown).mkdir(parents=True, exist_ok=True)
    atheris.Setup([sys.argv[0], *flags, grown, str(seed_dir), *dirs[1:]], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
