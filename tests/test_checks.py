"""The arithmetic checks on hand-made consistent and inconsistent figures."""

from __future__ import annotations

import pytest

from studyfacts.checks import grim_ok, percent_check, run_checks, sd_bound
from studyfacts.components.base import Draft
from studyfacts.models import Complications, Count, PainScore, Population, Span


@pytest.mark.parametrize(
    ("n", "total", "pct", "ok", "message"),
    [
        (76, 105, "72.4", True, "76/105 = 72.4%"),
        (9, 105, "8.5", True, "9/105 = 8.57%, reported 8.5% (truncated, not rounded)"),
        (9, 105, "8.6", True, "9/105 = 8.6%"),
        (23, 28, "72.1", False, "23/28 = 82.14%, reported 72.1%"),
        (1, 8, "12.5", True, "1/8 = 12.5%"),
        (1, 3, "33", True, "1/3 = 33%"),
        (2, 3, "66", True, "2/3 = 66.7%, reported 66% (truncated, not rounded)"),
    ],
)
def test_checks_percent_vs_fraction(n, total, pct, ok, message):
    assert percent_check(n, total, pct) == (ok, message)


@pytest.mark.parametrize(
    ("mean", "decimals", "n", "ok"),
    [(3.5, 1, 4, True), (3.45, 2, 10, False), (3.48, 2, 25, True), (6.8, 1, 64, None), (2.33, 2, 3, True), (2.34, 2, 3, False)],
)
def test_checks_grim(mean, decimals, n, ok):
    assert grim_ok(mean, decimals, n) is ok


@pytest.mark.parametrize(
    ("mean", "lo", "hi", "n", "sd", "ok"),
    [(6.8, 0, 10, 64, 2.2, True), (1.0, 0, 10, 30, 4.5, False), (5.0, 0, 10, 100, 5.0, True), (5.0, 0, 10, 100, 6.0, False)],
)
def test_checks_sd_bound(mean, lo, hi, n, sd, ok):
    assert (sd <= sd_bound(mean, lo, hi, n) + 1e-9) is ok


def _span(text: str) -> Span:
    return Span(start=0, end=len(text), text=text)


def test_checks_run_on_a_draft():
    text = "x" * 40
    d = Draft(abstract=text)
    d.fractions.append({"count": 23, "total": 28, "percent": 72.1, "percent_text": "72.1", "start": 0, "end": 5})
    d.pain.append(PainScore(scale="NRS", mean=11.0, sd=1.0, range=(0, 10), n=4, span=Span(start=0, end=4, text="xxxx")))
    d.population = Population(patients=Count(value=50, noun="patients", span=_span("x" * 3)),
                              female=Count(value=20, noun="women", span=_span("x" * 3)),
                              male=Count(value=25, noun="men", span=_span("x" * 3)))
    d.complications = Complications(total=9, major=2, minor=6)
    got = {(c.kind, c.ok) for c in run_checks(d)}
    assert got == {("percent_vs_fraction", False), ("mean_in_range", False), ("sex_sum", False), ("major_minor_sum", False)}
