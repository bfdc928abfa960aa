"""The words for a region (geo/rules/region_words.jsonl): checked on load, every row's example read back through
each use that reads the row (geo.mentions, geo.claims.role, geo.resolve)."""

from __future__ import annotations

import json
import re

import pytest

from frontmap.errors import RuleError
from geo.claims.role import _kind_of
from geo.mentions import _ANY_AFTER, _REGION_AFTER
from geo.resolve import _REGION, _region_matches
from geo.rules import load_table, normalise_phrase
from geo.rules.lookup import LOOKUP_TABLES, row_pattern
from geo.rules.region_words import (KIND_STEMS, after_name, border_before, list_after, list_kind, mention_region,
                                    region_rows)

ROWS = region_rows()
KINDS = [r for r in ROWS if r.cls == "kind"]
AFTER = [r for r in KINDS if r.get("after") != "no" and r.get("number") != "plural"]
PLURAL = [r for r in KINDS if r.get("after") != "no" and r.get("number") == "plural"]
LISTED = [r for r in KINDS if r.get("list") == "yes"]


def _ids(r) -> str:
    return f"{r.line}:{r.phrase}:{r.lang}"


def _word_at(row) -> re.Match[str]:
    m = re.search(r"(?<!\w)" + row_pattern(row, lead=False), row.example, re.IGNORECASE)
    assert m, f"region_words.jsonl:{row.line}"
    return m


@pytest.mark.parametrize("row", AFTER, ids=_ids)
def test_a_kind_after_a_name_makes_the_name_a_region(row) -> None:
    m = _word_at(row)
    before = row.example[: m.start()].rstrip()
    name = re.search(r"[\w'’-]+$", before)
    assert name, f"region_words.jsonl:{row.line}: no word before the kind"
    # one expression for geo.mentions and geo.claims.role, and the gate before it lets it through
    assert _REGION_AFTER is after_name()
    assert _REGION_AFTER.match(row.example, name.end()), f"region_words.jsonl:{row.line}"
    assert _ANY_AFTER.match(row.example, name.end(), name.end() + 40), f"region_words.jsonl:{row.line}"
    assert _kind_of(row.example, name.start(), name.end()) == "region", f"region_words.jsonl:{row.line}"
    # the mention ending in it is a region's
    assert mention_region().search(row.example[name.start() : m.end()].casefold()), f"region_words.jsonl:{row.line}"


@pytest.mark.parametrize("row", [r for r in KINDS if r.get("after") == "no"], ids=_ids)
def test_a_kind_of_a_mentions_last_word_only(row) -> None:
    m = _word_at(row)
    name = re.search(r"[\w'’-]+$", row.example[: m.start()].rstrip())
    assert mention_region().search(row.example[name.start() : m.end()].casefold()), f"region_words.jsonl:{row.line}"
    assert not after_name().match(row.example, name.end()), f"region_words.jsonl:{row.line}"


@pytest.mark.parametrize("row", PLURAL, ids=_ids)
def test_a_plural_kind_after_a_list_makes_each_name_a_region(row) -> None:
    first = re.search(r"\bthe ([A-Z]\w+) and [A-Z]\w+ ", row.example)
    assert first, f"region_words.jsonl:{row.line}: the example is no list of two names"
    assert list_after().match(row.example, first.end(1))
    assert _kind_of(row.example, first.start(1), first.end(1)) == "region"
    # read only after a list: after one name, the name is read with no kind word ("Sumy oblasts" names nothing)
    assert not after_name().match(row.example, _word_at(row).start() - 1)


@pytest.mark.parametrize("row", [r for r in ROWS if r.cls == "name"], ids=_ids)
def test_a_regions_name_is_a_region_as_a_whole_mention(row) -> None:
    at = normalise_phrase(row.example).find(row.key)
    assert at >= 0
    written = row.example[at : at + len(row.key)]
    assert _kind_of(row.example, at, at + len(row.key)) == "region", written
    assert not mention_region().search(f"{row.key}ove")  # a village's name that begins so is no region


@pytest.mark.parametrize("row", KINDS, ids=_ids)
def test_every_kind_word_holds_a_stem_resolve_finds(row) -> None:
    assert any(w.startswith(s) for w in row.key.split(" ") for s in KIND_STEMS), f"region_words.jsonl:{row.line}"
    # the look-up before resolve's region search misses no match of it
    got = [m.span() for m in _region_matches(row.example)]
    assert got == [m.span() for m in _REGION.finditer(row.example)], f"region_words.jsonl:{row.line}"


