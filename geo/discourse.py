"""The report state: who speaks, what is being listed, which day — read over a whole report in order.

A sentence rarely says all it means. Reports name their speaker once ("The Russian Defence Ministry
said…", "MOSCOW, March 3. /TASS/.", "Генштаб ЗСУ повідомляє…") and go on in the speaker's words; they
open a list in one sentence and fill it in the next ("…liberated three settlements. Among them are
A, B and C", "Серед них…"), or come back to it ("fighting continues in both these areas"); they date
a paragraph once. The sentence reading (:mod:`geo.claims`) sees one sentence; this pass reads the
report's sentences in order and carries these from one to the next:

speaker
    The last speaker the report named (an attribution the sentence reading finds, or a report-level
    form of this module's table: a dateline, a speaker as reports name them). It stays until
    another one is named; a sentence that names its speaker after the fact ("This was reported by
    X", "Об этом сообщил X", "Про це повідомив X") gives it to the sentences before it back to the
    last speaker named, and one named in the clause that closes a block ("…, — Генштаб.", "… (Генштаб).", "…, the
    General Staff said." at a paragraph's end) gives it to the block's sentences since the last speaker named; one
    that speaks before any speaker is named ("По его словам, …" where an
    excerpt begins, "Экс-парламентарий сообщил …" in a lead) is given the first speaker named after
    it, at most three sentences on. A sentence that goes on in an earlier speaker's words — a pronoun and a speech
    verb ("He added", "Він також зазначив", "…», – сказав він"), "according to him" ("По его словам"), the
    speaker's kind alone ("the regional head noted") or, after a quotation, the surname its sentence named ("…», –
    сказав Бакулін") — is that speaker's, in a later paragraph too. It becomes the claimant of the claims whose own sentence named none — those
    that fell back to the previous sentence, the text's voice, the source or the author.
open list
    An action the report gives to places their own sentence leaves without one: after a list opener
    ("Among them", "The villages are", "Среди них", "В том числе", "Серед них"), the places that
    follow it take the last action of the sentence before (or of the same sentence before the
    opener), with the modality its clause gave it ("tried to capture two villages. These are A and B":
    attempted), and, as any claim their sentence left without them, the report's speaker and the
    announcing sentence's day (the date scope below); a sentence that comes back to the previous
    one's places ("in these areas", "у цих районах") gives them its own action. An opener that is an event noun
    of a clash ("Столкновение произошло близ A", "Бой произошел у A": ``noun: clash``) places the clash the sentence
    before told (a repel, an attack, fighting): its places take that action over the noun's own fighting. A verbless sentence whose dash stands for the verb
    ("На … напрямку – у районах A, B") goes on with the sentence before in its paragraph, or, opening a paragraph,
    with a one-sentence headline or lead that counts the places it leaves unnamed ("об освобождении двух сел.\nВ ДНР –
    населенного пункта A, а в Запорожской области – B"); the heads of its later dashes are not its items.
date scope
    A date that opens a paragraph holds for its later sentences that name none (a paragraph ends at
    a line break), until another date is named; so does a daily summary's "past day" ("минулої
    доби", scope ``paragraph`` in ``geo/rules/day_phrases.jsonl``) wherever it stands in the
    paragraph, and a colon carries a paragraph's date into the list lines below it. A "past day" is read in its
    speaker's voice: said by a regional administration (a speaker row of ``summary: morning``), whose morning
    summary is about the day before, it counts the phrase's ``morning_offset`` (:func:`spoken_date`). Sentences left
    without a date take the news day the report's lead names (:func:`lead_date`; a lead that names none or only the
    report's own day, the past day a strike list's frame names in the paragraph after it: :func:`_list_frame`), else the
    report's; so does a summary's "past day" where the lead names a day before the report's
    (:func:`lead_summary_date`); a quotation split into sentences takes the day its closing sentence gives, in its
    own words or by referring back (:func:`quotation_date`).
context
    What the text before a sentence gives the sentence reading (the previous sentence's attribution
    or the nearest header line's, the last direction named): read once over the report by
    :class:`geo.claims.carry.ContextReader`, when the sentence reading asks for it.

The markers are data: ``geo/rules/discourse.jsonl`` (see :mod:`geo.rules`), one phrase per row with
an example sentence; the classes are ``speaker`` and ``dateline`` (field ``claimant``), ``backref``,
``list``, ``anaphor``, ``reset``, ``continuation`` and ``closing`` (the marks that open a block's closing clause). Its markers come from the sentence's one matcher pass (the same that serves the
sentence reading), and the pass is linear in the report.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as _dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from frontmap.errors import RuleError
from gazetteer.names import fold
from geo.claims import (Attribution, claiming, cue_at, find_attributions, is_caption, office_after,
                         reporting_speakers)
from geo.claims.claimant import CLAUSE_MARK, addressed, named_again
from geo.claims.carry import Carried, ContextReader
from geo.claims.role import APPOSITIVE_WHY as _APPOSITIVE_WHY
from geo.dates import BODY_REFERENCE, PAGE_STAMP, SUMMARY_OFFSETS, claim_date, date_and_scope, written_date
from geo.model import Action, Claimant, claim_key
from geo.rules import Rule
from geo.rules.lookup import class_pattern, lookup_rows, rows_pattern
from geo.rules.matcher import TABLES, filter_spans, matches, read_kinds, rows
from geo.text import sentences

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from geo.model import Claim

__all__ = ["CLASSES", "Marker", "Speaker", "Listing", "SentenceState", "markers", "find_markers", "read_report",
           "date_paragraph", "attribution_date", "paragraph_date", "lead_date", "summary_date", "seats",
           "spoken_date", "lead_summary_date", "quotation_date", "restated_date", "apply_report_state"]

TABLE = "discourse"
CLASSES = TABLES[TABLE][0]  #: the table's classes (declared with the matcher's tables)
_OPENING = " \t\n\"'«“„‘([*-–—•"  # what may stand before a row that must open its sentence (``at: start``)

# How geo.claims says a claimant was not named by the claim's own sentence (the start of its ``why``).
# The text's own voice (a channel narrating in its own words) is the report's speaker already: kept, except
# in the outlet's reminder ("Напомним", "As a reminder"), where the outlet speaks, not the channel it retells.
_DEFAULTED = ("claimant from context", "claimant from source", "claimant: author")
_VOICED = _DEFAULTED + ("claimant: the text's own voice",)
_REMINDER = "the outlet's reminder"  #: the text of the outlet's speaker in its reminder
_SPEECH_REACH = 60  # characters between a speaker and the speech word that makes it one
_HEADER_WORDS = 8  # a line of at most this many words that names a speaker heads what follows
_AUTHOR = ("claimant: author",)  # what a dateline's outlet stands in for
_DATELINE_SENTENCES = 3  # a dateline stands in the first sentences of a report
_LEAD_SENTENCES = 3  # a lead whose subject speaks: the report's first sentences
_CATAPHORA_SENTENCES = 3  # sentences between words spoken before any speaker is named and the speaker named


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
    #: its row's ``summary`` (``geo/rules/speakers.jsonl``): "morning" for a regional administration, whose daily
    #: summary comes out in the morning about the day before (the "past day" it reports is that day); "bulletin" for
    #: the General Staff, whose summary is dated the day it comes out (geo.dates.SUMMARY_OFFSETS)
    summary: str | None = None


@dataclass(frozen=True)
class Listing:
    """An action the report gives the places of a sentence from ``start`` on, and where it comes from."""

    action: Action
    detail: str
    start: int
    why: str
    again: int | None = None  #: the later sentence that comes back to these places (an anaphor), if any
    stop: int | None = None  #: where the listed names end in the sentence (None: at its end)
    modality: str = "done"  #: the modality the action has where it was announced ("tried to take two villages": attempted)
    #: the action the opener's own event noun gives the places ("Бой произошел у A": fighting), which the announced
    #: action replaces (the noun names the event the sentence before told: "отразили контратаку. Бой произошел у A")
    replaces: Action | None = None
    #: the heads of an elliptic dash list, where each item's place stands, not the items ("В ДНР – села A, а в
    #: Запорожской области – B": ", а в Запорожской области"), as spans of the sentence: their names take no action
    heads: tuple[tuple[int, int], ...] = ()

    def lists(self, at: int) -> bool:
        """Whether a name at offset ``at`` of the sentence is one of the listed names."""
        return at >= self.start and (self.stop is None or at < self.stop) \
            and not any(lo <= at < hi for lo, hi in self.heads)


@dataclass(frozen=True, slots=True)
class SentenceState:
    """The report state at one sentence.

    Attributes
    ----------
    span : tuple of int
        The sentence in the report's text.
    speaker : Speaker or None
        Who speaks in the sentence: named in it, named after it (a back reference), or carried.
    paragraph : int
        The first sentence of the sentence's paragraph (dates hold within it: :func:`paragraph_date`).
    listing : Listing or None
        The action an open list gives the sentence's places that have none.
    outcome : Listing or None
        The outcome the next sentence of its paragraph tells of the sentence's attacks ("The enemy attacked near A
        and B. All the attacks were repelled."): ``repelled``, its ``again`` that sentence.
    context : Carried or None
        What the text before the sentence carries over to the sentence reading (the previous
        sentence's attribution or a header line's, the last direction), read when asked
        (:class:`geo.claims.carry.ContextReader`).
    """

    span: tuple[int, int]
    speaker: Speaker | None = None
    paragraph: int = 0
    listing: Listing | None = None
    context: Carried | None = None
    outcome: Listing | None = None


# apostrophes as phrases write them; a line break, tab or no-break space as a space (letter for letter)
_APOSTROPHES = str.maketrans({"\u02bc": "'", "\u2019": "'", "`": "'", "\n": " ", "\t": " ", "\u00a0": " "})


def _lower(sentence: str) -> str:
    """``sentence`` as :func:`geo.rules.normalise_phrase` writes phrases (case, apostrophes), letter
    for letter, so that an offset in it is one in ``sentence``."""
    low = sentence.lower()
    if len(low) != len(sentence):  # a letter that lowers to two ("İ"): each kept to one
        low = "".join(ch.lower()[:1] for ch in sentence)
    return low.translate(_APOSTROPHES)


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@lru_cache(maxsize=1)
def markers() -> tuple[Rule, ...]:
    """The table's rows, checked (a speaker or dateline row names its claimant)."""
    found = rows(TABLE)
    for row in found:
        if row.cls in ("speaker", "dateline") and not row.get("claimant"):
            raise RuleError(f"{TABLE}.jsonl:{row.line}: a {row.cls} row needs a claimant")
    return found


@lru_cache(maxsize=64)
def find_markers(sentence: str) -> tuple[Marker, ...]:
    """The table's markers in a sentence, in text order (the longest phrase at a place; none overlap).

    Served by the sentence's one matcher pass (:func:`geo.rules.matcher.matches`, the table is one of its
    :data:`~geo.rules.matcher.TABLES`): a phrase matches as whole words (a ``prefix`` row: its last word may go
    on: ``сообщ`` in "сообщили"), in any case, anywhere (a row with ``at: start``: only where it opens the
    sentence); the markers never hide a phrase of the sentence reading, nor it them. The speech words are the
    speech table's rows of ``scope: report`` ("said", "сообщил", "according to"), read as markers of class
    ``speech``: a phrase lives in one table, and the sentence reading's speaker and the report's share it.

    >>> [(m.cls, m.text) for m in find_markers("Among them are Tykhe and Novoye.")]
    [('list', 'Among them')]
    """
    markers()
    # a speakers row of class not-speaker hides a marker inside it, as it hides a speaker row ("украинский военный
    # эксперт": no Russian war correspondent's "военный эксперт")
    hits = [h for h in matches(sentence) if (h.table == TABLE and (h.get("at") != "start" or _opens(sentence, h.start)))
            or (h.table == "speech" and h.get("scope") == "report") or (h.table == "speakers" and h.cls == "not-speaker")]
    # a closing mark is a sign before the words of its clause ("(Генштаб", "(за даними …"): it hides none of them
    kept = [h for h in filter_spans([h for h in hits if h.cls != "closing"]) if h.table != "speakers"]
    kept += [h for h in hits if h.cls == "closing"]
    return tuple(Marker("speech" if h.table == "speech" else h.cls, h.start, h.end, h.text, h.rule)
                 for h in sorted(kept, key=lambda h: (h.start, -h.end)))


