"""The claim around a place mention: what is claimed there, by whom, with which unit, on which direction.

Pure text analysis of one sentence (plus, for the claimant, the sentences before it and the report's
source): no gazetteer, no maps. The extraction pipeline calls :func:`analyse_mention` (or
:func:`analyse_mention_all`, which also returns the other side's claim about the same place in the
same sentence) once per place mention.

How it decides
--------------
- **Role.** A mention followed by a speech verb ("Moscow said", "Kyiv, conversely, reported") or a
  seat of power used without an attack on it ("the Kremlin", "Washington") is a ``speaker``; a
  place after a meeting word ("talks in Geneva", "a summit in Anchorage") is a ``venue``; a region or
  country that only contains the event ("the village of X in the Y region"), a reference point
  ("north of X City toward Y", "the road to X") or a place in a sentence without a military event
  cue is ``background``; everything else near an event cue is an ``event``.
- **Action.** The event cues of the mention's clause (verb phrases such as "took control of",
  "broke into", "fighting continues in", "advanced near", "repelled") are found; the nearest one
  before the mention wins ("captured X and advanced near Y": X captured, Y advancing), else the
  nearest one after it ("X was liberated"). A "repelled" cue in the clause wins over the attack it
  repelled. A negated capture ("has not captured", "denied capturing") is not a capture: the action
  becomes ``other`` (``attacked`` for "failed to capture") with ``negated`` set; "claimed",
  "reportedly" and the like set ``hedged``.
- **Claimant.** The attribution nearest the mention in its own clause ("the Russian Defense
  Ministry said", "according to DeepState", "ISW assesses", "a Russian milblogger claimed"; generic
  phrases such as "Ukrainian military" only with a speech verb), else, from ``context``, the
  previous sentence's attribution or the nearest header line of a post ("Colonelcassad",
  "Summary by Marat Khairullin"), else :func:`source_claimant` of the report, else ``author`` when
  a report is given (an unattributed statement is the author's), else None.
- **Kind.** Regions and countries (passed by the caller, or guessed from "... Oblast", "... region"
  and a short list of countries) are events only when a cue governs them directly ("attack on
  Crimea"); "the village of X in the Y region" leaves Y as background.

Examples
--------
>>> c = analyse_mention("Russian troops captured Dolynka and advanced near Ozerne, the ministry said.", 23, 30)
>>> c.role, c.action.value, c.claimant.value
('event', 'captured', 'RU-MoD')
>>> s = "Russian troops captured Dolynka and advanced near Ozerne, the ministry said."
>>> analyse_mention(s, s.index("Ozerne"), s.index("Ozerne") + 6).action.value
'advancing'
>>> s = "Moscow said it had taken Lisne."
>>> analyse_mention(s, 0, 6).role
'speaker'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache, reduce
from operator import or_
from typing import Generic, NamedTuple, TypeVar
from urllib.parse import urlparse

from geo.model import Action, Claimant, Report
from geo.text import FOLDS_TO_ASCII

__all__ = [
    "ROLES",
    "ClaimContext",
    "analyse_mention",
    "analyse_mention_all",
    "source_claimant",
    "report_voice",
    "find_units",
    "find_directions",
]

# --------------------------------------------------------------------------------------------
# Value type
# --------------------------------------------------------------------------------------------

ROLES = ("event", "speaker", "venue", "background")  #: the values of ClaimContext.role


@dataclass(frozen=True, slots=True)
class ClaimContext:
    """What one sentence claims about one place mention.

    Attributes
    ----------
    action : Action
        The claimed event (``Action.OTHER`` when the place is not an event, or no cue is found).
    action_detail : str
        The finer cue: "liberated", "took control", "encircled", "cleared", "denied capture" ...
    claimant : Claimant or None
        Who makes the claim.
    role : str
        ``"event"``, ``"speaker"``, ``"venue"`` or ``"background"``; only events go on the map.
    unit : str
        The most specific military unit named near the mention ("36th Guards Motorized Rifle Brigade").
    direction : str
        The front direction the sentence names ("Pokrovsk axis", "Kupiansk direction").
    negated : bool
        The claim is denied or negated ("has not captured", "failed to take").
    hedged : bool
        The claim is reported, not asserted ("claimed", "reportedly", "unconfirmed", "likely").
    why : tuple of str
        The cues that decided, for the map popup and for debugging.
    """

    action: Action = Action.OTHER
    action_detail: str = ""
    claimant: Claimant | None = None
    role: str = "background"
    unit: str = ""
    direction: str = ""
    negated: bool = False
    hedged: bool = False
    why: tuple[str, ...] = ()

    @property
    def is_event(self) -> bool:
        """True when the mention is a place where the sentence puts a military event."""
        return self.role == "event"


# --------------------------------------------------------------------------------------------
# Cue tables
# --------------------------------------------------------------------------------------------

_I = re.IGNORECASE

# Nouns that turn "assault"/"strike"/"attack" into a modifier, not an event ("assault groups").
_MODIFIED = (
    r"(?!\s+(?:groups?|units?|detachments?|brigades?|forces|troops|squads?|teams?|regiments?|"
    r"battalions?|aviation|companies|company|infantry|drones?|aircraft|helicopters?|vehicles?|"
    r"weapons?|rifles?|capabilit\w+|potential|echelons?|elements?)\b)"
)


def _c(pattern: str, flags: int = _I) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# --------------------------------------------------------------------------------------------
# Stem gates: most regexes below cannot match in most sentences, and a string test says so faster
# --------------------------------------------------------------------------------------------

# Letters a case-insensitive regex matches to a stem's letter though str.lower() does not turn them
# into it (ı, İ, ſ; Cyrillic letter variants): a text holding one passes every gate.
_ODD_FOLDS = FOLDS_TO_ASCII | frozenset("\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86")


class _StemGate:
    """Which of a set of regexes can match in a text, told by their stems.

    A regex is registered with its stems: lower-case strings without whitespace, one of which every
    match of the regex holds (lower-cased). A stem found stands inside one whitespace-separated word
    of the lower-cased text, so the gate keeps per word the bit mask of the regexes whose stems the
    word holds (the vocabulary is small): a text costs a split and a look-up per word, where the
    regexes would cost a pass each.
    """

    def __init__(self) -> None:
        self.registered: list[tuple[re.Pattern[str], tuple[str, ...]]] = []
        self._bits_of_stem: dict[str, int] = {}
        self._lengths: list[int] = []  # of the stems, ascending
        self._word_masks = _WordMasks(self._mask_of_word)

    def bit(self, pattern: re.Pattern[str], stems: tuple[str, ...]) -> int:
        """Register ``pattern`` with its ``stems``; returns its bit in the masks of :meth:`mask`."""
        self._word_masks.clear()
        self.registered.append((pattern, stems))
        bit = 1 << (len(self.registered) - 1)
        for stem in stems:
            self._bits_of_stem[stem] = self._bits_of_stem.get(stem, 0) | bit
        self._lengths = sorted({len(stem) for stem in self._bits_of_stem})
        return bit

    def _mask_of_word(self, word: str) -> int:
        # the word's substrings of a stem's length, looked up: cheaper than a test per stem
        mask = 0
        get = self._bits_of_stem.get
        for n in self._lengths:
            if n > len(word):
                break
            for i in range(len(word) - n + 1):
                mask |= get(word[i:i + n], 0)
        return mask

    def mask(self, text: str) -> int:
        """The bits of the regexes that can match in ``text`` (all bits when a letter folds oddly)."""
        if not text.isascii() and not _ODD_FOLDS.isdisjoint(text):  # the odd folds are not ASCII
            return -1
        return reduce(or_, map(self._word_masks.__getitem__, text.lower().split()), 0)


class _WordMasks(dict[str, int]):
    """The stem mask of each word seen, computed on a miss (a dict: cheaper to ask than an lru_cache).

    Bounded: it starts afresh past ``_WORDS_KEPT`` words (a vocabulary, not a text, is kept).
    """

    def __init__(self, mask_of_word: Callable[[str], int]) -> None:
        super().__init__()
        self._mask_of_word = mask_of_word

    def __missing__(self, word: str) -> int:
        if len(self) >= _WORDS_KEPT:
            self.clear()
        mask = self[word] = self._mask_of_word(word)
        return mask


_WORDS_KEPT = 1 << 15


_GATE = _StemGate()


@lru_cache(maxsize=32)
def _stem_mask(text: str) -> int:
    """:meth:`_StemGate.mask` of a sentence (kept: asked for each of its mentions and regexes)."""
    return _GATE.mask(text)


_Row = TypeVar("_Row")


class _Both(NamedTuple):
    """The stems of a table row whose every match holds one of ``first`` and one of ``second``
    ("took ... control"): the row runs only where both stand, each registered with the gate."""

    first: tuple[str, ...]
    second: tuple[str, ...]


def _gate_bits(pattern: re.Pattern[str], stems: tuple[str, ...] | _Both) -> int:
    """Register a table row's pattern with its stems; returns the bits a mask must hold for it."""
    if isinstance(stems, _Both):
        return _GATE.bit(pattern, stems.first) | _GATE.bit(pattern, stems.second)
    return _GATE.bit(pattern, stems)


class _GatedTable(Generic[_Row]):
    """A table of rows with their gate bits, and the rows each stem mask selects.

    A row is selected when the mask holds all its bits (one, or two for a :class:`_Both` row).
    Few masks recur (a mask is a set of stems, not a text): the rows a mask selects are kept per
    mask, so a sentence costs a look-up, not a pass over the table. Bounded like _WordMasks.
    """

    def __init__(self, rows: tuple[_Row, ...], bits: tuple[int, ...]) -> None:
        self.rows = rows
        self.bits = bits
        self._union = reduce(or_, bits, 0)
        self._picked: dict[int, tuple[_Row, ...]] = {}

    def rows_for(self, mask: int) -> tuple[_Row, ...]:
        """The rows whose bits are all set in ``mask``."""
        key = mask & self._union
        picked = self._picked.get(key)
        if picked is None:
            if len(self._picked) >= _WORDS_KEPT:
                self._picked.clear()
            picked = self._picked[key] = tuple(row for row, bits in zip(self.rows, self.bits) if key & bits == bits)
        return picked


def _gated(table: _GatedTable[_Row], text: str) -> tuple[_Row, ...]:
    """The rows of a table whose regex can match in ``text``."""
    return table.rows_for(_stem_mask(text))


# Case-insensitive matching costs the regex engine a case fold per character tried; the table regexes
# (and those _found searches) run case-sensitively on the lower-cased text of an ASCII text instead,
# when that finds the same spans.
_ESCAPE = re.compile(r"\\(.)", re.DOTALL)
_CODE_ESCAPES = frozenset("xuUN0123456789")  # escapes that spell a character by its code, or back-references


