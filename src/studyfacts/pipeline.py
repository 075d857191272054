"""The pipeline, written once: a blank English tokenizer and the rule components in order.

No statistical model is loaded, ever: `spacy.blank("en")` plus rule
components, so nothing is downloaded at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import regex
import spacy
from pydantic import ValidationError
from spacy.attrs import IS_PUNCT
from spacy.language import Language
from spacy.tokens import Doc

from . import components, regexcache  # noqa: F401  (components registers the factories)
from .checks import run_checks
from .components.base import NO_SPANS_KEY, TEXT_KEY, Draft, doc_warnings
from .confidence import assign as assign_confidence
from .decimals import read_decimal_commas
from .models import Metadata, Record, Source
from .readers.base import RawRecord
from .regexcache import cached_compile

# Order matters: abbreviations first (later families read them), then one
# component per fact family. Resolution runs in the same order.
PIPELINE: tuple[str, ...] = (
    "studyfacts_sentences",
    "studyfacts_abbreviations",
    "studyfacts_design",
    "studyfacts_cohort",
    "studyfacts_followup",
    "studyfacts_pain",
    "studyfacts_complications",
    "studyfacts_rates",
)


# Real abstracts run to a few thousand characters (the longest in the corpus,
# a CINAHL record, is about 56,000). Text far past that is not an abstract, and
# reading it would only cost time: it is kept in the output but not extracted.
MAX_ABSTRACT_CHARS = 100_000


# A record that compiles several studies (a congress's oral abstracts, a
# journal's "This Month in ..." digest) has no one cohort: facts read from it
# would belong to whichever study came first. Several "Results:" sections, or
# several pointers to accompanying editorials, give such a record away.
_RESULTS_LABEL = cached_compile(r"\b(?:RESULTS?|Results?|FINDINGS|Findings)\s*:")
_EDITORIAL_POINTER = cached_compile(r"\bSee the accompanying (?:Editorial|article)", regex.IGNORECASE)


def _holds_at_least(pattern: regex.Pattern[str], text: str, n: int) -> bool:
    """Whether the pattern matches the text n times or more (the scan stops at the n-th)."""
    return sum(1 for _ in zip(range(n), pattern.finditer(text))) >= n


# A book's index exported as its "abstract" ("INDEX Activism, 194, 202 Actors, 203-204 ..."): terms
# each followed by their page numbers. Counts read from it ("Stakeholders, 82") are page numbers.
_INDEX_ENTRY = cached_compile(r",\s\d{1,4}(?:[-–]\d{1,4})?\s+(?=[A-Z][a-z])")
_INDEX_ENTRIES = 25  # real abstracts hold a few such pairs at most ("..., 2019 Elsevier")


def index_reason(text: str) -> str | None:
    """Why this abstract looks like a book's index rather than a study's abstract, or None."""
    if _holds_at_least(_INDEX_ENTRY, text, _INDEX_ENTRIES):
        return f"{_INDEX_ENTRIES} or more terms followed by page numbers"
    return None


def compilation_reason(text: str) -> str | None:
    """Why this abstract looks like several studies' abstracts in one record, or None."""
    if _holds_at_least(_RESULTS_LABEL, text, 3):
        return "it holds 3 or more 'Results:' sections"
    if _holds_at_least(_EDITORIAL_POINTER, text, 2):
        return "it points to several accompanying editorials"
    return None


# spaCy computes some twenty attributes of every new word it meets (its shape, norm, "like a number",
# "is a stop word" ...) when the word first enters the vocabulary; the rules here read the text, and
# of those attributes only `is_punct` (the sentence splitter). The others are not computed: a first
# pass over new text tokenises ~15 % faster, and the tokens are the same.
_LEXEME_ATTRS_READ = frozenset({IS_PUNCT})


@cache
def build_nlp() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("en")
    nlp.vocab.lex_attr_getters = {k: f for k, f in nlp.vocab.lex_attr_getters.items() if k in _LEXEME_ATTRS_READ}
    for name in PIPELINE:
        nlp.add_pipe(name, name=name.removeprefix("studyfacts_"))
    return nlp


def record_id(raw: RawRecord) -> str:
    """DOI, else PMID, else accession number, else "<file>#<index>"."""
    return raw.doi or raw.pmid or raw.accession or f"{raw.path}#{raw.index}"


def extract_record(raw: RawRecord, nlp: Language | None = None) -> Record:
    """Extract the facts of one read record. Never raises for any abstract text."""
    return extract_records([raw], nlp)[0]


# Records extracted together by `extract_records`: each pipeline step then runs over
# this many docs in turn, as spaCy's `nlp.pipe` does, so its code and data stay in
# the processor's caches (the CLI runs about 10 % faster than one record at a time).
BATCH_SIZE = 64


@dataclass
class _Job:
    """One record on its way through `extract_records`."""

    base: dict[str, Any]
    warnings: list[str]
    text: str | None = None
    doc: Doc | None = None
    record: Record | None = None  # set once the record is final


# hyphens the rules read as "-": U+2010 HYPHEN and U+2011 NON-BREAKING HYPHEN (same length, so offsets hold)
_HYPHENS = {0x2010: "-", 0x2011: "-"}


