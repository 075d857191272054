"""The cohort's phrasing families, one table each, with sentences written for these tests
(never copied from an abstract). Each family has examples that must give the cohort and
counter-examples that must not: a rule that serves one abstract does not pass a table."""

from __future__ import annotations

import pytest


def _patients(extract, text: str):
    p = extract(text).population.patients
    return None if p is None else p.value


def _field(extract, text: str, field: str):
    v = getattr(extract(text).population, field)
    return None if v is None else v.value


FAMILIES = {
    # a count with a person noun, the verb elsewhere or absent
    "person_noun_frames": [
        ("Survival was compared in 210 patients with the syndrome.", 210),
        ("We went through the files of 57 children with 63 fractures.", 57),
        ("Charts from 88 patients were collected at our clinic.", 88),
        ("METHODS: A total of 318 adult, daily drinkers took part.", 318),
        ("In 46 healthy volunteers, the nerve was stimulated twice.", 46),
        ("Data were obtained from 75 patients treated with radiosurgery.", 75),
        ("The mean age of the 412 participants was 51 years.", 412),
        ("We conducted a pilot study including 22 patients with gout.", 22),
        ("RESULTS: Among the 96 patients (50 male; 46 female), relapse occurred in 30 patients.", 96),
        ("A trial comparing two splints in 64 patients with wrist fractures was run.", 64),
        # "pts", the clinical shorthand for patients
        ("Methods: We studied 41 pts with recurrent syncope referred for tilt testing.", 41),
        ("The study was conducted on 207 pts who underwent a first ablation.", 207),
    ],
    # (n = X) after the cohort noun or verb
    "n_after_cohort": [
        ("Consecutive patients at two centres were reviewed retrospectively (n = 150; median follow-up 2 years).", 150),
        ("Adults with chronic cough were enrolled (N=96) and followed for a year.", 96),
        ("METHODS: Smokers (n = 233) completed the baseline survey.", 233),
        ("METHODS: The sample comprised rural women (N = 288) seen at two clinics.", 288),
        ("METHODS: Online chess players (n = 412; 88% male) were recruited in 2019.", 412),
        ("METHODS: We surveyed 355 youth aged 12 to 17 in three towns.", 355),
        # adjectives joined by "and" or "or" qualify one noun
        ("METHODS: Interviews were conducted with 36 lesbian and bisexual women.", 36),
        ("RESULTS: Among 412 octogenarian and nonagenarian surgical patients, mortality was 9%.", 412),
        ("METHODS: Participants were recruited from four rural high schools (n = 612; mean age 15.9).", 612),
        ("METHODS: Adults who had used a sleep app completed an online survey (N = 930, 41% male).", 930),
        ("METHODS: Adults with chronic cough were enrolled (N=96, 54% women) and followed for a year.", 96),
        ("Mood was assessed in 1-year survivors (N = 180, 42.1% of the original cohort) by telephone.", 180),
        # the n closes "a sample/cohort of <people ...>", however long the description
        ("We modelled sleep trajectories in a sample of flood survivors from two coastal towns (N = 742).", 742),
        ("Data came from a nationally representative sample of teenagers exposed to one storm (n= 1,310).", 1310),
        ("In this study, using a cohort of lottery club members [N = 2,105], we compared beliefs.", 2105),
        ("METHOD: In a sample of HIV-negative MSM with a history of violence (n = 318), we tested links.", 318),
    ],
    # a funnel's last step is the cohort; a base of included patients is not a funnel
    "funnel": [
        ("Of 410 patients screened, 120 were randomised.", 120),
        ("Among 900 invited parents, 512 (57%) completed the questionnaire.", 512),
        ("RESULTS: Of 140 patients enrolled, 12 withdrew and 128 were analysed.", 140),
        ("RESULTS: Of 88 randomized patients, 80 were included in the final analysis.", 88),
        # eligibility is checked before inclusion: it narrows even an enrolled base
        ("RESULTS: Of 58 patients enrolled, 52 were eligible and evaluable for toxicity.", 52),
        ("RESULTS: Of 140 patients enrolled, 131 met the eligibility criteria.", 131),
        ("RESULTS: Of 88 randomized patients, 80 were eligible for the final analysis.", 88),
        ("RESULTS: Among 160 patients, 70 (44%) completed follow-up.", 160),
        ("METHODS: Data came from an online panel. RESULTS: Among the 640 respondents, 72% reported weekly use.", 640),
        # a chain: the last step
        ("RESULTS: Of 350 survivors, 260 were eligible for the survey and 171 responded.", 171),
        ("RESULTS: Of 620 parents, 590 received the questionnaire, and 402 (68%) responded.", 402),
        ("RESULTS: Of 500 people screened, 120 were randomised and 12 withdrew.", 120),
        ("RESULTS: 410 of 505 (81%) eligible adults were included.", 410),
        ("RESULTS: Of 90 survivors, 40 were discharged home. Of those, 25 patients (62%) were willing to participate.", 25),
        # a count whose own sentence goes on to a step set off by a comma
        ("We identified 320 patients, of whom 251 met the inclusion criteria.", 251),
        ("METHODS: We screened 410 adults, of whom 288 were enrolled.", 288),
        ("RESULTS: A total of 75 children were identified, and 61 met the inclusion criteria.", 61),
        # not a step: an age range, or dropouts from an enrolled base
        ("A total of 467 women aged between 18 and 24 completed an online survey.", 467),
        ("In all, 120 patients were randomised, of whom 110 completed the study.", 120),
        # a second count that left the study is not a second group
        ("A total of 64 patients were enrolled, while 12 patients declined.", 64),
        ("We enrolled 64 patients and 12 patients withdrew before surgery.", 64),
    ],
    # a sentence that opens on the inclusion period and counts people defines a case series
    "period_frame": [
        ("METHODS: Between 2004 and 2016, 58 patients presented with a spinal epidural abscess.", 58),
        ("From March 2001 to May 2011, 37 children sustained a pelvic fracture and were treated.", 37),
        # the cohort stated before it still comes first; a state of some is still not the cohort
        ("METHODS: We treated 80 patients. RESULTS: Between 2010 and 2015, 12 patients developed an infection.", 80),
        ("METHODS: We reviewed 64 patients. Between 2009 and 2012, 20 patients had a revision.", 64),
    ],
    # a comma without its space after a year: the count after it is a count of its own
    "comma_after_year": [
        ("METHODS: From March 2015 to May 2019,64 patients with gout were enrolled.", 64),
        ("Between 2008 and 2012,112 children underwent the repair.", 112),
        # a thousands separator is not such a comma
        ("METHODS: We enrolled 1,204 patients with gout.", 1204),
        ("METHODS: A total of 12,450 adults were surveyed in 2019.", 12450),
    ],
    # those who took part in a survey or follow-up study, the end of its funnel
    "took_part": [
        ("METHODS: We mailed a questionnaire to 820 members. RESULTS: Of these, 610 received it and 377 (62%) "
         "responded.", 377),
        ("All 95 survivors at one year were invited to a clinic visit, and 71 accepted.", 71),
        ("RESULTS: 1,310 (40%) adults survived to discharge; of these 1,102 (84%) were interviewed by phone.", 1102),
        ("METHODS: Of 240 eligible nurses, 188 completed the online survey.", 188),
        ("RESULTS: Of the 70 patients alive at follow-up, 55 responded to mailed questionnaires.", 55),
        ("RESULTS: Of the 70 patients, 55 (79%) responded to our telephone survey.", 55),
        # not those who took part: a treatment response, a range end, an age, a denominator
        ("METHODS: We treated 60 patients with the new drug. RESULTS: In all, 24 (40%) responded to treatment "
         "and completed a questionnaire.", 60),
        ("METHODS: A total of 512 men between the ages of 20 and 35 completed an online survey.", 512),
        ("METHODS: Twenty volunteers with a mean age of 31 participated in the interview study.", 20),
        ("METHODS: We surveyed 300 survivors. RESULTS: At one year, 150 of 280 responded to the questionnaire.", 300),
    ],
    # a sub-study or analysis of a parent trial or registry names its own, smaller cohort
    "this_analysis": [
        ("METHODS: The ORCHID trial enrolled 9,120 patients after stroke. The sleep substudy included 812 (8.9%) "
         "patients who wore an actigraph.", 812),
        ("BACKGROUND: The LOTUS trial randomised 640 adults to early or late surgery. METHODS: This post hoc analysis "
         "included 212 adults with diabetes.", 212),
        ("AIMS: The registry holds data on 15,000 hip replacements. METHODS: The present analysis is based on data "
         "from 1,204 patients operated on in 2019.", 1204),
        ("The analysis included 96 survivors from the trial who returned both questionnaires.", 96),
        # not a sub-study: a parent count alone, or an analysis that reports, not includes
        ("METHODS: The ORCHID trial enrolled 9,120 patients after stroke and followed them for a year.", 9120),
        ("METHODS: We enrolled 140 patients. The analysis showed that 40 patients (29%) improved.", 140),
    ],
    # treated units beside the patients who carry them
    "units_beside_patients": [
        ("We treated 95 vertebral fractures in 61 patients.", 61),
        ("We examined 52 eyes of 30 children with myopia.", 30),
        ("Fifteen patients (17 limbs) underwent bypass surgery.", 15),
        ("RESULTS: In 120 eyes (60 patients), acuity improved.", 60),
        # cases or admissions with the patients in brackets: the patients
        ("We reviewed 84 cases (71 patients) treated with coils at our clinic.", 71),
        ("We reviewed 40 cases (40 patients) treated with coils at our clinic.", 40),
    ],
    # a fraction of the count itself is its breakdown, not a share of another cohort
    "own_breakdown": [
        ("RESULTS: Stents were placed in 32 patients (15/32 in the first year) with a median age of 60 years.", 32),
        ("The device was used in 48 adults (20/48 at night) over two years.", 48),
        # each group's size written with a slash (audit 18); a share still is one
        ("METHODS: Three groups were recruited. Overall, 240 matched adults (80/group, 55% female) were included.", 240),
        ("RESULTS: Of these, 12 adults (12/40) relapsed after surgery.", None),
    ],
    # the studied group's participle before an outcome: "N of M patients reviewed had ..."
    "participle_then_outcome": [
        ("Six of 14 patients reviewed had a fracture on follow-up imaging.", 14),
    ],
    # a heading qualified by "study", or listing several parts, ends the Objective before it
    "qualified_headings": [
        ("OBJECTIVE: To test a brace for knee pain. STUDY DESIGN: Randomised trial. Forty-four women with knee "
         "pain were randomised into two groups.", 44),
        ("OBJECTIVE: To compare two splints. DESIGN, SETTING, AND PARTICIPANTS: Cohort study of 120 children "
         "with wrist fractures at two hospitals.", 120),
    ],
    # spelled out, hyphenated throughout; a sentence glued to the one before it
    "written_numbers": [
        ("One hundred-and-sixty-eight healthy parturients were studied.", 168),
        ("Outcomes were recorded at discharge.Ninety patients were enrolled and physiotherapy was offered to 37 patients (41%).", 90),
    ],
    # a sex-only cohort is the cohort when a cue makes it so
    "single_sex": [
        ("We enrolled 120 women with stress incontinence.", 120),
        ("A total of 64 men were randomised to exercise or control.", 64),
        ("METHODS: Forty healthy women, half of whom smoked, took part.", 40),
    ],
    # the authors' study verb opens the sentence and names the cohort after 'in', however long its object
    "we_verb_long_object": [
        ("We studied the relation between regional blood flow in the basal ganglia, dopamine D2 receptor density "
         "as measured with tracer imaging, the structural changes of the brain on magnetic resonance images, and the "
         "severity of the motor signs in 24 patients with chorea.", 24),
        ("We report the long-term radiographic and functional results of posterior instrumentation and fusion "
         "in 41 adolescents with neuromuscular scoliosis.", 41),
    ],
    # a relative clause after the cohort is no second group
    "in_whom_is_no_group": [
        ("METHODS: Reflexes were tested in 18 patients with gout, in 12 of whom the disease was early.", 18),
    ],
    # groups labelled with Roman numerals under a stated total
    "groups_under_total": [
        ("We enrolled 72 adults, split into three groups: 24 patients with gout (Group I), 24 healthy adults "
         "(Group II) and 24 patients with arthritis (Group III).", 72),
        ("Seventy patients were treated on the Group Internal Medicine ward.", 70),
    ],
    # 'Of the N ...' naming a cohort already stated is a back-reference: what some of them underwent is a part
    "funnel_back_reference": [
        ("METHODS: From 2012 to 2016, 23 adults were fitted with the new brace. Of the 23 adults, nine underwent "
         "a second fitting.", 23),
        ("METHODS: We reviewed 64 patients with gout. Of these 64 patients, 20 were treated with colchicine.", 64),
        ("METHODS: Among 900 patients enrolled, 150 were older than 75. Of these 150 patients, 90 underwent "
         "an implant.", 900),
        # a step that admits still narrows it, and a base stated only once is a funnel
        ("METHODS: We screened 64 referred patients. Of the 64 patients, 50 were included.", 50),
        ("METHODS: Of 64 patients referred, 50 underwent surgery.", 50),
        ("RESULTS: Of 1,234 patient records screened, 456 were included.", 456),
    ],
    # people named by their occupation or pastime
    "occupations_and_pastimes": [
        ("METHODS: Participants were 212 firefighters (mean age 41 years) from three stations.", 212),
        ("METHODS: A telephone survey of 140 dairy farmers was conducted in 2019.", 140),
        ("METHODS: We recruited 96 orchestral musicians and measured their hearing.", 96),
        ("METHODS: An online panel of 640 regular sports bettors completed the survey.", 640),
    ],
    # a total followed by its own breakdown: the parts are no second group, nor the cohort
    "total_with_breakdown": [
        ("RESULTS: 184 patients had baseline data: 140 with A and 44 with B. Of the total, 120 patients "
         "responded to the 1-year follow-up.", 184),
        ("METHODS: We analysed the clinic database of 150 patients (110 gout and 40 arthritis patients).", 150),
        ("METHODS: Outcomes were modelled among 2,410 miners, including 1,200 underground miners and 1,210 "
         "surface miners.", 2410),
        ("RESULTS: In total, 210 patients reached 2-year follow-up (140 primary; 70 revision cases).", 210),
        ("METHODS: In 80 knees (52 patients), cartilage was scanned.", 52),
    ],
    # those interviewed are a qualitative study's participants; population acronyms name people
    "interviews_and_acronyms": [
        ("METHODS: Semi-structured interviews with 28 men who bet on sport were analysed thematically.", 28),
        ("METHODS: Interviews were held with 19 carers of people with stroke.", 19),
        ("METHODS: A group of 2140 adult survivors of the flood answered a postal questionnaire.", 2140),
        ("METHODS: We report a group of 14 patients with gout treated with colchicine.", 14),
        ("METHODS: A total of 4160 children admitted to a district hospital with malaria were studied.", 4160),
        ("METHODS: Data are from a cohort of 380 YMSM followed for two years.", 380),
        ("METHODS: We recruited 145 PWID from two needle exchanges.", 145),
    ],
    # providers: the cohort of a study of providers, but the patients when the study counts them too
    "providers": [
        ("METHODS: A national survey of 318 anaesthesiologists was conducted.", 318),
        ("PARTICIPANTS: Twenty-two primary care clinicians and 190 patients with back pain.", 190),
        ("METHODS: Thirty GPs were randomised to the new guideline or usual care. The 412 patients of these "
         "practices were followed for a year.", 412),
        ("METHODS: We recruited 7 physicians and 45 patients with neck pain.", 45),
    ],
    # a flattened structured abstract: headings after '.,' or with no full stop before them
    "flattened_headings": [
        ("PURPOSE: To test a hearing campaign in students., Method: College students (N = 412) completed a "
         "survey.", 412),
        ("Objectives: To compare two splints in wrist fracture Design: A prospective study Setting: A city "
         "hospital Subjects: Sixty-two adults with a wrist fracture Intervention: A splint or a cast.", 62),
    ],
    # a base reviewed or screened to find the study's patients
    "reviewed_to_identify": [
        ("METHODS: Four hundred cases of gout seen over ten years were reviewed to identify patients with spinal "
         "tophi. Of 22 patients (15 male and seven female; mean age 61 years), 18 had back pain.", 22),
        # not a cohort examined to identify risk factors
        ("METHODS: We enrolled 120 patients, who were examined to identify risk factors for falls.", 120),
    ],
    # a survey's responders told as the source of its answers: the part of the share
    "responses_from": [
        ("RESULTS: Responses were received from 412 of 980 invited dentists (42%).", 412),
        ("METHODS: A questionnaire was mailed to 980 dentists. RESULTS: Completed questionnaires were returned by "
         "412 of the 980 dentists (42%).", 412),
        # not in an abstract that speaks of no survey
        ("RESULTS: Samples were received from 12 of 40 patients.", 40),
    ],
    # a future told of people the study already counted with its own past verb: no protocol's plan
    "counted_then_future": [
        ("METHODS: We enrolled 100 adults with gout who will be followed for five years.", 100),
        ("Between 2015 and 2018 we prospectively included 64 consecutive patients, who will be seen yearly.", 64),
        ("A total of 212 pregnant women were recruited and will be followed until delivery.", 212),
        ("METHODS: In the pilot phase we recruited 24 nurses; 300 nurses will be recruited for the main trial.", 24),
    ],
    # a case report: the report verb and the one person it happened in
    "case_report": [
        ("We report a spinal abscess after acupuncture in a patient with diabetes. Drainage cured it.", 1),
        ("We describe an unusual fracture pattern in a 9-year-old girl who fell from a horse.", 1),
        ("Rare tumours mimic infection. We present the imaging of a young man with a painful hip.", 1),
        ("We report a case of gout in the spine. A 70-year-old woman presented with fever.", 1),
        ("We report here a case of tophaceous gout of the lumbar spine.", 1),
        ("We herein describe an unusual case of gout in the spine.", 1),
    ],
}

NOT_A_COHORT = {
    # one group's size, however the sentence reaches 'in each group'
    "each_group_after_a_clause": [
        "METHODS: Forty office workers, who met the inclusion criteria, were enrolled in each group.",
    ],
    # a descriptor in brackets opens no breakdown: two groups stay two groups
    "groups_with_descriptors": [
        "METHODS: We studied 18 patients with gout (mean age: 61 years) and 12 patients with arthritis (mean age: "
        "58 years).",
    ],
    # groups listed as 'in N ..., in M ...' with no stated total
    "groups_listed_with_in": [
        "METHODS: Reflexes were tested in 18 patients with early gout, in five patients with late gout and in 30 "
        "healthy adults.",
    ],
    # two groups each introduced as 'a group of'
    "a_group_of_and_a_group_of": [
        "METHODS: Thresholds were measured in a group of six adults with normal hearing and a group of six "
        "adults with hearing loss.",
    ],
    # groups labelled with Roman numerals and no stated total
    "groups_roman_numerals": [
        "Subjects were split into three groups: 24 patients with gout (Group I); 24 healthy adults (Group II); "
        "and 24 patients with arthritis (Group III).",
        "Group II comprised 18 patients with gout and group III 20 healthy adults.",
    ],
    # an interview reported in the results about some patients is no cohort frame
    "interviews_of_some": [
        "RESULTS: Drug use was common. Eleven men said that they had tested positive in the past year.",
        "RESULTS: Fourteen carers felt unprepared for discharge.",
        "RESULTS: Pain fell in most patients; interviews with 12 patients showed satisfaction.",
    ],
    # animals are no human participants
    "animals": [
        "METHODS: Adult cynomolgus monkeys (n = 6) were implanted with cooling probes.",
        "METHODS: Female Sprague-Dawley rats (n = 30) were randomised to noise or silence.",
    ],
    # a thousands group cut off by a stray space is no count of its own
    "cut_thousands": [
        "RESULTS: Overall, 2, 047 (61%) nurses responded to the survey.",
    ],
    # the study verb's sentence goes on to another count: the later 'in N' is a part of it
    "we_verb_past_a_count": [
        "We studied the relation between regional blood flow in the basal ganglia and the severity of the motor "
        "signs in 120 scans and found atrophy in 40 patients.",
        "We studied blood flow and receptor density with tracer imaging. The motor signs worsened in 24 patients.",
    ],
    # providers who did the procedure, the base of a rate
    "providers_and_rates": [
        "METHODS: Eyes had laser or manual surgery by 1 of 4 surgeons.",
        "METHODS: The blocks were performed by 12 anaesthetists.",
        "METHODS: Crude ratios per 100,000 inhabitants were calculated for each region.",
        "METHODS: Five broad drivers of harm were identified.",
        # providers beside patients the abstract counts elsewhere: the providers are not the cohort
        "METHODS: Thirty GPs were randomised to the new guideline or usual care. The 412 patients had knee pain "
        "for 12 weeks or longer.",
        "METHODS: Twelve general practitioners were randomised to the new guideline. The 380 patients had knee "
        "pain for 12 weeks or longer.",
    ],
    # a literature search's funnel counts publications, not people
    "publications_funnel": [
        "METHODS: Two databases were searched, and from an initial 4120 papers, 31 were included.",
        "METHODS: MEDLINE was searched. RESULTS: Of 310 articles screened, 6 were eligible.",
        "RESULTS: Of the 1,204 records identified, 36 were included in the review.",
        "RESULTS: Among 95 trials that met the criteria, 40 examined adults.",
    ],
    # a report verb whose person is a cohort, a model or more than one
    "case_report_not_one": [
        "We report our experience with a patient cohort of mixed diagnoses.",
        "We describe the technique in a series of patients treated at our clinic.",
        "We report dose estimates in a patient-specific phantom.",
        "We report 12 abscesses in a man and his sons.",
        "We report a case series of spinal gout treated by surgery.",
        "We present a case-control study of spinal gout.",
    ],
    # a protocol's planned sample
    "planned": [
        "We plan to recruit 900 participants from 12 practices.",
        "This trial will enrol 240 patients over two years.",
        "A planned sample size of 380 patients gives 90% power.",
        "In total, 750 patients will be recruited in four countries.",
        "We plan to recruit 900 participants who will be followed for five years.",
        "Sixty patients who will undergo elective surgery will be recruited.",
        "In this protocol, 120 patients who will undergo surgery will be randomised.",
        "The study population consists of 300 patients who will be randomised to two arms.",
    ],
    # "pts" for points, not patients: a change or an end of a range
    "points_not_patients": [
        "The disability score improved by 12 pts after surgery in our series.",
        "Mean scores fell from 48 to 31 pts at one year.",
    ],
    # a sample of specimens, of animals, a subsample, or an arm: not the people studied
    "sample_not_people": [
        "A sample of blood from every donor (n = 64) was stored at -80 degrees.",
        "We used a sample of adult male Wistar rats (n = 24) for the assay.",
        "A sub-sample of the recruited nurses (n = 38) wore the sensor.",
        "A sample of volunteers in the control group (n = 20) was retested.",
    ],
    # an outcome of some, a share, a subgroup
    "outcome_or_share": [
        "Pain improved in 15 patients (42%).",
        "Twelve patients developed a wound infection.",
        "Seven patients died before discharge.",
        "Three patients were lost to follow-up.",
        "RESULTS: Of 60 treated patients, 20 (33%) responded to treatment.",
        "Pain improved in 15 patients (15/40).",
        "Twelve patients had a revision during 2015.",
        "During follow-up, 9 patients developed a recurrence between 2010 and 2012.",
    ],
    # a count after a percentage is a share; a trial that will be run has no cohort yet
    "share_or_planned": [
        "METHODS: We compared 12 controls and patients with asthma at rest.",
        "METHODS: Patients were treated with surgical drainage (n = 16) or needle aspiration (n = 2).",
        "Of the venues, 7.0% (n = 4) and 21.1% (n = 12) were classified as high risk.",
        "METHODS: An open label randomised trial will be conducted among 150 adults with asthma.",
    ],
    # a number joined by a hyphen to the word before it is part of a name
    "name_part": [
        "METHODS: COVID-19 patients admitted to our ward were included.",
        "METHODS: All SARS-CoV-2 patients seen in 2021 were enrolled.",
    ],
    # groups without a stated total
    "groups_without_total": [
        "METHODS: Sputum was obtained from adults with asthma (n = 22), COPD (n = 18) and healthy volunteers (n = 12).",
        "METHODS: Nurses (n = 38) and physicians (n = 9) were randomised to two training schedules.",
        "METHODS: Data from 2,118 women and 1,905 men in a national survey were analysed.",
        "METHODS: In this case-control study, 40 adults took part in each group.",
        "Thirty patients in group A and 32 patients in group B were compared.",
        "We identified 18 cases with the variant and 36 matched controls.",
        "RESULTS: Ninety male and 310 female patients met the criteria.",
        "METHODS: Forty women and 38 men took part.",
        "A total of 34 patients were operated on, whereas 49 patients were managed without surgery.",
        # two counts sharing one noun
        "RESULTS: In all, 812 ward and 390 intensive-care survivors were interviewed.",
        "METHODS: A review of 76 US and 76 Japanese patients receiving surgery was done.",
        "We compared a sample of 31 nurses who slept well to a sample of 29 nurses who did not.",
        "In the first ward, 17 infants were randomly assigned, while 13 infants in the second ward were observed.",
    ],
    # a comparison group
    "comparison": [
        "When compared with 49 recipients without prior support, quality of life did not differ.",
    ],
    # estimates, bounds and base populations
    "estimates_and_bases": [
        "Up to 40% of adults report back pain.",
        "Patients were drawn from a database of 120,345 patients.",
        "More than 300 patients die of the disease each year in the region.",
        "The complication affects \u223c10 million patients a year worldwide.",
        "Mortality was studied among 28 million people in seven cohorts.",
        # a count of another unit named before the person noun
        "Of the reviewed reports, three studies used healthy control subjects.",
        "At 12 weeks participants in all groups improved.",
        # a number after a comparison sign is a threshold
        "Risk rises with the number of patients >50 yo, smokers and diabetics.",
        # an n of each group, or of those giving one answer
        "Outcomes were compared in two propensity-matched cohorts (n = 1,240 per group).",
        "Most units keep blood in the ward (n = 46, 59.7%) and use a warmer (n = 41, 53.2%).",
        "Eligible were patients aged \u2265 65 years with hip fracture.",
    ],
}


