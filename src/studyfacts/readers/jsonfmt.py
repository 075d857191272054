"""JSON exports: CSL-JSON (Zotero, Better BibTeX, Mendeley, citation.js) and EPPI-Reviewer.

CSL-JSON is an array of items; EPPI-Reviewer's JSON report is an object whose
`References` array holds the records (beside `CodeSets`, the coding tree). Both are
streamed: the array's items are decoded one at a time with the standard library's
`json` decoder (`raw_decode`) over a sliding buffer, so memory holds one item, not
the file. A break in the JSON is reported on the last record read (or raises when no
record could be read), as for XML.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO


from ..regexcache import cached_compile
from .base import RawRecord, ReaderError
from .clean import clean_abstract, clean_text
from .fields import dedupe, digits_pmid, first_doi, parse_year, pick_journal, pmid_in_url
from .source import LineStream

_WS = " \t\r\n"
_DECODER = json.JSONDecoder()
_EPPI_AUTHOR_SPLIT_RE = cached_compile(r"\s*;\s*")
_KEYWORD_SPLIT_RE = cached_compile(r"\s*(?:\r\n|\r|\n|;)\s*")
_CSL_KEYWORD_SPLIT_RE = cached_compile(r"\s*[;,]\s*")
_PMID_NOTE_RE = cached_compile(r"\bPMID:\s*(\d{1,9})\b")


class JsonBreak(Exception):
    def __init__(self, message: str, line: int, trailing: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.trailing = trailing  # the JSON was whole; text after its end was ignored


class _Buffer:
    """Decoded text of the stream with a read position; refills on demand."""

    def __init__(self, stream: BinaryIO) -> None:
        self.pieces = LineStream(stream).pieces()
        self.text = ""
        self.pos = 0
        self.line = 1  # line of self.pos
        self.eof = False

    def more(self, at_least: int = 64 * 1024) -> bool:
        if self.eof:
            return False
        # drop what has been read; count its lines
        self.line += self.text.count("\n", 0, self.pos)
        self.text = self.text[self.pos :]
        self.pos = 0
        pieces = [self.text]
        size = len(self.text)
        target = max(at_least, size)  # grow geometrically for one long value
        got = 0
        for piece in self.pieces:
            pieces.append(piece)
            got += len(piece)
            if got >= target:
                break
        else:
            self.eof = True
        self.text = "".join(pieces)
        return got > 0

    def skip_ws(self) -> str:
        """The next non-blank character ('' at the end), not consumed."""
        while True:
            text, pos = self.text, self.pos
            n = len(text)
            while pos < n and text[pos] in _WS:
                pos += 1
            self.pos = pos
            if pos < n:
                return text[pos]
            if not self.more():
                return ""

    def expect(self, chars: str) -> str:
        ch = self.skip_ws()
        if not ch or ch not in chars:
            raise JsonBreak(
                f"JSON is malformed: expected {' or '.join(repr(c) for c in chars)}, found "
                f"{'the end of the file' if not ch else repr(ch)}",
                self.here(),
            )
        self.pos += 1
        return ch

    def here(self) -> int:
        return self.line + self.text.count("\n", 0, self.pos)

    def value(self) -> tuple[Any, int]:
        """The next JSON value and the line it starts on."""
        self.skip_ws()
        while True:
            start_line = self.here()
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as exc:
                if self.more(2 * len(self.text)):
                    continue
                line = self.line + self.text.count("\n", 0, exc.pos)
                raise JsonBreak(f"JSON is malformed or truncated: {exc.msg}", line) from exc
            # a number or literal cut by the end of the buffer may go on
            if end == len(self.text) and not self.eof and not isinstance(value, (dict, list, str)):
                if self.more(2 * len(self.text)):
                    continue
            self.pos = end
            return value, start_line


def iter_json_array(buf: _Buffer) -> Iterator[tuple[Any, int]]:
    """Items of the array that starts at the buffer's position."""
    buf.expect("[")
    if buf.skip_ws() == "]":
        buf.pos += 1
        return
    while True:
        yield buf.value()
        if buf.expect(",]") == "]":
            return


def iter_json_records(stream: BinaryIO, key: str | None) -> Iterator[tuple[Any, int]]:
    """(item, line) of a top-level array, or of the array under `key` of a top-level object."""
    buf = _Buffer(stream)
    yield from _iter_top(buf, key)
    if buf.skip_ws():
        raise JsonBreak(f"text after the end of the JSON (line {buf.here()}) was ignored", buf.here(), True)


def _iter_top(buf: _Buffer, key: str | None) -> Iterator[tuple[Any, int]]:
    first = buf.skip_ws()
    if key is None and first == "{":  # one CSL item on its own
        yield buf.value()
        return
    if key is None or first == "[":
        yield from iter_json_array(buf)
        return
    buf.expect("{")
    if buf.skip_ws() == "}":
        return
    while True:
        name, _line = buf.value()
        buf.expect(":")
        if name == key:
            buf.skip_ws()
            yield from iter_json_array(buf)
        else:
            buf.value()  # CodeSets and the like: decoded and dropped
        if buf.expect(",}") == "}":
            return


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(v) for v in value)
    return str(value)


