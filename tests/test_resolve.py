"""Choosing among namesakes: each case with the reason it is hard."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_text

DAY = dt.date(2025, 11, 22)


def placed(text, gaz, front=None, day=DAY):
    fk = front.distance_function(day) if front is not None else None
    return {c.place: c for c in extract_text(text, gaz, date=day, front_km=fk)}


def test_the_report_area_chooses_among_a_hundred_ivanivkas(gaz) -> None:
    # Ivanivka has over a hundred namesakes; the report's other places are all around Kupiansk
    text = ("Russian forces attacked near Synkivka, Tabaivka and Krokhmalne, southeast of Kupiansk, "
            "and near Ivanivka.")
    c = placed(text, gaz)["Ivanivka"]
    assert c.admin1 == "Kharkiv Oblast" and abs(c.lat - 49.66) < 0.1 and abs(c.lon - 37.89) < 0.1, c.why


def test_a_bare_namesake_stays_unresolved(gaz) -> None:
    # nothing in the text says which of the Ivanivkas: no point rather than a wrong one
    c = placed("Fighting was reported in Ivanivka.", gaz)["Ivanivka"]
    assert not c.resolved and c.geonameid is None
    assert any("none clearly best" in w for w in c.why)


def test_the_oblast_named_in_the_sentence_decides(gaz) -> None:
    # 56 villages are called Tarasivka; one of them is in Kharkiv Oblast
    c = placed("Russian troops captured Tarasivka in Kharkiv Oblast.", gaz)["Tarasivka"]
    assert c.admin1 == "Kharkiv Oblast", c.why
    assert any("named nearby" in w for w in c.why)


def test_a_russian_spelling_is_not_a_russian_town(gaz, front) -> None:
    # Seversk is also a city of 100,000 in Siberia; the front line on the report's day decides
    c = placed("Russian troops entered Seversk from the north.", gaz, front)["Seversk"]
    assert c.name == "Siversk" and c.country == "UA", c.why


def test_a_former_name_yields_to_the_village_of_that_name(gaz, front) -> None:
    # Grishino is a former name of Pokrovsk, but Hryshyne next to it is what a report means now
    c = placed("Units cleared the village of Grishino northwest of Pokrovsk.", gaz, front)["Grishino"]
    assert c.name == "Hryshyne", c.why


def test_names_given_as_a_pair_are_one_place(gaz) -> None:
    # Kirovo is the former name of Sviato-Pokrovske; other Kirove villages exist
    claims = placed("advancing toward Kirovo (Svyato-Pokrovskoe) south of Seversk", gaz)
    assert claims["Kirovo"].geonameid == claims["Svyato-Pokrovskoe"].geonameid == 705819


def test_text_coordinates_win_and_say_so(gaz) -> None:
    c = placed("liberated the settlement of Otradnoe (47°54′20″ N, 36°14′58″ E)", gaz)["Otradnoe"]
    assert c.coord_source == "text" and c.name == "Vidradne" and c.precision == 1
    assert c.uncertainty_m == pytest.approx(15.4, abs=0.5)


def test_speakers_are_kept_but_not_events(gaz) -> None:
    claims = placed("Moscow said it had captured Pokrovsk; Kyiv said fighting there was ongoing.", gaz)
    assert claims["Moscow"].role != "event" and claims["Kyiv"].role != "event"
    assert claims["Pokrovsk"].role == "event"


def test_far_approximate_match_of_an_event_is_not_trusted(gaz, front) -> None:
    # "Chigari" reaches only a Russian Far East town by spelling rules: no frontline event there
    c = placed("Russian forces liberated the settlement of Chigari.", gaz, front)["Chigari"]
    assert not c.resolved, (c.name, c.why)


def test_coordinates_outside_the_theatre_are_dropped_with_the_reason(gaz) -> None:
    # 38° N lies in Turkey: a typo for 48°; the name is resolved as if no coordinates were given
    c = placed("liberated the settlement of Zvanovka (38°48′43″ N, 38°04′41″ E)", gaz)["Zvanovka"]
    assert c.coord_source == "gazetteer" and c.name == "Zvanivka"
    assert any("implausible coordinates" in w and "outside" in w for w in c.why)


def test_coordinates_far_from_the_rest_of_the_report_are_flagged(gaz) -> None:
    text = ("Units took Zvanovka (48°48′43″ N, 38°04′41″ E) and Pazeno (48°46′02″ N, 37°58′30″ E); "
            "a strike hit Vladivostok (43°07′ N, 131°54′ E).")
    c = placed(text, gaz)["Vladivostok"]
    assert c.coord_source == "text" and c.confidence <= 0.3
    assert any("nearest other place" in w for w in c.why)
