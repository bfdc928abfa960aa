"""Name keys: how any spelling of a place name is folded to the Latin key the index holds.

Every gazetteer name and alternate name is indexed under :func:`name_keys`; a mention is looked
up under each key of :func:`query_variants`, best first. Both sides go through :func:`fold`, so a
key is a meeting point of spellings rather than a spelling: ``fold("Avdiyivka") ==
fold("Avdiivka") == fold("Авдіївка")``.

Contract (used by the index builder and by every lookup; change :data:`KEY_VERSION` when keys
change, so that indexes built with the old keys are rebuilt):

- ``fold(text) -> str``: one normalised Latin key.
- ``name_keys(name) -> set[str]``: the keys to index for one gazetteer name or alternate name.
- ``query_variants(mention) -> list[tuple[str, str]]``: keys to look a mention up by, best first,
  each with the rule that produced it: ``"fold"``, ``"qualifier"`` (a word such as "City" or
  "village" dropped), ``"split"`` (one part of "A (B)" or "A/B"), ``"join"`` (the words written
  as one: "Gulyay-Pole" ~ "Huliaipole"), ``"case"`` (a nominative of an inflected Russian or
  Ukrainian name, from pymorphy3: "Ставків" → "Ставки"), ``"translit"`` (another reading of
  Cyrillic or mixed-script text) and ``"ru-uk"`` (Russian form converted to the Ukrainian one).

What a key is
-------------
Cyrillic is transliterated (a Russian scheme from ``iuliia``, the official Ukrainian KMU 2010
scheme from ``translitua``; Cyrillic lookalikes inside a Latin word are read as Latin), then
diacritics, apostrophes and soft signs are dropped, case is folded, every run of characters
other than letters and digits becomes one space (words stay apart, so a whole text can be folded
too), and variant romanisations are made to meet: ``x`` → ``ks``, ``w`` → ``v``, ``q`` → ``k``,
``kh`` → ``h``, ``shch`` → ``sch``, ``tz`` → ``ts``, ``y``/``j`` → ``i``, doubled letters single,
``ie`` → ``e``, ``io`` after a consonant → ``e`` (Russian ё). Russian ``g`` and Ukrainian ``h``
are *not* folded, nor are vowels or endings: those are Russian → Ukrainian rules of
:func:`query_variants`, so that the index keeps Ivanovka (Russia) and Ivanivka apart.

Examples
--------
>>> fold("Avdiyivka") == fold("Avdiivka") == fold("Авдіївка") == fold("Авдиивка")
True
>>> fold("Kupyansk") == fold("Kupiansk") == fold("Куп'янськ")
True
>>> ("vidradne", "ru-uk") in query_variants("Otradnoe")
True
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import iuliia
from translitua import UkrainianKMU, translit

from frontmap.tables import LANGS, Rule, load_table

__all__ = [
    "KEY_VERSION",
    "MAX_VARIANTS",
    "NAME_WORDS_FILE",
    "NAME_WORD_CLASSES",
    "WORD_LANGS",
    "name_words",
    "fold",
    "fold_latin",
    "is_cyrillic",
    "has_cyrillic",
    "transliterations",
    "ru_to_uk",
    "name_keys",
    "query_variants",
    "alternation_variants",
    "nominatives",
]

KEY_VERSION = "1"
"""Version of the keys; indexes built with another version must be rebuilt."""

MAX_VARIANTS = 48
"""At most this many keys from :func:`query_variants` (each is one lookup downstream)."""

# --------------------------------------------------------------------------------------------
# Scripts
# --------------------------------------------------------------------------------------------

_CYRILLIC = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
# Cyrillic letters that look like Latin ones; in a word otherwise Latin they were meant as Latin.
_HOMOGLYPHS = dict(zip("аеорсухіјѕАВЕКМНОРСТУХІЈЅ", "aeopcyxijsABEKMHOPCTYXIJS"))
# Letters that only Ukrainian (and Belarusian) Cyrillic has; their presence picks the Ukrainian scheme.
_UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
# Russian-only letters, read the Ukrainian way before the KMU scheme (which leaves them as they are).
_RU_FOR_UK = str.maketrans({"ы": "и", "Ы": "И", "э": "е", "Э": "Е", "ё": "йо", "Ё": "Йо", "ъ": "", "Ъ": ""})
# Whatever Cyrillic is left after a scheme (Belarusian, Serbian, Macedonian letters ...).
_CYR_REST = str.maketrans({
    "ў": "u", "Ў": "U", "ј": "j", "Ј": "J", "љ": "lj", "Љ": "Lj", "њ": "nj", "Њ": "Nj",
    "ђ": "dj", "Ђ": "Dj", "ћ": "c", "Ћ": "C", "џ": "dzh", "Џ": "Dzh", "ѓ": "g", "Ѓ": "G",
    "ќ": "k", "Ќ": "K", "ѕ": "dz", "Ѕ": "Dz", "ь": "", "Ь": "", "ъ": "", "Ъ": "",
})


def has_cyrillic(text: str) -> bool:
    """Whether `text` holds any Cyrillic letter.

    Examples
    --------
    >>> has_cyrillic("Chуниshino"), has_cyrillic("Chunishino")
    (True, False)
    """
    return _CYRILLIC.search(text) is not None


def is_cyrillic(text: str) -> bool:
    """Whether `text` is written in Cyrillic: it has Cyrillic letters and no Latin ones.

    Examples
    --------
    >>> is_cyrillic("Отрадное"), is_cyrillic("Chуниshino"), is_cyrillic("Otradnoe")
    (True, False, False)
    """
    return has_cyrillic(text) and _LATIN.search(text) is None


def _ru_latin(text: str) -> str:
    """Russian reading of Cyrillic (``iuliia`` Wikipedia scheme); other letters the KMU way."""
    text = iuliia.WIKIPEDIA.translate(text)
    if has_cyrillic(text):
        text = translit(text, UkrainianKMU).translate(_CYR_REST)
    return text


def _uk_latin(text: str) -> str:
    """Ukrainian reading of Cyrillic (``translitua`` KMU 2010 scheme); Russian letters read as Ukrainian."""
    return translit(text.translate(_RU_FOR_UK), UkrainianKMU).translate(_CYR_REST)


def _fix_mixed(text: str) -> tuple[str, bool]:
    """Read Cyrillic lookalikes inside an otherwise Latin word as Latin.

    A word mixing the scripts whose Cyrillic letters are all lookalikes ("Pokrоvsk" with a
    Cyrillic о) is made Latin letter by letter; a word with other Cyrillic letters
    ("Chуниshino") is left to transliteration. Returns the text and whether a lookalike was
    replaced (the other reading, by sound, is then worth a variant too).
    """
    changed = False

    def one(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group()
        if not (_LATIN.search(word) and has_cyrillic(word)):
            return word
        if all(ch in _HOMOGLYPHS for ch in word if _CYRILLIC.match(ch)):
            changed = True
            return "".join(_HOMOGLYPHS.get(ch, ch) for ch in word)
        return word

    return _WORD.sub(one, text), changed


def transliterations(text: str) -> list[str]:
    """The Latin readings of a Cyrillic or mixed-script text: Russian scheme first, then Ukrainian.

    Latin text comes back as it is (one reading). Cyrillic lookalikes in a Latin word are read
    both as the Latin letters they look like and by sound.

    Examples
    --------
    >>> transliterations("Великомихайловка")
    ['Velikomikhaylovka', 'Velykomykhailovka']
    >>> transliterations("Вугледар")
    ['Vugledar', 'Vuhledar']
    >>> transliterations("Chуниshino")
    ['Chunishino', 'Chunyshino']
    >>> transliterations("Otradnoe")
    ['Otradnoe']
    """
    text = unicodedata.normalize("NFC", text)
    if not has_cyrillic(text):
        return [text]
    fixed, changed = _fix_mixed(text)
    out = [fixed] if changed else []
    for reading in (_ru_latin(text), _uk_latin(text)):
        if reading not in out:
            out.append(reading)
    return out


# --------------------------------------------------------------------------------------------
# Fold
# --------------------------------------------------------------------------------------------

# Letters whose diacritic carries a sound that plain stripping would lose (Czech/Polish/ISO 9 forms).
_PRE_STRIP = str.maketrans({
    "ž": "zh", "Ž": "Zh", "š": "sh", "Š": "Sh", "č": "ch", "Č": "Ch", "ŝ": "shch", "Ŝ": "Shch",
    "ĉ": "ch", "Ĉ": "Ch", "ß": "ss", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae",
    "Æ": "Ae", "œ": "oe", "Œ": "Oe", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h",
})
_APOSTROPHES = re.compile("['’ʼ`´ʹʺ‘\"”“″′ˈ]")
_NON_ALNUM = re.compile(r"[\W_]+")
# (each rule reads inside one word: fold_latin spells a text word by word, tests/test_names.py checks it)
_SPELLING: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(p), r)
    for p, r in (
        (r"x", "ks"),
        (r"w", "v"),
        (r"q", "k"),
        (r"kh", "h"),
        (r"sh?ch", "sch"),  # щ: shch (KMU, BGN) ~ sch (simple schemes)
        (r"tz", "ts"),
        (r"[yj]", "i"),  # y/i/j alike: the one fold with most of the gain
        (r"(zh|sh|ch|ts)\1", r"\1"),  # doubled digraphs (Zaporizhzhia ~ Zaporizhia)
        (r"([a-z])\1+", r"\1"),  # doubled letters single, ii/iy/yi endings too
        (r"ie", "e"),  # ye/ie/je (е, є) ~ e
        (r"(?<=[bcdfghklmnprstvz])io", "e"),  # yo/jo after a consonant (Russian ё) ~ e
        (r"([a-z])\1+", r"\1"),
    )
)
_REFOLD = _SPELLING[-5:]  # what a rewrite of a key can undo: doubles, ie, io

def fold_latin(text: str) -> str:
    """Fold text already in Latin letters (anything else is kept as it is) to its key.

    Examples
    --------
    >>> fold_latin("Zaporizhzhia"), fold_latin("Zaporizhia"), fold_latin("Zaporozhye")
    ('zaporizhia', 'zaporizhia', 'zaporozhe')
    >>> fold_latin("Shchastia") == fold_latin("Schastja")
    True
    """
    if text.isascii():
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.translate(_PRE_STRIP))
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _NON_ALNUM.sub(" ", text).strip()
    return " ".join(map(_spell, text.split(" "))) if " " in text else _spell(text)


@functools.lru_cache(maxsize=65536)
def _spell(word: str) -> str:
    """The spelling rules (:data:`_SPELLING`) applied to one word of a fold. No rule reaches across the space
    between two words, so a text is spelt word by word, and each word, which comes back in name after name
    ("Nova", "Novoselivka" and their alternates), once."""
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return word


def _refold(key: str) -> str:
    """Fold again a key that a Latin rewrite rule changed."""
    for pattern, repl in _REFOLD:
        key = pattern.sub(repl, key)
    return key


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name in any script to its Latin key.

    Cyrillic lookalikes in a Latin word become Latin; other Cyrillic is transliterated by the
    Ukrainian scheme when the text has Ukrainian-only letters (і ї є ґ) and by a Russian scheme
    otherwise; then :func:`fold_latin`.

    Parameters
    ----------
    text : str
        A name as written.

    Returns
    -------
    str
        The key: lower-case ASCII words separated by single spaces (letters of scripts with no
        folding, such as Arabic or Chinese, are kept as they are); empty for no letters.

    Examples
    --------
    >>> fold("Huliaipole"), fold("Gulyaypole"), fold("Гуляйполе")
    ('huliaipole', 'guliaipole', 'guliaipole')
    >>> fold("Rai-Oleksandrivka") == fold("Rai Oleksandrivka") == fold("Рай-Олександрівка")
    True
    >>> fold("Pokrоvsk")  # a Cyrillic о among Latin letters
    'pokrovsk'
    >>> fold("Chуниshino")
    'chunishino'
    >>> fold("Molodets'ke") == fold("Molodetske") == fold("Молодецьке")
    True
    """
    text = unicodedata.normalize("NFC", text)
    if has_cyrillic(text):
        text, _ = _fix_mixed(text)
        if has_cyrillic(text):
            text = _uk_latin(text) if _UKRAINIAN_ONLY & set(text) else _ru_latin(text)
    return fold_latin(text)


