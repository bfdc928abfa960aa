"""The map's front-line features in a real browser: the list of claims on screen, legend counts,
status layers, undated claims in their own layer, and a second date to compare lines.

Same set-up as tests/test_browser.py (Debian's Chromium through Playwright, no network).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from shapely.geometry import box

from geo.frontline import FrontLine
from geo.model import Action, Claim
from maps import make_map, save_map
from _claims_factory import DAY0, days_claims
from test_browser import Page, chromium, sync_api  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

PLACES = [("Zvanivka", 48.75, 38.10), ("Siversk", 48.87, 38.35), ("Huliaipole", 47.66, 36.26),
          ("Pokrovsk", 48.28, 37.18), ("Kupiansk", 49.71, 37.61), ("Chasiv Yar", 48.59, 37.85)]


def _claims() -> list[Claim]:
    """Six days, k+1 claims on day k (21 dated), captured and fighting by turns; one undated."""
    return days_claims(PLACES, country="UA")


def _front() -> FrontLine:
    # day 0 to 2: east of 38.3; day 3 on: east of 38.2 (gained); day 5: the north end lost
    return FrontLine({DAY0: box(38.3, 47.0, 40.0, 50.5),
                      DAY0 + dt.timedelta(days=3): box(38.2, 47.0, 40.0, 50.5),
                      DAY0 + dt.timedelta(days=5): box(38.2, 47.0, 40.0, 48.8)})


def _slide(page, k: int) -> None:
    page.evaluate(
        """(v) => { const r = document.querySelector('.fm-range');
                    r.value = v; r.dispatchEvent(new Event('input', {bubbles: true})); }""",
        (DAY0 - dt.date(1970, 1, 1)).days + k,
    )


def _st(page, expr: str):
    return page.evaluate(f"() => {{ const s = frontmap.maps[0]; return {expr}; }}")


def test_claims_list_legend_and_status_follow_the_filters(chromium, sync_api, tmp_path: Path) -> None:
    claims = _claims()
    dated = [c for c in claims if c.report_date]
    page_path = save_map(make_map(claims, title="Front", offline=True, front=_front(), show_undated=False),
                         tmp_path / "front.html")
    view = Page(sync_api, chromium, page_path)
    page = view.page
    try:
        # the whole span: every dated claim listed, the undated one in its own layer (off)
        assert _st(page, "[s.visible, s.listed]") == [len(dated), len(dated)]
        assert page.locator(".fm-list-head b").inner_text() == f"Claims on screen ({len(dated)})"

        _slide(page, 0)  # the first day: its one claim, not the undated one
        page.wait_for_function("frontmap.maps[0].listed === 1")
        assert _st(page, "s.listPlaces") == ["Zvanivka"]
        _slide(page, 2)
        page.wait_for_function("frontmap.maps[0].listed === 6")

        # a layer filter: captured claims off
        _slide(page, 5)
        captured = sum(1 for c in dated if c.action is Action.CAPTURED)
        legend = page.locator('#frontmap-legend [data-fm-kind="colour"][data-fm-count="captured"]')
        assert legend.inner_text() == str(captured)
        page.locator(".leaflet-control-layers-overlays label", has_text="action: captured").click()
        page.wait_for_function("(n) => frontmap.maps[0].listed === n", arg=len(dated) - captured)
        assert legend.inner_text() == "0"  # the legend's count follows the filter
        fighting = page.locator('#frontmap-legend [data-fm-kind="colour"][data-fm-count="fighting"]')
        assert fighting.inner_text() == str(len(dated) - captured)
        page.locator(".leaflet-control-layers-overlays label", has_text="action: captured").click()
        page.wait_for_function("(n) => frontmap.maps[0].listed === n", arg=len(dated))

        # status layers: every claim has a status; switching one off takes its claims off the list
        counts = _st(page, "s.counts.status")
        assert sum(counts.values()) == len(dated) and counts.get("n/a") and set(counts) <= {
            "confirmed", "unconfirmed", "no-line", "n/a"}
        page.locator(".leaflet-control-layers-overlays label", has_text="status: n/a").click()
        page.wait_for_function("(n) => frontmap.maps[0].listed === n", arg=len(dated) - counts["n/a"])
        assert page.locator('#frontmap-legend [data-fm-kind="status"][data-fm-count="n/a"]').inner_text() == "0"
        page.locator(".leaflet-control-layers-overlays label", has_text="status: n/a").click()

        # the search narrows the list to the place
        page.locator(".fm-search-input").fill("kupiansk")
        page.locator(".fm-search-input").press("Enter")
        kupiansk = sum(1 for c in dated if c.place == "Kupiansk")
        page.wait_for_function("(n) => frontmap.maps[0].listed === n", arg=kupiansk)
        assert set(_st(page, "s.listPlaces")) == {"Kupiansk"}
        page.locator(".fm-search-input").fill("")
        page.locator(".fm-search-input").dispatch_event("input")
        page.wait_for_function("frontmap.maps[0].map.getZoom() > 0")

        # the undated claims: their own layer
        page.evaluate("() => frontmap.maps[0].map.fitBounds([[47.5, 36.0], [50.0, 38.6]], {animate: false})")
        page.locator(".leaflet-control-layers-overlays label", has_text="undated claims").click()
        page.wait_for_function("(n) => frontmap.maps[0].visible === n", arg=len(dated) + 1)
        page.wait_for_function("frontmap.maps[0].listPlaces.indexOf('Undatedivka') >= 0")

        # CSV of the list: a header and one line per claim listed, downloaded from the button
        listed = _st(page, "s.listed")
        with page.expect_download() as dl:
            page.locator(".fm-list-csv").click()
        text = Path(dl.value.path()).read_bytes().decode("utf-8")
        lines = text.strip().split("\r\n")
        assert lines[0].startswith("date,place,name,action,claimant,status,confirmed_on,lag_days")
        assert len(lines) == listed + 1 and any(",Undatedivka," in ln for ln in lines)

        # a row click zooms to the claim and opens its popup, with status and lag
        row = page.locator(".fm-list-body tr[data-i]", has=page.locator(".fm-st-confirmed")).first
        place = row.locator("td").nth(1).inner_text().split(" (")[0]
        row.click()
        popup = page.locator(".leaflet-popup-content", has_text=place)
        popup.wait_for(timeout=5000)
        assert "confirmed" in popup.inner_text() and "lag" in popup.inner_text()
        assert _st(page, "s.map.getZoom()") >= 12
    finally:
        view.close()
    assert view.blocked == [], f"the offline map tried the network: {view.blocked}"
    assert view.errors == []


def test_a_second_date_draws_area_gained_and_lost(chromium, sync_api, tmp_path: Path) -> None:
    page_path = save_map(make_map(_claims(), title="Compare", offline=True, front=_front()),
                         tmp_path / "compare.html")
    view = Page(sync_api, chromium, page_path)
    page = view.page
    try:
        # every line day of the slider's span is drawn: any day can be compared
        options = page.locator(".fm-compare option").all_inner_texts()
        assert options[1:] == [f"vs {DAY0 + dt.timedelta(days=k)}" for k in (0, 3, 5)]
        page.evaluate("() => frontmap.maps[0].map.fitBounds([[46.8, 37.5], [50.8, 40.2]], {animate: false})")
        _slide(page, 5)
        page.select_option(".fm-compare", "0")  # day 5 against day 0: gained in the west, lost in the north
        page.wait_for_function("(d) => frontmap.maps[0].compare && frontmap.maps[0].compare.day === d",
                               arg=(DAY0 + dt.timedelta(days=5)).isoformat())
        cmp = _st(page, "s.compare")
        assert cmp["date"] == DAY0.isoformat() and cmp["gainedPx"] > 100 and cmp["lostPx"] > 100
        assert page.locator("canvas.fm-diff").count() == 1
        assert page.locator(".fm-compare-out").inner_text() == f"{DAY0} \u2192 {DAY0 + dt.timedelta(days=5)}"

        _slide(page, 3)  # day 3 against day 0: only gained
        page.wait_for_function("(d) => frontmap.maps[0].compare && frontmap.maps[0].compare.day === d",
                               arg=(DAY0 + dt.timedelta(days=3)).isoformat())
        cmp = _st(page, "s.compare")
        assert cmp["gainedPx"] > 100 and cmp["lostPx"] == 0

        _slide(page, 0)  # the same line: nothing gained or lost
        page.wait_for_function("(d) => frontmap.maps[0].compare && frontmap.maps[0].compare.day === d", arg=DAY0.isoformat())
        assert _st(page, "[s.compare.gainedPx, s.compare.lostPx]") == [0, 0]

        page.select_option(".fm-compare", "")
        page.wait_for_function("frontmap.maps[0].compare === null")
        assert page.locator("canvas.fm-diff").count() == 0
    finally:
        view.close()
    assert view.errors == []
