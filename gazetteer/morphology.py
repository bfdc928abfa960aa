"""Russian and Ukrainian inflection: the nominatives an inflected place name may come from.

A Russian or Ukrainian sentence puts a place name in whatever case its grammar needs — "у
Покровска", "біля Новопавлівки", "в районі Ставків", "Часова Яру", "Верхней Терсы" — while the
gazetteer holds nominatives. The analysis is pymorphy3's (OpenCorpora for Russian, the VESUM
dictionary for Ukrainian, each with its suffix predictor for words the dictionary lacks, which
is most village names): every parse of every word is put in the nominative, singular and plural
(names such as "Ставки", "Ступочки" are plural; a singular form stays singular), and an adjective in
every gender, so that it can agree with the noun it stands before ("Верхней Терсы" → "Верхняя
Терса"); a name of several words also gets the readings whose words agree. Which of the forms is
a real place is left to the gazetteer: a form it does not hold finds nothing.

The analysers are loaded on first use (about a tenth of a second for both; the rule matcher uses them for
its ``lemma`` rows, :mod:`geo.rules.lemmas`).

>>> "Новопавлівка" in nominatives("Новопавлівки")
True
>>> "Верхняя Терса" in nominatives("Верхней Терсы")
True
>>> nominatives("Pokrovsk")
[]
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path

from frontmap.tables import load_table

__all__ = ["CASE_ENDINGS_FILE", "MAX_FORMS", "case_endings", "oblique", "agreed_nominatives", "adjective", "alternants", "analyser", "first_name", "nominatives", "place_adjective",
           "plural_adjective", "function_word", "ukrainian_only", "word_nominatives"]

MAX_FORMS = 12
"""At most this many nominatives of one name (each is looked up)."""

_CYRILLIC_WORD = re.compile(r"^[А-Яа-яЁёІіЇїЄєҐґ'’ʼ-]+$")
_UKRAINIAN_LETTERS = set("іїєґІЇЄҐ")
_RUSSIAN_LETTERS = set("ыэъёЫЭЪЁ")
_GENDERS = ({"nomn"}, {"nomn", "plur"}, {"nomn", "sing", "masc"}, {"nomn", "sing", "neut"},
            {"nomn", "sing", "femn"})
_MIN_LETTERS = 3  # shorter words ("Ум") are left as written
# the hyphen between two capitalised Cyrillic parts of a name, each of which declines
_HYPHENATED = re.compile(r"(?<=[а-яёіїєґ'’ʼ]{2})-(?=[А-ЯЁІЇЄҐ][а-яёіїєґ]{2})")


#: How many parses' lexemes an analyser remembers (the parses of the words of one name)
_LEXEMES_KEPT = 64
#: How many words' parses an analyser remembers (a word recurs within a report and from report to report)
_PARSES_KEPT = 1 << 13  # about 2.6 kB each: ~20 MB at most


@functools.lru_cache(maxsize=2)
def _analyser(lang: str):
    import pymorphy3  # loaded with the first Cyrillic name

    class Analyser(pymorphy3.MorphAnalyzer):
        """pymorphy3's analyser, remembering the parses of each word and the lexemes of the last parses it
        was asked for. A word is parsed once: its nominatives, whether it is a first name, an adjective, a
        verb, a Ukrainian word, a form of a rule's lemma… all read the same parses (pymorphy3 works them out
        again at each call; a word's parses are always the same list). A parse is put in each of
        :data:`_GENDERS` in turn, and each ``inflect`` builds the parse's whole lexeme (most of the cost of a
        word's nominatives); the lexeme of a parse is always the same list of forms."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._lexemes: dict[int, tuple] = {}  # id of a parse -> (the parse, its lexeme)
            self._parses: dict[str, tuple] = {}  # a word as given (its case tells some units) -> its parses
            self._paradigms: dict[tuple, list] = {}  # _paradigm_key of a parse -> its lexeme
            self._known: dict[str, bool] = {}  # a parse's word -> whether the dictionary holds it

        def known(self, parse) -> bool:
            """``parse.is_known``, remembered for each word: the dictionary is searched with its character
            substitutes (ё ~ е, ґ ~ г), a walk of the word graph each time, and a word's parses share their word."""
            word = parse.word
            held = self._known.get(word)
            if held is None:
                if len(self._known) >= _PARSES_KEPT:
                    self._known.clear()
                held = self._known[word] = parse.is_known
            return held

        def parse(self, word):  # noqa: D102 - pymorphy3's, remembered
            held = self._parses.get(word)
            if held is None:
                if len(self._parses) >= _PARSES_KEPT:
                    self._parses.clear()
                held = self._parses[word] = tuple(super().parse(word))
            return list(held)  # a list of its own, as pymorphy3 gives: a caller may change it

        def get_lexeme(self, form):  # noqa: D102 - pymorphy3's, remembered
            held = self._lexemes.get(id(form))
            if held is not None and held[0] is form:  # the parse itself (held, so its id is not reused)
                return held[1]
            key = _paradigm_key(form)
            lexeme = None if key is None else self._paradigms.get(key)
            if lexeme is None:
                lexeme = super().get_lexeme(form)
                if key is not None:
                    if len(self._paradigms) >= _LEXEMES_KEPT:
                        self._paradigms.clear()
                    self._paradigms[key] = lexeme
            if len(self._lexemes) >= _LEXEMES_KEPT:
                self._lexemes.clear()
            self._lexemes[id(form)] = (form, lexeme)
            return lexeme

    return Analyser(lang=lang)


