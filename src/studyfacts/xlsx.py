"""`--format xlsx`: one workbook with the wide table (sheet `studies`) and the long one (sheet `values`).

The cells hold what `--format csv` and `--format csv-long` write, as typed
spreadsheet values: numbers are numbers, booleans TRUE/FALSE, missing values
empty. Both sheets have a frozen header row, an autofilter and set column
widths; DOI and PMID link to doi.org and PubMed; values whose `confidence` is
"review" (see `tiers`) are shaded, with the reason as a cell comment.

The workbook is built in memory and written when the run ends (openpyxl
writes the zip at `save`), so a run that fails writes no file.
"""

from __future__ import annotations

from typing import IO, Any

from . import tiers
from .models import Record
from .tabular import LONG_COLUMNS, WIDE_COLUMNS, long_values, wide_values
from .tiers import REVIEW, long_tier, wide_tiers

# Review-tier cells: a pale amber, as in the HTML report's "needs review" outline.
REVIEW_FILL = "FFE8B0"
HEADER_FILL = "E9EEF4"
# Column widths (characters): long enough for most values, never wider than this.
MAX_WIDTH = 60
MIN_WIDTH = 6


def _safe(value: Any) -> Any:
    """Strip the control characters a workbook cannot hold (XML 1.0 forbids them)."""
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return ILLEGAL_CHARACTERS_RE.sub("", value)
    return value


class XlsxWriter:
    """Collects rows as records stream in; `close()` writes the workbook to `out` (a binary file)."""

    def __init__(self, out: IO[bytes]) -> None:
        from openpyxl import Workbook

        self.out = out
        self.book = Workbook()
        self.studies = self.book.active
        self.studies.title = "studies"
        self.values = self.book.create_sheet("values")
        self.widths: dict[str, list[int]] = {}
        for sheet, columns in ((self.studies, WIDE_COLUMNS), (self.values, LONG_COLUMNS)):
            sheet.append(list(columns))
            self.widths[sheet.title] = [len(c) for c in columns]

    def _append(self, sheet: Any, row: list[Any]) -> list[Any]:
        sheet.append([_safe(v) for v in row])
        cells = list(sheet[sheet.max_row])
        widths = self.widths[sheet.title]
        for i, cell in enumerate(cells):
            if cell.data_type == "f":  # text that starts with "=" is text here, never a formula
                cell.data_type = "s"
            if cell.value is not None:
                widths[i] = max(widths[i], len(str(cell.value)))
        return cells

    def write(self, record: Record) -> None:
        from openpyxl.comments import Comment
        from openpyxl.styles import PatternFill

        fill = PatternFill("solid", start_color=REVIEW_FILL, end_color=REVIEW_FILL)
        data = tiers.record_json(record)
        cells = self._append(self.studies, wide_values(record))
        col = {name: i for i, name in enumerate(WIDE_COLUMNS)}
        meta = record.metadata
        if meta.doi:
            cells[col["doi"]].hyperlink = f"https://doi.org/{meta.doi}"
            cells[col["doi"]].style = "Hyperlink"
        if meta.pmid:
            cells[col["pmid"]].hyperlink = f"https://pubmed.ncbi.nlm.nih.gov/{meta.pmid}/"
            cells[col["pmid"]].style = "Hyperlink"
        for column, reason in wide_tiers(record, data).items():
            cell = cells[col[column]]
            cell.fill = fill
            cell.comment = Comment(f"needs review: {reason}" if reason else "needs review", "studyfacts")

        at = {name: i for i, name in enumerate(LONG_COLUMNS)}
        for row in long_values(record):
            cells = self._append(self.values, row)
            tier, reason = long_tier(data, row[at["field"]], row[at["item"]], row[at["statistic"]])
            if tier == REVIEW:
                cell = cells[at["value"]]
                cell.fill = fill
                cell.comment = Comment(f"needs review: {reason}" if reason else "needs review", "studyfacts")

    def close(self) -> None:
        from openpyxl.styles import Font, PatternFill
        from openpyxl.utils import get_column_letter

        head = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        for sheet in (self.studies, self.values):
            sheet.freeze_panes = "A2"
            last = get_column_letter(sheet.max_column)
            sheet.auto_filter.ref = f"A1:{last}{sheet.max_row}"
            for cell in sheet[1]:
                cell.font = Font(bold=True)
                cell.fill = head
            for i, width in enumerate(self.widths[sheet.title], start=1):
                # + 2 for the filter button beside each header
                letter = get_column_letter(i)
                sheet.column_dimensions[letter].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 2))
        self.book.save(self.out)
