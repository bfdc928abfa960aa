"""Claims as a GeoDataFrame, and back; reports straight to a GeoDataFrame.

One row per claim, resolved or not: the geometry is a WGS 84 point (EPSG:4326), or None when the
mention could not be resolved. The columns are the claim schema :data:`COLUMNS`, in that order,
the same names the GeoJSON, GeoPackage and CSV writers of :mod:`maps.export` use, then
``geometry``. :func:`extract_frame` runs the reading pipeline (:mod:`geo.extract`) on a text, a
file, a folder or a list of them and returns its claims as such a frame.

This is the canonical implementation; :mod:`maps.frame` re-exports it.

Examples
--------
>>> import datetime as dt
>>> from geo.model import Action, Claim
>>> claims = [
...     Claim("Zvanivka", 48.75, 38.1, name="Zvanivka", action=Action.CAPTURED,
...           report_date=dt.date(2024, 5, 1), quote="Zvanivka was captured."),
...     Claim("Nowhereville"),
... ]
>>> gdf = claims_to_frame(claims)
>>> gdf.crs.to_epsg(), len(gdf), list(gdf.columns[:3])
(4326, 2, ['place', 'name', 'geonameid'])
>>> str(gdf["date"].dtype)
'datetime64[ms]'
>>> gdf.geometry.isna().tolist()
[False, True]
>>> frame_to_claims(gdf) == claims
True
"""

from __future__ import annotations

import datetime as _dt
import functools
import math
import os
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import geopandas
import numpy as np
import pandas as pd
import shapely

from frontmap.errors import CoordinateError, DateError
from geo.model import Action, Claim, Claimant, CoordSource

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer
    from gazetteer.ranking import Anchor
    from geo.frontline import FrontLine

    #: What :func:`extract_frame` reads: a text, a path, or paths.
    Source = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]
    #: A point to pull ambiguous names towards.
    Near = str | tuple[float, float] | Anchor | Sequence[Anchor] | None

__all__ = [
    "COLUMNS",
    "DATE_COLUMNS",
    "WHY_SEPARATOR",
    "as_frame",
    "claims_to_frame",
    "frame_to_claims",
    "extract_frame",
]

#: The claim schema: column names of the frame and property names of every export, in order.
COLUMNS: tuple[str, ...] = (
    "place",
    "name",
    "geonameid",
    "admin1",
    "admin2",
    "country",
    "feature_code",
    "coord_source",
    "confidence",
    "precision",
    "uncertainty_m",
    "date",
    "report_date",
    "claim_date",
    "action",
    "action_detail",
    "modality",
    "claimant",
    "actor",
    "role",
    "unit",
    "direction",
    "derived_from",
    "contested",
    "source",
    "url",
    "forwarded_from",
    "quote",
    "why",
    "front_date",
    "front_km",
    "front_status",
    "confirmed_on",
    "lag_days",
    "lat",
    "lon",
)

#: The columns that hold dates (datetime64 in the frame, ISO-8601 strings in GeoJSON and CSV).
DATE_COLUMNS: tuple[str, ...] = ("date", "report_date", "claim_date", "front_date", "confirmed_on")

#: How the evidence list ``Claim.why`` is joined into one flat ``why`` string.
WHY_SEPARATOR = "; "

_DATETIME = "datetime64[ms]"
_INT_COLUMNS = ("geonameid", "precision", "lag_days")
_FLOAT_COLUMNS = ("confidence", "uncertainty_m", "lat", "lon", "front_km")
_TEXT_COLUMNS = (
    "place",
    "name",
    "admin1",
    "admin2",
    "country",
    "feature_code",
    "action_detail",
    "modality",
    "actor",
    "role",
    "unit",
    "direction",
    "derived_from",
    "source",
    "url",
    "forwarded_from",
    "quote",
)


