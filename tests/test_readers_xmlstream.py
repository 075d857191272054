"""xmlstream: records built straight from expat match what ElementTree builds; errors,
refusals and line numbers read as ElementTree/defusedxml report them; skipped subtrees."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from defusedxml import EntitiesForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from studyfacts.readers import xmlstream
from studyfacts.readers.base import RawRecord
from studyfacts.readers.pubmed_xml import _UNREAD, build_pubmed_record, is_pubmed_record
from studyfacts.readers.xmlstream import XmlBreak, XmlRecord, iter_xml_records

Tree = tuple[str, list[tuple[str, str]], str | None, str | None, list[Any]]


def _is_rec(name: str, stack: list[str]) -> bool:
    return name == "rec" and bool(stack) and stack[-1] == "set"


def _items(data: bytes, **kw: Any) -> list[XmlRecord | XmlBreak]:
    return list(iter_xml_records(io.BytesIO(data), _is_rec, **kw))


def _dump(element: ET.Element, *, tail: bool = True) -> Tree:
    return (
        element.tag,
        list(element.attrib.items()),
        element.text,
        element.tail if tail else None,
        [_dump(child) for child in element],
    )


def _local(element: ET.Element) -> ET.Element:
    """ElementTree's tree with ``{uri}`` dropped from tags (not from attribute names)."""
    for el in element.iter():
        el.tag = el.tag.rsplit("}", 1)[-1]
    return element


def _defused_error(data: bytes) -> BaseException:
    """What defusedxml's ElementTree parser (the one xmlstream used to drive) raises."""
    parser = DefusedXMLParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    with pytest.raises(Exception) as info:
        parser.feed(data)
        parser.close()
    return info.value


MIXED = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b"<!-- a comment before the root -->\n"
    b'<set xmlns="urn:example:default" xmlns:m="urn:example:math">\n'
    b'  <rec id="r1" m:kind="x" xml:lang="en">\n'
    b"    <title>Caf&#233; &amp; <i>bar</i> &#x1F600; tail<![CDATA[ <raw> & ]]>end</title>\n"
    b"    <m:math m:display='block'>a<m:sup>2</m:sup>+b<!-- note --><?pi keep?>c</m:math>\n"
    b"    <empty/>\r\n"
    b'    <p a="1" b="&lt;2&gt;" c="&quot;">one<br/>two<br/>three</p>\n'
    b"  </rec>\n"
    b"  <other><rec>not a record: its parent is not set</rec></other>\n"
    b"  <rec>\n"
    b"    second &#169; <b>bold</b>\n"
    b"  </rec>\n"
    b"</set>\n"
)


def test_records_equal_elementtree_parse_of_the_same_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    expected_root = _local(ET.fromstring(MIXED))
    expected = [rec for rec in expected_root if rec.tag == "rec"]
    lines = [n for n, text in enumerate(MIXED.split(b"\n"), start=1) if text.strip().startswith(b"<rec")]
    for chunk in (xmlstream.CHUNK, 1, 7):  # element, entity and CDATA boundaries split across feeds
        monkeypatch.setattr(xmlstream, "CHUNK", chunk)
        items = _items(MIXED)
        assert all(isinstance(item, XmlRecord) and not item.partial for item in items)
        records = [item for item in items if isinstance(item, XmlRecord)]
        # the record element is handed out without its tail (it lies outside the record)
        assert [_dump(r.element) for r in records] == [_dump(e, tail=False) for e in expected]
        assert [r.line for r in records] == lines == [4, 11]
    first = records[0].element
    assert first.attrib == {
        "id": "r1",
        "{urn:example:math}kind": "x",
        "{http://www.w3.org/XML/1998/namespace}lang": "en",
    }
    assert "".join(first.find("title").itertext()) == "Café & bar \U0001f600 tail <raw> & end"  # type: ignore[union-attr]


