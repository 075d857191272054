"""CSV output for meta-analysis: `csv` (one row per record) and `csv-long` (one row per value).

`csv` flattens the key facts of each record into fixed columns, the shape a
reviewer opens in a spreadsheet. `csv-long` is tidy data: one row per
extracted number, with where it came from, the shape R (`readr::read_csv`)
and pandas group and pivot without any JSON handling. Its `value` column is
always numeric (booleans as 1/0), so `pd.read_csv` gives it a float dtype.

Both go through the `csv` module (quoting of commas, quotes and the line
breaks that abstracts contain is its job, not ours) and write their header
first, so an empty input still gives a readable file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import IO, Any

from .models import Count, PainScore, Rate, Record, Span, Stat

# Follow-up durations are reported in months in the wide table. The factors
# are the usual ones (365.25 / 12 days and 52.18 / 12 weeks a month), so that
# "24 weeks" and "168 days" both come out as about 5.5 months.
DAYS_PER_MONTH = 30.4375
WEEKS_PER_MONTH = 4.348
MONTHS_PER_UNIT: dict[str, float] = {
    "days": 1 / DAYS_PER_MONTH,
    "weeks": 1 / WEEKS_PER_MONTH,
    "months": 1.0,
    "years": 12.0,
}

WIDE_COLUMNS: tuple[str, ...] = (
    "id",
    "source_path",
    "source_index",
    "title",
    "year",
    "journal",
    "doi",
    "pmid",
    "has_abstract",
    "patients",
    "lesions",
    "female",
    "male",
    "age_mean",
    "age_sd",
    "age_median",
    "retrospective",
    "prospective",
    "randomized",
    "multicenter",
    "consecutive",
    "centers",
    "period_start",
    "period_end",
    "follow_up_mean_months",
    "follow_up_median_months",
    "follow_up_figures",
    "complications_total",
    "complications_denominator",
    "complications_per",
    "complications_percent",
    "complications_major",
    "complications_minor",
    "pain_figures",
    "rates",
    "failed_checks",
    "warnings",
    # confidence tiers: "high" or "review" (see patterns/confidence.json); empty when there is no value
    "patients_confidence",
    "lesions_confidence",
    "female_confidence",
    "male_confidence",
    "age_confidence",
    "design_confidence",
    "period_confidence",
    "follow_up_confidence",
    "pain_confidence",
    "complications_confidence",
    "rates_confidence",
)

LONG_COLUMNS: tuple[str, ...] = (
    "record_id",
    "field",
    "item",
    "label",
    "group",
    "statistic",
    "op",
    "value",
    "unit",
    "timepoint_text",
    "timepoint_kind",
    "timepoint_days",
    "span_start",
    "span_end",
    "span_text",
    "confidence",
)


def to_months(value: float | None, unit: str | None) -> float | None:
    """A duration in months, or None when the value or its unit is unknown (never a guess)."""
    if value is None or unit is None:
        return None
    factor = MONTHS_PER_UNIT.get(unit)
    return None if factor is None else round(value * factor, 4)


def _cell(value: Any) -> Any:
    """CSV cells: None is empty, booleans are true/false (as R and pandas read them)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _count(count: Count | None) -> int | None:
    return None if count is None else count.value


def primary_follow_up(record: Record) -> Stat | None:
    """The study's overall follow-up: the first figure not said to be about one outcome, else the first.

    "median follow-up of 16.5 months for local tumor control" is about one
    outcome; a bare "mean follow-up 14 months" is the study's, and wins.
    """
    for stat in record.follow_up:
        if stat.about is None:
            return stat
    return record.follow_up[0] if record.follow_up else None


def wide_row(record: Record) -> list[Any]:
    """One record as the CSV cells of `WIDE_COLUMNS`, in that order."""
    return [_cell(v) for v in wide_values(record)]


