"""The design fact family: retrospective / prospective / randomised / multicentre /
consecutive flags, the number of centres and the inclusion period.

Flags are True only when the abstract says so and stay None otherwise (never
False): "non-randomised" simply does not match the randomised rule. A period
is kept only when its sentence is about who was studied when (treated,
enrolled, identified, admitted, study conducted), not a literature search or
a follow-up end date.

Also home of the small text helpers the cohort and follow-up families share:
sentence bounds and the section an offset falls in.
"""

from __future__ import annotations

from typing import Any, cast

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Period, Span
from ..numbers import SEPARATOR_SPACES, expand, parse_int
from ..regexcache import cached_compile
from ..rules import Gate, Hit, lexicon_alternation, load_lexicon, phrase_alternation
from .base import Draft, FactComponent, doc_scan, doc_text, hits_of, sentence_at

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
# not inside a number ("1.2016", "12,2010"); after a letter's full stop it may be ("Feb.2016");
# nor followed by decimals or a thousands group ("2013.5", "2013,456"); "January 2013,42 patients"
# (a missing space) ends the year
_YEAR_DIGITS = r"(?:19[4-9]\d|20[0-3]\d)(?!\d|\.\d|,\d{3}(?!\d))"
_YEAR = rf"(?<![\d,]|\d\.){_YEAR_DIGITS}"


_OWN_RECORDS = (
    r"(?:(?:the|our|all|their)\s+)?(?:[\w-]+\s+){0,2}?(?:records?|charts?|files?|notes|registr(?:y|ies)|archives?|logs?"
    r"|institutional|hospital|departmental)\b"
)


def _date(i: int) -> str:
    # "May 2008", "December, 2017", "1 June 2001", "15th February 2019", "the 1st of July 2019", "June 1, 2001",
    # "01/2012", "7-2003", "2008"; "Feb.2016": an abbreviated month's full stop may stand for the space;
    # "March/1977": a slash; with full stops, day first as Europe writes it: "01.2010" (the month's two
    # digits: "1.2010" is a decimal), "31.12.2015", "1.3.2014", whose year is `_YEAR_DIGITS` without
    # `_YEAR`'s look-behind (which refuses "digit." before a year, a decimal)
    return (
        # ISO, with its day ("2015-01-01"; "2010-11" alone may be two years), tried first: its year alone
        # would do for the form below
        rf"(?:(?P<y{i}>{_YEAR})-(?P<n{i}>0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
        rf"|(?:(?:(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?P<m{i}>{_MONTH})(?:,?\s+|(?<=\.)|/)(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
        rf"|(?<![\d.,])(?P<n{i}>0?[1-9]|1[0-2])[/-](?={_YEAR}))?(?P<y{i}>{_YEAR})"
        rf"|(?<![\d.,])(?:(?:0?[1-9]|[12]\d|3[01])\.(?P<n{i}>0?[1-9]|1[0-2])|(?P<n{i}>0[1-9]|1[0-2]))\.(?P<y{i}>{_YEAR_DIGITS})"
        # a date in slashes, "1/1/2015", "12/31/2019", "31/12/2019": month or day first, which `_slashed_months`
        # tells from the two dates together
        rf"|(?<![\d.,/])(?P<da{i}>0?[1-9]|[12]\d|3[01])/(?P<db{i}>0?[1-9]|[12]\d|3[01])/(?P<y{i}>{_YEAR})"
        rf")"
    )


EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("PERSON", lexicon_alternation("person_nouns", "strong", fold_case=True)),
    ("SEXNOUN", lexicon_alternation("person_nouns", "sex", fold_case=True)),
    # words that may sit between a count and "centers": "two academic centers", "three tertiary care centres"
    (
        "CENTER_ADJ",
        r"academic|university|tertiary|teaching|referral|participating|speciali[sz]ed|different|separate"
        r"|independent|major|large|general|community|public|private|regional|national|international"
        r"|clinical|medical|cancer|trauma|care|high-volume|affiliated|urban|rural|health|research"
        r"|oncology|comprehensive|surgical|orthopa?edic|spine|neurosurgical|pa?ediatric|children's"
        r"|european|american|asian|chinese|japanese|korean|german|french|italian|dutch|swiss|us|uk"
        r"|level|i|ii|iii|tertiary-care|hospital|interventional|radiology|dialysis|primary|secondary|veterans",
    ),
    # what the authors search when they search their own series, not the literature: "We searched the records
    # to identify all patients who ...", "searched our institutional database"
    ("OWN_RECORDS", _OWN_RECORDS),
    ("MONTH", _MONTH),
    ("YEAR", _YEAR),
    ("DATE_A", _date(1)),
    ("DATE_B", _date(2)),
)

# "in 1998 and 2005-2008", "in 1977 and 1981": two dates joined by "and" make a range only after
# "between" ("between the years 1996 and 2011") or when they are adjacent years ("in 2016 and 2017")
_AND = cached_compile(r"\band\b", regex.IGNORECASE)
_BETWEEN_BEFORE = cached_compile(r"\bbetween\s+(?:the\s+)?(?:(?:calendar\s+)?years?\s+|period\s+)?$", regex.IGNORECASE)
# "the 2009 and 2012 cross-sectional waves of the survey", "the 2005 and 2010 rounds": two samples of a repeated
# survey, the data's first and last year; not a panel's waves ("the 2008 and 2014 waves" may be a baseline and its
# follow-up, whose later year ends no inclusion)
_WAVES_AFTER = cached_compile(
    r"\s+(?:(?:national|annual|biennial|survey)\s+)?(?:cross-sectional\s+(?:survey\s+)?waves"
    r"|(?:(?:national|annual|biennial|survey|cross-sectional)\s+)?(?:rounds|cycles|editions))\b",
    regex.IGNORECASE,
)

