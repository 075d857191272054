"""A self-contained HTML review report: every extracted value highlighted in its abstract.

Reviewers must check each number before it goes into a meta-analysis, so the
page puts each value back where it came from. The abstract is cut into
segments at every span boundary; each segment is marked with *all* the spans
covering it (one coloured bar per span, each span on its own track), so
overlapping and nested spans render correctly without nesting HTML elements
that cannot nest.

The page is also the review tool. Each record's table has one row per value
as the wide CSV holds it (`review_rows`: the columns of `tabular.WIDE_COLUMNS`
a reviewer checks, then each follow-up figure, pain figure and rate); the
script (`templates/report.js`) lets the reviewer accept, correct, reject or add
values, keeps the decisions in localStorage under the input file and record id,
and exports the reviewed facts as CSV (the record's `--format csv` cells, which
the page carries as data, with the reviewer's changes) and JSON. Values whose
record JSON says `"confidence": "review"` (`tiers`) are outlined.

All HTML comes from Jinja2 templates with autoescaping on: nothing taken from
the input reaches the page unescaped (the page's data is one JSON block, with
`<`, `>` and `&` escaped). The page needs no network (inline CSS and JS).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import jinja2
from pydantic import BaseModel

from . import __version__, tiers
from .batch import Summary
from .models import Check, Complications, Count, Design, PainScore, Rate, Record, Span, Stat, iter_spans
from .tabular import WIDE_COLUMNS, primary_follow_up, wide_row
from .tiers import HIGH, REVIEW, tier_at, wide_tiers

# Fact families in display order; the first component of a span's dotted path names its family.
FAMILIES: tuple[str, ...] = ("design", "population", "follow_up", "pain", "complications", "rates", "checks")

# A segment draws at most this many bars; deeper overlaps still get the label and tint.
MAX_TRACKS = 8

# Small reports open every record; big ones start collapsed so the page stays usable.
OPEN_LIMIT = 50


@dataclass
class Mark:
    """One span as drawn: which fact it belongs to and the bar track it occupies."""

    id: int
    family: str
    label: str
    track: int
    start: int
    end: int
    failed: bool = False
    review: bool = False  # part of a value whose confidence is "review"


@dataclass
class Segment:
    """A run of abstract characters covered by the same set of spans."""

    text: str
    marks: list[Mark] = field(default_factory=list)
    # Failed checks whose span ends here: shown in red right after their text.
    failed_after: list[Check] = field(default_factory=list)

    @property
    def ids(self) -> str:
        return " ".join(str(m.id) for m in self.marks)

    @property
    def tint(self) -> str:
        """The family colour of the innermost (shortest) span; a failed check wins.

        A passed check usually repeats a rate's own span: the fact's colour says more than grey.
        """
        if any(m.failed for m in self.marks):
            return "failed"
        return min(self.marks, key=lambda m: (m.family == "checks", m.end - m.start, m.track)).family

    @property
    def title(self) -> str:
        return "\n".join(m.label for m in self.marks)

    @property
    def review(self) -> bool:
        return any(m.review for m in self.marks)


@dataclass
class Row:
    """One row of a record's review table: a value the reviewer can accept, correct or reject.

    `kind` "cell" is a wide-CSV column (`column` names it, `value` is its CSV text);
    "item" is one entry of a list field (a follow-up figure, pain figure or rate),
    counted in the wide CSV; "check" is a consistency finding, shown but not reviewed.
    """

    key: str
    kind: str
    family: str
    field: str
    value: str
    span_ids: list[int]
    evidence: list[str]
    rules: list[str]
    column: str | None = None
    tier: str = "high"
    reason: str | None = None
    failed: bool = False

    @property
    def ids(self) -> str:
        return " ".join(str(i) for i in self.span_ids)

    @property
    def review(self) -> bool:
        return self.tier == REVIEW


@dataclass
class RecordView:
    """Everything the template needs about one record, computed once."""

    index: int
    record: Record
    segments: list[Segment]
    tracks: int
    rows: list[Row]
    failed_checks: list[Check]
    unplaced_failed: list[Check]  # failed checks with no span to stand beside
    cells: list[str] = field(default_factory=list)  # the record's `--format csv` row, as text
    n_marks: int = 0

    @property
    def meta(self) -> Any:
        return self.record.metadata

    @property
    def has_patients(self) -> bool:
        return self.record.population.patients is not None

    @property
    def n_spans(self) -> int:
        return self.n_marks

    @property
    def n_review(self) -> int:
        return sum(r.review for r in self.rows)


# --- values as a reviewer reads them ---------------------------------------------------------------


def _num(x: float | int | None) -> str:
    if x is None:
        return ""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return f"{x:g}"


def _pair(p: tuple[float, float] | None) -> str | None:
    return None if p is None else f"{_num(p[0])}–{_num(p[1])}"


def _stat_parts(s: Stat | PainScore) -> list[str]:
    parts: list[str] = []
    if s.mean is not None:
        parts.append(f"mean {_num(s.mean)}" + (f" ± {_num(s.sd)}" if s.sd is not None else ""))
    elif s.sd is not None:
        parts.append(f"SD {_num(s.sd)}")
    if s.median is not None:
        parts.append(f"median {_num(s.median)}")
    if s.iqr is not None:
        parts.append(f"IQR {_pair(s.iqr)}")
    if s.range is not None:
        parts.append(f"range {_pair(s.range)}")
    return parts


def _design(d: Design) -> str:
    flags = [name for name in ("retrospective", "prospective", "randomized", "multicenter", "consecutive")
             if getattr(d, name) is True]
    flags += [f"not {name}" for name in ("retrospective", "prospective", "randomized", "multicenter")
              if getattr(d, name) is False]
    if d.centers is not None:
        flags.append(f"{d.centers} centers")
    if d.period is not None:
        flags.append(f"{d.period.start}–{d.period.end or '?'}")
    return ", ".join(flags) or "(no design value)"


def describe(value: BaseModel) -> str:
    """A one-line reading of one fact, for the hover label and the table."""
    if isinstance(value, Count):
        return f"{value.value} {value.noun}"
    if isinstance(value, PainScore):
        head = value.scale + (f" at {value.timepoint.text}" if value.timepoint else "")
        parts = _stat_parts(value)
        if value.n is not None:
            parts.append(f"n={value.n}")
        if value.p_value is not None:
            parts.append(f"p {value.p_value.op} {_num(value.p_value.value)}")
        if value.arm:
            parts.append(f"arm {value.arm}")
        return f"{head}: {', '.join(parts)}" if parts else head
    if isinstance(value, Stat):
        text = ", ".join(_stat_parts(value))
        if value.unit:
            text += f" {value.unit}"
        if value.about:
            text += f" ({value.about})"
        return text.strip() or "(no value)"
    if isinstance(value, Complications):
        head = _num(value.total) if value.total is not None else "?"
        if value.denominator is not None:
            head += f"/{value.denominator}"
        if value.per:
            head += f" {value.per}"
        if value.percent is not None:
            head += f" ({_num(value.percent)}%)"
        parts = [head]
        if value.major is not None or value.minor is not None:
            parts.append(f"major {_num(value.major) or '?'}, minor {_num(value.minor) or '?'}")
        if value.patients_affected is not None:
            parts.append(f"{value.patients_affected} patients affected")
        if value.grading:
            parts.append(f"grading {value.grading}")
        if value.grades:
            parts.append("grades " + ", ".join(value.grades))
        return "; ".join(parts)
    if isinstance(value, Rate):
        frac = f"{_num(value.count) or '?'}/{_num(value.total) or '?'}"
        if value.percent is not None:
            frac += f" ({_num(value.percent)}%)"
        return f"{value.label}: {frac}" if value.label else frac
    if isinstance(value, Check):
        return f"{'ok' if value.ok else 'FAILED'} {value.kind}: {value.message}"
    if isinstance(value, Design):
        return _design(value)
    # A model this module does not know yet (the contract welcomes more fields): its plain values.
    data = value.model_dump(exclude_none=True)
    shown = [f"{k}={v}" for k, v in data.items() if not isinstance(v, dict | list) or v]
    return ", ".join(shown) or "(no value)"


# --- spans, tracks and segments --------------------------------------------------------------------

_STEP = re.compile(r"([A-Za-z_]\w*)(?:\[(\d+)\])?")


def _resolve(record: Record, path: str) -> Any:
    """The object at a dotted path such as `pain[1]` or `population.patients`."""
    obj: Any = record
    for part in path.split("."):
        m = _STEP.fullmatch(part)
        if not m:
            return None
        obj = getattr(obj, m.group(1), None)
        if m.group(2) is not None:
            obj = obj[int(m.group(2))] if isinstance(obj, list) else None
    return obj


def _owner(path: str) -> tuple[str, bool]:
    """The fact a span belongs to ('pain[1].span' -> 'pain[1]') and whether it is evidence."""
    owner, _, last = path.rpartition(".")
    return owner, last.startswith("evidence")


def assign_tracks(spans: Sequence[tuple[int, int]]) -> list[int]:
    """A bar track for each (start, end) so that overlapping spans never share one.

    Greedy interval colouring in start order: the fewest tracks, and a span
    keeps one track over all its segments so its bar reads as one line.
    """
    tracks = [0] * len(spans)
    ends: list[int] = []  # the end of the last span on each track
    for i in sorted(range(len(spans)), key=lambda i: (spans[i][0], -spans[i][1])):
        start, end = spans[i]
        for t, last in enumerate(ends):
            if last <= start:
                tracks[i], ends[t] = t, end
                break
        else:
            tracks[i] = len(ends)
            ends.append(end)
    return tracks


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece carries every mark that covers it.

    Joining the pieces' text gives `text` back exactly. Zero-width marks cover
    no characters and are left out (they still appear in the fact table).
    """
    cuts = {0, len(text)}
    for m in marks:
        if m.end > m.start:
            cuts.update((m.start, m.end))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    by_start = sorted((m for m in marks if m.end > m.start), key=lambda m: (m.start, m.track))
    out: list[Segment] = []
    active: list[Mark] = []
    k = 0
    for a, b in zip(bounds, bounds[1:], strict=False):
        if a == b:
            continue
        active = [m for m in active if m.end > a]
        while k < len(by_start) and by_start[k].start <= a:
            if by_start[k].end > a:
                active.append(by_start[k])
            k += 1
        out.append(Segment(text[a:b], sorted(active, key=lambda m: m.track)))
    return out


