"""Input that cannot be read at all raises ReaderError with one clear message; format detection."""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest

from studyfacts.readers import ReaderError, detect_format, read, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
_NOT_EXPORT = (
    "not a bibliographic export (RIS, MEDLINE, PubMed XML, EndNote XML, Web of Science, "
    "CSV/TSV, Excel .xlsx, BibTeX, CSL-JSON, Zotero RDF or EPPI-Reviewer JSON)"
)
_UNKNOWN = (
    "unknown format: not RIS (TY  - ...), PubMed MEDLINE (PMID- ...), PubMed XML, EndNote XML, "
    "Web of Science tagged, CSV/TSV with a header row, Excel (.xlsx), BibTeX, CSL-JSON, Zotero RDF "
    "or EPPI-Reviewer JSON"
)


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("empty.ris", "file is empty", None),
        ("whitespace_only.ris", "file is empty (only whitespace)", None),
        ("document.pdf.ris", f"is a PDF document, {_NOT_EXPORT}", None),
        (
            "archive.zip.ris",
            "is a ZIP archive but not an Excel workbook (the archive cannot be opened: File is not a zip "
            f"file), {_NOT_EXPORT}",
            None,
        ),
        ("nul_heavy.ris", f"is a binary file (it is full of NUL bytes), {_NOT_EXPORT}", None),
        (
            "unknown_prose.txt",
            f"{_UNKNOWN}; the file starts with 'This is a plain letter.'",
            1,
        ),
        (
            "ris_unknown_xml.xml",
            f"{_UNKNOWN}; the file starts with '<?xml version=\"1.0\"?>'",
            1,
        ),
    ],
)
def test_source_unreadable_input_raises_at_call(name: str, message: str, line: int | None) -> None:
    with pytest.raises(ReaderError) as info:
        read(FIXTURES / name, display_name=name)  # raised by read() itself, before iterating
    assert (info.value.path, info.value.message, info.value.line) == (name, message, line)
    assert str(info.value) == (f"{name}:{line}: {message}" if line else f"{name}: {message}")


def test_source_missing_path(tmp_path: Path) -> None:
    with pytest.raises(ReaderError) as info:
        read(tmp_path / "nope.ris")
    assert info.value.message == "no such file"


def test_source_directory(tmp_path: Path) -> None:
    with pytest.raises(ReaderError) as info:
        read(tmp_path)
    assert info.value.message == "is a directory, not an export file"


def test_source_empty_gzip(tmp_path: Path) -> None:
    path = tmp_path / "empty.gz"
    path.write_bytes(gzip.compress(b""))
    with pytest.raises(ReaderError) as info:
        read(path)
    assert info.value.message == "file is empty (the gzip archive holds no data)"


def test_source_read_text_empty() -> None:
    with pytest.raises(ReaderError):
        read_text("  \n")


def test_source_gzipped_ris_is_read(tmp_path: Path) -> None:
    path = tmp_path / "export.bin"
    path.write_bytes(gzip.compress(b"TY  - JOUR\nTI  - zipped\nER  - \n"))
    assert [r.title for r in read(path)] == ["zipped"]


def test_source_stdin_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"PMID- 3\nTI  - From stdin\n"))
    monkeypatch.setattr(sys, "stdin", fake)
    records = list(read("-"))
    assert [(r.path, r.pmid, r.title) for r in records] == [("<stdin>", "3", "From stdin")]


def test_source_stdin_gzipped_xml(monkeypatch: pytest.MonkeyPatch) -> None:
    data = (FIXTURES / "medline_baseline.xml.gz").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert [r.pmid for r in read("-", display_name="piped")] == ["90000031", "90000032"]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("TY  - JOUR\nTI  - x\n", "ris"),
        ("\ufeff\r\n1.\r\nTY  - JOUR\r\n", "ris"),
        ("TY - JOUR\nT1 - x\n", "ris"),
        ("\nPMID- 123\nOWN - NLM\n", "medline"),
        ("FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\n", "wos-tagged"),
        ("PT J\nAU Someone, A\nTI x\nER\n", "wos-tagged"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet PUBLIC "x" "y">\n<PubmedArticleSet>',
            "pubmed-xml",
        ),
        ("<?xml version='1.0'?>\n<MedlineCitationSet>\n<MedlineCitation>", "pubmed-xml"),
        ('<?xml version="1.0" encoding="UTF-8" ?><xml><records><record><database', "endnote-xml"),
        ("<html><body>no</body></html>", None),
        ("Just some words", None),
        ("", None),
    ],
)
def test_detect_format_from_content(head: str, expected: str | None) -> None:
    assert detect_format(head) == expected


def test_xml_unknown_encoding_is_a_reader_error(tmp_path: Path) -> None:
    path = tmp_path / "odd.xml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="x-no-such-codec"?>\n'
        b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation>"
        b"</PubmedArticle></PubmedArticleSet>\n"
    )
    with pytest.raises(ReaderError) as info:
        list(read(path, display_name="odd.xml"))
    assert info.value.path == "odd.xml" and info.value.line == 1
    assert "XML declares an encoding that cannot be read (unknown encoding: x-no-such-codec)" in info.value.message
