"""Tests of geo.coordinates: reading coordinates in every notation, in running text, and writing them back."""

from __future__ import annotations

import math
import re

import mgrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontmap.errors import CoordinateError
from geo.coordinates import (
    METRES_PER_DEGREE,
    find_coordinate_problems,
    find_coordinates,
    format_coordinate,
    parse_coordinate,
)
from geo.model import Coordinate, CoordinateFormat

# Reference values computed by hand: 47°54′20″ = 47 + 54/60 + 20/3600, and so on.
DMS_LAT, DMS_LON = 47 + 54 / 60 + 20 / 3600, 36 + 14 / 60 + 58 / 3600
DMS5_LAT, DMS5_LON = 47 + 54 / 60 + 20.5 / 3600, 36 + 14 / 60 + 58.5 / 3600
DM_LAT, DM_LON = 47 + 54.33 / 60, 36 + 14.97 / 60
DD_LAT, DD_LON = 47.9056, 36.2494

FORMS = [
    # degrees, minutes, seconds: every symbol real texts use
    ("47°54′20″ N, 36°14′58″ E", DMS_LAT, DMS_LON),
    ("47°54′20″N 36°14′58″E", DMS_LAT, DMS_LON),
    ("47°54′20″N36°14′58″E", DMS_LAT, DMS_LON),
    ("47º54'20\"N, 36º14'58\"E", DMS_LAT, DMS_LON),
    ("47˚54’20” N 36˚14’58” E", DMS_LAT, DMS_LON),
    ("47°54'20''N 36°14'58''E", DMS_LAT, DMS_LON),
    ("48°46′02\" N, 37°58′30\" E", 48 + 46 / 60 + 2 / 3600, 37 + 58 / 60 + 30 / 3600),
    ("47° 54′ 20″ N, 36° 14′ 58″ E", DMS_LAT, DMS_LON),
    ("47°54′20″ N / 36°14′58″ E", DMS_LAT, DMS_LON),
    ("47°54′20″ N; 36°14′58″ E", DMS_LAT, DMS_LON),
    ("47°54′20″, 36°14′58″", DMS_LAT, DMS_LON),
    ("47°54′20,5″ N, 36°14′58,5″ E", DMS5_LAT, DMS5_LON),
    ("47°54'20.5\"N 36°14'58.5\"E", DMS5_LAT, DMS5_LON),
    ("47°54′20 N, 36°14′58 E", DMS_LAT, DMS_LON),
    ("N 47°54′20″ E 36°14′58″", DMS_LAT, DMS_LON),
    ("N47°54′20″ E36°14′58″", DMS_LAT, DMS_LON),
    ("47°54′20″ North, 36°14′58″ East", DMS_LAT, DMS_LON),
    ("47 54 20 N 36 14 58 E", DMS_LAT, DMS_LON),
    ("47 54 20N 36 14 58E", DMS_LAT, DMS_LON),
    ("N 47 54 20 E 36 14 58", DMS_LAT, DMS_LON),
    ("47:54:20N 36:14:58E", DMS_LAT, DMS_LON),
    # Cyrillic hemispheres
    ("47°54′20″ с. ш., 36°14′58″ в. д.", DMS_LAT, DMS_LON),
    ("47°54′20″ с.ш. 36°14′58″ в.д.", DMS_LAT, DMS_LON),
    ("47°54′20″ пн. ш., 36°14′58″ сх. д.", DMS_LAT, DMS_LON),
    ("47°54′20″ северной широты, 36°14′58″ восточной долготы", DMS_LAT, DMS_LON),
    ("47,9056° с.ш., 36,2494° в.д.", DD_LAT, DD_LON),
    ("47.9056 с. ш. 36.2494 в. д.", DD_LAT, DD_LON),
    ("47°54′20″ ю. ш., 36°14′58″ з. д.", -DMS_LAT, -DMS_LON),
    # degrees and decimal minutes
    ("47°54′ N, 36°14′ E", 47.9, 36 + 14 / 60),
    ("47°54.33′ N, 36°14.97′ E", DM_LAT, DM_LON),
    ("47°54.33' N 36°14.97' E", DM_LAT, DM_LON),
    ("47°54,33′ N, 36°14,97′ E", DM_LAT, DM_LON),
    ("47 54.33 N 36 14.97 E", DM_LAT, DM_LON),
    # decimal degrees
    ("47.9056, 36.2494", DD_LAT, DD_LON),
    ("47.9056,36.2494", DD_LAT, DD_LON),
    ("47.9056 36.2494", DD_LAT, DD_LON),
    ("47.9056° N 36.2494° E", DD_LAT, DD_LON),
    ("47.9056°N, 36.2494°E", DD_LAT, DD_LON),
    ("47.9056°, 36.2494°", DD_LAT, DD_LON),
    ("N 47.9056 E 36.2494", DD_LAT, DD_LON),
    ("N47.9056 E36.2494", DD_LAT, DD_LON),
    ("47.9056 north, 36.2494 east", DD_LAT, DD_LON),
    ("47.9056 deg N, 36.2494 deg E", DD_LAT, DD_LON),
    ("lat 47.9056, lon 36.2494", DD_LAT, DD_LON),
    ("Latitude: 47.9056, Longitude: 36.2494", DD_LAT, DD_LON),
    ("lat/lon: 47.9056, 36.2494", DD_LAT, DD_LON),
    ("47.90° N, 36.25° E", 47.90, 36.25),
    ("47° N, 36° E", 47.0, 36.0),
    # negative values and southern / western hemispheres
    ("-33.8688, 151.2093", -33.8688, 151.2093),
    ("−33.8688, 151.2093", -33.8688, 151.2093),
    ("-33.8688, -70.6693", -33.8688, -70.6693),
    ("33.8688 S, 151.2093 E", -33.8688, 151.2093),
    ("-33°52′08″, 151°12′33″", -(33 + 52 / 60 + 8 / 3600), 151 + 12 / 60 + 33 / 3600),
    ("47°54′20″ S, 36°14′58″ W", -DMS_LAT, -DMS_LON),
    ("-0.1278, -179.9999", -0.1278, -179.9999),
    # longitude first, as the hemisphere letters or labels say
    ("36°14′58″ E, 47°54′20″ N", DMS_LAT, DMS_LON),
    ("E 36.2494 N 47.9056", DD_LAT, DD_LON),
    ("36.2494° E, 47.9056°", DD_LAT, DD_LON),
    ("36°14′58″ в. д., 47°54′20″ с. ш.", DMS_LAT, DMS_LON),
    ("lon/lat: 36.2494, 47.9056", DD_LAT, DD_LON),
    ("long 36.2494 lat 47.9056", DD_LAT, DD_LON),
    # brackets around the whole pair
    ("(47°54′20″ N, 36°14′58″ E)", DMS_LAT, DMS_LON),
    ("[47.9056, 36.2494]", DD_LAT, DD_LON),
]


