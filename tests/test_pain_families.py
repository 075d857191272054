"""Pain phrasing families (issue 13), one table each, with sentences written for these tests and
counter-examples. Each row: the text and the (statistic, value, baseline) items it must give."""

from __future__ import annotations

import pytest


def _items(pain):
    out = []
    for p in pain:
        stat, value = ("mean", p.mean) if p.mean is not None else ("median", p.median)
        out.append((stat, value, bool(p.timepoint and p.timepoint.kind == "baseline")))
    return out


def _check(run, text, want):
    assert _items(run(text).pain) == want


# Scores printed out of ten, in millimetres or points.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In 30 patients, the mean worst pain was 6.4/10 before the block and 2.2/10 at 24 h.",
         [("mean", 6.4, True), ("mean", 2.2, False)]),
        ("Resting pain fell from 7 of 10 to 2 of 10 after the injection.",
         [("mean", 7, True), ("mean", 2, False)]),
        ("The mean VAS pain score was 71.5 mm before and 30.2 mm after the procedure.",
         [("mean", 71.5, True), ("mean", 30.2, False)]),
        ("Median VAS for leg pain was 2.5 points (range 0-8) at two years.", [("median", 2.5, False)]),
        # out of a hundred, in an experiment (session 19); a count of a hundred people is no score
        ("Skin stimulation in 30 volunteers (mean pain 38/100) raised pain to pinprick (pain at baseline 11/100).",
         [("mean", 38, False), ("mean", 11, True)]),
        ("Chronic pain affected 41/100 respondents and 12 of 100 patients.", []),
        # a trajectory in the bracket after a change: the change is no value, the trajectory is (session 19)
        ("The mean NRS pain score was reduced by 3.9 points (from 7.1 to 3.2).",
         [("mean", 7.1, True), ("mean", 3.2, False)]),
        # the scale's extent between a value and its time point (session 19)
        ("Mean pain intensity was 6.1 on a 0-10 scale at baseline and 2.7 at 3 months.",
         [("mean", 6.1, True), ("mean", 2.7, False)]),
        ("Pain was rated on the NRS: the mean score was 7.4 on an 11-point scale before surgery and 3.3 after it.",
         [("mean", 7.4, True), ("mean", 3.3, False)]),
        # counter-examples: counts out of ten, points of change
        ("Seven of 10 patients reported pain relief; relief occurred in 3/10 patients on the VAS.", []),
        ("Back pain VAS improved by 34 points compared with 29 points in the other group.", []),
    ],
)
def test_pain_family_scores_out_of_ten_mm_points(run, text, want):
    _check(run, text, want)


# Time points listed before their values, closed by "respectively".
@pytest.mark.parametrize(
    ("text", "want", "times"),
    [
        ("At 1, 3 and 12 months, mean NRS pain fell to 4.2 (P < .001), 3.1 (P < .001) and 2.0 (P < .001), respectively.",
         [("mean", 4.2, False), ("mean", 3.1, False), ("mean", 2.0, False)], ["1", "3", "12 months"]),
        ("Mean pain scores (NRS) before and after the procedure were 7.4 and 2.1, respectively.",
         [("mean", 7.4, True), ("mean", 2.1, False)], ["before", "after the procedure"]),
        ("The mean VAS pain scores were 6.2, 2.1, 1.8 and 1.5 before, 1 day, 1 month and 6 months after the "
         "procedure, respectively.",
         [("mean", 6.2, True), ("mean", 2.1, False), ("mean", 1.8, False), ("mean", 1.5, False)],
         ["before", "1 day", "1 month", "6 months"]),
        ("Pre- and post-treatment VAS pain scores were 8 and 3, respectively.",
         [("mean", 8, True), ("mean", 3, False)], ["Pre-", "post-treatment"]),
        # time points in the value's bracket, or as its label
        ("VAS pain scores decreased from 7.6 (pre-procedure) to 3.1 (1 week) and 2.4 (1 month).",
         [("mean", 7.6, True), ("mean", 3.1, False), ("mean", 2.4, False)], ["pre-procedure", "1 week", "1 month"]),
        ("The mean VAS score for pain improved (preoperative 7.8 vs postoperative 2.9, P < .001).",
         [("mean", 7.8, True), ("mean", 2.9, False)], ["preoperative", "postoperative"]),
        ("Mean pain VAS: 8.2 ± 1.1 before vs. 2.3 ± 1.4 after treatment, p < 0.001.",
         [("mean", 8.2, True), ("mean", 2.3, False)], ["before", "after treatment"]),
        ("The mean VAS for pain was 6.5 ± 1.2 vs 2.1 ± 0.9 (p < 0.001) before and after PVP.",
         [("mean", 6.5, True), ("mean", 2.1, False)], ["before", "after PVP"]),
        ("VAS pain scores (mean ± SD) were 7.5 ± 1.3, 3.1 ± 1.5, and 2.2 ± 1.4 preoperatively, at 1 day, and at "
         "1 month, respectively.",
         [("mean", 7.5, True), ("mean", 3.1, False), ("mean", 2.2, False)], ["preoperatively", "1 day", "1 month"]),
        ("At baseline, 1 week, and 3 months, the mean NRS pain scores were 7.1, 3.2, and 2.4, respectively.",
         [("mean", 7.1, True), ("mean", 3.2, False), ("mean", 2.4, False)], ["baseline", "1 week", "3 months"]),
        # the first time point written out in full, after 'The' (session 19)
        ("The preoperative and postoperative VAS pain scores were 7.6 and 2.4, respectively.",
         [("mean", 7.6, True), ("mean", 2.4, False)], ["preoperative", "postoperative"]),
        # counter-example: three values for two time points are not zipped
        ("At 1 and 3 months, mean NRS pain fell to 4.2, 3.1 and 2.0, respectively.",
         [("mean", 4.2, False), ("mean", 3.1, False), ("mean", 2.0, False)], [None, None, None]),
    ],
)
def test_pain_family_time_points_before_values(run, text, want, times):
    pain = run(text).pain
    assert _items(pain) == want
    assert [p.timepoint.text if p.timepoint else None for p in pain] == times