def test_the_stems_are_few_and_none_holds_another() -> None:
    assert all(not (a != b and a.startswith(b)) for a in KIND_STEMS for b in KIND_STEMS)
    assert "обл" in KIND_STEMS and "област" not in KIND_STEMS


def test_singular_and_plural_are_told_apart() -> None:
    s = "Russian forces struck Kharkiv, Sumy and Chernihiv oblasts overnight."
    assert _kind_of(s, s.index("Kharkiv"), s.index("Kharkiv") + 7) == "region"
    s = "Russian forces entered Sosnove, Yarova and Novoselivka overnight."
    assert _kind_of(s, s.index("Sosnove"), s.index("Sosnove") + 7) == "settlement"
    # "district" after a name says too little (a town's part too): the name stays a settlement
    s = "Russian forces shelled Pokrovsk district hospital."
    assert _kind_of(s, s.index("Pokrovsk"), s.index("Pokrovsk") + 8) == "settlement"


def test_a_bad_row_is_named_by_its_file_and_line(tmp_path) -> None:
    classes, fields, matches = LOOKUP_TABLES["region_words"]
    good = {"phrase": "oblast", "lang": "en", "class": "kind", "stem": "oblast", "example": "in Sumy Oblast"}
    (tmp_path / "region_words.jsonl").write_text(
        json.dumps(good) + "\n" + json.dumps({**good, "number": "dual"}) + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"region_words.jsonl:2: number 'dual'"):
        load_table("region_words", classes=classes, fields=fields, matches=matches, folder=tmp_path)


@pytest.mark.parametrize("row", LISTED, ids=_ids)
def test_a_cyrillic_plural_ends_a_list_of_adjectives_each_a_region(row) -> None:
    # "Нікопольська, Марганецька та Покровська громади": the first names of the list are regions with its kind
    first = re.search(r"(?<![\w'’-])([А-ЯЁІЇЄҐ][\w'’-]+)(?:,\s*[А-ЯЁІЇЄҐ][\w'’-]+)*\s+(?:та|і|й|и)\s+[А-ЯЁІЇЄҐ]", row.example)
    assert first, f"region_words.jsonl:{row.line}: the example is no list of names"
    assert normalise_phrase(list_kind(row.example, first.end(1))) == row.key, f"region_words.jsonl:{row.line}"
    assert _kind_of(row.example, first.start(1), first.end(1)) == "region", f"region_words.jsonl:{row.line}"
    # and after one name it is read with that name, as every kind after a name
    before = row.example[: _word_at(row).start()].rstrip()
    assert after_name().match(row.example, len(before)), f"region_words.jsonl:{row.line}"


def test_a_lower_case_word_is_no_name_of_a_list() -> None:
    # "громада міста" in a civic sense, "Покровськ, місто та громади": no list of regions
    assert list_kind("Покровськ, місто та громади", len("Покровськ")) is None
    assert list_kind("Нікопольська, Марганецька та Покровська громади", len("Нікопольська")) == "громади"


def test_list_kind_reads_as_the_list_pattern_matches_from_every_offset() -> None:
    # list_kind walks a list step by step and remembers each offset; it must give what list_after matches from
    # there, wherever a name ends (lists with and without their kind, mixed joins, Latin and Cyrillic)
    import random

    from geo.rules.region_words import list_after, list_kind

    names = ["Покровська", "Марганецька", "Нікопольська", "Томаківська", "село", "Kharkiv", "Sumy"]
    rng = random.Random(3)
    for _ in range(300):
        words = [rng.choice(names) for _ in range(rng.randint(1, 8))]
        text = "".join(w + rng.choice([", ", " та ", " and ", " ", ", а "]) for w in words)
        text += rng.choice(["громади", "oblasts", "regions", ".", "громада"])
        for m in re.finditer(r"\w+", text):
            whole = list_after().match(text, m.end())
            assert list_kind(text, m.end()) == (whole.group("kind") if whole else None), (text, m.end())


@pytest.mark.parametrize("row", [r for r in ROWS if r.cls == "border"], ids=_ids)
def test_a_border_rows_example_reads_back_before_its_region(row) -> None:
    m = _word_at(row)
    rest = row.example[m.end():]
    region = re.match(r"(?:\s+the)?\s+", rest)
    assert region, f"region_words.jsonl:{row.line}: no region after the border phrase"
    at = m.end() + region.end()
    assert border_before().search(row.example, 0, at), f"region_words.jsonl:{row.line}"
    assert not border_before().search(row.example, 0, m.start()), f"region_words.jsonl:{row.line}"
