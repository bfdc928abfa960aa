"""How fast reports are read into claims (parse + resolve), on one core and on several.

The corpus is made at run time in a temporary folder (the texts are third-party: never
committed): ``--reports`` files (10,000 by default, 1,000 with ``--quick``), each a metadata line
taken from one real report and one to three paragraphs drawn, with a fixed seed, from all the
real texts of ``$FRONTMAP_DATA/../eval/reports`` (English and Russian) and ``$FRONTMAP_DATA/../seeds``.

Figures:

- **throughput** of :func:`geo.parallel.extract_files_parallel` (``jobs=1`` is
  :func:`geo.extract.extract_files`) for each ``--jobs`` value: MB/s and reports/s, wall time
  including the worker pool's start and each worker's load of the index; beside it **CPU
  time** (``cpu_s``: :func:`time.process_time` of this process plus the user and system time of
  the worker processes it waited for) and ``cpu_mb_s``, MB per CPU second, the figure that
  still means something on a loaded, shared machine (wall time there measures the other
  users); the claims of every run are checked identical to the one-job run; then the same with the front line
  (``$FRONTMAP_DATA/frontline``, each process loading it once, as ``frontmap extract`` does by
  default), unless ``--no-front``;
- **unique texts**: the real texts themselves, each once, in a fresh process (wall and CPU
  time of the extraction): names and sentences no cache has seen (the recombined corpus repeats them, as a real stream of reposts
  and daily bulletins does, but more);
- **baseline**: a plain pass over the same files, reading each and looking up every word and
  pair of words (casefolded) in a set of all gazetteer keys, so that the pipeline's figure is a
  ratio;
- **profile**: cProfile of one single-process run over ``--profile-reports`` reports, the top
  functions by own time, and the share of time in each module.

Targets (issue "Fast at any size", a 2-core machine): >= 2 MB per CPU second on one core, near-linear with
``--jobs``.

Run:  FRONTMAP_DATA=../shared/data python benchmarks/extract_bench.py [--quick]
      [--reports N] [--jobs 1 2] [--profile-reports 300] [--no-front] [--throughput-only] [--out FILE]
Writes benchmarks/results/extract.json (or ``--out``) and prints a markdown table.
``--throughput-only`` skips the unique-texts, baseline and profile parts.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import platform
import pstats
import re
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from frontmap.settings import front_file  # noqa: E402
from geo.parallel import extract_files_parallel  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results"
# the folder holding data/, eval/ and seeds/: beside the data folder FRONTMAP_DATA names
SHARED = Path(os.environ.get("FRONTMAP_DATA", "data")).resolve().parent
WORD = re.compile(r"\w+(?:['’-]\w+)*")


def _texts() -> tuple[list[str], list[str]]:
    """Metadata lines and paragraphs of every real text."""
    files = sorted((SHARED / "eval" / "reports").rglob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    if not files:
        sys.exit(f"no texts under {SHARED}/eval/reports or {SHARED}/seeds")
    heads, paras = [], []
    for f in files:
        text = f.read_text(encoding="utf-8", errors="replace")
        first, _, rest = text.partition("\n")
        if "|" in first and ("SOURCE" in first or "DATE" in first):
            heads.append(first)
        else:
            rest = text
        for p in re.split(r"\n\s*\n", rest):
            p = p.strip()
            if 80 <= len(p) <= 4000 and not set(p) <= set("*- \n"):
                paras.append(p)
    return heads, paras


def make_corpus(folder: Path, n: int, seed: int = 20250829) -> tuple[list[Path], int]:
    """``n`` report files in ``folder`` recombined from the real texts; their total bytes."""
    heads, paras = _texts()
    rng = np.random.default_rng(seed)
    paths, size = [], 0
    for i in range(n):
        k = int(rng.integers(1, 4))
        body = "\n\n".join(paras[j] for j in rng.choice(len(paras), size=k, replace=False))
        text = (heads[int(rng.integers(len(heads)))] + "\n" if heads and rng.random() < 0.8 else "") + body + "\n"
        p = folder / f"{i // 1000:03d}" / f"r{i:05d}.txt"
        p.parent.mkdir(exist_ok=True)
        data = text.encode("utf-8")
        p.write_bytes(data)
        size += len(data)
        paths.append(p)
    return paths, size


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and by the child processes it has waited for
    (a finished process pool's workers)."""
    ch = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + ch.ru_utime + ch.ru_stime


