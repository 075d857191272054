"""`--format csv` and `--format csv-long`, on hand-made records (no extraction involved)."""

from __future__ import annotations

import csv
import io

import pytest

from studyfacts.models import (
    Check,
    Complications,
    Count,
    Design,
    PainScore,
    Period,
    Population,
    PValue,
    Rate,
    Record,
    Source,
    Span,
    Stat,
    Timepoint,
)
from studyfacts.tabular import LONG_COLUMNS, WIDE_COLUMNS, make_csv_writer, to_months

ABSTRACT = (
    "There were 74 patients (35 women; median age 61 years) accounting for 105 SM. "
    "Median follow-up was 6 months (pain) and 16.5 months, mean 25.9 \u00b1 21.2 months. "
    "There were 9 complications (out of 105 SM [8.5%]), 2 major and 7 minor. "
    'NPRS 6.8 \u00b1 2.2 at baseline, 4.1 \u00b1 2.4 at 24 h (p < 0.0001, n = 64). '
    'LTC "23/28 (82.1%)", a quote, a comma,\nand a line break.'
)


def span(text: str) -> Span:
    start = ABSTRACT.index(text)
    return Span(start=start, end=start + len(text), text=text)


def full_record() -> Record:
    return Record(
        source=Source(path="x.ris", index=3, format="ris"),
        id="10.1/abc",
        metadata={"title": 'Cryo, "ten years"', "year": 2022, "journal": "Eur Radiol", "doi": "10.1/abc"},
        abstract=ABSTRACT,
        design=Design(
            retrospective=True, multicenter=True, centers=2, consecutive=True,
            period=Period(start="2008-05", end="2020-09"),
        ),
        population=Population(
            patients=Count(value=74, noun="patients", span=span("74 patients")),
            lesions=Count(value=105, noun="SM", span=span("105 SM")),
            female=Count(value=35, noun="women", span=span("35 women")),
            age=Stat(median=61, unit="years", span=span("median age 61 years")),
        ),
        follow_up=[
            Stat(median=6, unit="months", about="pain", span=span("6 months (pain)")),
            Stat(mean=25.9, sd=21.2, median=16.5, unit="months", span=span("16.5 months, mean 25.9")),
        ],
        pain=[
            PainScore(scale="NPRS", timepoint=Timepoint(text="baseline", kind="baseline", days=0),
                      mean=6.8, sd=2.2, span=span("6.8 \u00b1 2.2 at baseline")),
            PainScore(scale="NPRS", timepoint=Timepoint(text="24 h", kind="post", days=1.0),
                      mean=4.1, sd=2.4, range=(0, 9), p_value=PValue(op="<", value=0.0001), n=64,
                      span=span("4.1 \u00b1 2.4 at 24 h")),
        ],
        complications=Complications(total=9, denominator=105, per="lesions", percent=8.5, major=2, minor=7,
                                    span=span("9 complications (out of 105 SM [8.5%])")),
        rates=[Rate(label="local tumor control", count=23, total=28, percent=82.1,
                    span=span('"23/28 (82.1%)", a quote, a comma,\nand a line break'))],
        checks=[Check(kind="percent_vs_fraction", ok=False, message="23/28 is 82.14%"),
                Check(kind="grim", ok=True, message="ok")],
        warnings=["one", "two"],
    )


def empty_record() -> Record:
    return Record(source=Source(path="x.ris", index=4, format="ris"), id="x.ris#4",
                  warnings=["no abstract: nothing to extract"])


def write(fmt: str, records: list[Record]) -> list[dict[str, str]]:
    buf = io.StringIO(newline="")
    writer = make_csv_writer(fmt, buf)
    for r in records:
        writer.write(r)
    writer.close()
    return list(csv.DictReader(io.StringIO(buf.getvalue(), newline="")))


@pytest.mark.parametrize(
    ("value", "unit", "months"),
    [
        (12, "months", 12.0),
        (2, "years", 24.0),
        (30.4375, "days", 1.0),
        (4.348, "weeks", 1.0),
        (26, "weeks", 5.9798),
        (None, "months", None),
        (6, None, None),  # no unit given: no guess
        (6, "visits", None),
    ],
)
def test_to_months_converts_known_units_only(value, unit, months):
    assert to_months(value, unit) == months


