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


# A warning about a passage points at it: `span` is the figure, count or phrase it concerns.
SPANNED = [
    pytest.param("Patients had a mean follow-up of 14 and were seen twice a year.",
                 "figure_skipped", "follow_up", id="follow-up-without-unit"),
    pytest.param("The registry was searched from January 2001 to March 2019 for eligible trials.",
                 "figure_skipped", "design.period", id="period-of-a-search"),
    pytest.param("We studied 48 patients. The male/female ratio was 3/1 in the surgical arm.",
                 "not_counts", "population", id="sex-ratio"),
    pytest.param("In 40 patients given drug A and 38 patients given drug B, sleep was recorded.",
                 "groups_without_total", "population.patients", id="groups-without-total"),
]


@pytest.mark.parametrize(("text", "code", "field"), SPANNED)
def test_a_warning_points_at_its_passage(extract, text, code, field):
    rec = extract(text)
    ws = [w for w in rec.warnings if w.code == code]
    assert ws, [w.message for w in rec.warnings]
    w = ws[0]
    assert w.span is not None
    assert text[w.span.start : w.span.end] == w.span.text and w.span.text
    if field is not None:
        assert w.field == field


def test_a_warning_about_the_whole_record_has_no_span(extract):
    rec = extract("")
    assert [w.code for w in rec.warnings] == ["no_abstract"] and rec.warnings[0].span is None
