"""Claims checked against the front line (geo.verify), its summary, chart and command."""

from __future__ import annotations

import csv
import datetime as dt
import json
import lzma
from pathlib import Path

import pytest
import shapely
from shapely.geometry import Point, box, shape
from shapely.ops import unary_union

from geo.extract import mark_contested
from geo.frontline import FrontLine
from geo.model import Action, Claim, Claimant
from geo.verify import check_claims, check_points, held_by_russia, side_of, verify_summary

D = dt.date


def _line() -> FrontLine:
    """Ten days; the occupied box grows east by 0.1 degree a day, and on day 8 falls back."""
    east = {d: 38.0 + 0.1 * d for d in range(1, 11)}
    east[8] = 38.2
    return FrontLine({D(2025, 1, d): box(37.0, 48.0, east[d], 49.0) for d in range(1, 11)})


def _claim(lon: float, day: int | None, *, action=Action.CAPTURED, claimant=Claimant.RU_MOD, **kw) -> Claim:
    return Claim("X", 48.5, lon, action=action, claimant=claimant,
                 report_date=None if day is None else D(2025, 1, day), **kw)


def _one(claim: Claim, fl: FrontLine | None = None) -> Claim:
    return check_claims([claim], fl or _line())[0]


def test_confirmed_later_counts_from_the_claim() -> None:
    c = _one(_claim(38.45, 2))  # first held on day 5 (east edge 38.5)
    assert (c.front_status, c.confirmed_on, c.lag_days) == ("confirmed", D(2025, 1, 5), 3)
    assert c.front_date == D(2025, 1, 2) and c.front_km is not None and c.front_km > 0


def test_confirmed_before_the_claim_is_the_first_day_of_its_run() -> None:
    c = _one(_claim(38.15, 6))  # held from day 2 (east 38.2) on, unbroken to day 6
    assert (c.front_status, c.confirmed_on, c.lag_days) == ("confirmed", D(2025, 1, 2), -4)
    assert c.front_km < 0  # inside the occupied area: negative


def test_a_broken_run_starts_again() -> None:
    # 38.25: held days 3-7, lost on day 8, held again from day 9: a claim of day 9 counts from 9
    c = _one(_claim(38.25, 9))
    assert (c.confirmed_on, c.lag_days) == (D(2025, 1, 9), 0)
    # a claim of day 8 (not held that day): the next held day
    assert _one(_claim(38.25, 8)).confirmed_on == D(2025, 1, 9)


def test_unconfirmed_says_as_of_the_last_day() -> None:
    c = _one(_claim(39.5, 3))
    assert (c.front_status, c.confirmed_on, c.lag_days) == ("unconfirmed", None, None)
    assert "unconfirmed as of 2025-01-10" in c.why[-1]


def test_a_ukrainian_recapture_is_confirmed_when_no_longer_held() -> None:
    c = _one(_claim(38.25, 7, claimant=Claimant.UA_GENERALSTAFF))
    assert (c.front_status, c.confirmed_on, c.lag_days) == ("confirmed", D(2025, 1, 8), 1)
    assert "no longer held by Russia" in c.why[-1]


def test_statuses_the_line_cannot_give() -> None:
    assert _one(_claim(38.45, 2, action=Action.STRUCK)).front_status == "n/a"
    assert _one(_claim(38.45, 2, action=Action.REPELLED)).front_status == "n/a"
    assert _one(_claim(38.45, 2, claimant=Claimant.ISW)).front_status == "n/a"  # no side named
    assert _one(_claim(38.45, None)).front_status == "n/a"  # no date
    assert _one(Claim("Nowhere", action=Action.CAPTURED, claimant=Claimant.RU_MOD)).front_status == "n/a"
    out = _one(_claim(38.45, 20))
    assert out.front_status == "no-line" and "outside its dates" in out.why[-1]
    assert _one(_claim(38.45, 2, country="RU")).front_status == "no-line"
    assert check_claims([_claim(38.45, 2)], None)[0].front_status is None  # no line, no check


def test_an_actor_takes_precedence_over_the_claimant() -> None:
    class WithActor:  # what a Claim with an ``actor`` field looks like to side_of
        actor = "UA"
        claimant = Claimant.RU_MOD

    assert side_of(WithActor()) == "UA"
    assert side_of(_claim(38, 1)) == "RU"


def test_checking_twice_keeps_one_finding_in_why() -> None:
    c = _one(_one(_claim(38.45, 2)))
    assert sum(w.startswith("front line:") for w in c.why) == 1