@pytest.mark.parametrize(("text", "lat", "lon"), FORMS, ids=[f[0] for f in FORMS])
def test_reads_real_world_forms(text: str, lat: float, lon: float) -> None:
    c = parse_coordinate(text)
    assert c.lat == pytest.approx(lat, abs=1e-9)
    assert c.lon == pytest.approx(lon, abs=1e-9)
    assert text[c.start : c.end] == c.text
    # the same form is also found in running text, with its span
    sentence = f"The village of Test ({text}, about 160 residents) was taken."
    found = find_coordinates(sentence)
    assert len(found) == 1, found
    assert found[0].text == c.text
    assert sentence[found[0].start : found[0].end] == c.text
    assert (found[0].lat, found[0].lon) == (c.lat, c.lon)


def test_form_table_is_large_enough() -> None:
    assert len(FORMS) >= 40


@pytest.mark.parametrize(
    ("text", "fmt", "uncertainty"),
    [
        ("47°54′20″ N, 36°14′58″ E", "dms", 1852 / 60 / 2),  # whole seconds ≈ 15 m
        ("47°54′20.5″ N, 36°14′58.5″ E", "dms", 1852 / 600 / 2),
        ("47°54′ N, 36°14′ E", "dm", 926.0),
        ("47°54.33′ N, 36°14.97′ E", "dm", 1852 / 100 / 2),
        ("47.90, 36.25", "dd", 0.01 * METRES_PER_DEGREE / 2),  # ≈ 556 m
        ("47.9056, 36.2494", "dd", 0.0001 * METRES_PER_DEGREE / 2),
        ("47.9056° N, 36.25° E", "dd", 0.01 * METRES_PER_DEGREE / 2),  # the coarser value counts
        ("47°54′20″ N, 36°14′ E", "dm", 926.0),
        ("37U DQ 12345 67890", "mgrs", 0.5),
        ("37U DQ 1234 6789", "mgrs", 5.0),
        ("37U DQ 123 678", "mgrs", 50.0),
        ("37UDQ1267", "mgrs", 500.0),
    ],
)
def test_uncertainty_is_half_the_last_written_unit(text: str, fmt: str, uncertainty: float) -> None:
    c = parse_coordinate(text)
    assert c.format is CoordinateFormat(fmt)
    assert c.uncertainty_m == pytest.approx(uncertainty, rel=1e-9)


