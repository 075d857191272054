"""Batch extraction over many files: path expansion, streaming, all cores, progress, the run's summary.

Records are read, extracted and handed on one chunk at a time, so memory does
not grow with the input. Every record read is a record out, in input order,
whatever the number of worker processes.

With `jobs > 1` the main process reads and writes while worker processes
extract: chunks of `RawRecord`s go out, lists of `Record`s come back, and at
most `2 * jobs` chunks are in flight at once (so a fast reader never queues the
whole input in memory). Each worker builds the pipeline once.
"""

from __future__ import annotations

import contextlib
import gc
import mmap
import multiprocessing
import os
import re
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, TypeVar

from .models import Record
from .readers.base import RawRecord, ReaderError
from .warnings import input_error_codes

if TYPE_CHECKING:
    from spacy.language import Language

T = TypeVar("T")

# Records per chunk sent to a worker: big enough that pickling and queueing
# cost little per record, small enough that the first output comes at once
# and that `2 * jobs` chunks in flight stay a few MB.
CHUNK_SIZE = 64

# spaCy keeps every new string it sees (vocabulary, tokenizer cache): about
# 400 bytes per new token, for good. Over 36 million abstracts that is memory
# without bound, so each process builds a fresh pipeline after this many
# abstracts (a fraction of a second, every few minutes; the output is the same).
RENEW_AFTER = 20_000

# Python's cyclic garbage collector, as the defaults set it, runs a young-generation
# pass every 700 container allocations, and each full pass walks every object alive:
# spaCy's vocabulary and our compiled rules included. Over a batch that was 5-6 % of
# the CPU time. A batch process collects less often, and the pipeline's objects,
# built once, are frozen out of the collector's walks (`Pipeline(freeze=True)`).
# Garbage is the same; it is found in fewer, larger passes.
BATCH_GC_THRESHOLD = (20_000, 20, 20)


@dataclass
class Summary:
    """What one run did, for the closing line on stderr."""

    files: int = 0
    records: int = 0
    with_abstract: int = 0
    with_warnings: int = 0
    with_errors: int = 0
    failed_checks: int = 0
    codes: dict[str, int] = field(default_factory=dict)  # warnings by code
    started: float = field(default_factory=time.perf_counter)

    def add(self, record: Record) -> None:
        self.records += 1
        self.with_abstract += record.abstract is not None
        self.with_warnings += bool(record.warnings)
        self.with_errors += has_errors(record)
        self.failed_checks += sum(not c.ok for c in record.checks)
        for w in record.warnings:
            self.codes[w.code] = self.codes.get(w.code, 0) + 1

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        s = self.seconds
        rate = self.records / s if s > 0 else 0.0
        return (
            f"{self.records} records from {self.files} file(s): {self.with_abstract} with abstract, "
            f"{self.with_warnings} with warnings, {self.with_errors} with input errors, "
            f"{self.failed_checks} failed checks; {s:.1f} s ({rate:.0f} records/s)"
        ) + self.codes_line()

    def codes_line(self) -> str:
        """'; warnings: no_cohort 3, input_note 1', most frequent first ('' without warnings)."""
        if not self.codes:
            return ""
        ranked = sorted(self.codes.items(), key=lambda kv: (-kv[1], kv[0]))
        return "; warnings: " + ", ".join(f"{code} {n}" for code, n in ranked)


def has_errors(record: Record) -> bool:
    """A record whose input was damaged or whose extraction failed (`--strict` exits 1 on these): a warning
    whose code is marked `input_error` in `patterns/warnings.json`."""
    errors = input_error_codes()
    return any(w.code in errors for w in record.warnings)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, directories expanded to the files under them (sorted); '-' is stdin."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif os.path.isdir(p):
            found = sorted(
                os.path.join(root, name)
                for root, dirs, names in os.walk(p)
                for name in names
                if not name.startswith(".")
            )
            if not found:
                raise ReaderError(p, "directory holds no files to read")
            out.extend(found)
        elif not os.path.exists(p):
            raise ReaderError(p, "no such file or directory")
        else:
            out.append(p)
    return out


