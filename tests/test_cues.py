"""Context cues as data (`patterns/cues/`): every cue's examples match in its direction, its
counter-examples do not, the loader refuses bad files, and the algorithm weighs cues as documented."""

from __future__ import annotations

import json

import pytest

from studyfacts.components.cohort import EXTRA_FRAGMENTS, REVERSE_FRAGMENTS
from studyfacts.cues import load_cues
from studyfacts.rules import RuleError

COHORT = load_cues("cohort", EXTRA_FRAGMENTS, REVERSE_FRAGMENTS)  # as the component loads them
CASES = [
    pytest.param(cue, kind, text, id=f"{cue.id}:{kind}:{i}")
    for cue in COHORT.cues
    for kind, texts in (("example", cue.rule.examples), ("counter", cue.rule.counter_examples))
    for i, text in enumerate(texts)
]


@pytest.mark.parametrize(("cue", "kind", "text"), CASES)
def test_cue_examples_match_and_counter_examples_do_not(cue, kind, text):
    found = cue.found(text)
    if kind == "example":
        assert found, f"{cue.id} should match {text!r} ({cue.rule.direction})"
    else:
        assert not found, f"{cue.id} should not match {text!r} (matched {found.group()!r})"


def _assess(text: str, count: str, kinds=("count_noun", "person"), between: str = "", base: float = 2.0):
    start = text.index(count)
    return COHORT.assess(text, start, start + len(count), (0, len(text)), frozenset(kinds), between, base)


def test_cues_in_one_group_count_once():
    # "A total of" (left, 3) and "were included" (right, 2) are one piece of evidence: the stronger counts
    a = _assess("A total of 56 patients were included.", "56 patients")
    assert a.veto is None and a.score == 2 + 3
    assert {"left.cohort_verb", "right.cohort_verb"} <= set(a.matched)


def test_veto_wins_over_weights():
    a = _assess("A total of 40 patients were excluded.", "40 patients")
    assert a.veto is not None and a.veto.startswith("excluded")


def test_terminator_ends_the_left_scope():
    # without the terminator "of the" would be a subgroup cue
    a = _assess("RESULTS: Of the 26 healthy volunteers, 13 were male.", "26 healthy volunteers")
    assert a.veto is None and "left.subgroup" not in a.matched and "left.funnel_of" in a.matched
    b = _assess("Pain fell in 12 of the 26 healthy volunteers.", "26 healthy volunteers")
    # "12 of the": the denominator of a share, not a subgroup
    assert b.veto is None and "left.share_denominator" in b.matched and "left.subgroup" not in b.matched


def test_with_makes_a_cue_depend_on_an_earlier_one():
    a = _assess("Of 300 patients screened, 120 were included.", "300 patients")
    assert a.veto is not None and a.veto.startswith("funnel-base")
    b = _assess("In 300 patients screened, 120 were included.", "300 patients")
    assert b.veto is None or not b.veto.startswith("funnel-base")


def test_applies_to_limits_a_cue_to_its_kinds():
    text = "We enrolled 12 men and 10 women."
    assert _assess(text, "12 men", kinds=("count_noun", "sex")).veto is not None
    assert _assess(text, "12 men", kinds=("count_noun", "person")).veto is None


def test_unless_count_cancels_a_cue_holding_the_candidates_own_number():
    def share(text: str, n: int):
        start = text.index(str(n))
        a = COHORT.assess(text, start, start + len(f"{n} patients"), (0, len(text)),
                          frozenset({"count_noun", "person"}), "", 2.0, value=n)
        return a.veto

    assert share("Stents were placed in 32 patients (15/32 in the first year).", 32) is None  # a breakdown of 32
    assert share("Pain improved in 15 patients (15/40).", 15) is not None  # a share of 40
    assert share("Pain improved in 15 patients (15%).", 15) is not None


def test_a_window_never_crosses_the_sentence():
    text = "Patients were excluded. 40 patients were studied."
    start = text.index("40")
    a = COHORT.assess(text, start, start + 11, (24, len(text)), frozenset({"count_noun", "person"}), "", 2.0)
    assert a.veto is None


def _write(tmp_path, lines, scoring=None):
    cues = tmp_path / "cues"
    cues.mkdir()
    (cues / "fam.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    (cues / "fam_scoring.json").write_text(
        json.dumps(scoring or {"threshold": 2, "base": {}, "sections": {}}), encoding="utf-8"
    )


