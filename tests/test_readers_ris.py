"""RIS reader: one invented fixture per dialect quirk, exact records and warnings."""

from __future__ import annotations

from pathlib import Path

import pytest
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

from studyfacts.readers import RawRecord, read, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "readers"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_b53d737dffa061d6.txt"


def _read(name: str) -> list[RawRecord]:
    return list(read(FIXTURES / name, display_name=name))


def _brief(r: RawRecord) -> dict[str, object]:
    """The non-empty fields of a record, without its path."""
    return {k: v for k, v in vars(r).items() if k != "path" and v not in (None, [], "")}


def test_ris_one_space_variant_reads_every_record() -> None:
    # stock rispy finds nothing in this dialect: the bug this reader exists to avoid
    assert rispy.loads((FIXTURES / "ris_one_space.ris").read_text(encoding="utf-8")) == []
    records = _read("ris_one_space.ris")
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "ris",
            "line": 1,
            "title": "Needle ablation of imaginary bone lesions: a made-up two-centre series",
            "authors": ["Alpha, Ann", "Beta, Bert"],
            "year": 2021,
            "journal": "Journal of Invented Radiology",
            "doi": "10.9999/fake.2021.001",
            "pmid": "11111111",
            "accession": "SCOPUS:123456",
            "keywords": ["Ablation", "Bone"],
            # "UK - wide ..." is not a RIS tag: it stays part of the abstract
            "abstract": "Objectives: To describe an invented procedure. Results: There were 12 patients. "
            "UK - wide registries were not used.",
            "source_field": "AB",
        },
        {
            "index": 1,
            "format": "ris",
            "line": 19,
            "title": "Second invented record",
            "journal": "Journal of Invented Radiology",
            "abstract": "A second abstract.",
            "source_field": "AB",
        },
    ]


@pytest.mark.skipif(not SEED.is_file(), reason="seed file not present")
def test_ris_seed_record_fields() -> None:
    (record,) = list(read(SEED))
    assert record.title == (
        "Percutaneous image-guided cryoablation of spinal metastases: "
        "over 10-year experience in two academic centers"
    )
    assert record.journal == "European Radiology"
    assert record.doi == "10.1007/s00330-021-08477-6"
    assert record.pmid == "35028752"
    assert record.year == 2022
    assert record.keywords == ["Cryoablation", "Metastasis", "Spine", "Vertebroplasty"]
    assert record.accession == "SCOPUS:85123114076"
    assert record.authors[0] == "Cazzato, Roberto Luigi" and len(record.authors) == 8
    assert record.source_field == "AB"
    assert record.abstract is not None
    assert record.abstract.startswith("Objectives: To report on safety")
    assert record.abstract.endswith("after cryoablation of spinal metastases is 82.1%.")
    assert "  " not in record.abstract
    assert record.warnings == []


def test_ris_bom_and_crlf() -> None:
    assert [_brief(r) for r in _read("ris_bom_crlf.ris")] == [
        {
            "index": 0,
            "format": "ris",
            "line": 1,
            "title": "A record behind a byte order mark",
            "year": 2019,
            "abstract": "First line of the abstract second line of the abstract.",
            "source_field": "AB",
        },
        {
            "index": 1,
            "format": "ris",
            "line": 8,
            "title": "The second record",
            "abstract": "Short abstract.",
            "source_field": "AB",
        },
    ]


def test_ris_mixed_line_endings() -> None:
    records = _read("ris_mixed_endings.ris")
    assert [(r.line, r.title, r.abstract) for r in records] == [
        (1, "Mixed endings one", "Part one of the text part two of the text part three of the text."),
        (8, "Mixed endings two", "Plain LF record."),
    ]
    assert all(r.warnings == [] for r in records)


def test_ris_missing_er_still_outputs_record_with_warning() -> None:
    records = _read("ris_missing_er.ris")
    assert [(r.index, r.line, r.title, r.abstract) for r in records] == [
        (0, 1, "Record without an end tag", "Its abstract is complete."),
        (1, 5, "Last record, also without an end tag", "The file stops here."),
    ]
    assert records[0].warnings == [
        "ris_missing_er.ris:3: record 0: record has no ER line; read up to line 3 "
        "(the next record starts on line 5)"
    ]
    assert records[1].warnings == [
        "ris_missing_er.ris:7: record 1: record has no ER line; read up to line 7 (the file ends)"
    ]


