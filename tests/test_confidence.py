"""Confidence tiers: every value gets one, from how it was found; --confident keeps the high ones."""

from __future__ import annotations

import json

import pytest

from studyfacts.confidence import confident_only, policy
from studyfacts.models import Record
from studyfacts.rules import RuleError


def _all_values(rec: Record):
    pop = rec.population
    for v in (pop.patients, pop.lesions, pop.female, pop.male, pop.age, rec.complications, rec.design.period):
        if v is not None:
            yield v
    yield from rec.follow_up
    yield from rec.pain
    yield from rec.rates


def test_every_value_has_a_tier(extract):
    rec = extract(
        "METHODS: In this retrospective multicentre study, we enrolled 120 patients (70 women; mean age "
        "61 ± 9 years) between 2010 and 2015. RESULTS: Median follow-up was 24 months. Mean VAS fell from "
        "7.1 ± 1.2 to 2.3 ± 1.0. Complications occurred in 6 of 120 patients (5%)."
    )
    values = list(_all_values(rec))
    assert len(values) >= 5
    assert all(v.confidence in ("high", "review") for v in values)
    assert all((v.reason is not None) == (v.confidence == "review") for v in values)
    assert set(rec.design.confidence) == {f for f in ("retrospective", "multicenter") if getattr(rec.design, f)}


@pytest.mark.parametrize(
    ("text", "tier", "reason"),
    [
        # a funnel's last step, read by its own rule
        ("RESULTS: Of 410 patients screened, 120 were randomised.", "high", None),
        # a count chosen by its context cues: right 9 times in 10 on the development set, so review
        ("METHODS: A total of 74 patients were included.", "review", "context cues"),
        ("Outcomes of 74 patients are described.", "review", "context cues"),
    ],
)
def test_cohort_tier_follows_how_it_was_found(extract, text, tier, reason):
    p = extract(text).population.patients
    assert p is not None and p.confidence == tier
    assert (reason is None and p.reason is None) or reason in p.reason


def test_a_later_candidate_as_strong_is_named(extract, monkeypatch):
    data = {**policy(), "cohort": {"high_score": 0}}
    monkeypatch.setattr("studyfacts.components.cohort.policy", lambda: data)
    p = extract("We enrolled 74 patients. We enrolled 80 patients in the second phase.").population.patients
    assert p.confidence == "review" and "other candidate cohorts: 80" in p.reason
    q = extract("METHODS: A total of 74 patients were included.").population.patients
    assert q.confidence == "high"


def test_age_with_another_figure_later_is_review(extract):
    rec = extract("Mean age was 17.9 years. Mean age at transplant was 20.2 years.")
    assert rec.population.age.mean == 17.9
    assert rec.population.age.confidence == "review" and "20.2" in rec.population.age.reason
    # the age at the index event is taken over the age at diagnosis; the other figure is named
    rec = extract("Mean age at diagnosis was 17.9 years. Mean age at transplant was 20.2 years.")
    assert rec.population.age.mean == 20.2
    assert rec.population.age.confidence == "review" and "17.9" in rec.population.age.reason


def test_confident_only_moves_review_values_to_warnings(extract):
    rec = extract("Outcomes of 74 patients are described. Mean age was 60 ± 5 years.")  # a cue-chosen count
    assert rec.population.patients.confidence == "review"
    kept = confident_only(rec)
    assert kept.population.patients is None
    assert kept.population.age == rec.population.age  # high values stay
    moved = [w for w in kept.warnings if w.message.startswith("population.patients:")]
    assert len(moved) == 1 and moved[0].code == "left_out" and "74" in moved[0] and "review" in moved[0]
    # the warning names the field and points at the value it holds
    assert moved[0].field == "population.patients" and moved[0].span == rec.population.patients.span
    assert rec.population.patients is not None  # the original record is untouched


def test_rules_table_marks_review(extract, monkeypatch):
    data = dict(policy())
    data["rules"] = {**data["rules"], "cohort.funnel": "test: funnels need review"}
    monkeypatch.setattr("studyfacts.confidence.policy", lambda: data)
    rec = extract("RESULTS: Of 410 patients screened, 120 were randomised.")
    assert rec.population.patients.confidence == "review"
    assert rec.population.patients.reason == "test: funnels need review"


def test_policy_file_refuses_missing_keys(tmp_path, monkeypatch):
    (tmp_path / "confidence.json").write_text(json.dumps({"rules": {}}), encoding="utf-8")
    monkeypatch.setenv("STUDYFACTS_PATTERNS", str(tmp_path))
    policy.cache_clear()
    try:
        with pytest.raises(RuleError, match="cohort"):
            policy()
    finally:
        policy.cache_clear()