_MONTHS = {
    m: i
    for i, m in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}

# Section headings as structured abstracts print them ("METHODS:", "Results -", "Background"; the American
# Heart Association's journals join two: "Background- ... Methods and Results- ... Conclusions-").
# Headings start a sentence with a capital; `_HEADING_AT` finds those places fast, `_HEADING` reads them.
# "...reagents., RESULTS: Among": a capitalised heading after a stray comma is a heading too
# Each alternative opens with its character, not a look-behind or "^" (which regex tries at
# every position, three times slower); the text's start is `_HEADING_FIRST`'s.
# "... result in increased serum BDNF? METHODS: Fifty-six ...", '... "threats." Design: ...', "... (ICBA) Objective:":
# after a question, a closing quote or bracket as after a full stop
# "...young adults., Method: College-age students": after a full stop and a stray comma, any
# capitalised heading; "...under spinal anesthesia Design: A randomized ... Subjects: Ninety
# women": a flattened structured abstract's heading with no full stop before it
_HEADING_AT = cached_compile(r"[.:>\n/?!\"'’”)\]+],?\s{0,3}(?=[A-Z])|,(?=\s{0,3}[A-Z]{4,}\s*:)\s{0,3}")
# found from each colon, not tried at every space: a heading with no full stop before it
_INLINE_HEADING = cached_compile(
    r"(?<=[a-z0-9)&]\s)(?P<w>Design|Setting|Subjects|Participants|Patients|Interventions?|Methods?|Results?|Conclusions?"
    r"|Main\s+outcome\s+measures?|DESIGN|SETTING|SUBJECTS|PARTICIPANTS|INTERVENTIONS?|RESULTS?|CONCLUSIONS?)\s*$"
)
_HEADING_FIRST = cached_compile(r"\s{0,3}(?=[A-Z])")
_HEADING = cached_compile(
    r"(?P<h>background|introduction|objectives?|aims?|purpose|importance|context|rationale"
    r"|(?:materials?(?:\(s\))?|patients|subjects)\s+and\s+methods?|methods?\s+and\s+(?:results|analysis)|methodology"
    r"|methods?|m[ée]thodes?|principal\s+findings"
    r"|(?:study\s+|research\s+)?design(?:,?\s+(?:and\s+)?(?:setting|participant|method)(?:s|\(s\))?)*|settings?"
    r"|participants?|patients|patient(?=\(s\))|subjects|interventions?|measurements|main\s+outcomes?\s+(?:and\s+)?measures?|results?"
    r"|findings|conclusions?(?:\s+and\s+relevance)?|interpretation|limitations|discussion)"
    # Embase prints "Objective(s):", "Participant(s):", "Result(s):"; PLOS joins two headings with a slash
    # ("Methodology/Principal Findings:", "Conclusions/Significance:"), read as the first
    r"(?:\(s\))?(?:(?<=\))|\b)(?:/[a-z]+(?:\s+[a-z]+)?(?=\s*:))?(?:\s*[:\-–—]|(?-i:(?<=[A-Z]{4,})\s*(?=[A-Z0-9])))"
    # Cochrane's headings often come without a colon ("Main results We included ..."), and are
    # distinctive enough to be read as headings without one.
    r"|(?P<h>search\s+methods|selection\s+criteria|data\s+collection\s+and\s+analysis|main\s+results"
    r"|authors['’]?\s+conclusions)\b"
    # any other heading in capitals ("STUDY OUTLINE:", "KEY FINDINGS:") ends the section before it
    # and opens one read as the abstract's body
    r"|(?P<h>(?-i:[A-Z]{3,}(?:\s+[A-Z]{2,}){0,3}))\s*:",
    regex.IGNORECASE,
)
# `_HEADING_AT` and `_HEADING` as one scan: each place a heading may start, kept only where one does (a
# look-ahead, so the places are those `_HEADING_AT` finds, its matches being the same); one regex call a text
# instead of one at each capitalised sentence start, where a call costs more than the failing match itself
_HEADING_SCAN = cached_compile(rf"(?:{_HEADING_AT.pattern})(?=(?i:{_HEADING.pattern}))")
_INTRO = {"background", "introduction", "importance", "context", "rationale"}
_AIM = {"objective", "objectives", "aim", "aims", "purpose"}
_END = {"conclusion", "conclusions", "conclusions and relevance", "interpretation",
        "discussion", "limitations", "authors' conclusions",
        "authors’ conclusions", "authors conclusions"}

