"""Randomized equivalence tests of the lower-case twins of geo.claims' case-insensitive regexes.

A twin runs case-sensitively on ``text.lower()`` of an ASCII text in place of the case-insensitive
regex on the text (see ``geo.claims._lower_twin``): it must find the same spans.
"""

from __future__ import annotations

import random
import re

import pytest

from geo import claims as cl


# the regexes matched by a twin where the text is ASCII: the tables' and those of _found
_SINGLE = (cl._LOCATOR_BEFORE,)
_PATTERNS = list(_SINGLE)


def _vocabulary() -> list[str]:
    """ASCII words the regexes look for (their letter runs), and filler."""
    words: set[str] = set()
    for pattern in _PATTERNS:
        words.update(re.findall(r"[a-z]{2,}", re.sub(r"\\.", " ", pattern.pattern)))
    words.update({"Russian", "Ukrainian", "Pokrovsk", "Kyiv's", "Moscow", "MoD", "ISW", "said", "the", "of",
                  "near", "and", "24", "%", "-", "'", ",", ".", ";", "(", ")"})
    return sorted(words)


_WORDS = _vocabulary()


def _recase(rng: random.Random, word: str) -> str:
    style = rng.random()
    if style < 0.5:
        return word
    if style < 0.7:
        return word.capitalize()
    if style < 0.85:
        return word.upper()
    return "".join(ch.upper() if rng.random() < 0.5 else ch for ch in word)


def _text(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        out.append(_recase(rng, rng.choice(_WORDS)))
        out.append(rng.choice((" ", " ", " ", "  ", "", "\n", ", ")))
    return "".join(out)


def _twinned() -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    return [(p, cl._TWINS[id(p)]) for p in _PATTERNS if id(p) in cl._TWINS]


def test_every_case_insensitive_regex_has_a_twin() -> None:
    for pattern in _PATTERNS:
        assert (id(pattern) in cl._TWINS) == bool(pattern.flags & re.IGNORECASE), pattern.pattern


@pytest.mark.parametrize("seed", range(4))
def test_twins_find_the_spans_of_the_case_insensitive_regexes(seed: int) -> None:
    rng = random.Random(seed)
    twinned = _twinned()
    for _ in range(150):
        text = _text(rng, rng.randint(0, 40))
        assert text.isascii()
        low = text.lower()
        for pattern, twin in twinned:
            assert [m.span() for m in twin.finditer(low)] == [m.span() for m in pattern.finditer(text)], (
                pattern.pattern, text)
        for pattern in _SINGLE:  # the end-anchored ones on the text's tails too, as _negation reads them
            for tail in (text, text[len(text) // 2:], text[-45:]):
                assert cl._found(pattern, tail) == (pattern.search(tail) is not None), (pattern.pattern, tail)
            pos = rng.randint(0, len(text))  # from an offset, the text before seen by \b and look-behinds
            assert cl._found(pattern, text, pos) == (pattern.search(text, pos) is not None), (pattern.pattern, text, pos)


def test_lower_twin_refuses_what_it_cannot_mirror() -> None:
    assert cl._lower_twin(re.compile(r"\bfoo\b")) is None  # case-sensitive already
    assert cl._lower_twin(re.compile(r"[A-Z]\w+", re.I)) is None  # an upper-case class
    assert cl._lower_twin(re.compile(r"\x41bc", re.I)) is None  # a letter by its code
    assert cl._lower_twin(re.compile(r"(a)\1", re.I)) is None  # a back-reference
    assert cl._lower_twin(re.compile("ſeized", re.I)) is None  # a letter that folds onto ASCII
    twin = cl._lower_twin(re.compile(r"\bseiz\w+\S*", re.I))
    assert twin is not None and not twin.flags & re.IGNORECASE
