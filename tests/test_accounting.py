"""Every record in is a record out: the run's summary accounts for every record of the real corpus."""

from __future__ import annotations

import csv

import pytest

from studyfacts.batch import Summary, extract_paths, has_errors

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


@pytest.mark.parametrize(
    ("warning", "is_error"),
    [
        ("x.ris:12: record 3: record has no ER line; read up to line 20 (next TY)", True),
        ("x.xml:40: record 7: XML is malformed or truncated: no element found", True),
        ("x.nbib:9: record 0: removed 2 NUL byte(s)", True),
        ("internal error in pain: RuntimeError: bad rule", True),
        ("x.ris:1: record 0: ignored text outside any record (line 1): 'Exported'", False),
        ("x.ris:3: record 0: file is not UTF-8; read as cp1252", False),
        ("no abstract: nothing to extract", False),
    ],
)
def test_accounting_input_errors_are_told_from_notes(warning, is_error):
    from studyfacts.models import Record, Source

    record = Record(source=Source(path="x", index=0, format="ris"), id="x", warnings=[warning])
    assert has_errors(record) is is_error
