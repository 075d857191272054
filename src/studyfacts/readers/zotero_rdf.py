"""Zotero RDF (File > Export Library > "Zotero RDF"), read with the streaming, entity-safe XML reader.

The top-level nodes of `rdf:RDF` are items (`bib:Article`, `bib:Book` ... each with a
`z:itemType`), and beside them attachments (`z:Attachment`), notes (`bib:Memo`) and
containers (`bib:Journal`, linked from the item by `dcterms:isPartOf rdf:resource`,
or nested inside that element). Every node with an item type other than attachment or
note is a record. A container usually comes right after its item, so each item is held
back until the next item (or the end): containers met by then are looked up by their
`rdf:about`. Zotero writes the DOI of a journal article on its container
(`dc:identifier` "DOI 10...."), and the PMID in `dc:description` ("PMID: 123").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO


from ..regexcache import cached_compile
from .base import RawRecord, ReaderError
from .clean import clean_abstract, clean_text
from .fields import dedupe, first_doi, parse_year, pick_journal
from .xmlstream import XmlBreak, iter_xml_records

_RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
_ABOUT = _RDF + "about"
_RESOURCE = _RDF + "resource"
_NOT_ITEMS = frozenset({"attachment", "note"})
_PMID_RE = cached_compile(r"\bPMID:?\s*(\d{1,9})\b")


def _top_level(name: str, stack: list[str]) -> bool:
    return len(stack) == 1 and stack[0] == "RDF"


def _text(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext())


def _item_type(element: ET.Element) -> str | None:
    found = element.find("itemType")
    return _text(found).strip() if found is not None else None


def _people(element: ET.Element) -> list[str]:
    out = []
    for person in element.iterfind("authors/Seq/li/Person"):
        surname = clean_text(_text(person.find("surname")))
        given = clean_text(_text(person.find("givenName")))
        out.append(f"{surname}, {given}" if surname and given else surname or given)
    return dedupe(out)


def build_rdf_record(element: ET.Element, containers: dict[str, ET.Element], record: RawRecord) -> RawRecord:
    raw = _text(element.find("abstract"))
    if raw.strip():
        text, copyright = clean_abstract(raw)
        record.abstract = text or None
        record.source_field = "dcterms:abstract" if text else None
        record.copyright = copyright
    record.title = clean_text(_text(element.find("title"))) or None
    record.authors = _people(element)
    record.year = parse_year(_text(element.find("date")))
    part_of = element.find("isPartOf")
    container: ET.Element | None = None
    if part_of is not None:
        container = next(iter(part_of), None)
        if container is None:
            container = containers.get(part_of.get(_RESOURCE, ""))
    identifiers = [_text(i) for i in element.iterfind("identifier")]
    if container is not None:
        record.journal = pick_journal([_text(container.find("title")), _text(container.find("alternative"))])
        identifiers += [_text(i) for i in container.iterfind("identifier")]
    dois = [i.strip()[4:] for i in identifiers if i.strip().upper().startswith("DOI ")]
    record.doi = first_doi(dois) or first_doi(identifiers, require_prefix_or_start=True)
    for description in element.iterfind("description"):
        match = _PMID_RE.search(_text(description))
        if match:
            record.pmid = match.group(1)
            break
    record.accession = element.get(_ABOUT) or None
    record.keywords = dedupe(clean_text(_text(s)) for s in element.iterfind("subject"))
    return record


def read_zotero_rdf(stream: BinaryIO, name: str, file_warnings: list[str] | None = None) -> Iterator[RawRecord]:
    containers: dict[str, ET.Element] = {}
    pending: tuple[ET.Element, int | None, bool] | None = None  # the last item, until the next one
    index = 0

    def finish(item: tuple[ET.Element, int | None, bool]) -> RawRecord:
        nonlocal index
        element, line, _partial = item
        record = RawRecord(path=name, index=index, format="zotero-rdf", line=line)
        index += 1
        try:
            build_rdf_record(element, containers, record)
        except Exception as exc:  # noqa: BLE001 - an item that cannot be mapped still comes out
            record.warn(f"record could not be read fully: {type(exc).__name__}: {exc}")
        for message in file_warnings or []:
            record.warn(message)
        return record

    try:
        for node in iter_xml_records(stream, _top_level):
            if isinstance(node, XmlBreak):
                if node.refused:
                    raise ReaderError(name, node.message, node.line)
                if pending is None:
                    raise ReaderError(name, f"{node.message}; no record could be read", node.line)
                record = finish(pending)
                if pending[2]:
                    tail = "this record is incomplete (only the part before the break was read)"
                else:
                    tail = "anything after this record could not be read"
                record.warn(f"{node.message}; {tail}", node.line)
                pending = None
                yield record
                break
            element = node.element
            about = element.get(_ABOUT)
            kind = _item_type(element)
            if kind is None or kind in _NOT_ITEMS:
                if kind is None and about and element.find("title") is not None:
                    containers[about] = element  # a journal, book series ...: small, kept
                continue
            if pending is not None:
                yield finish(pending)
            pending = (element, node.line, node.partial)
        if pending is not None:
            yield finish(pending)
    finally:
        stream.close()
    if index == 0:
        raise ReaderError(name, "Zotero RDF holds no items (only attachments, notes or nothing)")