def _paradigm_key(form) -> tuple | None:
    """What the lexeme of a parse that pymorphy3 builds from a dictionary paradigm depends on, or None for a parse
    of another kind: the paradigm, the stem (the parse's word less the paradigm's prefix and ending at its index),
    the normal form, and the analogy methods above it (``KnownSuffixAnalyzer``'s, which pass the lexeme through
    and add themselves to each form). A word's parses of one paradigm ("Удачного": masculine and neuter genitive,
    accusative) share one lexeme, built once.

    pymorphy3's ``DictionaryAnalyzer.get_lexeme`` reads the word, the paradigm, the index and the normal form of a
    parse (not its tag or score); an ``AnalogyAnalyzerUnit`` whose ``lexemizer`` and ``get_lexeme`` are the base
    class's hands the parse down unchanged but for its own method, and appends that method to each form.
    """
    from pymorphy3.units.base import AnalogyAnalyzerUnit
    from pymorphy3.units.by_lookup import DictionaryAnalyzer

    stack = form.methods_stack
    unit = stack[0][0]
    if not isinstance(unit, DictionaryAnalyzer) or type(unit).get_lexeme is not DictionaryAnalyzer.get_lexeme:
        return None
    for method in stack[1:]:
        kind = type(method[0])
        if not (issubclass(kind, AnalogyAnalyzerUnit) and kind.get_lexeme is AnalogyAnalyzerUnit.get_lexeme
                and kind._get_lexeme is AnalogyAnalyzerUnit._get_lexeme
                and kind.lexemizer is AnalogyAnalyzerUnit.lexemizer):
            return None
    _, _, para_id, idx = stack[0]
    stem = unit.dict.build_stem(unit.dict.paradigms[para_id], idx, form.word)
    return unit, para_id, stem, form.normal_form, stack[1:]


#: pymorphy3's analyser of ``"ru"`` or ``"uk"``, loaded on first use (also read by :mod:`geo.rules.lemmas`)
analyser = _analyser


def _langs(word: str) -> tuple[str, ...]:
    letters = set(word)
    if letters & _UKRAINIAN_LETTERS:
        return ("uk",)
    if letters & _RUSSIAN_LETTERS:
        return ("ru",)
    return ("ru", "uk")


@functools.lru_cache(maxsize=65536)
def ukrainian_only(name: str) -> bool:
    """Whether a Cyrillic name is Ukrainian as written: every word is in the Ukrainian dictionary
    (VESUM, which holds the country's place names and their forms) and not in the Russian one,
    so that it is no Russian form to convert to Ukrainian ("Молодецьке" is the neuter Ukrainian
    adjective, not a Russian "Молодецкое" whose Ukrainian might be "Молодецький").

    >>> ukrainian_only("Молодецьке"), ukrainian_only("Степове"), ukrainian_only("Степное"), ukrainian_only("Часова Яра")
    (True, True, False, False)
    >>> ukrainian_only("Широкине"), ukrainian_only("Широкино")
    (True, False)
    """
    words = name.split()
    return bool(words) and all(
        _CYRILLIC_WORD.match(w) is not None and len(w) >= _MIN_LETTERS
        and _ukrainian_word(w.lower()) and not _analyser("ru").word_is_known(w.lower())
        for w in words)


