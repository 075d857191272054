"""BibTeX (Zotero, Scopus, Web of Science, Rayyan, Cochrane Library, JabRef, Mendeley ...).

Entries are found here, line by line, by counting braces, so that every `@type{...}`
comes out as a record whatever a parser makes of it: bibtexparser 1.x silently drops
Scopus entries whose field names hold a no-break space (`funding_text 1`), and 2.x
turns an entry with a repeated field, or a key used twice, into a "failed block".
Each entry's text is then split into fields by bibtexparser 2 (`Splitter`); what it
cannot split is read by a lenient fallback here, with a warning. Text between entries
is a comment in BibTeX (Cochrane writes `Record #n of N` there, Scopus an export
header) and is ignored, unless it looks like fields: then an extra `}` closed the
entry early, and the record says so.

Field values go through `latex.latex_to_text` (`95\\%` -> `95%`, `{A}` -> `A`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import regex

from ..regexcache import cached_compile
from .base import RawRecord
from .clean import clean_abstract, clean_text
from .fields import dedupe, first_doi, parse_year, pick_journal, pmid_in_url
from .latex import latex_to_text

# bibtexparser logs each entry it cannot split to stderr; here that is a warning on the record
_SPLITTER_LOG = logging.getLogger("bibtexparser.splitter")
_SPLITTER_LOG.addHandler(logging.NullHandler())
_SPLITTER_LOG.propagate = False

_ENTRY_START_RE = cached_compile(r"^[ \t\ufeff]*@[ \t]*([A-Za-z][\w-]*)[ \t]*([{(])")
_NOT_RECORDS = frozenset({"comment", "string", "preamble"})
# text outside entries that looks like a field: "abstract = {...", "title={..."
_FIELDISH_RE = cached_compile(r"^\s*[\w\u00a0-]+\s*=\s*[{\"\d]")
_FIELD_START_RE = cached_compile(r"\s*,?\s*([^\s=,{}\"#][^=,{}\"#]*?)\s*=\s*", flags=regex.S)
_AND_RE = cached_compile(r"\s+and\s+", flags=regex.I)
_PMID_NOTE_RE = cached_compile(r"\bPMID:?\s*(\d{1,9})\b")
_ABSTRACT_LABEL_RE = cached_compile(r"^\s*Abstract\s*[-–:]\s+(?=\S)")
_SPACE_RE = cached_compile(r"[\s\u00a0]+")


@dataclass
class BibChunk:
    """One entry's text and where it lies."""

    kind: str  # entry type, lower case
    start: int  # 1-based line of the "@"
    lines: list[str]
    end: int = 0  # 1-based last line
    closed: bool = True
    problem: str = ""  # why it is not closed
    outside: list[tuple[int, str]] = field(default_factory=list)  # field-like text after it


_BRACES = {("{", "}"): cached_compile(r"\\.|[{}]", flags=regex.S), ("(", ")"): cached_compile(r"\\.|[()]", flags=regex.S)}


def _close_position(text: str, depth: int, opener: str, closer: str) -> tuple[int, int]:
    """(index just past the character that brings `depth` to 0, or -1; depth at the end).
    Escaped braces (\\{ \\}) do not count; only the braces are visited, not every character."""
    for match in _BRACES[(opener, closer)].finditer(text):
        ch = match.group()
        if ch == opener:
            depth += 1
        elif ch == closer:
            depth -= 1
            if depth == 0:
                return match.end(), 0
    return -1, depth


def iter_bib_chunks(lines: Iterable[str]) -> Iterator[BibChunk]:
    """Every `@entry` of the file, in order (also @comment/@string/@preamble, marked by kind).

    An entry ends where its braces balance. An entry whose braces never balance ends
    where the next line starting with `@type{` begins, or at the end of the file, and
    says so. Field-like text after an entry's end travels with it (see the module doc).
    """
    current: BibChunk | None = None
    depth = 0
    opener, closer = "{", "}"
    number = 0
    for raw in lines:
        number += 1
        line = raw.rstrip("\r\n")
        while True:
            if depth > 0:
                assert current is not None
                if line[:1] in "@ \t" and _ENTRY_START_RE.match(line):
                    current.closed = False
                    current.end = number - 1
                    current.problem = f"its braces never balance; read up to line {number - 1}, where the next entry starts"
                    yield current
                    current, depth = None, 0
                    continue  # read this line as the start of the next entry
                if closer not in line:
                    current.lines.append(line)
                    depth += line.count(opener) - line.count("\\" + opener)
                    break
                cut, depth = _close_position(line, depth, opener, closer)
                if cut < 0:
                    current.lines.append(line)
                    break
                current.lines.append(line[:cut])
                current.end = number
                line = line[cut:]
                if not line.strip():
                    break
                continue
            # outside an entry
            start = _ENTRY_START_RE.match(line) if "@" in line else None
            if start is None:
                if current is not None and line.strip() and _FIELDISH_RE.match(line):
                    current.outside.append((number, line))
                break
            if current is not None:
                yield current
            opener, closer = ("{", "}") if start.group(2) == "{" else ("(", ")")
            current = BibChunk(kind=start.group(1).lower(), start=number, lines=[])
            head, rest = line[: start.end()], line[start.end() :]
            cut, depth = _close_position(rest, 1, opener, closer)
            if cut < 0:
                current.lines.append(line)
                break
            current.lines.append(head + rest[:cut])
            current.end = number
            line = rest[cut:]
            if not line.strip():
                break
    if current is not None:
        if depth > 0:
            current.closed = False
            current.end = number
            current.problem = "its braces never balance; read up to the end of the file"
        yield current


