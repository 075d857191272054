"""Small field helpers shared by the readers: years, DOIs, PMIDs, journal names."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from ..regexcache import cached_compile
from .clean import clean_text

_YEAR_RE = cached_compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI_RE = cached_compile(r"\b(10\.\d{3,9}/[^\s\"<>]+)")
_DOI_PREFIX_RE = cached_compile(
    r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/|(?:dx\.)?doi\.org/)", flags=regex.I
)
_URL_RE = cached_compile(r"^\s*(?:https?://|www\.)", flags=regex.I)
_DOI_TAG_RE = cached_compile(r"\s*\[doi\]$", flags=regex.I)
_NON_WORD_RE = cached_compile(r"[^\w]+")
_PMID_RE = cached_compile(r"^\s*(\d{1,9})\s*$")
_PMID_TAGGED_RE = cached_compile(r"^\s*(\d{1,9})\s*\[(?:pmid|pubmed)\]\s*$", flags=regex.I)
_PMID_URL_RE = cached_compile(
    r"(?:pmid[:=]|pubmed/|pubmed\.ncbi\.nlm\.nih\.gov/|list_uids=)(\d{1,9})\b", flags=regex.I
)


def parse_year(*values: str | None) -> int | None:
    """First plausible four-digit year (1500-2099) in the first value that has one."""
    for value in values:
        if not value:
            continue
        match = _YEAR_RE.search(value)
        if match:
            return int(match.group(1))
    return None


def normalise_doi(value: str | None) -> str | None:
    """'https://doi.org/10.1/x' / 'doi: 10.1/x' / '10.1/x [doi]' -> '10.1/x'; None if no DOI."""
    if not value:
        return None
    text = _DOI_PREFIX_RE.sub("", value.strip())
    match = _DOI_RE.search(text)
    if not match:
        return None
    doi = match.group(1)
    doi = _DOI_TAG_RE.sub("", doi)
    # trailing punctuation that is not part of the DOI; keep a closing bracket
    # only when the DOI opened one, e.g. 10.1016/S0140-6736(20)30183-5
    while doi and doi[-1] in ".,;:]}>'\"":
        doi = doi[:-1]
    while doi.endswith(")") and doi.count("(") < doi.count(")"):
        doi = doi[:-1]
    return doi or None


def first_doi(values: Iterable[str | None], *, require_prefix_or_start: bool = False) -> str | None:
    """First DOI found among values.

    With `require_prefix_or_start`, a value counts only when it *is* a DOI (starts
    with 10., doi:, or a doi.org URL), not when a DOI merely occurs inside text.
    """
    for value in values:
        if not value:
            continue
        if require_prefix_or_start:
            stripped = _DOI_PREFIX_RE.sub("", value.strip())
            if not stripped.startswith("10."):
                continue
        doi = normalise_doi(value)
        if doi:
            return doi
    return None


def digits_pmid(value: str | None) -> str | None:
    """'35028752' or '35028752 [PMID]' -> '35028752'."""
    if not value:
        return None
    match = _PMID_RE.match(value) or _PMID_TAGGED_RE.match(value)
    if match and match.group(1).lstrip("0"):
        return match.group(1)
    return None


def pmid_in_url(value: str | None) -> str | None:
    if not value:
        return None
    match = _PMID_URL_RE.search(value)
    return match.group(1) if match else None


def is_url(value: str | None) -> bool:
    return bool(value and _URL_RE.match(value))


def _key(name: str) -> str:
    return _NON_WORD_RE.sub("", name.casefold())


def pick_journal(candidates: Iterable[str | None]) -> str | None:
    """The fullest journal name among candidates (URLs and blanks ignored).

    Full names beat abbreviations: the longest cleaned candidate wins, and on a tie
    the earlier one.
    """
    best: str | None = None
    for value in candidates:
        text = clean_text(value)
        if not text or is_url(text):
            continue
        if best is None or len(text) > len(best):
            best = text
    return best


def same_text(a: str | None, b: str | None) -> bool:
    return bool(a and b and _key(a) == _key(b))


def dedupe(items: Iterable[str]) -> list[str]:
    """The non-empty items, each once, in the order first seen."""
    # a dict keeps insertion order; filter and fromkeys run in C, not a Python loop per item
    return list(dict.fromkeys(filter(None, items)))