def _ukrainian_neuter(word: str) -> bool:
    """Whether the Ukrainian dictionary holds a word as a neuter nominative ("Степове", "Широкине"): the form of a
    Russian neuter name's prepositional ("в Шевченкове", "в Гришине")."""
    uk = _analyser("uk")
    return any(uk.known(p) and p.tag.case == "nomn" and p.tag.gender == "neut" and "Dist" not in p.tag
               for p in uk.parse(word))


@functools.lru_cache(maxsize=65536)
def _ukrainian_word(word: str) -> bool:
    """Whether the Ukrainian dictionary holds a word as Ukrainian: VESUM also lists the Russian forms of many
    village names, marked ``Dist`` ("Широкино" beside "Широкине"), and such a form is Russian to convert.
    Remembered: the words of a name come back in its other forms and in other names."""
    uk = _analyser("uk")
    return any(uk.known(p) and "Dist" not in p.tag for p in uk.parse(word))


def _inflected(parse, grammemes: frozenset[str] | set[str], word: str) -> str | None:
    """``parse`` put in ``grammemes``, written in ``word``'s case (ё as е), or None where it cannot take them."""
    try:
        form = parse.inflect(grammemes)
    except (ValueError, KeyError):  # pragma: no cover - a grammeme the dictionary lacks
        return None
    return None if form is None else _match_case(form.word.replace("ё", "е"), word)


def _match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        return "-".join(p[:1].upper() + p[1:] for p in form.split("-"))
    return form


@functools.lru_cache(maxsize=65536)
def word_nominatives(word: str) -> tuple[str, ...]:
    """The nominatives of one Cyrillic word, best parse first, the word itself included.

    >>> word_nominatives("Ставків")[:2]
    ('Ставків', 'Ставки')
    >>> "Удачне" in word_nominatives("Удачного")
    True
    >>> "Часів" in word_nominatives("Часовому"), "Кучерів" in word_nominatives("Кучерового")
    (True, True)
    >>> "Шевченково" in word_nominatives("Шевченкова"), "Таврийское" in word_nominatives("Таврийском")
    (True, True)
    """
    if len(word) < _MIN_LETTERS or not _CYRILLIC_WORD.match(word):
        return (word,)
    out: dict[str, None] = {word: None}
    for lang in _langs(word):
        for parse in _analyser(lang).parse(word):
            if parse.tag.case is None:
                continue
            # a singular form (or one of a gender) is a case of a singular name: "Молодецьке"
            # is not the plural "Молодецькі" (~ "Molodetskiy"); a plural form stays plural
            singular = parse.tag.number == "sing" or (parse.tag.number is None and parse.tag.gender is not None)
            for grammemes in _GENDERS:
                if singular and "plur" in grammemes:
                    continue
                full = _inflected(parse, grammemes, word)
                if full is not None:
                    out.setdefault(full, None)
                    for short in _short_forms(full, word):
                        out.setdefault(short, None)
    for form in _ending_nominatives(word):
        out.setdefault(form, None)
    return tuple(out)


#: the oblique endings of the declensions of Russian and Ukrainian place names that pymorphy3's analyser reads as
#: another word's ("Шевченкова" as the surname Шевченков's genitive, not as the village Шевченково's) or does not
#: know ("Вергунці"), each with the nominative ending it comes from: one row each, with an example
#: ``"Шевченкова → Шевченково"``
CASE_ENDINGS_FILE = Path(__file__).resolve().parent / "data" / "case_endings.jsonl"
_MIN_STEM = 3


def _check_ending(row, phrase: str, where: str) -> None:
    from frontmap.errors import RuleError

    written, _, nominative = row["example"].partition(" → ")
    if not written.lower().endswith(phrase) or nominative != written[: len(written) - len(phrase)] + row["nominative"]:
        raise RuleError(f"{where}: the example must be 'X{phrase} → X{row['nominative']}', not {row['example']!r}")


