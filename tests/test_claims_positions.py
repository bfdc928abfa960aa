"""The position words of geo/rules/positions.jsonl read as the regexes they replaced did: each old regex kept
here as the oracle of a random test (the vocabulary is now the table's, the positions code)."""

from __future__ import annotations

import random
import re

import pytest

from geo import claims as cl

# the regex _locator_before replaced (geo/claims/role.py before the rows), searched on the text before a distance
_LOCATOR_BEFORE = re.compile(
    r"(?:[\w'’)]\s*,|\(|\b(?:located|situated|lies|lie|lying|lay|is|are|was|were|some|just|village|town|"
    r"settlement|city|hamlet|locality|positions?|base|airfield|depot)|^)\s*"
    r"(?:(?:about|approximately|approx\.?|around|roughly|some|nearly|almost|over|more\s+than|less\s+than|"
    r"under|up\s+to)\s+)?$", re.IGNORECASE)
_NEAR_BEFORE = re.compile(r"\b(?:near|around|outside|close\s+to|next\s+to|(?:north|south|east|west|northeast|northwest|"
                          r"southeast|southwest|north-east|north-west|south-east|south-west)\s+of)\s+(?:the\s+)?(?:\w+\s+)?$",
                          re.IGNORECASE)
_WORDS = ("located", "situated", "lies", "is", "was", "some", "just", "village", "town", "base", "depot", "positions",
          "about", "approx.", "approximately", "up", "to", "more", "than", "roughly", "Sokil", "Russian", "forces",
          "struck", "the", "of", "near", "around", "north", "north-east", "close", "next", "outside", "(", ")", "a",
          "thesis", "Nearby", "Island")
_SEPS = (" ", " ", "  ", ", ", " (", "\n")


def _texts(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        words = [rng.choice(_WORDS) for _ in range(rng.randint(0, 9))]
        text = "".join(w + rng.choice(_SEPS) for w in words)
        yield ("Russian forces struck " if rng.random() < 0.5 else "") + text


@pytest.mark.parametrize("seed", range(4))
def test_locator_rows_read_as_the_regex_did(seed: int) -> None:
    for text in _texts(seed, 800):
        sentence = text + "20 km north of Pokrovsk."
        stop = len(text)
        assert cl._locator_before(sentence, 0, stop) == bool(_LOCATOR_BEFORE.search(text)), text


@pytest.mark.parametrize("seed", range(4))
def test_near_rows_read_as_the_regex_did(seed: int) -> None:
    for text in _texts(seed, 800):
        sentence = text + "Pokrovsk."
        assert cl._position_before(sentence, "near", 0, len(text), cl._NEAR_TAIL) == bool(_NEAR_BEFORE.search(text)), text
