"""Dates: written forms, the report's date, and claim dates relative to it (geo.dates)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontmap.errors import DateError
from geo.dates import claim_date, find_report_date, parse_date
from geo.text import sentences

D = dt.date
REF = D(2025, 11, 25)  # a Tuesday


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("date 2025-11-20", D(2025, 11, 20)),
        ("2025-11-20", D(2025, 11, 20)),
        ("2025/11/20", D(2025, 11, 20)),
        ("2025-11-20T06:17:45Z", D(2025, 11, 20)),
        ("25/11/2025", D(2025, 11, 25)),
        ("05/11/2025", D(2025, 11, 5)),  # day first when ambiguous
        ("11/25/2025", D(2025, 11, 25)),  # US order only when the day makes it unambiguous
        ("25.11.2025", D(2025, 11, 25)),
        ("25.11.25", D(2025, 11, 25)),
        ("25-11-2025", D(2025, 11, 25)),
        ("November 23rd, 2025", D(2025, 11, 23)),
        ("Nov 23, 2025", D(2025, 11, 23)),
        ("Nov. 23, 2025", D(2025, 11, 23)),
        ("NOVEMBER 23, 2025", D(2025, 11, 23)),
        ("Sept. 3, 2025", D(2025, 9, 3)),
        ("23 November 2025", D(2025, 11, 23)),
        ("23rd of November 2025", D(2025, 11, 23)),
        ("23-Nov-2025", D(2025, 11, 23)),
        ("Tuesday, December 2, 2025", D(2025, 12, 2)),
        ("Wednesday 3 December 2025", D(2025, 12, 3)),
        ("Nov 24, 2025 at 16:21 UTC", D(2025, 11, 24)),
        ("(27/11)", D(2025, 11, 27)),
        ("Nov. 23", D(2025, 11, 23)),
        ("November 25, 1:06 PM", D(2025, 11, 25)),
        ("On November, 11th", D(2025, 11, 11)),
        ("23 ноября 2025 г.", D(2025, 11, 23)),
        ("23 ноября 2025 года", D(2025, 11, 23)),
        ("23 ноября", D(2025, 11, 23)),
        ("23 листопада 2025 року", D(2025, 11, 23)),
        ("29/02/2024", D(2024, 2, 29)),
        ("May 5", D(2025, 5, 5)),
    ],
)
def test_written_forms(written: str, expected: dt.date) -> None:
    assert parse_date(written, reference=REF) == expected


@pytest.mark.parametrize(
    ("written", "problem"),
    [
        ("31/02/2025", "does not exist"),
        ("29/02/2025", "does not exist"),
        ("13/13/2025", "does not exist"),
        ("November 31, 2025", "does not exist"),
        ("November 2025", "known form"),
        ("may 5", "known form"),
        ("yesterday", "relative"),
        ("on Saturday", "relative"),
        ("47.9", "known form"),
        ("", "known form"),
    ],
)
def test_not_dates(written: str, problem: str) -> None:
    with pytest.raises(DateError, match=problem) as info:
        parse_date(written, reference=REF)
    assert isinstance(info.value, ValueError)


def test_yearless_needs_reference() -> None:
    with pytest.raises(DateError, match="no year"):
        parse_date("(27/11)")
    with pytest.raises(DateError, match="no year"):
        parse_date("Nov. 23")


@pytest.mark.parametrize(
    ("written", "reference", "expected"),
    [
        ("December 30", D(2026, 1, 2), D(2025, 12, 30)),  # back across the new year
        ("January 2", D(2025, 12, 30), D(2026, 1, 2)),  # a few days ahead keeps the near year
        ("December 5", D(2025, 12, 3), D(2025, 12, 5)),
        ("December 20", D(2025, 12, 3), D(2024, 12, 20)),  # well after the report: last year's
        ("November 22", D(2025, 11, 23), D(2025, 11, 22)),
        ("29 February", D(2025, 3, 10), D(2024, 2, 29)),
    ],
)
def test_year_inference(written: str, reference: dt.date, expected: dt.date) -> None:
    assert parse_date(written, reference=reference) == expected


@pytest.mark.parametrize(
    ("sentence", "report", "expected"),
    [
        ("On November 22, the settlement of Zvanovka was liberated.", D(2025, 11, 23), D(2025, 11, 22)),
        ("the Russian Defense Ministry said on Saturday", D(2024, 9, 14), D(2024, 9, 14)),  # a Saturday itself
        ("the Russian Defense Ministry said on Sunday", D(2024, 6, 16), D(2024, 6, 16)),
        ("the ministry said on Thursday", D(2025, 11, 28), D(2025, 11, 27)),  # a Friday report
        ("the ministry said on Monday", D(2025, 11, 23), D(2025, 11, 17)),
        ("last Sunday they struck", D(2025, 11, 23), D(2025, 11, 16)),
        ("Friday's strike on Kherson", D(2025, 11, 23), D(2025, 11, 21)),
        ("Strikes hit Taganrog yesterday", D(2025, 11, 23), D(2025, 11, 22)),
        ("the day before yesterday they attacked", D(2025, 11, 23), D(2025, 11, 21)),
        ("Over the past 24 hours, Kupiansk was shelled", D(2025, 11, 23), D(2025, 11, 23)),
        ("Overnight drones hit Novorossiysk", D(2025, 11, 23), D(2025, 11, 23)),
        ("the deadline (27/11) passed", D(2025, 11, 28), D(2025, 11, 27)),
        ("fighting continued on February 20 and 21", D(2026, 2, 21), D(2026, 2, 20)),
        ("advanced on Nov. 23 near Tykhe", D(2025, 11, 25), D(2025, 11, 23)),
        ("The settlement fell on 25.11.2025.", None, D(2025, 11, 25)),
        ("Tuesday, December 2, 2025: talks in Moscow", D(2025, 12, 3), D(2025, 12, 2)),
        # a weekday before a number that is no day of a month keeps its own day; before a written date it leaves
        # the day to the date
        ("On Saturday, 58 combat clashes took place along the front.", D(2024, 3, 17), D(2024, 3, 16)),
        ("On Sunday, 12 drones were shot down over Sumy Oblast.", D(2024, 3, 19), D(2024, 3, 17)),
        ("В субботу, 40 атак отражено у Купянска.", D(2025, 11, 23), D(2025, 11, 22)),
        ("On Saturday, 15 March, Russian troops attacked Tykhe.", D(2025, 3, 17), D(2025, 3, 15)),
        ("On Friday 14.03.2025 drones hit Sumy.", D(2025, 3, 17), D(2025, 3, 14)),
        ("У середу, 5 березня, ворог атакував Степове.", D(2025, 3, 7), D(2025, 3, 5)),
        # a relative day set off from the written date it stands for leaves the day to the date (a retelling may come
        # out days later: its "the day before" counts from the statement, not from the page)
        ("Напередодні, 21 грудня, угруповання повідомило про атаки біля Родинського.", D(2025, 12, 23), D(2025, 12, 21)),
        ("Накануне (20 ноября) противник атаковал у Родинского.", D(2025, 11, 23), D(2025, 11, 20)),
        ("The day before, on November 20, the enemy attacked near Rodynske.", D(2025, 11, 23), D(2025, 11, 20)),
        ("Yesterday, November 21, Russian units advanced near Tykhe.", D(2025, 11, 23), D(2025, 11, 21)),
        ("Минулої доби, 21 листопада, ворог атакував Степове.", D(2025, 11, 23), D(2025, 11, 21)),
        ("Yesterday, 58 combat clashes took place along the front.", D(2025, 11, 23), D(2025, 11, 22)),
        # a summary's day phrase followed by the calendar day it counts, with no comma ("упродовж доби 26 лютого":
        # the day of 26 February) takes that day, however much later it is retold
        ("Упродовж доби 26 лютого на фронті відбулося 230 боєзіткнень.", D(2026, 2, 28), D(2026, 2, 26)),
        ("Протягом доби 25 лютого ворог атакував біля Родинського.", D(2026, 2, 28), D(2026, 2, 25)),
        ("Over the past day, Feb. 25, Russian forces attacked near Rodynske.", D(2026, 2, 28), D(2026, 2, 25)),
        ("Упродовж доби 12 разів атакували Степове.", D(2025, 11, 23), D(2025, 11, 22)),
        ("Напередодні 12 разів атакували Степове.", D(2025, 11, 23), D(2025, 11, 22)),
        ("вчера освобожден населенный пункт", D(2025, 11, 23), D(2025, 11, 22)),
        ("За прошедшие сутки противник потерял", D(2025, 11, 23), D(2025, 11, 23)),
        ("в субботу подразделения освободили", D(2025, 11, 23), D(2025, 11, 22)),
        ("в ночь на 22 ноября", D(2025, 11, 23), D(2025, 11, 22)),
        # "у ніч проти неділі": the weekday in the genitive after "проти" is the day the night ends on; a bare
        # genitive opens a span ("з суботи на неділю": the night ends on Sunday)
        ("У ніч проти неділі росіяни обстріляли Ківшарівку.", D(2024, 6, 3), D(2024, 6, 2)),
        ("У ніч проти суботи дрони атакували Печеніги.", D(2024, 6, 3), D(2024, 6, 1)),
        ("У ніч з суботи на неділю росіяни обстріляли Ківшарівку.", D(2024, 6, 3), D(2024, 6, 2)),
        # a Ukrainian daily summary's "past day" is the day before it (geo/rules/day_phrases.jsonl)
        ("За минулу добу відбито атаки", D(2025, 11, 23), D(2025, 11, 22)),
        ("З початку доби відбито атаки", D(2025, 11, 23), D(2025, 11, 23)),
        ("вчора ворог атакував", D(2025, 11, 23), D(2025, 11, 22)),
        ("Russian forces advanced last week", D(2025, 11, 23), None),
        ("in recent days Russian forces advanced", D(2025, 11, 23), None),
        ("On Monday the village was taken", None, None),
        ("Nov. 23 the village was taken", None, None),
        ("Russia may 5 times more", D(2025, 11, 23), None),
        ("Sundays are quiet", D(2025, 11, 23), None),
    ],
)
def test_claim_date(sentence: str, report: dt.date | None, expected: dt.date | None) -> None:
    assert claim_date(sentence, report) == expected


def test_a_known_month_gives_written_dates_their_year_only() -> None:
    month = (2025, 11)
    assert claim_date("Kupiansk fell on November 20th.", None, month=month) == D(2025, 11, 20)
    assert claim_date("Fighting began on 2 December near Kupiansk.", None, month=month) == D(2025, 12, 2)
    assert claim_date("Fighting went on yesterday near Kupiansk.", None, month=month) is None
    assert claim_date("On Friday the town fell.", None, month=month) is None
    # a report's own day wins over its month
    assert claim_date("Fighting went on yesterday.", D(2025, 11, 21), month=month) == D(2025, 11, 20)


def test_claim_date_on_real_mod_report(shared_dir: Path) -> None:
    from geo.reports import read_reports

    (report,) = read_reports(shared_dir / "eval" / "reports" / "mod_sputnik_20240914_zhelannoe_pervoe.txt")
    assert report.date == D(2024, 9, 14)
    said = [report.text[a:b] for a, b in sentences(report.text) if "said on Saturday" in report.text[a:b]]
    assert said
    assert {claim_date(s, report.date) for s in said} == {D(2024, 9, 14)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2025-11-20 The EU did not take part in drafting the plan, officials confirmed.", D(2025, 11, 20)),
        ("Published by @nsanzo ⋅ 25/11/2025\n\nA long article follows.", D(2025, 11, 25)),
        ("Headline\nPosted on November 24, 2025 by Yves Smith\nBody.", D(2025, 11, 24)),
        ("Body of the post.\nPosted by b on November 24, 2025 at 16:21 UTC | Permalink", D(2025, 11, 24)),
        ("Tuesday, December 2, 2025\n\nHeadline\n\nWORLD\nWednesday, December 3, 2025\nSource: ANA-MPA\n06:17:45\n", D(2025, 12, 3)),
        ("Deep State: two villages\nbyBohdan Ben\n26/04/2024\n1 minute read\n", D(2024, 4, 26)),
        ("Published - May 27, 2024 02:56 am IST - Moscow\n", D(2024, 5, 27)),
        ("ОБНОВЛЕНО 23 ноября 2025 г.\nТекст.", D(2025, 11, 23)),
    ],
)
def test_find_report_date(text: str, expected: dt.date) -> None:
    assert find_report_date(text) == expected


def test_find_report_date_ignores_prose_and_uses_default() -> None:
    prose = (
        "The war that Russia started on February 24, 2022 has now lasted for almost four years, and the front line "
        "kept moving on every axis through the autumn."
    )
    assert find_report_date(prose) is None
    assert find_report_date(prose, default=D(2025, 11, 1)) == D(2025, 11, 1)
    assert find_report_date("") is None


def test_find_report_date_yearless_header_needs_reference() -> None:
    text = "Contrasts of modern Donetsk\nNovember 25, 1:06 PM\n\nBody text."
    assert find_report_date(text) is None
    assert find_report_date(text, reference=D(2025, 11, 25)) == D(2025, 11, 25)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("000_fb35ba53c81eb480.txt", D(2025, 11, 20)),
        ("002_1796fb2bc10320de.txt", D(2025, 11, 20)),
        ("004_8486256e7e29eb59.txt", D(2025, 12, 3)),
        ("003_47a77cb9cd5e9aa2.txt", None),
    ],
)
def test_find_report_date_on_real_seeds(shared_dir: Path, name: str, expected: dt.date | None) -> None:
    text = (shared_dir / "seeds" / name).read_text(encoding="utf-8")
    assert find_report_date(text) == expected


# --------------------------------------------------------------------------- dates carried over


@pytest.mark.parametrize(
    ("sentence", "previous", "expected"),
    [
        # a quote that goes on with the statement the sentence before dated
        ("'Units liberated Berestove,' the ministry said.", "The defence ministry said Sunday it took a village.",
         D(2025, 11, 23)),
        ("It also said troops advanced near Lyman.", "The ministry said on Monday that Siversk fell.", D(2025, 11, 24)),
        ("According to the statement, units advanced near Lyman.", "On November 20, the ministry said Siversk fell.",
         D(2025, 11, 20)),
        # Ukrainian and Russian copy: a pronoun before its verb, the verb before it after a quotation, "according to him"
        ("Він також зазначив, що бої тривають біля Лимана.", "У понеділок речник заявив, що ворог атакував Сіверськ.",
         D(2025, 11, 24)),
        ("«Ворог атакує Лиман», – сказав він.", "У понеділок речник заявив, що ворог атакував Сіверськ.",
         D(2025, 11, 24)),
        ("По его словам, бои идут у Лимана.", "В понедельник военкор заявил, что бои идут в Северске.", D(2025, 11, 24)),
        # a body named by its kind, qualified by a lower-case word; not a body named by its name
        ("Units advanced near Lyman, the regional head noted.", "On Monday, Pushilin said Siversk fell.", D(2025, 11, 24)),
        ("The Ukrainian General Staff reported strikes on Lyman.", "On Monday, the ministry said Siversk fell.", None),
        # a date of its own wins
        ("On Tuesday, the ministry said, Lyman was struck.", "The ministry said on Monday that Siversk fell.", REF),
        # no back reference: a new statement, no date carried
        ("Russian troops advanced near Lyman.", "The ministry said on Monday that Siversk fell.", None),
        # nothing to carry
        ("'Units liberated Berestove,' the ministry said.", "The war goes on.", None),
    ],
)
def test_claim_date_carried_from_the_statement_before(sentence: str, previous: str, expected: dt.date | None) -> None:
    assert claim_date(sentence, REF, previous=previous) == expected


def test_claim_date_carried_on_real_news_report(shared_dir: Path) -> None:
    from geo.reports import read_reports

    (report,) = read_reports(shared_dir / "eval" / "reports" / "news_thehindu_20240527_berestove.txt")
    assert report.date == D(2024, 5, 27)
    spans = sentences(report.text)
    k = next(i for i, (a, b) in enumerate(spans) if "Berestove" in report.text[a:b])
    a, b = spans[k]
    prev = report.text[spans[k - 1][0] : spans[k - 1][1]]
    assert claim_date(report.text[a:b], report.date) is None  # its own sentence gives no day
    assert claim_date(report.text[a:b], report.date, previous=prev) == D(2024, 5, 26)  # "said Sunday"


# --------------------------------------------------------------------------- the quick test before a scan


def test_quick_test_never_refuses_a_sentence_with_a_date_expression() -> None:
    # _scan_start (None) spares a sentence the full scan: it must pass every text _PATTERN matches in
    import random
    import re

    from geo import dates

    words = sorted(set(re.findall(r"[^\W\d_]['’\w]+", dates._PATTERN.pattern)) - {"P"})
    phrases = ["the day before yesterday", "this morning", "last night", "этой ночью", "за прошедшие сутки",
               "за минулу добу", "last Friday", "over the past day", "(", ")", ",", "May", "Kupiansk"]
    rnd = random.Random(11)
    matched = 0
    for _ in range(20000):
        tokens = rnd.choices(words + phrases, k=rnd.randint(1, 5))
        tokens = [t.upper() if rnd.random() < 0.2 else t.capitalize() if rnd.random() < 0.2 else t for t in tokens]
        text = "".join(t + rnd.choice([" ", " ", ", ", "\u00a0", "-"]) for t in tokens)
        if dates._PATTERN.search(text):
            matched += 1
            assert dates._scan_start(text) is not None, text
    assert matched > 3000


def test_quick_test_on_real_reports(shared_dir: Path) -> None:
    from geo import dates

    paths = sorted((shared_dir / "eval" / "reports").glob("*.txt")) + sorted((shared_dir / "seeds").glob("*.txt"))
    assert len(paths) >= 20
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for a, b in sentences(text):
            if dates._PATTERN.search(text, a, b):
                assert dates._scan_start(text[a:b]) is not None, text[a:b]


def test_odd_folds_cover_every_letter_a_regex_folds_onto_a_date_word() -> None:
    import re

    from geo import dates

    letters = {c for word in dates._DATE_WORDS for c in word if c.isalpha()}
    same = re.compile("[" + "".join(sorted(letters)) + "]", re.IGNORECASE)
    odd = {chr(c) for c in range(0x110000) if same.match(chr(c)) and chr(c).lower() not in letters}
    assert odd <= dates._ODD_FOLDS, sorted(odd - dates._ODD_FOLDS)


def test_each_semicolon_item_keeps_its_own_day() -> None:
    # ISW's retrospective lists (retold in news): "seized A by <day>; B by <day>; and C by <day>"
    from geo.dates import item_date
    s = ("Russian troops reportedly seized Verkhnokamianske by 9 October 2024; Bilohorivka, 10 kilometers northeast, "
         "by 23 February 2025; and Serebrianka by 16 August 2025.")
    ref = dt.date(2025, 12, 22)
    assert item_date(s, s.index("Bilohorivka"), ref) == dt.date(2025, 2, 23)
    assert item_date(s, s.index("Serebrianka"), ref) == dt.date(2025, 8, 16)
    assert item_date(s, s.index("Verkhnokamianske"), ref) == dt.date(2024, 10, 9)
    # an item naming no day leaves the sentence's date to hold
    assert item_date("Russian forces attacked near Tykhe on May 3; north — near Novoye.", 50, dt.date(2025, 5, 4)) is None


@pytest.mark.parametrize("sentence, days", [
    # each item's day ends it: a retrospective list in English news
    ("Ukrainian troops retook Zarichne by September 24, Novoekonomichne by October 9, and Shakhove by October 11.",
     {"Zarichne": dt.date(2025, 9, 24), "Novoekonomichne": dt.date(2025, 10, 9), "Shakhove": dt.date(2025, 10, 11)}),
    # a think tank's map retold: the items joined by "and", the last by a comma
    ("The map also shows the capture of Nevelske on March 16, and pushes in Tonenke on March 15 and near Pervomaiske "
     "on Tuesday.", {"Nevelske": dt.date(2025, 3, 16), "Tonenke": dt.date(2025, 3, 15),
                      "Pervomaiske": dt.date(2025, 3, 18)}),
    # Russian gapping: each item opens with its day, the verb said once
    ("5 октября министерство сообщило об освобождении Тихого, 8 октября — Нового, 9 октября — Зеленого.",
     {"Тихого": dt.date(2025, 10, 5), "Нового": dt.date(2025, 10, 8), "Зеленого": dt.date(2025, 10, 9)}),
    # "2 числа": a day of the month without its name; a place joined by "и" shares its item's day
    ("1 октября взяты Крутой Яр и Вишневое, 2 числа - Верхнекаменское.",
     {"Крутой": dt.date(2025, 10, 1), "Вишневое": dt.date(2025, 10, 1), "Верхнекаменское": dt.date(2025, 10, 2)}),
    # a day phrase that counts from the day named before it
    ("The latest map shows advances north of Tykhe on Wednesday and in Novoye the previous day.",
     {"Tykhe": dt.date(2025, 10, 15), "Novoye": dt.date(2025, 10, 14)}),
])
def test_each_item_of_a_list_keeps_its_own_day(sentence: str, days: dict) -> None:
    from geo.dates import item_date, mention_date
    ref = dt.date(2025, 10, 18) if "March" not in sentence else dt.date(2025, 3, 20)  # a Saturday; a Thursday
    for name, day in days.items():
        assert item_date(sentence, sentence.index(name), ref) == day, name
        assert mention_date(sentence, sentence.index(name), ref) == day, name


@pytest.mark.parametrize("sentence, name", [
    # one day in the sentence: no list of days, the sentence's date holds
    ("On November 22, Russian troops took Tykhe and Novoye.", "Novoye"),
    # a weekday that heads its date, and a date that opens the sentence: one item
    ("On Tuesday, December 2, Russian forces entered Tykhe, and Novoye was shelled.", "Novoye"),
    # a span of days is no list: "on December 20 and 21"
    ("Officials reported on December 20 and 21 that Russian forces entered Tykhe overnight on December 19.", "Tykhe"),
    # a relative day other than one counting from a named day is the report's, no item's own
    ("Russian forces entered Tykhe on Monday, and drones struck Novoye overnight.", "Novoye"),
])
def test_a_sentence_without_a_list_of_days_has_no_item_day(sentence: str, name: str) -> None:
    from geo.dates import item_date
    assert item_date(sentence, sentence.index(name), dt.date(2025, 12, 24)) is None


@pytest.mark.parametrize("sentence, name, day", [
    # a milblog post retold in English: the background clause's day is its own event's, not the post's news
    ("Russian assault units have entered Dachne, which Ukrainian forces had held since July 17, a war correspondent "
     "wrote.", "Dachne", None),
    ("Russian units entered Dachne, a Russian war correspondent wrote, adding that the village had been under attack "
     "since July 17.", "Dachne", None),
    ("Russian units stormed into Zelenyi Hai, which Russia first claimed on July 17, according to Russian bloggers.",
     "Zelenyi Hai", None),
    # the place inside the clause keeps its day, and a day outside it still counts
    ("Fighting goes on near Dachne, where Russian troops entered Zelenyi Hai on July 17.", "Zelenyi Hai",
     dt.date(2025, 7, 17)),
    ("On July 19, Russian units entered Dachne, which they had stormed since July 17.", "Dachne", dt.date(2025, 7, 19)),
    ("Russian forces have been attacking Dachne since July 17, 2025, bloggers said; they entered Zelenyi Hai on "
     "July 18.", "Zelenyi Hai", dt.date(2025, 7, 18)),
])
def test_a_background_clause_does_not_date_the_place_it_hangs_on(sentence, name, day) -> None:
    from geo.dates import mention_date

    assert mention_date(sentence, sentence.index(name), dt.date(2025, 7, 20)) == day


@pytest.mark.parametrize("sentence, name, day", [
    # the place's event is the one its relative clause tells (the capture Moscow claimed): the clause's day dates it,
    # the main clause's day the rest
    ("Ukrainian units counterattacked south of Dachne, which Moscow claimed to have captured on Sunday, the brigade "
     "said on Tuesday.", "Dachne", dt.date(2025, 7, 20)),
    ("On Tuesday, Ukrainian troops held positions near Dachne, a village that Russia said it took on July 17.",
     "Dachne", dt.date(2025, 7, 17)),
    # a clause that names no day leaves the sentence's ("early this month" is no day)
    ("On Tuesday, Ukrainian troops held positions near Dachne, which Russia claimed early this month.", "Dachne",
     dt.date(2025, 7, 22)),
])
def test_a_place_whose_event_its_relative_clause_tells_takes_the_clause_day(sentence, name, day) -> None:
    from geo.dates import mention_date

    at = sentence.index(name)
    assert mention_date(sentence, at, dt.date(2025, 7, 22), relative=at + len(name)) == day
    # read as the main clause's place, the clause's day is its background
    assert mention_date(sentence, at, dt.date(2025, 7, 22)) in (None, dt.date(2025, 7, 22))


@pytest.mark.parametrize("text, expected", [
    # a page's stamp that runs into the lead's long first line dates the page
    ("27.02.2026 10:15 Упродовж доби 26 лютого на фронті зафіксовано 212 бойових зіткнень, повідомляє Генштаб "
     "у своєму ранковому зведенні за минулу добу.", dt.date(2026, 2, 27)),
    ("\n08 февраля 2026 в 11:36 За сутки 7 февраля российские войска атаковали позиции у Константиновки и "
     "Покровска, сообщили в Генштабе ВСУ в утреннем обзоре.", dt.date(2026, 2, 8)),
    # a long first line that opens with its own day, no stamp (no time nor label), dates nothing
    ("25 лютого 2026 року стало відомо, що Сили оборони відійшли з позицій біля села Рибне в Запорізькій "
     "області, повідомив речник угруповання в ефірі телемарафону.", None),
])
def test_find_report_date_reads_a_stamp_on_the_lead_line(text: str, expected) -> None:
    assert find_report_date(text) == expected
