"""Getting bytes in: paths, stdin, gzip, binary sniffing and text decoding."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO


from ..regexcache import cached_compile
from .base import ReaderError

HEAD_BYTES = 64 * 1024
NOT_EXPORT = (
    "not a bibliographic export (RIS, MEDLINE, PubMed XML, EndNote XML, Web of Science, "
    "CSV/TSV, Excel .xlsx, BibTeX, CSL-JSON, Zotero RDF or EPPI-Reviewer JSON)"
)
_ZIP_MAGIC = b"PK\x03\x04"
_GZIP_MAGIC = b"\x1f\x8b"

# magic bytes of things people export by mistake
_MAGIC = (
    (b"%PDF", "a PDF document"),
    (_ZIP_MAGIC, "a ZIP archive"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc/.xls; save it as .xlsx or CSV)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"{\\rtf", "an RTF document"),
)


@dataclass
class Source:
    """An opened input: its display name, a head for sniffing, and how to get the rest."""

    name: str
    head: bytes  # decompressed first bytes
    gzipped: bool = False
    path: str | None = None  # None for stdin
    stdin_data: bytes | None = None  # everything read from stdin (compressed as read)
    warnings: list[str] = field(default_factory=list)
    xlsx: bool = False  # a ZIP archive that is an Excel workbook

    def open_binary(self) -> BinaryIO:
        """A fresh binary stream of the (decompressed) content."""
        if self.path is not None:
            if self.gzipped:
                return gzip.open(self.path, "rb")  # type: ignore[return-value]  # owns the file
            return open(self.path, "rb")  # noqa: SIM115 - the caller closes it
        raw = io.BytesIO(self.stdin_data or b"")
        if self.gzipped:
            return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
        return raw

    def read_all(self) -> bytes:
        stream = self.open_binary()
        try:
            try:
                return stream.read()
            except (EOFError, OSError, zlib.error) as exc:
                # truncated gzip: keep what could be decompressed
                return self._partial_gzip(exc)
        finally:
            stream.close()

    def _partial_gzip(self, exc: Exception) -> bytes:
        stream = self.open_binary()
        chunks: list[bytes] = []
        try:
            while True:
                try:
                    chunk = stream.read1(64 * 1024)  # type: ignore[attr-defined]
                except (EOFError, OSError, zlib.error):
                    break
                if not chunk:
                    break
                chunks.append(chunk)
        finally:
            stream.close()
        self.warnings.append(f"compressed data is damaged or truncated ({exc}); read what could be read")
        return b"".join(chunks)


def _strip_bom(data: bytes) -> bytes:
    return data[len(codecs.BOM_UTF8) :] if data.startswith(codecs.BOM_UTF8) else data


def _describe_binary(head: bytes) -> str | None:
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    sample = head[:8192]
    if not sample:
        return None
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    nul = sample.count(b"\x00")
    if nul > len(sample) * 0.02 or (nul and nul >= 64):
        return "a binary file (it is full of NUL bytes)"
    control = sum(1 for b in sample if b < 9 or 13 < b < 32 and b != 27)
    if control > len(sample) * 0.10:
        return "a binary file (it is full of control characters)"
    return None


def open_source(path: str | os.PathLike[str], display_name: str | None = None) -> Source:
    """Open `path` ('-' = stdin), check it is a non-empty text-ish file, and sniff its head."""
    spath = os.fspath(path)
    is_stdin = spath == "-"
    name = display_name or ("<stdin>" if is_stdin else spath)
    stdin_data: bytes | None = None
    if is_stdin:
        stdin_data = sys.stdin.buffer.read()
        raw_head = stdin_data[:HEAD_BYTES]
    else:
        if not os.path.exists(spath):
            raise ReaderError(name, "no such file")
        if os.path.isdir(spath):
            raise ReaderError(name, "is a directory, not an export file")
        try:
            with open(spath, "rb") as fh:
                raw_head = fh.read(HEAD_BYTES)
        except OSError as exc:
            raise ReaderError(name, f"cannot be read: {exc.strerror or exc}") from exc

    if not raw_head:
        raise ReaderError(name, "file is empty")

    gzipped = raw_head.startswith(_GZIP_MAGIC)
    source = Source(
        name=name, head=b"", gzipped=gzipped, path=None if is_stdin else spath, stdin_data=stdin_data
    )
    if gzipped:
        stream = source.open_binary()
        try:
            head = stream.read(HEAD_BYTES)
        except (EOFError, OSError, zlib.error) as exc:
            head = b""
            try:
                stream.close()
                stream = source.open_binary()
                head = stream.read1(HEAD_BYTES)  # type: ignore[attr-defined]
            except (EOFError, OSError, zlib.error):
                pass
            if not head:
                raise ReaderError(name, f"gzip data cannot be decompressed: {exc}") from exc
        finally:
            stream.close()
        if not head:
            raise ReaderError(name, "file is empty (the gzip archive holds no data)")
    else:
        head = raw_head

    if head.startswith(_ZIP_MAGIC):
        problem = _workbook_problem(source)
        if problem is None:
            source.xlsx = True
            source.head = head
            return source
        raise ReaderError(name, f"is a ZIP archive but not an Excel workbook ({problem}), {NOT_EXPORT}")
    what = _describe_binary(head)
    if what:
        raise ReaderError(name, f"is {what}, {NOT_EXPORT}")
    if len(head) < HEAD_BYTES and not _strip_bom(head).strip():
        raise ReaderError(name, "file is empty (only whitespace)")
    source.head = head
    return source


def _workbook_problem(source: Source) -> str | None:
    """None when the ZIP archive is an .xlsx workbook; else what it is instead."""
    stream = source.open_binary()
    try:
        if source.gzipped:  # zipfile needs to seek
            stream = io.BytesIO(stream.read())
        with zipfile.ZipFile(stream) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error) as exc:
        return f"the archive cannot be opened: {exc}"
    finally:
        stream.close()
    if "xl/workbook.xml" in names:
        return None
    shown = ", ".join(names[:3]) + (", ..." if len(names) > 3 else "")
    return f"it holds no xl/workbook.xml but {shown or 'nothing'}"


# ---------------------------------------------------------------------------
# Decoding
# ---------------------------------------------------------------------------


@dataclass
class Decoded:
    text: str
    encoding: str
    first_bad_line: int | None = None  # line of the first byte that was not UTF-8


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """codecs error handler: decode each invalid UTF-8 byte as cp1252 (latin-1 where undefined)."""
    assert isinstance(exc, UnicodeDecodeError)
    out = []
    for byte in exc.object[exc.start : exc.end]:
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out), exc.end


_FALLBACK = "studyfacts-cp1252-fallback"
codecs.register_error(_FALLBACK, _cp1252_fallback)


def decode_text(data: bytes) -> Decoded:
    """UTF-8 (BOM or not); UTF-16 with BOM; bytes that are not UTF-8 are read as cp1252.

    Valid UTF-8 sequences in a mostly-UTF-8 file stay intact; only the invalid bytes
    are taken as cp1252, so one stray byte does not turn the whole file into mojibake.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_line = data.count(b"\n", 0, exc.start) + 1
    return Decoded(data.decode("utf-8", errors=_FALLBACK), "cp1252", first_line)