def extract_records(raws: Sequence[RawRecord], nlp: Language | None = None) -> list[Record]:
    """Extract a batch of read records, one `Record` per record, in order.

    The same records as `extract_record` for each, but the batch is tokenised first and
    then each component runs over all its docs in turn. An exception in one record's
    tokenisation or matching costs that record's facts only (with a warning), as it
    would alone. Never raises for any abstract text."""
    nlp = nlp or build_nlp()
    jobs = [_prepare(raw) for raw in raws]
    live = [job for job in jobs if job.record is None]
    for job in live:
        # the rules read hyphens as ASCII: "follow\u2010up", "multi\u2010center" (Wiley's U+2010) are "follow-up",
        # "multi-center"; one character for one, so every offset, and every span's text (cut from the
        # abstract as written, see Draft.span), stays the abstract's own
        # and, in an abstract that writes its decimals with a comma, each decimal comma is a full stop
        # ("mean age 66,8 ± 11,3 years"; decimals.py), one character for one again
        text = read_decimal_commas((job.text or "").translate(_HYPHENS))
        try:
            job.doc = nlp.make_doc(text)
            job.doc.user_data[TEXT_KEY] = text  # components read the text often; Doc.text rebuilds it each time
            job.doc.user_data[NO_SPANS_KEY] = True
        except Exception as e:
            _give_up(job, "tokenizer", e)
    for name, proc in nlp.pipeline:
        for job in live:
            if job.doc is not None:  # None: given up
                try:
                    job.doc = proc(job.doc)
                except Exception as e:
                    _give_up(job, name, e)
    # each family resolves all the batch's docs in turn, as it matched them: its cue and rule
    # patterns stay in the processor's caches (one record at a time, every family's patterns
    # pushed the others' out between records)
    done = [job for job in live if job.doc is not None]
    drafts = [Draft(abstract=job.text or "") for job in done]
    for name, component in nlp.pipeline:
        resolve = getattr(component, "resolve", None)
        if resolve is None:
            continue
        for job, draft in zip(done, drafts, strict=True):
            try:
                resolve(job.doc, draft)
            except Exception as e:  # a bug in one family must not cost the record
                draft.warnings.append(f"internal error in {name}: {type(e).__name__}: {e}")
    for job, draft in zip(done, drafts, strict=True):
        job.record = _finish(job, draft)
    # patterns first compiled for these records (a rare combination of rules, a cue) are kept
    # for the next process: at most every few seconds, and nothing to do once all are kept
    regexcache.save()
    return [job.record for job in jobs]  # type: ignore[misc]


def _prepare(raw: RawRecord) -> _Job:
    """The record's metadata; and its abstract, or the final record when there is nothing to extract."""
    job = _Job(base={
        "source": Source(path=raw.path, index=raw.index, format=raw.format, line=raw.line),
        "id": record_id(raw),
        "metadata": Metadata(
            title=raw.title,
            authors=raw.authors,
            year=raw.year,
            journal=raw.journal,
            doi=raw.doi,
            pmid=raw.pmid,
            keywords=raw.keywords,
            accession=raw.accession,
            source_field=raw.source_field,
            copyright=raw.copyright,
        ),
    }, warnings=list(raw.warnings))
    text, warnings = raw.abstract, job.warnings
    if not text or not text.strip():
        warnings.append("no abstract: nothing to extract")
        job.record = Record(**job.base, abstract=None, warnings=warnings)
        return job
    if len(text) > MAX_ABSTRACT_CHARS:
        warnings.append(
            f"abstract is {len(text):,} characters, more than the {MAX_ABSTRACT_CHARS:,} read; facts not extracted"
        )
    elif reason := compilation_reason(text):
        warnings.append(f"record looks like a compilation of several studies ({reason}); facts not extracted")
    elif reason := index_reason(text):
        warnings.append(f"record looks like a book's index, not an abstract ({reason}); facts not extracted")
    else:
        job.text = text
        return job
    job.record = Record(**job.base, abstract=text, warnings=warnings)
    return job


def _give_up(job: _Job, step: str, e: Exception) -> None:
    """A bug met while tokenising or matching this record: its facts are given up, the record is kept."""
    job.warnings.append(f"internal error in {step}: {type(e).__name__}: {e}")
    job.record = Record(**job.base, abstract=job.text, warnings=job.warnings)
    job.doc = None


def _finish(job: _Job, draft: Draft) -> Record:
    """The record from its families' resolved facts (`draft`): confidence, checks, validation."""
    text, doc, warnings, base = job.text, job.doc, job.warnings, job.base
    assert text is not None and doc is not None
    try:
        assign_confidence(draft.design, draft.population, draft.follow_up, draft.pain, draft.complications,
                          draft.rates)
    except Exception as e:
        draft.warnings.append(f"internal error in confidence: {type(e).__name__}: {e}")
    warnings.extend(doc_warnings(doc))
    warnings.extend(draft.warnings)
    try:
        checks = run_checks(draft)
    except Exception as e:
        checks = []
        warnings.append(f"internal error in checks: {type(e).__name__}: {e}")
    fields = {
        "design": draft.design,
        "population": draft.population,
        "follow_up": draft.follow_up,
        "pain": draft.pain,
        "complications": draft.complications,
        "rates": draft.rates,
        "checks": checks,
    }
    try:
        return Record(**base, abstract=text, **fields, warnings=warnings)
    except ValidationError as e:
        # Keep the record and say why its facts were dropped, rather than lose it.
        warnings.append(f"facts dropped, they failed validation: {e.errors()[0]['msg']}")
        return Record(**base, abstract=text, warnings=warnings)
