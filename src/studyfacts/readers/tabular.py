"""Tabular exports: CSV, TSV (also Excel's semicolon CSV and UTF-16 "Unicode text") and XLSX.

One row, one record. The header row is found from its cells, also below preamble
rows (Embase writes the search query, a rule and a blank line above it); the
delimiter is the one under which such a header row shows up. Columns are mapped to
fields by the dialect table in `dialects.json` (Scopus, Web of Science, Embase, Ovid,
Cochrane CENTRAL, Covidence, Rayyan, PubMed, Zotero, ASReview ...), kept as data, and
for anything else by header names and words.

CSV and TSV are read row by row with the `csv` module from a decoding line stream, so
memory holds one row however long the file; workbooks are read with openpyxl in
read-only mode, row by row too. Every data row is a record, also a row whose cells
are all empty (with a warning), so the count of records is the count of rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from typing import Any, BinaryIO

import regex

from ..regexcache import cached_compile
from .base import RawRecord, ReaderError
from .clean import clean_abstract, clean_text
from .fields import dedupe, digits_pmid, first_doi, parse_year, pmid_in_url
from .source import LineStream, split_keep_ends

# A cell longer than this is not a field of a bibliographic record: it is left out with
# a warning (spaCy itself stops at 1,000,000 characters, the pipeline at 100,000).
MAX_CELL = 1_000_000
# The csv module refuses longer fields with an error we cannot recover from (the rest of
# the file would be misread); this is high enough that only a broken file reaches it.
_CSV_FIELD_LIMIT = 1 << 28
HEADER_SEARCH_ROWS = 30  # preamble rows tolerated above the header
DELIMITERS = ("\t", ",", ";", "|")
_MAX_ROW_SPAN = 1000  # a row spanning more lines than this probably has an unbalanced quote

_SPACE_RE = cached_compile(r"[\s\u00a0\ufeff]+")
_WORD_RE = cached_compile(r"[a-z]+")
_LEADING_PMID_RE = cached_compile(r"^\s*(\d{1,9})(?:\s*\[|\s*$)")


def norm_header(cell: Any) -> str:
    """Header cell as the dialect table writes it: case-folded, white space runs as one space."""
    if cell is None:
        return ""
    return _SPACE_RE.sub(" ", str(cell)).strip().casefold()


@dataclass(frozen=True)
class Dialect:
    name: str
    tool: str
    signature: frozenset[str]
    columns: dict[str, tuple[str, ...]]
    split: dict[str, str]
    quoting: str = "minimal"
    trim: dict[str, regex.Pattern[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class DialectTable:
    fields: tuple[str, ...]
    names: dict[str, tuple[str, ...]]
    words: dict[str, tuple[str, ...]]
    dialects: tuple[Dialect, ...]


@cache
def dialect_table() -> DialectTable:
    """The column table, loaded once from `dialects.json`."""
    data = json.loads(resources.files(__package__).joinpath("dialects.json").read_text(encoding="utf-8"))
    dialects = tuple(
        Dialect(
            name=d["name"],
            tool=d["tool"],
            signature=frozenset(d["signature"]),
            columns={k: tuple(v) for k, v in d["columns"].items()},
            split=dict(d.get("split", {})),
            quoting=d.get("quoting", "minimal"),
            trim={k: cached_compile(v) for k, v in d.get("trim", {}).items()},
        )
        for d in data["dialects"]
    )
    return DialectTable(
        fields=tuple(data["fields"]),
        names={k: tuple(v) for k, v in data["names"].items()},
        words={k: tuple(v) for k, v in data["words"].items()},
        dialects=dialects,
    )


@dataclass
class Mapping:
    """Which columns (0-based) feed each field, for one header row."""

    header: list[str]
    dialect: Dialect | None
    cells: list[str] = field(default_factory=list)  # the header cells as written
    columns: dict[str, list[int]] = field(default_factory=dict)

    @property
    def score(self) -> int:
        return len(self.columns)

    @property
    def is_header(self) -> bool:
        """Enough known columns to be a header of bibliographic records."""
        return ("title" in self.columns or "abstract" in self.columns) and len(self.columns) >= 2


def map_header(cells: Sequence[Any]) -> Mapping:
    """Map a candidate header row to fields: a dialect's columns first, then names, then words."""
    table = dialect_table()
    header = [norm_header(c) for c in cells]
    present = {h: i for i, h in reversed(list(enumerate(header))) if h}
    dialect = next((d for d in table.dialects if d.signature <= present.keys()), None)
    mapping = Mapping(header=header, dialect=dialect, cells=[cell_text(c).strip() for c in cells])
    used: set[int] = set()
    cell_words: list[set[str]] | None = None  # the words of each short header cell, when needed
    for name in table.fields:
        cols: list[int] = []
        if dialect is not None and name in dialect.columns:
            cols = [present[c] for c in dialect.columns[name] if c in present]
        if not cols:
            cols = [present[c] for c in table.names.get(name, ()) if c in present and present[c] not in used]
        if not cols:
            wanted = set(table.words.get(name, ()))
            if cell_words is None:
                cell_words = [set(_WORD_RE.findall(h)) if h and len(h) <= 40 else set() for h in header]
            cols = [i for i, words in enumerate(cell_words) if i not in used and words & wanted]
        if cols:
            mapping.columns[name] = list(dict.fromkeys(cols))
            used.update(cols)
    return mapping


