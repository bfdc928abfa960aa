"""The notebook API: gazetteer queries and report extraction as GeoDataFrames.

Real data: the ``gaz`` fixture (GeoNames UA + cities500) and the repo's seeds/ folder. The texts
written here are the tests' own sentences.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys
import warnings
from pathlib import Path

import geopandas
import numpy as np
import pandas as pd
import pytest
import shapely

import geo
import gazetteer
from frontmap.errors import CoordinateError, DateError, GazetteerError, ReportError
from gazetteer import Gazetteer
from gazetteer.frames import LOOKUP_COLUMNS, PLACE_COLUMNS, places_to_frame
from gazetteer.ranking import Anchor, confidence, rank
from geo.extract import extract_files
from geo.frame import COLUMNS, DATE_COLUMNS, WHY_SEPARATOR, extract_frame, frame_to_claims
from geo.model import Claim

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

# Our own sentence about real villages (Zvanivka and Siversk, Donetsk oblast).
TEXT = (
    "Russian forces captured Zvanovka, the Russian defence ministry said. "
    "Ukrainian units repelled an attack near Siversk."
)


def _is_4326(gdf: geopandas.GeoDataFrame) -> bool:
    return gdf.crs is not None and gdf.crs.to_epsg() == 4326


# --------------------------------------------------------------------------- gazetteer


def test_lookup_is_the_ranking_of_the_candidates(gaz: Gazetteer) -> None:
    gdf = gaz.lookup("Otradnoe", near=(47.9, 36.3), limit=5)
    anchor = Anchor(47.9, 36.3, weight=1.5, scale_km=30.0, label="47.9000,36.3000")
    ranked = rank(gaz.candidates("Otradnoe", limit=500), near=[anchor])
    assert _is_4326(gdf)
    assert list(gdf.columns) == [*PLACE_COLUMNS, *LOOKUP_COLUMNS, "geometry"]
    assert gdf["geonameid"].tolist() == [c.place.geonameid for c in ranked[:5]]
    assert gdf["score"].tolist() == [c.score for c in ranked[:5]]
    assert gdf["why"].iloc[0] == "; ".join(ranked[0].why)
    assert gdf["rank"].tolist() == [1, 2, 3, 4, 5]
    assert gdf.attrs["candidates"] == len(ranked)
    assert gdf.attrs["confidence"] == confidence(ranked)
    for row in gdf.itertuples():
        place = gaz.place(row.geonameid)
        assert (row.geometry.x, row.geometry.y) == (place.lon, place.lat)


def test_lookup_near_and_region_change_the_first(gaz: Gazetteer) -> None:
    # "Seversk" is a Russian town and, in Russian, the Ukrainian Siversk: context decides
    near_siversk = gaz.lookup("Seversk", near=(48.86, 38.10), limit=3)
    assert (near_siversk["name"].iloc[0], near_siversk["country"].iloc[0]) == ("Siversk", "UA")
    assert near_siversk.attrs["query"] == "Seversk"
    by_point = gaz.lookup("Seversk", near=shapely.Point(38.10, 48.86), limit=3)
    assert by_point["geonameid"].tolist() == near_siversk["geonameid"].tolist()
    in_oblast = gaz.lookup("Otradnoe", region="Zaporozhye region", limit=3)
    assert in_oblast["name"].iloc[0] == "Vidradne"
    assert gaz.region("Zaporozhye region").name == in_oblast["admin1"].iloc[0]


def test_lookup_limits_and_misses(gaz: Gazetteer) -> None:
    assert len(gaz.lookup("Ivanivka", limit=4)) == 4
    assert len(gaz.lookup("Ivanivka", limit=None)) == gaz.lookup("Ivanivka").attrs["candidates"]
    empty = gaz.lookup("Qwzxqwzx Qwzx")
    assert len(empty) == 0 and _is_4326(empty)
    assert list(empty.columns) == [*PLACE_COLUMNS, *LOOKUP_COLUMNS, "geometry"]
    assert empty.attrs["confidence"] == 0.0


def test_lookup_errors(gaz: Gazetteer) -> None:
    with pytest.raises(GazetteerError, match="Atlantis"):
        gaz.lookup("Siversk", region="Atlantis Oblast")
    with pytest.raises(CoordinateError):
        gaz.lookup("Siversk", near=(95.0, 38.0))
    with pytest.raises(CoordinateError):
        gaz.lookup("Siversk", near="48.86, 38.10")  # strings are geo's business: geo.parse_coordinate


def test_near_frame_is_near(gaz: Gazetteer) -> None:
    gdf = gaz.near_frame(48.28014, 37.17706, 8.0)
    pairs = gaz.near(48.28014, 37.17706, 8.0)
    assert gdf["geonameid"].tolist() == [p.geonameid for p, _ in pairs]
    assert gdf["km"].tolist() == [km for _, km in pairs]
    assert gdf["name"].iloc[0] == "Pokrovsk" and len(gdf) > 5
    assert gdf["km"].is_monotonic_increasing and gdf["km"].max() <= 8.0
    assert _is_4326(gdf) and list(gdf.columns) == [*PLACE_COLUMNS, "km", "geometry"]
    with pytest.raises(CoordinateError):
        gaz.near_frame(48.0, 37.0, -1.0)


def test_within_agrees_with_geopandas(gaz: Gazetteer) -> None:
    everything = gaz.to_geodataframe(classes="P")
    area = shapely.Polygon([(37.0, 48.15), (37.45, 48.2), (37.35, 48.45), (36.95, 48.4)])
    expected = everything[everything.within(area)]
    got = gaz.within(area)
    assert len(got) > 20
    assert sorted(got["geonameid"]) == sorted(expected["geonameid"])
    assert got["population"].is_monotonic_decreasing
    assert {"Pokrovsk", "Myrnohrad"} <= set(got["name"])
    # all classes: more rows (raions, rivers...) that the populated-place query leaves out
    assert len(gaz.within(area, classes=None)) > len(got)


def test_within_takes_a_reprojected_geoseries(gaz: Gazetteer) -> None:
    area = shapely.box(37.9, 48.7, 38.2, 48.95)
    series = geopandas.GeoSeries([area], crs="EPSG:4326").to_crs("EPSG:3857")
    direct = gaz.within(area)
    assert "Siversk" in set(direct["name"])
    assert gaz.within(series)["geonameid"].tolist() == direct["geonameid"].tolist()
    assert gaz.within(geopandas.GeoDataFrame(geometry=series))["geonameid"].tolist() == direct["geonameid"].tolist()
    assert len(gaz.within(shapely.Polygon())) == 0
    with pytest.raises(GazetteerError):
        gaz.within([37.0, 48.0])


def test_within_the_occupied_area(gaz: Gazetteer, data_dir: Path) -> None:
    from geo.frontline import FrontLine

    path = data_dir / "frontline" / "daily" / "deepstatemap_data_20251120.geojson"  # one day, small
    if not path.is_file():
        pytest.fail(f"{path} is missing")
    occupied = FrontLine.from_file(path).geometry(dt.date(2025, 11, 20))
    names = set(gaz.within(occupied)["name"])
    assert {"Donetsk", "Luhansk", "Mariupol"} <= names
    assert not {"Kramatorsk", "Zaporizhzhia", "Kharkiv"} & names


def test_places_to_frame_matches_to_geodataframe(gaz: Gazetteer) -> None:
    ids = [703656, 694403]  # Kupiansk, Siversk
    everything = gaz.to_geodataframe()
    expected = everything[everything["geonameid"].isin(ids)].set_index("geonameid").loc[ids]
    got = places_to_frame([gaz.place(i) for i in ids]).set_index("geonameid")
    pd.testing.assert_frame_equal(pd.DataFrame(got), pd.DataFrame(expected))
    with pytest.raises(GazetteerError):
        places_to_frame([gaz.place(ids[0])], km=[1.0, 2.0])


# --------------------------------------------------------------------------- geo


def test_parse_coordinate_is_public() -> None:
    c = geo.parse_coordinate("48°18′36″ N, 37°15′54″ E")
    assert (round(c.lat, 4), round(c.lon, 4)) == (48.31, 37.265)
    with pytest.raises(CoordinateError):
        geo.parse_coordinate("95.5, 37.2")


def test_extract_frame_from_text(gaz: Gazetteer) -> None:
    gdf = extract_frame(TEXT, gaz, date="2025-11-23", front=False)
    assert _is_4326(gdf)
    assert list(gdf.columns) == [*COLUMNS, "geometry"]
    for col in DATE_COLUMNS:
        assert gdf[col].dtype == np.dtype("datetime64[ms]")
    rows = gdf.set_index("name")
    assert rows.loc["Zvanivka", "action"] == "captured"
    assert rows.loc["Zvanivka", "report_date"] == pd.Timestamp("2025-11-23")
    siversk = rows.loc["Siversk"]  # GeoNames: 48.86476, 38.09683
    assert (round(siversk.geometry.y, 3), round(siversk.geometry.x, 3)) == (48.865, 38.097)
    assert gdf.attrs == {"files": 0, "reports": 1, "errors": []}
    with pytest.raises(DateError):
        extract_frame(TEXT, gaz, date="23 Nov", front=False)


def test_extract_frame_text_file_and_list_agree(gaz: Gazetteer, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("DATE: 2025-11-23\n\n" + TEXT + "\n", encoding="utf-8")
    from_path = extract_frame(path, gaz, front=False)
    from_str = extract_frame(str(path), gaz, front=False)
    from_list = extract_frame([path], gaz, front=False)
    from_text = extract_frame(TEXT, gaz, date=dt.date(2025, 11, 23), front=False)
    assert len(from_path) >= 2 and from_path.attrs["files"] == 1
    pd.testing.assert_frame_equal(from_path, from_str)
    pd.testing.assert_frame_equal(from_path, from_list)
    keep = ["name", "action", "claimant", "report_date", "geometry"]
    pd.testing.assert_frame_equal(from_text[keep], from_path[keep])


def test_extract_frame_seeds_is_extract_files(gaz: Gazetteer) -> None:
    gdf = extract_frame(SEEDS, gaz, front=False)
    result = extract_files([SEEDS], gaz)
    assert gdf.attrs == {"files": result.files, "reports": result.reports, "errors": []}
    assert len(gdf) == len(result.claims) > 20
    assert [_flat_why(c) for c in frame_to_claims(gdf)] == [_flat_why(c) for c in result.claims]
    assert gdf["contested"].any()  # the seeds hold claims the two sides contest


def _flat_why(claim: Claim) -> Claim:
    """The claim as a frame keeps it: no text offsets, the evidence as one string."""
    return dataclasses.replace(claim, start=-1, end=-1, why=(WHY_SEPARATOR.join(claim.why),))


def test_why_items_survive_the_frame(gaz: Gazetteer) -> None:
    claims = extract_files([SEEDS], gaz).claims
    assert [c.why for c in frame_to_claims(extract_frame(SEEDS, gaz, front=False))] == [c.why for c in claims]


@pytest.mark.slow
def test_extract_frame_uses_the_front_line_as_the_cli_does(gaz: Gazetteer, data_dir: Path) -> None:
    from frontmap.settings import front_file
    from geo.frontline import FrontLine

    path = front_file(data_dir)
    assert path is not None, f"{data_dir} has no front-line history"
    front = FrontLine.from_file(path, gaz)  # what `frontmap extract` uses by default
    by_default = extract_frame(SEEDS, gaz)  # FRONTMAP_DATA names data_dir
    assert by_default.attrs["errors"] == []
    from geo.verify import check_claims

    # as the command: extracted with the line's distances, then each claim checked against the line
    expected = check_claims(extract_files([SEEDS], gaz, front_km_for=front.distance_function).claims, front)
    assert [_flat_why(c) for c in frame_to_claims(by_default)] == [_flat_why(c) for c in expected]
    pd.testing.assert_frame_equal(extract_frame(SEEDS, gaz, front=front), by_default)
    assert any("front" in WHY_SEPARATOR.join(c.why) for c in frame_to_claims(by_default))


def test_extract_frame_near(gaz: Gazetteer) -> None:
    text = "Fighting continued near Ivanivka."
    a = extract_frame(text, gaz, near=(49.66, 37.89), front=False)
    b = extract_frame(text, gaz, near="49.66, 37.89", front=False)
    c = extract_frame(text, gaz, near=[Anchor(49.66, 37.89, weight=1.5, label="near 49.6600,37.8900")],
                      front=False)
    assert a["geonameid"].tolist() == b["geonameid"].tolist() == c["geonameid"].tolist()
    assert a["admin1"].iloc[0].startswith("Kharkiv")
    with pytest.raises(CoordinateError):
        extract_frame(text, gaz, near=(148.0, 37.0), front=False)


def test_extract_frame_unreadable_inputs(gaz: Gazetteer, tmp_path: Path) -> None:
    missing = tmp_path / "nosuch.txt"
    with pytest.raises(ReportError, match="nosuch.txt"):
        extract_frame(str(missing), gaz, errors="raise", front=False)
    with pytest.warns(RuntimeWarning, match="nosuch.txt"):
        gdf = extract_frame([SEEDS / "README.md", missing], gaz, front=False)
    assert len(gdf.attrs["errors"]) == 1 and "nosuch.txt" in gdf.attrs["errors"][0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert extract_frame([missing], gaz, errors="ignore", front=False).attrs["errors"]
    with pytest.raises(ValueError):
        extract_frame(TEXT, gaz, errors="loud", front=False)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- packages


def test_public_names_resolve() -> None:
    for module in (geo, gazetteer):
        assert module.__all__ and len(set(module.__all__)) == len(module.__all__)
        for name in module.__all__:
            assert getattr(module, name) is not None, f"{module.__name__}.{name}"
    assert geo.extract_frame is extract_frame
    with pytest.raises(AttributeError):
        geo.no_such_name  # noqa: B018


def test_maps_frame_is_geo_frame() -> None:
    import maps
    import maps.frame

    import geo.frame

    for name in ("COLUMNS", "DATE_COLUMNS", "WHY_SEPARATOR", "as_frame", "claims_to_frame", "frame_to_claims"):
        assert getattr(maps.frame, name) is getattr(geo.frame, name), name
    assert maps.claims_to_frame is geo.claims_to_frame


def _modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", f"import sys\n{code}\nprint(' '.join(sys.modules))"],
        capture_output=True, text=True, check=True, cwd=REPO, env={**os.environ},
    ).stdout
    return set(out.split())


def test_layers() -> None:
    # gazetteer imports neither geo, maps nor folium; geo never imports maps; importing geo
    # for coordinates does not load geopandas
    mods = _modules_after("import gazetteer, gazetteer.frames")
    assert not {"geo", "maps", "folium"} & mods
    mods = _modules_after("import geo, geo.frame, geo.extract")
    assert "maps" not in mods and "folium" not in mods
    mods = _modules_after("import geo\ngeo.parse_coordinate('48.3, 37.2')")
    assert "geopandas" not in mods
