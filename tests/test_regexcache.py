"""The on-disk cache of compiled patterns (regexcache.py): what comes back from it matches
exactly as what `regex.compile` makes, and a damaged, foreign or unwritable cache only
means patterns are compiled as usual."""

from __future__ import annotations

import pytest
import regex

from studyfacts import regexcache
from .test_literals import INVENTED, all_rules

PATTERNS = [
    (r"(?P<n>\d+)\s+(?:patients|women|men)\b", regex.IGNORECASE),
    (r"(?<=\bmean\s+age\s+)(?P<age>\d{1,3}(?:\.\d+)?)\s*(?:±|\+/-)\s*(?P<sd>\d+(?:\.\d+)?)", regex.IGNORECASE),
    (r"(?-i:[A-Z]{2,})\s*\((?P<long>[^()]{3,40})\)", 0),
    (r"""(?P<a>\d+) \s* / \s* (?P<b>\d+)  # a fraction""", regex.VERBOSE),
    (r"\b(?:one|two|three)\b(?!\s+years)", regex.IGNORECASE),
]
TEXTS = [
    "We enrolled 45 patients and 12 Women; mean age 61.5 ± 8.2 years.",
    "Magnetic resonance imaging (MRI) found 3/12 lesions in two years and three patients.",
    "",
]


