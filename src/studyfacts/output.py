"""Writers for extracted records, and an output file that is all-or-nothing.

`atomic_output(path)` writes to a temporary file beside the target and
renames it into place only when the run finishes, so an interrupted run never
leaves half a file behind.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import IO, Protocol

from .models import Record


class Writer(Protocol):
    def write(self, record: Record) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object a line."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, record: Record) -> None:
        self.out.write(record.model_dump_json())
        self.out.write("\n")

    def close(self) -> None:
        pass


class JsonWriter:
    """A JSON array, written as it streams (no list of records is kept)."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.first = True

    def write(self, record: Record) -> None:
        self.out.write("[\n" if self.first else ",\n")
        self.first = False
        self.out.write(record.model_dump_json())

    def close(self) -> None:
        self.out.write("[]\n" if self.first else "\n]\n")


def make_writer(fmt: str, out: IO) -> Writer:
    """The writer for `fmt`; `out` is a text file, or a binary one for "xlsx"."""
    if fmt == "xlsx":
        from .xlsx import XlsxWriter

        return XlsxWriter(out)
    if fmt == "jsonl":
        return JsonlWriter(out)
    if fmt == "json":
        return JsonWriter(out)
    from .tabular import make_csv_writer  # csv and csv-long

    return make_csv_writer(fmt, out)


@contextlib.contextmanager
def atomic_output(path: str | None, newline: str | None = None, binary: bool = False) -> Iterator[IO]:
    """stdout for None or "-", else a temp file renamed onto `path` on success only.

    `binary` opens the file for bytes (xlsx); it never goes to stdout.
    """
    if path is None or path == "-":
        if binary:
            raise ValueError("binary output needs a file, not stdout")
        yield sys.stdout
        sys.stdout.flush()
        return
    target = os.path.abspath(path)
    directory = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=".studyfacts-", suffix=".part", dir=directory)
    # mkstemp makes the file 0600; give it the mode an ordinary open() would.
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    try:
        opened = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline=newline)
        with opened as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
