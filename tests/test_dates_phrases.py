"""The relative-day table (geo/rules/day_phrases.jsonl): every row reads back from its example, and the
table is checked when it is loaded."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from frontmap.errors import RuleError
from geo import dates
from geo.dates import claim_date, date_and_scope, day_phrases
from geo.rules import normalise_phrase

REPORT = dt.date(2026, 3, 3)  # a Tuesday: no weekday in an example is this day


@pytest.mark.parametrize("row", day_phrases(), ids=lambda r: f"{r.line}:{r.phrase}")
def test_every_row_reads_back_from_its_example(row) -> None:
    # the example's date comes from this row: its phrase is what the scan matched, with its offset and scope
    matched = [m for m in dates._PATTERN.finditer(row.example) if (m.lastgroup or "").startswith("rel")]
    assert matched and normalise_phrase(matched[0].group()) == row.key, (row.line, row.phrase)
    expected = REPORT + dt.timedelta(days=int(row.get("offset")))
    assert date_and_scope(row.example, REPORT) == (expected, row.get("scope"))
    assert claim_date(row.example, REPORT) == expected


def test_every_phrase_passes_the_fast_gate() -> None:
    # the gate that spares sentences without a date word must let every phrase through
    for row in day_phrases():
        assert dates._scan_start(row.example) is not None, row.phrase


def _table(tmp_path: Path, **over) -> Path:
    row = {"phrase": "минулої доби", "lang": "uk", "class": "relative", "offset": "-1", "scope": "paragraph",
           "example": "Минулої доби ворог обстріляв Берислав."} | over
    (tmp_path / "day_phrases.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("over", "problem"),
    [
        ({"offset": "-7"}, "offset '-7' is not one of"),
        ({"scope": "report"}, "scope 'report' is not one of"),
        ({"class": "absolute"}, "class 'absolute'"),
        ({"phrase": ""}, "empty phrase"),
        ({"example": "Ворог обстріляв Берислав."}, "does not hold the phrase"),
        ({"phrase": "in the course of the past day", "lang": "en",
          "example": "In the course of the past day Kupiansk was shelled."}, "more than 4 words"),
    ],
)
def test_a_bad_row_is_an_error_naming_file_and_line(tmp_path: Path, over: dict, problem: str) -> None:
    folder = _table(tmp_path, **over)
    with pytest.raises(RuleError, match=problem) as info:
        day_phrases(folder)
    assert "day_phrases.jsonl:1" in str(info.value)


def test_a_missing_offset_is_an_error(tmp_path: Path) -> None:
    folder = _table(tmp_path)
    row = json.loads((folder / "day_phrases.jsonl").read_text(encoding="utf-8"))
    del row["offset"]
    (folder / "day_phrases.jsonl").write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(RuleError, match="missing field 'offset'"):
        day_phrases(folder)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a Ukrainian daily summary (oblast administration, General Staff) written on day D about D-1
        ("Минулої доби під ворожими обстрілами перебували Берислав, Садове та Антонівка.", dt.date(2026, 3, 2)),
        ("За минулу добу окупанти 40 разів атакували на Покровському напрямку.", dt.date(2026, 3, 2)),
        ("Упродовж доби росіяни вдарили по 18 населених пунктах Херсонщини.", dt.date(2026, 3, 2)),
        ("За добу ворог завдав 300 ударів по Запорізькій області.", dt.date(2026, 3, 2)),
        # an evening update counts the day it is written on
        ("Станом на 22:00 з початку доби відбулося 120 бойових зіткнень.", REPORT),
        # the Russian MoD bulletin's past day, in Russian and in English agency reprints: the bulletin's day
        ("За прошедшие сутки подразделения группировки «Центр» освободили Новое.", REPORT),
        ("Over the past 24 hours, Battlegroup Vostok liberated Zelenyi Hai, the ministry said.", REPORT),
        # a date written out wins over the phrase that follows it
        ("Станом на ранок 3 березня протягом доби зафіксовано 150 зіткнень.", REPORT),
    ],
)
def test_a_summary_past_day_by_language(sentence: str, expected: dt.date) -> None:
    assert claim_date(sentence, REPORT) == expected


@pytest.mark.parametrize("sentence, days", [
    # English news names the day before its news day as "the day before", "the previous day", "a day earlier"
    ("Illinka lies south of Novoselydivka, whose capture the ministry reported the day before.", 1),
    ("Kyiv said its forces had repelled 30 attacks near Selydove in the previous day.", 1),
    ("The ministry had announced the capture of Tsukuryne a day earlier.", 1),
    # a longer phrase that begins with a shorter one is read whole
    ("Russian drones struck Nikopol the day before yesterday.", 2),
])
def test_english_days_before_the_news_day(sentence: str, days: int) -> None:
    report = dt.date(2024, 11, 20)
    assert claim_date(sentence, report) == report - dt.timedelta(days=days)


@pytest.mark.parametrize("row", day_phrases(), ids=lambda r: f"{r.line}:{r.phrase}")
def test_every_row_reads_back_in_a_morning_summary(row) -> None:
    # said by a speaker whose daily summary comes out in the morning (a regional administration): the row's
    # morning_offset when it gives one, else its offset, whoever speaks
    days = int(row.get("morning_offset") or row.get("offset"))
    assert date_and_scope(row.example, REPORT, summary="morning") == (REPORT + dt.timedelta(days=days), row.get("scope"))


@pytest.mark.parametrize(("sentence", "morning"), [
    # the English "past day" of a governor's morning list is the day before; the Ukrainian one already is
    ("Over the past day, Russian forces shelled Vovchansk and Kupiansk.", dt.date(2026, 3, 2)),
    ("Russian troops hit Nikopol and Marhanets in the past 24 hours.", dt.date(2026, 3, 2)),
    ("Минулої доби ворог обстріляв Берислав і Антонівку.", dt.date(2026, 3, 2)),
    # an evening update's "since the day began" and a named day are what they are, whoever says them
    ("З початку доби ворог обстріляв Берислав.", REPORT),
    ("On March 1, Russian forces shelled Beryslav over the past day.", dt.date(2026, 3, 1)),
    ("Yesterday Russian drones hit Kherson.", dt.date(2026, 3, 2)),
    # a regional administration's morning count retold in Russian: the day before, as in Ukrainian
    ("За минувшие сутки оккупанты 40 раз обстреляли Степногорск и Малую Токмачку.", dt.date(2026, 3, 2)),
    ("В прошлые сутки враг атаковал Никополь и Марганецкую громаду.", dt.date(2026, 3, 2)),
])
def test_a_morning_summary_moves_only_the_phrases_that_say_so(sentence: str, morning: dt.date) -> None:
    assert date_and_scope(sentence, REPORT, summary="morning")[0] == morning


def test_a_bad_morning_offset_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = _table(tmp_path, morning_offset="-3")
    with pytest.raises(RuleError, match="morning_offset '-3' is not one of") as info:
        day_phrases(folder)
    assert "day_phrases.jsonl:1" in str(info.value)


@pytest.mark.parametrize("row", day_phrases(), ids=lambda r: f"{r.line}:{r.phrase}")
def test_every_row_reads_back_in_a_general_staff_summary(row) -> None:
    # said by a speaker whose summary is dated the day it comes out (the General Staff): the row's bulletin_offset
    # when it gives one, else its offset
    days = int(row.get("bulletin_offset") or row.get("offset"))
    expected = (REPORT + dt.timedelta(days=days), row.get("scope"))
    assert date_and_scope(row.example, REPORT, summary="bulletin") == expected


@pytest.mark.parametrize(("sentence", "unknown", "general_staff"), [
    # "during the day": an oblast administration's morning list counts the day before, the General Staff's summary
    # is dated the day it comes out
    ("Упродовж доби на Покровському та Лиманському напрямках відбулося 40 боєзіткнень.", dt.date(2026, 3, 2), REPORT),
    ("Протягом доби ворог 12 разів атакував позиції поблизу Торського.", dt.date(2026, 3, 2), REPORT),
    ("На Сіверському напрямку за добу відбито 25 штурмів біля Серебрянки.", dt.date(2026, 3, 2), REPORT),
    ("Упродовж останньої доби окупанти 30 разів обстріляли Гуляйполе.", dt.date(2026, 3, 2), REPORT),
    # the past day named as past, a day named outright and an evening update are what they are, whoever speaks
    ("Минулої доби ворог атакував біля Ямполя.", dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
    ("Вчора ворог атакував біля Ямполя.", dt.date(2026, 3, 2), dt.date(2026, 3, 2)),
    ("З початку доби відбулося 90 боєзіткнень.", REPORT, REPORT),
])
def test_the_general_staff_keeps_its_own_day(sentence: str, unknown: dt.date, general_staff: dt.date) -> None:
    assert date_and_scope(sentence, REPORT)[0] == unknown
    assert date_and_scope(sentence, REPORT, summary="bulletin")[0] == general_staff
    # a regional administration's morning summary reads the Ukrainian phrases as an unknown speaker's
    assert date_and_scope(sentence, REPORT, summary="morning")[0] == unknown


def test_a_bad_bulletin_offset_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = _table(tmp_path, bulletin_offset="+1")
    with pytest.raises(RuleError, match="bulletin_offset '\\+1' is not one of") as info:
        day_phrases(folder)
    assert "day_phrases.jsonl:1" in str(info.value)


def test_every_kind_of_summary_a_speaker_row_may_give_has_its_offsets() -> None:
    # the speaker tables' "summary" values (geo.rules.matcher) and the day phrases' fields for them are one list
    from geo.rules.matcher import TABLES

    assert TABLES["speakers"][1]["summary"] == frozenset(dates.SUMMARY_OFFSETS)
    assert TABLES["discourse"][1]["summary"] == frozenset(dates.SUMMARY_OFFSETS)


@pytest.mark.parametrize("row", [r for r in day_phrases() if r.get("counts_from")], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_phrase_that_counts_from_a_named_day_counts_from_it_in_a_list(row) -> None:
    # "A on Monday and B the previous day": the phrase's offset counts from the day the list named before it
    sentence = f"Войска вошли в Тихое 1 марта, а в Новое {row.phrase}."
    at = sentence.index("Новое")
    assert dates.item_date(sentence, at, REPORT) == dt.date(2026, 3, 1) + dt.timedelta(days=int(row.get("offset")))
    # alone in its sentence it counts from the report's day
    assert claim_date(row.example, REPORT) == REPORT + dt.timedelta(days=int(row.get("offset")))


def test_a_bad_counts_from_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    folder = _table(tmp_path, counts_from="report")
    with pytest.raises(RuleError, match="counts_from 'report' is not one of") as info:
        day_phrases(folder)
    assert "day_phrases.jsonl:1" in str(info.value)
