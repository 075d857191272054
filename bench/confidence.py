"""Confidence tiers on the development set: precision and recall of all values and of `high` values.

Extracts the development set's export files (`../shared/eval/dev/files.txt`), scores
every value with `../shared/eval/score.py`, then the same records with only their `high`
values (what `studyfacts extract --confident` writes), and prints both per field with
the share of correct values that `high` keeps. A script, not a test.

    .venv/bin/python bench/confidence.py            # per-field table
    .venv/bin/python bench/confidence.py --markdown # the same as Markdown (README)
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import studyfacts
from studyfacts.confidence import confident_only

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL = SHARED / "eval"


def _scorer():
    spec = importlib.util.spec_from_file_location("score", EVAL / "score.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main() -> int:
    if not EVAL.is_dir():
        print(f"{EVAL} is absent", file=sys.stderr)
        return 2
    score = _scorer()
    files = [line.strip() for line in (EVAL / "dev" / "files.txt").read_text().splitlines() if line.strip()]
    golds = score.load(str(EVAL / "dev" / "dev.gold.jsonl"))
    records = [rec for f in files for rec in studyfacts.extract_file(SHARED / "corpus" / f)]
    full = [rec.model_dump(mode="json") for rec in records]
    high = [confident_only(rec).model_dump(mode="json") for rec in records]
    t_all, _, _ = score.score(full, golds)
    t_high, _, _ = score.score(high, golds)
    rows = []
    for field in sorted(t_all):
        tp, fp, fn = t_all[field]
        htp, hfp, hfn = t_high[field]
        rows.append((field, *score.prf(tp, fp, fn), *score.prf(htp, hfp, hfn), htp / tp if tp else 1.0, htp, hfp))
    tot = [sum(t_all[f][i] for f in t_all) for i in range(3)]
    htot = [sum(t_high[f][i] for f in t_high) for i in range(3)]
    rows.append(("all fields", *score.prf(*tot), *score.prf(*htot), htot[0] / tot[0] if tot[0] else 1.0, htot[0], htot[1]))
    if "--markdown" in sys.argv:
        print("| field | all P | all R | high P | high R | correct values kept by high |\n|---|---:|---:|---:|---:|---:|")
        for f, p, r, _, hp, hr, _, kept, _, _ in rows:
            print(f"| {f} | {p:.3f} | {r:.3f} | {hp:.3f} | {hr:.3f} | {kept:.0%} |")
        return 0
    print(f"{'field':24s} {'P':>6s} {'R':>6s} {'F1':>6s} | {'high P':>6s} {'R':>6s} {'F1':>6s} | kept  tp  fp")
    for f, p, r, f1, hp, hr, hf1, kept, htp, hfp in rows:
        print(f"{f:24s} {p:6.3f} {r:6.3f} {f1:6.3f} | {hp:6.3f} {hr:6.3f} {hf1:6.3f} | {kept:4.0%} {htp:3d} {hfp:3d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
