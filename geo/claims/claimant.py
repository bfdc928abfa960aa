"""Who claims it: attributions in a sentence (named speakers, institutions, speech verbs, seats of power as
speakers), the context's last attribution, post headers, the owner of a denied claim and who acted (actor).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from geo.rules.lookup import lookup_rows, row_pattern, rows_pattern
from geo.rules.matcher import Hit, full_match, read_all_kinds, read_kinds, read_opening, rows
from geo.model import Claimant
from geo.claims.matching import _I, _c, _position_before, _possessed_after
from geo.claims.clauses import _clause_bounds
from geo.claims.action import _Cue, _words_between

__all__ = []

# --------------------------------------------------------------------------------------------
# Claimants
# --------------------------------------------------------------------------------------------

# The speakers, the speech words and the words that introduce a source are rows of the rule tables
# geo/rules/speakers.jsonl and geo/rules/speech.jsonl, read by the one matcher pass of a sentence
# (geo.rules.matcher.read). A speaker row with ``speech: needed`` (a generic phrase: "Ukrainian
# military", "the statement", "Reuters") speaks only with a speech word near it; one with ``speech:
# follows`` (a seat of power: "Moscow", "Kyiv") only with a speech verb or a possessive right after it.
_SPEECH_REACH_AFTER = 50  # characters after a generic speaker in which a speech word makes it one
_SPEECH_REACH_BEFORE = 40  # characters before it in which "according to", "citing"… may begin
_VERB_FIRST = frozenset({"uk", "ru"})  # languages whose speech verb may come before the speaker it names
_SOURCE_GAP_WORDS = 4  # words between "according to" and the speaker ("according to the Ukrainian military")

# What follows up to _may_speak serves geo.claims.role (a place named as the speaker: "Moscow said"):
# _SPEECH_AFTER is being rewritten as a linear expression elsewhere; its vocabulary is the speech table's.
# speaker metonyms: seats of power as actors
# (the seat-of-power rows of geo/rules/name_kinds.jsonl)
_METONYMS = _c(r"^(?:the\s+)?(?:" + "|".join(row_pattern(r, lead=False) for r in lookup_rows("name_kinds")
                                            if r.cls == "seat-of-power") + r")$")
# the words between a seat of power and its speech verb ("Moscow, however, said"): the speech table's English filler
# rows, an adverb in -ly and a date ("on Monday", "on May 5"); its auxiliary rows right before the verb ("has said")
_SPEECH_EN = tuple(r for r in rows("speech") if r.lang == "en")
_FILLER_ROWS = tuple(r.key for r in _SPEECH_EN if r.cls == "filler")
_AUXILIARIES = tuple(r.key for r in _SPEECH_EN if r.cls == "auxiliary")
_FILLER_DATES = ("on", r"on\s+\w+day", r"on\s+\w+\s+\d+")  # the first word of a date, and its two shapes
# each run of whitespace is read one way only (possessive: what follows a run is a comma or a word)
_FILLER = (r"(?:\s*+,?\s*+(?:(?:\w+ly|" + "|".join((*_FILLER_DATES[1:], *(r"\s+".join(map(re.escape, k.split(" ")))
                                                                         for k in _FILLER_ROWS)))
           + r")\s*+,?\s*+){0,3})")
# the speech verbs after a place that speaks: the speech table's rows of seat "speaks" and its stance rows
_SPEECH_VERBS = tuple(r.phrase for r in _SPEECH_EN
                      if r.cls == "stance" or (r.cls == "speech" and r.get("seat") == "speaks"))
_SPEECH_VERB = r"(?:(?:" + "|".join(map(re.escape, _AUXILIARIES)) + r")\s+)?(?:" + "|".join(_SPEECH_VERBS) + r")\b"
_SPEECH_AFTER = _c(r"^" + _FILLER + _SPEECH_VERB)
# _SPEECH_AFTER's first word (after spaces and a comma) is a speech verb or an auxiliary, or starts a filler: a word
# holding "ly" past its first letter, or one beginning with a filler row's or a date's first word
_SPEECH_FIRST = frozenset(_SPEECH_VERBS) | frozenset(_AUXILIARIES)
_FILLER_FIRST = tuple(sorted({k.split(" ")[0] for k in _FILLER_ROWS} | {_FILLER_DATES[0]}))
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


class _Attr(NamedTuple):
    claimant: Claimant
    start: int
    end: int
    text: str
    #: the speaker row's ``summary``: "morning" for a speaker whose daily summary comes out in the morning about the
    #: day before (a regional administration, geo/rules/speakers.jsonl), "bulletin" for one whose summary is dated
    #: the day it comes out (the General Staff); None for any other
    summary: str | None = None


def _find_attributions(text: str) -> list[_Attr]:
    return list(_attributions(text))


@lru_cache(maxsize=32)
def _attributions(text: str) -> tuple[_Attr, ...]:
    """Every attribution in ``text``: the speaker rows of the rule tables the sentence's one matcher
    pass finds, those that need a speech word kept only with one (memoised, like the cues)."""
    # speech words wherever they stand, inside a longer phrase of another table too ("said" in the hedge
    # "is said to", "confirmed" in "not confirmed")
    kinds = read_all_kinds(text)
    # a denial is said: "Ukrainian officials denied the claim" (a row of actions or modality, not of speech)
    denials = tuple(h for h in kinds.get(("actions", "action"), ()) if h.get("detail") == "denied")
    speech = (kinds.get(("speech", "speech"), ()) + kinds.get(("speech", "attribution"), ()) + denials
              + kinds.get(("modality", "denied"), ()))
    sources = kinds.get(("speech", "attribution"), ())
    stances = kinds.get(("speech", "stance"), ())
    found: list[_Attr] = []
    alone: list[_Attr] = []  # rows of ``speaks: alone`` (a group of forces): kept unless another reports them
    relayed: list[Hit] = []  # rows of ``speaks: relayed`` (unnamed sources): the side of the agency quoting them
    relays: list[str] = []  # the sides of the agencies that speak in the sentence (a row's ``relays``: TASS "RU")
    for h in read_kinds(text).get(("speakers", "speaker"), ()):
        need = h.get("speech")
        if need == "needed" and not _spoken(text, h.start, h.end, speech, sources):
            continue
        if need == "needed" and _reported_subject(text, h, _verbs(speech, sources)):
            continue  # "The portal alleges some Ukrainian commanders are submitting reports …": what another says
        # "according to", "citing" name the speaker after them: the seat before one does not speak ("… in
        # western Russia, according to officials", "… in eastern Ukraine, citing the defence ministry")
        if need == "follows" and not _speaks_next(text, h.start, h.end,
                                                  _verbs(speech, sources) + stances):
            continue
        if not speech and not stances and h.get("speaks") != "alone" and _POSSESSIVE.match(text, h.end):
            # "Putin's army shelled Kupiansk": named as whose army, no one speaks (a group of forces is its bulletin's
            # subject: "Tsentr Group of Forces' units hit …")
            continue
        if h.get("medium") == "channel" and any(_own_channel(text, a.end, h.start, speech, h.rule.lang)
                                                    for a in found):
            continue  # "сообщил Пушилин в Telegram-канале": the speaker's own channel, no second speaker
        if h.get("speaks") == "relayed":
            relayed.append(h)
            continue
        attr = _Attr(Claimant(h.get("claimant")), h.start, h.end, h.text, h.get("summary"))
        found.append(attr)
        if h.get("relays"):
            relays.append(h.get("relays"))
        if h.get("speaks") == "alone":
            alone.append(attr)
    quoted = [q for q in _quoted_channels(text, speech) if not any(a.start < q.end and q.start < a.end for a in found)]
    if quoted:  # a name a speaker row reads as well ("'Rybar' writes") is that row's
        found = sorted(found + quoted, key=lambda a: a.start)
    if relayed and len(set(relays)) == 1:  # one side's agencies quote them: that side's officials
        side = _RELAYED[relays[0]]
        found.extend(_Attr(side, h.start, h.end, h.text) for h in relayed)
        found.sort(key=lambda a: a.start)
    if alone:
        said = kinds.get(("speech", "speech"), ())
        found = [a for a in found if a not in alone
                 or not (_reported(text, a, said, found) or _introduced(text, a, found, alone, speech)
                         or _in_earlier_quotation(text, a))]
    return tuple(found)


# A channel named in quotation marks that speaks right after them ("'Muchnoy' also confirms reports of …", "“Two
# Majors” denied …"): English retellings of Russian Telegram channels name a channel so. Its name is one to four words,
# each capitalised or a short joining word ("Older than Edda"), closed by the quotation mark and a space (no comma: "…
# the group 'Khortytsia', claimed …" names a group in an appositive, another speaks); between it and the verb only the
# speech table's filler and auxiliary rows ("also", "has"). The verb is a speech row that makes the word before it a
# speaker (seat ``speaks``: "confirms", "denied") or a report's (scope ``report``: "writes", "wrote"). The channel's
# claimant is the channels table's (geo/data/channels.csv: a known channel, "DeepState") or, for a name the speakers
# table reads as something else (a group of forces, a seat, a speaker row), none of its own; else a Russian channel's.
_QUOTED_NAME = re.compile(r"[\"“'‘«]((?-i:[A-Z])[\w’.-]{0,30}+(?:\s(?:(?-i:[A-Z])[\w’.-]{0,30}+|of|than|the|and|from)){0,3}+)"
                          r"[\"”'’»]\s++")
_QUOTED_VERBS = frozenset(r.key for r in rows("speech") if r.lang == "en" and r.cls == "speech"
                          and (r.get("seat") == "speaks" or r.get("scope") == "report"))
_QUOTED_GAP_WORDS = frozenset(k for k in (*_FILLER_ROWS, *_AUXILIARIES) if " " not in k)
_QUOTED_GAP = 2  # filler words between the closing quotation mark and the speech verb ("also has confirmed")


def _quoted_channels(text: str, speech: tuple[Hit, ...]) -> list[_Attr]:
    """The channels named in quotation marks that speak right after them in ``text`` (see :data:`_QUOTED_NAME`).

    >>> [(a.text, a.claimant.value) for a in _find_attributions("'Muchnoy' also confirms that Russian units entered Tykhe.")]
    [('Muchnoy', 'RU-milblogger')]
    """
    if not speech or not any(q in text for q in "\"“'‘«"):
        return []
    verbs = [h for h in speech if h.rule.lang == "en" and h.rule.key in _QUOTED_VERBS]
    if not verbs:
        return []
    out = []
    for m in _QUOTED_NAME.finditer(text):
        words = text[m.end():m.end() + 40].split()
        gap = 0
        while gap < min(_QUOTED_GAP, len(words)) and words[gap].lower() in _QUOTED_GAP_WORDS:
            gap += 1
        at = m.end() + len(" ".join(words[:gap])) + (1 if gap else 0)
        if not any(h.start == at for h in verbs):
            continue
        claimant = _channel_claimant(m.group(1))
        if claimant is not None:
            out.append(_Attr(claimant, m.start(1), m.end(1), m.group(1)))
    return out


def _channel_claimant(name: str) -> Claimant | None:
    """The claimant of a channel named in quotation marks (:func:`_quoted_channels`): the channels table's, none for a
    name a speakers row reads, else a Russian channel's."""
    from geo.channels import known_channels  # the channels table: read once, when a quoted name first speaks

    channel = known_channels().by_name(name)
    if channel is not None:
        return channel.claimant
    if read_kinds(name):
        return None  # a group of forces, a seat of power, a speaker of the tables: not a channel's name
    return Claimant.RU_MILBLOGGER


