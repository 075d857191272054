"""Patients, lesions, sex counts and age, on invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _pop(extract, text: str):
    return extract(text).population


def _value(count):
    return None if count is None else count.value


@pytest.mark.parametrize(
    ("text", "patients"),
    [
        ("METHODS: We reviewed 74 patients treated with radiofrequency ablation.", 74),
        ("Prospectively enrolled adults (n = 120) completed the questionnaire.", 120),
        ("Consecutive outpatients (N=45) with sciatica were studied.", 45),
        ("A total of 56 consecutive patients were included.", 56),
        ("Thirty-four patients underwent kyphoplasty.", 34),
        ("One hundred and twelve participants were recruited.", 112),
        ("A total of 1,234 patients were analysed.", 1234),
        ("We identified 1\u2009234 patients in the registry.", 1234),
        ("We identified 2\u00a0456 adults with chronic pain.", 2456),
        ("Of 1,500 patients screened, 456 were included.", 456),
        ("Of 900 respondents, 610 (67.8%) completed the survey.", 610),
        ("300 patients were screened for eligibility and 120 were randomized.", 120),
        ("In this trial, 240 women were randomised to acupuncture or sham.", 240),
        ("This study included 150 out of 190 eligible patients.", 150),
        ("There were 48 patients (20 women; mean age 55 years) accounting for 61 tumours.", 48),
        ("BACKGROUND: Over 5,000 patients die each year. METHODS: We enrolled 64 patients.", 64),
        ("RESULTS: 118 were included. Pain was reduced in 40 patients (34%).", 118),
        ("Of 20 patients screened, 12 were enrolled and 8 declined; 3 patients had fever.", 12),
        ("RESULTS: Of the 26 healthy volunteers, 13 were male and 13 were female.", 26),
        ("RESULTS: Among the 57 participants analyzed, pain scores did not differ.", 57),
        ("This is a retrospective study of the outcome in 10 consecutive patients with myelopathy.", 10),
        ("The effect of the infusion rate was studied in 44 elderly patients.", 44),
        ("The drug was given twice daily to 36 healthy volunteers.", 36),
        ("We prospectively evaluated 90 patients who had valve replacement.", 90),
        ("METHODS: Type 2 diabetic patients (N = 57) were divided into two groups.", 57),
    ],
)
def test_cohort_patients_count(extract, text, patients):
    assert _value(_pop(extract, text).patients) == patients


@pytest.mark.parametrize(
    "text",
    [
        "Thirty patients in group A and 32 patients in group B were compared.",
        "A total of 150 patients were assigned to receive drug X, 148 to receive drug Y.",
        "Pain improved in 15 patients (42%).",
        "Patients aged 18-65 years were eligible.",
        "Eight men and 11 women were studied.",
        "Up to 40% of adults report back pain.",
        "Patients were drawn from a database of 120,345 patients.",
        "Cases were drawn from approximately 8,000 patients who completed screening.",
        "Patients were recruited at four Veterans Affairs clinics.",
        "Two patients in the placebo group were excluded from the analysis.",
        "Response occurred in 12 of 25 children in the CBT group, compared to 2 of 23 children in the"
        " control group.",
    ],
)
def test_cohort_patients_null_without_a_stated_total(extract, text):
    assert _pop(extract, text).patients is None


@pytest.mark.parametrize(
    ("text", "sex", "noun"),
    [
        ("We report a 67-year-old man with a vertebral fracture.", "male", "man"),
        ("A 41-year-old woman presented with flank pain.", "female", "woman"),
        ("CASE PRESENTATION: An 8-year-old girl had fever.", "female", "girl"),
        # a word or two describing the person before the age (audit 18)
        ("We describe a rare case of empyema in an immune-competent 52-year-old male patient.", "male", "male"),
        ("CASE: A previously healthy 9-year-old girl had fever.", "female", "girl"),
        ("Headache followed two epidural punctures in a healthy 31-year old primipara.", "female", "primipara"),
        ("An abscess arose from a leak, after which the 61-year-old man went into shock.", "male", "man"),
    ],
)
def test_cohort_case_report_counts_one_patient_and_their_sex(extract, text, sex, noun):
    pop = _pop(extract, text)
    assert _value(pop.patients) == 1
    assert getattr(pop, sex).value == 1
    assert getattr(pop, sex).noun == noun
    assert pop.age is None, "one person's age is not a cohort statistic"


@pytest.mark.parametrize(
    ("text", "female", "male"),
    [
        ("A total of 80 patients (35 women) were included.", 35, None),
        ("Of the 35 adults enrolled, 20 men and 15 women were analysed.", 15, 20),
        ("The cohort of 35 patients (M/F 20/15) was analysed.", 15, 20),
        ("We included 52 patients; 30 (57.7%) were female.", 30, None),
        ("Twenty-nine patients (63%) were male.", None, 29),
        ("We enrolled 5 patients (3 males) with the syndrome.", None, 3),
        ("There were 40 patients; the male:female ratio was 3:1.", None, None),
        ("We enrolled 60 patients (60% female).", None, None),
        ("We enrolled 20 patients; the male to female ratio was 12 : 8.", 8, 12),
        ("Group A had 10 women and group B had 14 women.", None, None),
        # a cohort counted with a space between its thousands is the owner of its breakdown (session 17)
        ("RESULTS: The study included 10 233 adults (5120 women [50.0%]; mean [SD] age, 45.0 [14.2] years).",
         5120, None),
        ("RESULTS: We enrolled 12 500 adults (6 010 women and 6 490 men).", 6010, 6490),
        ("RESULTS: We enrolled 12 500 adults; 1 200 adults (700 women) had a relapse.", None, None),
        # a scale's cut-off for each sex, its acronym opening the bracket, counts no one (session 17)
        ("RESULTS: Of 186 adults included, 40% screened positive for drug problems (DUDIT 6 men/2 women).", None, None),
    ],
)
def test_cohort_sex_counts(extract, text, female, male):
    pop = _pop(extract, text)
    assert (_value(pop.female), _value(pop.male)) == (female, male)


@pytest.mark.parametrize(
    ("text", "mean", "median", "sd"),
    [
        ("Patients were aged 61 ± 10 years.", 61, None, 10),
        ("Eighty adults (mean age, 64 years) were enrolled.", 64, None, None),
        ("We enrolled 50 patients (median age 61 (range 45-80)).", None, 61, None),
        ("Patients had a mean age of 64.2 ± 10.1 years.", 64.2, None, 10.1),
        ("The 70 participants (age 58.3 (SD 9.1)) were surveyed.", 58.3, None, 9.1),
        ("The mean (SD) age was 45.2 (10.3) years.", 45.2, None, 10.3),
        ("Twelve patients aged 16-63 years (42 ± 17 years) were treated.", 42, None, 17),
        ("Their average age was 39 years.", 39, None, None),
    ],
)
def test_cohort_age_statistic(extract, text, mean, median, sd):
    age = _pop(extract, text).age
    assert age is not None
    assert (age.mean, age.median, age.sd, age.unit) == (mean, median, sd, "years")


@pytest.mark.parametrize(
    "text",
    [
        "Adults aged 18-65 years were eligible.",
        "We enrolled 50 patients aged 65 years or older.",
        "Group A (median age 73) and group B (median age 69) were compared.",
        "BACKGROUND: The mean age at onset is 50 years. METHODS: We enrolled 40 patients.",
        "The average age of the 30 survivors was not recorded.",
    ],
)
def test_cohort_age_not_from_eligibility_or_groups(extract, text):
    assert _pop(extract, text).age is None


@pytest.mark.parametrize(
    ("text", "lesions", "noun"),
    [
        ("Osteoid osteomas (OO) were treated. There were 30 patients accounting for 34 OO.", 34, "OO"),
        ("Bone metastases (BM) were ablated. In total, 50 patients with 72 BM were treated.", 72, "BM"),
        ("METHODS: 100 patients with 132 tumors were treated with microwave ablation.", 132, "tumors"),
        ("A total of 48 vertebral levels were treated in 30 patients.", 48, "vertebral levels"),
        ("RESULTS: 40 patients with 52 pulmonary nodules underwent biopsy.", 52, "nodules"),
    ],
)
def test_cohort_lesions_counted_apart_from_patients(extract, text, lesions, noun):
    pop = _pop(extract, text)
    assert _value(pop.lesions) == lesions
    assert pop.lesions.noun == noun


@pytest.mark.parametrize(
    "text",
    [
        "181 patients underwent 187 pulmonary resections.",
        "90 patients received 240 treatment sessions.",
        "Local control was achieved in 23 tumours (82%).",
        "We enrolled 60 patients. Of these, 12 metastases progressed.",
        # people sorted by diagnosis in the bracket after their count, adding up to it (session 17)
        "RESULTS: In total, 66 adults were imaged (38 with pancreatic cancer, 28 benign pancreatic lesions).",
    ],
)
def test_cohort_lesions_null_for_procedures_and_shares(extract, text):
    assert _pop(extract, text).lesions is None


def test_cohort_patients_hyphenated_number_words(extract):
    assert _value(_pop(extract, "One hundred-and-sixty-eight parturients were randomized.").patients) == 168


# Two groups of the same noun with no stated total: GUIDE says null, no arithmetic.
@pytest.mark.parametrize(
    ("text", "patients"),
    [
        ("We reviewed 310 patients who began drug A (150 on the low dose) and 95 patients who began drug B.", None),
        ("Overall, 812 survivors of stroke (median age 70) and 640 survivors of sepsis were interviewed.", None),
        ("We compared 44 children treated with casts versus 39 children treated with splints.", None),
        ("We enrolled 88 patients and 20 healthy volunteers.", 88),
        ("A total of 61 patients were included; 33 patients had surgery and 28 patients had radiotherapy.", 61),
        ("Sixty patients were randomised. At one year, 41 patients and their carers replied.", 60),
        # two kinds of providers are two groups of a study of providers (session 17) ...
        ("METHODS: Semi-structured interviews were conducted with 18 nurses and 12 physicians in three wards.", None),
        ("METHODS: We surveyed 240 pharmacists and 35 general practitioners about deprescribing.", None),
        # ... but the patients of providers counted beside them are the cohort (a cluster trial's)
        ("PARTICIPANTS: Thirty-five primary care clinicians and 286 patients who took opioids.", 286),
        ("METHODS: We recruited 9 physicians and 37 patients with back pain.", 37),
        # each count in the bracket after what its people received, the first an arm's as the second (session 17)
        ("RESULTS: Pooled data suggest that drug A (494 patients) gives better relief than drug B (510 patients).",
         None),
        ("RESULTS: Survival after drug A (120 patients) exceeded that after drug B (118 patients).", None),
    ],
)
def test_cohort_two_groups_without_total_give_null(text, patients):
    import studyfacts

    record = studyfacts.extract(text)
    got = record.population.patients.value if record.population.patients else None
    assert got == patients
    if patients is None:
        assert any("groups with no stated total" in w for w in record.warnings)


# Systematic reviews: the pooled participants of the included studies, never one comparison's.
@pytest.mark.parametrize(
    ("text", "patients"),
    [
        ("Main results We included 14 RCTs with 2311 randomised participants. Most trials were small.", 2311),
        ("Results: We identified 9 studies involving 1,204 adults. Heterogeneity was high.", 1204),
        ("Main results Pain fell with ketamine (MD -1.1, 95% CI -1.9 to -0.3; 4 studies; 310 participants).", None),
        ("Results: Zinc was better (RR 0.8, 95% CI 0.6 to 1.0; I2 = 0%; two trials, 190 patients).", None),
    ],
)
def test_cohort_review_pooled_participants(text, patients):
    import studyfacts

    record = studyfacts.extract(text)
    got = record.population.patients.value if record.population.patients else None
    assert got == patients


@pytest.mark.parametrize(
    ("text", "male", "female"),
    [
        ("We enrolled 42 patients (26 men, 16 women; mean age 63 years).", 26, 16),
        ("The sample comprised 70 adults (31 males, 39 females).", 31, 39),
        ("Of the 50 patients (males, n = 22; females, n = 28), most were smokers.", 22, 28),
    ],
)
def test_cohort_sex_lists_with_commas(text, male, female):
    import studyfacts

    pop = studyfacts.extract(text).population
    assert (pop.male and pop.male.value, pop.female and pop.female.value) == (male, female)


def test_cohort_sex_counts_stated_with_the_cohort_win():
    import studyfacts

    pop = studyfacts.extract(
        "METHODS: Two hundred participants (mean age, 12.1 years; 96 girls, 104 boys) were included. "
        "RESULTS: Of these, 181 completed follow-up (88 girls, 93 boys)."
    ).population
    assert (pop.patients.value, pop.female.value, pop.male.value) == (200, 96, 104)


def test_cohort_sex_counts_differing_without_a_cohort_stay_null():
    import studyfacts

    record = studyfacts.extract("In spring the clinic saw 31 women and 12 men; in autumn, 28 women and 15 men.")
    assert record.population.female is None and record.population.male is None
    assert any("several different counts" in w for w in record.warnings)


@pytest.mark.parametrize(("lexicon", "key"), [("person_nouns", "strong"), ("person_nouns", "sex"),
                                              ("person_nouns", "providers"), ("lesion_nouns", "nouns")])
def test_cohort_noun_lexicons_factor_into_a_trie(lexicon, key):
    """Two terms that begin alike but for case ('GBMSM', 'gbMSM') make `lexicon_alternation` fall back to a
    flat list of every term, which the count rules then try at every count (a third slower cohort matching);
    the rules are case-insensitive, so one spelling is enough."""
    from studyfacts.rules import load_lexicon

    terms = load_lexicon(lexicon)[key]
    clashes = [(a, b) for a in terms for b in terms if a != b and b.lower().startswith(a.lower()) and not b.startswith(a)]
    assert not clashes


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab ()[]", max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_open_bracket_before_is_the_search_it_replaces(text, a, b):
    """The bracket open at a place: the last bracket before it, if it opens; what the regex
    "[(\\[](?=[^()\\[\\]]*$)" searched up to the place finds."""
    import regex

    from studyfacts.components.cohort import _open_bracket_before

    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    m = regex.compile(r"[(\[](?=[^()\[\]]*$)").search(text, start, end)
    assert _open_bracket_before(text, start, end) == (m.start() if m else None)
