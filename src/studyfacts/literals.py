"""What a rule's regex cannot match without: literal words, read off the pattern.

Speed. Most abstracts hold no words a given rule needs ("randomised",
"systematic review", "bicentric"), yet a regex whose pattern begins with an
alternation scans every position of the text, at about 20 ns a character. A
substring test on the lower-cased text costs a few hundred nanoseconds. So each
rule's pattern is parsed once (with the standard library's regular-expression
parser, which reads the syntax our rules use) into two facts:

* `contains`: strings of which every match holds at least one, so a text that
  holds none of them cannot match and is not scanned;
* `leading`: strings with one of which every match begins, so the regex need
  only be tried where one of them occurs, instead of at every position. When
  every match also begins at a word boundary (`\\b`) and every string with a
  letter, `leading` is a `Bounded` tuple, and places inside a word ("men" in
  "treatment") are not tried either.

Both are lower-cased and compared with the lower-cased text, which for
case-insensitive rules is a superset test. Nothing here changes which matches
a rule finds: `scan` gives exactly what `finditer` gives (the test suite checks
that over real abstracts). A pattern the parser cannot read just gets no
shortcut.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import ahocorasick
import regex

from .regexcache import cached_compile, remember, remembered

try:  # Python 3.11+
    import re._constants as _c
    import re._parser as _parser
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _parser  # type: ignore[no-redef]

Literals = tuple[str, ...]


class Bounded(tuple):  # type: ignore[type-arg]
    """Leading strings of a pattern whose every match begins at a word boundary, each
    string beginning with a word character: a match can begin only where the character
    before is not one."""


_WORD = cached_compile(r"\w")
_IS_WORD: dict[str, bool] = {}


def is_word_char(ch: str) -> bool:
    """`regex`'s own `\\w` (what `\\b` reads), remembered per character."""
    got = _IS_WORD.get(ch)
    if got is None:
        got = _IS_WORD[ch] = _WORD.match(ch) is not None
    return got

# regex's case-insensitive matching pairs these with ASCII letters ("ſ" with "s"),
# which str.lower() does not: a text holding one takes the slow, exact path.
_FOLDS_TO_ASCII = ("\u017f", "\u0130")

# A condition with more strings than this costs more to test than it saves (most are looked up
# in the one-pass index, `LowText`: a dictionary look-up each).
_MAX_STRINGS = 40
# Past this many places to try, one scan of the whole text is cheaper. A try is one `match`
# call (~1-2 us); a scan costs ~0.05-0.2 us a character where the pattern opens with no string
# the engine can search for ("\b(?:mean|median|...)", case-insensitive), some 100-300 us for an
# abstract: 48 tries (12 until the eleventh session) made the whole pipeline ~5 % faster, and
# abstracts with many statistics (pain scores) more.
MAX_TRIES = 48

_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT} | ({_c.POSSESSIVE_REPEAT} if hasattr(_c, "POSSESSIVE_REPEAT") else set())


def _parse(pattern: str, flags: int) -> Any | None:
    std = 0
    if flags & regex.VERBOSE:
        std |= _c.SRE_FLAG_VERBOSE
    if flags & regex.IGNORECASE:
        std |= _c.SRE_FLAG_IGNORECASE
    try:
        return _parser.parse(pattern, std)
    except Exception:  # regex-only syntax: no shortcut for this rule
        return None


def _selectivity(c: Literals) -> tuple[int, int, int]:
    # longer shortest string, then fewer letters in it ("=" is rarer in prose than "n"),
    # then fewer strings
    shortest = min(c, key=len)
    return len(shortest), -sum(ch.isalpha() for ch in shortest), -len(c)


def _better(a: Literals | None, b: Literals | None) -> Literals | None:
    """The more selective of two conditions."""
    if a is None:
        return b
    if b is None:
        return a
    return b if _selectivity(b) > _selectivity(a) else a


def _union(parts: Sequence[Literals | None], *, leading: bool = False) -> Literals | None:
    out: list[str] = []
    for p in parts:
        if p is None:
            return None
        out.extend(s for s in p if s not in out)
    if not out or len(out) > _MAX_STRINGS:
        return None
    # A string that holds another is implied by it ("women" by "men"). For where a match
    # begins, only a string that begins with another is: "men" occurs 2 past "women".
    if leading:
        return tuple(s for s in out if not any(t != s and s.startswith(t) for t in out))
    return tuple(s for s in out if not any(t != s and t in s for t in out))


