"""Every record in is a record out: the run's summary accounts for every record of the real corpus."""

from __future__ import annotations

import csv

from studyfacts.batch import Summary, extract_paths

from .conftest import SHARED, need_shared


def _manifest() -> list[dict[str, str]]:
    path = SHARED / "corpus" / "MANIFEST.tsv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_accounting_summary_counts_every_record_of_the_corpus():
    shared = need_shared()
    rows = _manifest()
    assert rows, "MANIFEST.tsv lists no files"
    summary = Summary()
    paths = [str(shared / "corpus" / row["path"]) for row in rows]
    per_file: dict[str, int] = {}
    for record in extract_paths(paths, summary):
        per_file[record.source.path] = per_file.get(record.source.path, 0) + 1
    assert summary.files == len(rows)
    assert summary.records == sum(int(r["records"]) for r in rows)
    mismatched = {
        row["path"]: (per_file.get(p, 0), int(row["records"]))
        for row, p in zip(rows, paths)
        if per_file.get(p, 0) != int(row["records"])
    }
    assert not mismatched, f"records out != records in (out, in): {mismatched}"
    assert summary.with_abstract >= sum(int(r["with_abstract"]) for r in rows)


def test_accounting_summary_line_names_the_counts():
    s = Summary(files=2, records=5, with_abstract=4, with_warnings=1, failed_checks=3)
    assert s.line().startswith("5 records from 2 file(s): 4 with abstract, 1 with warnings, 0 with input errors, "
                               "3 failed checks;")
