"""Mangled names: a look-alike only within the report's area, never across the country."""

from __future__ import annotations

import datetime as dt

from geo.area_fuzzy import AREA_CUTOFF, STEM_MIN, area_match, lookalike, lookalikes
from geo.extract import extract_text


def _town(gaz, name, admin1):
    return next(c.place for c in gaz.candidates(name) if c.place.admin1 == admin1)


def test_a_look_alike_near_the_reports_places(gaz):
    vovchansk = _town(gaz, "Vovchansk", "Kharkiv Oblast")
    hit = area_match("Pletnevka", gaz, [vovchansk])  # Pletenivka, 5 km from Vovchansk
    assert hit is not None and hit.place.name == "Pletenivka" and hit.km < 10 and hit.ratio >= 85


def test_no_look_alike_outside_the_area(gaz):
    # the same mangled name, in a report about Zaporizhzhia oblast: no Pletenivka there
    orikhiv = _town(gaz, "Orikhiv", "Zaporizhzhya Oblast")
    assert area_match("Pletnevka", gaz, [orikhiv]) is None
    assert area_match("Pletnevka", gaz, []) is None


def test_the_look_alike_is_placed_with_its_match_and_distance_in_why(gaz):
    # "Veselein" (Vesele and "in" run together): the country-wide look-alikes are far and unsure;
    # in the report's area, by Dniproenerhiia, lies Vesele
    text = ("Russian troops captured Kostiantynopil and Rozlyv near Dniproenerhiya, "
            "and entered the village of Veselein.")
    c = {c.place: c for c in extract_text(text, gaz, date=dt.date(2025, 6, 25))}["Veselein"]
    assert c.resolved and c.name == "Vesele" and c.admin1 == "Donetska Oblast", c.why
    # found by the area's look-alikes, or (its namesakes of unknown size no longer outweighing it) by the
    # ranking's own fuzzy match pulled there by Dniproenerhiya: either way the match and the distance are in why
    assert (any("fuzzy in the report's area" in w and "km from Dniproenerhiya" in w and "ratio" in w for w in c.why)
            or (c.why[0].startswith("name fuzzy match") and any("km from Dniproenerhiya" in w for w in c.why))), c.why
    assert c.confidence < 0.9  # a look-alike is never near-certain


def test_alone_the_mangled_name_stays_unresolved(gaz):
    # no placed place, no area: no country-wide guess
    c = {c.place: c for c in extract_text("Russian troops entered the village of Veselein.", gaz,
                                          date=dt.date(2025, 6, 25))}["Veselein"]
    assert not c.resolved, c.why


def test_a_former_name_from_the_renames_table_is_compared_too(gaz):
    # "Chigory", a misspelt Chigari: the former name of Pivdenne by Toretsk, known only from
    # gazetteer/data/renames.csv (GeoNames lists neither spelling under the place)
    toretsk = _town(gaz, "Toretsk", "Donetska Oblast")
    hit = area_match("Chigory", gaz, [toretsk])
    assert hit is not None and hit.place.name == "Pivdenne" and hit.matched in {"Чигари", "Chyhari"}, hit
    assert hit.ratio >= 85 and hit.km < 10


def test_a_mangled_ending_on_a_kept_stem_is_a_look_alike(gaz):
    # a machine translation keeps the stem and mangles the suffix: "Striletska" (an adjective
    # ending) for Strilecha on the border north of Kharkiv, "Tyahynyky" for Tiahynka on the Dnipro
    lyptsi = _town(gaz, "Lyptsi", "Kharkiv Oblast")
    hit = area_match("Striletska", gaz, [lyptsi])
    assert hit is not None and hit.place.name == "Strilecha", hit
    krynky = _town(gaz, "Krynky", "Kherson Oblast")
    hit = area_match("Tyahynyky", gaz, [krynky])
    assert hit is not None and hit.place.name == "Tiahynka", hit


def test_a_shared_first_syllable_is_no_stem():
    # "Striletska" and Staritsa share "st" only: compared by the plain ratio, below the cutoff
    assert lookalike("striletska", "staritsa") < AREA_CUTOFF
    assert lookalike("striletska", "strilecha") >= AREA_CUTOFF
    assert lookalike("kupiansk", "kupiansk") == 100.0


def test_all_names_at_once_score_as_each_pair_by_the_definition():
    """lookalikes (one rapidfuzz cdist for all the area's names) gives each name the best score of any
    spelling, by the definition: the ratio, or the Jaro-Winkler similarity if higher for a shared stem."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import JaroWinkler

    def by_definition(a: str, b: str) -> float:
        k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        stem = k >= STEM_MIN and 2 * k >= min(len(a), len(b))
        return max(fuzz.ratio(a, b), 100.0 * JaroWinkler.similarity(a, b) if stem else 0.0)

    keys = ["striletska", "pletnevka", "iskriskivka", "tyahynyky", "lyman"]
    names = ["strilecha", "staritsa", "pletenivka", "iskriskivschina", "tiahynka", "lymanske", "", "kupiansk",
             "striletskyi", "pletnivka"]
    got = lookalikes(keys, names)
    assert [float(r) for r in got] == [max(by_definition(k, n) for k in keys) for n in names]
    assert list(lookalikes([], names)) == [0.0] * len(names) and len(lookalikes(keys, [])) == 0


def test_a_country_wide_look_alike_with_no_evidence_of_place_gives_way_to_the_area(gaz, front):
    # the General Staff's English wording of a Kherson-bank village the gazetteer spells otherwise:
    # a look-alike in Poltava oblast, far from the front and from every place of the report, is no answer;
    # in the area of Krynky, the stem finds Tiahynka
    text = ("In the Prydniprovsky direction, the enemy shelled the areas of Krynky and Tyahynyky with "
            "artillery. The Defense Forces repelled the attacks.")
    got = {c.place: c for c in extract_text(text, gaz, date=dt.date(2024, 5, 17))}
    c = got["Tyahynyky"]
    assert c.resolved and c.name == "Tiahynka" and c.admin1 == "Kherson Oblast", c.why
    assert c.confidence < 0.9
    # alone, its look-alike "Yakhnyky" in Poltava oblast, some 190 km behind the front (a distance that
    # adds nothing), is no evidence of place: the name stays unresolved
    day = dt.date(2024, 5, 17)
    alone = {c.place: c for c in extract_text("Russian troops shelled the village of Tyahynyky.", gaz,
                                               date=day, front_km=front.distance_function(day))}
    assert not alone["Tyahynyky"].resolved, alone["Tyahynyky"].why


def test_a_pool_reads_its_names_once_for_every_name_looked_up_in_it(gaz, monkeypatch):
    """An area pool gathers its settlements' folded names when made; a look-up in it reads none again, and finds
    what a look-up given the area finds."""
    from geo.area_fuzzy import area_pool

    vovchansk = _town(gaz, "Vovchansk", "Kharkiv Oblast")
    pool = area_pool(gaz, [vovchansk])
    assert len(pool.entries) == len(pool.names) == len(pool.ends) > 100
    assert int(pool.ends[-1]) == len(pool.folds) and pool.folds[:len(pool.names[0][1])] == pool.names[0][1]
    read = []
    folded = type(gaz).folded_names
    monkeypatch.setattr(type(gaz), "folded_names", lambda self, p: read.append(p) or folded(self, p))
    hit = area_match("Pletnevka", gaz, pool=pool)
    assert hit is not None and hit.place.name == "Pletenivka" and area_match("Vovchanks", gaz, pool=pool) is not None
    assert read == []  # nothing read again
    assert area_match("Pletnevka", gaz, [vovchansk]) == hit and read  # (the area given: its names read)