_HAS_ASCII_LETTER = re.compile("[a-z]")


def name_keys(name: str) -> set[str]:
    """The keys to index for one gazetteer name or alternate name, in any script.

    The fold of the name and, for a Cyrillic name, the folds of its reading by a Russian scheme
    and by the Ukrainian one (they differ: и is i or y, г is g or h, е is e or ie); each key of
    several words also joined into one ("Huliai Pole" ~ "Huliaipole"). Names in
    scripts that do not fold to Latin letters (Arabic, Chinese ...) give no key: no mention is
    looked up in them.

    Parameters
    ----------
    name : str
        One name or alternate name of a gazetteer row.

    Returns
    -------
    set of str
        Its keys; empty when it has none.

    Examples
    --------
    >>> sorted(name_keys("Гуляйполе"))
    ['guliaipole', 'huliaipole']
    >>> sorted(name_keys("Zaporizhzhya"))
    ['zaporizhia']
    >>> name_keys("利沃夫")
    set()
    """
    keys = {fold(name)}
    if has_cyrillic(name):
        keys.update(fold_latin(reading) for reading in transliterations(name))
    keys.update([key.replace(" ", "") for key in keys if " " in key])
    return {key for key in keys if _HAS_ASCII_LETTER.search(key)}


# --------------------------------------------------------------------------------------------
# Russian -> Ukrainian toponym conversion
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Rule:
    """One optional rewrite of a word: at every match at once, or at one match at a time.

    A rule applied at one match at a time (`each`) takes a literal replacement.
    """

    pattern: re.Pattern[str]
    repl: str
    each: bool = False

    def apply(self, word: str) -> list[str]:
        if not self.each:
            new = self.pattern.sub(self.repl, word)
            return [new] if new != word else []
        return [word[: m.start()] + self.repl + word[m.end():] for m in self.pattern.finditer(word)]


