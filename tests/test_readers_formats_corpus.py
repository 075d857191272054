"""The new readers against the real exports in ../shared/corpus-formats.

Every MANIFEST row: exact record count, at least the manifest's number of non-empty
abstracts, and the format family. Then cross-format equality: the same records
exported as CSV and as XLSX give the same titles and abstracts.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from studyfacts.readers import RawRecord, read

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus-formats"
MANIFEST = CORPUS / "MANIFEST.tsv"

pytestmark = pytest.mark.skipif(
    not MANIFEST.is_file(),
    reason=f"corpus not available: {MANIFEST} is missing (expected ../shared/corpus-formats)",
)

# The manifest's kind ("csv-rayyan", "bibtex-scopus" ...) names the tool too; a record's
# format is the family.
FAMILY = {"csv": "csv", "tsv": "tsv", "xlsx": "xlsx", "bibtex": "bibtex", "csl": "csl-json",
          "eppi": "eppi-json", "zotero": "zotero-rdf"}

# The manifest counts every abstract longer than 20 characters that is not
# "[No abstract available]". In the Covidence file four such cells are no abstract
# either, and are read as none: "<p>[No abstract available]</p>" twice,
# "No abstract available.", and a copyright line alone.
NOT_ABSTRACTS = {"p1m-ortho-qs-global-ortho-search-queries/CSV as at 27 March 2020-Full database.csv": 4}


def _manifest_rows() -> list[dict[str, str]]:
    if not MANIFEST.is_file():
        return []
    with MANIFEST.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


ROWS = _manifest_rows()
_CACHE: dict[str, list[RawRecord]] = {}


def _records(rel: str) -> list[RawRecord]:
    if rel not in _CACHE:
        _CACHE[rel] = list(read(CORPUS / rel))
    return _CACHE[rel]


@pytest.mark.parametrize("row", ROWS, ids=[r["path"] for r in ROWS])
def test_formats_manifest_counts(row: dict[str, str]) -> None:
    records = _records(row["path"])
    assert len(records) == int(row["records"])
    with_abstract = sum(1 for r in records if r.abstract)
    assert with_abstract >= int(row["with_abstract"]) - NOT_ABSTRACTS.get(row["path"], 0)
    assert {r.format for r in records} == {FAMILY[row["format"].split("-")[0]]}
    assert [r.index for r in records] == list(range(len(records)))
    lines = [r.line for r in records]
    assert all(isinstance(n, int) and n >= 1 for n in lines)
    if row["format"] != "eppi-json":  # one line holds the whole EPPI file
        assert lines == sorted(lines) and len(set(lines)) == len(lines)


def test_formats_manifest_lists_every_file() -> None:
    listed = {r["path"] for r in ROWS}
    on_disk = {
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name not in {"MANIFEST.tsv", "PROVENANCE.md"}
    }
    assert on_disk == listed


def test_formats_abstracts_are_canonical() -> None:
    """No markup, LaTeX braces, double spaces or line breaks in any abstract."""
    bad = []
    for row in ROWS:
        for r in _records(row["path"]):
            a = r.abstract
            if a is None:
                continue
            if a != a.strip() or "  " in a or "\n" in a or re.search(r"</?(?:jats:|p>|sub>|sup>|i>)|\\%|\{\\", a):
                bad.append((row["path"], r.index, a[:80]))
    assert bad == []


def test_formats_no_warnings_on_clean_exports() -> None:
    """Only the Ovid file (cp1252) carries a warning: its encoding."""
    warned = {row["path"]: sum(1 for r in _records(row["path"]) if r.warnings) for row in ROWS}
    assert {k: v for k, v in warned.items() if v} == {"rachelnewnham-AHRO-Python/embase.csv": 4}


def _ws(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def test_formats_crossformat_embase_csv_equals_xlsx() -> None:
    csv_records = _records("asreview-citation-file-formatting/_baseline_embase.csv")
    xlsx_records = _records("asreview-citation-file-formatting/_baseline_embase.xlsx")
    assert len(csv_records) == len(xlsx_records) == 10
    for a, b in zip(csv_records, xlsx_records, strict=True):
        assert _ws(a.title) == _ws(b.title)
        assert _ws(a.abstract) == _ws(b.abstract)
        assert (a.year, a.doi, a.pmid, a.accession, a.authors) == (b.year, b.doi, b.pmid, b.accession, b.authors)
        assert a.line == b.line  # row 5 of the sheet is line 5 of the CSV


def test_formats_crossformat_scopus_csv_and_screening_workbook() -> None:
    """The screening workbook was made from the Scopus CSV: same abstracts for the same DOIs."""
    scopus = {r.doi.lower(): r for r in _records("hoffmka-smart-on-fhir-literature-analysis/scopus.csv") if r.doi}
    sheet = {r.doi.lower(): r for r in _records("hoffmka-smart-on-fhir-literature-analysis/screening.xlsx") if r.doi}
    common = set(scopus) & set(sheet)
    assert len(common) >= 0.95 * len(sheet)
    assert [k for k in common if _ws(scopus[k].abstract) != _ws(sheet[k].abstract)] == []
    assert [k for k in common if _ws(scopus[k].title) != _ws(sheet[k].title)] == []
