"""Numbers as abstracts print them: separators, words, decimals, and the fragments rules are built from."""

from __future__ import annotations

import pytest
import regex

from studyfacts.numbers import clean_number, expand, parse_int, parse_num, words_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("74", 74), ("1,234", 1234), ("12\u2009345", 12345), ("10\u00a0761", 10761), ("3\u202f849", 3849),
        ("Thirty-four", 34), ("one hundred and twelve", 112), ("Two hundred eighty-four", 284),
        ("twenty one", 21), ("nine", 9), ("one thousand two hundred", 1200), ("patients", None),
    ],
)
def test_numbers_parse_int(text, value):
    assert parse_int(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("6.8", 6.8), ("6·8", 6.8), ("0.0001", 0.0001), ("twelve", 12.0), ("56,9", 56.9), ("1,234", 1234.0)],
)
def test_numbers_parse_num(text, value):
    assert parse_num(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("fragment", "text", "found"),
    [
        ("{COUNT}", "A total of 1,234 adults", ["1,234"]),
        ("{COUNT}", "Thirty-four patients and twelve women", ["Thirty-four", "twelve"]),
        # a count may group thousands with a plain space; a plain integer may not
        ("{COUNT}", "A total of 39 674 patients and 1 622 079 others", ["39 674", "1 622 079"]),
        ("{COUNT}", "scores 3 12 and 4 1234", ["3", "12", "4", "1234"]),
        ("{INT}", "A total of 39 674 patients", ["39", "674"]),
        # a decimal comma is a number only before its spread; otherwise neither of its parts is one
        ("{NUM}", "age 56,9 +/- 12 years", ["56,9", "12"]),
        ("{NUM}", "in 55,8% of them", []),
        ("{INT}", "mean 6.8 and 72.4%", []),  # decimals are not integers
        ("{INT}", "in 2008", ["2008"]),
        ("{INT}", "to January 2013,42 patients", ["42"]),  # a comma without its space after a year
        ("{INT}", "1,234,567 and 12,5 and 1,2", ["1,234,567"]),  # thousands; decimal and list commas
        ("{INT}", "Overall, 2, 047 nurses and 0 or 10 doctors", ["2", "0", "10"]),  # no leading zero: a cut-off thousands group
        ("{NUM}", "6.8 ± 2.2 (p < 0.0001)", ["6.8", "2.2", "0.0001"]),
        ("{RANGE}", "range, 0–10; 3 to 60; 45-80", ["0–10", "3 to 60", "45-80"]),
        ("{PM}", "6.8 ± 2.2, 5 +/- 1", ["±", "+/-"]),
    ],
)
def test_numbers_fragments_find(fragment, text, found):
    pattern = regex.compile(expand(fragment), regex.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == found


def test_numbers_unknown_fragment_is_an_error():
    with pytest.raises(KeyError, match="NOPE"):
        expand("{NOPE}")


def test_numbers_quantifier_braces_are_not_fragments():
    assert expand(r"\d{1,3}") == r"\d{1,3}"


@pytest.mark.parametrize(("words", "value"), [("", None), ("and", None), ("a hundred", None), ("hundred", 100)])
def test_numbers_words_edge_cases(words, value):
    assert words_to_int(words) == value


def test_numbers_clean_number():
    assert clean_number(3.0) == 3 and isinstance(clean_number(3.0), int)
    assert clean_number(2.5) == 2.5


@pytest.mark.parametrize(
    "terms",
    [
        ["men", "women", "patients", "clients", "family members", "members"],
        ["a", "ab", "abc", "bc", "c"],
        ["cases", "case", "showcases", "suitcases"],
    ],
)
def test_a_list_factored_by_endings_matches_what_it_does_factored_by_beginnings(terms):
    from studyfacts.numbers import suffix_trie_alternation, trie_alternation

    by_end, by_start = suffix_trie_alternation(terms), trie_alternation(terms)
    assert by_end != by_start
    words = {w for t in terms for w in (t, t + "s", t[1:], t[:-1], "x" + t)} | {"", "xyz"}
    for w in sorted(words):
        want = regex.fullmatch(by_start, w) is not None
        assert (regex.fullmatch(by_end, w) is not None) == want, w
        # right to left, the longest term that ends the text is the one read
        m = regex.search(rf"(?r)(?:{by_end})$", "so " + w)
        ends = [t for t in terms if ("so " + w).endswith(t.replace(" ", " "))]
        assert (m is None) == (not ends), w
        if m is not None:
            assert len(m.group()) == max(map(len, ends)), w
