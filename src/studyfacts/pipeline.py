"""The pipeline, written once: a blank English tokenizer and the rule components in order.

No statistical model is loaded, ever: `spacy.blank("en")` plus rule
components, so nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import spacy
from pydantic import ValidationError
from spacy.language import Language

from . import components  # noqa: F401  (registers the factories)
from .checks import run_checks
from .components.base import Draft, doc_warnings
from .models import Metadata, Record, Source
from .readers.base import RawRecord

# Order matters: abbreviations first (later families read them), then one
# component per fact family. Resolution runs in the same order.
PIPELINE: tuple[str, ...] = (
    "sentencizer",
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
    draft = Draft(abstract=text)
    try:
        doc = nlp(text)
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