# A period's sentence must say who was studied when; these cues say so.
_PERIOD_CUE = cached_compile(
    r"\b(?:treated|underwent|undergoing|undergone|enrolled|enrol(?:l)?ment|included|inclusion|identified"
    r"|admitted|admissions?|recruited|recruitment|operated|conducted|performed|diagnosed|hospitali[sz]ed"
    r"|reviewed|registry|register|database|collected|data\s+collection|cohort|retrospective(?:ly)?|prospective(?:ly)?"
    r"|study|studied|patients|participants|cases|survivors|consecutive|presented|received|analy[sz]ed"
    r"|evaluated|assessed|examined|born|births?|managed|implanted|ablated|screened|visited|seen|setting"
    r"|registered|eligible|eligibility|surveyed|interviewed|carried\s+out|archives?|records|charts"
    r"|completed\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:survey|questionnaire)s?"
    r"|data(?:\s*set)?\s+(?:contained|contains|comprised|included|covered|consisted\s+of)"
    r"|referred|individuals|subjects|children|respondents|volunteers|recipients|selected|sampled"
    r"|provided|samples|occurred|resections|procedures|operations|surgeries|pregnancies|deliveries"
    r"|cent(?:er|re)s?|hospitals?|institutions?|clinics?|units?|departments?|wards?|ICUs?"
    # what was gathered or counted in the window: "845 nurses completed the questionnaire", "awareness
    # incidents that occurred between January and December 2015"; not any survey ("a survey was mailed to
    # hygienists licensed between 1972 and 1992", "surveys from 1985 to 2005" reviewed)
    r"|completed\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:surveys?|questionnaires?)|(?:survey|questionnaire)\s+data"
    r"|(?:surveys?|questionnaires?)\s+(?:was|were)\s+(?:sent|administered|conducted|distributed|completed|carried)"
    # deaths or mortality data obtained for the window: "Data on daily deaths were obtained from 749 locations ...
    # from 2000 to 2016" (not any data obtained: "satellite fire counts were obtained for 2001-2019")
    r"|(?:deaths|mortality)\b[^.;]{0,80}?\b(?:obtained|extracted|retrieved|compiled)"
    r"|(?:obtained|extracted|retrieved|compiled)\b[^.;]{0,60}?\b(?:deaths|mortality)"
    # "To report our experience ... in employees of three smelters over the period 2006-13"
    r"|(?:our|their)\s+experience"
    r"|(?:in|among)\s+(?:[\w-]+\s+){0,2}?(?:employees|workers|miners|personnel|soldiers|veterans|firefighters)"
    r"|interviews?|incidents?|episodes)\b",
    regex.IGNORECASE,
)
# a window told with the data's source, the cohort in the next sentence: "Data were obtained from the Trauma
# Quality Improvement Program from 2017 to 2019. During the study period, 16 016 patients were included."
_DATA_FROM = cached_compile(
    r"^\s*(?:[A-Z][\w()]*(?:\s+[A-Za-z()]+){0,3}\s*:\s*)?(?:(?:patient|patients'|clinical|registry|administrative|claims"
    r"|hospital|national|the)\s+)?(?:data|records)\s+(?:were|was)\s+(?:obtained|drawn|extracted|retrieved|sourced)\s+from\b",
    regex.IGNORECASE,
)
_COHORT_NEXT = cached_compile(
    rf"\b\d[\d, {SEPARATOR_SPACES}]*\s+(?:[\w-]+\s+){{0,3}}?(?:patients|participants|adults|children|women|men|subjects|individuals)"
    r"\b[^.;]{0,80}?\b(?:were|was)\s+(?:\w+\s+)?(?:included|enrolled|analy[sz]ed|identified|studied)\b"
    r"|\bwe\s+(?:included|enrolled|analy[sz]ed|identified|studied)\s+(?:a\s+total\s+of\s+)?\d",
    regex.IGNORECASE,
)
# a window that dates records of no persons: "donations received by politicians ... during the period 1998-2018",
# "progress reports (submitted July 2010-June 2013)" (design_cues.json, records_of_no_persons); unless a person
# noun stands between them or before ("Blood donations by 3,200 donors between 2010 and 2014")
_RECORDS_NOT_PERSONS = cached_compile(
    rf"\b(?:{lexicon_alternation('design_cues', 'records_of_no_persons')})\b[^.;]{{0,140}}$", regex.IGNORECASE
)
# a person noun: the component's own fragments (EXTRA_FRAGMENTS), not the lexicon read again
_PERSON_WORD = cached_compile(
    rf"\b(?:{dict(EXTRA_FRAGMENTS)['PERSON']}|{dict(EXTRA_FRAGMENTS)['SEXNOUN']})\b", regex.IGNORECASE
)
# people counted right after the window that opens their sentence: "From September 5, 2013 to September 4, 2015,
# 112 persons sought PEP" (not people anywhere in it: "hygienists who had obtained their licenses between 1972 and
# 1992", "165 trans persons have been reported murdered ... between 2008 and 2016"), and not a population's
# estimate ("During 2011-2012, 21 million adults exhibited hearing damage")
_PEOPLE_AFTER_WINDOW = cached_compile(
    rf"\s*,\s*(?:a\s+total\s+of\s+)?\d[\d,]*\s+(?:(?!(?:million|billion|thousand|hundred|percent|per)\b)[\w-]+\s+){{0,2}}?(?:{dict(EXTRA_FRAGMENTS)['PERSON']}|{dict(EXTRA_FRAGMENTS)['SEXNOUN']})\b",
    regex.IGNORECASE,
)
# a window in which a document was written, not people included: "The guidelines were developed between 2006 and
# 2009 by a panel ..." (audit 49)
_DOCUMENT_DRAFTED = cached_compile(
    rf"\b(?:{lexicon_alternation('design_cues', 'drafted_documents')})\b[^.;]{{0,300}}?\b(?:were|was|been|is|are)\s+"
    rf"(?:\w+\s+)?(?:{lexicon_alternation('design_cues', 'drafting_verbs')})\b",
    regex.IGNORECASE,
)
# a number that may be a year, written without a separator ("1,936 hospitals" is a count)
_PLAIN_YEAR = cached_compile(r"(?:19|20)\d\d")
# a share told for a window: "(92% in 2020-2023)", "96% in 2020-2023", "only 1 (4%) in 2020-2023"
_SHARE_IN_WINDOW = cached_compile(
    r"\d+(?:[.\u00b7]\d+)?\s*%\s*[)\]]?\s*(?:(?:in|during|for|over|from|between)\s*)?$", regex.IGNORECASE
)
# ... and these make it something else: a literature search, a publication window, a follow-up end; not a
# search of the authors' own records ("A search of the electronic medical record utilizing a medical record
# search application ... during a 12.5-year period (July 1999 through January 2012)").
_PERIOD_VETO = cached_compile(
    rf"\b(?:published|publications?|search(?:ed|es)?(?<!\b(?:record|records|chart|charts|database|registry)\s+search(?:ed|es)?)"
    rf"(?!\s+(?:of\s+|in\s+|through\s+)?{_OWN_RECORDS})|literature|articles|MEDLINE|PubMed|Embase|Cochrane"
    r"|Web\s+of\s+Science|Scopus|trends?|projected|projections?|forecast)\b",
    regex.IGNORECASE,
)
# "with follow-up through June 2021", "followed until 2020": the end of follow-up, not inclusion.
_FOLLOWUP_END = cached_compile(
    r"\b(?:follow(?:ed)?[-\s]?(?:up)?|observed|tracked)\s+(?:\w+\s+){0,2}?(?:until|through|to|till)\s*$",
    regex.IGNORECASE,
)
# "people born between 1945 and 1955", "birth cohorts 1950-1959": when the people were born, not when they
# were included; but infants born in a window are included at birth ("all infants born between 2010 and 2015")
_BIRTHS_BEFORE = cached_compile(
    r"\b(?:born|births?|birth\s+(?:years?|cohorts?)|years?\s+of\s+birth)\s+(?:\w+\s+){0,2}?$",
    regex.IGNORECASE,
)
_BORN_INCLUDED = cached_compile(
    r"\b(?:infants?|neonates?|newborns?|bab(?:y|ies)|preterm|births|deliveries|delivered|twins)\b", regex.IGNORECASE
)
# "a previous study", "prior published trials": another study (patterns/lexicons/design_cues.json)
_EARLIER_STUDY_RE = (
    rf"\b(?:{lexicon_alternation('design_cues', 'not_this_study_before_a_study')})\s+(?:[\w-]+,?\s+){{0,3}}?"
    rf"(?:{lexicon_alternation('design_cues', 'study_nouns')})\b"
)
# "Further randomized trials are needed", "A randomized study will be necessary": not this study's design
# (the words: patterns/lexicons/design_cues.json, not_this_study); not in a relative clause about people
# ("patients who needed hamstring lengthening": their need, not a study still to come)
_NOT_THIS_STUDY = cached_compile(
    rf"\b(?:{lexicon_alternation('design_cues', 'not_this_study')})\b"
    # (the look-behind after the word, read back over it, so it is tried only where a word matched)
    rf"(?<!\b(?:{lexicon_alternation('design_cues', 'people_clause_openers')})\s+(?:[\w-]+\s+){{0,2}}"
    rf"(?:{lexicon_alternation('design_cues', 'not_this_study')}))"
    r"|\b(?:is|are|be)\s+(?:\w+\s+)?required\b"
    r"|(?<!\b(?:was|were|been)\s+(?:\w+\s+)?)\bplanned\b"
    rf"|(?<!\b(?:years?|months?|weeks?|days?)\s+)\bpreviously\b(?!\s+(?-i:[A-Z][a-z]+\s+[a-z]{{3,}}\b))(?!\s+(?:{lexicon_alternation('design_cues', 'patient_history_after_previously')})\b)"
    rf"|{_EARLIER_STUDY_RE}"
    # ... but not the source this study's people come from, in apposition to it or after "from/in the"
    # ("men from the Multicenter AIDS Cohort Study, an ongoing prospective study")
    r"|(?<!\b(?:study|cohort|trial|registry|survey|project)(?:\s*\([^()]{1,20}\))?,\s+(?:an?\s+)?)"
    r"(?<!\b(?:from|in|into)\s+(?:the\s+|an?\s+)(?:[\w'’-]+\s+){0,3}?)"
    rf"\b(?:{lexicon_alternation('design_cues', 'not_this_study_unless_a_source')})\b",
    regex.IGNORECASE,
)
# Where a not-this-study word reaches (a ConText scope): its own clause of the sentence. A clause ends at ";",
# at a comma before a word that opens the authors' own clause, and before a conjunction (design_cues.json,
# clause_openers, clause_conjunctions): "While prior studies are retrospective in nature, we have conducted a
# prospective study", "This prospective study was small, but further randomized trials are needed"
_CLAUSE_BREAK = cached_compile(
    r";|,\s+(?=(?:" + lexicon_alternation("design_cues", "clause_openers") + r")\b)"
    r"|\b(?=(?:" + lexicon_alternation("design_cues", "clause_conjunctions") + r")\b)",
    regex.IGNORECASE,
)
# A protocol's own future, which makes its "will be" (design_cues.json, tense_only) no study still to come:
# its people's allocation ("Participants will be randomised 1:1") or its study's conduct ("An open label
# randomised trial will be conducted among 150 men", "This study will be conducted in two hospitals")
_TENSE_ONLY = frozenset(w.lower() for w in load_lexicon("design_cues")["tense_only"])
_OWN_FUTURE = cached_compile(
    expand(r"\b(?:{PERSON}|{SEXNOUN})\b[^.;]{0,80}?\b(?:will|shall)\s+be\s+", dict(EXTRA_FRAGMENTS))
    + r"(?:" + lexicon_alternation("design_cues", "own_future_verbs") + r")\b"
    r"|\b(?:this|the|our|an?)\s+(?:[\w-]+,?\s+){0,6}?(?:study|trial|RCT)\s+(?:will|shall)\s+be\s+"
    r"(?:" + lexicon_alternation("design_cues", "study_conducted_verbs") + r")\s+(?:in|at|among|across)\b",
    regex.IGNORECASE,
)


