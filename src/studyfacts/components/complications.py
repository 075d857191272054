"""The complications fact family: the overall complication count or rate of the procedure.

Two steps, as for the other outcome families.

1. Reading. The rules (`patterns/complications.jsonl`) find the shapes a
   complication figure is written in, each a named phrasing family:
   a count of complications ("9 complications (out of 105 SM [8.5%])", `COUNT`),
   units that had them ("one of 58 (2%) patients had a major complication",
   `HAD`; "32% developed complications", `PCTHAD`), complications that occurred
   in units ("complications occurred in five patients (3.1%)", `OCCURRED`), a
   rate ("the overall complication rate was 12.4% (31/250)", `RATE`), rates
   listed before their outcomes ("rates of death and complications were 2.7%
   and 6.6%, respectively", `RESP`), "no complications" (`NONE`), a major/minor
   split (`SPLIT`, "of which 21 were major" `SUBSET`) and "complications (n =
   12)" (`PAREN`). Count, denominator, percent and fraction come out of the same
   named groups in every rule (`n`, `den`, `noun`, `pct`, `fn`/`fden`), built
   from the fragments below, and are read in one place (`_figure`).

2. Labelling. A figure is overall, major or minor by its cue: the words right
   before its complication noun ("postoperative", "major", "serious", "mild"),
   kept as data (`cues` in `patterns/lexicons/complication_grading.json`, with
   examples the tests run). Any other word there makes the figure one type of
   complication ("bleeding complications", "pulmonary complications"), which is
   never the total: typed counts are not summed and a one-type outcome leaves
   complications null. A figure given per arm ("in the block group", "vs"), a
   threshold ("occurrence of >= 1 major complication") and a subgroup ("those
   without complications") are not the study's figure either.

When unsure the family emits nothing; a warning says why.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Complications, Span
from ..numbers import expand, parse_int, parse_num, trie_alternation
from ..regexcache import cached_compile
from ..rules import Gate, Hit, lexicon_alternation, load_lexicon, phrase_alternation, run_rules
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_scan, doc_text, hits_of, sentence_at

_LEXICON = "complication_grading"
_UNIT_KEYS = (("lesion_nouns", "lesions"), ("procedure_nouns", "procedures"),
              ("session_nouns", "sessions"), ("patient_nouns", "patients"))


def _units() -> list[str]:
    lex = load_lexicon(_LEXICON)
    return [w for key, _ in _UNIT_KEYS for w in lex[key]]


# The statistic fragments every complication rule is built from (named groups the resolver reads):
#   PCTP  "(8.5%)" / "[8.5%]"            -> pct  (PCTQ, PCTR: the same as pct2, pct3)
#   FRAC  "(31/250)" / "(31 of 250 patients)" -> fn, fden  (FRAQ, FRAR: fn2/fden2, fn3/fden3)
# A group name occurs once in a pattern (a second percent is pct2 ...), which the literal
# analysis and the count-start shortcut need; `_g` reads the first of a name's variants.
#   UNIT  what a denominator counts ("patients", "procedures", "SM" is read by the resolver)
#   CNOUN the complication nouns ("complications", "adverse events", "side effects"); CNOUNA also
#         their abbreviations ("AEs", "ADRs"), case-sensitive, used where a count or verb anchors the
#         rule (a rule opening with them could not skip texts by a literal)
#   VHAD  "had", "developed", "experienced" ...; VSEEN "occurred", "were observed" ...
#   FILL  "a", "any", "at least one" before the noun
EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("GRADING", lexicon_alternation(_LEXICON, "systems")),
    ("CNOUN", lexicon_alternation(_LEXICON, "nouns")),
    ("CNOUNA", f"(?:{lexicon_alternation(_LEXICON, 'nouns')}|(?-i:{trie_alternation(load_lexicon(_LEXICON)['nouns_case'])}))"),
    ("UNIT", trie_alternation(_units())),
    *((name, rf"[(\[]\s*(?P<{group}>{{NUM}})\s*%\s*[)\]]") for name, group in (("PCTP", "pct"), ("PCTQ", "pct2"), ("PCTR", "pct3"))),
    *((name, rf"[(\[]\s*(?P<fn{k}>{{INT}})\s*(?:/|of|out\s+of)\s*(?P<fden{k}>{{INT}})(?:\s+[A-Za-z][\w-]*){{0,2}}?\s*[)\]]")
      for name, k in (("FRAC", ""), ("FRAQ", "2"), ("FRAR", "3"))),
    ("VHAD", r"(?:had|have|has|developed|experienced|suffered(?:\s+from)?|sustained|presented\s+with|showed|reported|encountered|incurred)"),
    ("VSEEN", r"(?:occurred|occur|developed|arose|happened|(?:were|was)\s+(?:observed|noted|seen|recorded|encountered|reported|found"
              r"|identified|detected|documented|experienced|present))"),
    ("FILL", r"(?:(?:at\s+least\s+(?:one|1)|one\s+or\s+more|a|an|any|some)\s+)"),
)

_PREFILTER = Gate(r"complicat|adverse|side[\s-]effect")


def _x(pattern: str) -> regex.Pattern[str]:
    return cached_compile(expand(pattern, dict(EXTRA_FRAGMENTS)), regex.I)


# the second noun of a 'no ... or ...' list, with its own cue words: "no serious adverse events or
# treatment-related adverse events"
_OR_ALSO = _x(r"\s*,?\s*(?:or|nor)\s+(?:any\s+)?(?P<adj>(?:[A-Za-z][\w-]*\s+){0,3}?)(?:{CNOUNA})\b")


# ---- cues ---------------------------------------------------------------------------------

_GRADE_WORDS = frozenset({"grade", "grades", "class", "type", "types", "stage", "level", "ctcae"})
_TOKEN = cached_compile(r"[A-Za-z0-9][\w-]*|[^\w\s]")
_RELATED = cached_compile(r"^(?P<x>.+?)-(?:related|associated)$", regex.I)
# "GKRS", and an acronym of two joined by a hyphen ("GK-SRS-related": Gamma Knife stereotactic radiosurgery)
_ACRONYM = cached_compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)*$")


@dataclass(frozen=True)
class _Cues:
    kinds: dict[str, str]
    related_to: frozenset[str]
    boundaries: frozenset[str]
    fillers: frozenset[str]

    def kind(self, word: str) -> str | None:
        """'overall' / 'major' / 'minor' / 'subset' for a cue word, None for any other word."""
        w = word.lower()
        k = self.kinds.get(w)
        if k is not None:
            return k
        m = _RELATED.match(word)
        if m and (m.group("x").lower() in self.related_to or _ACRONYM.match(m.group("x"))):
            return "overall"  # "block-related", "GKRS-related", "GK-SRS-related": the procedure studied
        return None

    def label(self, words: list[str]) -> str | None:
        """The label of the words before a complication noun: None when one is not a cue. Fillers
        ("a", "any") may open the words; "and"/"or" may only join two cues ("intra- and postoperative")."""
        found = set()
        i = 0
        while i < len(words) and words[i].lower() in self.fillers:
            i += 1
        rest = words[i:]
        for j, w in enumerate(rest):
            wl = w.lower()
            if wl in ("and", "or", "and/or", "/"):
                if 0 < j < len(rest) - 1:
                    continue
                return None
            k = self.kind(w)
            if k is None:
                return None
            found.add(k)
        if "major" in found and "minor" in found:
            return "overall"
        if "major" in found:
            return "major"
        if "minor" in found:
            return "minor"
        if "subset" in found:
            return None  # "early complications": a part of them in time
        return "overall"

    def before(self, text: str, pos: int, lo: int) -> list[str]:
        """The cue words right before `pos` (back to a boundary word, punctuation or `lo`), with
        the first non-cue content word met kept so that `label` refuses it."""
        toks = _TOKEN.findall(text, max(lo, pos - 120), pos)
        out: list[str] = []
        i = len(toks) - 1
        while i >= 0:
            t = toks[i]
            tl = t.lower()
            if not t[0].isalnum():
                break
            if tl in ("and", "or"):
                if i > 0 and self.kind(toks[i - 1]) is not None and out:
                    out.append(tl)
                    i -= 1
                    continue
                break
            k = self.kind(t)
            if k is None:
                if tl[0].isdigit():
                    back = [x.lower() for x in toks[max(0, i - 3):i]]
                    if any(x in _GRADE_WORDS for x in back):
                        out.append(t)  # "grade 3 adverse events": one grade of them
                    break
                if tl in self.boundaries:
                    break
                out.append(t)  # a content word: one type of complication
                break
            out.append(t)
            i -= 1
        return list(reversed(out))


_SPACES = cached_compile(r"\s+")


@cache
def cues() -> _Cues:
    c = load_lexicon(_LEXICON)["cues"]
    kinds: dict[str, str] = {}
    for k in ("subset", "overall", "minor", "major"):
        for w in c[k]:
            kinds[w.lower()] = k
    return _Cues(kinds, frozenset(c["related_to"]), frozenset(c["boundaries"]), frozenset(c["fillers"]))


def cue_label(phrase: str) -> str | None:
    """The label the words before a complication noun give ("postoperative" -> "overall")."""
    words = _TOKEN.findall(phrase)
    return cues().label([w for w in words if w.lower() not in ("no", "without")])


# ---- guards -------------------------------------------------------------------------------

# A figure given per arm or compared across groups is not the study's overall figure.
_ARM = (
    r"\bvs\b\.?|\bversus\b|\bcompared\s+(?:with|to)\b|\brespectively\b"
    r"|\b(?:in|among|for|of)\s+(?:the\s+)?(?!(?:the|this|that|one|same|whole|entire|study|total)\b){EXTRA}[\w-]+\s+(?:group|arm|cohort)s?\b"
    r"|\bgroups?\s+[A-Z0-9]\b|\b(?:in|between)\s+(?:the\s+)?(?:two|three|2|3)\s+groups\b"
)
_ARM_NONZERO = cached_compile(_ARM.replace("{EXTRA}", "") + r"|\b(?:in|of)\s+(?:both|each|either|all|the\s+two)\s+(?:[\w-]+\s+)?(?:groups|group|arms|arm)\b", regex.I)
_ARM_ZERO = cached_compile(_ARM.replace("{EXTRA}", r"(?!(?:either|both|each|all|any)\b)").replace(r"|\brespectively\b", ""), regex.I)
# the clause after a figure, up to a top-level comma/semicolon: "(...) in the block group"
_CLAUSE_END = cached_compile(r"[;,]|\.(?!\d)")
_SENTENCE_CUT = cached_compile(r"[.;:!?]\s+(?=[A-Z(\[]|$)|;\s*")
# "occurrence of >= 1 major complication", "at least 2 complications", "grade 3 complications"
_THRESHOLD = cached_compile(
    r"(?:[\u2265\u2264<>]=?|=>|at\s+least|more\s+than|less\s+than|fewer\s+than|up\s+to|over|number\s+of|mean(?:\s+of)?"
    r"|median(?:\s+of)?|average(?:\s+of)?|grades?|types?|class|day|days|POD|table|figure|these|those|such"
    r"|(?:patients?|those|cases|subjects|participants)\s+(?:with|having))\s*$",
    regex.I,
)
# "those without complications", "patients with or without complications": a subgroup, not a finding
_SUBGROUP_WITHOUT = cached_compile(
    r"(?:\b(?:those|patients?|participants?|subjects?|children|cases|individuals|ones|group|men|women|people|adults|infants)"
    r"(?:\s+who\s+were)?|\bwith\s+(?:or|and)|\bor|\band)\s*$",
    regex.I,
)
# "No complications occurred when treatment was continued": a condition, not the study's count
_CONDITIONAL_AFTER = cached_compile(r"\s*(?:[\w-]+\s+){0,3}?(?:when|if|unless|provided|as\s+long\s+as)\b", regex.I)
# "with no complications" / "without complications" describe a manner: an observation only when
# the clause reports what happened (a past verb) and claims nothing (present tense, modal)
_WITH_END = cached_compile(r"\bwith\s*$", regex.I)
_CLAIM = cached_compile(r"\b(?:is|are|be|being|can|may|might|could|would|should|will|shows?|provides?|offers?|allows?|seems?|appears?|desired?)\b", regex.I)
_OBSERVED = cached_compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b|\b(?:underwent|went|took|began|ran)\b", regex.I)
# "Seven patients survived radical surgery without complications": some of them, not all
_SOME_UNITS = _x(r"(?<!\ball\s)(?<![\w.,/])(?:{COUNT})\s+(?:(?:of\s+(?:the\s+)?{INT}\s+)?(?:[A-Za-z][\w-]*\s+)?(?:{UNIT})\b|had\b|were\b|was\b)")
# "In most of them, no side effects were observed", "no complications in the majority of patients": none in a part,
# so some had them, their number not given
_MOST = (r"\b(?:" + phrase_alternation(load_lexicon(_LEXICON)["partial_quantifiers"]) + r")\s+(?:of\s+(?:them|these|those)\b"
         r"|(?:of\s+)?(?:the\s+|our\s+)?(?:" + lexicon_alternation(_LEXICON, "patient_nouns") + "|"
         + lexicon_alternation(_LEXICON, "procedure_nouns") + r")\b)")
_MOST_OF = cached_compile(_MOST, regex.I)  # after the "no complications", in its clause
_MOST_OF_BEFORE = cached_compile(rf"{_MOST}\s*,?\s*$", regex.I)  # heading it: "In most of them, no ..."
_CLAUSE_STOP = cached_compile(r";|\.(?!\d)")
_EXCEPT_BEFORE = cached_compile(r"\b(?:other\s+than|except|apart\s+from|besides|aside\s+from)\b", regex.I)
_EXCEPT_AFTER = cached_compile(r"\s*(?:\w+\s+){0,2}?(?:other\s+than|except|apart\s+from|besides|aside\s+from|but\s+(?:one|\d))\b", regex.I)
# "patients were stratified as having no complication (NOCOMP)": a category, not a finding
_CATEGORY_BEFORE = cached_compile(r"\b(?:stratified|categori[sz]ed|classified|grouped|divided|defined|dichotomi[sz]ed)\b", regex.I)
_CATEGORY_AFTER = cached_compile(r"\s*\((?-i:[A-Z][A-Z-]+)\)")
# "the other 10 patients did not have complications": a rest, not all
_REST_BEFORE = cached_compile(r"\b(?:other|remaining|rest)\b", regex.I)


# Structured abstracts: figures under BACKGROUND/OBJECTIVE are someone else's; a "without
# complications" under CONCLUSION is a claim about the treatment, not a count.
_HEADER = cached_compile(
    r"(?:^|(?<=[.!?)]\s{0,3})|(?<=\n))(?:(?P<h>background|introduction|context|rationale|importance|purposes?|objectives?|object|aims?"
    r"|study\s+objectives?|conclusions?|interpretation|discussion|methods?|materials\s+and\s+methods|subjects\s+and\s+methods"
    r"|patients\s+and\s+methods|design|setting|results?|findings|summary|(?:main\s+)?outcome\s+measures)"
    r"|(?P<h>(?-i:[A-Z][A-Z&/-]+(?:\s+[A-Z&/-]+){0,4})))\s*:",
    regex.I,
)
_BACKGROUND = frozenset({"background", "introduction", "context", "rationale", "importance", "purpose", "purposes", "object",
                         "objective", "objectives", "aim", "aims", "study"})
_CONCLUSION = frozenset({"conclusion", "conclusions", "interpretation", "discussion"})
# what other studies found, or what may happen: not this study's figure
_HEDGE = cached_compile(
    r"\b(?:has|have)\s+been\s+(?:reported|shown|described|demonstrated|associated)\b"
    r"|\b(?:previous(?:ly)?|prior|earlier|other|published)\s+(?:studies|reports|series|trials)\b|\bliterature\b"
    r"|\b(?:is|are)\s+(?:reported|known)\b|\b(?:may|might|can|could|would|should|will)\b",
    regex.I,
)

_HEDGE_AFTER = cached_compile(
    r"[^.;]{0,40}?(?:\b(?:has|have)\s+been\s+(?:reported|described|shown|published|observed\s+in\s+other)"
    r"|\bin\s+(?:the\s+)?literature|\bin\s+(?:previous|prior|earlier|other)\s+(?:studies|reports|series))",
    regex.I,
)


def _sections(text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group("h").split()[0].lower()) for m in _HEADER.finditer(text)]


def _section_at(sections: list[tuple[int, str]], pos: int) -> str | None:
    name = None
    for at, h in sections:
        if at > pos:
            break
        name = h
    return name


def _clause_end(text: str, start: int, limit: int) -> int:
    """Where the clause that starts at `start` ends (a semicolon or a full stop), at most `limit`."""
    m = _CLAUSE_STOP.search(text, start, limit)
    return m.start() if m else limit


def _per_arm(text: str, start: int, end: int, sa: int, sb: int, zero: bool) -> bool:
    rx = _ARM_ZERO if zero else _ARM_NONZERO
    after = text[end:min(sb, end + 160)]  # bounded: a sentence of thousands of figures stays linear
    depth, cut = 0, len(after)
    for i, ch in enumerate(after):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif depth <= 0 and _CLAUSE_END.match(after, i):
            cut = i
            break
    window = text[start:end] + " " + after[:min(cut, 120)]
    if rx.search(window):
        return True
    before = text[max(sa, start - 120):start]
    cuts = list(_SENTENCE_CUT.finditer(before))  # "... compared to group P. No serious ...": a split the sentencizer missed
    if cuts:
        before = before[cuts[-1].end():]
    return bool(rx.search(before))


# ---- what follows a count ------------------------------------------------------------------

# "(out of 105 SM [8.5%]", "of 60 procedures"
_OUT_OF = _x(r"\G\s*[(\[]?\s*(?:out\s+of|of)\s+(?:the\s+|all\s+)?(?P<den>{INT})\s+(?P<noun>[A-Za-z][\w-]*)")
# a percent in the brackets that follow: "(out of 105 SM [8.5%]", "(8%)"
_PCT_AFTER = _x(r"\G\s*[(\[]?[^()\[\].;]{0,60}?[(\[;,]?\s*(?P<pct>{NUM})\s*%\s*[)\]]")
# "in 8 patients", "occurred in 31 patients", "in 8 (6%) patients"
_IN_UNITS = _x(r"\G\s*(?:\([^()]{0,100}\)|\[[^\[\]]{0,100}\])?\s*(?:(?:occurred|were\s+\w+|was\s+\w+|developed|arose)\s+)?in\s+(?P<n>{COUNT})\s+"
               r"(?:[(\[]\s*{NUM}\s*%\s*[)\]]\s+)?(?:patients|participants|subjects)\b")
# "Of the 410 procedures, 37 had complications": the denominator opens the clause
_FUNNEL = _x(r"\b(?:of|among)\s+(?:the\s+|all\s+|these\s+)?(?P<den>{INT})\s+(?:[A-Za-z][\w-]*\s+)?(?P<noun>[A-Za-z][\w-]*)\s*,\s*$")
# "... per procedure", "per treated vertebral level"
_PER = _x(r"\G\s*(?:[(\[][^()\[\]]{0,40}[)\]]\s*)?per\s+(?:treated\s+)?(?P<noun>(?:[A-Za-z][\w-]*\s+)?[A-Za-z][\w-]*)")
_PATIENTS_BEFORE = _x(r"(?P<n>{COUNT})\s+(?:[(\[]\s*{NUM}\s*%\s*[)\]]\s+)?(?:patients|participants|subjects)\s+(?:[(\[]\s*{NUM}\s*%\s*[)\]]\s+)?(?:\w+\s+)?$")
_COMPLICATION_NEAR = _x(r"{CNOUN}")
_COMPLICATION_NEXT = _x(r"\s*{CNOUN}")
# "had complications such as diabetes mellitus": illnesses the patients had, not of the procedure
_COMORBID = _x(r"\G\s*(?:[(\[][^()\[\]]*[)\]]\s*)?,?\s*(?:such\s+as|including|like|namely|e\.g\.,?|of|from)\s+[^.;]{0,40}?\b(?:"
               + lexicon_alternation(_LEXICON, "comorbidity_words") + r")\b")
_RESP_SPLIT = cached_compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+", regex.I)
_RATE_PER_ARM = _x(r"\s*(?:for|in|with|after|among|using)\b[^;.]{0,60}?\b(?:and|vs\.?|versus)\s+{NUM}\s*%")
_GRADED_PAREN = cached_compile(
    r"(?:[\s-]+rates?)?\s*[(\[][^()\[\]]{0,40}?(?:[\u2265>]|=>|or\s+(?:higher|more|above|greater|worse)|and\s+above|at\s+least)[^()\[\]]{0,40}[)\]]",
    regex.I,
)
_EFFECT_ON = cached_compile(r"\s+(?:on|upon)\b", regex.I)
_RESP_CLAUSE = cached_compile(r"[.;:,()]\s*|\b(?:while|whereas|but)\s+", regex.I)
_RESP_VALS = _x(r"(?P<v>{NUM})\s*%")
_RESP_ITEM = _x(r"^(?:the\s+)?(?P<adj>(?:[A-Za-z][\w-]*\s+){0,3}?)(?:{CNOUN}|complication)$")


def _g(h: Hit, name: str) -> str | None:
    """The first of a group's variants that matched: pct, pct2, pct3, pct4."""
    for k in ("", "2", "3", "4"):
        v = h.group(name + k)
        if v is not None:
            return v
    return None


