"""The literal shortcuts (literals.py) are only shortcuts: every rule finds exactly what a
plain scan of the whole text finds, on invented texts, random texts and real abstracts."""

from __future__ import annotations

import itertools

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from studyfacts.components.base import family_rules
from studyfacts.literals import (
    MAX_TRIES,
    Bounded,
    Cased,
    LowText,
    after_count,
    analyse,
    holds_any,
    lowered,
    places,
    register,
    scan,
    whole_words,
)
from studyfacts.rules import (
    _NUMBER_WORDS,
    _WORD_NUMBER_BEFORE,
    REGEX_TIMEOUT_S,
    CompiledRule,
    TextScan,
    run_rules,
)

from .conftest import corpus_abstracts

FAMILIES = ("design", "cohort", "followup", "pain", "complications", "rates")


def all_rules() -> list[CompiledRule]:
    return [cr for fam in FAMILIES for cr in family_rules(fam) if cr.regex is not None]


# Where a count can start, found the slow, obvious way: any digit or number word not
# preceded by a word character, "." or "," (a digit may follow a comma that four digits
# precede: "2013,42"), except a word that continues a number.
_COUNT_START = regex.compile(rf"(?<![\w.])(?:(?<!,)|(?<=\d{{4}},)|(?<=[^\W\d_],))\d|(?<![\w.,])(?i:(?:{_NUMBER_WORDS})\b)")


def slow_count_starts(text: str) -> list[int]:
    return [
        m.start()
        for m in _COUNT_START.finditer(text)
        if text[m.start()].isdigit() or not _WORD_NUMBER_BEFORE.search(text, max(0, m.start() - 20), m.start())
    ]


def reference(cr: CompiledRule, text: str) -> list[tuple[int, int]]:
    """What a rule matches, found the slow, obvious way: no literal shortcut, no skipped
    decimals, no rules tried together."""
    assert cr.regex is not None
    if cr.requires is not None and cr.requires.search(text) is None:
        return []
    anchor = cr.rule.attrs.get("anchor")
    if anchor == "count":
        starts = slow_count_starts(text)
        return [m.span() for m in (cr.regex.match(text, p) for p in starts) if m is not None]
    if anchor == "year":
        return [m.span() for a, b, _ in TextScan(text).year_windows() for m in cr.regex.finditer(text, a, b)]
    return [m.span() for m in cr.regex.finditer(text)]


def fast(cr: CompiledRule, text: str) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in run_rules((cr,), TextScan(text))]


def check_family_together(fam: str, text: str) -> None:
    """A family's rules run together (count rules in one pattern) find what each finds
    alone the slow way, groups included."""
    rules = family_rules(fam)
    scan_ = TextScan(text)
    got: dict[str, list] = {}
    for h in run_rules(rules, scan_):
        got.setdefault(h.rule, []).append((h.start, h.end, sorted(h.groups.items())))
    for cr in rules:
        if cr.regex is None:
            continue
        want = []
        for a, b in reference(cr, text):
            m = cr.regex.match(text, a)
            assert m is not None and m.end() == b
            groups = {k: (m.start(k), m.end(k), v) for k, v in m.groupdict().items() if v is not None}
            want.append((a, b, sorted(groups.items())))
        assert got.get(cr.id, []) == want, (cr.id, text[:80])


def test_count_starts_skip_only_what_no_count_can_be():
    text = "In 2.5% of 1,204 patients, forty-two (n=3) one hundred and twelve x.one 7\u00b71 (12)."
    fast_starts = TextScan(text).count_starts()
    slow = slow_count_starts(text)
    assert set(fast_starts) <= set(slow)
    skipped = [text[p : p + 3] for p in sorted(set(slow) - set(fast_starts))]
    assert skipped == ["2.5", "7\u00b71"]  # decimals only


# --- reading the patterns --------------------------------------------------------


