"""The output contract (`CONTRACT.md`) as strict pydantic models.

Every model forbids unknown keys; counts are non-negative, percentages lie in
[0, 100], and a `Record` refuses any span whose offsets do not reproduce its
text in the abstract. The JSON Schema printed by `studyfacts schema` is
generated from these classes.
"""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "2"

NonNegInt = Annotated[int, Field(ge=0)]
NonNegFloat = Annotated[float, Field(ge=0)]
Percent = Annotated[float, Field(ge=0, le=100)]
Pair = tuple[float, float]
DurationUnit = Literal["days", "weeks", "months", "years"]
Tier = Literal["high", "review"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Rated(Strict):
    """A value with a confidence tier, set from how it was found (`patterns/confidence.json`)."""

    confidence: Tier | None = Field(
        default=None,
        description="'high': found by a rule and context that are right on the development set; 'review': "
        "check it against the text (`reason` says why)",
    )
    reason: str | None = Field(default=None, description="why the value needs review")


class Span(Strict):
    """Characters `abstract[start:end]`, which must equal `text`."""

    start: NonNegInt
    end: NonNegInt
    text: str
    rule: str | None = Field(default=None, description="id of the rule that produced this span")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")
        return self


class Source(Strict):
    path: str
    index: NonNegInt
    format: str
    line: int | None = None


class Metadata(Strict):
    title: str | None = None
    authors: list[str] = Field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    doi: str | None = None
    pmid: str | None = None
    keywords: list[str] = Field(default_factory=list)
    accession: str | None = None
    source_field: str | None = Field(default=None, description="the export field that held the abstract")
    copyright: str | None = Field(default=None, description="trailing copyright sentence cut from the abstract")


class Count(Rated):
    value: NonNegInt
    noun: str
    span: Span
    score: float | None = Field(
        default=None,
        description="how strongly the context cues made this count the cohort (patients only; see "
        "patterns/cues/cohort.jsonl): the base weight of its kind plus its cues' weights; null where a "
        "fixed rule decided (a funnel's last step, a review's pooled total, a case report)",
    )


class Stat(Rated):
    mean: float | None = None
    sd: NonNegFloat | None = None
    median: float | None = None
    iqr: Pair | None = None
    range: Pair | None = None
    unit: str | None = None
    about: str | None = None
    span: Span


class Period(Rated):
    start: str = Field(pattern=r"^\d{4}(-\d{2})?$")
    end: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2})?$")


class Design(Strict):
    retrospective: bool | None = None
    prospective: bool | None = None
    randomized: bool | None = None
    multicenter: bool | None = None
    consecutive: bool | None = None
    centers: NonNegInt | None = None
    period: Period | None = None
    evidence: list[Span] = Field(default_factory=list)
    confidence: dict[str, Tier] = Field(
        default_factory=dict, description="the confidence tier of each flag that is set, by flag name"
    )
    reason: dict[str, str] = Field(default_factory=dict, description="why a flag needs review, by flag name")


class Population(Strict):
    patients: Count | None = None
    lesions: Count | None = None
    female: Count | None = None
    male: Count | None = None
    age: Stat | None = None


class Timepoint(Strict):
    text: str
    kind: Literal["baseline", "post", "last_follow_up"]
    days: NonNegFloat | None = None


class PValue(Strict):
    op: Literal["<", "=", ">", "<=", ">="]
    value: Annotated[float, Field(ge=0, le=1)]


class PainScore(Rated):
    scale: str
    timepoint: Timepoint | None = None
    mean: float | None = None
    sd: NonNegFloat | None = None
    median: float | None = None
    iqr: Pair | None = None
    range: Pair | None = None
    p_value: PValue | None = None
    n: NonNegInt | None = None
    arm: str | None = None
    span: Span


class Complications(Rated):
    total: NonNegInt | None = None
    denominator: NonNegInt | None = None
    per: Literal["patients", "lesions", "procedures", "sessions"] | None = None
    percent: Percent | None = None
    major: NonNegInt | None = None
    minor: NonNegInt | None = None
    patients_affected: NonNegInt | None = None
    grading: str | None = None
    grades: list[str] = Field(default_factory=list)
    span: Span | None = None
    evidence: list[Span] = Field(default_factory=list)