def _items(seq: Any) -> list[tuple[Any, Any]]:
    return list(seq.data if hasattr(seq, "data") else seq)


def _group_body(av: Any) -> Any:
    """The sub-pattern of a SUBPATTERN node (its shape differs across Python versions)."""
    return av[-1]


def _contains(seq: Any) -> Literals | None:
    """Strings of which every match of `seq` holds one (None: cannot tell)."""
    best: Literals | None = None
    run = ""
    for op, av in _items(seq):
        if op is _c.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            best = _better(best, (run,))
            run = ""
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            best = _better(best, _contains(_group_body(av)))
        elif op is _c.BRANCH:
            best = _better(best, _union([_contains(b) for b in av[1]]))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _contains(av[2]))
        elif getattr(_c, "ATOMIC_GROUP", None) is op:
            best = _better(best, _contains(av))
    if run:
        best = _better(best, (run,))
    return best


def _required(seq: Any) -> list[Literals]:
    """Every condition of `_contains`'s kind that a match of `seq` meets, not only the most
    selective: a run of literals, each group's own, and for an alternation the union of each
    branch's best. A match holds one string of each."""
    out: list[Literals] = []
    run = ""
    for op, av in _items(seq):
        if op is _c.LITERAL:
            run += chr(av).lower()
            continue
        if run:
            # the parser factors shared beginnings out ("mean|median" -> "me" + "an|dian"):
            # the run and what each branch begins with
            joined = None
            if op is _c.BRANCH:
                joined = _union([_leading(_items(b), False, False) for b in av[1]], leading=True)
            out.append(tuple(run + str(x).lower() for x in joined) if joined else (run,))
            run = ""
        if op in _ZERO_WIDTH:
            continue
        if op is _c.SUBPATTERN:
            out.extend(_required(_group_body(av)))
        elif op is _c.BRANCH:
            either = _union([_contains(b) for b in av[1]])
            if either is not None:
                out.append(either)
        elif op in _REPEATS and av[0] >= 1:
            out.extend(_required(av[2]))
        elif getattr(_c, "ATOMIC_GROUP", None) is op:
            out.extend(_required(av))
    if run:
        out.append((run,))
    return out


# How many conditions besides `contains` a rule is tested with (`requirements`)
_MAX_ALSO = 3


def requirements(pattern: str, flags: int = 0) -> tuple[Literals, ...]:
    """Conditions besides the pattern's `contains` that every match meets, each a tuple of
    strings of which a match holds one (lower-cased, each of three characters or more, at
    most `_MAX_ALSO`, the most selective first): "we report ... case" needs "case" besides one
    of the verbs. A text that fails one cannot match. Kept beside the compiled patterns as
    `analyse`'s results are."""
    kind = "requirements-" + _analysis_kind()
    kept = remembered(kind, pattern, flags)
    if kept is not None:
        try:
            return tuple(tuple(str(x) for x in one) for one in kept)
        except TypeError:
            pass
    found = _requirements(pattern, flags)
    remember(kind, pattern, flags, found)
    return found


def _requirements(pattern: str, flags: int) -> tuple[Literals, ...]:
    if any(ch in pattern for ch in _FOLDS_TO_ASCII):
        return ()
    tree = _parse(pattern, flags)
    if tree is None:
        return ()
    first = _contains(tree)
    out: list[Literals] = []
    for one in _required(tree):
        if (
            one
            and all(len(x) >= _MIN_INDEXED and x not in _TOO_COMMON for x in one)  # else nearly every text passes
            and one not in out
            and set(one) != set(first or ())
        ):
            out.append(one)
    out.sort(key=_selectivity, reverse=True)
    return tuple(out[:_MAX_ALSO])


def holds_all(low: str, conditions: tuple[Literals, ...]) -> bool:
    """Whether the text holds a string of every condition."""
    for one in conditions:
        if not holds_any(low, one):
            return False
    return True


class Cased(str):
    """A leading string of a case-sensitive part of a pattern ("(?-i:Of|Among)"): looked
    for as written in the text, not lower-cased ("Of" opens a sentence; "of" is everywhere)."""


def _join(run: str, rest: str) -> str:
    """run + rest, keeping the case only when both keep it."""
    if isinstance(run, Cased) and isinstance(rest, Cased):
        return Cased(str(run) + str(rest))
    return (str(run) + str(rest)).lower()


