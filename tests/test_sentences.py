"""Our sentence splitter gives exactly the sentences spaCy's rule-based sentencizer gives."""

from __future__ import annotations

import itertools

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

import studyfacts.components  # noqa: F401  (registers the factories)
from studyfacts.components.base import SENTS_KEY, TEXT_KEY

from .conftest import corpus_abstracts

_SPACY = spacy.blank("en")
_SPACY.add_pipe("sentencizer")
_OURS = spacy.blank("en")
_OURS.add_pipe("studyfacts_sentences")


def spacy_starts(text: str) -> list[int]:
    doc = _SPACY(text)
    return [s.start_char for s in doc.sents] if len(doc) else []


def our_bounds(text: str) -> list[tuple[int, int]]:
    doc = _OURS.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    doc = _OURS.get_pipe("studyfacts_sentences")(doc)
    return doc.user_data[SENTS_KEY]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "One sentence without a stop",
        "We treated 40 patients. Pain fell from 7.2 to 2.1 (p < 0.001). Two were lost!",
        "See e.g. the trial by Smith et al. in 2019. It was small.",
        "Wait... what? (Yes.) \"Quoted.\" Then more.",
        "Stops in numbers: 2.5 mg, 0.001, 10.3%. End.",
        "Double  spaces.  After stops.   Here",
        "Devanagari danda \u0964 and Arabic question mark \u061f also end sentences\u0964 Next",
        ". . . leading stops",
    ],
)
def test_same_sentences_as_spacy(text):
    bounds = our_bounds(text)
    assert [a for a, _ in bounds] == spacy_starts(text)
    for a, b in bounds:
        assert text[a:b] == text[a:b].rstrip()  # trailing white space trimmed


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "2.5", ".", "!", "?", "...", " ", "  ", "(", ")", '"', "e.g.", "\u0964"]),
                max_size=40))
def test_same_sentences_as_spacy_on_random_text(parts):
    text = "".join(parts)
    assert [a for a, _ in our_bounds(text)] == spacy_starts(text)


def test_same_sentences_as_spacy_on_real_abstracts():
    checked = 0
    for text in itertools.islice(corpus_abstracts(), 0, None, 5):
        assert [a for a, _ in our_bounds(text)] == spacy_starts(text), text[:80]
        checked += 1
    assert checked > 800
