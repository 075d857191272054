"""What every reader yields: one `RawRecord` per bibliographic record, in file order.

A reader never drops a record. A record it cannot read fully still comes out,
with what could be read and a warning naming the file, the record and the line.
Input that is not a bibliographic export at all raises `ReaderError`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class ReaderError(Exception):
    """Input that cannot be read at all: missing, empty, binary, unknown format.

    The CLI prints it as one line and exits with code 2.
    """

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")


@dataclass
class RawRecord:
    """One record as read from an export file, before any extraction."""

    path: str
    index: int  # 0-based position in its file
    format: str  # "ris" | "medline" | "pubmed-xml" | "endnote-xml" | "wos-tagged" | "text"
    line: int | None = None  # 1-based line where the record starts, when the format has lines
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    accession: str | None = None
    keywords: list[str] = field(default_factory=list)
    abstract: str | None = None  # the canonical abstract: cleaned, one string
    source_field: str | None = None  # which field held the abstract: "AB", "N2", "AbstractText" ...
    copyright: str | None = None  # a trailing publisher copyright sentence, removed from the abstract
    warnings: list[str] = field(default_factory=list)

    def warn(self, message: str, line: int | None = None) -> None:
        """Add a warning that names the file, the record and (where known) the line."""
        where = f"{self.path}"
        at = line if line is not None else self.line
        if at is not None:
            where += f":{at}"
        self.warnings.append(f"{where}: record {self.index}: {message}")
