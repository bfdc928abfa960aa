"""Finding place mentions in running text.

A mention is found in one of three ways, recorded in ``Mention.trigger``:

- ``gazetteer``: a capitalised word sequence (up to the gazetteer's longest name) whose folded
  key is a name in the gazetteer. One pass over the words, one dict lookup per n-gram: no regex
  per name. Such mentions must look like places: common English words ("Snake", "Progress",
  "Middle"), people's names ("Kirill Dmitriev", "President Trump") and words of military
  vocabulary ("Group", "Guards", "South") are not taken from the gazetteer alone.
- a cue word before it (``settlement``, ``village``, ``liberated``, ``near``, ``towards``,
  ``the X direction``...): the name after a cue is looked up with every spelling rule and a
  fuzzy fallback, so Russian forms the gazetteer lacks are still found.
- a list of names joined by dashes (``Reznikovka - Kaleniki - Rai-Aleksandrovka``): each part.

Coordinates the text writes right after a name (``Otradnoe (47°54′20″ N, 36°14′58″ E)``) are
tied to that mention.
"""

from __future__ import annotations

import bisect
import math
import re
import weakref
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from gazetteer.morphology import adjective, first_name, function_word, place_adjective, plural_adjective
from gazetteer.names import alternation_variants, fold, has_cyrillic, nominatives, query_variants
from geo.model import Coordinate, Mention
from geo.scopes import clause_regions
from frontmap.errors import RuleError
from geo.rules import RULES_DIR, load_table
from geo.rules.lookup import ending_pattern, first_letter_test, lookup_rows, row_pattern, rows_pattern
from geo.rules.matcher import is_not_place, read_kinds, rows as table_rows
from geo.rules.region_words import AFTER_WORDS as REGION_AFTER_WORDS, after_name, list_kind
from geo.sectors import sector_word_after
from geo.text import FOLDS_TO_ASCII

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["find_mentions", "STOP_WORDS", "TRANSLATED_TABLE", "untranslate"]

#: The rule table of English words machine translation makes of Russian and Ukrainian toponyms
#: ("Middle" for Sredneye/Serednie, "First May" for Pervoe Maya/Pervomayskoye): one row per English
#: phrase, ``toponyms`` the names it may stand for, ``|``-separated, Ukrainian form first, and optionally
#: ``source`` (the words' meaning and the GeoNames entry). After a settlement cue (or in a list such a cue
#: opens, or listed right after a village's name), such a phrase is read back as those toponyms.
TRANSLATED_TABLE = "translated_names"


@lru_cache(maxsize=1)
def _translated() -> dict[str, tuple[str, ...]]:
    """``geo/rules/translated_names.jsonl`` as phrase → toponyms (checked when loaded: a bad row is a
    :class:`~frontmap.errors.RuleError` naming the file and line)."""
    out: dict[str, tuple[str, ...]] = {}
    for row in load_table(TRANSLATED_TABLE, classes={"translated-name"}, fields={"toponyms": None, "source": None},
                          required=("toponyms",)):
        names = tuple(t.strip() for t in row.get("toponyms").split("|"))
        if not all(names):
            raise RuleError(f"{RULES_DIR / (TRANSLATED_TABLE + '.jsonl')}:{row.line}: empty toponym in {row.get('toponyms')!r}")
        out[" ".join(row.phrase.lower().split())] = names
    return out


def untranslate(phrase: str) -> tuple[str, ...]:
    """The toponyms an English word or phrase may translate ("Middle" → Serednie, Sredneye), from
    the rule table ``geo/rules/translated_names.jsonl``.

    Examples
    --------
    >>> untranslate("Middle")
    ('Serednie', 'Sredneye')
    >>> untranslate("Pokrovsk")
    ()
    """
    return _translated().get(" ".join(phrase.lower().split()), ())

# A word: letters (any script), with inner apostrophes or hyphens ("Rai-Aleksandrovka", "Kam'yanka").
# (Ukrainian writes an apostrophe before a last "я", "ю", "є", "ї" too: "Білогір'я", "Подвір'ї")
_WORD_REST = r"(?:[^\W\d_]|['’ʼ](?=[^\W\d_]{2}|[яюєї])|-(?=[^\W\d_]))*"
_WORD = re.compile(r"[^\W\d_]" + _WORD_REST)
# A word of _WORD whose first letter is not one of the common lower-case ones, so that the
# search passes over most words in C (str.isupper judges the rest). The lookbehinds say that the
# letter starts a word: it stands neither after a letter nor after a hyphen or apostrophe that
# _WORD takes into the word before. Only these words are looked at: the few others a mention
# needs (the word before a name, "na" in "Rostov na Donu") are read where they are needed.
_CAP_WORD = re.compile(
    r"[^\W\d_a-zß-ÿа-џ](?<![^\W\d_].)(?<![^\W\d_]-.)(?:(?<![^\W\d_]['’ʼ].)|(?![^\W\d_]))" + _WORD_REST
)
# "na", "nad", "pid" (any case) joined to the name before it: "Rostov na Donu", "Novhorod nad ..."
_NA_FIRST = frozenset("nNpP")
_JOINED_NA = re.compile(r"[^\S\n]{1,2}([nN][aA][dD]?|[pP][iI][dD])(?![^\W\d_]|['’ʼ][^\W\d_]{2}|-[^\W\d_])")


def _cue_pattern(cues: tuple[str, ...], fillers: tuple[str, ...], *, lead: bool = False) -> re.Pattern[str]:
    """The expression of the ``cues`` classes of geo/rules/cues.jsonl at the end of a window: a cue, any
    ``fillers`` rows after it, whitespace; a cue starts a word only with ``lead``."""
    table = sorted(lookup_rows("cues"), key=lambda r: (-len(r.key), r.key))
    cue = "|".join(row_pattern(r, lead=lead) for r in table if r.cls in cues)
    filler = "|".join(row_pattern(r, lead=False) for r in table if r.cls in fillers)
    lead_test = first_letter_test(r for r in table if r.cls in cues)
    return re.compile(lead_test + rf"(?:{cue})" + (rf"(?:\s+(?:{filler}))*" if filler else "") + r"\s+$", re.IGNORECASE)


def _cue_words(cls: str) -> str:
    """The rows of class ``cls`` of geo/rules/cues.jsonl as one alternation of whole words (longest first)."""
    return rows_pattern(r for r in lookup_rows("cues") if r.cls == cls)


def _kind_words(cls: str, lead: bool = True) -> str:
    """The rows of class ``cls`` of geo/rules/name_kinds.jsonl as one alternation (use it case-sensitively: a row is
    read in any case, a ``case: title`` row as written), longest first; ``lead`` as :func:`row_pattern`'s."""
    table = [r for r in sorted(lookup_rows("name_kinds"), key=lambda r: (-len(r.key), r.key)) if r.cls == cls]
    alternation = "|".join(f"(?i:{p})" if r.get("case") != "title" else p
                           for r in table for p in (row_pattern(r, lead=lead),))
    return f"{first_letter_test(table)}(?:{alternation})"


def _cue_gate() -> tuple[int, dict[str, int], tuple[str, ...], tuple[str, ...], frozenset[str]]:
    """From the rows of geo/rules/cues.jsonl: the most words a cue has, the words that end a cue of several words
    (→ its most words), the last words of cues, the stems a cue's last word holds, and the fillers."""
    spans: dict[str, int] = {}
    endings: set[str] = set()
    stems: set[str] = set()
    fillers: set[str] = set()
    for r in lookup_rows("cues"):
        words = r.key.split(" ")
        if r.cls.startswith("filler"):
            fillers.add(r.key)
            continue
        if r.cls.startswith("list"):
            continue  # read by _LIST_CUE and _LIST_ITEM_CUE, not at a window's end
        last = words[-1]
        if r.match == "prefix" or last.endswith("*"):
            stems.add(last.rstrip("*"))
        else:
            endings.add(last)
        if len(words) > 1:
            spans[last] = max(spans.get(last, 1), len(words))
    return max(spans.values(), default=1), spans, tuple(sorted(endings)), tuple(sorted(stems)), frozenset(fillers)


#: A word of the text: start, end, the word.
Word = tuple[int, int, str]

#: Words never taken as a place on their own, whatever the gazetteer holds: calendar words, military and
#: political vocabulary, bearings, titles, kinds of place and sentence openers (the rows of
#: geo/rules/stop_words.jsonl, lower-cased), and the bearing comparatives of geo/rules/bearings.jsonl ("севернее",
#: "Південніше" opening a sentence: never a place's name nor part of one). A Cyrillic row counts in its folded
#: form too, the form a phrase is looked up in ("Это": "eto"; an English row stays as written: "Middle" after a
#: settlement cue is a translated name, folded "midle").
STOP_WORDS = frozenset(r.key for r in lookup_rows("stop_words") if r.cls != "label") | frozenset(
    fold(r.key) for r in lookup_rows("stop_words") if has_cyrillic(r.key) and r.cls != "label") | frozenset(
    r.key for r in lookup_rows("bearings") if r.cls == "comparative")

# the words that open a post's credit or caption line (the label rows of geo/rules/stop_words.jsonl)
_LABELS = frozenset(r.key for r in lookup_rows("stop_words") if r.cls == "label")


def _label(text: str, start: int, end: int) -> bool:
    """Whether the word ``text[start:end]`` is a label row opening a line, before a colon or the
    line's end ("Джерело: DeepState", "Источник:"): a caption's or credit's label, not a place."""
    if text[start:end].lower() not in _LABELS:
        return False
    line_start = start == 0 or text[:start].rstrip(" \t")[-1:] in ("\n", "")
    rest = text[end : end + 8].lstrip(" \t")
    return line_start and rest[:1] in (":", "\n", "")


