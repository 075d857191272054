"""Streaming, entity-safe extraction of record elements from a large XML file.

The bytes are fed in 64 KiB pieces straight to expat (`pyexpat`), with the same
protections `defusedxml` puts on ElementTree's parser: any entity declaration is
refused (so a "billion laughs" file is never expanded), and so is any external
entity reference, so nothing is ever fetched. A reference to an entity nobody
declared is an error, as it is in ElementTree.

Why not ElementTree's own parser: it answers every start tag, end tag and text
run with two or three layers of Python calls (its name fixing, then the target),
and a PubMed record has some 140 elements. Here each event costs one Python call,
and inside a record the text goes straight to the C `TreeBuilder`, which builds
the element tree of the record elements only (`PubmedArticle`, EndNote `record`
...). Each record is handed out as soon as its end tag is seen and then
forgotten, so memory stays flat however large the file is. Element tags are local
names (``{namespace}`` dropped); attributes, text and tails are as ElementTree
builds them. A reader can name subtrees it never reads (PubMed `ReferenceList`)
by their path from the record element; they are parsed (and checked) but never
built. The start line of each record comes from expat at the moment its start tag
is parsed.

If the XML breaks off or is malformed, the records before the break come out;
the record being read when it broke comes out as far as it was read, flagged
`partial`, and the error is reported with its line, in ElementTree's words.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, NoReturn
from xml.parsers import expat

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

CHUNK = 64 * 1024

_XML_ERROR_UNDEFINED_ENTITY = 11  # the code ElementTree gives its own "undefined entity" error


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


class _LocalNames(dict[str, str]):
    """Expat's ``uri}local`` name -> ``local``, each name worked out once.

    A plain subscript of a dict is one C call; the `__missing__` hook runs only the
    first time a name is seen, so the per-element cost stays that of a lookup.
    """

    def __missing__(self, key: str) -> str:
        value = self[key] = key[key.rfind("}") + 1 :]
        return value


def _expanded_attrib(attrib: dict[str, str]) -> dict[str, str]:
    """Attribute names as ElementTree writes them: expat's ``uri}local`` as ``{uri}local``
    (this is how `xml:lang` arrives even without any namespace declared). Order kept."""
    return {("{" + key if "}" in key else key): value for key, value in attrib.items()}


def _ignore_text(text: str) -> None:
    """Text outside records and inside skipped subtrees.

    A character data handler must stay set: without one expat hands text, including
    ``&amp;`` and character references as written, to the default handler, which
    would take them for undeclared entities.
    """


def _undefined_entity(parser: Any, text: str) -> NoReturn:
    """The error ElementTree's `XMLParser._default` raises for an entity reference
    expat could not resolve (possible when the document has an external DTD that is
    never read); same message, code and position, so the break reads the same."""
    line, column = parser.ErrorLineNumber, parser.ErrorColumnNumber
    err = expat.error(f"undefined entity {text}: line {line}, column {column}")
    err.code = _XML_ERROR_UNDEFINED_ENTITY
    err.lineno = line
    err.offset = column
    raise err


def _refuse_entity_decl(
    name: str,
    is_parameter_entity: bool,
    value: str | None,
    base: str | None,
    sysid: str | None,
    pubid: str | None,
    notation_name: str | None,
) -> NoReturn:
    """defusedxml's `forbid_entities=True`: no entity may be declared at all."""
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation_name)


def _refuse_unparsed_entity_decl(
    name: str, base: str | None, sysid: str | None, pubid: str | None, notation_name: str | None
) -> NoReturn:
    """defusedxml's `forbid_entities=True`, for the expat 1.2 style of declaration callback."""
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation_name)


def _refuse_external_entity(context: str, base: str | None, sysid: str | None, pubid: str | None) -> NoReturn:
    """defusedxml's `forbid_external=True`: never fetch or open anything the XML points to."""
    raise ExternalReferenceForbidden(context, base, sysid, pubid)


_HANDLERS = (
    "StartElementHandler",
    "EndElementHandler",
    "CharacterDataHandler",
    "DefaultHandlerExpand",
    "EntityDeclHandler",
    "UnparsedEntityDeclHandler",
    "ExternalEntityRefHandler",
)


