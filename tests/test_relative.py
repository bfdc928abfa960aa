"""Places relative to a named one (geo.relative), and their wiring into extraction (geo.extract).

The sentences in the tables are written for these tests; the seed report is read by path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyproj import Geod

from frontmap.errors import CoordinateError
from geo.model import CoordSource
from geo.relative import KINDS, Relation, bearing_of, derive_point, find_relation

GEOD = Geod(ellps="WGS84")


def _rel(sentence: str, name: str) -> Relation | None:
    i = sentence.index(name)
    return find_relation(sentence, i, i + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "bearing", "km"),
    [
        ("Russian units advanced 3 km north-east of Pokrovsk.", "Pokrovsk", "direction-of", 45.0, 3.0),
        ("They advanced about 4 kilometers westward from the Fedorovka line.", "Fedorovka", "direction-of", 270.0, 4.0),
        ("Troops advanced two kilometres to the north of Lyman.", "Lyman", "direction-of", 0.0, 2.0),
        ("They moved 500 m north-west of the village of Ivanivka.", "Ivanivka", "direction-of", 315.0, 0.5),
        ("Positions 1.5 km SE of Bakhmut were hit.", "Bakhmut", "direction-of", 135.0, 1.5),
        ("Russian forces captured Zolota Nyva (5 km south-west) on Monday.", "Zolota Nyva", "direction-of", 225.0, 5.0),
        ("Advances 3 miles east of Kreminna were seen.", "Kreminna", "direction-of", 90.0, 3 * 1.609344),
        ("A pocket south of Dimitrov is being cleared.", "Dimitrov", "direction-of", 180.0, None),
        ("Our troops cut the road west of Zakotnoye.", "Zakotnoye", "direction-of", 270.0, None),
        ("Fighting goes on in the northern part of Kupiansk.", "Kupiansk", "part", 0.0, None),
        ("Fighting goes on in the eastern part of the town of Chasiv Yar.", "Chasiv Yar", "part", 90.0, None),
        ("Fighting goes on in the north of Kupiansk.", "Kupiansk", "part", 0.0, None),
        ("Units are storming Kupyansk's northern districts.", "Kupyansk", "part", 0.0, None),
        ("Russian units are advancing on the southern outskirts of Primorskoye.", "Primorskoye", "outskirts", 180.0, None),
        ("Fighting is reported on the outskirts of Lyman.", "Lyman", "outskirts", None, None),
    ],
)
def test_find_relation(sentence: str, name: str, kind: str, bearing: float | None, km: float | None) -> None:
    r = _rel(sentence, name)
    assert r is not None and r.kind in KINDS
    assert (r.kind, r.bearing) == (kind, bearing)
    assert r.distance_km == (pytest.approx(km) if km is not None else None)
    assert sentence[r.start : r.end] == r.text  # the span is where the phrase is written


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Russian troops captured Lyman.", "Lyman"),
        ("Fighting continues near Pokrovsk.", "Pokrovsk"),
        ("Drones were launched from the direction of Kursk.", "Kursk"),
        ("The Southern Military District of Rostov reported.", "Rostov"),
        ("Fighting near Southern Ozerne.", "Ozerne"),
    ],
)
def test_no_relation(sentence: str, name: str) -> None:
    assert _rel(sentence, name) is None


def test_find_relation_refuses_a_span_outside_the_sentence() -> None:
    with pytest.raises(ValueError, match="not inside"):
        find_relation("short", 2, 40)


@pytest.mark.parametrize(
    ("word", "deg"),
    [("north", 0.0), ("North-East", 45.0), ("southeast", 135.0), ("westward", 270.0), ("southern", 180.0),
     ("SW", 225.0), ("north-northwest", 337.5), ("northwesterly", 315.0), ("up", None)],
)
def test_bearing_of(word: str, deg: float | None) -> None:
    assert bearing_of(word) == deg


@pytest.mark.parametrize(
    ("relation", "metres", "radius"),
    [
        (Relation("direction-of", 45.0, 3.0), 3000.0, 1900.0),
        (Relation("direction-of", 270.0, 10.0), 10000.0, 4000.0),
        (Relation("direction-of", 180.0, None), 3000.0, 3000.0),
        (Relation("part", 0.0), 1000.0, 1500.0),
        (Relation("outskirts", 90.0), 2000.0, 1500.0),
    ],
)
def test_derive_point_goes_the_written_way(relation: Relation, metres: float, radius: float) -> None:
    lat0, lon0 = 48.28, 37.18
    lat, lon, unc = derive_point(lat0, lon0, relation)
    az, _, dist = GEOD.inv(lon0, lat0, lon, lat)
    assert dist == pytest.approx(metres, rel=1e-6)
    assert (az % 360.0) == pytest.approx(relation.bearing, abs=1e-6)
    assert unc == radius


def test_derive_point_without_a_side_stays_on_the_anchor() -> None:
    assert derive_point(48.28, 37.18, Relation("outskirts")) == (48.28, 37.18, 2500.0)


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 37.0), (48.0, 181.0), (float("nan"), 37.0)])
def test_derive_point_refuses_a_bad_anchor(lat: float, lon: float) -> None:
    with pytest.raises(CoordinateError):
        derive_point(lat, lon, Relation("part", 0.0))


# --------------------------------------------------------------------------- wired into extraction


def test_extract_derives_the_point_from_its_anchor(gaz) -> None:
    from geo.extract import extract_text

    plain = {c.place: c for c in extract_text("Russian troops captured Pokrovsk.", gaz)}["Pokrovsk"]
    claims = {c.place: c for c in extract_text("Russian units advanced 3 km north-east of Pokrovsk.", gaz)}
    c = claims["Pokrovsk"]
    assert c.role == "event"
    assert (c.geonameid, c.name) == (plain.geonameid, plain.name)  # the anchor is kept
    assert c.derived_from == plain.name and c.coord_source is CoordSource.DERIVED and c.precision == 2
    az, _, dist = GEOD.inv(plain.lon, plain.lat, c.lon, c.lat)
    assert dist == pytest.approx(3000.0, rel=1e-6) and az == pytest.approx(45.0, abs=1e-6)
    assert c.uncertainty_m == 1900.0
    assert plain.derived_from == "" and plain.coord_source is not CoordSource.DERIVED


def test_extract_derived_points_on_real_seed(gaz, shared_dir: Path) -> None:
    from geo.extract import extract_files

    result = extract_files([shared_dir / "seeds" / "001_5038a288d9bf8bc4.txt"], gaz)
    derived = [c for c in result.claims if c.coord_source is CoordSource.DERIVED]
    assert derived, "the seed puts advances west of, south of and north of named places"
    for c in derived:
        assert c.derived_from and c.geonameid is not None and c.precision == 2 and c.role == "event"
        assert c.uncertainty_m is not None and c.uncertainty_m >= 1000.0
        assert re.search(r"(?:north|south|east|west|outskirts|part)", c.quote, re.IGNORECASE)
    # "about 4 kilometers westward from the Fedorovka line": 4 km west of the anchor
    fed = next(c for c in derived if c.place == "Fedorovka")
    anchor = gaz.place(fed.geonameid)
    az, _, dist = GEOD.inv(anchor.lon, anchor.lat, fed.lon, fed.lat)
    assert dist == pytest.approx(4000.0, rel=1e-6) and (az % 360) == pytest.approx(270.0, abs=1e-6)


def test_windows_the_shortcut_refuses_match_no_pattern_before_a_mention() -> None:
    # find_relation searches the window before a mention only when its last word may end a
    # pattern: every window a pattern matches must pass that test
    import random

    from geo import relative as rel

    words = ["3", "km", "about", "4", "kilometers", "north-east", "westward", "south", "NE", "northern", "part",
             "districts", "outskirts", "approaches", "to", "the", "a", "of", "from", "OF", "From", "THE", "A",
             "settlement", "urban-type", "village", "in", "road", "half", "x"]
    rnd = random.Random(2)
    for _ in range(20000):
        before = "".join(rnd.choice(words) + rnd.choice([" ", " ", "  ", "\n", "-", ", "]) for _ in range(rnd.randint(1, 9)))
        for pattern in (rel._DIST_DIR, rel._DIR_OF, rel._PART_BEFORE, rel._OUTSKIRTS_BEFORE):
            if pattern.search(before):
                assert rel._may_relate_before(before), (pattern.pattern[:30], before)


@pytest.mark.parametrize("row", __import__("geo.rules.lookup", fromlist=["lookup_rows"]).lookup_rows("town_parts"),
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_town_parts_row_reads_its_example(row) -> None:
    """Each row of geo/rules/town_parts.jsonl, in its example, names a part (or the outskirts) of the town after it."""
    from geo.relative import _OUTSKIRTS_BEFORE, _PART_BEFORE

    before = row.example[:row.example.index("Pokrovsk")]
    assert (_PART_BEFORE if row.cls == "part" else _OUTSKIRTS_BEFORE).search(before), row.line
    assert not _PART_BEFORE.search(before.replace(row.phrase, "bank")), row.line
