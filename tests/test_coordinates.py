"""Tests of geo.coordinates: reading coordinates in every notation, in running text, and writing them back."""

from __future__ import annotations

import math
from dataclasses import replace
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
    read_coordinates,
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
    with pytest.raises(CoordinateError, match="allowed: dms, dm, dd, mgrs, utm"):
        format_coordinate((0.0, 0.0), "ddm")
    assert format_coordinate((48.258246, 37.819014), "utm") == "37U 412345 5345678"
    assert parse_coordinate(format_coordinate((48.258246, 37.819014), "utm")).lat == pytest.approx(48.258246, abs=1e-5)
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


# --------------------------------------------------------------------------------------------------------------------
# Real notations: coordinate strings as gazetteer and encyclopedia pages, geolocation posts and survey pages write
# them, found with the project's search tool, with the values they state (facts; the pages' sentences are not kept).
# A label or field name written with the coordinate is kept where it tells the language ("O": see below).
# Sources, in the order of the table below:
#   de  https://de.wiki.li/Mykolajiwka_(Wolnowacha)  https://de.wiki.li/Donezkyj  https://de.wiki.li/Dowschok_(Jampil)
#       https://de.wiki.li/Luhanske_(Rosiwka)  https://de.wiki.li/Krasna_Poljana_(Welyka_Nowosilka)
#       https://de.wiki.li/Ukrajinske_(Talalajiwka)  https://de.wikipedia.org/wiki/Schyrokyne
#       https://de.wiki.li/Nowomykolajiwka_(Melitopol)  https://de.wikipedia.org/wiki/Donez_(Balaklija)
#       https://de.wikial.top/wiki/Donetsk_Oblast
#   en  https://en-academic.com/dic.nsf/enwiki/306322
#       https://regionews.ua/rus/news/donetchina/1673512063-kamnya-na-kamne-ne-ostalos-sputnikovye-snimki-soledara-i-bahmuta
#       https://worldpopulace.com/most-extreme-points-of-the-netherlands/  https://editions.covecollective.org/place/istanbul-0
#       https://ww-w.pages.dev/0xLy93aWtpL00lQzMlQkNyJUM1JTlGaXRwJUM0JUIxbmFy  https://www.spacetotakeplace.nl/en/location
#       https://www.confluence.org/confluence.php?visitid=12247  https://confluence.org/confluence.php?visitid=12360
#       https://www.confluence.org/confluence.php?visitid=4580  http://www.confluence.org/confluence.php?visitid=3529
#   fr  https://wikipedia.bradmurray.com/wiki/Pelahi%C3%AFvka?lang=fr
#       https://rp.liu233w.com/https/fr.wikipedia.org/w/index.php?diff=prev&oldid=129160056&title=Milove
#       https://fr-academic.com/dic.nsf/frwiki/2026148  https://wikiland.org/fr/Luhansk_oblast
#       http://confluence.org/confluence.php?visitid=19128
#   it  https://it.wikipedia.org/wiki/Doneck_(Russia)
#   zh  https://zh.wikipedia.org/zh-hant/%E6%96%AF%E7%B6%AD%E7%88%BE%E5%BE%B7%E6%B4%9B%E6%B2%83
#   el  https://el.m.wikipedia.org/wiki/%CE%9B%CE%BF%CF%85%CE%B3%CE%BA%CE%AC%CE%BD%CF%83%CE%BA
#       https://el.wikipedia.org/wiki/%CE%A7%CE%AC%CF%81%CE%BA%CE%BF%CE%B2%CE%BF
#   he  https://iw.mgwiki.top/wiki/Diyarbak%C4%B1r
#   uz  https://uz.wikinlu.ru/wiki/Novovolynsk
#   uk  https://www.wikizero.com/uk/%D0%9D%D0%BE%D0%B2%D0%BE%D0%BA%D0%B8%D1%97%D0%B2%D0%BA%D0%B0_(%D0%9A%D1%80%D0%B0%D1%81%D0%BD%D0%BE%D0%B4%D0%BE%D0%BD%D1%81%D1%8C%D0%BA%D0%B8%D0%B9_%D1%80%D0%B0%D0%B9%D0%BE%D0%BD)
#       https://escriptorium.karazin.ua/collections/d30deed2-144a-4297-bdf0-fe6bb41a72fc
#   ru  https://ru.dewiki.one/wiki/Donetsk_oblast  https://xn--h1ajim.xn--p1ai/%D0%9D%D0%BE%D0%B2%D0%BE%D0%B4%D0%B2%D0%BE%D1%80%D1%81%D0%BA%D0%BE%D0%B5
#       https://ru.frwiki.wiki/wiki/Dokoutcha%C3%AFevsk
#   bg  https://ewikibg.top/wiki/Velyka_Novosilka_Raion
#   cs  https://cs.wikipedia.org/wiki/Wikipedista:JiriZamecnik/P%C3%ADskovi%C5%A1t%C4%9B
#   nl  https://www.trouw.nl/home/het-middelpunt-van-nederland-ligt-in-de-buurt-van-de-azoren~a19c8d0b/
#   pl  https://srodekpolski.pl/scisle/cale/  https://srodekpolski.pl/scisle/ladowy/
#       https://slowtravel.pl/50n20e-krakowski-punkt-przeciecia-rownoleznika-z-poludnikiem/
#   tr  https://nedir.eokultv.com/soru/cografi-koordinatlar-ayt-kavram-haritalari-84388
#       http://www.teknedergisi.com/yeryuzundeki-bir-yerin-mevkii-koordinati/  https://www.odevde.com/illerin-koordinatlari/