# A report noun named again by its kind with a determiner ("…," the statement said; "the channel further stated"): a
# speakers row of ``speaks: again`` after a determiner row of geo/rules/back_references.jsonl. It is the statement of
# the speaker named before it (a Ukrainian command's statement reprinted in English, "The Operational Command reported
# on Facebook … '…,' the statement said"); only with no one named before is it the row's own claimant (the ministry's
# bulletin: "…, the statement said").
_DETERMINERS = rows_pattern(r for r in lookup_rows("back_references") if r.cls == "determiner" and r.lang == "en")
_DETERMINER_BEFORE = re.compile(r"(?<!\w)(?:" + _DETERMINERS + r")\s++$", _I)
_DETERMINER_OPENS = re.compile(r"(?:" + _DETERMINERS + r")\s", _I)  # a row that holds its determiner ("the channel")


def named_again(sentence: str, attr: _Attr) -> bool:
    """Whether the attribution ``attr`` of ``sentence`` is a report noun named again by its kind ("the statement
    said", "the bulletin said", "the channel stated"; not "a statement by the General Staff", "the General Staff added").

    >>> s = "'Russian units attacked near Kamianske,' the statement said."
    >>> named_again(s, _find_attributions(s)[0])
    True
    """
    if _DETERMINER_BEFORE.search(sentence, 0, attr.start) is None and _DETERMINER_OPENS.match(attr.text) is None:
        return False  # (a row may hold its determiner: "the channel")
    row = full_match(attr.text, "speakers")
    return row is not None and row.get("speaks") == "again"