def check_readable(paths: list[str]) -> None:
    """Fail before any output is written when a named input cannot be read at all."""
    for p in paths:
        if p != "-":
            _check_one(p)


def _check_one(path: str) -> None:
    """Raise the reader's `ReaderError` when `path` is no export it can read (format, first record)."""
    from .readers import read

    it = read(path)
    try:
        next(iter(it), None)
    finally:
        close = getattr(it, "close", None)
        if close:
            close()


@dataclass
class Inputs:
    """The files a run reads, and the files found in directories that are not exports."""

    files: list[str]
    skipped: list[ReaderError] = field(default_factory=list)

    def notice(self) -> str | None:
        """One line naming every skipped file and why (None when nothing was skipped)."""
        if not self.skipped:
            return None
        named = ", ".join(f"{e.path} ({_short(e.message)})" for e in self.skipped)
        n = len(self.skipped)
        files, are = ("file", "is") if n == 1 else ("files", "are")
        return f"skipped {n} {files} that {are} not exports: {named}"


def _short(message: str) -> str:
    """The head of a reader's message: "unknown format", "file is empty"."""
    return message.split(";")[0].split(": ")[0].split(" (")[0]


def gather_inputs(paths: Iterable[str]) -> Inputs:
    """The export files to read, checked before any output is written.

    A file named explicitly must be an export: anything the readers refuse
    raises its `ReaderError` (the CLI exits 2). In a directory, files the
    readers refuse (a README, notes, an unknown format, an empty file) are
    skipped and listed in `Inputs.skipped`; which files are exports is the
    readers' format detection, not a list of file extensions. A directory in
    which no file is an export is an error.
    """
    inputs = Inputs([])
    for p in paths:
        if p == "-" or not os.path.isdir(p):
            files = expand_paths([p])
            check_readable(files)
            inputs.files.extend(files)
            continue
        before = len(inputs.skipped)
        found = expand_paths([p])
        for f in found:
            try:
                _check_one(f)
            except ReaderError as e:
                inputs.skipped.append(e)
            else:
                inputs.files.append(f)
        if len(inputs.skipped) - before == len(found):
            raise ReaderError(p, f"directory holds no export files ({len(found)} other file(s) skipped)")
    return inputs




def available_cores() -> int:
    """The cores this process may run on (respects taskset / container CPU affinity)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        return os.cpu_count() or 1


def resolve_jobs(jobs: int) -> int:
    """`--jobs`: 0 (or less) means all available cores."""
    return available_cores() if jobs <= 0 else jobs


def read_paths(paths: list[str], summary: Summary | None = None) -> Iterator[RawRecord]:
    """Every raw record of every file, in order, counting the files as they are opened."""
    from .readers import read

    for p in paths:
        if summary is not None:
            summary.files += 1
        yield from read(p)


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_paths(
    paths: list[str], summary: Summary | None = None, jobs: int = 1, chunk_size: int = CHUNK_SIZE
) -> Generator[Record, None, None]:
    """Every record of every file, extracted, in input order; over `jobs` processes (0: all cores).

    Close the iterator (`contextlib.closing`) when stopping early: that ends
    the worker processes at once, also on Ctrl-C.
    """
    raws = read_paths(paths, summary)
    jobs = resolve_jobs(jobs)
    records = _extract_serial(raws) if jobs == 1 else _extract_parallel(raws, jobs, chunk_size)
    try:
        for record in records:
            if summary is not None:
                summary.add(record)
            yield record
    finally:
        records.close()


class Pipeline:
    """The pipeline of one process (or thread), renewed every `renew_after` abstracts
    so that spaCy's ever-growing string store does not grow the process with the input."""

    def __init__(self, renew_after: int = RENEW_AFTER, freeze: bool = False) -> None:
        from .pipeline import build_nlp, extract_records

        # Our own pipelines, not `build_nlp()`'s cached one, which would stay
        # alive (and keep its strings) beside each renewed one.
        self._build, self._extract = build_nlp.__wrapped__, extract_records
        self.renew_after = renew_after
        self.freeze = freeze  # keep the pipeline out of the garbage collector's walks (see BATCH_GC_THRESHOLD)
        self.nlp: Language = self._fresh()
        self.used = 0

    def _fresh(self) -> Language:
        nlp = self._build()
        if self.freeze:
            gc.freeze()
        return nlp

    def _renew(self) -> None:
        if self.freeze:
            # the old pipeline was frozen with everything alive then: unfrozen, its
            # cycles can be collected once it is dropped
            del self.nlp
            gc.unfreeze()
            gc.collect()
        self.nlp = self._fresh()

    def extract(self, raw: RawRecord) -> Record:
        return self.extract_many([raw])[0]

    def extract_many(self, raws: Sequence[RawRecord]) -> list[Record]:
        """The records extracted as a batch (`pipeline.extract_records`), the pipeline renewed
        after exactly the same records as when they come one at a time."""
        out: list[Record] = []
        i = 0
        while i < len(raws):
            if self.used >= self.renew_after:
                self._renew()
                self.used = 0
            j = i
            while j < len(raws) and self.used < self.renew_after:
                self.used += raws[j].abstract is not None
                j += 1
            out.extend(self._extract(raws[i:j], self.nlp))
            i = j
        return out

    def extract_stream(self, raws: Iterable[RawRecord]) -> Iterator[Record]:
        """Every record, extracted in batches of `pipeline.BATCH_SIZE`, in order (streaming)."""
        from .pipeline import BATCH_SIZE

        for chunk in chunked(raws, BATCH_SIZE):
            yield from self.extract_many(chunk)