@pytest.mark.parametrize(
    "pattern, contains, leading",
    [
        # a class of a few characters, or an optional one, extends a leading run: fewer places
        (r"\brandomi[sz]ed\b", ("randomi",), ("randomised", "randomized")),
        (r"\bmeta-?analysis", ("analysis",), ("metaanalysis", "meta-analysis")),  # not "metastases"
        (r"abc[d-z]e", ("abc",), ("abc",)),  # a range: no extension
        (r"ab[cd][ef][gh][ij]x", ("ab",), ("abceg", "abceh", "abcfg", "abcfh", "abdeg", "abdeh", "abdfg", "abdfh")),  # 8 at most
        (r"\b(?:single|one|mono)[- ]?(?:centre|center)\b", ("cent",), ("single", "one", "mono")),
        # "women" holds "men": one test covers both; but a match of "women" begins 2 before "men"
        (r"\b(?:women|men)\b", ("men",), ("women", "men")),
        (r"\b(?:male|males)\b", ("male",), ("male",)),
        (r"(?:\bfrom\s+)?\d{4}\s*(?:to|-)\s*\d{4}", ("to", "-"), None),  # may begin with a digit
        (r"(?:mean|median)?\s*follow-up", ("follow-up",), None),  # optional start: no leading word
        (r"(?:mean|median)?follow-up", ("follow-up",), ("mean", "median", "follow-up")),
        (r"a|", None, None),  # can match the empty string
        (r"(?-i:RCT)\b", ("rct",), ("RCT",)),  # a case-sensitive part: looked for as written (Cased)
        (r"x(?=yz)", ("x",), ("x",)),  # a look-ahead's text is not part of the match
        (r"(?P<a>abc)(?P=a)", ("abc",), ("abc",)),
    ],
)
def test_analyse(pattern, contains, leading):
    assert analyse(pattern, regex.I) == (contains, leading)


def test_extended_leading_strings_fall_back_to_the_plain_runs_past_the_limit():
    starts = "abcdefghijklmnopqrstuvwxyz0123"
    # 30 branches, each extended by a class of two characters: 60 strings, past _MAX_STRINGS
    # (40); the 30 plain runs are used instead
    many = "(?:" + "|".join(f"{c}x[ab]" for c in starts) + ")"
    assert analyse(many, regex.I)[1] == tuple(f"{c}x" for c in starts)
    # 10 branches: 20 strings, extended
    few = "(?:" + "|".join(f"{c}x[ab]" for c in starts[:10]) + ")"
    assert analyse(few, regex.I)[1] == tuple(f"{c}x{d}" for c in starts[:10] for d in "ab")


def test_leading_strings_know_when_a_match_begins_at_a_word_boundary():
    # "men" inside "treatment" cannot begin a match of a pattern opening with \b
    assert isinstance(analyse(r"\b(?:women|men)\b", regex.I)[1], Bounded)
    assert isinstance(analyse(r"(?-i:\b(?:Of|From))\s+\d", regex.I)[1], Bounded)
    assert isinstance(analyse(r"\bsystematic\s+review|\bmeta-analysis", regex.I)[1], Bounded)
    assert not isinstance(analyse(r"\bsystematic|meta-analysis", regex.I)[1], Bounded)  # one branch without \b
    assert not isinstance(analyse(r"\b(?:-fold|x)", regex.I)[1], Bounded)  # "-" after a letter IS a boundary


def test_unreadable_pattern_gets_no_shortcut():
    # a regex-only construct the standard parser cannot read
    assert analyse(r"\p{Lu}+ patients", 0) == (None, None)


def test_patterns_with_odd_case_folding_get_no_shortcut():
    assert analyse("\u017fingle centre", regex.I) == (None, None)


def test_lowered_refuses_texts_whose_case_folding_moves_offsets():
    assert lowered("Forty Patients") == "forty patients"
    assert lowered("\u0130stanbul cohort") is None  # 'İ' lowers to two characters
    assert lowered("long \u017f in a word") is None  # 'ſ' matches 's' case-insensitively