# a possessive right after a name ("Putin's army", "Syniehubov’s office")
_POSSESSIVE = re.compile(r"['’]s(?!\w)")


# whom unnamed sources speak for, by the side of the agency that quotes them (a speaker row's ``relays``)
_RELAYED = {"RU": Claimant.RU_OFFICIAL, "UA": Claimant.UA_OFFICIAL}


def _verbs(speech: tuple[Hit, ...], sources: tuple[Hit, ...]) -> tuple[Hit, ...]:
    """The speech hits that are no source word: none spanning where an attribution row ("according to",
    "citing", also a speech row) stands, as a word before the speaker it names cannot make a place before it speak."""
    spans = {(h.start, h.end) for h in sources}
    return tuple(h for h in speech if (h.start, h.end) not in spans)


TITLE_REACH = 160  # characters of title between a speech word and the speaker named after it
# a mark that ends the title between a speech word and a speaker (guillemets may name a channel in it: «Россия 24»)
CLAUSE_MARK = re.compile(r"[,;:\"“”„]")
REPORTING = re.compile(r"[,–—]\s*+$")  # what was said ends right before the speech word: ", заявил", "», — сказал"


def reporting_speakers(text: str, speech: Hit, named) -> list:
    """Of ``named`` (spans with ``start``), those named after the speech word ``speech`` of a reporting clause
    (", заявил в видеообращении глава ДНР Денис Пушилин", "…, said the head of the regional administration"):
    the speech word follows what was said (a comma or a dash right before it), only a title between it and the
    speaker (no comma, colon or quotation mark), however long the title (:data:`TITLE_REACH`). Empty when
    ``speech`` stands in no reporting clause."""
    if REPORTING.search(text, 0, speech.start) is None:
        return []
    return [n for n in named if speech.end <= n.start <= speech.end + TITLE_REACH
            and CLAUSE_MARK.search(text, speech.end, n.start) is None and not addressed(text, speech, n)]


