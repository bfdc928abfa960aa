"""Places given relative to a named one: "3 km north-east of X", "south of X", "the northern part of X".

A report often puts a claim not at a settlement but next to it: "advanced about 4 kilometers
westward from the Fedorovka line", "fighting south of Dimitrov", "the road west of Zakotnoye",
"the northern part of the city", "on the outskirts of Kupiansk"; in Russian and Ukrainian "в 5 км к северу от
Покровска", "севернее Покровска", "на північній околиці Покровська", the name in the genitive. :func:`find_relation`
reads such a phrase around a place mention; :func:`derive_point` turns the anchor's point and the relation into a
derived point with an uncertainty radius (geodesic, ``pyproj.Geod(ellps="WGS84").fwd``).

Kinds of relation
-----------------
``direction-of``
    A bearing from the anchor, with a distance when one is written ("3 km north-east of X",
    "4 kilometers westward from X"), else none ("south of X", "the road west of X").
``part``
    A part of the anchor itself ("the northern part of X", "X's eastern districts", "in the north of X", "на севере
    X", "на півночі X").
``outskirts``
    The edge of the anchor, with a bearing when one is written ("the southern outskirts of X"),
    else none ("on the outskirts of X", "near X" is *not* one: it is what any claim near X says).

Rules as data
-------------
Every word is a row of a rule table: ``geo/rules/bearings.jsonl`` (compass words with their bearing and role, and the
words joining them to the name), ``distance_words.jsonl`` (numbers, approximations, units, a preposition before a
distance) and ``town_parts.jsonl`` (part and outskirts nouns). Each language's rows build one grammar of the same shape
(a distance, a bearing, a link word, a filler; a bearing, a part noun, the part link where the language has one); a
phrase is read with the rows of one language at a time.

Uncertainty
-----------
The derived point stands for an area, so its radius grows with the distance: 30 % of a written
distance plus 1 km ("about 4 km west of X": 2.2 km); an unwritten distance is taken as 3 km with a
3 km radius; a part of a town sits 1 km from its centre (1.5 km radius); outskirts 2 km out
(1.5 km radius), or on the anchor with a 2.5 km radius when no side is named.

Examples
--------
>>> s = "Russian units advanced 3 km north-east of Pokrovsk."
>>> r = find_relation(s, s.index("Pokrovsk"), s.index("Pokrovsk") + 8)
>>> r.kind, r.bearing, r.distance_km
('direction-of', 45.0, 3.0)
>>> lat, lon, unc = derive_point(48.28, 37.18, r)
>>> round(lat, 3), round(lon, 3), round(unc)
(48.299, 37.209, 1900)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from pyproj import Geod

from frontmap.errors import CoordinateError, RuleError
from geo.rules import Rule, normalise_phrase, row_number
from geo.rules.lookup import lookup_rows, row_pattern
from geo.text import FOLDS_TO_ASCII

__all__ = ["BEARING_WORDS", "DIRECTION_MARKS", "KINDS", "Relation", "find_relation", "may_be_direction", "derive_point",
           "bearing_of", "point_pattern", "point_stems"]

KINDS = ("direction-of", "part", "outskirts")  #: the values of Relation.kind

_GEOD = Geod(ellps="WGS84")
_I = re.IGNORECASE

# The words are rows of three rule tables (geo/rules/*.jsonl), one row a phrase and its role in the phrase:
# ``bearings`` (compass words, and the words that join them to the place), ``distance_words`` (numbers,
# approximations, units, a preposition before a distance) and ``town_parts`` (a town's parts and outskirts).
# Every language's rows build one grammar of the same shape (:class:`_Grammar`); a language reads a phrase with
# its own rows only ("the northern part of X" takes "of", "в северной части X" the genitive).
_BEARING_ROWS = lookup_rows("bearings")
_DISTANCE_ROWS = lookup_rows("distance_words")
_PART_ROWS = lookup_rows("town_parts")
#: letters a case-insensitive regex matches to other letters than ``str.lower`` makes of them (ı, İ, ſ, the Kelvin
#: sign; the old Cyrillic forms of в, д, о, с, т, ъ, ѣ): a string test that lower-cases leaves these to the regex
_ODD_FOLDS = FOLDS_TO_ASCII | frozenset("\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88")
#: where a compass word's parts meet: "north-east", "northeast", "north east", "юго-западу", "південний захід"
_JOIN = re.compile(r"[\s-]+")
_SIDE_CLASSES = ("point", "adjective", "comparative")  # the rows that carry a bearing in a word
_NEEDS = {"point": "bearing", "adjective": "bearing", "comparative": "bearing", "abbreviation": "bearing", "side": "bearing",
          "suffix": "form", "number": "value", "unit": "km"}


def _check(rows: tuple[Rule, ...]) -> None:
    for r in rows:
        need = _NEEDS.get(r.cls)
        if need and r.get(need) is None:
            raise RuleError(f"geo/rules/{r.table}.jsonl:{r.line}: a {r.cls} row needs its {need}")
        if need and need != "form":
            row_number(r, need)


_check(_BEARING_ROWS)
_check(_DISTANCE_ROWS)


def _squash(text: str) -> str:
    """A compass word as it is looked up: case-folded, its parts joined solid ("North-East" → "northeast")."""
    return _JOIN.sub("", normalise_phrase(text))


def _longest(rows) -> list[Rule]:
    return sorted(rows, key=lambda r: (-len(r.key), r.key))


def _alt(patterns) -> str:
    """An alternation of ``patterns`` (longest rows first), or "" when there are none."""
    parts = list(dict.fromkeys(patterns))
    return "(?:" + "|".join(parts) + ")" if parts else ""


def _compound(row: Rule) -> str:
    """A compass word's expression: its parts joined solid, with a hyphen or a space; a prefix row's last part a stem."""
    body = r"[\s-]?".join(map(re.escape, _JOIN.split(row.key)))
    return body + (r"\w*+" if row.match == "prefix" else "")


def _words(rows) -> str:
    return _alt(row_pattern(r, lead=False) for r in _longest(rows))


def _opt(alternation: str, tail: str = r"\s+") -> str:
    """``alternation`` then ``tail``, optional; nothing when the language has no such row."""
    return f"(?:{alternation}{tail})?" if alternation else ""


def point_pattern(lang: str, forms: tuple[str, ...] = ()) -> str:
    """The expression of a language's compass points, each followed, optionally, by one of the language's suffix rows
    whose ``form`` is in ``forms`` (English ``("adjective",)``: "north", "north-east", "southern", "south-western").

    No flags nor groups: use it case-insensitively, inside other expressions (:mod:`geo.claims.role`).

    Examples
    --------
    >>> import re
    >>> p = re.compile(point_pattern("en", ("adjective",)), re.I)
    >>> [bool(p.fullmatch(w)) for w in ("north-east", "Southwest", "western", "westward", "up")]
    [True, True, True, False, False]
    """
    points = [r for r in _BEARING_ROWS if r.cls == "point" and r.lang in (lang, "any")]
    if not points:
        raise RuleError(f"geo/rules/bearings.jsonl: language {lang!r} has no point row")
    suffixes = [r for r in _BEARING_ROWS if r.cls == "suffix" and r.lang in (lang, "any") and r.get("form") in forms]
    return _alt(_compound(r) for r in _longest(points)) + (_opt(_words(suffixes), "") if suffixes else "")


def point_stems(lang: str) -> tuple[str, ...]:
    """What every compass point of a language holds, lower-cased, one of these (English "east", "north", "south",
    "west"): the stems of a word gate (:class:`geo.claims.matching`) for :func:`point_pattern`.

    >>> point_stems("en")
    ('east', 'north', 'south', 'west')
    """
    return _fewest(_JOIN.split(r.key)[0] for r in _BEARING_ROWS if r.cls == "point" and r.lang in (lang, "any"))


@dataclass(frozen=True)
class _Grammar:
    """One language's expressions of a relative place, built from its rows, and the words that gate them."""

    lang: str
    dist_dir: re.Pattern[str]  #: "3 km north-east of [the village of] " before the mention
    dir_of: re.Pattern[str]  #: "north of ", "севернее "
    part_before: re.Pattern[str]  #: "the northern part of ", "в северной части "
    outskirts_before: re.Pattern[str]  #: "[the southern] outskirts of ", "на окраине "
    after: re.Pattern[str]  #: "'s northern outskirts" after the mention
    after_bracket: re.Pattern[str]  #: " (3 km north-east)" after the mention
    inside_before: re.Pattern[str] | None  #: "in the " before "north of X": a part of X itself
    side_before: re.Pattern[str] | None  #: "на севере ", "на півночі ": a part of the place after it
    outskirts: re.Pattern[str]  #: an outskirts noun, whole
    last_words: frozenset[str]  #: the words a window before a mention ends with, for the patterns to match ...
    last_stems: tuple[str, ...]  #: ... or begins with (prefix rows) ...
    last_ends: tuple[str, ...]  #: ... or ends with (a comparative, written solid or hyphenated)
    side_stems: tuple[str, ...]  #: what every match before a mention holds, lower-cased ...
    side_abbreviation: re.Pattern[str] | None  #: ... or this: "NE of"

    def may_relate_before(self, before: str) -> bool:
        """False when none of the patterns before a mention can match in ``before`` (the window before it)."""
        if not before[-1:].isspace():
            return False
        last = before.rsplit(None, 1)[-1:]
        if not last:
            return False
        word = last[0].lower()
        if not (word in self.last_words or word.startswith(self.last_stems) or word.endswith(self.last_ends)
                or not _ODD_FOLDS.isdisjoint(word)):
            return False
        if not before.isascii() and not _ODD_FOLDS.isdisjoint(before):
            return True  # a letter the regexes read otherwise: let them judge
        low = before.lower()
        return any(stem in low for stem in self.side_stems) or (
            self.side_abbreviation is not None and self.side_abbreviation.search(before) is not None)


