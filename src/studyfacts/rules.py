"""Rules as validated data: `patterns/<family>.jsonl`, one rule a line.

One rule type, three matchers (after medspaCy): a string `pattern` is a regex
(built from the fragments in `numbers.py`) run over the text; a list `pattern`
is a spaCy Matcher token pattern; `phrases` go to the PhraseMatcher. Each line
loads through `Rule` (unknown keys refused); a bad line or a duplicate id is a
`RuleError` naming `file:line`. Every rule carries `examples` that the test
suite runs, and may carry `counter_examples` it must not match.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import regex
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .literals import (
    Follow,
    Literals,
    LowText,
    after_count,
    analyse,
    holds_all,
    holds_any,
    lowered,
    register,
    requirements,
    scan,
    whole_words,
)
from .numbers import SEPARATOR_SPACES, TENS_WORDS, UNITS_WORDS, WORD_JOIN, expand, suffix_trie_alternation, trie_alternation
from .regexcache import cached_compile

# Patterns live at the top of the source tree; a wheel carries them inside the
# package (see `force-include` in pyproject.toml). STUDYFACTS_PATTERNS overrides both.
_ENV = "STUDYFACTS_PATTERNS"

# Bound on any one regex search over one abstract; a rule that hits it is
# skipped for that record with a warning, so hostile input cannot hang a run.
REGEX_TIMEOUT_S = 0.25
# ... applied only to texts longer than this many characters. Given a bound, regex reads
# the process's CPU clock (a system call) on each call: ~1.8 us a `match` against ~0.4
# without, and an abstract makes hundreds of calls. On the hostile texts of the tests
# (test_robustness, test_pain, test_followup) cut to 5,000 characters, no call took 5 ms
# (found by bounding every call at 2 then 5 ms) and no whole record 0.15 s: far under the
# bound, which a short text thus never needs. Real abstracts are a few thousand characters.
REGEX_BOUND_ABOVE = 5_000


def regex_timeout(text: str) -> float | None:
    """The time bound for regex calls over `text`: None (no bound) for a text of at most
    `REGEX_BOUND_ABOVE` characters, `REGEX_TIMEOUT_S` for a longer one."""
    return REGEX_TIMEOUT_S if len(text) > REGEX_BOUND_ABOVE else None


class RuleError(ValueError):
    """A pattern file that does not load: names `file:line` and what is wrong."""


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9_.\-]+$")
    label: str
    pattern: str | list[dict[str, Any]] | None = None
    phrases: list[str] | None = None
    flags: list[str] = Field(default_factory=list, description="regex flags: IGNORECASE (default on), CASE")
    examples: list[str] = Field(default_factory=list)
    counter_examples: list[str] = Field(default_factory=list)
    requires: str | None = Field(
        default=None,
        description="a cheap regex (case-insensitive) that must occur somewhere in the text for this "
        "rule's matches to count (tested before a plain rule scans, after a count-anchored rule matched)",
    )
    attrs: dict[str, Any] = Field(default_factory=dict, description="fixed values the resolver reads")
    why: str | None = None

    @model_validator(mode="after")
    def _one_matcher(self) -> Rule:
        if (self.pattern is None) == (self.phrases is None):
            raise ValueError("give exactly one of 'pattern' or 'phrases'")
        return self


# A pattern that opens with the count as a group of its own, perhaps behind a look-behind
# and "\b": "(?<![\w./,])(?P<n>{COUNT}) ...". What may follow the count is then read off the
# rest (`after_count`); and when the look-behind refuses a word character, "." and "," (and
# the group is {COUNT} or {INT}), a plain rule can only match where a count starts
# (`TextScan.count_starts`): it is tried there instead of at every position ("leftmost").
_COUNT_FIRST = cached_compile(
    r"^(?:\(\?<!\[(?P<cls>[^\]]*)\]\))?(?P<b>\\b)?"
    r"\(\?P<\w+>(?P<count>\{COUNT\}|\{INT\}|\{INT\}\|\(\?i:\{WORDNUM\}\))\)"
)


_LOOKAROUND_OPEN = ("(?<!", "(?<=", "(?=", "(?!")
_COUNT_GROUP = cached_compile(r"\(\?P<\w+>(?:\{COUNT\}|\{COUNT_INT\}|\{INT\})\)")


def _count_group_first(pattern: str) -> bool:
    """Whether the pattern's first item that is not a look-around is the count as a group of
    its own ("(?<!(?:%|\\bpercent)\\s+of\\s+)(?P<n>{COUNT}) ..."): what may follow the count
    is then read off the rest (`after_count`), whatever the look-arounds before it."""
    i = 0
    while pattern.startswith(_LOOKAROUND_OPEN, i):
        depth, j = 0, i
        while j < len(pattern):
            ch = pattern[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "[":  # a class: its brackets and parentheses are characters
                j += 1
                if j < len(pattern) and pattern[j] == "^":
                    j += 1
                if j < len(pattern) and pattern[j] == "]":
                    j += 1
                while j < len(pattern) and pattern[j] != "]":
                    j += 2 if pattern[j] == "\\" else 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if depth != 0:
            return False
        i = j + 1
    return _COUNT_GROUP.match(pattern, i) is not None


def _counting(rule: Rule, first: regex.Match[str] | None) -> str | None:
    anchor = rule.attrs.get("anchor")
    if anchor == "count":
        return "every"
    if (
        anchor is None
        and first is not None
        and "VERBOSE" not in rule.flags
        and first.group("cls") is not None
        and first.group("b") is None
        and first.group("count") in ("{COUNT}", "{INT}")
        and all(ch in first.group("cls") for ch in (r"\w", ".", ","))
    ):
        return "leftmost"
    return None


class Gate:
    """A cheap test that must pass before something costlier runs (a family's "does this
    abstract mention a pain scale at all?", a rule's `requires`): a regex searched with the
    literal shortcuts of `literals.py`, so most texts are answered by a substring test."""

    def __init__(self, pattern: str | regex.Pattern[str], flags: int = regex.IGNORECASE) -> None:
        self.regex = pattern if isinstance(pattern, regex.Pattern) else cached_compile(pattern, flags)
        self.contains, self.leading = analyse(self.regex.pattern, self.regex.flags)
        register(self.contains)
        register(self.leading)

    def found_in(self, text: str, low: str | None) -> bool:
        hits = scan(self.regex, text, low, self.contains, self.leading, regex_timeout(text))
        return next(hits, None) is not None

    def found(self, scan_: TextScan) -> bool:
        return self.found_in(scan_.text, scan_.low)


@dataclass(eq=False)  # compared and hashed by identity: `_together` caches per tuple of rules
class CompiledRule:
    rule: Rule
    regex: regex.Pattern[str] | None = None
    requires: regex.Pattern[str] | None = None
    where: str = ""
    # read off the patterns (see literals.py): shortcuts that never change a match
    contains: Literals | None = None
    leading: Literals | None = None
    # "every": tried at each count start ("anchor": "count"); "leftmost": a plain rule that
    # begins with a count, so finditer's matches all begin at count starts; None otherwise
    counting: str | None = None
    anchor: str | None = None
    count_first: bool = False  # the pattern opens with the count's own group (`_COUNT_FIRST`)
    count_group_first: bool = False  # ... perhaps behind look-arounds of any kind (`_count_group_first`)
    requires_gate: Gate | None = None
    # conditions besides `contains` that every match meets (literals.requirements)
    also: tuple[Literals, ...] = ()
    # (name, number) of the pattern's named groups, in `groupdict` order: a hit's groups are
    # read off `Match.regs`, for `Match.start(name)` looks the name up on each call (~0.4 us)
    slots: list[tuple[str, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.anchor = self.rule.attrs.get("anchor")
        first = _COUNT_FIRST.match(self.rule.pattern) if isinstance(self.rule.pattern, str) else None
        self.count_first = first is not None
        self.count_group_first = self.count_first or (
            isinstance(self.rule.pattern, str) and "VERBOSE" not in self.rule.flags
            and _count_group_first(self.rule.pattern)
        )
        self.counting = _counting(self.rule, first)
        if self.regex is not None:
            self.contains, self.leading = analyse(self.regex.pattern, self.regex.flags)
            self.slots = list(self.regex.groupindex.items())
            # what `run_rules` asks a whole text about: every rule's `contains`; the `leading` of a
            # rule scanned with `literals.scan` (not one tried at count starts or year windows)
            register(self.contains)
            if self.counting is None and self.anchor is None:
                register(self.leading)
            self.also = requirements(self.regex.pattern, self.regex.flags)
            for one in self.also:
                register(one)
        if self.requires is not None:
            self.requires_gate = Gate(self.requires)

    def applies(self, text: str, low: str | None = None) -> bool:
        """False when the rule's required words are absent, so it need not scan at all."""
        if self.requires_gate is None:
            return True
        return self.requires_gate.found_in(text, lowered(text) if low is None else low)

    @property
    def id(self) -> str:
        return self.rule.id

    @property
    def label(self) -> str:
        return self.rule.label


@dataclass
class Hit:
    """One match of one rule: char offsets into the abstract and named groups."""

    rule: str
    label: str
    start: int
    end: int
    text: str
    groups: dict[str, tuple[int, int, str]] = field(default_factory=dict)
    attrs: dict[str, Any] = field(default_factory=dict)

    def group(self, name: str) -> str | None:
        g = self.groups.get(name)
        return g[2] if g else None


def patterns_dir() -> Path:
    env = os.environ.get(_ENV)
    if env:
        return Path(env)
    packaged = resources.files("studyfacts").joinpath("patterns")
    if packaged.is_dir():
        return Path(str(packaged))
    # Editable install / source checkout: src/studyfacts -> repo root.
    checkout = Path(__file__).resolve().parent.parent.parent / "patterns"
    if checkout.is_dir():
        return checkout
    raise RuleError(f"pattern directory not found (looked in {packaged} and {checkout}); set {_ENV}")


def compile_pattern(pattern: str, flags: list[str] | None = None, extra: dict[str, str] | None = None):
    f = regex.VERBOSE if "VERBOSE" in (flags or []) else 0
    if "CASE" not in (flags or []):
        f |= regex.IGNORECASE
    return cached_compile(expand(pattern, extra), f)


@cache
def load_lexicon(name: str) -> dict[str, Any]:
    """`patterns/lexicons/<name>.json`: data the rules and resolvers share."""
    path = patterns_dir() / "lexicons" / f"{name}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise RuleError(f"{path}: {e}") from e


def _case_clash(terms: list[str]) -> bool:
    """Whether some term begins with another but for case ("VAS", "vas..."): a prefix of each
    term, lower-cased, looked up among the terms lower-cased (not every pair compared: the
    person nouns alone are some 350 terms)."""
    by_lower: dict[str, list[str]] = {}
    for a in terms:
        by_lower.setdefault(a.lower(), []).append(a)
    for b in terms:
        low = b.lower()
        for k in range(1, len(b) + 1):
            for a in by_lower.get(low[:k], ()):
                if a != b and not b.startswith(a):
                    return True
    return False


@cache
def lexicon_alternation(name: str, key: str | None = None, fold_case: bool = False, reverse: bool = False) -> str:
    """A lexicon list as a regex alternation, each term escaped, a space matching any white
    space; factored by shared beginnings (`trie_alternation`) unless two terms begin alike
    but for case ("VAS", "vas..."), where a case-insensitive rule could try them in another
    order: those get a flat list, longest first.

    `fold_case`: for a list only ever matched case-insensitively, the terms lower-cased first
    ("MSM" and "men" then share one branch, "m", where a case-insensitive match tried an "M"
    branch and an "m" branch in turn): the same strings match, with a third less work at each
    place the alternation is tried. tests/test_rules.py checks that no pattern reads a folded
    fragment case-sensitively. `reverse` (with `fold_case`): factored by shared endings, for
    patterns matched right to left (`suffix_trie_alternation`)."""
    data = load_lexicon(name)
    terms = data[key] if key else data
    if isinstance(terms, dict):
        terms = list(terms)
    if fold_case:
        folded = sorted({t.lower() for t in terms})
        return suffix_trie_alternation(folded) if reverse else trie_alternation(folded)
    if reverse:
        raise ValueError("a list factored by endings is folded to lower case first (fold_case)")
    if not _case_clash(terms):
        return trie_alternation(terms)
    return phrase_alternation(sorted(terms, key=len, reverse=True))


def phrase_alternation(terms: list[str]) -> str:
    """Phrases as one flat alternation, in the order given, each escaped, a space matching any
    white space."""
    return "|".join(regex.escape(t).replace(r"\ ", r"\s+") for t in terms)


M = TypeVar("M", bound=BaseModel)


def jsonl_models(path: Path, model: type[M]) -> Iterator[tuple[str, int, M]]:
    """Each line of a pattern file validated as `model`: (where, line number, value); blank lines and
    `//` comments skipped. A file that cannot be read or a bad line is a `RuleError` naming `file:line`."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise RuleError(f"{path}: {e}") from e
    for no, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        where = f"{path}:{no}"
        try:
            yield where, no, model.model_validate(json.loads(line))
        except (json.JSONDecodeError, ValidationError) as e:
            raise RuleError(f"{where}: {e}") from e


@cache
def load_rules(family: str, extra_fragments: tuple[tuple[str, str], ...] = ()) -> tuple[CompiledRule, ...]:
    """Load and compile `patterns/<family>.jsonl`, once per process."""
    path = patterns_dir() / f"{family}.jsonl"
    extra = dict(extra_fragments)
    out: list[CompiledRule] = []
    seen: dict[str, int] = {}
    for where, no, rule in jsonl_models(path, Rule):
        if rule.id in seen:
            raise RuleError(f"{where}: duplicate rule id {rule.id!r} (first at line {seen[rule.id]})")
        seen[rule.id] = no
        compiled_regex = compiled_requires = None
        if isinstance(rule.pattern, str):
            try:
                compiled_regex = compile_pattern(rule.pattern, rule.flags, extra)
                if rule.requires:
                    compiled_requires = compile_pattern(rule.requires, [], extra)
            except (regex.error, KeyError) as e:
                raise RuleError(f"{where}: rule {rule.id!r}: {e}") from e
        out.append(CompiledRule(rule=rule, regex=compiled_regex, requires=compiled_requires, where=where))
    return tuple(out)


# Where counts start. Count-anchored rules ("anchor": "count") begin with a count ({COUNT},
# {INT} or {WORDNUM}) and are tried only there: at a run of digits not inside another number
# or word, and not the whole part of a decimal ("2.5", which no count can be), or at a number
# word ("forty-two patients") that does not continue a number ("one hundred and twelve").
_DIGITS = cached_compile(r"(?<![\w.])(?:(?<!,)|(?<=\d{4},)|(?<=[^\W\d_],))\d++(?![.\u00b7]\d)")  # "2013,42", "seen,32": see numbers' INT


_SEPARATORS = frozenset("," + SEPARATOR_SPACES)  # thousands separators: see numbers._THOU
_NUMBER_WORD_LIST = sorted(list(UNITS_WORDS) + list(TENS_WORDS), key=len, reverse=True)
_NUMBER_WORDS = "|".join(_NUMBER_WORD_LIST)
# factored by shared beginnings: several times faster than a flat list of 29 words
_NUMBER_WORD_AT = cached_compile(rf"\b{trie_alternation(_NUMBER_WORD_LIST)}\b")  # on lower-cased text
_NUMBER_WORD_AT_I = cached_compile(_NUMBER_WORD_AT.pattern, regex.IGNORECASE)
register(_NUMBER_WORD_LIST)  # found by the one-pass index (`literals.whole_words`) where it can

# "... in surgical patients.Ninety patients were enrolled": a sentence glued to the one before
# (exports that drop the section labels between them); a lower-case word after the dot is not
_GLUED_SENTENCE = cached_compile(r"[^\W\d_]\.(?-i:[A-Z])|\)\.(?-i:[A-Z])")
# "one hundred and twelve": "twelve" continues a count, it does not start one
_WORD_NUMBER_BEFORE = cached_compile(
    rf"(?i:\b(?:{_NUMBER_WORDS}|hundred|thousand))(?:{WORD_JOIN}+and{WORD_JOIN}+|{WORD_JOIN}+)$"
)
# Year-anchored rules ("anchor": "year") run only in windows around a year.
_YEAR_ANYWHERE = cached_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_WINDOW = (60, 70)


class TextScan:
    """One abstract as the rules see it: the text, its lower-cased copy for the literal
    shortcuts, and the anchors (count starts, year windows), each found once and shared
    by every family that asks."""

    def __init__(self, text: str, warnings: list[str] | None = None) -> None:
        self.text = text
        self.timeout = regex_timeout(text)  # the bound of every regex call over this text
        low = lowered(text)
        self.low = LowText(low) if low is not None else None  # with every rule string's offsets
        self.warnings = warnings if warnings is not None else []
        self._counts: list[int] | None = None
        # the character after each digit run that is a count start (a count there ends
        # with the run), "" at the end of the text; absent where the count may go on
        # ("1,204": a thousands separator follows) and at number words
        self.after: dict[int, str] = {}
        self._windows: list[tuple[int, int, int]] | None = None
        self._admitted: dict[str | None, bool] = {}  # requires pattern -> whether the text passes it

    def count_starts(self) -> list[int]:
        if self._counts is None:
            text = self.text
            starts = []
            # no time bound: a fixed pattern of ours, linear (look-behinds of fixed width, a
            # possessive digit run), like `_YEAR_ANYWHERE`; regex reads the process's CPU clock
            # (a system call, ~0.5 us) at each match when given one, ~12 times an abstract here
            for m in _DIGITS.finditer(text):
                starts.append(m.start())
                nxt = text[m.end() : m.end() + 1]
                if nxt not in _SEPARATORS or not text[m.end() + 1 : m.end() + 2].isdigit():
                    self.after[m.start()] = nxt  # "12, 24": a comma, not a thousands separator
            low = self.low
            # the number words, read off the one-pass index where it holds them all
            words = whole_words(low, _NUMBER_WORD_LIST) if type(low) is LowText else None
            if words is None:
                words = [m.start() for m in (
                    _NUMBER_WORD_AT.finditer(low, timeout=self.timeout)
                    if low is not None
                    else _NUMBER_WORD_AT_I.finditer(text, timeout=self.timeout)
                )]
            for at in words:
                if at and text[at - 1] in ".," and not _GLUED_SENTENCE.match(text, max(0, at - 2)):
                    continue  # "x.one": inside something else
                if not _WORD_NUMBER_BEFORE.search(text, max(0, at - 20), at):
                    starts.append(at)
            starts.sort()
            self._counts = starts
        return self._counts

    def admits(self, cr: CompiledRule) -> bool:
        """`cr.applies` to this text, each distinct `requires` tested once: several rules
        share one ("studies|trials|RCTs...": the three pooled-review rules), and every family
        reads the same `TextScan`."""
        key = cr.requires.pattern if cr.requires is not None else None  # as expanded: families' fragments differ
        got = self._admitted.get(key)
        if got is None:
            got = self._admitted[key] = cr.applies(self.text, self.low)
        return got

    def year_windows(self) -> list[tuple[int, int, int]]:
        """(start, end, years in it) of the windows around the years, overlapping ones merged."""
        if self._windows is None:
            merged: list[tuple[int, int, int]] = []
            for m in _YEAR_ANYWHERE.finditer(self.text):
                a, b = max(0, m.start() - _YEAR_WINDOW[0]), min(len(self.text), m.end() + _YEAR_WINDOW[1])
                if merged and a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(merged[-1][1], b), merged[-1][2] + 1)
                else:
                    merged.append((a, b, 1))
            self._windows = merged
        return self._windows


_GROUP_NAME = cached_compile(r"\(\?P([<=])(\w+)([>)])")


# a bundle's parts for a subset of its rules, what may follow their counts, whether white space may
_BundlePlan = tuple[list[tuple[Any, ...]], "frozenset[str] | None", bool]


@dataclass
class _Together:
    """Several count-anchored rules as one pattern: each rule sits in a look-ahead of its
    own, so one `match` at a count start tries them all and keeps what each matched.
    Counts start 10-20 times an abstract, and one call (with its time bound) per start
    instead of one per rule and start is what this saves. Rules that open on the same
    count ("(?P<n>{COUNT})", perhaps behind the same look-behind) share it: the count is
    read once and each rule's rest is tried after it (a rule that fails on the character
    after the count then costs next to nothing; the family's cost as a whole measured the
    same within this VM's noise)."""

    pattern: regex.Pattern[str]
    parts: list[tuple[CompiledRule, str, list[tuple[str, str]]]]  # rule, its group, (name, renamed)
    # per part: what may follow its count (None: anything); where nothing a part allows
    # follows a count, the pattern is not tried there at all
    follows: list[Follow | None]
    # per part: the number of its group, the number of the shared count's group (-1: none,
    # the part's group spans the whole match) and (name, number) of the rule's own groups,
    # read off `Match.regs`: `Match.start(name)` looks the name up on each call (~0.4 us),
    # and a match at a count start asks for every part's group
    slots: list[tuple[int, int, list[tuple[str, int]]]]
    # per subset of its rules run over a text (ids, in order): `_bundle_plan`'s result, worked out once
    plans: dict[tuple[int, ...], _BundlePlan] = field(default_factory=dict)


# A rule's opening count, which rules may share: an optional simple look-behind, then the
# count as a named group of its own
_OPENING = cached_compile(r"^(?P<lb>(?:\(\?<!\[[^\]]*\]\))?)\(\?P<(?P<name>\w+)>")


@cache
def _count_pattern() -> str:
    return expand("{COUNT}")


def _opening(pattern: str) -> tuple[str, str, str] | None:
    """(look-behind, group name, rest) of a pattern opening on "(?P<name>{COUNT})", else None."""
    m = _OPENING.match(pattern)
    count = _count_pattern()
    if m is None or not pattern.startswith(count + ")", m.end()):
        return None
    return m.group("lb"), m.group("name"), pattern[m.end() + len(count) + 1 :]


_OpeningKey = tuple[str, bool, bool]  # (look-behind, IGNORECASE, VERBOSE): rules with one key share their count


def _shared_openings(rules: list[CompiledRule]) -> dict[int, _OpeningKey]:
    """Id of each rule whose opening count another rule of `rules` shares -> that opening's key."""
    keys: dict[int, _OpeningKey] = {}
    for cr in rules:
        assert cr.regex is not None
        o = _opening(cr.regex.pattern)
        if o is not None:
            keys[id(cr)] = (o[0], bool(cr.regex.flags & regex.IGNORECASE), bool(cr.regex.flags & regex.VERBOSE))
    counts: dict[_OpeningKey, int] = {}
    for key in keys.values():
        counts[key] = counts.get(key, 0) + 1
    return {i: key for i, key in keys.items() if counts[key] > 1}


@cache
def _together(family: tuple[CompiledRule, ...]) -> _Together:
    """The count rules of a family (`counting` set) as one pattern, built once per family."""
    rules = [cr for cr in family if cr.regex is not None and cr.counting]
    shared = _shared_openings(rules)
    pieces: list[str] = []
    parts = []
    heads: dict[_OpeningKey, tuple[str, list[str]]] = {}  # opening -> (its count group, rests)
    for k, cr in enumerate(rules):
        assert cr.regex is not None
        names: list[tuple[str, str]] = []

        def rename(m: regex.Match[str], k: int = k, names: list[tuple[str, str]] = names) -> str:
            new = f"_r{k}_{m.group(2)}"
            if m.group(1) == "<" and (m.group(2), new) not in names:
                names.append((m.group(2), new))
            return f"(?P{m.group(1)}{new}{m.group(3)}"

        flags = ("i" if cr.regex.flags & regex.IGNORECASE else "-i") + ("x" if cr.regex.flags & regex.VERBOSE else "")
        group = f"_r{k}"
        key = shared.get(id(cr))
        if key is None:
            body = _GROUP_NAME.sub(rename, cr.regex.pattern)
            pieces.append(f"(?:(?=(?P<{group}>(?{flags}:{body})))|)")
        else:
            lb, name, rest = _opening(cr.regex.pattern)  # type: ignore[misc]
            if key not in heads:
                heads[key] = (f"_c{len(heads)}", [])
                pieces.append(key)  # a placeholder, filled in below
            count_group, rests = heads[key]
            names.append((name, count_group))
            body = _GROUP_NAME.sub(rename, rest)
            rests.append(f"(?:(?=(?P<{group}>(?{flags}:{body})))|)")
        parts.append((cr, group, names))
    for key, (count_group, rests) in heads.items():
        lb, ignore, verbose = key
        flags = ("i" if ignore else "-i") + ("x" if verbose else "")
        head = f"(?:(?=(?{flags}:{lb})(?P<{count_group}>(?{flags}:{_count_pattern()})){''.join(rests)})|)"
        pieces[pieces.index(key)] = head  # type: ignore[arg-type]
    follows = [after_count(cr.regex.pattern, cr.regex.flags) if cr.count_group_first and cr.regex else None
               for cr, _, _ in parts]
    pattern = cached_compile("".join(pieces))  # type: ignore[arg-type]
    index = pattern.groupindex
    slots = [
        (index[group], index[heads[shared[id(cr)]][0]] if id(cr) in shared else -1, [(old, index[new]) for old, new in names])
        for cr, group, names in parts
    ]
    return _Together(pattern, parts, follows, slots)


@cache
def _bundles(family: tuple[CompiledRule, ...]) -> tuple[tuple[frozenset[int], _Together], ...]:
    """The family's count rules as the patterns `_run_counts` tries at each count start:
    (ids of its rules, their `_Together`). A rule with a `requires` that shares no opening
    count with another rule (`separate`) is a pattern of its own, tried only in the texts
    that pass its `requires` (most do not: "women|men|males?...", a bracketed
    abbreviation), where in the family's pattern it cost its own count and rest at every
    count start of every text; the others make one pattern, as in `_together`."""
    rules = [cr for cr in family if cr.regex is not None and cr.counting]
    alone = separate(family)
    together = tuple(cr for cr in rules if id(cr) not in alone)
    out = [(frozenset(id(cr) for cr in together), _together(together))] if together else []
    out.extend((frozenset({id(cr)}), _together((cr,))) for cr in rules if id(cr) in alone)
    return tuple(out)


@cache
def separate(family: tuple[CompiledRule, ...]) -> frozenset[int]:
    """Ids of the count rules with a `requires`, or with a narrow follow (no white space, a
    few characters: only ")" after the count of "Patients (45) underwent ..."), that open on
    no count they share with another rule of the family (see `_bundles`): a rule of its own
    is tried only at the count starts its follow admits, where in the family's pattern it
    cost its count and rest at every count start (cohort.n_bracketed: 3 matches over the
    corpus, ~15 us an abstract in the family's pattern)."""
    rules = [cr for cr in family if cr.regex is not None and cr.counting]
    shared = _shared_openings(rules)
    return frozenset(id(cr) for cr in rules
                     if (cr.requires is not None or _narrow_follow(cr)) and id(cr) not in shared)


def _narrow_follow(cr: CompiledRule) -> bool:
    """What may follow the rule's count is a few characters and no white space."""
    if not cr.count_group_first or cr.regex is None:
        return False
    follow = after_count(cr.regex.pattern, cr.regex.flags)
    return follow is not None and not follow[1] and 0 < len(follow[0]) <= 3


def _run_counts(
    family: tuple[CompiledRule, ...], rules: list[CompiledRule], scan_: TextScan, found: dict[str, list[Hit]]
) -> None:
    """The count-anchored `rules` that apply to this text, tried together at each count
    start (see `_Together`, `_bundles`); if that hits the time bound, one at a time, so
    only the slow rule is skipped. The family's count rules make a few patterns, each
    compiled once (a pattern per subset would cost a compile of ~70 ms for each subset
    met); the matches of rules that do not apply are dropped."""
    starts = scan_.count_starts()
    if not starts:
        return
    for ids, together in _bundles(family):
        sub = [cr for cr in rules if id(cr) in ids]
        if sub:
            if len(sub) < len(ids):
                # a rule whose words or `requires` the text lacks is left out of the pattern: it
                # cost its rest at every count start. A family's texts make a handful of subsets
                # (cohort: 6 over the corpus), each compiled once (and kept: regexcache)
                together = _together(tuple(sub))
            _run_bundle(together, sub, scan_, starts, found)


def _bundle_plan(together: _Together, rules: list[CompiledRule]) -> _BundlePlan:
    """(the parts of `together` that are `rules`', with their groups' slots; what may follow a count for
    any of them, as one test (None: anything may); whether white space may), worked out once for each
    pattern and subset of its rules and kept on the pattern (`_Together.plans`): a text meets only a few
    subsets, and each bundle is run for every text (~3 us a call, four calls an abstract, when it was
    worked out each time). The rules are parts of `together`, which keeps them alive: their ids stay theirs."""
    key = tuple(id(cr) for cr in rules)
    kept = together.plans.get(key)
    if kept is not None:
        return kept
    wanted = set(key)
    parts = [(part[0], *slot) for part, slot in zip(together.parts, together.slots, strict=True) if id(part[0]) in wanted]
    follows = [f for part, f in zip(together.parts, together.follows, strict=True) if id(part[0]) in wanted]
    chars: frozenset[str] | None = None
    space = False
    if all(f is not None for f in follows):
        chars = frozenset().union(*(f[0] for f in follows if f is not None))
        space = any(f[1] for f in follows if f is not None)
    plan: _BundlePlan = (parts, chars, space)
    together.plans[key] = plan
    return plan


def _run_bundle(
    together: _Together, rules: list[CompiledRule], scan_: TextScan, starts: list[int], found: dict[str, list[Hit]]
) -> None:
    """The `rules` of one pattern of `_bundles` at each count start."""
    text = scan_.text
    parts, chars, space = _bundle_plan(together, rules)
    after = scan_.after
    # the pattern's bound method, its time bound (if any: `regex_timeout`) passed by position:
    # the keyword form costs more than the match itself at most count starts (regex parses
    # keywords on each call)
    match = together.pattern.match
    bound = scan_.timeout
    try:
        for pos in starts:
            nxt = after.get(pos)
            if chars is not None and nxt is not None and not (nxt in chars or (space and nxt.isspace())):
                continue  # "45%", "2010-2015", "45/60": no rule here can go on from this count
            m = match(text, pos) if bound is None else match(text, pos, None, None, False, bound)
            if m is None:
                continue
            regs = m.regs  # (start, end) of every group, (-1, -1) where it took no part
            for cr, group, head, names in parts:
                a, b = regs[group]
                if a < 0:
                    continue
                if head >= 0:
                    a = regs[head][0]  # the rule's match opens at its shared count
                if cr.counting == "leftmost" and found[cr.id] and a < found[cr.id][-1].end:
                    continue  # inside this rule's previous match, which finditer would not revisit
                groups = _groups(regs, text, names)
                found[cr.id].append(
                    Hit(rule=cr.id, label=cr.label, start=a, end=b, text=text[a:b],
                        groups=groups, attrs=dict(cr.rule.attrs))
                )
        return
    except TimeoutError:
        for cr in rules:
            found[cr.id] = []
    for cr in rules:
        assert cr.regex is not None
        try:
            for pos in starts:
                if cr.counting == "leftmost" and found[cr.id] and pos < found[cr.id][-1].end:
                    continue
                one = cr.regex.match(text, pos, timeout=REGEX_TIMEOUT_S)
                if one is not None:
                    found[cr.id].append(hit_from_match(cr, one))
        except TimeoutError:
            found[cr.id] = []
            scan_.warnings.append(f"rule {cr.id} hit the {REGEX_TIMEOUT_S}s matching bound; skipped")


def run_rules(rules: tuple[CompiledRule, ...], scan_: TextScan) -> list[Hit]:
    """Every match of the regex rules over the text, rule by rule in order.

    A plain rule gives what `finditer` over the whole text gives. An anchored rule
    (attrs "anchor") is tried only where its anchor occurs: "count", a match starting
    at each count (overlapping matches allowed); "year", matches within the windows
    around each year. A rule that hits the time bound is skipped with a warning."""
    text, low, bound = scan_.text, scan_.low, scan_.timeout
    found: dict[str, list[Hit]] = {}
    counted: list[CompiledRule] = []
    for cr in rules:
        if cr.regex is None:
            continue
        if low is not None and cr.contains is not None and not holds_any(low, cr.contains):
            continue  # cheapest test first: the words every match holds are absent
        if low is not None and cr.also and not holds_all(low, cr.also):
            continue  # ... or words of another part of every match
        if cr.counting:  # its `requires` is tested below
            found[cr.id] = []
            counted.append(cr)
            continue
        if cr.requires is not None and not scan_.admits(cr):
            continue
        anchor = cr.anchor
        out = found[cr.id] = []
        try:
            if anchor == "year":
                # attrs "years": how many years every match holds ("2010 to 2015": 2); a window
                # with fewer cannot hold a match
                least = cr.rule.attrs.get("years", 1)
                need = cr.contains
                for a, b, years in scan_.year_windows():
                    if years < least:
                        continue
                    if need is not None and low is not None and not _window_holds(low, a, b, need):
                        continue  # a match lies within its window: one without the rule's words has none
                    for m in cr.regex.finditer(text, a, b, timeout=bound):
                        out.append(hit_from_match(cr, m))
            else:
                for m in scan(cr.regex, text, low, None, cr.leading, bound):  # contains: tested above
                    out.append(hit_from_match(cr, m))
        except TimeoutError:
            found[cr.id] = []
            scan_.warnings.append(f"rule {cr.id} hit the {REGEX_TIMEOUT_S}s matching bound; skipped")
    # A count rule's `requires` is tested before the count patterns run: a rule the text
    # does not admit is left out of them (`_run_counts`), where it cost its rest at every
    # count start, and when no rule is left they need not run at all.
    counted = [cr for cr in counted if cr.requires is None or scan_.admits(cr)]
    if counted:
        _run_counts(rules, counted, scan_, found)
    return [h for hs in found.values() for h in hs]


def _window_holds(low: str, a: int, b: int, strings: Literals) -> bool:
    """Whether `low[a:b]` holds one of the strings (`low.find` within the bounds: no copy)."""
    find = low.find
    for s in strings:
        if find(s, a, b) >= 0:
            return True
    return False


def _groups(regs: tuple[tuple[int, int], ...], text: str, slots: list[tuple[str, int]]) -> dict[str, tuple[int, int, str]]:
    """A hit's groups, (start, end, text) by name, from a match's `regs` and the (name, number) slots
    of the groups wanted; a group that took no part is left out."""
    groups = {}
    for name, i in slots:
        a, b = regs[i]
        if a >= 0:
            groups[name] = (a, b, text[a:b])
    return groups


def hit_from_match(cr: CompiledRule, m: regex.Match[str]) -> Hit:
    regs = m.regs  # (start, end) of every group, (-1, -1) where it took no part
    text = m.string
    groups = _groups(regs, text, cr.slots)
    a, b = regs[0]
    return Hit(
        rule=cr.id,
        label=cr.label,
        start=a,
        end=b,
        text=text[a:b],
        groups=groups,
        attrs=dict(cr.rule.attrs),
    )