@functools.lru_cache(maxsize=1)
def case_endings() -> tuple[tuple[str, str, str], ...]:
    """The rows of ``gazetteer/data/case_endings.jsonl`` as ``(lang, ending, nominative ending)``, longest ending first.

    >>> ("ru", "ова", "ово") in case_endings()
    True
    """
    rows = load_table(CASE_ENDINGS_FILE, classes={"neuter", "feminine"}, matches={"part"}, langs={"ru", "uk"},
                      fields={"nominative": None}, required={"nominative"}, checks={"part": _check_ending})
    return tuple(sorted(((r.lang, r.key, r.get("nominative")) for r in rows), key=lambda r: -len(r[1])))


def _ending_nominatives(word: str) -> list[str]:
    """The nominatives :func:`case_endings` gives a capitalised word, by the rows of the languages it may be in (a
    word with a Ukrainian letter is no Russian form), a Russian row not to a Ukrainian neuter name as written
    ("Степове" is no Russian "Степово" in the prepositional)."""
    if not word[:1].isupper():
        return []
    low = word.lower()
    langs = set(_langs(word))
    if "ru" in langs and ukrainian_only(word) and _ukrainian_neuter(low):
        langs.discard("ru")
    return [_match_case(low[: len(low) - len(end)] + nom, word) for lang, end, nom in case_endings()
            if lang in langs and low.endswith(end) and len(low) - len(end) >= _MIN_STEM]


# A possessive adjective names many villages in its short masculine form — Ukrainian "Часів Яр",
# "Кучерів Яр", Russian "Часов Яр" — and declines as a full adjective: "Часового Яру", "Кучеровому
# Яру". The analysers put such a word in the full nominative ("Часовий", "Часовой"); the short
# form is that with the ending dropped, and in Ukrainian with the о of the now closed syllable
# turned into і (-овий → -ів, -евий/-євий → -їв after a vowel, -ів after a consonant).
_SHORT_POSSESSIVE = re.compile(r"(?<=[^\W\d_])(ов|ев|єв)(ий|ый|ой)$")


def _short_forms(full: str, word: str) -> list[str]:
    """The short possessive forms of a full masculine adjective (none for another word): the
    Russian in -ов/-ев unless the word as written has a Ukrainian letter, the Ukrainian in -ів/-їв
    unless it has a Russian one."""
    m = _SHORT_POSSESSIVE.search(full)
    if m is None:
        return []
    stem = full[: m.start()]
    letters = set(word)
    out = []
    if not letters & _UKRAINIAN_LETTERS:
        out.append(stem + ("ев" if m.group(1) == "ев" else "ов"))
    if not letters & _RUSSIAN_LETTERS:
        out.append(stem + ("їв" if m.group(1) == "єв" or (m.group(1) == "ев" and stem[-1:] in _VOWELS) else "ів"))
    return out


_VOWELS = "аеєиіїоуюяы"


def _hyphenated_nominatives(word: str) -> tuple[str, ...]:
    """:func:`word_nominatives` of a word, and for a hyphenated name the forms with both parts in
    the nominative, those whose parts agree first: "Каменке-Днепровской" → "Каменка-Днепровская" (the analyser alone
    declines the last part only, which is right for a first part that does not decline:
    "Олександро-Шультиного" → "Олександро-Шультине")."""
    whole = word_nominatives(word)
    parts = _HYPHENATED.split(word)
    if len(parts) != 2:
        return whole
    # the readings whose parts agree first ("Каменки-Днепровской" → "Каменка-Днепровская", not "Каменки-Днепровский")
    agreed = [form.replace(" ", "-") for form in _agreed_forms(tuple(parts))]
    both = ("-".join(pair) for pair in itertools.product(word_nominatives(parts[0])[1:], word_nominatives(parts[1])[1:]))
    return tuple(dict.fromkeys([whole[0], *agreed, *whole[1:], *itertools.islice(both, MAX_FORMS)]))