def _opens(sentence: str, start: int) -> bool:
    """Whether a row of ``at: start`` at ``start`` opens ``sentence``: nothing but quotes, brackets and dashes before
    it, or an aside that names who says it ("За його словами, йдеться про A та B", "По его словам, это A и B")."""
    head = sentence[:start].strip(_OPENING)
    return not head or _ACCORDING_ASIDE.fullmatch(head) is not None


def _named_speaker(sentence: str, found: tuple[Marker, ...], i: int, header: bool,
                   closing: Attribution | None = None, earlier: Speaker | None = None) -> Speaker | None:
    """The last speaker a sentence names as speaking: an attribution of the sentence reading (else a
    speaker row) with a speech word near it ("said", "according to", "сообщил", "повідомляє"), the speaker of
    the clause that closes it (``closing``: :func:`_closing_speaker`, "…, — Генштаб.", "… (Генштаб)."), or
    any in a header line. Named without one ("our troops", "the Kremlin's plan"), it is no speaker. A report noun
    named again by its kind ("…," the statement said: :func:`geo.claims.claimant.named_again`), is
    ``earlier``, the speaker named before it (none: the noun's own claimant)."""
    speech = [m for m in found if m.cls in ("speech", "backref")]
    if not (header or speech or closing):
        return None  # nobody speaks: the sentence reading's attributions are not looked for
    named = list(find_attributions(sentence)) or [
        Attribution(m.claimant, m.start, m.end, m.text, m.rule.get("summary"))
        for m in found if m.cls == "speaker" and m.claimant is not None] or _marked_speakers(sentence, found, "backref")
    if not header:
        near = [n for n in named if any(m.start - _SPEECH_REACH <= n.end and n.start <= m.end + _SPEECH_REACH
                                        for m in speech)]
        # a lead's subject speaks, however far its speech word ("The Russian Ministry of Defense has issued a
        # detailed report outlining …, claiming control over six areas")
        # a sentence that names who said what came before ("Об этом заявил подполковник … в отставке Андрей
        # Марочко, передает ТАСС"; "This was announced by the head of the Oblast Military Administration
        # Oleh Syniehubov") is there to name its speaker: however long the title between verb and name
        backref = [n for n in named if any(m.cls == "backref" and m.end <= n.start for m in found)]
        # the speaker of a reporting clause after what was said (", заявил в видеообращении глава … (ДНР) Денис
        # Пушилин", "…, said the head of the regional administration Oleh Syniehubov": geo.claims.reporting_speakers),
        # over a subject of what was said that stands near the verb ("Группировка войск «Восток» продолжает
        # наступление у X, заявил …")
        after = [n for m in speech if m.cls == "speech" for n in reporting_speakers(sentence, m, named)]
        chosen = after or near or backref
        if chosen and all(n.claimant is Claimant.MEDIA for n in chosen):
            # an outlet that relays a side's speaker the sentence names as speaking ("Viktor Trehubov … said this
            # during the telethon, according to Suspilne"; "…, заявил Марочко, передает ТАСС") is not the speaker
            chosen = [n for n in near + backref if n.claimant is not Claimant.MEDIA] or chosen
        named = chosen or [n for n in named if speech and i < _LEAD_SENTENCES
                           and sentence[:n.start].strip(_OPENING).lower() in ("", "the")] \
            or ([closing] if closing is not None else [])
    elif not (speech or closing) and _last_cue(sentence) is not None:
        # a header line with no speech word that tells an event names its speaker by a colon after it ("Syniehubov:
        # two villages were shelled"); a name it only mentions ("Putin's army shells Kupiansk") speaks nothing
        named = [n for n in named if _HEADER_COLON.match(sentence, n.end)]
    # whom a speaker reports to is no speaker ("Gerasimov reported to President Vladimir Putin that …")
    named = [n for n in named if not any(addressed(sentence, m, n) for m in speech)] or named
    if not named:
        return None
    last = max(claiming(named), key=lambda n: n.start)  # an outlet relaying a side's speaker is not the speaker
    if earlier is not None and earlier.claimant is not Claimant.MEDIA and named_again(sentence, last):
        return earlier  # "…," the statement said: the statement of the speaker named before
    return Speaker(last.claimant, last.text, i, summary=last.summary)


# the rest of the speaker's word, and a colon right after it (bounded: a word's ending, a few spaces;
# tests/test_regex_backtracking.py)
_HEADER_COLON = re.compile(r"[\w-]{0,40}+\s{0,8}+:")


# A clause that closes a sentence and only says who spoke: news copy retells a summary sentence by sentence with
# no speaker and names it at the end of the block ("Загалом за минулу добу зафіксовано 120 бойових зіткнень, —
# Генштаб.", "…, — повідомляє Генштаб ЗСУ.", "… (Генштаб).", "…, the General Staff said.")
_CLOSING_BEFORE = 2  # words other than speech words between the clause's mark and its speaker ("— сообщили в Минобороны")
_CLOSING_AFTER = 4  # words other than speech words after the speaker ("…, the General Staff said on Telegram")
_CLOSING_TEXT = 12  # sentences at most of a text that is one block of unattributed summary closed by its speaker
_BLANK_LINE = re.compile(r"\n[ \t]*+\n")  # a blank line: it ends a block of lines
_CLOSING_QUOTES = "»”\"’'"  # a quotation closed right before the clause: its speaker's quotation, no block's
_CLOSING_END = " \t\n.!?)»”\"’'"  # what may stand after the clause's last word


def _closing_speaker(sentence: str, found: tuple[Marker, ...]) -> tuple[Attribution, bool] | None:
    """The speaker of the clause that closes ``sentence`` and only says who spoke, and whether the clause closes a
    quotation («…», — додали у ЗСУ; '"…," the army added'); None when no such clause closes it.

    The clause opens at a closing mark (a dash or an opening bracket: the rows of class ``closing``) or a comma; it
    holds the last speaker the sentence names (:func:`geo.claims.find_attributions`, else a speaker row), at most a
    speech word and a few words beside it (:data:`_CLOSING_BEFORE`, :data:`_CLOSING_AFTER`), and nothing after it
    but the sentence's end. After a comma a speech word is needed (", the General Staff said"; ", Генштаб." names
    no one); after a dash or a bracket the speaker alone speaks ("…, — Генштаб.", "… (Генштаб).").

    >>> t = "Загалом за минулу добу зафіксовано 120 бойових зіткнень, — Генштаб."
    >>> speaker, quoted = _closing_speaker(t, find_markers(t))
    >>> speaker.claimant.value, quoted
    ('UA-GeneralStaff', False)
    >>> t = "Fighting went on near Toretsk, the General Staff said, adding that 40 attacks were repelled."
    >>> _closing_speaker(t, find_markers(t)) is None
    True
    """
    if not any(m.cls in ("closing", "speech") for m in found):
        return None  # no mark and no speech word: the sentence reading's attributions are not looked for
    named = list(find_attributions(sentence)) or [
        Attribution(m.claimant, m.start, m.end, m.text, m.rule.get("summary"))
        for m in found if m.cls == "speaker" and m.claimant is not None] or _marked_speakers(sentence, found, "closing")
    if not named:
        return None
    last = max(named, key=lambda n: (n.end, n.start))
    # where the clause opens: after the last closing mark before the speaker (a bracket's row holds the word it opens:
    # "(Генштаб"), else after the last comma; a bracket closes after the speaker ("(Генштаб)", "(за даними Генштабу)")
    mark = max((m for m in found if m.cls == "closing" and m.start < last.start), key=lambda m: m.start, default=None)
    comma = sentence.rfind(",", 0, last.start)
    if mark is not None and mark.start > comma:
        start = mark.start + len(mark.rule.key)
        if mark.rule.match == "prefix" and ")" not in sentence[last.end:]:
            return None  # "(ДНР) Денис Пушилин": a bracket closed before the speaker
    elif comma >= 0 and any(m.cls == "speech" and m.start > comma for m in found):
        start = comma + 1
    else:
        return None  # no mark, or ", Генштаб.": a comma and a name are no reporting clause
    speech = [m for m in found if m.cls == "speech" and m.start >= start]
    opening = sentence[:start].rstrip(" ,–—-([")
    head = sentence[start:last.start].lstrip()
    quoted = bool(opening) and opening[-1] in _CLOSING_QUOTES or bool(head) and head[0] in _CLOSING_QUOTES
    head = head.lstrip(_CLOSING_QUOTES)
    if not (_few_words(head, last.start - len(head), speech, _CLOSING_BEFORE)
            and _few_words(sentence[last.end:].rstrip(_CLOSING_END), last.end, speech, _CLOSING_AFTER)):
        return None
    return last, quoted


def _marked_speakers(sentence: str, found: tuple[Marker, ...], cls: str) -> list[Attribution]:
    """The speakers that need a speech word (``speech: needed`` in ``geo/rules/speakers.jsonl``: "General Staff",
    "the brigade", "Khortytsia") standing after a marker of class ``cls`` in ``sentence``, which speaks for them: the
    dash or bracket that closes a headline or a summary (``closing``: "Tense situation southwest of Ocheretyne -
    General Staff"), the formula that names who said what came before (``backref``: "Source: press service of the
    Khortytsia group"). A seat of power (``speech: follows``) is no speaker there ("… strikes on the capital - Kyiv")."""
    marks = [m.end for m in found if m.cls == cls]
    if not marks:
        return []
    return [Attribution(Claimant(h.get("claimant")), h.start, h.end, h.text, h.get("summary"))
            for h in read_kinds(sentence).get(("speakers", "speaker"), ())
            if h.get("speech") == "needed" and any(at <= h.start for at in marks)]


_DIRECTION_OPENING = 6  # words before the first comma in which a paragraph names the direction it opens with


def _opens_with_direction(sentence: str) -> bool:
    """Whether ``sentence`` opens with the direction it tells of ("In the Kupiansk direction, the enemy attacked …",
    "На Лиманському напрямку ворог …"): a row of ``geo/rules/directions.jsonl`` in its first words, before a comma.
    A daily summary (a speaker of ``summary: bulletin``, the General Staff) goes on paragraph by paragraph in this
    form: such a paragraph stays its speaker's. The direction word stands after a preposition and the direction's name
    (two words at least: "In the Kupiansk", "На Лиманському"), not as the sentence's subject ("The direction of …")."""
    head = sentence.lstrip()
    cut = len(sentence) - len(head)
    words = head.split(",", 1)[0].split()[:_DIRECTION_OPENING]
    end = cut + len(" ".join(words)) + 1
    return any(h.start < end and len(sentence[:h.start].split()) >= 2
               for h in read_kinds(sentence).get(("directions", "direction"), ()))


