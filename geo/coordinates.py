"""Read and write geographic coordinates as they appear in frontline reports.

Reads every notation real reports use, in running text, each pair with its span and exact text:

- degrees, minutes, seconds with any of ``° º ˚``, ``′ ' ’``, ``″ " ” ''``, with or without spaces, seconds
  optional, decimal seconds with a point or a comma (``20,5″``);
- degrees and decimal minutes (``47°54.33′ N``), decimal degrees (``47.9056, 36.2494``, ``47.9056° N 36.2494° E``),
  negative values, space-separated DMS with hemisphere letters (``47 54 20 N 36 14 58 E``);
- hemisphere letters before or after the value: ``N S E W``, ``North`` …,
  Russian ``с. ш.``/``ю. ш.``/``в. д.``/``з. д.``
  (with or without spaces and dots, also spelled out), Ukrainian ``пн. ш.``/``пд. ш.``/``сх. д.``/``зх. д.``;
  and ``lat``/``lon`` labels;
- MGRS (``37U DQ 12345 67890``, ``37UDQ1234567890``) through the :mod:`mgrs` package.

Nothing impossible is ever returned as a number: 95° N, 36°61′, seconds of 60 or more, longitudes beyond 180°,
hemisphere letters that contradict each other, a minus sign together with a hemisphere letter, are rejected with a
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
"about 160 residents", "2025-11-20", "06:17:45", "36th", "C041428", "19%", "1.5, 2.5 km" are not coordinates.
Plain decimals with a comma for the decimal point (``47,9056``) are only read with a degree sign or hemisphere.

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

import mgrs as _mgrs

from frontmap.errors import CoordinateError
from geo.model import Coordinate, CoordinateFormat

__all__ = [
    "parse_coordinate",
    "find_coordinates",
    "find_coordinate_problems",
    "scan_coordinates",
    "format_coordinate",
    "remove_coordinates",
    "METRES_PER_DEGREE",
]

#: Length of one degree of latitude used for ``uncertainty_m`` (1′ = 1 852 m, one nautical mile).
METRES_PER_DEGREE = 111_120.0

# --------------------------------------------------------------------------------------------------------------------
# Patterns (compiled once)

_SP = r"[ \t\u00a0\u2009\u202f]"  # one space, including no-break and thin spaces
_DEG = r"(?:°|º|˚|⁰|" + _SP + r"?deg(?:rees?)?\b)"
_MIN = r"(?:′(?!′)|'(?!')|’(?!’)|‘(?!‘)|´|`|ʹ)"
_SEC = r"(?:″|\"|”|“|''|′′|’’|‘‘|ʺ|〃)"
_NOLETTER = r"(?![^\W\d_])"  # not followed by a letter

_HEM_LATIN = r"(?:[NSEW]" + _NOLETTER + r"|(?i:north|south|east|west)" + _NOLETTER + r")"
_HEM_CYRILLIC = (
    r"(?i:"
    r"(?:[сc]|ю|пн|пд)\.?" + _SP + r"?ш\.?|(?:в|з|сх|зх)\.?" + _SP + r"?д\.?"
    r"|(?:северн|южн)(?:ой|ая)" + _SP + r"+широт[аы]|(?:восточн|западн)(?:ой|ая)" + _SP + r"+долгот[аы]"
    r"|(?:північн|південн)(?:ої|а)" + _SP + r"+широт[аи]|(?:східн|західн)(?:ої|а)" + _SP + r"+довгот[аи]"
    r")" + _NOLETTER
)
_HEM = r"(?:" + _HEM_LATIN + r"|" + _HEM_CYRILLIC + r")"
_HEM_AHEAD = r"(?=" + _SP + r"?" + _HEM + r")"
_LABEL = (
    r"(?i:lat(?:itude)?" + _SP + r"?[/,&]" + _SP + r"?(?:lon(?:g(?:itude)?)?|lng)|lat" + _SP + r"?lng"
    r"|lon(?:g(?:itude)?)?" + _SP + r"?[/,&]" + _SP + r"?lat(?:itude)?|lng" + _SP + r"?lat"
    r"|lat(?:itude)?|lon(?:g(?:itude)?)?|lng|широта|долгота|довгота)" + _NOLETTER
)
_N3 = r"[0-9]{1,3}(?:[.,][0-9]+)?"
_N2 = r"[0-9]{1,2}(?:[.,][0-9]+)?"

_VALUE = re.compile(
    # a cheap first-character test, so that most positions of a long text are skipped at once
    r"(?=[0-9+\-−NSEW]|[nsewlNLшШдД](?i:orth|outh|ast|est|at|on|ng|ирот|олгот|овгот))"
    r"(?:(?<![\w.\-−+])|(?<=[0-9″\"”'’′°º˚][NSEW]))"  # not inside a word or number, but N36°… after 47°…″N
    r"(?:(?P<preh>" + _HEM_LATIN + r")" + _SP + r"?"
    r"|(?P<lab>" + _LABEL + r")\.?" + _SP + r"*[:=]?" + _SP + r"*)?"
    r"(?P<sign>[-−+])?"
    r"(?:"
    # degrees with a symbol, then optional minutes and seconds (their symbol may be left out before a hemisphere)
    r"(?P<d>" + _N3 + r")" + _SP + r"?" + _DEG
    + r"(?:" + _SP + r"?(?P<m>" + _N2 + r")" + _SP + r"?(?:" + _MIN + r"|" + _HEM_AHEAD + r")"
    r"(?:" + _SP + r"?(?P<s>" + _N2 + r")" + _SP + r"?(?:" + _SEC + r"|" + _HEM_AHEAD + r"))?)?"
    # space- or colon-separated degrees minutes [seconds]: only with a hemisphere letter
    r"|(?P<sd>[0-9]{1,3})(?:" + _SP + r"{1,2}|:)(?P<sm>" + _N2 + r")"
    r"(?:(?:" + _SP + r"{1,2}|:)(?P<ss>" + _N2 + r"))?(?![0-9])(?(preh)|" + _HEM_AHEAD + r")"
    # decimal degrees (a decimal comma only before a degree sign or hemisphere)
    r"|(?P<dd>[0-9]{1,3}(?:\.[0-9]+|,[0-9]+(?=" + _SP + r"?(?:" + _DEG + r"|" + _HEM + r"))))"
    r"(?![0-9])(?!\.[0-9])(?!" + _SP + r"?%)(?P<ddeg>" + _SP + r"?" + _DEG + r")?"
    r")"
    r"(?(preh)|(?:" + _SP + r"?(?P<suf>" + _HEM + r"))?)"
    + _NOLETTER
)

_SEPARATOR = re.compile(r"\s{0,3}(?:[,;/&]\s{0,3}|\s(?:and|и|і)\s{1,2})?")
_IN_LIST_AFTER = re.compile(r"\s*[,;/]\s*[-−+]?[0-9]+(?:[.,][0-9]+)?(?!\w)")
_IN_LIST_BEFORE = re.compile(r"[0-9]\s*[,;/]\s*$")

_MGRS = re.compile(
    r"(?=[0-9])(?<![\w.])(?P<zone>[0-9]{1,2})(?P<band>[C-HJ-NP-X])"
    r"" + _SP + r"?(?P<sq>[A-HJ-NP-Z][A-HJ-NP-V])" + _SP + r"?"
    r"(?P<digits>[0-9]{1,5}" + _SP + r"[0-9]{1,5}|[0-9]{1,10})(?!\w)(?![.,][0-9])"
)
# Every number form of _VALUE holds a digit followed by a decimal point or comma and a digit, by
# a degree sign, or by a space or colon and a digit ("47 58 N"); every _MGRS grid a digit followed
# by its band letter. A text without any of these holds no coordinate: most reports are read once
# with this pattern, not with the two above.
_MAY_HOLD = re.compile(r"[0-9](?:[.,:][0-9]|" + _SP + r"{1,2}[0-9]|" + _SP + r"{0,2}(?:°|º|˚|⁰|deg)|[C-HJ-NP-X])")
_MGRS_CONVERTER = _mgrs.MGRS()
_BANDS = "CDEFGHJKLMNPQRSTUVWX"

_BRACKETS = {"(": ")", "[": "]", "{": "}"}

_HEMISPHERES: dict[str, tuple[str, int]] = {}
for _keys, _role, _sign in (
    (("n", "north", "сш", "cш", "пнш", "северной широты", "северная широта", "північної широти", "північна широта"),
     "lat", 1),
    (("s", "south", "юш", "пдш", "южной широты", "южная широта", "південної широти", "південна широта"),
     "lat", -1),
    (("e", "east", "вд", "схд", "восточной долготы", "восточная долгота", "східної довготи", "східна довгота"),
     "lon", 1),
    (("w", "west", "зд", "зхд", "западной долготы", "западная долгота", "західної довготи", "західна довгота"),
     "lon", -1),
):
    for _key in _keys:
        _HEMISPHERES[_key] = (_role, _sign)


def _hemisphere(written: str) -> tuple[str, int]:
    key = written.casefold().replace(".", "")
    folded = " ".join(key.split())
    if folded in _HEMISPHERES:
        return _HEMISPHERES[folded]
    return _HEMISPHERES[folded.replace(" ", "")]


def _label_role(written: str) -> tuple[str, bool]:
    """The role a label gives its value, and whether the label names both (``lat/lon``)."""
    key = written.casefold()
    if any(sep in key for sep in "/,& \t\u00a0\u2009\u202f") or key in ("latlng", "lnglat"):
        return ("lon" if key.startswith(("lon", "lng")) else "lat"), True
    if key.startswith(("lat", "широт")):
        return "lat", False
    return "lon", False


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


def _value(match: re.Match[str]) -> _Value:
    g = match.group
    role: str | None = None
    sign = -1 if g("sign") in ("-", "−") else 1
    hem = g("preh") or g("suf")
    problem = None
    label_pair = False
    if hem:
        role, hem_sign = _hemisphere(hem)
        if sign < 0:
            problem = f"both a minus sign and a hemisphere ({hem.strip()})"
        sign = hem_sign if sign > 0 else sign
    if g("lab"):
        label_role, label_pair = _label_role(g("lab"))
        if hem and label_role != role and not label_pair:
            problem = problem or f"label {g('lab')!r} contradicts hemisphere {hem.strip()!r}"
        role = role or label_role
    if g("d") is not None:
        parts = [p for p in (g("d"), g("m"), g("s")) if p is not None]
    elif g("sd") is not None:
        parts = [p for p in (g("sd"), g("sm"), g("ss")) if p is not None]
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


def _pair(text: str, a: _Value, b: _Value, strict: bool) -> Coordinate | CoordinateError | None:
    """Read two adjacent values as one pair; None when they do not look like a coordinate pair."""
    start, end = a.start, b.end
    if a.names_both and b.role is None:
        b = replace(b, role="lat" if a.role == "lon" else "lon", marked=True)
    if a.bare != b.bare or not (_evident(a, strict) and _evident(b, strict)):
        return None
    if not strict and a.bare:
        if _IN_LIST_AFTER.match(text, end) or _IN_LIST_BEFORE.search(text, max(0, start - 12), start):
            return None
    for v in (a, b):
        if v.problem:
            return _fail(text, start, end, v.problem)
    if a.role is not None and a.role == b.role:
        what = "latitudes" if a.role == "lat" else "longitudes"
        reason = f"both values are {what}: the hemisphere letters or labels contradict each other"
        return _fail(text, start, end, reason)
    lat, lon = (b, a) if (a.role == "lon" or b.role == "lat") else (a, b)
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


# --------------------------------------------------------------------------------------------------------------------
# Public API


def _scan(text: str) -> list[Coordinate | CoordinateError]:
    if not _MAY_HOLD.search(text):
        return []
    found: list[Coordinate | CoordinateError] = [_read_mgrs(text, m) for m in _MGRS.finditer(text)]
    values = [_value(m) for m in _VALUE.finditer(text)]
    i = 0
    while i < len(values):
        a = values[i]
        if i + 1 < len(values):
            b = values[i + 1]
            if _SEPARATOR.fullmatch(text, a.end, b.start):
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


def scan_coordinates(text: str) -> tuple[list[Coordinate], list[CoordinateError]]:
    """:func:`find_coordinates` and :func:`find_coordinate_problems` in one pass over ``text``.

    Examples
    --------
    >>> found, problems = scan_coordinates("at 47.9056, 36.2494 and 95.5° N, 36.25° E")
    >>> [c.text for c in found], [e.reason for e in problems]
    (['47.9056, 36.2494'], ['latitude 95.5° is beyond 90°'])
    """
    scanned = _scan(text)
    return ([r for r in scanned if isinstance(r, Coordinate)],
            [r for r in scanned if isinstance(r, CoordinateError)])


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
    if match is not None:
        result = _read_mgrs(text, match)
        if isinstance(result, CoordinateError):
            raise result
        return result
    values = [_value(m) for m in _VALUE.finditer(text, start, end)]
    if len(values) == 2 and values[0].start == start and values[1].end == end:
        a, b = values
        if _SEPARATOR.fullmatch(text, a.end, b.start):
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
        ``"dms"``, ``"dm"``, ``"dd"`` or ``"mgrs"``.
    precision : int, optional
        Decimals of the last unit (seconds, minutes or degrees; defaults 0, 3 and 5), or for MGRS the digits per axis,
        1 to 5 (default 5, 1 m). :func:`parse_coordinate` reads the result back within half the last unit (within the
        cell for MGRS).

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
