"""Every rule file loads through its schema, and every rule's examples do what they say."""

from __future__ import annotations

import json

import pytest

from studyfacts.components.base import family_rules
from studyfacts.rules import RuleError, load_rules, patterns_dir

FAMILIES = sorted(p.stem for p in patterns_dir().glob("*.jsonl"))
CASES = [
    pytest.param(family, cr.id, kind, text, id=f"{family}:{cr.id}:{kind}:{i}")
    for family in FAMILIES
    for cr in family_rules(family)
    if cr.regex is not None
    for kind, texts in (("example", cr.rule.examples), ("counter", cr.rule.counter_examples))
    for i, text in enumerate(texts)
]


def _rule(family: str, rule_id: str):
    return next(cr for cr in family_rules(family) if cr.id == rule_id)


@pytest.mark.parametrize(("family", "rule_id", "kind", "text"), CASES)
def test_rules_examples_match_and_counter_examples_do_not(family, rule_id, kind, text):
    found = _rule(family, rule_id).regex.search(text)
    if kind == "example":
        assert found, f"{rule_id} should match {text!r}"
    else:
        assert not found, f"{rule_id} should not match {text!r} (matched {found.group()!r})"


@pytest.mark.parametrize("family", FAMILIES)
def test_rules_every_regex_rule_has_an_example(family):
    missing = [cr.id for cr in family_rules(family) if cr.regex is not None and not cr.rule.examples]
    assert not missing, f"rules without examples in {family}.jsonl: {missing}"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "label": "X", "pattern": "x", "colour": "red"}', "Extra inputs"),
        ('{"id": "a", "label": "X"}', "exactly one"),
        ('{"id": "a", "label": "X", "pattern": "(unclosed"}', "rule 'a'"),
        ('{"id": "a", "label": "X", "pattern": "{NOPE}"}', "unknown fragment"),
        ("not json", "Expecting value"),
    ],
)
def test_rules_bad_line_names_file_and_line(tmp_path, monkeypatch, line, message):
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "label": "X", "pattern": "x"}\n' + line + "\n")
    monkeypatch.setenv("STUDYFACTS_PATTERNS", str(tmp_path))
    load_rules.cache_clear()
    try:
        with pytest.raises(RuleError, match=r"(?s)bad\.jsonl:2: .*" + message):
            load_rules("bad")
    finally:
        load_rules.cache_clear()


def test_rules_duplicate_id_is_an_error(tmp_path, monkeypatch):
    rule = json.dumps({"id": "same", "label": "X", "pattern": "x"})
    (tmp_path / "dup.jsonl").write_text(f"{rule}\n{rule}\n")
    monkeypatch.setenv("STUDYFACTS_PATTERNS", str(tmp_path))
    load_rules.cache_clear()
    try:
        with pytest.raises(RuleError, match=r"dup\.jsonl:2: duplicate rule id 'same' \(first at line 1\)"):
            load_rules("dup")
    finally:
        load_rules.cache_clear()


# Fragments built with `lexicon_alternation(..., fold_case=True)`: their terms are lower-cased,
# so a pattern must read them case-insensitively, or "MSM" and "African Americans" would no
# longer match.
FOLDED = ("PERSON", "SEXNOUN", "PROVIDER", "LESION", "NOT_UNITS_AFTER")


def _case_sensitive_regions(pattern: str) -> list[str]:
    """The parts of a pattern inside "(?-i:...)"."""
    out = []
    at = pattern.find("(?-i:")
    while at >= 0:
        depth, j = 0, at
        while j < len(pattern):
            if pattern[j] == "\\":
                j += 2
                continue
            depth += {"(": 1, ")": -1}.get(pattern[j], 0)
            if depth == 0:
                break
            j += 1
        out.append(pattern[at : j + 1])
        at = pattern.find("(?-i:", at + 1)
    return out


def test_rules_and_cues_read_folded_fragments_case_insensitively():
    from studyfacts.cues import CueRule
    from studyfacts.rules import jsonl_models

    def check(where, pattern, flags):
        if not isinstance(pattern, str):
            return
        used = [f for f in FOLDED if "{" + f + "}" in pattern]
        if not used:
            return
        assert "CASE" not in flags, f"{where}: a case-sensitive pattern reads {used}"
        for region in _case_sensitive_regions(pattern):
            assert not any("{" + f + "}" in region for f in used), f"{where}: {region[:60]!r} reads {used}"

    seen = 0
    for family in FAMILIES:
        for cr in family_rules(family):
            check(cr.where, cr.rule.pattern, cr.rule.flags)
            if cr.rule.requires:
                check(cr.where, cr.rule.requires, [])
            seen += 1
    for path in sorted((patterns_dir() / "cues").glob("*.jsonl")):
        for where, _, cue in jsonl_models(path, CueRule):
            check(where, cue.pattern, cue.flags)
            seen += 1
    assert seen > 250
    assert _case_sensitive_regions("a(?-i:B(c)d)e") == ["(?-i:B(c)d)"]


def test_a_folded_lexicon_matches_what_the_lexicon_does():
    """Folded or not, a person-noun alternation matches the same words, case-insensitively."""
    import regex

    from studyfacts.rules import lexicon_alternation

    plain = regex.compile(rf"\b(?:{lexicon_alternation('person_nouns', 'strong')})\b", regex.I)
    folded = regex.compile(rf"\b(?:{lexicon_alternation('person_nouns', 'strong', fold_case=True)})\b", regex.I)
    assert plain.pattern != folded.pattern
    text = ("We asked 40 MSM, 12 African Americans, six PLHIV, 30 adults, 8 Women and 9 residents; "
            "the nurses and 3 family members of the 20 Patients; no match in 'management' or 'patientsx'.")
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in folded.finditer(text)]
    assert len(list(folded.finditer(text))) >= 8


def test_count_anchored_rules_open_on_their_count():
    """A rule tried at each count start ("anchor": "count") opens on its count, perhaps behind
    look-arounds, so that what may follow the count is read off the rest and starts where it
    cannot follow are not tried (`_run_bundle`); a word boundary before the count is written as
    the look-behind `(?<!\\w)` for this (design.centers_count)."""
    late = [cr.id for fam in FAMILIES for cr in family_rules(fam) if cr.anchor == "count" and not cr.count_group_first]
    assert late == []


# Plain rules whose matches may begin with a one-letter word, by what they read: the article "a",
# "M"/"F" for sex, "p" and "r" for statistics, "T" for a time point, "n" for a count
_ONE_LETTER_OPENINGS = {
    "cohort.n_equals", "cohort.case_age", "cohort.case_reported", "cohort.case_with_review", "cohort.sex_slash",
    "cohort.sex_ratio", "cohort.age_after_limits", "pain.pvalue", "pain.mask.pvalues", "pain.mask.ratio",
    "pain.mask.label_number", "pain.mask.ci",
}


def test_no_plain_rule_opens_on_a_stray_letter():
    """A plain rule is tried only where one of its leading strings occurs (literals.scan); a
    one-letter string occurs so often that the whole text is scanned instead. An optional letter
    before a word ("m?JOA", which made pain.not_pain cost ~145 µs an abstract) gives one: write the
    word out ("(?:mJOA|JOA)"). The rules listed above open on a one-letter word by what they read."""
    stray = sorted(
        cr.id for fam in FAMILIES
        for cr in family_rules(fam)
        if cr.regex is not None and not cr.counting and not cr.anchor and cr.leading
        and any(len(s) == 1 for s in cr.leading) and cr.id not in _ONE_LETTER_OPENINGS
    )
    assert stray == []