def _dms(d: float, m: float = 0.0, s: float = 0.0) -> float:
    return d + m / 60 + s / 3600


REAL_NOTATIONS: list[tuple[str, str, list[tuple[float, float]]]] = [
    ("de", "Geographische Lage: 47° 39′ N, 37° 41′ O", [(_dms(47, 39), _dms(37, 41))]),
    ("de", "Geographische Lage: | 48° 42′ N, 38° 40′ O | ||", [(_dms(48, 42), _dms(38, 40))]),
    ("de", "Geographische Lage: 48° 14′ N, 28° 32′ O", [(_dms(48, 14), _dms(28, 32))]),
    ("de", "Geographische Lage:47° 22′ N, 37° 6′ O", [(_dms(47, 22), _dms(37, 6))]),
    ("de", "Geographische Lage: | 47° 34′ N, 37° 4′ O | ||", [(_dms(47, 34), _dms(37, 4))]),
    ("de", "Geographische Lage:50° 50′ N, 32° 53′ O", [(_dms(50, 50), _dms(32, 53))]),
    ("de", "Geographische Lage: 47° 6′ N, 37° 49′ OKoordinaten: 47° 5′ 53″ N, 37° 48′ 37″ O",
     [(_dms(47, 6), _dms(37, 49)), (_dms(47, 5, 53), _dms(37, 48, 37))]),
    ("de", "Geographische Lage: | 46° 53′ N, 35° 13′ O | ||", [(_dms(46, 53), _dms(35, 13))]),
    ("de", "Geographische Lage: 49° 31′ N, 36° 34′ OKoordinaten: 49° 30′ 31″ N, 36° 34′ 20″ O",
     [(_dms(49, 31), _dms(36, 34)), (_dms(49, 30, 31), _dms(36, 34, 20))]),
    ("de", "Koordinaten: 48 ° 08'N 37 ° 44'E / 48,14 ° N 37,74 ° O.",
     [(_dms(48, 8), _dms(37, 44)), (48.14, 37.74)]),
    ("en", "Coordinates: 48°00′10″N 37°48′19″E / 48.00278°N 37.80528°E / 48.00278; 37.80528",
     [(_dms(48, 0, 10), _dms(37, 48, 19)), (48.00278, 37.80528), (48.00278, 37.80528)]),
    ("en", "(lat: 48.663700, long: 38.091763)", [(48.6637, 38.091763)]),
    ("en", "(lat: 48.6796, long:8.0947)", [(48.6796, 8.0947)]),  # a typo for 38.0947: outside the area (below)
    ("en", "53°27’56″N 6°44’48” E", [(_dms(53, 27, 56), _dms(6, 44, 48))]),
    ("en", "50°45’01.5N 5°54’54” E", [(_dms(50, 45, 1.5), _dms(5, 54, 54))]),
    ("en", "Latitude: 41.009217589825\nLongitude: 28.965024948120", [(41.009217589825, 28.965024948120)]),
    ("en", "Coordinates: 36°54′5″N 38°20′57″E / 36.90139°N 38.34917°E / 36.90139; 38.34917",
     [(_dms(36, 54, 5), _dms(38, 20, 57)), (36.90139, 38.34917), (36.90139, 38.34917)]),
    ("en", "N 52º 21'41.09\" / E 4º 59'32.92''", [(_dms(52, 21, 41.09), _dms(4, 59, 32.92))]),
    ("en", "N 52 21'41.09\" / E 4 59'32.92\"", [(_dms(52, 21, 41.09), _dms(4, 59, 32.92))]),
    ("en", "52N04.159 19E28.813", [(_dms(52, 4.159), _dms(19, 28.813))]),
    ("en", "52N/21E", [(52.0, 21.0)]),
    ("en", "51°N 21°E", [(51.0, 21.0)]),
    ("en", "41°N 30°E", [(41.0, 30.0)]),
    ("en", "The N52 E21 confluence", [(52.0, 21.0)]),
    ("fr", "Coordonnées | 48° 05′ 37″ nord, 38° 36′ 19″ est | |||", [(_dms(48, 5, 37), _dms(38, 36, 19))]),
    ("fr", "Coordonnées 49° 22′ 40″ nord, 40° 07′ 50″ est", [(_dms(49, 22, 40), _dms(40, 7, 50))]),
    ("fr", "Coordonnées : 51° 04′ 42″ N 28° 23′ 51″ E / 51.0783, 28.3975",
     [(_dms(51, 4, 42), _dms(28, 23, 51)), (51.0783, 28.3975)]),
    ("fr", "Coordonnées : 48°55′N 39°01′E / 48.92°N 39.02°E / 48.92; 39.02",
     [(_dms(48, 55), _dms(39, 1)), (48.92, 39.02)]),  # "48.92; 39.02": two plain decimals, too few to read
    ("fr", "53°00'32\",7N - 6°00'29\",3E", [(_dms(53, 0, 32.7), _dms(6, 0, 29.3))]),
    ("it", "Coordinate48°20′00″N 39°56′00″E / 48.333333°N 39.933333°E48.333333; 39.933333 (Doneck)",
     [(_dms(48, 20), _dms(39, 56)), (48.333333, 39.933333), (48.333333, 39.933333)]),
    ("zh", "座標48°1′39″N 38°3′46″E / 48.02750°N 38.06278°E / 48.02750; 38.06278",
     [(_dms(48, 1, 39), _dms(38, 3, 46)), (48.0275, 38.06278), (48.0275, 38.06278)]),
    ("el", "Συντεταγμένες: 48°34′N 39°18′E / 48.567°N 39.300°E", [(_dms(48, 34), _dms(39, 18)), (48.567, 39.3)]),
    ("el", "48°34′18″N 39°17′50″E", [(_dms(48, 34, 18), _dms(39, 17, 50))]),
    ("el", "Συντεταγμένες: 49°59′27″N 36°13′28″E / 49.99083°N 36.22444°E",
     [(_dms(49, 59, 27), _dms(36, 13, 28)), (49.99083, 36.22444)]),
    ("el", "50°0′0″N 36°13′45″E", [(50.0, _dms(36, 13, 45))]),
    ("he", "37 ° 55′N 40 ° 14′E / 37.91 ° N 40.24 ° E / 37.91; 40.24",
     [(_dms(37, 55), _dms(40, 14)), (37.91, 40.24)]),
    ("uz", "Koordinatalari: 50 ° 44′00 ″ N. 24 ° 10′00 ″ E / 50.73333 ° N 24.16667 ° E / 50.73333; 24.16667",
     [(_dms(50, 44), _dms(24, 10)), (50.73333, 24.16667), (50.73333, 24.16667)]),
    ("uk", "Географічні координати 48°35′06″ пн. ш. 39°39′58″ сх. д. / 48.58500° пн. ш. 39.66611° сх. д. / "
     "48.58500; 39.66611", [(_dms(48, 35, 6), _dms(39, 39, 58)), (48.585, 39.66611), (48.585, 39.66611)]),
    ("uk", "50° 0' 10\" північної широти з 36° 13'43,5\" східньої довготи", [(_dms(50, 0, 10), _dms(36, 13, 43.5))]),
    ("ru", "Координаты: 48 ° 08′N 37 ° 44'E / 48,14 ° с. Ш. 37,74 ° в.",
     [(_dms(48, 8), _dms(37, 44)), (48.14, 37.74)]),
    ("ru", "47°50′22″ с. ш. 38°08′24″ в. д.HGЯO", [(_dms(47, 50, 22), _dms(38, 8, 24))]),
    ("ru", "Контакты 47 ° 45 ′ северной широты, 37 ° 41 ′ восточной долготы", [(_dms(47, 45), _dms(37, 41))]),
    ("bg", "Координати: 47 ° 50′28,3 ″ с.ш. 36 ° 50′8.2 ″ изток / 47,841194 ° N 36,835611 ° E",
     [(_dms(47, 50, 28.3), _dms(36, 50, 8.2)), (47.841194, 36.835611)]),
    ("cs", "Souřadnice | 50° s. š., 36°15′ v. d. |", [(50.0, _dms(36, 15))]),
    ("nl", "41º 53' NB en 31º 42' WL", [(_dms(41, 53), -_dms(31, 42))]),
    ("pl", "ϕ = 52°11′27.95″ N\nλ = 19°21′19.46″ E", [(_dms(52, 11, 27.95), _dms(19, 21, 19.46))]),
    ("pl", "ϕ = 52°06′33.91″ N\nλ = 19°25′50.83″ E", [(_dms(52, 6, 33.91), _dms(19, 25, 50.83))]),
    ("pl", "zapisu 50N20E.", [(50.0, 20.0)]),
    ("tr", "A) 20° Güney, 40° Doğu", [(-20.0, 40.0)]),
    ("tr", "B) 40° Kuzey, 30° Batı", [(40.0, -30.0)]),
    ("tr", "C) 36° Kuzey, 36° Doğu", [(36.0, 36.0)]),
    ("tr", "40 derece kuzey enlemi ile 26 derece batı boylamı", [(40.0, -26.0)]),
    ("tr", "Adıyaman 37,764751 38,278561", [(37.764751, 38.278561)]),
    ("tr", "Afyonkarahisar 38,750714 30,556692", [(38.750714, 30.556692)]),
    ("tr", "Ankara 39,92077 32,85411", [(39.92077, 32.85411)]),
    ("tr", "Antalya 36,88414 30,70563", [(36.88414, 30.70563)]),
    ("tr", "Ardahan 41,110481 42,702171", [(41.110481, 42.702171)]),
    ("tr", "Bursa 40,266864 29,063448", [(40.266864, 29.063448)]),
    ("tr", "İstanbul 41,00527 28,97696", [(41.00527, 28.97696)]),
    ("tr", "İzmir 38,41885 27,12872", [(38.41885, 27.12872)]),
    ("tr", "Konya 37,866667 32,483333", [(37.866667, 32.483333)]),
    ("tr", "Hakkari 37,583333 43,733333", [(37.583333, 43.733333)]),
]

