"""Rates from invented sentences: n/N (%) triples and their labels."""

from __future__ import annotations

import pytest


def _central(p):
    return ("mean", p.mean) if p.mean is not None else ("median", p.median)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Technical success was obtained in 40 procedures (40/42; 95.2%).", ("technical success", 40, 42, 95.2)),
        ("Eleven patients (11/20; 55.0%) were completely pain-free at 6 months.", ("completely pain-free", 11, 20, 55.0)),
        ("Among the 30 (30/45; 66.7%) patients with bone metastases, pain improved.", ("bone metastases", 30, 45, 66.7)),
        ("Local tumor control (LTC) was assessed. LTC was achieved in 18/20 (90.0%) tumors.", ("local tumor control", 18, 20, 90.0)),
        ("Response was seen in 70.0% (14/20).", ("response", 14, 20, 70.0)),
    ],
)
def test_rates_triples_and_labels(run, text, want):
    draft = run(text)
    r = draft.rates[-1]
    assert (r.label, r.count, r.total, r.percent) == want
    assert draft.fractions[-1]["count"] == want[1]