def _clause(text: str, s: int, e: int, start: int, end: int) -> tuple[int, int]:
    """The bounds of the clause of the sentence `text[s:e]` that holds `text[start:end]` (see `_CLAUSE_BREAK`)."""
    lo, hi = s, e
    for m in _CLAUSE_BREAK.finditer(text, s, e):
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start()
            break
    return lo, hi


def not_this_study(text: str, s: int, e: int, start: int, end: int) -> bool:
    """Whether a word in the clause of `text[start:end]`, in the sentence `text[s:e]`, says the design it names is
    not this study's: another study's or one still to come (`_NOT_THIS_STUDY`), the protocol's own future
    excepted (`_OWN_FUTURE`)."""
    lo, hi = _clause(text, s, e, start, end)
    clause = text[lo:hi]
    own_future: bool | None = None
    for m in _NOT_THIS_STUDY.finditer(clause):
        if " ".join(m.group(0).lower().split()) in _TENSE_ONLY:
            if own_future is None:
                own_future = _OWN_FUTURE.search(clause) is not None
            if own_future:
                continue
        return True
    return False


# "two district and two specialist children's hospitals": the count before is of centres too, and their
# sum is not printed, so no number of centres is given (the flag holds: two and two are several)
_COUNT_JOINED_BEFORE = cached_compile(
    expand(r"(?<![\w.,])(?:{COUNT})\s+(?:[\w'’-]+\s+){1,3}?(?:and|or)\s+$"), regex.IGNORECASE
)
# an animal experiment's design, not a study of people: a sentence that names animals (person_nouns.json,
# animals; design_cues.json, animal_study_words) and no people ("Rats were randomly divided into four groups");
# gates, so that the ~99 % of abstracts that name no animal are answered from the shared literal index
_ANIMALS = Gate(
    # a flat list: its words are the literals the index answers (a trie's shared stems, "c", "ra", are in most texts)
    # longest first, ties alphabetical: a set's order changes with each process's hash seed, and
    # a pattern that differs from run to run is compiled (and written to regexcache) every time
    r"\b(?:" + phrase_alternation(sorted({w.lower() for w in load_lexicon("person_nouns")["animals"]["words"]}
                                          | {w.lower() for w in load_lexicon("design_cues")["animal_study_words"]},
                                          key=lambda w: (-len(w), w)))
    + r")\b"
)
_PEOPLE = Gate(_PERSON_WORD)  # the same people words as a gate, answered from the literal index