def _lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """``pattern`` compiled without IGNORECASE, to run on the lower-cased text of an ASCII text; None
    when it is case-sensitive or its twin might not find the same spans.

    Safe because on an ASCII text ``str.lower`` only turns A-Z into a-z (the offsets stay), and a
    pattern whose letters are all lower-case (outside escapes such as ``\\S``, which do not depend on
    case) and hold none of the letters that fold onto ASCII ones (``ſ``, the Kelvin sign ...) matches
    a lower-cased ASCII text where it matches the text case-insensitively: every class and literal
    of it that matches a letter matches both of its cases or, in the lower-cased text, the only one left.
    """
    if not pattern.flags & re.IGNORECASE:
        return None
    if any(escaped in _CODE_ESCAPES for escaped in _ESCAPE.findall(pattern.pattern)):
        return None
    bare = _ESCAPE.sub("", pattern.pattern)
    if any(ch.isupper() for ch in bare) or not _ODD_FOLDS.isdisjoint(bare):
        return None
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_TWINS: dict[int, re.Pattern[str]] = {}  # id of a module regex: its lower-case twin (both live as long as the module)


def _add_twins(patterns: tuple[re.Pattern[str], ...]) -> None:
    """Keep the lower-case twins of ``patterns`` (see :func:`_lower_twin`) for :func:`_found` and :func:`_finditer`."""
    for pattern in patterns:
        twin = _lower_twin(pattern)
        if twin is not None:
            _TWINS[id(pattern)] = twin


def _found(pattern: re.Pattern[str], text: str, pos: int = 0) -> bool:
    """Whether ``pattern.search(text, pos)`` finds a match, by its lower-case twin when ``text`` is ASCII."""
    twin = _TWINS.get(id(pattern)) if text.isascii() else None
    return (twin.search(text.lower(), pos) if twin is not None else pattern.search(text, pos)) is not None


