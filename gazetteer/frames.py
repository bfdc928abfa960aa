"""Gazetteer queries as GeoDataFrames, for notebooks and GIS.

Each function takes an open :class:`gazetteer.Gazetteer` and returns a GeoDataFrame of points in
EPSG:4326, one row per place, with the columns of :meth:`Gazetteer.to_geodataframe`
(:data:`PLACE_COLUMNS`) followed by what the query adds:

- :func:`lookup`: the ranked candidates for a name (``rank``, ``score``, ``rule``, ``matched``,
  ``why``), ranked by :func:`gazetteer.ranking.rank` with the context given; the confidence of
  the first is in ``attrs["confidence"]``;
- :func:`near`: the places within a radius, nearest first (``km``);
- :func:`within`: the places inside a shapely geometry (an area of interest, the occupied
  territory of a day);
- :func:`places_to_frame`: any :class:`gazetteer.model.Place` objects.

The same queries are methods of the gazetteer: ``gaz.lookup(...)``, ``gaz.near_frame(...)``,
``gaz.within(...)``.

The examples use a two-village gazetteer (:func:`_demo_gazetteer`); a real one is
``Gazetteer.open()``.

Examples
--------
>>> gaz = _demo_gazetteer()
>>> lookup(gaz, "Zvanovka", near=(48.86, 38.10))[["geonameid", "rank"]].values.tolist()
[[687116, 1], [709000, 2]]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from frontmap.errors import CoordinateError, GazetteerError

from .model import Place
from .ranking import Anchor, confidence, rank

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import shapely

    from .lookup import ClassSpec, Gazetteer

    #: A point to rank candidates by: ``(lat, lon)``, a shapely Point, or anchors.
    Near = tuple[float, float] | shapely.Point | Anchor | Sequence[Anchor] | None

__all__ = [
    "PLACE_COLUMNS",
    "LOOKUP_COLUMNS",
    "WHY_SEPARATOR",
    "places_to_frame",
    "lookup",
    "near",
    "within",
]

#: The columns of a place frame, as :meth:`Gazetteer.to_geodataframe` writes them (then geometry).
PLACE_COLUMNS: tuple[str, ...] = (
    "geonameid",
    "name",
    "asciiname",
    "feature_class",
    "feature_code",
    "country",
    "admin1",
    "admin2",
    "admin1_code",
    "admin2_code",
    "population",
)

#: The columns :func:`lookup` adds to :data:`PLACE_COLUMNS`.
LOOKUP_COLUMNS: tuple[str, ...] = ("rank", "score", "rule", "matched", "why")

#: How the evidence of a candidate (``Candidate.why``) is joined into one ``why`` string.
WHY_SEPARATOR = "; "

#: How far a point given as ``near`` pulls (the weight and scale of ``frontmap resolve --near``).
NEAR_WEIGHT = 1.5
NEAR_SCALE_KM = 30.0

#: Candidates ranked by :func:`lookup` before its ``limit`` is applied.
MAX_CANDIDATES = 500


def places_to_frame(places: Iterable[Place], **columns: Sequence[Any]) -> geopandas.GeoDataFrame:
    """Make a GeoDataFrame of places: :data:`PLACE_COLUMNS`, then ``columns``, then geometry.

    ``places_to_frame([gaz.place(687116)])`` → one row, a point in EPSG:4326.

    Parameters
    ----------
    places
        The places, in the order of the rows.
    **columns
        Extra columns, one value per place.

    Returns
    -------
    geopandas.GeoDataFrame

    Examples
    --------
    >>> gdf = places_to_frame([Place(687116, "Zvanivka", 48.81204, 38.07797, "P", "PPL", "UA")],
    ...                       km=[1.5])
    >>> gdf.crs.to_epsg(), gdf.geometry.iloc[0].wkt, float(gdf["km"].iloc[0])
    (4326, 'POINT (38.07797 48.81204)', 1.5)
    """
    import geopandas
    import pandas as pd

    rows = list(places)
    frame = pd.DataFrame(
        {
            "geonameid": np.array([p.geonameid for p in rows], dtype=np.int64),
            **{c: [getattr(p, c) for p in rows] for c in PLACE_COLUMNS[1:-1]},
            "population": np.array([p.population for p in rows], dtype=np.int64),
        },
        columns=list(PLACE_COLUMNS),
    )
    for name, values in columns.items():
        values = list(values)
        if len(values) != len(rows):
            raise GazetteerError(f"column {name!r} has {len(values)} values for {len(rows)} places")
        frame[name] = values
    geometry = geopandas.points_from_xy(
        np.array([p.lon for p in rows], dtype=float),
        np.array([p.lat for p in rows], dtype=float),
        crs="EPSG:4326",
    )
    return geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")


def _point(lat: float, lon: float, what: str) -> tuple[float, float]:
    lat, lon = float(lat), float(lon)
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise CoordinateError(f"{what}=({lat}, {lon}) is not a latitude/longitude")
    return lat, lon


def _anchors(value: Near) -> tuple[Anchor, ...]:
    if value is None:
        return ()
    if isinstance(value, Anchor):
        return (value,)
    if getattr(value, "geom_type", None) == "Point":
        lat, lon = _point(value.y, value.x, "near")  # type: ignore[union-attr]
    elif (
        isinstance(value, Sequence)
        and len(value) == 2
        and all(isinstance(v, (int, float, np.number)) for v in value)
    ):
        lat, lon = _point(value[0], value[1], "near")  # type: ignore[arg-type]
    else:
        anchors = tuple(value)  # type: ignore[arg-type]
        if not anchors or not all(isinstance(a, Anchor) for a in anchors):
            raise CoordinateError(f"near={value!r}: expected (lat, lon), a shapely Point or Anchors")
        return anchors
    label = f"{lat:.4f},{lon:.4f}"
    return (Anchor(lat, lon, weight=NEAR_WEIGHT, scale_km=NEAR_SCALE_KM, label=label),)


def lookup(
    gaz: Gazetteer,
    name: str,
    near: Near = None,
    region: str | None = None,
    *,
    limit: int | None = 10,
    classes: ClassSpec = "P",
    fuzzy: bool = True,
) -> geopandas.GeoDataFrame:
    """The places a name may stand for, ranked by the context given, best first.

    ``lookup(gaz, "Otradnoe", region="Zaporizhzhia Oblast")`` → Vidradne (Zaporizhzhia) first.

    Parameters
    ----------
    gaz
        The gazetteer.
    name
        A place name in any spelling or script ("Otradnoe", "Сіверськ").
    near
        ``(lat, lon)`` or a shapely Point the place should be close to (pulls as
        ``frontmap resolve --near`` does), or :class:`gazetteer.ranking.Anchor` objects.
    region
        An oblast or raion the place is in, as a report writes it ("Donetsk Oblast",
        "Zaporozhye region", "Pokrovsk raion", "DPR").
    limit
        At most this many rows (None: every candidate ranked).
    classes
        GeoNames feature classes to search (``"P"``: populated places; None: all).
    fuzzy
        Look for close spellings when no rule of :meth:`Gazetteer.candidates` matches.

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`PLACE_COLUMNS`, then ``rank`` (1 = best), ``score`` (the ranking score),
        ``rule`` and ``matched`` (how the name matched), ``why`` (the evidence, joined by
        ``"; "``), then geometry. ``attrs`` holds ``query``, ``candidates`` (how many were
        ranked) and ``confidence`` (0-1, of the first row; :func:`gazetteer.ranking.confidence`).

    Raises
    ------
    GazetteerError
        If ``region`` names no oblast or raion of the gazetteer.
    CoordinateError
        If ``near`` is not a point.

    Examples
    --------
    >>> gaz = _demo_gazetteer()
    >>> gdf = lookup(gaz, "Zvanovka", near=(48.86, 38.10), limit=1)
    >>> gdf[["name", "rule", "matched"]].iloc[0].tolist(), gdf.attrs["candidates"]
    (['Zvanivka', 'exact', 'Zvanovka'], 2)
    >>> "5.6 km from 48.8600,38.1000" in gdf["why"].iloc[0], gdf.attrs["confidence"] > 0.9
    (True, True)
    """
    anchors = _anchors(near)
    regions: tuple[str, ...] = ()
    if region:
        place = gaz.region(region)
        if place is None:
            raise GazetteerError(f"region={region!r}: no oblast or raion of that name")
        regions = (place.name,)
    found = gaz.candidates(name, fuzzy=fuzzy, limit=MAX_CANDIDATES, classes=classes)
    ranked = rank(found, near=anchors, regions=regions)
    shown = ranked if limit is None else ranked[: max(0, limit)]
    gdf = places_to_frame(
        [c.place for c in shown],
        rank=np.arange(1, len(shown) + 1, dtype=np.int64),
        score=np.array([c.score for c in shown], dtype=float),
        rule=[c.rule for c in shown],
        matched=[c.matched for c in shown],
        why=[WHY_SEPARATOR.join(c.why) for c in shown],
    )
    gdf.attrs.update(query=name, candidates=len(ranked), confidence=confidence(ranked))
    return gdf


def near(
    gaz: Gazetteer, lat: float, lon: float, km: float, *, classes: ClassSpec = "P"
) -> geopandas.GeoDataFrame:
    """The places within ``km`` kilometres of a point, nearest first, with their distance.

    ``near(gaz, 48.28, 37.18, 10)`` → the villages around Pokrovsk, with a ``km`` column.

    Parameters
    ----------
    gaz
        The gazetteer.
    lat, lon
        The point (WGS 84 degrees).
    km
        The radius (great-circle, see :meth:`Gazetteer.near`).
    classes
        GeoNames feature classes to keep (``"P"``: populated places; None: all).

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`PLACE_COLUMNS`, ``km``, geometry.

    Raises
    ------
    CoordinateError
        If the point is out of range or ``km`` is not a distance.

    Examples
    --------
    >>> gaz = _demo_gazetteer()
    >>> near(gaz, 48.8, 38.1, 5)[["name", "km"]].round(1).values.tolist()
    [['Zvanivka', 2.1]]
    """
    found = gaz.near(lat, lon, km, classes=classes)
    return places_to_frame([p for p, _ in found], km=np.array([d for _, d in found], dtype=float))


def _as_geometry(geometry: Any) -> shapely.Geometry:
    """One shapely geometry in EPSG:4326 from a geometry, a GeoSeries or a GeoDataFrame."""
    import shapely

    if isinstance(geometry, shapely.Geometry):
        return geometry
    series = getattr(geometry, "geometry", None)
    if series is not None and hasattr(series, "union_all"):
        if series.crs is not None and not series.crs.equals("EPSG:4326"):
            series = series.to_crs("EPSG:4326")
        return series.union_all()
    raise GazetteerError(
        f"within(): expected a shapely geometry, a GeoSeries or a GeoDataFrame, not {type(geometry).__name__}"
    )


def within(gaz: Gazetteer, geometry: Any, *, classes: ClassSpec = "P") -> geopandas.GeoDataFrame:
    """The places inside a geometry, largest population first.

    ``within(gaz, shapely.box(37.0, 48.2, 37.4, 48.4))`` → the places of that box.

    Parameters
    ----------
    gaz
        The gazetteer.
    geometry
        A shapely geometry in longitude/latitude (EPSG:4326), or a GeoSeries/GeoDataFrame
        (reprojected to EPSG:4326 when it has another CRS, then its geometries unioned). A
        place on the boundary is not inside (``shapely.contains_xy``).
    classes
        GeoNames feature classes to keep (``"P"``: populated places; None: all).

    Returns
    -------
    geopandas.GeoDataFrame
        :data:`PLACE_COLUMNS` and geometry, sorted by population (largest first), then geonameid.

    Raises
    ------
    GazetteerError
        If ``geometry`` is not a geometry.

    Examples
    --------
    >>> import shapely
    >>> gaz = _demo_gazetteer()
    >>> within(gaz, shapely.box(37.0, 48.0, 39.0, 49.0))["geonameid"].tolist()
    [687116]
    """
    import shapely

    geom = _as_geometry(geometry)
    ix = gaz._ix  # the index arrays: rows sorted by latitude
    if geom.is_empty:
        return places_to_frame([])
    minx, miny, maxx, maxy = geom.bounds
    if not all(math.isfinite(v) for v in (minx, miny, maxx, maxy)):
        raise GazetteerError("within(): the geometry has non-finite coordinates")
    i0 = int(np.searchsorted(ix.lat, miny, side="left"))
    i1 = int(np.searchsorted(ix.lat, maxy, side="right"))
    rows = np.arange(i0, i1)
    lons = ix.lon[i0:i1]
    keep = (lons >= minx) & (lons <= maxx)
    mask = gaz._mask(classes)
    if mask is not None:
        keep &= mask[i0:i1]
    rows = rows[keep]
    shapely.prepare(geom)
    rows = rows[shapely.contains_xy(geom, ix.lon[rows], ix.lat[rows])]
    order = np.lexsort((ix.geonameid[rows], -ix.population[rows]))
    return places_to_frame([ix.place(int(r)) for r in rows[order]])


def _demo_gazetteer() -> Gazetteer:
    """A gazetteer of two villages named Zvanivka (Donetsk and Mykolaiv oblasts), for the examples."""
    import tempfile
    from pathlib import Path

    from .lookup import Gazetteer

    rows = [
        ["687116", "Zvanivka", "Zvanivka", "Zvanovka", "48.81204", "38.07797", "P", "PPL", "UA",
         "", "05", "1402", "", "", "0", "", "150", "Europe/Kyiv", ""],
        ["709000", "Zvanivka", "Zvanivka", "", "46.9", "32.9", "P", "PPL", "UA",
         "", "08", "", "", "", "0", "", "50", "Europe/Kyiv", ""],
    ]
    folder = Path(tempfile.mkdtemp(prefix="frontmap-demo-"))
    dump = folder / "UA.txt"
    dump.write_text("".join("\t".join(r) + "\n" for r in rows), encoding="utf-8")
    return Gazetteer.from_dumps([dump], cache_dir=folder, progress=False)
