#!/usr/bin/env python3
"""The `gov-news-extract parse -f jsonl` batch, run on a Dask cluster.

    pip install 'gov-news-extract[dask]'
    python examples/dask_batch.py FOLDER_OR_FILES... [-o out.jsonl] [--workers 2] [--scheduler ADDRESS]

Without --scheduler it starts a LocalCluster; with one it uses that cluster
(whose workers need gov-news-extract installed). The output is the same JSONL,
in the same order, as the CLI's: the tasks are the library's own
`batch.process` (read, detect the encoding, parse, render one line), the
order comes from gathering the futures in input order, and only a window of
tasks is in flight so memory stays flat however many files there are. A file
that cannot be read gets the CLI's `path: error: ...` line on stderr.

The library itself knows nothing of Dask: this file is the whole integration.
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from dask.distributed import Client, LocalCluster, WorkerPlugin

from gov_news_extract import batch
from gov_news_extract.report.jsonl import JsonlFormat


class LoadSegmenter(WorkerPlugin):
    """Load the segmenter's dictionary once per worker, as the CLI's pool initializer does."""

    name = "gov-news-extract-segmenter"  # Dask keys plugins by name

    def __init__(self, segmenter: str | None = None) -> None:
        self.segmenter = segmenter

    def setup(self, worker: Any) -> None:
        batch.init_worker(self.segmenter, preload=True)


def outcomes(client: Client, sources: Sequence[batch.Source], window: int) -> Iterator[batch.Outcome[str]]:
    """Outcomes in input order, at most `window` tasks submitted at a time."""
    render = JsonlFormat().render
    pending: collections.deque[Any] = collections.deque()
    todo = iter(sources)
    while True:
        while len(pending) < window:
            src = next(todo, None)
            if src is None:
                break
            # pure=False: two identical files are still two tasks (and two lines).
            pending.append(client.submit(batch.process, src, render, pure=False))
        if not pending:
            return
        fut = pending.popleft()
        yield fut.result()
        fut.release()


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output", help="JSONL file (default: stdout)")
    ap.add_argument("--glob", default="*.txt")
    ap.add_argument("--workers", type=int, default=2, help="LocalCluster workers (default 2)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler instead of a LocalCluster")
    ap.add_argument("--segmenter", choices=("jieba", "rjieba"))
    args = ap.parse_args(argv)

    sources = batch.expand(args.paths, args.glob)
    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    failed = 0
    out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    try:
        client.register_plugin(LoadSegmenter(args.segmenter))
        window = 4 * max(1, len(client.scheduler_info().get("workers", {})))
        for outcome in outcomes(client, sources, window):
            if outcome.error is not None:
                print(f"{outcome.source}: error: {outcome.error}", file=sys.stderr)
                failed += 1
            else:
                out.write(outcome.value or "")
    finally:
        if out is not sys.stdout:
            out.close()
        client.close()
        if cluster is not None:
            cluster.close()
    print(f"{len(sources)} files, {failed} failed", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
