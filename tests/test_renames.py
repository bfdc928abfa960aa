"""The renames table: every row checked against the gazetteer, the loader's errors, the lookup."""

from __future__ import annotations

import pytest

from frontmap.errors import GazetteerError, RenamesError
from gazetteer.names import fold
from gazetteer.renames import RENAMES_FILE, load_renames, renames_for

HEADER = "former,lang,geonameid,current,year,source\n"


def test_every_row_names_a_real_place_by_its_current_name_and_adds_what_geonames_lacks(gaz):
    rows = load_renames()
    assert rows
    for r in rows:
        place = gaz.place(r.geonameid)  # raises for an id the gazetteer lacks
        assert place.name == r.current, f"{RENAMES_FILE}:{r.line}: {r.geonameid} is {place.name!r}"
        # GeoNames' own names first: the row adds a key none of the place's names has, or the
        # former name is another place's current name, or reads by the Russian-Ukrainian spelling
        # rules as another place's name (Димитров: Dimitrove, a former name of Kotlyne): a
        # namesake the renaming must count against
        # -- or another row gives the name to a place renamed in another year: the years then say
        # which place bore it last (Перше Травня: Ozarianivka until 2016, Leontovychi until 2024)
        if fold(r.former) in {fold(n) for n in gaz.names(r.geonameid)}:
            namesakes = [c for c in gaz.candidates(r.former, fuzzy=False, limit=None)
                         if c.place.geonameid != r.geonameid and (c.rule == "ru-uk" or (
                             c.rule in ("exact", "fold", "case") and fold(c.place.name) == fold(c.matched)))]
            namesakes += [o for o in renames_for(r.former) if o.geonameid != r.geonameid and o.year != r.year]
            assert namesakes, f"{RENAMES_FILE}:{r.line}: GeoNames lists {r.former!r} and no other place bears it"
        assert r.source.strip()


def test_a_documented_renaming_outweighs_a_namesake_that_still_bears_the_name(gaz):
    # "Красный Лиман" is the town Lyman's name until 2016 (GeoNames lists it among Lyman's
    # alternates) and a village's current name: the renaming counts as Lyman's own name
    cands = gaz.candidates("Красному Лиману")
    assert (cands[0].place.name, cands[0].rule) == ("Lyman", "renamed")
    assert cands[0].matched == "Lyman" and "renamed 2016" in cands[0].why[0]
    assert "Krasnyi Lyman" in {c.place.name for c in cands}  # the village stays a candidate
    # Latin spellings fold to the same key and keep the better score of the plain match
    assert any(c.place.name == "Toretsk" and c.rule == "renamed" and c.score == 0.95
               for c in gaz.candidates("Dzerzhinsk"))


def test_a_former_name_finds_its_place_with_the_rule_renamed_in_why(gaz):
    cands = gaz.candidates("Chigari")
    assert [(c.place.geonameid, c.rule) for c in cands] == [(703224, "renamed")]
    assert "former name of 'Pivdenne'" in cands[0].why[0] and "renames.csv:" in cands[0].why[0]
    # in any case, through its nominative
    assert 703224 in {c.place.geonameid for c in gaz.candidates("Чигарях")}
    assert gaz.has_key(fold("Chigari"))


def test_a_rename_competes_with_namesakes_and_context_decides(gaz):
    ids = list(gaz.lookup("Yubileiny", near=(48.56, 39.2))["geonameid"])
    assert ids[0] == 688089
    ids = list(gaz.lookup("Первое Мая", near=(48.28, 37.18))["geonameid"])
    assert ids[0] == 9112312
    # the Russian spelling of a former name GeoNames lists in Ukrainian (Пушкіне → Chumatske)
    ids = list(gaz.lookup("Пушкино", near=(48.13, 37.2))["geonameid"])
    assert ids[0] == 9112479


