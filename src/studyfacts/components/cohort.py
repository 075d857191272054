"""The cohort fact family: patients, lesions, female, male and age.

Candidates come from `patterns/cohort.jsonl`; the resolver scores each count
by what surrounds it instead of taking the first number: the noun after it,
the verb near it (included/enrolled/randomised are cues, screened/excluded are
not), whether it is a subgroup ("of whom", a count with its own percentage),
a funnel's denominator ("Of 1563 participants, 1368 were ..."), or sits in the
Background. No convincing candidate means null and a warning.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Count, Stat
from ..numbers import TENS_WORDS, UNITS_WORDS, expand, parse_int
from ..rules import Hit, lexicon_alternation, load_lexicon
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_text, hits_of, sentence_at
from .design import section_kind
from .followup import parse_stat

EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("PERSON", lexicon_alternation("person_nouns", "strong")),
    ("SEXNOUN", lexicon_alternation("person_nouns", "sex")),
    ("LESION", lexicon_alternation("lesion_nouns", "nouns")),
    (
        "COHORT_VERB",
        r"included|enrolled|recruited|randomi[sz]ed|allocated|assigned|analy[sz]ed|studied"
        r"|evaluated|identified|reviewed|examined|investigated|eligible|operated|treated",
    ),
)

_LESION_NOUNS = {n.lower() for n in load_lexicon("lesion_nouns")["nouns"]}
_SEX_NOUNS = {n.lower() for n in load_lexicon("person_nouns")["sex"]}
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

# Cues read in the words just before a count ("A total of 56", "We enrolled 120", "There were 74").
_LEFT_POS = regex.compile(
    r"(?:\b(?:total\s+of|enrolled|included|recruited|randomi[sz]ed|studied|analy[sz]ed|identified|reviewed"
    r"|evaluated|examined|investigated|comprised|consisted\s+of|involved|involving|there\s+were|cohort\s+of"
    r"|sample\s+of|series\s+of|population\s+of|consisting\s+of|data\s+(?:of|from|on)|records\s+of"
    r"|we\s+(?:present|report|describe|studied|treated|followed)|(?:study|trial)\s+(?:of|in|included)"
    r"|undergoing|underwent|conducted\s+(?:in|on|with)|total|overall|all"
    r"|(?:implanted|performed|used|applied|carried\s+out|administered|placed|done)\s+(?:\w+\s+)?in"
    r"|(?:study|series|analysis|review|trial|experience)\b[^.;,]{0,50}?\b(?:in|of|on|with)"
    # "was studied in 60 elderly patients", "compared with isoflurane in 47 healthy women",
    # "given to 50 women"
    r"|(?:studied|investigated|compared|evaluated|assessed|examined|tested|carried\s+out|conducted|performed"
    r"|administered|given|measured|determined|observed|restricted|limited)\b[^.;]{0,60}?\b(?:in|to|on|with|among))"
    r"\s*(?:,\s*)?(?:all\s+|the\s+)?)$",
    regex.IGNORECASE,
)
# ... and the words that make it a subgroup or a source, not the cohort.
_LEFT_NEG = regex.compile(
    r"(?:\b(?:of\s+(?:whom|these|them|those|which|the)|among\s+(?:them|these|whom|the)|including|in|with|than"
    r"|to|by|and|or|vs\.?|versus|from|only|remaining|another|other|additional|further|last|first|all\s+but"
    r"|except|excluding|over|under|about|approximately|nearly|almost|up\s+to|at\s+least|compared\s+with)"
    r"\s*(?:the\s+)?)$|[-–/×x]\s*$",
    regex.IGNORECASE,
)
_RIGHT_POS = regex.compile(
    r"^[^.;,]{0,60}?\b(?:were|was|had\s+been)\s+(?:\w+\s+){0,2}?(?:included|enrolled|recruited|randomi[sz]ed"
    r"|randomly|allocated|assigned|analy[sz]ed|studied|evaluated|identified|reviewed|examined|investigated"
    r"|assessed|treated|operated|prospectively|retrospectively|consecutively|followed|divided|selected)\b"
    r"|^[^.;,]{0,30}?\b(?:participated|underwent|undergoing|completed|met\s+the|who\s+underwent"
    r"|who\s+received|treated\s+with|with\s+(?:a|an)\s+|accounting\s+for|comprised|constituted)\b",
    regex.IGNORECASE,
)
_RIGHT_NEG = regex.compile(
    r"^[\s)\]]*(?:[(\[]\s*\d+(?:[.,]\d+)?\s*(?:%|/)|(?:were|was)\s+(?:\w+\s+)?(?:screened|excluded|approached|invited"
    r"|contacted|lost|not|deemed|considered\s+ineligible)|(?:\w+\s+){0,3}?(?:were\s+)?(?:screened|excluded"
    r"|declined|refused|withdrew|dropped|died|assessed\s+for\s+eligibility)"
    # "Three patients experienced hearing loss", "7 patients had cirrhosis": an outcome of some,
    # not the cohort
    r"|(?:(?!who\b|that\b|which\b)\w+\s+)?(?:experienced|developed|had|has|have|showed|presented|died|required|suffered|achieved"
    r"|remained|recovered|complained|needed|reported|did|were\s+(?:still|alive|dead|lost|free|cured|found))\b)",
    regex.IGNORECASE,
)
_FUNNEL_OF = regex.compile(r"(?:\bOf|(?:^|[.;:,]\s*)of)\s+(?:the\s+|these\s+|all\s+|a\s+group\s+of\s+)?$")
_GROUP_BEFORE = regex.compile(
    r"\b(?:group|arm|cohort\s+[A-Z0-9]|subgroup|controls?|placebo|each)\b[^()]{0,25}[(\[]?\s*$",
    regex.IGNORECASE,
)
_PERSON_BEFORE = regex.compile(
    r"\b(?:" + lexicon_alternation("person_nouns", "strong") + r"|sample|cohort|population|total|overall"
    r"|enrolled|included|randomi[sz]ed|analy[sz]ed)\b[^()]{0,20}[(\[,]?\s*$",
    regex.IGNORECASE,
)
_SPACED_GROUP = regex.compile(r"(?<![\d.,])\d{1,3} $")
# "20 (16 index cases)": a count inside another count's parenthesis; "a database of 114,334 patients": a base
# "(HR 1.25, 95% CI 0.94 to 1.67; 3 studies; 259 participants)": the participants of one comparison
_PER_COMPARISON_LEFT = regex.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:studies|study|trials?|RCTs?)\s*[;,]\s*$",
    regex.IGNORECASE,
)
_NOT_COHORT_LEFT = regex.compile(
    # "Type 2 diabetic patients", "RH:1 donors", "approximately 8,000 patients": not a count of this cohort
    r"\b(?:type|grade|stage|class|phase|level|day|week|month|year|visit|cycle|step|part|score|version|lead|figure"
    r"|table|approximately|about|nearly|almost|over|around|roughly|estimated|some|than|up\s+to|at\s+least)\s*$"
    r"|\w[:/]$|\d\s*[(\[]\s*$|\b(?:database|registry|register|pool|records?)\s+(?:of|with)\s+(?:(?:a\s+)?total\s+of\s+)?$"
    r"|\d\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?$",
    regex.IGNORECASE,
)
_ARMS_RIGHT = regex.compile(
    r"^\s*(?:were\s+|was\s+)?(?:randomly\s+)?(?:assigned|allocated|randomi[sz]ed)\s+to\s+[^.;]{0,80}?,\s*(?:and\s+)?\d",
    regex.IGNORECASE,
)
_NUMBER_WORD = regex.compile(
    r"(?i)\b(?:hundred|thousand|" + "|".join(UNITS_WORDS) + "|" + "|".join(TENS_WORDS) + r")\b"
)
_FUNNEL_NEXT = regex.compile(
    r"\G[^.;]{0,80}?,\s*(?:(?:a\s+)?total\s+of\s+)?\d[\d,]*(?:\s*\([^()]{0,20}\))?\s+(?:\w+\s+){0,2}?"
    r"(?:(?:were|was|had\s+been)\s+(?:\w+\s+)?)?(?:included|enrolled|eligible|randomi[sz]ed|analy[sz]ed|completed"
    r"|responded|met|participated|underwent|agreed|followed|assigned|allocated|recruited|selected|consented)\b",
    regex.IGNORECASE,
)
_RIGHT_PARTICIPLE = regex.compile(
    r"^\s*(?:(?!(?:were|was|are|is|had|have)\b)[\w-]+\s+){0,2}?(?:analy[sz]ed|included|enrolled|randomi[sz]ed|recruited|studied)\b(?!\s+(?:in|to|by)\b)",
    regex.IGNORECASE,
)
_SEX_PAIR_LEFT = regex.compile(
    r"\b(?:women|men|females?|males?|girls|boys)\s*(?:\([^()]{0,20}\)\s*)?(?:and|,)\s*$", regex.IGNORECASE
)
# "This study included 240 out of 271 patients" (not "compared to 2 of 23 children": a share)
_INCLUDE_CUE = regex.compile(
    r"\b(?:included|enrolled|analy[sz]ed|recruited|randomi[sz]ed|studied|identified)\s*$", regex.IGNORECASE
)
_GROUP_RIGHT = regex.compile(
    r"^\s*(?:[(\[]\s*)?(?:(?:\w+\s+){0,2}?(?:in|into|to|of)\s+(?:the\s+)?(?:[\w-]+\s+)?)?(?:group|arm|cohort)\s+(?:[A-Z0-9]\b|\d)"
    r"|^\s*(?:in|of|from)\s+(?:the|each|both)\s+(?:[\w-]+\s+){0,2}?(?:group|arm)\b",
    regex.IGNORECASE,
)
_SEX_PAIR_RIGHT = regex.compile(
    r"^\s*(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s*)?(?:and|,)\s+(?:\w+[- ]){1,3}\s*"
    r"(?:women|men|females?|males?|girls|boys)\b",
    regex.IGNORECASE,
)
_VS = regex.compile(r"\b(?:vs\.?|versus|compared\s+with|compared\s+to|whereas|while)\b", regex.IGNORECASE)
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


# "401 patients starting drug A ... and 200 patients starting drug B", "2000 survivors of
# IHCA ... and 1108 survivors of OHCA": a second count of the same noun in the same
# sentence makes the first one group; the cohort is their total, which is not stated.
_SECOND_GROUP = regex.compile(
    expand(r"\b(?:and|versus|vs\.?|compared\s+(?:with|to))\s+(?P<n>{COUNT})\s+(?P<words>(?:[a-z][\w'-]*\s*){1,4})"),
    regex.IGNORECASE,
)
_GROUP_WINDOW = 250


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _other_group(text: str, cand: Candidate, sentence_end: int) -> int | None:
    """The size of a second group of the same noun later in the candidate's sentence, if any."""
    noun = _singular(cand.noun.split()[-1]) if cand.noun else ""
    if not noun or noun == "n":
        return None
    end = min(sentence_end, cand.end + _GROUP_WINDOW)
    semicolon = text.find(";", cand.end, end)  # "56 were included; 30 received A and 26 B": a new clause
    if semicolon >= 0:
        end = semicolon
    for m in _SECOND_GROUP.finditer(text, cand.end, end):
        if noun in (_singular(w) for w in m.group("words").split()):
            return parse_int(m.group("n"))
    return None