def test_malformed_xml_gives_partial_record_and_elementtree_message() -> None:
    data = b"<set>\n<rec n='1'><a>one</a></rec>\n<rec n='2'>\n<a>two</a><b>three<c>four</b>\n</rec></set>\n"
    items = _items(data)
    assert [type(i).__name__ for i in items] == ["XmlRecord", "XmlRecord", "XmlBreak"]
    complete, partial, problem = items
    assert isinstance(complete, XmlRecord) and not complete.partial and complete.line == 2
    assert isinstance(partial, XmlRecord) and partial.partial and partial.line == 3
    # as far as it was read: the text being read when it broke is not flushed onto <c> yet
    assert _dump(partial.element) == (
        "rec", [("n", "2")], "\n", None,
        [("a", [], "two", None, []), ("b", [], "three", None, [("c", [], None, None, [])])],
    )  # fmt: skip
    error = _defused_error(data)
    assert isinstance(error, ParseError) and str(error).startswith("mismatched tag")
    assert isinstance(problem, XmlBreak) and not problem.refused
    assert problem.message == f"XML is malformed or truncated: {error}"
    assert problem.line == error.position[0] == 4


def test_truncated_xml_and_undefined_entity_under_external_dtd_read_as_before() -> None:
    truncated = b"<set><rec><a>x</a><b>y"
    *_, problem = _items(truncated)
    assert isinstance(problem, XmlBreak)
    assert problem.message == f"XML is malformed or truncated: {_defused_error(truncated)}"
    # an external DTD (never fetched) makes an undeclared entity legal to expat; ElementTree
    # then raises its own "undefined entity" error, and so must we
    data = b'<!DOCTYPE set SYSTEM "http://example.org/never-fetched.dtd">\n<set><rec>a &nbsp; b</rec></set>'
    error = _defused_error(data)
    assert str(error) == "undefined entity &nbsp;: line 2, column 12"
    partial, problem = _items(data)
    assert isinstance(partial, XmlRecord) and partial.partial
    assert isinstance(problem, XmlBreak) and not problem.refused
    assert (problem.message, problem.line) == (f"XML is malformed or truncated: {error}", 2)
    # predefined entities and character references, in records or between them, are
    # never taken for undeclared ones
    fine = data.replace(b"&nbsp;", b"&amp;&#160;&lt;").replace(b"<set>", b"<set>&lt;i&gt;&#65;")
    (record,) = _items(fine.replace(b"</set>", b"&amp;</set>"))
    assert isinstance(record, XmlRecord) and record.element.text == "a &\xa0< b"


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE set [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
        b'<!DOCTYPE set [<!ENTITY ext SYSTEM "file:///etc/hostname">]>',
        b'<!DOCTYPE set [<!ENTITY % pe SYSTEM "http://example.org/pe.dtd"> %pe;]>',
        b'<!DOCTYPE set [<!NOTATION n SYSTEM "viewer"><!ENTITY pic SYSTEM "pic.gif" NDATA n>]>',
    ],
)
def test_entity_declarations_refused_like_defusedxml(doctype: bytes) -> None:
    data = b'<?xml version="1.0"?>\n' + doctype + b"\n<set><rec>&lol2;</rec></set>"
    error = _defused_error(data)
    assert isinstance(error, EntitiesForbidden)
    (problem,) = _items(data)  # refused: no partial record, nothing expanded
    assert isinstance(problem, XmlBreak) and problem.refused and problem.line == 2
    assert f"({type(error).__name__}: {error})" in problem.message


def test_external_entity_reference_handler_refuses() -> None:
    from defusedxml import ExternalReferenceForbidden

    reader = xmlstream._RecordParser(_is_rec)
    with pytest.raises(ExternalReferenceForbidden):
        reader.parser.ExternalEntityRefHandler("ctx", None, "http://example.org/x", None)


SKIPPY = (
    b"<set><rec><keep>k<drop a='1'>gone<drop>nested same name</drop><x>y</x></drop>after</keep>"
    b"<drop>not on the path: kept</drop><keep><deep><drop>kept too</drop></deep></keep></rec></set>"
)


def test_skipped_subtree_is_not_in_the_element() -> None:
    (plain,) = _items(SKIPPY)
    (skipped,) = _items(SKIPPY, skip=[("rec", "keep", "drop")])
    assert isinstance(plain, XmlRecord) and isinstance(skipped, XmlRecord)
    assert [e.tag for e in plain.element.iter()].count("drop") == 4
    assert _dump(skipped.element) == (
        "rec", [], None, None,
        [
            ("keep", [], "kafter", None, []),  # the text after a skipped element joins the text before it
            ("drop", [], "not on the path: kept", None, []),
            ("keep", [], None, None, [("deep", [], None, None, [("drop", [], "kept too", None, [])])]),
        ],
    )  # fmt: skip
    # errors inside a skipped subtree are still found; the record comes out as far as built
    partial, problem = _items(SKIPPY[:40] + b"</rec>", skip=[("rec", "keep", "drop")])
    assert isinstance(partial, XmlRecord) and partial.partial
    assert _dump(partial.element)[4] == [("keep", [], None, None, [])]
    assert isinstance(problem, XmlBreak)
    assert problem.message.startswith("XML is malformed or truncated: mismatched tag")
    with pytest.raises(ValueError):
        _items(SKIPPY, skip=[("rec",)])