# Real notations that must not give a point: rejected with the reason (ambiguous or impossible as written) ...
REAL_REJECTED = [
    # atlas notation degrees.minutes: 51.55 N is 51°55′ N in the atlases the page lists (https://dierinbedrijf.nl/06576.html)
    ("51.55 N 4.30 E", "ambiguous"),
    # two copies of a coordinate glued together by a scraper (https://fr-academic.com/dic.nsf/frwiki/2026148)
    ("51.0783, 28.397551° 04′ 42″ N 28° 23′ 51″ E", "only the last unit may have decimals"),
]
# ... or not read at all: machine translations that garbled the hemisphere words, typos, a table row with a
# digit group lost; none may turn into a wrong point (https://perceptiofr.com/Луганская_область,
# https://perceptiode.com/Ольховка_(Харьковская_область), https://perceptionl.com/Волково_(Закарпатская_область),
# https://perceptiotr.com/Карховка_(Черниговская_область), https://pl.wiki7.org/wiki/Пелагеевка_(Донецкая_область),
# https://worldpopulace.com/most-extreme-points-of-the-netherlands/, https://www.odevde.com/illerin-koordinatlari/,
# http://www.teknedergisi.com/yeryuzundeki-bir-yerin-mevkii-koordinati/)
REAL_NOT_READ = [
    "48°55′ N. sh. 39°01′ Est e.",
    "49°58′53″ N. Sch. 36°30′14″ Zoll. E.",
    "48°31'27″ N sch. 22°28'10″ inch. bijv.",
    "51°27'50\" sn. Şş. 30°55'11\" D e.",
    "48°05′37″ s. cii. 38°36′19″ cale e.",
    "It is at 53°33’18″N 628’41″E.",
    "Ağrı 39,626922 43021596",
    "Adana 37 35,321333",
    "Erzincan 39,75 39,5",
    "( 400 N – 0250 W)",
]


