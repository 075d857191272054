"""Input readers: bibliographic export files in, `RawRecord`s out, in file order.

    for record in read("export.ris"):
        ...

The format is detected from the content, never from the file name: RIS (every
dialect seen in the wild), PubMed MEDLINE/.nbib, PubMed XML (also MEDLINE baseline
`MedlineCitationSet` files, also gzipped), EndNote XML, Web of Science tagged files,
CSV/TSV and Excel workbooks of the screening tools and databases (`tabular`), BibTeX,
CSL-JSON, Zotero RDF and EPPI-Reviewer JSON. Records are produced lazily; XML, JSON,
CSV/TSV, BibTeX and workbooks are streamed.

Input that is not a bibliographic export at all (missing, a directory, empty,
binary, unknown format, or XML that declares entities) raises `ReaderError` with one
clear message. Anything less serious is a warning on the record it concerns.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from typing import BinaryIO

import regex

from ..regexcache import cached_compile
from .base import RawRecord, ReaderError
from .bibtex import read_bibtex_lines
from .clean import clean_abstract
from .detect import FORMAT_NAMES, FORMATS, detect_format
from .endnote_xml import read_endnote_xml
from .jsonfmt import build_csl_record, build_eppi_record, read_json_records
from .medline import read_medline_lines
from .pubmed_xml import read_pubmed_xml
from .ris import read_ris_lines, read_wos_lines
from .source import LineStream, Source, decode_text, open_source
from .tabular import read_csv_stream, read_xlsx, sniff_tabular
from .textlines import split_lines
from .zotero_rdf import read_zotero_rdf

__all__ = [
    "FORMATS",
    "RawRecord",
    "ReaderError",
    "clean_abstract",
    "detect_format",
    "read",
    "read_text",
]

_ENTITY_DECL_RE = cached_compile(r"<!ENTITY\b", flags=regex.I)
_ROOT_START_RE = cached_compile(r"<(?![?!])[A-Za-z_]")
_XML_ENCODING_RE = cached_compile(r"""(\A\s*<\?xml[^>]*?\bencoding\s*=\s*["'])[^"']*(["'])""")
_XML_FORMATS = frozenset({"pubmed-xml", "endnote-xml", "zotero-rdf"})
# formats read from a byte stream as they come (the others are read whole, then split into lines)
_STREAM_FORMATS = frozenset({"csv", "tsv", "bibtex", "csl-json", "eppi-json"})


def _unknown(name: str, head_text: str) -> ReaderError:
    first = next((ln.strip() for ln in head_text.lstrip("\ufeff").splitlines() if ln.strip()), "")
    if len(first) > 60:
        first = first[:57] + "..."
    formats = ", ".join(FORMAT_NAMES[:-1]) + " or " + FORMAT_NAMES[-1]
    return ReaderError(name, f"unknown format: not {formats}; the file starts with {first!r}", 1)


def _check_prolog(name: str, head_text: str) -> None:
    """Refuse XML that declares entities before parsing starts (billion laughs & co)."""
    root = _ROOT_START_RE.search(head_text)
    prolog = head_text[: root.start()] if root else head_text
    match = _ENTITY_DECL_RE.search(prolog)
    if match:
        line = prolog.count("\n", 0, match.start()) + 1
        raise ReaderError(
            name,
            "XML declares entities in its DOCTYPE; refused: entities are never expanded "
            "(this is how 'billion laughs' files attack parsers)",
            line,
        )


def _text_records(fmt: str, text: str, name: str, file_warnings: list[str]) -> Iterator[RawRecord]:
    lines = split_lines(text)
    if fmt == "ris":
        return read_ris_lines(lines, name, file_warnings)
    if fmt == "medline":
        return read_medline_lines(lines, name, file_warnings)
    if fmt == "wos-tagged":
        return read_wos_lines(lines, name, file_warnings)
    raise AssertionError(fmt)  # pragma: no cover


def _read_text_source(source: Source, fmt: str) -> Iterator[RawRecord]:
    data = source.read_all()
    decoded = decode_text(data)
    warnings = list(source.warnings)
    if decoded.encoding == "cp1252":
        warnings.append(
            f"file is not valid UTF-8 (first bad byte on line {decoded.first_bad_line}); "
            "bytes that are not UTF-8 were read as cp1252"
        )
    if not decoded.text.strip():
        raise ReaderError(source.name, "file is empty (only whitespace)")
    yield from _text_records(fmt, decoded.text, source.name, warnings)


def _read_xml_source(source: Source, fmt: str) -> Iterator[RawRecord]:
    stream = source.open_binary()
    warnings = list(source.warnings)
    if fmt == "pubmed-xml":
        yield from read_pubmed_xml(stream, source.name, warnings)
    elif fmt == "zotero-rdf":
        yield from read_zotero_rdf(stream, source.name, warnings)
    else:
        yield from read_endnote_xml(stream, source.name, warnings)


def _read_stream(stream: BinaryIO, name: str, fmt: str, head_text: str, warnings: list[str]) -> Iterator[RawRecord]:
    """The streamed text formats, from a fresh binary stream of the whole content."""
    if fmt in ("csv", "tsv"):
        table = sniff_tabular(head_text)
        assert table is not None
        return read_csv_stream(stream, name, table[0], warnings)
    if fmt == "bibtex":
        return read_bibtex_lines(LineStream(stream), name, warnings)
    if fmt == "eppi-json":
        return read_json_records(stream, name, fmt, "References", build_eppi_record, warnings)
    return read_json_records(stream, name, fmt, None, build_csl_record, warnings)


def read(path: str | os.PathLike[str], *, display_name: str | None = None) -> Iterator[RawRecord]:
    """Records of one export file, in file order, produced lazily.

    `path` may be "-" for stdin. The file is checked before this returns: a missing
    path, a directory, an empty or binary file, an unknown format, or XML declaring
    entities raise `ReaderError` here; a break in the middle of an XML file raises
    (if nothing could be read) or warns while iterating.
    """
    source = open_source(path, display_name)
    if source.xlsx:
        return read_xlsx(source.open_binary(), source.name, list(source.warnings))
    head_text = decode_text(source.head).text
    fmt = detect_format(head_text)
    if fmt is None:
        raise _unknown(source.name, head_text)
    if fmt in _XML_FORMATS:
        _check_prolog(source.name, head_text)
        return _read_xml_source(source, fmt)
    if fmt in _STREAM_FORMATS:
        return _read_stream(source.open_binary(), source.name, fmt, head_text, list(source.warnings))
    return _read_text_source(source, fmt)


def read_text(text: str, *, path: str = "<text>") -> Iterator[RawRecord]:
    """Records of an export given as a string (for tests and callers that hold the text)."""
    if not text.strip():
        raise ReaderError(path, "file is empty")
    fmt = detect_format(text[:65536])
    if fmt is None:
        raise _unknown(path, text[:4096])
    if fmt in _XML_FORMATS:
        _check_prolog(path, text[:65536])
        # the string is already decoded: make the declaration agree with the bytes
        text = _XML_ENCODING_RE.sub(r"\1UTF-8\2", text.lstrip("\ufeff"), count=1)
        stream = io.BytesIO(text.encode("utf-8"))
        if fmt == "pubmed-xml":
            return read_pubmed_xml(stream, path, [])
        if fmt == "zotero-rdf":
            return read_zotero_rdf(stream, path, [])
        return read_endnote_xml(stream, path, [])
    if fmt in _STREAM_FORMATS:
        return _read_stream(io.BytesIO(text.encode("utf-8")), path, fmt, text[:65536], [])
    return _text_records(fmt, text.lstrip("\ufeff"), path, [])
