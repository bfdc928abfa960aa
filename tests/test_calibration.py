"""Calibrated confidence: the table's checks, the map, and its use in resolution."""

from __future__ import annotations

import datetime as dt

import pytest

from frontmap.errors import CalibrationError
from geo.calibration import STRATA, calibrated, load_calibration, stratum, uncalibrated
from geo.extract import extract_text

HEADER = "stratum,raw,calibrated\n"
GOOD = "".join(f"{s},0,0\n{s},0.5,0.7\n" for s in STRATA)


def test_the_packaged_table_is_monotone_and_covers_every_stratum():
    table = load_calibration()
    assert set(table) == set(STRATA)
    for xs, ys in table.values():
        assert list(xs) == sorted(xs) and list(ys) == sorted(ys)
        assert 0 <= ys.min() and ys.max() <= 1


def test_a_step_function_of_raw_confidence():
    for s in STRATA:
        values = [calibrated(x / 100, s) for x in range(0, 101)]
        assert values == sorted(values)


def test_the_kind_of_match():
    assert stratum("exact", 1) == "unique"
    assert stratum("fold", 12) == "spelling"
    assert stratum("ru-uk", 12) == stratum("renamed", 3) == stratum("fuzzy", 2) == "converted"


def test_a_namesake_chosen_far_behind_the_front_has_its_own_stratum():
    from geo.calibration import FAR_KM

    assert stratum("exact", 30, front_km=FAR_KM + 17) == "spelling-far"
    assert stratum("ru-uk", 5, front_km=FAR_KM + 1) == "converted-far"
    assert stratum("exact", 30, front_km=FAR_KM - 1) == stratum("exact", 30) == "spelling"
    assert stratum("exact", 1, front_km=FAR_KM + 300) == "unique"  # no namesake to mistake it for


def test_a_placement_far_from_the_front_is_calibrated_by_the_far_stratum(gaz):
    """The same sentence, the same ranking margin: a front line far from every candidate puts the
    chosen namesake in the far stratum, whose table is the one applied."""
    from geo.calibration import FAR_KM

    text = "Russian forces captured Solodke in Donetsk Oblast after heavy fighting."
    near_front = lambda lat, lon: 2.0  # noqa: E731
    far_front = lambda lat, lon: FAR_KM + 40.0  # noqa: E731
    for fk, kind in ((near_front, "spelling"), (far_front, "spelling-far")):
        with uncalibrated():
            raw = [c for c in extract_text(text, gaz, front_km=fk) if c.place == "Solodke"][0]
        got = [c for c in extract_text(text, gaz, front_km=fk) if c.place == "Solodke"][0]
        assert raw.resolved and got.resolved
        assert got.confidence == round(calibrated(raw.confidence, kind), 3)  # a claim keeps 3 decimals
    assert calibrated(0.987, "spelling-far") != calibrated(0.987, "spelling")  # the two tables differ here


def test_uncalibrated_gives_the_raw_confidence_back():
    with uncalibrated():
        assert calibrated(0.93, "converted") == 0.93
    assert calibrated(1.0, "unique") < 1.0  # a fit on a few hundred placements is never certain


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("spelling,0,0\n", "no rows for"),
        ("bogus,0,0\n" + GOOD, ":2: unknown stratum 'bogus'"),
        ("spelling,0,0\nspelling,x,1\n", ":3: raw and calibrated must be numbers"),
        ("spelling,0,0\nspelling,1.5,1\n", ":3: values must lie in"),
        ("spelling,0.5,0.5\nspelling,0.6,0.4\n", ":3: raw must increase and calibrated must not decrease"),
        ("spelling,0.5\n", ":2: expected 3 fields"),
    ],
)
def test_bad_tables_are_named_by_file_and_line(tmp_path, body, message):
    p = tmp_path / "calibration.csv"
    p.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(CalibrationError, match=message) as err:
        load_calibration(p)
    assert str(p) in str(err.value) and isinstance(err.value, ValueError)