def _csv_text(value: Any) -> str:
    """A cell as the csv module writes it (str() of the value; None is empty)."""
    return "" if value is None else str(value)


# Wide columns the reviewer checks, in table order, with the kind of value a correction must be.
REVIEW_COLUMNS: dict[str, str] = {
    "patients": "int", "lesions": "int", "female": "int", "male": "int",
    "age_mean": "number", "age_sd": "number", "age_median": "number",
    "retrospective": "bool", "prospective": "bool", "randomized": "bool", "multicenter": "bool",
    "consecutive": "bool", "centers": "int", "period_start": "period", "period_end": "period",
    "follow_up_mean_months": "number", "follow_up_median_months": "number",
    "complications_total": "int", "complications_denominator": "int", "complications_per": "per",
    "complications_percent": "percent", "complications_major": "int", "complications_minor": "int",
}
# List fields: each entry is reviewed on its own; the wide CSV counts the entries kept.
LIST_COLUMNS: dict[str, str] = {"follow_up": "follow_up_figures", "pain": "pain_figures", "rates": "rates"}

# The "add a value" menu: (group, [(field, label)]); list fields add a new entry.
ADD_GROUPS: tuple[tuple[str, list[tuple[str, str]]], ...] = (
    ("population", [(c, c) for c in ("patients", "lesions", "female", "male",
                                     "age_mean", "age_sd", "age_median")]),
    ("design", [(c, c) for c in ("retrospective", "prospective", "randomized", "multicenter", "consecutive",
                                 "centers", "period_start", "period_end")]),
    ("follow-up", [("follow_up_mean_months", "follow_up_mean_months"),
                   ("follow_up_median_months", "follow_up_median_months"),
                   ("follow_up", "follow-up figure (new entry)")]),
    ("outcomes", [("pain", "pain figure (new entry)"), ("rates", "rate (new entry)")]),
    ("complications", [(c, c) for c in REVIEW_COLUMNS if c.startswith("complications_")]),
)


