"""The role of a place in its sentence: event, speaker, venue, background, or direction (a sector named after
a town).
"""

from __future__ import annotations

import re
from geo.rules.matcher import read_all_kinds, read_kinds
from geo.rules.lookup import lookup_rows, row_pattern, rows_pattern
from geo.rules.region_words import after_name, list_after as region_list_after, mention_region
from geo.relative import point_pattern, point_stems
from geo.claims.matching import (_CONTAINER_TAIL, _GATE, _I, _ODD_FOLDS, _c, _locator_before, _may_end_in, _position_before,
                                 _possessed_after, _stem_mask)
from geo.claims.action import _Cue, _expected, _hypothetical, _relative_cue, intended
from geo.claims.clauses import stretch_links
from geo.sectors import ADJECTIVE_ITEM_AFTER, LIST_ADJECTIVE, adjective_items_before, before_direction_word
from geo.claims.claimant import _METONYMS, _SPEECH_AFTER, _SPEECH_VERBS, _may_speak

__all__ = ["APPOSITIVE_WHY", "RELATIVE_WHY", "along_chain"]

# A venue: a meeting word of geo/rules/venues.jsonl a few words before the place and a preposition (a venue row of
# geo/rules/gap_words.jsonl) right before it ("talks with the delegation in Istanbul"), or one right after it ("the
# Istanbul talks").
_VENUE_PREPOSITIONS = frozenset(r.key for r in lookup_rows("gap_words") if r.cls == "venue")
_VENUE_GAP = 6  # words between the meeting word and the preposition
# the words _REFERENCE_BEFORE can end with, before an optional "the" (see _may_end_in), but for its "between ..."
# branch, which may end in any word: it holds one of _REFERENCE_ANY_END
_REFERENCE_LAST = ("of", "to", "towards", "from", "in", "near", "between", "at", "on", "outside", "под", "під")
_REFERENCE_ANY_END = ("between",)
# an English compass point, or its adjective ("north", "south-east", "northern"): the point and adjective-suffix rows
# of geo/rules/bearings.jsonl (geo.relative); every one holds one of _DIR_STEMS
_DIRS = point_pattern("en", ("adjective",))
_DIR_STEMS = point_stems("en")
# a distance's words (geo/rules/distance_words.jsonl, one vocabulary with geo.relative's): the English approximately
# rows and a bearing's hedge ("just", geo/rules/bearings.jsonl) before the number, a unit row after it ("20km" too)
_DISTANCE_ROWS = lookup_rows("distance_words")
_APPROXIMATE = rows_pattern([r for r in _DISTANCE_ROWS if r.cls == "approximately" and r.lang == "en"]
                            + [r for r in lookup_rows("bearings") if r.cls == "hedge" and r.lang == "en"])
# a town's outskirts after a bearing ("the northern outskirts of"): the outskirts rows of geo/rules/town_parts.jsonl
_OUTSKIRTS = rows_pattern(r for r in lookup_rows("town_parts") if r.cls == "outskirts" and r.lang == "en")
# a settlement's kind with its "of" ("the town of"): the English place-kind rows of geo/rules/bearings.jsonl
_PLACE_KIND = rows_pattern(r for r in lookup_rows("bearings") if r.cls == "place-kind" and r.lang == "en") + r"\s+"
_REFERENCE_BEFORE = _c(
    rf"(?:\b{_DIRS}\s+(?:{_OUTSKIRTS}\s+)?of\s+(?:the\s+)?(?:{_PLACE_KIND})?$|"
    r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\bfrom\s+(?:the\s+)?directions?\s+of\s+$|"
    # English news: an appositive after a place name locates that place ("took Lozova, near the town of
    # Kupiansk", "Pishchane, near the virtually destroyed town of Kupiansk"): the second is a reference point
    r"(?<![\w'’-])(?-i:[A-Z])[\w'’-]*+\s*+,\s*+(?:just\s+)?(?:near|outside|close\s+to)\s+(?:the\s+)?"
    rf"(?:(?:[\w-]+\s+){{0,3}}?{_PLACE_KIND})?$|"
    # the same as a noun phrase that describes the place ("captured Hrodivka, another frontline village some 15
    # kilometers (nine miles) from the logistics hub of Pokrovsk", "taken Tsukuryne, a village at the gates of
    # the town of Selydove"): the place the description names locates the first
    # (the "of" right after the settlement noun is its name's: in "in Dnipropetrovsk, the village of X came under
    # Russian control" and "DeepState, the village of X has fallen" X is the event's place, no reference point)
    r"(?<![\w'’-])(?-i:[A-Z])[\w'’-]*+\s*+,\s*+(?:a|an|another|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:village|settlement|town|hamlet|locality)\s+(?:(?:[\w()-]+\s+){1,8}?(?:near|outside|from|of|to|close\s+to)"
    r"|(?:near|outside|from|to|close\s+to))\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|hub|centre|center)\s+of\s+)?$|"
    # a distance that locates what the comma or the settlement noun before it names ("took another settlement,
    # some 20 kilometers (12 miles) from logistics hub of Pokrovsk", "captured a village 15 km away from the town
    # of Y"): the place it is measured from is a reference point ("are now 3 km from Pokrovsk" is an approach)
    r"(?:,|\b(?:village|settlement|town|hamlet|locality))\s+(?:(?:some|about|around|roughly|nearly|only|just)\s+)?"
    r"\d+(?:[.,]\d+)?\s*+(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\([^()]{0,30}\)\s+)?(?:away\s+)?from\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement|hub|centre|center)\s+of\s+)?$|"
    # the same with a bearing ("The village of Sontsivka, north of Kurakhove, was also captured", "the town of
    # Kurakhove, just southwest of Hirnyk"): the second place locates the first
    # (wire copy writes the distance out, with its miles: "Podoly, about 5 kilometers (3.1 miles) east of the
    # front-line town of Kupiansk")
    rf"(?<![\w'’-])(?-i:[A-Z])[\w'’-]*+\s*+,\s*+(?:just\s+|(?:{_APPROXIMATE}\s+)?\d+(?:[.,]\d+)?\s*+"
    r"(?:km|kilomet(?:er|re)s?|miles?)\s+(?:\([^()]{0,30}\)\s+)?)?"
    rf"{_DIRS}\s+of\s+(?:the\s+)?(?:(?:[\w-]+\s+){{0,2}}?{_PLACE_KIND})?$|"
    # Russian and Ukrainian: "под"/"під" + instrumental right after a place name ("у Никифоровки под Северском",
    # "Воздвиженка под Гуляйполем") or a settlement noun ("Окуповані села під Покровськом") locates that place:
    # the second is a reference point (a clause's first word is no name: "Бої під Покровськом" is fighting there)
    r"(?:(?<=[\s,(«\"“])(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*+|(?<![\w'’-])(?:сел[аоё]|сёла|сіл|селищ[аеі]|посел[ок]\w*|посёл\w*|населен\w*\s+пункт\w*))\s++(?:под|під)\s+$)")
