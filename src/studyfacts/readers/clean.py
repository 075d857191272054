"""The canonical abstract: one plain string per record.

Every later character offset refers to the string `clean_abstract` returns, so
every reader funnels its raw abstract through it:

* markup removed: HTML/JATS inline tags (`<i>`, `<sub>`, `<jats:italic>` ...) vanish
  without a space, block tags (`<p>`, `<jats:p>`, `<br/>` ...) become a space;
  PubMed-XML markup pasted into RIS (Lens) is rendered like the PubMed XML reader
  renders it: `<AbstractText Label="METHODS">` becomes ``METHODS: `` inline and
  `<CopyrightInformation>` goes to the copyright;
* HTML entities unescaped (`&lt;`, `&#946;`, `&ndash;`);
* whitespace runs (including line breaks of wrapped lines) collapsed to one space;
  non-ASCII characters (±, –, ≥, NBSP) kept as they are;
* a trailing publisher copyright statement split off and returned separately.
"""

from __future__ import annotations

import html

import regex

from ..regexcache import cached_compile

__all__ = ["clean_abstract", "clean_text", "strip_markup", "split_copyright", "normalise_space"]

# ---------------------------------------------------------------------------
# Markup
# ---------------------------------------------------------------------------

# Only these element names are treated as markup; anything else in angle brackets
# ("<age 50 and BMI>30", "<or=", "p < 0.05") is text and stays.
_INLINE_TAGS = frozenset(
    """
    i b u em strong sub sup sc scp small big tt code span font a abbr cite q s strike del ins
    italic bold underline monospace sans-serif roman overline styled-content named-content
    inline-formula inline-graphic ext-link uri xref email fn-ref tex-math math
    """.split()
)
_BLOCK_TAGS = frozenset(
    """
    p br hr div section sec article body blockquote pre ul ol li dl dt dd table thead tbody tr td th
    caption list list-item def-list def-item term def disp-quote disp-formula graphic fig label
    abstract trans-abstract abstracttext otherabstract center
    """.split()
)
_HEADING_TAGS = frozenset("title h1 h2 h3 h4 h5 h6 subtitle".split())

_TAG_RE = cached_compile(
    r"<(/?)((?:jats|mml|xhtml|ns\d):)?([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)(/?)>",
)
_LABEL_ATTR_RE = cached_compile(r"""\bLabel\s*=\s*(?:"([^"]*)"|'([^']*)')""", flags=regex.I)
_COPYRIGHT_EL_RE = cached_compile(
    r"<((?:\w+:)?CopyrightInformation)\b[^<>]*>(.*?)(?:</\1\s*>|$)", flags=regex.S | regex.I
)
_HEADING_EL_RE = cached_compile(
    r"<((?:jats:|xhtml:)?(?:title|h[1-6]))\b[^<>]*>([^<]{0,200})</\1\s*>", flags=regex.I
)
_HAS_TAG_RE = cached_compile(r"</?(?:(?:jats|mml|xhtml):)?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_ESCAPED_AGAIN_RE = cached_compile(r"&(?:amp|lt|gt|quot|apos|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});")

_WS_RE = cached_compile(r"[ \t\n\r\f\v\x85\u2028\u2029]+")
_INVISIBLE_RE = cached_compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b\ufeff\u00ad]")
# Every character either regex above matches, but the plain space.
_REGEX_PATH_CHARS = (
    "".join(map(chr, range(0x20))) + "\x7f\x85\u00ad\u200b\u2028\u2029\ufeff"
)


def normalise_space(text: str) -> str:
    """Collapse runs of layout whitespace to one space and strip; NBSP and thin spaces stay."""
    if text.isprintable():
        # the common case, and a fast one: printable text holds no control or format
        # characters and no white space but the plain space (every other space is a
        # separator, which Python counts as unprintable), so str.split() splits exactly
        # where the regexes would; and when no two spaces meet and none is at an end,
        # there is nothing to do
        if "  " in text or text[:1] == " " or text[-1:] == " ":
            return " ".join(text.split())
        return text
    # Speed: the regexes cost ~30 ns a character, and most unprintable text is so only
    # because of NBSP or thin spaces, which stay. Without any character of either class
    # (one fast `in` test each), the first regex removes nothing and the second only
    # joins runs of plain spaces.
    if any(ch in text for ch in _REGEX_PATH_CHARS):
        return _WS_RE.sub(" ", _INVISIBLE_RE.sub("", text)).strip()
    return (_WS_RE.sub(" ", text) if "  " in text else text).strip()


