"""The rates fact family. (Skeleton: rules in patterns/rates.jsonl; resolver to be written.)"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .base import Draft, FactComponent


class RatesComponent(FactComponent):
    family = "rates"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        return None


@Language.factory("studyfacts_rates", assigns=["doc.spans"])
def make_rates(nlp: Language, name: str) -> RatesComponent:
    return RatesComponent(nlp, name)