def _few_words(part: str, at: int, speech: Sequence[Marker], most: int) -> bool:
    """Whether ``part`` (standing at ``at`` in its sentence) is at most ``most`` words besides the speech words in
    it, with no clause mark (a comma, a colon, a quotation mark: another clause)."""
    if CLAUSE_MARK.search(part):
        return False
    kept = list(part)
    for m in speech:
        if at <= m.start and m.end <= at + len(part):
            kept[m.start - at:m.end - at] = " " * (m.end - m.start)
    return len("".join(kept).split()) <= most


# a quotation closing before its speaker: «…», – написал X; "…", — сказав X; "…," he said
_QUOTE_CLOSE = re.compile(r"[»”\"]\s*[,.]?\s*[–—-]+\s|[»”\"]\s*,\s|[,!?][”\"]\s")
_QUOTE_OPEN = "«“\"„"
_QUOTE_SENTENCES = 8  # sentences a quotation reaches back at most


def _quotation_start(text: str, spans: Sequence[tuple[int, int]], i: int, named: Speaker | None, lo: int,
                     at: int = -1) -> int | None:
    """The sentence where the quotation that sentence ``i`` closes before naming its speaker opens
    («…», – написал X; "…," he said), or None when the sentence closes none. With no speaker named yet
    ("…», – сообщил он ТАСС"), ``at`` is where the speech word stands in the sentence."""
    s, e = spans[i]
    sentence = text[s:e]
    if named is not None and named.text in sentence:
        at = sentence.rfind(named.text)
    close = _QUOTE_CLOSE.search(sentence, 0, at + 1) if at > 0 else None
    if close is None or sentence.lstrip()[:1] in _QUOTE_OPEN \
            or sentence.count("«", 0, close.start()) > sentence.count("»", 0, close.start()):
        # no quotation closes before the speaker, or it opens in this sentence (a name in guillemets before
        # the speaker: "Командир спецназа «Ахмат», генерал X заявил")
        return None
    for j in range(i - 1, lo - 1, -1):
        if text[spans[j][0]:spans[j][1]].lstrip()[:1] in _QUOTE_OPEN:
            return j
    return None


def _last_cue(sentence: str, before: int | None = None):
    """The cue that governs what the sentence lists at ``before`` (default: its end), by the sentence
    reader's own rule (:func:`geo.claims.cue_at`)."""
    return cue_at(sentence, before)


def read_report(text: str, spans: Sequence[tuple[int, int]] | None = None,
                source: Claimant | None = None, outlet: Claimant | None = None,
                seats: Mapping[int, Speaker] | None = None) -> list[SentenceState]:
    """The report state at each sentence of ``text`` (``spans``: its sentences, default :func:`geo.text.sentences`).

    ``source`` is who the report speaks for (:func:`geo.claims.source_claimant`), ``outlet`` who speaks in
    its own words, a reminder (:func:`geo.claims.voice.outlet_claimant`; default: the source). ``seats`` are the
    speakers named by their seat (:func:`seats`, known once the report's places are placed), by sentence: each is
    the speaker its sentence names, where the sentence names no other.

    Examples
    --------
    >>> t = "Про це Генштаб ЗСУ повідомляє. Бої тривали біля Торського."
    >>> [s.speaker.claimant.value for s in read_report(t)]
    ['UA-GeneralStaff', 'UA-GeneralStaff']
    """
    spans = list(spans if spans is not None else sentences(text))
    # a source that is a speaker of its own (an ISW page, a DeepState post, the MoD's agency) speaks
    # the report: speakers it names hold to the end of their paragraph (a news outlet, or none: the
    # first speaker named speaks the report)
    source_speaker = None if source in (None, Claimant.MEDIA) else Speaker(source, "the source", -1)
    outlet = Speaker(outlet or source or Claimant.AUTHOR, _REMINDER, -1)
    states: list[SentenceState] = []
    report: Speaker | None = source_speaker  # the report's speaker: the source's own, else the first named, a header
    # line's, a back reference's
    paragraph: Speaker | None = None  # a speaker named later in running text: until its paragraph ends
    recalled = False  # the paragraph is the outlet's reminder ("Напомним", "Recall that"): no one else speaks
    reminder = 0  # the sentence that opened the last reminder
    last_named = -1  # the sentence that last named a speaker
    # sentences that speak with no speaker named before them ("По его словам, …"), and where their speech word stands
    unnamed: list[tuple[int, int]] = []
    first = 0  # the paragraph's first sentence
    before = 0  # the first sentence of the paragraph before it
    carry = ContextReader(text)  # what the text before each sentence carries, read once in order
    colon_list: Listing | None = None  # the action a line ending in a colon gives the list lines below it
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        found = find_markers(sentence)
        classes = {m.cls for m in found}
        caption = is_caption(sentence)
        # a paragraph ends where a sentence ends a line: its own speaker (and its dates) end with it;
        # a caption line between paragraphs is none, and a paragraph that opens with "In particular",
        # "Зокрема", "Кроме того" goes on with the previous paragraph's speaker
        if i and "\n" in text[spans[i - 1][1]:s] and not caption:
            before, first, recalled = first, i, False
            if "continuation" not in classes and not (paragraph is not None and paragraph.summary == "bulletin"
                                                      and _opens_with_direction(sentence)):
                paragraph = None
        if "reset" in classes:
            paragraph, recalled, reminder = None, True, i
        # who speaks
        header = (s == 0 or text[s - 1] == "\n") and (e == len(text) or text[e] == "\n") \
            and len(sentence.split(None, _HEADER_WORDS)) <= _HEADER_WORDS
        # a caption ("Фото: фрагмент мапи / DeepState") credits a picture: it names no speaker
        closing = None if caption else _closing_speaker(sentence, found)
        # a quotation closed by a bare name ('"…" - Peskov.') is the name's own sentence: it speaks no further
        named = None if caption else _named_speaker(sentence, found, i, header,
                                                    closing[0] if closing and not closing[1] else None,
                                                    states[last_named].speaker if last_named >= 0 else None)
        if named is None and seats and i in seats and not caption:
            named = seats[i]  # "Sumy Region Governor X reported this": the seat's official, once it is placed
        named_before = last_named  # the sentence that last named a speaker before this one
        surname = -1  # where a quotation's speaker is named by surname alone, or by a pronoun
        if named is None and last_named >= 0 and (by_name := _named_before(text, spans, states, sentence)) is not None:
            # '"…", — сказав Бакулін': a person named by surname alone after a quotation is the speaker whose
            # sentence named him with his title ("Командир 19-го армійського корпусу … Олександр Бакулін заперечив")
            named, surname = by_name
        elif named is None and last_named >= 0 and (pronoun := _PRONOUN_AFTER_QUOTE.search(sentence)):
            # '"In the Pokrovsk direction, …," it said.': the pronoun is the last speaker named, in a later
            # paragraph too (news copy sets each quotation apart); so is the quotation from where it opens
            # ('"The enemy is approaching X. Evacuation is underway," he said on Telegram.')
            named, surname = states[last_named].speaker, pronoun.end() - 1
        elif named is None and last_named >= 0 and (_PRONOUN_OPENS.match(sentence)
                                                     or _PRONOUN_ACCORDING.search(sentence)
                                                     or BODY_REFERENCE.search(sentence)):
            # "He said two others were killed near X", "По его словам, …", "…, the regional head noted": a sentence
            # that opens with a pronoun and a speech verb, says "according to him" or names a speaker by its kind
            # alone goes on in the words of the last speaker named, in a later paragraph too
            named = states[last_named].speaker
        if named is None and "dateline" in classes and i < _DATELINE_SENTENCES and report is None:
            m = next(m for m in found if m.cls == "dateline")
            report = Speaker(m.claimant, m.text, i, weak=True)
        if named is None and report is None and not caption and "speech" in classes:
            unnamed.append((i, next(m.start for m in found if m.cls == "speech")))
        if named is not None:
            backref = "backref" in classes
            # a report (or an excerpt cut mid-article) that speaks before it names its speaker ("По его
            # словам, …", "Экс-парламентарий сообщил …" in a lead, then "Марочко сообщил"): the first
            # speaker named is who spoke them
            for j, at in unnamed:
                if i - j <= _CATAPHORA_SENTENCES:
                    # a quotation it closes ("«…», – сообщил он ТАСС") is the named speaker's from where it opens
                    opening = _quotation_start(text, spans, j, None, max(last_named + 1, j - _QUOTE_SENTENCES), at)
                    for k in range(opening if opening is not None else j, j + 1):
                        states[k] = replace(states[k], speaker=named)
            unnamed = []
            if source is Claimant.MEDIA and report is None:
                # a headline and lead before their speaker's sentence ("Бойцы водрузили флаг над X. Видео
                # опубликовал военкор Y."): in a news report the first speaker named in the lead spoke them;
                # further on, the first speaker named spoke its own paragraph's sentences before it ("На
                # Харківському напрямку відбулося п'ять зіткнень. На Куп'янському …, повідомив речник Генштабу.")
                for j in range(0 if i < _LEAD_SENTENCES else first, i):
                    if states[j].speaker is None:
                        states[j] = replace(states[j], speaker=named)
            if backref:
                # "This was reported by X": X also spoke the sentences since the last speaker named; in the outlet's
                # reminder ("Нагадаємо, … Про це розповів X"), those since the reminder opened
                for j in range(max(last_named + 1, reminder if recalled else 0), i):
                    states[j] = replace(states[j], speaker=named)
            else:
                # «A. B. C», – написал X / "A. B," he said: X spoke the quotation from where it opens
                opening = _quotation_start(text, spans, i, named, max(last_named + 1, i - _QUOTE_SENTENCES), surname)
                for j in range(opening if opening is not None else i, i):
                    states[j] = replace(states[j], speaker=named)
            # a speaker named in the outlet's reminder ("Нагадаємо, … Про це розповів Зеленський") is the
            # reminder's, not the report's
            if source_speaker is None and not recalled and (report is None or report.weak or header or backref):
                report, paragraph = named, None
            else:
                paragraph = named
            last_named = i
            if closing is not None and not closing[1] and named.claimant is closing[0].claimant \
                    and named.claimant is not Claimant.MEDIA \
                    and (i == len(spans) - 1 or "\n" in text[e:spans[i + 1][0]]) \
                    and not (named_before >= 0 and BODY_REFERENCE.search(sentence)):
                # "…. Загалом за минулу добу зафіксовано 120 бойових зіткнень, — Генштаб.": a summary retold with no
                # speaker, named in the clause that closes its block: the block's sentences since the last speaker
                # named are its speaker's (its paragraph; a short text of no other speaker that it closes, whole);
                # an outlet there relays, a quotation is its speaker's from where it opens (above), and a body named
                # by its kind ("- the statement says.") after a speaker was named is that speaker's statement
                lo = first
                if named_before < 0 and i == len(spans) - 1:
                    # a text it closes, set a sentence to a line (no blank line between), with no speaker named before
                    while lo > 0 and i - lo < _CLOSING_TEXT and not _BLANK_LINE.search(text, spans[lo - 1][1], spans[lo][0]):
                        lo -= 1
                for j in range(max(lo, named_before + 1, reminder if recalled else 0), i):
                    states[j] = replace(states[j], speaker=named)
        # the outlet's reminder ("Напомним", "As a reminder") is the outlet's own word, not the last speaker's
        speaker = named or paragraph or (outlet if recalled else report)
        listing = None
        # a line that ends with a colon opens a list whose items are the lines below it ("Ворог просунувся:\n- у
        # Ямполі;\n- в Сіверську"; a strike list's timed lines, "22:50, Senkove village. A house was damaged."):
        # each item line takes the action of the line before the colon; the list ends at the first line that is no item
        if s == 0 or text[s - 1] == "\n":
            if colon_list is not None and _LIST_ITEM.match(text, s):
                listing = _item_listing(colon_list, text, e)
            else:
                colon_list = None
        heading = sentence.rstrip().endswith(":") and (e == len(text) or text[e] == "\n")
        if heading:
            cue = _last_cue(sentence)
            if cue is not None and cue.action is not Action.OTHER:
                colon_list = Listing(cue.action, cue.detail, 0, f"list line under '{sentence.strip()[-40:]}': cue '{cue.text}'",
                                     modality=cue.modality)
                heading = False
        if "list" in classes:
            listing = _opener_listing(text, spans, i, next(m for m in found if m.cls == "list"), first, before)
            if heading and listing is not None:
                # a list opener that ends its line with a colon, with no action of its own ("…звільнили п'ять сіл.
                # Згідно з відео, йдеться про такі села:\n- A;\n- B"): the lines below are its items, and take the
                # action it continues from the sentence before
                colon_list = replace(listing, start=0, stop=None, why=f"list line under '{sentence.strip()[-40:]}': "
                                                                      f"{listing.why}")
        if listing is None and i > 0:
            listing = _verbless_listing(text, spans, i, first, before)
        if "anaphor" in classes and i:
            ref = next(m for m in found if m.cls == "anaphor")
            # the cue of the anaphor's own clause, else the sentence's ("Там тривають бої, ворог намагається
            # просуватися": fighting there)
            clause = _CLAUSE_END.search(sentence, ref.end)
            cue = _last_cue(sentence, clause.start() if clause else None) or _last_cue(sentence)
            if cue is not None and cue.action is not Action.OTHER and states[i - 1].listing is None:
                states[i - 1] = replace(states[i - 1], listing=Listing(
                    cue.action, cue.detail, 0, f"taken up by '{ref.text}' in the next sentence: cue '{cue.text}'", i,
                    modality=cue.modality))
        if "outcome" in classes and i > first:
            # "Ворог атакував поблизу A, B. Усі атаки відбито.": an outcome row (geo/rules/discourse.jsonl) tells how the
            # attacks of the sentence before it in its paragraph ended (apply_report_state: when it names no place)
            told = next(m for m in found if m.cls == "outcome")
            states[i - 1] = replace(states[i - 1], outcome=Listing(
                Action.REPELLED, f"repelled: '{told.text}'", 0, f"outcome told in the next sentence: '{told.text}'", i))
        states.append(SentenceState((s, e), speaker, first, listing, carry.at(s)))
    return states


