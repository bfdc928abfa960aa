"""Read and write geographic coordinates as they appear in frontline reports.

Reads every notation real reports and gazetteer pages use, in running text, each pair with its span and exact text:

- degrees, minutes, seconds with any of ``° º ˚``, ``′ ' ’ ʹ``, ``″ " ” '' ʺ``, with or without spaces (also inside:
  ``48 ° 05'12 '' N``), seconds optional, decimal seconds with a point or a comma (``20,5″``, or after the symbol,
  French usage: ``32",7``), a degree word instead of the sign (deg, derece, Grad, градусов…);
- degrees and decimal minutes (``47°54.33′ N``, GPS style ``52N04.159``), decimal degrees (``47.9056, 36.2494``,
  ``47.9056° N 36.2494° E``, decimal commas ``47,9056° N`` or ``37,764751 38,278561``), negative values,
  space-separated DMS with hemisphere letters (``47 54 20 N 36 14 58 E``, ``N 52 21'41.09"``);
- hemisphere letters and words before or after the value, labels and joiners, in English, German (``O`` = Ost),
  French, Dutch, Polish, Turkish (K/G/D/B), Russian, Ukrainian and Czech, read from
  ``geo/data/coordinate_words.tsv`` (:mod:`geo.coordinate_words`); a word with two meanings by language ("O": East in
  German and Dutch, West in French, Spanish, Italian, Portuguese) is read by the language of the words around it, or
  rejected as ambiguous; a single capital letter counts only as part of a coordinate, glued to a following
  capitalised word as scraped tables join cells (``37° 49′ OKoordinaten``);
- table cells (``| 48.3023 | 37.2587 |``), values on lines under each other, map links (Google Maps ``?q=``, ``/@``;
  OpenStreetMap ``#map=z/lat/lon``, ``?mlat=&mlon=``; ``geo:`` URIs);
- MGRS (``37U DQ 12345 67890``, ``37UDQ1234567890``) through the :mod:`mgrs` package, UTM (``37U 412345 5345678``,
  ``37U 412345mE 5345678mN``) through :mod:`pyproj`.

Nothing impossible is ever returned as a number: 95° N, 36°61′, seconds of 60 or more, longitudes beyond 180°,
hemisphere letters that contradict each other, a minus sign together with a hemisphere letter, an ambiguous hemisphere
word, atlas notation that may be degrees.minutes (``51.55 N 4.30 E``), are rejected with a
:class:`~frontmap.errors.CoordinateError` that says what is wrong (:func:`parse_coordinate` raises it,
:func:`find_coordinate_problems` lists it). Latitude comes first unless the hemisphere letters or labels say otherwise.

Precision
---------
``Coordinate.uncertainty_m`` is half the last written unit, measured along a meridian (1° = 111 120 m, so
1′ = 1 852 m and 1″ ≈ 30.9 m): whole seconds ≈ 15 m, whole minutes 926 m, 0.01° ≈ 556 m. It is not reduced for
the shorter longitude degree, so it is an upper bound. An MGRS reference names a square cell; the point returned is
the cell's *centre* and the uncertainty is *half the cell side*: 10 digits 0.5 m, 8 digits 5 m, 6 digits 50 m,
4 digits 500 m, 2 digits 5 km.

Running text
------------
:func:`find_coordinates` only reads pairs that look like coordinates: at least one value with a hemisphere letter or a
label, or with minutes, or both values decimal with at least two decimals (with a degree sign) or three (plain numbers,
which must also not stand in a longer list of numbers). A plain decimal only pairs with another plain decimal. So
"about 160 residents", "2025-11-20", "06:17:45", "36th", "C041428", "19%", "1.5, 2.5 km", "north 48.5 km" are not
coordinates. Plain decimals with a comma for the decimal point (``47,9056``) are read with a degree sign or hemisphere,
or as two of four decimals or more separated by a space ("37,764751 38,278561", not "47,9056, 36,2494"); two plain
decimals in adjacent table cells need four decimals each. Words and letters that say a hemisphere count only inside a
coordinate: "O" or "E" alone is a word, "48° N, 37° O" a coordinate.

Examples
--------
>>> from geo.coordinates import find_coordinates, parse_coordinate, format_coordinate
>>> c = parse_coordinate("47°54′20″ N, 36°14′58″ E")
>>> round(c.lat, 5), round(c.lon, 5), c.format.value, round(c.uncertainty_m, 1)
(47.90556, 36.24944, 'dms', 15.4)
>>> text = "the settlement of Otradnoe (47°54′20″ N, 36°14′58″ E, about 160 residents)"
>>> [(c.text, c.start, c.end) for c in find_coordinates(text)]
[('47°54′20″ N, 36°14′58″ E', 28, 52)]
>>> parse_coordinate("95° N, 36° E")
Traceback (most recent call last):
...
frontmap.errors.CoordinateError: '95° N, 36° E': latitude 95° is beyond 90°
>>> format_coordinate((47.90556, 36.24944), "dm")
'47°54.334′ N, 36°14.966′ E'
"""

from __future__ import annotations

import math
import re
import warnings
from dataclasses import dataclass, replace
from functools import lru_cache

import mgrs as _mgrs
from pyproj import Transformer

from frontmap.errors import CoordinateError, CoordinateWordsError
from geo.coordinate_words import CoordinateWord, fold_word, load_coordinate_words, meanings, word_pattern
from geo.model import Coordinate, CoordinateFormat

__all__ = [
    "parse_coordinate",
    "find_coordinates",
    "find_coordinate_problems",
    "read_coordinates",
    "format_coordinate",
    "remove_coordinates",
    "METRES_PER_DEGREE",
]

#: Length of one degree of latitude used for ``uncertainty_m`` (1′ = 1 852 m, one nautical mile).
METRES_PER_DEGREE = 111_120.0