# titles before a person's name (the title-before rows of geo/rules/name_kinds.jsonl)
_TITLES = frozenset(r.key for r in lookup_rows("name_kinds") if r.cls == "title-before")
# people's first names (the rows of geo/rules/first_names.jsonl, lower-cased)
_FIRST_NAMES = frozenset(r.key for r in lookup_rows("first_names"))


@lru_cache(maxsize=20000)
def _first_name(word: str) -> bool:
    """Whether a capitalised word is a person's first name: a row of geo/rules/first_names.jsonl
    ("Oleh", "Сергей"), a Cyrillic one also in another case ("Володимира"), or a Cyrillic word
    pymorphy3 parses as a first name in every language it may be ("Олег")."""
    if word.lower() in _FIRST_NAMES:
        return True
    if not has_cyrillic(word):
        return False
    return first_name(word) or any(n.lower() in _FIRST_NAMES for n in nominatives(word))


# Cue words before a name (the rows of geo/rules/cues.jsonl). Strong cues allow the fuzzy fallback; weak ones
# only spelling rules; settlement and called cues make a name a settlement's. Each matches
# "<cue>(<whitespace><filler>)*<whitespace>" at the end of the words before a name; a cue word may end a longer
# word ("recaptured", "downtown"), a weak one (a preposition) is a word of its own.
_STRONG_CUE = _cue_pattern(("called", "settlement", "strong"), ("filler", "filler-open"))
_SETTLEMENT_CUE = _cue_pattern(("called", "settlement"), ("filler", "filler-open"))
# what makes a word a settlement's name wherever it stands in the text
_CALLED_CUE = _cue_pattern(("called",), ("filler",))
# the last of a list of settlements: "the villages of Filia in the X region and First May"
_LIST_CUE = re.compile(rf"(?:{_cue_words('list')})[^.;:!?]*(?:\band|,)\s+$", re.IGNORECASE)
# a later item of a list a cue opens: "the villages of Striletska, Krasne, ", "in the areas of
# Pyatyhatky and ", "near Zarichne and ": only names, commas and "and"/"or" after the cue
_LIST_ITEM_CUE = re.compile(rf"(?:{_cue_words('list-item')})[^\S\n]+(?:of[^\S\n]+)?", re.IGNORECASE)
_LIST_ITEMS = re.compile(r"(?:[^\W\d_a-z][\w'’-]*(?![\w'’-])|,|(?:and|or)(?!\w)|[^\S\n])+")
# a later item of a list a capture verb opens: "occupied Novoselivka and ", "to liberate Novopavlovka and " (the
# list-verb rows): weaker than a list a settlement noun opens, it lets through a name the gazetteer lacks as written,
# and only where it does not look like a person's
_LIST_VERB_CUE = re.compile(rf"(?:{_cue_words('list-verb')})[^\S\n]+", re.IGNORECASE)
_WEAK_CUE = _cue_pattern(("weak",), (), lead=True)
# the words after a name that make it an area's (the area-after rows of geo/rules/direction_names.jsonl, in any case)
_DIRECTION_WORDS = "|".join(re.escape(r.key) for r in lookup_rows("direction_names") if r.cls == "area-after")
_DIRECTION_AFTER = re.compile(rf"^\s+(?:{_DIRECTION_WORDS})\b", re.IGNORECASE)
# a name's ending (geo/rules/name_endings.jsonl) that makes it look like a village's, transliterated or in Cyrillic;
# a Cyrillic name in another case ("у Покровска", "біля Новопавлівки") is judged by its nominatives
# (gazetteer.morphology); pymorphy3's Geox tag is no substitute: it knows only the toponyms of its dictionary
_RU_TOPONYM = ending_pattern("toponym")
_CITY_AFTER = re.compile(r"\s+(?:City|city)\b")
# What follows a name says what kind of thing it names.
# (the rows of geo/rules/name_kinds.jsonl, any case unless a row says ``case: title``, and the region words below)
_WATER_WORDS = _kind_words("water-after")
_WATER_AFTER = re.compile(rf"^\s+(?:{_WATER_WORDS})")
# a region word after a name, in any case ("Tikhoe Dnepropetrovsk region", "Тихое Днепропетровской области",
# "Покровському районі", "Сумська обл."): the kind rows of geo/rules/region_words.jsonl (geo.rules.region_words)
_REGION_WORDS = "(?i:" + REGION_AFTER_WORDS + ")"
_REGION_AFTER = after_name()
_NOT_SETTLEMENT_WORDS = _kind_words("not-settlement-after")
_NOT_SETTLEMENT_AFTER = re.compile(rf"^\s+(?:{_NOT_SETTLEMENT_WORDS})")
# What each of the four patterns above needs at the least (no word end; the direction words in
# any case): one search that most names fail spares them the four.
_ANY_AFTER = re.compile(
    rf"\s+(?:{_REGION_WORDS}|{_WATER_WORDS}|{_NOT_SETTLEMENT_WORDS}|(?i:{_DIRECTION_WORDS}))"
)
_NOT_SETTLEMENT_BEFORE = re.compile(rf"(?:{_kind_words('not-settlement-before')}|\b[A-Z]\.)\s+$")
# the words those end with (lower-cased) and the initial's full stop: the string test before the search
_NOT_SETTLEMENT_BEFORE_ENDS = (*sorted({r.key.split(" ")[-1] for r in lookup_rows("name_kinds")
                                        if r.cls == "not-settlement-before"}), ".")
_SURNAME_END = ending_pattern("surname")  # a surname's ending (geo/rules/name_endings.jsonl)
# a street's or a town quarter's word (the street-before rows of geo/rules/name_kinds.jsonl: "на улице Шевченко",
# "вулицею Шевченка"), then the street's name, and so each name listed after it ("по улицам Вишневая и Спартака",
# "в районах вулиць Центральна, Європейська та Шахтарська"): a name of one to three words (a street is named after a
# person, "Ивана Франка", or a day, "1 Мая"), the list joined by commas or the Russian and Ukrainian list
# conjunctions; bounded, no nested repetition (tests/test_regex_backtracking.py)
_STREET_NAME = r"[\w'’ʼ.-]{1,30}(?:[^\S\n][\w'’ʼ.-]{1,30}){0,2}"
_STREET_AND = "|".join(sorted((re.escape(r.key) for r in lookup_rows("conjunctions") if r.cls == "list"
                               and r.lang in ("ru", "uk")), key=len, reverse=True))
_STREET_BEFORE = re.compile(rf"(?:{_kind_words('street-before')})[^\S\n]+"
                            rf"(?:{_STREET_NAME}[^\S\n]{{0,2}}(?:,|[^\S\n](?:{_STREET_AND}))[^\S\n]{{1,2}}){{0,6}}$")
_STREET_REACH = 160  # characters before a name read for a street's word
_STREET_GATE = re.compile(_kind_words("street-before"), re.IGNORECASE)

# The cue patterns above (_STRONG_CUE, _SETTLEMENT_CUE, _CALLED_CUE, _WEAK_CUE) all match
# "<cue of at most _CUE_WORDS words>(<whitespace><filler>)*<whitespace>" at the end of a window.
# A cue's last word ends in one of _CUE_ENDINGS or holds one of _CUE_STEMS (a prefix row's stem,
# "liberat"); only a cue whose last word is one of _CUE_SPANS has more than one word. All are read
# off the same rows of geo/rules/cues.jsonl: they let _cue_start refuse most windows without a
# regex search, and cut the others down to the words a cue may take (a search of the whole window
# tries every alternative at each of its 60 start positions).
_CUE_WORDS, _CUE_SPANS, _CUE_ENDINGS, _CUE_STEMS, _CUE_FILLERS = _cue_gate()


# wordfreq's "small" lists hold every word of Zipf ≥ 3 with the same frequency as the "best"
# (large) lists, so a threshold above 3 reads them alike (tests/test_mentions_speed.py checks
# the installed data): loading the small list takes ~0.02 s, the large one 0.3 s (English) to
# 1 s (Russian), paid by the first report of each process.
_WORDLIST = "small"


