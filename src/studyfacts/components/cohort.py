"""The cohort fact family: patients, lesions, female, male and age.

Candidates come from `patterns/cohort.jsonl`; the resolver scores each count
by what surrounds it instead of taking the first number: the noun after it,
the verb near it (included/enrolled/randomised are cues, screened/excluded are
not), whether it is a subgroup ("of whom", a count with its own percentage),
a funnel's denominator ("Of 1563 participants, 1368 were ..."), or sits in the
Background. No convincing candidate means null and a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..confidence import policy, review
from ..cues import Cue, CueSet, Scoring, load_cues
from ..models import Count, Population, Stat
from ..numbers import expand, parse_int, trie_alternation
from ..rules import CompiledRule, Hit, lexicon_alternation, load_lexicon, phrase_alternation
from ..regexcache import cached_compile
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_text, hits_of, sentence_at
from .design import section_kind
from .followup import parse_stat

EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("PERSON", lexicon_alternation("person_nouns", "strong", fold_case=True)),
    ("SEXNOUN", lexicon_alternation("person_nouns", "sex", fold_case=True)),
    ("PROVIDER", lexicon_alternation("person_nouns", "providers", fold_case=True)),
    ("LESION", lexicon_alternation("lesion_nouns", "nouns", fold_case=True)),
    ("ANIMAL", phrase_alternation(sorted(load_lexicon("person_nouns")["animals"]["words"], key=len, reverse=True))),
    ("MEMBER_BODY", phrase_alternation(sorted(load_lexicon("person_nouns")["member_bodies"]["words"], key=len, reverse=True))),
    ("NOT_UNITS_AFTER", lexicon_alternation("lesion_nouns", "not_units_after", fold_case=True)),
    (
        "COHORT_VERB",
        r"included|enrolled|recruited|randomi[sz]ed|allocated|assigned|analy[sz]ed|studied"
        r"|evaluated|identified|reviewed|examined|investigated|eligible|operated|treated",
    ),
    # A funnel step is completing or meeting what admits to the study, not an outcome:
    # "completed the survey", "met the inclusion criteria" (not "completed follow-up")
    (
        "FUNNEL_COMPLETED",
        r"completed\s+(?:the\s+|a\s+|an\s+|all\s+|both\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:surveys?|questionnaires?|interviews?|baseline|enrol(?:l)?ment|screening|(?:SF-\d+|[\w-]+)\s+forms?)"
        r"|received\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:surveys?|questionnaires?)",
    ),
    # an anaesthesia risk class among a count's adjectives, one unit: "American Society of Anesthesiologists'
    # physical status I and II", "ASA I-III", "ASA-II" (its "of" and "and" are no function words of the phrase)
    (
        "RISK_CLASS",
        r"(?:American\s+Society\s+of\s+Anesthesiologists['’]?\s+(?:\(ASA\)\s+)?|ASA[\s-])(?:physical\s+status\s+|PS\s+)?"
        # the class's own word may be any of the ways it is named: "ASA grade I or II", "ASA status 1-2"
        r"(?:(?:class(?:es)?|classifications?|grades?|status|scores?)\s+)?(?-i:[IV]{1,3}|[1-4])(?:\s*(?:[-–/,]|and|or|to)\s*(?-i:[IV]{1,3}|[1-4])){0,3}"
        # ... and any named grading scale with its classes: "NYHA class II-III", "Frankl scale II and III",
        # "GMFCS level I-II", "Child-Pugh class A or B"
        r"|(?:NYHA|GMFCS|Frankl|Child[-\s]Pugh|ASIA|Gustilo|Tanner|Kellgren[-\s]Lawrence|KL|WHO|ECOG|Hunt\s+and\s+Hess)\s+"
        r"(?:functional\s+)?(?:class(?:es)?|scale|levels?|grades?|stages?|types?|scores?)?\s*"
        r"(?-i:[IV]{1,4}|[0-5]|[A-D])(?:\s*(?:[-–/,]|and|or|to)\s*(?-i:[IV]{1,4}|[0-5]|[A-D])){0,3}",
    ),
    # the events an age may be told at, for the cohort's own age ("age at symptom onset 22.3 ± 12.3 years",
    # "aged at the time of surgery 38.5 ± 11"): every event of patterns/lexicons/age_events.json but the life
    # events (rank 0: "age at menarche" is never the cohort's age)
    (
        "AGE_EVENT",
        trie_alternation(sorted({w.lower() for tier in load_lexicon("age_events")["ranks"].values()
                                 if tier["rank"] >= 1 for w in tier["words"]})),
    ),
    ("FUNNEL_MET", r"(?:met|fulfill?ed|satisfied)\s+(?:the\s+|all\s+|our\s+)?(?:[\w-]+\s+)?(?:inclusion|eligibility|entry|study|selection)"),
)

# The word lists again, factored by their endings, for the left cues (matched right to left:
# see numbers.suffix_trie_alternation); the same strings match
REVERSE_FRAGMENTS: tuple[tuple[str, str], ...] = tuple(
    (name, lexicon_alternation(lexicon, key, fold_case=True, reverse=True))
    for name, lexicon, key in (
        ("PERSON", "person_nouns", "strong"),
        ("SEXNOUN", "person_nouns", "sex"),
        ("PROVIDER", "person_nouns", "providers"),
        ("LESION", "lesion_nouns", "nouns"),
        ("NOT_UNITS_AFTER", "lesion_nouns", "not_units_after"),
    )
)
_ANIMAL = cached_compile(expand(r"\b(?:{ANIMAL})\b", dict(EXTRA_FRAGMENTS)), regex.IGNORECASE)
_RISK_CLASS = cached_compile(expand("{RISK_CLASS}", dict(EXTRA_FRAGMENTS)), regex.IGNORECASE)
# the one a case report is about, right after the case's words: "Case presentation: A dog with", "a case of a
# 5-year-old horse"
_CASE_ANIMAL = cached_compile(
    expand(r"[\s:,.\-–—]*(?:(?:of|in)\s+)?(?:an?|the|one|our)\s+(?:[\w-]+\s+){0,3}?(?:{ANIMAL})\b", dict(EXTRA_FRAGMENTS)),
    regex.IGNORECASE,
)


def _case_of_an_animal(text: str, h: Hit) -> bool:
    """A case hit that names no person ("We report a case", "Case presentation:") followed by an animal."""
    return not h.group("sex") and _CASE_ANIMAL.match(text, h.end) is not None


def _cues() -> CueSet:
    return load_cues("cohort", EXTRA_FRAGMENTS, REVERSE_FRAGMENTS)


_LESION_NOUNS = {n.lower() for n in load_lexicon("lesion_nouns")["nouns"]}
_STRONG_NOUNS = {n.lower() for n in load_lexicon("person_nouns")["strong"]}
_SEX_NOUNS = {n.lower() for n in load_lexicon("person_nouns")["sex"]}
_PROVIDER_NOUNS = {n.lower() for n in load_lexicon("person_nouns")["providers"]}


def _is_provider(noun: str) -> bool:
    """"clinicians", "general practitioners": a noun of the lexicon's providers."""
    return " ".join(noun.lower().split()) in _PROVIDER_NOUNS
_STOP_ADJ = {
    "of",
    "the",
    "in",
    "with",
    "and",
    "or",
    "were",
    "was",
    "had",
    "to",
    "for",
    "from",
    "at",
    "on",
    "by",
    "who",
    "that",
    "these",
    "those",
    "all",
    "than",
    "per",
    "other",
    "more",
    "less",
    "whom",
    "are",
    "is",
    "be",
    "been",
    "not",
    "no",
    "out",
    "vs",
    "versus",
    "years",
    "year",
    "months",
    "days",
}

# "Validation on 150 patients with a mean age of": an age stated for the count just before it
# a second age figure that is the same people later: "14.1 years at surgery and 26.8 years at follow-up"
# (the first at an event of age_events.json, the second at one of its later_times)
_AGE_LATER = cached_compile(
    r"\s*(?:years?|yrs?|y)?\.?\s*(?:old\s+)?at\s+(?:the\s+)?(?:time\s+of\s+(?:the\s+)?)?(?:"
    + phrase_alternation(sorted(load_lexicon("age_events")["later_times"]["words"], key=len, reverse=True))
    + r")\b",
    regex.IGNORECASE,
)
# a second age figure joined to the first: "39 and 44 years, respectively", "compared to 39.5 years in ...", its SD
# in brackets ("51.4 (16.2) years, compared to 39.5 (17.0) years for unexposed patients")
_AGE_OTHER_GROUP = cached_compile(
    r"[^.;]{0,60}?\b(?:and|versus|vs\.?|compared\s+(?:to|with)|whereas|while|than)\s+"
    r"(?:(?:those|that|the|in|for|of|among)\s+(?:(?!mean|median|average|follow|duration|time|period|interval)[^.;\d]){0,30}?)?"
    r"(?P<other>\d{1,3}(?:\.\d+)?)\s*(?:(?:±|\+/-)\s*\d+(?:\.\d+)?\s*|\(\s*\d+(?:\.\d+)?\s*\)\s*)?(?:years?|yrs?|y\b|,?\s*respectively)",
    regex.IGNORECASE,
)
# the age of the people's relatives: "the mean age of their parents", "median age of the patients' spouses"
_AGE_OF_RELATIVES = cached_compile(
    r"(?:mean|median|average)\s+(?:\([^()]{0,12}\)\s+)?ages?\s+of\s+(?:(?:their|his|her)\s+|the\s+(?:\w+['’]s?\s+)?)(?:[\w-]+\s+)?"
    r"(?:parents|mothers|fathers|partners|spouses|husbands|wives|caregivers|carers|siblings|relatives|offspring)\b",
    regex.IGNORECASE,
)
# a count in digits as the cohort's may be written: "1,250", or grouped by spaces, "10 233" (numbers.COUNT_INT)
_DIGITS = r"\d{1,3}(?: \d{3})+(?!\d)|\d+(?:,\d{3})*"
_AGE_OF_GROUP = cached_compile(
    expand(
        # (a count's digits end on a digit, and no number stands between it and its noun: "In 2006, 29 patients
        # (15.7 years)" is the 29's age, not that of a group of 2006)
        r"(?<![\d.,])(?P<n>" + _DIGITS + r"|\d(?:[\d,]*\d)?|\b(?:{WORDNUM})(?![\w-]))\s+(?:(?!\d)[\w-]+\s+){0,2}?(?:pts\.?|{PERSON})"
        r"(?:\s+(?:with|without)\s+[^.;()\d]{1,40}?(?=\s*[(\[]))?\s*,?\s*"
        r"(?:(?:with|had)\s+(?:a|an|the)\s+|[(\[]\s*)?(?:(?:mean|median|average)\s+)?$",
        dict(EXTRA_FRAGMENTS),
    ),
    regex.IGNORECASE,
)
# between two sex counts, the bracket of one group closed and another group's count opening its own:
# "(9 men and 2 women) received A; 10 patients (9 men ..."
_NEXT_GROUP = cached_compile(
    expand(r"[)\]][^()\[\]]*?(?:\d+|\b{WORDNUM})\s+(?:[\w-]+\s+){0,2}?(?:{PERSON})\b[^()\[\]]{0,40}[(\[]",
           dict(EXTRA_FRAGMENTS)),
    regex.IGNORECASE,
)
# The count a sex count belongs to: "44 patients (30 male", "Of the 6 (19.4%) patients having epilepsy, 4"
_SEX_OWNER = cached_compile(
    expand(
        r"(?<![\d.,])(?P<n>" + _DIGITS + r"|\b{WORDNUM})\s*(?:[(\[][^()\[\]]{0,20}[)\]]\s*)?(?:[a-z][\w-]*\s+){0,2}?(?:{PERSON})\b"
        r"(?:\s*[(\[][^()\[\];]{0,20}|[^.;()]{0,40}[,;]\s*|\s*:[^.;:()]{0,40}"  # ... or "34 patients: 14 boys and 20 girls"
        r"|[^.;()]{0,40}?\b(?:included|including|comprised|comprising|consisted\s+of|consisting\s+of)\s+)$",  # "... included 18 males"
        dict(EXTRA_FRAGMENTS),
    ),
    regex.IGNORECASE,
)
# a count before a bracketed sex breakdown, in its sentence: "12 patients had a relapse (7 men and 5 women)"
_A_COUNT = cached_compile(expand(r"(?<![\d.,])(?:" + _DIGITS + r"|\b{WORDNUM})(?![\d.,]*\d|\s*%)"), regex.IGNORECASE)
_SHARE_THEN_COUNT = cached_compile(r"\d+(?:[.,]\d+)?\s*%\s*\(\s*$")
# a cut-off word right before a number ("a score of 6 men"; the comparison signs, "AUDIT >=8 men", are the
# cue left.not_cohort.threshold)
# "(cut-off scores of 8 for men)", "(DUDIT 6 men/2 women)": a scale's threshold for each sex, its acronym opening
# the bracket, no count of anyone
_CUT_OFF_WORDS_BEFORE = cached_compile(
    r"(?:\bscores?\s+of|\bcut-?offs?\s+(?:of\s+)?|[(\[]\s*(?-i:[A-Z][A-Z0-9-]{2,9})\s*[:=]?"
    r"(?:\s*\d[\d.]*\s*(?:men|women|males?|females?|boys|girls)\s*(?:/|,|;|\band\b|\bor\b))?)\s*$", regex.IGNORECASE
)
_INTEGER = cached_compile(r"(?<![\d.,])\d[\d,]*(?![\d.]\d)")
# "All patients were female", "all were women": the whole cohort of one sex, said in so many words
_ALL_WERE_SEX = cached_compile(
    r"\ball\s+(?:of\s+)?(?:the\s+|our\s+|these\s+)?(?:(?:patients|participants|subjects|cases|respondents|individuals"
    r"|children|adults|volunteers)\s+)?(?:were|was|are|where)\s+(?P<sex>females?|women|males?|men|girls|boys)\b(?!\s*(?:and|or|/)\b)",
    regex.IGNORECASE,
)
# "103 were male, of whom 84 ...": a count of some of the people a sex count counted
_OF_A_SEX_COUNT = cached_compile(
    r"\b(?:women|men|females?|males?|girls|boys)\b\s*(?:[(\[][^()\[\]]{0,20}[)\]]\s*)?,?\s*"
    r"(?:of|among)\s+(?:whom|them|these|those)\s*,?\s*$",
    regex.IGNORECASE,
)
# "307 female and 433 male surgeons": the noun the sex words qualify
# the words after "male"/"female" (past "and 12 females"): the first is the adjective's noun, or one or two
# more adjectives stand before it ("15 male and 5 female recreational divers")
_NOUN_AFTER_SEX = cached_compile(r"(?:\s*(?:and|,)\s*\d[\d,]*\s+(?:fe)?males?)?\s+([a-z][a-z-]+)\b(?:\s+([a-z][a-z-]+)\b)?(?:\s+([a-z][a-z-]+)\b)?", regex.IGNORECASE)
_PERSON_WORDS = _STRONG_NOUNS | {
    "patient", "participant", "subject", "sex", "gender", "and", "or", "were", "was", "with", "in", "of", "to",
    "had", "vs", "versus", "aged", "age", "children", "infants", "adolescents", "adults", "respectively",
    "than", "who", "among", "from", "at", "by", "on", "for", "but", "predominance", "preponderance",
}
# what makes a count of lesions the treated units (lexicon lesion_nouns, "cues")
_LESION_CUES = load_lexicon("lesion_nouns")["cues"]
_LESION_CUE_BEFORE = cached_compile(
    rf"\b(?:{phrase_alternation(_LESION_CUES['before'])})\s*$", regex.IGNORECASE
)
_LESION_VERB_AFTER = cached_compile(
    rf"^[^.;]{{0,30}}\b(?:were|was)\s+(?:\w+\s+)?(?:{phrase_alternation(_LESION_CUES['verbs_after'])})\b",
    regex.IGNORECASE,
)
_LESION_STATISTIC = cached_compile(
    rf"\b(?:{phrase_alternation(_LESION_CUES['not_before'])})\s*$", regex.IGNORECASE
)
# "with four discs or more remaining": a threshold that defines groups, not treated units
_LESION_THRESHOLD_AFTER = cached_compile(
    rf"^\s*(?:{phrase_alternation(_LESION_CUES['not_after'])})\b", regex.IGNORECASE
)
# "76 SM (76/105; 72.4%)": a count with its share after it
_LESION_SHARE = cached_compile(r"^\s*[(\[]\s*\d+(?:[.,]\d+)?\s*(?:%|/)")
_LESION_SUBGROUP = cached_compile(
    # not a procedure's "of" ("ablation of 47 tumours": the units it treated; lesion_nouns.json procedures_of)
    rf"(?<!\btotal\s)(?:(?<!\b(?:{phrase_alternation(_LESION_CUES['procedures_of'])})\s+)\bof"
    r"|\b(?:in|among|than|and|or|vs\.?|versus|only|remaining|other))\s+(?:the\s+)?$"
    # what each person has, not the units treated: "extraction of all four wisdom teeth", "with both eyes"
    r"|\b(?:of|in|had|has|have|with|involving|affecting)\s+(?:all|both)\s+(?:(?:of\s+)?(?:the|their|his|her)\s+)?$",
    regex.IGNORECASE,
)
# "in 115 eyes of 115 consecutive patients": the units joined to the cohort's own count
# (lesion_nouns.json cues)
_JOINED_TO_COHORT = cached_compile(
    rf"\s+(?:{phrase_alternation(_LESION_CUES['joined_to_cohort'])})\s+(?:the\s+|all\s+)?", regex.IGNORECASE
)
_SENTENCE_IN = cached_compile(r"(?-i:\G(?:[A-Z][A-Za-z()]*(?:\s+[A-Za-z()]+){0,3}\s*:\s*)?In)\s+\Z")


