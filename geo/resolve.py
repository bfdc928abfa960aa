"""Resolving the place mentions of one report to gazetteer places, with evidence.

A report is about one area, so its mentions are resolved together:

1. every distinct name gets its candidates from the gazetteer (all spellings, fuzzy fallback);
2. evidence is gathered for each: coordinates the text ties to the mention (decisive), other
   coordinates of the report, oblast/raion names in the same sentence, the scope its paragraph or
   the report states (:mod:`geo.scopes`) or elsewhere in the report, the front
   line on the report's date when one is given, population as a weak prior;
3. names that are clear on that evidence are resolved first; they then pull the remaining,
   ambiguous names towards the report's area (``gazetteer.ranking.Anchor``), round after round:
   by closeness in the text, by their neighbours in a list (:data:`LIST_WEIGHT`), by a bearing written
   from a settled town ("near Myrne (northwest of Pokrovsk)"), and, while two names written side by side are both open, by the readings of
   each other (``gazetteer.ranking.AnchorSet``);
4. every early choice short of near-certain (:data:`REVISIT`), and every member of a list, is looked
   at once more against the whole report, and changed when the report now clearly points elsewhere
   (a namesake kept against its list's neighbours is held below 0.9);
5. a name whose best candidate does not clearly win stays unresolved rather than land on a
   wrong namesake.

A name is ranked again only when its evidence has changed, and the part of a ranking that no
evidence changes is prepared once per name (``gazetteer.ranking.prepare``).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING


from gazetteer.index import region_core
from gazetteer.lookup import FUZZY_WEIGHT
from gazetteer.model import Candidate, Place
from gazetteer.names import fold, has_cyrillic
from gazetteer.ranking import GEOD, Anchor, AnchorSet, Prepared, Weights, by_current_name, confidence, distances_km, prepare, rank
from geo.coordinate_ties import TIE_KM
from geo.model import Coordinate, CoordSource, Mention
from geo.relative import BEARING_WORDS, DIRECTION_MARKS, Relation, find_relation, may_be_direction
from geo.rules import load_table
from geo.rules.lookup import class_pattern, ending_pattern, lookup_rows, row_pattern, rows_pattern
from geo.rules.region_words import KIND_STEMS as REGION_KIND_STEMS, KIND_WORDS as REGION_KIND_WORDS, border_before
from geo.rules.region_words import NAME_KEYS as REGION_NAME_KEYS, NAME_WORDS as REGION_NAME_WORDS
from geo.rules.region_words import STEM_WORDS_BEFORE as REGION_STEM_WORDS_BEFORE, list_kind
from geo.sanity import MAX_KM, implausible_point
from geo.area_fuzzy import AREA_CUTOFF, AreaPool, area_match, area_pool
from geo.reach import Reach, russia_km, within_reach
from geo.calibration import NEAR_TIE_CAP, calibrated, front_runner_up_cap, near_tie_cap, stratum
from geo.scopes import Scope, clause_regions, find_scopes, oblast_of, scope_name
from geo.sectors import Sector, find_sectors

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["Resolution", "resolve_mentions", "find_regions", "ACCEPT", "REVISIT", "MIN_CONFIDENCE", "TIED_CONFIDENCE"]

#: Confidence at which a name is taken as settled in the first rounds (and then anchors others).
ACCEPT = 0.72
#: Early choices below this confidence are looked at again once the whole report is settled.
REVISIT = 0.95
#: Below this the best candidate is not good enough: the mention stays unresolved.
MIN_CONFIDENCE = 0.40
#: A near tie among namesakes is placed down to this confidence when the report's own places or a
#: direction pull on the best (at least :data:`_TIE_EVIDENCE`): the best of them is likelier than
#: not, and its low confidence says how sure it is. A region alone (ten Mykhailivkas in one oblast),
#: the front line (every front village is near it) or nothing but priors ("Fighting was reported
#: in Ivanivka") narrow nothing down: :data:`MIN_CONFIDENCE` holds.
TIED_CONFIDENCE = 0.30
#: The least a pull of the report's places or a direction must add for a near tie to be placed
#: (a place of the report within about 25 km: the pull halves every :data:`CLUSTER_SCALE_KM`)
_TIE_EVIDENCE = 0.3
#: The confidence a choice is held down to when it is not trusted: below every bar.
_UNTRUSTED = TIED_CONFIDENCE - 0.01
#: Distance over which the pull of the report's other places halves.
CLUSTER_SCALE_KM = 20.0
#: An event place matched only approximately and farther than this from the front is not trusted.
FAR_FROM_FRONT_KM = 300.0
#: The most an event place far from the front and from all the report's other places is trusted
LONE_CONFIDENCE = 0.45
#: A name with coordinates in the text takes the gazetteer fields of its candidate this close to them.
_TEXT_COORD_MATCH_KM = TIE_KM
#: "northwest of Pokrovsk" without a distance: the point the phrase pulls towards lies this far out,
#: and its pull halves over this distance
DIRECTION_DEFAULT_KM = 12.0
DIRECTION_SCALE_KM = 12.0
#: The town a front direction is named after ("На Сіверському напрямку") pulls the places listed
#: under it this strongly, halving over this distance: a direction spans some tens of km, so the
#: pull tells a namesake 60 km away from one inside the sector, not villages within it apart
#: (measured on both labelled sets: 1.2 and 25 km place one more village on each than 0.8 and 40 km)
SECTOR_WEIGHT = 1.2
SECTOR_SCALE_KM = 25.0
#: A name the town of a direction of the direction table is named by (geo.sectors: "у бік Новопавлівки", the
#: Novopavlivka direction named in the report) is pulled to that town this strongly, at the town only (its pull
#: halves over this distance), less the farther in the text the direction is written (:func:`_closeness`): the
#: name is the town, not somewhere in its sector
TOWN_WEIGHT = 2.0
TOWN_SCALE_KM = 3.0
#: A direction's town lies at most this far from the front line on the report's date (Zaporizhzhia,
#: Kharkiv and Sumy lie within some 40 km of it)
SECTOR_FRONT_KM = 100.0
#: A settled place listed under another direction pulls a place listed under one this much less
OTHER_SECTOR = 0.25
#: The most a look-alike (a fuzzy match: "Veselein" for Vesele) is trusted, however clear its ranking
LOOKALIKE_CONFIDENCE = 0.85
#: Lowest look-alike score (geo.area_fuzzy.lookalike) of a name nothing else reaches among the settlements
#: of the oblast or raion its sentence names (a wider search than the report's area, so a higher bar)
REGION_CUTOFF = 90.0
#: How far from an oblast's centre its settlements are looked for (a raion: a third of it)
REGION_RADIUS_KM = 250.0
#: A place the text locates another near ("Lozova, near the town of Kupiansk") pulls it this
#: strongly, halving over this distance
LOCATOR_WEIGHT = 1.0
LOCATOR_SCALE_KM = 30.0
#: The members of one list ("в районах населених пунктів A, B, C і D", "near A, B, C and D") lie near each other:
#: the General Staff and the MoD write a list along the front, so the nearest settled member on each side, at most
#: :data:`LIST_ITEMS` items away, pulls (group "list", :data:`LIST_WEIGHT` for the next item, halved per item
#: farther, halving every :data:`LIST_SCALE_KM`); a member farther along a long list is as any place of the report.
#: A pair is a list ("у бік Піщаного й Богуславки"), though two captures may lie apart ("captured Nevelske and
#: Vodiane": the day's gains on two stretches of the front)
LIST_WEIGHT = 0.5
LIST_SCALE_KM = 15.0
LIST_ITEMS = 3
#: The readings of an open name of its own list more than this many items away are no evidence for a name: a long
#: list runs along some 50 km of the front, and a common name has a reading near anything
LIST_BESIDE_ITEMS = 3
#: A namesake chosen farther than this from every settled list neighbour while a runner-up lies within it of one
#: was chosen against its list: not trusted as sure (held to :data:`~geo.calibration.NEAR_TIE_CAP`)
LIST_FAR_KM = 25.0
#: The pull of a settled place on a name, by what ties the two: the distance over which it halves (km), what
#: ``why`` calls it (of the place's name) and its group (``gazetteer.ranking.Anchor``); its weight is the caller's
_PLACE_PULLS: dict[str, tuple[float, str, str]] = {
    "report": (CLUSTER_SCALE_KM, "{}", "report"),  # a place of the report written nearby
    "list": (LIST_SCALE_KM, "{}, a neighbour in its list", "list"),
    "same-name": (3.0, "the {} this report means elsewhere", "same-name"),  # the same name in another paragraph
    "locator": (LOCATOR_SCALE_KM, "{}, the place the text locates it near", ""),  # "Lozova, near Kupiansk"
}
#: Names within this many characters of each other, neither settled, pull each other's readings
_TOGETHER_CHARS = 200
_TOGETHER_READINGS = 12
#: How many of the best candidates a ranking keeps for the resolution (the runners-up named in
#: its explanation)
_TOP = 3
#: How many of the best candidates a resolution keeps (its ``candidates``); a mention with its own
#: coordinates keeps these and the namesake at its point, not every namesake ranked
_CANDIDATES_KEPT = 10
#: The pull of other places is bounded to a neighbourhood, so that resolving a report takes time
#: and memory linear in its size: the settled names nearest in the text (:data:`_NEAREST`), the
#: coordinates nearest in the text (:data:`_NEAREST_COORDS`), and the same name settled elsewhere
#: (at most :data:`_SAME_NAME_ANCHORS` of its paragraphs: their pull saturates long before).
_NEAREST = 8
_NEAREST_COORDS = 16
_SAME_NAME_ANCHORS = 16
#: How many settled mentions the search for a group's nearest settled names passes over, from each
#: of its mentions (a bound for texts naming a few places over and over; real reports need ~10).
_NEAREST_WALK = 256
#: An oblast named in the mention's own sentence counts fully; one its paragraph or its report states as
#: its scope (:mod:`geo.scopes`: "обстрілювали населені пункти Херсонської області. Під ударами були …")
#: nearly so; one named elsewhere in the report (which may cover several fronts) counts little; a named raion
#: adds to its oblast in proportion. By level: the weights, and what ``why`` says of where the region was named.
_REGION_LEVELS: dict[str, tuple[Weights, str]] = {
    "sentence": (Weights(), "named in its sentence"),
    "paragraph": (Weights(region=0.8), "the scope its paragraph states"),
    "lead": (Weights(region=0.6, raion=0.2), "the scope the report states in its lead"),
    "report": (Weights(region=0.25, raion=0.1), "named elsewhere in the report"),
}
#: The levels a region may be evidence at, strongest first
_LEVEL_ORDER = tuple(_REGION_LEVELS)
#: What ``why`` says of a region at each level: a line holding one is evidence of place
_REGION_WHY = tuple(label for _, label in _REGION_LEVELS.values())

# a word is read whole and at most _REGION_WORD characters long (possessive: a space follows it), so that a long
# hyphenated chain is read from each of its capitals at a bounded cost, not to its end
_REGION_WORD = 60
#: A region written in a report: one or two capitalised words, then a kind word of geo/rules/region_words.jsonl
#: ("Kharkiv Oblast", "Донецкой области", "Donetsk People's Republic"), or a region's one-word name ("DPR", "ЛНР").
_REGION = re.compile(
    r"\b((?:[A-ZА-ЯЁІЇЄҐ][\w'’-]{1,%d}+)(?:\s++[A-ZА-ЯЁІЇЄҐ][\w'’-]{1,%d}+)?)\s++" % (_REGION_WORD, _REGION_WORD)
    + "(?i:" + REGION_KIND_WORDS + ")"
    + r"|\b(?i:(" + REGION_NAME_WORDS + "))",
)


_OTHER_NAME = "|".join(row_pattern(r, lead=False) for r in sorted(lookup_rows("name_kinds"), key=lambda r: (-len(r.key), r.key))
                       if r.cls == "other-name")
# What stands between two names of one place: "A (B)", "A/B", "A, or B", "A, which the
# Ukrainians call B", "A, known in Ukraine as B", "A, renamed B".
# No two whitespace quantifiers stand side by side (a run of spaces is read one way only): the
# pattern takes time linear in the gap, whatever whitespace it holds.
_PAIR_GAP = re.compile(
    r"\s*(?:/|\(|,\s*(?:or|aka)\s|(?<=\s)(?:or|aka)\s"
    r"|(?:,\s*)?(?:which|that|what)\s+(?:the\s+)?(?:Ukrainians?|Ukraine|Kyiv|Russians?|Moscow)\s+(?:now\s+)?(?:calls?|renamed|named)"
    # the other-name rows of geo/rules/name_kinds.jsonl ("now known as", "formerly")
    r"|(?:,\s*)?(?:now\s+)?(?:" + _OTHER_NAME + r")(?:\s+in\s+(?:Ukraine|Russia))?(?:\s+as)?(?=\s))\s*",
    re.IGNORECASE,
)
#: What stands between two items of one list: a comma, a list conjunction or an addition of
#: geo/rules/conjunctions.jsonl ("A, B і C", "A, B, and C", "Острое и Григоровка", "A, а также B")
_LIST_GAP = re.compile(
    # (a run of spaces is entered once, at its start: searched, the expression stays linear)
    r"(?<!\s)\s*(?:,\s*(?:(?:" + class_pattern("conjunctions", "list").pattern + "|"
    + class_pattern("conjunctions", "addition").pattern + r")\s+)?|(?<=\s)(?:"
    + class_pattern("conjunctions", "list").pattern + "|" + class_pattern("conjunctions", "addition").pattern
    + r")\s+)", re.IGNORECASE)
#: What stands between a name and the region that is its own: "Filia in the Dnipropetrovsk region",
#: "Tikhoe, Dnipropetrovsk Oblast", "Тихое Днепропетровской области" (a genitive right after it),
#: "Попівку на Чернігівщині" (a one-word region name), "Гуєво (Курщина)" (in brackets: that name's alone)
_REGION_OF_NAME = re.compile(r"\s*,?\s*(?:(?:in|of)\s+(?:the\s+)?)?|\s+(?:в|у|на)\s+|\s*\(\s*", re.IGNORECASE)
#: A region written as the possessor of the names after it, the English General Staff's way ("air strikes on the
#: Chernihiv region's Popivka; Sumy region's Seredyna-Buda"): no name before it owns it, and it is the region of the
#: names after it up to the next such region of their sentence
_POSSESSIVE = re.compile(r"['’]s(?!\w)")
# What stands between a place and the place the text locates it near: English ", near (the town
# of) Y", ", outside Y", ", close to the city of Y"; Russian "X под Y" (instrumental: "под Гуляйполем")
_LOCATOR_GAP = re.compile(
    r"\s*+,?+\s*+(?:just\s+)?(?:near|outside|close\s+to)\s+(?:the\s+)?"
    r"(?:(?:[\w-]+\s+){0,3}?(?:town|city|village|settlement)\s+of\s+)?"
    r"|\s++(?:под|під)\s+",
    re.IGNORECASE,
)
_REGION_PAIR = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:and|or|&)\s+$")
#: The first of two regions joined by a hyphen before one kind word: "the Dnipropetrovsk-Zaporizhia Oblast border"
#: names both (and is the scope of neither alone)
_REGION_HYPHEN_PAIR = re.compile(r"\b([A-ZА-ЯЁІЇЄҐ][\w'’]+)[-–]$")


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where one mention was put, and why."""

    mention: Mention
    place: Place | None
    lat: float | None
    lon: float | None
    coord_source: CoordSource | None
    confidence: float
    precision: int | None
    uncertainty_m: float | None
    why: tuple[str, ...] = field(default_factory=tuple)
    candidates: tuple[Candidate, ...] = field(default_factory=tuple)


