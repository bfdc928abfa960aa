"""Points that cannot be right: a reason to flag them instead of plotting them silently.

A point read from a report (a coordinate written in the text, or a resolved place) is
*implausible* when

1. it is not a point on Earth (NaN, latitude beyond ±90°, longitude beyond ±180°);
2. it lies outside the area the reports are about: Ukraine, Russia, Belarus and Moldova, as a
   union of boxes around each (:data:`AREA`, ~0.5° of margin, so it also takes in parts of
   the neighbours: a coarse net for typos such as a dropped digit or a swapped hemisphere,
   not a border test);
3. it is more than ``max_km`` (default 2,000 km) from the *nearest* other place of the same
   report (``context_points``): one far outlier among places that agree with each other. The
   distance is geodesic (WGS84, :class:`pyproj.Geod`).

:func:`implausible_point` gives the reason as text, or None.

Proposed use in resolution (the caller decides; nothing here changes a claim):

- reasons 1 and 2 (``"not a point on Earth"``, ``"outside"``): leave the mention *unresolved*
  (no point), with ``why`` entry ``"implausible point: <reason>"``. A map must not draw it.
- reason 3 (``"from the nearest"``): keep the point, add the same ``why`` entry and cap the
  confidence (e.g. at 0.3), so it is drawn as doubtful and can be filtered out.

For a written coordinate (``CoordSource.TEXT``) the context is the report's gazetteer-resolved
places; for a gazetteer place, the report's other resolved places.

Examples
--------
>>> implausible_point(48.75, 38.10, [(48.87, 38.10)]) is None  # Zvanivka beside Siversk
True
>>> implausible_point(48.85, 2.35, [])  # Paris
'48.85000, 2.35000 lies outside Ukraine, Russia, Belarus and Moldova'
>>> implausible_point(95.0, 38.1, [])
'not a point on Earth: latitude 95.0 is beyond ±90°'
>>> print(implausible_point(55.03, 82.92, [(48.75, 38.10), (48.87, 38.10)]))  # Novosibirsk
3,100 km from the nearest other place of the report (48.87000, 38.10000); more than 2,000 km is implausible
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import shapely
from pyproj import Geod
from shapely.geometry import box

__all__ = ["AREA", "MAX_KM", "in_area", "implausible_point"]

_GEOD = Geod(ellps="WGS84")

MAX_KM = 2000.0
"""Default: farther than this from every other place of its report, a point is implausible."""

AREA = shapely.union_all(
    [
        box(21.6, 47.6, 40.8, 52.9),  # Ukraine north of Odesa Oblast
        box(28.1, 43.9, 40.8, 47.8),  # Ukraine's south, Crimea
        box(22.6, 50.7, 33.3, 56.7),  # Belarus
        box(26.1, 44.9, 30.7, 48.99),  # Moldova (with Transnistria)
        box(19.1, 53.8, 23.4, 55.8),  # Kaliningrad
        box(27.3, 55.3, 180.0, 82.5),  # Russia north of 55.3° N, to the antimeridian
        box(31.0, 51.2, 180.0, 56.0),  # Bryansk, Smolensk and east
        box(36.4, 43.0, 180.0, 52.0),  # Kursk, Belgorod, the Don, the Kuban and east
        box(45.5, 41.1, 49.0, 43.5),  # Dagestan
        box(130.0, 42.0, 140.0, 43.5),  # Primorye's south
        box(-180.0, 63.5, -168.4, 72.0),  # Chukotka east of the antimeridian
    ]
)
"""Where reports' places may be: boxes around UA, BY, MD and RU (lon/lat, ~0.5° margin)."""
shapely.prepare(AREA)


def in_area(lat: float, lon: float) -> bool:
    """True if (lat, lon) lies in :data:`AREA` (boundary included).

    Examples
    --------
    >>> in_area(47.66, 36.26), in_area(55.75, 37.62), in_area(52.52, 13.40)
    (True, True, False)
    """
    return bool(shapely.intersects_xy(AREA, lon, lat))


def _place(lat: float, lon: float) -> str:
    return f"{lat:.5f}, {lon:.5f}"


def implausible_point(
    lat: float,
    lon: float,
    context_points: Iterable[tuple[float, float]],
    *,
    max_km: float = MAX_KM,
) -> str | None:
    """Why a point cannot be right, or None if nothing says so.

    Parameters
    ----------
    lat, lon : float
        The point, in degrees (WGS84).
    context_points : iterable of (lat, lon)
        The report's other places (not the point itself); entries that are not points on
        Earth are ignored. With none, only the first two checks apply.
    max_km : float
        Largest plausible distance to the nearest context point.

    Returns
    -------
    str or None
        ``"not a point on Earth: ..."``, ``"... lies outside Ukraine, Russia, Belarus and
        Moldova"``, ``"... km from the nearest other place of the report ..."``, or None.

    Examples
    --------
    >>> implausible_point(float("nan"), 38.0, [])
    'not a point on Earth: latitude nan is not a number'
    >>> implausible_point(48.75, 38.10, [(48.87, 38.10)], max_km=10.0)
    '13 km from the nearest other place of the report (48.87000, 38.10000); more than 10 km is implausible'
    """
    for what, value, limit in (("latitude", lat, 90.0), ("longitude", lon, 180.0)):
        if not math.isfinite(value):
            return f"not a point on Earth: {what} {value} is not a number"
        if abs(value) > limit:
            return f"not a point on Earth: {what} {value} is beyond ±{limit:g}°"
    if not in_area(lat, lon):
        return f"{_place(lat, lon)} lies outside Ukraine, Russia, Belarus and Moldova"
    ctx = np.array(
        [(a, b) for a, b in context_points if math.isfinite(a) and math.isfinite(b) and abs(a) <= 90 and abs(b) <= 180],
        dtype=float,
    ).reshape(-1, 2)
    if not len(ctx):
        return None
    n = len(ctx)
    _, _, metres = _GEOD.inv(np.full(n, lon), np.full(n, lat), ctx[:, 1], ctx[:, 0])
    k = int(np.argmin(metres))
    km = float(metres[k]) / 1000.0
    if km > max_km:
        return (
            f"{km:,.0f} km from the nearest other place of the report ({_place(*ctx[k])}); "
            f"more than {max_km:,.0f} km is implausible"
        )
    return None