# a speech word's "to" and at most a title before a name: whom the speaker reports to ("reported to President Putin")
# (read right after the speech word, never after a space: tests/test_regex_backtracking.py)
_ADDRESSEE = re.compile(r"(?<!\s)\s++to\s++(?:[^\s,;:]++\s++){0,3}")


def addressed(text: str, speech, name) -> bool:
    """Whether ``name`` (a span with ``start``) is whom the speech word ``speech`` is addressed to ("Gerasimov
    reported to President Vladimir Putin that …"): the one spoken to, not the speaker.

    >>> from collections import namedtuple
    >>> Span = namedtuple("Span", "start end")
    >>> t = "Gerasimov reported to President Putin that Kupiansk was taken."
    >>> addressed(t, Span(10, 18), Span(t.index("Putin"), t.index("Putin") + 5))
    True
    """
    return speech.end <= name.start and _ADDRESSEE.fullmatch(text, speech.end, name.start) is not None


def _reported(text: str, attr: _Attr, speech: tuple[Hit, ...], found: list[_Attr]) -> bool:
    """Whether a group of forces (a speaker row of ``speaks: alone``) is reported by another: the reporting
    clause after it names a side's speaker ("Группировка «Восток» продолжает наступление у X, заявил глава ДНР
    Пушилин") or none, whose speaker is then the one known before ("«Штурмовики группировки «Центр» выбили ВСУ из
    X», — сказал он"). There the group is who acted, not who says so. An outlet alone in the reporting clause
    ("…, сообщает ТАСС"), or a name the tables do not know, relays the bulletin in its words: the group stays its
    speaker."""
    for m in speech:
        if m.start < attr.end or REPORTING.search(text, attr.end, m.start) is None:
            continue
        named = reporting_speakers(text, m, found)
        if any(a.claimant is not Claimant.MEDIA for a in named):
            return True
        if not named:
            clause = text[m.end:m.end + TITLE_REACH]
            mark = CLAUSE_MARK.search(clause)
            if not _NAME.search(clause[:mark.start() if mark else None].rstrip(".!?")):
                return True  # "— сказал он", "— говорится в сообщении": the speaker known before says it
    return False