# families from the third audit of unseen abstracts (each with counter-examples below)
FAMILIES["audit3"] = [
    # a case report's patient with the age unit abbreviated
    ("CASE: A 57-yr-old man with a lung cavity presented with haemoptysis.", 1),
    ("A 39-y-old woman was referred for repeated cholecystitis.", 1),
    # people named by their role in a study of staff, experts or a panel
    ("METHODS: Eight staff members exposed to loud fans underwent audiometry.", 8),
    ("A Delphi round was completed by 19 experts from six countries.", 19),
    ("We interviewed 24 stakeholders from local councils.", 24),
    ("Forty band members took part in the trial.", 40),
    ("RESULTS: The survey was filled in by a total of 212 nursing staff.", 212),
    # a list of modifiers before the noun
    ("We included 640 rural, suburban, and urban teachers who kept sleep diaries. For 300 teachers, logs were full.", 640),
    # the share of an eligible base that filled out the questionnaires
    ("Of the eligible 140 adolescents, 71 (51%) filled out online questionnaires.", 71),
    # units of the people counted after them: the people are the cohort
    ("We treated 61 lesions in 58 patients.", 58),
    # answering a follow-up questionnaire is not a funnel's end: the cohort stays
    ("We treated 119 patients after cardiac arrest. At 5 years, 34 patients answered the QoL questionnaire.", 119),
    # a heading in capitals opens the body of the abstract
    ("BACKGROUND: Falls are common. STUDY OUTLINE: This retrospective study included 52 patients over 60 years of age.", 52),
]
FAMILIES["audit4"] = [
    # a funnel's last inclusion step, told over several sentences
    ("METHODS: Forty patients were referred. Three were excluded. Finally, 37 patients were enrolled.", 37),
    ("METHODS: 52 adults were admitted; four declined. Ultimately, a total of 48 adults were randomized.", 48),
    ("METHODS: We enrolled 46 patients. Fourteen discontinued. Finally, 32 patients were analysed.", 46),
    # a count the abstract names as its study population
    ("From a registry of 968 patients, 610 who had two years of data (402 men, 208 women) constitute the "
     "population of this study.", 610),
    ("Of 968 patients in the registry, 535 made up the final sample.", 535),
    # the responders of a survey, given with its response rate or as 'N of M responded'
    ("METHODS: A survey was mailed to 1,200 pharmacists. RESULTS: Response rate was 41% (n=492/1,200).", 492),
    ("A questionnaire went to 212 survivors. RESULTS: A total of 136 of 212 survivors responded to the survey.", 136),
    # not a response to treatment, where no survey is spoken of
    ("METHODS: We treated 30 patients with the drug. RESULTS: 18 of 30 patients responded.", 30),
    # one arm's count is not the cohort, but a later 'and 110 completed' is no second arm
    ("METHODS: 120 patients were randomly assigned to drug A or placebo, and 110 completed the study.", 120),
    # a count whose thousands are grouped by a plain space
    ("RESULTS: A total of 41 327 patients underwent surgery; 270 cases were matched to 270 controls.", 41327),
    ("METHODS: Analyses included 218 406 heart failure patients from the registry.", 218406),
    ("In 2019 120 patients were treated at our clinic.", 120),
    # a response rate in the brackets is the responders' share of those invited, not a share of them
    ("RESULTS: Among 2310 respondents (48.2% response rate), 1610 were men and 700 were women.", 2310),
    # 'From N people, X% ...' opens a sentence about all of them
    ("RESULTS: From 1,240 participants, 85% of the participants had mild symptoms.", 1240),
    # the fifth audit's families
    ("RESULTS: Among 12,020 octogenarians, 6010 patients were propensity matched.", 6010),
    ("METHODS: We ran an online survey with 512 adults who bet on sports (n = 400) or on horses (n = 190).", 512),
    ("METHODS: Thirty-eight eyes of 22 children had a complete follow-up. Twelve cases were unilateral.", 22),
    ("METHODS: Ninety- nine patients were included.", 99),
    ("We reviewed the charts of all treated adults (120 patients).", 120),
    # what was done, then in whom
    ("Targeted sequencing of 54 genes in 812 adults with leukaemia found mutations in 40 patients.", 812),
    # the sixth audit's families
    ("RESULTS: Thirty (8.5%) of a total of 352 patients required surgery.", 352),
    # a funnel in one sentence: its base, then eligibility, then inclusion
    ("RESULTS: A total of 1400 patients were admitted; out of which, 512 (37%) were eligible and 190 (14% "
     "total, 37% eligible) recruited.", 190),
    ("RESULTS: A total of 1400 patients were screened, of whom 512 were eligible and 190 were recruited.", 190),
    ("RESULTS: We randomised 120 patients, of whom 110 were eligible for the final analysis.", 120),
    # the seventh audit's families: the percentage after a share's denominator is the share's
    ("A review of 80 consecutive cardiac injuries was done. Survival was 52 of 80 patients (65%). There "
     "were 3 female patients.", 80),
    ("METHODS: 215 nurses received a questionnaire. RESULTS: A total of 181 replied.", 181),
    ("RESULTS: The KAB questionnaire was completed by 235 participants.", 235),
    # this analysis's own cohort after the parent study's
    ("METHODS: The parent study enrolled 450 MSM. A total of 421 participants with complete baseline data were "
     "included in the present analysis.", 421),
    ("METHODS: Data from the national survey (n = 5 805) were analysed.", 5805),
    ("CASE: We describe a 15-year-old, wheelchair-dependent girl with scoliosis.", 1),
    ("METHODS: We surveyed 405 bisexuals recruited online.", 405),
    ("METHODS: We matched coronavirus disease 2019 patients (n = 114) to healthy volunteers.", 114),
    # a case series named in the Background is the cohort, not its first case
    ("BACKGROUND: Psoas abscess is rare. We report two cases of psoas abscess. CASES: The first patient, a "
     "50-year-old man, had fever.", 2),
    ("INTRODUCTION: The authors present three patients with a rare tumour. CASE: A 45-year-old man had pain.", 3),
    # a spelled-out share's denominator did not take part: the cohort stated earlier stays
    ("METHODS: Ninety-one patients received ECMO. RESULTS: Twenty-four out of 30 living patients completed "
     "follow-up questionnaires.", 91),
]
NOT_A_COHORT["audit4"] = [
    "BACKGROUND: Previous authors reported 300 patients with this tumour.",
    "RESULTS: About one in five students reported hearing loss.",
    "RESULTS: The objective response rate was 40% (12/30) in 30 patients.",
    # what a percentage of a population amounts to, in brackets after it
    "RESULTS: In the region, 2.1% of the population (48 000 people) reported a gambling problem.",
    # two groups each introduced as 'a group of', whatever their nouns, with no total
    "The test was applied to a group of 24 students, as also to a group of 9 carpenters.",
    # two arms joined by 'and', and a group beside 'others'
    "METHODS: Thirty-one patients were randomly assigned to drug A and 30 were assigned to placebo.",
    "METHODS: Participants (3076 gamblers and 2129 affected others) completed a survey.",
    # a count and its percentage inside one bracket is a share
    "RESULTS: Relapse occurred in a subgroup (26 patients; 42%).",
    # a bracketed count after a procedure is that procedure's subgroup
    "RESULTS: Surgery included debridement (26 patients; 42%), and CT-guided drainage (3 patients).",
    "METHODS: We matched 114 coronavirus disease 2019 patients to healthy volunteers.",
    "Whole-exome sequencing in 45 families identified variants in 12 children.",
    "METHODS: We recruited 24 subjects per laboratory in six laboratories.",
    "METHODS: Inclusion of 124 adolescents with depression is intended.",
    "RESULTS: Twenty and 39 participants in the control and anesthesia groups, respectively, were included in the "
    "final analysis.",
    # 'cases' may be events or visits: a share of cases stays a share after 'of'
    "RESULTS: Staff responded in six cases (5%). Although 18 of 29 cases (62%) ended in self-exclusion, obstacles "
    "remained.",
]
NOT_A_COHORT["audit3"] = [
    # a model's imagined population
    "From the pooled estimates we built two hypothetical cascades for 100 individuals.",
    "A Markov model followed a simulated cohort of 10,000 patients for life.",
    "Costs were projected for 5,000 simulated adults.",
    # units of people counted after them, and the people a subgroup of no stated cohort
    "Radiosurgery was used for the nerve (64 cases in 60 patients).",
    # a team's members are not a cohort
    "Two team members independently screened 300 records.",
    "We describe five members of a family of alkaloids.",
]

