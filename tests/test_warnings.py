"""Warnings are objects {code, field, message, span} from a closed set of codes (patterns/warnings.json)."""

from __future__ import annotations

import itertools
import typing

import pytest

from studyfacts.batch import Summary, has_errors
from studyfacts.models import Record, RecordWarning, Source, WarningCode
from studyfacts.warnings import classify, codes

from .conftest import corpus_abstracts

CASES = [pytest.param(c.code, ex, id=f"{c.code}:{i}") for c in codes() for i, ex in enumerate(c.examples)]


@pytest.mark.parametrize(("code", "message"), CASES)
def test_each_code_reads_its_examples(code, message):
    assert classify(message).code == code


def test_codes_are_the_closed_set_of_the_model():
    assert [c.code for c in codes()] == list(typing.get_args(WarningCode))
    assert all(c.description and c.examples for c in codes())


@pytest.mark.parametrize(
    ("message", "field"),
    [
        ("patients: no candidate scored 2 or more: 12 patients (out: share '(5%'); left null", "population.patients"),
        ("female: several different counts [10, 14]; left null", "population.female"),
        ("age: several different figures in one sentence (groups?); left null", "population.age"),
        ("no abstract: nothing to extract", None),
    ],
)
def test_a_warning_names_its_field(message, field):
    assert classify(message).field == field


def test_plain_messages_become_coded_warnings_on_a_record():
    rec = Record(source=Source(path="x", index=0, format="ris"), id="x",
                 warnings=["no abstract: nothing to extract", "x.ris:3: record 0: record has no ER line"])
    assert [w.code for w in rec.warnings] == ["no_abstract", "input_damaged"]
    assert has_errors(rec)
    assert isinstance(rec.warnings[0], RecordWarning) and "nothing" in rec.warnings[0]


def test_an_abstract_without_people_has_no_cohort_warning(extract):
    rec = extract("The crystal structure of the enzyme was solved at 2.1 A resolution.")
    assert rec.warnings == []


def test_summary_counts_warnings_by_code():
    s = Summary(files=1)
    for msgs in (["no abstract: nothing to extract"], ["patients: no candidate scored 2 or more: x; left null"],
                 ["no abstract: nothing to extract"]):
        s.add(Record(source=Source(path="x", index=0, format="ris"), id="x", warnings=msgs))
    assert s.line().endswith("; warnings: no_abstract 2, no_cohort 1")


def test_corpus_warnings_all_have_a_code(extract):
    """Every message the extractor writes on real abstracts has a documented code (not 'other')."""
    texts = list(itertools.islice(corpus_abstracts(), 0, None, 10))
    if not texts:
        pytest.skip("../shared/corpus is absent")
    others = {w.message for t in texts for w in extract(t).warnings if w.code == "other"}
    assert not others, sorted(others)[:5]
