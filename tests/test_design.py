"""Design flags, centres and the inclusion period, on invented sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _design(extract, text: str):
    return extract(text).design


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("We retrospectively reviewed the charts of 40 patients treated for hip pain.", "retrospective"),
        ("This retrospective cohort study included 88 adults.", "retrospective"),
        ("DESIGN: Prospective, observational study. 70 patients were enrolled.", "prospective"),
        ("Adults were prospectively enrolled at one university clinic.", "prospective"),
        ("METHODS: Forty adults were randomized to electrical stimulation or sham.", "randomized"),
        # a numbered part of this study (audit 18)
        ("METHODS: The study had two stages. Stage 1 was a prospective study of 30 eyes.", "prospective"),
        ("In this randomised, double-blind trial, 90 patients took part.", "randomized"),
        ("Patients were randomly allocated (1:1) to either block or placebo.", "randomized"),
        ("Patients were randomly, double-blindly assigned to block or placebo.", "randomized"),
        ("This RCT enrolled 150 smokers.", "randomized"),
        # the adverb after the verb (audit 28)
        ("METHODS: Forty adults were assigned randomly to two diets.", "randomized"),
        ("METHODS: Wards were allocated at random to the new protocol or usual care.", "randomized"),
        # this study's aim and what was done for it, told in the Background (audit 27)
        ("BACKGROUND: Animal data suggest a benefit. To assess the effect of the drug, a randomized trial was "
         "performed against usual care. METHODS: Forty patients were enrolled.", "randomized"),
        ("DESIGN: Intervention study with random assignment of 60 adults to two diets.", "randomized"),
        ("A multicentre trial enrolled 400 participants.", "multicenter"),
        ("In this multicentre randomised controlled trial, 120 adults were randomised.", "randomized"),
        ("In this multicentre randomised controlled trial, 120 adults were randomised.", "multicenter"),
        ("We pooled data from a multi-institutional registry of 300 patients.", "multicenter"),
        ("Data came from a multisite trial that enrolled 800 adults.", "multicenter"),
        ("Patients were treated in 12 hospitals across the region.", "multicenter"),
        ("SETTING: Twenty-two ICUs of teaching and district hospitals.", "multicenter"),
        ("METHODS: Adults treated in 14 Swedish intensive care units were followed.", "multicenter"),
        ("METHODS: Patients came from seven leading HIV/AIDS care hospitals.", "multicenter"),
        ("Thirty dialysis centers contributed 500 patients.", "multicenter"),
        ("This bicentric analysis covered 64 tumours.", "multicenter"),
        ("All consecutive patients who underwent ablation were included.", "consecutive"),
        ("A total of 56 consecutive patients were included.", "consecutive"),
        ("Patients were consecutively enrolled in the registry.", "consecutive"),
        # a protocol: the sentence says what this trial is, whatever future it also names
        ("METHODS: The BRACE (Bracing After Knee Surgery) trial is a multicentre, randomised, open-label trial in "
         "which two braces will be compared.", "multicenter"),
        ("This study is a prospective cohort in which 300 adults will be enrolled.", "prospective"),
        # registering patients is collecting them; registering a trial is not a design
        ("All consecutive patients were prospectively registered in our hip database.", "prospective"),
        # a second design word joined by "and" to data is this study's own (audit 25)
        ("This retrospective analysis of records and prospective assessment of quality of life included 40 adults.",
         "prospective"),
        ("The charts were retrospectively reviewed; the trial was retrospectively registered on 2 May 2021.",
         "retrospective"),
        # a protocol's own planned design (GUIDE: design words describing the planned study count; audit 34)
        ("This protocol describes a randomized controlled trial that will be conducted in two hospitals.",
         "randomized"),
        # a trial named with a hyphen says what this study is, whatever future its clause names (audit 18)
        ("Aims: The COOL3-trial is a multi-centre randomised clinical trial where two targets will be compared.",
         "randomized"),
        ("Aims: The COOL3-trial is a multi-centre randomised clinical trial where two targets will be compared.",
         "multicenter"),
        # a hospital and its affiliated hospitals are several centres (audit 30)
        ("We reviewed 61 adults treated at Northfield General Hospital and affiliated hospitals.", "multicenter"),
        ("Patients came from our hospital and its affiliated clinics.", "multicenter"),
        # two institutions named by their proper names (audits 35 and 40)
        ("METHODS: Adults were seen at Riverside General Hospital and Lakeview Medical Center.", "multicenter"),
        ("METHODS: Participants were enrolled through Northfield University Medical Center and the University of "
         "Avalon.", "multicenter"),
        # a study that 'was planned' and then run is this study (audit 41)
        ("METHODS: A prospective randomized double-blind study was planned, in which 64 adults were enrolled.",
         "randomized"),
        # a two-centre study written without the hyphen (audit 42)
        ("METHODS: This was a retrospective two institution study of 80 adults.", "multicenter"),
        # a trauma level among the centres' adjectives (audit 38)
        ("METHODS: Adults were enrolled from six ACS Level 1 trauma centers.", "multicenter"),
        # words of the patients' own history are no other study (audit 36)
        ("METHODS: Sixty adults who required a dressing after surgery were randomized to two dressings.",
         "randomized"),
        ("METHODS: Adults with prior fractures were randomised to two braces at four centres.", "randomized"),
        ("METHODS: Previously treated adults were prospectively enrolled.", "prospective"),
        ("DESIGN: Prospective analysis of adults whose implants were removed at least 2 years previously.",
         "prospective"),
        # 'multi-' with the places themselves (audit 45)
        ("METHODS: Adults were drawn from a multihospital trauma registry.", "multicenter"),
        ("METHODS: We studied a multi-clinic cohort of 400 adults with asthma.", "multicenter"),
        ("METHODS: A multi\u00a0centre study of 300 adults.", "multicenter"),  # a no-break space
        # centres named in the plural and spread over several places (session 12)
        ("METHODS: Youths were recruited from adolescent health clinics in 14 U.S. cities.", "multicenter"),
        ("METHODS: Patients treated at hospitals in three countries were reviewed.", "multicenter"),
        ("METHODS: Data came from general practices across 5 regions.", "multicenter"),
        # what this paper does, told in the Background in the present tense (session 12)
        ("BACKGROUND: The influence of fatigue on patients with an implant is presented and analyzed in a "
         "prospective study. METHODS: A total of 249 patients completed questionnaires.", "prospective"),
        ("BACKGROUND: Sleep after surgery is here examined in a randomized trial. METHODS: 60 adults took part.",
         "randomized"),
        # this study's own series, and its own collaboration (audit 46 counter-examples)
        ("The series was retrospectively reviewed and included 40 patients.", "retrospective"),
        ("This multicentre collaboration enrolled 400 patients at 12 hospitals.", "multicenter"),
        ("Patients were recruited from 12 general practices in Norway.", "multicenter"),
        ("SETTING: Three clinical practices. METHODS: Keratometry was repeated.", "multicenter"),
        # a consecutive series of the cohort (audit 46)
        ("METHODS: We reviewed a consecutive series of 40 patients treated with kyphoplasty.", "consecutive"),
        # the source cohort's design words, 'ongoing' in apposition to it or after 'from' (audit 49)
        ("METHODS: We studied 2,140 women from the Nurses' Health Study, an ongoing prospective cohort of nurses.",
         "prospective"),
        ("METHODS: Participants were 812 men enrolled in the Multicenter AIDS Cohort Study, an ongoing prospective "
         "study of HIV infection.", "multicenter"),
        ("METHODS: We analysed 640 patients from an ongoing multicentre prospective registry of acute stroke.",
         "prospective"),
        # a prospective phase of the study's own people after a retrospective one (audit 48)
        ("METHODS: Three hundred patients were retrospectively reviewed between 2012 and 2016, and the remaining "
         "patients were prospectively collected between 2017 and 2020.", "prospective"),
        ("METHODS: Cases were retrospectively reviewed from 2012 to 2016 and prospectively collected from 2017.",
         "prospective"),
        # sites counted by location (audit 49)
        ("METHODS: Six rural organizations with 20 clinic locations implemented the program.", "multicenter"),
        # 'consecutive case series' as the design line (audit 48)
        ("DESIGN: Retrospective, consecutive case series. METHODS: We reviewed 84 eyes of 80 patients.", "consecutive"),
        ("STUDY DESIGN: Prospective consecutive case series. METHODS: We enrolled 52 adults.", "consecutive"),
        ("This was a consecutive interventional case series of 37 patients given injections.", "consecutive"),
        # the sites the study's people are at or come from (session 15)
        ("METHODS: We held interviews with 61 young carers at three sites in Canada.", "multicenter"),
        ("RESULTS: A total of 212 subjects on five sites completed the questionnaire.", "multicenter"),
        # this study as a Background sentence's subject, its design word in the subject or just after it (session 15)
        ("BACKGROUND: Testing is stressful. This prospective longitudinal study examined hope in 80 adults. METHODS: "
         "Adults completed scales.", "prospective"),
        ("INTRODUCTION: Swimming is debated. This study prospectively evaluates swimming after surgery. METHODS: We "
         "enrolled 212 children.", "prospective"),
        ("Background- Shunts are common. Methods and Results- This prospective study included 139 adults.",
         "prospective"),
        # a protocol's "Methods and analysis" heading opens its Methods (session 15)
        ("INTRODUCTION: Notification is unstructured. Methods and analysis: This is a prospective cohort study of "
         "injured adults.", "prospective"),
        # a heading after a question opens the Methods (session 15)
        ("BACKGROUND: Would training raise the marker? METHODS: Patients were randomly assigned to two programmes.",
         "randomized"),
        # others' reviews named in the Background do not make this abstract a review (session 15)
        ("BACKGROUND: Meta-analyses of earlier trials found benefit. METHODS: In this multicentre, randomised trial, "
         "we recruited 900 adults at 24 hospitals.", "randomized"),
        ("BACKGROUND: Meta-analyses of earlier trials found benefit. METHODS: In this multicentre, randomised trial, "
         "we recruited 900 adults at 24 hospitals.", "multicenter"),
        # a need or prospect of the people in a relative clause is no study still to come (session 15)
        ("METHODS: This prospective study enrolled children aged under 15 who needed tendon lengthening.",
         "prospective"),
        ("METHODS: We randomized 80 adults who would require knee surgery to two braces.", "randomized"),
        ("METHODS: This retrospective study included infants whose parents should have consented.", "retrospective"),
        # a Setting heading that names its sites in the plural (session 16)
        ("DESIGN: Cohort study. SETTING: Fertility practices. PATIENTS: 900 women were followed.", "multicenter"),
        ("DESIGN: Cross-sectional study. SETTING: Eye surgery units in Norway. PATIENTS: 412 adults.", "multicenter"),
        ("Design: Audit. Setting: Teaching hospitals in Wales. Participants: 300 adults.", "multicenter"),
        # a not-this-study word reaches to the end of its clause, not over the authors' own (session 17)
        ("While earlier studies of the tumour were retrospective in nature, we have conducted a prospective study "
         "of 60 adults.", "prospective"),
        ("This prospective study was small, but further randomized trials are needed.", "prospective"),
        ("METHODS: This was a multicentre cohort; larger trials will be necessary to confirm the effect.",
         "multicenter"),
        # a protocol's own future: its people's allocation or its study's conduct (session 17)
        ("METHODS: Participants will be randomised 1:1 to exercise or usual care.", "randomized"),
        ("METHODS: Veterans will be randomly assigned to the app or to usual care.", "randomized"),
        ("METHOD: An open label randomised controlled trial will be conducted among 200 women attending a clinic.",
         "randomized"),
        ("Methods: This study will be conducted in three district and two teaching hospitals.", "multicenter"),
        # others' reviews told as a finding do not make the abstract a review (session 19)
        ("Meta-analyses suggest that brief interventions help. We will run a two-arm randomized trial in 300 men.",
         "randomized"),
        # every centre of a kind, with the people's verb (session 19)
        ("METHODS: We registered all patients followed by all the Dutch centres of the network.", "multicenter"),
        ("METHODS: Adults will be recruited from all public hospitals in the region.", "multicenter"),
        # people and animals in one abstract: the people's design stands (session 17)
        ("METHODS: Patients were randomly assigned to two groups; 40 rats served as a parallel model.", "randomized"),
        ("METHODS: Forty patients were randomized. RESULTS: In mice, the drug was also effective.", "randomized"),
        # an allocation told with 'randomly' at its end, or 'randomly chosen for' the groups (session 20)
        ("METHODS: They were divided into the control group (n = 40) and the study group (n = 40) randomly.",
         "randomized"),
        ("METHODS: Thirty adults were randomly chosen for the treatment and control group.", "randomized"),
        # a strain's former name in brackets is no earlier study (session 20)
        ("METHODS: We randomized 60 adults to placebo or a probiotic (Lacticaseibacillus paracasei (previously "
         "Lactobacillus casei) strain X).", "randomized"),
        # care homes and practices named by their specialty are centres (session 20)
        ("METHODS: Residents were recruited from 17 care homes in the region.", "multicenter"),
        ("METHODS: The tool was used at three rheumatology practices.", "multicenter"),
        # the words written with Unicode's hyphen (U+2010) or non-breaking hyphen (U+2011) (session 20)
        ("METHODS: We did a prospective, multi\u2010centre study of 60 adults.", "multicenter"),
        ("METHODS: In this double\u2011blind, multi\u2011site trial 80 adults were randomised.", "multicenter"),
    ],
)
def test_design_flag_is_true_when_stated(extract, text, flag):
    d = _design(extract, text)
    assert getattr(d, flag) is True
    assert d.evidence, "a flag carries the span that stated it"


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("This nonrandomized study enrolled 40 patients.", "randomized"),
        ("In this non-randomised comparison, 60 adults took part.", "randomized"),
        ("Comparison members were randomly sampled from the general population.", "randomized"),
        ("The allocation was not randomized; 33 patients took part.", "randomized"),
        ("Further randomized trials are needed to confirm these findings.", "randomized"),
        # an experiment's stimuli given at random, the people's recollections (audit 18)
        ("Heat pain was evoked with randomized interstimulus intervals in 20 healthy adults.", "randomized"),
        ("We applied randomised electrical stimulation of the hand in 14 healthy adults.", "randomized"),
        ("In 2001, retrospective symptom reports of the 40 veterans were collected.", "retrospective"),
        ("METHODS: Studies with random assignment were identified by a search of the literature.", "randomized"),
        ("A noise survey of three sawmills using a randomized sampling strategy was undertaken.", "randomized"),
        ("Included articles were 14 retrospective studies and one prospective study of 300 patients.", "prospective"),
        ("BACKGROUND: Only one retrospective study has examined this. METHODS: We followed 80 veterans.",
         "retrospective"),
        ("BACKGROUND: Once dismissed as an artifact of retrospective methodologies, late PTSD is now documented.",
         "retrospective"),
        # ... also when a relative clause about people follows the word (session 15)
        ("Further prospective studies are needed to identify patients who relapse.", "prospective"),
        ("A randomized trial would be necessary for adults who refuse surgery.", "randomized"),
        # ... but a past study named by them is, and so is a study still 'required' (audit 36)
        ("RESULTS: As previously reported in a randomized trial, the drug is safe.", "randomized"),
        ("DISCUSSION: Our findings agree with a prior multicentre randomized study of bracing.", "multicenter"),
        ("CONCLUSION: A randomized trial is required to confirm this.", "randomized"),
        ("CONCLUSION: A randomized trial is planned to confirm this.", "randomized"),
        # a later study that this one's results feed (audit 18)
        ("We surveyed 90 farmers; the results inform a hearing programme to be evaluated in a randomized trial.",
         "randomized"),
        ("The device, to be tested in a multicentre trial next year, was piloted on 12 adults.", "multicenter"),
        ("In a randomized trial in the previous issue of this journal, the authors gave earplugs.", "randomized"),
        ("The entity has previously been known only from retrospective data; it is now shown prospectively "
         "in one case.", "prospective"),
        # centres that are no places a study ran at (audit 28)
        ("The dimer behaves as two individual metallic centers with weak coupling.", "multicenter"),
        ("METHODS: Pupils used two sports facilities after school.", "multicenter"),
        ("BACKGROUND: A randomized trial was performed in 2010 and showed a benefit. METHODS: We enrolled 40 "
         "patients.", "randomized"),
        ("A randomised multicentre study will be needed to confirm this.", "multicenter"),
        ("The question is a hard one, and a randomized trial would settle it.", "randomized"),
        (
            "We searched MEDLINE for randomized controlled trials and pooled 12 RCTs in a meta-analysis.",
            "randomized",
        ),
        ("This single-center randomized trial enrolled 60 patients in two wards.", "multicenter"),
        ("2 patients were transferred from other hospitals.", "multicenter"),
        ("Injections were given at 5 injection sites.", "multicenter"),
        # intensive care units of one hospital are not several centres
        ("METHODS: Adults admitted to 6 ICUs at Lakeside University Hospital were studied.", "multicenter"),
        ("SETTING: Five ICUs in an academic hospital network.", "multicenter"),
        # one hospital whose name holds 'and' (audit 40)
        ("METHODS: We enrolled 80 adults at Brigham and Women's Hospital.", "multicenter"),
        # design words on plural trials or studies describe other studies; a narrative review's flags are off
        ("Large multicentre randomised controlled trials have shown no benefit of the drug.", "randomized"),
        ("Large multicentre randomised controlled trials have shown no benefit of the drug.", "multicenter"),
        ("Few randomized studies have tested bracing in adults.", "randomized"),
        ("In this narrative review, we discuss bracing. A randomised trial showed benefit.", "randomized"),
        ("We performed a systematic overview. A multicentre study was found.", "multicenter"),
        # a review's included studies are no retrospective design of its own (audit 41)
        ("METHODS: We conducted a scoping review. Most included articles were retrospective cohort studies.",
         "retrospective"),
        # a number joined by a hyphen to a word is part of a name, not a count of centres
        ("Since COVID-19 changed dental practices, visits fell.", "multicenter"),
        ("The SF-36 physical clinics score rose.", "multicenter"),
        ("Pain was measured on three consecutive days.", "consecutive"),
        ("This retrospective study used data prospectively collected in a registry.", "prospective"),
        # ... data of the people, or the people's data, collected prospectively is still data (audit 48)
        ("METHODS: In this retrospective study, data of 120 patients were prospectively collected.", "prospective"),
        ("METHODS: This retrospective study analysed 120 patients whose data were prospectively collected.",
         "prospective"),
        ("METHODS: Patients were retrospectively reviewed using a prospectively maintained database.", "prospective"),
        # a prospective source database of a retrospective review (audit 39), memory measured (audit 39)
        ("METHODS: Cases came from prospective databases and were retrospectively reviewed.", "prospective"),
        ("METHODS: We tested prospective memory in 40 adults with epilepsy.", "prospective"),
        ("METHODS: We tested retrospective memory in 40 adults with epilepsy.", "retrospective"),
        # what people told of their past in a survey
        ("METHODS: We surveyed 300 adults on their retrospective views of the right timing.", "retrospective"),
        ("METHODS: In a cross-sectional survey, 90 nurses gave retrospective accounts of their first year.",
         "retrospective"),
        ("We enrolled 40 patients with knee pain.", "retrospective"),
        # a trial's registration, a history's recognition and a review's studies are not this study's design
        ("We enrolled 40 adults in a sham-controlled trial. Retrospectively registered on 1 June 2020.", "retrospective"),
        ("Trial registration: the trial was prospectively registered with ISRCTN (ISRCTN000111).", "prospective"),
        ("We randomised 60 adults to two diets. Retrospective registered 3 March 2019.", "retrospective"),
        ("We randomised 60 adults to two diets. Date of registration: 3/3/2019 (retrospectively registered).",
         "retrospective"),
        ("We randomised 60 adults to two diets. Trial registration: ISRCTN000111. Retrospectively registered",
         "retrospective"),
        # a randomized sample is how people were sampled (audit 15)
        ("The registry holds a randomized sample of 2 million insured adults.", "randomized"),
        # data items sampled at random, not participants allocated (session 6)
        ("We coded 400 randomized posts from a forum on back pain.", "randomized"),
        ("Two reviewers read 120 randomized charts of adults with gout.", "randomized"),
        # stimuli in randomized order; companies that are multinational (audit 14)
        ("Six tones were presented in a randomized order to 20 listeners.", "randomized"),
        ("Injections were given at 4 sites along the spine in 20 adults.", "multicenter"),
        ("In 20 adults, injections were given at 4 sites along the spine.", "multicenter"),
        ("METHODS: Biopsies were taken from 6 sites of the colon in 30 patients.", "multicenter"),
        # another study in a Background sentence, even one named before this study's (session 15)
        ("BACKGROUND: A prospective study found benefit. METHODS: We enrolled 212 adults.", "prospective"),
        ("BACKGROUND: This study follows a prospective trial of statins. METHODS: We enrolled 212 adults.",
         "prospective"),
        # ... but this abstract's own review, named in the Background, still is one (session 15)
        ("BACKGROUND: In this meta-analysis we pooled randomized trials of statins. RESULTS: Twelve trials were "
         "included.", "randomized"),
        # studies described with other words, a recollection (audit 20)
        ("The method serves retrospective epidemiological studies; we tested it in 30 adults.", "retrospective"),
        ("Participants gave a retrospective account of their drinking.", "retrospective"),
        # how a measure was taken from memory is no design (audit 18)
        ("Childhood adversity variables measured retrospectively were related to outcomes in 200 adults.", "retrospective"),
        ("Function was compared with retrospectively reported function before the arrest.", "retrospective"),
        ("We coded 90 adverts from 12 local and multinational betting firms.", "multicenter"),
        ("A toddler had a retrospectively recognised exposure to measles.", "retrospective"),
        ("Eight articles were selected. All of the studies were retrospective and small.", "retrospective"),
        ("Twelve reports met the criteria; most trials were mainly prospective.", "prospective"),
        ("Of the 9 included studies, 1 was a retrospective cohort study.", "retrospective"),
        # the order of stimuli is not the allocation of participants; neighbourhood centres are places
        ("Stimulus location and intensity were randomised independently in 12 volunteers.", "randomized"),
        ("Units were stimulated with randomised series of heat pulses.", "randomized"),
        ("Plants were collected in 15 villages and 3 neighborhood centers.", "multicenter"),
        # a threshold of use ('with >=2 departments') is not the study's centres, nor a factory's departments
        ("We studied 40 adults at a university-affiliated hospital.", "multicenter"),
        ("We studied 40 adults at one hospital; visits to >=2 departments were frequent.", "multicenter"),
        ("Frequent users (consultations with \u2265 3 clinics) had higher costs.", "multicenter"),
        ("Patients who had visited at least 2 hospitals were more often readmitted.", "multicenter"),
        ("The sample comprised 12 factory departments and 240 workers.", "multicenter"),
        ("Noise was measured in 4 production departments of one plant.", "multicenter"),
        ("A total of 380 firefighters from 22 fire departments took part.", "multicenter"),
        # departments of one hospital: listed by speciality, or said to be of one hospital
        ("Staff were recruited from five departments (surgery, radiology, pharmacy, kitchen) of one hospital.", "multicenter"),
        ("Patients were treated in three departments of a university hospital.", "multicenter"),
        # a review's studies told elliptically (audit 33)
        ("We included 19 studies: 18 retrospective studies and one prospective.", "prospective"),
        ("Of the 9 studies, one was prospective and 8 were retrospective.", "retrospective"),
        # work to come (audit 31)
        ("We reviewed 80 adults at one centre. These findings warrant confirmation in prospective multicenter "
         "trials.", "prospective"),
        ("We reviewed 80 adults at one centre. The results need to be confirmed in randomized trials.", "randomized"),
        # another study's design, or one still to come (audit 25)
        ("We followed 90 adults for a year. These results support the initiation of trials with randomized "
         "controlled designs.", "randomized"),
        ("Two inpatients were treated with the method, which is currently evaluated in a randomized trial.",
         "randomized"),
        # the word's other sense, 'likely to become' (audit 44): who or what may be, not how the study was done
        ("We assessed these prospective technologies for storing solar heat in two cities.", "prospective"),
        ("METHODS: A survey of prospective students (n = 412) asked about study habits.", "prospective"),
        ("METHODS: We interviewed 30 prospective donors and their spouses about consent.", "prospective"),
        ("The model ranked prospective sites for new clinics by travel time.", "prospective"),
        # a repetition, not how patients came in (audit 46)
        ("Cultures were illuminated three times consecutively with blue light.", "consecutive"),
        ("All 900 records were consecutively screened by two reviewers.", "consecutive"),
        # a bare count of locations is no count of sites (audit 49)
        ("METHODS: Patients were asked about 4 pain locations.", "multicenter"),
        # the order of questions randomised is no allocation (audit 49)
        ("METHODS: We outline a survey experiment that randomized the question ordering of two scales.", "randomized"),
        # 'ongoing' for a study running elsewhere (audit 49)
        ("BACKGROUND: An ongoing randomized trial is testing this drug. METHODS: We reviewed 85 patients.", "randomized"),
        ("METHODS: We reviewed 85 patients; recruitment into our ongoing randomized trial continues.", "randomized"),
        # ... nor a series of things, or one published by others (audit 48)
        ("Three consecutive series of radiographs were obtained in 40 patients.", "consecutive"),
        ("We compared our results with a consecutive case series published by Smith et al. in 2010.", "consecutive"),
        # people attending clinics are no count of clinics (audit 47)
        ("We recruited 120 children attending outpatient clinics.", "multicenter"),
        ("A total of 300 adults visiting general practices were surveyed.", "multicenter"),
        # a year before an agency's or a survey's name is no count of centres (audit 47)
        ("We applied the 2016 Centers for Disease Control and Prevention opioid guideline to 412 patients.",
         "multicenter"),
        ("Using 2019 Centers for Medicare and Medicaid Services data, we analysed 168 insurers.", "multicenter"),
        # an expected quantity, not the design (audit 46)
        ("Prospective doses to the lens of the eye can be reduced by protective goggles.", "prospective"),
        ("The prospective risks of the new regulation for workers were estimated.", "prospective"),
        # a topic's practices are no general practices (audit 46)
        ("We interviewed 20 nurses about handover practices.", "multicenter"),
        ("We asked 45 farmers regarding hygiene practices.", "multicenter"),
        # the literature's design, or a need, not this study's (audit 46)
        ("Although many surgical series exist, most studies have been retrospective.", "retrospective"),
        ("Most of the published series on this operation are retrospective.", "retrospective"),
        ("The available evidence is largely retrospective and from single centres.", "retrospective"),
        ("Given the rarity of this tumour, optimal care requires multi-institutional collaboration.", "multicenter"),
        ("Progress in rare sarcomas depends on multicentre cooperation between referral units.", "multicenter"),
        # another study's, in the past tense, or studies in the plural (session 12)
        ("BACKGROUND: Fatigue was investigated in a prospective study by others. METHODS: 50 adults took part.",
         "prospective"),
        ("BACKGROUND: Fatigue is rarely explored in prospective studies. METHODS: 50 adults took part.", "prospective"),
        # several places, but no centres named in the plural (session 12)
        ("METHODS: We surveyed 300 transgender women in two cities about testing.", "multicenter"),
        ("METHODS: Adults were recruited from a clinic in 3 cities' outskirts.", "multicenter"),
        ("METHODS: Patients came from hospitals in the city.", "multicenter"),
        ("BACKGROUND: Falls are treated in hospitals in 20 countries. METHODS: We reviewed 40 falls at our clinic.",
         "multicenter"),
        # ... but not the units of one hospital, nor a setting named in the singular (session 16)
        ("DESIGN: Cohort study. SETTING: Intensive care units of a tertiary hospital. PATIENTS: 90 adults.",
         "multicenter"),
        ("DESIGN: Cohort study. SETTING: A university hospital. PATIENTS: 90 adults.", "multicenter"),
        ("DESIGN: Cohort study. SETTING: The surgical wards of one hospital. PATIENTS: 90 adults.", "multicenter"),
        # others' reports, and work still under way elsewhere (session 16)
        ("PURPOSE: Despite several reports, including a randomized trial, the benefit is unclear. METHODS: We "
         "reviewed 300 charts.", "randomized"),
        ("METHODS: We reviewed 300 charts. CONCLUSIONS: The dose is being investigated in properly designed "
         "prospective trials.", "prospective"),
        # the earlier studies' design, a clause about them between; a need in the design word's own clause,
        # whatever this study's clause says; a study still to come that is no protocol's own (session 17)
        ("While earlier studies of the tumour were retrospective in nature, we have conducted a prospective study "
         "of 60 adults.", "retrospective"),
        ("Most previous reports on this injury were retrospective. We followed 40 adults.", "retrospective"),
        ("This retrospective study was small, but further randomized trials are needed.", "randomized"),
        ("Further randomized trials are needed, as this retrospective study was small.", "randomized"),
        ("CONCLUSIONS: A randomized trial will be conducted to confirm these findings.", "randomized"),
        ("CONCLUSIONS: In future, a prospective trial will be conducted in several centres.", "prospective"),
        ("CONCLUSIONS: Our data suggest benefit; patients should be randomized in future trials.", "randomized"),
        # a chemical bond's centres are no study centres (session 17)
        ("The cluster is held together by 3-centre 2-electron bonds in 40 crystals.", "multicenter"),
        ("CONCLUSION: Wider use of the checklist across all healthcare centers is needed.", "multicenter"),
        ("RESULTS: Across all centres, scores peaked at 24 hours.", "multicenter"),
        # an animal experiment's design, in its sentence or anywhere in an abstract that names no people
        # (session 17: laboratory studies come out empty)
        ("METHODS: Rats were randomly divided into four groups (n = 12).", "randomized"),
        ("DESIGN: Prospective interventional animal study. SETTING: A university laboratory.", "prospective"),
        ("In a prospective multicentre study of male rats, burrowing was scored. Data from participating centres "
         "were pooled.", "multicenter"),
        # a literature review named by its bibliographic databases or its systematic search (session 20)
        ("METHODS: MEDLINE, Embase and CINAHL were searched for randomized controlled trials of the drug.",
         "randomized"),
        ("METHODS: A systematic search was performed on databases including PubMed for randomized trials.",
         "randomized"),
        ("METHODS: We systematically searched four databases for randomized trials of the device.", "randomized"),
        # a count of trials included is a review's (session 20)
        ("RESULTS: Nine published randomized clinical trials were included (3,120 patients).", "randomized"),
        # registration with a bare date; the lack of randomisation (session 20)
        ("METHODS: We enrolled 40 adults. Prospectively registered 03/14/2021.", "prospective"),
        ("METHODS: Observational data of 300 adults were analysed despite the lack of randomization.",
         "randomized"),
        # a trial registered prospectively with its registry (session 20)
        ("METHODS: We enrolled 40 adults. The trial was registered prospectively with the ISRCTN registry.",
         "prospective"),
        # Mendelian randomisation is an observational method; a trial still to be prepared for (session 20)
        ("METHODS: We did a two-sample Mendelian randomisation study with data on 30 000 adults.", "randomized"),
        ("This pilot trial gives feasibility data in preparation for a multi-site effectiveness trial.",
         "multicenter"),
    ],
)
def test_design_flag_stays_none_when_not_stated_or_negated(extract, text, flag):
    assert getattr(_design(extract, text), flag) is None


@pytest.mark.parametrize(
    ("text", "centers"),
    [
        ("Patients were treated in two academic centers.", 2),
        ("The study ran at three tertiary care centres.", 3),
        ("Data were collected in 12 hospitals.", 12),
        ("This was a two-center study of 50 adults.", 2),
        ("Patients were enrolled from 4 participating institutions.", 4),
        # dialysis, intensive care, burn or stroke units are centres (audit 18)
        ("This study was conducted in four haemodialysis units.", 4),
        # sites where people were enrolled, or where the study was run
        ("Adults were enrolled at 17 sites in Canada.", 17),
        ("The trial was conducted at 11 sites across Asia.", 11),
        # 'different' between the count and the centres
        ("Adults were enrolled from 35 different centers in four countries.", 35),
        # four words between the count and 'centers' (audit 18)
        ("Adults were enrolled across 12 United States Level 1 trauma centers.", 12),
        # facilities of care (audit 18)
        ("METHODS: A total of 18 health facilities with 60 midwives took part.", 18),
        ("SETTING: 22 abortion facilities across the country.", 22),
        ("The disease was diagnosed in two different neurological departments.", 2),
    ],
)
def test_design_counts_centers(extract, text, centers):
    d = _design(extract, text)
    assert d.centers == centers
    assert d.multicenter is True


@pytest.mark.parametrize(
    "text",
    [
        # two counts of centres joined, their sum not printed: several centres, no number of them (session 17)
        "Methods: The study was conducted in two district and two specialist children's hospitals.",
        "We enrolled adults at one tertiary and two secondary hospitals.",
        "Patients came from 4 urban or 3 rural clinics.",
    ],
)
def test_design_centres_of_two_joined_counts_have_no_number(extract, text):
    d = _design(extract, text)
    assert d.multicenter is True
    assert d.centers is None
    assert d.evidence, "the flag carries the span that stated it"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("All patients treated from May 2008 to September 2020 were included.", "2008-05", "2020-09"),
        ("Adults admitted between 2010 and 2015 were identified.", "2010", "2015"),
        ("We conducted a registry cohort study of all patients (1995-2012).", "1995", "2012"),
        ("Patients enrolled from January 2005 through December 2010 were analysed.", "2005-01", "2010-12"),
        ("Patients treated from 2008 to 2020 were reviewed.", "2008", "2020"),
        (
            "Survivors included in the registry between March 3, 2001, and July 31, 2018, were surveyed.",
            "2001-03",
            "2018-07",
        ),
        ("SETTING: A surgical ward during October 2016-February 2018.", "2016-10", "2018-02"),
        ("The device was implanted in 9 patients from January to December, 2014.", "2014-01", "2014-12"),
        # any dash: the figure dash, a Unicode hyphen, a minus sign
        ("We reviewed the hospital's deliveries over five years (2016\u20122020); 649 women were included.", "2016", "2020"),
        ("Patients treated between 2011\u20102014 were reviewed.", "2011", "2014"),
        ("Adults enrolled 2003\u22122009 were analysed.", "2003", "2009"),
        # an abbreviated month's full stop in place of the space
        ("Records of adults treated from Feb.2016 to May 2017 were reviewed.", "2016-02", "2017-05"),
        ("Children admitted from Sept. 2012 to Mar.2014 were included.", "2012-09", "2014-03"),
        # numeric dates with full stops, as Europe writes them: month.year, day.month.year
        ("We reviewed 120 adults treated from 01.2010 to 12.2015 at our department.", "2010-01", "2015-12"),
        ("METHODS: Between 03.2012 and 08.2019, 56 adults underwent a spinal fusion.", "2012-03", "2019-08"),
        ("METHODS: From 01.01.2010 to 31.12.2015, 88 patients were operated on.", "2010-01", "2015-12"),
        ("Adults treated between 1.3.2014 and 28.2.2019 were included (n = 40).", "2014-03", "2019-02"),
        # dates in slashes, month or day first as a number over 12 tells; ISO dates with their day
        ("METHODS: We reviewed all adults treated between 1/1/2015 and 12/31/2019 (n = 67).", "2015-01", "2019-12"),
        ("METHODS: Adults admitted between 31/01/2015 and 30/06/2019 were included (n = 300).", "2015-01", "2019-06"),
        ("METHODS: Adults admitted between 1/3/2015 and 2/5/2019 were included (n = 300).", "2015", "2019"),
        ("METHODS: Adults admitted from 1/15/2015 to December 2019 were included (n = 300).", "2015-01", "2019-12"),
        ("METHODS: Adults admitted from 2015-01-01 to 2019-12-31 were included (n = 300).", "2015-01", "2019-12"),
        # "and" joins a range after "between" (with "the years" between), or two adjacent years
        ("Adults treated between the years 1994 and 2009 were reviewed.", "1994", "2009"),
        ("We interviewed 40 carers in 2015 and 2016.", "2015", "2016"),
        # a range within one year, with its days
        ("RESULTS: Between March 3 and June 28, 2016, 96 individuals were referred.", "2016-03", "2016-06"),
        ("The cross-sectional study was conducted from February 25 to March 10, 2013 among 210 welders.", "2013-02", "2013-03"),
        # a year glued to the next count by a comma (no thousands group: two digits follow)
        ("METHODS: From March 2011 to June 2014,38 patients were treated.", "2011-03", "2014-06"),
        # months of one year after 'in', or with no cue in a Setting line (audit 13)
        ("A survey was conducted in April to June 2017 among 310 nurses.", "2017-04", "2017-06"),
        ("SETTING: A regional burns unit, March through November 1998. PATIENTS: 54 adults.", "1998-03", "1998-11"),
        ("Schools were selected from May to July, 2012 for a noise survey.", "2012-05", "2012-07"),
        # tests or examinations carried out over a span of years
        ("The data came from 12 000 hearing tests carried out from 1979 to 1986.", "1979", "1986"),
        # what was gathered in the window: a questionnaire completed, incidents that occurred (session 6)
        ("Between March 2019 and January 2020, 845 nurses completed the questionnaire.", "2019-03", "2020-01"),
        # months of one year joined by a dash (audit 24)
        ("Adults were enrolled at the clinic (April 7-September 8, 2023).", "2023-04", "2023-09"),
        ("We describe the awareness incidents that occurred across the region between January to December, 2015.",
         "2015-01", "2015-12"),
        # a study's own window, whatever it reviewed in passing or pooled as a method (audit 27)
        ("We analysed registry data of 300 adults for the period 2007-2014. In addition, we reviewed the current "
         "policy.", "2007", "2014"),
        ("Admissions were collected between 2001 and 2012 and pooled by random-effects meta-analysis.", "2001",
         "2012"),
        # infants born in a window are included at birth
        ("All 820 infants born between 2011 and 2016 at the unit were included.", "2011", "2016"),
        # an end year written with its last two digits (audit 29)
        ("Noise exposure of 300 dock workers was studied over the period 1971-88.", "1971", "1988"),
        ("Data from the 1985-87 national survey of 4,000 workers were analysed.", "1985", "1987"),
        # two phases or groups of one study, each with its range, in one sentence (audit 29)
        ("Sixty adults received usual care (May 2017-June 2018) and 60 later adults followed the new pathway "
         "(July 2018-December 2019).", "2017-05", "2019-12"),
        ("We identified 300 admissions of adults, 160 during the heat wave (2021-22) and 140 in the control "
         "period (2020-21).", "2020", "2022"),
        ("A total of 41 patients underwent open repair between 2004 and 2008, while 39 underwent keyhole repair "
         "between 2009 and 2013.", "2004", "2013"),
        # when the procedures studied occurred (audit 39)
        ("METHODS: We reviewed 70 hip revisions. These operations occurred between 2006 and 2013.", "2006", "2013"),
        # the years at a sentence's end, after what the people gave (audit 37)
        ("METHODS: A total of 380 women provided blood and urine samples, 2004-2008.", "2004", "2008"),
        # a search of the authors' own records dates their series, not a literature search (audit 36)
        ("METHODS: We searched the records to identify all adults who underwent a biopsy during a 10-year period "
         "(May 2001 through April 2011).", "2001-05", "2011-04"),
        # deaths or mortality data obtained for a window (audit 46)
        ("METHODS: Daily mortality data were obtained from 210 cities for the period 2005-2015.", "2005", "2015"),
        ("METHODS: Daily counts of deaths were extracted from vital registration between 2001 and 2019.", "2001", "2019"),
        # an ordinal day before the month (audit 47)
        ("Between 3rd January 2012 and 28th December 2016, 210 consecutive patients underwent implantation.",
         "2012-01", "2016-12"),
        ("Patients admitted from the 1st of July 2019 to the 31st of December 2021 were included.", "2019-07", "2021-12"),
        # the Methods' window over the Background's, and another study's window skipped (audit 47)
        ("BACKGROUND: A population survey carried out in Norway from 1995 to 1997 showed much neck pain. METHODS: "
         "Participants were recruited between 2018 and 2020.", "2018", "2020"),
        ("An earlier registry analysis of patients treated between 1995 and 2004 reported a 5-year survival of 60%. "
         "We reviewed 120 patients treated between 2010 and 2019.", "2010", "2019"),
        ("A retrospective study conducted between 2010 and 2015 at our institution found 45 patients with abscess.",
         "2010", "2015"),
        # the data's source and its window, the cohort in the next sentence (audit 47)
        ("METHODS: Data were drawn from the National Surgical Quality Improvement Program between 2012 and 2018. "
         "We included 4,310 patients who underwent lumbar fusion.", "2012", "2018"),
        ("Data were obtained from the Trauma Quality Improvement Program from 2015 to 2018. During the study period, "
         "9,402 patients were included.", "2015", "2018"),
        # the cohort named by its occupation in an aim, or 'our experience' (audit 46)
        ("AIMS: To report our experience in reducing hearing loss among employees of three smelters over the period "
         "2008-15.", "2008", "2015"),
        ("AIMS: To describe hearing outcomes in workers of a steel plant over the period 1998-2006.", "1998", "2006"),
        # records of persons, or records with the persons named, keep their window (audit 48)
        ("METHODS: This study analysed hospital admissions for heat stroke recorded between 2000 and 2015.",
         "2000", "2015"),
        ("METHODS: Blood donations by 3,200 donors between 2010 and 2014 were analysed.", "2010", "2014"),
        # when the data were gathered (session 15)
        ("METHODS: Data collection took place between 2011 and 2014; every survivor was asked to take part.",
         "2011", "2014"),
        ("METHODS: Data collection ran from March 2016 to May 2017 at two clinics.", "2016-03", "2017-05"),
        # months of one year, the year after 'of' (session 17)
        ("METHODS: Between January and March of 2014, 176 adults completed a questionnaire.", "2014-01", "2014-03"),
        # a search of the authors' own records; a window opening its sentence with the people counted (audit 18)
        ("METHODS: A search of the electronic medical record using a record search tool identified all children "
         "who underwent biopsy during a 10-year period (May 2002 through June 2012).", "2002-05", "2012-06"),
        ("We ran a walk-in service. From March 3, 2014 to March 2, 2016, 87 persons sought advice.", "2014-03",
         "2016-03"),
        # one year of inclusion, with the people's plural verb or the study's own (audit 18)
        ("METHODS: We linked claims of 2,100 adults who were treated in 2009 at 120 hospitals.", "2009", "2009"),
        ("METHODS: A cross-sectional survey was conducted in Norway in 2013 among 1,800 workers.", "2013", "2013"),
        ("METHODS: Population survey data (n = 3,100) were collected in 2017.", "2017", "2017"),
        # two months of one year joined by 'and' (audit 18)
        ("In March and April 2003, we tested hearing in 64 quarry workers.", "2003-03", "2003-04"),
        ("PATIENT(S): All IVF pregnancies between March 1998 and May 2012.", "1998-03", "2012-05"),
        ("METHODS: We reviewed 88 of the 120 patients treated at the district hospital during the year 2004.", "2004",
         "2004"),
        ("METHODS: We surveyed adults who underwent hip surgery in 2018 at our hospital.", "2018", "2018"),
        # a month and its year joined by a slash; a data set said to contain the people (session 19)
        ("METHODS: From June/1995 to May/2004, 31 children received implants.", "1995-06", "2004-05"),
        ("METHODS: The data contained 12,400 players who logged in at least once from March 2016 to May 2017.",
         "2016-03", "2017-05"),
        # one year opening the sentence, then the people and their inclusion verb (session 19)
        ("METHODS: In 2016, gay men were recruited through dating apps and completed an online survey.", "2016",
         "2016"),
        ("During 2003, before the new law, about 700 pupils from five schools completed a questionnaire.", "2003",
         "2003"),
        # two waves of a survey joined by 'and': its first and last year (session 19)
        ("METHODS: Data came from the 2009 and 2012 cross-sectional waves of a provincial gambling survey.", "2009",
         "2012"),
        ("METHODS: We used the 2005 and 2010 rounds of a household survey (n = 9,812).", "2005", "2010"),
        # a numeric month and its year joined by a hyphen (session 20)
        ("METHODS: Patients treated between 3-2004 and 11-2018 were reviewed.", "2004-03", "2018-11"),
        # the day before its month, the year after 'in' (session 20)
        ("METHODS: Data were collected from 3rd April to 28th July 2018 in two clinics.", "2018-04", "2018-07"),
        ("METHODS: Patients admitted from March 2 to April 9 in 2021 were included.", "2021-03", "2021-04"),
        # a window of days within one month (session 20)
        ("METHODS: We reviewed 91 patients admitted from March 3 to 19, 2021.", "2021-03", "2021-03"),
        ("METHODS: From 12 to 28 June 2019, 310 residents were surveyed.", "2019-06", "2019-06"),
    ],
)
def test_design_period_of_inclusion(extract, text, start, end):
    p = _design(extract, text).period
    assert p is not None
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize(
    "text",
    [
        "We searched PubMed for articles published between 1990 and 2020.",
        "Patients were followed until 2021.",
        "Since 1990, incidence has doubled in the region.",
        "Patients admitted in 2019, with follow-up through 2020-2022, were surveyed.",
        "The odds ratio was 1.28-1.43 for the exposed group.",
        # a year is not the tail of a decimal number
        "Patients treated had ratios of 1.2010 to 1.2015 in the assay.",
        # two dates joined by "and" are no range ("in 1998 and 2005-2008", survey waves)
        "Field surveys of workers were conducted in 1978 and 1983.",
        "Re-examinations of the cohort were carried out in 1996 and 2004-2006.",
        "Data were taken from the 2008 and 2014 waves of a survey of 9,000 adults.",
        # two months of one year joined by 'and' without 'between' are two waves
        "Surveys of 300 nurses were conducted in March and October 2020.",
        # a national statistic in the background is not this study's period
        "During 2011-2012, 21 million adults exhibited hearing damage.",
        # a survey of people licensed in a window is no survey of that window (session 6)
        "A survey was mailed to 900 hygienists who had obtained their licenses between 1972 and 1992.",
        # a review's years date its search or the studies it read (audit 27)
        # when the people were born is no inclusion window (audit 30)
        "We interviewed 25 retirees born between 1944 and 1956 about their gambling.",
        # a year and month written ISO style, and a short end year back across a century, are no range
        "Patients were enrolled in 2014-06 and followed for a year.",
        "Patients were enrolled 1998-03 at the clinic.",
        "Patients were enrolled 1997-02 at the clinic.",
        "This scoping review mapped studies of heat waves and admissions in Europe (2003-2019).",
        "For this systematic review, research on wildfires in the park from 2004 to 2019 was analysed.",
        # a review's data window, the review named with two adjectives or as quantitative (audit 46)
        "METHODS: Through a systematic and quantitative review of the literature we compiled 120 field surveys of "
        "bees collected between 1990 and 2015.",
        "Through a quantitative review of the literature, we compiled 80 studies. Data were collected from 1973 to 2017.",
        # ... not deaths estimated, nor other data obtained (audit 46)
        "Between 1997 and 2006, wildfire smoke was estimated to cause 339 000 deaths a year worldwide.",
        "METHODS: Satellite fire counts were obtained from MODIS for 2001-2019.",
        # a share told for a window is no inclusion period (session 12)
        "METHODS: We studied 84 patients. RESULTS: Overall, 87% received dialysis (92% in 2020-2023).",
        "RESULTS: Only 4 patients were transplanted and only 1 (4%) in 2020-2023.",
        # ... not a search window, nor two dates (audit 47)
        "We searched MEDLINE for articles published between 1st January 2000 and 31st December 2020.",
        "The protocol was approved on 12th May 2018, and the first of 60 patients was enrolled on 3rd June 2018.",
        # another study's window: an indefinite study that found something (audit 47)
        "A nationwide survey conducted in Canada between 2005 and 2010 found that one in five adults had hearing loss.",
        "A national cohort study performed from 2001 to 2009 showed a doubled risk of stroke in smokers.",
        # ... not exposure data, nor other data (audit 47)
        "Air-quality data were obtained from the Environmental Protection Program from 2005 to 2010. We enrolled 80 "
        "asthmatic children in 2012.",
        "Satellite data were obtained from NASA from 2001 to 2019. We included 40 fire seasons.",
        # ... not a population's trend (audit 46)
        "The number of mining employees in Australia rose over the period 2006-13, according to national statistics.",
        # ... nor records of no persons: donations, reports, advertisements (audit 48)
        "METHODS: This study analysed political donations received by parties during the period 2001-2019.",
        "METHODS: This study analysed gambling advertisements broadcast on television between 2015 and 2018.",
        "METHODS: Programme progress reports (submitted March 2012-May 2015) were analysed thematically.",
        # ... nor the years a document was written (audit 49)
        "METHODS: Between 2006 and 2009, the existing guidelines were developed into a third generation of "
        "guidelines for the intensive care unit.",
        # ... nor a collection that is no data collection (session 15)
        "METHODS: Specimens from a museum collection of bees gathered from 1990 to 2005 were modelled.",
        # ... nor people counted elsewhere in the sentence than right after the window that opens it (audit 18)
        "METHODS: A survey was mailed to 900 dental nurses who had obtained their licences between 1975 and 1995.",
        "BACKGROUND: Nationally, 140 young persons have been reported missing between 2009 and 2015.",
        "METHODS: We searched PubMed and Embase from January 1990 to December 2015 for trials.",
        # ... nor one person's history, a first use, a year still to come or a compared survey's year (audit 18)
        "CASE: A 51-year-old woman was admitted in 2012 with fever.",
        "CASE: A 51-year-old woman who underwent surgery in 2012 presented with fever.",
        "The technique was first performed in 1998 in Japan.",
        "Inclusion started in May 2019; 40 men were included so far and baseline data will be available in 2021.",
        "A telephone survey of 90 residents in 2001 was compared with a survey conducted in 1994.",
        "METHODS: The questionnaire was sent in 2009 and 2012 to the same towns.",
        "BACKGROUND: In 2010, 800 people died of the disease in the country.",
        "METHODS: In 2024, 90 adults will be recruited from two clinics.",
        "BACKGROUND: In 2005, 40 cases were reported to the national registry.",
        # records that hold no person (session 20)
        "METHODS: Pump maintenance records were reviewed for May-June, 2018, in the three villages.",
        # decimals are no dotted dates: a month's number has two digits unless a day comes first
        "METHODS: In 40 patients treated at our clinic, the ratio rose from 1.2010 to 1.2015.",
        "METHODS: In 30 patients enrolled at our clinic, levels ranged from 12.2010 to 14.2015 ng/mL.",
    ],
)
def test_design_period_not_taken_from_other_dates(extract, text):
    assert _design(extract, text).period is None


def test_design_period_is_the_first_inclusion_window(extract):
    text = (
        "Adults registered between 2001 and 2019 were eligible. The survey was conducted from 2020 to 2021."
    )
    p = _design(extract, text).period
    assert (p.start, p.end) == ("2001", "2019")


@pytest.mark.parametrize(
    ("text", "centers"),
    [
        ("We reviewed patients treated at a tertiary and a private hospital between 2015 and 2020.", 2),
        ("Data came from an academic and a regional cancer center.", 2),
        ("We studied adults admitted to a tertiary hospital in 2019.", None),
    ],
)
def test_design_two_named_centres(text, centers):
    import studyfacts

    design = studyfacts.extract(text).design
    assert design.centers == centers
    assert design.multicenter is (True if centers else None)


# The period rule opens with a look-ahead naming every character a match can begin with
# (a shortcut for the scan): with it or without it, the same matches.
_PERIOD_PARTS = ["from ", "between ", "during ", "in ", "since ", "xmay ", "Dismay ", "May ", "june ",
                 "Sept. ", "1 ", "31st, ", "12/", "01/", "01.", "31.", "1.", "1/", "31/", "-01", "-31", "2010", "1999", "2021", " to ", " and ", "-", "–",
                 "/", ", ", " ", "(", ")", "a", "Q", "\u212a"]


_PERIOD_CASES = [  # one for each character a match can begin with
    "since 2010 to 2021", "Sept. 2010 - March 2012", "from May 2008 to September 2020", "during 2001-2003",
    "between 2010 and 2015", "in 2010 and 2012", "1 June 2001 and 31 May 2005", "12/2010 to 01/2012",
    "April 2011 through August 2012", "October 2010 to November 2011", "July 2014-January 2016",
    "Feb 2012 to Dec 2013", "(1999-2004)", "2005 until 2009", "JANUARY 2001 TO MARCH 2003",
    "01.2010 to 12.2015", "31.12.2009 - 1.3.2012", "1/1/2015 and 12/31/2019", "2015-01-01 to 2019-12-31",
]


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.sampled_from(_PERIOD_CASES), st.lists(st.sampled_from(_PERIOD_PARTS), max_size=16).map("".join)))
def test_design_period_lookahead_changes_no_match(text):
    import regex

    from studyfacts.components.base import family_rules

    (rule,) = [cr for cr in family_rules("design") if cr.id == "design.period"]
    assert rule.regex is not None and rule.regex.pattern.startswith("(?=[")
    plain = regex.compile(rule.regex.pattern[rule.regex.pattern.index("]") + 2 :], rule.regex.flags)
    assert [m.span() for m in rule.regex.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _sections_reference(text: str) -> list[tuple[int, str]]:
    """The headings found the plain way: every place `_HEADING_AT` finds (and the text's start, and the word
    before each colon), `_HEADING` tried at each."""
    from studyfacts.components.design import _HEADING, _HEADING_AT, _HEADING_FIRST, _INLINE_HEADING

    first = _HEADING_FIRST.match(text)
    ats = [first.end()] if first is not None else []
    ats.extend(m.end() for m in _HEADING_AT.finditer(text, first.end() if first is not None else 0))
    for colon in (i for i, ch in enumerate(text) if ch == ":"):
        m = _INLINE_HEADING.search(text, max(0, colon - 40), colon)
        if m is not None:
            ats.append(m.start("w"))
    got = []
    for at in sorted(set(ats)):
        m = _HEADING.match(text, at)
        if m is not None:
            got.append((m.start("h"), " ".join(m.group("h").lower().replace("(s)", "s").split("/")[0].split())))
    return got


SECTION_TEXTS = [
    "BACKGROUND: Pain is common. METHODS: We enrolled 40 adults. RESULTS: Pain fell. CONCLUSIONS: It works.",
    "Background- Shunts are common. Methods and Results- The present study included 139 adults. Conclusions- Yes.",
    "Would training help? METHODS: Forty adults. (ICBA) Objective: To test. \"threats.\" Design: A trial.",
    "Objective(s): To test. Patient(s): Twelve adults. Result(s): All improved. +Methods: none. ., RESULTS: x",
    "METHODOLOGY/PRINCIPAL FINDINGS: A total of 52 MSM. Conclusions/Significance: Risk was high.",
    "  \nMethods: text. under spinal anesthesia Design: A randomized trial Subjects: Ninety women. STUDY OUTLINE: x",
    "Main results We included 12 trials. Authors' conclusions High-quality evidence is lacking.",
    "The study. We found. In 2019. Patients-reported x. RESULTS The mean was 4.",
]


@pytest.mark.parametrize("text", SECTION_TEXTS)
def test_sections_scan_finds_what_the_plain_way_does(nlp, text):
    from studyfacts.components.base import TEXT_KEY
    from studyfacts.components.design import sections

    doc = nlp.make_doc(text)
    doc.user_data[TEXT_KEY] = text
    assert sections(doc) == _sections_reference(text)


def test_sections_scan_finds_what_the_plain_way_does_on_real_abstracts(nlp):
    """Every 4th abstract of the shared corpus: the one scan finds the headings the place-by-place tries do."""
    import itertools

    from studyfacts.components.base import TEXT_KEY
    from studyfacts.components.design import sections

    from .conftest import corpus_abstracts

    checked = 0
    for text in itertools.islice((t for t in corpus_abstracts() if len(t) < 20_000), 0, None, 4):
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        assert sections(doc) == _sections_reference(text), text[:80]
        checked += 1
    assert checked > 1200
