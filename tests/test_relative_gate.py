"""``geo.relative.may_be_direction`` never turns away a mention ``find_relation`` gives a bearing from."""

from __future__ import annotations

import random

import pytest

from geo.relative import find_relation, may_be_direction

_WORDS = (
    "north", "South", "EAST", "west", "northeast", "north-east", "south west", "Westward", "easterly", "northern",
    "southwards", "NW", "se", "N", "E", "of", "OF", "from", "From", "the", "a", "The", "settlement", "village",
    "town", "city", "hamlet", "locality", "urban-type", "urban-type settlement", "outskirts", "part", "side",
    "in", "on", "near", "about", "3", "4.5", "km", "kilometers", "miles", "m", "to the", "(", ")", "(3 km north)",
    "( about 2 km south-west of it )", "Myrne", "Pokrovsk", "(northwest", "of,", "ſouth", "weſt", "froM", "ＯＦ",
    "\u212a", "İ", "ı", "Ꮃ", "x", ";", "and",
    "в", "за", "5", "км", "километрах", "к", "на", "северу", "юго-западу", "север", "севернее", "Западнее", "от", "Від",
    "села", "населенного пункта", "северной", "части", "окраине", "північ", "південний захід", "від", "північніше",
    "південно-західніше", "міста", "(в 3 км южнее)", "оᲄ", "Покровска", "частині",
)
_GAPS = (" ", " ", " ", "  ", "\n", "\t", "-", "", ", ", "\u00a0")


def _sentence(rng: random.Random) -> tuple[str, int, int]:
    before = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(0, 12)))
    name = rng.choice(("Myrne", "Pokrovsk", "X", "Nove"))
    after = "".join(rng.choice(_GAPS) + rng.choice(_WORDS) for _ in range(rng.randint(0, 6)))
    return before + name + after, len(before), len(before) + len(name)


@pytest.mark.parametrize("seed", range(6))
def test_no_bearing_is_turned_away(seed: int) -> None:
    rng = random.Random(seed)
    turned_away = found = 0
    for _ in range(4000):
        sentence, start, end = _sentence(rng)
        rel = find_relation(sentence, start, end)
        gate = may_be_direction(sentence, start, end)
        if rel is not None and rel.kind == "direction-of":
            found += 1
            assert gate, (sentence, start, end, rel)
        turned_away += not gate
    assert found > 50 and turned_away > 1000  # both sides are exercised


def test_written_cases() -> None:
    for sentence, name, expected in (
        ("Fighting 3 km north-east of the urban-type settlement of Myrne.", "Myrne", True),
        ("Troops advanced southwest from Myrne.", "Myrne", True),
        ("Shelling of the town of Myrne.", "Myrne", False),
        ("Myrne (3 km south) was hit.", "Myrne", True),
        ("the NW of Myrne", "Myrne", True),
        ("in Myrne", "Myrne", False),
        ("Бои идут в 5 км к северу от населенного пункта Мирное.", "Мирное", True),
        ("Наши продвинулись северо-западнее Мирного.", "Мирного", True),
        ("Бои идут в северной части Мирного.", "Мирного", False),
        ("Ворог просунувся на південний захід від Мирного.", "Мирного", True),
        ("Ворог атакував поблизу Мирного.", "Мирного", False),
    ):
        start = sentence.index(name)
        assert may_be_direction(sentence, start, start + len(name)) is expected, sentence


@pytest.mark.parametrize("seed", range(3))
def test_resolves_word_gates_turn_away_no_bearing_before_a_mention(seed: int) -> None:
    # geo.resolve reads a bearing from a mention only where the words before it hold a link word or a
    # comparative (DIRECTION_MARKS) and a compass word (BEARING_WORDS): every phrase before a mention does
    from geo.relative import BEARING_WORDS, DIRECTION_MARKS

    rng = random.Random(100 + seed)
    found = 0
    for _ in range(4000):
        sentence, start, end = _sentence(rng)
        rel = find_relation(sentence, start, end)
        if rel is None or rel.kind != "direction-of" or rel.end > start:
            continue
        found += 1
        near = sentence[max(0, start - 48):start].casefold()
        assert any(w in near for w in DIRECTION_MARKS), (sentence, rel)
        assert BEARING_WORDS.search(sentence, max(0, start - 160), start), (sentence, rel)
    assert found > 30
