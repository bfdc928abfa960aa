"""Fit the confidence calibration (``geo/data/calibration.csv``) on labelled reports.

For every labelled event settlement of the fitting sets (by default ``short``, ``more`` and ``isw``
of ``../shared/eval``; ``--eval`` may be given more than once) that frontmap places from the
gazetteer with the text's coordinates removed, the ranking's raw confidence, the kind of name match
(:func:`geo.calibration.stratum`: the rule and the number of candidates read back from the claim's
``why``, and the place's distance to the front line on the report's date when the ranking used it)
and whether the place is right (within 3 km of the label). Per kind, the share right in bins of
raw confidence (:data:`BINS`), shrunk towards the bin's raw confidence by a prior of ``--prior``
placements (few placements in a bin should not make it certain), made non-decreasing
(pool-adjacent-violators); each bin's value is written as a breakpoint. The held-out sets check it
(``benchmarks/accuracy.py`` prints the reliability table).

``--cross`` checks the fit out of sample instead of writing it: each set in turn is left out, the
map fitted on the others and applied to it (share right at calibrated confidence >= 0.9, Brier
score), as a set nobody fitted on would see it.

Run:  FRONTMAP_DATA=../shared/data python benchmarks/calibrate.py [--eval DIR ...] [--sets short,more,isw] [--out FILE] [--cross]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from accuracy import _matches, find_report, load_labels, run_claims  # noqa: E402
from frontmap.settings import front_file  # noqa: E402
from gazetteer import Gazetteer  # noqa: E402
from gazetteer.ranking import distances_km  # noqa: E402
from geo.calibration import CALIBRATION_FILE, STRATA, stratum, uncalibrated, value_at  # noqa: E402
from geo.frontline import FrontLine  # noqa: E402
from geo.model import CoordSource  # noqa: E402

_RULE = re.compile(r"^name (\S+) match ")
_RUNNER_UP = re.compile(r"^(\d+) candidates, runner-up ")
_FRONT = re.compile(r"^\d+ km from the front line \(")


def observations(gaz, eval_dir: Path, sets: set[str], front) -> list[tuple[str, float, bool]]:
    """(stratum, raw confidence, right) of each placed labelled event settlement."""
    out = []
    for file, rows in sorted(load_labels(eval_dir).items()):
        if rows[0]["_set"] not in sets:
            continue
        path = find_report(eval_dir, file)
        if path is None:
            continue
        with uncalibrated():
            claims = run_claims(gaz, path, strip=True, front=front)
        for r in rows:
            if r["kind"] != "settlement" or r["role"] != "event" or not r["geonameid"]:
                continue
            placed = [c for c in claims if _matches(r["mention"], c.place) and c.resolved
                      and c.coord_source == CoordSource.GAZETTEER]
            if not placed:
                continue
            best = max(placed, key=lambda c: c.confidence)
            rule = next((m.group(1) for w in best.why if (m := _RULE.match(w))), "fold")
            n = next((int(m.group(1)) for w in best.why if (m := _RUNNER_UP.match(w))), 1)
            # the ranking measured the front line for it (an event place, a line given): the same measure
            fd = (front.distance_km(best.lat, best.lon, best.report_date)
                  if front is not None and any(_FRONT.search(w) for w in best.why) else None)
            d = float(distances_km(float(r["lat"]), float(r["lon"]), [best.lat], [best.lon])[0])
            out.append((stratum(rule, n, fd), float(best.confidence), d <= 3.0))
    return out


#: Raw-confidence bins a stratum's placements are counted in (lower edges; the last bin ends at 1)
BINS = (0.0, 0.45, 0.55, 0.65, 0.75, 0.85, 0.9, 0.95, 0.99)


def fit(obs: list[tuple[str, float, bool]], prior: float) -> list[tuple[str, float, float]]:
    """Per stratum, the share right in each raw-confidence bin, shrunk towards the bin's mean raw
    confidence by ``prior`` placements, then made non-decreasing (pool-adjacent-violators over the
    bins, weighted by their placements and prior), one wrong placement not yet seen added to each bin.

    The ranking's own confidence is what a bin of few placements is shrunk towards: eight of eight
    right at raw 0.5 says "better than the ranking thought", not "certain" — fitted on the labelled
    sets alone, a share right over all placements as the target (and one isotonic step from raw
    0.47 to 0.99) made a weak choice among namesakes 0.95 sure, and on reports nobody tuned for,
    such choices were right far less often. A bin with no placements takes the value of the bin
    below it.
    """
    rows = []
    for s in STRATA:
        sub = [(x, ok) for k, x, ok in obs if k == s]
        if not sub:
            rows += [(s, 0.0, 0.0), (s, 1.0, 1.0)]
            continue
        cells = []  # [first x, shrunk share right, weight]
        for i, lo in enumerate(BINS):
            hi = BINS[i + 1] if i + 1 < len(BINS) else 1.01
            inside = [(x, ok) for x, ok in sub if lo <= x < hi]
            if not inside:
                continue
            n = len(inside)
            raw = sum(x for x, _ in inside) / n
            right = sum(ok for _, ok in inside)
            # ... and one wrong placement not yet seen: a fit on a few hundred is never certain
            cells.append([lo, (right + prior * raw) / (n + prior + 1), n + prior + 1])
        # pool adjacent violators: a higher bin is never less sure
        pooled: list[list[float]] = []
        for c in cells:
            pooled.append(list(c))
            while len(pooled) > 1 and pooled[-2][1] > pooled[-1][1]:
                x0, p0, w0 = pooled[-2]
                _, p1, w1 = pooled.pop()
                pooled[-1] = [x0, (p0 * w0 + p1 * w1) / (w0 + w1), w0 + w1]
        pts: list[tuple[float, float]] = [(0.0, 0.0)]
        for x0, p, _ in pooled:
            if x0 <= pts[-1][0]:
                pts[-1] = (pts[-1][0], max(pts[-1][1], p))
            elif p > pts[-1][1]:
                pts.append((x0, p))
        if pts[-1][0] < 1.0:
            pts.append((1.0, pts[-1][1]))
        rows += [(s, round(x, 4), round(y, 4)) for x, y in pts]
    return rows


def table_of(rows: list[tuple[str, float, float]]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """:func:`fit`'s rows in the form :func:`geo.calibration.load_calibration` gives."""
    return {s: (np.array([x for k, x, _ in rows if k == s]), np.array([y for k, _, y in rows if k == s]))
            for s in dict.fromkeys(k for k, _, _ in rows)}