@lru_cache(maxsize=20000)
def _common_english(word: str) -> bool:
    """True for a word common in English (Zipf ≥ 3.3: "snake", "progress", "middle", "lyman" is 3.1)."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en", wordlist=_WORDLIST) >= 3.3


_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")


@lru_cache(maxsize=20000)
def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist=_WORDLIST)


def _common_cyrillic(word: str) -> bool:
    """True for a Cyrillic word common in Russian, or in Ukrainian when it has Ukrainian letters
    (Zipf ≥ 3.5: "армия", "атака", "області"; "покровска" is 1.8): not read as an inflected
    toponym on its ending alone."""
    # one language's list is loaded (once): Ukrainian when the word has its letters
    return _zipf(word, "uk" if not _UKRAINIAN_LETTERS.isdisjoint(word) else "ru") >= 3.5


def _cyrillic_zipf(word: str) -> float:
    """A Cyrillic word's Zipf frequency in Ukrainian when it has Ukrainian letters, else the higher of Russian and
    Ukrainian ("дрони" is a Ukrainian word)."""
    if not _UKRAINIAN_LETTERS.isdisjoint(word):
        return _zipf(word, "uk")
    return max(_zipf(word, "ru"), _zipf(word, "uk"))


#: A Cyrillic word at least this frequent (the small word lists hold every word from Zipf 3 on: "дроны" is
#: 3.1), capitalised only as a sentence's first word, is a place there under a current name, or a town's
#: (:data:`OTHER_NAME_TOWN`) other name, not some village's other name ("Дроны атаковали …" is not Kravtsivka,
#: once called Droni)
OTHER_NAME_ZIPF = 3.0
#: A town this big is well known under its other names: a word as frequent as "Гуляйполе" (3.2) or "Бахмут" (3.4)
#: is so for the town
OTHER_NAME_TOWN = 10_000


# Names recur from report to report: what their endings say is worked out once for each (a
# search for a pattern anchored at the end tries it at every letter).
@lru_cache(maxsize=20000)
def _toponym_ending(name: str) -> bool:
    return _RU_TOPONYM.search(name) is not None


def _toponym_like(phrase: str, gaz: Gazetteer) -> tuple[bool, bool]:
    """Whether a phrase ends like a toponym (a Cyrillic one in any case: one of its nominatives,
    pymorphy3's :func:`gazetteer.morphology.nominatives`, ends like one or is a gazetteer name), and
    whether a Cyrillic phrase is a gazetteer name as written or in one of its nominatives
    ("Малу Токмачку" → "Мала Токмачка", "Сухого Яру" → "Сухий Яр", "Удачного" → "Удачне"), also
    with the Ukrainian о/е ~ і alternation ("Костянтинопільському" → "Костянтинопольське"); a name of
    two or more words also in its Russian spelling of a Ukrainian name ("Червоной Криницы" → "Червона
    Криниця": Russian bulletins write Ukrainian villages in Russian, GeoNames holds the Ukrainian form)."""
    if not has_cyrillic(phrase):
        return _toponym_ending(phrase), False
    forms = nominatives(phrase)
    named = (gaz.has_key(fold(phrase)) or any(gaz.has_key(fold(form)) for form in forms)
             or any(gaz.has_key(key) for key, _ in alternation_variants(phrase))
             or (" " in phrase.strip() and any(gaz.has_key(key) for key, rule in query_variants(phrase)
                                              if rule == "ru-uk")))
    return (named or _toponym_ending(phrase) or any(_toponym_ending(form) for form in forms)), named


@lru_cache(maxsize=20000)
def _surname_ending(name: str) -> bool:
    return _SURNAME_END.search(name) is not None


class _GazetteerMemo:
    """What mention finding has worked out from one gazetteer: hyphenated words' splits, what
    phrases are (``_phrase_facts``), whether a phrase names a region, and the longest name in
    words (read once, not per report)."""

    __slots__ = ("splits", "facts", "regions", "places", "max_n")

    def __init__(self, gaz: Gazetteer) -> None:
        self.splits: dict[str, tuple[tuple[int, str], ...]] = {}
        self.facts: dict[str, PhraseFacts] = {}
        self.regions: dict[str, bool] = {}
        #: (phrase, limit) → the populated places the gazetteer finds for it (no fuzzy match)
        self.places: dict[tuple[str, int], tuple] = {}
        self.max_n: int = max(1, min(getattr(gaz, "max_key_words", 4), 5))


# What depends on the gazetteer is remembered with it (a module-level cache keyed on the
# gazetteer would keep every gazetteer ever opened alive).
_BY_GAZETTEER: weakref.WeakKeyDictionary[Gazetteer, _GazetteerMemo] = weakref.WeakKeyDictionary()
_MEMO_SIZE = 20000


def _memo(gaz: Gazetteer) -> _GazetteerMemo:
    memo = _BY_GAZETTEER.get(gaz)
    if memo is None:
        memo = _BY_GAZETTEER[gaz] = _GazetteerMemo(gaz)
    return memo


def _split_word(word: str, gaz: Gazetteer) -> tuple[tuple[int, str], ...]:
    """The places a hyphenated word joins, each with its offset in the word: "Zhuravka-Novenke-Veselivka"
    and "Kupiansk-Svatove-Kreminna" are split, "Rai-Aleksandrovka" and "Svyato-Pokrovskoe", which
    are one name, are not (a word without hyphens is itself)."""
    memo = _memo(gaz).splits
    got = memo.get(word)
    if got is None:
        if len(memo) >= _MEMO_SIZE:
            memo.clear()
        got = memo[word] = _split_word_uncached(word, gaz)
    return got


#: What a phrase (one or more words of a run) is, whatever stands around it: its folded key,
#: whether that is a stop word, the toponyms it may translate, whether it is a gazetteer key,
#: whether it ends like a Russian or Ukrainian toponym, and whether it is Cyrillic and a
#: gazetteer name in one of its nominatives.
PhraseFacts = tuple[str, bool, tuple[str, ...], bool, bool, bool]


def _phrase_facts(phrase: str, gaz: Gazetteer, memo: _GazetteerMemo) -> PhraseFacts:
    """The ``PhraseFacts`` of ``phrase``. Names recur from report to report: remembered for each,
    so that a name's run is judged from one dictionary lookup and what stands around it.
    ``memo`` is ``_memo(gaz)``, passed in: it is looked up once per report, not per phrase."""
    facts = memo.facts
    got = facts.get(phrase)
    if got is None:
        if len(facts) >= _MEMO_SIZE:
            facts.clear()
        key = fold(phrase)
        got = facts[phrase] = (key, key in STOP_WORDS, untranslate(phrase), bool(key) and gaz.has_key(key),
                              *_toponym_like(phrase, gaz))
    return got


#: What may follow a name that a list of regions goes on from: a comma or whitespace
_LIST_GAP = frozenset(", \t\n\u00a0")


def _is_listed_region(text: str, end: int, phrase: str, gaz: Gazetteer, memo: _GazetteerMemo) -> bool:
    """Whether the name ``phrase`` ending at ``end`` stands in a list that a plural kind ends
    (:func:`geo.rules.region_words.list_kind`) and names a region with that kind; not when the kind follows
    it right away and the mention takes it in."""
    if _REGION_AFTER.match(text, end):
        return False  # its own kind right after it: the mention runs to that word ("Запорожской областях")
    kind = list_kind(text, end)
    return kind is not None and _is_region(f"{phrase} {kind}", gaz, memo)


# the name a translated name is listed after: "to capture Vovchye and Progress", "Krasne, Peaceful"
_LISTED_AFTER = re.compile(r"(?<![\w'’-])([^\W\d_a-zа-яёіїєґ][\w'’-]*)(?:[^\S\n]*,[^\S\n]*(?:(?:and|or)[^\S\n]+)?|[^\S\n]+(?:and|or)[^\S\n]+)$")


def _after_listed_toponym(text: str, start: int, gaz: Gazetteer, memo: _GazetteerMemo) -> bool:
    """Whether the phrase at ``start`` is listed right after a name that is a gazetteer name and ends like a
    toponym ("capture Vovchye and Progress"): a list's items are of one kind, so a translated name
    (:data:`TRANSLATED_TABLE`) listed with a village is a village too, as after a settlement cue."""
    m = _LISTED_AFTER.search(text, max(0, start - 40), start)
    if m is None:
        return False
    _, stop, _, in_gaz, toponym_ending, _ = _phrase_facts(m.group(1), gaz, memo)
    return in_gaz and toponym_ending and not stop


def _is_region(phrase: str, gaz: Gazetteer, memo: _GazetteerMemo) -> bool:
    """Whether ``gaz.region(phrase)`` finds a region ("Donetsk Oblast"). Remembered for each
    phrase: the gazetteer searches its regions anew each time (~0.1 ms)."""
    regions = memo.regions
    got = regions.get(phrase)
    if got is None:
        if len(regions) >= _MEMO_SIZE:
            regions.clear()
        got = regions[phrase] = gaz.region(phrase) is not None
    return got


#: parts of a chain of names joined by hyphens that one name of its own may span ("Oleksandro-Kalynove",
#: "Novo-Oleksandrivka" inside "Yablunivka-Oleksandro-Kalynove")
_JOINED_PARTS = 3


def _one_name(name: str, gaz: Gazetteer) -> bool:
    """Whether the gazetteer knows ``name`` as it is written, or in a spelling of it (no fuzzy match)."""
    return gaz.has_key(fold(name)) or bool(gaz.candidates(name, fuzzy=False, limit=1))


def _split_word_uncached(word: str, gaz: Gazetteer) -> tuple[tuple[int, str], ...]:
    parts = word.split("-")
    if (
        len(parts) == 1
        or not all(p[:1].isupper() for p in parts)
        or _one_name(word, gaz)
        or sum(gaz.has_key(fold(p)) for p in parts) < 2
    ):
        return ((0, word),)
    # a chain of names ("along the Yablunivka-Oleksandro-Kalynove line"): from the left, the longest run of parts
    # that is one name of its own stays whole ("Oleksandro-Kalynove"), else a part is a name by itself
    out = []
    pos = i = 0
    while i < len(parts):
        j = next((j for j in range(min(len(parts), i + _JOINED_PARTS), i + 1, -1)
                  if _one_name("-".join(parts[i:j]), gaz)), i + 1)
        name = "-".join(parts[i:j])
        out.append((pos, name))
        pos += len(name) + 1
        i = j
    return tuple(out)


def _cap_words(text: str, gaz: Gazetteer) -> list[Word]:
    """The capitalised words (``_is_cap``) of ``text``, hyphenated places split (``_split_word``)."""
    out: list[Word] = []
    for m in _CAP_WORD.finditer(text):
        w = m.group()
        if not w[0].isupper():
            continue
        if "-" not in w:
            if len(w) > 4 or not w.isupper() or len(w) == 1:  # _is_cap(w), inlined: most words
                out.append((m.start(), m.end(), w))
            continue
        s = m.start()
        out.extend((s + o, s + o + len(p), p) for o, p in _split_word(w, gaz) if _is_cap(p))
    return out


def _word_before(text: str, start: int, gaz: Gazetteer) -> Word | None:
    """The word (hyphenated places split) before the one at ``start``, or None at the text's start.

    ``start`` begins a word or a part of a split one; for a part, the word found may differ from the
    part before it, but both stand before a hyphen (``_person_like`` asks no more of them)."""
    # _WORD reads the text after a character no word holds (not a letter, apostrophe or hyphen)
    # as it reads it from the start: back over what is not a letter to the last letter, back
    # over the word's characters to such a character, and read from there (each character once)
    k = start
    while k > 0 and not _is_letter(text[k - 1]):
        k -= 1
    lo = k
    while lo > 0 and (_is_letter(text[lo - 1]) or text[lo - 1] in _WORD_INNER):
        lo -= 1
    last = None
    for m in _WORD.finditer(text, lo, start):
        last = m
    if last is None:
        return None
    o, p = _split_word(last.group(), gaz)[-1]
    return last.start() + o, last.start() + o + len(p), p


#: Characters _WORD takes inside a word besides letters.
_WORD_INNER = frozenset("'’ʼ-")


def _is_letter(ch: str) -> bool:
    """Whether ``ch`` is a letter as ``[^\\W\\d_]`` reads it."""
    return ch.isalnum() and not ch.isdecimal() and ch != "_"


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper() and len(word) <= 4)


def _joined(text: str, a_end: int, b_start: int) -> bool:
    """Two words belong to one name when only a space stands between them."""
    gap = text[a_end:b_start]
    return gap == " " or (gap.strip() == "" and "\n" not in gap and len(gap) <= 2)


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"'“‘«(")
    return not before or before[-1] in ".!?\n:;•—➡️"


