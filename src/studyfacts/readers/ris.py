"""RIS in all the dialects seen in the wild, and Web of Science tagged files.

Records are found here, line by line, so that each record knows the line it starts
on; each record's lines are then read into tags (`_parse_tagged`) as `rispy`'s
`RisParser` / `WokParser` read them when configured to keep every tag, in order, as a
list, with the tolerant tag pattern of this module (a test holds the two equal).

Tolerated:

* the one-space variant ``TY - JOUR`` (stock rispy silently finds zero records);
  in such files one-space tags are accepted only for known RIS tag names, so a
  wrapped abstract line such as ``UK - wide cohorts ...`` stays text;
* untagged continuation lines (joined to the previous field; for list fields such
  as KW and AU each line is one more item);
* a missing ``ER`` (the record still comes out, with a warning), text outside records
  (ignored; a warning unless it is a record number line such as ``12.``);
* ``ER`` counts as the end only when nothing follows the dash, so an abstract line
  ``ER - positive tumours ...`` or ``ER then ...`` stays text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import regex

from ..regexcache import cached_compile
from .base import RawRecord
from .clean import clean_abstract, clean_text
from .fields import (
    dedupe,
    digits_pmid,
    first_doi,
    is_url,
    parse_year,
    pick_journal,
    pmid_in_url,
    same_text,
)
from .textlines import Chunk, add_file_warnings, nul_warning, outside_warning

# Tags defined by the RIS specification plus those vendors add (Ovid AI, Embase LK,
# WoS C6/C7, Scopus/EndNote DB/DP ...). Used to accept one-space tag lines.
KNOWN_TAGS = frozenset(
    """
    TY A1 A2 A3 A4 AB AD AI AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CT CY DA DB DI DO DP
    ED EP ER ET GA ID IS J1 J2 JA JF JO KW L1 L2 L3 L4 LA LB LK M1 M2 M3 N1 N2 NV OP PB PP PY
    RI RN RP SE SN SP ST T1 T2 T3 TA TI TT U1 U2 U3 U4 U5 UR VL VO Y1 Y2 Y3
    """.split()
)

_TWO_SPACE_RE = cached_compile(r"^([A-Z][A-Z0-9])  -(.*)$")
_LOOSE_RE = cached_compile(r"^([A-Z][A-Z0-9])(?: |   )-(?: (.*))?$")
_TY_RE = cached_compile(r"^TY {1,3}-(?: |$)")
_ER_RE = cached_compile(r"^ER {1,3}-\s*$")
# Outside records, silently ignored: record numbers ("12."), and Ovid's per-record
# trailer (an "NL - journal" line and "Link to the Ovid Full Text ..." lines after ER).
_BENIGN_OUTSIDE_RE = cached_compile(r"^\s*(?:\d{1,7}\.?\s*|Link to the (?:Ovid|External)\b.*|NL {1,2}- .*)$")


# The characters `_TWO_SPACE_RE` accepts in a tag, for the string test in `_classify`.
_TAG_FIRST = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_TAG_SECOND = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _classify(line: str, loose: bool) -> tuple[str | None, str]:
    """(tag, content) for a tag line, (None, line) for a continuation line.

    TY and ER are recognised in every spacing, exactly as the record finder does,
    so the finder and the parser always agree on where a record starts and ends.
    """
    # Speed: three lines in four are standard "XX  - ..." tag lines; this string test is
    # exactly `_TWO_SPACE_RE` (lines never hold "\n"), and it gives TY and ER lines of
    # that spacing what the checks below would too: _TY_RE's content is line[5:]
    # stripped, and a line _ER_RE matches is white space after the dash.
    if line[2:5] == "  -" and line[:1] in _TAG_FIRST and line[1:2] in _TAG_SECOND:
        return line[:2], line[5:].strip()
    if line.startswith("TY") and _TY_RE.match(line):
        return "TY", line.split("-", 1)[1].strip()
    if line.startswith("ER") and _ER_RE.match(line):
        return "ER", ""
    # (_TWO_SPACE_RE cannot match here: the test above failed)
    if loose:
        match = _LOOSE_RE.match(line)
        if match and match.group(1) in KNOWN_TAGS:
            return match.group(1), (match.group(2) or "").strip()
    return None, line.strip()


def _ris_line(line: str) -> tuple[str | None, str]:
    """A line of a standard ("TY  - ") RIS record: (tag, content), or (None, text)."""
    # `_classify`'s first test, repeated here so that the common line costs one call, not two
    if line[2:5] == "  -" and line[:1] in _TAG_FIRST and line[1:2] in _TAG_SECOND:
        return line[:2], line[5:].strip()
    return _classify(line, False)


def _loose_ris_line(line: str) -> tuple[str | None, str]:
    """A line of a one-space dialect record: known tag names are tags with one space too."""
    return _classify(line, True)


def _wos_line(line: str) -> tuple[str | None, str]:
    """A Web of Science line is a tag line only if it looks like one."""
    match = _WOS_TAG_RE.match(line)
    if match:
        return match.group(1), (match.group(2) or "").strip()
    return None, line.strip()


_WOS_IGNORE = frozenset({"FN", "VR", "EF"})


def _parse_tagged(
    lines: list[str], parse_line: Callable[[str], tuple[str | None, str]], start_tag: str,
    ignore: frozenset[str] = frozenset(),
) -> dict[str, Any] | None:
    """One record's tags, or None when it has no start or no ER line.

    The start tag's content is a string; every other tag's values are a list, in order,
    one item per tag line and per continuation line (a continuation line before any
    other tag goes under the key None); tags in `ignore` are dropped; ER ends the record."""
    it = iter(lines)
    for line in it:
        tag, content = parse_line(line)
        if tag == start_tag:
            record: dict[Any, Any] = {start_tag: content}
            break
    else:
        return None
    last: str | None = None
    for line in it:
        tag, content = parse_line(line)
        if tag is None:
            record.setdefault(last, []).append(content)
        elif tag in ignore:
            continue
        elif tag == "ER":
            return record
        else:
            record.setdefault(tag, []).append(content)
            last = tag
    return None


_WOS_TAG_RE = cached_compile(r"^([A-Z][A-Z0-9])(?: (.*))?$")
_WOS_PT_RE = cached_compile(r"^PT(?: .*)?$")
_WOS_ER_RE = cached_compile(r"^ER\s*$")
_WOS_FILE_TAG_RE = cached_compile(r"^(?:FN|VR|EF)(?: |$)")
_PMID_MARK_RE = cached_compile(r"\[(?:pmid|pubmed)\]", flags=regex.I)


# ---------------------------------------------------------------------------
# Record finding
# ---------------------------------------------------------------------------


def iter_ris_chunks(lines: list[str]) -> Iterator[Chunk]:
    """Split RIS lines into records; a record's trailing outside text travels with it."""
    return _iter_chunks(lines, "TY", _TY_RE, "ER", _ER_RE, _BENIGN_OUTSIDE_RE)


