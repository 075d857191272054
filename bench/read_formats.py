"""Reading cost per record of each export format (not a test): CPU microseconds per record.

    .venv/bin/python bench/read_formats.py          # every file of ../shared/corpus-formats, 5 rounds

Each file is read whole (`studyfacts.read`, detection included) several times; the
best round counts, so other jobs on the machine disturb the figures less. Bytes per
record are shown too: most of the cost grows with the size of a record, and a Scopus
BibTeX entry (with its cited references) is ten times the size of a Rayyan one.
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus-formats"


def main() -> None:
    import studyfacts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.is_file():
        raise SystemExit(f"{manifest} is absent")
    with manifest.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    by_family: dict[str, list[float]] = defaultdict(lambda: [0.0, 0, 0])  # seconds, records, bytes
    print(f"{'file':<72} {'kind':<16} {'records':>7} {'KB/rec':>7} {'us/rec':>7}")
    for row in rows:
        path = CORPUS / row["path"]
        best = float("inf")
        count = 0
        for _ in range(args.rounds):
            started = time.process_time()
            count = sum(1 for _ in studyfacts.read(path))
            best = min(best, time.process_time() - started)
        size = path.stat().st_size
        print(f"{row['path'][:72]:<72} {row['format']:<16} {count:>7} {size / count / 1024:>7.1f} "
              f"{1e6 * best / count:>7.0f}")
        family = row["format"].split("-")[0]
        total = by_family[family]
        total[0] += best
        total[1] += count
        total[2] += size
    print()
    print(f"{'format':<10} {'records':>8} {'KB/rec':>7} {'us/rec':>7}")
    for family, (seconds, count, size) in sorted(by_family.items()):
        print(f"{family:<10} {count:>8} {size / count / 1024:>7.1f} {1e6 * seconds / count:>7.0f}")


if __name__ == "__main__":
    main()