def test_case_sensitive_leading_strings_are_cased():
    assert [type(s) for s in analyse(r"(?-i:\b(?:Of|Among))\s+\d", regex.I)[1]] == [Cased, Cased]
    assert [type(s) for s in analyse(r"\b(?:Of|Among)\s+\d", 0)[1]] == [Cased, Cased]  # compiled without IGNORECASE
    assert analyse(r"(?i)\bOf\s+\d", 0)[1] == ("of",)  # an inline global (?i): lower-cased
    assert type(analyse(r"(?i)\bOf\s+\d", 0)[1][0]) is str
    assert analyse(r"(?-i:Of)x|of", regex.I)[1] == ("Of", "of")  # each branch as its case says
    assert type(analyse(r"(?-i:A(?i:b))", regex.I)[1][0]) is Cased  # only the run before the switch


def test_places_reads_cased_strings_in_the_text_as_written():
    text = "Of 40 patients, most of them"
    assert places(text.lower(), (Cased("Of"),), text=text) == [0]
    assert places(text.lower(), (Cased("Of"),)) == [0, 21]  # no text: lower-cased, a superset
    assert places("percent center", ("cent",), text="percent center", word_start=True) == [8]


INDEX_WORDS = ["men", "women", "treatment", "of", "n", "cent", "percent", "centre", " ", ",", "Of", "\u00e9", "x"]
INDEX_STRINGS = [("men",), ("women", "men"), ("cent",), ("of", "cent"), ("n",), ("treat", "xyz"), ("centre",)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(INDEX_WORDS), max_size=30), st.sampled_from(INDEX_STRINGS), st.booleans())
def test_one_pass_index_answers_as_substring_tests_do(parts, strings, word_start):
    register(("men", "women", "cent", "treat"))  # indexed; "of", "n" are too short to be
    text = "".join(parts)
    low, plain = LowText(text.lower()), text.lower()
    assert holds_any(low, strings) == holds_any(plain, strings)
    for limit in (2, MAX_TRIES):
        assert places(low, strings, limit, text, word_start) == places(plain, strings, limit, text, word_start)


NUMBER_PARTS = ["one", "none", "seven", "seventeen", "sevenfold", "ten", "often", "-", " ", ".", "_", "2", "\u00e9", "x"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_PARTS), max_size=25))
def test_whole_words_from_the_index_are_what_the_word_pattern_finds(parts):
    words = ["seventeen", "seven", "one", "ten"]
    register(words)
    low = "".join(parts)
    pattern = regex.compile(r"\b(?:seventeen|seven|one|ten)\b")
    assert whole_words(LowText(low), words) == [m.start() for m in pattern.finditer(low)]
    assert whole_words(LowText(low), ["unregistered"]) is None


def test_strings_registered_after_a_text_was_indexed_are_still_found():
    low = LowText("seventy-two patients")
    assert holds_any(low, ("patients",))
    register(("seventy-two",))  # a rule compiled later: this text's index predates it
    assert holds_any(low, ("seventy-two",))
    assert places(low, ("seventy-two",)) == [0]


def test_places_gives_up_past_the_limit():
    assert places("a one, a two, a one", ("one", "two")) == [2, 9, 16]
    assert places("one " * 20, ("one",), limit=5) is None


WORDS = ["one", "single", "centre", "center", "-", " ", "mono", "x", "One", "SINGLE", "centres", ",", "hospital"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_scan_equals_finditer_on_random_text(parts):
    pattern = regex.compile(r"\b(?:single|one|mono)[- ]?(?:cent(?:er|re)|hospital)\b", regex.I)
    _assert_scan_is_finditer(pattern, "".join(parts))


def _assert_scan_is_finditer(pattern: regex.Pattern[str], text: str) -> None:
    contains, leading = analyse(pattern.pattern, pattern.flags)
    want = [m.span() for m in pattern.finditer(text)]
    low = lowered(text)
    for as_given in (low, LowText(low) if low is not None else None):  # substring tests; the one-pass index
        assert [m.span() for m in scan(pattern, text, as_given, contains, leading, REGEX_TIMEOUT_S)] == want


CASED_WORDS = ["Of", "of", "OF", "Among", "among", " ", ",", "40", "twenty", "patients", "x", "\u00e9"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(CASED_WORDS), max_size=30))
def test_scan_finds_case_sensitive_starts_as_finditer_does(parts):
    pattern = regex.compile(r"(?-i:\b(?:Of|Among))\s+(?:\d+|twenty)\s+patients", regex.I)
    _assert_scan_is_finditer(pattern, "".join(parts))
    cased = regex.compile(r"\b(?:Of|Among)\s+(?:\d+|twenty)", 0)
    _assert_scan_is_finditer(cased, "".join(parts))