def _fewest(stems) -> tuple[str, ...]:
    """The stems none of which holds another (a text holding none of these holds none of ``stems``)."""
    stems = set(stems)
    return tuple(sorted(s for s in stems if not any(o != s and o in s for o in stems)))


def _grammar(lang: str) -> _Grammar:
    """The grammar of one language: its rows (and those of ``any``) in the one shape every language shares."""
    def rows(table, cls):
        return [r for r in table if r.cls == cls and r.lang in (lang, "any")]

    points = rows(_BEARING_ROWS, "point")
    adjectives, comparatives = rows(_BEARING_ROWS, "adjective"), rows(_BEARING_ROWS, "comparative")
    abbreviations, links = rows(_BEARING_ROWS, "abbreviation"), rows(_BEARING_ROWS, "link")
    part_links, articles = rows(_BEARING_ROWS, "part-link"), rows(_BEARING_ROWS, "article")
    kinds, inside = rows(_BEARING_ROWS, "place-kind"), rows(_BEARING_ROWS, "inside")
    sides = rows(_BEARING_ROWS, "side")
    parts, outskirts = rows(_PART_ROWS, "part"), rows(_PART_ROWS, "outskirts")
    link = _words(links)
    if not (points and link):
        raise RuleError(f"geo/rules/bearings.jsonl: language {lang!r} has rows but no point or no link row")
    point = point_pattern(lang, ("point", "adjective"))  # every suffix row has one of these forms
    abbreviation = _alt(row_pattern(r, lead=False) for r in _longest(abbreviations))
    # a bearing before a link word: a point, or an abbreviation right before the link ("NE of")
    direction = _alt([point] + ([abbreviation + rf"(?=\s+{link})"] if abbreviation else []))
    comparative = _alt(_compound(r) for r in _longest(comparatives))
    side = _alt([direction] + ([_alt(_compound(r) for r in _longest(adjectives))] if adjectives else []))
    bearing = rf"(?:(?P<dir>{direction})\s+{link}" + (rf"|(?P<comp>{comparative})" if comparative else "") + ")"
    fill = _opt(_words(articles)) + _opt(_words(kinds))
    numbers = [r for r in _DISTANCE_ROWS if r.lang in (lang, "any")]
    num = _alt([r"\d+(?:[.,]\d+)?"] + [row_pattern(r, lead=False) for r in _longest(numbers) if r.cls == "number"])
    distance = (_opt(_words(r for r in numbers if r.cls == "approximately"))
                + _opt(_words(r for r in numbers if r.cls == "lead"))
                + f"(?P<num>{num})" + r"[\s-]*" + rf"(?P<unit>{_words(r for r in numbers if r.cls == 'unit')})\.?"
                + r"\s+" + _opt(_words(rows(_BEARING_ROWS, "toward"))))
    part_noun, outskirts_noun = _words(parts), _words(outskirts)
    part_link = _words(part_links) + r"\s+" if part_links else ""  # "of" after a part noun, where the language has it
    tail = _words(rows(_BEARING_ROWS, "bracket-tail"))
    after_side = rf"(?P<dir>{direction})" + (rf"|(?P<comp>{comparative})" if comparative else "")
    # the words a window before a mention may end with: a link, a comparative, the part link (or, where the
    # genitive links, a part or outskirts noun), an article, a place's kind
    enders = links + articles + kinds + sides + (part_links or parts + outskirts)
    last_words = frozenset(r.key.split(" ")[-1] for r in enders if r.match != "prefix")
    last_stems = tuple(sorted({r.key.split(" ")[-1] for r in enders if r.match == "prefix"}))
    last_ends = tuple(sorted({_JOIN.split(r.key)[-1] for r in comparatives}))
    side_stems = _fewest([_JOIN.split(r.key)[0] for r in points + adjectives + comparatives]
                         + [r.key.split(" ")[0] for r in outskirts] + [r.key.split(" ")[-1] for r in sides])
    return _Grammar(
        lang=lang,
        dist_dir=re.compile(distance + bearing + r"\s+" + fill + "$", _I),
        dir_of=re.compile(r"(?<![\w-])" + bearing + r"\s+" + fill + "$", _I),
        part_before=re.compile(rf"(?<![\w-])(?P<dir>{side})\s+{part_noun}\s+{part_link}{fill}$", _I),
        outskirts_before=re.compile(rf"(?<![\w-])(?:(?P<dir>{side})\s+)?{outskirts_noun}\s+{part_link}{fill}$", _I),
        after=re.compile(rf"^['’]s?\s+(?P<dir>{side})\s+(?P<noun>{_alt([outskirts_noun, part_noun])})(?!\w)", _I),
        after_bracket=re.compile(r"^\s*\(\s*" + distance + f"(?:{after_side})" + (rf"(?:\s+{tail})?" if tail else "")
                                 + r"\s*\)", _I),
        inside_before=re.compile(r"(?<!\w)" + _words(inside) + r"\s+$", _I) if inside else None,
        side_before=re.compile(rf"(?<![\w-])(?P<dir>{_words(sides)})\s+{fill}$", _I) if sides else None,
        outskirts=re.compile(outskirts_noun, _I),
        last_words=last_words, last_stems=last_stems, last_ends=last_ends, side_stems=side_stems,
        side_abbreviation=re.compile(abbreviation + r"\s+" + link, _I) if abbreviation else None,
    )


