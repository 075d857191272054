"""The report as a review tool, driven in a real browser: Playwright with Debian's chromium.

No browser is downloaded: Playwright launches the system's `chromium` through
`executable_path`; without it (or without Playwright) these tests skip.

The fixture `tests/fixtures/report/p1m-ortho-three.nbib` holds three real PubMed
records (records 6, 12 and 20 of the shared corpus file
`p1m-ortho/pubmed_result_23_medline.txt`), next to the seed.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import studyfacts
from studyfacts import tiers
from studyfacts.cli import app
from studyfacts.report import ADD_GROUPS, LIST_COLUMNS, REVIEW_COLUMNS, render_report
from studyfacts.tabular import WIDE_COLUMNS

from .conftest import ROOT, SEED, all_high

THREE = ROOT / "tests" / "fixtures" / "report" / "p1m-ortho-three.nbib"
PULLEY = "10.1097/01.rli.0000262756.65849.12"  # "In the 8 symptomatic fingers": lesions the rules miss
SEED_ID = "10.1007/s00330-021-08477-6"
REVIEWED = [c for c in WIDE_COLUMNS if c in REVIEW_COLUMNS or c in LIST_COLUMNS.values()]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is absent (Debian: apt-get install -y chromium)")
    return found


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        # no background networking, component updates or crash reporter: this machine's network
        # is closed, and nothing of the browser's should outlive the tests
        args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic", "--disable-crash-reporter", "--disable-breakpad"]
        b = p.chromium.launch(executable_path=path, args=args, timeout=60_000)
        yield b
        b.close()


@pytest.fixture
def open_page(browser):
    """open_page(html_path) -> a page in a fresh browser context (its own localStorage); JS errors fail."""
    contexts = []

    def _open(path: Path, context=None):
        if context is None:
            context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 1500})
            contexts.append(context)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(path.resolve().as_uri())
        page.errors = errors  # type: ignore[attr-defined]
        return page

    yield _open
    for c in contexts:
        c.close()


def cli_csv(*paths: Path) -> list[list[str]]:
    result = CliRunner().invoke(app, ["extract", *map(str, paths), "-f", "csv", "-j", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return list(csv.reader(io.StringIO(result.stdout)))


def cli_report(tmp_path: Path, *paths: Path) -> Path:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", *map(str, paths), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def export(page, what: str):
    with page.expect_download() as info:
        page.click(f'button[data-export="{what}"]')
    download = info.value
    text = Path(download.path()).read_bytes().decode("utf-8")  # line ends as written
    return download.suggested_filename, text


def select_text(page, record_id: str, text: str) -> None:
    """Select `text` in a record's abstract with the mouse, as a reviewer does."""
    rec = page.locator(f'details.rec[data-id="{record_id}"]')
    rec.scroll_into_view_if_needed()
    box = page.evaluate(
        """([id, text]) => {
          const abs = document.querySelector(`details.rec[data-id="${id}"] p.abs`);
          const walker = document.createTreeWalker(abs, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode())) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            abs.scrollIntoView({block: "center"});
            const r = document.createRange();
            r.setStart(node, at); r.setEnd(node, at + text.length);
            const rects = r.getClientRects();
            const a = rects[0], b = rects[rects.length - 1];
            return {x0: a.left + 1, y0: a.top + a.height / 2, x1: b.right - 1, y1: b.top + b.height / 2};
          }
          return null;
        }""",
        [record_id, text],
    )
    assert box is not None, f"{text!r} is not one text run of the abstract"
    page.mouse.move(box["x0"], box["y0"])
    page.mouse.down()
    page.mouse.move(box["x1"], box["y1"], steps=8)
    page.mouse.up()


def row(page, record_id: str, key: str):
    return page.locator(f'details.rec[data-id="{record_id}"] tr[data-k="{key}"]')


def by_id(rows: list[list[str]]) -> dict[str, dict[str, str]]:
    header = rows[0]
    return {r[0]: dict(zip(header, r, strict=True)) for r in rows[1:]}


# --- the whole loop: correct, reject, add, reload, export ---------------------------------------------