FAMILIES["audit8"] = [
    # a count of an abbreviation the abstract defines for people (lexicon person_nouns, 'abbreviated')
    ("METHODS: Young adults living with HIV (YALH) were sampled. Survey data from 318 YALH were analysed.", 318),
    ("METHODS: Gay and bisexual men (GBM) were recruited online. A sample of 412 GBM completed a diary.", 412),
    # ... with an adverb and its participle, or one adjective, between (session 19)
    ("BACKGROUND: Pain is common among people with HIV (PWH). METHODS: Twenty-seven purposively sampled PWH took "
     "part in focus groups.", 27),
    ("METHODS: People who inject drugs (PWID) were interviewed. In all, 127 PWID took part in the study.", 127),
    ("METHODS: We surveyed health care workers (HCWs) of one hospital. The study included 305 HCWs.", 305),
]
FAMILIES["audit8"] += [
    # a word inside a hyphenated compound is no function word between count and noun
    ("METHODS: We studied 112 out-of-hospital cardiac arrest patients.", 112),
    ("METHODS: The participants were 1450 first-year students at one university.", 1450),
    ("METHODS: An online survey was completed by 760 at-least weekly bingo players.", 760),
    # a breakdown in brackets between the count and its noun (two or more numbers, no percentage)
    ("METHODS: A questionnaire was given to 312 (52 men, 260 women) nursing students.", 312),
    ("METHODS: A total of 405 (type A, 211 and type B, 194) fracture patients were included.", 405),
    # an aside in brackets among the adjectives is not weighed as words between count and noun
    ("METHODS: A cohort of 48 consecutive, operatively treated (between 2003 and 2010) adult patients was studied.", 48),
    ("METHODS: We enrolled 27 elderly (over 80 years of age) patients with hip fracture.", 27),
    # a funnel's base described at length, and its included people by two words before their noun
    ("RESULTS: Among 214 adult survivors of cardiac support for shock without prior heart surgery, 42 (19.6%) "
     "urgent transplant recipients were identified.", 42),
]
FAMILIES["audit9"] = [
    # a case report whose one person is the report verb's object, or follows 'a case of' without an article
    ("We report an elderly woman who developed a rash after a vaccine.", 1),
    ("We describe a patient who received a kidney transplant abroad.", 1),
    ("We present a case of 6-year-old female with a rare spinal tumour.", 1),
    # a case report in the passive, at the head of its sentence
    ("A case of iliopsoas abscess in an infant is presented. The abscess was drained.", 1),
    ("STUDY DESIGN: A rare case of cervical spondylitis is reported.", 1),
    ("A 29-year-old healthy gravida developed meningitis after spinal anaesthesia.", 1),
    ("To date, 11 cases have been published. This paper describes the case of a 12-year-old girl with an abscess.", 1),
]
FAMILIES["audit10"] = [
    # people named by their occupation or role
    ("METHODS: The questionnaire study was carried out among 72 traffic policemen of one city.", 72),
    ("METHODS: The data contained 12,400 account holders who placed a bet in 2015.", 12400),
    # the analysing verb before 'in N people', across its object
    ("Here, we profiled genome-wide DNA methylation in 412 AML patients using arrays.", 412),
    ("Hearing loss was analysed retrospectively in 240 conscripts with acoustic trauma.", 240),
    # a funnel whose base is smaller than a cohort already stated narrows a subgroup
    ("We reviewed a series of 14 children with pyomyositis. Of six children with an abscess, four underwent "
     "drainage, whereas two required surgery.", 14),
    # ... but an eligibility step is a funnel whatever was counted before
    ("METHODS: We screened 300 patients. Of 120 eligible patients, 100 underwent surgery and were analysed.", 100),
    ("METHODS: Of the 120 eligible patients, 100 underwent surgery.", 100),
    # a funnel step whose rest makes up the base is a breakdown: the base is the cohort
    ("RESULTS: Among 640 adults, 402 (62.8%) were treated in Spain and 238 (37.2%) in Portugal.", 640),
    ("METHODS: Of 120 patients, 100 underwent surgery and 20 were treated conservatively.", 120),
    # ... unless the rest left the study
    ("METHODS: Of 120 patients, 100 underwent surgery and 20 declined.", 100),
    # records the authors reviewed are their cohort's, however the records are described
    ("We reviewed electronic medical records of 612 adult clinic patients seen between 2001 and 2012.", 612),
    ("METHODS: Six normal-hearing listeners localized a noise from loudspeakers.", 6),
    # audit 11: people named by their ethnic group; what was recorded or delivered 'in N people'
    ("METHODS: We randomized 140 Hispanics with diabetes to two arms.", 140),
    ("METHODS: Potentials were recorded from 32 electrodes in 18 healthy volunteers.", 18),
    # ... but not a sex breakdown, providers, a healthy or general-population comparison, or a share
    ("METHODS: We enrolled 40 patients and 20 healthy volunteers.", 40),
    ("METHODS: We surveyed 35 clinicians and 286 patients.", 286),
    ("METHODS: 58 inpatients were included in this study and 29 patients were treated with each spray.", 58),
    ("RESULTS: Our 240 donors comprise 120 dizygous and 98 hemizygous individuals and 22 others.", 240),
    ("METHODS: Analyses included 5 120 heart failure patients and 25 600 individuals from the general population.", 5120),
    ("RESULTS: Among 96 survivors that completed follow-up, 40 had symptoms, 30 patients (31%) physical and "
     "3 patients (3.1%) cognitive.", 96),
    ("METHODS: We delivered training to 24 people who work in bars.", 24),
]
NOT_A_COHORT["audit9"] = [
    "We describe a child-friendly tool for paediatric wards.",
    "We present a woman's perspective on chronic pain.",
    "The risk of 65-year-old male smokers was modelled.",
    "In 2005, a case of abscess was reported by others in the literature.",
    # the size of each group
    "Participants were randomly assigned to four groups, consisting of 20 listeners each, in a trial.",
    # other authors' cases quoted in a case report or a background
    "BACKGROUND: Only 14 cases have been published in the last decade. We describe the management of this tumour.",
    "BACKGROUND: Some 40 cases were reported in the literature before 2010.",
    # a literature search's funnel ('..., of which 10 were included'), and n of surveys, not people (audit 11)
    "METHODS: A search of nine databases yielded 1340 unique articles, of which 14 were included in this review.",
    "METHODS: Surveys were given twice (2009, n = 188 completed surveys; 2013, n = 171 completed surveys).",
    # people of two kinds joined by 'and', no total stated (audit 11, 12): groups without a total
    "METHODS: Data came from interviews with 41 club members' players and 9 stakeholders.",
    "METHODS: We examined 120 firefighters and 310 operating engineers who completed a survey.",
    "DESIGN: Participants were 14 children (8 to 11 years) and 13 adults (19 to 30 years).",
]
NOT_A_COHORT["audit13"] = [
    # arms allocated one after the other, the treatment named without 'to': no total stated
    "RESULTS: Twenty-eight adults were randomly assigned usual care and 27 were assigned the exercise programme.",
]
NOT_A_COHORT["audit14"] = [
    # a protocol's people in the future, whatever the verb
    "METHODS: We expect that 300 patients will enroll. After attrition, 250 patients will provide data at 1 year.",
    # two kinds of people joined by 'and' after a plural word
    "METHODS: Sixty controls and patients with gout were compared.",
]
NOT_A_COHORT["audit15"] = [
    # two kinds of people who both took part: the decisive verb is both's, no total stated
    "RESULTS: In all, 170 stroke survivors and 140 caregivers participated.",
    # case-control: matched controls who are not healthy make two groups
    "METHODS: We identified 15 cases who developed a rash and 30 age-matched controls that did not.",
    # a threshold is no count
    "RESULTS: Noise rose in classes above 25 pupils.",
]
NOT_A_COHORT["audit17"] = [
    # data that will be collected from people are a protocol's plan
    "METHODS: Interview data will be collected from 14 carers using a topic guide.",
    # a plan's sample given by its n; a range of sizes (audit 20)
    "METHODS: The investigators will recruit adults with back pain (n = 30) for a pilot.",
    "METHODS: We gathered feedback from content experts (n = 10 ‐ 12) on the tool.",
    "METHODS: Each set of interviews took place with 3 ‐ 4 participants.",
    # groups listed by their n in one bracket, no total
    "METHODS: Data from adults (aged 18 to 30 years; n = 64 with tinnitus, n = 120 without) were selected for analysis.",
]
NOT_A_COHORT["audit19"] = [
    # groups listed before one verb: the decisive verb is every group's, no total stated
    "RESULTS: In total, 120 healthy subjects, 85 patients with diabetes, and 60 patients with gout were "
    "included in the analysis.",
]
NOT_A_COHORT["audit8"] = [
    # the person noun does not head the long form ('Veterans' qualifies 'Affairs')
    "METHODS: Veterans Affairs (VA) data were used. We studied 152 VA sites.",
    # an abbreviation the abstract does not define, or defines for a thing
    "METHODS: We scored 12 PHQ items. The Patient Health Questionnaire (PHQ) was used.",
    "METHODS: Spinal metastases (SM) were irradiated. We treated 105 SM.",
    # a share's denominator in brackets is no breakdown
    "RESULTS: Response occurred in 12 (of 40) patients.",
    "RESULTS: In total, 12 (of 40) patients were included in the subgroup analysis.",
    # a name with digits in brackets is no aside ('coronavirus 2 infected (COVID-19) patients')
    "METHODS: We followed severe acute respiratory syndrome coronavirus 2 infected (COVID-19) adults at home.",
    # a comparison group named by what it lacks makes two groups with no stated total
    "METHODS: We recruited 22 adolescents who developed an episode (converters), and 22 without episodes.",
    "RESULTS: The study comprised 180 older patients with MCI and 61 without MCI.",
    "METHODS: We measured zinc in six untreated patients and made a comparison with seven patients on therapy.",
    # groups each with its n and description, joined by 'and' before their noun
    "Gait was recorded in young (n = 12, 23.1 +/- 2.0 years) and elderly (n = 11, 70.2 +/- 4.1 years) adults.",
    # a treatment split of a group named before ('Of the 35 patients with RF') is no funnel
    "RESULTS: Overall, 210 (86%) patients completed follow-up. Of the 41 patients with a rod fracture, 22 (10.5%) "
    "underwent revision while 19 (9.0%) did not.",
    # cases that are performed are procedures
    "RESULTS: In all, 12,400 elective cases were performed by 310 surgeons.",
]
FAMILIES["audit13"] = [
    # the present perfect of the study's own verb states the cohort so far, not a state of some
    ("METHODS: Forty-two toddlers have been enrolled in the programme. Nine toddlers were born preterm.", 42),
    ("Eighty bus company workers have been studied for hearing loss; a subsample (30 workers) had audiometry.", 80),
    # ... but 'had been treated' before is still a state of some
    ("Twelve patients had been treated with steroids before. We then studied 50 patients.", 50),
    # people's records stand for the people
    ("METHODS: Two hundred six patient charts were reviewed retrospectively.", 206),
    ("METHODS: We reviewed 93 patient case notes of adults with gout.", 93),
    # the authors' own 'were included in this/our study' ends a funnel from the records reviewed
    ("We reviewed the medical records of 230 women who had a biopsy. RESULTS: A total of 212 women were "
     "included in our study.", 212),
    ("METHODS: Among 310 consecutive adults treated with a stent at our hospital, 128 adults who were followed "
     "for at least 5 years (mean, 88 [60-120] months), were included in this retrospective study.", 128),
    # an eligibility step after 'Of the N enrolled', whether a comma or a semicolon ends the base
    ("RESULTS: Of the 48 patients enrolled; 41 were eligible. The response rate was 80%.", 41),
    ("RESULTS: Of the 48 patients enrolled, 41 were eligible. The response rate was 80%.", 41),
    # the population formed by 'N of those who ...'
    ("METHODS: Of 800 adults in a national registry, 300 had surgery. Sixty of those who had a revision with "
     "two years of follow-up constitute the study population.", 60),
    # ... but a randomised study's count is no arm ('In this randomized study, 55 adults received ...')
    ("METHODS: In this phase II randomized study, 48 adults with asthma received 10 mg or 20 mg daily.", 48),
    # audit 14: two adjectives joined by 'and' before the noun ('migrant and seasonal workers')
    ("METHODS: Two hundred forty urban and rural health workers were interviewed.", 240),
    ("METHODS: We surveyed 75 former and current smokers in two clinics.", 75),
    # ... but not a count before 'among' ('March 10, 2013 among ... workers'), nor past a comma's 'and'
    ("The survey ran from May 2 to June 9, 2016 among bakery workers. In all, 310 workers took part.", 310),
    ("Recordings ran from 9 PM to 7 AM, and patients rated their sleep. Forty patients were enrolled.", 40),
    # a case report's 'N-year-old-man', hyphenated throughout
    ("METHODS: A 58-year-old-woman had an abscess of the psoas after a biopsy.", 1),
    # records the authors reviewed, the verb after the count ('The records of N patients were examined')
    ("METHODS: The records of 64 adults with scoliosis were examined. In all, 30 adults had fusion and 34 had "
     "bracing.", 64),
    ("This is a retrospective study of the medical records of 9 patients treated with radiosurgery.", 9),
    # ... but records as the base a smaller cohort was drawn from
    ("METHODS: Hospital records of 9,400 births were screened to identify 85 infants with a palsy.", 85),
    # audit 15: a healthy comparison group leaves the index group the cohort (as the dev set settles)
    ("METHODS: Twelve cluster headache patients and 12 healthy controls were examined.", 12),
    ("METHODS: A total of 140 adults with neck pain and 35 pain-free controls (PFCs) were included.", 140),
    # those who completed a questionnaire took part; an uncommon person noun
    ("METHODS: Hearing was rated with a questionnaire, completed by 36 workers.", 36),
    ("RESULTS: Among 380 centenarians, the median age was 101.2 years.", 380),
    # the n of a study described by its design ('A national cross-sectional survey at discharge (n = 998)')
    ("METHODS: An online cross-sectional survey of dental practices (n = 412) was carried out in 2019.", 412),
    # a share of one sex in brackets between the count and its noun; adjectives joined by 'or'
    ("METHODS: Subjects were 41 (61% male) survivors of sepsis interviewed after discharge.", 41),
    ("We followed a sample of 820 maltreated or at risk children for ten years.", 820),
    # audit 17: a subgroup of the cohort weighs less than the cohort stated with its verb
    ("RESULTS: In a subgroup of 38 patients, MRI was repeated. METHODS were applied to 210 patients enrolled "
     "at one centre.", 210),
    # ... but a subset selected for analysis is a sub-study's own cohort
    ("METHODS: The survey reached 9,000 adults. A subset of 2,310 adults who gambled monthly were selected for "
     "analysis.", 2310),
    # people named by their nationality (audit 17)
    ("METHODS: We interviewed 27 Canadians aged 18 to 25 years who bet on sports.", 27),
    # audit 18: those in focus groups; an index group compared with matched controls; graders
    ("METHODS: We held focus group discussions with 26 farm workers at three farms.", 26),
    ("RESULTS: Twenty patients were examined and compared with 12 matched controls.", 20),
    ("METHODS: A questionnaire was given to 350 third and fourth graders in class.", 350),
    # a funnel step whose share is explained at length in brackets
    ("RESULTS: Of the 80 survivors remaining, 71 (89% of those available, 60% of all survivors) completed the "
     "interview.", 71),
    # 'were included in the study' with a share ends the funnel from those sampled (audit 19)
    ("METHODS: A cross-sectional study was designed for 520 workers. RESULTS: A total of 498 workers were "
     "included in the study, a response rate of 95.8%.", 498),
    # ... not 'enrolled in the <named> study', a parent study
    ("METHODS: Of 600 adults enrolled in the HEART Brasil Study, 540 adults with complete data were included in "
     "the present analysis.", 540),
    # a case series reported in the passive (audit 20)
    ("METHODS: A series of six such cases is presented, with their imaging.", 6),
    # a subgroup analysis names a part of the cohort
    ("METHODS: Subgroup analyses were carried out in 210 women over 60. RESULTS: A total of 512 women were "
     "analysed.", 512),
]
FAMILIES["session6"] = [
    # a funnel whose intake came in by referral or inquiry: those who took part are the cohort
    ("RESULTS: Clinics referred 240 adults. Overall, 180 adults contacted the study team, of which 95 completed "
     "the baseline visit.", 95),
    ("METHODS: We invited 600 nurses to complete an online survey. RESULTS: The survey was completed by 410 "
     "nurses.", 410),
    ("RESULTS: Of the 500 patients invited, 320 responded to the invitation and completed the survey.", 320),
    # ... and 'referred to' after the count is no intake
    ("METHODS: We enrolled 120 patients referred to our clinic for chronic cough.", 120),
    ("METHODS: We enrolled 64 patients with an interest in sports medicine.", 64),
    # a share's numerator with its own percentage, then 'of the M screened ... were enrolled'
    ("RESULTS: 45 (30%) of the 150 screened patients were enrolled. Of the 45 patients, 20 had a relapse.", 45),
    ("RESULTS: Overall, 812 (64.2%) of 1265 eligible adults were included in the analysis.", 812),
    # a number stated once as a breakdown in brackets is no share of something larger
    ("METHODS: A cohort of 1,200 (52% female and 48% male) adults was followed. RESULTS: Of the 1,200 adults, "
     "300 (25%) smoked.", 1200),
    # a control group smaller than the cohort may be its part; healthy or unexposed controls leave it the cohort
    ("METHODS: We enrolled 60 patients with gout. Thirty patients were in the control group.", 60),
    ("METHODS: We studied 30 patients with migraine. Thirty healthy volunteers served as controls.", 30),
    ("METHODS: We studied 40 workers exposed to noise. Forty workers without exposure formed the control group.", 40),
    ("METHODS: We studied 40 patients with gout. Pain was controlled with ice in 40 patients.", 40),
    # the same people stated again, who formed another trial's control group
    ("METHODS: Twenty-two patients with arthritis were assessed. These 22 patients constituted the control group "
     "of a trial.", 22),
    # the share of those eligible or invited who took part is the cohort's, not a share of it
    ("Participants: A population-based sample of 3753 participants (83% of those eligible), aged 48 to 92 years, "
     "took part.", 3753),
    ("METHODS: In all, 640 adults (72% of those invited) completed the survey.", 640),
    # those selected and invited are the intake; the final sample is the cohort
    ("Study sample: 753 children were selected and invited to take part. The final sample was 475 children.", 475),
    # a case report's own case, not the cases a literature search found or others reported (session 6)
    ("We treated a 72-year-old woman with a psoas abscess. A literature search found 14 comparable cases, of "
     "which 4 of the 7 cases were fatal.", 1),
    ("We operated on a 66-year-old woman with a hip abscess. Of the 11 reported cases, 6 had a poor outcome.", 1),
    # ... but a series of the authors' own, or a search of their own records
    ("A 45-year-old man presented with fever. We reviewed 12 cases of this abscess treated at our hospital.", 12),
    ("A search of our hospital records found 52 patients with a psoas abscess.", 52),
    # the n of those who took part, after a participation or response rate (audit 22)
    ("RESULTS: The participation rate was 72.0% (n = 857). The mean threshold in normal-hearing subjects "
     "(n = 755) was 12 dB.", 857),
    ("RESULTS: The overall response rate was 86.2% (n = 250) from two wards.", 250),
    # ... but not the n of an answer's share
    ("RESULTS: Answers: yes 7.0% (n = 4), no 21.1% (n = 12). We surveyed 60 nurses.", 60),
    # this study, not an earlier or another one
    ("Our previous study of 40 patients showed benefit. Here we enrolled 120 patients.", 120),
    ("In the present study of 80 adults, pain fell.", 80),
    # groups listed with commas: the first stated total stays, a list of groups has none
    ("METHODS: We included 120 patients, 80 patients with gout and 40 patients with arthritis.", 120),
    ("METHODS: Adults (n = 412) completed the survey and the interview at home.", 412),
    ("METHODS: From a database of 560 operated patients, 164 patients met these criteria.", 164),
    ("Patients: Of the eligible 107 children, 57 (53%) filled out questionnaires and 47 visited the clinic.", 57),
    # the n before the sample it counts, or after the people's age range (audit 22)
    ("METHODS: We used data from a national survey, a large (N = 15,475) nationally representative sample of "
     "adults.", 15475),
    ("METHODS: This was a cross-sectional study of children (aged 8-17 y) with asthma (n = 148) and their "
     "parents.", 148),
    # ... not a subgroup's n after what they did
    ("RESULTS: Odds were lower for a small sub-group of workers using hearing protection (N=19). We studied 300 "
     "workers.", 300),
    # the study's own population said in the present
    ("SETTING: Three dialysis units. PATIENTS: In this study, there are 194 dialysis patients.", 194),
    # a funnel of things is no funnel of people; questionnaires stand for those who answered (audit 23)
    ("METHODS: We evaluated 42 patients. RESULTS: From 1100 procedures, 794 treated fractures.", 42),
    ("RESULTS: Of the 1053 questionnaires distributed, 555 completed questionnaires were received.", 555),
    ("RESULTS: Of 95 questionnaires distributed, 56 eligible responses were received.", 56),
    # health care providers as the people studied (audit 23)
    ("METHODS: We conducted a cross-sectional survey of 408 health care providers from 42 countries.", 408),
    ("RESULTS: Thirteen healthcare professionals from five practices were interviewed.", 13),
    ("METHODS: We interviewed 12 psychologists and 300 patients.", 300),
    # a study verb's sentence past digits inside a name or after a sign (audit 24)
    ("We examined the impact of clearing DNMT3A R882 mutations below ˂3% on outcome in 56 adult AML patients.", 56),
    # the study group formed after a selection, decisive (audit 24)
    ("METHODS: We treated 41 consecutive patients. The 38 patients with 24 months' follow-up formed our study "
     "group.", 38),
    # a clause word is no adjective of the people counted
    ("The needs of adults bereaved by these two causes, including whether survivors differ, were examined in "
     "adults (N = 403) who took part.", 403),
    # a case report named by the care given ('We encountered a case of', 'We managed a patient who')
    ("We encountered a case of air embolism after a lung biopsy. The patient recovered.", 1),
    ("We managed a patient who developed meningitis after spinal anaesthesia.", 1),
    ("We treated a total of 40 patients with a psoas abscess.", 40),
    # Embase's headings with '(s)': 'Objective(s):', 'Participant(s):', 'Result(s):' end the Importance section
    ("Importance: Loud music harms hearing. Objective(s): To test earplugs. Design, Setting, and Participant(s): "
     "Of the 90 volunteers assessed, 60 were included in the study. Result(s): Hearing loss was rare.", 60),
    ("Importance: Falls are common. Objective(s): To test a program. Intervention(s): Exercise. Main Outcomes and "
     "Measures: Falls. Result(s): In all, 212 adults were randomized.", 212),
]
NOT_A_COHORT["session6"] = [
    # the intake in the active voice ('Clinics referred', 'We invited', 'We screened'), or by inquiry
    "METHODS: We screened 500 patients for eligibility. RESULTS: Mean age was 54 years.",
    "METHODS: We approached 320 families at the clinic. RESULTS: Families were mostly urban.",
    "METHODS: Physicians referred 88 patients with chronic cough to the study. Spirometry was done at baseline.",
    "RESULTS: Over six weeks, 212 adults inquired about the trial, of whom 120 were screened.",
    "RESULTS: In total, 150 parents expressed interest in the study. Mean age was 38 years.",
    # a part stated first as a share of something larger ('drug A 410 (52.1%) ... Of the 410 patients ...')
    "RESULTS: The agents prescribed were drug A 410 (52.1%), drug B 380 (47.9%). Of the 410 patients prescribed "
    "drug A, 120 (29.3%) relapsed.",
    # a control group of patients in the next sentence, as large as the first group: two groups, no total
    "METHODS: A retrospective study was done on 30 patients fused to L3. Thirty matched patients fused to L4 were "
    "in the control group.",
    "METHODS: We reviewed 24 patients treated with a plate. Twenty-six patients treated with a nail served as "
    "controls.",
    # groups listed with commas, or each given by its n, with no total
    "METHODS: The study included 56 adults with pain and fear, 93 adults with pain alone, and 31 pain-free "
    "controls.",
    "METHODS: The derivation cohort (n = 640) was drawn from one registry and the validation cohort (n = 310) "
    "from another.",
    "METHODS: The sample consisted of 406 mill workers, 400 miners, 250 factory workers and 124 forestry workers.",
    # the labelled parts of a breakdown whose whole is stated as an outcome of some
    "METHODS: A total of 163 workers had noise measured (Factory A: 46 workers, B: 43, C: 34, and D: 40).",
    # another study's cohort quoted (audit 22)
    "Preterm birth is common. A recent meta-analysis of 31016 pregnant women found no effect of zinc. We discuss "
    "the implications.",
    "Trials are rare. A prior randomized trial involving more than 900 adults was stopped early.",
    # groups named one after the other, 'and in' the second (audit 22)
    "The graft has been used in six patients with gangrenous toes and in one patient with severe claudication.",
    # a protocol's sample and the population it is drawn from, said in the present or future (audit 23)
    "METHODS: This is a study protocol. Subjects will be 15 patients recruited by referral.",
    "METHODS: The clinic currently sees 2,605 veterans who are currently in care; our recruitment goal of 40 "
    "persons is modest.",
    "METHODS: We have verified that there are 900 eligible adults at the clinic.",
    # worked examples of a method, not people studied
    "METHODS: Two experimental cases were used to demonstrate the capability of the assay.",
    "RESULTS: Of the 16 surveyed parameters, 5 were identified as barriers by the experts.",
    "RESULTS: Of 105 tumours, 90 were ablated completely.",
    # a second group named by its number alone (audit 24)
    "The abscess was studied prospectively in 5 patients and retrospectively in 4. All were drained.",
    # 'case management', 'case definition' name no case report
    "We report an investigation of case management in a rural district. Data came from registers.",
]


# an experiment "in N healthy subjects": healthy volunteers are no part of a cohort of patients, so the
# "in" before them is the study's frame; not a comparison's second term (audit 18)
FAMILIES["audit18"] = [
    ("We tested this idea in 22 healthy subjects using magnetoencephalography.", 22),
    ("Evoked potentials were recorded with 32 electrodes (0.1-100 Hz) in 19 healthy young volunteers.", 19),
    ("Cold pain thresholds were measured from 9 a.m. to 9 p.m. in twelve healthy adults.", 12),
    ("Conduction was higher in 40 patients with diabetes than in 20 healthy subjects.", None),
    ("Nerve conduction was studied in 30 patients with gout and in 25 healthy subjects.", 30),
    ("Normal limits were drawn from those in 60 healthy subjects.", None),
    # people named by their age alone (audit 18)
    ("METHODS: Participants were 412 community-dwelling 65-80-year-olds from a health survey.", 412),
    ("METHODS: A total of 250 16-year-olds from eight schools answered the survey.", 250),
    # a trial's own n after its arms in the plural; an earlier trial's n is cited; groups in the plural
    # before a colon, 'of' or 'with' are arms, but the groups together may comprise the cohort (audit 18)
    ("METHODS: A single-blind randomised trial with 3 arms (N = 96): drug (n = 32), exercise (n = 32) and "
     "waiting list (n = 32).", 96),
    ("In an earlier trial (n = 420), the drug was safe. We enrolled 38 adults.", 38),
    ("Adults were divided into three groups: 15 adults with asthma (group I), 15 healthy adults (group II) and "
     "15 smokers (group III).", None),
    ("METHODS: We studied 2 groups of 9 male workers on alternate days.", None),
    ("METHODS: The study and control groups comprised 54 adolescents (40 girls and 14 boys).", 54),
    # phases' cohorts with no total; treatments counted with n (audit 18)
    ("RESULTS: Of the pre-implementation cohort (n=64), most slept well. The post-implementation cohort (n=31) "
     "was similar.", None),
    ("METHODS: A split-face study. Treatments (n = 6) were given weekly for six weeks.", None),
    # a second count of the cohort's people who had an outcome is a part of them, not a second group; an
    # adverb and its participle before the adjectives; a case named by the sentence that opens on it (audit 18)
    ("METHODS: 180 patients with 240 fractures underwent kyphoplasty, and 31 patients with complications "
     "included 12 men and 19 women.", 180),
    ("METHODS: We studied 120 adults without complications and 40 adults with complications.", None),
    ("METHODS: We analysed a consecutive series of 31 prospectively enrolled adult scoliosis patients.", 31),
    ("In a patient with metastatic gastric cancer, a complete response was obtained with the new regimen.", 1),
    ("In a patient with metastatic gastric cancer, the dose should be reduced.", None),
    # each arm's count with its verb, 'treated by' or 'managed' (audit 18)
    ("METHODS: Twelve patients (10 men and 2 women) were treated by laparotomy; 9 patients (8 men and 1 woman) "
     "were managed laparoscopically.", None),
]

FAMILIES["session7"] = [
    # people named by their role or trade, and a country's initials among the adjectives (audit 25)
    ("METHODS: Eighty British army personnel were recruited from four regiments.", 80),
    ("METHODS: Thirty-two male forest loggers took part in the noise survey.", 32),
    ("METHODS: A total of 64 regular patrons of two nightclubs were allocated to two groups.", 64),
    ("METHODS: We interviewed 212 U.S. service members after deployment.", 212),
    ("METHODS: A representative sample of 1,450 U.K. adults completed the survey.", 1450),
    ("METHODS: A chart review of 96 consecutive suicide attempters was carried out.", 96),
    # a funnel's end stated by a count and its verb, 'in the study', its percentage a share of the step before
    ("RESULTS: In 2020, 530 patients were admitted after cardiac arrest. Of these, 70 survived, 52 (74%) "
     "met the inclusion criteria and 40 (77%) were included in the study.", 40),
    ("METHODS: We reviewed 400 charts; 212 patients met the criteria, and 180 were enrolled in our cohort.",
     180),
    # ... not 'in the study group', one arm
    ("RESULTS: A total of 120 patients were enrolled. Of these, 30 (25%) were included in the study group "
     "and 90 in the control group.", 120),
    # a numbered part's sample is not the cohort when a total is stated
    ("METHODS: A total of 70 patients were enrolled. In phase 1, 30 patients received the low dose.", 70),
    ("METHODS: In this study, 45 patients were enrolled.", 45),
    # people added to a group already stated are not the cohort
    ("METHODS: We treated 40 patients with the new device. Twelve further patients were treated off-protocol.",
     40),
    ("A 52-year-old man presented with paresis and was treated with radiosurgery. Since then, three additional "
     "patients have been treated the same way.", 1),
]

FAMILIES["session8"] = [
    # a review's pooled total in the passive, its number spelled out or not (audit 26)
    ("RESULTS: In total, 212 patients across 9 studies were included. Pooled pain scores fell.", 212),
    ("RESULTS: Two thousand and forty patients from seven cohort studies were included in the meta-analysis.",
     2040),
    # a year-like count that is a count
    ("METHODS: A total of 2012 residents were offered screening.", 2012),
    ("METHODS: The questionnaire was completed by 1950 regular players.", 1950),
    ("METHODS: Screening was performed in 2015 volunteers at three sites.", 2015),
    # players of an instrument are people (audit 27)
    ("METHODS: Hearing data were collected from 315 percussionists at a music festival.", 315),
    ("METHODS: Forty violinists and pianists were recruited from two orchestras.", 40),
    # the method's verb before 'in N people' frames the cohort, and a later 'In N people with ...' is its part
    ("Laser pulses were used to elicit evoked potentials in 12 patients with neuropathy. In 9 patients with "
     "sensory loss the potentials were absent.", 12),
    ("METHODS: The reflex was elicited in 14 healthy volunteers by electrical pulses.", 14),
    ("METHODS: A total of 60 patients were enrolled. Morphine was used in 12 patients after surgery.", 60),
    # a part's sample is the cohort when the other part counts no people, or a total is stated first
    ("In the first study, 16 deaf adults were stimulated with a coil. In a second study, the noise was measured "
     "in a model of the skull.", 16),
    ("A total of 150 patients were included. In the first phase, 50 patients received the low dose. In the "
     "second phase, 100 patients received the high dose.", 150),
    ("This is the first study to describe 33 patients treated with the new stent. A second study will follow.", 33),
    # 'N of M people ... were included/assessed', words between the noun and its verb (audit 27)
    ("METHODS: 312 of 450 adults undergoing knee surgery were included.", 312),
    ("METHODS: 640 out of 9,800 employees of the plant were examined by audiometry.", 640),
    ("RESULTS: Nine out of 21 patients identified were included in the study.", 9),
    # ... not those followed up of a cohort stated before, nor a count of whom something is said
    ("METHODS: We enrolled 44 patients. RESULTS: 30 of the 44 patients were assessed at one year.", 44),
    ("RESULTS: Pain was reduced in 18 of 30 patients who were enrolled.", 30),  # the share's denominator
    # a count in brackets after its category, alone, stays the cohort
    ("METHODS: We treated adults with bacterial meningitis (20 patients) with the new drug.", 20),
    ("RESULTS: Of the 340 nurses contacted, 212 replied to the survey.", 212),
    # a case report 'on' its patient (audit 28)
    ("Here we report on a woman with a rare tumour of the heart, removed at surgery.", 1),
    # ... not a framed count that comes first, nor one larger than the count before it
    ("In 20 patients with CRPS, we assessed pain before the block. In 5 patients, the block failed.", 20),
]