def _row(claim: Claim) -> dict[str, Any]:
    return {
        "place": claim.place,
        "name": claim.name,
        "geonameid": claim.geonameid,
        "admin1": claim.admin1,
        "admin2": claim.admin2,
        "country": claim.country,
        "feature_code": claim.feature_code,
        "coord_source": None if claim.coord_source is None else claim.coord_source.value,
        "confidence": float(claim.confidence),
        "precision": claim.precision,
        "uncertainty_m": claim.uncertainty_m,
        "date": claim.date,
        "report_date": claim.report_date,
        "claim_date": claim.claim_date,
        "action": Action(claim.action).value,
        "action_detail": claim.action_detail,
        "modality": claim.modality,
        "claimant": None if claim.claimant is None else Claimant(claim.claimant).value,
        "actor": claim.actor,
        "role": claim.role,
        "unit": claim.unit,
        "direction": claim.direction,
        "derived_from": claim.derived_from,
        "contested": bool(claim.contested),
        "source": claim.source,
        "url": claim.url,
        "forwarded_from": claim.forwarded_from,
        "quote": claim.quote,
        "why": WHY_SEPARATOR.join(claim.why),
        "front_date": claim.front_date,
        "front_km": claim.front_km,
        "front_status": claim.front_status,
        "confirmed_on": claim.confirmed_on,
        "lag_days": claim.lag_days,
        "lat": claim.lat,
        "lon": claim.lon,
    }


def claims_to_frame(claims: Iterable[Claim]) -> geopandas.GeoDataFrame:
    """Make a GeoDataFrame of claims: one row per claim, resolved or not.

    Parameters
    ----------
    claims : iterable of geo.model.Claim

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`COLUMNS` then ``geometry`` (EPSG:4326 points, None for unresolved claims).
        Dates are ``datetime64[ms]`` (NaT when unknown), ``geonameid`` and ``precision`` nullable
        ``Int64``, ``contested`` bool, ``lat``/``lon``/``confidence``/``uncertainty_m`` float
        (NaN when unknown); enums are their string values.

    Examples
    --------
    >>> from geo.model import Claim
    >>> gdf = claims_to_frame([Claim("Siversk", 48.87, 38.10, geonameid=692194)])
    >>> gdf.geometry.iloc[0].wkt, int(gdf["geonameid"].iloc[0])
    ('POINT (38.1 48.87)', 692194)
    """
    rows = [_row(c) for c in claims]
    df = pd.DataFrame.from_records(rows, columns=list(COLUMNS))
    for col in DATE_COLUMNS:
        df[col] = pd.to_datetime(df[col]).astype(_DATETIME)
    for col in _INT_COLUMNS:
        df[col] = df[col].astype("Int64")
    for col in _FLOAT_COLUMNS:
        df[col] = pd.to_numeric(df[col], errors="raise").astype("float64")
    df["contested"] = df["contested"].astype(bool)
    lat = df["lat"].to_numpy(dtype="float64")
    lon = df["lon"].to_numpy(dtype="float64")
    points = shapely.points(lon, lat)
    points[np.isnan(lat) | np.isnan(lon)] = None
    return geopandas.GeoDataFrame(df, geometry=geopandas.GeoSeries(points, crs="EPSG:4326"))


def as_frame(data: Iterable[Claim] | pd.DataFrame) -> geopandas.GeoDataFrame:
    """Return ``data`` as a claims GeoDataFrame: a GeoDataFrame as is, claims through
    :func:`claims_to_frame`.

    A plain DataFrame (for instance a CSV read back) is taken through :func:`frame_to_claims`.

    Examples
    --------
    >>> from geo.model import Claim
    >>> gdf = as_frame([Claim("Siversk", 48.87, 38.10)])
    >>> as_frame(gdf) is gdf
    True
    """
    if isinstance(data, geopandas.GeoDataFrame):
        return data
    if isinstance(data, pd.DataFrame):
        return claims_to_frame(frame_to_claims(data))
    return claims_to_frame(data)


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, np.generic) and np.ndim(value) == 0:
        return bool(pd.isna(value))
    return False


def _text(value: Any) -> str:
    return "" if _missing(value) else str(value)


def _opt_text(value: Any) -> str | None:
    text = _text(value).strip()
    return text or None


def _opt_int(value: Any) -> int | None:
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    return int(float(value)) if isinstance(value, str) else int(value)


def _opt_float(value: Any) -> float | None:
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    return float(value)


def _opt_date(value: Any, column: str) -> _dt.date | None:
    if _missing(value) or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):
        return value
    try:
        return pd.Timestamp(value).date()
    except (ValueError, TypeError) as exc:
        raise DateError(f"column {column!r}: cannot read {value!r} as a date") from exc


