"""The complications fact family. (Skeleton: rules in patterns/complications.jsonl; resolver to be written.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Draft, FactComponent


class ComplicationsComponent(FactComponent):
    family = "complications"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        return None


@Language.factory("studyfacts_complications", assigns=["doc.spans"])
def make_complications(nlp: Language, name: str) -> ComplicationsComponent:
    return ComplicationsComponent(nlp, name)