def _column_owner(record: Record, column: str) -> tuple[str, str]:
    """(family, owner path) whose spans show where a wide column's value was read."""
    if column in ("patients", "lesions", "female", "male"):
        return "population", f"population.{column}"
    if column.startswith("age_"):
        return "population", "population.age"
    if column.startswith("follow_up_"):
        fu = primary_follow_up(record)
        i = next((i for i, s in enumerate(record.follow_up) if s is fu), 0)
        return "follow_up", f"follow_up[{i}]"
    if column.startswith("complications_"):
        return "complications", "complications"
    return "design", "design"


def _design_spans(column: str, entries: list[tuple[int, Span, bool]]) -> list[tuple[int, Span, bool]]:
    """The design evidence behind one design column, told apart by rule name (design.<column>...)."""
    root = column.removesuffix("_start").removesuffix("_end")

    def about(name: str) -> list[tuple[int, Span, bool]]:
        return [e for e in entries if e[1].rule and e[1].rule.removeprefix("design.").startswith(name)]

    found = about(root)
    if not found and root == "multicenter":
        found = about("centers")  # "two academic centers" says both
    return found


def review_rows(
    record: Record, owners: dict[str, list[tuple[int, Span, bool]]], data: dict[str, Any]
) -> list[Row]:
    """The review table of one record: its wide-CSV values, its list entries, then its checks."""
    rows: list[Row] = []
    review = wide_tiers(record, data)
    for column, value in zip(WIDE_COLUMNS, wide_row(record), strict=True):
        if column not in REVIEW_COLUMNS or value == "":
            continue
        family, owner = _column_owner(record, column)
        entries = owners.get(owner, [])
        if family == "design":
            entries = _design_spans(column, entries)
        tier = REVIEW if column in review else HIGH
        rules = sorted({sp.rule for _, sp, _ in entries if sp.rule})
        rows.append(Row(column, "cell", family, column, _csv_text(value), [sid for sid, _, _ in entries],
                        [sp.text for _, sp, _ in entries], rules,
                        column=column, tier=tier, reason=review.get(column) or None))
    for name in ("follow_up", "pain", "rates"):
        for i, item in enumerate(getattr(record, name)):
            owner = f"{name}[{i}]"
            entries = owners.get(owner, [])
            tier, reason = tier_at(data, owner)
            rows.append(Row(owner, "item", name, owner, describe(item), [sid for sid, _, _ in entries],
                            [sp.text for _, sp, _ in entries],
                            sorted({sp.rule for _, sp, _ in entries if sp.rule}), tier=tier, reason=reason))
    for i, check in enumerate(record.checks):
        owner = f"checks[{i}]"
        entries = owners.get(owner, [])
        rows.append(Row(owner, "check", "checks", owner, describe(check), [sid for sid, _, _ in entries],
                        [sp.text for _, sp, _ in entries], [], failed=not check.ok))
    return rows