def find_header(rows: Iterable[Sequence[Any]]) -> tuple[int, Mapping] | None:
    """(0-based row number, mapping) of the first row that is a header, among the first rows."""
    for n, row in enumerate(rows):
        if n >= HEADER_SEARCH_ROWS:
            break
        if sum(1 for c in row if c is not None and str(c).strip()) < 2:
            continue
        mapping = map_header(row)
        if mapping.is_header:
            return n, mapping
    return None


def _head_rows(text: str, delimiter: str, quoting: int = csv.QUOTE_MINIMAL) -> list[list[str]]:
    lines = split_keep_ends(text[: 1 << 20])  # line ends as the reader counts them
    last = lines.pop()
    if last and len(lines) < 1:
        lines.append(last)  # a one-line head; otherwise the head cuts the last line short
    lines = lines[: HEADER_SEARCH_ROWS + 1]
    try:
        return list(csv.reader(lines, delimiter=delimiter, quoting=quoting))[:HEADER_SEARCH_ROWS]
    except csv.Error:
        return []


@lru_cache(maxsize=4)
def sniff_tabular(head: str) -> tuple[str, int, Mapping] | None:
    """(delimiter, header row, mapping) when the text is a table with a header of known columns.

    The delimiter whose header maps the most fields wins; a header row that a dialect of the
    table fits, on the first line, ends the search at once. Cached: detection and the reader
    ask about the same head."""
    head = head.lstrip("\ufeff")
    best: tuple[str, int, Mapping] | None = None
    first_line = head.split("\n", 1)[0]
    for delimiter in DELIMITERS:
        if delimiter not in head:
            continue
        if delimiter not in first_line and best is not None:
            continue
        found = find_header(_head_rows(head, delimiter))
        if found is None:
            found = find_header(_head_rows(head, delimiter, csv.QUOTE_NONE))
        if found is not None and (best is None or found[1].score > best[2].score):
            best = (delimiter, found[0], found[1])
            if found[0] == 0 and found[1].dialect is not None:
                break
    return best


# ---------------------------------------------------------------------------
# Cells to fields
# ---------------------------------------------------------------------------


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious '.0', dates as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _split_list(value: str, separator: str | None) -> list[str]:
    if separator is not None:
        return [p.strip() for p in value.split(separator)]
    for sep in (";", "||", " and ", "\n"):
        if sep in value:
            return [p.strip() for p in value.split(sep)]
    return [value.strip()]


def _pmid(values: list[str]) -> str | None:
    for value in values:
        pmid = digits_pmid(value) or pmid_in_url(value)
        if pmid is None:
            match = _LEADING_PMID_RE.match(value)
            pmid = match.group(1) if match and match.group(1).lstrip("0") else None
        if pmid:
            return pmid
    return None


