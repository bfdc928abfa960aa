"""The ``lemma`` match attribute of rule rows: a Russian or Ukrainian name in any of its cases.

A row with ``"match": "lemma"`` names one word in its dictionary form ("Пушилин", "Сирський"); it
matches the word's case forms ("Пушилина", "Пушилиным", "Сирського"), as spaCy's ``LEMMA`` attribute
does, backed by pymorphy3 (the analysers :mod:`gazetteer.morphology` loads). A word is a form of the
lemma when one of its noun readings has the lemma as its dictionary form (the word lemmatised), or when
it is one of the forms of the lemma's own noun readings (the lemma inflected: pymorphy3's predictor
reads a surname it does not know, "Синєгубові", sometimes as another noun; the lemma's paradigm
still holds it). Only nouns in the singular (pymorphy3 tags a surname as a noun; "Лисняки", "Богомазы" are villages) and no
vocative: an adjective
("Зеленське", a village, is an adjective's neuter) or a village named after a person ("Герасимовка",
"Гладковка": another noun, another lemma) is no form of the surname, where a stem ("герасимов…")
read both.

>>> is_form("пушилиным", "пушилин", ("ru",)), is_form("герасимовка", "герасимов", ("ru",))
(True, False)
>>> is_form("зеленське", "зеленський", ("uk",)), is_form("зеленського", "зеленський", ("uk",))
(False, True)
"""

from __future__ import annotations

from functools import lru_cache

from gazetteer.morphology import analyser

__all__ = ["LEMMA_LANGS", "forms", "is_form", "lemmas", "stem"]

#: the analysers of a row's ``lang``
LEMMA_LANGS: dict[str, tuple[str, ...]] = {"ru": ("ru",), "uk": ("uk",), "any": ("ru", "uk")}
_MIN_STEM = 3  # a lemma's stem in the one matcher's expression: at least this many letters


def _fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def _noun_parses(word: str, lang: str):
    return [p for p in analyser(lang).parse(word) if _singular_noun(p)]


def _singular_noun(parse) -> bool:
    return parse.tag.POS == "NOUN" and parse.tag.case != "voct" and parse.tag.number != "plur"


@lru_cache(maxsize=1 << 15)
def lemmas(word: str, lang: str) -> frozenset[str]:
    """The dictionary forms of a word's singular noun readings in one language (casefolded, ё as е); cached per word.

    >>> sorted(lemmas("пушилина", "ru"))
    ['пушилин', 'пушилина']
    """
    return frozenset(_fold(p.normal_form) for p in _noun_parses(word, lang))


@lru_cache(maxsize=1024)
def forms(lemma: str, langs: tuple[str, ...]) -> frozenset[str]:
    """The lemma and the singular case forms of its noun readings (casefolded, ё as е, no vocative).

    >>> {"синєгубова", "синєгубові"} <= forms("синєгубов", ("uk",))
    True
    """
    out = {_fold(lemma)}
    for lang in langs:
        for parse in _noun_parses(lemma, lang):
            if parse.tag.case == "nomn":
                out.update(_fold(f.word) for f in parse.lexeme if _singular_noun(f))
    return frozenset(out)


def is_form(word: str, lemma: str, langs: tuple[str, ...]) -> bool:
    """Whether ``word`` (normalised as phrases are) is a case form of ``lemma`` in one of ``langs``."""
    word = _fold(word)
    if word in forms(lemma, langs):
        return True
    return any(_fold(lemma) in lemmas(word, lang) for lang in langs)


def stem(lemma: str, langs: tuple[str, ...] = ()) -> str:
    """What the forms of the lemma begin with, for the matcher's expression to find the words that may be one
    (:func:`is_form` decides): all but its last three letters, at least :data:`_MIN_STEM` (a name's cases change
    its end only: "котенок", "котенка"). Plain string work: the analysers load with the first such word, never
    for a text that has none (an English report).

    >>> stem("пушилин"), stem("сырский"), stem("путин")
    ('пуши', 'сырс', 'пут')
    """
    folded = _fold(lemma)
    return folded[:max(_MIN_STEM, len(folded) - 3)]
