"""gazetteer/data/region_words.jsonl: the words naming a kind of division, as data; each example read back."""

from __future__ import annotations

import json

import pytest

from frontmap.errors import RuleError
from frontmap.tables import load_table
from gazetteer import index, names
from gazetteer.index import (REGION_WORD_LANGS, REGION_WORD_LEVELS, REGION_WORDS_FILE, region_core, region_words,
                             region_words_digest)

ROWS = load_table(REGION_WORDS_FILE, classes=REGION_WORD_LEVELS, matches={"word"}, langs=REGION_WORD_LANGS)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_a_region_word_example_reads_back(row):
    """The word is in its example (a region's name); region_core strips it, as written and folded, and gives its level.

    A word whose folded form is two words ("р-н" → "r n") is matched as written only: region_core reads one word."""
    level = REGION_WORD_LEVELS[row.cls]
    assert region_core(row.phrase) == ("", level)
    one_word = " " not in names.fold(row.key)
    for text in (row.example, names.fold(row.example))[: 2 if one_word else 1]:
        words = [w.strip(".,'’") for w in text.casefold().split()]
        assert names.fold(row.key) in [names.fold(w) for w in words]
        core, kind = region_core(text)
        assert kind == level, f"{row.table}:{row.line}: {text!r} gave level {kind}"
        assert core and names.fold(row.key) not in names.fold(core).casefold().split()


def test_the_words_are_the_table_in_order():
    assert list(region_words()) == [r.key for r in ROWS]
    assert region_words()["oblast"] == 1 and region_words()["р-н"] == 2 and region_words()["city"] == 3


def test_a_bad_row_names_file_and_line(tmp_path):
    bad = tmp_path / "region_words.jsonl"
    bad.write_text(json.dumps({"phrase": "oblast", "lang": "uk", "class": "region", "example": "Sumska oblast"}) + "\n"
                   + json.dumps({"phrase": "okrug", "lang": "ru", "class": "county", "example": "Nenetskiy okrug"})
                   + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"region_words.jsonl:2: class 'county'"):
        load_table(bad, classes=REGION_WORD_LEVELS, matches={"word"}, langs=REGION_WORD_LANGS)


def test_the_digest_follows_the_words(monkeypatch):
    before = region_words_digest()
    monkeypatch.setattr(index, "region_words", lambda: {**region_words(), "uezd": 2})
    assert region_words_digest() != before
    monkeypatch.setattr(index, "region_words", lambda: {**region_words(), "raion": 1})  # a changed level
    assert region_words_digest() != before


def test_a_word_of_two_levels_names_its_lines(tmp_path, monkeypatch):
    bad = tmp_path / "region_words.jsonl"
    bad.write_text(json.dumps({"phrase": "raion", "lang": "uk", "class": "district", "example": "Pokrovskyi raion"})
                   + "\n" + json.dumps({"phrase": "raion", "lang": "ru", "class": "region", "example": "Donetskiy raion"})
                   + "\n", encoding="utf-8")
    monkeypatch.setattr(index, "REGION_WORDS_FILE", bad)
    index.region_words.cache_clear()
    try:
        with pytest.raises(RuleError, match=r"region_words.jsonl:2: 'raion' has another class on line 1"):
            index.region_words()
    finally:
        index.region_words.cache_clear()


def test_a_hromada_is_found_only_by_a_communitys_word(gaz) -> None:
    # the GeoNames ADM3 rows: "Marhanetska Terytorialna Hromada", its Ukrainian and romanised alternates
    for written in ("Марганецька громада", "Марганецькій громаді", "Марганецкая община", "Marhanets community",
                    "Marhanetska hromada"):
        p = gaz.region(written)
        assert p is not None and p.feature_code == "ADM3" and p.name == "Marhanetska Terytorialna Hromada", written
    # without the word, the same stem is no hromada; a raion's word still finds the raion
    assert gaz.region("Marhanets") is None or gaz.region("Marhanets").feature_code != "ADM3"
    assert gaz.region("Nikopol raion").feature_code == "ADM2"
    # where several share a name, the one of the oblast asked for; else the best of all
    sumy = gaz.region("Krasnopillia hromada", within={"Sumska Oblast"})
    assert sumy.admin1 == "Sumska Oblast" and sumy.feature_code == "ADM3"
    assert gaz.region("Krasnopillia hromada", within={"Nowhere Oblast"}) == gaz.region("Krasnopillia hromada")


def test_a_former_raion_at_the_third_level_is_no_hromada(gaz) -> None:
    # GeoNames keeps "Pokrovsk District" (Покровський район of Dnipropetrovsk Oblast) as an ADM3 row too
    for written in ("Покровской общины", "Покровська громада", "Pokrovsk community"):
        p = gaz.region(written)
        assert p is not None and p.name == "Pokrovska Terytorialna Hromada", (written, p and p.name)