def _item_listing(heading: Listing, text: str, end: int) -> Listing:
    """The action a list item line takes: its heading's (``heading``), but a strike where the heading counts
    attacks and the rest of the item's line (from ``end``, where its first sentence ends) tells a strike or its
    damage ("enemy attacks were recorded:\n13:20, Tykhe village. A drone hit a car, two people were injured."):
    an attack that did damage is a strike, as in a sentence (:mod:`geo.claims.action`)."""
    if heading.action is not Action.ATTACKED:
        return heading
    stop = text.find("\n", end)
    rest = text[end:len(text) if stop < 0 else stop]
    cue = cue_at(rest, None) if rest.strip() else None
    if cue is None or cue.action is not Action.STRUCK:
        return heading
    return replace(heading, action=Action.STRUCK, detail=cue.detail,
                   why=f"{heading.why}; the item's line tells a strike: cue '{cue.text}'")


def _opener_listing(text: str, spans: Sequence[tuple[int, int]], i: int, opener, first: int,
                    before: int) -> Listing | None:
    """The action a list opener of sentence ``i`` (``opener``: its marker) gives the names after it, or None.

    The action is the last cue before the opener in its sentence, else the last one named before it in its
    paragraph (``first``: the paragraph's first sentence; an opener that opens its paragraph continues the one
    before, opened at ``before``)."""
    sentence = text[spans[i][0]:spans[i][1]]
    cue = _last_cue(sentence, opener.start)
    # else the last action named before it in its paragraph, over a sentence that only names who
    # said it ("…окупували Суху Балку і просунулися. DeepState повідомив про це. Серед населених пунктів…");
    # an opener that opens its paragraph continues the paragraph before (news copy sets each sentence
    # apart: "…near eight settlements.\n\nAmong the settlements named are A, B and C")
    lo = first if i > first else before
    if i == first and before == i - 1 > 0 \
            and any(m.cls == "backref" for m in find_markers(text[spans[before][0]:spans[before][1]])):
        # news copy sets apart the sentence that only says who reported it ("…звільнили п'ять сіл.\n\nПро це
        # повідомив полк у Telegram.\n\nЙдеться про A, B"): the list reaches over it to the paragraph before
        lo = before - 1
    for j in range(i - 1, max(lo, i - _LIST_REACH, 0) - 1, -1):
        if cue is not None:
            break
        cue = _counted_cue(text[spans[j][0]:spans[j][1]])
    if cue is not None and opener.rule.get("noun") == "clash" and cue.action not in _CLASH:
        return None  # "освободили A. Бой произошел у B": a fight at B, no capture of it
    if cue is None or cue.action is Action.OTHER:
        return None
    # an opener that is an event noun ("Столкновение произошло близ A", "Бой произошел у A") places the
    # clash the sentence before told: the noun's own reading of its places gives way to that clash's
    noun = _last_cue(sentence, opener.end)
    return Listing(cue.action, cue.detail, opener.end, f"list continued after '{opener.text}': cue '{cue.text}'",
                   stop=_list_stop(sentence, opener.end), modality=cue.modality,
                   replaces=noun.action if noun is not None and noun.start >= opener.start else None)


def _counted_cue(sentence: str):
    """The cue a list in the next sentence continues: the one that governs the last plural settlement noun of
    ``sentence`` ("сіл", "населених пунктів": geo/rules/name_kinds.jsonl, ``called-list-before``) it precedes,
    else its last cue.

    The list names the places that noun counted, so it takes the verb of the noun, not one told later about it
    ("звільнили п'ять сіл після тривалих боїв. … Йдеться про A, B": A and B captured)."""
    counted = [c for m in class_pattern("name_kinds", "called-list-before").finditer(sentence)
               if (c := _last_cue(sentence, m.start())) is not None]
    return counted[-1] if counted else _last_cue(sentence)


def _verbless_listing(text: str, spans: Sequence[tuple[int, int]], i: int, first: int,
                      before: int) -> Listing | None:
    """The action sentence ``i`` (``i > 0``) gives its places when its dash stands for the verb, or None.

    "…атакували 20 разів. На Куп'янському напрямку – у районах A, B": a sentence whose dash stands for the verb
    goes on with the verb of the sentence before it in its paragraph (General Staff copy; ``first``: the
    paragraph's first sentence); a paragraph that opens so goes on with a headline or lead of one sentence
    (``before``: where the paragraph before opened) that counts the places it leaves unnamed ("сообщило об
    освобождении двух сел.\nВ ДНР – населенного пункта A, а в … – B")."""
    sentence = text[spans[i][0]:spans[i][1]]
    verbless = _VERBLESS_DASH.match(sentence)
    if verbless is None or _last_cue(sentence) is not None:
        return None
    before_text = text[spans[i - 1][0]:spans[i - 1][1]]
    cue = _last_cue(before_text)
    if cue is None or cue.action is Action.OTHER \
            or not (i > first or (before == i - 1 and _COUNT.search(before_text, cue.end))):
        return None
    return Listing(cue.action, cue.detail, verbless.end(),
                   f"verbless dash after '{verbless.group(1).strip()}': cue '{cue.text}' of the sentence before",
                   modality=cue.modality, heads=_dash_heads(sentence, verbless.end()))


# where the names a list opener introduces end: a comma or semicolon that no name (nor a conjunction and a name)
# follows ("Among the settlements named are A, B, and C, all of which are near D": D is not listed)
_LIST_STOP = re.compile(r"[,;]\s*+(?!(?:(?:and|or|та|і|й|и|а\s+также|as\s+well\s+as)\s+)?(?-i:[A-ZА-ЯЁІЇЄҐ0-9«\"“]))",
                        re.IGNORECASE)


# an aside set off by commas right after a list opener, with no name in it: a relative clause ("Серед населених
# пунктів, які опинилися під загрозою, були A, B"; "Среди населенных пунктов, где шли бои, оказались A, B")
_OPENER_ASIDE = re.compile(r",[^,.;:\n]*+,")
_OPENER_COMMA = re.compile(r"\s*+,(?=\s*+(?-i:[a-zа-яёіїєґ]))")  # a comma right after the opener, a lower-case word after it


def _list_stop(sentence: str, start: int) -> int | None:
    """The offset in ``sentence`` where the names listed from ``start`` end, or None (they run to its end)."""
    aside = _OPENER_ASIDE.match(sentence, len(sentence) - len(sentence[start:].lstrip()))
    if aside is not None and not any(w[:1].isupper() for w in aside.group().split()):
        start = aside.end()
    else:
        # the opener's own comma, before a preposition and its places ("Зокрема, поблизу Степногірська.", "In
        # particular, near Rodynske and Shevchenko."): the list starts after it
        own = _OPENER_COMMA.match(sentence, start)
        if own is not None:
            start = own.end()
    m = _LIST_STOP.search(sentence, start)
    return m.start() if m else None


# the pronoun and pronoun-verb rows of geo/rules/back_references.jsonl: the words of a sentence that goes on in the
# last speaker's words, one vocabulary with geo.dates' (it goes on in the last statement's date too)
_BACK = lookup_rows("back_references")
_PRONOUNS = rows_pattern(r for r in _BACK if r.cls == "pronoun")
_PRONOUN_VERBS = rows_pattern(r for r in _BACK if r.cls == "pronoun-verb")
_ALSO = rows_pattern(r for r in _BACK if r.cls == "also")
# a quotation closed before a pronoun and a speech verb ('…," it said.', '…," he added.', '…," he said on Telegram.',
# '…," she told CNN.': a few words at most after them), or, as Russian and
# Ukrainian write it, after a dash, before a speech verb and a pronoun ("…», – сказав він", "…», — добавил он ТАСС",
# "…», – додав речник"), a few words at most after them
_PRONOUN_AFTER_QUOTE = re.compile(r"[\"”»’]\s*+(?:" + _PRONOUNS + r"\s++" + _PRONOUN_VERBS + r"(?:\s++[\w'’-]++){0,4}\W*+$"
                                  + r"|,?\s*+[-–—]\s*+" + _PRONOUN_VERBS + r"\s++" + _PRONOUNS
                                  + r"(?:\s++[\w-]++){0,4}\W*+$)", re.IGNORECASE)
# a sentence that opens with a pronoun and a speech verb ("He said …", "She added that …", "Він також зазначив, що …")
_PRONOUN_OPENS = re.compile(r"\s*+(?:" + "|".join(re.escape(r.key.title()) for r in _BACK if r.cls == "pronoun")
                            + r")\s++(?:" + _ALSO + r"\s++)?" + _PRONOUN_VERBS + r"\b")
# "According to him, …", "За його словами, …", "По его словам, …": the last speaker named goes on speaking
_PRONOUN_ACCORDING = re.compile(rows_pattern(r for r in _BACK if r.cls == "pronoun-according") + r"(?!\w)",
                                re.IGNORECASE)
# the same, opening a sentence as an aside before what it says ("За його словами, …")
_ACCORDING_ASIDE = re.compile(r"(?:" + rows_pattern(r for r in _BACK if r.cls == "pronoun-according") + r")\s*+,",
                              re.IGNORECASE)