#: every language's grammar, English first
_GRAMMARS: tuple[_Grammar, ...] = tuple(
    _grammar(lang) for lang in sorted({r.lang for r in _BEARING_ROWS} - {"any"}, key=lambda x: (x != "en", x)))


def _readings() -> tuple[dict[str, tuple[float, str]], list[tuple[str, tuple[float, str]]], list[tuple[re.Pattern[str], float]]]:
    """How a compass word reads, as (bearing, form): by its squashed key, by a prefix row's stem, by an abbreviation."""
    exact: dict[str, tuple[float, str]] = {}
    stems: list[tuple[str, tuple[float, str]]] = []

    def put(key: str, reading: tuple[float, str], row: Rule) -> None:
        if exact.get(key, reading) != reading:
            raise RuleError(f"geo/rules/bearings.jsonl:{row.line}: {row.phrase!r} reads otherwise than another row")
        exact[key] = reading

    for r in _BEARING_ROWS:
        if r.cls in _SIDE_CLASSES or r.cls == "side":
            reading = (row_number(r, "bearing"), "point" if r.cls == "point" else r.cls)
            if r.match == "prefix":
                stems.append((_squash(r.key), reading))
            else:
                put(_squash(r.key), reading, r)
            if r.cls == "point":
                for s in _BEARING_ROWS:
                    if s.cls == "suffix" and s.lang in (r.lang, "any"):
                        put(_squash(r.key) + s.key, (reading[0], s.get("form")), s)
    stems.sort(key=lambda x: -len(x[0]))
    abbreviations = [(re.compile(row_pattern(r, lead=False), _I), row_number(r, "bearing"))
                     for r in _BEARING_ROWS if r.cls == "abbreviation"]
    return exact, stems, abbreviations


