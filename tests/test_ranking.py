"""Ranking candidates: the prepared path equals the plain one, top-k is a prefix, evidence counts."""

from __future__ import annotations

import pytest

from gazetteer.ranking import Anchor, AnchorSet, Weights, confidence, prepare, rank

NAMES = ["Ivanivka", "Novoselivka", "Otradnoe", "Pokrovsk", "Peschanoye", "Mykolaivka"]


def _evidence():
    return dict(
        near=[Anchor(48.5, 37.5, 0.7, 20.0, "a", "report"), Anchor(48.3, 37.2, 1.0, 12.0, "b")],
        regions=["Donetsk Oblast", "Donetska Oblast"],
        near_any=[AnchorSet((48.0, 49.0), (37.0, 37.9), 0.5, 20.0, "'X'")],
        front_km=lambda lat, lon: abs(lat - 48.4) * 111.0,
    )


@pytest.mark.parametrize("name", NAMES)
def test_prepared_and_plain_rankings_agree(gaz, name) -> None:
    cands = gaz.candidates(name, limit=300)
    for weights in (Weights(), Weights(region=0.25)):
        plain = rank(cands, name=name, weights=weights, explain=5, **_evidence())
        ready = rank(prepare(cands, name=name, weights=weights), name=name, weights=weights, explain=5, **_evidence())
        assert plain == ready


@pytest.mark.parametrize("name", NAMES)
def test_top_k_is_the_head_of_the_full_ranking(gaz, name) -> None:
    cands = gaz.candidates(name, limit=300)
    full = rank(cands, name=name, explain=1, **_evidence())
    head = rank(cands, name=name, explain=1, top=3, **_evidence())
    assert head == full[:3]
    assert confidence(head, len(full)) == confidence(full)


def test_a_prepared_list_with_other_weights_is_prepared_again(gaz) -> None:
    # a Prepared made for other weights must not lend its priors to this ranking
    cands = gaz.candidates("Ivanivka", limit=300)
    ready = prepare(cands, name="Ivanivka", weights=Weights(population=0.0))
    assert rank(ready, name="Ivanivka") == rank(cands, name="Ivanivka")


def test_one_of_a_set_of_points_pulls_the_nearest_reading() -> None:
    from gazetteer.model import Candidate, Place

    far = Candidate(Place(1, "Tykhe", 50.31, 37.02, "P", "PPL", "UA"), 1.0)
    near = Candidate(Place(2, "Tykhe", 47.97, 36.37, "P", "PPL", "UA"), 1.0)
    other = AnchorSet((47.91, 48.13), (36.25, 37.20), weight=0.5, label="'Otradnoe'")
    ranked = rank([far, near], near_any=[other])
    assert ranked[0].place.geonameid == 2
    assert any("beside it" in w for w in ranked[0].why)
    assert ranked[0].score - ranked[1].score > 0.25


def test_the_names_written_beside_a_name_add_up_to_a_bounded_pull() -> None:
    """A strike list of thirty villages around one town must not make the town every open name's
    reading: the readings of the names beside it saturate at ``Weights.beside_cap``."""
    from gazetteer.model import Candidate, Place

    town = Candidate(Place(1, "Bilozerka", 46.63, 32.44, "P", "PPL", "UA"), 0.55)
    village = Candidate(Place(2, "Ivanivka", 46.75, 33.02, "P", "PPL", "UA"), 0.95)
    around_town = [AnchorSet((46.63 + k * 0.01, 50.0), (32.44, 30.0), weight=0.5, label=f"'v{k}'") for k in range(30)]
    alone = rank([town], near_any=around_town[:1])[0].score - rank([town])[0].score
    many = rank([town], near_any=around_town)[0].score - rank([town])[0].score
    assert alone < many <= Weights().beside_cap + 1e-9
    # one name beside it still pulls almost as much as before the bound
    assert alone > 0.3
    # twenty-nine villages of the list near the town do not outweigh the village's own name by far
    ranked = rank([town, village], near_any=around_town)
    assert ranked[0].score - ranked[1].score < 0.7


def test_rankings_without_anchors_are_remembered_per_regions_and_front_day(gaz, front) -> None:
    import datetime as dt

    cands = gaz.candidates("Novoselivka", limit=300)
    ready = prepare(cands, name="Novoselivka")
    early, late = front.distance_function(dt.date(2024, 8, 1)), front.distance_function(dt.date(2026, 2, 1))
    first = rank(ready, name="Novoselivka", front_km=late, explain=1, top=3)
    assert rank(ready, name="Novoselivka", front_km=late, explain=1, top=3) == first  # from memory
    # the same ranking, worked out afresh by a function without a cache key
    fresh = rank(cands, name="Novoselivka", front_km=lambda la, lo: late(la, lo), explain=1, top=3)
    assert [(c.place.geonameid, c.score, c.why) for c in fresh] == [(c.place.geonameid, c.score, c.why) for c in first]
    # another day, other regions: not the remembered answer
    other_day = rank(ready, name="Novoselivka", front_km=early, explain=1, top=3)
    assert [c.score for c in other_day] != [c.score for c in first]
    in_kharkiv = rank(ready, name="Novoselivka", regions=["Kharkiv Oblast"], front_km=late, explain=1, top=3)
    assert in_kharkiv[0].place.admin1 == "Kharkiv Oblast"


