"""Patient counts against the EBM-NLP sample-size benchmark (../shared/benchmarks/ebm-nlp).

A predicted count is correct when it equals one of the record's gold numbers
(the benchmark README's rule). Prints accuracy over all records, precision over
the records where a count was emitted, and how often nothing was emitted.

    .venv/bin/python bench/ebm_nlp.py [--details]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import studyfacts

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "ebm-nlp"


def main() -> int:
    if not BENCH.is_dir():
        print(f"{BENCH} is absent", file=sys.stderr)
        return 2
    gold = [json.loads(line) for line in (BENCH / "sample_size.gold.jsonl").read_text().splitlines()]
    records = list(studyfacts.extract_file(BENCH / "test.ris"))
    assert len(records) == len(gold), (len(records), len(gold))
    right = wrong = none = 0
    for rec, g in zip(records, gold):
        p = rec.population.patients
        if p is None:
            none += 1
            status = "none"
        elif p.value in g["numbers"]:
            right += 1
            status = "ok"
        else:
            wrong += 1
            status = "WRONG"
        if "--details" in sys.argv and status != "ok":
            print(f"{g['pmid']}: {status} got {p.value if p else None} ({p.span.text if p else ''!r}) "
                  f"want one of {g['numbers']} {g['spans']}")
    n = len(gold)
    emitted = right + wrong
    print(f"records {n}  correct {right} ({right / n:.1%})  wrong {wrong}  null {none} ({none / n:.1%})  "
          f"precision when emitted {right / emitted if emitted else 1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
