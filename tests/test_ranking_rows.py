"""The rows of km and gain a candidate list remembers: worked out together or one by one, remembered or
afresh, the ranking is the same to the bit."""

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


def _case(rnd: random.Random) -> tuple[list[Candidate], dict]:
    cands = _candidates(rnd, rnd.choice((1, 2, 3, rnd.randint(1, 20), rnd.randint(1, 80))))
    weights = rnd.choice((Weights(), Weights(region=0.25), Weights(group_cap=0.5, front_scale_km=7.0),
                          Weights(region=0.6, raion=0.45)))
    return cands, {
        "name": rnd.choice(("Ivanivka", "Ivanovka", None)),
        # many anchors of one group: numpy sums a single column pairwise from eight on
        "near": [_anchor(rnd) for _ in range(rnd.choice((0, 1, 3, 9, 14)))],
        "near_any": [_set(rnd) for _ in range(rnd.choice((0, 1, 3, 9)))],
        "regions": rnd.sample((*_OBLASTS, "Pokrovsk Raion"), rnd.randint(0, 2)),
        "front_km": rnd.choice((None, _Front(True), _Front(False))),
        "weights": weights,
        "explain": rnd.choice((1, 12)),
        "top": rnd.choice((None, 3)),
    }


def _forget() -> None:
    ranking._STATIC_CACHE.clear()
    ranking._SAME_CANDIDATES.clear()


@pytest.mark.parametrize("seed", range(4))
def test_remembered_rows_give_the_ranking_worked_out_afresh(seed) -> None:
    rnd = random.Random(seed)
    for _ in range(300):
        cands, kwargs = _case(rnd)
        _forget()
        ready = prepare(cands, name=kwargs["name"], weights=kwargs["weights"])
        first = rank(ready, **kwargs)
        again = rank(ready, **kwargs)  # every row remembered now
        _forget()
        fresh = rank(list(cands), **kwargs)
        assert repr(again) == repr(first) == repr(fresh)  # the bits of every score, and every why


@pytest.mark.parametrize("seed", range(4))
def test_rows_worked_out_together_are_those_worked_out_one_by_one(seed) -> None:
    # the anchors not seen before get their km in one distance call: each row must be the one
    # its anchor gets alone, to the bit
    rnd = random.Random(100 + seed)
    for _ in range(200):
        cands = _candidates(rnd, rnd.choice((1, 2, 5, rnd.randint(1, 80))))
        points = [_anchor(rnd) for _ in range(rnd.randint(1, 12))] + [_set(rnd) for _ in range(rnd.randint(0, 5))]
        rnd.shuffle(points)
        _forget()
        d, g = ranking._rows(prepare(cands).static, points)
        for k, p in enumerate(points):
            _forget()
            d1, g1 = ranking._rows(prepare(cands).static, [p])
            assert d1[0].tobytes() == d[k].tobytes() and g1[0].tobytes() == g[k].tobytes()


def test_an_empty_point_set_is_nowhere() -> None:
    cands = _candidates(random.Random(3), 4)
    d, g = ranking._rows(prepare(cands).static, [AnchorSet((), (), weight=0.5, label="'X'")])
    assert d.shape == g.shape == (1, 4) and not g.any()


def test_a_candidate_list_keeps_each_row_once_and_a_bounded_number_of_them() -> None:
    _forget()
    cands = _candidates(random.Random(7), 5)
    a = Anchor(48.21, 37.43, weight=0.7, scale_km=20.0, label="a place", group="report")
    ready = prepare(cands, name="Ivanivka")
    rank(ready, name="Ivanivka", near=[a, a])
    st = ready.static
    assert list(st.rows) == [(a.lat, a.lon, a.weight, a.scale_km)]
    d, g = st.rows[(a.lat, a.lon, a.weight, a.scale_km)]
    km = ranking._km_to(np.radians([[a.lat]]), np.radians([[a.lon]]), st)[0]
    assert d.tolist() == km.tolist()
    assert g.tolist() == (a.weight * np.exp2(-km / a.scale_km)).tolist()
    many = [Anchor(47.0 + k / 100, 37.0, weight=0.7, label=f"p{k}") for k in range(ranking._ROWS_KEPT + 10)]
    ranked = rank(ready, name="Ivanivka", near=many)
    assert len(st.rows) == ranking._ROWS_KEPT
    assert (a.lat, a.lon, a.weight, a.scale_km) not in st.rows  # the oldest forgotten first
    _forget()
    assert repr(rank(cands, name="Ivanivka", near=many)) == repr(ranked)


def test_ranking_against_ever_new_lists_of_the_same_anchors_keeps_nothing_more() -> None:
    """What a candidate list remembers is keyed by one anchor (or point set), never by a list of
    them: a report ranks a name against ever new lists of the same neighbours as they settle, and
    the memory kept must not grow with the number of lists, only with the anchors (bounded)."""
    import gc
    import itertools
    import tracemalloc

    _forget()
    rnd = random.Random(5)
    cands = _candidates(rnd, 12)
    anchors = [_anchor(rnd) for _ in range(10)]
    sets = [_set(rnd) for _ in range(4)]
    lists = [(list(a), list(b)) for a, b in itertools.product(itertools.permutations(anchors, 4), (sets[:2], sets[2:]))]
    ready = prepare(cands, name="Ivanivka")
    kept = []
    for count in (50, 800):
        for near, near_any in lists[:10]:  # every anchor's row and the regions' masks, once
            rank(ready, name="Ivanivka", near=near, near_any=near_any, regions=["Donetsk Oblast"])
        gc.collect()
        tracemalloc.start()
        for near, near_any in lists[10:10 + count]:
            rank(ready, name="Ivanivka", near=near, near_any=near_any, regions=["Donetsk Oblast"])
        gc.collect()
        kept.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.stop()
    assert kept[-1] < 2000, kept  # 16x the lists, and nothing kept for them


def test_a_remembered_gain_gives_the_same_ranking(gaz) -> None:
    cands = gaz.candidates("Novoselivka", limit=300)[:4]
    near = [Anchor(48.3, 37.2, 0.7, 20.0, "Pokrovsk", "report"), Anchor(48.5, 37.9, 1.0, 12.0, "b")]
    ready = prepare(cands, name="Novoselivka")
    first = rank(ready, name="Novoselivka", near=near, explain=4)
    assert rank(ready, name="Novoselivka", near=near, explain=4) == first
