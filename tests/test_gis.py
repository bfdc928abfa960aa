"""Exports a GIS opens cleanly, read back with GDAL's own tools (ogrinfo) and with pyogrio.

The claims are those of the repo's seeds/ (real gazetteer) plus a few made-up edge cases: an
unresolved place, an undated claim, Cyrillic text, a quote with a comma, quotes and a line break.

ogrinfo comes from Debian's gdal-bin (a GDAL independent of the one pyogrio bundles). Without it
the ogrinfo tests skip, except under CI (``$CI`` set), where they fail.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import geopandas
import pandas as pd
import pytest

from gazetteer import Gazetteer
from geo.extract import extract_files
from geo.frame import COLUMNS, DATE_COLUMNS, WHY_SEPARATOR, claims_to_frame, frame_to_claims
from geo.model import Action, Claim, Claimant, CoordSource
from maps.export import COORDINATE_DECIMALS, write_claims

REPO = Path(__file__).resolve().parents[1]
OGRINFO = shutil.which("ogrinfo")

#: The OGR field type each column must have (a tuple: any of them).
FIELD_TYPES: dict[str, tuple[str, ...]] = {
    **{c: ("String",) for c in COLUMNS},
    **{c: ("Date", "DateTime") for c in DATE_COLUMNS},
    "geonameid": ("Integer", "Integer64"),
    "precision": ("Integer", "Integer64"),
    "confidence": ("Real",),
    "uncertainty_m": ("Real",),
    "front_km": ("Real",),
    "lag_days": ("Integer", "Integer64"),
    "lat": ("Real",),
    "lon": ("Real",),
    "contested": ("Integer(Boolean)",),
}

#: How each format is opened: ogrinfo open options.
OPEN_OPTIONS: dict[str, list[str]] = {
    ".gpkg": [],
    ".geojson": [],
    ".csv": ["-oo", "X_POSSIBLE_NAMES=lon", "-oo", "Y_POSSIBLE_NAMES=lat", "-oo", "AUTODETECT_TYPE=YES"],
}

EDGE_CASES = [
    Claim("Nowhereville", quote="Fighting near Nowhereville, officials said.", role="event",
          report_date=dt.date(2025, 11, 22), action=Action.FIGHTING, claimant=Claimant.MEDIA),
    Claim("Званівка", 48.81204, 38.07797, name="Zvanivka", geonameid=687116, country="UA",
          coord_source=CoordSource.GAZETTEER, confidence=0.5, precision=1,
          quote='«Званівка», a "grey zone";\nsecond line, with a comma', contested=True,
          claim_date=dt.date(2025, 11, 19), report_date=dt.date(2025, 11, 21),
          why=("edge case", "Cyrillic"), front_date=dt.date(2025, 11, 19), front_km=-1.5,
          front_status="confirmed", confirmed_on=dt.date(2025, 11, 12), lag_days=-7),
    Claim("Undated", 47.1234567891, 36.9876543219, coord_source=CoordSource.TEXT,
          uncertainty_m=15.4333333, action=Action.STRUCK),
]


@pytest.fixture(scope="module")
def claims(gaz: Gazetteer) -> list[Claim]:
    result = extract_files([REPO / "seeds"], gaz)
    assert result.claims and not result.errors
    return result.claims + EDGE_CASES


@pytest.fixture(scope="module")
def frame(claims: list[Claim]) -> geopandas.GeoDataFrame:
    return claims_to_frame(claims)


@pytest.fixture(scope="module")
def exported(claims: list[Claim], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("exports")
    return {s: write_claims(claims, folder / f"claims{s}") for s in (".geojson", ".gpkg", ".csv")}


# --------------------------------------------------------------------------- ogrinfo


def _need_ogrinfo() -> str:
    if OGRINFO is None:
        if os.environ.get("CI"):
            pytest.fail("ogrinfo is missing under CI: install Debian's gdal-bin")
        pytest.skip("ogrinfo is not installed (apt-get install gdal-bin)")
    return OGRINFO


def _ogrinfo(*args: str) -> tuple[str, str]:
    run = subprocess.run([_need_ogrinfo(), "-ro", *args], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout, run.stderr


def _summary(path: Path) -> dict[str, Any]:
    """What ``ogrinfo -so -al`` says of the single layer of a file."""
    out, err = _ogrinfo("-so", "-al", *OPEN_OPTIONS[path.suffix], str(path))
    info: dict[str, Any] = {"fields": {}, "stderr": err, "text": out}
    for line in out.splitlines():
        if m := re.fullmatch(r"Layer name: (.+)", line):
            info["layer"] = m[1]
        elif m := re.fullmatch(r"Geometry: (.+)", line):
            info["geometry"] = m[1]
        elif m := re.fullmatch(r"Feature Count: (\d+)", line):
            info["count"] = int(m[1])
        elif m := re.fullmatch(r"Extent: \((\S+), (\S+)\) - \((\S+), (\S+)\)", line):
            info["extent"] = tuple(float(v) for v in m.groups())
        elif m := re.fullmatch(r"(\w+): (\w+(?:\(\w+\))?) \(\d+\.\d+\)", line):
            info["fields"][m[1]] = m[2]
    return info


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".csv"])
def test_ogrinfo_reads_the_export(suffix: str, exported: dict[str, Path], frame: geopandas.GeoDataFrame) -> None:
    info = _summary(exported[suffix])
    assert "Warning" not in info["stderr"] and "ERROR" not in info["stderr"], info["stderr"]
    assert info["geometry"] == "Point"
    assert info["count"] == len(frame)
    resolved = frame[frame.geometry.notna()]
    assert len(resolved) < len(frame)  # the unresolved edge case is a feature too
    for got, want in zip(info["extent"], resolved.total_bounds, strict=True):
        assert got == pytest.approx(want, abs=2e-6)
    assert list(info["fields"]) == list(COLUMNS)
    wrong = {c: t for c, t in info["fields"].items() if t not in FIELD_TYPES[c]}
    assert not wrong, f"{suffix}: wrong field types {wrong}"
    if suffix != ".csv":
        assert 'ID["EPSG",4326]' in info["text"]


def test_ogrinfo_geopackage_layer_index_and_dates(exported: dict[str, Path], frame: geopandas.GeoDataFrame) -> None:
    path = exported[".gpkg"]
    assert _summary(path)["layer"] == "claims"
    out, _ = _ogrinfo("-q", "-sql", "SELECT HasSpatialIndex('claims', 'geom')", str(path))
    assert "HasSpatialIndex (Integer) = 1" in out
    out, _ = _ogrinfo(
        "-q", "-sql",
        "SELECT MIN(report_date) AS lo, MAX(report_date) AS hi, COUNT(*) AS n, "
        "SUM(geom IS NULL) AS unplaced FROM claims",
        str(path),
    )
    values = dict(re.findall(r"^\s+(\w+) \(\w+\) = (.*)$", out, re.M))
    dates = frame["report_date"].dropna()
    assert values["lo"][:10] == dates.min().date().isoformat()
    assert values["hi"][:10] == dates.max().date().isoformat()
    assert int(values["n"]) == len(frame)
    assert int(values["unplaced"]) == int(frame.geometry.isna().sum())


def test_ogrinfo_reads_dates_and_text_of_one_feature(exported: dict[str, Path]) -> None:
    out, _ = _ogrinfo("-q", "-al", "-where", "geonameid = 687116 AND contested = 1", str(exported[".gpkg"]))
    assert re.search(r"claim_date \(Date(Time)?\) = 2025/11/19", out)
    assert re.search(r"report_date \(Date(Time)?\) = 2025/11/21", out)
    assert "place (String) = Званівка" in out
    assert "POINT (38.07797 48.81204)" in out


# --------------------------------------------------------------------------- GeoJSON, RFC 7946

SCALARS = (str, int, float, bool, type(None))


def test_geojson_is_rfc7946(exported: dict[str, Path], claims: list[Claim]) -> None:
    raw = exported[".geojson"].read_bytes()
    doc = json.loads(raw.decode("utf-8"), parse_constant=lambda c: pytest.fail(f"{c} in GeoJSON"))
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert len(doc["features"]) == len(claims)
    for feature, claim in zip(doc["features"], claims, strict=True):
        assert feature["type"] == "Feature" and "crs" not in feature
        props = feature["properties"]
        assert list(props) == list(COLUMNS)
        assert all(isinstance(v, SCALARS) for v in props.values()), props
        for col in DATE_COLUMNS:
            assert props[col] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", props[col])
        assert props["report_date"] == (claim.report_date and claim.report_date.isoformat())
        if claim.lat is None:
            assert feature["geometry"] is None
            continue
        lon, lat = feature["geometry"]["coordinates"]  # RFC 7946: longitude first
        assert feature["geometry"]["type"] == "Point"
        assert (lon, lat) == (round(claim.lon, COORDINATE_DECIMALS), round(claim.lat, COORDINATE_DECIMALS))
        assert -180 <= lon <= 180 and -90 <= lat <= 90


# --------------------------------------------------------------------------- round trip


def _read(path: Path) -> pd.DataFrame:
    if path.suffix == ".csv":
        return pd.read_csv(path, encoding="utf-8")
    return geopandas.read_file(path, engine="pyogrio")


def _as_exported(claim: Claim, suffix: str) -> Claim:
    """The claim as an export keeps it: no text offsets, the evidence as one string, and in
    GeoJSON the point rounded to COORDINATE_DECIMALS."""
    claim = dataclasses.replace(claim, start=-1, end=-1, why=(WHY_SEPARATOR.join(claim.why),) if claim.why else ())
    if suffix == ".geojson" and claim.lat is not None:
        claim = dataclasses.replace(
            claim, lat=round(claim.lat, COORDINATE_DECIMALS), lon=round(claim.lon, COORDINATE_DECIMALS)
        )
    return claim


@pytest.mark.parametrize("suffix", [".gpkg", ".geojson", ".csv"])
def test_round_trip(suffix: str, exported: dict[str, Path], claims: list[Claim]) -> None:
    table = _read(exported[suffix])
    assert list(table.columns[: len(COLUMNS)]) == list(COLUMNS)
    back = [_as_exported(c, suffix) for c in frame_to_claims(table)]
    assert back == [_as_exported(c, suffix) for c in claims]


def test_round_trip_keeps_column_types(exported: dict[str, Path], frame: geopandas.GeoDataFrame) -> None:
    gpkg = geopandas.read_file(exported[".gpkg"], engine="pyogrio")
    for col in DATE_COLUMNS:
        assert pd.api.types.is_datetime64_any_dtype(gpkg[col]), col
    assert gpkg["contested"].dtype == bool
    assert gpkg.crs.to_epsg() == 4326
    assert gpkg.geometry.isna().sum() == frame.geometry.isna().sum()
    points = [None if g is None else (g.x, g.y) for g in gpkg.geometry]
    assert points == [None if g is None else (g.x, g.y) for g in frame.geometry]
    assert all(math.isfinite(v) for v in gpkg["confidence"])