def _sex_adjective_noun(m: regex.Match[str] | None) -> str | None:
    """The noun a sex adjective qualifies: "433 male surgeons" -> surgeons; past one or two adjectives
    to a person noun ("5 female recreational divers" -> divers); else the first word ("12 male rats" -> rats)."""
    if m is None:
        return None
    words = [w.lower() for w in m.groups() if w]
    if words[0] in _PERSON_WORDS:
        return words[0]
    for w in words[1:]:
        if w in _STRONG_NOUNS:
            return w
        if w in _PERSON_WORDS:
            break  # a function word ends the noun phrase ("12 male mice and patients")
    return words[0]


def _whole_words(words: list[str]) -> regex.Pattern[str]:
    """Any of the words (as written, escaped), as a whole word, in any case."""
    return cached_compile(r"\b(?:" + "|".join(regex.escape(w) for w in words) + r")\b", regex.IGNORECASE)


def _lexicon_lists(key: str) -> dict[str, list[str]]:
    """The word lists under one key of the person-noun lexicon, its `_why` left out."""
    return {k: v for k, v in load_lexicon("person_nouns")[key].items() if not k.startswith("_")}


# the words that name each sex, and so the other sex's (lexicon person_nouns, "one_sex")
_ONE_SEX = _lexicon_lists("one_sex")
_SEX_WORDS = {sex: _whole_words(words) for sex, words in _ONE_SEX.items()}
# for each sex, the words of every other key ("other": transgender, nonbinary ...)
_OTHER_SEX = {
    sex: _whole_words([w for key, words in _ONE_SEX.items() if key != sex for w in words])
    for sex in ("female", "male")
}
# the sex each one-sex word names, lower-cased ("women" -> female)
_SEX_OF_NOUN = {w.lower(): sex for sex in ("female", "male") for w in _ONE_SEX[sex]}
_CLAUSE_BREAK = cached_compile(r"[,;:]")
_PRONOUNS = {sex: _whole_words(words) for sex, words in _lexicon_lists("pronouns").items()}
_OTHER_SEX_NAME = {"female": "male", "male": "female"}
# a case report's person named by a singular sex noun after an indefinite article ("in an Asian woman of skin
# type IV", "a man with"), not a possessive ("a woman's view"); a pair ("a man and a woman") names both sexes
_CASE_SEX_NOUN = cached_compile(
    r"\b(?:a|an)\s+(?:(?!(?:and|or|of|with|who|in)\b)[\w-]+\s+){0,3}?(?P<sex>woman|man|girl|boy|lady)\b"
    r"(?!['’]s|-)",
    regex.IGNORECASE,
)
# an abbreviation's long form names people when a person noun heads it (lexicon person_nouns, "abbreviated")
_PERSON_HEADS = _STRONG_NOUNS | _SEX_NOUNS
_AFTER_HEAD = set(_lexicon_lists("abbreviated")["after_head"])


def _names_people(long: str) -> bool:
    """"young people living with HIV", "gay and bisexual men": a person noun is the long form's head
    (its last word, or followed by a word that opens its qualifier); not "Veterans Affairs"."""
    words = long.lower().split()
    return any(w in _PERSON_HEADS and (i == len(words) - 1 or words[i + 1] in _AFTER_HEAD)
               for i, w in enumerate(words))


def _abbreviated(short: str, defined: dict[str, str]) -> str | None:
    """The long form the abstract defines for an abbreviation as counted ("105 SMs": SM's)."""
    return defined.get(short) or defined.get(short[:-1] if short.endswith("s") else short)


def _case_person(h: Hit) -> tuple[str, str] | None:
    """(age, sex) of a case named with both ("a 45-year-old man": ("45", "male")), else None: two
    mentions with one age and sex are taken for one person."""
    sex = _SEX.get((h.group("sex") or "").lower())
    age = h.group("age")
    return (age.lower(), sex) if sex is not None and age else None


def _two_cases(text: str, case: Hit, cases: list[Hit]) -> Hit | None:
    """The second of two cases named one after the other, each with an age and a sex ("a 45-year-old man
    and a 51-year-old woman"), else None."""
    first = _case_person(case)
    if first is None:
        return None
    for h in cases:
        if h.start > case.end and _CASE_AND.fullmatch(text, case.end, h.start):
            person = _case_person(h)
            if person is not None and person != first:
                return h
    return None


_CASE_AND = cached_compile(r"\s*,?\s*and\s+")
_AND_JOINED = cached_compile(r"(?:[^.;\d()\[\]]|[(\[][^()\[\]]{0,60}[)\]]){0,80}?,?\s*and\s*")
_MONTHS_PART = cached_compile(r",?\s*(?:and\s+)?\d{1,2}\s*(?:months?|mos?)\b", regex.IGNORECASE)
_BASE_END = cached_compile(r"[,;]")  # a funnel's base holds neither
# the base count of a funnel ("Of the 19 children, eight underwent"): the first number after its opening word
_FUNNEL_BASE_COUNT = cached_compile(
    expand(r"(?<=^\S+\s+(?:(?:the|these|all|a|an)\s+)?(?:(?:cohort|group|total|population|sample|series)\s+of\s+)?){COUNT}"),
    regex.IGNORECASE,
)
_THESE = cached_compile(r"\S+\s+(?:these|those)\b", regex.IGNORECASE)  # "Of these 204 patients": a back-reference
# "Of the 35 patients with RF, 19 underwent revision": a group the abstract has named before (not "Of the
# 120 eligible patients", an eligibility step)
_THE = cached_compile(r"\S+\s+the\b", regex.IGNORECASE)
# what a part of an already stated cohort went through: "Of the 19 children, eight underwent conversion"
# (a step that admits, "120 were included", still narrows the cohort)
_BACKREF_VERB = cached_compile(r"(?:underwent|followed|operated|treated)\b", regex.IGNORECASE)
# what a funnel step says after its count: "224 were eligible", "127 responded", "251 met the criteria"
_STEP_TAIL = (
    r"(?P<n>{COUNT})(?:\s*[(\[][^()\[\]]{0,40}[)\]])?\s+(?:(?:{PERSON})\s+)?(?:(?:were|was|had)\s+)?"
    r"(?:(?:then|finally|subsequently)\s+)?"
    r"(?:included|enrolled|randomi[sz]ed|analy[sz]ed|responded(?!\s+(?:to|well|poorly))|participated|consented|agreed"
    r"|eligible(?!\s+for\s+(?:the\s+)?(?:[\w-]+\s+)?(?:analys[ie]s|evaluation))"
    r"|recruited|{FUNNEL_COMPLETED}|{FUNNEL_MET})\b"
)
# a funnel's next step: "Of 298 survivors, 224 were eligible and 127 responded"
_FUNNEL_STEP = cached_compile(
    expand(
        r"[^.;,]{0,60}?(?:,\s*|\s+)(?:and\s+|of\s+(?:whom|these|them)\s+)(?:(?:a\s+)?total\s+of\s+)?" + _STEP_TAIL,
        dict(EXTRA_FRAGMENTS),
    ),
    regex.IGNORECASE,
)
# a count's own next step, set off by a comma: "We identified 320 patients, of whom 251 met the
# criteria" (not "aged between 18 and 24 completed the survey", an age range)
_COUNT_STEP = cached_compile(
    expand(r"[^.;,]{0,60}?[,;]\s*(?:and\s+)?(?:(?:out\s+)?of\s+(?:whom|these|them|which),?\s+)?" + _STEP_TAIL,
           dict(EXTRA_FRAGMENTS)),
    regex.IGNORECASE,
)
# "observed in 2 female patients", "among 3 women": the count of those the sentence is about
_SUBGROUP_BEFORE = cached_compile(r"\b(?:in|among|of\s+(?:whom|these|them))\s+$", regex.IGNORECASE)
def _last_step(
    text: str, steps: regex.Pattern[str], n: int, start: int, end: int, sent_end: int, unless: Cue | None = None
) -> tuple[int, int, int]:
    """(count, start, end) of the last step of a funnel whose count `n` spans `text[start:end]`:
    "Of 298 survivors, 224 were eligible and 127 responded" goes on to 127. A step larger than
    the count before it ends the walk, and so does `unless` found between the count and the step
    (an enrolled base, whose later steps are dropouts)."""
    while (step := steps.match(text, end, sent_end)) is not None:
        nxt = parse_int(step.group("n"))
        if not nxt or nxt > n or (unless is not None and unless.found(text[start : step.start("n")])):
            break
        n, start, end = nxt, step.start("n"), step.end()
    return n, start, end


def _funnel_end(text: str, best: Candidate, sent_end: int) -> Candidate:
    """"We identified 320 patients, of whom 251 met the inclusion criteria": a count followed by
    funnel steps in its sentence is the funnel's base, and the cohort is the last step. Not after
    an enrolled base ("120 were randomised, of whom 110 completed the study": dropouts)."""
    unless = _cues().cue("between.enrolled_base")
    n, start, end = _last_step(text, _COUNT_STEP, best.value, best.start, best.end, sent_end, unless=unless)
    if n == best.value and best.rule != "cohort.count_verb":
        return best
    # once a step is set off by its comma (or the count is a step itself: "512 were eligible"), later
    # steps may follow with "and": "..., of whom 626 were eligible and 206 were recruited"
    n, start, end = _last_step(text, _FUNNEL_STEP, n, start, end, sent_end, unless=unless)
    if n == best.value:
        return best
    return replace(best, value=n, start=start, end=end, why=f"{best.why}; the end of its funnel")


# "783 of 939 (84%) eligible survivors were included": the inclusion verb after an "N of M" count
_OF_PEOPLE_GAP = r"(?:\s(?:(?!\b(?:who|whom|that|which|and|but|or)\b)[^.;,()\d]){0,60}?)?"  # "... receiving surgery"
# (_INCLUDED_AFTER: "11 out of 12 patients had a complete data set and were enrolled": their own predicate, then
# "and" the inclusion verb)
_INCLUDED_AFTER = cached_compile(
    r"\s*" + _OF_PEOPLE_GAP + r"\s*(?:and\s+)?(?:were|was|had\s+been)\s+(?:\w+\s+)?(?:included|enrolled|analy[sz]ed|randomi[sz]ed|recruited|studied)\b",
    regex.IGNORECASE,
)
# "232 of 817 screened patients were eligible", "40 out of 52 patients met the inclusion criteria": an
# eligibility step of a funnel (GUIDE: screened -> eligible -> included); eligible for the study, not for a
# treatment ("23 of 817 patients were eligible for surgery": a finding about some)
_ELIGIBLE_AFTER = cached_compile(
    expand(
        r"\s*" + _OF_PEOPLE_GAP + r"\s*(?:and\s+)?(?:(?:were|was)\s+(?:(?:found|deemed|considered|judged)\s+)?"
        r"eligible(?:\s+for\s+(?:the\s+|this\s+|our\s+)?(?:study|inclusion|participation|enrol?lment|trial|analys[ie]s))?"
        r"(?=\s*[,.;:)]|\s+and\b|\s*$)|(?:{FUNNEL_MET})\w*\s+criteria\b)",
        dict(EXTRA_FRAGMENTS),
    ),
    regex.IGNORECASE,
)
# "285 of 405 women receiving surgery were assessed at 5 days ...": a weaker verb, read only where the
# "N of M" is the first count of people the abstract's body states (not "18 of the 30 patients were assessed
# at one year" after "We enrolled 30 patients": those followed up)
_ASSESSED_AFTER = cached_compile(
    r"\s*" + _OF_PEOPLE_GAP + r"\s*(?:were|was)\s+(?:\w+\s+)?(?:assessed|interviewed|surveyed|examined|evaluated)\b",
    regex.IGNORECASE,
)
# "Twenty of 320 patients with Wilson's disease presented with hepatitis ... cirrhosis was present in all
# 20": the part is referred back to as a whole later, so the abstract is about it (not "the 20 mg dose")
_BACK_REFERENCE = cached_compile(
    expand(
        r"\b(?:(?:in|of|for)\s+)?(?:all|both)\s+(?:(?:of\s+)?(?:the|these|those)\s+)?(?P<k>{COUNT})"
        r"(?:\s+(?:[\w-]+\s+)?(?:{PERSON})\b|(?=\s*[,;.)]|\s+(?:and|had|have|were|underwent|received|showed|cases)\b))"
        r"|\b(?:these|those)\s+(?P<k>{COUNT})\s+(?:[\w-]+\s+)?(?:{PERSON})\b",
        dict(EXTRA_FRAGMENTS),
    ),
    regex.IGNORECASE,
)


