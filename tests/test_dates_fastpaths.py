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


# Date expressions and their pieces, look-alikes, odd folds and separators, for the scan-start test.
_DATE_PIECES = ("over", "in", "during", "the", "past", "last", "24", "hours", "day", "before", "yesterday", "today",
                "tonight", "this", "morning", "evening", "night", "overnight", "Monday", "MONDAY", "last Friday",
                "Nov.", "Nov.,", "November", "May", "may", "24th", "of", "2025", "2025-11-24", "24.11.2025", "(24/11)",
                "(", ")", "24/11/25", "вчера", "ВЧЕРА", "за", "последние", "сутки", "этой", "ночью", "п’ятницю",
                "Kupiansk", "was", "taken", ",", ".", "-", "\u00a0", "\n", "  ", "ſunday", "\u212a", "İ", "\u1c80",
                "x24", "3:15", "Sunday,", "holiday", "days")


_FILLER = ("Russian", "forces", "captured", "Kupiansk", "the", "over", "past", "last", "in", "(", "Nov.", "this", "-", ",")


@pytest.mark.parametrize("seed", range(4))
def test_scan_from_the_start_offset_finds_what_the_whole_scan_finds(seed: int) -> None:
    rng = random.Random(seed)
    reference = dates._dt.date(2025, 11, 27)
    found = later = 0
    for _ in range(3000):
        seps = (" ", " ", " ", "\u00a0", "  ", "\n", "")
        text = "".join(rng.choice(_DATE_PIECES) + rng.choice(seps) for _ in range(rng.randint(0, 14)))
        if rng.random() < 0.6:  # words without a digit or date word first: the scan starts later
            text = "".join(rng.choice(_FILLER) + rng.choice(seps) for _ in range(rng.randint(1, 12))) + text
        start = dates._scan_start(text)
        whole = [(m.span(), kind, d) for m, kind, d in dates._scan(text, reference)]
        if start is None:
            assert not any(True for _ in dates._PATTERN.finditer(text)), text
            continue
        assert 0 <= start <= len(text)
        assert all(span[0] >= start for span, _, _ in whole), text
        assert [(m.span(), kind, d) for m, kind, d in dates._scan(text, reference, start)] == whole, text
        found += bool(whole)
        later += start > 0
    assert found > 500 and later > 500
