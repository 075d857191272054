"""Extraction beyond one machine, on a Dask cluster (`pip install 'studyfacts[dask]'`).

One partition per input file: files are the natural unit (PubMed's baseline
is ~1,300 files of ~30,000 records each) and keep each record's
`source.index` the position in its own file, exactly as one process gives.
Each worker thread builds its pipeline once and reuses it for every file.

Workers open the input paths themselves, so the paths must be reachable from
every worker (a shared file system, or a URL fsspec and the readers accept).

    >>> from dask.distributed import Client
    >>> from studyfacts.dask import extract_bag
    >>> client = Client("tcp://scheduler:8786")            # doctest: +SKIP
    >>> bag = extract_bag(["pubmed25n0001.xml.gz", ...])   # doctest: +SKIP
    >>> bag.filter(lambda r: r.population.patients is not None).count().compute()  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dask.bag

    from .batch import Pipeline
    from .models import Record

_local = threading.local()


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError(
            "the Dask engine needs the optional extra: pip install 'studyfacts[dask]'"
        ) from e


def _thread_pipeline() -> Pipeline:
    """A pipeline per worker thread, built once (and renewed, see `batch.Pipeline`): a Dask
    worker runs tasks in several threads, and one spaCy pipeline is not promised thread-safe."""
    pipeline = getattr(_local, "pipeline", None)
    if pipeline is None:
        from .batch import Pipeline

        pipeline = _local.pipeline = Pipeline()
    return pipeline


def _file_records(path: str) -> Iterator[Record]:
    """The records of one file, extracted, in file order (streaming)."""
    from .readers import read

    yield from _thread_pipeline().extract_stream(read(path))


def _extract_partition(paths: Sequence[str]) -> list[Record]:
    # A list, not a generator: a partition's result may be shipped between
    # processes, and generators do not pickle.
    return [record for path in paths for record in _file_records(path)]


def extract_bag(paths: Sequence[str | os.PathLike[str]]) -> dask.bag.Bag:
    """A Dask Bag of `Record`s, one partition per file, in file order.

    Uses whatever scheduler is active (a `distributed.Client` if one is).
    """
    _require_dask()
    import dask.bag as db

    files = [os.fspath(p) for p in paths]
    if not files:
        raise ValueError("extract_bag needs at least one path")
    return db.from_sequence(files, npartitions=len(files)).map_partitions(_extract_partition)


PART_NAME = "part-{:05d}.jsonl"


def _write_partition(items: Sequence[tuple[int, str]], directory: str) -> list[dict[str, Any]]:
    """Extract one file and stream its records into its own JSONL part; return its tallies
    (not the records: only a few numbers travel back to the client)."""
    from .batch import Summary

    tallies = []
    for number, path in items:
        summary = Summary(files=1)
        target = os.path.join(directory, PART_NAME.format(number))
        with open(target, "w", encoding="utf-8") as out:
            for record in _file_records(path):
                out.write(record.model_dump_json())
                out.write("\n")
                summary.add(record)
        tallies.append(
            {k: getattr(summary, k) for k in ("files", "records", "with_abstract", "with_warnings",
                                               "with_errors", "failed_checks")}
        )
    return tallies


@contextlib.contextmanager
def _client(scheduler: str | None, workers: int) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, or of a local cluster of `workers` processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def write_parts(
    paths: Sequence[str], directory: str, scheduler: str | None = None, workers: int = 1
) -> dict[str, int]:
    """Extract every file on the cluster, one JSONL part per file (`part-00000.jsonl` is
    the first file) in `directory`; return the run's tallies summed.

    `directory` must not exist or be empty. The parts are written to a temporary
    directory beside it, renamed into place only when all succeeded, so a failed
    or interrupted run leaves nothing behind. It must be on a file system that
    every worker shares with this machine.
    """
    _require_dask()
    import dask.bag as db

    target = os.path.abspath(directory)
    if os.path.exists(target) and (not os.path.isdir(target) or os.listdir(target)):
        raise FileExistsError(f"{directory}: exists and is not an empty directory")
    parent = os.path.dirname(target)
    tmp = tempfile.mkdtemp(prefix=".studyfacts-", suffix=".part", dir=parent)
    try:
        bag = db.from_sequence(list(enumerate(paths)), npartitions=max(1, len(paths)))
        with _client(scheduler, workers):
            tallies = bag.map_partitions(_write_partition, tmp).compute()
        if os.path.isdir(target):
            os.rmdir(target)  # empty, checked above
        os.replace(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    os.chmod(target, 0o777 & ~_umask())  # mkdtemp makes it 0700; give it the usual mode
    total: dict[str, int] = {}
    for t in tallies:
        for k, v in t.items():
            total[k] = total.get(k, 0) + v
    return total


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