def _csl_name(person: Any) -> str:
    if isinstance(person, str):
        return person
    if not isinstance(person, dict):
        return ""
    if person.get("literal"):
        return _text(person["literal"])
    family = " ".join(p for p in (_text(person.get("non-dropping-particle")), _text(person.get("family"))) if p)
    given = _text(person.get("given"))
    return f"{family}, {given}" if family and given else family or given


def _csl_year(issued: Any) -> int | None:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parse_year(str(parts[0][0]))
            if year:
                return year
        return parse_year(_text(issued.get("raw")), _text(issued.get("literal")), _text(issued.get("season")))
    return parse_year(_text(issued))


def build_csl_record(item: Any, record: RawRecord) -> RawRecord:
    if not isinstance(item, dict):
        record.warn(f"item is a JSON {type(item).__name__}, not an object; nothing could be read")
        return record
    raw = _text(item.get("abstract"))
    if raw.strip():
        text, copyright = clean_abstract(raw)
        record.abstract = text or None
        record.source_field = "abstract" if text else None
        record.copyright = copyright
    record.title = clean_text(_text(item.get("title"))) or None
    record.journal = pick_journal([_text(item.get("container-title")), _text(item.get("container-title-short"))])
    authors = item.get("author")
    if isinstance(authors, list):
        record.authors = dedupe(clean_text(_csl_name(a)) for a in authors)
    record.year = _csl_year(item.get("issued"))
    record.doi = first_doi([_text(item.get("DOI"))]) or first_doi(
        [_text(item.get("URL"))], require_prefix_or_start=True
    )
    record.pmid = digits_pmid(_text(item.get("PMID"))) or pmid_in_url(_text(item.get("URL")))
    note = _text(item.get("note"))
    if not record.pmid and "PMID" in note:
        match = _PMID_NOTE_RE.search(note)
        record.pmid = match.group(1) if match else None
    record.accession = clean_text(_text(item.get("id") or item.get("citation-key"))) or None
    keywords = _text(item.get("keyword"))
    if keywords:
        record.keywords = dedupe(clean_text(k) for k in _CSL_KEYWORD_SPLIT_RE.split(keywords))
    return record


def build_eppi_record(item: Any, record: RawRecord) -> RawRecord:
    if not isinstance(item, dict):
        record.warn(f"item is a JSON {type(item).__name__}, not an object; nothing could be read")
        return record
    raw = _text(item.get("Abstract"))
    if raw.strip():
        text, copyright = clean_abstract(raw)
        record.abstract = text or None
        record.source_field = "Abstract" if text else None
        record.copyright = copyright
    record.title = clean_text(_text(item.get("Title"))) or None
    record.journal = clean_text(_text(item.get("ParentTitle"))) or None
    record.authors = dedupe(clean_text(a) for a in _EPPI_AUTHOR_SPLIT_RE.split(_text(item.get("Authors"))))
    record.year = parse_year(_text(item.get("Year")))
    record.doi = first_doi([_text(item.get("DOI"))]) or first_doi(
        [_text(item.get("URL"))], require_prefix_or_start=True
    )
    record.pmid = pmid_in_url(_text(item.get("URL")))
    record.accession = clean_text(_text(item.get("ItemId"))) or None
    record.keywords = dedupe(clean_text(k) for k in _KEYWORD_SPLIT_RE.split(_text(item.get("Keywords"))))
    return record


def read_json_records(
    stream: BinaryIO,
    name: str,
    fmt: str,
    key: str | None,
    build: Callable[[Any, RawRecord], RawRecord],
    file_warnings: list[str] | None = None,
) -> Iterator[RawRecord]:
    """One record per array item; one record of lookahead, so a break is reported on the last one."""
    pending: RawRecord | None = None
    index = 0
    try:
        try:
            for item, line in iter_json_records(stream, key):
                record = RawRecord(path=name, index=index, format=fmt, line=line)
                index += 1
                try:
                    build(item, record)
                except Exception as exc:  # noqa: BLE001 - an item that cannot be mapped still comes out
                    record.warn(f"record could not be read fully: {type(exc).__name__}: {exc}")
                for message in file_warnings or []:
                    record.warn(message)
                if pending is not None:
                    yield pending
                pending = record
        except JsonBreak as exc:
            if pending is None:
                raise ReaderError(name, f"{exc.message}; no record could be read", exc.line) from None
            if exc.trailing:
                pending.warn(exc.message, exc.line)
            else:
                pending.warn(f"{exc.message}; the file breaks off after this record; anything after it could "
                             "not be read", exc.line)
        except RecursionError:
            message = "JSON is nested too deeply to be read"
            if pending is None:
                raise ReaderError(name, message) from None
            pending.warn(f"{message}; anything after this record could not be read")
    finally:
        stream.close()
    if pending is not None:
        yield pending
    elif fmt == "eppi-json":
        raise ReaderError(name, "EPPI-Reviewer JSON holds no References")
    else:
        raise ReaderError(name, "the JSON array holds no items")
