#!/usr/bin/env python3
"""Speed and memory of gov-news-extract, each against a jieba baseline on the same machine.

    python benchmarks/bench.py [--corpus DIR] [--mb 50] [--runs 5] [--seconds 3]

Measures, in one run:

1. parse() throughput in chars/s on the corpus texts, against jieba.lcut over
   the same texts (the ratio is what matters: targets >= 2x with the jieba
   backend, >= 5x with rjieba); also the share of parse() time spent in the
   segmenter;
2. cold start of `gov-news-extract parse PAGE` against
   `python -c "import jieba; jieba.initialize()"` (median of --runs; target
   within 1.3x);
3. peak RSS of `gov-news-extract parse --jobs 1` over --mb MB spread over few
   and over many files: flat memory means the two are about the same.

Texts: --corpus, else ../shared/corpus beside the repo, else corpora/ in it.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def corpus_texts(folder: Path | None) -> list[str]:
    for cand in ([folder] if folder else [REPO.parent / "shared" / "corpus", REPO / "corpora"]):
        if cand and cand.is_dir():
            texts = [p.read_text(encoding="utf-8-sig") for p in sorted(cand.glob("*.txt"))]
            if texts:
                return texts
    sys.exit("no corpus texts found; pass --corpus DIR")


def rate(fn, texts: list[str], seconds: float) -> float:
    """chars/s of fn over the texts, repeated for at least `seconds`."""
    chars = sum(map(len, texts))
    done = 0
    start = time.perf_counter()
    while True:
        for t in texts:
            fn(t)
        done += chars
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


class _Timed:
    """Wraps a segmenter's cut to count the time parse() spends in it."""

    def __init__(self, seg) -> None:
        self.seg, self.orig, self.spent, self.chars = seg, seg.cut, 0.0, 0
        seg.cut = self

    def __call__(self, text: str) -> list[str]:
        t = time.perf_counter()
        try:
            return self.orig(text)
        finally:
            self.spent += time.perf_counter() - t
            self.chars += len(text)

    def restore(self) -> None:
        self.seg.cut = self.orig


def throughput(texts: list[str], seconds: float) -> list[tuple[str, str, str]]:
    import jieba

    from gov_news_extract import parse
    from gov_news_extract.text import segment

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    base = rate(jieba.lcut, texts, seconds)
    rows = [("jieba.lcut (baseline)", f"{base:,.0f} chars/s", "1.00x")]
    for name in segment.available():
        segment.set_default(name)
        seg = segment.get()
        for t in texts:  # warm: dictionary, regexes, caches
            parse(t)
        timer = _Timed(seg)
        start = time.perf_counter()
        r = rate(parse, texts, seconds)
        wall = time.perf_counter() - start
        timer.restore()
        share = timer.spent / wall if wall else 0.0
        fed = timer.chars / (r * wall) if wall else 0.0
        rows.append((f"parse() [{name}]", f"{r:,.0f} chars/s",
                     f"{r / base:.2f}x  (segmenter: {share:.0%} of parse time; it is given {fed:.1%} of the text)"))
    segment.set_default(None)
    return rows


def _median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def cli_command() -> list[str]:
    script = Path(sys.executable).parent / "gov-news-extract"
    if script.exists():
        return [str(script)]
    found = shutil.which("gov-news-extract")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from gov_news_extract.cli import main; sys.exit(main())"]


def cold_start(page: Path, runs: int) -> list[tuple[str, str, str]]:
    from gov_news_extract.text import segment

    env = {k: v for k, v in os.environ.items() if k != segment.ENV_VAR}
    # jieba was byte-compiled when pip installed it; an editable install of this package is not,
    # and with PYTHONDONTWRITEBYTECODE set (as on some CI machines) every start would compile
    # every module again. Compile once, as pip does for a regular install, so both start alike.
    import compileall

    import gov_news_extract
    compileall.compile_dir(str(Path(gov_news_extract.__file__).parent), quiet=1)
    baseline_cmd = [sys.executable, "-c", "import jieba; jieba.initialize()"]
    subprocess.run(baseline_cmd, capture_output=True, check=False)  # jieba's dictionary cache is warm for both
    base = _median_seconds(baseline_cmd, runs, env)
    rows = [("import jieba; jieba.initialize()", f"{base:.3f} s", "1.00x")]
    t_by: dict[str, float] = {}
    for name in segment.available():
        cmd = [*cli_command(), "parse", str(page), "--segmenter", name]
        subprocess.run(cmd, capture_output=True, check=False)
        t = t_by[name] = _median_seconds(cmd, runs, env)
        rows.append((f"gov-news-extract parse PAGE [{name}]", f"{t:.3f} s", f"{t / base:.2f}x"))
    # parse() loads the dictionary only for a page that needs a word boundary (a long label):
    # what such a page adds to the figures above.
    for name in segment.available():
        imp = _median_seconds([sys.executable, "-c", "import gov_news_extract.text.segment"], runs, env)
        load = _median_seconds([sys.executable, "-c", "from gov_news_extract.text import segment; "
                                f"segment.get({name!r})"], runs, env)
        rows.append((f"  + dictionary load when a page needs it [{name}]", f"+{load - imp:.3f} s",
                     f"(worst case {(t_by[name] + load - imp) / base:.2f}x)"))
    return rows


