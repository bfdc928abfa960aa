"""The front line on a claims map: which days to draw, light polygons, distances per claim.

The occupied area of one DeepState day is about 3,000 vertices (40-65 KB of GeoJSON); a map
draws one polygon per line date its claims need, simplified at ``tolerance_m`` in the UTM zone
geopandas estimates for it (metres, not degrees), coordinates rounded to 4 decimals (about 10 m,
far below the tolerance). When the claims need more line dates than ``max_dates``, the first and
the last are kept and the rest thinned evenly; each claim's distance is still measured against
its own day's line.

Examples
--------
>>> import datetime as dt
>>> from shapely.geometry import box
>>> from geo.frontline import FrontLine
>>> fl = FrontLine({dt.date(2024, 5, 1): box(37.0, 48.0, 38.0, 49.0),
...                 dt.date(2024, 5, 3): box(37.0, 48.0, 38.2, 49.0)})
>>> line_days(fl, [dt.date(2024, 5, 2), dt.date(2024, 5, 4), None])
[datetime.date(2024, 5, 1), datetime.date(2024, 5, 3)]
>>> simplified_geojson(fl, dt.date(2024, 5, 1))["type"]
'Polygon'
>>> m = FrontMeasure(fl)
>>> m(48.5, 36.9, dt.date(2024, 5, 2))
(7.4, datetime.date(2024, 5, 1), False)
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

import geopandas
import numpy as np
import shapely

from geo.frontline import FrontLine

__all__ = [
    "ATTRIBUTION_FRONT",
    "FRONT_DECIMALS",
    "FrontMeasure",
    "line_days",
    "simplified_geojson",
]

#: Credit shown on every map that draws the front line.
ATTRIBUTION_FRONT = (
    "Front line: DeepState (deepstatemap.live) via cyterat/deepstate-map-data, GPL-3.0"
)

#: Decimals kept in front-line coordinates (1e-4 degree is about 10 m).
FRONT_DECIMALS = 4


def line_days(
    front: FrontLine, days: Iterable[dt.date | None], max_dates: int | None = None
) -> list[dt.date]:
    """The front line's dates that the claim ``days`` use, in order, at most ``max_dates``.

    An unknown day (None) uses the latest line. When more dates are needed than ``max_dates``,
    the first and the last are kept and the others are picked evenly between them.

    Examples
    --------
    >>> import datetime as dt
    >>> from shapely.geometry import box
    >>> fl = FrontLine({dt.date(2024, 5, d): box(37, 48, 38, 49) for d in range(1, 11)})
    >>> [d.day for d in line_days(fl, [dt.date(2024, 5, d) for d in range(1, 11)], max_dates=4)]
    [1, 4, 7, 10]
    """
    needed = sorted({front.date_for(d) for d in days})
    if max_dates is None or len(needed) <= max_dates:
        return needed
    if max_dates <= 1:
        return needed[-1:]
    picks = np.linspace(0, len(needed) - 1, max_dates).round().astype(int)
    return [needed[i] for i in sorted(set(picks.tolist()))]


def simplified_geojson(
    front: FrontLine, day: dt.date, tolerance_m: float = 100.0
) -> dict[str, Any]:
    """The occupied area on ``day`` as a GeoJSON geometry dict, simplified at ``tolerance_m``.

    Examples
    --------
    >>> import datetime as dt
    >>> from shapely.geometry import box
    >>> fl = FrontLine({dt.date(2024, 5, 1): box(37.123456, 48.0, 38.0, 49.0)})
    >>> simplified_geojson(fl, dt.date(2024, 5, 1))["coordinates"][0][0]
    [38.0, 48.0]
    """
    geom = front.geometry(day)
    if tolerance_m > 0:
        series = geopandas.GeoSeries([geom], crs="EPSG:4326")
        utm = series.estimate_utm_crs()
        geom = series.to_crs(utm).simplify(tolerance_m).to_crs("EPSG:4326").iloc[0]
    geom = shapely.transform(geom, lambda xy: np.round(xy, FRONT_DECIMALS))
    return json.loads(shapely.to_geojson(geom))


class FrontMeasure:
    """``(lat, lon, day) -> (km to that day's line, the line's date, inside occupied area)``.

    Memoised by (line date, point): claims repeat places, and many share a day.
    """

    def __init__(self, front: FrontLine) -> None:
        self.front = front
        self._memo: dict[tuple[dt.date, float, float], tuple[float, bool]] = {}

    def __call__(
        self, lat: float, lon: float, day: dt.date | None
    ) -> tuple[float, dt.date, bool]:
        line = self.front.date_for(day)
        key = (line, lat, lon)
        hit = self._memo.get(key)
        if hit is None:
            km = round(self.front.distance_km(lat, lon, line), 1)
            hit = self._memo[key] = (km, self.front.occupied(lat, lon, line))
        return hit[0], line, hit[1]
