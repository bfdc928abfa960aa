"""The accuracy figures README reports, held as a floor so that a regression fails CI.

Runs benchmarks/accuracy.py's scorer over the labelled reports in ../shared/eval, with the front
line of the data folder, as README's figures were measured (a little below them: the floor is
the figure minus one labelled village per set).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def scored(shared_dir, gaz, front):
    spec = importlib.util.spec_from_file_location("accuracy", REPO / "benchmarks" / "accuracy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.score(gaz, shared_dir / "eval", front)


@pytest.fixture(scope="module")
def summary(scored):
    return scored["summary"]


@pytest.mark.slow
# places branch (nearest list neighbour, stem look-alikes, short possessives): short 0.962, isw 1.0 (minus one village)
# eighth session (a region written after a name, translated names, Russian-form direction adjectives): short 0.972
# twelfth session (list neighbours pull a name): short 0.981 measured, minus one village
@pytest.mark.parametrize("name, floor", [("short", 0.971), ("isw", 0.99)])
def test_event_villages_placed_within_3_km(summary, name, floor) -> None:
    s = summary[name]
    assert s["within3_stripped"] >= floor, s  # every coordinate deleted from the text
    assert s["within3_kept"] >= floor, s
    assert s["within3_stripped"] > s["baseline_within3"] + 0.3, s  # far above first-exact-match


@pytest.mark.slow
@pytest.mark.parametrize("name", ["short", "isw"])
def test_few_outputs_are_not_places(summary, name) -> None:
    assert summary[name]["nonplace_share_kept"] <= 0.05, summary[name]
    assert summary[name]["speaker_leaks"] == 0, summary[name]


@pytest.mark.slow
def test_claims_match_the_labels(summary) -> None:
    s = summary["short"]
    # measured after the sentence-level reading (rule tables): 0.934 / 0.934 / 0.942, minus one village;
    # after the fifth session (claimant tables, day phrases): 0.934 / 0.962 / 0.981, minus one village;
    # after issue 13 (a lead's subject speaks; English genre rules): action 0.943, claimant 0.972, minus one village;
    # eighth session (English genres, the General Staff's past day, semicolon items' own days): date 1.0
    assert s["action_match"] >= 0.933 and s["claimant_match"] >= 0.962 and s["date_match"] >= 0.99, s


# The newer labelled set (English, Russian, Ukrainian texts the rules were not written on): floors at
# the figures measured before the reading redesign, minus one labelled village; raised as work lands.
# After the sentence-level reading (rule tables, genre formulas): 0.829 / 0.751 / 0.430 / 0.707, minus one village.
# All of this session merged (reading, report state, morphology, sectors): 0.860 / 0.772 / 0.819 / 0.714, minus one village.
# Fifth session merged (action and claimant cues as rows, day phrases, oblique names): 0.917 / 0.865 / 0.948 / 0.977.
# Issue 14 (villages nobody tuned for: о/і alternation, renamings, settlement-list items): 0.933 / 0.876 / 0.959 /
# 0.993 measured, minus one village.
# Issue 13's English genre rules (sectors keep repelled/struck, parts taken are entered, inverted attributions): action 0.902.
# Issue 14 (namesakes: sectors, locators, beside-names bound, unknown populations): 0.938 placed, minus one village.
# Issue 13 (Russian and Ukrainian genre cues, repelled attacks "у бік" a place): action 0.8705 alone.
# Sixth session, every branch merged: 0.953 / 0.917 / 0.959 / 0.993 measured, minus one village.
# places branch (nearest list neighbour, stem look-alikes): within3 0.974 measured, minus one village.
# Issue 13, English as its writers write it (ISW retellings, wire speakers, officials): action 0.933, claimant 0.974
# measured, minus one village.
# The outlet's reminder outweighs a text's own voice: claimant 0.9845 measured, minus one village.
# Eighth session, every branch merged: 0.9845 / 0.948 / 0.9845 / 0.9925 measured, minus one village.
# Tenth session (a place "located in X" after the action's object, a headline repeated as the body's opening):
# action 0.953 measured, minus one village.
# Twelfth session (outcomes told in the next sentence, stop verbs): action 0.9585 measured, minus one village.
# Fourteenth session: within3 0.9845 measured (GeoNames doubles, direction adjectives), minus one village.
# Sixteenth session (a capture near "the town of" X is an advance there): action 0.9637 measured, minus one village.
MORE_FLOORS = {"within3_stripped": 0.979, "action_match": 0.958, "claimant_match": 0.979, "date_match": 0.987}


@pytest.mark.slow
def test_the_short_texts_together(summary) -> None:
    # short and more together: 0.937 before issue 14, 0.950 after it (284 of 299), 0.960 with every branch of the
    # sixth session merged (287 of 299), 0.970 on the places branch (290 of 299), 0.980 in the eighth session
    # (293 of 299), 0.983 in the fourteenth (294 of 299: GeoNames' doubles, direction adjectives), minus one village
    assert summary["all-short"]["within3_stripped"] >= 0.980, summary["all-short"]


@pytest.mark.slow
@pytest.mark.parametrize("name", ["short", "more", "isw"])
def test_high_confidence_means_right(scored, name) -> None:
    # the calibration is fitted on these sets (benchmarks/calibrate.py; the second set checks it):
    # at confidence >= 0.9, 1.0 / 0.994 / 1.0 right after issue 14 (short / more / isw)
    rel = scored["reliability"]["by_set"][name]
    assert rel["right_at_0_9"] >= 0.98, rel


@pytest.mark.slow
@pytest.mark.parametrize("field", sorted(MORE_FLOORS))
def test_newer_labels_floor(summary, field) -> None:
    s = summary["more"]
    assert s[field] >= MORE_FLOORS[field], s


def test_label_alternatives_and_groups() -> None:
    spec = importlib.util.spec_from_file_location("accuracy", REPO / "benchmarks" / "accuracy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.accepted("entered|captured") == {"entered", "captured"}
    assert mod.accepted("captured") == {"captured"}
    groups = mod.load_groups()
    assert mod.group_of("uk_gs_unn_20250101_x.txt", groups) == "uk/genstaff"  # longest prefix wins
    assert mod.group_of("uk_somenews_20250101_x.txt", groups) == "uk/wire"
    assert mod.group_of("mod_tass_20250101_x.txt", groups) == "en/mod"
    assert mod.group_of("unknown.txt", groups) == "?/?"


@pytest.mark.slow
def test_newer_labels_few_speaker_leaks(summary) -> None:
    # places labelled speaker, venue, direction or background drawn as events: 14 at the start of the
    # fifth session, 9 after its reference-point and sector rules, 2 after issue 13 (a derived point is drawn off its
    # anchor and counts no more; offices, road ends, 'since' clauses, apposed regions); the 2 left are doubtful labels
    assert summary["more"]["speaker_leaks"] <= 2, summary["more"]
    assert summary["more"]["nonplace_share_kept"] <= 0.02, summary["more"]
