"""Military units ("36th Guards Motorized Rifle Brigade") and front directions ("Pokrovsk axis") named in a text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from frontmap.errors import RuleError
from geo.rules import RULES_DIR, Rule, phrase_pattern
from geo.rules.lookup import first_letter_test, lookup_rows, row_pattern
from geo.rules.matcher import rows

__all__ = ['Unit', 'find_designations', 'find_directions', 'find_units', 'noun_ranks', 'read_units', 'written_form']

# --------------------------------------------------------------------------------------------
# Units and directions
# --------------------------------------------------------------------------------------------

# the longest word of a named unit ("Pokrovsk-Myrnohrad" Battalion): read possessively and bounded, so that a
# long hyphenated chain is read from each of its capitals at a bounded cost, not to its end
_UNIT_WORD = 60
_UNIT_ROWS = lookup_rows("units")


def _class_rows(*classes: str) -> list[Rule]:
    """The rows of ``classes`` of geo/rules/units.jsonl, longest first (an alternation reads the longest at a place)."""
    return sorted((r for r in _UNIT_ROWS if r.cls in classes), key=lambda r: (-len(r.key), r.key))


def _as_written(rows: list[Rule]) -> str:
    """The rows as one alternation, each as written (``case: title``: a proper name's words)."""
    return "|".join(row_pattern(r, lead=False) for r in rows)


def _in_any_case(rows: list[Rule]) -> str:
    """The rows as one alternation in any case (a ``case: title`` adjective too: a proper name's adjectives are a
    designation's words written small), behind a test of their first letters."""
    return "(?:" + first_letter_test(rows) + "(?:" + "|".join(phrase_pattern(r.key, r.match == "prefix")
                                                         for r in rows) + "))"


def written_form(row: Rule) -> str:
    """How a unit's proper name writes a ``noun`` row: a ``case: title`` row as written, another with its words
    capitalised and its stem whole ("brigade*": "Brigade").

    >>> [written_form(r) for r in _UNIT_ROWS if r.phrase in ("brigade*", "Army Corps")]
    ['Brigade', 'Army Corps']
    """
    if row.get("case") == "title":
        return " ".join(unicodedata.normalize("NFC", row.phrase).split())
    return " ".join(w.rstrip("*").capitalize() for w in row.key.split(" "))


def noun_ranks(table: tuple[Rule, ...] | list[Rule], where: str) -> dict[str, int]:
    """The rank of a unit named by each ``noun`` row as written (:func:`written_form`; 1 battalion to brigade,
    2 division, 3 corps, army, fleet), checked: ``rank`` and ``named`` belong to noun rows, a ``named`` row has a
    rank, and two rows written alike have one rank, else a :class:`~frontmap.errors.RuleError` naming ``where``
    (the table's file) and the row's line.

    >>> noun_ranks([r for r in _UNIT_ROWS if r.phrase == "division*"], "units.jsonl")
    {'Division': 2}
    """
    ranks: dict[str, int] = {}
    for r in table:
        if (r.get("rank") or r.get("named")) and r.cls != "noun":
            raise RuleError(f"{where}:{r.line}: rank and named belong to a noun row, not a {r.cls} row: {r.phrase!r}")
        if r.get("named") and not r.get("rank"):
            raise RuleError(f"{where}:{r.line}: a named noun needs its rank: {r.phrase!r}")
        if r.cls == "noun" and r.get("rank"):
            written, rank = written_form(r), int(r.get("rank"))
            if ranks.setdefault(written, rank) != rank:
                raise RuleError(f"{where}:{r.line}: {written!r} is written by rows of two ranks")
    return ranks


# the rank of a unit named by each noun as written, and the nouns a capitalised name before names a unit of ("Azov
# Brigade"): the ``rank`` and ``named`` of the noun rows
_NOUNS = _class_rows("noun")
_RANK = noun_ranks(_UNIT_ROWS, str(RULES_DIR / "units.jsonl"))
_NAMED = sorted({written_form(r) for r in _NOUNS if r.get("named") == "yes"}, key=lambda n: (-len(n), n))


def _group_names() -> tuple[str, ...]:
    """The names of the groups of forces, as a unit's name reads them ("Vostok Group", "Northern Grouping of Forces"):
    the English ``group-of-forces`` rows of ``geo/rules/not_places.jsonl`` ("Vostok", and "Dnipro" of the row
    "Dnipro group", which is no group without its word), so that one table says both what is not a place and
    what names a group. Longest first."""
    names = {r.key.removesuffix(" group") for r in rows("not_places")
             if r.cls == "group-of-forces" and r.lang in ("en", "any") and not r.patterned
             and len(r.key.removesuffix(" group").split()) == 1}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


# ---- the grammar of a unit's name: a designation ("the 82nd air assault, 3rd tank and 125th territorial defense
# brigades", "22-й и 61-й механизированных бригадам", "25th Separate Airborne Brigade"), a named unit ("Azov
# Brigade"), a group of forces ("Battlegroup Vostok", "Vostok Group of Forces"), a military district ----

# an ordinal as a bulletin writes it ("82nd", "95-й", "47-ї", "33"), and a list of them ("22-й и 61-й", "110th and 113th")
_ORDINAL = r"\d++(?:st|nd|rd|th|-?[^\W\d_]{1,3}+)?+(?!\w)"
# the joints of a designation's list: a comma, a conjunction of a list (geo/rules/conjunctions.jsonl), both
_CONJUNCTION = r"(?:and|" + "|".join(re.escape(r.key) for r in lookup_rows("conjunctions")
                                     if r.cls == "list" and r.key.isalpha()) + r")(?!\w)\s*+"
_LIST_JOINT = rf"(?:\s*+,\s*+(?:{_CONJUNCTION})?+|\s++{_CONJUNCTION})"
# a unit's noun in any case and number ("brigades", "бригадам"; a ``case: title`` row as written: "Army", "TA")
_NOUN = "(?:" + first_letter_test(_NOUNS) + "(?:" + "|".join(
    row_pattern(r, lead=False) if r.get("case") == "title" else phrase_pattern(r.key, r.match == "prefix")
    for r in _NOUNS) + "))"
# a designation's word (the adjective and designation rows in any case, an order's name: "Order of Lenin", grammar,
# not a row), a compound's first part before it ("горно-штурмовой", "десантно-штурмовой": the last part says
# what the unit is)
_DESIGNATION_WORDS = "(?:" + _in_any_case(_class_rows("adjective", "designation")) + r"|(?-i:Order)\s+of\s+\w+)"
# a noun that is also a designation's word ("Army": "the 25th Army Brigade", "the 58th Army") is the noun where no
# designation's word or noun follows it
_NOUN_WORDS = [r for r in _NOUNS if re.fullmatch(_DESIGNATION_WORDS, written_form(r), re.IGNORECASE)]
_WORD = (r"(?:[^\W\d_]++-)?" + first_letter_test(_class_rows("adjective", "designation"))
         + (rf"(?!(?:{_as_written(_NOUN_WORDS)})(?![\w-])(?!\s++(?:[^\W\d_]++-)?(?:{_DESIGNATION_WORDS}|{_NOUN})(?![\w-])))"
            if _NOUN_WORDS else "") + _DESIGNATION_WORDS)
# one item of a designation's list: ordinals, then one to four words, or the words alone, or ordinals alone that are
# written as ordinals ("25th Brigade", "2-го штурмбата"; "300 troops" is a count); each read one way only (atomic,
# possessive): "air assault" is one row or two words, never both tried. Each item's groups hold the last item's
# reading (its last ordinal, its words) when they start inside it: with the noun, maybe a unit's proper name
_WORDS = rf"{_WORD}(?:\s++{_WORD}){{0,3}}+"
_ITEM = (rf"(?P<item>(?>(?:(?P<ordinal>{_ORDINAL})(?:{_LIST_JOINT}(?=\d))?+){{1,7}}+(?:\s++(?P<words>{_WORDS}))?+(?<!\d)"
         rf"|(?P<bare>{_WORDS})))")
_DESIGNATION = (rf"(?<![\w-])(?:(?>(?:{_ITEM}{_LIST_JOINT}?+){{1,9}}+)\s++)?(?:[^\W\d_]++-)?(?P<noun>{_NOUN})(?![\w-])")
# a named unit: one to three capitalised words before a named noun as written ("Azov Brigade")
_NAMED_UNIT = (r"\b(?:[A-Z][\w'’-]{1,%d}+\s++){1,3}(?P<named_noun>%s)\b"
               % (_UNIT_WORD, "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in _NAMED)))
# a group of forces: the words before its name ("Battlegroup Vostok") or after it ("Vostok Group of Forces")
_GROUP_NAMES = _group_names()
_GROUP = (r"\b" + first_letter_test(_class_rows("group-before")) + "(?:" + _as_written(_class_rows("group-before"))
          + r")\s+['‘\"“]?[A-Z][a-z]+['’\"”]?"
          r"|(?:['‘\"“][A-Z][a-z]+['’\"”]|\b(?i:(?=[" + "".join(sorted({re.escape(n[0]) for n in _GROUP_NAMES}))
          + "])(?:" + "|".join(map(re.escape, _GROUP_NAMES)) + r")))\s+"
          r"(?:" + _as_written(_class_rows("group-after")) + r")\b")
_DISTRICT = r"\b" + first_letter_test(_class_rows("district")) + "(?:" + _as_written(_class_rows("district")) + r")\b"
#: every unit's name in one expression, read in one pass: a named unit before a designation that starts where it
#: does ("Separate Presidential Brigade"), a group's and a district's name
_UNIT_RE = re.compile(rf"(?=[\w'‘\"“])(?:(?-i:(?P<named>{_NAMED_UNIT})|(?P<group>{_GROUP})|(?P<district>{_DISTRICT}))"
                      rf"|(?P<designation>{_DESIGNATION}))", re.IGNORECASE)
# the ranks of a group's and a district's name (lower: more specific); a designation's and a named unit's by its
# noun (_RANK: 1 to 3)
_FORM_RANK = {"group": 4, "district": 5}
_TOKEN = re.compile(r"\S+")
# a capitalised word that opens no name: a named unit's match that starts with one names none
_NOT_A_NAME = frozenset({"The", "On", "In", "Of", "And", "A"})


class Unit(NamedTuple):
    """A unit named in a text: ``span`` the whole designation ("82nd air assault and 3rd tank brigades"); a unit
    with a proper name (``rank`` > 0) ``name`` as written and ``start``, ``end`` its span ("3rd Tank Brigade")."""

    span: tuple[int, int]
    name: str
    start: int
    end: int
    rank: int  #: 1 battalion to brigade (or a named unit), 2 division, 3 corps and army, 4 group, 5 district; 0 none


def _form_rank(m: re.Match[str]) -> int:
    """The rank of a named unit's (its noun's, :data:`_RANK`), a group's or a district's match."""
    if m.lastgroup == "named":
        return _RANK[" ".join(m.group("named_noun").split())]
    return _FORM_RANK[m.lastgroup]


def _proper_name(m: re.Match[str]) -> tuple[int, int, int]:
    """``(start, end, rank)`` of the proper name in a designation's last item, rank 0 when it has none: an English
    ordinal and the capitalised words after it to the last that ends a noun of a rank as written ("25th Separate
    Airborne Brigade", "3rd Army" in "3rd Army forces"), else one to three capitalised words before a named noun
    ("Separate Presidential Brigade")."""
    noun = " ".join(m.group("noun").split())
    item = m.start("item")  # -1 without one; an earlier item's ordinal or words are not the last item's
    ordinal = m.group("ordinal") if m.start("ordinal") >= item >= 0 else None
    words = next((m.group(g) for g in ("words", "bare") if m.start(g) >= item >= 0), "")
    capitalised = words.split()
    if ordinal and ordinal[:-2].isdigit() and ordinal[-2:] in ("st", "nd", "rd", "th"):
        # the capitalised words after the ordinal, to the last that ends a noun of a rank as written ("the 3rd Army
        # forces": "3rd Army"; "the 4th Army Tank Division": all of it)
        found, run = None, []
        for token in _TOKEN.finditer(m.string, m.end("ordinal"), m.end("noun")):
            if not (token.group()[:1].isupper() or token.group() == "of"):
                break
            run.append(token.group())
            written = next((w for w in (" ".join(run[-2:]), run[-1]) if w in _RANK), None)
            if written:
                found = token.end(), _RANK[written]
        if found:
            return m.start("ordinal"), found[0], found[1]
    if noun in _NAMED and capitalised:
        kept = 0
        while kept < min(3, len(capitalised)) and capitalised[-1 - kept][:1].isupper() and len(capitalised[-1 - kept]) > 1:
            kept += 1
        if kept:
            start = m.start("noun")
            for _ in range(kept):
                start = _word_start(m.string, start)
            if m.string[start:m.start("noun")].split()[0] not in _NOT_A_NAME:
                return start, m.end("noun"), _RANK[noun]
    return m.start(), m.end(), 0


def _word_start(text: str, end: int) -> int:
    """The start of the word before the whitespace before ``end``."""
    at = end
    while at > 0 and text[at - 1].isspace():
        at -= 1
    while at > 0 and not text[at - 1].isspace():
        at -= 1
    return at


@lru_cache(maxsize=32)
def read_units(text: str) -> tuple[Unit, ...]:
    """Every unit named in ``text``, each once, in order: the one pass :func:`find_units` and
    :func:`find_designations` read.

    >>> [(u.name, u.rank) for u in read_units("the 82nd air assault and 3rd Tank Brigade, Azov Battalion")]
    [('3rd Tank Brigade', 1), ('Azov Battalion', 1)]
    """
    out = []
    for m in _UNIT_RE.finditer(text):
        if m.lastgroup == "designation":
            start, end, rank = _proper_name(m)
        else:
            start, end, rank = m.start(), m.end(), _form_rank(m)
        name = text[start:end].strip()
        if name[:1] not in "'‘\"“":
            name = name.rstrip("'’\"”")
        if rank and name.split()[0] in _NOT_A_NAME:
            rank = 0
        out.append(Unit(m.span(), name if rank else "", start, end, rank))
    return tuple(out)


def find_units(text: str) -> list[tuple[str, int, int, int]]:
    """The military units named in ``text`` by a proper name, as ``(name, start, end, rank)``; rank 1 is the most
    specific: an ordinal, capitalised adjectives and a noun of a rank ("25th Separate Airborne Brigade", "4th Army
    Corps"), capitalised words before a named noun ("Azov Brigade"), a group of forces, a military district.

    See :func:`_find_units_cached` for the examples.
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
    return [(u.name, u.start, u.end, u.rank) for u in read_units(text) if u.rank]


def find_designations(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of ``text`` that name a military unit (:func:`read_units`): a unit's designation, its ordinals and
    words before its noun, a list of them before one noun (the ``adjective``, ``designation`` and ``noun`` rows of
    geo/rules/units.jsonl in any case), a named unit, a group of forces, a district. A word inside one is part of a
    unit's name, never what happened ("air assault", "штурмовой": :mod:`geo.claims.action`).

    Examples
    --------
    >>> s = "Battlegroup North hit the 82nd air assault, 3rd tank and 125th territorial defense brigades near Tykhe."
    >>> [s[a:b] for a, b in find_designations(s)]
    ['Battlegroup North', '82nd air assault, 3rd tank and 125th territorial defense brigades']
    >>> s = "Нанесено поражение 22-й и 61-й механизированных, десантно-штурмовой бригадам у Тихого."
    >>> [s[a:b] for a, b in find_designations(s)]
    ['22-й и 61-й механизированных, десантно-штурмовой бригадам']
    """
    return tuple(u.span for u in read_units(text))


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
