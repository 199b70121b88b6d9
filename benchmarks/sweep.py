#!/usr/bin/env python3
"""Size sweep: time and peak memory of parse() on one file of growing size, per input kind.

    python benchmarks/sweep.py [--sizes 0.1 1 10 50] [--kinds real digits ...] [--timeout 300]

Each run writes one file of the given size in MB (UTF-8 bytes) and parses it in a fresh
interpreter (`parse_file`, as the CLI does; with ``--api pages`` page by page through
`parse_pages`, keeping only counts, as `check` does), reporting the CPU time of the parse (what
the verdicts use: wall time on a shared machine measures the neighbours too), its wall time,
and the process's peak RSS (VmHWM). A run that exceeds --timeout (wall) is stopped and
recorded as such.

Kinds of input (all generated with a fixed seed, so runs are comparable):

* ``real``      the corpus pages repeated and shuffled, blank lines between them (an archive file);
* ``oneline``   the same text with every line break removed: one huge line;
* ``digits``    long runs of digits, some with separators (. , % : -), no sentence ever ending;
* ``enum``      never-ending 、-lists of named counts, and bare runs of 、;
* ``outline``   1.1.1. numbering: section heads 1.2.3.… and runs of 1.1.1.1.…;
* ``numerals``  Chinese numerals and units (三千二百万元、十二点五亿…) strung together;
* ``brackets``  brackets opened and never closed: （…(…【… with figures inside.

The verdict per kind compares time per MB at the largest size with time per MB at 1 MB:
``linear`` when the ratio is at most 1.5, else ``superlinear``.

Texts for ``real``: --corpus, else ../shared/corpus beside the repo, else corpora/ in it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = 20240614


def corpus_texts(folder: Path | None) -> list[str]:
    for cand in ([folder] if folder else [REPO.parent / "shared" / "corpus", REPO / "corpora"]):
        if cand and cand.is_dir():
            texts = [p.read_text(encoding="utf-8-sig") for p in sorted(cand.glob("*.txt"))]
            if texts:
                return texts
    sys.exit("no corpus texts found; pass --corpus DIR")


def _fill(nbytes: int, piece: Callable[[random.Random], str]) -> str:
    """Pieces from `piece` until the UTF-8 size reaches nbytes (cut at a character boundary)."""
    rnd = random.Random(SEED)
    out: list[str] = []
    size = 0
    while size < nbytes:
        p = piece(rnd)
        out.append(p)
        size += len(p.encode("utf-8"))
    return "".join(out).encode("utf-8")[:nbytes].decode("utf-8", errors="ignore")


def gen_real(texts: list[str]) -> Callable[[int], str]:
    def make(nbytes: int) -> str:
        order: list[str] = []

        def piece(rnd: random.Random) -> str:
            if not order:
                order.extend(texts)
                rnd.shuffle(order)
            return order.pop() + "\n\n"

        return _fill(nbytes, piece)

    return make


def gen_oneline(texts: list[str]) -> Callable[[int], str]:
    real = gen_real(texts)

    def make(nbytes: int) -> str:
        return real(nbytes).replace("\r", "").replace("\n", "")

    return make


def _digits(rnd: random.Random) -> str:
    n = rnd.choice((1, 3, 8, 20, 200, 2000))
    run = "".join(rnd.choice("0123456789") for _ in range(n))
    return run + rnd.choice(("", ".", ",", "%", ":", "-", " ", "\n", "、", "件"))


_NAMES = "甲乙丙丁戊己庚辛壬癸东南西北中"
_UNITS = ("件", "次", "人", "万元", "亿元", "%", "个", "家", "吨")


def _enum(rnd: random.Random) -> str:
    if rnd.random() < 0.1:
        return "、" * rnd.randint(1, 500)
    k = rnd.randint(1, 2000)
    items = [f"{rnd.choice(_NAMES)}{rnd.choice(_NAMES)}区{rnd.randint(1, 99999)}{rnd.choice(_UNITS)}" for _ in range(k)]
    return "、".join(items) + rnd.choice(("、", ",", ";", "。", "\n"))


def _outline(rnd: random.Random) -> str:
    if rnd.random() < 0.3:
        return "1." * rnd.randint(1, 400) + rnd.choice(("", "\n"))
    depth = rnd.randint(1, 6)
    num = ".".join(str(rnd.randint(1, 20)) for _ in range(depth)) + "."
    return f"{num}{rnd.choice(_NAMES)}项工作完成{rnd.randint(1, 999)}{rnd.choice(_UNITS)}\n"


_DIGITS_ZH = "零一二三四五六七八九两"
_ORDERS = ("", "十", "百", "千", "万", "亿", "点")


def _numerals(rnd: random.Random) -> str:
    n = rnd.randint(1, 30)
    s = "".join(rnd.choice(_DIGITS_ZH) + rnd.choice(_ORDERS) for _ in range(n))
    return s + rnd.choice(("", *_UNITS, "、", "。", "\n", "年", "月", "日"))


def _brackets(rnd: random.Random) -> str:
    opener = rnd.choice("（(【〔[《“")
    return f"{opener}{rnd.choice(_NAMES)}区{rnd.randint(1, 99999)}{rnd.choice(_UNITS)}" + rnd.choice(
        ("", "", "", ",", "。", "\n"))


def generators(texts: list[str]) -> dict[str, Callable[[int], str]]:
    def simple(fn: Callable[[random.Random], str]) -> Callable[[int], str]:
        return lambda nbytes: _fill(nbytes, fn)

    return {
        "real": gen_real(texts),
        "oneline": gen_oneline(texts),
        "digits": simple(_digits),
        "enum": simple(_enum),
        "outline": simple(_outline),
        "numerals": simple(_numerals),
        "brackets": simple(_brackets),
    }


# Parses in a fresh interpreter: the time of parse_file alone, and this process's own peak RSS.
_PROBE = """
import json, sys, time
from gov_news_extract import parse_file
t, c = time.perf_counter(), time.process_time()
if sys.argv[2] == "parse":
    doc = parse_file(sys.argv[1])
    facts, diagnostics = len(doc.facts()), len(doc.diagnostics)
