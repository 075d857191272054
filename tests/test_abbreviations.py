"""Abbreviations an abstract defines for itself."""

from __future__ import annotations

import pytest

from studyfacts.components.abbreviations import find_abbreviations


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        ("We treated bone metastases (BM) with ablation.", "BM", "bone metastases"),
        ("Local tumour control (LTC) was assessed.", "LTC", "Local tumour control"),
        ("pain on the numeric rating scale (NRS) fell", "NRS", "numeric rating scale"),
        ("in vertebral compression fractures (VCFs) of the spine", "VCF", "vertebral compression fractures"),
        ("outcomes were graded; local tumor control [LTC] at one year", "LTC", "local tumor control"),
        ("the Numerical Pain Rating Scale (NPRS, 0-10)", "NPRS", "Numerical Pain Rating Scale"),
    ],
)
def test_abbreviations_found(text, short, long):
    assert find_abbreviations(text).get(short) == long


@pytest.mark.parametrize(
    "text",
    [
        "There were 74 patients (35 women) in the study.",  # a parenthesis holding a count
        "The effect was large (p) in all groups.",  # one lower-case letter is no abbreviation
        "We studied knee pain (VAS) in adults.",  # letters not in the words before
    ],
)
def test_abbreviations_not_found(text):
    assert find_abbreviations(text) == {}