def _gspan(h: Hit, name: str) -> tuple[int, int, str] | None:
    for k in ("", "2", "3", "4"):
        v = h.groups.get(name + k)
        if v is not None:
            return v
    return None


def _per(noun: str | None, abbrevs: dict[str, str]) -> str | None:
    if not noun:
        return None
    lex = load_lexicon(_LEXICON)
    word = noun.strip().split()[-1]
    if word in abbrevs:
        word = abbrevs[word].split()[-1]
    elif word.rstrip("s") in abbrevs:
        word = abbrevs[word.rstrip("s")].split()[-1]
    w = word.lower()
    for key, per in _UNIT_KEYS:
        if w in lex[key] or w + "s" in lex[key]:
            return per
    return None


@dataclass
class _Figure:
    """One complication figure as read: its label and numbers."""

    key: str  # "total" | "major" | "minor"
    n: int | None = None
    den: int | None = None
    per: str | None = None
    pct: float | None = None
    pct_text: str | None = None
    patients: int | None = None
    frac: tuple[int, int, str, int, int] | None = None  # count, total, percent text, start, end
    end: int = 0  # where what was read ends (the hit, or the brackets after it)


_KEY = {"overall": "total", "major": "major", "minor": "minor"}


class ComplicationsComponent(FactComponent):
    family = "complications"

    def match(self, doc: Doc) -> list[Hit]:
        scan_ = doc_scan(doc)
        if not _PREFILTER.found(scan_):
            return []
        return run_rules(self.rules, scan_)

    # -- reading one hit --------------------------------------------------------------------

    def _label(self, h: Hit, text: str, sa: int) -> str | None:
        """overall / major / minor by the cue words before the complication noun: those the rule
        holds between its anchor and the noun (group `adj`), else those right before the noun."""
        c = cues()
        adj = h.groups.get("adj")
        if adj is not None:
            words = _TOKEN.findall(adj[2])
            if h.label == "NONE":
                # "no deaths or major complications", "no shivering or adverse events": what the
                # noun's own words say, after the last "or" that does not join two cues
                ors = [i for i, w in enumerate(words) if w.lower() in ("or", "and", ",")]
                for i in reversed(ors):
                    head = words[i - 1] if i > 0 else ""
                    if not head or c.kind(head) is None:
                        words = words[i + 1:]
                        break
            return c.label(words)
        cn = _gspan(h, "cn")
        if cn is None:
            return "overall"
        return c.label(c.before(text, cn[0], sa))

    def _figure(self, h: Hit, key: str, text: str, sa: int, sb: int, abbrevs: dict[str, str]) -> _Figure | None:
        """Count, denominator, percent and fraction of one hit, from its groups and what follows it."""
        f = _Figure(key=key, end=h.end)
        n, pct, den, noun = _g(h, "n"), _g(h, "pct"), _g(h, "den"), _g(h, "noun")
        f.n = parse_int(n) if n else None
        if pct is not None:
            f.pct, f.pct_text = parse_num(pct), pct
        if den:
            f.den = parse_int(den)
        f.per = _per(noun, abbrevs)
        fn_text, fden_text = _g(h, "fn"), _g(h, "fden")
        if fn_text and fden_text:
            fn, fden = parse_int(fn_text), parse_int(fden_text)
            if fn is not None and fden and fn <= fden:
                if f.n is None:
                    f.n = fn
                if f.den is None:
                    f.den = fden
        if h.label == "COUNT":
            tail = h.end
            m = _OUT_OF.match(text, tail, sb)
            if m:
                f.den = parse_int(m.group("den"))
                f.per = _per(m.group("noun"), abbrevs)
                f.end = max(f.end, m.end())
            if f.pct is None:
                p = _PCT_AFTER.match(text, tail, sb)
                if p:
                    f.pct, f.pct_text = parse_num(p.group("pct")), p.group("pct")
                    f.end = max(f.end, p.end())
            ip = _IN_UNITS.match(text, tail, sb)
            if ip:
                f.patients = parse_int(ip.group("n"))
            before = _PATIENTS_BEFORE.search(text, sa, h.start)
            if before and before.end() == h.start:
                # "Fourteen patients (35.9%) experienced 26 complications": the percent is of patients
                f.patients = parse_int(before.group("n"))
        if h.label in ("HAD", "PCTHAD") and f.den is None:
            m = _FUNNEL.search(text, sa, h.start)
            if m:
                f.den = parse_int(m.group("den"))
                f.per = _per(m.group("noun"), abbrevs)
        if h.label == "RATE" and f.per is None:
            m = _PER.match(text, h.end, sb)
            if m:
                f.per = _per(m.group("noun"), abbrevs)
        if f.n is not None and f.den and f.n > f.den:
            return None
        if f.pct is not None and f.pct > 100:
            return None
        if f.n is not None and f.den and f.pct_text is not None:
            f.frac = (f.n, f.den, f.pct_text, h.start, f.end)
        elif fn_text and fden_text and f.pct_text is not None:
            fn, fden = parse_int(fn_text), parse_int(fden_text)
            if fn is not None and fden:
                f.frac = (fn, fden, f.pct_text, h.start, f.end)
        return f

    # -- the family's facts -----------------------------------------------------------------

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = sorted(hits_of(doc, self.family), key=lambda h: (h.start, -h.end))
        if not hits:
            return
        text = doc_text(doc)
        abbrevs = abbreviations(doc)
        c: dict = {}
        evidence: list[Span] = []
        main: Span | None = None
        done: list[tuple[int, int]] = []
        refused: list[tuple[Hit, str]] = []
        used_nouns: set[int] = set()

        def put(key: str, value, h: Hit) -> bool:
            if value is None:
                return False
            if key in c and c[key] != value:
                draft.warn(f"complications: {key} read as {c[key]} and {value} ({h.text}); kept the first", h)
                return False
            c[key] = value
            return True

        sections = _sections(text)
        for h in hits:
            if h.label in ("GRADING", "GRADE"):
                continue
            section = _section_at(sections, h.start)
            if section in _BACKGROUND:
                continue  # the background's figures are other studies'
            sa0, _ = sentence_at(doc, h.start)
            lead = text[max(sa0, h.start - 160):h.end]
            cut = list(_SENTENCE_CUT.finditer(lead, 0, max(0, len(lead) - (h.end - h.start))))
            if _HEDGE.search(lead, cut[-1].end() if cut else 0) or _HEDGE_AFTER.match(text, h.end, min(len(text), h.end + 80)):
                continue  # "has been reported", "can be performed without complications"
            cn = _gspan(h, "cn")
            if cn is not None and h.label != "NONE" and _COMORBID.match(text, cn[1]):
                continue
            if cn is not None and _EFFECT_ON.match(text, cn[1]) and "effect" in cn[2].lower():
                continue  # "did not have an adverse effect on hearing": a cause's effect, not an event
            if cn is not None and cn[0] in used_nouns:
                continue  # "65 complications occurred in 31 patients": read already, from its count
            if any(a <= h.start and h.end <= b for a, b in done):
                continue  # inside a figure already read ("37 had complications" within a longer match)
            sa, sb = sentence_at(doc, h.start)
            sb = max(sb, h.end)
            if h.label == "SPLIT":
                ka, kb = (h.group("ka") or "").lower(), (h.group("kb") or "").lower()
                if ka == kb or _per_arm(text, h.start, h.end, sa, sb, zero=False):
                    continue
                if not (_COMPLICATION_NEAR.search(text, max(0, h.start - 200), h.end)
                        or _COMPLICATION_NEXT.match(text, h.end)):
                    continue  # "one major and two minor modes": not complications
                split = {ka: parse_int(h.group("a") or ""), kb: parse_int(h.group("b") or "")}
                put("major", split["major"], h)
                put("minor", split["minor"], h)
                evidence.append(draft.hit_span(h))
                done.append((h.start, h.end))
                continue
            if h.label == "RESP":
                fig = self._respectively(h, text, sa)
                if fig is None:
                    continue
                key, pct = fig
                if key == "total":  # a major or minor rate has no field of its own
                    put("percent", parse_num(pct), h)
                    main = main or draft.hit_span(h)
                    evidence.append(draft.hit_span(h))
                continue
            label = self._label(h, text, sa)
            if label is None:
                cn = _gspan(h, "cn")
                what = text[cn[0]:cn[1]] if cn else h.text
                refused.append((h, f"complications: '{h.text[:80]}': the words before '{what}' name no overall, major or minor "
                                   "figure (one kind of complication?); not read"))
                continue
            key = _KEY[label]
            if key == "total" and h.label != "NONE" and cn is not None and _GRADED_PAREN.match(text, cn[1], min(len(text), cn[1] + 80)):
                continue  # "complication rate (grade II or higher) was 12%": a part of them
            if h.label == "NONE":
                if not self._plain_none(h, text, sa, sb, section):
                    continue
                if label == "overall":
                    put("total", 0, h)
                    main = main or draft.hit_span(h)
                else:
                    put(key, 0, h)
                    also = _OR_ALSO.match(text, h.end, sb)
                    if also is not None and cues().label(_TOKEN.findall(also.group("adj"))) == "overall":
                        # "No serious adverse events or treatment-related adverse events were reported": none of any
                        put("total", 0, h)
                        main = main or draft.hit_span(h)
                evidence.append(draft.hit_span(h))
                done.append((h.start, h.end))
                continue
            if h.label == "SUBSET" or h.rule == "comp.and_in":
                if not _COMPLICATION_NEAR.search(text, max(sa, h.start - 200), h.end):
                    continue
            if h.label in ("COUNT", "HAD") and _THRESHOLD.search(text, max(sa, h.start - 30), h.start):
                continue  # "occurrence of >= 1 major complication": a definition, not a count
            if h.label == "RATE" and _RATE_PER_ARM.match(text, h.end, sb):
                continue  # "complication rates were 4% for coils and 9% for wires"
            if _per_arm(text, h.start, h.end, sa, sb, zero=False):
                draft.warn(f"complications: '{h.text[:80]}' is given per group; not the overall figure", h)
                continue
            f = self._figure(h, key, text, sa, sb, abbrevs)
            if f is None:
                continue
            if h.label == "OCCURRED" and f.n is not None and f.pct is None and f.den is None and _g(h, "noun") is None:
                continue  # "complications occurred in 2010": no unit, no share
            if f.n is None and f.pct is None:
                continue
            if key == "total":
                put("total", f.n, h)
                put("percent", f.pct, h)
                if f.den is not None:
                    put("denominator", f.den, h)
                if f.per is not None:
                    put("per", f.per, h)
                if f.patients is not None:
                    put("patients_affected", f.patients, h)
                main = main or draft.hit_span(h)
            else:
                put(key, f.n, h)
            if f.frac is not None:  # n/N (%) of any figure, overall, major or minor, goes to the checks
                n, den, pt, a, b = f.frac
                draft.fractions.append({"count": n, "total": den, "percent": parse_num(pt), "percent_text": pt,
                                        "start": a, "end": b})
            evidence.append(draft.hit_span(h))
            if h.label != "SUBSET":  # "Of the 33 complications, 9 were major" holds the count of all 33
                done.append((h.start, h.end))
            if cn is not None:
                used_nouns.add(cn[0])
        for h, why in refused:
            if not any(a <= h.start and h.end <= b for a, b in done):
                draft.warn(why, h)
        if not evidence or not c:
            return
        if c.get("total") == 0 and (c.get("major") or c.get("minor")):
            draft.warn("complications: 'no complications' contradicts a major/minor count; total dropped", main)
            c.pop("total")
        if c.get("total") is None and c.get("major") == 0 and c.get("minor"):
            # "3 minor complications ... no major complications": all of them were minor
            c["total"] = c["minor"]
            draft.warnings.append(f"complications: total {c['minor']} read as the minor count, none being major")
        grading = [h for h in hits if h.label == "GRADING"]
        if grading:
            systems = load_lexicon(_LEXICON)["systems"]
            name = grading[0].group("sys") or ""
            c["grading"] = next((v for k, v in systems.items() if k.lower() == _SPACES.sub(" ", name.lower())), name)
        grades = [h.group("g") for h in hits if h.label == "GRADE"]
        draft.complications = Complications(
            **{k: v for k, v in c.items() if v is not None},
            grades=list(dict.fromkeys(g for g in grades if g)),
            span=main,
            evidence=evidence,
        )

    def _plain_none(self, h: Hit, text: str, sa: int, sb: int, section: str | None) -> bool:
        """A "no complications" that is the study's finding, not a subgroup, a condition, a claim,
        a category or one arm."""
        neg = (h.group("neg") or "").lower()
        before = text[max(sa, h.start - 200):h.start]
        cuts = list(_SENTENCE_CUT.finditer(before))
        clause = before[cuts[-1].end():] if cuts else before
        manner = neg == "without" or bool(_WITH_END.search(clause)) or (h.rule == "comp.none_free" and h.text[:4].lower() == "free")
        if manner:
            # "performed without complications": only as an observation of this study, never a claim
            # ("is effective without side effects"), a conclusion, a subgroup or some of the patients
            if section in _CONCLUSION or _SUBGROUP_WITHOUT.search(clause[-60:]):
                return False
            if _CLAIM.search(clause) or not _OBSERVED.search(clause) or _SOME_UNITS.search(clause):
                return False
        if _CONDITIONAL_AFTER.match(text, h.end, min(len(text), h.end + 60)):
            return False
        if _MOST_OF_BEFORE.search(clause[-60:]) or _MOST_OF.search(text, h.end, _clause_end(text, h.end, min(sb, h.end + 50))):
            return False  # "In most of them, no side effects were observed": some had them
        if _EXCEPT_BEFORE.search(clause) or _EXCEPT_AFTER.match(text, h.end, min(len(text), h.end + 40)):
            return False  # "Other than 1 case of glaucoma, no severe complications"
        if _CATEGORY_BEFORE.search(clause) or _CATEGORY_AFTER.match(text, h.end, min(len(text), h.end + 20)):
            return False  # "stratified as having no complication (NOCOMP)"
        if h.rule in ("comp.none_not", "comp.none_did_not") and _REST_BEFORE.search(clause):
            return False
        return not _per_arm(text, h.start, h.end, sa, sb, zero=True)

    def _respectively(self, h: Hit, text: str, sa: int) -> tuple[str, str] | None:
        """"rates of death and complications were 2.7% and 6.6%, respectively" -> ("total", "6.6");
        "complication and mortality rates were ..." reads the outcomes before "rates"."""
        listed = h.group("list")
        if listed is None:
            rates = h.groups["rates"]
            lead = text[max(sa, rates[0] - 120):rates[0]]
            cuts = list(_RESP_CLAUSE.finditer(lead))
            listed = lead[cuts[-1].end():] if cuts else lead
        items = [s for s in _RESP_SPLIT.split(listed.strip()) if s]
        vals = [m.group("v") for m in _RESP_VALS.finditer(h.group("vals") or "")]
        if len(items) < len(vals) or len(vals) < 2:
            return None
        items = items[-len(vals):]
        for item, val in zip(items, vals, strict=True):
            m = _RESP_ITEM.match(item.strip())
            if m:
                label = cues().label(_TOKEN.findall(m.group("adj")))
                if label is None:
                    return None
                return _KEY[label], val
        return None


@Language.factory("studyfacts_complications", assigns=["doc.spans"])
def make_complications(nlp: Language, name: str) -> ComplicationsComponent:
    return ComplicationsComponent(nlp, name)
