"""Abbreviations the abstract defines itself: "spinal metastases (SM)".

Later families read `abbreviations(doc)` so that "105 SM" counts lesions and a
rate labelled "LTC" reads "local tumor control". The long form is found the
Schwartz-Hearst way: walk back from the parenthesis over at most
len(short) + 5 words until the first word starts with the short form's first
letter and the short form's letters appear in order in the long form.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..literals import char_offsets
from ..regexcache import cached_compile
from .base import doc_text

KEY = ("studyfacts", "abbreviations")

# "(SM)", "(LTC)", "[LTC]", "(SMs)"; the short form starts with a letter and holds a capital.
_DEF = cached_compile(r"[(\[]\s*(?P<short>[A-Za-z][A-Za-z0-9\-]{0,9})\s*[)\];,]")
_WORD = cached_compile(r"[\w\-']+")


def abbreviations(doc: Doc) -> dict[str, str]:
    """Short form -> long form, as defined in this abstract (plural 's' folded)."""
    return doc.user_data.get(KEY, {})


def _long_form(short: str, before: str) -> str | None:
    letters = [c.lower() for c in short if c.isalnum()]
    if not letters or not any(c.isupper() for c in short):
        return None
    words = list(_WORD.finditer(before))
    if not words:
        return None
    limit = min(len(words), len(letters) + 5)
    for k in range(1, limit + 1):
        first = words[-k]
        if first.group()[0].lower() != letters[0]:
            continue
        cand = before[first.start():].strip()
        # the short form's letters, in order, somewhere in the candidate
        pos = 0
        low = cand.lower()
        ok = True
        for c in letters:
            pos = low.find(c, pos)
            if pos < 0:
                ok = False
                break
            pos += 1
        if ok and len(cand) > len(short):
            return cand
    return None


def _definitions(text: str) -> list[regex.Match[str]]:
    """What `_DEF.finditer(text)` finds, tried only at the brackets every match opens with
    (found with str.find, a memchr, instead of a regex scan of every character)."""
    out = []
    end = 0
    match = _DEF.match
    for at in char_offsets(text, "(["):
        if at < end:
            continue  # inside the previous match, which finditer would not revisit
        m = match(text, at)
        if m is not None:
            out.append(m)
            end = m.end()
    return out


def find_abbreviations(text: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for m in _definitions(text):
        short = m.group("short")
        start = m.start()
        before = text[max(0, start - 120):start]
        # stop at the previous clause boundary
        cut = max(before.rfind(p) for p in (".", ";", ":", "(", ")", "[", "]"))
        before = before[cut + 1:]
        long = _long_form(short, before)
        if long:
            key = short[:-1] if short.endswith("s") and short[:-1].isupper() else short
            found.setdefault(key, long)
    return found


@Language.factory("studyfacts_abbreviations")
def make_abbreviations(nlp: Language, name: str) -> AbbreviationFinder:
    return AbbreviationFinder()


class AbbreviationFinder:
    def __call__(self, doc: Doc) -> Doc:
        doc.user_data[KEY] = find_abbreviations(doc_text(doc))
        return doc
