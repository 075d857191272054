"""The pain fact family: every central pain-score figure, with its scale, time point, spread and p-value.

Rules (`patterns/pain.jsonl`) find the pieces: scale mentions (from the lexicon
`patterns/lexicons/pain_scales.json`), value items read by the shared statistic
grammar (`{EXPRESSION}` of `patterns/grammar/stats.jsonl`: "4.1 ± 2.4 (range, 0–9;
p < 0.0001)", "6.4/10", "71.5 mm"), time points, p-values, and masks
(thresholds, ranges, changes, confidence limits, counts) whose numbers are never
central values. The resolver reads one sentence at a time: a sentence counts when
it names a pain scale (or says "pain" before a score out of ten), the values are
those after the scale mention and before any other instrument (or every k-th of a
"respectively" list when instruments are named together), brackets are read by
`stats.read_qualifier`, and time points are attached by the named strategies of
`_timepoints` (values then a run, a run heading the values, vs-baseline pairs, the
adjacent phrase). When the structure is not clear it emits nothing.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex
from spacy.language import Language
from spacy.tokens import Doc

from .. import stats
from ..models import PainScore, PValue, Timepoint
from ..numbers import clean_number, expand, parse_int, parse_num
from ..regexcache import cached_compile
from ..rules import Gate, Hit, hit_from_match, lexicon_alternation, load_lexicon, run_rules
from .abbreviations import abbreviations
from .base import Draft, FactComponent, doc_scan, doc_text, hits_of, sentence_at, sentence_bounds

EXTRA_FRAGMENTS: tuple[tuple[str, str], ...] = (
    ("SCALE", lexicon_alternation("pain_scales", "scales")),
    *stats.rule_fragments(),
)

# Cheap prefilter: no pain rule runs on an abstract without one of these.
# Abbreviations are matched case-sensitively and whole: "VAS" inside "invasive" or "vascular"
# made this prefilter pass for half the abstracts with no pain scale at all.
_PREFILTER = Gate(
    r"(?-i:\b(?:VAS|NRS|NPRS|BPI)\b)|visual\s+analog|rating\s+scale|pain\s+(?:score|intensit|inventory|scale)"
    # a score out of ten after 'pain' counts without a named scale ("the worst pain was 6.4/10"); the
    # alternative opens with 'pain' so that the gate still skips texts without it at once
    r"|pain(?:[^.;]|\.(?=\d)){0,150}?\d\s?(?:/|out\sof\s|of\s)10{1,2}\b"
)

_DAYS_PER = {"h": 1 / 24, "min": 1 / 1440, "d": 1.0, "w": 7.0, "mo": 30.4, "y": 365.0}
_NUM_IN_LIST = cached_compile(r"\d+(?:[.\u00b7]\d+)?")
_STAT_WORD = cached_compile(r"\b(mean|average|median)\b", regex.I)
# "from 7.5", "from a mean of 8.2", "from a median score of 8"
_FROM_BEFORE = cached_compile(r"\bfrom\s+(?:an?\s+)?(?:(?:mean|median|average)\s+(?:\w+\s+)?(?:of\s+)?)?$", regex.I)
_VERSUS = cached_compile(r"^\s*(?:vs\.?|versus|compared\s+(?:with|to))\s*$", regex.I)
_DIGIT = cached_compile(r"\d")
_FOR_PAIN = cached_compile(r"\s*(?:scores?\s+)?(?:for|of)\s+(?P<pain>pain)\b", regex.I)
_CHANGE_CUE = cached_compile(
    r"\b(?:by|changes?|changed|improvements?|reductions?|decreases?|differences?|gains?|declines?|MCID|MID)\b", regex.I
)
_COORD_SEP = cached_compile(r"\s*(?:scores?\s+)?(?:,\s*and|,|and|&|or)\s*(?:the\s+)?$", regex.I)
_RESPECTIVELY_IN = cached_compile(r"\brespectively\b", regex.I)
_RESPECTIVELY = cached_compile(r"[\s,;)]*(?:\([^()]{0,30}\)[\s,;]*)?respectively\b", regex.I)
# Between a baseline word and the figure it heads: "pre-procedure average pain VAS value was 7.9".
_NP_BREAK = cached_compile(r"\b(?:to|from|after|post\w*|vs|versus|than|compared|while|whereas|but)\b|[;.]", regex.I)
# what may come before a baseline phrase that opens a sentence ("At baseline,", "Before surgery")
_SENTENCE_OPENING = cached_compile(r"[\s\W]*(?:(?:at|on|before)\s+)?(?:the\s+)?", regex.I)
_NUMBER_RANGE = cached_compile(r"\d+(?:[.\u00b7]\d+)?\s*(?:to|[-\u2013\u2014])\s*\d+(?:[.\u00b7]\d+)?", regex.I)
_VS_BASELINE = cached_compile(
    r"\b(?:compared\s+(?:to|with)|relative\s+to|(?:vs\.?|versus))\s+(?:the\s+)?(?:baseline|pre-?treatment|pre-?operative)\b", regex.I
)
# between time points of one run: "at baseline, 1 week and 1 month", "preoperatively, at 1 day, and at 1 month"
_RUN_SEP = cached_compile(r"^\s*(?:,\s*and|,|and|&)\s*(?:(?:at|on|in|after)\s+)?(?:the\s+)?$", regex.I)
# Between a value and the time point it is reported at: "4.1 ± 2.4 (...) at 24 h".
# (not across ';': "the mean VAS was 7.3; one day after, it was 3.1")

# compiled once (the resolver's small tests)
_SPACES = cached_compile(r"\s+")
_MEDIAN_BRACKET = cached_compile(r"\s*[(\[]\s*median", regex.IGNORECASE)
_MEDIAN_ONLY = cached_compile(r"\bmedian\b", regex.IGNORECASE)
_P_GAP = cached_compile(r"[\s,;(\[]*")
_SPREAD_WORD = cached_compile(r"\brange|\biqr|interquartile", regex.IGNORECASE)
_FILLER_RESP = cached_compile(r"\b(?:at|on|in|the|respectively)\b", regex.IGNORECASE)
_FILLER = cached_compile(r"\b(?:at|on|in|the)\b", regex.IGNORECASE)
# "baseline 7.9, 1 week 3.5, 3 months 2.8": a time point then its value (only spaces or a colon between), the
# pairs joined by a comma or a semicolon
_LABEL_GAP = cached_compile(r"\s*[:=]?\s*")
_PAIR_SEP = cached_compile(r"\s*[,;]\s*(?:and\s+)?(?:at\s+)?", regex.IGNORECASE)

# what may stand between a value and its time point after it: "4.1 ± 2.4 (at 24 h", "6/10 out of 10", and the
# scale's extent ("5.1 on a 0-10 scale at baseline", "7.2 on an 11-point scale before surgery")
_TIGHT_AFTER = cached_compile(
    r"^[\s,(]*(?:out\s+of\s+10\s*|(?:an?\s+)?(?:\d{1,3}\s*[-\u2013]\s*\d{1,3}|\d{1,3}[-\s]point|\d{1,3}[-\s]?mm)"
    r"\s+(?:[a-z-]+\s+){0,2}?scale\s*[,)]?\s*)?$",
    regex.I,
)
# Between a time point and the values it heads: "on T1 h (8 ± 11", "at 4, ... 48 hours after surgery were 3".
_LOOSE_BEFORE = cached_compile(
    r"^[\s,;:(]*(?:(?:in\s+)?the\s+[\w-]+\s+group\s*[,:]\s*)?(?:(?:after|following)\s+(?:the\s+)?[\w-]+\s*)?(?:[\w-]+\s+){0,2}?(?:was|were|is|are|of|:)?[\s,;:(]*$", regex.I
)
_ARM_AFTER = cached_compile(r"\s*(?:for|in)\s+(?:the\s+)?(?P<arm>[^,;()]{1,40}?\bgroup)\b", regex.I)
_NOUN_AFTER = cached_compile(
    r"\s+(?!(?:vs|versus|and|or|to|at|on|in|for|of|out|after|before|during|compared|respectively|with|while|which|than|from|mm|cm|points?|was|were|the|by"
    # a score followed by when it was measured ("fell to 2 within 48 hours"), not by a counted noun
    r"|within|until|through|throughout|following|over|across|among|immediately|thereafter|later"
    r"|post-?operatively|post-?procedurally|postprocedurally"
    # ... nor by the verb of its change ("The mean preoperative VAS of 7.6 decreased to 1.8")
    r"|decreas\w*|reduc\w*|improv\w*|dropp\w*|fell|declin\w*|increas\w*|rose|remain\w*|significantly)\b)[a-z]"
)
_UNIT_AFTER = cached_compile(r"\s*(?:months?|years?|weeks?|days?|hours?|h|min|minutes?|s|secs?|seconds?|mg|ml|%)\b", regex.I)
_INNER_TIME = cached_compile(
    r"^\s*(?:at\s+)?(?:baseline|pre-?operative(?:ly)?|pre-?procedur\w*|pre-?treatment)\s*$", regex.I
)
# the number before a spelled time point's unit: "one week after", "3 days later"
_NUMBER_BEFORE = cached_compile(expand(r"\b(?P<n>{WORDNUM}|\d{1,3}|an?)[\s-]+$"), regex.I)
_INNER_POST = cached_compile(
    r"^\s*(?:at\s+)?(?P<n>\d{1,3}(?:[.\u00b7]\d+)?)\s*-?\s*(?P<unit>h|hrs?|hours?|days?|d|weeks?|wks?|months?|mo|years?|yrs?)"
    r"(?:\s+(?:after|post)[\w-]*(?:\s+(?:the\s+)?[\w-]+)?)?\s*$",
    regex.I,
)
# A VAS counts as pain when the abstract talks of pain or analgesia, or measures spine
# disability beside it (ODI, NDI, JOA, Roland-Morris): "clinical outcome questionnaires
# (Visual Analog Scale [VAS] and Oswestry Disability Index [ODI])".
_PAIN_WORD = cached_compile(
    r"\bpain|analges|\bODI\b|Oswestry|\bNDI\b|neck\s+disability|Roland|\bRMDQ\b|\bm?JOA\b", regex.I
)
_PAIN_NOUN = cached_compile(r"(?<![\w])pain(?![\w])", regex.I)
# A scale named after its figures, in brackets or with "on": "Leg pain decreased from 6.9 to 1.8 (VAS)",
# "pain fell from 7 to 2 on the NRS": the gap between the last figure and the scale
_SCALE_AFTER_GAP = cached_compile(r"\s*(?:[(\[]\s*|(?:points?\s+)?(?:on|using|by)\s+(?:the|a|an)\s+(?:0\s*[-–]\s*10\s+)?)", regex.I)
_FROM_WORD = cached_compile(r"\bfrom\b", regex.I)
_SCALE_AFTER_CLOSE = cached_compile(r"\s*(?:score)?\s*[)\]]|\s*(?:scores?\s*)?(?=[\s,.;]|$)", regex.I)
_OUT_OF_AT = cached_compile(r"\s*(?:mm|cm)?\s*(?:/|\bof\b|\bout\s+of\b)\s*10{1,2}\b", regex.I)
_IQR_WORD = cached_compile(r"\biqr\b|interquartile|quartile", regex.I)
_CI_WORD = cached_compile(r"\bci\b|confidence", regex.I)
_MEDIAN_WORD = cached_compile(r"\bmedian\b", regex.I)


@dataclass
class _Ctx:
    """One sentence's value groups and time points while the strategies attach them."""

    text: str
    sa: int
    groups: list
    tps: list
    gstart: list[int]
    gend: list[int]
    runs: list = field(default_factory=list)
    assigned: set[int] = field(default_factory=set)
    masks: list = field(default_factory=list)  # (start, end) of the numbers that are never values
    done_runs: set[int] = field(default_factory=set)


