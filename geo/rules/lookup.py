"""Rule tables read as look-ups, not as a sentence's phrases: each class compiled into one expression.

A table here is checked on load like every rule table (:func:`geo.rules.load_table`: unknown class, empty or
duplicate phrase, an example that does not hold its phrase → an error naming the file and line), but its
rows are searched for in a string of another kind than a sentence (a report's host and head, the words
before a name), one expression per class, case-insensitive as one attribute:

- ``outlets``: what a report's url, title and first lines say of who publishes it (:mod:`geo.claims.voice`);
- ``cues``: the words before a name that make it a settlement's name (:mod:`geo.mentions`);
- ``units``: the words of a military unit's name (:mod:`geo.claims.units`);
- ``name_kinds``: the words beside a name that say it names water or no settlement (:mod:`geo.mentions`);
- ``calendar``: the names of months and weekdays in dates, and the word of a day named without its month ("2 числа") (:mod:`geo.dates`);
- ``abbreviations``: the words a dot after which ends no sentence (:mod:`geo.text`);
- ``town_parts``: the nouns that name a part or the outskirts of a town after a bearing (:mod:`geo.relative`);
- ``stop_words``: the words never taken as a place on their own (:mod:`geo.mentions`);
- ``list_words``, ``countries``: the lower-case words of a list of names, and a country as a whole mention
  (:mod:`geo.claims.role`);
- ``back_references``: the words of a sentence that goes on quoting an earlier one's statement (:mod:`geo.dates`);
- ``direction_names``: the words of a front direction's name (:mod:`geo.claims.units`), and the words after a name
  that make it an area's (:mod:`geo.mentions`) or a sector's (:mod:`geo.claims.role`);
- ``conjunctions``: the conjunctions between the names of a list (:mod:`geo.mentions`, :mod:`geo.claims.clauses`),
  and those that open a clause of their own, one vocabulary for two readers: a clause of its own for a name's action
  (:mod:`geo.claims.clauses`) and the end of a bearing's reach (:mod:`geo.resolve`);
- ``distance_words``: the number words, approximations, units and leading prepositions of a distance before a bearing
  (:mod:`geo.relative`);
- ``bearings``: the compass words of a place given relative to a named one, and the words that join them to the
  place ("3 km north-east of the village of X", "севернее X", "на північній околиці X"; :mod:`geo.relative`);
- ``region_words``: the words for a region, its kind and its one-word names (:mod:`geo.rules.region_words`);
- ``gap_words``: the small words that may stand between a cue and the place it governs, before an attack's weapon,
  before a meeting's place, between a place and its office (:mod:`geo.claims.role`, :mod:`geo.claims.action`);
- ``bylines``: the words of a post's byline (:mod:`geo.reports`) and of a header line introducing a body's message
  (:mod:`geo.claims.claimant`);
- ``first_names``: people's first names, before a surname (:mod:`geo.mentions`);
- ``name_endings``: the endings that make a name look like a village's or a person's (:mod:`geo.mentions`), or a
  sector's name a romanised adjective (:mod:`geo.resolve`).

A row matches as ``word`` (whole words), ``prefix`` (its last word a stem), or ``part`` (anywhere, inside a
word too: ``substack`` in ``example.substack.com``); inside a phrase ``word*`` is a stem, as everywhere. A row with
``case: title`` matches only as written (a name's word: "Road", "Post"); every other row in any case.

>>> bool(class_pattern("outlets", "blog-host").search("example.substack.com"))
True
>>> bool(class_pattern("outlets", "isw").search("the isw said")), bool(class_pattern("outlets", "isw").search("iswara"))
(True, False)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from geo.rules import APOSTROPHES, GAP, QUOTES, Rule, load_table, phrase_pattern

__all__ = ["LOOKUP_TABLES", "class_pattern", "ending_pattern", "first_letter_test", "lookup_rows", "row_pattern", "rows_pattern"]

#: table name → (classes, fields, match values): what each look-up table's rows may say
LOOKUP_TABLES: dict[str, tuple[frozenset[str], dict[str, frozenset[str] | None], frozenset[str]]] = {
    # who publishes a report, from its host and head (geo.claims.voice, in this order of precedence)
    "outlets": (frozenset({"isw", "deepstate", "milblogger", "agency", "mod-hint", "genstaff", "ukraine",
                           "blog-host"}), {}, frozenset({"word", "prefix", "part"})),
    # the words before a name that make it a place's (geo.mentions): the cue classes nest, each a part of the
    # next (called ⊂ settlement ⊂ strong); weak cues are prepositions alone; fillers may follow a cue
    # ("the village of "), the open ones ("in", "near", "and") not after a called cue
    # a list: after a "list" word, the last item of a list is a settlement's name ("the villages of A, B and C");
    # after a "list-item" word, each item ("near A, B and ")
    # after a "list-verb" (a capture verb), each item the gazetteer lacks ("occupied A and ")
    "cues": (frozenset({"called", "settlement", "strong", "weak", "filler", "filler-open", "list", "list-item",
                        "list-verb"}), {},
             frozenset({"word", "prefix"})),
    # month and weekday names, each form a row, with its number (geo.dates); ``case: title`` a word that is also a
    # common English word and a month only when capitalised ("may", "march")
    # what a word next to a name says it names (geo.mentions): water after it ("Oskil River"), no settlement after it
    # ("Kupyansk Street", "Azov Sea") or before it ("Sea of Azov"); ``case: title`` a word that says so only when
    # capitalised, as a name's part ("Pokrovsk Road", "Kyiv Post"; "the Pokrovsk road" leads to the town)
    # a seat-of-power: a name standing for its government ("Moscow said", "the Kremlin's"; geo.claims.role)
    # a title-before: the capitalised word after it is a person's name ("President Zelensky", geo.mentions)
    # a modified-after: a name before it only qualifies it ("Kherson residents", "Kyiv delegation"; geo.claims.role)
    # premises-after: a kind of premises after a name ("the Kramatorsk hotel", "Покровська лікарня", geo.mentions)
    # nickname-before: the words that call the next one a person's nickname ("позывной", "call sign", geo.mentions)
    # called-before: a Russian or Ukrainian word that calls the next name a settlement ("села Искра"), each case form
    # a row; called-list-before: one that heads a list of settlements after a colon ("населённых пункта: Хорошее, …")
    # street-before: a Russian or Ukrainian word for a street or a town's quarter; the name after it and the names
    # listed after that are the street's, not villages ("на улице Шевченко", "по улицам Вишневая и Спартака",
    # "вулицею Шевченка"; geo.mentions)
    # other-name: a word between two names of one place that makes the second another name of the first ("now known
    # as", "formerly"; geo.resolve)
    # line-after: after a name or a chain of names joined by dashes, a line or a road ("the Svatove-Kreminna line",
    # "the Pokrovsk–Kostiantynivka road"; geo.claims.role)
    # line-along: before a chain of names joined by dashes and a line word of the front (a line-after row of ``front:
    # yes``, or a sector word), it puts the clause's event on each of them ("advanced along the
    # Yablunivka-Oleksandro-Kalynove line"; not a road's ends, "along the Pokrovsk-Kostiantynivka road"; geo.claims.role);
    # one of ``chain: after`` names the stretch itself, the chain right after it, the Russian and Ukrainian way ("на
    # ділянці Піщане – Глушківка", "на участке A — B"; geo.claims.clauses)
    "name_kinds": (frozenset({"water-after", "not-settlement-after", "not-settlement-before", "seat-of-power",
                              "title-before", "modified-after", "premises-after", "nickname-before", "called-before",
                              "called-list-before", "other-name", "line-after", "line-along", "place-before",
                              "street-before"}),
                   {"case": frozenset({"title"}), "front": frozenset({"yes"}), "chain": frozenset({"after"})},
                   frozenset({"word", "prefix"})),
    # the words of a military unit's name (geo.claims.units, one pass for a claim's unit and for the spans no cue stands
    # in): a unit's ``noun`` (in any case and number, "brigade*", "бригад*"; an abbreviation ``case: title``, as written,
    # "TA"), of a ``rank`` where one is known (1 battalion to brigade, 2 division, 3 corps, army, fleet), ``named`` where
    # capitalised words before it name a unit ("Azov Brigade"); the ``adjective`` rows (a proper name's words, ``case:
    # title``) and ``designation`` rows (Russian and Ukrainian stems, a few English words) before it, in any case ("82nd
    # air assault and 3rd tank brigades", "десантно-штурмовой бригады"); an ordinal, capitalised adjectives and a noun of a
    # rank as written make a unit's proper name ("25th Separate Airborne Brigade"); the words before and after a group's
    # name: "Battlegroup Vostok", "Vostok Group of Forces"; a military district
    "units": (frozenset({"adjective", "noun", "group-before", "group-after", "district", "designation"}),
              {"rank": frozenset({"1", "2", "3"}), "named": frozenset({"yes"}), "case": frozenset({"title"})},
              frozenset({"word"})),
    # words that, followed by a dot, almost never end a sentence (geo.text): a person's title or rank, a reference
    # ("fig.", "no."), a body, a month, a place's kind ("St.", "обл."), a language; each row one word as written
    # before the dot
    "abbreviations": (frozenset({"title", "rank", "reference", "body", "month", "place", "language"}), {},
                      frozenset({"word"})),
    # a town's parts (geo.relative): the nouns after a bearing that name part of a town ("the northern part of X",
    # "X's eastern districts"), and its outskirts ("the eastern outskirts of X", "the approaches to X")
    "town_parts": (frozenset({"part", "outskirts"}), {}, frozenset({"word", "prefix"})),
    # words never taken as a place on their own, whatever the gazetteer holds (geo.mentions.STOP_WORDS, with the
    # comparative rows of ``bearings``: "севернее", "південніше"): each row one word, lower-cased; the class says why
    # (an article also opens no name of several words the gazetteer lacks); a ``label`` row is a place's namesake too,
    # and no place only where it opens a line before a colon or the line's end ("Джерело: DeepState")
    "stop_words": (frozenset({"calendar", "article", "function", "military", "political", "bearing", "size", "nationality",
                              "title", "place-kind", "media", "label"}), {}, frozenset({"word"})),
    # the lower-case words a list of names between a preposition and a place may hold (geo.claims.role: "near Sosnove,
    # Yarova, and X"): a place's kind, a state ("occupied"), a function word; each row one lower-case word; and the
    # words right before a state word that make it the place's status, not the verb ("the occupied territories",
    # "newly occupied X"; geo.claims.action)
    "list_words": (frozenset({"kind", "state", "function", "status-before"}), {}, frozenset({"word"})),
    # a country or a bloc as a whole mention (geo.claims.role), each case form a row; a qualifier before it ("southern")
    "countries": (frozenset({"country", "bloc", "qualifier"}), {}, frozenset({"word"})),
    # a sentence that goes on quoting an earlier sentence's statement (geo.dates): "the ministry said", "it added",
    # "according to the statement", "according to him"; the words of each part of the four forms (``also`` between
    # a pronoun and its verb: "He also said", "Він також зазначив"); its pronoun forms also carry the last speaker
    # named (geo.discourse: "He added …", "…», – сказав він", "По его словам, …")
    "back_references": (frozenset({"determiner", "body", "verb", "pronoun", "pronoun-verb", "also", "according",
                                       "according-body", "pronoun-according"}),
                        {}, frozenset({"word", "prefix"})),
    # the words of a front direction's name (geo.claims.units: "Pokrovsk axis", "the Lyman tactical direction"), each
    # row of these ``case: title`` (as written); a capitalised word before the name that is none of it ("On",
    # "Southern"); area-after: a word after a name, in any case, that makes it an area's ("the Avdiivka area",
    # geo.mentions); sector-after: a word after a name, in any case, that makes the place a sector, not the event's
    # place ("attacked in the Pokrovsk direction", geo.claims.role), with the ``plural`` after a list of names
    "direction_names": (frozenset({"direction", "qualifier", "not-name", "area-after", "sector-after"}),
                        {"case": frozenset({"title"}), "plural": None}, frozenset({"word"})),
    # the conjunctions between the names of a list (geo.mentions, geo.claims.clauses): "list" ("та", "и", "and"), and
    # "а", which may also glue a list's head, and after a comma opens a clause; a "clause" conjunction opens a clause
    # of its own, with or without a comma before it ("but", "while", "но", "тоді як"), or, of ``comma: needed``, only
    # after one (", although", ", yet"): one vocabulary for two readers, what follows has its own action
    # (geo.claims.clauses, the English rows) and a bearing phrase before it does not reach the names after it (geo.resolve; "а" does not
    # either); an "addition" ("а также", "but also") adds: a bearing reaches past it, and after ", а" no clause opens;
    # a list conjunction of ``sense: or`` offers alternatives ("або", "или", "or"), the others add (geo.claims.role)
    "conjunctions": (frozenset({"list", "contrast", "clause", "addition"}),
                     {"sense": frozenset({"or"}), "comma": frozenset({"needed"})}, frozenset({"word"})),
    # the words of a distance before a bearing (geo.relative): a number written as a word with its ``value``
    # ("two kilometres north of X"), a word that makes the distance approximate ("about 3 km"), a unit with the
    # kilometres one of it is (``km``: "miles" 1.609344), a preposition before the distance ("в 5 км", "за 5 км")
    "distance_words": (frozenset({"number", "approximately", "unit", "lead"}), {"value": None, "km": None},
                       frozenset({"word", "prefix"})),
    # the words of a place given relative to a named one (geo.relative), each with its role in the phrase: a compass
    # ``point`` before a link word ("north of", "к северу от", "на північ від"), an English ``suffix`` of the points
    # (``form``: "northern" an adjective, "westward" a point), a bearing ``adjective`` before a part noun ("северной
    # части"), a ``comparative`` that holds its link ("севернее X"), an ``abbreviation`` ("NE of"); the ``link``
    # words, the words ``toward`` a bearing after a distance ("to the", "к"), the ``part-link`` after a part noun
    # ("of"; none where the genitive links), an ``article`` and a ``place-kind`` before the place ("the village of",
    # "села"), the words ``inside`` that make "north of X" a part of X ("in the"), a ``bracket-tail`` ("of it"), a
    # ``hedge`` before a bearing ("just south of X", "чуть южнее X"; geo.resolve), a ``side`` with its preposition that
    # names a part of the place after it ("на севере X", "на півночі X"); ``bearing`` in degrees clockwise from north
    "bearings": (frozenset({"point", "suffix", "adjective", "comparative", "abbreviation", "link", "toward", "part-link",
                            "article", "place-kind", "inside", "bracket-tail", "hedge", "side"}),
                 {"bearing": None, "form": frozenset({"point", "adjective"}), "case": frozenset({"title"})},
                 frozenset({"word", "prefix"})),
    # the words for a region (geo.rules.region_words): a kind ("oblast", "области", each form a row, with the ``stem``
    # its forms begin with; ``number: plural`` after a list of names; ``after: no`` a kind only as a mention's last
    # word), a region's one-word name as a whole mention ("DPR", "Crimea"), and a ``border`` phrase that makes the
    # region right after it a neighbour of the sentence's places ("near the border with the Donetsk region")
    "region_words": (frozenset({"kind", "name", "border"}), {"stem": None, "number": frozenset({"plural"}),
                                                   "list": frozenset({"yes"}), "after": frozenset({"no"})}, frozenset({"word"})),
    # the small words between a cue and what it governs (geo.claims.role, geo.claims.action): ``direct`` may stand
    # between an event's cue and any place it governs ("an attack on the southern X"), ``direct-settlement`` only
    # before a settlement ("captured the village of X"; "liberated X in the Y region": Y only contains X); an attack
    # governs a country only ``across`` one ("strikes across Ukraine"); an ``instrument`` word between an attack and a
    # weapon ("attacked Belgorod with heavy drones"); a ``venue`` preposition before a meeting's place ("talks … in
    # Istanbul"); an ``office`` word between a place and the office seated there ("the Zaporizhzhia region governor",
    # "Kharkiv's mayor": a possessive is the row "'s")
    # a ``passive`` auxiliary between a place and the event's cue after it ("X was struck", "X has been liberated"), a
    # ``passive-adverb`` after it ("X was reportedly struck"); a ``where`` preposition after a stationed or massed row
    # of positions.jsonl ("stationed in X"); a ``locative`` preposition after "20 km north of X" that puts the claim
    # beside X ("advanced 3 km north-east of X toward Y"), not another place; Russian and Ukrainian: an
    # ``appositive-head`` word in an appositive after a place name ("Терны, поселок, расположенный …") and the
    # ``appositive-near`` preposition that closes it ("… недалеко от Y"): Y locates the place (geo.claims.role)
    "gap_words": (frozenset({"direct", "direct-settlement", "across", "instrument", "venue", "office", "passive",
                             "passive-adverb", "where", "locative", "appositive-head", "appositive-near"}), {},
                  frozenset({"word"})),
    # the endings of a name (geo.mentions): a ``toponym`` ending ("-ivka", "-ськ") makes a capitalised word look like a
    # village's name, a ``surname`` one ("-enko", "-ov") like a person's; each row an ending, matched at a name's end
    # a ``sector-adjective`` one ("-skiy", "-ovo") makes a sector's name a romanised adjective ("the Siverskiy direction",
    # geo.resolve)
    "name_endings": (frozenset({"toponym", "surname", "sector-adjective"}), {}, frozenset({"word"})),
    # the words of a report's head (geo.reports, geo.claims.claimant): a ``byline`` word before "by" that opens a post's
    # byline ("Published by X | date"), a ``header`` word before "from" or "by" that opens a line introducing a
    # body's message ("Message from the General Staff:"); each row one lower-case word
    "bylines": (frozenset({"byline", "header"}), {}, frozenset({"word"})),
    # a person's first name (geo.mentions): the capitalised word right after it is a surname ("Oleh Chaus",
    # "Владислав Волошин"), and neither names a place there; each row one name as written, Cyrillic rows in the
    # nominative (a name in another case is read through its nominatives)
    "first_names": (frozenset({"first-name"}), {}, frozenset({"word"})),
    "calendar": (frozenset({"month", "weekday", "month-day"}),
                 {"month": frozenset(str(m) for m in range(1, 13)), "weekday": frozenset(str(d) for d in range(7)),
                  "case": frozenset({"title"})}, frozenset({"word"})),
}


def lookup_rows(table: str) -> tuple[Rule, ...]:
    """The checked rows of one look-up table (see :data:`LOOKUP_TABLES`)."""
    classes, fields, matches = LOOKUP_TABLES[table]
    return load_table(table, classes=classes, fields=fields, matches=matches)


def row_pattern(rule: Rule, *, lead: bool = True) -> str:
    """The expression of one row (use it case-insensitively): its words joined by any whitespace, a
    ``word*`` or a ``prefix`` row's last word a stem; a ``word`` or ``prefix`` row starts a word
    (unless ``lead`` is False), a ``part`` row starts and ends anywhere; a ``case: title`` row keeps its case.

    >>> import re
    >>> road = next(r for r in lookup_rows("name_kinds") if r.phrase == "Road")
    >>> bool(re.match(row_pattern(road), "Road", re.I)), bool(re.match(row_pattern(road), "road", re.I))
    (True, False)
    """
    if rule.match == "part":
        return r"\s+".join(map(re.escape, rule.key.split(" ")))
    if rule.get("case") == "title":  # the one row attribute that keeps the case: the words as written
        written = " ".join(unicodedata.normalize("NFC", rule.phrase).split())
        return (r"(?<!\w)" if lead else "") + "(?-i:" + phrase_pattern(written, rule.match == "prefix") + ")"
    return (r"(?<!\w)" if lead else "") + phrase_pattern(rule.key, rule.match == "prefix")


def rows_pattern(rules: Iterable[Rule]) -> str:
    """One alternation of the expressions of ``rules`` (:func:`row_pattern`), longest phrases first, so that it
    reads the longest at a place; a reader that takes some rows of a class builds its expression with it.

    >>> import re
    >>> clause = [r for r in lookup_rows("conjunctions") if r.cls == "clause" and r.get("comma") != "needed"]
    >>> bool(re.match(rows_pattern(clause), "but")), bool(re.match(rows_pattern(clause), "yet"))
    (True, False)
    """
    rules = sorted(rules, key=lambda r: (-len(r.key), r.key))
    if not rules:
        raise KeyError("no row to build an expression of")
    return "(?:" + first_letter_test(rules) + "(?:" + "|".join(map(row_pattern, rules)) + "))"


def first_letter_test(rules: Iterable[Rule]) -> str:
    """A look-ahead of the characters the expressions of ``rules`` (:func:`row_pattern`) can start with (any
    case), to put before their alternation: a search tries every place of a text, and where no row can start it
    fails on one character instead of trying each row in turn (tens of times faster over prose). Empty when a
    row may start anywhere (a gap first) or there is no row.

    >>> import re
    >>> clause = [r for r in lookup_rows("conjunctions") if r.cls == "clause" and r.get("comma") != "needed"]
    >>> test = re.compile(first_letter_test(clause))
    >>> bool(test.match("But")), bool(test.match("7"))
    (True, False)
    """
    firsts: set[str] = set()
    for r in rules:
        first = r.key[:1] if r.get("case") != "title" else r.phrase.strip()[:1]
        if not first or r.key.startswith(GAP):
            return ""
        firsts.update(APOSTROPHES if first in APOSTROPHES else QUOTES if first == '"' else first)
    return f"(?=(?i:[{''.join(map(re.escape, sorted(firsts)))}]))" if firsts else ""


@lru_cache(maxsize=None)
def class_pattern(table: str, cls: str) -> re.Pattern[str]:
    """One case-insensitive expression of every row of class ``cls`` of a look-up table (longest phrases
    first, so that an alternation reads the longest at a place)."""
    rules = [r for r in lookup_rows(table) if r.cls == cls]
    if not rules:
        raise KeyError(f"{table}: no row of class {cls!r}")
    return re.compile(rows_pattern(rules), re.IGNORECASE)


@lru_cache(maxsize=None)
def ending_pattern(cls: str) -> re.Pattern[str]:
    """The rows of class ``cls`` of geo/rules/name_endings.jsonl as one expression of a name's end, in any case.

    >>> bool(ending_pattern("toponym").search("Novoselivka")), bool(ending_pattern("toponym").search("Novoselivkax"))
    (True, False)
    """
    return re.compile("(?:" + "|".join(re.escape(r.key) for r in lookup_rows("name_endings") if r.cls == cls) + ")$",
                      re.IGNORECASE)