@pytest.mark.parametrize(("fmt", "columns"), [("csv", WIDE_COLUMNS), ("csv-long", LONG_COLUMNS)])
def test_csv_header_only_for_no_records(fmt, columns):
    buf = io.StringIO(newline="")
    make_csv_writer(fmt, buf).close()
    assert next(csv.reader(io.StringIO(buf.getvalue()))) == list(columns)


def test_csv_wide_one_row_per_record_with_key_fields():
    rows = write("csv", [full_record(), empty_record()])
    assert len(rows) == 2
    full, empty = rows
    assert full["id"] == "10.1/abc"
    assert full["title"] == 'Cryo, "ten years"'  # quoting survives the round trip
    assert (full["year"], full["patients"], full["lesions"], full["female"], full["male"]) == (
        "2022", "74", "105", "35", "")
    assert (full["age_mean"], full["age_median"]) == ("", "61.0")
    assert (full["retrospective"], full["prospective"], full["multicenter"], full["consecutive"]) == (
        "true", "", "true", "true")
    assert (full["period_start"], full["period_end"]) == ("2008-05", "2020-09")
    # the study-wide follow-up wins over the one said to be about pain
    assert (full["follow_up_mean_months"], full["follow_up_median_months"]) == ("25.9", "16.5")
    assert full["follow_up_figures"] == "2"
    assert (full["complications_total"], full["complications_percent"], full["complications_major"],
            full["complications_minor"], full["complications_per"]) == ("9", "8.5", "2", "7", "lesions")
    counts = (full["pain_figures"], full["rates"], full["failed_checks"], full["warnings"])
    assert counts == ("2", "1", "1", "2")
    assert empty["has_abstract"] == "false"
    assert empty["patients"] == "" and empty["pain_figures"] == "0" and empty["warnings"] == "1"


@pytest.mark.parametrize(("unit", "expected"), [("years", "288.0"), ("weeks", "5.5198"), ("days", "0.7885")])
def test_csv_wide_follow_up_in_months(unit, expected):
    rec = full_record().model_copy(update={"follow_up": [Stat(mean=24, unit=unit, span=span("74 patients"))]})
    assert write("csv", [rec])[0]["follow_up_mean_months"] == expected


def test_csv_long_one_row_per_value():
    rows = write("csv-long", [full_record(), empty_record()])
    assert {r["record_id"] for r in rows} == {"10.1/abc"}  # a record without values has no rows
    got = {(r["field"], r["item"], r["statistic"]): r for r in rows}
    assert got[("population.patients", "", "n")]["value"] == "74"
    assert got[("population.lesions", "", "n")]["unit"] == "SM"
    assert got[("design", "", "retrospective")]["value"] == "1"
    assert got[("design", "", "centers")]["value"] == "2"
    assert got[("follow_up", "0", "median")]["label"] == "pain"
    assert got[("follow_up", "1", "sd")]["value"] == "21.2"
    p = got[("pain", "1", "p_value")]
    assert (p["op"], p["value"], p["label"], p["timepoint_kind"], p["timepoint_days"]) == (
        "<", "0.0001", "NPRS", "post", "1.0")
    assert got[("pain", "1", "range_low")]["value"] == "0.0"
    assert got[("pain", "1", "range_high")]["value"] == "9.0"
    assert got[("pain", "1", "n")]["value"] == "64"
    assert got[("pain", "0", "mean")]["timepoint_text"] == "baseline"
    assert got[("complications", "", "percent")]["unit"] == "lesions"
    rate = got[("rates", "0", "percent")]
    assert rate["label"] == "local tumor control"
    assert rate["span_text"] == '"23/28 (82.1%)", a quote, a comma,\nand a line break'  # quoted, not split
    for r in rows:  # spans point into the abstract
        if r["span_start"]:
            assert ABSTRACT[int(r["span_start"]) : int(r["span_end"])] == r["span_text"]
        float(r["value"])  # the value column is numeric throughout


def test_csv_long_row_count_is_exact():
    # design: 3 flags set + centers; population: 3 counts + age median; follow-up: 1 + 3;
    # pain: 2 + (2 + 2 range ends + n + p); complications: 5 given; rate: 3. None is no row.
    assert len(write("csv-long", [full_record()])) == 4 + 4 + 4 + 8 + 5 + 3


def test_make_csv_writer_rejects_other_formats():
    with pytest.raises(ValueError, match="not a CSV format"):
        make_csv_writer("tsv", io.StringIO())
