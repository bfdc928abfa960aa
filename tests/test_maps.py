"""maps: claims <-> GeoDataFrame, the GeoJSON/GeoPackage/CSV writers, the Folium map.

All fast and offline: synthetic claims only (a few real villages for plausible coordinates).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
import sqlite3
from pathlib import Path

import folium
import geopandas
import pandas as pd
import pyogrio
import pytest

import maps
from frontmap import ATTRIBUTION_GEONAMES
from frontmap.errors import ExportError, FrontmapError
from geo.model import Action, Claim, Claimant, CoordSource
from maps import (
    COLUMNS,
    claims_to_frame,
    frame_to_claims,
    make_map,
    save_map,
    write_claims,
    write_csv,
    write_geojson,
    write_gpkg,
)

IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
JS_URL = "javascript:window.__pwned=1"


@pytest.fixture()
def claims() -> list[Claim]:
    return [
        Claim(
            "Званівку",
            48.7512345678,
            38.1098765432,
            name="Zvanivka",
            geonameid=687045,
            admin1="Donetsk",
            admin2="Bakhmut Raion",
            country="UA",
            feature_code="PPL",
            coord_source=CoordSource.GAZETTEER,
            confidence=0.91,
            precision=1,
            uncertainty_m=1500.0,
            report_date=dt.date(2024, 5, 2),
            claim_date=dt.date(2024, 5, 1),
            action=Action.CAPTURED,
            action_detail="liberated",
            claimant=Claimant.RU_MOD,
            unit="3rd Army Corps",
            direction="Siversk direction",
            contested=True,
            source="reports/a.txt#2",
            url="https://example.org/post/2",
            quote=f'Troops took "Zvanivka"; {IMG} and {SCRIPT}\nsecond line',
            why=("settlement of", "gazetteer: unique in Donetsk"),
        ),
        Claim(
            "Siversk",
            48.87,
            38.10,
            name="Siversk",
            coord_source=CoordSource.TEXT,
            confidence=0.5,
            report_date=dt.date(2024, 5, 3),
            action=Action.FIGHTING,
            claimant=Claimant.UA_GENERALSTAFF,
            source=JS_URL,
            quote="Fighting continues near Siversk.",
        ),
        Claim(
            "Huliaipole",
            47.66,
            36.26,
            role="speaker",
            action=Action.OTHER,
            claimant=Claimant.UA_OFFICIAL,
            quote="The mayor of Huliaipole said ...",
        ),
        Claim("Nowhereivka", quote="Unresolved mention.", report_date=dt.date(2024, 5, 4)),
    ]


def _rounded(claims: list[Claim], ndigits: int = 6) -> list[Claim]:
    return [
        dataclasses.replace(
            c,
            lat=None if c.lat is None else round(c.lat, ndigits),
            lon=None if c.lon is None else round(c.lon, ndigits),
        )
        for c in claims
    ]


# --- frame -----------------------------------------------------------------------------------


def test_frame_schema_and_types(claims):
    gdf = claims_to_frame(claims)
    assert list(gdf.columns) == [*COLUMNS, "geometry"]
    assert gdf.crs.to_epsg() == 4326
    for col in ("date", "report_date", "claim_date"):
        assert pd.api.types.is_datetime64_any_dtype(gdf[col]), col
    assert gdf["date"].iloc[0] == pd.Timestamp("2024-05-01")  # claim date wins
    assert gdf["date"].iloc[1] == pd.Timestamp("2024-05-03")  # else report date
    assert pd.isna(gdf["date"].iloc[2])
    assert gdf.geometry.isna().tolist() == [False, False, False, True]
    assert (gdf.geometry.iloc[0].x, gdf.geometry.iloc[0].y) == (38.1098765432, 48.7512345678)
    assert gdf["why"].iloc[0] == "settlement of; gazetteer: unique in Donetsk"
    assert gdf["claimant"].iloc[0] == "RU-MoD" and gdf["coord_source"].iloc[0] == "gazetteer"
    assert str(gdf["geonameid"].dtype) == "Int64" and pd.isna(gdf["geonameid"].iloc[1])
    assert gdf["contested"].tolist() == [True, False, False, False]


def test_frame_round_trip(claims):
    assert frame_to_claims(claims_to_frame(claims)) == claims


def test_frame_round_trip_drops_only_offsets(claims):
    with_offsets = [dataclasses.replace(c, start=3, end=9) for c in claims]
    assert frame_to_claims(claims_to_frame(with_offsets)) == claims


def test_empty_frame():
    gdf = claims_to_frame([])
    assert len(gdf) == 0 and list(gdf.columns) == [*COLUMNS, "geometry"]
    assert frame_to_claims(gdf) == []


def test_frame_to_claims_reads_strings_and_lat_lon():
    df = pd.DataFrame(
        {
            "place": ["A", "B"],
            "lat": [48.0, None],
            "lon": [37.0, None],
            "report_date": ["2024-05-01", ""],
            "contested": ["True", "False"],
            "action": ["Struck", ""],
            "geonameid": ["123", ""],
        }
    )
    a, b = frame_to_claims(df)
    assert (a.lat, a.lon, a.report_date, a.contested, a.action, a.geonameid) == (
        48.0, 37.0, dt.date(2024, 5, 1), True, Action.STRUCK, 123,
    )
    assert (b.lat, b.lon, b.report_date, b.contested, b.action, b.geonameid) == (
        None, None, None, False, Action.OTHER, None,
    )


def test_frame_to_claims_bad_date_is_date_error():
    from frontmap.errors import DateError

    with pytest.raises(DateError, match="report_date"):
        frame_to_claims(pd.DataFrame({"place": ["A"], "report_date": ["not a date"]}))


def test_frame_to_claims_reprojects_geometry():
    gdf = claims_to_frame([Claim("Siversk", 48.87, 38.10)]).to_crs("EPSG:3857")
    (claim,) = frame_to_claims(gdf)
    assert claim.lat == pytest.approx(48.87) and claim.lon == pytest.approx(38.10)


# --- GeoJSON ---------------------------------------------------------------------------------


def test_geojson_is_rfc7946(claims, tmp_path):
    path = write_geojson(claims, tmp_path / "out" / "claims.geojson")
    raw = path.read_bytes()
    doc = json.loads(raw.decode("utf-8"))
    assert "Званівку".encode() in raw  # UTF-8, not \u escapes
    assert doc["type"] == "FeatureCollection" and "crs" not in doc
    assert len(doc["features"]) == len(claims)  # one Feature per claim, resolved or not
    first = doc["features"][0]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [38.109877, 48.751235]}
    assert doc["features"][3]["geometry"] is None
    for feature in doc["features"]:
        props = feature["properties"]
        assert list(props) == list(COLUMNS)
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in props.values())
    assert first["properties"]["date"] == "2024-05-01"
    assert first["properties"]["report_date"] == "2024-05-02"
    assert first["properties"]["lat"] == 48.751235
    assert first["properties"]["why"] == "settlement of; gazetteer: unique in Donetsk"
    assert doc["features"][3]["properties"]["claim_date"] is None


@pytest.mark.parametrize("reader", [pyogrio.read_dataframe, geopandas.read_file])
def test_geojson_round_trip(claims, tmp_path, reader):
    path = write_geojson(claims, tmp_path / "claims.json")
    assert frame_to_claims(reader(path)) == _rounded(claims)


def test_geojson_from_frame_in_other_crs(claims, tmp_path):
    gdf = claims_to_frame(claims).to_crs("EPSG:32637")
    doc = json.loads(write_geojson(gdf, tmp_path / "c.geojson").read_text(encoding="utf-8"))
    lon, lat = doc["features"][1]["geometry"]["coordinates"]
    assert (lon, lat) == pytest.approx((38.10, 48.87), abs=1e-6)


# --- GeoPackage ------------------------------------------------------------------------------


def test_gpkg_round_trip_and_types(claims, tmp_path):
    path = write_gpkg(claims, tmp_path / "sub" / "claims.gpkg", layer="claims")
    info = pyogrio.read_info(path, layer="claims")
    types = dict(zip(info["fields"], info["ogr_types"]))
    assert [types[c] for c in ("date", "report_date", "claim_date")] == ["OFTDateTime"] * 3
    assert types["geonameid"].startswith("OFTInteger") and types["confidence"] == "OFTReal"
    assert info["geometry_type"] == "Point" and info["crs"] == "EPSG:4326"
    assert info["features"] == len(claims)
    assert frame_to_claims(pyogrio.read_dataframe(path, layer="claims")) == claims
    with sqlite3.connect(path) as con:
        ext = con.execute("select extension_name from gpkg_extensions").fetchall()
    assert ("gpkg_rtree_index",) in ext


def test_gpkg_custom_layer_and_overwrite(claims, tmp_path):
    path = tmp_path / "claims.gpkg"
    write_gpkg(claims, path, layer="run1")
    write_gpkg(claims[:1], path, layer="run1")
    assert pyogrio.read_info(path, layer="run1")["features"] == 1


# --- CSV -------------------------------------------------------------------------------------


def test_csv_round_trip(claims, tmp_path):
    path = write_csv(claims, tmp_path / "claims.csv")
    df = pd.read_csv(path)
    assert list(df.columns) == list(COLUMNS)  # lat/lon columns, no geometry
    assert df["date"].iloc[0] == "2024-05-01"
    assert frame_to_claims(df) == claims
    assert frame_to_claims(pyogrio.read_dataframe(path)) == claims


# --- write_claims ----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".geojson", ".json", ".gpkg", ".csv", ".GeoJSON"])
def test_write_claims_by_suffix(claims, tmp_path, suffix):
    path = write_claims(claims, tmp_path / f"claims{suffix}")
    back = pyogrio.read_dataframe(path)
    assert len(back) == len(claims)
    expected = _rounded(claims) if "json" in suffix.lower() else claims
    assert frame_to_claims(back) == expected


@pytest.mark.parametrize("name", ["claims.shp", "claims", "claims.geojson.txt"])
def test_write_claims_unknown_suffix(claims, tmp_path, name):
    with pytest.raises(ExportError) as info:
        write_claims(claims, tmp_path / name)
    message = str(info.value)
    assert str(tmp_path / name) in message
    for suffix in (".geojson", ".json", ".gpkg", ".csv"):
        assert suffix in message
    assert isinstance(info.value, (FrontmapError, OSError))
    assert not (tmp_path / name).exists()


def test_write_error_is_export_error(claims, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="file"):
        write_geojson(claims, blocker / "claims.geojson")


# --- map -------------------------------------------------------------------------------------


def _map_data(page: str) -> dict:
    """The FeatureCollection folium embedded in the page (``geo_json_…_add({...})``)."""
    match = re.search(r"geo_json_\w+_add\(", page)
    assert match, "no GeoJson layer in the page"
    data, _ = json.JSONDecoder().raw_decode(page, match.end())
    return data


def test_map_is_one_geojson_layer(claims):
    page = make_map(claims).get_root().render()
    assert page.count("L.geoJson(") == 1
    assert "L.marker(" not in page and "L.Marker(" not in page
    assert "new L.CircleMarker(" in page
    data = _map_data(page)
    # resolved event claims only: the speaker and the unresolved claim are not drawn
    assert [f["properties"]["place"] for f in data["features"]] == ["Званівку", "Siversk"]


def test_map_escapes_report_text(claims):
    m = make_map(claims, title=f"Map {SCRIPT}")
    page = m.get_root().render()
    for payload in (IMG, SCRIPT, "onerror=\"window"):
        assert payload not in page
    props = _map_data(page)["features"][0]["properties"]
    assert props["quote"] == html.escape(claims[0].quote, quote=True)
    assert "&lt;script&gt;" in props["quote"] and "<" not in props["quote"]
    assert _map_data(page)["features"][1]["properties"]["source"] == JS_URL  # text, not a link
    assert f'href="{JS_URL}' not in page
    assert f"<title>Map {html.escape(SCRIPT)}</title>" in page
    assert f"<b style=\"font-size:14px\">Map {html.escape(SCRIPT)}</b>" in page


def test_map_popup_tooltip_fields(claims):
    page = make_map(claims).get_root().render()
    for field in ("place", "name", "date", "action", "claimant", "quote", "source", "confidence"):
        assert f'"{field}"' in page
    props = _map_data(page)["features"][0]["properties"]
    assert props["date"] == "2024-05-01" and props["confidence"] == "0.91"
    assert "bindPopup" in page and "bindTooltip" in page


def test_map_attribution_title_legend_counts(claims):
    page = make_map(claims, title="Donetsk front").get_root().render()
    assert ATTRIBUTION_GEONAMES in page
    attribution = re.search(r'"attribution":\s*("(?:[^"\\]|\\.)*")', page)
    assert attribution, "no tile layer attribution"
    text = json.loads(attribution.group(1))
    assert "OpenStreetMap</a> contributors" in text and text.endswith(ATTRIBUTION_GEONAMES)
    assert "Donetsk front" in page
    assert "2 claims drawn; not drawn: 1 unresolved, 1 not events" in page
    legend = page[page.index('id="frontmap-legend"'):]
    assert "captured (1)" in legend and "fighting (1)" in legend and "other" not in legend[:400]
    assert "fitBounds" in page


def test_map_include_roles_and_colour_by_claimant(claims):
    page = make_map(claims, include_roles=("event", "speaker"), color_by="claimant")
    page = page.get_root().render()
    assert len(_map_data(page)["features"]) == 3
    assert "UA-official (1)" in page and "1 unresolved" in page and "not events" not in page


def test_map_offline_inlines_leaflet(claims):
    page = make_map(claims, offline=True).get_root().render()
    assert "<script src=" not in page and 'rel="stylesheet"' not in page
    assert "cdn.jsdelivr" not in page and "jquery" not in page.lower()
    assert "Leaflet 1.9.4" in page and ".leaflet-container" in page
    assert "url(images/" not in page  # the CSS's icons are inlined too
    # folium's class-level asset lists are not touched by the override
    assert dict(folium.Map.default_js)["leaflet"].startswith("https://")
    assert "jquery" in dict(folium.Map.default_js)
    online = make_map(claims).get_root().render()
    assert re.findall(r'<script src="([^"]+)"', online) == [dict(folium.Map.default_js)["leaflet"]]


def test_map_without_tiles_still_credits_geonames(claims):
    page = make_map(claims, tiles=None, offline=True).get_root().render()
    assert "L.tileLayer" not in page and "addAttribution" in page
    assert ATTRIBUTION_GEONAMES in page


def test_map_bad_options(claims):
    with pytest.raises(ExportError, match="tiles"):
        make_map(claims, tiles="No Such Provider 123")
    with pytest.raises(ExportError, match="color_by"):
        make_map(claims, color_by="unit")  # type: ignore[arg-type]


def test_map_with_nothing_to_draw(tmp_path):
    m = make_map([Claim("Nowhere")])
    page = save_map(m, tmp_path / "empty.html").read_text(encoding="utf-8")
    assert "L.geoJson(" not in page and "0 claims drawn; not drawn: 1 unresolved" in page


def test_save_map_creates_folders(claims, tmp_path):
    path = save_map(make_map(claims, offline=True), tmp_path / "a" / "b" / "map.html")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "L.geoJson(" in text


def test_map_from_frame_equals_map_from_claims(claims):
    a = _map_data(make_map(claims).get_root().render())
    b = _map_data(make_map(claims_to_frame(claims)).get_root().render())
    assert a == b


def test_public_api():
    assert set(maps.__all__) >= {
        "claims_to_frame", "frame_to_claims", "write_geojson", "write_gpkg", "write_csv",
        "write_claims", "make_map", "save_map",
    }
    assert all(hasattr(maps, name) for name in maps.__all__)


def test_maps_imports_only_geo_model():
    root = Path(maps.__file__).parent
    for module in root.glob("*.py"):
        imports = re.findall(r"^\s*(?:from|import)\s+(geo|gazetteer)\b(\S*)", module.read_text(),
                             flags=re.M)
        assert all(pkg == "geo" and rest == ".model" for pkg, rest in imports), module.name
