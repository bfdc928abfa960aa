"""What happened at a place: the cues of a sentence (the action rows of ``geo/rules/actions.jsonl`` and
two regex cues the table cannot say), the cue that governs a mention, negation, hedging, intentions and modality.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from geo.rules.matcher import SEPARATE_TABLES, filter_spans, matches, read_all_kinds, read_kinds
from geo.rules.lookup import lookup_rows, rows_pattern
from geo.dates import RELATIVE_OPENING
from geo.model import Action
from geo.claims.matching import _I, _c
from geo.claims.units import find_designations
from geo.claims.clauses import _clause_bounds, _colon_list_start, _dash_items_only, _dash_list_start, _heading_next, _names_only, _previous_clause_start, parentheses

__all__ = []

# The cues the rule table cannot say (a number, a hyphenated status with its noun): the action cues
# are the rows of geo/rules/actions.jsonl, read by geo.rules.matcher; these two are all that is left.
# the words of a place's state ("occupied", "controlled", "held"): the state rows of geo/rules/list_words.jsonl
_STATES = "|".join(re.escape(r.key) for r in lookup_rows("list_words") if r.cls == "state")
# the words that make a number approximate ("about", "more than", "up to"): the approximately rows of
# geo/rules/distance_words.jsonl, one vocabulary with a distance's ("about 3 km north of X")
_APPROXIMATELY = rows_pattern(r for r in lookup_rows("distance_words") if r.cls == "approximately")
_REGEX_CUES: tuple[tuple[Action, str, re.Pattern[str]], ...] = (
    # partial control is not a capture: "controls about 80% of Selydove", "контролируют около 20% Купянска",
    # "контролюють ще близько 20% Куп'янська" (one lower-case word may stand before the share: "ще", "still")
    (Action.FIGHTING, "partial control",
     _c(r"\b(?:control(?:s|led|ling)?|контролиру\w*|контролю\w*)\s+(?:over\s+|of\s+)?(?:(?-i:[^\W\dA-ZА-ЯІЇЄҐ])\w*\s+)?"
        r"(?:(?:" + _APPROXIMATELY + r")\s+)?\d+\s*(?:%|per\s*cent|percent|процент\w*|відсот\w*)")),
    # a status, not an event: only when nothing else in the clause says what happened (see _WEAK)
    (Action.CAPTURED, "under control",
     _c(rf"\b(?:russian|enemy|russia)[\s-](?:{_STATES})\s+(?:territor(?:y|ies)|areas?|zones?|lands?)\b")),
)

_PRIORITY = {Action.REPELLED: 1}  # cues that win over nearer ones in the same clause
# status cues ("Russian-controlled territory ... in addition to the X area"): they govern a mention
# only when no event cue stands in its clause ("strikes on Russian-occupied territory near X": struck); so does a
# place's state of being pressed (the "under pressure" rows of geo/rules/actions.jsonl: "announced the capture of X,
# which has been under pressure for months": captured)
_WEAK = frozenset({"under control", "under pressure"})

# "occupied" right after a determiner or preposition is a status ("in occupied Hvardiiske"), not the verb: the
# status-before rows of geo/rules/list_words.jsonl; a hyphen, or a comma of a list, before it too
_ATTRIBUTIVE = re.compile(rows_pattern(r for r in lookup_rows("list_words") if r.cls == "status-before")
                          + r"\s+$|[-–]$|[;,]\s*(?:and\s+)?$", _I)
_STATUS_WORDS = re.compile(rf"^(?:(?:russian|ukrainian)-)?(?:{_STATES})$", _I)  # "occupied", "Russian-held"


class _Cue(NamedTuple):
    action: Action
    detail: str
    start: int
    end: int
    text: str
    modality: str = "done"  #: a row's own modality ("tried to advance": attempted)
    #: a try at it is the thing itself (a row of ``attempt: same``: "пытаются деблокировать X" is fighting at X)
    tried_same: bool = False
    #: for a passive outcome (a row of ``outcome: attempt``, :func:`_outcomes`), the start of the attempt whose
    #: failure it tells; -1 for every other cue
    attempt: int = -1
    #: a manoeuvre that under an intention is planned, not hypothetical (a row of ``intended: yes``: "планують
    #: просунутися до X", "aim to encircle X"; :func:`intended`)
    intended: bool = False


def _status_only(text: str, start: int, word: str) -> bool:
    """"the occupied territories", "Russian-occupied Lyman": a status, not an event."""
    return bool(_STATUS_WORDS.match(word) and (_ATTRIBUTIVE.search(text[:start]) or "-" in word
                                               or text[start - 1:start] == "-"))


@lru_cache(maxsize=32)
def _all_cues(text: str) -> tuple[_Cue, ...]:
    """Every cue in ``text`` (memoised: a sentence is analysed once per mention in it).

    The rule table's action rows (``geo/rules/actions.jsonl``) and ``_REGEX_CUES``; a table's
    ``not-action`` row ("took part", "fighting vehicles") takes its span from every cue; a word of a unit's
    name is no cue (a cue inside a span of :func:`~geo.claims.units.find_designations`: "the 82nd air assault
    brigade", "штурмовой бригады"; a cue that reaches past it stays: "brigades in the areas of"); an attack by
    the table's ``means`` (drones, missiles, artillery) is a strike.
    """
    found = list(_scan_cues(text))
    kinds = read_kinds(text)
    blocks = [(h.start, h.end) for h in kinds.get(("actions", "not-action"), ())]
    outcomes = []
    for h in kinds.get(("actions", "action"), ()):
        if h.get("outcome") is not None:
            outcomes.append(h)
        elif not _status_only(text, h.start, h.text):
            found.append(_Cue(Action(h.get("action")), h.get("detail") or h.text, h.start, h.end, h.text,
                              h.get("modality") or "done", h.get("attempt") == "same",
                              intended=h.get("intended") == "yes"))
    if blocks:
        found = [c for c in found if not any(c.start < e and c.end > s for s, e in blocks)]
    if found:
        names = find_designations(text)
        if names:
            found = [c for c in found if not any(s <= c.start and c.end <= e for s, e in names)]
    # a total outcome of geo/rules/discourse.jsonl told in the clause after the attempt ("attacked near A and B, but
    # all attacks were repelled"): the outcome the next sentence may tell, told in the same one
    outcomes += [h for h in read_all_kinds(text).get(("discourse", "outcome"), ())
                 if h.get("at") != "start" or _OPENS_CLAUSE.search(text, 0, h.start)]
    if outcomes:  # before the weapons: an attack with air support that ends in a retreat is a failed attack
        found += _outcomes(text, outcomes, found, kinds)
    means = read_all_kinds(text).get(("actions", "means"))  # inside an actor too: "Russian artillery"
    if means and blocks:  # a weapon inside a not-action row is none: "за підтримки авіації" (air support)
        means = tuple(h for h in means if not any(h.start < e and h.end > s for s, e in blocks))
    if means:
        found = [_by_means(text, c, means) if c.action is Action.ATTACKED else c for c in found]
        found += _tallies(text, means, found)
    damage = [c for c in found if c.action is Action.STRUCK and c.detail == _DAMAGE]
    if damage:
        found = [_by_damage(text, c, damage) if c.action is Action.ATTACKED else c for c in found]
    return tuple(found)


# what an attempt is, for an outcome after it: an attack, fighting, an advance; a capture or an entry only as a try
# ("tried to enter X several times but were repelled")
_ATTEMPTS = frozenset({Action.ATTACKED, Action.FIGHTING, Action.ADVANCING})
_TAKING = frozenset({Action.CAPTURED, Action.ENTERED})
# where a total outcome row of ``at: start`` (geo/rules/discourse.jsonl: "the attacks were repelled") opens a clause
# inside its sentence: after a comma, a semicolon, a colon or a dash, or a conjunction of geo/rules/conjunctions.jsonl
_CONJUNCTION = rows_pattern(r for r in lookup_rows("conjunctions") if r.cls in ("clause", "contrast", "list"))
_OPENS_CLAUSE = _c(rf"(?:[,;:]|\s[–—])\s*(?:(?:{_CONJUNCTION})\s+)?$|\s(?:{_CONJUNCTION})\s+$")


def _outcomes(text: str, rows: list, found: list[_Cue], kinds) -> list[_Cue]:
    """The passive outcomes of ``text`` (the rows of ``outcome: attempt`` of ``geo/rules/actions.jsonl``: "were
    pushed back", "were forced to retreat", "були відкинуті", "вынуждены отступить"), each a cue of its row's
    action with the attempt it closes (:attr:`_Cue.attempt`).

    An outcome closes the last cue before it in its sentence when that is an attempt (an attack, fighting, an
    advance; a capture or an entry after an ``attempted`` mark of ``geo/rules/modality.jsonl``: "tried to enter"),
    or an ``attempted`` mark after that cue (a try told with no action word: "спробували змінити обстановку в районах
    A, B, але були змушені відступити"), and no actor of ``geo/rules/speakers.jsonl`` stands between them: the outcome has no subject of its own, it
    shares the attempt's ("Russian forces attempted an assault near A but were forced to retreat", "the enemy
    launched seven assault actions and were pushed back near A"). Without one ("Ukrainian units were pushed back
    from X") the row is no cue: the words read as they would without it (:func:`~geo.rules.matcher.filter_spans` of
    the other phrases), and an action row that starts inside it is a cue as on its own ("pushed back": an advance of
    the other side; not "occupied" of "previously occupied positions", a not-action row there).

    A total outcome row of ``geo/rules/discourse.jsonl`` (``rows`` holds them too: "all … attacks were repelled",
    "repelled all", "всі атаки … відбито"), told in its sentence after the attempt, closes it as well, an actor
    between or not: it names the attacks it ends ("attacked near A and B, but all attacks were repelled by our
    units"); a count ("two attacks were repelled") is a part and no such row. Without an attempt before it, it is no
    cue of its own.
    """
    actors = kinds.get(("speakers", "actor"), ())
    out: list[_Cue] = []
    inner = None
    for h in rows:
        # a total outcome names its own subject, the attacks ("all attacks were repelled by our units", "the
        # defenders repelled all of them"): an actor between it and the attempt parts nothing; one whose clause names
        # places of its own ends the attacks there ("while our units repelled all attacks near B"), as in the next
        # sentence (geo.discourse: an outcome that names no place)
        told = h.table == "discourse"
        if told and _own_places(text, h.end, _clause_bounds(text, h.start, h.end)[1], found):
            continue
        action = Action(h.get("action") or Action.REPELLED.value)
        before = [c for c in found if c.end <= h.start]
        last = max(before, key=lambda c: c.end) if before else None
        if last is not None and _closes(text, h, last) \
                and (told or not any(last.end <= a.start and a.end <= h.start for a in actors)):
            out.append(_Cue(action, f"attempt failed: {h.get('detail') or h.text}", h.start, h.end, h.text,
                            attempt=last.start))
            continue
        # a try with no action word of its own ("спробували змінити обстановку в районах A, B, але були змушені
        # відступити"): an attempted mark after the last cue; the places after it have no cue but the outcome
        marks = [m for m in _modality_hits(text, last.end if last is not None else 0, h.start, ("attempted",))
                 if told or not any(m.end <= a.start and a.end <= h.start for a in actors)]
        if marks:
            out.append(_Cue(action, f"attempt failed: {h.get('detail') or h.text}", h.start, h.end, h.text,
                            attempt=marks[-1].start))
            continue
        if told:
            continue  # no attempt before it in its sentence: the words inside it are cues as they are
        if inner is None:
            inner = [m for m in filter_spans(m for m in matches(text) if m.table not in SEPARATE_TABLES
                                             and m.get("outcome") is None)
                     if (m.table, m.cls) == ("actions", "action")]
        out += [_Cue(Action(m.get("action")), m.get("detail") or m.text, m.start, m.end, m.text,
                     m.get("modality") or "done", m.get("attempt") == "same")
                for m in inner if h.start <= m.start < h.end and not _status_only(text, m.start, m.text)]
    return out


def _closes(text: str, row, last: _Cue) -> bool:
    """Whether the outcome ``row`` closes the cue ``last`` before it: an attempt (:data:`_ATTEMPTS`; a capture or an
    entry when tried); a row of ``outcome: attack`` (a loss: "but suffered heavy losses", "проте зазнав втрат") only
    an attack or a try (an advance that cost losses still advanced)."""
    if row.get("outcome") == "attack":
        return last.action is Action.ATTACKED or (last.action in _ATTEMPTABLE and _tried(text, last))
    return last.action in _ATTEMPTS or (last.action in _TAKING and _tried(text, last))


def _tried(text: str, cue: _Cue) -> bool:
    """Whether a capture or an entry is a try at it: its row's modality, or an ``attempted`` mark at most
    :data:`_MARK_REACH` characters before it."""
    return cue.modality == "attempted" or bool(_modality_hits(text, max(0, cue.start - _MARK_REACH), cue.start,
                                                               ("attempted",)))


_DAMAGE = "damaged"  # the detail of the action rows that report damage ("damaged", "destroyed", "fire broke out")


def _by_damage(text: str, cue: _Cue, damage: list[_Cue]) -> _Cue:
    """An attack that reports the damage it did is a strike, as officials and strike lists tell it ("three
    houses were damaged in a Russian attack on Zelene", "the attack on Tykhe damaged a school"): a damage
    cue at most :data:`_DAMAGE_GAP` characters from the attack, no comma or clause break between."""
    for c in damage:
        gap = text[c.end:cue.start] if c.end <= cue.start else text[cue.end:c.start]
        if len(gap) <= _DAMAGE_GAP and not any(ch in gap for ch in ",;:—–.\n"):
            return cue._replace(action=Action.STRUCK, detail=f"{cue.detail} ({_DAMAGE})")
    return cue


_DAMAGE_GAP = 40


_COUNT_BEFORE = re.compile(r"(?<![\w.,])\d+\s*(?:[-–]\s*)?$")


def _tallies(text: str, means: tuple, found: list[_Cue]) -> list[_Cue]:
    """A count of weapons in a clause with no verb is a strike tally: "94 БпЛА — Гуляйполе, Левадне",
    "12 drones: Nikopol, Marhanets" (strike lists give the weapons and the places they hit)."""
    out = []
    for h in means:
        if not _COUNT_BEFORE.search(text, max(0, h.start - 12), h.start):
            continue
        lo, hi = _clause_bounds(text, h.start, h.end)
        if not any(lo <= c.start < hi for c in found):
            out.append(_Cue(Action.STRUCK, f"strike tally: {h.text}", h.start, h.end, h.text))
    return out


_MEANS_BEFORE = 60  # characters from a weapon named before an attack cue to the cue ("33 БПЛА різної модифікації атакували")
_MEANS_AFTER = 40  # characters from an attack cue to its instrument ("attacked Belgorod with drones")
# the words before a weapon that make it an attack's instrument (the instrument rows of geo/rules/gap_words.jsonl)
_INSTRUMENT = frozenset(r.key for r in lookup_rows("gap_words") if r.cls == "instrument")


def _instrument(between: str) -> bool:
    """The words between an attack and a weapon after it make the weapon its instrument: at most two
    words ("attacked Belgorod with drones", "атакували дронами"), or any that end in with/by/з and at most one
    word after it ("attacked Belgorod with heavy drones", "attacked a civilian car with a drone", "attacked a car
    in Kherson with a drone": the object the attack hit, then its means)."""
    words = between.split()
    return len(words) <= 2 or any(w.casefold() in _INSTRUMENT for w in words[-2:])


def _by_means(text: str, cue: _Cue, means: tuple) -> _Cue:
    """An attack by stand-off weapons is a strike: "drones attacked Nikopol", "33 БПЛА атакували Тихе",
    "БПЛА-атаки по Тихому", "атакували дронами Тихе" (the ``means`` rows of ``actions.jsonl``).

    The weapon stands before the cue in its clause (the attack's subject), with no clause break and no
    other word of the table between, or right after it as its instrument ("attacked with drones").
    """
    lo, hi = _clause_bounds(text, cue.start, cue.end)
    for h in means:
        before = lo <= h.start and h.end <= cue.start and cue.start - h.end <= _MEANS_BEFORE
        after = cue.end <= h.start < hi and h.start - cue.end <= _MEANS_AFTER and _instrument(text[cue.end:h.start])
        if before or after:
            return cue._replace(action=Action.STRUCK, detail=f"{cue.detail} by {h.text}")
    return cue


def _scan_cues(text: str) -> tuple[_Cue, ...]:
    """The cues of ``_REGEX_CUES`` in ``text``."""
    found: list[_Cue] = []
    for action, detail, pattern in _REGEX_CUES:
        for m in pattern.finditer(text):
            word = m.group()
            if not _status_only(text, m.start(), word):
                found.append(_Cue(action, detail, m.start(), m.end(), word))
    return tuple(found)


def _find_cues(text: str, skip: tuple[int, int] | None = None) -> list[_Cue]:
    """The cues of ``text`` without overlaps (the longer one kept), in text order; none overlapping ``skip``."""
    cues = _all_cues(text)
    if skip and any(c.start < skip[1] and c.end > skip[0] for c in cues):
        # inside the mention itself ("Progress"): the overlaps are settled without it
        return _without_overlaps(tuple(c for c in cues if not (c.start < skip[1] and c.end > skip[0])))
    return list(_kept_cues(text))


@lru_cache(maxsize=32)
def _kept_cues(text: str) -> tuple[_Cue, ...]:
    """:func:`_find_cues` of a sentence (kept for its next mentions)."""
    return tuple(_without_overlaps(_all_cues(text)))


def _without_overlaps(cues: tuple[_Cue, ...]) -> list[_Cue]:
    """``cues`` without those overlapping a longer one (of two as long, the first given wins), in text order."""
    found = sorted(cues, key=lambda c: (-(c.end - c.start)))
    kept: list[_Cue] = []
    for cue in found:
        if all(cue.end <= k.start or cue.start >= k.end for k in kept):
            kept.append(cue)
    return sorted(kept, key=lambda c: c.start)


def _governing_cue(cues: list[_Cue], start: int, end: int, lo: int, hi: int, sentence: str) -> tuple[_Cue | None, int]:
    """The cue that governs the mention (:func:`_clause_cue`), and the clause start it was found from; an attempt
    that a passive outcome of its sentence closes (:func:`_outcomes`: "attempted an assault near A and B but were
    forced to retreat") gives way to the outcome, whatever clause the outcome stands in."""
    cue, lo = _clause_cue(cues, start, end, lo, hi, sentence)
    if cue is not None and cue.attempt < 0:
        closing = next((c for c in cues if c.attempt == cue.start), None)
        if closing is not None:
            return closing, lo
    return cue, lo


def _clause_cue(cues: list[_Cue], start: int, end: int, lo: int, hi: int, sentence: str) -> tuple[_Cue | None, int]:
    """The cue that governs the mention by its clause, and the clause start it was found from.

    A repelled cue in the clause wins, else the nearest cue before the mention, else the nearest
    after it. A clause without a cue after a ';' is a list item of the clause before it ("attacked
    near X; north of Y near Z"): it inherits that clause's cue; so is a list of names after a ':'
    ("завдав ударів по 12 населених пунктах: Гуляйполю, Оріхову"), its items parted by ';' too ("shelled
    settlements, including: A, X district; B, Y district"). A heading without a cue ("В районе
    X — позиционные бои", "X: пошкоджено будинок") takes the first cue of the clause after its dash or colon.
    """
    inside = [c for c in cues if lo <= c.start and c.end <= hi]
    if any(c.detail not in _WEAK for c in inside):
        inside = [c for c in inside if c.detail not in _WEAK]
    if not inside:
        # a try that names no action word, closed by its outcome in the clause after ("tried to regain the lost
        # position near A but failed", "спробували змінити обстановку в районах A, B, але були змушені відступити"):
        # the outcome governs the places of the try it closes
        closing = next((c for c in cues if 0 <= c.attempt < start and c.start >= end), None)
        if closing is not None:
            return closing, lo
        heading = _heading_next(sentence, lo, hi, start, end)
        if heading is not None:
            after = [c for c in cues if heading[0] <= c.start and c.end <= heading[1] and c.detail not in _WEAK]
            if after:
                return after[0], lo
        prev = _previous_clause_start(sentence, lo)
        if prev is None:
            prev = _colon_list_start(sentence, lo, start)
        if prev is None:
            prev = _dash_list_start(sentence, lo, start, end)
        while prev is not None and not inside:
            inside = [c for c in cues if prev <= c.start and c.end <= lo]
            lo, prev = prev, _previous_clause_start(sentence, prev)
            if prev is None and not inside and _dash_items_only(sentence[lo:_clause_bounds(sentence, lo, lo)[1]]):
                # the first item of a list whose items a ';' parts (a strike list grouped by district: "came under
                # fire, including: A, X district; B, C, Y district"): the list after a ':' takes that clause's verb
                prev = _colon_list_start(sentence, lo, lo)
        return (inside[-1] if inside else None), lo
    for c in inside:
        if c.action in _PRIORITY and not _own_conjunct(sentence, c, start, end, inside) \
                and not _later_conjunct(sentence, c, start, inside):
            return c, lo
    before = [c for c in inside if c.end <= start]
    after = [c for c in inside if c.start >= end and not _attributive_after(sentence, c)]
    rel = _relative_cue(sentence, end, hi, after)
    if rel is not None and before and before[-1].action in _TAKING and rel.action is Action.FIGHTING:
        # "forces have now entered X, where battles are going on": the entry or capture that names the place is the
        # event, the fighting of the relative clause goes on in the place it took
        return before[-1], lo
    if rel is not None:
        # a status in a relative clause describes the place, it claims no event there ("close to the Luhansk
        # region, which is almost entirely under Russian control")
        return (None if rel.detail in _WEAK else rel), lo
    if before:
        return before[-1], lo
    if after and after[0].detail in _WEAK and _RELATIVE_WORD.search(sentence, end, after[0].start):
        return None, lo  # "the Siverskyi Donets river which had been under full Russian control": a description
    return (after[0] if after else None), lo


def cue_at(sentence: str, at: int | None = None) -> _Cue | None:
    """The cue that would govern a place written at offset ``at`` of ``sentence`` (default: its end)
    with no cue after it: the rule of :func:`_governing_cue`, for a list whose members come later
    ("… відбили атаки біля трьох сіл. Серед них …": ``repelled``), with the modality its clause gives it
    (:func:`_clause_modality`, :func:`_with_modality`: "намагається активізувати наступ … Зокрема, поблизу X": an
    attack at X)."""
    at = len(sentence) if at is None else at
    cues = [c for c in _kept_cues(sentence) if c.end <= at]
    if not cues:
        return None
    cue, lo = _governing_cue(cues, at, at, 0, at, sentence)
    if cue is None:
        return None
    modality = _clause_modality(sentence, cue, cues, lo)
    action, detail = _with_modality(cue.action, cue.detail, modality)
    return cue._replace(action=action, detail=detail, modality=modality)


_MARK_REACH = 60  # characters from a modality mark (attempted, near) to the cue it modifies
# what a try makes an attack: a capture, an entry, an advance, fighting ("пытались контратаковать", "намагається штурмувати")
_ATTEMPTABLE = frozenset({Action.CAPTURED, Action.ENTERED, Action.ADVANCING, Action.FIGHTING})


def _clause_modality(sentence: str, cue: _Cue, cues, lo: int) -> str:
    """The modality of ``cue`` in its clause (from ``lo``): its row's own, else the last attempted or near mark of
    ``geo/rules/modality.jsonl`` at most :data:`_MARK_REACH` characters before it — not one past another cue and a
    comma ("предпринимают попытки контратаковать, но после того, как ВС России освободили X": the attempt is the
    counterattack's, X was taken; "tried to storm and take X" stays one attempt); no attempted mark for a row whose
    try is the thing itself (``attempt: same``: a try to relieve a ring is fighting at it, "пытаются деблокировать")."""
    if cue.modality != "done":
        return cue.modality
    marks = [h for h in _modality_hits(sentence, lo, cue.start, ("near",) if cue.tried_same else ("attempted", "near"))
             if h.start >= cue.start - _MARK_REACH and not any(
                 h.end <= c.start and c.end <= cue.start and "," in sentence[c.end:cue.start] for c in cues if c is not cue)]
    if marks:
        return marks[-1].cls
    return "expected" if _expected(sentence, cue, lo) or intended(sentence, cue, lo) else "done"


def intended(sentence: str, cue: _Cue, lo: int) -> bool:
    """Whether ``cue`` is a manoeuvre a side intends, plans or is tasked with: a row of ``intended: yes`` of
    ``geo/rules/actions.jsonl`` ("просунутися", "обійти", "охопити", "to advance", "to encircle") that an
    ``intention`` row of ``plan: yes`` of ``geo/rules/intentions.jsonl`` (a side's plan, aim or task: "plan", "aim",
    "планують", "завдання"; not a modal's or a wish's) governs directly, in its clause from ``lo``: nothing
    between them but other such rows, list conjunctions (``geo/rules/conjunctions.jsonl``) and a dash ("Російські
    війська планують просунутися до X", "завдання — обійти та охопити X", "Russian forces aim to encircle X"). Such a
    place is no background: the side stands before it, an advance there with the modality ``expected``. A capture
    intended stays a hypothesis (it says nothing of where the troops are), and so does a manoeuvre a modal only
    weighs ("would need months to advance on X"). A dash that opens the clause stands for "is" after the intention's
    noun ("Завдання — обійти X"): the clause before it is read too."""
    if not cue.intended:
        return False
    head = sentence[:lo].rstrip()
    if head[-1:] in ("—", "–"):
        lo = _clause_bounds(sentence, len(head) - 1, len(head) - 1)[0]
    kinds = read_all_kinds(sentence)
    others = [(h.start, h.end) for h in kinds.get(("actions", "action"), ()) if h.get("intended") == "yes"]
    for h in kinds.get(("intentions", "intention"), ()):
        if h.get("plan") != "yes" or not (lo <= h.start and h.end <= cue.start):
            continue
        gap = sentence[h.end:cue.start]
        for a, b in sorted(others, reverse=True):
            if h.end <= a and b <= cue.start:
                gap = gap[:a - h.end] + " " + gap[b - h.end:]
        if all(w in _INTENDED_GLUE for w in gap.casefold().split()):
            return True
    return False


# what may stand between an intention and the manoeuvre it governs: list conjunctions (geo/rules/conjunctions.jsonl)
# and a dash ("завдання — обійти та охопити X")
_INTENDED_GLUE = frozenset({r.key for r in lookup_rows("conjunctions") if r.cls == "list"} | {"—", "–", "-"})


_EXPECTED_AFTER = 30  # characters from a capture to a forecast's mark after it ("may be liberated very soon")
_EXPECTABLE = frozenset({Action.CAPTURED, Action.ENTERED})  # what a forecast leaves undone: a capture, an entry


def _expected(sentence: str, cue: _Cue, lo: int) -> bool:
    """Whether a capture or an entry is forecast, not done: an ``expected`` row of ``geo/rules/modality.jsonl``
    ("soon", "в ближайшее время", "найближчим часом") in its clause (from ``lo``), at most :data:`_MARK_REACH`
    characters before it or :data:`_EXPECTED_AFTER` after it, nothing that sets it apart between (:data:`_SET_APART`:
    "захопили X, і «скоро захоплять» Y" foretells Y, not X) and no "after" right after it ("soon after": a time); "A
    and B may be liberated very soon", "скоро будет освобождён X". A place whose fall is foretold is still being fought
    for: fighting there."""
    if cue.action not in _EXPECTABLE:
        return False
    hi = _clause_bounds(sentence, cue.start, cue.end)[1]
    for h in _modality_hits(sentence, lo, hi, ("expected",)):
        if _TIME_AFTER.match(sentence, h.end):
            continue  # "soon after Russian forces captured X": a time, the capture done
        if cue.start - _MARK_REACH <= h.start and h.end <= cue.start:
            between = sentence[h.end:cue.start]
        elif cue.end <= h.start and h.end <= min(hi, cue.end + _EXPECTED_AFTER):
            between = sentence[cue.end:h.start]
        else:
            continue
        if not _SET_APART.intersection(between):
            return True
    return False


_SET_APART = frozenset(",;:()—–\n«»\"“”")  # a mark set apart from the capture by these is another verb's ("захопили X, і скоро …")
_TIME_AFTER = re.compile(r"(?<!\s)\s+(?:after|afterwards|before|thereafter|после|після)\b", re.IGNORECASE)


def _with_modality(action: Action, detail: str, modality: str) -> tuple[Action, str]:
    """What a modality makes of an action: ``near`` (close to taking) an advance, ``attempted`` a try to take,
    enter, advance or fight an attack, ``expected`` a capture foretold fighting, a manoeuvre planned an advance."""
    if modality == "near":
        return Action.ADVANCING, f"near: {detail}"
    if modality == "expected" and action in _EXPECTABLE:
        return Action.FIGHTING, f"expected: {detail}"
    if modality == "expected":  # a manoeuvre planned (:func:`intended`): an advance, whatever the verb
        return Action.ADVANCING, f"planned: {detail}"
    if modality == "attempted" and action in _ATTEMPTABLE:
        return Action.ATTACKED, f"attempted: {detail}"
    return action, detail


# "in the areas of A, B and C, and repelled a counterattack": a verb that opens the next conjunct
_CONJUNCT_BEFORE = _c(r"(?P<comma>,\s*|\s)(?:and|и|і|та|а\s+также|а\s+також)\s+(?P<rest>(?:\w+\s+){0,2})$")


def _own_conjunct(sentence: str, cue: _Cue, start: int, end: int, inside: list[_Cue]) -> bool:
    """A cue after the mention that opens a conjunct of its own governs its own object, not the list
    before it, when another cue governs that list ("inflicted losses … in the areas of A, B and C,
    and repelled a counterattack": A, B, C are not repelled). So does a stop verb after a counted attack
    noun that opens a clause of its own (:data:`_COUNTED_OPEN`): the Russian MoD bulletin's place-less
    "N counter-attacks were repelled" after its list ("hit formations … close to A and B, and three
    counter-attacks were repelled": A and B stay fighting)."""
    return (cue.start >= end and any(c.end <= start for c in inside)
            and (_conjunct_before(sentence, end, _verb_start(cue))
                 or _counted_clause(sentence, cue, start, end, inside)))


def _conjunct_before(sentence: str, end: int, stop: int) -> bool:
    """Whether a conjunct opens between a mention's ``end`` and the verb at ``stop`` (:data:`_CONJUNCT_BEFORE`); not
    where the conjunction, without a comma, joins the list's last name, whose predicate follows it and so is the whole
    list's ("attempts to advance toward A and B remain unsuccessful", "спроби … в напрямку A та B залишаються
    безуспішними": A is repelled too). A name is a capitalised word, not an abbreviation ("и ВСУ отбили": a subject)."""
    m = _CONJUNCT_BEFORE.search(sentence, end, stop)
    if m is None:
        return False
    first = m.group("rest").split()[:1]
    return "," in m.group("comma") or not (first and first[0][:1].isupper() and not first[0].isupper())


def _verb_start(cue: _Cue) -> int:
    """Where the verb of a cue starts: a passive outcome's last word ("were repelled": "repelled"; its auxiliary
    is no word of a conjunct's subject, as in "…, and 12 attacks were repelled"), else the cue's start."""
    return cue.start + cue.text.rfind(" ") + 1 if cue.attempt >= 0 else cue.start


def _counted_clause(sentence: str, cue: _Cue, start: int, end: int, inside: list[_Cue]) -> bool:
    """Whether the stop verb ``cue`` after the mention has a counted attack noun of its own for subject, opening a
    clause after the list (:data:`_COUNTED_OPEN`), and the list's own verb is not an attack (an attack list stays the
    stop verb's: "attacked near A and B, and 12 attacks were repelled")."""
    governing = [c for c in inside if c.end <= start]
    return bool(governing) and governing[-1].action is not Action.ATTACKED and any(
        d.action is Action.ATTACKED and end <= d.start and d.end <= cue.start and _COUNTED_OPEN.search(sentence, end, d.start)
        for d in inside)


# "Two attacks were repelled, with fighting ongoing near X": a cue that opens a conjunct after a comma
_CONJUNCT_OPEN = _c(r",\s*(?:and|with)\s+(?:[\w'’-]+\s+){0,3}$")


def _later_conjunct(sentence: str, cue: _Cue, start: int, inside: list[_Cue]) -> bool:
    """A cue before the mention that opens a conjunct of its own after the priority cue governs the places after
    it ("Two attacks were repelled, with fighting ongoing near X": X is fighting, not repelled; English General
    Staff retellings join the day's repelled attacks and the fighting still going on this way). A counted attack
    noun there is more of the stop verb's object, no conjunct of its own ("repelled nine attacks near A, and 16 more
    attacks near B", "відбили 9 атак біля A та ще 16 атак біля B": B is repelled too)."""
    return cue.end <= start and any(
        cue.end <= c.start and c.end <= start and _CONJUNCT_OPEN.search(sentence, cue.end, c.start)
        and not _more_objects(sentence, cue, c, inside)
        for c in inside if c is not cue)


def _more_objects(sentence: str, cue: _Cue, c: _Cue, inside: list[_Cue]) -> bool:
    """Whether the cue ``c`` after the stop verb ``cue`` is a counted noun of more of its object (:data:`_MORE_OBJECTS`):
    an attack noun, or the noun of the object itself said again ("repelled two assaults near A, and another three
    assaults near B"; not "two clashes continue near B" after "attacks")."""
    if not _MORE_OBJECTS.search(sentence, cue.end, c.start):
        return False
    if c.action is Action.ATTACKED:
        return True
    head = c.text.split()[0].casefold()
    return any(d is not c and cue.end <= d.start and d.end <= c.start and d.text.split()[0].casefold() == head
               for d in inside)


# ", and 16 more attacks", "and another five attacks", "та ще 16 атак", "и еще пять атак": a count (digits, an English
# number row of geo/rules/distance_words.jsonl) or "another"/"ще"/"еще" after the conjunction, an attack noun after it
_COUNT_WORDS = rows_pattern(r for r in lookup_rows("distance_words") if r.cls == "number" and r.lang == "en"
                            and r.key.isalpha())
_MORE_OBJECTS = _c(r"(?:,\s*|\s)(?:and|та|і|й|и)\s+(?:(?:another|ще|еще)\s+(?:[\w'’]+\s+)?|(?:\d+|" + _COUNT_WORDS
                   + r")\s+(?:more\s+|other\s+)?)(?:[\w'’]+\s+)?$")

# ", and three counter-attacks", ", 3 Ukrainian counter-attacks", " and two attacks": a count that opens a clause whose
# subject is the attack noun after it (a comma or a conjunction before it)
_COUNTED_OPEN = _c(r"(?:,\s*(?:and\s+|while\s+|и\s+|і\s+|та\s+)?|\s(?:and|и|і|та)\s+)(?:\d+|" + _COUNT_WORDS
                   + r")\s+(?:[\w'’-]+\s+)?$")


_DETERMINER_BEFORE = _c(r"\b(?:the|a|newly|recently|all|two|three|several|other)\s+$")
# a relative clause right after the name, or after its appositive of a few lower-case words ("Kurakhove, a key logistics
# hub that Moscow claimed to have seized"; "Toretsk, a larger town which Russian forces have advanced toward"): read
# with match, the one opening geo.dates dates the clause by
_RELATIVE_AFTER = re.compile(RELATIVE_OPENING)
_RELATIVE_WORD = _c(r"\b(?:which|where|that)\b")  # the words of _RELATIVE_AFTER, anywhere between a name and a status
_GENERIC_PLACES = _c(r"^\s+(?:villages?|settlements?|towns?|cities|city|territor(?:y|ies)|areas?|lands?|positions|localities)\b")


def _attributive_after(sentence: str, cue: _Cue) -> bool:
    """A participle used as an adjective ("the liberated villages"): it governs that noun, not a name before it."""
    # the cheap tests first: most cues are no participle, and the search reads the sentence up to the cue
    return bool(cue.text.casefold().endswith("ed") and _GENERIC_PLACES.match(sentence[cue.end:])
                and _DETERMINER_BEFORE.search(sentence[:cue.start]))


def _relative_cue(sentence: str, end: int, hi: int, after: list[_Cue]) -> _Cue | None:
    """A cue in a relative clause right after the mention ("X, which Russia claimed to have seized"), or after an
    appositive that names what the place is ("X, a key hub that Russia claimed to have seized"); an appositive that
    holds a speech word is a speaker's clause, not the place's ("X, the ministry said that …")."""
    rel = _RELATIVE_AFTER.match(sentence[end:hi])
    if rel and after:
        if rel.group("apposition") and any(end + rel.start("apposition") <= h.start < end + rel.end("apposition")
                                           for h in read_kinds(sentence).get(("speech", "speech"), ())):
            return None
        return after[0]
    return None


def _negation(sentence: str, cue: _Cue, lo: int) -> tuple[bool, str]:
    """(negated, how) for a cue: 'fail' for failed attempts, 'neg' for plain negation."""
    if _failed_before(sentence, max(lo, cue.start - 60), cue.start):
        return True, "fail"
    if _negated_before(sentence, max(lo, cue.start - 45), cue.start):
        return True, "neg"
    if _no_evidence(sentence, lo, cue.start):
        return True, "neg"
    return False, ""


def _word_spans(sentence: str, table: str, cls: str) -> list[tuple[int, int]]:
    """The spans of the rows of (``table``, ``cls``) in ``sentence``, inside a longer phrase of another kind too
    ("tried" of "tried to advance", "not" of "could not verify"): :func:`~geo.rules.matcher.read_all_kinds`."""
    return [(h.start, h.end) for h in read_all_kinds(sentence).get((table, cls), ())]


_NEG_REACH = 40  # characters from a negation to its cue


def _negated_before(sentence: str, lo: int, stop: int) -> bool:
    """"did not capture", "denied that … took": a ``negation`` row of ``geo/rules/modality.jsonl`` in
    ``sentence[lo:stop]``, at most :data:`_NEG_REACH` characters before the cue at ``stop``, in the same clause; not
    one inside an ``attempted`` phrase ("не смогли прорваться", "не вдалося просунутися": a failed try, an attempt)."""
    tries = [(h.start, h.end) for h in read_kinds(sentence).get(("modality", "attempted"), ())]
    return any(lo <= start and stop - end <= _NEG_REACH and end <= stop and not any(c in ".;" for c in sentence[end:stop])
               and not any(a <= start and end <= b for a, b in tries)
               for start, end in _word_spans(sentence, "modality", "negation"))


def _failed_before(sentence: str, lo: int, stop: int) -> bool:
    """"failed to break through", "were unable to advance": a ``failure`` row of ``geo/rules/modality.jsonl`` in
    ``sentence[lo:stop]``, then "to" within two words, then at most one word to the cue at ``stop``."""
    for start, end in _word_spans(sentence, "modality", "failure"):
        if start < lo or end > stop:
            continue
        rest = sentence[end:stop]
        words = rest.split()
        if not (rest[:1].isspace() and rest[-1:].isspace() and all(_WORD.fullmatch(w) for w in words)):
            continue
        if any(w.lower() == "to" and len(words) - i - 1 <= 1 for i, w in enumerate(words[:3])):
            return True
    return False


def _words_between(sentence: str, end: int, start: int, most: int) -> bool:
    """Whether ``sentence[end:start]`` is whitespace, up to ``most`` words, whitespace (no punctuation)."""
    gap = sentence[end:start]
    words = gap.split()
    return (end < start and gap[0].isspace() and gap[-1].isspace() and len(words) <= most
            and all(_WORD.fullmatch(w) for w in words))


def _no_evidence(sentence: str, lo: int, stop: int) -> bool:
    """"no evidence", "has not seen any footage" in ``sentence[lo:stop]``: an ``evidence`` row of
    ``geo/rules/modality.jsonl`` after an ``evidence-none`` ("no"), or after an ``evidence-seen`` ("seen") after an
    ``evidence-not`` ("not"), at most two words apart."""
    def spans(cls: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e in _word_spans(sentence, "modality", cls) if lo <= s and e <= stop]

    nouns = spans("evidence")
    if not nouns:
        return False
    for ns, _ne in nouns:
        if any(_words_between(sentence, e, ns, 2) for _s, e in spans("evidence-none")):
            return True
        for ss, se in spans("evidence-seen"):
            if _words_between(sentence, se, ns, 2) and any(_words_between(sentence, e, ss, 2) for _s, e in spans("evidence-not")):
                return True
    return False


def _modality_hits(sentence: str, lo: int, stop: int, classes: tuple[str, ...] = ("attempted", "near", "denied")) -> list:
    """The modality rows of the rule table (attempted, near, denied; or ``classes``) in ``sentence[lo:stop]``."""
    kinds = read_kinds(sentence)
    return [h for cls in classes for h in kinds.get(("modality", cls), ())
            if lo <= h.start and h.end <= stop]


def _hedged(sentence: str, lo: int = 0, hi: int | None = None) -> bool:
    """Whether ``sentence[lo:hi]`` holds a hedge ("reportedly", "claimed", "not confirmed"): a ``hedge`` row of
    ``geo/rules/modality.jsonl``, from the sentence's one matcher pass."""
    hi = len(sentence) if hi is None else hi
    return any(lo <= h.start and h.end <= hi for h in read_kinds(sentence).get(("modality", "hedge"), ()))


def _hypothetical(sentence: str, cue: _Cue, lo: int, skip: tuple[int, int] | None = None) -> bool:
    """The cue is an intention, a condition or a future ("aimed to occupy", "would advance", "if ... captured"): an
    ``intention`` row of ``geo/rules/intentions.jsonl`` at most :data:`_INTENTION_WORDS` words before it, a goal
    (:func:`_goal_is`), or a premise: a ``consequence`` row after it whose subject it is ("Seizing X would allow …",
    "взятие Константиновки позволит …": what the action would bring, :func:`_premise`). A row inside ``skip`` (the mention's own span: "May" of a place
    machine-translated as "First May") is a letter of the name, not a word of the sentence, as for the cues
    (:func:`_find_cues`)."""
    kinds = read_all_kinds(sentence)
    for h in kinds.get(("intentions", "intention"), ()):  # "could" of the hedge "could have" too
        if skip and h.start < skip[1] and h.end > skip[0]:
            continue
        if _month_written(sentence, h.start, h.end):
            continue  # "Geolocated footage published on May 28 indicates …": a day, not a modal
        if lo <= h.start and h.end <= cue.start:
            rest = sentence[h.end:cue.start]
            if (not rest or rest[0].isspace()) and len(rest.split()) <= _INTENTION_WORDS:
                return True
    return _goal_is(sentence, lo, cue.start) or _premise(sentence, cue, lo, skip)


# the determiners that may open a clause whose subject is an action ("The capture of X would allow …", "Its liberation
# could allow …"): the English determiner rows of geo/rules/back_references.jsonl
_DETERMINERS = frozenset(r.key for r in lookup_rows("back_references") if r.cls == "determiner" and r.lang == "en")
_PREMISE_REACH = 8  # words between an action that opens its clause and what it would bring about ("would allow")
_SET_OFF = frozenset(",;:.—–\n")  # marks that end a clause where every clause is set off (Russian, Ukrainian)


def _premise(sentence: str, cue: _Cue, lo: int, skip: tuple[int, int] | None = None) -> bool:
    """The cue is the subject of a ``consequence`` row of ``geo/rules/intentions.jsonl`` that follows it in its clause
    at most :data:`_PREMISE_REACH` words on: an action weighed, not done.

    The cue is the subject where it opens its clause, alone or after a determiner ("Seizing X would allow Russian
    forces to threaten Y", "The capture of X could open …"); after a row of ``after: capture``, a capture anywhere
    in the clause with no mark of :data:`_SET_OFF` between ("Эксперт считает, что освобождение Константиновки …
    может повлиять", "…, взятие которой позволит …": a language that sets every clause off by a comma leaves the
    capture noun its subject). A row inside ``skip`` (the mention's own span) is a letter of the name."""
    head = sentence[lo:cue.start].split()
    opens = not head or (len(head) == 1 and head[0].casefold() in _DETERMINERS)
    hi = _clause_bounds(sentence, cue.start, cue.end)[1]
    for h in read_all_kinds(sentence).get(("intentions", "consequence"), ()):
        between = sentence[cue.end:h.start]
        if h.start < cue.end or len(between.split()) > _PREMISE_REACH or (skip and h.start < skip[1] and h.end > skip[0]):
            continue
        if (opens and h.end <= hi) or (h.get("after") == "capture" and cue.action is Action.CAPTURED
                                      and not _SET_OFF.intersection(between)):
            return True
    return False


_INTENTION_WORDS = 8  # words between an intention and its cue
# a month whose name is also a word of another kind ("May"): the calendar rows of geo/rules/calendar.jsonl that count
# as a month only capitalised (``case: title``); written so, with a day's number next to it, it is a date
_TITLE_MONTHS = frozenset(r.key for r in lookup_rows("calendar") if r.cls == "month" and r.get("case") == "title")
_DAY_AFTER = re.compile(r"(?<!\s)\s++\d{1,2}(?!\d)")
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}\s++$")


def _month_written(sentence: str, start: int, end: int) -> bool:
    """Whether ``sentence[start:end]`` is a month's name as a date writes it ("May 28", "28 May"), not the word."""
    word = sentence[start:end]
    return (word.casefold() in _TITLE_MONTHS and word[:1].isupper()
            and bool(_DAY_AFTER.match(sentence, end) or _DAY_BEFORE.search(sentence, max(0, start - 4), start)))


_WORD = re.compile(r"\w+")
_GOAL_REACH = 80  # characters from a goal's word to its "is"
_GOAL_WORDS = 3  # words from "is" to the cue


def _goal_is(sentence: str, lo: int, stop: int) -> bool:
    """"the main objective of Russia in this sector is the complete occupation of X": a goal (a ``goal`` row of
    ``geo/rules/intentions.jsonl``), within :data:`_GOAL_REACH` characters of the same clause its ``goal-verb``
    ("is", "remains"), and at most :data:`_GOAL_WORDS` words from that to the cue at ``stop``."""
    kinds = read_all_kinds(sentence)  # "is said" of the hedge "is said to" too
    goals = [g for g in kinds.get(("intentions", "goal"), ()) if lo <= g.start]
    if not goals:
        return False
    for verb in kinds.get(("intentions", "goal-verb"), ()):
        if verb.start < lo or verb.start >= stop:
            continue
        rest = sentence[verb.start:stop]
        words = rest.split()
        if not (rest[-1:].isspace() and len(words) - 1 <= _GOAL_WORDS and all(_WORD.fullmatch(w) for w in words)):
            continue
        if any(g.end <= verb.start and verb.start - g.end <= _GOAL_REACH and not any(c in ".;" for c in sentence[g.end:verb.start])
               for g in goals):
            return True
    return False


def _toward(sentence: str, lo: int, start: int) -> str:
    """The ``toward`` row of ``geo/rules/actions.jsonl`` whose list holds the mention at ``start`` ("зупинили 113 атак
    в районах A, B та в напрямку C, D": C and D are where the attacks were headed, not where they were stopped), or
    ''. Only names, commas and conjunctions stand between it and the mention, in its clause from ``lo``."""
    for h in reversed(read_kinds(sentence).get(("actions", "toward"), ())):
        if lo <= h.start and h.end <= start:
            return h.text if _names_only(sentence[h.end:start]) else ""
    return ""


# a word that may be a place's name: capitalised, not the first of its text (matched inside a parenthesis)
_NAME_WORD = re.compile(r"(?<=[\s,;:«\"“'’-])[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]+")


def _own_places(sentence: str, lo: int, hi: int, cues: list[_Cue]) -> bool:
    """Whether ``sentence[lo:hi]`` names a place of its own: a capitalised word past its first that is no word of a
    cue in ``cues`` and that no row of ``geo/rules/speakers.jsonl`` reads (a speaker or an actor, "DeepState", "the
    Russians", is no place; inside a longer phrase too: "controlled by the Russians")."""
    taken = [(h.start, h.end) for (table, _cls), hits in read_all_kinds(sentence).items() if table == "speakers"
             for h in hits] + [(q.start, q.end) for q in cues]
    return any(not any(a <= m.start() < b for a, b in taken) for m in _NAME_WORD.finditer(sentence, lo, hi))


def parenthesis_scope(sentence: str, start: int, end: int, lo: int, hi: int,
                      cues: list[_Cue]) -> tuple[int, int, list[_Cue], tuple[tuple[int, int], ...]]:
    """The clause of the mention at ``start:end`` and the cues that may govern it, a parenthesis being a clause of
    its own: a parenthesis that holds a cue and a place of its own (:func:`_own_places`) has its own verb and its own
    places ("Russian forces are advancing near A (with DeepState marking the village of B as captured) and north of
    it, near C": B captured, A and C advancing). A mention inside one takes its clause from the parenthesis; one
    outside takes none of its cues. Returns (lo, hi, cues, the spans of the parentheses closed to the mention).

    A parenthesis with a cue but no place of its own ("Robotyne (taken last week)") describes the place before it
    and stays in its clause."""
    closed = []
    for o, c in parentheses(sentence):
        inner = [q for q in cues if o <= q.start and q.end <= c]
        if not inner:
            continue
        if o <= start and end <= c:
            return max(lo, o), min(hi, c), cues, ()
        if _own_places(sentence, o, c, inner):
            closed.append((o, c))
    if closed:
        cues = [q for q in cues if not any(o <= q.start and q.end <= c for o, c in closed)]
    return lo, hi, cues, tuple(closed)
