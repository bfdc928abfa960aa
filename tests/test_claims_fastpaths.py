"""Randomized equivalence tests of the fast paths in geo.claims and geo.relative.

Each fast path (a gate that skips a regex, a windowed search, a rewritten test) is checked against
the plain computation it stands for on many generated and perturbed texts.
"""

from __future__ import annotations

import itertools
import random
import re

import pytest

from geo import claims as cl
from geo import relative as rel

# Words the generated texts are made of: direction words and look-alikes, names, dashes, the stems
# the gates look for, odd folds (ſ, the Kelvin sign, dotless i), Cyrillic, digits, punctuation.
_WORDS = (
    "Pokrovsk", "Siversk-Kramatorsk", "Lyman", "Kupiansk", "The", "On", "Russian", "Ukrainian", "Zaporizhzhia",
    "direction", "directions", "axis", "sector", "front", "frontline", "confrontation", "tactical", "operational",
    "the", "on", "of", "from", "near", "north", "south-east", "northern", "western", "outskirts", "approaches",
    "N", "SE", "w", "ne", "part", "district", "km", "3", "about", "city", "village", "settlement",
    "russian", "our", "four", "assault", "hour", "Russia's",
    "ſouth", "\u212aupiansk", "Kır", "Покровск", "направление", "O'Neil", "Bakhmut’s", "_x", "–", "-", "—",
    ",", ".", ";", ":", "(", ")", "\n", "  ", "\t",
)


def _text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        word = rng.choice(_WORDS)
        out.append(word)
        out.append(rng.choice((" ", " ", " ", "", "\n", ", ")))
    return "".join(out)


def _texts(seed: int, count: int, longest: int) -> list[str]:
    rng = random.Random(seed)
    return [_text(rng, rng.randint(0, longest)) for _ in range(count)]


@pytest.mark.parametrize("seed", range(4))
def test_direction_windows_find_what_the_whole_text_search_finds(seed: int) -> None:
    rng = random.Random(seed)
    for text in _texts(seed, 400, 160):
        if rng.random() < 0.3:  # a long run without punctuation before a direction word
            text = " ".join(["Word"] * rng.randint(30, 60)) + " " + text
        whole = [(m.span(), m.groups()) for m in cl._DIRECTION_RE.finditer(text)]
        windows = cl._direction_windows(text)
        if windows is None:
            continue
        assert all(a < b for (_, a), (b, _) in itertools.pairwise(windows))
        windowed = [(m.span(), m.groups()) for lo, hi in windows for m in cl._DIRECTION_RE.finditer(text, lo, hi)]
        assert windowed == whole, text


def test_direction_windows_fall_back_on_long_runs() -> None:
    text = " ".join(["Name"] * 80) + " direction"
    assert cl._direction_windows(text) is None
    assert cl.find_directions(text) == [("Name Name Name direction", len(text) - 24, len(text))]


def _direct_old(sentence: str, cue: cl._Cue, start: int, end: int, *, strict: bool, country: bool = False) -> bool:
    """geo.claims._direct as it was before its word sets were built once."""
    if cue.end <= start:
        gap = cl._strip_list(sentence[cue.end:start])
        words = [w.casefold() for w in re.findall(r"[\w'’-]+", gap)]
        allowed = {"on", "at", "against", "the", "a", "over", "across", "into", "targeting", "toward", "towards",
                   "to", "of", "southern", "northern", "eastern", "western", "central", "entire", "whole"}
        if not strict:
            allowed |= {"in", "near", "around", "for", "part", "parts", "and", "outskirts", "settlement", "village",
                        "town", "city", "villages", "settlements", "towns", "area", "areas", "populated", "locality",
                        "localities", "hamlet", "district", "districts", "center", "centre"}
        if country and not set(words) & {"on", "against", "across", "over", "into", "throughout"}:
            return False
        return len(words) <= 8 and all(w in allowed for w in words)
    gap = sentence[end:cue.start]
    return bool(re.fullmatch(r"\s*(?:\([^)]*\)\s*)?(?:,[^,]{0,40},\s*)?(?:(?:has|have|had)\s+been\s+|"
                             r"(?:was|were|is|are|being)\s+)(?:(?:also|now|reportedly|fully|completely|reported)\s+)*",
                             gap, re.IGNORECASE))


