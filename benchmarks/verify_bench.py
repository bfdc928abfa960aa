"""How fast ``frontmap verify`` checks 10,000 claims against two years of the line (769 days).

Claims: 10,000 on 3,000 real Ukrainian settlements of the Kharkiv-Donetsk-Zaporizhzhia theatre
(GeoNames, from the gazetteer), dated uniformly over the line's days, every action and claimant
(about a quarter captured/entered by a Russian or Ukrainian claimant: the ones the line checks).
They are written as GeoJSON, then ``frontmap verify claims.geojson --csv --chart`` is run as a
fresh process, timed from start to exit:

- cold: a new cache folder holding only the gazetteer index (as after ``frontmap gazetteer
  build``; building it is not verify's work): the line parsed from its .xz file, its distinct
  areas built, the front proper of all of them worked out, all written to the cache; each cold
  run gets its own new folder;
- warm: the same command again (the areas and the front proper read from the cache, as in any
  run after the first on a machine).

Each run is given as (wall seconds, CPU seconds of the process): on a shared, loaded machine the
CPU time is the fairer figure of the work done.

In process, the parts of :func:`geo.verify.check_claims`: the held/not-held series of every
distinct point over all days, and the whole check.

Target (issue 17): < 10 s. Run:  FRONTMAP_DATA=../shared/data python benchmarks/verify_bench.py
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from geo.frontline import FrontLine  # noqa: E402
from geo.model import Action, Claim, Claimant  # noqa: E402
from geo.verify import check_claims, held_by_russia  # noqa: E402
from maps.export import write_claims  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"

#: The same benchmark before the distinct areas and the one-pass front proper (commit 5643983):
#: each day's area built from the JSON and its front proper worked out day by day.
BEFORE = {
    "cli_cold_wall_cpu_s": [[222.15, 49.11]],
    "cli_warm_wall_cpu_s": [[41.95, 8.07], [21.85, 6.88], [22.8, 7.12]],
    "note": "the code of 5643983 run the same way (cold: a new cache folder holding only the gazetteer index) "
            "on the same claims, load average 6-9 on 2 cores; of the cold CPU time, the front proper of 769 "
            "days took 40 s and building each day's area from the JSON 8 s",
}


def synthetic_claims(gaz: Gazetteer, days: list[dt.date], n: int, n_places: int = 3000, seed: int = 17) -> list[Claim]:
    rng = np.random.default_rng(seed)
    lats, lons = (np.asarray(a) for a in gaz.coordinates(classes="P", country="UA"))
    theatre = np.flatnonzero((lons > 35.0) & (lons < 39.5) & (lats > 46.8) & (lats < 50.5))
    pick = rng.choice(theatre, size=min(n_places, theatre.size), replace=False)
    place = rng.integers(0, pick.size, n)
    day = rng.integers(0, len(days), n)
    actions = list(Action)
    claimants = list(Claimant)
    act = np.where(rng.random(n) < 0.35, rng.integers(0, 2, n), rng.integers(0, len(actions), n))
    clm = rng.integers(0, len(claimants), n)
    return [
        Claim(f"Selo{int(place[i])}", float(lats[pick[place[i]]]), float(lons[pick[place[i]]]),
              name=f"Selo{int(place[i])}", geonameid=int(pick[place[i]]), country="UA",
              action=actions[int(act[i])], claimant=claimants[int(clm[i])], report_date=days[int(day[i])],
              quote=f"Claim {i} about Selo{int(place[i])}.", source=f"synthetic.txt#{i}")
        for i in range(n)
    ]


def run_cli(claims_file: Path, out: Path, cache: Path, data: Path) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one ``frontmap verify`` process."""
    env = {**os.environ, "FRONTMAP_CACHE": str(cache), "FRONTMAP_DATA": str(data), "FRONTMAP_OFFLINE": "1"}
    cmd = [sys.executable, "-c", "from frontmap.cli import app; app()", "verify", str(claims_file),
           "--csv", str(out / "verify.csv"), "--chart", str(out / "verify.png")]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
    took = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"verify failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return round(took, 2), round(cpu, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--out", type=Path, default=RESULTS / "verify.json")
    ap.add_argument("--runs", type=int, default=3, help="cold runs (each with a new cache folder) and warm runs")
    args = ap.parse_args()
    data = Path(os.environ.get("FRONTMAP_DATA", ROOT.parent / "shared" / "data"))
    history = data / "frontline" / "deepstate_history.geojson.xz"
    gaz = Gazetteer.open(data, progress=False)
    fl = FrontLine.from_file(history, gaz)
    claims = synthetic_claims(gaz, fl.dates, args.claims)
    result: dict = {
        "what": "frontmap verify: claims checked against every day of the DeepState line",
        "line_days": len(fl.dates), "line_span": [fl.dates[0].isoformat(), fl.dates[-1].isoformat()],
        "claims": len(claims), "distinct_points": len({(c.lat, c.lon) for c in claims}),
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                    "load_average": list(os.getloadavg())},
        "target_s": 10.0,
    }
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        claims_file = write_claims(claims, tmp / "claims.geojson")
        # the gazetteer index alone, built once into a folder of its own: each cold run copies it
        base = tmp / "base"
        os.environ["FRONTMAP_CACHE"] = str(base)
        Gazetteer.open(data, progress=False)
        assert not (base / "frontline").exists()
        cold = []
        for i in range(args.runs):
            cache = tmp / f"cold{i}"
            shutil.copytree(base, cache)
            cold.append(run_cli(claims_file, tmp, cache, data))
        result["cli_cold_wall_cpu_s"] = cold
        result["cli_warm_wall_cpu_s"] = [run_cli(claims_file, tmp, cache, data) for _ in range(args.runs)]
        # in process, the line loaded as the command loads it (from the warm cache)
        os.environ["FRONTMAP_CACHE"] = str(cache)
        fl = FrontLine.from_file(history, gaz)
        pts = sorted({(c.lat, c.lon) for c in claims})
        t = time.process_time()
        held = held_by_russia(fl, [p[0] for p in pts], [p[1] for p in pts])
        result["held_series_cpu_s"] = round(time.process_time() - t, 3)
        result["held_cells"] = int(held.size)
        result["distinct_areas"] = len(set(fl._area_of.tolist()))
        t = time.process_time()
        checked = check_claims(claims, fl)
        result["check_claims_cpu_s"] = round(time.process_time() - t, 3)
        statuses: dict[str, int] = {}
        for c in checked:
            statuses[c.front_status] = statuses.get(c.front_status, 0) + 1
        result["statuses"] = statuses
    result["median_cold_cpu_s"] = float(np.median([c for _, c in result["cli_cold_wall_cpu_s"]]))
    result["median_warm_cpu_s"] = float(np.median([c for _, c in result["cli_warm_wall_cpu_s"]]))
    result["met_cold_cpu"] = result["median_cold_cpu_s"] < 10.0
    result["met_warm_cpu"] = result["median_warm_cpu_s"] < 10.0
    result["before"] = BEFORE
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
