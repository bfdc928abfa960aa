"""The front sector a place is listed under: "На Сіверському напрямку … Федорівки", "in the Kupiansk direction".

General Staff summaries, MoD bulletins and ISW reports are written by sector: a paragraph opens with
the direction ("On the Siversk direction", "На Покровском направлении") and lists the villages fought
over on it. The town a direction is named after is evidence for where its villages lie — the
Fedorivka listed under the Siversk direction is the one near Siversk, not the one a village of the
next paragraph would pull towards. A sector counts for the text from the start of the sentence that
names it to the next sector named, and never past the end of its paragraph.

The direction words are a rule table (``geo/rules/sectors.jsonl``); the town comes from the word
before it: an English name ("Kupiansk direction") or a Russian or Ukrainian adjective in any case
("Сіверському", "Покровском"), put in the nominative by :mod:`gazetteer.morphology` and turned
into the town's name by the adjective-forming suffixes -ськ-/-цьк-/-ск-/-цк- (Сіверський → Сіверськ,
Новопавлівський → Новопавлівка, Кураховский → Курахово).

The directions the General Staff and the Russian MoD name are a rule table (``geo/rules/direction_towns.jsonl``):
each row a form of a direction's name (an English name, a Russian or Ukrainian adjective's stem:
"Новопавлівськ", "Красноармейск", "Novopavlivka") with the geonameid of the town it is named after (Novopavlivka
of Dnipropetrovsk Oblast, not a namesake of Donetsk Oblast; Pokrovsk for the former name Красноармейск), or
``no-town`` for a direction named after a river or a region (Придніпровський, Слобожанський), a public source and an
example; checked when loaded, and every geonameid against the gazetteer on first use (an unknown one is an error
naming the file and line). Such a direction is ``listed``: its town is known, not guessed. A name the table does
not hold is the largest settlement of Ukraine among the places it may be.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from frontmap.errors import GazetteerError, RuleError
from gazetteer.model import Place
from gazetteer.morphology import word_nominatives
from gazetteer.names import fold, has_cyrillic, query_variants
from geo.rules import RULES_DIR, Rule, load_table
from geo.model import Mention
from geo.rules.lookup import lookup_rows

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["ADJECTIVE_ITEM_AFTER", "DIRECTION_TABLE", "LIST_ADJECTIVE", "LIST_AND", "LIST_JOINT", "Sector", "adjective_items_before", "before_direction_word", "check_direction_table",
           "direction_town", "find_sectors", "sector_names", "sector_town", "sector_word_after"]

_UPPER = "A-ZА-ЯЁІЇЄҐ"
_WORD = r"[\w'’ʼ]+"


@dataclass(frozen=True)
class Sector:
    """A front direction named in a report, and the stretch of text it holds for.

    Attributes
    ----------
    text : str
        The phrase as written ("Сіверському напрямку").
    town : Place
        The town the direction is named after.
    start, end : int
        The text it holds for (from the start of its sentence to the next sector or its
        paragraph's end).
    at : int
        Where the phrase itself is written.
    listed : bool
        The town is a row of ``geo/rules/direction_towns.jsonl`` (known, not guessed from the name).
    """

    text: str
    town: Place
    start: int
    end: int
    at: int = -1  #: where the phrase is written (its first word)
    listed: bool = False  #: the town is the direction table's


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[Rule, ...]:
    """The rows of ``geo/rules/sectors.jsonl``: the direction words (``sector``) and the words that may stand between a
    direction's name and its word (``qualifier``: "tactical", "operational")."""
    return load_table("sectors", classes={"sector", "qualifier"})


def _words(cls: str) -> str:
    """One alternation of the rows of class ``cls``: a stem row's word goes on, a direction word may take the English
    plural -s."""
    stem, tail = {"sector": (r"\w*", r"s?\b"), "qualifier": (r"[\w-]*", r"\b")}[cls]  # a stem may hold a hyphen
    return "|".join(re.escape(r.key) + (stem if r.match == "prefix" else tail) for r in _rows() if r.cls == cls)


@functools.lru_cache(maxsize=1)
def sector_word_after() -> re.Pattern[str]:
    """A direction word right after a name, a qualifier row maybe between ("… напрямку", "… tactical
    direction", "… operational direction"), matched at the name's end, in any case."""
    return re.compile(rf"\s+(?:(?:{_words('qualifier')})\s+)?(?:{_words('sector')})", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    return re.compile(
        rf"\b(?P<name>[{_UPPER}]{_WORD}(?:[-–][{_UPPER}]{_WORD})?)(?P<after>{sector_word_after().pattern})",
        re.IGNORECASE,
    )


#: The joint between two items of a list of directions' names: a comma, or a Russian or Ukrainian list conjunction
#: that adds (the list rows of ``geo/rules/conjunctions.jsonl`` but those of sense "or", "або", "или"): "на
#: Оріхівському, Гуляйпільському та Олександрівському напрямках", "на Покровском и Купянском направлениях"
LIST_AND = "|".join(re.escape(r.key) for r in lookup_rows("conjunctions")
                    if r.cls == "list" and r.lang in ("ru", "uk") and r.get("sense") != "or")
LIST_JOINT = rf"(?:[ \t]{{0,2}},[ \t]{{0,2}}|[ \t]{{1,2}}(?:{LIST_AND})[ \t]{{1,2}})"
# an earlier item of such a list, read back from the next item's start (a Cyrillic name: an adjective, whose town
# :func:`sector_town` finds by its suffix; bounded, one item at a time: tests/test_regex_backtracking.py)
_ITEM_BEFORE = re.compile(rf"(?<![\w’'ʼ-])(?P<name>[{_UPPER}][\w’'ʼ-]{{1,40}}){LIST_JOINT}$")
# a Russian or Ukrainian adjective of a town in the locative, the form of a direction's name after "на", "в", "у"
# ("Покровском", "Оріхівському"), at the end of a name; a later item of a list of them, read on from the end of the
# item before it
_LOCATIVE_ADJECTIVE = r"(?:ськ|цьк|зьк|ск|цк)(?:ому|ій|их|ом|ой)"
LIST_ADJECTIVE = re.compile(rf"[\w’'ʼ]{_LOCATIVE_ADJECTIVE}$")
ADJECTIVE_ITEM_AFTER = re.compile(rf"{LIST_JOINT}[{_UPPER}][\w’'ʼ-]{{0,40}}{_LOCATIVE_ADJECTIVE}(?![\w’'ʼ-])")
# an earlier such adjective, read back from the next item's start
_ADJECTIVE_ITEM_BEFORE = re.compile(rf"[\w’'ʼ-]{{1,40}}{_LOCATIVE_ADJECTIVE}{LIST_JOINT}$")
_LIST_ITEMS = 8  # items a list of directions is walked back over at most
_ITEM_REACH = 60  # characters of one item and its joint


def _items_before(pattern: re.Pattern[str], text: str, at: int) -> list[re.Match[str]]:
    """The earlier items of a list whose next item starts at ``at``, nearest first, each read back by ``pattern`` (an
    item and its joint, at the end of a window of :data:`_ITEM_REACH` characters), at most :data:`_LIST_ITEMS`; the
    walk stops at an item the window cut inside a longer word."""
    found: list[re.Match[str]] = []
    pos = at
    for _ in range(_LIST_ITEMS):
        m = pattern.search(text, max(0, pos - _ITEM_REACH), pos)
        if m is None:
            break
        pos = m.start()
        if pos and (text[pos - 1].isalnum() or text[pos - 1] in "’'ʼ-"):
            break  # the item began inside a longer word: the window cut it
        found.append(m)
    return found


def adjective_items_before(text: str, at: int) -> list[int]:
    """Where the earlier items of a list of directions' adjectives begin, nearest first, for the item that starts at
    ``at``: "на Покровском, Купянском и Лиманском направлениях" before Лиманском gives the starts of Купянском and
    Покровском. The walk stops at an item the search window cut inside a longer word.

    >>> text = "на Покровском, Купянском и Лиманском направлениях"
    >>> [text[i:i + 5] for i in adjective_items_before(text, text.index("Лиманском"))]
    ['Купян', 'Покро']
    """
    return [m.start() for m in _items_before(_ADJECTIVE_ITEM_BEFORE, text, at)]


_ADJECTIVE = re.compile(r"(?:ськ|цьк|ск|цк)(?:ий|ій|ой|ая|а|е|ое)$")
_FORMS_OF_ROOT = ("", "ка", "е", "о", "а", "я", "ове", "ово")
_LATIN_ADJECTIVE = re.compile(r"(ts?k|sk)(?:iy|yi|yy|ij|y|e|oye|oe|a|aya)$", re.IGNORECASE)
_LATIN_FORMS_OF_ROOT = ("", "ka", "e", "o", "a", "ove", "ovo")
# Russian "Ореховское направление" comes out of English copy and machine translation as "the Orekhovo
# direction": the adjective of a town in -ов/-ев/-ин (Орехов, Орехів) cut to a neuter -ovo/-evo/-ino,
# which names the town once its -o is dropped (Orekhov → Orikhiv), or a village in -ove (Kurakhovo).
_LATIN_NEUTER = re.compile(r"(?:[oe]v|[iy]n)o$", re.IGNORECASE)


def _town_names(name: str) -> list[str]:
    """The names a direction's town may have, from the word before the direction word."""
    out: list[str] = []
    parts = [name] + ([name.replace("–", "-").split("-")[0]] if re.search("[-–]", name) else [])
    for part in parts:
        if part.isascii():
            out.append(part)
            # an adjective romanised ("Siverskiy", "Pokrovske", "Vremivske" direction): the town
            # it is formed from, by the same suffixes as in Cyrillic
            m = _LATIN_ADJECTIVE.search(part)
            if m:
                root = part[: m.start()]
                out.append(root + m.group(1))
                out.extend(root + end for end in _LATIN_FORMS_OF_ROOT)
            if _LATIN_NEUTER.search(part):
                out.append(part[:-1])
            continue
        for form in word_nominatives(part):
            m = _ADJECTIVE.search(form)
            if not m:
                continue
            suffix = m.group(0)
            root = form[: m.start()]
            base = root + suffix[: 3 if suffix.startswith(("ськ", "цьк")) else 2]  # Сіверськ, Покровск
            out.append(base)
            out.extend(root + end for end in _FORMS_OF_ROOT)
    return list(dict.fromkeys(n for n in out if len(n) >= 3))


@functools.lru_cache(maxsize=4096)
def _spelling_of(form: str, name: str) -> bool:
    """Whether ``form`` is another spelling of the current name ``name`` by the rules of
    :func:`gazetteer.names.query_variants` ("Gulyaypole" of Huliaipole, "Avdeyevka" of Avdiivka),
    not a former name of the place."""
    return fold(name) in {k for k, _ in query_variants(form)}


_APOSTROPHE = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


#: The direction table's name (``geo/rules/<name>.jsonl``)
DIRECTION_TABLE = "direction_towns"


@functools.lru_cache(maxsize=4)
def _direction_rows(folder: Path | None = None) -> tuple[tuple[str, bool, Rule], ...]:
    """The rows of the direction table: (the phrase casefolded, whether it is a stem, the row).

    Raises
    ------
    RuleError
        A bad row (:func:`geo.rules.load_table`), a ``town`` row without a numeric geonameid or a ``no-town`` row with
        one, naming the file and line.
    """
    rows = load_table(DIRECTION_TABLE, classes={"town", "no-town"}, matches={"word", "prefix"}, folder=folder,
                      fields={"geonameid": None, "source": None, "note": None}, required=("source",))
    path = (folder or RULES_DIR) / f"{DIRECTION_TABLE}.jsonl"
    for r in rows:
        gid = r.get("geonameid")
        if r.cls == "town" and not (gid and gid.isdigit()):
            raise RuleError(f"{path}:{r.line}: a town row needs the geonameid of its town, got {gid!r}")
        if r.cls == "no-town" and gid:
            raise RuleError(f"{path}:{r.line}: a no-town row names no geonameid, got {gid!r}")
    return tuple((r.phrase.translate(_APOSTROPHE).casefold(), r.match == "prefix", r) for r in rows)


def check_direction_table(gaz: Gazetteer, folder: Path | None = None) -> None:
    """Check every ``town`` row's geonameid against the gazetteer: a settlement it holds.

    Raises
    ------
    RuleError
        Naming the file and line of the first row whose geonameid the gazetteer lacks or that is no settlement.
    """
    path = (folder or RULES_DIR) / f"{DIRECTION_TABLE}.jsonl"
    for _, _, r in _direction_rows(folder):
        if r.cls != "town":
            continue
        try:
            p = gaz.place(int(r.get("geonameid")))
        except GazetteerError:
            raise RuleError(f"{path}:{r.line}: unknown geonameid {r.get('geonameid')} "
                            f"(no place of the gazetteer has it)") from None
        if p.feature_class != "P":
            raise RuleError(f"{path}:{r.line}: geonameid {p.geonameid} is {p.name}, not a settlement")


def _direction_row(name: str) -> Rule | None:
    """The row of the direction table a direction's name ("Новопавлівському", "Novopavlivka") is a form of: the
    whole name, else its first part before a hyphen; a stem row matches the names it begins."""
    parts = [name] + ([re.split("[-–]", name)[0]] if re.search("[-–]", name) else [])
    for part in parts:
        key = part.translate(_APOSTROPHE).casefold()
        for phrase, stem, row in _direction_rows():
            if key == phrase or (stem and key.startswith(phrase)):
                return row
    return None


_checked: set[int] = set()  # the gazetteers the table's rows were checked against (by id)


def direction_town(name: str, gaz: Gazetteer) -> tuple[Place | None] | None:
    """The direction table's reading of a direction's name: ``(town,)``, ``(None,)`` for a direction named after no
    town (Придніпровському), or None when the table holds no form of it.

    Raises
    ------
    RuleError
        On the first call with a gazetteer, a ``town`` row whose geonameid it lacks (:func:`check_direction_table`).
    """
    if id(gaz) not in _checked:
        check_direction_table(gaz)
        _checked.add(id(gaz))
    row = _direction_row(name)
    if row is None:
        return None
    return (gaz.place(int(row.get("geonameid"))) if row.cls == "town" else None,)


def sector_town(name: str, gaz: Gazetteer) -> Place | None:
    """The town a direction named ``name`` ("Kupiansk", "Сіверському") is named after, or None.

    The town of its row in the direction table (:func:`direction_town`), if it has one. Otherwise the most populous settlement of Ukraine whose current name one of its forms is (no fuzzy
    matching); when GeoNames gives none of them a population, the one such settlement there is
    ("Vremivske direction": Vremivka, the only place of that name), else None.
    """
    listed = direction_town(name, gaz)
    if listed is not None:
        return listed[0]
    best: Place | None = None
    found: set[int] = set()
    for form in _town_names(name):
        for c in gaz.candidates(form, fuzzy=False):
            p = c.place
            # a direction is named after a town's current name, not a former one (Олександрівськ
            # was Zaporizhzhia), and after a real form of the word, not a case form of it
            if (p.country != "UA" or p.feature_class != "P" or c.rule in ("case", "renamed")
                    or not (fold(c.matched) == fold(p.name) or _spelling_of(form, p.name))):
                continue
            found.add(p.geonameid)
            if best is None or p.population > best.population:
                best = p
    return best if best is not None and (best.population > 0 or len(found) == 1) else None


def _list_before(text: str, at: int) -> list[tuple[int, str]]:
    """The earlier items of a list of Cyrillic directions' names whose last item starts at ``at``, first first, each
    as (where it is written, the name): "на Покровском, Купянском и Лиманском направлениях" before Лиманском gives
    Покровском and Купянском. A Latin name is no item (an English list names its towns, not adjectives)."""
    items: list[tuple[int, str]] = []
    for m in _items_before(_ITEM_BEFORE, text, at):  # (its lookbehind already keeps an item whole)
        if m.group("name").isascii():
            break
        items.append((m.start(), m.group("name")))
    return items[::-1]


def before_direction_word(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` names a direction: a direction word follows it, a qualifier row maybe
    between ("Покровском направлении", "Kostiantynivka tactical direction"), or further names of a list that
    one ends ("В Александровском и Гуляйпольском направлениях", "на Оріхівському, Гуляйпільському та
    Олександрівському напрямках")."""
    if sector_word_after().match(text, end, end + 50) is not None:
        return True
    if not LIST_ADJECTIVE.search(text, max(0, end - 12), end):
        return False  # only an adjective heads a list of directions ("у Яблоновки и Покровском направлении": a village)
    pos = end
    for _ in range(_LIST_ITEMS):
        m = ADJECTIVE_ITEM_AFTER.match(text, pos, pos + _ITEM_REACH)
        if m is None:
            return False
        pos = m.end()
        if sector_word_after().match(text, pos, pos + 50) is not None:
            return True
    return False


# a later direction of a sentence that named one in full, its direction word left out and a dash after it: "на
# Покровському напрямку … біля Родинського, на Гуляйпільському – два рази в районі Успенівки" (a locative adjective
# after "на", "в", "у", "во"; bounded: tests/test_regex_backtracking.py)
_ELIDED = re.compile(rf"(?<![\w’'ʼ-])(?:на|в|у|во)\s(?P<name>[{_UPPER}][\w’'ʼ-]{{0,40}}{_LOCATIVE_ADJECTIVE})[ \t]{{0,2}}[–—]\s",
                     re.IGNORECASE)


def find_sectors(
    text: str, gaz: Gazetteer, sentence_of: Callable[[int], tuple[int, int]] | None = None
) -> list[Sector]:
    """The front directions named in a report, each with the stretch of text it holds for.

    "На Сіверському напрямку бої біля Федорівки." gives one sector, Siversk, holding for the
    whole sentence (tests/test_sectors.py). A later direction of the same paragraph written without its direction
    word ("…, на Гуляйпільському – біля Успенівки") holds from where it is written, and closes the one before it.
    """
    found: list[tuple[int, int, str, Place, bool, int]] = []  # (stretch start, at, phrase, town, listed, its group's end)
    if sector_word_after().search(text) is None:
        return []  # every direction ends in a direction word (its `after`): a text with none names none
    for m in _pattern().finditer(text):
        town = sector_town(m.group("name"), gaz)
        if town is None:
            continue
        start = sentence_of(m.start())[0] if sentence_of is not None else m.start()
        word = m.group("after").split()[-1]
        for at, name in _list_before(text, m.start()):
            # each earlier item of a list the direction word ends is a direction of its own ("на Оріхівському,
            # Гуляйпільському та Олександрівському напрямках": Orikhiv, Huliaipole, Oleksandrivka)
            item_town = sector_town(name, gaz)
            if item_town is not None:
                found.append((start, at, f"{name} {word}", item_town, _direction_row(name) is not None, m.end()))
        found.append((start, m.start(), m.group(0), town, _direction_row(m.group("name")) is not None, m.end()))
    if found:
        for m in _ELIDED.finditer(text, found[0][1]):
            # only after a direction named in full in its paragraph: the genre of a summary by directions
            para = text.rfind("\n", 0, m.start()) + 1
            town = sector_town(m.group("name"), gaz) if any(para <= at < m.start() for _, at, *_ in found) else None
            if town is not None and all(at != m.start("name") for _, at, *_ in found):
                found.append((m.start(), m.start("name"), m.group("name"), town, _direction_row(m.group("name")) is not None,
                              m.end("name")))
        found.sort(key=lambda f: (f[0], f[1]))
    out: list[Sector] = []
    for k, (start, at, phrase, town, listed, _) in enumerate(found):
        para_end = text.find("\n", at)
        end = len(text) if para_end < 0 else para_end
        # the next sector named (in another sentence) closes this one
        for start2, *_ in found[k + 1:]:
            if start2 > start:
                end = min(end, start2)
                break
        out.append(Sector(phrase, town, start, end, at, listed))
    return _postposed(text, out, [f[5] for f in found])


# what may stand before a direction phrase that opens its sentence: a bullet, a number, a preposition and an article
# ("На Покровському напрямку", "• In the Pokrovsk direction", "2. On the Lyman direction"); bounded
_OPENS = re.compile(r"[\W\d_]{0,8}(?:(?:на|в|у|во|по|on|in|at|along|the)\s{1,3}){0,2}", re.IGNORECASE)
# a direction phrase that a dash or a colon follows introduces what comes after it ("in the Pokrovsk direction — near")
_FRAMES_AFTER = re.compile(r"[ \t]{0,2}[,]?[ \t]{0,2}[–—:-]")


def _postposed(text: str, sectors: list[Sector], group_ends: Sequence[int]) -> list[Sector]:
    """``sectors`` with the stretches of a sentence that writes its directions after their places.

    A direction phrase that opens its sentence (after at most a bullet and a preposition) frames what follows it, and
    so does one a dash or colon follows ("На Покровському напрямку ворог атакував біля A; на Новопавлівському – біля
    C"): such a sentence keeps its stretches. In a sentence whose first direction phrase does not open it and whose
    directions are each written in full ("Окупанти просунулися біля A на Покровському напрямку та біля B, C на
    Новопавлівському напрямку", "advanced near A in the Pokrovsk direction and near B in the Novopavlivka direction")
    each direction holds for the text from the previous direction phrase of the sentence (or its start) to its own
    end; the places after the last one keep the last. The items of a list of directions that one direction word ends
    are one group and share their stretch.
    """
    by_sentence: dict[int, list[int]] = {}
    for k, s in enumerate(sectors):
        by_sentence.setdefault(s.start, []).append(k)
    out = list(sectors)
    for start, ks in by_sentence.items():
        ends = sorted({group_ends[k] for k in ks})
        if len(ends) < 2:
            continue  # one direction (an elided one holds from where it stands: a stretch of its own)
        first = min(sectors[k].at for k in ks)
        # a dateline or a heading before a dash or colon is no part of the sentence ("KHARKIV OBLAST, Jul 16 — In
        # the Kharkiv direction, …")
        head = max(start, *(text.rfind(c, start, first) + 1 for c in "—–:"))
        if _OPENS.fullmatch(text, head, first) or any(_FRAMES_AFTER.match(text, e) for e in ends):
            continue
        for k in ks:
            i = ends.index(group_ends[k])
            new_start = start if i == 0 else ends[i - 1]
            new_end = ends[i] if i + 1 < len(ends) else sectors[k].end
            out[k] = Sector(sectors[k].text, sectors[k].town, new_start, new_end, sectors[k].at, sectors[k].listed)
    return out


def sector_names(mentions: Sequence[Mention], sectors: Sequence[Sector]) -> list[Mention]:
    """``mentions`` with the name of each Russian or Ukrainian direction that none of them begins at, in text order:
    an adjective the gazetteer holds no place of ("добропольском участке", "Добропільському напрямку": no
    Добропільське) names the direction's town all the same, and one in lower case (as Russian news writes it) too.

    >>> from gazetteer.model import Place
    >>> town = Place(709900, "Dobropillia", 48.47, 37.09, "P", "PPLA3", "UA")
    >>> text = "Бои идут на добропольском участке у Белицкого."
    >>> at = text.index("добропольском")
    >>> [m.text for m in sector_names([], [Sector("добропольском участке", town, 0, len(text), at)])]
    ['добропольском']
    """
    taken = {m.start for m in mentions}
    added = [Mention(text=name, start=s.at, end=s.at + len(name), trigger="gazetteer")
             for s in sectors if s.at >= 0 and s.at not in taken and has_cyrillic(name := s.text.split()[0])]
    return sorted([*mentions, *added], key=lambda m: m.start) if added else list(mentions)
