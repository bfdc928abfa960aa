"""Time and memory of reading ONE report as it grows, for each adversarial shape of report.

Issue 18 ("No hangs, no blow-ups"): a report of one name per line, a list of many distinct
names (in paragraphs, and ``dense``: one paragraph of names and commas only), thousands of "Name (coordinates)" pairs, a table, one run-on line, long whitespace runs
and long punctuation runs must each be read in time and memory linear in its size. Each shape
is made at ``--start`` KB and doubled ``--doublings`` times (64 KB → 1 MB by default); each size
is read in a fresh process with :func:`geo.extract.extract_files` (as ``frontmap extract FILE``
does, with the data folder's front line unless ``--no-front``), which reports:

- ``seconds`` and ``cpu_seconds``: the wall and CPU time of the extraction (the gazetteer loaded
  and warmed on a small report before, so that the figure is the report's own; on a shared
  machine the CPU time is the steadier measure, and the growth figures use it when measured);
- ``peak_mb``: the process's peak resident memory (``ru_maxrss``), everything included;
- ``traced_mb``: the peak of the memory the extraction itself allocates (``tracemalloc``, in a
  second, traced run of the same report in the same process).

Targets: per doubling, ``seconds`` and ``traced_mb`` grow at most 2.3×; 1 MB of any shape in
under 30 s and under 500 MB (``peak_mb``). Sizes below ~50 KB are too quick for their ratios to
mean much on a shared machine; the ratio test uses the two largest sizes' trend as well
(``growth``: the least-squares slope of log(time) on log(size), 1.0 is linear).

The texts are made here from gazetteer names and this project's own words (nothing
third-party). :func:`make_report` is what ``tests/test_scaling.py`` uses, at smaller sizes.

Run:  FRONTMAP_DATA=../shared/data python benchmarks/scaling_bench.py [--start 64] [--doublings 4]
      [--shapes lines list ...] [--no-front] [--out FILE]
Writes benchmarks/results/scaling.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RESULTS = ROOT / "benchmarks" / "results"

#: The shapes of report, each named for what it holds.
SHAPES = ("spaces", "punct", "runon", "table", "coords", "list", "dense", "lines")
#: Where the names come from: settlements within this distance of a point in Donbas, in a fixed order.
_CENTRE = (48.3, 37.6)
_RADIUS_KM = 250.0


def place_names(gaz, n: int = 4000) -> list[tuple[str, float, float]]:
    """Up to ``n`` settlement names of the gazetteer around Donbas (name, lat, lon), nearest first.

    Namesakes are kept: a real report names Ivanivka as often as Pokrovsk.
    """
    out = []
    for place, _ in gaz.near(*_CENTRE, _RADIUS_KM, classes="P"):
        if place.name.isascii() and place.name[:1].isupper():
            out.append((place.name, place.lat, place.lon))
            if len(out) == n:
                break
    return out


def _fill(make, size: int) -> str:
    """Pieces ``make(i)`` joined until the text holds ``size`` characters."""
    parts, total, i = [], 0, 0
    while total < size:
        p = make(i)
        parts.append(p)
        total += len(p)
        i += 1
    return "".join(parts)[:size]


def make_report(shape: str, size: int, names: list[tuple[str, float, float]]) -> str:
    """A report of ``size`` characters of the given shape (see :data:`SHAPES`).

    Examples
    --------
    >>> make_report("spaces", 40, [("Pokrovsk", 48.28, 37.18), ("Myrnohrad", 48.30, 37.26)])[:30]
    'Fighting near Pokrovsk        '
    """
    k = len(names)

    def name(i: int) -> str:
        return names[i % k][0]

    if shape == "lines":  # one name per line
        return _fill(lambda i: name(i) + "\n", size)
    if shape == "list":  # one sentence listing many distinct names, paragraph after paragraph
        def make(i: int) -> str:
            head = "Russian forces attacked near " if i % 400 == 0 else ""
            tail = ".\n\n" if i % 400 == 399 else ", "
            return head + name(i) + tail
        return _fill(make, size)
    if shape == "dense":  # distinct names and commas only: one paragraph, no sentence end, nothing but names
        return "Russian forces attacked near " + _fill(lambda i: name(i) + ", ", size)
    if shape == "coords":  # "Name (lat, lon)" pairs
        def make(i: int) -> str:
            n, lat, lon = names[i % k]
            return f"Units liberated {n} ({lat:.4f}, {lon:.4f}). "
        return _fill(make, size)
    if shape == "table":  # a scraped table, one row a line
        def make(i: int) -> str:
            n, lat, lon = names[i % k]
            return f"| {i + 1} | {n} | captured | 2025-11-{i % 28 + 1:02d} | {lat:.3f} | {lon:.3f} |\n"
        return "| No | Settlement | Status | Date | Lat | Lon |\n|---|---|---|---|---|---|\n" + _fill(make, size)
    if shape == "runon":  # one sentence, one line, no full stop
        verbs = ("attacked near", "advanced towards", "shelled", "fought in", "repelled attacks at")
        return "Russian forces " + _fill(lambda i: f"{verbs[i % 5]} {name(i)} and then ", size)
    if shape == "spaces":  # two names, whitespace runs between them
        return _fill(lambda i: ("Fighting near " if i == 0 else "") + name(i) + " " * 2000 + "\t \n", size)
    if shape == "punct":  # runs of . ! ? between names
        return _fill(lambda i: f"Strikes on {name(i)}" + ".!?" * 700 + " ", size)
    raise ValueError(f"unknown shape {shape!r}: expected one of {', '.join(SHAPES)}")


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def measure(shape: str, size: int, front: bool = True, traced: bool = True) -> dict:
    """Read one report of ``shape`` and ``size`` characters in this process (see the module docstring;
    ``traced=False``: without the second, traced run, whose ``traced_mb`` is then None)."""
    from frontmap.settings import front_file
    from gazetteer import Gazetteer
    from geo.extract import extract_files
    from geo.frontline import FrontLine

    gaz = Gazetteer.open(progress=False)
    fl = None
    if front:
        path = front_file(None)
        fl = FrontLine.from_file(path, gaz) if path is not None else None
    front_for = fl.distance_function if fl is not None else None
    names = place_names(gaz)
    with tempfile.TemporaryDirectory() as tmp:
        warm = Path(tmp) / "warm.txt"
        warm.write_text("DATE: 2025-11-20\nUnits liberated Zvanovka and attacked near Pokrovsk.\n", encoding="utf-8")
        extract_files([warm], gaz, front_km_for=front_for)
        path = Path(tmp) / f"{shape}.txt"
        path.write_text("DATE: 2025-11-20\n" + make_report(shape, size, names), encoding="utf-8")
        rss0 = _rss_mb()
        t0, c0 = time.perf_counter(), time.process_time()
        result = extract_files([path], gaz, front_km_for=front_for)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        peak = _rss_mb()
        traced_mb = None
        if traced:
            tracemalloc.start()
            extract_files([path], gaz, front_km_for=front_for)
            traced_mb = round(tracemalloc.get_traced_memory()[1] / 2**20, 2)
            tracemalloc.stop()
    return {
        "shape": shape, "kb": size // 1024, "seconds": round(seconds, 3), "cpu_seconds": round(cpu, 3),
        "peak_mb": round(peak, 1),
        "rss_before_mb": round(rss0, 1), "traced_mb": traced_mb, "claims": len(result.claims),
        "errors": [str(e) for e in result.errors],
    }


def _run_one(shape: str, size: int, front: bool, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--one", shape, str(size)] + ([] if front else ["--no-front"])
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"shape": shape, "kb": size // 1024, "seconds": None, "timeout": timeout}
    except subprocess.CalledProcessError as exc:
        return {"shape": shape, "kb": size // 1024, "seconds": None, "failed": exc.stderr[-2000:]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def growth(rows: list[dict], key: str) -> float | None:
    """The least-squares slope of log(key) on log(size): 1.0 is linear, 2.0 quadratic."""
    pts = [(math.log(r["kb"]), math.log(r[key])) for r in rows if r.get(key)]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    sxx = sum((x - mx) ** 2 for x, _ in pts)
    return round(sum((x - mx) * (y - my) for x, y in pts) / sxx, 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--start", type=int, default=64, help="first size, KB")
    ap.add_argument("--doublings", type=int, default=4)
    ap.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=SHAPES)
    ap.add_argument("--no-front", dest="front", action="store_false")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds allowed for one size")
    ap.add_argument("--out", type=Path, default=RESULTS / "scaling.json")
    ap.add_argument("--merge", nargs="+", type=Path, help="summarise these results files (no new runs)")
    ap.add_argument("--one", nargs=2, metavar=("SHAPE", "BYTES"), help=argparse.SUPPRESS)
    ap.add_argument("--untraced", action="store_true", help="with --one: skip the second, traced run (time and peak only)")
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), front=args.front, traced=not args.untraced)))
        return
    if not os.environ.get("FRONTMAP_DATA"):
        sys.exit("set FRONTMAP_DATA to the data folder (../shared/data)")
    sizes = [args.start * 1024 * 2**i for i in range(args.doublings + 1)]
    results: dict = {"shapes": {}}
    if args.merge:  # shapes measured in earlier runs, summarised again (the later file wins)
        for f in args.merge:
            results["shapes"].update(json.loads(Path(f).read_text(encoding="utf-8"))["shapes"])
        args.shapes = []
    for shape in args.shapes:
        rows = []
        for size in sizes:
            row = _run_one(shape, size, args.front, args.timeout)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)
            if row.get("seconds") is None:
                break
        results["shapes"][shape] = {"rows": rows}
        _write(results, args)  # after each shape
    _write(results, args)
    print(_table(results))


def _summarise(results: dict) -> None:
    """Each shape's ratios per doubling and growth (CPU time when every size has it)."""
    for r in results["shapes"].values():
        rows = [x for x in r["rows"] if x.get("seconds") is not None]
        tkey = "cpu_seconds" if rows and all(x.get("cpu_seconds") for x in rows) else "seconds"
        for a, b in zip(rows, rows[1:]):
            b["time_ratio"] = round(b[tkey] / a[tkey], 2)
            b["traced_ratio"] = round(b["traced_mb"] / a["traced_mb"], 2)
        r.update(time_measure=tkey, time_growth=growth(rows, tkey), traced_growth=growth(rows, "traced_mb"))


