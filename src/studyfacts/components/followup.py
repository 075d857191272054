"""The follow-up fact family: every summary statistic (mean, median) of follow-up duration.

The rules in `patterns/followup.jsonl` only anchor: they find where a
follow-up statistic is said ("median follow-up", "followed up for a median
of", "at mean ... of follow-up"). `parse_stat` then reads the figures after
the anchor ("14.7 ± 19.6 months; median 6", "16.5 months (range 3-60)"),
which the cohort family reuses for age. A time point ("at 6 months",
"1-year follow-up") never reaches a statistic: it has no mean, median or
± SD, so nothing is emitted.
"""

from __future__ import annotations

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..models import Stat
from ..numbers import clean_number, expand, parse_num
from ..regexcache import cached_compile
from ..rules import Hit, load_lexicon, phrase_alternation

# The statistic reader lives with the shared grammar (`stats.py`); re-exported here for the
# cohort family, which reads age with it.
from ..stats import DURATION_ALT as _UNIT_ALT
from ..stats import NEXT_MEAN as _NEXT_MEAN
from ..stats import UNITS, ParsedStat, parse_stat  # noqa: F401  (cohort reads age with it)
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_text, hits_of, sentence_at

EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (("DUR", rf"(?:{_UNIT_ALT})\b\.?"),)

_BOUND = cached_compile(
    r"\s*(?:of\s+|was\s+|:\s*)?(?:(?:more|less|greater|fewer|longer|shorter)\s+than|over\b|at\s+least|up\s+to|[<>\u2264\u2265])",
    regex.IGNORECASE,
)
# ... and before the anchor: "The minimum follow-up was 1 year (range 1-4 years)", "the longest follow-up was
# 10 years": an end of the range, not its central value, whatever the figure's brackets hold (unless a
# statistic is named after it: "2-year minimum follow-up (average, 4.0 years)")
_BOUND_BEFORE = cached_compile(
    r"\b(?:minimum|minimal|maximum|maximal|shortest|longest)\s+(?:(?:clinical|radiological|radiographic"
    r"|postoperative|overall|imaging|total)\s+)?$",
    regex.IGNORECASE,
)
# an age told at the follow-up, not its length: "Median age at follow-up was 5 (0.6-29) years"
# ("The mean age at the end of follow up was 25.3 years", "age at the time of the last follow-up")
_AGE_AT_BEFORE = cached_compile(
    r"\bage\s+at\s+(?:the\s+)?(?:(?:end|time|completion|conclusion|date)\s+of\s+(?:the\s+)?)?"
    r"(?:(?:last|final|latest)\s+)?$",
    regex.IGNORECASE,
)
_SHARED_UNIT = cached_compile(
    expand(r"\s*(?:,\s*and|,|and)\s+(?P<vals>{NUM}(?:\s*(?:,\s*and|,|and)\s*{NUM}){0,8})\s*(?P<unit>{DUR})",
           {"DUR": rf"(?:{_UNIT_ALT})\b\.?"}),
    regex.IGNORECASE,
)
_NUM_RE = cached_compile(expand(r"{NUM}"))
# the rest of a figure told in two units: "4 years 4 months", "2 years and 6 months", "3 years, 2 months"
_SMALLER_UNIT_AFTER = cached_compile(
    r"\s*(?:,\s*|and\s+){0,2}\d{1,2}(?:[.\u00b7]\d+)?\s*(?P<unit>months?|mos?|weeks?|wks?|days?)\b(?!\s*(?:and|or|,)?\s*\d)",
    regex.IGNORECASE,
)
_UNIT_RANK = {"days": 1, "weeks": 2, "months": 3, "years": 4}  # a figure's rest is in a smaller unit than its head
_LIST_SPLIT = cached_compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", regex.IGNORECASE)
_FU_WORD = cached_compile(r"\bfollow(?:ed)?[-\s]?up\b", regex.IGNORECASE)
# a kind of follow-up named before "and <kind> follow-up": "clinical and imaging follow-up" (followup_topics.json, kinds)
_FU_KINDS = load_lexicon("followup_topics")["kinds"]
_FU_KIND = cached_compile(
    r"(?:" + phrase_alternation(_FU_KINDS["words"]) + r"|(?-i:" + phrase_alternation(_FU_KINDS["words_case"]) + r"))",
    regex.IGNORECASE,
)
_FIGURE = cached_compile(
    expand(r"(?P<num>{NUM})(?:\s*{PM}\s*{NUM})?\s*(?:(?P<unit>{DUR})|(?!and\b)[A-Za-z\u00b5%/]{1,8}\.?)?"
           r"(?:\s*[(\[][^()\[\]]{0,60}[)\]])?",
           {"DUR": rf"(?:{_UNIT_ALT})\b\.?"}),
    regex.IGNORECASE,
)
_LIST_SEP = cached_compile(r"\s*(?:,\s*and|,|and)\s*", regex.IGNORECASE)
_RESPECTIVELY = cached_compile(r"[\s,;]*respectively\b", regex.IGNORECASE)
_GROUP_QUALIFIER = cached_compile(
    r"\s+(?:among|in|for|of)\s+(?:the\s+|all\s+|these\s+)?(?:[\w-]+\s+){0,4}?[\w-]+\s*"
    r"\(\s*n\s*=\s*\d+\s*\)(?=\s*(?:was|were|is|of|:|,))",
    regex.IGNORECASE,
)
# Further figures for other groups after the first: "36 months for RGZ and 51 months for DREZ targets".
_NEXT_GROUP = cached_compile(
    expand(
        r"\s+(?:for|in)\s+(?:the\s+)?[^\d,;()]{1,40}?\s*(?:,\s*and|,|and|vs\.?|versus|compared\s+with)\s+"
        r"(?:(?:a\s+)?(?:mean|median)\s+(?:of\s+)?)?(?P<val>{NUM})(?:\s*{PM}\s*(?P<sd>{NUM}))?\s*(?P<unit>{DUR})"
        r"(?=\s+(?:for|in)\s)",
        {"DUR": rf"(?:{_UNIT_ALT})\b\.?"},
    ),
    regex.IGNORECASE,
)