def _bool(value: Any) -> bool:
    if _missing(value):
        return False
    if isinstance(value, str):
        return value.strip().casefold() in {"true", "1", "yes", "t", "y"}
    return bool(value)


def _why(value: Any) -> tuple[str, ...]:
    if _missing(value):
        return ()
    if isinstance(value, (list, tuple, np.ndarray)):
        return tuple(str(v) for v in value)
    text = str(value)
    return tuple(text.split(WHY_SEPARATOR)) if text else ()


def _point(geom: Any) -> tuple[float | None, float | None]:
    if geom is None or _missing(geom) or geom.is_empty:
        return None, None
    if geom.geom_type != "Point":
        geom = geom.representative_point()
    return float(geom.y), float(geom.x)


def frame_to_claims(frame: pd.DataFrame) -> list[Claim]:
    """Read claims back from a frame made by :func:`claims_to_frame` or read from an export.

    Accepts what the writers' files read back as: datetime64 or ISO-string dates, nullable or
    float integers, ``"True"``/``"False"`` strings, empty strings for unknowns. Columns that are
    missing take the Claim defaults; columns outside the schema are ignored. A frame with a
    ``date`` but neither ``report_date`` nor ``claim_date`` gives that date as the claim date.

    The point comes from the geometry when the frame has one (reprojected to EPSG:4326),
    else from the ``lat``/``lon`` columns. ``why`` is split on ``"; "``. ``Claim.start`` and
    ``Claim.end`` (offsets into the report text) are not part of the schema and come back as -1.

    Parameters
    ----------
    frame : pandas.DataFrame or geopandas.GeoDataFrame

    Returns
    -------
    list of geo.model.Claim

    Raises
    ------
    frontmap.errors.DateError
        A date column holds a value that is not a date.
    ValueError
        An ``action``, ``claimant`` or ``coord_source`` value outside the allowed values.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"place": ["Huliaipole"], "lat": [47.66], "lon": [36.26],
    ...                    "report_date": ["2024-06-02"], "action": ["Captured"]})
    >>> claim, = frame_to_claims(df)
    >>> claim.lat, claim.report_date, claim.action
    (47.66, datetime.date(2024, 6, 2), <Action.CAPTURED: 'captured'>)
    """
    geometry: Sequence[Any] | None = None
    if isinstance(frame, geopandas.GeoDataFrame) and frame._geometry_column_name in frame:
        geoms = frame.geometry
        if geoms.crs is not None and not geoms.crs.equals("EPSG:4326"):
            geoms = geoms.to_crs("EPSG:4326")
        geometry = list(geoms)
    columns = [c for c in COLUMNS if c in frame.columns]
    n = len(frame)
    values = {c: frame[c].tolist() for c in columns}

    def get(col: str, i: int) -> Any:
        return values[col][i] if col in values else None

    claims: list[Claim] = []
    for i in range(n):
        lat, lon = _point(geometry[i]) if geometry is not None else (None, None)
        if lat is None:
            lat, lon = _opt_float(get("lat", i)), _opt_float(get("lon", i))
            if lat is None or lon is None:
                lat = lon = None
        coord_source = _opt_text(get("coord_source", i))
        claimant = _opt_text(get("claimant", i))
        action = _opt_text(get("action", i))
        report_date = _opt_date(get("report_date", i), "report_date")
        claim_date = _opt_date(get("claim_date", i), "claim_date")
        if report_date is None and claim_date is None:  # a frame with only the derived "date"
            claim_date = _opt_date(get("date", i), "date")
        text = {c: _text(get(c, i)) for c in _TEXT_COLUMNS}
        if "role" not in values or not text["role"]:
            text["role"] = "event"
        text["modality"] = text["modality"] or "done"
        claims.append(
            Claim(
                lat=lat,
                lon=lon,
                geonameid=_opt_int(get("geonameid", i)),
                coord_source=None if coord_source is None else CoordSource(coord_source),
                confidence=_opt_float(get("confidence", i)) or 0.0,
                precision=_opt_int(get("precision", i)),
                uncertainty_m=_opt_float(get("uncertainty_m", i)),
                report_date=report_date,
                claim_date=claim_date,
                action=Action.OTHER if action is None else Action(action),
                claimant=None if claimant is None else Claimant(claimant),
                contested=_bool(get("contested", i)),
                why=_why(get("why", i)),
                front_date=_opt_date(get("front_date", i), "front_date"),
                front_km=_opt_float(get("front_km", i)),
                front_status=_opt_text(get("front_status", i)),
                confirmed_on=_opt_date(get("confirmed_on", i), "confirmed_on"),
                lag_days=_opt_int(get("lag_days", i)),
                **text,
            )
        )
    return claims


