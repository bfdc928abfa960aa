"""How fast the gazetteer is built, loaded and queried, and how much memory it takes (UA + RU).

Figures, on the real GeoNames dumps of ``$FRONTMAP_DATA`` (UA.zip + cities500-RU-BY-MD.zip):

- **build**: ``frontmap gazetteer build`` from the dumps, in a fresh subprocess with an empty
  cache (wall time and that process's peak RSS);
- **cold load**: opening the built index in a fresh subprocess (``Gazetteer.open``: locate the
  dumps, check the index's sha256, load its arrays), median of ``--repeat`` runs; the import
  time of ``gazetteer`` is given apart;
- **peak RSS loaded**: ``resource.getrusage`` of a subprocess that has opened the gazetteer and
  run exact and fuzzy lookups;
- **lookup latency** (p50/p99 over ``--names`` real main names of populated places, drawn with
  a fixed seed): ``key`` is the index alone (fold + binary search + postings); ``exact`` is
  ``Gazetteer.candidates(name, fuzzy=False)`` with every query variant computed afresh (the
  variant cache and the gazetteer's remembered lookups cleared), ``exact warm`` the same with
  the variants cached, ``exact repeated`` a name looked up before (answered from
  :meth:`Gazetteer.candidates`'s memory, as in a long extraction, where names repeat); ``russian`` looks up Russian forms made from Ukrainian names
  (-ivka → -ovka, h → g, -ne → -noe...: found by the ru-uk rules); ``fuzzy`` looks up names
  misspelt deterministically (a letter dropped, doubled, swapped or changed, chosen by a hash of
  the name) that no rule finds, so the fuzzy search runs;
- **baseline**: the same misspelt names through a full rapidfuzz scan,
  ``process.extractOne(fold(name), all_keys, scorer=fuzz.ratio)``, and how often the index's
  best fuzzy key scores as well as the full scan's (same cutoff, 85).

Targets (issue "Fast at any size", a 2-core machine): cold load < 0.5 s, exact p50 < 50 µs,
fuzzy p50 < 1 ms, peak memory < 500 MB with UA + RU.

Run:  FRONTMAP_DATA=../shared/data python benchmarks/gazetteer_bench.py [--names 3000]
      [--repeat 5] [--skip-build] [--out FILE]
Writes benchmarks/results/gazetteer.json and prints a markdown table.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from frontmap import settings  # noqa: E402
from gazetteer import Gazetteer  # noqa: E402
from gazetteer import names as gnames  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
TARGETS = {"cold_load_s": 0.5, "exact_p50_us": 50.0, "fuzzy_p50_us": 1000.0, "peak_rss_mb": 500.0}

_BUILD = """
import resource, sys, time, json
t = time.perf_counter()
from gazetteer import Gazetteer
g = Gazetteer.open(sys.argv[1], rebuild=True, progress=False, cache_dir=sys.argv[2])
wall = time.perf_counter() - t
print(json.dumps({"build_s": wall, "build_inner_s": g.info()["build_seconds"],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "places": len(g), "index_mb": g.info()["index_bytes"] / 1e6}))
"""

_LOAD = """
import resource, sys, time, json
t0 = time.perf_counter()
from gazetteer import Gazetteer
t1 = time.perf_counter()
g = Gazetteer.open(sys.argv[1], progress=False, cache_dir=sys.argv[2])
t2 = time.perf_counter()
for q in ("Pokrovsk", "Otradnoe", "Huliaipole", "Pokrovks", "Zaporozhye", "Kupyansk"):
    g.candidates(q)
print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), FRONTMAP_OFFLINE="1")
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                         env=env, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _h(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "little")


def misspell(name: str) -> str:
    """One deterministic typo: a letter dropped, doubled, swapped with the next, or changed.

    >>> misspell("Pokrovsk") == misspell("Pokrovsk")
    True
    """
    h = _h(name)
    if len(name) < 4:
        return name + "a"
    i = 1 + h % (len(name) - 2)  # never the first letter
    kind = (h >> 8) % 4
    if kind == 0:
        return name[:i] + name[i + 1:]
    if kind == 1:
        return name[:i] + name[i] + name[i:]
    if kind == 2:
        return name[:i] + name[i + 1] + name[i] + name[i + 2:]
    return name[:i] + ("e" if name[i] != "e" else "a") + name[i + 1:]