NOT_A_COHORT["session8"] = [
    # a year after its preposition is no count (audit 26)
    "In 2014 residents of the county were offered free screening. Uptake rose.",
    "Since 1998 volunteers have staffed the mobile clinic. We describe its services.",
    "Until 2005 nurses performed the triage alone; a physician then joined.",
    # the parts of a study told one after the other, each with its own sample, no total (audit 26)
    "Two surveys were run in a coastal town. The first survey asked 512 residents about asthma by telephone. "
    "The second survey measured lung function in 48 residents who came to the clinic.",
    "The trial had two stages. In the first stage, tolerability was tested. Twenty-two adults took a low dose. "
    "In the second stage, 90 adults were randomized.",
    "The first experiment placed the probe at 10 positions. In a second experiment, the probe was studied in "
    "eight subjects. In a third experiment, 15 subjects were measured.",
    # a sentence framed on a count after a larger count of the same people is a part of them (audit 27)
    "The effect of nerve blocks was striking in 30 patients, who had burning pain. In three patients, skin "
    "blood flow was also recorded.",
    "Complete relief was achieved in 26 patients. In 4 patients, the pain came back within a week.",
    # a cohort told only by sex, and a later sex-labelled outcome count past a short phrase (audit 27)
    "RESULTS: Twenty-one female and 90 male patients presented with the arrest. Survival favoured women [15 "
    "female survivors to discharge (71%), 40 male (44%)].",
    # counts in brackets after their categories, one item each of a breakdown (audit 27)
    "RESULTS: The causes were bacterial meningitis (14 cases) and viral meningitis (9 cases).",
    "METHODS: The groups were defined by rhythm (VF n = 40; other rhythm n = 72) and were followed up.",
    # a survey's intake whose responders are given only as a share (audit 28)
    "RESULTS: Of the 340 nurses contacted, 62% replied to the survey. Most worked night shifts.",
    # adults and minors named by their age, no total (audit 28)
    "METHODS: The survey sampled 1,250 adults and 180 16-17-year-olds from the national register.",
    # pairs are no count of people: the persons in them are not stated (GUIDE: no arithmetic)
    "METHODS: We recruited 64 parent-child dyads from two clinics.",
    # the passive pooled form needs studies and an inclusion verb
    "RESULTS: Twelve patients in two studies developed sepsis.",
]

FAMILIES["session9"] = [
    # those whose data are missing are not who was studied; those whose data were obtained are
    ("METHODS: We followed 120 adults after the repair. No outcome data were obtained in 18 patients.", 120),
    ("METHODS: Complete data were obtained in 96 patients after the repair.", 96),
    # a funnel's inclusion step in the next sentence, its base named by 'these' or 'them' (audit 29)
    ("METHODS: We reviewed the files of 140 survivors of stroke. Among them, 38 adults without diabetes were "
     "included.", 38),
    ("METHODS: We screened the registry for 610 adults; of these, 212 patients were eligible.", 212),
    ("METHODS: We reviewed the files of 140 survivors. Of them, a total of 64 were enrolled.", 64),
    # ... not an inclusion in the analysis after enrolment (dropouts), nor a treated part
    ("METHODS: We enrolled 180 patients. Of these, 166 were included in the final analysis.", 180),
    ("METHODS: We reviewed 260 patients with gout. Of these, 41 were treated surgically.", 260),
    # the cohort named by what it consisted of, after its base (audit 29)
    ("METHODS: The study considered 4300 nurses employed from 2001 to 2006. The cohort consisted of 3900 nurses "
     "(91%) whose records were complete.", 3900),
    ("METHODS: We reviewed 700 charts. The final study sample comprised 512 patients.", 512),
    # ... not a control group's
    ("METHODS: We enrolled 150 adults. The control group consisted of 50 patients (33%).", 150),
    # occupations (audit 29)
    ("METHODS: Eleven bartenders from four bars completed the survey. A subset of five participants wore a "
     "noise meter.", 11),
    # a case series reported in the passive; not what was reported of some (audit 29)
    ("The cases of four patients are reported. Two patients were treated by drainage.", 4),
    ("METHODS: We followed 52 adults after the repair. Three patients were reported to have relapsed.", 52),    # ... and the n of people after a person noun stays
    ("METHODS: Platelet donors (n = 640) were included.", 640),
    ("METHODS: We examined 45 subjects at each of three visits.", 45),
    # a count framed by its sentence, then a larger count of the same people with a cohort verb (audit 29)
    ("METHODS: In three patients, electron microscopy was performed. RESULTS: Twelve consecutive patients were "
     "evaluated with ultrasound.", 12),
    # healthy controls named by the cohort's own noun leave the index group the cohort (audit 30)
    ("SUBJECTS: Thirty-one adults with septic shock and 18 healthy control patients.", 31),
    # ... not controls who are not said to be healthy
    # a cohort named as selected from an enrolled base (audit 30)
    ("METHODS: Among 2210 soldiers enrolled in the parent study, a cohort of 640 were identified as having "
     "served twice.", 640),
    # a count broken down by labelled shares in its bracket is no share (audit 30)
    ("METHODS: Analyses of survey data from 1,850 Canadian adults (41% non-drinkers; 59% drinkers) were run.", 1850),
    # a case named by age and listed adjectives, or by the data read of one patient (audit 30)
    ("A 14-month-old pale, febrile infant presented with a rash. The mother had measles.", 1),
    ("The clinical data of a patient with a rare spinal tumour were retrospectively analysed.", 1),
    ("METHODS: We analysed the records of a patient cohort of 64 adults with gout.", 64),
    # audit 31: the n of people named by a clause that says who they are
    ("METHODS: We examined blood pressure among women who have given birth (WGB) with both obesity and Type 2 "
     "diabetes (n = 74).", 74),
    ("METHODS: We surveyed people who gamble weekly (at least 52 times a year) on horse races (n = 1290).", 1290),
    # ... not after another group's n
    # the analysed cohort formed by people qualified before their clause
    ("METHODS: We studied 500 kidney recipients; 476 patients alive with a working graft at 90 days formed the "
     "analytic cohort.", 476),
    # a case report by the authors, or of a person named by what they are
    ("The authors report a case of spinal abscess after acupuncture.", 1),
    ("A 58-year old fisherman developed a hand infection. Antibiotics failed to cure him.", 1),
    ("A 58-year old farmer developed a hand infection. Antibiotics failed to cure him.", 1),
    # a funnel's base is no list of groups
    ("RESULTS: Of the 82 participating subjects, 77 individuals (40 men and 37 women) completed the study.", 82),
    # audit 32: 'N out of M people had ... and were enrolled', a funnel step after 'only'
    ("METHODS: Charts of 30 adults were reviewed. 27 out of 30 adults had complete imaging and were enrolled in "
     "the study.", 27),
    ("RESULTS: Of 4120 infected adults, only 512 underwent a follow-up visit within six months.", 512),
    # nationalities and trades named as people (audit 32)
    ("METHODS: A telephone survey was run among 2210 Norwegians aged 18-80 years.", 2210),
    ("METHODS: Twenty-four Taiwanese with facial acne were treated on one side of the face.", 24),
    ("RESULTS: Among 140 maintainers, 61% wore hearing protection.", 140),
    # a funnel's end that fulfilled the inclusion criteria, in its sentence or the next (audit 34)
    ("RESULTS: Among 212 identified survivors, 84 fulfilled the inclusion criteria.", 84),
    ("METHODS: We reviewed 160 cases of status epilepticus. Nine patients fulfilled the inclusion criteria.", 9),
    # ... not when a later step narrows it, nor criteria for an outcome
    ("METHODS: We reviewed 300 adults. 120 adults met the inclusion criteria. Of these, 100 were enrolled.", 100),
    ("METHODS: We enrolled 200 patients. Forty patients met the criteria for remission at one year.", 200),
    # a case report's patient named without an age (audit 32)
    ("An elderly woman was admitted with fever and a swollen knee. She recovered after drainage.", 1),
    ("METHODS: We enrolled 52 adults with gout. An elderly patient developed a rash.", 52),
    # an n in brackets before the person noun it counts (audit 29)
    ("METHODS: The study comprised (n = 38) participants selected purposively.", 38),
    ("METHODS: The trial enrolled (n = 212) adults with asthma across the region.", 212),
]

NOT_A_COHORT["session9"] = [
    "RESULTS: Outcome data were missing for 20 patients, and questionnaires were not available for 11 patients.",
    "RESULTS: No follow-up data were retrieved for 14 patients who moved abroad.",
    "RESULTS: Biopsies could not be evaluated in 7 patients because the samples were too small.",
    # an n after units that are not people: donations, samples, cycles, visits (audit 29)
    "METHODS: All platelet donations (N = 52,310) made between 2015 and 2018 were included.",
    "METHODS: Stored blood samples (n = 640) were analysed for the marker.",
    "METHODS: Consecutive IVF cycles (n = 312) were reviewed.",
    # one of a model's cohorts, each with its n, no total (audit 30)
    "METHODS: The score was derived in a training set (n = 5,210) and tested in an internal validation set "
    "(n = 1,300) and an external validation cohort (n = 2,870).",
    # controls not said to be healthy make two groups
    "METHODS: We studied 40 patients with sepsis and 30 control patients.",
    # a planned sample in a protocol (audit 34)
    "METHODS: A randomized controlled trial will be conducted with a sample of 240 older adults.",
    # the people's own count opens the bracket: the count after it is its breakdown (audit 33)
    "METHODS: Gout patients (41, 25 men) were followed for five years.",
    # a rate's denominator is the base it was counted in (audit 32)
    "RESULTS: The incidence of early (<48 h) delirium was 0.4% (61 out of 15,210 cases).",
    # a count inside a reference printed in the text is the cited paper's (audit 31)
    "Smoke harms the heart [[4]Jones A. Lee B. Green spaces, healthier hearts: a cohort study of 45,210 adults. "
    "Heart J. 2020; 12: 1-9 Crossref Google Scholar], and cities must act [[5]Park C. Urban heat. Lancet. 2021; 3: "
    "4-5 Google Scholar].",
    # audit 31: groups named by general person nouns, and an n after another group's n
    "METHODS: We studied 19 CRPS patients (mean duration 3 y), 22 OA subjects (mean duration 8 y), and 20 "
    "healthy controls.",
    "METHODS: Members of a panel with debt problems (N = 2040) and panel members who said that they had been "
    "affected by a relative's debts (N = 1130) were surveyed.",
    # one site's count, the total not printed (audit 29)
    "METHODS: The fit test was run with twelve subjects at each of the five participating laboratories.",
]

FAMILIES["session10"] = [
    # a step into the authors' own sub-study or secondary analysis after a parent trial's count (audit 35)
    ("FINDINGS: 2210 (48%) of 4600 patients were enrolled into the parent trial in Victoria, of whom 2104 (95%) "
     "were included in our cost-effectiveness analysis.", 2104),
    ("RESULTS: 512 of 800 randomised adults were enrolled at our sites, and 470 were included in this post hoc "
     "analysis of sleep.", 470),
    # ... not a final analysis after enrolment (dropouts)
    ("RESULTS: 512 of 800 screened adults were enrolled, of whom 470 were included in the final analysis.", 512),
    # the cohort's count in bare brackets after the person noun that opens the sentence (audit 34)
    ("Patients (52) with a burst fracture were reviewed; 30 patients treated before 2001 (group A) were compared "
     "with 22 treated later (group B).", 52),
    ("Consecutive children (87) admitted with croup were studied.", 87),
    # a cohort reported as treated by the centres of a survey (audit 35)
    ("METHODS: A survey was sent to 8 centres. RESULTS: A total of 41 adults were reported to be treated with "
     "the drug. Nausea was observed in 6 adults.", 41),
    # an opening 'N of M' part that the abstract later refers back to as a whole (audit 35)
    ("Fifteen of 410 patients with sarcoidosis presented with heart block. At first contact, fibrosis was seen "
     "in all 15, and pacing was needed in 9.", 15),
    ("Nine of 250 children with colitis had onset in infancy. The growth of these nine children was poor.", 9),
    # ... not a finding in some, referred back as a subgroup
    ("METHODS: We detected the variant in 12 of 300 patients with lymphoma. Of the 12 patients with the "
     "variant, 5 relapsed.", 300),
    # an adjective before a comma, unlike a plural noun (audit 35)
    ("METHODS: We studied 40 anxious, elderly patients before surgery.", 40),
    # the study population named by who they are, its n at the clause's end (audit 35)
    ("METHODS: Hikers (n = 1900) were invited; 700 answered at wave 1 and 820 at wave 2. The population studied "
     "consisted of those who answered at both waves (n = 512).", 512),
    # a trade, named by its ending, in a case report (audit 35)
    ("A 44-year-old glassblower developed a rash on both forearms. Patch tests were positive.", 1),
    ("METHODS: Lung function tests in 96 welders were compared with reference values.", 96),
    ("METHODS: An online survey was completed by 640 football club members.", 640),
    ("METHODS: A total of 212 dairy farm operators in Ohio were surveyed.", 212),
    # an age range of the people before their n; the participants of focus groups (audit 40)
    ("METHODS: We recruited a sample of young gay and bisexual men, ages 18-19 (N = 412), in Leeds.", 412),
    ("METHODS: We held three focus groups with 21 GPs in rural Wales.", 21),
    # ... not an arm's count
    # a funnel opened by 'Out of' (audit 43), not a finding about some of the cohort
    ("METHODS: Out of the 240 invited nurses of the region, 131 (54.6 %) participated.", 131),
    ("RESULTS: In 412 adults, bystanders began CPR. Out of 60 patients who met the age criterion, 52 underwent "
     "ECPR.", 412),
    # respondents who 'reported on' what the survey asked (audit 43); an adjective pair with a slash
    ("METHODS: An urban sample of 290 ethnically diverse young adults reported on their health.", 290),
    ("METHODS: We surveyed 612 racial/ethnic minority college students.", 612),
    # a funnel's end that completed a named form (audit 42)
    ("RESULTS: Among 52 survivors, 31 patients completed the SF-36 form.", 31),
    # a case report 'hereby' reported (audit 40)
    ("We hereby report a case of a psoas abscess after a dental extraction.", 1),
    # a need that defines those then analysed is no outcome of some (audit 38)
    ("RESULTS: A total of 212 adults required ventilation and were analyzed. Their median age was 58 years.", 212),
    ("METHODS: We enrolled 80 adults. Twelve patients required dialysis and were treated with drug X.", 80),
    # an anaesthesia risk class among the adjectives (audit 36)
    ("METHODS: Sixty-two American Society of Anesthesiologists' I and II adult patients undergoing knee surgery "
     "were randomized.", 62),
    ("METHODS: Ninety ASA physical status I-III patients were enrolled.", 90),
    # ... and any named grading scale's classes (audit 41)
    ("METHODS: We treated 44 Frankl scale III and IV children under sedation.", 44),
    ("METHODS: We enrolled 52 NYHA class II-III patients with heart failure.", 52),
    # ... not the members of the society
    # a one-word characteristic's share in the count's bracket is a breakdown, not a share (audit 37)
    ("METHODS: We enrolled 212 help-seeking gay and bisexual men (41% HIV-positive) in the clinic.", 212),
    # a total before numbered studies stays the cohort (audit 36)
    ("METHODS: A total of 300 students took part. Study 1 tested the scale in 180 students. Study 2 retested "
     "it in 120 students.", 300),
]

NOT_A_COHORT["session10"] = [
    # a thing counted before a comma, then the people, uncounted (audit 35)
    "METHODS: Seated among six monitors, participants with and without glasses named the screen that flashed.",
    # a finding in some, once the cohort sentence is not read (audit 35)
    "METHODS: Hearing was tested in the plant's workers. RESULTS: Tinnitus was found in 17 workers.",
    "RESULTS: Fever occurred in 12 children, and a rash appeared in 3 children.",
    # 'N of M' deaths, an outcome of the M, with no later reference to the N as the studied group
    "Twelve of 320 patients died within 30 days of surgery; all 12 had sepsis.",
    # groups each with its n, then one more group (audit 35)
    "METHODS: We pooled surveys of drinkers (n = 812) and non-drinkers (n = 95), as well as interviews with 24 "
    "bar staff.",
    # groups listed with their counts, no total: a list whose later items leave the noun out, and one of three
    # groups (audit 38)
    "METHODS: We studied 38 patients with gout, 52 with psoriasis, and 61 with lupus.",
    "METHODS: In all, 35 surgeons, 27 anaesthetists, and 80 theatre nurses completed the survey.",
    "METHODS: In all, 35 surgeons, 27 anaesthetists, and 80 nurses took part.",
    # one arm's count in brackets, compared with another arm's (audit 37)
    "RESULTS: Oxycodone gave more relief (312 patients) than tramadol (298 patients) in nine trials.",
    # two arms told side by side with their breakdowns, no total (audit 42)
    "METHODS: Twelve patients (8 men and 4 women) received drug A; 14 patients (9 men and 5 women) received "
    "drug B.",
    # observations of people are no count of them (audit 35)
    "DESIGN: A cluster trial at festivals. Sample: Observations to record whether visitors wore helmets (N=2210).",
    # numbered studies or experiments, each with its own sample, no total (audit 36)
    "Study 1 built the item pool. Participants (N = 1210, 640 women) rated each item. Study 2 tested the short "
    "form. Participants (N = 950) completed it twice.",
    "METHODS: (Experiment A) Six healthy subjects held a drill. (Experiment B) Eight healthy subjects heard the "
    "noise.",
    # numbered samples each with its own people, no total (audit 38)
    "METHODS: Sample 1 comprised 380 students who rated the items. Sample 2 comprised 290 adults who rated them "
    "twice.",
]

NOT_A_COHORT["session7"] = [
    # one numbered experiment's, study's or part's sample each, no total
    "In experiment 1, nine amateur singers were tested. In experiment 2, eight different singers took part.",
    "METHODS: In Study 1, 240 students completed the scale. In Study 2, 180 adults completed it again.",
    "METHODS: Part 1: 30 participants judged distances. Part 2: with the same method, 10 participants walked "
    "to a target; 20 others saw a landmark.",
    # a rate's base is no count of anyone
    "The incidence is 4-6 per 100,000 women and 1-2 per 100,000 men each year. We review the options.",
]

FAMILIES["session11"] = [
    # people named by their trade or craft (audit 44): sculptors, potters, tailors, lawyers ...
    ("METHODS: We interviewed 102 Nepalese stone sculptors about hand pain.", 102),
    ("METHODS: The sample comprised 64 women potters from three villages.", 64),
    ("METHODS: We examined 212 traditional tailors and recorded neck pain.", 212),
    ("A total of 58 lawyers completed the questionnaire on stress.", 58),
    # the people a study's data, samples or measurements were collected from or in (audit 44)
    ("To extend the test sites, we collected QST profiles on the back in 162 healthy subjects. Females had "
     "lower thresholds.", 162),
    ("A structured questionnaire was used to collect information from 253 male workers selected from four "
     "factories. Most had poor knowledge.", 253),
    ("METHODS: This retrospective study includes data collected between 2003 and 2015 from 321 patients with "
     "Wilson disease. The patients were treated with zinc.", 321),
    # ... and reference values established or derived from them (audit 45)
    ("The network studies patients with nerve pain. To judge signs in patients we have now established age- "
     "and sex-matched absolute and relative sensory reference values from 180 healthy subjects.", 180),
    # the study's own measurements the people had, with several words before the data noun (audit 44)
    ("Noise was measured in four factories. A total of 163 participants had repeated personal noise "
     "measurements (Factory A: 46 participants, B: 43, C: 34, and D: 40). Workers were randomly selected.", 163),
    # one cohort's n at its start, then at later time points: those still followed, not groups (audit 44)
    ("METHODS: Models were fitted to lung function data from patients at baseline (n = 321), 6 months "
     "(n = 211) and 12 months (n = 144). RESULTS: Decline predicted death.", 321),
    ("METHODS: Pain was rated by adults at baseline (n = 80) and at 12 months (n = 64).", 80),
    # 'were noted' is no 'were not' (audit 45: the exclusion cue read a word's beginning)
    ("RESULTS: Sixty-two consecutive patients were noted in the registry and analysed.", 62),
    # the people a sample or population drawn by the study includes (audit 45)
    ("METHODS: Data came from a Swedish sample including 543 adolescents who answered a survey.", 543),
    # a person noun with a prefix of status: 'ex-', 'non-', 'never-' (audit 45)
    ("METHODS: The sample comprised 120 non-smokers recruited in two clinics.", 120),
    ("METHODS: We interviewed 59 ex-prisoners about their health.", 59),
    # a no-break space between a number and its unit, as some publishers export it (audit 45)
    ("CASE: We describe the care of a 72\u00a0year-old woman who presented with facial pain.", 1),
    # a characteristic of the counted group after the % in its n's bracket, not a share (audit 45)
    ("METHODS: We interviewed young adults living with partners (n=189; 60% HIV-infected) in three cities.", 189),
    # two words before a comma among the adjectives (audit 44)
    ("This study used interviews with 21 ethnically diverse, HIV infected young adults aged 18-24 years.", 21),
    ("METHODS AND RESULTS: Prospective follow-up of 4210 cognitively intact, postmenopausal women aged 65 to "
     "79 years.", 4210),
]

NOT_A_COHORT["session11"] = [
    # two trades each counted, no total
    "METHODS: We surveyed 38 tailors and 40 barbers about noise at work.",
    # a count of things made by the craftsmen, not of them
    "Of 30 sculptures by 6 sculptors, 12 were restored.",
    # data collected, then something found in some (another clause): not where the data came from
    "Surgery was performed in the unit. Data were collected; fever occurred in 12 patients.",
    # ... not what some had, with no data noun
    "RESULTS: Wound infection recurred after surgery: 12 patients had repeated deep wound infections.",
    # n's at later time points only, with no count at the start: which is the cohort is not told
    "METHODS: Patients at 6 months (n = 50) and at 12 months (n = 45) were compared.",
    # groups each with its n at baseline: a list of groups, not one cohort over time
    "METHODS: We compared patients at baseline (n = 80), and controls at baseline (n = 70).",
    # ... not a duration before the comma
    "METHODS: During five test sessions of 30 min each, participants wore one type of earplug.",
    # ... but a share, with its interval after it
    "RESULTS: Some adults had diabetes (n = 12; 5.6%, 95% CI 2-9).",
]

