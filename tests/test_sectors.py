"""The front direction a place is listed under, as evidence for its namesake near that town."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.extract import extract_text
from geo.rules import load_table
from geo.sectors import _pattern, find_sectors, sector_town
from geo.text import sentence_at

DAY = dt.date(2025, 9, 1)


def test_every_row_of_the_table_finds_its_example():
    for row in load_table("sectors", classes={"sector", "qualifier"}):
        m = _pattern().search(row.example)
        assert m, f"sectors.jsonl:{row.line}"
        if row.cls == "qualifier":  # the word between the name and the direction word, and nothing else there
            assert row.key in m.group("after").lower(), f"sectors.jsonl:{row.line}"
            assert not _pattern().search(row.example.replace(m.group("after").split()[0], "2-й")), row.line


def test_a_qualifier_between_name_and_direction_word_keeps_the_direction(gaz):
    """A qualifier row of sectors.jsonl ("tactical") stands between the town's name and the direction word: the name is
    still the direction's, at its town, and its villages are the events."""
    text = "On the Kostiantynivka tactical direction, the enemy attacked near Yablunivka."
    assert [s.town.name for s in find_sectors(text, gaz)] == ["Kostyantynivka"]
    got = {c.place: c for c in extract_text(text, gaz, date=DAY)}
    assert got["Kostiantynivka"].role == "direction" and got["Yablunivka"].role == "event"


@pytest.mark.parametrize(("text", "towns"), [
    # a General Staff commander's list of directions, one plural direction word after the last
    ("Командувач зазначив, що на Оріхівському, Гуляйпільському та Олександрівському напрямках ворог активізувався.",
     {"Гуляйпільському": "Hulyaypole", "Олександрівському": "Oleksandrivka"}),
    ("Бои продолжаются на Купянском, Лиманском и Северском направлениях.",
     {"Купянском": "Kupyansk", "Лиманском": "Lyman", "Северском": "Siversk"}),
    ("Противник атаковал на Константиновском и Покровском направлениях.",
     {"Константиновском": "Kostyantynivka", "Покровском": "Pokrovsk"}),
    # Russian news copy writes "в" before the list as well as "на"
    ("В Александровском и Гуляйпольском направлениях противник наносит удары по Привольному.",
     {"Александровском": "Oleksandrivka", "Гуляйпольском": "Hulyaypole"}),
])
def test_every_item_of_a_list_of_directions_is_placed_at_its_town(gaz, text, towns):
    """Each adjective of a list the direction word ends is a direction of its own, at its town: not a village named
    by the adjective (Huliaipilske by Гуляйпільському, Lymanske of Odesa Oblast by Лиманском, Konstantinovsk)."""
    sectors = find_sectors(text, gaz)
    assert {s.town.name for s in sectors} >= set(towns.values())
    got = {c.place: c for c in extract_text(text, gaz, date=DAY)}
    for name, town in towns.items():
        assert got[name].role == "direction" and got[name].name == town, (name, got[name].why)


def test_a_list_of_villages_before_a_direction_word_is_no_list_of_directions(gaz):
    """Only an adjective names a direction: the villages listed before one are not walked back over."""
    text = "Бої тривають біля Яблунівки та Покровському напрямку."
    assert [s.town.name for s in find_sectors(text, gaz)] == ["Pokrovsk"]
    got = {c.place: c for c in extract_text("Бои идут у Яблоновки и Покровском направлении.", gaz, date=DAY)}
    assert got["Яблоновки"].role == "event" and got["Покровском"].role == "direction"


@pytest.mark.parametrize(
    ("name", "town"),
    [
        ("Сіверському", "Siversk"),  # Ukrainian adjective, locative
        ("Покровском", "Pokrovsk"),  # Russian adjective, prepositional
        ("Куп'янському", "Kupyansk"),
        ("Новопавлівському", "Novopavlivka"),  # the town is a -ка, not the -ськ form
        ("Кураховском", "Kurakhove"),
        ("Торецькому", "Toretsk"),  # not Slovyansk, whose former name is Tor
        ("Kupiansk", "Kupyansk"),
        ("Lyman", "Lyman"),
        ("Gulyaypole", "Hulyaypole"),  # a Russian spelling of the current name, not a former name
        ("Avdeyevka", "Avdiyivka"),
        ("Vremivske", "Vremivka"),  # GeoNames gives it no population, but it is the only Vremivka
        ("Времівському", "Vremivka"),
        ("Orekhovo", "Orikhiv"),  # "Ореховское направление" in English copy: the town Orekhov, not an Orikhove
        ("Kurakhovo", "Kurakhove"),
        ("Svatovo", "Svatove"),
    ],
)
def test_the_town_a_direction_is_named_after(gaz, name, town):
    p = sector_town(name, gaz)
    assert p is not None and p.name == town and p.country == "UA"


