"""The complications fact family: the overall complication count or rate of the procedure.

Rules (`patterns/complications.jsonl`) find statements of the overall count
("9 complications (out of 105 SM [8.5%]; 2 major and 7 minor) in 8 patients"),
of "complications occurred in 12 (10%) patients", of an overall rate, and of
"no (major) complications". Counts of one complication type ("pneumothorax in 4
patients") never match, so they never become the total. Adverse events count
only when negated ("no serious adverse events" -> major 0): drug-trial adverse
event tallies are usually per arm, which the GUIDE does not annotate.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Complications, Span
from ..numbers import parse_int, parse_num
from ..rules import Gate, Hit, lexicon_alternation, load_lexicon, run_rules
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_scan, doc_text, hits_of

EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (("GRADING", lexicon_alternation("complication_grading", "systems")),)

_PREFILTER = Gate(r"complication|adverse")
# What follows a count: "(out of 105 SM [8.5%]; 2 major and 7 minor) in 8 patients"
_OUT_OF = regex.compile(r"^\s*[(\[]?\s*(?:out\s+)?of\s+(?:the\s+)?(?P<den>\d[\d,]*)\s+(?P<noun>[A-Za-z][\w-]*)", regex.I)
_PCT = regex.compile(r"^\s*[(\[]?[^()\[\]]{0,60}?[(\[;,]\s*(?P<pct>\d+(?:[.\u00b7]\d+)?)\s*%\s*[)\]]", regex.I)
_IN_PATIENTS = regex.compile(r"^\s*(?:\([^()]{0,100}\))?\s*in\s+(?P<n>\d[\d,]*|[a-z-]+)\s+(?:\(\s*\d+(?:\.\d+)?\s*%\s*\)\s+)?(?:patients|participants|subjects)\b", regex.I)
_MAJOR = regex.compile(r"major|serious|severe", regex.I)
_BAD_NONE = regex.compile(
    r"signific|differ|increase|higher|lower|associat|further|additional|other|new"
    # "no unexpected serious adverse events": a subset (unexpected ones), not the overall count
    r"|unexpected|unanticipated",
    regex.I,
)
# "No complications occurred when treatment was continued": a condition, not the study's overall count
_CONDITIONAL_AFTER = regex.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:when|if|unless|provided|as\s+long\s+as)\b", regex.I)
_AE = regex.compile(r"adverse", regex.I)


def _per(noun: str, abbrevs: dict[str, str]) -> str | None:
    lex = load_lexicon("complication_grading")
    word = noun.strip()
    if word in abbrevs:
        word = abbrevs[word].split()[-1]
    w = word.lower()
    for key, per in (("lesion_nouns", "lesions"), ("procedure_nouns", "procedures"),
                     ("session_nouns", "sessions"), ("patient_nouns", "patients")):
        if w in lex[key]:
            return per
    return None


class ComplicationsComponent(FactComponent):
    family = "complications"

    def match(self, doc: Doc) -> list[Hit]:
        scan_ = doc_scan(doc)
        if not _PREFILTER.found(scan_):
            return []
        return run_rules(self.rules, scan_)

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = sorted(hits_of(doc, self.family), key=lambda h: h.start)
        if not hits:
            return
        text = doc_text(doc)
        abbrevs = abbreviations(doc)
        c: dict = {}
        evidence: list[Span] = []
        main: Span | None = None

        def put(key: str, value, hit: Hit) -> None:
            if value is None:
                return
            if key in c and c[key] != value:
                draft.warnings.append(f"complications: {key} read as {c[key]} and {value}; kept the first")
                return
            c[key] = value

        for h in hits:
            adj = (h.group("adj") or "").strip()
            major = bool(_MAJOR.search(adj))
            minor = "minor" in adj.lower()
            if h.label == "COUNT":
                if _AE.search(h.text):
                    continue  # adverse-event tallies: usually per arm in a drug trial
                n = parse_int(h.group("total") or "")
                if n is None:
                    continue
                key = "major" if major else "minor" if minor else "total"
                put(key, n, h)
                if key == "total":
                    tail = text[h.end:h.end + 160]
                    m = _OUT_OF.match(tail)
                    if m:
                        put("denominator", parse_int(m.group("den")), h)
                        put("per", _per(m.group("noun"), abbrevs), h)
                    p = _PCT.match(tail)
                    if p:
                        put("percent", parse_num(p.group("pct")), h)
                        if m:
                            end = h.end + p.end()
                            draft.fractions.append({
                                "count": n, "total": parse_int(m.group("den")), "percent": parse_num(p.group("pct")),
                                "percent_text": p.group("pct"), "start": h.start, "end": end,
                            })
                    ip = _IN_PATIENTS.match(tail)
                    if ip:
                        put("patients_affected", parse_int(ip.group("n")), h)
                    main = main or draft.hit_span(h)
            elif h.label == "OCCURRED":
                n = parse_int(h.group("total") or "")
                key = "major" if major else "minor" if minor else "total"
                put(key, n, h)
                if key == "total":
                    pct = h.group("pct") or h.group("pct2")  # "in 12 (10%) patients" / "in 4 of 42 patients (9.5%)"
                    put("percent", parse_num(pct) if pct else None, h)
                    if h.group("den"):
                        put("denominator", parse_int(h.group("den")), h)
                    if h.group("noun"):
                        put("per", _per(h.group("noun"), abbrevs), h)
                    main = main or draft.hit_span(h)
            elif h.label == "RATE":
                between = text[h.start:h.end]
                if regex.search(r"\bgroup\b", between, regex.I):
                    continue
                key = "major_percent" if major else None
                if key is None and not minor:
                    put("percent", parse_num(h.group("pct") or ""), h)
                    main = main or draft.hit_span(h)
            elif h.label == "NONE":
                if _BAD_NONE.search(adj) or _CONDITIONAL_AFTER.match(text, h.end, min(len(text), h.end + 60)):
                    continue
                if major:
                    put("major", 0, h)
                elif minor:
                    put("minor", 0, h)
                else:
                    put("total", 0, h)
                    main = main or draft.hit_span(h)
            elif h.label == "SPLIT":
                put("major", parse_int(h.group("major") or h.group("major2") or h.group("major3") or ""), h)
                put("minor", parse_int(h.group("minor") or h.group("minor2") or h.group("minor3") or ""), h)
            else:
                continue
            evidence.append(draft.hit_span(h))
        if not evidence:
            return
        c.pop("major_percent", None)
        if c.get("total") == 0 and (c.get("major") or c.get("minor")):
            draft.warnings.append("complications: 'no complications' contradicts a major/minor count; total dropped")
            c.pop("total")
        grading = [h for h in hits if h.label == "GRADING"]
        if grading:
            systems = load_lexicon("complication_grading")["systems"]
            name = grading[0].group("sys") or ""
            c["grading"] = next((v for k, v in systems.items() if k.lower() == regex.sub(r"\s+", " ", name.lower())), name)
        grades = [h.group("g") for h in hits if h.label == "GRADE"]
        draft.complications = Complications(
            **{k: v for k, v in c.items() if v is not None},
            grades=list(dict.fromkeys(g for g in grades if g)),
            span=main,
            evidence=evidence,
        )


@Language.factory("studyfacts_complications", assigns=["doc.spans"])
def make_complications(nlp: Language, name: str) -> ComplicationsComponent:
    return ComplicationsComponent(nlp, name)
