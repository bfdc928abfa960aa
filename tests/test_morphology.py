"""gazetteer.morphology: the analyser that remembers lexemes gives pymorphy3's own inflections."""

from __future__ import annotations

import pytest

pymorphy3 = pytest.importorskip("pymorphy3")

from gazetteer import morphology  # noqa: E402

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
    parse = morph.parse("Покровска")[0]
    forms = [parse.inflect(g) for g in morphology._GENDERS]
    assert any(forms) and len(built) == 1
    other = morph.parse("Покровска")[0]  # another parse object of the same word: its own lexeme
    other.inflect({"nomn"})
    assert len(built) == 2