def _heading(match: regex.Match[str]) -> str:
    title = normalise_space(html.unescape(match.group(2)))
    if not title or title.casefold().rstrip(":. ") in {"abstract", "summary", "graphical abstract"}:
        return " "
    if title[-1] in ":.?!":
        return f" {title} "
    return f" {title}: "


def _tag(match: regex.Match[str]) -> str:
    closing, prefix, name, attrs, _selfclose = match.groups()
    low = name.lower()
    if low == "abstracttext":
        if closing:
            return " "
        label = _LABEL_ATTR_RE.search(attrs or "")
        if label:
            text = normalise_space(html.unescape(label.group(1) or label.group(2) or ""))
            if text:
                return f" {text}: "
        return " "
    if low in _INLINE_TAGS:
        return ""
    if low in _BLOCK_TAGS or low in _HEADING_TAGS:
        return " "
    if prefix:  # any other jats:/mml: element is markup too
        return " " if prefix.lower().startswith("jats") else ""
    return match.group(0)


def _drop_annotations(text: str) -> str:
    """Remove MathML <annotation> elements (a TeX copy of the formula), in linear time."""
    out: list[str] = []
    pos = 0
    while True:
        start = text.find("annotation", pos)
        if start < 0:
            break
        lt = start - 1 if text[start - 1 : start] == "<" else start - 5
        if lt < 0 or text[lt:start] not in ("<", "<mml:"):
            out.append(text[pos : start + 10])
            pos = start + 10
            continue
        end = text.find("annotation>", start + 10)
        while end >= 0 and text[end - 2 : end] != "</" and text[end - 6 : end] != "</mml:":
            end = text.find("annotation>", end + 11)
        if end < 0:
            break  # not closed: leave the rest as it is
        out.append(text[pos:lt])
        out.append(" ")
        pos = end + len("annotation>")
    out.append(text[pos:])
    return "".join(out)


def strip_markup(text: str) -> tuple[str, str | None]:
    """Remove known markup; return (text, copyright taken from <CopyrightInformation>)."""
    copyright_parts: list[str] = []

    def _copyright(match: regex.Match[str]) -> str:
        copyright_parts.append(normalise_space(html.unescape(_TAG_RE.sub(" ", match.group(2)))))
        return " "

    if "<" in text:
        if "opyright" in text:
            text = _COPYRIGHT_EL_RE.sub(_copyright, text)
        if "annotation" in text:
            text = _drop_annotations(text)
        text = _HEADING_EL_RE.sub(_heading, text)
        text = _TAG_RE.sub(_tag, text)
    if "&" in text:
        text = html.unescape(text)
        # escaped twice (&amp;lt;p&amp;gt;): one more round, only for the plain entities
        for _ in range(2):
            if "&" not in text or not _ESCAPED_AGAIN_RE.search(text):
                break
            text = _ESCAPED_AGAIN_RE.sub(lambda m: html.unescape(m.group(0)), text)
        # markup that was itself escaped (&lt;p&gt;...) shows up only now
        if "<" in text and _HAS_TAG_RE.search(text):
            text = _HEADING_EL_RE.sub(_heading, text)
            text = _TAG_RE.sub(_tag, text)
    copyright = " ".join(p for p in copyright_parts if p) or None
    return text, copyright


def clean_text(raw: str | None) -> str:
    """Markup-free, whitespace-normalised text for titles, journals, keywords."""
    if not raw:
        return ""
    if "<" in raw or "&" in raw:  # else strip_markup has nothing to do (most titles, names, keywords)
        raw, _ = strip_markup(raw)
    return normalise_space(raw)


# ---------------------------------------------------------------------------
# Trailing copyright statements
# ---------------------------------------------------------------------------