# a quotation closed before a speech verb and a surname ("…», – сказав Бакулін", "…», — отметил Иванов") or, in English,
# before a surname and a speech verb ('…," Bunyatov said')
_NAME_AFTER_QUOTE = re.compile(r"[\"”»’]\s*+,?\s*+[-–—]\s*+" + _PRONOUN_VERBS + r"\s++(?-i:(?P<after>[A-ZА-ЯЁІЇЄҐ][\w'’-]{2,}))"
                               + r"|[\"”’]\s++(?-i:(?P<before>[A-Z][\w'’-]{2,}))\s++" + _PRONOUN_VERBS + r"\b",
                               re.IGNORECASE)
_NAME_STEM = 4  # letters of a surname that find its other case forms ("Бакулін", "Бакуліна")
_NAME_REACH = 12  # sentences back a surname looks for the speaker who was named with it


def _named_before(text: str, spans: Sequence[tuple[int, int]], states: Sequence[SentenceState],
                  sentence: str) -> tuple[Speaker, int] | None:
    """The speaker of an earlier sentence that named the person a quotation closes with by surname alone ("…», –
    сказав Бакулін" after "Командир корпусу … Олександр Бакулін заперечив …"), and where the surname stands in the
    sentence; or None."""
    m = _NAME_AFTER_QUOTE.search(sentence)
    if m is None:
        return None
    name = m.group("after") or m.group("before")
    stem = re.compile(r"(?<!\w)" + re.escape(name[:max(_NAME_STEM, len(name) - 2)]))
    for j in range(len(states) - 1, max(-1, len(states) - 1 - _NAME_REACH), -1):
        sp = states[j].speaker
        if sp is not None and sp.sentence == j and stem.search(text, *spans[j]):
            return sp, m.start("after" if m.group("after") else "before")
    return None


# a count of places a headline or lead announces without naming them ("о занятии двух сел", "освободили 3 населенных
# пункта"): digits or a number row of geo/rules/distance_words.jsonl (one vocabulary of number words)
_COUNT = re.compile(r"(?<!\w)(?:\d+|" + rows_pattern(r for r in lookup_rows("distance_words") if r.cls == "number"
                                                   and r.key.isalpha()) + r")\s", re.IGNORECASE)
# a dash inside an elliptic list after its first one, and the head before it back to a comma or semicolon ("…, а в
# Запорожской области – B"): where the next items stand
_NEXT_DASH = re.compile(r"\s[–—]\s")


def _dash_heads(sentence: str, start: int) -> tuple[tuple[int, int], ...]:
    """The heads of the later segments of an elliptic dash list whose items start at ``start`` ("В ДНР – села A, а в
    Запорожской области – B": the span of ", а в Запорожской области"): from the comma or semicolon before each later
    dash to the dash."""
    heads = []
    for m in _NEXT_DASH.finditer(sentence, start):
        lo = max(sentence.rfind(",", start, m.start()), sentence.rfind(";", start, m.start()))
        if lo >= 0:
            heads.append((lo, m.start()))
    return tuple(heads)


# a sentence that opens with a head of a few words (a direction, "Найбільше") and a dash standing for the verb, then a
# lower-case word (a preposition: "у районах", "в бік", "поблизу") before its places
_VERBLESS_DASH = re.compile(r"\s*+((?:[^\s\d,;:.–—-][^\s,;:.–—]*+\s++){0,3}[^\s\d,;:.–—-][^\s,;:.–—]*+)\s++[–—]\s++(?=[a-zа-яёіїєґ])")
_CLAUSE_END = re.compile(r"[,;:]")  # where the clause of an anaphor ends (the comma of a second predicate)
_LIST_REACH = 2  # sentences back a list opener looks for the action its list continues
_CLASH = frozenset({Action.REPELLED, Action.ATTACKED, Action.FIGHTING})  # what an event noun of a clash places
_OPENING_WORDS = 5  # a paragraph opens with a date when its first words (to the first comma) name one
# a line of a list: "- 94 drones: A, B", "2) A", or a line of a strike list that opens with the time of the strike, its
# day before it ("22:50, Senkove village", "13:45 Kupiansk district", "June 8, 01:50, …", "08.06, 01: 50 …"; machine
# translation spaces the colon: "22: 50")
_LIST_ITEM = re.compile(r"[ \t]{0,8}(?:(?:[-–—•*·▪]|\d{1,2}[.)])\s"
                        r"|(?:(?:[^\W\d_]{3,20}\.?\s\d{1,2}|\d{1,2}\s[^\W\d_]{3,20}|\d{1,2}\.\d{2}(?:\.\d{2,4})?),?\s+)?"
                        r"(?:[01]?\d|2[0-3])\s?:\s?[0-5]\d(?!\d)(?!\s?:\s?\d),?\s)")
_LEAD_WORDS = 12  # a paragraph of the lead has at least this many words (headlines, bylines have fewer)
_LEAD_PARAGRAPHS = 1  # the lead: one paragraph (measured: a second one brings in background days,
# "X reported yesterday", "As of May 30", more often than the news day)
_LEAD_REACH = _dt.timedelta(days=3)  # a lead's date this far before the report is the news day; further, background
# a photo caption's closing credit, photographer and agency in brackets: "(Photo by Jane Doe / AFP)", "(John
# Smith/Libkos/Getty Images)"; the caption dates its picture ("…in Pokrovsk on Nov 16, 2024"), not the news
_CREDIT = re.compile(r"\(\s*+[^()\n/]{2,60}(?:/[^()\n/]{2,60}){1,3}\)")


def _opening(sentence: str) -> tuple[str, ...]:
    """The words a sentence opens with: to its first comma, at most ``_OPENING_WORDS``; after an aside that only names
    who says it ("За даними Генштабу, вчора …", "According to the General Staff, yesterday …", "Як повідомили в
    ОВА, …": :func:`_attribution_aside`), those of the clause after it, then the aside's (a day the aside names is
    when it was said: "Як повідомляв Генштаб вранці 22 листопада, …", "Аналітики DeepState 8 грудня повідомили, що
    …": the day of the statement the paragraph retells, where the clause after it names none, as "DeepState reported
    on 8 December that …" opens with it).

    >>> _opening("За даними Генштабу, на Куп'янському напрямку вчора відбулося вісім боєзіткнень.")
    ("на Куп'янському напрямку вчора відбулося", 'За даними Генштабу')
    >>> _opening("Russian forces attacked Tykhe, Novoye and Berestove yesterday.")
    ('Russian forces attacked Tykhe',)
    """
    head, comma, rest = sentence.partition(",")
    first = " ".join(head.split()[:_OPENING_WORDS])
    if comma and _attribution_aside(head):
        return " ".join(rest.split(",", 1)[0].split()[:_OPENING_WORDS]), first
    if comma and _continuation_aside(head):
        return (" ".join(rest.split(",", 1)[0].split()[:_OPENING_WORDS]),)
    return (first,)


def _continuation_aside(head: str) -> bool:
    """Whether ``head``, the words before a sentence's first comma, is only a word that goes on with what came before
    (a ``continuation`` row of ``geo/rules/discourse.jsonl``: "In addition", "Also", "Крім того"): the clause after it
    opens the sentence ("In addition, the day before, the community was shelled")."""
    bare = head.strip(_OPENING + " \t\n").casefold()
    return any(m.cls == "continuation" and m.text.casefold() == bare for m in find_markers(head))


def _attribution_aside(head: str) -> bool:
    """Whether ``head``, the words before a sentence's first comma, is an aside that names who says what follows: a
    speech word of the report (``geo/rules/speech.jsonl``, scope ``report``) opens it ("За даними Генштабу", "According
    to the ministry", "Як повідомили в ОВА": at most one word before it) or closes it ("As the governor reported"), or
    it says "according to him" ("За його словами")."""
    if _ACCORDING_ASIDE.fullmatch(head.strip(_OPENING) + ",") is not None:
        return True
    body = head.rstrip()
    for m in find_markers(body):
        if m.cls == "speech" and (len(body[:m.start].split()) <= 1 or not body[m.end:].strip()):
            return True
    return False


def date_paragraph(text: str, states: Sequence[SentenceState], k: int, memo: dict | None = None) -> int:
    """The first sentence of the passage a date at sentence ``k`` may come from: its paragraph, or,
    for a line of a list ("- 94 drones: Huliaipole, Levadne;"), the paragraph of the sentence that
    introduces the list with a colon ("The region was attacked over the past day:").

    With a shared ``memo`` each paragraph is looked at once (a list of thousands of lines stays linear).

    >>> t = "Over the past day the region was attacked:\\n- drones: Huliaipole;\\n- artillery: Levadne.\\nQuiet."
    >>> st = read_report(t)
    >>> [date_paragraph(t, st, k) for k in range(len(st))]
    [0, 0, 0, 3]
    """
    memo = {} if memo is None else memo
    first = states[k].paragraph
    if ("start", first) in memo:
        return memo["start", first]
    run: list[int] = []  # the list lines walked back over, each its own paragraph
    intro = None
    j = first
    while j > 0 and _LIST_ITEM.match(_line_of(text, states[j].span[0])):
        if ("start", j) in memo:
            intro = memo["start", j] if memo["start", j] != j else None
            break
        run.append(j)
        s, e = states[j - 1].span
        if text[s:e].rstrip().endswith(":"):
            intro = states[j - 1].paragraph
            break
        j = states[j - 1].paragraph
    for p in run or [first]:
        memo["start", p] = p if intro is None else intro
    return memo["start", first]


def _is_photo_caption(text: str, states: Sequence[SentenceState], k: int, end: int) -> bool:
    """Whether the paragraph of sentences ``k`` to ``end`` holds a photo caption: a sentence that opens as one
    ("Photo: …", a ``caption`` row of ``geo/rules/speech.jsonl``; a headline without a full stop runs on into it) or
    that closes with a photographer's credit in brackets ("(Photo by Jane Doe / AFP)", "(John Smith/Libkos/Getty
    Images)")."""
    for s, e in (x.span for x in states[k:end]):
        tail = text[s:e].rstrip()
        if is_caption(tail) or any(m.end() == len(tail) for m in _CREDIT.finditer(tail, max(0, len(tail) - 130))):
            return True
    return False


def _line_of(text: str, start: int) -> str:
    """The line ``start`` stands in, from its beginning, to far enough past ``start`` for a list item's mark (a
    strike list's day and time: "September 17, 01: 50, ")."""
    return text[text.rfind("\n", 0, start) + 1:start + 32]


def _day(text: str, states: Sequence[SentenceState], j: int, report_date: _dt.date | None,
         memo: dict) -> tuple[_dt.date | None, str]:
    if ("day", j) not in memo:
        s, e = states[j].span
        month = memo.get("month")
        if report_date is None and month is not None:
            # only the report's month is known: a written date takes its year from it (as geo.dates.claim_date)
            memo["day", j] = written_date(text[s:e], _dt.date(*month, calendar.monthrange(*month)[1])), "sentence"
        else:
            # a "past day" its speaker reports in a morning summary (a regional administration's) is the day before,
            # the General Staff's "during the day" the report's day
            speaker = states[j].speaker
            memo["day", j] = date_and_scope(text[s:e], report_date, summary=speaker.summary if speaker else None)
    return memo["day", j]