def build_view(record: Record, index: int) -> RecordView:
    """Marks, segments and review rows of one record."""
    found = iter_spans(record)
    owners: dict[str, list[tuple[int, Span, bool]]] = {}
    for sid, (path, span) in enumerate(found):
        owner, evidence = _owner(path)
        owners.setdefault(owner, []).append((sid, span, evidence))

    data = tiers.record_json(record)
    rows = review_rows(record, owners, data)
    review_spans = {sid for r in rows if r.review for sid in r.span_ids}

    marks: list[Mark] = []
    for owner, entries in owners.items():
        family = owner.split(".")[0].split("[")[0]
        value = _resolve(record, owner)
        text = describe(value) if isinstance(value, BaseModel) else str(value)
        failed = isinstance(value, Check) and not value.ok
        for sid, span, evidence in entries:
            where = f"{owner} (evidence)" if evidence else owner
            rule = f"  [rule {span.rule}]" if span.rule else ""
            marks.append(Mark(sid, family, f"{where} = {text}{rule}", 0, span.start, span.end, failed,
                              review=sid in review_spans))
    marks.sort(key=lambda m: m.id)

    for m, t in zip(marks, assign_tracks([(m.start, m.end) for m in marks]), strict=True):
        m.track = t
    segs = segments(record.abstract, marks) if record.abstract is not None else []

    failed_checks = [c for c in record.checks if not c.ok]
    unplaced: list[Check] = []
    for check in failed_checks:
        at = check.span
        seg = None
        if at is not None and at.end > at.start:
            pos = 0
            for s in segs:  # the segment that ends where the check's span ends
                pos += len(s.text)
                if pos == at.end:
                    seg = s
                    break
        if seg is None:
            unplaced.append(check)
        else:
            seg.failed_after.append(check)

    tracks = min(MAX_TRACKS, 1 + max((m.track for m in marks if m.end > m.start), default=-1))
    cells = [_csv_text(v) for v in wide_row(record)]
    return RecordView(index, record, segs, tracks, rows, failed_checks, unplaced, cells, len(marks))


