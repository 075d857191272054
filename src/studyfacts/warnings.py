"""Warnings a person can use: `{code, field, message, span}`, from a closed set of codes.

Components and readers say what went wrong in a sentence ("patients: no candidate scored
2 or more: ..."); this module gives each sentence its code from the table in
`patterns/warnings.json` (the first code whose pattern the message matches) and the
record field it concerns. The README lists the codes; `input_error` codes are the ones
`--strict` counts. A message no pattern knows gets the code `other`, which the test
suite keeps out of the corpus's output.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import regex

from .models import RecordWarning, Span
from .regexcache import cached_compile
from .rules import RuleError, patterns_dir


@dataclass(frozen=True)
class Code:
    code: str
    pattern: regex.Pattern[str]
    field: str | None
    input_error: bool
    description: str
    examples: tuple[str, ...]


@cache
def codes() -> tuple[Code, ...]:
    path = patterns_dir() / "warnings.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        out = tuple(
            Code(c["code"], cached_compile(c["pattern"]), c.get("field"), bool(c.get("input_error")),
                 c["description"], tuple(c.get("examples", ())))
            for c in data["codes"]
        )
    except (OSError, json.JSONDecodeError, KeyError, TypeError, regex.error) as e:
        raise RuleError(f"{path}: {e}") from e
    if not out or out[-1].code != "other":
        raise RuleError(f"{path}: the last code must be 'other', the catch-all")
    return out


_FIELD_NAMES = {"female": "population.female", "male": "population.male", "age": "population.age",
                "lesions": "population.lesions", "follow-up": "follow_up", "period": "design.period", "pain": "pain",
                "complications": "complications", "patients": "population.patients"}


_LEAD = cached_compile(r"([a-z-]+): ")


def classify(message: str, span: Span | None = None) -> RecordWarning:
    """The warning object of one message."""
    for c in codes():
        m = c.pattern.search(message)
        if m is None:
            continue
        field = c.field
        named = m.groupdict().get("field")
        if named:
            field = _FIELD_NAMES.get(named, named)
        elif field is None and (lead := _LEAD.match(message)) is not None:
            field = _FIELD_NAMES.get(lead.group(1))  # "complications: ..." concerns complications
        return RecordWarning(code=c.code, field=field, message=message, span=span)
    raise AssertionError("the catch-all code matches every message")  # pragma: no cover


def classify_all(messages: Iterable[str | RecordWarning]) -> list[RecordWarning]:
    return [m if isinstance(m, RecordWarning) else classify(m) for m in messages]


@cache
def input_error_codes() -> frozenset[str]:
    return frozenset(c.code for c in codes() if c.input_error)
