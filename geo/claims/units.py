"""Military units ("36th Guards Motorized Rifle Brigade") and front directions ("Pokrovsk axis") named in a text.
"""

from __future__ import annotations

import re
from functools import lru_cache
from geo.claims.matching import _GATE, _GatedTable, _gated
from geo.rules import phrase_pattern
from geo.rules.lookup import first_letter_test, lookup_rows, row_pattern
from geo.rules.matcher import rows

__all__ = ['find_designations', 'find_units', 'find_directions']

# --------------------------------------------------------------------------------------------
# Units and directions
# --------------------------------------------------------------------------------------------

_ORDINALS = tuple(f"{d}{suffix}" for d in "0123456789" for suffix in ("st", "nd", "rd", "th"))  # "58th": a stem
# the longest word of a named unit ("Pokrovsk-Myrnohrad" Battalion): read possessively and bounded, so that a
# long hyphenated chain is read from each of its capitals at a bounded cost, not to its end
_UNIT_WORD = 60


def _words(cls: str, rank: str | None = None) -> str:
    """The rows of class ``cls`` (of ``rank``) of geo/rules/units.jsonl as one alternation, longest first (each row
    ``case: title``: a proper name's words as written)."""
    table = sorted(lookup_rows("units"), key=lambda r: (-len(r.key), r.key))
    return "|".join(row_pattern(r, lead=False) for r in table if r.cls == cls and (rank is None or r.get("rank") == rank))


def _stems(cls: str, which: int) -> tuple[str, ...]:
    """A word (``which``: first 0, last -1) of each row of class ``cls``, lower-cased: one stands in every match."""
    return tuple(sorted({r.key.split(" ")[which] for r in lookup_rows("units") if r.cls == cls}))


def _group_names() -> tuple[str, ...]:
    """The names of the groups of forces, as a unit's name reads them ("Vostok Group", "Northern Grouping of Forces"):
    the English ``group-of-forces`` rows of ``geo/rules/not_places.jsonl`` ("Vostok", and "Dnipro" of the row
    "Dnipro group", which is no group without its word), so that one table says both what is not a place and
    what names a group. Longest first."""
    names = {r.key.removesuffix(" group") for r in rows("not_places")
             if r.cls == "group-of-forces" and r.lang in ("en", "any") and not r.patterned
             and len(r.key.removesuffix(" group").split()) == 1}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


# the adjectives of a unit, and an order's name of any word ("Order of Lenin": grammar, not a row)
_UNIT_ADJ = r"(?:" + _words("adjective") + r"|Order\s+of\s+\w+)"


def _ranked(rank: str) -> re.Pattern[str]:
    """An ordinal, adjectives and a unit noun of ``rank``: "25th Separate Airborne Brigade"."""
    return re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:" + _UNIT_ADJ + r"\s+)*(?:" + _words("unit", rank) + r")\b")


_UNITS: tuple[tuple[int, tuple[str, ...], re.Pattern[str]], ...] = (
    # (rank, stems, pattern); rank: lower = more specific
    (1, _ORDINALS, _ranked("1")),
    (1, _stems("named-unit", -1), re.compile(r"\b(?:[A-Z][\w'’-]{1,%d}+\s++){1,3}(?:%s)\b" % (_UNIT_WORD, _words("named-unit")))),
    (2, _ORDINALS, _ranked("2")),
    (3, _ORDINALS, _ranked("3")),
    (4, _stems("group-before", 0), re.compile(r"\b(?:" + _words("group-before") + r")\s+['‘\"“]?[A-Z][a-z]+['’\"”]?")),
    (4, _stems("group-after", 0), re.compile(r"(?:['‘\"“][A-Z][a-z]+['’\"”]|\b(?i:" + "|".join(map(re.escape, _group_names())) + r"))\s+"
                   r"(?:" + _words("group-after") + r")\b")),
    (5, _stems("district", -1), re.compile(r"\b(?:" + _words("district") + r")\b")),
)
_UNIT_BITS = tuple(_GATE.bit(pattern, stems) for _, stems, pattern in _UNITS)
_UNIT_TABLE = _GatedTable(_UNITS, _UNIT_BITS)
# the words of a front direction's name (geo/rules/direction_names.jsonl, each as written): a capitalised name, a
# qualifier ("tactical"), a direction word ("Pokrovsk axis"); a capitalised word before the name that is none of it
_DIRECTION_ROWS = lookup_rows("direction_names")


def _direction_words(cls: str) -> str:
    return "|".join(row_pattern(r, lead=False) for r in _DIRECTION_ROWS if r.cls == cls)