_REFERENCE_BIT = _GATE.bit(_REFERENCE_BEFORE, (
    *_DIR_STEMS, "between", "direction", "near", "outside", "close", "под", "під", "village",
    "settlement", "town", "hamlet", "locality", "km", "kilomet", "mile"))
# Russian and Ukrainian: an appositive after a place name that an appositive-head row of geo/rules/gap_words.jsonl
# makes a description of that place (a locator participle, a settlement noun: "захватили Терны, поселок,
# расположенный недалеко от Y", "удары по Дроновке, последнему форпосту ВСУ в районе Y") and that ends in an
# appositive-near row: Y only locates the first place, as the English "took Lozova, a village near Y" above
_APPOSITIVE_ROWS = [r for r in lookup_rows("gap_words") if r.cls in ("appositive-head", "appositive-near")]
_APPOSITIVE_BEFORE = _c(
    r"(?<![\w'’-])(?-i:[А-ЯЁІЇЄҐ])[\w'’-]*+\s*+,\s*+(?:[\w'’«»-]+,?\s+){0,3}?"
    + rows_pattern(r for r in _APPOSITIVE_ROWS if r.cls == "appositive-head") + r",?\s+(?:[\w'’-]+,?\s+){0,3}?"
    + rows_pattern(r for r in _APPOSITIVE_ROWS if r.cls == "appositive-near") + r"\s+$")
_APPOSITIVE_BIT = _GATE.bit(_APPOSITIVE_BEFORE, tuple(
    r.key.rstrip("*") for r in _APPOSITIVE_ROWS if r.cls == "appositive-head"))
#: the why of a place such an appositive only locates (geo.discourse: no list or back reference takes it up)
APPOSITIVE_WHY = "background: reference point of an appositive"
#: the why of an event its relative clause tells ("X, which Moscow claimed to have captured on Sunday"): geo.extract
#: dates it by that clause
RELATIVE_WHY = "relative clause '"
_APPOSITIVE_LAST = tuple({r.key.split()[-1] for r in _APPOSITIVE_ROWS if r.cls == "appositive-near"})
# The words before a place that make it a reference point are rows of geo/rules/positions.jsonl (a road's end:
# "road to", "approaches to"; where something is: "stationed in", "located near"; where a strike came from:
# "launched … from"; a line of defence: "defensive line … near"); what may stand between the row and the place
# is code, per class, case-insensitive, to the place (the end of what stands before it)
# "stationed in", "massed near": the where rows of geo/rules/gap_words.jsonl
_WHERE_TAIL = _c(r"\s+(?:\w+\s+){0,3}?" + rows_pattern(r for r in lookup_rows("gap_words") if r.cls == "where")
                 + r"\s+(?:the\s+)?")
