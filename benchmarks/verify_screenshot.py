"""The README's picture of the map: the seeds with the front line, compared with the first day.

Run after ``frontmap map seeds/ -o out/seeds.html --offline`` (README, *Set up and make a map*):

    python benchmarks/verify_screenshot.py out/seeds.html docs/seeds-map.png

Debian's Chromium through Playwright (``executable_path="/usr/bin/chromium"``), offline: every
request but the page's own file is refused (no basemap tiles: the grey background). The second
date beside the slider is set to the first day of the claims, so the areas gained (red) and lost
(blue) by Russia between the two lines are drawn; the view is the Donetsk front at zoom 9.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("html", type=Path)
    ap.add_argument("png", type=Path)
    ap.add_argument("--center", default="48.35,37.05", help="LAT,LON of the view")
    ap.add_argument("--zoom", type=int, default=9)
    args = ap.parse_args()
    lat, lon = (float(v) for v in args.center.split(","))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1500, "height": 940})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://") else r.abort())
        page.goto(args.html.resolve().as_uri(), wait_until="load")
        page.wait_for_function("window.frontmap && frontmap.maps[0] && frontmap.maps[0].ready", timeout=30000)
        first = page.eval_on_selector_all(".fm-compare option", "os => os.map(o => o.value)")[1]
        page.select_option(".fm-compare", first)
        page.wait_for_function("document.querySelector('.fm-compare-out').textContent.length > 0", timeout=10000)
        page.evaluate("([lat, lon, z]) => frontmap.maps[0].map.setView([lat, lon], z, {animate: false})",
                      [lat, lon, args.zoom])
        page.wait_for_function("() => !frontmap.maps[0].map._animatingZoom", timeout=10000)
        page.wait_for_function(
            "() => document.querySelectorAll('.leaflet-marker-pane .marker-cluster, .leaflet-marker-pane .fm-marker').length > 0",
            timeout=10000)
        args.png.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(args.png))
        browser.close()
    if errors:
        raise SystemExit(f"JavaScript errors on the page: {errors}")
    print(f"{args.png} ({args.png.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
