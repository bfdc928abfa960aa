"""The report state: who speaks, what is being listed, which day — read over a whole report in order.

A sentence rarely says all it means. Reports name their speaker once ("The Russian Defence Ministry
said…", "MOSCOW, March 3. /TASS/.", "Генштаб ЗСУ повідомляє…") and go on in the speaker's words; they
open a list in one sentence and fill it in the next ("…liberated three settlements. Among them are
A, B and C", "Серед них…"), or come back to it ("fighting continues in both these areas"); they date
a paragraph once. The sentence reading (:mod:`geo.claims`) sees one sentence; this pass reads the
report's sentences in order and carries three things from one to the next:

speaker
    The last speaker the report named (an attribution the sentence reading finds, or a report-level
    form of this module's table: a dateline, a speaker as reports name them). It stays until
    another one is named; a sentence that names its speaker after the fact ("This was reported by
    X", "Об этом сообщил X", "Про це повідомив X") gives it to the sentences before it back to the
    last speaker named. It becomes the claimant of the claims whose own sentence named none — those
    that fell back to the previous sentence, the text's voice, the source or the author.
open list
    An action the report gives to places their own sentence leaves without one: after a list opener
    ("Among them", "The villages are", "Среди них", "В том числе", "Серед них"), the places that
    follow it take the last action of the sentence before (or of the same sentence before the
    opener); a sentence that comes back to the previous one's places ("in these areas", "у цих
    районах") gives them its own action.
date scope
    The date a sentence names holds for the later sentences of its paragraph (a paragraph ends at a
    line break) that name none, until another date is named.

The markers are data: ``geo/rules/discourse.jsonl`` (see :mod:`geo.rules`), one phrase per row with
an example sentence; the classes are ``speaker`` and ``dateline`` (field ``claimant``), ``backref``,
``list`` and ``anaphor``. The pass reads each sentence once (one regular expression for all
markers) and is linear in the report.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from frontmap.errors import RuleError
from gazetteer.names import fold
from geo.claims import find_attributions, find_cues
from geo.dates import claim_date
from geo.model import Action, Claimant
from geo.rules import Rule, load_table
from geo.text import sentences

if TYPE_CHECKING:
    from collections.abc import Sequence

    from geo.model import Claim

__all__ = ["CLASSES", "Marker", "Speaker", "Listing", "SentenceState", "markers", "find_markers", "read_report",
           "apply_report_state"]

TABLE = "discourse"
CLASSES = frozenset({"speaker", "dateline", "speech", "backref", "reset", "list", "anaphor"})
_FIELDS = {"claimant": frozenset(c.value for c in Claimant)}

# How geo.claims says a claimant was not named by the claim's own sentence (the start of its ``why``).
# The text's own voice (a channel narrating in its own words) is the report's speaker already: kept.
_DEFAULTED = ("claimant from context", "claimant from source", "claimant: author")
_SPEECH_REACH = 60  # characters between a speaker and the speech word that makes it one
_HEADER_WORDS = 8  # a line of at most this many words that names a speaker heads what follows
_AUTHOR = ("claimant: author",)  # what a dateline's outlet stands in for
_DATELINE_SENTENCES = 3  # a dateline stands in the first sentences of a report


@dataclass(frozen=True)
class Marker:
    """A phrase of the table found in a sentence."""

    cls: str
    start: int
    end: int
    text: str
    rule: Rule

    @property
    def claimant(self) -> Claimant | None:
        value = self.rule.get("claimant")
        return Claimant(value) if value else None


@dataclass(frozen=True)
class Speaker:
    """Who speaks: the claimant, the words that named it, and the sentence they stand in."""

    claimant: Claimant
    text: str
    sentence: int
    weak: bool = False  #: a dateline: it stands in only for the author


@dataclass(frozen=True)
class Listing:
    """An action the report gives the places of a sentence from ``start`` on, and where it comes from."""

    action: Action
    detail: str
    start: int
    why: str


@dataclass(frozen=True)
class SentenceState:
    """The report state at one sentence.

    Attributes
    ----------
    span : tuple of int
        The sentence in the report's text.
    speaker : Speaker or None
        Who speaks in the sentence: named in it, named after it (a back reference), or carried.
    date : datetime.date or None
        The date in scope: the sentence's own, else the last one its paragraph named before it.
    own_date : bool
        The date is the sentence's own.
    listing : Listing or None
        The action an open list gives the sentence's places that have none.
    """

    span: tuple[int, int]
    speaker: Speaker | None = None
    date: _dt.date | None = None
    own_date: bool = False
    listing: Listing | None = None


@lru_cache(maxsize=1)
def markers() -> tuple[tuple[Rule, ...], re.Pattern[str]]:
    """The table's rows and one pattern holding them all (group ``r<N>`` for row N; longest first)."""
    rows = load_table(TABLE, classes=CLASSES, fields=_FIELDS)
    for row in rows:
        if row.cls in ("speaker", "dateline") and not row.get("claimant"):
            raise RuleError(f"{TABLE}.jsonl:{row.line}: a {row.cls} row needs a claimant")
    parts = []
    for i, row in sorted(enumerate(rows), key=lambda ir: -len(ir[1].key)):
        body = r"\s+".join(re.escape(w) for w in row.key.split(" ")).replace("'", "['’ʼ`]")
        lead = r"(?<!\w)" if row.key[0].isalnum() else ""
        tail = r"\w*" if row.match == "prefix" else (r"(?!\w)" if row.key[-1].isalnum() else "")
        parts.append(f"(?P<r{i}>{lead}{body}{tail})")
    return rows, re.compile("|".join(parts), re.IGNORECASE)