# a cohort stated only by a count of some units, which its sex breakdown adds up to exactly
FAMILIES["session12"] = [
    ("METHODS: We reviewed 24 empyemas treated over ten years. RESULTS: There were 15 men and 9 women.", 24),
    ("METHODS: Out of 310 overnight polygraphies, there were 250 males and 60 females.", 310),
    ("RESULTS: The fire caused 7 deaths on site and 12 survivors, all of whom were triaged. Among the survivors, "
     "five were male and seven were female.", 12),
    ("METHODS: Three focus groups, with 21 carers (4 male; 17 female), were held.", 21),
    ("PATIENTS: A series of thirty hydatid cysts. RESULTS: There were 18 women and 12 men, mean age 40 years.", 30),
]
# audit 46: a case report whose subject is the paper or its aim; a review's pooled total with the review as subject
FAMILIES["audit46"] = [
    ("The purpose of this report is to describe a case of septic arthritis in a rower.", 1),
    ("This report describes a case of fungal keratitis after a garden injury.", 1),
    ("The aim of this paper is to present a case of transient paralysis after a bee sting.", 1),
    ("In this letter, we aim to report a rare case of cement leakage after kyphoplasty.", 1),
    ("We ran a scoping review of sleep trackers. The review included 9,480 participants wearing rings in 33 studies.", 9480),
    ("This meta-analysis included 2,115 patients in 19 randomised trials of the drug.", 2115),
    ("We did a systematic review; the review comprised 1,204 adults from 14 cohort studies.", 1204),
]
FAMILIES["audit46"] += [
    ("This report presents a patient with sarcoidosis and discusses the response to steroids.", 1),
    ("The authors present a patient with a retained guidewire found ten years after surgery.", 1),
    ("A young female was admitted with fever and flank pain. She was treated with antibiotics.", 1),
    ("A middle-aged woman consulted her general practitioner because of haemoptysis.", 1),
    ("An elderly male visited the emergency department with chest pain. He had a pneumothorax.", 1),
]
FAMILIES["audit46"] += [
    ("RESULTS: Out of the 140 patients, 21 (15%) reported vivid dreams.", 140),
    ("RESULTS: Out of the 46 enrolled patients, 14 discontinued and 32 were analysed.", 46),
    ("RESULTS: Out of the 300 screened patients, 126 were included.", 126),
]
FAMILIES["audit46"] += [
    ("A very rare case of sacral osteomyelitis is presented. The patient recovered after drainage.", 1),
    ("A rare case of tick-borne meningitis has been described. The patient recovered in 3 weeks.", 1),
    ("Rare case of psoas haematoma is presented. The patient, a welder, recovered.", 1),
    # unexposed controls in the cohort's sentence leave the index group the cohort, as healthy ones do
    ("Hearing thresholds were measured in 110 weavers and 55 unexposed controls.", 110),
    ("Lung function was tested in 85 quarry workers and 40 non-exposed controls.", 85),
]
# audit 47: a funnel told in one sentence joined by ", and", the cohort with a list of conditions before its verb
FAMILIES["audit47"] = [
    ("Over five years, 52,300 emergency visits were reviewed, and 611 children with fever, rash, and "
     "conjunctivitis were enrolled.", 611),
    ("We screened 8,700 admissions, and 390 patients with sepsis, shock, and kidney injury were finally analysed.",
     390),
    ("The registry held 41,000 admissions, and 980 older adults with hip fracture, delirium and dementia were "
     "included.", 980),
]
FAMILIES["audit47"] += [
    # the people a sentence studies, after 'among' or 'in' with what defines them, closed by their n
    ("METHODS: Sleep trajectories over 3 years were examined among rural firefighters repeatedly exposed to smoke "
     "and night work (N=318).", 318),
    ("METHODS: Stress was studied in adults living with HIV in rural districts of the province (n = 412).", 412),
]
FAMILIES["audit47"] += [
    # a case report's age written 'yo', 'y/o' or 'y.o.'
    ("A 52-yo man presented with back pain and fever.", 1),
    ("A 47 y/o woman presented with a painful swelling of the thigh.", 1),
]
FAMILIES["audit47"] += [
    # a cohort printed as a label and its value
    ("RESULTS: Total respondents: 2,315. Most respondents used earbuds daily.", 2315),
    ("RESULTS: Number of participants: 412. Half reported daily smoking.", 412),
]
NOT_A_COHORT["audit47"] = [
    "Twenty patients received drug A, and 18 patients with renal impairment, diabetes, and heart failure "
    "received drug B.",
    "Among the cohort, 200 were men, and 50 patients with diabetes and obesity were excluded.",
    "Forty men and 30 women with chronic pain, anxiety, and depression were included.",
    "RESULTS: Burnout was higher among nurses in the intervention group compared with controls (n = 60).",
    "RESULTS: Total score: 48. Response rate: 62%.",
    "METHODS: Survey items: 89. Respondents were asked about noise exposure.",
    # two groups' n in one bracket joined by 'and' (audit 47)
    "METHODS: We compared patients treated with drug A and patients treated with drug B (n = 120 and n = 118).",
    # a thousands group written with a comma and a space: not its tail as the count (audit 47)
    "A total of 2, 340 patients were included.",
]
NOT_A_COHORT["audit46"] = [
    "The aim of this review is to describe the case mix of a burns unit.",
    "The purpose of this paper is to describe a case-control design for rare exposures.",
    "The review included 41 studies of sleep trackers, most of them small.",
    "BACKGROUND: A large meta-analysis included 31,016 women in 12 trials and found no benefit.",
    "This paper describes a patient-reported outcome measure for low back pain.",
    "This report presents a patient education programme for adults with diabetes.",
    "A young woman presenting with amenorrhoea should be tested for pregnancy.",
    "Cases of spinal empyema have been presented in the literature.",
    "A rare case of this tumour has been described previously; here we review the literature.",
    "We compared 30 patients fused to L3 and 30 controls fused to L4.",
]
NOT_A_COHORT["session12"] = [
    # a measure, not a count, equal to the breakdown's total
    "METHODS: Patients were followed for 24 months. RESULTS: There were 15 men and 9 women.",
    # the count is in the Background, not this study's
    "BACKGROUND: 24 empyemas were described in 1990. RESULTS: There were 15 men and 9 women.",
    # no count adds up to the breakdown
    "METHODS: We reviewed 30 empyemas treated over ten years. RESULTS: There were 15 men and 9 women.",
    # a count after the breakdown is not what it adds up to
    "RESULTS: There were 15 men and 9 women; 24 empyemas were drained.",
    # a count a cue rules out stays out: two arms, no total
    "METHODS: Two groups: 24 patients received drug A and 24 patients received drug B (15 men and 9 women each).",
    # a year
    "METHODS: Empyemas treated since 2010. RESULTS: There were 1500 men and 510 women.",
]

# session 13: an anaesthesia risk class named by any of its words ("grade", "status", "score") or hyphened
FAMILIES["session13"] = [
    ("METHODS: Eighty ASA grade I or II women scheduled for hysterectomy were randomized.", 80),
    ("METHODS: We enrolled 64 ASA status 1-2 children undergoing tonsillectomy.", 64),
    ("METHODS: Forty ASA-II patients were randomized to two groups.", 40),
    ("METHODS: A total of 120 ASA score I-III adults were included.", 120),
    ("METHODS: Seventy-two ASA grade I-II adults (aged 20-60 yr) for day surgery were randomized.", 72),
    # ... a later subgroup with a risk class is not the cohort
    ("METHODS: We included 90 adults undergoing hernia repair. RESULTS: The 30 ASA grade III patients had more "
     "complications.", 90),
]
# audit 48 (F48j): the n in brackets right after the enrolment window's last year
FAMILIES["audit48"] = [
    ("METHODS: We analysed adults with type 2 diabetes who attended the clinic between 2012 and 2016 (n = 1,204).",
     1204),
    ("METHODS: Veterans enrolled in the registry during 2008-2012 (N = 5,617) were followed up.", 5617),
    ("METHODS: The analytic cohort included nurses hired after March 1998 (n = 388).", 388),
    ("METHODS: We included all men who underwent prostatectomy between 2002 and 2009 (712 patients).", 712),
    # ... and the people's n after a participle that says how they came to the study
    ("METHODS: We reviewed all patients admitted to the ICU between 2010 and 2015 (n = 120).", 120),
    ("METHODS: Women enrolled in the trial (n = 812) completed a questionnaire.", 812),
    ("RESULTS: Of the patients screened (n = 300), 120 were enrolled.", 120),
]
# audit 48 (F48n): the intake that was only contacted, still alive or reached through relatives, is not the cohort
FAMILIES["audit48"] += [
    ("METHODS: All 140 survivors or their general practitioners were contacted in 2015. RESULTS: The follow-up "
     "study included 128 patients.", 128),
    ("METHODS: The 165 patients alive were contacted by letter. RESULTS: The follow-up study included 150 patients.",
     150),
    ("METHODS: The 210 patients still living were invited by mail. RESULTS: The present study included 180 patients.",
     180),
    ("METHODS: We studied 310 patients. Their relatives were contacted by telephone.", 310),
    ("METHODS: 310 patients and their relatives were interviewed by telephone.", 310),
    # ... (F48f) while 'found to be eligible' still states who was studied
    ("METHODS: Forty patients with chronic pain were found to be eligible and were enrolled.", 40),
    ("METHODS: We studied 12 individuals with demyelinating disease who were carriers of the mutation.", 12),
]
# audit 48 (F48b): a time span between the data verb and 'from N people' is one word of the frame
FAMILIES["audit48"] += [
    ("METHODS: Data were collected between January 2008 and May 2009 from 332 men, via telephone interviews.", 332),
    ("METHODS: Data were collected between 1 March 2014 and 30 June 2015 from 412 adolescents attending clinics.",
     412),
    ("METHODS: Questionnaire data were obtained from March 2012 to June 2013 from 210 nurses in Ontario.", 210),
    ("METHODS: Samples were obtained during routine follow-up visits in 2016 and 2017 from 85 children.", 85),
    # ... and a part of the people named as 'N of the <people>' is no second group
    ("METHODS: We enrolled 150 women, and 40 of the women were interviewed twice.", 150),
]
# audit 48 (F48i): a disease's acronym in capitals that spells a function word ('ALL': acute lymphoblastic leukaemia)
FAMILIES["audit48"] += [
    ("METHODS: We retrospectively reviewed 62 ALL patients treated at our centre between 2010 and 2018.", 62),
    ("METHODS: Twenty-seven WAS patients received lentiviral gene therapy.", 27),
    ("METHODS: We studied 58 IS patients admitted to the stroke unit.", 58),
    ("METHODS: We surveyed 210 OR nurses about intraoperative noise.", 210),
    ("METHODS: We enrolled 44 AYA ALL patients.", 44),
    ("METHODS: We studied 80 patients. Relapse occurred in 12 of the ALL patients.", 80),
]
# audit 48 (F48e): a later phase's count that is not 'the following' people
FAMILIES["audit48"] += [
    ("METHODS: We enrolled 120 patients and followed them for the next 12 months.", 120),
    ("METHODS: A total of 120 patients were enrolled and the following 3 outcomes were recorded.", 120),
    ("METHODS: Of 200 patients screened, 50 were excluded and the remaining 150 were enrolled.", 150),
]
# audit 48 (F48a): trades named by a compound of -men, -women or -people
FAMILIES["audit48"] += [
    ("METHODS: Sixty-four linemen completed the noise-exposure questionnaire.", 64),
    ("METHODS: We surveyed 120 tradespeople on construction sites about hearing protection.", 120),
    ("METHODS: Audiometry was performed in 210 longshoremen at the port.", 210),
    ("METHODS: Ninety-eight skilled tradesmen completed written questionnaires at their work site.", 98),
]
# audit 48 (F48c): other headings of a case's account before a bare "A patient with"
FAMILIES["audit48"] += [
    ("CASE SUMMARY: A patient with Crohn disease underwent resection and developed an air embolism. He recovered.", 1),
    ("Summary of Case- A patient with atrial fibrillation underwent ablation when she suddenly became aphasic.", 1),
    ("Case description: A patient with myeloma received bortezomib and developed a sensory neuropathy.", 1),
    ("Case summary: Twelve patients with pleural empyema underwent lavage; two developed seizures.", 12),
]
# session 13: the age the people had describes them all, it is no state of some
FAMILIES["audit48"] += [
    ("METHODS: Adults with delirium were enrolled at admission. These 99 participants had a mean age of 86.1 "
     "years; 67% were women.", 99),
    ("RESULTS: The 120 patients had a median age of 54 years.", 120),
    ("METHODS: We enrolled 200 adults. RESULTS: Forty patients had a fracture.", 200),
]
# audit 48 (F48q): a dyadic study's partners or spouses named at the sentence's start own their n
FAMILIES["audit48"] += [
    ("RESULTS: Partners (n = 214) were mostly women and had been married for a mean of 31 years.", 214),
    ("RESULTS: Spouses (n = 120) were mostly women.", 120),
    # ... and a comparison group named by what its people are not is no second group when it is a part (F48t)
    ("METHODS: A total of 200 adults were included: 150 smokers and 50 non-smokers.", 200),
    ("METHODS: We recruited 120 smokers and 60 healthy non-smokers as controls.", 120),
    ("METHODS: Of 300 invited adults, 220 participated and 80 were non-respondents.", 220),
]
NOT_A_COHORT["audit48"] = [
    # 'partners' is no person noun elsewhere
    "RESULTS: Men reported a mean of 3 sexual partners (n = 40) in the past year.",
    "RESULTS: Number of sexual partners (n = 3 or more) was associated with condomless sex.",
    # a group named by what its people are not, beside the cohort's noun: two groups, no total (F48t)
    "METHODS: Forty-nine regular sports bettors and 10 non-gamblers completed the task.",
    "METHODS: Thirty-two smokers and 28 non-smokers performed the exercise test.",
    "RESULTS: Thirty-five survivors and 20 non-survivors were compared.",
    "METHODS: Forty musicians and 40 non-musicians were tested with a listening task.",
    "RESULTS: Forty patients had a mean BMI of 31.",
    # a veterinary case is no human participant, whatever its heading
    "Case description: A dog with pleural effusion underwent lavage and developed seizures.",
    "Case presentation: A dog with pleural effusion underwent lavage and developed seizures.",
    "We report a case of a 5-year-old horse with colic.",
    "BACKGROUND: A patient with pleural empyema usually undergoes drainage first. We took the case history of the family.",
    "METHODS: We compared three regimens in 40 rats.",
    "METHODS: Ten specimens were examined by two pathologists.",
    # two phases of the study, each with its own count and no total
    "METHODS: The first 80 patients were retrospectively analysed and the following 60 patients were prospectively "
    "recruited.",
    "METHODS: We enrolled 80 patients in 2015 and the next 60 patients in 2016.",
    "METHODS: We enrolled 30 ALL and 25 AML patients.",
    "RESULTS: Overall, 15 of all patients relapsed.",
    # the frame's span does not make a share, animals or hospitals people
    "METHODS: Data were collected between January 2008 and May 2009 from 3 of the 16 websites.",
    "METHODS: Blood samples were collected between January 2015 and June 2016 from 40 rats.",
    "METHODS: Data were collected between March 2012 and June 2013 from 12 hospitals.",
    # each sex counted on its own, even across a clause, is two groups with no total
    "METHODS: Between 2010 and 2014, 150 men were interviewed and 140 women completed a mailed survey.",
    "METHODS: We recruited 450 MSM and 120 transgender women.",
    # what a screening found in some of those screened (F48f)
    "METHODS: Sequencing was performed in probands with cardiomyopathy (n = 210) and controls (n = 300). RESULTS: "
    "Four individuals with dilated cardiomyopathy were found to be heterozygous carriers.",
    "METHODS: We screened adults with epilepsy (n = 120) and migraine (n = 95). RESULTS: Two individuals with "
    "migraine with aura were found to carry the variant.",
    # per-year counts are groups without a total
    "RESULTS: Participation was higher in 2019 (n = 412) than in 2018 (n = 377).",
    "METHODS: The cohort was split into those treated before 2010 (n = 60) and after 2010 (n = 85).",
    "METHODS: Patients treated in 2010 (n = 40), 2011 (n = 52) and 2012 (n = 61) were compared.",
    "METHODS: Patients treated in 2010 (40 patients) and in 2011 (52 patients) were compared.",
    "RESULTS: The number of admissions rose from 2010 (n = 120) to 2015 (n = 310).",
    # not persons
    "METHODS: Data from 2009 (n = 712 questionnaires) were analysed.",
    # two groups' n joined by the sentence's verb of comparison: neither is the cohort
    "METHODS: Patients referred for surgery (n = 60) were compared with those managed conservatively (n = 80).",
    "METHODS: Children born preterm (n = 85) were compared to children born at term (n = 90).",
    "METHODS: We compared patients treated with drug A (n = 40) and patients treated with drug B (n = 45).",
    "METHODS: Patients treated with surgery compared with controls (n = 40) were studied.",
]
NOT_A_COHORT["session13"] = [
    # the excluded of a risk class; a share in a risk class; a class's number is not a count
    "METHODS: Adults of ASA grade I or II were eligible; 12 ASA grade III patients were excluded.",
    "RESULTS: The complication rate was 12% in ASA grade III patients.",
    "METHODS: Adults of ASA status 2 patients were eligible.",
    # ... nor when the scale is named without 'class'
    "METHODS: We randomized ASA 2 patients undergoing surgery.",
    "METHODS: NYHA 3 patients were eligible for the device.",
    "METHODS: ECOG 1 patients received the full dose.",
]

# audit 49: a funnel step whose condition comes before its verb (F49c); the part that took part past its
# organisation, or with 'took part' / 'volunteered' (F49a)
FAMILIES["audit49"] = [
    ("RESULTS: Of 1830 screened patients, 245 (13.4%) had delirium and were enrolled in the study.", 245),
    ("RESULTS: Of 1830 patients screened, 245 (13.4%) fulfilled the criteria for delirium and were included.", 245),
    ("RESULTS: From a total of 1106 patients, 97 (9%) patients died in hospital.", 1106),
    ("RESULTS: Of 2450 patients admitted, 310 (12.7%) had sepsis and were treated with antibiotics.", 2450),
    ("METHODS: 40 of the 127 musicians of the orchestra participated in this study.", 40),
    ("METHODS: Forty of the 127 employees took part in the study.", 40),
    ("METHODS: Sixty of the 210 firefighters at the station volunteered for the study.", 60),
    ("METHODS: We studied 127 musicians; 40 of the 127 musicians reported tinnitus.", 127),
    ("METHODS: Of the 127 patients who participated, 40 developed an infection.", 127),
    ("RESULTS: Of 2000 adults surveyed, 800 took part in sports betting.", 2000),
]
# members of a society, union, orchestra or club are people (F49b)
FAMILIES["audit49"] += [
    ("METHODS: We surveyed 412 members of the American Academy of Orthopaedic Surgeons.", 412),
    ("METHODS: A questionnaire was completed by 386 members of the national nurses' union.", 386),
    ("METHODS: Ninety-eight members of a regional running club were enrolled.", 98),
    ("METHODS: 40 of the 127 members of the orchestra participated in this study.", 40),
    # one centre's or one included study's count is a part of the cohort (F49f)
    ("METHODS: We enrolled 120 patients in this trial. One centre recruited 35 men.", 120),
]
# part 3: an adjective with its share among the count's modifiers (F49r); 'An unusual case ... is reported' (F49s);
# a case report beside a literature review keeps its one case over the review's pooled cases (F49q)
FAMILIES["audit49"] += [
    ("METHODS: We retrospectively analysed 468 predominantly male (77.8%) patients with severe trauma.", 468),
    ("METHODS: A total of 312 mostly female (68%) participants with chronic migraine were included.", 312),
    ("METHODS: We enrolled 120 patients. Forty-five elderly (38%) patients developed delirium.", 120),
    ("METHODS: Of 200 patients screened, 60 female (30%) patients were excluded, and 140 were analysed.", 140),
    ("An unusual case of spinal epidural abscess in a neonate is reported. The infant recovered fully.", 1),
    ("An atypical case of Pott's disease is reported in a child who presented with torticollis.", 1),
    ("We report a rare case of intramedullary abscess and review the literature. In our analysis of 100 cases of "
     "intramedullary abscess, a male preponderance was found.", 1),
    ("STUDY DESIGN: Case report with review of the literature. RESULTS: In our analysis of 64 published cases, 40 "
     "were women.", 1),
    ("We report a case of X and review the literature. We also reviewed 35 consecutive cases treated at our "
     "institution between 2000 and 2010.", 35),
    ("STUDY DESIGN: Case series of 12 patients with review of the literature. We treated 12 patients with spinal "
     "abscess.", 12),
]
# part 2: case reports in the progressive or perfect (F49i); consent and responses given (F49j); those who
# qualified and were then included (F49k)
FAMILIES["audit49"] += [
    ("Herein, we are presenting a case of spontaneous splenic rupture in pregnancy. The patient was managed "
     "conservatively.", 1),
    ("We have described a case of late stent migration into the pulmonary artery.", 1),
    ("We have reported a case of this syndrome previously; here we studied 45 patients.", 45),
    ("METHODS: A questionnaire was distributed to 64 staff members. Thirty-nine staff members (60.9%) gave informed "
     "consent and responses.", 39),
    ("RESULTS: There were 205 (85%) patients who achieved the minimum 2-year follow-up and were included.", 205),
    ("METHODS: We reviewed 300 patients. There were 205 (68%) patients who met the criteria and were included.", 205),
    ("METHODS: We treated 240 patients. There were 60 (25%) patients who developed infection and were included in "
     "the subgroup analysis.", 240),
    ("METHODS: We treated 240 patients; 180 (75%) patients who were followed for 2 years were included in the "
     "survival analysis.", 240),
]
NOT_A_COHORT["audit49"] = [
    "METHODS: 40 of the 127 patients in the intervention group participated in all sessions.",
    "We are presenting the case definitions used in the national surveillance of measles.",
    "An overview of cases of spinal abscess is presented.",
    "RESULTS: Three members of the Smad family were overexpressed in 40 tumour samples.",
    "METHODS: Two members of the research team independently extracted the data from 35 studies.",
    "DESIGN: Systematic review. RESULTS: Thirty-five articles were included; one trial enrolled 250 men with cancer.",
    "DESIGN: Systematic review and meta-analysis. RESULTS: Nine RCTs were included. The largest trial randomised 640 "
    "adults.",
]
# the medical, health, hospital, discharge or clinical records of a records review stand for its people
FAMILIES["records"] = [
    ("METHODS: A total of 1,906 medical records were included in the analysis.", 1906),
    ("RESULTS: Overall, 4,120 discharge records matched the diagnosis codes.", 4120),
    ("METHODS: We retrospectively reviewed 412 electronic health records of adults treated for gout.", 412),
    ("METHODS: Eighty-eight hospital charts were reviewed.", 88),
    ("METHODS: Clinical records of 75 consecutive patients were analysed.", 75),
    # ... unless the people follow as their own count
    ("METHODS: We reviewed 120 medical records of 100 patients admitted for burns.", 100),
    ("METHODS: We read 140 clinical records from 95 children with asthma.", 95),
]
# the American Heart Association's joined headings ("Methods and Results-") open the abstract's body, whose
# counts are not the Background's; those interviewed are the funnel's end over a base stated before
FAMILIES["joined_headings_and_interviews"] = [
    ("Background- Shunts are common. Methods and Results- The present study included 212 consecutive adults "
     "with embolism.", 212),
    ("BACKGROUND: Arrest is common. METHODS AND RESULTS: Adults were identified from a registry. Crews attended "
     "9 406 adults, of whom 31% were resuscitated. Interviews were conducted with 512 (74.3%) adults or proxies.", 512),
    ("METHODS: We conducted semi-structured interviews with 38 carers of stroke survivors.", 38),
    # those who took part, told in a relative clause, are the funnel's end as well
    ("METHODS: Subjects were 310 adults treated for scoliosis. We analysed the answers of 57 adults (50 women, 7 men) "
     "who responded to both surveys.", 57),
    ("METHODS: We treated 240 adults. RESULTS: 61 adults who responded to treatment had lower scores.", 240),
]
NOT_A_COHORT["joined_headings_and_interviews"] = [
    # a Background's count stays out, whatever heading comes after
    "Background- Some 4,000 adults die of embolism every year. Methods and Results- Shunts were measured.",
    # the items of a numbered list of groups, no total stated (GUIDE: groups without a total)
    "METHODS: Two samples of adults were interviewed: 1) 21 people who had bet online for years, and 2) 12 people "
    "who had sought help.",
    "METHODS: We interviewed (1) 30 nurses who worked nights, and (2) 25 nurses who worked days.",
]
# the n closing a sentence that says a survey was carried out counts its respondents; regional demonyms name people
FAMILIES["survey_n_and_demonyms"] = [
    ("METHODS: Postal surveys were conducted in two counties of Norway (n = 4312, aged 18 or older).", 4312),
    ("METHODS: A questionnaire was administered to hospital staff (n = 212).", 212),
    ("METHODS: Ontarians who gambled were surveyed (n = 1204) about their habits.", 1204),
    ("METHODS: We surveyed 640 Albertans by telephone.", 640),
]
NOT_A_COHORT["survey_n_and_demonyms"] = [
    "METHODS: Surveys were conducted in the intervention and control groups (n = 80).",
    # animals named earlier in the n's own bracket
    "METHODS: The selected population (rats digging over 400 g at baseline; n = 120) was analysed separately.",
]
# a heading after a question or a closing bracket opens its section ("... serum levels? METHODS: ...")
FAMILIES["heading_after_question"] = [
    ("BACKGROUND: Would training raise the marker? METHODS: Forty-two outpatients were randomly assigned to two "
     "programmes.", 42),
    ("BACKGROUND: Does bracing help? RESULTS: A total of 64 adolescents were included.", 64),
    # two headings joined by a slash, a plus sign before a heading (exports)
    ("BACKGROUND: Risk is high in this group. METHODOLOGY/PRINCIPAL FINDINGS: A total of 412 adults were enrolled.",
     412),
    ("Background: Hearing loss is common. +Methods: In this study, a sample of 45 farmers was given earplugs.", 45),
    # Embase's "Patient(s):" heading (not "Patient-reported ...", which opens a sentence)
    ("Background: Music harms hearing. Patient(s): The retrospective study includes 27 patients treated for "
     "acoustic trauma.", 27),
    ("Patient-reported outcomes were collected. METHODS: We studied 30 adults.", 30),
    # ... and the parts of a count listed after it, each with its marker, leave the count the cohort
    ("METHODS: We interviewed 40 adults (i) 20 with pain and (ii) 20 without pain.", 40),
]
NOT_A_COHORT["records"] = [
    # records that are not of people, or not a records review's
    "METHODS: We analysed 30 laboratory records of water quality.",
    "RESULTS: The search returned 512 records, of which 20 studies were included.",
    "METHODS: We examined 12 medical record numbers for duplicates.",
]

