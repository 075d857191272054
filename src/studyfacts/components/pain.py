"""The pain fact family. (Skeleton: rules in patterns/pain.jsonl; resolver to be written.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Draft, FactComponent


class PainComponent(FactComponent):
    family = "pain"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        return None


@Language.factory("studyfacts_pain", assigns=["doc.spans"])
def make_pain(nlp: Language, name: str) -> PainComponent:
    return PainComponent(nlp, name)
