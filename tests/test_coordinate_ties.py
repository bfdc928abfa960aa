"""Every coordinate in a text becomes a point: tests through the full pipeline (geo.extract) with the real gazetteer."""

from __future__ import annotations

import pytest

from gazetteer import Gazetteer
from geo import extract_text
from geo.coordinate_ties import TIE_KM, compass, nearest_settlement
from geo.model import CoordSource


def _dms(d: float, m: float = 0.0, s: float = 0.0) -> float:
    return d + m / 60 + s / 3600


def test_a_coordinate_alone_is_a_claim_of_its_own(gaz: Gazetteer) -> None:
    text = "Coordinates of the strike: 48°30′12″N 37°55′40″E."
    (claim,) = extract_text(text, gaz)
    assert claim.place == "48°30′12″N 37°55′40″E"
    assert (claim.lat, claim.lon) == pytest.approx((_dms(48, 30, 12), _dms(37, 55, 40)))
    assert claim.coord_source is CoordSource.TEXT and claim.precision == 1
    assert claim.uncertainty_m == pytest.approx(15.4, abs=0.1)
    assert claim.geonameid is None
    nearest = [w for w in claim.why if " km " in w and " of " in w]
    assert nearest and nearest[0].split(" km ")[1].split(" of ")[0] in ("N", "NE", "E", "SE", "S", "SW", "W", "NW")


def test_a_coordinate_wins_over_a_relative_phrase(gaz: Gazetteer) -> None:
    text = "Footage geolocated to 48.3105, 37.1790 shows Russian infantry north of Pokrovsk."
    claims = extract_text(text, gaz)
    (pokrovsk,) = [c for c in claims if c.place == "Pokrovsk"]
    assert (pokrovsk.lat, pokrovsk.lon) == (48.3105, 37.1790)
    assert pokrovsk.coord_source is CoordSource.TEXT
    assert pokrovsk.name == "Pokrovsk" and pokrovsk.admin1.startswith("Donetsk")
    assert any("north of" in w and "not used" in w for w in pokrovsk.why)
    assert len(claims) == 1  # the coordinate is Pokrovsk's point, not a second claim


def test_the_lines_under_a_name(gaz: Gazetteer) -> None:
    # a gazetteer entry: the name, its raion and oblast, and under them its coordinates; 76 Novoselivkas: with
    # the oblast alone (11 in Donetsk Oblast) the name does not reach this one, with its raion (the only one in
    # Pokrovsk Raion) it does
    text = "Novoselivka\nPokrovsk Raion, Donetsk Oblast\n48°16′22″ N, 37°50′49″ E\n\nAnother entry follows."
    claims = extract_text(text, gaz)
    (village,) = [c for c in claims if c.place == "Novoselivka"]
    assert (village.lat, village.lon) == pytest.approx((_dms(48, 16, 22), _dms(37, 50, 49)))
    assert village.coord_source is CoordSource.TEXT
    assert village.geonameid == 9113141 and village.name == "Novoselivka"
    assert not [c for c in claims if c.coord_source is CoordSource.TEXT and c is not village]
    alone = extract_text("Novoselivka\nDonetsk Oblast", gaz)
    assert [c.geonameid for c in alone if c.place == "Novoselivka"] != [9113141]
    raion = extract_text("Novoselivka\nPokrovsk Raion, Donetsk Oblast", gaz)
    assert [c.geonameid for c in raion if c.place == "Novoselivka"] == [9113141]


def test_a_table_row_and_a_german_infobox(gaz: Gazetteer) -> None:
    (myrnohrad,) = extract_text("| Myrnohrad | 48.3023 | 37.2587 |", gaz)
    assert (myrnohrad.lat, myrnohrad.lon) == (48.3023, 37.2587)
    assert myrnohrad.coord_source is CoordSource.TEXT and myrnohrad.name == "Myrnohrad"
    (row,) = extract_text("Geographische Lage: 48° 42′ N, 38° 40′ O", gaz)
    assert (row.lat, row.lon) == pytest.approx((_dms(48, 42), _dms(38, 40)))
    assert any("Donetskyi" in w for w in row.why)  # 0.7 km from the Donezkyj of the page


def test_a_name_too_far_from_the_coordinate_does_not_take_it(gaz: Gazetteer) -> None:
    # Siversk is 40 km from the point: the coordinate is a claim of its own, Siversk keeps its own place
    claims = extract_text("Drones struck a depot at 48.5031, 37.9278 and later Siversk.", gaz)
    siversk = [c for c in claims if c.place == "Siversk"]
    point = [c for c in claims if c.place == "48.5031, 37.9278"]
    assert siversk and siversk[0].coord_source is not CoordSource.TEXT
    assert point and point[0].coord_source is CoordSource.TEXT and (point[0].lat, point[0].lon) == (48.5031, 37.9278)


def test_rejected_and_implausible_coordinates_are_named_not_plotted(gaz: Gazetteer) -> None:
    claims = extract_text("Russian forces struck positions near Siversk (95° N, 38° E) on Tuesday.", gaz)
    (siversk,) = [c for c in claims if c.place == "Siversk"]
    assert siversk.coord_source is not CoordSource.TEXT
    assert any("rejected coordinates in the text '95° N, 38° E'" in w and "beyond 90°" in w for w in siversk.why)
    # a real typo (long:8.0947 for 38.0947) puts the point in Germany: kept as a claim with no point and the reason
    claims = extract_text("Imagery of Soledar (lat: 48.6796, long:8.0947) shows the destruction.", gaz)
    typo = [c for c in claims if "8.0947" in c.place or any("8.0947" in w for w in c.why)]
    assert typo and all(c.lat is None or c.lon != 8.0947 for c in claims)
    assert any("outside Ukraine, Russia, Belarus and Moldova" in w for c in typo for w in c.why)
    # an ambiguous hemisphere letter with no language around it: said, not guessed
    (alone,) = extract_text("Shelling reported at 48° 42′ N, 38° 40′ O.", gaz)
    assert alone.lat is None and any("ambiguous" in w for w in alone.why)


def test_a_map_link_in_a_post(gaz: Gazetteer) -> None:
    text = "Russian assault near Pokrovsk repelled: https://www.google.com/maps/@48.2951,37.1712,16z"
    claims = extract_text(text, gaz)
    (pokrovsk,) = [c for c in claims if c.place == "Pokrovsk"]
    assert (pokrovsk.lat, pokrovsk.lon) == (48.2951, 37.1712) and pokrovsk.coord_source is CoordSource.TEXT


def test_nearest_settlement_words(gaz: Gazetteer) -> None:
    words = nearest_settlement(gaz, 48.3150, 37.2950)
    assert "Myrnohrad" in words and " km " in words and "geonameid 710035" in words
    assert nearest_settlement(gaz, 0.5, -30.0).startswith("no gazetteer settlement within")
    assert TIE_KM == 10.0
    assert [compass(a) for a in (0, 45, 90, 135, 180, 225, 270, 315, 359)] == [
        "N", "NE", "E", "SE", "S", "SW", "W", "NW", "N"]
