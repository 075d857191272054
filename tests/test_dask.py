"""Beyond one machine: the Dask engine (`studyfacts[dask]`) gives exactly what one process gives."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from studyfacts.batch import extract_paths  # noqa: E402
from studyfacts.cli import app  # noqa: E402
from studyfacts.dask import PART_NAME, extract_bag, write_parts  # noqa: E402

from .conftest import need_shared  # noqa: E402

# three formats: MEDLINE, MEDLINE (.nbib), EndNote XML
FILES = (
    "p1m-ortho/pubmed_result_45_medline.txt",
    "blachlylab-nbib/pubmed.nbib",
    "iebh-reflib/blue-light.xml",
)


@pytest.fixture(scope="module")
def files() -> list[str]:
    shared = need_shared()
    return [str(shared / "corpus" / name) for name in FILES]


@pytest.fixture(scope="module")
def serial(files) -> list[list[str]]:
    """Per file, the JSONL lines one process gives."""
    return [[r.model_dump_json() for r in extract_paths([f], jobs=1)] for f in files]


@pytest.fixture(scope="module")
def cluster():
    # Threads, not processes: the test stays fast, and two worker threads share
    # one process, which is what the per-thread pipeline is there for.
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield cluster, client


def test_dask_bag_has_one_partition_per_file_and_the_single_process_records(files, serial, cluster):
    bag = extract_bag(files)
    assert bag.npartitions == len(files)
    got = [r.model_dump_json() for r in bag.compute()]
    assert got == [line for per_file in serial for line in per_file]


def test_dask_cli_writes_one_jsonl_part_per_file(tmp_path, files, serial, cluster):
    out = tmp_path / "parts"
    address = cluster[0].scheduler_address
    args = ["extract", "--engine", "dask", "--scheduler", address, "-o", str(out), *files]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [PART_NAME.format(i) for i in range(len(files))]
    for i, lines in enumerate(serial):
        assert (out / PART_NAME.format(i)).read_text(encoding="utf-8").splitlines() == lines
    total = sum(map(len, serial))
    assert f"{total} records from {len(files)} file(s)" in result.stderr
    assert [p.name for p in tmp_path.iterdir()] == ["parts"]  # no temporary directory left


def test_dask_write_parts_refuses_a_directory_with_files(tmp_path, files):
    (tmp_path / "old.jsonl").write_text("{}\n")
    with pytest.raises(FileExistsError, match="not an empty directory"):
        write_parts(files, str(tmp_path))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "-o", "OUT"], "writes JSONL parts"),
        ([], "writes JSONL parts"),  # no -o directory
    ],
)
def test_dask_cli_usage_errors(tmp_path, files, args, message):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in args]
    result = CliRunner().invoke(app, ["extract", "--engine", "dask", *args, *files])
    assert result.exit_code == 2
    assert message in result.stderr
