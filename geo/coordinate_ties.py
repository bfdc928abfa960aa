"""Which name a coordinate in the text belongs to, and where a coordinate of its own lies.

Every coordinate a text writes becomes a point (:func:`geo.extract.extract_report`):

- **Tied to a name** (:func:`tie_coordinates`) when the name stands in the same sentence, line block (the lines of a
  paragraph down to the coordinate's line, as a gazetteer page writes a place's name and under it its coordinates)
  or table row (a line with ``|`` or tab cells), and one of the name's gazetteer candidates lies within
  :data:`TIE_KM` of the point. The coordinate is then the point and the name gives the gazetteer fields; the
  nearest such name in the text wins, a name written before the coordinate before one after it. A coordinate written
  right after a name ("Otradnoe (47°54′20″ N, 36°14′58″ E)") is tied earlier, by :mod:`geo.mentions`.
- **On its own** otherwise: a claim whose ``place`` is the coordinate as written, with the nearest gazetteer
  settlement in ``why`` (:func:`nearest_settlement`: "2.1 km NE of Myrnohrad").

Examples
--------
>>> compass(44.0), compass(350.0), compass(-100.0)
('NE', 'N', 'W')
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from pyproj import Geod

from gazetteer.ranking import distances_km
from geo.model import Coordinate, Mention

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["TIE_KM", "NEAREST_KM", "tie_coordinates", "nearest_settlement", "compass"]

#: A name is tied to a coordinate of its sentence, line block or table row when one of its candidates lies this close.
TIE_KM = 10.0
#: How far :func:`nearest_settlement` looks.
NEAREST_KM = 30.0

_GEOD = Geod(ellps="WGS84")
_POINTS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
_BLOCK_LINES = 6  # at most this many lines above a coordinate's line make its line block
_SHORT_LINE = 48  # a line holding little besides the coordinate ends a block (a gazetteer entry's lines)


def compass(azimuth: float) -> str:
    """The eight-point compass direction of an azimuth in degrees."""
    return _POINTS[round((azimuth % 360.0) / 45.0) % 8]


def _line(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _scopes(text: str, c: Coordinate, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The spans of text whose names may own the coordinate: its sentence, its table row, its line block."""
    scopes = [sentence]
    ls, le = _line(text, c.start)
    line = text[ls:le]
    if "|" in line or "\t" in line:
        scopes.append((ls, le))
    if len(line.strip()) - len(c.text) <= _SHORT_LINE:
        start = ls
        for _ in range(_BLOCK_LINES):
            if start == 0:
                break
            ps, pe = _line(text, start - 1)
            if not text[ps:pe].strip():
                break  # a blank line ends the paragraph
            start = ps
        scopes.append((start, le))
    return scopes


def tie_coordinates(
    text: str,
    mentions: Sequence[Mention],
    coordinates: Sequence[Coordinate],
    gaz: Gazetteer,
    sentence_of: Callable[[int], tuple[int, int]],
) -> tuple[list[Mention], list[Coordinate]]:
    """Tie each coordinate not yet tied to a name of its sentence, line block or table row.

    Parameters
    ----------
    text
        The report.
    mentions
        Its place mentions (some already with ``coordinate`` set, by :func:`geo.mentions.find_mentions`).
    coordinates
        Its coordinates (:func:`geo.coordinates.find_coordinates`).
    gaz
        The gazetteer whose candidates must lie within :data:`TIE_KM`.
    sentence_of
        ``offset -> (start, end)`` of the sentence holding an offset.

    Returns
    -------
    (mentions, coordinates)
        The mentions with the new ties, and the coordinates left on their own, in text order.
    """
    out = list(mentions)
    owner = {(m.coordinate.start, m.coordinate.end): i for i, m in enumerate(out) if m.coordinate is not None}
    starts = [m.start for m in out]
    loose: list[Coordinate] = []
    # a list names a place at its point again and again: one look-up per name and point
    near = functools.cache(functools.partial(_near, gaz))

    for c in coordinates:
        held = owner.get((c.start, c.end))
        if held is not None:
            if near(out[held].text, c.lat, c.lon):
                continue
            # written right after a name none of whose places lies there ("Donetsk Oblast\n48°17′ N…" under a
            # village's name): a name of its block that does lie there takes it, else the first name keeps it
        scopes = _scopes(text, c, sentence_of(c.start))
        lo, hi = min(s for s, _ in scopes), max(e for _, e in scopes)
        i0, i1 = bisect.bisect_left(starts, lo), bisect.bisect_right(starts, hi)
        choices = []
        for i in range(i0, i1):
            m = out[i]
            if m.coordinate is not None or c.start <= m.start < c.end or i == held:
                continue
            if not any(s <= m.start and m.end <= e for s, e in scopes):
                continue
            before = m.end <= c.start
            chars = c.start - m.end if before else m.start - c.end
            choices.append((not before, chars, i))
        best = None
        for _, _, i in sorted(choices):
            if near(out[i].text, c.lat, c.lon):
                best = i
                break
        if best is None:
            if held is None:
                loose.append(c)
            continue
        if held is not None:
            out[held] = replace(out[held], coordinate=None)
        out[best] = replace(out[best], coordinate=c)
    return out, loose


def _near(gaz: Gazetteer, name: str, lat: float, lon: float) -> bool:
    """Whether a candidate of the name lies within :data:`TIE_KM` of the point."""
    candidates = gaz.candidates(re.sub(r"\s+", " ", name))
    if not candidates:
        return False
    d = distances_km(lat, lon, [x.place.lat for x in candidates], [x.place.lon for x in candidates])
    return bool(min(d) <= TIE_KM)


def nearest_settlement(gaz: Gazetteer, lat: float, lon: float) -> str:
    """Where a point lies from the nearest gazetteer settlement, as words.

    Returns
    -------
    str
        "2.1 km NE of Myrnohrad (Pokrovsk Raion, Donetsk Oblast, geonameid 710035)", "in X" within 300 m, or "no
        gazetteer settlement within 30 km".
    """
    near = [(p, d) for p, d in gaz.near(lat, lon, NEAREST_KM) if p.feature_code.startswith("PPL")]
    if not near:
        return f"no gazetteer settlement within {NEAREST_KM:.0f} km"
    place, _ = near[0]
    azimuth, _, metres = _GEOD.inv(place.lon, place.lat, lon, lat)
    where = ", ".join(x for x in (place.admin2, place.admin1) if x)
    named = f"{place.name} ({where + ', ' if where else ''}geonameid {place.geonameid})"
    if metres < 300:
        return f"in {named}"
    return f"{metres / 1000:.1f} km {compass(azimuth)} of {named}"
