"""CSV/TSV, Excel, BibTeX, CSL-JSON, Zotero RDF and EPPI-Reviewer JSON: one invented fixture per
edge case (every sentence in them written for these tests), hostile input, detection, LaTeX."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from studyfacts.batch import estimate_records
from studyfacts.cli import app
from studyfacts.readers import ReaderError, detect_format, read, read_text
from studyfacts.readers.latex import latex_to_text
from studyfacts.readers.source import LineStream
from studyfacts.readers.tabular import MAX_CELL, dialect_table, map_header

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def _read(name: str):
    return list(read(FIXTURES / name, display_name=name))


# ---------------------------------------------------------------------------
# Tabular: one fixture per edge case
# ---------------------------------------------------------------------------


def test_csv_preamble_rows_above_the_header() -> None:
    """Embase writes the search query, a rule and a blank line above the header."""
    records = _read("embase_preamble.csv")
    assert [r.format for r in records] == ["csv", "csv"]
    first, second = records
    assert first.line == 5 and second.line == 6
    assert first.title == "Invented cohort of 30 hips"
    assert first.abstract == "We report 30 invented hips followed for 2 years."
    assert first.authors == ["Oak A.", "Pine B."]
    assert (first.year, first.journal, first.doi, first.pmid, first.accession) == (
        2025, "Invented J", "10.9999/ij.2025.1", "90000003", "L900000001"
    )
    # "[No abstract available]" is no abstract: the original-language abstract is used instead
    assert second.abstract == "Nous avons inventé 12 patients." and second.source_field == "Original Abstract"
    assert all(not r.warnings for r in records)


def test_csv_excel_semicolons_bom_and_padded_preamble() -> None:
    records = _read("excel_semicolon.csv")
    assert len(records) == 1  # the trailing row of delimiters only is no record
    assert records[0].abstract == "Forty invented ankles were treated; all healed."
    assert records[0].year == 2023 and not records[0].warnings


def test_csv_cp1252_with_line_breaks_inside_fields() -> None:
    """Ovid: cp1252 bytes, CRLF, authors and abstracts over several lines of one cell."""
    records = _read("ovid_cp1252.csv")
    assert len(records) == 2
    first, second = records
    assert first.title == "Naïve patients – an invented series"
    assert first.abstract == "BACKGROUND: We invented 25 patients. RESULTS: Pain fell from 7 to 2 – in all of them."
    assert first.authors == ["Quince A.", "Rowan B."]
    assert first.pmid == "90000004" and first.accession == "2000000001" and first.year == 2022
    assert first.journal == "Invented Journal"  # Ovid's SO cut before volume and year
    assert (first.line, second.line) == (2, 6)  # lines of the file, counting those inside cells
    assert second.abstract == "A “quoted” invented sentence. A second line."
    for r in records:
        assert any("not valid UTF-8 (first bad byte on line 2)" in w for w in r.warnings)
        assert all(w.startswith(f"ovid_cp1252.csv:{r.line}: record {r.index}: ") for w in r.warnings)


def test_tsv_trailing_tab_and_no_quoting() -> None:
    """Web of Science tab-delimited (older layout): BOM, empty last header, TAB at every line end,
    and quotes that are text, not CSV quoting."""
    records = _read("wos_trailing_tab.txt")
    assert [r.format for r in records] == ["tsv", "tsv"]
    first, second = records
    assert first.abstract == 'We raised 40 invented larvae at "warm" and cold temperatures.'
    assert first.authors == ["Tamarisk, Anna"] and first.keywords == ["warming", "larvae"]
    assert first.accession == "WOS:000000000000001" and first.doi == "10.9999/ie.2020.7"
    assert second.abstract is None and second.pmid == "90000005"
    assert second.authors == ["Umber, Bo", "Vetch, Cy"]
    assert all(not r.warnings for r in records)


def test_csv_placeholder_abstract_is_no_abstract() -> None:
    placeholder, real = _read("scopus_placeholder.csv")
    assert placeholder.abstract is None and placeholder.source_field is None
    assert real.abstract == "We built an invented system for 9 clinics."
    assert real.authors == ["Wattle A.", "Yew B."] and real.accession == "2-s2.0-2" and real.pmid == "90000006"


def test_csv_header_only_is_a_clear_error() -> None:
    with pytest.raises(ReaderError) as info:
        list(read(FIXTURES / "header_only.csv", display_name="header_only.csv"))
    assert str(info.value) == "header_only.csv:1: has a header row (line 1) but no records below it"


def test_csv_row_count_is_record_count(tmp_path: Path) -> None:
    """Every row is a record, also one with odd cells; short and long rows say so."""
    path = tmp_path / "rows.csv"
    path.write_text(
        "title,abstract,year\n"
        "One,First invented text.,2020\n"
        ",,\n"
        "Two,Second invented text.\n"
        "Three,Third invented text.,2021,surplus\n"
        "Four,,\n",
        encoding="utf-8",
    )
    records = list(read(path, display_name="rows.csv"))
    assert [r.title for r in records] == ["One", "Two", "Three", "Four"]
    assert [r.line for r in records] == [2, 4, 5, 6]
    assert records[1].warnings == [
        "rows.csv:4: record 1: row has 2 cells but the header 3 (line 4); the missing cells read as empty"
    ]
    assert records[2].warnings == [
        "rows.csv:5: record 2: row has 4 cells but the header 3 (line 5); the cells past the header were ignored"
    ]
    assert records[3].abstract is None and not records[3].warnings


def test_csv_unbalanced_quote_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "quote.csv"
    path.write_text(
        'title,abstract,year\nOne,"An invented text that never closes its quote,2020\nTwo,Another,2021\n',
        encoding="utf-8",
    )
    records = list(read(path, display_name="quote.csv"))
    assert len(records) == 1
    assert "a quote may be unbalanced" in records[0].warnings[0]
    assert records[0].warnings[0].startswith("quote.csv:2: record 0: row has 2 cells but the header 3")


def test_csv_50_mb_cell_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """A hostile cell: read in linear time, left out of the record, named with its line."""
    path = tmp_path / "huge.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Title,Abstract,Year\n")
        fh.write('Before,"A normal invented abstract.",2020\n')
        fh.write('Huge,"' + "x" * (50 * 1024 * 1024) + '",2021\n')
        fh.write("After,Another normal invented abstract.,2022\n")
    started = time.perf_counter()
    records = list(read(path, display_name="huge.csv"))
    assert time.perf_counter() - started < 60
    assert [r.title for r in records] == ["Before", "Huge", "After"]
    huge = records[1]
    assert huge.abstract is None and huge.year == 2021
    assert huge.warnings == [
        f"huge.csv:3: record 1: the 'Abstract' cell (line 3) is 52,428,800 characters long, more than the "
        f"{MAX_CELL:,} a field may hold; it was left out"
    ]
    assert records[2].abstract == "Another normal invented abstract." and records[2].line == 4


def test_tabular_header_mapping_by_words_when_no_dialect_fits() -> None:
    mapping = map_header(["Record", "Paper title", "Abstract text", "Year of publication", "Notes"])
    assert mapping.dialect is None
    assert mapping.columns == {"title": [1], "abstract": [2], "year": [3]}


def test_dialect_table_is_data_and_consistent() -> None:
    table = dialect_table()
    assert {d.name for d in table.dialects} >= {"wos", "ovid", "scopus", "embase", "cochrane", "covidence", "rayyan"}
    for d in table.dialects:
        assert set(d.columns) <= set(table.fields), d.name
        assert d.signature and all(c == c.casefold() for c in d.signature), d.name


# ---------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]], extra_sheet: bool = False) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Export"
    for row in rows:
        ws.append(row)
    if extra_sheet:
        wb.create_sheet("Notes").append(["Only a note for the reviewer."])
    wb.save(path)
    return path


def test_xlsx_preamble_numbers_and_blank_rows(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "export.bin",  # the name says nothing: the content does
        [
            ["SEARCH QUERY", "invented:ti"],
            ["------------------------------"],
            [""],
            ["Title", "Author Names", "Publication Year", "Abstract", "Medline PMID", "Source title"],
            ["An invented workbook study", "Oak A., Pine B.", 2024, "We treated 18 invented feet.", 90000010, "Inv J"],
            [None, None, None, None, None, None],
            ["A second row", "Pine B.", 2023.0, "[No abstract available]", None, "Inv J"],
        ],
        extra_sheet=True,
    )
    records = list(read(path, display_name="export.bin"))
    assert [r.format for r in records] == ["xlsx", "xlsx"]
    first, second = records
    assert (first.line, second.line) == (5, 7)
    assert first.abstract == "We treated 18 invented feet." and first.year == 2024 and first.pmid == "90000010"
    assert first.authors == ["Oak A.", "Pine B."] and first.journal == "Inv J"
    assert second.abstract is None and second.year == 2023
    assert second.warnings == [
        "export.bin:7: record 1: sheet(s) without a header row of known columns were not read: Notes"
    ]


def test_xlsx_that_is_a_zip_of_something_else(tmp_path: Path) -> None:
    path = tmp_path / "looks.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("readme.txt", "Nothing here is a workbook.")
    with pytest.raises(ReaderError) as info:
        read(path, display_name="looks.xlsx")
    assert info.value.message.startswith(
        "is a ZIP archive but not an Excel workbook (it holds no xl/workbook.xml but word/document.xml, "
        "readme.txt), not a bibliographic export"
    )


def test_xlsx_damaged_workbook_is_a_reader_error(tmp_path: Path) -> None:
    path = tmp_path / "damaged.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet")  # cut short
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(ReaderError) as info:
        list(read(path, display_name="damaged.xlsx"))
    assert info.value.path == "damaged.xlsx"
    assert info.value.message.startswith("Excel workbook cannot be")


def test_xlsx_without_header_is_a_reader_error(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "plain.xlsx", [["just", "numbers"], [1, 2]])
    with pytest.raises(ReaderError) as info:
        list(read(path, display_name="plain.xlsx"))
    assert "no sheet with a header row of known columns" in info.value.message


# ---------------------------------------------------------------------------
# BibTeX
# ---------------------------------------------------------------------------


def test_bibtex_nbsp_in_field_names_and_repeated_fields() -> None:
    """Scopus: 'funding_text<NBSP>1' field names and a repeated field; every entry comes out."""
    records = _read("scopus_nbsp.bib")
    assert [r.title for r in records] == [
        "Cryoablation of small renal masses in 48 patients",
        "A second made-up study",
        "Third study with a plain field list",
    ]
    first = records[0]
    # a raw % is a percent sign in Scopus BibTeX, not a LaTeX comment
    assert first.abstract == (
        "We treated 48 patients with cryoablation. Technical success was 95% and no major complication occurred."
    )
    assert first.copyright == "© 2029 Invented Publisher Ltd."
    assert (first.pmid, first.doi, first.line) == ("90000001", "10.9999/jir.2029.001", 4)
    assert records[1].abstract is None  # [No abstract available]
    assert all(not r.warnings for r in records)


def test_bibtex_record_lines_between_entries_and_repeated_keys() -> None:
    """Cochrane: 'Record #n of N' lines, one comma-joined author string, two entries with one key."""
    first, second = _read("cochrane_records.bib")
    assert first.authors == ["Dune, AB", "Elm, C", "Fern, DE", "Gorse, F"]
    assert first.abstract == (
        "Background Invented wounds heal slowly. Objectives To compare two made-up dressings in 60 people."
    )
    assert first.keywords == ["*Bandages", "Wound Healing"]
    assert second.authors == ["Holly, G", "Ivy, H"] and second.line == 14
    assert not first.warnings and not second.warnings


def test_bibtex_latex_escapes_and_braces_to_plain_text() -> None:
    (record,) = _read("zotero_latex.bib")
    assert record.title == "Is an invented factor associated with outcome? A systematic review"
    assert record.abstract == (
        "OBJECTIVE: We pooled 1,204 invented patients. The odds ratio was 1.8 (95% CI 1.2–2.6; p < 0.05) "
        "in Müller's subgroup & others."
    )
    assert record.authors == ["Juniper, Ana", "Müller, Jörg", "Invented Study Group"]
    assert record.copyright == "Copyright © 2027 Invented Press."
    assert (record.pmid, record.year, record.journal) == ("90000002", 2027, "Invented Archives")


def test_bibtex_unbalanced_braces_warn_and_keep_every_entry(capsys: pytest.CaptureFixture[str]) -> None:
    records = _read("unbalanced.bib")
    assert [r.line for r in records] == [1, 7, 13, 19]
    never_closed, whole, closed_early, cut = records
    assert never_closed.abstract == "We followed 20 invented patients for a while."
    assert never_closed.warnings == [
        "unbalanced.bib:6: record 0: entry @article is not closed: its braces never balance; "
        "read up to line 6, where the next entry starts; its fields were read leniently"
    ]
    assert whole.abstract == "This one is whole and holds 15 invented cases." and not whole.warnings
    assert closed_early.title == "An entry closed early" and closed_early.abstract is None
    assert closed_early.warnings[0].startswith(
        "unbalanced.bib:15: record 2: field-like text after the end of this entry was ignored (line 15)"
    )
    assert cut.abstract == "It starts well"
    assert cut.warnings[-1].endswith(
        "its braces never balance; read up to the end of the file; its fields were read leniently"
    )
    assert capsys.readouterr().err == ""  # bibtexparser's own log stays off stderr


def test_bibtex_huge_unclosed_entry_is_quick() -> None:
    started = time.perf_counter()
    records = list(read_text("@article{x, title={Deep}, abstract={" + "a{" * 500_000, path="deep.bib"))
    assert time.perf_counter() - started < 20
    assert len(records) == 1 and records[0].title == "Deep"
    assert "is not closed" in records[0].warnings[-1]


def test_bibtex_read_text_and_comments() -> None:
    text = (
        "@comment{jabref-meta: databaseType:bibtex;}\n"
        '@string{inv = "Invented Journal"}\n'
        "@misc(paren2025, title = {Parenthesised entry}, year = 2025)\n"
        "@article{x, title={One}, abstract={An invented line.}}@article{y, title={Two}}\n"
    )
    records = list(read_text(text, path="t.bib"))
    assert [(r.title, r.year, r.line) for r in records] == [
        ("Parenthesised entry", 2025, 3), ("One", None, 4), ("Two", None, 4)
    ]
    assert records[1].abstract == "An invented line."


@pytest.mark.parametrize(
    ("latex", "text"),
    [
        (r"95\% CI", "95% CI"),
        ("{A} study", "A study"),
        (r"M{\"u}ller and G{\'o}mez, \c{c}a, {\ss}, \o", "Müller and Gómez, ça, ß, ø"),
        (r"\textit{in vitro} \emph{E. coli}", "in vitro E. coli"),
        (r"\textless{}0.05, {\textpm} 2, $\geq$ 3, $x^{2}$", "<0.05, ± 2, ≥ 3, x2"),
        ("5--10 but a -- b", "5–10 but a -- b"),
        ("raw 95% & ~50 $ fee", "raw 95% & ~50 $ fee"),  # Scopus/WoS write these raw
        (r"\unknown{x}", r"\unknownx"),
        ("{unbalanced", "unbalanced"),
    ],
)
def test_latex_to_text(latex: str, text: str) -> None:
    assert latex_to_text(latex) == text


# ---------------------------------------------------------------------------
# JSON and RDF
# ---------------------------------------------------------------------------


def test_csl_json() -> None:
    first, second = _read("csl.json")
    assert first.abstract == "We treated 22 invented elbows."  # the HTML is cleaned as in RIS
    assert first.authors == ["Zelkova, Ada", "Invented Consortium"]
    assert (first.year, first.pmid, first.doi, first.journal, first.accession) == (
        2024, "90000007", "10.9999/io.22", "Invented Orthopaedics", "zelkova2024"
    )
    assert (second.title, second.year, second.abstract, second.line) == ("A book without abstract", 2023, None, 3)


def test_eppi_json() -> None:
    first, second = _read("eppi.json")
    assert first.abstract == "We counted 31 invented retractions."
    assert first.authors == ["Acacia Ann", "Birch Ben"] and first.keywords == ["retraction", "ethics"]
    assert (first.pmid, first.accession, first.journal) == ("90000008", "100", "Invented Ethics")
    assert second.title == "Second invented item" and second.abstract is None


def test_json_truncated_warns_on_the_last_record(tmp_path: Path) -> None:
    text = (FIXTURES / "csl.json").read_text(encoding="utf-8")
    path = tmp_path / "cut.json"
    path.write_text(text[: text.index('{"id":"alder2023"') + 20], encoding="utf-8")
    records = list(read(path, display_name="cut.json"))
    assert len(records) == 1
    assert records[0].warnings[0].startswith("cut.json:3: record 0: JSON is malformed or truncated")


def test_json_text_after_the_end_is_a_warning() -> None:
    records = list(read_text('[{"title": "One", "type": "article"}]\n\ntrailing words', path="t.json"))
    assert [r.warnings for r in records] == [["t.json:3: record 0: text after the end of the JSON (line 3) was ignored"]]


def test_json_broken_before_any_record(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"title": "x", "type": oops}]', encoding="utf-8")
    with pytest.raises(ReaderError) as info:
        list(read(path, display_name="broken.json"))
    assert info.value.line == 1 and "no record could be read" in info.value.message


def test_json_streams_small_pieces(tmp_path: Path) -> None:
    """Items are decoded one at a time from 64 KiB pieces: a long array, one line, reads whole."""
    items = [{"id": f"k{i}", "type": "article", "title": f"Invented {i}", "abstract": "A sentence. " * 50}
             for i in range(2000)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(items, separators=(",", ":")), encoding="utf-8")
    records = list(read(path))
    assert [r.title for r in records] == [f"Invented {i}" for i in range(2000)]


def test_zotero_rdf() -> None:
    article, book = _read("zotero.rdf")
    assert article.abstract == "We invented 14 mice & 3 rats."
    assert (article.journal, article.doi, article.pmid) == ("Invented Immunology", "10.9999/ii.14", "90000009")
    assert article.authors == ["Larch, Lea"] and article.keywords == ["Invention"] and article.year == 2021
    assert book.title == "An invented book" and book.abstract is None


def test_zotero_rdf_refuses_entities(tmp_path: Path) -> None:
    path = tmp_path / "bomb.rdf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "aaaa">]>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:z="http://www.zotero.org/namespaces/export#"></rdf:RDF>\n',
        encoding="utf-8",
    )
    with pytest.raises(ReaderError) as info:
        read(path)
    assert "entities" in info.value.message


# ---------------------------------------------------------------------------
# Detection, streaming, the CLI
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("embase_preamble.csv", "csv"),
        ("excel_semicolon.csv", "csv"),
        ("ovid_cp1252.csv", "csv"),
        ("wos_trailing_tab.txt", "tsv"),
        ("scopus_placeholder.csv", "csv"),
        ("header_only.csv", "csv"),
        ("scopus_nbsp.bib", "bibtex"),
        ("cochrane_records.bib", "bibtex"),
        ("zotero_latex.bib", "bibtex"),
        ("csl.json", "csl-json"),
        ("eppi.json", "eppi-json"),
        ("zotero.rdf", "zotero-rdf"),
    ],
)
def test_detect_new_formats_from_content(name: str, fmt: str) -> None:
    head = (FIXTURES / name).read_bytes().decode("utf-8", errors="replace")
    assert detect_format(head) == fmt


def test_detect_table_whose_cells_look_like_other_formats() -> None:
    text = (
        'Title,Abstract,Year\n"One","Lines inside this cell:\nTY  - JOUR\nPMID- 1\n@article{x,",2020\n'
        "Two,Plain,2021\n"
    )
    assert detect_format(text) == "csv"
    assert [r.title for r in read_text(text)] == ["One", "Two"]


@pytest.mark.parametrize(
    "head",
    [
        "Dear editor, this letter has commas, but no header.\nAnd a second line.\n",
        "a,b,c\n1,2,3\n",
        "[1, 2, 3]",
        '{"name": "a config file", "version": 2}',
        "Contact me @ home {soon}.",
    ],
)
def test_detect_leaves_other_text_unknown(head: str) -> None:
    assert detect_format(head) is None


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64 * 1024])
def test_line_stream_agrees_with_split_lines(chunk: int) -> None:
    data = "\ufeffa,é\r\nb\rc\n\u2028d\r\n".encode() + b"\x93e\x94\r\n" + b"last"
    stream = LineStream(io.BytesIO(data), chunk=chunk)
    assert list(stream) == ["a,é\r\n", "b\r", "c\n", "\u2028d\r\n", "“e”\r\n", "last"]
    assert stream.first_bad_line == 5 and stream.line == 6


def test_estimate_records_counts_new_formats() -> None:
    assert estimate_records([str(FIXTURES / "scopus_nbsp.bib")]) == 3
    assert estimate_records([str(FIXTURES / "scopus_placeholder.csv")]) == 2
    assert estimate_records([str(FIXTURES / "eppi.json")]) == 2


def test_cli_extract_reads_new_formats(tmp_path: Path) -> None:
    out = tmp_path / "facts.jsonl"
    result = CliRunner().invoke(
        app,
        ["extract", str(FIXTURES / "embase_preamble.csv"), str(FIXTURES / "zotero_latex.bib"),
         "-o", str(out), "--jobs", "1", "--quiet"],
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["source"]["format"], r["source"]["index"]) for r in lines] == [("csv", 0), ("csv", 1), ("bibtex", 0)]
    assert lines[0]["population"]["patients"] is None or isinstance(lines[0]["population"], dict)


def test_cli_strict_counts_damaged_entries_as_input_errors() -> None:
    result = CliRunner().invoke(app, ["extract", str(FIXTURES / "unbalanced.bib"), "--strict", "--jobs", "1"])
    assert result.exit_code == 1
    assert "4 records from 1 file(s)" in result.stderr and "3 with input errors" in result.stderr


def test_cli_header_only_csv_is_one_clear_line() -> None:
    result = CliRunner().invoke(app, ["extract", str(FIXTURES / "header_only.csv")])
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and "header_only.csv:1: has a header row" in err
