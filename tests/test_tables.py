"""frontmap.tables: the one loader of rule tables, below geo and gazetteer, checks what is generic."""

from __future__ import annotations

import json

import pytest

import geo.rules
from frontmap import tables
from frontmap.errors import RuleError

ROW = {"phrase": "або", "lang": "uk", "class": "or", "example": "Бої тривають біля Олексіївки або Олександрівки."}


def _write(tmp_path, rows, name="words"):
    path = tmp_path / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_table_loads_with_its_name_and_lines(tmp_path):
    rows = tables.load_table(_write(tmp_path, [ROW, {**ROW, "phrase": "or", "lang": "en",
                                                     "example": "Pisky or Opytne."}]), classes={"or"})
    assert [(r.table, r.line, r.key) for r in rows] == [("words", 1, "або"), ("words", 2, "or")]


@pytest.mark.parametrize("row, message", [
    ({**ROW, "phrase": " "}, "empty phrase"),
    ({**ROW, "class": "kind"}, "class 'kind' is not one of"),
    ({**ROW, "lang": "fr"}, "lang 'fr' is not one of"),
    ({**ROW, "example": "Бої тривають біля Олексіївки."}, "the example does not hold the phrase"),
    ({k: v for k, v in ROW.items() if k != "example"}, "missing field 'example'"),
])
def test_a_bad_row_names_file_and_line(tmp_path, row, message):
    path = _write(tmp_path, [{**ROW, "phrase": "та", "example": "Олексіївка та Тихе."}, row])
    with pytest.raises(RuleError, match=rf"words\.jsonl:2: {message}"):
        tables.load_table(path, classes={"or"})


def test_a_duplicate_row_names_the_first(tmp_path):
    with pytest.raises(RuleError, match=r"words\.jsonl:2: duplicate of line 1"):
        tables.load_table(_write(tmp_path, [ROW, ROW]), classes={"or"})


def test_a_table_may_widen_its_languages(tmp_path):
    rows = tables.load_table(_write(tmp_path, [{**ROW, "phrase": "de", "lang": "fr", "example": "Oblast de Kherson"}]),
                             classes={"or"}, langs=tables.LANGS | {"fr"})
    assert rows[0].lang == "fr"


def test_a_reader_check_replaces_the_example_test_for_its_match(tmp_path):
    seen = []
    path = _write(tmp_path, [{**ROW, "match": "lemma", "example": "Без цього слова."}])
    rows = tables.load_table(path, classes={"or"}, checks={"lemma": lambda obj, phrase, where: seen.append((phrase, where))})
    assert rows[0].match == "lemma" and seen == [("або", f"{path}:1")]


def test_geo_rules_is_the_shared_loader_not_a_copy():
    assert geo.rules.Rule is tables.Rule and geo.rules.normalise_phrase is tables.normalise_phrase
    assert geo.rules.phrase_pattern is tables.phrase_pattern and geo.rules.phrase_expression is tables.phrase_expression


def test_a_patterned_rows_expression_is_compiled_once_for_the_check_and_the_matcher(tmp_path):
    row = {**ROW, "phrase": "відбил* … атак*", "class": "or", "example": "Сили оборони відбили три атаки біля Тихого."}
    tables._expression.cache_clear()
    rows = tables.load_table(_write(tmp_path, [row]), classes={"or"})
    assert tables._expression.cache_info().misses == 1  # the example's check compiled it
    expression = tables.phrase_expression(rows[0].key)
    assert tables._expression.cache_info().misses == 1  # a reader gets that one
    # fullmatch of a found phrase, as the matcher asks: the word-start test holds at a string's start
    assert expression.fullmatch("Відбили дві атаки") and not expression.fullmatch("відбили Тихе атаки")
    assert not expression.search("перевідбили атаки")


def test_a_rows_key_is_its_normalised_phrase_worked_out_once(tmp_path):
    rows = tables.load_table(_write(tmp_path, [{**ROW, "phrase": "  АБО "}]), classes={"or"})
    assert rows[0].key == "або" and rows[0].key is rows[0].key


@pytest.mark.parametrize("gap, fits", [
    ("two missiles ", True),
    ("UAVs and missiles ", True),  # a Latin abbreviation in capitals: a weapon's, never a place's name
    ("MLRS ", True),
    ("Pokrovsk and Myrnohrad ", False),  # a gap never swallows a name
    ("Uavs ", False),
    ("ЗСУ ", False),
    # a list of unit numbers is one word of a gap, joined by commas or a short word ("and", "и", "та")
    ("AFU 32nd, 41st, 47th mechanised ", True),
    ("the 24th, 28th and 93rd ", True),
    ("31-й, 32-й и 47-й механизированным ", True),
    ("32nd, 41st, 47th mechanised and assault ", False),  # four words: the list, then three more
    ("32nd and Pokrovsk ", False),  # a list of numbers never swallows a name either
    ("32nd,Pokrovsk ", False),
])
def test_a_gap_takes_an_abbreviation_but_no_name(gap, fits):
    import re
    assert (re.fullmatch(tables.GAP_PATTERN, gap, re.IGNORECASE) is not None) is fits
