"""How fast the web map is built and drawn, for 1,000 / 10,000 / 100,000 synthetic claims.

For each size: the time to build the map (``make_map`` + rendering the HTML) and the HTML's size,
then the time to first render in headless Chromium: the offline page opened from a file://
URL, every request but the file refused (tiles blocked), timed from navigation start to the
moment the page's controller has drawn every claim and the next frame is painted
(``frontmap.maps[0].paintedAt``: markers clustered and on screen). Also one slider step (to the middle day) measured in the page.

Claims are synthetic: 2,000 places spread over the Donetsk-Zaporizhzhia theatre, 60 days, every
action and claimant, a quote of about 100 characters naming the place, a source and a URL.

Targets (issue "Maps people want to open"): 10,000 claims built < 1 s and rendered < 2 s;
100,000 rendered < 8 s.

Run:  python benchmarks/maps_bench.py [--sizes 1000 10000 100000] [--repeat 3] [--out FILE]
Needs /usr/bin/chromium and Playwright (no ``playwright install``); without them only the build
figures are measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from geo.model import Action, Claim, Claimant  # noqa: E402
from maps import make_map  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
TARGETS = {10_000: {"build_s": 1.0, "render_s": 2.0}, 100_000: {"render_s": 8.0}}


def synthetic_claims(n: int, seed: int = 7) -> list[Claim]:
    """``n`` claims on 2,000 places over 60 days, with quotes, sources and URLs."""
    rng = np.random.default_rng(seed)
    n_places = 2000
    lats = rng.uniform(47.2, 49.2, n_places)
    lons = rng.uniform(35.5, 38.8, n_places)
    names = [f"Selo{i:04d}" for i in range(n_places)]
    actions = list(Action)
    claimants = list(Claimant)
    day0 = dt.date(2025, 10, 1)
    place = rng.integers(0, n_places, n)
    days = rng.integers(0, 60, n)
    act = rng.integers(0, len(actions), n)
    clm = rng.integers(0, len(claimants), n)
    conf = rng.uniform(0.3, 1.0, n)
    claims = []
    for i in range(n):
        p = int(place[i])
        claims.append(Claim(
            names[p], float(lats[p]), float(lons[p]), name=names[p], geonameid=700000 + p,
            admin1="Donetsk", admin2="Pokrovsk Raion", country="UA",
            confidence=float(conf[i]), report_date=day0 + dt.timedelta(days=int(days[i])),
            action=actions[int(act[i])], claimant=claimants[int(clm[i])],
            unit="110th Brigade" if i % 3 == 0 else "",
            source=f"reports/day{int(days[i]):02d}.txt#{i}",
            url=f"https://example.org/reports/{i}",
            quote=f"According to the report, units advanced near {names[p]} and took positions "
                  "on its outskirts overnight.",
            contested=bool(i % 50 == 0), why=("settlement of", "gazetteer: unique in Donetsk"),
        ))
    return claims


def build(claims: list[Claim], path: Path) -> dict[str, float]:
    t0 = time.perf_counter()
    m = make_map(claims, title=f"{len(claims)} synthetic claims", offline=True)
    t1 = time.perf_counter()
    page = m.get_root().render()
    t2 = time.perf_counter()
    path.write_text(page, encoding="utf-8")
    return {"make_map_s": t1 - t0, "render_html_s": t2 - t1, "build_s": t2 - t0,
            "html_mb": len(page.encode("utf-8")) / 1e6}


def browser_times(path: Path, n: int, repeat: int) -> dict[str, float] | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    renders, loads, steps = [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for _ in range(repeat):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                errors: list[str] = []
                page.on("pageerror", lambda e: errors.append(str(e)))
                page.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file://")
                           else r.abort())
                page.goto(path.as_uri(), wait_until="load", timeout=120_000)
                page.wait_for_function("window.frontmap && frontmap.maps[0] && frontmap.maps[0].ready",
                                       timeout=120_000, polling=50)
                ready = page.evaluate("frontmap.maps[0].paintedAt")
                load = page.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd")
                visible = page.evaluate("frontmap.maps[0].visible")
                if errors or visible != n:
                    raise RuntimeError(f"{path}: errors {errors}, {visible} of {n} claims shown")
                step = page.evaluate(
                    """() => { const r = document.querySelector('.fm-range');
                               const t = performance.now();
                               r.value = Math.round((+r.min + +r.max) / 2);
                               r.dispatchEvent(new Event('input', {bubbles: true}));
                               return performance.now() - t; }""")
                renders.append(ready / 1000)
                loads.append(load / 1000)
                steps.append(step / 1000)
                page.close()
        finally:
            browser.close()
    return {"render_s": statistics.median(renders), "load_s": statistics.median(loads),
            "slider_step_s": statistics.median(steps), "render_runs": len(renders)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--repeat", type=int, default=3, help="browser runs per size (1 for 100,000)")
    ap.add_argument("--out", type=Path, default=RESULTS / "maps.json")
    args = ap.parse_args(argv)

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            claims = synthetic_claims(n)
            path = Path(tmp) / f"map_{n}.html"
            b = build(claims, path)
            b2 = build(claims, path)  # the second build: imports and caches warm
            row = {"claims": n, **{k: min(b[k], b2[k]) if k.endswith("_s") else b[k] for k in b}}
            times = browser_times(path, n, 1 if n >= 100_000 else args.repeat)
            if times:
                row.update(times)
            for key, limit in TARGETS.get(n, {}).items():
                row[f"{key}_target"] = limit
                row[f"{key}_ok"] = key in row and row[key] < limit
            rows.append(row)
            print(f"{n:>7} claims: built in {row['build_s']:.2f} s, {row['html_mb']:.1f} MB"
                  + (f", rendered in {row['render_s']:.2f} s" if "render_s" in row else ""),
                  file=sys.stderr)

    out = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                       "cpus": __import__("os").cpu_count()},
           "date": dt.date.today().isoformat(), "rows": rows}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")

    print("| claims | build (s) | HTML (MB) | first render (s) | load event (s) | slider step (s) | targets |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for r in rows:
        verdict = ", ".join(
            f"{k.removesuffix('_ok')} {'ok' if r[k] else 'MISSED'}" for k in r if k.endswith("_ok")
        )
        fmt = lambda k: f"{r[k]:.2f}" if k in r else "n/a"  # noqa: E731
        print(f"| {r['claims']:,} | {fmt('build_s')} | {r['html_mb']:.1f} | {fmt('render_s')} | "
              f"{fmt('load_s')} | {fmt('slider_step_s')} | {verdict or '-'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