@dataclass(slots=True)
class _Fixed:
    """What a group of mentions is judged by that no round of :func:`resolve_mentions` changes."""

    mention: Mention  #: its first mention
    key: str  #: its name's key
    name: str  #: its name as ranked
    anchors: tuple[Anchor, ...]  #: ``near``, and the report's coordinates nearest in the text
    at: tuple[int, ...]  #: the offsets of its mentions, in order
    beside: tuple[str, ...]  #: groups of events, of another name, written close by, in key order
    namesakes: bool  #: whether another group (another paragraph) has its name
    sectors: frozenset[int] = frozenset()  #: the front directions it is listed under (their indexes)


@dataclass(frozen=True, slots=True)
class _Verdict:
    """A judgement of a group of mentions (:func:`resolve_mentions`): its candidates ranked, and how sure the best is."""

    ranked: tuple[Candidate, ...]  #: best first
    confidence: float
    #: the best is a namesake chosen against its list's neighbours (:func:`_against_list`, :func:`_chosen_against_list`):
    #: not trusted as sure (:func:`_finish` holds it to :data:`~geo.calibration.NEAR_TIE_CAP`)
    against_list: bool = False


#: The directions of a name listed under none, one object for all of them (each ``frozenset()`` of
#: an empty set is a new object of some 200 bytes; a list of thousands of names has as many groups).
_NO_SECTORS: frozenset[int] = frozenset()


def find_regions(text: str, gaz: Gazetteer) -> list[tuple[int, int, Place]]:
    """Oblast/raion/hromada names written in ``text`` ("Zaporozhye region", "Kharkiv Oblast", "DPR",
    "у Великописарівській громаді"). A hromada whose name others share is the one in an oblast the text
    names, where there is one.

    Returns (start, end, region place) triples, in order.
    """
    out = _find_regions(text, gaz)
    oblasts = frozenset(oblast_of(p) for _, _, p in out if p.feature_code != "ADM3")
    if not oblasts:
        return out
    named = _named_oblasts(out)
    return [(s, e, _region_in(gaz, text[s:e], _oblasts_at(text, named, s, oblasts)) or p)
            if p.feature_code == "ADM3" else (s, e, p) for s, e, p in out]


def _region_in(gaz: Gazetteer, name: str, prefer: Sequence[frozenset[str]]) -> Place | None:
    """``gaz.region(name)``, of the first set of oblasts in ``prefer`` that holds one so named, else the best."""
    p = None
    for within in prefer or (frozenset(),):
        p = gaz.region(name, within)
        if p is None or oblast_of(p) in within:
            return p
    return p


def _named_oblasts(regions: Sequence[tuple[int, int, Place]]) -> tuple[list[int], list[str]]:
    """Where the text names an oblast or raion (its start, in order) and that region's oblast."""
    named = sorted((s, oblast_of(p)) for s, _, p in regions if p.feature_code != "ADM3")
    return [s for s, _ in named], [o for _, o in named]


def _oblasts_at(text: str, named: tuple[list[int], list[str]], at: int,
                report: frozenset[str]) -> tuple[frozenset[str], ...]:
    """The oblasts a region written at ``at`` is looked for in among namesakes, in order: that of the oblast or raion
    named last before it in its paragraph ("Дніпропетровська ОВА: … Покровська громада"), then any the report names."""
    starts, oblasts = named
    k = bisect.bisect_left(starts, at) - 1
    if k >= 0 and text.rfind("\n", starts[k], at) < 0 and report != {oblasts[k]}:
        return frozenset((oblasts[k],)), report
    return (report,)


def _find_regions(text: str, gaz: Gazetteer) -> list[tuple[int, int, Place]]:
    """:func:`find_regions`, each name read on its own."""
    out: list[tuple[int, int, Place]] = []
    # "Херсонщини", "на Харківщині": an oblast by its one-word name (rule table region_names)
    pattern, by_stem = _region_names()
    for m in pattern.finditer(text):
        place = gaz.region(by_stem[m.group(1).casefold()])
        if place is not None:
            out.append((m.start(), m.end(), place))
    for m in _region_matches(text):
        name = m.group(0)
        place = gaz.region(name)
        if place is None and m.group(1):
            place = gaz.region(m.group(1))
        start = m.start()
        if place is None and m.group(1) and " " in m.group(1).strip():
            # "Tikhoe Dnipropetrovsk Oblast", "Тихое Днепропетровской области": a place, then its region
            first = m.group(1).split()[0]
            place = gaz.region(name[len(first):].strip())
            start = m.start() + name.index(first) + len(first) + 1
        if place is not None:
            out.append((start, m.end(), place))
        # "the Dnipropetrovsk and Zaporozhye regions": the first of the two as well
        before = _REGION_PAIR.search(text[max(0, m.start() - 40) : m.start()])
        if before and m.group(1):
            first = gaz.region(before.group(1))
            if first is not None:
                out.append((m.start() - len(before.group(0)), m.end(), first))
    return sorted(out + clause_regions(text, gaz), key=lambda r: r[0])


@functools.lru_cache(maxsize=1)
def _region_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """The one-word names of oblasts ("Херсонщина", "Донеччина", "Харьковщина": ``geo/rules/region_names.jsonl``,
    stems with the oblast each names) as one expression, and the oblast by stem (casefolded)."""
    rows = load_table("region_names", classes={"region-name"}, fields={"region": None}, required=("region",))
    by_stem = {row.key.casefold(): row.get("region") for row in rows}
    stems = sorted(by_stem, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, stems)) + r")\w*", re.IGNORECASE), by_stem


#: What every match of :data:`_REGION` holds, found with ``str.find`` in the lower-cased text: the stem of a kind
#: word (where its first branch ends; the stems of geo/rules/region_words.jsonl, "обл" and "кра" begin the Russian
#: ones), or a region's name (its second branch).
_REGION_KINDS = REGION_KIND_STEMS
_REGION_MARKS = REGION_NAME_KEYS
#: Letters ``re`` matches to a letter of a kind word under IGNORECASE that ``str.lower`` does not
#: turn into it ("ſ" is "s", "İ" is "i" but lowercases to two characters, "ᲂ" is "о").
_UNEVEN_CASE = re.compile("[\u0130\u0131\u017f\u212a\u1c80-\u1c88]")
#: Word, whitespace, word, whitespace, word (``[\\w'’-]``), and a word more for each word a kind holds before its
#: stem ("people's republic"): read in the reversed text from a word back, how far back the match holding it can
#: start.
_WORDS_BACK = re.compile(r"[\w'’`-]*" + r"\s*[\w'’`-]*" * (2 + REGION_STEM_WORDS_BEFORE))
#: Where a match of :data:`_REGION` can start: each of its branches starts so.
_REGION_START = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ]")


def _region_matches(text: str) -> Iterator[re.Match[str]]:
    """``_REGION.finditer(text)``, tried only around the words every match holds.

    The regex, tried at every character of a report, cost more than the rest of reading its
    regions; ``str.find`` finds the words every match holds far faster. A match starts at most
    two words (``[\\w'’-]+``, whitespace between) before its word, so the first word at or
    after the end of the last match (``pos``) bounds where the next match can start: not before
    the third run of word characters back from it. Each capital from there to the word
    (:data:`_REGION_START`) is tried in order with ``_REGION.match``, which is what ``finditer``
    tries at that position (``\\b`` looks at the character before it even there); when none
    matches, nothing starts before the next word. A text with a letter whose case ``re`` and
    ``str.lower`` read differently is searched with the regex itself.
    """
    if not text.isascii() and _UNEVEN_CASE.search(text):
        yield from _REGION.finditer(text)
        return
    low = text.lower()
    words: list[int] = []
    for kinds, spaced in ((_REGION_KINDS, True), (_REGION_MARKS, False)):
        for w in kinds:
            i = low.find(w)
            while i >= 0:
                # a kind word follows whitespace ("\\s+"), a name no word character ("\\b"): elsewhere the
                # word is in no match ("Subregion", "Украина")
                prev = text[i - 1] if i else ""
                if prev.isspace() if spaced else not (prev.isalnum() or prev == "_"):
                    words.append(i)
                i = low.find(w, i + 1)
    if not words:
        return
    back = text[::-1]
    n, pos = len(text), 0
    for q in sorted(words):
        if q < pos:
            continue  # inside the last match
        start = n - _WORDS_BACK.match(back, n - q).end()
        for cap in _REGION_START.finditer(text, max(start, pos), q + 1):
            found = _REGION.match(text, cap.start())
            if found is not None:
                yield found
                pos = found.end()
                break
        else:
            pos = q + 1  # nothing starts from pos to the word


