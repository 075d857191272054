"""Property tests: random RIS- and MEDLINE-shaped files, with garbage, never make the
readers raise, and every record start in the input comes out as exactly one record."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyfacts.readers import clean_abstract, read_text

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# any characters except line breaks (NUL, control characters, non-ASCII all allowed)
_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n")
_TEXT = st.text(_CHARS, max_size=60)

_RIS_TY = re.compile(r"^TY {1,3}-(?: |$)")
_RIS_TAGS = [
    "AB",
    "N2",
    "TI",
    "T1",
    "T2",
    "AU",
    "A1",
    "KW",
    "PY",
    "Y1",
    "DA",
    "DO",
    "JO",
    "JF",
    "J2",
    "AN",
    "C2",
    "U1",
    "UR",
    "N1",
    "SN",
    "VL",
    "ZZ",
    "ER",
]


def _ris_garbage(line: str) -> bool:
    # anything is allowed as garbage except a record start
    return not _RIS_TY.match(line)


@st.composite
def ris_files(draw: st.DrawFn) -> tuple[str, int]:
    sep = draw(st.sampled_from(["  - ", " - "]))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines: list[str] = []
    # a first line the format sniffer cannot mistake for another format
    lines.append(draw(st.sampled_from(["", "1.", "Exported records"])))
    n_records = draw(st.integers(min_value=1, max_value=6))
    for _ in range(n_records):
        lines.append(f"TY{sep}JOUR")
        for _ in range(draw(st.integers(min_value=0, max_value=6))):
            kind = draw(st.sampled_from(["tag", "tag", "continuation", "garbage", "blank"]))
            if kind == "tag":
                tag = draw(st.sampled_from(_RIS_TAGS))
                lines.append(f"{tag}{sep}{draw(_TEXT)}")
            elif kind == "continuation":
                lines.append(draw(_TEXT.filter(_ris_garbage)))
            elif kind == "garbage":
                lines.append(draw(st.text(_CHARS, min_size=1, max_size=40).filter(_ris_garbage)))
            else:
                lines.append("")
        if draw(st.booleans()):
            lines.append(f"ER{sep.rstrip()}")
        for _ in range(draw(st.integers(min_value=0, max_value=2))):  # text between records
            lines.append(draw(_TEXT.filter(_ris_garbage)))
    return newline.join(lines) + newline, n_records


@given(ris_files())
@_SETTINGS
def test_ris_property_never_raises_and_counts_match(sample: tuple[str, int]) -> None:
    text, n_records = sample
    records = list(read_text(text))
    assert len(records) == n_records
    assert [r.index for r in records] == list(range(n_records))
    assert all(r.format == "ris" for r in records)
    for r in records:
        if r.abstract is not None:
            assert r.abstract == r.abstract.strip() and r.abstract


_MEDLINE_TAG = re.compile(r"^[A-Z][A-Z0-9]{1,3} *-(?: |$)")
_MEDLINE_TAGS = ["TI", "AB", "FAU", "AU", "DP", "JT", "TA", "MH", "OT", "AID", "LID", "CI", "PT", "SO", "XYZ"]


@st.composite
def medline_files(draw: st.DrawFn) -> tuple[str, int]:
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines: list[str] = [""] * draw(st.integers(min_value=0, max_value=2))
    n_records = draw(st.integers(min_value=1, max_value=6))
    # inside a record: anything that is not blank and not a PMID line
    inside_garbage = st.text(_CHARS, min_size=1, max_size=40).filter(
        lambda s: s.strip() != "" and not re.match(r"^PMID *-", s)
    )
    # between records (after a blank line): anything that does not look like a tag line
    outside_garbage = st.text(_CHARS, min_size=1, max_size=40).filter(
        lambda s: s.strip() != "" and not _MEDLINE_TAG.match(s)
    )
    for i in range(n_records):
        lines.append(f"PMID- {draw(st.integers(min_value=1, max_value=99999999))}")
        for _ in range(draw(st.integers(min_value=0, max_value=6))):
            kind = draw(st.sampled_from(["tag", "tag", "continuation", "garbage"]))
            if kind == "tag":
                tag = draw(st.sampled_from(_MEDLINE_TAGS))
                lines.append(f"{tag:<4}- {draw(_TEXT)}")
            elif kind == "continuation":
                lines.append("      " + draw(st.text(_CHARS, min_size=1, max_size=40)))
            else:
                lines.append(draw(inside_garbage))
        if i < n_records - 1 or draw(st.booleans()):
            lines.append("")
            if draw(st.booleans()):
                lines.append(draw(outside_garbage))
                lines.append("")
    return newline.join(lines) + newline, n_records


@given(medline_files())
@_SETTINGS
def test_medline_property_never_raises_and_counts_match(sample: tuple[str, int]) -> None:
    text, n_records = sample
    records = list(read_text(text))
    assert len(records) == n_records
    assert all(r.format == "medline" and r.pmid for r in records)


@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
@settings(max_examples=200, deadline=None)
def test_clean_property_output_is_normalised(raw: str) -> None:
    text, copyright = clean_abstract(raw)
    assert text == text.strip()
    assert "  " not in text and "\n" not in text
    again, copyright_again = clean_abstract(text)
    # cleaning the cleaned text changes nothing except possibly splitting off nothing more
    assert again == text or (copyright_again is not None and text.startswith(again))


# ---------------------------------------------------------------------------
# Tables and BibTeX: whatever the cells and values hold, the count holds
# ---------------------------------------------------------------------------

_CELL = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)


@st.composite
def csv_files(draw: st.DrawFn) -> tuple[str, int]:
    """A header of known columns, then rows of any text (quotes, delimiters, line breaks
    inside cells), written by the csv module; rows whose cells are all blank are no records."""
    import csv as _csv
    import io as _io

    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    terminator = draw(st.sampled_from(["\n", "\r\n"]))
    out = _io.StringIO()
    writer = _csv.writer(out, delimiter=delimiter, lineterminator=terminator)
    writer.writerow(["Title", "Abstract", "Year", "Authors"])
    n_records = 0
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        row = [draw(_CELL) for _ in range(4)]
        if terminator == "\n":
            # the writer quotes a cell for the characters of its line terminator only: a lone
            # CR would be written bare, and a bare CR ends a line (for the csv module too)
            row = [c.replace("\r", "") for c in row]
        row[0] = "T" + row[0]  # never all blank
        writer.writerow(row)
        n_records += 1
    return out.getvalue(), n_records


@given(csv_files())
@_SETTINGS
def test_csv_property_every_row_is_a_record(sample: tuple[str, int]) -> None:
    text, n_records = sample
    records = list(read_text(text))
    assert len(records) == n_records
    assert [r.index for r in records] == list(range(n_records))
    assert {r.format for r in records} <= {"csv", "tsv"}


_BIB_VALUE = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="{}\\@\x00\r\n"), max_size=40
)


@st.composite
def bibtex_files(draw: st.DrawFn) -> tuple[str, int]:
    entries = []
    n = draw(st.integers(min_value=1, max_value=5))
    for i in range(n):
        fields = [f"  {name} = {{{draw(_BIB_VALUE)}}}" for name in draw(
            st.lists(st.sampled_from(["title", "abstract", "author", "year", "journal", "funding_text\u00a01"]),
                     max_size=5))]
        between = draw(st.sampled_from(["", f"Record #{i + 1} of {n}\n", "\n\n"]))
        entries.append(between + f"@article{{key{i},\n" + ",\n".join(fields) + "\n}\n")
    return "".join(entries), n


@given(bibtex_files())
@_SETTINGS
def test_bibtex_property_every_entry_is_a_record(sample: tuple[str, int]) -> None:
    text, n_records = sample
    records = list(read_text(text))
    assert len(records) == n_records
    assert all(r.format == "bibtex" and not r.warnings for r in records)
