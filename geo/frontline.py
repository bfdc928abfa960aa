"""The front line by date: occupied territory polygons, and distances to their edge.

Reads the DeepState history (one Feature per day, ``properties.date``; plain or ``.xz``/``.gz``)
or a single-day file (the date from ``properties.date``, else from a ``YYYYMMDD`` in the file
name). For a claim dated D the line used is the latest one on or before D (the history's date
is the download date: the state of the previous evening), else the earliest after it.

Examples
--------
>>> import datetime as dt
>>> from shapely.geometry import box
>>> fl = FrontLine({dt.date(2025, 11, 20): box(37.0, 48.0, 38.0, 49.0)})
>>> round(fl.distance_km(48.5, 36.9, dt.date(2025, 11, 22)), 1)
7.4
>>> fl.occupied(48.5, 37.5, dt.date(2025, 11, 22))
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import itertools
import json
import lzma
import os
import re
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from frontmap.errors import FrontlineError
from frontmap.files import write_atomic

__all__ = ["FrontLine"]

_TOKENS = itertools.count()

#: Version of the parsed copy kept in the cache folder (see :meth:`FrontLine.from_file`)
_CACHE_FORMAT = 1

# Distances are measured in a metric projection centred on the front (Lambert azimuthal equal
# area at 48.5N 37.5E): within the theatre its distance error is far below a kilometre.
_TO_METRIC = Transformer.from_crs(
    "EPSG:4326", "+proj=laea +lat_0=48.5 +lon_0=37.5 +datum=WGS84 +units=m", always_xy=True
)


def _keep(path: Path, write: Callable[[Path], object]) -> None:
    """Write a file of the cache folder whole or not at all (:func:`frontmap.files.write_atomic`).
    A folder that cannot be written is passed over: fine, only slower next time. Not flushed to
    disk (fsync): a cache lost in a power cut is only worked out again."""
    try:
        write_atomic(path, write, durable=False, suffix=True)
    except OSError:
        pass


#: The most bytes a front-line file may hold once unpacked (the two-year DeepState history is ~50 MB)
MAX_FRONT_BYTES = 256 * 2**20


def _unpacked(p: Path, raw: bytes, limit: int) -> bytes:
    """``raw`` unpacked (xz or gzip, by suffix or magic bytes), refused past ``limit`` bytes.

    Unpacked a block at a time: a bomb is stopped at the limit, never held whole.
    """
    if p.suffix == ".xz" or raw[:6] == b"\xfd7zXZ\x00":
        new, more = lzma.LZMADecompressor, lambda d: not d.needs_input
    elif p.suffix == ".gz" or raw[:2] == b"\x1f\x8b":
        new, more = (lambda: zlib.decompressobj(wbits=47)), lambda d: bool(d.unconsumed_tail)  # 47: gzip or zlib
    else:
        if len(raw) > limit:
            _too_big(p, limit)
        return raw
    parts: list[bytes] = []
    size, unpack, data = 0, new(), raw
    while True:
        if isinstance(unpack, lzma.LZMADecompressor):
            chunk = unpack.decompress(data, max_length=16 * 2**20)
        else:
            chunk = unpack.decompress(data, 16 * 2**20)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            _too_big(p, limit)
        if unpack.eof:  # one stream (member) after another, as lzma/gzip.decompress read them
            data = unpack.unused_data.lstrip(b"\x00")  # xz stream padding
            if not data:
                break
            unpack = new()
        elif more(unpack):
            data = b"" if isinstance(unpack, lzma.LZMADecompressor) else unpack.unconsumed_tail
        else:
            raise EOFError("compressed data ended before the end-of-stream marker")
    return b"".join(parts)


def _too_big(p: Path, limit: int) -> None:
    raise FrontlineError(
        f"{p}: unpacks to more than {limit / 2**20:g} MiB; frontmap reads front-line files up to that "
        f"size (MAX_FRONT_BYTES): a compression bomb, or not a front line"
    )


def _load_geojson(p: Path, limit: int | None = None) -> object:
    """The JSON of a front-line file, its size capped (:data:`MAX_FRONT_BYTES`) before and after unpacking."""
    limit = MAX_FRONT_BYTES if limit is None else limit
    try:
        if p.stat().st_size > limit:
            raise FrontlineError(f"{p}: larger than {limit / 2**20:g} MiB; frontmap reads front-line files up to that size")
        raw = p.read_bytes()
    except OSError as exc:
        raise FrontlineError(f"{p}: cannot read ({exc.strerror or exc})") from exc
    try:
        return json.loads(_unpacked(p, raw, limit))
    except FrontlineError:
        raise
    except RecursionError:
        raise FrontlineError(f"{p}: JSON nested too deep to be GeoJSON") from None
    except (lzma.LZMAError, zlib.error, OSError, EOFError, ValueError) as exc:
        raise FrontlineError(f"{p}: not a (compressed) GeoJSON file: {exc}") from exc


def _bad_polygon(geom: dict) -> str:
    """Why a GeoJSON (Multi)Polygon cannot be a front line (rings that are not lists of [lon, lat]
    numbers, coordinates off the globe or not finite), or ''."""
    coords = geom.get("coordinates")
    polys = [coords] if geom["type"] == "Polygon" else coords
    if not isinstance(polys, list) or not all(isinstance(poly, list) for poly in polys):
        return "coordinates are not a list of rings"
    for poly in polys:
        for ring in poly:
            try:
                xy = np.asarray(ring, dtype=float)
            except (ValueError, TypeError):
                return "a ring that is not a list of [lon, lat] numbers"
            if xy.ndim != 2 or xy.shape[1] < 2 or len(xy) < 4:
                return "a ring that is not a list of at least 4 [lon, lat] positions"
            if not np.isfinite(xy).all() or np.abs(xy[:, 0]).max() > 180 or np.abs(xy[:, 1]).max() > 90:
                bad = xy[~(np.isfinite(xy[:, :2]).all(axis=1) & (np.abs(xy[:, 0]) <= 180) & (np.abs(xy[:, 1]) <= 90))][0]
                return f"coordinates off the globe ({bad[0]:g}, {bad[1]:g}): longitude must lie within ±180, latitude ±90"
    return ""


def _to_metric_xy(xy: np.ndarray) -> np.ndarray:
    x, y = _TO_METRIC.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


class FrontLine:
    """Occupied territory by date, with distance and containment queries."""

    #: how many measured distances are remembered per line date
    MEMO_SIZE = 200_000

    def __init__(
        self,
        by_date: Mapping[dt.date, BaseGeometry | list[dict] | bytes],
        *,
        source: str = "",
    ) -> None:
        if not by_date:
            raise FrontlineError(f"{source or 'front line'}: no dated polygons")
        self._dates = sorted(by_date)
        # geometries are built on first use: a two-year history holds ~770 days
        self._geoms: dict[dt.date, BaseGeometry | list[dict] | bytes] = {d: by_date[d] for d in self._dates}
        self.source = source
        self._metric: dict[dt.date, tuple[BaseGeometry, BaseGeometry]] = {}
        self._edges: dict[dt.date, BaseGeometry] = {}  # front proper read from the cache alone
        self._ref: tuple[np.ndarray, np.ndarray] | None = None
        self._ref_tree: shapely.STRtree | None = None  # of all the settlements, built once
        self._ref_km = 12.0
        # distances already measured, by line date and point: reports name the same villages
        self._known: dict[dt.date, dict[tuple[float, float], float]] = {}
        self._token = next(_TOKENS)  # tells this line from any other in a cache key
        # the cache folder of the file this line was read from (see from_file), and the folder in
        # it holding each day's front proper for the settlements given (see with_settlements)
        self._store: Path | None = None
        self._proper_store: Path | None = None

    def with_settlements(self, lats, lons, *, within_km: float = 12.0) -> FrontLine:
        """Measure distances to the front proper, not to the whole edge of occupied territory.

        The edge of the occupied area also runs along the sea coast and the Russian border; a
        village on the Crimean coast is not "at the front". Given the settlements of Ukraine
        (from the gazetteer), the front line of a day is the part of the edge that has a
        settlement *outside* the occupied area within ``within_km``.

        Examples
        --------
        >>> import datetime as dt
        >>> from shapely.geometry import box
        >>> fl = FrontLine({dt.date(2025, 1, 1): box(37.0, 48.0, 38.0, 49.0)})
        >>> fl = fl.with_settlements([48.5], [36.95])   # one held village west of the box
        >>> round(fl.distance_km(48.5, 37.02, dt.date(2025, 1, 1)), 1)   # near the west edge
        1.5
        >>> fl.distance_km(48.5, 37.98, dt.date(2025, 1, 1)) > 60     # the east edge is no front
        True
        """
        x, y = _TO_METRIC.transform(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
        self._ref = (np.ascontiguousarray(x, dtype=float), np.ascontiguousarray(y, dtype=float))
        self._ref_km = within_km
        self._ref_tree = None
        self._proper_store = None
        if self._store is not None:
            # the front proper depends on the day's polygons (the file) and on these settlements
            h = hashlib.sha256(self._ref[0].tobytes())
            h.update(self._ref[1].tobytes())
            h.update(repr(float(within_km)).encode())
            self._proper_store = self._store.with_name(f"{self._store.stem}-front-{h.hexdigest()[:16]}")
        self._metric.clear()
        self._edges.clear()
        # distances measured before now mean something else: forget them, and take a new token
        self._known.clear()
        self._token = next(_TOKENS)
        return self

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], gaz=None, *, cache: bool = True) -> FrontLine:
        """Read a front-line GeoJSON (optionally xz/gzip-compressed).

        With a gazetteer, distances are measured to the front proper (see
        :meth:`with_settlements`), using its populated places in Ukraine.

        Parsing a two-year history takes seconds (50 MB of GeoJSON); with ``cache`` the
        geometries are kept as WKB in the cache folder (``$FRONTMAP_CACHE``), keyed by the
        file's SHA-256, and later runs read that instead (~0.1 s). So is each day's front proper
        once worked out (~50 ms a day, ~40 s for a two-year stream of reports, in every process
        of a run): later runs and the other workers of a pool read it (~1 ms). A cache that cannot
        be written or read is passed over: the line is worked out as without it.
        """
        fl = cls._read_cached(path) if cache else cls._read(path)
        if gaz is not None:
            fl.with_settlements(*gaz.coordinates(classes="P", country="UA"))
        return fl

    @classmethod
    def _read_cached(cls, path: str | os.PathLike[str]) -> FrontLine:
        p = Path(path)
        try:
            digest = hashlib.sha256(p.read_bytes()).hexdigest()[:24]
        except OSError as exc:
            raise FrontlineError(f"{p}: cannot read ({exc.strerror or exc})") from exc
        try:
            from frontmap.settings import cache_dir

            store = cache_dir() / "frontline" / f"{digest}-v{_CACHE_FORMAT}.npz"
        except OSError:
            return cls._read(p)
        if store.is_file():
            try:
                with np.load(store, allow_pickle=False) as z:
                    days = [dt.date.fromordinal(int(d)) for d in z["days"]]
                    blob, ends = z["blob"].tobytes(), z["ends"].tolist()
                starts = [0, *ends[:-1]]
                fl = cls({d: blob[a:b] for d, a, b in zip(days, starts, ends, strict=True)}, source=str(p))
                fl._store = store
                return fl
            except (OSError, ValueError, KeyError, TypeError):
                pass  # a damaged or foreign cache file: parse the source again, and rewrite it
        fl = cls._read(p)
        fl._store = store
        wkb = [shapely.to_wkb(fl.geometry(d)) for d in fl._dates]
        _keep(store, lambda tmp: np.savez(
            tmp, days=np.array([d.toordinal() for d in fl._dates], dtype=np.int64),
            blob=np.frombuffer(b"".join(wkb), dtype=np.uint8), ends=np.cumsum([len(w) for w in wkb], dtype=np.int64)))
        return fl

    @classmethod
    def _read(cls, path: str | os.PathLike[str]) -> FrontLine:
        p = Path(path)
        data = _load_geojson(p)
        feats = data.get("features") if isinstance(data, dict) else None
        if not isinstance(feats, list):
            raise FrontlineError(f"{p}: no GeoJSON features")
        m = re.search(r"(20\d\d)-?(\d\d)-?(\d\d)", p.name)
        file_date = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None
        parts: dict[dt.date, list[dict]] = {}
        for i, f in enumerate(feats):
            if not isinstance(f, dict):
                raise FrontlineError(f"{p}: feature {i} is a JSON {type(f).__name__}, not an object")
            props = f.get("properties") or {}
            if not isinstance(props, dict):
                raise FrontlineError(f"{p}: feature {i}: properties are a JSON {type(props).__name__}, not an object")
            d = props.get("date")
            try:
                day = dt.date.fromisoformat(str(d)[:10]) if d else file_date
            except ValueError as exc:
                raise FrontlineError(f"{p}: feature {i}: bad date {d!r}") from exc
            if day is None:
                raise FrontlineError(f"{p}: feature {i} has no date and the file name holds none (YYYYMMDD)")
            geom = f.get("geometry")
            if not geom:
                continue
            if not isinstance(geom, dict) or geom.get("type") not in ("Polygon", "MultiPolygon"):
                raise FrontlineError(f"{p}: feature {i}: geometry is not a (Multi)Polygon")
            problem = _bad_polygon(geom)
            if problem:
                raise FrontlineError(f"{p}: feature {i} ({day}): {problem}")
            parts.setdefault(day, []).append(geom)
        return cls(parts, source=str(p))

    @property
    def dates(self) -> list[dt.date]:
        """The dates the file holds, in order."""
        return list(self._dates)

    def date_for(self, day: dt.date | None) -> dt.date:
        """The line's date used for ``day``: the latest on or before it, else the earliest."""
        if day is None:
            return self._dates[-1]
        k = bisect.bisect_right(self._dates, day)
        return self._dates[k - 1] if k > 0 else self._dates[0]

    def geometry(self, day: dt.date | None) -> BaseGeometry:
        """Occupied territory (lon/lat) on ``day``."""
        d = self.date_for(day)
        g = self._geoms[d]
        if isinstance(g, bytes):  # from the cache: already made valid and joined
            g = self._geoms[d] = shapely.from_wkb(g)
        if isinstance(g, list):
            try:
                shapes = [shape(x) for x in g]
            except (ValueError, TypeError, AttributeError, KeyError, shapely.errors.GEOSException) as exc:
                raise FrontlineError(f"{self.source}: {d}: bad geometry: {exc}") from exc
            shapes = [x if x.is_valid else x.buffer(0) for x in shapes]
            g = shapes[0] if len(shapes) == 1 else unary_union(shapes)
            self._geoms[d] = g
        return g

    def _metric_for(self, day: dt.date | None) -> tuple[BaseGeometry, BaseGeometry]:
        d = self.date_for(day)
        if d not in self._metric:
            area = shapely.transform(self.geometry(d), _to_metric_xy)
            edge = area.boundary
            if self._ref is not None:
                edge = self._stored_front_proper(d, area, edge)
            shapely.prepare(area)
            shapely.prepare(edge)
            self._metric[d] = (area, edge)
        return self._metric[d]

    def _edge_for(self, day: dt.date | None) -> BaseGeometry:
        """The (metric) line of ``day`` that distances are measured to.

        A front proper already in the cache folder is read alone, without projecting the day's
        occupied area (which only containment and working the front proper out need): checking
        claims over two years of days reads 769 edges, not 769 areas.
        """
        d = self.date_for(day)
        got = self._metric.get(d)
        if got is not None:
            return got[1]
        edge = self._edges.get(d)
        if edge is None and self._proper_store is not None and self._ref is not None:
            try:
                edge = shapely.from_wkb((self._proper_store / f"{d.isoformat()}.wkb").read_bytes())
            except (OSError, shapely.errors.GEOSException):
                edge = None
            if edge is not None:
                shapely.prepare(edge)
                self._edges[d] = edge
        return edge if edge is not None else self._metric_for(d)[1]

    def _stored_front_proper(self, d: dt.date, area: BaseGeometry, edge: BaseGeometry) -> BaseGeometry:
        """``_front_proper``, read from the cache folder when a run has worked it out before, else
        worked out and written there (one file a day, written whole or not at all)."""
        if self._proper_store is None:
            return self._front_proper(area, edge)
        path = self._proper_store / f"{d.isoformat()}.wkb"
        try:
            return shapely.from_wkb(path.read_bytes())
        except (OSError, shapely.errors.GEOSException):
            pass  # not worked out yet, or damaged: work it out (again) and write it
        got = self._front_proper(area, edge)
        wkb = shapely.to_wkb(got)
        _keep(path, lambda tmp: tmp.write_bytes(wkb))
        return got

    def _front_proper(self, area: BaseGeometry, edge: BaseGeometry) -> BaseGeometry:
        """The edge's points (every 500 m) that have a held settlement within ``_ref_km``."""
        rx, ry = self._ref
        held = ~shapely.contains_xy(area, rx, ry)
        if not held.any():
            return edge
        # one tree of every settlement for all days (not one of the day's held ones, built and
        # filled with new points each day): the pairs found are kept when their settlement is held
        if self._ref_tree is None:
            self._ref_tree = shapely.STRtree(shapely.points(rx, ry))
        verts = shapely.get_coordinates(shapely.segmentize(edge, 500.0))
        pairs = self._ref_tree.query(shapely.points(verts), predicate="dwithin", distance=self._ref_km * 1000.0)
        keep = np.unique(pairs[0][held[pairs[1]]])
        if keep.size == 0:
            return edge
        return shapely.multipoints(verts[keep])

    def distance_km(self, lat: float, lon: float, day: dt.date | None = None) -> float:
        """Distance in km from a point to the edge of occupied territory on ``day``."""
        edge = self._edge_for(day)
        x, y = _TO_METRIC.transform(lon, lat)
        return float(shapely.distance(shapely.Point(x, y), edge)) / 1000.0

    def distances_km(self, lats, lons, day: dt.date | None = None) -> np.ndarray:
        """Distances in km from many points to the edge of occupied territory on ``day`` (vectorised).

        Distances once measured are remembered per line date and point (up to
        :attr:`MEMO_SIZE` points a date): a stream of reports names the same villages again.
        """
        lats = np.asarray(lats, dtype=float)
        lons = np.asarray(lons, dtype=float)
        d = self.date_for(day)
        known = self._known.setdefault(d, {})
        pts = list(zip(lats.tolist(), lons.tolist()))
        out = np.fromiter((known.get(p, np.nan) for p in pts), float, len(pts))
        miss = np.flatnonzero(np.isnan(out))
        if miss.size:
            edge = self._edge_for(d)
            x, y = _TO_METRIC.transform(lons[miss], lats[miss])
            got = shapely.distance(shapely.points(x, y), edge) / 1000.0
            out[miss] = got
            if len(known) < self.MEMO_SIZE:
                known.update(zip((pts[i] for i in miss.tolist()), got.tolist()))
        return out

    def occupied(self, lat: float, lon: float, day: dt.date | None = None) -> bool:
        """Whether a point lies in occupied territory on ``day``."""
        area, _ = self._metric_for(day)
        x, y = _TO_METRIC.transform(lon, lat)
        return bool(shapely.contains_xy(area, x, y))

    def distance_function(self, day: dt.date | None) -> Callable[[float, float], float]:
        """``(lat, lon) -> km`` to the line of ``day``, memoised (for ranking many candidates).

        Both forms answer from the distances the line remembers per date (:meth:`distances_km`).
        """

        def f(lat: float, lon: float) -> float:
            return float(self.distances_km([lat], [lon], day)[0])

        def many(lats, lons) -> np.ndarray:
            return self.distances_km(lats, lons, day)

        f.many = many  # type: ignore[attr-defined]  # vectorised form, for ranking many candidates
        # the same line and day give the same distances: rankings may be remembered by this key
        f.cache_key = (self._token, self.date_for(day))  # type: ignore[attr-defined]
        return f