def baseline(paths: list[Path], keys: set[str]) -> tuple[float, int]:
    """Seconds for a word regex + set lookup of words and word pairs; matches found."""
    t = time.perf_counter()
    found = 0
    for p in paths:
        words = [w.casefold() for w in WORD.findall(p.read_text(encoding="utf-8"))]
        for i, w in enumerate(words):
            if w in keys:
                found += 1
            if i + 1 < len(words) and f"{w} {words[i + 1]}" in keys:
                found += 1
    return time.perf_counter() - t, found


def _module_of(filename: str) -> str:
    p = Path(filename)
    if p.parent.name in ("geo", "gazetteer", "frontmap", "maps") and str(ROOT) in str(p):
        return f"{p.parent.name}/{p.name}"
    if "site-packages" in filename:
        return "site-packages/" + filename.split("site-packages/")[1].split("/")[0]
    return "other (stdlib, builtins)"


def profile(paths: list[Path], gaz: Gazetteer, top: int = 15) -> dict:
    from geo.extract import extract_files

    prof = cProfile.Profile()
    prof.enable()
    extract_files([str(p) for p in paths], gaz)
    prof.disable()
    st = pstats.Stats(prof, stream=io.StringIO())
    total = st.total_tt
    rows = []
    by_module: dict[str, float] = defaultdict(float)
    for (fn, line, name), (cc, nc, tt, ct, callers) in st.stats.items():
        by_module[_module_of(fn)] += tt
        rows.append((tt, ct, nc, f"{_module_of(fn)}:{line}({name})"))
    rows.sort(reverse=True)
    return {
        "total_s": total,
        "top_own_time": [{"function": f, "own_s": round(tt, 4), "cum_s": round(ct, 4), "calls": nc}
                         for tt, ct, nc, f in rows[:top]],
        "by_module": {k: round(v / total, 4) for k, v in sorted(by_module.items(), key=lambda kv: -kv[1])},
    }


_UNIQUE = r"""
import json, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from gazetteer import Gazetteer
from geo.extract import extract_files
gaz = Gazetteer.open(sys.argv[2], progress=False)
files = [str(p) for p in json.loads(sys.argv[3])]
t, c = time.perf_counter(), time.process_time()
out = extract_files(files, gaz)
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"seconds": wall, "cpu_s": cpu, "reports": out.reports, "claims": len(out.claims)}))
"""


