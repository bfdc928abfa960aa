"""Accuracy of frontmap on labelled real reports (``../shared/eval``), against a naive baseline.

For the labels of kind ``settlement`` and role ``event`` that carry a geonameid, the share that
frontmap places within 2 km and 3 km of the label, from the text as it is and from the text with
every coordinate deleted first; the share of output features that are not places at all (their
mention matches no labelled place of any kind); and, for the same event labels, how often the
claim's action, claimant and date match. The naive baseline places each labelled mention on the
first exact-name match in the gazetteer (dump order).

Run:  FRONTMAP_DATA=../shared/data python benchmarks/accuracy.py [--eval DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gazetteer import Gazetteer  # noqa: E402
from gazetteer.names import fold  # noqa: E402
from gazetteer.ranking import distances_km  # noqa: E402
from geo.coordinates import remove_coordinates  # noqa: E402
from frontmap.settings import front_file  # noqa: E402
from geo.extract import extract_report, mark_contested  # noqa: E402
from geo.frontline import FrontLine  # noqa: E402
from geo.reports import read_reports  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


GROUPS = Path(__file__).resolve().parent / "eval" / "groups.tsv"


def load_labels(eval_dir: Path) -> dict[str, list[dict]]:
    """Every ``labels_*.csv`` of the eval folder, by report file; a row's set is the file's stem
    without ``labels_`` (short, more, isw, or a further set such as extra)."""
    by_file: dict[str, list[dict]] = defaultdict(list)
    for p in sorted(eval_dir.glob("labels_*.csv")):
        with p.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                row["_set"] = p.stem.removeprefix("labels_")
                by_file[row["file"]].append(row)
    return by_file


def load_groups(path: Path = GROUPS) -> list[tuple[str, str, str]]:
    """(prefix, language, genre) rows of ``benchmarks/eval/groups.tsv``, longest prefix first."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("prefix\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 3 or not all(parts[:3]):
            raise ValueError(f"{path}:{n}: expected prefix, language, genre: {line!r}")
        rows.append((parts[0], parts[1], parts[2]))
    return sorted(rows, key=lambda r: -len(r[0]))


def group_of(file: str, groups: list[tuple[str, str, str]]) -> str:
    """``language/genre`` of a report file (``?/?`` when no prefix matches)."""
    for prefix, lang, genre in groups:
        if file.startswith(prefix):
            return f"{lang}/{genre}"
    return "?/?"


def accepted(label: str) -> set[str]:
    """A label field's accepted readings: ``entered|captured`` accepts either."""
    return {v.strip() for v in label.split("|") if v.strip()}


def find_report(eval_dir: Path, file: str) -> Path | None:
    for p in (eval_dir / "reports" / file, eval_dir.parent / "seeds" / file, eval_dir / file):
        if p.exists():
            return p
    return None


def _norm(s: str) -> str:
    return fold(s).replace(" ", "")


_KIND = re.compile(r"\s+(?:river|lake|reservoir)$", re.IGNORECASE)


def _parts(s: str) -> set[str]:
    return {_norm(_KIND.sub("", p.strip())) for p in re.split(r"[()/]", s) if _norm(p)}


def _matches(mention: str, place: str) -> bool:
    """The output's place is the labelled mention (or one half of a pair written "A (B)", "A/B")."""
    a, b = _norm(mention), _norm(place)
    return bool(a) and (a == b or a in _parts(place) or b in _parts(mention))


def run_claims(gaz: Gazetteer, path: Path, *, strip: bool, front=None):
    claims = []
    for rep in read_reports(path):
        if strip:
            rep = replace(rep, text=remove_coordinates(rep.text))
        fk = front.distance_function(rep.date) if front is not None else None
        claims.extend(extract_report(rep, gaz, front_km=fk))
    return mark_contested(claims)