_RUSSIFY = [("ivka", "ovka"), ("ivske", "ovskoe"), ("ske", "skoe"), ("ne", "noe"), ("ve", "voe"),
            ("yne", "ino"), ("Hr", "Gr"), ("Hl", "Gl"), ("H", "G"), ("h", "g"), ("y", "i")]


def russify(name: str) -> str:
    """A Russian-looking form of a Ukrainian romanised name (the reverse of the ru-uk rules).

    >>> russify("Zvanivka"), russify("Vidradne")
    ('Zvanovka', 'Vidradnoe')
    """
    out = name
    for a, b in _RUSSIFY:
        if a[0].isupper():
            if out.startswith(a):
                out = b + out[len(a):]
        elif out.endswith(a) and len(a) > 1:
            out = out[: -len(a)] + b
        elif len(a) == 1:
            out = out[0] + out[1:].replace(a, b)
    return out


def _timed(fn, queries) -> np.ndarray:
    out = np.empty(len(queries))
    for i, q in enumerate(queries):
        t = time.perf_counter()
        fn(q)
        out[i] = time.perf_counter() - t
    return out * 1e6


def _pcts(us: np.ndarray) -> dict:
    return {"p50_us": float(np.percentile(us, 50)), "p99_us": float(np.percentile(us, 99)),
            "mean_us": float(us.mean()), "n": int(len(us))}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--names", type=int, default=3000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--skip-build", action="store_true", help="reuse a built index if any")
    ap.add_argument("--out", type=Path, default=RESULTS / "gazetteer.json")
    args = ap.parse_args(argv)
    data = os.environ.get("FRONTMAP_DATA")
    if not data:
        sys.exit("set FRONTMAP_DATA to the data folder (geonames/UA.zip ...)")
    res: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_avg_before": os.getloadavg()},
        "date": dt.date.today().isoformat(),
    }
    with tempfile.TemporaryDirectory(prefix="fm-gazbench-") as tmp:
        cache = str(settings.cache_dir()) if args.skip_build else tmp
        if not args.skip_build:
            res["build"] = _child(_BUILD, data, cache)
        loads = [_child(_LOAD, data, cache) for _ in range(args.repeat)]
        res["cold_load"] = {
            "load_s": statistics.median(x["load_s"] for x in loads),
            "import_s": statistics.median(x["import_s"] for x in loads),
            "runs": [x["load_s"] for x in loads],
        }
        res["peak_rss_mb"] = max(x["rss_mb"] for x in loads)

        gaz = Gazetteer.open(data, progress=False, cache_dir=cache)
        ix = gaz._ix
        rng = np.random.default_rng(20240426)
        p_rows = np.flatnonzero(np.asarray(ix.fclass) == ix.classes.index("P"))
        rows = rng.choice(p_rows, size=min(args.names, len(p_rows)), replace=False)
        real = [ix.name(int(ix.name_id[r])) for r in rows]
        real = [n for n in real if gnames.fold(n)]
        # misspelt names that no rule finds (so the fuzzy search runs)
        typos = [misspell(n) for n in real]
        typos = [t for t in typos if not gaz.candidates(t, fuzzy=False)]
        russian = [r for r in (russify(n) for n in real if n.isascii()) if r]
        gnames._query_variants.cache_clear()
        gaz.candidates("warm up", fuzzy=True)
        for r in rows[:200]:  # Place objects are built on first use: warm up a little
            ix.place(int(r))

        lat: dict[str, dict] = {}
        lat["key"] = _pcts(_timed(lambda q: ix.postings(gnames.fold(q)), real))
        gnames._query_variants.cache_clear()
        gaz.cache_clear()
        lat["exact"] = _pcts(_timed(lambda q: gaz.candidates(q, fuzzy=False), real))
        gaz.cache_clear()  # variants cached, lookups not
        lat["exact warm"] = _pcts(_timed(lambda q: gaz.candidates(q, fuzzy=False), real))
        lat["exact repeated"] = _pcts(_timed(lambda q: gaz.candidates(q, fuzzy=False), real))
        gnames._query_variants.cache_clear()
        gaz.cache_clear()
        lat["russian"] = _pcts(_timed(lambda q: gaz.candidates(q, fuzzy=True), russian))
        found_ru = sum(1 for q in russian if gaz.candidates(q, fuzzy=False))
        gnames._query_variants.cache_clear()
        gaz.cache_clear()
        lat["fuzzy"] = _pcts(_timed(lambda q: gaz.candidates(q, fuzzy=True), typos))
        gaz.cache_clear()
        lat["fuzzy warm"] = _pcts(_timed(lambda q: gaz.candidates(q, fuzzy=True), typos))

        from rapidfuzz import fuzz, process

        keys = list(ix.keys)
        sample = typos[: min(len(typos), 300)]
        lat["baseline full scan"] = _pcts(_timed(
            lambda q: process.extractOne(gnames.fold(q), keys, scorer=fuzz.ratio,
                                         score_cutoff=85), sample))
        agree = found = 0
        for q in sample:
            full = process.extractOne(gnames.fold(q), keys, scorer=fuzz.ratio, score_cutoff=85)
            cands = gaz.candidates(q, fuzzy=True, classes=None)
            if full is not None:
                found += 1
                best = max((c.score for c in cands if c.rule == "fuzzy"), default=0.0)
                agree += abs(best - 0.70 * full[1] / 100) < 1e-3 or best > 0.70 * full[1] / 100
        res["latency"] = lat
        res["queries"] = {"real": len(real), "misspelt (no rule finds them)": len(typos),
                          "russian forms": len(russian), "russian found by rules": found_ru,
                          "baseline sample": len(sample),
                          "full scan finds a key ≥ 85": found,
                          "index fuzzy as good as the full scan": agree}
        res["places"] = len(gaz)
        res["keys"] = len(ix.keys)

    RESULTS.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    print(f"Machine load average {res['machine']['load_avg_before'][0]:.1f} on {os.cpu_count()} CPUs.\n")
    ok = lambda v, t: "✓" if v < t else "✗"  # noqa: E731
    lines = ["| figure | value | target |", "|---|---|---|"]
    if "build" in res:
        b = res["build"]
        lines.append(f"| index build (subprocess, {b['places']} places, {b['index_mb']:.1f} MB) "
                     f"| {b['build_s']:.1f} s, peak RSS {b['rss_mb']:.0f} MB | |")
    cl = res["cold_load"]
    lines.append(f"| cold load (fresh process; import {cl['import_s']:.2f} s apart) | "
                 f"{cl['load_s'] * 1000:.0f} ms | < 500 ms {ok(cl['load_s'], 0.5)} |")
    lines.append(f"| peak RSS, UA + RU loaded, after lookups | {res['peak_rss_mb']:.0f} MB | "
                 f"< 500 MB {ok(res['peak_rss_mb'], 500)} |")
    for name, v in lat.items():
        target = ""
        if name == "exact warm":
            target = f"p50 < 50 µs {ok(v['p50_us'], 50)}"
        elif name == "exact":
            target = f"(p50 < 50 µs {ok(v['p50_us'], 50)})"
        elif name in ("fuzzy", "fuzzy warm"):
            target = f"p50 < 1 ms {ok(v['p50_us'], 1000)}"
        lines.append(f"| lookup {name} (n={v['n']}) | p50 {v['p50_us']:.0f} µs, "
                     f"p99 {v['p99_us']:.0f} µs | {target} |")
    q = res["queries"]
    lines.append(f"| fuzzy: index vs full scan | {lat['baseline full scan']['p50_us'] / lat['fuzzy']['p50_us']:.0f}× "
                 f"faster at p50; as good on {q['index fuzzy as good as the full scan']}/"
                 f"{q['full scan finds a key ≥ 85']} | |")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
