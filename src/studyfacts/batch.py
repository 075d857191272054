"""Batch extraction over many files: path expansion, streaming, the run's summary.

Records are read, extracted and handed on one at a time, so memory does not
grow with the input. Every record read is a record out.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from .models import Record
from .readers.base import ReaderError


@dataclass
class Summary:
    """What one run did, for the closing line on stderr."""

    files: int = 0
    records: int = 0
    with_abstract: int = 0
    with_warnings: int = 0
    with_errors: int = 0
    failed_checks: int = 0
    started: float = field(default_factory=time.perf_counter)

    def add(self, record: Record) -> None:
        self.records += 1
        self.with_abstract += record.abstract is not None
        self.with_warnings += bool(record.warnings)
        self.with_errors += has_errors(record)
        self.failed_checks += sum(not c.ok for c in record.checks)

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.started

    def line(self) -> str:
        s = self.seconds
        rate = self.records / s if s > 0 else 0.0
        return (
            f"{self.records} records from {self.files} file(s): {self.with_abstract} with abstract, "
            f"{self.with_warnings} with warnings, {self.with_errors} with input errors, "
            f"{self.failed_checks} failed checks; {s:.1f} s ({rate:.0f} records/s)"
        )


# Warnings that mean the input itself was damaged or a component failed, as
# opposed to "no abstract" or "no convincing patient count" (see `--strict`).
_ERROR = re.compile(r": record \d+: |^internal error|^facts dropped|matching bound")


def has_errors(record: Record) -> bool:
    """A record whose input was damaged (reader warnings name 'record N') or whose extraction failed."""
    return any(_ERROR.search(w) for w in record.warnings)


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, directories expanded to the files under them (sorted); '-' is stdin."""
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
        elif os.path.isdir(p):
            found = sorted(
                os.path.join(root, name)
                for root, dirs, names in os.walk(p)
                for name in names
                if not name.startswith(".")
            )
            if not found:
                raise ReaderError(p, "directory holds no files to read")
            out.extend(found)
        elif not os.path.exists(p):
            raise ReaderError(p, "no such file or directory")
        else:
            out.append(p)
    return out


def check_readable(paths: list[str]) -> None:
    """Fail before any output is written when a named input cannot be read at all."""
    from .readers import read

    for p in paths:
        if p == "-":
            continue
        it = read(p)
        try:
            next(iter(it), None)
        finally:
            close = getattr(it, "close", None)
            if close:
                close()


def extract_paths(paths: list[str], summary: Summary | None = None) -> Iterator[Record]:
    """Every record of every file, extracted, in input order (one process)."""
    from .pipeline import build_nlp, extract_record
    from .readers import read

    nlp = build_nlp()
    for p in paths:
        if summary is not None:
            summary.files += 1
        for raw in read(p):
            record = extract_record(raw, nlp)
            if summary is not None:
                summary.add(record)
            yield record