@lru_cache(maxsize=64)
def find_markers(sentence: str) -> tuple[Marker, ...]:
    """The table's markers in a sentence, in text order.

    >>> [(m.cls, m.text) for m in find_markers("Among them are Tykhe and Novoye.")]
    [('list', 'Among them')]
    """
    rows, pattern = markers()
    found = []
    for m in pattern.finditer(sentence):
        row = rows[int(m.lastgroup[1:])]
        found.append(Marker(row.cls, m.start(), m.end(), m.group(0), row))
    return tuple(found)


def _named_speaker(sentence: str, found: tuple[Marker, ...], i: int, header: bool) -> Speaker | None:
    """The last speaker a sentence names as speaking: an attribution of the sentence reading (else a
    speaker row) with a speech word near it ("said", "according to", "сообщил", "повідомляє"), or
    any in a header line. Named without one ("our troops", "the Kremlin's plan"), it is no speaker."""
    named = [(a.start, a.end, a.claimant, a.text) for a in find_attributions(sentence)] or [
        (m.start, m.end, m.claimant, m.text) for m in found if m.cls == "speaker"]
    if not header:
        speech = [m for m in found if m.cls in ("speech", "backref")]
        named = [n for n in named if any(m.start - _SPEECH_REACH <= n[1] and n[0] <= m.end + _SPEECH_REACH
                                         for m in speech)]
    if not named:
        return None
    _, _, claimant, text = max(named, key=lambda n: n[0])
    return Speaker(claimant, text, i)


def _last_cue(sentence: str, before: int | None = None):
    cues = [c for c in find_cues(sentence) if before is None or c.end <= before]
    return cues[-1] if cues else None