else:  # page by page, keeping counts only: the memory a streaming caller (check) needs
    from gov_news_extract.io import read_text
    from gov_news_extract.pipeline import parse_pages
    facts = diagnostics = 0
    for doc in parse_pages(read_text(sys.argv[1])):
        facts += len(doc.facts())
        diagnostics += len(doc.diagnostics)
secs, cpu = time.perf_counter() - t, time.process_time() - c
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")][0].split()[1]
print(json.dumps({"secs": secs, "cpu": cpu, "rss_kib": int(hwm), "facts": facts, "diagnostics": diagnostics}))
"""


def run_one(path: Path, timeout: float, api: str = "parse") -> dict[str, float | int | str]:
    t = time.perf_counter()
    try:
        proc = subprocess.run([sys.executable, "-c", _PROBE, str(path), api], capture_output=True, text=True,
                              timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"status": "timeout", "secs": time.perf_counter() - t}
    if proc.returncode != 0:
        return {"status": "error: " + (proc.stderr.strip().splitlines() or ["?"])[-1]}
    out: dict[str, float | int | str] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["status"] = "ok"
    return out


def _fmt(v: object, spec: str) -> str:
    return "" if v is None else format(v, spec)


def _line(row: dict[str, object]) -> str:
    mb = float(row["mb"])  # type: ignore[arg-type]
    cpu, secs, rss = row.get("cpu"), row.get("secs"), row.get("rss_kib")
    return (f"{row['kind']:9} {mb:6g} {row['chars']:11,} {_fmt(cpu, '9.2f'):>9} "
            f"{_fmt(None if cpu is None else float(cpu) / mb, '7.2f'):>7} "  # type: ignore[arg-type]
            f"{_fmt(secs, '9.2f'):>9} {_fmt(None if rss is None else int(rss) / 1024, '9.0f'):>9} "  # type: ignore[call-overload]
            f"{row.get('facts', ''):>8}  {row['status']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.1, 1, 10, 50], help="file sizes in MB")
    ap.add_argument("--kinds", nargs="+", default=None, help="input kinds (default: all)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds before a run is stopped")
    ap.add_argument("--json", type=Path, help="also write the rows to this file")
    ap.add_argument("--api", choices=("parse", "pages"), default="parse",
                    help="parse: one Document for the file (default); pages: parse_pages, counts kept only")
    args = ap.parse_args()

    gens = generators(corpus_texts(args.corpus))
    kinds = args.kinds or list(gens)
    rows: list[dict[str, object]] = []
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} CPUs; timeout {args.timeout:g} s; api {args.api}")
    print(f"{'kind':9} {'MB':>6} {'chars':>11} {'cpu s':>9} {'s/MB':>7} {'wall s':>9} {'peak MiB':>9} {'facts':>8}  status")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in kinds:
            skip = False
            for mb in args.sizes:
                path = Path(tmp) / f"{kind}-{mb:g}.txt"
                text = gens[kind](int(mb * 1_000_000))
                path.write_text(text, encoding="utf-8")
                row: dict[str, object] = {"kind": kind, "mb": mb, "chars": len(text)}
                del text
                if skip:  # a smaller size already timed out: a larger one would too
                    row.update(status="skipped")
                else:
                    row.update(run_one(path, args.timeout, args.api))
                    skip = row["status"] == "timeout"
                path.unlink()
                rows.append(row)
                print(_line(row), flush=True)
    print("\nGrowth from 1 MB to the largest size (time per MB ratio; <= 1.5 is linear):")
    for kind in kinds:
        ok = [r for r in rows if r["kind"] == kind and r["status"] == "ok"]
        base = next((r for r in ok if r["mb"] == 1), None)
        top = max(ok, key=lambda r: float(r["mb"]), default=None)  # type: ignore[arg-type]
        if base is None or top is None or top is base:
            status = [r["status"] for r in rows if r["kind"] == kind]
            print(f"  {kind:9} n/a ({', '.join(map(str, status))})")
            continue
        ratio = (float(top["cpu"]) / float(top["mb"])) / (float(base["cpu"]) / 1.0)  # type: ignore[arg-type]
        mem = int(top["rss_kib"]) / int(base["rss_kib"])  # type: ignore[call-overload]
        verdict = "linear" if ratio <= 1.5 else "superlinear"
        print(f"  {kind:9} x{ratio:.2f} time/MB at {top['mb']:g} MB; peak RSS x{mem:.2f}  {verdict}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
