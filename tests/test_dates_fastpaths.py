"""Randomized test of the string gate ahead of geo.dates._BACK_REFERENCE."""

from __future__ import annotations

import random

import pytest

from geo import dates

_PIECES = ("the", "its", "This", "ministry", "statement", "general staff", "spokesman", "said", "SAYS", "added", "adds",
           "stated", "reported", "noted", "wrote", "claimed", "specified", "continued", "it", "He", "they", "also",
           "according to", "the", "bulletin", "update", "Kupiansk", "was", "taken", ",", "'", "ſaid", "ſtated",
           "K", "\u212a", "Reported", "agency", "channel", "command", "official", "military")


@pytest.mark.parametrize("seed", range(4))
def test_back_reference_gate_refuses_only_what_cannot_match(seed: int) -> None:
    rng = random.Random(seed)
    matched = 0
    for _ in range(3000):
        sentence = " ".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 9)))
        if dates._BACK_REFERENCE.search(sentence):
            matched += 1
            assert dates._may_refer_back(sentence), sentence
    assert matched > 100
