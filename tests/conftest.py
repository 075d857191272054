"""Shared fixtures: the pipeline once per session, and where ../shared lives."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy

# compiled patterns kept between test runs, not in the user's own cache (see regexcache.py);
# set before studyfacts is imported, for its modules compile patterns as they load
os.environ.setdefault(
    "STUDYFACTS_CACHE_DIR", os.path.join(tempfile.gettempdir(), f"studyfacts-tests-{os.getuid()}")
)

from studyfacts.components.base import Draft  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "seeds" / "000_b53d737dffa061d6.txt"


def need_shared() -> Path:
    """The shared corpus and eval data, or skip: they sit beside the repo, not in it."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (corpus and eval data live beside the repository)")
    return SHARED


def corpus_abstracts() -> Iterator[str]:
    """Every non-empty abstract of the shared corpus, file by file in name order (or skip)."""
    import studyfacts

    corpus = need_shared() / "corpus"
    for path in sorted(corpus.rglob("*")):
        if path.is_file() and path.suffix not in {".tsv", ".md"}:
            yield from (r.abstract for r in studyfacts.read(path) if r.abstract)


@pytest.fixture(scope="session")
def nlp():
    from studyfacts.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def extract():
    import studyfacts

    return studyfacts.extract


OUTCOME_FAMILIES = ("studyfacts_sentences", "studyfacts_abbreviations", "studyfacts_pain", "studyfacts_complications", "studyfacts_rates")


@pytest.fixture(scope="session")
def run():
    """The outcome families alone (pain, complications, rates), so their tests do not depend on the cohort rules."""
    import studyfacts.components  # noqa: F401

    nlp = spacy.blank("en")
    for name in OUTCOME_FAMILIES:
        nlp.add_pipe(name, name=name.removeprefix("studyfacts_"))

    def _run(text: str) -> Draft:
        doc = nlp(text)
        draft = Draft(abstract=text)
        for _, comp in nlp.pipeline:
            if hasattr(comp, "resolve"):
                comp.resolve(doc, draft)
        return draft

    return _run


def all_high(node):
    """Every confidence tier in a record's JSON set to high, so that a test decides which values are review."""
    if isinstance(node, dict):
        if isinstance(node.get("confidence"), str):
            node.update(confidence="high", reason=None)
        elif isinstance(node.get("confidence"), dict):
            node["confidence"] = {k: "high" for k in node["confidence"]}
            node["reason"] = {}
        for v in node.values():
            all_high(v)
    elif isinstance(node, list):
        for v in node:
            all_high(v)


# --- the suite always ends --------------------------------------------------------------------------
# A test that leaves a thread or a process behind (a worker pool stopped mid-chunk, a browser)
# must not keep the interpreter alive after the summary: CI would wait for it until its own
# time limit. Once the session is over, a daemon watchdog gives the normal exit EXIT_GRACE
# seconds, then names what is still alive, stops the child processes and exits with the
# session's status.
EXIT_GRACE = float(os.environ.get("STUDYFACTS_TEST_EXIT_GRACE", "60"))
_exit_status = {"code": 0}


def pytest_sessionfinish(session, exitstatus) -> None:
    _exit_status["code"] = int(exitstatus)


def _still_alive() -> tuple[list[str], list[object]]:
    import multiprocessing
    import threading

    main, me = threading.main_thread(), threading.current_thread()
    threads = [t.name for t in threading.enumerate() if t not in (main, me) and not t.daemon]
    try:
        import psutil
    except ImportError:  # psutil comes with the dask extra; without it, multiprocessing's own children
        return threads, list(multiprocessing.active_children())
    return threads, psutil.Process().children(recursive=True)


def _watchdog(grace: float) -> None:
    import sys
    import time

    time.sleep(grace)
    threads, children = _still_alive()
    print(
        f"\nconftest: the interpreter had not exited {grace:.0f} s after the session; "
        f"threads still running: {threads or 'none'}; child processes: {len(children)} (stopped)",
        file=sys.stderr,
        flush=True,
    )
    for child in children:
        try:
            child.kill()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - already gone
            pass
    sys.stdout.flush()
    os._exit(_exit_status["code"])


def pytest_unconfigure(config) -> None:
    import threading

    threading.Thread(target=_watchdog, args=(EXIT_GRACE,), name="exit-watchdog", daemon=True).start()