# --------------------------------------------------------------------------------------------------------------------
# Patterns (compiled once, the words from geo/data/coordinate_words.tsv)

_WORDS = load_coordinate_words()
_HEM_MEANINGS = meanings(_WORDS, "hemisphere")
_LABEL_MEANINGS = meanings(_WORDS, "label")
#: the language each word of the file belongs to, for telling which language a coordinate is written in
_WORD_LANGUAGES: dict[str, set[str]] = {}
for _w in _WORDS:
    _WORD_LANGUAGES.setdefault(fold_word(_w.word), set()).add(_w.language)
_SIGNS = {"N": ("lat", 1), "S": ("lat", -1), "E": ("lon", 1), "W": ("lon", -1)}

_SP = r"[ \t\u00a0\u2009\u202f]"  # one space, including no-break and thin spaces
_DEGREE_WORDS = sorted((w.word.strip() for w in _WORDS if w.kind == "degree"), key=lambda w: (-len(w), w))
_DEG = r"(?:°|º|˚|⁰|" + _SP + r"?(?:" + "|".join(word_pattern(w) for w in _DEGREE_WORDS) + r")" + r"(?![^\W\d_]))"
_MIN = r"(?:′(?!′)|'(?!')|’(?!’)|‘(?!‘)|´|`|ʹ)"
_SEC = r"(?:″|\"|”|“|''|′′|’’|‘‘|ʺ|〃)"
_NOLETTER = r"(?![^\W\d_])"  # not followed by a letter
# a capital letter glued to the next capitalised word, as scraped pages join table cells ("37° 49′ OKoordinaten")
_LETTER_END = r"(?:" + _NOLETTER + r"|(?=[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]))"
_LETTERS = sorted({fold_word(w.word) for w in _WORDS if w.kind == "hemisphere" and len(fold_word(w.word)) == 1
                   and w.word.strip().isupper()})


def _alternation(kind: str, where: tuple[str, ...]) -> str:
    rows = {w.word.strip(): w for w in _WORDS if w.kind == kind and w.where in where}
    words = sorted(rows, key=lambda word: (-len(word), word))  # longest first: "OL" before "O"
    parts = [word_pattern(word) + (_LETTER_END if len(word) == 1 else _NOLETTER) for word in words]
    return r"(?:" + "|".join(parts) + r")"


_HEM = _alternation("hemisphere", ("after", "both"))  # after the value
_HEM_BEFORE = _alternation("hemisphere", ("before", "both"))
_HEM_AHEAD = r"(?=" + _SP + r"?" + _HEM + r")"
_LABEL = _alternation("label", ("before",))
_JOINER = _alternation("joiner", ("between",))
_FIRST = "".join(sorted({ch for w in _WORDS if w.kind in ("hemisphere", "label") and w.where != "after"
                         for ch in (w.word.strip()[0], w.word.strip()[0].swapcase()) if ch not in "]\\^-"}))
_N3 = r"[0-9]{1,3}(?:[.,][0-9]+)?"
_N2 = r"[0-9]{1,2}(?:[.,][0-9]+)?"
_UNIT_AFTER = r"(?!" + _SP + r"?(?:km|m|mi|miles?|nm|км|м|%)(?![^\W\d_]))"  # "48.5 km": a distance, not a value

_VALUE = re.compile(
    # a cheap first-character test, so that most positions of a long text are skipped at once
    r"(?=[0-9+\-−" + _FIRST + r"])"
    # not inside a word or number; but N36°… after 47°…″N, and degrees glued to a label ("Coordinate48°20′")
    r"(?:(?<![\w.\-−+])|(?<=[0-9″\"”'’′°º˚][" + "".join(_LETTERS) + r"])"
    r"|(?<=[^\W\d_])(?=[0-9]{1,3}(?:°|º|˚)[0-9]{1,2}(?:′|'|’)))"
    r"(?:(?P<preh>" + _HEM_BEFORE + r")\.?" + _SP + r"{0,2}"
    r"|(?P<lab>" + _LABEL + r")\.?" + _SP + r"*[:=]?" + _SP + r"*)?"
    r"(?P<sign>[-−+])?"
    r"(?:"
    # degrees with a symbol, then optional minutes and seconds (their symbol may be left out before a hemisphere);
    # decimals of the seconds may follow their symbol (32″,7: French usage)
    r"(?P<d>" + _N3 + r")" + _SP + r"?" + _DEG
    + r"(?:" + _SP + r"?(?P<m>" + _N2 + r")" + _SP + r"?(?:" + _MIN + r"|" + _HEM_AHEAD + r")"
    r"(?:" + _SP + r"?(?P<s>" + _N2 + r")" + _SP + r"?(?:" + _SEC + r"(?:[.,](?P<sf>[0-9]+))?|" + _HEM_AHEAD
    + r"))?)?"
    # space- or colon-separated degrees minutes [seconds], the minute and second symbols optional: only with a
    # hemisphere ("47 54 20 N", "N 52 21'41.09\"")
    r"|(?P<sd>[0-9]{1,3})(?:" + _SP + r"{1,2}|:)(?P<sm>" + _N2 + r")"
    r"(?:(?:" + _SP + r"?" + _MIN + _SP + r"?|" + _SP + r"{1,2}|:)(?P<ss>" + _N2 + r")(?:" + _SP + r"?" + _SEC
    + r")?|" + _SP + r"?" + _MIN + r")?(?![0-9])(?(preh)|" + _HEM_AHEAD + r")"
    # whole degrees with the hemisphere letter glued on, and decimal minutes after it (GPS style: 52N04.159)
    r"|(?P<gd>[0-9]{1,3})(?P<gh>[NSEW])(?P<gm>[0-9]{1,2}(?:\.[0-9]+)?(?![0-9])(?!" + _SP + r"?[NSEW]" + _NOLETTER
    + r"))?(?![^\W\d_])(?(preh)(?!))"
    # decimal degrees (a decimal comma before a degree sign or hemisphere, or with four decimals or more)
    r"|(?P<dd>[0-9]{1,3}(?:\.[0-9]+|,[0-9]+(?=" + _SP + r"?(?:" + _DEG + r"|" + _HEM + r"))|,[0-9]{4,}))"
    r"(?![0-9])(?!\.[0-9])(?P<ddeg>" + _SP + r"?" + _DEG + r")?"
    # whole degrees after a hemisphere letter ("N52 E21")
    r"|(?(preh)(?:(?<=[NSEW])|(?<=[NSEW]" + _SP + r"))(?P<pd>[0-9]{1,3})(?![0-9])(?![.,][0-9])|(?!))"
    r")"
    r"(?(preh)|(?(gh)|(?:" + _SP + r"?(?P<suf>" + _HEM + r"))?))"
    + _UNIT_AFTER + r"(?:" + _NOLETTER + r"|(?<=[″\"”'’′°º˚ʺ])|(?<=[" + "".join(_LETTERS) + r"])" + _LETTER_END + r")"
)

