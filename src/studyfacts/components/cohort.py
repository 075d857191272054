"""The cohort fact family. (Skeleton: rules in patterns/cohort.jsonl; resolver to be written.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Draft, FactComponent


class CohortComponent(FactComponent):
    family = "cohort"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        return None


@Language.factory("studyfacts_cohort", assigns=["doc.spans"])
def make_cohort(nlp: Language, name: str) -> CohortComponent:
    return CohortComponent(nlp, name)
