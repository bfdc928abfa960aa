"""The report's own voice: the claimant a source stands for (its host and head) and a narrative told in one
side's first person.
"""

from __future__ import annotations

import re
from functools import lru_cache, partial
from urllib.parse import urlparse
from geo.model import Action, Claimant, Report
from geo.rules.lookup import class_pattern
from geo.rules.matcher import read_all_kinds, read_kinds, rows
from geo.claims.action import _find_cues
from geo.claims.claimant import _find_attributions
from geo.dates import refers_back

__all__ = ['source_claimant', 'outlet_claimant', 'host_claimant', 'report_voice']

# --------------------------------------------------------------------------------------------
# Source claimant
# --------------------------------------------------------------------------------------------

# Who publishes a report, from its host and head: the rows of geo/rules/outlets.jsonl (one expression per class)
_OUTLET = partial(class_pattern, "outlets")


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
    # the page's own address and title say whose piece it is before its text does (a DeepState retelling that
    # goes on to quote ISW in its first lines)
    named = _head_claimant(host, " ".join(filter(None, (url, report.title))))
    if named not in (None, Claimant.MEDIA):
        return named
    head = " ".join(filter(None, (url, report.title, report.author, report.text[:400])))
    return _head_claimant(host, head)


def outlet_claimant(report: Report) -> Claimant | None:
    """Who speaks in the outlet's own words (its reminder, "Напомним", "Нагадаємо"): a known channel, else
    the site by its host alone (a news site is ``media`` even when its page retells DeepState or the MoD),
    else :func:`source_claimant`.

    Examples
    --------
    >>> r = Report(text="Армія РФ окупувала Лисівку, повідомили аналітики DeepState.",
    ...            url="https://novosti.example.ua/news/1-okupuvaly-deepstate")
    >>> source_claimant(r).value, outlet_claimant(r).value
    ('DeepState', 'media')
    """
    if report.claimant_hint is not None:
        return report.claimant_hint
    url = report.url or (report.source if "://" in report.source else "")
    host = urlparse(url).netloc.casefold() if url else ""
    return _head_claimant(host, host) if host else source_claimant(report)


def host_claimant(report: Report) -> Claimant | None:
    """Whose page the report is by its address alone (ISW's own assessment, a DeepState post, a news site), or
    None without an address: a text that names ISW in its first lines may be ISW's or a page retelling it.

    Examples
    --------
    >>> host_claimant(Report(text="", url="https://understandingwar.org/research/russia-ukraine/x")).value
    'ISW'
    >>> host_claimant(Report(text="The Institute for the Study of War said …")) is None
    True
    """
    url = report.url or (report.source if "://" in report.source else "")
    host = urlparse(url).netloc.casefold() if url else ""
    return _head_claimant(host, host) if host else None


def _head_claimant(host: str, head: str) -> Claimant | None:
    """:func:`source_claimant` from a report's host and head."""
    low = head.casefold()
    if _OUTLET("isw").search(low):
        return Claimant.ISW
    if _OUTLET("deepstate").search(low):
        return Claimant.DEEPSTATE
    if _OUTLET("milblogger").search(low):
        return Claimant.RU_MILBLOGGER
    if _OUTLET("agency").search(host or low):
        return Claimant.RU_MOD if _OUTLET("mod-hint").search(head) else Claimant.MEDIA
    if _OUTLET("ukraine").search(low) and _OUTLET("genstaff").search(low):
        return Claimant.UA_GENERALSTAFF
    if host and not _OUTLET("blog-host").search(host):
        return Claimant.MEDIA
    return None


# The text's own voice: a frontline summary that narrates one side's gains and the other side's
# losses sentence after sentence, in its own words and with next to no attribution, is that side's
# channel speaking (news copy attributes: "the ministry said", "according to DeepState"). Who acts is
# the ``actor`` rows of geo/rules/speakers.jsonl; Ukraine's setbacks ("lost", "suffered", "attempts by
# the enemy") are the rows of geo/rules/voice.jsonl, all read by the sentence's one matcher pass.
_FIRST_PERSON = re.compile(r"(?:^|[\s(“\"])(?:I|I['’](?:m|ve|d|ll)|[Mm]y|me)\b")
_GAINS = frozenset({Action.CAPTURED, Action.ENTERED, Action.ADVANCING, Action.FIGHTING, Action.STRUCK})
# what may stand between Ukraine and its setback: the auxiliary rows of geo/rules/speech.jsonl ("has", "had")
_AUXILIARIES = frozenset(r.key for r in rows("speech") if r.cls == "auxiliary")
_VOICE_MIN = 3  # own-voice sentences needed (a short milblog piece has three)
_VOICE_RATIO = 3  # ... and at least this many per attributed sentence
_VOICE_SPAN = 6000  # characters read from the start of the text


