"""The pipeline, written once: a blank English tokenizer and the rule components in order.

No statistical model is loaded, ever: `spacy.blank("en")` plus rule
components, so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import regex
import spacy
from pydantic import ValidationError
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .checks import run_checks
from .components.base import TEXT_KEY, Draft, doc_warnings
from .models import Metadata, Record, Source
from .readers.base import RawRecord

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
_RESULTS_LABEL = regex.compile(r"\b(?:RESULTS?|Results?|FINDINGS|Findings)\s*:")
_EDITORIAL_POINTER = regex.compile(r"\bSee the accompanying (?:Editorial|article)", regex.IGNORECASE)


def compilation_reason(text: str) -> str | None:
    """Why this abstract looks like several studies' abstracts in one record, or None."""
    results = sum(1 for _ in zip(range(3), _RESULTS_LABEL.finditer(text)))
    if results >= 3:
        return "it holds 3 or more 'Results:' sections"
    if sum(1 for _ in zip(range(2), _EDITORIAL_POINTER.finditer(text))) >= 2:
        return "it points to several accompanying editorials"
    return None


@cache
def build_nlp() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("en")
    for name in PIPELINE:
        nlp.add_pipe(name, name=name.removeprefix("studyfacts_"))
    return nlp


def record_id(raw: RawRecord) -> str:
    """DOI, else PMID, else accession number, else "<file>#<index>"."""
    return raw.doi or raw.pmid or raw.accession or f"{raw.path}#{raw.index}"


def extract_record(raw: RawRecord, nlp: Language | None = None) -> Record:
    """Extract the facts of one read record. Never raises for any abstract text."""
    nlp = nlp or build_nlp()
    warnings = list(raw.warnings)
    base: dict[str, Any] = {
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
    }
    text = raw.abstract
    if not text or not text.strip():
        warnings.append("no abstract: nothing to extract")
        return Record(**base, abstract=None, warnings=warnings)

    if len(text) > MAX_ABSTRACT_CHARS:
        warnings.append(
            f"abstract is {len(text):,} characters, more than the {MAX_ABSTRACT_CHARS:,} read; facts not extracted"
        )
        return Record(**base, abstract=text, warnings=warnings)
    reason = compilation_reason(text)
    if reason:
        warnings.append(f"record looks like a compilation of several studies ({reason}); facts not extracted")
        return Record(**base, abstract=text, warnings=warnings)
    draft = Draft(abstract=text)
    try:
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text  # components read the text often; Doc.text rebuilds it each time
        for _, proc in nlp.pipeline:
            doc = proc(doc)
    except Exception as e:
        warnings.append(f"internal error in tokenizer: {type(e).__name__}: {e}")
        return Record(**base, abstract=text, warnings=warnings)
    for name, component in nlp.pipeline:
        resolve = getattr(component, "resolve", None)
        if resolve is None:
            continue
        try:
            resolve(doc, draft)
        except Exception as e:  # a bug in one family must not cost the record
            draft.warnings.append(f"internal error in {name}: {type(e).__name__}: {e}")
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
