"""Dates over a whole report (geo.discourse's date part): a daily summary's past day through its paragraph
and list, and the news day a lead names. The sentences are written for these tests in the genres' forms."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.discourse import date_paragraph, lead_date, paragraph_date, read_report

D = dt.date(2026, 3, 3)  # a Tuesday
DAY_BEFORE = dt.date(2026, 3, 2)


def _dates(text: str, report: dt.date = D) -> list[dt.date | None]:
    states = read_report(text)
    return [paragraph_date(text, states, k, report) for k in range(len(states))]


def test_a_strike_list_past_day_dates_the_rest_of_its_paragraph() -> None:
    # an oblast administration's morning summary, retold: "past day" stands after the speaker
    text = ("Начальник ОВА повідомив, що минулої доби росіяни обстріляли 20 населених пунктів. "
            "Під ударами були Берислав, Антонівка та Садове. Поранено двох людей.\n"
            "Вчора з області евакуювали 12 людей.")
    assert _dates(text) == [None, DAY_BEFORE, DAY_BEFORE, None]


def test_a_general_staff_past_day_retold_dates_the_places_that_follow() -> None:
    text = ("Речник угруповання зазначив, що минулої доби, за даними Генштабу, зафіксовано 12 штурмів. "
            "Ворог атакував поблизу Дробишевого та Зарічного.")
    assert _dates(text)[1] == DAY_BEFORE


def test_an_ordinary_date_named_further_on_still_dates_only_its_sentence() -> None:
    text = "Ворог активний на Лиманському напрямку. Вчора росіяни атакували Зарічне. Бої тривають біля Торського."
    assert _dates(text) == [None, None, None]


def test_a_colon_carries_the_date_into_the_list_below_it() -> None:
    text = ("Обстріли Запоріжжя\n"
            "Голова ОВА повідомив, що за минулу добу область атакували:\n"
            "- 90 дронів: Гуляйполе, Малинівка, Степногірськ;\n"
            "- 12 обстрілів з РСЗВ: Оріхів та Мала Токмачка;\n"
            "- 60 артобстрілів по Гуляйполю.\n"
            "Мирні жителі не постраждали.")
    states = read_report(text)
    assert [date_paragraph(text, states, k) for k in range(len(states))] == [0, 1, 1, 1, 1, 5]
    assert _dates(text) == [None, None, DAY_BEFORE, DAY_BEFORE, DAY_BEFORE, None]


def test_list_lines_without_an_introducing_colon_are_their_own_paragraphs() -> None:
    text = "Минулої доби ворог атакував область.\n- Гуляйполе: 10 ударів;\n- Оріхів: 4 удари."
    states = read_report(text)
    assert [date_paragraph(text, states, k) for k in range(len(states))] == [0, 1, 2]


def test_the_lead_names_the_news_day() -> None:
    # a wire story published on Saturday about Friday's blogger reports
    text = ("Russian forces near Kurakhove\n"
            "Military bloggers on Friday reported that Russian forces had entered the village of Sontsivka.\n"
            "Ukraine's General Staff said fighting was heaviest around Kurakhove and Pokrovsk.")
    saturday = dt.date(2024, 11, 9)
    assert lead_date(text, read_report(text), saturday) == (1, dt.date(2024, 11, 8))
    # an ISW retelling: the assessment's day, named in the lead
    text = ("ISW reports a Russian gain\n"
            "The Institute for the Study of War reported that Russian forces captured Krokhmalne on January 20.\n"
            "Russian troops also made a small push near Ivanivka.")
    assert lead_date(text, read_report(text), dt.date(2024, 1, 21)) == (1, dt.date(2024, 1, 20))


def test_a_lead_without_the_news_day_gives_none() -> None:
    # a date far before the report is background; a headline or byline is no lead
    text = ("Jan. 21, 2024\n"
            "Russian forces have pressed on Avdiivka since October 10 and now advance in the south of the town.\n"
            "Fighting went on near Stepove.")
    assert lead_date(text, read_report(text), dt.date(2024, 1, 22)) == (-1, None)
    assert lead_date("Fighting went on near Stepove on Friday.", read_report("x"), None) == (-1, None)


def test_the_lead_day_reaches_undated_events(gaz) -> None:
    from geo.extract import extract_text

    text = ("Bloggers report Russian gains\n\n"
            "Military bloggers on Friday reported that Russian forces had entered the village of Sontsivka "
            "near Kurakhove.\n\n"
            "Russian forces also advanced near Dachne, the bloggers said.")
    claims = extract_text(text, gaz, date=dt.date(2024, 11, 9))
    dachne = [c for c in claims if c.place == "Dachne" and c.role == "event"]
    assert dachne and {c.date for c in dachne} == {dt.date(2024, 11, 8)}
    assert any("the lead's" in w for c in dachne for w in c.why)


def test_a_strike_list_reaches_its_places(gaz) -> None:
    from geo.extract import extract_text

    text = ("Упродовж доби росіяни атакували 20 населених пунктів Херсонщини. Поранено двох людей.\n\n"
            "Минулої доби під ворожими обстрілами перебували Берислав, Антонівка, Садове та Дніпровське.")
    claims = extract_text(text, gaz, date=D)
    events = [c for c in claims if c.role == "event" and c.place in ("Берислав", "Антонівка", "Садове")]
    assert len({c.place for c in events}) == 3 and {c.date for c in events} == {DAY_BEFORE}


def test_an_undated_page_of_a_known_month_dates_its_written_days(tmp_path, gaz) -> None:
    from geo.extract import extract_report
    from geo.reports import read_reports

    page = tmp_path / "rewrite.txt"
    page.write_text("SOURCE: https://news.example.org/a | DATE: 2025-11 (undated page)\n"
                    "The chief of the General Staff reported on November 20th that the town of Kupiansk "
                    "had been captured.\nYesterday fighting went on near Kurylivka.\n", encoding="utf-8")
    (report,) = read_reports(page)
    assert report.date is None and report.month == (2025, 11)
    claims = extract_report(report, gaz)
    kupiansk = [c for c in claims if c.place == "Kupiansk" and c.role == "event"]
    assert kupiansk and {c.date for c in kupiansk} == {dt.date(2025, 11, 20)}
    # a relative day needs the report's own day: still unknown
    assert all(c.date is None for c in claims if c.place == "Kurylivka")


def test_a_dated_page_keeps_no_month(tmp_path) -> None:
    from geo.reports import read_reports

    page = tmp_path / "dated.txt"
    page.write_text("SOURCE: https://news.example.org/b | DATE: 2025-11-21\nFighting went on near Kurylivka.\n",
                    encoding="utf-8")
    (report,) = read_reports(page)
    assert report.date == dt.date(2025, 11, 21) and report.month is None


_ASSESSMENT = ("Russian forces recently advanced near Pokrovsk. Geolocated footage published on December 3 indicates "
               "that Russian forces advanced in southern Myrnohrad. Russian forces attacked near Rodynske on December 4. "
               "Ukrainian forces recently counterattacked near Shakhove.\n\n"
               "Russian forces continued offensive operations near Kostyantynivka but did not advance.")


def test_isw_own_assessment_dates_its_undated_events_on_its_own_day(gaz) -> None:
    from geo.extract import extract_report
    from geo.model import Report

    day = dt.date(2025, 12, 5)
    url = "https://understandingwar.org/research/russia-ukraine/russian-offensive-campaign-assessment-december-5-2025/"
    claims = extract_report(Report(text=_ASSESSMENT, date=day, url=url), gaz)
    dates = {c.place: c.date for c in claims if c.role == "event"}
    # the days the assessment writes date their events; a day in its lead dates the evidence it cites, not the
    # news of the sentences after it; and ISW's own page retells no assessment of the day before
    assert dates["Myrnohrad"] == dt.date(2025, 12, 3) and dates["Rodynske"] == dt.date(2025, 12, 4)
    assert dates["Pokrovsk"] == dates["Shakhove"] == dates["Kostyantynivka"] == day
    # a news page that retells it the morning after still dates them by the assessment it retells
    news = Report(text="The Institute for the Study of War reported that Russian forces advanced near Pokrovsk. "
                       "Ukrainian forces recently counterattacked near Shakhove.",
                  date=dt.date(2025, 12, 6), url="https://news.example.org/isw-russian-forces-advance")
    retold = {c.place: c.date for c in extract_report(news, gaz) if c.role == "event"}
    assert retold["Shakhove"] == dt.date(2025, 12, 5)


def test_a_news_page_retelling_isw_keeps_its_own_words_on_its_own_day(gaz) -> None:
    from geo.extract import extract_report
    from geo.model import Claimant, Report

    news = Report(text="The Institute for the Study of War reported that Russian forces advanced near Pokrovsk, "
                       "citing geolocated footage. Russian milbloggers claimed that Russian forces advanced near "
                       "Rodynske. The outlet's sources in the military report that Russian forces are advancing "
                       "within Shakhove.",
                  date=dt.date(2025, 12, 6), url="https://news.example.org/isw-russian-forces-advance")
    claims = {c.place: c for c in extract_report(news, gaz) if c.role == "event"}
    # ISW's and the sources it cites: the day of the assessment retold; the page's own sources: the page's day
    assert claims["Pokrovsk"].date == claims["Rodynske"].date == dt.date(2025, 12, 5)
    assert claims["Rodynske"].claimant is Claimant.RU_MILBLOGGER
    assert claims["Shakhove"].claimant is Claimant.MEDIA and claims["Shakhove"].date == dt.date(2025, 12, 6)


# --- a date after an aside that names who says it opens its paragraph (the aside is not the paragraph's opening)

_EARLIER = {"uk": "Сили оборони стримують ворога на сході, де він атакує на кількох напрямках одночасно.\n",
            "en": "Ukrainian forces hold back Russian troops in the east, where the enemy attacks on several axes.\n",
            "ru": "ВСУ сдерживают противника на востоке, где он атакует сразу на нескольких направлениях.\n"}


@pytest.mark.parametrize(("lang", "paragraph"), [
    ("uk", "За даними Генштабу, на Куп'янському напрямку вчора відбулося вісім боєзіткнень. "
           "Оборонці зупинили штурми у районі Петропавлівки та в бік Піщаного."),
    ("uk", "Як повідомили в Генштабі, вчора ворог атакував на Лиманському напрямку. "
           "Бої точилися поблизу Торського та Зарічного."),
    ("en", "According to the General Staff, yesterday Russian forces attacked 12 times in the Lyman direction. "
           "Ukrainian defenders repelled assaults near Torske and Zarichne."),
    ("ru", "По данным Генштаба ВСУ, вчера на Покровском направлении произошло 30 боев. "
           "Противник атаковал у Родинского и Белицкого."),
])
def test_a_date_after_an_attribution_aside_dates_its_paragraph(lang: str, paragraph: str) -> None:
    text = _EARLIER[lang] + paragraph
    # (the sentence that names the day is dated by its own words, not by its paragraph)
    assert _dates(text) == [None, None, DAY_BEFORE]


@pytest.mark.parametrize("paragraph", [
    # the words before the comma say what happened, not who says it: the date comes later in the sentence
    "Ворог активний на Лиманському напрямку, вчора росіяни атакували Зарічне. Бої тривають біля Торського.",
    "Russian forces pressed on near Lyman, and yesterday they attacked Zarichne. Fighting goes on near Torske.",
])
def test_a_date_after_a_clause_that_names_no_speaker_dates_only_its_sentence(paragraph: str) -> None:
    assert _dates(paragraph) == [None, None]


def test_the_aside_date_reaches_the_places_of_the_next_sentence(gaz) -> None:
    from geo.extract import extract_text

    text = _EARLIER["uk"] + ("\nЗа даними Генштабу, на Куп'янському напрямку вчора відбулося вісім боєзіткнень. "
                             "Оборонці зупинили штурми у районі Петропавлівки та в бік Піщаного.")
    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert {c.place for c in claims} >= {"Петропавлівки", "Піщаного"}
    assert {c.date for c in claims if c.place in ("Петропавлівки", "Піщаного")} == {DAY_BEFORE}


@pytest.mark.parametrize("opener", [
    "Минулої доби ворог обстріляв 14 населених пунктів.",
    "Впродовж доби окупанти завдали 812 ударів по 17 населених пунктах області.",
])
def test_a_strike_lists_short_first_line_dates_the_whole_post(gaz, opener: str) -> None:
    # an oblast administration's own post: a first line shorter than a lead, then its list in bullets and paragraphs
    from geo.extract import extract_text

    text = (opener + "\n\n▪️Ворог здійснив 5 авіаційних ударів по Гуляйполю та Оріхову.\n"
            "▪️Дрони атакували Лобкове і Щербаки.\n\nКуп'янський район. У Кучерівці пошкоджено будинок.")
    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert {c.place for c in claims} >= {"Гуляйполю", "Лобкове", "Кучерівці"}
    assert {c.date for c in claims} == {DAY_BEFORE}, [(c.place, c.date, c.why) for c in claims]


def test_a_short_first_line_without_a_summary_day_dates_nothing(gaz) -> None:
    from geo.extract import extract_text

    text = "Ворог обстріляв 14 населених пунктів.\n\nУ Кучерівці пошкоджено будинок."
    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert claims and {c.date for c in claims} == {D}


# --- the General Staff's "during the day", however retold, is the report's day

@pytest.mark.parametrize("text", [
    "Упродовж доби на Покровському та Лиманському напрямках відбулося п'ять боєзіткнень, повідомляє видання з "
    "посиланням на Генеральний штаб Збройних сил України. Ворог атакував поблизу Торського та Ямполя.",
    "За даними Генштабу ЗСУ, протягом доби ворог атакував поблизу Торського та Ямполя.",
    "Протягом доби на Лиманському напрямку ворог атакував поблизу Торського та Ямполя, повідомив Генштаб ЗСУ.",
])
def test_a_general_staff_summary_retold_keeps_the_report_day(gaz, text: str) -> None:
    from geo.extract import extract_text

    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert {c.place for c in claims} >= {"Торського", "Ямполя"}
    assert {c.date for c in claims if c.place in ("Торського", "Ямполя")} == {D}, [c.why for c in claims]


def test_an_oblast_administration_during_the_day_stays_the_day_before(gaz) -> None:
    from geo.extract import extract_text

    text = "Упродовж доби росіяни обстріляли Берислав та Антонівку, повідомив голова ОВА Олександр Прокудін."
    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert {c.date for c in claims if c.place in ("Берислав", "Антонівку")} == {DAY_BEFORE}


# --- a regional governor's morning list retold in English news: its past day dates the places told after it

_MORNING_LISTS = [
    # the governor named by an agency, then as the quotation's speaker after it
    ("Russian strikes on Kharkiv region\n\n"
     "Russian troops attacked the city of Kharkiv and seven settlements in the region, injuring a man.\n\n"
     "According to Ukrinform, Kharkiv Region Governor Oleh Syniehubov reported this on Telegram.\n\n"
     "\"Over the past day, the city of Kharkiv and seven settlements in the region were hit by enemy strikes,\" "
     "Syniehubov wrote.\n\n"
     "In the village of Kurylivka, a 60-year-old man was injured. In Kivsharivka, a private house was damaged.",
     ("Kurylivka", "Kivsharivka")),
    # a governor the speaker table does not name: the office by its seat, once Sumy is placed
    ("Russian strikes on Sumy region\n\n"
     "Russian troops attacked 12 settlements in Sumy region, injuring three people.\n\n"
     "According to Ukrinform, Sumy Region Governor Oleh Hryhorov reported this on Telegram.\n\n"
     "\"Over the past day, the enemy struck 12 settlements in the region,\" Hryhorov wrote.\n\n"
     "In the village of Yunakivka, a house was damaged. In Myropillia, a 50-year-old woman was injured.",
     ("Yunakivka", "Myropillia")),
    # the speaker first, the list in the quotation's paragraph and the next
    ("Kherson Region Governor Oleksandr Prokudin reported this on Telegram, according to Ukrinform.\n\n"
     "\"Over the past day, Russian forces shelled 25 settlements in the region,\" Prokudin wrote. The village of "
     "Bilozerka came under artillery fire.\n\n"
     "Drones attacked Sadove and Dniprovske.",
     ("Bilozerka", "Sadove", "Dniprovske")),
]


@pytest.mark.parametrize(("text", "places"), _MORNING_LISTS)
def test_a_morning_list_retold_dates_the_places_after_its_past_day(gaz, text: str, places: tuple[str, ...]) -> None:
    from geo.extract import extract_text

    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert {c.place for c in claims} >= set(places)
    assert {c.date for c in claims if c.place in places} == {DAY_BEFORE}, [c.why for c in claims if c.place in places]


def test_a_strike_told_before_the_morning_list_keeps_the_report_day(gaz) -> None:
    from geo.extract import extract_text

    # the news of the day first, then what the governor's summary of the past day had said
    text = ("Russian forces shelled the village of Odnorobivka at around 14:00, the governor said.\n\n"
            "According to him, a woman was injured in Cherkaski Tyshki.\n\n"
            "Earlier, Russian troops shelled 16 settlements in Kharkiv region over the past day, "
            "regional governor Oleh Syniehubov said.")
    claims = [c for c in extract_text(text, gaz, date=D) if c.role == "event"]
    assert {c.date for c in claims if c.place in ("Odnorobivka", "Cherkaski Tyshki")} == {D}


def test_a_day_the_aside_names_is_when_it_was_said() -> None:
    # "as the General Staff reported on the morning of March 3": the day of the report, not of the paragraph's events
    text = (_EARLIER["uk"] + "Як повідомляв Генштаб вранці 3 березня, ворог атакував на Лиманському напрямку. "
            "Бої точилися поблизу Торського та Зарічного.")
    assert _dates(text) == [None, None, None]