def _run(text: str, words: list[Word], i: int, max_n: int) -> list[Word]:
    """The longest run of at most ``max_n`` joined words that starts with ``words[i]`` and ends
    with a capitalised one: capitalised words, and "na", "nad", "pid" between them."""
    run = [words[i]]
    j = i + 1
    joined_na = False
    while len(run) < max_n:
        end = run[-1][1]
        # _joined needs at most two characters between the words: most words stand farther apart
        if j < len(words) and words[j][0] - end <= 2 and _joined(text, end, words[j][0]):
            run.append(words[j])  # only spaces between: the next word of the text
            j += 1
            continue
        # _JOINED_NA needs an "n" or a "p" one or two characters on: most words have none there
        if text[end + 1 : end + 2] not in _NA_FIRST and text[end + 2 : end + 3] not in _NA_FIRST:
            break
        na = _JOINED_NA.match(text, end)
        if na is None:
            break
        run.append((na.start(1), na.end(1), na.group(1)))
        joined_na = True
    if joined_na:  # the words of _cap_words are capitalised, a joined "na" is not
        while not _is_cap(run[-1][2]):
            run.pop()
    return run


def find_mentions(
    text: str,
    gaz: Gazetteer,
    *,
    coordinates: Sequence[Coordinate] = (),
) -> list[Mention]:
    """Find the place mentions in ``text``, in order.

    Parameters
    ----------
    text
        Running text of one report.
    gaz
        The gazetteer whose names are looked for.
    coordinates
        Coordinates found in the same text (``geo.coordinates.find_coordinates``): each is tied
        to the mention written just before it.

    Returns
    -------
    list of Mention
        With ``trigger`` saying how each was found and ``coordinate`` set where the text gives
        coordinates for it. ``sentence`` is left empty: the caller knows its sentences.
    """
    words = _cap_words(text, gaz)
    n = len(words)
    # what stands before each word, read once for all the cue patterns
    windows = [_cue_window(text, s) for s, _, _ in words]
    people = _people(text, words, windows, gaz)
    memo = _memo(gaz)
    max_n = memo.max_n
    found: list[Mention] = []
    placed: list[tuple[Mention, tuple]] = []  # capitalised common words in a place position, judged at the end
    i = 0
    dashes = not _DASH_CHARS.isdisjoint(text)
    # "In Kharkiv, the group expelled … from Liman": the oblast (geo.scopes.clause_regions)
    oblast_clauses = {s: e for s, e, _ in clause_regions(text, gaz)}
    while i < n:
        if words[i][0] in oblast_clauses:
            s, e = words[i][0], oblast_clauses[words[i][0]]
            found.append(Mention(text=text[s:e], start=s, end=e, trigger="region"))
            i += 1
            continue
        run = _run(text, words, i, max_n)
        if len(run) == 1 and _phrase_facts(run[0][2], gaz, memo)[1]:
            # a lone stop word ("The", "Russian"): _match_run finds nothing there, or skips only it
            i += 1
            continue
        match = _match_run(text, i, run, gaz, memo, people, windows[i], dashes)
        if match is None:
            got = _placed_name(text, run, gaz, memo)
            if got is not None:
                placed.append(got)
            i += 1
            continue
        k, trigger, end = match
        start = words[i][0]
        if trigger not in ("skip", "region", "water"):
            city = _CITY_AFTER.match(text, end)  # "Sumy City", "Odesa city": the town itself
            if city and not text[start:end].lower().endswith("city"):
                end = city.end()
        if trigger != "skip":
            found.append(Mention(text=text[start:end], start=start, end=end, trigger=trigger))
        i += 1
        while i < n and words[i][0] < end:  # words the mention took ("River", "Oblast")
            i += 1
    if placed:
        found.extend(_placed_kept(found, placed, gaz))
    found.extend(_slash_partners(text, found, gaz))
    found.sort(key=lambda m: m.start)
    return _tie_coordinates(text, _infix_alternates(text, found, gaz), coordinates)


def _placed_before(text: str, start: int) -> bool:
    """A Russian or Ukrainian preposition of place or list conjunction (the place-before rows of
    geo/rules/name_kinds.jsonl), or an event's verb (an action row of geo/rules/actions.jsonl: "захопили",
    "освободили", "штурмует"), stands right before the capitalised Cyrillic word at ``start``."""
    if text[start : start + 1] not in _CYR_UPPER:
        return False
    if _PLACE_BEFORE.search(text, max(0, start - 16), start) is not None:
        return True
    before = text[max(0, start - 40) : start]
    gap = len(before) - len(before.rstrip())
    if not 1 <= gap <= 2 or "\n" in before[-gap:]:
        return False
    end = len(before) - gap
    return any(h.end == end and _verb(h.text.rsplit(None, 1)[-1]) for h in read_kinds(before).get(("actions", "action"), ()))


@lru_cache(maxsize=4096)
def _verb(word: str) -> bool:
    """Whether a Russian or Ukrainian word reads as a verb (pymorphy3): "захопили" takes a place as its object, a noun
    ("атаки Сили протиповітряної оборони") is followed by its own genitive."""
    from gazetteer.morphology import analyser

    morph = analyser("uk" if not _UKRAINIAN_LETTERS.isdisjoint(word) else "ru")
    return any(p.tag.POS == "VERB" for p in morph.parse(word.lower()))


def _placed_name(text: str, run: list[Word], gaz: Gazetteer, memo: _GazetteerMemo) -> tuple[Mention, tuple] | None:
    """A run no rule took, whose words are a Cyrillic name capitalised inside a sentence right after a preposition of
    place ("у Культурі", "поблизу Надії", "в районе Счастья", "біля Нью-Йорка"): a common word there is a place's name
    only if the gazetteer knows a place of that name. The mention (the run, which the gazetteer finds by its
    spelling rules, fuzzy matching aside: as written, in one of its cases, in its Russian spelling) with its candidates, for :func:`_placed_kept` to judge; None when there is none.

    A lower-case word never gets here (only capitalised words are read); a stop word, a not-place (a group of forces,
    a weapon) and a quoted name are not taken."""
    s = run[0][0]
    if not _placed_before(text, s) or not _proper_in_prose(text, s) or is_not_place(run[0][2]):
        return None
    # the whole run only: a word before another capitalised one is part of a name the gazetteer lacks ("Малая
    # Локня"), and a region word after it makes it a region's ("в Курской области")
    e = run[-1][1]
    phrase = text[s:e]
    # (a first name is not refused: pymorphy3 reads "Кам’янці", "Надії" as one; a first name with its surname is a
    # person's, which _people found)
    if _REGION_AFTER.match(text, e) or _qualifies_next(text, phrase, e) or phrase.lower() in _COUNTRY_WORDS or (
            len(run) == 1 and (_phrase_facts(phrase, gaz, memo)[1] or _quoted_name(text, s, e))):
        return None
    # a common name has dozens of namesakes: all of them, for the one near the report's other places
    cands = _places(phrase, _PLACED_CANDIDATES, gaz, memo)
    return (Mention(text=phrase, start=s, end=e, trigger="placed"), cands) if cands else None


def _places(phrase: str, limit: int, gaz: Gazetteer, memo: _GazetteerMemo) -> tuple:
    """The candidates of feature class P the gazetteer finds for ``phrase`` (no fuzzy match), remembered."""
    got = memo.places.get((phrase, limit))
    if got is None:
        if len(memo.places) >= _MEMO_SIZE:
            memo.places.clear()
        got = memo.places[(phrase, limit)] = tuple(
            c for c in gaz.candidates(phrase, fuzzy=False, limit=limit) if c.place.feature_class == "P")
    return got


_NEXT_LOWER = re.compile(r"[^\S\n]{1,2}([а-яёіїєґ][а-яёіїєґ'’ʼ-]*)")


# the country rows of geo/rules/countries.jsonl ("Україні", "Украине"): a country, never a village of its name
_COUNTRY_WORDS = frozenset(r.key for r in lookup_rows("countries") if r.cls in ("country", "bloc"))


def _qualifies_next(text: str, phrase: str, end: int) -> bool:
    """The capitalised word ``phrase`` heads a phrase with the lower-case word after it: an adjective agreeing with it
    (in case, number and gender: "в Донецкой народной республике"), or, after a noun, a word whose likeliest
    reading is a noun in the genitive ("У Силах оборони"); it names no village ("у Вільному тривають бої", "у Зорі минулої доби")."""
    m = _NEXT_LOWER.match(text, end)
    if m is None or " " in phrase:
        return False
    from gazetteer.morphology import analyser

    # both languages' readings: words without a Ukrainian letter ("Силах оборони") are either
    langs = ("uk",) if not _UKRAINIAN_LETTERS.isdisjoint(phrase + m.group(1)) else ("ru", "uk")
    for lang in langs:
        morph = analyser(lang)
        heads = [p.tag for p in morph.parse(phrase.lower()) if p.tag.POS == "ADJF"]
        nexts = morph.parse(m.group(1))
        if not heads:
            # its likeliest reading a noun in the genitive
            if nexts and nexts[0].tag.POS == "NOUN" and nexts[0].tag.case == "gent":
                return True
            continue
        for p in nexts:
            t = p.tag
            if t.POS in ("NOUN", "ADJF") and any(h.case == t.case and h.number == t.number
                                                 and (t.number == "plur" or h.gender == t.gender) for h in heads):
                return True
    return False


