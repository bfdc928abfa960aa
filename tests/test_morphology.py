"""gazetteer.morphology: the nominatives of inflected Russian and Ukrainian place names; the case-ending table; the
analyser that remembers lexemes gives pymorphy3's own inflections."""

from __future__ import annotations

import json

import pymorphy3
import pytest

from frontmap.errors import RuleError
from gazetteer import morphology
from gazetteer.morphology import case_endings, nominatives, oblique, ukrainian_only, word_nominatives


@pytest.mark.parametrize("written, nominative", [
    ("Шевченкова", "Шевченково"),  # "у Шевченкова": the village, not the surname Шевченков
    ("Гришином", "Гришино"),
    ("Андрееве", "Андреево"),
    ("Таврийском", "Таврийское"),  # an adjective the analyser reads as a noun Таврийск
    ("Филии", "Филия"),  # the Russian spelling of Філія, unknown to the Russian dictionary
    ("Маячке", "Маячка"),  # read by the analyser as маячок's: the village's -чка in the locative
])
def test_a_russian_case_ending_gives_the_nominative(written, nominative):
    assert nominative in word_nominatives(written)
    assert nominative in nominatives(written)


@pytest.mark.parametrize("written, nominative", [
    ("Вільного", "Вільне"),
    ("Філії", "Філія"),
    ("Плавнях", "Плавні"),  # plural only
    ("Ступочок", "Ступочки"),
    ("Олександро-Шультиного", "Олександро-Шультине"),
    ("Верхньої Вільхової", "Верхня Вільхова"),
    ("Кам'янці-Дніпровській", "Кам'янка-Дніпровська"),
    ("Малій Вергунці", "Мала Вергунка"),  # a noun the analyser does not know: -ці is the locative of -ка
])
def test_a_ukrainian_name_in_a_case_reports_use(written, nominative):
    assert nominative in nominatives(written)


def test_a_hyphenated_name_reads_with_its_parts_agreeing_first():
    assert nominatives("Каменки-Днепровской")[0] == "Каменка-Днепровская"
    assert "Кам'янка-Дніпровська" in nominatives("Кам'янки-Дніпровської")[:2]


def test_a_ukrainian_neuter_name_is_not_read_as_a_russian_prepositional():
    assert "Степово" not in word_nominatives("Степове")
    assert "Мелехово" not in word_nominatives("Мелехове")


def test_a_russian_form_the_ukrainian_dictionary_marks_is_not_ukrainian():
    assert not ukrainian_only("Широкино") and ukrainian_only("Широкине")


@pytest.mark.parametrize("name, expected", [
    ("Каменки-Днепровской", True), ("Новопавлівки", True), ("Отрадное", False), ("Покровск", False),
    ("Pokrovsk", False),
])
def test_oblique(name, expected):
    assert oblique(name) is expected


def test_every_case_ending_row_reads_back():
    rows = morphology.load_table(morphology.CASE_ENDINGS_FILE, classes={"neuter", "feminine"}, matches={"part"},
                                 langs={"ru", "uk"}, fields={"nominative": None}, required={"nominative"},
                                 checks={"part": morphology._check_ending})
    assert len(rows) == len(case_endings())
    for row in rows:
        written, _, nominative = row.example.partition(" → ")
        assert nominative in word_nominatives(written), row.example


def test_a_bad_case_ending_row_is_an_error_naming_file_and_line(tmp_path, monkeypatch):
    path = tmp_path / "case_endings.jsonl"
    path.write_text(json.dumps({"phrase": "ова", "lang": "ru", "class": "neuter", "match": "part", "nominative": "ово",
                                "example": "Шевченкова → Шевченкове"}, ensure_ascii=False) + "\n", encoding="utf-8")
    monkeypatch.setattr(morphology, "CASE_ENDINGS_FILE", path)
    case_endings.cache_clear()
    try:
        with pytest.raises(RuleError, match=r"case_endings.jsonl:1: the example must be"):
            case_endings()
    finally:
        case_endings.cache_clear()


# words written for the test in the genre's form (oblique cases of village names, adjectives)
_WORDS = ("Покровска", "Новопавлівки", "Ставків", "Удачного", "Часового", "Верхней", "Терсы", "Малу",
          "Токмачку", "Степове", "Молодецьке", "Каменке-Днепровской")


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_inflections_are_pymorphy3s(lang: str) -> None:
    plain = pymorphy3.MorphAnalyzer(lang=lang)
    morph = morphology.analyser(lang)
    for word in _WORDS:
        for mine, theirs in zip(morph.parse(word), plain.parse(word), strict=True):
            for grammemes in morphology._GENDERS:
                a, b = mine.inflect(grammemes), theirs.inflect(grammemes)
                assert (a and (a.word, str(a.tag))) == (b and (b.word, str(b.tag))), (word, grammemes)
            assert [f.word for f in mine.lexeme] == [f.word for f in theirs.lexeme]


