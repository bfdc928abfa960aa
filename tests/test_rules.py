"""geo.rules: rule tables are checked when loaded, with the file and line of a bad row."""

from __future__ import annotations

import json

import pytest

from frontmap.errors import FrontmapError, RuleError
from geo.rules import load_table, normalise_phrase

GOOD = {"phrase": "took control of", "lang": "en", "class": "action", "action": "captured",
        "example": "Russian troops took control of Tykhe, the ministry said."}


def _table(tmp_path, rows, name="t"):
    (tmp_path / f"{name}.jsonl").write_text(
        "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
        encoding="utf-8")
    return name


def _load(tmp_path, rows):
    return load_table(_table(tmp_path, rows), classes={"action"},
                      fields={"action": {"captured", "entered"}, "detail": None}, folder=tmp_path)


def test_a_good_table_loads_in_order(tmp_path):
    rows = _load(tmp_path, [GOOD, "", {**GOOD, "phrase": "вошли в", "lang": "ru", "action": "entered",
                                       "match": "prefix", "example": "Штурмовики вошли в Тихое."}])
    assert [r.line for r in rows] == [1, 3]
    assert rows[1].get("action") == "entered" and rows[1].match == "prefix" and rows[1].key == "вошли в"
    assert rows[0].get("detail") is None


@pytest.mark.parametrize("row, message", [
    ("[1, 2]", "not a JSON object"),
    ("{not json", "not a JSON object"),
    ({**GOOD, "phrase": "  "}, "empty phrase"),
    ({**GOOD, "class": "speaker"}, "class 'speaker' is not one of"),
    ({**GOOD, "lang": "de"}, "lang 'de'"),
    ({**GOOD, "action": "won"}, "action 'won' is not one of"),
    ({**GOOD, "colour": "red"}, "unknown field"),
    ({k: v for k, v in GOOD.items() if k != "example"}, "missing field 'example'"),
    ({**GOOD, "example": "Troops entered Tykhe."}, "does not hold the phrase"),
    ({**GOOD, "match": "regex"}, "match 'regex'"),
    ({**GOOD, "action": 3}, "must be a string"),
])
def test_a_bad_row_names_file_and_line(tmp_path, row, message):
    with pytest.raises(RuleError) as err:
        _load(tmp_path, [GOOD | {"phrase": "seized", "example": "They seized Tykhe."}, row])
    assert f"t.jsonl:2: " in str(err.value) and message in str(err.value)
    assert isinstance(err.value, FrontmapError) and isinstance(err.value, ValueError)


def test_duplicates_and_empty_tables_are_errors(tmp_path):
    with pytest.raises(RuleError, match=r"t.jsonl:2: duplicate of line 1"):
        _load(tmp_path, [GOOD, {**GOOD, "phrase": "Took  Control OF"}])
    (tmp_path / "e.jsonl").write_text("\n", encoding="utf-8")
    with pytest.raises(RuleError, match="empty"):
        load_table("e", classes={"action"}, folder=tmp_path)
    with pytest.raises(RuleError, match="cannot read"):
        load_table("missing", classes={"action"}, folder=tmp_path)


def test_case_and_apostrophes_are_one_attribute():
    assert normalise_phrase("ЗАЙШЛИ  в") == normalise_phrase("зайшли в")
    assert normalise_phrase("об’єкт") == normalise_phrase("об'єкт")


@pytest.mark.parametrize("row, message", [
    ({**GOOD, "phrase": "… took control"}, "stands between words"),
    ({**GOOD, "phrase": "took control …"}, "stands between words"),
    ({**GOOD, "phrase": "to*ok control"}, "a stem '*' ends a word"),
    ({**GOOD, "phrase": "took * control"}, "a stem '*' ends a word"),
    ({**GOOD, "phrase": "establish* … control", "example": "They established Tykhe under control."}, "does not hold"),
    ({**GOOD, "unless_next": "  "}, "unless_next is empty"),
])
def test_a_bad_patterned_row_names_file_and_line(tmp_path, row, message):
    with pytest.raises(RuleError) as err:
        _load(tmp_path, [GOOD | {"phrase": "seized", "example": "They seized Tykhe."}, row])
    assert "t.jsonl:2: " in str(err.value) and message in str(err.value)


def test_patterned_rows_load_and_say_what_they_are(tmp_path):
    rows = _load(tmp_path, [GOOD, {**GOOD, "phrase": "establish* … control", "example": "They established full control of Tykhe.",
                                   "unless_next": "Groups  units"}])
    assert not rows[0].patterned and not rows[0].unless_next
    assert rows[1].patterned and rows[1].unless_next == frozenset({"groups", "units"})


def test_a_gap_takes_no_name_and_a_stem_its_word():
    from geo.rules.matcher import read

    def actions(text):
        return [h.text for h in read(text) if h.table == "actions" and h.cls == "action"]

    assert actions("Russian forces took full control of Tykhe.") == ["took full control"]
    assert actions("Russian forces established control over Tykhe.") == ["established control"]
    # the gap never crosses a name: the place keeps its own cue before it
    assert actions("Russian forces took Tykhe under control.") == ["took"]
    # unless_next: a kind of weapon or unit, not an event
    assert actions("Russian attack helicopters struck Tykhe.") == ["struck"]
    assert actions("Russian forces attacked Tykhe.") == ["attacked"]