def _introduced(text: str, attr: _Attr, found: list[_Attr], alone: list[_Attr], speech: tuple[Hit, ...]) -> bool:
    """Whether a group of forces (a speaker row of ``speaks: alone``) is what a speaker named before it in the
    sentence says: another claimant than the group's and than an outlet, with its own speech word right before or
    after it, no clause mark between ("Pushilin said units of the Sever group took X", "По данным DeepState,
    группировка «Север» продвинулась у X", "Как сообщил Пушилин, подразделения группировки «Центр» …"; not the
    official named inside what another said: "Минобороны заявило, что Пушилин посетил Донецк, а группировка …").
    There the group is who acted, the speaker who says so."""
    for a in found:
        if a in alone or a.claimant in (Claimant.MEDIA, attr.claimant) or a.end > attr.start:
            continue
        for h in speech:
            if h.end > attr.start or h.start < a.start - _SPEECH_REACH_BEFORE:
                continue
            gap = text[h.end:a.start] if h.end <= a.start else text[a.end:h.start] if h.start >= a.end else ""
            if CLAUSE_MARK.search(gap) is None and len(gap.split()) <= _SOURCE_GAP_WORDS:
                return True
    return False


_OPEN_QUOTES, _CLOSE_QUOTES = "«“", "»”"