def write_files(folder: Path, texts: list[str], total_bytes: int, n_files: int) -> int:
    """n_files files of total_bytes/n_files bytes each, cut from the texts cycled; returns chars."""
    blob = "\n\n".join(texts)
    per = total_bytes // n_files
    # Enough characters that the UTF-8 encoding (about 3 bytes a hanzi) reaches `per` bytes.
    reps = per // max(1, len(blob.encode("utf-8"))) + 2
    chars = 0
    for i in range(n_files):
        rot = i * 7919 % len(blob)  # each file starts elsewhere: not n copies of one document
        piece = (blob[rot:] + "\n\n" + blob * reps).encode("utf-8")[:per].decode("utf-8", errors="ignore")
        sub = folder / f"d{i % 50:02d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(piece, encoding="utf-8")
        chars += len(piece)
    return chars


# Runs the CLI in a fresh interpreter and reports that process's own peak RSS (VmHWM). Not
# ru_maxrss from wait4: Linux carries the forked parent's high-water mark across exec.
_RSS_PROBE = """
import sys
from gov_news_extract.cli import main
try:
    main(sys.argv[1:])
finally:
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
    sys.stderr.write("\\nVmHWM " + hwm[0].split()[1] + "\\n")
"""


def peak_rss_kib(args: list[str]) -> tuple[int, float]:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _RSS_PROBE, *args], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, check=False)
    secs = time.perf_counter() - t
    last = proc.stderr.decode(errors="replace").strip().splitlines()[-1]
    if not last.startswith("VmHWM "):
        raise RuntimeError(f"no memory figure from the CLI run: {last}")
    return int(last.split()[1]), secs


def memory(texts: list[str], mb: float, layouts: list[int]) -> list[tuple[str, str, str]]:
    rows = []
    page = max(texts, key=len)
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "page.txt"
        one.write_text(page, encoding="utf-8")
        rss, _ = peak_rss_kib(["parse", str(one), "-q", "-j", "1", "-o", os.devnull])
        rows.append(("parse one page", f"{rss / 1024:.0f} MiB peak RSS", ""))
        for n in layouts:
            folder = Path(tmp) / f"n{n}"
            folder.mkdir()
            chars = write_files(folder, texts, int(mb * 1024 * 1024), n)
            rss, secs = peak_rss_kib(["parse", str(folder), "-q", "-j", "1",
                                      "-f", "jsonl", "-o", os.devnull])
            rows.append((f"parse {mb:g} MB in {n} files, --jobs 1", f"{rss / 1024:.0f} MiB peak RSS",
                         f"{secs:.1f} s, {chars / secs:,.0f} chars/s"))
            shutil.rmtree(folder)
    return rows


def table(title: str, rows: list[tuple[str, str, str]]) -> None:
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    print(f"\n{title}")
    for a, b, c in rows:
        print(f"  {a:<{w0}}  {b:>{w1}}  {c}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--mb", type=float, default=50.0, help="input size for the memory runs (default 50)")
    ap.add_argument("--files", type=int, nargs="+", default=[5000, 20000],
                    help="file counts to spread --mb over (default 5000 20000)")
    ap.add_argument("--runs", type=int, default=5, help="cold-start runs, median taken")
    ap.add_argument("--seconds", type=float, default=3.0, help="minimum time per throughput measurement")
    ap.add_argument("--skip-memory", action="store_true")
    args = ap.parse_args()

    texts = corpus_texts(args.corpus)
    print(f"{len(texts)} texts, {sum(map(len, texts)):,} chars; python {sys.version.split()[0]}; "
          f"{os.cpu_count()} CPUs")
    table("Throughput (same texts; ratio against jieba.lcut; target >= 2x jieba, >= 5x rjieba)",
          throughput(texts, args.seconds))
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.txt"
        page.write_text(max(texts, key=len), encoding="utf-8")
        table(f"Cold start, one page of {len(max(texts, key=len)):,} chars (median of {args.runs}; "
              "target <= 1.3x)", cold_start(page, args.runs))
    if not args.skip_memory:
        table("Peak memory (flat in the number of files = same RSS on each line)",
              memory(texts, args.mb, args.files))


if __name__ == "__main__":
    main()