def _finditer(pattern: re.Pattern[str], text: str, low: str | None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, by its twin on ``low`` (``text.lower()`` of an ASCII text, or None)
    when it has one: the spans are the same, the matched text must be read from ``text``."""
    twin = _TWINS.get(id(pattern)) if low is not None else None
    return twin.finditer(low) if twin is not None and low is not None else pattern.finditer(text)


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
    # captured
    (Action.CAPTURED, "took control", _Both(("control",), ("took", "take", "taking", "establish", "gain", "assum", "seiz", "restor")),
     _c(r"\b(?:took|taken|take|takes|taking|establish\w*|gain\w*|assum\w+|seiz\w+|regain\w*|"
        r"restor\w*)\s+(?:full\s+|complete\s+|total\s+)?control\b")),
    (Action.CAPTURED, "took control", _Both(("control",), ("taken",)), _c(r"\btaken\s+under\s+(?:full\s+)?control\b")),
    (Action.CAPTURED, "took control", _Both(("control",), ("effective", "full", "complete", "total")),
     _c(r"\b(?:effective|full|complete|total)\s+control\b")),
    (Action.CAPTURED, "took control", _Both(("under",), ("control", "administration")), _c(r"\b(?:came|come|comes|coming|fell|passed|brought)\s+under\s+(?:\w+\s+){0,2}?(?:control|administration)\b")),
    (Action.CAPTURED, "liberated", ("liberat",), _c(r"\b(?:re)?liberat(?:ed?|es|ing|ion)\b")),
    (Action.CAPTURED, "captured", ("captur",), _c(r"\b(?:re)?captur(?:ed?|es|ing)\b")),
    (Action.CAPTURED, "seized", ("seiz",), _c(r"\bseiz(?:ed?|es|ing|ure)\b")),
    (Action.CAPTURED, "occupied", ("occup",), _c(r"\boccup(?:ied|y|ies|ying|ation)\b")),
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
    (Action.CAPTURED, "liberated", ("освобо", "взял", "установил", "занял", "овладел"), _c(r"(?:освобо[дж]\w*|взял\w*\s+под\s+контроль|установил\w*\s+контроль|занял\w*|овладел\w*)")),
    (Action.FIGHTING, "fighting", ("бои", "боёв", "боев", "боях", "сражени", "штурм"), _c(r"(?:\bбо(?:и|ёв|ев|ях)\b|сражени\w*|штурм\w*)")),
    (Action.ADVANCING, "advanced", ("продвину", "продвиж", "наступ"), _c(r"(?:продвину\w*|продвиж\w*|наступ\w*)")),
    (Action.STRUCK, "struck", ("удар", "обстрел", "поразил", "поражен"), _c(r"(?:удар\w*|обстрел\w*|поразил\w*|поражен\w*)")),
    (Action.REPELLED, "repelled", ("отрази", "отбил", "отраж"), _c(r"(?:отрази\w*|отбил\w*|отраж\w*)")),
    # the same in Ukrainian
    (Action.CAPTURED, "liberated", ("звільн",), _c(r"звільн\w*")),
    (Action.FIGHTING, "fighting", ("бої", "боях", "боїв"), _c(r"(?<!\w)бо(?:ї|ях|їв)(?!\w)")),
    (Action.ADVANCING, "advanced", ("просун",), _c(r"просун\w*")),
    (Action.STRUCK, "struck", ("обстріл",), _c(r"обстріл\w*")),
    (Action.REPELLED, "repelled", ("відби", "відбит"), _c(r"відби\w*")),
    # entered
    (Action.ENTERED, "entered", ("enter",), _c(r"\b(?:entered|enters|entering|enter)\b(?!\s+into\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,3}?(?:agreements?|talks|negotiations|force|dialogue|co-?operation|deal))")),
    (Action.ENTERED, "broke into", ("broke", "break", "burst"), _c(r"\b(?:broke|break|breaking|burst|bursting)\s+into\b")),
    (Action.ENTERED, "infiltrated", ("infiltrat", "penetrat"), _c(r"\b(?:infiltrat\w+|penetrat\w+)\b")),
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
    (Action.ADVANCING, "advanced", ("advanc",), _c(r"\badvanc(?:ed?|es|ing|ements?)\b")),
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
    # repelled
    (Action.REPELLED, "repelled", ("repel", "repuls", "beat", "fought", "fend", "disrupt", "thwart", "foil", "unsuccessful", "stopped"),
     _c(r"\b(?:repel\w*|repuls\w*|beat\s+(?:off|back)|beaten\s+(?:off|back)|fought\s+off|fend\w*\s+off|"
        r"disrupt\w*|thwart\w*|foil\w*|unsuccessful|stopped)\b")),
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

# --------------------------------------------------------------------------------------------
# Claimants
# --------------------------------------------------------------------------------------------

_AP = r"['’]"
# (claimant, stems, pattern, needs_speech): generic phrases ("Ukrainian military", "the statement") only
# attribute a claim when a speech verb or "according to" stands next to them. Stems as in _CUES.
_CLAIMANT_CUES: tuple[tuple[Claimant, tuple[str, ...] | _Both, re.Pattern[str], bool], ...] = (
    (Claimant.UA_GENERALSTAFF,
     _Both(("general", "command"), ("ukrain", "afu", "zsu")),
     _c(rf"\b(?:(?:ukraine{_AP}?s?|ukrainian|afu|zsu)\s+(?:armed\s+forces\s+)?general\s+staff|"
        r"general\s+staff\s+of\s+(?:the\s+)?(?:armed\s+forces\s+of\s+)?ukraine|"
        r"ukrainian\s+(?:military\s+)?command)\b"), False),
    (Claimant.RU_MOD,
     ("mod", "ministry", "konashenkov"),
     _c(rf"\b(?:(?:russia{_AP}?s?|russian|moscow{_AP}?s?)\s+(?:defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|mod)|"
        r"defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|konashenkov|the\s+ministry)\b"), False),
    (Claimant.RU_MOD,
     ("statement", "briefing", "bulletin", "group", "district"),
     _c(r"\b(?:(?:the\s+)?(?:ministry['’]?s?\s+)?(?:statement|briefing|bulletin)|"
        r"battle\s?group\s+(?:sever|zapad|tsentr|center|centre|yug|vostok|dnepr|south|north|west|east)|"
        r"(?:southern|western|central|eastern|northern|leningrad|moscow)\s+military\s+district|"
        r"(?:sever|zapad|tsentr|yug|vostok|dnepr)\s+(?:group|grouping)(?:\s+of\s+forces)?)\b"), True),
    # Ukraine's General Staff in Ukrainian or Russian: "Генштаб ЗСУ", "Генеральний штаб Збройних сил України"
    (Claimant.UA_GENERALSTAFF,
     ("генштаб", "генеральн"),
     _c(r"(?:генштаб\w*|генеральн\w+\s+штаб\w*)\s+(?:зсу|всу|збройних\s+сил\s+україни|вооруж\w+\s+сил\s+украины)"),
     False),
    # the same in Russian and Ukrainian originals: "Минобороны РФ", "Міністерство оборони Росії",
    # "группировки войск «Центр»"
    (Claimant.RU_MOD,
     ("минобороны", "министерств", "міністерств"),
     _c(r"(?:минобороны\s+(?:россии|рф)|министерств\w*\s+обороны\s+(?:россии|рф|российской\s+федерации)|"
        r"міністерств\w*\s+оборони\s+(?:росії|рф))"), False),
    (Claimant.RU_MOD,
     ("группировк",),
     # MoD bulletin wording: Russian-language media write it only when quoting the ministry
     _c(r"группировк\w*\s+(?:войск\s+)?[«\"„“]?(?:север|запад|центр|юг|восток|днепр)"), False),
    (Claimant.DEEPSTATE,
     ("deep",), _c(r"\b(?:deep\s?state(?:\s?map|\s?ua)?|deepstatemap)\b"), False),
    (Claimant.ISW,
     ("isw", "institute", "understandingwar", "critical", "ctp", "geolocated", "source"),
     _c(r"\b(?:isw|institute\s+for\s+the\s+study\s+of\s+war|understandingwar|critical\s+threats|ctp|"
        r"the\s+institute|geolocated\s+(?:footage|imagery|video|images?)|(?:available\s+)?open[\s-]source\s+evidence)\b"), False),
    (Claimant.RU_MILBLOGGER,
     ("blogger", "correspondent", "channel", "source", "insider", "voenkor", "cassad", "rybar", "khairullin",
      "majors", "wargonzo", "chronicle", "podolya", "poddubny", "sladkov", "readovka", "informant", "mayora", "our"),
     _c(r"\b(?:milbloggers?|mil-bloggers?|military\s+bloggers?|war\s*bloggers?|(?:russian|pro-russian|kremlin-\w+)\s+(?:war\s+)?"
        r"(?:correspondents?|bloggers?|channels?|sources?|telegram\s+channels?|insiders?)|sources\s+in\s+russia|voenkor\w*|"
        r"colonel\s?cassad|cassad|rybar|khairullin|two\s+majors|wargonzo|military\s+chronicle|podolya(?:k|ch)\w*|"
        r"poddubny|sladkov|readovka|military\s+informant|dva\s+mayora|"
        r"our\s+(?:troops|units|forces|assault\s+\w+|fighters|guys|soldiers))\b"), False),
    (Claimant.RU_OFFICIAL,
     ("gerasimov", "putin", "peskov", "kremlin", "lavrov", "shoigu", "belousov", "ushakov", "zakharova",
      "medvedev", "pushilin", "pasechnik", "saldo", "balitsky", "gladkov", "khinshtein", "aksyonov",
      "razvozhayev", "installed", "dpr", "lpr", "occupation"),
     _c(r"\b(?:gerasimov|putin|peskov|kremlin(?!-\w)|lavrov|shoigu|belousov|ushakov|zakharova|medvedev|pushilin|pasechnik|"
        r"saldo|balitsky|gladkov|khinshtein|aksyonov|razvozhayev|russian-installed|"
        r"(?:dpr|lpr|occupation)\s+(?:authorities|officials?|head|leader))\b"), False),
    (Claimant.RU_OFFICIAL,
     _Both(("official", "authorities", "president", "general", "govern", "leadership"), ("russian", "local")),
     _c(r"\b(?:russian\s+(?:(?:senior|military|defen[cs]e|local)\s+)*officials?|russian\s+authorities|local\s+authorities|"
        r"russian\s+(?:president|general\s+staff|governor|government|leadership))\b"), True),
    (Claimant.UA_OFFICIAL,
     ("syrs", "zelensk", "budanov", "umerov", "shmyhal", "sybiha", "yermak", "voloshyn", "trehubov",
      "lykhovyi", "pletenchuk", "ihnat", "syniehubov", "hur", "sbu"),
     _c(r"\b(?:syrs(?:kyi|ky|kii)|zelensk\w*|budanov|umerov|shmyhal|sybiha|yermak|voloshyn|trehubov|"
        r"lykhovyi|pletenchuk|ihnat|syniehubov|hur|sbu)\b"), False),
    (Claimant.UA_OFFICIAL,
     _Both(("ukrain", "administration"), (
         "force", "navy", "official", "authorit", "militar", "army", "government", "president", "commander", "guard",
         "defen", "spokes", "governor", "administration")),
     _c(rf"\b(?:ukrainian\s+(?:air\s+force|navy|officials?|authorities|military(?:\s+(?:source|spokes\w+|officials?))?|"
        r"army|government|president|commanders?|(?:national\s+)?guard|defen[cs]e\s+(?:ministry|forces)|"
        r"forces['’]?\s+(?:spokes\w+|press\s+service)|(?:\w+\s+)?spokes\w+|governor|regional\s+(?:administration|governor))|"
        rf"(?:regional|oblast)\s+(?:military\s+)?administration|ukraine{_AP}?s?\s+(?:military|defen[cs]e\s+ministry|air\s+force))\b"),
     True),
    (Claimant.MEDIA,
     ("afp", "agence", "reuters", "associated", "bloomberg", "axios", "bbc", "cnn", "york", "washington",
      "wall", "financial", "guardian", "meduza", "tass", "novosti", "interfax", "independent", "ukrainska",
      "suspilne", "rbc", "agency", "media", "outlet", "newspaper", "broadcaster"),
     _c(r"\b(?:afp|agence\s+france-presse|reuters|associated\s+press|bloomberg|axios|bbc|cnn|new\s+york\s+times|"
        r"washington\s+post|wall\s+street\s+journal|financial\s+times|guardian|meduza|tass|ria\s+novosti|interfax|"
        r"kyiv\s+independent|ukrainska\s+pravda|suspilne|rbc-ukraine?a?|news\s+agency|media(?:\s+outlets?|\s+reports?)?|"
        r"outlet|newspaper|broadcaster)\b"), True),
)
_CLAIMANT_BITS = tuple(_gate_bits(pattern, stems) for _, stems, pattern, _ in _CLAIMANT_CUES)
_CLAIMANT_TABLE = _GatedTable(_CLAIMANT_CUES, _CLAIMANT_BITS)
_add_twins(tuple(pattern for _, _, pattern, _ in _CLAIMANT_CUES))

_SAY = _c(r"(?:\b(?:said|says|say|saying|reported|reports|report|reporting|claimed|claims|claim|claiming|announced|announces|"
          r"stated|states|assured|insisted|insists|denied|denies|confirmed|confirms|acknowledged|acknowledging|admitted|"
          r"added|noted|notes|declared|writes|wrote|published|posted|showed|shows|indicated|indicates|assess\w*|"
          r"observed|according|citing|cited|quoted|told|called|statement|report|reports|message|update|summary|"
          r"data|map|is\s+said|are\s+said|was\s+said)\b)")
_SAY_BEFORE = _c(r"\b(?:according\s+to|citing|cited\s+by|quoted\s+by|per|reports?\s+(?:from|by)|"
                 r"statement\s+(?:from|by))\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}$")

# speaker metonyms: seats of power as actors
_METONYMS = _c(r"^(?:the\s+)?(?:moscow|kremlin|kyiv|kiev|washington|white\s+house|brussels|beijing|london|paris|berlin|"
               r"minsk|tehran|ankara|pentagon|downing\s+street|elys[eé]e|bankova|lubyanka|warsaw|budapest|tokyo)$")
_METONYM_WORDS = ("Moscow", "Russia", "Kyiv", "Kiev", "Ukraine", "Kremlin")
_METONYM_NAMES = re.compile(r"\b(?:" + "|".join(_METONYM_WORDS) + r")\b")  # as attributions (case-sensitive)
_RU_SPEAKERS = _c(r"^(?:the\s+)?(?:moscow|russia|russian\s+federation)$")
_KREMLIN = _c(r"^(?:the\s+)?kremlin$")
_UA_SPEAKERS = _c(r"^(?:the\s+)?(?:kyiv|kiev|ukraine|bankova)$")

_FILLER = (r"(?:\s*,?\s*(?:(?:\w+ly|too|also|however|conversely|meanwhile|in\s+turn|for\s+(?:its|their)\s+part|"
           r"on\s+\w+day|yesterday|today|earlier|later|now|again|then|in\s+a\s+statement|on\s+\w+\s+\d+)\s*,?\s*){0,3})")
_SPEECH_VERBS = (
    "said", "says", "reported", "reports", "claimed", "claims", "announced", "announces", "stated", "states",
    "assured", "insisted", "insists", "denied", "denies", "confirmed", "confirms", "acknowledged", "admitted", "added",
    "noted", "declared", "declares", "maintains", "maintained", "countered", "replied", "indicated", "indicates",
    "warned", "warns", "accused", "accuses", "responded", "conveyed", "argued", "argues", "demanded", "demands",
    "rejected", "rejects", "agreed", "agrees", "refused", "refuses", "proposed", "proposes", "threatened", "insisted",
    "signalled", "signaled", "vowed", "pledged", "promised", "welcomed", "condemned", "hailed", "praised", "wants",
    "wanted", "hopes", "hoped", "expects", "expected", "believes", "considers", "sees", "views", "regards", "urged",
    "urges", "called", "calls",
)
_SPEECH_VERB = r"(?:has\s+|had\s+|have\s+)?(?:" + "|".join(_SPEECH_VERBS) + r")\b"
_SPEECH_AFTER = _c(r"^" + _FILLER + _SPEECH_VERB)
# _SPEECH_AFTER's first word (after spaces and a comma) is a speech verb, "has", "had" or "have", or
# starts a filler: a word holding "ly" past its first letter, or one beginning with a filler's first word
_SPEECH_FIRST = frozenset(_SPEECH_VERBS) | {"has", "had", "have"}
_FILLER_FIRST = ("too", "also", "however", "conversely", "meanwhile", "in", "for", "on", "yesterday", "today", "earlier",
                 "later", "now", "again", "then")
_FIRST_WORD = re.compile(r"\s*,?\s*(\w*)")


def _may_speak(after: str) -> bool:
    """False when ``_SPEECH_AFTER`` cannot match ``after``: a test of its first word, not a pass of the
    regex's long alternations."""
    word = _FIRST_WORD.match(after).group(1)  # type: ignore[union-attr]  # it matches every string
    if not word:
        return False
    if not word.isascii():
        return True  # a letter the regex may fold onto ASCII: let it judge
    word = word.lower()
    return word in _SPEECH_FIRST or word.startswith(_FILLER_FIRST) or word.find("ly", 1) > 0
_POSSESSIVE_ACTOR = _c(r"^['’]s?\s+(?:defen[cs]e\s+ministry|ministry|government|leadership|officials?|position|stance|demands?|"
                       r"claims?|plan|proposals?|envoys?|delegation|representatives?|response|spokes\w+|general\s+staff|"
                       r"military|army|statement|narrative|aims?|objectives?|goals?|terms|conditions|red\s+lines|refusal|"
                       r"efforts|allies|partners|side|administration|regime|president|foreign\s+minist\w+|troops|forces|"
                       r"leaders?|authorities|diplomat\w*|negotiat\w+)\b")
_ACTOR_BEFORE = _c(r"\b(?:according\s+to|by|quoted\s+by|cited\s+by|with|between|on\s+behalf\s+of|accus\w+|"
                   r"sanctions\s+(?:on|against)|pressure\s+on|relations\s+with|talks\s+with|ties\s+with|deal\s+with|"
                   r"trust\s+(?:in|towards)|towards|toward)\s+(?:the\s+)?$")
_VENUE_BEFORE = _c(r"\b(?:talks|meeting|meetings|met|meet|meets|summit|negotiations?|negotiators|forum|conference|visit\w*|"
                   r"trip|travel\w*|arrived?|arriving|flew|flown|hosted|host|held|holds|signed|signing|consultations?|"
                   r"discuss\w*|discussion|ceremony|rally|parade|gathering|session|round|envoys?|delegations?|"
                   r"accords?|agreements?|format|protocols?|communiqu[eé]|convention|returned|came|went|headed|"
                   r"embassy|exile|interview|press\s+conference|ambassadors?|speech|sidelines|palace|plan)"
                   r"\b(?:\s+\S+){0,6}?\s+(?:in|at|to|from)\s+(?:the\s+)?$")
_VENUE_BIT = _GATE.bit(_VENUE_BEFORE, (
    "talk", "meet", "met", "summit", "negotiat", "forum", "conference", "visit", "trip", "travel", "arriv", "flew",
    "flown", "host", "held", "hold", "sign", "consultation", "discuss", "ceremony", "rally", "parade", "gathering",
    "session", "round", "envoy", "delegation", "accord", "agreement", "format", "protocol", "communiqu", "convention",
    "returned", "came", "went", "headed", "embassy", "exile", "interview", "ambassador", "speech", "sidelines",
    "palace", "plan"))
# a match touches at most this many whitespace-separated words: the meeting word (two in "press
# conference"), six more, the preposition and "the"
_VENUE_WORDS = 10
# the words _VENUE_BEFORE and _ACTOR_BEFORE can end with, before an optional "the" (see _may_end_in)
_VENUE_LAST = ("in", "at", "to", "from")
# the same for _REFERENCE_BEFORE, but for its "between ..." and "defensive line ..." branches, which
# may end in any word: they hold one of _REFERENCE_ANY_END
_REFERENCE_LAST = ("of", "to", "towards", "from", "in", "near", "between", "at", "on", "outside")
_REFERENCE_ANY_END = ("between", "defen", "positional")
_ACTOR_LAST = ("to", "by", "with", "between", "of", "on", "against", "in", "towards", "toward")
_ACTOR_STEMS = ("accus",)
_VENUE_AFTER = _c(r"^\s*(?:['’]s\s+)?(?:talks|summit|format|process|accords?|agreements?|negotiations|meeting|"
                  r"conference|communiqu[eé]|protocols?|formula|deal|\+|plus|declaration|memorandum)\b")
_DIRS = (r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west|south-east|south-west)"
         r"(?:ern)?")
