"""The rule tables under geo/rules/: every row's example read back through the real reader gives the row's reading,
and no expression the matcher or the claims build backtracks catastrophically."""

from __future__ import annotations

import re
import time

import pytest

from geo import claims as cl
from geo.model import Action
from geo.rules.matcher import (TABLES, filter_spans, is_not_place, matches, read, read_all_kinds, read_kinds,
                               read_opening, rows)

ALL_ROWS = [r for name in TABLES for r in rows(name)]


@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_every_row_reads_back_from_its_example(row) -> None:
    # the row's own kind reads it, wherever it stands (inside another table's longer phrase too)
    hits = list(read_all_kinds(row.example).get((row.table, row.cls), ()))
    assert hits, f"{row.table}.jsonl:{row.line}: {row.phrase!r} not found in its example"
    for name in ("action", "claimant", "side", "hedge"):
        if row.get(name):
            assert any(h.get(name) == row.get(name) for h in hits), (row.line, name)
    if row.table == "actions" and row.cls == "action":
        # the claims reader takes the row as the sentence's cue, with its action
        assert any(c.action is Action(row.get("action")) and c.modality == (row.get("modality") or "done")
                   for c in cl._all_cues(row.example)), row
    if row.table == "not_places":
        assert is_not_place(row.phrase)


def test_every_hedge_row_says_whether_it_weighs_or_reports() -> None:
    # the hedge field is a hedge row's (geo.claims.voice reads it) and every hedge row has it
    for row in rows("modality"):
        assert (row.get("hedge") is not None) == (row.cls == "hedge"), f"modality.jsonl:{row.line}: {row.phrase!r}"
    kinds = {r.phrase: r.get("hedge") for r in rows("modality") if r.cls == "hedge"}
    assert {kinds["likely"], kinds["seems to"], kinds["possibly"]} == {"weighing"}
    assert {kinds["reportedly"], kinds["allegedly"], kinds["claimed"], kinds["not confirmed"]} == {"reportive"}