# --------------------------------------------------------------------------- reports → frame

#: Suffixes that make a one-line string a path even when no such file exists (then an error).
_PATH_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm")


def _is_path(text: str) -> bool:
    """A string names a path when it is one line and exists, or looks like a report file name."""
    if "\n" in text or len(text) > 4096 or not text.strip():
        return False
    if Path(text).expanduser().exists():
        return True
    return text.rstrip().lower().endswith(_PATH_SUFFIXES) or text.endswith(("/", os.sep))


def _anchors(near: Near) -> tuple[Anchor, ...]:
    """Anchors for resolution from a point (``(lat, lon)`` or a coordinate string) or anchors."""
    from gazetteer.ranking import Anchor

    from geo.coordinates import parse_coordinate

    if near is None:
        return ()
    if isinstance(near, Anchor):
        return (near,)
    if isinstance(near, str):
        c = parse_coordinate(near)
        lat, lon = c.lat, c.lon
    elif (
        isinstance(near, Sequence)
        and len(near) == 2
        and all(isinstance(v, (int, float, np.number)) for v in near)
    ):
        lat, lon = float(near[0]), float(near[1])  # type: ignore[arg-type]
    else:
        anchors = tuple(near)  # type: ignore[arg-type]
        if not all(isinstance(a, Anchor) for a in anchors):
            raise CoordinateError(f"near={near!r}: expected (lat, lon), a coordinate string or Anchors")
        return anchors
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise CoordinateError(f"near=({lat}, {lon}) is not a latitude/longitude")
    return (Anchor(lat, lon, weight=1.5, scale_km=30.0, label=f"near {lat:.4f},{lon:.4f}"),)


def _report_date(value: _dt.date | str | None) -> _dt.date | None:
    if value is None or isinstance(value, _dt.date):
        return value.date() if isinstance(value, _dt.datetime) else value
    try:
        return _dt.date.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise DateError(f"date={value!r}: expected an ISO date such as 2025-11-21") from exc


@functools.lru_cache(maxsize=2)
def _default_front(path: str, gaz: Gazetteer) -> FrontLine:
    from geo.frontline import FrontLine

    return FrontLine.from_file(path, gaz)


def _front_line(front: FrontLine | str | os.PathLike[str] | bool | None, gaz: Gazetteer) -> FrontLine | None:
    """The front line ``extract_frame(front=...)`` asks for (see there)."""
    if front is None or front is False:
        return None
    if front is True:
        from frontmap.settings import front_file

        path = front_file()
        return None if path is None else _default_front(str(path), gaz)
    if hasattr(front, "distance_function"):
        return front  # type: ignore[return-value]
    from geo.frontline import FrontLine

    return FrontLine.from_file(front, gaz)  # type: ignore[arg-type]