class _RecordParser:
    """An expat parser wired to build record elements, one per `is_record` match.

    The handlers are closures over local state rather than methods: expat calls
    them once per element, and a closure cell is cheaper to reach than an attribute
    of ``self``. While inside a record the character data handler is the C
    `TreeBuilder.data` itself; outside it is a no-op.
    """

    def __init__(
        self,
        is_record: Callable[[str, list[str]], bool],
        skip: Collection[tuple[str, ...]] = (),
    ) -> None:
        parser = expat.ParserCreate(None, "}")  # as ElementTree's XMLParser does
        parser.buffer_text = True
        parser.ordered_attributes = False  # a dict in document order, as ElementTree makes it
        self.parser = parser
        self.done: deque[XmlRecord] = deque()
        done_append = self.done.append
        names = _LocalNames()
        skip_paths = frozenset(tuple(path) for path in skip)
        if any(len(path) < 2 for path in skip_paths):
            raise ValueError("a skip path runs from the record element down to the element to skip")
        skip_names = frozenset(path[-1] for path in skip_paths)
        # names of the open elements of the record, kept only as deep as a skip path needs
        ancestors_kept = max((len(path) - 1 for path in skip_paths), default=0)
        path: list[str] = [""] * ancestors_kept

        stack: list[str] = []  # open elements outside records
        depth = 0  # open elements of the current record; 0 outside records
        skip_depth = 0  # open elements of the subtree being skipped
        builder: ET.TreeBuilder | None = None
        root: ET.Element | None = None
        root_line: int | None = None
        placeholder = ET.TreeBuilder()  # replaced by each record's own builder before use
        b_start: Callable[[str, dict[str, str]], ET.Element] = placeholder.start
        b_end: Callable[[str], ET.Element] = placeholder.end

        def start(tag: str, attrib: dict[str, str]) -> None:
            nonlocal depth, skip_depth, builder, root, root_line, b_start, b_end
            name = names[tag]
            if depth:
                if name in skip_names and depth <= ancestors_kept and (*path[:depth], name) in skip_paths:
                    skip_depth = 1
                    parser.StartElementHandler = skip_start
                    parser.EndElementHandler = skip_end
                    parser.CharacterDataHandler = _ignore_text
                    return
                if depth < ancestors_kept:
                    path[depth] = name
                if attrib and "}" in "".join(attrib):
                    attrib = _expanded_attrib(attrib)
                b_start(name, attrib)
                depth += 1
            elif is_record(name, stack):
                if attrib and "}" in "".join(attrib):
                    attrib = _expanded_attrib(attrib)
                builder = ET.TreeBuilder()
                b_start, b_end = builder.start, builder.end
                root = b_start(name, attrib)
                root_line = parser.CurrentLineNumber
                if ancestors_kept:
                    path[0] = name
                depth = 1
                parser.CharacterDataHandler = builder.data
            else:
                stack.append(name)

        def end(tag: str) -> None:
            nonlocal depth, builder, root
            if depth:
                b_end(names[tag])
                depth -= 1
                if not depth:
                    parser.CharacterDataHandler = _ignore_text
                    done_append(XmlRecord(builder.close(), root_line))  # type: ignore[union-attr]
                    builder = root = None
            elif stack:
                stack.pop()

        def skip_start(tag: str, attrib: dict[str, str]) -> None:
            nonlocal skip_depth
            skip_depth += 1

        def skip_end(tag: str) -> None:
            nonlocal skip_depth
            skip_depth -= 1
            if not skip_depth:
                parser.StartElementHandler = start
                parser.EndElementHandler = end
                parser.CharacterDataHandler = builder.data  # type: ignore[union-attr]

        def default(text: str) -> None:
            # ElementTree's XMLParser sets this handler too; of what it does, only the
            # "undefined entity" error shows (its doctype bookkeeping feeds nothing here)
            if text[:1] == "&":
                _undefined_entity(parser, text)

        def release() -> None:
            # the handlers close over the parser: drop them so parser, closures and the
            # last record go at once, not at the next cyclic garbage collection
            for handler in _HANDLERS:
                setattr(parser, handler, None)

        def partial() -> XmlRecord | None:
            if builder is None or root is None:
                return None
            return XmlRecord(root, root_line, partial=True)

        self.partial = partial
        self.release = release
        parser.StartElementHandler = start
        parser.EndElementHandler = end
        parser.CharacterDataHandler = _ignore_text
        parser.DefaultHandlerExpand = default
        parser.EntityDeclHandler = _refuse_entity_decl
        parser.UnparsedEntityDeclHandler = _refuse_unparsed_entity_decl
        parser.ExternalEntityRefHandler = _refuse_external_entity


def iter_xml_records(
    stream: BinaryIO,
    is_record: Callable[[str, list[str]], bool],
    skip: Collection[tuple[str, ...]] = (),
) -> Iterator[XmlRecord | XmlBreak]:
    """Yield record elements as they complete; if the XML breaks, yield the partial
    record (if one was being read) and then one `XmlBreak` saying why and where.

    `is_record(name, open_elements)` picks the record elements (local names; the
    open elements are those outside any record). `skip` holds paths of local names
    from the record element down, such as ``("PubmedArticle", "PubmedData",
    "ReferenceList")``: those elements, with everything in them, are left out of the
    tree (still parsed, so errors and refusals are the same); the text after one
    joins the text before it, i.e. the parent's text or the previous sibling's tail.
    So name only subtrees whose surroundings the reader never reads either, not even
    through `itertext` of an ancestor.
    """
    reader = _RecordParser(is_record, skip)
    try:
        yield from _drive(reader, stream)
    finally:
        reader.release()


def _drive(reader: _RecordParser, stream: BinaryIO) -> Iterator[XmlRecord | XmlBreak]:
    """Feed the stream to expat and turn what stops it into an `XmlBreak`, worded as
    when ElementTree's parser (via defusedxml) read these files, so messages stay the same."""
    parser = reader.parser
    parse = parser.Parse
    done = reader.done
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
                parse(b"", True)
                break
            parse(chunk, False)
            while done:
                yield done.popleft()
    except DefusedXmlException as exc:
        problem = XmlBreak(
            f"XML declares entities or external references ({type(exc).__name__}: {exc}); refused: "
            "entities are never expanded (this is how 'billion laughs' files attack parsers)",
            int(parser.CurrentLineNumber),
            refused=True,
        )
    except expat.ExpatError as exc:
        problem = XmlBreak(f"XML is malformed or truncated: {exc}", int(exc.lineno))
    except LookupError as exc:  # expat asks Python for an encoding it does not know itself
        problem = XmlBreak(f"XML declares an encoding that cannot be read ({exc})", int(parser.CurrentLineNumber))
    while done:
        yield done.popleft()
    if problem is not None:
        if problem.line is None:
            problem.line = int(parser.CurrentLineNumber)
        partial = None if problem.refused else reader.partial()
        if partial is not None:
            yield partial
        yield problem