def _in_earlier_quotation(text: str, attr: _Attr) -> bool:
    """Whether a group of forces stands in a quotation opened before the sentence and closed in it ("… Также наступает
    группировка войск «Запад», которая уже у Тихого», — сказал эксперт", the quotation's earlier sentences before
    it): the quotation's speaker, named in its closing clause or before it, says what the group did. A quotation
    opened in the sentence (the ministry's bulletin quoted by an outlet: "«Подразделения группировки «Центр» освободили
    X», — сообщает ТАСС") is not one: there the group speaks for the ministry."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN_QUOTES:
            depth += 1
        elif ch in _CLOSE_QUOTES:
            depth -= 1
            if depth < 0:
                return i >= attr.end
        if i == attr.start and depth > 0:
            return False  # a quotation opened in the sentence before the group
    return False


# a capitalised word: a name the tables do not know ("…, сообщает ТАСС" relays the bulletin: the group stays)
_NAME = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ]")


# between a speaker and a channel that is the speaker's own: a preposition ("Пушилин в Telegram-канале"), after the
# speaker's speech word ("Пушилин заявил в Telegram-канале", "Минобороны опубликовало в …") and before a word that
# makes the channel the speaker's ("в своем", "в официальном", "у своєму")
# "сообщил Пушилин в своем Telegram-канале"
_OWN_CHANNEL_GAP = re.compile(r"\s+(?:в|у|на)\s+(?:(?:сво|офіційн|официальн|собственн|власн)\w*\s+)?", re.IGNORECASE)
# English names the owner right before its channel or as its possessive ("the DeepState Telegram channel", "DeepState's
# Telegram channel"); Russian and Ukrainian do not (they name it after the channel, "Telegram-канал Пушилина"): a name
# right before their channel word governs something else ("пов'язаний з Міноборони РФ Telegram-канал «…»": a channel
# linked to the ministry, not the ministry's own)
_OWN_CHANNEL_GAP_EN = re.compile(r"(?:['’]s)?\s+")


def _own_channel(text: str, start: int, end: int, speech: tuple[Hit, ...], lang: str = "") -> bool:
    """Whether ``text[start:end]``, between a speaker and a channel (a row of ``lang``), makes the channel the speaker's
    own (:data:`_OWN_CHANNEL_GAP`, for an English row also :data:`_OWN_CHANNEL_GAP_EN`; a speech word standing in it
    read as a space)."""
    if end <= start:
        return False
    gap = list(text[start:end])
    for h in speech:
        if start <= h.start and h.end <= end:
            gap[h.start - start:h.end - start] = " " * (h.end - h.start)
    gap_text = "".join(gap)
    return (_OWN_CHANNEL_GAP.fullmatch(gap_text) is not None
            or (lang == "en" and _OWN_CHANNEL_GAP_EN.fullmatch(gap_text) is not None))


def _spoken(text: str, start: int, end: int, speech: tuple[Hit, ...], sources: tuple[Hit, ...]) -> bool:
    """A speech word within reach after a generic speaker in its clause ("…, Ukrainian military said"), or
    "according to", "citing"… a few words before it ("according to the Ukrainian military")."""
    lo, hi = _clause_bounds(text, start, end)
    limit = min(hi, end + _SPEECH_REACH_AFTER)
    if any(end <= h.start and h.end <= limit for h in speech):
        return True
    first = max(lo, start - _SPEECH_REACH_BEFORE)
    if any(first <= h.start and h.end <= start and _words_only(text[h.end:start]) for h in sources):
        return True
    # Russian and Ukrainian put the verb before its subject: "Про це повідомив речник 24-ї бригади", "сообщили в
    # бригаде" (a speech word of those languages ending a few words before the speaker, in its clause)
    return any(h.rule.lang in _VERB_FIRST and first <= h.start and h.end <= start
               and _words_only(text[h.end:start] or " ") for h in speech)


# what may stand between a speech verb and the subject of the clause it reports ("alleges that some Ukrainian
# commanders …", "said the Ukrainian military …"): "that" and a determiner or a quantifier
_REPORTED_OPENING = re.compile(r"\s++(?:that\s++)?(?:(?:the|a|an|some|several|many|most|all|certain)\s++)?", _I)


def _reported_subject(text: str, speaker: Hit, verbs: tuple[Hit, ...]) -> bool:
    """Whether an English generic speaker (a row of ``speech: needed``) is the subject of the clause another's speech
    verb reports, not one who speaks: the verb right before it (:data:`_REPORTED_OPENING` between; the verb opening no
    reporting clause after what was said, ", said the General Staff"; whom a verb addresses, "told Ukrainian commanders
    to hold X", is no speaker either), and no speech verb of its own right after it (:func:`_speaks_next`: "Reuters said Ukrainian officials
    confirmed …" has them speak). "The analytical portal alleges some Ukrainian commanders are submitting inaccurate
    reports regarding X": the commanders are what the portal tells of, and the noun "reports" after them no word of
    theirs."""
    if speaker.rule.lang != "en":
        return False
    for v in verbs:
        if v.end <= speaker.start and _REPORTED_OPENING.fullmatch(text, v.end, speaker.start) \
                and REPORTING.search(text, 0, v.start) is None:
            return not _speaks_next(text, speaker.start, speaker.end, verbs)
    return False



def _words_only(gap: str) -> bool:
    """A few words and nothing else between "according to" and a speaker ("according to the Ukrainian
    military"; not "according to Khortytsia, Ukrainian military …")."""
    words = gap.split()
    return gap[-1:].isspace() and len(words) <= _SOURCE_GAP_WORDS and all(w.replace("-", "").isalnum() for w in words)


def _speaks_next(text: str, start: int, end: int, speech: tuple[Hit, ...]) -> bool:
    """A seat of power as speaker: no preposition before it ("in Moscow"), and a speech verb after it with
    only fillers between (rows of class ``filler`` and ``auxiliary``, commas, adverbs: "Moscow, in turn, has said"), or a
    possessive of what speaks ("Kyiv's military")."""
    # "in Moscow": a preposition row of geo/rules/positions.jsonl; "Moscow's military": a possessed row
    if _position_before(text, "preposition", max(0, start - _PREPOSITION_REACH), start):
        return False
    if _possessed_after(text, end, speaking=True):
        return True
    nxt = min((h for h in speech if h.start >= end), key=lambda h: h.start, default=None)
    if nxt is None:
        return False
    gap = list(text[end:nxt.start])
    kinds = read_kinds(text)
    for h in (*kinds.get(("speech", "filler"), ()), *kinds.get(("speech", "auxiliary"), ())):
        if end <= h.start and h.end <= nxt.start:
            gap[h.start - end:h.end - end] = " " * (h.end - h.start)
    # what is left between: commas and adverbs ("Moscow, in turn, has repeatedly said")
    return all(word == "," or word.endswith("ly") for word in "".join(gap).replace(",", " , ").split())


# a preposition before a metonym ("in Moscow", "from the Kremlin"): a place, not a speaker
_PREPOSITION_REACH = 12  # characters before a seat of power in which a preposition makes it a place
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’»)]*\s+(?=[\"“‘«(\[]?[A-Z0-9])")
# a header line introducing a body's message ("Message from the General Staff:"): the header rows of
# geo/rules/bylines.jsonl before "from" or "by"
_HEADER_LINE = re.compile(r"^\s*(?:" + rows_pattern(r for r in lookup_rows("bylines") if r.cls == "header")
                          + r"\s+(?:from|by)\b|from\s+\S+\s+telegram)", _I)


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


def _is_caption(text: str) -> bool:
    """Whether ``text`` opens with a caption (a ``caption`` row: "Фото:", "Photo:", "Screenshot"): the
    credit it names ("Фото: фрагмент мапи / DeepState") is no speaker.

    Only the phrases that start among its opening characters are read (:func:`geo.rules.matcher.read_opening`):
    a caption opens the text, and a line of a run-on report may be thousands of characters long (each
    sentence's context lines are asked about)."""
    return any(h.table == "speech" and h.cls == "caption"
               for h in read_opening(text, len(text) - len(text.lstrip(_OPENING))))


_OPENING = " \t\n\"'«“„‘([*-–—•⚡️📷"  # what may stand before a caption's first word


def _is_header(line: str) -> bool:
    text = line.strip()
    if _is_caption(text):
        return False
    short = len(text.split(None, 8)) <= 8  # nine pieces: more than eight words (a long line is not split whole)
    intro = bool(_HEADER_LINE.match(text)) and text.endswith(":")
    return bool(text) and (short or intro) and bool(_find_attributions(text))


def _metonym_claimant(name: str) -> Claimant | None:
    """The claimant of a seat of power named as a speaker ("Moscow", "the Kremlin", "Kyiv"), or None."""
    hit = full_match(re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE), "speakers")
    if hit is None or hit.cls != "speaker" or not hit.get("claimant"):
        return None
    return Claimant(hit.get("claimant"))


