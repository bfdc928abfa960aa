"""Places given relative to a named one: "3 km north-east of X", "south of X", "the northern part of X".

A report often puts a claim not at a settlement but next to it: "advanced about 4 kilometers
westward from the Fedorovka line", "fighting south of Dimitrov", "the road west of Zakotnoye",
"the northern part of the city", "on the outskirts of Kupiansk". :func:`find_relation` reads such a
phrase around a place mention; :func:`derive_point` turns the anchor's point and the relation into a
derived point with an uncertainty radius (geodesic, ``pyproj.Geod(ellps="WGS84").fwd``).

Kinds of relation
-----------------
``direction-of``
    A bearing from the anchor, with a distance when one is written ("3 km north-east of X",
    "4 kilometers westward from X"), else none ("south of X", "the road west of X").
``part``
    A part of the anchor itself ("the northern part of X", "X's eastern districts").
``outskirts``
    The edge of the anchor, with a bearing when one is written ("the southern outskirts of X"),
    else none ("on the outskirts of X", "near X" is *not* one: it is what any claim near X says).

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

from frontmap.errors import CoordinateError
from geo.text import FOLDS_TO_ASCII
from geo.rules.lookup import lookup_rows, row_pattern

__all__ = ["KINDS", "Relation", "find_relation", "may_be_direction", "derive_point", "bearing_of"]

KINDS = ("direction-of", "part", "outskirts")  #: the values of Relation.kind

_GEOD = Geod(ellps="WGS84")

_BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
    "north-northeast": 22.5, "east-northeast": 67.5, "east-southeast": 112.5, "south-southeast": 157.5,
    "south-southwest": 202.5, "west-southwest": 247.5, "west-northwest": 292.5, "north-northwest": 337.5,
}
_ABBREV = {"n": "north", "ne": "northeast", "e": "east", "se": "southeast", "s": "south", "sw": "southwest",
           "w": "west", "nw": "northwest"}
# the number words and approximations of a distance (geo/rules/distance_words.jsonl): a number word's first word → value
_DISTANCE_ROWS = lookup_rows("distance_words")
_NUMBER_WORDS = {r.key.split(" ")[0]: float(r.get("value")) for r in _DISTANCE_ROWS if r.cls == "number"}

_I = re.IGNORECASE
_DIR = (r"(?P<dir>(?:north|south|east|west)(?:[\s-]?(?:north|south)?[\s-]?(?:east|west))?"
        r"(?:ern|erly|ward|wards)?|(?:N|S|E|W|NE|NW|SE|SW)(?=\s+of\b))")
_NUM = (r"(?P<num>\d+(?:[.,]\d+)?|"
        + "|".join(row_pattern(r, lead=False) for r in _DISTANCE_ROWS if r.cls == "number") + ")")
_UNIT = r"(?P<unit>km|kms|kilomet(?:er|re)s?|miles?|mi|m|met(?:er|re)s?)\b\.?"
_APPROX = "(?:(?:" + "|".join(row_pattern(r, lead=False) for r in _DISTANCE_ROWS if r.cls == "approximately") + r")\s+)?"
_FILL = r"(?:(?:the|a)\s+)?(?:(?:settlement|village|town|city|hamlet|locality|urban-type\s+settlement)\s+of\s+)?"
# distance + bearing: "3 km north-east of", "about 4 kilometers westward from", "2 km to the south of"
_DIST_DIR = re.compile(
    _APPROX + _NUM + r"[\s-]*" + _UNIT + r"\s+(?:to\s+the\s+)?" + _DIR + r"\s+(?:of|from)\s+" + _FILL + r"$", _I)
# "north of", "the road west of", "south-east from"
_DIR_OF = re.compile(r"(?<![\w-])" + _DIR + r"\s+(?:of|from)\s+" + _FILL + r"$", _I)
# the part and outskirts rows of geo/rules/town_parts.jsonl, longest first
_TOWN_PARTS = {cls: tuple(sorted((r.phrase for r in lookup_rows("town_parts") if r.cls == cls), key=lambda w: (-len(w), w)))
               for cls in ("part", "outskirts")}
_PART_NOUNS = "(?:" + "|".join(map(re.escape, _TOWN_PARTS["part"])) + ")"
_OUTSKIRTS_NOUNS = "(?:" + "|".join(map(re.escape, _TOWN_PARTS["outskirts"])) + ")"
# "the northern part of", "in the western side of the city of"
_PART_BEFORE = re.compile(r"(?<![\w-])" + _DIR + r"\s+" + _PART_NOUNS + r"\s+of\s+" + _FILL + r"$", _I)
_OUTSKIRTS_BEFORE = re.compile(r"(?<![\w-])(?:" + _DIR + r"\s+)?" + _OUTSKIRTS_NOUNS + r"\s+of\s+"
                               + _FILL + r"$", _I)
# after the mention: "X's northern outskirts", "X's eastern districts"
_AFTER = re.compile(r"^['’]s?\s+" + _DIR + r"\s+(?P<noun>outskirts|" + _PART_NOUNS + r")\b", _I)
# "X (3 km north-east)": a distance in brackets right after the name, as bulletins write it
_AFTER_BRACKET = re.compile(r"^\s*\(\s*" + _APPROX + _NUM + r"[\s-]*" + _UNIT + r"\s+(?:to\s+the\s+)?" + _DIR
                            + r"(?:\s+of\s+it)?\s*\)", _I)


# The patterns before a mention end with "of" or "from" and then at most the fillers "the", "a",
# "settlement of": a window whose last word is none of these is not searched with them.
_LAST_WORDS_BEFORE = frozenset(("of", "from", "the", "a"))


def _may_relate_before(before: str) -> bool:
    last = before.rsplit(None, 1)[-1:] if before[-1:].isspace() else []
    return bool(last) and last[0].lower() in _LAST_WORDS_BEFORE and _may_name_side(before)


# Every match of the patterns before a mention holds a compass word, a side's abbreviation before
# "of", or an outskirts word: a window with none is not searched with them ("the city of X" is common).
_SIDE_STEMS = ("north", "south", "east", "west", *_TOWN_PARTS["outskirts"])
_SIDE_ABBREVIATION = re.compile(r"(?:N|S|E|W|NE|NW|SE|SW)\s+of\b", _I)


def _may_name_side(before: str) -> bool:
    """False when none of the patterns before a mention can match in ``before``."""
    if not before.isascii() and not FOLDS_TO_ASCII.isdisjoint(before):
        return True  # a letter the regexes read as ASCII: let them judge
    low = before.lower()
    return any(stem in low for stem in _SIDE_STEMS) or _SIDE_ABBREVIATION.search(before) is not None


# What the word before "of"/"from" ends with when it is a bearing (``_DIR``): a compass word with
# its endings, or a side's abbreviation.
_DIR_ENDINGS = tuple(w + e for w in ("north", "south", "east", "west") for e in ("", "ern", "erly", "ward", "wards"))
_DIR_ABBREVIATIONS = frozenset(("n", "s", "e", "w", "ne", "nw", "se", "sw"))
_FILL_ARTICLES = frozenset(("the", "a"))
_FILL_NOUNS = frozenset(("settlement", "village", "town", "city", "hamlet", "locality"))


def may_be_direction(sentence: str, start: int, end: int) -> bool:
    """False when :func:`find_relation` cannot give a ``"direction-of"`` relation for the mention.

    Such a relation is either written in brackets right after the name ("X (3 km north-east)"),
    or ends just before it with a bearing, "of" or "from", and the fillers of ``_FILL`` ("3 km
    north-east of the village of X"). Reading the last few words so costs far less than the
    regexes that look for the phrase; a window with a letter ``re`` reads as ASCII under
    IGNORECASE but ``str.lower`` does not ("ſ") is left to them.

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
    if not before.isascii() and not FOLDS_TO_ASCII.isdisjoint(before):
        return True
    words = before.lower().split()[-6:]
    # "of"/"from" stands before the filler, which is at most four words ("the urban-type settlement of")
    for i in range(len(words) - 1, 0, -1):
        if words[i] in ("of", "from") and _filler(words[i + 1:]):
            bearing = words[i - 1]
            if bearing.endswith(_DIR_ENDINGS) or _ends_in_abbreviation(bearing):
                return True
    return False


def _ends_in_abbreviation(word: str) -> bool:
    """Whether ``word`` (lowercased) ends in a side's abbreviation that stands alone, as ``_DIR`` has it
    after a space or where ``(?<![\\w-])`` lets it (")E of X")."""
    for size in (1, 2):
        if word[-size:] in _DIR_ABBREVIATIONS:
            prev = word[-size - 1:-size]
            if not prev or not (prev.isalnum() or prev in "_-"):
                return True
    return False


def _filler(words: list[str]) -> bool:
    """Whether ``words`` are one of the fillers of ``_FILL``: "[the|a] [<noun> of]" (or none)."""
    if words and words[0] in _FILL_ARTICLES:
        words = words[1:]
    if not words:
        return True
    if words[-1] != "of":
        return False
    noun = words[:-1]
    return (len(noun) == 1 and noun[0] in _FILL_NOUNS) or noun == ["urban-type", "settlement"]


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
    """The bearing, in degrees, of a direction word ("north-east", "westward", "southern", "NW").

    Examples
    --------
    >>> bearing_of("north-east"), bearing_of("Westward"), bearing_of("southern"), bearing_of("NW")
    (45.0, 270.0, 180.0, 315.0)
    >>> bearing_of("up") is None
    True
    """
    w = word.strip()
    if w.upper() in {k.upper() for k in _ABBREV} and (w.isupper() or len(w) == 1):
        w = _ABBREV[w.lower()]
    key = re.sub(r"[\s-]", "", w.casefold())
    key = re.sub(r"(?:ern|erly|wards|ward)$", "", key)
    for name, deg in _BEARINGS.items():
        if name.replace("-", "") == key:
            return deg
    return None


def _km(num: str, unit: str) -> float:
    n = num.casefold().replace(",", ".")
    value = float(_NUMBER_WORDS.get(n.split()[0], 0.5 if n.startswith("half") else 0)) if not n[0].isdigit() else float(n)
    u = unit.casefold().rstrip(".")
    if u in ("mile", "miles", "mi"):
        return value * 1.609344
    if u in ("m", "meter", "meters", "metre", "metres"):
        return value / 1000.0
    return value


def _made(kind: str, bearing: float | None, distance_km: float | None, m: re.Match[str], base: int) -> Relation:
    """A relation whose text is the match without its surrounding spaces, and whose span is that text's."""
    raw = m.group(0)
    lead = len(raw) - len(raw.lstrip())
    text = raw.strip()
    start = base + m.start() + lead
    return Relation(kind, bearing, distance_km, text, start, start + len(text))


_INSIDE_BEFORE = re.compile(r"\b(?:in|on|at|across|throughout|within)\s+the\s+$", _I)


def find_relation(sentence: str, start: int, end: int) -> Relation | None:
    """The relation the sentence puts between a claim and the place mentioned at ``sentence[start:end]``.

    Only the words right next to the mention count: "3 km north-east of X", "south of X", "the
    northern part of X", "on the outskirts of X" before it; "X's northern outskirts", "X (3 km
    north-east)" after it. "near X" and plain "in X" are not relations: the claim is at X.

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
    >>> find_relation("Russian troops captured Lyman.", 24, 29) is None
    True
    """
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"mention span {start}:{end} is not inside a sentence of {len(sentence)} characters")
    before = sentence[max(0, start - 120):start]
    offset = max(0, start - 120)
    after = sentence[end:end + 80]
    searched = _may_relate_before(before)

    m = _DIST_DIR.search(before) if searched else None
    if m and bearing_of(m["dir"]) is not None:
        return _made("direction-of", bearing_of(m["dir"]), _km(m["num"], m["unit"]), m, offset)
    m = _AFTER_BRACKET.match(after)
    if m and bearing_of(m["dir"]) is not None:
        return _made("direction-of", bearing_of(m["dir"]), _km(m["num"], m["unit"]), m, end)
    m = _OUTSKIRTS_BEFORE.search(before) if searched else None
    if m:
        b = bearing_of(m["dir"]) if m["dir"] else None
        return _made("outskirts", b, None, m, offset)
    m = _PART_BEFORE.search(before) if searched else None
    if m and bearing_of(m["dir"]) is not None:
        return _made("part", bearing_of(m["dir"]), None, m, offset)
    m = _AFTER.match(after)
    if m and bearing_of(m["dir"]) is not None:
        kind = "outskirts" if m["noun"].casefold() == "outskirts" else "part"
        return _made(kind, bearing_of(m["dir"]), None, m, end)
    m = _DIR_OF.search(before) if searched else None
    if m and bearing_of(m["dir"]) is not None and not m["dir"].casefold().endswith("ern"):
        if _INSIDE_BEFORE.search(before, 0, m.start()):
            # "in the north of X" is the north of X itself
            return _made("part", bearing_of(m["dir"]), None, m, offset)
        return _made("direction-of", bearing_of(m["dir"]), None, m, offset)
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