_EXACT, _STEMS, _ABBREVIATIONS = _readings()


def _read(word: str) -> tuple[float, str] | None:
    """(bearing, form) of a compass word: form ``point``, ``adjective`` ("northern", "северной"), ``comparative`` or
    ``side`` ("на севере")."""
    w = word.strip()
    for pattern, deg in _ABBREVIATIONS:
        if pattern.fullmatch(w):
            return deg, "point"
    key = _squash(w)
    if key in _EXACT:
        return _EXACT[key]
    for stem, reading in _STEMS:
        if key.startswith(stem):
            return reading
    return None


def _side(m: re.Match[str]) -> str | None:
    """The compass word of a match: its bearing before a link word, or a comparative."""
    return m["dir"] or m.groupdict().get("comp")


# What may_be_direction reads, over every language: the link words, what a bearing before one ends with, the
# comparatives' ends, the abbreviations, and the fillers between the link and the name.
_LINKS = frozenset(r.key for r in _BEARING_ROWS if r.cls == "link")
_DIR_ENDINGS = tuple(sorted({_JOIN.split(r.key)[-1] + s for r in _BEARING_ROWS if r.cls == "point"
                             for s in ["", *(x.key for x in _BEARING_ROWS if x.cls == "suffix" and x.lang in (r.lang, "any"))]}))