def spoken_date(text: str, states: Sequence[SentenceState], k: int, day: _dt.date | None,
                report_date: _dt.date | None, memo: dict | None = None) -> _dt.date | None:
    """The date ``day`` a claim of sentence ``k`` took from its own words, read again in its speaker's voice: the
    day before for a "past day" (a day phrase with a ``morning_offset``) that a speaker of ``summary: morning``
    reports, a regional administration's morning summary ("Over the past day, Russian forces shelled 12
    settlements in the oblast, the governor said"); the report's day for a "during the day" (a day phrase with a
    ``bulletin_offset``) that a speaker of ``summary: bulletin`` reports, the General Staff's summary however retold
    ("Упродовж доби відбулося п'ять боєзіткнень, повідомляє видання з посиланням на Генштаб"); ``day`` itself for
    any other speaker or date.

    >>> t = "Over the past day, Russian forces shelled Vovchansk, regional governor Oleh Syniehubov said."
    >>> spoken_date(t, read_report(t), 0, _dt.date(2025, 5, 6), _dt.date(2025, 5, 6))
    datetime.date(2025, 5, 5)
    >>> t = "Упродовж доби ворог атакував біля Торського, повідомляє видання з посиланням на Генштаб."
    >>> spoken_date(t, read_report(t), 0, _dt.date(2025, 5, 5), _dt.date(2025, 5, 6))
    datetime.date(2025, 5, 6)
    """
    memo = {} if memo is None else memo
    speaker = states[k].speaker
    if day is None or speaker is None or speaker.summary is None:
        return day
    s, e = states[k].span
    if date_and_scope(text[s:e], report_date)[0] != day:
        return day  # a day of another sentence, or of an item of its own: not read here
    return _day(text, states, k, report_date, memo)[0]


def lead_summary_date(text: str, states: Sequence[SentenceState], k: int, day: _dt.date | None,
                      report_date: _dt.date | None, memo: dict | None = None) -> _dt.date | None:
    """The news day the report's lead names (:func:`lead_date`), for a claim of sentence ``k`` dated ``day`` by its
    own "past day" (a day phrase whose day depends on whose daily summary it is: a ``morning_offset`` or
    ``bulletin_offset`` of ``geo/rules/day_phrases.jsonl``, "during the past day", "упродовж доби"): the summary
    counts the day its lead names ("On Saturday, 58 combat engagements were recorded … During the past day, Russian air strikes targeted
    A, B", on a page of Sunday). None when the lead names no day, names the report's own, or the sentence is the
    lead's or before it, or its day is no such phrase's.

    >>> t = ("On Saturday, 40 combat clashes were recorded along the front line, the General Staff reported.\\n"
    ...      "During the past day, Russian aircraft struck Bilohorivka and Siversk.")
    >>> lead_summary_date(t, read_report(t), 1, _dt.date(2024, 3, 17), _dt.date(2024, 3, 17))
    datetime.date(2024, 3, 16)
    """
    memo = {} if memo is None else memo
    if day is None or report_date is None:
        return None
    s, e = states[k].span
    readings = {date_and_scope(text[s:e], report_date, summary=kind)[0] for kind in SUMMARY_OFFSETS}
    if day not in readings or len(readings) < 2:
        return None  # a day of another kind (a weekday, a written date, "yesterday"), or of an item of its own
    if "lead" not in memo:
        memo["lead"] = lead_date(text, states, report_date, memo)
    j, named = memo["lead"]
    if named is None or named == report_date or k <= j:
        return None
    return named


def attribution_date(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date | None,
                     memo: dict | None = None) -> _dt.date | None:
    """The day the sentence after ``k`` gives when it only names who said sentence ``k`` and when: "Об этом во
    вторник, 2 декабря, заявил Путин", "Про це в неділю повідомили в DeepState" (a ``backref`` marker of this
    module's table); None when the next sentence is no such sentence, names no day, or starts a new paragraph.

    >>> t = "Войска держат под контролем Купянск. Об этом во вторник, 2 декабря, заявил Путин."
    >>> attribution_date(t, read_report(t), 0, _dt.date(2025, 12, 3))
    datetime.date(2025, 12, 2)
    """
    memo = {} if memo is None else memo
    j = k + 1
    if j >= len(states) or states[j].paragraph != states[k].paragraph:
        return None
    s, e = states[j].span
    if not any(m.cls == "backref" for m in find_markers(text[s:e])):
        return None
    return _day(text, states, j, report_date, memo)[0]


_RESTATED_REACH = 3  # sentences back a speaker named again by its kind looks for the day of its statement
_QUOTED_REACH = 12  # sentences back a quotation closed by its speaker looks for the day the speaker's statement names


def restated_date(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date | None,
                  memo: dict | None = None) -> _dt.date | None:
    """The day of the statement sentence ``k`` goes on with, when it names its speaker again by its kind ("The
    think tank also said…", "the ministry said…", "в ведомстве уточнили"): a speaker's words in lower case, where
    the sentences before it, up to the one that names a day, all speak for the same claimant ("The Institute for
    the Study of War said on Sunday…"); None otherwise (a speaker named by its name, "ISW said", is news of its own).

    A quotation closed by its speaker ('"The enemy accumulates in X," writes the DeepState team', '"…," the analysts
    wrote': the speaker named by its name, or carried from an earlier sentence) quotes the statement a news page
    retells: it takes the day of the last sentence up to :data:`_QUOTED_REACH` back that names the same speaker and
    a day ("On Saturday, April 26, the DeepState team denied …", "DeepState reported on 8 December that …"), in an
    earlier paragraph too, past sentences that name no day; a sentence that names another speaker and a day ends the
    search (None).

    >>> t = "ISW said on Sunday that Russian forces held most of the town. The think tank also said they neared Krymske."
    >>> restated_date(t, read_report(t), 1, _dt.date(2025, 1, 27))
    datetime.date(2025, 1, 26)
    >>> t = ("DeepState reported on 8 December that the situation around Siversk was critical.\\n"
    ...      "\\u201cThe enemy holds the centre of Zvanivka,\\u201d writes DeepState.")
    >>> restated_date(t, read_report(t), 1, _dt.date(2025, 12, 12))
    datetime.date(2025, 12, 8)
    """
    memo = {} if memo is None else memo
    sp = states[k].speaker
    if sp is None or sp.weak:
        return None
    s, e = states[k].span
    if _QUOTE_CLOSE.search(text, s, e) is not None:
        for j in range(k - 1, max(-1, k - 1 - _QUOTED_REACH), -1):
            before = states[j].speaker
            if before is None or before.sentence != j:
                continue  # no speaker named here: the page's words or the speaker's, carried
            day = _day(text, states, j, report_date, memo)[0]
            if day is not None:
                return day if before.claimant is sp.claimant else None
        return None
    if sp.sentence != k or not sp.text[:1].islower():
        return None
    for j in range(k - 1, max(-1, k - 1 - _RESTATED_REACH), -1):
        before = states[j].speaker
        if before is None or before.claimant is not sp.claimant:
            return None
        day = _day(text, states, j, report_date, memo)[0]
        if day is not None:
            return day
    return None


def quotation_date(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date | None) -> _dt.date | None:
    """The day of a quotation that sentence ``k`` stands in, split into sentences and closed after it by its speaker
    ('"The enemy is approaching Pokrovsk. Evacuation is underway," he said.'): the day its closing sentence names, or,
    where that only refers back ("he said", "the ministry said": :func:`geo.dates.claim_date`), the day of the
    sentence before the quotation opens, which named the speaker ("The head of the city's military administration
    warned on Thursday that …"), in the paragraph before too. None when ``k`` is in no such quotation or neither
    names a day.

    >>> t = ("The town's mayor warned on Thursday that the army was 10 km away.\\n"
    ...      "\u201cThe enemy is approaching Pokrovsk. Evacuation is underway,\u201d he said.")
    >>> quotation_date(t, read_report(t), 1, _dt.date(2024, 8, 30))
    datetime.date(2024, 8, 29)
    """
    first = states[k].paragraph
    opening = None
    for i in range(k, max(first, k - _QUOTE_SENTENCES) - 1, -1):
        s, e = states[i].span
        sentence = text[s:e]
        if i < k and _QUOTE_CLOSE.search(sentence):
            return None  # a quotation closed before k
        if sentence.lstrip()[:1] in _QUOTE_OPEN:
            opening = i
            break
    if opening is None or opening == 0:
        return None
    last = min(len(states), opening + _QUOTE_SENTENCES)
    for j in range(k, last):
        if j > k and states[j].paragraph == j:
            return None  # the paragraph ends with the quotation open
        s, e = states[j].span
        close = _QUOTE_CLOSE.search(text, s, e)
        if close is None or (j == opening and close.start() - s <= len(text[s:e]) - len(text[s:e].lstrip())):
            continue
        before = text[states[opening - 1].span[0]:states[opening - 1].span[1]]
        return claim_date(text[close.end() - 1:e], report_date, previous=before)
    return None


def paragraph_date(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date | None,
                   memo: dict | None = None) -> _dt.date | None:
    """The date in scope at sentence ``k``: the last one named before it in its paragraph, when the
    paragraph opens with a date or that date is a phrase with paragraph scope; else None.

    A date that opens a paragraph ("On November 22, Russian forces attacked…", "Вчора ворог…")
    dates what follows, until another date is named; a date named further on dates its own sentence
    ("… continue to advance. On November 22, Zvanovka was liberated. Units are advancing…", "X has
    been ours since November 22. Units are pushing on…"), unless it is the "past day" of a daily
    summary (``scope: paragraph`` in ``geo/rules/day_phrases.jsonl``: "Голова ОВА повідомив, що минулої
    доби…"), which dates the rest of its paragraph. A list introduced by a colon belongs to the
    paragraph of its introducing sentence (:func:`date_paragraph`). With a shared ``memo`` each
    sentence is read at most once and the last date before each is found once (only the paragraphs
    of undated claims are read).

    >>> t = "On November 22, Russian forces attacked Tykhe. They also shelled Novoye.\\nFighting went on."
    >>> st = read_report(t)
    >>> paragraph_date(t, st, 1, _dt.date(2025, 11, 24)), paragraph_date(t, st, 2, _dt.date(2025, 11, 24))
    (datetime.date(2025, 11, 22), None)
    >>> t = "Голова ОВА повідомив, що минулої доби ворог атакував Херсон. Під обстрілом були Антонівка та Садове."
    >>> st = read_report(t)
    >>> paragraph_date(t, st, 1, _dt.date(2026, 3, 3))
    datetime.date(2026, 3, 2)
    """
    memo = {} if memo is None else memo
    first = date_paragraph(text, states, k, memo)
    if k == first:
        return _continued_date(text, states, k, report_date, memo)
    # the last sentence before k (from first on) that names a date: walked back once, then remembered
    walked: list[int] = []
    j, last = k - 1, -1
    while j >= first:
        if ("last", j) in memo:
            last = memo["last", j]
            break
        walked.append(j)
        if _day(text, states, j, report_date, memo)[0] is not None:
            last = j
            break
        j -= 1
    for w in walked:
        memo["last", w] = last if last <= w else -1
    if last < first:
        return None
    day, scope = _day(text, states, last, report_date, memo)
    if scope == "paragraph":
        return day
    s, e = states[last].span
    if states[k].paragraph != first and text[s:e].rstrip().endswith(":"):
        return day  # the line that introduces a list with a colon dates its lines ("On June 7, … were shelled:")
    s, e = states[first].span
    if _day(text, states, first, report_date, memo)[0] is None \
            or all(claim_date(words, report_date) is None for words in _opening(text[s:e])):
        return None  # the paragraph's first sentence names no date, or does not open with it
    return day


