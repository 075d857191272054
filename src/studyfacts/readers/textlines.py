"""Shared plumbing for the line-based formats (RIS, MEDLINE, WoS tagged)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .base import RawRecord


def split_lines(text: str) -> list[str]:
    """Split on CRLF, LF or lone CR (mixed endings allowed); line i is number i+1.

    Only these three count as line breaks: U+2028, form feeds etc. inside a field stay
    in the text (str.splitlines would split on them and shift every line number).
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


@dataclass
class Chunk:
    """One record's lines, before field parsing."""

    start: int  # 0-based index into the file's lines of the record's first line
    lines: list[str]
    ended: bool = True  # False when the end tag was missing
    end_line: int | None = None  # 1-based line where the record stopped without an end tag
    end_reason: str = ""  # why it stopped there: "the next record starts on line N" / "the file ends"
    outside: list[tuple[int, str]] = field(default_factory=list)  # (1-based line, text) ignored

    @property
    def line(self) -> int:
        return self.start + 1

    @classmethod
    def opening(cls, start: int, line: str, leading: list[tuple[int, str]]) -> Chunk:
        """A record that starts at 0-based line `start`; the text met outside any record
        before it (`leading`, emptied here) travels with it."""
        chunk = cls(start=start, lines=[line], outside=list(leading))
        leading.clear()
        return chunk


def outside_warning(record: RawRecord, outside: list[tuple[int, str]]) -> None:
    """One warning per block of consecutive lines that belong to no record."""
    blocks: list[list[tuple[int, str]]] = []
    for item in outside:
        if blocks and item[0] == blocks[-1][-1][0] + 1:
            blocks[-1].append(item)
        else:
            blocks.append([item])
    for block in blocks:
        first_line, first_text = block[0]
        last_line = block[-1][0]
        span = f"line {first_line}" if first_line == last_line else f"lines {first_line}-{last_line}"
        excerpt = first_text.strip()
        if len(excerpt) > 60:
            excerpt = excerpt[:57] + "..."
        record.warn(f"ignored text outside any record ({span}): {excerpt!r}", first_line)


def add_file_warnings(record: RawRecord, file_warnings: list[str]) -> None:
    for message in file_warnings:
        record.warn(message)


def nul_warning(record: RawRecord, lines: list[str]) -> list[str]:
    """Drop NUL bytes from a record's lines, with a warning naming the first line."""
    if "\x00" not in "".join(lines):
        return lines  # the common case, found in one C call instead of a test per line
    count = 0
    first: int | None = None
    cleaned = []
    for offset, text in enumerate(lines):
        if "\x00" in text:
            count += text.count("\x00")
            if first is None:
                first = offset
            text = text.replace("\x00", "")
        cleaned.append(text)
    if count and first is not None and record.line is not None:
        record.warn(f"removed {count} NUL byte(s)", record.line + first)
    return cleaned