def test_whole_seconds_and_hundredths_of_a_degree_match_the_issue_figures() -> None:
    assert parse_coordinate("47°54′20″ N, 36°14′58″ E").uncertainty_m == pytest.approx(15.4, abs=0.1)
    assert parse_coordinate("47.90, 36.25").uncertainty_m == pytest.approx(556, abs=1)


# --------------------------------------------------------------------------------------------------------------------
# Impossible values: rejected with a reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("95° N, 36° E", "latitude 95° is beyond 90°"),
        ("47°54′20″ N, 195°14′58″ E", "longitude 195.249444444° is beyond 180°"),
        ("47.9056, 190.1234", "longitude 190.1234° is beyond 180°"),
        ("95.1234, 36.2494", "latitude 95.1234° is beyond 90°"),
        ("47°61′ N, 36°10′ E", "minutes 61 must be below 60"),
        ("48°10′ N, 36°61′ E", "minutes 61 must be below 60"),
        ("47°54′60″ N, 36°14′58″ E", "seconds 60 must be below 60"),
        ("47°54′20″ N, 36°14′75.5″ E", "seconds 75.5 must be below 60"),
        ("47 54 20 N 36 14 61 E", "seconds 61 must be below 60"),
        ("47° N, 36° N", "both values are latitudes"),
        ("47.9 E, 36.2 W", "both values are longitudes"),
        ("-47.9056° S, 36.2494° E", "both a minus sign and a hemisphere"),
        ("47.5°30′ N, 36° E", "only the last unit may have decimals"),
        ("47°54′20″ N", "only one value"),
        ("47, 36", "not a coordinate pair"),
        ("", "empty"),
        ("Otradnoe", "not a coordinate pair"),
        ("37UDQ123456789", "even number of digits"),
        ("37UDQ 1234 56789", "same number of digits"),
        ("37UMQ1234567890", "does not exist"),
        ("61UDQ1234567890", "zone 61"),
    ],
)
def test_impossible_values_are_rejected_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(CoordinateError, match=re.escape(reason)):
        parse_coordinate(text)