def _claiming(attrs: list[_Attr]) -> list[_Attr]:
    """The attributions that claim: an outlet that relays a side's speaker in the same words is not one
    ("Pushilin said …, RIA reported", "Reuters, citing the Russian MoD, said …", "По словам Марочко, …,
    передает ТАСС"): with a speaker of another kind among them, the outlets (``media``) are left out."""
    side = [a for a in attrs if a.claimant is not Claimant.MEDIA]
    return side or attrs


# "the Russian MoD and other Russian sources claimed": the speaker before "and other" is the one of them named
_AND_OTHER = re.compile(r"\s*+(?:\([^()]{0,40}\)\s*+)?,?\s*+(?:as\s+well\s+as|and)\s+(?:some\s+|several\s+|many\s+)?other\s+$",
                        _I)


def _commenters(sentence: str, attrs: list[_Attr], end: int) -> set[_Attr]:
    """The speakers after ``end`` that comment on a claim told before them in an appositive that names it with a
    ``claim`` noun of ``geo/rules/modality.jsonl`` ("Russia said its troops had seized X, a claim Kyiv has
    denied", "…, a claim that Ukraine's military rejected"): they weigh the claim, they do not make it."""
    if not sentence or not any(a.start >= end for a in attrs):
        return set()
    nouns = [n for n in read_all_kinds(sentence).get(("modality", "claim"), ()) if n.start >= end]
    return {a for a in attrs for n in nouns if a.start >= n.end
            and _APPOSITIVE_CLAIM.search(sentence, end, n.start) and _CLAIM_TO_SPEAKER.fullmatch(sentence, n.end, a.start)}


# the opening of an appositive that names the claim before it ("…, a claim Kyiv denied"): a comma and an article
_APPOSITIVE_CLAIM = _c(r",\s*+(?:a|the|this|that)?\s*+\Z")
_CLAIM_TO_SPEAKER = _c(r"\s++(?:that\s++|which\s++)?(?:the\s++)?")  # between the claim noun and its commenter


def _pick_attribution(attrs: list[_Attr], start: int, end: int, lo: int, hi: int, sentence: str = "") -> _Attr | None:
    """The attribution of the mention's clause nearest to it, else the sentence's nearest (an outlet only
    when no side's speaker stands beside it: :func:`_claiming`). Of speakers coordinated by "and other"
    ("the Russian MoD and other Russian sources claimed …", read in ``sentence``) the named one claims. A
    speaker after the mention that only comments on the claim (:func:`_commenters`: "…, a claim Kyiv denied")
    is left out when another speaker remains."""
    commenters = _commenters(sentence, attrs, end)
    if commenters and len(commenters) < len(attrs):
        attrs = [a for a in attrs if a not in commenters]
    pool = [a for a in attrs if lo <= a.start and a.end <= hi and not (a.start < end and a.end > start)]
    if not pool:
        pool = [a for a in attrs if not (a.start < end and a.end > start)]
    if not pool:
        return None
    pool = _claiming(pool)
    best = min(pool, key=lambda a: (a.start - end) if a.start >= end else (start - a.end))
    while sentence:
        named = [a for a in pool if a.end <= best.start and _AND_OTHER.fullmatch(sentence, a.end, best.start)]
        if not named:
            break
        best = named[-1]
    return best



