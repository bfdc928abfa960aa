"""A unit's designation in running text (geo.claims.units.find_designations) and what it does to a sentence's cues
(geo.claims.action): a word of a unit's name ("air assault", "штурмовой") is never what happened, and the MoD
bulletin's hit formula on the troops of named units in the areas of villages is the fighting there, while a strike on
a place stays a strike. Every sentence is written for these tests in the genres' forms (village names are real)."""

from __future__ import annotations

import pytest

from geo.claims import analyse_mention
from geo.claims.action import _all_cues
from geo.claims.units import find_designations


def _action(sentence: str, name: str) -> str:
    at = sentence.index(name)
    return analyse_mention(sentence, at, at + len(name)).action.value


def _names(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in find_designations(sentence)]


# ---- the designation's span ----

@pytest.mark.parametrize("sentence, name", [
    # an English reprint's list of designations before one plural noun
    ("Troops hit the 82nd air assault, 3rd tank and 125th territorial defense brigades near Sadky.",
     "82nd air assault, 3rd tank and 125th territorial defense brigades"),
    ("The 3rd Assault Brigade holds Tykhe.", "3rd Assault Brigade"),
    ("Two assault regiments fought near Lyman.", "assault regiments"),
    # Russian: ordinals joined by "и", compounds ("десантно-штурмовой"), a list by commas
    ("Нанесено поражение 22-й и 61-й механизированных, десантно-штурмовой бригадам у Тихого.",
     "22-й и 61-й механизированных, десантно-штурмовой бригадам"),
    ("Бойцы горно-штурмового батальона вошли в Тихое.", "горно-штурмового батальона"),
    ("Бойцы 2-го штурмбата вошли в Тихое.", "2-го штурмбата"),  # an ordinal right before its noun
    # Ukrainian: a bare number for the ordinal
    ("Бійці 33 окремого штурмового полку звільнили Тихе.", "33 окремого штурмового полку"),
    ("Десантно-штурмові війська повернули контроль над Тихим.", "Десантно-штурмові війська"),
])
def test_a_designation_is_read_whole(sentence: str, name: str) -> None:
    assert name in _names(sentence)


@pytest.mark.parametrize("sentence", [
    "Russian forces launched an assault on Tykhe.",
    "The enemy assaulted positions near Lyman and brigades withdrew.",  # a conjunction, then a bare noun: no list item
    "Противник предпринял штурм Тихого.",
    "Ворог здійснив вісім штурмів біля Тихого.",
])
def test_an_assault_word_without_a_units_noun_after_it_is_no_designation(sentence: str) -> None:
    assert not any(any(w in n.lower() for w in ("assault", "штурм")) for n in _names(sentence))


# ---- a word of a unit's name is no cue ----

@pytest.mark.parametrize("sentence", [
    "Battlegroup North inflicted casualties on manpower and equipment of the Ukrainian army's 82nd air assault, "
    "3rd tank and 125th territorial defense brigades in areas near the settlements of Yunakivka, Sadky and Andriivka.",
    "Units of the 5th assault battalion held their positions near Tykhe.",
    "Нанесено поражение живой силе 95-й десантно-штурмовой бригады ВСУ в районах Тихого и Лимана.",
    "Подразделения нанесли поражение формированиям штурмового полка и 5-й штурмовой бригады у Тихого.",
    "Бійці 47-ї окремої штурмової бригади тримають оборону біля Тихого.",
    "Воїни окремого штурмового батальйону закріпилися біля Тихого.",
    # assault groups, detachments and units are kinds of unit too (once rows of their own in actions.jsonl)
    "Штурмовые группы ВСУ пытались наступать возле Синьковки.",
    "Штурмовые отряды вели наступательные действия у Купянска.",
    "Штурмовые подразделения продвигаются вглубь Константиновки.",
    "Бойцы штурмового полка зашли в Северск.",
    "Штурмові групи ворога намагалися просунутися біля Ямполя.",
])
def test_a_word_of_a_units_name_is_no_cue(sentence: str) -> None:
    assert not [c for c in _all_cues(sentence) if "assault" in c.text.lower() or "штурм" in c.text.lower()]


@pytest.mark.parametrize("sentence, name, action", [
    # the MoD formula in an English reprint: the designation's "assault" gave "attacked"
    ("Battlegroup North inflicted casualties on manpower and equipment of the Ukrainian army's 82nd air assault, "
     "3rd tank and 125th territorial defense brigades in areas near the settlements of Yunakivka, Sadky and Andriivka.",
     "Sadky", "fighting"),
    # a brigade statement: the brigade's name holds no attack, its verb does
    ("Бійці 47-ї окремої штурмової бригади атакували ворога біля Тихого.", "Тихого", "attacked"),
    ("Fighters of the 3rd Assault Brigade entered Tykhe.", "Tykhe", "entered"),
    # assault words that are the event stay cues
    ("Russian troops assaulted Tykhe.", "Tykhe", "attacked"),
    ("Противник предпринял штурм Тихого.", "Тихого", "fighting"),
    ("Ukrainian forces repelled an assault by the 3rd assault brigade near Tykhe.", "Tykhe", "repelled"),
])
def test_the_action_comes_from_the_event_not_the_units_name(sentence: str, name: str, action: str) -> None:
    assert _action(sentence, name) == action


# ---- the MoD hit formula's variants are fighting; a strike on a place is a strike ----