def unique_texts(data: str) -> dict:
    """Each real text once, in a fresh process: no cache has seen any of its names or sentences."""
    import subprocess

    files = sorted((SHARED / "eval" / "reports").rglob("*.txt")) + sorted((SHARED / "seeds").glob("*.txt"))
    size = sum(f.stat().st_size for f in files)
    out = subprocess.run([sys.executable, "-c", _UNIQUE, str(ROOT), data, json.dumps([str(f) for f in files])],
                         capture_output=True, text=True, check=True)
    r = json.loads(out.stdout.strip().splitlines()[-1])
    return {"files": len(files), "mb": size / 1e6, **r, "mb_s": size / 1e6 / r["seconds"],
            "cpu_mb_s": size / 1e6 / r["cpu_s"], "reports_s": r["reports"] / r["seconds"]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 reports")
    ap.add_argument("--reports", type=int, default=None)
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--profile-reports", type=int, default=300)
    ap.add_argument("--no-front", dest="front", action="store_false",
                    help="skip the runs with the front line (loaded once per process, as the CLI does)")
    ap.add_argument("--throughput-only", action="store_true",
                    help="only the throughput runs (no unique texts, baseline or profile)")
    ap.add_argument("--out", type=Path, default=RESULTS / "extract.json")
    args = ap.parse_args(argv)
    n = args.reports or (1000 if args.quick else 10_000)
    data = os.environ.get("FRONTMAP_DATA")
    if not data:
        sys.exit("set FRONTMAP_DATA to the data folder (geonames/UA.zip ...)")
    gaz = Gazetteer.open(data, progress=False)
    res: dict = {
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count(), "load_avg": os.getloadavg()},
        "date": dt.date.today().isoformat(),
        "reports": n,
    }
    with tempfile.TemporaryDirectory(prefix="fm-extbench-") as tmp:
        paths, size = make_corpus(Path(tmp), n)
        res["corpus_mb"] = size / 1e6
        runs = []
        ref = None
        for jobs in args.jobs:
            t, c = time.perf_counter(), cpu_seconds()
            out = extract_files_parallel(paths, jobs=jobs, gaz=gaz)
            wall, cpu = time.perf_counter() - t, cpu_seconds() - c
            same = None
            if ref is None:
                ref = out
            else:
                same = out.claims == ref.claims and len(out.errors) == len(ref.errors)
            runs.append({"jobs": jobs, "seconds": wall, "mb_s": size / 1e6 / wall,
                         "reports_s": out.reports / wall, "claims": len(out.claims),
                         "errors": len(out.errors), "identical_to_first": same,
                         "cpu_s": cpu, "cpu_mb_s": size / 1e6 / cpu})
        # as `frontmap extract` runs by default when the data folder holds the front line
        ff = front_file(data)
        if ff is not None and args.front:
            for jobs in args.jobs:
                t, c = time.perf_counter(), cpu_seconds()
                out = extract_files_parallel(paths, jobs=jobs, gaz=gaz, front=ff)
                wall, cpu = time.perf_counter() - t, cpu_seconds() - c
                runs.append({"jobs": jobs, "front": True, "seconds": wall, "mb_s": size / 1e6 / wall,
                             "reports_s": out.reports / wall, "claims": len(out.claims),
                             "errors": len(out.errors), "identical_to_first": None,
                             "cpu_s": cpu, "cpu_mb_s": size / 1e6 / cpu})
        res["runs"] = runs
        if not args.throughput_only:
            res["unique"] = unique_texts(data)
            b_s, found = baseline(paths, set(gaz._ix.keys))
            res["baseline"] = {"seconds": b_s, "mb_s": size / 1e6 / b_s, "reports_s": n / b_s,
                               "key_hits": found}
            res["profile"] = profile(paths[: args.profile_reports], gaz)

    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    one = runs[0]
    lines = [f"Corpus: {n} reports, {res['corpus_mb']:.1f} MB; machine load average "
             f"{res['machine']['load_avg'][0]:.1f} on {os.cpu_count()} CPUs.", "",
             "| run | time | MB/s | CPU s | MB/CPU s | reports/s | claims | vs 1 job | vs baseline | target |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    base_mb_s = res["baseline"]["mb_s"] if "baseline" in res else None
    for r in runs:
        same_kind = [q for q in runs if q["jobs"] == 1 and q.get("front") == r.get("front")]
        ref1 = same_kind[0] if same_kind else one
        target = "≥ 2 MB/CPU s " + ("✓" if r["cpu_mb_s"] >= 2 else "✗") if r["jobs"] == 1 else \
            f"≈ {r['jobs']}× ({r['mb_s'] / ref1['mb_s']:.2f}×)"
        same = "" if r["identical_to_first"] is None else (" (identical)" if r["identical_to_first"] else " (DIFFERENT)")
        label = f"frontmap, jobs={r['jobs']}" + (", front line" if r.get("front") else "")
        vs_base = f"1/{base_mb_s / r['mb_s']:.0f}" if base_mb_s else ""
        lines.append(f"| {label} | {r['seconds']:.1f} s | {r['mb_s']:.3f} | {r['cpu_s']:.1f} | "
                     f"{r['cpu_mb_s']:.3f} | {r['reports_s']:.0f} | {r['claims']}{same} | "
                     f"{r['mb_s'] / ref1['mb_s']:.2f}× | {vs_base} | {target} |")
    if args.throughput_only:
        print("\n".join(lines))
        return 0
    u = res["unique"]
    lines.append(f"| the {u['files']} real texts once each, fresh process (no cache has seen them) | "
                 f"{u['seconds']:.1f} s | {u['mb_s']:.3f} | {u['cpu_s']:.1f} | {u['cpu_mb_s']:.3f} | "
                 f"{u['reports_s']:.0f} | {u['claims']} | | | |")
    b = res["baseline"]
    lines.append(f"| baseline: word regex + key set | {b['seconds']:.2f} s | {b['mb_s']:.1f} | | | "
                 f"{b['reports_s']:.0f} | {b['key_hits']} key hits | | 1 | |")
    lines += ["", f"Profile (single process, {min(n, args.profile_reports)} reports, "
              f"{res['profile']['total_s']:.1f} s): share of own time by module", "",
              "| module | share |", "|---|---|"]
    lines += [f"| {k} | {v:.0%} |" for k, v in list(res["profile"]["by_module"].items())[:10]]
    lines += ["", "| top functions (own time) | own s | cum s | calls |", "|---|---|---|---|"]
    lines += [f"| {r['function']} | {r['own_s']:.2f} | {r['cum_s']:.2f} | {r['calls']} |"
              for r in res["profile"]["top_own_time"]]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