# the word a water mention ends with ("Oskil River"): the water-after rows of geo/rules/name_kinds.jsonl, which made
# it one (geo.mentions); the name is looked up without it
_KIND_WORD = re.compile(r"\s+(?:" + "|".join(re.escape(r.key) for r in lookup_rows("name_kinds") if r.cls == "water-after")
                        + ")$", re.IGNORECASE)
_INFIX_NAME = re.compile(r"(\S+)\s*\(\s*(\S+?)\s*\)\s*(.+)")


# a romanised adjective as a sector's name ("Siverskiy", "Orekhovo"): the sector-adjective rows of
# geo/rules/name_endings.jsonl
_LATIN_SECTOR_ADJECTIVE = ending_pattern("sector-adjective")


def _candidates(m: Mention, gaz: Gazetteer, text: str = "",
                prefer: Sequence[frozenset[str]] = ()) -> list[Candidate]:
    """Gazetteer candidates for one mention, by the kind of thing the text says it is.

    ``text`` is the report's (for the kind word that ends a list of regions the mention stands in), ``prefer``
    the oblasts to look for a region in where several share a name ("Покровська громада"), first the first
    (:func:`_oblasts_at`).
    """
    if m.trigger == "region" or (m.trigger in ("gazetteer", "cue") and region_core(m.text)[1] in (1, 2, 4)):
        # "Kharkiv Oblast", "Pokrovsk raion", "Марганецька громада": the division itself, never a look-alike
        # settlement; a name in a list a kind ends is read with that kind ("Нікопольська, … громади")
        kind = list_kind(text, m.end) if m.trigger == "region" and text else None
        p = _region_in(gaz, f"{m.text} {kind}", prefer) if kind is not None else None
        if p is None:
            p = _region_in(gaz, m.text, prefer)
        if p is not None or m.trigger == "region":
            return [Candidate(p, 1.0, p.name, "region", (f"region name {m.text!r}",))] if p is not None else []
    if m.trigger == "water":
        return gaz.candidates(_KIND_WORD.sub("", m.text), fuzzy=True, limit=50, classes="H")
    if m.trigger == "translated":  # "the settlement of Middle": Serednie / Sredneye
        from geo.mentions import untranslate

        out: dict[int, Candidate] = {}
        renamed: set[int] = set()
        for t in untranslate(m.text):
            for c in gaz.candidates(t, fuzzy=False, limit=300):
                gid = c.place.geonameid
                # a place the renames table documents the toponym as a former name of goes by it (its
                # match counts as by its current name), more than one GeoNames merely lists it for
                if gid not in out or (c.rule == "renamed" and gid not in renamed):
                    if c.rule == "renamed":
                        renamed.add(gid)
                    out[gid] = replace(c, rule="translated", score=round(c.score * 0.9, 4),
                                       why=(f"{m.text!r} read as the toponym {t!r}", *c.why))
        return list(out.values())
    infix = _INFIX_NAME.fullmatch(m.text)
    if infix:  # "Chervonyi (Krasnyi) Lyman": both readings; those the two share first
        first, second, rest = infix.groups()
        one = gaz.candidates(f"{first} {rest}", fuzzy=False, limit=300)
        two = gaz.candidates(f"{second} {rest}", fuzzy=False, limit=300)
        common = {c.place.geonameid for c in one} & {c.place.geonameid for c in two}
        merged: dict[int, Candidate] = {}
        for c in sorted(one + two, key=lambda c: (c.place.geonameid not in common, -c.score)):
            merged.setdefault(c.place.geonameid, c)
        return list(merged.values())
    cands = gaz.candidates(m.text, fuzzy=True, limit=300)
    if not cands:  # "Crimea", "Donbas": not a settlement, but a region of the gazetteer
        cands = gaz.candidates(m.text, fuzzy=False, limit=20, classes="A")
    return cands


def _uncertainty(place: Place) -> tuple[int, float]:
    """ACLED-style precision and a radius in metres for a gazetteer point."""
    code = place.feature_code
    if place.feature_class == "A" or code.startswith("ADM") or code.startswith("PCL"):
        return 3, 50_000.0
    if place.feature_class == "P":
        # a settlement's extent grows with its population: ~1 km for a village, ~10 km for a city
        return 1, float(round(max(1000.0, 25.0 * math.sqrt(max(place.population, 1))), -2))
    return 2, 5000.0


