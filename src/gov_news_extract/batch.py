"""Batch processing: many files, in input order, in parallel, with flat memory.

The pieces are usable on their own (the CLI and examples/dask_batch.py use them):

* `expand()` turns command-line paths (files, folders, ``-``) into `Source`s in
  a deterministic order, with missing paths and empty folders as failed ones;
* `process()` reads, decodes, parses and renders one source and never raises
  for a bad file: the error is in the returned `Outcome`;
* `map_ordered()` runs a function over items in worker processes and yields
  the results in input order while only a small window is in flight, so memory
  does not grow with the number of files;
* `run()` combines them.

No scheduler other than the standard library here: Dask and the like call
`process()` themselves (see examples/dask_batch.py).
"""

from __future__ import annotations

import collections
import concurrent.futures as cf
import datetime as dt
import fnmatch
import functools
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Generic, TypeVar, cast

from .io import DecodeError, decode
from .models import Document
from .text import segment

A = TypeVar("A")
B = TypeVar("B")
T = TypeVar("T")

STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass(frozen=True)
class Source:
    """One input: a file path, or bytes already read (stdin); `error` when it cannot even be tried."""

    path: str
    data: bytes | None = None
    error: str | None = None


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result for one source: `value` (a Document or its rendering) or `error`."""

    source: str
    value: T | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


# ---------------------------------------------------------------- inputs
def _matches(rel: str, name: str, pattern: str) -> bool:
    # A pattern with a slash is matched against the path inside the folder, else against the name.
    return fnmatch.fnmatchcase(rel if "/" in pattern else name, pattern)


def walk(folder: str | os.PathLike[str], pattern: str = "*.txt") -> list[str]:
    """Files under `folder` (recursive, symlinked folders not followed) matching `pattern`, sorted."""
    root = Path(folder)
    found: list[tuple[tuple[str, ...], str]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames.sort()
        rel_dir = Path(dirpath).relative_to(root)
        for name in filenames:
            rel = rel_dir / name
            if _matches(rel.as_posix(), name, pattern):
                found.append((rel.parts, os.path.normpath(os.path.join(dirpath, name))))
    # Sort by path components so that a/b.txt < a-b.txt is the same everywhere.
    found.sort()
    return [p for _, p in found]


def expand(paths: Iterable[str], pattern: str = "*.txt", stdin: IO[bytes] | None = None) -> list[Source]:
    """Command-line paths to sources: arguments in the order given, each folder's files sorted.

    A missing path, an unreadable folder and a folder with no matching file
    become sources carrying an error, so that nothing is dropped silently.
    """
    out: list[Source] = []
    for arg in paths:
        if arg == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            out.append(Source(STDIN_NAME, data=stream.read()))
        elif os.path.isdir(arg):
            try:
                files = walk(arg, pattern)
            except OSError as exc:
                out.append(Source(arg, error=_os_error(exc)))
                continue
            if not files:
                out.append(Source(arg, error=f"no files matching {pattern!r} in this folder"))
            out.extend(Source(f) for f in files)
        elif os.path.exists(arg):
            out.append(Source(arg))
        else:
            out.append(Source(arg, error="no such file or folder"))
    return out


def _os_error(exc: OSError) -> str:
    return exc.strerror or str(exc)


# ---------------------------------------------------------------- one file
def parse_source(src: Source, *, encoding: str | None = None,
                 reference_date: dt.date | None = None) -> Document:
    """Read (or take), decode and parse one source; OSError/DecodeError for a bad file."""
    from .pipeline import parse

    if src.error is not None:
        raise OSError(src.error)
    data = src.data if src.data is not None else Path(src.path).read_bytes()
    doc = parse(decode(data, encoding), reference_date=reference_date)
    doc.source = src.path
    return doc


def _identity(doc: Document) -> Document:
    return doc


def process(src: Source | str, render: Callable[[Document], T] | None = None, *,
            encoding: str | None = None, reference_date: dt.date | None = None) -> Outcome[T]:
    """Parse one source and render it (in the worker: only the rendering travels back).

    Never raises for a bad file: a missing, unreadable, binary or undecodable
    one gives an Outcome with `error` set.
    """
    if isinstance(src, str):
        src = Source(src)
    if src.error is not None:
        return Outcome(src.path, error=src.error)
    try:
        doc = parse_source(src, encoding=encoding, reference_date=reference_date)
    except DecodeError as exc:
        return Outcome(src.path, error=str(exc))
    except OSError as exc:
        return Outcome(src.path, error=_os_error(exc))
    # Without a renderer T is Document.
    value = render(doc) if render is not None else cast(T, doc)
    return Outcome(src.path, value=value)


# ---------------------------------------------------------------- parallel map
def init_worker(segmenter: str | None = None, preload: bool = True) -> None:
    """Worker initializer: choose the segmenter and load its dictionary once for this process."""
    segment.set_default(segmenter)
    if preload:
        segment.get()


def map_ordered(fn: Callable[[A], B], items: Iterable[A], jobs: int = 1, *,
                initializer: Callable[..., object] | None = None, initargs: tuple[object, ...] = (),
                on_error: Callable[[A, BaseException], B] | None = None,
                window: int | None = None) -> Iterator[B]:
    """`map(fn, items)` over `jobs` processes, results in input order, at most `window` in flight.

    With jobs <= 1 everything runs here, lazily, without a pool. An exception
    from `fn` (or a worker that died) goes to `on_error` when given, else it is
    raised. A dead worker breaks the pool: the pool is started again and the
    items that were in flight are tried once more.
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        for item in items:
            try:
                yield fn(item)
            except Exception as exc:
                if on_error is None:
                    raise
                yield on_error(item, exc)
        return

    limit = window or jobs * 4
    it = iter(items)
    backlog: collections.deque[A] = collections.deque()  # items to resubmit after a pool broke
    pending: collections.deque[tuple[A, cf.Future[B]]] = collections.deque()

    def start() -> cf.ProcessPoolExecutor:
        init = functools.partial(initializer, *initargs) if initializer is not None else None
        return cf.ProcessPoolExecutor(max_workers=jobs, initializer=init)

    def fail(item: A, exc: BaseException) -> B:
        if on_error is None:
            raise exc
        return on_error(item, exc)

    pool = start()
    try:
        while True:
            while len(pending) < limit:
                if backlog:
                    item = backlog.popleft()
                else:
                    try:
                        item = next(it)
                    except StopIteration:
                        break
                pending.append((item, pool.submit(fn, item)))
            if not pending:
                break
            item, fut = pending.popleft()
            try:
                result = fut.result()
            except cf.process.BrokenProcessPool:
                # A worker died; every in-flight future fails with it. Run this item alone in
                # a fresh pool to learn whether it is the culprit, then resubmit the others.
                backlog.extendleft(reversed([i for i, _ in pending]))
                pending.clear()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = start()
                try:
                    result = pool.submit(fn, item).result()
                except cf.process.BrokenProcessPool as exc:
                    pool.shutdown(wait=True, cancel_futures=True)
                    pool = start()
                    result = fail(item, exc)
                except Exception as exc:
                    result = fail(item, exc)
            except Exception as exc:
                result = fail(item, exc)
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


