"""A growing claims store: a GeoPackage that each run adds to (``frontmap extract … -o claims.gpkg --append``).

The store is an ordinary GeoPackage 1.3 (it opens in QGIS as any export does) with two tables:

- ``claims``: the claims layer, the same as :func:`maps.export.write_gpkg` writes;
- ``reports``: one row per report ever stored, an attributes table: ``key`` (what the store knows
  a report by: :func:`report_key`, its ``uid`` — a Telegram message's link or channel and id, a
  feed entry's id, the same in the next export whatever its folder — else its ``source``),
  ``source`` (``path#N``, ``path#<message id>``…), ``url``, ``date``, ``hash`` (SHA-256 of the text
  and the date), ``claims`` (how many it gave), ``extracted_at`` (UTC) and ``frontmap_version``.

An append adds the claims of the reports the store does not hold, replaces the claims of those
whose text (or date) changed, and passes over the rest: re-running on the same input adds nothing.
:func:`store_hashes` tells the pipeline beforehand which reports it may skip. Each append is one
SQLite transaction, taken under a lock file (``claims.gpkg.lock``, :mod:`filelock`): two appends
at once run one after the other, and an interrupted one leaves the store as it was. A new store is
written to a temporary file and moved into place.

Examples
--------
>>> import tempfile, pathlib, datetime as dt
>>> from geo.model import Claim, Report
>>> path = pathlib.Path(tempfile.mkdtemp()) / "claims.gpkg"
>>> r1 = Report("Zvanivka was captured.", source="a.txt", date=dt.date(2025, 11, 23))
>>> c1 = Claim("Zvanivka", 48.81, 38.08, source="a.txt", report_date=dt.date(2025, 11, 23))
>>> append_claims(path, [c1], [r1]).added
1
>>> append_claims(path, [c1], [r1]).added        # the same report again: nothing added
0
>>> len(read_store(path)), list(read_reports_table(path)["source"])
(1, ['a.txt'])
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
import sqlite3
import struct
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas
import numpy as np
import pandas as pd
import pyogrio

from frontmap.errors import StoreError
from geo.model import Claim, Report
from maps.frame import as_frame, claims_to_frame, frame_to_claims

__all__ = [
    "CLAIMS_LAYER",
    "REPORTS_TABLE",
    "AppendResult",
    "report_hash",
    "report_key",
    "store_hashes",
    "append_claims",
    "read_store",
    "read_reports_table",
]

CLAIMS_LAYER = "claims"
REPORTS_TABLE = "reports"
_SRS = 4326
_LOCK_TIMEOUT = 600.0  # seconds an append waits for another one to finish


@dataclass(frozen=True, slots=True)
class AppendResult:
    """What an append did."""

    added: int = 0  #: reports new to the store
    replaced: int = 0  #: reports whose text changed: their old claims removed, the new ones added
    unchanged: int = 0  #: reports the store held already as they are
    claims_added: int = 0
    claims_removed: int = 0


def report_hash(report: Report) -> str:
    """The content hash of a report: SHA-256 of its text and its date.

    Examples
    --------
    >>> report_hash(Report("a")) == report_hash(Report("a")) != report_hash(Report("b"))
    True
    """
    h = hashlib.sha256(report.text.encode("utf-8", "surrogatepass"))
    h.update(b"\x00" + (report.date.isoformat() if report.date else "").encode())
    return h.hexdigest()


def report_key(report: Report) -> str:
    """What a store knows a report by: its ``uid`` when it has one, else its ``source``.

    Examples
    --------
    >>> report_key(Report("x", source="a/result.json#5", uid="https://t.me/rybar/5")), report_key(Report("x", source="a.txt"))
    ('https://t.me/rybar/5', 'a.txt')
    """
    return report.uid or report.source


def _version() -> str:
    from frontmap import __version__

    return __version__


def _connect(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(path, timeout=60.0, isolation_level=None)
    # the GeoPackage's R-tree triggers call these SQL functions (GDAL provides them; plain SQLite does not)
    con.create_function("ST_IsEmpty", 1, lambda g: None if g is None else int(_point(g) is None), deterministic=True)
    con.create_function("ST_MinX", 1, lambda g: _coord(g, 0), deterministic=True)
    con.create_function("ST_MaxX", 1, lambda g: _coord(g, 0), deterministic=True)
    con.create_function("ST_MinY", 1, lambda g: _coord(g, 1), deterministic=True)
    con.create_function("ST_MaxY", 1, lambda g: _coord(g, 1), deterministic=True)
    return con


def _blob(lon: float, lat: float) -> bytes:
    """A GeoPackage geometry blob of a point: header (little-endian, no envelope, EPSG:4326) and WKB."""
    return b"GP\x00\x01" + struct.pack("<i", _SRS) + struct.pack("<BIdd", 1, 1, lon, lat)


def _point(blob: bytes) -> tuple[float, float] | None:
    """The (x, y) of a point blob written by GDAL or :func:`_blob`; None for an empty point."""
    flags = blob[3]
    env = (0, 32, 48, 48, 64)[(flags >> 1) & 7]
    wkb = blob[8 + env :]
    order = "<" if wkb[0] == 1 else ">"
    x, y = struct.unpack(order + "dd", wkb[5:21])
    return None if math.isnan(x) or math.isnan(y) else (x, y)


def _coord(blob: bytes | None, i: int) -> float | None:
    if blob is None:
        return None
    p = _point(blob)
    return None if p is None else p[i]


def _tables(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}


def store_hashes(path: str | os.PathLike[str]) -> dict[str, str]:
    """``key → hash`` of the reports a store holds (empty when the file does not exist yet; see :func:`report_key`).

    Raises
    ------
    frontmap.errors.StoreError
        The file is not a claims store (not a GeoPackage, or without its ``reports`` table).
    """
    path = Path(path)
    if not path.exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=60.0)
        try:
            tables = _tables(con)
            if CLAIMS_LAYER not in tables or REPORTS_TABLE not in tables:
                raise StoreError(
                    f"{path}: not a claims store (a GeoPackage with the layers '{CLAIMS_LAYER}' and "
                    f"'{REPORTS_TABLE}'); write a new one with --append, or choose another file"
                )
            return dict(con.execute(f'SELECT key, hash FROM "{REPORTS_TABLE}"'))
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a GeoPackage ({exc})") from None


def _reports_frame(rows: Sequence[tuple[Report, str, int]], now: _dt.datetime) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "key": [report_key(r) for r, _, _ in rows],
            "source": [r.source for r, _, _ in rows],
            "url": [r.url for r, _, _ in rows],
            "date": pd.to_datetime(pd.Series([r.date for r, _, _ in rows], dtype="object")).astype("datetime64[ms]"),
            "hash": [h for _, h, _ in rows],
            "claims": pd.Series([n for _, _, n in rows], dtype="int64"),
            "extracted_at": pd.Series([now.replace(tzinfo=None)] * len(rows), dtype="datetime64[ms]"),
            "frontmap_version": [_version()] * len(rows),
        }
    )


def _create(path: Path, frame: geopandas.GeoDataFrame, reports: pd.DataFrame) -> None:
    """A new store, written beside ``path`` and moved into place."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".gpkg", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    try:
        pyogrio.write_dataframe(
            frame, tmp, layer=CLAIMS_LAYER, driver="GPKG", geometry_type="Point", promote_to_multi=False,
            layer_options={"SPATIAL_INDEX": "YES"}, dataset_options={"VERSION": "1.3"},
        )
        pyogrio.write_dataframe(reports, tmp, layer=REPORTS_TABLE, driver="GPKG")
        os.replace(tmp, path)
    except (OSError, RuntimeError, ValueError) as exc:
        raise StoreError(f"{path}: cannot write the store ({exc})") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _sql_value(value):
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else value
    if isinstance(value, (pd.Timestamp, _dt.datetime)):
        return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}"
    if isinstance(value, bool):
        return int(value)
    return value