def baseline_point(gaz: Gazetteer, mention: str):
    cands = [c for c in gaz.candidates(mention, fuzzy=False) if c.rule in ("exact", "fold")]
    if not cands:
        return None
    first = min(cands, key=lambda c: c.place.geonameid)
    return first.place.lat, first.place.lon


def score(gaz: Gazetteer, eval_dir: Path, front=None) -> dict:
    labels = load_labels(eval_dir)
    groups = load_groups()
    sets: dict[str, dict] = {}
    by_group: dict[str, dict] = {}
    reliability: list[tuple[float, bool, str]] = []  # (confidence, within 3 km, set) of placed event labels
    detail = []
    for file, rows in sorted(labels.items()):
        path = find_report(eval_dir, file)
        if path is None:
            print(f"warning: no report file for {file}", file=sys.stderr)
            continue
        runs = {
            "kept": run_claims(gaz, path, strip=False, front=front),
            "stripped": run_claims(gaz, path, strip=True, front=front),
            "nofront": run_claims(gaz, path, strip=True),
        }
        label_mentions = [r["mention"] for r in rows]
        st = sets.setdefault(rows[0]["_set"], defaultdict(int))
        for mode, claims in runs.items():
            st[f"features_{mode}"] += len(claims)
            for c in claims:
                if rows[0]["_set"] == "isw" and (
                    c.feature_code.startswith(("ADM", "PCL")) or c.precision == 3 or _KIND.search(c.place)
                ):
                    continue  # the ISW labels cover its settlements only; regions and rivers are places
                if not any(_matches(m, c.place) for m in label_mentions):
                    st[f"nonplace_{mode}"] += 1
                    # a region, raion or hromada (GeoNames class A) or a direction the labeller did not list: a
                    # place all the same, of a kind the labels leave out; counted apart so the share of outputs that
                    # are no place at all can be read beside the share of outputs the labels do not name
                    if c.feature_code.startswith(("ADM", "PCL")) or c.role == "direction":
                        st[f"unlisted_region_{mode}"] += 1
                    if mode == "kept":
                        detail.append({"file": file, "nonplace": c.place})  # no quote: report text stays out of the repo
        for r in rows:
            if r["kind"] != "settlement" or r["role"] != "event" or not r["geonameid"]:
                continue
            lat, lon = float(r["lat"]), float(r["lon"])
            st["events"] += 1
            gname = f"{group_of(file, groups)}" if r["_set"] != "isw" else "en/isw-full"
            gs = by_group.setdefault(gname, defaultdict(int))
            gs["events"] += 1
            for mode, claims in runs.items():
                mine = [c for c in claims if _matches(r["mention"], c.place)]
                placed = [c for c in mine if c.resolved]
                # a derived point ("west of Zakotnoye") is meant to lie off the village: what is
                # scored is the place the mention was resolved to, the anchor
                pts = [
                    (gaz.place(c.geonameid).lat, gaz.place(c.geonameid).lon)
                    if c.coord_source == "derived" and c.geonameid is not None else (c.lat, c.lon)
                    for c in placed
                ]
                d = min((float(distances_km(lat, lon, [p[0]], [p[1]])[0]) for p in pts), default=float("inf"))
                st[f"within2_{mode}"] += d <= 2.0
                st[f"within3_{mode}"] += d <= 3.0
                st[f"found_{mode}"] += bool(mine)
                if mode == "stripped":
                    gs["within3_stripped"] += d <= 3.0
                    if placed:
                        best = max(placed, key=lambda c: c.confidence)
                        reliability.append((best.confidence, d <= 3.0, r["_set"]))
                if mode == "stripped" and d > 3.0:
                    detail.append(
                        {
                            "file": file,
                            "miss": r["mention"],
                            "label": r["gaz_name"],
                            "got": [(c.name, c.admin1, round(c.confidence, 2)) for c in mine][:3],
                            "km": None if d == float("inf") else round(d, 1),
                        }
                    )
                if mode == "kept":
                    events = [c for c in mine if c.role == "event"] or mine
                    got = {
                        "action": {str(c.action) for c in events},
                        "claimant": {str(c.claimant) for c in events if c.claimant is not None},
                        "date": {c.date.isoformat() for c in events if c.date is not None},
                    }
                    for field, values in got.items():
                        if r[field]:
                            ok = bool(values & accepted(r[field]))
                            for acc in (st, gs):
                                acc[f"{field}_n"] += 1
                                acc[f"{field}_ok"] += ok
                            if not ok:
                                detail.append({"file": file, "field": field, "mention": r["mention"],
                                               "label": r[field], "got": sorted(values)})
            bp = baseline_point(gaz, r["mention"])
            if bp is not None:
                bd = float(distances_km(lat, lon, [bp[0]], [bp[1]])[0])
                st["baseline_within3"] += bd <= 3.0
                st["baseline_within2"] += bd <= 2.0
        # speaker/venue leaks: labelled role=other places that come out as events, drawn on the place (a
        # derived point, "gains southwest of Bakhmut", is drawn off it: the place stays its reference point)
        others = {_norm(r["mention"]) for r in rows if r["role"] == "other"}
        events_l = {_norm(r["mention"]) for r in rows if r["role"] == "event"}
        for c in runs["kept"]:
            k = _norm(c.place)
            if c.role == "event" and c.resolved and c.coord_source != "derived" and k in others and k not in events_l:
                st["leaks"] += 1
                detail.append({"file": file, "leak": c.place, "action": str(c.action), "why": c.why[-2:]})
    # the short texts together (every set but the full ISW report): the headline reading figures
    allshort: dict = defaultdict(int)
    for name, st in sets.items():
        if name != "isw":
            for k, v in st.items():
                allshort[k] += v
    if len([n for n in sets if n != "isw"]) > 1:
        sets["all-short"] = allshort
    summary = {}
    for name, st in sets.items():
        n = st["events"] or 1
        summary[name] = {
            "event_settlements": st["events"],
            "within3_kept": round(st["within3_kept"] / n, 4),
            "within3_stripped": round(st["within3_stripped"] / n, 4),
            "within2_kept": round(st["within2_kept"] / n, 4),
            "within2_stripped": round(st["within2_stripped"] / n, 4),
            "within3_stripped_nofront": round(st["within3_nofront"] / n, 4),
            "baseline_within3": round(st["baseline_within3"] / n, 4),
            "baseline_within2": round(st["baseline_within2"] / n, 4),
            "features_kept": st["features_kept"],
            "nonplace_share_kept": round(st["nonplace_kept"] / max(1, st["features_kept"]), 4),
            "nonplace_share_stripped": round(st["nonplace_stripped"] / max(1, st["features_stripped"]), 4),
            # of those, the outputs that are not regions or directions either (settlements and names of no place)
            "nonplace_share_stripped_no_regions": round(
                (st["nonplace_stripped"] - st["unlisted_region_stripped"]) / max(1, st["features_stripped"]), 4),
            "action_match": round(st["action_ok"] / st["action_n"], 4) if st["action_n"] else None,
            "claimant_match": round(st["claimant_ok"] / st["claimant_n"], 4) if st["claimant_n"] else None,
            "date_match": round(st["date_ok"] / st["date_n"], 4) if st["date_n"] else None,
            "speaker_leaks": st["leaks"],
        }
    # the labelled short texts together (older + newer sets): the headline of the reading figures
    groups_summary = {}
    for name, g in sorted(by_group.items()):
        n = g["events"] or 1
        groups_summary[name] = {
            "event_settlements": g["events"],
            "within3_stripped": round(g["within3_stripped"] / n, 4),
            **{f"{f}_match": round(g[f"{f}_ok"] / g[f"{f}_n"], 4) if g[f"{f}_n"] else None
               for f in ("action", "claimant", "date")},
        }
    bins = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 0.98), (0.98, 1.01)]

    def reliability_table(obs: list[tuple[float, bool, str]]) -> dict:
        table = []
        for lo, hi in bins:
            inside = [ok for c, ok, _ in obs if lo <= c < hi]
            table.append({"confidence": f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}",
                          "placed": len(inside),
                          "right": round(sum(inside) / len(inside), 4) if inside else None})
        high = [ok for c, ok, _ in obs if c >= 0.9]
        return {"bins": table, "right_at_0_9": round(sum(high) / len(high), 4) if high else None,
                "placed_at_0_9": len(high)}

    rel = reliability_table(reliability)
    rel["by_set"] = {name: reliability_table([o for o in reliability if o[2] == name])
                     for name in sorted({o[2] for o in reliability})}
    return {"summary": summary, "groups": groups_summary, "reliability": rel, "detail": detail}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=None, help="eval folder (default: $FRONTMAP_DATA/../eval)")
    ap.add_argument("--out", type=Path, default=RESULTS / "accuracy.json")
    ap.add_argument("--detail", action="store_true", help="print misses and non-places")
    ap.add_argument("--figures-only", action="store_true",
                    help="write no per-mention detail (quotes) to --out: for sets whose text stays out of the repo")
    ap.add_argument("--no-front", action="store_true", help="do not use the front line of the data folder")
    args = ap.parse_args(argv)
    if args.eval is None and not os.environ.get("FRONTMAP_DATA"):
        ap.error("set FRONTMAP_DATA (the data folder beside eval/) or give --eval DIR")
    eval_dir = args.eval or Path(os.environ["FRONTMAP_DATA"]).parent / "eval"
    t = time.perf_counter()
    gaz = Gazetteer.open(progress=False)
    front = None
    ff = front_file()
    if ff is not None and not args.no_front:
        front = FrontLine.from_file(ff, gaz)
    elif not args.no_front:
        # the figures without a front line are a different measure (within3_stripped_nofront): never silently
        print("warning: no front-line file (FRONTMAP_DATA unset or without frontline/): scoring without the front "
              "line; set FRONTMAP_DATA or pass --no-front to say so", file=sys.stderr)
    res = score(gaz, eval_dir, front)
    res["front"] = str(ff) if front is not None else None
    res["seconds"] = round(time.perf_counter() - t, 2)
    res["date"] = dt.date.today().isoformat()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    kept = {k: v for k, v in res.items() if k != "detail"} if args.figures_only else res
    args.out.write_text(json.dumps(kept, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    cols = ["event_settlements", "within3_kept", "within3_stripped", "within3_stripped_nofront", "baseline_within3", "within2_stripped",
            "nonplace_share_kept", "action_match", "claimant_match", "date_match", "speaker_leaks"]
    print("| set | " + " | ".join(cols) + " |")
    print("|---" * (len(cols) + 1) + "|")
    for name, s in res["summary"].items():
        print(f"| {name} | " + " | ".join(str(s[c]) for c in cols) + " |")
    gcols = ["event_settlements", "within3_stripped", "action_match", "claimant_match", "date_match"]
    print("\n| group (language/genre) | " + " | ".join(gcols) + " |")
    print("|---" * (len(gcols) + 1) + "|")
    for name, g in res["groups"].items():
        print(f"| {name} | " + " | ".join(str(g[c]) for c in gcols) + " |")
    rel = res["reliability"]
    print("\n| confidence | placed | share right (within 3 km) |\n|---|---|---|")
    for b in rel["bins"]:
        print(f"| {b['confidence']} | {b['placed']} | {b['right']} |")
    print(f"at confidence >= 0.9: {rel['right_at_0_9']} right of {rel['placed_at_0_9']}")
    for name, t in rel["by_set"].items():
        print(f"  {name}: " + ", ".join(f"{b['confidence']} {b['placed']}/{b['right']}" for b in t["bins"])
              + f"; at >= 0.9: {t['right_at_0_9']} right of {t['placed_at_0_9']}")
    if args.detail:
        for d in res["detail"]:
            print(d)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
