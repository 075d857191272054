"""The command line: thin commands over the library. Data to stdout, diagnostics to stderr.

Exit codes: 0 all good; 1 some records carry input errors (only with --strict);
2 bad usage or unreadable input; 130 interrupted.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from . import __version__

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Study facts out of abstracts in bibliographic exports (RIS, MEDLINE/.nbib, PubMed XML, EndNote XML, "
    "Web of Science, CSV/TSV, Excel, BibTeX, CSL-JSON, Zotero RDF, EPPI-Reviewer JSON).",
)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    csv_long = "csv-long"
    xlsx = "xlsx"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def _err(message: str) -> None:
    typer.echo(f"studyfacts: {message}", err=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"studyfacts {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """studyfacts: every value points at the characters it came from."""


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(help="Export files or directories (their files that are not exports are skipped, "
                       "with a notice); '-' reads stdin."),
    ],
    output: Annotated[
        str | None, typer.Option("-o", "--output", help="Write here (default: stdout).")
    ] = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f",
            help="Output format: jsonl, json, csv (one row a record), csv-long (one row a value), "
            "xlsx (both tables in one workbook; needs -o FILE).",
        ),
    ] = Format.jsonl,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores; 1: in-process).")
    ] = 0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any record carries an input error.")
    ] = False,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this machine, --jobs processes. dask: a Dask cluster "
            "(pip install 'studyfacts\\[dask]'), one JSONL part per input file into the -o directory.",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="--engine dask: scheduler address (default: a local cluster)."),
    ] = None,
    confident: Annotated[
        bool,
        typer.Option(
            "--confident",
            help="Keep only values whose confidence is 'high'; the others move to each record's warnings.",
        ),
    ] = False,
) -> None:
    """Extract study facts from every record of the given export files."""
    import contextlib

    from .batch import Summary, gather_inputs
    from .confidence import confident_only
    from .output import atomic_output, make_writer
    from .readers.base import ReaderError

    if fmt is Format.xlsx and (output is None or output == "-"):
        _err("--format xlsx writes a workbook, not text for stdout: give -o FILE.xlsx")
        raise typer.Exit(2)
    summary = Summary()
    restore = _sigterm_as_interrupt()
    try:
        inputs = gather_inputs(paths)
        if inputs.notice():
            _err(inputs.notice())
        files = inputs.files
        if engine is Engine.dask:
            if confident:
                _err("--confident is not available with --engine dask; filter the parts with "
                     "studyfacts.confidence.confident_only")
                raise typer.Exit(2)
            _extract_dask(files, output, fmt, jobs, scheduler, summary)
        else:
            newline = "" if fmt in (Format.csv, Format.csv_long) else None
            with (
                atomic_output(output, newline=newline, binary=fmt is Format.xlsx) as out,
                _progress(files, quiet) as advance,
                # closing: on Ctrl-C or a failed write the worker processes end at once
                contextlib.closing(_records(files, jobs, summary, quiet)) as records,
            ):
                writer = make_writer(fmt.value, out)
                for record in records:
                    writer.write(confident_only(record) if confident else record)
                    advance(1)
                writer.close()
    except ReaderError as e:
        _err(str(e))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _err(f"interrupted after {summary.records} records; no output file was written")
        raise typer.Exit(130) from None
    except BrokenPipeError:  # `studyfacts extract ... | head`
        sys.stderr.close()
        raise typer.Exit(0) from None
    finally:
        restore()
    if not quiet:
        typer.echo(summary.line(), err=True)
    if strict and summary.with_errors:
        raise typer.Exit(1)


def _sigterm_as_interrupt():
    """`kill` or a job scheduler's SIGTERM ends the run like Ctrl-C: workers stopped, no
    partial output file (by default SIGTERM kills at once, leaving the temporary file)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    return lambda: signal.signal(signal.SIGTERM, previous)


def _records(files: list[str], jobs: int, summary, quiet: bool):
    from .batch import extract_paths

    return extract_paths(files, summary, jobs=jobs)


def _progress(files: list[str], quiet: bool):
    """A progress bar only for a person watching: not with --quiet, not into a pipe or log."""
    from .batch import estimate_records, progress_bar

    enabled = not quiet and sys.stderr.isatty()
    return progress_bar(enabled, estimate_records(files) if enabled else None)


def _extract_dask(
    files: list[str], output: str | None, fmt: Format, jobs: int, scheduler: str | None, summary
) -> None:
    """--engine dask: one JSONL part per input file in the -o directory, written by the cluster."""
    from .batch import resolve_jobs

    if output is None or output == "-" or fmt is not Format.jsonl:
        _err("--engine dask writes JSONL parts: give -o DIRECTORY (and --format jsonl)")
        raise typer.Exit(2)
    if "-" in files:
        _err("--engine dask reads files, not stdin")
        raise typer.Exit(2)
    try:
        from .dask import write_parts

        tallies = write_parts(files, output, scheduler=scheduler, workers=resolve_jobs(jobs))
    except (ImportError, FileExistsError) as e:
        _err(str(e))
        raise typer.Exit(2) from None
    for key, value in tallies.items():
        setattr(summary, key, value)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record (generated from the models)."""
    from .models import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


@app.command()
def report(
    paths: Annotated[
        list[str],
        typer.Argument(help="Export files or directories (their files that are not exports are skipped)."),
    ],
    output: Annotated[str, typer.Option("-o", "--output", help="The HTML file to write.")] = "report.html",
    open_limit: Annotated[
        int, typer.Option("--open-limit", min=0, help="Expand every record when there are at most this many.")
    ] = 50,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
) -> None:
    """Write a self-contained HTML review page: every extracted value highlighted in its abstract,
    to accept, correct, reject or add values and export the reviewed facts as CSV or JSON."""
    from .readers.base import ReaderError
    from .report import write_report

    try:
        run = write_report(paths, output, open_limit=open_limit, notice=_err)
    except ReaderError as e:
        _err(str(e))
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        _err("interrupted; no report was written")
        raise typer.Exit(130) from None
    if not quiet:
        typer.echo(f"{run.line()}; report: {output}", err=True)


if __name__ == "__main__":  # pragma: no cover
    app()
