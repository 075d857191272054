"""Sentence starts: spaCy's rule-based `Sentencizer` rule, found from the few places it can fire.

The rule (spaCy's): a sentence ends at a token that is one of the sentence-final
punctuation characters ("." as a token of its own, not the dot of "2.5" or
"e.g."), and the next sentence begins at the first token after it that is
neither punctuation nor sentence-final. spaCy's component walks every token,
creating a `Token` object for each, which took about 5 % of the whole
extraction. Here the text is searched for the final characters, each is kept
only where it is a token by itself, and tokens are looked at only after those:
the same starts (a test compares them with spaCy's over real abstracts) for a
fraction of the time. The sentences' character bounds go to `doc.user_data`
for the fact families.
"""

from __future__ import annotations

import bisect

from spacy.attrs import IDX
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from ..literals import char_offsets
from ..regexcache import cached_compile
from .base import SENTS_KEY, bounds_from_starts, doc_text

_FINAL_CHARS = frozenset(Sentencizer.default_punct_chars)
# A class of all 128 characters is slow to scan for (several of them lie beyond the BMP),
# so: the ASCII three, then any non-ASCII character, kept when it is one of the others.
_ASCII_FINALS = ".!?"
_NON_ASCII = cached_compile(r"[^\x00-\x7f]")


def _final_offsets(text: str) -> list[int]:
    found = char_offsets(text, _ASCII_FINALS)  # the ASCII three: a few dozen a text
    if not text.isascii():
        more = [m.start() for m in _NON_ASCII.finditer(text) if m.group() in _FINAL_CHARS]
        if more:
            found = sorted(found + more)
    return found


def sentence_starts(doc: Doc, text: str) -> list[int]:
    """Character offsets of the tokens that start a sentence (the first token always does)."""
    n = len(doc)
    if not n:
        return []
    idx: list[int] | None = None
    starts = [0]
    after = 0  # tokens before this index are settled
    for c in _final_offsets(text):
        if idx is None:
            idx = doc.to_array(IDX).tolist()
        i = bisect.bisect_left(idx, c)
        if i >= n or idx[i] != c or i < after:
            continue  # not the start of a token, or already passed
        end = idx[i + 1] if i + 1 < n else len(text)
        if text[c + 1 : end].strip():
            continue  # a longer token that merely begins with the character ("...", "?!")
        j = i + 1
        while j < n:
            tok = doc[j]
            if not tok.is_punct and tok.text not in _FINAL_CHARS:
                break
            j += 1
        if j < n and j != starts[-1]:
            starts.append(j)
        after = j
    if idx is None:
        return [doc[0].idx]
    return [idx[j] for j in starts]


class Sentences:
    """Puts the sentences' character bounds in `doc.user_data` (see `base.sentence_bounds`).
    It does not set `token.is_sent_start`: nothing here reads `doc.sents`, and writing
    spaCy's per-token flags would cost as much again."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc.user_data[SENTS_KEY] = bounds_from_starts(text, sentence_starts(doc, text))
        return doc


@Language.factory("studyfacts_sentences")
def make_sentences(nlp: Language, name: str) -> Sentences:
    return Sentences(nlp, name)