_GAP_WORDS = ("on", "the", "a", "in", "near", "and", "across", "Into", "village", "of", "Sosnove,", "Yarova", "(a)",
              "has", "been", "was", "also", "reportedly", "is", ",", "which", "ſouth", "THE", "over", "throughout")


@pytest.mark.parametrize("seed", range(4))
def test_direct_as_before(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(1500):
        gap = " ".join(rng.choice(_GAP_WORDS) for _ in range(rng.randint(0, 12))) + rng.choice((" ", "", "  "))
        if rng.random() < 0.5:  # cue before the mention
            sentence = "forces attacked " + gap + "Pokrovsk today"
            cue = cl._Cue(cl.Action.ATTACKED, "attacked", 7, 15, "attacked")
            start = len("forces attacked " + gap)
        else:  # cue after it
            sentence = "Pokrovsk " + gap + "struck again"
            cue = cl._Cue(cl.Action.STRUCK, "struck", len("Pokrovsk " + gap), len("Pokrovsk " + gap) + 6, "struck")
            start = 0
        end = start + len("Pokrovsk")
        for strict in (False, True):
            for country in (False, True):
                assert cl._direct(sentence, cue, start, end, strict=strict, country=country) == _direct_old(
                    sentence, cue, start, end, strict=strict, country=country), (sentence, strict, country)


@pytest.mark.parametrize("seed", range(4))
def test_may_end_in_as_before(seed: int) -> None:
    def old(before: str, endings: tuple[str, ...], stems: tuple[str, ...] = ()) -> bool:
        if not before[-1:].isspace():
            return False
        for word in reversed(before.split()[-2:]):
            if not cl.FOLDS_TO_ASCII.isdisjoint(word):
                return True
            low = word.lower()
            if low.endswith(endings) or any(stem in low for stem in stems):
                return True
            if low != "the":
                return False
        return False

    for text in _texts(seed, 500, 8):
        for args in ((cl._REFERENCE_LAST, ("between", "defen", "positional")),):
            assert cl._may_end_in(text, *args) == old(text, *args), text


_SIDE_WORDS = ("к", "северу", "юго-западу", "севернее", "северной", "части", "окраине", "5", "км", "в", "на", "північ",
               "південний", "захід", "північніше", "східній", "околиці", "за", "оᲄ", "Покровска")


@pytest.mark.parametrize("seed", range(4))
def test_relation_side_gate_skips_only_what_cannot_match(seed: int) -> None:
    rng = random.Random(seed)
    for text in _texts(seed, 600, 14):
        text += " ".join(rng.choice(_SIDE_WORDS) for _ in range(rng.randint(0, 4)))
        before = text + rng.choice((" of ", " from the ", " of the settlement of ", " the ", " a ", " от ", " від ",
                                    " села ", " "))
        for g in rel._GRAMMARS:
            if not g.may_relate_before(before):
                for pattern in (g.dist_dir, g.outskirts_before, g.part_before, g.dir_of):
                    assert pattern.search(before) is None, (g.lang, pattern.pattern[:30], before)


def _list_may_start_old(before: str) -> int:
    """geo.claims._list_may_start as it was before it split the text once."""
    rest = before
    while True:
        end = len(rest.rstrip())
        if not end:
            return 0
        word = rest[:end].rsplit(None, 1)[-1]
        start = end - len(word)
        if (word.isascii() and word.isalpha() and word.islower() and word not in cl._LIST_WORDS
                and before.rfind("(", 0, start) <= before.rfind(")", 0, start)):
            return end
        rest = before[:start]


_LIST_PARTS = ("Sosnove", "Yarova,", "and", "the", "near", "(", ")", "(all", "villages)", "of", "Kır", "ſ", "or",
               "-", "–", "occupied", "Russian-held", "in", "3", "\u00a0", "\u2003", "\n", "x)", "(y")


@pytest.mark.parametrize("seed", range(4))
def test_list_may_start_as_before(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        before = "".join(rng.choice(_LIST_PARTS) + rng.choice((" ", "", "  ", ", ", "\t")) for _ in range(rng.randint(0, 14)))
        assert cl._list_may_start(before) == _list_may_start_old(before), before
        assert cl._strip_list(before) == (before[:m.start()] if (m := cl._LIST_TAIL.search(
            before, _list_may_start_old(before))) and m.start() > 0 and before[m.start() - 1].isspace() else before)