def _rows(frame: pd.DataFrame, columns: Sequence[str]) -> list[list]:
    cols = [frame[c].astype(object).where(frame[c].notna(), None).tolist() for c in columns]
    return [[_sql_value(v) for v in row] for row in zip(*cols)] if cols else []


_SQL_TYPES = {"b": "BOOLEAN", "i": "INTEGER", "u": "INTEGER", "f": "REAL", "M": "DATETIME"}


def append_claims(
    path: str | os.PathLike[str], claims: Iterable[Claim] | pd.DataFrame, reports: Iterable[Report]
) -> AppendResult:
    """Add the claims of new or changed reports to a store (created if missing).

    Parameters
    ----------
    path
        The store (a ``.gpkg`` file).
    claims
        The claims extracted from ``reports`` (claims whose source is not among them are ignored).
    reports
        Every report read: new ones are added with their claims, changed ones (same key, other
        hash) have their claims replaced, the others are passed over.

    Raises
    ------
    frontmap.errors.StoreError
        The file exists but is not a claims store, or cannot be written.
    """
    from filelock import FileLock, Timeout

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{path}: cannot create the folder: {exc}") from exc
    by_key: dict[str, Report] = {}
    for r in reports:
        by_key[report_key(r)] = r  # the last of a report read twice (two exports of the same channel)
    frame = as_frame(claims if isinstance(claims, pd.DataFrame) else list(claims))
    try:
        lock = FileLock(str(path) + ".lock", timeout=_LOCK_TIMEOUT)
        with lock:
            held = store_hashes(path)
            hashes = {k: report_hash(r) for k, r in by_key.items()}
            todo = {k for k, h in hashes.items() if held.get(k) != h}
            changed = {k for k in todo if k in held}
            sources = {by_key[k].source for k in todo}
            keep = frame["source"].isin(sources).to_numpy() if len(frame) else np.zeros(0, bool)
            new_claims = frame[keep]
            counts = new_claims["source"].value_counts().to_dict()
            now = _dt.datetime.now(_dt.timezone.utc)
            rows = [(r, hashes[k], int(counts.get(r.source, 0))) for k, r in by_key.items() if k in todo]
            result = AppendResult(
                added=len(todo) - len(changed), replaced=len(changed), unchanged=len(by_key) - len(todo),
                claims_added=len(new_claims),
            )
            if not path.exists():
                _create(path, new_claims.reset_index(drop=True), _reports_frame(rows, now))
                return result
            if not todo:
                return result
            removed = _write(path, new_claims, _reports_frame(rows, now), changed)
            return AppendResult(result.added, result.replaced, result.unchanged, result.claims_added, removed)
    except Timeout:
        raise StoreError(f"{path}: another append held the store for {_LOCK_TIMEOUT:.0f} s") from None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot append ({exc})") from None