def test_review_correct_reject_add_survive_reload_and_export(open_page, tmp_path):
    report = cli_report(tmp_path, SEED, THREE)
    page = open_page(report)
    want = cli_csv(SEED, THREE)
    # The rules miss these lesions today; should they find them one day, adding corrects instead.
    missed = by_id(want)[PULLEY]["lesions"] == ""
    status = "added" if missed else "corrected"

    # correct: the seed's median age, typed in
    row(page, SEED_ID, "age_median").locator('button[data-do="correct"]').click()
    row(page, SEED_ID, "age_median").locator("input").fill("62")
    row(page, SEED_ID, "age_median").locator("input").press("Enter")
    # reject: "consecutive"
    row(page, SEED_ID, "consecutive").locator('button[data-do="reject"]').click()
    # accept one, so that the status column shows it
    row(page, SEED_ID, "patients").locator('button[data-do="accept"]').click()
    # add: the lesions the rules missed, by selecting their text
    select_text(page, PULLEY, "8 symptomatic fingers")
    menu = page.locator("#addmenu")
    menu.wait_for(state="visible")
    assert menu.locator(".q").inner_text() == "“8 symptomatic fingers”"
    menu.locator("select").select_option("lesions")
    assert menu.locator("input").input_value() == "8", "the number in the selection is offered"
    menu.locator('button[data-add="ok"]').click()
    menu.wait_for(state="hidden")

    page.reload()
    assert row(page, SEED_ID, "age_median").get_attribute("data-status") == "corrected"
    assert row(page, SEED_ID, "age_median").locator(".v").inner_text() == "61.0 → 62"
    assert row(page, SEED_ID, "consecutive").get_attribute("data-status") == "rejected"
    assert row(page, SEED_ID, "patients").get_attribute("data-status") == "accepted"
    assert row(page, SEED_ID, "lesions").get_attribute("data-status") == "extracted"
    added = row(page, PULLEY, "lesions")
    assert added.get_attribute("data-status") == status
    assert (added.get_attribute("class") == "added") == missed
    assert added.locator(".v").inner_text().endswith("8")
    assert added.locator("q").last.inner_text() == "8 symptomatic fingers"
    assert "4 decisions saved" in page.locator("#saved").inner_text()
    marked = page.evaluate("[...CSS.highlights.get('sf-added')].map(r => r.toString())")
    assert marked == ["8 symptomatic fingers"], "the selected text stays marked in the abstract"

    name, text = export(page, "csv")
    assert name == "reviewed-facts.csv"
    assert text.endswith("\r\n")
    got = list(csv.reader(io.StringIO(text)))
    assert got[0] == list(WIDE_COLUMNS) + [f"{c}_review" for c in REVIEWED]
    assert len(got) == len(want) == 5
    changed = {(SEED_ID, "age_median"): "62", (SEED_ID, "consecutive"): "", (PULLEY, "lesions"): "8"}
    for g, w in zip(got[1:], want[1:], strict=True):
        for column, gv, wv in zip(WIDE_COLUMNS, g, w, strict=False):
            assert gv == changed.get((w[0], column), wv), (w[0], column)
    rows = by_id(got)
    assert rows[SEED_ID]["age_median_review"] == "corrected"
    assert rows[SEED_ID]["consecutive_review"] == "rejected"
    assert rows[SEED_ID]["patients_review"] == "accepted"
    assert rows[SEED_ID]["lesions_review"] == "extracted"
    assert rows[SEED_ID]["male_review"] == "", "no value, no decision"
    assert rows[PULLEY]["lesions_review"] == status
    assert rows[PULLEY]["patients_review"] == "extracted"

    name, text = export(page, "json")
    assert name == "reviewed-facts.json"
    data = json.loads(text)
    assert [r["id"] for r in data["records"]] == [r[0] for r in want[1:]]
    seed = next(r for r in data["records"] if r["id"] == SEED_ID)
    values = {v["field"]: v for v in seed["values"] if "column" in v}
    assert values["age_median"] == {"field": "age_median", "column": "age_median", "status": "corrected",
                                    "value": 62, "original": 61, "confidence": "high"}
    assert values["consecutive"]["status"] == "rejected" and values["consecutive"]["value"] is None
    assert values["patients"]["status"] == "accepted" and values["patients"]["value"] == 74
    assert values["lesions"]["status"] == "extracted"
    assert seed["row"]["age_median"] == 62 and seed["row"]["retrospective"] is True
    rates = [v for v in seed["values"] if v["field"] == "rates"]
    assert [v["item"] for v in rates] == [0, 1, 2, 3] and {v["status"] for v in rates} == {"extracted"}
    pulley = next(r for r in data["records"] if r["id"] == PULLEY)
    assert pulley["title"].startswith("Finger A2 pulley lesions in rock climbers")
    assert pulley["source"] == {"path": str(THREE), "index": 1}
    (lesions,) = [v for v in pulley["values"] if v["field"] == "lesions"]
    record = next(r for r in studyfacts.extract_file(THREE) if r.id == PULLEY)
    span = lesions["span"]
    assert record.abstract[span["start"]:span["end"]] == span["text"] == "8 symptomatic fingers"
    assert lesions["status"] == status and lesions["value"] == 8
    assert page.errors == []


