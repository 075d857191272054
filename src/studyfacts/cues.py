"""Context cues as data, and the one algorithm that weighs them (after medspaCy's ConText).

A family's cues live in `patterns/cues/<family>.jsonl`, one a line. Each says
what it is (`category`: cohort-verb, subgroup, excluded, planned, per-arm ...),
where it is looked for (`direction`: the words just `left` of a candidate, just
`right` of it, or `between` the count and its noun), how far (`scope`, in
characters, never past the sentence), and what it does (`effect`):

* `weight`: adds `weight` to the candidate's score. Cues sharing a `group`
  count once, the strongest that matched ("We enrolled" and "were enrolled"
  are one piece of evidence, not two).
* `veto`: the candidate is not what the family counts ("were excluded", "(12%)").
* `terminate`: a left cue that ends the scope of the left cues after it, as
  ConText's terminators do: "Of the 26 volunteers, 13 were male" reads the
  cohort 26 without the "of" before it making it a subgroup.

`unless_count` names a group of the pattern that cancels the cue when it holds
the candidate's own number. `applies_to` limits a cue to some candidate kinds (a rule id's last part, or a
noun class such as `sex`, or one noun as `noun:cases`); `with` and `unless` make it depend on cues listed
before it in the file (by id, or `category:NAME`). A cue read only by a component's code, by its id, names a
kind no candidate has (`funnel`, `groups`), so that `assess` never weighs it. Every cue carries
`examples` (windows it must match, in its direction) and may carry
`counter_examples` (windows it must not); the test suite runs both.

Left patterns are anchored at the end of the left window, right patterns at the
start of the right window; `between` patterns are searched anywhere in the words
between count and noun. A family's scoring (base weight per candidate kind,
section weights, the threshold) lives in `patterns/cues/<family>_scoring.json`.
"""

from __future__ import annotations

import functools
import json
import operator
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any, Literal

import ahocorasick
import regex
from pydantic import BaseModel, ConfigDict, Field

from .literals import Literals, analyse, holds_any, lowered
from .numbers import expand, parse_int
from .rules import RuleError, compile_pattern, jsonl_models, patterns_dir


