"""The command line: outputs, exit codes, clear errors, and all-or-nothing output files."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from studyfacts import __version__
from studyfacts.cli import app
from studyfacts.models import Record, json_schema

from .conftest import SEED

RIS_TWO = (
    "TY  - JOUR\nTI  - First invented study\nAB  - We enrolled 40 patients with knee pain.\nER  - \n\n"
    "TY  - JOUR\nTI  - Second invented study\nAB  - Twelve women were followed for a median of 8 months.\n"
    "ER  - \n"
)


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input)


@pytest.fixture
def ris(tmp_path):
    path = tmp_path / "two.ris"
    path.write_text(RIS_TWO, encoding="utf-8")
    return path


def test_cli_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"studyfacts {__version__}"


def test_cli_schema_is_generated_from_the_models():
    result = run("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json_schema()


def test_cli_extract_seed_gives_one_valid_record():
    result = run("extract", str(SEED), "--quiet")
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    record = Record.model_validate_json(lines[0])
    assert record.id == "10.1007/s00330-021-08477-6"


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_cli_extract_formats_keep_every_record_in_order(ris, fmt):
    result = run("extract", str(ris), "--format", fmt, "--quiet")
    assert result.exit_code == 0, result.output
    if fmt == "json":
        records = json.loads(result.stdout)
    else:
        records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["metadata"]["title"] for r in records] == ["First invented study", "Second invented study"]
    assert [r["source"]["index"] for r in records] == [0, 1]


def test_cli_extract_reads_stdin(ris):
    result = run("extract", "-", "--quiet", input=ris.read_text())
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2


def test_cli_extract_summary_on_stderr(ris):
    result = CliRunner().invoke(app, ["extract", str(ris)])
    assert result.exit_code == 0
    assert "2 records from 1 file(s): 2 with abstract" in result.stderr


def test_cli_extract_directory_expands_to_its_files(tmp_path, ris):
    (tmp_path / "copy.ris").write_text(RIS_TWO, encoding="utf-8")
    result = run("extract", str(tmp_path), "--quiet")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 4


def _bad_inputs(tmp_path):
    empty = tmp_path / "empty.ris"
    empty.write_bytes(b"")
    pdf = tmp_path / "paper.ris"
    pdf.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    zipped = tmp_path / "export.ris"
    zipped.write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    prose = tmp_path / "notes.txt"
    prose.write_text("Just some notes about a study, not an export.\nNothing tagged here.\n")
    emptydir = tmp_path / "nothing"
    emptydir.mkdir()
    return {
        "missing": (tmp_path / "nope.ris", "nope.ris"),
        "empty": (empty, "empty.ris"),
        "pdf": (pdf, "paper.ris"),
        "zip": (zipped, "export.ris"),
        "unknown format": (prose, "notes.txt"),
        "empty directory": (emptydir, "nothing"),
    }


@pytest.mark.parametrize("case", ["missing", "empty", "pdf", "zip", "unknown format", "empty directory"])
def test_cli_extract_bad_input_is_one_clear_line_and_exit_2(tmp_path, case):
    path, name = _bad_inputs(tmp_path)[case]
    result = run("extract", str(path))
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith("studyfacts: ") and name in err
    assert "Traceback" not in err


def test_cli_extract_bad_input_writes_no_output_file(tmp_path, ris):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(ris), str(tmp_path / "missing.ris"), "-o", str(out))
    assert result.exit_code == 2
    assert not out.exists()


def test_cli_extract_output_file_is_written_whole(tmp_path, ris):
    out = tmp_path / "out.jsonl"
    result = run("extract", str(ris), "-o", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    assert len(out.read_text().splitlines()) == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".studyfacts-")] == []


def test_cli_extract_interrupt_leaves_no_partial_file(tmp_path, ris, monkeypatch):
    from studyfacts import output

    calls = {"n": 0}
    real = output.JsonlWriter.write

    def write_then_interrupt(self, record):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        real(self, record)

    monkeypatch.setattr(output.JsonlWriter, "write", write_then_interrupt)
    out = tmp_path / "out.jsonl"
    result = run("extract", str(ris), "-o", str(out))
    assert result.exit_code == 130
    assert "interrupted" in result.stderr
    assert not out.exists()
    assert os.listdir(tmp_path) == ["two.ris"]


def test_cli_extract_strict_exit_1_on_damaged_input(tmp_path):
    damaged = tmp_path / "no_er.ris"
    damaged.write_text("TY  - JOUR\nTI  - A record that never ends\nAB  - We saw 10 patients.\n")
    lenient = run("extract", str(damaged), "--quiet")
    strict = run("extract", str(damaged), "--quiet", "--strict")
    assert lenient.exit_code == 0
    assert strict.exit_code == 1
    record = json.loads(strict.stdout)
    assert any("no_er.ris" in w["message"] and w["code"] == "input_damaged" for w in record["warnings"])