def build_row_record(cells: Sequence[str], mapping: Mapping, record: RawRecord) -> RawRecord:
    """Fill a RawRecord from one row's cells (already text) by the header mapping."""

    def values(name: str) -> list[str]:
        out = []
        for i in mapping.columns.get(name, ()):
            if i < len(cells) and cells[i] and cells[i].strip():
                out.append(cells[i])
        return out

    split = mapping.dialect.split if mapping.dialect else {}
    for i in mapping.columns.get("abstract", ()):
        raw = cells[i] if i < len(cells) else ""
        if not raw or not raw.strip():
            continue
        text, copyright = clean_abstract(raw)
        if text:
            record.abstract, record.copyright = text, copyright
            record.source_field = mapping.cells[i] or f"column {i + 1}"
            break
        if copyright and record.copyright is None:
            record.copyright = copyright
    titles = [t for t in (clean_text(v) for v in values("title")) if t]
    record.title = titles[0] if titles else None
    journals = [j for j in (clean_text(v) for v in values("journal")) if j]
    record.journal = journals[0] if journals else None
    trim = mapping.dialect.trim.get("journal") if mapping.dialect else None
    if record.journal and trim is not None:
        cut = trim.search(record.journal)
        record.journal = record.journal[: cut.start()] if cut and cut.start() else record.journal
    record.authors = dedupe(
        clean_text(a) for v in values("authors")[:1] for a in _split_list(v, split.get("authors"))
    )
    record.year = parse_year(*values("year"))
    record.doi = first_doi(values("doi"))
    record.pmid = _pmid(values("pmid"))
    accessions = [clean_text(v) for v in values("accession")]
    record.accession = next((a for a in accessions if a), None)
    record.keywords = dedupe(
        clean_text(k) for v in values("keywords") for k in _split_list(v, split.get("keywords"))
    )
    return record


def _check_cells(cells: list[str], mapping: Mapping, record: RawRecord, where: str) -> list[str]:
    """Leave out cells too long to be a field; say which and where."""
    for i, cell in enumerate(cells):
        if len(cell) > MAX_CELL:
            column = mapping.cells[i] if i < len(mapping.cells) and mapping.cells[i] else f"column {i + 1}"
            record.warn(
                f"the {column!r} cell ({where}) is {len(cell):,} characters long, more than the "
                f"{MAX_CELL:,} a field may hold; it was left out"
            )
            cells[i] = ""
    return cells


def _row_record(
    cells: list[str], mapping: Mapping, record: RawRecord, where: str, width: int
) -> RawRecord:
    cells = _check_cells(cells, mapping, record, where)
    if len(cells) > width and any(c.strip() for c in cells[width:]):
        record.warn(f"row has {len(cells)} cells but the header {width} ({where}); the cells past the header were ignored")
    try:
        build_row_record(cells, mapping, record)
    except Exception as exc:  # noqa: BLE001 - a row that cannot be mapped still comes out
        record.warn(f"row could not be read fully: {type(exc).__name__}: {exc}")
    return record


# ---------------------------------------------------------------------------
# CSV / TSV
# ---------------------------------------------------------------------------