def _of_animals(text: str, s: int, e: int) -> bool:
    """Whether the sentence `text[s:e]` is about animals, naming no people."""
    return _ANIMALS.regex.search(text, s, e) is not None and _PEOPLE.regex.search(text, s, e) is None


# Another study's window: "An earlier registry analysis of patients treated between 1995 and 2004 reported ...",
# "A large-scale survey conducted in Europe between 2014 and 2021 identified 46 pesticides ..." (an indefinite
# study that found something, in a sentence that names no study of the authors')
_EARLIER_STUDY = cached_compile(_EARLIER_STUDY_RE, regex.IGNORECASE)
_CITED_FINDING = cached_compile(
    rf"^\s*(?:An?)\s+(?:[\w-]+,?\s+){{0,5}}?(?:{lexicon_alternation('design_cues', 'study_nouns')})\b"
    r"(?=[^.;]*\b(?:identified|found|showed|shown|reported|revealed|demonstrated|documented)\b)"
    r"(?![^.;]*\b(?:we|our|this|the\s+present|the\s+current)\b)",
    regex.IGNORECASE,
)
# "The STEPCARE trial is a multicenter, randomized trial in which three strategies will be studied", "The
# TTM2-trial is a multi-centre randomised clinical trial where ... will be compared":
# a sentence that says what this study is, whatever future it also names (a protocol).
_THIS_STUDY_IS = cached_compile(
    r"\b(?:this|our|the)\s+(?:[\w-]+\s+){0,3}?(?:\([^()]{0,150}\)\s+)?(?:\w+-)?(?:trial|study)\s+(?:is|was)\s+(?:a|an)\s+"
    r"(?:[\w-]+,?\s+){0,6}$"
    # "This protocol describes a randomized controlled trial that will be conducted": the planned study's own design
    r"|\b(?:this|our|the)\s+(?:study\s+|trial\s+)?protocol\s+(?:describes|outlines|presents|reports)\s+(?:the\s+design\s+of\s+)?"
    r"(?:a|an)\s+(?:[\w-]+,?\s+){0,6}$",
    regex.IGNORECASE,
)
# "BACKGROUND: ... To assess the effect of the drug, a randomized trial was performed ...": a Background
# sentence that states this study's own aim and what was done for it (not "A randomized trial was
# performed in 2010 and showed ...", another study's)
# ... or one that says, in the present tense, what this paper does in it ("The influence of VE on patients
# with an ICD is presented and analyzed in a prospective study"; not "was investigated in a prospective study")
_OWN_AIM_DONE = cached_compile(
    r"\s*(?:In\s+order\s+)?to\s+(?:assess|evaluate|investigate|determine|compare|examine|test|study|explore|clarify)\b"
    r"[^.;]{0,200}?\b(?:was|were)\s+(?:performed|conducted|carried\s+out|undertaken|designed|initiated)\b"
    r"|[^.;]{0,200}?\b(?:is|are)\s+(?:here\s+)?(?:presented|reported|described|analy[sz]ed|investigated|examined|evaluated"
    r"|assessed|studied|explored)(?:\s+and\s+(?:presented|reported|described|analy[sz]ed|investigated|examined|evaluated"
    r"|assessed|studied|explored))?\s+(?:here\s+)?in\s+(?:a|an|this|the\s+present)\s",
    regex.IGNORECASE,
)
# "BACKGROUND: ... This prospective longitudinal study investigated ...", "This study prospectively evaluates ...":
# a Background sentence whose subject is this study names its design in the subject or just after it
_THIS_STUDY_OPENS = cached_compile(
    r"\s*(?:(?:In|Here|Thus|Therefore|Hence),?\s+)?(?:this|the\s+present|the\s+current|our)\s+(?:[\w-]+,?\s+){0,4}?"
    r"(?:study|trial|analysis|investigation|research|work)\b(?:\s+[a-z]+ly\b)?",
    regex.IGNORECASE,
)
# a word of the authors' own work in a sentence: "we", "our", "this", "the present", "here"
_OWN_WORK = cached_compile(r"\b(?:we|our|this|the\s+(?:present|current)|here(?:in)?)\b", regex.IGNORECASE)
# what a cited review found: "Meta-analyses suggest that ...", "a systematic review has shown that ..."
_REVIEW_FINDING = cached_compile(
    r"\s+(?:(?!(?:we|our|this)\b)[\w,-]+\s+){0,6}?(?:"
    + phrase_alternation(load_lexicon("design_cues")["review_finding_verbs"])
    + r")\s+that\b",
    regex.IGNORECASE,
)
# "two individual metallic centers": centres that are no places a study ran at (design_cues.json, not_centres)
_NOT_CENTRES = frozenset(w.lower() for w in load_lexicon("design_cues")["not_centres"])
# "data prospectively collected" inside a retrospective study is how data were kept, not the design.
_PROSPECTIVE_DATA = cached_compile(
    r"^\s*(?:\w+\s+)?(?:collected|maintained|recorded|gathered|kept|entered|databases?|registry|registries|register|data)\b"
    # "analysis of data and prospective evaluation of quality of life": "and" begins another phrase
    r"|\b(?:data|database|registry)\s+(?:(?!(?:and|or)\b)\w+\s+)?$",
    regex.IGNORECASE,
)
# the people as the subject of "prospectively collected/enrolled": a prospective phase of this study's own cohort
# (not "data of 120 patients were", "patients whose data were"); or the second half of "were retrospectively
# reviewed from 2012 to 2016 and prospectively collected from 2017"
_PEOPLE_WERE = cached_compile(
    r"(?<!\b(?:data|records|information|charts|files)\s+(?:of|from|on|for)\s+(?:[\w,]+\s+){0,3})"
    r"\b(?:patients|participants|subjects|cases|children|adults|women|men|individuals|remaining|rest|others|latter)"
    r"\s+(?:(?!(?:data|records?|information|charts?)\b)\w+\s+){0,2}?(?:were|was)\s+$"
    r"|\b(?:were|was)\s+retrospectively\s+\w+[^.;]{0,60}?\band\s+$",
    regex.IGNORECASE,
)
_CENTER_STOP = {
    "of",
    "the",
    "in",
    "with",
    "and",
    "or",
    "from",
    "to",
    "at",
    "by",
    "other",
    "patients",
    "were",
    "was",
    "had",
    "for",
    "on",
    "who",
}