_REFERENCE_TAILS = {
    "route": _c(r"\s+(?:to|towards|from|of)\s+(?:the\s+)?"),
    "stationed": _WHERE_TAIL,
    "massed": _WHERE_TAIL,
    "launched": _c(r"\s+(?:\w+\s+){0,4}?from\s+(?:the\s+)?(?:directions?\s+of\s+)?"),
    "defence-line": _c(r"[^.;]{0,60}"),
}
# After the clause's action cue, a ``massed`` row says where the action is ("attacks are concentrated near X"),
# and a ``stationed`` row that describes the cue's object says where its target is ("enveloping the enemy group
# located in X", "struck an ammunition depot situated near X"): X is the place of the event. The object is a
# determiner and a few words, none a preposition or a verb's -ing form ("expands its bridgehead on the bank
# further threatening the forces deployed in X" is another phrase: X is where a force stands); before the cue
# either row says where the actor stands ("troops stationed in X shelled Y")
_TARGET_OBJECT = _c(r"\s+(?:the|a|an|its|their|our|his|her)\s+"
                    r"(?:(?!(?:of|on|in|at|near|to|from|by|with|for|and|or|further)\s)(?![\w'’-]+ing\s)[\w'’-]+\s+){0,5}")
# English: a direction-of phrase that describes another place locates that place ("the village of Ivanovskoye,
# located west of Y", "situated about 20 kilometers (12.4 miles) east of the city of Y", "X (a small village
# southeast of Y)"): Y is a reference point, not the place of the event
_UNIT = "(?:" + "|".join(row_pattern(r, lead=False) for r in sorted(
    (r for r in _DISTANCE_ROWS if r.cls == "unit" and r.lang == "en"), key=lambda r: (-len(r.key), r.key))) + ")"
_DESCRIBED_BEFORE = _c(r"(?:\b(?:located|situated)|\(\s*(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
                       r"(?:village|town|settlement|hamlet|city|locality))\s+"
                       r"(?:" + _APPROXIMATE + r"\s+)?"
                       r"(?:\d+(?:[.,]\d+)?\s*" + _UNIT + r"\s+(?:\([^)]{0,30}\)\s+)?)?$")
# (wire copy writes the distance out with its miles between: "which lies around 10 kilometers (6.2 miles)
# southeast of Pokrovsk")
_DIST_BEFORE = _c(rf"\b\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?|m)\s+(?:\([^()]{{0,30}}\)\s+)?"
                  rf"(?:to\s+the\s+)?{_DIRS}(?:\s+of)?\s+(?:the\s+)?$")
_DIST_BIT = _GATE.bit(_DIST_BEFORE, _DIR_STEMS)
# what makes "20 km north of X" locate another place ("Sokil, 20 km north of X", "located 20 km north of X")
# rather than put the claim itself beside X ("advanced 3 km north-east of X"): the locator and approximately rows
# of geo/rules/positions.jsonl (_locator_before)
# English: a run of bearings ("improved their positions near A, north of B, west of C and D", "struck depots in the
# area of A, north of B and in the area of C", as a battlegroup spokesman's words are retold in English): a bearing
# phrase after "A," is the list's next member, not the locator of A, when three place phrases run joined by a bare comma
# or a bare "and" (a comma and "and" close an appositive: "advanced in eastern X, southeast of Y, and northeast of Z")
_RUN_LOC = rf"(?:near|in\s+the\s+areas?\s+of|(?:to\s+the\s+)?{_DIRS}\s+of)\s+(?:the\s+)?"
_RUN_NAME = r"(?-i:[A-Z])[\w'’-]*+(?:[\s-](?-i:[A-Z])[\w'’-]*+)?"
_RUN_BEAR = rf"\s*+,\s*+{_DIRS}\s+of\s+(?:the\s+)?"
# before the second member ("near A, north of "), then a third after it; before the third ("near A, north of B, west of ")
_RUN_SECOND = _c(rf"\b{_RUN_LOC}{_RUN_NAME}{_RUN_BEAR}$")
_RUN_THIRD = _c(rf"\b{_RUN_LOC}{_RUN_NAME}{_RUN_BEAR}{_RUN_NAME}{_RUN_BEAR}$")
_RUN_NEXT = _c(rf"(?:\s*+,\s*+|\s+and\s+){_RUN_LOC}")


def _bearing_run(bare: str, after: str) -> bool:
    """Whether the place after ``bare`` is a member of a run of bearings (:data:`_RUN_SECOND`), not a reference point."""
    return bool(_RUN_THIRD.search(bare) or _RUN_SECOND.search(bare) and _RUN_NEXT.match(after))


# (a locative row of geo/rules/gap_words.jsonl after it, lower-case as written, then a name: "… toward Y")
_LOCATIVE_AFTER = _c(r"^[^.;]*?" + rows_pattern(r for r in lookup_rows("gap_words") if r.cls == "locative")
                     + r"\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?[A-Z]", 0)
