"""The shape every fact component has (after spaCy's SpanRuler).

`__call__` is `hits = self.match(doc)` then `self.set_annotations(doc, hits)`:
candidates go to `doc.spans[family]` (facts overlap, so `doc.ents` cannot hold
them) and, with their parsed groups, to `doc.user_data`. `resolve(doc, draft)`
then turns the candidates into the family's part of the output record.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc

from ..models import Complications, Design, PainScore, Population, Rate, RecordWarning, Span, Stat
from ..rules import CompiledRule, Hit, TextScan, load_rules, run_rules

WARNINGS_KEY = ("studyfacts", "warnings")


def doc_warnings(doc: Doc) -> list[str]:
    """Warnings raised while matching this doc (e.g. a regex that hit its time bound)."""
    return doc.user_data.setdefault(WARNINGS_KEY, [])


SENTS_KEY = ("studyfacts", "sentences")
# set by `pipeline.extract_records`: the components need not build `doc.spans`, whose spaCy
# `Span` objects nothing there reads; `nlp(text)` builds them as before
NO_SPANS_KEY = ("studyfacts", "no_spans")
TEXT_KEY = ("studyfacts", "text")


def doc_text(doc: Doc) -> str:
    """The doc's text, built once: `Doc.text` re-joins every token on each read,
    which cost more than all the rules together when components read it often."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


SCAN_KEY = ("studyfacts", "scan")


def doc_scan(doc: Doc) -> TextScan:
    """The doc's text as the rules see it (lower-cased copy, count starts, year
    windows), built once and shared by every family."""
    got = doc.user_data.get(SCAN_KEY)
    if got is None:
        got = doc.user_data[SCAN_KEY] = TextScan(doc_text(doc), doc_warnings(doc))
    return got


def bounds_from_starts(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each sentence from the offsets where sentences start; each ends
    where the next starts, trailing white space trimmed."""
    bounds = []
    for a, b in zip(starts, starts[1:] + [len(text)], strict=False):
        end = b
        while end > a and text[end - 1].isspace():
            end -= 1
        bounds.append((a, end))
    return bounds


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start_char, end_char) of every sentence, computed once per doc.

    `doc.sents` walks every token each time it is read, which made it the
    largest cost of the whole pipeline when several components asked for it. The
    pipeline's `studyfacts_sentences` puts them here itself; a pipeline with spaCy's
    sentencizer instead gets them from its `SENT_START` marks.
    """
    cached = doc.user_data.get(SENTS_KEY)
    if cached is not None:
        return cached
    if not len(doc):
        bounds: list[tuple[int, int]] = []
    elif doc.has_annotation("SENT_START"):
        starts = doc.to_array("SENT_START")
        idx = doc.to_array("IDX")
        begin = [int(idx[i]) for i in range(len(doc)) if i == 0 or starts[i] == 1]
        bounds = bounds_from_starts(doc_text(doc), begin)
    else:
        bounds = [(0, len(doc_text(doc)))]
    doc.user_data[SENTS_KEY] = bounds
    return bounds


def sentence_at(doc: Doc, pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `pos`."""
    bounds = sentence_bounds(doc)
    if not bounds:
        return (0, len(doc_text(doc)))
    key = ("studyfacts", "sentence_starts")
    starts = doc.user_data.get(key)
    if starts is None:
        starts = doc.user_data[key] = [b[0] for b in bounds]
    i = bisect.bisect_right(starts, pos) - 1
    return bounds[max(i, 0)]


def hits_of(doc: Doc, family: str) -> list[Hit]:
    return doc.user_data.get(("studyfacts", "hits", family), [])


@dataclass
class Draft:
    """The output record being assembled; each component's `resolve` fills its part."""

    abstract: str
    design: Design = field(default_factory=Design)
    population: Population = field(default_factory=Population)
    follow_up: list[Stat] = field(default_factory=list)
    pain: list[PainScore] = field(default_factory=list)
    complications: Complications | None = None
    rates: list[Rate] = field(default_factory=list)
    warnings: list[str | RecordWarning] = field(default_factory=list)
    # n/N (%) triples found anywhere (rate or not): the checks read them.
    fractions: list[dict[str, Any]] = field(default_factory=list)

    def span(self, start: int, end: int, rule: str | None = None) -> Span:
        """A `Span` of the abstract, trimmed of surrounding white space."""
        text = self.abstract
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start=start, end=end, text=text[start:end], rule=rule)

    def hit_span(self, hit: Hit) -> Span:
        return self.span(hit.start, hit.end, hit.rule)

    def warn(self, message: str, at: Hit | Span | tuple[int, int] | None = None) -> None:
        """A warning, with the passage it is about (a hit, a span or (start, end)) as its `span`."""
        from ..warnings import classify

        span: Span | None
        if at is None:
            span = None
        elif isinstance(at, Span):
            span = at
        elif isinstance(at, tuple):
            span = self.span(*at)
        else:
            span = self.hit_span(at)
        self.warnings.append(classify(message, span))


def family_rules(family: str) -> tuple[CompiledRule, ...]:
    """The compiled rules of a family, with the extra fragments its module declares
    (`EXTRA_FRAGMENTS`, e.g. a scale alternation built from a lexicon)."""
    import importlib

    module = importlib.import_module(f"studyfacts.components.{family}")
    return load_rules(family, tuple(getattr(module, "EXTRA_FRAGMENTS", ())))


class FactComponent:
    """A rule component for one fact family, its rules in `patterns/<family>.jsonl`."""

    family: ClassVar[str]

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.rules: tuple[CompiledRule, ...] = family_rules(self.family)

    def __call__(self, doc: Doc) -> Doc:
        hits = self.match(doc)
        self.set_annotations(doc, hits)
        return doc

    def match(self, doc: Doc) -> list[Hit]:
        return run_rules(self.rules, doc_scan(doc))

    def set_annotations(self, doc: Doc, hits: list[Hit]) -> None:
        doc.user_data[("studyfacts", "hits", self.family)] = hits
        if doc.user_data.get(NO_SPANS_KEY):
            return  # `extract_records` reads the hits, not spaCy spans (which cost ~25 us an abstract)
        spans = []
        for h in hits:
            sp = doc.char_span(h.start, h.end, label=h.label, alignment_mode="expand")
            if sp is not None:
                spans.append(sp)
        doc.spans[self.family] = spans

    def resolve(self, doc: Doc, draft: Draft) -> None:  # pragma: no cover - every family overrides
        raise NotImplementedError