_COMPARATIVE_ENDS = tuple(sorted({_JOIN.split(r.key)[-1] for r in _BEARING_ROWS if r.cls == "comparative"}))
_DIR_ABBREVIATIONS = frozenset(r.key for r in _BEARING_ROWS if r.cls == "abbreviation")
_FILL_ARTICLES = frozenset(r.key for r in _BEARING_ROWS if r.cls == "article")
_FILL_KINDS = frozenset(r.key for r in _BEARING_ROWS if r.cls == "place-kind")


#: What the words right before a mention hold when a ``"direction-of"`` phrase ends there, lower-cased: a link word
#: or a comparative's end ("of", "from", "от", "від", "севернее"), found with ``in`` (:mod:`geo.resolve`).
DIRECTION_MARKS: tuple[str, ...] = tuple(sorted(_LINKS | set(_COMPARATIVE_ENDS)))
#: A compass word of any language, or an abbreviation before a link word ("north", "NE of", "северу", "північніше"):
#: what a text before a mention holds when a bearing phrase stands there (:mod:`geo.resolve`).
BEARING_WORDS = re.compile(
    _alt(map(re.escape, _fewest(_JOIN.split(r.key)[0] for r in _BEARING_ROWS if r.cls in _SIDE_CLASSES)))
    + "|" + r"(?<!\w)" + _alt(row_pattern(r, lead=False) for r in _longest(r for r in _BEARING_ROWS if r.cls == "abbreviation"))
    + r"\s+" + _words(r for r in _BEARING_ROWS if r.cls == "link"), _I)


