"""Which values need a person's review: the optional `confidence` and `reason` of the record JSON.

An extracted value may carry `confidence` ("high" or "review") and, for
"review", a short `reason`. They are read from the record's JSON, where they
sit on the object that holds the value:

    "patients": {"value": 74, "noun": "patients", "span": ..., "confidence": "review",
                 "reason": "two candidate cohorts"}

or, for an object holding several values, as a map from value name to tier:

    "design": {"retrospective": true, "centers": 2, ...,
               "confidence": {"centers": "review"}, "reason": {"centers": "count of sites"}}

A value without `confidence` is "high". The report (dashed outline, the
"needs review" filter) and `--format xlsx` (shaded cells) read tiers through
this module only, so records without the field (schema "1") show no review tier.
"""

from __future__ import annotations

import re
from typing import Any

from .models import Record

HIGH = "high"
REVIEW = "review"

_STEP = re.compile(r"([A-Za-z_]\w*)(?:\[(\d+)\])?")

# Wide column -> (object path in the record JSON, name of the value in that object).
# Follow-up columns read the study's primary follow-up figure (`tabular.primary_follow_up`).
_WIDE: dict[str, tuple[str, str | None]] = {
    "patients": ("population.patients", None),
    "lesions": ("population.lesions", None),
    "female": ("population.female", None),
    "male": ("population.male", None),
    "age_mean": ("population.age", "mean"),
    "age_sd": ("population.age", "sd"),
    "age_median": ("population.age", "median"),
    "retrospective": ("design", "retrospective"),
    "prospective": ("design", "prospective"),
    "randomized": ("design", "randomized"),
    "multicenter": ("design", "multicenter"),
    "consecutive": ("design", "consecutive"),
    "centers": ("design", "centers"),
    "period_start": ("design", "period"),
    "period_end": ("design", "period"),
    "follow_up_mean_months": ("follow_up[{fu}]", "mean"),
    "follow_up_median_months": ("follow_up[{fu}]", "median"),
    "complications_total": ("complications", "total"),
    "complications_denominator": ("complications", "denominator"),
    "complications_per": ("complications", "per"),
    "complications_percent": ("complications", "percent"),
    "complications_major": ("complications", "major"),
    "complications_minor": ("complications", "minor"),
}

# Count columns: review when any item of the list is.
_LISTS: dict[str, str] = {"follow_up_figures": "follow_up", "pain_figures": "pain", "rates": "rates"}


def record_json(record: Record) -> dict[str, Any]:
    """The record as JSON data (where `confidence` lives once the models carry it)."""
    return record.model_dump(mode="json")


def resolve(data: Any, path: str) -> Any:
    """The JSON value at a dotted path such as `pain[1]` or `population.patients` (None if absent)."""
    obj = data
    for part in path.split("."):
        m = _STEP.fullmatch(part)
        if m is None or not isinstance(obj, dict):
            return None
        obj = obj.get(m.group(1))
        if m.group(2) is not None:
            i = int(m.group(2))
            obj = obj[i] if isinstance(obj, list) and i < len(obj) else None
    return obj


def tier_at(data: dict[str, Any], path: str, name: str | None = None) -> tuple[str, str | None]:
    """(tier, reason) of the value `name` of the object at `path` (the whole object when name is None)."""
    candidates = []
    if name is not None:
        candidates.append((resolve(data, f"{path}.{name}"), None))  # the value is an object itself
    candidates.append((resolve(data, path), name))
    for obj, key in candidates:
        if not isinstance(obj, dict) or "confidence" not in obj:
            continue
        conf, reason = obj.get("confidence"), obj.get("reason")
        if isinstance(conf, dict):
            if key is None or key not in conf:
                continue
            conf = conf.get(key)
            reason = reason.get(key) if isinstance(reason, dict) else reason
        if conf == REVIEW:
            return REVIEW, reason if isinstance(reason, str) and reason else None
        return HIGH, None
    return HIGH, None


def wide_tiers(record: Record, data: dict[str, Any] | None = None) -> dict[str, str]:
    """The wide columns whose value needs review, each with its reason ("" when none was given)."""
    from .tabular import primary_follow_up

    data = record_json(record) if data is None else data
    fu = primary_follow_up(record)
    fu_index = next((i for i, s in enumerate(record.follow_up) if s is fu), 0)
    out: dict[str, str] = {}
    for column, (path, name) in _WIDE.items():
        tier, reason = tier_at(data, path.format(fu=fu_index), name)
        if tier == REVIEW:
            out[column] = reason or ""
    for column, field in _LISTS.items():
        for i in range(len(getattr(record, field))):
            tier, reason = tier_at(data, f"{field}[{i}]")
            if tier == REVIEW:
                out[column] = reason or ""
                break
    return out


def long_tier(data: dict[str, Any], field: str, item: Any, statistic: str) -> tuple[str, str | None]:
    """(tier, reason) of one `csv-long` row, given its `field`, `item` and `statistic` cells."""
    path = field if item in (None, "") else f"{field}[{item}]"
    name: str | None = statistic
    if field == "design":
        name = statistic
    elif field.startswith("population.") and statistic == "n":
        name = None
    elif field in ("follow_up", "pain", "population.age"):
        name = statistic.removesuffix("_low").removesuffix("_high")
    return tier_at(data, path, name)
