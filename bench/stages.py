"""Where the time goes (not a test): CPU microseconds per abstract for each stage.

    .venv/bin/python bench/stages.py            # every abstract of ../shared/corpus, once

Reads the corpus, then times, on the same abstracts: bare tokenisation, each
pipeline component's matching (`__call__`), each family's `resolve`, checks and
validation. Each abstract is seen once per stage, so spaCy's tokenizer cache
is warm only as it would be on a real run.
"""

from __future__ import annotations

import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"


def main() -> None:
    import spacy

    import studyfacts
    from studyfacts.checks import run_checks
    from studyfacts.components.base import TEXT_KEY, Draft
    from studyfacts.models import Record
    from studyfacts.pipeline import build_nlp, compilation_reason, extract_record

    if not CORPUS.is_dir():
        raise SystemExit(f"{CORPUS} is absent")
    t = time.process_time()
    raws = [r for f in sorted(CORPUS.rglob("*")) if f.is_file() and f.suffix not in {".tsv", ".md"}
            for r in studyfacts.read(f)]
    read_s = time.process_time() - t
    texts = [r.abstract for r in raws if r.abstract and len(r.abstract) < 100_000
             and not compilation_reason(r.abstract)]
    n = len(texts)
    print(f"{len(raws):,} records read in {read_s:.2f} CPU s ({1e6 * read_s / len(raws):.0f} us each); "
          f"{n:,} abstracts timed", file=sys.stderr)

    bare = spacy.blank("en")
    t = time.process_time()
    for text in texts:
        bare.make_doc(text)
    bare_s = time.process_time() - t

    nlp = build_nlp()
    for text in texts[:50]:  # warm the rule caches
        doc = nlp.make_doc(text)
    cost: dict[str, float] = defaultdict(float)
    clock = time.process_time
    for text in texts:
        t = clock()
        doc = nlp.make_doc(text)
        doc.user_data[TEXT_KEY] = text
        cost["tokenise"] += clock() - t
        for name, proc in nlp.pipeline:
            t = clock()
            doc = proc(doc)
            cost[f"match {name}"] += clock() - t
        draft = Draft(abstract=text)
        for name, proc in nlp.pipeline:
            resolve = getattr(proc, "resolve", None)
            if resolve is not None:
                t = clock()
                resolve(doc, draft)
                cost[f"resolve {name}"] += clock() - t
        t = clock()
        run_checks(draft)
        cost["checks"] += clock() - t
    t = clock()
    for raw in raws:
        rec = extract_record(raw, nlp)
        Record.model_dump_json(rec)
    whole = clock() - t

    total = sum(cost.values())
    print(f"| stage | us per abstract | share |\n|---|---:|---:|")
    print(f"| bare tokenisation (reference) | {1e6 * bare_s / n:.0f} | |")
    for k, v in sorted(cost.items(), key=lambda kv: -kv[1]):
        print(f"| {k} | {1e6 * v / n:.0f} | {v / total:.0%} |")
    print(f"| sum of stages | {1e6 * total / n:.0f} | |")
    print(f"| extract_record + JSON, per record read | {1e6 * whole / len(raws):.0f} | |")
    print(f"\nratio (extract per abstract vs bare tokenisation): {bare_s / total:.2f}", file=sys.stderr)


if __name__ == "__main__":
    main()