# Further figures for other groups, each in its own unit, told "respectively": "Mean follow-up was
# 22.3 months (range 12-36) and 21.3 months (range 12-35) in groups 1 and 2, respectively"
_NEXT_FIGURE = cached_compile(
    expand(
        r"\s*(?:,\s*and|,|;|and)\s+(?:(?:a\s+)?(?:mean|median)\s+(?:of\s+)?)?(?P<val>{NUM})(?:\s*{PM}\s*(?P<sd>{NUM}))?"
        r"\s*(?P<unit>{DUR})(?:\s*[(\[][^()\[\]]{0,60}[)\]])?",
        {"DUR": rf"(?:{_UNIT_ALT})\b\.?"},
    ),
    regex.IGNORECASE,
)
_RESPECTIVELY_AHEAD = cached_compile(r"[^.;()]{0,80}?\brespectively\b", regex.IGNORECASE)


def _in_a_row(pattern: regex.Pattern[str], text: str, pos: int, limit: int = 12) -> list[regex.Match[str]]:
    """Matches of `pattern` one right after the other from `pos` (at most `limit`): a figure a group."""
    out: list[regex.Match[str]] = []
    while len(out) < limit:
        m = pattern.match(text, pos)
        if m is None:
            break
        out.append(m)
        pos = m.end()
    return out


def _topic_finder() -> regex.Pattern[str]:
    topics = load_lexicon("followup_topics")["topics"]
    alts = []
    for name, words in topics.items():
        for w in sorted(words, key=len, reverse=True):
            alts.append((w, name))
    alts.sort(key=lambda t: len(t[0]), reverse=True)
    return cached_compile(r"\b(?:" + "|".join(regex.escape(w) for w, _ in alts) + r")", regex.IGNORECASE)


