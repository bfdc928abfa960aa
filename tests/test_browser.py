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
import zlib
from pathlib import Path

import pytest

from geo.model import Action, Claim, Claimant
from maps import make_map, save_map

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


def test_offline_map_in_chromium(chromium, claims, tmp_path):
    sync_api = pytest.importorskip("playwright.sync_api") if not os.environ.get("CI") else None
    if sync_api is None:
        import playwright.sync_api as sync_api

    page_path = save_map(make_map(claims, title="Browser test", offline=True), tmp_path / "m.html")
    drawn = sum(1 for c in claims if c.resolved and c.role == "event")
    tile = _grey_tile()
    errors: list[str] = []
    blocked: list[str] = []
    tiles: list[str] = []

    def route(r) -> None:
        url = r.request.url
        if url.startswith("file://"):
            r.continue_()
        elif ".tile.openstreetmap.org/" in url or url.startswith("https://tile.openstreetmap.org/"):
            tiles.append(url)
            r.fulfill(status=200, content_type="image/png", body=tile)
        else:
            blocked.append(url)
            r.abort()

    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 750})
            page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
            page.on("console", lambda m: errors.append(f"console: {m.text}")
                    if m.type == "error" else None)
            page.route("**/*", route)
            page.goto(page_path.as_uri(), wait_until="load")
            page.wait_for_function("typeof L !== 'undefined'", timeout=5000)
            markers = page.locator("path.leaflet-interactive")
            markers.first.wait_for(timeout=5000)
            assert markers.count() == drawn == 3

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
            browser.close()

    assert shot.stat().st_size > 10_000
    assert tiles, "the basemap asked for no tiles"
    assert blocked == [], f"the offline map tried the network: {blocked}"
    assert errors == []
