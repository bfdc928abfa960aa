"""Low-confidence places on the map, in a real browser: drawn hollow, hidden by the switch."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.model import Action, Claim, Claimant
from maps import make_map, save_map
from maps.webmap import LOW_CONFIDENCE

from test_browser import Page, chromium, sync_api  # noqa: F401  (the browser fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _claims() -> list[Claim]:
    day = dt.date(2025, 6, 1)
    return [
        Claim("Toretsk", 48.40, 37.85, name="Toretsk", action=Action.FIGHTING, claimant=Claimant.UA_GENERALSTAFF,
              report_date=day, quote="Fighting near Toretsk.", source="a.txt", confidence=0.97),
        Claim("Pokrovsk", 48.28, 37.18, name="Pokrovsk", action=Action.ATTACKED, claimant=Claimant.UA_GENERALSTAFF,
              report_date=day, quote="Attacks near Pokrovsk.", source="a.txt", confidence=0.93),
        Claim("Ivanivka", 49.66, 37.89, name="Ivanivka", action=Action.FIGHTING, claimant=Claimant.UA_GENERALSTAFF,
              report_date=day, quote="Fighting near Ivanivka.", source="a.txt", confidence=LOW_CONFIDENCE - 0.05),
    ]


def test_low_confidence_places_are_hollow_and_can_be_hidden(chromium, sync_api, tmp_path):  # noqa: F811
    path = save_map(make_map(_claims(), title="Confidence", offline=True, cluster=False), tmp_path / "c.html")
    view = Page(sync_api, chromium, path)
    page = view.page
    try:
        page.wait_for_function("document.querySelectorAll('.leaflet-marker-pane .fm-marker').length === 3")
        assert page.locator(".fm-marker.fm-low").count() == 1
        # hollow: a white centre inside a coloured ring, unlike a sure place
        low = page.evaluate("getComputedStyle(document.querySelector('.fm-marker.fm-low')).backgroundColor")
        sure = page.evaluate("getComputedStyle(document.querySelector('.fm-marker:not(.fm-low)')).backgroundColor")
        assert low == "rgb(255, 255, 255)" and sure != low
        assert "hollow: confidence below 0.5 (1)" in page.locator("#frontmap-legend").inner_text()

        switch = page.locator(".fm-hide-low")
        switch.check()
        page.wait_for_function("frontmap.maps[0].visible === 2")
        view.wait_drawn(2)
        assert page.locator(".fm-marker.fm-low").count() == 0
        switch.uncheck()
        page.wait_for_function("frontmap.maps[0].visible === 3")
        view.wait_drawn(3)
    finally:
        view.close()
    assert view.errors == [] and view.blocked == []
