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
from shapely.geometry import box

from frontmap.errors import ExportError, FrontmapError
from geo.frontline import FrontLine
from geo.model import Action, Claim, Claimant, CoordSource
from maps import (
    ATTRIBUTION_FRONT,
    COLUMNS,
    claims_data,
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
    """The FeatureCollection of drawn claims the page carries."""
    return claims_data(page)


def _config(page: str) -> dict:
    """The configuration the page hands to ``frontmap.init``."""
    match = re.search(r"frontmap\.init\(map_\w+, ", page)
    assert match, "no frontmap.init call in the page"
    config, _ = json.JSONDecoder().raw_decode(page, match.end())
    return config


def _payload(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="frontmap-data-[\w-]+">(.*?)</script>',
                      page, re.S)
    assert match
    return json.loads(match.group(1))


def test_map_is_one_geojson_layer(claims):
    many = claims * 50
    page = make_map(many).get_root().render()
    assert page.count("L.geoJSON(data.claims") == 1  # one GeoJSON layer for all claims
    assert page.count("L.marker(") == 1  # in the shared controller only, not per claim
    assert "L.Marker(" not in page and "new L.CircleMarker(" not in page
    data = _map_data(page)
    # resolved event claims only: the speaker and the unresolved claim are not drawn
    assert [f["properties"]["place"] for f in data["features"]] == ["Званівку", "Siversk"] * 50
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [38.10988, 48.75123]}


def test_map_escapes_report_text(claims):
    m = make_map(claims, title=f"Map {SCRIPT}")
    page = m.get_root().render()
    for payload in (IMG, SCRIPT, "onerror=\"window"):
        assert payload not in page
    props = _map_data(page)["features"][0]["properties"]
    assert props["quote"] == html.escape(claims[0].quote, quote=True)
    assert "&lt;script&gt;" in props["quote"] and "<" not in props["quote"]
    assert _map_data(page)["features"][1]["properties"]["source"] == JS_URL  # text, not a link
    assert "href" not in _map_data(page)["features"][1]["properties"]
    assert f'href="{JS_URL}' not in page
    assert f"<title>Map {html.escape(SCRIPT)}</title>" in page
    assert f"<b style=\"font-size:14px\">Map {html.escape(SCRIPT)}</b>" in page


def test_map_escapes_every_text_field():
    bad = Claim(
        f"Zv{IMG}", 48.75, 38.1, name=f"N{SCRIPT}", admin1=IMG, admin2=SCRIPT, country="'\"",
        action=Action.CAPTURED, action_detail=IMG, claimant=Claimant.RU_MOD, unit=IMG,
        direction=SCRIPT, source=IMG, url='https://x.org/a"b<c>d\'e', quote=f"{IMG} Zv{IMG} {SCRIPT}",
        why=(IMG, SCRIPT), derived_from=IMG, report_date=dt.date(2024, 5, 2),
    )
    page = make_map([bad], title=IMG).get_root().render()
    assert IMG not in page and SCRIPT not in page and "<img" not in page
    props = _map_data(page)["features"][0]["properties"]
    for key, value in props.items():
        if isinstance(value, str):
            assert "<" not in value and ">" not in value and '"' not in value, key
    assert props["href"] == "https://x.org/a&quot;b&lt;c&gt;d&#x27;e"
    # the highlight marks the escaped place inside the escaped quote
    start, end = props["mark"]
    assert props["quote"][start:end] == html.escape(f"Zv{IMG}", quote=True)


def test_map_data_block_cannot_be_closed_by_text():
    quote = "x</script><script>window.__pwned=1</script><!-- y"
    page = make_map([Claim("A", 48.0, 37.0, quote=quote)]).get_root().render()
    assert "</script><script>window.__pwned" not in page and "<!-- y" not in page
    assert html.unescape(_map_data(page)["features"][0]["properties"]["quote"]) == quote


