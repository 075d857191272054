"""EndNote XML and Web of Science tagged readers."""

from __future__ import annotations

from pathlib import Path

from studyfacts.readers import RawRecord, read, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def _brief(r: RawRecord) -> dict[str, object]:
    return {k: v for k, v in vars(r).items() if k != "path" and v not in (None, [], "")}


def test_endnote_xml_style_wrappers_single_line() -> None:
    records = list(read(FIXTURES / "endnote.xml", display_name="endnote.xml"))
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "endnote-xml",
            "line": 1,
            "title": "An invented light therapy trial",
            "authors": ["Theta, T.", "Iota, I."],
            "year": 2018,
            "journal": "Journal of Invented Dermatology",
            "doi": "10.9999/jid.41",
            "pmid": "90000041",
            "accession": "90000041",
            "keywords": ["Acne", "Blue light"],
            # &#xD; between sections becomes a space
            "abstract": "BACKGROUND: Invented. RESULTS: Lesions fell by 30% in 20 patients.",
            "source_field": "abstract",
        },
        {
            "index": 1,
            "format": "endnote-xml",
            "line": 1,
            "title": "Record without abstract",
            "authors": ["Theta, T.", "Iota, I."],
            "year": 2017,
        },
    ]


def test_endnote_xml_truncated_keeps_first_record() -> None:
    text = (FIXTURES / "endnote.xml").read_text(encoding="utf-8")
    cut = text.index("<record>", text.index("</record>"))
    records = list(read_text(text[: cut + 30], path="cut.xml"))
    assert [r.title for r in records] == ["An invented light therapy trial", None]
    assert records[0].warnings == []
    assert len(records[1].warnings) == 1
    assert records[1].warnings[0].startswith("cut.xml:1: record 1: XML is malformed or truncated")


def test_wos_tagged_records() -> None:
    records = list(read(FIXTURES / "wos_tagged.txt", display_name="wos_tagged.txt"))
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "wos-tagged",
            "line": 3,
            "title": "An invented title that wraps onto a second line",
            "authors": ["Kappa, Karl", "Lambda, Lena"],
            "year": 2004,
            "journal": "JOURNAL OF INVENTED SCIENCE",
            "doi": "10.9999/jis.2004.1",
            "pmid": "90000051",
            "accession": "WOS:000000000000001",
            "keywords": ["invented", "wos"],
            "abstract": "An invented abstract for a tagged record.",
            "source_field": "AB",
        },
        {
            "index": 1,
            "format": "wos-tagged",
            "line": 19,
            "title": "Second tagged record",
            "authors": ["Mu, M"],
            "year": 2005,
            "journal": "JOURNAL OF INVENTED SCIENCE",
            "accession": "WOS:000000000000002",
        },
    ]


def test_wos_tagged_missing_er_warns() -> None:
    text = "FN Clarivate Analytics Web of Science\nVR 1.0\nPT J\nTI First\nPT J\nTI Second\nER\nEF\n"
    records = list(read_text(text, path="w.txt"))
    assert [(r.line, r.title) for r in records] == [(3, "First"), (5, "Second")]
    assert records[0].warnings == [
        "w.txt:4: record 0: record has no ER line; read up to line 4 (the next record starts on line 5)"
    ]
    assert records[1].warnings == []
