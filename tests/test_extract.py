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
