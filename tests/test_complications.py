"""Complications from invented sentences."""

from __future__ import annotations

import pytest


def _central(p):
    return ("mean", p.mean) if p.mean is not None else ("median", p.median)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("There were 6 complications (out of 80 tumors [7.5%]; 1 major and 5 minor) in 5 patients.",
         {"total": 6, "denominator": 80, "per": "lesions", "percent": 7.5, "major": 1, "minor": 5, "patients_affected": 5}),
        ("The overall complication rate was 5%.", {"percent": 5}),
        ("Complications occurred in 12 (10%) patients.", {"total": 12, "percent": 10, "per": "patients"}),
        ("No complications were observed.", {"total": 0}),
        ("No major complications occurred.", {"major": 0}),
        ("Two minor complications were recorded.", {"minor": 2}),
    ],
)
def test_complications_statements(run, text, want):
    c = run(text).complications
    got = {k: v for k, v in c.model_dump(exclude={"span", "evidence", "grades"}).items() if v is not None}
    assert got == want


@pytest.mark.parametrize(
    "text",
    [
        "Pneumothorax occurred in 4 patients (20%).",
        "The total complication rate was lower in the coil group (25% vs 54%, P = .04).",
        "There was no significant difference in complications between groups.",
        "Adverse events were reported in 14 participants.",
    ],
)
def test_complications_not_the_total(run, text):
    assert run(text).complications is None


def test_complications_grading(run):
    c = run("Complications were graded with the Clavien-Dindo classification; 3 complications occurred, one grade 3b.").complications
    assert (c.grading, c.total, c.grades) == ("Clavien-Dindo", 3, ["3b"])


# "No ... complications" that is a subset or a condition is not the study's overall count.
@pytest.mark.parametrize(
    "text",
    [
        "We recorded no unexpected serious adverse events during the trial.",
        "No complications occurred when the drain was left for less than a week.",
        "No complications were seen if the catheter was flushed daily.",
    ],
)
def test_complications_qualified_none_is_not_a_total(text):
    import studyfacts

    assert studyfacts.extract(text).complications is None


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("No complications occurred in the 40 procedures.", 0),
        ("There were no complications related to the ablation.", 0),
    ],
)
def test_complications_plain_none_is_zero(text, total):
    import studyfacts

    assert studyfacts.extract(text).complications.total == total


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Complications occurred in 5 of 60 patients (8.3%); one was major and four were minor.",
         (5, 8.3, 60, "patients", 1, 4)),
        ("Complications developed in 7 (11%) patients.", (7, 11.0, None, "patients", None, None)),
        ("Complications were observed in 3 of 50 procedures.", (3, None, 50, "procedures", None, None)),
    ],
)
def test_complications_occurred_in_n_of_total(text, want):
    import studyfacts

    c = studyfacts.extract(text).complications
    assert (c.total, c.percent, c.denominator, c.per, c.major, c.minor) == want
