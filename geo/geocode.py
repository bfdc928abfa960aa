"""Opt-in online geocoding of the names the gazetteer cannot resolve (``--online``).

A place the gazetteer does not hold (or cannot tell from its namesakes) is left unresolved by
default: null geometry, with the mention. With ``--online``, such a name is looked up through
geopy's :class:`~geopy.geocoders.Nominatim` (OpenStreetMap):

- bounded to the report's region: the box of the report's resolved places padded by ~50 km
  (:func:`padded_viewbox`), else a default box (the front line's area), and to the countries
  of the war (``ua, ru, by, md``);
- rate-limited as Nominatim's usage policy requires: one request a second at most
  (:class:`geopy.extra.rate_limiter.RateLimiter`), with a user agent naming frontmap;
- cached on disk (a small sqlite file under :func:`frontmap.settings.cache_dir`), keyed by the
  query, the box and the countries; names Nominatim does not know are cached too;
- never fatal: the first network or service error is warned about once ("no network: --online
  lookups skipped, names left unresolved") and no request is made for the rest of the run;
- off when ``FRONTMAP_OFFLINE=1`` (:func:`frontmap.settings.offline`): only the cache answers.

A geocoded claim has ``coord_source=geocoder``, precision 2 (the extent is unknown), an
uncertainty of 2 km and confidence 0.5. Maps showing such claims credit
:data:`ATTRIBUTION_NOMINATIM`.

Examples
--------
A geocoder given by the caller (here a fake one) is rate-limited and cached like Nominatim:

>>> import tempfile, pathlib
>>> class Fake:
...     def geocode(self, query, **kw):
...         return None
>>> g = OnlineGeocoder(Fake(), cache_path=pathlib.Path(tempfile.mkdtemp()) / "c.sqlite",
...                    min_delay_seconds=0)
>>> g.lookup("Nowhereivka", viewbox=(47.0, 36.0, 48.0, 38.0)) is None
True
>>> g.close()
"""

from __future__ import annotations

import json
import logging
import math
import sqlite3
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from frontmap import ATTRIBUTION_NOMINATIM, __version__
from frontmap.settings import cache_dir, offline
from geo.model import Claim, CoordSource

__all__ = [
    "ATTRIBUTION_NOMINATIM",
    "DEFAULT_COUNTRY_CODES",
    "USER_AGENT",
    "NO_NETWORK_WARNING",
    "GeocodingWarning",
    "GeocodedPlace",
    "OnlineGeocoder",
    "padded_viewbox",
    "geocode_claims",
]

log = logging.getLogger(__name__)

#: The countries searched by default.
DEFAULT_COUNTRY_CODES: tuple[str, ...] = ("ua", "ru", "by", "md")
#: The user agent Nominatim's usage policy asks for: the application, named.
USER_AGENT = f"frontmap/{__version__} (frontline geolocation mapper; opt-in --online lookups)"
#: Said once when lookups cannot be made.
NO_NETWORK_WARNING = "no network: --online lookups skipped, names left unresolved"

_PUBLIC_DOMAIN = "nominatim.openstreetmap.org"
_ROLES = ("event", "background")

#: (lat_min, lon_min, lat_max, lon_max)
Viewbox = tuple[float, float, float, float]


class GeocodingWarning(UserWarning):
    """Online lookups were skipped (offline, or the geocoder could not be reached)."""


@dataclass(frozen=True, slots=True)
class GeocodedPlace:
    """A place found by the online geocoder."""

    lat: float
    lon: float
    display_name: str  #: Nominatim's full name ("Zvanivka, Bakhmut Raion, Donetsk Oblast, ...")
    osm_type: str = ""  #: "node", "way" or "relation"
    osm_id: int | None = None
    importance: float = 0.0
    country_code: str = ""  #: ISO 3166-1 alpha-2, upper case, when Nominatim gives it

    @property
    def name(self) -> str:
        """The first part of the display name: the place itself.

        Examples
        --------
        >>> GeocodedPlace(48.7, 38.1, "Zvanivka, Bakhmut Raion, Ukraine").name
        'Zvanivka'
        """
        return self.display_name.split(",")[0].strip()


