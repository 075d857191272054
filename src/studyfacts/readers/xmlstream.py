"""Streaming, entity-safe extraction of record elements from a large XML file.

The bytes are fed in 64 KiB pieces to `defusedxml`'s parser (expat underneath),
which refuses any entity declaration (so a "billion laughs" file is never
expanded) and any external entity or DTD fetch. A small parser target builds an
element tree only for the record elements (`PubmedArticle`, EndNote `record` ...),
hands each one out as soon as its end tag is seen, and then forgets it, so memory
stays flat however large the file is. The start line of each record comes from
expat at the moment its start tag is parsed.

If the XML breaks off or is malformed, the records before the break come out;
the record being read when it broke comes out as far as it was read, flagged
`partial`, and the error is reported with its line.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

CHUNK = 64 * 1024


@dataclass
class XmlRecord:
    element: ET.Element
    line: int | None
    partial: bool = False


@dataclass
class XmlBreak:
    """Why and where the XML stopped being readable."""

    message: str
    line: int | None
    refused: bool = False  # entity declarations / external references: a security refusal


def _localname(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


class _Target:
    def __init__(self, is_record: Callable[[str, list[str]], bool]) -> None:
        self.is_record = is_record
        self.stack: list[str] = []  # open elements outside records
        self.builder: ET.TreeBuilder | None = None
        self.depth = 0
        self.root: ET.Element | None = None
        self.root_line: int | None = None
        self.done: deque[XmlRecord] = deque()
        self.expat = None  # set after the parser exists
        self.first_element: str | None = None

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        name = _localname(tag)
        if self.first_element is None:
            self.first_element = name
        if self.builder is not None:
            self.builder.start(name, attrib)
            self.depth += 1
            return
        if self.is_record(name, self.stack):
            self.builder = ET.TreeBuilder()
            self.root = self.builder.start(name, attrib)
            self.root_line = self.expat.CurrentLineNumber if self.expat is not None else None
            self.depth = 1
        else:
            self.stack.append(name)

    def end(self, tag: str) -> None:
        if self.builder is not None:
            self.builder.end(_localname(tag))
            self.depth -= 1
            if self.depth == 0:
                element = self.builder.close()
                self.done.append(XmlRecord(element, self.root_line))
                self.builder = None
                self.root = None
            return
        if self.stack:
            self.stack.pop()

    def data(self, text: str) -> None:
        if self.builder is not None:
            self.builder.data(text)

    def close(self) -> None:
        return None

    def partial(self) -> XmlRecord | None:
        if self.builder is None or self.root is None:
            return None
        return XmlRecord(self.root, self.root_line, partial=True)


def _error_line(exc: BaseException, parser: DefusedXMLParser) -> int | None:
    position = getattr(exc, "position", None)
    if position:
        return int(position[0])
    try:
        return int(parser.parser.CurrentLineNumber)  # type: ignore[attr-defined]
    except Exception:  # pragma: no cover - expat always has it
        return None


def iter_xml_records(
    stream: BinaryIO, is_record: Callable[[str, list[str]], bool]
) -> Iterator[XmlRecord | XmlBreak]:
    """Yield record elements as they complete; if the XML breaks, yield the partial
    record (if one was being read) and then one `XmlBreak` saying why and where."""
    target = _Target(is_record)
    parser = DefusedXMLParser(target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    target.expat = parser.parser  # type: ignore[attr-defined]
    read = getattr(stream, "read1", stream.read)
    problem: XmlBreak | None = None
    try:
        while True:
            try:
                chunk = read(CHUNK)
            except (EOFError, OSError) as exc:  # truncated / damaged gzip
                problem = XmlBreak(f"compressed data ends abruptly or is damaged ({exc})", None)
                break
            if not chunk:
                parser.close()
                break
            parser.feed(chunk)
            while target.done:
                yield target.done.popleft()
    except DefusedXmlException as exc:
        problem = XmlBreak(
            f"XML declares entities or external references ({type(exc).__name__}: {exc}); refused: "
            "entities are never expanded (this is how 'billion laughs' files attack parsers)",
            _error_line(exc, parser),
            refused=True,
        )
    except ET.ParseError as exc:
        problem = XmlBreak(f"XML is malformed or truncated: {exc}", _error_line(exc, parser))
    while target.done:
        yield target.done.popleft()
    if problem is not None:
        if problem.line is None:
            try:
                problem.line = int(parser.parser.CurrentLineNumber)  # type: ignore[attr-defined]
            except Exception:  # pragma: no cover
                pass
        partial = None if problem.refused else target.partial()
        if partial is not None:
            yield partial
        yield problem