# ---------------------------------------------------------------------------
# Streaming decode, line by line
# ---------------------------------------------------------------------------

_LINE_END_RE = cached_compile(r"(?<=\n)|(?<=\r)(?!\n)")


def split_keep_ends(text: str) -> list[str]:
    """Split after each CRLF, LF or lone CR; the last item is what follows the last line end."""
    if text.count("\r") == text.count("\r\n"):  # no lone CR: LF ends every line (fast, in C)
        parts = text.split("\n")
        last = parts.pop()
        return [p + "\n" for p in parts] + [last]
    return _LINE_END_RE.split(text)


class LineStream:
    """The lines of a binary stream, decoded as `decode_text` decodes a whole file, one at a
    time: UTF-8 with or without BOM (bytes that are not UTF-8 read as cp1252), UTF-16 with a BOM.

    Lines keep their ending; only CRLF, LF and a lone CR end a line (as in `split_lines`),
    so line numbers agree with the other readers. Memory holds one line at a time (plus a
    64 KiB piece), however large the file. `first_bad_line` is the line of the first byte
    that was not UTF-8, once one has been met; `line` the number of lines handed out.
    """

    def __init__(self, stream: BinaryIO, chunk: int = 64 * 1024) -> None:
        self.stream = stream
        self.chunk = chunk
        self.first_bad_line: int | None = None
        self.line = 0
        self.error: str | None = None  # why reading stopped early (damaged gzip)
        self._lines = self._iter_lines()

    def __iter__(self) -> LineStream:
        return self

    def __next__(self) -> str:
        return next(self._lines)

    def pieces(self) -> Iterator[str]:
        """The decoded text in pieces of about `chunk` characters (not split into lines)."""
        read = getattr(self.stream, "read1", self.stream.read)
        carry = b""
        utf16: codecs.IncrementalDecoder | None = None
        first = True
        lines_before = 0
        prev_cr = False  # the last piece ended with CR: a LF opening the next is the same line end
        while True:
            try:
                data = read(self.chunk)
            except (EOFError, OSError, zlib.error) as exc:
                self.error = f"compressed data is damaged or truncated ({exc}); read what could be read"
                data = b""
            final = not data
            if first:
                data = carry + data
                if len(data) < 3 and not final:
                    carry = data
                    continue
                first = False
                if data.startswith(codecs.BOM_UTF8):
                    data = data[3:]
                elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                    utf16 = codecs.getincrementaldecoder("utf-16")(errors="replace")
                carry = b""
            if utf16 is not None:
                text = utf16.decode(data, final)
            else:
                data = carry + data
                try:
                    text, used = codecs.utf_8_decode(data, "strict", final)
                except UnicodeDecodeError as exc:
                    if self.first_bad_line is None:
                        good = codecs.utf_8_decode(data[: exc.start], "replace", True)[0]
                        ends = _count_line_ends(good) - (prev_cr and good[:1] == "\n")
                        self.first_bad_line = lines_before + ends + 1
                    text, used = codecs.utf_8_decode(data, _FALLBACK, final)
                carry = data[used:]
            if text:
                lines_before += _count_line_ends(text) - (prev_cr and text[0] == "\n")
                prev_cr = text[-1] == "\r"
                yield text
            if final:
                return

    def _iter_lines(self) -> Iterator[str]:
        pending: list[str] = []
        for text in self.pieces():
            if pending and pending[-1].endswith("\r") and text[0] != "\n":
                self.line += 1  # a lone CR ended the held line after all
                yield "".join(pending)
                pending = []
            parts = split_keep_ends(text)
            if len(parts) == 1:
                pending.append(text)
                continue
            if pending:
                pending.append(parts[0])
                parts[0] = "".join(pending)
                pending = []
            last = parts.pop()
            if not last and parts[-1].endswith("\r"):
                # a CR at the end of this piece may be the first half of a CRLF
                last = parts.pop()
            for part in parts:
                self.line += 1
                yield part
            if last:
                pending.append(last)
        if pending:
            self.line += 1
            yield "".join(pending)


def _count_line_ends(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")
