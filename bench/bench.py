"""The batch benchmark (not a test): throughput and peak memory of the real CLI.

    .venv/bin/python bench/bench.py                 # 20,000 records, --jobs 1 and 2 (a few minutes)
    .venv/bin/python bench/bench.py --flatness      # also 200,000 records, for the memory check

Builds a corpus of at least N records by repeating the files of
`../shared/corpus/` (symlinks under bench/out/, which git ignores), then runs
`studyfacts extract` as a subprocess for each --jobs value, and, on the same
abstracts in this process, bare `spacy.blank("en")` tokenisation (`nlp.pipe`)
as the ceiling no spaCy pipeline can beat, once before the CLI runs and once
after (the mean is the reference, so a drift in the machine's speed moves both
sides alike). Prints a markdown table.

Caveat: repeating the corpus means every abstract is seen several times, and
spaCy's tokenizer caches the tokenisation of each whitespace-delimited chunk
(the reference gains from that as much as the pipeline does), and its
vocabulary stops growing after the first pass. Real searches are all new text.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "bench" / "out"
CLI = ROOT / ".venv" / "bin" / "studyfacts"


def build_corpus(target: int, where: Path) -> tuple[list[Path], int, int]:
    """Symlinks to the corpus files, repeated until they hold >= target records.
    Returns the files, their records and how many of those have an abstract (per MANIFEST)."""
    with (CORPUS / "MANIFEST.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    if where.exists():
        shutil.rmtree(where)
    where.mkdir(parents=True)
    files: list[Path] = []
    records = abstracts = copy = 0
    while records < target:
        for row in rows:
            src = CORPUS / row["path"]
            # keep the extension (.gz matters to the reader); the copy number keeps names unique
            dst = where / f"{copy:04d}_{row['path'].replace('/', '__')}"
            dst.symlink_to(src)
            files.append(dst)
            records += int(row["records"])
            abstracts += int(row["with_abstract"])
        copy += 1
    return files, records, abstracts


@dataclass
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system, all processes (main + workers)
    peak_rss_mb: float  # the largest single process
    total_rss_mb: float  # the sum of every process's peak (main + workers)


_TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a live process so far (/proc/<pid>/stat)."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def _children(pid: int) -> list[int]:
    """Every descendant of pid (Linux /proc)."""
    by_parent: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        by_parent.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        for child in by_parent.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _hwm_kb(pid: int) -> int:
    """The peak resident set size of a live process (VmHWM), in kB."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_cli(files: list[Path], jobs: int, output: Path) -> Run:
    """The real CLI, end to end (read + extract + validate + write JSONL), timed from outside.

    Peak RSS: each process's VmHWM, polled from /proc while it runs (workers are
    grandchildren, under the forkserver, which getrusage(RUSAGE_CHILDREN) does not
    always see); the main process's figure is checked against getrusage."""
    cmd = [str(CLI), "extract", "-q", "-j", str(jobs), "-o", str(output), *map(str, files)]
    peaks: dict[int, int] = {}
    cpu: dict[int, float] = {}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd)
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            for pid in [proc.pid, *_children(proc.pid)]:
                peaks[pid] = max(peaks.get(pid, 0), _hwm_kb(pid))
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_s(pid))  # workers: the last figure seen
            done.wait(0.1)

    poller = threading.Thread(target=poll, daemon=True)
    poller.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    poller.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[:6])} ... failed with exit code {proc.returncode}")
    peaks[proc.pid] = max(peaks.get(proc.pid, 0), usage.ru_maxrss)  # exact for the main process
    cpu[proc.pid] = usage.ru_utime + usage.ru_stime
    return Run(seconds, sum(cpu.values()), max(peaks.values()) / 1024, sum(peaks.values()) / 1024)