class CohortComponent(FactComponent):
    family = "cohort"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = sorted(hits_of(doc, "cohort"), key=lambda h: h.start)
        by = {lab: [h for h in hits if h.label == lab] for lab in {h.label for h in hits}}
        pop = draft.population
        patients = self._patients(doc, draft, by)
        case = None
        if patients is None and by.get("case"):
            # "A 65-year-old man" names the patient and their sex; "We report a case" only that there is one
            case = next((h for h in by["case"] if h.group("sex")), by["case"][0])
            noun = case.group("sex") or "case"
            pop.patients = Count(value=1, noun=noun, span=draft.hit_span(case))
        elif patients is not None:
            pop.patients = Count(
                value=patients.value,
                noun=patients.noun,
                span=draft.span(patients.start, patients.end, patients.rule),
            )
        else:
            draft.warnings.append("patients: no count with a cohort cue (noun, verb, total); left null")
        self._sex(doc, draft, by, case)
        if case is None:
            self._age(doc, draft, by.get("age", []))
        self._lesions(doc, draft, by, patients)

    # --- patients -------------------------------------------------------------

    def _patients(self, doc: Doc, draft: Draft, by: dict[str, list[Hit]]) -> Candidate | None:
        """The cohort as first stated: a funnel's analysed count wins; otherwise the first
        count that names people and is neither a subgroup, a base population nor in the Background."""
        text = doc_text(doc)
        for h in by.get("pooled", []):
            # A review's cohort is the participants of its included studies (GUIDE's settled cases).
            n = parse_int(h.group("n") or "")
            if n:
                return Candidate(n, " ".join((h.group("noun") or "").split()), h.groups["n"][0], h.end, h.rule,
                                 5, "review pooled")
        for h in by.get("funnel", []):
            n = parse_int(h.group("n") or "")
            if n and section_kind(doc, h.start) != "intro":
                return Candidate(n, "patients", h.groups["n"][0], h.end, h.rule, 5, "funnel")
        for h in by.get("out_of", []):
            s, _ = sentence_at(doc, h.start)
            n = parse_int(h.group("n") or "")
            if (
                n
                and section_kind(doc, h.start) != "intro"
                and _INCLUDE_CUE.search(text[max(s, h.start - 60) : h.start])
            ):
                return Candidate(
                    n, " ".join((h.group("noun") or "").split()), h.start, h.end, h.rule, 5, "included out of"
                )
        cands: list[Candidate] = []
        for h in by.get("count", []) + by.get("count_verb", []) + by.get("n_equals", []):
            c = self._score(doc, text, h)
            if c is not None:
                cands.append(c)
        good = sorted((c for c in cands if c.score >= 2), key=lambda c: c.start)
        if not good:
            return None
        best = good[0]
        other = _other_group(text, best, sentence_at(doc, best.start)[1])
        if other is not None:
            # GUIDE: "30 in group A and 32 in group B" with no total stated -> null, no arithmetic.
            draft.warnings.append(
                f"patients: {best.value} and {other} {best.noun} read as groups with no stated total; left null"
            )
            return None
        return best

    def _score(self, doc: Doc, text: str, h: Hit) -> Candidate | None:
        n = parse_int(h.group("n") or "")
        if not n or n == 1:
            return (
                None  # "one was treated with zinc": a cohort of one is a case report, read by the case rules
            )
        s, e = sentence_at(doc, h.start)
        kind = section_kind(doc, h.start)
        if kind == "intro":
            return None
        left = text[max(s, h.start - 60) : h.start]
        right = text[h.end : min(e, h.end + 80)]
        if kind == "aim" and not _LEFT_POS.search(left):
            return None  # an Objective/Purpose names the cohort only as "we report a series of 19 patients"
        if _SPACED_GROUP.search(left) and regex.fullmatch(r"\d{3}", h.group("n") or ""):
            return None  # "17 625 patients" with a plain space: the 625 is the tail of 17,625
        if _NOT_COHORT_LEFT.search(left):
            return None
        if _PER_COMPARISON_LEFT.search(left):
            return None  # a review's evidence line "(RR 1.2; 3 studies; 259 participants)": one comparison
        if _ARMS_RIGHT.search(right):
            return None  # "183 patients were assigned to receive BR, 182 to ...": one arm of several
        noun = (h.group("noun") or "").lower()
        adj = (h.group("adj") or "").split()
        score = 0.0
        why = []
        if h.rule == "cohort.count_noun":
            if any(w.lower() in _STOP_ADJ or _NUMBER_WORD.search(w) for w in adj):
                return (
                    None  # "15 of the patients"; "One hundred-and-sixty-eight ...": a number we cannot read
                )
            # "35 women" is a sex count unless a cue makes it the cohort ("we enrolled 120 women");
            # "10 women and eight men" is a breakdown by sex, never the cohort.
            if noun in _SEX_NOUNS:
                if _SEX_PAIR_RIGHT.search(right) or _SEX_PAIR_LEFT.search(left):
                    return None
                score += 0.5
            else:
                score += 2
            noun = " ".join((h.group("noun") or "").split())
            if noun[:1].isupper() and regex.match(r"\s+[A-Z]", right):
                return None  # "four Veterans Affairs facilities": part of a name
        elif h.rule == "cohort.count_verb":
            score += 3  # "118 were included": the verb itself is the cue
            noun = "patients"
        elif h.rule == "cohort.n_equals":
            if _GROUP_BEFORE.search(left) or not _PERSON_BEFORE.search(left):
                return None  # "a QL group (n = 23)": one arm
            score += 2 if h.group("N") == "N" else 1.5
            noun = "n"
        if _FUNNEL_OF.search(left):
            if _FUNNEL_NEXT.search(text, h.end, e):
                return None  # "Of 1563 participants, 1368 were eligible": the base of a funnel
            # "Of the 26 healthy children, 13 were male": the cohort, then its breakdown
            left = ""
        if h.group("pct"):
            return None  # "15 patients (74%)": a share of the cohort
        if _RIGHT_NEG.search(right) or _GROUP_RIGHT.search(right):
            return None  # "(2.1%)", "were screened", "were excluded", "in group A"
        if _RIGHT_PARTICIPLE.search(right):
            score += 2  # "Among the 57 participants analyzed": the analysed cohort, whatever precedes
        elif h.rule != "cohort.count_verb" and _LEFT_NEG.search(left) and not _LEFT_POS.search(left):
            score -= 2
            why.append("subgroup cue")
        if _LEFT_POS.search(left):
            score += 3
            why.append("left cue")
        elif _RIGHT_POS.search(right):
            score += 2
            why.append("verb cue")
        if kind == "end":
            score -= 1
        if 1900 <= n <= 2030 and h.rule != "cohort.count_noun":
            return None
        return Candidate(n, noun, h.start, h.end, h.rule, score, ",".join(why))

    # --- sex ----------------------------------------------------------------------

    def _sex(self, doc: Doc, draft: Draft, by: dict[str, list[Hit]], case: Hit | None) -> None:
        pop = draft.population
        if case is not None:
            sex = _SEX.get((case.group("sex") or "").lower())
            if sex:
                setattr(pop, sex, Count(value=1, noun=case.group("sex") or sex, span=draft.hit_span(case)))
            return
        text = doc_text(doc)
        total = pop.patients.value if pop.patients else None
        found: dict[str, list[tuple[int, str, Hit]]] = {"female": [], "male": []}
        for h in by.get("sex", []):
            if section_kind(doc, h.start) == "intro":
                continue
            s, _ = sentence_at(doc, h.start)
            if _VS.search(text[s : h.start]):
                continue  # "(vs 1473 male ... nonresponders)": the comparison group
            n = parse_int(h.group("n") or "")
            sex = _SEX.get((h.group("sex") or "").lower())
            if n is None or sex is None or (total is not None and n > total):
                continue
            found[sex].append((n, h.group("sex") or sex, h))
        for h in by.get("sex_slash", []) + by.get("sex_ratio", []):
            x, y = parse_int(h.group("x") or ""), parse_int(h.group("y") or "")
            a, b = _SEX.get((h.group("a") or "").lower()), _SEX.get((h.group("b") or "").lower())
            if x is None or y is None or a is None or b is None or a == b:
                continue
            is_ratio = h.label == "sex_ratio" or h.group("ratio")
            if is_ratio and (total is None or x + y != total):
                draft.warnings.append(f"sex: {h.text!r} is a ratio, not counts")
                continue
            found[a].append((x, h.group("a") or a, h))
            found[b].append((y, h.group("b") or b, h))
        # "150 participants (73 girls, 77 boys) were included ... data from 137 were analysed (65 girls,
        # 72 boys)": several counts, but only one stated with the cohort the patients field holds.
        cohort_sentence = sentence_at(doc, pop.patients.span.start) if pop.patients else None
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
                draft.warnings.append(f"{sex}: several different counts {sorted(values)}; left null")
                continue
            v, noun, h = items[0]
            setattr(pop, sex, Count(value=v, noun=noun, span=draft.hit_span(h)))

    # --- age ----------------------------------------------------------------------

    def _age(self, doc: Doc, draft: Draft, hits: list[Hit]) -> None:
        text = doc_text(doc)
        found: list[tuple[tuple[int, int], Stat]] = []
        for h in hits:
            if section_kind(doc, h.start) == "intro":
                continue
            stat = (h.group("stat") or "").lower() or None
            stat = "mean" if stat == "average" else stat
            markers = (h.group("pre") or "") + (h.group("post") or "")
            sd_paren = "sd" in markers.lower() or "standard" in markers.lower()
            parsed = parse_stat(text, h.end, stat, sd_in_parens=sd_paren, max_words=2, limit=120)
            if not parsed.central or parsed.unit not in (None, "years"):
                continue
            v = parsed.values
            center = v.get("mean", v.get("median"))
            if not isinstance(center, (int, float)) or not 0 < center < 120:
                continue
            sent = sentence_at(doc, h.start)
            if found and sent != found[0][0]:
                break
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
            draft.warnings.append("age: several different figures in one sentence (groups?); left null")
            return
        draft.population.age = found[0][1]

    # --- lesions ------------------------------------------------------------------

    def _lesions(self, doc: Doc, draft: Draft, by: dict[str, list[Hit]], patients: Candidate | None) -> None:
        text = doc_text(doc)
        abbr = abbreviations(doc)
        cands = list(by.get("lesion", []))
        for h in by.get("lesion_abbr", []):
            short = h.group("abbr") or ""
            long = abbr.get(short) or abbr.get(short[:-1] if short.endswith("s") else short)
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
            if regex.match(r"^\s*[(\[]\s*\d+(?:[.,]\d+)?\s*(?:%|/)", right):
                continue  # "76 SM (76/105; 72.4%)": a share
            if regex.search(
                r"(?<!\btotal\s)\b(?:of|in|among|than|and|or|vs\.?|versus|only|remaining|other)\s+(?:the\s+)?$",
                left,
                regex.IGNORECASE,
            ):
                continue
            cue = (
                (psent == (s, e))
                or regex.search(
                    r"\b(?:total\s+of|treated|ablated|accounting\s+for|including|with|having|comprising|totaling"
                    r"|involving|underwent|harbou?ring|bearing)\s*$",
                    left,
                    regex.IGNORECASE,
                )
                or regex.match(
                    r"^[^.;]{0,30}\b(?:were|was)\s+(?:\w+\s+)?(?:treated|ablated|included|analy[sz]ed|embolized"
                    r"|augmented|biopsied|resected|identified|evaluated|enrolled|targeted)\b",
                    right,
                    regex.IGNORECASE,
                )
            )
            if not cue:
                continue
            noun = h.group("abbr") or " ".join((h.group("noun") or "").split())
            draft.population.lesions = Count(value=n, noun=noun, span=draft.hit_span(h))
            return


@Language.factory("studyfacts_cohort", assigns=["doc.spans"])
def make_cohort(nlp: Language, name: str) -> CohortComponent:
    return CohortComponent(nlp, name)
