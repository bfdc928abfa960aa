"""News retelling DeepState and ISW: a hyphenated section along which troops moved, a conditional premise, a date
that writes the month "May". The sentences are written for these tests in the genre's form (real place names,
invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at
from geo.model import Action


@pytest.mark.parametrize("sentence, names, role, action", [
    # "along the A-B-C line / section / axis": each name is a place on the line and takes the clause's verb
    ("DeepState reported that Russian troops had advanced along the Yablunivka-Kalynove-Bila Hora line.",
     ("Yablunivka", "Kalynove", "Bila Hora"), "event", Action.ADVANCING),
    ("Russian forces continued attacks along the Siversk-Zvanivka-Vyimka axis, ISW said.",
     ("Siversk", "Zvanivka", "Vyimka"), "event", Action.ATTACKED),
    ("Fighting went on along the Kupiansk-Petropavlivka-Kurylivka line on Tuesday.",
     ("Kupiansk", "Petropavlivka", "Kurylivka"), "event", Action.FIGHTING),
    # without "along" the chain names a line or a sector only
    ("Ukrainian units withdrew to the Lysivka-Pishchane line.", ("Lysivka", "Pishchane"), "background", Action.OTHER),
    ("Drones struck a truck on the Pokrovsk-Kostiantynivka road.", ("Pokrovsk", "Kostiantynivka"), "background",
     Action.OTHER),
    # a road is no stretch of front: along it, its ends stay its ends
    ("Drones struck cars along the Pokrovsk-Kostiantynivka highway.", ("Pokrovsk", "Kostiantynivka"), "background",
     Action.OTHER),
    ("Russian forces attacked in the Siversk-Zvanivka direction.", ("Siversk", "Zvanivka"), "direction",
     Action.FIGHTING),
])
def test_a_chain_along_a_line_puts_the_event_on_each_link(sentence, names, role, action) -> None:
    for name in names:
        c = claim_at(sentence, name)
        assert (c.role, c.action) == (role, action), name


def test_one_name_along_an_axis_stays_a_sector() -> None:
    c = claim_at("Russian forces advanced along the Pokrovsk axis.", "Pokrovsk")
    assert c.role == "direction"


@pytest.mark.parametrize("sentence, name", [
    ("Seizing Rodynske would allow Russian forces to threaten Bilytske from the north.", "Rodynske"),
    ("Seizing Rodynske would allow Russian forces to threaten Bilytske from the north.", "Bilytske"),
    ("The capture of Kostiantynivka could open a route to Druzhkivka for Russian troops.", "Kostiantynivka"),
    ("Its liberation of Siversk might give Russian forces a bridgehead towards Sloviansk.", "Siversk"),
])
def test_an_action_weighed_as_a_premise_is_no_event(sentence, name) -> None:
    c = claim_at(sentence, name)
    assert c.role == "background" and c.action is Action.OTHER


@pytest.mark.parametrize("sentence, name, action", [
    # the action done, and what it brought about: an event
    ("Russian forces seized Rodynske, which would allow them to threaten Bilytske.", "Rodynske", Action.CAPTURED),
    ("Russian troops captured Kurakhove and would allow no evacuation.", "Kurakhove", Action.CAPTURED),
])
def test_an_action_done_stays_an_event_before_a_consequence(sentence, name, action) -> None:
    c = claim_at(sentence, name)
    assert (c.role, c.action) == ("event", action)


@pytest.mark.parametrize("sentence", [
    "Geolocated footage published on May 28 indicates that Russian forces recently advanced in central Myrnohrad.",
    "Geolocated footage published on 28 May indicates that Russian forces recently advanced in central Myrnohrad.",
])
def test_the_month_may_with_a_day_is_a_date_not_a_modal(sentence) -> None:
    c = claim_at(sentence, "Myrnohrad")
    assert (c.role, c.action) == ("event", Action.ADVANCING)


def test_the_modal_may_still_makes_an_intention() -> None:
    c = claim_at("Geolocated footage indicates that Russian forces may advance in central Myrnohrad.", "Myrnohrad")
    assert c.role == "background"


def test_a_place_named_again_in_a_capture_verbs_list_keeps_its_new_action(gaz) -> None:
    # named first with another action (denied), then as a later item of a capture verb's list: the list's item is
    # found although the gazetteer lacks its spelling, and the place is not left with the first action only
    import datetime as dt

    from geo.extract import extract_report
    from geo.model import Claimant, Report

    text = ("The General Staff said the village of Myrolubivka is not occupied.\n"
            "DeepState reported that Russian troops had occupied Novoekonomichne and Myrolubivka and had advanced "
            "near the settlements of Rodynske and Sukhyi Yar.")
    claims = extract_report(Report(text=text, date=dt.date(2025, 6, 1)), gaz)
    got = {(c.action, c.claimant) for c in claims if c.place == "Myrolubivka" and c.role == "event"}
    assert (Action.CAPTURED, Claimant.DEEPSTATE) in got and (Action.OTHER, Claimant.UA_GENERALSTAFF) in got


@pytest.mark.parametrize("sentence, name", [
    ("Russian milbloggers claimed that Russian forces advanced to Udachne and near Kotlyne.", "Udachne"),
    ("Russian milbloggers claimed that Russian forces advanced to Udachne and near Kotlyne.", "Kotlyne"),
    ("A Russian milblogger claimed that Russian forces advanced near Rodynske on December 4.", "Rodynske"),
])
def test_isw_retold_milbloggers_claim_an_advance(sentence, name) -> None:
    from geo.model import Claimant

    c = claim_at(sentence, name)
    assert (c.role, c.action, c.claimant) == ("event", Action.ADVANCING, Claimant.RU_MILBLOGGER)


@pytest.mark.parametrize("sentence, name", [
    # news retelling ISW names it again as "the think tank": the claim is ISW's, not the reporter's
    ("The think tank also said that Russian forces advanced near Krymske.", "Krymske"),
    ("The Washington-based think tank said on Sunday that Russian troops had seized Yelyzavetivka.", "Yelyzavetivka"),
])
def test_the_think_tank_retold_is_isw(sentence, name) -> None:
    from geo.model import Claimant

    c = claim_at(sentence, name)
    assert (c.role, c.claimant) == ("event", Claimant.ISW)


def test_a_think_tank_named_without_a_speech_verb_speaks_for_nobody() -> None:
    from geo.model import Claimant

    c = claim_at("Russian forces captured Tykhe, the General Staff said, according to a think tank map.", "Tykhe")
    assert c.claimant != Claimant.ISW


@pytest.mark.parametrize("sentence, name", [
    # wire copy: the side that abandoned a town lost it
    ("Ukrainian forces last week abandoned the hilltop town of Vuhledar after two years of defence.", "Vuhledar"),
    ("Ukrainian troops abandoned Avdiivka in February after four months of resistance.", "Avdiivka"),
])
def test_a_town_abandoned_is_taken(sentence, name) -> None:
    c = claim_at(sentence, name)
    assert (c.role, c.action) == ("event", Action.CAPTURED)


@pytest.mark.parametrize("sentence, name", [
    # civilians leaving their homes: no town lost
    ("Residents abandoned their homes in Kupiansk as the front drew near.", "Kupiansk"),
    ("Abandoned homes line the streets of Kupiansk.", "Kupiansk"),
])
def test_homes_abandoned_are_no_capture(sentence, name) -> None:
    assert claim_at(sentence, name).action is not Action.CAPTURED
