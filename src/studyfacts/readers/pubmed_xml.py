"""PubMed XML: `PubmedArticleSet` (efetch / download) and `MedlineCitationSet` (old baseline).

Streamed with `xmlstream` (expat, with defusedxml's protections): one record per
`PubmedArticle`, `PubmedBookArticle`, or top-level `MedlineCitation`. Only the
article's own elements are read (`MedlineCitation/Article/ArticleTitle`,
`PubmedData/ArticleIdList`), never those inside `<ReferenceList>` /
`<CommentsCorrectionsList>`; those and the other subtrees in `_UNREAD` are not even
built.

Abstract: the `AbstractText` sections in order, a labelled one as ``LABEL: text``,
separated by a space; inline markup (`<i>`, `<sub>`, `<sup>`, `<b>`) becomes plain
text. `CopyrightInformation` goes to `copyright`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Collection, Iterator
from typing import BinaryIO

from .base import RawRecord, ReaderError
from .clean import clean_abstract, clean_text, normalise_space
from .fields import dedupe, digits_pmid, normalise_doi, parse_year
from .xmlstream import XmlBreak, iter_xml_records

_RECORD_TAGS = frozenset({"PubmedArticle", "PubmedBookArticle"})


def _unread_paths() -> frozenset[tuple[str, ...]]:
    """Subtrees `build_pubmed_record` never looks into, by path from the record element.

    Building them is a good part of the cost of a record that cites many references
    (`ReferenceList`) or has a long `History`; `xmlstream` parses but does not build
    them. Safe only because neither they, nor the text around them, nor any
    ancestor's `itertext` is read: every parent here is only searched with
    `find`/`findall` for other children (tests/test_readers_xmlstream.py checks the
    fields come out the same). Only subtrees of several elements are worth naming.
    """
    in_citation = (
        "CommentsCorrectionsList", "ChemicalList", "SupplMeshList", "DateRevised", "GeneSymbolList",
        "PersonalNameSubjectList", "OtherAbstract", "InvestigatorList",
    )  # fmt: skip
    in_article = ("GrantList", "PublicationTypeList", "DataBankList", "Pagination")
    in_pubmed_data = ("ReferenceList", "History", "ObjectList")
    paths: set[tuple[str, ...]] = set()
    for citation in (("PubmedArticle", "MedlineCitation"), ("MedlineCitation",)):
        paths.update((*citation, name) for name in in_citation)
        paths.update((*citation, "Article", name) for name in in_article)
        paths.add((*citation, "Article", "AuthorList", "Author", "AffiliationInfo"))
    paths.update(("PubmedArticle", "PubmedData", name) for name in in_pubmed_data)
    book = ("PubmedBookArticle", "BookDocument")
    paths.update((*book, name) for name in ("ReferenceList", "Sections", "GrantList", "InvestigatorList"))
    paths.add((*book, "AuthorList", "Author", "AffiliationInfo"))
    paths.add(("PubmedBookArticle", "PubmedBookData", "History"))
    return frozenset(paths)


_UNREAD = _unread_paths()


def is_pubmed_record(name: str, stack: list[str]) -> bool:
    if name in _RECORD_TAGS:
        return True
    # baseline files: MedlineCitation directly under MedlineCitationSet (or as the root)
    return name == "MedlineCitation" and (not stack or stack[-1] == "MedlineCitationSet")


def _text(element: ET.Element | None) -> str:
    if element is None:
        return ""
    if len(element):
        return normalise_space("".join(element.itertext()))
    # most elements read (names, MeSH terms, ids) have no children: their text is all
    # itertext would give, without building the iterator and the join
    text = element.text
    return normalise_space(text) if text else ""


def _grandchildren(element: ET.Element, child: str, grandchild: str) -> list[ET.Element]:
    """`element.findall(f"{child}/{grandchild}")`, in the same order: a path with "/" goes
    through ElementPath (Python), while a plain tag name is searched for in C."""
    return [found for parent in element.findall(child) for found in parent.findall(grandchild)]


def _abstract(abstract: ET.Element | None) -> tuple[str, str | None]:
    if abstract is None:
        return "", None
    parts = []
    for section in abstract.findall("AbstractText"):
        text = normalise_space("".join(section.itertext()))
        label = normalise_space(section.get("Label") or "")
        if label and text:
            parts.append(f"{label}: {text}")
        elif text:
            parts.append(text)
        elif label:
            parts.append(f"{label}:")
    copyright = _text(abstract.find("CopyrightInformation")) or None
    text, tail = clean_abstract(" ".join(parts))
    if tail:
        copyright = f"{copyright} {tail}" if copyright else tail
    return text, copyright


def _author(author: ET.Element) -> str:
    collective = _text(author.find("CollectiveName"))
    if collective:
        return collective
    last = _text(author.find("LastName"))
    fore = _text(author.find("ForeName")) or _text(author.find("FirstName")) or _text(author.find("Initials"))
    suffix = _text(author.find("Suffix"))
    name = f"{last}, {fore}" if last and fore else last or fore
    return f"{name} {suffix}" if name and suffix else name  # "Dimar, John R 2nd", as MEDLINE has it


def _mesh(heading: ET.Element) -> str | None:
    """A MeSH heading as MEDLINE text writes it: "*Descriptor" or "Descriptor/*qualifier/qualifier"."""
    descriptor = heading.find("DescriptorName")
    name = _text(descriptor)
    if descriptor is None or not name:
        return None
    out = ("*" if descriptor.get("MajorTopicYN") == "Y" else "") + name
    for qualifier in heading.findall("QualifierName"):
        text = _text(qualifier)
        if text:
            out += "/" + ("*" if qualifier.get("MajorTopicYN") == "Y" else "") + text
    return out


def build_pubmed_record(element: ET.Element, record: RawRecord) -> RawRecord:
    if element.tag == "PubmedBookArticle":
        citation = element.find("BookDocument")
        article = citation
        pubmed_data = element.find("PubmedBookData")
    elif element.tag == "MedlineCitation":
        citation = element
        article = element.find("Article")
        pubmed_data = None
    else:
        citation = element.find("MedlineCitation")
        article = citation.find("Article") if citation is not None else None
        pubmed_data = element.find("PubmedData")

    if citation is not None:
        record.pmid = digits_pmid(citation.findtext("PMID"))
    if article is not None:
        text, copyright = _abstract(article.find("Abstract"))
        record.abstract = text or None
        record.source_field = "AbstractText" if text else None
        record.copyright = copyright
        title = _text(article.find("ArticleTitle")) or _text(article.find("VernacularTitle"))
        if not title and element.tag == "PubmedBookArticle":
            title = _text(article.find("Book/BookTitle"))
        record.title = clean_text(title) or None
        journal = article.find("Journal")
        if journal is not None:
            record.journal = _text(journal.find("Title")) or _text(journal.find("ISOAbbreviation")) or None
            pub_dates = _grandchildren(journal, "JournalIssue", "PubDate")
            pub_date = pub_dates[0] if pub_dates else None
            if pub_date is not None:
                record.year = parse_year(pub_date.findtext("Year"), pub_date.findtext("MedlineDate"))
        if record.year is None:
            record.year = parse_year(
                article.findtext("ArticleDate/Year"),
                article.findtext("Book/PubDate/Year"),
                article.findtext("PubDate/Year"),
            )
        authors = article.find("AuthorList")
        if authors is not None:
            # ValidYN="N": a misspelt name kept after an erratum; MEDLINE text leaves it out
            record.authors = dedupe(_author(a) for a in authors.findall("Author") if a.get("ValidYN") != "N")
        for location in article.findall("ELocationID"):
            if (location.get("EIdType") or "").lower() == "doi":
                record.doi = normalise_doi(_text(location))
                if record.doi:
                    break
    if citation is not None:
        if record.journal is None:
            record.journal = _text(citation.find("MedlineJournalInfo/MedlineTA")) or None
        if record.year is None:
            record.year = parse_year(
                citation.findtext("DateCompleted/Year"), citation.findtext("DateCreated/Year")
            )
        keywords = []
        for keyword in _grandchildren(citation, "KeywordList", "Keyword"):
            text = _text(keyword)
            if text:  # as MEDLINE text writes it
                keywords.append(("*" if keyword.get("MajorTopicYN") == "Y" else "") + text)
        keywords.extend(m for h in _grandchildren(citation, "MeshHeadingList", "MeshHeading") if (m := _mesh(h)))
        record.keywords = dedupe(k for k in keywords if k)
    if pubmed_data is not None:
        for article_id in _grandchildren(pubmed_data, "ArticleIdList", "ArticleId"):
            id_type = (article_id.get("IdType") or "").lower()
            if id_type == "doi":
                doi = normalise_doi(_text(article_id))
                if doi:
                    record.doi = doi
                    break
        if record.pmid is None:
            for article_id in _grandchildren(pubmed_data, "ArticleIdList", "ArticleId"):
                if (article_id.get("IdType") or "").lower() == "pubmed":
                    record.pmid = digits_pmid(_text(article_id))
                    break
    return record


def read_pubmed_xml(
    stream: BinaryIO, name: str, file_warnings: list[str] | None = None
) -> Iterator[RawRecord]:
    yield from read_xml_records(
        stream, name, "pubmed-xml", is_pubmed_record, build_pubmed_record, file_warnings, skip=_UNREAD
    )


def read_xml_records(
    stream: BinaryIO,
    name: str,
    fmt: str,
    is_record: Callable[[str, list[str]], bool],
    build: Callable[[ET.Element, RawRecord], RawRecord],
    file_warnings: list[str] | None = None,
    *,
    skip: Collection[tuple[str, ...]] = (),
) -> Iterator[RawRecord]:
    """Shared driver for the XML formats; `skip`: subtrees `build` never reads (see
    `xmlstream.iter_xml_records`).

    One record of lookahead, so that a break in the XML (truncation, malformed
    markup) can be reported on the last record read: the partial record if the
    break fell inside one, else the last complete record. A break before any record
    raises `ReaderError`; so does a refused entity declaration, at any point.
    """
    pending: RawRecord | None = None
    pending_partial = False
    index = 0
    try:
        for item in iter_xml_records(stream, is_record, skip):
            if isinstance(item, XmlBreak):
                if item.refused:
                    raise ReaderError(name, item.message, item.line)
                if pending is None:
                    raise ReaderError(name, f"{item.message}; no record could be read", item.line)
                if pending_partial:
                    tail = "this record is incomplete (only the part before the break was read)"
                else:
                    tail = "the file breaks off after this record; anything after it could not be read"
                pending.warn(f"{item.message}; {tail}", item.line)
                continue
            record = RawRecord(path=name, index=index, format=fmt, line=item.line)
            index += 1
            try:
                build(item.element, record)
            except Exception as exc:  # noqa: BLE001 - a record that cannot be mapped still comes out
                record.warn(f"record could not be read fully: {type(exc).__name__}: {exc}")
            for message in file_warnings or []:
                record.warn(message)
            item.element.clear()
            if pending is not None:
                yield pending
            pending, pending_partial = record, item.partial
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    if pending is not None:
        yield pending
    else:
        raise ReaderError(name, f"no records found: the XML holds no {fmt} record elements")