def test_summary_per_claimant() -> None:
    fl = _line()
    claims = check_claims([_claim(38.45, 2), _claim(38.15, 6), _claim(39.5, 3),
                           _claim(38.45, 2, claimant=Claimant.RU_MILBLOGGER),
                           _claim(38.45, 2, action=Action.STRUCK)], fl)
    table = verify_summary(claims).set_index("claimant")
    mod = table.loc["RU-MoD"]
    assert (mod["claims"], mod["checked"], mod["confirmed"], mod["unconfirmed"], mod["not_applicable"]) == (4, 3, 2, 1, 1)
    assert mod["share_confirmed"] == pytest.approx(2 / 3)
    assert mod["median_lag_days"] == pytest.approx(-0.5)  # lags +3 and -4
    assert "2025-01-03" in mod["unconfirmed_claims"]


def test_contested_within_a_window_of_days() -> None:
    def c(day: int, claimant, action) -> Claim:
        return Claim("P", 48.5, 38.0, geonameid=7, claimant=claimant, action=action,
                     report_date=D(2025, 1, 1) + dt.timedelta(days=day))

    claims = [c(0, Claimant.RU_MOD, Action.CAPTURED), c(10, Claimant.UA_GENERALSTAFF, Action.REPELLED),
              c(40, Claimant.UA_OFFICIAL, Action.FIGHTING)]
    assert [x.contested for x in mark_contested(claims)] == [True, True, False]
    assert [x.contested for x in mark_contested(claims, 5)] == [False, False, False]
    assert [x.contested for x in mark_contested(claims, 40)] == [True, True, True]
    # agreeing claims are not a contest
    same = [c(0, Claimant.RU_MOD, Action.FIGHTING), c(1, Claimant.UA_OFFICIAL, Action.FIGHTING)]
    assert not any(x.contested for x in mark_contested(same))


def test_held_series_vectorised_matches_point_tests() -> None:
    fl = _line()
    lons = [37.5, 38.15, 38.25, 39.5]
    got = held_by_russia(fl, [48.5] * 4, lons)
    want = [[fl.geometry(d).contains(Point(x, 48.5)) for d in fl.dates] for x in lons]
    assert got.tolist() == want


# ------------------------------------------------------------------ labelled real claims