def test_map_text_is_never_a_template():
    # folium.Element and branca's macro output compile text as Jinja: "{{ 7*7 }}" would become 49
    jinja = "{{ 6*7*1000003 }} {% if 1 %}evaluated{% endif %}"
    claim = Claim("A", 48.0, 37.0, quote=jinja, source=jinja, unit=jinja)
    page = make_map([claim], title=jinja, offline=True).get_root().render()
    assert "42000126" not in page
    assert page.count("evaluated") == page.count("{% if 1 %}evaluated")
    assert _map_data(page)["features"][0]["properties"]["quote"] == html.escape(jinja, quote=True)
    assert f'<b style="font-size:14px">{html.escape(jinja)}</b>' in page


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/post/2", True),
        ("HTTP://example.org/a?b=1&c=2", True),
        ("javascript:window.__pwned=1", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\nscript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("vbscript:msgbox(1)", False),
        ("//evil.example/x", False),
        ("https://", False),
        ("https://ok.example/\"onmouseover=\"alert(1)", True),
    ],
)
def test_map_links_only_http_urls(url, linked):
    page = make_map([Claim("A", 48.0, 37.0, url=url, source="s.txt")]).get_root().render()
    props = _map_data(page)["features"][0]["properties"]
    assert ("href" in props) is linked
    if linked:
        assert props["href"] == html.escape(url.strip(), quote=True)
        assert '"' not in props["href"]


def test_map_source_url_becomes_link_when_no_url():
    page = make_map([Claim("A", 48.0, 37.0, source="https://t.me/x/1")]).get_root().render()
    assert _map_data(page)["features"][0]["properties"]["href"] == "https://t.me/x/1"


def test_map_quote_highlight(claims):
    props = _map_data(make_map(claims).get_root().render())["features"]
    start, end = props[0]["properties"]["mark"]  # "Званівку" is not in the quote: its name is
    assert props[0]["properties"]["quote"][start:end] == "Zvanivka"
    start, end = props[1]["properties"]["mark"]
    assert props[1]["properties"]["quote"][start:end] == "Siversk"
    page = make_map([Claim("A&B", 48.0, 37.0, quote="They said <a&b> fell")]).get_root().render()
    p = _map_data(page)["features"][0]["properties"]
    assert p["quote"][p["mark"][0]:p["mark"][1]] == "a&amp;b"
    page = make_map([Claim("Elsewhere", 48.0, 37.0, quote="No name here")]).get_root().render()
    assert "mark" not in _map_data(page)["features"][0]["properties"]


def test_map_popup_fields(claims):
    page = make_map(claims).get_root().render()
    labels = _config(page)["labels"]
    for field, label in maps.webmap.POPUP_FIELDS.items():
        assert labels[field] == html.escape(label)
    props = _map_data(page)["features"][0]["properties"]
    assert props["date"] == "2024-05-01" and props["reported"] == "2024-05-02"
    assert props["confidence"] == "0.91" and props["why"] == "settlement of; gazetteer: unique in Donetsk"
    assert props["resolved"] == "Bakhmut Raion, Donetsk, UA · GeoNames 687045"
    assert props["point"] == "48.75123, 38.10988 (gazetteer, ±1.5 km)"
    assert props["action"] == "captured" and props["action_detail"] == "liberated"
    assert props["claimant"] == "RU-MoD" and props["claimant_side"] == "Russian side"
    assert props["unit"] == "3rd Army Corps" and props["contested"] is True
    assert "reported" not in _map_data(page)["features"][1]["properties"]  # same day


def test_map_days_and_undated(claims):
    undated = Claim("Undatedivka", 48.2, 37.2, quote="x")
    page = make_map([*claims, undated]).get_root().render()
    feats = _map_data(page)["features"]
    assert feats[0]["properties"]["day"] == (dt.date(2024, 5, 1) - dt.date(1970, 1, 1)).days
    assert "day" not in feats[2]["properties"] and "date" not in feats[2]["properties"]
    config = _config(page)
    assert (config["minDay"], config["maxDay"]) == (19844, 19846)
    assert config["undated"] == 1 and config["total"] == 3 and config["windowDays"] is None
    assert "1 undated claim: in their own layer" in page and "not on the slider's days" in page
    assert "undated claims (1)" in page  # their own layer
    assert "2024-05-01 to 2024-05-03" in page


def test_map_window_days(claims):
    assert _config(make_map(claims, window_days=7).get_root().render())["windowDays"] == 7
    for bad in (0, -1, 2.5):
        with pytest.raises(ExportError, match="window_days"):
            make_map(claims, window_days=bad)


def test_map_no_dates_has_no_slider_range():
    config = _config(make_map([Claim("A", 48.0, 37.0)]).get_root().render())
    assert config["minDay"] is None and config["maxDay"] is None and config["undated"] == 1


