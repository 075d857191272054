"""Complications from invented sentences: a table per phrasing family, counter-examples beside them.

Every sentence here is written for the test (none is copied from the corpus or the dev set).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = ("total", "percent", "major", "minor", "denominator", "per", "patients_affected")


def _got(run, text: str) -> dict | None:
    c = run(text).complications
    if c is None:
        return None
    return {k: v for k, v in c.model_dump(include=set(FIELDS)).items() if v is not None}


def _table(rows):
    return pytest.mark.parametrize(("text", "want"), rows, ids=[r[0][:60] for r in rows])


# ---- a count of complications: "N (adj) complications (out of M units [x%])" --------------------
COUNT = [
    ("There were 6 complications (out of 80 tumors [7.5%]; 1 major and 5 minor) in 5 patients.",
     {"total": 6, "denominator": 80, "per": "lesions", "percent": 7.5, "major": 1, "minor": 5, "patients_affected": 5}),
    ("Two minor complications were recorded.", {"minor": 2}),
    ("We recorded 23 (11%) complications after the ablations.", {"total": 23, "percent": 11}),
    ("In total, 40 complications occurred in 29 patients.", {"total": 40, "patients_affected": 29}),
    ("There were four periprocedural complications.", {"total": 4}),
    ("There were five serious adverse events (4%).", {"major": 5}),
    ("Only one procedure-related complication was seen.", {"total": 1}),
    ("Twelve patients (20.3%) experienced 17 complications (6 major and 11 minor).", {"total": 17, "major": 6, "minor": 11, "patients_affected": 12}),
    ("Of the 33 complications, 9 were major.", {"total": 33, "major": 9}),
    ("We recorded adverse events (AEs). AEs occurred in 14 patients (9%), all of them mild.",
     {"total": 14, "percent": 9, "per": "patients"}),
]


@_table(COUNT)
def test_count_of_complications(run, text, want):
    assert _got(run, text) == want


# ---- complications occurred in units: "complications occurred in N (x%) patients" ---------------
OCCURRED = [
    ("Complications occurred in 12 (10%) patients.", {"total": 12, "percent": 10, "per": "patients"}),
    ("Postoperative complications developed in 7 patients (11%).", {"total": 7, "percent": 11, "per": "patients"}),
    ("Complications were observed in 3 of 50 procedures.", {"total": 3, "denominator": 50, "per": "procedures"}),
    ("Complications occurred in 5 of 60 patients (8.3%); one was major and four were minor.",
     {"total": 5, "percent": 8.3, "denominator": 60, "per": "patients", "major": 1, "minor": 4}),
    ("Complications occurred in four patients (2.7%).", {"total": 4, "percent": 2.7, "per": "patients"}),
    ("Complications related to the procedure were seen in 9 cases (15%).", {"total": 9, "percent": 15, "per": "patients"}),
    ("Complications occurred in 18.5% of the sessions.", {"percent": 18.5, "per": "sessions"}),
    ("Adverse events, all of them transient, were recorded in 8 participants (13%).", {"total": 8, "percent": 13, "per": "patients"}),
    ("Major complications were observed in 2 patients.", {"major": 2}),
    ("Minor complications occurred in 6 of 70 patients.", {"minor": 6}),
    ("Major complications (SIR grade C or higher) occurred in 4 patients (3.1%).", {"major": 4}),
    ("Procedure-related complications were seen in 5 (3.9%) of 128 sessions.",
     {"total": 5, "percent": 3.9, "denominator": 128, "per": "sessions"}),
    # the verb left out of the second half
    ("Major complications occurred in 3 (2.0%) procedures and minor complications in 9 (6.0%).", {"major": 3, "minor": 9}),
    ("Adverse events (AEs) occurred in 17 patients (14%), including 3 major AEs.",
     {"total": 17, "percent": 14, "per": "patients", "major": 3}),
    # a share first: its number is no count (session 19)
    ("Complications occurred in 11% of patients.", {"percent": 11, "per": "patients"}),
    ("Adverse events were observed in 7.5% of the procedures, all of them minor.",
     {"percent": 7.5, "per": "procedures"}),
]


@_table(OCCURRED)
def test_complications_occurred_in_units(run, text, want):
    assert _got(run, text) == want


# ---- units that had complications: "one of 58 (2%) patients had a major complication" -----------
HAD = [
    ("One of 45 (2%) patients had a major complication.", {"major": 1}),
    ("Three patients had a major complication.", {"major": 3}),
    ("Nineteen patients (14.6%) developed complications.", {"total": 19, "percent": 14.6, "per": "patients"}),
    ("A total of 31 patients (22.1%) experienced at least one complication.", {"total": 31, "percent": 22.1, "per": "patients"}),
    ("Six (8.2 %) of the treated patients developed complications.", {"total": 6, "percent": 8.2, "per": "patients"}),
    ("Seven patients (aged 40-55 years) experienced mild adverse events; no serious adverse events occurred.",
     {"total": 7, "minor": 7, "major": 0}),
    ("Of the 320 procedures, 26 had complications (8.1% overall complication rate), of which 7 (2.2%) were major.",
     {"total": 26, "denominator": 320, "per": "procedures", "percent": 8.1, "major": 7}),
    ("Eleven patients had minor complications.", {"minor": 11}),
]


@_table(HAD)
def test_units_that_had_complications(run, text, want):
    assert _got(run, text) == want


# ---- a share first: "32% developed complications", "x% of patients reported AEs" ----------------
SHARE = [
    ("In the cohort, 27% developed postoperative complications.", {"percent": 27}),
    ("Overall, 9.6% of patients reported adverse events.", {"percent": 9.6, "per": "patients"}),
    ("Altogether 12.5% (5/40) of patients suffered a major complication.", {"major": 5}),
    ("Some 61.0% of patients experienced at least one complication.", {"percent": 61.0, "per": "patients"}),
]


@_table(SHARE)
def test_share_that_had_complications(run, text, want):
    assert _got(run, text) == want


# ---- a rate: "the overall complication rate was 12.4% (31/250)" ----------------------------------
RATE = [
    ("The overall complication rate was 5%.", {"percent": 5}),
    ("The overall complication rate was 9.2% (23/250).", {"percent": 9.2, "total": 23, "denominator": 250}),
    ("We found an overall complication rate of 4.4% per procedure.", {"percent": 4.4, "per": "procedures"}),
    ("The incidence of postoperative complications was 14.3%.", {"percent": 14.3}),
    ("In all, the rate of symptomatic complications was 2.1%.", {"percent": 2.1}),
    ("The adverse event rate was 8%.", {"percent": 8}),
    ("Mean correction was 55%, overall complication rate 19% and major 5%.", {"percent": 19}),
    ("The major complication rate was 3.0% (6/200).", {"major": 6}),
    ("The complication rate per patient was 6%.", {"percent": 6, "per": "patients"}),
    ("The major complication rate (SIR grade C-F) was 1.4% (2/140).", {"major": 2}),
    ("The overall adverse event rate was 9.6% (11/115), with 2 (1.7%) major adverse events.",
     {"percent": 9.6, "total": 11, "denominator": 115, "major": 2}),
]


@_table(RATE)
def test_complication_rate(run, text, want):
    assert _got(run, text) == want


# ---- rates listed before their outcomes: "... were a% and b%, respectively" ----------------------
RESPECTIVELY = [
    ("Rates of death and complications were 1.9% and 8.4%, respectively.", {"percent": 8.4}),
    ("Complication and mortality rates were 22.5% and 4.1% respectively.", {"percent": 22.5}),
    ("Rates of reoperation, major complications and death were 3%, 2% and 1%, respectively.", None),
]


@_table(RESPECTIVELY)
def test_rates_listed_respectively(run, text, want):
    assert _got(run, text) == want


# ---- "no complications" -------------------------------------------------------------------------
NONE = [
    ("No complications were observed.", {"total": 0}),
    ("No major complications occurred.", {"major": 0}),
    ("There were no serious adverse events.", {"major": 0}),
    ("Clinically significant adverse events were not observed.", {"major": 0}),
    ("No minor complications were noted.", {"minor": 0}),
    ("No complications occurred in the 40 procedures.", {"total": 0}),
    ("There were no complications related to the ablation.", {"total": 0}),
    ("No intra- or postoperative complications occurred.", {"total": 0}),
    ("None of the patients had complications.", {"total": 0}),
    ("Complications were not observed in any patient.", {"total": 0}),
    ("The patients did not experience any complications.", {"total": 0}),
    ("All blocks were performed without complications.", {"total": 0}),
    ("All patients remained free of complications.", {"total": 0}),
    ("Complications: none.", {"total": 0}),
    ("No block-related complications occurred.", {"total": 0}),
    # an acronym of two joined by a hyphen names the procedure too (audit 18); another cause does not
    ("TACE-RFA-related adverse events were not observed in any case.", {"total": 0}),
    ("No significant complications were recorded.", {"major": 0}),
    ("No serious complications were observed in either group.", {"major": 0}),
    ("Notably, no hypotension or adverse events were reported.", {"total": 0}),
    ("There were 4 (10.0%) minor complications and no major complications.", {"total": 4, "minor": 4, "major": 0}),
    ("There were no procedure-related deaths or major complications.", {"major": 0}),
    # a part of the people named elsewhere in the sentence, not the part that had none (session 19)
    ("Most of the blocks were done under ultrasound and no complications occurred.", {"total": 0}),
    ("Most importantly, no adverse events were reported.", {"total": 0}),
    # the abbreviation the abstract defines for them, and the vaccine or medication studied (session 20)
    ("Adverse events (AEs) were recorded. No serious vaccine-related AEs occurred.", {"major": 0}),
    ("Adverse events (AEs) were recorded. AEs were not observed.", {"total": 0}),
    # a second noun of the 'no ... or ...' list with no grade: none of any (session 20)
    ("No serious adverse events or procedure-related adverse events were recorded.", {"total": 0, "major": 0}),
    ("No serious adverse events occurred, and adverse events were mild.", {"major": 0}),
    ("No serious adverse events or deaths occurred.", {"major": 0}),
]


@_table(NONE)
def test_no_complications(run, text, want):
    assert _got(run, text) == want


# ---- a major/minor split ------------------------------------------------------------------------
SPLIT = [
    ("There were 4 major and 9 minor complications.", {"major": 4, "minor": 9}),
    ("We saw 11 complications: 8 minor and 3 major.", {"total": 11, "major": 3, "minor": 8}),
    ("Of the complications, one was major (SIR grade D) and two were minor.", {"major": 1, "minor": 2}),
    ("In all, 21 complications (2 major, 19 minor) were recorded.", {"total": 21, "major": 2, "minor": 19}),
]


@_table(SPLIT)
def test_major_minor_split(run, text, want):
    assert _got(run, text) == want


# ---- a count after the noun: "complications (n = 12)", "Complications: 12 (10%)." -----------------
PAREN = [
    ("Major complications (n = 3) included two bleeds.", {"major": 3}),
    ("Complications: 14 (9%).", {"total": 14, "percent": 9}),
]


@_table(PAREN)
def test_count_after_the_noun(run, text, want):
    assert _got(run, text) == want


# ---- counter-examples: none of these is the study's overall, major or minor figure ----------------
NOT_THE_FIGURE = [
    # one type of complication (never summed, never the total)
    "Pneumothorax occurred in 4 patients (20%).",
    "Pulmonary complications occurred in 10 patients (12%).",
    "Bleeding complications were observed in 3 of 40 patients.",
    "Complications included pneumothorax in 4 patients and hematoma in 2.",
    "Complications included pneumothorax which occurred in 4 patients.",
    "Two cases had neurological complications.",
    "In total, 88 (6.9%) of 1,280 patients experienced postoperative respiratory complications.",
    "The 14 (9%) wound complications were treated conservatively.",
    "No bleeding complications occurred.",
    "There were no further complications.",
    "No other complications were noted.",
    "COVID-19-related complications were not observed.",
    "Late complications occurred in 5 patients (4%).",
    "Two patients developed stimulation-related side effects.",
    # per arm or compared across arms
    "The total complication rate was lower in the coil group (25% vs 54%, P = .04).",
    "Complications occurred in 3 patients in the block group and 7 in the control group.",
    "In the surgical group, 8 (70%) patients had at least 1 complication.",
    "There were one major and two minor complications in each study arm.",
    "The complication rate was 6.1% versus 9.8% without the device.",
    "No complications occurred in group A.",
    "Complication rate among primary and revision cases was 12.9% and 30.3%, respectively.",
    "Complication rates were 5% for coils and 11% for wires.",
    "No bleeding or infectious complications occurred.",
    # thresholds, definitions, categories, references
    "Outcomes included death and the occurrence of >= 1 major complication.",
    "Patients with at least 2 complications stayed longer.",
    "Patients with 1 complication had a longer stay than those with none.",
    "Grade 3 adverse events occurred in 12 patients.",
    "The overall complication rate (Clavien-Dindo grade II or higher) was 14%.",
    "Complications (grade >= 3) occurred in 5 patients (4%).",
    "The rate of major and minor complications was 2% and 5%, respectively.",
    "Patients were stratified as having no complication (NOCOMP) or any complication (COMP).",
    "These two complications carry a poor prognosis.",
    # subgroups, comparisons, claims, conditions, exceptions, the rest
    "Compared with those without complications, the patients were older.",
    "There was no significant difference in complications between groups.",
    "The device did not increase complications.",
    "FK12 shows strong activity without side effects.",
    "Vertebroplasty is not a procedure without complications.",
    "The treatment is free of pain and side effects.",
    "No complications occurred when the drain was left for less than a week.",
    "No complications were seen if the catheter was flushed daily.",
    "Other than one case of glaucoma, no severe complications were detected.",
    # none in most of them: some had complications, their number not given (session 19)
    "All patients took the tablets. In most of them, no side effects were seen.",
    "No complications were recorded in the majority of patients.",
    "In nearly all cases, no adverse events occurred.",
    "Five patients survived the operation without complications, although one died later.",
    "We recorded no unexpected serious adverse events during the trial.",
    "Smoking did not have an adverse effect on hearing.",
    # not of the procedure: illnesses the patients had
    "Nine of 20 patients (45%) had complications such as diabetes mellitus and liver disease.",
    # someone else's figures: background and hedged statements
    "BACKGROUND: Complications occur in 10% of patients. METHODS: We reviewed records.",
    "The complication rate has been reported to be 5%.",
    "A complication rate of 4% has been described in the literature for this technique.",
    "This procedure can be performed without complications.",
    # no complication noun at all
    "Out of the interviews emerged one major and two minor themes; adverse events were rare.",
    # a count of the review's included trials, not of people (session 20)
    "Adverse events were reported in 9 of the 14 RCTs.",
]


@pytest.mark.parametrize("text", NOT_THE_FIGURE, ids=[t[:60] for t in NOT_THE_FIGURE])
def test_not_the_overall_figure(run, text):
    got = _got(run, text)
    # the last one may read "rare" as nothing at all; none may carry a figure the text does not state
    assert got is None, got


# ---- the cues, as data ---------------------------------------------------------------------------


def test_cue_examples_of_the_lexicon():
    from studyfacts.components.complications import cue_label
    from studyfacts.rules import load_lexicon

    examples = {k: v for k, v in load_lexicon("complication_grading")["cue_examples"].items() if not k.startswith("_")}
    assert examples
    wrong = {phrase: (cue_label(phrase), want) for phrase, want in examples.items() if cue_label(phrase) != want}
    assert not wrong


# ---- the checks run on the new values ------------------------------------------------------------


def test_percent_vs_fraction_runs_on_a_complication_rate(extract):
    rec = extract("The overall complication rate was 9.2% (23/250).")
    checks = [c for c in rec.checks if c.kind == "percent_vs_fraction"]
    assert [(c.ok, c.message) for c in checks] == [(True, "23/250 = 9.2%")]  # once, though two families read it


def test_percent_vs_fraction_flags_a_wrong_complication_percent(extract):
    rec = extract("Complications occurred in 5 of 60 patients (9.3%).")
    checks = [c for c in rec.checks if c.kind == "percent_vs_fraction"]
    assert checks and not checks[0].ok


def test_percent_vs_fraction_runs_on_a_major_rate(extract):
    rec = extract("The major complication rate was 3.5% (7/200).")
    assert [(c.ok, c.message) for c in rec.checks if c.kind == "percent_vs_fraction"] == [(True, "7/200 = 3.5%")]


def test_major_minor_sum_runs_on_a_split_total(extract):
    rec = extract("There were 12 complications (3 major and 8 minor).")
    assert [(c.kind, c.ok) for c in rec.checks if c.kind == "major_minor_sum"] == [("major_minor_sum", False)]


def test_complications_grading(run):
    c = run("Complications were graded with the Clavien-Dindo classification; 3 complications occurred, one grade 3b.").complications
    assert (c.grading, c.total, c.grades) == ("Clavien-Dindo", 3, ["3b"])


def test_every_value_points_at_its_characters(extract):
    text = "Of the 320 procedures, 26 had complications (8.1% overall complication rate), of which 7 (2.2%) were major."
    c = extract(text).complications
    assert c.span is not None and text[c.span.start:c.span.end] == c.span.text
    assert all(text[e.start:e.end] == e.text for e in c.evidence)


def test_conflicting_totals_keep_the_first_and_warn(extract):
    rec = extract("Complications occurred in 12 patients (10%). There were 15 complications in 12 patients.")
    assert rec.complications.total == 12
    assert any("total read as 12 and 15" in w for w in rec.warnings)


# ---- the readers never raise, whatever the text ---------------------------------------------------

_WORDS = ["complications", "complication", "adverse events", "side effects", "AEs", "no", "without", "major", "minor",
          "serious", "occurred", "in", "of", "patients", "procedures", "had", "rate", "was", "(", ")", "[", "]", "%",
          "12", "3.5", "one", "two", "/", ",", ";", ".", "respectively", "and", "vs", "group", ">=", "at least"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=40))
def test_complications_never_raise(run, words):
    text = " ".join(words)
    draft = run(text)
    c = draft.complications
    if c is not None:
        for span in [c.span, *c.evidence]:
            if span is not None:
                assert text[span.start:span.end] == span.text