def cross_check(by_set: dict[str, list[tuple[str, float, bool]]], prior: float) -> int:
    """Leave each set out of the fit in turn, apply the map fitted on the others to it and print
    its share right at calibrated confidence >= 0.9 and its Brier score (then the same over all)."""
    scored: list[tuple[float, bool]] = []
    print("| left out | placed | at >= 0.9 | right at >= 0.9 | Brier |\n|---|---|---|---|---|")
    for name, held in by_set.items():
        table = table_of(fit([o for other, obs in by_set.items() if other != name for o in obs], prior))
        got = [(value_at(table, raw, kind), ok) for kind, raw, ok in held]
        scored += got
        print(_cross_row(name, got))
    print(_cross_row("all", scored))
    return 0


def _cross_row(name: str, got: list[tuple[float, bool]]) -> str:
    high = [ok for p, ok in got if p >= 0.9]
    brier = sum((p - ok) ** 2 for p, ok in got) / len(got) if got else float("nan")
    share = f"{sum(high) / len(high):.4f}" if high else "-"
    return f"| {name} | {len(got)} | {len(high)} | {share} | {brier:.4f} |"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, action="append", default=None,
                    help="eval folder (default: $FRONTMAP_DATA/../eval); may be given more than once")
    ap.add_argument("--sets", default="short,more,isw", help="the label sets fitted on (labels_<set>.csv)")
    ap.add_argument("--prior", type=float, default=4.0)
    ap.add_argument("--out", type=Path, default=CALIBRATION_FILE)
    ap.add_argument("--cross", action="store_true", help="leave each set out of the fit in turn and score it; write nothing")
    args = ap.parse_args(argv)
    eval_dirs = args.eval or [Path(os.environ["FRONTMAP_DATA"]).parent / "eval"]
    gaz = Gazetteer.open(progress=False)
    ff = front_file()
    front = FrontLine.from_file(ff, gaz) if ff is not None else None
    names = args.sets.split(",")
    by_set = {name: [o for eval_dir in eval_dirs for o in observations(gaz, eval_dir, {name}, front)] for name in names}
    if args.cross:
        return cross_check(by_set, args.prior)
    obs = [o for name in names for o in by_set[name]]
    rows = fit(obs, args.prior)
    header = ("# Confidence calibration, fitted by benchmarks/calibrate.py on the sets "
              f"{args.sets} of the labelled reports ({len(obs)} placements; binned, shrunk to the raw confidence by a prior of "
              f"{args.prior:g}, monotone).\n"
              "# stratum: the kind of name match (geo/calibration.py); raw: the ranking's confidence;\n"
              "# calibrated: the share right from this raw confidence up to the next breakpoint.\n")
    args.out.write_text(header + "stratum,raw,calibrated\n" + "".join(f"{s},{x},{y}\n" for s, x, y in rows),
                        encoding="utf-8")
    for s in STRATA:
        sub = [ok for k, _, ok in obs if k == s]
        print(f"{s}: {len(sub)} placements, {sum(sub)} right")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
