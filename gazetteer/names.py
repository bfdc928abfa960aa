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
    "SPELLING_FILE",
    "SPELLING_CLASSES",
    "spelling_example",
    "spelling_rows",
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


_uk_latin_word = functools.lru_cache(maxsize=65536)(_uk_latin)


def _uk_key(text: str) -> str:
    """``fold_latin(_uk_latin(text))``, each word read once: the Cyrillic forms of a name are combinations of a few
    forms of each word. The scheme reads a word alike wherever it stands (its rules for a word's first letter
    apply at every word's start, and what it deletes or joins lies inside a word); only its upper-casing of a
    text written all in capitals differs, and the fold undoes it."""
    return fold_latin(" ".join(map(_uk_latin_word, text.split(" "))))


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
    """Fold again a key that a Latin rewrite rule changed: word by word, as :func:`fold_latin` spells (no rule
    reaches across a space), each word once (a name's forms are combinations of a few words' forms)."""
    return " ".join(map(_refold_word, key.split(" "))) if " " in key else _refold_word(key)


@functools.lru_cache(maxsize=65536)
def _refold_word(word: str) -> str:
    for pattern, repl in _REFOLD:
        word = pattern.sub(repl, word)
    return word


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
    """One optional rewrite of a word: at every match at once, or at one match at a time (``each``).

    ``repl`` holds one or more replacements (each a form of its own); a rule applied at one match at a
    time takes literal replacements.
    """

    pattern: re.Pattern[str]
    repl: tuple[str, ...]
    each: bool = False

    def apply(self, word: str) -> list[str]:
        if not self.each:
            return [new for r in self.repl if (new := self.pattern.sub(r, word)) != word]
        return [word[: m.start()] + r + word[m.end():] for m in self.pattern.finditer(word) for r in self.repl]


#: the Russian -> Ukrainian spelling rules of toponyms, one row each with an example (``Отрадное → Відрадне``):
#: class ``cyrillic`` (a pattern over a lower-case Cyrillic word) or ``latin`` (over a folded key, the romanised
#: Russian form), ``cyrillic-word``/``latin-word`` (a whole word and its Ukrainian); ``replace`` the Ukrainian
#: (alternatives apart with ``|``), ``each: yes`` a rule tried at one match at a time. Applied in file order.
SPELLING_FILE = Path(__file__).resolve().parent / "data" / "ru_uk_spelling.jsonl"
SPELLING_CLASSES = frozenset({"cyrillic", "latin", "cyrillic-word", "latin-word"})
_ARROW = " → "


def spelling_example(example: str) -> tuple[str, str]:
    """The Russian and the Ukrainian form of a spelling row's example ``"Отрадное → Відрадне"``."""
    ru, sep, uk = example.partition(_ARROW)
    return ru.strip(), uk.strip()


def _spelling_word(text: str, script: str) -> str:
    """A Russian name prepared as the rules of ``script`` read it: a lower-case Cyrillic text, or a folded key."""
    if script == "latin":
        return fold(text)
    return _NON_ALNUM.sub(" ", unicodedata.normalize("NFC", text).casefold().replace("'", "\u02bc")).replace("\u02bc", "'")


def _check_spelling(row, phrase: str, where: str) -> None:
    from frontmap.errors import RuleError

    script = row["class"].removesuffix("-word")
    ru, uk = spelling_example(row["example"])
    if not ru or not uk:
        raise RuleError(f"{where}: the example must be 'Russian{_ARROW}Ukrainian', not {row['example']!r}")
    words = _spelling_word(ru, script).split()
    if row["class"].endswith("-word"):
        if row["phrase"] not in words:
            raise RuleError(f"{where}: the example's Russian side {ru!r} does not hold the word {row['phrase']!r}")
        return
    try:
        pattern = re.compile(row["phrase"])
    except re.error as exc:
        raise RuleError(f"{where}: not a regular expression: {row['phrase']!r} ({exc})") from None
    if not any(pattern.search(w) for w in words):
        raise RuleError(f"{where}: the pattern {row['phrase']!r} does not match the example's Russian side {ru!r}")


def spelling_rows(cls: str | None = None) -> tuple[Rule, ...]:
    """The checked rows of ``gazetteer/data/ru_uk_spelling.jsonl``, those of class ``cls`` (None: every row).

    Examples
    --------
    >>> spelling_example(spelling_rows("cyrillic")[0].example)
    ('Отрадное', 'Відрадне')
    """
    rows = load_table(SPELLING_FILE, classes=SPELLING_CLASSES, matches={"pattern"}, langs={"ru"},
                      fields={"replace": None, "each": {"yes"}}, required={"replace"},
                      checks={"pattern": _check_spelling})
    return tuple(r for r in rows if cls is None or r.cls == cls)