# --- helpers shared by the cohort and follow-up families -------------------


def _store(doc: Doc) -> dict[Any, Any]:
    """`doc.user_data`, typed for the tuple keys the pipeline uses."""
    return cast(dict[Any, Any], doc.user_data)


def sections(doc: Doc) -> list[tuple[int, str]]:
    """(offset, heading) of each section heading, lower-cased; computed once per doc."""
    key = ("studyfacts", "sections")
    got = _store(doc).get(key)
    if got is None:
        text = doc_text(doc)
        found: dict[int, regex.Match[str]] = {}  # place -> the heading read there
        first = _HEADING_FIRST.match(text)
        if first is not None and (m := _HEADING.match(text, first.end())) is not None:
            found[first.end()] = m
        for m in _HEADING_SCAN.finditer(text, first.end() if first is not None else 0):
            found.setdefault(m.end(), m)  # the look-ahead's groups: the heading at the place the match ends
        colon = text.find(":")
        while colon >= 0:
            w = _INLINE_HEADING.search(text, max(0, colon - 40), colon)
            if w is not None and w.start("w") not in found and (m := _HEADING.match(text, w.start("w"))) is not None:
                found[w.start("w")] = m
            colon = text.find(":", colon + 1)
        got = [(m.start("h"), " ".join(m.group("h").lower().replace("(s)", "s").split("/")[0].split()))
               for _, m in sorted(found.items())]
        _store(doc)[key] = got
    return got


def section_kind(doc: Doc, pos: int) -> str:
    """'intro' (background), 'aim' (objective/purpose), 'end' (conclusion) or 'body' for an offset."""
    kind = "body"
    for off, head in sections(doc):
        if off > pos:
            break
        kind = "intro" if head in _INTRO else "aim" if head in _AIM else "end" if head in _END else "body"
    return kind


# --- the component ------------------------------------------------------------


def _month(hit: Hit, i: int) -> str | None:
    name = hit.group(f"m{i}")
    if name:
        return f"{_MONTHS[name[:3].lower()]:02d}"
    num = hit.group(f"n{i}")
    return f"{int(num):02d}" if num else None