def test_a_place_far_from_the_front_and_from_every_other_place_is_not_trusted():
    from gazetteer.model import Place
    from geo.resolve import FAR_FROM_FRONT_KM, _far_from_all

    toretsk = Place(1, "Toretsk", 48.40, 37.85, "P", "PPL", "UA", "Donetska Oblast")
    pokrovsk = Place(2, "Pokrovsk", 48.28, 37.18, "P", "PPL", "UA", "Donetska Oblast")
    moscow_oblast = Place(3, "Krasnogorsk", 55.82, 37.33, "P", "PPL", "RU", "")

    def front_km(lat, lon):  # the front runs along 48.3 N here
        return abs(lat - 48.3) * 111.0

    settled = {"a": toretsk, "b": pokrovsk, "c": moscow_oblast}
    events = dict.fromkeys(settled, True)
    lone = _far_from_all(settled, events, front_km)
    assert list(lone) == ["c"] and "not trusted" in lone["c"]
    # a speaker or venue is no event; nor is a place alone in its report; nor without a front line
    assert _far_from_all(settled, {**events, "c": False}, front_km) == {}
    assert _far_from_all({"c": moscow_oblast}, {"c": True}, front_km) == {}
    assert _far_from_all(settled, events, None) == {}
    # two far places close together (strikes on one Russian region) vouch for each other
    near_it = Place(4, "Odintsovo", 55.68, 37.28, "P", "PPL", "RU", "")
    assert _far_from_all({**settled, "d": near_it}, dict.fromkeys("abcd", True), front_km) == {}
    assert FAR_FROM_FRONT_KM >= 200


def test_a_lone_place_is_measured_once_per_place_not_per_group(monkeypatch):
    """A report naming the same places in thousands of groups measures each place once against the
    others (it was every group against every other: quadratic in the names of a report)."""
    import geo.resolve as R
    from gazetteer.model import Place

    places = [Place(1, "Toretsk", 48.40, 37.85, "P", "PPL", "UA", "Donetska Oblast"),
              Place(2, "Pokrovsk", 48.28, 37.18, "P", "PPL", "UA", "Donetska Oblast"),
              Place(3, "Krasnogorsk", 55.82, 37.33, "P", "PPL", "RU", ""),
              Place(5, "Kazan", 55.79, 49.12, "P", "PPL", "RU", "")]
    measured = []
    real = R.distances_km

    def counting(lat, lon, lats, lons):
        measured.append(len(lats))
        return real(lat, lon, lats, lons)

    monkeypatch.setattr(R, "distances_km", counting)

    def front_km(lat, lon):
        return abs(lat - 48.3) * 111.0

    work = []
    for groups in (400, 800):
        measured.clear()
        settled = {f"g{i}": places[i % len(places)] for i in range(groups)}
        lone = R._far_from_all(settled, dict.fromkeys(settled, True), front_km)
        # Krasnogorsk and Kazan are far from the front and 700 km apart: each of their groups is flagged
        assert set(lone) == {gk for gk, p in settled.items() if p.geonameid in (3, 5)}
        assert all("not trusted" in why for why in lone.values())
        work.append(sum(measured))
    assert work[0] == work[1] <= len(places) ** 2


def _ranked(second_admin1: str, margin: float):
    from gazetteer.model import Candidate, Place

    best = Place(1, "Hryhorivka", 48.16, 37.23, "P", "PPL", "UA", "Donetska Oblast")
    other = Place(2, "Hryhorivka", 48.80, 38.10, "P", "PPL", "UA", second_admin1)
    return [Candidate(best, 3.2, "Hryhorivka", "exact", ("name exact match 'Hryhorivka' (1.00)",)),
            Candidate(other, 3.2 - margin, "Hryhorivka", "exact", ("name exact match 'Hryhorivka' (1.00)",))]


