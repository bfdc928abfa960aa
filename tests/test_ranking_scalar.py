"""The scalar ranking of a few candidates equals the numpy one to the bit, on random evidence."""

from __future__ import annotations

import random

import numpy as np
import pytest

from gazetteer import ranking
from gazetteer.model import Candidate, Place
from gazetteer.ranking import Anchor, AnchorSet, Weights, prepare, rank

_CODES = ("PPL", "PPL", "PPL", "PPLA2", "PPLA", "PPLC", "PPLX")
_OBLASTS = ("Donetsk Oblast", "Kharkiv Oblast", "Zaporizhzhia Oblast", "Belgorod Oblast")


def _candidates(rnd: random.Random, n: int) -> list[Candidate]:
    out = []
    for k in range(n):
        # a few shared coordinates and populations, so that ties in score are common
        lat = rnd.choice((48.0, 48.5, round(rnd.uniform(44.0, 52.0), 4)))
        lon = rnd.choice((37.0, 37.5, round(rnd.uniform(30.0, 40.0), 4)))
        pop = rnd.choice((0, 0, 150, 2000, 150_000, rnd.randint(0, 3_000_000)))
        name = rnd.choice(("Ivanivka", "Novoselivka", "Ivanovka"))
        place = Place(1000 + rnd.randint(0, 10_000) * 10 + k, name, lat, lon, "P", rnd.choice(_CODES),
                      rnd.choice(("UA", "UA", "RU")), rnd.choice(_OBLASTS), rnd.choice(("", "Pokrovsk Raion")),
                      population=pop, asciiname=name)
        rule = rnd.choice(("exact", "fold", "ru-uk", "fuzzy"))
        out.append(Candidate(place, rnd.choice((1.0, 0.95, 0.8, round(rnd.uniform(0.6, 0.7), 4))),
                             rnd.choice((name, "Ivanovka", "")), rule, (f"{rule} match",)))
    return out


def _anchor(rnd: random.Random) -> Anchor:
    return Anchor(round(rnd.uniform(46.0, 50.0), 4), round(rnd.uniform(34.0, 39.0), 4),
                  weight=rnd.choice((0.7, 0.35, 3.0, 1.0, 0.6 * 0.15, rnd.uniform(0.0, 2.0))),
                  scale_km=rnd.choice((20.0, 2.0, 3, 12.0, 30.0, 0.0)), label=rnd.choice(("", "a place")),
                  group=rnd.choice(("", "report", "report", "same-name")))


def _set(rnd: random.Random) -> AnchorSet:
    m = rnd.choice((0, 1, 2, 5, 12))
    return AnchorSet(tuple(round(rnd.uniform(46.0, 50.0), 3) for _ in range(m)),
                     tuple(round(rnd.uniform(34.0, 39.0), 3) for _ in range(m)),
                     weight=rnd.choice((0.5, rnd.uniform(0.0, 1.0))), scale_km=rnd.choice((20.0, 5.0)), label="'X'")


class _Front:
    """A front line as ``geo.frontline`` gives it: a distance per point, or for many at once."""

    def __init__(self, many: bool) -> None:
        if many:
            self.many = lambda lats, lons: np.where(np.asarray(lats) > 49.5, np.nan, np.abs(np.asarray(lats) - 48.2) * 111.0)

    def __call__(self, lat: float, lon: float) -> float | None:
        return None if lat > 49.5 else abs(lat - 48.2) * 111.0 - 5.0


