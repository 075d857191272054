"""The pipeline around the fact families: what it refuses to read, and how it stays whole."""

from __future__ import annotations

import pytest

from studyfacts.pipeline import PIPELINE, build_nlp, compilation_reason

SECTION = "Objective: To test a thing. Methods: We enrolled {n} patients. Results: It worked. "


@pytest.mark.parametrize(
    ("text", "compiled"),
    [
        (SECTION.format(n=40), False),
        (SECTION.format(n=40) + "Conclusion: Fine.", False),
        (SECTION.format(n=40) * 2, False),  # a duplicated abstract is still one study
        (SECTION.format(n=40) + SECTION.format(n=12) + SECTION.format(n=99), True),  # congress abstracts
        ("Trial one found X. See the accompanying Editorial on page 3. Cohort two found Y. "
         "See the accompanying Editorial on page 9.", True),
    ],
)
def test_pipeline_compilation_reason(text, compiled):
    assert (compilation_reason(text) is not None) == compiled


def test_pipeline_compilation_gives_no_facts_and_says_why(extract):
    record = extract(SECTION.format(n=40) + SECTION.format(n=12) + SECTION.format(n=99))
    assert record.population.patients is None
    assert any("compilation of several studies" in w for w in record.warnings)


def test_pipeline_order_is_written_once():
    assert build_nlp().pipe_names == [name.removeprefix("studyfacts_") for name in PIPELINE]


def test_pipeline_component_failure_keeps_the_record(extract, monkeypatch):
    from studyfacts.components import pain

    def boom(self, doc, draft):
        raise RuntimeError("bad rule")

    monkeypatch.setattr(pain.PainComponent, "resolve", boom)
    record = extract("We enrolled 40 patients.")
    assert record.population.patients is not None
    assert any("internal error in pain: RuntimeError: bad rule" in w for w in record.warnings)