def _case_after(av: Any, cased: bool) -> bool:
    """Whether a group's body is case-sensitive: its inline flags ("(?-i:...)", "(?i:...)") or the enclosing case."""
    if len(av) == 4:
        add, remove = av[1], av[2]
        if remove & _c.SRE_FLAG_IGNORECASE:
            return True
        if add & _c.SRE_FLAG_IGNORECASE:
            return False
    return cased


def _leading(items: list[tuple[Any, Any]], cased: bool = False, extend: bool = True) -> Literals | None:
    """Strings with one of which every match of the item sequence begins (None: cannot tell).
    Lower-cased, except `Cased` strings read where the pattern is case-sensitive (`cased`)."""
    for i, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            continue
        if op is _c.LITERAL:
            run = ""
            j = i
            while j < len(items) and items[j][0] is _c.LITERAL:
                run += chr(items[j][1])
                j += 1
            run = Cased(run) if cased else run.lower()
            # the parser factors shared beginnings out ("mean|median" -> "me" + "an|dian"):
            # a branch that must follow extends the run
            if j < len(items) and items[j][0] is _c.BRANCH:
                rest = _union([_leading(_items(b), cased, extend) for b in items[j][1][1]], leading=True)
                if rest is not None:
                    return tuple(_join(run, r) for r in rest)
            if cased or not extend:
                return (run,)
            return _extended(run, items[j:])
        if op is _c.SUBPATTERN:
            return _leading(_items(_group_body(av)), _case_after(av, cased), extend)
        if op is _c.BRANCH:
            return _union([_leading(_items(b), cased, extend) for b in av[1]], leading=True)
        if getattr(_c, "ATOMIC_GROUP", None) is op:
            return _leading(_items(av), cased, extend)
        if op in _REPEATS:
            body = _leading(_items(av[2]), cased, extend)
            if av[0] >= 1:
                return body
            return _union([body, _leading(items[i + 1 :], cased, extend)], leading=True)  # optional: it, or what follows
        return None
    return None  # an empty match is possible


# How far `_extended` may multiply a leading string
_MAX_EXTENDED = 8


def _chars_of(op: Any, av: Any) -> set[str] | None:
    """The characters one item matches when it is a literal or a class of a few literals
    ("[-\u2010]"), lower-cased; None otherwise."""
    if op is _c.LITERAL:
        return {chr(av).lower()}
    if op is _c.IN and all(iop is _c.LITERAL for iop, _ in av) and len(av) <= 4:
        return {chr(iav).lower() for _, iav in av}
    return None


def _extended(run: str, rest: list[tuple[Any, Any]]) -> Literals:
    """A leading run of literals made longer by what must follow it: more literals, a class of a
    few characters, an optional one ("meta" + "[-\u2010\u2011]?" + "analys" gives four
    strings, where "meta" alone begins "metastases" too): fewer places to try. Stops at anything
    else, or where the strings would pass `_MAX_EXTENDED`."""
    strings = [run]
    for op, av in rest:
        chars = _chars_of(op, av)
        if chars is None and op in _REPEATS and av[0] == 0 and av[1] == 1:
            body = _items(av[2])
            one = _chars_of(*body[0]) if len(body) == 1 else None
            chars = None if one is None else one | {""}
        if chars is None or len(strings) * len(chars) > _MAX_EXTENDED:
            break
        strings = [s + ch for s in strings for ch in sorted(chars)]
    return tuple(strings)


_BOUNDARIES = {_c.AT_BOUNDARY, getattr(_c, "AT_UNI_BOUNDARY", _c.AT_BOUNDARY)}


def _opens_with_boundary(items: list[tuple[Any, Any]]) -> bool:
    """Whether every match of the item sequence begins with `\\b` (False: cannot tell)."""
    for op, av in items:
        if op is _c.AT:
            return av in _BOUNDARIES
        if op is _c.SUBPATTERN:
            return _opens_with_boundary(_items(_group_body(av)))
        if op is _c.BRANCH:
            return all(_opens_with_boundary(_items(b)) for b in av[1])
        if getattr(_c, "ATOMIC_GROUP", None) is op:
            return _opens_with_boundary(_items(av))
        return False
    return False


