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
import lzma
import os
import re
import zlib
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np
import orjson
import shapely
from pyproj import Transformer
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from frontmap.errors import FrontlineError
from frontmap.files import write_atomic

__all__ = ["FrontLine"]

_TOKENS = itertools.count()
_NOTHING_KNOWN: dict = {}  #: the distances of an area not measured yet (read only)

#: Version of the parsed copy kept in the cache folder (see :meth:`FrontLine.from_file`)
_CACHE_FORMAT = 2

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
        text = _unpacked(p, raw, limit)
        return orjson.loads(text[3:] if text[:3] == b"\xef\xbb\xbf" else text)  # a UTF-8 byte order mark is allowed
    except FrontlineError:
        raise
    except orjson.JSONDecodeError as exc:
        if "depth limit" in str(exc) or "recursion" in str(exc).lower():
            raise FrontlineError(f"{p}: JSON nested too deep to be GeoJSON") from None
        raise FrontlineError(f"{p}: not a (compressed) GeoJSON file: {exc}") from exc
    except (lzma.LZMAError, zlib.error, OSError, EOFError, ValueError) as exc:
        raise FrontlineError(f"{p}: not a (compressed) GeoJSON file: {exc}") from exc


def _polygons(geom: dict) -> tuple[list[list[np.ndarray]], str]:
    """The polygons of a GeoJSON (Multi)Polygon as lists of rings ((n, 2) float arrays), and why
    they cannot be a front line ('' when they can): rings that are not lists of [lon, lat]
    numbers, coordinates off the globe or not finite."""
    coords = geom.get("coordinates")
    polys = [coords] if geom["type"] == "Polygon" else coords
    if not isinstance(polys, list) or not all(isinstance(poly, list) for poly in polys):
        return [], "coordinates are not a list of rings"
    out: list[list[np.ndarray]] = []
    for poly in polys:
        rings = []
        for ring in poly:
            try:
                xy = np.asarray(ring, dtype=float)
            except (ValueError, TypeError):
                return [], "a ring that is not a list of [lon, lat] numbers"
            if xy.ndim != 2 or xy.shape[1] < 2 or len(xy) < 4:
                return [], "a ring that is not a list of at least 4 [lon, lat] positions"
            rings.append(xy[:, :2])
        if rings:
            out.append(rings)
    if out:  # every position checked at once
        xy = np.concatenate([r for rings in out for r in rings])
        ok = np.isfinite(xy).all(axis=1) & (np.abs(xy[:, 0]) <= 180) & (np.abs(xy[:, 1]) <= 90)
        if not ok.all():
            bad = xy[~ok][0]
            return [], f"coordinates off the globe ({bad[0]:g}, {bad[1]:g}): longitude must lie within ±180, latitude ±90"
    return out, ""


def _geometry(polys: list[list[np.ndarray]]) -> BaseGeometry:
    """One feature's polygons as a shapely geometry (made valid when it is not)."""
    made = [shapely.Polygon(rings[0], rings[1:]) for rings in polys]
    g = made[0] if len(made) == 1 else shapely.MultiPolygon(made)
    return g if g.is_valid else g.buffer(0)