def _referred_back(text: str, n: int, after: int) -> bool:
    """Whether a count `n` is referred back to as a whole after `after`: "in all 20", "these 20 patients" (not
    "the 9 patients with the finding": a definite reference may pick out a subgroup)."""
    return any(parse_int(m.group("k")) == n for m in _BACK_REFERENCE.finditer(text, after))


# "Study 1 was designed to ... Study 2 sought to ...", "(Experiment A), five subjects ...", "Sample 1 ... Sample
# 2", "Part 1 ... Part 2": an abstract of several numbered studies, experiments or parts, each with its own sample (capitalised: not "a phase 2 study 1")
_NUMBERED_PART = cached_compile(
    r"(?-i:\b(?P<kind>Study|Experiment|Sample|Part|STUDY|EXPERIMENT|SAMPLE|PART))\s+(?P<k>[1-9](?![\d.,])|[A-D](?![\w-])|I{1,3}\b|IV\b|(?i:one|two|three|four)\b)"
)
_PART_KEY = {"one": "1", "two": "2", "three": "3", "four": "4", "i": "1", "ii": "2", "iii": "3", "iv": "4",
             "a": "1", "b": "2", "c": "3", "d": "4"}


def _numbered_parts(doc: Doc, text: str) -> list[tuple[int, str]]:
    """(start, label) of the first mention of each numbered study or experiment outside the introduction,
    when there are two or more distinct ones; else []."""
    first: dict[str, tuple[int, str]] = {}
    for m in _NUMBERED_PART.finditer(text):
        key = _PART_KEY.get(m.group("k").lower(), m.group("k"))
        if key not in first and section_kind(doc, m.start()) != "intro":
            first[key] = (m.start(), m.group(0))
    return sorted(first.values()) if len(first) >= 2 else []


# a count of some units, to be weighed against the sex breakdown's total ("18 psoas abscesses", "502 sleep studies")
_UNITS_COUNT = cached_compile(
    expand(r"(?<![\w.,/±+<>=≤≥-])(?<![±+<>=≤≥]\s)(?P<n>{COUNT})(?![\d.,]*\s*%)\s+"
           r"(?P<noun>(?P<word>[^\W\d_][\w-]*)(?:\s+(?!(?:in|of|with|who|which|that|were|was|are|is|had|have|and|or|from|at|on|for"
           r"|by|to|seen|done|[\w-]+ed)\b)[^\W\d_][\w-]*){0,4})"),
)
_SEX_SPLIT = load_lexicon("sex_split")
_MEASURES = frozenset(w.lower() for w in _SEX_SPLIT["measures"])  # looked up lower-cased
# the event an age figure is told at ("Mean age at LT", "median age at the time of operation"), ranked by
# patterns/lexicons/age_events.json
_AT_EVENT_TAIL = r"\bat\s+(?:the\s+)?(?:time\s+of\s+(?:the\s+)?)?(?:(?:first|initial|index)\s+)?(?P<ev>[\w-]+)"
_AGE_EVENT = cached_compile(r"\bage\s+" + _AT_EVENT_TAIL, regex.IGNORECASE)
# ... and the event a figure is told at after it: "14.1 years at surgery and ..."
_AT_EVENT = cached_compile(_AT_EVENT_TAIL, regex.IGNORECASE)
_AGE_EVENT_RANK = {w.lower(): tier["rank"] for tier in load_lexicon("age_events")["ranks"].values() for w in tier["words"]}
_SCORED_RULES = frozenset(
    {"cohort.count_noun", "cohort.count_verb", "cohort.took_part", "cohort.n_equals", "cohort.n_bracketed"}
)
# "79/113 (69.9%) male": a fraction's numerator just before a sex count read from its denominator
_FRACTION_BEFORE = cached_compile(r"(?<![\d.,/])(?P<n>\d+)\s*/\s*$")
# "Forty-six (98%) of the 47 patients were male": the share's numerator before a sex count's denominator
_SHARE_OF_BEFORE = cached_compile(
    expand(r"(?P<n>{COUNT})\s*(?:[(\[]\s*{NUM}\s*%\s*[)\]]\s*)?(?:out\s+)?of\s+(?:the\s+|all\s+)?$"), regex.IGNORECASE
)
_SEX_ADJ = cached_compile(r"\b(?:male|female)\b", regex.IGNORECASE)
_SPACED_GROUP = cached_compile(r"(?<![\d.,])\d{1,3} $")
_COMMA_SPACED = cached_compile(r"(?<![\d.,])(?<!\b(?:aged?|years?|n\s*=)\s*)\d{1,3}, $", regex.IGNORECASE)
_THREE_DIGITS = cached_compile(r"\d{3}")
_PLAIN_YEAR = cached_compile(r"(?:19\d\d|20[0-3]\d)")  # a count that may be a year (no separator)
# "This study included 240 out of 271 patients" (not "compared to 2 of 23 children": a share)
_INCLUDE_CUE = cached_compile(
    r"\b(?:included|enrolled|analy[sz]ed|recruited|randomi[sz]ed|studied|identified)\s*$", regex.IGNORECASE
)
_VS = cached_compile(r"\b(?:vs\.?|versus|compared\s+with|compared\s+to|whereas|while)\b", regex.IGNORECASE)
# its words as plain strings: a text without one has no comparison, brackets removed or not (removing
# them only replaces text with spaces), so the brackets need not be removed to tell
_VS_WORDS = cached_compile(r"vs|versus|compared|whereas|while", regex.IGNORECASE)
_SEX = {
    "women": "female",
    "woman": "female",
    "female": "female",
    "females": "female",
    "girls": "female",
    "girl": "female",
    "f": "female",
    "lady": "female",
    "mother": "female",
    "primigravida": "female",
    "multigravida": "female",
    "gravida": "female",
    "primipara": "female",
    "multipara": "female",
    "nullipara": "female",
    "parturient": "female",
    "men": "male",
    "man": "male",
    "male": "male",
    "males": "male",
    "boys": "male",
    "boy": "male",
    "m": "male",
    "gentleman": "male",
}


@dataclass
class Candidate:
    value: int
    noun: str
    start: int
    end: int
    rule: str
    score: float
    why: str
    categories: frozenset[str] = frozenset()
    rivals: tuple[int, ...] = ()  # other values that also qualified


# "401 patients starting drug A ... and 200 patients starting drug B", "2000 survivors of
# IHCA ... and 1108 survivors of OHCA", "four untreated patients ... and made a comparison with five
# patients on therapy": a second count of the same noun in the same
# sentence makes the first one group; the cohort is their total, which is not stated.
# a later group of the candidate's sentence: "... and 26 matched controls", "..., and 2) 10 people who had
# sought help" (a numbered list's item marker may stand before its count, when the candidate is an item of
# the list too: "1) 19 people ..., and 2) 10 people", not "40 adults (i) 20 with pain and (ii) 20 without")
_ITEM_MARKER = r"[(\[]?(?:[1-9]|i{1,3}|iv)[)\]]\s*"
_ITEM_BEFORE = cached_compile(rf"{_ITEM_MARKER}$", regex.IGNORECASE)
_SECOND_GROUP = cached_compile(
    expand(r"(?:\b(?:(?P<phase>and\s+(?:the\s+)?(?:following|subsequent|next|last))|(?P<join>and)|versus|vs\.?|compared\s+(?:with|to)|(?:a\s+)?comparisons?\s+(?:with|to)|whereas|while|(?P<explicit>(?:to|and|(?:as\s+)?(?:also\s+)?(?:on|in|with))\s+(?:a|an|the)\s+(?:(?:second|further|separate|another)\s+)?(?:sample|group|cohort)\s+of))|(?:,\s*(?:and\s+)?|\band\s+)in|(?P<comma>,))\s+(?P<item>" + _ITEM_MARKER + r")?(?P<n>{COUNT})\s+(?P<words>(?:(?!and\s+\d)(?:[a-z]|\d{1,2}(?:[-–]\d{1,2})?-year-old)[\w'-]*\s*){1,5})"),
    regex.IGNORECASE,
)
_GROUP_WINDOW = 250
# a list's last item in words, read inside the item before it ("26 parents and one grandparent")
_AND_WORDNUM = cached_compile(expand(r"\band\s+(?:{WORDNUM})\b"), regex.IGNORECASE)
# the next count of people in a bracket of its own, after the bracket of the count before it closes
_NEXT_BRACKETED = cached_compile(
    expand(r"\s*[)\]][^.;()\[\]]{1,150}?[(\[]\s*(?P<n>{COUNT})\s+(?P<noun>[a-z][\w'-]*)\s*[)\]]"), regex.IGNORECASE
)
_PART_OF_THEM = cached_compile(r"of\s+(?:the|them|these|those|whom)\b", regex.IGNORECASE)
# a second group named by its number alone after "in N <people>": "in 5 patients and retrospectively in 4"
_ELLIPTIC_SECOND = cached_compile(expand(r",?\s+and\s+(?:[a-z]+ly\s+)?in\s+(?:the\s+other\s+|another\s+)?(?P<n>{COUNT})(?=\s*[.;,)]|\s*$)"),
                                 regex.IGNORECASE)
# a count of cases after a case report's own case, with no cohort cue (a score below the cohort verb's): cited
_CITED_CASES_BELOW = 3.0
# ... or with any score, when the abstract reviews the literature beside its case and the count's own sentence names
# no series of its own ("We report a rare case ... and review the literature. In our analysis of 100 cases ...")
_LIT_REVIEW = cached_compile(
    r"\breview(?:ed|ing)?\s+(?:of\s+)?(?:the\s+)?(?:relevant\s+|pertinent\s+|published\s+)?literature\b|\bliterature\s+review\b",
    regex.IGNORECASE,
)
_OWN_SERIES = cached_compile(
    r"\b(?:our|this)\s+(?:institution|department|hospital|cent(?:er|re)|unit|clinic|service)\b|\bwe\s+(?:treated|operated|managed|saw)\b",
    regex.IGNORECASE,
)
# a sex word hedged by an adverb of most, or followed by its share below 100%: not all of one sex
_HEDGED_SEX = cached_compile(
    r"\b(?:predominantly|mostly|mainly|largely|primarily|chiefly|overwhelmingly|majority)\s+(?:male|female|men|women|boys|girls)\b"
    r"|\b(?:male|female|men|women|boys|girls)\s*[(\[]\s*(?!100(?:\.0+)?\s*%)\d{1,2}(?:\.\d+)?\s*%",
    regex.IGNORECASE,
)
_CITED_CASES_NOUN = cached_compile(r"\bcases?$|\b(?:reported|published|described)\b", regex.IGNORECASE)
# the next item of a list after a count and its noun: ", 250 ...", "and 124 ..."
_LIST_GOES_ON = cached_compile(
    expand(r"\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:\d|{WORDNUM}\b)"), regex.IGNORECASE
)
# a second sample named with its own n after a conjunction: "... and the clinical sample (n = 119)"
_SECOND_N = cached_compile(
    expand(r"\s*[)\]]?[^()\[\]]*?\b(?:and|versus|vs\.?|whereas|while|compared\s+(?:with|to))\s+(?:the\s+|an?\s+)?"
           r"(?:[\w-]+\s+){0,3}?(?:samples?|cohorts?|groups?|populations?)\s*[(\[]\s*n\s*=\s*(?P<n>{COUNT})\s*[)\]]"),
    regex.IGNORECASE,
)
_A_GROUP_OF = cached_compile(r"\b(?:a|an|the)\s+(?:(?:first|separate)\s+)?(?:sample|group|cohort)\s+of\s+$", regex.IGNORECASE)
_BRACKETED = cached_compile(r"[(\[][^()\[\]]*[)\]]")  # "(mean age: 41 years)": a descriptor, no breakdown


def _open_bracket_before(text: str, start: int, end: int) -> int | None:
    """The offset of the bracket open at `end` within `text[start:end]`: the last bracket there, if it
    opens ("(" or "["); what a search for an opening bracket with no bracket after it finds, without
    trying each bracket."""
    at = max(text.rfind("(", start, end), text.rfind("[", start, end), text.rfind(")", start, end),
             text.rfind("]", start, end))
    return at if at >= 0 and text[at] in "([" else None


def _unbracketed(text: str) -> str:
    """The text without its closed brackets, nested ones too ("(median [IQR], 67 [58-74] vs 68)")."""
    for _ in range(3):
        text, n = _BRACKETED.subn(" ", text)
        if not n:
            break
    return text


# what opens a breakdown of the count before it: the counts after it are its parts, not other groups
_BREAKDOWN_OPENS = cached_compile(
    r"\b(?:including|comprising|comprised?|comprises|consist(?:s|ed|ing)?\s+of|of\s+whom|among\s+whom|namely)\b|:",
    regex.IGNORECASE
)
# the rules that read a trial's randomised count at a funnel's end (patterns/cohort.jsonl)
_RANDOMISED_STEPS = frozenset({"cohort.randomized_bracket", "cohort.fraction_randomized"})
# the words that decide whether a second count makes groups (patterns/lexicons/second_group.json)
_SECOND_GROUP_WORDS = {key: frozenset(value["words"]) for key, value in load_lexicon("second_group").items()
                       if key != "_why"}
# a second count that left the study, or never joined it, is no group of it (singular forms)
_LEFT_THE_STUDY = _SECOND_GROUP_WORDS["left_the_study"]
# ... nor a part of the cohort who had an outcome (singular forms)
_OUTCOME_OF_SOME = _SECOND_GROUP_WORDS["outcome_of_some"]
_WITHOUT_AFTER = cached_compile(r"\s+(?:[\w-]+\s+){0,2}?without\b", regex.IGNORECASE)