def _matches(pattern: regex.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("STUDYFACTS_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("STUDYFACTS_CACHE", raising=False)
    regexcache.forget()
    regex.purge()  # regex's own cache: a pattern it holds is not parsed, so not noted
    yield tmp_path
    regexcache.forget()


def _from_cache_only(monkeypatch):
    """From here on a pattern the cache does not hold fails the test: it would be compiled."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"compiled, not read from the cache: {args[0]!r}")

    monkeypatch.setattr(regexcache.regex, "compile", refuse)


def test_a_pattern_read_back_matches_as_a_fresh_compile(cache, monkeypatch):
    fresh = [regex.compile(p, f) for p, f in PATTERNS]
    regex.purge()
    for p, f in PATTERNS:
        regexcache.cached_compile(p, f)
    assert regexcache.save(force=True)
    assert regexcache.cache_file().is_file()
    regexcache.forget()  # as a new process: the file is all there is
    _from_cache_only(monkeypatch)
    for (p, f), want in zip(PATTERNS, fresh, strict=True):
        got = regexcache.cached_compile(p, f)
        assert got.pattern == want.pattern and got.groupindex == want.groupindex
        assert int(got.flags) == int(want.flags)
        for text in TEXTS:
            assert _matches(got, text) == _matches(want, text)


def test_every_rule_read_back_matches_as_a_fresh_compile(cache, monkeypatch):
    """All the rules' patterns, through a cache file, on the invented abstracts."""
    pairs = [(cr.regex.pattern, int(cr.regex.flags)) for cr in all_rules()]
    assert len(pairs) > 100
    regex.purge()
    for p, f in pairs:
        regexcache.cached_compile(p, f)
    assert regexcache.save(force=True)
    regexcache.forget()
    regex.purge()
    fresh = [regex.compile(p, f) for p, f in pairs]
    _from_cache_only(monkeypatch)
    for (p, f), want in zip(pairs, fresh, strict=True):
        got = regexcache.cached_compile(p, f)
        for text in INVENTED[:40]:
            assert _matches(got, text) == _matches(want, text), p[:80]


def test_a_damaged_file_is_not_read(cache):
    p, f = PATTERNS[0]
    regexcache.cached_compile(p, f)
    assert regexcache.save(force=True)
    path = regexcache.cache_file()
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one flipped byte in the body: the checksum no longer holds
    path.write_bytes(bytes(data))
    regexcache.forget()
    assert regexcache._read(path) == {}
    regex.purge()
    got = regexcache.cached_compile(p, f)  # compiled as usual
    assert _matches(got, TEXTS[0]) == _matches(regex.compile(p, f), TEXTS[0])
    path.write_bytes(b"not a cache at all")
    assert regexcache._read(path) == {}


def test_off_writes_nothing(cache, monkeypatch):
    monkeypatch.setenv("STUDYFACTS_CACHE", "off")
    assert regexcache.cache_file() is None
    p, f = PATTERNS[1]
    got = regexcache.cached_compile(p, f)
    assert _matches(got, TEXTS[0]) == _matches(regex.compile(p, f), TEXTS[0])
    assert not regexcache.save(force=True)
    assert list(cache.iterdir()) == []


def test_an_unwritable_place_only_means_no_file(cache, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setenv("STUDYFACTS_CACHE_DIR", str(blocker / "below"))  # a directory cannot be made under a file
    regexcache.forget()
    p, f = PATTERNS[2]
    regexcache.cached_compile(p, f)
    assert not regexcache.save(force=True)


def test_the_file_names_the_regex_release_and_python(cache):
    name = regexcache.cache_file().name
    assert regex.__version__ in name and "py3" in name


def test_no_home_directory_means_no_cache(cache, monkeypatch):
    monkeypatch.delenv("STUDYFACTS_CACHE_DIR")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(regexcache.Path, "home", staticmethod(no_home))
    assert regexcache.cache_dir() is None
    p, f = PATTERNS[0]
    got = regexcache.cached_compile(p, f)
    assert _matches(got, TEXTS[0]) == _matches(regex.compile(p, f), TEXTS[0])
    assert not regexcache.save(force=True)


def test_the_default_place_follows_xdg(cache, monkeypatch, tmp_path):
    monkeypatch.delenv("STUDYFACTS_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert regexcache.cache_dir() == tmp_path / "xdg" / "studyfacts"


def test_every_rules_literals_read_back_as_a_fresh_analysis(cache, monkeypatch):
    """What `literals.analyse` reads off each rule's pattern, kept in the file and read by a
    new process, is what the parser gives: the same strings, `Bounded` and `Cased` kept."""
    from studyfacts import literals

    pairs = [(cr.regex.pattern, int(cr.regex.flags)) for cr in all_rules()]
    fresh = [literals._analyse(p, f) for p, f in pairs]
    for p, f in pairs:
        literals.analyse(p, f)
    assert regexcache.save(force=True)
    regexcache.forget()

    def refuse(*args):
        raise AssertionError("parsed, not read from the cache")

    monkeypatch.setattr(literals, "_analyse", refuse)
    kept = [literals.analyse(p, f) for p, f in pairs]
    assert any(isinstance(c, literals.Bounded) for _, c in fresh) and any(
        isinstance(s, literals.Cased) for _, c in fresh for s in c or ()
    )
    for (want_c, want_l), (got_c, got_l) in zip(fresh, kept, strict=True):
        assert got_c == want_c and type(got_c) is type(want_c)
        assert got_l == want_l and type(got_l) is type(want_l)
        assert [type(s) for s in got_l or ()] == [type(s) for s in want_l or ()]


def test_an_analysis_kept_under_another_name_is_not_read(cache):
    """A result kept by another version of `literals.py` (its digest names it) is never used."""
    from studyfacts import literals

    p, f = PATTERNS[0]
    regexcache.remember("literals-0000000000000000", p, f, ((False, (("zzz", False),)), None))
    assert regexcache.remembered(literals._analysis_kind(), p, f) is None
    assert literals.analyse(p, f) == literals._analyse(p, f)


def test_what_may_follow_a_count_reads_back_as_a_fresh_analysis(cache, monkeypatch):
    """`literals.after_count` of every count rule, kept in the file and read by a new process."""
    from studyfacts import literals

    pairs = [(cr.regex.pattern, int(cr.regex.flags)) for cr in all_rules() if cr.count_group_first]
    assert len(pairs) > 5
    fresh = [literals._after_count(p, f) for p, f in pairs]
    assert any(f is not None for f in fresh)
    for p, f in pairs:
        literals.after_count(p, f)
    assert regexcache.save(force=True)
    regexcache.forget()

    def refuse(*args):
        raise AssertionError("parsed, not read from the cache")

    monkeypatch.setattr(literals, "_after_count", refuse)
    assert [literals.after_count(p, f) for p, f in pairs] == fresh


def test_every_rules_requirements_read_back_as_a_fresh_analysis(cache, monkeypatch):
    """`literals.requirements` of every rule, kept in the file and read by a new process."""
    from studyfacts import literals

    pairs = [(cr.regex.pattern, int(cr.regex.flags)) for cr in all_rules()]
    fresh = [literals._requirements(p, f) for p, f in pairs]
    assert sum(1 for r in fresh if r) > 20
    for p, f in pairs:
        literals.requirements(p, f)
    assert regexcache.save(force=True)
    regexcache.forget()

    def refuse(*args):
        raise AssertionError("parsed, not read from the cache")

    monkeypatch.setattr(literals, "_requirements", refuse)
    assert [literals.requirements(p, f) for p, f in pairs] == fresh


def test_a_file_past_its_size_keeps_only_what_the_process_used(cache, monkeypatch):
    """Patterns of rules since changed do not pile up: past MAX_BYTES a write keeps only the
    entries its process used, even when it compiled nothing new."""
    regex.purge()
    for p, f in PATTERNS:
        regexcache.cached_compile(p, f)
    assert regexcache.save(force=True)
    path = regexcache.cache_file()
    assert len(regexcache._read(path)) == len(PATTERNS)
    regexcache.forget()  # a new process that uses the first two patterns only
    monkeypatch.setattr(regexcache, "MAX_BYTES", 1)
    for p, f in PATTERNS[:2]:
        regexcache.cached_compile(p, f)
    assert regexcache.save(force=True)  # nothing new, but the file is too large
    assert set(regexcache._read(path)) == {(p, int(f)) for p, f in PATTERNS[:2]}
    monkeypatch.setattr(regexcache, "MAX_BYTES", 10**9)
    regexcache.forget()
    regexcache.cached_compile(*PATTERNS[0])
    assert not regexcache.save(force=True)  # nothing new and the file is small: no write


def test_a_file_within_its_size_keeps_every_process_s_patterns(cache):
    regex.purge()
    regexcache.cached_compile(*PATTERNS[0])
    assert regexcache.save(force=True)
    regexcache.forget()  # another process, another pattern
    regexcache.cached_compile(*PATTERNS[1])
    assert regexcache.save(force=True)
    got = set(regexcache._read(regexcache.cache_file()))
    assert got == {(p, int(f)) for p, f in PATTERNS[:2]}


_PATTERNS_OF_A_RUN = """
import studyfacts.regexcache as rc
seen = []
compile_ = rc.cached_compile
def noting(p, flags=0):
    seen.append((p, int(flags)))
    return compile_(p, flags)
rc.cached_compile = noting  # before the modules that import it load
from studyfacts.pipeline import build_nlp, extract_records
from studyfacts.readers.base import RawRecord
nlp = build_nlp()
text = ("Rats and mice were studied. We enrolled 45 patients (20 women) aged 61 years between "
        "2010 and 2015 in three hospitals; VAS fell from 7 to 2 at 6 months. Two had infections.")
extract_records([RawRecord(path="invented.txt", index=0, format="text", abstract=text)], nlp)
print(len(seen), __import__("hashlib").sha256(repr(sorted(seen)).encode()).hexdigest())
"""


def test_the_patterns_are_the_same_in_every_process(tmp_path):
    """A pattern built from a set in its iteration order differs with each process's hash seed:
    it is compiled again (and written to the cache) in every run. Two processes, two seeds:
    they ask for the same patterns."""
    import os
    import subprocess
    import sys

    outs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", _PATTERNS_OF_A_RUN], env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr[-2000:]
        outs.add(out.stdout.strip())
    assert len(outs) == 1, outs
