"""gazetteer/data/name_words.jsonl: the kind, function and or-words of a mention, as data, each example read back."""

from __future__ import annotations

import pytest

from gazetteer import names
from gazetteer.names import _ALTERNATIVES, _QUALIFIERS, name_words, query_variants

ROWS = name_words()


def test_every_class_has_rows():
    assert {r.cls for r in ROWS} == set(names.NAME_WORD_CLASSES)


@pytest.mark.parametrize("row", [r for r in ROWS if r.cls != "or"], ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_a_qualifier_example_reads_back(row):
    """The word is found in its example, whole, and dropped from it before a lookup."""
    found = [m.group(0).rstrip(".").casefold() for m in _QUALIFIERS.finditer(row.example)]
    assert row.key in [f.replace(" ", "-") for f in found] or row.key in found
    assert row.key not in _QUALIFIERS.sub(" ", row.example).casefold().split()


@pytest.mark.parametrize("row", name_words("or"), ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_an_or_example_reads_back(row):
    """The example splits at the word into two alternative names, each a lookup."""
    pieces = [p for p in _ALTERNATIVES.split(row.example.rstrip(".")) if p.strip()]
    assert len(pieces) == 2 and all(row.key not in p.casefold().split() for p in pieces)
    assert {r for _, r in query_variants(f"Pishchane {row.phrase} Tykhe")} >= {"split"}


def test_urban_type_takes_a_space_or_a_hyphen():
    assert _QUALIFIERS.sub("", "urban type settlement Niu-York").split() == ["Niu-York"]
    assert _QUALIFIERS.sub("", "urban-type settlement Niu-York").split() == ["Niu-York"]