def padded_viewbox(
    points: Iterable[tuple[float, float]], *, pad_km: float = 50.0, snap_deg: float = 0.25
) -> Viewbox | None:
    """The box around ``points`` (lat, lon) padded by ``pad_km``, snapped outward to ``snap_deg``.

    Snapping keeps the box, hence the cache key, the same for reports about the same area.
    The padding is spherical: ``pad_km / 111.2`` degrees of latitude, and of longitude at the
    box's latitude farthest from the equator. Returns None when there is no point.

    Examples
    --------
    >>> padded_viewbox([(48.75, 38.1)])
    (48.25, 37.25, 49.25, 39.0)
    >>> padded_viewbox([]) is None
    True
    """
    pts = [(float(a), float(b)) for a, b in points if a is not None and b is not None]
    pts = [(a, b) for a, b in pts if math.isfinite(a) and math.isfinite(b)]
    if not pts:
        return None
    lats = [a for a, _ in pts]
    lons = [b for _, b in pts]
    lat0, lat1 = min(lats), max(lats)
    dlat = pad_km / 111.2
    widest = min(89.0, max(abs(lat0), abs(lat1)) + dlat)
    dlon = pad_km / (111.2 * math.cos(math.radians(widest)))

    def down(x: float) -> float:
        return math.floor(x / snap_deg) * snap_deg if snap_deg > 0 else x

    def up(x: float) -> float:
        return math.ceil(x / snap_deg) * snap_deg if snap_deg > 0 else x

    return (
        max(-90.0, down(lat0 - dlat)),
        max(-180.0, down(min(lons) - dlon)),
        min(90.0, up(lat1 + dlat)),
        min(180.0, up(max(lons) + dlon)),
    )


