"""The review report: segments and tracks, escaping, and the page as a browser sees it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from studyfacts.warnings import classify
from typer.testing import CliRunner

import studyfacts
from studyfacts.cli import app
from studyfacts.models import (
    Check,
    Complications,
    Count,
    Design,
    Metadata,
    Population,
    Rate,
    Record,
    Source,
    Span,
    Stat,
    iter_spans,
)
from studyfacts.report import Mark, assign_tracks, render_report, segments, write_report

try:
    from .conftest import SEED, need_shared
except ImportError:  # tests/ run as rootdir modules (no tests/__init__.py)
    from conftest import SEED, need_shared  # type: ignore[no-redef]

CORPUS_FILE = Path("corpus/p1m-ortho/pubmed_result_23_medline.txt")


# --- reading the page back -------------------------------------------------------------------------


@dataclass
class Shown:
    """One record as the page shows it: the abstract's text and the characters each span covers."""

    id: str
    title: str = ""
    abstract: str = ""
    covered: dict[int, set[int]] = field(default_factory=dict)  # span id -> character offsets
    badges: list[tuple[int, str]] = field(default_factory=list)  # (offset after which, text)
    classes: set[str] = field(default_factory=set)


class PageReader(HTMLParser):
    """Reads the records out of a report (our HTML or Chromium's serialised DOM)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.records: list[Shown] = []
        self.scripts = 0
        self.data_blocks = 0
        self.handlers: list[str] = []
        self._stack: list[tuple[str, str]] = []  # (tag, role) of open elements

    def _role(self) -> str:
        return self._stack[-1][1] if self._stack else ""

    def _inside(self, role: str) -> bool:
        return any(r == role for _, r in self._stack)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.handlers += [k for k in a if k.startswith("on")]
        if tag == "script":  # scripts that run; the page's data sits in one application/json block
            data = a.get("type") == "application/json"
            self.scripts += not data
            self.data_blocks += data
        classes = set((a.get("class") or "").split())
        role = ""
        if tag == "details" and "rec" in classes:
            self.records.append(Shown(a.get("id") or "", classes=classes))
            role = "rec"
        elif tag == "span" and "ttl" in classes:
            role = "ttl"
        elif tag == "p" and "abs" in classes and "none" not in classes:
            role = "abs"
        elif tag == "span" and "seg" in classes and self._inside("abs"):
            role = "seg"
            self._seg_ids = [int(i) for i in (a.get("data-s") or "").split()]
        elif tag == "span" and "fail-badge" in classes:
            role = "badge"
        if tag not in ("br", "meta", "input", "i", "link"):  # void or empty: never closed
            self._stack.append((tag, role))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self.records:
            return
        rec = self.records[-1]
        if self._inside("badge"):
            rec.badges.append((len(rec.abstract), data))
        elif self._inside("abs"):
            if self._role() == "seg":
                for sid in self._seg_ids:
                    rec.covered.setdefault(sid, set()).update(
                        range(len(rec.abstract), len(rec.abstract) + len(data))
                    )
            rec.abstract += data
        elif self._inside("ttl"):
            rec.title += data


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader


def assert_every_span_highlighted(record: Record, shown: Shown) -> None:
    """The page shows the exact abstract, and each span's bar covers exactly its characters."""
    assert shown.abstract == record.abstract
    spans = iter_spans(record)
    for sid, (where, span) in enumerate(spans):
        want = set(range(span.start, span.end))
        assert shown.covered.get(sid, set()) == want, f"{where} {span.text!r} is not highlighted exactly"
    assert set(shown.covered) <= set(range(len(spans)))


# --- records built by hand, so these tests do not move with the rules ---------------------------------

ABSTRACT = (
    "All consecutive patients were retrospectively included. There were 74 patients (35 women; "
    "median age 61 years). Additional cementoplasty was used for 76 SM (76/105; 72.4%). "
    "LTC was achieved in 23/28 (72.1%) SM."
)


def _span(text: str, rule: str | None = None) -> Span:
    start = ABSTRACT.index(text)
    return Span(start=start, end=start + len(text), text=text, rule=rule)


def hand_record(**metadata: object) -> Record:
    return Record(
        source=Source(path="hand.ris", index=0, format="ris", line=1),
        id="10.1/x",
        metadata=Metadata(**{"title": "A hand-made record", "doi": "10.1/x", "pmid": "123", **metadata}),
        abstract=ABSTRACT,
        design=Design(retrospective=True, consecutive=True,
                      evidence=[_span("consecutive patients"), _span("retrospectively")]),
        population=Population(
            patients=Count(value=74, noun="patients", span=_span("74 patients", "cohort.n")),
            female=Count(value=35, noun="women", span=_span("35 women")),
            age=Stat(median=61, unit="years", span=_span("median age 61 years")),
        ),
        complications=Complications(total=2),
        rates=[
            Rate(label="cementoplasty", count=76, total=105, percent=72.4,
                 span=_span("76 SM (76/105; 72.4%)")),
            Rate(label="LTC", count=23, total=28, percent=72.1, span=_span("23/28 (72.1%)")),
        ],
        checks=[
            Check(kind="percent_vs_fraction", ok=True, message="76/105 = 72.4%", span=_span("76/105; 72.4%")),
            Check(kind="percent_vs_fraction", ok=False, message="23/28 = 82.1%, reported 72.1%",
                  span=_span("23/28 (72.1%)")),
            Check(kind="grim", ok=False, message="no n gives this mean"),
        ],
        warnings=["no convincing follow-up"],
    )