def test_coordinate_error_is_a_value_error_with_a_span() -> None:
    text = "Positions near 47°61′ N, 36°10′ E were shelled."
    (problem,) = find_coordinate_problems(text)
    assert isinstance(problem, ValueError)
    assert problem.text == "47°61′ N, 36°10′ E"  # type: ignore[attr-defined]
    assert text[problem.start : problem.end] == problem.text  # type: ignore[attr-defined]
    assert "minutes 61" in problem.reason  # type: ignore[attr-defined]
    assert find_coordinates(text) == []


def test_problems_in_running_text_are_listed_not_returned() -> None:
    text = "Claimed at 95° N, 36° E; later at 47°54′20″ N, 36°14′58″ E; and 36°61′ E alone; also 48.5 N, 37.5 N."
    assert [c.text for c in find_coordinates(text)] == ["47°54′20″ N, 36°14′58″ E"]
    problems = find_coordinate_problems(text)
    assert [p.text for p in problems] == ["95° N, 36° E", "36°61′ E", "48.5 N, 37.5 N"]  # type: ignore[attr-defined]


NOT_COORDINATES = [
    "about 160 residents",
    "on 2025-11-20 at 06:17:45",
    "the 36th Guards Brigade",
    "the C041428 road",
    "the 28-point plan",
    "support fell by 19%",
    "a 3-kilometer advance",
    "an advance of 1.5, 2.5 km",
    "priced at 78.99, 80.15 rubles",
    "p = 0.001, 0.005, 0.010",
    "hosts 192.168.1.1, 10.0.0.1",
    "on 20.11.2025, 21.11.2025",
    "versions 1.2.345, 2.3.456",
    "temperatures of 25°, 30°",
    "25°C, 30°C",
    "shares of 12.345%, 45.678%",
    "on 2 SEP 2025 1234",
    "the 4th Brigade 155 30 E",
    "47.9056 N and nothing else",
    "47°54′20″ N alone",
    "1,234.5678, 12.3456",
    "a turn of 47.5°, 36.2°",
    "the AK-47 54 20 N",
]


@pytest.mark.parametrize("text", NOT_COORDINATES)
def test_running_text_that_is_not_a_coordinate(text: str) -> None:
    assert find_coordinates(text) == []
    assert find_coordinate_problems(text) == []


def test_false_positive_table_is_large_enough() -> None:
    assert len(NOT_COORDINATES) >= 10


def test_geopy_failure_space_separated_dms() -> None:
    # geopy reads this as 14 N 58 E
    (c,) = find_coordinates("Position 47 54 20 N 36 14 58 E, north of the river.")
    assert (c.lat, c.lon) == pytest.approx((DMS_LAT, DMS_LON))
    assert c.format is CoordinateFormat.DMS


def test_pygeodesy_failure_decimal_comma_seconds() -> None:
    # pygeodesy reads 20,5″ as latitude 5
    c = parse_coordinate("47°54′20,5″ N, 36°14′58,5″ E")
    assert (c.lat, c.lon) == pytest.approx((DMS5_LAT, DMS5_LON))
    assert c.uncertainty_m < 2


# --------------------------------------------------------------------------------------------------------------------
# Spans in running text

OTRADNOE = (
    "On Tuesday the 37th Guards Motorized Rifle Brigade liberated the settlement of "
    "Otradnoe (47°54′20″ N, 36°14′58″ E, about 160 residents). Here, on 2025-11-20 at 06:17:45, ..."
)


def test_span_ties_the_pair_to_the_place_name_before_it() -> None:
    (c,) = find_coordinates(OTRADNOE)
    assert c.text == "47°54′20″ N, 36°14′58″ E"
    assert OTRADNOE[c.start : c.end] == c.text
    assert OTRADNOE[: c.start].endswith("Otradnoe (")
    assert OTRADNOE[c.end :].startswith(", about 160 residents)")
    assert c.lat == pytest.approx(47.905556, abs=1e-6)
    assert c.lon == pytest.approx(36.249444, abs=1e-6)
    assert c.format is CoordinateFormat.DMS
    assert find_coordinate_problems(OTRADNOE) == []