def _rules(*table: tuple[str, str] | tuple[str, str, bool]) -> tuple[_Rule, ...]:
    return tuple(_Rule(re.compile(row[0]), row[1], *row[2:]) for row in table)  # type: ignore[arg-type]


_C = "bcdfghklmnprstvz"  # consonant letters of a folded key
# Whole words: genuine Russian/Ukrainian lexical pairs, usable in any toponym.
_LEXICON_LATIN: dict[str, tuple[str, ...]] = {
    "pervoe": ("pershe",), "pervaia": ("persha",), "pervi": ("pershi",), "pervoi": ("pershi",),
    "vtoroe": ("druhe",), "vtoraia": ("druha",), "vtoroi": ("druhi",),
    "tretie": ("tretie", "trete"), "tretia": ("tretia",),
    "bolshaia": ("velika",), "bolshoe": ("velike",), "bolshoi": ("veliki",), "bolshie": ("veliki",),
    "malaia": ("mala",), "maloe": ("male",), "male": ("mali",), "maloi": ("mali",),
    "staraia": ("stara",), "staroe": ("stare",), "stare": ("stari",),
    "novaia": ("nova",), "novoe": ("nove",), "nove": ("novi",),
    "krasnaia": ("chervona",), "krasnoe": ("chervone",), "krasni": ("chervoni",),
}
# Parts of words (the Latin romanisation of the Russian form, folded).
_RU_UK_LATIN = _rules(
    (r"^ot(?=[" + _C + "])", "vid"),  # Otradnoe -> Vidradne
    (r"^u(?=[" + _C + "])", "vu"),  # prothetic v: Ugledar -> Vuhledar, Uzlovoy -> Vuzlovyi
    (r"^ol(?=[hsk])", "vil"),  # Olkhovka -> Vilkhivka, Olshanka -> Vilshanka
    (r"aleks", "oleks"),  # Aleksandrovka -> Oleksandrivka
    (r"nikol", "mikol"),  # Nikolaevka -> Mykolaivka
    (r"vladimir", "volodimir"),  # Vladimirovka -> Volodymyrivka
    (r"ekaterin", "katerin"),  # Ekaterinovka -> Katerynivka
    (r"konstantin", "kostiantin"),  # Konstantinovka -> Kostiantynivka
    (r"kamen", "kamian"),  # Kamenka -> Kamianka, Kamennyi -> Kamianyi
    (r"^rabot", "robot"),  # Rabotino -> Robotyne
    (r"shahter", "shahtar"),  # Shakhtersk -> Shakhtarsk
    (r"dubrav", "dibrov"),  # Dubrava -> Dibrova
    (r"^([sz])la(?=[dt])", r"\1olo"),  # pleophony: Sladkoe -> Solodke, Zlatopol -> Zolotopil
    (r"hla(?=d)", "holo"),  # Prokhladnoe -> Prokholodne
    (r"^bolshe", "veliko"),  # Bolshemikhailovka -> Velykomykhailivka
    (r"^bes(?=[" + _C + "])", "bez"),  # Bespechnoe -> Bezpechne
    (r"^ra[sz]", "roz"),  # Razdolnoe -> Rozdolne
    (r"^cher(?=n[oa]|t)", "chor"),  # Chernovka -> Chornivka, Chertovets -> Chortovets
    (r"glub", "glib"),  # Glubokoe -> Hlyboke
    (r"ablon", "ablun"),  # Yablonovka -> Yablunivka
    (r"^pervo(?=[" + _C + "])", "persho"),  # Pervozvanovka -> Pershozvanivka
    (r"stl", "sl"),  # Schastlivoe -> Shchaslyve
    (r"zsk", "zk"),  # Khartsyzsk -> Khartsyzk
    (r"(?:ch|k)sk", "tsk"),  # -chskaya, -kskaya -> -tska: Dolgolukskaya -> Dovholutska
    (r"g", "h"),  # г: Russian g, Ukrainian h
    (r"[oe]vat", "uvat"),  # Ternovatoe -> Ternuvate, Grushevatka -> Hrushuvatka
    (r"(?<=[" + _C + "])io", "e"),  # ё
    (r"[oe]vka$", "ivka"),  # Zvanovka -> Zvanivka, Andreevka -> Andriivka
    (r"ev(?=ka$|$)", "eiv"),  # Pelageevka -> Pelaheivka, Beleev -> Beleiv
    (r"[oe]v$", "iv"),  # Chasov -> Chasiv, Orekhov -> Orikhiv
    (r"ovok$", "ivok"),  # Vyazovok -> Viazivok
    (r"ino$", "ine"),  # Grishino -> Hryshyne
    (r"([oe])vo$", r"\1ve"),  # Kirovo -> Kirove
    (r"(?<=[" + _C + "])no$", "ne"),  # Berezno -> Berezne
    (r"itsa$", "itsia"),  # Belitsa -> Bilytsia
    (r"ole$", "ilia"),  # -olye: Krasnopolye -> Krasnopillia, Privolye -> Pryvillia
    (r"(?<=[dlnrstzh])e$", "ia"),  # -ye (-ье): Zarechye -> Zarichchia
    (r"(?<=[" + _C + "])oe$", "e"),  # -oe, -oye: Mirnoe -> Myrne
    (r"aia$", "a"),  # -aya: Lozovaya -> Lozova
    (r"(?<=[" + _C + "])oi$", "i"),  # -oy: Uzlovoy -> Vuzlovyi
    (r"(?:(?<=sk)|(?<=ck)|(?<=ok)|(?<=[nvth]))[eai]$", "e"),  # adjective gender: Maiskii ~ Maiske
    (r"(?:(?<=sk)|(?<=ck)|(?<=ok)|(?<=[nvth]))[eai]$", "i"),  # and plural: Tolstye -> Tovsti
    (r"(?:(?<=sk)|(?<=ck)|(?<=ok)|(?<=[nvth]))[eai]$", "a"),
    # Generous: one vowel or consonant at a time, tried last and on few-change forms only.
    (r"ol(?=[" + _C + "])", "ov", True),  # Volchansk -> Vovchansk, Dolgoe -> Dovhe
    (r"e(?=[" + _C + "])", "i", True),  # yat: Seversk -> Siversk, Peschanoe -> Pishchane
    (r"o(?=[" + _C + "](?:[" + _C + "]|$))", "i", True),  # o in a closed syllable: -gorsk -> -hirsk
)
_LEXICON_CYRILLIC: dict[str, tuple[str, ...]] = {
    "первое": ("перше",), "первая": ("перша",), "первый": ("перший",),
    "второе": ("друге",), "вторая": ("друга",), "второй": ("другий",),
    "большая": ("велика",), "большое": ("велике",), "большой": ("великий",), "большие": ("великі",),
    "малая": ("мала",), "малое": ("мале",), "малый": ("малий",),
    "новая": ("нова",), "новое": ("нове",), "новый": ("новий",), "новые": ("нові",),
    "старая": ("стара",), "старое": ("старе",), "старый": ("старий",),
}
_RU_UK_CYRILLIC = _rules(
    (r"^от(?=[бвгджзклмнпрстфхцчшщ])", "від"),
    (r"^у(?=гл)", "ву"),
    (r"алекс", "олекс"),
    (r"^никол", "микол"),
    (r"константин", "костянтин"),
    (r"камен(?=[кс])", "кам'ян"),
    (r"^работ", "робот"),
    (r"^([сз])ла(?=[дт])", r"\1оло"),
    (r"хла(?=д)", "холо"),
    (r"^больше", "велико"),
    (r"лч", "вч"),
    (r"ол(?=[гк])", "ов"),
    (r"оват", "уват"),
    (r"ё", "е"),
    (r"ь?[оеё]вка$", "івка"),
    (r"[ое]в$", "ів"),
    (r"ино$", "ине"),
    (r"([ое])во$", r"\1ве"),
    (r"ское$", "ське"),
    (r"ое$", "е"),
    (r"ее$", "є"),
    (r"ая$", "а"),
    (r"яя$", "я"),
    (r"[ыо]й$", "ий"),
    (r"ы", "и"),
    (r"э", "е"),
    (r"е(?=[бвгджзклмнпрстфхцчшщ])", "і", True),
    (r"о(?=[бвгджзклмнпрстфхцчшщ](?:[бвгджзклмнпрстфхцчшщ]|$))", "і", True),
)
_PER_WORD = 24  # alternatives kept for one word
_EACH_MAX_COST = 2  # one-position rules apply to forms with at most this many changes
_EACH_MAX_FORMS = 64  # ... while a word has fewer forms than this


