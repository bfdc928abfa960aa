"""The offline map in a real browser: Debian's Chromium driven by Playwright, no network.

Every request but the page's own file:// URL is intercepted: basemap tiles get a locally made
grey PNG, anything else is aborted and recorded, so a map that still needed a CDN would fail here
(``L is not defined``) instead of passing on a machine that happens to be online.

Needs /usr/bin/chromium (``apt-get install chromium``); skipped without it, except under CI,
where a missing browser is a failure. Never runs ``playwright install``.
"""

from __future__ import annotations

import datetime as dt
import os
import struct
import warnings
import zlib
from pathlib import Path

import pytest

from shapely.geometry import box

from geo.frontline import FrontLine
from geo.model import Action, Claim, Claimant
from maps import make_map, save_map
from _claims_factory import DAY0, days_claims

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IMG = '<img src=x onerror="window.__pwned=1">'
SCRIPT = "<script>window.__pwned=1</script>"
QUOTE = f"Units took Zvanivka {IMG} and {SCRIPT} overnight."


def _grey_tile(size: int = 256) -> bytes:
    """A plain grey PNG tile, made here (no network, no image library)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    raw = b"".join(b"\x00" + b"\xdd" * size for _ in range(size))  # filter 0, grey 0xdd
    header = struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def chromium() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing under CI: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium); browser test skipped")
    return CHROMIUM


@pytest.fixture(scope="module")
def sync_api():
    if os.environ.get("CI"):
        import playwright.sync_api as api  # under CI a missing Playwright is a failure

        return api
    return pytest.importorskip("playwright.sync_api")


class Page:
    """A headless Chromium page on a local file, with tiles served and the network refused."""

    def __init__(self, sync_api, chromium: Path, path: Path) -> None:
        self.tile = _grey_tile()
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.tiles: list[str] = []
        self._pw = sync_api.sync_playwright().start()
        self.browser = self._pw.chromium.launch(executable_path=str(chromium), args=ARGS)
        self.page = self.browser.new_page(viewport={"width": 1100, "height": 750})
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("console", lambda m: self.errors.append(f"console: {m.text}")
                     if m.type == "error" else None)
        self.page.route("**/*", self._route)
        self.page.goto(path.as_uri(), wait_until="load")
        self.page.wait_for_function("typeof L !== 'undefined'", timeout=5000)
        self.page.wait_for_function("window.frontmap && frontmap.maps[0] && frontmap.maps[0].ready",
                                    timeout=10000)

    def _route(self, r) -> None:
        url = r.request.url
        if url.startswith("file://"):
            r.continue_()
        elif ".tile.openstreetmap.org/" in url or url.startswith("https://tile.openstreetmap.org/"):
            self.tiles.append(url)
            r.fulfill(status=200, content_type="image/png", body=self.tile)
        else:
            self.blocked.append(url)
            r.abort()

    def state(self) -> dict:
        return self.page.evaluate("({visible: frontmap.maps[0].visible, day: frontmap.maps[0].day})")

    def drawn(self) -> int:
        """Claims on screen: single markers plus the counts written on cluster icons."""
        return self.page.evaluate(
            """() => {
                let n = document.querySelectorAll('.leaflet-marker-pane .fm-marker').length;
                document.querySelectorAll('.leaflet-marker-pane .marker-cluster')
                    .forEach(c => { n += parseInt(c.textContent, 10); });
                return n;
            }"""
        )

    def wait_drawn(self, n: int) -> None:
        self.page.wait_for_function(
            """(n) => {
                let k = document.querySelectorAll('.leaflet-marker-pane .fm-marker').length;
                document.querySelectorAll('.leaflet-marker-pane .marker-cluster')
                    .forEach(c => { k += parseInt(c.textContent, 10); });
                return k === n;
            }""",
            arg=n, timeout=5000,
        )

    def wait_visible(self, n: int) -> None:
        """Wait until the controller counts *n* claims visible (after a click or a choice)."""
        self.page.wait_for_function("(n) => frontmap.maps[0].visible === n", arg=n, timeout=5000)

    def wait_idle(self) -> None:
        """Wait until the map has no zoom, pan or fly animation under way."""
        self.page.wait_for_function(
            """() => { const m = frontmap.maps[0].map;
                        return !m._animatingZoom && !(m._panAnim && m._panAnim._inProgress); }""",
            timeout=5000,
        )

    def close(self) -> None:
        try:
            self.browser.close()
        finally:
            self._pw.stop()


@pytest.fixture()
def claims() -> list[Claim]:
    return [
        Claim("Zvanivka", 48.75, 38.1, name="Zvanivka", action=Action.CAPTURED,
              claimant=Claimant.RU_MOD, report_date=dt.date(2024, 5, 2), quote=QUOTE,
              source="synthetic.txt#1", confidence=0.9),
        Claim("Siversk", 48.87, 38.10, name="Siversk", action=Action.FIGHTING,
              claimant=Claimant.UA_GENERALSTAFF, report_date=dt.date(2024, 5, 2),
              quote="Fighting near Siversk.", source="synthetic.txt#2", contested=True),
        Claim("Huliaipole", 47.66, 36.26, name="Huliaipole", action=Action.REPELLED,
              claimant=Claimant.UA_GENERALSTAFF, report_date=dt.date(2024, 5, 3),
              quote="Attacks near Huliaipole were repelled.", source="synthetic.txt#3"),
        Claim("Huliaipole", 47.66, 36.26, role="speaker", quote="The mayor of Huliaipole said."),
        Claim("Nowhereivka", quote="An unresolved place."),
    ]


def test_offline_map_in_chromium(chromium, sync_api, claims, tmp_path):
    page_path = save_map(make_map(claims, title="Browser test", offline=True, cluster=False),
                         tmp_path / "m.html")
    drawn = sum(1 for c in claims if c.resolved and c.role == "event")
    view = Page(sync_api, chromium, page_path)
    page = view.page
    try:
        markers = page.locator(".leaflet-marker-pane .fm-marker")
        markers.first.wait_for(timeout=5000)
        assert markers.count() == drawn == 3 == view.state()["visible"]
        assert page.locator(".fm-marker.fm-contested").count() == 1  # Siversk

        popup_text = ""
        for i in range(markers.count()):  # click markers until Zvanivka's popup opens
            markers.nth(i).click()
            popup = page.locator(".leaflet-popup-content")
            popup.wait_for(timeout=3000)
            popup_text = popup.inner_text()
            if "Zvanivka" in popup_text:
                break
        assert "Zvanivka" in popup_text, popup_text
        assert IMG in popup_text and SCRIPT in popup_text  # shown as text, verbatim
        assert "synthetic.txt#1" in popup_text and "0.90" in popup_text
        assert "RU-MoD (Russian side)" in popup_text
        assert page.locator(".leaflet-popup-content mark").inner_text() == "Zvanivka"
        assert page.locator(".leaflet-popup-content img").count() == 0
        assert page.locator(".leaflet-popup-content script").count() == 0
        page.wait_for_timeout(300)  # an onerror handler would have fired by now
        assert page.evaluate("window.__pwned") is None

        assert "Browser test" in page.locator("#frontmap-title").inner_text()
        attribution = page.locator(".leaflet-control-attribution").inner_text()
        assert "GeoNames" in attribution and "OpenStreetMap" in attribution

        shot = tmp_path / "map.png"
        page.screenshot(path=str(shot))
    finally:
        view.close()

    assert shot.stat().st_size > 10_000
    assert view.tiles, "the basemap asked for no tiles"
    assert view.blocked == [], f"the offline map tried the network: {view.blocked}"
    assert view.errors == []


PLACES = [("Zvanivka", 48.75, 38.10), ("Siversk", 48.87, 38.10), ("Huliaipole", 47.66, 36.26),
          ("Pokrovsk", 48.28, 37.18), ("Kupiansk", 49.71, 37.61), ("Chasiv Yar", 48.59, 37.85)]


def _days_claims() -> list[Claim]:
    """Six days; on day k, k+1 claims (21 dated), places spread out; and one undated claim."""
    return days_claims(PLACES, url="https://example.org/r/1", contested_day=5)


def test_time_slider_layers_search_measure_in_chromium(chromium, sync_api, tmp_path):
    claims = _days_claims()
    front = FrontLine({DAY0: box(38.3, 47.0, 40.0, 50.5),
                       DAY0 + dt.timedelta(days=3): box(38.2, 47.0, 40.0, 50.5)})
    m = make_map(claims, title="Days", offline=True, front=front)
    page_path = save_map(m, tmp_path / "days.html")
    view = Page(sync_api, chromium, page_path)
    page = view.page
    try:
        total = len(claims)
        # undated claims are their own layer, off by default (the library's default, as the CLI's)
        assert view.state() == {"visible": total - 1, "day": (DAY0 + dt.timedelta(days=5)).isoformat()}
        view.wait_drawn(total - 1)

        def slide(k: int) -> None:
            page.evaluate(
                """(v) => { const r = document.querySelector('.fm-range');
                            r.value = v; r.dispatchEvent(new Event('input', {bubbles: true})); }""",
                (DAY0 - dt.date(1970, 1, 1)).days + k,
            )

        slide(0)  # the first day: its one claim; the undated one is not on the slider's days
        assert view.state() == {"visible": 1, "day": DAY0.isoformat()}
        view.wait_drawn(1)
        assert "1 / 22 claims shown (1 undated in their own layer, off)" in page.locator(".fm-status").inner_text()
        assert "not on the slider's days" in page.locator("#frontmap-legend").inner_text()
        undated = page.locator(".leaflet-control-layers-overlays label", has_text="undated claims")
        assert not undated.locator("input").is_checked()
        undated.click()  # their layer on: the undated claim joins the day's one
        view.wait_visible(2)
        view.wait_drawn(2)
        assert "2 / 22 claims shown (1 undated, their layer on)" in page.locator(".fm-status").inner_text()
        assert page.locator(".fm-front-day").inner_text() == f"front line of {DAY0.isoformat()}"

        page.locator(".fm-time .fm-btn", has_text="›").click()  # next day: +2 claims
        view.wait_visible(4)
        view.wait_drawn(4)

        slide(4)  # cumulative: 1+2+3+4+5 dated claims, the line of day 3
        assert view.state()["visible"] == 16
        assert page.locator(".fm-front-day").inner_text().endswith((DAY0 + dt.timedelta(days=3)).isoformat())
        page.select_option(".fm-window", "1")  # this day only: 5 + undated
        view.wait_visible(6)
        view.wait_drawn(6)

        # layer control: switch off captured claims (3 of the 5 on day 4)
        page.locator(".leaflet-control-layers-overlays label", has_text="action: captured").click()
        view.wait_visible(3)
        view.wait_drawn(3)
        page.locator(".leaflet-control-layers-overlays label", has_text="action: captured").click()
        view.wait_visible(6)

        # play from day 0 (the last day was left): the day moves on by itself
        page.select_option(".fm-window", "")
        slide(5)
        page.locator(".fm-play").click()
        page.wait_for_function(
            "(d) => frontmap.maps[0].day > d", arg=DAY0.isoformat(), timeout=5000
        )
        page.locator(".fm-play").click()  # pause

        # search: a name claimed at several points fits them; a single point opens its popup
        slide(5)
        kupiansk = sum(1 for c in claims if c.place == "Kupiansk")
        page.locator(".fm-search-input").fill("kupiansk")
        page.locator(".fm-search-input").press("Enter")
        page.wait_for_function("(p) => document.querySelector('.fm-search-out').textContent.startsWith(p)",
                               arg=f"{kupiansk} / {kupiansk} ", timeout=5000)
        page.locator(".fm-search-input").fill("Huliaipole")
        page.locator(".fm-search-input").press("Enter")
        page.locator(".fm-search-input").fill("Undatedivka")
        page.locator(".fm-search-input").press("Enter")
        popup = page.locator(".leaflet-popup-content", has_text="Undatedivka")  # a closed one fades
        popup.wait_for(timeout=5000)
        text = popup.inner_text()
        assert "Undatedivka" in text and "km from the line of" in text
        link = popup.locator("a")
        assert link.first.get_attribute("href") == "https://example.org/r/1"
        assert link.first.get_attribute("rel") == "noopener noreferrer nofollow"
        page.locator(".leaflet-popup-close-button").last.click()

        # distance tool: two clicks 200 px apart on an empty stretch, at zoom 9 (~30 km). Each step
        # waits for the state it needs: the view settled (no zoom or pan animation left from the
        # search), the tool switched on, then each click counted by the tool before the next.
        page.evaluate("() => frontmap.maps[0].map.setView([46.0, 33.0], 9, {animate: false})")
        view.wait_idle()
        page.locator(".fm-measure-btn").click()
        page.wait_for_function(
            "() => document.querySelector('.fm-measure').classList.contains('fm-on')"
            " && document.querySelector('.fm-measure').dataset.points === '0'", timeout=5000)
        # the two points 200 px apart across the map's centre, each clicked once nothing but the map lies under it
        # (a control, a fading popup or the claims list over a point takes the click and the tool never sees it)
        cx, cy = page.evaluate("() => { const r = frontmap.maps[0].map.getContainer().getBoundingClientRect();"
                               " return [r.left + r.width / 2, r.top + r.height / 2]; }")
        # what the map container saw, so that a dropped click (below) reports its cause in the CI log
        page.evaluate(
            """() => { const c = frontmap.maps[0].map.getContainer(), log = window.fmClickLog = [];
                        const name = (e) => e.tagName + '.' + String(e.className.baseVal ?? e.className).split(' ')[0];
                        for (const t of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
                            c.addEventListener(t, (e) => log.push([t, Math.round(performance.now()), e.clientX, e.clientY,
                                                                name(e.target), e.target.isConnected]), true);
                        frontmap.maps[0].map.on('preclick click', (e) => log.push(['leaflet ' + e.type])); }""")
        for k, x in enumerate((cx - 100, cx + 100), 1):
            page.wait_for_function(
                "([x, y]) => { const e = document.elementFromPoint(x, y); return !!e && !!e.closest('.leaflet-container')"
                " && !e.closest('.leaflet-control, .leaflet-popup, .leaflet-tooltip, .leaflet-interactive'); }",
                arg=[x, cy], timeout=5000)
            page.mouse.click(x, cy)
            counted = "(k) => document.querySelector('.fm-measure').dataset.points === String(k)"
            try:
                page.wait_for_function(counted, arg=k, timeout=3000)
            except sync_api.TimeoutError:
                # a click Leaflet dropped (seen once in CI in the tenth session, cause not found: nothing covered the
                # point): the tool still holds k - 1 points, so the same click once more must make it k, not k + 1
                assert page.locator(".fm-measure").get_attribute("data-points") == str(k - 1)
                warnings.warn(f"distance-tool click {k} was dropped; the map container saw "
                              f"{page.evaluate('() => window.fmClickLog')}", stacklevel=1)
                page.mouse.click(x, cy)
                page.wait_for_function(counted, arg=k, timeout=5000)
        km = float(page.locator(".fm-measure-out").inner_text().removesuffix(" km"))
        assert 30 < km < 70, km
        page.locator(".fm-measure-btn").click()
        page.wait_for_function("() => !document.querySelector('.fm-measure').classList.contains('fm-on')",
                               timeout=5000)
        assert page.locator(".fm-measure-out").inner_text() == ""
        page.evaluate("() => frontmap.maps[0].map.setView([48.6, 37.4], 8, {animate: false})")

        assert page.locator(".leaflet-overlay-pane path").count() >= 1  # the occupied area
        attribution = page.locator(".leaflet-control-attribution").inner_text()
        assert "DeepState" in attribution and "GeoNames" in attribution
        shot = tmp_path / "days.png"
        page.screenshot(path=str(shot))
        if os.environ.get("FRONTMAP_SCREENSHOTS"):
            page.screenshot(path=str(Path(os.environ["FRONTMAP_SCREENSHOTS"]) / "days.png"))
    finally:
        view.close()

    assert shot.stat().st_size > 10_000
    assert view.blocked == [], f"the offline map tried the network: {view.blocked}"
    assert view.errors == []