def analyse(pattern: str, flags: int = 0) -> tuple[Literals | None, Literals | None]:
    """(contains, leading) of a pattern, lower-cased (but `Cased` leading strings); either may be None.
    The caller `register`s those it will ask a whole text about (`holds_any`, `places`).

    Reading a pattern with the parser costs ~1 ms, some 0.2 s for all the rules at every start of
    a process: the result is kept in the file of compiled patterns (`regexcache.remember`), under
    a name that changes with this module's source, and read from there by the next process."""
    kind = _analysis_kind()
    kept = remembered(kind, pattern, flags)
    if kept is not None:
        try:
            contains, leading = _decode(kept[0]), _decode(kept[1])
        except (TypeError, ValueError, IndexError):
            pass
        else:
            return contains, leading
    contains, leading = _analyse(pattern, flags)
    remember(kind, pattern, flags, (_encode(contains), _encode(leading)))
    return contains, leading


_KIND: str | None = None


def _analysis_kind() -> str:
    """The name analyses are kept under: "literals-" and a digest of this module's source, so
    that a change of how patterns are read never meets a result read the old way."""
    global _KIND
    if _KIND is None:
        try:
            source = Path(__file__).read_bytes()
        except OSError:
            source = b""
        _KIND = "literals-" + hashlib.sha256(source).hexdigest()[:16]
    return _KIND


def _encode(strings: Literals | None) -> tuple[bool, tuple[tuple[str, bool], ...]] | None:
    """Literals as plain values marshal can write: (bounded, ((string, cased), ...))."""
    if strings is None:
        return None
    return isinstance(strings, Bounded), tuple((str(s), isinstance(s, Cased)) for s in strings)


def _decode(kept: Any) -> Literals | None:
    if kept is None:
        return None
    bounded, items = kept
    strings = tuple(Cased(s) if cased else str(s) for s, cased in items)
    return Bounded(strings) if bounded else strings


def _analyse(pattern: str, flags: int) -> tuple[Literals | None, Literals | None]:
    if any(ch in pattern for ch in _FOLDS_TO_ASCII):
        return None, None  # its letters fold unlike str.lower(): no shortcut
    tree = _parse(pattern, flags)
    if tree is None:
        return None, None
    contains = _contains(tree)
    cased = not tree.state.flags & _c.SRE_FLAG_IGNORECASE  # with an inline "(?i)"
    # extended runs are fewer places, but more strings: past `_MAX_STRINGS` of them, the plain runs
    leading = _leading(_items(tree), cased) or _leading(_items(tree), cased, extend=False)
    if leading is not None and any(not s for s in leading):
        leading = None
    if leading is not None and all(is_word_char(s[0]) for s in leading) and _opens_with_boundary(_items(tree)):
        leading = Bounded(leading)
    if contains is not None and any(not s for s in contains):
        contains = None
    return contains, leading


def char_offsets(text: str, chars: str) -> list[int]:
    """Sorted offsets of every one of the characters in the text, found with str.find (a memchr):
    cheaper than a regex scan of every character where they are a few dozen a text."""
    found: list[int] = []
    find = text.find
    for ch in chars:
        at = find(ch)
        while at >= 0:
            found.append(at)
            at = find(ch, at + 1)
    if len(chars) > 1:
        found.sort()
    return found


def lowered(text: str) -> str | None:
    """The text lower-cased with every offset kept, or None when that cannot be had."""
    low = text.lower()
    if len(low) != len(text) or any(ch in text for ch in _FOLDS_TO_ASCII):
        return None
    return low


# --- every string of every rule, found in one pass -------------------------------
#
# The rules of all families test a few hundred strings against each abstract, some 130
# substring scans of the whole text (each about 0.7 us for 1,500 characters). An
# Aho-Corasick automaton of all of them finds every occurrence of every one in a single
# pass, and the tests become dictionary look-ups. Strings shorter than `_MIN_INDEXED`
# ("n", "of") occur too often to be worth listing; they, and `Cased` strings, are still
# looked for with str.find. `analyse` registers what it reads off each pattern.

_MIN_INDEXED = 3
# Strings that most abstracts hold (each in over half of the corpus's; together half of
# the index's matches, some 60 an abstract): the index would only ever answer "yes" for
# them, and listing every occurrence costs about 1 us each, more than str.find does
# where they are asked about.
_TOO_COMMON = frozenset({"the", "and", "ere", "for", "men", "with", "per", "pre", "was", "were", "age",
                         "met", "out", "this", "from", "study"})
_registered: set[str] = set()
_automaton: tuple[Any, frozenset[str]] | None = None  # (automaton, the strings in it)


