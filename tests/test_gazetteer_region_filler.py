"""gazetteer/data/region_filler.jsonl: the small words of a region's name, as data; each example read back."""

from __future__ import annotations

import pytest

from gazetteer import index, names
from gazetteer.index import REGION_FILLER_FILE, region_core, region_filler, region_words_digest
from frontmap.tables import load_table

ROWS = load_table(REGION_FILLER_FILE, classes={"filler"}, matches={"word"}, langs=names.WORD_LANGS)


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_a_filler_example_reads_back(row):
    """The word is in its example (a region's name) and not in the core region_core leaves, as written or folded."""
    for text in (row.example, names.fold(row.example)):
        words = text.casefold().split()
        assert names.fold(row.key) in [names.fold(w) for w in words]
        core, kind = region_core(text)
        assert kind and core and names.fold(row.key) not in names.fold(core).split()


def test_the_digest_follows_the_words(monkeypatch):
    before = region_words_digest()
    monkeypatch.setattr(index, "region_filler", lambda: (*region_filler(), "von"))
    assert region_words_digest() != before
