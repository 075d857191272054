"""`--format xlsx`: the workbook reread with openpyxl, cell by cell against the CSV outputs."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from typer.testing import CliRunner

from studyfacts import tiers
from studyfacts.cli import app
from studyfacts.tabular import LONG_COLUMNS, WIDE_COLUMNS

from .conftest import SEED, all_high

RIS_MORE = (
    "TY  - JOUR\nTI  - =HYPERLINK(\"http://x.example\",\"click\")\nDO  - 10.1000/xyz\nAN  - 12345\n"
    "AB  - We enrolled 40 patients with knee pain; 12 (30%) had complications.\nER  - \n\n"
    "TY  - JOUR\nTI  - No abstract at all\nER  - \n"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def inputs(tmp_path):
    more = tmp_path / "more.ris"
    more.write_text(RIS_MORE, encoding="utf-8")
    return [str(SEED), str(more)]


def _csv(inputs, fmt: str) -> list[list[str]]:
    result = run("extract", *inputs, "-f", fmt, "-j", "1", "--quiet")
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


def _xlsx(inputs, tmp_path) -> openpyxl.Workbook:
    out = tmp_path / "facts.xlsx"
    result = run("extract", *inputs, "-f", "xlsx", "-o", str(out), "-j", "1", "--quiet")
    assert result.exit_code == 0, result.output
    return openpyxl.load_workbook(out)


def same(cell: object, text: str) -> bool:
    """A typed workbook cell against the CSV's text for it."""
    if cell is None:
        return text == ""
    if isinstance(cell, bool):
        return text == ("true" if cell else "false")
    if isinstance(cell, int | float):
        return text != "" and float(text) == float(cell)
    return cell == text


@pytest.mark.parametrize(("sheet", "fmt", "columns"), [("studies", "csv", WIDE_COLUMNS),
                                                        ("values", "csv-long", LONG_COLUMNS)])
def test_xlsx_sheets_hold_the_csv_cells(inputs, tmp_path, sheet, fmt, columns):
    book = _xlsx(inputs, tmp_path)
    want = _csv(inputs, fmt)
    ws = book[sheet]
    got = [[c.value for c in row] for row in ws.iter_rows()]
    assert got[0] == list(columns) == want[0]
    assert len(got) == len(want) > 3
    for r, (xrow, crow) in enumerate(zip(got[1:], want[1:], strict=True), start=2):
        for name, x, c in zip(columns, xrow, crow, strict=True):
            assert same(x, c), f"{sheet}!row {r} {name}: xlsx {x!r}, csv {c!r}"


def test_xlsx_numbers_and_booleans_are_typed(inputs, tmp_path):
    ws = _xlsx(inputs, tmp_path)["studies"]
    col = {c.value: c.column for c in ws[1]}
    assert ws.cell(2, col["patients"]).value == 74
    assert ws.cell(2, col["complications_percent"]).value == 8.5
    assert ws.cell(2, col["retrospective"]).value is True
    assert ws.cell(2, col["pmid"]).value == "35028752"  # an identifier stays text


def test_xlsx_layout_frozen_header_filter_links_widths(inputs, tmp_path):
    book = _xlsx(inputs, tmp_path)
    assert book.sheetnames == ["studies", "values"]
    for ws in book:
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{ws.max_row}"
        assert all(c.font.bold for c in ws[1])
    ws = book["studies"]
    col = {c.value: c.column_letter for c in ws[1]}
    assert ws[f"{col['doi']}2"].hyperlink.target == "https://doi.org/10.1007/s00330-021-08477-6"
    assert ws[f"{col['pmid']}2"].hyperlink.target == "https://pubmed.ncbi.nlm.nih.gov/35028752/"
    assert ws[f"{col['doi']}3"].hyperlink.target == "https://doi.org/10.1000/xyz"
    assert ws[f"{col['pmid']}4"].hyperlink is None  # no PMID, no link
    widths = {name: ws.column_dimensions[letter].width for name, letter in col.items()}
    assert widths["title"] == 60, "capped"
    assert widths["id"] > widths["year"] >= 6


def test_xlsx_text_that_looks_like_a_formula_stays_text(inputs, tmp_path):
    ws = _xlsx(inputs, tmp_path)["studies"]
    title = ws.cell(3, WIDE_COLUMNS.index("title") + 1)
    assert title.value == '=HYPERLINK("http://x.example","click")'
    assert title.data_type == "s"


def test_xlsx_review_tier_cells_are_shaded_with_the_reason(inputs, tmp_path, monkeypatch):
    real = tiers.record_json

    def with_confidence(record):
        data = real(record)
        all_high(data)  # the test decides which values are review
        if data["id"] == "10.1007/s00330-021-08477-6":
            data["population"]["patients"].update(confidence="review", reason="two candidate cohorts")
            data["design"].update(confidence={"centers": "review", "multicenter": "high"})
            data["pain"][1].update(confidence="review", reason="time point attached by position")
            data["population"]["lesions"].update(confidence="high")
        return data

    monkeypatch.setattr(tiers, "record_json", with_confidence)
    book = _xlsx(inputs, tmp_path)
    ws = book["studies"]
    col = {c.value: c.column for c in ws[1]}

    def shaded(cell) -> bool:
        return cell.fill.fill_type == "solid" and cell.fill.start_color.rgb.endswith("FFE8B0")

    review = {"patients", "centers", "pain_figures"}
    for name in WIDE_COLUMNS:
        cell = ws.cell(2, col[name])
        assert shaded(cell) == (name in review), name
    assert ws.cell(2, col["patients"]).comment.text == "needs review: two candidate cohorts"
    assert ws.cell(2, col["centers"]).comment.text == "needs review"
    assert not any(shaded(c) for c in ws[3])  # records whose values are all high: nothing shaded

    values = book["values"]
    at = {c.value: c.column for c in values[1]}
    flagged = set()
    for row in values.iter_rows(min_row=2):
        cell = row[at["value"] - 1]
        if shaded(cell):
            flagged.add(tuple(row[at[name] - 1].value for name in ("field", "item", "statistic")))
    assert flagged == {("population.patients", None, "n"), ("design", None, "centers")} | {
        ("pain", 1, s) for s in ("mean", "sd", "range_low", "range_high", "n", "p_value")
    }


def test_xlsx_to_stdout_is_refused(inputs, tmp_path):
    for args in ([], ["-o", "-"]):
        result = run("extract", *inputs, "-f", "xlsx", *args)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert "--format xlsx" in result.stderr and "-o FILE" in result.stderr


def test_xlsx_bad_input_writes_no_workbook(tmp_path):
    out = tmp_path / "facts.xlsx"
    result = run("extract", str(SEED), str(tmp_path / "missing.ris"), "-f", "xlsx", "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()