def test_ris_text_outside_records_is_ignored_with_warning() -> None:
    records = _read("ris_outside_text.ris")
    assert [(r.index, r.line, r.title, r.abstract) for r in records] == [
        (0, 4, "Inside the first record", "Only this is a record."),
        (1, 10, "Inside the second record", None),
    ]
    assert records[0].warnings == [
        "ris_outside_text.ris:1: record 0: ignored text outside any record (lines 1-2): "
        "'Exported by an invented tool'",
        "ris_outside_text.ris:8: record 0: ignored text outside any record (line 8): "
        "'Some stray remark between records'",
    ]
    assert records[1].warnings == [
        "ris_outside_text.ris:13: record 1: ignored text outside any record (line 13): 'Trailing footer text'"
    ]


def test_ris_number_lines_before_records_are_silent() -> None:
    records = _read("ris_number_lines.ris")
    assert [_brief(r) for r in records] == [
        {
            "index": 0,
            "format": "ris",
            "line": 2,
            "title": "First numbered record",
            "abstract": "Abstract of the first numbered record.",
            "source_field": "N2",
        },
        {
            "index": 1,
            "format": "ris",
            "line": 11,
            "title": "Second numbered record",
            "abstract": "Abstract of the second numbered record.",
            "source_field": "N2",
        },
    ]


def test_ris_untagged_continuation_lines() -> None:
    (record,) = _read("ris_continuation.ris")
    assert _brief(record) == {
        "index": 0,
        "format": "ris",
        "line": 1,
        "title": "A title that wraps onto a second line",
        "authors": ["Gamma, G."],
        # a list field takes one item per continuation line
        "keywords": ["Alpha keyword", "Beta keyword", "*Gamma keyword/methods"],
        "abstract": "BACKGROUND: The first sentence. METHODS: The second sentence continues here. "
        "RESULTS: Done.",
        "source_field": "AB",
    }


def test_ris_tag_like_lines_inside_abstract_stay_text() -> None:
    (record,) = _read("ris_taglike_line.ris")
    assert record.abstract == (
        "Tumours were classified as ER - positive or ER - negative by staining; "
        "ER then became the grouping variable. HR - 0.71 was the headline estimate."
    )
    assert record.warnings == []


def test_ris_n2_versus_ab() -> None:
    records = _read("ris_n2_vs_ab.ris")
    assert [(r.title, r.source_field, r.abstract) for r in records] == [
        (
            "Embase style record",
            "N2",
            "The abstract lives in N2 in this dialect, as Embase and Ovid write it.",
        ),
        (
            "Record with both fields",
            "N2",
            "This longer text is the real abstract of the record, written in N2.",
        ),
        ("Record with AB only", "AB", "Plain abstract in AB."),
        ("Record with an empty abstract", None, None),
    ]


def test_ris_lens_pubmed_markup_inside_ab() -> None:
    records = _read("ris_lens_markup.ris")
    assert [(r.abstract, r.copyright) for r in records] == [
        (
            "BACKGROUND: Invented background with CO2 and x2. METHODS: We measured nothing at all. "
            "RESULTS: Values were <5 in 3 & 4 cases; β was 0.2.",
            "© 2020 Invented Publisher Ltd.",
        ),
        ("Aims: To test a made-up idea. Results: It worked in 7 of 9 trials.", None),
        ("Objective To count invented things.", None),
    ]


def test_ris_copyright_tail_variants() -> None:
    records = _read("ris_copyright_tails.ris")
    assert [(r.abstract, r.copyright) for r in records] == [
        ("We studied 10 imaginary patients.", "© 2020 Elsevier Ltd. All rights reserved."),
        (
            "Pain fell by half.",
            "Copyright © 2015 Invented Society. Published by Elsevier Inc. All rights reserved.",
        ),
        ("No harm was seen.", "(c) 2019 Wiley Periodicals, Inc."),
        (
            "Survival improved.",
            "© The Author(s) 2021. Published by Oxford University Press on behalf of the Invented Society.",
        ),
        ("Recovery took six weeks.", "Published by Elsevier B.V."),
        ("Distress declined over time.", "(PsycINFO Database Record (c) 2016 APA, all rights reserved)"),
        (
            "The © symbol on 40 product labels was counted. Then 12 raters scored each label for legibility, "
            "and agreement between raters was high across all of the products studied.",
            None,
        ),
        ("Aims were (a) to count, (b) to compare, and (c) to report invented numbers.", None),
    ]