def iter_wos_chunks(lines: list[str]) -> Iterator[Chunk]:
    """Split Web of Science tagged lines (PT ... ER) into records; FN/VR/EF file tags are not outside text."""
    return _iter_chunks(lines, "PT", _WOS_PT_RE, "ER", _WOS_ER_RE, _WOS_FILE_TAG_RE)


def _iter_chunks(
    lines: list[str],
    start_tag: str,
    start_re: regex.Pattern[str],
    end_tag: str,
    end_re: regex.Pattern[str],
    benign_re: regex.Pattern[str],
) -> Iterator[Chunk]:
    """Records from `start_re` to `end_re`; a record with no end line ends where the next starts
    (or at the end of the file), and says so. Non-blank lines between records that `benign_re`
    does not excuse are kept as outside text, to be warned about.

    `start_re` and `end_re` match only lines that start with `start_tag` / `end_tag`: that
    string test comes first, as it is much cheaper than a regex match on every line."""
    current: Chunk | None = None
    in_record = False
    leading: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if line.startswith(start_tag) and start_re.match(line):
            if current is not None:
                if in_record:  # no end line before the next record
                    current.ended = False
                    current.end_line = _last_text_line(current)
                    current.end_reason = f"the next record starts on line {i + 1}"
                yield current
            current = Chunk.opening(i, line, leading)
            in_record = True
            continue
        if in_record:
            assert current is not None
            current.lines.append(line)
            if line.startswith(end_tag) and end_re.match(line):
                in_record = False
            continue
        # outside any record
        if line.strip() and not benign_re.match(line):
            if current is None:
                leading.append((i + 1, line))
            else:
                current.outside.append((i + 1, line))
    if current is not None:
        if in_record:
            current.ended = False
            current.end_line = _last_text_line(current)
            current.end_reason = "the file ends"
        yield current