def _continued_date(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date | None,
                    memo: dict) -> _dt.date | None:
    """The date of the statement a paragraph goes on with (it opens with a ``continuation`` marker: "This marked a
    turning point…", "In addition, …", "Кроме того, …"): the last date the paragraph before it names ("The ministry
    said on Wednesday that units took A. They also advanced near B." → Wednesday), else the one in scope at its end;
    None for any other paragraph."""
    s, e = states[k].span
    if not k or not any(m.cls == "continuation" for m in find_markers(text[s:e])):
        return None
    for j in range(k - 1, states[k - 1].paragraph - 1, -1):
        day = _day(text, states, j, report_date, memo)[0]
        if day is not None:
            return day
    return paragraph_date(text, states, k - 1, report_date, memo) if states[k - 1].paragraph != k - 1 else None


def summary_date(text: str, states: Sequence[SentenceState], report_date: _dt.date | None,
                 memo: dict | None = None) -> tuple[int, _dt.date | None]:
    """The past day of the morning summary a report retells, and the sentence that names it: ``(-1, None)`` when none.

    A regional administration's morning list of the past day's strikes, retold in the news ("\"Over the past day, the
    city and seven settlements of the region were hit,\" the governor wrote. In the village of A, a house was
    damaged…"), gives its past day once; the places its later sentences name in the speaker's words are of the same
    day. It is the first sentence spoken by a speaker of ``summary: morning`` whose day is that speaker's reading of
    a day phrase: its ``morning_offset`` ("over the past day") or a past day of ``scope: paragraph`` ("минулої
    доби"). :func:`apply_report_state` gives it to the undated events after it that the same kind of speaker says,
    where neither their paragraph nor the report's lead dates them (an earlier strike the story leads with, before
    the summary is named, keeps the report's day).

    >>> t = ('"Over the past day, the enemy struck 12 settlements," governor Oleh Syniehubov said.\\n'
    ...      'In Kurylivka, a house was damaged.')
    >>> summary_date(t, read_report(t), _dt.date(2025, 5, 6))
    (0, datetime.date(2025, 5, 5))
    """
    memo = {} if memo is None else memo
    if "summary" not in memo:
        memo["summary"] = -1, None
        for j, st in enumerate(states):
            if st.speaker is None or st.speaker.summary != "morning":
                continue
            day, scope = _day(text, states, j, report_date, memo)
            if day is None:
                continue
            s, e = st.span
            if scope == "paragraph" or day != date_and_scope(text[s:e], report_date)[0]:
                memo["summary"] = j, day
                break
    return memo["summary"]


def lead_date(text: str, states: Sequence[SentenceState], report_date: _dt.date | None,
              memo: dict | None = None) -> tuple[int, _dt.date | None]:
    """The news day a report's lead names, and the sentence that names it: ``(-1, None)`` when none.

    A news story says in its lead which day its news is from ("Military bloggers on Friday reported
    that…", "ISW reported that Russian forces captured Krokhmalne on January 20th", "Упродовж доби
    росіяни атакували 27 населених пунктів"); its later sentences tell the same news without naming
    the day again. The lead is the first paragraph of at least twelve words (headlines, bylines and
    datelines are shorter) that is no line of a list (an item of its own) nor a photo caption (its day is the
    picture's: :func:`_is_photo_caption`); its first date counts when it
    lies on or up to three days before the report's date (a date further back is background: "since
    February 24, 2022"). A shorter paragraph before it, a headline or a short first sentence, is the lead when it
    opens with a calendar day in that reach ("Протягом 24 лютого жертвами атак стали четверо людей.", "За 24 лютого
    …", "Обстріли 24 лютого: …") or with a daily summary's day phrase (a strike list's first line: "Минулої доби
    ворог обстріляв 14 населених пунктів.": :func:`_opening_day`): the day of the whole report, across its paragraphs;
    not one that only counts the report's own day (the General Staff's "Генштаб: 230 боїв за добу"): the lead after it
    names the day its summary counts ("Упродовж доби 26 лютого …", retold on the 27th).
    A page's stamp that runs into the lead ("date 2026-02-25 …": :data:`PAGE_STAMP`) dates the page: a day the lead's
    own sentences name after it is the news day. A lead that names no day, or only the report's own (a strike of the
    night the post leads with), may be followed by a strike list's frame, the daily summary's past day its next
    paragraph names (:func:`_list_frame`): the day of the list that follows.

    >>> t = "Russian push\\nMilitary bloggers on Friday reported that Russian forces entered Sontsivka near the town.\\n" \\
    ...     "Fighting was heaviest around Kurakhove."
    >>> lead_date(t, read_report(t), _dt.date(2024, 11, 9))
    (1, datetime.date(2024, 11, 8))
    """
    memo = {} if memo is None else memo
    if report_date is None:
        return -1, None
    seen = 0
    head = True  # only headlines so far: no list item nor long paragraph
    k = 0
    while k < len(states):
        end = _paragraph_end(states, k)
        # a line of a list ("- Russian forces advanced near Toretsk.", an ISW page's key takeaways) is an item of
        # its own, no lead: its day is not the news day of the items after it
        # (a page's stamp with its year and time opening a line of the page's head, before any list or lead, is
        # no list item: "27.02.2026 10:15 Упродовж доби 26 лютого …")
        line = _line_of(text, states[k].span[0])
        if (_LIST_ITEM.match(line) and not (head and PAGE_STAMP.match(line))) \
                or _is_photo_caption(text, states, k, end):
            head = False
            k = end
            continue
        if sum(len(text[s:e].split()) for s, e in (x.span for x in states[k:end])) < _LEAD_WORDS:
            # a headline or a short first sentence that opens with the calendar day of the news ("Протягом 24
            # лютого жертвами атак стали четверо людей.", "Обстріли 24 лютого: …") names the report's event day
            d = _opening_day(text, states, k, report_date, memo)
            s, e = states[k].span
            # a headline that counts the summary's day as the report's own ("Генштаб: 230 боїв за добу") names no
            # news day of its own: the lead after it may ("За 26 лютого на фронті відбулося 230 боїв …")
            if d is not None and report_date - _LEAD_REACH <= d <= report_date \
                    and (d != report_date or written_date(text[s:e], report_date) is not None):
                return k, d
        else:
            head = False
            days = [(j, *_lead_day(text, states, j, report_date, memo)) for j in range(k, end)]
            days = [(j, d, scope) for j, d, scope in days if d is not None]
            # a page's stamp opening the lead ("date 2026-02-25 …", "27.02.2026 10:15 …") dates the page: a day the
            # lead names after it is the news day ("… Протягом 24 лютого жертвами атак стали …"); the stamp's day
            # (the report's own) stands only where the lead names none
            days = [x for x in days if x[2] != "stamp"] or days
            # a daily summary's frame ("Загалом минулої доби…") dates the lead over the stamp before it
            # ("Оперативна інформація станом на 08.00 07.12.2025"): the summary's events are of its past day
            j, d, scope = next((x for x in days if x[2] == "paragraph"), days[0] if days else (-1, None, ""))
            if d == report_date and scope != "paragraph":
                # a strike the post leads with, of the report's own day ("Сьогодні вночі ворог обстріляв Вовчанськ."),
                # then the list of the past day: the list's frame dates what follows
                frame = _list_frame(text, states, end, report_date, memo)
                if frame[1] is not None:
                    return frame
            if d is not None:
                return (j, d) if report_date - _LEAD_REACH <= d <= report_date else (-1, None)
            seen += 1
            if seen == _LEAD_PARAGRAPHS:
                return _list_frame(text, states, end, report_date, memo)
        k = end
    return -1, None


def _paragraph_end(states: Sequence[SentenceState], k: int) -> int:
    """The index after the last sentence of the paragraph that sentence ``k`` opens (``len(states)`` past the end)."""
    end = k + 1
    while end < len(states) and states[end].paragraph != end:
        end += 1
    return min(end, len(states))


def _list_frame(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date,
                memo: dict) -> tuple[int, _dt.date | None]:
    """The past day of a strike list that the paragraph at sentence ``k`` names, right after a lead that names no day or
    only the report's own (a strike of the night the post leads with): a daily summary's day phrase of scope
    ``paragraph`` in ``geo/rules/day_phrases.jsonl`` ("Протягом минулої доби ворожих ударів зазнали 9 населених
    пунктів області.", read in its speaker's voice), within
    :data:`_LEAD_REACH` of the report's day, and the sentence that names it; ``(-1, None)`` otherwise. A regional
    administration's morning list opens with its own words (the enemy goes on shelling the oblast), then gives the
    period of the whole list, whose places follow in later paragraphs and bullets: they are of that day, until another
    day is named. Any other day there (a calendar day, "yesterday") is its paragraph's own, as after the lead."""
    end = _paragraph_end(states, k)
    for j in range(k, end):
        d, scope = _day(text, states, j, report_date, memo)
        if d is not None:
            return (j, d) if scope == "paragraph" and report_date - _LEAD_REACH <= d <= report_date else (-1, None)
    return -1, None


def _lead_day(text: str, states: Sequence[SentenceState], j: int, report_date: _dt.date,
              memo: dict) -> tuple[_dt.date | None, str]:
    """The day sentence ``j`` names and its scope (:func:`_day`), read past a page's stamp that opens it
    (:data:`PAGE_STAMP`: "27.02.2026 10:15 Упродовж доби 26 лютого …" names the 26th); the stamp's own day, of scope
    ``stamp``, when the sentence names no other (the report's date, no event day of the lead)."""
    s, e = states[j].span
    m = PAGE_STAMP.match(text, s, e)
    if m is None:
        return _day(text, states, j, report_date, memo)
    speaker = states[j].speaker
    day, scope = date_and_scope(text[m.end():e], report_date, summary=speaker.summary if speaker else None)
    if day is not None:
        return day, scope
    day = _day(text, states, j, report_date, memo)[0]
    return day, "stamp"
_CALENDAR_WORDS = frozenset(r.key for r in lookup_rows("calendar"))
_HEADLINE_WORDS = 3  # words (no month, weekday or number) a headline holds besides its date: a page stamp has fewer
# a page's stamp or byline, no headline: a time of day ("January 7, 2025 9:03 AM", "Sunday, 14 July 2024, 00:50") or a
# byline's opening ("by Jane Doe January 7, 2025", "Published: …")
_STAMP = re.compile(r"(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|^\W*(?:by|published|posted|updated)\b", re.IGNORECASE)


def _opening_day(text: str, states: Sequence[SentenceState], k: int, report_date: _dt.date, memo: dict) -> _dt.date | None:
    """The calendar day sentence ``k`` opens with ("Протягом 24 лютого …", "За 24 лютого …", "On February 24, …",
    "Обстріли 24 лютого: …", "In the past day, February 24, …": :func:`_opening`), or the day of a daily summary's
    opening phrase ("Минулої доби …", "Впродовж доби …": a day phrase of scope ``paragraph``, read in the sentence's
    speaker's voice), or None: none, only another relative day ("Yesterday …"), or a page's stamp or byline (fewer than :data:`_HEADLINE_WORDS` words of its own besides the
    date, a time of day or a byline's first word: "by Jane Doe January 7, 2025 9:03 AM": :data:`_STAMP`)."""
    s, e = states[k].span
    sentence = text[s:e]
    words = [w for w in re.findall(r"[^\W\d_]{3,}", sentence) if w.casefold() not in _CALENDAR_WORDS]
    if len(words) < _HEADLINE_WORDS or _STAMP.search(sentence) \
            or all(claim_date(w, report_date) is None for w in _opening(sentence)):
        return None
    day, scope = _day(text, states, k, report_date, memo)
    # a calendar day, or a daily summary's day phrase (scope ``paragraph`` in geo/rules/day_phrases.jsonl): a strike
    # list's first line, short as a headline ("Минулої доби ворог обстріляв 14 населених пунктів.", "Впродовж доби
    # окупанти завдали 812 ударів по 17 населених пунктах області.") counts the day of the whole post
    return day if scope == "paragraph" or written_date(sentence, report_date) is not None else None