# A copyright statement starts a sentence with one of these.
_CR_START_RE = cached_compile(
    r"""
    (?:
        (?:Crown\s+)?Copyright\b
      | ©
      | \((?:c|C)\)(?=\s*(?:\d|[A-Z]))
      | \((?:copyright|Copyright|COPYRIGHT)\)
      | (?:\(\s*)?(?:PsycINFO|PsycInfo|PsycARTICLES)\s+Database\s+Record
      | (?:This\s+article\s+is\s+)?protected\s+by\s+copyright
      | Published\s+by\s
      | All\s+rights\s+reserved
      | The\s+Author(?:\(s\)|s)?\s*[,.]?\s*(?:\d{4}|under\s+exclusive|published|licensee)
      | Licensee\s
      | Open\s+Access\s+This\s+article
      | This\s+(?:is\s+an\s+)?open[-\s]access\s+article
      | This\s+article\s+is\s+(?:an\s+open\s+access\s+article|distributed\s+under|licensed\s+under)
    )
    """,
    flags=regex.X,
)
# Words that every sentence of a copyright tail contains at least one of.
_CR_WORD_RE = cached_compile(
    r"""
    ©|\([cC]\)|\bcopyright|\brights?\s+reserved|\bpublished\s+by|\bpublishing|\bpublisher
    |\blicen[cs]|\bcreative\s+commons|\bopen[-\s]access|\bauthor\(s\)|\bthe\s+authors?\b
    |\bdatabase\s+record|\bon\s+behalf\s+of|\bexclusive\s+rights|\belsevier|\bwiley|\bspringer
    |\btaylor\s*&\s*francis|\bsage\b|\bwolters|\bkluwer|\blippincott|\boxford\s+university
    |\bcambridge\s+university|\bbmj\b|\bkarger|\bthieme|\bmdpi|\bfrontiers|\bamerican\b[^.]{0,80}?\bassociation
    |\bsociety\b|\bltd\b|\binc\b|\bllc\b|\bb\.\s?v\b|\bgmbh\b|\bapa\b|\bcc[-\s]by|\bpermission
    |\bre-?use|\bdistributed\s+under|\b(?:publishing|licen[cs]e)\s+agreement|\brightsholder
    |\bself-archiving|\baccepted\s+manuscript
    |\breproduc|\bprohibited|\boriginally\s+published|\bpublic\s+domain|\bgovernment\s+work
    """,
    flags=regex.X | regex.I,
)
_MAX_TAIL = 700
# What may follow a ©/(c)/Copyright marker in a real statement: a year, a name, "by",
# "the", "of", punctuation; not an ordinary lower-case word ("the © symbol on ...").
_AFTER_MARKER_RE = cached_compile(r"\s*(?:$|[\d\p{Lu}©(\[:,;.&'\"]|(?:by|the|of|copyright|and)\b)")
_YEAR_RE = cached_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_AFTER_RE = cached_compile(r"[\s,:]*(?:(?:by\s+)?(?:19|20)\d\d\b|©|\((?:c|C)\))")
_SYMBOL_MARKER_RE = cached_compile(r"©|\([cC]\)|\((?i:copyright)\)|(?:Crown\s+)?Copyright\b")


_ABBREV_END_RE = cached_compile(r"(?:\b[A-Z]\.|\b(?:Ltd|Inc|Co|Pty|St|Corp|No|Vol)\.)$")
_SENTENCE_SPLIT_RE = cached_compile(r"(?<=[.!?])\s+(?=[A-Z©(])")
_BARE_MARKER_RE = cached_compile(r"©|\([cC]\)|Copyright")


def _tail_sentences(tail: str) -> list[str]:
    # Split only at ". " followed by an upper-case letter, ©, or "("; a piece shorter
    # than 20 characters ("L." of "S. L.", "Inc.") is glued to the one before, so
    # abbreviations inside a statement do not count as sentences of their own.
    pieces: list[str] = []
    for piece in _SENTENCE_SPLIT_RE.split(tail):
        if not piece.strip():
            continue
        if pieces and (len(piece) < 20 or _ABBREV_END_RE.search(pieces[-1])):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def _symbol_statement(text: str, match: regex.Match[str], first_sentence: str) -> bool:
    """A ©/(c)/Copyright marker needs more evidence than itself: a year in its sentence,
    or one more copyright word after it. "(c)" after "(b)" is an enumeration unless a
    year follows at once."""
    marker = match.group(0)
    if marker in ("(c)", "(C)") and "(b)" in text[max(0, match.start() - 400) : match.start()]:
        return bool(_YEAR_AFTER_RE.match(text, match.end()))
    if _YEAR_RE.search(first_sentence):
        return True
    return bool(_CR_WORD_RE.search(text, match.end()))