def _to_metric_xy(xy: np.ndarray) -> np.ndarray:
    x, y = _TO_METRIC.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def _hash_rows(a: np.ndarray) -> np.ndarray:
    """A 64-bit hash of each row of a float array (its bit patterns mixed), for finding equal rows."""
    bits = np.ascontiguousarray(a, dtype=np.float64).view(np.uint64)
    h = np.zeros(len(a), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(bits.shape[1]):
            h = (h ^ bits[:, j]) * np.uint64(0x9E3779B97F4A7C15)
            h ^= h >> np.uint64(29)
    return h


def _unique_rows(a: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first index of each distinct row of ``a`` (in order of first appearance), and each
    row's distinct number. Exact: rows are hashed and told apart in a hash table
    (:func:`pandas.factorize`, linear time), and sorted row by row only when two different rows
    share a hash."""
    import pandas as pd

    inv, uniq = pd.factorize(_hash_rows(a))
    inv = np.asarray(inv, dtype=np.intp)
    first = np.empty(len(uniq), dtype=np.intp)
    first[inv[::-1]] = np.arange(len(a) - 1, -1, -1)  # the last write is the first row
    if not (a[first][inv] == a).all():  # two rows with one hash: the exact, slower way
        _, first, inv = np.unique(a, axis=0, return_index=True, return_inverse=True)
        inv = inv.reshape(-1)
    return first, inv


class FrontLine:
    """Occupied territory by date, with distance and containment queries.

    Days with the same occupied area share it (a two-year history holds 769 days but 656
    distinct areas, and far fewer distinct stretches of line): each distinct area is tested and
    measured once, and the front proper of all of them is worked out in one pass over the
    distinct segments of all their edges (see :meth:`with_settlements`).
    """

    #: how many measured distances are remembered per distinct area
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
        self._ords = np.array([d.toordinal() for d in self._dates], dtype=np.int64)
        # distinct areas: days given the same object (or the same WKB) share one, built on first use
        slots: dict[object, int] = {}
        self._areas: list[BaseGeometry | list[dict] | bytes] = []
        area_of = []
        for d in self._dates:
            g = by_date[d]
            key = g if isinstance(g, bytes) else id(g)
            k = slots.get(key)
            if k is None:
                k = slots[key] = len(self._areas)
                self._areas.append(g)
            area_of.append(k)
        self._area_of = np.asarray(area_of, dtype=np.intp)
        self.source = source
        self._edges: dict[int, shapely.STRtree] = {}  # what distances are measured to, per area (_segments_for)
        self._front: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # see _front_proper
        self._segs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # see _segments
        self._changed: list[np.ndarray] | None = None  # see _changes
        self._ref: tuple[np.ndarray, np.ndarray] | None = None  # settlements, metric x, y
        self._ref_ll: tuple[np.ndarray, np.ndarray] | None = None  # the same, lon, lat
        self._ref_km = 12.0
        # distances already measured, by area and point: reports name the same villages
        self._known: dict[int, dict[tuple[float, float], float]] = {}
        self._token = next(_TOKENS)  # tells this line from any other in a cache key
        # the cache file this line was read from (see from_file), and the one holding the front
        # proper of all its areas for the settlements given (see with_settlements)
        self._store: Path | None = None
        self._front_store: Path | None = None

    def with_settlements(self, lats, lons, *, within_km: float = 12.0) -> FrontLine:
        """Measure distances to the front proper, not to the whole edge of occupied territory.

        The edge of the occupied area also runs along the sea coast and the Russian border; a
        village on the Crimean coast is not "at the front". Given the settlements of Ukraine
        (from the gazetteer), the front line of a day is the part of the edge that has a
        settlement *outside* the occupied area within ``within_km``: the edge's points every
        500 m (at most) that have one (the whole edge when none has).

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
        lon = np.ascontiguousarray(lons, dtype=float)
        lat = np.ascontiguousarray(lats, dtype=float)
        x, y = _TO_METRIC.transform(lon, lat)
        self._ref = (np.ascontiguousarray(x, dtype=float), np.ascontiguousarray(y, dtype=float))
        self._ref_ll = (lon, lat)
        self._ref_km = within_km
        self._front = None
        self._front_store = None
        if self._store is not None:
            # the front proper depends on the areas (the file) and on these settlements
            h = hashlib.sha256(self._ref[0].tobytes())
            h.update(self._ref[1].tobytes())
            h.update(repr(float(within_km)).encode())
            self._front_store = self._store.with_name(f"{self._store.stem}-front-{h.hexdigest()[:16]}.npz")
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

        Parsing a two-year history takes about two seconds (50 MB of GeoJSON); with ``cache``
        its distinct areas are kept as WKB in the cache folder (``$FRONTMAP_CACHE``, else the
        user cache), keyed by the file's SHA-256 (a changed file gets a new copy), and later runs
        read that instead (~0.1 s). So is the front proper of all the areas once worked out for a
        set of settlements (about a second for two years). A cache that cannot be written or read
        is passed over: the line is worked out as without it.
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
                    area_of = z["area_of"].tolist()
                    blob, ends = z["blob"].tobytes(), z["ends"].tolist()
                    changes, change_ends = z["changes"], z["change_ends"].tolist()
                starts = [0, *ends[:-1]]
                wkb = [blob[a:b] for a, b in zip(starts, ends, strict=True)]
                fl = cls({d: wkb[k] for d, k in zip(days, area_of, strict=True)}, source=str(p))
                if len(change_ends) != len(wkb) - 1 or changes.ndim != 2 or changes.shape[1] != 4:
                    raise ValueError("not a copy of this line")
                fl._changed = np.split(changes, change_ends[:-1]) if change_ends else []
                fl._store = store
                return fl
            except (OSError, ValueError, KeyError, TypeError, IndexError):
                pass  # a damaged or foreign cache file: parse the source again, and rewrite it
        fl = cls._read(p)
        fl._store = store
        wkb = [shapely.to_wkb(fl._area(k)) for k in range(len(fl._areas))]
        changed = fl._changes()  # what later runs follow points through (see _held_areas)
        _keep(store, lambda tmp: np.savez(
            tmp, days=fl._ords, area_of=fl._area_of.astype(np.int64),
            blob=np.frombuffer(b"".join(wkb), dtype=np.uint8), ends=np.cumsum([len(w) for w in wkb], dtype=np.int64),
            changes=np.concatenate([np.zeros((0, 4)), *changed]),
            change_ends=np.cumsum([len(c) for c in changed], dtype=np.int64)))
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
        parts: dict[dt.date, list[list[list[np.ndarray]]]] = {}
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
            polys, problem = _polygons(geom)
            if problem:
                raise FrontlineError(f"{p}: feature {i} ({day}): {problem}")
            if polys:
                parts.setdefault(day, []).append(polys)
        # days whose polygons are the same, coordinate for coordinate, share one area
        built: dict[bytes, BaseGeometry] = {}
        by_date: dict[dt.date, BaseGeometry] = {}
        for day, feats_of_day in parts.items():
            h = hashlib.blake2b(digest_size=20)
            for polys in feats_of_day:
                h.update(b"F")
                for rings in polys:
                    h.update(b"P")
                    for ring in rings:
                        h.update(len(ring).to_bytes(8, "little"))
                        h.update(ring.tobytes())
            key = h.digest()
            if key not in built:
                try:
                    shapes = [_geometry(polys) for polys in feats_of_day]
                except (ValueError, TypeError, shapely.errors.GEOSException) as exc:
                    raise FrontlineError(f"{p}: {day}: bad geometry: {exc}") from exc
                built[key] = shapes[0] if len(shapes) == 1 else unary_union(shapes)
            by_date[day] = built[key]
        if not by_date:
            raise FrontlineError(f"{p}: no dated polygons")
        return cls(by_date, source=str(p))

    @property
    def dates(self) -> list[dt.date]:
        """The dates the file holds, in order."""
        return list(self._dates)

    def date_for(self, day: dt.date | None) -> dt.date:
        """The line's date used for ``day``: the latest on or before it, else the earliest."""
        return self._dates[self._day_index(day)]

    def _day_index(self, day: dt.date | None) -> int:
        if day is None:
            return len(self._dates) - 1
        k = bisect.bisect_right(self._dates, day)
        return k - 1 if k > 0 else 0

    def _area_index(self, day: dt.date | None) -> int:
        return int(self._area_of[self._day_index(day)])

    def _area(self, k: int) -> BaseGeometry:
        """Distinct area ``k`` (lon/lat), built on first use."""
        g = self._areas[k]
        if isinstance(g, bytes):  # from the cache: already made valid and joined
            g = shapely.from_wkb(g)
        elif isinstance(g, list):  # GeoJSON geometries
            shapes = []
            for x in g:
                polys, problem = _polygons(x) if isinstance(x, dict) and x.get("type") in ("Polygon", "MultiPolygon") \
                    else ([], "not a (Multi)Polygon")
                if problem:
                    raise FrontlineError(f"{self.source}: {self._dates[int(np.argmax(self._area_of == k))]}: "
                                         f"bad geometry: {problem}")
                if polys:
                    shapes.append(_geometry(polys))
            g = shapes[0] if len(shapes) == 1 else unary_union(shapes)
        if not shapely.is_prepared(g):
            shapely.prepare(g)
        self._areas[k] = g
        return g

    def geometry(self, day: dt.date | None) -> BaseGeometry:
        """Occupied territory (lon/lat) on ``day``."""
        return self._area(self._area_index(day))

    def _contains(self, k: int, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Whether each point lies inside distinct area ``k`` (the one containment test)."""
        geom = self._area(k)
        out = np.zeros(lon.size, dtype=bool)
        x0, y0, x1, y1 = geom.bounds
        inside = (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)
        if inside.any():
            idx = np.flatnonzero(inside)
            out[idx] = shapely.contains_xy(geom, lon[idx], lat[idx])
        return out

    def _segments(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct segments of all the areas' edges (lon0, lat0, lon1, lat1), and for each
        segment of each area's edge, in order, its distinct number and its area (worked out once)."""
        if self._segs is None:
            areas = np.array([self._area(k) for k in range(len(self._areas))], dtype=object)
            lines, owner = shapely.get_parts(shapely.boundary(areas), return_index=True)
            xy, li = shapely.get_coordinates(lines, return_index=True)
            same = li[1:] == li[:-1]
            seg = np.hstack([xy[:-1][same], xy[1:][same]])
            first, inv = _unique_rows(seg)
            self._segs = (seg[first], inv, owner[li[:-1][same]])
        return self._segs

    def _changes(self) -> list[np.ndarray]:
        """For each distinct area after the first, the segments (lon0, lat0, lon1, lat1) that its
        edge and the previous area's do not share (each shared one counted in or out twice)."""
        if self._changed is None:
            segs, inv, area = self._segments()
            bounds = np.searchsorted(area, np.arange(len(self._areas) + 1))
            odd = []
            for k in range(len(self._areas)):
                ids, n = np.unique(inv[bounds[k]:bounds[k + 1]], return_counts=True)
                odd.append(ids[n % 2 == 1])
            self._changed = [segs[np.setxor1d(odd[k - 1], odd[k], assume_unique=True)]
                             for k in range(1, len(self._areas))]
        return self._changed

    def _held_areas(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Whether each point lies inside each distinct area: bool (points × areas).

        The first area is tested with GEOS (:meth:`_contains`); each later one from the one
        before, by the crossing rule restricted to the segments where their edges differ: a ray
        from the point eastwards crosses the two edges an odd number of times in all, its side
        changes (the shared segments are crossed by both, and cancel). Only the points level
        with a changed segment are looked at: the work follows the line's changes, not points ×
        areas. (A point lying exactly on an edge may come out either way.)
        """
        n_areas = len(self._areas)
        out = np.zeros((lon.size, n_areas), dtype=bool)
        if not lon.size:
            return out
        state = self._contains(0, lon, lat)
        out[:, 0] = state
        if n_areas == 1:
            return out
        order = np.argsort(lat, kind="stable")
        ys = lat[order]
        for k, seg in enumerate(self._changes(), start=1):
            if seg.size:
                x0, y0, x1, y1 = seg.T
                lo = np.searchsorted(ys, np.minimum(y0, y1), "left")  # level with it: y0 <= y < y1 or y1 <= y < y0
                hi = np.searchsorted(ys, np.maximum(y0, y1), "left")
                count = hi - lo
                total = int(count.sum())
                if total:
                    which = np.repeat(np.arange(seg.shape[0]), count)
                    at = order[np.repeat(lo, count) + np.arange(total) - np.repeat(np.cumsum(count) - count, count)]
                    cross = x0[which] + (lat[at] - y0[which]) / (y1 - y0)[which] * (x1 - x0)[which]
                    flips = np.bincount(at[lon[at] < cross], minlength=lon.size) % 2 == 1
                    state = state ^ flips
            out[:, k] = state
        return out

    def held(self, lats, lons) -> np.ndarray:
        """Whether each point lies inside each day's occupied area: bool array (points × :attr:`dates`).

        Each point is tested against the first area, then followed through the changes of the
        line from one distinct area to the next (see :meth:`_held_areas`).

        Examples
        --------
        >>> import datetime as dt
        >>> from shapely.geometry import box
        >>> a, b = box(37, 48, 38, 49), box(37, 48, 39, 49)
        >>> fl = FrontLine({dt.date(2025, 1, 1): a, dt.date(2025, 1, 2): b, dt.date(2025, 1, 3): b})
        >>> fl.held([48.5, 48.5], [37.5, 38.5]).tolist()
        [[True, True, True], [False, True, True]]
        """
        lon = np.atleast_1d(np.asarray(lons, dtype=float))
        lat = np.atleast_1d(np.asarray(lats, dtype=float))
        return self._held_areas(lon, lat)[:, self._area_of]

    def occupied(self, lat: float, lon: float, day: dt.date | None = None) -> bool:
        """Whether a point lies in occupied territory on ``day``: the one containment test against that day's area
        (:meth:`held` follows points through every day's area, which one point on one day does not need).

        >>> import datetime as dt
        >>> from shapely.geometry import box
        >>> fl = FrontLine({dt.date(2025, 1, 1): box(37, 48, 38, 49), dt.date(2025, 1, 2): box(37, 48, 39, 49)})
        >>> fl.occupied(48.5, 38.5, dt.date(2025, 1, 1)), fl.occupied(48.5, 38.5, dt.date(2025, 1, 2))
        (False, True)
        """
        return bool(self._contains(self._area_index(day), np.array([float(lon)]), np.array([float(lat)]))[0])

    def _front_proper(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The front proper of every distinct area: ``(pieces, ptr, ids)``: the pieces of edge
        (metric x0, y0, x1, y1; at most 500 m long) and, for area ``k``,
        ``ids[ptr[k]:ptr[k + 1]]`` in order along its edge, the ones whose start has a settlement
        outside the area within ``_ref_km`` (none: the area's whole edge is its line).

        Read from the cache folder when a run has worked it out before, else worked out and
        written there (whole or not at all).
        """
        if self._front is not None:
            return self._front
        n_areas = len(self._areas)
        if self._front_store is not None and self._front_store.is_file():
            try:
                with np.load(self._front_store, allow_pickle=False) as z:
                    got = (z["verts"], z["ptr"], z["ids"])
                verts, ptr, ids = got
                if (verts.ndim == 2 and verts.shape[1] == 4 and ptr.shape == (n_areas + 1,)
                        and ptr[-1] == ids.size and (ids.size == 0 or int(ids.max()) < len(verts))):
                    self._front = got
                    return got
            except (OSError, ValueError, KeyError, TypeError):
                pass  # damaged: work it out again, and rewrite it
        self._front = self._work_out_front()
        if self._front_store is not None:
            verts, ptr, ids = self._front
            _keep(self._front_store, lambda tmp: np.savez(tmp, verts=verts, ptr=ptr, ids=ids))
        return self._front

    def _work_out_front(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """See :meth:`_front_proper`. In one pass over all areas:

        1. the edges' segments, each distinct one once (consecutive days share most of their
           line), cut into pieces of at most 500 m in the metric projection;
        2. the settlements within reach of any edge point, tested once against every area;
        3. a piece is kept in every area where its start has one outside that area within
           reach: always, when one is outside all the areas; else as the ones that change hands
           say, area by area.
        """
        n_areas = len(self._areas)
        reach = self._ref_km * 1000.0
        useg, inv, seg_area = self._segments()
        first = np.arange(len(useg))
        a = _to_metric_xy(useg[:, :2])
        b = _to_metric_xy(useg[:, 2:])
        length = np.hypot(*(b - a).T)
        pieces = np.maximum(1, np.ceil(length / 500.0)).astype(np.int64)
        vptr = np.concatenate([[0], np.cumsum(pieces)])
        sid = np.repeat(np.arange(len(first)), pieces)
        t = (np.arange(vptr[-1]) - vptr[sid]) / pieces[sid]
        verts = a[sid] + (b - a)[sid] * t[:, None]
        ends = np.empty_like(verts)  # where each piece of edge ends: the next point, or its segment's end
        ends[:-1] = verts[1:]
        ends[vptr[1:] - 1] = b
        rx, ry = self._ref
        vpts = shapely.points(verts)
        near = np.unique(shapely.STRtree(vpts).query_nearest(
            shapely.points(rx, ry), max_distance=reach, all_matches=False)[0])
        lon, lat = self._ref_ll
        free = ~self._held_areas(lon[near], lat[near])  # settlement × area: outside it
        always = free.all(axis=1)
        some = free.any(axis=1) & ~always
        kept_always = np.zeros(len(verts), dtype=bool)
        if always.any():
            tree = shapely.STRtree(shapely.points(rx[near[always]], ry[near[always]]))
            kept_always[tree.query_nearest(vpts, max_distance=reach, all_matches=False)[0]] = True
        var_row = np.full(len(verts), -1, dtype=np.int64)
        var_bits = np.zeros((1, (n_areas + 7) // 8), dtype=np.uint8)
        if some.any():
            rest = np.flatnonzero(~kept_always)
            tree = shapely.STRtree(shapely.points(rx[near[some]], ry[near[some]]))
            pv, ps = tree.query(vpts[rest], predicate="dwithin", distance=reach)
            if pv.size:
                if (pv[1:] < pv[:-1]).any():  # the tree answers in input order; if not, put it so
                    order = np.argsort(pv, kind="stable")
                    pv, ps = pv[order], ps[order]
                heads = np.flatnonzero(np.r_[True, pv[1:] != pv[:-1]])
                # each settlement's areas as bits, 64 to a word: a point's areas are the OR of its settlements'
                bits = np.packbits(free[some], axis=1)
                words = np.zeros((bits.shape[0], -(-bits.shape[1] // 8) * 8), dtype=np.uint8)
                words[:, :bits.shape[1]] = bits
                var_bits = np.bitwise_or.reduceat(words.view(np.uint64)[ps], heads, axis=0).view(np.uint8)
                var_row[rest[pv[heads]]] = np.arange(heads.size)
        # each area's edge points that may be kept (the points of its segments, less the ones no
        # settlement ever makes front: the coast, the border)
        maybe = np.flatnonzero(kept_always | (var_row >= 0))
        per_seg = np.bincount(sid[maybe], minlength=len(first))
        mptr = np.concatenate([[0], np.cumsum(per_seg)])
        count = per_seg[inv]
        starts = np.repeat(np.cumsum(count) - count, count)
        occ = maybe[np.repeat(mptr[inv], count) + np.arange(count.sum()) - starts].astype(np.int32)
        occ_area = np.repeat(seg_area, count).astype(np.int32)
        row = var_row[occ]
        var = row >= 0
        kept = kept_always[occ]
        a_var = occ_area[var]
        kept[var] |= ((var_bits[row[var], a_var // 8] >> (7 - a_var % 8).astype(np.uint8)) & 1).astype(bool)
        ids = occ[kept]
        ptr = np.concatenate([[0], np.cumsum(np.bincount(occ_area[kept], minlength=n_areas))]).astype(np.int64)
        return np.hstack([verts, ends]), ptr, ids

    def _segments_for(self, ks: np.ndarray) -> list[shapely.STRtree]:
        """What distances are measured to for distinct areas ``ks``, as a tree of (metric) segments each:
        the area's front proper, its kept pieces (worked out for all the areas asked at once), else the
        segments of the area's whole edge. The nearest segment's distance is the line's, to the bit: a
        point's distance to a line is the least of its distances to the line's segments, and the tree
        measures only the few segments near the point, not every segment of the line."""
        need = [int(k) for k in np.unique(ks) if int(k) not in self._edges]
        if need:
            made: dict[int, np.ndarray] = {}
            if self._ref is not None:
                pieces, ptr, ids = self._front_proper()
                made = {k: pieces[ids[ptr[k]:ptr[k + 1]]] for k in need if ptr[k + 1] > ptr[k]}
            for k in need:
                segs = made.get(k)
                if segs is None:
                    edge = shapely.transform(self._area(k), _to_metric_xy).boundary
                    parts = [shapely.get_coordinates(g) for g in shapely.get_parts(edge)]
                    segs = np.concatenate([np.hstack([xy[:-1], xy[1:]]) for xy in parts] or [np.zeros((0, 4))])
                self._edges[k] = shapely.STRtree(shapely.linestrings(segs.reshape(-1, 2, 2)))
        return [self._edges[int(k)] for k in ks]

    def distance_km(self, lat: float, lon: float, day: dt.date | None = None) -> float:
        """Distance in km from a point to the front line of ``day`` (see :meth:`distances_km`)."""
        return float(self.distances_km([lat], [lon], day)[0])

    def distances_km(self, lats, lons, day: dt.date | None = None) -> np.ndarray:
        """Distances in km from many points to the front line of ``day`` (vectorised).

        Distances once measured are remembered per distinct area and point (up to
        :attr:`MEMO_SIZE` points an area): a stream of reports names the same villages again.
        """
        lats = np.atleast_1d(np.asarray(lats, dtype=float))
        return self._distances(lats, lons, np.full(lats.size, self._area_index(day), dtype=np.intp))

    def distances_km_on(self, lats, lons, days) -> np.ndarray:
        """Distances in km from each point to the front line of its own day (one vectorised pass;
        the same measure as :meth:`distances_km`).

        Examples
        --------
        >>> import datetime as dt
        >>> from shapely.geometry import box
        >>> fl = FrontLine({dt.date(2025, 1, 1): box(37, 48, 38, 49), dt.date(2025, 1, 2): box(37, 48, 39, 49)})
        >>> km = fl.distances_km_on([48.5, 48.5], [38.5, 38.5], [dt.date(2025, 1, 1), None])
        >>> [round(float(x), 1) for x in km]   # 38.5E: 0.5 degree from the first day's edge, as from the last's
        [37.0, 36.9]
        >>> float(km[0]) == fl.distance_km(48.5, 38.5, dt.date(2025, 1, 1))
        True
        """
        ks = self._area_of[[self._day_index(d) for d in days]] if len(days) else np.zeros(0, dtype=np.intp)
        return self._distances(np.atleast_1d(np.asarray(lats, dtype=float)), lons, ks)

    def _distances(self, lats: np.ndarray, lons, ks: np.ndarray) -> np.ndarray:
        lons = np.atleast_1d(np.asarray(lons, dtype=float))
        pts = list(zip(lats.tolist(), lons.tolist()))
        known = self._known
        out = np.fromiter((known.get(k, {}).get(p, np.nan) for k, p in zip(ks.tolist(), pts)), float, len(pts))
        miss = np.flatnonzero(np.isnan(out))
        if miss.size:
            x, y = _TO_METRIC.transform(lons[miss], lats[miss])
            where = shapely.points(x, y)
            got = np.full(miss.size, np.nan)  # an area with no edge is at no distance
            areas = ks[miss]
            distinct = np.unique(areas)
            for k, tree in zip(distinct.tolist(), self._segments_for(distinct)):
                at = np.flatnonzero(areas == k)
                (found, _), km = tree.query_nearest(where[at], return_distance=True, all_matches=False)
                got[at[found]] = km / 1000.0
            out[miss] = got
            for i, km in zip(miss.tolist(), got.tolist()):
                memo = known.setdefault(int(ks[i]), {})
                if len(memo) < self.MEMO_SIZE:
                    memo[pts[i]] = km
        return out

    def distance_function(self, day: dt.date | None) -> Callable[[float, float], float]:
        """``(lat, lon) -> km`` to the line of ``day``, memoised (for ranking many candidates).

        Both forms answer from the distances the line remembers per date (:meth:`distances_km`).
        """

        def f(lat: float, lon: float) -> float:
            # a distance remembered is looked up as such (one point: no arrays)
            km = self._known.get(self._area_index(day), _NOTHING_KNOWN).get((float(lat), float(lon)))
            return km if km is not None else float(self.distances_km([lat], [lon], day)[0])

        def many(lats, lons) -> np.ndarray:
            return self.distances_km(lats, lons, day)

        f.many = many  # type: ignore[attr-defined]  # vectorised form, for ranking many candidates
        # whether a point lies inside the area held on that day (the side of the line a distance is on)
        f.occupied = lambda lat, lon: self.occupied(lat, lon, day)  # type: ignore[attr-defined]
        # the same line and day give the same distances: rankings may be remembered by this key
        f.cache_key = (self._token, self._area_index(day))  # type: ignore[attr-defined]
        return f
