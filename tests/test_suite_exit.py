"""The suite always ends: a thread a test leaves behind cannot keep pytest alive after its summary."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LEAVES_A_THREAD = """
import threading, time

def test_leaves_a_thread_behind():
    threading.Thread(target=time.sleep, args=(600,), name="forgotten").start()
{extra}
"""


@pytest.mark.parametrize(("extra", "status"), [("", 0), ("def test_fails():\n    assert False\n", 1)])
def test_a_forgotten_thread_does_not_keep_the_suite_alive(tmp_path, extra, status):
    (tmp_path / "test_inner.py").write_text(LEAVES_A_THREAD.format(extra=extra), encoding="utf-8")
    env = {**os.environ, "STUDYFACTS_TEST_EXIT_GRACE": "1"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "tests.conftest",
         "--rootdir", str(tmp_path), str(tmp_path / "test_inner.py")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert time.monotonic() - started < 30
    assert done.returncode == status, done.stdout + done.stderr  # the session's own status, kept
    assert "threads still running: ['forgotten']" in done.stderr