def _runs(text: str, tps: list, lo: int, hi: int) -> list:
    """Runs of adjacent time points: "at baseline, 1 week and 1 month", "before and after"."""
    runs: list[list] = []
    for t in tps:
        if t.end < lo or t.start > hi:
            continue
        if runs and _RUN_SEP.match(text[runs[-1][-1].end:t.start]):
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _coordination(text: str, scale: Hit, others: list[Hit], sb: int) -> tuple[list[tuple[int, int]], int]:
    """The list of instruments the scale is named in ("VAS and ODI", "ODI, JOA and VAS"), as spans,
    and the scale's place in it; a list of one when it stands alone. 'pain' right after the scale
    stands for it: "VAS scores for pain and anxiety were 18.6 and 26.2 mm, respectively"."""
    me = (scale.start, scale.end)
    m = _FOR_PAIN.match(text, scale.end, sb)
    if m and others:
        me = (m.start("pain"), m.end("pain"))
    spans = sorted({me, *((h.start, h.end) for h in others)})
    k = spans.index(me)
    lo = hi = k
    while lo > 0 and _COORD_SEP.match(text, spans[lo - 1][1], spans[lo][0]):
        lo -= 1
    while hi + 1 < len(spans) and _COORD_SEP.match(text, spans[hi][1], spans[hi + 1][0]):
        hi += 1
    return spans[lo:hi + 1], k - lo