_GOOD = {
    "id": "left.x",
    "category": "x",
    "direction": "left",
    "effect": "veto",
    "pattern": "foo\\s*",
    "examples": ["foo "],
    "why": "test",
}


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([{**_GOOD, "direction": "up"}], "direction"),
        ([_GOOD, _GOOD], "duplicate cue id"),
        ([{**_GOOD, "unless": ["left.y"]}], "listed before"),
        ([{**_GOOD, "pattern": "(foo"}], "does not compile"),
        ([{**_GOOD, "effect": "terminate", "direction": "right"}], "only left cues terminate"),
        ([{**_GOOD, "examples": []}], "examples"),
        ([{**_GOOD, "colour": "red"}], "colour"),
        ([{**_GOOD, "unless_count": "den"}], "not a group of the pattern"),
        ([{**_GOOD, "needs": ["("]}], "holds none of its needs"),
    ],
)
def test_loader_refuses_bad_cue_files(tmp_path, monkeypatch, lines, message):
    _write(tmp_path, lines)
    monkeypatch.setenv("STUDYFACTS_PATTERNS", str(tmp_path))
    load_cues.cache_clear()
    try:
        with pytest.raises(RuleError, match=message):
            load_cues("fam")
    finally:
        load_cues.cache_clear()


def test_loader_names_the_file_and_line(tmp_path, monkeypatch):
    _write(tmp_path, [_GOOD, {**_GOOD, "id": "left.y", "pattern": "(bar"}])
    monkeypatch.setenv("STUDYFACTS_PATTERNS", str(tmp_path))
    load_cues.cache_clear()
    try:
        with pytest.raises(RuleError, match=r"fam\.jsonl:2"):
            load_cues("fam")
    finally:
        load_cues.cache_clear()


# cues whose `needs` were written only to spare the cue pass (their patterns are cheap to run
# over whole texts, so they can be checked here; the others' needs are checked by their examples)
_NEEDS_FOR_SPEED = (
    "left.not_cohort.qualifier", "left.not_cohort.threshold", "left.not_cohort.name_part",
    "left.not_cohort.range_or_age", "left.not_cohort.approximate", "left.not_cohort.label",
    "right.patients_in_brackets", "right.n_equals.range", "left.n_equals.animals",
    "right.n_equals.person_after", "left.n_equals.subject", "right.outcome_of_some",
)


def test_written_needs_are_held_by_every_match_on_real_abstracts():
    """A cue's hand-written `needs` spare the cue pass a window that holds none of them, so
    every match of the cue must hold one: on every 4th abstract of the shared corpus, every
    match of each such cue holds one of its needs."""
    import itertools

    from studyfacts.rules import compile_pattern

    from .conftest import corpus_abstracts

    cues = [c for c in load_cues("cohort", EXTRA_FRAGMENTS).cues if c.id in _NEEDS_FOR_SPEED]
    assert len(cues) == len(_NEEDS_FOR_SPEED) and all(c.rule.needs for c in cues)
    compiled = [(c, compile_pattern(c.rule.pattern, c.rule.flags, dict(EXTRA_FRAGMENTS))) for c in cues]
    checked = 0
    for text in itertools.islice((t for t in corpus_abstracts() if len(t) < 20_000), 0, None, 4):
        for c, rx in compiled:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    low = m.group().lower()
                    assert any(n in low for n in c.rule.needs), (c.id, m.group())
        checked += 1
    assert checked > 1200


# Windows ending where a candidate count would stand, for the left cues that read the word lists
_LEFT_WINDOWS = [
    "We studied 40 patients (",
    "Of the 212 women and men included (",
    "Among family members who attended (",
    "In all, 18 lesions in 12 patients were treated in ",
    "The participants, aged 20 to 40 years (",
    "Overall, African Americans recruited in 2019 (",
    "Health care workers and their clients, ",
    "Outcomes of 30 procedures (12 in boys, 9 ",
    "the 52 eyes of ",
    "Patients with MSM partners (",
    "Twelve nurses treated 300 patients and ",
    "",
]


def test_left_cues_read_the_word_lists_factored_by_endings_as_by_beginnings():
    """The left cues use the person, sex and lesion lists factored by their endings (they are
    matched right to left); factored by beginnings, every cue finds the same on its own
    examples, its counter-examples and invented windows."""
    forward = load_cues("cohort", EXTRA_FRAGMENTS)
    names = {name for name, _ in REVERSE_FRAGMENTS}
    tried = 0
    for cue, plain in zip(COHORT.cues, forward.cues, strict=True):
        if cue.rule.direction != "left" or not any("{" + n + "}" in cue.rule.pattern for n in names):
            continue
        assert cue.regex.pattern != plain.regex.pattern
        for window in cue.rule.examples + cue.rule.counter_examples + _LEFT_WINDOWS:
            a, b = cue.found(window), plain.found(window)
            assert (a is None) == (b is None), (cue.id, window)
            tried += 1
    assert tried > 100