@pytest.mark.parametrize("seed", range(6))
def test_scalar_and_numpy_rankings_are_identical(monkeypatch, seed) -> None:
    rnd = random.Random(seed)
    for _ in range(400):
        n = rnd.randint(1, ranking._SCALAR_MAX)
        cands = _candidates(rnd, n)
        weights = rnd.choice((Weights(), Weights(region=0.25), Weights(group_cap=0.5, front_scale_km=7.0),
                                Weights(region=0.6, raion=0.45)))
        # many anchors of one group: numpy sums a single column pairwise from eight on
        near = [_anchor(rnd) for _ in range(rnd.choice((0, 1, 3, 9, 14)))]
        near_any = [_set(rnd) for _ in range(rnd.choice((0, 1, 3, 9)))]
        kwargs = {
            "name": rnd.choice(("Ivanivka", "Ivanovka", None)),
            "near": near,
            "near_any": near_any,
            "regions": rnd.sample((*_OBLASTS, "Pokrovsk Raion"), rnd.randint(0, 2)),
            "front_km": rnd.choice((None, _Front(True), _Front(False))),
            "weights": weights,
            "explain": rnd.choice((1, 12)),
            "top": rnd.choice((None, 3)),
        }
        st = prepare(cands, name=kwargs["name"], weights=weights).static
        regions = {r.casefold() for r in kwargs["regions"]}
        evidence = (near, near_any, regions, kwargs["front_km"], weights)
        # before rounding to 1e-4, which would hide a difference in the last place
        want, _ = ranking._totals_arrays(st, *evidence)
        got, _ = ranking._totals_scalar(st, *evidence)
        assert [repr(t) for t in got] == [repr(t) for t in want.tolist()]
        ranking._STATIC_CACHE.clear()
        ranking._SAME_CANDIDATES.clear()
        scalar = rank(prepare(cands, name=kwargs["name"], weights=weights), **kwargs)
        ranking._STATIC_CACHE.clear()
        ranking._SAME_CANDIDATES.clear()
        monkeypatch.setattr(ranking, "_SCALAR_MAX", 0)
        arrays = rank(prepare(cands, name=kwargs["name"], weights=weights), **kwargs)
        monkeypatch.undo()
        assert [c.score for c in scalar] == [c.score for c in arrays]
        assert repr(scalar) == repr(arrays)  # the bits of every score, and every why


def test_a_remembered_gain_gives_the_same_ranking(gaz) -> None:
    cands = gaz.candidates("Novoselivka", limit=300)[:4]
    near = [Anchor(48.3, 37.2, 0.7, 20.0, "Pokrovsk", "report"), Anchor(48.5, 37.9, 1.0, 12.0, "b")]
    ready = prepare(cands, name="Novoselivka")
    first = rank(ready, name="Novoselivka", near=near, explain=4)
    assert rank(ready, name="Novoselivka", near=near, explain=4) == first


@pytest.mark.parametrize("value", [0.0, -0.0, 1e-9, -1e-9, 0.00005, 0.00015, -0.00005, 1.23456789, 2.5e-4, 1e300,
                                   float("inf"), 123456.78905])
def test_round4_is_numpy_rint(value) -> None:
    want = float(np.rint(np.float64(value) * 1e4) / 1e4)
    got = ranking._round4(value)
    assert repr(got) == repr(want)


@pytest.mark.parametrize("n", [1, 2, 3])
def test_add_up_sums_a_column_as_numpy_does(n) -> None:
    rng = np.random.default_rng(n)
    for m in range(30):
        for _ in range(200):
            gains = rng.random((m, n)) * rng.choice([1.0, 1e-3, 7.0])
            want = gains.sum(axis=0).tolist()
            assert [ranking._add_up(gains[:, i].tolist(), n) for i in range(n)] == want


def test_a_few_candidates_keep_each_remembered_row_once_as_doubles() -> None:
    # a long list ranks thousands of names against dozens of anchors each: a row is kept once
    # (km and gains together, not the km a second time in st.distances), 8 bytes a value
    cands = _candidates(random.Random(7), 5)
    a = Anchor(48.21, 37.43, weight=0.7, scale_km=20.0, label="a place", group="report")
    ready = prepare(cands, name="Ivanivka")
    rank(ready, name="Ivanivka", near=[a])
    st = ready.static
    assert not st.distances
    d, g = st.gains[(a.lat, a.lon, a.weight, a.scale_km)]
    km = ranking._km_row(st, (a.lat,), (a.lon,), False)
    assert list(d) == km.tolist()
    assert list(g) == (a.weight * np.exp2(-km / a.scale_km)).tolist()
    assert d.itemsize == g.itemsize == 8 and len(d) == len(g) == 5