def test_a_word_that_names_no_town_is_no_sector(gaz):
    assert sector_town("Загальному", gaz) is None
    assert find_sectors("In the general direction of travel.", gaz) == []


def test_a_sector_holds_from_its_sentence_to_the_next_sector_within_its_paragraph(gaz):
    text = ("Бої тривають. Ворог атакував біля Виїмки на Сіверському напрямку. Також біля Федорівки.\n"
            "На Краматорському напрямку ворог атакував біля Часового Яру. "
            "На Торецькому напрямку бої біля Щербинівки.")
    sectors = find_sectors(text, gaz, lambda offset: sentence_at(text, offset))
    assert [s.town.name for s in sectors] == ["Siversk", "Kramatorsk", "Toretsk"]
    assert sectors[0].start == text.index("Ворог")  # its sentence, from the start
    para = text.index("\n")
    assert sectors[0].end == para  # the paragraph ends it
    assert sectors[1].end == sectors[2].start  # the next sector ends it
    assert sectors[2].end == len(text)


def test_a_later_direction_of_the_sentence_written_without_its_direction_word_holds_from_where_it_is_written(gaz):
    # a summary retold by directions: the first named in full, the next ones by the adjective and a dash
    text = ("За добу на Покровському напрямку ворог атакував 30 разів, зокрема біля Родинського, "
            "на Гуляйпільському – двічі в районі Успенівки, на Слов'янському — біля Званівки.")
    sectors = find_sectors(text, gaz, lambda offset: sentence_at(text, offset))
    assert [s.town.name for s in sectors] == ["Pokrovsk", "Hulyaypole", "Slovyansk"]
    assert sectors[0].end == sectors[1].start == text.index("на Гуляйпільському")
    assert sectors[1].at == text.index("Гуляйпільському") and sectors[2].end == len(text)
    c = {c.place: c for c in extract_text(text, gaz, date=DAY)}["Успенівки"]
    assert c.resolved and c.admin1 == "Zaporizhzhya Oblast", c.why  # the Uspenivka near Huliaipole, not Pokrovsk's
    assert any("the direction it is listed under ('Гуляйпільському')" in w for w in c.why), c.why


def test_an_adjective_and_a_dash_without_a_direction_named_in_full_is_no_direction(gaz):
    # no summary by directions: a plain sentence with a dash after a locative adjective
    text = "Засідання на Покровському – без змін, повідомили в адміністрації."
    assert find_sectors(text, gaz, lambda offset: sentence_at(text, offset)) == []


def test_the_direction_chooses_the_namesake_not_the_village_of_the_next_paragraph(gaz):
    # a General Staff summary: Fedorivka is listed under the Siversk direction; the next paragraph's
    # villages lie near another Fedorivka, 70 km away
    text = ("На Сіверському напрямку ворог атакував позиції наших захисників у районі Федорівки.\n"
            "На Покровському напрямку ворог здійснив атаки в районах Шахового, Рогу та Гришиного.")
    c = {c.place: c for c in extract_text(text, gaz, date=DAY)}["Федорівки"]
    assert c.resolved and c.admin1 == "Donetska Oblast", c.why
    assert abs(c.lat - 48.77) < 0.03 and abs(c.lon - 38.05) < 0.03, (c.lat, c.lon, c.why)  # 11 km from Siversk
    assert any("the direction it is listed under" in w for w in c.why), c.why


def test_a_russian_or_ukrainian_direction_is_placed_at_its_town(gaz):
    # the adjective names the direction: Siversk, not the Siverskiy near St Petersburg
    text = "На Сіверському напрямку ворог атакував поблизу Серебрянки.\nНа Покровском направлении шли бои у Родинского."
    got = {c.place: c for c in extract_text(text, gaz, date=DAY)}
    assert got["Сіверському"].name == "Siversk", got["Сіверському"].why
    assert got["Покровском"].name == "Pokrovsk", got["Покровском"].why
    assert any("named after" in w for w in got["Сіверському"].why)


def test_villages_of_the_next_paragraph_do_not_pull(gaz):
    # the next paragraph, another direction: its villages say nothing about this one's Fedorivka
    text = ("На Сіверському напрямку ворог атакував у районі Федорівки.\n"
            "На Покровському напрямку ворог атакував у районах Рогу, Шахового та Гришиного.")
    c = {c.place: c for c in extract_text(text, gaz, date=DAY)}["Федорівки"]
    assert not any("Рогу" in w or "Шахового" in w for w in c.why), c.why