@pytest.mark.parametrize(("language", "text", "expected"), REAL_NOTATIONS, ids=lambda x: x if isinstance(x, str) and len(x) < 4 else None)
def test_real_notations_read_right(language: str, text: str, expected: list[tuple[float, float]]) -> None:
    found, problems = read_coordinates(text)
    assert [(round(c.lat, 6), round(c.lon, 6)) for c in found] == [(round(a, 6), round(b, 6)) for a, b in expected]
    assert problems == []
    for c in found:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize(("text", "reason"), REAL_REJECTED)
def test_real_notations_that_cannot_be_told_are_rejected(text: str, reason: str) -> None:
    found, problems = read_coordinates(text)
    assert found == [] or all(p.start >= c.end or p.end <= c.start for p in problems for c in found)  # type: ignore[attr-defined]
    assert any(reason in p.reason for p in problems)  # type: ignore[attr-defined]


@pytest.mark.parametrize("text", REAL_NOT_READ)
def test_garbled_real_notations_give_no_point(text: str) -> None:
    assert find_coordinates(text) == []


def test_real_notation_table_is_large_and_many_languages() -> None:
    assert len(REAL_NOTATIONS) >= 60
    assert len({language for language, _, _ in REAL_NOTATIONS}) >= 6
    assert {"de", "en", "fr", "nl", "pl", "tr", "uk", "ru"} <= {language for language, _, _ in REAL_NOTATIONS}