@pytest.mark.parametrize("sentence, name", [
    ("Units of Battlegroup South struck personnel and equipment of the 24th mechanized and 5th assault brigades "
     "in the areas of Siversk, Zvanivka and Fedorivka.", "Zvanivka"),
    ("Russian units hit personnel and equipment of two assault regiments near Kostiantynivka and Ivanopillia.",
     "Ivanopillia"),
    ("Battlegroup West engaged the personnel and hardware of three brigades near Kupyansk and Peschanoye.", "Peschanoye"),
    ("Battlegroup Center inflicted damage on personnel of four brigades near Rodinskoye and Dimitrov.", "Dimitrov"),
    ("Battlegroup North inflicted casualties on the personnel of a mechanized brigade near Yunakovka and Sadky.",
     "Sadky"),
    ("Нанесено поражение скоплениям живой силы и техники двух бригад ВСУ в районах Тихого и Лимана.", "Лимана"),
    ("Подразделения группировки поразили три бригады ВСУ в районах Тихого и Лимана.", "Лимана"),
    ("Все они были разгромлены в районах населённых пунктов Тихое и Лиман.", "Лиман"),
    ("Войска разгромили две мотопехотные бригады ВСУ в районах сел Тихое и Лиман.", "Тихое"),
])
def test_the_hit_formula_on_units_is_fighting(sentence: str, name: str) -> None:
    assert _action(sentence, name) == "fighting"


@pytest.mark.parametrize("sentence, name", [
    ("Russian drones struck a fuel depot in Sumy.", "Sumy"),
    ("Russian missiles hit an energy facility in Konotop overnight.", "Konotop"),
    ("The strike inflicted casualties among civilians in Kharkiv.", "Kharkiv"),
    ("Войска нанесли удар по Тихому.", "Тихому"),
    ("Авиация поразила пункт управления в Тихом.", "Тихом"),
    ("Ворог завдав удару по Тихому.", "Тихому"),
])
def test_a_strike_on_a_place_stays_a_strike(sentence: str, name: str) -> None:
    assert _action(sentence, name) == "struck"


# ---- one pass: each unit's span once, and the proper name it ends with (a claim's unit) ----

def test_one_pass_reads_each_unit_once_with_its_proper_name_and_rank() -> None:
    from geo.claims.units import find_units, read_units

    s = ("Elements of the 58th Army, the 4th Army Tank Division, the Azov Battalion and the 82nd air assault and "
         "3rd Tank Brigade held Tykhe.")
    units = read_units(s)
    assert [s[a:b] for a, b in find_designations(s)] == [
        "58th Army", "4th Army Tank Division", "Azov Battalion", "82nd air assault and 3rd Tank Brigade"]
    assert [(u.name, u.rank) for u in units] == [
        ("58th Army", 3), ("4th Army Tank Division", 2), ("Azov Battalion", 1), ("3rd Tank Brigade", 1)]
    # the name's span is the proper name's, inside the designation's
    last = units[-1]
    assert s[last.start:last.end] == "3rd Tank Brigade" and last.span[0] < last.start
    assert [u[0] for u in find_units(s)] == [u.name for u in units]


@pytest.mark.parametrize("sentence, name", [
    # a designation written small, or a plural, is no proper name; capitalised words before a named noun are one
    ("Troops of the 25th separate Assault Brigade held Tykhe.", "Assault Brigade"),
    ("Troops of the 3rd Assault and Tank Brigade held Tykhe.", "Tank Brigade"),
    ("Troops of the 25th airborne brigade held Tykhe.", None),
    # the name ends at the last noun of a rank as written among its capitalised words ("Army": a noun and an adjective)
    ("In Siversk, 3rd Army forces entered the northern part of the town.", "3rd Army"),
    ("The 58th Army assault groups attacked near Tykhe.", "58th Army"),
    ("Troops of the 25th Army Brigade held Tykhe.", "25th Army Brigade"),
    ("Troops of the 25th and 95th Airborne Brigades held Tykhe.", None),
])
def test_a_proper_name_is_written_as_one(sentence: str, name: str | None) -> None:
    from geo.claims.units import find_units

    assert [u[0] for u in find_units(sentence)] == ([name] if name else [])


def test_a_count_before_a_noun_is_no_ordinal() -> None:
    # "300 troops" counts them; "25th brigade", "2-го штурмбата" name one
    assert _names("About 300 troops and the 25th brigade held Tykhe.") == ["troops", "25th brigade"]


def test_a_noun_rows_rank_and_named_are_checked(tmp_path) -> None:
    import json

    from frontmap.errors import RuleError
    from geo.claims.units import noun_ranks
    from geo.rules import load_table
    from geo.rules.lookup import LOOKUP_TABLES

    classes, fields, matches = LOOKUP_TABLES["units"]
    bad = [
        [{"phrase": "Guards", "lang": "en", "class": "adjective", "rank": "1", "example": "The 5th Guards Brigade."}],
        [{"phrase": "brigade*", "lang": "en", "class": "noun", "named": "yes", "example": "The 5th Brigade."}],
        [{"phrase": "brigade*", "lang": "en", "class": "noun", "rank": "1", "example": "The 5th Brigade."},
         {"phrase": "Brigade", "lang": "en", "class": "noun", "rank": "2", "case": "title", "example": "The 5th Brigade."}],
    ]
    for i, table in enumerate(bad):
        (tmp_path / f"u{i}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in table))
        rows_ = load_table(f"u{i}", classes=classes, fields=fields, matches=matches, folder=tmp_path)
        with pytest.raises(RuleError, match=rf"u{i}.jsonl:{len(table)}:"):
            noun_ranks(rows_, str(tmp_path / f"u{i}.jsonl"))
