"""Confidence tiers: every extracted value is `high` or `review`, from how it was found.

The tiers are data, `patterns/confidence.json`:

* `rules`: values read by these rules (a span's `rule`) are `review`, with the reason given
  there ("a sex ratio read as counts", "time point attached by position");
* `cohort`: the score a cohort count needs to be `high` (its context cues' weight), and
  the margin of a funnel over other candidates;
* families may mark a value `review` themselves when their resolver knows more (two
  candidate cohorts, an unnamed statistic); `assign` keeps that.

Everything else is `high`. `bench/confidence.py` measures the tiers on the development set.
`confident_only` keeps the `high` values of a record and moves the others to its warnings,
so nothing is silently lost (`studyfacts extract --confident`).
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .models import Complications, Count, Design, PainScore, Period, Rate, Rated, Record, RecordWarning, Span, Stat
from .rules import RuleError, patterns_dir

FLAGS = ("retrospective", "prospective", "randomized", "multicenter", "consecutive")


@cache
def policy() -> dict[str, Any]:
    path = patterns_dir() / "confidence.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise RuleError(f"{path}: {e}") from e
    for key in ("rules", "cohort", "design_rules"):
        if key not in data:
            raise RuleError(f"{path}: missing {key!r}")
    return data


def review(value: Rated, reason: str) -> None:
    """Mark a value for review (the first reason given stays)."""
    if value.confidence != "review":
        value.confidence = "review"
        value.reason = reason


def _rate(value: Rated | None) -> None:
    if value is None:
        return
    if value.confidence is None:
        rule = getattr(getattr(value, "span", None), "rule", None)
        reason = policy()["rules"].get(rule) if rule else None
        if reason:
            review(value, reason)
        else:
            value.confidence = "high"


def assign(design: Design, population: Any, follow_up: list[Stat], pain: list[PainScore],
           complications: Complications | None, rates: list[Rate]) -> None:
    """Give every value without a tier its tier from the rule that read it."""
    for v in (population.patients, population.lesions, population.female, population.male, population.age):
        _rate(v)
    for item in [*follow_up, *pain, *rates]:
        _rate(item)
    _rate(complications)
    _rate(design.period)
    by_rule = policy()["design_rules"]
    for flag in FLAGS:
        if getattr(design, flag) is not True or flag in design.confidence:
            continue
        rules = {sp.rule for sp in design.evidence if sp.rule and _flag_of(sp.rule) == flag}
        reason = next((by_rule[r] for r in sorted(rules) if r in by_rule), None)
        design.confidence[flag] = "review" if reason else "high"
        if reason:
            design.reason[flag] = reason


def _flag_of(rule: str) -> str | None:
    name = rule.removeprefix("design.")
    for flag in FLAGS:
        if name.startswith(flag[:5]):
            return flag
    if name.startswith("centers") or name.startswith("multi"):
        return "multicenter"
    return None


def _moved(where: str, reason: str | None, what: str, span: Span | None = None) -> RecordWarning:
    """The warning that keeps a left-out value: its field, the passage it was read from, and why."""
    from .warnings import classify

    w = classify(f"{where}: {what} left out by --confident (review: {reason or 'no reason given'})", span)
    return w.model_copy(update={"field": where.split("[")[0]})


def confident_only(record: Record) -> Record:
    """The record with its `review` values removed and each named in a warning."""
    from .warnings import classify_all

    rec = record.model_copy(deep=True)
    warnings: list[Any] = list(rec.warnings)
    pop = rec.population
    for name in ("patients", "lesions", "female", "male"):
        v: Count | None = getattr(pop, name)
        if v is not None and v.confidence == "review":
            warnings.append(_moved(f"population.{name}", v.reason, f"{v.value} ({v.span.text!r})", v.span))
            setattr(pop, name, None)
    if pop.age is not None and pop.age.confidence == "review":
        warnings.append(_moved("population.age", pop.age.reason, repr(pop.age.span.text), pop.age.span))
        pop.age = None
    for field in ("follow_up", "pain", "rates"):
        items = getattr(rec, field)
        keep = []
        for i, item in enumerate(items):
            if item.confidence == "review":
                warnings.append(_moved(f"{field}[{i}]", item.reason, repr(item.span.text), item.span))
            else:
                keep.append(item)
        setattr(rec, field, keep)
    comp = rec.complications
    if comp is not None and comp.confidence == "review":
        warnings.append(_moved("complications", comp.reason, repr(comp.span.text) if comp.span else "the figures",
                               comp.span))
        rec.complications = None
    d = rec.design
    for flag, tier in list(d.confidence.items()):
        if tier == "review":
            warnings.append(_moved(f"design.{flag}", d.reason.get(flag), "true"))
            setattr(d, flag, None)
            del d.confidence[flag]
            d.reason.pop(flag, None)
    period: Period | None = d.period
    if period is not None and period.confidence == "review":
        warnings.append(_moved("design.period", period.reason, f"{period.start}-{period.end}"))
        d.period = None
    rec.warnings = classify_all(warnings)
    return rec