def _marks(*bounds: tuple[int, int]) -> list[Mark]:
    tracks = assign_tracks(bounds)
    pairs = zip(bounds, tracks, strict=True)
    return [Mark(i, "rates", f"m{i}", t, a, b) for i, ((a, b), t) in enumerate(pairs)]


@pytest.mark.parametrize(
    "bounds",
    [
        pytest.param([], id="none"),
        pytest.param([(0, 10)], id="whole"),
        pytest.param([(2, 5), (2, 5)], id="identical"),
        pytest.param([(1, 9), (3, 5)], id="nested"),
        pytest.param([(1, 6), (4, 9)], id="crossing"),
        pytest.param([(1, 4), (4, 7)], id="adjacent"),
        pytest.param([(1, 8), (2, 4), (3, 9), (5, 6)], id="tangle"),
        pytest.param([(3, 3), (1, 5)], id="zero-width"),
    ],
)
def test_report_segments_cover_the_text_and_each_mark_exactly(bounds):
    text = "0123456789"
    marks = _marks(*bounds)
    segs = segments(text, marks)
    assert "".join(s.text for s in segs) == text
    pos, covered = 0, {m.id: set() for m in marks}
    for s in segs:
        assert s.text, "no empty segments"
        assert [m.track for m in s.marks] == sorted({m.track for m in s.marks}), "one mark per track"
        for m in s.marks:
            covered[m.id].update(range(pos, pos + len(s.text)))
        pos += len(s.text)
    assert covered == {m.id: set(range(m.start, m.end)) for m in marks}


@pytest.mark.parametrize(
    ("bounds", "tracks"),
    [
        pytest.param([(0, 5), (5, 9)], 1, id="adjacent-share"),
        pytest.param([(0, 5), (1, 2), (3, 4)], 2, id="nested-two"),
        pytest.param([(0, 9), (0, 9), (0, 9)], 3, id="identical-three"),
    ],
)
def test_report_assign_tracks_never_overlaps_on_one_track(bounds, tracks):
    got = assign_tracks(bounds)
    assert max(got) + 1 == tracks
    for i, (a, b) in enumerate(bounds):
        for j, (c, d) in enumerate(bounds[:i]):
            if a < d and c < b:
                assert got[i] != got[j]


def test_report_hand_record_highlights_every_span_and_flags_failed_checks():
    record = hand_record()
    html = render_report([record])
    page = read_page(html)
    (shown,) = page.records
    assert_every_span_highlighted(record, shown)
    # The failed check stands right after its span; the one without a span is listed.
    end = ABSTRACT.index("23/28 (72.1%)") + len("23/28 (72.1%)")
    assert (end, "✗ percent_vs_fraction: 23/28 = 82.1%, reported 72.1%") in shown.badges
    assert "no n gives this mean" in html
    assert {"has-failed", "has-warn"} <= shown.classes and "no-pat" not in shown.classes
    assert 'href="https://doi.org/10.1/x"' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/123/"' in html
    assert "74 patients" in html and "cohort.n" in html  # value and rule in the fact table


@pytest.mark.parametrize(
    ("place", "metadata"),
    [
        pytest.param("title", {"title": "<script>alert('t')</script>"}, id="title"),
        pytest.param("journal", {"journal": "<img src=x onerror=alert(1)>"}, id="journal"),
        pytest.param("doi", {"doi": '10.1/"><script>alert(1)</script>'}, id="doi"),
        pytest.param("authors", {"authors": ["<b onmouseover=alert(1)>X</b>"]}, id="authors"),
    ],
)
def test_report_escapes_everything_from_the_input(place, metadata):
    record = hand_record(**metadata).model_copy(update={"warnings": [classify("<script>alert('w')</script>")]})
    html = render_report([record], sources=["<script>alert('s')</script>.ris"])
    page = read_page(html)
    assert page.scripts == 1, "only the report's own script"
    assert page.data_blocks == 1, "and its data, which cannot end its block early"
    assert page.handlers == [], "no event handler attribute from the input"
    assert "<script>alert" not in html
    if place == "title":
        assert page.records[0].title == metadata["title"]  # shown as text, intact


def test_report_escapes_markup_inside_the_abstract():
    abstract = "Of <b>12</b> patients & 3 <script>x</script> lesions."
    start = abstract.index("12")
    record = Record(
        source=Source(path="x", index=0, format="text"), id="x", abstract=abstract,
        population=Population(patients=Count(value=12, noun="patients",
                                             span=Span(start=start, end=start + 2, text="12"))),
    )
    html = render_report([record])
    page = read_page(html)
    assert page.scripts == 1
    assert_every_span_highlighted(record, page.records[0])