@lru_cache(maxsize=32)
def report_voice(text: str) -> Claimant | None:
    """The side a text speaks for in its own voice, when it is a one-sided channel summary.

    A sentence is in the text's own voice when it names no claimant, is not hedged, and either
    has Russian forces (or "our troops") gain, storm, advance or strike, or has Ukraine lose,
    attempt and fail, or prepare to withdraw. A text with at least three such sentences, three
    times as many as it has attributed sentences (a speaker named, or one named before going on:
    "According to him, …", "the governor added": :func:`geo.dates.refers_back`) and sentences where the Russian side tries and
    fails in the text's own words (:func:`_russian_setback`: a channel of that side does not tell of
    its own side's failures) and sentences in which Russian forces gain under a weighing hedge (a
    ``hedge`` row of geo/rules/modality.jsonl of ``hedge: weighing``: "Karlivka has likely fallen",
    "they seem to have captured", a commentator weighing the gains he tells of, where a side's channel
    asserts them; a reportive hedge, "have reportedly severed", "allegedly", is news copy passing a
    channel's claims on and counts neither way), no first-person singular ("I", "my": a
    commentator's own piece, whose claims are the ``author``'s) and no name the other side gives the
    Russian forces (a ``foe-name`` row of geo/rules/voice.jsonl: "invading Russian forces", "the
    Russian invaders", "окупанти": a Russian channel never calls its own side so) speaks for the Russian side: an
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
    >>> report_voice(t + " Russian forces have likely taken Kurakhove. Russian troops seem to have entered Selydove.") is None
    True
    >>> report_voice(t + " The Russian invaders keep losing men.") is None
    True
    """
    from geo.text import sentences

    text = text[:_VOICE_SPAN]
    if len(_FIRST_PERSON.findall(text)) >= 2:
        return None
    own = other = 0
    for s, e in sentences(text):
        sentence = text[s:e]
        if any(h.get("side") == "RU" for h in read_all_kinds(sentence).get(("voice", "foe-name"), ())):
            return None  # the other side's words for the Russian forces: not a Russian channel speaking
        hedges = read_kinds(sentence).get(("modality", "hedge"), ())
        if _find_attributions(sentence) or refers_back(sentence):
            other += 1  # news copy: it names its speaker, or goes on in the words of one named before
        elif not hedges:
            if _russian_setback(sentence):
                other += 1
            elif _own_voice(sentence):
                own += 1
        elif any(h.get("hedge") == "weighing" for h in hedges) and _russian_gain(sentence):
            other += 1  # a commentator weighs the gains ("the town likely having fallen"); a side's channel asserts them
    if own >= _VOICE_MIN and own >= _VOICE_RATIO * other:
        return Claimant.RU_MILBLOGGER
    return None


def _own_voice(sentence: str) -> bool:
    """Russian forces gain or Ukraine suffers a setback in ``sentence`` (see :func:`report_voice`)."""
    kinds, voice = read_kinds(sentence), read_all_kinds(sentence)
    if any(h.get("side") is None for h in voice.get(("voice", "setback-phrase"), ())):
        return True
    if _russian_gain(sentence):
        return True
    setbacks = voice.get(("voice", "setback"), ()) + kinds.get(("modality", "attempted"), ())
    return any(actor.get("side") in ("UA", "enemy") and _suffers(sentence, actor, setbacks)
               for actor in kinds.get(("speakers", "actor"), ()))


def _russian_gain(sentence: str) -> bool:
    """Russian forces (or "our troops") gain, storm, advance or strike in ``sentence``: an actor row of side ``RU`` or
    ``own`` with a gain cue at or after it."""
    actors = [a for a in read_kinds(sentence).get(("speakers", "actor"), ()) if a.get("side") in ("RU", "own")]
    if not actors:
        return False
    first = min(a.start for a in actors)
    return any(c.action in _GAINS and c.start >= first for c in _find_cues(sentence))


def _russian_setback(sentence: str) -> bool:
    """The Russian side tries and fails, or suffers, in ``sentence`` ("Russia tried again to breach …", "Russian
    forces failed to …", "Ukrainian forces reported Russian attempts to advance"): the narrative of a text that
    is not a Russian channel's own voice, which tells of Ukraine's setbacks and never of its own side's."""
    kinds, voice = read_kinds(sentence), read_all_kinds(sentence)
    if any(h.get("side") == "RU" for h in voice.get(("voice", "setback-phrase"), ())):
        return True
    setbacks = (voice.get(("voice", "setback"), ()) + kinds.get(("modality", "attempted"), ())
                + kinds.get(("modality", "failure"), ()))
    return any(actor.get("side") == "RU" and _suffers(sentence, actor, setbacks)
               for actor in kinds.get(("speakers", "actor"), ()))


def _suffers(sentence: str, actor, setbacks) -> bool:
    """A setback right after the actor, or after an auxiliary ("Ukraine has lost", "Russia tried")."""
    return any(h.start >= actor.end and set(sentence[actor.end:h.start].lower().split()) <= _AUXILIARIES
               for h in setbacks)
