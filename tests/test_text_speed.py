"""Fast paths of the sentence splitter read the text as the plain versions they replace do."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator

import pytest

from geo import text as T

# The break pattern as it was: each position tried in turn, a line break's leading spaces in the match.
_PLAIN_BREAK = re.compile(
    r"(?P<nl>[ \t\r]*\n(?:[ \t\r]*\n)*[ \t\r]*)"
    r"|(?P<punct>[.!?…]+)(?P<close>[\"'”’»)\]]*)[ \t\u00a0]*"
)


def _plain_iter_sentences(text: str, lo: int, hi: int) -> Iterator[tuple[int, int]]:
    """``geo.text._iter_sentences`` before the first-character break pattern."""
    start = lo
    for m in _PLAIN_BREAK.finditer(text, lo, hi):
        if m.group("nl") is not None:
            if m.group().count("\n") == 1:
                before = text[m.start() - 1] if m.start() > lo else ""
                after = text[m.end() : m.end() + 1]
                if before and before not in T._CLOSING and after.islower():
                    continue
        else:
            if m.end() == m.end("close") and not T._glued_break(text, m.start(), m.end(), lo):
                continue  # no space after the punctuation, and no glued sentences ("…said.Additionally")
            after = text[m.end() : m.end() + 1]
            if not after or not T._starts_sentence(after):
                continue
            punct = m.group("punct")
            if punct == "." and m.group("close") in ("", ")", "]") and T._dot_is_abbreviation(text, m.start()):
                continue
            if not m.group("close") and T._in_quoted_name(text, m.start(), lo, hi):
                continue
        cut = m.start() if m.group("nl") is not None else m.start("close") + len(m.group("close"))
        span = T._trim(text, start, cut)
        if span:
            yield span
        start = m.end()
    span = T._trim(text, start, hi)
    if span:
        yield span


_PIECES = (
    "a", "b", "Zvanovka", "liberated", "Mr", "St", "U.S", "e.g", "km", "1", "47", "2025", "г", "Купянск", "N", "E",
    "°", "′", "″", " ", " ", " ", "  ", "\t", "\r", "\u00a0", "\n", "\n", "\n\n", " \n", "\t\n ", ".", ".", "!", "?",
    "…", "...", "\"", "'", "”", "’", "»", ")", "]", "(", "«", "“", "„", "Студія", "-", "•", ",", ";", ":",
    "x", "Y", "и", "Ж",
)


@pytest.mark.parametrize("seed", range(6))
def test_sentences_match_the_plain_scanner(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(3000):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 40)))
        lo = rng.randint(0, len(text))
        hi = rng.randint(lo, len(text))
        for a, b in ((0, len(text)), (lo, hi)):
            assert list(T._iter_sentences(text, a, b)) == list(_plain_iter_sentences(text, a, b)), (text, a, b)