SEX_WORDS = ["treat", "men", "wo", "fe", "male", "s", " ", "Men", "WOMEN", "_", "1", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SEX_WORDS), max_size=30))
def test_scan_skips_only_places_inside_words(parts):
    pattern = regex.compile(r"\b(?:women|men|females?|males?)\b", regex.I)
    assert isinstance(analyse(pattern.pattern, pattern.flags)[1], Bounded)
    _assert_scan_is_finditer(pattern, "".join(parts))


# --- every real rule ---------------------------------------------------------------

# Invented sentences that exercise the rules (each family's vocabulary, in both cases).
INVENTED = [
    "This single-centre, randomised controlled trial (RCT) enrolled 120 patients (64 women, 56 men).",
    "Between January 2015 and March 2019, forty-two consecutive patients were prospectively included.",
    "A retrospective review of one hundred and twelve cases; mean follow-up 24.5 ± 6.1 months (range 6-60).",
    "Complications occurred in 4 of 42 patients (9.5%): one was major and three were minor.",
    "The mean VAS pain score fell from 7.2 at baseline to 2.1 at 6 months (p < 0.001).",
    "We included 12 studies with 1,204 participants. MALE:FEMALE ratio 3:1; n = 45.",
    "Local tumour control was achieved in 38/40 lesions (95%) in a bicentric, multi-institutional series.",
    # count rules whose `requires` lies outside the match: absent, then present
    "Ablation treated 12 RFA sessions across 3 Units; 8 MWA sessions followed in 2 Centers.",
    "Radiofrequency ablation (RFA) treated 12 RFA sessions at 3 hospitals; 8 MWA sessions followed.",
    # a count rule whose count only ')' may follow, a pattern of its own, beside the family's pattern
    "METHODS: Patients (45) underwent surgery. Adults (12) declined; 30 patients (12) were seen.",
]


def test_a_count_rule_with_a_narrow_follow_is_a_pattern_of_its_own():
    """cohort.n_bracketed ("Patients (45) underwent ..."): only ')' may follow its count, so it is tried
    apart from the family's pattern, at the count starts followed by ')' only."""
    from studyfacts.rules import _bundles, separate

    rules = family_rules("cohort")
    alone = separate(rules)
    n_bracketed = next(cr for cr in rules if cr.id == "cohort.n_bracketed")
    count_noun = next(cr for cr in rules if cr.id == "cohort.count_noun")
    assert id(n_bracketed) in alone and id(count_noun) not in alone
    assert any(ids == frozenset({id(n_bracketed)}) for ids, _ in _bundles(rules))


@pytest.mark.parametrize("text", INVENTED)
def test_every_rule_matches_as_a_plain_scan_does(text):
    for cr in all_rules():
        assert fast(cr, text) == reference(cr, text), cr.id
    for fam in FAMILIES:
        check_family_together(fam, text)


def test_every_rule_matches_as_a_plain_scan_does_on_real_abstracts():
    """Every 8th abstract of the shared corpus (about 600): the shortcuts change no match."""
    texts = [text for text in corpus_abstracts() if len(text) < 20_000]
    checked = 0
    for text in itertools.islice(texts, 0, None, 8):
        for fam in FAMILIES:
            check_family_together(fam, text)
        checked += 1
    assert checked > 500


