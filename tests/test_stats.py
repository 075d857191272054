"""The statistic-expression grammar (patterns/grammar/stats.jsonl, stats.py): fragments, qualifiers, properties."""

from __future__ import annotations

import regex
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyfacts import stats
from studyfacts.numbers import expand

_FRAGMENTS = list(stats.fragments().values())


def _tester(f: stats.Fragment) -> regex.Pattern[str]:
    src = f.rule.attrs.get("test_as") or f.source
    return regex.compile(expand(src, {k: v.expanded for k, v in stats.fragments().items()}), regex.IGNORECASE)


@pytest.mark.parametrize("frag", _FRAGMENTS, ids=[f.name for f in _FRAGMENTS])
def test_stats_fragment_examples_and_counter_examples(frag):
    rx = _tester(frag)
    assert frag.rule.examples, f"{frag.name} has no examples"
    for ex in frag.rule.examples:
        assert rx.search(ex), f"{frag.name} should match {ex!r}"
    for ex in frag.rule.counter_examples:
        assert not rx.search(ex), f"{frag.name} should not match {ex!r}"


@pytest.mark.parametrize(
    ("text", "central", "sd", "unit", "out_of"),
    [
        ("the score was 6.4/10 at rest", 6.4, None, None, True),
        ("was 71.5 mm before", 71.5, None, "mm", False),
        ("averaged 7.9 ± 1.1.", 7.9, 1.1, None, False),
        ("fell to 2.5 points (range 0-8)", 2.5, None, "points", False),
        ("from 9.5 of 10 preoperatively", 9.5, None, None, True),
        ("6.1 +/- 1.4 cm", 6.1, 1.4, "cm", False),
    ],
)
def test_stats_expression_reads_value_unit_and_sd(text, central, sd, unit, out_of):
    (e,) = stats.expressions(text)
    assert (e.central, e.sd, e.unit, e.out_of) == (central, sd, unit, out_of)
    assert text[e.central_start:e.central_end].replace("·", ".").startswith(str(central).rstrip("0").rstrip("."))


@pytest.mark.parametrize(
    "text",
    ["72.4% of patients", "at 24 h", "p < 0.001", "a 10-point scale", "in 34/64", "T1", "after 15 seconds",
     "NRS ≥ 4", "12 patients", "range 4-9", "aged 18–65"],
)
def test_stats_expression_counter_examples_give_no_central_value(text):
    assert [e.central for e in stats.expressions(text)] == []


@pytest.mark.parametrize(
    ("inner", "median", "want"),
    [
        ("range, 0–9; p < 0.0001", False, {"range": (0, 9), "p": ("<", 0.0001)}),
        ("IQR 7-9", False, {"iqr": (7, 9), "median": True}),
        ("interquartile range [IQR] = 10-10", False, {"iqr": (10, 10), "median": True}),
        ("1.0–4.5", True, {"iqr": (1, 4.5)}),
        ("1.0–4.5", False, {"range": (1, 4.5)}),
        ("0, 2", True, {"iqr": (0, 2)}),
        ("SD 1.4", False, {"sd": 1.4}),
        ("±1.4", False, {"sd": 1.4}),  # the sign in the bracket names the SD as "6.1 ± 1.4" does
        ("+/- 1.4", False, {"sd": 1.4}),
        ("81.3%", False, {"role": "count"}),
        ("95% CI 1.2-3.4", False, {"role": "ci"}),  # the '%' of '95%' is the interval's level, no count's share
        ("CI 1.2-3.4", False, {"role": "ci"}),
        ("mean 14.7 months; median 6", False, {"role": "duration"}),
        ("blade", False, {"role": "label", "label": "blade"}),
        ("P = .04", False, {"p": ("=", 0.04)}),
        ("4-2", False, {}),  # a reversed pair is no range
    ],
)
def test_stats_read_qualifier(inner, median, want):
    q = stats.read_qualifier(inner, median=median)
    got = {}
    if q.range is not None:
        got["range"] = q.range
    if q.iqr is not None:
        got["iqr"] = q.iqr
    if q.sd is not None:
        got["sd"] = q.sd
    if q.p is not None:
        got["p"] = (q.p.op, q.p.value)
    if q.role != "score":
        got["role"] = q.role
    if q.label:
        got["label"] = q.label
    if "median" in want:
        got["median"] = q.median
    assert got == want


