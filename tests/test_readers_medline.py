"""MEDLINE / .nbib reader (fields read as Bio.Medline reads them)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---------------------------------------------------------------------------
# Fields as Bio.Medline reads them
# ---------------------------------------------------------------------------


def _bio_fields(lines: list[str]) -> dict[str, object]:
    """The reference: the record's lines normalised to canonical MEDLINE and read by Bio.Medline."""
    from Bio import Medline

    from studyfacts.readers.medline import _TAG_RE

    body = []
    for line in lines:
        match = _TAG_RE.match(line)
        if match:
            body.append(f"{match.group(1):<4}- {(match.group(2) or '').strip()}\n")
        else:
            body.append("      " + line.strip() + "\n")
    return dict(next(Medline.parse(body), None) or {})


def _chunks_fields(text: str) -> list[tuple[dict[str, object], dict[str, object]]]:
    from studyfacts.readers.medline import _fields, iter_medline_chunks
    from studyfacts.readers.textlines import split_lines

    out = []
    for chunk in iter_medline_chunks(split_lines(text)):
        record = RawRecord(path="x", index=0, format="medline", line=chunk.line)
        out.append((_fields(record, chunk.lines), _bio_fields(chunk.lines)))
    return out


def test_medline_fields_equal_bio_medline_on_odd_lines() -> None:
    text = (
        "PMID- 1\nAB  - First\n      second\n\tthird\nloose fourth\n      \nMH  - Pain/*therapy\n"
        "      continued heading\n      \nMH  - Humans\nAD  - Place one\n  place two\nAU  - A\nAU  -\n"
        "AU - B\nFAU -   Spaced, Name  \nABCD- four-letter tag\nLID - 10.1/x [doi]\nTI-\n"
    )
    pairs = _chunks_fields(text)
    assert pairs and all(ours == theirs for ours, theirs in pairs)


_TAGS = ["PMID", "AB", "TI", "MH", "AD", "AU", "FAU", "LID", "OT", "DP", "X1"]
_CONTENT = ["", "x", " padded ", "a - b", "Pain/*therapy", "\u00b1 2.5"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.tuples(st.sampled_from(_TAGS), st.sampled_from(["  - ", " - ", "- ", "-", "   -  "]),
                      st.sampled_from(_CONTENT)).map("".join),
            st.tuples(st.sampled_from(["      ", "  ", "\t", "", "       "]), st.sampled_from(_CONTENT)).map("".join),
        ),
        min_size=1,
        max_size=25,
    )
)
def test_medline_fields_equal_bio_medline_on_random_lines(lines: list[str]) -> None:
    for ours, theirs in _chunks_fields("\n".join(lines)):
        assert ours == theirs


def test_medline_fields_equal_bio_medline_on_the_corpus() -> None:
    from .conftest import need_shared

    checked = 0
    for path in sorted((need_shared() / "corpus").rglob("*")):
        if path.suffix not in {".nbib", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "PMID-" not in text:
            continue  # RIS / Web of Science text files
        for ours, theirs in _chunks_fields(text):
            assert ours == theirs, path.name
            checked += 1
    assert checked > 1000