def resolve_mentions(
    mentions: Sequence[Mention],
    gaz: Gazetteer,
    *,
    text: str = "",
    sentence_of: Callable[[int], tuple[int, int]] | None = None,
    events: Sequence[bool] | None = None,
    front_km: Callable[[float, float], float | None] | None = None,
    near: Sequence[Anchor] = (),
    reach: Sequence[Reach | None] | None = None,
    sectors: Sequence[Sector] | None = None,
) -> list[Resolution]:
    """Resolve the mentions of one report together.

    Parameters
    ----------
    mentions
        The report's mentions (``geo.mentions.find_mentions``).
    gaz
        The gazetteer.
    text
        The report's text (for region names around each mention, and for names given in pairs:
        "Kirovo (Svyato-Pokrovskoe)", "Petrovskoye/Pazeno").
    sentence_of
        ``offset -> (start, end)`` of the sentence holding an offset.
    events
        For each mention, whether it belongs to the front's geography (an event or background),
        as against a speaker or venue: only those are pulled towards the front line and pull
        other names; "Moscow said" and "talks in Geneva" do neither.
    front_km
        Distance in km from a point to the front line on the report's date.
    near
        Extra anchors (``--near``).
    reach
        For each mention, the reach of the weapon that struck it (:mod:`geo.reach`), or None: of its namesakes,
        only those within reach of the front line are ranked, when any is, and a choice between two within reach of
        one stretch of the line is held below 0.9.
    sectors
        The report's front directions (:func:`geo.sectors.find_sectors` of ``text``), when the caller found them
        already; else found here.
    """
    if not mentions:
        return []
    events = list(events) if events is not None else [True] * len(mentions)
    mentions, doubts = _check_text_coordinates(list(mentions))
    regions = find_regions(text, gaz) if text else []
    # the oblasts the report names: of namesake regions (a dozen hromadas are "Покровська"), one of these
    report_oblasts = frozenset(oblast_of(p) for _, _, p in regions if p.feature_code != "ADM3")
    named_oblasts = _named_oblasts(regions)

    # the front directions named in the report ("На Сіверському напрямку", "in the Kupiansk direction")
    if sectors is None:
        sectors = find_sectors(text, gaz, sentence_of) if text else []
    if front_km is not None:
        # a front direction is named after a town near the front: a namesake far behind it is not
        # the town meant ("Orehovo direction" is Orikhiv, not an Orikhove in Crimea)
        sectors = [s for s in sectors if (fd := front_km(s.town.lat, s.town.lon)) is None or fd <= SECTOR_FRONT_KM]
    # a Russian or Ukrainian direction is named by an adjective: the mention is the town the direction
    # is named after (Сіверському → Siversk), not a namesake of the adjective (Siverskiy near St
    # Petersburg); so is an English one that romanises the adjective ("the Siverskiy direction").
    # (An English direction that writes a name of the town is resolved as any other mention.)
    sector_at = {s.at: s for s in sectors if has_cyrillic(s.text) or _LATIN_SECTOR_ADJECTIVE.search(s.text.split()[0])}

    # candidates once per distinct name (and kind: a river and a village may share a name)
    cand_cache: dict[str, list[Candidate]] = {}
    keys = []
    for m in mentions:
        sector = sector_at.get(m.start)
        if sector is not None and m.trigger not in ("region", "water"):
            k = f"{fold(m.text)}|sector:{sector.town.geonameid}"
            keys.append(k)
            cand_cache.setdefault(k, [Candidate(sector.town, 1.0, sector.town.name, "sector", (
                f"the town the direction {sector.text!r} is named after",))])
            continue
        prefer = _oblasts_at(text, named_oblasts, m.start, report_oblasts) if m.trigger == "region" else (report_oblasts,)
        k = f"{fold(m.text)}|{m.trigger if m.trigger in ('region', 'water') else 'place'}"
        if len(prefer) > 1:
            k += "|" + "|".join(sorted(prefer[0]))  # a namesake region of the oblast its paragraph names first
        keys.append(k)
        if k not in cand_cache:
            cand_cache[k] = _candidates(m, gaz, text, prefer)
    # every candidate's distance to the front line in one measurement (the line remembers them for
    # the rankings to come): one call per name cost more in setting up than in measuring
    many = getattr(front_km, "many", None)
    if many is not None:
        points = list(dict.fromkeys((c.place.lat, c.place.lon) for cands in cand_cache.values() for c in cands))
        if points:
            many([lat for lat, _ in points], [lon for _, lon in points])
    # regions written as mentions ("Kharkiv Oblast", "Crimea") are evidence for their neighbours
    for k, m in zip(keys, mentions):
        cands = cand_cache[k]
        if m.trigger == "region" or (cands and all(c.place.feature_class == "A" for c in cands)):
            if len(cands) == 1:
                regions.append((m.start, m.end, cands[0].place))
    # "the Dnipropetrovsk-Zaporizhia Oblast border": the first of the two as well
    for rs, re_, p in list(regions):
        first = _REGION_HYPHEN_PAIR.search(text, max(0, rs - _REGION_WORD), rs) if p.feature_code == "ADM1" else None
        if first is not None:
            other = gaz.region(f"{first.group(1)} {text[rs:re_].split()[-1]}")
            if other is not None and other.geonameid != p.geonameid:
                regions.append((first.start(), re_, other))
    report_regions = frozenset(scope_name(p) for _, _, p in regions)
    by_start = sorted(regions, key=lambda r: r[0])
    region_starts = [rs for rs, _, _ in by_start]
    # "the villages of Filia in the Dnipropetrovsk region and First May": a region written right
    # after a name ("X in the Y region", "Тихое Днепропетровской области") is that name's, and of
    # the names listed before it, not of the names written after it
    place_ends = sorted((mm.end, mm.start) for mm in mentions if mm.trigger not in ("region", "water"))
    end_offsets = [pe for pe, _ in place_ends]
    # (a region in brackets after a name, "Гуєво (Курщина), Новолюбівки (Луганщина)", is that name's alone)
    owner_of: list[tuple[int, bool]] = []
    possessive = [bool(text) and _POSSESSIVE.match(text, re_) is not None for _, re_, _ in by_start]
    for n, (rs, _, _) in enumerate(by_start):
        if possessive[n]:
            owner_of.append((-1, False))  # "A; Sumy region's B": the region of B, not of A
            continue
        k = bisect.bisect_right(end_offsets, rs) - 1
        gap = _REGION_OF_NAME.fullmatch(text, place_ends[k][0], rs) if k >= 0 and text else None
        # (a region on a line of its own is no name's: "…, Тополівка\n\nХарківська область:" heads the next list)
        owner_of.append((place_ends[k][1], "(" in gap.group()) if gap and "\n" not in gap.group() else (-1, False))
    # a region right after a border phrase ("near the border with the Donetsk region", "неподалік кордону з
    # Донецькою областю": border rows of geo/rules/region_words.jsonl) is a neighbour of its sentence's places
    border = border_before()
    neighbour = [bool(text) and border.search(text, max(0, rs - _REGION_WORD), rs) is not None for rs, _, _ in by_start]

    # the list each mention of a place is an item of (a number, in text order; -1 for a region's or water's): the
    # names a region written after the last item is attached to ("Попівку та Грем'яч Чернігівської області")
    list_no = [-1] * len(mentions)
    prev, n_lists = None, 0
    for i, m in enumerate(mentions):
        if m.trigger in ("region", "water"):
            prev = None
            continue
        if text and prev is not None and _LIST_GAP.fullmatch(text, mentions[prev].end, m.start):
            list_no[i] = list_no[prev]
        else:
            list_no[i], n_lists = n_lists, n_lists + 1
        prev = i
    list_of = {m.start: li for m, li in zip(mentions, list_no) if li >= 0}
    place_starts = sorted(list_of)

    # the scopes its paragraphs and the report state (geo.scopes): a region no name owns
    scopes = find_scopes(text, [(rs, re_, p, owner_of[k][0] >= 0 or neighbour[k]) for k, (rs, re_, p) in enumerate(by_start)],
                         sentence_of, [sc.town.admin1 for sc in sectors]) if text and sentence_of is not None else []
    para_scopes = [sc for sc in scopes if not sc.lead]
    scope_starts = [sc.start for sc in para_scopes]
    lead_scope = next((sc for sc in scopes if sc.lead), None)

    def scope_of(x: int) -> Scope | None:
        """The scope of its paragraph that holds offset ``x``, else the report's."""
        k = bisect.bisect_right(scope_starts, x) - 1
        if k >= 0 and x < para_scopes[k].end:
            return para_scopes[k]
        return lead_scope

    def regions_for(m: Mention) -> tuple[frozenset[str], str, frozenset[str]]:
        """Regions named in the mention's sentence (strong; not one written after an earlier name as
        that name's, nor after a later name past the first such: "A, B Запорожской области, C и D
        Днепропетровской области" gives A and B the first, C and D the second), else the scope its
        paragraph or the report states (nearly as strong), else anywhere in the report (weak); which
        of these (a level of :data:`_REGION_LEVELS`); and the regions attached to the name itself (its
        list's own region, "Popivka in Chernihiv Oblast", "с. Попівка Чернігівської області", or a
        possessive, "Chernihiv region's Popivka"), which bound where it lies (empty when none is)."""
        if sentence_of is not None:
            s, e = sentence_of(m.start)
            free: dict[str, str] = {}  # the regions no name owns, with their oblasts
            own: dict[str, str] = {}  # those of the name whose own region closes the mention's list
            closing = -2  # what closes the mention's list: the name owning the first region after it, or -1 (free)
            held: Place | None = None  # the last possessive region before the mention ("Donetsk region's A, B and C")
            held_end = -1  # where it ends
            span = range(bisect.bisect_left(region_starts, s), bisect.bisect_right(region_starts, e))
            for k in span:
                if possessive[k] and by_start[k][1] <= m.start:
                    held, held_end = by_start[k][2], by_start[k][1]
            for k in span:
                rs, re_, p = by_start[k]
                owner, alone = owner_of[k]
                if re_ > e or 0 <= owner < m.start or (alone and owner != m.start) or neighbour[k] \
                        or (held is not None and possessive[k]):
                    continue
                if owner < 0:
                    free[scope_name(p)] = oblast_of(p)
                    if rs >= m.end and closing == -2:
                        closing = -1  # "Торецкое и других в ДНР, а также Новопавловки …": no later name's
                elif closing in (-2, owner):
                    closing = owner
                    own[scope_name(p)] = oblast_of(p)
            # a region written right after a name is what the text says of that name and its list: the sentence's
            # regions of another oblast are not ("… в ДНР, а также Новопавловки в Днепропетровской области"), those
            # of its own are ("в Харківській області … Куп'янськ (Куп'янський район)")
            local = set(own) | {r for r, o in free.items() if o in own.values()} if closing >= 0 \
                else {scope_name(held)} if held is not None else set(free)
            if local:
                # attached to the name itself when the name it follows, or the first name after the possessive,
                # is an item of the mention's own list
                mine = list_of.get(m.start, -2)
                first = place_starts[bisect.bisect_left(place_starts, held_end)] if held is not None else -1
                attached = frozenset(own) if closing >= 0 and list_of.get(closing) == mine \
                    else frozenset({scope_name(held)}) if held is not None and list_of.get(first) == mine \
                    else frozenset()
                return frozenset(local), "sentence", attached
        sc = scope_of(m.start)
        if sc is not None:
            return sc.regions, "lead" if sc.lead else "paragraph", frozenset()
        return report_regions, "report", frozenset()

    # Names written as a pair ("Kirovo (Svyato-Pokrovskoe)", "Petrovskoye/Pazeno") are one place:
    # where both have candidates in common, only those remain.
    for i in range(len(mentions) - 1):
        a, b = mentions[i], mentions[i + 1]
        gap = text[a.end : b.start] if text else ""
        if _PAIR_GAP.fullmatch(gap):
            ka, kb = keys[i], keys[i + 1]
            common = {c.place.geonameid for c in cand_cache[ka]} & {c.place.geonameid for c in cand_cache[kb]}
            if common:
                cand_cache[ka] = [c for c in cand_cache[ka] if c.place.geonameid in common]
                cand_cache[kb] = [c for c in cand_cache[kb] if c.place.geonameid in common]

    # Mentions of one name in one paragraph are one place (unless the text gives coordinates);
    # a long report may use the same name for different villages in different sections, so
    # paragraphs are resolved apart, with a pull towards the same name's place elsewhere.
    para_starts = [0] + [mm.end() for mm in re.finditer(r"\n", text)] if text else [0]
    groups: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        para = bisect.bisect_right(para_starts, m.start) - 1
        gk = f"{keys[i]}#{para}" if m.coordinate is None else f"{keys[i]}@{i}"
        groups.setdefault(gk, []).append(i)
    base_key = {gk: keys[idx[0]] for gk, idx in groups.items()}
    # (the regions of a group's strongest level, of all its mentions at that level; a group with no
    # region named in its sentences or scopes has the report's: one set, shared)
    group_regions: dict[str, tuple[frozenset[str], str]] = {}
    report_wide = (report_regions, "report")
    # a group whose name the text attaches to a region (every mention of it that names one, the same): the key of
    # its candidates in that region, when some are and others are not; the others cannot win against them
    scope_key: dict[str, str] = {}
    for gk, idx in groups.items():
        found = [regions_for(mentions[i]) for i in idx]
        level = min((lv for _, lv, _ in found), key=_LEVEL_ORDER.index)
        group_regions[gk] = report_wide if level == "report" else (
            frozenset().union(*(r for r, lv, _ in found if lv == level)), level)
        attached = {a for _, _, a in found if a}
        if len(attached) == 1 and "@" not in gk:
            inside = {r.casefold() for r in next(iter(attached))}
            k0 = base_key[gk]
            sk = f"{k0}|in:{'|'.join(sorted(inside))}"
            if sk not in cand_cache:
                cands = cand_cache[k0]
                kept = [c for c in cands if (c.place.admin1 or "").casefold() in inside
                        or (c.place.admin2 or "").casefold() in inside]
                cand_cache[sk] = kept if 0 < len(kept) < len(cands) else []
            if cand_cache[sk]:
                scope_key[gk] = sk
    group_event = {gk: any(events[i] for i in idx) for gk, idx in groups.items()}
    # a group struck by weapons of limited reach (geo.reach): the key of its candidates within reach, when some are
    # and others are not, and its reach
    group_reach: dict[str, Reach] = {}
    reach_key: dict[str, str] = {}
    if reach is not None and front_km is not None:
        occupied = getattr(front_km, "occupied", None)
        border = russia_km(gaz)
        for gk, idx in groups.items():
            r = _group_reach([reach[i] for i in idx]) if group_event[gk] and "@" not in gk else None
            if r is None:
                continue
            group_reach[gk] = r
            k0 = scope_key.get(gk, base_key[gk])
            rk = f"{k0}|reach:{r.km:g}:{r.attacker}"
            if rk not in cand_cache:
                cands = cand_cache[k0]
                inside = [c for c in cands
                          if within_reach(c.place.lat, c.place.lon, c.place.country, r, front_km, occupied, border)]
                cand_cache[rk] = inside if 0 < len(inside) < len(cands) else []
            if cand_cache[rk]:
                reach_key[gk] = rk
    # (tuples: a list of names has a group for nearly every mention, and a list takes twice the memory)
    group_pos = {gk: tuple(sorted(mentions[i].start for i in idx)) for gk, idx in groups.items()}
    # every mention's offset and group, in text order: a group's neighbours are looked up there
    in_text = sorted((mentions[i].start, gk) for gk, idx in groups.items() for i in idx)
    text_pos, text_group = [x for x, _ in in_text], [g for _, g in in_text]
    del in_text  # (a pair per mention, not needed again)
    # each name's groups (its paragraphs), in key order
    groups_by_name: dict[str, list[str]] = {}
    for gk in sorted(groups):
        groups_by_name.setdefault(base_key[gk], []).append(gk)
    # coordinates the report gives for a name hold for its other mentions too
    own_coords: dict[str, list[tuple[int, Coordinate]]] = {}
    for i, m in enumerate(mentions):
        if m.coordinate is not None:
            own_coords.setdefault(keys[i], []).append((m.start, m.coordinate))
    for held in own_coords.values():
        held.sort(key=lambda pc: pc[0])
    coords = sorted(((m.start, m.coordinate) for m in mentions if m.coordinate is not None), key=lambda pc: pc[0])
    coord_pos = [x for x, _ in coords]
    # "near Myrne (northwest of Pokrovsk)", "attacked east of Slovyansk near Mykolaivka": once the
    # reference place is settled, the place lies that way from it
    group_of = [""] * len(mentions)  # each mention's group, by its index
    for gk, idx in groups.items():
        for i in idx:
            group_of[i] = gk
    bearings: dict[str, list[tuple[str, Relation]]] = {}
    if text and sentence_of is not None:
        for i, ref_i, rel in _directions(mentions, text, sentence_of):
            bearings.setdefault(group_of[i], []).append((group_of[ref_i], rel))

    # "took Lozova, near the town of Kupiansk", "Воздвиженка под Гуляйполем": once the second is
    # settled, the first lies near it
    locators: dict[str, list[str]] = {}
    if text:
        for i in range(len(mentions) - 1):
            if _LOCATOR_GAP.fullmatch(text, mentions[i].end, mentions[i + 1].start):
                locators.setdefault(group_of[i], []).append(group_of[i + 1])
    # the lists the report writes ("в районах A, B, C і D"): each list's groups in order, and each group's
    # places in them (list, position)
    lists: list[list[str]] = [[] for _ in range(max(list_no, default=-1) + 1)]
    list_at: dict[str, list[tuple[int, int]]] = {}
    for i, li in enumerate(list_no):
        if li >= 0:
            list_at.setdefault(group_of[i], []).append((li, len(lists[li])))
            lists[li].append(group_of[i])
    # the groups at most LIST_ITEMS items from each along a list (a judgement reads them: see touched)
    list_near: dict[str, set[str]] = {}
    for gk, at in list_at.items():
        for li, pos in at:
            row = lists[li]
            for other in row[max(0, pos - LIST_ITEMS):pos + LIST_ITEMS + 1]:
                if other != gk:
                    list_near.setdefault(gk, set()).add(other)
    del group_of

    # Every pull a judgement reads is made once and is the same object after: the same anchors come back round after
    # round, and a judgement is looked up by them (see judge). One store for every kind, each key its kind and every
    # value the anchor is made from.
    made_anchors: dict[tuple, Anchor] = {}

    def anchor(key: tuple, make: Callable[[], Anchor]) -> Anchor:
        """The anchor of ``key`` (its kind, then every value ``make`` reads), made by ``make`` the first time."""
        a = made_anchors.get(key)
        if a is None:
            a = made_anchors[key] = make()
        return a

    def place_pull(kind: str, p: Place, weight: float) -> Anchor:
        """The pull of the settled place ``p`` on a name it is tied to by ``kind`` (:data:`_PLACE_PULLS`)."""
        def make() -> Anchor:
            scale_km, label, group = _PLACE_PULLS[kind]
            return Anchor(p.lat, p.lon, weight=weight, scale_km=scale_km, label=label.format(p.name), group=group)

        return anchor((kind, p.geonameid, p.lat, p.lon, p.name, weight), make)

    # the front direction each place is listed under (its paragraph, until the next direction)
    sector_anchors = _sector_anchors(sectors)
    # the towns of the report's directions the direction table knows (geo.sectors: known, not guessed from the
    # name), by geonameid, with where each direction is written
    listed_towns: dict[int, list[Sector]] = {}
    for s in sectors:
        if s.listed:
            listed_towns.setdefault(s.town.geonameid, []).append(s)

    def town_anchor(at: Sequence[int], gid: int) -> Anchor:
        """The pull of a listed direction's town on a name of its own (mentions at ``at``): :data:`TOWN_WEIGHT`,
        less the farther in the text from where the direction is written (a long report's other sector)."""
        named = listed_towns[gid]
        chars = min(abs(x - s.at) for x in at for s in named)
        w = TOWN_WEIGHT * _closeness(chars)
        town = named[0].town
        return anchor(("town", gid, w), lambda: Anchor(
            town.lat, town.lon, weight=w, scale_km=TOWN_SCALE_KM,
            label=f"{town.name}, the town the direction '{named[0].text}' is named after", group="sector"))

    settled: dict[str, Place] = {}
    chosen: dict[str, _Verdict] = {}
    # the settled groups' mentions in text order (offsets, groups), for finding the nearest; each
    # group's place in the order of `settled` (which breaks ties between equally near ones); and
    # the settled groups of each name, in that order
    settled_pos: list[int] = []
    settled_at: list[str] = []
    settled_order: dict[str, int] = {}
    settled_by_name: dict[str, dict[str, None]] = {}

    settle_count = [0]

    def settle(gk: str, place: Place) -> None:
        """``settled[gk] = place``, at the end of its order (as a dict puts a new key)."""
        settled[gk] = place
        settle_count[0] += 1
        settled_order[gk] = settle_count[0]
        settled_by_name.setdefault(base_key[gk], {})[gk] = None

    def unsettle(gk: str) -> Place:
        """``settled.pop(gk)``; its mentions stay in the offsets (the judge of a group passes over its own)."""
        settled_by_name[base_key[gk]].pop(gk)
        return settled.pop(gk)

    def index_settled(new: Sequence[str]) -> None:
        """Add the mentions of newly settled groups to the offsets of settled mentions."""
        merged = sorted([*zip(settled_pos, settled_at), *((x, g) for g in new for x in group_pos[g])])
        settled_pos[:] = [x for x, _ in merged]
        settled_at[:] = [g for _, g in merged]

    def nearest_settled(gk: str, at: Sequence[int]) -> list[tuple[str, int]]:
        """The :data:`_NEAREST` settled groups but ``gk`` nearest in the text to any of the offsets
        ``at``, with their distance in characters, nearest first (ties: the earlier settled).

        What the search read is kept in ``reach_of[gk]``: per offset, the stretch of text
        (inclusive) in which a newly settled mention could change the answer. The walk takes the
        settled mentions nearest first, so one settled farther out than where it stopped (the
        distance of the last group it needed, or of the last of its :data:`_NEAREST_WALK` steps)
        would never be reached; one that ran out of settled mentions on both sides reaches all.
        """
        found: dict[str, int] = {}
        reach: list[tuple[float, float]] = []
        n = len(settled_pos)
        for x in at:
            hi = bisect.bisect_left(settled_pos, x)
            lo = hi - 1
            mine: dict[str, int] = {}
            bound = -1
            far: float = math.inf  # ran out of settled mentions on both sides: anything may come in
            last = 0
            for _ in range(_NEAREST_WALK):
                dl = x - settled_pos[lo] if lo >= 0 else -1
                dr = settled_pos[hi] - x if hi < n else -1
                if dl < 0 and dr < 0:
                    break
                if dr < 0 or 0 <= dl <= dr:
                    d, other = dl, settled_at[lo]
                    lo -= 1
                else:
                    d, other = dr, settled_at[hi]
                    hi += 1
                if 0 <= bound < d:
                    break  # every group as near as the last one taken is in
                last = d
                if other == gk or other in mine:
                    continue
                mine[other] = d
                if len(mine) == _NEAREST:
                    bound = d
            else:
                far = last  # the walk's last step: a mention farther out would come after it
            if bound >= 0:
                far = bound
            reach.append((x - far, x + far))
            for other, d in mine.items():
                if d < found.get(other, d + 1):
                    found[other] = d
        reach_of[gk] = reach
        best = sorted(found, key=lambda o: (found[o], settled_order[o]))[:_NEAREST]
        return [(o, found[o]) for o in best]

    prepared: dict[tuple[str, str, str], Prepared] = {}
    readings_of: dict[str, AnchorSet | None] = {}  # an open name's readings, as evidence for its neighbours

    fixed_of: dict[str, _Fixed] = {}

    readings_ids: dict[str, frozenset[int]] = {}

    def same_name(a: str, b: str) -> bool:
        """Whether two names are one name written twice: the same key, or two forms of it with the
        same candidates ("Петровки", "Петровке": its case forms, "Fedorovka", "Fyodorovka"). A name
        is no evidence for itself: neither pulls the other towards its own readings."""
        if a == b:
            return True
        ids = ids_of(a)
        return len(ids) > 1 and ids == ids_of(b)

    def ids_of(k: str) -> frozenset[int]:
        """The geonameids of a name's candidates (what :func:`same_name` compares)."""
        got = readings_ids.get(k)
        if got is None:
            got = readings_ids[k] = frozenset(c.place.geonameid for c in cand_cache[k])
        return got

    def paragraphs_of(at: Sequence[int]) -> set[int]:
        return {bisect.bisect_right(para_starts, x) - 1 for x in at}

    def written_near(at: Sequence[int]) -> set[str]:
        """The groups with a mention within _TOGETHER_CHARS of one of the offsets ``at``, in the
        same paragraph (the next paragraph opens another direction's list). Being near is mutual:
        the groups that have a group beside them are found by the same search from its side."""
        near_by: set[str] = set()
        for x in at:
            para = bisect.bisect_right(para_starts, x) - 1
            lo = max(x - _TOGETHER_CHARS, para_starts[para])
            hi = x + _TOGETHER_CHARS
            if para + 1 < len(para_starts):
                hi = min(hi, para_starts[para + 1] - 1)
            for j in range(bisect.bisect_left(text_pos, lo), bisect.bisect_right(text_pos, hi)):
                near_by.add(text_group[j])
        return near_by

    def coord_anchor(c: Coordinate, weight: float, own: bool) -> Anchor:
        """The pull of a coordinate of the text, the name's ``own`` or another: each pulls the many names written
        near it, as one anchor object."""
        return anchor(("coords", c.lat, c.lon, c.text, weight, own), lambda: (
            Anchor(c.lat, c.lon, weight=weight, scale_km=2.0, label=f"its coordinates in the text {c.text}")
            if own else Anchor(c.lat, c.lon, weight=weight, scale_km=30.0, label=f"coordinates {c.text}",
                               group="report")))

    def bearing_pull(p: Place, rel: Relation) -> Anchor:
        """The pull towards the point a bearing phrase ``rel`` from the settled place ``p`` gives."""
        def make() -> Anchor:
            lat, lon = _toward(p.lat, p.lon, rel)
            return Anchor(lat, lon, weight=1.0, scale_km=DIRECTION_SCALE_KM,
                          label=f"the point {rel.distance_km or DIRECTION_DEFAULT_KM:g} km out in '{rel.text} {p.name}'")

        return anchor(("bearing", p.lat, p.lon, p.name, rel.bearing, rel.distance_km, rel.text), make)

    def settled_other(ref: str, key0: str) -> Place | None:
        """The settlement the group ``ref`` is settled at, unless it is unsettled, not a settlement, or of the
        name ``key0`` (no evidence for itself)."""
        p = settled.get(ref)
        return None if p is None or p.feature_class != "P" or same_name(base_key[ref], key0) else p

    def list_neighbours(gk: str, key0: str) -> list[tuple[Place, float]]:
        """The nearest settled event settlement on each side of each of its places in a list, at most
        :data:`LIST_ITEMS` items away (unsettled members between are passed over), with its pull's share (halved
        per item farther); a place once, at its strongest. A pair is a list too: "у бік Піщаного й Богуславки"."""
        found: dict[int, tuple[Place, float]] = {}
        for li, pos in list_at.get(gk, ()):
            row = lists[li]
            for step in (-1, 1):
                for k in range(1, LIST_ITEMS + 1):
                    j = pos + step * k
                    if not 0 <= j < len(row):
                        break
                    other = row[j]
                    p = settled.get(other)
                    if (p is None or other == gk or not group_event[other] or p.feature_class != "P"
                            or same_name(base_key[other], key0)):
                        continue
                    share = 0.5 ** (k - 1)
                    if share > found.get(p.geonameid, (p, 0.0))[1]:
                        found[p.geonameid] = (p, share)
                    break
        return sorted(found.values(), key=lambda ps: (-ps[1], ps[0].geonameid))

    def items_apart(a: str, b: str) -> int | None:
        """How many items apart two groups are written in one list (None: in no list together)."""
        best = None
        for la, pa_ in list_at.get(a, ()):
            for lb, pb in list_at.get(b, ()):
                if la == lb and (best is None or abs(pa_ - pb) < best):
                    best = abs(pa_ - pb)
        return best

    def fixed(gk: str) -> _Fixed:
        f = fixed_of.get(gk)
        if f is not None:
            return f
        i0 = groups[gk][0]
        m = mentions[i0]
        pa = group_pos[gk]
        anchors = list(near)
        # the report's coordinates nearest in the text (all of them in a report that gives a few)
        for j in _nearest_in_text(coord_pos, pa, _NEAREST_COORDS):
            pos, c = coords[j]
            chars = min(abs(x - pos) for x in pa)
            anchors.append(coord_anchor(c, 0.6 * _closeness(chars), False))
        if m.coordinate is not None:
            own = [m.coordinate]
        else:
            held = own_coords.get(keys[i0], [])
            own = [held[j][1] for j in _nearest_in_text([x for x, _ in held], pa, _NEAREST_COORDS)]
        for c in own:
            anchors.append(coord_anchor(c, 3.0, True))
        # the front directions it is listed under pull it towards their towns, but a direction
        # named after one of its own readings ("Novgorod direction … Novgorod") is its own name:
        # no evidence for itself
        in_sectors = _in_sector(sector_anchors, pa)
        own_ids = ids_of(keys[i0])
        anchors.extend(sector_anchors[k][2] for k in in_sectors if sectors[k].town.geonameid not in own_ids)
        # but a direction of the table (geo.sectors: its town known, not guessed from the name) says which of a
        # name's namesakes its town is: a village of that name listed under it or elsewhere in the report ("у бік
        # Новопавлівки" on the Pokrovsk direction, the Novopavlivka direction named in the next paragraph) is that
        # town, the more surely the nearer in the text the direction is written (a long report's other sector less)
        # — by the town's own name: a former name of the town ("Гришиного", Grishino, the old Pokrovsk) on its
        # own direction is the village that bears it now (Hryshyne), not the town
        if listed_towns:
            current_ids = {c.place.geonameid for c in cand_cache[keys[i0]] if by_current_name(c, m.text)}
            anchors.extend(town_anchor(pa, gid) for gid in listed_towns if gid in current_ids)
        # groups of events, of another name, with a mention within _TOGETHER_CHARS of one of its own
        # (but a member of its own list more than LIST_BESIDE_ITEMS items away is another stretch of the front: a common
        # name there has a reading near anything)
        beside = tuple(sorted(other for other in written_near(pa) if other != gk and group_event[other]
                              and not same_name(base_key[other], keys[i0])
                              and ((apart := items_apart(gk, other)) is None or apart <= LIST_BESIDE_ITEMS)))
        namesakes = len(groups_by_name[keys[i0]]) > 1
        f = fixed_of[gk] = _Fixed(m, keys[i0], _KIND_WORD.sub("", m.text), tuple(anchors), pa, beside, namesakes,
                                  frozenset(in_sectors) if in_sectors else _NO_SECTORS)
        return f

    # what the last search for each open name's nearest settled names read (see nearest_settled),
    # and the names placed by a bearing from each name
    reach_of: dict[str, list[tuple[float, float]]] = {}
    bearing_of: dict[str, list[str]] = {}
    for gk, refs in bearings.items():
        for ref, _ in refs:
            bearing_of.setdefault(ref, []).append(gk)
    # each judgement made, by everything the ranking read (see judge)
    verdict_of: dict[tuple, _Verdict] = {}

    def touched(new: Sequence[str]) -> set[str]:
        """The open names whose evidence the newly settled names ``new`` may have changed: those
        whose search for the nearest settled names read a stretch of text one of them is in, those
        written beside one, those placed by a bearing from one, and the same name's other
        paragraphs while it pulls from fewer than :data:`_SAME_NAME_ANCHORS` of them."""
        at = sorted(x for g in new for x in group_pos[g])
        out: set[str] = set()
        for gk in pending:
            for lo, hi in reach_of.get(gk, ((-math.inf, math.inf),)):
                k = bisect.bisect_left(at, lo)
                if k < len(at) and at[k] <= hi:
                    out.add(gk)
                    break
        fresh = Counter(base_key[g] for g in new)
        for g in new:
            if group_event[g]:  # the open names it is beside (see fixed: not kept, found again)
                out.update(o for o in written_near(group_pos[g])
                           if o in pending and o != g and not same_name(base_key[g], base_key[o]))
            out.update(o for o in bearing_of.get(g, ()) if o in pending)
            out.update(o for o in list_near.get(g, ()) if o in pending)
            key0 = base_key[g]
            if len(settled_by_name[key0]) - fresh[key0] < _SAME_NAME_ANCHORS:
                out.update(o for o in groups_by_name[key0] if o in pending)  # (g is one of them, settled)
        return out

    def judge(gk: str) -> _Verdict:
        f = fixed(gk)
        m, key0 = f.mention, f.key
        anchors = list(f.anchors)
        seen: set[int] = set()
        # the nearest settled names in the text pull; the rest of a long report barely does
        nearest = nearest_settled(gk, f.at)
        elsewhere = 0
        for other in settled_by_name.get(key0, ()) if f.namesakes else ():
            if other != gk:
                anchors.append(place_pull("same-name", settled[other], 0.35))
                elsewhere += 1
                if elsewhere == _SAME_NAME_ANCHORS:
                    break
        for other, chars in nearest:
            p = settled[other]
            if (
                other == gk
                or not group_event[other]
                or p.geonameid in seen
                or same_name(base_key[other], key0)
                or p.feature_class != "P"
            ):
                continue
            seen.add(p.geonameid)
            w = 0.7 * _closeness(chars)
            if f.sectors and sector_anchors and not (f.sectors & fixed(other).sectors):
                if not (paragraphs_of(f.at) & paragraphs_of(group_pos[other])):
                    continue  # another direction's paragraph: nothing about this one
                w *= OTHER_SECTOR  # listed under another direction: it says little about this one
            anchors.append(place_pull("report", p, w))
        # the nearest settled members of its list on either side: a list names neighbours
        neighbours = list_neighbours(gk, key0)
        anchors.extend(place_pull("list", p, LIST_WEIGHT * share) for p, share in neighbours)
        # the point a bearing from a settled place gives ("near Myrne (northwest of Pokrovsk)")
        for ref, rel in bearings.get(gk, ()):
            if (p := settled_other(ref, key0)) is not None:
                anchors.append(bearing_pull(p, rel))
        # the place the text locates it near ("took Lozova, near the town of Kupiansk")
        for ref in locators.get(gk, ()):
            if (p := settled_other(ref, key0)) is not None:
                anchors.append(place_pull("locator", p, LOCATOR_WEIGHT))
        # names written beside it that are not settled yet: the reading with a reading of
        # them nearby wins ("expelled the enemy from Tikhoe and Otradnoe")
        together = []
        # a name written in two forms beside it counts once (see same_name: the same key, or the same
        # candidates, more than one, as a name taken before: looked up, not compared with each)
        once: set[str] = set()
        once_ids: set[frozenset[int]] = set()
        for other in f.beside:
            if other not in pending or other in settled:
                continue
            k_other = base_key[other]
            if k_other in once:
                continue
            ids = ids_of(k_other)
            if len(ids) > 1:
                if ids in once_ids:
                    continue
                once_ids.add(ids)
            once.add(k_other)
            if other in readings_of:
                readings = readings_of[other]
            else:
                pts = [c.place for c in cand_cache[base_key[other]][:_TOGETHER_READINGS] if c.place.feature_class == "P"]
                readings = readings_of[other] = AnchorSet(
                    tuple(p.lat for p in pts), tuple(p.lon for p in pts), weight=0.5, scale_km=CLUSTER_SCALE_KM,
                    label=repr(mentions[groups[other][0]].text)) if len(pts) > 1 else None
            if readings is not None:
                together.append(readings)
        # The same evidence gives the same judgement: a ranking reads only the name (its key and
        # form as written), the regions around it, whether it is an event (pulled to the front
        # line), how many it keeps, and its evidence (anchors, readings of open names beside it),
        # all values; so a name judged again (`touched` is cautious), or another paragraph's mention
        # of the name with the same evidence (a long list names a place many times over), takes
        # the verdict already worked out instead of ranking once more, to the same result.
        region_names, level = group_regions[gk]
        name = f.name
        top = None if m.coordinate is not None or key0 in own_coords else _TOP
        # (struck by a weapon of limited reach: its namesakes within reach of the front line)
        ckey = reach_key.get(gk, scope_key.get(gk, key0))
        key = (ckey, name, level, region_names, group_event[gk], top, tuple(anchors), tuple(together))
        hit = verdict_of.get(key)
        if hit is not None:
            return hit
        weights, named_how = _REGION_LEVELS[level]
        ready = prepared.get((ckey, name, level))
        if ready is None:
            ready = prepared[(ckey, name, level)] = prepare(cand_cache[ckey], name=name, weights=weights)
        ranked = rank(
            ready,
            name=name,
            near=anchors,
            regions=region_names,
            front_km=front_km if group_event[gk] else None,
            weights=weights,
            near_any=together,
            # only the best is explained (its `why` is the claim's); a mention with coordinates
            # has every candidate ranked, to find the namesake at its point (kept below)
            explain=1,
            top=top,
            regions_named=named_how,
        )
        # (a region attached to the name bounds which namesake wins, not how sure the pick among its own is: they
        # are counted among all the name's namesakes, unless it leaves one)
        n_ranked = len(cand_cache[ckey])
        conf = _guarded_confidence(ranked, len(cand_cache[key0]) if gk in scope_key and n_ranked > 1 else n_ranked)
        if ranked and front_km is not None and group_event[gk] and ranked[0].rule not in ("exact", "region"):
            fd = front_km(ranked[0].place.lat, ranked[0].place.lon)
            limit = 2 * FAR_FROM_FRONT_KM if ranked[0].rule == "fold" else FAR_FROM_FRONT_KM
            if fd is not None and fd > limit:
                # a frontline event, matched only by spelling rules, far from any front: not trusted
                conf = min(conf, _UNTRUSTED)
                ranked = [replace(ranked[0], why=ranked[0].why + (
                    f"{fd:.0f} km from the front line and matched only by spelling rules: not trusted",)), *ranked[1:]]
        if m.coordinate is not None and len(ranked) > _CANDIDATES_KEPT:
            # resolved by its point (see _finish): the best few and the namesake there are all it keeps
            at = _at_point(m.coordinate, ranked)[0]
            ranked = ranked[:_CANDIDATES_KEPT] + ([ranked[at]] if at >= _CANDIDATES_KEPT else [])
        verdict = _Verdict(tuple(ranked), conf)
        if neighbours and ranked and _against_list(ranked[0].place, ranked, neighbours):
            verdict = _chosen_against_list(verdict)
        verdict_of[key] = verdict
        return verdict

    # Clear names first; each round's choices pull the remaining names towards the report's area.
    # A name is judged again only when a round has settled something its judgement reads (see
    # `touched`): a name whose evidence is unchanged keeps its verdict, so a round costs what it
    # changes, not one ranking of every open name.
    pending = set(groups)
    order = sorted(groups)  # the open names, in the order they are judged and settled
    verdicts: dict[str, _Verdict] = {}
    dirty = set(groups)
    for threshold in (ACCEPT, 0.6, 0.5):
        while pending:
            for gk in order:
                if gk in dirty:
                    verdicts[gk] = judge(gk)
            dirty.clear()
            accepted = [gk for gk in order if verdicts[gk].ranked and verdicts[gk].confidence >= threshold]
            if not accepted:
                break
            for gk in accepted:
                chosen[gk] = verdicts.pop(gk)
                settle(gk, chosen[gk].ranked[0].place)
                pending.discard(gk)
                reach_of.pop(gk, None)
            order = [gk for gk in order if gk in pending]
            index_settled(accepted)
            dirty = touched(accepted)
    for gk in order:
        chosen[gk] = verdicts[gk]
    reach_of.clear()
    # A name taken early on its own merits (a namesake with more people) is looked at once more
    # against the whole report: "southwest of Druzhkivka near Novopavlivka" is not the larger
    # Novopavlivka 60 km away once Druzhkivka is settled.
    for gk in sorted(settled):
        first = chosen[gk]
        # (a member of a list is looked at again however sure it was alone: its neighbours may have
        # been settled after it, and a city of its name taken first is not what a list of villages means)
        listed = any(len(lists[li]) > 1 for li, _ in list_at.get(gk, ()))
        if (len(first.ranked) < 2 or (first.confidence >= REVISIT and not listed)
                or mentions[groups[gk][0]].coordinate is not None):
            continue  # one candidate, a near-certain choice, or the text's own coordinates
        p0 = unsettle(gk)
        again = judge(gk)
        if again.ranked and again.ranked[0].place.geonameid != p0.geonameid and again.confidence >= ACCEPT:
            chosen[gk] = again
            settle(gk, again.ranked[0].place)
        else:
            settle(gk, p0)  # back at the end of `settled`, whose order ranks the nearest
            neighbours = list_neighbours(gk, base_key[gk]) if listed else []
            if neighbours and not first.against_list and _against_list(p0, again.ranked, neighbours):
                chosen[gk] = _chosen_against_list(first)
    reach_of.clear()
    # a mangled event name nothing else reached: a look-alike among the settlements of the
    # report's area (its placed event places, its directions' towns), never across the country
    area = [p for gk, p in settled.items() if group_event[gk] and p.feature_class == "P"]
    area += [s.town for s in sectors]
    pool: AreaPool | None = None  # the area's settlements, worked out once, for the first name that needs them
    for gk in sorted(groups):
        v = chosen[gk]
        m = mentions[groups[gk][0]]
        if (not area or not group_event[gk] or m.coordinate is not None or m.trigger in ("region", "water")
                or (v.ranked and not (v.ranked[0].rule == "fuzzy" and v.confidence < MIN_CONFIDENCE))):
            continue
        if pool is None:
            pool = area_pool(gaz, area)
        name = _KIND_WORD.sub("", m.text)
        hit = area_match(name, gaz, pool=pool)
        named, level = group_regions[gk]
        if hit is None and level != "report":
            # "просунутися поблизу Звірового та Степової Новосілки, що в Донецькій та Харківській
            # областях": the oblast or raion its sentence names, or its paragraph or report states as
            # its scope, is the area too (a higher bar: an oblast holds some two thousand settlements)
            hit = area_match(name, gaz, pool=_region_pool(gaz, named, regions, _REGION_LEVELS[level][1]),
                             cutoff=REGION_CUTOFF)
        if hit is not None:
            score = round(FUZZY_WEIGHT * hit.ratio / 100, 4)
            chosen[gk] = _Verdict((Candidate(hit.place, score, hit.matched, "fuzzy-area", (
                f"fuzzy in the report's area: {hit.matched!r} looks like {m.text!r} (ratio {hit.ratio:.0f}), "
                f"{hit.km:.1f} km from {hit.near}",)),), _area_confidence(hit.ratio))
    lone = _far_from_all(settled, group_event, front_km)
    results: dict[int, Resolution] = {}
    # a mention without coordinates of its own is resolved by its verdict alone (the ranking, its
    # confidence, the number of candidates, whether it is an event): one resolution per verdict,
    # worked out once, each mention's being it with its mention (its `why` and candidates shared)
    finished: dict[tuple[int, int, bool], Resolution] = {}
    for gk, idx in groups.items():
        v = chosen[gk]
        event = group_event[gk]
        struck = group_reach.get(gk)
        for i in idx:
            m, n = mentions[i], len(cand_cache[keys[i]])
            if m.coordinate is not None:
                r = _finish(m, v.ranked, v.confidence, n, front_km if event else None, against_list=v.against_list)
            else:
                vk = (id(v), n, event, struck)  # `chosen` holds every verdict till the end: ids stay theirs
                done = finished.get(vk)
                if done is None:
                    r = finished[vk] = _finish(m, v.ranked, v.confidence, n, front_km if event else None,
                                               against_list=v.against_list, reach=struck,
                                               border_km=russia_km(gaz) if struck is not None else None)
                else:
                    r = replace(done, mention=m)
            results[i] = r
            if gk in lone and r.coord_source is CoordSource.GAZETTEER:
                results[i] = replace(r, confidence=min(r.confidence, LONE_CONFIDENCE), why=r.why + (lone[gk],))
    for i, (reason, kept) in doubts.items():
        r = results[i]
        why = (f"implausible coordinates in the text: {reason}",) + r.why
        # kept: far from the report's other places, but possible: plotted with low confidence;
        # otherwise the coordinates were dropped and the name resolved as if they were not there
        results[i] = replace(r, why=why, confidence=min(r.confidence, 0.3) if kept else r.confidence)
    return [results[i] for i in range(len(mentions))]