_DIRECTION_RE = re.compile(
    r"\b((?:[A-Z][\w'’]+)(?:[-–\s](?:[A-Z][\w'’]+)){0,2})\s+((?:(?:" + _direction_words("qualifier") + r")\s+)?(?:"
    + _direction_words("direction") + r"))\b")
# one stands in every match (as written)
_DIRECTION_WORDS = tuple(r.phrase for r in _DIRECTION_ROWS if r.cls == "direction")
# what stands before a direction word in a match: the end of a name, spaces, maybe "tactical"
# a name starts at a word boundary (as in _DIRECTION_RE) and is read whole (possessive: a space follows it)
_NAME_BEFORE_DIRECTION = re.compile(r"\b[A-Z][\w'’]++\s+(?:(?:" + _direction_words("qualifier") + r")\s+)?\Z")
_NAME_REACH = 48  # characters read before a direction word (past them, the regex judges)
_NOT_DIRECTION = re.compile(r"^(?:" + _direction_words("not-name") + r")\b")


def find_units(text: str) -> list[tuple[str, int, int, int]]:
    """The military units named in ``text``, as ``(name, start, end, rank)``; rank 1 is the most specific.

    See :func:`_find_units_cached` for the rules and examples.
    """
    return list(_find_units_cached(text))


@lru_cache(maxsize=32)
def _find_units_cached(text: str) -> list[tuple[str, int, int, int]]:
    """The military units named in ``text``, as ``(name, start, end, rank)``; rank 1 is the most specific.

    Examples
    --------
    >>> [u[0] for u in find_units("the 12th Separate Assault Brigade of the 4th Army Corps attacked")]
    ['12th Separate Assault Brigade', '4th Army Corps']
    """
    found: list[tuple[str, int, int, int]] = []
    for rank, _, pattern in _gated(_UNIT_TABLE, text):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for _, s, e, _ in found):
                continue
            name = m.group(0).strip()
            if name[:1] not in "'‘\"“":
                name = name.rstrip("'’\"”")
            if name.split()[0] in ("The", "On", "In", "Of", "And", "A"):
                continue
            found.append((name, m.start(), m.end(), rank))
    return sorted(found, key=lambda u: u[1])


# ---- a unit's designation in running text ("the 82nd air assault, 3rd tank and 125th territorial defense brigades") ----


def _designation_words(classes: tuple[str, ...]) -> str:
    """The rows of ``classes`` of geo/rules/units.jsonl as one alternation in any case (a ``case: title`` row too: the
    adjectives of a proper name are a designation's words written small), longest first."""
    table = sorted((r for r in lookup_rows("units") if r.cls in classes), key=lambda r: (-len(r.key), r.key))
    return "(?:" + first_letter_test(table) + "(?:" + "|".join(phrase_pattern(r.key, r.match == "prefix")
                                                             for r in table) + "))"


# an ordinal as a bulletin writes it ("82nd", "95-й", "47-ї", "33"), and a list of them ("22-й и 61-й", "110th and 113th")
_ORDINAL = r"\d++(?:st|nd|rd|th|-?[^\W\d_]{1,3}+)?+(?!\w)"
# the joints of a designation's list: a comma, a conjunction of a list (geo/rules/conjunctions.jsonl), both
_CONJUNCTION = r"(?:and|" + "|".join(re.escape(r.key) for r in lookup_rows("conjunctions")
                                     if r.cls == "list" and r.key.isalpha()) + r")(?!\w)\s*+"
_LIST_JOINT = rf"(?:\s*+,\s*+(?:{_CONJUNCTION})?+|\s++{_CONJUNCTION})"
_ORDINALS_BEFORE = rf"{_ORDINAL}(?:{_LIST_JOINT}{_ORDINAL}){{0,6}}\s++"
# one item of a designation's list: ordinals, then one to four designation words, a compound's first part before
# each ("горно-штурмовой", "десантно-штурмовой": the last part says what the unit is)
_DESIGNATION_WORD = r"(?:[^\W\d_]++-)?" + _designation_words(("adjective", "designation"))
# each read one way only (atomic, possessive): "air assault" is one row or two words, never both tried
_DESIGNATION_ITEM = rf"(?>(?:{_ORDINALS_BEFORE})?+{_DESIGNATION_WORD}(?:\s++{_DESIGNATION_WORD}){{0,3}}+)"
_DESIGNATION_RE = re.compile(
    rf"(?<![\w-])(?:(?>{_DESIGNATION_ITEM}(?:{_LIST_JOINT}{_DESIGNATION_ITEM}){{0,8}}+)\s++)?(?:[^\W\d_]++-)?"
    + _designation_words(("designation-noun",)) + r"(?![\w-])", re.IGNORECASE)