def test_report_record_without_abstract_is_listed_as_missing_patients():
    record = Record(source=Source(path="x", index=0, format="ris"), id="x",
                    warnings=["no abstract: nothing to extract"])
    page = read_page(render_report([record]))
    assert "no-pat" in page.records[0].classes and page.records[0].abstract == ""


def test_report_collapses_records_beyond_the_open_limit():
    records = [hand_record()] * 3
    assert render_report(records, open_limit=3).count(" open>") == 3
    assert render_report(records, open_limit=2).count(" open>") == 0


# --- the seed and a real corpus file --------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_records() -> list[Record]:
    return list(studyfacts.extract_file(SEED))


@pytest.fixture(scope="module")
def corpus_records() -> list[Record]:
    return list(studyfacts.extract_file(need_shared() / CORPUS_FILE))


def test_report_seed_every_span_highlighted(seed_records):
    page = read_page(render_report(seed_records))
    assert len(page.records) == 1
    assert_every_span_highlighted(seed_records[0], page.records[0])


def test_report_cli_writes_the_page(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert len(read_page(out.read_text(encoding="utf-8")).records) == 1


def test_report_cli_unreadable_input_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(tmp_path / "missing.ris"), "-o", str(out)])
    assert result.exit_code == 2
    assert not out.exists()


# --- in a real browser ----------------------------------------------------------------------------


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is absent (Debian: apt-get install -y chromium)")
    return found


def dump_dom(page: Path) -> str:
    """The DOM Chromium builds from the page, after its script ran."""
    with tempfile.TemporaryDirectory() as profile:
        done = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--dump-dom", page.resolve().as_uri()],
            capture_output=True, text=True, timeout=60, check=True,
            env={**os.environ, "LANG": "C.UTF-8"},
        )
    return done.stdout


@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_report_in_chromium_highlights_every_span(which, request, tmp_path):
    _chromium()
    records: list[Record] = request.getfixturevalue(f"{which}_records")
    path = tmp_path / "report.html"
    path.write_text(render_report(records), encoding="utf-8")
    page = read_page(dump_dom(path))
    assert page.handlers == []
    assert len(page.records) == len(records)
    for record, shown in zip(records, page.records, strict=True):
        if record.abstract is None:
            assert shown.abstract == ""
        else:
            assert_every_span_highlighted(record, shown)
        assert shown.title == (record.metadata.title or "(no title)")
    if which == "seed":
        assert sum(len(s.covered) for s in page.records) >= 10, "the seed's facts are on the page"


def test_report_write_report_on_a_real_corpus_file(tmp_path):
    source = need_shared() / CORPUS_FILE
    out = tmp_path / "r.html"
    run = write_report([source], out)
    assert run.records == len(read_page(out.read_text(encoding="utf-8")).records) > 0


# --- the review table ------------------------------------------------------------------------------


def test_report_review_rows_are_the_wide_csv_values_list_entries_and_checks():
    from studyfacts.report import REVIEW_COLUMNS, build_view
    from studyfacts.tabular import WIDE_COLUMNS, wide_row

    record = hand_record()
    view = build_view(record, 0)
    cells = dict(zip(WIDE_COLUMNS, wide_row(record), strict=True))
    got = {r.key: r for r in view.rows}
    want_cells = [c for c in WIDE_COLUMNS if c in REVIEW_COLUMNS and cells[c] != ""]
    assert [r.key for r in view.rows if r.kind == "cell"] == want_cells
    for c in want_cells:
        assert got[c].value == str(cells[c])
    assert [r.key for r in view.rows if r.kind == "item"] == ["rates[0]", "rates[1]"]
    assert [r.key for r in view.rows if r.kind == "check"] == ["checks[0]", "checks[1]", "checks[2]"]
    # Each value points at its own evidence: design flags by rule, counts by their span.
    spans = iter_spans(record)
    assert [spans[i][1].text for i in got["patients"].span_ids] == ["74 patients"]
    assert got["retrospective"].evidence == [] and got["consecutive"].evidence == []  # no rule names
    assert got["checks[1]"].failed and not got["checks[0]"].failed
    assert view.cells == ["" if v in (None, "") else str(v) for v in wide_row(record)]


def test_report_review_tier_read_from_the_record_json(monkeypatch):
    from studyfacts import tiers

    real = tiers.record_json

    def data(record):
        d = real(record)
        d["population"]["female"].update(confidence="review", reason="sex count near another count")
        d["rates"][1].update(confidence="review")
        d["population"]["patients"].update(confidence="high")
        return d

    monkeypatch.setattr(tiers, "record_json", data)
    record = hand_record()
    html = render_report([record])
    page = read_page(html)
    assert "has-review" in page.records[0].classes
    assert html.count('data-tier="review"') == 2
    assert "needs review: sex count near another count" in html
    import re

    def seg_classes(text: str) -> set[str]:
        m = re.search(r'<span class="seg ([^"]*)"[^>]*>' + re.escape(text) + "</span>", html)
        assert m, text
        return set(m.group(1).split())

    assert "rv" in seg_classes("35 women"), "the review-tier value's text is outlined"
    assert "rv" not in seg_classes("74 patients")