# Trajectories with spelled-out times.
@pytest.mark.parametrize(
    ("text", "want", "days"),
    [
        ("The median VAS for pain went from 8 the day before the procedure to 5 the day after, to 2 one week after, "
         "and to 1 three months later.",
         [("median", 8, True), ("median", 5, False), ("median", 2, False), ("median", 1, False)],
         [0, 1.0, 7.0, 91.2]),
        ("Mean NRS pain dropped from 6.5 to 3.0 two weeks after the injection.",
         [("mean", 6.5, True), ("mean", 3.0, False)], [0, 14.0]),
        ("The mean VAS pain score of 7.2 ± 1.6 before treatment decreased to 3.1 ± 2.0 at one month.",
         [("mean", 7.2, True), ("mean", 3.1, False)], [0, 30.4]),
        ("Mean VAS pain scores fell from 7.9 ± 1.3 before PVP to 2.6 ± 1.4 at 1 day and 2.1 ± 1.2 at 1 month after PVP.",
         [("mean", 7.9, True), ("mean", 2.6, False), ("mean", 2.1, False)], [0, 1.0, 30.4]),
        ("The median VAS for pain was 7 before embolization and 2 after embolization (P < .001).",
         [("median", 7, True), ("median", 2, False)], [0, None]),
        # a time point after a ';' belongs to the next clause, not to the value before it
        ("Before ablation, the mean VAS score for pain was 7.3; one day after, it was 3.1.",
         [("mean", 7.3, True), ("mean", 3.1, False)], [0, 1.0]),
        ("The VAS pain score decreased from a mean of 8.2 to 2.4 one week after vertebroplasty.",
         [("mean", 8.2, True), ("mean", 2.4, False)], [0, 7.0]),
    ],
)
def test_pain_family_trajectories_with_spelled_times(run, text, want, days):
    pain = run(text).pain
    assert _items(pain) == want
    assert [p.timepoint.days for p in pain] == days


# Median with IQR in brackets, alone and in lists; unnamed statistics with their spread.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The baseline pain VAS (median [IQR], 8.0 [7.0–9.0]) fell to 2.0 (1.0–4.5) at 1 week.",
         [("median", 8.0, True), ("median", 2.0, False)]),
        ("The median pain NRS after surgery was 2.0 (1.0–4.5), 1.0 (0.0–2.0) and 1.5 (0.5–3.0) at 1, 7 and 30 days, respectively.",
         [("median", 2.0, False), ("median", 1.0, False), ("median", 1.5, False)]),
        ("The pre-procedure average pain VAS value was 7.9 ± 1.1.", [("mean", 7.9, True)]),
        ("Pre-treatment pain VAS 8.1 (range 6–10) improved significantly.", [("mean", 8.1, True)]),
        ("The mean presenting pain NRS was 7.2 (SD 1.3).", [("mean", 7.2, True)]),
        # the statistic named in one sentence carries to the next that names none
        ("Median pain NRS at 6 h was 2 (1-4) in the block group. Movement-evoked pain NRS scores were also lower: "
         "3 (2-5) versus 6 (4-7).",
         [("median", 2, False), ("median", 3, False), ("median", 6, False)]),
    ],
)
def test_pain_family_iqr_brackets_and_unnamed_statistics(run, text, want):
    _check(run, text, want)