def wide_values(record: Record) -> list[Any]:
    """One record's values for `WIDE_COLUMNS`, in that order, as Python values (None, bool, numbers)."""
    meta, pop, design, comp = record.metadata, record.population, record.design, record.complications
    age = pop.age
    fu = primary_follow_up(record)
    row = {
        "id": record.id,
        "source_path": record.source.path,
        "source_index": record.source.index,
        "title": meta.title,
        "year": meta.year,
        "journal": meta.journal,
        "doi": meta.doi,
        "pmid": meta.pmid,
        "has_abstract": record.abstract is not None,
        "patients": _count(pop.patients),
        "lesions": _count(pop.lesions),
        "female": _count(pop.female),
        "male": _count(pop.male),
        "age_mean": age.mean if age else None,
        "age_sd": age.sd if age else None,
        "age_median": age.median if age else None,
        "retrospective": design.retrospective,
        "prospective": design.prospective,
        "randomized": design.randomized,
        "multicenter": design.multicenter,
        "consecutive": design.consecutive,
        "centers": design.centers,
        "period_start": design.period.start if design.period else None,
        "period_end": design.period.end if design.period else None,
        "follow_up_mean_months": to_months(fu.mean, fu.unit) if fu else None,
        "follow_up_median_months": to_months(fu.median, fu.unit) if fu else None,
        "follow_up_figures": len(record.follow_up),
        "complications_total": comp.total if comp else None,
        "complications_denominator": comp.denominator if comp else None,
        "complications_per": comp.per if comp else None,
        "complications_percent": comp.percent if comp else None,
        "complications_major": comp.major if comp else None,
        "complications_minor": comp.minor if comp else None,
        "pain_figures": len(record.pain),
        "rates": len(record.rates),
        "failed_checks": sum(not c.ok for c in record.checks),
        "warnings": len(record.warnings),
        "patients_confidence": _tier(pop.patients),
        "lesions_confidence": _tier(pop.lesions),
        "female_confidence": _tier(pop.female),
        "male_confidence": _tier(pop.male),
        "age_confidence": _tier(age),
        "design_confidence": _worst(design.confidence.values()),
        "period_confidence": _tier(design.period),
        "follow_up_confidence": _worst(f.confidence for f in record.follow_up),
        "pain_confidence": _worst(p.confidence for p in record.pain),
        "complications_confidence": _tier(comp),
        "rates_confidence": _worst(r.confidence for r in record.rates),
    }
    return [row[c] for c in WIDE_COLUMNS]


def _tier(value: Any) -> str | None:
    return getattr(value, "confidence", None) if value is not None else None


def _worst(tiers: Any) -> str | None:
    """'review' when any of the tiers is, 'high' when all are, None when there are none."""
    seen = [t for t in tiers if t]
    return None if not seen else ("review" if "review" in seen else "high")


def _num(value: Any) -> Any:
    """The long table's `value` column is numeric: booleans become 1/0."""
    return int(value) if isinstance(value, bool) else value


class _LongRows:
    """Builds the `csv-long` rows of one record (one row per extracted value)."""

    def __init__(self, record: Record, cell: Any = None) -> None:
        self.record = record
        self.cell = cell or _cell
        self.rows: list[list[Any]] = []

    def add(
        self,
        field: str,
        statistic: str,
        value: Any,
        *,
        item: int | None = None,
        label: str | None = None,
        group: str | None = None,
        op: str | None = None,
        unit: str | None = None,
        timepoint: Any = None,
        span: Span | None = None,
        confidence: str | None = None,
    ) -> None:
        if value is None:
            return
        self.rows.append(
            [
                self.cell(v)
                for v in (
                    self.record.id,
                    field,
                    item,
                    label,
                    group,
                    statistic,
                    op,
                    _num(value),
                    unit,
                    timepoint.text if timepoint else None,
                    timepoint.kind if timepoint else None,
                    timepoint.days if timepoint else None,
                    span.start if span else None,
                    span.end if span else None,
                    span.text if span else None,
                    confidence,
                )
            ]
        )

    def stat(self, field: str, stat: Stat | PainScore, item: int | None = None, **kw: Any) -> None:
        """mean, sd, median and the two ends of iqr and range, each its own row."""
        kw.setdefault("confidence", stat.confidence)
        for name in ("mean", "sd", "median"):
            self.add(field, name, getattr(stat, name), item=item, span=stat.span, **kw)
        for name in ("iqr", "range"):
            pair = getattr(stat, name)
            if pair is not None:
                self.add(field, f"{name}_low", pair[0], item=item, span=stat.span, **kw)
                self.add(field, f"{name}_high", pair[1], item=item, span=stat.span, **kw)

    def rate(self, field: str, rate: Rate, item: int) -> None:
        for name in ("count", "total", "percent"):
            self.add(field, name, getattr(rate, name), item=item, label=rate.label, span=rate.span,
                     confidence=rate.confidence)


