"""PubMed XML reader: streaming, labelled sections, ReferenceList, truncation, gzip, entities."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest

from studyfacts.readers import RawRecord, ReaderError, read, read_text
from studyfacts.readers.pubmed_xml import read_pubmed_xml

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def _read(name: str) -> list[RawRecord]:
    return list(read(FIXTURES / name, display_name=name))


def _brief(r: RawRecord) -> dict[str, object]:
    return {k: v for k, v in vars(r).items() if k != "path" and v not in (None, [], "")}


def test_pubmed_xml_labelled_sections_markup_and_reference_list() -> None:
    records = _read("pubmed_labelled_reflist.xml")
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "pubmed-xml",
            "line": 4,
            # the article's own title, not the <ArticleTitle> inside <ReferenceList>
            "title": "The article title of record one.",
            "authors": ["Zeta, Zoe", "Invented Trial Group"],
            "year": 2020,
            "journal": "Journal of Invented Trials",
            "doi": "10.9999/jit.90000011",
            "pmid": "90000011",
            "keywords": ["made-up"],
            "abstract": "BACKGROUND: Invented in vitro work on CO2. RESULTS: The rate was 103 per mL "
            "(β = 0.4; p < 0.05). CONCLUSIONS: It is all made up.",
            "source_field": "AbstractText",
            "copyright": "Copyright © 2020 Invented Publisher. All rights reserved.",
        },
        {
            "index": 1,
            "format": "pubmed-xml",
            "line": 41,
            "title": "Second record without abstract.",
            "authors": ["Zeta, Zoe", "Invented Trial Group"],
            "year": 2019,
            "journal": "Journal of Invented Trials",
            "doi": "10.9999/jit.90000012",
            "pmid": "90000012",
            "keywords": ["made-up"],
        },
    ]


def test_pubmed_xml_truncated_inside_a_record_keeps_earlier_records() -> None:
    name = "pubmed_truncated_inside.xml"
    records = _read(name)
    assert [(r.index, r.line, r.pmid, r.title, r.abstract) for r in records] == [
        (0, 4, "90000021", "First.", "Invented abstract number 1."),
        (1, 30, "90000022", "Second.", "Invented abstract number 2."),
        (2, 56, "90000023", "Third.", None),
    ]
    assert records[0].warnings == [] and records[1].warnings == []
    assert records[2].warnings == [
        f"{name}:67: record 2: XML is malformed or truncated: no element found: line 67, column 46; "
        "this record is incomplete (only the part before the break was read)"
    ]


def test_pubmed_xml_truncated_between_records_warns_on_last_record() -> None:
    name = "pubmed_truncated_between.xml"
    records = _read(name)
    assert [(r.index, r.pmid) for r in records] == [(0, "90000021"), (1, "90000022")]
    assert records[1].warnings == [
        f"{name}:56: record 1: XML is malformed or truncated: no element found: line 56, column 0; "
        "the file breaks off after this record; anything after it could not be read"
    ]


def test_pubmed_xml_truncated_before_any_record_raises() -> None:
    name = "pubmed_truncated_header.xml"
    with pytest.raises(ReaderError) as info:
        _read(name)
    assert str(info.value) == (
        f"{name}:3: XML is malformed or truncated: unclosed token: line 3, column 0; no record could be read"
    )


def test_pubmed_xml_gzipped_medline_baseline() -> None:
    records = _read("medline_baseline.xml.gz")
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "pubmed-xml",
            "line": 3,
            "title": "Baseline record one.",
            "year": 2014,
            "journal": "Invented baseline journal",
            "pmid": "90000031",
            "abstract": "Baseline abstract one.",
            "source_field": "AbstractText",
        },
        # the PMID inside CommentsCorrections is not the record's
        {
            "index": 1,
            "format": "pubmed-xml",
            "line": 12,
            "title": "Baseline record two.",
            "year": 2015,
            "journal": "Invented baseline journal",
            "doi": "10.9999/base.2",
            "pmid": "90000032",
            "abstract": "Baseline abstract two.",
            "source_field": "AbstractText",
        },
    ]


def test_pubmed_xml_billion_laughs_is_refused_not_expanded() -> None:
    name = "pubmed_billion_laughs.xml"
    with pytest.raises(ReaderError) as info:
        read(FIXTURES / name, display_name=name)
    assert info.value.line == 3
    assert "declares entities" in info.value.message and "never expanded" in info.value.message


def test_pubmed_xml_entity_declarations_refused_by_the_parser_too() -> None:
    """Second line of defence: the streaming parser itself refuses entity declarations."""
    data = (FIXTURES / "pubmed_billion_laughs.xml").read_bytes()
    tracemalloc.start()
    try:
        with pytest.raises(ReaderError) as info:
            list(read_pubmed_xml(io.BytesIO(data), "lol.xml"))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert info.value.line == 3
    assert "EntitiesForbidden" in info.value.message
    assert peak < 5_000_000  # nothing was expanded


def test_pubmed_xml_external_entity_refused() -> None:
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>"
        "<ArticleTitle>&x;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
    )
    with pytest.raises(ReaderError):
        list(read_text(text))


def test_pubmed_xml_streams_with_flat_memory() -> None:
    article = (
        "<PubmedArticle><MedlineCitation><PMID>{n}</PMID><Article><ArticleTitle>T{n}</ArticleTitle>"
        "<Abstract><AbstractText>" + "word " * 200 + "</AbstractText></Abstract></Article>"
        "</MedlineCitation></PubmedArticle>\n"
    )
    body = "".join(article.format(n=n) for n in range(1, 901))
    data = ("<?xml version='1.0'?>\n<PubmedArticleSet>\n" + body + "</PubmedArticleSet>\n").encode()
    tracemalloc.start()
    try:
        count = 0
        for record in read_pubmed_xml(io.BytesIO(data), "big.xml"):
            count += 1
            assert record.pmid == str(count)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 900
    # the 1 MB document is never held as a tree: the peak stays flat (about 0.35 MB,
    # most of it the 64 KiB read buffer and parser state), well below the input size
    assert peak < len(data) // 2


def test_pubmed_xml_book_article_and_medline_date() -> None:
    text = (
        "<?xml version='1.0'?>\n<PubmedArticleSet>\n"
        "<PubmedArticle><MedlineCitation><PMID>5</PMID><Article><Journal><JournalIssue><PubDate>"
        "<MedlineDate>1998 Dec-1999 Jan</MedlineDate></PubDate></JournalIssue><Title>J</Title></Journal>"
        "<ArticleTitle>Dated</ArticleTitle></Article></MedlineCitation></PubmedArticle>\n"
        "<PubmedBookArticle><BookDocument><PMID>6</PMID><ArticleTitle>A chapter</ArticleTitle>"
        '<Abstract><AbstractText Label="INTRODUCTION">Invented chapter text.</AbstractText></Abstract>'
        "</BookDocument></PubmedBookArticle>\n</PubmedArticleSet>\n"
    )
    assert [(r.pmid, r.title, r.year, r.abstract, r.line) for r in read_text(text)] == [
        ("5", "Dated", 1998, None, 3),
        ("6", "A chapter", None, "INTRODUCTION: Invented chapter text.", 4),
    ]


def test_pubmed_xml_truncated_gzip_keeps_records_before_the_break(tmp_path: Path) -> None:
    import gzip

    xml = gzip.decompress((FIXTURES / "medline_baseline.xml.gz").read_bytes())
    cut = xml.index(b"<ArticleTitle>Baseline record two")
    # a gzip stream cut short (its 8-byte trailer gone): the data end before the end marker
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(gzip.compress(xml[:cut], mtime=0)[:-8])
    records = list(read(path, display_name="cut.xml.gz"))
    assert [r.pmid for r in records] == ["90000031", "90000032"]
    assert records[0].warnings == []
    assert len(records[1].warnings) == 1
    assert records[1].warnings[0].startswith("cut.xml.gz:")
    assert "compressed data ends abruptly or is damaged" in records[1].warnings[0]
    assert "this record is incomplete" in records[1].warnings[0]