def test_several_pairs_in_order_with_spans() -> None:
    text = (
        "Tikhoe (47°58′03″ N, 36°22′06″ E) fell; the pin 47.9056, 36.2494 marks Otradnoe; "
        "grid 37U DQ 12345 67890; E 36.2494 N 47.9056 again; 47 54 20 N 36 14 58 E."
    )
    found = find_coordinates(text)
    assert [c.text for c in found] == [
        "47°58′03″ N, 36°22′06″ E",
        "47.9056, 36.2494",
        "37U DQ 12345 67890",
        "E 36.2494 N 47.9056",
        "47 54 20 N 36 14 58 E",
    ]
    assert all(text[c.start : c.end] == c.text for c in found)
    assert [c.start for c in found] == sorted(c.start for c in found)
    assert [c.format for c in found] == [
        CoordinateFormat.DMS,
        CoordinateFormat.DD,
        CoordinateFormat.MGRS,
        CoordinateFormat.DD,
        CoordinateFormat.DMS,
    ]


def test_map_link_and_list_of_numbers() -> None:
    (c,) = find_coordinates("https://www.google.com/maps/@47.9056,36.2494,15z")
    assert (c.lat, c.lon) == (DD_LAT, DD_LON)
    assert find_coordinates("scores 47.905, 36.249, 12.111, 0.456") == []


# --------------------------------------------------------------------------------------------------------------------
# MGRS


def _distance_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6_371_008.8 * math.asin(math.sqrt(h))


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("37U DQ 12345 67890", "37UDQ1234567890"),
        ("37UDQ1234567890", "37UDQ1234567890"),
        ("37U DQ 1234 6789", "37UDQ1234567890"),
        ("37UDQ 12345 67890", "37UDQ1234567890"),
        ("37T BP 94451 09470", "37TBP9445109470"),
    ],
)
def test_mgrs_matches_the_mgrs_package(text: str, reference: str) -> None:
    c = parse_coordinate(text)
    lat, lon = mgrs.MGRS().toLatLon(reference)
    # the point is the centre of the written cell: within half a cell diagonal of its corner
    cell = 2 * c.uncertainty_m
    assert _distance_m(c.lat, c.lon, lat, lon) <= cell * 0.75 + 0.5
    assert c.format is CoordinateFormat.MGRS
    assert c.text == text


def test_mgrs_returns_the_cell_centre() -> None:
    corner = mgrs.MGRS().toLatLon("37UDQ1234067890")
    centre = mgrs.MGRS().toLatLon("37UDQ1234567895")
    c = parse_coordinate("37UDQ12346789")
    assert _distance_m(c.lat, c.lon, *centre) < 1.0
    assert _distance_m(c.lat, c.lon, *corner) == pytest.approx(5 * math.sqrt(2), abs=1.0)


def test_mgrs_in_running_text_and_near_misses() -> None:
    text = "The company dug in at 37U DQ 12345 67890 (reported 2 SEP 2025 1234) and at 37UDQ1267."
    found = find_coordinates(text)
    assert [c.text for c in found] == ["37U DQ 12345 67890", "37UDQ1267"]
    problems = find_coordinate_problems("grid 37UDQ123456789.")
    assert [p.text for p in problems] == ["37UDQ123456789"]  # type: ignore[attr-defined]


def test_mgrs_band_must_hold_the_point() -> None:
    # the same square and digits name a point in band U (48°–56° N) but not in band T (40°–48° N) or D
    assert 48 <= parse_coordinate("37UDQ1234567890").lat <= 56
    with pytest.raises(CoordinateError, match="outside band T"):
        parse_coordinate("37TDQ1234567890")
    with pytest.raises(CoordinateError, match="outside band D"):
        parse_coordinate("37DDQ1234567890")


# --------------------------------------------------------------------------------------------------------------------
# Writing


