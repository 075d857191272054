"""Compiled patterns kept on disk between runs, so a new process does not parse them again.

The `regex` module parses and optimises a pattern in Python before its C engine takes the
result (a list of integers and a few tables): for the ~700 patterns of the rules and cues,
some 2 CPU seconds at every start of a process, which is most of the time a run over a
small export takes, and several per cent of a long one. `cached_compile` keeps what the parser
produced for each pattern in a file under the user's cache directory, and a later process
hands it straight to the engine (~30 ms for all of them).

What is kept is exactly what `regex` would compute again, for the same pattern, flags,
`regex` release and Python; the file names all three and carries a checksum, and anything
it does not hold, or a file that cannot be read or does not check out, is compiled as
usual. Nothing here changes a match.

The file holds what the processes that wrote it used. When it would grow past `MAX_BYTES`
(patterns of rules since changed pile up on a machine where the rules are edited), a process
writes only the entries it used itself; one that another process still needs is compiled
once more there and added back.

Where: `$STUDYFACTS_CACHE_DIR`, else `$XDG_CACHE_HOME/studyfacts`, else
`~/.cache/studyfacts`. `STUDYFACTS_CACHE=off` turns it off. A directory that cannot be
written only means the patterns are compiled each time.
"""

from __future__ import annotations

import array
import atexit
import contextlib
import hashlib
import marshal
import os
import platform
import sys
import threading
import time
from pathlib import Path
from typing import Any

import regex
import regex._main as _regex_main  # the parser, and the engine's module it hands its result to

_ENV_DIR = "STUDYFACTS_CACHE_DIR"
_ENV_SWITCH = "STUDYFACTS_CACHE"
_FORMAT = 1  # of the file's contents; a change of layout bumps it
_MAGIC = b"studyfacts-regex-cache"
# the engine's code as 32-bit unsigned integers (every value the parser emits fits)
_CODE_TYPE = next((t for t in ("I", "L") if array.array(t).itemsize == 4), None)
_SAVE_EVERY_S = 2.0  # new patterns are written out at most this often while a run goes on
# past this, a write keeps only the entries its process used (one version of the rules, with the
# count-rule subsets a large search meets, takes about a tenth of it)
MAX_BYTES = 48 * 1024 * 1024

_lock = threading.RLock()
_local = threading.local()
_entries: dict[tuple[str, int], tuple[Any, ...]] | None = None  # None: not read yet
_new = 0  # entries compiled in this process since the file was last written
_used: set[tuple[str, int]] = set()  # keys this process read from the file or added to it
_read_bytes = 0  # the size of the file as this process read it
_last_save = 0.0
_engine: Any = None  # the engine module, wrapped (see `_Capture`)


def cache_dir() -> Path | None:
    """Where the file goes, or None when the cache is turned off."""
    if os.environ.get(_ENV_SWITCH, "").strip().lower() in {"0", "off", "no", "false"}:
        return None
    where = os.environ.get(_ENV_DIR)
    if where:
        return Path(where)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "studyfacts"
    try:
        return Path.home() / ".cache" / "studyfacts"
    except (RuntimeError, KeyError, OSError):  # no home directory to be found: no cache
        return None


def cache_file() -> Path | None:
    where = cache_dir()
    if where is None:
        return None
    py = "".join(map(str, sys.version_info[:2]))
    return where / f"regex-{regex.__version__}-py{py}-{platform.machine() or 'any'}-{sys.byteorder}.bin"


class _Capture:
    """The engine's module as `regex` sees it: everything passes through, and the arguments
    of `compile` (the parser's result) are noted for the thread that asked for them."""

    def __init__(self, engine: Any) -> None:
        self._engine = engine

    def __getattr__(self, name: str) -> Any:
        return getattr(self._engine, name)

    def compile(self, *args: Any) -> Any:
        seen = getattr(_local, "seen", None)
        if seen is not None:
            seen.append(args)
        return self._engine.compile(*args)


def _usable() -> bool:
    """Whether this `regex` hands its parser's result to its engine as this module expects."""
    global _engine
    if _engine is None:
        engine = getattr(_regex_main, "_regex", None)
        if engine is None or _CODE_TYPE is None or not hasattr(engine, "compile"):
            _engine = False
        elif isinstance(engine, _Capture):
            _engine = engine
        else:
            _engine = _Capture(engine)
            _regex_main._regex = _engine
    return _engine is not False


