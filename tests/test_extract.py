"""Tests of geo.extract: what the claims of a report keep of a region named as an event's place."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_text, region_roles
from geo.model import Action, Claim

D = dt.date(2025, 10, 10)


@pytest.mark.parametrize("text, region, action", [
    ("Российские войска за неделю освободили населенные пункты Запорожской и Харьковской областей. "
     "Освобождены Новогригоровка и Нововасилевское Запорожской области.", "Запорожской области", None),
    # an attack that names its weapon is a strike (geo.claims.action's instrument rule)
    ("Russian troops attacked the Sumy region with glide bombs on Tuesday.", "Sumy region", Action.STRUCK),
    ("Минулої доби ворог атакував Синельниківський район.", "Синельниківський район", Action.ATTACKED),
    ("Ворог обстрілював Запорізьку область 412 разів.", "Запорізьку область", Action.STRUCK),
])
def test_a_region_named_as_an_events_place_is_kept_off_the_event_layers(gaz, text: str, region: str,
                                                                         action: Action | None) -> None:
    claims = extract_text(text, gaz, date=D)
    regions = [c for c in claims if c.place == region]
    assert regions, [(c.place, c.role) for c in claims]
    # no region comes out as an event's point; one the text says was hit keeps its action
    assert all(c.role != "event" for c in claims if c.precision == 3), [(c.place, c.role, c.why) for c in claims]
    if action is not None:
        assert any(c.role == "region" and c.action is action for c in regions), [(c.role, c.action) for c in regions]
    # the villages stay events
    assert all(c.role == "event" for c in claims if c.precision == 1), [(c.place, c.role) for c in claims]


def test_region_roles_keeps_the_action_and_says_why() -> None:
    c = Claim("Zaporizhzhia region", name="Zaporizhzhya Oblast", precision=3, action=Action.ATTACKED)
    [r] = region_roles([c])
    assert (r.role, r.action) == ("region", Action.ATTACKED)
    assert r.why[-1].startswith("region:")
    # a village, a background region and a derived point are left as they are
    kept = [Claim("Hulyaipole", precision=1), Claim("Zaporizhzhia region", precision=3, role="background"),
            Claim("Hulyaipole", precision=2)]
    assert region_roles(kept) == kept



@pytest.mark.parametrize("text, place", [
    ("Ворог тисне з півдня: вчора було зафіксовано п'ять атак — дві в напрямку Костянтинівки та три — в бік села "
     "Ступочки, яке прикриває місто.", "Ступочки"),
    ("The enemy pressed from the east: yesterday four attacks were recorded — three toward Kostiantynivka and one — "
     "toward the village of Stupochky, which covers the town.", "Stupochky"),
])
def test_a_background_mention_takes_its_sentences_day(gaz, text: str, place: str) -> None:
    claims = extract_text(text, gaz, date=D)
    mine = [c for c in claims if c.place == place]
    assert mine and all(c.role == "background" for c in mine), [(c.place, c.role) for c in claims]
    # a place named in the background of a dated sentence keeps the day the sentence names ("вчора"), not the report's
    assert {c.date for c in mine} == {D - dt.timedelta(days=1)}, [(c.role, c.date, c.why) for c in mine]


def test_a_place_whose_event_its_relative_clause_tells_is_of_the_clause_day(gaz) -> None:
    # the capture is the clause's ("which Moscow claimed to have captured on Sunday"): the place takes that Sunday,
    # not the Tuesday the brigade spoke on
    report_day = dt.date(2024, 7, 16)  # a Tuesday
    text = ("Ukrainian troops counterattacked south of the village of Urozhaine, which Moscow claimed to have captured "
            "on Sunday, the brigade said on Tuesday.")
    mine = [c for c in extract_text(text, gaz, date=report_day) if c.place == "Urozhaine"]
    assert mine and {c.role for c in mine} == {"event"}, [(c.role, c.why) for c in mine]
    assert {c.date for c in mine} == {dt.date(2024, 7, 14)}, [(c.date, c.why) for c in mine]


def test_a_general_staff_summary_retold_next_morning_takes_the_day_its_lead_names(gaz) -> None:
    # "Упродовж доби 26 лютого …" on the 27th: the summary counts the 26th; the direction paragraphs that name no day,
    # or only the summary's "впродовж доби", are of that day too
    report_day = dt.date(2026, 2, 27)
    text = ("Генштаб: 230 боїв за добу\n\n"
            "Упродовж доби 26 лютого на фронті відбулося 230 бойових зіткнень, повідомляє Генеральний штаб ЗСУ.\n\n"
            "«На Костянтинівському напрямку впродовж доби ворог здійснив 24 атаки у районах Плещіївки та Русиного "
            "Яру.\n\nНа Покровському напрямку наші захисники зупинили 40 атак у районах Родинського та Котлиного».")
    events = [c for c in extract_text(text, gaz, date=report_day) if c.role == "event"]
    assert {c.place for c in events} >= {"Плещіївки", "Родинського"}, [c.place for c in events]
    assert {c.date for c in events} == {dt.date(2026, 2, 26)}, [(c.place, c.date, c.why) for c in events]


@pytest.mark.parametrize("lead", [
    "Накануне Министерство обороны России сообщило об освобождении двух населенных пунктов в Донецкой народной "
    "республике.",
    "Вчера Министерство обороны России сообщило об освобождении двух населенных пунктов в Донецкой народной "
    "республике.",
])
def test_a_capture_retold_after_a_lead_naming_the_announcement_day_takes_that_day(gaz, lead: str) -> None:
    # "Отмечается, что …" retells the ministry's announcement the lead dates: the labels date the capture that day
    text = lead + "\n\nОтмечается, что российская армия заняла Шевченко и Новопавловку."
    report_day = dt.date(2025, 10, 20)
    events = [c for c in extract_text(text, gaz, date=report_day) if c.role == "event"]
    assert {c.place for c in events} == {"Шевченко", "Новопавловку"}, [c.place for c in events]
    assert {c.date for c in events} == {dt.date(2025, 10, 19)}, [(c.place, c.date, c.why) for c in events]