@dataclass
class _Tp:
    text: str
    kind: str
    days: float | None
    start: int
    end: int


@dataclass
class _Item:
    hit: Hit
    central: float
    scale: str
    stat: str = "mean"
    sd: float | None = None
    rng: tuple[float, float] | None = None
    iqr: tuple[float, float] | None = None
    p: PValue | None = None
    tp: _Tp | None = None
    arm: str | None = None
    from_start: bool = False
    group: int = 0
    extra: dict = field(default_factory=dict)


def _days(unit: str, value: float) -> float:
    u = unit.lower()
    key = "min" if u.startswith("min") else "mo" if u.startswith("mo") else u[0]
    return round(value * _DAYS_PER[key], 4)


class PainComponent(FactComponent):
    family = "pain"

    def match(self, doc: Doc) -> list[Hit]:
        scan_ = doc_scan(doc)
        if not _PREFILTER.found(scan_):
            return []
        return run_rules(self.rules, scan_)

    def resolve(self, doc: Doc, draft: Draft) -> None:
        hits = hits_of(doc, self.family)
        if not hits:
            return
        lex = load_lexicon("pain_scales")
        names = {k.lower(): v for k, v in lex["scales"].items()}
        by_label: dict[str, list[Hit]] = {}
        for h in hits:
            by_label.setdefault(h.label, []).append(h)
        scales = list(by_label.get("SCALE", []))
        # The abstract's own abbreviations of a pain scale count as the scale.
        scale_rule = next(cr for cr in self.rules if cr.id == "pain.scale")
        for short, long in abbreviations(doc).items():
            m = scale_rule.regex.fullmatch(long.strip()) if scale_rule.regex else None
            if m is None or short.lower() in names:
                continue
            key = names.get(_SPACES.sub(" ", long.strip().lower()))
            for m in regex.finditer(rf"(?<![\w-]){regex.escape(short)}(?![\w-])", doc_text(doc)):
                scales.append(Hit("pain.abbrev", "SCALE", m.start(), m.end(), m.group(), attrs={"scale": key}))
        text = doc_text(doc)
        # A VAS inside the EQ-5D's scope is its health-status scale, not a pain scale.
        not_scale = by_label.get("NOTSCALE", [])
        if not_scale:
            scales = [h for h in scales if not any(n.start <= h.start < n.end for n in not_scale)]
        scales += self._pain_word_scales(text, by_label.get("VALUE", []), doc)
        if not scales:
            return
        if len(scales) > 300 or len(by_label.get("VALUE", [])) > 1000:
            draft.warnings.append("pain: too many scale mentions or numbers to read reliably; none taken")
            return
        # A scale counts as pain in this abstract when some sentence names it together with pain.
        sents = list(sentence_bounds(doc))

        starts = [a for a, _ in sents]

        def sent_of(pos: int) -> tuple[int, int]:
            i = bisect.bisect_right(starts, pos) - 1
            return sents[i] if i >= 0 and pos < sents[i][1] else (0, len(text))

        def scale_name(h: Hit) -> str:
            return h.attrs.get("scale") or names.get(_SPACES.sub(" ", h.text.lower()), h.text.upper())

        pain_scales = {"PAIN", "NPRS", "BPI"}
        if _PAIN_WORD.search(text):
            pain_scales |= {scale_name(h) for h in scales}
        for h in scales:
            a, b = sent_of(h.start)
            if _PAIN_WORD.search(text, a, b):
                pain_scales.add(scale_name(h))
        specific = {scale_name(h) for h in scales} & pain_scales - {"PAIN"}
        masks = [(h.start, h.end) for h in by_label.get("MASK", [])]
        tps = self._time_points(by_label.get("TIME", []), text)
        masks += [(t.start, t.end) for t in tps]
        values = sorted(by_label.get("VALUE", []), key=lambda h: h.start)
        pvals = by_label.get("P", [])
        notpain = by_label.get("NOTPAIN", [])
        max_of = lex["max"]
        out: list[PainScore] = []
        done_sents: set[tuple[int, int]] = set()
        last_stat: str | None = None
        patients = draft.population.patients
        if patients is not None and patients.value == 1:
            # A case report: one person's scores are not a cohort statistic (GUIDE, as for age).
            draft.warnings.append("pain: a single-patient report; its individual scores are not taken")
            return
        for sh in sorted(scales, key=lambda h: h.start):
            sa, sb = sent_of(sh.start)
            if (sa, sb) in done_sents:
                continue
            if any(sa <= h.start < sb for h in by_label.get("SKIP", [])):
                continue
            sent_scales = sorted((h for h in scales if sa <= h.start < sb and scale_name(h) in pain_scales),
                                 key=lambda h: h.start)
            if not sent_scales:
                continue
            done_sents.add((sa, sb))
            items = self._items(text, sa, sb, sent_scales, values, masks, notpain, scale_name, max_of, specific, tps)
            if not items:
                continue
            self._qualify(text, sa, items, pvals, tps, by_label, last_stat, masks)
            if _STAT_WORD.search(text, sa, sb):
                last_stat = items[-1].stat
            if _CHANGE_CUE.search(text, sa, sb):
                for it in items:  # "improved by 34 points compared with 29 points": points of change
                    if it.hit.group("unit") and it.hit.group("unit").lower().startswith("point"):
                        it.extra["drop"] = True
            items = [it for it in items if not it.extra.get("drop")]
            structured = any(sa <= h.start < sb for h in by_label.get("STRUCT", []))
            items = [it for it in items if structured or it.tp is not None or it.hit.group("sd") or it.hit.group("inner")
                     or len([x for x in items if x.group == it.group]) > 1 or "of" in it.hit.text or "/" in it.hit.text]
            if not items:
                continue
            n = self._n(by_label.get("N", []), sa, sent_scales[0].start)
            for it in items:
                out.append(self._score(draft, it, n))
        draft.pain.extend(out)

    # -- pieces -----------------------------------------------------------------------------

    @staticmethod
    def _pain_word_scales(text: str, values: list[Hit], doc: Doc) -> list[Hit]:
        """'the worst pain was 6.4/10', 'reduction in pain ... (2.1/10 vs. 5.8/10)': a score printed
        out of 10 in a sentence about pain is a pain score though no instrument is named; the last
        'pain' before the first such figure stands for the scale."""
        out: list[Hit] = []
        seen: set[int] = set()
        for v in values:
            c1 = v.groups["central"][1]
            if not _OUT_OF_AT.match(text, c1, v.end):
                continue
            a, _ = sentence_at(doc, v.start)
            if a in seen:
                continue
            last = None
            for m in _PAIN_NOUN.finditer(text, a, v.start):
                last = m
            if last is not None:
                seen.add(a)
                out.append(Hit("pain.word_out_of", "SCALE", last.start(), last.end(), last.group(),
                               attrs={"scale": "PAIN"}))
        return out

    def _time_points(self, hits: list[Hit], text: str = "") -> list[_Tp]:
        out: list[_Tp] = []
        for h in sorted(hits, key=lambda h: (h.start, -h.end)):
            if out and h.start < out[-1].end:
                if h.attrs.get("kind") == "pair" and out[-1].start >= h.start and h.end >= out[-1].end:
                    out.pop()  # "The preoperative and postoperative": the pair holds the time point read before it
                else:
                    continue  # overlapping rule hits: the first, longest wins
            if out and h.rule == "pain.time.post" and h.start - out[-1].end <= 2:
                continue  # "48 hours after surgery": one time point, not two
            tp = h.groups.get("tp")
            if tp is None:
                continue
            kind = h.attrs.get("kind", "post")
            if kind == "pair":  # "before and after the block": two time points, a run of their own
                b = h.groups.get("before") or h.groups.get("before2")
                a = h.groups.get("after") or h.groups.get("after2")
                if b and a:
                    out.append(_Tp(b[2], "baseline", 0, b[0], b[1]))
                    out.append(_Tp(a[2], "post", None, a[0], a[1]))
                continue
            if h.rule in ("pain.time.spelled", "pain.time.at_spelled"):  # "one week after", "the day after", "three months later"
                start, label, word = tp[0], tp[2], h.group("n")
                if word is None:
                    m = _NUMBER_BEFORE.search(text, max(0, start - 30), start)
                    if m is not None:
                        word, start, label = m.group("n"), m.start(), text[m.start():tp[1]]
                n = parse_num(word) if word and word.lower() not in ("a", "an") else 1.0
                out.append(_Tp(label, kind, _days(h.group("unit") or "d", n or 1.0), start, tp[1]))
                continue
            if h.group("list") is not None:
                unit = h.group("unit") or h.attrs.get("unit", "days")
                ls, _, ltext = h.groups["list"]
                nums = list(_NUM_IN_LIST.finditer(ltext))
                if len(nums) == 1:
                    out.append(_Tp(tp[2], kind, _days(unit, parse_num(nums[0].group()) or 0), tp[0], tp[1]))
                    continue
                for k, m in enumerate(nums):
                    start = ls + m.start()
                    last = k == len(nums) - 1
                    end = tp[1] if last else ls + m.end()
                    # earlier entries are the bare number as written; the last carries the unit
                    label = h.text[start - h.start:end - h.start]
                    out.append(_Tp(label.strip(), kind, _days(unit, parse_num(m.group()) or 0), start, end))
            else:
                days = h.attrs.get("days")
                out.append(_Tp(tp[2], kind, days, tp[0], tp[1]))
        return out

    def _items(self, text, sa, sb, sent_scales, values, masks, notpain, scale_name, max_of, specific, tps=()) -> list[_Item]:
        seg_start = sent_scales[0].end
        trailing = self._trailing_scale(text, sa, sent_scales[0], values, masks)
        if trailing is not None:
            # "Leg pain decreased from 6.9 to 1.8 (VAS)": the figures between the pain word and the scale
            # named after them; none after it (another measure's, or another clause's)
            seg_start, sb = trailing
        # Instruments named together share the values: "the mean preoperative VAS and ODI were
        # 69.1 and 51.8, respectively" -> the VAS's are every k-th value from its place in the list.
        chain, pos = _coordination(text, sent_scales[0], [h for h in notpain if sa <= h.start < sb], sb)
        if len(chain) > 1:
            seg_start = chain[-1][1]
        cut = sb
        for h in notpain:
            if seg_start <= h.start < cut:
                cut = h.start
        items: list[_Item] = []
        for v in values:
            c0, c1, ctext = v.groups["central"]
            if not (seg_start <= c0 < cut) or v.end > sb:
                continue
            if any(a <= c0 < b for a, b in masks):
                v = self._labelled_value(text, v)  # "Group 1 (26.0 ± 3.7)": the label's bracket holds the value
                if v is None:
                    continue
                c0, c1, ctext = v.groups["central"]
            if _UNIT_AFTER.match(text, v.end, min(v.end + 12, len(text))):
                while items and _VERSUS.match(text[items[-1].hit.end:v.start]):
                    items.pop()  # "8 ± 2 vs. 33 ± 35 seconds": the unit closes the whole comparison
                continue
            if (not (v.group("sd") or v.group("inner")) and _NOUN_AFTER.match(text, v.end, min(v.end + 30, len(text)))
                    and not any(v.end < t.start <= v.end + 5 for t in tps)):
                continue  # "on 2 occasions": a number followed by a noun counts things (not "2 one week after")
            inner = v.group("inner")
            if inner is not None and stats.read_qualifier(inner).role == "count":
                continue  # "26 (81.3%) patients": a count with its percentage
            sc = [h for h in sent_scales if h.end <= c0]
            name = scale_name(sc[-1]) if sc else scale_name(sent_scales[0])
            if name == "PAIN" and len(specific) == 1:
                name = next(iter(specific))
            value = parse_num(ctext)
            if value is None:
                continue
            top = max_of.get(name, 100)
            unit = v.group("unit")
            if value > top or (unit == "cm" and value > 10):
                continue
            items.append(_Item(hit=v, central=value, scale=name))
        if len(chain) > 1:
            k = len(chain)
            if not items or len(items) % k or not _RESPECTIVELY_IN.search(text, items[-1].hit.end, sb):
                return []
            items = items[pos::k]
        return items

    @staticmethod
    def _trailing_scale(text: str, sa: int, scale: Hit, values: list[Hit], masks: list[tuple[int, int]]) -> tuple[int, int] | None:
        """(start, end) of the stretch that holds the figures of a scale named after them: from the last
        "pain" before them in the clause to the scale's closing bracket, when the scale stands right after
        the last figure, in brackets or after "on the", and names nothing else ("to 1.8 (VAS)", "on the
        NRS"); None otherwise. A figure's bracket may be the scale's own: "1.8 (VAS)"."""
        before = [v for v in values if sa <= v.start and v.groups["central"][1] <= scale.start
                  and not any(a <= v.start < b for a, b in masks)]  # "pain of 7 to 10 on the VAS": the scale's range
        if not before:
            return None
        last = before[-1]
        # the figure's own end, or, where its bracket is the scale's, the end of its number, spread or unit
        gap_from = (last.end if last.end <= scale.start
                    else max(last.groups[g][1] for g in ("central", "sd", "unit") if g in last.groups))
        gap = _SCALE_AFTER_GAP.fullmatch(text, gap_from, scale.start)
        close = _SCALE_AFTER_CLOSE.match(text, scale.end)
        if gap is None or close is None or last.end > close.end():
            return None
        start = max((m.end() for m in _PAIN_NOUN.finditer(text, sa, last.start)), default=None)
        if start is None or any(ch in ";:" for ch in text[start : scale.start]):
            return None
        first = next(v for v in before if v.start >= start)
        if not (_FROM_WORD.search(text, start, first.start) or _STAT_WORD.search(text, start, first.start)):
            return None  # a trajectory ("from 6.9 to 1.8") or a statistic, not "pain of 7 to 10 on the VAS" (a range)
        return start, close.end()

    def _labelled_value(self, text: str, v: Hit) -> Hit | None:
        """The value in the bracket after a label's number: "between Group 1 (26.0 ± 3.7) and Group 2
        (21.3 ± 3.6)" reads "1 (26.0 ± 3.7)" as one value, its number masked as the label's; the bracket
        holds the group's figure when it is a whole value of its own with its spread (not "(40%)",
        "(n = 12)", "(range 2-8)", a p-value or a bare number)."""
        inner = v.groups.get("inner")
        if inner is None:
            return None
        value_rule = next(cr for cr in self.rules if cr.id == "pain.value")
        assert value_rule.regex is not None
        m = value_rule.regex.match(text, inner[0], inner[1])
        if m is None or m.end() != inner[1]:
            return None
        got = hit_from_match(value_rule, m)
        return got if got.group("sd") or got.group("inner") else None

    def _qualify(self, text, sa, items, pvals, tps, by_label, inherit: str | None = None, masks=()) -> None:
        # statistic, spread, p-value from the item and its sentence; a sentence that names no
        # statistic continues the previous pain sentence's ("Median resting scores ... were 1 (0-4.5).
        # Movement-evoked scores were also lower: 3 (0-5.5) ...")
        for it in items:
            h = it.hit
            stat_m = None
            for m in _STAT_WORD.finditer(text, sa, h.start):
                stat_m = m
            if stat_m is not None and stat_m.group(1).lower() == "median":
                it.stat = "median"
            elif stat_m is None and inherit == "median":
                it.stat = "median"
            sd = h.group("sd")
            inner = h.group("inner")
            if _MEDIAN_BRACKET.match(text[h.end:h.end + 12]):
                it.stat = "median"
            if inner and _MEDIAN_ONLY.search(inner):
                it.stat = "median"
            if sd is not None and it.stat == "mean":
                it.sd = parse_num(sd)
            if inner:
                self._inner(text, sa, it, inner)
        # per-item p-values: inside the item, or right after it before the next item
        for k, it in enumerate(items):
            if it.p is not None:
                continue
            nxt = items[k + 1].hit.start if k + 1 < len(items) else it.hit.end + 40
            for p in pvals:
                if it.hit.end <= p.start < min(nxt, it.hit.end + 40):
                    gap = text[it.hit.end:p.start]
                    if _P_GAP.fullmatch(gap):
                        it.p = stats.p_value(p.group("op") or "", p.group("val") or "")
                    break
        # groups: items joined by "versus" are the arms of one comparison
        g = 0
        for k, it in enumerate(items):
            if k and not _VERSUS.match(text[items[k - 1].hit.end:it.hit.start]):
                g += 1
            it.group = g
        groups: list[list[_Item]] = []
        for it in items:
            if not groups or groups[-1][0].group != it.group:
                groups.append([])
            groups[-1].append(it)
        for grp in groups:
            if len(grp) > 1:
                p = next((x.p for x in reversed(grp) if x.p is not None), None)
                for x in grp:
                    x.p = x.p or p
        for grp in groups:
            if _UNIT_AFTER.match(text, grp[-1].hit.end, min(grp[-1].hit.end + 12, len(text))):
                for x in grp:  # "8 ± 2 vs. 33 ± 35 seconds": the unit closes the whole comparison
                    x.extra["drop"] = True
        self._arms(text, sa, groups, by_label)
        self._timepoints(text, sa, groups, tps, masks)

    def _inner(self, text, sa, it: _Item, inner: str) -> None:
        """The bracket after a value, read by the shared grammar (`stats.read_qualifier`)."""
        head = text[sa:it.hit.start]
        if _INNER_TIME.match(inner):
            it.extra["tp_inner"] = inner.strip()
            return
        post = _INNER_POST.match(inner)
        if post:  # "to 3.1 (1 week) and 2.4 (1 month)": the time point in the bracket
            n = parse_num(post.group("n"))
            it.extra["tp_inner_post"] = _Tp(inner.strip(), "post", _days(post.group("unit"), n or 0), 0, 0)
            return
        q = stats.read_qualifier(
            inner,
            median=it.stat == "median" or _IQR_WORD.search(head) is not None,
            sd_named_before=stats.sd_named_before(head),
        )
        if q.p is not None:
            it.p = q.p
        if q.role != "score" and q.role != "label":
            return
        if q.median and it.stat == "mean" and (q.iqr is not None or _MEDIAN_WORD.search(inner)):
            it.stat = "median"
        if q.sd is not None and it.sd is None and it.stat == "mean":
            it.sd = q.sd
        pair = q.iqr or q.range
        if pair is not None and _CI_WORD.search(head) and not _SPREAD_WORD.search(inner):
            return  # "(95% CI) ... 2.1 (1.6-2.7)": confidence limits
        if q.iqr is not None:
            it.iqr = q.iqr
        elif q.range is not None:
            if _IQR_WORD.search(head) and "range" not in inner.lower():
                it.iqr = q.range
            else:
                it.rng = q.range
        if q.label and it.arm is None:
            it.arm = q.label

    def _arms(self, text, sa, groups, by_label) -> None:
        first = groups[0][0].hit.start if groups else sa
        pair_names: list[str] | None = None
        for b in by_label.get("ARMS", []):
            if sa <= b.start < first:
                pair_names = [b.group("a").strip(), b.group("b").strip()]
        if pair_names is None:
            names: list[str] = []
            for g in by_label.get("GROUP", []):
                if sa <= g.start < first:
                    nm = (g.group("name") or g.group("name2") or "").strip()
                    if nm and nm.lower() not in {"each", "both", "the", "two", "study", "control"} | {x.lower() for x in names}:
                        names.append(("Group " + nm) if g.group("name") else nm)
            if len(names) == 2:
                pair_names = names
        for grp in groups:
            if len(grp) == 2 and pair_names:
                for x, nm in zip(grp, pair_names):
                    x.arm = x.arm or nm
            if len(grp) == 1 and grp[0].arm is None:
                x = grp[0]
                m = _ARM_AFTER.match(text, x.hit.end, min(x.hit.end + 60, len(text)))
                if m:
                    x.arm = m.group("arm").strip()

    def _timepoints(self, text, sa, groups, tps, masks=()) -> None:
        """Attach time points to value groups by the named strategies, in order; each takes only
        groups no earlier strategy took, and leaves a group alone when its structure is unclear."""
        if not groups:
            return
        ctx = _Ctx(text=text, sa=sa, groups=groups, tps=tps,
                   gstart=[g[0].hit.start for g in groups], gend=[g[-1].hit.end for g in groups], masks=list(masks))
        ctx.runs = _runs(text, tps, sa - 200, ctx.gend[-1] + 80)
        for strategy in (self._labels_then_values, self._values_then_run, self._run_heads_values, self._vs_baseline,
                         self._adjacent_phrase):
            strategy(ctx)

    def _labels_then_values(self, c: _Ctx) -> None:
        """Each value right after its own time point, two or more such pairs in a row: "(baseline 7.9; 1 week
        3.5; 3 months 2.8)", "VAS: baseline 7.9, 1 week 3.5". Not one pair alone (the other strategies read it)."""
        text, groups, tps = c.text, c.groups, c.tps
        own: list = []
        for i, grp in enumerate(groups):
            st = grp[0].hit.start
            own.append(None if i in c.assigned or len(grp) != 1 else
                       next((t for t in tps if t.end <= st and _LABEL_GAP.fullmatch(text, t.end, st)), None))
        run: list[int] = []

        def flush() -> None:
            if len(run) >= 2:
                for k in run:
                    self._set(groups[k], own[k])
                    c.assigned.add(k)

        for i, tp in enumerate(own):
            if tp is not None and run and _PAIR_SEP.fullmatch(text, c.gend[run[-1]], tp.start):
                run.append(i)
                continue
            flush()
            run = [i] if tp is not None else []
        flush()

    def _values_then_run(self, c: _Ctx) -> None:
        """'respectively' lists, values first: "6.8, 4.1 and 2.5 at baseline, 1 week and 1 month
        (respectively)"; with one value more than time points after "from", the first is the baseline
        ("from 8 to 3 and 2 at 3 and 6 months"). Not: "2.1 at 1 week, and 1.0" (one time point)."""
        text, groups, tps = c.text, c.groups, c.tps
        for run in c.runs:
            k = len(run)
            if k < 2:
                continue
            rs = run[0].start
            before = [i for i in range(len(groups)) if c.gend[i] <= rs and i not in c.assigned]
            seq: list[int] = []
            for i in reversed(before):
                nxt = c.gstart[i + 1] if i + 1 < len(groups) else rs
                if seq and nxt > rs:
                    break
                if not seq:
                    if not _TIGHT_AFTER.match(_FILLER_RESP.sub("", text[c.gend[i]:rs])):
                        break
                elif any(c.gend[i] <= t.start < c.gstart[seq[-1]] for t in tps):
                    break
                seq.append(i)
            seq.reverse()
            if len(seq) == k + 1 and _FROM_BEFORE.search(text[max(0, c.gstart[seq[0]] - 32):c.gstart[seq[0]]]):
                self._set(groups[seq[0]], None, baseline=True)
                c.assigned.add(seq[0])
                seq = seq[1:]
            if len(seq) == k:
                for i, t in zip(seq, run):
                    self._set(groups[i], t)
                    c.assigned.add(i)
                c.done_runs.add(id(run))
            elif len(seq) == 1 and len(groups[seq[0]]) == k:
                # one 'vs' comparison over the run: "6.5 ± 1.2 vs 2.1 ± 0.9 before and after PVP"
                for x, t in zip(groups[seq[0]], run):
                    self._set([x], t)
                c.assigned.add(seq[0])
                c.done_runs.add(id(run))

    def _run_heads_values(self, c: _Ctx) -> None:
        """Time points listed before their values: "at 4, 8 ... and 48 hours after surgery were 3
        versus 3, ..." (values zipped in order, per arm when they come in arm pairs), or anywhere
        earlier in the sentence when a 'respectively' closes the values and counts agree: "At 1, 3
        and 12 months, mean NRS fell to 4.2, 3.1 and 2.0, respectively". Not: counts that differ,
        or a number or another time point between the run and the values."""
        text, groups, tps = c.text, c.groups, c.tps
        for run in c.runs:
            k = len(run)
            if k < 2 or id(run) in c.done_runs:
                continue
            re_ = run[-1].end
            after = [i for i in range(len(groups)) if c.gstart[i] >= re_ and i not in c.assigned]
            if not after:
                continue
            gap = text[re_:c.gstart[after[0]]]
            loose = _LOOSE_BEFORE.match(gap) is not None
            seq: list[int] = []
            for i in after:
                if any(re_ <= t.start < c.gstart[i] for t in tps if t not in run) or (seq and any(c.gend[seq[-1]] <= t.start < c.gstart[i] for t in tps)):
                    break
                seq.append(i)
            if loose and len(seq) >= k and len(seq) % k == 0:
                pass
            elif (not loose and len(seq) == k and len(gap) <= 120 and not _DIGIT.search(gap)
                  and _RESPECTIVELY.match(text, c.gend[seq[-1]], min(len(text), c.gend[seq[-1]] + 40))):
                pass
            else:
                continue
            for j, i in enumerate(seq):
                self._set(groups[i], run[j % k])
                c.assigned.add(i)

    def _adjacent_phrase(self, c: _Ctx) -> None:
        """One time point next to its group: after it ("4.1 ± 2.4 at 24 h", "2 one week after"),
        before it ("on postoperative day 2 was 4"), a baseline word heading the sentence's first
        figure through its noun phrase ("The pre-procedure average VAS value was 7.9"), inside the
        bracket ("(at baseline)"), or the start of a from→to trajectory ("from 7.5 to 2.1")."""
        text, groups, tps = c.text, c.groups, c.tps
        used: set[int] = set()
        for i, grp in enumerate(groups):
            if i in c.assigned:
                continue
            first, last = grp[0], grp[-1]
            inner_tp = first.extra.get("tp_inner")
            if inner_tp:
                self._set(grp, _Tp(inner_tp, "baseline", 0, 0, 0))
                continue
            if first.extra.get("tp_inner_post") is not None:
                self._set(grp, first.extra["tp_inner_post"])
                continue
            end_lim = c.gstart[i + 1] if i + 1 < len(groups) else min(len(text), last.hit.end + 60)
            prev_end = c.gend[i - 1] if i else c.sa
            after_tp = next((t for t in tps if last.hit.end <= t.start < end_lim and id(t) not in used
                             and _TIGHT_AFTER.match(_FILLER.sub("", text[last.hit.end:t.start]))), None)
            before_tp = [t for t in tps if prev_end <= t.start and t.end <= first.hit.start and id(t) not in used
                         and _LOOSE_BEFORE.match(text[t.end:first.hit.start])]
            if after_tp is not None:
                if len(grp) == 2 and before_tp and before_tp[-1].kind != after_tp.kind:
                    # "At 6 months, mean NRS was 2.1 compared with 7.6 at baseline": a pair, each with its own time
                    # point, the one that opens the sentence the first's, the one after the pair the second's
                    self._set(grp[:1], before_tp[-1])
                    self._set(grp[1:], after_tp)
                else:
                    self._set(grp, after_tp)
                used.add(id(after_tp))  # "7.2 before treatment decreased to 3.1": not 3.1's too
                continue
            if before_tp:
                self._set(grp, before_tp[-1])
                continue
            if _FROM_BEFORE.search(text[max(0, first.hit.start - 32):first.hit.start]):
                self._set(grp, None, baseline=True)
                continue
            if i == 0:
                head = [t for t in tps if c.sa <= t.start and t.end <= first.hit.start and t.kind == "baseline"]
                gap = text[head[-1].end:first.hit.start] if head else ""
                if head and len(gap) <= 60 and not _DIGIT.search(gap) and not _NP_BREAK.search(gap) and not any(
                        head[-1].end <= t.start < first.hit.start for t in tps):
                    self._set(grp, head[-1])
                elif head and self._opening_scope(c, head[-1], first.hit.start):
                    self._set(grp, head[-1])

    @staticmethod
    def _opening_scope(c: _Ctx, head: _Tp, upto: int) -> bool:
        """A baseline phrase that opens the sentence ("Before surgery, all patients had severe pain (VAS 7
        to 10), mean 8.9 cm", "Initially, ... higher average pain scores (6.00 vs. 5.05") reaches, as
        ConText's cues do, to the sentence's first figure over a longer stretch: up to 200 characters,
        with the numbers that are never values (a scale's range, a threshold) left out. Not past
        another time point or a word that starts a change ("to", "after", "vs"); numbers before the first
        figure are not values (the resolver took none there)."""
        text = c.text
        if not _SENTENCE_OPENING.fullmatch(text, c.sa, head.start) or upto - head.end > 200:
            return False
        if any(head.end <= t.start < upto for t in c.tps):
            return False
        gap = list(text[head.end:upto])
        for a, b in c.masks:
            for k in range(max(a, head.end), min(b, upto)):
                gap[k - head.end] = " "
        rest = _NUMBER_RANGE.sub(" ", "".join(gap))  # "severe pain (7 to 10)": a band, not a change "to"
        return not _NP_BREAK.search(rest)

    def _vs_baseline(self, c: _Ctx) -> None:
        """'vs' pairs compared with baseline: "reduction compared to baseline (2.1/10 vs. 5.8/10)":
        the second of each pair is the baseline. Not: pairs in a sentence that does not say so
        (arms: "2.3 vs. 4.1 in the block and control groups")."""
        if not _VS_BASELINE.search(c.text, c.sa, c.gend[-1] + 1):
            return
        for i, grp in enumerate(c.groups):
            if i in c.assigned or len(grp) != 2 or any(x.tp is not None for x in grp):
                continue
            self._set([grp[0]], None)
            self._set([grp[1]], _Tp("baseline", "baseline", 0, 0, 0))
            c.assigned.add(i)

    @staticmethod
    def _set(grp: list[_Item], tp: _Tp | None, baseline: bool = False) -> None:
        for x in grp:
            if baseline:
                x.tp = _Tp("from", "baseline", 0, 0, 0)
                x.from_start = True
            else:
                x.tp = tp

    def _n(self, hits: list[Hit], sa: int, scale_start: int) -> int | None:
        found = [h for h in hits if sa <= h.start < scale_start]
        if len(found) == 1:
            return parse_int(found[0].group("n") or "")
        return None

    def _score(self, draft: Draft, it: _Item, n: int | None) -> PainScore:
        h = it.hit
        tp = None
        if it.tp is not None:
            tp = Timepoint(text=it.tp.text, kind=it.tp.kind, days=it.tp.days)
        central = clean_number(it.central)
        return PainScore(
            scale=it.scale,
            timepoint=tp,
            mean=central if it.stat == "mean" else None,
            median=central if it.stat == "median" else None,
            sd=it.sd,
            range=it.rng,
            iqr=it.iqr,
            p_value=it.p,
            n=n,
            arm=it.arm,
            span=draft.span(h.start, h.end, h.rule),
        )


@Language.factory("studyfacts_pain", assigns=["doc.spans"])
def make_pain(nlp: Language, name: str) -> PainComponent:
    return PainComponent(nlp, name)