@contextlib.contextmanager
def batch_gc() -> Iterator[None]:
    """The collector tuned for a batch (BATCH_GC_THRESHOLD) while it runs, as it was after."""
    old = gc.get_threshold()
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    try:
        yield
    finally:
        gc.set_threshold(*old)
        gc.unfreeze()


def _extract_serial(raws: Iterable[RawRecord]) -> Generator[Record, None, None]:
    with batch_gc():
        yield from Pipeline(freeze=True).extract_stream(raws)


_worker: Pipeline | None = None


def _init_worker() -> None:
    # Ctrl-C reaches the whole process group; only the main process handles it
    # (and then terminates the workers), so workers print no tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.set_threshold(*BATCH_GC_THRESHOLD)  # the worker's process is the batch's
    global _worker
    _worker = Pipeline(freeze=True)


def _extract_chunk(chunk: list[RawRecord]) -> list[Record]:
    global _worker
    if _worker is None:  # pragma: no cover - the initializer made it
        _worker = Pipeline()
    return _worker.extract_many(chunk)


def _mp_context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one (Linux): workers fork from a clean single-threaded
    server that has imported spaCy once, not from this process, which may be running
    the progress bar's thread (fork with threads can deadlock). spawn elsewhere."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["studyfacts.pipeline"])
        return ctx
    return multiprocessing.get_context("spawn")