def test_ris_cp1252_file_warns_on_every_record() -> None:
    records = _read("ris_cp1252.ris")
    assert [(r.title, r.abstract) for r in records] == [
        ("Café study", "Age was 54 ± 7 years (range 30–70)."),
        ("Plain ASCII record", "Nothing special."),
    ]
    message = (
        "file is not valid UTF-8 (first bad byte on line 2); bytes that are not UTF-8 were read as cp1252"
    )
    assert records[0].warnings == [f"ris_cp1252.ris:1: record 0: {message}"]
    assert records[1].warnings == [f"ris_cp1252.ris:5: record 1: {message}"]


def test_ris_stray_nul_byte_is_removed_with_warning() -> None:
    (record,) = _read("ris_stray_nul.ris")
    assert record.title == "A record with a stray NUL byte"
    assert record.warnings == ["ris_stray_nul.ris:2: record 0: removed 1 NUL byte(s)"]


def test_ris_read_is_lazy() -> None:
    text = "".join(f"TY  - JOUR\nTI  - Record {i}\nER  - \n" for i in range(1000))
    records = read_text(text)
    first = next(records)
    assert (first.index, first.title) == (0, "Record 0")
    assert sum(1 for _ in records) == 999


def test_ris_mixed_dialects_in_one_file() -> None:
    text = "TY  - JOUR\nTI  - two spaces\nER  - \nTY - JOUR\nTI - one space\nAB - text\nER -\n"
    assert [(r.title, r.abstract) for r in read_text(text)] == [("two spaces", None), ("one space", "text")]


def test_ris_identifiers_from_vendor_fields() -> None:
    text = (
        "TY  - JOUR\nTI  - Dimensions style\nU1  - 12345678 [PMID]\nU1  - PMC1 [PMCID]\n"
        "DO  - https://doi.org/10.9999/ABC.1\nAN  - pub.1\nER  - \n"
        "TY  - JOUR\nTI  - EndNote from PubMed\nAN  - 23456789\nDP  - NLM\nER  - \n"
        "TY  - JOUR\nTI  - CINAHL accession is not a PMID\nAN  - 154341926\nDB  - CINAHL\nER  - \n"
        "TY  - JOUR\nTI  - Embase DOI in L2\nL2  - http://dx.doi.org/10.9999/emb.2\nER  - \n"
    )
    assert [(r.pmid, r.doi, r.accession) for r in read_text(text)] == [
        ("12345678", "10.9999/ABC.1", "pub.1"),
        ("23456789", None, "23456789"),
        (None, None, "154341926"),
        (None, "10.9999/emb.2", None),
    ]


def test_ris_t2_is_journal_unless_journal_given_elsewhere() -> None:
    text = (
        "TY  - JOUR\nTI  - Main title\nT2  - Journal Of Secondary Titles\nJ2  - J Sec Titles\nER  - \n"
        "TY  - JOUR\nT1  - Main title\nT2  - the subtitle\nJF  - Journal Of Things\nER  - \n"
    )
    assert [(r.title, r.journal) for r in read_text(text)] == [
        ("Main title", "Journal Of Secondary Titles"),
        ("Main title: the subtitle", "Journal Of Things"),
    ]


# ---------------------------------------------------------------------------
# Tags read as rispy reads them
# ---------------------------------------------------------------------------


class _Identity(dict):  # type: ignore[type-arg]
    """rispy tag mapping that keeps the raw two-letter tags as keys."""

    def __missing__(self, key: str) -> str:
        return key


class _Everything:
    """rispy list-tag set that contains every tag: all values kept, in order."""

    def __contains__(self, item: object) -> bool:
        return True


