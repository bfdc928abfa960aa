"""Write claims as GeoJSON (RFC 7946), GeoPackage or CSV.

Every writer takes claims or a claims GeoDataFrame (see :mod:`maps.frame`), writes one record per
claim, resolved or not, with the properties of :data:`maps.frame.COLUMNS`, and returns the path
written. Failures are :class:`frontmap.errors.ExportError` (an ``OSError``) naming the path.

- GeoJSON: a FeatureCollection written with :mod:`json` (no ``crs`` member, which RFC 7946
  removed), ``[lon, lat]`` rounded to 6 decimals (about 0.1 m), null geometry for unresolved
  claims, dates as ISO-8601 strings, every property a flat scalar, UTF-8.
- GeoPackage: through pyogrio, dates as DateTime fields, spatial index on.
- CSV: the same columns, ``lat``/``lon`` for the point, ISO dates, UTF-8.

Examples
--------
>>> import json, tempfile, pathlib
>>> from geo.model import Claim
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> path = write_claims([Claim("Siversk", 48.8712345678, 38.1), Claim("Nowhere")],
...                     tmp / "claims.geojson")
>>> doc = json.loads(path.read_text(encoding="utf-8"))
>>> [f["geometry"] for f in doc["features"]]
[{'type': 'Point', 'coordinates': [38.1, 48.871235]}, None]
>>> "crs" in doc
False
>>> write_claims([], tmp / "claims.shp")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
frontmap.errors.ExportError: ...claims.shp: cannot write claims as '.shp'; allowed suffixes: .geojson, ...
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyogrio
import shapely.geometry

from frontmap.errors import ExportError
from frontmap.files import check_writable, replacing
from geo.frontline import FrontLine
from geo.model import Claim
from maps.frame import DATE_COLUMNS, WHY_SEPARATOR, as_frame

__all__ = [
    "COORDINATE_DECIMALS",
    "SUFFIXES",
    "feature_collection",
    "write_geojson",
    "write_gpkg",
    "write_csv",
    "write_claims",
    "check_output",
]

#: Decimals kept in GeoJSON coordinates: 6 decimals of a degree is about 0.1 m.
COORDINATE_DECIMALS = 6

ClaimsOrFrame = Iterable[Claim] | pd.DataFrame


def _scalar(value: Any) -> Any:
    """A JSON-ready flat scalar: None for missing, ISO strings for dates, Python numbers."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, _dt.datetime):  # includes pandas.Timestamp
        if value.time() == _dt.time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return WHY_SEPARATOR.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    if pd.isna(value):
        return None
    return str(value)


def _round(coords: Any, ndigits: int) -> Any:
    if isinstance(coords, (list, tuple)):
        return [_round(c, ndigits) for c in coords]
    return round(float(coords), ndigits)


def _geometry(geom: Any) -> dict[str, Any] | None:
    if geom is None or (isinstance(geom, float) and math.isnan(geom)) or geom.is_empty:
        return None
    if geom.geom_type == "Point":
        return {
            "type": "Point",
            "coordinates": [round(geom.x, COORDINATE_DECIMALS), round(geom.y, COORDINATE_DECIMALS)],
        }
    mapped = dict(shapely.geometry.mapping(geom))
    mapped["coordinates"] = _round(mapped["coordinates"], COORDINATE_DECIMALS)
    return mapped