def _slashed_months(hit: Hit) -> tuple[str | None, str | None]:
    """The months of the dates in slashes of a range (None for a date not so written): month first
    ("12/31/2019") or day first ("31/12/2019"), told by a number over 12 in either date; None for both
    when neither tells ("1/3/2015 to 2/5/2016": the years alone are read)."""
    pairs = [(int(a), int(b)) if a and b else None for a, b in ((hit.group(f"da{i}"), hit.group(f"db{i}")) for i in (1, 2))]
    told = [p for p in pairs if p is not None]
    if any(a > 12 for a, _ in told) and not any(b > 12 for _, b in told):
        month_of = 1  # day first
    elif any(b > 12 for _, b in told) and not any(a > 12 for a, _ in told):
        month_of = 0  # month first
    else:
        return None, None
    m1, m2 = (f"{p[month_of]:02d}" if p is not None else None for p in pairs)
    return m1, m2


def _period_of(hit: Hit) -> Period | None:
    y2 = int(hit.group("y2") or 0)
    if hit.group("yy"):
        # "1964-89": the end year's last two digits, in the start year's century; "2001-05" (12 or less)
        # is a month, "1998-02" (back across a century) is not read
        y1, yy = int(hit.group("y1") or 0), int(hit.group("yy") or 0)
        y2 = y1 - y1 % 100 + yy
        if yy <= 12 or y2 <= y1:
            return None
    y1 = int(hit.group("y1") or 0) or y2  # "from January to December, 2014"
    if not (y1 and y2) or y2 < y1 or y2 - y1 > 80:
        return None
    m1, m2 = _month(hit, 1), _month(hit, 2)
    if hit.group("da1") or hit.group("da2"):
        s1, s2 = _slashed_months(hit)
        m1 = s1 if hit.group("da1") else m1
        m2 = s2 if hit.group("da2") else m2
    if hit.rule == "design.period_days":
        m1 = m2 = m1 or m2  # "from January 22 to 30, 2020", "From 29 to 31 January 2020": one month, both ends
    if (hit.group("cue") or "").lower() == "since":
        return None  # "since 1990 ..." opens a window; only a stated end makes a period
    return Period(start=f"{y1}-{m1}" if m1 else str(y1), end=f"{y2}-{m2}" if m2 else str(y2))


def _with_second_phase(period: Period, hit: Hit, others: list[Hit]) -> Period:
    """"147 during the bushfire (2019-20) and 128 in the control period (2018-19)", "(June 2018-October 2019)
    ... and 90 later patients (October 2019-November 2021)": two ranges in the period's sentence are two
    phases or groups of one study, whose period runs from the earliest start to the latest end."""
    for o in others:
        if o.end <= hit.end and o.start >= hit.start:
            continue  # inside the period's own match
        second = _period_of(o)  # None after "since", which opens a window
        if second is None or (_AND.search(o.text) and (o.group("cue") or "").lower() != "between"):
            continue
        start = min(period.start, second.start, key=lambda d: (d[:4], d[5:] or "00"))
        end = max(period.end, second.end, key=lambda d: (d[:4], d[5:] or "99"))
        period = Period(start=start, end=end)
    return period


