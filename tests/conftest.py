"""Shared fixtures: the pipeline once per session, and where ../shared lives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

from studyfacts.components.base import Draft

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_b53d737dffa061d6.txt"


def need_shared() -> Path:
    """The shared corpus and eval data, or skip: they sit beside the repo, not in it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (corpus and eval data live beside the repository)")
    return SHARED


def corpus_abstracts() -> Iterator[str]:
    """Every non-empty abstract of the shared corpus, file by file in name order (or skip)."""
    import studyfacts

    corpus = need_shared() / "corpus"
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix not in {".tsv", ".md"}:
            yield from (r.abstract for r in studyfacts.read(path) if r.abstract)


@pytest.fixture(scope="session")
def nlp():
    from studyfacts.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def extract():
    import studyfacts

    return studyfacts.extract


OUTCOME_FAMILIES = ("studyfacts_sentences", "studyfacts_abbreviations", "studyfacts_pain", "studyfacts_complications", "studyfacts_rates")


@pytest.fixture(scope="session")
def run():
    """The outcome families alone (pain, complications, rates), so their tests do not depend on the cohort rules."""
    import studyfacts.components  # noqa: F401

    nlp = spacy.blank("en")
    for name in OUTCOME_FAMILIES:
        nlp.add_pipe(name, name=name.removeprefix("studyfacts_"))

    def _run(text: str) -> Draft:
        doc = nlp(text)
        draft = Draft(abstract=text)
        for _, comp in nlp.pipeline:
            if hasattr(comp, "resolve"):
                comp.resolve(doc, draft)
        return draft

    return _run


def all_high(node):
    """Every confidence tier in a record's JSON set to high, so that a test decides which values are review."""
    if isinstance(node, dict):
        if isinstance(node.get("confidence"), str):
            node.update(confidence="high", reason=None)
        elif isinstance(node.get("confidence"), dict):
            node["confidence"] = {k: "high" for k in node["confidence"]}
            node["reason"] = {}
        for v in node.values():
            all_high(v)
    elif isinstance(node, list):
        for v in node:
            all_high(v)