def bare_tokenisation(files: list[Path]) -> tuple[int, float, float]:
    """Abstracts, wall and CPU seconds for `spacy.blank("en")` over the same abstracts (read beforehand)."""
    import spacy

    import studyfacts

    texts = [r.abstract for f in files for r in studyfacts.read(f) if r.abstract]
    nlp = spacy.blank("en")
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=256):
        pass
    return len(texts), time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=20_000, help="corpus size (default 20,000)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="--jobs values to run (default 1 2)")
    ap.add_argument("--flatness", action="store_true", help="also run --jobs 1 on 10x the records")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="run --jobs 1 N times, each between two bare runs, and report the median ratio "
                         "(default 1; the VM's speed moves from run to run)")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent: the benchmark needs the shared corpus")
    OUT.mkdir(parents=True, exist_ok=True)

    files, records, abstracts = build_corpus(args.records, OUT / "corpus")
    print(f"corpus: {len(files)} files (the shared corpus repeated), {records:,} records, "
          f"{abstracts:,} with abstract; {os.cpu_count()} cores; Python {sys.version.split()[0]}\n",
          file=sys.stderr)

    # Bare tokenisation before and after the CLI runs, their mean the reference: the VM's
    # speed drifts by several per cent over minutes, and one reading taken before would
    # move the ratio with that drift.
    n, wall_before, cpu_before = bare_tokenisation(files)
    runs: dict[int, Run] = {}
    for jobs in args.jobs:
        runs[jobs] = run_cli(files, jobs, OUT / f"out-j{jobs}.jsonl")
    _, wall_after, cpu_after = bare_tokenisation(files)
    bare_wall, bare_cpu = (wall_before + wall_after) / 2, (cpu_before + cpu_after) / 2
    bare_rate = n / bare_cpu
    print(f"bare tokenisation: {n / cpu_before:,.0f} abstracts per CPU second before the CLI runs, "
          f"{n / cpu_after:,.0f} after; the mean is the reference\n", file=sys.stderr)

    # Rates per CPU second are what one core does, whatever else the machine runs;
    # wall-clock rates are what a user waits for (and what --jobs improves).
    print("| run | abstracts | wall s | abstracts/s (wall) | CPU s | abstracts per CPU s "
          "| vs bare tokenisation | peak RSS, largest process (MB) | peak RSS, all processes (MB) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| bare `spacy.blank(\"en\")` tokenisation, `nlp.pipe` (in-process, no I/O; mean of a run before and after) | {n:,} "
          f"| {bare_wall:.1f} | {n / bare_wall:,.0f} | {bare_cpu:.1f} | {bare_rate:,.0f} | 1.00 | | |")
    for jobs, run in runs.items():
        rate = n / run.cpu_seconds
        print(f"| `studyfacts extract --jobs {jobs}` (read + extract + validate + write JSONL) | {n:,} "
              f"| {run.seconds:.1f} | {n / run.seconds:,.0f} | {run.cpu_seconds:.1f} | {rate:,.0f} "
              f"| {rate / bare_rate:.2f} | {run.peak_rss_mb:.0f} | {run.total_rss_mb:.0f} |")
    if 1 in runs:
        one = runs[1]
        wall_rate, cpu_rate = n / one.seconds, n / one.cpu_seconds
        print(f"\none core: {wall_rate:,.0f} abstracts/s wall, {cpu_rate:,.0f} per CPU second "
              f"(target >= 600); {cpu_rate / bare_rate:.3f} of bare tokenisation per CPU second "
              "(target >= 0.35)")
        for jobs, run in runs.items():
            if jobs != 1:
                print(f"--jobs {jobs}: {one.seconds / run.seconds:.2f}x the wall-clock speed of --jobs 1 "
                      f"on {os.cpu_count()} cores")
        if args.repeat > 1:
            # each further --jobs 1 run against the mean of the bare runs just before and after it: a
            # drift of the machine's speed between runs moves both sides of one ratio alike
            ratios = [cpu_rate / bare_rate]
            last_bare = cpu_after
            for _ in range(args.repeat - 1):
                again = run_cli(files, 1, OUT / "out-j1.jsonl")
                _, _, next_bare = bare_tokenisation(files)
                ratios.append((n / again.cpu_seconds) / (n / ((last_bare + next_bare) / 2)))
                last_bare = next_bare
            print(f"--jobs 1 over {len(ratios)} runs, each against the bare runs either side of it: "
                  f"{', '.join(f'{r:.3f}' for r in ratios)}; median {statistics.median(ratios):.3f} "
                  "of bare tokenisation per CPU second (target >= 0.35)")

    if args.flatness:
        big_files, big_records, _ = build_corpus(10 * records, OUT / "corpus-big")
        big = run_cli(big_files, 1, OUT / "out-big.jsonl")
        small = runs[1] if 1 in runs else run_cli(files, 1, OUT / "out-j1.jsonl")
        growth = big.peak_rss_mb / small.peak_rss_mb - 1
        print(f"\nmemory flatness (--jobs 1): {records:,} records {small.peak_rss_mb:.0f} MB, "
              f"{big_records:,} records {big.peak_rss_mb:.0f} MB: {growth:+.1%} "
              f"({'within' if abs(growth) <= 0.10 else 'NOT within'} 10 %)")
        for p in (OUT / "out-big.jsonl",):
            p.unlink(missing_ok=True)  # ~GBs of JSONL nobody reads
    print("\ncaveat: the corpus is the shared corpus repeated; spaCy's tokenizer cache and vocabulary "
          "favour repeated text (both rows alike).")


if __name__ == "__main__":
    main()
