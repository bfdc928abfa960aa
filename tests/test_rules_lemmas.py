"""geo.rules.lemmas: a ``lemma`` row matches a Russian or Ukrainian name in its cases, and no village named
after the person."""

from __future__ import annotations

import json

import pytest

from frontmap.errors import RuleError
from geo.rules import load_table
from geo.rules.lemmas import is_form
from geo.rules.matcher import read, rows

#: the case forms that were rows of speakers.jsonl, one row each, before the lemma rows replaced them
#: (lemma row's phrase, lang) → the forms; every one must still read as that speaker
OLD_FORMS = {
    ("трегубов", "uk"): "трегубов трегубова трегубову трегубовим трегубові",
    ("волошин", "uk"): "волошин волошина волошину волошиним волошині",
    ("лиховий", "uk"): "лиховий",
    ("плетенчук", "uk"): "плетенчук плетенчука плетенчуку плетенчуком",
    ("синєгубов", "uk"): "синєгубов синєгубова синєгубову синєгубовим синєгубові",
    ("синегубов", "ru"): "синегубов синегубова синегубову синегубовым синегубове",
    ("буданов", "uk"): "буданов буданова буданову будановим буданові",
    ("буданов", "ru"): "буданов буданова буданову будановым буданове",
    ("сирський", "uk"): "сирський сирського сирському сирським сирськім",
    ("сырский", "ru"): "сырский сырского сырскому сырским сырском",
    ("зеленський", "uk"): "зеленський зеленського зеленському зеленським зеленськім",
    ("зеленский", "ru"): "зеленский зеленского зеленскому зеленским зеленском",
    ("герасимов", "ru"): "герасимов герасимова герасимову герасимовым герасимове",
    ("белоусов", "ru"): "белоусов белоусова белоусову белоусовым белоусове",
    ("балицкий", "ru"): "балицкий балицкого балицкому балицким балицком",
    ("гладков", "ru"): "гладков гладкова гладкову гладковым гладкове",
    ("песков", "ru"): "песков пескова пескову песковым пескове",
    ("путин", "ru"): "путин путина путину путиным путине",
    ("путін", "uk"): "путін путіна путіну путіним путіні",
    ("конашенков", "ru"): "конашенков конашенкова конашенкову конашенковым конашенкове",
    ("захарова", "ru"): "захарова захаровой захарову",
}
_LEMMA_ROWS = {(r.key, r.lang): r for r in rows("speakers") if r.match == "lemma"}
_CASES = [(lemma, lang, form) for (lemma, lang), forms in OLD_FORMS.items() for form in forms.split()]


@pytest.mark.parametrize("lemma, lang, form", _CASES, ids=lambda v: v if isinstance(v, str) else "")
def test_every_case_form_that_was_a_row_reads_as_its_speaker(lemma, lang, form) -> None:
    row = _LEMMA_ROWS[(lemma, lang)]
    sentence = f"Об этом сообщил {form.capitalize()}, бои идут у Купянска."
    # one hit per kind: "Буданов", a row in Russian and in Ukrainian, reads as either
    hits = [h for h in read(sentence) if h.table == "speakers" and h.rule.key == row.key]
    assert hits and hits[0].text == form.capitalize()
    assert hits[0].get("claimant") == row.get("claimant")


@pytest.mark.parametrize("village", [
    "Герасимовка", "Герасимовки", "Герасимовке", "Гладковка", "Гладковки", "Зеленське",
    "Путинки", "Волошине", "Лисняки", "Богомазы", "Белоусовка",
])
def test_a_village_named_after_a_person_is_no_speaker(village) -> None:
    # "Зеленське" (a village): an adjective's neuter, no form of the surname;
    # "Волошине": a village, not the vocative
    sentence = f"Российские войска атаковали у {village}."
    assert not [h for h in read(sentence) if h.table == "speakers" and h.rule.match == "lemma"], village


def test_an_adjective_is_no_form_of_a_surname() -> None:
    assert not is_form("зеленське", "зеленський", ("uk",))
    assert is_form("зеленському", "зеленський", ("uk",))


def test_a_lemma_row_is_one_word_with_a_form_in_its_example(tmp_path) -> None:
    good = {"phrase": "Пушилин", "lang": "ru", "class": "speaker", "match": "lemma",
            "example": "По словам Пушилина, бои идут у Северска."}
    bad_rows = [
        ({**good, "phrase": "Денис Пушилин"}, "a lemma row is one Russian or Ukrainian word"),
        ({**good, "lang": "en"}, "a lemma row is one Russian or Ukrainian word"),
        ({**good, "example": "Бои идут у Северска."}, "the example holds no form of the lemma"),
    ]
    (tmp_path / "t.jsonl").write_text(json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    assert load_table("t", classes={"speaker"}, folder=tmp_path)[0].match == "lemma"
    for n, (row, message) in enumerate(bad_rows):
        (tmp_path / f"b{n}.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
        with pytest.raises(RuleError, match=f"b{n}.jsonl:1: {message}"):
            load_table(f"b{n}", classes={"speaker"}, folder=tmp_path)
