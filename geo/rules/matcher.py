"""One matcher over every rule table: a sentence is read once, and typed hits come out.

The tables (``actions``, ``modality``, ``speakers``, ``speech``, ``voice``, ``venues``, ``directions``, ``discourse``,
``intentions``, ``not_places``) are compiled into one regular expression: each row's phrase as whole words
(``match: word``), with its last word as a stem (``match: prefix``) or as a Russian or Ukrainian word in any
of its cases (``match: lemma``, the expression finds the forms' stem, pymorphy3 decides), the words joined by any run of
whitespace, apostrophes in any of their spellings, case-insensitive as one attribute. The phrases form a trie
(shared beginnings written once). A stem's rest is possessive and no quantifier is nested: it cannot backtrack
catastrophically, whatever the text.

:func:`matches` gives every hit, as spaCy's ``Matcher`` does: at each word start where the expression finds a
phrase, every row whose phrase ends at that start's word ends up to the longest ("took part" and "took"), so
phrases overlap and a phrase inside another is found. Which row a phrase comes from is looked up by its words (no
group per row). Readers pick what they need: :func:`read` (and :func:`read_kinds`) the longest phrase at a place
whatever its table (:func:`filter_spans`: a name's words are no verb), :func:`read_all_kinds` each kind's own
longest phrases, wherever they stand (a speech word inside a hedge), :func:`read_opening` :func:`read`'s phrases at a
text's opening alone (the expression tried there only: a caption that opens a long line). A phrase thus lives in the
one table it belongs to.

>>> hits = read("Российские войска освободили Тихое.")
>>> [(h.table, h.cls, h.text, h.get("action")) for h in hits]
[('speakers', 'actor', 'Российские войска', None), ('actions', 'action', 'освободили', 'captured')]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from gazetteer.names import fold
from geo.model import Action, Claimant
from geo.rules import APOSTROPHES as _AP, GAP, GAP_PATTERN, QUOTE_CLASS, Rule, load_table, normalise_phrase, phrase_expression
from geo.rules.lemmas import LEMMA_LANGS, is_form, stem as lemma_stem

__all__ = ["Hit", "MODALITIES", "SEPARATE_TABLES", "TABLES", "filter_spans", "full_match", "is_not_place", "matches", "read", "read_all_kinds", "read_kinds", "read_opening", "rows"]

MODALITIES = ("done", "attempted", "near", "denied", "expected")
_ACTIONS = frozenset(a.value for a in Action)
_CLAIMANTS = frozenset(c.value for c in Claimant)
#: when a speaker's daily summary comes out, or which day it is dated (geo.dates.SUMMARY_OFFSETS: its "past day")
_SUMMARIES = frozenset({"morning", "bulletin"})

#: table name → (classes, fields): what each table's rows may say
TABLES: dict[str, tuple[frozenset[str], dict[str, frozenset[str] | None]]] = {
    # sector "fighting": a strike word that, bare on a direction (no weapon named), is fighting there (geo.claims.analyse)
    "actions": (frozenset({"action", "not-action", "means", "part", "toward"}),
                {"action": _ACTIONS, "detail": None, "modality": frozenset(MODALITIES),
                 "scope": frozenset({"list"}), "sector": frozenset({"fighting"}),
                 # attempt "same": a try at it is the thing itself ("пытаются деблокировать X": fighting at X)
                 "attempt": frozenset({"same"}),
                 # outcome "attempt": a passive outcome with no subject of its own ("… but were forced to retreat",
                 # "… and were pushed back near X"): after an attempt in its sentence it says the attempt failed and
                 # governs that attempt's places (geo.claims.action); without one it is no cue, the phrase inside it is;
                 # outcome "attack": the same after an attack or a try only ("… but suffered heavy losses": an advance
                 # that cost losses still advanced)
                 "outcome": frozenset({"attempt", "attack"}),
                 # intended "yes": a manoeuvre a side plans or is tasked with ("планують просунутися до X", "aim to
                 # encircle X") is no mere hypothesis under an intention row of ``plan: yes`` of
                 # geo/rules/intentions.jsonl: an advance at X with the modality "expected" (geo.claims.action), never
                 # a capture
                 "intended": frozenset({"yes"}),
                 # reach_km: how far beyond the front line a weapon of a means row reaches, in km (an FPV drone some
                 # 25, tube artillery and rocket launchers some 40, a glide bomb some 70): a place struck by it lies
                 # within that distance of the line (geo.reach); a means without it (a missile, a Shahed) reaches
                 # anywhere
                 "reach_km": None}),
    # hedge "weighing": the writer weighs what he tells ("likely", "seems to", "could possibly": a commentator's
    # own judgement, never a side's channel asserting its gains, geo.claims.voice); hedge "reportive": the writer
    # passes on what others say ("reportedly", "allegedly", "claimed", "not confirmed": news copy retelling a
    # channel); every hedge row says which (tests/test_rules_tables.py)
    # expected: a forecast's mark ("soon", "в ближайшее время"): a capture it foretells is not done (fighting);
    # approach "yes": a near row that says a movement toward the place ("closer to"): between any fight and the place
    # after it, an advance there (geo.claims.analyse)
    # claim: a noun for what a speaker claimed, whose owner a denial before it names ("dismissed statements by X
    # that …", "X's claim that …", "спростували заяви X про …": geo.claims.analyse)
    "modality": (frozenset({"attempted", "near", "denied", "hedge", "failure", "negation",
                                    "evidence-none", "evidence-not", "evidence-seen", "evidence", "expected", "claim"}),
                 {"hedge": frozenset({"weighing", "reportive"}), "approach": frozenset({"yes"})}),
    "speakers": (frozenset({"claimant", "speaker", "actor", "not-speaker", "office"}),
                 {"claimant": _CLAIMANTS, "side": frozenset({"RU", "UA", "enemy", "own"}),
                  "speech": frozenset({"needed", "follows"}),
                  # an office row of seat "country": the seat's own office, an official of the country the seat lies in
                  "seat": frozenset({"country"}),
                  # medium "channel": a channel that speaks for itself, unless it follows a speaker ("сообщил
                  # Пушилин в Telegram-канале": his own, geo.claims.claimant)
                  "medium": frozenset({"channel"}),
                  # summary "morning": a speaker whose daily summary comes out in the morning about the day before (a
                  # regional administration and its head): a "past day" it reports takes the phrase's morning_offset;
                  # summary "bulletin": a speaker whose daily summary is dated the day it comes out (the General Staff):
                  # its bulletin_offset
                  "summary": _SUMMARIES,
                  # speaks "alone": a group of forces, the MoD bulletin's subject, claims only where no one else is
                  # reported saying it ("…, заявил Пушилин", "», — сказал он": who acted there, geo.claims.claimant)
                  # speaks "relayed": unnamed sources ("security sources") who speak for the side of the agency that
                  # quotes them in their sentence, a speaker row of ``relays`` (TASS: "RU"): that side's officials;
                  # quoted by no such agency, no speaker (geo.claims.claimant)
                  # speaks "again": a report noun ("statement", "bulletin", "the channel") that, named again by its kind
                  # with a determiner ("…," the statement said), is the statement of the speaker named before it; only
                  # with none named before, the row's claimant (geo.claims.claimant.named_again)
                  "speaks": frozenset({"alone", "relayed", "again"}), "relays": frozenset({"RU", "UA"})}),
    # scope "report": a speech word that also makes its speaker the report's (geo.discourse: "said", "сообщил");
    # without it, a word that names its own sentence's speaker only ("map", "shows", "states");
    # seat "speaks": a speech verb that makes a place named right before it the speaker ("Moscow said",
    # geo.claims.role; every stance row does too)
    # filler: a word that may stand between a seat of power and its speech verb ("Moscow, however, said"), auxiliary
    # one right before the verb ("Moscow has said"); background: a span a campaign went on over ("for months"), a news
    # page's own summing up where no one is said to say it (geo.claims.analyse)
    "speech": (frozenset({"speech", "stance", "attribution", "filler", "auxiliary", "caption", "background"}),
               {"scope": frozenset({"report"}), "seat": frozenset({"speaks"})}),
    # setback(-phrase), side "RU": a phrase that names the Russian side's setback ("Russian attempts to advance");
    # without it, Ukraine's. foe-name: the other side's name for a side's forces ("Russian invaders", "окупанти"): a
    # text that calls the Russian forces so is no Russian channel's own voice (geo.claims.voice)
    "voice": (frozenset({"setback", "setback-phrase", "foe-name"}), {"side": frozenset({"RU"})}),
    "venues": (frozenset({"venue"}), {"where": frozenset({"before", "after", "both"})}),
    "directions": (frozenset({"direction"}), {}),
    # consequence: what an action that opens its clause as its subject would bring about ("Seizing X would allow …"):
    # the action is a premise, not an event (geo.claims.action._premise); after "capture": a future or conditional
    # verb whose subject is a capture noun anywhere before it in its clause ("взятие X позволит …", "освобождение
    # которого обеспечит …"): what taking X would bring, a purpose, not a capture
    # plan "yes": an intention that is a side's plan, aim or task ("plan", "aim", "планують", "завдання"), not a
    # modal's or a wish's ("would", "could", "хочуть"): a manoeuvre it governs (an action row of ``intended: yes``) is
    # planned, an advance with the modality expected (geo.claims.action.intended)
    "intentions": (frozenset({"intention", "goal", "goal-verb", "history", "consequence"}),
                   {"after": frozenset({"capture"}), "plan": frozenset({"yes"})}),
    "not_places": (frozenset({"group-of-forces", "weapon", "nickname"}), {}),
    # words whose place next to a name says what the name is ("near X", "in the Y region", "Moscow's ministry"),
    # read by geo.claims with the positions as code; a possessed row of ``speaks: no`` only acts ("Moscow's troops
    # are attempting to break through": no speaker)
    "positions": (frozenset({"near", "container", "preposition", "actor-before", "possessed", "locator",
                             "approximately", "route", "stationed", "massed", "launched", "defence-line"}),
                  # after "name": the row counts only after a name ("звільнивши A до B": B how far it reached)
                  {"speaks": frozenset({"no"}), "after": frozenset({"name"})}),
    # report-level markers, read by geo.discourse (find_markers): who speaks, lists, datelines
    # (its speech words are speech.jsonl's rows of scope "report": one phrase, one table); a closing mark opens the
    # clause at a sentence's end that names who spoke the block it closes ("…, — Генштаб.", "… (Генштаб)."); an
    # outcome tells how the attacks of the sentence before ended ("Усі атаки відбито.")
    # a list row of noun "clash" is an event noun that places a clash told in the sentence before ("Столкновение
    # произошло близ A" after a repel): it takes only a clash's action (repelled, attacked, fighting)
    "discourse": (frozenset({"speaker", "dateline", "backref", "reset", "list", "anaphor", "continuation",
                             "closing", "outcome"}),
                  {"claimant": _CLAIMANTS, "at": frozenset({"start"}), "summary": _SUMMARIES,
                   "noun": frozenset({"clash"})}),
}
#: tables read on their own, not as a sentence's phrases: a report's discourse markers (:mod:`geo.discourse`),
#: the position words ("in", "near") and the words of a text's own voice (:mod:`geo.claims.voice`: "Russian
#: attempts" never hides the cue "attempts to advance"): their hits never hide a phrase of the other tables from :func:`read` (nor
#: appear there); their readers take them from :func:`matches` or :func:`read_all_kinds`
SEPARATE_TABLES = frozenset({"discourse", "positions", "voice"})


@dataclass(frozen=True)
class Hit:
    """A phrase of a rule table found in a text: its table, class, span, the words and the row."""

    table: str
    cls: str
    start: int
    end: int
    text: str
    rule: Rule

    def get(self, name: str, default: str | None = None) -> str | None:
        """A further field of the row (``action``, ``claimant``…)."""
        return self.rule.get(name, default)


def rows(table: str) -> tuple[Rule, ...]:
    """The checked rows of one table (see :data:`TABLES`)."""
    classes, fields = TABLES[table]
    return load_table(table, classes=classes, fields=fields)




_END_WORD, _END_STEM = "\x00w", "\x00p"  # trie leaves: the phrase ends at a word's end / inside a word
_STEM, _GAP = "\x00s", "\x00g"  # inside a phrase: the rest of a stem's word; up to GAP_WORDS words of any kind
_SPECIAL = {_STEM: r"\w*+", _GAP: GAP_PATTERN}


def _trie_pattern(node: dict) -> str:
    """The expression of a trie of normalised phrases: shared beginnings written once, so each
    position of a text tries the letters that may follow, not every row. The ends come last: the
    longest phrase wins, and a shorter one is tried only when the longer fails."""
    branches = []
    # the letters first, then a stem's rest and a gap (a word spelled out wins), then the ends
    for key in sorted((k for k in node if k not in (_END_WORD, _END_STEM)), key=lambda k: (k in _SPECIAL, k)):
        if key in _SPECIAL:
            head = _SPECIAL[key]
        elif key == " ":
            head = r"\s+"
        elif key in _AP:
            head = f"[{_AP}]"
        elif key == '"':
            head = QUOTE_CLASS
        else:
            head = re.escape(key)
        branches.append(head + _trie_pattern(node[key]))
    if _END_STEM in node:
        branches.append(r"\w*+")  # a stem: the rest of its word (possessive: never given back)
    if _END_WORD in node:
        branches.append(r"(?!\w)")
    if len(branches) == 1:
        return branches[0]  # a sequence: no group needed
    return "(?:" + "|".join(branches) + ")"


def _tokens(rule: Rule) -> list[str]:
    """The trie path of a row: its letters, one space between words, a stem's rest, a gap (which takes
    the whitespace after it), and the leaf. A lemma row's path is its forms' stem (:func:`lemma_stem`)."""
    if rule.match == "lemma":
        return [*lemma_stem(rule.key, LEMMA_LANGS[rule.lang]), _END_STEM]
    words = rule.key.split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        if word == GAP:
            out.append(_GAP)
            continue
        out.extend("'" if ch in _AP else ch for ch in word.rstrip("*"))
        if i < len(words) - 1:
            out.extend((_STEM, " ") if word.endswith("*") else (" ",))
    out.append(_END_STEM if rule.match == "prefix" or words[-1].endswith("*") else _END_WORD)
    return out


def _add(trie: dict, rule: Rule) -> None:
    node = trie
    for token in _tokens(rule):
        node = node.setdefault(token, {})


class _Compiled:
    """The tables as one expression and the look-up from matched words to rows."""

    def __init__(self) -> None:
        self.exact: dict[str, list[Rule]] = {}
        self.stems: dict[str, list[Rule]] = {}  # the phrase without its last word's end → prefix rows
        self.lemmas: dict[str, list[Rule]] = {}  # what a lemma's forms begin with → lemma rows
        # rows with a stem inside or a gap, by the first two letters of their first word: their expressions are
        # the ones their table's load compiled to check the rows' examples (phrase_expression: once per phrase)
        self.patterned: dict[str, list[tuple[str, bool, Rule]]] = {}  # (phrase, stem at its end, row)
        every: list[Rule] = [r for name in TABLES for r in rows(name)]
        for r in every:
            if r.match == "lemma":
                self.lemmas.setdefault(lemma_stem(r.key, LEMMA_LANGS[r.lang]), []).append(r)
            elif r.patterned:
                self.patterned.setdefault(r.key[:2], []).append((r.key, r.match == "prefix", r))
            else:
                (self.stems if r.match == "prefix" else self.exact).setdefault(r.key, []).append(r)
        self.shortest_stem = min(map(len, self.stems), default=1)
        self.longest_stem = max(map(len, self.stems), default=0)
        self.lemma_lengths = sorted({len(k) for k in self.lemmas}, reverse=True)
        self._memo: dict[str, tuple[Rule, ...]] = {}  # the same words recur from sentence to sentence
        self._spans: dict[str, tuple[tuple[int, tuple[Rule, ...]], ...]] = {}  # likewise what the expression finds
        trie: dict = {}
        for r in every:
            _add(trie, r)
        # one word-start test per position, then the trie
        self.pattern = re.compile(r"(?<!\w)" + _trie_pattern(trie), re.IGNORECASE)

    def rules_for(self, matched: str) -> tuple[Rule, ...]:
        """The rows whose phrase is ``matched`` as a whole. Within one table a row of the exact words wins over
        a lemma row the word is a form of, that over a row with a stem or gap inside, and that over a stem
        row (the longest stem)."""
        found = self._memo.get(matched)
        if found is None:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            found = self._memo[matched] = tuple(self._rules_for(matched))
        return found

    def phrases(self, span: str) -> tuple[tuple[int, tuple[Rule, ...]], ...]:
        """The phrases of rows that a span the expression found holds from its start: each one's length
        (:func:`_ends`: the whole span, then each shorter end, longest first) with its rows, remembered for
        each span (the same phrases recur from sentence to sentence)."""
        found = self._spans.get(span)
        if found is None:
            if len(self._spans) >= _MEMO_SIZE:
                self._spans.clear()
            found = self._spans[span] = tuple((e, rules) for e in _ends(span, 0, len(span))
                                              if (rules := self.rules_for(span[:e])))
        return found

    def _rules_for(self, matched: str) -> list[Rule]:
        key = _key(matched)
        exact = self.exact.get(key, ())
        lemmas = self._lemma_rows(key)
        patterns = self.patterned.get(key[:2])
        patterned = [r for phrase, prefix, r in patterns if phrase_expression(phrase, prefix).fullmatch(matched)] if patterns else []
        stems: list[list[Rule]] = []
        # a stem ends inside the last word: the longest first, down to the word's first letter
        last = max(key.rfind(" "), key.rfind("-"), key.rfind("'"), key.rfind('"')) + 1
        for n in range(min(len(key), self.longest_stem), max(last, self.shortest_stem) - 1, -1):
            found = self.stems.get(key[:n])
            if found and (n == len(key) or key[n:].isalnum()):
                stems.append(found)
        if not lemmas and not patterned and not stems:
            return list(exact)
        out: list[Rule] = []
        done: set[str] = set()  # the tables served by a better group
        for group in (exact, lemmas, patterned, *stems):
            out.extend(r for r in group if r.table not in done)
            done.update(r.table for r in group)
        return out

    def _lemma_rows(self, key: str) -> list[Rule]:
        """The lemma rows a one-word ``key`` is a form of (each word lemmatised once: :mod:`geo.rules.lemmas`)."""
        if not self.lemmas or not key.isalpha():
            return []
        out: list[Rule] = []
        for n in self.lemma_lengths:
            for r in self.lemmas.get(key[:n], ()) if n <= len(key) else ():
                if is_form(key, r.key, LEMMA_LANGS[r.lang]):
                    out.append(r)
        return out


_key = lru_cache(maxsize=1 << 16)(normalise_phrase)  # the same words recur from sentence to sentence
_MEMO_SIZE = 1 << 16  # phrases whose rows are remembered


@lru_cache(maxsize=1)
def _compiled() -> _Compiled:
    return _Compiled()


#: inside a phrase, where a shorter phrase may end: before whitespace, or between a word and a sign ("attack-")
_INNER_END = re.compile(r"(?<=\S)(?=\s)|(?<=\w)(?=[^\w\s])")


def _ends(text: str, start: int, end: int) -> list[int]:
    """Where a phrase starting at ``start`` may end, up to ``end`` (the longest phrase's end), longest first."""
    inner = [m.start() for m in _INNER_END.finditer(text, start + 1, end)]
    if not inner:
        return [end]
    inner.reverse()
    return [end, *inner]


@lru_cache(maxsize=256)
def matches(text: str) -> tuple[Hit, ...]:
    """Every table phrase in ``text``, overlapping ones included, as spaCy's ``Matcher`` gives them: each
    phrase at each word start, the longer and the shorter ("took part" and "took"), a phrase inside another
    ("not" in "could not verify"), each hit with its table and class. Ordered by start, then longest first.

    A phrase that belongs to several tables gives one hit per (table, class). A row whose ``unless_next``
    word follows is no hit ("attack helicopters").

    >>> [(h.table, h.cls, h.text) for h in matches("Russian forces could have taken Lyman.")][:6]  # doctest: +NORMALIZE_WHITESPACE
    [('speakers', 'actor', 'Russian forces'), ('speakers', 'speaker', 'Russian forces'), ('positions', 'possessed', 'forces'),
     ('modality', 'hedge', 'could have'), ('intentions', 'intention', 'could'), ('speech', 'auxiliary', 'have')]
    """
    comp = _compiled()
    hits: list[Hit] = []
    pos, n = 0, len(text)
    while pos < n:
        m = comp.pattern.search(text, pos)
        if m is None:
            break
        _add_hits(comp, text, m, hits)
        pos = m.start() + 1
    return tuple(hits)


def _add_hits(comp: _Compiled, text: str, m: re.Match[str], hits: list[Hit]) -> None:
    """The hits of the phrases that start where the expression found ``m`` (see :func:`matches`)."""
    s = m.start()
    for length, rules in comp.phrases(m.group()):
        e = s + length
        kinds: set[tuple[str, str]] = set()
        after: str | None = None
        for r in rules:
            if r.unless_next:
                after = _next_word(text, e) if after is None else after
                if after in r.unless_next or (not after and "." in r.unless_next):
                    continue  # "attack helicopters": a kind of weapon, not an attack; "." stands for no word next
                    # (punctuation or the text's end: "ворог поніс значні втрати, але …": losses, not a place's)
            if (r.table, r.cls) not in kinds:  # one hit per kind: a phrase shared by languages counts once
                kinds.add((r.table, r.cls))
                hits.append(Hit(r.table, r.cls, s, e, text[s:e], r))


@lru_cache(maxsize=256)  # a line is asked about for each mention of its sentences
def read_opening(text: str, last: int) -> tuple[Hit, ...]:
    """:func:`read`'s hits that start at or before offset ``last`` (a text's opening: "Фото:", "Photo:"), the
    expression tried at those offsets alone, not along the whole text: :func:`matches` finds the same phrases
    there, and :func:`filter_spans` keeps or drops a hit by the hits that start before it or with it only.

    >>> [h.text for h in read_opening("«Photo: a fragment of the map", 1)]
    ['Photo:']
    """
    comp = _compiled()
    hits: list[Hit] = []
    for pos in range(min(last, len(text) - 1) + 1):
        m = comp.pattern.match(text, pos)
        if m is not None:
            _add_hits(comp, text, m, hits)
    return tuple(filter_spans(h for h in hits if h.table not in SEPARATE_TABLES))


def filter_spans(hits: Iterable[Hit]) -> list[Hit]:
    """The hits of the longest phrases, none overlapping, scanning left to right: the leftmost phrase wins,
    and at one start the longest (as a regular expression's scan reads). Hits of the same span (a phrase that
    is a row of two classes) are all kept.

    Like spaCy's ``spacy.util.filter_spans``, except that spaCy lets a longer phrase that starts later win
    over an earlier one it overlaps; here the earlier wins, as a reader reading on.

    >>> [h.text for h in filter_spans(matches("Russian forces could have taken Lyman."))]  # an actor and a speaker row
    ['Russian forces', 'Russian forces', 'could have', 'taken']
    """
    out: list[Hit] = []
    taken = (-1, -1)  # the span last kept
    for h in sorted(hits, key=lambda h: (h.start, -h.end)):
        if (h.start, h.end) == taken:
            out.append(h)
        elif h.start >= taken[1]:
            out.append(h)
            taken = (h.start, h.end)
    return out


@lru_cache(maxsize=256)
def read(text: str) -> tuple[Hit, ...]:
    """The phrases a reader reads in ``text``: :func:`filter_spans` of every hit, whatever its table (the longest
    phrase at a place, none overlapping: "expelled the enemy from" is an action, its "the enemy" no actor; a
    "Десантно-штурмових військ" a speaker, its "штурм" no action). A phrase that belongs to several tables (a
    not-place that is also a speaker) gives one hit per (table, class).

    For the phrases of one kind wherever they stand, inside other tables' longer phrases too, see
    :func:`read_all_kinds`; for every hit, :func:`matches`.
    """
    return tuple(filter_spans(h for h in matches(text) if h.table not in SEPARATE_TABLES))


@lru_cache(maxsize=256)
def read_kinds(text: str) -> dict[tuple[str, str], tuple[Hit, ...]]:
    """:func:`read`'s hits grouped by (table, class), for readers that want one kind.

    >>> [h.text for h in read_kinds("Russian forces captured Tykhe.")[("speakers", "actor")]]
    ['Russian forces']
    """
    return _by_kind(read(text))


@lru_cache(maxsize=256)
def read_all_kinds(text: str) -> dict[tuple[str, str], tuple[Hit, ...]]:
    """Each kind's own reading of ``text``: for each (table, class), :func:`filter_spans` of its hits alone,
    so that a phrase inside another table's longer phrase is read too ("said" in the hedge "is said to",
    "could" in the hedge "could have", "not" in "could not verify"). For readers of a kind that a longer phrase
    of another kind must not hide.

    >>> kinds = read_all_kinds("The capture has not been confirmed.")
    >>> [h.text for h in kinds[("modality", "hedge")]], [h.text for h in kinds[("speech", "speech")]]
    (['not been confirmed'], ['confirmed'])
    """
    return {k: tuple(filter_spans(v)) for k, v in _by_kind(matches(text)).items()}


def _by_kind(hits: Iterable[Hit]) -> dict[tuple[str, str], tuple[Hit, ...]]:
    out: dict[tuple[str, str], list[Hit]] = {}
    for h in hits:
        out.setdefault((h.table, h.cls), []).append(h)
    return {k: tuple(v) for k, v in out.items()}


def _next_word(text: str, end: int) -> str:
    """The word after the whitespace at offset ``end`` (normalised), or '' (a scan, no expression)."""
    i, n = end, len(text)
    while i < n and text[i].isspace():
        i += 1
    j = i
    while j < n and (text[j].isalnum() or text[j] in _AP or text[j] in "_-"):
        j += 1
    return _key(text[i:j]) if i > end else ""


@lru_cache(maxsize=1)
def _not_place_keys() -> tuple[frozenset[str], frozenset[str], int, frozenset[str]]:
    """The whole-word keys, the stems and the shortest stem of ``not_places``, and the whole-word
    Latin rows folded as the gazetteer folds names (so that every romanisation of a nickname is one:
    "Khortytsia", "Khortytsya")."""
    table = rows("not_places")
    stems = frozenset(r.key for r in table if r.match == "prefix")
    words = frozenset(r.key for r in table if r.match == "word")
    folded = frozenset(fold(r.phrase) for r in table if r.match == "word" and r.phrase.isascii())
    return words, stems, min(map(len, stems), default=1), folded - {""}


@lru_cache(maxsize=4096)
def is_not_place(name: str) -> bool:
    """Whether a name is, as a whole, a row of ``not_places`` (a group of forces, a weapon, a unit's nickname).

    >>> is_not_place("Vostok"), is_not_place("«Центр»"), is_not_place("Искандером"), is_not_place("Pokrovsk")
    (True, True, True, False)
    >>> is_not_place("Khortytsya")  # the row is Khortytsia: another romanisation of it
    True
    """
    bare = name.strip(" «»\"„“”'’")
    key = normalise_phrase(bare)
    exact, stems, shortest, folded = _not_place_keys()
    if key in exact or (bare.isascii() and fold(bare) in folded):
        return True
    return any(key[:n] in stems and (n == len(key) or key[n:].isalpha()) for n in range(len(key), shortest - 1, -1)) if stems else False


def full_match(text: str, table: str) -> Hit | None:
    """The row of ``table`` that ``text`` is as a whole ("Vostok", "«Центр»" without its quotes), or None."""
    stripped = text.strip(" «»\"„“”'’")
    for h in read(stripped):
        if h.table == table and h.start == 0 and h.end == len(stripped):
            return h
    return None