# "..., 394 (77.3%) were treated in Australia and 116 (22.7%) in Malaysia": the other part of a breakdown
_OTHER_PART = cached_compile(
    expand(r"[^.;]{0,80}?\b(?:and|while|whereas)\s+(?P<n>{COUNT})(?:\s*[(\[][^()\[\]]{0,30}[)\]])?\s+(?P<words>(?:[a-z][\w'-]*\s*){1,3})"),
    regex.IGNORECASE,
)


def _splits_base(text: str, n: int, base_n: int, at: int, sentence_end: int) -> bool:
    """A funnel step that is one part of a breakdown of its base: another count in the sentence makes
    up the rest ("394 were treated in Australia and 116 in Malaysia", of 510), and the rest did not
    leave the study ("100 were operated on and 20 declined" narrows the base to the 100)."""
    m = _OTHER_PART.match(text, at, sentence_end)
    if m is None or n + (parse_int(m.group("n")) or 0) != base_n:
        return False
    return not {_singular(w) for w in m.group("words").split()} & _LEFT_THE_STUDY


# people of another kind, for a second group joined by "and": neither the sex words (a breakdown, "16 males
# and 14 females") nor providers (whose patients are the cohort)
_OTHER_KIND_OF_PEOPLE = (
    _STRONG_NOUNS - _SEX_NOUNS - _PROVIDER_NOUNS - {w.lower() for words in _ONE_SEX.values() for w in words}
)


_HEALTHY = _SECOND_GROUP_WORDS["healthy"]
_RELATIVES = _SECOND_GROUP_WORDS["relatives"]
_COMPARISON_WORDS = _SECOND_GROUP_WORDS["comparison"]
# a count stated again: "These 22 patients"
_RESTATED = cached_compile(r"\b(?:these|those|the|all|both)\s+$", regex.IGNORECASE)
# controls who leave the index group the cohort when named in their own sentence (_control_group_next)
_NOT_INDEX_CONTROLS = _HEALTHY | _SECOND_GROUP_WORDS["unaffected"]
# the parts of a study told one after the other, each with its own sample (second_group.json, parts)
_PARTS = load_lexicon("second_group")["parts"]
_ORDINALS = [w.lower() for w in _PARTS["ordinals"]]
_PART_OPENS = cached_compile(
    rf"(?:^|[.;:]\s*|\b(?:in|for|during)\s+)(?:the\s+|a\s+)?(?P<ord>{'|'.join(_ORDINALS)})\s+(?:[\w-]+\s+)?"
    rf"(?P<part>{'|'.join(_PARTS['words'])})\b(?!\s+(?:to|of|that|which|ever)\b)",
    regex.IGNORECASE,
)
_PART_LOOKAHEAD = 1500  # characters after the cohort's sentence searched for the next part
_WORD = cached_compile(r"[\w-]+")
_AGED_PEOPLE = cached_compile(r"\d{1,2}(?:[-–]\d{1,2})?-year-olds")  # "and 199 15-17-year-olds": people
_CLAUSE_VERB = cached_compile(r"\b(?:were|was|are|is|had|have|has|by)\b", regex.IGNORECASE)
_SHARE_AFTER = cached_compile(r"\s*[(\[]\s*\d+(?:[.,]\d+)?\s*%")


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# "1216 (47.6%)": a number with its own percentage (a share of something larger)
_NUMBER_WITH_SHARE = cached_compile(r"(?<![\w.,])(\d[\d,]*)(?=\s*[(\[]\s*\d{1,3}(?:[.,]\d+)?\s*%\s*[)\]])")


def _stated_as_share(doc: Doc, text: str, number: str, before: int) -> bool:
    """Whether `number` (as written, digits) is stated before `before` with its own percentage; the
    first place of each such number is found once a doc."""
    key = ("studyfacts", "numbers_with_share")
    first = doc.user_data.get(key)
    if first is None:
        first = {}
        for m in _NUMBER_WITH_SHARE.finditer(text):
            first.setdefault(m.group(1), m.start())
        doc.user_data[key] = first
    at = first.get(number)
    return at is not None and at < before


# words of a funnel's base that end in "s" but name no things counted ("in 5 years", "diagnosis")
_NOT_PLURAL_THINGS = frozenset({"years", "months", "weeks", "days", "hours", "decades", "was", "has", "its", "this",
                                "thus", "as", "is", "us", "plus", "whereas", "always", "sometimes", "perhaps"})


# what stands for the people who answered ("Of the 1053 questionnaires distributed, 555 ... were received")
_STAND_FOR_PEOPLE = frozenset(load_lexicon("person_nouns")["stand_for_people"]["words"])


# the base of a funnel just before a count: "Of the 16 surveyed parameters, "
_FUNNEL_BASE_BEFORE = cached_compile(r"(?-i:\b(?:Of|Among|From))\s+[^,;.()]{1,120},\s*(?:a\s+total\s+of\s+)?$")


def _of_things(base: str) -> bool:
    """Whether a funnel's base ("Of the 16 surveyed parameters") counts things: a plural word that is no
    person noun, and no person noun at all ("Of 1,234 screened", "Of the 62 patients enrolled" count people)."""
    things = False
    for w in _WORD.findall(base):
        w = w.lower()
        if w in _STRONG_NOUNS or w in _SEX_NOUNS or w in _PROVIDER_NOUNS or w in _STAND_FOR_PEOPLE:
            return False
        if (len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))
                and w not in _NOT_PLURAL_THINGS and not w[0].isdigit()):
            things = True
    return things


# a reference printed inside the text, as web pages give an editorial's: "[[2]Canadell J.G. ... Google Scholar]"
_REFERENCE = cached_compile(r"\[\[\d{1,3}\][^\[\]]{0,1500}(?:\[[^\[\]]{0,200}\][^\[\]]{0,1500}){0,3}\]")


def _count_stated_before(doc: Doc, by: dict[str, list[Hit]], at: int, but: int | None = None) -> bool:
    """Whether a count of people stands before `at` outside the Background (other than one of `but`, the
    same people again): an "N of M" after it is then a part of that cohort, not its own funnel."""
    return any(
        c.start < at and section_kind(doc, c.start) != "intro"
        and (but is None or parse_int(c.group("n") or "") != but)
        for c in by.get("count", []) + by.get("count_verb", []) + by.get("n_equals", [])
    )


def _inside_reference(text: str, at: int) -> bool:
    """Whether the offset lies inside a reference printed in the text."""
    return any(m.start() < at < m.end() for m in _REFERENCE.finditer(text, max(0, at - 4000), min(len(text), at + 4000)))


# the count-verb forms of a funnel's last inclusion step (with left.screened_base: "2052 (27.3%) were enrolled")
_INCLUDED_VERBS = ("included", "enrolled", "recruited", "randomi", "analy")


def _decisive(categories: set[str] | frozenset[str], rule: str, scoring: Scoring) -> bool:
    """Whether a candidate of these categories, read by this rule, ends a funnel (cohort_scoring.json, decisive)."""
    return bool(categories & scoring.decisive) or rule.removeprefix("cohort.") in scoring.decisive_rules


# a funnel's base opening its sentence: "Of the 76 ...", "Among 300 ..."
_FUNNEL_OPENS_BEFORE = cached_compile(r"(?:^|[.;:]\s*|\b)(?-i:Of|Among|From)\s+(?:the\s+|these\s+|all\s+)?$")
# nouns that name people in general: "21 FMS patients, 23 CBP subjects and 20 controls" are groups of one kind
_GENERIC_PEOPLE = frozenset({"patient", "subject", "participant", "individual", "person"})


def _same_people(noun: str, words: set[str]) -> bool:
    """The second group's words name the cohort's kind of people: its noun, or both a general person noun."""
    return noun in words or (noun in _GENERIC_PEOPLE and bool(words & _GENERIC_PEOPLE))


def _other_group(text: str, cand: Candidate, sentence_end: int) -> int | None:
    """The size of a second group of the same noun later in the candidate's sentence, if any."""
    # "Fifteen ECPR-survivors and 22 age-matched sACLS-survivors": a noun joined to an acronym is its last part
    noun = _singular(cand.noun.split()[-1].rsplit("-", 1)[-1]) if cand.noun else ""
    if noun == "n":
        # "The population sample (n = 7186) was drawn from three regions and the clinical sample (n = 119)
        # from a clinic": two samples, each given by its n, with no total
        m = _SECOND_N.match(text, cand.end, min(sentence_end, cand.end + _GROUP_WINDOW))
        return parse_int(m.group("n")) if m is not None else None
    if not noun:
        return None
    if text[max(0, cand.start - 2) : cand.start].rstrip().endswith(("(", "[")):
        m = _NEXT_BRACKETED.match(text, cand.end, min(sentence_end, cand.end + _GROUP_WINDOW))
        if m is not None and _singular(m.group("noun")) == noun:
            # "hydromorphone (494 patients) gave better relief than morphine (510 patients)": each count in the
            # bracket after what its people received, the first an arm's as the second is
            return parse_int(m.group("n"))
    if text[max(0, cand.start - 3) : cand.start].lower() == "in ":
        m = _ELLIPTIC_SECOND.match(text, cand.end, sentence_end)
        if m is not None:
            return parse_int(m.group("n"))  # "studied prospectively in 5 patients and retrospectively in 4"
    end = min(sentence_end, cand.end + _GROUP_WINDOW)
    semicolon = text.find(";", cand.end, end)  # "56 were included; 30 received A and 26 B": a new clause
    if semicolon >= 0:
        end = semicolon
    listed_other = False
    # read once: a comma's list is judged by the matches after it
    later = list(_SECOND_GROUP.finditer(text, cand.end, end))
    for i, m in enumerate(later):
        if m.group("item") and not _ITEM_BEFORE.search(text, max(0, cand.start - 6), cand.start):
            continue  # "40 adults (i) 20 with pain and (ii) 20 without": the items are the candidate's parts
        between = text[cand.end : m.start()]
        inside = between.count("(") > between.count(")")
        if m.group("comma") and inside:
            continue  # "401 patients ... (197 dabigatran, 107 rivaroxaban, ...)": a bracketed breakdown
        if _BREAKDOWN_OPENS.search(_BRACKETED.sub("", between)) or inside:
            # "10,835 responders, including 4,035 police and 6,800 other responders", "180 patients
            # (142 DMD and 38 SMA patients)": its parts, not a second group
            return None
        if m.group("comma"):
            if _FUNNEL_OPENS_BEFORE.search(text, max(0, cand.start - 16), cand.start):
                continue  # "Of the 76 participating subjects, 71 individuals completed": a funnel's step, no list
            if not any(x.group("join") for x in later[i + 1 :]) and not _AND_WORDNUM.search(m.group("words")):
                # a list of groups ends on "and <count>": not "Of 1,630 patients, 270 were discharged", nor
                # "64 patients consented, 34 patients tried the earplugs"
                continue
            # "56 adults with pain and fear, 93 adults with pain alone, and 31 controls", "184 observed patients,
            # 27 surgical patients, and 22 braced patients": a list of groups; but "120 patients, 80 patients
            # with X and 40 patients with Y" lists the parts of the 120, recognised by their sum (never
            # reported), unless another kind of people came first in the list ("406 mill workers, 400 miners,
            # 250 factory workers")
            if not _same_people(noun, {_singular(w) for w in m.group("words").split()}):
                if set(m.group("words").lower().split()) & _RELATIVES:
                    # "interviews with 28 children with IBD, 26 parents and one grandparent": the family of the
                    # people studied, a group of its own in a list that ends on "and <count>", no total
                    return parse_int(m.group("n"))
                listed_other = True
                continue
            parts = sum(parse_int(p.group("n")) or 0 for p in later[i:])
            if (parse_int(m.group("n")) or 0) < cand.value and not listed_other and parts == cand.value:
                return None
            return parse_int(m.group("n"))
        words = {_singular(w) for w in m.group("words").split()}
        words |= {_singular(w.rsplit("-", 1)[-1]) for w in m.group("words").split() if "-" in w}
        if _PART_OF_THEM.match(m.group("words")):
            continue  # "150 women were enrolled, and 40 of the women were interviewed twice": a part of them
        if words & _LEFT_THE_STUDY:
            continue  # "64 patients were enrolled, while 12 patients declined": not a second group
        if words & _OUTCOME_OF_SOME and not _WITHOUT_AFTER.match(text, cand.end, min(len(text), cand.end + 40)):
            continue  # "204 patients ... underwent PVP, and 56 patients with complications included ...": a part
        if m.group("join") is not None and _SHARE_AFTER.match(text, m.end()) and _CLAUSE_VERB.search(text, cand.end, m.start()):
            continue  # "19 patients were identified, ..., and 12 patients (63%) were males": a part, with its share
        # "13 cases ... and 26 matched controls": a case-control study's two groups
        # ("20 patients ... compared with 20 healthy volunteers" keeps its index group, as the dev set settles)
        following = m.group("words").lower().split()
        # "49 bettors and 10 non-gamblers", "35 survivors and 20 non-survivors": people named by what they are not,
        # read by what the word negates (the cohort's noun, or people of another kind)
        negated = {_singular(w[3:].lstrip("-")) for w in following[:2] if w.startswith("non") and w not in _COMPARISON_WORDS}
        negated = {w for w in negated if w == noun or w + "s" in _OTHER_KIND_OF_PEOPLE}
        if negated:
            words = words | negated
            following = following + [w + "s" for w in negated]
        # "19 youth who developed an episode ... and 19 without": a comparison group named by what it lacks
        # (not "two groups, one with hearing protection and one without")
        lacks = following[0] == "without" and (parse_int(m.group("n")) or 0) > 1
        # "53 bingo players and 13 stakeholders", "454 adults ... and 36 pediatric patients": people of
        # another kind joined by "and" (not providers, whose patients are the cohort)
        other_people = (
            m.group("join") is not None
            # the two noun phrases joined directly, no clause between ("61 inpatients ... were included in
            # this study and 30 patients were treated with each" is not two groups)
            and not _CLAUSE_VERB.search(text, cand.end, m.start())
            # (a two-word noun too: "60 traffic police and 80 long route bus drivers")
            and any(w in _OTHER_KIND_OF_PEOPLE or _AGED_PEOPLE.fullmatch(w)
                    for w in following + [" ".join(following[i : i + 2]) for i in range(len(following) - 1)])
            and not _is_provider(cand.noun)
            # "40 patients and 20 healthy volunteers", "... and 1 622 079 individuals from the general population":
            # the index group stays (as the dev set settles), and "and 3 patients (2.8%) in ..." is a share
            and not set(following) & _COMPARISON_WORDS
            and not _SHARE_AFTER.match(text, m.end())
        )
        # "8 healthy volunteers and 6 women with hypothyroidism": a comparison group first, then the index group
        # named by its sex and what it has; two groups, no total (not "40 controls, 22 men and 18 women")
        index_after_controls = (
            m.group("join") is not None
            and not listed_other
            and cand.noun is not None
            and bool(set(cand.noun.lower().split()) & (_HEALTHY | _COMPARISON_WORDS))
            and following[0] in _SEX_NOUNS
            and "with" in following[1:3]
        )
        # "interviews with 18 nurses and 12 physicians": two kinds of providers, each a group of a study of
        # providers, with no total
        other_providers = (
            m.group("join") is not None
            and _is_provider(cand.noun)
            and not _CLAUSE_VERB.search(text, cand.end, m.start())
            and any(_is_provider(w) and w != " ".join(cand.noun.lower().split())
                    for w in following + [" ".join(following[i : i + 2]) for i in range(len(following) - 1)])
        )
        # "8 migraine patients and 8 healthy controls": a healthy comparison group leaves the index group
        # the cohort (as the dev set settles); "13 cases ... and 26 matched controls" are two groups
        # "32 patients ... compared to 16 matched controls": a comparison group likewise
        control = "control" in words and m.group("join") is not None
        if control and set(following) & _NOT_INDEX_CONTROLS:
            # "44 patients with sepsis and 24 healthy control patients": healthy controls, even named by the noun;
            # "120 textile workers and 60 unexposed controls" likewise (as in the sentence after the cohort's)
            continue
        same = noun in words or (_same_people(noun, words) and not set(following) & (_COMPARISON_WORDS | _HEALTHY))
        # "150 men were interviewed and 140 women completed a mailed survey": each sex counted on its own, with
        # no total, even across a clause (not "... and 140 of the women", a part of them)
        sex = _SEX_OF_NOUN.get(cand.noun.split()[-1].lower()) if cand.noun else None
        other_sex = (sex is not None and m.group("join") is not None and following[0] != "of"
                     and any(_SEX_OF_NOUN.get(w) not in (None, sex) for w in following[:2]))
        if (same or control or "others" in following or lacks or other_people or other_sex or other_providers
                or index_after_controls):
            # "3076 gamblers and 2129 affected others": "others" are other people, a second group
            return parse_int(m.group("n"))
        if m.group("phase") and _same_people(noun, words):
            # "The first 80 patients were analysed retrospectively and the following 60 patients were recruited
            # prospectively": two phases of a study, each with its own count, no total
            return parse_int(m.group("n"))
        if m.group("explicit") and _A_GROUP_OF.search(text, max(0, cand.start - 20), cand.start):
            # "applied on a group of 30 subjects, as also on a group of 10 weavers": two groups, whatever their nouns
            return parse_int(m.group("n"))
    return None