def _write(path: Path, claims: geopandas.GeoDataFrame, reports: pd.DataFrame, changed: set[str]) -> int:
    """One transaction: the changed reports' claims out, the new claims in, the reports table updated."""
    con = _connect(path)
    try:
        con.execute("BEGIN IMMEDIATE")
        try:
            columns = [r[1] for r in con.execute(f'PRAGMA table_info("{CLAIMS_LAYER}")')]
            for col in claims.columns:  # a field the store predates: added, as GDAL would add it
                if col != claims.geometry.name and col not in columns:
                    kind = _SQL_TYPES.get(claims[col].dtype.kind, "TEXT")
                    con.execute(f'ALTER TABLE "{CLAIMS_LAYER}" ADD COLUMN "{col}" {kind}')
                    columns.append(col)
            removed = 0
            if changed:
                marks = ",".join("?" * len(changed))
                keys = sorted(changed)
                # the claims of the stored version, under the source it was read from then
                old = [s for (s,) in con.execute(f'SELECT source FROM "{REPORTS_TABLE}" WHERE key IN ({marks})', keys)]
                for i in range(0, len(old), 500):
                    part = old[i : i + 500]
                    removed += con.execute(
                        f'DELETE FROM "{CLAIMS_LAYER}" WHERE source IN ({",".join("?" * len(part))})', part
                    ).rowcount
                con.execute(f'DELETE FROM "{REPORTS_TABLE}" WHERE key IN ({marks})', keys)
            fields = [c for c in claims.columns if c in columns and c != claims.geometry.name]
            geoms = [None if g is None or g.is_empty else _blob(g.x, g.y) for g in claims.geometry]
            values = [[geom, *row] for geom, row in zip(geoms, _rows(claims, fields))]
            names = ", ".join(f'"{c}"' for c in ["geom", *fields])
            con.executemany(
                f'INSERT INTO "{CLAIMS_LAYER}" ({names}) VALUES ({",".join("?" * (len(fields) + 1))})', values
            )
            rcols = [r[1] for r in con.execute(f'PRAGMA table_info("{REPORTS_TABLE}")')]
            rfields = [c for c in reports.columns if c in rcols]
            con.executemany(
                f'INSERT INTO "{REPORTS_TABLE}" ({", ".join(rfields)}) VALUES ({",".join("?" * len(rfields))})',
                _rows(reports, rfields),
            )
            _touch_contents(con, claims)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return removed
    finally:
        con.close()


def _touch_contents(con: sqlite3.Connection, claims: geopandas.GeoDataFrame) -> None:
    """Keep ``gpkg_contents`` right: the layers' last change, and the claims' extent grown to the new points."""
    stamp = _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    con.execute(
        "UPDATE gpkg_contents SET last_change = ? WHERE table_name IN (?, ?)", (stamp, CLAIMS_LAYER, REPORTS_TABLE)
    )
    pts = claims.geometry.dropna()
    pts = pts[~pts.is_empty]
    if len(pts):
        x0, y0, x1, y1 = pts.total_bounds
        con.execute(
            "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?), ?), min_y = min(coalesce(min_y, ?), ?), "
            "max_x = max(coalesce(max_x, ?), ?), max_y = max(coalesce(max_y, ?), ?) WHERE table_name = ?",
            (x0, x0, y0, y0, x1, x1, y1, y1, CLAIMS_LAYER),
        )


def read_store(path: str | os.PathLike[str]) -> geopandas.GeoDataFrame:
    """The claims of a store (or of any claims GeoPackage) as a claims GeoDataFrame (:func:`maps.frame.claims_to_frame`).

    Raises
    ------
    frontmap.errors.StoreError
        The file cannot be read or has no ``claims`` layer.
    """
    try:
        gdf = pyogrio.read_dataframe(path, layer=CLAIMS_LAYER)
    except Exception as exc:  # pyogrio raises DataSourceError/DataLayerError (RuntimeErrors) and OSErrors
        raise StoreError(f"{path}: cannot read the '{CLAIMS_LAYER}' layer ({exc})") from None
    # the claim schema's columns, order and types, whatever GDAL read back
    return claims_to_frame(frame_to_claims(gdf))


def read_reports_table(path: str | os.PathLike[str]) -> pd.DataFrame:
    """The ``reports`` table of a store: source, url, date, hash, claims, extracted_at, frontmap_version."""
    try:
        return pyogrio.read_dataframe(path, layer=REPORTS_TABLE, read_geometry=False)
    except Exception as exc:
        raise StoreError(f"{path}: cannot read the '{REPORTS_TABLE}' table ({exc})") from None
