"""One matcher over every rule table: a sentence is read once, and typed hits come out.

The tables (``actions``, ``modality``, ``speakers``, ``directions``, ``not_places``) are compiled
into one regular expression: each row's phrase as whole words (``match: word``) or with its last
word as a stem (``match: prefix``), the words joined by any run of whitespace, apostrophes in any
of their spellings, case-insensitive as one attribute. The alternatives stand longest first, so at
one position the longest phrase wins ("took part" before "took"). The expression holds no nested
quantifier: it cannot backtrack catastrophically, whatever the text.

Which row a match comes from is looked up by the matched words (no group per row).

>>> hits = read("Russian forces captured Tykhe.")
>>> [(h.table, h.cls, h.text, h.get("action")) for h in hits]
[('speakers', 'actor', 'Russian forces', None), ('actions', 'action', 'captured', 'captured')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.model import Action
from geo.rules import Rule, load_table, normalise_phrase

__all__ = ["Hit", "MODALITIES", "TABLES", "full_match", "is_not_place", "read", "rows"]

MODALITIES = ("done", "attempted", "near", "denied")
_ACTIONS = frozenset(a.value for a in Action)
_CLAIMANTS = frozenset({"RU-MoD", "RU-official", "RU-milblogger", "UA-GeneralStaff", "UA-official", "DeepState",
                        "ISW", "media", "author"})

#: table name → (classes, fields): what each table's rows may say
TABLES: dict[str, tuple[frozenset[str], dict[str, frozenset[str] | None]]] = {
    "actions": (frozenset({"action", "not-action"}),
                {"action": _ACTIONS, "detail": None, "modality": frozenset(MODALITIES),
                 "scope": frozenset({"list"})}),
    "modality": (frozenset({"attempted", "near", "denied"}), {}),
    "speakers": (frozenset({"claimant", "actor"}),
                 {"claimant": _CLAIMANTS, "side": frozenset({"RU", "UA", "enemy"}),
                  "speech": frozenset({"needed"})}),
    "directions": (frozenset({"direction"}), {}),
    "not_places": (frozenset({"group-of-forces", "weapon", "nickname"}), {}),
}


@dataclass(frozen=True)
class Hit:
    """A phrase of a rule table found in a text: its table, class, span, the words and the row."""

    table: str
    cls: str
    start: int
    end: int
    text: str
    rule: Rule

    def get(self, name: str, default: str | None = None) -> str | None:
        """A further field of the row (``action``, ``claimant``…)."""
        return self.rule.get(name, default)


def rows(table: str) -> tuple[Rule, ...]:
    """The checked rows of one table (see :data:`TABLES`)."""
    classes, fields = TABLES[table]
    return load_table(table, classes=classes, fields=fields)


_AP = "'\u2019\u02bc`"


def _word_pattern(word: str) -> str:
    return "".join(f"[{_AP}]" if ch in _AP else re.escape(ch) for ch in word)


def _row_pattern(rule: Rule) -> str:
    words = rule.key.split(" ")
    body = r"\s+".join(_word_pattern(w) for w in words)
    tail = r"\w*" if rule.match == "prefix" else ""
    return rf"{body}{tail}(?!\w)"


class _Compiled:
    """The tables as one expression and the look-up from matched words to rows."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Rule]] = {}
        self.stems: dict[str, list[Rule]] = {}  # the phrase without its last word's end → prefix rows
        every: list[Rule] = [r for name in TABLES for r in rows(name)]
        for r in every:
            (self.stems if r.match == "prefix" else self.exact).setdefault(r.key, []).append(r)
        # one alternative per distinct (phrase, match), longest first
        seen: dict[tuple[str, str], Rule] = {}
        for r in every:
            seen.setdefault((r.key, r.match), r)
        alts = sorted(seen.values(), key=lambda r: (-len(r.key), r.key))
        # one word-start test per position, then the alternatives
        self.pattern = re.compile(r"(?<!\w)(?:" + "|".join(_row_pattern(r) for r in alts) + ")", re.IGNORECASE)

    def rules_for(self, matched: str) -> list[Rule]:
        key = normalise_phrase(matched)
        found = self.exact.get(key)
        if found:
            return found
        for n in range(len(key), 0, -1):  # the longest stem the words start with
            found = self.stems.get(key[:n])
            if found:
                return found
        return []


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return _Compiled()


@lru_cache(maxsize=256)
def read(text: str) -> tuple[Hit, ...]:
    """Every table phrase in ``text``, left to right, the longest at each position, none overlapping.

    A phrase that belongs to several tables (a not-place that is also a speaker) gives one hit per row.
    """
    comp = _compiled()
    hits: list[Hit] = []
    for m in comp.pattern.finditer(text):
        kinds: set[tuple[str, str]] = set()
        for r in comp.rules_for(m.group()):
            if (r.table, r.cls) not in kinds:  # one hit per kind: a phrase shared by languages counts once
                kinds.add((r.table, r.cls))
                hits.append(Hit(r.table, r.cls, m.start(), m.end(), m.group(), r))
    return tuple(hits)


@lru_cache(maxsize=1)
def _not_place_keys() -> tuple[frozenset[str], tuple[str, ...]]:
    table = rows("not_places")
    return (frozenset(r.key for r in table if r.match == "word"),
            tuple(sorted((r.key for r in table if r.match == "prefix"), key=len, reverse=True)))


def is_not_place(name: str) -> bool:
    """Whether a name is, as a whole, a row of ``not_places`` (a group of forces, a weapon, a unit's nickname).

    >>> is_not_place("Vostok"), is_not_place("«Центр»"), is_not_place("Искандером"), is_not_place("Pokrovsk")
    (True, True, True, False)
    """
    key = normalise_phrase(name.strip(" «»\"„“”'’"))
    exact, stems = _not_place_keys()
    if key in exact:
        return True
    return any(key.startswith(stem) and (key[len(stem):].isalpha() or key == stem) for stem in stems)


def full_match(text: str, table: str) -> Hit | None:
    """The row of ``table`` that ``text`` is as a whole ("Vostok", "«Центр»" without its quotes), or None."""
    stripped = text.strip(" «»\"„“”'’")
    for h in read(stripped):
        if h.table == table and h.start == 0 and h.end == len(stripped):
            return h
    return None