def _pack(args: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """The engine's arguments as plain values marshal can write, or None when they are not
    what this module knows (11 of them, the code a list of 32-bit integers)."""
    if len(args) != 11 or not isinstance(args[2], list):
        return None
    try:
        code = array.array(_CODE_TYPE, args[2]).tobytes()  # type: ignore[arg-type]
        packed = (args[0], int(args[1]), code, *args[3:7], int(args[7]), args[8], int(args[9]), int(args[10]))
        marshal.dumps(packed)
    except (OverflowError, TypeError, ValueError):
        return None
    return packed


def _unpack(packed: tuple[Any, ...]) -> tuple[Any, ...]:
    code = array.array(_CODE_TYPE)  # type: ignore[arg-type]
    code.frombytes(packed[2])
    return (packed[0], packed[1], code.tolist(), *packed[3:])


def _read(path: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
    """The file's entries; none when it is absent, damaged or of another layout."""
    global _read_bytes
    try:
        data = path.read_bytes()
    except OSError:
        _read_bytes = 0
        return {}
    _read_bytes = len(data)
    head = len(_MAGIC) + 1 + 32
    if len(data) < head or not data.startswith(_MAGIC) or data[len(_MAGIC)] != _FORMAT:
        return {}
    digest, body = data[len(_MAGIC) + 1 : head], data[head:]
    if hashlib.sha256(body).digest() != digest:
        return {}
    try:
        entries = marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _load() -> dict[tuple[str, int], tuple[Any, ...]]:
    global _entries
    if _entries is None:
        path = cache_file()
        _entries = _read(path) if path is not None and _usable() else {}
    return _entries


def save(force: bool = False) -> bool:
    """Write the patterns compiled since the last write (merged with what the file holds
    now: other processes may have added theirs). At most every few seconds unless `force`.
    True when the file was written."""
    global _new, _last_save, _read_bytes
    with _lock:
        if _entries is None or not (_new or _read_bytes > MAX_BYTES):
            return False  # nothing to add, and no file too large to cut down
        now = time.monotonic()
        if not force and now - _last_save < _SAVE_EVERY_S:
            return False
        path = cache_file()
        if path is None:
            return False
        _last_save = now
        merged = _read(path)
        merged.update(_entries)
        body = marshal.dumps(merged)
        if len(body) > MAX_BYTES:
            body = marshal.dumps({k: v for k, v in merged.items() if k in _used})
        tmp = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(_MAGIC + bytes([_FORMAT]) + hashlib.sha256(body).digest() + body)
            os.replace(tmp, path)
            _read_bytes = len(_MAGIC) + 1 + 32 + len(body)
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            return False
        _new = 0
        return True


def cached_compile(pattern: str, flags: int = 0) -> regex.Pattern[str]:
    """`regex.compile(pattern, flags)`, from the cache when it holds the pattern."""
    global _new
    if flags & regex.LOCALE or cache_file() is None:
        return regex.compile(pattern, flags)
    key = (pattern, int(flags))
    with _lock:
        entries = _load()
        packed = entries.get(key)
        _used.add(key)
    if packed is not None:
        try:
            return _engine._engine.compile(*_unpack(packed))
        except Exception:  # noqa: BLE001 - whatever the engine makes of it, compile as usual
            with _lock:
                entries.pop(key, None)
    if not _usable():
        return regex.compile(pattern, flags)
    _local.seen = seen = []
    try:
        compiled = regex.compile(pattern, flags)
    finally:
        _local.seen = None
    if len(seen) == 1 and seen[0][0] == pattern:  # none: regex had it in its own cache
        packed = _pack(seen[0])
        if packed is not None:
            with _lock:
                entries[key] = packed
                _new += 1
    return compiled


def _value_key(kind: str, pattern: str, flags: int) -> tuple[str, int]:
    """Where a value computed from a pattern is kept: beside the compiled patterns, never one of them."""
    return (f"{kind}\x00{pattern}", int(flags))


def remembered(kind: str, pattern: str, flags: int) -> Any | None:
    """A value computed from a pattern before and kept in the file beside the compiled patterns
    (`remember`): e.g. what `literals.analyse` reads off it. `kind` names what it is, and
    changes when the way it is computed does. None when the file holds no such value."""
    if cache_file() is None:
        return None
    key = _value_key(kind, pattern, flags)
    with _lock:
        _used.add(key)
        return _load().get(key)


def remember(kind: str, pattern: str, flags: int, value: Any) -> None:
    """Keep `value` (made of what marshal can write) for `remembered`."""
    global _new
    if cache_file() is None:
        return
    try:
        marshal.dumps(value)
    except ValueError:
        return
    key = _value_key(kind, pattern, flags)
    with _lock:
        _load()[key] = value
        _used.add(key)
        _new += 1


def forget() -> None:
    """Drop what was read and compiled so far (the next compile reads the file again): for
    tests, and for a process that moves the cache with `STUDYFACTS_CACHE_DIR`."""
    global _entries, _new, _last_save, _read_bytes
    with _lock:
        _entries, _new, _last_save, _read_bytes = None, 0, 0.0, 0
        _used.clear()


atexit.register(save, True)