def find_designations(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` that name a military unit: a unit's designation (its ordinals and words before its noun,
    a list of them before one noun: :data:`_DESIGNATION_RE`, the ``adjective``, ``designation`` and ``designation-noun``
    rows of geo/rules/units.jsonl in any case), and the units :func:`find_units` reads. A word inside one is part of
    a unit's name, never what happened ("air assault", "штурмовой": :mod:`geo.claims.action`).

    Examples
    --------
    >>> s = "Battlegroup North hit the 82nd air assault, 3rd tank and 125th territorial defense brigades near Tykhe."
    >>> [s[a:b] for a, b in find_designations(s)]
    ['Battlegroup North', '82nd air assault, 3rd tank and 125th territorial defense brigades']
    >>> s = "Нанесено поражение 22-й и 61-й механизированных, десантно-штурмовой бригадам у Тихого."
    >>> [s[a:b] for a, b in find_designations(s)]
    ['22-й и 61-й механизированных, десантно-штурмовой бригадам']
    """
    return _find_designations_cached(text)


@lru_cache(maxsize=32)
def _find_designations_cached(text: str) -> tuple[tuple[int, int], ...]:
    spans = {(m.start(), m.end()) for m in _DESIGNATION_RE.finditer(text)}
    spans.update((s, e) for _, s, e, _ in _find_units_cached(text))
    return tuple(sorted(spans))


def find_directions(text: str) -> list[tuple[str, int, int]]:
    """The front directions named in ``text`` ("Pokrovsk axis"), as ``(name, start, end)``.

    See :func:`_find_directions_cached` for the rules and examples.
    """
    return list(_find_directions_cached(text))


@lru_cache(maxsize=32)
def _find_directions_cached(text: str) -> list[tuple[str, int, int]]:
    """The front directions named in ``text`` ("Pokrovsk axis"), as ``(name, start, end)``.

    Examples
    --------
    >>> find_directions("On the Lyman direction and the Siversk-Kramatorsk axis the enemy attacked.")
    [('Lyman direction', 7, 22), ('Siversk-Kramatorsk axis', 31, 54)]
    """
    out: list[tuple[str, int, int]] = []
    if not _may_name_direction(text):
        return out  # a quick test: this is also asked of the long text before a sentence
    windows = _direction_windows(text)
    found = (_DIRECTION_RE.finditer(text) if windows is None
             else (m for lo, hi in windows for m in _DIRECTION_RE.finditer(text, lo, hi)))
    for m in found:
        name = m.group(1)
        while _NOT_DIRECTION.match(name):
            parts = name.split(None, 1)
            if len(parts) < 2:
                name = ""
                break
            name = parts[1]
        if not name:
            continue
        start = m.start(1) + (len(m.group(1)) - len(name))
        out.append((f"{name} {m.group(2)}", start, m.end()))
    return out


# The characters a match of _DIRECTION_RE is made of (names, dashes, spaces, the direction word).
_DIRECTION_RUN = re.compile(r"[\w'’\-–\s]*")
_DIRECTION_BACK = 200  # characters before a direction word a window holds


def _direction_windows(text: str) -> list[tuple[int, int]] | None:
    """Disjoint spans of ``text`` that hold every match of ``_DIRECTION_RE``, in order; None when one
    may reach further back than they do (then the whole text is searched).

    A fast path for the long text before a sentence: a match is a run of _DIRECTION_RUN characters
    ending in a direction word, so it lies between ``_DIRECTION_BACK`` characters before that word
    (when a character outside the run stands there) and the end of the run after it. Searched with
    the run's end as ``endpos``, a window gives the matches a search of the whole text gives there:
    the character at that end, outside the run, is no word character, so ``\b`` reads it as the
    end of the text does, and a match cannot reach past it.
    """
    spans: list[tuple[int, int]] = []
    for word in _DIRECTION_WORDS:
        at = text.find(word)
        while at != -1:
            lo = at - _DIRECTION_BACK
            if lo > 0 and _DIRECTION_RUN.match(text, lo).end() >= at:
                return None  # the run reaches past the window: its match may start before it
            spans.append((max(lo, 0), _DIRECTION_RUN.match(text, at).end()))
            at = text.find(word, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _may_name_direction(text: str) -> bool:
    """False when ``_DIRECTION_RE`` cannot match in ``text``: no direction word stands there after a
    name ("the front" is none), told by a look at the characters before each direction word."""
    for word in _DIRECTION_WORDS:
        at = text.find(word)
        while at != -1:
            lo = at - _NAME_REACH
            if lo > 0 and (text[lo].isspace() or text[lo].isalnum() or text[lo] in "_'’"):
                return True  # the name (or the spaces after it) may reach further back
            if _NAME_BEFORE_DIRECTION.search(text, max(lo, 0), at):
                return True
            at = text.find(word, at + 1)
    return False
