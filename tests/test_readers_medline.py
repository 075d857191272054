"""MEDLINE / .nbib reader (Bio.Medline underneath)."""

from __future__ import annotations

from pathlib import Path

from studyfacts.readers import RawRecord, read, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def _brief(r: RawRecord) -> dict[str, object]:
    return {k: v for k, v in vars(r).items() if k != "path" and v not in (None, [], "")}


def test_medline_crlf_and_leading_blank_line() -> None:
    name = "medline_crlf_leading_blank.nbib"
    records = list(read(FIXTURES / name, display_name=name))
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "medline",
            "line": 2,
            "title": "An invented study of imaginary back pain with a title that is long enough "
            "to wrap onto a continuation line.",
            "authors": ["Delta, Dora", "Epsilon, Eric"],
            "year": 2018,
            "journal": "Journal of invented medicine",
            "doi": "10.9999/jim.2018.42",
            "pmid": "90000001",
            "keywords": ["imaginary", "Back Pain/*therapy", "Humans"],
            "abstract": "BACKGROUND: Nothing real was studied. RESULTS: Pain fell from 6.1 +/- 1.2 to "
            "3.0 +/- 1.1 in 40 invented patients.",
            "source_field": "AB",
            "copyright": "(c) 2018 Invented Press.",
        },
        {
            "index": 1,
            "format": "medline",
            "line": 25,
            "title": "A record without an abstract.",
            "year": 2017,
            "doi": "10.9999/jim.2017.7",
            "pmid": "90000002",
        },
    ]


def test_medline_records_without_blank_line_between_split_on_pmid() -> None:
    text = "PMID- 1\nTI  - One\nPMID- 2\nTI  - Two\n"
    assert [(r.pmid, r.title, r.line) for r in read_text(text)] == [("1", "One", 1), ("2", "Two", 3)]


def test_medline_unindented_stray_line_joined_with_warning() -> None:
    text = "PMID- 7\nAB  - First part\nstray second part.\nTI  - T\n"
    (record,) = read_text(text, path="x.nbib")
    assert record.abstract == "First part stray second part."
    assert record.warnings == ["x.nbib:3: record 0: 1 untagged, unindented line(s) joined to the field above"]


def test_medline_text_before_first_record_warns() -> None:
    text = "Search results\n\nPMID- 8\nTI  - T\n"
    (record,) = read_text(text, path="y.nbib")
    assert record.warnings == [
        "y.nbib:1: record 0: ignored text outside any record (line 1): 'Search results'"
    ]


def test_medline_continuation_with_odd_indent() -> None:
    text = "PMID- 9\nAB  - Starts here\n  and continues with two spaces\n\tand a tab.\n"
    (record,) = read_text(text)
    assert record.abstract == "Starts here and continues with two spaces and a tab."
    assert record.warnings == []
