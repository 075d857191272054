"""Which export format a file holds, judged from its first bytes (never its name)."""

from __future__ import annotations

import regex

from ..regexcache import cached_compile

FORMATS = (
    "ris", "medline", "pubmed-xml", "endnote-xml", "wos-tagged",
    "csv", "tsv", "xlsx", "bibtex", "csl-json", "zotero-rdf", "eppi-json",
)
# What each format is, in the words of messages ("unknown format: not ...")
FORMAT_NAMES = (
    "RIS (TY  - ...)", "PubMed MEDLINE (PMID- ...)", "PubMed XML", "EndNote XML", "Web of Science tagged",
    "CSV/TSV with a header row", "Excel (.xlsx)", "BibTeX", "CSL-JSON", "Zotero RDF", "EPPI-Reviewer JSON",
)

# RIS: a TY line, with the usual two spaces or the one-space variant ("TY - JOUR")
_RIS_START_RE = cached_compile(r"^TY {1,3}-(?: |$)", flags=regex.M)
# MEDLINE / .nbib: PMID tag padded to four characters
_MEDLINE_START_RE = cached_compile(r"^PMID ?- ", flags=regex.M)
# Web of Science tagged: FN header, or PT line + two-letter tags with one space
_WOS_HEADER_RE = cached_compile(r"\A\s*(?:FN [^\n]*\n(?:VR [^\n]*\n)?)?\s*PT [A-Z]\s*$", flags=regex.M)
_WOS_FN_RE = cached_compile(r"\A\s*FN (?:Clarivate|Thomson|ISI)", flags=regex.I)
_XML_ROOT_RE = cached_compile(r"<(?!\?|!)([A-Za-z_][\w.:-]*)")
_ENDNOTE_RE = cached_compile(r"<records>\s*<record>")
# BibTeX: an entry opening a line; @comment/@string/@preamble alone do not make a BibTeX file
_BIBTEX_RE = cached_compile(
    r"^[ \t]*@[ \t]*(?!(?i:comment|string|preamble)\b)[A-Za-z][\w-]*[ \t]*[{(]", flags=regex.M
)
_ZOTERO_NS_RE = cached_compile(r"zotero\.org/namespaces/export|purl\.org/net/biblio")
_JSON_FIRST_KEY_RE = cached_compile(r'\A\{\s*"([^"\\]{1,40})"\s*:')
_CSL_KEY_RE = cached_compile(r'"(?:type|title|issued|author|container-title|citation-key|DOI)"\s*:')
_EPPI_KEYS = frozenset({"CodeSets", "References"})
_PUBMED_ROOTS = frozenset(
    {"PubmedArticleSet", "PubmedArticle", "MedlineCitationSet", "MedlineCitation", "PubmedBookArticle"}
)


def _xml_root(head: str) -> str | None:
    """Name of the first element, skipping the XML declaration, comments and DOCTYPE."""
    pos = 0
    n = len(head)
    while pos < n:
        lt = head.find("<", pos)
        if lt < 0:
            return None
        if head.startswith("<?", lt):
            end = head.find("?>", lt)
            pos = n if end < 0 else end + 2
        elif head.startswith("<!--", lt):
            end = head.find("-->", lt)
            pos = n if end < 0 else end + 3
        elif head.startswith("<!DOCTYPE", lt) or head.startswith("<!doctype", lt):
            bracket = head.find("[", lt)
            gt = head.find(">", lt)
            if bracket != -1 and (gt == -1 or bracket < gt):
                end = head.find("]", bracket)
                end = head.find(">", end) if end != -1 else -1
            else:
                end = gt
            pos = n if end < 0 else end + 1
        else:
            match = _XML_ROOT_RE.match(head, lt)
            return match.group(1) if match else None
    return None


def detect_format(head: str) -> str | None:
    """One of `FORMATS` (except 'xlsx', which `source.open_source` knows from the bytes),
    or None if unknown.

    `head` is the beginning of the decoded text (the first few kilobytes suffice). The
    formats with a mark of their own come first (XML roots, JSON, tagged lines); BibTeX
    is an `@type{` line; a table is a row of known column names within the first rows.
    """
    text = head.lstrip("\ufeff \t\r\n")
    if not text:
        return None
    if text.startswith("<"):
        root = _xml_root(text)
        if root is None:
            return None
        local = root.split(":")[-1]
        if local in _PUBMED_ROOTS:
            return "pubmed-xml"
        if local == "xml" and _ENDNOTE_RE.search(text):
            return "endnote-xml"
        if local == "records" and "<record>" in text:
            return "endnote-xml"
        if local == "RDF" and _ZOTERO_NS_RE.search(text):
            return "zotero-rdf"
        return None
    if text[0] in "[{":
        return _json_format(text)
    if _WOS_FN_RE.match(text) or _WOS_HEADER_RE.match(text):
        return "wos-tagged"
    ris = _RIS_START_RE.search(text)
    medline = _MEDLINE_START_RE.search(text)
    bibtex = _BIBTEX_RE.search(text) if "@" in text else None
    marks = [m.start() for m in (ris, medline, bibtex) if m is not None]
    if not marks or min(marks) > 0:
        # a table whose first row is its header stays a table, even when a cell further down
        # holds a line that looks like a RIS tag, a MEDLINE PMID or a BibTeX entry
        from .tabular import sniff_tabular  # the header finder the reader uses too

        table = sniff_tabular(text)
        if table is not None and (table[1] == 0 or not marks):
            return "tsv" if table[0] == "\t" else "csv"
    if ris and medline:
        return "ris" if ris.start() < medline.start() else "medline"
    if ris:
        return "ris"
    if medline:
        return "medline"
    if bibtex:
        return "bibtex"
    return None


def _json_format(text: str) -> str | None:
    """EPPI-Reviewer's report object, or a CSL-JSON array of items (or one item)."""
    if text[0] == "{":
        first = _JSON_FIRST_KEY_RE.match(text)
        if first and first.group(1) in _EPPI_KEYS:
            return "eppi-json"
        return "csl-json" if first and _CSL_KEY_RE.search(text, 0, 4096) else None
    rest = text[1:].lstrip()
    if rest.startswith("{") and _CSL_KEY_RE.search(text, 0, 4096):
        return "csl-json"
    return None