_REFERENCE_BEFORE = _c(
    rf"(?:\b{_DIRS}\s+(?:outskirts\s+)?of\s+(?:the\s+)?$|"
    r"\b(?:road|roads|highway|route|approaches|way|gates|range|reach|distance)\s+(?:to|towards|from|of)\s+(?:the\s+)?$|"
    r"\b(?:located|situated|lies|lie|lying|lay|based|stationed|deployed|garrisoned|concentrated)\s+(?:\w+\s+){0,3}?(?:in|near|between|at|on|close\s+to|outside)\s+(?:the\s+)?$|"
    r"\bbetween\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$|"
    r"\b(?:defen[cs]e|defensive|positional)\s+(?:area|line|zone|node)s?\b[^.;]{0,60}$|"
    r"\b(?:coming|launched|launches|fired|took\s+off|flew)\s+(?:\w+\s+){0,4}?from\s+(?:the\s+)?(?:directions?\s+of\s+)?$|"
    r"\bfrom\s+(?:the\s+)?directions?\s+of\s+$)")
_REFERENCE_BIT = _GATE.bit(_REFERENCE_BEFORE, (
    "north", "south", "east", "west", "road", "highway", "route", "approaches", "way", "gates", "range", "reach",
    "distance", "located", "situated", "lie", "lying", "lay", "based", "stationed", "deployed", "garrisoned",
    "concentrated", "between", "defen", "positional", "coming", "launch", "fired", "took", "flew", "direction"))
_DIST_BEFORE = _c(rf"\b\d+(?:[.,]\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?|m)\s+(?:to\s+the\s+)?{_DIRS}(?:\s+of)?\s+(?:the\s+)?$")
_DIST_BIT = _GATE.bit(_DIST_BEFORE, ("north", "south", "east", "west"))
# what makes "20 km north of X" locate another place ("Sokil, 20 km north of X", "located 20 km north of X")
# rather than put the claim itself beside X ("advanced 3 km north-east of X")
_LOCATOR_BEFORE = _c(r"(?:[\w'’)]\s*,|\(|\b(?:located|situated|lies|lie|lying|lay|is|are|was|were|some|just|village|town|"
                     r"settlement|city|hamlet|locality|positions?|base|airfield|depot)|^)\s*"
                     r"(?:(?:about|approximately|approx\.?|around|roughly|some|nearly|almost|over|more\s+than|less\s+than|"
                     r"under|up\s+to)\s+)?$")
_LOCATIVE_AFTER = _c(r"^[^.;]*?\b(?:near|toward|towards|in\s+the\s+direction\s+of|into)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?[A-Z]", 0)
_DIRECTION_AFTER = _c(r"^(?:[-–][A-Z][\w'’]+)*\s+(?:tactical\s+|operational\s+)?(?:direction|axis|sector|front|bridgehead|salient|"
                      r"zone|tactical\s+area|area\s+of\s+operations)s?\b")
_LINE_AFTER = _c(r"^(?:\s*[-–]\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*\s+(?:line|lines)\b")
_MODIFIER_AFTER = _c(r"^\s+(?:villages|settlements|towns|cities|residents|people|militants|voters|inhabitants|"
                     r"delegation|leadership|regime)\b")
_REGION_WORDS = _c(r"\b(?:region|oblast|krai|kray|republic|raion|rayon|district|province|territory|territories|"
                   r"governorate|okrug|peninsula|област\w*|республик\w*|кра[йя]\w*|район\w*)$|^(?:dpr|lpr|donbas+|crimea|kuban|transnistria)$")
# both matched at the end of the mention (``pattern.match(sentence, end)``)
_REGION_LIST_AFTER = _c(r"(?:\s*,\s*[A-Z][\w'’-]+|\s+and\s+[A-Z][\w'’-]+)*\s+(?:oblasts|regions|provinces|krais|republics)\b")
_REGION_NOUN_AFTER = _c(r"\s+(?:oblast|region|krai|kray|republic|province)\b")
_COUNTRIES = _c(r"^(?:the\s+)?(?:(?:southern|northern|eastern|western|central)\s+)?(?:ukraine|russia|russian\s+federation|"
                r"belarus|moldova|poland|germany|france|britain|great\s+britain|united\s+kingdom|uk|us|usa|u\.s\.|"
                r"united\s+states|america|china|india|iran|north\s+korea|turkey|t[uü]rkiye|georgia|romania|hungary|"
                r"slovakia|lithuania|latvia|estonia|finland|sweden|norway|italy|spain|japan|taiwan|israel|syria|europe|"
                r"ireland|austria|switzerland|belgium|netherlands|canada|european\s+union|eu|nato)$", _I)
# a list of names ("Sosnove, Yarova, and ") between a preposition and the mention
_LIST_TAIL = re.compile(r"(?:(?<=\s)|^)(?:(?:[A-Z][\w'’.()-]*|\([^)]*\)|occupied|controlled|held|cities|city|oblasts?|raions?|"
                        r"krai|villages?|settlements?|the|and|or|all|both)(?:[\s,;/]+|\s*[-–]\s*))+$")
# the lower-case words a _LIST_TAIL match may hold as whole words (outside brackets)
_LIST_WORDS = frozenset({"occupied", "controlled", "held", "cities", "city", "oblast", "oblasts", "raion", "raions",
                         "krai", "village", "villages", "settlement", "settlements", "the", "and", "or", "all", "both"})
# "occupied" right after a determiner or preposition is a status ("occupied Hvardiiske"), not the verb
_ATTRIBUTIVE = re.compile(r"(?:\b(?:the|a|an|in|of|from|near|to|at|on|by|into|with|newly|recently|temporarily)\s+|[-–]|"
                          r"[;,]\s*(?:and\s+)?)$", _I)
_STATUS_WORDS = re.compile(r"^(?:(?:russian|ukrainian)-)?(?:occupied|controlled|held)$", _I)

# --------------------------------------------------------------------------------------------
# Units and directions
# --------------------------------------------------------------------------------------------

_UNIT_ADJ = (r"(?:Guards|Separate|Independent|Motori[sz]ed|Motor|Mechani[sz]ed|Rifle|Tank|Airborne|Air\s+Assault|Assault|"
             r"Naval\s+Infantry|Marine|Artillery|Combined\s+Arms|Territorial\s+Defen[cs]e|Mountain|Special\s+Purpose|"
             r"Special\s+Forces|Spetsnaz|Jaeger|Presidential|Operational|Ranger|Unmanned\s+Systems|Drone|Coastal\s+Defen[cs]e|"
             r"Rocket|Anti-Aircraft|Missile|Infantry|Tactical|Volunteer|Reconnaissance|Engineer|Sapper|Heavy|Light|"
             r"Army|Air|Attack|Storm|Red\s+Banner|Order\s+of\s+\w+|Cossack|Spetsnaz|Landing|Paratrooper|Parachute|Arctic)")
_ORDINALS = tuple(f"{d}{suffix}" for d in "0123456789" for suffix in ("st", "nd", "rd", "th"))  # "58th": a stem
_UNITS: tuple[tuple[int, tuple[str, ...], re.Pattern[str]], ...] = (
    # (rank, stems, pattern); rank: lower = more specific
    (1, _ORDINALS, re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:" + _UNIT_ADJ + r"\s+)*(?:Battalion|Company|Detachment|Squadron|Regiment|"
                   r"Brigade|Bde|MRR|MRB|Rgt)\b")),
    (1, ("battalion", "regiment", "brigade", "detachment"), re.compile(r"\b(?:[A-Z][\w'’-]+\s+){1,3}(?:Battalion|Regiment|Brigade|Detachment)\b")),
    (2, _ORDINALS, re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:" + _UNIT_ADJ + r"\s+)*(?:Division|MRD|Div)\b")),
    (3, _ORDINALS, re.compile(r"\b\d+(?:st|nd|rd|th)\s+(?:" + _UNIT_ADJ + r"\s+)*(?:Army\s+Corps|Corps|Army|AC|CAA|TA|Flotilla|Fleet)\b")),
    (4, ("battle", "group"), re.compile(r"\b(?:Battle\s?group|Battle\s+Group|Grouping\s+of\s+Forces|Group\s+of\s+Forces)\s+['‘\"“]?[A-Z][a-z]+['’\"”]?")),
    (4, ("group",), re.compile(r"(?:['‘\"“][A-Z][a-z]+['’\"”]|\b(?:Sever|Zapad|Tsentr|Yug|Vostok|Dnepr|Northern|Western|Central|Southern|Eastern|Dnipro))\s+"
                   r"(?:Group(?:ing)?(?:\s+of\s+(?:Forces|Troops))?)\b")),
    (5, ("district",), re.compile(r"\b(?:Southern|Northern|Western|Eastern|Central|Leningrad|Moscow)\s+Military\s+District\b")),
)
_UNIT_BITS = tuple(_GATE.bit(pattern, stems) for _, stems, pattern in _UNITS)
_UNIT_TABLE = _GatedTable(_UNITS, _UNIT_BITS)
_DIRECTION_RE = re.compile(
    r"\b((?:[A-Z][\w'’]+)(?:[-–\s](?:[A-Z][\w'’]+)){0,2})\s+((?:tactical\s+|operational\s+)?(?:direction|axis|sector|front))\b")