# --------------------------------------------------------------------------------------------------------------------
# Words of several languages, map links


def test_o_is_read_by_the_language_around_it_or_rejected() -> None:
    (east,) = find_coordinates("Die Ortschaft liegt bei 50° 01′ N, 36° 13′ O am Fluss.")
    assert east.lon == pytest.approx(_dms(36, 13))
    (west,) = find_coordinates("Coordonnées : 47° 13′ N, 1° 33′ O")
    assert west.lon == pytest.approx(-_dms(1, 33))
    found, problems = read_coordinates("50° 01′ N, 36° 13′ O")
    assert found == []
    assert "ambiguous" in problems[0].reason and "de, nl" in problems[0].reason  # type: ignore[attr-defined]
    with pytest.raises(CoordinateError, match="ambiguous"):
        parse_coordinate("50° 01′ N, 36° 13′ O")


@pytest.mark.parametrize(
    ("text", "written", "lat", "lon"),
    [
        ("see https://www.google.com/maps?q=48.5123,37.9456 for the spot", "48.5123,37.9456", 48.5123, 37.9456),
        ("https://maps.google.com/?q=48.5123%2C37.9456&z=14", "48.5123%2C37.9456", 48.5123, 37.9456),
        ("https://www.google.com/maps/@48.5123,37.9456,15z", "48.5123,37.9456", 48.5123, 37.9456),
        ("https://www.google.com/maps/place/Bakhmut/@48.5956,37.9999,13z/data=!3m1", "48.5956,37.9999", 48.5956, 37.9999),
        ("https://www.openstreetmap.org/#map=15/48.5123/37.9456", "48.5123/37.9456", 48.5123, 37.9456),
        ("https://www.openstreetmap.org/?mlat=48.5123&mlon=37.9456#map=15/48.5/37.9", "48.5123&mlon=37.9456",
         48.5123, 37.9456),
        ("pin: geo:48.5123,37.9456", "48.5123,37.9456", 48.5123, 37.9456),
        ("geo:48.51,37.94?z=12", "48.51,37.94", 48.51, 37.94),
    ],
)
def test_map_links(text: str, written: str, lat: float, lon: float) -> None:
    (c,) = find_coordinates(text)
    assert (c.lat, c.lon) == (lat, lon)
    assert c.text == written and text[c.start : c.end] == written
    assert c.format is CoordinateFormat.DD