class CohortComponent(FactComponent):
    family = "cohort"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = sorted(hits_of(doc, "cohort"), key=lambda h: h.start)
        by = {lab: [h for h in hits if h.label == lab] for lab in {h.label for h in hits}}
        if by.get("abbr"):
            self._abbreviated_people(doc, by)
        pop = draft.population
        patients, lost = self._patients(doc, draft, by)
        if (patients is not None and by.get("case") and by["case"][0].start < patients.start
                and patients.rule == "cohort.count_noun"
                and (patients.score < _CITED_CASES_BELOW
                     or (_LIT_REVIEW.search(doc_text(doc))
                         and not _OWN_SERIES.search(doc_text(doc), *sentence_at(doc, patients.start))))
                and _CITED_CASES_NOUN.search(patients.noun)):
            # "We treated a 72-year-old woman ... Of the 11 reported cases, 6 ...": after the report's own
            # case, a count of cases that no cohort cue makes this study's is the literature's
            draft.warn(f"patients: {patients.value} {patients.noun} after the case reported, read as cited cases; "
                       "the case report's one patient kept", (patients.start, patients.end))
            patients = None
        case = None
        if patients is None and by.get("case") and all(_case_of_an_animal(doc_text(doc), h) for h in by["case"]):
            # "Case presentation: A dog with pleural effusion ...": a veterinary case, no human participant
            h = by["case"][0]
            draft.warn("patients: the case reported is an animal's, not a human participant's; left null", (h.start, h.end))
        elif patients is None and by.get("case"):
            # "A 65-year-old man" names the patient and their sex; "We report a case" only that there is one
            # the hit that gives the sex ("A 58-year-old woman") over one that only names a person
            # ("in a patient"), over one that names neither ("We report a case")
            case = min(by["case"], key=lambda h: (_SEX.get((h.group("sex") or "").lower()) is None,
                                                  not h.group("sex"), h.start))
            noun = case.group("sex") or "case"
            pop.patients = Count(value=1, noun=noun, span=draft.hit_span(case))
            pair = _two_cases(doc_text(doc), case, by["case"])
            persons = {p for p in map(_case_person, by["case"]) if p is not None}
            if pair is None and len(persons) > 1:
                # "A 69-year-old man developed meningitis ... After multiple trauma, a 20-year-old man developed
                # meningitis": several cases, each told apart, and no count of them printed; one would be wrong
                draft.warn("patients: several cases described one by one ("
                           + ", ".join(f"{a}-year-old {s}" for a, s in sorted(persons)) + "), no count printed; left null",
                           draft.hit_span(case))
                pop.patients = None
                case = None
            elif pair is not None:
                # "We report on a 45-year-old man and a 51-year-old woman": two cases, each with its sex
                pop.patients = Count(value=2, noun="cases", span=draft.span(case.start, pair.end, "cohort.case_pair"))
                review(pop.patients, "two cases, one named after the other")
                self._cases_one_by_one(draft, [case, pair])
                case = None
        elif patients is not None:
            pop.patients = Count(
                value=patients.value,
                noun=patients.noun,
                span=draft.span(patients.start, patients.end, patients.rule),
                score=patients.score if patients.rule in _SCORED_RULES else None,
            )
            if patients.rule in _SCORED_RULES and patients.score < policy()["cohort"]["high_score"]:
                review(pop.patients, f"cohort chosen by its context cues (score {patients.score:g})")
            if patients.rivals:
                review(pop.patients, f"other candidate cohorts: {', '.join(map(str, patients.rivals[:3]))}")
        # No count of people at all: the abstract states no study cohort (a review, a laboratory
        # study), which is no warning; candidates that all lost are named by _patients.
        self._sex(doc, draft, by, case)
        if pop.patients is None and case is None and lost is not None and pop.female and pop.male:
            patients = self._sex_split_total(doc, draft, lost)
        if pop.patients is None and lost:
            self._sex_of_one_arm(draft, lost)
            threshold = _cues().scoring.threshold
            said = "; ".join(f"{c.value} {c.noun} ({c.why})" for c in lost[:4])
            draft.warn(f"patients: no candidate scored {threshold:g} or more: {said}; left null",
                       (lost[0].start, lost[0].end))
        if case is None:
            self._age(doc, draft, by.get("age", []))
        self._lesions(doc, draft, by, patients)

    # --- patients -------------------------------------------------------------

    @staticmethod
    def _abbreviated_people(doc: Doc, by: dict[str, list[Hit]]) -> None:
        """"Young people living with HIV (YLH) ... data from 212 YLH": a count of an abbreviation the
        abstract defines for people is a count with a person noun, weighed like "212 patients"."""
        defined = abbreviations(doc)
        people = []
        for h in by["abbr"]:
            long = _abbreviated(h.group("abbr") or "", defined)
            if long and _names_people(long):
                groups = {"n": h.groups["n"], "noun": h.groups["abbr"]}
                people.append(Hit(rule="cohort.count_noun", label="count", start=h.start, end=h.end, text=h.text,
                                  groups=groups, attrs=h.attrs))
        if people:
            by["count"] = sorted(by.get("count", []) + people, key=lambda h: h.start)

    def _patients(
        self, doc: Doc, draft: Draft, by: dict[str, list[Hit]]
    ) -> tuple[Candidate | None, tuple[Candidate, ...] | None]:
        """The cohort as first stated: a funnel's analysed count wins; otherwise the first
        count that names people and is neither a subgroup, a base population nor in the Background. With it, the
        candidates that all scored below the threshold, when that is why there is none (else None)."""
        text = doc_text(doc)
        for h in by.get("pooled", []):
            # A review's cohort is the participants of its included studies (GUIDE's settled cases).
            n = parse_int(h.group("n") or "")
            if n:
                return Candidate(n, " ".join((h.group("noun") or "").split()), h.groups["n"][0], h.end, h.rule,
                                 5, "review pooled"), None
        enrolled_base = _cues().cue("between.enrolled_base")
        eligibility = _cues().cue("between.eligibility_step")
        publications = _cues().cue("left.not_cohort.publications_funnel")
        for h in by.get("funnel", []):
            if h.text[:3].lower() == "out" and _BACKREF_VERB.match(h.group("verb") or ""):
                # "Out of 65 patients who met the age criterion, 55 underwent CPR": a finding about some, not
                # the intake of a funnel ("Out of the 279 invited members, 118 participated" is one)
                continue
            n = parse_int(h.group("n") or "")
            # the base ends at its comma, or its semicolon ("Of the 62 patients enrolled; 53 were eligible")
            base = text[h.start : _BASE_END.search(text, h.start, h.end).start()]
            eligible_step = eligibility.found(text[h.groups["verb"][0] : h.end + 60]) is not None
            if enrolled_base.found(base) and not eligible_step:
                continue  # "Of 112 randomized patients, 107 were analysed": dropouts, not a funnel
            if publications.found(text[h.start : h.groups["n"][0]]):
                continue  # "Of 228 articles screened, 4 were eligible": a literature search's funnel, not people
            if _of_things(base):
                continue  # "Of the 16 surveyed parameters, 5 were identified": a funnel of things, not people
            base_count = _FUNNEL_BASE_COUNT.search(base)
            base_n = parse_int(base_count.group(0)) if base_count else None
            backref = bool(base_n) and _BACKREF_VERB.match(h.group("verb") or "") is not None
            eligible_base = backref and eligibility.found(base) is not None
            if backref and (
                _THESE.match(base)
                # "Of the 62 patients enrolled, 53 were eligible": an eligibility step narrows the intake
                or (_THE.match(base) and not eligible_base and not eligible_step)
                or any(
                    c.start < h.start and parse_int(c.group("n") or "") == base_n
                    and section_kind(doc, c.start) != "intro"
                    for c in by.get("count", []) + by.get("count_verb", [])
                )
                or (not eligible_base and self._inside_cohort(doc, text, base_n, h.start, by))
            ):
                # "19 children were treated ... Of the 19 children, eight underwent conversion", "Of these 204
                # patients, 121 underwent implant": a part of a group already stated; "a series of 11 patients
                # ... Of five patients with an abscess, three underwent drainage": a subgroup of the cohort
                continue
            if (n and backref and base_count and section_kind(doc, h.start) != "intro"
                    and _splits_base(text, n, base_n, h.end, sentence_at(doc, h.start)[1])):
                # "Among 510 patients, 394 were treated in Australia and 116 in Malaysia": a breakdown
                # of the base, which is the cohort
                start = h.start + base_count.start()
                return Candidate(base_n, "patients", start, h.start + base_count.end(), h.rule, 5, "funnel base"), None
            if n and section_kind(doc, h.start) != "intro":
                # "Of 460 approached, 124 (27%) consented. ... 44/53 (83%) of those eligible were randomised":
                # in a trial the funnel ends at the number randomised (GUIDE)
                randomised = [(parse_int(r.group("n") or ""), r) for r in by.get("took_part", [])
                              if r.rule in _RANDOMISED_STEPS and r.start > h.end]
                later = next(((v, r) for v, r in randomised if v), None)
                if later is not None:
                    v, r = later
                    return Candidate(v, "participants", r.groups["n"][0], r.groups["n"][1], r.rule, 5,
                                     "randomised after the funnel"), None
                n, start, end = _last_step(text, _FUNNEL_STEP, n, h.groups["n"][0], h.end, sentence_at(doc, h.start)[1])
                return Candidate(n, "patients", start, end, h.rule, 5, "funnel"), None
        participated = _cues().cue("right.participated")
        responses_from = _cues().cue("left.responses_from")
        substudy = _cues().cue("right.in_this_substudy")
        survey = self._took_part
        for h in by.get("out_of", []):
            s, e = sentence_at(doc, h.start)
            n = parse_int(h.group("n") or "")
            eligible = _ELIGIBLE_AFTER.match(text, h.end, e)
            if (
                n
                and section_kind(doc, h.start) != "intro"
                and (
                    _INCLUDE_CUE.search(text[max(s, h.start - 60) : h.start])
                    or _INCLUDED_AFTER.match(text, h.end, e)
                    # not a part of a cohort stated before ("We enrolled 500 ... 40 of 100 were eligible");
                    # the base itself may be ("817 patients were screened; 232 of 817 were eligible")
                    or (eligible is not None
                        and not _count_stated_before(doc, by, h.start, but=parse_int(h.group("total") or "")))
                    or ((_ASSESSED_AFTER.match(text, h.end, e) or (_referred_back(text, n, e) and not _SUBGROUP_BEFORE.search(text, s, h.start)))
                        and not _count_stated_before(doc, by, h.start))
                    # "136 of 212 survivors responded": those who took part, where the abstract is a
                    # survey's (the took_part rule's own condition), not "18 of 30 patients responded"
                    or (participated.found(text[h.end : min(h.end + 80, e)]) and survey.applies(text))
                    # "Responses were received from 412 of 980 invited dentists": the responders, as above
                    or (responses_from.found(text[max(s, h.start - 80) : h.start]) and survey.applies(text))
                )
            ):
                step = _COUNT_STEP.match(text, h.end, e)
                k = parse_int(step.group("n")) if step else None
                if step and k and k < n and substudy.found(text[step.end("n") : e]):
                    # "3537 of 7000 patients were enrolled into the trial, of whom 3450 were included in
                    # our cost-effectiveness analysis": the sub-study's own cohort
                    return Candidate(k, " ".join((h.group("noun") or "").split()), step.start("n"), step.end(),
                                     h.rule, 5, "included out of; the step into this sub-study"), None
                noun = " ".join((h.group("noun") or "").split())
                if eligible is not None:
                    # "232 of 817 screened patients were eligible, and 200 were enrolled": on to the funnel's end
                    k, start, end = _last_step(text, _COUNT_STEP, n, h.start, eligible.end(), e)
                    k, start, end = _last_step(text, _FUNNEL_STEP, k, start, end, e)
                    return Candidate(k, noun, start, end, h.rule, 5, "eligible out of"), None
                return Candidate(n, noun, h.start, h.end, h.rule, 5, "included out of"), None
        cands: list[Candidate] = []
        for h in by.get("count", []) + by.get("count_verb", []) + by.get("took_part", []) + by.get("n_equals", []):
            c = self._score(doc, text, h)
            if c is not None:
                cands.append(c)
        threshold = _cues().scoring.threshold
        good = sorted((c for c in cands if c.score >= threshold), key=lambda c: c.start)
        # "Forty-two clinicians were randomised ... The 401 patients had ...": the providers are the cohort
        # only of a study of providers, where no other people are counted (cases may be their procedures)
        if any(not _is_provider(c.noun) and c.noun.lower() != "cases" for c in cands
               if c.noun and c.rule == "cohort.count_noun" and not c.why.startswith("out: in the")
               and "not-a-count" not in c.why):
            good = [c for c in good if not _is_provider(c.noun)]
        if not good:
            return None, tuple(sorted(cands, key=lambda c: c.start))  # resolve() says why they lost
        best = good[0]
        # "Of 90 survivors, 40 were discharged. Of those, 25 (62%) were willing to participate": those who
        # took part are the cohort, the end of a funnel stated over several sentences
        scoring = _cues().scoring
        # ... but not the second of two counts joined by "and", no clause between, whose verb is both's
        # ("185 survivors and 155 caregivers participated"; not "95 were invited ..., and 71 accepted")
        # (nor one stated in a later part of the study: "In the second stage, 90 adults were randomized", after
        # the first stage's own sample; each part has its own)
        best = next((c for c in good if _decisive(c.categories, c.rule, scoring)
                     and not (c is not best and _PART_OPENS.search(text, sentence_at(doc, c.start)[0], c.start))
                     and not any(b.end <= c.start and _AND_JOINED.fullmatch(text, b.end, c.start)
                                 and not _CLAUSE_VERB.search(text, b.end, c.start) for b in good)),
                    best)
        framed = self._framed_part_of(best, cands)
        if framed is not None:
            # "... blocks were monitored in 24 patients, who had chronic pain ... In two patients, blood flow was
            # measured": a sentence framed on a count after a larger count of the same people is a part of them
            draft.warn(f"patients: {best.value} {best.noun} framed after {framed.value} {framed.noun}, a part of "
                       "them; which is the cohort is not clear; left null", (best.start, best.end))
            return None, None
        parts = _numbered_parts(doc, text)
        if parts and best.start > parts[0][0] and "total" not in text[sentence_at(doc, best.start)[0]:best.end].lower():
            # "Study 1 ... Participants (N = 1479) ... Study 2 ... Participants (N = 1168)": each numbered study
            # or experiment has its own sample, and no total is printed (GUIDE: groups without a total)
            labels = ", ".join(dict.fromkeys(label for _, label in parts))
            draft.warn(f"patients: {best.value} {best.noun} is the sample of one of several numbered studies or "
                       f"experiments ({labels}), and no total is printed; left null", (best.start, best.end))
            return None, None
        best = self._eligible_end(best, good, scoring)
        best = self._cohort_after_framed_part(best, good)
        best = _funnel_end(text, best, sentence_at(doc, best.start)[1])
        rivals = tuple(sorted({c.value for c in good if c.value != best.value and c.score >= best.score}))
        if rivals:
            best = replace(best, rivals=rivals)
        other = _other_group(text, best, sentence_at(doc, best.start)[1])
        if other is None:
            other = self._control_group_next(doc, text, best, by)
        if other is None:
            other = self._part_next(doc, text, best, by)
        if other is None and best.rule == "cohort.count_noun" and _LIST_GOES_ON.match(text, best.end):
            # "The group consisted of 406 mill workers, 400 miners, 250 ...": the candidate is inside a list of
            # groups (not "From a database of 560 patients, 164 patients met the criteria", a funnel's step)
            window = text[max(sentence_at(doc, best.start)[0], best.start - 120) : best.start]
            listed = _cues().cue("left.list_of_groups").found(window)
            other = parse_int(listed.group("n")) if listed is not None else None
        if other is not None:
            # GUIDE: "30 in group A and 32 in group B" with no total stated -> null, no arithmetic.
            draft.warn(f"patients: {best.value} and {other} {best.noun} read as groups with no stated total; left null",
                       (best.start, best.end))
            return None, None
        return best, None

    @staticmethod
    def _sex_of_one_arm(draft: Draft, lost: tuple[Candidate, ...]) -> None:
        """"We tested 22 male shooters (group A) and 31 male recruits (group B)": where the groups have no total,
        a sex count that is one group's count is the study's only when every group carries one, each of
        another sex ("20 male workers (group A) and 26 female clerks (group B)")."""
        pop = draft.population
        arms = {c.start for c in lost if "per-arm" in c.categories}
        on_arm = {sex: n for sex in ("female", "male") if (n := getattr(pop, sex)) is not None and n.span.start in arms}
        if on_arm and not (len(on_arm) == 2 == len(arms)):
            for sex, n in on_arm.items():
                draft.warn(f"{sex}: {n.value} {n.noun} read as groups with no stated total (one group's count); "
                           "left null", n.span)
                setattr(pop, sex, None)

    @staticmethod
    def _sex_split_total(doc: Doc, draft: Draft, lost: tuple[Candidate, ...]) -> Candidate | None:
        """"A retrospective study of 18 psoas abscesses ... There were 10 women and eight men", "16 fatalities
        and 10 survivors ... Among the survivors, two were male and eight were female": where no candidate
        scored high enough, the printed count just before the cohort's sex breakdown that the breakdown adds up
        to exactly is the cohort. A candidate a cue ruled out stays out; the measures of the lexicon
        (`sex_split.json`) are never people."""
        pop = draft.population
        assert pop.female is not None and pop.male is not None
        total = pop.female.value + pop.male.value
        split_at = min(pop.female.span.start, pop.male.span.start)
        if total < 2 or section_kind(doc, split_at) == "intro":
            return None
        text = doc_text(doc)
        out = {c.start for c in lost if c.score < 0}
        if any(c.value == total and c.score < 0 for c in lost):
            return None  # a count of that size a cue ruled out ("24 patients received A and 24 ... B"): not clear
        found: Candidate | None = None
        for c in lost:
            if c.value == total and c.score >= 0 and c.start < split_at and section_kind(doc, c.start) != "intro":
                found = c  # the last one before the breakdown
        for m in _UNITS_COUNT.finditer(text, 0, split_at):
            if (parse_int(m.group("n")) != total or m.start("n") in out or section_kind(doc, m.start()) == "intro"
                    or m.group("word").lower() in _MEASURES
                    or _PLAIN_YEAR.fullmatch(m.group("n"))):
                continue
            if found is None or m.start() > found.start:
                noun = " ".join(m.group("noun").split())
                found = Candidate(total, noun, m.start("n"), m.end(), "cohort.sex_split_total", 0, "sex split total")
        if found is None:
            return None
        # its confidence tier and reason are the rule's, in patterns/confidence.json
        pop.patients = Count(value=found.value, noun=found.noun,
                             span=draft.span(found.start, found.end, "cohort.sex_split_total"))
        return replace(found, why=f"the count the sex breakdown ({pop.female.value} + {pop.male.value}) adds up to")

    @staticmethod
    def _control_group_next(doc: Doc, text: str, best: Candidate, by: dict[str, list[Hit]]) -> int | None:
        """The size of a control group of the cohort's noun named in the next sentence, at least as large as
        the cohort candidate: "A study of 30 patients fused to L3. Thirty matched patients fused to L4 were in
        the control group" is two groups with no total. A smaller one may be a part of the cohort ("We
        enrolled 60 patients. Thirty patients were in the control group"); healthy or unexposed controls
        leave the index group the cohort."""
        noun = _singular(best.noun.split()[-1]) if best.noun else ""
        end = sentence_at(doc, best.start)[1]
        if not noun or noun == "n" or end >= len(text):
            return None
        ns, ne = sentence_at(doc, min(len(text) - 1, end + 1))
        if ns < end:
            return None
        control = _cues().cue("right.control_group")
        for h in by.get("count", []):
            if not ns <= h.start < ne:
                continue
            n = parse_int(h.group("n") or "")
            if (n is None or n < best.value or _singular((h.group("noun") or "x").split()[-1].lower()) != noun
                    or not control.found(text[h.end : ne])):
                continue
            if n == best.value and _RESTATED.search(text, max(ns, h.start - 12), h.start):
                continue  # "Twenty-two patients were assessed. These 22 patients constituted the control group"
            if {w.lower() for w in _WORD.findall(text, ns, ne)} & _NOT_INDEX_CONTROLS:
                return None  # "Thirty healthy volunteers served as controls": the index group stays
            return n
        return None

    @staticmethod
    def _framed_part_of(best: Candidate, cands: list[Candidate]) -> Candidate | None:
        """An earlier, larger count of the same people before a cohort chosen by its sentence frame ("In 8
        patients with ...") that only the subgroup cue kept below the threshold ("... were recorded in 10
        patients with ..."): the framed count is a part of it."""
        if "left.sentence_in" not in best.why:
            return None
        noun = _singular(best.noun.split()[-1].lower()) if best.noun else ""
        for c in cands:
            if (c.start < best.start and c.value > best.value and 0 <= c.score < best.score
                    and "subgroup" in c.categories and c.noun
                    and _singular(c.noun.split()[-1].lower()) == noun):
                return c
        return None

    @staticmethod
    def _eligible_end(best: Candidate, good: list[Candidate], scoring: Scoring) -> Candidate:
        """"We reviewed 155 cases ... Six patients fulfilled the inclusion criteria": a later, smaller count that met
        the inclusion criteria is the funnel's end, where the cohort chosen is the first stated (no decisive one) and
        no step after it narrows it further ("... 120 met the criteria. Of these, 100 were enrolled")."""
        if _decisive(best.categories, best.rule, scoring):
            return best
        for i, c in enumerate(good):
            if c.start > best.start and "eligibility-met" in c.categories and c.value < best.value:
                if any(d.start > c.start and d.value < c.value for d in good[i + 1 :]):
                    return best
                return c
        return best

    @staticmethod
    def _cohort_after_framed_part(best: Candidate, good: list[Candidate]) -> Candidate:
        """"In two patients, EM was performed ... Ten consecutive patients were evaluated": a count chosen by its
        sentence frame, followed by a larger count of the same people stated with a cohort verb, was a part of
        them; the larger count is the cohort."""
        if "left.sentence_in" not in best.why:
            return best
        noun = _singular(best.noun.split()[-1].lower()) if best.noun else ""
        for c in good:
            if (c.start > best.start and c.value > best.value and c.noun
                    and c.categories & {"cohort-verb", "cohort-verb-after"}
                    and _singular(c.noun.split()[-1].lower()) == noun):
                return c
        return best

    @staticmethod
    def _part_next(doc: Doc, text: str, best: Candidate, by: dict[str, list[Hit]]) -> int | None:
        """The sample of the next part of a study told part by part: "The first survey gathered data from 604
        residents ... The second survey tested hearing in 64 people" are two groups with no total. The part
        opens in the cohort's sentence before the count, or in the sentence before it ("In the first part, an
        interview was held. A total of 41 adults ..."); the next part opens in a later sentence with its own
        count of people (the ordinal's successor, the same kind of part)."""
        s, e = sentence_at(doc, best.start)
        from_ = sentence_at(doc, s - 2)[0] if s >= 2 else s
        opened = None
        # from the stop before the sentence, so that a part opening the sentence is found ("^" holds only at 0)
        for m in _PART_OPENS.finditer(text, max(0, from_ - 2), best.start):
            opened = m
        if opened is None:
            return None
        k = _ORDINALS.index(opened.group("ord").lower())
        if k + 1 >= len(_ORDINALS):
            return None
        part = _singular(opened.group("part").lower())
        for m in _PART_OPENS.finditer(text, max(0, e - 2), min(len(text), e + _PART_LOOKAHEAD)):
            if m.group("ord").lower() != _ORDINALS[k + 1] or _singular(m.group("part").lower()) != part:
                continue
            ns, ne = sentence_at(doc, m.start("ord"))
            # its count: in the sentence that opens it or the next one
            end = sentence_at(doc, ne + 1)[1] if ne + 1 < len(text) else ne
            for h in by.get("count", []) + by.get("count_verb", []) + by.get("n_equals", []):
                n = parse_int(h.group("n") or "")
                if m.start() <= h.start < end and n and n != best.value:
                    return n
            return None
        return None

    def _inside_cohort(self, doc: Doc, text: str, base_n: int, before: int, by: dict[str, list[Hit]]) -> bool:
        """A cohort larger than `base_n` is stated before `before` (a count that scores as the cohort):
        a funnel whose base is smaller narrows one of its subgroups, not the study's intake."""
        threshold = _cues().scoring.threshold
        for h in by.get("count", []) + by.get("count_verb", []):
            if h.start >= before or (parse_int(h.group("n") or "") or 0) <= base_n:
                continue
            c = self._score(doc, text, h)
            if c is not None and c.score >= threshold:
                return True
        return False

    @cached_property
    def _took_part(self) -> CompiledRule:
        """The took_part rule, whose `requires` says the abstract speaks of a survey."""
        return next(cr for cr in self.rules if cr.id == "cohort.took_part")

    def _score(self, doc: Doc, text: str, h: Hit) -> Candidate | None:
        """Weigh one count by the cues of `patterns/cues/cohort.jsonl` around it; None when it cannot be
        the cohort at all. The reason a candidate lost is kept in `Candidate.why`."""
        n = parse_int(h.group("n") or "")
        if not n or n == 1:
            return None  # "one was treated with zinc": a cohort of one is a case report, read by the case rules
        kind = section_kind(doc, h.start)
        sent = sentence_at(doc, h.start)
        # "Patients (40) with ..." (cohort.n_bracketed) is weighed as "(n = 40)" is: by its label
        rule = "n_equals" if h.label == "n_equals" else h.rule.removeprefix("cohort.")
        noun = (h.group("noun") or "").lower()
        if rule == "count_noun":
            noun_class = "sex" if noun in _SEX_NOUNS else "person"
            base_key = f"count_noun.{noun_class}"
            if noun_class == "sex":
                other = _OTHER_SEX[_SEX[noun]]  # every sex noun of the lexicon is a key of _SEX
                if not other.search(text, *sent):
                    base_key = "count_noun.sex_only"  # "Sixty healthy women, half of whom ...": a one-sex cohort
        else:
            noun_class = ""
            base_key = rule
        kinds = {rule, noun_class, f"noun:{noun}"}  # "noun:cases": a cue may apply to one noun (applies_to)
        if rule == "count_noun" and _PLAIN_YEAR.fullmatch(h.group("n") or ""):
            kinds.add("year")  # "In 2012 residents were offered screening": left.not_cohort.year_preposition
        if _is_provider(noun):
            kinds.add("provider")  # "35 clinicians and 286 patients": right.providers_then_patients
        adj = h.group("adj")
        if adj and _SEX_ADJ.search(adj):
            kinds.add("sex-adjective")  # "319 female patients"
        written = " ".join((h.group("noun") or "").split())
        if written[:1].isupper():
            kinds.add("capitalised")
        cues = _cues()
        section = cues.scoring.sections.get(kind or "", 0)
        out_noun = (written if rule == "count_noun" else "patients" if rule == "count_verb"
                    else (written or "participants") if rule in cues.scoring.decisive_rules else "n")
        left = text[max(sent[0], h.start - 60) : h.start]
        if isinstance(section, dict) and section.get("veto"):
            # "BACKGROUND: ... We report two cases of psoas abscess": a case series is named in the
            # Background, where no other count is the cohort (cohort_scoring.json, sections.intro.unless)
            section = 0 if cues.cue(section["unless"]).found(left) else "veto"
        if section == "veto":
            return Candidate(n, out_noun, h.start, h.end, h.rule, -1, f"out: in the {kind} section")
        if "[[" in text and _inside_reference(text, h.start):
            # "[[20]Smith J. ... an Australian cohort study of 105,078 adults ... Google Scholar]": a cited paper's
            return Candidate(n, out_noun, h.start, h.end, h.rule, -1, "out: inside a cited reference")
        # the three-digit test first: it is one short fullmatch, the other a search of the window
        if _THREE_DIGITS.fullmatch(h.group("n") or "") and (_SPACED_GROUP.search(left) or _COMMA_SPACED.search(left)):
            # "17 625 patients" with a plain space: the 625 is the tail of 17,625; "A total of 2, 340 patients" with
            # a comma and a space may be 2,340 (or a list: "aged 61, 120 women"): no count either way
            return None
        if 1900 <= n <= 2030 and rule != "count_noun":
            return None  # a year
        if rule == "count_verb":
            of = _FUNNEL_BASE_BEFORE.search(text, sent[0], h.start)
            if of is not None and _of_things(of.group(0)):
                # "Of the 16 surveyed parameters, 5 were identified": a step of a funnel of things
                return Candidate(n, out_noun, h.start, h.end, h.rule, -1, "out: a funnel of things, not people")
        a = cues.assess(
            text,
            h.start,
            h.end,
            sent,
            frozenset(kinds),
            # an aside in brackets ("33 consecutive, surgically treated (between 1991 and 1998) patients")
            # does not part the count from its noun: its words are not weighed
            between=_RISK_CLASS.sub(" ", _BRACKETED.sub(" ", adj)) if adj else "",
            base=cues.scoring.base.get(base_key, 0.0),
            value=n,
        )
        if (a.veto is None and h.group("pct") and rule == "count_verb"
                and (h.group("verb") or "").lower().startswith(_INCLUDED_VERBS)
                and cues.cue("left.screened_base").found(text[max(0, h.start - 300) : h.start])):
            # "We screened 7525 patients; 2052 (27.3%) were enrolled": the last step of a screening funnel,
            # its percentage a share of those screened
            a.categories = frozenset(a.categories) | {"this-analysis"}
        share_base = ("share-denominator" in a.categories
                      and not a.categories & {"cohort-verb", "cohort-frame"}
                      and not cues.cue("right.share_part.took_part").found(text[h.end : h.end + 60])
                      and not cues.cue("left.share_part.framed").found(text[max(0, h.start - 80) : h.start]))
        if (a.veto is None and h.group("pct") and not _decisive(a.categories, rule, cues.scoring)
                and not share_base):
            # (not "891 of 9609 (9.3%) included patients required ...": the percentage is the share's, the count its
            # base; but "a review of the notes of 16 of 96 (17%) children" reviewed the 16, and "807 of 939 (86%)
            # survivors answered" are the responders, so those keep the veto)
            # "15 patients (42%)": a share of the cohort; but "445 (62%) responded" and "The
            # analysis included 2,556 (17.4%) patients" are the analysed share of a base
            return Candidate(n, out_noun, h.start, h.end, h.rule, -1, "out: a share, its own percentage follows")
        if a.veto is None and rule == "count_noun" and _stated_as_share(doc, text, h.group("n") or "", h.start):
            # "ACT 1216 (47.6%), quinine 1044 (40.8%) ... Of the 1216 patients prescribed an ACT, 441 ...": a
            # number first stated as a share of something larger is that part again, not the cohort
            return Candidate(n, out_noun, h.start, h.end, h.rule, -1, "out: stated before as a share")
        if a.veto is None and isinstance(section, dict):
            needed = section.get("requires")
            if needed and needed not in a.categories:
                a.veto = f"{kind} section without a {needed} cue"
        elif a.veto is None and isinstance(section, (int, float)):
            a.score += section
        score = -1.0 if a.veto else a.score
        return Candidate(n, out_noun, h.start, h.end, h.rule, score, a.why(), frozenset(a.categories))

    # --- sex ----------------------------------------------------------------------

    @staticmethod
    def _sex_of_some(doc: Doc, text: str, h: Hit, sex: str, by: dict[str, list[Hit]], pop: Population) -> bool:
        """"Decompensation was observed in 2 female patients": a sex count standing alone (no count
        of the other sex in its sentence, not in the cohort's sentence) where an outcome or a subgroup
        is stated is the sex of those few, not the cohort's."""
        s, e = sentence_at(doc, h.start)
        if pop.patients is not None and s <= pop.patients.span.start < e:
            return False
        if any(o is not h and s <= o.start < e and _SEX.get((o.group("sex") or "").lower()) not in (sex, None)
               for o in by.get("sex", []) + by.get("sex_slash", [])):
            return False  # "20 men and 15 women": a breakdown
        cues = _cues()
        return bool(_SUBGROUP_BEFORE.search(text, max(s, h.start - 30), h.start)
                    or any(cues.cue(c).found(text[h.end : min(e, h.end + 80)])
                           for c in ("right.outcome_of_some", "right.outcome_of_some.state")))

    @staticmethod
    def _breakdowns_of_others(doc: Doc, text: str, hits: list[Hit], total: int | None) -> set[int]:
        """"40 patients were studied, and 12 had a relapse (7 men and 5 women)": a bracketed breakdown by
        sex that adds up to the count just before its bracket, which is not the cohort, is that group's.
        The starts of such sex counts."""
        if total is None:
            return set()
        brackets: dict[int, list[Hit]] = {}
        for h in hits:
            s, _ = sentence_at(doc, h.start)
            at = _open_bracket_before(text, s, h.start)
            if at is not None:
                brackets.setdefault(at, []).append(h)
        out: set[int] = set()
        for at, inside in brackets.items():
            if len({_SEX.get((h.group("sex") or "").lower()) for h in inside}) < 2:
                continue  # one sex only: whose it is, is weighed by the checks that follow
            added = sum(parse_int(h.group("n") or "") or 0 for h in inside)
            s, _ = sentence_at(doc, at)
            last = None
            for last in _A_COUNT.finditer(_unbracketed(text[s:at])):  # not "(30%)" nor "(AUDIT 8)"
                pass
            if last is not None and parse_int(last.group(0)) == added != total:
                out.update(h.start for h in inside)
        return out

    def _sex(self, doc: Doc, draft: Draft, by: dict[str, list[Hit]], case: Hit | None) -> None:
        pop = draft.population
        if case is not None:
            sex = _SEX.get((case.group("sex") or "").lower())
            if sex:
                setattr(pop, sex, Count(value=1, noun=case.group("sex") or sex, span=draft.hit_span(case)))
                return
            # "This case report describes ... acne in an Asian woman": the one person named by a singular sex noun
            # elsewhere, when the abstract names only one sex so (not "a man and his wife")
            text = doc_text(doc)
            named = {}
            for m in _CASE_SEX_NOUN.finditer(text):
                named.setdefault(_SEX[m.group("sex").lower()], m)
            if len(named) == 1:
                sex, m = next(iter(named.items()))
                if not _PRONOUNS[_OTHER_SEX_NAME[sex]].search(text):
                    count = Count(value=1, noun=m.group("sex"), span=draft.span(m.start("sex"), m.end("sex"),
                                                                             "cohort.case_sex_noun"))
                    review(count, "the case's sex read from the singular noun that names them")
                    setattr(pop, sex, count)
                    return
            # "a 54-year-old patient ... When he returned": the pronouns, when they are of one sex only
            said = {sex: words.search(text, case.start) for sex, words in _PRONOUNS.items()}
            found_in = [sex for sex, m in said.items() if m is not None]
            if len(found_in) == 1:
                m = said[found_in[0]]
                count = Count(value=1, noun=m.group(0), span=draft.span(m.start(), m.end(), "cohort.case_pronoun"))
                review(count, "the case's sex read from its pronouns")
                setattr(pop, found_in[0], count)
            return
        text = doc_text(doc)
        total = pop.patients.value if pop.patients else None
        cohort_of_providers = pop.patients is not None and _is_provider(pop.patients.noun)
        found: dict[str, list[tuple[int, str, Hit]]] = {"female": [], "male": []}
        rate_per = _cues().cue("left.not_cohort.rate_per")
        sign_before = _cues().cue("left.not_cohort.threshold")  # a comparison sign before the number
        of_others = self._breakdowns_of_others(doc, text, by.get("sex", []), total)
        for h in by.get("sex", []):
            if section_kind(doc, h.start) == "intro" or h.start in of_others:
                continue
            s, e = sentence_at(doc, h.start)
            if _VS_WORDS.search(text, s, h.start) and _VS.search(_unbracketed(text[s : h.start])):
                # "(vs 1473 male ... nonresponders)": the comparison group; a comparison in a bracket closed
                # before the count ("(67 years vs 68 years), and 2075 responders were men") is over
                continue
            n = parse_int(h.group("n") or "")
            sex = _SEX.get((h.group("sex") or "").lower())
            if n is None or sex is None or (total is not None and n > total):
                continue
            if h.group("of_n") and parse_int(h.group("of_n") or "") != total:
                continue  # "women accounted for 48.5% (94/194)" of some other than the cohort
            # a label before its own count ("(female 52/male 28)", "(men 361, women 550)"): what stands before the
            # label is no part of the number
            label_first = h.rule == "cohort.sex_label_first"
            if (_THREE_DIGITS.fullmatch(h.group("n") or "") and not label_first
                    and _COMMA_SPACED.search(text, max(s, h.start - 12), h.start)):
                continue  # "We enrolled 1, 250 women": the tail of 1,250 (see _score)
            before = text[max(s, h.start - 12) : h.start]
            if sign_before.found(before) or _CUT_OFF_WORDS_BEFORE.search(text, max(s, h.start - 40), h.start):
                continue  # "(DUDIT >=6 men/>=2 women)": a screening cut-off for each sex, no count
            if rate_per.found(text[max(s, h.start - 20) : h.start]):
                continue  # "5 per 100,000 women": the base of a rate, no count of anyone
            frac = _FRACTION_BEFORE.search(text, max(s, h.start - 12), h.start) if not label_first else None
            if frac is not None:
                # "79/113 (69.9%) male": the count is the fraction's numerator, the 113 its denominator
                part = parse_int(frac.group("n"))
                if part is not None and part <= n:
                    found[sex].append((part, h.group("sex") or sex,
                                       replace(h, start=frac.start(), text=text[frac.start() : h.end])))
                continue
            share = _SHARE_OF_BEFORE.search(text, max(s, h.start - 40), h.start)
            if share is not None:
                # "63 of 77 patients were male": the 77 is the denominator of a share; when it is the
                # cohort ("Forty-six of the 47 patients were male", the cohort 47), the 63 is the count
                part = parse_int(share.group("n") or "")
                if total is not None and n == total and part is not None and part < total:
                    found[sex].append((part, h.group("sex") or sex,
                                       replace(h, start=share.start(), text=text[share.start() : h.end])))
                continue
            # "433 male surgeons": the adjective's noun; after a plural ("four males took part") a verb follows
            noun_after = _NOUN_AFTER_SEX.match(text, h.end) if (h.group("sex") or "").lower() in ("male", "female") else None
            after = _sex_adjective_noun(noun_after)
            if after is not None and (after not in _PERSON_WORDS or _is_provider(after) and not cohort_of_providers):
                continue  # "307 female and 433 male surgeons": the sex of someone other than the participants
            if _OF_A_SEX_COUNT.search(text, max(s, h.start - 60), h.start):
                continue  # "103 were male, of whom 84 were men who have sex with men": some of that sex
            # "60% (18) were women": the count in brackets after its share; whose share it is, is read before it
            share_first = _SHARE_THEN_COUNT.search(text, max(s, h.start - 16), h.start)
            at = share_first.start() if share_first else h.start
            owner = _SEX_OWNER.search(text, max(s, at - 100), at)
            if owner and total is not None and parse_int(owner.group("n")) not in (total, None):
                continue  # "44 patients (30 male)", "Of the 6 patients with epilepsy, 4 were male": a subgroup's
            if owner and total is None and any(
                o is not h and s <= o.start < e
                and _NEXT_GROUP.search(text, min(h.end, o.end), max(h.start, o.start)) is not None
                for o in by.get("sex", [])
            ):
                # "Eleven patients (9 men and 2 women) received A; 10 patients (9 men and 1 woman) received B": one
                # group's breakdown of two told side by side, where no cohort is read
                continue
            if n != total and _cues().cue("left.per_arm.group_had").found(text[max(s, h.start - 60) : h.start]):
                continue  # "The case group included 17 men (64%)": one arm's
            if n != total and _cues().cue("left.per_arm.one_part").found(text[max(s, h.start - 120) : h.start]):
                continue  # "One centre recruited 35 men", "the smallest study included 24 women": one part's
            if n != total and self._sex_of_some(doc, text, h, sex, by, pop):
                continue
            after_sex = text[h.end : min(e, h.end + 80)]
            if any(_cues().cue(c).found(after_sex) for c in ("right.excluded", "right.intake")):
                continue  # "12 women were excluded", "165 men inquired about the trial": not who took part
            found[sex].append((n, h.group("sex") or sex, h))
        for h in by.get("sex_slash", []) + by.get("sex_ratio", []):
            x, y = parse_int(h.group("x") or ""), parse_int(h.group("y") or "")
            a, b = _SEX.get((h.group("a") or "").lower()), _SEX.get((h.group("b") or "").lower())
            if x is None or y is None or a is None or b is None or a == b:
                continue
            is_ratio = h.label == "sex_ratio" or h.group("ratio")
            if is_ratio and (total is None or x + y != total):
                draft.warn(f"sex: {h.text!r} is a ratio, not counts", h)
                continue
            found[a].append((x, h.group("a") or a, h))
            found[b].append((y, h.group("b") or b, h))
        # "150 participants (73 girls, 77 boys) were included ... data from 137 were analysed (65 girls,
        # 72 boys)": several counts, but only one stated with the cohort the patients field holds.
        cohort_sentence = sentence_at(doc, pop.patients.span.start) if pop.patients else None
        # "the male to female ratio was 23 : 10" beside subgroups' "15 men" and "4 women": of
        # several counts, the one pair that adds up to the cohort is the cohort's breakdown
        if total is not None and any(len({v for v, _, _ in items}) > 1 for items in found.values()):
            pairs = {(f, m) for f, _, _ in found["female"] for m, _, _ in found["male"] if f + m == total}
            if len(pairs) == 1:
                f, m = pairs.pop()
                found = {"female": [it for it in found["female"] if it[0] == f][:1],
                         "male": [it for it in found["male"] if it[0] == m][:1]}
        if pop.patients is None:
            for sex, items in found.items():
                sents = [sentence_at(doc, h.start) for _, _, h in items]
                if len(sents) > len(set(sents)) and len({v for v, _, _ in items}) == 1:
                    # "compare a sample of 23 men who ... to a sample of 23 men who ...": groups of one sex and one
                    # size, where no cohort is read; the sex count is their total, which is not printed (GUIDE: no
                    # arithmetic). Groups of different sizes are several different counts, said below.
                    counts = " and ".join(str(v) for v, _, _ in items[:3])
                    draft.warn(f"{sex}: {counts} {items[0][1]} read as groups with no stated total; left null",
                               items[0][2])
                    found[sex] = []
        if pop.patients is not None and not found["female"] and not found["male"]:
            if not self._cases_one_by_one(draft, by.get("case", [])):
                self._single_sex_cohort(doc, text, draft)
            return
        for sex, items in found.items():
            if not items:
                continue
            values = {v for v, _, _ in items}
            if len(values) > 1 and cohort_sentence is not None:
                with_cohort = [it for it in items if sentence_at(doc, it[2].start) == cohort_sentence]
                if len({v for v, _, _ in with_cohort}) == 1:
                    items, values = with_cohort, {with_cohort[0][0]}
            if len(values) > 1:
                items.sort(key=lambda t: t[2].start)
                draft.warn(f"{sex}: several different counts {sorted(values)}; left null", items[0][2])
                continue
            v, noun, h = items[0]
            setattr(pop, sex, Count(value=v, noun=noun, span=draft.hit_span(h)))

    @staticmethod
    def _cases_one_by_one(draft: Draft, cases: list[Hit]) -> bool:
        """"We report two cases ... The first patient, a 50-year-old man ... The second, a 35-year-old
        woman": a report of a few cases that names each one's age and sex gives the sex counts, when
        the persons it names (one per age and sex) are exactly its cases."""
        pop = draft.population
        total = pop.patients.value if pop.patients else 0
        if not 2 <= total <= 5:
            return False
        persons: dict[tuple[str, str], Hit] = {}
        for h in cases:
            person = _case_person(h)
            if person is None:
                return False  # a case named without its age or sex: the counts cannot be told
            persons.setdefault(person, h)
        if len(persons) != total:
            return False
        for sex in ("female", "male"):
            named = [h for (_, s), h in persons.items() if s == sex]
            if named:
                setattr(pop, sex, Count(value=len(named), noun=named[0].group("sex") or sex, span=draft.hit_span(named[0])))
        return True

    def _single_sex_cohort(self, doc: Doc, text: str, draft: Draft) -> None:
        """"We enrolled 120 pregnant women", "Nine healthy male volunteers": a cohort named by one sex is all
        of that sex, when its sentence names no other sex (GUIDE: "1,527 women" gives female 1527)."""
        pop = draft.population
        span = pop.patients.span
        sent = sentence_at(doc, span.start)
        named_by = _BRACKETED.sub(" ", span.text)  # "29 (57% male) survivors": a share in brackets names no cohort
        if span.rule in ("cohort.n_equals", "cohort.n_bracketed"):
            # "gay and bisexual men (n = 8382)", "Black MSM in the cohort (N=301)": the words before the n
            named_by = _CLAUSE_BREAK.split(text[max(sent[0], span.start - 60) : span.start])[-1]
        if _HEDGED_SEX.search(span.text) or _HEDGED_SEX.search(named_by):
            return  # "468 predominantly male (77.8%) patients", "220 mostly female nurses": not all of one sex
        named = [sex for sex, words in _SEX_WORDS.items() if words.search(named_by)]
        if not named:
            # "We reviewed 38 patients ... All patients were female": said of all of them in a sentence of its own
            total = pop.patients.value
            # not "Of the 5 deaths, all were male": a count other than the cohort's before it names whom "all" means
            said = [(m, sentence_at(doc, m.start())) for m in _ALL_WERE_SEX.finditer(text)
                    if section_kind(doc, m.start()) != "intro"]
            said = [(m, (a, b)) for m, (a, b) in said
                    if all(parse_int(n) == total for n in _INTEGER.findall(text, a, m.start()))]
            sexes = {_SEX[m.group("sex").lower()] for m, _ in said}
            if len(sexes) == 1:
                sex = sexes.pop()
                if not any(_OTHER_SEX[sex].search(text, a, b) for _, (a, b) in said):
                    first = said[0][0]
                    count = Count(value=total, noun=pop.patients.noun,
                                  span=draft.span(first.start(), first.end(), "cohort.all_one_sex"))
                    review(count, f"the cohort's count, all said to be {sex}")
                    setattr(pop, sex, count)
            return
        if len(named) != 1 or named[0] not in _OTHER_SEX:
            return  # "40 men and women", "450 MSM/TGW": not all of one sex
        sex = named[0]
        if _OTHER_SEX[sex].search(text, *sent):
            return  # "40 women and their male partners", "40 men or women"
        count = Count(value=pop.patients.value, noun=pop.patients.noun, span=span)
        if pop.patients.confidence != "high":
            review(count, f"the cohort's count, all of one sex ({pop.patients.noun})")
        setattr(pop, sex, count)

    # --- age ----------------------------------------------------------------------

    def _age(self, doc: Doc, draft: Draft, hits: list[Hit]) -> None:
        text = doc_text(doc)
        found: list[tuple[tuple[int, int], Stat]] = []
        later: float | None = None
        first_rank: int | None = None  # the rank of the event the first figure is told at
        total = draft.population.patients.value if draft.population.patients else None
        for h in hits:
            if section_kind(doc, h.start) == "intro":
                continue
            group = _AGE_OF_GROUP.search(text, max(0, h.start - 60), h.start)
            if group is not None and parse_int(group.group("n")) != total:
                # "Internal validation on 150 patients with a mean age of 75", "14 pts. aged 11.7 y receiving
                # zinc": the age of a group, not of the cohort
                continue
            if _AGE_OF_RELATIVES.match(text, h.start, min(len(text), h.end + 60)):
                continue  # "The mean age of their parents was 41 years": the relatives' age, not the cohort's
            stat = (h.group("stat") or "").lower() or None
            stat = "mean" if stat in ("average", "averaged", "m") else stat  # "M = 11.3, SD = 0.7"
            markers = (h.group("pre") or "") + (h.group("post") or "") + (h.group("post2") or "")
            sd_paren = "sd" in markers.lower() or "standard" in markers.lower()
            parsed = parse_stat(text, h.end, stat, sd_in_parens=sd_paren, max_words=2, limit=120)
            if not parsed.central or parsed.unit not in (None, "years"):
                continue
            if _MONTHS_PART.match(text, parsed.end):
                # "a mean age of 9 years and 9 months": the years are only part of the figure
                draft.warn("age: a figure in years and months; left null", (h.start, parsed.end))
                continue
            v = parsed.values
            center = v.get("mean", v.get("median"))
            if not isinstance(center, (int, float)) or not 0 < center < 120:
                continue
            sent = sentence_at(doc, h.start)
            if any(a.span.start < max(parsed.end, h.end) and h.start < a.span.end for _, a in found):
                continue  # "median age, 8.7 yr": one figure that two rules read ("age, 8.7" with no statistic)
            event = _AGE_EVENT.search(text, h.start, min(len(text), h.end + 30))
            rank = _AGE_EVENT_RANK.get(event.group("ev").lower()) if event is not None and event.start() < h.end else None
            if rank == 0:
                # "The mean age at first pregnancy was 27 years", "age at menarche": a life event's age, not the cohort's
                draft.warn(f"age: {text[h.start:h.end + 20]!r} is the age at a life event, not the cohort's; skipped",
                           (h.start, h.end))
                continue
            if found and sent != found[0][0]:
                first = found[0][1].mean if found[0][1].mean is not None else found[0][1].median
                if center == first:
                    break
                if rank is None or first_rank is None or rank <= first_rank:
                    later = center  # "Mean age at diagnosis was 17.9 ... the mean age of the 12 responders was 20.2"
                    break
                # "Mean age at diagnosis was 17.9 ... Mean age at LT was 20.2": the age at the study's index
                # event over the age at diagnosis, that over the age at onset (age_events.json)
                later, found = first, []
            if found and sent == found[0][0] and first_rank is None and rank in (1, 2):
                # "presented with a mean age of 26 years and a mean age at onset of 23.7 years": the cohort's age,
                # and beside it the age at an earlier event (onset, diagnosis), as over two sentences
                later = center
                continue
            first_rank = rank if not found else first_rank
            other = _AGE_OTHER_GROUP.match(text, max(parsed.end, h.end), sent[1])
            if (other is not None and _AGE_LATER.match(text, other.end("other"))
                    and (at := _AT_EVENT.search(text, max(parsed.end, h.end), other.start("other"))) is not None
                    and _AGE_EVENT_RANK.get(at.group("ev").lower(), 0) >= 2):
                other = None  # "14.1 years at surgery and 26.8 years at follow-up": the same people, later
            if other is not None:
                # "The mean age of cases and controls were 39 and 44 years, respectively", "51.4 years,
                # compared to 39.5 years in BB- patients": each group's age, not the cohort's
                draft.warn(f"age: several different figures, one group's {center:g} beside {other.group('other')}; left null",
                           (h.start, max(parsed.end, h.end)))
                return
            found.append(
                (
                    sent,
                    Stat(
                        mean=v.get("mean"),
                        sd=v.get("sd"),
                        median=v.get("median"),
                        iqr=v.get("iqr"),
                        range=v.get("range"),
                        unit="years",
                        span=draft.span(h.start, max(parsed.end, h.end), h.rule),
                    ),
                )
            )
        if not found:
            return
        if len({(a.mean, a.median) for _, a in found}) > 1:
            # "IHCA (median age 73) and OHCA (median age 69)": two cohorts, no overall figure
            draft.warn("age: several different figures in one sentence (groups?); left null", found[0][1].span)
            return
        draft.population.age = found[0][1]
        if later is not None:
            review(draft.population.age, f"another age figure later in the abstract ({later:g})")

    # --- lesions ------------------------------------------------------------------

    def _lesions(self, doc: Doc, draft: Draft, by: dict[str, list[Hit]], patients: Candidate | None) -> None:
        text = doc_text(doc)
        abbr = abbreviations(doc)
        cands = list(by.get("lesion", []))
        for h in by.get("abbr", []):
            long = _abbreviated(h.group("abbr") or "", abbr)
            if long and long.split()[-1].lower() in _LESION_NOUNS:
                cands.append(h)
        cands.sort(key=lambda h: h.start)
        psent = sentence_at(doc, patients.start) if patients else None
        for h in cands:
            n = parse_int(h.group("n") or "")
            if not n or h.groups.get("pct") or section_kind(doc, h.start) == "intro":
                continue
            if any(w.lower() in _STOP_ADJ for w in (h.group("adj") or "").split()):
                continue
            s, e = sentence_at(doc, h.start)
            left = text[max(s, h.start - 50) : h.start]
            right = text[h.end : min(e, h.end + 60)]
            if _LESION_STATISTIC.search(left):
                continue  # "average 14 vertebral bodies were fused": a statistic per patient
            if _LESION_SHARE.match(right):
                continue  # "76 SM (76/105; 72.4%)": a share
            if _LESION_THRESHOLD_AFTER.match(right):
                continue  # "patients with four discs or more remaining": a threshold
            if _cues().cue("left.not_cohort.threshold").found(left) is not None:
                continue  # "patients with ≥12 teeth": a criterion, not a count (the cohort's own cue)
            if (_LESION_SUBGROUP.search(left) and not _SENTENCE_IN.search(text, s, h.start)
                    and not (patients is not None
                             and _JOINED_TO_COHORT.fullmatch(text, h.end, patients.start))):
                # "in 12 tumours", "of the 30 nodules" (not "In 120 eyes (60 patients), ...", nor "in 56 eyes
                # of 28 patients", the cohort's own units)
                continue
            if _ANIMAL.search(text, s, e):
                continue  # "In 20 sheep, four vertebral bodies were augmented": an animal's, no patient's
            if _breakdown_of_people(text, s, h.start, h.end):
                continue  # "66 patients (38 with cancer, 28 benign lesions)": people sorted by diagnosis
            cue = psent == (s, e) or _LESION_CUE_BEFORE.search(left) or _LESION_VERB_AFTER.match(right)
            if not cue:
                continue
            noun = h.group("abbr") or " ".join((h.group("noun") or "").split())
            draft.population.lesions = Count(value=n, noun=noun, span=draft.hit_span(h))
            return