def _extract_parallel(raws: Iterable[RawRecord], jobs: int, chunk_size: int) -> Generator[Record, None, None]:
    chunks = chunked(raws, chunk_size)
    # Small inputs are done in-process: starting workers would cost more than it saves.
    head = list(islice(chunks, 2))
    if len(head) < 2:
        yield from _extract_serial(raw for chunk in head for raw in chunk)
        return
    executor = ProcessPoolExecutor(max_workers=jobs, mp_context=_mp_context(), initializer=_init_worker)
    pending: deque[Future[list[Record]]] = deque()
    finished = False
    try:
        for chunk in chain(head, chunks):
            pending.append(executor.submit(_extract_chunk, chunk))
            # Bounded in flight: wait for the oldest chunk (its records go out
            # first, keeping input order) before reading more input.
            if len(pending) >= 2 * jobs:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
        finished = True
    except BrokenProcessPool as e:
        # The worker's own traceback (if it had one) is already on stderr.
        raise RuntimeError(
            "a worker process died (killed for lack of memory, or the pipeline failed to build); "
            "rerun with --jobs 1 to see the error in-process"
        ) from e
    finally:
        if finished:
            executor.shutdown(wait=True)
        else:
            _terminate(executor)


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Stop the workers now (Ctrl-C, a failed write, `| head`) rather than let them
    finish their queued chunks. ProcessPoolExecutor has no public terminate before 3.14."""
    terminate_workers = getattr(executor, "terminate_workers", None)
    if terminate_workers is not None:  # Python >= 3.14
        terminate_workers()
        return
    processes = dict(getattr(executor, "_processes", None) or {})
    for proc in processes.values():
        with contextlib.suppress(Exception):
            proc.terminate()
    executor.shutdown(wait=False, cancel_futures=True)
    for proc in processes.values():
        with contextlib.suppress(Exception):
            proc.join(timeout=5)


# Where a record starts (or ends), per format, to count records without parsing.
_RECORD_MARKS: dict[str, re.Pattern[bytes]] = {
    # a MedlineCitation sits inside each PubmedArticle: count those only in a MedlineCitationSet
    "pubmed-xml": re.compile(rb"<Pubmed(?:Book)?Article>"),
    "medline-citation-set": re.compile(rb"<MedlineCitation[ >]"),
    "endnote-xml": re.compile(rb"<record>"),
    "medline": re.compile(rb"^PMID ?- ", re.M),
    # RIS and Web of Science end every record with an ER line
    "ris": re.compile(rb"^ER(?: {1,3}-|[ \t]*\r?$)", re.M),
    "wos-tagged": re.compile(rb"^ER(?: {1,3}-|[ \t]*\r?$)", re.M),
    "bibtex": re.compile(rb"^[ \t]*@[ \t]*(?!(?i:comment|string|preamble)\b)[A-Za-z][\w-]*[ \t]*[{(]", re.M),
    "zotero-rdf": re.compile(rb"<z:itemType>(?!attachment<|note<)"),
    "csl-json": re.compile(rb'"type"\s*:'),
    "eppi-json": re.compile(rb'"ItemId"\s*:'),
    # one row a line, less the header; rows whose cells hold line breaks make this a little high
    "csv": re.compile(rb"\n(?=.)"),
    "tsv": re.compile(rb"\n(?=.)"),
}


def _count(mark: re.Pattern[bytes], data: mmap.mmap) -> int:
    return sum(1 for _ in mark.finditer(data))  # type: ignore[call-overload]


def estimate_records(paths: list[str]) -> int | None:
    """About how many records the files hold, from one byte scan (no parsing), for the
    progress bar's ETA; None when that is not cheap to know (stdin, compressed files)."""
    from .readers.detect import detect_format

    total = 0
    for p in paths:
        if p == "-" or p.endswith((".gz", ".bz2", ".xz", ".zip")):
            return None
        try:
            with open(p, "rb") as fh:
                if os.fstat(fh.fileno()).st_size == 0:
                    continue
                with mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
                    mark = _RECORD_MARKS.get(detect_format(data[:16384].decode("utf-8", "replace")) or "")
                    if mark is None:
                        return None
                    found = _count(mark, data)
                    if not found and mark is _RECORD_MARKS["pubmed-xml"]:
                        found = _count(_RECORD_MARKS["medline-citation-set"], data)
                    total += found
        except (OSError, ValueError):
            return None
    return total or None


@contextlib.contextmanager
def progress_bar(enabled: bool, total: int | None = None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr: records, records/s, and an ETA when `total` is known.
    Yields `advance(n)`; when disabled it costs nothing and shows nothing."""
    if not enabled:

        def nothing(n: int = 1) -> None:
            pass

        yield nothing
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("" if speed is None else f"{speed:,.0f} records/s", style="progress.data.speed")

    columns: list[ProgressColumn | str] = [SpinnerColumn(), "extracting"]
    if total:
        columns += [BarColumn(), MofNCompleteColumn(), RateColumn(), "ETA", TimeRemainingColumn()]
    else:
        columns += [TextColumn("{task.completed:,} records"), RateColumn(), TimeElapsedColumn()]
    # transient: the bar goes away when done and the one-line summary takes its place.
    console = Console(file=sys.stderr)
    with Progress(*columns, console=console, transient=True, speed_estimate_period=10) as bar:
        task = bar.add_task("extract", total=total)

        def advance(n: int = 1) -> None:
            bar.advance(task, n)

        yield advance