@pytest.mark.parametrize(("second_admin1", "margin", "capped"), [
    ("Donetska Oblast", 0.40, True),  # a runner-up of the same oblast close behind: a near tie
    ("Donetska Oblast", 0.60, False),  # a clear margin
    ("Kharkiv Oblast", 0.40, False),  # another oblast: the oblast tells them apart
])
def test_a_near_tie_between_namesakes_of_one_oblast_is_held_below_the_sure_bar(second_admin1, margin, capped):
    """The same raw confidence (0.99, a spelling match: calibrated 0.98 or so) gives less than 0.9 when the
    runner-up lies in the best's oblast less than NEAR_TIE_MARGIN behind, and says why."""
    from geo.calibration import NEAR_TIE_CAP, NEAR_TIE_MARGIN, near_tie_cap
    from geo.model import Mention
    from geo.resolve import _finish

    m = Mention("Hryhorivka", 0, 10, trigger="gazetteer")
    r = _finish(m, _ranked(second_admin1, margin), 0.99, 46)
    assert calibrated(0.99, "spelling") >= 0.9
    if capped:
        assert r.confidence == NEAR_TIE_CAP < 0.9 and margin < NEAR_TIE_MARGIN
        assert any("near tie with a namesake of the same oblast" in w for w in r.why), r.why
    else:
        assert r.confidence == round(calibrated(0.99, "spelling"), 4)
        assert not any("near tie" in w for w in r.why)
    with uncalibrated():  # fitting the map afresh reads the raw confidence, uncapped
        assert near_tie_cap(True, 0.1) == 1.0


@pytest.mark.parametrize(("best_km", "best_held", "runner_up_km", "capped"), [
    (25.0, True, 3.0, True),  # a city deep inside the held area, its namesake village at the front line
    (25.0, False, 3.0, False),  # a city on the other side of the line: struck as often as fought near
    (25.0, True, 40.0, False),  # both far from the line: the front says nothing between them
    (12.0, True, 3.0, False),  # the best near the line too
])
def test_a_namesake_chosen_deep_inside_the_held_area_against_one_at_the_front_is_held_below_the_sure_bar(
        best_km, best_held, runner_up_km, capped):
    """An event place over FAR_KM inside the held area, chosen over a runner-up at the front line, gets less than 0.9
    however wide the margin, and says why; uncalibrated (fitting the map afresh) it is not capped."""
    from geo.calibration import FAR_KM, NEAR_TIE_CAP, front_runner_up_cap
    from geo.model import Mention
    from geo.resolve import _finish

    ranked = _ranked("Luhanska Oblast", 2.0)  # another oblast, far behind: no near tie
    best, other = ranked[0].place, ranked[1].place

    def front_km(lat, lon):
        return best_km if (lat, lon) == (best.lat, best.lon) else runner_up_km

    front_km.occupied = lambda lat, lon: best_held if (lat, lon) == (best.lat, best.lon) else False

    m = Mention("Makiivka", 0, 8, trigger="gazetteer")
    r = _finish(m, ranked, 0.999, 9, front_km)
    if capped:
        assert best_km > FAR_KM >= runner_up_km and best_held
        assert r.confidence == NEAR_TIE_CAP < 0.9
        assert any("inside the held area while the runner-up lies at the front line" in w for w in r.why), r.why
    else:
        assert r.confidence == round(calibrated(0.999, stratum("exact", 9, best_km)), 4)  # its stratum's value
        assert not any("runner-up lies at the front line" in w for w in r.why)
    with uncalibrated():
        assert front_runner_up_cap(best_km, lambda: best_held, runner_up_km) == 1.0
    assert front_runner_up_cap(None, lambda: True, 3.0) == front_runner_up_cap(25.0, lambda: True, None) == 1.0


def test_the_held_side_is_asked_only_when_the_distances_qualify() -> None:
    """Following a point through the line's areas costs more than both distances: it is asked last."""
    from geo.calibration import NEAR_TIE_CAP, front_runner_up_cap
    asked: list[bool] = []

    def held() -> bool:
        asked.append(True)
        return True

    assert front_runner_up_cap(12.0, held, 3.0) == front_runner_up_cap(25.0, held, 40.0) == 1.0
    assert not asked
    assert front_runner_up_cap(25.0, held, 3.0) == NEAR_TIE_CAP and asked == [True]
