"""Folders of exports: files that are not exports are skipped with one notice; named, they are errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from studyfacts.batch import gather_inputs
from studyfacts.cli import app
from studyfacts.readers.base import ReaderError

from .conftest import SEED

RIS_TWO = (
    "TY  - JOUR\nTI  - First invented study\nAB  - We enrolled 40 patients with knee pain.\nER  - \n\n"
    "TY  - JOUR\nTI  - Second invented study\nAB  - Twelve women were followed for a median of 8 months.\n"
    "ER  - \n"
)


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture
def folder(tmp_path):
    """Two exports (one in a subfolder) among the things people keep beside them."""
    d = tmp_path / "exports"
    (d / "more").mkdir(parents=True)
    (d / "two.ris").write_text(RIS_TWO, encoding="utf-8")
    (d / "more" / "seed.ris").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (d / "README.md").write_text("# Exports\n\nPulled from PubMed on 3 May.\n", encoding="utf-8")
    (d / "more" / "notes.txt").write_text("Ask Anna about the second search.\n", encoding="utf-8")
    (d / "blank.ris").write_text("\n\n", encoding="utf-8")
    (d / ".hidden").write_text("not looked at\n", encoding="utf-8")
    return d


def test_gather_inputs_keeps_exports_and_lists_the_rest(folder):
    inputs = gather_inputs([str(folder)])
    assert inputs.files == [str(folder / "more" / "seed.ris"), str(folder / "two.ris")]
    assert sorted(e.path for e in inputs.skipped) == sorted(
        str(p) for p in (folder / "README.md", folder / "more" / "notes.txt", folder / "blank.ris")
    )
    notice = inputs.notice()
    assert notice is not None and notice.startswith("skipped 3 files that are not exports: ")
    assert f"{folder / 'README.md'} (unknown format)" in notice
    assert f"{folder / 'blank.ris'} (file is empty)" in notice
    assert ".hidden" not in notice


def test_gather_inputs_nothing_skipped_means_no_notice(tmp_path):
    (tmp_path / "a.ris").write_text(RIS_TWO, encoding="utf-8")
    assert gather_inputs([str(tmp_path)]).notice() is None


@pytest.mark.parametrize("quiet", [False, True])
def test_cli_extract_directory_skips_non_exports_with_one_notice(folder, quiet):
    result = run("extract", str(folder), "-j", "1", *(["--quiet"] if quiet else []))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"]["path"] for r in records] == [str(folder / "more" / "seed.ris")] + [
        str(folder / "two.ris")
    ] * 2
    notices = [ln for ln in result.stderr.splitlines() if "not exports" in ln]
    assert len(notices) == 1, result.stderr
    for name in ("README.md", "notes.txt", "blank.ris"):
        assert name in notices[0]
    assert notices[0].startswith("studyfacts: skipped 3 files")
    if not quiet:
        assert "3 records from 2 file(s)" in result.stderr


@pytest.mark.parametrize("name", ["README.md", "more/notes.txt", "blank.ris"])
def test_cli_extract_named_non_export_is_still_exit_2(folder, name):
    result = run("extract", str(folder / name), "-j", "1")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert name.split("/")[-1] in result.stderr and "not exports" not in result.stderr


def test_cli_extract_named_non_export_beside_a_directory_is_exit_2(folder, tmp_path):
    stray = tmp_path / "stray.txt"
    stray.write_text("a stray text file\n", encoding="utf-8")
    result = run("extract", str(folder), str(stray), "-j", "1")
    assert result.exit_code == 2
    assert "stray.txt" in result.stderr


def test_cli_extract_directory_without_any_export_is_exit_2(tmp_path):
    (tmp_path / "README.md").write_text("# nothing here\n", encoding="utf-8")
    result = run("extract", str(tmp_path), "-j", "1")
    assert result.exit_code == 2
    err = result.stderr.strip()
    assert err == f"studyfacts: {tmp_path}: directory holds no export files (1 other file(s) skipped)"


def test_cli_report_directory_skips_non_exports(folder, tmp_path):
    out = tmp_path / "report.html"
    result = run("report", str(folder), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert sum("not exports" in ln for ln in result.stderr.splitlines()) == 1
    html = out.read_text(encoding="utf-8")
    assert html.count('<details class="rec') == 3


def test_report_write_report_raises_for_a_named_non_export(folder, tmp_path):
    from studyfacts.report import write_report

    with pytest.raises(ReaderError, match="README.md"):
        write_report([folder / "README.md"], tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()