def _check_text_coordinates(mentions: list[Mention]) -> tuple[list[Mention], dict[int, tuple[str, bool]]]:
    """Coordinates that cannot be right are dropped, and doubtful ones flagged (``geo.sanity``).

    A point outside Ukraine, Russia, Belarus and Moldova (a typo, swapped degrees) is dropped
    and the name resolved without it; a point over 2,000 km from the report's other coordinates
    is kept but flagged. Returns the mentions and, by index, (reason, whether the point was kept).
    """
    doubts: dict[int, tuple[str, bool]] = {}
    points = [(i, m.coordinate) for i, m in enumerate(mentions) if m.coordinate is not None]
    # A point with another point in its cell of the grid or the next ones is nearer to it than
    # MAX_KM (two cells of MAX_KM / 400 degrees each way: under 0.8 * MAX_KM): only the others
    # are measured against the whole report, so that a report of thousands of coordinates is
    # checked in linear time.
    cell = MAX_KM / 400.0
    grid: Counter[tuple[int, int]] = Counter()
    where: dict[int, tuple[int, int]] = {}
    for i, c in points:
        if math.isfinite(c.lat) and math.isfinite(c.lon) and abs(c.lat) <= 90 and abs(c.lon) <= 180:
            where[i] = (math.floor(c.lat / cell), math.floor(c.lon / cell))
            grid[where[i]] += 1
    for i, c in points:
        reason = implausible_point(c.lat, c.lon, ())
        if reason is None and i in where:
            a, b = where[i]
            others = sum(grid.get((a + da, b + db), 0) for da in (-1, 0, 1) for db in (-1, 0, 1)) - 1
            if not others:
                context = [(o.lat, o.lon) for j, o in points if j != i]
                reason = implausible_point(c.lat, c.lon, context)
        if reason is None:
            continue
        kept = "nearest other place" in reason
        doubts[i] = (f"{c.text}: {reason}", kept)
        if not kept:
            mentions[i] = replace(mentions[i], coordinate=None)
    return mentions, doubts