_SEPARATOR = re.compile(r"\s{0,3}(?:[,;/&]\s{0,3}|\s" + _JOINER + r"\s{1,2})?")
# looser, only between two values whose hemisphere words say which is which ("N. 24°", "7N - 6°", "| 37°")
_LOOSE_SEPARATOR = re.compile(r"\s{0,3}(?:[.]?\s{0,3}[-–—|]?|[-–—|])\s{0,3}")
# a table's cells: two plain decimals of four decimals or more in adjacent cells ("| 48.3023 | 37.2587 |")
_CELL_SEPARATOR = re.compile(r"[ \t]{0,3}(?:\|[ \t]{0,3}|\t[ \t]{0,3})")
# spaces before the separator are not tabs (a tab may be the separator): no two ways through a run of tabs
_IN_LIST_AFTER = re.compile(r"[^\S\t]*[,;/|\t]\s*[-−+]?[0-9]+(?:[.,][0-9]+)?(?!\w)")
_IN_LIST_BEFORE = re.compile(r"[0-9]\s*[,;/|\t]\s*$")

_MGRS = re.compile(
    r"(?=[0-9])(?<![\w.])(?P<zone>[0-9]{1,2})(?P<band>[C-HJ-NP-X])"
    r"" + _SP + r"?(?P<sq>[A-HJ-NP-Z][A-HJ-NP-V])" + _SP + r"?"
    r"(?P<digits>[0-9]{1,5}" + _SP + r"[0-9]{1,5}|[0-9]{1,10})(?!\w)(?![.,][0-9])"
)
# UTM: zone and band, easting (6 digits) and northing (7 digits) in metres ("37U 412345 5345678", "37U 412345mE
# 5345678mN", "37U E 412345 N 5345678")
_UTM = re.compile(
    r"(?=[0-9])(?<![\w.])(?P<zone>[0-9]{1,2})(?P<band>[C-HJ-NP-X])" + _SP + r"{1,2}(?:E" + _SP + r"?)?"
    r"(?P<e>[0-9]{6})(?:\.[0-9]+)?" + _SP + r"?(?:m" + _SP + r"?E|E)?,?" + _SP + r"{1,2}(?:N" + _SP + r"?)?"
    r"(?P<n>[0-9]{7})(?:\.[0-9]+)?" + _SP + r"?(?:m" + _SP + r"?N|N)?(?![\w])(?![.,][0-9])"
)
_LAT = r"[-−]?[0-9]{1,2}(?:\.[0-9]+)?"
_LON = r"[-−]?[0-9]{1,3}(?:\.[0-9]+)?"
_COMMA = r"(?:,|%2[Cc])" + _SP + r"?"
# map links: Google Maps (?q=, &ll=, /@lat,lon,zoom), OpenStreetMap (#map=zoom/lat/lon, ?mlat=&mlon=), geo: URIs
_MAP_LINK = re.compile(
    r"(?:google\.[a-z.]{2,6}/maps|goo\.gl/maps|maps\.google\.[a-z.]{2,6})[^\s<>\"]*?"
    r"(?:[?&](?:q|ll|query|center|daddr|destination|sll)=(?:loc:)?(?P<q>" + _LAT + _COMMA + _LON + r")"
    r"|/@(?P<at>" + _LAT + _COMMA + _LON + r")(?=,[0-9.]+[zm]|[/?]|$|\s))(?![0-9])"
    r"|openstreetmap\.org/[^\s<>\"]*?(?:#map=[0-9]{1,2}/(?P<osm>" + _LAT + r"/" + _LON + r")"
    r"|[?&]mlat=(?P<mlat>" + _LAT + r")&(?:amp;)?mlon=(?P<mlon>" + _LON + r"))(?![0-9])"
    r"|(?<![\w])geo:(?P<geo>" + _LAT + _COMMA + _LON + r")(?![0-9])"
)
# Every number form of _VALUE holds a digit followed by a decimal point or comma and a digit, by
# a degree sign, by a space or colon and a digit ("47 58 N"), or by a hemisphere letter glued on
# ("50N20E"), or a digit follows a hemisphere letter ("N52 E21"); every _MGRS grid a digit followed by its band letter. A text without any of these
# holds no coordinate: most reports are read once with this pattern, not with the patterns above.
_MAY_HOLD = re.compile(
    r"[NSEW]" + _SP + r"?[0-9]|[0-9](?:[.,:][0-9]|" + _SP + r"{1,2}[0-9]|" + _SP + r"{0,2}(?:°|º|˚|⁰|"
    + "|".join(sorted({word_pattern(w[:3]) for w in _DEGREE_WORDS})) + r")|[C-HJ-NP-X])"
)
_WINDOW = 120  # every value and grid holds a spot _MAY_HOLD finds and is shorter than this on either side of it
_MGRS_CONVERTER = _mgrs.MGRS()
_BANDS = "CDEFGHJKLMNPQRSTUVWX"