def test_review_untouched_seed_exports_the_csv_of_format_csv(open_page, tmp_path):
    page = open_page(cli_report(tmp_path, SEED))
    _, text = export(page, "csv")
    got = list(csv.reader(io.StringIO(text)))
    want = cli_csv(SEED)
    n = len(WIDE_COLUMNS)
    assert [r[:n] for r in got] == want
    status = dict(zip(got[0][n:], got[1][n:], strict=True))
    assert set(status.values()) <= {"extracted", ""}
    assert status["patients_review"] == "extracted" and status["male_review"] == ""
    # Text as well as cells: the wide part is what --format csv writes, quoting included.
    out = io.StringIO(newline="")
    csv.writer(out).writerows(r[:n] for r in got)
    cli = CliRunner().invoke(app, ["extract", str(SEED), "-f", "csv", "-j", "1", "--quiet"])
    assert out.getvalue() == cli.stdout.replace("\n", "\r\n").replace("\r\r\n", "\r\n")
    assert page.errors == []


def test_review_list_entries_rejected_and_added_change_the_counts(open_page, tmp_path):
    page = open_page(cli_report(tmp_path, SEED))
    row(page, SEED_ID, "rates[1]").locator('button[data-do="reject"]').click()
    select_text(page, SEED_ID, "21 patients")
    page.locator("#addmenu select").select_option("rates")
    assert page.locator("#addmenu input").input_value() == "21 patients"
    page.locator("#addmenu input").fill("curative intent: 21 patients")
    page.locator('#addmenu button[data-add="ok"]').click()
    _, text = export(page, "csv")
    rows = by_id(list(csv.reader(io.StringIO(text))))
    assert rows[SEED_ID]["rates"] == "4"  # 4 - 1 rejected + 1 added
    assert rows[SEED_ID]["rates_review"] == "corrected"
    assert rows[SEED_ID]["pain_figures"] == "4" and rows[SEED_ID]["pain_figures_review"] == "extracted"
    _, text = export(page, "json")
    (seed,) = json.loads(text)["records"]
    rates = [(v.get("item"), v["status"], v["value"]) for v in seed["values"] if v["field"] == "rates"]
    assert rates[1][1] == "rejected" and rates[1][2] is None
    assert rates[-1] == (None, "added", "curative intent: 21 patients")


def test_review_correction_must_fit_the_column_and_undo_clears_it(open_page, tmp_path):
    page = open_page(cli_report(tmp_path, SEED))
    patients = row(page, SEED_ID, "patients")
    patients.locator('button[data-do="correct"]').click()
    patients.locator("input").fill("seventy")
    patients.locator("input").press("Enter")
    assert patients.locator(".editor .err").inner_text() == "expected a whole number"
    assert patients.get_attribute("data-status") == "extracted"
    patients.locator("input").fill("75")
    patients.locator("input").press("Enter")
    assert patients.get_attribute("data-status") == "corrected"
    assert patients.locator(".editor").count() == 0
    patients.locator('button[data-do="undo"]').click()
    assert patients.get_attribute("data-status") == "extracted"
    assert patients.locator(".v").inner_text() == "74"
    period = row(page, SEED_ID, "period_start")
    period.locator('button[data-do="correct"]').click()
    period.locator("input").fill("May 2008")
    period.locator("input").press("Enter")
    assert "2008-05" in period.locator(".err").inner_text()


def test_review_decisions_are_keyed_by_file_and_record_id(open_page, tmp_path):
    copy = tmp_path / "copy.ris"
    copy.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    report = cli_report(tmp_path, SEED, copy)
    page = open_page(report)
    recs = page.locator("details.rec")
    first = recs.nth(0).locator('tr[data-k="female"]')
    first.locator('button[data-do="reject"]').click()
    assert recs.nth(1).locator('tr[data-k="female"]').get_attribute("data-status") == "extracted"
    keys = page.evaluate("Object.keys(localStorage)")
    assert keys == ["studyfacts-review:v1:" + json.dumps([str(SEED), SEED_ID], separators=(",", ":"))]
    # Another report of the same file, in the same browser, shows the decision.
    other = tmp_path / "other" / "report.html"
    other.parent.mkdir()
    CliRunner().invoke(app, ["report", str(SEED), "-o", str(other), "--quiet"])
    again = open_page(other, context=page.context)
    assert again.locator('tr[data-k="female"]').get_attribute("data-status") == "rejected"


# --- the review tier ---------------------------------------------------------------------------------


def with_confidence(real):
    def data(record):
        d = real(record)
        all_high(d)
        if d["id"] == SEED_ID:
            d["population"]["patients"].update(confidence="review", reason="two candidate cohorts")
            d["rates"][2].update(confidence="review", reason="unnamed statistic")
            d["design"].update(confidence={"centers": "review"})
        return d

    return data


