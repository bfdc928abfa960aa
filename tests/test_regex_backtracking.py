"""No regular expression that can meet report text backtracks catastrophically.

Every compiled pattern held at module level in ``geo`` and ``gazetteer`` (and in the tuples,
lists, dicts and dataclass instances held there: the rule tables, a language's grammar) is found by introspection — submodules through
``pkgutil.walk_packages``, so that a module added later is covered without a word here — and fed
adversarial strings of growing length: runs of spaces and mixed whitespace, runs of ".", "!", "?"
and commas, capitalised hyphenated names, digits, Cyrillic words, name lists, a name, a long gap,
a name. Each is matched and full-matched at the start ("anchored") and searched (``finditer``:
from every position) at a small and a large size (8x); the time must grow near-linearly (a
quadratic pattern grows 64x, an exponential one never finishes: an alarm stops it).

A pattern that only ever meets report text anchored (``match``/``fullmatch`` at a position) or
within a short slice (a mention, the 60 characters before a name) may backtrack from each start
position of a long string without harm: :data:`NOT_SEARCHED` names those, each with where it is
used, and they are checked anchored only.
"""

from __future__ import annotations

import dataclasses
import importlib
import math
import pkgutil
import re
import signal
import time
from collections.abc import Callable, Iterator

import pytest

import gazetteer
import geo

#: sizes compared (characters), and the growth allowed between them (linear is 8x)
SMALL, LARGE = 1024, 8192
MAX_RATIO = 24.0
#: below this many seconds at the large size a pattern is fast whatever its growth (timer noise)
FLOOR_S = 0.004
#: a single run longer than this is stopped: super-linear beyond doubt
BUDGET_S = 3.0


def _held(value: object, depth: int = 0) -> Iterator[tuple[str, re.Pattern[str]]]:
    """The patterns ``value`` is or holds (in tuples, lists, sets, dict values and the fields of a dataclass
    instance, 3 levels deep)."""
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield "", value
    elif depth < 3 and dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            for path, p in _held(getattr(value, f.name), depth + 1):
                yield f".{f.name}{path}", p
    elif depth < 3 and isinstance(value, (tuple, list, set, frozenset)):
        for k, v in enumerate(value):
            for path, p in _held(v, depth + 1):
                yield f"[{k}]{path}", p
    elif depth < 3 and isinstance(value, dict):
        for i, (k, v) in enumerate(list(value.items())[:2000]):
            for path, p in _held(v, depth + 1):
                yield (f"[{k!r}]" if isinstance(k, str) else f"[#{i}]") + path, p


