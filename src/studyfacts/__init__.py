"""studyfacts: study facts out of abstracts in bibliographic exports, every value traced to its characters.

    >>> import studyfacts
    >>> rec = studyfacts.extract("A total of 56 consecutive patients were included.")
    >>> rec.population.patients.value
    56
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

from .models import Record, json_schema
from .readers.base import RawRecord, ReaderError

__version__ = "0.1.0"
__all__ = ["Record", "RawRecord", "ReaderError", "extract", "extract_file", "json_schema", "read", "__version__"]


def read(path: str | os.PathLike[str]) -> Iterator[RawRecord]:
    """The records of one export file (RIS, MEDLINE/.nbib, PubMed XML, EndNote XML, Web of Science,
    CSV/TSV, Excel .xlsx, BibTeX, CSL-JSON, Zotero RDF, EPPI-Reviewer JSON), in file order."""
    from .readers import read as _read

    return _read(path)


def extract(text: str | None, **metadata: Any) -> Record:
    """Extract the facts of one abstract. Metadata keywords are those of `RawRecord`
    (title, authors, year, journal, doi, pmid, keywords ...)."""
    from .pipeline import extract_record

    raw = RawRecord(path=metadata.pop("path", "<text>"), index=metadata.pop("index", 0),
                    format=metadata.pop("format", "text"), abstract=text, **metadata)
    return extract_record(raw)


def extract_file(path: str | os.PathLike[str]) -> Iterator[Record]:
    """Read one export file and extract every record, one `Record` per record in, in order."""
    from .batch import chunked
    from .pipeline import BATCH_SIZE, build_nlp, extract_records

    nlp = build_nlp()
    for chunk in chunked(read(path), BATCH_SIZE):
        yield from extract_records(chunk, nlp)