def nominatives(name: str) -> list[str]:
    """The nominative forms an inflected Cyrillic name may come from (the name itself excluded).

    Each word is put in the nominative (the last word, the noun, first: its forms vary most);
    the forms are combined, most likely first, at most :data:`MAX_FORMS`.

    Parameters
    ----------
    name : str
        A place name as written in a Russian or Ukrainian sentence.

    Returns
    -------
    list of str
        Candidate nominatives; empty for a name with no Cyrillic word to inflect.

    Examples
    --------
    >>> "Гуляйполе" in nominatives("Гуляйполя")
    True
    >>> "Ступочки" in nominatives("Ступочек")
    True
    """
    words = name.split()
    if not words or not any(_CYRILLIC_WORD.match(w) and len(w) >= _MIN_LETTERS for w in words):
        return []
    options = [_hyphenated_nominatives(w) for w in words]
    # every word in a nominative first (a name's words agree: "Верхней Терсы" → "Верхняя Терса"),
    # then the likeliest parses: combinations by the sum of their ranks
    ranked = sorted(itertools.product(*(range(len(o)) for o in options)),
                    key=lambda ranks: (sum(r == 0 and len(o) > 1 for o, r in zip(options, ranks)), sum(ranks)))
    out: list[str] = []
    for ranks in ranked:
        form = " ".join(o[r] for o, r in zip(options, ranks))
        if form != name and form not in out:
            out.append(form)
            if len(out) >= MAX_FORMS:
                break
    # and the readings whose words agree, as a name's words do ("Нового Шахового" → "Нове
    # Шахове", not "Новое Шахів"): every word put in one gender and number by one analyser
    if len(words) > 1:
        out += [form for form in _agreed_forms(tuple(words)) if form != name and form not in out][:_AGREED_FORMS]
    return out


#: At most this many readings with agreeing words are added to a name's nominatives
_AGREED_FORMS = 4


@functools.lru_cache(maxsize=16384)
def _agreed_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    """A multi-word name in the nominative of each gender and number, every word by the first
    parse of one analyser that has a case and can take that form (None where a word cannot); the
    gender and number the last word has as written first ("Каменки-Днепровской" is feminine singular)."""
    out: dict[str, None] = {}
    for lang in _langs("".join(words)):
        morph = _analyser(lang)
        # each word parsed once for all the forms (the analyser then builds each parse's lexeme once)
        parses = [morph.parse(w) if len(w) >= _MIN_LETTERS and _CYRILLIC_WORD.match(w) else None for w in words]
        last = next((p.tag for p in morph.parse(words[-1]) if p.tag.case is not None), None)
        own = (set() if last is None else {"plur"} if last.number == "plur" else {last.gender} if last.gender else set())
        for grammemes in sorted(_GENDERS[1:], key=lambda g: not own or not own <= g):
            forms = []
            for w, word_parses in zip(words, parses):
                form = None
                if word_parses is not None:
                    for parse in word_parses:
                        if parse.tag.case is None or parse.tag.POS not in ("NOUN", "ADJF"):
                            continue
                        form = _inflected(parse, grammemes, w)
                        if form is not None:
                            break
                if form is None:
                    break
                forms.append(form)
            else:
                out.setdefault(" ".join(forms), None)
    return tuple(out)


def agreed_nominatives(phrase: str) -> list[str]:
    """A noun phrase put in the nominative with its adjectives agreeing with its last word, the noun.

    For region names in whatever case a sentence puts them ("Днепропетровской области",
    "Покровського району", "Краснодарского края"): the noun's lemma and gender from each
    analyser that may read the phrase, the words before it inflected as adjectives to the
    nominative singular of that gender. Most likely reading first; empty for Latin text.

    >>> agreed_nominatives("Днепропетровской области")[0]
    'Днепропетровская область'
    >>> "Покровський район" in agreed_nominatives("Покровського району")
    True
    >>> "Сумський район" in agreed_nominatives("Сумський райони")  # the last of a list ("Сумський та … райони")
    True
    """
    words = phrase.split()
    if not words or not all(_CYRILLIC_WORD.match(w) for w in words):
        return []
    out: dict[str, None] = {}
    for lang in _langs(phrase.replace(" ", "")):
        morph = _analyser(lang)
        for noun in morph.parse(words[-1]):
            # a plural form carries no gender: its lemma's ("райони": "район", masculine)
            gender = noun.tag.gender if noun.tag.POS == "NOUN" else None
            if gender is None and noun.tag.POS == "NOUN" and "plur" in noun.tag:
                gender = next((p.tag.gender for p in morph.parse(noun.normal_form)
                               if p.tag.POS == "NOUN" and p.tag.gender is not None), None)
            if gender is None:
                continue
            head = _match_case(noun.normal_form, words[-1])
            adjectives = []
            for w in words[:-1]:
                forms = []
                for parse in morph.parse(w):
                    if parse.tag.POS not in ("ADJF", "ADJS"):
                        continue
                    form = parse.inflect({"nomn", gender})
                    if form is not None:
                        forms.append(_match_case(form.word, w))
                adjectives.append(forms[:1] or [w])
            out.setdefault(" ".join([a[0] for a in adjectives] + [head]), None)
            break  # the likeliest noun reading of this language
    return list(out)