@pytest.mark.parametrize(
    ("text", "sd", "iqr", "rng"),
    [
        ("The pre-procedure average pain VAS value was 7.9 ± 1.1.", 1.1, None, None),
        ("The median preoperative pain VAS was 10 (IQR = 10-10).", None, (10, 10), None),
        ("Pre-treatment pain VAS 8.1 (range 6–10) improved significantly.", None, None, (6, 10)),
    ],
)
def test_pain_family_spread_is_read_never_taken_as_a_value(run, text, sd, iqr, rng):
    (p,) = run(text).pain
    assert (p.sd, p.iqr, p.range) == (sd, iqr, rng)


# Per-arm values and 'vs' pairs.
@pytest.mark.parametrize(
    ("text", "want", "arms"),
    [
        ("Pain VAS at 6 h was 2.3 ± 1.0 in the block group and 4.1 ± 1.6 in the control group.",
         [("mean", 2.3, False), ("mean", 4.1, False)], ["block group", "control group"]),
        ("Median pain NRS at 24 h was lower with the block (1 [0, 2] vs. 3 [2, 4]; P = .002).",
         [("median", 1, False), ("median", 3, False)], [None, None]),
        ("The postoperative pain score at 24 h showed a significant difference among the groups (1.1 ± 1.9 for the "
         "low-dose group, 1.4 ± 1.7 for the high-dose group and 3.1 ± 2.0 for the placebo group).",
         [("mean", 1.1, False), ("mean", 1.4, False), ("mean", 3.1, False)],
         ["low-dose group", "high-dose group", "placebo group"]),
        # compared with baseline: the second of each pair is the baseline
        ("Compared with baseline, mean pain NRS improved at 3 months (2.1 vs. 6.0; P < .001).",
         [("mean", 2.1, False), ("mean", 6.0, True)], [None, None]),
    ],
)
def test_pain_family_per_arm_and_vs_pairs(run, text, want, arms):
    pain = run(text).pain
    assert _items(pain) == want
    assert [p.arm for p in pain] == arms


# Instruments named together share the values.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In patients with back pain, the mean preoperative VAS and ODI were 69.1 and 51.8, respectively.",
         [("mean", 69.1, True)]),
        ("In back pain, the ODI and VAS scores were 51.8 and 6.1, respectively.", [("mean", 6.1, False)]),
        ("Maximum VAS scores for pain and anxiety were 18.6 ± 19.1 mm and 26.2 ± 23.4 mm, respectively.",
         [("mean", 18.6, False)]),
        # counter-example: two instruments, two trajectories, no 'respectively': nothing is sure
        ("The VAS and ODI scores for back pain improved from 7.2 to 2.1.", []),
    ],
)
def test_pain_family_instruments_named_together(run, text, want):
    _check(run, text, want)