def test_map_link_out_of_range_is_rejected() -> None:
    found, problems = read_coordinates("https://www.google.com/maps?q=148.5123,37.9456")
    assert found == [] and "beyond 90°" in problems[0].reason  # type: ignore[attr-defined]


def test_table_cells_and_lines_under_each_other() -> None:
    assert [(c.lat, c.lon) for c in find_coordinates("| Myrnohrad | 48.3023 | 37.2587 |")] == [(48.3023, 37.2587)]
    # a row of many numbers is a list, not a coordinate
    assert find_coordinates("| 48.3023 | 37.2587 | 12.3456 |") == []
    assert find_coordinates("| 48.30 | 37.25 |") == []
    (c,) = find_coordinates("Latitude: 48.3023\nLongitude: 37.2587\n")
    assert (c.lat, c.lon) == (48.3023, 37.2587)


def test_a_distance_is_not_a_value() -> None:
    assert find_coordinates("advanced north 48.5 km and east 37.2 km") == []


def test_decimal_commas_in_plain_pairs() -> None:
    (c,) = find_coordinates("Ankara 39,92077 32,85411")
    assert (c.lat, c.lon) == (39.92077, 32.85411)
    assert find_coordinates("47,9056, 36,2494") == []  # the comma between is also a decimal comma: not read
    assert find_coordinates("1,234 and 5,678") == []


def test_lists_of_coordinates() -> None:
    text = "Strikes:\n1. 48.5123, 37.9456\n2. 48.6012, 38.0011\n- 48°42′N 38°06′E (bridge)\n"
    assert [(c.lat, c.lon) for c in find_coordinates(text)] == [
        (48.5123, 37.9456), (48.6012, 38.0011), (48.7, pytest.approx(38.1))]
    listed = "Positions: 48.5123, 37.9456; 48.6012, 38.0011; 48.7001, 38.1002."
    assert [c.text for c in find_coordinates(listed)] == ["48.5123, 37.9456", "48.6012, 38.0011", "48.7001, 38.1002"]
    marked = "48°30′N 37°55′E, 48°36′N 38°00′E and 48°42′N 38°06′E"
    assert len(find_coordinates(marked)) == 3
    assert find_coordinates("scores 47.905, 36.249, 12.111, 0.456") == []  # one mark throughout: a list of numbers


@pytest.mark.parametrize("text", ["37U 412345 5345678", "37U 412345mE 5345678mN", "37U E 412345 N 5345678",
                                  "37U 412345 m E, 5345678 m N"])
def test_utm_matches_the_mgrs_package(text: str) -> None:
    (c,) = find_coordinates(f"grid {text} here")
    assert c.text == text and c.format is CoordinateFormat.UTM and c.uncertainty_m == 0.5
    reference = mgrs.MGRS().UTMToMGRS(37, "N", 412345, 5345678)
    lat, lon = mgrs.MGRS().toLatLon(reference)
    assert _distance_m(c.lat, c.lon, lat, lon) < 2
    assert parse_coordinate(text) == replace(c, start=0, end=len(text))


def test_utm_that_cannot_be_right_is_rejected() -> None:
    with pytest.raises(CoordinateError, match="outside band T"):
        parse_coordinate("37T 412345 5345678")
    with pytest.raises(CoordinateError, match="easting 950000"):
        parse_coordinate("37U 950000 5345678")
    assert find_coordinates("37U 412345 53456789") == []