# what stands between a name and a bearing phrase right after it that places that name ("Kurakhove, just south-west
# of Hirnyk", "Myrne (about 3 km north of X)", "Майское, чуть южнее Торецка"): a comma or a bracket, then a hedge row
# of geo/rules/bearings.jsonl or an approximately row of geo/rules/distance_words.jsonl
_OWN_BEARING_GAP = re.compile(
    r"\s*(?:\(|,)\s*(?:(?:" + class_pattern("bearings", "hedge").pattern + "|"
    + class_pattern("distance_words", "approximately").pattern + r")\s+)?", re.IGNORECASE)
# what ends the reach of a bearing phrase over the names after it in its sentence: a semicolon or a colon, or a clause
# or contrast row of geo/rules/conjunctions.jsonl ("but", "но", "але", "а"; the clause rows geo.claims.clauses reads
# too), one of ``comma: needed`` after a comma (", although"), where no addition row opens ("а также", "but also")
_CONJUNCTIONS = lookup_rows("conjunctions")
_DIRECTION_BREAK = re.compile(
    r"[;:]|(?!" + class_pattern("conjunctions", "addition").pattern + ")(?:"
    + rows_pattern(r for r in _CONJUNCTIONS if r.cls == "clause" and r.get("comma") != "needed") + "|"
    + class_pattern("conjunctions", "contrast").pattern + ")"
    + r"|,\s+(?!" + class_pattern("conjunctions", "addition").pattern + ")"
    + rows_pattern(r for r in _CONJUNCTIONS if r.cls == "clause" and r.get("comma") == "needed"),
    re.IGNORECASE)