# Not pain: health-status VAS, thresholds, changes, counts, other instruments, durations.
@pytest.mark.parametrize(
    "text",
    [
        "Health status on the EQ-5D (index 0.73 vs 0.86, visual analog scale: 70 vs. 84) was lower; pain was common.",
        "EuroQol-5D visual analog scale values of 70.1 ± 16.4 vs. 57.4 ± 16.4 were reported by patients with chronic pain.",
        "Overall health on a visual analogue scale from 0 (worst) to 100 (best) (EQ VAS) was rated by patients with pain.",
        "Patients with pain VAS ≥ 4 were included.",
        "Pain NRS decreased by 3.2 points.",
        "The change in visual analog score for leg pain was 3.4 points.",
        "Median phantom pain NRS improvements at 4 weeks were 2 (0-2), 3 (2-5) and 5 (3-7), respectively.",
        "Using the BNI pain score, 26 (81.3%) and 12 (70.6%) patients were successfully treated.",
        "BNI pain scores of I, II and IIIa were achieved in 1, 1, and 3 patients, respectively.",
        "Physical functioning was 79.0, role limitations 31.0, pain score 64.2 and general health 31.7.",
        "On the VAS for pain, the time to half-maximum pain was 8 ± 2 vs. 33 ± 35 seconds.",
        "The number of analgesics taken for pain fell (mean 1.5 vs. 2.9; P < .001).",
        "The mean difference in pain scores between the groups was 1.2 (95% CI 0.4-2.0).",
        "Postoperative pain was low; patient satisfaction (VAS 0-10) was 8.7 ± 1.1.",
        "Nausea NRS was 1.2 ± 0.8 in patients with postoperative pain.",
        "Pain relief was achieved in 7/10 (70%) patients.",
        "Pain was rated on a VAS from 0 (no pain) to 10 (worst pain imaginable).",
        "Pain intensity was measured with an 11-point NRS (0 = no pain, 10 = worst pain).",
        # a scale's ends named by a word between (audit 18)
        "Pain was rated on a VAS from 0 to 100, with 0 representing no pain and 100 the worst pain.",
        "Pain was scored on an NRS where 10 indicates the worst possible pain and 0 is no pain.",
        "Neck pain was recorded on a 10-point scale, 10 being the worst pain imaginable.",
        "Patients with moderate pain (VAS 4 to 6) were included.",
        # a change named with its scale after it, its arms' values and their CI limits (pain audit 1)
        "Patients reported improvements in mean average neck pain intensity on the NRS [Group A: 2.1; 95% CI 1.2 to "
        "3.0; Group B: 3.4; 95% CI 2.5 to 4.3].",
        # a questionnaire's pain domain is scored on its own scale (pain audit 1)
        "Mean preoperative SRS-22r pain score was 3.1 improving to 3.9 after fusion in 48 adolescents with back pain.",
        "The KOOS pain subscale rose from 48 to 79 in patients with knee pain.",
        # a range of scores written out
        "Pain scores on the VAS ranged from 2 to 9 in the 40 patients.",
        # a review's effect sizes and their limits, the scale's own length, counts of trials (session 20)
        "Therapy reduced pain intensity (SMD [CI]=-1.20 [-1.90, -0.50]) and raised pain threshold (SMD [CI]=0.90 "
        "[0.40, 1.40]).",
        "Pain on day one was lower by 0.6 cm on a 10 cm VAS (MD -0.6, 95% CI -0.9 to -0.3; 14 RCTs; 1630 "
        "participants).",
    ],
)
def test_pain_family_not_pain(run, text):
    assert _items(run(text).pain) == []


def test_pain_other_construct_on_the_same_scale_is_left_out(run):
    assert _items(run("The pain VAS was 3.1 ± 1.2 and the satisfaction VAS was 8.2 ± 1.0.").pain) == [("mean", 3.1, False)]


def test_pain_single_patient_report_gives_no_cohort_scores(extract):
    record = extract("We report the case of a 54-year-old woman with cancer pain; her NRS fell from 8 to 2 after the block.")
    assert record.pain == []


def test_pain_checks_run_on_grammar_values(extract):
    record = extract("Among the 20 patients with painful metastases, the mean NRS fell from 6.8 ± 2.2 (range, 0-10) at "
                     "baseline to 4.15 ± 2.4 (range, 0-9) at 24 h.")
    kinds = sorted({c.kind for c in record.checks})
    assert {"mean_in_range", "sd_vs_range", "grim"} <= set(kinds)


# A value with its confidence interval, and a range written out beside the mean (pain audit 1)
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a value followed by the verb of its change (session 20)
        ("In 40 adults with knee pain, the mean preoperative VAS of 7.3 decreased to 2.2 at the final follow-up.",
         [("mean", 7.3, True), ("mean", 2.2, False)]),
        # each value right after its own time point, the pairs in a row, in a bracket or after a colon (session 20)
        ("In 40 adults with knee pain, VAS scores improved (baseline 7.4; 1 week 3.9; 3 months 2.6).",
         [("mean", 7.4, True), ("mean", 3.9, False), ("mean", 2.6, False)]),
        ("In 40 adults with knee pain, mean NRS: baseline 6.8, 6 weeks 3.3, 6 months 2.9.",
         [("mean", 6.8, True), ("mean", 3.3, False), ("mean", 2.9, False)]),
        # ... while a list of time points holds whole numbers and a follow-up bracket stays masked
        ("In 40 adults with knee pain, VAS at 4, 8 and 12 hours was 5.1, 3.2 and 2.0, respectively.",
         [("mean", 5.1, False), ("mean", 3.2, False), ("mean", 2.0, False)]),
        # a pair, each value with its own time point: the opening one the first's (session 20)
        ("In 40 adults with knee pain, at 3 months, mean NRS was 2.4 ± 1.1 compared with 7.2 ± 1.3 at baseline.",
         [("mean", 2.4, False), ("mean", 7.2, True)]),
        # ... but one time point after a pair of arms is both's
        ("In 40 adults with knee pain, VAS was 7.5 vs 7.3 at baseline in the two arms.",
         [("mean", 7.5, True), ("mean", 7.3, True)]),
        ("Mean NRS pain was 5.8 (95% CI 4.9 to 6.7) at baseline and 2.9 (95% CI 2.1-3.7) at 8 weeks.",
         [("mean", 5.8, True), ("mean", 2.9, False)]),
        # (the sentence opens on its baseline phrase: the mean is the baseline's)
        ("Before treatment, pain was severe in all 30 patients (VAS 6 to 10, mean 8.1).", [("mean", 8.1, True)]),
        ("Pain scores ranged from 2 to 9 on the VAS (mean 5.6) in the 40 patients.", [("mean", 5.6, False)]),
        # counter-example: a change from one level to another stays two values
        ("Mean VAS pain fell from 7.2 to 2.4 after the block.", [("mean", 7.2, True), ("mean", 2.4, False)]),
    ],
)
def test_pain_family_confidence_intervals_and_written_ranges(run, text, want):
    _check(run, text, want)