def test_a_remembered_ranking_is_not_lent_to_another_gazetteers_place() -> None:
    # two gazetteers (say two GeoNames releases) may put one geonameid at different points
    from gazetteer.model import Candidate, Place

    old = [Candidate(Place(1, "Tykhe", 50.31, 37.02, "P", "PPL", "UA"), 1.0),
           Candidate(Place(2, "Tykhe", 47.97, 36.37, "P", "PPL", "UA"), 1.0)]
    new = [Candidate(Place(1, "Tykhe", 47.96, 36.36, "P", "PPL", "UA"), 1.0),
           Candidate(Place(2, "Tykhe", 50.30, 37.01, "P", "PPL", "UA"), 1.0)]
    near = [Anchor(47.95, 36.35, 1.0, 10.0, "x")]
    assert rank(old, name="Tykhe", near=near)[0].place.geonameid == 2
    assert rank(new, name="Tykhe", near=near)[0].place.geonameid == 1


def test_a_village_of_unknown_population_counts_as_a_small_village() -> None:
    """GeoNames gives no population for most villages of Ukraine: unknown is not empty. A village
    of 150 people still outranks one of unknown size, by less than it would an empty place."""
    from gazetteer.model import Candidate, Place

    known = Candidate(Place(1, "Popivka", 50.77, 35.47, "P", "PPL", "UA", population=150), 1.0)
    unknown = Candidate(Place(2, "Popivka", 50.90, 34.80, "P", "PPL", "UA", population=0), 1.0)
    ranked = rank([unknown, known], name="Popivka")
    gap = ranked[0].score - ranked[1].score
    assert ranked[0].place.geonameid == 1
    w = Weights()
    assert gap < w.population * 2.2 - 1e-6  # log10(151) ≈ 2.18 decades: less than the whole prior
    assert any("population unknown" in x for x in rank([unknown], name="Popivka")[0].why)
    empty = rank([unknown, known], name="Popivka", weights=Weights(unknown_population=0.0))
    assert empty[0].score - empty[1].score > gap


def test_a_named_raion_counts_more_than_its_oblast_and_why_says_where_it_was_named() -> None:
    from gazetteer.model import Candidate, Place

    # two Mykhailivkas of one oblast, one of them in the raion the text names as well
    other = Candidate(Place(1, "Mykhailivka", 48.20, 34.90, "P", "PPL", "UA", "Dnipropetrovsk Oblast",
                            "Dnipro Raion", population=800), 1.0)
    inside = Candidate(Place(2, "Mykhailivka", 47.55, 34.55, "P", "PPL", "UA", "Dnipropetrovsk Oblast",
                             "Nikopol Raion"), 1.0)
    oblast_only = rank([other, inside], name="Mykhailivka", regions=["Dnipropetrovsk Oblast"])
    assert oblast_only[0].place.geonameid == 1  # the oblast alone: the larger village
    both = rank([other, inside], name="Mykhailivka", regions=["Dnipropetrovsk Oblast", "Nikopol Raion"],
                regions_named="the scope its paragraph states")
    assert both[0].place.geonameid == 2, both[0].why
    assert round(both[0].score - oblast_only[1].score, 4) == Weights().raion
    assert "in Nikopol Raion (Dnipropetrovsk Oblast), the scope its paragraph states (+0.80, raion +0.30)" in both[0].why
    assert "in Dnipropetrovsk Oblast, the scope its paragraph states (+0.80)" in both[1].why


def test_without_a_front_line_the_front_part_is_remembered_and_empty(gaz) -> None:
    import math

    from gazetteer import ranking

    cands = gaz.candidates("Ivanivka", limit=300)
    ready = prepare(cands, name="Ivanivka")
    ev = _evidence()
    ev.pop("front_km")
    first = rank(ready, name="Ivanivka", explain=3, **ev)
    d, g = ranking._front(ready.static, None, Weights())
    assert ranking._front(ready.static, None, Weights())[0] is d  # remembered with the candidates
    assert all(math.isnan(x) for x in d.tolist()) and not g.any()
    assert rank(ready, name="Ivanivka", explain=3, **ev) == first == rank(cands, name="Ivanivka", explain=3, **ev)
