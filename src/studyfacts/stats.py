"""The statistic-expression grammar: how abstracts print a central value and what qualifies it.

One grammar, read in one place, for every family that reads statistics (pain,
follow-up; age once the cohort family is wired to it). Its pieces are named
fragments kept as data in `patterns/grammar/stats.jsonl`, one a line, each with
examples and counter-examples that the test suite runs (`tests/test_stats.py`):

* `VALUE`: a printed central value ("6.8"), never the inside of a word,
  ratio, threshold or thousands group;
* `NOT_CENTRAL`: what, right after a number, makes it something else
  (a percentage, a range start, a time, a dose, a count of things);
* `SCORE_UNIT` (mm, cm, points), `OUT_OF` ("/10", "of 10"), `PM_SD` ("± 1.1"),
  `QUALIFIER` (one bracket after the value);
* `EXPRESSION`: the assembly, `{VALUE}{NOT_CENTRAL}` + unit + out-of + SD + qualifier;
* `Q_*`: readers of a qualifier's inside (named SD, range, IQR, CI, an
  unnamed pair, p-value, a count's percentage, a duration, a median cue);
* `PVALUE`, `STAT_WORD`.

A fragment may use the shared number fragments of `numbers.py` (`{NUM}`,
`{PM}` ...) and any fragment defined above it in the file. To add one: write a
line with `id`, `label` (the fragment's name), `pattern`, `examples`,
`counter_examples` and `why`; refer to it as `{LABEL}` from a later fragment or
from a family's rule file (`load_rules(family, stats.rule_fragments())`).

The API is small:

* `expression(text, pos)` / `expressions(text, start, end)`: `StatExpr`s;
* `read_qualifier(inner, stat=...)`: a `Qualifier` (sd, iqr, range, p, role);
* `p_value(op, value)`: a `PValue`, or None when it is not a probability;
* `fragment(name)` / `rule_fragments()`: fragment sources for other rules.

Nothing here raises on any text, and every regex is compiled once, when the
module is imported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

import regex

from .models import PValue
from .numbers import clean_number, expand, parse_num
from .regexcache import cached_compile
from .rules import Rule, RuleError, jsonl_models, patterns_dir

_OP_NORMAL = {"\u2264": "<=", "\u2265": ">=", "==": "=", "<or=": "<="}


@dataclass(frozen=True)
class Fragment:
    name: str
    source: str  # the pattern as written, fragments not yet substituted
    expanded: str  # every {NAME} substituted
    rule: Rule


@cache
def fragments() -> dict[str, Fragment]:
    """`patterns/grammar/stats.jsonl`, validated and expanded in file order (a fragment may use earlier ones)."""
    path = patterns_dir() / "grammar" / "stats.jsonl"
    out: dict[str, Fragment] = {}
    seen: dict[str, int] = {}
    for where, no, rule in jsonl_models(path, Rule):
        if not isinstance(rule.pattern, str):
            raise RuleError(f"{where}: a grammar fragment is a regex string")
        if rule.id in seen or rule.label in out:
            raise RuleError(f"{where}: duplicate fragment {rule.id!r} / {rule.label!r}")
        seen[rule.id] = no
        try:
            expanded = expand(rule.pattern, {k: v.expanded for k, v in out.items()})
            cached_compile(expanded, regex.IGNORECASE)
        except (regex.error, KeyError) as e:
            raise RuleError(f"{where}: fragment {rule.label!r}: {e}") from e
        out[rule.label] = Fragment(rule.label, rule.pattern, expanded, rule)
    return out


def fragment(name: str) -> str:
    """The expanded regex source of one fragment (for building another family's regex)."""
    return fragments()[name].expanded


@cache
def rule_fragments() -> tuple[tuple[str, str], ...]:
    """All fragments as `extra_fragments` for `rules.load_rules`: rule files may write `{EXPRESSION}`."""
    return tuple((k, v.expanded) for k, v in fragments().items())


@cache
def _compiled(name: str) -> regex.Pattern[str]:
    return cached_compile(fragment(name), regex.IGNORECASE)


@dataclass
class Qualifier:
    """What one bracket after a value says about it."""

    sd: float | None = None
    iqr: tuple[float, float] | None = None
    range: tuple[float, float] | None = None
    p: PValue | None = None
    median: bool = False  # the bracket names the median or its IQR
    role: str = "score"  # "score" | "count" (a percentage or n inside) | "duration" | "ci" | "label"
    label: str | None = None  # a bare word: the arm or condition the value is for ("[blade]")


@dataclass
class StatExpr:
    """One central value and its qualifiers, with char offsets into the text it was read from."""

    start: int
    end: int
    central: float
    central_start: int
    central_end: int
    unit: str | None = None  # "mm" | "cm" | "points"
    out_of: bool = False
    sd: float | None = None
    inner: str | None = None
    inner_start: int | None = None


_WORD_LABEL = cached_compile(r"^\s*(?P<w>[A-Za-z][\w\-+ ]{0,30})\s*$")
_BEFORE_FIGURES = cached_compile(r"\b(?:SD|s\.d\.|standard\s+deviation)\b", regex.IGNORECASE)


_SPACE_RUNS = cached_compile(r"\s+")
_TIMES_TEN = cached_compile(r"\s*[x\u00d7]\s*10\s*[-\u2212]\s*(\d+)")  # "2 x 10-4" -> "2e-4"


def p_value(op: str, val: str) -> PValue | None:
    """'<', '.001' -> PValue(op='<', value=0.001); None when it is not a probability."""
    op = _SPACE_RUNS.sub("", op or "")
    op = _OP_NORMAL.get(op, op)
    v = parse_num(_TIMES_TEN.sub(r"e-\1", val or ""))
    if v is None or not 0 <= v <= 1 or op not in ("<", "=", ">", "<=", ">="):
        return None
    return PValue(op=op, value=v)


# the level of a confidence interval ("95% CI", "90 % confidence interval"): no percentage of a count
_CI_LEVEL = cached_compile(r"\b\d{2}(?:\.\d+)?\s*%\s*(?=(?:CI|C\.I\.|confidence\s+intervals?)\b)", regex.IGNORECASE)


def read_qualifier(inner: str, *, median: bool = False, sd_named_before: bool = False) -> Qualifier:
    """Read the inside of a bracket after a value: '(range, 0–9; p < 0.0001)', '[IQR 7-9]', '(SD 1.4)'.

    `median`: the statistic is already known to be a median (an unnamed pair is then its IQR);
    `sd_named_before`: the text said 'mean (SD)' before the figures, so a bare number is the SD.
    """
    q = Qualifier()
    pm = _compiled("PVALUE").search(inner)
    if pm:
        q.p = p_value(pm.group("op"), pm.group("val"))
    if _compiled("Q_COUNT").search(_CI_LEVEL.sub("", inner)):  # "(95% CI 5.1-7.3)": the 95% is the CI's level
        q.role = "count"
        return q
    if _compiled("Q_DURATION").search(inner):
        q.role = "duration"
        return q
    if _compiled("Q_CI").search(inner):
        q.role = "ci"
        return q
    q.median = median or _compiled("Q_MEDIAN").search(inner) is not None
    rest = inner[: pm.start()] if pm else inner
    m = _compiled("Q_SD").match(rest)
    if m:
        q.sd = parse_num(m.group("a"))
        return q
    for name, attr in (("Q_IQR", "iqr"), ("Q_RANGE", "range")):
        m = _compiled(name).search(rest)
        if m:
            lo, hi = parse_num(m.group("a")), parse_num(m.group("b"))
            if lo is not None and hi is not None and lo <= hi:
                setattr(q, attr, (clean_number(lo), clean_number(hi)))
                if attr == "iqr":
                    q.median = True
            return q
    m = _compiled("Q_PAIR").search(rest)
    if m:
        lo, hi = parse_num(m.group("a")), parse_num(m.group("b"))
        if lo is not None and hi is not None and lo <= hi:
            pair = (clean_number(lo), clean_number(hi))
            if q.median:
                q.iqr = pair
            else:
                q.range = pair
        return q
    m = _compiled("Q_SD_BARE").match(rest)
    if m and sd_named_before:
        q.sd = parse_num(m.group("a"))
        return q
    w = _WORD_LABEL.match(rest)
    if w and not pm and not _compiled("STAT_WORD").search(rest):
        q.role = "label"
        q.label = w.group("w").strip()
    return q


def _unit(u: str | None) -> str | None:
    if not u:
        return None
    u = u.lower()
    return "points" if u.startswith("point") else u


def _make(m: regex.Match[str]) -> StatExpr | None:
    central = parse_num(m.group("central"))
    if central is None:
        return None
    sd = parse_num(m.group("sd")) if m.group("sd") else None
    inner = m.group("inner")
    return StatExpr(
        start=m.start(),
        end=m.end(),
        central=central,
        central_start=m.start("central"),
        central_end=m.end("central"),
        unit=_unit(m.group("unit") or m.group("sdunit")),
        out_of=_compiled("OUT_OF").search(m.group(), m.end("central") - m.start()) is not None,
        sd=sd,
        inner=inner,
        inner_start=m.start("inner") if inner is not None else None,
    )


def expression(text: str, pos: int = 0) -> StatExpr | None:
    """The statistic expression that starts exactly at `pos`, or None."""
    m = _compiled("EXPRESSION").match(text, pos)
    return _make(m) if m else None


def expressions(text: str, start: int = 0, end: int | None = None) -> list[StatExpr]:
    """Every statistic expression in text[start:end], left to right."""
    out = []
    for m in _compiled("EXPRESSION").finditer(text, start, len(text) if end is None else end):
        e = _make(m)
        if e is not None:
            out.append(e)
    return out


def sd_named_before(text: str) -> bool:
    """'mean (SD)', 'mean ± SD' written before the figures: a bare bracketed number is then the SD."""
    return _BEFORE_FIGURES.search(text) is not None


# -- durations: one statistic read token by token (follow-up, and age in the cohort family) --------

# Duration units as written -> the contract's spelling.
UNITS: dict[str, str] = {
    "years": "years",
    "year": "years",
    "yrs": "years",
    "yr": "years",
    "y": "years",
    "months": "months",
    "month": "months",
    "mos": "months",
    "mo": "months",
    "m": "months",
    "weeks": "weeks",
    "week": "weeks",
    "wks": "weeks",
    "wk": "weeks",
    "w": "weeks",
    "days": "days",
    "day": "days",
    "d": "days",
}
DURATION_ALT = "|".join(sorted(UNITS, key=len, reverse=True))
# a unit of time; the full stop after it is its own only when the unit is shortened ("24 mo. (range"), so a
# figure's span does not take the stop that ends its sentence ("Mean age was 39.7 years.")
_DUR = rf"(?:{DURATION_ALT})\b(?:(?<=\b(?:yrs?|y|mos?|m|wks?|w|d))\.)?"

# One token of a statistic: a keyword, a number (with ± SD or a range), a unit, a bracket,
# punctuation, a filler word, or any other word (which ends the statistic). A comparison sign
# stops it: "median age was > 40 y in 12.5%" states a threshold, not the statistic.
# Built without VERBOSE: the {PM} fragment holds a literal space ("+ / -") that VERBOSE would drop.
_TOKEN = cached_compile(
    expand(
        r"\s*(?:"
        r"(?P<kw>{STAT_KEYWORD})\b"
        r"|(?P<num>{NUM})(?:\s*{PM}\s*(?P<sd>{NUM}))?(?:(?:\s*[-–—‐‑‒−]\s*|\s+to\s+)(?P<hi>{NUM}))?"
        r"|(?P<unit>{DUR})"
        r"|(?P<open>[(\[])"
        r"|(?P<close>[)\]])"
        r"|(?P<stop>\.(?:\s|$)|\bvs\b\.?|\bversus\b|\bcompared\b|\bwhile\b|\bwhereas\b|[<>≤≥⩽⩾])"
        r"|(?P<punct>[,;:=])"
        r"|(?P<pm>{PM})"  # a ± of its own, before the figure it qualifies
        r"|(?P<filler>(?:of|was|were|is|are|a|an|the|and|approximately|about|around|nearly|duration|period"
        r"|time|length|interval|values?|age|aged|follow(?:ed)?[-\s]?up|since\s+\w+|with)\b)"
        r"|(?P<word>[^\s()\[\],;:=]+)"
        r")",
        {"DUR": _DUR, "STAT_KEYWORD": fragment("STAT_KEYWORD")},
    ),
    regex.IGNORECASE,
)
NEXT_MEAN = cached_compile(
    expand(
        r"\s*,?\s*(?:and\s+)?(?P<mean>{NUM})\s*{PM}\s*(?P<sd>{NUM})\s*(?P<unit>{DUR})?",
        {"DUR": _DUR},
    ),
    regex.IGNORECASE,
)
_KW = {
    "mean": "mean",
    "average": "mean",
    "median": "median",
    "range": "range",
    "iqr": "iqr",
    "interquartile range": "iqr",
    "sd": "sd",
    "standard deviation": "sd",
}


@dataclass
class ParsedStat:
    values: dict[str, Any] = field(default_factory=dict)
    unit: str | None = None
    end: int = 0

    @property
    def central(self) -> bool:
        return "mean" in self.values or "median" in self.values


# what may stand between a bare interval and its bracket's end: its unit ("(1-240 months)")
_CLOSES_BRACKET = cached_compile(rf"\s*(?:{_DUR})?\s*[)\]]", regex.IGNORECASE)


def parse_stat(
    text: str,
    pos: int,
    stat: str | None = None,
    *,
    sd_in_parens: bool = False,
    max_words: int = 4,
    limit: int = 160,
    unnamed_with_range: bool = False,
) -> ParsedStat:
    """Read '14.7 ± 19.6 months; median 6' or '61 (range 45-80) years' starting at `pos`.

    `stat` is the statistic named before `pos` ("median follow-up ..."). A bare
    number with ± is a mean; a bare number without a named statistic is not read
    (a time point), unless `unnamed_with_range` and a range follows it.
    """
    out = ParsedStat(end=pos)
    cur = stat
    depth = 0
    skipped = 0
    got_num = False
    bare: float | None = None
    pending_range = False
    last_kind: str | None = None
    since_unit: list[str] = []  # values read after the last unit
    end_at_unit = pos
    stop_at = min(len(text), pos + limit)
    p = pos
    while p < stop_at:
        m = _TOKEN.match(text, p, stop_at)
        if m is None or m.end() == p:
            break
        kind = (
            m.lastgroup
            if m.lastgroup in ("kw", "unit", "open", "close", "stop", "punct", "pm", "filler", "word")
            else None
        )
        if m.group("num") is not None:
            kind = "num"
        if kind == "kw":
            word = _KW[" ".join(m.group("kw").lower().split())]
            if word == "sd" and not got_num:
                sd_in_parens = True  # "mean (SD) age", "mean ± SD": a label before the figures
            else:
                cur = word
        elif kind == "num":
            known = len(out.values)  # the keys this figure adds come after these (a dict keeps their order)
            v = parse_num(m.group("num"))
            hi = parse_num(m.group("hi")) if m.group("hi") else None
            sd = parse_num(m.group("sd")) if m.group("sd") else None
            if v is None:
                break
            if hi is not None:
                if cur in ("range", "iqr") and cur not in out.values:
                    out.values[cur] = (clean_number(v), clean_number(hi))
                elif not got_num and cur is None and "range" not in out.values:
                    out.values["range"] = (
                        clean_number(v),
                        clean_number(hi),
                    )  # kept only if a mean ± SD follows
                    pending_range = True
                    got_num = True
                    p = m.end()
                    continue
                elif not got_num:
                    break  # "3-8 months", a range with no centre
                elif (unnamed_with_range and cur is None and depth > 0 and bare is not None and not out.values
                      and v <= bare <= hi and _CLOSES_BRACKET.match(text, m.end(), stop_at)):
                    # "a follow-up of 72 months (1-240 months)": a bare interval in brackets around the
                    # unnamed figure is its range (only where an unnamed figure with a range is read at all)
                    out.values["range"] = (clean_number(v), clean_number(hi))
            elif cur == "sd" and "mean" in out.values and "sd" not in out.values:
                out.values["sd"] = clean_number(v)
            elif cur == "sd" and bare is not None and not out.values:
                out.values["mean"] = clean_number(bare)  # "age 58.3 (SD 9.1)"
                out.values["sd"] = clean_number(v)
                bare = None
            elif last_kind == "pm" and bare is not None and not out.values:
                # "follow-up of 46.9 (+/-25.5) months": its SD in brackets; "aged 21.5 years +/- 2.18": after the unit
                out.values["mean"] = clean_number(bare)
                out.values["sd"] = clean_number(v)
                bare = None
            elif last_kind == "pm" and "mean" in out.values and "sd" not in out.values:
                out.values["sd"] = clean_number(v)  # "mean follow-up time 23.4 (±4.3) years": the named mean's SD
            elif cur in ("mean", "median") and cur not in out.values:
                out.values[cur] = clean_number(v)
                if sd is not None and cur == "mean":
                    out.values["sd"] = clean_number(sd)
            elif cur is None and sd is not None and "mean" not in out.values:
                out.values["mean"] = clean_number(v)
                out.values["sd"] = clean_number(sd)
            elif (
                cur is None and sd_in_parens and depth > 0 and "mean" in out.values and "sd" not in out.values
            ):
                out.values["sd"] = clean_number(v)
            elif cur is None and not got_num:
                bare = v  # unnamed: a mean only if an SD (or, when allowed, a range) follows
            else:
                break
            got_num = True
            out.end = m.end()
            if out.unit is not None:
                since_unit.extend(list(out.values)[known:])
            cur = None
        elif kind == "unit":
            if not got_num:
                break  # "months" before any figure: not this statistic
            unit = UNITS[m.group("unit").lower().rstrip(".")]
            if out.unit is None:
                out.unit = unit
            elif unit != out.unit and since_unit:
                # "mean age 52 years and median follow-up 24 months": the figures after the first
                # unit that end in another unit measure something else
                for key in since_unit:
                    out.values.pop(key, None)
                out.end = end_at_unit
                break
            out.end = m.end()
            since_unit = []
            end_at_unit = out.end
        elif kind == "open":
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth < 0:
                break
            out.end = m.end()
        elif kind == "stop":
            break
        elif kind in ("punct", "pm", "filler"):
            pass
        else:  # another word
            if last_kind == "num" and out.unit is None and not pending_range:
                out.values.clear()  # "age of the 30 survivors": a count of something, not the statistic
                break
            if got_num and depth == 0:
                break
            skipped += 1
            if skipped > max_words:
                break
        last_kind = kind
        p = m.end()
    if pending_range and "sd" not in out.values:
        out.values.clear()  # "aged 18-65 years": an eligibility range, not a statistic
    if bare is not None and unnamed_with_range and ("range" in out.values or "iqr" in out.values):
        out.values["mean"] = clean_number(bare)
    return out