def test_stats_bare_bracket_number_is_sd_only_after_sd_named():
    assert stats.read_qualifier("12.3", sd_named_before=True).sd == 12.3
    assert stats.read_qualifier("12.3").sd is None


@pytest.mark.parametrize(("op", "val", "want"), [("<", ".001", ("<", 0.001)), ("≤", "0.05", ("<=", 0.05)),
                                                 ("<or=", "0.01", ("<=", 0.01)), ("=", "1.5", None)])
def test_stats_p_value(op, val, want):
    p = stats.p_value(op, val)
    assert (None if p is None else (p.op, p.value)) == want


_num = st.decimals(min_value=0, max_value=99, places=1, allow_nan=False, allow_infinity=False).map(str)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_stats_never_raises(text):
    for e in stats.expressions(text):
        assert 0 <= e.start < e.end <= len(text)
        if e.inner is not None:
            stats.read_qualifier(e.inner)
    stats.expression(text, 0)


@settings(max_examples=300, deadline=None)
@given(c=_num, sd=_num, a=_num, b=_num, p=st.sampled_from(["0.001", ".04", "0.5"]),
       shape=st.sampled_from(["{c} ± {sd}", "{c} (SD {sd})", "{c} (range {a}–{b})", "{c} [IQR {a}-{b}]",
                              "{c} ({a} to {b}; p = {p})", "{c} ± {sd} (P < {p})", "{c} ± {sd}.", "{c} (p={p})"]))
def test_stats_sd_range_end_or_p_is_never_a_central_value(c, sd, a, b, p, shape):
    text = "the mean VAS was " + shape.format(c=c, sd=sd, a=a, b=b, p=p) + " at 6 months"
    got = stats.expressions(text)
    assert [float(e.central) for e in got] == [float(c)]
    e = got[0]
    if "±" in shape:
        assert e.sd == float(sd)
    if e.inner is not None:
        q = stats.read_qualifier(e.inner)
        lo, hi = sorted((float(a), float(b)))
        if "range" in shape and float(a) <= float(b):
            assert q.range == (float(a), float(b))
        if "IQR" in shape and float(a) <= float(b):
            assert q.iqr == (float(a), float(b))
        if "SD" in shape:
            assert q.sd == float(sd)


@pytest.mark.parametrize(
    ("text", "end_text", "values"),
    [
        # the stop that ends the sentence is not the unit's (session 17) ...
        ("mean age was 39.7 years. Next", "mean age was 39.7 years", {"mean": 39.7}),
        ("median 12 months. Then", "median 12 months", {"median": 12.0}),
        # ... a shortened unit's is, and what follows it is still read
        ("median 24 mo. (range 3-60) in all", "median 24 mo. (range 3-60)", {"median": 24.0, "range": (3.0, 60.0)}),
        ("mean 59.9 yrs., range 40-80", "mean 59.9 yrs., range 40-80", {"mean": 59.9, "range": (40.0, 80.0)}),
    ],
)
def test_stats_unit_takes_only_its_own_full_stop(text, end_text, values):
    parsed = stats.parse_stat(text, 0, None)
    assert text[: parsed.end] == end_text
    assert {k: parsed.values[k] for k in values} == values


@pytest.mark.parametrize(
    ("text", "values", "unit"),
    [
        # a named mean's SD told with its sign in brackets, or after the unit; the unit after the bracket is read
        ("mean follow-up time 23.4 (±4.3) years after", {"mean": 23.4, "sd": 4.3}, "years"),
        ("mean follow-up 23.4 (+/- 4.3) months", {"mean": 23.4, "sd": 4.3}, "months"),
        ("mean follow-up of 4.8 years +/- 1.6 (range 2.8-6.1 years)", {"mean": 4.8, "sd": 1.6}, "years"),
        # a median's bracket is no SD
        ("median follow-up 31 (range 12-60) months", {"median": 31.0}, "months"),
    ],
)
def test_stats_named_mean_with_its_sign_in_brackets(text, values, unit):
    start = text.index(next(ch for ch in text if ch.isdigit()))
    stat = "median" if text.startswith("median") else "mean"
    parsed = stats.parse_stat(text, start, stat)
    assert {k: parsed.values.get(k) for k in values} == values
    assert parsed.unit == unit
