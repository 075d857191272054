"""The contract's invariants, enforced by the models themselves."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from studyfacts.models import Count, Population, Rate, Record, Source, Span, iter_spans, json_schema

ABSTRACT = "There were 74 patients."
SOURCE = Source(path="x.ris", index=0, format="ris")


def _record(span: Span) -> Record:
    return Record(
        source=SOURCE, id="x", abstract=ABSTRACT,
        population=Population(patients=Count(value=74, noun="patients", span=span)),
    )


def test_models_span_must_reproduce_its_text():
    assert _record(Span(start=11, end=22, text="74 patients")).population.patients.value == 74
    with pytest.raises(ValidationError, match="span text is '75 patients'"):
        _record(Span(start=11, end=22, text="75 patients"))


@pytest.mark.parametrize(("start", "end"), [(11, 99), (22, 11)])
def test_models_span_offsets_must_fit(start, end):
    with pytest.raises(ValidationError):
        _record(Span(start=start, end=end, text=ABSTRACT[start:end]))


def test_models_span_without_abstract_is_refused():
    with pytest.raises(ValidationError, match="span without an abstract"):
        Record(source=SOURCE, id="x", abstract=None,
               population=Population(patients=Count(value=1, noun="man", span=Span(start=0, end=1, text="T"))))


@pytest.mark.parametrize(
    ("model", "kwargs"),
    [
        (Count, {"value": -1, "noun": "patients", "span": {"start": 0, "end": 0, "text": ""}}),
        (Rate, {"percent": 100.5, "span": {"start": 0, "end": 0, "text": ""}}),
        (Rate, {"percent": 50, "colour": "red", "span": {"start": 0, "end": 0, "text": ""}}),
    ],
)
def test_models_constraints(model, kwargs):
    with pytest.raises(ValidationError):
        model.model_validate(kwargs)


def test_models_iter_spans_names_where():
    rec = _record(Span(start=11, end=22, text="74 patients"))
    assert [w for w, _ in iter_spans(rec)] == ["population.patients.span"]


def test_models_schema_forbids_extra_keys():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert {"source", "id", "abstract", "design", "population", "follow_up", "pain", "complications",
            "rates", "checks", "warnings", "schema_version", "metadata"} <= set(schema["properties"])