def test_map_layers_by_action_and_claimant(claims):
    page = make_map([*claims, Claim("B", 48.1, 37.1, action=Action.STRUCK)]).get_root().render()
    assert "L.control.layers(" in page
    init = page[page.index("frontmap.init("):]
    init = init[: init.index("});")]
    assert '"captured": feature_group_' in init and '"fighting": feature_group_' in init
    assert '"RU-MoD": feature_group_' in init and '"unknown": feature_group_' in init
    assert "front: null" in init
    assert "action: captured (1)" in page and "claimant: UA-GeneralStaff (1)" in page


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
    legend = legend[: legend.index("</div>\n")] if "</div>\n" in legend else legend[:3000]
    text = re.sub(r"<[^>]+>", "", legend)  # counts: shown (kept up to date by the page) / all
    assert "captured (1 / 1)" in text and "fighting (1 / 1)" in text and "other (" not in text
    assert "contested (1)" in legend
    assert "DeepState" not in page  # no front line, no credit for it
    assert _config(page)["bounds"] == [[48.7512345678, 38.1], [48.87, 38.1098765432]]  # fitted in the page


def test_map_include_roles_and_colour_by_claimant(claims):
    page = make_map(claims, include_roles=("event", "speaker"), color_by="claimant")
    page = page.get_root().render()
    assert len(_map_data(page)["features"]) == 3
    assert "UA-official (1 / 1) · Ukrainian side" in re.sub(r"<[^>]+>", "", page)
    assert "1 unresolved" in page and "not events" not in page
    assert _config(page)["colorBy"] == "claimant"


def test_map_include_roles_none_means_default(claims):
    page = make_map(claims, include_roles=None).get_root().render()  # as the CLI passes it
    assert len(_map_data(page)["features"]) == 2


def test_map_offline_inlines_every_script(claims):
    page = make_map(claims, offline=True).get_root().render()
    assert "<script src=" not in page and 'rel="stylesheet"' not in page
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "jquery" not in page.lower()
    assert "Leaflet 1.9.4" in page and ".leaflet-container" in page
    assert "L.MarkerClusterGroup=" in page and ".marker-cluster-small" in page
    assert "sourceMappingURL" not in page
    assert "url(images/" not in page  # the CSS's icons are inlined too
    # folium's class-level asset lists are not touched by the override
    assert dict(folium.Map.default_js)["leaflet"].startswith("https://")
    assert "jquery" in dict(folium.Map.default_js)
    online = make_map(claims).get_root().render()
    assert re.findall(r'<script src="([^"]+)"', online) == [
        dict(folium.Map.default_js)["leaflet"], maps.assets.MARKERCLUSTER_JS_URL
    ]
    unclustered = make_map(claims, cluster=False).get_root().render()
    assert re.findall(r'<script src="([^"]+)"', unclustered) == [dict(folium.Map.default_js)["leaflet"]]
    assert _config(unclustered)["cluster"] is False


def test_map_offline_without_cluster_package_degrades(claims, monkeypatch):
    def missing():
        raise ExportError("pip install xstatic-leaflet-markercluster")

    monkeypatch.setattr(maps.webmap, "markercluster_assets", missing)
    with pytest.warns(UserWarning, match="without clustering"):
        page = make_map(claims, offline=True).get_root().render()
    assert _config(page)["cluster"] is False and "clustering off" in page
    assert "<script src=" not in page


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
    assert _map_data(page)["features"] == []
    assert "0 claims drawn; not drawn: 1 unresolved" in page
    assert _config(page)["bounds"] is None


def test_save_map_creates_folders(claims, tmp_path):
    path = save_map(make_map(claims, offline=True), tmp_path / "a" / "b" / "map.html")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "frontmap.init(" in text


def test_map_from_frame_equals_map_from_claims(claims):
    a = _map_data(make_map(claims).get_root().render())
    b = _map_data(make_map(claims_to_frame(claims)).get_root().render())
    assert a == b


def test_claims_data_on_a_foreign_page():
    with pytest.raises(ExportError, match="no frontmap claims data"):
        claims_data("<html></html>")


# --- front line ------------------------------------------------------------------------------


@pytest.fixture()
def front() -> FrontLine:
    return FrontLine({
        dt.date(2024, 4, 30): box(38.2, 48.0, 39.0, 49.5),
        dt.date(2024, 5, 2): box(38.11, 48.0, 39.0, 49.5),
        dt.date(2024, 6, 1): box(37.0, 48.0, 39.0, 49.5),
    })