def long_rows(record: Record) -> Iterator[list[Any]]:
    """One record as `csv-long` rows, in a fixed order: design, population, follow-up,
    pain, complications, rates. `item` numbers the entries of list fields so that
    e.g. a mean and its sd pair up again in R with `pivot_wider(names_from = statistic)`."""
    return _long(record, _cell)


def long_values(record: Record) -> Iterator[list[Any]]:
    """`long_rows` with Python values in the cells (None, numbers) instead of CSV text."""
    return _long(record, lambda v: v)


def _long(record: Record, cell: Any) -> Iterator[list[Any]]:
    rows = _LongRows(record, cell)
    design = record.design
    for flag in ("retrospective", "prospective", "randomized", "multicenter", "consecutive"):
        rows.add("design", flag, getattr(design, flag), confidence=design.confidence.get(flag))
    rows.add("design", "centers", design.centers, confidence=design.confidence.get("multicenter"))

    pop = record.population
    for name in ("patients", "lesions", "female", "male"):
        count: Count | None = getattr(pop, name)
        if count is not None:
            rows.add(f"population.{name}", "n", count.value, unit=count.noun, span=count.span,
                     confidence=count.confidence)
    if pop.age is not None:
        rows.stat("population.age", pop.age, unit=pop.age.unit, label=pop.age.about)

    for i, fu in enumerate(record.follow_up):
        rows.stat("follow_up", fu, item=i, unit=fu.unit, label=fu.about)

    for i, pain in enumerate(record.pain):
        kw: dict[str, Any] = {"label": pain.scale, "group": pain.arm, "timepoint": pain.timepoint}
        rows.stat("pain", pain, item=i, **kw)
        rows.add("pain", "n", pain.n, item=i, span=pain.span, confidence=pain.confidence, **kw)
        if pain.p_value is not None:
            rows.add("pain", "p_value", pain.p_value.value, item=i, op=pain.p_value.op, span=pain.span,
                     confidence=pain.confidence, **kw)

    comp = record.complications
    if comp is not None:
        for name in ("total", "denominator", "percent", "major", "minor", "patients_affected"):
            value = getattr(comp, name)
            rows.add("complications", name, value, label=comp.grading, unit=comp.per, span=comp.span,
                     confidence=comp.confidence)

    for i, rate in enumerate(record.rates):
        rows.rate("rates", rate, i)
    return iter(rows.rows)


class CsvWriter:
    """`--format csv`: one row per record, the columns of `WIDE_COLUMNS`."""

    columns = WIDE_COLUMNS

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv.writer(out)
        self.writer.writerow(self.columns)

    def write(self, record: Record) -> None:
        self.writer.writerow(wide_row(record))

    def close(self) -> None:
        pass


class CsvLongWriter(CsvWriter):
    """`--format csv-long`: one row per extracted value, the columns of `LONG_COLUMNS`."""

    columns = LONG_COLUMNS

    def write(self, record: Record) -> None:
        self.writer.writerows(long_rows(record))


def make_csv_writer(fmt: str, out: IO[str]) -> CsvWriter:
    """The writer for "csv" or "csv-long". `out` should be opened with newline=""."""
    if fmt == "csv":
        return CsvWriter(out)
    if fmt == "csv-long":
        return CsvLongWriter(out)
    raise ValueError(f"not a CSV format: {fmt!r}")