def register(strings: Literals | None) -> None:
    """Strings that texts will be asked about: indexed by `LowText` from now on."""
    global _automaton
    for s in strings or ():
        if type(s) is not Cased and len(s) >= _MIN_INDEXED and s not in _TOO_COMMON and s not in _registered:
            _registered.add(s)
            _automaton = None


def _current_automaton() -> tuple[Any, frozenset[str]]:
    global _automaton
    if _automaton is None:
        machine = ahocorasick.Automaton()
        for s in _registered:
            machine.add_word(s, (s, len(s) - 1))
        if _registered:
            machine.make_automaton()
        _automaton = (machine, frozenset(_registered))
    return _automaton


class LowText(str):
    """A whole text lower-cased (see `lowered`), with the offsets of every registered
    string in it, found in one pass when first asked for."""

    def __init__(self, _text: str) -> None:
        self._at: dict[str, list[int]] | None = None
        self._indexed: frozenset[str] = frozenset()

    def occurrences(self) -> tuple[dict[str, list[int]], frozenset[str]]:
        """(offsets of each registered string found, every string that was looked for)."""
        if self._at is None:
            machine, indexed = _current_automaton()
            at: dict[str, list[int]] = {}
            if indexed:
                for end, (s, back) in machine.iter(str(self)):
                    got = at.get(s)
                    if got is None:
                        at[s] = [end - back]
                    else:
                        got.append(end - back)
            self._at, self._indexed = at, indexed
        return self._at, self._indexed


def whole_words(low: LowText, words: Sequence[str]) -> list[int] | None:
    """Sorted offsets where one of the words stands as a whole word (what `\\b(?:w1|w2...)\\b`
    finds in `low`), read off the index; None when some word is not in it."""
    at_of, indexed = low.occurrences()
    out: list[int] = []
    n = len(low)
    for w in words:
        if w not in indexed:
            return None
        for at in at_of.get(w, ()):
            end = at + len(w)
            if (not at or not is_word_char(low[at - 1])) and (end == n or not is_word_char(low[end])):
                out.append(at)
    out.sort()
    return out


def holds_any(low: str, strings: Literals) -> bool:
    if type(low) is LowText:
        at, indexed = low.occurrences()
        for s in strings:
            if s in at or (s not in indexed and s in low):
                return True
        return False
    for s in strings:  # a loop, not any(<generator>): this runs tens of times an abstract
        if s in low:
            return True
    return False


def places(
    low: str, strings: Literals, limit: int = MAX_TRIES, text: str | None = None, word_start: bool = False
) -> list[int] | None:
    """Sorted offsets where any of the strings occurs; None past `limit` of them. With
    `text` (what `low` was lowered from), a `Cased` string is looked for there, as
    written; with `word_start` too, only offsets where a word starts count ("cent" in
    "percent" is neither tried nor counted)."""
    found: list[int] = []
    at_of, indexed = low.occurrences() if type(low) is LowText else ({}, frozenset())
    for s in strings:
        if s in indexed:
            for at in at_of.get(s, ()):
                if not (word_start and text is not None and at and is_word_char(text[at - 1])):
                    found.append(at)
                    if len(found) > limit:
                        return None
            continue
        within = low
        if type(s) is Cased:
            if text is not None:
                within = text
            else:
                s = s.lower()
        at = within.find(s)
        while at >= 0:
            if not (word_start and text is not None and at and is_word_char(text[at - 1])):
                found.append(at)
                if len(found) > limit:
                    return None
            at = within.find(s, at + 1)
    found.sort()
    return found


def scan(
    pattern: regex.Pattern[str],
    text: str,
    low: str | None,
    contains: Literals | None,
    leading: Literals | None,
    timeout: float | None,
) -> Iterator[regex.Match[str]]:
    """Exactly the matches of `pattern.finditer(text)`, found with less work where the
    literals allow: none when the text lacks every required string, and only tries at
    the places where a match can begin when there are few of them. `timeout` bounds each
    regex call (None: no bound, which costs less per call: see rules.regex_timeout)."""
    if low is not None:
        if contains is not None and not holds_any(low, contains):
            return
        # Bounded: a match begins at a word boundary, so places inside a word are left out
        starts = places(low, leading, MAX_TRIES, text, isinstance(leading, Bounded)) if leading is not None else None
        if starts is not None:
            end = 0
            match = pattern.match
            for at in starts:
                if at < end:
                    continue  # inside the previous match, which finditer would not revisit
                # by position: see rules._run_bundle
                m = match(text, at) if timeout is None else match(text, at, None, None, False, timeout)
                if m is not None:
                    yield m
                    end = max(m.end(), at + 1)
            return
    yield from pattern.finditer(text) if timeout is None else pattern.finditer(text, timeout=timeout)


