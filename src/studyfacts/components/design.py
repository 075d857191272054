"""The design fact family. (Skeleton: rules in patterns/design.jsonl; resolver to be written.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Draft, FactComponent


class DesignComponent(FactComponent):
    family = "design"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        return None


@Language.factory("studyfacts_design", assigns=["doc.spans"])
def make_design(nlp: Language, name: str) -> DesignComponent:
    return DesignComponent(nlp, name)