# News pages retell ISW's daily assessment the morning after it is published (it comes out in the US evening,
# after midnight in Ukraine): "… the Institute for the Study of War reported", "according to ISW". Its events,
# where the retelling names no day, are the day before the page's.
_RETOLD_DAY = _dt.timedelta(days=1)
_RETELLING_LEAD = 3  # ISW speaks in one of the page's first sentences


# an English news dateline that dates the page, not its events: "UKRAINE, KUPIANSK, Aug 8 — …"
_DATELINE_DAY = re.compile(r"\s*+(?:[A-Z][A-Z'’.-]*+\s*+,?\s*+){1,4}(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8})"
                           r"(?:\s*+,\s*+\d{4})?\s*+[-–—(]")


def _dateline_day(text: str, states: Sequence[SentenceState], k: int) -> bool:
    """Whether sentence ``k`` names its day only in a dateline at its start ("UKRAINE, KUPIANSK, Aug 8 — …")."""
    return 0 <= k < len(states) and bool(_DATELINE_DAY.match(text, states[k].span[0]))


def _retold_day(text: str, states: Sequence[SentenceState], report_date: _dt.date, memo: dict) -> _dt.date:
    """The day of the assessment a news page retells: the last calendar day it names at most :data:`_LEAD_REACH`
    before the page's (not in a dateline: that dates the page), else the day before the page's."""
    if "written" not in memo:
        memo["written"] = [written_date(text[s:e], report_date) for s, e in (st.span for st in states)]
    days = [d for j, d in enumerate(memo["written"]) if d is not None and not _dateline_day(text, states, j)
            and report_date - _LEAD_REACH <= d <= report_date]
    return max(days, default=report_date - _RETOLD_DAY)


def _retells_assessment(states: Sequence[SentenceState]) -> bool:
    """Whether the report is a news page retelling an ISW assessment: ISW, named in one of its first
    :data:`_RETELLING_LEAD` sentences, is the report's first speaker (an ISW page, or its mirror, names
    itself as no speaker of its own text)."""
    for st in states:
        sp = st.speaker
        if sp is not None and not sp.weak:
            return sp.claimant is Claimant.ISW and sp.sentence < _RETELLING_LEAD
    return False


# whose officials a place's own office speaks for, by the country the place lies in
_OFFICIALS = {"UA": Claimant.UA_OFFICIAL, "RU": Claimant.RU_OFFICIAL}


def seats(claims: Sequence[Claim], states: Sequence[SentenceState], text: str) -> dict[int, Speaker]:
    """The speakers named by their seat, by sentence: a place's own office that speaks (an office row of ``seat:
    country`` in ``geo/rules/speakers.jsonl`` after a place the claims placed: "Kherson Region Governor X announced
    this", "the Kharkiv regional governor said", "Saratov Governor X said") is an official of the country the place
    lies in, once the place is placed (the sentence reading cannot know it). A sentence that names its speaker ("the
    Russian-installed Kherson governor said") has none.

    :func:`read_report` given them (``seats``) has each speak as a speaker its sentence named: its sentence, those
    before it with a back reference ("announced this"), the report or its paragraph after it, and a quotation closed
    with the official's surname ('"…," Hryhorov wrote').
    """
    starts = [st.span[0] for st in states]
    out: dict[int, Speaker] = {}
    for c in claims:
        official = _OFFICIALS.get(c.country)
        k = bisect.bisect_right(starts, c.start) - 1
        if c.role != "speaker" or official is None or k < 0 or k in out:
            continue
        st = states[k]
        if st.speaker is not None and st.speaker.sentence == k:
            continue  # the sentence names who speaks
        s, e = st.span
        sentence = text[s:e]
        office = office_after(sentence, c.end - s)
        if office is None or office.get("seat") != "country" \
                or not any(m.cls in ("speech", "backref") for m in find_markers(sentence)):
            continue
        out[k] = Speaker(official, sentence[c.start - s:office.end], k, summary=office.get("summary"))
    return out


def apply_report_state(claims: Sequence[Claim], states: Sequence[SentenceState], text: str,
                       report_date: _dt.date | None = None, month: tuple[int, int] | None = None,
                       outlet: Claimant | None = None) -> list[Claim]:
    """Claims with the report state applied: the speaker to those their sentence gave none, the
    paragraph's date to undated events, an open list's action to places left without one.
    ``month`` (year, month) is what is known of an undated report's day: it gives written dates their year.
    ``outlet`` is whose page the report is by its address (:func:`geo.claims.voice.host_claimant`): ISW's own assessment
    is dated itself, its lead's days date the evidence it cites, and it retells no one. ``states`` are read with the
    report's seats (:func:`seats`, as :func:`geo.extract.extract_report` reads them): the offices that speak by their
    seat are in them.

    Each change is said in the claim's ``why``. A claim keeps what its own sentence said.
    """
    starts = [st.span[0] for st in states]
    held = {bisect.bisect_right(starts, c.start) - 1 for c in claims}  # the sentences that name a place
    out: list[Claim] = []
    extra: list[Claim] = []  # claims a later sentence makes about a sentence's places
    seen: set[tuple] = set()
    dates: dict = {"month": month}  # what the date pass has read: each sentence's date, paragraph starts, last dates
    lead: tuple[int, _dt.date | None] | None = None  # read when an undated event first asks
    for c in claims:
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0:
            out.append(c)
            continue
        st = states[k]
        changes: dict = {}
        why: list[str] = []
        lst = st.listing
        # (a place an appositive only locates, "Терны, поселок недалеко от Y", is no place a list or a later
        # sentence's "этот населенный пункт" takes up: Y stays its reference point)
        if lst is not None and c.role in ("event", "background") and lst.lists(c.start - st.span[0]) \
                and not c.action_detail.startswith("denied") and _APPOSITIVE_WHY not in c.why:
            if c.action is Action.OTHER or (lst.replaces is not None and c.action is lst.replaces):
                changes.update(action=lst.action, action_detail=lst.detail, role="event", modality=lst.modality)
                why.append(lst.why)
            elif lst.again is not None and c.action is not lst.action and c.precision != 3:
                # "X and Y were captured, Moscow said. Kyiv said fighting went on in both areas": the
                # later sentence's claim about the same places (settlements), when it names its speaker
                later = states[lst.again]
                if later.speaker is not None and later.speaker.sentence == lst.again \
                        and later.speaker.claimant is not c.claimant:
                    quote = " ".join(text[later.span[0]:later.span[1]].split())
                    extra.append(replace(c, action=lst.action, action_detail=lst.detail, modality=lst.modality,
                                         quote=quote, claim_date=None, claimant=later.speaker.claimant,
                                         why=tuple(c.why) + (lst.why, f"claimant '{later.speaker.text}'")))
        role = changes.get("role", c.role)
        told = st.outcome
        if told is not None and role == "event" and changes.get("action", c.action) is Action.ATTACKED \
                and told.again not in held and "negated" not in c.why:
            # the attacks of the sentence ended as the next one tells, a sentence with no place of its own
            changes.update(action=told.action, action_detail=told.detail)
            why.append(told.why)
        sp = st.speaker
        defaulted = (_AUTHOR if sp is not None and sp.weak else _VOICED if sp is not None and sp.text == _REMINDER
                     else _DEFAULTED)
        if sp is not None and sp.claimant is not c.claimant and any(w.startswith(defaulted) for w in c.why) \
                and not any(w.startswith("claimant '") for w in c.why):
            changes["claimant"] = sp.claimant
            why.append(f"claimant: the report's speaker '{sp.text}' (sentence {sp.sentence + 1})")
        if role == "event" and c.claim_date is not None and outlet is not Claimant.ISW \
                and (day := lead_summary_date(text, states, k, c.claim_date, report_date, dates)) is not None:
            # the summary's "past day", where the lead names which day the summary counts ("On Saturday, 58 combat
            # engagements were recorded … During the past day, Russian air strikes targeted A, B"); the speaker's own
            # reading of the phrase does not overrule it, where the two differ ("Упродовж доби 26 лютого …" on the
            # 27th, then "на Покровському напрямку впродовж доби …")
            if day != c.claim_date:
                changes["claim_date"] = day
                why.append(f"date: the past day of the summary, the day the lead names (sentence {dates['lead'][0] + 1}: "
                           f"{day.isoformat()})")
        elif role == "event" and c.claim_date is not None \
                and (day := spoken_date(text, states, k, c.claim_date, report_date, dates)) != c.claim_date:
            changes["claim_date"] = day
            kind = "a morning summary" if st.speaker.summary == "morning" else "the summary"
            why.append(f"date: the past day of {kind} by '{st.speaker.text}' ({day.isoformat()})")
        elif role == "event" and c.claim_date is None:
            day = attribution_date(text, states, k, report_date, dates)
            if day is not None:
                changes["claim_date"] = day
                why.append(f"date: the day its attribution names ({day.isoformat()})")
            elif (day := quotation_date(text, states, k, report_date)) is not None:
                changes["claim_date"] = day
                why.append(f"date: the day of the quotation its speaker closes ({day.isoformat()})")
            elif (day := paragraph_date(text, states, k, report_date, dates)) is not None:
                changes["claim_date"] = day
                why.append(f"date: the paragraph's ({day.isoformat()})")
            elif (day := restated_date(text, states, k, report_date, dates)) is not None:
                changes["claim_date"] = day
                why.append(f"date: the day of the statement '{sp.text}' goes on with ({day.isoformat()})")
            else:
                if lead is None:
                    # ISW's own assessment dates each report it cites ("Geolocated footage published on December 3
                    # indicates…"): a day in its lead dates that evidence, not the news of the sentences after it
                    if outlet is not Claimant.ISW and "lead" not in dates:
                        dates["lead"] = lead_date(text, states, report_date, dates)  # read once (lead_summary_date)
                    lead = (-1, None) if outlet is Claimant.ISW else dates["lead"]
                if lead[1] is not None and k > lead[0] and lead[1] != report_date:
                    changes["claim_date"] = lead[1]
                    why.append(f"date: the lead's (sentence {lead[0] + 1}: {lead[1].isoformat()})")
                elif sp is not None and sp.summary == "morning" \
                        and (frame := summary_date(text, states, report_date, dates))[1] is not None and k > frame[0]:
                    changes["claim_date"] = frame[1]
                    why.append(f"date: the past day of the morning summary '{sp.text}' gives (sentence {frame[0] + 1}: "
                               f"{frame[1].isoformat()})")
                elif report_date is not None and outlet is not Claimant.ISW \
                        and changes.get("claimant", c.claimant) is not Claimant.MEDIA and _retells_assessment(states):
                    # the page's own words (its own sources, its background: claimant media) are no part of the
                    # assessment it retells: they keep the page's day
                    day = _retold_day(text, states, report_date, dates)
                    changes["claim_date"] = day
                    why.append(f"date: the assessment's day in a news page retelling ISW ({day.isoformat()})")
        if changes:
            c = replace(c, **changes, why=tuple(c.why) + tuple(why))
        out.append(c)
    kept = []
    for c in out + extra:
        folded = fold(c.place)  # one claim per place and reading, as geo.extract keeps them
        key = claim_key(c.geonameid, folded, c.claimant, c.action, c.role, c.claim_date, c.modality)
        if key not in seen:
            seen.add(key)
            kept.append(c)
    return kept