_TOPICS: dict[str, str] = {
    w.lower(): name for name, words in load_lexicon("followup_topics")["topics"].items() for w in words
}
_TOPIC_RE = _topic_finder()
_ABBR_TOKEN = cached_compile(r"\b[A-Z][A-Za-z0-9]{1,9}\b")


def about(doc: Doc, start: int, end: int) -> str | None:
    """The topic of the sentence around [start, end): the mention nearest the figure wins.
    An abbreviation the abstract defines ("LTC") stands for its long form."""
    s, e = sentence_at(doc, start)
    sent = doc_text(doc)[s:e]
    best: tuple[int, str] | None = None

    def consider(pos: int, topic: str) -> None:
        nonlocal best
        dist = min(abs(s + pos - start), abs(s + pos - end))
        if best is None or dist < best[0]:
            best = (dist, topic)

    for m in _TOPIC_RE.finditer(sent):
        consider(m.start(), _TOPICS[m.group().lower()])
    abbr = abbreviations(doc)
    if abbr:
        for m in _ABBR_TOKEN.finditer(sent):
            long = abbr.get(m.group()) or abbr.get(m.group().rstrip("s"))
            if long:
                t = _TOPIC_RE.fullmatch(long) or _TOPIC_RE.match(long)
                if t:
                    consider(m.start(), _TOPICS[t.group().lower()])
    return best[1] if best else None


