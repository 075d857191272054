"""How often each field comes out over the shared corpus, and abstracts where it did not, to read.

For every field, the share of corpus abstracts (distinct abstracts: the corpus holds
some records twice, in two formats) with a value, then for each field a seeded random
sample of abstracts where the field is null, with the warnings that field left. Reading
those samples is how phrasing families the rules miss are found. A script, not a test.

    .venv/bin/python bench/coverage.py                       # table + 3 null samples per field
    .venv/bin/python bench/coverage.py --sample 10 --field patients --seed 7
    .venv/bin/python bench/coverage.py --markdown            # the table as Markdown (README)
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

import studyfacts
from studyfacts.models import Record

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"

FIELDS: dict[str, Callable[[Record], bool]] = {
    "patients": lambda r: r.population.patients is not None,
    "lesions": lambda r: r.population.lesions is not None,
    "female": lambda r: r.population.female is not None,
    "male": lambda r: r.population.male is not None,
    "age": lambda r: r.population.age is not None,
    "design (any flag)": lambda r: any(
        getattr(r.design, f) for f in ("retrospective", "prospective", "randomized", "multicenter")
    ),
    "period": lambda r: r.design.period is not None,
    "follow_up": lambda r: bool(r.follow_up),
    "pain": lambda r: bool(r.pain),
    "complications": lambda r: r.complications is not None,
    "rates": lambda r: bool(r.rates),
}


def corpus_records() -> list[Record]:
    files = [p for p in sorted(CORPUS.rglob("*")) if p.is_file() and p.name not in ("MANIFEST.tsv", "PROVENANCE.md")]
    seen: set[str] = set()
    out: list[Record] = []
    for path in files:
        for rec in studyfacts.extract_file(path):
            text = rec.abstract or ""
            if not text or text in seen:
                continue
            seen.add(text)
            out.append(rec)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=3, help="null abstracts to print per field")
    ap.add_argument("--field", action="append", help="only these fields' samples (repeatable)")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--markdown", action="store_true", help="print only the table, as Markdown")
    args = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent", file=sys.stderr)
        return 2
    records = corpus_records()
    n = len(records)
    rows = [(name, sum(1 for r in records if has(r))) for name, has in FIELDS.items()]
    if args.markdown:
        print(f"| field | abstracts with a value (of {n:,}) | share |\n|---|---:|---:|")
        for name, k in rows:
            print(f"| {name} | {k:,} | {k / n:.1%} |")
        return 0
    print(f"{n} distinct corpus abstracts")
    for name, k in rows:
        print(f"{name:20s} {k:6d}  {k / n:6.1%}")
    rng = random.Random(args.seed)
    for name, has in FIELDS.items():
        if args.field and name not in args.field:
            continue
        nulls = [r for r in records if not has(r)]
        print(f"\n=== {name}: {len(nulls)} abstracts without a value; {min(args.sample, len(nulls))} of them")
        for rec in rng.sample(nulls, min(args.sample, len(nulls))):
            key = name.split()[0]
            warns = [str(w) for w in rec.warnings if key in str(w)]
            print(f"\n--- {rec.id} ({rec.source.path}#{rec.source.index})")
            print((rec.abstract or "")[:1500])
            for w in warns:
                print(f"  warning: {w[:300]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