# a word after the name that makes the place a sector, not the event's place ("in the Pokrovsk direction"): the
# sector-after rows of geo/rules/direction_names.jsonl, plural with -s too, a qualifier row ("tactical") before it
_DIRECTION_ROWS = lookup_rows("direction_names")
_SECTOR_WORDS = "|".join(r"\s+".join(map(re.escape, r.key.split())) for r in _DIRECTION_ROWS if r.cls == "sector-after")
_SECTOR_QUALIFIERS = "".join(rf"{re.escape(r.key)}\s+|" for r in _DIRECTION_ROWS if r.cls == "qualifier").rstrip("|")
_SECTOR_PLURALS = "|".join(re.escape(r.get("plural")) for r in _DIRECTION_ROWS
                           if r.cls == "sector-after" and r.get("plural"))
_DIRECTION_AFTER = _c(rf"^(?:[-–][A-Z][\w'’]+)*\s+(?:{_SECTOR_QUALIFIERS})?(?:{_SECTOR_WORDS})s?\b"
                      # "in the Liman, Toretsk and Orikhiv sectors": a list of sector names (each item opened by
                      # a comma or "and", whose name holds neither: one reading only), then a row's plural
                      rf"|^(?:\s*,\s*(?:and\s+)?[A-Z][\w'’]+|\s+and\s+[A-Z][\w'’]+)+\s+(?:{_SECTOR_PLURALS})\b")
# English command summaries: "In the direction of X," opening a sentence renders "На X-ському напрямку" (the
# summary's sector heading); a direction row of geo/rules/direction_names.jsonl ("direction", "axis", "sector") after
# "in"/"on the", the name and its comma: X names the sector ("attacks in the direction of X" inside a sentence is
# where the attacks went, X's event)
_DIRECTION_OF_OPENING = _c(r"(?<!\s)\s*(?:in|on)\s+the\s+"
                           + rows_pattern(r for r in _DIRECTION_ROWS if r.cls == "direction" and r.lang == "en")
                           + r"\s+of\s+")
# a name's letters hold no dash: each dash is a separator, so a chain of names is read one way only
# (with dashes inside the names, "A-B-C-…" could be cut in exponentially many ways: issue 18)
# a road named by its ends is a line too ("the Chuguev-Izyum highway", "the Pokrovsk–Kostiantynivka road"): the
# line-after rows of geo/rules/name_kinds.jsonl
_LINE_AFTER = _c(r"^(?:\s*[-–]\s*[A-Z][\w'’]+(?:\s+[A-Z][\w'’]+)?)*\s+"
                 + rows_pattern(r for r in lookup_rows("name_kinds") if r.cls == "line-after") + r"\b")
# "along the A-B-C-D line" (a line-along row of geo/rules/name_kinds.jsonl, then "the", then a chain of names joined
# by dashes that a line-after row of the front, ``front: yes``, or a sector-after word ends; a road's ends, "along the
# Pokrovsk-Kostiantynivka road", stay its ends): each name is a place on the line, a member of a list that
# takes the clause's verb ("gained a foothold along the A-B-C section", "advanced along the A-B line"); without the
# row the chain names a line or a sector. A name of the chain has at most two words ("Bila Hora"); one joined by its
# own hyphen ("Oleksandro-Kalynove") is read as two links, which is the same chain
_CHAIN_NAME = r"[A-Z][\w'’]*+(?:\s++[A-Z][\w'’]*+)?"
_ALONG_BEFORE = _c(r"\b" + rows_pattern(r for r in lookup_rows("name_kinds") if r.cls == "line-along" and not r.get("chain"))
                   + rf"\s++the\s++(?P<links>(?:{_CHAIN_NAME}\s*+[-–]\s*+)*)$")
_CHAIN_END = _c(rf"^(?P<links>(?:\s*+[-–]\s*+{_CHAIN_NAME})*)\s++(?:"
                + rows_pattern(r for r in lookup_rows("name_kinds") if r.cls == "line-after" and r.get("front") == "yes")
                + "|"
                + rows_pattern(r for r in lookup_rows("direction_names") if r.cls == "sector-after") + r")s?\b")
_CHAIN_REACH = 200  # characters of a chain before a mention that are read