_DIRECTION_WORDS = ("direction", "axis", "sector", "front")  # one stands in every match (case-sensitive)
# what stands before a direction word in a match: the end of a name, spaces, maybe "tactical"
_NAME_BEFORE_DIRECTION = re.compile(r"[A-Z][\w'’]+\s+(?:(?:tactical|operational)\s+)?\Z")
_NAME_REACH = 48  # characters read before a direction word (past them, the regex judges)
_NOT_DIRECTION = re.compile(r"^(?:The|On|In|At|Along|Across|From|Southern|Northern|Eastern|Western|Central|Russian|Ukrainian|"
                            r"Home|Popular|Main|Whole|Entire|This|That|Each|Every|Other)\b")


# the regexes _found searches (a lower-case twin each)
_add_twins((_SAY, _SAY_BEFORE, _HEDGES, _NEG_BEFORE, _FAIL_BEFORE, _NO_EVIDENCE, _ACTOR_BEFORE, _LOCATOR_BEFORE,
            _GOAL_IS, _HYPOTHETICAL, _VENUE_BEFORE))


class _Cue(NamedTuple):
    action: Action
    detail: str
    start: int
    end: int
    text: str


class _Attr(NamedTuple):
    claimant: Claimant
    start: int
    end: int
    text: str


def find_units(text: str) -> list[tuple[str, int, int, int]]:
    """The military units named in ``text``, as ``(name, start, end, rank)``; rank 1 is the most specific.

    See :func:`_find_units_cached` for the rules and examples.
    """
    return list(_find_units_cached(text))


@lru_cache(maxsize=32)
def _find_units_cached(text: str) -> list[tuple[str, int, int, int]]:
    """The military units named in ``text``, as ``(name, start, end, rank)``; rank 1 is the most specific.

    Examples
    --------
    >>> [u[0] for u in find_units("the 12th Separate Assault Brigade of the 4th Army Corps attacked")]
    ['12th Separate Assault Brigade', '4th Army Corps']
    """
    found: list[tuple[str, int, int, int]] = []
    for rank, _, pattern in _gated(_UNIT_TABLE, text):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e or m.start() <= s < m.end() for _, s, e, _ in found):
                continue
            name = m.group(0).strip()
            if name[:1] not in "'‘\"“":
                name = name.rstrip("'’\"”")
            if name.split()[0] in ("The", "On", "In", "Of", "And", "A"):
                continue
            found.append((name, m.start(), m.end(), rank))
    return sorted(found, key=lambda u: u[1])


def find_directions(text: str) -> list[tuple[str, int, int]]:
    """The front directions named in ``text`` ("Pokrovsk axis"), as ``(name, start, end)``.

    See :func:`_find_directions_cached` for the rules and examples.
    """
    return list(_find_directions_cached(text))


@lru_cache(maxsize=32)
def _find_directions_cached(text: str) -> list[tuple[str, int, int]]:
    """The front directions named in ``text`` ("Pokrovsk axis"), as ``(name, start, end)``.

    Examples
    --------
    >>> find_directions("On the Lyman direction and the Siversk-Kramatorsk axis the enemy attacked.")
    [('Lyman direction', 7, 22), ('Siversk-Kramatorsk axis', 31, 54)]
    """
    out: list[tuple[str, int, int]] = []
    if not _may_name_direction(text):
        return out  # a quick test: this is also asked of the long text before a sentence
    windows = _direction_windows(text)
    found = (_DIRECTION_RE.finditer(text) if windows is None
             else (m for lo, hi in windows for m in _DIRECTION_RE.finditer(text, lo, hi)))
    for m in found:
        name = m.group(1)
        while _NOT_DIRECTION.match(name):
            parts = name.split(None, 1)
            if len(parts) < 2:
                name = ""
                break
            name = parts[1]
        if not name:
            continue
        start = m.start(1) + (len(m.group(1)) - len(name))
        out.append((f"{name} {m.group(2)}", start, m.end()))
    return out


# The characters a match of _DIRECTION_RE is made of (names, dashes, spaces, the direction word).
_DIRECTION_RUN = re.compile(r"[\w'’\-–\s]*")
_DIRECTION_BACK = 200  # characters before a direction word a window holds


def _direction_windows(text: str) -> list[tuple[int, int]] | None:
    """Disjoint spans of ``text`` that hold every match of ``_DIRECTION_RE``, in order; None when one
    may reach further back than they do (then the whole text is searched).

    A fast path for the long text before a sentence: a match is a run of _DIRECTION_RUN characters
    ending in a direction word, so it lies between ``_DIRECTION_BACK`` characters before that word
    (when a character outside the run stands there) and the end of the run after it. Searched with
    the run's end as ``endpos``, a window gives the matches a search of the whole text gives there:
    the character at that end, outside the run, is no word character, so ``\b`` reads it as the
    end of the text does, and a match cannot reach past it.
    """
    spans: list[tuple[int, int]] = []
    for word in _DIRECTION_WORDS:
        at = text.find(word)
        while at != -1:
            lo = at - _DIRECTION_BACK
            if lo > 0 and _DIRECTION_RUN.match(text, lo).end() >= at:
                return None  # the run reaches past the window: its match may start before it
            spans.append((max(lo, 0), _DIRECTION_RUN.match(text, at).end()))
            at = text.find(word, at + 1)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _may_name_direction(text: str) -> bool:
    """False when ``_DIRECTION_RE`` cannot match in ``text``: no direction word stands there after a
    name ("the front" is none), told by a look at the characters before each direction word."""
    for word in _DIRECTION_WORDS:
        at = text.find(word)
        while at != -1:
            lo = at - _NAME_REACH
            if lo > 0 and (text[lo].isspace() or text[lo].isalnum() or text[lo] in "_'’"):
                return True  # the name (or the spaces after it) may reach further back
            if _NAME_BEFORE_DIRECTION.search(text, max(lo, 0), at):
                return True
            at = text.find(word, at + 1)
    return False


# --------------------------------------------------------------------------------------------
# Source claimant
# --------------------------------------------------------------------------------------------

_MOD_HINT = _c(r"\b(?:mod|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|ministry\s+said|minoborony|battle\s?group|"
               r"liberat\w+)\b")
_BLOG_HOSTS = re.compile(r"substack|blogspot|wordpress|medium\.com|livejournal|t\.me|telegram|x\.com|twitter")


@lru_cache(maxsize=16)
def source_claimant(report: Report) -> Claimant | None:
    """The default claimant of a report, from its url, title and first lines.

    Russian state agencies (Sputnik, TASS, RIA, RT, Interfax) relaying the Defence Ministry count as
    the MoD; DeepState pieces as DeepState; ISW / Critical Threats assessments as ISW; milblogger
    channels as milbloggers; any other news site as ``media``; blogs and posts without a url as None
    (the caller then falls back to the author). Kept for the last reports (asked once per mention).

    Examples
    --------
    >>> source_claimant(Report(text="", url="https://sputnikglobe.com/2024/russian-forces-liberate-x---mod-1.html"))
    <Claimant.RU_MOD: 'RU-MoD'>
    >>> source_claimant(Report(text="", url="https://www.understandingwar.org/backgrounder/x")).value
    'ISW'
    >>> source_claimant(Report(text="Deep State: Russia occupies a village")).value
    'DeepState'
    >>> source_claimant(Report(text="", url="https://example-news.com/a/b")).value
    'media'
    >>> source_claimant(Report(text="A walk in the park.")) is None
    True
    """
    if report.claimant_hint is not None:  # a known channel, or a forwarded message's origin
        return report.claimant_hint
    url = report.url or (report.source if "://" in report.source else "")
    host = urlparse(url).netloc.casefold() if url else ""
    head = " ".join(filter(None, (url, report.title, report.author, report.text[:400])))
    return _head_claimant(host, head)


# The head's patterns (case-sensitive, on the casefolded head), each with plain strings one of
# which every match holds: a pattern runs only where one of them stands (most heads hold none).
_ISW_HEAD = (re.compile(r"understandingwar|criticalthreats|\bisw\b|institute for the study of war"),
             ("understandingwar", "criticalthreats", "isw", "institute for the study of war"))
_DEEPSTATE_HEAD = (re.compile(r"deep[\s_-]?state"), ("deep",))
_BLOGGER_HEAD = (re.compile(r"rybar|colonelcassad|cassad|wargonzo|two majors|dva_majors|military chronicle|milchronicles"),
                 ("rybar", "cassad", "wargonzo", "two majors", "dva_majors", "military chronicle", "milchronicles"))
_AGENCY_HEAD = (re.compile(r"sputnik|tass\.|\btass\b|ria\.ru|\bria\b|rt\.com|interfax|mil\.ru|function\.mil|ru24|tvzvezda"),
                ("sputnik", "tass", "ria", "rt.com", "interfax", "mil.ru", "function.mil", "ru24", "tvzvezda"))
_GENSTAFF_HEAD = (re.compile(r"mil\.gov\.ua|zsu\.gov\.ua|general\s*staff"), ("mil.gov.ua", "zsu.gov.ua", "general"))


def _head_search(rule: tuple[re.Pattern[str], tuple[str, ...]], text: str) -> bool:
    """Whether the rule's pattern matches in ``text``, searched only when one of its strings stands there."""
    pattern, stems = rule
    return any(stem in text for stem in stems) and pattern.search(text) is not None


def _head_claimant(host: str, head: str) -> Claimant | None:
    """:func:`source_claimant` from a report's host and head."""
    low = head.casefold()
    if _head_search(_ISW_HEAD, low):
        return Claimant.ISW
    if _head_search(_DEEPSTATE_HEAD, low):
        return Claimant.DEEPSTATE
    if _head_search(_BLOGGER_HEAD, low):
        return Claimant.RU_MILBLOGGER
    if _head_search(_AGENCY_HEAD, host or low):
        return Claimant.RU_MOD if _MOD_HINT.search(head) else Claimant.MEDIA
    if "ukrain" in low and _head_search(_GENSTAFF_HEAD, low):
        return Claimant.UA_GENERALSTAFF
    if host and not _BLOG_HOSTS.search(host):
        return Claimant.MEDIA
    return None