_RU_SIDE = frozenset({Claimant.RU_MOD, Claimant.RU_OFFICIAL, Claimant.RU_MILBLOGGER})
_UA_SIDE = frozenset({Claimant.UA_GENERALSTAFF, Claimant.UA_OFFICIAL, Claimant.DEEPSTATE})


def _actor(sentence: str, cue: _Cue | None, lo: int, hi: int, claimant: Claimant | None) -> str:
    """Who acted (RU, UA or ""): the actor phrase nearest before the cue in the clause, else any in it;
    "the enemy", "ворог", "противник" are the side the claimant is not on, "our troops", "наши" the side it is on."""
    actors = [h for h in read_kinds(sentence).get(("speakers", "actor"), ()) if lo <= h.start < hi]
    if not actors:
        return ""
    before = [h for h in actors if cue is not None and h.end <= cue.start]
    side = (before[-1] if before else actors[0]).get("side") or ""
    if side == "enemy":
        return "RU" if claimant in _UA_SIDE else "UA" if claimant in _RU_SIDE else ""
    if side == "own":
        return "UA" if claimant in _UA_SIDE else "RU" if claimant in _RU_SIDE else ""
    return side


def _denials(sentence: str) -> tuple[Hit, ...]:
    """The denials of ``sentence`` in order: the ``denied`` rows of ``geo/rules/modality.jsonl`` ("denied",
    "спростували") and the denial phrases of ``geo/rules/actions.jsonl`` (detail ``denied``: "dismissed statements",
    "rejected the claims")."""
    kinds = read_kinds(sentence)
    phrases = tuple(h for h in kinds.get(("actions", "action"), ()) if h.get("detail") == "denied")
    return tuple(sorted(kinds.get(("modality", "denied"), ()) + phrases, key=lambda h: h.start))


_CLAIM_OWNER_WORDS = 4  # words between a claim noun and its owner ("statements by the chief of Russia's general staff")
_CLAIM_POSSESSOR = _c(r"['’]s\s+")  # "Gerasimov's claim": the gap between a possessor and its claim noun


def _claim_owners(sentence: str, denial: Hit, stop: int) -> list[Hit]:
    """The owners of the claim a denial denies, between the denial and ``stop`` (the denied claim's cue), in order:
    a ``claimant`` row of ``geo/rules/speakers.jsonl`` ("Russian claims", "заяви росіян"), or a speaker row that owns
    a ``claim`` noun of ``geo/rules/modality.jsonl`` in the denial or after it: named after the noun, at most
    :data:`_CLAIM_OWNER_WORDS` words on ("dismissed statements by the chief of Russia's general staff that …",
    "спростували заяви Міноборони рф про …"), or before it as its possessor ("rejected Gerasimov's claim that …").
    A speaker of no claimant of its own (unnamed "security sources") owns nothing."""
    kinds = read_kinds(sentence)
    owners = [h for h in kinds.get(("speakers", "claimant"), ()) if denial.end <= h.start < stop]
    nouns = [n for n in read_all_kinds(sentence).get(("modality", "claim"), ())
             if denial.start < n.start and n.end <= stop]
    if nouns:
        for h in kinds.get(("speakers", "speaker"), ()):
            if not (denial.end <= h.start and h.end <= stop and h.get("claimant")):
                continue
            if any(_words_between(sentence, n.end, h.start, _CLAIM_OWNER_WORDS)
                   or _CLAIM_POSSESSOR.fullmatch(sentence, h.end, n.start) for n in nouns):
                owners.append(h)
    return sorted(owners, key=lambda h: h.start)


def _denier(sentence: str, attrs: list[_Attr], owner: Claimant | None) -> _Attr | None:
    """Who denies a claim: the attribution nearest before the denial word, other than the claim's owner."""
    marks = _denials(sentence)
    if not marks:
        return None
    before = [a for a in attrs if a.end <= marks[0].start and a.claimant is not owner]
    return before[-1] if before else None