def _word_variants(
    word: str, rules: tuple[_Rule, ...], lexicon: dict[str, tuple[str, ...]]
) -> list[tuple[str, int]]:
    """Alternatives of one word with the number of rules applied, fewest first (the word itself first)."""
    cost = {word: 0}
    for alt in lexicon.get(word, ()):
        cost.setdefault(alt, 1)
    for rule in rules:
        for current, c in list(cost.items()):
            if rule.each and (c > _EACH_MAX_COST or len(cost) >= _EACH_MAX_FORMS):
                continue
            for new in rule.apply(current):
                if new not in cost:
                    cost[new] = c + 1
    ranked = sorted(cost.items(), key=lambda item: item[1])  # stable: rule order within a cost
    return ranked[:_PER_WORD]


# A word's alternatives by each scheme, remembered: the same words come back in name after name ("новая",
# "-овка" villages) and in the Cyrillic and the romanised reading of one name
@functools.lru_cache(maxsize=16384)
def _cyrillic_word_variants(word: str) -> tuple[tuple[str, int], ...]:
    return tuple(_word_variants(word, _RU_UK_CYRILLIC, _LEXICON_CYRILLIC))


@functools.lru_cache(maxsize=16384)
def _latin_word_variants(word: str) -> tuple[tuple[str, int], ...]:
    return tuple(_word_variants(word, _RU_UK_LATIN, _LEXICON_LATIN))