def test_a_romanised_direction_adjective_is_its_town(gaz):
    # a Ukrainian summary in English that romanises the adjective ("Pokrovskyi napriamok")
    text = "The enemy attacked 14 times in the Pokrovske sector and twice in the Siverskiy direction."
    got = {c.place: c for c in extract_text(text, gaz, date=DAY)}
    assert got["Pokrovske"].name == "Pokrovsk" and got["Siverskiy"].name == "Siversk"
    assert sector_town("Siverskiy", gaz).name == "Siversk"


def test_a_direction_named_after_one_of_several_unpopulated_namesakes_is_no_town(gaz):
    """Without a population to tell them apart, a name several villages share names no town."""
    assert len({c.place.geonameid for c in gaz.candidates("Novoselivka", fuzzy=False)
                if c.place.country == "UA" and c.place.population == 0}) > 1
    p = sector_town("Novoselivka", gaz)
    assert p is None or p.population > 0


def test_a_direction_town_far_behind_the_front_is_no_direction(gaz):
    """"Orehovo direction" (Russian "Ореховское направление") is the town Orikhiv while it lies near a
    front line; a front line far from it (as from the one in Crimea) says it is no direction's town,
    and the name is resolved as any other, by its spellings (the -ovo of a town in -ov is one of Orikhiv's: its
    neighbour Verbove may still make it Orikhiv), never as the direction's town."""
    text = "Russian troops breached the defence northwest of Verbove in the Orehovo direction."

    def town(front_km):
        return next(c for c in extract_text(text, gaz, date=DAY, front_km=front_km) if c.place == "Orehovo")

    near, far = town(lambda lat, lon: 5.0), town(lambda lat, lon: 300.0)
    assert near.name == "Orikhiv" and any("sector match" in w for w in near.why)
    assert not any("sector match" in w for w in far.why)
    assert far.confidence < near.confidence


def _direction_rows_of_table():
    from geo.sectors import DIRECTION_TABLE

    return load_table(DIRECTION_TABLE, classes={"town", "no-town"}, matches={"word", "prefix"},
                      fields={"geonameid": None, "source": None, "note": None}, required=("source",))


def test_every_row_of_the_direction_table_gives_its_town_from_its_example(gaz):
    """Each row's example, read as a report, names a direction placed at the row's town (or at none)."""
    rows = _direction_rows_of_table()
    assert rows and {r.lang for r in rows} == {"en", "ru", "uk"}
    for row in rows:
        sectors = find_sectors(row.example, gaz)
        where = f"direction_towns.jsonl:{row.line}"
        if row.cls == "town":
            assert [s.town.geonameid for s in sectors] == [int(row.get("geonameid"))], where
            assert sectors[0].listed, where
        else:
            assert sectors == [], where
        assert row.get("source"), where


def test_every_town_of_the_direction_table_is_a_settlement_of_the_gazetteer(gaz):
    from geo.sectors import check_direction_table

    check_direction_table(gaz)  # raises naming the file and line otherwise


@pytest.mark.parametrize(("row", "message"), [
    ('{"phrase": "Newtownsk", "lang": "en", "class": "town", "geonameid": "999999999", "example": '
     '"The enemy attacked on the Newtownsk direction.", "source": "made up"}', "unknown geonameid 999999999"),
    ('{"phrase": "Newtownsk", "lang": "en", "class": "town", "example": '
     '"The enemy attacked on the Newtownsk direction.", "source": "made up"}', "needs the geonameid"),
    ('{"phrase": "Newtownsk", "lang": "en", "class": "no-town", "geonameid": "704422", "example": '
     '"The enemy attacked on the Newtownsk direction.", "source": "made up"}', "names no geonameid"),
    ('{"phrase": "Newtownsk", "lang": "en", "class": "town", "geonameid": "704422", "example": '
     '"The enemy attacked on the Newtownsk direction."}', "source"),
])
def test_a_bad_row_of_the_direction_table_is_an_error_naming_file_and_line(gaz, tmp_path, row, message):
    from frontmap.errors import RuleError
    from geo.sectors import DIRECTION_TABLE, check_direction_table

    good = ('{"phrase": "Pokrovsk", "lang": "en", "class": "town", "geonameid": "704422", "example": '
            '"The enemy attacked on the Pokrovsk direction.", "source": "ISW"}')
    (tmp_path / f"{DIRECTION_TABLE}.jsonl").write_text(good + "\n" + row + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=rf"{DIRECTION_TABLE}\.jsonl:2: .*{message}"):
        check_direction_table(gaz, tmp_path)