@pytest.mark.parametrize(
    ("fmt", "precision", "expected"),
    [
        ("dms", None, "47°54′20″ N, 36°14′58″ E"),
        ("dms", 1, "47°54′20.0″ N, 36°14′58.0″ E"),
        ("dm", None, "47°54.333′ N, 36°14.967′ E"),
        ("dm", 0, "47°54′ N, 36°15′ E"),
        ("dd", None, "47.90556° N, 36.24944° E"),
        ("dd", 2, "47.91° N, 36.25° E"),
        (CoordinateFormat.DMS, 0, "47°54′20″ N, 36°14′58″ E"),
    ],
)
def test_format_coordinate(fmt: str, precision: int | None, expected: str) -> None:
    assert format_coordinate((DMS_LAT, DMS_LON), fmt, precision) == expected


def test_format_carries_rounding_into_the_next_unit() -> None:
    assert format_coordinate((47.99999999, -0.0000001)) == "48°00′00″ N, 0°00′00″ E"
    assert format_coordinate((-89.9999999, 179.9999999), "dm", 1) == "90°00.0′ S, 180°00.0′ E"


def test_format_accepts_a_coordinate_and_rejects_bad_input() -> None:
    c = Coordinate(lat=-33.8688, lon=151.2093)
    assert format_coordinate(c, "dd", 4) == "33.8688° S, 151.2093° E"
    for bad in ((91.0, 0.0), (0.0, 180.5), (math.nan, 0.0)):
        with pytest.raises(CoordinateError):
            format_coordinate(bad)
    with pytest.raises(CoordinateError, match="allowed: dms, dm, dd, mgrs"):
        format_coordinate((0.0, 0.0), "utm")
    with pytest.raises(CoordinateError, match="polar"):
        format_coordinate((85.0, 0.0), "mgrs")
    with pytest.raises(CoordinateError, match="1 to 5"):
        format_coordinate((0.0, 0.0), "mgrs", 6)


# --------------------------------------------------------------------------------------------------------------------
# Properties

LATS = st.floats(min_value=-90, max_value=90, allow_nan=False)
LONS = st.floats(min_value=-180, max_value=180, allow_nan=False)
UNIT_DEG = {"dms": 1 / 3600, "dm": 1 / 60, "dd": 1.0}


@settings(max_examples=200, deadline=None)
@given(lat=LATS, lon=LONS, fmt=st.sampled_from(["dms", "dm", "dd"]), precision=st.integers(0, 4))
def test_format_then_parse_round_trips(lat: float, lon: float, fmt: str, precision: int) -> None:
    written = format_coordinate((lat, lon), fmt, precision)
    c = parse_coordinate(written)
    half_unit = UNIT_DEG[fmt] * 10.0**-precision / 2
    assert abs(c.lat - lat) <= half_unit + 1e-9
    assert abs(c.lon - lon) <= half_unit + 1e-9
    assert c.format is CoordinateFormat(fmt)
    assert c.uncertainty_m == pytest.approx(half_unit * METRES_PER_DEGREE)
    # and the same string is found, with its exact span, in running text
    sentence = f"Hamlet ({written}, about 20 residents)."
    (found,) = find_coordinates(sentence)
    assert sentence[found.start : found.end] == written
    assert (found.lat, found.lon) == (c.lat, c.lon)


@settings(max_examples=200, deadline=None)
@given(
    lat=st.floats(min_value=-80, max_value=83.99, allow_nan=False),
    lon=st.floats(min_value=-180, max_value=179.999, allow_nan=False),
    precision=st.integers(1, 5),
)
def test_mgrs_format_then_parse_stays_in_the_cell(lat: float, lon: float, precision: int) -> None:
    written = format_coordinate((lat, lon), "mgrs", precision)
    c = parse_coordinate(written)
    cell = 10.0 ** (5 - precision)
    assert c.uncertainty_m == cell / 2
    assert _distance_m(c.lat, c.lon, lat, lon) <= cell * math.sqrt(2) / 2 * 1.01 + 1.0