def _directions(
    mentions: Sequence[Mention], text: str, sentence_of: Callable[[int], tuple[int, int]]
) -> list[tuple[int, int, Relation]]:
    """Mentions placed by a bearing from another mention, as (mention, reference mention, relation).

    "near Myrne (northwest of Pokrovsk)" and "Mykolaivka, east of Slovyansk": the mention just
    before the phrase; "attacked northwest of Pokrovsk near Myrne and Shevchenko": the mentions
    after the reference, in the same sentence, up to the next bearing phrase or clause break.
    """
    out: list[tuple[int, int, Relation]] = []
    refs: list[tuple[int, int, Relation]] = []  # (reference mention, phrase start in text, relation)
    for j, m in enumerate(mentions):
        near_before = text[max(0, m.start - 48) : m.start].casefold()
        if not any(w in near_before for w in DIRECTION_MARKS):
            continue  # "<bearing> of|from [the settlement of] X", "севернее X" needs one of them right before it
        s, e = sentence_of(m.start)
        sentence = text[s:e]
        if not may_be_direction(sentence, m.start - s, m.end - s):
            continue  # no "<bearing> of [the village of] X" nor "X (3 km north)": no bearing from it
        if not BEARING_WORDS.search(text, max(0, m.start - 160), m.start):
            continue  # no bearing word just before the name: no "<bearing> of X" phrase
        rel = find_relation(sentence, m.start - s, m.end - s)
        if rel is not None and rel.kind == "direction-of" and rel.bearing is not None:
            refs.append((j, s + rel.start, rel))
    if not refs:
        return out
    # mentions by offset (found by bisection: a report may hold thousands of bearing phrases)
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, i))
    starts = [mentions[i].start for i in order]
    own: set[int] = set()  # mentions with their own bearing, right after them
    for j, phrase_start, rel in refs:
        s, _ = sentence_of(mentions[j].start)
        # the last mention (in index order) of the sentence that ends before the phrase
        last = -1
        for k in range(bisect.bisect_left(starts, s), bisect.bisect_left(starts, phrase_start)):
            i = order[k]
            if mentions[i].end <= phrase_start and i > last:
                last = i
        if last >= 0 and _OWN_BEARING_GAP.fullmatch(text, mentions[last].end, phrase_start):
            out.append((last, j, rel))
            own.add(last)
    phrase_starts = sorted(p for _, p, _ in refs)
    for j, phrase_start, rel in refs:
        ref = mentions[j]
        s, e = sentence_of(ref.start)
        stop = e
        k = bisect.bisect_left(phrase_starts, ref.end)
        if k < len(phrase_starts) and phrase_starts[k] < stop:
            stop = phrase_starts[k]
        brk = _DIRECTION_BREAK.search(text, ref.end, stop)
        if brk:
            stop = brk.start()
        # "... near Myrne, and counterattacked near Kotlyne (southwest of Pokrovsk)": a mention
        # with its own bearing takes only that one
        taken = [order[k] for k in range(bisect.bisect_left(starts, ref.end), bisect.bisect_left(starts, stop))]
        out += [(i, j, rel) for i in sorted(taken) if mentions[i].end <= stop and i != j and i not in own]
    return out


#: The region pools lately made (:func:`_region_pool`), by how the text names the regions and, for each region, its
#: name and the very tuple of settlements :meth:`gazetteer.Gazetteer.region_places` remembers for it (held here, so
#: that its id stays its own; a gazetteer that forgets its regions' settlements gives new tuples, and so new pools):
#: a stream of reports names the same oblasts day after day, and an oblast's thousands of settlements, their names
#: gathered, cost more than reading a report does.
_REGION_POOLS: dict[tuple, tuple[tuple, AreaPool]] = {}
_REGION_POOLS_KEPT = 8


def _region_pool(gaz: Gazetteer, named: set[str] | frozenset[str], regions: Sequence[tuple[int, int, Place]],
                 named_how: str = "named in its sentence") -> AreaPool:
    """The settlements of the oblasts and raions ``named`` (as :func:`geo.area_fuzzy.area_pool` gives
    them: each with its distance to the region's centre and the region's name, and where the text
    names it, ``named_how``; each region's settlements found once, :meth:`gazetteer.Gazetteer.region_places`,
    and the pool of the same regions' settlements made once, :data:`_REGION_POOLS`)."""
    parts = []
    for r in {p.geonameid: p for _, _, p in regions if p.name in named}.values():
        radius = REGION_RADIUS_KM if r.feature_code == "ADM1" else REGION_RADIUS_KM / 3
        parts.append((r.name, gaz.region_places(r, radius)))
    key = (named_how, tuple((name, id(places)) for name, places in parts))
    held = _REGION_POOLS.get(key)
    if held is not None:
        return held[1]
    pool: dict[int, tuple[Place, float, str]] = {}
    for name, places in parts:
        label = f"the centre of {name}, {named_how}"
        for p, d in places:
            if p.geonameid not in pool:
                pool[p.geonameid] = (p, d, label)
    made = AreaPool.of(gaz, pool.values())
    if len(_REGION_POOLS) >= _REGION_POOLS_KEPT:
        _REGION_POOLS.pop(next(iter(_REGION_POOLS)))  # the oldest
    _REGION_POOLS[key] = (tuple(parts), made)
    return made


def _against_list(best: Place, ranked: Sequence[Candidate], neighbours: Sequence[tuple[Place, float]]) -> bool:
    """Whether ``best``, a settlement, lies over :data:`LIST_FAR_KM` from every settled neighbour of its list
    (``neighbours``: places, their pulls' shares) while another of the best :data:`_TOP` of ``ranked`` lies within it
    of one: a namesake chosen against its list.

    Examples
    --------
    >>> a, b = Place(1, "Vodiane", 48.10, 37.67, "P"), Place(2, "Vodiane", 47.83, 37.31, "P")
    >>> near = [(Place(3, "Novomykhailivka", 47.86, 37.49, "P"), 1.0)]
    >>> _against_list(a, [Candidate(a, 4.1), Candidate(b, 4.0)], near), _against_list(b, [Candidate(b, 4.1)], near)
    (True, False)
    """
    if best.feature_class != "P" or not neighbours:
        return False
    lats, lons = [p.lat for p, _ in neighbours], [p.lon for p, _ in neighbours]
    if float(distances_km(best.lat, best.lon, lats, lons).min()) <= LIST_FAR_KM:
        return False
    return any(c.place.geonameid != best.geonameid and c.place.feature_class == "P"
               and float(distances_km(c.place.lat, c.place.lon, lats, lons).min()) <= LIST_FAR_KM
               for c in ranked[:_TOP])


def _chosen_against_list(v: _Verdict) -> _Verdict:
    """``v`` with its best taken as chosen against its list (:func:`_against_list`): flagged ``against_list``
    (:func:`_finish` then holds its confidence to :data:`~geo.calibration.NEAR_TIE_CAP`), and its ``why`` saying so."""
    best = v.ranked[0]
    why = (*best.why, f"over {LIST_FAR_KM:g} km from its list's settled neighbours, a namesake within: chosen against "
                      "its list's neighbours")
    return replace(v, ranked=(replace(best, why=why), *v.ranked[1:]), against_list=True)


def _area_confidence(ratio: float) -> float:
    """The ranking-scale confidence of a look-alike of the report's area: from the lowest accepted
    ratio (just trusted) to an identical name (as sure as a clear converted match)."""
    return MIN_CONFIDENCE + (0.95 - MIN_CONFIDENCE) * (ratio - AREA_CUTOFF) / (100.0 - AREA_CUTOFF)


