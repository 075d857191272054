"""EndNote XML (`<xml><records><record>...`), as exported by EndNote ("XML" output style).

Field text sits inside `<style face=... font=... size=...>` wrappers (sometimes
several per field); `itertext` flattens them. Line breaks inside a field are
written as `&#xD;`, which separate list values in some fields (ISBN, addresses).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import BinaryIO

import regex

from ..regexcache import cached_compile
from .base import RawRecord
from .clean import clean_abstract, clean_text
from .fields import dedupe, digits_pmid, first_doi, parse_year, pick_journal, pmid_in_url
from .pubmed_xml import read_xml_records

_PUBMED_PROVIDER_RE = cached_compile(r"\bnlm\b|pubmed|medline", flags=regex.I)


def is_endnote_record(name: str, stack: list[str]) -> bool:
    return name == "record" and bool(stack) and stack[-1] == "records"


def _raw(element: ET.Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext())


def _field(record_el: ET.Element, path: str) -> str:
    return clean_text(_raw(record_el.find(path)))


def build_endnote_record(element: ET.Element, record: RawRecord) -> RawRecord:
    raw_abstract = _raw(element.find("abstract"))
    if raw_abstract.strip():
        text, copyright = clean_abstract(raw_abstract)
        record.abstract = text or None
        record.source_field = "abstract" if text else None
        record.copyright = copyright
    record.title = _field(element, "titles/title") or None
    record.journal = pick_journal(
        [
            _field(element, "periodical/full-title"),
            _field(element, "titles/secondary-title"),
            _field(element, "alt-periodical/full-title"),
            _field(element, "periodical/abbr-1"),
            _field(element, "titles/alt-title"),
        ]
    )
    record.authors = dedupe(clean_text(_raw(a)) for a in element.findall("contributors/authors/author"))
    record.year = parse_year(_field(element, "dates/year"), _field(element, "dates/pub-dates/date"))
    record.doi = first_doi([_raw(element.find("electronic-resource-num"))]) or first_doi(
        [_raw(u) for u in element.findall("urls/related-urls/url")], require_prefix_or_start=True
    )
    accession = _field(element, "accession-num")
    record.accession = accession or None
    provider = " ".join(
        _field(element, p) for p in ("remote-database-provider", "remote-database-name", "database")
    )
    pmid = None
    if accession and _PUBMED_PROVIDER_RE.search(provider):
        pmid = digits_pmid(accession)
    if pmid is None:
        for url in element.findall("urls/related-urls/url"):
            pmid = pmid_in_url(_raw(url))
            if pmid:
                break
    record.pmid = pmid
    record.keywords = dedupe(clean_text(_raw(k)) for k in element.findall("keywords/keyword"))
    return record


def read_endnote_xml(
    stream: BinaryIO, name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    yield from read_xml_records(
        stream, name, "endnote-xml", is_endnote_record, build_endnote_record, file_warnings
    )
