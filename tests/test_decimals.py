"""Decimal commas (decimals.py, patterns/lexicons/decimal_comma.json): an abstract that writes its
decimals with a comma is read with full stops, one character for one; one that groups thousands
with commas, or shows no decimal comma, is read as written. Every sentence here is invented."""

from __future__ import annotations

import pytest
import regex

from studyfacts.decimals import _DATA, read_decimal_commas, writes_decimal_commas


def _entries():
    for e in _DATA["evidence"]:
        yield "evidence", e
    yield "against", _DATA["against"]
    yield "decimal", _DATA["decimal"]


@pytest.mark.parametrize(("kind", "entry"), list(_entries()), ids=lambda x: x if isinstance(x, str) else None)
def test_each_pattern_matches_its_examples_and_not_its_counter_examples(kind, entry):
    pattern = regex.compile(entry["pattern"])
    for text in entry["examples"]:
        assert pattern.search(text), (kind, text)
    for text in entry["counter_examples"]:
        if kind == "decimal":  # no decimal comma in it: read as written
            assert pattern.sub(".", text) == text, (kind, text)
        else:
            assert not pattern.search(text), (kind, text)


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Adults (mean age 66,8 ± 11,3 years) were seen.", "Adults (mean age 66.8 ± 11.3 years) were seen."),
        ("Healing in 55,8% after 2,5 years (p < 0,001).", "Healing in 55.8% after 2.5 years (p < 0.001)."),
        # a list without spaces is no decimal
        ("VAS 7,2 ± 1,1 at 1,3,6 months.", "VAS 7.2 ± 1.1 at 1,3,6 months."),
        # no sign of decimal commas: as written
        ("Adults (mean age 61,4 years) were seen.", "Adults (mean age 61,4 years) were seen."),
        # commas group thousands here: as written
        ("Of 1,204 adults (mean age 61,4 ± 8,2 years) ...", "Of 1,204 adults (mean age 61,4 ± 8,2 years) ..."),
    ],
)
def test_decimal_commas_are_read_as_full_stops_one_for_one(text, read):
    got = read_decimal_commas(text)
    assert got == read
    assert len(got) == len(text)
    assert writes_decimal_commas(text) is (got != text)


def test_an_abstract_with_decimal_commas_gives_its_figures(extract):
    text = (
        "METHODS: We enrolled 52 adults (30 women; mean age 66,8 ± 11,3 years) with a painful vertebral fracture. "
        "RESULTS: Mean follow-up was 15,2 ± 8,8 months. The mean VAS fell from 7,2 ± 1,1 before to 2,1 ± 0,9 "
        "after treatment (p < 0,001)."
    )
    rec = extract(text)
    age = rec.population.age
    assert age is not None and age.mean == pytest.approx(66.8) and age.sd == pytest.approx(11.3)
    assert "66,8" in age.span.text  # the abstract's own characters
    assert [f.mean for f in rec.follow_up] == [pytest.approx(15.2)]
    assert sorted(p.mean for p in rec.pain) == [pytest.approx(2.1), pytest.approx(7.2)]
    assert all("," in p.span.text for p in rec.pain)