def may_be_direction(sentence: str, start: int, end: int) -> bool:
    """False when :func:`find_relation` cannot give a ``"direction-of"`` relation for the mention.

    Such a relation is either written in brackets right after the name ("X (3 km north-east)"),
    or ends just before it with a bearing and a link word ("of", "from", "от", "від"), or a comparative
    ("севернее"), then the fillers of the rule tables ("3 km north-east of the village of X"). Reading the
    last few words so costs far less than the regexes that look for the phrase; a window with a letter
    ``re`` reads otherwise under IGNORECASE than ``str.lower`` does ("ſ") is left to them.

    Parameters
    ----------
    sentence : str
    start, end : int
        The mention's span in ``sentence``, as for :func:`find_relation`.

    Returns
    -------
    bool
        True when :func:`find_relation` may return a ``"direction-of"`` relation.

    Examples
    --------
    >>> s = "Fighting near Myrne (northwest of Pokrovsk) and in the village of Lysivka."
    >>> may_be_direction(s, s.index("Pokrovsk"), s.index("Pokrovsk") + 8)
    True
    >>> may_be_direction(s, s.index("Lysivka"), s.index("Lysivka") + 7)
    False
    """
    if sentence[end:end + 80].lstrip().startswith("("):
        return True
    before = sentence[max(0, start - 120):start]
    if not before[-1:].isspace():
        return False
    if not before.isascii() and not _ODD_FOLDS.isdisjoint(before):
        return True
    words = before.lower().split()[-6:]
    # the link word (or a comparative) stands before the filler, which is at most four words ("the urban-type
    # settlement of")
    for i in range(len(words) - 1, -1, -1):
        if _filler(words[i + 1:]):
            if words[i].endswith(_COMPARATIVE_ENDS):
                return True
            if i and words[i] in _LINKS:
                bearing = words[i - 1]
                if bearing.endswith(_DIR_ENDINGS) or _ends_in_abbreviation(bearing):
                    return True
    return False


def _ends_in_abbreviation(word: str) -> bool:
    """Whether ``word`` (lowercased) ends in a side's abbreviation that stands alone, as the patterns have it
    after a space or where ``(?<![\\w-])`` lets it (")E of X")."""
    for size in sorted({len(a) for a in _DIR_ABBREVIATIONS}):
        if word[-size:] in _DIR_ABBREVIATIONS:
            prev = word[-size - 1:-size]
            if not prev or not (prev.isalnum() or prev in "_-"):
                return True
    return False


def _filler(words: list[str]) -> bool:
    """Whether ``words`` are a filler between a link word and a name: "[article] [place-kind]" (or none)."""
    if words and words[0] in _FILL_ARTICLES:
        words = words[1:]
    return not words or " ".join(words) in _FILL_KINDS


@dataclass(frozen=True, slots=True)
class Relation:
    """Where a claim stands relative to the place mentioned.

    Attributes
    ----------
    kind : str
        ``"direction-of"``, ``"part"`` or ``"outskirts"`` (see :data:`KINDS`).
    bearing : float or None
        Degrees clockwise from north (0 north, 90 east); None for outskirts on no named side.
    distance_km : float or None
        The written distance, in km; None when none is written.
    text : str
        The phrase as written ("about 4 kilometers westward from").
    start, end : int
        The phrase's span in the sentence.
    """

    kind: str
    bearing: float | None = None
    distance_km: float | None = None
    text: str = ""
    start: int = -1
    end: int = -1