def module_patterns() -> dict[str, re.Pattern[str]]:
    """Every distinct pattern of the ``geo`` and ``gazetteer`` modules, by ``module.NAME[index]``."""
    found: dict[str, re.Pattern[str]] = {}
    seen: set[tuple[str, int]] = set()
    for pkg in (geo, gazetteer):
        names = [pkg.__name__] + sorted(i.name for i in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."))
        for name in names:
            module = importlib.import_module(name)
            for attr, value in sorted(vars(module).items()):
                for path, p in _held(value):
                    key = (p.pattern, p.flags)
                    if key not in seen:
                        seen.add(key)
                        found[f"{name}.{attr}{path}"] = p
    return found


_NAMES = ("Pokrovsk", "Myrnohrad", "Novyi Donbas", "Kurakhove", "Chasiv Yar")


def _repeat(piece: str) -> Callable[[int], str]:
    return lambda n: (piece * (n // len(piece) + 1))[:n]


#: adversarial strings of about n characters
FAMILIES: dict[str, Callable[[int], str]] = {
    "spaces": _repeat(" "),
    "whitespace": _repeat(" \t \u00a0 \r\n "),
    "newlines": _repeat("\n"),
    "dots": _repeat("."),
    "punct": _repeat(".!?…"),
    "commas": _repeat(", "),
    "dashes": _repeat("- "),
    "quotes": _repeat("\"'”»)"),
    "hyphenated": _repeat("Pokrovsk-Myrnohrad-"),
    "capitals": _repeat("Pokrovsk "),
    "initials": _repeat("A. "),
    "upper": _repeat("ZSU"),
    "letters": _repeat("a"),
    "digits": _repeat("1"),
    "numbers": _repeat("48.28, 37.18 "),
    "degrees": _repeat("47°54′20″ "),
    "cyrillic": _repeat("Покровск "),
    "cyrillic-lower": _repeat("покровськ"),
    "list": _repeat(", ".join(_NAMES) + ", and "),
    "words": _repeat("the settlement of "),
    "gap": lambda n: "Pokrovsk" + " " * max(0, n - 17) + "Myrnohrad",
    "gap-punct": lambda n: "Pokrovsk" + "." * max(0, n - 17) + "Myrnohrad",
    "mixed": _repeat("near Pokrovsk (48.28, 37.18); Покровськ — 'A-B' ?! "),
}


class _Stopped(BaseException):
    pass


def _run(p: re.Pattern[str], s: str, mode: str) -> float:
    """CPU seconds to search ``s`` (``mode`` "search") or to match and full-match it ("anchored"),
    the best of two, or inf when stopped."""
    def alarm(signum, frame):
        raise _Stopped()

    old = signal.signal(signal.SIGALRM, alarm)
    best = math.inf
    try:
        for _ in range(2):
            signal.setitimer(signal.ITIMER_REAL, BUDGET_S)
            t0 = time.process_time()
            try:
                if mode == "search":
                    for _m in p.finditer(s):
                        pass
                else:
                    p.match(s)
                    p.fullmatch(s)
            except _Stopped:
                return math.inf
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            best = min(best, time.process_time() - t0)
            if best < FLOOR_S / 4:
                break
    finally:
        signal.signal(signal.SIGALRM, old)
    return best


def slow_families(p: re.Pattern[str], modes: tuple[str, ...] = ("anchored", "search")) -> list[str]:
    """The families (and modes) on which ``p`` grows faster than near-linearly, with their figures."""
    bad = []
    for mode in modes:
        for family, make in FAMILIES.items():
            large = _run(p, make(LARGE), mode)
            if large < FLOOR_S:
                continue
            small = _run(p, make(SMALL), mode)
            if math.isinf(large) or large / max(small, 1e-6) > MAX_RATIO:
                bad.append(f"{mode} {family}: {small * 1e3:.1f} ms at {SMALL} chars, "
                           + ("stopped" if math.isinf(large) else f"{large * 1e3:.1f} ms") + f" at {LARGE}")
    return bad


#: Patterns never searched through long text, with where they are used: checked anchored only.
NOT_SEARCHED = {
    "geo.channels._HOST": "fullmatch of a channel table key or a source's host",
    "geo.coordinates._IN_LIST_AFTER": "match at the end of a coordinate",
    "geo.discourse._PRONOUN_OPENS": "match at the start of a sentence",
    "geo.discourse._OPENER_COMMA": "match right after a list opener (discourse: the opener's own comma)",
    "geo.mentions._ANY_AFTER": "match within 40 characters after a name",
    "geo.mentions._CALLED_CUE": "searched in the 60 characters before a name (_cue_window)",
    "geo.mentions._CUES['strong']": "searched in the 60 characters before a name (_cue_window)",
    "geo.mentions._CUES['weak']": "searched in the 60 characters before a name (_cue_window)",
    "geo.mentions._CUES['settlement']": "searched in the 60 characters before a name (_cue_window)",
    "geo.mentions._CAP_AFTER_DASH": "match on the 6 characters after a name",
    "geo.mentions._CITY_AFTER": "match at the end of a name",
    "geo.mentions._WORD_BEFORE_DASH": "searched in the 40 characters before a name",
    # one grammar a language (English, Russian, Ukrainian): each searched in the 120 characters before a mention
    "geo.relative._GRAMMARS[0].dist_dir": "searched in the 120 characters before a mention",
    "geo.relative._GRAMMARS[1].dist_dir": "searched in the 120 characters before a mention",
    "geo.relative._GRAMMARS[2].dist_dir": "searched in the 120 characters before a mention",
    "geo.reports._P_FIRST_LINE": "match at the start of a chunk",
    "geo.resolve._INFIX_NAME": "fullmatch on a mention's text",
    "geo.resolve._KIND_WORD": "sub on a mention's text",
    "geo.resolve._OWN_BEARING_GAP": "fullmatch on the gap between a mention and a bearing phrase",
    "geo.resolve._LOCATOR_GAP": "fullmatch on the gap between two mentions",
    "geo.resolve._PAIR_GAP": "fullmatch on the gap between two mentions",
    "geo.resolve._REGION_PAIR": "searched in the 40 characters before a region name",
    "geo.claims._PASSIVE_GAP": "fullmatch on the gap between a mention and the cue after it (role._direct)",
    "geo.claims._REGION_LIST_AFTER": "match at the end of a mention (role._kind_of)",
    "geo.claims._REGION_NOUN_AFTER": "match at the end of a mention (role._kind_of)",
    "geo.claims._RUN_NEXT": "match at the end of a mention (role._bearing_run)",
    "geo.claims._HEADING_BREAK": "match at the end of a clause (clauses._heading_next)",
    "geo.claims._AND_OTHER": "fullmatch on the gap between two speakers (claimant._pick_attribution)",
    "geo.discourse._DATELINE_DAY": "match at a sentence's start (discourse._dateline_day)",
    "geo.dates._BEFORE_DAY": "match at the end of a joint of a list (dates._list_items)",
    "geo.dates._RELATIVE_CLAUSE": "match at the end of the place a relative clause follows (dates.mention_date)",
    "geo.claims._RELATIVE_AFTER": "match on the text right after a mention (action, analyse)",
    "geo.dates._PREPOSITION": "searched in the 5 characters before a day (dates._list_items)",
    "geo.discourse._VERBLESS_DASH": "match at a sentence's start (discourse: a verbless dash goes on with the sentence before)",
    "geo.claims._OWN_CHANNEL_GAP": "fullmatch on the gap between a speaker and a channel row (claimant._attributions)",
    "geo.claims._OWN_CHANNEL_GAP_EN": "fullmatch on the gap between a speaker and an English channel row (claimant._attributions)",
    "geo.claims._TARGET_OBJECT": "fullmatch between a cue and a stationed row (role._reference_row_before)",
    "geo.claims._REFERENCE_TAILS['route']": "fullmatch between a reference row and the place (role._reference_row_before)",
    "geo.claims._REFERENCE_TAILS['stationed']": "fullmatch between a reference row and the place (role._reference_row_before)",
    "geo.claims._REFERENCE_TAILS['launched']": "fullmatch between a reference row and the place (role._reference_row_before)",
    "geo.claims._REFERENCE_TAILS['defence-line']": "fullmatch between a reference row and the place (role._reference_row_before)",
    "gazetteer.names._ALTERNATIVES": "split of a mention or name",
    "gazetteer.names._PARENS": "searched in a mention or name",
}

PATTERNS = module_patterns()


def test_patterns_are_found_by_introspection() -> None:
    names = set(PATTERNS)
    # one from each kind of place a pattern is held: a module constant, a rule table
    assert "geo.text._BREAK" in names and "geo.resolve._PAIR_GAP" in names
    assert any(n.startswith("geo.claims.") and "[" in n for n in names)
    assert len(PATTERNS) > 150  # fewer as cues became rule-table rows (196 after the claimant and action tables)


def test_the_check_catches_a_quadratic_pattern() -> None:
    """The measure itself: a pattern known to be quadratic on spaces is caught, a linear one passes."""
    assert slow_families(re.compile(r"\s*(?:,\s*x|\s*y)")) != []
    assert slow_families(re.compile(r"[ \t]+x")) != []
    assert slow_families(re.compile(r"\bPokrovsk\b")) == []


def test_exemptions_name_real_patterns() -> None:
    """An exemption for a pattern that no longer exists (renamed, moved) is stale: drop it."""
    assert set(NOT_SEARCHED) - set(PATTERNS) == set()


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_no_catastrophic_backtracking(name: str) -> None:
    modes = ("anchored",) if name in NOT_SEARCHED else ("anchored", "search")
    bad = slow_families(PATTERNS[name], modes)
    assert not bad, f"{name} = {PATTERNS[name].pattern!r} grows super-linearly: " + "; ".join(bad)
