"""Clauses of a sentence: where a clause breaks (';', ':', a dash, 'but', 'while'…) and the bounds of the clause
around a span.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = []

# --------------------------------------------------------------------------------------------
# Sentence analysis
# --------------------------------------------------------------------------------------------

_CLAUSE_BREAK = re.compile(r";|:\s|\s[–—]\s|,\s+(?:but|while|whereas|although|though|however|yet)\b|\s(?:but|while|whereas)\s"
                           r"|[.!?](?:\*+|\[\[[^\]]*\]\](?:\([^)\s]*\))?|\[\d+\])*\s+(?=[*\[\"“]?[A-Z])|\n")


@lru_cache(maxsize=16)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """The spans of the clause breaks in ``sentence`` (kept for the next mentions in the same sentence)."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span of the clause the mention stands in."""
    lo, hi = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return lo, hi


def _previous_clause_start(sentence: str, lo: int) -> int | None:
    """Start of the clause before a ';' that ends at ``lo`` (verbless list items inherit its verb)."""
    if lo <= 0 or sentence[lo - 1] != ";":
        return None
    return _clause_bounds(sentence, lo - 1, lo - 1)[0] if lo - 1 > 0 else 0