@pytest.mark.parametrize(
    "pattern, follow",
    [
        (r"(?P<n>\d+)\s+patients", (frozenset(), True)),
        (r"(?P<n>\d+)(?P<pct>\s*[(\[]\d+%[)\]])?\s+patients", (frozenset({"(", "["}), True)),
        (r"(?<![\w.,])(?P<n>\d+)\s*/\s*\d+", (frozenset({"/"}), True)),
        (r"\b(?P<n>\d+)-(?:centre|center)", (frozenset({"-"}), False)),
        (r"(?P<n>\d+)(?:\s+of)?", None),  # may end with the count: anything may follow
        (r"(?P<n>\d+)[^%]", None),  # a negated class: cannot tell
        (r"(?P<n>\d+)x", None),  # a letter, case-insensitive: not worth telling
        (r"(?P<n>\d+)\s*(?-i:(?P<sex>[MF]))", (frozenset({"M", "F"}), True)),  # letters of a case-sensitive part
        (r"(?P<n>\d+)(?-i:\s*)x", None),  # the part's case ends with it
        (r"(?P<n>\d+)(?:\s*)+%", (frozenset({"%"}), True)),  # a repeat that may match nothing
        (r"\d+\s+patients", None),  # the count is not a group of its own
        # a look-ahead that cannot match nothing tells the next character, whatever follows it
        (r"(?P<n>\d+)(?=\)\s+(?-i:[a-z]))(?<=\(\d+)", (frozenset({")"}), False)),
        (r"(?P<n>\d+)(?=\s*\))", (frozenset({")"}), True)),
        (r"(?P<n>\d+)(?=%?)", None),  # one that may match nothing tells nothing: the match may end here
        (r"(?P<n>\d+)(?!\))\s*%", (frozenset({"%"}), True)),  # a negative one tells nothing either
    ],
)
def test_after_count(pattern, follow):
    assert after_count(pattern, regex.I) == follow


def test_year_rules_hold_the_years_they_declare():
    """A year-anchored rule's "years" (how many years every match holds) lets windows with
    fewer be skipped: each example's match must hold that many."""
    from studyfacts.rules import _YEAR_ANYWHERE

    checked = 0
    for cr in all_rules():
        least = cr.rule.attrs.get("years")
        if cr.rule.attrs.get("anchor") != "year" or least is None:
            continue
        for example in cr.rule.examples:
            m = cr.regex.search(example)
            assert m is not None, (cr.id, example)
            assert len(list(_YEAR_ANYWHERE.finditer(m.group()))) >= least, (cr.id, example)
            checked += 1
    assert checked



# `requires` gates added only to spare a whole-text scan: each states what every match of its
# rule holds, so it may never turn a match away (other rules' `requires` are part of what the
# rule means: "took part" counts only where a survey is named, and are not listed here)
SPEED_GATES = (
    "cohort.age_after_sex", "cohort.age_in_cohort_brackets", "cohort.age_after_limits",
    "cohort.sex_ratio", "cohort.sex_slash", "cohort.case_age", "cohort.n_equals",
    "cohort.sex_label_first", "design.centers_hyphen", "rate.percent_fraction",
    "followup.num_stat_unit", "cohort.age_people_on_average",
)


def _speed_gated() -> list[CompiledRule]:
    rules = {cr.id: cr for cr in all_rules()}
    return [rules[i] for i in SPEED_GATES]


def _gate_keeps_every_match(cr: CompiledRule, text: str) -> None:
    assert cr.requires is not None, cr.id
    if cr.rule.attrs.get("anchor") == "count":
        found = any(cr.regex.match(text, p) for p in slow_count_starts(text))
    else:
        found = cr.regex.search(text) is not None
    if found:
        assert cr.requires.search(text) is not None, (cr.id, text[:120])


def test_speed_gates_keep_their_rules_examples():
    for cr in _speed_gated():
        assert cr.rule.examples, cr.id
        for text in [*cr.rule.examples, *cr.rule.counter_examples, *INVENTED]:
            _gate_keeps_every_match(cr, text)