# "K (out) of N people were eligible / met the inclusion criteria": an eligibility step of a funnel in the
# "N of M" form, on to any step after it; eligible for a treatment is a finding about some, not a step
FAMILIES["eligible_out_of"] = [
    ("RESULTS: A total of 140 out of 512 screened adults were eligible.", 140),
    ("RESULTS: 140 of the 512 patients assessed met the inclusion criteria.", 140),
    ("RESULTS: Overall, 140 (27%) out of 512 children fulfilled the eligibility criteria.", 140),
    ("RESULTS: 140 of 512 patients screened were eligible for the study.", 140),
    ("RESULTS: 140 of 512 screened adults were eligible, and 121 were randomised.", 121),
    ("RESULTS: 140 of 512 screened adults were found eligible, of whom 121 consented.", 121),
    # the base alone stated before is the same people, not a cohort
    ("RESULTS: 512 patients were screened; 140 of 512 patients were eligible.", 140),
    # eligible for a treatment: a finding about some of the cohort
    ("RESULTS: Only 14 of 512 patients were eligible for surgery.", 512),
    ("RESULTS: 14 of 512 patients were eligible for a transplant, and 9 received one.", 512),
    # a part of a cohort stated before
    ("METHODS: We enrolled 300 adults. RESULTS: In the first wave, 40 of 90 adults were eligible.", 300),
]
# a study verb far before "in N people": the verb's object may be long ("... assessed using two named scales
# and a questionnaire in 75 patients")
FAMILIES["verb_far_before_in"] = [
    ("METHODS: A split-mouth study was conducted to compare healing between the two sides after either laser "
     "or scalpel incision in 31 patients with gum disease.", 31),
    ("METHODS: We studied the compartments of the marrow through genomic and functional analyses at diagnosis, "
     "remission and relapse in 64 adults with leukaemia.", 64),
]
NOT_A_COHORT["verb_far_before_in"] = [
    # a sentence break or a count of another kind between them still parts them
    "METHODS: The scale was assessed at baseline. Pain fell in 12 patients.",
]
# where the data came from: texts, specimens, responses, transcripts of people
FAMILIES["data_from_people"] = [
    ("METHODS: A thematic analysis of written texts from 118 study participants.", 118),
    ("METHODS: Blood specimens from 46 adults with sepsis were analysed.", 46),
    ("RESULTS: Complete responses were received from 77 nurses across 12 countries.", 77),
    ("METHODS: We read the diaries of 23 caregivers over a year.", 23),
    ("METHODS: Bacterial strains isolated from 31 patients with infected implants were cultured.", 31),
    ("METHODS: Data on injuries, vital signs and early symptoms were collected in 640 burn survivors.", 640),
]
NOT_A_COHORT["data_from_people"] = [
    "RESULTS: Responses to treatment were seen in 12 patients.",
]

# an age adjective among the words before the noun; records of people sorted into groups are the cohort's
FAMILIES["age_adjective_and_grouped_records"] = [
    ("METHODS: Participants were 412 9-year-old children from two school districts.", 412),
    ("METHODS: We followed 64 18-month-old infants and their mothers.", 64),
    ("METHODS: Clinical records of 218 adults seen for back pain were grouped into four profiles.", 218),
    ("METHODS: 140 patients were stratified into three risk groups.", 140),
]
NOT_A_COHORT["age_adjective_and_grouped_records"] = [
    # a single child's age is a case, not a count; a share of others is no cohort
    "RESULTS: Caries was seen in 12 5-year-olds of the region.",
]

# a section heading glued to the count by an export is no label of it
FAMILIES["heading_glued_to_count"] = [
    ("AIM: To compare two chelators.METHODS:Eighty patients with the disease were divided into 2 groups.", 80),
    ("RESULTS:Ninety-one adults were included in this review.", 91),
    ("Patients:64 children were enrolled at one clinic.", 64),
]
NOT_A_COHORT["heading_glued_to_count"] = [
    # a group's label still is one
    "RESULTS: Group A:45 patients received the first drug.",
]

# the n of a survey's or a cohort's data is the number of people who gave them (session 17)
FAMILIES["n_of_peoples_data"] = [
    ("METHODS: The national health survey data (n = 7186) were used to study drinking.", 7186),
    ("METHOD: Analyses used baseline data (n = 665) from an ongoing cohort study of young men.", 665),
    ("This study used an archival dataset (n = 1236) from an online survey of people who gamble.", 1236),
    ("METHODS: Adult data (N = 3555) from a national gambling survey were analysed.", 3555),
]
NOT_A_COHORT["n_of_peoples_data"] = [
    # laboratory or imaging data may count samples or scans
    "RESULTS: Imaging data (n = 240) showed no change over time.",
    "METHODS: Laboratory data (n = 1200) were extracted from the hospital system.",
]

# from the second audit of unseen corpus abstracts (session 17): a breakdown in brackets before the verb; a
# funnel step whose people are described at length, an aside in brackets; monitoring is a study verb
FAMILIES["audit_17"] = [
    ("RESULTS: A total of 2,119 (297 Black, 1,822 White) were included in the analysis.", 2119),
    ("METHODS: Fusion was performed in 56 patients. Of these, 46 with complete data and at least 2 years of "
     "follow-up (mean, 48 months; range, 24-72 months) were included in this study.", 46),
    ("METHODS: Ear canal temperature was monitored in 49 workers during the shift.", 49),
    # a diagnosis had says who the people are, as "were diagnosed with" does
    ("RESULTS: A total of 104 patients had a confirmed diagnosis of spinal abscess over ten years.", 104),
    ("RESULTS: We enrolled 300 patients. Overall, 45 patients had a diagnosis of delirium.", 300),
    # an anaesthesia risk class named 'classification' among the count's adjectives
    ("METHODS: The study enrolled 200 ASA classification 1-3 patients scheduled for surgery.", 200),
    # ... and then a sentence framed on a part of them is that part's (session 8's audit 27 case, its verb now read)
    ("We monitored the effect of nerve blocks in 30 patients, who had burning pain. In three patients, skin "
     "blood flow was also recorded.", 30),
]
NOT_A_COHORT["audit_17"] = [
    # one comparison's participants in a review that prints no pooled total
    "RESULTS: Eight studies with 3,430 participants evaluated earplugs and sixteen studies with 82,794 "
    "participants evaluated training programmes.",
    # a survey sent out counts those invited, not those who answered
    "METHODS: An online survey was distributed to 40,000 customers of a betting website.",
]

# session 19: a source of the people named with 'including' (centres, a registry) is no subgroup cue;
# two groups of working people, the second named by two words, have no total
FAMILIES["session19"] = [
    ("METHODS: Records were obtained from three regional centres including 412 patients treated between 2001 and "
     "2009.", 412),
    ("METHODS: We analysed a national registry including 1,230 adults with epilepsy.", 1230),
    ("METHODS: The registry enrolled 900 patients in 11 hospitals, including 40 children.", 900),
    ("METHODS: We examined 70 textile workers and 30 of their supervisors.", 70),
    # the study's own verb with 'we', the people after a long object (session 19)
    ("METHODS: In this work, we examined how two symptom scales relate to each other and to a beliefs "
     "questionnaire in 64 patients with panic disorder.", 64),
    # the sentence that says who the participants were, closed by their n however long (session 19)
    ("METHOD: Participants were adolescents younger than 18 who were seen at one of 12 youth clinics from 2005 to "
     "2011 and reported at least one of 9 kinds of loss (n = 4210; 51% girls).", 4210),
    # respondents reporting whether something was so: the question all answered, not an outcome (session 19)
    ("RESULTS: Of 400 respondents, 120 reported whether they smoked.", 400),
    ("RESULTS: In a national telephone survey, 9,870 respondents reported whether a relative's drinking had "
     "harmed them.", 9870),
    # a sentence opening on the results of a treatment in its people (session 19)
    ("The results of laser or cryotherapy in 58 newly diagnosed cases of warts were compared. 30 patients had "
     "laser and 28 patients had cryotherapy.", 58),
    # 'we interviewed' names the study's own people; the sentence that says what this study does, closed by its n
    # (session 19)
    ("RESULTS: We interviewed 41 young gay and bisexual men and found three themes.", 41),
    ("This study compares smokers using nicotine patches and smokers not using them on mood and sleep "
     "(n = 1,212).", 1212),
    # a person noun joined to its condition's acronym; 'experienced in' is a skill; collectors are people
    # (session 19)
    ("METHODS: In a cross-sectional study 24 COPD-patients underwent a detailed clinical investigation.", 24),
    ("METHODS: Focus group interviews were held with a total of 11 nurses experienced in treating burns.", 11),
    ("METHODS: Tone audiometry was carried out with 152 refuse collectors.", 152),
    # the people whose data did the showing (session 19)
    ("RESULTS: The data of 412 patients showed that the code was used in 61%.", 412),
    # workers named in one word; a group of people with adjectives before 'group' is no arm (session 19)
    ("METHODS: Twenty-eight Spanish-speaking farmworkers took part.", 28),
    ("METHODS: Data came from a mostly rural group of 64 workers exposed to vibration.", 64),
    ("METHODS: We recruited 90 patients and a control group of 30 healthy adults.", 90),
    # the base of a share whose percentage stands after it ("891 of 9609 (9.3%) included patients": session 19)
    ("RESULTS: Within 30 days, 402 of 5120 (7.9%) included patients were readmitted.", 5120),
    # focus groups written with a hyphen (session 19)
    ("METHODS: Three focus-groups with 19 nurses were held in two towns.", 19),
    # treated units, their treatment said, then the patients who carry them (session 19)
    ("METHODS: A total of 140 vertebral bodies were treated in 92 patients.", 92),
    ("METHODS: We reviewed 81 renal tumors treated with cryoablation in 77 patients.", 77),
    # a sex breakdown with the adjectives after the count is no list of arms (session 19)
    ("METHODS: Thirty-six patients, 20 male and 16 female, aged 21 to 70 years, were studied.", 36),
    # the last step of a screening funnel, its percentage a share of those screened (session 19)
    ("RESULTS: We screened 4210 adults; 1388 (33.0%) were enrolled.", 1388),
    ("RESULTS: A total of 960 patients were assessed for eligibility, and 412 (42.9%) were included in the "
     "analysis.", 412),
    ("RESULTS: Of 300 patients enrolled, 45 (15%) were treated surgically.", 300),
    # a sample of people closed by its n, years between (session 19)
    ("METHODS: Data came from a sample of low-income, drug-using adults in two counties between 2011 and 2013 "
     "(n = 377).", 377),
    # the denominator of a percentage: its verb is the part's (session 19)
    ("RESULTS: 27% of the 240 mill workers reported wearing ear plugs at all times.", 240),
    ("RESULTS: Only 38.5% of 1,310 employees had normal hearing thresholds.", 1310),
]
NOT_A_COHORT["session19"] = [
    "This study compares outcomes in the two groups (n = 40 each).",
    # two groups named by acronym-joined nouns of one kind, no total (session 19)
    "METHODS: Twelve ECMO-survivors and 20 age-matched sCPR-survivors agreed to take part.",
    # ... but not a share whose part was reviewed, nor one whose part took part (session 19)
    "METHODS: We reviewed the medical notes of 14 of 88 (16%) children treated with the drug.",
    "RESULTS: At 6 months, 702 of 811 (87%) survivors answered the questionnaire.",
    "RESULTS: We found improvement in 14 patients after the second session.",
    "METHODS: We examined 90 charts; pain recurred in 14 patients.",
    "METHODS: Hearing was tested at 14 youth clinics and 9 veterans organizations.",
    "METHODS: Participants were randomized to eight weekly sessions (n = 53) or to usual care (n = 50).",
    "METHODS: The survey was done on 45 nonsmokers, male shop assistants, and 70 city bus drivers.",
    "METHODS: Hearing was tested in 52 farm workers and 64 truck drivers.",
]
FAMILIES["session20"] = [
    # a trial's randomised count in brackets after the base it came from (session 20)
    ("METHODS: Two hundred adults with hay fever volunteered for the study (176 randomized).", 176),
    ("RESULTS: A total of 412 patients were screened (350 randomised; 62 not eligible).", 350),
    # a case named by a role ending in -ent, or a migrant (session 20)
    ("CASE: A 61-year-old liver transplant recipient presented with back pain and fever.", 1),
    ("A 23-year-old migrant was admitted with a cough of three weeks.", 1),
    # the 'were' of a randomisation left out after 'and' (session 20)
    ("RESULTS: 140 patients were screened and 96 randomly assigned to drug A (n=50) or drug B (n=46).", 96),
    # a person noun written with Unicode's hyphen (U+2010)
    ("METHODS: We enrolled 64 community\u2010dwelling older adults with knee pain.", 64),
    # a person noun joined to a word before it; a study's own cohort before its comma (session 20)
    ("METHODS: Three hundred twelve student-athletes were enrolled, and 290 completed the season.", 312),
    ("METHODS: We established a pooled cohort, including 4120 miners with measured exposure.", 4120),
    ("METHODS: A total of 120 food handlers were selected at random for examination.", 120),
    # a review's pooled people as the subject of its inclusion verb, or from two kinds of report (session 20)
    ("METHODS: We searched three databases. RESULTS: Fourteen studies including 212 women were eligible for "
     "this review.", 212),
    ("METHODS: We searched three databases. RESULTS: Overall, 64 patients from 9 studies and 4 case reports were "
     "included.", 64),
    # a trial's randomised count after a larger count first recruited (session 20)
    ("METHODS: A total of 95 women were initially recruited. After screening, seventy patients were randomly "
     "assigned to an experimental group (n = 35) or a control group (n = 35).", 70),
    # those who took part in a later follow-up are no funnel's end (session 20)
    ("METHODS: Two hundred patients (120 women, 80 men) were included. Only 61 patients participated in the "
     "2-year follow-up.", 200),
    # a count after the people's description, then 'participated' (session 20)
    ("METHODS: Young adults aged 18 to 25 years (n=340), participated in design workshops.", 340),
    # the people whose results or views are told (session 20)
    ("METHODS: We describe the MRI findings from six patients who were admitted with encephalitis.", 6),
    ("METHODS: A review of studies including 840 patients (300 children, 540 adults) was done. We searched "
     "PubMed. RESULTS: Nine studies including 840 patients (300 children, 540 adults) were identified.", 840),
    # a count named with age adjectives in abbreviations, and its breakdown per group in brackets (session 20)
    ("METHODS: 240 healthy, 2-mo-old infants were randomly assigned to formula A or B.", 240),
    ("METHODS: In a crossover trial, 48 healthy 9- to 12-y-olds received two breakfasts.", 48),
    ("METHODS: The trial was conducted with 58 participants (30 in Group A, 28 in Group B).", 58),
    # a later count of the same people with its share is a part of them, no second group (session 20)
    ("RESULTS: A total of 23 patients were identified, with a median age of 61 years, and 14 patients (61%) "
     "were women.", 23),
    # a trial's randomised count as the numerator of its share, or in brackets, after a funnel (session 20)
    ("RESULTS: Of 380 approached adults, 110 (29%) consented. 61/110 (55%) met the criteria. 48/61 (79%) of "
     "those eligible were randomised.", 48),
    ("RESULTS: Of 260 screened patients, 180 were eligible (140 randomized).", 140),
    # a trial's phase number before its comma is no review's count of trials (session 20)
    ("METHODS: In a single-center, crossover phase 2 trial, 24 patients with SBS were randomly assigned.", 24),
    # the people counted inside 'The median age of N ... was' (session 20)
    ("RESULTS: The median age of 57 enrolled patients was 48.5 years (IQR 39.0-60.0).", 57),
    # a genus initial before its species, puerperas (session 20)
    ("METHODS: In total, 412 H. pylori-positive adults were recruited and randomly assigned.", 412),
    ("METHODS: Forty-two puerperas with postpartum haemorrhage were retrospectively included.", 42),
    # a review's pooled people given as the n of its studies (session 20)
    ("METHODS: Four databases were searched. RESULTS: A total of 48 studies (n = 2210) were included.", 2210),
    # a count grouped with a punctuation space (U+2008) or a figure space (U+2007) (session 20)
    ("METHODS: We enrolled 12\u2008400 adults from the national register.", 12400),
    ("METHODS: We enrolled 3\u2007150 adults from the national register.", 3150),
    # healthy people and then their sexes: a breakdown, not a second group (session 20)
    ("METHODS: We examined 44 healthy volunteers, 20 men and 24 women with a normal weight.", 44),
]
NOT_A_COHORT["session20"] = [
    "METHODS: We reviewed the literature (45 randomized controlled trials) on the topic.",
    "A 12-year-old implant developed a fracture of its abutment.",
    # a year after its month is a date, a year naming an event no count (session 20)
    "METHODS: We included reports published between March 2011 and June 2019 on GP-EHR interactions.",
    "BACKGROUND: Carriers of the 2019 novel coronavirus and patients with early COVID-19 may have no symptoms.",
    "METHODS: Three real-world use-cases were studied with the new software.",
    # a plan's sample told with other verbs (session 20)
    "METHODS: The sample of the study will consist of 48 infants (experimental group = 24, control group = 24).",
    "METHODS: The vaccine will first be assessed in a total of 40 healthy adults.",
    "METHODS: A sample of adults (n = 96) is being recruited to take part in a feeding study.",
    "METHODS: We need to randomise a total of 280 cases (140 in each arm).",
    "METHODS: This study will examine 120 patients with diabetes.",
    # a case report named in passing, the data of 'a patient' in general (session 20)
    "METHODS: Exclusion criteria were reviews, letters, and case reports of a single patient.",
    "The platform lets providers process the data of a patient despite its format.",
    "This interprofessional case report leverages an ontology to link the records.",
    # a planned sample whose verb comes after a long description of the people (session 20)
    "METHODS: Eighty adults in the first month after a below-knee amputation at the regional centre will "
    "participate in the study.",
    # investigators who analysed the data are not the people studied (session 20)
    "METHODS: To check reliability, 3 research team members coded the same transcripts.",
    # one arm's randomised count, the other's beside it (session 20)
    "RESULTS: Ten patients were randomized to drug A and 11 served as controls.",
    "RESULTS: A total of 24 patients were randomized to each of the drug and placebo arms.",
    # a comparison group first, then the index group named by its sex and what it has: no total (session 20)
    "METHODS: We measured cortisol in 9 healthy volunteers, and 7 women with untreated hyperthyroidism.",
]

CASES = [pytest.param(fam, t, n, id=f"{fam}:{i}") for fam, rows in FAMILIES.items() for i, (t, n) in enumerate(rows)]
COUNTER = [pytest.param(fam, t, id=f"{fam}:{i}") for fam, rows in NOT_A_COHORT.items() for i, t in enumerate(rows)]


@pytest.mark.parametrize(("family", "text", "patients"), CASES)
def test_cohort_family(extract, family, text, patients):
    assert _patients(extract, text) == patients