def _placed_kept(found: list[Mention], placed: list[tuple[Mention, tuple]], gaz: Gazetteer) -> list[Mention]:
    """Of the ``placed`` names (:func:`_placed_name`), those a town of ``PLACED_TOWN`` people or more bears, or
    that have a place within ``PLACED_NEAR_KM`` of one of the report's other places (the ``found`` mentions'
    gazetteer places, and the other placed names kept so).

    The report's places are kept in cells of about ``PLACED_NEAR_KM`` (:class:`_Cells`), so that each candidate is
    measured against its neighbours only: a long report of such names costs in proportion to its length."""
    memo = _memo(gaz)
    others = _Cells()
    for m in found:
        for c in _places(m.text, 5, gaz, memo):
            others.add(c.place)
    kept: list[Mention] = []
    rest = []
    for m, cands in placed:
        if any(c.place.population >= PLACED_TOWN for c in cands):
            kept.append(m)
            for c in cands:
                if c.place.population >= PLACED_TOWN:
                    others.add(c.place)
        else:
            rest.append((m, cands))
    verdicts: dict[str, bool] = {}  # a name's candidates, and so its verdict, are the same wherever it stands
    for m, cands in rest:
        near = verdicts.get(m.text)
        if near is None:
            near = verdicts[m.text] = any(others.near(c.place, PLACED_NEAR_KM) for c in cands)
        if near:
            kept.append(m)
    return kept


class _Cells:
    """Places in cells of a fixed size in degrees, each place once, for the question whether another place lies
    within ``km`` of one: only the cells within ``km`` are looked at."""

    LAT = 0.4  # degrees (44 km): a distance of up to that is at most one cell away in latitude
    LON = 0.7  # degrees (48 km at 52° N)

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], dict[int, object]] = {}

    def add(self, place) -> None:
        key = (math.floor(place.lat / self.LAT), math.floor(place.lon / self.LON))
        self._cells.setdefault(key, {})[place.geonameid] = place

    def near(self, place, km: float) -> bool:
        """Whether a place other than ``place`` itself lies within ``km`` (at most 44) of it, by an equirectangular
        distance at the two places' mean latitude (ample at this scale)."""
        i, j = math.floor(place.lat / self.LAT), math.floor(place.lon / self.LON)
        # the degrees of longitude ``km`` may span, at the highest latitude a place within reach can have
        top = min(abs(place.lat) + km / 111.2, 89.0)
        n = math.ceil(km / (111.2 * math.cos(math.radians(top))) / self.LON)
        for di in (-1, 0, 1):
            for dj in range(-n, n + 1):
                for o in self._cells.get((i + di, j + dj), {}).values():
                    if o.geonameid == place.geonameid:
                        continue
                    dy = (place.lat - o.lat) * 111.2
                    dx = (place.lon - o.lon) * 111.2 * math.cos(math.radians((place.lat + o.lat) / 2))
                    if dx * dx + dy * dy <= km * km:
                        return True
        return False


