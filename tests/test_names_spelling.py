"""gazetteer/data/ru_uk_spelling.jsonl: the Russian -> Ukrainian spelling rules of toponyms, as data, each example read back."""

from __future__ import annotations

import json

import pytest

from frontmap.errors import RuleError
from gazetteer import names
from gazetteer.names import name_keys, query_variants, spelling_example, spelling_rows

ROWS = spelling_rows()


def test_every_class_has_rows():
    assert {r.cls for r in ROWS} == set(names.SPELLING_CLASSES)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_an_example_reads_back(row):
    """The Russian side of the example, looked up, reaches a key of its Ukrainian side."""
    ru, uk = spelling_example(row.example)
    assert name_keys(uk) & {k for k, _ in query_variants(ru)}, (ru, uk)


@pytest.mark.parametrize("written, ukrainian", [
    ("Ахтырке", "Охтирка"),  # the town's Russian form, in the prepositional
    ("Анновки", "Ганнівка"),  # Анна ~ Ганна
    ("Акимовку", "Якимівка"),
    ("Запорожского", "Запорізьке"),  # -жск- ~ -зьк-, o in a closed syllable
    ("Никольском", "Микільське"),  # the closed syllable before a soft sign
    ("Залинейного", "Залінійне"),
    ("Балаклеи", "Балаклія"),
    ("Верхнеторецкого", "Верхньоторецьке"),
    ("Ястребиного", "Яструбине"),
    ("Золотому Колодцу", "Золотий Колодязь"),
    ("Каменки-Днепровской", "Кам'янка-Дніпровська"),  # both parts declined, -ская ~ -ська
    ("Грибовахе", "Грибуваха"),
    ("Подгородного", "Підгородне"),
    ("Широкино", "Широкине"),  # a Russian form the Ukrainian dictionary lists (as such) is still converted
    ("Осиновое", "Осиново"),  # a name in -ово read as an adjective in -овое
    ("Osinovoe", "Osynovo"),
])
def test_a_russian_form_in_a_sentence_reaches_the_ukrainian_name(written, ukrainian):
    assert name_keys(ukrainian) & {k for k, _ in query_variants(written)}


def _table(tmp_path, row: dict):
    path = tmp_path / "ru_uk_spelling.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("row, message", [
    ({"phrase": "^от(?=[бв])", "class": "cyrillic", "replace": "від", "example": "Отрадное → Відрадне"},
     "does not match the example"),
    ({"phrase": "^от(", "class": "cyrillic", "replace": "від", "example": "Отрадное → Відрадне"},
     "not a regular expression"),
    ({"phrase": "^от", "class": "cyrillic", "replace": "від", "example": "Отрадное, Відрадне"}, "must be"),
    ({"phrase": "новое", "class": "cyrillic-word", "replace": "нове", "example": "Старое → Старе"}, "does not hold"),
    ({"phrase": "^от", "class": "cyrillic", "example": "Отрадное → Відрадне"}, "missing field 'replace'"),
])
def test_a_bad_row_is_an_error_naming_file_and_line(tmp_path, monkeypatch, row, message):
    monkeypatch.setattr(names, "SPELLING_FILE", _table(tmp_path, {"lang": "ru", "match": "pattern", **row}))
    with pytest.raises(RuleError, match=rf"ru_uk_spelling.jsonl:1: .*{message}"):
        spelling_rows()