def test_an_unknown_hedge_kind_names_file_and_line(tmp_path) -> None:
    import json

    from frontmap.errors import RuleError
    from geo.rules import load_table

    row = {"phrase": "probably", "lang": "en", "class": "hedge", "hedge": "guess",
           "example": "Russian forces probably took Tykhe."}
    (tmp_path / "modality.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    classes, fields = TABLES["modality"]
    with pytest.raises(RuleError, match=r"modality.jsonl:1: hedge 'guess' is not one of"):
        load_table("modality", classes=classes, fields=fields, folder=tmp_path)


def test_a_not_action_row_takes_its_span_from_the_cues() -> None:
    assert not [c for c in cl._all_cues("Tank crews took part in the fighting near Avdiivka.") if c.text == "took"]


def test_longest_phrase_wins_and_cases_are_one() -> None:
    hits = read("ВОРОГ НАМАГАВСЯ ПРОСУНУТИСЯ біля Торського")
    assert [(h.table, h.cls) for h in hits] == [("speakers", "actor"), ("actions", "action")]
    assert hits[1].get("modality") == "attempted"


def test_overlapping_phrases_are_all_hits() -> None:
    # a hedge and, inside it, the intention and the speech word of other tables: each phrase in one table
    every = {(h.table, h.cls, h.text) for h in matches("Russian forces could have taken Lyman; Tykhe is said to be lost.")}
    assert {("modality", "hedge", "could have"), ("intentions", "intention", "could"),
            ("modality", "hedge", "is said to"), ("speech", "speech", "is said"), ("intentions", "goal-verb", "is said")} <= every
    kinds = read_all_kinds("The capture of Tykhe has not been confirmed by the ministry.")
    assert [h.text for h in kinds[("modality", "hedge")]] == ["not been confirmed"]
    assert [h.text for h in kinds[("speech", "speech")]] == ["confirmed"]
    assert [h.text for h in kinds[("modality", "negation")]] == ["not"]
    # the readers of the longest phrase at a place: "the enemy" of "expelled the enemy from" is no actor
    text = "Assault units expelled the enemy from Tykhe."
    assert ("speakers", "actor") in read_all_kinds(text)
    assert ("speakers", "actor") not in read_kinds(text)
    assert [h.text for h in read(text)] == ["expelled the enemy from"]


def test_filter_spans_reads_on_from_the_left() -> None:
    # the leftmost phrase wins over a longer one it overlaps (spaCy's filter_spans would keep the longer)
    hits = matches("Russian forces could have taken Lyman.")
    kept = filter_spans(hits)
    # "Russian forces" twice: the one span is an actor row and a speaker row (speaking only with a speech verb after it)
    assert [h.text for h in kept] == ["Russian forces", "Russian forces", "could have", "taken"]
    assert all(a.end <= b.start or (a.start, a.end) == (b.start, b.end) for a, b in zip(kept, kept[1:]))
    assert filter_spans([]) == []



@pytest.mark.parametrize("text", [
    "«Photo: a fragment of the map / DeepState", "— Screenshot of the DeepState map", "Фото: Генштаб ЗСУ",
    "📷 Фото з відкритих джерел", "Russian forces could have taken Lyman.", "\"Attack helicopters\" struck Tykhe.",
    "  (The General Staff said that Ukrainian forces repelled attacks near Tykhe.)", "", "-", "Colonelcassad"])
def test_the_opening_reads_as_the_whole_text(text) -> None:
    # the phrases that start at or before an offset, read from there alone, are read()'s phrases there
    for last in range(len(text) + 2):
        assert read_opening(text, last) == tuple(h for h in read(text) if h.start <= last), (text, last)

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
    cl.analyse_mention_all("Russian forces attacked Tykhe.", 24, 29)  # the tables compiled once, outside the timing
    t = time.perf_counter()
    cl.analyse_mention_all(s, s.index("Pokrovsk"), s.index("Pokrovsk") + 8)
    assert time.perf_counter() - t < 1.0


@pytest.mark.parametrize("unit", ["атак ", "a ", "Russian forces ", "  ", "напрям", "close to close to "])
def test_matcher_does_not_backtrack(unit) -> None:
    _grows_linearly(matches.__wrapped__, lambda n: unit * (n // len(unit)))


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


def test_an_actor_holding_a_means_is_both() -> None:
    # "Russian artillery": the actor row (speakers) and, inside it, the means row (actions) — one pass, two readings
    text = "Russian artillery attacked Beryslav overnight."
    (ctx,) = cl.analyse_mention_all(text, text.index("Beryslav"), text.index("Beryslav") + 8)
    assert (ctx.action, ctx.actor) == (Action.STRUCK, "RU")


_POSITIONS = rows("positions")


def _at(sentence: str, name: str) -> tuple[int, int]:
    start = sentence.index(name)
    return start, start + len(name)


@pytest.mark.parametrize("row", [r for r in _POSITIONS if r.cls == "near"], ids=lambda r: r.phrase)
def test_a_capture_near_a_place_is_an_advance(row) -> None:
    # "captured two villages near Pokrovsk": Pokrovsk is where they advanced, not what they captured (the place is
    # the name after the row: "захватили опорный пункт у Тихого")
    name = re.search(r"[A-ZА-ЯІЇЄҐ][\w'’-]+", row.example[row.example.casefold().rindex(row.phrase) + len(row.phrase):])
    (ctx,) = cl.analyse_mention_all(row.example, *_at(row.example, name.group()))
    assert ctx.action is Action.ADVANCING and ctx.action_detail.endswith("nearby"), ctx


@pytest.mark.parametrize("row", [r for r in _POSITIONS if r.cls == "actor-before"], ids=lambda r: r.phrase)
def test_a_country_after_an_actor_word_acts(row) -> None:
    start, end = _at(row.example, "Russia")
    assert cl._position_before(row.example, "actor-before", 0, start)
    (ctx,) = cl.analyse_mention_all(row.example, start, end)
    assert ctx.role == "speaker", ctx


@pytest.mark.parametrize("row", [r for r in _POSITIONS if r.cls == "preposition"], ids=lambda r: r.phrase)
def test_a_seat_of_power_after_a_preposition_does_not_speak(row) -> None:
    sentence = row.example.replace("went on as", "said")  # "Talks in Moscow said …": no speaker for all the speech verb
    assert cl._position_before(sentence, "preposition", 0, sentence.index("Moscow"))
    assert not [a for a in cl._attributions(sentence) if a.text == "Moscow"]
    assert [a for a in cl._attributions("Moscow said Russian forces attacked near Pokrovsk.") if a.text == "Moscow"]


@pytest.mark.parametrize("row", [r for r in _POSITIONS if r.cls == "possessed"], ids=lambda r: r.phrase)
def test_what_a_seat_of_power_has_speaks_for_it(row) -> None:
    assert cl._possessed_after(row.example, len("Moscow"))
    assert not cl._possessed_after("Moscow's streets were quiet.", len("Moscow"))


def test_a_region_after_in_only_contains_the_place() -> None:
    (row,) = [r for r in _POSITIONS if r.cls == "container" and r.phrase == "in"]
    start, end = _at(row.example, "Kharkiv region")
    assert cl._position_before(row.example, "container", 0, start, cl._CONTAINER_TAIL)
    (ctx,) = cl.analyse_mention_all(row.example, start, end)
    assert ctx.role != "event", ctx


def test_position_words_never_hide_a_sentence_phrase() -> None:
    # "close to" is a position word and a modality (near); "according to" one and an attribution: read() keeps its own
    text = "Russian forces are close to Pokrovsk, according to the ministry."
    kinds = read_kinds(text)
    assert ("positions", "near") not in kinds and ("speech", "attribution") in kinds
    assert ("positions", "near") in read_all_kinds(text)