@functools.lru_cache(maxsize=2)
def _spelling(script: str) -> tuple[tuple[_Rule, ...], dict[str, tuple[str, ...]]]:
    """The rules and the whole-word pairs of one script, from :data:`SPELLING_FILE`."""
    rules = tuple(_Rule(re.compile(r.phrase), tuple(r.get("replace").split("|")), r.get("each") == "yes")
                  for r in spelling_rows(script))
    lexicon = {r.phrase: tuple(r.get("replace").split("|")) for r in spelling_rows(f"{script}-word")}
    return rules, lexicon


_PER_WORD = 24  # alternatives kept for one word
_EACH_MAX_COST = 2  # one-position rules apply to forms with at most this many changes
_EACH_MAX_FORMS = 64  # ... while a word has fewer forms than this


@functools.lru_cache(maxsize=65536)
def _word_variants(word: str, script: str) -> tuple[tuple[str, int], ...]:
    """Alternatives of one word with the number of rules of ``script`` applied, fewest first (the word itself
    first); remembered, as the words of names recur."""
    rules, lexicon = _spelling(script)
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
    return tuple(ranked[:_PER_WORD])


def _convert(text: str, script: str, limit: int) -> list[tuple[str, int]]:
    """Russian -> Ukrainian forms of a lower-case text, word by word, fewest changes first, each with its
    number of changes."""
    words = text.split()
    if not words or len(words) > 4:
        return []
    per_word = _PER_WORD if len(words) == 1 else (8, 5, 4)[len(words) - 2]
    options = [_word_variants(w, script)[:per_word] for w in words]
    combos = sorted(
        itertools.product(*options), key=lambda combo: sum(c for _, c in combo)
    )[: limit + 1]
    return [(" ".join(w for w, _ in combo), sum(c for _, c in combo)) for combo in combos[1:]]


def _converted(name: str, limit: int) -> list[tuple[str, int]]:
    """:func:`ru_to_uk` with the number of rules each form took."""
    text = unicodedata.normalize("NFC", name)
    if is_cyrillic(text):
        text = _NON_ALNUM.sub(" ", text.casefold().replace("'", "\u02bc")).replace("\u02bc", "'")
        return _convert(text, "cyrillic", limit)
    return _convert(fold(text), "latin", limit)


def ru_to_uk(name: str, limit: int = 32) -> list[str]:
    """Ukrainian forms a Russian toponym may have, most likely first (the name itself excluded).

    Cyrillic names are converted in Cyrillic and come back in Cyrillic; Latin ones are folded
    (:func:`fold`) and converted as keys. The rules are the regular correspondences of the two
    languages (от- → від-, -ое → -е, -овка → -івка, о/е → і, г → h, лч → вч, Алекс- → Олекс-,
    сла-/зла- → соло-/золо- (the East Slavic full vowel form: Сладкое → Солодке),
    -ино → -ине, -ово → -ове, -ая → -а, adjective gender) and a few lexical pairs found in many
    toponyms (Первое → Перше, Большая → Велика); they are generous, and a downstream lookup
    keeps only the forms that exist. The rules and the word pairs are the rows of
    :data:`SPELLING_FILE` (``gazetteer/data/ru_uk_spelling.jsonl``), applied in file order.

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
    return [form for form, _ in _converted(name, limit)]


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


_CYRILLIC_FORMS = 12  # Russian -> Ukrainian forms of a Cyrillic name converted in Cyrillic
_LATIN_FORMS = 24  # ... and converted as a Latin key
_RANK_CAP = 4  # a name's rank counts as at most this many changes


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
    heads = set(names)
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

    # Every name's forms by the number of changes they took plus the name's rank (the name as written, then its
    # nominatives, likeliest first; at most _RANK_CAP): a likely nominative's form of three changes comes before an
    # unlikely one's of one.
    from gazetteer.morphology import oblique

    converted: list[tuple[int, int, int, str]] = []
    for rank, text in enumerate(names):
        if text in heads and oblique(text):
            rank = _RANK_CAP  # a name as written that is no nominative ("Каменки-Днепровской"): its forms last
        if is_cyrillic(text) and ukrainian_only(text):
            continue  # written in Ukrainian already: nothing Russian to convert
        if is_cyrillic(text):
            forms = [(_uk_key(c), n) for c, n in _converted(text, _CYRILLIC_FORMS)]
            forms += [(_refold(f), n) for f, n in _converted(_ru_latin(text), _LATIN_FORMS)]
        else:
            if has_cyrillic(text):
                text = transliterations(text)[0]
            forms = [(_refold(f), n) for f, n in _converted(text, 32)]
        converted += [(n + min(rank, _RANK_CAP), rank, i, key) for i, (key, n) in enumerate(forms)]
    for *_, key in sorted(converted):
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
            for key in (fold(alt), _uk_key(alt)):
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
