"""What happened at a place: the cues of a sentence (the English regex cues and the action rows of
``geo/rules/actions.jsonl``), the cue that governs a mention, negation, hedging, intentions and modality.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from geo.rules.matcher import read_kinds
from geo.model import Action
from geo.claims.matching import _Both, _GATE, _GatedTable, _I, _add_twins, _c, _finditer, _found, _gate_bits, _gated, _search_last_words, _stem_mask
from geo.claims.clauses import _previous_clause_start

__all__ = []

# Nouns that turn "assault"/"strike"/"attack" into a modifier, not an event ("assault groups").
_MODIFIED = (
    r"(?!\s+(?:groups?|units?|detachments?|brigades?|forces|troops|squads?|teams?|regiments?|"
    r"battalions?|aviation|companies|company|infantry|drones?|aircraft|helicopters?|vehicles?|"
    r"weapons?|rifles?|capabilit\w+|potential|echelons?|elements?)\b)"
)


# (action, detail, stems, pattern). On overlapping matches the longer one wins, then the earlier row.
# Every match holds one of the row's stems (lower-cased; a _Both row: one of each of its two sets): a
# sentence runs only the rows whose stems it holds (see _StemGate), not some sixty regex passes.
_CUES: tuple[tuple[Action, str, tuple[str, ...] | _Both, re.Pattern[str]], ...] = (
    # partial control and expanding control are not captures
    (Action.FIGHTING, "partial control", _Both(("control",), ("%", "cent")),
     _c(r"\bcontrol(?:s|led|ling)?\s+(?:over\s+|of\s+)?(?:about\s+|almost\s+|nearly\s+|more\s+than\s+|over\s+|up\s+to\s+)?"
        r"\d+\s*(?:%|per\s*cent|percent)")),
    (Action.ADVANCING, "expanded control",
     _Both(("expand", "extend", "widen", "consolidat"), ("control", "zone", "foothold", "positions", "bridgehead", "gains")),
     _c(r"\b(?:expand|extend|widen|consolidat)\w*\s+(?:\w+\s+){0,2}?(?:control|zone|foothold|positions|bridgeheads?|gains)")),
    # captured ("liberated", "captured", "seized", "occupied": geo/rules/actions.jsonl)
    (Action.CAPTURED, "took control", _Both(("control",), ("took", "take", "taking", "establish", "gain", "assum", "seiz", "restor")),
     _c(r"\b(?:took|taken|take|takes|taking|establish\w*|gain\w*|assum\w+|seiz\w+|regain\w*|"
        r"restor\w*)\s+(?:full\s+|complete\s+|total\s+)?control\b")),
    (Action.CAPTURED, "took control", _Both(("control",), ("taken",)), _c(r"\btaken\s+under\s+(?:full\s+)?control\b")),
    (Action.CAPTURED, "took control", _Both(("control",), ("effective", "full", "complete", "total")),
     _c(r"\b(?:effective|full|complete|total)\s+control\b")),
    (Action.CAPTURED, "took control", _Both(("under",), ("control", "administration")), _c(r"\b(?:came|come|comes|coming|fell|passed|brought)\s+under\s+(?:\w+\s+){0,2}?(?:control|administration)\b")),
    (Action.CAPTURED, "took", ("took", "taken"), _c(r"\b(?:took|retook|retaken|taken)\b(?!\s+(?:part|place|measures|steps|up|off|over\s+\d))")),
    (Action.CAPTURED, "expelled", ("expell", "drove", "driv", "ousted", "pushed", "knocked", "kicked", "cleared"),
     _c(r"\b(?:expell\w*|drove|driven|driving|ousted|pushed|knocked|kicked|cleared)\s+(?:the\s+)?(?:enemy|ukrainian\w*|russian\w*|"
        r"afu|\w+\s+(?:forces|troops|units))\s+(?:\w+\s+)?(?:out\s+of|from)\b")),
    (Action.CAPTURED, "cleared", ("complete", "finish"), _c(r"\b(?:completed?|finish\w*)\s+(?:the\s+)?(?:clearing|clearance|mopping)\b")),
    # a status, not an event: only when nothing else in the clause says what happened (see _WEAK)
    (Action.CAPTURED, "under control", ("controlled", "occupied", "held"),
     _c(r"\b(?:russian|enemy|russia)[\s-](?:controlled|occupied|held)\s+(?:territor(?:y|ies)|areas?|zones?|lands?)\b")),
    (Action.CAPTURED, "flag raised", _Both(("flag",), ("rais", "hoist", "plant", "hang", "hung")), _c(r"\b(?:rais\w+|hoist\w*|plant\w*|hang\w*|hung)\s+(?:up\s+)?(?:of\s+)?(?:a|the|their)\s+(?:\w+\s+){0,2}flags?\b")),
    (Action.CAPTURED, "fell", ("fell", "fall", "surrender"), _c(r"\b(?:fell|fall\s+of|has\s+fallen|surrender\w*\s+of)\b")),
    (Action.ADVANCING, "enemy withdrew", _Both(("withdr", "retreat", "pull"), ("from",)), _c(r"\b(?:withdr[ae]w\w*|retreat\w*|pull\w*\s+out)\s+(?:\w+\s+){0,3}?from\b")),
    # Russian and Ukrainian cues: geo/rules/actions.jsonl (read by geo.rules.matcher)
    # entered
    (Action.ENTERED, "entered", ("enter",), _c(r"\b(?:entered|enters|entering|enter)\b(?!\s+into\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}?(?:agreements?|talks|negotiations|force|dialogue|co-?operation|deal))")),
    (Action.ENTERED, "in the outskirts", _Both(("reach",), ("outskirts", "edge")), _c(r"\b(?:reached|reaching|reach)\s+the\s+(?:\w+\s+)?(?:outskirts|edge)\b")),
    # fighting
    (Action.FIGHTING, "encircled", ("encircl", "surround", "trapped", "cauldron", "pocket", "besieg", "siege", "blockad"), _c(r"\b(?:encircl\w+|surround\w*|trapped|cauldron|pocket|besieg\w+|siege|blockad\w+|semi-encircl\w+)\b")),
    (Action.FIGHTING, "clearing", ("mop", "clearing", "sweep"), _c(r"\b(?:mopping[\s-]up|mop[\s-]up|clearing|sweep\w*)\b")),
    (Action.FIGHTING, "storming", ("storm",), _c(r"\bstorm(?:ed|ing|s)?\b(?!\s+shadow)")),
    (Action.FIGHTING, "fighting", ("fight", "fought", "battl", "clash", "combat", "hostilities", "skirmish", "engagement"), _c(r"\b(?:fighting(?!\s+vehicles?)|fights?|fought|battles?|battling|clash(?:es|ed)?|combat(?!\s+(?:vehicles?|aircraft|engineers?|ready|readiness|losses|effectiveness|power|experience))|"
                                     r"hostilities|skirmish\w*|firefights?|engagements?)\b")),
    (Action.FIGHTING, "fighting", ("assault",), _c(r"\bassaults?\s+(?:in|on|near|for|around|against)\b")),
    (Action.FIGHTING, "contested", ("contested", "gray", "grey", "land"), _c(r"\b(?:contested|gr[ae]y\s+zone|gr[ae]y\s+area|no[\s-]man'?s[\s-]land)\b")),
    (Action.FIGHTING, "operating", ("operat", "activ"), _c(r"\b(?:operat(?:ing|es?|ed)|active|activity)\s+(?:in|near|around|within|inside|on)\b")),
    (Action.FIGHTING, "resistance", ("resistance", "defence", "defense", "defending", "holding"), _c(r"\b(?:resistance|defen[cs]e\s+of|defending|holding\s+out)\b")),
    # advancing
    (Action.ADVANCING, "pushed", ("push",), _c(r"\bpush(?:ed|es|ing)?\b")),
    (Action.ADVANCING, "moved forward",
     _Both(("mov",), ("forward", "closer", "toward", "westward", "eastward", "northward", "southward")), _c(r"\b(?:mov\w+|mov\w+)\s+(?:forward|closer|towards?|westward|eastward|northward|southward)\b")),
    (Action.ADVANCING, "gained ground", ("gain", "progress"), _c(r"\b(?:gain(?:ed|ing|s)?\s+ground|made\s+(?:\w+\s+)?gains|gains|progress(?:ed|ing)?)\b", 0)),
    (Action.ADVANCING, "breakthrough", ("through",), _c(r"\b(?:breakthroughs?|broke\s+through|break\s+through|breaking\s+through)\b")),
    (Action.ADVANCING, "bridgehead", ("bridgehead", "foothold"), _c(r"\b(?:bridgeheads?|foothold)\b")),
    (Action.ADVANCING, "approached", ("approach", "closing", "threat"), _c(r"\b(?:approach(?:ed|ing)|closing\s+in|threat\s+to)\b")),
    (Action.ADVANCING, "cut road", _Both(("cut",), ("road", "route", "highway", "suppl", "logistics")), _c(r"\bcut(?:s|ting)?\s+(?:off\s+)?(?:the\s+)?(?:\w+\s+)?(?:road|roads|route|highway|supply|supplies|logistics)\b")),
    (Action.ADVANCING, "moving", ("mov", "head", "thrust"), _c(r"\b(?:movement|moving|heading|headed|thrust)\s+(?:\w+\s+)?(?:toward|towards|to|on|north|south|east|west)\w*\b")),
    (Action.ADVANCING, "reached", ("reach",), _c(r"\b(?:reached|reaching)\b")),
    (Action.ADVANCING, "rolled back", ("back",), _c(r"\b(?:roll\w*|driven|pushed|thrown|forced)\s+back\b")),
    (Action.ADVANCING, "offensive towards", ("offensive", "drive", "thrust", "push"), _c(r"\b(?:offensive|drive|thrust|push)\s+(?:toward|towards|on|against)\b")),
    # attacked
    (Action.ATTACKED, "attacked", ("attack",), _c(r"\b(?:counter-?)?attack(?:ed|s|ing)?\b" + _MODIFIED)),
    (Action.ATTACKED, "assaulted", ("assault",), _c(r"\bassault(?:ed|ing|s)?\b" + _MODIFIED)),
    (Action.ATTACKED, "offensive operations", ("offensive",), _c(r"\boffensive(?:\s+(?:operations?|actions?|efforts?|pressure))?\b" + _MODIFIED)),
    (Action.ATTACKED, "raid", ("raid",), _c(r"\braid(?:s|ed)?\b")),
    (Action.ATTACKED, "attempted", _Both(("attempt",), (
        "advance", "break", "storm", "counter", "attack", "assault", "capture", "seize", "retake", "enter")), _c(r"\battempt\w*\s+(?:\w+\s+)?to\s+(?:advance|break|storm|counter\w*|attack|assault|capture|seize|retake|enter)\b")),
    # struck
    (Action.STRUCK, "struck", ("struck", "strik"), _c(r"\b(?:struck|strik(?:es?|ing)|airstrikes?|air\s+strikes?)\b" + _MODIFIED)),
    (Action.STRUCK, "hit", ("hit",), _c(r"\bhit(?:s|ting)?\b")),
    (Action.STRUCK, "shelled", ("shell", "bomb", "fire"), _c(r"\b(?:shell(?:ed|ing|s)|bomb(?:ed|ing|ings|ardment|arded)|artillery\s+fire|mortar\s+fire|rocket\s+fire)\b")),
    (Action.STRUCK, "targeted", ("target",), _c(r"\btarget(?:ed|ing|s)\b")),
    (Action.STRUCK, "damaged", ("damag", "destroy", "explosion", "blast", "fire"), _c(r"\b(?:damag(?:ed|ing)|destroy(?:ed|ing)|explosions?|blasts?|fires?\s+(?:broke\s+out|at|in))\b")),
    (Action.STRUCK, "missile", _Both(("missile", "drone", "rocket", "bomb"), ("attack", "strike", "hit")), _c(r"\b(?:missile|drone|rocket|glide\s+bomb)\s+(?:attacks?|strikes?|hits?)\b")),
    (Action.OTHER, "denied", _Both(("denied", "denies", "deny", "refut", "rejected", "dismissed"),
                                   ("claim", "report", "statement", "allegation", "assertion")), _c(r"\b(?:den(?:ied|ies|y|ying)|refut\w+|rejected|dismissed)\s+(?:the|this|that|these|those|such|its|their)\s+"
                                r"(?:\w+\s+)?(?:claims?|reports?|statements?|allegations?|assertions?)\b")),
    (Action.OTHER, "shot down", ("down", "intercept", "destroyed"), _c(r"\b(?:shot\s+down|shooting\s+down|downed|downing|intercept\w*|destroyed\s+over)\b")),
)
_CUE_BITS = tuple(_gate_bits(pattern, stems) for _, _, stems, pattern in _CUES)
_CUE_TABLE = _GatedTable(_CUES, _CUE_BITS)
_add_twins(tuple(pattern for *_, pattern in _CUES))

_PRIORITY = {Action.REPELLED: 1}  # cues that win over nearer ones in the same clause
# status cues ("Russian-controlled territory ... in addition to the X area"): they govern a mention
# only when no event cue stands in its clause ("strikes on Russian-occupied territory near X": struck)
_WEAK = frozenset({"under control"})

_NEG_BEFORE = _c(r"\b(?:not|never|no|nor|without|yet\s+to|cannot|can['’]t|(?:has|have|had|did|does|do|was|were|is|are)n['’]?t|"
                 r"den(?:y|ied|ies|ying)|refut\w*|reject\w*|dismiss\w*|false(?:ly)?|fake)\b[^.;]{0,40}$")
_FAIL_BEFORE = _c(r"\b(?:fail\w*|unable|attempt\w*|tr(?:y|ied|ies|ying))\s+(?:\w+\s+){0,2}?to\s+(?:\w+\s+)?$")
_NO_EVIDENCE = _c(r"\b(?:no|not\s+(?:\w+\s+){0,2}?(?:any|seen|observed|collected|confirmed|verified))\s+(?:\w+\s+){0,2}?"
                  r"(?:evidence|confirmation|footage|indication)")
# intentions, conditions and futures are not events ("aimed to occupy", "would advance", "if ... captured")
_HYPOTHETICAL = _c(r"(?:\b(?:aim(?:s|ed|ing)?|intend\w*|plan(?:s|ned|ning)?|want\w*|seek\w*|sought|hop\w+|goal|objective|ambitions?|"
                   r"would|will|could|might|should|must|may|if|unless|refrain\w*|potential\w*|capable|capacity|"
                   r"threat\s+of|risk\s+of|ability|able|prepar\w+|ready)\b)(?:\s+\S+){0,8}?\s*$")
# "the main objective of Russia in this sector is the complete occupation of X": a goal, however far
_GOAL_IS = _c(r"\b(?:goals?|objectives?|aims?|tasks?|intentions?|ambitions?|plans?)\b[^.;]{0,80}?\b(?:is|are|was|were|remains?|"
              r"includes?)\s+(?:\w+\s+){0,3}$")
_HYPOTHETICAL_BIT = _GATE.bit(_HYPOTHETICAL, (
    "aim", "intend", "plan", "want", "seek", "sought", "hop", "goal", "objective", "ambition", "would", "will", "could",
    "might", "should", "must", "may", "if", "unless", "refrain", "potential", "capable", "capacity", "threat", "risk",
    "ability", "able", "prepar", "ready"))
# a match touches at most this many whitespace-separated words: the cue word (two in "threat of"), eight more
_HYPOTHETICAL_WORDS = 10
_GOAL_IS_BIT = _GATE.bit(_GOAL_IS, ("goal", "objective", "aim", "task", "intention", "ambition", "plan"))
_HEDGES = _c(r"\b(?:claim(?:s|ed|ing)?|reportedly|allegedly|alleged|purported\w*|unconfirmed|unverified|likely|"
             r"(?:may|might|could)\s+have|possibly|rumou?r\w*|supposedly|apparently|appears?\s+to|seem(?:s|ed)?\s+to|"
             r"is\s+said\s+to|are\s+said\s+to|not\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+)?(?:confirmed|verified)|"
             r"independent\s+verification|cannot\s+be\s+(?:independently\s+)?verified|could\s+not\s+(?:independently\s+)?verify)\b")
_HEDGES_BIT = _GATE.bit(_HEDGES, ("claim", "reportedly", "alleged", "purported", "unconfirmed", "likely", "may", "might",
                                  "could", "possibly", "rumo", "supposedly", "apparently", "appear", "seem", "said",
                                  "confirmed", "verif"))
# "occupied" right after a determiner or preposition is a status ("occupied Hvardiiske"), not the verb
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|in|of|from|near|to|at|on|by|into|with|newly|recently|temporarily)\s+|[-–]|"
                          r"[;,]\s*(?:and\s+)?)$", _I)
_STATUS_WORDS = re.compile(r"^(?:(?:russian|ukrainian)-)?(?:occupied|controlled|held)$", _I)


class _Cue(NamedTuple):
    action: Action
    detail: str
    start: int
    end: int
    text: str
    modality: str = "done"  #: a row's own modality ("tried to advance": attempted)


def _status_only(text: str, start: int, word: str) -> bool:
    """"the occupied territories", "Russian-occupied Lyman": a status, not an event."""
    return bool(_STATUS_WORDS.match(word) and (_ATTRIBUTIVE.search(text[:start]) or "-" in word
                                               or text[start - 1:start] == "-"))


@lru_cache(maxsize=32)
def _all_cues(text: str) -> tuple[_Cue, ...]:
    """Every cue in ``text`` (memoised: a sentence is analysed once per mention in it).

    The rule table's action rows (``geo/rules/actions.jsonl``) and the English regex cues; a
    table's ``not-action`` row ("took part", "fighting vehicles") takes its span from every cue.
    """
    found = list(_scan_cues(text, _gated(_CUE_TABLE, text)))
    kinds = read_kinds(text)
    blocks = [(h.start, h.end) for h in kinds.get(("actions", "not-action"), ())]
    for h in kinds.get(("actions", "action"), ()):
        if not _status_only(text, h.start, h.text):
            found.append(_Cue(Action(h.get("action")), h.get("detail") or h.text, h.start, h.end, h.text,
                              h.get("modality") or "done"))
    if blocks:
        found = [c for c in found if not any(c.start < e and c.end > s for s, e in blocks)]
    return tuple(found)


def _scan_cues(
    text: str, rows: tuple[tuple[Action, str, tuple[str, ...] | _Both, re.Pattern[str]], ...]
) -> tuple[_Cue, ...]:
    """The cues the given rows of ``_CUES`` find in ``text``, row by row."""
    found: list[_Cue] = []
    low = text.lower() if text.isascii() else None
    for action, detail, _, pattern in rows:
        for m in _finditer(pattern, text, low):
            word = text[m.start():m.end()]
            if _status_only(text, m.start(), word):
                continue
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
    """The cue that governs the mention, and the clause start it was found from.

    A repelled cue in the clause wins, else the nearest cue before the mention, else the nearest
    after it. A clause without a cue after a ';' is a list item of the clause before it ("attacked
    near X; north of Y near Z"): it inherits that clause's cue.
    """
    inside = [c for c in cues if lo <= c.start and c.end <= hi]
    if any(c.detail not in _WEAK for c in inside):
        inside = [c for c in inside if c.detail not in _WEAK]
    if not inside:
        prev = _previous_clause_start(sentence, lo)
        while prev is not None and not inside:
            inside = [c for c in cues if prev <= c.start and c.end <= lo]
            lo, prev = prev, _previous_clause_start(sentence, prev)
        return (inside[-1] if inside else None), lo
    for c in inside:
        if c.action in _PRIORITY and not _own_conjunct(sentence, c, start, end, inside):
            return c, lo
    before = [c for c in inside if c.end <= start]
    after = [c for c in inside if c.start >= end and not _attributive_after(sentence, c)]
    rel = _relative_cue(sentence, end, hi, after)
    if rel is not None:
        return rel, lo
    if before:
        return before[-1], lo
    return (after[0] if after else None), lo


def cue_at(sentence: str, at: int | None = None) -> _Cue | None:
    """The cue that would govern a place written at offset ``at`` of ``sentence`` (default: its end)
    with no cue after it: the rule of :func:`_governing_cue`, for a list whose members come later
    ("… відбили атаки біля трьох сіл. Серед них …": ``repelled``)."""
    at = len(sentence) if at is None else at
    cues = [c for c in _kept_cues(sentence) if c.end <= at]
    return _governing_cue(cues, at, at, 0, at, sentence)[0] if cues else None


# "in the areas of A, B and C, and repelled a counterattack": a verb that opens the next conjunct
_CONJUNCT_BEFORE = _c(r"(?:,\s*|\s)(?:and|и|і|та|а\s+также|а\s+також)\s+(?:\w+\s+){0,2}$")


def _own_conjunct(sentence: str, cue: _Cue, start: int, end: int, inside: list[_Cue]) -> bool:
    """A cue after the mention that opens a conjunct of its own governs its own object, not the list
    before it, when another cue governs that list ("inflicted losses … in the areas of A, B and C,
    and repelled a counterattack": A, B, C are not repelled)."""
    return (cue.start >= end and any(c.end <= start for c in inside)
            and bool(_CONJUNCT_BEFORE.search(sentence, end, cue.start)))


_DETERMINER_BEFORE = _c(r"\b(?:the|a|newly|recently|all|two|three|several|other)\s+$")
# each run of whitespace read one way only (possessive: a bracket, a comma or a word follows it)
_RELATIVE_AFTER = re.compile(r"^\s*+(?:\([^)]*+\)\s*+)?,?\s*+(?:which|where|that)\b")
_GENERIC_PLACES = _c(r"^\s+(?:villages?|settlements?|towns?|cities|city|territor(?:y|ies)|areas?|lands?|positions|localities)\b")


def _attributive_after(sentence: str, cue: _Cue) -> bool:
    """A participle used as an adjective ("the liberated villages"): it governs that noun, not a name before it."""
    # the cheap tests first: most cues are no participle, and the search reads the sentence up to the cue
    return bool(cue.text.casefold().endswith("ed") and _GENERIC_PLACES.match(sentence[cue.end:])
                and _DETERMINER_BEFORE.search(sentence[:cue.start]))


def _relative_cue(sentence: str, end: int, hi: int, after: list[_Cue]) -> _Cue | None:
    """A cue in a relative clause right after the mention ("X, which Russia claimed to have seized")."""
    rel = _RELATIVE_AFTER.match(sentence[end:hi])
    if rel and after:
        return after[0]
    return None


def _negation(sentence: str, cue: _Cue, lo: int) -> tuple[bool, str]:
    """(negated, how) for a cue: 'fail' for failed attempts, 'neg' for plain negation."""
    left = sentence[max(lo, cue.start - 60):cue.start]
    if _found(_FAIL_BEFORE, left):
        return True, "fail"
    window = sentence[max(lo, cue.start - 45):cue.start]
    if _found(_NEG_BEFORE, window):
        return True, "neg"
    if _found(_NO_EVIDENCE, sentence[lo:cue.start]):
        return True, "neg"
    return False, ""


def _modality_hits(sentence: str, lo: int, stop: int) -> list:
    """The modality rows of the rule table (attempted, near, denied) in ``sentence[lo:stop]``."""
    kinds = read_kinds(sentence)
    return [h for cls in ("attempted", "near", "denied") for h in kinds.get(("modality", cls), ())
            if lo <= h.start and h.end <= stop]


@lru_cache(maxsize=32)
def _hedged(sentence: str) -> bool:
    """Whether ``sentence`` is hedged (kept for the next mentions in the same sentence)."""
    return bool(_stem_mask(sentence) & _HEDGES_BIT) and _found(_HEDGES, sentence)


def _hypothetical(sentence: str, cue: _Cue, lo: int) -> bool:
    """The cue is an intention, a condition or a future ("aimed to occupy", "would advance")."""
    left = sentence[lo:cue.start]
    mask = _stem_mask(sentence)  # ``left`` is part of the sentence: what its stems rule out, they rule out there
    return bool((mask & _HYPOTHETICAL_BIT and _search_last_words(_HYPOTHETICAL, _HYPOTHETICAL_BIT, _HYPOTHETICAL_WORDS, left))
                or (mask & _GOAL_IS_BIT and _found(_GOAL_IS, left)))
