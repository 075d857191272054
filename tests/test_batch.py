"""Batch at scale: worker processes give what one process gives, stop cleanly, and the CLI around them."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studyfacts import batch
from studyfacts.batch import (
    Summary,
    available_cores,
    chunked,
    estimate_records,
    extract_paths,
    progress_bar,
    resolve_jobs,
)
from studyfacts.cli import app
from studyfacts.tabular import LONG_COLUMNS, WIDE_COLUMNS

from .conftest import need_shared

# Real exports of three formats, 45 + 75 + 111 = 231 records.
CORPUS_FILES = (
    "p1m-ortho/pubmed_result_45_medline.txt",
    "blachlylab-nbib/pubmed.nbib",
    "mokztk-pubmed-parser/CPFE.xml",
)


def corpus(*names: str) -> list[str]:
    shared = need_shared()
    return [str(shared / "corpus" / n) for n in (names or CORPUS_FILES)]


class RecordingExecutor(batch.ProcessPoolExecutor):
    """The real executor, remembered, so a test can look at its worker processes."""

    made: list[RecordingExecutor] = []

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.seen: dict = {}
        RecordingExecutor.made.append(self)

    def submit(self, *args, **kwargs):
        future = super().submit(*args, **kwargs)
        self.seen.update(self._processes or {})  # the executor forgets them on shutdown
        return future

    def workers(self) -> list:
        return list(self.seen.values())


@pytest.fixture
def executors(monkeypatch) -> list[RecordingExecutor]:
    RecordingExecutor.made = []
    monkeypatch.setattr(batch, "ProcessPoolExecutor", RecordingExecutor)
    return RecordingExecutor.made


@pytest.fixture(scope="module")
def serial_jsonl() -> list[str]:
    """The reference: every record of CORPUS_FILES, extracted in this process."""
    return [r.model_dump_json() for r in extract_paths(corpus(), jobs=1)]


@pytest.mark.parametrize(("jobs", "expected"), [(0, available_cores()), (1, 1), (3, 3)])
def test_batch_resolve_jobs_zero_is_all_cores(jobs, expected):
    assert resolve_jobs(jobs) == expected


@pytest.mark.parametrize(
    ("n", "size", "lengths"), [(0, 4, []), (3, 4, [3]), (8, 4, [4, 4]), (9, 4, [4, 4, 1])]
)
def test_batch_chunked(n, size, lengths):
    chunks = list(chunked(range(n), size))
    assert [len(c) for c in chunks] == lengths
    assert [x for c in chunks for x in c] == list(range(n))


def test_batch_workers_give_the_same_records_in_the_same_order(serial_jsonl, executors):
    summary = Summary()
    # small chunks: many in flight, many returning out of order, all written in order
    got = [r.model_dump_json() for r in extract_paths(corpus(), summary, jobs=2, chunk_size=7)]
    assert executors, "the input is big enough that worker processes must have been used"
    assert got == serial_jsonl
    assert (summary.files, summary.records) == (len(CORPUS_FILES), len(serial_jsonl))


def test_batch_pipeline_renewal_changes_nothing_but_the_pipeline(serial_jsonl):
    from studyfacts.readers import read

    pipeline = batch.Pipeline(renew_after=10)
    first = pipeline.nlp
    got = [pipeline.extract(raw).model_dump_json() for raw in read(corpus()[0])]
    assert pipeline.nlp is not first
    assert got == serial_jsonl[:45]


def test_batch_frozen_pipeline_is_freed_when_renewed(serial_jsonl):
    # the batch keeps its pipeline out of the collector's walks (gc.freeze); renewing must
    # still free the old one, or renewal (which exists to bound memory) would leak it
    import gc
    import weakref

    from studyfacts.readers import read

    try:
        pipeline = batch.Pipeline(renew_after=10, freeze=True)
        frozen = gc.get_freeze_count()
        assert frozen > 0
        old = weakref.ref(pipeline.nlp)
        got = [pipeline.extract(raw).model_dump_json() for raw in read(corpus()[0])]
        assert old() is None
        # four renewals: the old pipelines' cycles were unfrozen and collected, not kept
        assert gc.get_freeze_count() <= frozen
        assert got == serial_jsonl[:45]
    finally:
        gc.unfreeze()


def test_batch_serial_run_restores_the_collector(serial_jsonl):
    import gc

    before = gc.get_threshold()
    got = [r.model_dump_json() for r in extract_paths(corpus(CORPUS_FILES[0]), jobs=1)]
    assert got == serial_jsonl[:45]
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_batch_small_input_stays_in_process(serial_jsonl, executors):
    # 45 records < two chunks of 64: starting workers would cost more than it saves
    got = [r.model_dump_json() for r in extract_paths(corpus(CORPUS_FILES[0]), jobs=2)]
    assert not executors
    assert got == serial_jsonl[:45]


def test_batch_closing_early_terminates_the_workers(executors):
    records = extract_paths(corpus(), jobs=2, chunk_size=8)
    next(records)
    (executor,) = executors
    workers = executor.workers()
    assert workers and all(w.is_alive() for w in workers)
    records.close()  # what the CLI does on Ctrl-C, a failed write, or `| head`
    assert not any(w.is_alive() for w in workers)


def test_batch_ctrl_c_leaves_no_file_and_no_workers(tmp_path, monkeypatch, executors):
    import studyfacts.output

    real = studyfacts.output.make_writer

    class InterruptedWriter:
        """Ctrl-C arrives while the 20th record is being written."""

        def __init__(self, fmt, out) -> None:
            self.inner, self.n = real(fmt, out), 0

        def write(self, record) -> None:
            self.n += 1
            if self.n == 20:
                raise KeyboardInterrupt
            self.inner.write(record)

        def close(self) -> None:
            self.inner.close()

    monkeypatch.setattr(studyfacts.output, "make_writer", InterruptedWriter)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "-j", "2", "-o", str(out), *corpus()])
    assert result.exit_code == 130
    assert "interrupted after 20 records" in result.stderr  # 20 extracted, 19 written
    assert os.listdir(tmp_path) == []  # neither the file nor its temporary part
    (executor,) = executors
    assert executor.workers() and not any(w.is_alive() for w in executor.workers())


def test_batch_cli_default_jobs_give_the_single_process_output(tmp_path, serial_jsonl, monkeypatch):
    monkeypatch.setattr(batch, "available_cores", lambda: 2)  # the default, all cores, on any machine
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "-q", "-o", str(out), *corpus()])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").splitlines() == serial_jsonl


@pytest.mark.parametrize(("fmt", "columns"), [("csv", WIDE_COLUMNS), ("csv-long", LONG_COLUMNS)])
def test_batch_cli_csv_formats(tmp_path, fmt, columns):
    out = tmp_path / "out.csv"
    args = ["extract", "-q", "-j1", "-f", fmt, "-o", str(out), *corpus(CORPUS_FILES[0])]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with out.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(columns)
    assert all(len(r) == len(columns) for r in rows)
    if fmt == "csv":
        assert len(rows) == 1 + 45  # one row per record, also without abstract


def test_batch_cli_summary_on_stderr_unless_quiet():
    files = corpus(CORPUS_FILES[0])
    loud = CliRunner().invoke(app, ["extract", "-j1", *files])
    quiet = CliRunner().invoke(app, ["extract", "-j1", "--quiet", *files])
    assert loud.exit_code == quiet.exit_code == 0
    assert "45 records from 1 file(s)" in loud.stderr
    assert quiet.stderr == ""
    assert loud.stdout == quiet.stdout and loud.stdout.count("\n") == 45
    # stderr is not a terminal here: no progress bar, only the one summary line
    assert loud.stderr.count("\n") == 1


def test_batch_estimate_records_matches_the_manifest():
    shared = need_shared()
    with (shared / "corpus" / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if not r["path"].endswith(".gz")]
    paths = [str(shared / "corpus" / r["path"]) for r in rows]
    assert estimate_records(paths) == sum(int(r["records"]) for r in rows)


@pytest.mark.parametrize("name", ["-", "x.xml.gz"])
def test_batch_estimate_records_unknown_when_not_cheap(name):
    assert estimate_records([name]) is None


def test_batch_estimate_records_of_text_that_is_no_export(tmp_path: Path):
    p = tmp_path / "notes.txt"
    p.write_text("just some words\n")
    assert estimate_records([str(p)]) is None


@pytest.mark.parametrize("total", [None, 5])
def test_batch_progress_bar_advances(monkeypatch, total):
    err = io.StringIO()
    monkeypatch.setattr("sys.stderr", err)
    with progress_bar(True, total) as advance:
        for _ in range(5):
            advance(1)
    with progress_bar(False, total) as advance:
        advance(1)  # disabled: a no-op


def test_batch_sigterm_is_handled_like_ctrl_c():
    import signal

    from studyfacts.cli import _sigterm_as_interrupt

    before = signal.getsignal(signal.SIGTERM)
    restore = _sigterm_as_interrupt()
    try:
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGTERM)  # the handler runs before the next bytecode
    finally:
        restore()
    assert signal.getsignal(signal.SIGTERM) is before