# A baseline phrase that opens the sentence reaches its first figure (audit 18): over the patients,
# a band of scores and a comma; not past a change word, another time point, or a figure before it.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Before surgery, all 40 patients had severe pain of 7 to 10 on the VAS, with a mean of 8.6 cm.",
         [("mean", 8.6, True)]),
        ("Initially, the patients in the ketamine group had higher mean pain scores on the NRS (6.1 vs. 5.2, P = 0.01).",
         [("mean", 6.1, True), ("mean", 5.2, True)]),
        ("At the start of the study, the median NRS pain score of the cohort was 7 (IQR 6-8).", [("median", 7, True)]),
        ("At baseline, the 52 women reported a mean VAS pain score of 6.9 (range 4-10).", [("mean", 6.9, True)]),
        # counter-examples: a change word between, a later time point of its own, not the opening words
        ("Before treatment, pain was severe in most patients, and after 3 months the VAS pain score fell to 2.2.",
         [("mean", 2.2, False)]),
        ("Before treatment, pain was severe, but the mean VAS pain score was 2.4 at 6 months.", [("mean", 2.4, False)]),
        ("The VAS pain score initially decreased to 3.3 and rose again later.", [("mean", 3.3, False)]),
        ("Pain was severe before surgery in all 30 patients; the mean VAS pain score after surgery was 2.5.",
         [("mean", 2.5, False)]),
    ],
)
def test_pain_family_sentence_opening_baseline(run, text, want):
    _check(run, text, want)


# A numbered group's figure in the bracket after its label (audit 18): the label's number is masked, the
# bracket's whole value (with its spread) is the group's; not a bare number, a share or a group size.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The mean VAS pain score was similar in Group 1 (3.4 ± 1.1) and Group 2 (3.9 ± 1.3).",
         [("mean", 3.4, False), ("mean", 3.9, False)]),
        ("Median NRS pain was lower in group 1 (2 [IQR 1-3]) than in group 2 (4 [IQR 3-6]).",
         [("median", 2, False), ("median", 4, False)]),
        ("The mean VAS pain score was lower in Group 1 (2.1) than in Group 2 (4.3).", []),
        ("The mean VAS pain score in Group 1 (40%) was 3.1 ± 1.0.", [("mean", 3.1, False)]),
        ("The mean VAS pain score at week 2 (n = 40) was 3.1 ± 1.0.", [("mean", 3.1, False)]),
    ],
)
def test_pain_family_numbered_group_brackets(run, text, want):
    _check(run, text, want)


# A scale named after its figures, in brackets or after "on the": the figures between the pain word and it,
# a trajectory or a named statistic; not a range of the scale, nor another measure's figures after it.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("In 40 adults with a vertebral fracture, leg pain decreased from 6.9 to 1.8 (VAS) at the last visit.",
         [("mean", 6.9, True), ("mean", 1.8, False)]),
        ("In 40 adults, back pain improved from 7.2 ± 1.1 to 2.3 ± 0.8 (NRS), and the ODI from 48 to 22.",
         [("mean", 7.2, True), ("mean", 2.3, False)]),
        ("In 40 adults, mean pain intensity was 6.2 (VAS) before the block.", [("mean", 6.2, True)]),
        ("In 40 adults, pain fell from 7.4 to 2.6 on the NRS within a week.", [("mean", 7.4, True), ("mean", 2.6, False)]),
        # counter-examples: a range of the scale, a share, a scale named far from the figures
        ("Pain of 7 to 10 (VAS) was required for inclusion of the 40 adults.", []),
        ("Pain relief was achieved in 30 of 40 adults (75%) (VAS).", []),
        ("The ODI of 40 adults decreased from 48 to 22 (VAS was not recorded).", []),
    ],
)
def test_pain_family_scale_named_after_its_figures(run, text, want):
    _check(run, text, want)
