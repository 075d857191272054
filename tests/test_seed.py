"""The seed record comes out as CONTRACT.md shows it, and as its golden file (computed by the code) holds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import studyfacts

from .conftest import SEED, need_shared

GOLDEN = SEED.with_suffix(".expected.json")

# The contract's example, spans left out (CONTRACT.md, "The seed, as it must come out").
CONTRACT = {
    "id": "10.1007/s00330-021-08477-6",
    "metadata": {
        "title": "Percutaneous image-guided cryoablation of spinal metastases: over 10-year experience "
        "in two academic centers",
        "year": 2022,
        "journal": "European Radiology",
        "doi": "10.1007/s00330-021-08477-6",
        "pmid": "35028752",
        "keywords": ["Cryoablation", "Metastasis", "Spine", "Vertebroplasty"],
    },
    "design": {
        "retrospective": True, "prospective": None, "randomized": None, "multicenter": True, "centers": 2,
        "consecutive": True, "period": {"start": "2008-05", "end": "2020-09"},
    },
    "population": {
        "patients": {"value": 74, "noun": "patients"},
        "lesions": {"value": 105, "noun": "SM"},
        "female": {"value": 35, "noun": "women"},
        "male": None,
        "age": {"median": 61, "unit": "years"},
    },
    "follow_up": [
        {"mean": 14.7, "sd": 19.6, "median": 6, "unit": "months", "about": "pain"},
        {"mean": 25.9, "sd": 21.2, "median": 16.5, "unit": "months", "about": "local tumor control"},
    ],
    "pain": [
        {"scale": "NPRS", "timepoint": {"text": "baseline", "kind": "baseline", "days": 0},
         "mean": 6.8, "sd": 2.2, "range": [0, 10], "n": 64},
        {"scale": "NPRS", "timepoint": {"text": "24 h", "kind": "post", "days": 1.0},
         "mean": 4.1, "sd": 2.4, "range": [0, 9], "p_value": {"op": "<", "value": 0.0001}, "n": 64},
        {"scale": "NPRS", "timepoint": {"text": "1 month", "kind": "post", "days": 30.4},
         "mean": 2.5, "sd": 2.6, "range": [0, 9], "p_value": {"op": "<", "value": 0.0001}, "n": 64},
        {"scale": "NPRS", "timepoint": {"text": "last available follow-up", "kind": "last_follow_up", "days": None},
         "mean": 2.4, "sd": 2.5, "range": [0, 9], "p_value": {"op": "<", "value": 0.0001}, "n": 64},
    ],
    "complications": {"total": 9, "denominator": 105, "per": "lesions", "percent": 8.5, "major": 2, "minor": 7,
                      "patients_affected": 8},
    "rates": [
        {"label": "additional cementoplasty", "count": 76, "total": 105, "percent": 72.4},
        {"label": "painful SM", "count": 64, "total": 74, "percent": 86.5},
        {"label": "completely pain-free", "count": 34, "total": 64, "percent": 53.1},
        {"label": "local tumor control", "count": 23, "total": 28, "percent": 82.1},
    ],
    "checks": [
        {"kind": "percent_vs_fraction", "ok": True, "message": "76/105 = 72.4%"},
        {"kind": "percent_vs_fraction", "ok": True, "message": "9/105 = 8.57%, reported 8.5% (truncated, not rounded)"},
    ],
}


def _project(got, want):
    """`got` cut down to the keys `want` names (the contract leaves spans and extras out)."""
    if isinstance(want, dict) and isinstance(got, dict):
        return {k: _project(got.get(k), v) for k, v in want.items()}
    if isinstance(want, list) and isinstance(got, list) and want and isinstance(want[0], dict):
        return [_project(g, w) for g, w in zip(got, want)] + got[len(want):]
    if isinstance(got, tuple):
        return list(got)
    return got


@pytest.fixture(scope="module")
def seed_record():
    records = list(studyfacts.extract_file(SEED))
    assert len(records) == 1
    return records[0]


@pytest.mark.parametrize("field", [k for k in CONTRACT if k != "checks"])
def test_seed_field_matches_contract(seed_record, field):
    got = json.loads(seed_record.model_dump_json())[field]
    assert _project(got, CONTRACT[field]) == CONTRACT[field]


def test_seed_contract_checks_are_among_the_checks(seed_record):
    got = [{"kind": c.kind, "ok": c.ok, "message": c.message} for c in seed_record.checks]
    for check in CONTRACT["checks"]:
        assert check in got
    # "Every n/N (%) triple gets a check, rate or not": the seed prints five.
    assert sum(c.kind == "percent_vs_fraction" for c in seed_record.checks) == 5


def test_seed_matches_its_golden_file(seed_record):
    """The golden file is what the code computed when it was last reviewed; regenerate it with
    STUDYFACTS_REGEN_GOLDEN=1 after a deliberate change, and review the diff."""
    got = json.loads(seed_record.model_dump_json())
    got["source"]["path"] = SEED.name
    if os.environ.get("STUDYFACTS_REGEN_GOLDEN"):
        GOLDEN.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_seed_scores_f1_one(tmp_path, seed_record):
    shared = need_shared()
    out = tmp_path / "seed.jsonl"
    out.write_text(seed_record.model_dump_json() + "\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(out), str(shared / "eval" / "seed.gold.jsonl")],
        capture_output=True, text=True, check=True,
    )
    assert "F1 1.000" in result.stdout.splitlines()[-1], result.stdout


def test_seed_command_line_runs_from_a_fresh_checkout():
    """What the README says to run, run as the README says it."""
    exe = Path(sys.executable).with_name("studyfacts")
    result = subprocess.run([str(exe), "extract", str(SEED), "--quiet"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == CONTRACT["id"]