def extract_frame(
    source: Source,
    gaz: Gazetteer | None = None,
    *,
    date: _dt.date | str | None = None,
    front: FrontLine | str | os.PathLike[str] | bool | None = True,
    near: Near = None,
    errors: Literal["warn", "raise", "ignore"] = "warn",
    contested_days: int = 14,
) -> geopandas.GeoDataFrame:
    """Extract the claims of a text, a file, a folder or a list of them as a GeoDataFrame.

    ``extract_frame("seeds/")`` → one row per claim (see :func:`claims_to_frame`).

    Parameters
    ----------
    source
        A report's text; or a path (``pathlib.Path``, or a one-line string naming an existing
        file or folder, or ending in ``.txt``/``.md``/``.html``); or a list of paths. Folders
        are walked for text and HTML files as ``frontmap extract`` does.
    gaz
        The gazetteer; default ``Gazetteer.open()`` (``$FRONTMAP_DATA``, then the cache).
    date
        For a text: the report's date (a ``date`` or ISO string); default the date the text
        gives in its header, if any. Files date themselves.
    front
        The front line that ranks namesakes by their distance to it on each report's day: a
        :class:`geo.frontline.FrontLine`, the path of a front-line GeoJSON, True (the default:
        the history in the data folder, :func:`frontmap.settings.front_file`, if there is one,
        as ``frontmap extract`` does; read once, then remembered) or False/None (no front line).
    near
        ``(lat, lon)``, a coordinate string (``"48.3, 37.2"``) or :class:`gazetteer.ranking.Anchor`
        objects: pulls ambiguous names towards that point.
    errors
        What to do with inputs that cannot be read: ``"warn"`` (a ``RuntimeWarning`` each, the
        rest is extracted), ``"raise"`` (the first :class:`frontmap.errors.ReportError`) or
        ``"ignore"``. They are listed in ``frame.attrs["errors"]`` in every case.
    contested_days
        Two sides' different claims about one place at most this many days apart mark it
        contested (:func:`geo.extract.mark_contested`).

    With a front line every claim is checked against it (:func:`geo.verify.check_claims`:
    ``front_status``, ``confirmed_on``, ``lag_days``, ``front_date``, ``front_km``).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`COLUMNS` and ``geometry`` (EPSG:4326, None when unresolved), dates as
        ``datetime64[ms]``; ``attrs`` holds ``files``, ``reports`` and ``errors``.

    Raises
    ------
    frontmap.errors.ReportError
        A path that does not exist or cannot be read, with ``errors="raise"``.
    frontmap.errors.GazetteerNotFoundError
        No gazetteer could be opened.

    Examples
    --------
    A one-village gazetteer (a real one is ``Gazetteer.open()``):

    >>> import tempfile, pathlib
    >>> from gazetteer import Gazetteer
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> row = ["687116", "Zvanivka", "Zvanivka", "Zvanovka,Званівка", "48.81204", "38.07797",
    ...        "P", "PPL", "UA", "", "05", "1402", "", "", "0", "", "150", "Europe/Kyiv", ""]
    >>> _ = (folder / "UA.txt").write_text("\\t".join(row) + "\\n", encoding="utf-8")
    >>> gaz = Gazetteer.from_dumps([folder / "UA.txt"], cache_dir=folder, progress=False)
    >>> gdf = extract_frame("Russian forces captured Zvanovka, the ministry said.", gaz,
    ...                     date="2025-11-23", front=False)
    >>> gdf[["place", "name", "action", "claimant"]].iloc[0].tolist()
    ['Zvanovka', 'Zvanivka', 'captured', 'RU-MoD']
    >>> gdf["date"].iloc[0], gdf.geometry.iloc[0].wkt
    (Timestamp('2025-11-23 00:00:00'), 'POINT (38.07797 48.81204)')
    """
    from geo.extract import ExtractResult, extract_files, extract_text, mark_contested

    if errors not in ("warn", "raise", "ignore"):
        raise ValueError(f"errors={errors!r}: expected 'warn', 'raise' or 'ignore'")
    anchors = _anchors(near)
    if gaz is None:
        from gazetteer import Gazetteer

        gaz = Gazetteer.open(progress=False)
    front_line = _front_line(front, gaz)

    if isinstance(source, str) and not _is_path(source):
        from geo.dates import find_report_date

        day = _report_date(date) if date is not None else find_report_date(source)
        front_km = front_line.distance_function(day) if front_line is not None else None  # type: ignore[union-attr]
        claims = extract_text(source, gaz, date=day, front_km=front_km, near=anchors)
        result = ExtractResult(claims=mark_contested(claims, contested_days), reports=1, files=0)
    else:
        paths = [source] if isinstance(source, (str, os.PathLike)) else list(source)
        result = extract_files(
            paths,
            gaz,
            front_km_for=front_line.distance_function if front_line is not None else None,  # type: ignore[union-attr]
            near=anchors,
            contested_days=contested_days,
        )
    from geo.verify import check_claims

    result.claims = check_claims(result.claims, front_line)
    if result.errors and errors == "raise":
        raise result.errors[0]
    if errors == "warn":
        for err in result.errors:
            warnings.warn(f"skipped {err}", RuntimeWarning, stacklevel=2)
    gdf = claims_to_frame(result.claims)
    gdf.attrs.update(
        files=result.files, reports=result.reports, errors=[str(e) for e in result.errors]
    )
    return gdf
