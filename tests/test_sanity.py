"""geo.sanity: points that cannot be right are named with a reason.

Distances are checked against geopy's geodesic (an independent implementation), places against
the real gazetteer where a test needs a real village.
"""

from __future__ import annotations

import math

import pytest
from geopy.distance import geodesic
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.coordinates import find_coordinates, parse_coordinate
from geo.sanity import AREA, MAX_KM, implausible_point, in_area

ZVANIVKA = (48.75, 38.10)
SIVERSK = (48.87, 38.10)
FRONT = [ZVANIVKA, SIVERSK, (48.28, 37.18), (47.66, 36.26)]  # + Pokrovsk, Huliaipole


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Kyiv", 50.45, 30.52),
        ("Uzhhorod", 48.62, 22.29),
        ("Sevastopol", 44.6, 33.52),
        ("Izmail", 45.35, 28.84),
        ("Chisinau", 47.01, 28.86),
        ("Tiraspol", 46.84, 29.63),
        ("Minsk", 53.9, 27.57),
        ("Brest", 52.1, 23.69),
        ("Kaliningrad", 54.71, 20.51),
        ("Moscow", 55.75, 37.62),
        ("Belgorod", 50.6, 36.59),
        ("Bryansk", 53.25, 34.37),
        ("Sochi", 43.6, 39.73),
        ("Makhachkala", 42.98, 47.5),
        ("Derbent", 42.06, 48.29),
        ("Novosibirsk", 55.03, 82.92),
        ("Vladivostok", 43.12, 131.89),
        ("Anadyr", 64.73, 177.51),
        ("Uelen", 66.16, -169.81),
        ("Pskov", 57.82, 28.33),
    ],
)
def test_places_of_the_four_countries_are_in_the_area(name: str, lat: float, lon: float) -> None:
    assert in_area(lat, lon), name
    assert implausible_point(lat, lon, []) is None


@pytest.mark.parametrize(
    ("what", "lat", "lon"),
    [
        ("Berlin", 52.52, 13.40),
        ("Warsaw", 52.23, 21.01),
        ("Paris", 48.85, 2.35),
        ("Istanbul", 41.01, 28.98),
        ("Bucharest", 44.43, 26.1),
        ("Tbilisi", 41.72, 44.79),
        ("Washington", 38.9, -77.04),
        ("Zvanivka in the southern hemisphere", -48.75, 38.10),
        ("Zvanivka in the western hemisphere", 48.75, -38.10),
        ("Zvanivka with latitude and longitude swapped", 38.10, 48.75),
        ("Zvanivka with a digit dropped", 4.875, 38.10),
        ("Zvanivka with a longitude digit dropped", 48.75, 3.810),
        ("Null Island", 0.0, 0.0),
    ],
)
def test_points_outside_the_area_are_named(what: str, lat: float, lon: float) -> None:
    reason = implausible_point(lat, lon, FRONT)
    assert reason is not None, what
    assert "outside Ukraine, Russia, Belarus and Moldova" in reason
    assert f"{lat:.5f}, {lon:.5f}" in reason


@pytest.mark.parametrize(
    ("lat", "lon", "part"),
    [
        (95.0, 38.1, "latitude 95.0 is beyond ±90°"),
        (-90.5, 38.1, "latitude -90.5 is beyond ±90°"),
        (48.0, 181.0, "longitude 181.0 is beyond ±180°"),
        (math.nan, 38.1, "latitude nan is not a number"),
        (48.0, math.inf, "longitude inf is not a number"),
    ],
)
def test_not_a_point_on_earth(lat: float, lon: float, part: str) -> None:
    reason = implausible_point(lat, lon, FRONT)
    assert reason == f"not a point on Earth: {part}"


def test_far_from_the_other_places_of_the_report_gives_the_distance() -> None:
    # a typo that stays inside Russia: 58.75 for 48.75, i.e. ~1,100 km north, and a far one
    near_typo = (58.75, 38.10)
    reason = implausible_point(*near_typo, FRONT)
    assert reason is None  # 1,100 km: under the default 2,000 km
    km = geodesic(near_typo, SIVERSK).km
    reason = implausible_point(*near_typo, FRONT, max_km=1000.0)
    assert reason is not None
    assert reason.startswith(f"{km:,.0f} km from the nearest other place of the report (48.87000, 38.10000)")
    assert "more than 1,000 km is implausible" in reason

    tomsk = (56.50, 84.97)  # Seversk, Tomsk Oblast: the namesake of Siversk, 3,400 km away
    reason = implausible_point(*tomsk, FRONT)
    assert reason is not None and "km from the nearest other place" in reason
    nearest = min(geodesic(tomsk, p).km for p in FRONT)
    assert nearest > MAX_KM
    assert reason.startswith(f"{nearest:,.0f} km")


def test_the_nearest_context_point_counts_not_the_mean() -> None:
    # a report about the front and about a strike deep in Russia: the strike point is near one
    # of its places, so it is plausible however far the rest are
    context = FRONT + [(56.50, 84.97)]
    assert implausible_point(56.60, 84.88, context) is None


def test_context_that_is_not_a_point_is_ignored() -> None:
    assert implausible_point(*ZVANIVKA, [(math.nan, 1.0), (200.0, 38.0), (48.0, math.inf)]) is None
    assert implausible_point(*ZVANIVKA, iter([SIVERSK])) is None  # any iterable


def test_real_coordinates_of_a_report_against_real_places(gaz) -> None:
    text = (
        "Russian forces captured Zvanovka (48°45′N 38°06′E) and attacked Seversk; "
        "the post also gave 84°45′N 38°06′E for Zvanovka by mistake."
    )
    good, typo = find_coordinates(text)
    context = []
    for name in ("Zvanivka", "Siversk"):
        place = next(c.place for c in gaz.candidates(name) if c.place.country == "UA")
        context.append((place.lat, place.lon))
    assert implausible_point(good.lat, good.lon, context) is None
    reason = implausible_point(typo.lat, typo.lon, context)
    assert reason is not None and "outside" in reason  # 84° N: beyond Russia's Arctic islands


def test_impossible_written_values_never_reach_the_check() -> None:
    # latitude 95 and 61 minutes are refused by the reader itself, with a reason
    from frontmap.errors import CoordinateError

    with pytest.raises(CoordinateError):
        parse_coordinate("95°10′N 38°06′E")
    with pytest.raises(CoordinateError):
        parse_coordinate("48°61′N 38°06′E")


@settings(max_examples=200, deadline=None)
@given(
    lat=st.floats(allow_nan=True, allow_infinity=True),
    lon=st.floats(allow_nan=True, allow_infinity=True),
    context=st.lists(st.tuples(st.floats(-90, 90), st.floats(-180, 180)), max_size=5),
)
def test_never_raises_and_agrees_with_the_area(lat: float, lon: float, context: list) -> None:
    reason = implausible_point(lat, lon, context)
    assert reason is None or isinstance(reason, str) and reason
    on_earth = math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180
    if not on_earth:
        assert reason is not None and reason.startswith("not a point on Earth")
    elif not AREA.intersects(__import__("shapely").Point(lon, lat)):
        assert reason is not None and "outside" in reason
    elif not context:
        assert reason is None
    else:
        nearest = min(geodesic((lat, lon), p).km for p in context)
        if nearest > MAX_KM + 1:
            assert reason is not None and "km from the nearest" in reason
        elif nearest < MAX_KM - 1:
            assert reason is None
