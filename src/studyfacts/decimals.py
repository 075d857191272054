"""Decimal commas, read as full stops where an abstract writes its decimals that way.

"mean age 66,8 ± 11,3 years", "in 55,8%", "p < 0,05": the rules read decimals with a full stop,
so such an abstract lost its ages, follow-ups and scores, or read "61,4 years" as 61. The
knowledge is data (`patterns/lexicons/decimal_comma.json`): what shows that an abstract writes
decimals with a comma (`evidence`), what says it does not (`against`: a comma grouping
thousands, "1,204 patients"), and which commas are decimal ones (`decimal`). A text is changed
one character for one, so every offset, and every span's text (cut from the abstract as
written), stays the abstract's own.
"""

from __future__ import annotations

from .regexcache import cached_compile
from .rules import load_lexicon

_DATA = load_lexicon("decimal_comma")
_EVIDENCE = cached_compile("|".join(f"(?:{e['pattern']})" for e in _DATA["evidence"]))
_AGAINST = cached_compile(_DATA["against"]["pattern"])
_DECIMAL = cached_compile(_DATA["decimal"]["pattern"])


def _digit_comma_digit(text: str) -> bool:
    """Whether a comma stands between two digits anywhere: most abstracts have none, and a
    loop over the commas costs a tenth of a scan by the evidence patterns."""
    at = text.find(",")
    while at >= 0:
        if at and text[at - 1].isdigit() and text[at + 1 : at + 2].isdigit():
            return True
        at = text.find(",", at + 1)
    return False


def writes_decimal_commas(text: str) -> bool:
    """Whether the text shows decimals written with a comma and no comma grouping thousands."""
    return _digit_comma_digit(text) and _EVIDENCE.search(text) is not None and _AGAINST.search(text) is None


def read_decimal_commas(text: str) -> str:
    """The text with each decimal comma as a full stop, when it writes decimals that way; else the text."""
    if not writes_decimal_commas(text):
        return text
    return _DECIMAL.sub(".", text)