def test_map_front_line_distances_and_layers(claims, front):
    page = make_map(claims, front=front).get_root().render()
    feats = _map_data(page)["features"]
    for f, c in zip(feats, [claims[0], claims[1]]):
        expected = round(front.distance_km(c.lat, c.lon, c.date), 1)
        assert f["properties"]["front_km"] == pytest.approx(expected)
    # Zvanivka (claimed for 05-01) is measured against the line of 04-30, Siversk (05-03) 05-02
    assert "line of 2024-04-30, outside the occupied area" in feats[0]["properties"]["front"]
    assert "line of 2024-05-02" in feats[1]["properties"]["front"]
    fronts = _payload(page)["fronts"]
    assert [f["date"] for f in fronts] == ["2024-04-30", "2024-05-02"]  # not 06-01: no claim needs it
    assert fronts[0]["day"] == (dt.date(2024, 4, 30) - dt.date(1970, 1, 1)).days
    assert fronts[0]["geometry"]["type"] == "Polygon"
    assert ATTRIBUTION_FRONT in page and "Front line (DeepState)" in page
    init = page[page.index("frontmap.init("):]
    assert "front: feature_group_" in init[: init.index("});")]
    assert "occupied area, DeepState line of the slider" in page


def test_map_front_line_date_cap(front):
    claims = [Claim("A", 48.5, 37.5, report_date=d)
              for d in (dt.date(2024, 4, 30), dt.date(2024, 5, 2), dt.date(2024, 6, 3))]
    page = make_map(claims, front=front, max_front_dates=2).get_root().render()
    assert [f["date"] for f in _payload(page)["fronts"]] == ["2024-04-30", "2024-06-01"]
    km = round(front.distance_km(48.5, 37.5, dt.date(2024, 5, 2)), 1)  # its own day's line
    assert _map_data(page)["features"][1]["properties"]["front"].startswith(
        f"{km:.1f} km from the line of 2024-05-02"
    )


def test_line_days_thinning(front):
    from maps.front import line_days

    days = [dt.date(2024, 4, 30), dt.date(2024, 5, 5), dt.date(2024, 7, 1), None]
    assert line_days(front, days) == [dt.date(2024, 4, 30), dt.date(2024, 5, 2), dt.date(2024, 6, 1)]
    assert line_days(front, days, max_dates=1) == [dt.date(2024, 6, 1)]
    assert line_days(front, [dt.date(2000, 1, 1)]) == [dt.date(2024, 4, 30)]  # before: earliest


def test_simplified_front_on_real_day(data_dir):
    import geopandas as gpd
    import shapely

    from maps.front import simplified_geojson

    fl = FrontLine.from_file(data_dir / "frontline" / "daily" / "deepstatemap_data_20251120.geojson")
    day = fl.dates[0]
    raw = fl.geometry(day)
    simple = shapely.geometry.shape(simplified_geojson(fl, day, 100.0))
    assert shapely.get_num_coordinates(simple) < shapely.get_num_coordinates(raw)
    utm = gpd.GeoSeries([raw], crs=4326).estimate_utm_crs()
    a, b = gpd.GeoSeries([raw, simple], crs=4326).to_crs(utm)
    assert a.hausdorff_distance(b) < 150  # metres: tolerance plus rounding
    size = len(json.dumps(simplified_geojson(fl, day, 100.0), separators=(",", ":")))
    assert size < 0.8 * len(shapely.to_geojson(raw))


def test_map_with_real_front_line(data_dir, claims):
    fl = FrontLine.from_file(data_dir / "frontline" / "daily" / "deepstatemap_data_20251120.geojson")
    page = make_map(claims, front=fl).get_root().render()
    feats = _map_data(page)["features"]
    assert all(-100 < f["properties"]["front_km"] < 100 for f in feats)  # Siversk area, 2025 (signed)
    assert len(_payload(page)["fronts"]) == 1 and len(page) < 400_000


# --- package ---------------------------------------------------------------------------------


def test_public_api():
    assert set(maps.__all__) >= {
        "claims_to_frame", "frame_to_claims", "write_geojson", "write_gpkg", "write_csv",
        "write_claims", "make_map", "save_map", "claims_data",
    }
    assert all(hasattr(maps, name) for name in maps.__all__)


def test_maps_imports_only_geo_model_and_frontline():
    root = Path(maps.__file__).parent
    for module in root.glob("*.py"):
        imports = re.findall(r"^\s*(?:from|import)\s+(geo|gazetteer)\b(\S*)", module.read_text(),
                             flags=re.M)
        # .frame: maps/frame.py re-exports geo.frame (claims <-> GeoDataFrame live in geo);
        # .verify: the map checks the claims it draws against its line (status, lag)
        assert all(pkg == "geo" and rest in (".model", ".frontline", ".frame", ".verify") for pkg, rest in imports), module.name