def _infix_alternates(text: str, found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """"Chervonyi (Krasnyi) Lyman": a name whose first word comes in two versions is one mention,
    as written, when either version with the rest is a gazetteer name."""
    out: list[Mention] = []
    i = 0
    while i < len(found):
        if i + 2 < len(found):
            a, b, c = found[i : i + 3]
            if (
                text[a.end : b.start].replace(" ", "") == "("
                and text[b.end : c.start].replace(" ", "") == ")"
                and " " not in a.text
                and " " not in b.text
                and (gaz.has_key(fold(f"{a.text} {c.text}")) or gaz.has_key(fold(f"{b.text} {c.text}")))
            ):
                out.append(Mention(text=text[a.start : c.end], start=a.start, end=c.end, trigger=a.trigger))
                i += 3
                continue
        out.append(found[i])
        i += 1
    return out


@lru_cache(maxsize=20000)
def _cue_word(word: str) -> tuple[int, bool]:
    """How many words a cue that ends with ``word`` may have (0: none ends with it), and whether
    ``word`` may be a filler after a cue (``word`` has no whitespace)."""
    if not FOLDS_TO_ASCII.isdisjoint(word):
        return _CUE_WORDS, True  # a letter the regex reads as ASCII: let it judge
    low = word.lower()
    ends = low.endswith(_CUE_ENDINGS) or any(stem in low for stem in _CUE_STEMS)
    return (_CUE_SPANS.get(low, 1) if ends else 0), low in _CUE_FILLERS


def _cue_start(before: str) -> int | None:
    """Where a cue pattern that matches at the end of ``before`` starts at the earliest, or None
    when none can match there (see ``_CUE_ENDINGS``).

    The offset ends a word or is 0, so ``pattern.search(before[pos:])`` finds what a search of the
    whole window finds (a match cannot start on the whitespace after it; ``\b`` reads alike)."""
    if not before[-1:].isspace():
        return None  # a cue is followed by whitespace
    # Most windows are decided by their last few words: only those are split off (``tail[0]``
    # keeps the rest), and the whole window only when a cue may start before them.
    tail = before.rsplit(None, _CUE_TAIL)
    if not tail:
        return None
    span, filler = _cue_word(tail[-1])
    if not (span or filler):
        # the last word neither ends a cue nor may follow one (as _cue_offset finds at its first
        # step): most windows, settled without the call
        return None
    if len(tail) <= _CUE_TAIL:
        return _cue_offset(before, tail, False)
    got = _cue_offset(before, tail[1:], True)
    return _cue_offset(before, before.split(), False) if got == -1 else got


_CUE_TAIL = 4  # words split off the end of a cue window first


def _cue_offset(before: str, words: list[str], partial: bool) -> int | None:
    """``_cue_start`` from the last ``words`` of ``before`` (all its words unless ``partial``);
    -1 when ``partial`` words do not settle it."""
    first = len(words)  # the earliest word a cue may start in: only fillers stand after its end
    for j in range(len(words) - 1, -1, -1):
        span, filler = _cue_word(words[j])
        if span:
            first = min(first, j - span + 1)
        if not filler:
            break
    else:
        if partial:
            return -1  # fillers up to the first word: a cue may end before it
    if first == len(words):
        return None
    if first < 0 and partial:
        return -1  # the cue may start before the first word
    # the end of the word before the cue's first word
    return len(before.rsplit(None, len(words) - first)[0]) if first > 0 or partial else 0


#: The end of the 60 characters before a word, from where a cue in them may start (None: no cue
#: there). Whether a cue pattern matches depends on this text alone.
CueWindow = str | None


def _cue_window(text: str, start: int) -> CueWindow:
    before = text[max(0, start - 60) : start]
    pos = _cue_start(before)
    return None if pos is None else before[pos:]


_CUES = {"strong": _STRONG_CUE, "weak": _WEAK_CUE, "settlement": _SETTLEMENT_CUE, "called": _CALLED_CUE}


@lru_cache(maxsize=65536)
def _cue_in(cue: str, window: CueWindow) -> bool:
    """Whether the cue pattern ``_CUES[cue]`` matches at the end of the ``window`` before a word.

    Cue phrases recur ("the settlement of ", "near "): each is searched for once. (The cache is
    keyed by the pattern's name: a compiled pattern hashes its whole code each time.)"""
    return window is not None and _CUES[cue].search(window) is not None


def _cue(window: CueWindow) -> str:
    if _cue_in("strong", window):
        return "cue"
    if _cue_in("weak", window):
        return "weak-cue"
    return ""


_DASHES = ("-", "–", "—")
_DASH_CHARS = frozenset(_DASHES)
_CAP_AFTER_DASH = re.compile(r"\s*[-–—]\s*([^\W\d_])")
_CAP_BEFORE_DASH = re.compile(r"([^\W\d_])\s*[-–—]\s*$")
_WORD_BEFORE_DASH = re.compile(r"([^\W\d_]+)\s*[-–—]\s*$")


def _in_dash_list(text: str, s: int, e: int) -> bool:
    """The name ``text[s:e]`` stands in a line of capitalised names joined by dashes ("Reznikovka - Kaleniki")."""
    # a dash just after the run, before a capital letter
    if text[e : e + 4].lstrip()[:1] in _DASHES:
        m = _CAP_AFTER_DASH.match(text[e : e + 6])
        if m and m.group(1).isupper():
            return True
    # a dash just before it, after a capitalised word
    if text[max(0, s - 4) : s].rstrip()[-1:] in _DASHES:
        if not _CAP_BEFORE_DASH.search(text[max(0, s - 6) : s]):
            return False
        wm = _WORD_BEFORE_DASH.search(text[max(0, s - 40) : s])
        # a word in capitals before the dash is an agency's dateline ("INTERFAX.RU - Российские военные…",
        # "ТАСС - …"), not a name of the list
        return bool(wm and wm.group(1)[:1].isupper() and not (len(wm.group(1)) > 1 and wm.group(1).isupper()))
    return False


def _person_like(text: str, start: int, gaz: Gazetteer) -> bool:
    """A name (at ``start``) preceded by a title or a first name ("President Trump", "Kirill Dmitriev"),
    or a word standing alone as a speaker ("Chaus said", "Волошин зазначив", "according to Kyslytsya,"),
    unless a seat of power or a big town, which may speak for its authorities ("Moscow said")."""
    m = _WORD.match(text, start)
    if m is not None and _speaks(text, start, m.end()) and not _big_or_seat(m.group(), gaz):
        return True
    before = _word_before(text, start, gaz)
    if before is None:
        return False
    ps, pe, pw = before
    if has_cyrillic(pw):
        # Russian and Ukrainian: a first name ("Олег Царев") or a title before a name ("военкор Стешин", the
        # title-before rows); any other capitalised word before it ("РСЗВ-обстріли Роботиного", "Ильинка и
        # Новодмитровка") is not
        return _joined(text, pe, start) and (_first_name(pw) or pw.lower() in _TITLES)
    if not _joined(text, pe, start):
        return pw.lower().rstrip(".") in _TITLES and text[pe:start].strip(" .") == ""
    if pw.lower().rstrip(".") in _TITLES or _first_name(pw):
        return True
    # Firstname Lastname: the word before is capitalised, not a sentence opener, and not
    # itself a common word or a place (in a title-case headline every word is capitalised).
    if _is_cap(pw) and not _sentence_start(text, ps) and pw.lower() not in STOP_WORDS:
        if not _common_english(pw.lower()):
            return True
    return False


def _on_street(text: str, start: int) -> bool:
    """The name at ``start`` is a street's or a town quarter's: a street-before row of ``geo/rules/name_kinds.jsonl``
    stands right before it, or before the list it is an item of ("по улицам Вишневая и Спартака")."""
    lo = max(0, start - _STREET_REACH)
    gate = _STREET_GATE.search(text, lo, start)
    return gate is not None and _STREET_BEFORE.search(text, gate.start(), start) is not None


def _match_run(
    text: str,
    i: int,
    run: list[Word],
    gaz: Gazetteer,
    memo: _GazetteerMemo,
    people: tuple[set[int], set[str], set[str]],
    window: CueWindow,
    dashes: bool = True,
) -> tuple[int, str, int] | None:
    """The longest prefix of ``run`` that is a place mention: (words taken, how found, end offset).

    ``run`` starts with the ``i``-th capitalised word, ``window`` is the cue window before it,
    ``memo`` is ``_memo(gaz)``. ``dashes`` is False when the text holds no dash at all (no name of it stands in a dash list).

    ``how`` is "skip" for a name that is part of something else (a plant, a street, a newspaper).
    """
    s = run[0][0]
    cue = _cue(window) if window is not None else ""
    before = text[max(0, s - 12) : s]
    # "Sea of Azov", "Battlegroup Vostok", "V. Putin" (the string test spares most names the regex)
    if before.rstrip().lower().endswith(_NOT_SETTLEMENT_BEFORE_ENDS) and _NOT_SETTLEMENT_BEFORE.search(before):
        return len(run), "skip", run[-1][1]
    if _on_street(text, s):
        return len(run), "skip", run[-1][1]  # "на улице Шевченко", "по улицам Вишневая и Спартака": streets
    if _label(text, s, run[0][1]):
        return 1, "skip", run[0][1]  # "Джерело: DeepState": a credit line's label (geo/rules/stop_words.jsonl)
    if is_not_place(run[0][2]):
        return 1, "skip", run[0][1]  # a group of forces, a weapon, a unit's nickname (geo/rules/not_places.jsonl)
    if run[0][2].startswith(("Народн", "Республи")) or (
        run[0][2][:1] in _CYR_UPPER and _PEOPLES_REPUBLIC.match(text, s, run[-1][1] + 20)
    ):
        # "Донецкой Народной Республики": a region, the gazetteer's oblast when it knows the phrase
        m = _PEOPLES_REPUBLIC.match(text, s)
        if m is not None and _is_region(m.group(), gaz, memo):
            return len(run), "region", m.end()
        return len(run), "skip", run[-1][1]
    if len(run) == 1 and _after_cyrillic_adjective(text, s, gaz) and not _REGION_AFTER.match(text, run[0][1]):
        return 1, "skip", run[0][1]
    if _NICKNAME_BEFORE.search(text, max(0, s - 16), s):
        return len(run), "skip", run[-1][1]  # "с позывным Малек", "call sign Tundra": a person's nickname
    if _VENUE_AFTER.match(text, run[-1][1]):
        return len(run), "skip", run[-1][1]  # "the Tsarskaya Okhota restaurant": a venue's name
    if cue != "cue" and len(run) == 1 and plural_adjective(run[0][2]) \
            and _CYR_CALLED.search(text, max(0, s - 30), s) is None and not _placed_before(text, s) \
            and not _amid_names(text, s, run[0][1]):
        # "Штурмовые группы": a plural adjective alone names no village, unless a word calls it a
        # settlement ("населений пункт Плавні", "село Веселі": names that read as plural adjectives) or
        # it stands amid a list of names, a comma and a name before it and one after ("Запоріжжя,
        # Плавні, Гуляйполе"); one end of a list is not enough: "у Тихого и Штурмовые группы" is no
        # list of villages
        return 1, "skip", run[0][1]
    for k in range(len(run), 0, -1):
        e = run[k - 1][1]
        phrase = text[s:e]
        key, stop, translated, in_gaz, toponym_ending, named = _phrase_facts(phrase, gaz, memo)
        if not key:
            continue
        if text[e : e + 1] in _LIST_GAP and _is_listed_region(text, e, phrase, gaz, memo):
            # "Нікопольська, Марганецька та Покровська громади", "the Nikopol and Marhanets communities":
            # each name of a list that a plural kind ends is a region's, read with that kind
            return k, "region", e
        # a Cyrillic name the gazetteer holds in one of its nominatives: a name of two or three
        # words ("Малу Токмачку", "Сухого Яру") wherever it stands; one word that is also a common
        # word when capitalised inside a sentence, not in quotes (Russian and Ukrainian capitalise
        # a common word there only in a name: «Центр» is a group), and either a singular masculine
        # or neuter adjective, the form of village names ("Удачного", "Вільне"), or a noun in a
        # list of names ("Маяк, Никанорівка"): a noun alone opens other names too ("Сили оборони")
        proper = named and (k > 1 or (
            (len(run) == 1 or _region_rest(text, run))
            and (_proper_in_prose(text, s) or _CYR_CALLED.search(text, max(0, s - 30), s) is not None)
            and not _before_sector_word(text, e)
            and (place_adjective(phrase) or _in_name_list(text, s, e) or _CYR_CALLED.search(text, max(0, s - 30), s))
        ))
        if k == 1 and stop:
            continue
        if k > 1 and not in_gaz and run[0][2].casefold() in _LEADING_FUNCTION:
            # "The Kurakhove direction", "In Kupiansk direction": an English article or preposition
            # (the function rows of geo/rules/stop_words.jsonl) opens no name the gazetteer lacks
            continue
        called = key in people[2]
        if k == 1 and not called and (i in people[0] or key in people[1] or (
            people[1] and has_cyrillic(phrase) and any(fold(f) in people[1] for f in nominatives(phrase))
        )):
            return 1, "skip", e  # a person's name, also in another case ("Олег Царев" … "Царева")
        if k == len(run) and cue != "cue" and not called and _quoted_name(text, s, e):
            return k, "skip", e
        direction_after = False
        # each pattern of what follows a name starts with whitespace, and needs _ANY_AFTER
        if text[e : e + 1].isspace() and _ANY_AFTER.match(text, e, e + 40):
            after = text[e : e + 40]
            m = _REGION_AFTER.match(after)
            if m:
                if _is_region(text[s : e + m.end()], gaz, memo) or _is_region(phrase, gaz, memo):
                    return k, "region", e + m.end()
                continue
            m = _WATER_AFTER.match(after)
            if m:
                if gaz.candidates(phrase, fuzzy=True, limit=1, classes="H"):
                    return k, "water", e + m.end()
                return k, "skip", e + m.end()
            if _NOT_SETTLEMENT_AFTER.match(after):
                return k, "skip", e
            direction_after = bool(_DIRECTION_AFTER.match(text[e : e + 20]))
        if translated and (_cue_in("settlement", window) or _LIST_CUE.search(text[max(0, s - 150) : s])
                           or _after_listed_toponym(text, s, gaz, memo)):
            if any(gaz.candidates(t, fuzzy=False, limit=1) for t in translated):
                return k, "translated", e
        if not in_gaz and k > 2 and not proper:
            continue  # neither a gazetteer name nor short enough for the spelling rules below
        listed = k == 1 and _in_called_list(text, s)
        # an item of a capture verb's list the gazetteer lacks as written: strong, but no settlement noun calls it
        # one (the checks for a person's name below still apply)
        verb_listed = k == 1 and not in_gaz and not listed and _in_called_list(text, s, _LIST_VERB_CUE)
        strong = cue == "cue" or direction_after or (dashes and _in_dash_list(text, s, e)) or listed or verb_listed or (
            # "населенный пункт Пушикно", "села Х": a Russian or Ukrainian word calls it a settlement
            k == 1 and not in_gaz and _CYR_CALLED.search(text, max(0, s - 30), s) is not None
        )
        if in_gaz:
            if _acceptable(text, run[0], k, phrase, strong or called, gaz, proper):
                return k, ("gazetteer" if not strong else ("direction" if direction_after else "cue")), e
            continue
        # not a name as written: try spelling rules (and fuzzy after a strong cue)
        if strong or called or proper or (cue == "weak-cue" and toponym_ending) or (
            toponym_ending and not _common_english(phrase.lower()) and k == 1
            and not _person_like(text, s, gaz) and len(phrase) >= 5
            and not (has_cyrillic(phrase) and _common_cyrillic(phrase.lower()))
        ):
            if not called and (_person_like(text, s, gaz) or _common_english(phrase.lower())):
                continue
            if _surname_ending(phrase) and not (_cue_in("settlement", window) or listed):
                # "with Ushakov", "met with Witkov": a person unless called a settlement, or an item
                # of a list of them ("the villages of Morokhovets, Olynikove, and Lukyanov")
                continue
            cands = gaz.candidates(phrase, fuzzy=strong, limit=5)
            if cands:
                return k, ("cue" if strong else "spelling"), e
    return None


def _acceptable(text: str, first: Word, k: int, phrase: str, cued: bool, gaz: Gazetteer,
                proper: bool = False) -> bool:
    """Whether a gazetteer name in the text (``k`` words from ``first`` on) is used as a place here
    (``proper``: a Cyrillic name capitalised inside a sentence, a name even when a common word)."""
    if k == 1:
        w = first[2]
        if w.isupper() and len(w) <= 4:
            return False
        if not cued and _person_like(text, first[0], gaz):
            return False
        if not cued and _surname_ending(w):
            # "Lavrov", "Budanov", "Dmitriev": a surname-shaped word that is a place here only
            # under its current name ("Rostov", "Azov"), not through some village's other name
            cands = gaz.candidates(phrase, fuzzy=False, limit=20)
            if not any(fold(c.matched or c.place.name) == fold(c.place.name) for c in cands):
                return False
        cyrillic = has_cyrillic(phrase)
        if not cued and cyrillic and function_word(w):
            return False  # "Серед населених пунктів…", "Тим часом…": a sentence's first word, not a village
        if not cued and cyrillic and not proper and _cyrillic_zipf(phrase.lower()) >= OTHER_NAME_ZIPF:
            # a word of the language ("Дроны атаковали …") is a place only under a name places bear now, or a big one's
            cands = gaz.candidates(phrase, fuzzy=False, limit=20)
            if not any(fold(c.matched or c.place.name) == fold(c.place.name) or c.place.population >= OTHER_NAME_TOWN
                       for c in cands):
                return False
        if not cued and (_common_english(phrase.lower()) or (
            cyrillic and not proper and _common_cyrillic(phrase.lower())
        )):
            # a common word ("Middle", "Українські") is a place here only when it names a big,
            # well-known place (in Cyrillic, GeoNames holds the name as an alternate: "Москва")
            cands = gaz.candidates(phrase, fuzzy=False, limit=3)
            big = [
                c for c in cands
                if c.place.population >= 100_000
                and (cyrillic or fold(c.matched or c.place.name) == fold(c.place.name))
            ]
            if not big:
                return False
    return True


# a name standing for its government ("Moscow said"): the seat-of-power rows of geo/rules/name_kinds.jsonl
_SEATS = frozenset(fold(r.key) for r in lookup_rows("name_kinds") if r.cls == "seat-of-power")
#: A place of this many people may speak for its authorities ("Kharkiv said"); a smaller one named alone
#: next to a speech verb is a person's surname.
SPEAKING_TOWN = 100_000


def _speech_words() -> tuple[frozenset[str], tuple[str, ...], frozenset[str], tuple[str, ...]]:
    """From geo/rules/speech.jsonl: the verbs that make the one word before them a speaker (the speech
    rows of ``seat: speaks``: "said", "зазначив"), as words and stems, and the last words and stems of
    the speech and attribution rows ("said", "according to", "по словам"), which may stand before one."""
    verbs = [r for r in table_rows("speech") if r.cls == "speech" and r.get("seat") == "speaks"]
    before = [r for r in table_rows("speech") if r.cls in ("speech", "attribution")]

    def split(rules, last):
        words = {(r.key.split(" ")[-1] if last else r.key.split(" ")[0]) for r in rules if r.match != "prefix"}
        stems = {(r.key.split(" ")[-1] if last else r.key.split(" ")[0]).rstrip("*") for r in rules
                 if r.match == "prefix"}
        return frozenset(words), tuple(sorted(stems))

    return (*split(verbs, False), *split(before, True))


_SPEAKS_WORDS, _SPEAKS_STEMS, _SPEECH_LAST, _SPEECH_LAST_STEMS = _speech_words()
_NEXT_WORD = re.compile(r" ([^\W\d_][\w'’ʼ]*)")


def _speaks(text: str, start: int, end: int) -> bool:
    """Whether the one word ``text[start:end]`` stands as a speaker: right before a verb that makes
    the word before it one ("Chaus said", "Волошин зазначив": the speech rows of geo/rules/speech.jsonl
    of ``seat: speaks``), or right after a speech verb or an attribution, closing its clause ("said
    Syniehubov.", "according to Kyslytsya,", "сказал Гусев."). A word after a preposition of place
    ("near Orlivka reported", "у Тихому повідомили") is a place the clause is about, never a speaker."""
    m = _NEXT_WORD.match(text, end)
    if m is not None and m.group(1).islower():
        verb = m.group(1)
        if verb in _SPEAKS_WORDS or verb.startswith(_SPEAKS_STEMS):
            before = text[max(0, start - 30) : start]
            return not (_WEAK_CUE.search(before) or _PLACE_BEFORE.search(before) or _STRONG_CUE.search(before))
        return False
    if text[end : end + 1] in (".", ",", ";"):
        head = text[max(0, start - 30) : start]
        if head[-1:] != " " or not head[:-1].strip():
            return False
        word = head[:-1].rsplit(None, 1)[-1].lower()
        if not (word in _SPEECH_LAST or word.startswith(_SPEECH_LAST_STEMS)):
            return False
        window = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
        kinds = read_kinds(window)
        last = len(window) - 1
        return any(h.end == last for cls in ("speech", "attribution") for h in kinds.get(("speech", cls), ()))
    return False


def _big_or_seat(phrase: str, gaz: Gazetteer) -> bool:
    """Whether a name is a seat of power or a town of at least :data:`SPEAKING_TOWN` people: a
    place that may speak through its authorities."""
    if fold(phrase) in _SEATS:
        return True
    return any(c.place.population >= SPEAKING_TOWN for c in gaz.candidates(phrase, fuzzy=False, limit=5))


_LEADING_FUNCTION = frozenset(  # "The", "A", "An" (class article) and the English prepositions (class function)
    r.key.casefold() for r in lookup_rows("stop_words") if r.cls == "article" or (r.cls == "function" and r.lang == "en"))
_QUOTES_BEFORE = frozenset("«„“\"'‘")
_SENTENCE_ENDS = frozenset(".!?\n…:;•")


def _proper_in_prose(text: str, start: int) -> bool:
    """Whether the capitalised word at ``start`` stands inside a sentence, not in quotes: in Russian
    and Ukrainian prose (sentence case, headlines included) only a name is capitalised there."""
    k = start
    while k > 0 and text[k - 1] in " \t\u00a0":
        k -= 1
    if k == 0 or text[k - 1] in _SENTENCE_ENDS or text[k - 1] in _QUOTES_BEFORE:
        return False
    if text[k - 1] in "-–—" and (k < 2 or text[k - 2] in "\n"):
        return False  # a list item's dash
    return True


_CYR_CAP = "А-ЯЁІЇЄҐ"
# a Russian or Ukrainian word that calls the next name a settlement: "села Искра", "селища
# Маяк", "населенный пункт Новое", "посёлка Щербиновка", "хутора Рог"; or heads a list of them
# after a colon ("освободили три населённых пункта: Хорошее, …", "населені пункти: Вільне, …"):
# the called-before and called-list-before rows of geo/rules/name_kinds.jsonl
_CYR_CALLED = re.compile(
    rf"(?:{_kind_words('called-before')})\s+$|(?:{_kind_words('called-list-before')})\s*:?\s+$"
)
# a Russian or Ukrainian preposition of place or list conjunction right before a name ("у Культурі", "в районе
# Счастья", "Покровська та Надії"): the place-before rows of geo/rules/name_kinds.jsonl
_PLACE_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{_kind_words('place-before')})[^\S\n]{{1,2}}$")
#: A capitalised common word in a place position is a place when a town of this many people bears its name ...
PLACED_TOWN = 20_000
#: ... or when one of the report's other places lies this near a place of its name (km)
PLACED_NEAR_KM = 40.0
_PLACED_CANDIDATES = 100  # namesakes looked at (Перемога, Зоря: dozens each)
_OPEN_QUOTES = "«„“\""
_CLOSE_QUOTES = "»“”\""