PUBMED = b"""<PubmedArticleSet><PubmedArticle>
<MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">11111111</PMID>
<DateCompleted><Year>2001</Year></DateCompleted><DateRevised><Year>2030</Year></DateRevised>
<Article PubModel="Print"><Journal><ISSN>0000-0000</ISSN>
<JournalIssue><PubDate><Year>2000</Year></PubDate></JournalIssue>
<Title>Journal of Made-up Things</Title></Journal><ArticleTitle>An invented title.</ArticleTitle>
<Pagination><MedlinePgn>1-2</MedlinePgn></Pagination><ELocationID EIdType="doi">10.5555/one</ELocationID>
<Abstract><AbstractText Label="AIM">To test <i>skipping</i>.</AbstractText></Abstract>
<AuthorList><Author ValidYN="Y"><LastName>Doe</LastName><ForeName>Jan</ForeName>
<AffiliationInfo><Affiliation>Nowhere Institute, doi 10.5555/wrong</Affiliation></AffiliationInfo></Author>
<Author><CollectiveName>Invented Group</CollectiveName></Author></AuthorList>
<Language>eng</Language><GrantList><Grant><GrantID>G1</GrantID></Grant></GrantList>
<PublicationTypeList><PublicationType>Journal Article</PublicationType></PublicationTypeList></Article>
<MedlineJournalInfo><MedlineTA>J Madeup</MedlineTA></MedlineJournalInfo>
<ChemicalList><Chemical><NameOfSubstance>Water</NameOfSubstance></Chemical></ChemicalList>
<CommentsCorrectionsList><CommentsCorrections RefType="Cites"><PMID>22222222</PMID></CommentsCorrections>
</CommentsCorrectionsList><MeshHeadingList><MeshHeading>
<DescriptorName MajorTopicYN="Y">Things</DescriptorName>
</MeshHeading></MeshHeadingList><OtherAbstract><AbstractText>Other.</AbstractText></OtherAbstract>
<KeywordList><Keyword MajorTopicYN="N">skip</Keyword></KeywordList></MedlineCitation>
<PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>2000</Year></PubMedPubDate></History>
<ReferenceList><Reference><Citation>Cited work.</Citation>
<ArticleIdList><ArticleId IdType="doi">10.5555/cited</ArticleId>
<ArticleId IdType="pubmed">33333333</ArticleId></ArticleIdList></Reference></ReferenceList>
<ArticleIdList><ArticleId IdType="pubmed">11111111</ArticleId>
<ArticleId IdType="doi">10.5555/one</ArticleId></ArticleIdList>
</PubmedData></PubmedArticle></PubmedArticleSet>
"""


def test_pubmed_unread_subtrees_change_no_record_field() -> None:
    """Fails if `build_pubmed_record` starts reading a subtree listed in `_UNREAD`."""

    def records(skip: frozenset[tuple[str, ...]]) -> list[tuple[dict[str, Any], set[str]]]:
        out = []
        for item in iter_xml_records(io.BytesIO(PUBMED), is_pubmed_record, skip):
            assert isinstance(item, XmlRecord)
            record = build_pubmed_record(item.element, RawRecord(path="x", index=0, format="pubmed-xml"))
            out.append((vars(record), {e.tag for e in item.element.iter()}))
        return out

    ((full, full_tags),) = records(frozenset())
    ((lean, lean_tags),) = records(_UNREAD)
    assert lean == full
    assert full["doi"] == "10.5555/one" and full["authors"] == ["Doe, Jan", "Invented Group"]
    for tag in ("ReferenceList", "History", "CommentsCorrectionsList", "AffiliationInfo", "GrantList"):
        assert tag in full_tags and tag not in lean_tags
