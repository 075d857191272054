"""Hostile text: extraction never raises, never hangs, and every span is true to the abstract."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyfacts.models import Record, iter_spans, json_schema
from studyfacts.rules import REGEX_BOUND_ABOVE, REGEX_TIMEOUT_S, regex_timeout

jsonschema = pytest.importorskip("jsonschema")

# Text that looks like the abstracts the rules are written for, so the
# property test reaches deep into the rules rather than bouncing off plain noise.
_WORDS = [
    "patients", "women", "men", "median", "mean", "age", "years", "months", "follow-up", "n =", "N=",
    "±", "(", ")", "[", "]", ";", ",", ".", "%", "/", "range", "IQR", "VAS", "NRS", "pain", "score",
    "complications", "major", "minor", "from", "to", "between", "and", "at", "baseline", "24 h",
    "retrospective", "randomized", "consecutive", "two centers", "p <", "0.001", "lesions", "SM",
    "(SM)", "spinal metastases", "Thirty-four", "one hundred and twelve", "1,234", "2008", "May",
    "\u2013", "\u00a0", "72.4", "76/105", "of", "were", "included", "total",
]
abstract_like = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.integers(0, 5000).map(str), st.floats(0, 100).map(lambda f: f"{f:.1f}")),
    max_size=80,
).map(" ".join)
VALIDATOR = jsonschema.Draft202012Validator(json_schema())


def _assert_sound(record: Record) -> None:
    VALIDATOR.validate(json.loads(record.model_dump_json()))
    for where, span in iter_spans(record):
        assert record.abstract is not None
        assert record.abstract[span.start : span.end] == span.text, where


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_robustness_any_text_gives_a_valid_record(extract, text):
    _assert_sound(extract(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(abstract_like)
def test_robustness_abstract_like_text_gives_a_valid_record(extract, text):
    _assert_sound(extract(text))


PATHOLOGICAL = {
    "2MB line": "There were 74 patients aged 61 years " * 56000,
    "just under the bound": ("There were 74 patients aged 61 years; " * 2500)[:99_000],
    "100k digits": "1" * 100_000,
    "digits with separators": "1," * 50_000 + "2 patients",
    "50k nested brackets": "(" * 50_000 + "74 patients" + ")" * 50_000,
    "plus-minus run": "6.8 " + "±" * 20_000 + " 2.2",
    "10k n =": "n = " * 10_000,
    "10k n/N": "76/105 (72.4%) " * 5_000,
    "long words": "a" * 500_000,
    "numbers and dashes": "1-2-3-" * 40_000,
    "repeated follow-up": "mean follow-up of " * 20_000 + "3 months",
    "repeated pain": "VAS decreased from " * 20_000 + "7.1 to 2.0",
    "percent soup": "% ( ) ; , " * 30_000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_robustness_pathological_input_finishes(extract, text):
    record = extract(text)
    _assert_sound(record)


@pytest.mark.parametrize("text", [None, "", "   ", "\n\n"])
def test_robustness_empty_abstract_says_why(extract, text):
    record = extract(text)
    assert record.abstract is None
    assert any("no abstract" in w for w in record.warnings)


@pytest.mark.parametrize(
    ("length", "bounded"),
    [(0, False), (REGEX_BOUND_ABOVE, False), (REGEX_BOUND_ABOVE + 1, True), (2_000_000, True)],
)
def test_robustness_regex_bound_only_on_long_text(length, bounded):
    assert regex_timeout("a" * length) == (REGEX_TIMEOUT_S if bounded else None)


_LONG = "There were 74 patients aged 61 years; 12 women and 62 men. " * 120  # 7,080 characters


def test_robustness_long_text_keeps_the_regex_bound(extract, monkeypatch):
    """A text over REGEX_BOUND_ABOVE characters still runs its regex calls under the bound:
    with a bound no call can meet, what timed out is dropped with a warning (a rule's
    "matching bound", or a family's "regex timed out" when a `requires` gate timed out) and
    the record still comes out sound. A text at the threshold runs unbounded: nothing times out."""
    import studyfacts.rules

    def timed_out(record: Record) -> bool:
        return any("matching bound" in w or "regex timed out" in w for w in record.warnings)

    assert len(_LONG) > REGEX_BOUND_ABOVE
    monkeypatch.setattr(studyfacts.rules, "REGEX_TIMEOUT_S", 1e-9)
    record = extract(_LONG)
    _assert_sound(record)
    assert timed_out(record)
    short = extract(_LONG[:REGEX_BOUND_ABOVE])
    _assert_sound(short)
    assert not timed_out(short)


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_robustness_pathological_input_at_the_threshold_is_fast(extract, text):
    """Hostile text cut to REGEX_BOUND_ABOVE characters, matched with no time bound: each
    record took at most ~0.1 s when the threshold was set (5 s leaves room for a slow machine)."""
    import time

    start = time.process_time()
    record = extract(text[:REGEX_BOUND_ABOVE])
    assert time.process_time() - start < 5
    _assert_sound(record)