# --- the run's summary -----------------------------------------------------------------------------


# Which records "have" each field, for the summary's coverage table.
COVERAGE: tuple[tuple[str, Any], ...] = (
    ("design", lambda r: bool(r.design.model_dump(exclude_defaults=True))),
    ("population.patients", lambda r: r.population.patients is not None),
    ("population.lesions", lambda r: r.population.lesions is not None),
    ("population.female", lambda r: r.population.female is not None),
    ("population.male", lambda r: r.population.male is not None),
    ("population.age", lambda r: r.population.age is not None),
    ("follow_up", lambda r: bool(r.follow_up)),
    ("pain", lambda r: bool(r.pain)),
    ("complications", lambda r: r.complications is not None),
    ("rates", lambda r: bool(r.rates)),
    ("checks", lambda r: bool(r.checks)),
)


@dataclass
class ReportSummary:
    records: int = 0
    with_abstract: int = 0
    spans: int = 0
    checks: int = 0
    failed_checks: int = 0
    with_failed_checks: int = 0
    with_warnings: int = 0
    missing_patients: int = 0
    review_values: int = 0  # values whose confidence is "review"
    with_review: int = 0
    coverage: dict[str, int] = field(default_factory=lambda: {name: 0 for name, _ in COVERAGE})

    def add(self, view: RecordView) -> None:
        r = view.record
        self.records += 1
        self.with_abstract += r.abstract is not None
        self.spans += view.n_spans
        self.checks += len(r.checks)
        self.failed_checks += len(view.failed_checks)
        self.with_failed_checks += bool(view.failed_checks)
        self.with_warnings += bool(r.warnings)
        self.missing_patients += not view.has_patients
        self.review_values += view.n_review
        self.with_review += bool(view.n_review)
        for name, has in COVERAGE:
            self.coverage[name] += bool(has(r))

    def percent(self, n: int) -> str:
        return f"{100 * n / self.records:.0f}%" if self.records else "–"


# --- rendering -------------------------------------------------------------------------------------


@cache
def _env() -> jinja2.Environment:
    # autoescape=True for every template, whatever its name: input text is never trusted.
    return jinja2.Environment(
        loader=jinja2.PackageLoader("studyfacts", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_report(
    records: Iterable[Record],
    *,
    title: str = "studyfacts review report",
    sources: Sequence[str] = (),
    run: Summary | None = None,
    open_limit: int = OPEN_LIMIT,
) -> str:
    """The review page for `records`, as one self-contained HTML string.

    `sources` and `run` (the `batch.Summary` the records were extracted
    under, read once every record has been consumed) describe the run in the
    page's header. With more than `open_limit` records, records start collapsed.
    """
    summary = ReportSummary()
    views: list[RecordView] = []
    for i, record in enumerate(records):
        view = build_view(record, i)
        summary.add(view)
        views.append(view)
    return _env().get_template("report.html").render(
        title=title,
        version=__version__,
        sources=list(sources),
        run=run,
        summary=summary,
        coverage=COVERAGE,
        views=views,
        families=FAMILIES,
        max_tracks=MAX_TRACKS,
        open_all=len(views) <= open_limit,
        add_groups=ADD_GROUPS,
        page_data={
            "columns": list(WIDE_COLUMNS),
            # pairs, not objects: tojson sorts object keys, and the column order matters
            "kinds": list(REVIEW_COLUMNS.items()),
            "lists": list(LIST_COLUMNS.items()),
            "rows": [v.cells for v in views],
        },
    )


def write_report(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    open_limit: int = OPEN_LIMIT,
    notice: Callable[[str], None] | None = None,
) -> Summary:
    """Read and extract every record of `paths`, write the review page to `out` (atomically).

    Files in a directory that are not exports are skipped and named once through
    `notice`. Returns the run's `batch.Summary` (for the closing line on stderr).
    """
    from .batch import extract_paths, gather_inputs
    from .output import atomic_output

    inputs = gather_inputs([os.fspath(p) for p in paths])
    if notice is not None and inputs.notice():
        notice(inputs.notice())
    files = inputs.files
    run = Summary()
    html = render_report(extract_paths(files, run), sources=files, run=run, open_limit=open_limit)
    with atomic_output(os.fspath(out)) as fh:
        fh.write(html)
    return run
