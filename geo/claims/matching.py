"""Regex helpers of the claims reader: compiled case-insensitive patterns, the stem gate that spares a sentence
the English cue regexes it cannot match, searches over the last words of a text, and where a position word (geo/rules/positions.jsonl) stands.

The rule tables (``geo/rules/*.jsonl``) are read by :mod:`geo.rules.matcher`; what is here serves the English
cue regexes not yet moved to the tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache, reduce
from operator import or_
from geo.rules.matcher import read_all_kinds
from geo.text import FOLDS_TO_ASCII

__all__ = []

# --------------------------------------------------------------------------------------------
# Cue tables
# --------------------------------------------------------------------------------------------

_I = re.IGNORECASE


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


# What may stand between a position word (a row of geo/rules/positions.jsonl) and the name it places: the
# vocabulary is the table's, only these positions are code.
_THE_TAIL = re.compile(r"\s+(?:the\s+)?", re.IGNORECASE)  # "by the ", "in "
_NEAR_TAIL = re.compile(r"\s+(?:the\s+)?(?:\w+\s+(?:of\s+)?)?", re.IGNORECASE)  # "near the town of ", "near the village "
_CONTAINER_TAIL = re.compile(r"\s+(?:the\s+)?(?:[a-z]+ern\s+)?", re.IGNORECASE)  # "in the southern "
_POSSESSIVE = re.compile(r"['’]s?\s+")  # "Moscow's ", "Kyiv’s "


# a capitalised word: a name (what a row of ``after: name`` needs before it)
_NAME_WORD = re.compile(r"(?<![\w'’ʼ-])(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’ʼ-]")


def _position_before(sentence: str, cls: str, lo: int, stop: int, tail: re.Pattern[str] = _THE_TAIL) -> bool:
    """Whether a ``cls`` row of ``geo/rules/positions.jsonl`` stands in ``sentence[lo:stop]`` with only ``tail``
    (whitespace, "the", as the reader allows) between it and ``stop`` (where the name begins). A row of ``after:
    name`` counts only after a name in ``sentence[lo:]`` ("звільнивши A до B": B is how far the capture reached,
    while in "зайшли до B" B is what was entered)."""
    return any(lo <= h.start and h.end <= stop and tail.fullmatch(sentence, h.end, stop)
               and (h.get("after") != "name" or _NAME_WORD.search(sentence, lo, h.start) is not None)
               for h in read_all_kinds(sentence).get(("positions", cls), ()))


def _possessed_after(sentence: str, end: int, speaking: bool = False) -> bool:
    """Whether the name ending at ``end`` is followed by a possessive and a ``possessed`` row of
    ``geo/rules/positions.jsonl`` ("Moscow's defence ministry", "Kyiv’s negotiators"): the place speaks or acts.
    With ``speaking``, only a row that may speak (not ``speaks: no``: "Moscow's troops" act, they do not speak)."""
    m = _POSSESSIVE.match(sentence, end)
    if m is None:
        return False
    return any(h.start == m.end() and not (speaking and h.get("speaks") == "no")
               for h in read_all_kinds(sentence).get(("positions", "possessed"), ()))


def _locator_before(sentence: str, lo: int, stop: int) -> bool:
    """Whether what ends ``sentence[lo:stop]`` makes a distance at ``stop`` locate the place named before it: a
    ``locator`` row of ``geo/rules/positions.jsonl`` ("located", "village"), a comma after a word ("Sokil, "), an
    opening bracket or the start of the clause, then at most an ``approximately`` row ("about", "up to")."""
    kinds = read_all_kinds(sentence)
    ends = [stop]  # where the anchor's trailing whitespace ends: the distance, or an approximation before it
    ends += [h.start for h in kinds.get(("positions", "approximately"), ())
             if lo <= h.start and h.end < stop and sentence[h.end:stop].isspace()]
    locators = kinds.get(("positions", "locator"), ())
    for q in ends:
        r = q
        while r > lo and sentence[r - 1].isspace():
            r -= 1
        if r == lo or sentence[r - 1] == "(":
            return True
        if sentence[r - 1] == ",":
            k = r - 1
            while k > lo and sentence[k - 1].isspace():
                k -= 1
            if k > lo and (sentence[k - 1].isalnum() or sentence[k - 1] in "_'’)"):
                return True
        # a locator word, then any whitespace (none too) to q
        if any(lo <= h.start and r <= h.end <= q for h in locators):
            return True
    return False