class CueRule(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    id: str = Field(pattern=r"^[a-z0-9_.\-]+$")
    category: str
    direction: Literal["left", "right", "between"]
    effect: Literal["weight", "veto", "terminate"]
    weight: float = 0.0
    scope: int = Field(default=60, ge=1, le=400, description="characters looked at, never past the sentence")
    group: str | None = None
    # a named group of the pattern: when it holds the candidate's own number, the cue does
    # not hold ("32 patients (15/32 in hospital)" is a breakdown of the 32, not a share)
    unless_count: str | None = None
    applies_to: list[str] = Field(default_factory=list)
    with_: list[str] = Field(default_factory=list, alias="with")
    unless: list[str] = Field(default_factory=list)
    pattern: str
    flags: list[str] = Field(default_factory=list)
    # strings (lower case) of which every match holds one, for a pattern the literal analysis
    # cannot read ("(" for a count inside a bracket): the window is searched only when one is there
    needs: list[str] = Field(default_factory=list)
    examples: list[str] = Field(default_factory=list, min_length=1)
    counter_examples: list[str] = Field(default_factory=list)
    why: str


@dataclass(frozen=True)
class Cue:
    rule: CueRule
    regex: regex.Pattern[str]
    needs: Literals | None = None  # lower-cased strings every match holds (literals.analyse)

    @property
    def id(self) -> str:
        return self.rule.id

    def found(self, window: str, low: str | None = None) -> regex.Match[str] | None:
        """The cue's match in a window (`low`: the window lower-cased, for the literal shortcut)."""
        if self.needs is not None and low is not None and not holds_any(low, self.needs):
            return None
        if self.rule.direction == "right" or self.rule.direction == "left" and window[-1:] != "\n":
            return self.regex.match(window)  # a left cue: see `_anchor`
        return self.regex.search(window)


@dataclass
class Assessment:
    """What the cues around one candidate say: its score, or why it is out."""

    score: float = 0.0
    veto: str | None = None  # "category 'matched text'" of the first veto
    matched: list[str] = field(default_factory=list)  # ids of the cues that matched
    categories: set[str] = field(default_factory=set)  # and their categories

    def why(self) -> str:
        if self.veto:
            return f"out: {self.veto}"
        return f"score {self.score:g}" + (f" ({', '.join(self.matched)})" if self.matched else "")


@dataclass(frozen=True)
class Scoring:
    threshold: float
    base: dict[str, float]
    sections: dict[str, Any]
    # categories that make a later candidate the cohort over the first one stated ("445 (62%)
    # responded", "The analysis included 169 survivors"): the analysed cohort at a funnel's end
    decisive: frozenset[str] = frozenset()
    decisive_rules: frozenset[str] = frozenset()  # candidate kinds decisive by their own wording ("445 responded")


@dataclass(frozen=True)
class CueSet:
    family: str
    cues: tuple[Cue, ...]
    scoring: Scoring

    def _for(self, kinds: frozenset[str]) -> _Plans:
        """The cues that apply to candidates of these kinds, in file order, each as the plain
        tuple `assess` reads, with the bit masks that pick those a window can match (computed
        once per set of kinds)."""
        got = self._by_kinds.get(kinds)
        if got is None:
            plans = tuple(plan for c, plan in zip(self.cues, self._plans, strict=True)
                          if not c.rule.applies_to or kinds.intersection(c.rule.applies_to))
            # bit i stands for plans[i]: cues with no `needs` (and `between` cues, which do not
            # read them) are always tried; a left or right cue with `needs`, when its window
            # holds one of them
            always = 0
            by_need: dict[str, dict[str, int]] = {"left": {}, "right": {}}
            for i, plan in enumerate(plans):
                direction, needs = plan[1], plan[6]
                if needs is None or direction == "between":
                    always |= 1 << i
                else:
                    for n in needs:
                        by_need[direction][n] = by_need[direction].get(n, 0) | 1 << i
            every = {d: functools.reduce(operator.or_, masks.values(), 0) for d, masks in by_need.items()}
            got = (plans, always, by_need["left"], by_need["right"], every["left"], every["right"])
            self._by_kinds[kinds] = got
        return got

    @cached_property
    def _by_kinds(self) -> dict[frozenset[str], _Plans]:
        return {}

    @cached_property
    def _plans(self) -> tuple[_Plan, ...]:
        """Every cue's plan, built once: a new set of kinds (each noun counted makes one) only
        picks among them."""
        return tuple(_plan(c) for c in self.cues)

    @cached_property
    def _needs_index(self) -> Any:
        """Every left and right cue's `needs` in one Aho-Corasick automaton: one pass over a
        candidate's window tells which of them it holds (see `assess`)."""
        machine = ahocorasick.Automaton()
        for c in self.cues:
            if c.needs is not None and c.rule.direction != "between":
                for n in c.needs:
                    machine.add_word(n, n)
        machine.make_automaton()
        return machine

    @cached_property
    def left_scope(self) -> int:
        return max((c.rule.scope for c in self.cues if c.rule.direction == "left"), default=0)

    @cached_property
    def right_scope(self) -> int:
        return max((c.rule.scope for c in self.cues if c.rule.direction == "right"), default=0)

    def cue(self, cue_id: str) -> Cue:
        return self._by_id[cue_id]

    @cached_property
    def _by_id(self) -> dict[str, Cue]:
        return {c.id: c for c in self.cues}

    def assess(
        self,
        text: str,
        start: int,
        end: int,
        sentence: tuple[int, int],
        kinds: frozenset[str],
        between: str = "",
        base: float = 0.0,
        value: int | None = None,
    ) -> Assessment:
        """Weigh the cues around the candidate `text[start:end]` of the given kinds (`value`: its number)."""
        s, e = sentence
        left_full = max(s, start - self.left_scope)
        left_from = left_full
        right_end = min(e, end + self.right_scope)
        low_left = lowered(text[left_full:start])
        low_right = lowered(text[end:right_end])
        # the cues worth trying: those whose `needs` the whole window holds (found in one pass
        # over it) and those that have none; the others (most of the ~80 a candidate) are not
        # visited at all
        plans, live, left_need, right_need, left_every, right_every = self._for(kinds)
        index = self._needs_index
        if low_left is None:
            live |= left_every  # no lower-cased copy, no shortcut: try them all
        elif low_left:
            for _, n in index.iter(low_left):
                live |= left_need.get(n, 0)
        if low_right is None:
            live |= right_every
        elif low_right:
            for _, n in index.iter(low_right):
                live |= right_need.get(n, 0)
        score = base
        groups: dict[str, float] = {}
        categories: set[str] = set()
        matched: set[str] = set()
        order: list[str] = []
        # a left cue's match ends at the window's end, so it is tried there only (`_anchor`),
        # unless the window ends with a line break, where `$` also holds one character earlier
        left_nl = start > 0 and text[start - 1] == "\n"
        # one pass over the live cues in file order (lowest bit first), the attributes read from
        # a plain tuple: this loop runs ~30 times a candidate, so every step in it is kept plain
        while live:
            bit = live & -live
            live ^= bit
            rule, direction, scope, effect, with_, unless, needs, match, search = plans[bit.bit_length() - 1]
            if with_ is not None and not (with_[0] <= matched and with_[1] <= categories):
                continue
            if unless is not None and not (unless[0].isdisjoint(matched) and unless[1].isdisjoint(categories)):
                continue
            if direction == "left":
                a = start - scope
                if a < left_from:
                    a = left_from
                if needs is not None and low_left is not None:
                    if a > left_full:  # a narrower window than the one the index read: look again
                        # the literal shortcut, inline: `in` tests on one slice cost less than a call
                        low = low_left[a - left_full :]
                        for n in needs:
                            if n in low:
                                break
                        else:
                            continue
                window = text[a:start]
                m = search(window) if left_nl else match(window)
            elif direction == "right":
                b = end + scope
                if b > e:
                    b = e
                if needs is not None and low_right is not None:
                    if b < right_end:
                        low = low_right[: b - end]
                        for n in needs:
                            if n in low:
                                break
                        else:
                            continue
                window = text[end:b]
                m = match(window)
            else:
                window = between
                m = search(window)
            if m is None:
                continue
            if rule.unless_count is not None and value is not None and parse_int(m.group(rule.unless_count) or "") == value:
                continue
            matched.add(rule.id)
            categories.add(rule.category)
            order.append(rule.id)
            if effect == "veto":
                return Assessment(score, f"{rule.category} {m.group(0).strip()!r}", order, categories)
            if effect == "terminate":
                left_from = max(left_from, start - len(window) + m.end())
                continue
            if rule.group is None:
                score += rule.weight
            else:
                groups[rule.group] = max(groups.get(rule.group, rule.weight), rule.weight, key=abs)
        return Assessment(score + sum(groups.values()), None, order, categories)


# what `assess` reads of a cue: rule, direction, scope, effect, with, unless, needs, match,
# search; `with` and `unless` as (cue ids, categories), set tests instead of a loop over the
# references, None when the cue has none
_Refs = tuple[frozenset[str], frozenset[str]]
_Plan = tuple[CueRule, str, int, str, "_Refs | None", "_Refs | None", "Literals | None", Any, Any]
# the plans of a set of kinds, then bit masks over them (bit i: plans[i]): the cues always tried,
# the left and the right cues by each string of their needs, and every left and right cue with needs
_Plans = tuple[tuple[_Plan, ...], int, dict[str, int], dict[str, int], int, int]


def _refs(refs: list[str]) -> _Refs | None:
    if not refs:
        return None
    return (frozenset(r for r in refs if not r.startswith("category:")),
            frozenset(r.removeprefix("category:") for r in refs if r.startswith("category:")))


def _plan(cue: Cue) -> _Plan:
    r = cue.rule
    return (r, r.direction, r.scope, r.effect, _refs(r.with_), _refs(r.unless), cue.needs, cue.regex.match,
            cue.regex.search)


def _anchor(rule: CueRule) -> str:
    if rule.direction == "left":
        # searched right to left (REVERSE): the match must end at the window's end. `match` of a
        # REVERSE pattern tries that one position only (`search` tried every position leftwards,
        # each failing at `$`, ~1 us a cue); it finds what `search` finds, except where `$` holds
        # before a final line break, so a window ending with "\n" is still searched
        return f"(?r)(?:{rule.pattern})$"
    if rule.direction == "right":
        return f"(?:{rule.pattern})"
    return rule.pattern


@cache
def load_cues(
    family: str,
    extra_fragments: tuple[tuple[str, str], ...] = (),
    reverse_fragments: tuple[tuple[str, str], ...] = (),
) -> CueSet:
    """`patterns/cues/<family>.jsonl` and `patterns/cues/<family>_scoring.json`, validated and compiled.
    `reverse_fragments`: forms of some of the extra fragments for the left cues, which are matched
    right to left (a word list factored by endings: `rules.lexicon_alternation(..., reverse=True)`);
    they must match the same strings as the forms they stand for."""
    path = patterns_dir() / "cues" / f"{family}.jsonl"
    extra = dict(extra_fragments)
    leftward = {**extra, **dict(reverse_fragments)}
    cues: list[Cue] = []
    seen: set[str] = set()
    categories: set[str] = set()
    for where, _, rule in jsonl_models(path, CueRule):
        if rule.id in seen:
            raise RuleError(f"{where}: duplicate cue id {rule.id!r}")
        for ref in rule.with_ + rule.unless:
            known = categories if ref.startswith("category:") else seen
            if ref.removeprefix("category:") not in known:
                raise RuleError(f"{where}: {ref!r} must name a cue or category listed before this line")
        if rule.effect == "terminate" and rule.direction != "left":
            raise RuleError(f"{where}: only left cues terminate")
        try:
            compiled = compile_pattern(_anchor(rule), rule.flags, leftward if rule.direction == "left" else extra)
        except (regex.error, KeyError) as e:
            raise RuleError(f"{where}: pattern does not compile: {e}") from e
        if rule.unless_count is not None and rule.unless_count not in compiled.groupindex:
            raise RuleError(f"{where}: unless_count {rule.unless_count!r} is not a group of the pattern")
        if rule.needs:
            needs: Literals | None = tuple(rule.needs)
            missing = [e for e in rule.examples if not any(n in e.lower() for n in rule.needs)]
            if missing:
                raise RuleError(f"{where}: example {missing[0]!r} holds none of its needs {rule.needs}")
        else:
            needs, _ = analyse(expand(rule.pattern, extra), regex.IGNORECASE if "CASE" not in rule.flags else 0)
        cues.append(Cue(rule, compiled, needs))
        seen.add(rule.id)
        categories.add(rule.category)
    spath = patterns_dir() / "cues" / f"{family}_scoring.json"
    try:
        data = json.loads(spath.read_text(encoding="utf-8"))
        scoring = Scoring(float(data["threshold"]), {k: float(v) for k, v in data["base"].items()}, data["sections"],
                          frozenset(data.get("decisive", {}).get("categories", [])),
                          frozenset(data.get("decisive", {}).get("rules", [])))
    except (OSError, json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as e:
        raise RuleError(f"{spath}: {e}") from e
    unknown = scoring.decisive - categories
    if unknown:
        raise RuleError(f"{spath}: decisive names categories no cue has: {sorted(unknown)}")
    return CueSet(family, tuple(cues), scoring)
