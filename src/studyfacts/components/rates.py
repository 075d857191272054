"""The rates fact family: every n/N (%) triple, labelled from its sentence.

Rules (`patterns/rates.jsonl`) find "76/105; 72.4%", "23/28 (82.1%)",
"82.1% (23/28)" and "33 of 34 patients (97.1%)". The label is read from the
sentence in a fixed order: "patients with <label>" right after the triple,
"... were <label>" right after it, else the clause subject before it ("<label>
was achieved in"). An abbreviation the abstract defines is written out ("LTC"
-> "local tumor control"). Every triple also goes to `draft.fractions` for the
checks, labelled or not.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Rate
from ..numbers import parse_int, parse_num
from ..regexcache import cached_compile
from ..rules import Gate, Hit, run_rules
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_scan, doc_text, hits_of, sentence_at

_PREFILTER = Gate(r"%")
_STOP = r"(?=\s+(?:at|in|after|during|within|on|by|for|and|who|which|with|than)\b|\s*[,;.:()\[\]]|$)"
_WITH_AFTER = cached_compile(r"^[\s)\]]*(?:[\w-]+\s+)?(?:patients?|participants?|subjects?|cases?)\s+with\s+(?P<label>[^,;.()]{2,50}?)" + _STOP, regex.I)
_WERE_AFTER = cached_compile(
    r"^[\s)\]]*(?:[\w-]+\s+)?(?:were|was|had|became|remained|achieved|showed|reported)\s+(?P<label>[^,;.()]{2,50}?)" + _STOP, regex.I
)
_SUBJECT = cached_compile(
    r"(?:^|[,;:]\s*)(?P<label>[A-Za-z][^,;:]{1,50}?)\s+(?:was|were|is|are)\s+(?:\w+\s+){0,2}?(?:in|for|by|on|to|of)\s*$", regex.I
)
_RATE_OF = cached_compile(r"(?P<label>[A-Za-z][\w -]{1,40}?)\s+rates?\s+(?:was|were|of|:)\s*$", regex.I)
_BAD_LABEL = cached_compile(r"^(?:the|a|an|this|these|it|they|there|patients?|all|which|who)$|\d", regex.I)
_LEAD = cached_compile(r"^(?:the|a|an)\s+", regex.I)


def _clean(label: str, abbrevs: dict[str, str]) -> str | None:
    label = _LEAD.sub("", label.strip())
    if not label or _BAD_LABEL.search(label) or len(label.split()) > 6:
        return None
    words = [abbrevs.get(w, w) if w in abbrevs and len(label.split()) == 1 else w for w in label.split()]
    label = " ".join(words)
    if label[:1].isupper() and not label[:2].isupper():
        label = label[0].lower() + label[1:]
    return label


_LABEL_WINDOW = 200
_CLOSE_BRACKET = cached_compile(r"^[^()\[\]]{0,20}[)\]]")
_TRAILING_OPEN = cached_compile(r"[\s(\[]+$")
_TRAILING_COUNT = cached_compile(r"\s*\b\d[\d,]*\s+[\w-]+$")


class RatesComponent(FactComponent):
    family = "rates"

    def match(self, doc: Doc) -> list[Hit]:
        scan_ = doc_scan(doc)
        if not _PREFILTER.found(scan_):
            return []
        return run_rules(self.rules, scan_)

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = sorted(hits_of(doc, self.family), key=lambda h: (h.start, -h.end))
        if not hits:
            return
        text = doc_text(doc)
        abbrevs = abbreviations(doc)
        last_end = -1
        for h in hits:
            if h.start < last_end:
                continue
            last_end = h.end
            n, total, pct = parse_int(h.group("n") or ""), parse_int(h.group("N") or ""), h.group("pct")
            if n is None or not total or pct is None or n > total:
                continue
            percent = parse_num(pct)
            if percent is None or percent > 100:
                continue
            draft.fractions.append({"count": n, "total": total, "percent": percent, "percent_text": pct,
                                    "start": h.start, "end": h.end})
            sa, sb = sentence_at(doc, h.start)
            draft.rates.append(Rate(label=self._label(text, h, sa, sb, abbrevs), count=n, total=total,
                                    percent=percent, span=draft.hit_span(h)))

    def _label(self, text: str, h: Hit, sa: int, sb: int, abbrevs: dict[str, str]) -> str | None:
        after = text[h.end:sb]
        # a triple in parentheses: skip to after its closing bracket
        close = _CLOSE_BRACKET.match(after)
        if close:
            after = after[close.end() - 1:]
        for rx in (_WITH_AFTER, _WERE_AFTER):
            m = rx.match(after)
            if m:
                lab = _clean(m.group("label"), abbrevs)
                if lab:
                    return lab
        # A label sits within a few words of its figure; a bounded window keeps
        # a sentence of thousands of triples from costing time quadratic in its length.
        before = text[max(sa, h.start - _LABEL_WINDOW):h.start]
        before = _TRAILING_OPEN.sub("", before)
        before = _TRAILING_COUNT.sub("", before) + " "  # "used for 76 SM (": drop the count
        before = before.rstrip()
        for rx in (_SUBJECT, _RATE_OF):
            m = rx.search(before)
            if m:
                lab = _clean(m.group("label"), abbrevs)
                if lab:
                    return lab
        return None


@Language.factory("studyfacts_rates", assigns=["doc.spans"])
def make_rates(nlp: Language, name: str) -> RatesComponent:
    return RatesComponent(nlp, name)