def bearing_of(word: str) -> float | None:
    """The bearing, in degrees, of a compass word ("north-east", "westward", "southern", "NW", "юго-западу",
    "північніше").

    Examples
    --------
    >>> bearing_of("north-east"), bearing_of("Westward"), bearing_of("southern"), bearing_of("NW")
    (45.0, 270.0, 180.0, 315.0)
    >>> bearing_of("юго-западу"), bearing_of("північніше"), bearing_of("северной")
    (225.0, 0.0, 0.0)
    >>> bearing_of("up") is None
    True
    """
    reading = _read(word)
    return None if reading is None else reading[0]


#: a number word's value, a unit's kilometres (by key; a prefix unit by its stem, longest first)
_NUMBER_VALUES = {r.key: row_number(r, "value") for r in _DISTANCE_ROWS if r.cls == "number"}
_UNIT_KM = {r.key: row_number(r, "km") for r in _DISTANCE_ROWS if r.cls == "unit" and r.match != "prefix"}
_UNIT_STEMS = sorted(((r.key, row_number(r, "km")) for r in _DISTANCE_ROWS if r.cls == "unit" and r.match == "prefix"),
                     key=lambda x: -len(x[0]))


def _km(num: str, unit: str) -> float:
    n = normalise_phrase(num)
    value = float(n.replace(",", ".")) if n[0].isdigit() else _NUMBER_VALUES[n]
    u = normalise_phrase(unit).rstrip(".")
    factor = _UNIT_KM.get(u)
    if factor is None:
        factor = next(km for stem, km in _UNIT_STEMS if u.startswith(stem))
    return value * factor


def _made(kind: str, bearing: float | None, distance_km: float | None, m: re.Match[str], base: int) -> Relation:
    """A relation whose text is the match without its surrounding spaces, and whose span is that text's."""
    raw = m.group(0)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = base + m.start() + lead
    return Relation(kind, bearing, distance_km, text, start, start + len(text))


def find_relation(sentence: str, start: int, end: int) -> Relation | None:
    """The relation the sentence puts between a claim and the place mentioned at ``sentence[start:end]``.

    Only the words right next to the mention count: "3 km north-east of X", "south of X", "the
    northern part of X", "on the outskirts of X" before it (and in Russian and Ukrainian "в 5 км к северу
    от X", "севернее X", "на північній околиці X", "на севере X", the name in the genitive); "X's northern outskirts",
    "X (3 km north-east)" after it. "near X" and plain "in X" are not relations: the claim is at X.

    Parameters
    ----------
    sentence : str
    start, end : int
        The mention's span in ``sentence``.

    Returns
    -------
    Relation or None

    Raises
    ------
    ValueError
        When the span is not inside the sentence.

    Examples
    --------
    >>> s = "Russian forces advanced about 4 kilometers westward from the Fedorovka line."
    >>> r = find_relation(s, s.index("Fedorovka"), s.index("Fedorovka") + 9)
    >>> r.kind, r.bearing, r.distance_km, r.text
    ('direction-of', 270.0, 4.0, 'about 4 kilometers westward from the')
    >>> s = "Fighting continues in the northern part of Kupiansk and on the outskirts of Lyman."
    >>> find_relation(s, s.index("Kupiansk"), s.index("Kupiansk") + 8).kind
    'part'
    >>> r = find_relation(s, s.index("Lyman"), s.index("Lyman") + 5)
    >>> r.kind, r.bearing
    ('outskirts', None)
    >>> s = "Подразделения продвинулись в 5 км к юго-западу от Покровска."
    >>> r = find_relation(s, s.index("Покровска"), s.index("Покровска") + 9)
    >>> r.kind, r.bearing, r.distance_km, r.text
    ('direction-of', 225.0, 5.0, 'в 5 км к юго-западу от')
    >>> find_relation("Russian troops captured Lyman.", 24, 29) is None
    True
    """
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"mention span {start}:{end} is not inside a sentence of {len(sentence)} characters")
    before = sentence[max(0, start - 120):start]
    offset = max(0, start - 120)
    after = sentence[end:end + 80]
    searched = [g for g in _GRAMMARS if g.may_relate_before(before)]

    for g in searched:
        m = g.dist_dir.search(before)
        reading = _read(_side(m)) if m else None
        if reading:
            return _made("direction-of", reading[0], _km(m["num"], m["unit"]), m, offset)
    for g in _GRAMMARS:
        m = g.after_bracket.match(after)
        reading = _read(_side(m)) if m else None
        if reading:
            return _made("direction-of", reading[0], _km(m["num"], m["unit"]), m, end)
    for g in searched:
        m = g.outskirts_before.search(before)
        if m:
            reading = _read(m["dir"]) if m["dir"] else None
            return _made("outskirts", reading[0] if reading else None, None, m, offset)
    for g in searched:
        m = g.part_before.search(before)
        reading = _read(m["dir"]) if m else None
        if reading:
            return _made("part", reading[0], None, m, offset)
    for g in searched:
        m = g.side_before.search(before) if g.side_before is not None else None
        reading = _read(m["dir"]) if m else None
        if reading:  # "на севере Покровска": the north of the place itself
            return _made("part", reading[0], None, m, offset)
    for g in _GRAMMARS:
        m = g.after.match(after)
        reading = _read(m["dir"]) if m else None
        if reading:
            kind = "outskirts" if g.outskirts.fullmatch(m["noun"]) else "part"
            return _made(kind, reading[0], None, m, end)
    for g in searched:
        m = g.dir_of.search(before)
        reading = _read(_side(m)) if m else None
        if reading and reading[1] != "adjective":
            if g.inside_before is not None and g.inside_before.search(before, 0, m.start()):
                # "in the north of X" is the north of X itself
                return _made("part", reading[0], None, m, offset)
            return _made("direction-of", reading[0], None, m, offset)
    return None