# The text's own voice: a frontline summary that narrates one side's gains and the other side's
# losses sentence after sentence, in its own words and with next to no attribution, is that side's
# channel speaking (news copy attributes: "the ministry said", "according to DeepState").
_RU_ACTOR = _c(r"\b(?:russian|russia['’]s)\s+(?:[\w-]+\s+){0,2}?(?:forces|troops|units|army|servicemen|fighters|soldiers|"
               r"grouping|artillery|aviation|assault\s+\w+|reconnaissance\s+\w+)\b|"
               r"\bour\s+(?:troops|forces|units|fighters|guys|soldiers|boys)\b|\bassault\s+(?:forces|units|groups|detachments)\b")
_UA_SETBACK = _c(r"\b(?:ukraine|ukrainian\s+(?:forces|troops|army|military|units|formations)|the\s+enemy|the\s+afu|kiev|kyiv)\s+"
                 r"(?:has\s+|have\s+|had\s+)?(?:lost|suffered|attempted|(?:begun|began)\s+(?:\w+\s+){0,2}?preparations\s+to\s+withdraw)\b|"
                 r"\battempts?\s+by\s+(?:the\s+)?(?:ukrainian|enemy)\b")
_RU_ACTOR_STEMS = ("russia", "our", "assault")
_UA_SETBACK_STEMS = ("lost", "suffered", "attempt", "begun", "began")
_RU_ACTOR_BIT = _GATE.bit(_RU_ACTOR, _RU_ACTOR_STEMS)
_UA_SETBACK_BIT = _GATE.bit(_UA_SETBACK, _UA_SETBACK_STEMS)
_add_twins((_UA_SETBACK,))  # searched by _found
_FIRST_PERSON = re.compile(r"(?:^|[\s(“\"])(?:I|I['’](?:m|ve|d|ll)|[Mm]y|me)\b")
_GAINS = frozenset({Action.CAPTURED, Action.ENTERED, Action.ADVANCING, Action.FIGHTING, Action.STRUCK})
_VOICE_MIN = 4  # own-voice sentences needed
_VOICE_RATIO = 3  # ... and at least this many per attributed sentence
_VOICE_SPAN = 6000  # characters read from the start of the text


@lru_cache(maxsize=32)
def report_voice(text: str) -> Claimant | None:
    """The side a text speaks for in its own voice, when it is a one-sided channel summary.

    A sentence is in the text's own voice when it names no claimant, is not hedged, and either
    has Russian forces (or "our troops") gain, storm, advance or strike, or has Ukraine lose,
    attempt and fail, or prepare to withdraw. A text with at least four such sentences, three
    times as many as it has attributed sentences, and no first-person singular ("I", "my": a
    commentator's own piece, whose claims are the ``author``'s) speaks for the Russian side: an
    unattributed claim in it is a ``RU-milblogger``'s. News copy attributes its claims and does
    not qualify; the Ukrainian side has no claimant of that kind, so only the Russian one is found.

    Examples
    --------
    >>> t = ("Russian forces advance on all fronts. Russian units stormed the northern districts of Kupyansk. "
    ...      "Ukraine has lost more than 300 troops. Russian troops took control of Novoivanovka. "
    ...      "Russian assault groups are advancing on Uspenovka.")
    >>> report_voice(t).value
    'RU-milblogger'
    >>> report_voice("Russian troops took Novoivanovka, the ministry said. Russian forces advanced, it said.") is None
    True
    """
    from geo.text import sentences

    text = text[:_VOICE_SPAN]
    # the string counts first: both tests refuse, and a text they refuse is spared the regex pass
    if _too_few_candidates(text) or len(_FIRST_PERSON.findall(text)) >= 2:
        return None
    # only a sentence with the stems of an actor or a setback may be own-voice: the others are
    # read for attributions only, and only while the own-voice ones may still outnumber them
    candidates, others = [], []
    for s, e in sentences(text):
        sentence = text[s:e]
        (candidates if _stem_mask(sentence) & (_RU_ACTOR_BIT | _UA_SETBACK_BIT) else others).append(sentence)
    if len(candidates) < _VOICE_MIN:
        return None
    own = attributed = 0
    for i, sentence in enumerate(candidates):
        most = own + len(candidates) - i  # own-voice sentences still possible
        if most < _VOICE_MIN or most < _VOICE_RATIO * attributed:
            return None  # out of reach: the rest is not read (attributed only grows)
        if _find_attributions(sentence):
            attributed += 1
        elif not _hedged(sentence) and _own_voice(sentence):
            own += 1
    for sentence in others:
        if own < _VOICE_MIN or own < _VOICE_RATIO * attributed:
            return None
        if _find_attributions(sentence):
            attributed += 1
    if own >= _VOICE_MIN and own >= _VOICE_RATIO * attributed:
        return Claimant.RU_MILBLOGGER
    return None


def _too_few_candidates(text: str) -> bool:
    """True when fewer than ``_VOICE_MIN`` sentences of ``text`` can hold an actor's or a setback's stem.

    A fast path for short texts, ahead of the sentence split: each such sentence holds an
    occurrence of a stem of its own, so the occurrences in the whole text bound their number (a
    letter that folds oddly leaves the question to the sentences).
    """
    if not text.isascii() and not _ODD_FOLDS.isdisjoint(text):
        return False
    low = text.lower()
    return sum(low.count(stem) for stem in _RU_ACTOR_STEMS + _UA_SETBACK_STEMS) < _VOICE_MIN


def _own_voice(sentence: str) -> bool:
    """Russian forces gain or Ukraine suffers a setback in ``sentence`` (see :func:`report_voice`)."""
    mask = _stem_mask(sentence)
    actor = _RU_ACTOR.search(sentence) if mask & _RU_ACTOR_BIT else None
    return bool((mask & _UA_SETBACK_BIT and _found(_UA_SETBACK, sentence)) or (actor is not None and any(
        c.action in _GAINS and c.start >= actor.start() for c in _find_cues(sentence))))


# --------------------------------------------------------------------------------------------
# Sentence analysis
# --------------------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r";|:\s|\s[–—]\s|,\s+(?:but|while|whereas|although|though|however|yet)\b|\s(?:but|while|whereas)\s"
                           r"|[.!?](?:\*+|\[\[[^\]]*\]\](?:\([^)\s]*\))?|\[\d+\])*\s+(?=[*\[\"“]?[A-Z])|\n")


@lru_cache(maxsize=16)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the clause breaks in ``sentence`` (kept for the next mentions in the same sentence)."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause the mention stands in."""
    lo, hi = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return lo, hi


def _previous_clause_start(sentence: str, lo: int) -> int | None:
    """Start of the clause before a ';' that ends at ``lo`` (verbless list items inherit its verb)."""
    if lo <= 0 or sentence[lo - 1] != ";":
        return None
    return _clause_bounds(sentence, lo - 1, lo - 1)[0] if lo - 1 > 0 else 0


@lru_cache(maxsize=32)
def _all_cues(text: str) -> tuple[_Cue, ...]:
    """Every cue in ``text`` (memoised: a sentence is analysed once per mention in it)."""
    return _scan_cues(text, _gated(_CUE_TABLE, text))


def _scan_cues(
    text: str, rows: tuple[tuple[Action, str, tuple[str, ...] | _Both, re.Pattern[str]], ...]
) -> tuple[_Cue, ...]:
    """The cues the given rows of ``_CUES`` find in ``text``, row by row."""
    found: list[_Cue] = []
    low = text.lower() if text.isascii() else None
    for action, detail, _, pattern in rows:
        for m in _finditer(pattern, text, low):
            word = text[m.start():m.end()]
            if _STATUS_WORDS.match(word) and (_ATTRIBUTIVE.search(text[:m.start()]) or "-" in word
                                              or text[m.start() - 1:m.start()] == "-"):
                continue  # "the occupied territories", "Russian-occupied Lyman": a status, not an event
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


def _find_attributions(text: str) -> list[_Attr]:
    return list(_attributions(text))


@lru_cache(maxsize=32)
def _attributions(text: str) -> tuple[_Attr, ...]:
    """Every attribution in ``text`` (memoised, like the cues)."""
    return _scan_attributions(text, _gated(_CLAIMANT_TABLE, text))


def _scan_attributions(
    text: str, rows: tuple[tuple[Claimant, tuple[str, ...] | _Both, re.Pattern[str], bool], ...]
) -> tuple[_Attr, ...]:
    """The attributions the given rows of ``_CLAIMANT_CUES`` (then the speaker metonyms) find in ``text``."""
    found: list[_Attr] = []
    low = text.lower() if text.isascii() else None
    for claimant, _, pattern, needs_speech in rows:
        for m in _finditer(pattern, text, low):
            if any(m.start() < a.end and m.end() > a.start for a in found):
                continue
            if needs_speech:
                lo, hi = _clause_bounds(text, m.start(), m.end())
                near = text[m.end():min(hi, m.end() + 50)]
                if not (_found(_SAY, near) or _found(_SAY_BEFORE, text[max(lo, m.start() - 40):m.start()])):
                    continue
            found.append(_Attr(claimant, m.start(), m.end(), text[m.start():m.end()]))
    # speaker metonyms: "Moscow said", "Russia claimed", "Kyiv reported", "the Kremlin" (the regex
    # runs only where one of the names stands)
    metonyms = _METONYM_NAMES.finditer(text) if any(name in text for name in _METONYM_WORDS) else ()
    for m in metonyms:
        if any(m.start() < a.end and m.end() > a.start for a in found):
            continue
        before = text[max(0, m.start() - 12):m.start()]
        if _found(_PREPOSITION_BEFORE, before):
            continue
        after = text[m.end():]
        if _KREMLIN.match(m.group(0)) or (_may_speak(after) and _SPEECH_AFTER.match(after)) or _POSSESSIVE_ACTOR.match(after):
            found.append(_Attr(_metonym_claimant(m.group(0)), m.start(), m.end(), m.group(0)))
    return tuple(sorted(found, key=lambda a: a.start))


# a preposition before a metonym ("in Moscow", "from the Kremlin"): a place, not a speaker
_PREPOSITION_BEFORE = _c(r"\b(?:in|of|from|to|at|on|for|against|with|into|across|and)\s+(?:the\s+)?$")
_add_twins((_PREPOSITION_BEFORE,))  # searched by _found
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")
_HEADER_LINE = re.compile(r"^\s*(?:(?:message|summary|report|post|update)\s+(?:from|by)\b|from\s+\S+\s+telegram)", _I)