def feature_collection(
    claims_or_frame: ClaimsOrFrame, *, columns: Iterable[str] | None = None
) -> dict[str, Any]:
    """Return claims as an RFC 7946 FeatureCollection dict, one Feature per claim.

    Parameters
    ----------
    claims_or_frame : iterable of Claim, or a claims GeoDataFrame
    columns : iterable of str, optional
        The properties to keep (default: every column but the geometry, in frame order).

    Returns
    -------
    dict
        ``{"type": "FeatureCollection", "features": [...]}``; geometries in EPSG:4326 ``[lon, lat]``
        rounded to :data:`COORDINATE_DECIMALS`, null for unresolved claims; flat scalar properties.

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.model import Claim
    >>> fc = feature_collection([Claim("Zvanivka", 48.75, 38.1, report_date=dt.date(2024, 5, 1),
    ...                                why=("settlement of", "gazetteer"))],
    ...                         columns=["place", "date", "why", "lat"])
    >>> fc["features"][0]["properties"]
    {'place': 'Zvanivka', 'date': '2024-05-01', 'why': 'settlement of; gazetteer', 'lat': 48.75}
    """
    gdf = as_frame(claims_or_frame)
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    geom_col = gdf.geometry.name
    names = [c for c in (gdf.columns if columns is None else columns) if c != geom_col]
    props_by_col: dict[str, list[Any]] = {}
    for col in names:
        values = [_scalar(v) for v in gdf[col].tolist()]
        if col in ("lat", "lon"):
            values = [None if v is None else round(v, COORDINATE_DECIMALS) for v in values]
        props_by_col[col] = values
    geometries = [_geometry(g) for g in gdf.geometry]
    features = [
        {
            "type": "Feature",
            "geometry": geom,
            "properties": {col: props_by_col[col][i] for col in names},
        }
        for i, geom in enumerate(geometries)
    ]
    return {"type": "FeatureCollection", "features": features}


def _prepare(path: str | os.PathLike[str]) -> Path:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{path}: cannot create the folder: {exc}") from exc
    return path