def _labelled_changes_of_hands(shared: Path) -> list[dict]:
    """Labelled captures/entries with a point, a date (the label's, else the report's) and a side."""
    eval_dir = shared / "eval"
    report_day = {}
    for p in (eval_dir / "reports").glob("*.txt"):
        head = p.read_text(encoding="utf-8", errors="replace").split("\n", 1)[0]
        for part in head.split("|"):
            if part.strip().startswith("DATE:"):
                report_day[p.name] = part.split(":", 1)[1].strip()[:10]
    rows = []
    for name in ("labels_short.csv", "labels_more.csv", "labels_isw.csv"):
        with open(eval_dir / name, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                actions = set(r["action"].split("|"))
                if r["role"] != "event" or not r["lat"] or not actions & {"captured", "entered"}:
                    continue
                day = r["date"] or report_day.get(r["file"], "")
                claimant = r["claimant"].split("|")[0]
                # who gained: the claimant's side; DeepState's and ISW's captures are Russian advances
                side = "UA" if claimant.startswith("UA-") else "RU" if (
                    claimant.startswith("RU-") or claimant in ("DeepState", "ISW")) else None
                try:
                    when = D.fromisoformat(day)
                except ValueError:  # "unknown (undated post)" and the like
                    continue
                if side is None:
                    continue
                rows.append({"lat": float(r["lat"]), "lon": float(r["lon"]), "day": when,
                             "side": side, "what": f"{r['file']}: {r['mention']}"})
    return rows


def _by_definition(days: list[dt.date], polys: list, lat: float, lon: float, claim_day: dt.date, side: str):
    """Status and confirmed_on straight from the definition, one point test per day."""
    if claim_day < days[0] or claim_day > days[-1]:
        return "no-line", None
    pt = Point(lon, lat)
    holds = [poly.contains(pt) == (side == "RU") for poly in polys]
    k = max(i for i, d in enumerate(days) if d <= claim_day)
    if holds[k]:
        while k > 0 and holds[k - 1]:
            k -= 1
        return "confirmed", days[k]
    for j in range(k + 1, len(days)):
        if holds[j]:
            return "confirmed", days[j]
    return "unconfirmed", None


@pytest.mark.slow
def test_status_agrees_with_the_definition_on_labelled_claims(shared_dir: Path, data_dir: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    rows = _labelled_changes_of_hands(shared_dir)
    assert len(rows) >= 40
    path = data_dir / "frontline" / "deepstate_history.geojson.xz"
    # independently of geo.frontline: the raw GeoJSON, one union of polygons per date
    feats = json.loads(lzma.decompress(path.read_bytes()))["features"]
    parts: dict[dt.date, list] = {}
    for f in feats:
        if f.get("geometry"):
            parts.setdefault(D.fromisoformat(f["properties"]["date"][:10]), []).append(shape(f["geometry"]))
    days = sorted(parts)
    polys = [unary_union([g if g.is_valid else g.buffer(0) for g in parts[d]]) for d in days]
    for poly in polys:
        shapely.prepare(poly)

    # the labelled claims as made (all Russian advances), and the same places claimed back by
    # Ukraine on the same days: the "no longer held" side of the definition on the real line
    sides = [r["side"] for r in rows] + ["UA" if r["side"] == "RU" else "RU" for r in rows]
    both = rows + rows
    monkeypatch.setenv("FRONTMAP_CACHE", str(tmp_path / "cache"))
    lines = {"parsed": FrontLine.from_file(path, cache=False)}
    FrontLine.from_file(path)  # writes the cache file ...
    lines["cached"] = FrontLine.from_file(path)  # ... this one reads its distinct areas back
    assert all(isinstance(a, bytes) for a in lines["cached"]._areas)
    for how, fl in lines.items():
        got = check_points(fl, [r["lat"] for r in both], [r["lon"] for r in both], [r["day"] for r in both],
                           ["captured"] * len(both), sides, ["UA"] * len(both))
        seen = set()
        for r, side, g in zip(both, sides, got, strict=True):
            status, on = _by_definition(days, polys, r["lat"], r["lon"], r["day"], side)
            assert (g.front_status, g.confirmed_on) == (status, on), (how, side, r["what"])
            if status != "no-line":  # the line's day used: the latest on or before the claim's
                assert g.front_date == max(d for d in days if d <= r["day"]), (how, r["what"])
            if on is not None:
                assert g.lag_days == (on - r["day"]).days
            seen.add((side, status, None if on is None else (on > r["day"]) - (on < r["day"])))
        # the labels exercise every status, confirmation before and after the claim, on both sides
        assert {s for _, s, _ in seen} == {"confirmed", "unconfirmed", "no-line"}, how
        assert {("RU", "confirmed", 1), ("RU", "confirmed", -1), ("UA", "confirmed", 1)} <= seen, (how, seen)


# ------------------------------------------------------------------ files and the command


def test_export_round_trip_and_front_layer(tmp_path: Path) -> None:
    import pyogrio

    from maps.export import write_claims
    from maps.verify import read_claims, verify_chart

    fl = _line()
    claims = check_claims([_claim(38.45, 2), _claim(38.45, 2, action=Action.STRUCK), _claim(39.5, 3)], fl)
    for suffix in (".geojson", ".gpkg", ".csv"):
        back = read_claims(write_claims(claims, tmp_path / f"c{suffix}", front=fl))
        assert [(c.front_status, c.confirmed_on, c.lag_days, c.front_date, c.front_km) for c in back] == [
            (c.front_status, c.confirmed_on, c.lag_days, c.front_date, c.front_km) for c in claims], suffix
    layers = dict(pyogrio.list_layers(tmp_path / "c.gpkg"))
    assert layers["front_line"] == "MultiPolygon"
    line = pyogrio.read_dataframe(tmp_path / "c.gpkg", layer="front_line")
    assert sorted(line["date"].dt.date) == [D(2025, 1, 2), D(2025, 1, 3)]
    png = verify_chart(verify_summary(claims), tmp_path / "v.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_verify_command(tmp_path: Path) -> None:
    from maps.export import write_claims

    fl_path = tmp_path / "line.geojson"
    fl_path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"date": f"2025-01-{d:02d}"},
         "geometry": shapely.geometry.mapping(box(37.0, 48.0, 38.0 + 0.1 * d, 49.0))} for d in range(1, 11)]}))
    write_claims([_claim(38.45, 2), _claim(39.5, 3), _claim(38.45, 2, claimant=Claimant.UA_GENERALSTAFF)],
                 tmp_path / "c.geojson")
    from typer.testing import CliRunner

    from frontmap.cli import app

    run = CliRunner().invoke(app, [
        "verify", str(tmp_path / "c.geojson"), "--front", str(fl_path), "--csv", str(tmp_path / "v.csv"),
        "--chart", str(tmp_path / "v.png"), "-o", str(tmp_path / "out.gpkg")])
    assert run.exit_code == 0, run.output
    assert "RU-MoD" in run.stdout and "50%" in run.stdout and "unconfirmed as of 2025-01-10" in run.stdout
    rows = list(csv.DictReader((tmp_path / "v.csv").open(encoding="utf-8")))
    mod = next(r for r in rows if r["claimant"] == "RU-MoD")
    assert (mod["checked"], mod["confirmed"], mod["median_lag_days"]) == ("2", "1", "3.0")
    assert (tmp_path / "v.png").stat().st_size > 1000 and (tmp_path / "out.gpkg").is_file()


def test_a_run_from_the_lines_first_day_says_at_least_since() -> None:
    c = _one(_claim(37.5, 4))  # inside the box on every day, from the line's first
    assert (c.front_status, c.confirmed_on, c.lag_days) == ("confirmed", D(2025, 1, 1), -3)
    assert c.why[-1].endswith("held by Russia at least since that day (the line's first)")
    assert _one(_claim(38.45, 2)).why[-1].endswith("held by Russia from that day")