@functools.lru_cache(maxsize=65536)
def oblique(name: str) -> bool:
    """Whether a Cyrillic name is in an oblique case as written: no reading of its last word (of the last part of a
    hyphenated one) in either language is a nominative ("Каменки-Днепровской", "Шевченкова" is not: the surname).

    >>> oblique("Каменки-Днепровской"), oblique("Новопавлівки"), oblique("Отрадное"), oblique("Pokrovsk")
    (True, True, False, False)
    """
    words = name.split()
    last = words[-1].split("-")[-1] if words else ""
    if len(last) < _MIN_LETTERS or not _CYRILLIC_WORD.match(last):
        return False
    cases = {p.tag.case for lang in _langs(last) for p in _analyser(lang).parse(last.lower())}
    return "nomn" not in cases and bool(cases - {None})  # a reading with no case is a guess at another word


@functools.lru_cache(maxsize=65536)
def first_name(word: str) -> bool:
    """Whether a capitalised Cyrillic word is a person's first name in every language it may be
    (the likeliest parse carries pymorphy3's ``Name`` grammeme): "Олег", "Семен", "Євген".

    >>> first_name("Олег"), first_name("Покровськ"), first_name("Маяк")
    (True, False, False)
    """
    if len(word) < _MIN_LETTERS or not _CYRILLIC_WORD.match(word):
        return False
    for lang in _langs(word):
        parses = _analyser(lang).parse(word)
        if not parses or "Name" not in parses[0].tag:
            return False
    return True


@functools.lru_cache(maxsize=65536)
def place_adjective(word: str) -> bool:
    """Whether a Cyrillic word may be a singular masculine or neuter adjective, in any case: the
    form of the villages named by a common adjective ("Вільне", "Удачного", "Сухий", "Новое"),
    not of a feminine or plural one that opens another kind of name ("Западной группировки",
    "Донецкой Народной Республики", "Нові здобутки").

    >>> place_adjective("Удачного"), place_adjective("Середнє"), place_adjective("Западной")
    (True, True, False)
    """
    if len(word) < _MIN_LETTERS or not _CYRILLIC_WORD.match(word):
        return False
    for lang in _langs(word):
        for parse in _analyser(lang).parse(word):
            tag = parse.tag
            if tag.POS == "ADJF" and tag.number != "plur" and tag.gender in ("masc", "neut"):
                return True
    return False


@functools.lru_cache(maxsize=65536)
def adjective(word: str) -> bool:
    """Whether a Cyrillic word may be a full adjective, in any gender, number and case ("Малая",
    "Западной", "Нові").

    >>> adjective("Малая"), adjective("Локня")
    (True, False)
    """
    if len(word) < _MIN_LETTERS or not _CYRILLIC_WORD.match(word):
        return False
    return any(parse.tag.POS == "ADJF" for lang in _langs(word) for parse in _analyser(lang).parse(word))