def _last_text_line(chunk: Chunk) -> int:
    """1-based number of the last non-blank line of a chunk."""
    offset = len(chunk.lines) - 1
    while offset > 0 and not chunk.lines[offset].strip():
        offset -= 1
    return chunk.start + offset + 1


# ---------------------------------------------------------------------------
# Field mapping
# ---------------------------------------------------------------------------

_TEXT_JOIN = " "


def _stripped(rec: dict[str, Any], tag: str) -> list[str]:
    """The tag's string values, stripped, blank ones left out."""
    value = rec.get(tag)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    return [text for v in value if isinstance(v, str) and (text := v.strip())]


def _joined(rec: dict[str, Any], tag: str) -> str | None:
    """All values of a text tag (continuation lines, repeats) joined by a space."""
    parts = _stripped(rec, tag)
    return _TEXT_JOIN.join(parts) if parts else None


def _items(rec: dict[str, Any], *tags: str) -> list[str]:
    out: list[str] = []
    for tag in tags:
        if tag in rec:  # most of the tags asked for are absent: no call for them
            out.extend(_stripped(rec, tag))
    return out


_PUBMED_DB_RE = cached_compile(r"medline|pubmed|\bnlm\b", flags=regex.I)
_OVID_MEDLINE_URL_RE = cached_compile(r"[?&]D=(?:med|prem)\w*&.*?\bAN=(\d{1,9})\b", flags=regex.I)


def build_ris_record(rec: dict[str, Any], record: RawRecord) -> RawRecord:
    """Fill a RawRecord from a rispy dict of raw tags."""
    # --- abstract: AB or N2, whichever looks like the abstract
    best: tuple[str, str | None, str] | None = None
    for tag in ("AB", "N2"):
        raw = _joined(rec, tag)
        if not raw:
            continue
        text, copyright = clean_abstract(raw)
        if text and (best is None or len(text) > len(best[0])):
            best = (text, copyright, tag)
        elif not text and copyright and best is None:
            record.copyright = copyright
    if best:
        record.abstract, record.copyright, record.source_field = best

    # --- journal and title
    journal_fields = [v for t in ("JF", "JO", "JA") for v in [_joined(rec, t)] if v and not is_url(v)]
    t2 = _joined(rec, "T2")
    title = clean_text(
        _joined(rec, "TI")
        or _joined(rec, "T1")
        or _joined(rec, "CT")
        or _joined(rec, "ST")
        or _joined(rec, "BT")
    )
    t2_is_subtitle = bool(
        t2
        and journal_fields
        and not any(same_text(t2, j) for j in journal_fields)
        and not same_text(t2, _joined(rec, "J2"))
    )
    if t2_is_subtitle and t2:
        subtitle = clean_text(t2)
        if title and subtitle and subtitle.casefold() not in title.casefold():
            title = f"{title.rstrip(' :')}: {subtitle}"
        elif not title:
            title = subtitle
    record.title = title or None
    record.journal = pick_journal(
        [*journal_fields, None if t2_is_subtitle else t2, _joined(rec, "J2"), _joined(rec, "J1")]
    )

    # --- people, dates, ids
    record.authors = dedupe(map(clean_text, _items(rec, "AU", "A1")))
    record.year = parse_year(_joined(rec, "PY"), _joined(rec, "Y1"), _joined(rec, "DA"))
    record.doi = first_doi([*_items(rec, "DO"), *_items(rec, "DI")]) or first_doi(
        _items(rec, "U2", "M3", "L2", "UR", "M1"), require_prefix_or_start=True
    )

    accession = _joined(rec, "AN")
    record.accession = accession
    pmid = None
    for value in _items(rec, "C2"):
        pmid = digits_pmid(value)
        if pmid:
            break
    if not pmid:
        for value in _items(rec, "U1", "U2", "M2", "C1", "C3"):
            if _PMID_MARK_RE.search(value):
                pmid = digits_pmid(value)
                if pmid:
                    break
    provider = " ".join(_items(rec, "DB", "DP"))
    if not pmid and accession and _PUBMED_DB_RE.search(provider):
        pmid = digits_pmid(accession)
    if not pmid:
        for value in _items(rec, "UR", "L2", "LK", "L1"):
            match = _OVID_MEDLINE_URL_RE.search(value)
            pmid = match.group(1) if match else pmid_in_url(value)
            if pmid:
                break
    record.pmid = pmid
    record.keywords = dedupe(map(clean_text, _items(rec, "KW")))
    return record