def _convert(text: str, variants: Callable[[str], tuple[tuple[str, int], ...]], limit: int) -> list[str]:
    """Russian -> Ukrainian forms of a lower-case text, word by word (each word's ``variants``), fewest
    changes first."""
    words = text.split()
    if not words or len(words) > 4:
        return []
    per_word = _PER_WORD if len(words) == 1 else (8, 5, 4)[len(words) - 2]
    options = [variants(w)[:per_word] for w in words]
    combos = sorted(
        itertools.product(*options), key=lambda combo: sum(c for _, c in combo)
    )[: limit + 1]
    return [" ".join(w for w, _ in combo) for combo in combos[1:]]


def ru_to_uk(name: str, limit: int = 32) -> list[str]:
    """Ukrainian forms a Russian toponym may have, most likely first (the name itself excluded).

    Cyrillic names are converted in Cyrillic and come back in Cyrillic; Latin ones are folded
    (:func:`fold`) and converted as keys. The rules are the regular correspondences of the two
    languages (от- → від-, -ое → -е, -овка → -івка, о/е → і, г → h, лч → вч, Алекс- → Олекс-,
    сла-/зла- → соло-/золо- (the East Slavic full vowel form: Сладкое → Солодке),
    -ино → -ине, -ово → -ове, -ая → -а, adjective gender) and a few lexical pairs found in many
    toponyms (Первое → Перше, Большая → Велика); they are generous, and a downstream lookup
    keeps only the forms that exist.

    Parameters
    ----------
    name : str
        A place name in its Russian form, Cyrillic or romanised.
    limit : int
        At most this many forms.

    Returns
    -------
    list of str
        Candidate Ukrainian forms.

    Examples
    --------
    >>> ru_to_uk("Отрадное")[:2]
    ['відрадное', 'отрадне']
    >>> "відрадне" in ru_to_uk("Отрадное")
    True
    >>> "zvanivka" in ru_to_uk("Zvanovka")
    True
    >>> "oleksandrivka" in ru_to_uk("Aleksandrovka")
    True
    """
    text = unicodedata.normalize("NFC", name)
    if is_cyrillic(text):
        text = _NON_ALNUM.sub(" ", text.casefold().replace("'", "\u02bc")).replace("\u02bc", "'")
        return _convert(text, _cyrillic_word_variants, limit)
    return _convert(fold(text), _latin_word_variants, limit)