def test_a_former_name_outweighs_another_former_name_read_by_spelling_rules(gaz):
    # Димитров is Myrnohrad (renamed 2016); read as Dimitrove it is also a former name of Kotlyne,
    # a village west of Pokrovsk: the documented renaming decides even with the front line at Kotlyne
    from geo.extract import extract_text

    def front_km(lat, lon):  # a front line running north-south through Kotlyne (37.05 E)
        return abs(lon - 37.05) * 74.0

    claims = extract_text("Подразделения группировки «Центр» провели зачистку 24 строений в населенном пункте "
                          "Димитров в Донецкой Народной Республике.", gaz, front_km=front_km)
    mine = [c for c in claims if c.place == "Димитров"]
    assert mine and mine[0].geonameid == 710035


def test_every_former_name_resolves_to_its_place(gaz):
    for r in load_renames():
        ids = {c.place.geonameid for c in gaz.candidates(r.former, fuzzy=False, limit=None)}
        assert r.geonameid in ids, f"{RENAMES_FILE}:{r.line}: {r.former!r} does not find {r.geonameid}"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("Foo,ru,1,Bar,2016\n", ":2: expected 6 fields"),
        ("Foo,de,1,Bar,2016,src\n", ":2: lang must be one of"),
        ("Foo,ru,x1,Bar,2016,src\n", ":2: geonameid and year must be numbers"),
        ("Foo,ru,1,Bar,2016,\n", ":2: empty source"),
        ("Foo,ru,1,Bar,2016,src\nfoo,en,1,Bar,2016,src\n", ":3: 'foo' for 1 is already in the table"),
    ],
)
def test_bad_rows_are_named_by_file_and_line(tmp_path, body, message):
    p = tmp_path / "renames.csv"
    p.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(RenamesError, match=message) as err:
        load_renames(p)
    assert str(p) in str(err.value)
    assert isinstance(err.value, ValueError) and isinstance(err.value, GazetteerError)


def test_bad_header(tmp_path):
    p = tmp_path / "renames.csv"
    p.write_text("# comment\nname,id\n", encoding="utf-8")
    with pytest.raises(RenamesError, match=r"renames.csv:2: expected the columns"):
        load_renames(p)


def test_lookup_by_fold():
    assert [r.geonameid for r in renames_for("CHYHARI")] == [703224]
    assert renames_for("Pokrovsk") == ()


def test_of_two_places_that_bore_a_name_the_one_that_bore_it_last_goes_by_it(gaz):
    # Перше Травня: Ozarianivka until 2016, Leontovychi until 2024 (both rows of the table)
    cands = {c.place.geonameid: c for c in gaz.candidates("Перше Травня", fuzzy=False, limit=None)}
    assert (cands[9112312].rule, cands[9112312].matched) == ("renamed", "Leontovychi")
    older = cands[9114125]
    assert (older.rule, older.matched) == ("renamed", "Перше Травня")  # a former name only
    assert "'Leontovychi' bore it until 2024" in older.why[0]


def test_a_former_name_of_2024_in_a_report_finds_the_renamed_village(gaz):
    # rows the codifier KATOTTG's editions of 2024 and 2025 gave (benchmarks/renames_match.py --katottg)
    from geo.extract import extract_text

    def placed(text, name):
        return [c.geonameid for c in extract_text(text, gaz) if c.place == name]

    # Червоний Шлях of Izium raion is Siverske since 2024; Russian copy keeps "Красный Путь"
    assert placed("Противник наносил удары по населенному пункту Красный Путь под Изюмом.", "Красный Путь") == [710505]
    # Першотравневе near Kupiansk is Manuilivka since 2024, not the Pershotravneve of Zaporizhzhia oblast
    assert placed("Ворог атакував Першотравневе поблизу Куп’янська.", "Першотравневе") == [701881]
    # near the place, its Russian former name finds it over a namesake that bears the name or lost it
    # too: Октябрьское (Lemziakivka, Luhansk oblast, not Bohdanivske 25 km west), Первомайское
    # (Stepy near Borova, not Pervomaiskyi 37 km west), Невское (Balka Zhuravka, over a second
    # GeoNames entry that keeps the old name)
    for former, near, gid in (("Октябрьское", (49.84, 38.15), 808556), ("Первомайское", (49.38, 37.85), 697611),
                              ("Невское", (49.16, 37.97), 697596)):
        assert list(gaz.lookup(former, near=near)["geonameid"])[0] == gid, former