def read_csv_stream(
    stream: BinaryIO, name: str, delimiter: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    """Records of a CSV/TSV byte stream, row by row. The header is looked for again in the
    stream itself (the same rule as detection), so preamble rows are skipped."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    fmt = "tsv" if delimiter == "\t" else "csv"
    lines = LineStream(stream)
    quoting = csv.QUOTE_MINIMAL
    preamble: list[list[str]] = []
    rows = csv.reader(lines, delimiter=delimiter, quoting=quoting)
    mapping: Mapping | None = None
    try:
        for row in rows:
            preamble.append(row)
            found = find_header([row]) if row else None
            if found is not None:
                mapping = found[1]
                break
            if len(preamble) >= HEADER_SEARCH_ROWS:
                break
    except csv.Error as exc:
        stream.close()
        raise ReaderError(name, f"CSV cannot be read: {exc}", lines.line) from exc
    if mapping is None:
        stream.close()
        raise ReaderError(
            name, f"no header row with known columns (title, abstract ...) in the first {len(preamble)} rows"
        )
    header_line = lines.line
    if mapping.dialect is not None and mapping.dialect.quoting == "none":
        # the same stream, from the row after the header, without quote handling
        rows = csv.reader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    yield from _csv_records(rows, lines, mapping, name, fmt, header_line, file_warnings or [], stream)


def _csv_records(
    rows: Any,
    lines: LineStream,
    mapping: Mapping,
    name: str,
    fmt: str,
    header_line: int,
    file_warnings: list[str],
    stream: BinaryIO,
) -> Iterator[RawRecord]:
    width = len(mapping.header)
    while width and not mapping.header[width - 1]:
        width -= 1  # a trailing delimiter on every line (older Web of Science) is no column
    index = 0
    pending: RawRecord | None = None
    start = header_line + 1
    try:
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:
                message = f"CSV cannot be read past line {lines.line}: {exc}; the rest of the file was not read"
                if pending is None:
                    raise ReaderError(name, f"{message}; no record could be read", lines.line) from exc
                pending.warn(message, lines.line)
                break
            end = lines.line
            if not any(c.strip() for c in row):  # a blank line, or a row of delimiters only
                start = end + 1
                continue
            record = RawRecord(path=name, index=index, format=fmt, line=start)
            index += 1
            where = f"line {start}" if end == start else f"lines {start}-{end}"
            _row_record([c.replace("\x00", "") for c in row], mapping, record, where, width)
            if len(row) < width and end > start:
                record.warn(
                    f"row has {len(row)} cells but the header {width} and spans {where}: a quote may be "
                    "unbalanced, so the rows after it may have been read into this one"
                )
            elif end - start > _MAX_ROW_SPAN:
                record.warn(f"row spans {where}: a quote may be unbalanced")
            elif len(row) < width and any(row):
                record.warn(f"row has {len(row)} cells but the header {width} ({where}); the missing cells read as empty")
            if lines.first_bad_line is not None and lines.first_bad_line <= end:
                record.warn(
                    f"file is not valid UTF-8 (first bad byte on line {lines.first_bad_line}); "
                    "bytes that are not UTF-8 were read as cp1252"
                )
            for message in file_warnings:
                record.warn(message)
            if pending is not None:
                yield pending
            pending = record
            start = end + 1
    finally:
        stream.close()
    if pending is None:
        raise ReaderError(name, f"has a header row (line {header_line}) but no records below it", header_line)
    if lines.error:
        pending.warn(lines.error)
    yield pending


# ---------------------------------------------------------------------------
# XLSX
# ---------------------------------------------------------------------------


def read_xlsx(
    stream: BinaryIO, name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    """Records of every sheet that has a header row of known columns, row by row."""
    import zipfile

    import openpyxl

    try:
        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        stream.close()
        raise ReaderError(name, f"Excel workbook cannot be opened: {type(exc).__name__}: {exc}") from exc
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged workbook
        stream.close()
        raise ReaderError(name, f"Excel workbook cannot be read: {type(exc).__name__}: {exc}") from exc
    return _xlsx_records(workbook, stream, name, list(file_warnings or []))


def _xlsx_records(workbook: Any, stream: BinaryIO, name: str, file_warnings: list[str]) -> Iterator[RawRecord]:
    index = 0
    skipped: list[str] = []
    read_sheets = 0
    pending: RawRecord | None = None
    try:
        for sheet in workbook.worksheets:
            title = sheet.title
            try:
                rows = sheet.iter_rows(values_only=True)
                header: tuple[int, Mapping] | None = None
                seen = 0
                for row in rows:
                    seen += 1
                    found = find_header([row])
                    if found is not None:
                        header = (seen, found[1])
                        break
                    if seen >= HEADER_SEARCH_ROWS:
                        break
                if header is None:
                    if seen:
                        skipped.append(title)
                    continue
                read_sheets += 1
                header_row, mapping = header
                width = len(mapping.header)
                while width and not mapping.header[width - 1]:
                    width -= 1
                for number, row in enumerate(rows, start=header_row + 1):
                    cells = [cell_text(c) for c in row]
                    while cells and not cells[-1]:
                        cells.pop()
                    if not any(c.strip() for c in cells):
                        continue  # rows that are all blank: openpyxl reports formatted empty rows too
                    record = RawRecord(path=name, index=index, format="xlsx", line=number)
                    index += 1
                    where = f"sheet {title!r}, row {number}"
                    _row_record(cells, mapping, record, where, width)
                    for message in file_warnings:
                        record.warn(message)
                    if pending is not None:
                        yield pending
                    pending = record
            except ReaderError:
                raise
            except Exception as exc:  # noqa: BLE001 - a damaged sheet
                message = f"sheet {title!r} cannot be read further: {type(exc).__name__}: {exc}"
                if pending is None:
                    raise ReaderError(name, message) from exc
                pending.warn(message)
        if pending is None:
            if read_sheets:
                raise ReaderError(name, "Excel workbook has a header row but no data rows")
            raise ReaderError(
                name,
                "Excel workbook has no sheet with a header row of known columns (title, abstract ...) "
                f"in its first {HEADER_SEARCH_ROWS} rows",
            )
        if skipped:
            pending.warn(f"sheet(s) without a header row of known columns were not read: {', '.join(skipped)}")
        yield pending
    finally:
        workbook.close()
        stream.close()


__all__ = [
    "MAX_CELL",
    "cell_text",
    "dialect_table",
    "find_header",
    "map_header",
    "read_csv_stream",
    "read_xlsx",
    "sniff_tabular",
]
