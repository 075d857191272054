"""Numbers as abstracts write them, and the named regex fragments every rule is built from.

Rules in `patterns/*.jsonl` write `{INT}`, `{NUM}`, `{PM}`, `{DASH}`, `{RANGE}` ...
and `expand()` substitutes the fragments below before compiling. Every
fragment is linear: no nested quantifier can match the same characters two
ways, so matching cannot backtrack catastrophically.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import regex

from .regexcache import cached_compile


def trie_alternation(terms: Iterable[str]) -> str:
    """A regex alternation of literal terms, factored by shared beginnings:
    "t(?:en|wo|hree)" for ten|two|three. regex tries a flat list of n words one by one
    at each position; the factored form dispatches on each character, several times
    faster. Where several terms match at one place they are prefixes of each other, and
    the longest is tried first, as in a flat list sorted longest first, so the matches
    are the same. A space in a term matches any run of white space."""
    tree: dict[str, Any] = {}
    for term in terms:
        node = tree
        for ch in term:
            node = node.setdefault(r"\s+" if ch == " " else regex.escape(ch), {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [key + emit(sub) for key, sub in sorted(node.items()) if key]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and "" not in node else "(?:" + "|".join(alts) + ")"
        return body + ("?" if "" in node else "")

    body = emit(tree)
    return body if body.startswith("(?:") and body.endswith(")") and "" not in tree else f"(?:{body})"


def suffix_trie_alternation(terms: Iterable[str]) -> str:
    """The alternation of `trie_alternation`, factored by shared endings instead: "(?:wo)?men"
    for men|women. For patterns matched right to left (`(?r)`, the left cues of cues.py),
    where the engine reads a term from its last character: an alternation factored by
    beginnings then dispatches on nothing and tries every term in turn at each place. Where
    several terms end at one place they are suffixes of each other, and the longest is
    tried first."""
    tree: dict[str, Any] = {}
    for term in terms:
        node = tree
        for ch in reversed(term):
            node = node.setdefault(r"\s+" if ch == " " else regex.escape(ch), {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [emit(sub) + key for key, sub in sorted(node.items()) if key]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        # a term begins here: what lies further left is optional (tried first: the longer term)
        return f"(?:{body})?" if "" in node else body

    return f"(?:{emit(tree)})"


# Thousands separators seen in exports: comma, thin space, narrow and ordinary
# no-break space ("10 761"), and a plain space ("324 418", EndNote/Wolters).
# the spaces that may group thousands (also read by rules.count_starts and the design family)
SEPARATOR_SPACES = "\u00a0\u2007\u2008\u2009\u202f"
_THOU = rf"[,{SEPARATOR_SPACES}]"
_DIGIT_GROUP = r"\d{1,3}(?:" + _THOU + r"\d{3})+(?![\d.,]\d)"

# Spelled-out numbers: "Thirty-four", "one hundred and twelve", "Two hundred eighty-four".
UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALE_WORDS = {"hundred": 100, "thousand": 1000}

_UNIT_ALT = trie_alternation(UNITS_WORDS)
_TENS_ALT = trie_alternation(TENS_WORDS)
# "Thirty-four", "thirty four", and "Ninety- nine" (a line break's hyphen left with its space)
_SMALL = rf"(?:(?:{_TENS_ALT})(?:(?:[-\u2010\u2011]\ ?|\ )(?:{_UNIT_ALT}))?|(?:{_UNIT_ALT}))"
# Each repetition must start with a scale word, so a word is read only one way.
_WORDNUM = (
    rf"(?:{_SMALL}(?:[ -](?:hundred|thousand)(?:(?:[ -]|\ and\ |-and-)(?!hundred|thousand){_SMALL})?)*)"
)

FRAGMENTS: dict[str, str] = {
    # an integer, with or without thousands separators
    # not inside another number: no digit or "." before it, and no "," unless four or more
    # digits precede that comma, which then cannot be a thousands separator ("From January
    # 2010 to January 2013,42 patients": a comma without its space), or a letter does ("Total of
    # 47 patients seen,32 were male": the same)
    # and no leading zero ("1, 058 participants": a thousands group cut off by a stray space)
    "INT": rf"(?<![\d.])(?:(?<!,)|(?<=\d{{4}},)|(?<=[^\W\d_],))(?!0\d)(?:{_DIGIT_GROUP}|\d+)(?![\d]|[.,·]\d)",
    # any number: integer or decimal (point or Lancet's middle dot)
    # a decimal comma only before a ± ("age 56,9 +/- 12 years" is 56.9), where it cannot be a list;
    # never the tail or the head of one elsewhere ("55,8%" is neither 8 nor 55)
    "NUM": r"(?<![\d.])(?<!\d,)\d+(?:[.·]\d+|,\d{1,2}(?=\s*(?:±|\+/-|-/\+|\+/−)))?(?![\d]|,\d{1,2}(?!\d))",
    "WORDNUM": rf"(?i:\b{_WORDNUM}\b)",
    # ... and a plus sign alone before a number, a ± the export lost ("mean age 16.7+1.7 years", "15.8 + 6.4 months")
    "PM": r"(?:±|\+/-|\+/−|\+-|\+\ ?/\ ?-|-/\+|−/\+|\+(?=\ ?\d))",
    "DASH": r"(?:\s*[-–—‐‑‒−]\s*|\s+to\s+)",
    "SP": rf"[ {SEPARATOR_SPACES}]",
}
FRAGMENTS["RANGE"] = rf"{FRAGMENTS['NUM']}{FRAGMENTS['DASH']}{FRAGMENTS['NUM']}"
# a count may also group its thousands with a plain space ("A total of 39 674 patients", "324 418
# heart failure patients"): only for counts, where the next word names what is counted, not for
# any number (a statistic's "3 100" is more likely two numbers)
# (INT with a plain-space group as its first choice, under the same look-behinds: one test per
# position, not two)
FRAGMENTS["COUNT_INT"] = (
    rf"(?<![\d.])(?:(?<!,)|(?<=\d{{4}},)|(?<=[^\W\d_],))(?!0\d)"
    rf"(?:\d{{1,3}}(?: \d{{3}})+(?!\d|[.,·]\d|\s\d)|{_DIGIT_GROUP}|\d+)(?![\d]|[.,·]\d)"
)
FRAGMENTS["COUNT"] = rf"(?:{FRAGMENTS['COUNT_INT']}|{FRAGMENTS['WORDNUM']})"

_PLACEHOLDER = cached_compile(r"\{([A-Z][A-Z0-9_]*)\}")


def expand(pattern: str, extra: dict[str, str] | None = None) -> str:
    """Substitute `{NAME}` fragments (repeatedly, so fragments may use fragments)."""
    table = {**FRAGMENTS, **(extra or {})}

    def sub(m: regex.Match[str]) -> str:
        name = m.group(1)
        if name not in table:
            raise KeyError(f"unknown fragment {{{name}}}")
        return f"(?:{table[name]})"

    for _ in range(5):
        new = _PLACEHOLDER.sub(sub, pattern)
        if new == pattern:
            return new
        pattern = new
    return pattern


_SEP_RE = cached_compile(rf"[, {SEPARATOR_SPACES}]")
# what joins the words of a spelled number: white space, a hyphen or a Unicode hyphen
WORD_JOIN = r"[\s\-\u2010\u2011]"
_WORD_SPLIT = cached_compile(WORD_JOIN + "+")


def parse_int(text: str) -> int | None:
    """'1,234' / '1 234' / '56' / 'Thirty-four' -> int; None if it is not a whole number."""
    t = text.strip()
    digits = _SEP_RE.sub("", t)
    if digits.isdigit():
        return int(digits)
    return words_to_int(t)


_DECIMAL_COMMA = cached_compile(r"-?\d+,\d{1,2}")


def parse_num(text: str) -> float | None:
    """'6.8' / '6·8' / '56,9' (a decimal comma: one or two digits after it) / '1,234' / 'twelve' -> float."""
    t = text.strip().replace("·", ".").replace("−", "-")
    if _DECIMAL_COMMA.fullmatch(t):
        t = t.replace(",", ".")
    try:
        return float(_SEP_RE.sub("", t))
    except ValueError:
        v = words_to_int(t)
        return float(v) if v is not None else None


def words_to_int(text: str) -> int | None:
    """English number words to an int: 'one hundred and twelve' -> 112."""
    words = [w for w in _WORD_SPLIT.split(text.lower()) if w and w != "and"]
    if not words:
        return None
    total, current = 0, 0
    for w in words:
        if w in UNITS_WORDS:
            current += UNITS_WORDS[w]
        elif w in TENS_WORDS:
            current += TENS_WORDS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


def clean_number(value: float) -> float | int:
    """3.0 -> 3 so JSON shows what the abstract printed."""
    return int(value) if float(value).is_integer() else value