@pytest.mark.parametrize(("name", "geonameid"), [
    ("Новопавлівському", 699373),  # Novopavlivka of Dnipropetrovsk Oblast
    ("Олександрівському", 9189092),  # the Oleksandrivka of the Dnipropetrovsk-Zaporizhzhia border, not Kirovohrad's
    ("Гуляйпільському", 707898),  # Ukrainian і of a closed syllable: Гуляйпіль- is Huliaipole
    ("Курахівському", 695357),  # Kurakhove, not the village Kurakhivka
    ("Красноармейском", 704422),  # the former names Russian sources keep: Pokrovsk, Bakhmut, Toretsk, Lyman
    ("Артемовском", 713174),
    ("Дзержинском", 709354),
    ("Краснолиманском", 704204),
    ("Запорізькому", 687700),
])
def test_a_direction_of_the_table_is_its_town(gaz, name, geonameid):
    p = sector_town(name, gaz)
    assert p is not None and p.geonameid == geonameid, p


@pytest.mark.parametrize("name", ["Придніпровському", "Приднепровском", "Prydniprovske", "Південно-Слобожанському",
                                  "Слобожанському", "Slobozhanskyi", "Южнодонецком"])
def test_a_direction_named_after_a_river_or_a_region_is_no_town(gaz, name):
    """The Dnipro riverside, Slobozhanshchyna: no town of the name (Prydniprovsk, Slobozhanske) is meant."""
    assert sector_town(name, gaz) is None


@pytest.mark.parametrize("text", [
    "На Новопавлівському напрямку ворог атакував у районах Новопавлівки, Зеленого Гаю та Вороного.",
    "На Новопавловском направлении подразделения продвинулись в районах Новопавловки и Зеленого Гая.",
    "On the Novopavlivka direction, Russian forces attacked near Novopavlivka and Zelenyi Hai.",
    # towards the direction's town from another direction's paragraph, the direction named in the next one
    "На Покровському напрямку ворог 12 разів намагався просунутися в районі Удачного та у бік Новопавлівки.\n"
    "На Новопавлівському напрямку ворог атакував у районах Зеленого Гаю та Вороного.",
])
def test_a_village_named_as_its_directions_town_is_that_town(gaz, front, text):
    """Of some thirty Novopavlivkas, the one the direction is named after (Dnipropetrovsk Oblast), not a namesake
    near the other villages of the report."""
    fk = front.distance_function(DAY)
    got = [c for c in extract_text(text, gaz, date=DAY, front_km=fk) if c.place.startswith(("Новопавлівк",
                                                                                           "Новопавловк", "Novopavlivka"))]
    assert got and all(c.geonameid == 699373 for c in got), [(c.place, c.name, c.admin1, c.why) for c in got]
    assert any("the town the direction" in w for c in got for w in c.why)


def test_a_direction_guessed_from_its_name_is_no_evidence_for_a_village_of_that_name(gaz):
    """A direction the table does not hold names the largest town of the name, a guess: no pull on a village of
    that name (a milblogger's "Novgorod direction" is the village Novgorodskoye, not the town Novhorod)."""
    from geo.sectors import direction_town

    assert direction_town("Novgorod", gaz) is None
    claims = extract_text("Novgorod direction. The Russian armed forces advanced towards the village of Novgorod.", gaz)
    assert not any("the town the direction" in w for c in claims for w in c.why)


@pytest.mark.parametrize("text, town", [
    ("На добропольском участке фронта противник атаковал в районе Белицкого.", "Dobropillia"),
    ("Бои идут на северском участке, у Никифоровки.", "Siversk"),
    ("На Покровській ділянці фронту ворог атакував поблизу Родинського.", "Pokrovsk"),
])
def test_a_stretch_of_the_front_named_by_a_towns_adjective_is_a_sector(gaz, text, town) -> None:
    """"на добропольском участке (фронта)", "на Покровській ділянці": a stretch of the front named as a direction is,
    by its town's adjective, which Russian news writes in lower case."""
    [s] = find_sectors(text, gaz)
    assert s.town.name == town and s.end == len(text)