@pytest.mark.parametrize(("family", "text"), COUNTER)
def test_not_a_cohort_family(extract, family, text):
    assert _patients(extract, text) is None


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        # treated units are lesions
        ("We treated 95 vertebral fractures in 61 patients.", "lesions", 95),
        # a procedure's "of" names the units it treated; a subgroup's "of" does not
        ("METHODS: We reviewed 35 adults who underwent ablation of 47 hepatocellular carcinomas.", "lesions", 47),
        ("METHODS: Embolization of 23 aneurysms was performed in 21 adults.", "lesions", 23),
        ("METHODS: We studied 40 adults. RESULTS: Recurrence was seen in 6 of 47 tumors after ablation.", "lesions", None),
        # drained collections, stones and endoleaks are treated units too (audit 18)
        ("Nine patients with 11 psoas abscesses were treated by catheter drainage.", "lesions", 11),
        ("METHODS: We drained 23 pancreatic pseudocysts in 21 patients.", "lesions", 23),
        ("A total of 130 renal stones were treated in 118 patients by lithotripsy.", "lesions", 130),
        ("METHODS: We treated 40 patients. RESULTS: Stones recurred in 4 patients.", "lesions", None),
        # a threshold that defines groups is no count of treated units (audit 18)
        ("METHODS: We reviewed 38 patients; those with three discs or more remaining below the fusion did better.",
         "lesions", None),
        ("METHODS: We reviewed 38 patients; those with fewer than three discs remaining did worse.", "lesions", None),
        ("The charts of 27 patients with 33 subsolid GGOs who underwent localization were reviewed.", "lesions", 33),
        # one person of a sex, in the singular (audit 18)
        ("METHODS: This study was based on five cases (one man and four women) of air embolism.", "male", 1),
        ("METHODS: We studied 6 patients (5 women and 1 man) with the syndrome.", "male", 1),
        ("METHODS: We studied 6 patients (1 man-made valve, 5 women).", "male", None),
        # a part of the cohort's sex counts ('N patients with complications included ...') are the part's (audit 18)
        ("METHODS: 180 patients with 240 fractures underwent kyphoplasty, and 31 patients with complications "
         "included 12 men and 19 women.", "male", None),
        ("METHODS: The 31 patients included 12 men and 19 women.", "male", 12),
        # a share written 'per cent' (audit 18)
        ("Ninety-one miners, 80 (87.9 per cent) men and eleven (12.1 per cent) women, were studied.", "male", 80),
        ("Ninety-one miners, 80 (87.9 per cent) men and eleven (12.1 per cent) women, were studied.", "female", 11),
        # a spelled count of treated units after 'performed at' (audit 18)
        ("A 74-year-old man had fractures. Vertebroplasty was performed at two vertebral bodies (L1 and L2).",
         "lesions", 2),
        # a sentence framed "In N units (M patients)" after other sentences, not only at the abstract's start
        ("DESIGN: Case series. METHODS: Lenses were implanted. RESULTS: In 84 eyes (42 patients), vision improved.",
         "lesions", 84),
        ("METHODS: Noise was measured. In 96 ears of 50 patients, hearing was tested twice.", "lesions", 96),
        # ... but not a part, "in" some of them, without the frame
        ("METHODS: We treated 84 eyes of 42 patients. Haze was seen in 12 eyes.", "lesions", 84),
        # ... and the units joined to the cohort's own count are its units, whatever word comes before (session 15)
        ("RESULTS: The same lens was implanted in 73 eyes of 73 consecutive adults.", "lesions", 73),
        ("RESULTS: At one year, acuity in 44 eyes of 22 patients was good.", "lesions", 44),
        ("METHODS: Cement was injected in 12 vertebrae of 7 patients.", "lesions", 12),
        ("METHODS: We treated 80 patients. RESULTS: Recurrence occurred in 12 tumours of 10 patients.", "lesions", None),
        # trans-female or transmasculine people are not counted as one sex (audit 47; the dev set's transgender women)
        ("METHODS: We enrolled 90 trans-female youths in the clinic.", "female", None),
        ("METHODS: We enrolled 60 transmasculine adults in the clinic.", "male", None),
        ("We enrolled 1, 250 women attending antenatal care.", "female", None),
        ("We studied 230 patients (mean age 61, 120 women).", "female", 120),
        # one group's sex count, of groups with no total, is not the study's (audit 47)
        ("Audiometry was performed in 20 male welders (group A) and 26 male clerks (group B).", "male", None),
        ("The study included 18 male farmers (group I) and 28 soldiers (group II).", "male", None),
        # ... unless every group carries one, each of another sex
        ("Audiometry was performed in 20 male workers (group A) and 26 female workers (group B).", "female", 26),
        # a sex word hedged by 'predominantly' or followed by its share is no all-one-sex cohort (audit 49, F49r)
        ("METHODS: We studied 150 predominantly male patients with spinal cord injury.", "male", None),
        ("METHODS: A total of 220 mostly female nurses completed the questionnaire.", "female", None),
        ("METHODS: We retrospectively analysed 468 predominantly male (77.8%) patients with trauma.", "male", None),
        ("METHODS: We enrolled predominantly male veterans (n = 300).", "male", None),
        ("METHODS: We enrolled 120 male veterans.", "male", 120),
        # one centre's or one included study's own count of a sex is no sex count of the cohort (audit 49, F49f)
        ("METHODS: We enrolled 120 patients in this trial. One centre recruited 35 men.", "male", None),
        ("METHODS: We enrolled 120 patients at five centres; the largest centre enrolled 40 women.", "female", None),
        ("DESIGN: Systematic review. RESULTS: We included 12 studies with 1540 participants; the smallest study "
         "included 24 women.", "female", None),
        ("METHODS: We enrolled 120 patients (45 women).", "female", 45),
        ("DESIGN: Systematic review. RESULTS: We included 12 studies with 1540 participants, including 820 women.",
         "female", 820),
        # groups of one sex with no total: no sex count either (session 12)
        ("METHODS: We compared a sample of 20 men who used the app to a sample of 20 men who did not.", "male", None),
        ("METHODS: 12 women with migraine and 15 women without migraine were compared.", "female", None),
        # ... but one sex count restated in another sentence is one count
        ("RESULTS: The 23 men were interviewed. Of the 23 men, 12 had a partner.", "male", 23),
        # a bracketed sex breakdown that adds up to the count before its bracket is that group's (session 12)
        ("METHODS: A total of 40 patients were studied, and 12 had a relapse (7 men and 5 women).", "male", None),
        ("METHODS: 40 patients were studied. RESULTS: Twelve patients (30%) relapsed (7 men and 5 women).", "female", None),
        # ... and the cohort's own breakdown stays, past an age range or a share before its bracket
        ("METHODS: A total of 40 patients aged 20 to 70 years (22 men and 18 women) were studied.", "male", 22),
        ("METHODS: We studied 40 patients (7 men and 33 women); 12 (30%) relapsed.", "female", 33),
        ("RESULTS: Of 52 patients screened, 40 were enrolled (22 men and 18 women).", "female", 18),
        # a lesion noun naming lab material made from it, not lesions (audit 45)
        ("METHODS: Twenty patient-derived human tumor explants were treated with the drug.", "lesions", None),
        ("METHODS: We tested 12 tumour cell lines and 30 tumour xenografts.", "lesions", None),
        ("METHODS: We resected 45 tumours in 40 patients.", "lesions", 45),
        ("We examined 52 eyes of 30 children with myopia.", "lesions", 52),
        ("Radiosurgery was used for the nerve (64 cases in 60 patients).", "patients", None),
        ("In 60 patients, radiosurgery was used for the nerve (64 cases in 60 patients).", "patients", 60),
        ("Fifteen patients (17 limbs) underwent bypass surgery.", "lesions", 17),
        # the verb after the count says the units were treated (lexicon lesion_nouns, "cues")
        ("RESULTS: Thirty patients had surgery. Forty-one levels were operated on.", "lesions", 41),
        ("METHODS: In 30 patients, 44 vertebrae were cemented.", "lesions", 44),
        # a per-patient statistic is not a count
        ("METHODS: We reviewed 20 patients. An average 6 vertebral bodies were fused.", "lesions", None),
        # sex counts inside the cohort's parenthesis
        ("METHODS: We enrolled 56 patients (36 men, 20 women; mean age 41 years).", "male", 36),
        ("METHODS: We enrolled 56 patients (36 men, 20 women; mean age 41 years).", "female", 20),
        ("We studied 84 adults (median age 38; female sex: 70 [83%]).", "female", 70),
        # a spelled number joined by a Unicode hyphen is one count, not "four women" inside "Forty-four women"
        ("Forty\u2010four women with pelvic pain were randomised.", "female", 44),
        ("Twenty\u2011one men and thirty women were enrolled.", "male", 21),
        # a subgroup's sex count is not the cohort's
        ("We treated 31 patients with zinc. Relapse was observed in 2 female patients.", "female", None),
        ("We treated 31 patients with zinc. Of these, 18 were women.", "female", 18),
        ("We treated 31 patients with zinc. There were 18 women and 13 men.", "male", 13),
        ("We enrolled 120 patients. Relapse occurred in 44 patients (30 men).", "male", None),
        ("The operations were done by 307 female and 433 male surgeons.", "female", None),
        # of several sex counts, the one pair that adds up to the cohort is its breakdown
        ("METHODS: We reviewed 33 patients with spinal tuberculosis. RESULTS: The male to female ratio was 23 : 10. "
         "Abscesses were drained in 15 men and 4 women.", "female", 10),
        ("METHODS: We reviewed 33 patients with spinal tuberculosis. RESULTS: The male to female ratio was 23 : 10. "
         "Abscesses were drained in 15 men and 4 women.", "male", 23),
        # a case report's sex comes from the sentence that names it, wherever the report verb is
        ("We report an abscess after acupuncture in a patient with diabetes. A 61-year-old woman presented "
         "with fever.", "female", 1),
        ("We present the imaging of a man with a painful hip.", "male", 1),
        # a sex count with its share after it, in round or square brackets
        ("METHODS: We enrolled 64 adults (40 women [63%]; mean age 47 years).", "female", 40),
        ("A total of 64 adults took part (24 men (38%) and 40 women (62%)).", "male", 24),
        ("RESULTS: There were 52 (58%) women and 38 men (42%), mean age 60 years.", "male", 38),
        # the denominator of a share is no sex count; one arm's sex count is not the cohort's
        ("METHODS: We enrolled 120 adults. RESULTS: 41 of 64 patients were women (64%).", "female", None),
        # ... but when the denominator is the cohort, the numerator is its sex count
        ("RESULTS: 41 of 64 patients were women (64%), median age 55 years.", "female", 41),
        ("METHODS: We studied 47 CPFE patients. Forty-six of the 47 CPFE patients were male.", "male", 46),
        ("METHODS: We compared 30 cases with 30 controls. The case group included 12 women (40%).", "female", None),
        ("We enrolled 64 adults. Relapse occurred in 20 women (31%).", "female", None),
        # a thousands group cut off by a stray space is no count: no leading zero
        ("METHODS: We studied 3120 adults; 2, 004 (64%) were women.", "female", None),
        ("METHODS: We followed 30 adults with gout. The studied group consisted of 12 women and 18 men.", "female", 12),
        # a share with its count in brackets after it
        ("METHODS: We enrolled 150 adults. RESULTS: 58.0% (87) of all patients were male.", "male", 87),
        ("METHODS: We enrolled 150 adults, of whom 42.0% (n = 63) were women.", "female", 63),
        # a subgroup's, after a semicolon as after a comma
        ("METHODS: We enrolled 150 adults. Relapse occurred in 30 adults; 60% (18) were women.", "female", None),
        ("METHODS: We enrolled 150 adults. Relapse occurred in 30 adults; 18 (60%) were women.", "female", None),
        # a cohort named by one sex is all of that sex
        ("METHODS: We enrolled 84 pregnant women with anaemia.", "female", 84),
        ("METHODS: Eleven healthy male volunteers received the cream.", "male", 11),
        ("METHODS: Participants were 310 Latino men recruited online.", "male", 310),
        # a cohort named by a one-sex acronym or noun
        ("METHODS: A cross-sectional survey was run among 420 MSM in two cities.", "male", 420),
        ("METHODS: We surveyed 212 mothers of preterm infants.", "female", 212),
        ("METHODS: We surveyed 212 mothers and fathers of preterm infants.", "female", None),
        ("A 57-yr-old man presented with haemoptysis.", "male", 1),
        ("CASE: We describe a 15-year-old, wheelchair-dependent girl with scoliosis.", "female", 1),
        # a case named without a sex gives the sex of its pronouns, when they are of one sex only
        ("CASE: A 42-year-old diabetic patient had fever. When he returned, his pain had resolved.", "male", 1),
        ("CASE: A 3-year-old patient had fever. His mother said she had noticed a rash.", "male", None),
        ("CASE: A 3-year-old patient had fever. His mother said she had noticed a rash.", "female", None),
        # a case whose age is written without 'old' (session 19); not a survival rate's years
        ("CASE: A 66-year female had previous radiosurgery for a schwannoma.", "female", 1),
        ("RESULTS: The 10-year male survival rate was 61%. We studied 40 patients.", "male", None),
        # a case named with the decade of its age (session 19)
        ("CASE: A man in his late 60s who had undergone radiotherapy presented with seizures.", "male", 1),
        ("RESULTS: Patients in their 70s fell more often.", "male", None),
        # ... or of a singular sex noun naming them, when only one sex is named so (session 19)
        ("This case report describes laser treatment of severe acne scars in a young Korean woman of skin type IV.",
         "female", 1),
        ("We report a case of endophthalmitis. The patient, a man with diabetes, recovered fully.", "male", 1),
        ("We report a case of fever in a child. A man and a woman who cared for the child were interviewed.",
         "male", None),
        ("We report a case of fever in a child. A man and a woman who cared for the child were interviewed.",
         "female", None),
        ("We report a case of sepsis in a 5-year-old child. A woman's view of care is discussed.", "female", None),
        # a cohort named with transgender people is not all of one sex
        ("METHODS: The parent study enrolled 450 MSM/TGW in three cities.", "male", None),
        ("METHODS: We ran an online survey of 2,310 GBMSM.", "male", 2310),
        # an age with its spread in brackets right after the people counted
        ("METHODS: We included 718 patients (53.4±19.4 years) with sepsis.", "patients", 718),
        # a one-sex cohort whose count is an n after its noun
        ("METHODS: We ran an online survey of gay and bisexual men (n = 2,310).", "male", 2310),
        ("METHODS: Mothers of preterm infants (N=232) completed five questionnaires.", "female", 232),
        ("METHODS: Of 50 women screened, adults with gout (n = 30) took part.", "female", None),
        # a sex split in colon notation is not read (too rare to pay for its scan; a ratio when it does not add up)
        ("METHODS: We studied 45 patients (M:F 3:1).", "male", None),
        ("METHODS: We enrolled 84 pregnant women with anaemia.", "male", None),
        # not when the sentence names the other sex too, or both sexes share the noun
        ("METHODS: We enrolled 60 pregnant women and their male partners.", "female", None),
        ("METHODS: We enrolled 64 men and women with gout.", "male", None),
        ("METHODS: We enrolled 64 men and women with gout.", "female", None),
        # the sex of providers is not the patients'
        ("METHODS: We enrolled 90 patients. Blocks were placed by 4 female and 6 male anaesthetists.", "female", None),
        # no pair adds up: several counts, none chosen
        ("METHODS: We reviewed 33 patients with spinal tuberculosis. RESULTS: Abscesses were drained in 15 men and "
         "4 women; fusion was done in 9 men and 6 women.", "male", None),
        # one capital letter is no sex ('(4 M)' may be a concentration)
        ("METHODS: The buffer (4 M) was added to samples of 30 patients.", "male", None),
        # a case report's sex from the report verb's object, or after 'a case of' (audit 9)
        ("We report an elderly woman who developed a rash after a vaccine.", "female", 1),
        ("We present a case of 6-year-old male with a rare spinal tumour.", "male", 1),
        # the cohort's sex said with 'were' and its count in brackets (audit 9)
        ("RESULTS: The mean age of the 31 respondents was 58 years. Most were male (n = 22).", "male", 22),
        ("RESULTS: We analysed 140 adults, who were predominantly female (n = 101, 72%).", "female", 101),
        # not a group's label, nor another person's sex
        ("METHODS: We examined 3,700 adults. RESULTS: After adjustment, men (n = 412) who had smoked had more "
         "hearing loss.", "male", None),
        ("METHODS: We sampled 90 trans adults who had sex with a cisgender male (n = 61; mean age 30).", "male", None),
        # a report of a few cases that names each one's age and sex (audit 16)
        ("We report two cases of psoas abscess. The first, a 47-year-old man, had fever. The second, a "
         "52-year-old woman, had back pain.", "female", 1),
        ("We report two cases of psoas abscess. The first, a 47-year-old man, had fever. The second, a "
         "52-year-old woman, had back pain.", "male", 1),
        # a sex count written with its capital letter in the brackets after the people counted (audit 19)
        ("RESULTS: Ten patients (6 M, 4 F) aged 70-88 were included.", "male", 6),
        ("RESULTS: Ten patients (6 M, 4 F) aged 70-88 were included.", "female", 4),
        # ... not a molar concentration nor a tracer
        ("METHODS: Cells were grown under osmotic (2 M) stress. We also scanned 12 patients.", "male", None),
        ("METHODS: [18F]FDG PET was done in 40 patients.", "female", None),
        # a plural sex noun is followed by its verb, not by a noun it qualifies (audit 19)
        ("METHODS: We enrolled 17 baristas. A total of 10 females and seven males took part.", "male", 7),
        # ... where the singular adjective qualifies another noun ('433 male surgeons')
        ("METHODS: We surveyed 500 patients; 120 male surgeons and 80 female surgeons replied.", "male", None),
        # two cases named one after the other (audit 19)
        ("We report on a 38-year-old man and a 60-year-old woman with an abscess.", "patients", 2),
        ("We report on a 38-year-old man and a 60-year-old woman with an abscess.", "female", 1),
        ("A 38-year-old man and his wife were seen for fever.", "patients", 1),
        # several cases told apart in separate sentences, no count printed: not one (audit 18)
        ("A 71-year-old man developed meningitis after surgery. After a fall, a 22-year-old man developed "
         "meningitis.", "patients", None),
        ("A 71-year-old man developed meningitis after surgery. After a fall, a 22-year-old man developed "
         "meningitis.", "male", None),
        ("A 71-year-old man developed meningitis after surgery. The 71-year-old man recovered.", "patients", 1),
        # ... not when the persons named are fewer than the cases
        ("We describe three cases. A 40-year-old man had fever. A 62-year-old man had pain.", "male", None),
        # ... a share of one sex in brackets does not make the cohort all of that sex
        ("METHODS: Subjects were 41 (61% male) survivors of sepsis interviewed after discharge.", "male", None),
        # fingers, toes and other joints counted beside patients are lesions (audit 16)
        ("METHODS: Forty-one fingers from 17 patients were examined with MR imaging.", "lesions", 41),
        # the denominator of a share is no count of one sex
        ("RESULTS: Sixty percent of the 140 respondents were women.", "female", None),
        ("RESULTS: 72% of all 90 participants were men.", "male", None),
        # a disease before 'patients' names the people, not lesions (audit 14)
        ("RESULTS: A total of 310 hip fracture patients were analysed.", "lesions", None),
        # the sex of those who left or only asked is not the cohort's (session 6)
        ("RESULTS: Overall, 165 men inquired about the trial, of which 86 underwent screening.", "male", None),
        ("RESULTS: Of 80 adults screened, 12 women were excluded. In all, 68 adults were enrolled (30 women).",
         "female", 30),
        ("METHODS: Forty women took part in the study.", "female", 40),
        # a sex count written as a fraction gives its numerator (audit 24)
        ("RESULTS: We enrolled 113 patients; 79/113 (69.9%) male, median age 60 years.", "male", 79),
        # sex counts in compact notation after the people counted (audit 23)
        ("METHODS: A cohort study of 70 children (39M:31F) with palsy.", "male", 39),
        ("METHODS: A cohort study of 70 children (39M:31F) with palsy.", "female", 31),
        # a measure's levels are no treated units
        ("METHODS: A total of 33 patients were treated at three dose levels.", "lesions", None),
        ("METHODS: We recorded 9040 sound levels on 391 ships.", "lesions", None),
        ("METHODS: Word scores were measured in 14 volunteers at four presentation levels.", "lesions", None),
        # the first of two shares whose per cent sign is written once (session 19)
        ("RESULTS: 120 and 170 patients were compared (male: 61 vs. 52%; mean age 58 vs. 60 years).", "male", None),
        ("RESULTS: Of the 120 patients (male: 61; female: 59), most were treated.", "male", 61),
        ("METHODS: Fusion covered 48 vertebral levels in 20 patients.", "lesions", 48),
        # a gender identity is no sex count, as the dev set settles (audit 22)
        ("METHODS: Participants (n = 600) were MSM = 300 and TG women = 300.", "female", None),
        ("METHODS: Of 187 participants (transgender women = 58; MSM = 129), most enrolled.", "female", None),
        ("METHODS: Of 187 participants (women = 58; men = 129), most enrolled.", "female", 58),
        # a rate's base is no sex count (audit 25)
        ("The incidence is 4-6 per 100,000 women and 1-2 per 100,000 men each year.", "female", None),
        ("The incidence is 4-6 per 100,000 women and 1-2 per 100,000 men each year.", "male", None),
        # the sex adjective's noun past one or two adjectives; not an animal's
        ("METHODS: Hearing was tested in 12 male and 7 female recreational divers.", "male", 12),
        ("METHODS: Hearing was tested in 12 male and 7 female recreational divers.", "female", 7),
        ("METHODS: Hearing was tested in 12 male Wistar rats and 8 female rats.", "male", None),
        ("METHODS: Hearing was tested in 12 male laboratory rats.", "male", None),
        # the sex counts of another count after its colon (audit 28)
        ("METHODS: We enrolled 90 children. After exclusions, the remaining 30 patients: 12 boys and 18 girls.",
         "female", None),
        ("METHODS: We reviewed the files of 90 patients: 40 boys and 50 girls.", "female", 50),
        # a sex split written as a ratio of counts that add up to the cohort (audits 26, 27)
        ("METHODS: Thirty adults (F:M: 17:13) received the injection.", "female", 17),
        ("METHODS: We reviewed the charts of 150 patients (male:female ratio, 90:60).", "male", 90),
        ("METHODS: We reviewed the charts of 150 patients (male:female ratio, 3:2).", "male", None),
        ("METHODS: Thirty adults (F:M 2:1) received the injection.", "female", None),
        # a comparison in a bracket closed before the sex counts is over (session 9)
        ("RESULTS: Of 900 invited, 400 replied. Age was alike in responders and nonresponders (median [IQR], "
         "61 [50-70] years vs 63 [52-71] years), and 250 responders (62.5%) were men and 150 (37.5%) women.", "male", 250),
        ("RESULTS: Of 900 invited, 400 replied. Age was alike in responders and nonresponders (median [IQR], "
         "61 [50-70] years vs 63 [52-71] years), and 250 responders (62.5%) were men and 150 (37.5%) women.", "female", 150),
        ("RESULTS: Of 900 invited, 400 replied; 250 were men, versus 300 men among the 500 nonresponders.", "male", 250),
        ("RESULTS: Of 900 invited, 400 replied, compared with 300 men among those who did not reply.", "male", None),
        # a count after a comma without its space (session 9)
        ("RESULTS: A total of 58 patients were seen,35 (60.3%) were female.", "female", 35),
        ("RESULTS: Doses of 1,2 and 4 mg were given to 58 patients.", "patients", 58),
        # a sex count told as a share of the count before it (session 9)
        ("METHODS: We enrolled 58 patients, 35 of whom were female.", "female", 35),
        ("METHODS: We enrolled 58 patients; 23 (40%) of them were male.", "male", 23),
        # ... and some of a sex count's people are no sex count of the cohort
        ("METHODS: We enrolled 140 adults: 120 were male, of whom 95 were men who inject drugs.", "male", 120),
        ("METHODS: We enrolled 140 adults: 120 were male (86%), among them 95 men who inject drugs.", "male", 120),
        ("METHODS: We enrolled 140 adults, of whom 95 were men.", "male", 95),
        ("A middle-aged man presented with fever and back pain. He recovered.", "male", 1),
        # the whole cohort said to be of one sex in a sentence of its own (audit 33)
        ("METHODS: We reviewed 46 patients with lupus. All patients were females.", "female", 46),
        ("METHODS: We reviewed 46 patients with gout; all were men.", "male", 46),
        ("METHODS: We reviewed 46 patients with gout. Of the 7 deaths, all were men.", "male", None),
        ("BACKGROUND: In earlier trials all patients were men. METHODS: We reviewed 46 adults with gout.", "male", None),
        # audit 31: the sex letter in lower case inside the people's brackets, the count after its share
        ("METHODS: In 150 patients (81 m, 69f, mean age 57 years) the test was done.", "male", 81),
        ("METHODS: In 150 patients (81 m, 69f, mean age 57 years) the test was done.", "female", 69),
        ("METHODS: In 40 patients (walked 97 m in six minutes) the test was done.", "male", None),
        ("RESULTS: Nine of 20 patients screened were included. 77.8 % (7) were women.", "female", 7),
        # a screening cut-off for each sex is no count (audit 30)
        ("METHODS: We surveyed 210 adults. Hazardous drinking was AUDIT >=8 men/>=5 women.", "female", None),
        ("METHODS: We surveyed 210 adults. Hazardous drinking was AUDIT >=8 men/>=5 women.", "male", None),
        ("METHODS: We surveyed 210 adults, 120 men and 90 women; AUDIT scores of 8 were common.", "female", 90),
        # a sex named first, its share, then its count in brackets; a fraction of the cohort only
        ("RESULTS: Of 394 participants, women accounted for 48.5% (191/394).", "female", 191),
        ("METHODS: We studied 120 adults with asthma. Females made up 53% (n = 64) of the sample.", "female", 64),
        ("RESULTS: Of 394 participants, 194 answered the survey; women accounted for 48.5% (94/194).", "female", None),
        ("METHODS: We surveyed 210 nurses; women accounted for 48.5% of them.", "female", None),
        # a ratio's words joined by hyphens, read as counts when they add up to the cohort
        ("METHODS: We included 120 adults. The male-to-female ratio was 56:64.", "male", 56),
        ("METHODS: We included 120 adults. The male-to-female ratio was 3:1.", "male", None),
        # a share between a sex count and its people (audit 39)
        ("RESULTS: A total of 410 people responded; 322 (78.5%) respondents were males.", "male", 322),
        # the breakdowns of two arms told side by side are no cohort's sex (audit 42), and a subgroup's breakdown
        # named by a word number is the subgroup's
        ("METHODS: Twelve patients (8 men and 4 women) received drug A; 14 patients (9 men and 5 women) received "
         "drug B.", "male", None),
        ("METHODS: We reviewed 70 adults. RESULTS: There were five cases (four males and one female) with an "
         "abscess.", "male", None),
        ("METHODS: Fifty patients (20 men and 30 women) were enrolled.", "male", 20),
        # an animal study's treated units are no patients' lesions (audit 37)
        ("METHODS: In 12 goats, six vertebral bodies were filled with cement.", "lesions", None),
        ("METHODS: We filled 40 vertebral bodies in 22 patients with cement.", "lesions", 40),
        # what each person has, 'all four' or 'both', is no count of treated units (audit 48, F48m)
        ("METHODS: We randomised 90 adults scheduled for extraction of all four wisdom teeth.", "lesions", None),
        ("METHODS: We enrolled 42 children with involvement of all four limbs.", "lesions", None),
        ("METHODS: We enrolled 25 volunteers who had all 32 teeth examined.", "lesions", None),
        ("METHODS: We treated 35 patients. All 132 tumours were ablated successfully.", "lesions", 132),
        ("METHODS: We treated 28 patients with 41 tumours; ablation of all 41 tumours was achieved.", "lesions", 41),
        # the sex label before its count, a pair in brackets (session 20)
        ("METHODS: Ninety patients (female 61/male 29) were referred to the clinic.", "female", 61),
        ("METHODS: Ninety patients (female 61/male 29) were referred to the clinic.", "male", 29),
        ("METHODS: We pooled 911 adults (men 356, women 555) from four trials.", "female", 555),
        ("METHODS: Ninety patients (male 29 years, female 61 years) were referred.", "male", None),
        # an interleukin is no count of treated levels (session 20)
        ("METHODS: IL-6 levels were measured in the serum of 30 patients with sepsis.", "lesions", None),
        # a count of one sex in brackets with its share, or after its label with its share (session 20)
        ("RESULTS: Of 30 cases, the majority (63.3%; n=19) were female.", "female", 19),
        ("RESULTS: A total of 412 nurses, male (102; 24.8%) and female (310; 75.2%), answered.", "male", 102),
        # a threshold of units is a criterion, not a count of them; molars are treated units (session 20)
        ("METHODS: We enrolled 36 adults with ≥14 teeth and pockets of 5 mm or more.", "lesions", None),
        ("METHODS: Thirty patients with >2 liver metastases were treated.", "lesions", None),
        ("METHODS: Fifty-two molars with furcation defects were treated in 19 patients.", "lesions", 52),
        # the cohort after a contacted intake reached through relatives (audit 48, F48n) keeps its sex counts
        ("METHODS: The 310 patients or their relatives were contacted by telephone. RESULTS: The study included "
         "295 patients (160 female/135 male).", "female", 160),
    ],
)
def test_population_family(extract, text, field, value):
    assert _field(extract, text, field) == value