@lru_cache(maxsize=32)
def _context_claimant(context: str) -> _Attr | None:
    """The claimant the text before a sentence carries over to it.

    The previous sentence's attribution first ("..., the ministry said." then "It added ..."), else
    the nearest header line above: a short line naming a claimant ("Colonelcassad", "Summary by
    Marat Khairullin") or introducing a quoted post ("Message from the Russian Ministry of Defense:").
    Kept for the sentence's next mentions.
    """
    lines = [ln for ln in context.split("\n") if ln.strip()]
    if not lines:
        return None
    last = lines[-1]
    if not _is_header(last):
        prev = _last_sentence(last.strip())
        attrs = _find_attributions(prev)
        if attrs:
            return attrs[-1]
    for line in reversed(lines):
        found = _header_attribution(line)
        if found is not None:
            return found
    return None


_SENTENCE_END_CHARS = frozenset("\"”’»)")  # what a match of _SENTENCE_END is made of, with whitespace
_LAST_SENTENCE_REACH = 1000  # characters searched from the end of a line first


def _last_sentence(line: str) -> str:
    """``_SENTENCE_END.split(line)[-1]``: the text after the last sentence end, searched from the end.

    A fast path for the long last line of a context: the search starts ``_LAST_SENTENCE_REACH``
    characters before the end (twice as far each time it finds no sentence end), at a character
    after one no match can hold (a match is closing quotes and whitespace). No match then spans the
    start, so the search finds the matches a search of the whole line finds from there on.
    """
    reach = _LAST_SENTENCE_REACH
    while True:
        pos = len(line) - reach
        while pos > 0 and (line[pos - 1].isspace() or line[pos - 1] in _SENTENCE_END_CHARS):
            pos -= 1
        if pos <= 0:
            return _SENTENCE_END.split(line)[-1]
        last = None
        for last in _SENTENCE_END.finditer(line, pos):
            pass
        if last is not None:
            return line[last.end():]
        reach *= 2


@lru_cache(maxsize=64)
def _header_attribution(line: str) -> _Attr | None:
    """The first attribution of a header line; None for other lines (kept: the next sentences'
    contexts hold the same lines)."""
    if _is_header(line):
        attrs = _find_attributions(line)
        if attrs:
            return attrs[0]
    return None


def _is_header(line: str) -> bool:
    text = line.strip()
    short = len(text.split(None, 8)) <= 8  # nine pieces: more than eight words (a long line is not split whole)
    intro = bool(_HEADER_LINE.match(text)) and text.endswith(":")
    return bool(text) and (short or intro) and bool(_find_attributions(text))


def _metonym_claimant(name: str) -> Claimant:
    if _KREMLIN.match(name):
        return Claimant.RU_OFFICIAL
    if _RU_SPEAKERS.match(name):
        return Claimant.RU_MOD
    return Claimant.UA_OFFICIAL


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
        if c.action in _PRIORITY:
            return c, lo
    before = [c for c in inside if c.end <= start]
    after = [c for c in inside if c.start >= end and not _attributive_after(sentence, c)]
    rel = _relative_cue(sentence, end, hi, after)
    if rel is not None:
        return rel, lo
    if before:
        return before[-1], lo
    return (after[0] if after else None), lo


_DETERMINER_BEFORE = _c(r"\b(?:the|a|newly|recently|all|two|three|several|other)\s+$")
_RELATIVE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:which|where|that)\b")
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


def _pick_attribution(attrs: list[_Attr], start: int, end: int, lo: int, hi: int) -> _Attr | None:
    """The attribution of the mention's clause nearest to it, else the sentence's nearest."""
    pool = [a for a in attrs if lo <= a.start and a.end <= hi and not (a.start < end and a.end > start)]
    if not pool:
        pool = [a for a in attrs if not (a.start < end and a.end > start)]
    if not pool:
        return None
    return min(pool, key=lambda a: (a.start - end) if a.start >= end else (start - a.end))


_GAP_WORDS = re.compile(r"[\w'’-]+")
# the words that may stand between a cue and the place it governs (strict: regions, countries)
_DIRECT_WORDS_STRICT = frozenset({
    "on", "at", "against", "the", "a", "over", "across", "into", "targeting", "toward", "towards", "to", "of", "southern",
    "northern", "eastern", "western", "central", "entire", "whole"})
_DIRECT_WORDS = _DIRECT_WORDS_STRICT | {
    "in", "near", "around", "for", "part", "parts", "and", "outskirts", "settlement", "village", "town", "city",
    "villages", "settlements", "towns", "area", "areas", "populated", "locality", "localities", "hamlet", "district",
    "districts", "center", "centre"}
_ACROSS_WORDS = frozenset({"on", "against", "across", "over", "into", "throughout"})
_PASSIVE_GAP = _c(r"\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,40},\s*)?(?:(?:has|have|had)\s+been\s+|"
                  r"(?:was|were|is|are|being)\s+)(?:(?:also|now|reportedly|fully|completely|reported)\s+)*")


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


def _may_be_reference(bare: str) -> bool:
    """False when ``_REFERENCE_BEFORE`` cannot match ``bare``: most branches end in a preposition
    (see :func:`_may_end_in`), the others hold one of _REFERENCE_ANY_END."""
    if _may_end_in(bare, _REFERENCE_LAST) or (not bare.isascii() and not _ODD_FOLDS.isdisjoint(bare)):
        return True
    low = bare.lower()
    return any(stem in low for stem in _REFERENCE_ANY_END)


def _venue_before(before: str) -> bool:
    """Whether ``_VENUE_BEFORE`` matches ``before`` (see :func:`_search_last_words`)."""
    return _search_last_words(_VENUE_BEFORE, _VENUE_BIT, _VENUE_WORDS, before)


def _search_last_words(pattern: re.Pattern[str], bit: int, words: int, text: str) -> bool:
    """Whether ``pattern.search(text)`` matches, for a pattern registered with the gate (``bit``) whose matches end at
    the end of ``text`` and touch at most ``words`` whitespace-separated words.

    Only those last words are read, and only when they hold one of the pattern's stems: every match
    starts among them, so the first one found there is the first one.
    """
    head = text.rsplit(None, words)
    start = len(head[0]) if len(head) > words else 0
    return _found(pattern, text, start) if _GATE.mask(text[start:]) & bit else False


def _may_end_in(before: str, endings: tuple[str, ...], stems: tuple[str, ...] = ()) -> bool:
    """False when ``before`` cannot end in "<word> (the )<whitespace>" with a word ending in one of
    ``endings`` or holding one of ``stems`` (case-insensitively).

    A string test ahead of the end-anchored regexes of that shape, which search the whole clause.
    """
    if not before[-1:].isspace():
        return False
    for word in reversed(before.rsplit(None, 2)[-2:]):
        if not FOLDS_TO_ASCII.isdisjoint(word):
            return True  # a letter the regex reads as ASCII: let it judge
        low = word.lower()
        if low.endswith(endings) or any(stem in low for stem in stems):
            return True
        if low != "the":
            return False
    return False


_CONTAINER_BEFORE = _c(r"\b(?:in|of)\s+(?:the\s+)?(?:[a-z]+ern\s+)?$|на\s+территории\s+$")
_add_twins((_CONTAINER_BEFORE,))  # searched by _found
_LIST_JOIN_BEFORE = re.compile(r"(?:,|\band|\bor)\s+$")


def _role(sentence: str, start: int, end: int, kind: str, cue: _Cue | None, lo: int, hi: int) -> tuple[str, str]:
    """(role, reason) of the mention; '' when only the presence of an event cue decides."""
    mention = sentence[start:end]
    before = sentence[lo:start]
    after = sentence[end:hi]
    metonym = bool(_METONYMS.match(mention))
    rest = sentence[end:]
    if (_may_speak(rest) and _SPEECH_AFTER.match(rest)) or ((metonym or kind == "country") and _POSSESSIVE_ACTOR.match(rest)):
        return "speaker", "speaker: followed by a speech verb"
    # ``before`` is part of the sentence: what the sentence's stems rule out, they rule out there
    if ((_stem_mask(sentence) & _VENUE_BIT and _may_end_in(before, _VENUE_LAST) and _venue_before(before))
            or _VENUE_AFTER.match(after)):
        return "venue", "venue: meeting word"
    strict = kind in ("region", "country", "water", "other") or metonym
    direct = cue is not None and _direct(sentence, cue, start, end, strict=strict, country=kind == "country")
    if strict and cue is not None and cue.start > end and _found(_CONTAINER_BEFORE, before):
        direct = False  # "the village of X in the Y region has been liberated": Y only contains it
    if metonym and not direct:
        return "speaker", "speaker: seat of power"
    if kind == "country" and not direct and _may_end_in(before, _ACTOR_LAST, _ACTOR_STEMS) and _found(_ACTOR_BEFORE, before):
        return "speaker", "speaker: country as actor"
    if _MODIFIER_AFTER.match(after) and not _LIST_JOIN_BEFORE.search(before):
        return "background", "background: used as a modifier"
    if cue is not None and _hypothetical(sentence, cue, lo):
        return "background", f"background: hypothetical '{cue.text}'"
    if _DIRECTION_AFTER.match(after):
        return ("event", "direction name") if cue is not None else ("background", "direction without event")
    if cue is not None and cue.start >= end and _relative_cue(sentence, end, hi, [cue]) is cue:
        return "event", f"relative clause '{cue.text}'"
    if kind == "water" and cue is not None:
        return "event", f"water by cue '{cue.text}'"
    if strict and not direct:
        return "background", f"background: {kind or 'place'} not governed by a cue"
    # the regexes below search ``before`` to its end: the sentence's stems spare most of them
    mask = _stem_mask(sentence)
    dist = _DIST_BEFORE.search(before) if mask & _DIST_BIT else None
    if dist and _found(_LOCATOR_BEFORE, before[:dist.start()]):
        return "background", "background: distance locator"
    if _LINE_AFTER.match(after):
        return "background", "background: line reference"
    if not mask & _REFERENCE_BIT:
        return "", ""
    bare = _strip_list(before)
    # the sentence's stems let it through: those of ``bare`` itself tell more, for a look-up per word
    ref = (_REFERENCE_BEFORE.search(bare) if _may_be_reference(bare) and _GATE.mask(bare) & _REFERENCE_BIT
           else None)
    if ref:
        rtext = ref.group(0).lower()
        if not re.match(_DIRS, rtext) or _LOCATIVE_AFTER.search(after) or re.search(r"\(\s*(?:all\s+|both\s+)?$", bare[:ref.start()]):
            return "background", "background: reference point"
    return "", ""


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