def _quoted_name(text: str, start: int, end: int) -> bool:
    """A name written in quotes («Азов», «Новини Донбасу», "Vostok"): a unit, a group of forces, an
    outlet or an operation, not a settlement (a settlement is quoted only after a cue: "the village
    of "New York"")."""
    return text[start - 1 : start] in _OPEN_QUOTES and text[end : end + 1] in _CLOSE_QUOTES and start > 0
# the Russian and Ukrainian list conjunctions (the list rows of geo/rules/conjunctions.jsonl), in file order
_CONJUNCTION_ROWS = tuple(r.key for r in lookup_rows("conjunctions") if r.cls == "list" and r.lang in ("ru", "uk"))
_LIST_NEXT = re.compile(rf"[^\S\n]{{0,3}}(?:,|[^\S\n](?:{'|'.join(map(re.escape, _CONJUNCTION_ROWS))}))[^\S\n]{{0,3}}[{_CYR_CAP}]")
_LIST_CONJUNCTIONS = frozenset(_CONJUNCTION_ROWS)


_PEOPLES_REPUBLIC = re.compile(
    r"(?<![^\W\d_])[^\W\d_]+[^\S\n]{1,3}Народн[^\W\d_]*[^\S\n]{1,3}Республи[^\W\d_]*"
)
# what calls the next word a person's nickname, and the kinds of venue written after their names
_NICKNAME_BEFORE = re.compile(r"(?:" + _kind_words("nickname-before", lead=False) + r")\s+[\"«“']?$")
_VENUE_AFTER = re.compile(r"[»\"”]?[^\S\n]{1,3}(?:" + _kind_words("premises-after", lead=False) + r")(?!\w)")
_CYR_UPPER = frozenset("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯІЇЄҐ")


def _after_cyrillic_adjective(text: str, start: int, gaz: Gazetteer) -> bool:
    """The Cyrillic name at ``start`` is the noun of a longer name whose capitalised adjective stands
    just before it ("Малая Локня", a name the gazetteer lacks): not a place of its own. A stop word is
    no name's part: a bearing's comparative opening a sentence ("Південніше Покровська") is not one."""
    if text[start : start + 1] not in _CYR_UPPER:
        return False
    before = _word_before(text, start, gaz)
    if before is None:
        return False
    ps, pe, pw = before
    return text[pe:start] == " " and _is_cap(pw) and pw.lower() not in STOP_WORDS and adjective(pw)


