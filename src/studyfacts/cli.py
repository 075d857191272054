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
    help="Study facts out of abstracts in bibliographic exports (RIS, MEDLINE/.nbib, PubMed XML, EndNote XML).",
)


class Format(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    csv_long = "csv-long"


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
    paths: Annotated[list[str], typer.Argument(help="Export files or directories; '-' reads stdin.")],
    output: Annotated[str | None, typer.Option("-o", "--output", help="Write here (default: stdout).")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.jsonl,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Worker processes (0: all cores).")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress and no summary on stderr.")] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit 1 when any record carries an input error.")
    ] = False,
) -> None:
    """Extract study facts from every record of the given export files."""
    from .batch import Summary, check_readable, expand_paths
    from .output import atomic_output, make_writer
    from .readers.base import ReaderError

    summary = Summary()
    try:
        files = expand_paths(paths)
        check_readable(files)
        newline = "" if fmt in (Format.csv, Format.csv_long) else None
        with atomic_output(output, newline=newline) as out:
            writer = make_writer(fmt.value, out)
            for record in _records(files, jobs, summary, quiet):
                writer.write(record)
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
    if not quiet:
        typer.echo(summary.line(), err=True)
    if strict and summary.with_errors:
        raise typer.Exit(1)


def _records(files: list[str], jobs: int, summary, quiet: bool):
    from .batch import extract_paths

    return extract_paths(files, summary)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one output record (generated from the models)."""
    from .models import json_schema

    typer.echo(json.dumps(json_schema(), indent=2))


if __name__ == "__main__":  # pragma: no cover
    app()