def _write(results: dict, args) -> None:
    _summarise(results)
    results["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                          "load_average": os.getloadavg(), "front": args.front}
    results["date"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


def _table(results: dict) -> str:
    """A markdown table: the first and last size, and the ratio per doubling (time / traced memory)."""
    out = ["| shape | first size | last size | per doubling: time / traced memory | growth (1 is linear) |",
           "|---|---|---|---|---|"]
    for shape, r in results["shapes"].items():
        rows = [x for x in r["rows"] if x.get("seconds") is not None]
        if not rows:
            out.append(f"| {shape} | — | — | — | — |")
            continue
        k = r["time_measure"]
        cell = lambda x: f"{x['kb']} KB: {x[k]:.2f} s, {x['traced_mb']:.1f} MB (peak {x['peak_mb']:.0f} MB)"  # noqa: E731
        cut = r["rows"][len(rows)] if len(rows) < len(r["rows"]) else None
        stop = "" if cut is None else f"; {cut['kb']} KB " + (
            f"over the time limit ({cut['timeout']:.0f} s wall)" if cut.get("timeout") else "not measured")
        ratios = ", ".join(f"{x['time_ratio']:g}" for x in rows[1:])
        mem = ", ".join(f"{x['traced_ratio']:g}" for x in rows[1:])
        out.append(f"| {shape} | {cell(rows[0])} | {cell(rows[-1])}{stop} | {ratios} / {mem} | "
                   f"{r['time_growth']} / {r['traced_growth']} |")
    return "\n".join(out)

if __name__ == "__main__":
    main()