# the bracket a count stands in, after a count of people: "66 patients had pathologies (38 cancers, 28 benign
# lesions, ...)"
_PEOPLE_THEN_BRACKET = cached_compile(
    expand(r"(?P<n>{COUNT})\s+(?:[\w-]+\s+){0,2}?(?:{PERSON})\b[^.;()\[\]]{0,80}[(\[](?P<inside>[^()\[\]]*)$",
           dict(EXTRA_FRAGMENTS)),
    regex.IGNORECASE,
)
_BRACKET_REST = cached_compile(r"[^()\[\]]*[)\]]")
_NUMBER = cached_compile(r"(?<![\d.,])\d[\d,]*(?![\d.,]*\d|\s*%)")


def _breakdown_of_people(text: str, s: int, start: int, end: int) -> bool:
    """A lesion count inside the bracket after a count of people, whose numbers add up to the people: a breakdown
    of them by diagnosis, not treated units ("66 patients had pancreatic pathologies (38 histologically proven
    cancer, 28 benign pancreatic lesions)")."""
    m = _PEOPLE_THEN_BRACKET.search(text, max(s, start - 200), start)
    rest = _BRACKET_REST.match(text, end)
    if m is None or rest is None:
        return False
    inside = m.group("inside") + text[start : rest.end() - 1]
    return sum(parse_int(x.group(0)) or 0 for x in _NUMBER.finditer(inside)) == parse_int(m.group("n"))


@Language.factory("studyfacts_cohort", assigns=["doc.spans"])
def make_cohort(nlp: Language, name: str) -> CohortComponent:
    return CohortComponent(nlp, name)