def read_report(text: str, spans: Sequence[tuple[int, int]] | None = None,
                report_date: _dt.date | None = None) -> list[SentenceState]:
    """The report state at each sentence of ``text`` (``spans``: its sentences, default :func:`geo.text.sentences`).

    Examples
    --------
    >>> t = "Про це Генштаб ЗСУ повідомляє. Бої тривали біля Торського."
    >>> [s.speaker.claimant.value for s in read_report(t)]
    ['UA-GeneralStaff', 'UA-GeneralStaff']
    """
    spans = list(spans if spans is not None else sentences(text))
    states: list[SentenceState] = []
    report: Speaker | None = None  # the report's speaker: the first named, a header line's, a back reference's
    paragraph: Speaker | None = None  # a speaker named later in running text: until its paragraph ends
    recalled = False  # the paragraph is the outlet's reminder ("Напомним", "Recall that"): no one else speaks
    last_named = -1  # the sentence that last named a speaker
    date: _dt.date | None = None
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        found = find_markers(sentence)
        classes = {m.cls for m in found}
        # a paragraph ends where a sentence ends a line: its date and its own speaker end with it
        if i and "\n" in text[spans[i - 1][1]:s]:
            date, paragraph, recalled = None, None, False
        own = claim_date(sentence, report_date)
        if own is not None:
            date = own
        if "reset" in classes:
            paragraph, recalled = None, True
        # who speaks
        header = (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] == "\n") \
            and len(sentence.split(None, _HEADER_WORDS)) <= _HEADER_WORDS
        named = _named_speaker(sentence, found, i, header)
        if named is None and "dateline" in classes and i < _DATELINE_SENTENCES and report is None:
            m = next(m for m in found if m.cls == "dateline")
            report = Speaker(m.claimant, m.text, i, weak=True)
        if named is not None:
            backref = "backref" in classes
            if backref:
                # "This was reported by X": X also spoke the sentences since the last speaker named
                for j in range(last_named + 1, i):
                    states[j] = replace(states[j], speaker=named)
            if report is None or report.weak or header or backref:
                report, paragraph = named, None
            else:
                paragraph = named
            last_named = i
        speaker = named or paragraph or (None if recalled else report)
        listing = None
        if "list" in classes:
            opener = next(m for m in found if m.cls == "list")
            cue = _last_cue(sentence, opener.start)
            if cue is None and i:
                cue = _last_cue(text[spans[i - 1][0]:spans[i - 1][1]])
            if cue is not None and cue.action is not Action.OTHER:
                listing = Listing(cue.action, cue.detail, opener.end, f"list continued after '{opener.text}': cue '{cue.text}'")
        if "anaphor" in classes and i:
            ref = next(m for m in found if m.cls == "anaphor")
            cue = _last_cue(sentence)
            if cue is not None and cue.action is not Action.OTHER and states[i - 1].listing is None:
                states[i - 1] = replace(states[i - 1], listing=Listing(
                    cue.action, cue.detail, 0, f"taken up by '{ref.text}' in the next sentence: cue '{cue.text}'"))
        states.append(SentenceState((s, e), speaker, date, own is not None, listing))
    return states


def apply_report_state(claims: Sequence[Claim], states: Sequence[SentenceState]) -> list[Claim]:
    """Claims with the report state applied: the speaker to those their sentence gave none, the
    paragraph's date to undated events, an open list's action to places left without one.

    Each change is said in the claim's ``why``. A claim keeps what its own sentence said.
    """
    starts = [st.span[0] for st in states]
    out: list[Claim] = []
    seen: set[tuple] = set()
    for c in claims:
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0:
            out.append(c)
            continue
        st = states[k]
        changes: dict = {}
        why: list[str] = []
        lst = st.listing
        if lst is not None and c.action is Action.OTHER and c.role in ("event", "background") \
                and c.start - st.span[0] >= lst.start and not c.action_detail.startswith("denied"):
            changes.update(action=lst.action, action_detail=lst.detail, role="event")
            why.append(lst.why)
        role = changes.get("role", c.role)
        sp = st.speaker
        defaulted = _AUTHOR if sp is not None and sp.weak else _DEFAULTED
        if sp is not None and sp.claimant is not c.claimant and any(w.startswith(defaulted) for w in c.why) \
                and not any(w.startswith("claimant '") for w in c.why):
            changes["claimant"] = sp.claimant
            why.append(f"claimant: the report's speaker '{sp.text}' (sentence {sp.sentence + 1})")
        if role == "event" and c.claim_date is None and st.date is not None and not st.own_date:
            changes["claim_date"] = st.date
            why.append(f"date: the paragraph's ({st.date.isoformat()})")
        if changes:
            c = replace(c, **changes, why=tuple(c.why) + tuple(why))
        folded = fold(c.place)  # one claim per place and reading, as geo.extract keeps them
        key = (c.geonameid if c.geonameid is not None else folded, folded, c.claimant, c.action, c.role)
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
