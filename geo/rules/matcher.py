"""One matcher over every rule table: a sentence is read once, and typed hits come out.

The tables (``actions``, ``modality``, ``speakers``, ``speech``, ``voice``, ``venues``, ``directions``, ``intentions``, ``not_places``) are compiled
into one regular expression: each row's phrase as whole words (``match: word``) or with its last
word as a stem (``match: prefix``), the words joined by any run of whitespace, apostrophes in any
of their spellings, case-insensitive as one attribute. The phrases form a trie (shared beginnings
written once), whose ends come last, so at one position the longest phrase wins ("took part" before
"took"). A stem's rest is possessive and no quantifier is nested: it cannot backtrack
catastrophically, whatever the text.

Which row a match comes from is looked up by the matched words (no group per row).

>>> hits = read("Российские войска освободили Тихое.")
>>> [(h.table, h.cls, h.text, h.get("action")) for h in hits]
[('speakers', 'actor', 'Российские войска', None), ('actions', 'action', 'освободили', 'captured')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geo.model import Action
from geo.rules import APOSTROPHES as _AP, GAP, GAP_PATTERN, QUOTE_CLASS, Rule, load_table, normalise_phrase, phrase_pattern

__all__ = ["Hit", "MODALITIES", "TABLES", "full_match", "is_not_place", "read", "read_kinds", "rows"]

MODALITIES = ("done", "attempted", "near", "denied")
_ACTIONS = frozenset(a.value for a in Action)
_CLAIMANTS = frozenset({"RU-MoD", "RU-official", "RU-milblogger", "UA-GeneralStaff", "UA-official", "DeepState",
                        "ISW", "media", "author"})

#: table name → (classes, fields): what each table's rows may say
TABLES: dict[str, tuple[frozenset[str], dict[str, frozenset[str] | None]]] = {
    "actions": (frozenset({"action", "not-action", "means", "toward"}),
                {"action": _ACTIONS, "detail": None, "modality": frozenset(MODALITIES),
                 "scope": frozenset({"list"})}),
    "modality": (frozenset({"attempted", "near", "denied", "hedge", "failure", "negation",
                                    "evidence-none", "evidence-not", "evidence-seen", "evidence"}), {}),
    "speakers": (frozenset({"claimant", "speaker", "actor", "not-speaker"}),
                 {"claimant": _CLAIMANTS, "side": frozenset({"RU", "UA", "enemy", "own"}),
                  "speech": frozenset({"needed", "follows"})}),
    "speech": (frozenset({"speech", "stance", "attribution", "filler", "caption"}), {}),
    "voice": (frozenset({"setback", "setback-phrase"}), {}),
    "venues": (frozenset({"venue"}), {"where": frozenset({"before", "after", "both"})}),
    "directions": (frozenset({"direction"}), {}),
    "intentions": (frozenset({"intention", "goal", "goal-verb"}), {"reach": frozenset({"from-first-word"})}),
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




_END_WORD, _END_STEM = "\x00w", "\x00p"  # trie leaves: the phrase ends at a word's end / inside a word
_STEM, _GAP = "\x00s", "\x00g"  # inside a phrase: the rest of a stem's word; up to GAP_WORDS words of any kind
_SPECIAL = {_STEM: r"\w*+", _GAP: GAP_PATTERN}


def _trie_pattern(node: dict) -> str:
    """The expression of a trie of normalised phrases: shared beginnings written once, so each
    position of a text tries the letters that may follow, not every row. The ends come last: the
    longest phrase wins, and a shorter one is tried only when the longer fails."""
    branches = []
    # the letters first, then a stem's rest and a gap (a word spelled out wins), then the ends
    for key in sorted((k for k in node if k not in (_END_WORD, _END_STEM)), key=lambda k: (k in _SPECIAL, k)):
        if key in _SPECIAL:
            head = _SPECIAL[key]
        elif key == " ":
            head = r"\s+"
        elif key in _AP:
            head = f"[{_AP}]"
        elif key == '"':
            head = QUOTE_CLASS
        else:
            head = re.escape(key)
        branches.append(head + _trie_pattern(node[key]))
    if _END_STEM in node:
        branches.append(r"\w*+")  # a stem: the rest of its word (possessive: never given back)
    if _END_WORD in node:
        branches.append(r"(?!\w)")
    if len(branches) == 1:
        return branches[0]  # a sequence: no group needed
    return "(?:" + "|".join(branches) + ")"


def _tokens(rule: Rule) -> list[str]:
    """The trie path of a row: its letters, one space between words, a stem's rest, a gap (which takes
    the whitespace after it), and the leaf."""
    words = rule.key.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if word == GAP:
            out.append(_GAP)
            continue
        out.extend("'" if ch in _AP else ch for ch in word.rstrip("*"))
        if i < len(words) - 1:
            out.extend((_STEM, " ") if word.endswith("*") else (" ",))
    out.append(_END_STEM if rule.match == "prefix" or words[-1].endswith("*") else _END_WORD)
    return out


def _add(trie: dict, rule: Rule) -> None:
    node = trie
    for token in _tokens(rule):
        node = node.setdefault(token, {})


class _Compiled:
    """The tables as one expression and the look-up from matched words to rows."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Rule]] = {}
        self.stems: dict[str, list[Rule]] = {}  # the phrase without its last word's end → prefix rows
        # rows with a stem inside or a gap, by the first two letters of their first word: (expression, row)
        self.patterned: dict[str, list[tuple[re.Pattern[str], Rule]]] = {}
        every: list[Rule] = [r for name in TABLES for r in rows(name)]
        for r in every:
            if r.patterned:
                pattern = re.compile(phrase_pattern(r.key, r.match == "prefix"), re.IGNORECASE)
                self.patterned.setdefault(r.key[:2], []).append((pattern, r))
            else:
                (self.stems if r.match == "prefix" else self.exact).setdefault(r.key, []).append(r)
        trie: dict = {}
        for r in every:
            _add(trie, r)
        # one word-start test per position, then the trie
        self.pattern = re.compile(r"(?<!\w)" + _trie_pattern(trie), re.IGNORECASE)

    def rules_for(self, matched: str) -> list[Rule]:
        key = normalise_phrase(matched)
        found = self.exact.get(key)
        if found:
            return found
        found = [r for pattern, r in self.patterned.get(key[:2], ()) if pattern.fullmatch(key)]
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
            if r.unless_next and _next_word(text, m.end()) in r.unless_next:
                continue  # "attack helicopters": a kind of weapon, not an attack
            if (r.table, r.cls) not in kinds:  # one hit per kind: a phrase shared by languages counts once
                kinds.add((r.table, r.cls))
                hits.append(Hit(r.table, r.cls, m.start(), m.end(), m.group(), r))
    return tuple(hits)