_BRACKETS = {"(": ")", "[": "]", "{": "}"}


def _hemisphere(written: str) -> dict[str, tuple[str, ...]]:
    """The meanings (N S E W) of a written hemisphere word, each with the languages that give it."""
    return _HEM_MEANINGS[fold_word(written)]


def _label_role(written: str) -> tuple[str, bool]:
    """The role a label gives its value, and whether the label names both (``lat/lon``)."""
    meaning = next(iter(_LABEL_MEANINGS[fold_word(written)]))
    if meaning in ("latlon", "lonlat"):
        return meaning[:3], True
    return meaning, False


_LANGUAGE_WINDOW = 160  # characters before a coordinate read for the words that tell its language


def _languages_near(text: str, start: int, end: int) -> set[str]:
    """Languages of the words of the coordinate file written in and just before a coordinate (on its line)."""
    begin = max(0, start - _LANGUAGE_WINDOW)
    line = text.rfind("\n\n", begin, start)
    window = text[line + 1 if line >= 0 else begin : end]
    found: set[str] = set()
    for match in re.finditer(r"[^\W\d_]+(?:[ .]{1,2}[^\W\d_]+){0,3}", window):
        words = match.group().split()
        for i in range(len(words)):
            for j in range(i + 1, min(len(words), i + 4) + 1):
                langs = _WORD_LANGUAGES.get(fold_word(" ".join(words[i:j])))
                if langs and len(langs) == 1:
                    found |= langs
    return found


# --------------------------------------------------------------------------------------------------------------------
# One value (a latitude or a longitude as written)


@dataclass(frozen=True, slots=True)
class _Value:
    start: int
    end: int
    degrees: float  # absolute value
    sign: int  # from the minus sign and the hemisphere together
    role: str | None  # "lat", "lon" or None when the text does not say
    fmt: CoordinateFormat
    unit_deg: float  # the last written unit, in degrees
    marked: bool  # has a hemisphere letter or a label
    symbol: bool  # has a degree sign
    minutes: bool  # has minutes (DM or DMS)
    decimals: int
    problem: str | None
    names_both: bool = False  # a "lat/lon" or "lon/lat" label that also names the next value
    comma: bool = False  # a plain decimal with a decimal comma (47,9056)
    hemisphere: bool = False  # has a hemisphere word (not only a label)

    @property
    def bare(self) -> bool:
        """A plain decimal number: no degree sign, no hemisphere, no label."""
        return not (self.marked or self.symbol or self.minutes)


def _number(written: str) -> tuple[float, int, bool]:
    """Value, decimals, and whether it has a decimal separator."""
    for sep in ".,":
        if sep in written:
            return float(written.replace(",", ".")), len(written.split(sep, 1)[1]), True
    return float(written), 0, False


def _sign_of(text: str, match: re.Match[str], hem: str) -> tuple[str, int, str | None]:
    """Role, sign and problem a hemisphere word gives; a word with two meanings (O: East in German and Dutch, West
    in French, Spanish, Italian, Portuguese) is read by the language the words around the coordinate are in."""
    found = _hemisphere(hem)
    if len(found) == 1:
        (meaning,) = found
        return (*_SIGNS[meaning], None)
    near = _languages_near(text, match.start(), match.end() + 80)
    fitting = [m for m, langs in found.items() if near & set(langs)]
    if len(fitting) == 1:
        return (*_SIGNS[fitting[0]], None)
    role = _SIGNS[next(iter(found))][0]
    said = "; ".join(f"{m} in {', '.join(langs)}" for m, langs in sorted(found.items()))
    return role, 1, f"hemisphere {hem.strip()!r} is ambiguous ({said}) and the text around does not say which language it is"


def _value(text: str, match: re.Match[str]) -> _Value:
    g = match.group
    role: str | None = None
    sign = -1 if g("sign") in ("-", "−") else 1
    hem = g("preh") or g("suf") or g("gh")
    problem = None
    label_pair = False
    if hem:
        role, hem_sign, problem = _sign_of(text, match, hem)
        if sign < 0:
            problem = problem or f"both a minus sign and a hemisphere ({hem.strip()})"
        sign = hem_sign if sign > 0 else sign
    if g("lab"):
        label_role, label_pair = _label_role(g("lab"))
        if hem and label_role != role and not label_pair:
            problem = problem or f"label {g('lab')!r} contradicts hemisphere {hem.strip()!r}"
        role = role or label_role
    if g("d") is not None:
        parts = [p for p in (g("d"), g("m"), g("s")) if p is not None]
        if g("sf"):
            parts[-1] = f"{parts[-1]}.{g('sf')}"
    elif g("sd") is not None:
        parts = [p for p in (g("sd"), g("sm"), g("ss")) if p is not None]
    elif g("gd") is not None:
        parts = [p for p in (g("gd"), g("gm")) if p is not None]
    elif g("pd") is not None:
        parts = [g("pd")]
    else:
        parts = [g("dd")]
    numbers = [_number(p) for p in parts]
    for (value, _, decimal), name in zip(numbers[:-1], ("degrees", "minutes")):
        if decimal:
            problem = problem or f"only the last unit may have decimals, not the {name} ({value:g})"
    for (value, _, _), name in zip(numbers[1:], ("minutes", "seconds")):
        if value >= 60:
            problem = problem or f"{name} {value:g} must be below 60"
    degrees = sum(value / 60**i for i, (value, _, _) in enumerate(numbers))
    decimals = numbers[-1][1]
    fmt = (CoordinateFormat.DD, CoordinateFormat.DM, CoordinateFormat.DMS)[len(numbers) - 1]
    return _Value(
        start=match.start(),
        end=match.end(),
        degrees=degrees,
        sign=sign,
        role=role,
        fmt=fmt,
        unit_deg=10.0**-decimals / 60 ** (len(numbers) - 1),
        marked=bool(hem or g("lab")),
        symbol=g("d") is not None or g("ddeg") is not None,
        minutes=len(numbers) > 1,
        decimals=decimals,
        problem=problem,
        names_both=label_pair,
        comma=g("dd") is not None and "," in g("dd") and g("ddeg") is None and not hem,
        hemisphere=bool(hem),
    )