# --------------------------------------------------------------------------------------------
# Query variants
# --------------------------------------------------------------------------------------------

#: the table of the words of a mention that are no part of a place's name: a place's ``kind`` ("village", "смт")
#: or a ``function`` word ("the", "of"), dropped before a lookup; and the ``or`` words between alternative
#: names ("A or B", "А або Б"), each a lookup of its own
NAME_WORDS_FILE = Path(__file__).resolve().parent / "data" / "name_words.jsonl"
NAME_WORD_CLASSES = frozenset({"kind", "function", "or"})
#: the languages of the gazetteer's word tables: the project's, and those of GeoNames' alternate names
WORD_LANGS = LANGS | {"fr", "es", "it", "pt", "ro"}


def name_words(cls: str | None = None) -> tuple[Rule, ...]:
    """The checked rows of ``gazetteer/data/name_words.jsonl``, those of class ``cls`` (None: every row).

    Examples
    --------
    >>> [r.phrase for r in name_words("or")]
    ['or', 'або', 'или']
    """
    rows = load_table(NAME_WORDS_FILE, classes=NAME_WORD_CLASSES, matches={"word"}, langs=WORD_LANGS)
    return tuple(r for r in rows if cls is None or r.cls == cls)


def _word_alternation(rows: tuple[Rule, ...]) -> str:
    """The rows' words as one alternation, in table order; a hyphen or space inside a phrase is either."""
    return "|".join(r"[\s-]".join(map(re.escape, re.split(r"[\s-]", r.key))) for r in rows)