def write_geojson(claims_or_frame: ClaimsOrFrame, path: str | os.PathLike[str]) -> Path:
    """Write claims as an RFC 7946 GeoJSON FeatureCollection.

    Parameters
    ----------
    claims_or_frame : iterable of Claim, or a claims GeoDataFrame
    path : str or path-like
        The file to write (its folder is created).

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be written.
    """
    path = _prepare(path)
    doc = feature_collection(claims_or_frame)
    try:
        with replacing(path) as (tmp,), tmp.open("w", encoding="utf-8", newline="\n") as fh:
            json.dump(doc, fh, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
            fh.write("\n")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path


def write_gpkg(
    claims_or_frame: ClaimsOrFrame, path: str | os.PathLike[str], layer: str = "claims",
    front: FrontLine | None = None,
) -> Path:
    """Write claims to a GeoPackage layer through pyogrio (replacing the layer if it exists).

    Dates are written as DateTime fields (datetime64 columns; a column of Python dates would come
    back as text), ``geonameid``/``precision`` as integers, ``contested`` as a boolean; the layer
    is a Point layer in EPSG:4326 with a spatial index, unresolved claims with null geometry.

    Parameters
    ----------
    claims_or_frame : iterable of Claim, or a claims GeoDataFrame
    path : str or path-like
    layer : str, default "claims"
    front : geo.frontline.FrontLine, optional
        Also write the occupied area of every line day the claims used (their ``front_date``)
        as the polygon layer ``front_line`` (one MultiPolygon per day, field ``date``).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be written.
    """
    path = _prepare(path)
    gdf = as_frame(claims_or_frame)
    try:
        with replacing(path, suffix=True) as (tmp,):  # GDAL wants a .gpkg name
            _write_gpkg_layer(gdf, path, tmp, layer)
            if front is not None:
                _write_front_layer(gdf, tmp, front)
    except (OSError, RuntimeError, ValueError) as exc:  # pyogrio errors are RuntimeErrors
        raise ExportError(f"{path}: {exc}") from exc
    return path


def _write_gpkg_layer(gdf: Any, path: Path, tmp: Path, layer: str) -> None:
    """Write the layer into ``tmp``: a copy of ``path``'s other layers if it exists, else a new file."""
    if path.is_file() and path.stat().st_size:
        shutil.copyfile(path, tmp)
    else:
        tmp.unlink()  # GDAL makes the file itself
    pyogrio.write_dataframe(
        gdf,
        tmp,
        layer=layer,
        driver="GPKG",
        geometry_type="Point",
        promote_to_multi=False,
        layer_options={"SPATIAL_INDEX": "YES"},
        # GeoPackage 1.3, not GDAL 3.7+'s default 1.4: GDAL < 3.7 (QGIS 3.28 LTR on Debian 12)
        # warns "user_version ... v1.4.0 may only be partially supported" on opening 1.4
        dataset_options={"VERSION": "1.3"},
    )


def _write_front_layer(gdf: pd.DataFrame, path: Path, front: FrontLine) -> None:
    """The layer ``front_line``: the occupied area of each line day the claims used."""
    import geopandas

    days = sorted({d.date() for d in pd.to_datetime(gdf["front_date"]).dropna()}) if "front_date" in gdf else []
    geoms = [shapely.geometry.MultiPolygon(
        [g] if g.geom_type == "Polygon" else [p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon"])
        for g in (front.geometry(d) for d in days)]
    layer = geopandas.GeoDataFrame(
        {"date": pd.to_datetime(pd.Series(days, dtype="object")).astype("datetime64[ms]")},
        geometry=geopandas.GeoSeries(geoms, crs="EPSG:4326"))
    pyogrio.write_dataframe(layer, path, layer="front_line", driver="GPKG", geometry_type="MultiPolygon",
                            promote_to_multi=True, layer_options={"SPATIAL_INDEX": "YES"})


def write_csv(claims_or_frame: ClaimsOrFrame, path: str | os.PathLike[str]) -> Path:
    """Write claims as CSV: the schema columns, the point as ``lat``/``lon``, ISO dates, UTF-8.

    Parameters
    ----------
    claims_or_frame : iterable of Claim, or a claims GeoDataFrame
    path : str or path-like

    Returns
    -------
    pathlib.Path

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be written.
    """
    path = _prepare(path)
    gdf = as_frame(claims_or_frame)
    df = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    for col in DATE_COLUMNS:
        if col in df and pd.api.types.is_datetime64_any_dtype(df[col]):
            df[col] = df[col].dt.strftime("%Y-%m-%d")
    try:
        with replacing(path) as (tmp,):
            df.to_csv(tmp, index=False, encoding="utf-8", lineterminator="\n")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path


_WRITERS: dict[str, Callable[[ClaimsOrFrame, Path], Path]] = {
    ".geojson": write_geojson,
    ".json": write_geojson,
    ".gpkg": write_gpkg,
    ".csv": write_csv,
}

#: The suffixes :func:`write_claims` knows, in the order it lists them.
SUFFIXES: tuple[str, ...] = tuple(_WRITERS)


def write_claims(claims: ClaimsOrFrame, path: str | os.PathLike[str], *, front: FrontLine | None = None) -> Path:
    """Write claims in the format the path's suffix names: .geojson/.json, .gpkg or .csv.

    With ``front``, a GeoPackage also gets the layer ``front_line`` (see :func:`write_gpkg`).

    Parameters
    ----------
    claims : iterable of Claim, or a claims GeoDataFrame
    path : str or path-like

    Returns
    -------
    pathlib.Path

    Raises
    ------
    frontmap.errors.ExportError
        The suffix is none of :data:`SUFFIXES` (the message names the path and the allowed
        suffixes), or the file cannot be written.
    """
    path = Path(path)
    writer = _writer(path)
    if writer is write_gpkg and front is not None:
        return write_gpkg(claims, path, front=front)
    return writer(claims, path)


def _writer(path: Path) -> Callable[[ClaimsOrFrame, Path], Path]:
    writer = _WRITERS.get(path.suffix.lower())
    if writer is None:
        raise ExportError(
            f"{path}: cannot write claims as {path.suffix or 'a file without suffix'!r}; "
            f"allowed suffixes: {', '.join(SUFFIXES)}"
        )
    return writer


def check_output(path: str | os.PathLike[str]) -> Path:
    """Check, before any claim is extracted, that :func:`write_claims` could write ``path``.

    Raises
    ------
    frontmap.errors.ExportError
        The suffix is not one of :data:`SUFFIXES`, or the file's folder cannot be made or written,
        or the path is a folder.

    Examples
    --------
    >>> check_output("/proc/claims.geojson")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    frontmap.errors.ExportError: /proc/claims.geojson: cannot be written (...)
    """
    path = Path(path)
    _writer(path)
    try:
        return check_writable(path)
    except OSError as exc:
        raise ExportError(str(exc)) from None
