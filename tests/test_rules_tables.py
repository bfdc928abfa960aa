"""The rule tables under geo/rules/: every row's example read back through the real reader gives the row's reading,
and no expression the matcher or the claims build backtracks catastrophically."""

from __future__ import annotations

import time

import pytest

from geo import claims as cl
from geo.model import Action
from geo.rules.matcher import TABLES, is_not_place, read, rows

ALL_ROWS = [r for name in TABLES for r in rows(name)]


@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_every_row_reads_back_from_its_example(row) -> None:
    hits = [h for h in read(row.example) if h.table == row.table and h.cls == row.cls]
    assert hits, f"{row.table}.jsonl:{row.line}: {row.phrase!r} not found in its example"
    for name in ("action", "claimant", "side"):
        if row.get(name):
            assert any(h.get(name) == row.get(name) for h in hits), (row.line, name)
    if row.table == "actions" and row.cls == "action":
        # the claims reader takes the row as the sentence's cue, with its action
        assert any(c.action is Action(row.get("action")) and c.modality == (row.get("modality") or "done")
                   for c in cl._all_cues(row.example)), row
    if row.table == "not_places":
        assert is_not_place(row.phrase)


def test_a_not_action_row_takes_its_span_from_the_cues() -> None:
    assert not [c for c in cl._all_cues("Tank crews took part in the fighting near Avdiivka.") if c.text == "took"]


def test_longest_phrase_wins_and_cases_are_one() -> None:
    hits = read("ВОРОГ НАМАГАВСЯ ПРОСУНУТИСЯ біля Торського")
    assert [(h.table, h.cls) for h in hits] == [("speakers", "actor"), ("actions", "action")]
    assert hits[1].get("modality") == "attempted"


def _grows_linearly(fn, make, sizes=(1000, 2000, 4000, 8000)) -> None:
    """Each size's best of three runs: 8x the input may not take 30x the time (catastrophic backtracking
    doubles the time per character or worse)."""
    times = []
    for n in sizes:
        text = make(n)
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            fn(text)
            best = min(best, time.perf_counter() - t)
        times.append(best)
    assert times[-1] < 1.0, times
    assert times[-1] < 30 * max(times[0], 5e-3), times


@pytest.mark.parametrize("unit", ["-Pokrovsk", "-Myrnohrad Pokrovsk", " - Kupiansk-Svatove", "–Ab’c"])
def test_line_after_does_not_backtrack(unit) -> None:
    # issue 18: "attacked Pokrovsk-Myrnohrad-Pokrovsk-…" (30 names) never finished
    _grows_linearly(lambda t: cl._LINE_AFTER.match(t), lambda n: unit * (n // len(unit)) + "!")
    s = "Russian forces attacked Pokrovsk" + "-Myrnohrad" * 40 + " near Rodynske."
    t = time.perf_counter()
    cl.analyse_mention_all(s, s.index("Pokrovsk"), s.index("Pokrovsk") + 8)
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize("unit", ["атак ", "a ", "Russian forces ", "  ", "напрям", "close to close to "])
def test_matcher_does_not_backtrack(unit) -> None:
    _grows_linearly(read.__wrapped__, lambda n: unit * (n // len(unit)))


@pytest.mark.parametrize("unit", [", and ", " and and ", ",,,,", "and "])
def test_conjunct_test_does_not_backtrack(unit) -> None:
    _grows_linearly(lambda t: cl._CONJUNCT_BEFORE.search(t, 0, len(t) - 1), lambda n: unit * (n // len(unit)) + "x")


def test_the_readme_row_is_a_row_and_reads_back() -> None:
    import json
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How frontmap reads a report"):]
    row = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S).group(1))
    table = [r for r in rows("actions") if r.phrase == row["phrase"] and r.lang == row["lang"]]
    assert table and table[0].get("action") == row["action"] and table[0].example == row["example"]
    cues = cl._all_cues(row["example"])
    assert [c.action for c in cues] == [Action(row["action"])]
    s = row["example"]
    start = s.index("Грабовське")
    assert cl.analyse_mention(s, start, start + len("Грабовське")).action is Action(row["action"])
