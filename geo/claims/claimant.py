"""Who claims it: attributions in a sentence (named speakers, institutions, speech verbs, seats of power as
speakers), the context's last attribution, post headers, the owner of a denied claim and who acted (actor).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple
from geo.rules.matcher import read_kinds
from geo.model import Claimant
from geo.claims.matching import _Both, _GatedTable, _I, _add_twins, _c, _finditer, _found, _gate_bits, _gated
from geo.claims.clauses import _clause_bounds
from geo.claims.action import _Cue

__all__ = []

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

# each run of whitespace is read one way only (possessive: what follows a run is a comma or a word)
_FILLER = (r"(?:\s*+,?\s*+(?:(?:\w+ly|too|also|however|conversely|meanwhile|in\s+turn|for\s+(?:its|their)\s+part|"
           r"on\s+\w+day|yesterday|today|earlier|later|now|again|then|in\s+a\s+statement|on\s+\w+\s+\d+)\s*+,?\s*+){0,3})")
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


class _Attr(NamedTuple):
    claimant: Claimant
    start: int
    end: int
    text: str


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
    # the speakers table's speakers ("сообщил в своем Telegram-канале"); its claimant rows name the owner
    # of a claim another denies (see _analyse), not who speaks
    for h in read_kinds(text).get(("speakers", "speaker"), ()):
        if not any(h.start < a.end and h.end > a.start for a in found):
            found.append(_Attr(Claimant(h.get("claimant")), h.start, h.end, h.text))
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


def _pick_attribution(attrs: list[_Attr], start: int, end: int, lo: int, hi: int) -> _Attr | None:
    """The attribution of the mention's clause nearest to it, else the sentence's nearest."""
    pool = [a for a in attrs if lo <= a.start and a.end <= hi and not (a.start < end and a.end > start)]
    if not pool:
        pool = [a for a in attrs if not (a.start < end and a.end > start)]
    if not pool:
        return None
    return min(pool, key=lambda a: (a.start - end) if a.start >= end else (start - a.end))


_RU_SIDE = frozenset({Claimant.RU_MOD, Claimant.RU_OFFICIAL, Claimant.RU_MILBLOGGER})
_UA_SIDE = frozenset({Claimant.UA_GENERALSTAFF, Claimant.UA_OFFICIAL, Claimant.DEEPSTATE})


def _actor(sentence: str, cue: _Cue | None, lo: int, hi: int, claimant: Claimant | None) -> str:
    """Who acted (RU, UA or ""): the actor phrase nearest before the cue in the clause, else any in it;
    "the enemy", "ворог", "противник" are the side the claimant is not on."""
    actors = [h for h in read_kinds(sentence).get(("speakers", "actor"), ()) if lo <= h.start < hi]
    if not actors:
        return ""
    before = [h for h in actors if cue is not None and h.end <= cue.start]
    side = (before[-1] if before else actors[0]).get("side") or ""
    if side == "enemy":
        return "RU" if claimant in _UA_SIDE else "UA" if claimant in _RU_SIDE else ""
    return side


def _denier(sentence: str, attrs: list[_Attr], owner: Claimant | None) -> _Attr | None:
    """Who denies a claim: the attribution nearest before the denial word, other than the claim's owner."""
    marks = read_kinds(sentence).get(("modality", "denied"), ())
    if not marks:
        return None
    before = [a for a in attrs if a.end <= marks[0].start and a.claimant is not owner]
    return before[-1] if before else None