_QUALIFIERS = re.compile(
    r"(?i)\b(?:" + _word_alternation(tuple(r for r in name_words() if r.cls != "or")) + r")\b\.?"
)
_PARENS = re.compile(r"\s*[(\[]([^)\]]*)[)\]]\s*")
_ALTERNATIVES = re.compile(r"\s*(?:[/|;,]|\b(?:" + _word_alternation(name_words("or")) + r")\b)\s*")


def _parts(mention: str) -> list[str]:
    """The parts of "A (B) C" and "A/B": "A C", "B C", "B"; "A", "B"."""
    parts: list[str] = []
    m = _PARENS.search(mention)
    if m:
        before, inner, after = mention[: m.start()], m.group(1), mention[m.end():]
        parts.append(f"{before} {after}")
        head = before.rsplit(None, 1)
        if len(head) == 2 or after:
            parts.append(f"{head[0] if len(head) == 2 else ''} {inner} {after}")
        parts.append(f"{inner} {after}" if after and not before.strip() else inner)
    for piece in _ALTERNATIVES.split(mention):
        if piece.strip() and piece.strip() != mention.strip():
            parts.append(piece)
    return [p.strip() for p in parts if p.strip()]


def nominatives(name: str) -> list[str]:
    """The nominative forms a Cyrillic toponym in another case may come from.

    pymorphy3's analysis (:func:`gazetteer.morphology.nominatives`): every parse of every word
    in the nominative, singular and plural, adjectives in every gender; which of them is a place
    is for the gazetteer to say.

    Examples
    --------
    >>> "Новопавловка" in nominatives("Новопавловки"), "Мирноград" in nominatives("Мирнограде")
    (True, True)
    >>> nominatives("Pokrovsk")
    []
    """
    from gazetteer.morphology import nominatives as _morph

    return _morph(name)