def _evident(v: _Value, strict: bool) -> bool:
    """Whether a value, on its own, looks enough like a coordinate."""
    if v.marked or v.minutes:
        return True
    if strict:
        return v.symbol or v.decimals >= 1
    return v.decimals >= (2 if v.symbol else 3)


def _fail(text: str, start: int, end: int, reason: str) -> CoordinateError:
    error = CoordinateError(f"{text[start:end]!r}: {reason}")
    error.reason = reason  # type: ignore[attr-defined]
    error.start = start  # type: ignore[attr-defined]
    error.end = end  # type: ignore[attr-defined]
    error.text = text[start:end]  # type: ignore[attr-defined]
    return error


def _written(v: _Value) -> str:
    return f"{v.degrees:.9f}".rstrip("0").rstrip(".") + "°"


def _mark(separator: str) -> str:
    """The punctuation that separates (",", ";", "/", "|", a tab), or "" for spaces only."""
    found = re.search(r"[,;/|\t]", separator)
    return found.group() if found else ""


def _pair(text: str, a: _Value, b: _Value, strict: bool) -> Coordinate | CoordinateError | None:
    """Read two adjacent values as one pair; None when they do not look like a coordinate pair."""
    start, end = a.start, b.end
    if a.names_both and b.role is None:
        b = replace(b, role="lat" if a.role == "lon" else "lon", marked=True)
    if a.bare != b.bare or not (_evident(a, strict) and _evident(b, strict)):
        return None
    if not strict and a.bare:
        # a pair inside a longer list of numbers is not read ("scores 47.905, 36.249, 12.111"); a list of pairs,
        # whose pairs are set apart by another mark than the one inside them, is ("48.5123, 37.9456; 48.6012, …")
        own = _mark(text[a.end : b.start])
        after = _IN_LIST_AFTER.match(text, end)
        before = _IN_LIST_BEFORE.search(text, max(0, start - 12), start)
        if (after and _mark(after.group()) == own) or (before and _mark(before.group()[1:]) == own):
            return None
    for v in (a, b):
        if v.problem:
            return _fail(text, start, end, v.problem)
    if a.role is not None and a.role == b.role:
        what = "latitudes" if a.role == "lat" else "longitudes"
        reason = f"both values are {what}: the hemisphere letters or labels contradict each other"
        return _fail(text, start, end, reason)
    lat, lon = (b, a) if (a.role == "lon" or b.role == "lat") else (a, b)
    if all(v.fmt is CoordinateFormat.DD and not v.symbol and v.hemisphere and v.decimals == 2
           and round(v.degrees % 1 * 100) < 60 for v in (a, b)):
        reason = (f"ambiguous: {text[a.start:a.end].strip()} may be {_written(a)} or {int(a.degrees)}°"
                  f"{round(a.degrees % 1 * 100):02d}′ (atlas notation, degrees.minutes); a degree sign or more "
                  "decimals would tell")
        return _fail(text, start, end, reason)
    if lat.degrees > 90:
        return _fail(text, start, end, f"latitude {_written(lat)} is beyond 90°")
    if lon.degrees > 180:
        return _fail(text, start, end, f"longitude {_written(lon)} is beyond 180°")
    coarse = max((a, b), key=lambda v: v.unit_deg)
    return Coordinate(
        lat=lat.sign * lat.degrees + 0.0,
        lon=lon.sign * lon.degrees + 0.0,
        format=coarse.fmt,
        uncertainty_m=coarse.unit_deg * METRES_PER_DEGREE / 2,
        start=start,
        end=end,
        text=text[start:end],
    )


def _lone_problem(text: str, v: _Value) -> CoordinateError | None:
    """A single value that cannot be right, when it clearly is meant as a coordinate (has ° or minutes)."""
    if not (v.symbol or v.minutes):
        return None
    if v.problem:
        return _fail(text, v.start, v.end, v.problem)
    if v.role == "lat" and v.degrees > 90:
        return _fail(text, v.start, v.end, f"latitude {_written(v)} is beyond 90°")
    if v.degrees > 180:
        return _fail(text, v.start, v.end, f"longitude {_written(v)} is beyond 180°")
    return None


# --------------------------------------------------------------------------------------------------------------------
# MGRS