def along_chain(sentence: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is a link of a chain of at least two names joined by dashes that stands
    after "along the" and before a line or sector word ("along the Yablunivka-Oleksandro-Kalynove line", "along the
    Kupiansk-Svatove-Kreminna axis"), or after a Russian or Ukrainian stretch's noun (:func:`stretch_links`, "на
    ділянці Піщане – Глушківка"): a place on the line, not its name only."""
    if any(a <= start and end <= b for a, b in stretch_links(sentence)):
        return True  # "на ділянці Піщане – Глушківка": the Russian and Ukrainian stretch names its places after its noun
    tail = _CHAIN_END.match(sentence[end:end + _CHAIN_REACH])
    if tail is None:
        return False
    head = _ALONG_BEFORE.search(sentence, max(0, start - _CHAIN_REACH), start)
    return head is not None and bool(head.group("links") or tail.group("links"))


# a noun the name before qualifies ("Kherson residents"): the modified-after rows of geo/rules/name_kinds.jsonl
_MODIFIER_AFTER = _c(r"^\s+(?:" + "|".join(row_pattern(r, lead=False) for r in lookup_rows("name_kinds")
                                          if r.cls == "modified-after") + r")\b")
# a mention that ends in a region's kind or is a region's name; a list of names, then a plural kind; a kind after the
# mention: the rows of geo/rules/region_words.jsonl (geo.rules.region_words), the last two matched at the end of the
# mention (``pattern.match(sentence, end)``)
_REGION_WORDS = mention_region()
_REGION_LIST_AFTER = region_list_after()
_REGION_NOUN_AFTER = after_name()
# a country or a bloc as the whole mention ("Ukraine", "southern Ukraine", "на Украине", "в Росії"): the country, not a
# village so named (the rows of geo/rules/countries.jsonl)
_COUNTRY_ROWS = lookup_rows("countries")
_COUNTRIES = _c(r"^(?:the\s+)?(?:(?:" + "|".join(row_pattern(r, lead=False) for r in _COUNTRY_ROWS if r.cls == "qualifier")
                + r")\s+)?(?:" + "|".join(row_pattern(r, lead=False) for r in _COUNTRY_ROWS if r.cls != "qualifier")
                + r")$", _I)
# a list of names ("Sosnove, Yarova, and ") between a preposition and the mention: items, each followed by a
# separator, to the end. Read one way only: a name is read whole (possessive; its hyphens are its own, and a
# hyphen that ends the text is the separator after it), each separator whole; at most _LIST_ITEMS items (a
# search tried from each word of a long text that is no list reads a bounded way from each)
_LIST_ITEMS = 100
# the lower-case words a list may hold as whole words (outside brackets): the kind, state and function rows of
# geo/rules/list_words.jsonl
_LIST_ROWS = tuple(r for r in lookup_rows("list_words") if r.cls in ("kind", "state", "function"))
_LIST_WORDS = frozenset(r.key for r in _LIST_ROWS)
_LIST_ITEM = (r"(?:[A-ZА-ЯЁІЇЄҐ][\w'’.()-]*+|\([^)]*+\)|" + "|".join(re.escape(r.key) for r in _LIST_ROWS) + ")")
_LIST_TAIL = re.compile(r"(?:(?<=\s)|^)(?:" + _LIST_ITEM + r"(?:[\s,;/]++|\s*+[-–]\s*+)){0,%d}" % (_LIST_ITEMS - 1)
                        + r"(?:" + _LIST_ITEM + r"(?:[\s,;/]++|\s*+[-–]\s*+)|[A-Z][\w'’.()-]*-)$")



# news copy puts the speaker after its verb: "… near Dachne and Aleksiivka, reports DeepState", "… south of Avdiivka,
# reports the Institute for the Study of War": the name before the comma ends the report, it does not speak
_INVERTED_SPEECH = _c(r"^\s*+,\s*+(?:" + "|".join(sorted(set(_SPEECH_VERBS), key=len, reverse=True))
                      + r")\s++(?:(?:the|a|an)\s++(?:\w++\s++){0,3}?)?(?-i:[A-Z])")


# a strike that "claimed the life of" someone, "claimed two lives": the verb takes lives, it is no speech
# ("A Russian strike on Dachenske claimed the life of a woman": Dachenske is where it hit, not a speaker)
_TOOK_LIVES = _c(r"^\s*+(?:has\s+|had\s+)?claim(?:ed|s)\s+(?:the\s+)?(?:\w+\s+){0,2}?li(?:fe|ves)\b")


def _kind_of(sentence: str, start: int, end: int) -> str:
    text = sentence[start:end].strip()
    if _COUNTRIES.match(text):
        return "country"
    if (_REGION_WORDS.search(text.casefold()) or _REGION_LIST_AFTER.match(sentence, end)
            or _REGION_NOUN_AFTER.match(sentence, end)):
        return "region"
    return "settlement"


def _strip_list(before: str) -> str:
    """``before`` without a trailing list of names, so "near Sosnove, Yarova, and " ends at "near "."""
    m = _LIST_TAIL.search(before, _list_may_start(before))
    if m and m.start() > 0 and before[m.start() - 1].isspace():
        return before[:m.start()]
    return before


def _list_may_start(before: str) -> int:
    """The offset in ``before`` from which ``_LIST_TAIL`` needs to be searched: past its last word that
    no list can hold (lower-case letters, not a list word, outside brackets).

    A match runs to the end of the text over names, bracketed words and list words, each between
    separators: it cannot pass such a word, so it starts after it.
    """
    # the words from the last one back, each located by the end of the one after it (only
    # whitespace stands between them): one split, not a copy of the text per word
    words = before.split()
    end = len(before.rstrip())
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        start = end - len(word)
        if (word.isascii() and word.isalpha() and word.islower() and word not in _LIST_WORDS
                and before.rfind("(", 0, start) <= before.rfind(")", 0, start)):
            return end
        if i:
            end = before.rfind(words[i - 1], 0, start) + len(words[i - 1])
    return 0


_GAP_WORDS = re.compile(r"[\w'’-]+")
# the words that may stand between a cue and the place it governs (geo/rules/gap_words.jsonl): strict (regions,
# countries) the direct rows, else the direct-settlement rows too; a country only with an across row among them
_DIRECT_WORDS_STRICT = frozenset(r.key for r in lookup_rows("gap_words") if r.cls == "direct")
_DIRECT_WORDS = _DIRECT_WORDS_STRICT | {r.key for r in lookup_rows("gap_words") if r.cls == "direct-settlement"}
_ACROSS_WORDS = frozenset(r.key for r in lookup_rows("gap_words") if r.cls == "across")
# a passive between the place and the cue after it ("X (Y) was reportedly struck"): the passive and passive-adverb rows
_PASSIVE_GAP = _c(r"\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,40},\s*)?"
                  + rows_pattern(r for r in lookup_rows("gap_words") if r.cls == "passive") + r"\s+(?:"
                  + rows_pattern(r for r in lookup_rows("gap_words") if r.cls == "passive-adverb") + r"\s+)*")


def _direct(sentence: str, cue: _Cue, start: int, end: int, *, strict: bool, country: bool = False) -> bool:
    """True when the cue governs the mention itself, not something the mention only locates.

    Before the mention: only prepositions, articles and a list of names may stand between
    ("attack on Crimea, the Krasnodar Krai, and the Rostov Oblast"). After it: only a passive
    ("X was struck"). ``strict`` (regions, countries) also refuses "in" ("liberated X in the Y region").
    """
    if cue.end <= start:
        gap = _strip_list(sentence[cue.end:start])
        words = _GAP_WORDS.findall(gap)
        if len(words) > 8:
            return False  # too far: so says the last test, and the country test says no sooner
        words = [w.casefold() for w in words]
        if country and _ACROSS_WORDS.isdisjoint(words):
            return False  # "the president attacked Ukraine" is politics; "strikes across Ukraine" is not
        return (_DIRECT_WORDS_STRICT if strict else _DIRECT_WORDS).issuperset(words)
    return bool(_PASSIVE_GAP.fullmatch(sentence, end, cue.start))


def _reference_row_before(sentence: str, lo: int, stop: int, cue_end: int | None = None,
                          cue_start: int | None = None) -> bool:
    """Whether a reference row of geo/rules/positions.jsonl (classes of :data:`_REFERENCE_TAILS`) stands in
    ``sentence[lo:stop]`` with only its class's tail between it and ``stop``, where the place (or the list
    that holds it) begins. After the clause's action cue (ending at ``cue_end``), a ``massed`` row, and a
    ``stationed`` row that describes the cue's object (:data:`_TARGET_OBJECT`), say where the action is ("Russian
    attacks are concentrated near X", "enveloping the enemy group located in X"), not where troops stand. A row
    inside the cue's own phrase (from ``cue_start``) is the cue's word ("stabilized their defence line near X": the
    line held is the event, X its place)."""
    kinds = read_all_kinds(sentence)
    return any(lo <= h.start and h.end <= stop and tail.fullmatch(sentence, h.end, stop)
               and not (cue_start is not None and cue_end is not None and cue_start <= h.start and h.end <= cue_end)
               and not (cue_end is not None and cue_end <= h.start
                        and (cls == "massed" or cls == "stationed" and _TARGET_OBJECT.fullmatch(sentence, cue_end,
                                                                                               h.start)))
               for cls, tail in _REFERENCE_TAILS.items() for h in kinds.get(("positions", cls), ()))


def _may_be_reference(bare: str) -> bool:
    """False when ``_REFERENCE_BEFORE`` cannot match ``bare``: most branches end in a preposition
    (see :func:`_may_end_in`), the others hold one of _REFERENCE_ANY_END."""
    if _may_end_in(bare, _REFERENCE_LAST) or (not bare.isascii() and not _ODD_FOLDS.isdisjoint(bare)):
        return True
    low = bare.lower()
    return any(stem in low for stem in _REFERENCE_ANY_END)


def _venue(sentence: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Whether a meeting word of the venues table makes the place at ``start:end`` a venue: before it in its
    clause, at most a few words and a preposition between ("met … in", "arrived at the"), or right after it,
    possessive or not ("the Istanbul talks", "Minsk's accords")."""
    for h in read_kinds(sentence).get(("venues", "venue"), ()):
        where = h.get("where")
        if where != "after" and lo <= h.start and h.end <= start:
            gap = sentence[h.end:start]
            words = gap.lower().split()
            if words and words[-1] == "the":
                words.pop()
            if gap[:1].isspace() and gap[-1:].isspace() and words and words[-1] in _VENUE_PREPOSITIONS \
                    and len(words) - 1 <= _VENUE_GAP:
                return True
        if where != "before" and end <= h.start < hi and sentence[end:h.start].strip() in ("", "'s", "’s"):
            return True
    return False


# English: a region in apposition right after a place name locates it ("entered Hrabovske, Sumy Oblast",
# "Pryvillia, Donetsk Oblast"); the name before the comma is no region itself (a list of regions is not this)
_NAME_COMMA_END = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*+)\s*+,\s*+$")


def _appositive(before: str) -> bool:
    """``before`` ends in a name that is no region, and a comma ("entered Hrabovske, ")."""
    m = _NAME_COMMA_END.search(before[-60:])
    return bool(m) and not _REGION_WORDS.search(m.group(1).casefold())


_LIST_JOIN_BEFORE = re.compile(r"(?:,|\band|\bor)\s+$")


def _role(sentence: str, start: int, end: int, kind: str, cue: _Cue | None, lo: int, hi: int) -> tuple[str, str]:
    """(role, reason) of the mention; '' when only the presence of an event cue decides."""
    mention = sentence[start:end]
    before = sentence[lo:start]
    after = sentence[end:hi]
    metonym = bool(_METONYMS.match(mention))
    rest = sentence[end:]
    if (_may_speak(rest) and _SPEECH_AFTER.match(rest) and not _INVERTED_SPEECH.match(rest)
            and not _TOOK_LIVES.match(rest)) or ((metonym or kind == "country") and _possessed_after(sentence, end)):
        return "speaker", "speaker: followed by a speech verb"
    office = _office_after(sentence, end)
    if office:
        return "speaker", f"speaker: the seat of '{office}'"
    # ``before`` is part of the sentence: what the sentence's stems rule out, they rule out there
    if _venue(sentence, start, end, lo, hi):
        return "venue", "venue: meeting word"
    strict = kind in ("region", "country", "water", "other") or metonym
    direct = cue is not None and _direct(sentence, cue, start, end, strict=strict, country=kind == "country")
    if strict and cue is not None and cue.start > end and _position_before(sentence, "container", lo, start, _CONTAINER_TAIL):
        direct = False  # "the village of X in the Y region has been liberated": Y only contains it
    if metonym and not direct:
        return "speaker", "speaker: seat of power"
    # "sanctions against Russia", "according to Ukraine": an actor-before row of geo/rules/positions.jsonl
    if kind == "country" and not direct and _position_before(sentence, "actor-before", lo, start):
        return "speaker", "speaker: country as actor"
    if _MODIFIER_AFTER.match(after) and not _LIST_JOIN_BEFORE.search(before):
        return "background", "background: used as a modifier"
    if (cue is not None and _hypothetical(sentence, cue, lo, skip=(start, end)) and not _expected(sentence, cue, lo)
            and not intended(sentence, cue, lo)):
        # a capture foretold for soon ("A may be liberated very soon") is no mere hypothesis: the place is being
        # fought for (fighting, the modality ``expected``); nor is a manoeuvre planned ("планують просунутися до A":
        # an advance, the modality ``expected``)
        return "background", f"background: hypothetical '{cue.text}'"
    if cue is not None and _since(sentence, cue, lo):
        return "background", f"background: a past event as a time reference ('since … {cue.text}')"
    on_line = along_chain(sentence, start, end)
    if not on_line and (_DIRECTION_AFTER.match(after) or _direction_word_after(sentence, end)
                        or _sector_adjective(sentence, start, end)
                        or sentence[end:end + 1] == "," and _DIRECTION_OF_OPENING.fullmatch(sentence, 0, start)):
        return "direction", "direction: a sector named after the town"
    if strict and _REGION_WORDS.search(mention.casefold()) and _appositive(before):
        return "background", "background: a region in apposition locates the place before it"
    if cue is not None and cue.start >= end and _relative_cue(sentence, end, hi, [cue]) is cue \
            and not (strict and _position_before(sentence, "container", lo, start, _CONTAINER_TAIL)):
        # a relative clause on a region that only contains the event ("X in the Y region, where Russian
        # forces have gained a foothold") is the outlet's background on the region
        return "event", f"{RELATIVE_WHY}{cue.text}'"
    if kind == "water" and cue is not None:
        return "event", f"water by cue '{cue.text}'"
    if strict and not direct:
        return "background", f"background: {kind or 'place'} not governed by a cue"
    # the regexes below search ``before`` to its end: the sentence's stems spare most of them
    mask = _stem_mask(sentence)
    dist = _DIST_BEFORE.search(before) if mask & _DIST_BIT else None
    if dist and _locator_before(sentence, lo, lo + dist.start()):
        return "background", "background: distance locator"
    if _LINE_AFTER.match(after) and not on_line:
        return "background", "background: line reference"
    bare = _strip_list(before)
    if _reference_row_before(sentence, lo, lo + len(bare), *((cue.end, cue.start) if cue is not None else ())):
        return "background", "background: reference point"
    if mask & _APPOSITIVE_BIT and _may_end_in(bare, _APPOSITIVE_LAST) and _APPOSITIVE_BEFORE.search(bare):
        return "background", APPOSITIVE_WHY
    if not mask & _REFERENCE_BIT:
        return "", ""
    # the sentence's stems let it through: those of ``bare`` itself tell more, for a look-up per word
    ref = (_REFERENCE_BEFORE.search(bare) if _may_be_reference(bare) and _GATE.mask(bare) & _REFERENCE_BIT
           else None)
    if ref:
        rtext = ref.group(0).lower()
        if ((not re.match(_DIRS, rtext) and not _bearing_run(bare, after)) or _LOCATIVE_AFTER.search(after)
                or re.search(r"\(\s*(?:all\s+|both\s+)?$", bare[:ref.start()])
                or _DESCRIBED_BEFORE.search(bare[:ref.start()])):
            return "background", "background: reference point"
    return "", ""


# Ukrainian: a town's name made an adjective in the locative after "на" names a sector, whether the noun follows
# ("на Лиманській ділянці"), is shared by a list ("На Краматорському та Торецькому напрямках") or left out
# ("на Покровському напрямку … 53 штурми, на Слов'янському – шість"); a town itself is a noun ("у Слов'янську")
_SECTOR_ADJECTIVE = re.compile(r"[’'ʼ\w](?:ськ|цьк|зьк)(?:ому|ій|их)$")
_ON_BEFORE = re.compile(r"(?:^|[^\w’'ʼ])[Нн]а\s+$")


# a list of sector adjectives after "на" ("на Лиманському, Слов’янському та Краматорському напрямках", "на Покровском,
# Купянском и Лиманском направлениях"): each item is a sector too; geo/sectors.py walks the list (one path for the
# directions' lists and this role)
def _after_sector_list(sentence: str, start: int) -> bool:
    """Whether the name at ``start`` follows "на" and one or more sector adjectives joined by commas or "і", "та", "и"."""
    return any(_ON_BEFORE.search(sentence, max(0, pos - 6), pos) for pos in adjective_items_before(sentence, start))


def _sector_adjective(sentence: str, start: int, end: int) -> bool:
    """A Ukrainian adjectival sector name after "на" ("на Слов'янському", "на Лиманській ділянці"), or an item of a
    list of them."""
    if _SECTOR_ADJECTIVE.search(sentence, start, end) and _ON_BEFORE.search(sentence, max(0, start - 6), start):
        return True
    if not LIST_ADJECTIVE.search(sentence, start, end):
        return False
    return _after_sector_list(sentence, start) or bool(
        _ON_BEFORE.search(sentence, max(0, start - 6), start) and ADJECTIVE_ITEM_AFTER.match(sentence, end))


_SINCE_WORDS = 3  # words between "since" and its cue ("since Russian forces captured")


def _since(sentence: str, cue: _Cue, lo: int) -> bool:
    """The cue is the past event a present state dates from ("the region's centre since Moscow captured Donetsk
    in 2014"): a ``history`` row of ``geo/rules/intentions.jsonl`` in its clause, at most a few words before it."""
    for h in read_kinds(sentence).get(("intentions", "history"), ()):
        if lo <= h.start and h.end <= cue.start:
            rest = sentence[h.end:cue.start]
            if (not rest or rest[0].isspace()) and "," not in rest and len(rest.split()) <= _SINCE_WORDS:
                return True
    return False


# what may stand between a place and the office seated there ("the Zaporizhzhia region governor", "Kharkiv's mayor"):
# the office rows of geo/rules/gap_words.jsonl, a possessive the row "'s"
_OFFICE_GAP = frozenset(r.key for r in lookup_rows("gap_words") if r.cls == "office")


def _office_after(sentence: str, end: int) -> str:
    """The office row of the speakers table right after the place ("the Kherson regional administration",
    "the Zaporozhye Movement leader"), with at most a region word or a possessive between; "" for none."""
    hit = _office_hit(sentence, end)
    return hit.text if hit is not None else ""


def _office_hit(sentence: str, end: int):
    """The hit of :func:`_office_after` (its row says whose official the office is: ``seat``), or None."""
    for h in read_kinds(sentence).get(("speakers", "office"), ()):
        if h.start >= end:
            gap = sentence[end:h.start].replace("'s", " 's").replace("’s", " 's").lower().split()
            if (not gap or sentence[end:end + 1] in "'’ ") and len(gap) <= 3 and _OFFICE_GAP.issuperset(gap):
                return h
    return None


def _direction_word_after(sentence: str, end: int) -> bool:
    """A direction word of the rule table right after the mention ("на Покровському напрямку"), or after the list of
    directions' names it is an item of."""
    return any(end <= h.start <= end + 2 and not sentence[end:h.start].strip()
               for h in read_kinds(sentence).get(("directions", "direction"), ())) or (
        # a qualifier row of geo/rules/sectors.jsonl between ("the Kostiantynivka tactical direction"), or
        # the rest of a list of directions' names ("В Александровском и Гуляйпольском направлениях")
        before_direction_word(sentence, end))