@pytest.mark.parametrize(
    ("text", "mean", "median"),
    [
        ("METHODS: 40 patients, aged 44.2 ± 9 years at surgery, were included.", 44.2, None),
        # the whole cohort after 'for' or 'in', or all its groups (session 19)
        ("RESULTS: The mean age for all the groups was 52 years.", 52, None),
        ("RESULTS: The median age in the total sample was 47 years.", None, 47),
        ("RESULTS: The mean age for the two groups was 52 and 55 years.", None, None),
        # a year earlier in the sentence is no count of a group ("In 2006, 29 patients (...)": session 19)
        ("METHODS: From June/1995 to May/2004, 31 children (12.4 +/- 3.1 years old) received implants.", 12.4, None),
        # the bracket after the people's inclusion verb (session 19); not after a verb that times treatment
        ("METHODS: Thirty-one adults were examined (58 ± 12 years, 80% men).", 58, None),
        ("METHODS: 40 children were prospectively enrolled (9.4 ± 2.1 years).", 9.4, None),
        ("METHODS: 40 patients were followed (4 ± 2 years).", None, None),
        ("METHODS: 40 patients were treated (4 ± 2 years after diagnosis).", None, None),
        # the people's age as the last of their traits (audit 49, F49m); not their spouses'
        ("METHODS: We surveyed 210 veterans. Participants were mostly male (89%), White (81%), and averaged 42 years "
         "old.", 42, None),
        ("METHODS: We surveyed 210 veterans. Participants were mostly male, and their spouses averaged 40 years old.",
         None, None),
        # the people 'were on average N years old' (audit 48, F48r); not their relatives' age
        ("METHODS: We enrolled 140 patients with heart failure. Patients were on average 64 years old.", 64, None),
        ("METHODS: The 88 participants were, on average, 41.5 years of age.", 41.5, None),
        ("RESULTS: Partners (n = 301) were on average 62 years old.", 62, None),
        ("METHODS: We enrolled 150 children. Their parents were on average 41 years old.", None, None),
        ("METHODS: We enrolled 150 children. The mean age of their parents was 41 years.", None, None),
        ("METHODS: We studied 90 patients. The implants were on average 12 years old.", None, None),
        ("The mean±SD age of the patients was 57±11 years.", 57, None),
        ("The median (interquartile range [IQR]) age was 62 years (53-70).", None, 62),
        ("The median age (interquartile range) at the time of surgery was 6.5 (4, 9) years.", None, 6.5),
        ("The mean age of the 412 participants was 51.3 ± 8.0 years.", 51.3, None),
        # the cohort's age in brackets after its age limits or range, 'age' not written (audit 10)
        ("METHODS: We enrolled 96 adults, 22 to 79 years old (mean 51.6 years), with back pain.", 51.6, None),
        ("METHODS: We included 64 adults older than 18 years (median: 44.5 years).", None, 44.5),
        ("METHODS: We studied 90 patients (aged at evaluation 41.5 +/- 10 years).", 41.5, None),
        # ... not after a follow-up's span
        ("METHODS: 60 patients were followed for 2 to 10 years (median 5 years).", None, None),
        # each group's age, joined by 'and ... respectively', 'compared to', 'versus': no cohort figure
        ("We enrolled 80 workers. The mean age of cases and controls were 41 and 46 years, respectively.", None, None),
        ("We enrolled 80 adults. Mean age was 52.3 years in group A versus 47.9 years in group B.", None, None),
        ("We enrolled 80 adults. The mean age of smokers was 52.3 years, compared to 47.9 years in non-smokers.",
         None, None),
        # another quantity after the age is not a second group, nor a second statistic of age
        ("We enrolled 80 adults (mean age 52 ± 9 years and median follow-up 24 months).", 52, None),
        ("The average age at surgery was 6.0 years (range, 2-11) and the mean follow-up time 3.5 years.", 6.0, None),
        ("We enrolled 80 adults with a mean age of 45 years and mean disease duration of 10 years.", 45, None),
        # '-/+' is a spelling of ±
        ("We enrolled 64 adults with a mean age of 42.5 -/+ 9.1 years.", 42.5, None),
        # a decimal comma before its spread ('56,9 +/- 12'); elsewhere no part of it is read as a number
        ("RESULTS: 57 caregivers (89% female, mean age 56,9 +/- 12 years) took part.", 56.9, None),
        ("METHODS: We included 718 patients (53.4±19.4 years) with sepsis.", 53.4, None),
        ("METHODS: We included 718 patients (12 ± 3 years of pain).", None, None),
        # a value with its spread after the sex breakdown in the cohort's brackets is its age
        ("We studied 60 patients (37 male and 23 female, 56.4±1.9years) with nerve lesions.", 56.4, None),
        ("METHODS: We enrolled 64 adults (24 men, 40 women; 45.2 ± 11.3 years).", 45.2, None),
        ("METHODS: We enrolled 64 adults (24 men, 40 women; 12 ± 3 years of pain).", None, None),
        # one figure two rules read ('median age, 8.7 yr') is not two groups
        ("Of 107 children, 57 took part (median age, 8.7 yr; median follow-up interval, 5.6 yr).", None, 8.7),
        # the age of a group is not the cohort's
        ("In all, 380 patients were recruited. Validation on 150 patients with a mean age of 75±7 years followed.",
         None, None),
        # a threshold after the statistic's name is not its value
        ("We studied 48 patients. Median age at diagnosis was > 40 y in 12.5%.", None, None),
        ("We studied 48 patients. Mean age was \u2265 65 years in most of them.", None, None),
        ("We studied 48 patients. Median age was 61 years (p < 0.05 against controls).", None, 61),
        # a figure in years and months is not its years (audit 13)
        ("We studied 30 children with a mean age of 8 years and 5 months (4-15 years).", None, None),
        ("We studied 30 children. The mean age at surgery was 11 years 2 months.", None, None),
        # the cohort's age in brackets after its age limit at a time point
        ("METHODS: Forty adults, older than 30 years at operation (median: 55.1 years), were treated.", None, 55.1),
        # the cohort's age in brackets after a sex noun (audit 17)
        ("METHODS: Eleven women (34.2 ± 5.1 years) completed the programme.", 34.2, None),
        # the verb names the mean (session 6)
        ("METHODS: Age at operation averaged 58 years. Forty adults were enrolled.", 58, None),
        ("METHODS: Forty adults were enrolled. The patients' ages averaged 71 years (range 60-85).", 71, None),
        ("METHODS: Forty adults were enrolled. Symptoms had lasted an average of 6 years.", None, None),
        # after 'aged' the limits need no 'years' (audit 25)
        ("METHODS: We surveyed 300 adults aged 65 and older (mean = 73.4, standard deviation = 6.2).", 73.4, None),
        ("METHODS: We surveyed 300 adults aged 18-64 (median 39).", None, 39),
        ("METHODS: We surveyed 300 adults aged 65+ (mean 72.0 years).", 72.0, None),
        ("METHODS: 60 patients were followed for 2 to 10 years (median 5 years).", None, None),
        # between limits, and the psychologists' M for the mean (audit 26)
        ("METHODS: We tested 90 adults aged between 20 and 70 years (mean = 41.5, SD = 9.8).", 41.5, None),
        ("METHODS: We surveyed 150 pupils of 11-14 years of age (M = 12.6, SD = 0.9).", 12.6, None),
        ("METHODS: We surveyed 150 pupils aged 11-14 years (M1 = 3.2, SD = 0.9).", None, None),
        ("METHODS: 80 nurses had worked from 1 to 30 years (mean = 12.1, SD = 7.7).", None, None),
        # a spread's label that names two (audit 30)
        ("METHODS: We enrolled 70 children. The median age (IQR range) at the time of the scan was 9 (6.1, 12.0) "
         "years.", None, 9),
        # the people averaged an age (audit 33)
        ("METHODS: We enrolled 50 adults. The participants averaged 47 years old.", 47, None),
        ("METHODS: We enrolled 50 smokers. Smokers averaged 21 years of smoking.", None, None),
        # 'years old' written out in the brackets after the people (audit 32)
        ("METHODS: Eight healthy men (22.4 +/- 1.3 years old) were studied.", 22.4, None),
        # limits written 'year-old', the mean as 'mean+/-SD:' (audit 29)
        ("METHODS: Twenty men 61-79 year-old (mean+/-SD: 70.4+/-5.2) were tested.", 70.4, None),
        ("METHODS: We tested 36 adults aged 21-64 years (mean +/- SD 44.7 +/- 9.1 years).", 44.7, None),
        ("METHODS: We tested 36 adults aged 18 years or older (mean follow-up 3 years).", None, None),
        # session 10 (audits 35-37): the age's people named with 'for', '+/-SD' before 'age', 'age between'
        # limits, 'years of age' in the count's bracket
        ("METHODS: We studied 90 firefighters. The mean age for fire personnel was 38.2 +/- 7.1 years.", 38.2, None),
        ("METHODS: We studied 40 adults. The mean +/-SD age of the participants was 31+/-6 years.", 31.0, None),
        ("METHODS: We studied 24 adolescents, age between 11.5-17.9 years (mean 14.1 years).", 14.1, None),
        ("METHODS: We studied 48 adults (62 +/- 4 years of age, 40% male) with angina.", 62.0, None),
        ("METHODS: We studied 52 adults; the age ranged between 30 and 81 years (mean: 55 years).", 55.0, None),
        # a value with its SD in years after the counted people (audit 41), not years after an event
        ("METHODS: We examined 610 male miners, 44.2 +/- 7.9 years of age, in two pits.", 44.2, None),
        ("METHODS: We followed 120 adults, 12 +/- 3 years after surgery.", None, None),
        # the mean after the age limits, joined by 'with' or a comma (audit 41), in years only
        ("METHODS: We recruited 140 women aged between 21 and 58 years with a mean (SD) of 37.4 (6.9) years.",
         37.4, None),
        ("METHODS: We recruited 140 adults aged 18-70 years, median 44 years.", None, 44.0),
        ("METHODS: We recruited 140 adults aged 18-70 years with a median of 4 visits.", None, None),
        # ... not one sex's age, nor years of something else
        ("METHODS: We studied 90 adults. The mean age for women was 40 years and for men 45 years.", None, None),
        ("METHODS: We studied 48 adults (12 +/- 4 years of smoking) with angina.", None, None),
        # 'ages' with its limits like 'aged'; a plus sign alone for a lost ± (session 15)
        ("METHODS: A total of 820 adolescents ages 13 to 18 (mean = 15.4, 48% female) were interviewed.", 15.4, None),
        ("METHODS: Nine adults with asthma (mean age 41.2+6.3 years, 5 women) were studied.", 41.2, None),
        ("METHODS: We studied 90 adults. Scores at ages 13 to 18 (mean = 15.4 points) were compared.", None, None),
        # the age at any event of age_events.json with its SD, the statistic unnamed; the statistic after 'age'
        # with its dispersion in brackets (session 17); not the age at a life event
        ("METHODS: We enrolled 222 adults (age at symptom onset 22.3 +/- 12.3 years).", 22.3, None),
        ("METHODS: We enrolled 60 children (age at the time of surgery 9.1 ± 2.0 years).", 9.1, None),
        ("METHODS: We enrolled 75 adults (age at liver transplantation 48 ± 9 years).", 48.0, None),
        ("RESULTS: Of 350 adults (age, mean [SD], 59.9 [13.9] years; 191 men), 20 died.", 59.9, None),
        ("RESULTS: We studied 350 adults; age, median (IQR), 59 (50-68) years.", None, 59.0),
        ("METHODS: We surveyed 80 women; age at first pregnancy 24 ± 4 years.", None, None),
        ("METHODS: We followed 80 adults; at 5 years, 12 ± 4 had relapsed.", None, None),
        # the cohort's count grouped by a space is the cohort's, not a group's (session 17)
        ("RESULTS: We studied 10 233 patients with a mean age of 45.0 years.", 45.0, None),
        # a group's age with its count spelled out is the group's (audit 18)
        ("METHODS: We reviewed 52 patients. Twelve patients with a mean age of 19 years had neurological signs.",
         None, None),
        ("METHODS: Twelve patients with a mean age of 19 years were reviewed.", 19.0, None),
        # a group's age in the bracket after its count, with or without a condition between (audit 18)
        ("METHODS: Group A had 30 patients (mean age 31.0 years). Group B had 70 patients with other injuries "
         "(mean age 40.0 years). All 100 patients were reviewed.", None, None),
        ("METHODS: We studied 44 patients with gout (mean age 58 years).", 58.0, None),
        # the SD after the unit (audit 18)
        ("METHODS: We surveyed 120 students aged 22.4 years +/- 2.1.", 22.4, None),
        # 'age of <event>' as 'age at <event>' (audit 18)
        ("METHODS: We reviewed 41 children. Mean age of diagnosis for the entire cohort was 9 years (range 2-16).",
         9.0, None),
        # the people's age range, then a statistic with no 'age', in their brackets (audit 18)
        ("METHODS: Twelve men (48-79 years old; mean ± SD: 61.3 ± 8.2) received the tracer.", 61.3, None),
        ("METHODS: We enrolled 44 adults (aged 21-67 years; median, 39 years).", None, 39.0),
        ("METHODS: We enrolled 44 adults (21-67 mg; mean 39).", None, None),
        # the statistic's label after 'age', the limits then 'with the average of', a bracketed figure (session 20)
        ("METHODS: We enrolled 40 runners (age, mean ± SD, 31.2 ± 4.4 years).", 31.2, None),
        ("METHODS: The 90 patients, aged 30-70 years with the average of 52 years, were treated.", 52.0, None),
        ("RESULTS: Of the 80 patients, 30 were male, with an age of (44.10±9.80) years.", 44.1, None),
        # the range after 'from', the figure in brackets before its unit (session 20)
        ("METHODS: There were 9 men and 12 women, aged from 31.0 to 62.0 (44.6±8.1) years.", 44.6, None),
        ("METHODS: Twenty adults aged from 18 to 70 years were enrolled.", None, None),
    ],
)
def test_age_family(extract, text, mean, median):
    age = extract(text).population.age
    got = (None, None) if age is None else (age.mean, age.median)
    assert got == (mean, median)


def test_cohort_from_sex_split_is_for_review(extract):
    """The count a sex breakdown adds up to is the cohort, for a reviewer's eye, and no 'left null' warning
    stays behind; where no count adds up, the warning names the candidates that lost."""
    r = extract("METHODS: We reviewed 24 empyemas treated over ten years. RESULTS: There were 15 men and 9 women.")
    p = r.population.patients
    assert (p.value, p.noun, p.span.text, p.span.rule) == (24, "empyemas", "24 empyemas", "cohort.sex_split_total")
    assert p.confidence == "review" and "sex breakdown" in p.reason
    assert not [w for w in r.warnings if "patients" in str(w)]
    r = extract("METHODS: We reviewed 30 empyemas treated over ten years. RESULTS: There were 15 men and 9 women.")
    assert r.population.patients is None
    assert [w for w in r.warnings if "no candidate scored" in str(w)]


@pytest.mark.parametrize(
    ("text", "mean", "median"),
    [
        # the age at the study's index event over the age at diagnosis, that over the age at onset (session 12)
        ("METHODS: We studied 17 adults. RESULTS: Mean age at diagnosis was 17.9 years. Mean age at transplant was "
         "20.2 years.", 20.2, None),
        ("METHODS: We studied 19 adults. RESULTS: The median age at diagnosis was 18 years (range 5-71). Median age at "
         "first symptoms was 16 years.", None, 18),
        ("RESULTS: The median age at onset was 12 years. The median age at the time of operation was 30 years.",
         None, 30),
        # the first figure stays where the later one names no event, or a lower one
        ("METHODS: We studied 19 adults with a mean age of 40 years. RESULTS: The mean age at diagnosis was 35 years.",
         40, None),
        ("METHODS: We studied 19 adults; mean age at surgery was 40 years. RESULTS: Mean age of the 5 who relapsed "
         "was 52 years.", 40, None),
        ("RESULTS: Mean age at surgery was 40 years. Mean age at diagnosis was 38 years.", 40, None),
        # ... and so in one sentence, beside the age at an earlier event (onset, diagnosis)
        ("METHODS: We studied 8 adults with gout. They presented with a mean age of 56 [37-74] years and a mean age "
         "at onset of 43.7 [22-64] years.", 56, None),
        ("METHODS: We studied 8 adults. The median age was 56 years and the median age at diagnosis was 51 years.",
         None, 56),
        # the same people's age restated at a later time in the same sentence (audit 18)
        ("METHODS: We reviewed 63 adolescents. Mean age was 15.2 years at surgery and 24.9 years at follow-up.",
         15.2, None),
        ("METHODS: We reviewed 40 adults. The median age was 51 years at diagnosis and 58 years at the last "
         "follow-up.", None, 51),
    ],
)
def test_age_at_the_index_event(extract, text, mean, median):
    age = extract(text).population.age
    assert (age.mean, age.median) == (mean, median)


@pytest.mark.parametrize(
    "text",
    [
        # the age at a life event is no cohort age (audit 47)
        "We studied 120 women treated for scoliosis. The mean age at first pregnancy was 27 years.",
        "We surveyed 300 adolescents. The mean age at first alcohol use was 14.2 years.",
        "We studied 80 girls. The mean age at menarche was 12.8 years.",
        # one group's age beside another's, joined by 'than' (audit 47)
        "We studied 120 women. The treated group had a higher mean age (48 years) than the control group (44 years).",
        # two figures at the onset and at follow-up: no index event, left null as two figures
        "We reviewed 63 adolescents. Mean age was 9.1 years at onset and 24.9 years at follow-up.",
        "We reviewed 63 adolescents. Mean age was 15.2 years in girls and 16.9 years in boys.",
        # one group's age with its SD in brackets beside another group's (audit 18)
        "RESULTS: Among 380 patients, 29 received statins. The mean (SD) age of statin users was 61.2 (11.0) years, "
        "compared to 48.3 (15.1) years for non-users.",
        # a range then a statistic of something else in the people's brackets
        "We studied 40 patients (aged 20-60 years; median 38 months of follow-up).",
    ],
)
def test_age_not_the_cohorts(extract, text):
    assert extract(text).population.age is None