@functools.lru_cache(maxsize=65536)
def plural_adjective(word: str) -> bool:
    """Whether a Cyrillic word is, in its likeliest reading, a plural adjective ("Штурмовые",
    "Нові"): a village named by a plural adjective has its noun too ("Сухі Яли"), so such a word
    alone is the start of a sentence or of another kind of name.

    >>> plural_adjective("Штурмовые"), plural_adjective("Ставки"), plural_adjective("Удачного")
    (True, False, False)
    """
    if len(word) < _MIN_LETTERS or not _CYRILLIC_WORD.match(word):
        return False
    tops = [p for lang in _langs(word) for p in _analyser(lang).parse(word)[:1] if p.tag.POS is not None]
    return bool(tops) and all(p.tag.POS == "ADJF" and p.tag.number == "plur" for p in tops)


_FUNCTION_POS = frozenset({"PREP", "CONJ", "NPRO", "PRCL", "INTJ"})


@functools.lru_cache(maxsize=8192)
def function_word(word: str) -> bool:
    """Whether a Cyrillic word is, in some reading of Russian or Ukrainian, a preposition, conjunction,
    pronoun, particle or interjection ("Серед", "Тим", "Усі"): capitalised, it opens a sentence ("Серед
    населених пунктів…", "Тим часом…"), and a village of that name is not what the text means unless it
    says so.

    >>> function_word("Серед"), function_word("Тим"), function_word("Усі"), function_word("Лиман")
    (True, True, True, False)
    """
    if len(word) < _MIN_LETTERS or not _CYRILLIC_WORD.match(word):
        return False
    return any(p.tag.POS in _FUNCTION_POS for lang in _langs(word) for p in _analyser(lang).parse(word))


# Ukrainian і in a closed syllable alternates with the о or е of the same stem in an open one
# ("Костянтинопіль" ~ "Костянтинополя", "кіт" ~ "кота", "нім" ~ "ному"); a derived adjective may keep
# either ("Костянтинопільське" ~ "Костянтинопольське"), and GeoNames holds many villages under the
# older or Russian-shaped form ("Novopavlovka" beside "Новопавлівка"). The syllable is closed when
# the consonant after the vowel ends the word or stands before another consonant or a soft sign.
_CONSONANTS = "бвгґджзклмнпрстфхцчшщ"
_CLOSED_I = re.compile(rf"і(?=[{_CONSONANTS}](?:[{_CONSONANTS}ь'’ʼ]|$))")
_CLOSED_OE = re.compile(rf"[ое](?=[{_CONSONANTS}](?:[{_CONSONANTS}ь'’ʼ]|$))")
MAX_ALTERNANTS = 8
"""At most this many alternants of one name."""


def _word_alternants(word: str) -> list[str]:
    """The forms of one lower-case Ukrainian word with one closed-syllable vowel alternated."""
    out: list[str] = []
    for m in _CLOSED_I.finditer(word):
        for v in "ое":
            out.append(word[: m.start()] + v + word[m.end():])
    for m in _CLOSED_OE.finditer(word):
        out.append(word[: m.start()] + "і" + word[m.end():])
    return out


@functools.lru_cache(maxsize=16384)
def alternants(name: str) -> tuple[str, ...]:
    """Forms of a Ukrainian name with the о/е ~ і alternation of a closed syllable undone or made,
    one vowel of one word at a time, last word first (at most :data:`MAX_ALTERNANTS`).

    The alternation is regular, but which form a gazetteer holds is not: "Костянтинопільському"
    (the adjective as a Ukrainian text inflects it) names the village GeoNames lists as
    "Костянтинопольське". The forms are generous; a caller keeps only those the gazetteer knows.
    Only Cyrillic words with a Ukrainian letter or none of Russian's are alternated; Latin text
    gives nothing.

    >>> "Костянтинопольське" in alternants("Костянтинопільське")
    True
    >>> "Новопавловка" in alternants("Новопавлівка")
    True
    >>> alternants("Pokrovsk")
    ()
    """
    words = name.split()
    if not words or not all(_CYRILLIC_WORD.match(w) for w in words) or _RUSSIAN_LETTERS & set(name):
        return ()
    out: dict[str, None] = {}
    for i in range(len(words) - 1, -1, -1):
        for form in _word_alternants(words[i].lower()):
            new = " ".join([*words[:i], _match_case(form, words[i]), *words[i + 1:]])
            out.setdefault(new, None)
    return tuple(out)[:MAX_ALTERNANTS]