class _RisOracle(rispy.RisParser):
    """The reference: rispy's own parser, keeping every tag as a list, with the reader's tag pattern."""

    START_TAG = "TY"
    END_TAG = "ER"
    DEFAULT_MAPPING = _Identity()
    DEFAULT_LIST_TAGS = _Everything()  # type: ignore[assignment]
    DEFAULT_DELIMITER_MAPPING: dict[str, str] = {}  # noqa: RUF012

    def __init__(self, *, loose: bool = False) -> None:
        super().__init__(skip_unknown_tags=False)
        self.loose = loose

    def parse_line(self, line: str):  # type: ignore[override]
        from studyfacts.readers.ris import _classify

        return _classify(line, self.loose)

    def _iter_till_start(self, lines):  # type: ignore[override]
        while True:
            tag, content = self.parse_line(next(lines))
            if tag == self.START_TAG:
                return {self.START_TAG: content}


class _WosOracle(_RisOracle):
    START_TAG = "PT"
    DEFAULT_IGNORE = ["FN", "VR", "EF"]  # noqa: RUF012

    def parse_line(self, line: str):  # type: ignore[override]
        from studyfacts.readers.ris import _wos_line

        return _wos_line(line)


def _compare_chunks(text: str, wos: bool = False) -> int:
    """Every record of text read by `_parse_tagged` and by rispy: the same tags. Returns the count."""
    from studyfacts.readers.ris import (
        _WOS_IGNORE,
        _loose_ris_line,
        _parse_tagged,
        _ris_line,
        _wos_line,
        iter_ris_chunks,
        iter_wos_chunks,
    )
    from studyfacts.readers.textlines import split_lines

    n = 0
    for chunk in (iter_wos_chunks if wos else iter_ris_chunks)(split_lines(text)):
        lines = chunk.lines if chunk.ended else [*chunk.lines, "ER" if wos else "ER  - "]
        if wos:
            ours = _parse_tagged(lines, _wos_line, "PT", _WOS_IGNORE)
            theirs = _WosOracle().parse_lines(iter(lines))
        else:
            loose = not chunk.lines[0].startswith("TY  -")
            ours = _parse_tagged(lines, _loose_ris_line if loose else _ris_line, "TY")
            theirs = _RisOracle(loose=loose).parse_lines(iter(lines))
        assert ours == (theirs[0] if theirs else None), lines
        n += 1
    return n


def test_ris_tags_equal_rispy_on_odd_lines() -> None:
    text = (
        "TY  - JOUR\nwrapped before any tag\nTI  - A title\n  continued\nAU  - One\nAU  - Two\n"
        "ER - positive tumours\nN1  -\nKW  - a\nextra keyword line\nER  - \n\n"
        "TY - JOUR\nTI - Loose dialect\nUK - wide cohorts\nAB   - three spaces\nER -\n"
        "TY  - BOOK\nTI  - No end line\n"
    )
    assert _compare_chunks(text) == 3
    wos = "FN Clarivate\nVR 1.0\nPT J\nAU One\n   Two\nTI A title\n   wrapped\nVR 2\nER\n\nPT J\nTI No end\nEF\n"
    assert _compare_chunks(wos, wos=True) == 2


_RIS_LINES = ["TY  - JOUR", "TY - JOUR", "TI  - x", "TI - y", "AB   - z", "UK - wide", "ER  - ", "ER -",
              "ER - positive", "KW  -", "plain text", "", "  indented", "N1  - a - b", "A1  - \u00e9"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RIS_LINES), min_size=1, max_size=30))
def test_ris_tags_equal_rispy_on_random_lines(lines: list[str]) -> None:
    _compare_chunks("\n".join(lines))


def test_ris_tags_equal_rispy_on_the_corpus() -> None:
    from studyfacts.readers.detect import detect_format

    from .conftest import need_shared

    n = 0
    for path in sorted((need_shared() / "corpus").rglob("*")):
        if path.suffix not in {".ris", ".txt"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        fmt = detect_format(text[:8192])
        if fmt in ("ris", "wos-tagged"):
            n += _compare_chunks(text, wos=fmt == "wos-tagged")
    assert n > 2000