def test_a_parse_lexeme_is_built_once_for_all_its_forms(monkeypatch: pytest.MonkeyPatch) -> None:
    morph = morphology.analyser("ru")
    built: list[str] = []
    parent = pymorphy3.MorphAnalyzer.get_lexeme

    def counting(self, form):  # the parent's lexeme, counted
        built.append(form.word)
        return parent(self, form)

    monkeypatch.setattr(pymorphy3.MorphAnalyzer, "get_lexeme", counting)
    for w in ("Покровска", "ПОКРОВСКА"):  # other tests may have parsed the words (their lexemes built): start afresh
        morph._parses.pop(w, None)
    morph._paradigms.clear()
    parse = morph.parse("Покровска")[0]
    forms = [parse.inflect(g) for g in morphology._GENDERS]
    assert any(forms) and len(built) == 1
    again = morph.parse("Покровска")[0]  # the word's parses are remembered: the same parse, its lexeme kept
    assert again is parse
    again.inflect({"nomn"})
    assert len(built) == 1
    other = morph.parse("ПОКРОВСКА")[0]  # another parse object (the word as given is another), of the same paradigm
    assert other is not parse
    other.inflect({"nomn"})
    assert len(built) == 1


def test_the_parses_of_one_paradigm_share_its_lexeme(monkeypatch: pytest.MonkeyPatch) -> None:
    """A word's parses of one paradigm (an adjective's masculine and neuter genitive, its accusative) have one lexeme,
    built once and the same as pymorphy3 builds for each; parses of other paradigms have their own."""
    morph = morphology.analyser("ru")
    plain = pymorphy3.MorphAnalyzer(lang="ru")
    built: list[str] = []
    parent = pymorphy3.MorphAnalyzer.get_lexeme

    def counting(self, form):
        built.append(form.word)
        return parent(self, form)

    monkeypatch.setattr(pymorphy3.MorphAnalyzer, "get_lexeme", counting)
    word = "Удачного"  # written for the test: the genitive of a village name that is an adjective
    morph._parses.pop(word, None)
    morph._paradigms.clear()
    parses = morph.parse(word)
    keys = [morphology._paradigm_key(p) for p in parses]
    assert len(parses) > len(set(keys)) and None not in keys  # several parses of one paradigm
    lexemes = [morph.get_lexeme(p) for p in parses]
    assert len(built) == len(set(keys))
    for p, mine, theirs in zip(parses, lexemes, plain.parse(word), strict=True):
        assert [(f.word, str(f.tag), f.normal_form) for f in mine] == \
            [(f.word, str(f.tag), f.normal_form) for f in plain.get_lexeme(theirs)], p


def test_a_word_is_parsed_once_for_every_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    morph = morphology.analyser("uk")
    parsed: list[str] = []
    parent = pymorphy3.MorphAnalyzer.parse

    def counting(self, word):  # the parent's parses, counted
        parsed.append(word)
        return parent(self, word)

    monkeypatch.setattr(pymorphy3.MorphAnalyzer, "parse", counting)
    word = "Тарасівського"  # written for the test: an oblique case of a village name (Ukrainian letters: uk only)
    morph._parses.pop(word, None)  # as if no other test had parsed it
    first = morph.parse(word)
    first.clear()  # a caller's list is its own: the analyser's are untouched
    plain = pymorphy3.MorphAnalyzer(lang="uk")
    assert [(p.word, str(p.tag), p.score) for p in morph.parse(word)] == [
        (p.word, str(p.tag), p.score) for p in parent(plain, word)]
    morphology.word_nominatives.cache_clear()
    morphology.place_adjective.cache_clear()
    morphology.word_nominatives(word)
    morphology.place_adjective(word)
    # its nominatives and whether it is a place adjective read the parses worked out once
    assert parsed.count(word) == 1


@pytest.mark.parametrize("lang", ["ru", "uk"])
def test_known_is_the_parse_is_known(lang: str) -> None:
    """The analyser's remembered ``known`` of a parse is pymorphy3's ``is_known`` (the dictionary searched with its
    character substitutes), asked twice."""
    morph = morphology.analyser(lang)
    morph._known.clear()
    for word in (*_WORDS, "Широкино", "Широкине", "Ёлкино"):
        for p in morph.parse(word):
            assert morph.known(p) is p.is_known
            assert morph.known(p) is p.is_known