@functools.lru_cache(maxsize=16384)
def _query_variants(mention: str) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}

    def add(key: str, rule: str) -> None:
        if key and _HAS_ASCII_LETTER.search(key) and key not in out and len(out) < MAX_VARIANTS:
            out[key] = rule

    mention = unicodedata.normalize("NFC", mention).strip()
    add(fold(mention), "fold")
    clean = " ".join(_QUALIFIERS.sub(" ", mention).split()) or mention
    if clean != mention:
        add(fold(clean), "qualifier")
    parts = [" ".join(_QUALIFIERS.sub(" ", part).split()) for part in _parts(clean)]
    for part in parts:
        add(fold(part), "split")
    names = [part for part in parts if part] or [clean]  # the names proper, to convert
    for name in names:
        add(fold(name).replace(" ", ""), "join")
    # a Cyrillic name in an oblique case: its nominatives are looked up (and converted) too
    for name in list(names):
        for form in nominatives(name):
            add(fold(form), "case")
            names.append(form)
    for text in [clean, *parts]:
        if has_cyrillic(text):
            for reading in transliterations(text):
                add(fold_latin(reading), "translit")
    # Russian -> Ukrainian: the fewest changes first, over all names.
    from gazetteer.morphology import ukrainian_only

    converted: list[list[str]] = []
    for text in names:
        if is_cyrillic(text) and ukrainian_only(text):
            continue  # written in Ukrainian already: nothing Russian to convert
        if is_cyrillic(text):
            forms = [fold_latin(_uk_latin(c)) for c in ru_to_uk(text, limit=12)]
            forms += [_refold(f) for f in ru_to_uk(_ru_latin(text), limit=24)]
        else:
            if has_cyrillic(text):
                text = transliterations(text)[0]
            forms = [_refold(f) for f in ru_to_uk(text, limit=32)]
        converted.append(forms)
    for column in itertools.zip_longest(*converted):
        for key in column:
            if key is not None:
                add(key, "ru-uk")
    for key in [k for k, rule in out.items() if rule == "ru-uk" and " " in k][:8]:
        add(key.replace(" ", ""), "ru-uk")  # Gulyay-Pole -> Huliai Pole -> Huliaipole
    return tuple(out.items())


def query_variants(mention: str) -> list[tuple[str, str]]:
    """The keys to look a mention up by, best first, each with the rule that produced it.

    First the fold of the mention as written; then the mention without qualifiers such as
    "City" or "village" (``"qualifier"``); the parts of "A (B)" and "A/B" (``"split"``); the
    words joined into one (``"join"``); the other readings of Cyrillic and mixed-script text
    (``"translit"``); then Russian → Ukrainian conversions of the name (of each part, when it
    was split), fewest changes first, round-robin over the parts (``"ru-uk"``). Reports translated from
    Russian write Russian forms (Otradnoe, Zvanovka) while GeoNames mostly holds Ukrainian ones
    (Vidradne, Zvanivka). Keys are unique, at most :data:`MAX_VARIANTS`.

    Parameters
    ----------
    mention : str
        A place name as a report writes it.

    Returns
    -------
    list of (str, str)
        ``(key, rule)`` pairs; empty when the mention has no letters.

    Examples
    --------
    >>> query_variants("Zvanovka")[:2]
    [('zvanovka', 'fold'), ('zvanivka', 'ru-uk')]
    >>> query_variants("Donetsk City")[:2]
    [('donetsk citi', 'fold'), ('donetsk', 'qualifier')]
    >>> [k for k, r in query_variants("Chervonyi (Krasnyi) Lyman") if r == "split"]
    ['chervoni liman', 'krasni liman', 'krasni']
    >>> ("vidradne", "ru-uk") in query_variants("Отрадное")
    True
    """
    return list(_query_variants(mention))


@functools.lru_cache(maxsize=16384)
def _alternation_variants(mention: str) -> tuple[tuple[str, str], ...]:
    from gazetteer.morphology import alternants

    mention = unicodedata.normalize("NFC", mention).strip()
    if not is_cyrillic(mention):
        return ()
    out: dict[str, str] = {}
    for form in [mention, *nominatives(mention)]:  # the whole phrase: "Село Липівка" is no name
        for alt in alternants(form):
            for key in (fold(alt), fold_latin(_uk_latin(alt))):
                if key and key not in out:
                    out[key] = "alternation"
    return tuple(out.items())


def alternation_variants(mention: str) -> list[tuple[str, str]]:
    """Keys of a Ukrainian name with the о/е ~ і alternation of a closed syllable
    (:func:`gazetteer.morphology.alternants`), of the name as written and of its nominatives,
    each with the rule ``"alternation"``.

    A fallback: a lookup tries them only when no key of :func:`query_variants` names a place,
    so that a name the gazetteer holds keeps its candidates ("Іванівка" never reaches the
    Russian Ivanovkas this way).

    Examples
    --------
    >>> ("kostiantinopolske", "alternation") in alternation_variants("Костянтинопільському")
    True
    >>> alternation_variants("Kostiantynopilske")
    []
    """
    return list(_alternation_variants(mention))
