"""Tests of geo.coordinate_words: the data file of hemisphere words, labels, joiners and degree words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from frontmap.errors import CoordinateWordsError
from geo import coordinates as gc
from geo.coordinate_words import WORDS_FILE, fold_word, load_coordinate_words, meanings, word_pattern

HEADER = "kind\tword\tlanguage\tmeaning\twhere\texample\n"


def _file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "words.tsv"
    path.write_text("# a comment\n" + HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_the_file_covers_the_languages_of_the_issue() -> None:
    words = load_coordinate_words()
    hemisphere_languages = {w.language for w in words if w.kind == "hemisphere"}
    assert {"en", "uk", "ru", "de", "fr", "nl", "pl", "tr"} <= hemisphere_languages
    for language in ("en", "uk", "ru", "de", "fr", "nl", "pl", "tr"):
        said = {w.meaning for w in words if w.kind == "hemisphere" and w.language == language}
        assert said == {"N", "S", "E", "W"}, language
    assert all(w.example for w in words)


def test_every_example_reads_as_its_row_says() -> None:
    gc._check_examples(load_coordinate_words())  # also run at import


def test_an_example_that_reads_otherwise_names_the_file_and_line(tmp_path: Path) -> None:
    path = _file(tmp_path, "hemisphere\tS\ten\tS\tboth\t33°52′ N, 151°12′ E, S of the river")
    rows = load_coordinate_words(path)
    with pytest.raises(CoordinateWordsError, match=re.escape(f"{path}, line 3") + ".*meaning S"):
        gc._check_examples(rows)


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("hemisphere\tN\ten\tN\tboth", "5 columns"),
        ("compass\tN\ten\tN\tboth\t47° N, 36° E", "kind 'compass'"),
        ("hemisphere\t\ten\tN\tboth\t47° N, 36° E", "the word is empty"),
        ("hemisphere\tN\tEnglish\tN\tboth\t47° N, 36° E", "two-letter"),
        ("hemisphere\tN\ten\tlat\tboth\t47° N, 36° E", "meaning 'lat'"),
        ("label\tlat\ten\tlat\tafter\tlat 47.9056, lon 36.2494", "where 'after'"),
        ("hemisphere\tNord\tde\tN\tafter\t47° N, 36° O", "does not hold the word"),
    ],
)
def test_bad_rows_are_named_with_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = _file(tmp_path, row)
    with pytest.raises(CoordinateWordsError, match=re.escape(f"{path}, line 3: ") + ".*" + re.escape(problem)):
        load_coordinate_words(path)


def test_a_row_given_twice_and_a_missing_header(tmp_path: Path) -> None:
    row = "hemisphere\tс. ш.\tru\tN\tafter\t47° с. ш., 36° в. д."
    path = _file(tmp_path, row, row.replace("с. ш.\tru", "сш\tru", 1).replace("47° с. ш.", "47° сш"))
    with pytest.raises(CoordinateWordsError, match="line 4: .*given twice .*line 3"):
        load_coordinate_words(path)
    bad = tmp_path / "no_header.tsv"
    bad.write_text("hemisphere\tN\ten\tN\tboth\t47° N, 36° E\n", encoding="utf-8")
    with pytest.raises(CoordinateWordsError, match="line 1: the header"):
        load_coordinate_words(bad)
    with pytest.raises(CoordinateWordsError, match="cannot be read"):
        load_coordinate_words(tmp_path / "missing.tsv")


def test_words_fold_and_match_as_texts_write_them() -> None:
    assert fold_word("пн. ш.") == fold_word("пн.ш.") == fold_word("ПН Ш") == "пнш"
    assert fold_word("O") != fold_word("o")
    assert re.fullmatch(word_pattern("szer. geogr. płn."), "szer.geogr.płn")
    assert re.fullmatch(word_pattern("lat/lon"), "Lat / Lon")
    assert not re.fullmatch(word_pattern("K"), "k")


def test_o_has_two_meanings_by_language() -> None:
    both = meanings(load_coordinate_words())["O"]
    assert set(both) == {"E", "W"}
    assert "de" in both["E"] and "fr" in both["W"]


def test_the_default_file_is_the_package_file() -> None:
    assert WORDS_FILE.name == "coordinate_words.tsv" and WORDS_FILE.parent.name == "data"
    assert WORDS_FILE.is_file()