def _far_from_all(
    settled: dict[str, Place], group_event: dict[str, bool],
    front_km: Callable[[float, float], float | None] | None,
) -> dict[str, str]:
    """The event places lying over :data:`FAR_FROM_FRONT_KM` from the front line and from every
    other event place of the report (Moscow oblast in a report about Donetsk oblast), with why.

    Only when there is a front line to measure and at least one other event place."""
    if front_km is None:
        return {}
    events = {gk: p for gk, p in settled.items() if group_event[gk] and p.feature_class == "P"}
    if len({p.geonameid for p in events.values()}) < 2:
        return {}
    # each place once: a report of thousands of names names the same few thousand places again and
    # again, and a place's distance to the nearest other is its own, whichever group names it
    places = {(p.geonameid, p.lat, p.lon): p for p in events.values()}
    lone: dict[tuple[int, float, float], str | None] = {}
    for k, p in places.items():
        lone[k] = None
        fd = front_km(p.lat, p.lon)
        if fd is None or fd <= FAR_FROM_FRONT_KM:
            continue
        others = [q for q in places.values() if q.geonameid != p.geonameid]
        near = distances_km(p.lat, p.lon, [q.lat for q in others], [q.lon for q in others])
        if float(near.min()) > FAR_FROM_FRONT_KM:
            lone[k] = (f"{fd:.0f} km from the front line and {float(near.min()):.0f} km from the report's other "
                       f"places: not trusted")
    return {gk: why for gk, p in events.items() if (why := lone[(p.geonameid, p.lat, p.lon)]) is not None}


def _sector_anchors(sectors: Sequence[Sector]) -> list[tuple[int, int, Anchor]]:
    """The pull of each front direction's town, with the stretch of text it holds for."""
    return [(s.start, s.end, Anchor(s.town.lat, s.town.lon, weight=SECTOR_WEIGHT, scale_km=SECTOR_SCALE_KM,
                                    label=f"{s.town.name}, the direction it is listed under ('{s.text}')", group="sector"))
            for s in sectors]


def _in_sector(sector_anchors: Sequence[tuple[int, int, Anchor]], positions: Sequence[int]) -> list[int]:
    """The indexes of the directions whose text holds one of the positions."""
    return [k for k, (start, end, _) in enumerate(sector_anchors) if any(start <= x < end for x in positions)]


def _nearest_in_text(starts: Sequence[int], at: Sequence[int], k: int) -> list[int]:
    """Indices of the ``k`` entries of the sorted offsets ``starts`` nearest to any offset of
    ``at`` (ties: the earlier entry), in order; all of them when there are no more than ``k``.

    Examples
    --------
    >>> _nearest_in_text([0, 10, 20, 30, 40], [22], 2)
    [2, 3]
    """
    n = len(starts)
    if n <= k:
        return list(range(n))
    if len(at) == 1:
        # one offset: its k nearest are a stretch of the sorted offsets, grown one entry at a time
        # from where it would stand, towards the nearer side (the earlier on a tie)
        x = at[0]
        hi = bisect.bisect_left(starts, x)
        lo = hi - 1
        for _ in range(k):
            if hi >= n or (lo >= 0 and x - starts[lo] <= starts[hi] - x):
                lo -= 1
            else:
                hi += 1
        if lo < 0 or starts[lo] != starts[lo + 1]:
            return list(range(lo + 1, hi))
        # the stretch ends inside a run of equal offsets before it, whose earlier entries come first: as below
    best: dict[int, int] = {}
    for x in at:
        j = bisect.bisect_left(starts, x)
        for i in range(max(0, j - k), min(len(starts), j + k)):
            d = abs(starts[i] - x)
            if d < best.get(i, d + 1):
                best[i] = d
    return sorted(sorted(best, key=lambda i: (best[i], i))[:k])


def _toward(lat: float, lon: float, rel: Relation) -> tuple[float, float]:
    """The point a bearing phrase points at from its reference place (default distance when unwritten)."""
    dist = (rel.distance_km or DIRECTION_DEFAULT_KM) * 1000.0
    lon2, lat2, _ = GEOD.fwd(lon, lat, rel.bearing, dist)
    return float(lat2), float(lon2)


def _closeness(chars: int) -> float:
    """How strongly two places pull each other by how far apart the text writes them (in
    characters): the same sentence most, the far end of a long report barely."""
    return 1.0 if chars <= 300 else 0.5 if chars <= 1000 else 0.15 if chars <= 3000 else 0.03


#: The least gain a piece of evidence of place must add for a fuzzy look-alike to be trusted
_FUZZY_EVIDENCE = 0.1
_GAIN = re.compile(r"\(\+(\d+(?:\.\d+)?)[,)]")  # "(+0.32)", "(+0.80, raion +0.30)"


def _guarded_confidence(ranked: Sequence[Candidate], n: int) -> float:
    """The ranking's confidence (``n`` candidates, ``ranked`` the best of them), held down where
    the best is only a fuzzy look-alike with no evidence of place behind it ("Middle" is not
    "Miliieve")."""
    conf = confidence(ranked, n)
    if ranked and ranked[0].rule == "fuzzy" and not _evidence_of_place(ranked[0]):
        conf = min(conf, _UNTRUSTED)
    return conf


def _evidence_of_place(best: Candidate, least: float = _FUZZY_EVIDENCE, front: bool = True,
                       region: bool = True) -> list[str]:
    """The lines of ``best.why`` that are evidence of where the report is, each adding at least
    ``least``: a pull of its settled places, its direction, and a region named around it
    (``region``) and the front line (``front``).

    A distance that adds nothing ("187 km from the front line (+0.00)") is none, and neither is a
    reading of another open name nearby (a common name has a reading near anything).
    """
    return [w for w in best.why[1:] if (" km from" in w or (region and any(r in w for r in _REGION_WHY)))
            and " beside it " not in w and (front or " km from the front line" not in w)
            and (g := _GAIN.search(w)) is not None and float(g.group(1)) >= least]


def _at_point(c: Coordinate, ranked: Sequence[Candidate]) -> tuple[int, float]:
    """The index in ``ranked`` of the candidate nearest to a coordinate of the text (ties: the
    better ranked) and its distance in km."""
    d = distances_km(c.lat, c.lon, [r.place.lat for r in ranked], [r.place.lon for r in ranked])
    at = min(range(len(ranked)), key=lambda i: d[i])
    return at, float(d[at])


def _group_reach(found: Sequence[Reach | None]) -> Reach | None:
    """The reach of a group of mentions of one name: the longest of its mentions', None when one of them has
    none (a mention of the name not struck, or struck by a weapon that reaches anywhere); the attacker when they
    agree."""
    if not found or any(r is None for r in found):
        return None
    km = max(r.km for r in found if r is not None)
    sides = {r.attacker for r in found if r is not None}
    return Reach(km, sides.pop() if len(sides) == 1 else "")


def _both_within_reach(best: Place, other: Place, reach: Reach,
                       front_km: Callable[[float, float], float | None],
                       border_km: Callable[[float, float], float] | None = None) -> bool:
    """Whether a runner-up namesake may have been struck as well as the best: it is within ``reach`` of the front
    line, on the side the attacker does not hold (:func:`geo.reach.within_reach`), and at most the reach from the
    best (both in the band of the line one weapon reaches from one stretch of it; a namesake farther along the
    front is told apart by the report's other places)."""
    if other.feature_class != "P":
        return False
    d = float(distances_km(best.lat, best.lon, [other.lat], [other.lon])[0])
    return d <= reach.km and within_reach(other.lat, other.lon, other.country, reach, front_km,
                                          getattr(front_km, "occupied", None), border_km)


def _finish(m: Mention, ranked: Sequence[Candidate], conf: float, n: int,
            front_km: Callable[[float, float], float | None] | None = None, *, against_list: bool = False,
            reach: Reach | None = None, border_km: Callable[[float, float], float] | None = None) -> Resolution:
    """The resolution of one mention from its ranked candidates (the best of ``n``); ``front_km``
    (for an event place) puts a namesake chosen far behind the front in its own calibration
    stratum (:func:`geo.calibration.stratum`); a best chosen against its list (``against_list``,
    :attr:`_Verdict.against_list`) is held to :data:`~geo.calibration.NEAR_TIE_CAP`, and so is one struck by a
    weapon of limited ``reach`` from a known side whose runner-up lies within reach of the same stretch of the front
    line on the struck side (:func:`_both_within_reach`: where the side is not known, a namesake on either side of
    the line is in reach, and the report's other places tell them apart as before)."""
    c = m.coordinate
    if c is not None:
        # The text's own coordinates are the point; the name is matched to the place there.
        best = None
        if ranked:
            at, km = _at_point(c, ranked)
            if km <= _TEXT_COORD_MATCH_KM:
                best = ranked[at]
                why = (f"coordinates in the text {c.text}", f"{km:.1f} km from {best.place.name} (geonameid {best.place.geonameid})")
            else:
                why = (f"coordinates in the text {c.text}", f"no gazetteer place of this name within {_TEXT_COORD_MATCH_KM:.0f} km (nearest {km:.0f} km)")
        else:
            why = (f"coordinates in the text {c.text}", "name not in the gazetteer")
        return Resolution(
            mention=m,
            place=best.place if best else None,
            lat=c.lat,
            lon=c.lon,
            coord_source=CoordSource.TEXT,
            confidence=0.98 if best else 0.9,
            precision=1,
            uncertainty_m=c.uncertainty_m,
            why=why,
            candidates=tuple(ranked[:_CANDIDATES_KEPT]),
        )
    # of namesakes nearly tied, the best is placed when the report's places or a direction pull on it
    near = ranked and _evidence_of_place(ranked[0], _TIE_EVIDENCE, front=False, region=False)
    if not ranked or conf < (TIED_CONFIDENCE if near else MIN_CONFIDENCE):
        why = ("no candidate in the gazetteer",) if not ranked else (
            f"{n} candidates and none clearly best (confidence {conf:.2f}): left unresolved",
            *(f"candidate {r.place.name}, {r.place.admin1} ({r.score:.2f})" for r in ranked[:_TOP]),
        )
        return Resolution(m, None, None, None, None, round(conf, 3), None, None, why, tuple(ranked[:_CANDIDATES_KEPT]))
    best = ranked[0]
    precision, unc = _uncertainty(best.place)
    why = best.why + ((f"{n} candidates, runner-up {ranked[1].place.name}, {ranked[1].place.admin1} ({ranked[1].score:.2f})",) if len(ranked) > 1 else ())
    best_fd = None if front_km is None or n <= 1 else front_km(best.place.lat, best.place.lon)
    value = min(calibrated(conf, stratum(best.rule, n, best_fd)),
                LOOKALIKE_CONFIDENCE if best.rule in ("fuzzy", "fuzzy-area") else 1.0)
    # deep inside the held area while the runner-up namesake lies at the front line: the line speaks for the runner-up
    held = getattr(front_km, "occupied", None)
    if best_fd is not None and held is not None and len(ranked) > 1 and value > NEAR_TIE_CAP:
        cap = front_runner_up_cap(best_fd, lambda: bool(held(best.place.lat, best.place.lon)),
                                  front_km(ranked[1].place.lat, ranked[1].place.lon))
        if cap < value:
            value = cap
            why += (f"{best_fd:.0f} km inside the held area while the runner-up lies at the front line: confidence "
                    f"held to {NEAR_TIE_CAP:g}",)
    # a runner-up of the same oblast close behind: a near tie the oblast does not settle (geo.calibration)
    if len(ranked) > 1 and best.place.feature_class == "P":
        margin = best.score - ranked[1].score
        tie = near_tie_cap(bool(best.place.admin1) and ranked[1].place.admin1 == best.place.admin1, margin)
        if tie < value:
            value = tie
            why += (f"a near tie with a namesake of the same oblast ({margin:.2f} behind): confidence held to "
                    f"{NEAR_TIE_CAP:g}",)
    if value > NEAR_TIE_CAP and against_list:
        value = NEAR_TIE_CAP
    if value > NEAR_TIE_CAP and reach is not None and reach.attacker and front_km is not None and len(ranked) > 1 \
            and best.place.feature_class == "P" \
            and _both_within_reach(best.place, ranked[1].place, reach, front_km, border_km):
        value = NEAR_TIE_CAP
        why += (f"the runner-up {ranked[1].place.name} lies within reach of the same stretch of the front line for "
                f"a weapon reaching {reach.km:g} km: confidence held to {NEAR_TIE_CAP:g}",)
    return Resolution(
        mention=m,
        place=best.place,
        lat=best.place.lat,
        lon=best.place.lon,
        coord_source=CoordSource.GAZETTEER,
        confidence=round(value, 4),
        precision=precision,
        uncertainty_m=unc,
        why=why,
        candidates=tuple(ranked[:_CANDIDATES_KEPT]),
    )