def test_review_tier_is_dashed_counted_and_filtered(open_page, tmp_path, monkeypatch):
    records = list(studyfacts.extract_file(SEED)) + list(studyfacts.extract_file(THREE))
    monkeypatch.setattr(tiers, "record_json", with_confidence(tiers.record_json))
    path = tmp_path / "report.html"
    path.write_text(render_report(records), encoding="utf-8")
    page = open_page(path)
    flagged = page.locator("tr.tier-review")
    keys = flagged.evaluate_all("rows => rows.map(r => r.dataset.k)")
    assert sorted(keys) == ["centers", "patients", "rates[2]"]

    def outline(key: str) -> str:
        return row(page, SEED_ID, key).locator(".v").evaluate("e => getComputedStyle(e).outlineStyle")

    assert outline("patients") == "dashed"
    assert outline("lesions") == "none"
    assert "two candidate cohorts" in row(page, SEED_ID, "patients").inner_text()
    assert page.locator("p.abs .seg.rv").count() >= 3, "their text in the abstract is outlined too"
    assert page.locator("#review-left").inner_text() == "3"

    page.click('label[for="f-review"]')
    visible = page.locator("details.rec").evaluate_all(
        "rs => rs.filter(r => r.offsetParent !== null).map(r => r.dataset.id)")
    assert visible == [SEED_ID]
    row(page, SEED_ID, "patients").locator('button[data-do="accept"]').click()
    assert page.locator("#review-left").inner_text() == "2"
    assert outline("patients") == "solid"

    _, text = export(page, "json")
    seed = next(r for r in json.loads(text)["records"] if r["id"] == SEED_ID)
    patients = next(v for v in seed["values"] if v["field"] == "patients")
    assert patients["confidence"] == "review" and patients["reason"] == "two candidate cohorts"
    assert patients["status"] == "accepted"
    assert page.errors == []


def test_review_add_menu_offers_every_reviewed_column():
    offered = {value for _, columns in ADD_GROUPS for value, _ in columns}
    assert offered == set(REVIEW_COLUMNS) | set(LIST_COLUMNS)


def test_review_stale_decisions_for_values_no_longer_extracted(open_page, tmp_path):
    """Decisions saved under an older report: a typed value still counts, accepting nothing does not."""
    page = open_page(cli_report(tmp_path, SEED))
    key = "studyfacts-review:v1:" + json.dumps([str(SEED), SEED_ID], separators=(",", ":"))
    saved = {"male": {"s": "corrected", "v": "39"}, "randomized": {"s": "rejected"},
             "rates[9]": {"s": "accepted"}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, json.dumps(saved)])
    page.reload()
    male = row(page, SEED_ID, "male")
    assert male.get_attribute("data-status") == "corrected" and male.locator(".v").inner_text() == "39"
    assert row(page, SEED_ID, "randomized").count() == 0
    _, text = export(page, "csv")
    rows = by_id(list(csv.reader(io.StringIO(text))))
    assert (rows[SEED_ID]["male"], rows[SEED_ID]["male_review"]) == ("39", "corrected")
    assert (rows[SEED_ID]["randomized"], rows[SEED_ID]["randomized_review"]) == ("", "")
    assert (rows[SEED_ID]["rates"], rows[SEED_ID]["rates_review"]) == ("4", "extracted")
    assert page.errors == []


def test_review_adding_to_a_field_with_a_value_corrects_it_with_the_new_evidence(open_page, tmp_path):
    page = open_page(cli_report(tmp_path, SEED))
    select_text(page, SEED_ID, "21 patients")
    page.locator("#addmenu select").select_option("patients")
    assert page.locator("#addmenu input").input_value() == "21"
    page.locator('#addmenu button[data-add="ok"]').click()
    patients = row(page, SEED_ID, "patients")
    assert patients.get_attribute("data-status") == "corrected"
    assert patients.locator(".v").inner_text() == "74 → 21"
    assert patients.locator("q.new").inner_text() == "21 patients"
    assert page.locator("tr.added").count() == 0
    _, text = export(page, "json")
    (seed,) = json.loads(text)["records"]
    (value,) = [v for v in seed["values"] if v["field"] == "patients"]
    assert (value["status"], value["value"], value["original"]) == ("corrected", 21, 74)
    record = next(studyfacts.extract_file(SEED))  # the span points into the abstract, not the page
    assert record.abstract[value["span"]["start"]:value["span"]["end"]] == "21 patients"
    # Cancel and a click elsewhere close the menu without a decision.
    select_text(page, SEED_ID, "105 SM")
    page.locator('#addmenu button[data-add="cancel"]').click()
    page.locator("#addmenu").wait_for(state="hidden")  # closed after the mouse lets go
    select_text(page, SEED_ID, "35 women")
    page.locator("#addmenu").wait_for(state="visible")
    page.mouse.click(5, 5)
    page.locator("#addmenu").wait_for(state="hidden")  # closed after the mouse lets go
    (saved,) = page.evaluate("Object.values(localStorage)")
    assert list(json.loads(saved)) == ["patients"]
