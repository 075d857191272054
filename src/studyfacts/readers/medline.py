"""PubMed MEDLINE text (.nbib, `*_medline.txt`), read record by record as Bio.Medline reads it.

Records are found here (so that each knows its start line): a record starts at a
``PMID-`` line, or at the first tag line after a blank line; a blank line ends it.
Each record's lines are then read into fields the way `Bio.Medline.parse` reads
them once normalised (tags padded to four characters, continuation lines indented
by six spaces, whatever the input used); `_fields` does both in one pass, and a
test holds it to Bio.Medline's result.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from ..regexcache import cached_compile
from .base import RawRecord
from .clean import clean_abstract, clean_text, normalise_space
from .fields import dedupe, digits_pmid, first_doi, parse_year
from .textlines import Chunk, add_file_warnings, nul_warning, outside_warning

_TAG_RE = cached_compile(r"^([A-Z][A-Z0-9]{1,3}) *-(?: (.*)|$)")
_PMID_RE = cached_compile(r"^PMID *-")
_DOI_MARK_RE = cached_compile(r"\[doi\]", flags=regex.I)


def iter_medline_chunks(lines: list[str]) -> Iterator[Chunk]:
    current: Chunk | None = None
    in_record = False
    leading: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if (not line or line.isspace()) and not (in_record and line.startswith("      ")):
            # an empty line ends a record; a line of six or more spaces inside one is an
            # empty continuation line (as Bio.Medline reads it)
            in_record = False
            continue
        if in_record:  # only a PMID line starts the next record
            starts = line.startswith("PMID") and bool(_PMID_RE.match(line)) and bool(_TAG_RE.match(line))
        else:
            starts = _is_tag_line(line) is not None
        if starts:
            if current is not None:
                yield current
            current = Chunk.opening(i, line, leading)
            in_record = True
        elif in_record:
            assert current is not None
            current.lines.append(line)
        elif current is None:
            leading.append((i + 1, line))
        else:
            current.outside.append((i + 1, line))
    if current is not None:
        yield current


# Bio.Medline joins the lines of these tags into one string; the others stay lists.
_TEXT_KEYS = frozenset(
    """
    ID PMID SO RF NI JC TA IS CY TT CA IP VI DP YR PG LID DA LR OWN STAT DCOM PUBM DEP PL JID SB
    PMC EDAT MHDA PST AB EA TI JT
    """.split()
)
# Continuation lines add to the last item of these tags; of the others, each is an item.
_RUN_ON_KEYS = frozenset({"MH", "AD"})


def _is_tag_line(line: str) -> regex.Match[str] | None:
    # the first character decides most lines (continuations start with spaces)
    return _TAG_RE.match(line) if "A" <= line[:1] <= "Z" else None


# The first six characters of standard tag lines met so far ("AB  - ", "PMID- ") -> tag.
_STANDARD_HEADS: dict[str, str] = {}
_MAX_HEADS = 2048  # MEDLINE has ~80 tags; a hostile file cannot grow this without bound


def _tag_line(line: str) -> tuple[str, str] | None:
    """(tag, stripped content) of a tag line as `_TAG_RE` reads it; None for other lines."""
    if not "A" <= line[:1] <= "Z":
        return None
    # Speed: three lines in four are standard, the tag padded to four characters ("AB  - ",
    # "PMID- "). For them these str tests give what _TAG_RE gives (lines never hold "\n"),
    # at a third of the cost: a tag of 2-4 upper-case ASCII letters and digits, then "- ".
    # They look at the first six characters only, so `_fields` remembers their answer.
    if line[4:6] == "- ":
        tag = line[:4].rstrip(" ")
        if len(tag) > 1 and tag.isalnum() and tag.isascii() and tag.isupper():
            if len(_STANDARD_HEADS) < _MAX_HEADS:
                _STANDARD_HEADS[line[:6]] = tag
            return tag, line[6:].strip()
    match = _TAG_RE.match(line)
    return (match.group(1), (match.group(2) or "").strip()) if match else None


def _fields(record: RawRecord, lines: list[str]) -> dict[str, Any]:
    """The record's fields as `Bio.Medline.parse` gives them for its normalised lines
    (tag lines ``f"{tag:<4}- {content}"``, continuation lines six spaces and the line
    stripped): a tag's lines are a list, joined by a space for `_TEXT_KEYS`. An untagged,
    unindented line is a continuation too, with a warning."""
    fields: dict[str, list[str]] = {}
    values: list[str] = []
    run_on = False
    stray: list[int] = []
    heads = _STANDARD_HEADS
    for offset, line in enumerate(lines):
        tag = heads.get(line[:6])  # a standard tag line seen before: no call (see _tag_line)
        if tag is not None:
            content = line[6:].strip()
        else:
            tagged = _tag_line(line)
            if tagged:
                tag, content = tagged
        if tag is not None:
            values = fields.setdefault(tag, [])
            values.append(content)
            run_on = tag in _RUN_ON_KEYS
            continue
        if not line[:1].isspace():
            stray.append(offset)
        content = line.strip()
        if run_on:
            values[-1] += f" {content}" if content else " \n"
        else:
            values.append(content or "\n")
    if stray and record.line is not None:
        record.warn(
            f"{len(stray)} untagged, unindented line(s) joined to the field above",
            record.line + stray[0],
        )
    return {tag: " ".join(v) if tag in _TEXT_KEYS else v for tag, v in fields.items()}


def _text(rec: dict[str, Any], key: str) -> str | None:
    value = rec.get(key)
    if value is None:
        return None
    if isinstance(value, list):
        value = " ".join(v for v in value if v)
    return value.strip() or None


def _list(rec: dict[str, Any], key: str) -> list[str]:
    value = rec.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [v for v in value if v]


def build_medline_record(rec: dict[str, Any], record: RawRecord) -> RawRecord:
    raw = _text(rec, "AB")
    if raw:
        text, tail = clean_abstract(raw)
        record.abstract = text or None
        record.source_field = "AB" if text else None
        record.copyright = tail
    ci = " ".join(normalise_space(c) for c in _list(rec, "CI")).strip()
    if ci:
        record.copyright = ci if not record.copyright else f"{ci} {record.copyright}"
    record.title = clean_text(_text(rec, "TI") or _text(rec, "BTI") or _text(rec, "TT")) or None
    record.authors = dedupe(map(clean_text, _list(rec, "FAU") or _list(rec, "AU")))
    record.authors += [a for a in dedupe(map(clean_text, _list(rec, "CN"))) if a not in record.authors]
    record.year = parse_year(_text(rec, "DP"), _text(rec, "DEP"), _text(rec, "EDAT"))
    record.journal = clean_text(_text(rec, "JT") or _text(rec, "TA")) or None
    ids = [v for v in [*_list(rec, "LID"), *_list(rec, "AID")] if _DOI_MARK_RE.search(v)]
    record.doi = first_doi(ids)
    pmid_value = (_text(rec, "PMID") or "").split()
    record.pmid = digits_pmid(pmid_value[0]) if pmid_value else None
    record.keywords = dedupe(map(clean_text, [*_list(rec, "OT"), *_list(rec, "MH")]))
    return record


def read_medline_lines(
    lines: list[str], name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    for index, chunk in enumerate(iter_medline_chunks(lines)):
        record = RawRecord(path=name, index=index, format="medline", line=chunk.line)
        build_medline_record(_fields(record, nul_warning(record, chunk.lines)), record)
        outside_warning(record, chunk.outside)
        add_file_warnings(record, file_warnings or [])
        yield record
