"""Follow-up phrasing families (issue 13), with sentences written for these tests and counter-examples.
Each row: the text and the (statistic, value, unit) figures it must give, in order."""

from __future__ import annotations

import pytest


def _figures(extract, text):
    out = []
    for s in extract(text).follow_up:
        stat = "mean" if s.mean is not None else "median"
        out.append((stat, s.mean if s.mean is not None else s.median, s.unit))
    return out


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the statistic as a verb, or after the anchor
        ("Patients were followed for a mean of 27 days.", [("mean", 27, "days")]),
        ("After a median follow-up of 40.5 months, 12 patients had died.", [("median", 40.5, "months")]),
        ("Follow-up averaged 18.5 months.", [("mean", 18.5, "months")]),
        ("The clinical follow-up (average 18.5 months) showed no recurrence.", [("mean", 18.5, "months")]),
        ("Follow-up: average 2.5 years.", [("mean", 2.5, "years")]),
        # the range first, then its central value (the range's unit when the value has none)
        ("Patients were followed up for 12 to 36 months with a mean of 24.2 months.", [("mean", 24.2, "months")]),
        ("All patients were followed up for 12-36 months (mean, 24.2 months).", [("mean", 24.2, "months")]),
        ("During the follow-up (3-30 months, mean 14.1), pain was recorded.", [("mean", 14.1, "months")]),
        ("The follow-up period ranged from 3 to 30 months (median 14).", [("median", 14, "months")]),
        # ... 'for' left out, or a least duration for the range (session 15)
        ("The children were followed up 3-7 years (mean, 4.6 years).", [("mean", 4.6, "years")]),
        ("We included 88 adults followed up for at least 5 years (mean, 81 [60-140] months).", [("mean", 81, "months")]),
        # measures listed together, closed by 'respectively'
        ("Mean hospital stay and follow-up were 4 days and 22.5 months, respectively.", [("mean", 22.5, "months")]),
        ("Median operative time, blood loss and follow-up were 95 min, 120 ml and 3.1 years, respectively.",
         [("median", 3.1, "years")]),
        # one figure per group
        ("The median follow-up was 20 months for group A and 31 months for group B.",
         [("median", 20, "months"), ("median", 31, "months")]),
        ("Mean follow-up was 14.2 ± 3.1 months in the ablation group and 15.0 ± 2.8 months in the surgery group.",
         [("mean", 14.2, "months"), ("mean", 15.0, "months")]),
        # the group the figure is for, with its size, between anchor and verb
        ("The median follow-up among survivors (n = 12) was 28 months (range, 10-40 months).",
         [("median", 28, "months")]),
        ("The median follow-up for the whole cohort was 28 months.", [("median", 28, "months")]),
        # the spread's label after the statistic word; one unit shared by a figure a group
        ("The mean (SD) follow-up was 4.2 (1.1) years.", [("mean", 4.2, "years")]),
        ("Median (IQR) follow-up was 26 (14-38) months.", [("median", 26, "months")]),
        ("The mean follow-up periods were 24.1 and 26.3 months in the two groups, respectively.",
         [("mean", 24.1, "months"), ("mean", 26.3, "months")]),
        # the interval from baseline to a repeat examination (session 12)
        ("At baseline and after a mean period of 2.5 yrs, all children had an ultrasound.", [("mean", 2.5, "years")]),
        ("Patients were re-examined after a median of 24 months.", [("median", 24, "months")]),
        # the time from an event to the assessment, with a statistic (session 12)
        ("The interviews were conducted 31 ± 6 months after ICU discharge.", [("mean", 31, "months")]),
        ("Survivors were contacted at a median of 5.2 years after injury.", [("median", 5.2, "years")]),
        # 'on average' before or after the figure; 'up to a median of' (session 13)
        ("RESULTS: Follow-up was 13 years on average.", [("mean", 13, "years")]),
        ("RESULTS: Follow-up lasted on average 18 months.", [("mean", 18, "months")]),
        ("The follow-up period was 26 months on average (range 2-60).", [("mean", 26, "months")]),
        ("Patients were followed up to a median of 321 days.", [("median", 321, "days")]),
        # kinds of follow-up listed before 'follow-up', a figure each (session 19)
        ("Median clinical and imaging follow-up were 25 and 19 months, respectively.",
         [("median", 25, "months"), ("median", 19, "months")]),
        ("Mean clinical and radiological follow-up were 30.5 months and 21.2 months, respectively.",
         [("mean", 30.5, "months"), ("mean", 21.2, "months")]),
        # a figure with its spread before 'follow-up', no statistic named (session 19)
        ("RESULTS: After 3.1+/-1.2 years follow-up, 6 patients had relapsed.", [("mean", 3.1, "years")]),
        # the time since the treatment, in a study that assesses its people once, long after (session 19)
        ("Thirty adults operated on for scoliosis (mean time since surgery, 122 mo) answered a survey.",
         [("mean", 122, "months")]),
        ("The mean postoperative time interval was 8 years (SD = 3.1 years).", [("mean", 8, "years")]),
        ("The median duration post-kidney transplantation was 3.4 years (range, 1 to 9 years).",
         [("median", 3.4, "years")]),
        # a figure a group, each with its unit (or the unit once, after a range), told 'respectively' (session 20)
        ("Mean follow-up was 19.6 months (range 8-30) and 18.1 months (range 6-29) in arms A and B, respectively.",
         [("mean", 19.6, "months"), ("mean", 18.1, "months")]),
        ("Median follow-up was 3.2 years, 2.9 years and 3.5 years for the three cohorts, respectively.",
         [("median", 3.2, "years"), ("median", 2.9, "years"), ("median", 3.5, "years")]),
        ("Mean follow-up was 25.4 (range 13 to 40) and 23.8 months (range 12 to 37) in groups I and II, respectively.",
         [("mean", 25.4, "months"), ("mean", 23.8, "months")]),
        # the figure with its spread after a comma or colon: a mean (session 20)
        ("Records of 310 children (follow-up, 4.2 ± 1.6 years) were reviewed.", [("mean", 4.2, "years")]),
        ("Follow-up: 27 +/- 9 months.", [("mean", 27, "months")]),
    ],
)
def test_followup_family_reads_the_statistic(extract, text, want):
    assert _figures(extract, text) == want


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Follow-up averaged more than 5 yr.", []),
        ("The mean follow-up was at least 24 months.", []),
        ("Follow-up visits were scheduled at 3, 6 and 12 months.", []),
        ("Patients were followed up for 12 to 36 months.", []),
        ("The median time to recurrence was 14 months during a follow-up of 3 years.", []),
        ("The median follow-up was 36 months and 12 patients died.", [("median", 36, "months")]),
        ("Mean hospital stay and follow-up were 4 days and 22.5 months.", []),  # no 'respectively': not sure
        # a time point, or the time to an outcome, is no follow-up statistic (session 12)
        ("Patients were assessed 6 months after surgery and again at 12 months.", []),
        ("Pain recurred after a mean of 14 months.", []),
        ("Nerve function was assessed 43 ± 8 minutes after the block.", []),
        ("The mean age and follow-up were 61 years and 22 months, 3 and 4, respectively.", []),  # counts differ
        # ... not a plain figure, nor a maximum (session 13)
        ("RESULTS: Follow-up was 13 years.", []),
        ("Patients were followed up to 24 months.", []),
        ("Follow-up was complete on average in 90% of patients.", []),
        # ... nor another mean after a duration with no range (session 15)
        ("Patients were followed up at least 10 years later (mean age, 40 years).", []),
        ("Patients were followed up 5 years (mean age, 40 years).", []),
        # ... nor the time since an injury or a diagnosis, nor from the treatment to an event (session 19)
        ("The mean time since injury was 6.2 years.", []),
        ("The median time since diagnosis was 11 years.", []),
        ("The mean time after surgery to return to work was 6 weeks.", []),
        # one figure in two units: adding them is arithmetic (session 19); a later clause is not its rest
        ("Mean follow-up was 4 years 4 months.", []),
        ("The median follow-up was 2 years and 3 months.", []),
        ("Mean follow-up was 24 months, 6 months longer than planned.", [("mean", 24, "months")]),
        # further figures not told 'respectively' are not groups; a spread with no duration is no follow-up (session 20)
        ("Mean follow-up was 24 months and 12 months after surgery pain had gone.", [("mean", 24, "months")]),
        ("Median follow-up was 30 months (range 6-60), and 12 months later 5 patients had died.",
         [("median", 30, "months")]),
        ("At follow-up, 2.4 ± 1.1 points lower on the pain scale.", []),
        ("Age at follow-up: 41 ± 11 years.", []),
    ],
)
def test_followup_family_counter_examples(extract, text, want):
    assert _figures(extract, text) == want


def test_a_follow_up_threshold_is_not_a_statistic(extract):
    # "> 12 months" bounds the follow-up; it is no mean or median of it
    assert extract("We studied 40 patients. Median follow-up was >12 months in all of them.").follow_up == []
    assert [s.median for s in extract("We studied 40 patients. Median follow-up was 14 months.").follow_up] == [14]