# --- what may follow a rule's leading count -----------------------------------------

# The characters a sequence of items can begin with: (literal characters, whether white
# space may come first); None when that cannot be told or the sequence may match nothing.
Follow = tuple[frozenset[str], bool]
# ... and whether the items may match nothing (then what follows them may come first)
_Start = tuple[frozenset[str], bool, bool]


def _first_of(items: list[tuple[Any, Any]], cased: bool) -> _Start | None:
    """What a sequence of items can begin with: each item's first characters, up to the
    first that cannot match nothing. A letter read where the pattern ignores case is None
    (its other cases would be needed too: not worth the bother); one in a case-sensitive
    part ("(?-i:[MF])") is exact."""
    chars: frozenset[str] = frozenset()
    space = False
    for op, av in items:
        one = _first_one(op, av, cased)
        if one is None:
            return None
        chars, space = chars | one[0], space or one[1]
        if not one[2]:
            return chars, space, False
    return chars, space, True


def _first_one(op: Any, av: Any, cased: bool) -> _Start | None:
    if op is _c.ASSERT and av[0] == 1:
        # a look-ahead ("(?=\)\s+[a-z])") that cannot match nothing: the next character is
        # one it can begin with, whatever comes after it in the pattern
        ahead = _first_of(_items(av[1]), cased)
        if ahead is not None and not ahead[2]:
            return ahead[0], ahead[1], False
        return frozenset(), False, True
    if op in _ZERO_WIDTH:
        return frozenset(), False, True
    if op is _c.LITERAL:
        ch = chr(av)
        return (frozenset({ch}), False, False) if cased or ch.lower() == ch.upper() else None
    if op is _c.IN:
        chars: set[str] = set()
        space = False
        for iop, iav in av:
            if iop is _c.LITERAL and (cased or chr(iav).lower() == chr(iav).upper()):
                chars.add(chr(iav))
            elif iop is _c.CATEGORY and iav is _c.CATEGORY_SPACE:
                space = True
            else:
                return None  # a range, a negation, another category, a letter of any case: cannot tell
        return frozenset(chars), space, False
    if op is _c.SUBPATTERN:
        return _first_of(_items(_group_body(av)), _case_after(av, cased))
    if op is _c.BRANCH:
        parts = [_first_of(_items(b), cased) for b in av[1]]
        if any(p is None for p in parts):
            return None
        return (frozenset().union(*(p[0] for p in parts if p)), any(p[1] for p in parts if p),
                any(p[2] for p in parts if p))
    if op in _REPEATS:
        body = _first_of(_items(av[2]), cased)
        if body is None:
            return None
        return body[0], body[1], body[2] or av[0] == 0
    return None


def after_count(pattern: str, flags: int = 0) -> Follow | None:
    """What the character right after a rule's leading count group can be: for a pattern
    that opens with (look-behinds and) one group holding the count, the first characters
    of what follows the group. None when that cannot be told. Kept beside the compiled
    patterns as `analyse`'s results are (the parser's reading costs ~1 ms a pattern)."""
    kind = "after-count-" + _analysis_kind()
    kept = remembered(kind, pattern, flags)
    if kept is not None:
        if kept == ():
            return None
        try:
            chars, space = kept
            return frozenset(chars), bool(space)
        except (TypeError, ValueError):
            pass
    follow = _after_count(pattern, flags)
    remember(kind, pattern, flags, () if follow is None else ("".join(sorted(follow[0])), follow[1]))
    return follow


def _after_count(pattern: str, flags: int) -> Follow | None:
    tree = _parse(pattern, flags)
    if tree is None:
        return None
    items = _items(tree)
    i = 0
    while i < len(items) and items[i][0] in _ZERO_WIDTH:
        i += 1
    if i >= len(items) or items[i][0] is not _c.SUBPATTERN:
        return None
    follow = _first_of(items[i + 1 :], not tree.state.flags & _c.SRE_FLAG_IGNORECASE)
    if follow is None or follow[2]:
        return None  # cannot tell, or the match may end with the count: anything may follow
    return follow[0], follow[1]