class Rate(Rated):
    label: str | None = None
    count: NonNegInt | None = None
    total: NonNegInt | None = None
    percent: Percent | None = None
    span: Span


WarningCode = Literal[
    "no_abstract", "not_extracted", "internal_error", "input_damaged", "input_note", "left_out", "no_cohort",
    "groups_without_total", "conflicting_values", "not_counts", "contradiction", "per_group", "inferred",
    "animal_study", "figure_skipped", "unreadable",
    "other",
]


class RecordWarning(Strict):
    """Something a reviewer should know about one record: `code` from a closed set (README), the
    `field` it concerns when there is one, the message, and where in the abstract when known."""

    code: WarningCode
    field: str | None = None
    message: str
    span: Span | None = None

    def __str__(self) -> str:
        return self.message

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and text in self.message


class Check(Strict):
    kind: str
    ok: bool
    message: str
    span: Span | None = None


class Record(Strict):
    schema_version: Literal["2"] = Field(
        default=SCHEMA_VERSION,
        description="2: every value carries `confidence` ('high' or 'review') and `reason`, design flags a "
        "`confidence` map, `population.patients` its cue `score`, and `warnings` are objects {code, field, "
        "message, span}; 1: none of these, warnings were plain strings",
    )
    source: Source
    id: str
    metadata: Metadata = Field(default_factory=Metadata)
    abstract: str | None = None
    design: Design = Field(default_factory=Design)
    population: Population = Field(default_factory=Population)
    follow_up: list[Stat] = Field(default_factory=list)
    pain: list[PainScore] = Field(default_factory=list)
    complications: Complications | None = None
    rates: list[Rate] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    warnings: list[RecordWarning] = Field(
        default_factory=list, description="what a reviewer should know; a plain message is given its code"
    )

    @field_validator("warnings", mode="before")
    @classmethod
    def _coded(cls, value: Any) -> Any:
        """Messages (str) become warning objects with their code (`warnings.classify`)."""
        if isinstance(value, list) and any(isinstance(v, str) for v in value):
            from .warnings import classify

            return [classify(v) if isinstance(v, str) else v for v in value]
        return value

    @model_validator(mode="after")
    def _spans_match_abstract(self) -> Record:
        """The contract's central invariant: `abstract[start:end] == text` for every span."""
        abstract = self.abstract
        spans: list[Span] = []
        _collect_spans(self, spans)  # without paths: they are built only to name a failure
        for span in spans:
            if abstract is None or span.end > len(abstract) or abstract[span.start : span.end] != span.text:
                for where, bad in iter_spans(self):
                    if bad is span:
                        if abstract is None:
                            raise ValueError(f"{where}: span without an abstract")
                        got = abstract[span.start : span.end]
                        raise ValueError(
                            f"{where}: abstract[{span.start}:{span.end}] is {got!r}, span text is {span.text!r}"
                        )
        return self


def _may_hold_model(annotation: Any) -> bool:
    if annotation is Any:
        return True
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_model(a) for a in get_args(annotation))


@cache
def _model_fields_of(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of a model class whose type can hold a model (so a span): an int or a
    string field is never looked into."""
    return tuple(name for name, info in cls.model_fields.items() if _may_hold_model(info.annotation))


def _collect_spans(model: BaseModel, out: list[Span]) -> None:
    if isinstance(model, Span):
        out.append(model)
        return
    for name in _model_fields_of(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            _collect_spans(value, out)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, BaseModel):
                    _collect_spans(item, out)


def iter_spans(model: BaseModel, where: str = "") -> list[tuple[str, Span]]:
    """Every `Span` inside a model, with a dotted path saying where it sits."""
    found: list[tuple[str, Span]] = []
    if isinstance(model, Span):
        return [(where or "span", model)]
    for name in _model_fields_of(type(model)):
        value = getattr(model, name)
        path = f"{where}.{name}" if where else name
        if isinstance(value, BaseModel):
            found.extend(iter_spans(value, path))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    found.extend(iter_spans(item, f"{path}[{i}]"))
    return found


def json_schema() -> dict:
    """The JSON Schema of one output record, generated from the models."""
    return Record.model_json_schema()
