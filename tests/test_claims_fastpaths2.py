"""Randomized equivalence tests of geo.claims' second round of fast paths (the context claimant's
last sentence, the header test), each against the plain computation it stands for."""

from __future__ import annotations

import random

import pytest

from geo import claims as cl

_PIECES = ("Russian", "forces", "took", "Avdiivka", "the", "ministry", "said", ".", "!", "?", '"', "”", "’", "»", ")",
           "(", "“", "«", "[", "2024", "it", "added", "Kyiv", "\n", "  ", "\t", "\u00a0", "\u2003", ". ", '." ', ".” ",
           "?) ", "a", "B", "9")


def _text(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_PIECES) + rng.choice(("", " ", " ", " ")) for _ in range(n))


@pytest.mark.parametrize("seed", range(4))
def test_last_sentence_is_the_last_piece_of_the_split(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        text = _text(rng, rng.randint(0, 30))
        if rng.random() < 0.5:  # long lines: the search starts far from the beginning
            filler = rng.choice(("word ", "x ", " \u2003 ", '" ', "’’’ "))
            text = text + filler * rng.randint(100, 900) + _text(rng, rng.randint(0, 30))
            if rng.random() < 0.3:
                text = _text(rng, 20) + text
        assert cl._last_sentence(text) == cl._SENTENCE_END.split(text)[-1], text[-300:]


def test_last_sentence_reaches_back_past_a_long_sentence() -> None:
    text = "The ministry said so. " + "Then " + "word " * 1500 + "end"
    assert cl._last_sentence(text) == cl._SENTENCE_END.split(text)[-1]
    assert cl._last_sentence(text).startswith("Then")
    assert cl._last_sentence("no end here") == "no end here"


@pytest.mark.parametrize("words", [0, 1, 7, 8, 9, 30])
def test_header_word_count(words: int) -> None:
    line = " ".join(["Colonelcassad"] * words)
    assert cl._is_header(line) == (bool(line.strip()) and len(line.split()) <= 8 and bool(cl._find_attributions(line)))