def _read_mgrs(text: str, match: re.Match[str]) -> Coordinate | CoordinateError:
    start, end = match.span()
    zone, band, square = int(match["zone"]), match["band"], match["sq"]
    digits = match["digits"]
    halves = digits.split()
    if len(halves) == 2:
        if len(halves[0]) != len(halves[1]):
            return _fail(text, start, end, "MGRS easting and northing must have the same number of digits")
        easting, northing = halves
    else:
        if len(digits) % 2:
            return _fail(text, start, end, f"MGRS needs an even number of digits, not {len(digits)}")
        easting, northing = digits[: len(digits) // 2], digits[len(digits) // 2 :]
    if not 1 <= zone <= 60:
        return _fail(text, start, end, f"MGRS zone {zone} is not between 1 and 60")
    cell = 10.0 ** (5 - len(easting))
    reference = f"{zone:02d}{band}{square}{easting}{northing}"
    try:
        with warnings.catch_warnings():  # mgrs warns (and we check) when the point is outside the band
            warnings.simplefilter("ignore", RuntimeWarning)
            lat, lon = _MGRS_CONVERTER.toLatLon(reference)  # the centre of the written cell
    except Exception:  # mgrs raises its own MGRSError for letters that do not exist in the zone
        return _fail(text, start, end, f"MGRS square {square} does not exist in zone {zone}{band}")
    south = -80 + 8 * _BANDS.index(band)
    north = 84 if band == "X" else south + 8
    slack = cell / METRES_PER_DEGREE + 1e-6
    if not south - slack <= lat <= north + slack:
        return _fail(text, start, end, f"MGRS point at latitude {lat:.3f}° is outside band {band} ({south}°…{north}°)")
    return Coordinate(
        lat=float(lat),
        lon=float(lon),
        format=CoordinateFormat.MGRS,
        uncertainty_m=cell / 2,
        start=start,
        end=end,
        text=text[start:end],
    )


@lru_cache(maxsize=120)
def _utm_to_lonlat(epsg: int) -> Transformer:
    return Transformer.from_crs(f"EPSG:{epsg}", "EPSG:4326", always_xy=True)


def _read_utm(text: str, match: re.Match[str]) -> Coordinate | CoordinateError:
    start, end = match.span()
    zone, band = int(match["zone"]), match["band"]
    easting, northing = int(match["e"]), int(match["n"])
    if not 1 <= zone <= 60:
        return _fail(text, start, end, f"UTM zone {zone} is not between 1 and 60")
    if not 100_000 <= easting <= 900_000:
        return _fail(text, start, end, f"UTM easting {easting} m is outside a zone (100 000 to 900 000 m)")
    north = band >= "N"
    lon, lat = _utm_to_lonlat((32600 if north else 32700) + zone).transform(easting, northing)
    south_edge = -80 + 8 * _BANDS.index(band)
    north_edge = 84 if band == "X" else south_edge + 8
    if not (math.isfinite(lat) and south_edge - 0.01 <= lat <= north_edge + 0.01):
        return _fail(text, start, end, f"UTM point at latitude {lat:.3f}° is outside band {band} "
                                       f"({south_edge}°…{north_edge}°)")
    return Coordinate(lat=float(lat), lon=float(lon), format=CoordinateFormat.UTM, uncertainty_m=0.5,
                      start=start, end=end, text=text[start:end])


# --------------------------------------------------------------------------------------------------------------------
# Public API


def _joined(text: str, a: _Value, b: _Value) -> bool:
    """Whether what stands between two values joins them into a pair."""
    if _SEPARATOR.fullmatch(text, a.end, b.start):
        if (a.comma or b.comma) and "," in text[a.end : b.start]:
            return False  # "47,9056, 36,2494": the comma that separates is also a decimal comma: not read
        return True
    if a.bare and b.bare:
        return a.decimals >= 4 and b.decimals >= 4 and _CELL_SEPARATOR.fullmatch(text, a.end, b.start) is not None
    return a.hemisphere and b.hemisphere and _LOOSE_SEPARATOR.fullmatch(text, a.end, b.start) is not None


def _read_map_link(text: str, match: re.Match[str]) -> Coordinate | CoordinateError:
    name = next(n for n in ("q", "at", "osm", "geo", "mlat") if match.group(n) is not None)
    if name == "mlat":
        start, end = match.start("mlat"), match.end("mlon")
        lat_s, lon_s = match.group("mlat"), match.group("mlon")
    else:
        start, end = match.span(name)
        lat_s, lon_s = re.split(r"/|,|%2[Cc]", match.group(name), maxsplit=1)
    lat, lon = (float(x.strip().replace("−", "-")) for x in (lat_s, lon_s))
    if abs(lat) > 90:
        return _fail(text, start, end, f"latitude {lat:g}° in the map link is beyond 90°")
    if abs(lon) > 180:
        return _fail(text, start, end, f"longitude {lon:g}° in the map link is beyond 180°")
    decimals = min(len(x.split(".", 1)[1]) if "." in x else 0 for x in (lat_s, lon_s))
    return Coordinate(lat=lat + 0.0, lon=lon + 0.0, format=CoordinateFormat.DD,
                      uncertainty_m=10.0**-decimals * METRES_PER_DEGREE / 2, start=start, end=end,
                      text=text[start:end])


def _windows(text: str) -> list[tuple[int, int]]:
    """The stretches of text around the spots _MAY_HOLD finds, merged: the only places a value or grid can be."""
    out: list[tuple[int, int]] = []
    for m in _MAY_HOLD.finditer(text):
        s, e = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _scan(text: str) -> list[Coordinate | CoordinateError]:
    windows = _windows(text)
    if not windows:
        return []
    found: list[Coordinate | CoordinateError] = []
    matches: list[re.Match[str]] = []
    for s, e in windows:
        found += [_read_mgrs(text, m) for m in _MGRS.finditer(text, s, e)]
        found += [_read_utm(text, m) for m in _UTM.finditer(text, s, e)]
        matches += _VALUE.finditer(text, s, e)
    if "google." in text or "openstreetmap." in text or "goo.gl" in text or "geo:" in text:
        links = list(_MAP_LINK.finditer(text))
        found += [_read_map_link(text, m) for m in links]
        spans = [m.span() for m in links]
        matches = [m for m in matches if not any(s <= m.start() < e for s, e in spans)]
    values = [_value(text, m) for m in matches]
    i = 0
    while i < len(values):
        a = values[i]
        if i + 1 < len(values):
            b = values[i + 1]
            if _joined(text, a, b):
                result = _pair(text, a, b, strict=False)
                if result is not None:
                    found.append(result)
                    if isinstance(result, Coordinate) or not (a.role and a.role == b.role):
                        i += 2
                        continue
                    i += 1  # contradicting letters: b may still start the next pair
                    continue
        lone = _lone_problem(text, a)
        if lone is not None:
            found.append(lone)
        i += 1
    found.sort(key=lambda r: r.start)  # type: ignore[union-attr]
    return found


def find_coordinates(text: str) -> list[Coordinate]:
    """Find every valid coordinate pair in running text.

    Parameters
    ----------
    text : str
        Any text: a report, a post, a page.

    Returns
    -------
    list of Coordinate
        In text order, each with ``start``/``end`` offsets into ``text`` and the pair exactly as written. Pairs that
        look like coordinates but cannot be right are left out; :func:`find_coordinate_problems` lists them.

    Examples
    --------
    >>> text = "Tikhoe (47°58′03″ N, 36°22′06″ E, about 120 residents), seen 2025-11-20 at 06:17:45"
    >>> [(round(c.lat, 4), round(c.lon, 4), c.text) for c in find_coordinates(text)]
    [(47.9675, 36.3683, '47°58′03″ N, 36°22′06″ E')]
    >>> [c.text for c in find_coordinates("grid 37U DQ 12345 67890, pin at 47.9056, 36.2494.")]
    ['37U DQ 12345 67890', '47.9056, 36.2494']
    """
    return [r for r in _scan(text) if isinstance(r, Coordinate)]


def find_coordinate_problems(text: str) -> list[CoordinateError]:
    """Find what looks like coordinates in running text but cannot be right.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of CoordinateError
        In text order. Each error's message says what is wrong; it also carries ``reason``, ``start``, ``end`` and
        ``text`` attributes.

    Examples
    --------
    >>> [str(e) for e in find_coordinate_problems("held 48°61′ N, 36°10′ E and 95.5° N, 36.25° E")]
    ["'48°61′ N, 36°10′ E': minutes 61 must be below 60", "'95.5° N, 36.25° E': latitude 95.5° is beyond 90°"]
    """
    return [r for r in _scan(text) if isinstance(r, CoordinateError)]


def read_coordinates(text: str) -> tuple[list[Coordinate], list[CoordinateError]]:
    """:func:`find_coordinates` and :func:`find_coordinate_problems` in one pass over the text.

    Examples
    --------
    >>> found, problems = read_coordinates("at 47.9056, 36.2494 and 95° N, 36° E")
    >>> [c.text for c in found], [p.reason for p in problems]
    (['47.9056, 36.2494'], ['latitude 95° is beyond 90°'])
    """
    results = _scan(text)
    return ([r for r in results if isinstance(r, Coordinate)],
            [r for r in results if isinstance(r, CoordinateError)])


def parse_coordinate(text: str) -> Coordinate:
    """Read a string that is exactly one coordinate pair (optionally in brackets).

    Parameters
    ----------
    text : str
        One pair in any notation :mod:`geo.coordinates` reads, or an MGRS reference.

    Returns
    -------
    Coordinate
        With ``start``/``end`` offsets into ``text``.

    Raises
    ------
    CoordinateError
        When the text is not one pair, or the pair cannot be right; the message says why.

    Examples
    --------
    >>> c = parse_coordinate("(47 54 20 N 36 14 58 E)")
    >>> round(c.lat, 4), round(c.lon, 4), c.text
    (47.9056, 36.2494, '47 54 20 N 36 14 58 E')
    >>> c = parse_coordinate("36°14′58″ в. д., 47°54′20,5″ с. ш.")
    >>> round(c.lat, 5), round(c.lon, 5)
    (47.90569, 36.24944)
    >>> parse_coordinate("47°54′20″ N")
    Traceback (most recent call last):
    ...
    frontmap.errors.CoordinateError: '47°54′20″ N': only one value; a coordinate needs latitude and longitude
    """
    start, end = 0, len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2 and _BRACKETS.get(text[start]) == text[end - 1]:
        start, end = start + 1, end - 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
    if start == end:
        raise CoordinateError(f"{text!r}: no coordinate (empty text)")
    match = _MGRS.fullmatch(text, start, end)
    utm = _UTM.fullmatch(text, start, end)
    if match is not None or utm is not None:
        result = _read_mgrs(text, match) if match is not None else _read_utm(text, utm)  # type: ignore[arg-type]
        if isinstance(result, CoordinateError):
            raise result
        return result
    match = _MAP_LINK.search(text, start, end)
    if match is not None:
        result = _read_map_link(text, match)
        if isinstance(result, CoordinateError):
            raise result
        return result
    values = [_value(text, m) for m in _VALUE.finditer(text, start, end)]
    if len(values) == 2 and values[0].start == start and values[1].end == end:
        a, b = values
        if _joined(text, a, b):
            pair = _pair(text, a, b, strict=True)
            if isinstance(pair, CoordinateError):
                raise pair
            if pair is not None:
                return pair
            raise _fail(text, start, end, "does not read as a coordinate pair (mixed plain and marked numbers?)")
    if len(values) == 1 and values[0].start == start and values[0].end == end:
        problem = _lone_problem(text, values[0])
        if problem is not None:
            raise problem
        raise _fail(text, start, end, "only one value; a coordinate needs latitude and longitude")
    raise _fail(
        text,
        start,
        end,
        "not a coordinate pair (expected e.g. 47°54′20″ N, 36°14′58″ E or 47.9056, 36.2494 or 37U DQ 12345 67890)",
    )


_DEFAULT_PRECISION = {
    CoordinateFormat.DMS: 0,
    CoordinateFormat.DM: 3,
    CoordinateFormat.DD: 5,
    CoordinateFormat.MGRS: 5,
    CoordinateFormat.UTM: 0,
}


def _write(value: float, fmt: CoordinateFormat, precision: int, hemispheres: str) -> str:
    scale = 10**precision
    width = 2 + precision + (1 if precision else 0)
    if fmt is CoordinateFormat.DD:
        total = round(abs(value) * scale)
        body = f"{total / scale:.{precision}f}°"
    elif fmt is CoordinateFormat.DM:
        total = round(abs(value) * 60 * scale)
        degrees, minutes = divmod(total, 60 * scale)
        body = f"{degrees}°{minutes / scale:0{width}.{precision}f}′"
    else:
        total = round(abs(value) * 3600 * scale)
        degrees, rest = divmod(total, 3600 * scale)
        minutes, seconds = divmod(rest, 60 * scale)
        body = f"{degrees}°{minutes:02d}′{seconds / scale:0{width}.{precision}f}″"
    hemisphere = hemispheres[1] if value < 0 and total > 0 else hemispheres[0]
    return f"{body} {hemisphere}"


def format_coordinate(
    c: Coordinate | tuple[float, float],
    fmt: CoordinateFormat | str = "dms",
    precision: int | None = None,
) -> str:
    """Write a pair in the given notation, latitude first, with hemisphere letters.

    Parameters
    ----------
    c : Coordinate or (lat, lon)
        The point.
    fmt : CoordinateFormat or str
        ``"dms"``, ``"dm"``, ``"dd"``, ``"mgrs"`` or ``"utm"``.
    precision : int, optional
        Decimals of the last unit (seconds, minutes or degrees; defaults 0, 3 and 5), or for MGRS the digits per axis,
        1 to 5 (default 5, 1 m), or for UTM the decimals of a metre, 0 to 3 (default 0). :func:`parse_coordinate` reads
        the result back within half the last unit (within the cell for MGRS).

    Returns
    -------
    str

    Raises
    ------
    CoordinateError
        For a point out of range, an unknown format, a bad precision, or MGRS outside 80° S – 84° N (polar UPS).

    Examples
    --------
    >>> format_coordinate((47.905556, 36.249444))
    '47°54′20″ N, 36°14′58″ E'
    >>> format_coordinate((-33.8688, 151.2093), "dd", 4)
    '33.8688° S, 151.2093° E'
    >>> format_coordinate((47.9056, 36.2494), "mgrs", 4)
    '37T BP 9445 0947'
    """
    lat, lon = (c.lat, c.lon) if isinstance(c, Coordinate) else (float(c[0]), float(c[1]))
    try:
        fmt = CoordinateFormat(fmt)
    except ValueError as error:
        raise CoordinateError(str(error)) from None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise CoordinateError(f"({lat}, {lon}): latitude must be within ±90° and longitude within ±180°")
    if precision is None:
        precision = _DEFAULT_PRECISION[fmt]
    if fmt is CoordinateFormat.MGRS:
        if not 1 <= precision <= 5:
            raise CoordinateError(f"MGRS precision must be 1 to 5 digits per axis, not {precision}")
        if not -80 <= lat < 84:
            raise CoordinateError(f"({lat}, {lon}): MGRS covers 80° S to 84° N; polar UPS is not supported")
        if -1e-6 < lat < 0:  # mgrs 1.6 writes an unreadable "…MAA…" reference within ~0.1 m south of the equator
            lat = 0.0
        reference = _MGRS_CONVERTER.toMGRS(lat, lon, MGRSPrecision=precision)
        if isinstance(reference, bytes):
            reference = reference.decode("ascii")
        band = next(i for i, char in enumerate(reference) if char.isalpha())
        grid, square, digits = reference[: band + 1], reference[band + 1 : band + 3], reference[band + 3 :]
        return f"{grid} {square} {digits[:precision]} {digits[precision:]}"
    if fmt is CoordinateFormat.UTM:
        if not -80 <= lat < 84:
            raise CoordinateError(f"({lat}, {lon}): UTM covers 80° S to 84° N; polar UPS is not supported")
        if not 0 <= precision <= 3:
            raise CoordinateError(f"UTM precision must be 0 to 3 decimals of a metre, not {precision}")
        zone = min(60, int((lon + 180.0) // 6.0) + 1)
        band = _BANDS[min(len(_BANDS) - 1, int((lat + 80.0) // 8.0))]
        epsg = (32600 if lat >= 0 else 32700) + zone
        easting, northing = Transformer.from_crs("EPSG:4326", f"EPSG:{epsg}", always_xy=True).transform(lon, lat)
        return f"{zone}{band} {easting:.{precision}f} {northing:07.{precision}f}"
    if not 0 <= precision <= 12:
        raise CoordinateError(f"precision must be 0 to 12 decimals, not {precision}")
    return f"{_write(lat, fmt, precision, 'NS')}, {_write(lon, fmt, precision, 'EW')}"


def remove_coordinates(text: str) -> str:
    """``text`` with every coordinate pair it holds deleted (to measure resolution from names alone).

    Examples
    --------
    >>> remove_coordinates("Otradnoe (47°54′20″ N, 36°14′58″ E, about 160 residents)")
    'Otradnoe (, about 160 residents)'
    """
    out, last = [], 0
    for c in find_coordinates(text):
        out.append(text[last : c.start])
        last = c.end
    out.append(text[last:])
    return "".join(out)


def _check_examples(words: tuple[CoordinateWord, ...] = _WORDS) -> None:
    """Every row of the file of coordinate words must read in its example as the row says (run at import)."""
    for w in words:
        found = find_coordinates(w.example)
        pattern = re.compile(word_pattern(w.word) + (_LETTER_END if len(w.word.strip()) == 1 else _NOLETTER))
        uses = [c for c in found if pattern.search(c.text)] if w.kind != "hint" else found
        if w.kind == "hemisphere":
            lat_sign = {"N": 1, "S": -1}.get(w.meaning)
            lon_sign = {"E": 1, "W": -1}.get(w.meaning)
            uses = [c for c in uses if (lat_sign is None or c.lat * lat_sign > 0)
                    and (lon_sign is None or c.lon * lon_sign > 0)]
        if not uses:
            raise CoordinateWordsError(
                f"{w.source}, line {w.line}: the example {w.example!r} does not read as a coordinate written with "
                f"{w.word!r} meaning {w.meaning} (found: {[c.text for c in found] or 'nothing'})"
            )


_check_examples()