def _next_word(text: str, end: int) -> str:
    """The word after the whitespace at offset ``end`` (normalised), or '' (a scan, no expression)."""
    i, n = end, len(text)
    while i < n and text[i].isspace():
        i += 1
    j = i
    while j < n and (text[j].isalnum() or text[j] in _AP or text[j] in "_-"):
        j += 1
    return normalise_phrase(text[i:j]) if i > end else ""


@lru_cache(maxsize=256)
def read_kinds(text: str) -> dict[tuple[str, str], tuple[Hit, ...]]:
    """:func:`read`'s hits grouped by (table, class), for readers that want one kind.

    >>> [h.text for h in read_kinds("Russian forces captured Tykhe.")[("speakers", "actor")]]
    ['Russian forces']
    """
    out: dict[tuple[str, str], list[Hit]] = {}
    for h in read(text):
        out.setdefault((h.table, h.cls), []).append(h)
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _not_place_keys() -> tuple[frozenset[str], frozenset[str], int]:
    table = rows("not_places")
    stems = frozenset(r.key for r in table if r.match == "prefix")
    return frozenset(r.key for r in table if r.match == "word"), stems, min(map(len, stems), default=1)


@lru_cache(maxsize=4096)
def is_not_place(name: str) -> bool:
    """Whether a name is, as a whole, a row of ``not_places`` (a group of forces, a weapon, a unit's nickname).

    >>> is_not_place("Vostok"), is_not_place("«Центр»"), is_not_place("Искандером"), is_not_place("Pokrovsk")
    (True, True, True, False)
    """
    key = normalise_phrase(name.strip(" «»\"„“”'’"))
    exact, stems, shortest = _not_place_keys()
    if key in exact:
        return True
    return any(key[:n] in stems and (n == len(key) or key[n:].isalpha()) for n in range(len(key), shortest - 1, -1)) if stems else False


def full_match(text: str, table: str) -> Hit | None:
    """The row of ``table`` that ``text`` is as a whole ("Vostok", "«Центр»" without its quotes), or None."""
    stripped = text.strip(" «»\"„“”'’")
    for h in read(stripped):
        if h.table == table and h.start == 0 and h.end == len(stripped):
            return h
    return None