def test_speed_gates_keep_every_match_on_real_abstracts():
    """Every 3rd abstract of the shared corpus: a gate never stands between its rule and a match."""
    rules = _speed_gated()
    checked = 0
    for text in itertools.islice((t for t in corpus_abstracts() if len(t) < 20_000), 0, None, 3):
        for cr in rules:
            _gate_keeps_every_match(cr, text)
        checked += 1
    assert checked > 1500


def _weak(strings: tuple[str, ...] | None) -> bool:
    """No shortcut: no strings, or one of them a single letter (found in every text)."""
    return strings is None or any(len(s) == 1 and s.isalpha() for s in strings)


def test_every_requires_gate_has_a_literal_shortcut():
    """A `requires` is searched in every abstract its rule's words reach: without strings to look
    for first (a pattern that opens with a class or a digit, "\\d[-\\s]?yo"), the regex is tried at
    every character, which cost cohort.case_age ~130 us an abstract; write the opening as a
    look-behind ("(?<=\\d[-\\s]?)yo") so the literal comes first."""
    weak = [cr.id for cr in all_rules() if cr.requires_gate is not None
            and _weak(cr.requires_gate.leading) and _weak(cr.requires_gate.contains)]
    assert not weak


# the pain family's rules run only on abstracts its own gate lets through (components/pain.py, _PREFILTER)
_GATED_FAMILIES = ("pain.",)


def test_every_plain_rule_has_a_literal_shortcut_or_a_gate():
    """A rule with no string every match holds and no string it opens on is tried at every character of
    every abstract (the regex's own search, a big alternation at each position): two rules written with a
    named group twice ('(?P<stat>averaged)|...(?P<stat>average)') could not be analysed and cost 17 % of
    the run. Such a rule needs a `requires` gate, or a pattern the literal analysis can read."""
    slow = [cr.id for cr in all_rules() if cr.regex is not None and not cr.counting and cr.anchor is None
            and cr.contains is None and cr.leading is None and cr.requires_gate is None
            and not cr.id.startswith(_GATED_FAMILIES)]
    assert not slow


@pytest.mark.parametrize(
    "pattern, also",
    [
        # "case" is needed besides one of the verbs the pattern opens with
        (r"\bwe\s+(?:report|present|describe)\s+(?:a|an)\s+(?:\w+\s+){0,3}?case\b", (("case",),)),
        # each part of a sequence is its own condition, the most selective first
        (r"(?:mean|median)\s+follow-up\s+(?:was|of)\s+\d+\s+(?:months|years)",
         (("months", "years"), ("mean", "median"))),
        # an optional part is no condition; nor a string of under three characters or one most texts hold
        (r"follow-up(?:\s+of)?\s+(?:at|in)\s+the\s+clinic", (("clinic",),)),
        (r"abc", ()),  # one run: nothing besides `contains`
    ],
)
def test_requirements_besides_contains(pattern, also):
    from studyfacts.literals import _requirements

    assert _requirements(pattern, regex.I) == also


def test_a_text_without_a_required_part_is_not_scanned():
    """A rule whose match needs "case" besides its verb finds nothing in a text with the verb
    alone, and the same as finditer where both are there."""
    from studyfacts.rules import CompiledRule, Rule, compile_pattern

    rule = Rule(id="t.case", label="case", pattern=r"\bwe\s+(?:report|present)\s+an?\s+(?:\w+\s+){0,3}?case\b")
    cr = CompiledRule(rule=rule, regex=compile_pattern(rule.pattern))
    assert cr.also == (("case",),)
    without = "We report a series of 40 patients. We present an analysis."
    with_case = "We report a rare case of gout. We present an unusual case."
    assert run_rules((cr,), TextScan(without)) == []
    got = [(h.start, h.end) for h in run_rules((cr,), TextScan(with_case))]
    assert got == [m.span() for m in cr.regex.finditer(with_case)] and len(got) == 2