@pytest.mark.parametrize("text, name", [
    ("На добропольском участке фронта противник атаковал в районе Белицкого.", "добропольском"),
    ("На Добропільському напрямку ворог атакував поблизу Білицького.", "Добропільському"),
])
def test_a_direction_named_by_an_adjective_no_place_bears_is_placed_at_its_town(gaz, text, name) -> None:
    """The gazetteer holds no Добропільське: the direction's adjective is a mention all the same, placed at its town
    with role direction, and its villages are pulled towards it."""
    claims = {c.place: c for c in extract_text(text, gaz, date=DAY)}
    assert claims[name].name == "Dobropillia" and claims[name].role == "direction"
    village = next(c for p, c in claims.items() if p != name)
    assert any("Dobropillia, the direction it is listed under" in w for w in village.why)


@pytest.mark.parametrize("text", [
    # a DeepState post retold: each direction written after the villages it holds for
    "Окупанти просунулися біля Мирнограда на Покровському напрямку та у районах Новомиколаївки, Андріївки і Філії "
    "на Новопавлівському напрямку.",
    "Russian forces advanced near Myrnohrad in the Pokrovsk direction and near Novomykolaivka and Filiia in the "
    "Novopavlivka direction.",
])
def test_a_direction_written_after_its_places_holds_for_them_alone(gaz, text):
    """In a sentence whose first direction does not open it, each direction holds from the previous one to itself:
    the villages before "Novopavlivka direction" are not Pokrovsk's."""
    sectors = find_sectors(text, gaz, lambda offset: sentence_at(text, offset))
    assert [s.town.name for s in sectors] == ["Pokrovsk", "Novopavlivka"]
    pokrovsk, novopavlivka = sectors
    assert pokrovsk.start == 0 and pokrovsk.end == novopavlivka.start
    assert pokrovsk.start <= text.index("Мирнограда" if "Мирнограда" in text else "Myrnohrad") < pokrovsk.end
    second = text.index("Новомиколаївки" if "Новомиколаївки" in text else "Novomykolaivka")
    assert novopavlivka.start <= second < novopavlivka.end == len(text)
    assert not pokrovsk.start <= second < pokrovsk.end
    c = {c.place: c for c in extract_text(text, gaz, date=DAY)}[text[second:].split()[0].rstrip(",")]
    assert not any("the direction it is listed under ('Покровському" in w or "('Pokrovsk direction" in w
                   for w in c.why), c.why


def test_places_after_the_last_direction_written_after_its_places_keep_it(gaz):
    text = ("Ворог мав успіхи біля Мирнограда на Покровському напрямку та біля Філії на Новопавлівському напрямку, "
            "а також поблизу Андріївки.")
    pokrovsk, novopavlivka = find_sectors(text, gaz, lambda offset: sentence_at(text, offset))
    assert novopavlivka.start <= text.index("Андріївки") < novopavlivka.end
    assert not pokrovsk.start <= text.index("Андріївки") < pokrovsk.end


@pytest.mark.parametrize("text", [
    # a General Staff summary: each direction opens what it holds for
    "На Покровському напрямку ворог атакував біля Мирнограда, на Новопавлівському напрямку біля Філії.",
    "• In the Pokrovsk direction, the enemy attacked near Myrnohrad; in the Novopavlivka direction near Filiia.",
    # a dateline before a dash is no part of the sentence
    "DONETSK OBLAST, Sep 1 — In the Pokrovsk direction, the enemy attacked near Myrnohrad, and in the Novopavlivka "
    "direction near Filiia.",
    # a direction phrase that a dash follows introduces its places, wherever it stands
    "Найзапекліші бої йшли на Покровському напрямку — біля Мирнограда, та на Новопавлівському напрямку — біля Філії.",
])
def test_a_direction_that_opens_its_sentence_frames_it_whole(gaz, text):
    sectors = find_sectors(text, gaz, lambda offset: sentence_at(text, offset))
    assert [s.town.name for s in sectors] == ["Pokrovsk", "Novopavlivka"]
    assert all(s.start == 0 and s.end == len(text) for s in sectors), sectors


def test_a_list_of_directions_written_after_its_places_shares_one_stretch(gaz):
    text = ("Противник атакував біля Мирнограда на Покровському напрямку, а біля Малої Токмачки і Степового на "
            "Оріхівському та Гуляйпільському напрямках.")
    sectors = find_sectors(text, gaz, lambda offset: sentence_at(text, offset))
    assert [s.town.name for s in sectors] == ["Pokrovsk", "Orikhiv", "Hulyaypole"]
    assert sectors[1].start == sectors[2].start == sectors[0].end and sectors[1].end == sectors[2].end == len(text)
    assert not sectors[0].start <= text.index("Малої") < sectors[0].end