def _region_rest(text: str, run: list[Word]) -> bool:
    """The words of ``run`` after its first name a region ("Сладкое Запорожской области",
    "Новодмитровка Донецкой Народной Республики"): the first is a name on its own."""
    return bool(_REGION_AFTER.match(text, run[-1][1])
                or _PEOPLES_REPUBLIC.fullmatch(text, run[1][0], run[-1][1]))


def _before_sector_word(text: str, end: int) -> bool:
    """A word before a direction word ("Сіверському напрямку") names the direction, whose town
    :mod:`geo.sectors` finds; a common adjective there is not a village of its own."""
    return sector_word_after().match(text, end, end + 50) is not None


def _amid_names(text: str, start: int, end: int) -> bool:
    """The Cyrillic word ``text[start:end]`` stands amid a list of capitalised names: a comma and a name before
    it, a comma or a list conjunction and a name after it ("Запоріжжя, Плавні, Гуляйполе", "Приморське, Плавні та
    Кам'янське")."""
    if not _LIST_NEXT.match(text, end, end + 8):
        return False
    before = text[max(0, start - 40) : start].rstrip()
    if not before.endswith(","):
        return False
    word = before[:-1].rstrip().rsplit(None, 1)[-1] if before[:-1].strip() else ""
    return word[:1] in _CYR_UPPER


def _in_name_list(text: str, start: int, end: int) -> bool:
    """The Cyrillic word ``text[start:end]`` is an item of a list of capitalised names joined by
    commas or "та", "і", "и" ("Маяк, Никанорівка", "Новое и Сладкое")."""
    if _LIST_NEXT.match(text, end, end + 8):
        return True
    before = text[max(0, start - 40) : start].rstrip()
    if before.endswith(","):
        before = before[:-1].rstrip()
    else:
        head, _, conj = before.rpartition(" ")
        if conj not in _LIST_CONJUNCTIONS:
            return False
        before = head.rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    return word[:1] in _CYR_UPPER


def _in_called_list(text: str, start: int, cue: re.Pattern[str] = _LIST_ITEM_CUE) -> bool:
    """The word at ``start`` is an item of a list the sentence calls settlements ("the villages of
    Krasne, Pletnevka, and Pylna"): a strong cue for each item, not the first only. With ``cue``
    :data:`_LIST_VERB_CUE`, of a list a capture verb opens ("occupied Tykhe and Myrolubivka")."""
    before = text[max(0, start - 150) : start]
    # what the items must end with (below), tested before the search for the cue: most words end otherwise
    if before.rstrip(" ")[-1:] not in ",dr" or not before.rstrip().endswith((",", "and", "or")):
        return False
    last = None
    for last in cue.finditer(before):
        pass
    if last is None:
        return False
    items = before[last.end() :]
    # only names, commas and "and"/"or" after the cue, ending with a separator ("A, B, ", "A and ")
    return (bool(items.strip()) and _LIST_ITEMS.fullmatch(items) is not None
            and items.rstrip().endswith((",", "and", "or")))


def _people(
    text: str, words: list[Word], windows: list[CueWindow], gaz: Gazetteer
) -> tuple[set[int], set[str], set[str]]:
    """People's names in the text: word positions of first names, and surnames (folded).

    "Kirill Dmitriev", "Sergey Lavrov", "Bohdan Borman", "Karolina Hird": two capitalised words
    side by side that are not a place together, where one is not a place name at all. The
    other then names a person, not a place — and a surname does so wherever it stands again in
    the text ("Dmitriev has retreated"). A name the text calls a settlement somewhere
    ("the settlement of Kotlyarovka") is a place everywhere, headlines included
    ("Russian Forces Liberate Kotlyarovka").

    ``words`` are the capitalised words of the text, ``windows`` the cue windows before them.
    Returns first-name positions (in ``words``), surnames, and the names the text calls settlements.
    """
    firsts: set[int] = set()
    surnames: set[str] = set()
    # names the text itself calls settlements are places wherever they stand
    called_places = {
        fold(w)
        for (_, _, w), window in zip(words, windows)
        if window is not None and _cue_in("called", window) and not _common_english(w.lower())
    }
    for j in range(len(words) - 1):
        e1 = words[j][1]
        s2 = words[j + 1][0]
        if s2 - e1 != 1 or text[e1] != " ":  # only a space between: side by side in the text
            continue
        w1 = words[j][2]
        _, e2, w2 = words[j + 1]
        l1, l2 = w1.lower(), w2.lower()
        if _REGION_AFTER.match(text, e2):
            continue  # "Тихое Днепропетровской области": a place and its region, not a person
        if has_cyrillic(w1) or has_cyrillic(w2):
            # Russian and Ukrainian: a person is a first name before a surname ("Олег Царев",
            # "Семен Пегов"), which the morphology knows; a place before a capitalised word is a
            # place before its region ("Новодмитровка Донецкой Народной Республики")
            if _first_name(w1):
                surnames.add(fold(w2))
                firsts.add(j)
            continue
        if _first_name(w1) and l2 not in STOP_WORDS:
            # "Oleh Chaus", "Dmytro Likhovyi", "Vladimir Saldo": a first name of the table before a
            # capitalised word; the word is a surname unless a common one or a name the text calls a settlement
            firsts.add(j)
            if not _common_english(l2) and fold(w2) not in called_places:
                surnames.add(fold(w2))
            continue
        if l1 in STOP_WORDS or l2 in STOP_WORDS or _common_english(l1) or _common_english(l2):
            if l1.rstrip(".") in _TITLES and not _common_english(l2):
                surnames.add(fold(w2))
            elif l1 not in STOP_WORDS and l2 not in STOP_WORDS and _surname_ending(w2) and not _current_name(w2, gaz):
                # "Vladimir Putin", "Alexander Zakharchenko": first names common in English news
                # (and cities besides) before a surname-shaped word that is no place's name now
                surnames.add(fold(w2))
                firsts.add(j)
            continue
        if gaz.has_key(fold(f"{w1} {w2}")) or gaz.candidates(f"{w1} {w2}", fuzzy=False, limit=1):
            continue
        k1, k2 = gaz.has_key(fold(w1)), gaz.has_key(fold(w2))
        if fold(w1) in called_places or fold(w2) in called_places:
            continue
        if k1 and not k2:
            firsts.add(j)
        elif k2 and not k1:
            surnames.add(fold(w2))
        elif k1 and k2 and not _current_name(w2, gaz):
            # "Sergei Lavrov": the second is a surname when it is no place's current name
            surnames.add(fold(w2))
            firsts.add(j)
    return firsts, surnames, called_places


def _current_name(word: str, gaz: Gazetteer) -> bool:
    """Whether ``word`` is a place's current name, not only some village's other name ("Putin")."""
    return any(fold(c.matched or c.place.name) == fold(c.place.name) for c in gaz.candidates(word, fuzzy=False, limit=20))


def _slash_partners(text: str, found: list[Mention], gaz) -> list[Mention]:
    """``Petrovskoye/Pazeno``, ``Fedorovka/Fyodorovka``: the other half of a slash pair is a mention too."""
    have = {(m.start, m.end) for m in found}
    extra: list[Mention] = []
    for m in found:
        if "/" not in text[max(0, m.start - 40) : m.end + 40]:
            continue  # no slash on either side: the regexes below cannot match
        for pat, side in ((r"^\s*/\s*([^\W\d_][\w'’-]*)", "after"), (r"([^\W\d_][\w'’-]*)\s*/\s*$", "before")):
            if side == "after":
                mm = re.match(pat, text[m.end : m.end + 40])
                if mm:
                    s, e = m.end + mm.start(1), m.end + mm.end(1)
            else:
                seg = text[max(0, m.start - 40) : m.start]
                mm = re.search(pat, seg)
                if mm:
                    s, e = m.start - len(seg) + mm.start(1), m.start - len(seg) + mm.end(1)
            if mm and (s, e) not in have and text[s:e][:1].isupper():
                if gaz.has_key(fold(text[s:e])) or gaz.candidates(text[s:e], fuzzy=False, limit=1):
                    extra.append(Mention(text=text[s:e], start=s, end=e, trigger="slash"))
                    have.add((s, e))
    return extra


_TIE_GAP = re.compile(r"^[\s(\[,:–—-]*(?:\((?:Ukr|Rus|ukr|rus)\.?\)\s*)?[\s(\[,:–—-]*(?:at|located at|coordinates|coords)?[\s(\[:]*$")


def _tie_coordinates(text: str, mentions: list[Mention], coordinates: Sequence[Coordinate]) -> list[Mention]:
    if not coordinates:
        return mentions
    out = list(mentions)
    # the mentions by where they end (a tie changes a mention's coordinate, never its span), so
    # that each coordinate looks only at the names ending within 40 characters before it
    by_end = sorted((m.end, idx) for idx, m in enumerate(out))
    ends = [e for e, _ in by_end]
    for c in coordinates:
        best = None
        for k in range(bisect.bisect_left(ends, c.start - 40), bisect.bisect_right(ends, c.start)):
            e, idx = by_end[k]
            if (best is None or idx > best) and _TIE_GAP.match(text[e : c.start]):
                best = idx
        if best is None:
            continue
        # a slash partner just before also takes the coordinate ("Petrovskoye/Pazeno (Ukr.) (48°…)")
        out[best] = replace(out[best], coordinate=c)
        for idx in range(best - 1, -1, -1):
            prev = out[idx]
            if re.fullmatch(r"\s*/\s*", text[prev.end : out[idx + 1].start]):
                out[idx] = replace(prev, coordinate=c)
            else:
                break
    return out