@dataclass(frozen=True)
class _Task(Generic[T]):
    """`process` with its options bound; a picklable callable for the pool."""

    render: Callable[[Document], T] | None
    encoding: str | None
    reference_date: dt.date | None

    def __call__(self, src: Source) -> Outcome[T]:
        return process(src, self.render, encoding=self.encoding, reference_date=self.reference_date)


def _failed(src: Source, exc: BaseException) -> Outcome[T]:
    return Outcome(src.path, error=f"internal error: {type(exc).__name__}: {exc}")


def run(sources: Iterable[Source], render: Callable[[Document], T] | None = None, *, jobs: int = 1,
        encoding: str | None = None, reference_date: dt.date | None = None,
        segmenter: str | None = None) -> Iterator[Outcome[T]]:
    """Outcomes for `sources`, in their order, using `jobs` worker processes (0: one per CPU)."""
    if jobs == 0:
        jobs = os.cpu_count() or 1
    task: _Task[T] = _Task(render, encoding, reference_date)
    # In-process, the dictionary loads lazily (a page may need none); a worker loads it up front.
    return map_ordered(task, sources, jobs, initializer=init_worker, initargs=(segmenter, jobs > 1),
                       on_error=_failed)


def parse_paths(paths: Sequence[str], *, pattern: str = "*.txt", jobs: int = 1,
                encoding: str | None = None, reference_date: dt.date | None = None,
                segmenter: str | None = None) -> Iterator[Outcome[Document]]:
    """Library entry point: Documents for files and folders, in order, in parallel."""
    return run(expand(paths, pattern), None, jobs=jobs, encoding=encoding,
               reference_date=reference_date, segmenter=segmenter)


# ---------------------------------------------------------------- progress
class Progress:
    """`done/total files, rate, ETA` on one self-rewriting stderr line; silent unless enabled."""

    def __init__(self, total: int, stream: IO[str] | None = None, enabled: bool = True,
                 interval: float = 0.1) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.interval = interval
        self.done = 0
        self.failed = 0
        self._start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if self.enabled and (now - self._last >= self.interval or self.done == self.total):
            self._last = now
            self._draw(now)

    def line(self, text: str) -> None:
        """Print a message line (an error) without mangling the progress line."""
        self.clear()
        print(text, file=self.stream, flush=True)

    def clear(self) -> None:
        if self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def _draw(self, now: float) -> None:
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        failed = f", {self.failed} failed" if self.failed else ""
        self.stream.write(
            f"\r\x1b[K{self.done}/{self.total} files{failed}  {rate:.1f} files/s  ETA {_clock(left)}"
        )
        self.stream.flush()
        self._shown = True


def _clock(seconds: float) -> str:
    s = int(seconds + 0.5)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}" if s >= 3600 else f"{s // 60}:{s % 60:02d}"
