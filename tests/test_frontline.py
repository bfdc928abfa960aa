"""The front line by date: reading, the parsed copy in the cache, distances."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from frontmap.errors import FrontlineError
from geo.frontline import FrontLine

DAYS = [dt.date(2025, 11, 20), dt.date(2025, 11, 21)]


def _history(path, shift: float = 0.0):
    feats = [
        {"type": "Feature", "properties": {"date": d.isoformat()},
         "geometry": {"type": "Polygon", "coordinates": [[[37.0 + shift + k * 0.1, 48.0], [38.0, 48.0], [38.0, 49.0],
                                                           [37.0 + shift + k * 0.1, 49.0], [37.0 + shift + k * 0.1, 48.0]]]}}
        for k, d in enumerate(DAYS)
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    return path


def _store(monkeypatch, tmp_path):
    cache = tmp_path / "cache"
    monkeypatch.setenv("FRONTMAP_CACHE", str(cache))
    return cache / "frontline"


def test_the_parsed_copy_gives_the_same_line(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    src = _history(tmp_path / "front.geojson")
    first = FrontLine.from_file(src)
    assert len(list(store.glob("*.npz"))) == 1  # written on first read
    again = FrontLine.from_file(src)
    assert all(isinstance(a, bytes) for a in again._areas)  # read from the copy, decoded on first use
    lats, lons = np.array([48.5, 48.5, 47.0]), np.array([36.5, 37.5, 37.5])
    for day in DAYS:
        assert np.allclose(first.distances_km(lats, lons, day), again.distances_km(lats, lons, day))
        assert first.occupied(48.5, 37.5, day) == again.occupied(48.5, 37.5, day)
    assert again.dates == DAYS and again.source == str(src)


def test_a_changed_file_is_parsed_again(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    src = _history(tmp_path / "front.geojson")
    before = FrontLine.from_file(src).distance_km(48.5, 36.9, DAYS[0])
    _history(src, shift=0.5)  # the line moved: a new digest, a new copy
    after = FrontLine.from_file(src).distance_km(48.5, 36.9, DAYS[0])
    assert after > before + 30  # 0.5 degree of longitude further east
    assert len(list(store.glob("*.npz"))) == 2


def test_a_damaged_copy_is_passed_over_and_rewritten(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    src = _history(tmp_path / "front.geojson")
    want = FrontLine.from_file(src).distance_km(48.5, 36.9, DAYS[1])
    [copy] = store.glob("*.npz")
    copy.write_bytes(b"not an npz file")
    assert FrontLine.from_file(src).distance_km(48.5, 36.9, DAYS[1]) == pytest.approx(want)
    assert copy.read_bytes()[:2] == b"PK"  # rewritten


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("geo.frontline.np.savez", refuse)
    src = _history(tmp_path / "front.geojson")
    assert FrontLine.from_file(src).distance_km(48.5, 36.9, DAYS[0]) > 0
    assert not list(store.glob("*.npz"))


def test_without_cache_nothing_is_written(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    FrontLine.from_file(_history(tmp_path / "front.geojson"), cache=False)
    assert not store.exists()


def test_a_bad_file_names_itself(tmp_path, monkeypatch) -> None:
    _store(monkeypatch, tmp_path)
    bad = tmp_path / "front.geojson"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(FrontlineError, match="front.geojson"):
        FrontLine.from_file(bad)
    with pytest.raises(FrontlineError, match="cannot read"):
        FrontLine.from_file(tmp_path / "missing.geojson")


def test_distances_remembered_match_fresh_ones(front) -> None:
    # the second call answers from the per-date memo: same numbers as a fresh measurement
    day = dt.date(2025, 11, 22)
    lats, lons = np.array([48.28, 47.85, 49.71]), np.array([37.18, 35.12, 37.61])
    once = front.distances_km(lats, lons, day)
    twice = front.distances_km(lats, lons, day)
    assert np.array_equal(once, twice)
    assert [round(front.distance_km(a, b, day), 6) for a, b in zip(lats, lons)] == [round(x, 6) for x in once]


def test_measuring_to_the_front_proper_forgets_earlier_distances(tmp_path, monkeypatch) -> None:
    _store(monkeypatch, tmp_path)
    fl = FrontLine.from_file(_history(tmp_path / "front.geojson"))
    day = DAYS[0]
    before = fl.distances_km([48.5], [36.0], day)[0]
    key_before = fl.distance_function(day).cache_key
    # a held settlement only near the east side: the west edge is no longer "front proper"
    fl.with_settlements(np.array([48.5]), np.array([38.1]), within_km=12.0)
    after = fl.distances_km([48.5], [36.0], day)[0]
    assert after > before + 50
    assert fl.distance_function(day).cache_key != key_before


def _front_proper_files(store):
    return sorted(p.name for p in store.glob("*-front-*.npz"))


def test_each_days_front_proper_is_worked_out_once_for_all_runs(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    src = _history(tmp_path / "front.geojson")
    held_lats, held_lons = np.array([48.5, 48.9]), np.array([36.95, 36.9])
    lats, lons = np.array([48.5, 48.2, 47.0]), np.array([36.5, 37.9, 37.5])
    first = FrontLine.from_file(src).with_settlements(held_lats, held_lons)
    want = [first.distances_km(lats, lons, d) for d in DAYS]
    assert len(_front_proper_files(store)) == 1  # all the days' front proper in one file

    def never(*args, **kwargs):
        raise AssertionError("worked out again")

    # a later run (or another worker of the pool) reads the front proper: same distances
    monkeypatch.setattr(FrontLine, "_work_out_front", never)
    again = FrontLine.from_file(src).with_settlements(held_lats, held_lons)
    for d, w in zip(DAYS, want):
        assert np.array_equal(again.distances_km(lats, lons, d), w)


def test_other_settlements_or_another_file_get_their_own_front_proper(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    src = _history(tmp_path / "front.geojson")
    west = FrontLine.from_file(src).with_settlements(np.array([48.5]), np.array([36.95]))
    east = FrontLine.from_file(src).with_settlements(np.array([48.5]), np.array([38.1]))
    # the west edge is front proper only for a held village west of it
    assert west.distance_km(48.5, 36.9, DAYS[0]) < 10 < 50 < east.distance_km(48.5, 36.9, DAYS[0])
    _history(src, shift=0.5)
    moved = FrontLine.from_file(src).with_settlements(np.array([48.5]), np.array([36.95]))
    assert moved.distance_km(48.5, 36.9, DAYS[0]) > 30
    assert len(_front_proper_files(store)) == 3


def test_a_damaged_front_proper_is_worked_out_again(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    src = _history(tmp_path / "front.geojson")
    held = np.array([48.5]), np.array([36.95])
    want = FrontLine.from_file(src).with_settlements(*held).distance_km(48.5, 36.9, DAYS[0])
    for f in store.glob("*-front-*.npz"):
        f.write_bytes(b"not an npz file")
    assert FrontLine.from_file(src).with_settlements(*held).distance_km(48.5, 36.9, DAYS[0]) == want
    assert all(f.read_bytes()[:2] == b"PK" for f in store.glob("*-front-*.npz"))  # rewritten


def test_without_cache_no_front_proper_is_written(tmp_path, monkeypatch) -> None:
    store = _store(monkeypatch, tmp_path)
    fl = FrontLine.from_file(_history(tmp_path / "front.geojson"), cache=False)
    fl.with_settlements(np.array([48.5]), np.array([36.95])).distance_km(48.5, 36.9, DAYS[0])
    assert not store.exists()


def test_days_with_one_area_share_it_and_the_front_proper_matches_each_day_worked_alone() -> None:
    # three days, two of them with the same area; settlements on both sides of a moving edge
    from shapely.geometry import box

    import shapely

    from geo.frontline import _to_metric_xy

    a, b = box(37.0, 48.0, 38.0, 49.0), box(37.3, 48.0, 38.0, 49.0)
    days = [dt.date(2025, 1, 1), dt.date(2025, 1, 2), dt.date(2025, 1, 3)]
    fl = FrontLine({days[0]: a, days[1]: b, days[2]: b})
    assert len(fl._areas) == 2 and fl.held([48.5], [37.1]).tolist() == [[True, False, False]]
    rng = np.random.default_rng(3)
    lats, lons = rng.uniform(47.8, 49.2, 60), rng.uniform(36.8, 38.3, 60)
    fl.with_settlements(lats, lons, within_km=12.0)
    pieces, ptr, ids = fl._front_proper()
    sx, sy = _to_metric_xy(np.column_stack([lons, lats])).T
    for k, area in enumerate([a, b]):
        # the definition, worked alone: edge points every 500 m (at most) with a settlement outside within 12 km
        m = shapely.transform(area, _to_metric_xy)
        pts = shapely.get_coordinates(shapely.segmentize(m.boundary, 500.0))[:-1]
        outside = ~shapely.contains_xy(m, sx, sy)
        near = np.hypot(pts[:, :1] - sx[outside], pts[:, 1:] - sy[outside]).min(axis=1) <= 12000.0
        want = {(round(x, 3), round(y, 3)) for x, y in pts[near]}
        got = {(round(x, 3), round(y, 3)) for x, y in pieces[ids[ptr[k]:ptr[k + 1]], :2]}
        assert got == want and 0 < len(got) < len(pts)


def test_points_followed_through_the_changes_agree_with_geos_on_every_area(tmp_path, monkeypatch) -> None:
    # areas that grow, shrink, gain a hole and a second polygon, and come back: each distinct
    # area after the first is answered from the one before (the crossing rule on the changed segments)
    from shapely.geometry import Polygon, box, mapping

    import shapely

    _store(monkeypatch, tmp_path)
    shapes = [
        box(37.0, 48.0, 38.0, 49.0),
        box(37.0, 48.0, 38.3, 49.0),
        Polygon([(37.0, 48.0), (38.3, 48.0), (38.3, 49.0), (37.0, 49.0)], [[(37.4, 48.4), (37.6, 48.4), (37.6, 48.6)]]),
        shapely.MultiPolygon([box(37.0, 48.0, 38.3, 49.0), box(38.5, 48.2, 38.9, 48.6)]),
        box(37.0, 48.0, 38.0, 49.0),
    ]
    feats = [{"type": "Feature", "properties": {"date": f"2025-01-0{k + 1}"}, "geometry": mapping(g)}
             for k, g in enumerate(shapes)]
    src = tmp_path / "front.geojson"
    src.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    rng = np.random.default_rng(7)
    lats, lons = rng.uniform(47.9, 49.1, 3000), rng.uniform(36.9, 39.0, 3000)
    want = np.column_stack([shapely.contains_xy(g, lons, lats) for g in shapes])
    first = FrontLine.from_file(src)
    again = FrontLine.from_file(src)  # the changes read back from the cache
    assert len(again._areas) == 4 and again._changed is not None and len(again._changed) == 3  # day 5 is day 1
    for fl in (first, again):
        got = fl.held(lats, lons)
        assert np.array_equal(got, want)
        assert 0 < (got[:, 1:] != got[:, :-1]).sum()
        assert fl.occupied(48.5, 37.55, dt.date(2025, 1, 3)) is False and fl.occupied(48.5, 37.55, dt.date(2025, 1, 4))
        # the distance function of a day says on which side of that day's line a point lies (geo.resolve's cap)
        assert not fl.distance_function(dt.date(2025, 1, 3)).occupied(48.5, 37.55)
        assert fl.distance_function(dt.date(2025, 1, 4)).occupied(48.5, 37.55)


def test_a_distance_is_the_whole_lines_to_the_bit() -> None:
    # measured to the nearest of the line's segments (a tree of them), the distance is the one shapely gives to the
    # whole edge: an area with a hole and two parts, points inside, outside, in the hole and on the edge
    import shapely
    from shapely.geometry import MultiPolygon, Polygon

    from geo.frontline import _to_metric_xy

    area = MultiPolygon([Polygon([(37.0, 48.0), (38.0, 48.1), (38.2, 49.0), (37.1, 49.2)],
                                 [[(37.4, 48.4), (37.6, 48.4), (37.5, 48.6)]]),
                         Polygon([(38.5, 47.0), (39.0, 47.0), (39.0, 47.5)])])
    fl = FrontLine({dt.date(2025, 11, 20): area})
    rng = np.random.default_rng(7)
    lats, lons = np.r_[rng.uniform(46.5, 49.5, 300), 48.0, 48.5], np.r_[rng.uniform(36.5, 39.5, 300), 37.0, 37.5]
    got = fl.distances_km(lats, lons, dt.date(2025, 11, 20))
    edge = shapely.transform(area, _to_metric_xy).boundary
    x, y = _to_metric_xy(np.c_[lons, lats]).T
    assert np.array_equal(got, shapely.distance(shapely.points(x, y), edge) / 1000.0)