def analyse_mention(
    sentence: str,
    start: int,
    end: int,
    *,
    report: Report | None = None,
    context: str = "",
    kind: str = "",
) -> ClaimContext:
    """Analyse the claim a sentence makes about the place mentioned at ``sentence[start:end]``.

    Parameters
    ----------
    sentence : str
        The sentence the mention stands in.
    start, end : int
        The mention's span inside ``sentence``.
    report : Report, optional
        The report, for the default claimant (:func:`source_claimant`); with a report, an
        unattributed claim falls back to ``Claimant.AUTHOR``.
    context : str, optional
        The text before the sentence (the paragraph so far, and a post's header line if any), for
        claimant carry-over ("..., the ministry said." then "It also ..."); its last attribution counts.
    kind : str, optional
        "settlement", "region", "country", "water" or "other" when the caller knows it (from the
        gazetteer); guessed from the name otherwise ("... region", "... Oblast", country names).

    Returns
    -------
    ClaimContext

    Raises
    ------
    ValueError
        When the span is not inside the sentence.

    Examples
    --------
    >>> s = "Ukrainian forces repelled two Russian assaults near Bilohorivka, the General Staff said."
    >>> c = analyse_mention(s, s.index("Bilohorivka"), s.index("Bilohorivka") + 11)
    >>> c.action.value, c.role
    ('repelled', 'event')
    >>> s = "Russian troops have not captured Kurakhove, Ukraine's General Staff said."
    >>> c = analyse_mention(s, s.index("Kurakhove"), s.index("Kurakhove") + 9)
    >>> c.action.value, c.negated, c.claimant.value
    ('other', True, 'UA-GeneralStaff')
    """
    return analyse_mention_all(sentence, start, end, report=report, context=context, kind=kind)[0]


def analyse_mention_all(
    sentence: str,
    start: int,
    end: int,
    *,
    report: Report | None = None,
    context: str = "",
    kind: str = "",
) -> list[ClaimContext]:
    """Like :func:`analyse_mention`, plus the other claimants' claims about the same place in the sentence.

    In "Moscow said it had captured Avdiivka; Kyiv said fighting there continued" the mention gets
    two claims: the first is the mention's own clause (captured, RU-MoD), the next ones come from
    other clauses with another claimant that name the place again or refer to it ("there", "the
    city"). Two claims with different claimants mark the place as contested.

    Examples
    --------
    >>> s = "Moscow said it had captured Avdiivka; Kyiv said fighting there continued."
    >>> [(c.action.value, c.claimant.value) for c in analyse_mention_all(s, 28, 36)]
    [('captured', 'RU-MoD'), ('fighting', 'UA-official')]
    """
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"mention span {start}:{end} is not inside a sentence of {len(sentence)} characters")
    kind = (kind or _kind_of(sentence, start, end)).casefold()
    attrs = _find_attributions(sentence)
    first = _analyse(sentence, start, end, attrs, report=report, context=context, kind=kind)
    claims = [first]
    if first.role != "event":
        return claims
    lo, hi = _clause_bounds(sentence, start, end)
    if lo == 0 and hi == len(sentence):
        return claims  # a sentence of one clause: no other clause to name the place again
    name = re.escape(sentence[start:end])
    ref = re.compile(rf"\b(?:{name}|there|the\s+(?:city|town|village|settlement|area|locality))\b", _I)
    seen = {first.claimant}
    for m in ref.finditer(sentence):
        if lo <= m.start() < hi:
            continue
        clo, chi = _clause_bounds(sentence, m.start(), m.end())
        attr = _pick_attribution(attrs, m.start(), m.end(), clo, chi)
        if attr is None or not (clo <= attr.start < chi) or attr.claimant in seen:
            continue
        other = _analyse(sentence, m.start(), m.end(), attrs, report=report, context=context, kind=kind,
                         as_event=True)
        if other.role == "event":
            seen.add(other.claimant)
            claims.append(other)
    # "Moscow said it captured Pokrovsk; Kyiv said fighting was ongoing": a later clause with its own
    # claimant and event, naming no other place, speaks of the same place
    for clo, chi in _later_clauses(sentence, hi):
        clause = sentence[clo:chi]
        if _CAPITALISED.search(clause.strip()[1:]) and not _only_speakers(clause, attrs, clo):
            continue
        inside = [a for a in attrs if clo <= a.start and a.end <= chi and a.claimant not in seen]
        cues = [c for c in _find_cues(sentence) if clo <= c.start and c.end <= chi]
        if not inside or not cues:
            continue
        cue = next((c for c in cues if c.action in _PRIORITY), cues[-1])
        action, detail = cue.action, cue.detail
        negated, how = _negation(sentence, cue, clo)
        if negated:
            action, detail = ((Action.ATTACKED, f"failed: {cue.detail}") if how == "fail" and action in
                              (Action.CAPTURED, Action.ENTERED, Action.ADVANCING) else
                              (action, detail) if action is Action.REPELLED else (Action.OTHER, f"denied: {cue.detail}"))
        attr = inside[0]
        seen.add(attr.claimant)
        claims.append(ClaimContext(action=action, action_detail=detail, claimant=attr.claimant, role="event",
                                   unit=first.unit, direction=first.direction, negated=negated,
                                   hedged=_found(_HEDGES, clause),
                                   why=(f"same place, other claimant's clause: cue '{cue.text}'", f"claimant '{attr.text}'")))
    return claims


def _later_clauses(sentence: str, hi: int) -> list[tuple[int, int]]:
    """The clauses of ``sentence`` after offset ``hi``."""
    out = []
    pos = hi
    while pos < len(sentence):
        m = _CLAUSE_BREAK.search(sentence, pos)
        start = m.end() if m else len(sentence)
        if start >= len(sentence):
            break
        lo2, hi2 = _clause_bounds(sentence, start, start + 1)
        if hi2 <= start:
            break
        out.append((start, hi2))
        pos = hi2
    return out


def _only_speakers(clause: str, attrs: list[_Attr], offset: int) -> bool:
    """True when every capitalised word of the clause belongs to an attribution ("Kyiv", "the General Staff")."""
    spans = [(a.start - offset, a.end - offset) for a in attrs]
    for m in re.finditer(r"\b[A-Z][\w'’-]+", clause):
        if m.start() == len(clause) - len(clause.lstrip()):
            continue  # the clause's first word
        if not any(a <= m.start() < b for a, b in spans):
            return False
    return True


_CAPITALISED = re.compile(r"(?<!^)(?<![.;:]\s)\b[A-Z][a-z]{2,}")  # a name inside a clause (not its first word)
_NEAR_BEFORE = _c(rf"\b(?:near|around|outside|close\s+to|next\s+to|{_DIRS}\s+of)\s+(?:the\s+)?(?:\w+\s+)?$")
_add_twins((_NEAR_BEFORE,))  # searched by _found


def _analyse(
    sentence: str,
    start: int,
    end: int,
    attrs: list[_Attr],
    *,
    report: Report | None,
    context: str,
    kind: str,
    as_event: bool = False,
) -> ClaimContext:
    lo, hi = _clause_bounds(sentence, start, end)
    why: list[str] = []
    cues = _find_cues(sentence, skip=(start, end))
    cue, role_lo = _governing_cue(cues, start, end, lo, hi, sentence)
    role, reason = ("", "") if as_event else _role(sentence, start, end, kind, cue, role_lo, hi)
    if not role:
        role, reason = ("event", f"cue '{cue.text}'") if cue else ("background", "no event cue in the clause")
    why.append(reason)

    # claimant: the mention's clause, the sentence, the context, the source, the author
    claimant: Claimant | None = None
    name = sentence[start:end]
    if role == "speaker" and (_KREMLIN.match(name) or _RU_SPEAKERS.match(name) or _UA_SPEAKERS.match(name)):
        claimant = _metonym_claimant(name)
    if claimant is None:
        attr = _pick_attribution(attrs, start, end, lo, hi)
        if attr is not None:
            claimant = attr.claimant
            why.append(f"claimant '{attr.text}'")
    voice = None
    source = source_claimant(report) if report is not None and claimant is None else None
    # a known source (the MoD's agency, ISW, DeepState) speaks for itself: its voice is not read
    if report is not None and claimant is None and source in (None, Claimant.MEDIA):
        voice = report_voice(report.text)
    if claimant is None and voice is not None:
        # an own-voice narrative: its unattributed sentences are the channel's, not the last speaker's
        claimant = voice
        why.append(f"claimant: the text's own voice ({voice.value})")
    if claimant is None and context:
        found = _context_claimant(context)
        if found is not None:
            claimant = found.claimant
            why.append(f"claimant from context '{found.text}'")
    if claimant is None and report is not None:
        claimant = source
        if claimant is not None:
            why.append("claimant from source")
        else:
            claimant = Claimant.AUTHOR
            why.append("claimant: author (unattributed)")

    # action, negation, hedging
    action, detail, negated = Action.OTHER, "", False
    hedged = _hedged(sentence)
    if role == "event" and cue is not None:
        action, detail = cue.action, cue.detail
        if action in (Action.CAPTURED, Action.ENTERED) and cue.end <= start and _found(_NEAR_BEFORE, 
                _strip_list(sentence[cue.end:start])):
            action, detail = Action.ADVANCING, f"{detail} nearby"  # "occupied two villages near X"
        negated, how = _negation(sentence, cue, lo)
        if negated:
            if how == "fail" and action in (Action.CAPTURED, Action.ENTERED, Action.ADVANCING):
                action, detail = Action.ATTACKED, f"failed: {cue.detail}"
            elif action is not Action.REPELLED:
                action, detail = Action.OTHER, f"denied: {cue.detail}"
            why.append("negated")
        if _DIRECTION_AFTER.match(sentence[end:hi]):
            # the place names a direction: a capture on the direction is not a capture of the town
            action = Action.ADVANCING if action in (Action.CAPTURED, Action.ENTERED, Action.ADVANCING) else Action.FIGHTING
            detail = f"direction: {detail}"
    if hedged:
        why.append("hedged")

    # unit and direction
    unit = ""
    units = _find_units_cached(sentence)  # read only: the kept list itself
    if units:
        near = [u for u in units if lo <= u[1] < hi] or units
        unit = min(near, key=lambda u: (u[3], abs(u[1] - start)))[0]
    direction = ""
    named = _find_directions_cached(sentence)  # read only, as the units
    dirs = [d for d in named if not (d[1] <= start < d[2])] or named
    if dirs:
        prior = [d for d in dirs if d[1] <= start]
        direction = prior[-1][0] if prior else dirs[0][0]
    elif context:
        cdirs = _find_directions_cached(context)
        if cdirs:
            direction = cdirs[-1][0]
    return ClaimContext(
        action=action,
        action_detail=detail,
        claimant=claimant,
        role=role,
        unit=unit,
        direction=direction,
        negated=negated,
        hedged=hedged,
        why=tuple(why),
    )