def build_wos_record(rec: dict[str, Any], record: RawRecord) -> RawRecord:
    raw = _joined(rec, "AB")
    if raw:
        text, copyright = clean_abstract(raw)
        record.abstract = text or None
        record.copyright = copyright
        record.source_field = "AB" if text else None
    record.title = clean_text(_joined(rec, "TI")) or None
    record.journal = pick_journal([_joined(rec, "SO"), _joined(rec, "JI"), _joined(rec, "J9")])
    record.authors = dedupe(clean_text(a) for a in (_items(rec, "AF") or _items(rec, "AU")))
    record.year = parse_year(_joined(rec, "PY"), _joined(rec, "PD"), _joined(rec, "EA"))
    record.doi = first_doi(_items(rec, "DI", "DL"))
    record.pmid = digits_pmid(_joined(rec, "PM"))
    record.accession = _joined(rec, "UT")
    keywords: list[str] = []
    for tag in ("DE", "ID"):
        joined = _joined(rec, tag)
        if joined:
            keywords.extend(k.strip() for k in joined.split(";"))
    record.keywords = dedupe(clean_text(k) for k in keywords)
    return record


# ---------------------------------------------------------------------------
# Readers
# ---------------------------------------------------------------------------


def _finish(record: RawRecord, chunk: Chunk, end_tag: str) -> None:
    if not chunk.ended:
        record.warn(
            f"record has no {end_tag} line; read up to line {chunk.end_line} ({chunk.end_reason})",
            chunk.end_line,
        )
    outside_warning(record, chunk.outside)


def read_ris_lines(
    lines: list[str], name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    def parse(chunk: Chunk, lines: list[str]) -> dict[str, Any] | None:
        # a record whose TY line is not the standard "TY  - " is read in the loose
        # dialect: one-space tags are accepted for known tag names
        loose = not chunk.lines[0].startswith("TY  -")
        return _parse_tagged(lines, _loose_ris_line if loose else _ris_line, "TY")

    return _read_chunks(iter_ris_chunks(lines), name, "ris", parse, "ER  - ", {"TY": ""}, build_ris_record,
                        file_warnings)


def read_wos_lines(
    lines: list[str], name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    def parse(chunk: Chunk, lines: list[str]) -> dict[str, Any] | None:
        return _parse_tagged(lines, _wos_line, "PT", _WOS_IGNORE)

    return _read_chunks(iter_wos_chunks(lines), name, "wos-tagged", parse, "ER", {"PT": ""}, build_wos_record,
                        file_warnings)


def _read_chunks(
    chunks: Iterator[Chunk],
    name: str,
    fmt: str,
    parse: Callable[[Chunk, list[str]], dict[str, Any] | None],
    end_line: str,
    empty: dict[str, Any],
    build: Callable[[dict[str, Any], RawRecord], RawRecord],
    file_warnings: list[str] | None,
) -> Iterator[RawRecord]:
    """One RawRecord per chunk; a chunk cut short gets its end line back before parsing, and a warning."""
    for index, chunk in enumerate(chunks):
        record = RawRecord(path=name, index=index, format=fmt, line=chunk.line)
        body = nul_warning(record, chunk.lines)
        parsed = parse(chunk, body if chunk.ended else [*body, end_line])
        build(parsed if parsed is not None else dict(empty), record)
        _finish(record, chunk, "ER")
        add_file_warnings(record, file_warnings or [])
        yield record
