"""Report text is untrusted: nothing in a report runs as code on the map.

Real report files (a text report and an HTML page, in the style of a frontline summary naming
real villages) carry script payloads in their sentences, their title, their source URLs and even
their file name (which becomes the map title). The real ``frontmap map --offline`` command draws
them; headless Chromium (Debian's, driven by Playwright, every non-file:// request refused) opens
the page, hovers and clicks every marker (tooltips, popups), searches, and checks that no payload
ran: no ``window.__xss_*`` flag set, no dialog, no injected element or ``javascript:`` link.
The payloads must also be *shown*, as text: a payload dropped on the way would prove nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
FRONTMAP = Path(sys.executable).with_name("frontmap")

TXT_NAME = 'zvanovka"><img src=x onerror=window.__xss_fname=1>.txt'
TXT = (
    'SOURCE: https://example.org/r?id=1"><svg/onload=window.__xss_url=1> | DATE: 2024-06-02 '
    "| TITLE: <script>window.__xss_title=1</script> Frontline summary\n"
    "Russian forces captured Zvanovka <script>window.__xss_s1=1</script> after heavy fighting, "
    "the Russian Defence Ministry said.\n"
    'Ukrainian troops repelled attacks near Seversk <img src=x onerror="window.__xss_i1=1;alert(1)"> on Sunday, '
    "the General Staff said.\n"
    'Heavy fighting continues near Zvanovka "><svg onload=window.__xss_q1=1> and in Seversk.\n'
    "Russian troops advanced near Seversk, see javascript:window.__xss_j1=1 and "
    "[the map](javascript:window.__xss_j2=1).\n"
    "https://t.me/s/example/1?x=\"><img/src=x/onerror=window.__xss_u2=1>\n"
)
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    "<title>&lt;img src=x onerror=window.__xss_htitle=1&gt; Daily update</title></head><body>"
    "<h1>Daily update</h1>"
    "<p>Russian forces captured Zvanovka &lt;script&gt;window.__xss_h1=1&lt;/script&gt; on Monday.</p>"
    "<p>Fighting continues near <a href='javascript:window.__xss_ha=1'>Seversk</a> "
    "&quot;&gt;&lt;svg onload=window.__xss_h2=1&gt;, Ukrainian officials said.</p>"
    "</body></html>"
)
# payloads that must reach the page as visible text (the flag names in them, at least)
SHOWN = ["__xss_s1", "__xss_i1", "__xss_q1", "__xss_j1", "__xss_j2", "__xss_h1", "__xss_h2", "__xss_fname"]

FLAGS = "() => Object.keys(window).filter(k => k.startsWith('__xss'))"
INJECTED = """() => {
    const bad = [];
    for (const el of document.querySelectorAll('body *')) {
        for (const a of el.attributes) {
            const v = a.value || '';
            if ((a.name.startsWith('on') && v.includes('__xss')) ||
                (['href', 'src', 'xlink:href', 'action'].includes(a.name) && /^\\s*javascript:/i.test(v)))
                bad.push(el.tagName + ' ' + a.name + '=' + v);
        }
    }
    document.querySelectorAll('.leaflet-popup-content img, .leaflet-tooltip img, #frontmap-title img, '
        + '.leaflet-popup-content svg, .leaflet-tooltip svg, #frontmap-title svg, '
        + '.leaflet-popup-content script, .leaflet-tooltip script, #frontmap-title script')
        .forEach(el => bad.push('element ' + el.tagName));
    return bad;
}"""
MARKERS = """() => {
    const map = frontmap.maps[0].map, out = [];
    map.eachLayer(l => { if (typeof l.getLayers === 'function')
        l.getLayers().forEach(m => { if (m.feature && !out.includes(m)) out.push(m); }); });
    window.__fm_markers = out;
    window.__fm_group = null;
    map.eachLayer(l => { if (typeof l.zoomToShowLayer === 'function') window.__fm_group = l; });
    return out.length;
}"""
SHOW = """(i) => new Promise(done => {
    const m = window.__fm_markers[i], g = window.__fm_group;
    const box = () => { const r = m.getElement().getBoundingClientRect();
                        done([r.left + r.width / 2, r.top + r.height / 2]); };
    if (g) g.zoomToShowLayer(m, () => setTimeout(box, 350)); else { frontmap.maps[0].map.setView(m.getLatLng(), 13, {animate: false}); setTimeout(box, 100); }
})"""


@pytest.fixture(scope="module")
def sync_api():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing under CI: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} is missing")
    if os.environ.get("CI"):
        import playwright.sync_api as api

        return api
    return pytest.importorskip("playwright.sync_api")


def test_report_payloads_never_run_on_the_map(sync_api, gaz, data_dir: Path, tmp_path: Path) -> None:
    txt = tmp_path / TXT_NAME
    txt.write_text(TXT, encoding="utf-8")
    page_file = tmp_path / "update.html"
    page_file.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "map.html"
    proc = subprocess.run(
        [str(FRONTMAP), "map", str(txt), str(page_file), "--offline", "--no-front", "-o", str(out),
         "--data", str(data_dir)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__xss" not in html and "<img src=x" not in html and "<svg onload" not in html

    dialogs: list[str] = []
    blocked: list[str] = []
    files: list[str] = []
    errors: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 800})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("pageerror", lambda e: errors.append(str(e)))

            def route(r) -> None:
                if r.request.url.startswith("file://"):
                    files.append(r.request.url)
                    r.continue_()
                else:
                    blocked.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(out.as_uri(), wait_until="load")
            page.wait_for_function("window.frontmap && frontmap.maps[0] && frontmap.maps[0].ready", timeout=15000)

            undated = page.locator(".leaflet-control-layers-overlays label", has_text="undated claims")
            if undated.count():  # undated claims are a layer of their own, off at first: every claim on
                undated.click()
                page.wait_for_function("document.querySelector('.fm-status').textContent.indexOf('their layer on') >= 0")
            n = page.evaluate(MARKERS)
            assert n >= 3, f"only {n} claims drawn"
            seen_text: list[str] = [page.locator("#frontmap-title").inner_text(), page.title()]
            legend = page.locator(".leaflet-control").all_inner_texts()
            seen_text += legend
            popups = tooltips = 0
            hrefs: list[str] = []
            for i in range(n):
                x, y = page.evaluate(SHOW, i)
                page.mouse.move(x, y)  # hover: the tooltip
                tooltip = page.locator(".leaflet-tooltip")
                tooltip.last.wait_for(timeout=3000)
                seen_text.append(tooltip.last.inner_text())
                tooltips += 1
                page.mouse.click(x, y)  # click: the popup
                popup = page.locator(".leaflet-popup-content")
                popup.wait_for(timeout=3000)
                seen_text.append(popup.inner_text())
                hrefs += popup.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
                popups += 1
                page.wait_for_timeout(100)  # an onerror/onload would have fired by now
                assert page.evaluate(FLAGS) == [], f"marker {i}: {page.evaluate(FLAGS)}"
                assert page.evaluate(INJECTED) == [], f"marker {i}"
                page.keyboard.press("Escape")
                page.mouse.move(5, 790)

            # the search box: a payload as the query, then a real place
            search = page.locator(".fm-search-input")
            search.fill('"><img src=x onerror=window.__xss_search=1>')
            search.press("Enter")
            seen_text.append(page.locator(".fm-search-out").inner_text())
            search.fill("zvan")
            search.press("Enter")
            page.wait_for_timeout(300)
            text = "\n".join(seen_text)
            assert page.evaluate(FLAGS) == []
            assert page.evaluate(INJECTED) == []
        finally:
            browser.close()

    assert dialogs == [], dialogs
    assert errors == [], errors
    # refused: basemap tiles only (an injected <img src=x> would ask for file://.../x)
    assert [u for u in blocked if not u.startswith("https://tile.openstreetmap.org/")] == []
    assert files == [out.as_uri()], files
    assert popups == tooltips == n
    # the source link: the report's URL verbatim in the href, never a javascript: one
    assert hrefs and all(h.startswith("https://") for h in hrefs), hrefs
    assert 'https://example.org/r?id=1"><svg/onload=window.__xss_url=1>' in hrefs
    missing = [flag for flag in SHOWN if flag not in text]
    assert missing == [], f"payloads that never reached the page as text: {missing}"
    assert 'onerror="window.__xss_i1=1;alert(1)">' in text  # shown verbatim
    assert "<script>window.__xss_s1=1</script>" in text