# ---------------------------------------------------------------------------
# Fields of one entry
# ---------------------------------------------------------------------------


def _strip_delimiters(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == "{" and value[-1] == "}":
        return value[1:-1]
    if len(value) >= 2 and value[0] == '"' and value[-1] == '"':
        return value[1:-1]
    return value


def _norm_name(name: str) -> str:
    return _SPACE_RE.sub(" ", name).strip().casefold()


def split_fields(text: str) -> tuple[str | None, list[tuple[str, str]], str | None]:
    """(key, [(field name, raw value)], problem) of one entry's text, by bibtexparser 2;
    what it cannot split falls back to `_lenient_fields`."""
    from bibtexparser.model import DuplicateFieldKeyBlock, Entry
    from bibtexparser.splitter import Splitter

    try:
        library = Splitter(text).split()
    except Exception as exc:  # noqa: BLE001 - a parser crash is one record's problem
        key, fields = _lenient_fields(text)
        return key, fields, f"bibtexparser could not split this entry ({type(exc).__name__}: {exc}); read leniently"
    entries = list(library.entries)
    for block in library.failed_blocks:
        if isinstance(block, DuplicateFieldKeyBlock) and isinstance(block.ignore_error_block, Entry):
            entries.append(block.ignore_error_block)  # a field given twice: both values are kept, in order
    if len(entries) == 1:
        entry = entries[0]
        return entry.key, [(f.key, _strip_delimiters(str(f.value))) for f in entry.fields], None
    key, fields = _lenient_fields(text)
    why = "; ".join(str(getattr(b, "error", b)) for b in library.failed_blocks)[:200] or "no entry found"
    return key, fields, f"bibtexparser could not split this entry ({why}); read leniently"


def _lenient_fields(text: str) -> tuple[str | None, list[tuple[str, str]]]:
    """Fields of an entry read without trusting its braces: `name = {value}` or `"value"` or
    a bare word, a value running to its balancing brace, or else to the end of the text."""
    opening = text.find("{") if text.find("{") != -1 else text.find("(")
    if opening < 0:
        return None, []
    comma = text.find(",", opening)
    if comma < 0:
        return text[opening + 1 :].strip(" \t\r\n})") or None, []
    key = text[opening + 1 : comma].strip() or None
    fields: list[tuple[str, str]] = []
    pos = comma + 1
    n = len(text)
    while pos < n:
        match = _FIELD_START_RE.match(text, pos)
        if not match:
            break
        name = match.group(1)
        pos = match.end()
        if pos >= n:
            fields.append((name, ""))
            break
        ch = text[pos]
        if ch == "{":
            end, _depth = _close_position(text[pos:], 0, "{", "}")
            end = n if end < 0 else pos + end
            value = text[pos + 1 : end - 1] if end < n or text.endswith("}") else text[pos + 1 :]
        elif ch == '"':
            end = text.find('"', pos + 1)
            end = n if end < 0 else end + 1
            value = text[pos + 1 : end - 1]
        else:
            end = text.find(",", pos)
            end = n if end < 0 else end
            value = text[pos:end].strip().rstrip("})")
        fields.append((name, value))
        pos = end
    return key, fields


# ---------------------------------------------------------------------------
# Record
# ---------------------------------------------------------------------------


def _split_authors(value: str) -> list[str]:
    """'A and B and C'; Cochrane's 'Smith, SR, Newton, K, ..., and Hill, J' too."""
    value = value.strip()
    if not value:
        return []
    parts = _AND_RE.split(value)
    if len(parts) == 2 and parts[0].endswith(",") and parts[0].count(",") >= 2:
        # Cochrane: "Last, Initials, Last, Initials, ..., and Last, Initials"
        items = [p.strip() for p in parts[0].rstrip(",").split(",")] + [p.strip() for p in parts[1].split(",")]
        if len(items) % 2 == 0:
            return [f"{items[i]}, {items[i + 1]}" for i in range(0, len(items), 2)]
    return [p.strip() for p in parts]


def build_bib_record(
    key: str | None, fields: list[tuple[str, str]], record: RawRecord
) -> RawRecord:
    values: dict[str, list[str]] = {}
    for name, value in fields:
        values.setdefault(_norm_name(name), []).append(value)

    def first(*names: str) -> str | None:
        for name in names:
            for value in values.get(name, ()):
                if value and value.strip():
                    return value
        return None

    def text(*names: str) -> str:
        value = first(*names)
        return clean_text(latex_to_text(value)) if value else ""

    raw_abstract = first("abstract", "abstractnote", "abstract-note")
    if raw_abstract:
        plain = _ABSTRACT_LABEL_RE.sub("", latex_to_text(raw_abstract), count=1)
        abstract, copyright = clean_abstract(plain)
        record.abstract = abstract or None
        record.source_field = "abstract" if abstract else None
        record.copyright = copyright
    if record.copyright is None and first("copyright"):
        record.copyright = text("copyright") or None
    title = text("title")
    subtitle = text("subtitle")
    if title and subtitle and subtitle.casefold() not in title.casefold():
        title = f"{title.rstrip(' :')}: {subtitle}"
    record.title = title or subtitle or None
    record.journal = pick_journal(
        [text("journal"), text("journaltitle"), text("booktitle"), text("abbrev_source_title"), text("shortjournal")]
    )
    author = first("author")
    if author:
        record.authors = dedupe(clean_text(latex_to_text(a)) for a in _split_authors(author))
    record.year = parse_year(first("year"), first("date"), first("issued"))
    record.doi = first_doi([first("doi")]) or first_doi(
        [first("url"), first("link")], require_prefix_or_start=True
    )
    pmid = first("pmid", "pubmed_id", "pubmed-id", "pubmedid")
    if pmid:
        pmid = pmid.strip() if pmid.strip().isdigit() else None
    if not pmid:
        for name in ("note", "extra", "annote"):
            for value in values.get(name, ()):
                match = _PMID_NOTE_RE.search(value)
                if match:
                    pmid = match.group(1)
                    break
            if pmid:
                break
    if not pmid:
        pmid = pmid_in_url(first("url"))
    record.pmid = pmid
    record.accession = text("unique-id", "eid", "accession-number", "accession_number", "accession") or None
    keywords = first("keywords", "keyword", "author_keywords", "mesh")
    if keywords:
        sep = ";" if ";" in keywords else ","
        record.keywords = dedupe(clean_text(latex_to_text(k)) for k in keywords.split(sep))
    return record


def read_bibtex_lines(
    lines: Iterable[str], name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    """One RawRecord per `@entry` (not @comment, @string, @preamble), in file order."""
    index = 0
    for chunk in iter_bib_chunks(lines):
        if chunk.kind in _NOT_RECORDS:
            continue
        record = RawRecord(path=name, index=index, format="bibtex", line=chunk.start)
        index += 1
        text = "\n".join(chunk.lines)
        if "\x00" in text:
            record.warn(f"removed {text.count(chr(0))} NUL byte(s)")
            text = text.replace("\x00", "")
        try:
            if chunk.closed:
                key, fields, problem = split_fields(text)
                if problem:
                    record.warn(problem)
            else:  # no parser can split an entry whose braces never balance: read it leniently
                key, fields = _lenient_fields(text)
            build_bib_record(key, fields, record)
        except Exception as exc:  # noqa: BLE001 - an entry that cannot be mapped still comes out
            record.warn(f"entry could not be read fully: {type(exc).__name__}: {exc}")
        if not chunk.closed:
            record.warn(f"entry @{chunk.kind} is not closed: {chunk.problem}; its fields were read leniently",
                        chunk.end)
        for line_no, line_text in chunk.outside:
            excerpt = line_text.strip()
            excerpt = excerpt if len(excerpt) <= 60 else excerpt[:57] + "..."
            record.warn(
                f"field-like text after the end of this entry was ignored (line {line_no}): {excerpt!r}; "
                "a '}' too many probably closes the entry early",
                line_no,
            )
        for message in file_warnings or []:
            record.warn(message)
        yield record