class OnlineGeocoder:
    """Nominatim lookups, rate-limited, cached on disk, and never fatal.

    Parameters
    ----------
    geocoder
        A geopy geocoder (anything with ``geocode(query, **kwargs)``); default
        ``Nominatim(user_agent=USER_AGENT)``. Tests point it at a local server with
        ``Nominatim(user_agent=..., domain="127.0.0.1:PORT", scheme="http")``.
    min_delay_seconds
        Least time between two requests (Nominatim's policy: 1 s). Below 1 s is allowed only
        for a geocoder that is not the public OpenStreetMap server.
    max_retries
        Retries of a failed request (geopy's RateLimiter); the first error that survives them
        turns lookups off for the rest of the run.
    timeout
        Seconds to wait for an answer.
    cache_path
        The sqlite cache; default ``cache_dir() / "nominatim.sqlite"``. ``use_cache=False``
        keeps no cache.
    default_viewbox
        The box used when a report has no resolved place (e.g. the front line's area).
    warn
        Called once with the message when lookups are turned off; default :func:`warnings.warn`
        with :class:`GeocodingWarning`.
    user_agent
        The user agent of the default Nominatim geocoder.

    Attributes
    ----------
    requests : int
        Requests sent (failed ones included).
    cache_hits : int
        Lookups answered by the cache.
    disabled : str or None
        Why lookups were turned off, once they are.
    """

    def __init__(
        self,
        geocoder: Any = None,
        *,
        min_delay_seconds: float = 1.0,
        max_retries: int = 0,
        timeout: float = 10.0,
        cache_path: str | Path | None = None,
        use_cache: bool = True,
        default_viewbox: Viewbox | None = None,
        warn: Callable[[str], None] | None = None,
        user_agent: str = USER_AGENT,
    ) -> None:
        from geopy.extra.rate_limiter import RateLimiter

        if geocoder is None:
            from geopy.geocoders import Nominatim

            geocoder = Nominatim(user_agent=user_agent, timeout=timeout)
        domain = str(getattr(geocoder, "domain", "") or "")
        if min_delay_seconds < 1.0 and domain == _PUBLIC_DOMAIN:
            log.warning("Nominatim's usage policy allows one request a second: delay raised to 1 s")
            min_delay_seconds = 1.0
        self.geocoder = geocoder
        self.endpoint = str(getattr(geocoder, "api", "") or type(geocoder).__name__)
        self.timeout = timeout
        self.default_viewbox = default_viewbox
        self.rate_limiter = RateLimiter(
            geocoder.geocode,
            min_delay_seconds=float(min_delay_seconds),
            max_retries=int(max_retries),
            error_wait_seconds=max(float(min_delay_seconds), 2.0),
            swallow_exceptions=False,
        )
        self.cache_path: Path | None = None
        if use_cache:
            self.cache_path = Path(cache_path) if cache_path is not None else cache_dir() / "nominatim.sqlite"
        self._warn = warn
        self._db: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self.requests = 0
        self.cache_hits = 0
        self.disabled: str | None = None

    # -- cache ---------------------------------------------------------------------------

    def _conn(self) -> sqlite3.Connection | None:
        if self.cache_path is None:
            return None
        if self._db is None:
            try:
                self.cache_path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.cache_path, timeout=10, check_same_thread=False)
                db.execute(
                    "CREATE TABLE IF NOT EXISTS nominatim (key TEXT PRIMARY KEY, query TEXT NOT NULL, "
                    "result TEXT, fetched REAL NOT NULL)"
                )
                db.commit()
            except sqlite3.Error as exc:  # an unwritable cache: go on without one
                log.warning("geocoder cache %s unusable (%s): not caching", self.cache_path, exc)
                self.cache_path = None
                return None
            self._db = db
        return self._db

    def _key(self, query: str, viewbox: Viewbox | None, country_codes: Sequence[str]) -> str:
        box = None if viewbox is None else [round(float(x), 4) for x in viewbox]
        return json.dumps(
            [query.casefold(), box, sorted(c.lower() for c in country_codes), self.endpoint],
            ensure_ascii=False,
        )

    def _cached(self, key: str) -> tuple[bool, GeocodedPlace | None]:
        db = self._conn()
        if db is None:
            return False, None
        row = db.execute("SELECT result FROM nominatim WHERE key = ?", (key,)).fetchone()
        if row is None:
            return False, None
        return True, (None if row[0] is None else GeocodedPlace(**json.loads(row[0])))

    def _store(self, key: str, query: str, place: GeocodedPlace | None) -> None:
        db = self._conn()
        if db is None:
            return
        value = None if place is None else json.dumps(asdict(place), ensure_ascii=False)
        db.execute(
            "INSERT OR REPLACE INTO nominatim (key, query, result, fetched) VALUES (?, ?, ?, ?)",
            (key, query, value, time.time()),
        )
        db.commit()

    # -- lookups -------------------------------------------------------------------------

    def _turn_off(self, reason: str) -> None:
        if self.disabled is not None:
            return
        self.disabled = reason
        if self._warn is not None:
            self._warn(reason)
        else:
            warnings.warn(reason, GeocodingWarning, stacklevel=4)

    def lookup(
        self,
        name: str,
        *,
        viewbox: Viewbox | None,
        country_codes: Sequence[str] = DEFAULT_COUNTRY_CODES,
    ) -> GeocodedPlace | None:
        """The place Nominatim finds for ``name`` inside ``viewbox``, or None.

        Parameters
        ----------
        name
            The name as written.
        viewbox
            ``(lat_min, lon_min, lat_max, lon_max)``: results outside are not taken
            (``bounded=1``). None searches the countries whole.
        country_codes
            ISO 3166-1 alpha-2 codes the search is limited to.

        Returns
        -------
        GeocodedPlace or None
            None when nothing is found, and when no lookup can be made (offline, or an earlier
            error this run); those are not cached.
        """
        query = " ".join(str(name).split())
        if not query:
            return None
        key = self._key(query, viewbox, country_codes)
        with self._lock:
            hit, place = self._cached(key)
            if hit:
                self.cache_hits += 1
                return place
            if self.disabled is not None:
                return None
            if offline():
                self._turn_off("FRONTMAP_OFFLINE is set: --online lookups skipped, names left unresolved")
                return None
            kwargs: dict[str, Any] = {"exactly_one": True, "addressdetails": True, "timeout": self.timeout}
            if viewbox is not None:
                lat0, lon0, lat1, lon1 = viewbox
                kwargs["viewbox"] = [(lat0, lon0), (lat1, lon1)]
                kwargs["bounded"] = True
            if country_codes:
                kwargs["country_codes"] = list(country_codes)
            from geopy.exc import GeopyError

            self.requests += 1
            try:
                location = self.rate_limiter(query, **kwargs)
            except (GeopyError, OSError) as exc:
                self._turn_off(f"{NO_NETWORK_WARNING} ({type(exc).__name__}: {exc})")
                return None
            place = _place_of(location)
            if place is not None and viewbox is not None and not _inside(place, viewbox):
                log.info("%r: %s lies outside the box %s: not taken", query, place.display_name, viewbox)
                place = None
            self._store(key, query, place)
            return place

    def close(self) -> None:
        """Close the cache."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> OnlineGeocoder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _place_of(location: Any) -> GeocodedPlace | None:
    if location is None:
        return None
    if isinstance(location, list):  # a geocoder that ignored exactly_one
        location = location[0] if location else None
        if location is None:
            return None
    raw = dict(getattr(location, "raw", None) or {})
    try:
        lat, lon = float(location.latitude), float(location.longitude)
    except (AttributeError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    try:
        osm_id = int(raw["osm_id"]) if raw.get("osm_id") is not None else None
    except (TypeError, ValueError):
        osm_id = None
    try:
        importance = float(raw.get("importance") or 0.0)
    except (TypeError, ValueError):
        importance = 0.0
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    return GeocodedPlace(
        lat=lat,
        lon=lon,
        display_name=str(getattr(location, "address", "") or raw.get("display_name", "")),
        osm_type=str(raw.get("osm_type", "") or ""),
        osm_id=osm_id,
        importance=importance,
        country_code=str(address.get("country_code", "") or "").upper(),
    )


def _inside(place: GeocodedPlace, viewbox: Viewbox, tolerance: float = 0.01) -> bool:
    lat0, lon0, lat1, lon1 = viewbox
    return lat0 - tolerance <= place.lat <= lat1 + tolerance and lon0 - tolerance <= place.lon <= lon1 + tolerance


def geocode_claims(claims: Sequence[Claim], geocoder: OnlineGeocoder, *, pad_km: float = 50.0) -> list[Claim]:
    """The claims, with the unresolved places of event and background mentions geocoded.

    Claims are taken report by report (by ``source``). A mention is looked up when it has no
    point and no gazetteer place and one of its claims is an event or background; the box is
    that of the report's resolved event/background claims (else of all its resolved claims)
    padded by ``pad_km``, else ``geocoder.default_viewbox``. Every claim of a mention found
    gets the point, ``coord_source=geocoder``, precision 2, uncertainty 2 km, confidence 0.5.

    Examples
    --------
    >>> class One:
    ...     default_viewbox = None
    ...     def lookup(self, name, *, viewbox, country_codes=DEFAULT_COUNTRY_CODES):
    ...         return GeocodedPlace(48.6, 38.0, "Blahodatne, Donetsk Oblast, Ukraine", "node", 1, 0.3, "UA")
    >>> [c] = geocode_claims([Claim(place="Blagodatnoe")], One())
    >>> c.name, c.lat, c.coord_source, c.precision, c.confidence
    ('Blahodatne', 48.6, <CoordSource.GEOCODER: 'geocoder'>, 2, 0.5)
    """
    out = list(claims)
    by_report: dict[str, list[int]] = {}
    for i, c in enumerate(out):
        by_report.setdefault(c.source, []).append(i)
    for idx in by_report.values():
        wanted: dict[tuple[int, int, str], list[int]] = {}
        for i in idx:
            c = out[i]
            if c.lat is None and c.lon is None and c.geonameid is None:
                wanted.setdefault((c.start, c.end, c.place), []).append(i)
        wanted = {k: v for k, v in wanted.items() if any(out[i].role in _ROLES for i in v)}
        if not wanted:
            continue
        resolved = [out[i] for i in idx if out[i].resolved]
        main = [c for c in resolved if c.role in _ROLES] or resolved
        viewbox = padded_viewbox(((c.lat, c.lon) for c in main), pad_km=pad_km)  # type: ignore[misc]
        if viewbox is None:
            viewbox = getattr(geocoder, "default_viewbox", None)
        for (_, _, name), members in wanted.items():
            hit = geocoder.lookup(name, viewbox=viewbox)
            if hit is None:
                continue
            for i in members:
                out[i] = _geocoded(out[i], hit)
    return out


def _geocoded(c: Claim, hit: GeocodedPlace) -> Claim:
    return replace(
        c,
        lat=hit.lat,
        lon=hit.lon,
        name=hit.name,
        geonameid=None,
        country=hit.country_code or c.country,
        coord_source=CoordSource.GEOCODER,
        precision=2,
        uncertainty_m=2000.0,
        confidence=0.5,
        why=tuple(c.why) + (f"geocoded by Nominatim (OpenStreetMap): {hit.display_name}",),
    )
