"""Follow-up duration statistics, on invented sentences."""

from __future__ import annotations

import time

import pytest


def _fu(extract, text: str) -> list[dict]:
    return [s.model_dump(exclude={"span"}) for s in extract(text).follow_up]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The mean follow-up of the cohort was 22.4 ± 9.8 months.",
            {"mean": 22.4, "sd": 9.8, "unit": "months"},
        ),
        ("Median follow-up, 18.5 months (range 2-70).", {"median": 18.5, "range": (2, 70), "unit": "months"}),
        ("Patients were followed up for a median of 4.1 years.", {"median": 4.1, "unit": "years"}),
        (
            "The median follow-up was 30 months (IQR 14-41).",
            {"median": 30, "iqr": (14, 41), "unit": "months"},
        ),
        (
            "At mean 19.2 ± 7.5 months (median 15) of follow-up, 12 tumours recurred.",
            {"mean": 19.2, "sd": 7.5, "median": 15, "unit": "months"},
        ),
        (
            "Scores were stable at the final follow-up (mean 11.3 ± 4.2 months; median 9).",
            {"mean": 11.3, "sd": 4.2, "median": 9, "unit": "months"},
        ),
        ("The mean duration of follow-up was 41 wk.", {"mean": 41, "unit": "weeks"}),
        ("Mean follow-up was 3.5 yrs.", {"mean": 3.5, "unit": "years"}),
        ("Median follow-up: 120 days.", {"median": 120, "unit": "days"}),
        ("Average follow-up period was 26 mo.", {"mean": 26, "unit": "months"}),
        ("After a median of 27 months of follow-up, 8 patients had died.", {"median": 27, "unit": "months"}),
        (
            "During a mean period of 14 months of follow-up, no relapse occurred.",
            {"mean": 14, "unit": "months"},
        ),
        ("With a follow-up of 40 ± 12 months, outcomes were good.", {"mean": 40, "sd": 12, "unit": "months"}),
        (
            "Patients were followed up for 21.5 months (range 3-48 months).",
            {"mean": 21.5, "range": (3, 48), "unit": "months"},
        ),
        ("Mean time from discharge to follow up was 160 days.", {"mean": 160, "unit": "days"}),
        ("During 12.0 median years of follow-up, 40 cancers occurred.", {"median": 12, "unit": "years"}),
        # an unnamed figure with a bare interval in brackets around it, closed by its unit (audit 18)
        ("All were evaluated, with a follow-up of 64 months (2 - 180 months).", {"mean": 64, "range": (2, 180),
                                                                               "unit": "months"}),
        # 'observation time/period' for follow-up; the periods after surgery ranged, then their mean (audit 18)
        ("Overall survival was 61% (median observation time, 14.2 months).", {"median": 14.2, "unit": "months"}),
        ("The follow-up periods after surgery ranged from 2 to 11.5 years (average, 6.1 years).",
         {"mean": 6.1, "unit": "years"}),
        # a mean with its SD in brackets after 'follow-up'; a time to assessment with its range between (audit 18)
        ("During follow-up (22.4 +/- 9.1 months) two implants failed.", {"mean": 22.4, "sd": 9.1, "unit": "months"}),
        ("During follow-up of 38.2 (+/-12.5) months, four patients died.", {"mean": 38.2, "sd": 12.5, "unit": "months"}),
        ("The duration of follow-up for patients alive was 9.4 +/- 6.1 years.", {"mean": 9.4, "sd": 6.1, "unit": "years"}),
        ("Outcomes were assessed at a mean of 3.1 years (range 0.5-6.2) following surgery.",
         {"mean": 3.1, "unit": "years"}),
        # a minimum before 'follow-up' with the statistic named after it is still read (audit 18)
        ("Thirty knees were eligible for 2-year minimum follow-up (average, 3.6 years).", {"mean": 3.6, "unit": "years"}),
    ],
)
def test_followup_reads_the_statistic(extract, text, want):
    got = _fu(extract, text)
    assert len(got) == 1, got
    for key, value in want.items():
        assert got[0][key] == value, (key, got[0])


@pytest.mark.parametrize(
    "text",
    [
        "After a 3-month follow-up, two patients had abscesses.",
        "Outcomes were assessed at the 1-year follow-up visit.",
        "Pain was scored at 6 months of follow-up.",
        "Spinal fusion required 3 to 8 months (average, 4.9 months).",
        "The mean operative time was 95 minutes and the mean hospital stay was 6 days.",
        "Patients were followed for up to 90 days.",
        "Follow-up assessments took place at 3, 6 and 12 months.",
        "After 35 years of follow-up, the cumulative incidence was 9%.",
        "The median follow-up was not reached.",
        # an end of the range named before 'follow-up' (audit 18)
        "The minimum follow-up was 1 year (range 1-4 years).",
        "The longest follow-up was 10 years (range 2-10 years).",
        "Maximal follow-up was 36 months (range 6-36).",
        # an age told at the follow-up; a bracket that says more than an interval (audit 18)
        "Median age at follow-up was 7 (0.5-25) years.",
        "The mean age at the end of follow up was 31.4 +/- 9 years.",
        "Median age at the time of the last follow-up was 12 years.",
        "During follow-up (at 6 months) two patients died.",
        "Follow-up for survivors was 12 months.",
        "Patients were followed for 6 months (3-8 months after surgery).",
        "The follow-up was 40 months (80-240 months).",
    ],
)
def test_followup_time_points_and_other_durations_are_not_statistics(extract, text):
    assert _fu(extract, text) == []


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Back pain scores fell to 2.1 at the last follow-up (mean 12.4 ± 3.3 months; median 10).", "pain"),
        (
            "Local tumour control (LTC) was assessed. At mean 20.1 months (median 18) of follow-up,"
            " LTC was 85%.",
            "local tumor control",
        ),
        ("The median follow-up was 40 months.", None),
    ],
)
def test_followup_about_reads_its_sentence(extract, text, about):
    got = _fu(extract, text)
    assert got and got[-1]["about"] == about


def test_followup_restated_figure_counted_once(extract):
    text = (
        "RESULTS: Median follow-up was 24 months. CONCLUSION: At a median follow-up of 24 months, pain fell."
    )
    assert len(_fu(extract, text)) == 1


def test_followup_per_group_figures_each_counted(extract):
    text = (
        "Groups A, B and C were followed for 60.1 ± 3.0 months, 61.5 ± 2.2 months,"
        " and 59.9 ± 4.1 months, respectively."
    )
    got = [d["mean"] for d in _fu(extract, text)]
    assert got == [60.1, 61.5, 59.9]


@pytest.mark.parametrize(
    "text",
    [
        "n = " * 10_000,
        "1" * 100_000,
        "mean follow-up of " * 5_000,
        ("median " * 20_000) + "follow-up",
        "a" * 2_000_000,
    ],
)
def test_followup_hostile_input_finishes_fast(extract, text):
    start = time.perf_counter()
    extract(text)
    assert time.perf_counter() - start < 10