# Offsets and radii (metres) where the text gives no distance; see the module docstring.
_DEFAULT_DIRECTION = (3000.0, 3000.0)
_PART = (1000.0, 1500.0)
_OUTSKIRTS_SIDE = (2000.0, 1500.0)
_OUTSKIRTS_ANY = 2500.0
_SHARE, _FLOOR = 0.30, 1000.0


def derive_point(lat: float, lon: float, relation: Relation) -> tuple[float, float, float]:
    """The point a relation describes from an anchor, with its uncertainty radius.

    Parameters
    ----------
    lat, lon : float
        The anchor place's point, in degrees (WGS84).
    relation : Relation

    Returns
    -------
    tuple of float
        ``(lat, lon, uncertainty_m)``: the derived point and the radius, in metres, of the area it
        stands for.

    Raises
    ------
    frontmap.errors.CoordinateError
        When the anchor is not a valid latitude/longitude.

    Examples
    --------
    >>> lat, lon, unc = derive_point(48.0, 37.0, Relation("direction-of", 180.0, 10.0))
    >>> round(lat, 4), round(lon, 4), unc
    (47.9101, 37.0, 4000.0)
    >>> derive_point(48.0, 37.0, Relation("outskirts"))
    (48.0, 37.0, 2500.0)
    >>> derive_point(91.0, 37.0, Relation("outskirts"))
    Traceback (most recent call last):
    ...
    frontmap.errors.CoordinateError: latitude 91.0 is outside -90..90
    """
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise CoordinateError(f"latitude {lat} is outside -90..90")
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise CoordinateError(f"longitude {lon} is outside -180..180")
    if relation.bearing is None:
        return lat, lon, _OUTSKIRTS_ANY
    if relation.kind == "direction-of":
        if relation.distance_km is not None:
            dist = relation.distance_km * 1000.0
            radius = _FLOOR + _SHARE * dist
        else:
            dist, radius = _DEFAULT_DIRECTION
    elif relation.kind == "part":
        dist, radius = _PART
    else:
        dist, radius = _OUTSKIRTS_SIDE
    lon2, lat2, _ = _GEOD.fwd(lon, lat, relation.bearing, dist)
    return float(lat2), float(lon2), float(radius)