COORDINATE_ALPHABET = "0123456789.,°º′″'\"’” NSEWnsew-−+:;/()сшвдюз\n"


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=200), st.text(alphabet=COORDINATE_ALPHABET, max_size=80)))
def test_find_never_raises_and_only_returns_readable_pairs(text: str) -> None:
    found = find_coordinates(text)
    problems = find_coordinate_problems(text)
    for c in found:
        assert text[c.start : c.end] == c.text
        assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180
        again = parse_coordinate(c.text)  # what running text yields, the strict reader accepts
        assert (again.lat, again.lon) == (c.lat, c.lon)
    for p in problems:
        assert isinstance(p, CoordinateError)
        assert text[p.start : p.end] == p.text  # type: ignore[attr-defined]


def test_texts_the_prefilter_refuses_hold_nothing_the_patterns_find() -> None:
    # _scan reads only texts _MAY_HOLD finds something in: each match of the value and grid
    # patterns must hold such a spot (values and grids built from their parts, at random)
    import random

    from geo import coordinates as gc

    numbers = ["4", "47", "147", "47.9", "47,90", "5", "05", "0.5"]
    marks = ["", " ", "  ", ":", "\u00a0", "\u2009", "°", "º", "˚", "⁰", "deg", " deg", "  deg", "\u00a0degrees",
             "′", "'", "’", "″", "\"", "''", ",", ", ", ";", "/", " and ", "%", "."]
    hems = ["", "", "N", "E", " S", "W", "north", "lat", "Lat: ", "lng=", "с.ш.", "в. д.", "-", "−", "+", "("]
    grids = ["37U", "37", "4T", "37u", " ", "", "DQ", "D", "12345", "1234567890", "12345 67890", ".", ","]
    rnd = random.Random(3)
    for _ in range(30000):
        parts = [rnd.choice(hems)]
        for _ in range(rnd.randint(1, 4)):
            parts += [rnd.choice(numbers), rnd.choice(marks)]
        parts.append(rnd.choice(hems))
        texts = ["".join(parts), "".join(rnd.choice(grids) for _ in range(rnd.randint(1, 5)))]
        for text in texts:
            for m in [*gc._VALUE.finditer(text), *gc._MGRS.finditer(text)]:
                assert gc._MAY_HOLD.search(m.group()), (text, m.group())


def test_every_written_form_passes_the_prefilter() -> None:
    from geo import coordinates as gc

    for text, *_ in FORMS:
        assert gc._MAY_HOLD.search(text), text


# --------------------------------------------------------------------------------------------------------------------
# A real document

SEED = "001_5038a288d9bf8bc4.txt"


def test_real_document_yields_exactly_its_pairs(shared_dir) -> None:
    text = (shared_dir / "seeds" / SEED).read_text(encoding="utf-8")
    found = find_coordinates(text)
    assert find_coordinate_problems(text) == []
    # independent of the reader: every degree sign in the document belongs to one found pair, two per pair
    degree_signs = [m.start() for m in re.finditer("°", text)]
    assert len(found) == len(degree_signs) // 2 >= 1
    for position in degree_signs:
        assert sum(c.start <= position < c.end for c in found) == 1
    for c in found:
        assert text[c.start : c.end] == c.text
        assert c.format is CoordinateFormat.DMS and c.uncertainty_m == pytest.approx(15.4, abs=0.1)
        assert 44 < c.lat < 53 and 22 < c.lon < 41  # Ukraine
        assert text[c.start - 1] == "("  # written in brackets right after the place name
    otradnoe = [c for c in found if text[: c.start].endswith("Otradnoe (")]
    assert len(otradnoe) == 1
    assert (otradnoe[0].lat, otradnoe[0].lon) == pytest.approx((DMS_LAT, DMS_LON))
