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