def split_copyright(text: str) -> tuple[str, str | None]:
    """Split a trailing copyright statement off a normalised abstract.

    Only the end of the abstract is looked at: the statement must start a sentence,
    lie within the last `_MAX_TAIL` characters, and every sentence of it must carry
    a copyright/publisher word. A © inside the body with real text after it stays.
    """
    if not text:
        return text, None
    window_start = max(0, len(text) - _MAX_TAIL)
    for match in _CR_START_RE.finditer(text, window_start):
        start = match.start()
        # the marker must begin a sentence (or be the whole abstract)
        if start > 0:
            before = text[:start].rstrip()
            if not before:
                continue
            if before[-1] not in ".!?;:)]" and not text[start] == "(":
                # "... 2019 (c) Elsevier" without a full stop is still a tail if
                # the marker is a © / (c) / Copyright word
                if not _BARE_MARKER_RE.match(text, start):
                    continue
        is_symbol = bool(_SYMBOL_MARKER_RE.fullmatch(match.group(0)))
        if is_symbol and not _AFTER_MARKER_RE.match(text, match.end()):
            continue  # "the © symbol on labels ...": a word, not a statement
        tail = text[start:]
        sentences = _tail_sentences(tail)
        if not sentences or not all(_CR_WORD_RE.search(s) for s in sentences):
            continue
        if is_symbol and not _symbol_statement(text, match, sentences[0]):
            continue
        body = text[:start].rstrip()
        if not body:
            # the whole "abstract" is a copyright line
            return "", tail.strip()
        return body, tail.strip()
    return text, None


# ---------------------------------------------------------------------------
# Placeholders that mean "no abstract"
# ---------------------------------------------------------------------------

_PLACEHOLDER_RE = cached_compile(
    r"""^[\[(]?\s*(?:no\s+abstract(?:\s+(?:is\s+)?available)?|abstract\s+(?:not\s+)?(?:available|unavailable)
    |not\s+available|n/?a|none|null|undefined|abstract|no\s+abstract\s+provided)\s*[.\])]?$""",
    flags=regex.I | regex.X,
)


# EBSCO (CINAHL) appends where the abstract came from; it is not part of the abstract.
_EBSCO_TRAILER_RE = cached_compile(r"\s*\bABSTRACT FROM (?:AUTHOR|PUBLISHER)\s*$")


def _drop_ebsco_trailer(text: str) -> str:
    """`_EBSCO_TRAILER_RE.sub("", text)` for a text that ends with AUTHOR or PUBLISHER.

    Speed: the regex has no literal to start from, so `sub` tries it at every character
    (8 ms on a 418,000-character EBSCO record). Its one possible match ends where the
    text ends (the text ends with a letter), so it is searched for in the last 64
    characters only; only when the match found starts right at that cut (white space
    may run on before it) is the whole text searched.
    """
    cut = max(0, len(text) - 64)
    match = _EBSCO_TRAILER_RE.search(text, cut)
    if match is None:
        return text
    if match.start() == cut and cut > 0:
        return _EBSCO_TRAILER_RE.sub("", text)
    return text[: match.start()] + text[match.end() :]


def clean_abstract(raw: str | None) -> tuple[str, str | None]:
    """Return (canonical abstract, removed copyright statement or None).

    The canonical abstract is "" when nothing but markup, whitespace, a placeholder
    ("No abstract available") or a copyright line is there.
    """
    if not raw:
        return "", None
    text, markup_copyright = strip_markup(raw)
    text = normalise_space(text)
    if text.endswith(("AUTHOR", "PUBLISHER")):
        text = _drop_ebsco_trailer(text)
    text, tail_copyright = split_copyright(text)
    if _PLACEHOLDER_RE.match(text):
        text = ""
    parts = [p for p in (markup_copyright, tail_copyright) if p]
    copyright = " ".join(parts) if parts else None
    return text, copyright