class DesignComponent(FactComponent):
    family = "design"

    @staticmethod
    def _this_study_opens(text: str, s: int, e: int, end: int) -> bool:
        """Whether the sentence `text[s:e]` opens with this study as its subject and the design word
        (ending at `end`) stands in that subject or just after it ("This prospective study
        investigated", "This study prospectively evaluates")."""
        m = _THIS_STUDY_OPENS.match(text, s, e)
        return m is not None and end <= m.end()

    @staticmethod
    def _own_review(doc: Doc, text: str, h: Hit) -> bool:
        """Whether a review hit names this abstract's own review. Not "BACKGROUND: Meta-analyses of previous
        randomised trials concluded ...": a Background sentence with no word of this work in it; nor, in an
        abstract whose sections are not marked, others' reviews told as a finding ("Meta-analyses suggest that
        behavioural interventions can be efficacious": the review the subject of a reporting verb)."""
        s, e = sentence_at(doc, h.start)
        own = _OWN_WORK.search(text, s, e) is not None
        if section_kind(doc, h.start) == "intro" and not own:
            return False
        return own or _REVIEW_FINDING.match(text, h.end, e) is None

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = hits_of(doc, "design")
        d = draft.design
        text = doc_text(doc)
        # others' reviews named in passing do not make the abstract a review
        hits = [h for h in hits if h.label != "review" or self._own_review(doc, text, h)]
        scan_ = doc_scan(doc)
        animals = bool(hits) and _ANIMALS.found(scan_)
        if animals and not _PEOPLE.found(scan_):
            # "Rats were randomly divided ...", "In a prospective multicentre study using male rats": an animal
            # study, with no human cohort, comes out empty (its sentences may name no animal: "data from
            # participating centres")
            first = min(hits, key=lambda h: h.start)
            draft.warn("design: the abstract names animals and no people (an animal study); no design read", first)
            return
        labels = {h.label for h in hits}
        review = "review" in labels
        single = "single_center" in labels
        evidence: list[Span] = []
        flags: dict[str, Any] = {}
        centers: int | None = None
        retro = "retrospective" in labels
        for h in sorted(hits, key=lambda h: h.start):
            s, e = sentence_at(doc, h.start)
            if animals and h.label in ("retrospective", "prospective", "consecutive", "randomized", "multicenter",
                                       "centers") and _of_animals(text, s, e):
                continue  # "Rats were randomly divided into four groups": an animal experiment's design
            if h.label in ("retrospective", "prospective", "consecutive", "randomized", "multicenter"):
                if h.label == "retrospective" and review:
                    # "This systematic review found three retrospective articles": the reviewed studies' design
                    continue
                if h.label in ("randomized", "multicenter", "prospective"):
                    if (
                        review
                        or (section_kind(doc, h.start) == "intro" and not _OWN_AIM_DONE.match(text, s, e)
                            and not self._this_study_opens(text, s, e, h.end))
                        or (
                            not_this_study(text, s, e, h.start, h.end)
                            and not _THIS_STUDY_IS.search(text[max(s, h.start - 250) : h.start])
                        )
                    ):
                        continue  # background, a review of RCTs, or "further randomized trials are needed"
                if (
                    h.label == "prospective"
                    and retro
                    and (
                        _PROSPECTIVE_DATA.search(text[h.end : h.end + 40])
                        or _PROSPECTIVE_DATA.search(text[max(s, h.start - 30) : h.start])
                    )
                    # "the remaining patients were prospectively collected": people, not data, a phase of the design
                    and not _PEOPLE_WERE.search(text[max(s, h.start - 80) : h.start])
                ):
                    continue  # "retrospective study of prospectively collected data"
                if h.label == "multicenter" and single:
                    continue
                if h.label not in flags:
                    flags[h.label] = True
                    evidence.append(draft.hit_span(h))
            elif h.label == "centers" and not single and not review:
                words = {w.lower() for w in (h.group("adj") or "").split()}
                if words & _CENTER_STOP or words & _NOT_CENTRES:
                    continue  # "2 patients from other hospitals"
                n = 2 if h.group("bi") else parse_int(h.group("n") or "")
                if _PLAIN_YEAR.fullmatch(h.group("n") or ""):
                    continue  # "the 2019 Centers for Medicare and Medicaid Services data", "In 2019 hospitals ...": a year
                if n is not None and 2 <= n <= 10000 and not not_this_study(text, s, e, h.start, h.end):
                    if centers is None:
                        evidence.append(draft.hit_span(h))
                        # 0: several centres, no number of them (`_COUNT_JOINED_BEFORE`), left out below
                        centers = 0 if _COUNT_JOINED_BEFORE.search(text[max(s, h.start - 60) : h.start]) else n
                    flags["multicenter"] = True
        for name, value in flags.items():
            setattr(d, name, value)
        if centers:
            d.centers = centers
        periods = [h for h in hits if h.label == "period"]
        # a review named as one ("systematic review", "this review", "we searched") drops the periods; not a
        # meta-analysis, which may be a study's method over its own data, nor "we reviewed the current policy"
        # said in passing (their rules' attrs: keeps_periods)
        if periods and any(h.label == "review" and not h.attrs.get("keeps_periods") for h in hits):
            # a review's year ranges date its search or the studies it pooled, never an inclusion of its own
            draft.warn(f"period {periods[0].text!r} skipped: the abstract is a review", periods[0])
            periods = []
        d.period = self._period(doc, draft, periods, evidence)
        d.evidence.extend(evidence)

    @staticmethod
    def _period(doc: Doc, draft: Draft, hits: list[Hit], evidence: list[Span]) -> Period | None:
        text = doc_text(doc)
        # the Methods' and Results' windows before the Background's, each in text order
        for h in sorted(hits, key=lambda h: (section_kind(doc, h.start) == "intro", h.start)):
            period = _period_of(h)
            if period is None:
                continue
            waves = _WAVES_AFTER.match(text, h.end) is not None  # a survey's waves say when its data were collected
            if (
                (h.group("cue") or "").lower() != "between"
                and _AND.search(h.text)
                and not _BETWEEN_BEFORE.search(text, max(0, h.start - 30), h.start)
                and not waves
                and int(period.end[:4]) - int(period.start[:4]) != 1
                and not (period.end[:4] == period.start[:4] and len(period.end) > 4 and len(period.start) > 4
                         and int(period.end[5:7]) - int(period.start[5:7]) == 1)
            ):
                continue  # two dates, not a range ("in 1998 and 2005", "in March and October 2020"); two
                # consecutive months of one year are one ("In January and February 1997")
            s, e = sentence_at(doc, h.start)
            sent = text[s:e]
            before = text[max(s, h.start - 40) : h.start]
            births = _BIRTHS_BEFORE.search(before) is not None and not _BORN_INCLUDED.search(sent)
            if _PERIOD_VETO.search(sent) or _FOLLOWUP_END.search(before) or births:
                draft.warn(f"period {h.text!r} skipped: it dates a search, births or the end of follow-up", h)
                continue
            if _EARLIER_STUDY.search(sent) or _CITED_FINDING.match(sent):
                draft.warn(f"period {h.text!r} skipped: it dates another study", h)
                continue
            opens = h.start - s < 5 and _PEOPLE_AFTER_WINDOW.match(text, h.end, e) is not None
            if not _PERIOD_CUE.search(sent) and not opens and not waves and not (
                _DATA_FROM.match(sent) and e < len(text) and _COHORT_NEXT.search(text, e, sentence_at(doc, e + 1)[1])
            ):
                continue
            if _DOCUMENT_DRAFTED.search(sent) and not _PERSON_WORD.search(sent):
                draft.warn(f"period {h.text!r} skipped: it dates the writing of a document", h)
                continue
            if _RECORDS_NOT_PERSONS.search(text, s, h.start) and not _PERSON_WORD.search(text, s, h.start):
                draft.warn(f"period {h.text!r} skipped: it dates records of no persons", h)
                continue
            if _SHARE_IN_WINDOW.search(before):
                continue  # "87% received CRRT (92% in 2020-2023)": a share in a window, not the inclusion period
            evidence.append(draft.hit_span(h))
            return _with_second_phase(period, h, [o for o in hits if o is not h and s <= o.start < e])
        return None


@Language.factory("studyfacts_design", assigns=["doc.spans"])
def make_design(nlp: Language, name: str) -> DesignComponent:
    return DesignComponent(nlp, name)
