"""The followup fact family. (Skeleton: rules in patterns/followup.jsonl; resolver to be written.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Draft, FactComponent


class FollowUpComponent(FactComponent):
    family = "followup"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        return None


@Language.factory("studyfacts_followup", assigns=["doc.spans"])
def make_followup(nlp: Language, name: str) -> FollowUpComponent:
    return FollowUpComponent(nlp, name)