class FollowUpComponent(FactComponent):
    family = "followup"

    def resolve(self, doc: Doc, draft: Draft) -> None:
        text = doc_text(doc)
        seen: set[tuple[str, float, str]] = set()
        done: set[int] = set()
        for h in sorted(hits_of(doc, "followup"), key=lambda h: h.start):
            if _BOUND.match(text, h.end):
                continue  # "Follow-up averaged more than 5 yr": a bound, not the statistic
            if _AGE_AT_BEFORE.search(text, max(0, h.start - 30), h.start):
                continue  # "Median age at follow-up was 5 (0.6-29) years": an age
            if not h.group("stat") and _BOUND_BEFORE.search(text, max(0, h.start - 40), h.start):
                continue  # "The minimum follow-up was 1 year (range 1-4)"; not "2-year minimum follow-up (average, 4.0 years)"
            parsed = self._parse(text, h)
            if parsed is None or parsed.end in done:
                continue
            if not parsed.central:
                continue
            rest = _SMALLER_UNIT_AFTER.match(text, parsed.end)
            if rest is not None and _UNIT_RANK.get(parsed.unit or "", 0) > _UNIT_RANK[UNITS[rest.group("unit").lower()]]:
                # "Mean follow-up was 4 years 4 months": one figure in two units; adding them is arithmetic
                draft.warn(f"follow-up figure in two units skipped (no arithmetic): {h.text!r}", h)
                done.add(parsed.end)
                continue
            later: list[Stat] = []
            # a unit of its own ends the figure; only kinds of follow-up listed go on in the same unit
            shared = (_SHARED_UNIT.match(text, parsed.end)
                      if parsed.unit is None or h.rule == "followup.coordinated" else None)
            if shared is not None and parsed.unit not in (None, UNITS[shared.group("unit").lower().rstrip(".")]):
                shared = None
            if shared is not None and set(parsed.values) <= {"mean", "median", "range", "iqr"}:
                # "mean follow-up periods were 24.1 and 26.3 months in the two groups": one unit, a figure a group
                parsed.unit = UNITS[shared.group("unit").lower().rstrip(".")]
                stat_key = next(k for k in parsed.values if k in ("mean", "median"))  # not "range" or "iqr"
                for m in _NUM_RE.finditer(shared.group("vals")):
                    val = parse_num(m.group())
                    if val is None or (stat_key, float(val), parsed.unit) in seen:
                        continue
                    seen.add((stat_key, float(val), parsed.unit))
                    a = shared.start("vals") + m.start()
                    later.append(Stat(**{stat_key: clean_number(val)}, unit=parsed.unit,
                                                about=about(doc, h.start, shared.end()),
                                                span=draft.span(a, a + len(m.group()), h.rule)))
            if parsed.unit is None:
                draft.warn(f"follow-up figure without a unit skipped: {h.text!r}", h)
                continue
            keys = {(k, float(v), parsed.unit) for k, v in parsed.values.items() if k in ("mean", "median")}
            if keys <= seen:
                continue  # the same figure restated (results, then conclusion)
            seen |= keys
            done.add(parsed.end)
            v = parsed.values
            more = self._more_means(text, parsed) if set(v) <= {"mean", "sd"} and "sd" in v else []
            draft.follow_up.append(
                Stat(
                    mean=v.get("mean"),
                    sd=v.get("sd"),
                    median=v.get("median"),
                    iqr=v.get("iqr"),
                    range=v.get("range"),
                    unit=parsed.unit,
                    about=about(doc, h.start, parsed.end),
                    span=draft.span(h.start, max(parsed.end, h.end), h.rule),
                )
            )
            draft.follow_up.extend(later)
            stat_key = "median" if "median" in v else "mean"
            pos = parsed.end
            if not more and not later and set(v) & {"mean", "median"}:
                more_groups = self._respective(text, pos)
                for g in more_groups:
                    self._add_group(doc, draft, h, g, stat_key, seen)
                if more_groups:
                    continue
            while len(more) < 12 and set(v) & {"mean", "median"}:
                g = _NEXT_GROUP.match(text, pos)
                if g is None:
                    break
                pos = g.end()
                self._add_group(doc, draft, h, g, stat_key, seen)
            for m in more:  # "followed for 72.7 ± 3.8 months, 74.3 ± 4.2 months, and 73.6 ± 4.5 months"
                mean, sd = parse_num(m.group("mean")), parse_num(m.group("sd"))
                unit = UNITS[m.group("unit").lower().rstrip(".")] if m.group("unit") else parsed.unit
                if mean is None or (("mean", float(mean), unit) in seen):
                    continue
                seen.add(("mean", float(mean), unit))
                draft.follow_up.append(
                    Stat(
                        mean=clean_number(mean),
                        sd=clean_number(sd or 0),
                        unit=unit,
                        about=about(doc, h.start, m.end()),
                        span=draft.span(m.start("mean"), m.end(), h.rule),
                    )
                )

    @staticmethod
    def _add_group(doc: Doc, draft: Draft, h: Hit, g: regex.Match[str], stat_key: str,
                   seen: set[tuple[str, float, str]]) -> None:
        """One more group's figure (a match of _NEXT_GROUP or _NEXT_FIGURE: val, sd, unit), unless it was read."""
        val = parse_num(g.group("val"))
        unit = UNITS[g.group("unit").lower().rstrip(".")]
        if val is None or (stat_key, float(val), unit) in seen:
            return
        seen.add((stat_key, float(val), unit))
        draft.follow_up.append(Stat(
            mean=clean_number(val) if stat_key == "mean" else None,
            median=clean_number(val) if stat_key == "median" else None,
            sd=clean_number(parse_num(g.group("sd")) or 0) if g.group("sd") else None,
            unit=unit,
            about=about(doc, h.start, g.end()),
            span=draft.span(g.start("val"), g.end(), h.rule),
        ))

    @staticmethod
    def _respective(text: str, pos: int) -> list[regex.Match[str]]:
        """Figures for further groups after the first, each with its unit, in a list the sentence
        then says is 'respectively' (none when it does not: "24 months and 12 months after ...")."""
        out = _in_a_row(_NEXT_FIGURE, text, pos)
        if out and _RESPECTIVELY_AHEAD.match(text, out[-1].end()):
            return out
        return []

    @staticmethod
    def _more_means(text: str, parsed: ParsedStat) -> list[regex.Match[str]]:
        """Further 'mean ± SD unit' figures listed right after the first, one per group."""
        return _in_a_row(_NEXT_MEAN, text, parsed.end)

    @staticmethod
    def _coordinated(text: str, h: Hit) -> ParsedStat | None:
        """'Mean hospital stay and follow-up were 3.3 days (range 1-10) and 14.6 months, respectively':
        the figure at follow-up's place in the list of measures, when the counts agree."""
        names = [x for x in _LIST_SPLIT.split((h.group("list") or "").strip()) if x]
        at = [k for k, x in enumerate(names) if _FU_WORD.search(x)]
        if len(names) < 2 or len(at) != 1:
            return None
        figs: list[regex.Match[str]] = []
        pos = h.end
        while len(figs) <= len(names):
            m = _FIGURE.match(text, pos)
            if m is None:
                break
            figs.append(m)
            pos = m.end()
            sep = _LIST_SEP.match(text, pos)
            if sep is None:
                break
            pos = sep.end()
        if len(figs) != len(names) or not _RESPECTIVELY.match(text, figs[-1].end()):
            return None
        stat = (h.group("stat") or "").lower()
        # "Median clinical and imaging follow-up were 22 and 18 months, respectively": kinds of follow-up, a figure
        # each; the first read here, the others by the shared unit after it (resolve), so its unit is left to that
        kinds = at[0] == len(names) - 1 and all(_FU_KIND.fullmatch(x) for x in names[:-1])
        fig = figs[0 if kinds else at[0]]
        parsed = parse_stat(text, fig.start(), "median" if stat == "median" else "mean", limit=fig.end() - fig.start())
        if parsed.unit is None and not kinds:
            last = figs[-1].group("unit")
            parsed.unit = UNITS[last.lower().rstrip(".")] if last else None
        return parsed

    @staticmethod
    def _parse(text: str, h: Hit) -> ParsedStat | None:
        stat = (h.group("stat") or "").lower() or None
        stat = "mean" if stat in ("average", "averaged") else stat
        if h.rule == "followup.coordinated":
            return FollowUpComponent._coordinated(text, h)
        if h.rule == "followup.range_then_stat":
            parsed = parse_stat(text, h.end, stat, max_words=0)
            if parsed.unit is None and h.group("unit"):
                parsed.unit = UNITS[h.group("unit").lower().rstrip(".")]
            return parsed
        if h.rule == "followup.stat_first" and h.group("spread"):
            sd_label = h.group("spread").upper() in ("SD", "SE") or h.group("spread").lower().startswith("standard")
            return parse_stat(text, h.end, stat, sd_in_parens=sd_label)
        if h.rule == "followup.stat_first":
            # "median follow-up among patients still alive (n = 8) was 35 months": the group
            # the figure is for sits between the anchor and its verb
            q = _GROUP_QUALIFIER.match(text, h.end)
            if q is not None:
                return parse_stat(text, q.end(), stat)
        if h.rule == "followup.num_stat_unit":
            b = h.groups["body"]
            return parse_stat(text, b[0], stat, limit=h.end - b[0])
        if h.rule in ("followup.stat_before", "followup.pm_before"):
            b = h.groups["body"]
            return parse_stat(text, b[0], stat, limit=b[1] - b[0])
        if h.rule == "followup.followed_for":
            return parse_stat(text, h.end, stat, max_words=0, unnamed_with_range=stat is None)
        if h.rule == "followup.fu_of_value":
            return parse_stat(text, h.end, None, max_words=0, unnamed_with_range=True)
        return parse_stat(text, h.end, stat)


@Language.factory("studyfacts_followup", assigns=["doc.spans"])
def make_followup(nlp: Language, name: str) -> FollowUpComponent:
    return FollowUpComponent(nlp, name)
