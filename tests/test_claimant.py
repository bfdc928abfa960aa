"""geo.claims.claimant: who claims, in sentences written for these tests in the genres' form (real names and
places, invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at
from geo.discourse import read_report
from geo.model import Claimant
from geo.rules.lookup import lookup_rows
from geo.rules.matcher import rows


def _claimant(sentence: str, name: str, context: str = "") -> Claimant | None:
    return claim_at(sentence, name, context=context).claimant


@pytest.mark.parametrize("sentence, name, claimant", [
    # two levels of reported speech: the outlet relays a side's speaker, who claims
    ("The Moscow-installed governor Vladimir Saldo said Russian troops had entered Dniprovske, the state news "
     "agency TASS reported.", "Dniprovske", Claimant.RU_OFFICIAL),
    ("Reuters, citing the Russian Defence Ministry, said Russian troops had taken Tykhe.", "Tykhe", Claimant.RU_MOD),
    ("Ukraine's General Staff said its forces repelled an assault near Torske, the Kyiv Independent reported.",
     "Torske", Claimant.UA_GENERALSTAFF),
    # an outlet alone claims what it reports, and what it verified itself
    ("Russian troops took Tykhe, Reuters reported.", "Tykhe", Claimant.MEDIA),
    ("Reuters was able to verify the location of the video as near the village of Malynivka.", "Malynivka",
     Claimant.MEDIA),
])
def test_an_outlet_relaying_a_side_is_not_the_claimant(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_the_report_speaker_is_the_relayed_side_not_the_outlet() -> None:
    text = ("Denis Pushilin said Russian forces had raised a flag in Hirnyk, the news agency RIA Novosti reported.\n"
            "Fighting went on near Kurakhove.")
    assert [s.speaker.claimant for s in read_report(text)] == [Claimant.RU_OFFICIAL, Claimant.RU_OFFICIAL]


def test_a_caption_is_read_at_the_opening_of_a_long_line():
    """Whether a line opens with a caption is read from the phrases at its opening characters alone, alike to
    reading the whole line; a run-on line of thousands of characters costs no more."""
    from geo.claims.claimant import _OPENING, _is_caption
    from geo.rules.matcher import read_kinds

    def whole(text: str) -> bool:  # the reading of the whole text
        return any(not text[:h.start].strip(_OPENING) for h in read_kinds(text).get(("speech", "caption"), ()))

    tail = " Units liberated Tykhe (48.1234, 37.5678)." * 300
    lines = ["Фото: фрагмент мапи / DeepState", "«Photo: a fragment of the map", "— Screenshot of the DeepState map",
             "📷 Фото з відкритих джерел / Генштаб", "Ілюстративне фото: Генштаб ЗСУ", "Джерело фото: Генштаб",
             "Units liberated Tykhe. Photo: DeepState", "Colonelcassad", "", "   ", "Screenshot"]
    for line in lines:
        for text in (line, line + tail, line + "\n" + tail):
            assert _is_caption(text) == whole(text), text[:60]
    assert [_is_caption(line) for line in lines] == [True] * 6 + [False] * 4 + [True]


@pytest.mark.parametrize("sentence, name, claimant", [
    # the speaker's own channel is where the named speaker speaks, not a channel's voice of its own
    ("Российские подразделения продвигаются в Часовом Яре, сообщил в своем Telegram-канале глава ДНР Денис Пушилин.",
     "Часовом Яре", Claimant.RU_OFFICIAL),
    ("Russian troops have entered Yampil, Denis Pushilin said on his Telegram channel.", "Yampil", Claimant.RU_OFFICIAL),
    # the speaker named before its channel, its speech word and a word that makes the channel its own between them
    ("Глава ДНР Денис Пушилин заявил в Telegram-канале, что российские войска ведут бои за Плещеевку.",
     "Плещеевку", Claimant.RU_OFFICIAL),
    ("Минобороны России опубликовало в официальном Telegram-канале кадры боев у Тихого.", "Тихого",
     Claimant.RU_MOD),
    ("Пресс-служба Минобороны РФ в своем телеграм-канале сообщила о боях у Новоселовки.", "Новоселовки",
     Claimant.RU_MOD),
    # ... and a channel with no other speaker is still the channel's
    ("Штурмовики закрепились на окраине Северска, сообщили в Telegram-канале «Военная хроника».", "Северска",
     Claimant.RU_MILBLOGGER),
])
def test_a_speakers_own_channel_is_not_a_second_speaker(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


@pytest.mark.parametrize("row", [r for r in lookup_rows("bylines") if r.cls == "header"], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_header_row_opens_a_line_that_introduces_a_bodys_message(row) -> None:
    # "Message from the General Staff of the Armed Forces of Ukraine:": a long line, a header all the same (the
    # header rows of geo/rules/bylines.jsonl before "from" or "by"), its speaker the next lines'
    from geo.claims.claimant import _is_header

    assert len(row.example.split()) > 8 and _is_header(row.example), row.example
    assert not _is_header(row.example.replace(row.example.split()[0], "Shelling", 1))


@pytest.mark.parametrize("sentence, name, claimant", [
    # English news: a Ukrainian brigade speaks by its commander or its spokesperson, or as "the brigade"
    ("Speaking to a news site on May 3, the commander of the 110th Mechanized Brigade said Novoselivka had "
     "fallen to Russian forces.", "Novoselivka", Claimant.UA_OFFICIAL),
    ("A spokesperson for the 47th Mechanised Brigade told Suspilne that Russian troops attacked near Tykhe.",
     "Tykhe", Claimant.UA_OFFICIAL),
    ("The brigade said it had repelled an assault aimed at Shakhove, east of Dobropillia.", "Shakhove",
     Claimant.UA_OFFICIAL),
    # a brigade that does not speak is no speaker: the ministry claims ("units of the brigade", no speech word by it)
    ("Russia's Defence Ministry said its forces had taken Stepove.", "Stepove", Claimant.RU_MOD),
    # Ukrainian news: a battalion's or brigade's commander, a brigade's spokesman named after "за словами", a
    # spokesman of any command of the Defence Forces
    ("Командир батальйону розповів, що ворог зайшов до Торського.", "Торського", Claimant.UA_OFFICIAL),
    ("За словами речника 24-ї бригади, ворог атакував біля Торського.", "Торського", Claimant.UA_OFFICIAL),
    ("Речник Сил оборони Таврійського напрямку повідомив, що ворог атакував біля Степового.", "Степового",
     Claimant.UA_OFFICIAL),
    # ... and one the speech verb comes before, as Ukrainian and Russian word order has it (issue 13)
    ("Ворог атакував біля Торського, повідомив речник 24-ї бригади.", "Торського", Claimant.UA_OFFICIAL),
    ("Ворог атакував біля Торського, повідомили в 110 окремій механізованій бригаді.", "Торського",
     Claimant.UA_OFFICIAL),
    ("Ворог атакував біля Торського, розповів у коментарі речник бригади.", "Торського", Claimant.UA_OFFICIAL),
    # ... but not one a speech verb stands many words before
    ("Ворог атакував біля Торського, повідомили нам сьогодні вранці кілька бійців бригади.", "Торського", None),
    # ... and the General Staff and a war correspondent after "за даними", "по словам"
    ("За даними Генштабу ЗСУ, бої тривають біля Торського.", "Торського", Claimant.UA_GENERALSTAFF),
    ("По словам военкора, бои идут у Торского.", "Торского", Claimant.RU_MILBLOGGER),
    # Ukrainian news: a corps commander who denies a claim speaks
    ("Командир 9-го армійського корпусу заперечив, що росіяни зайшли до Торського.", "Торського",
     Claimant.UA_OFFICIAL),
    # commanders and units below the General Staff named by their kind: a battalion's commander with its kind between
    # the words, an assault battalion's post, the Assault Troops' commander (Ukrainian and English news)
    ("За словами командира штурмового батальйону, ворог атакував біля Торського.", "Торського",
     Claimant.UA_OFFICIAL),
    ("Про це повідомив 24-й окремий штурмовий батальйон, бійці якого зачистили Торське.", "Торське",
     Claimant.UA_OFFICIAL),
    ("Командувач штурмових військ повідомив, що ворог атакував біля Торського.", "Торського", Claimant.UA_OFFICIAL),
    ("The assault troops commander said Russian infantry attacked near Torske.", "Torske", Claimant.UA_OFFICIAL),
    ("A brigade spokeswoman said Russian infantry attacked near Torske.", "Torske", Claimant.UA_OFFICIAL),
    ("A Ukrainian battalion commander said Russian infantry attacked near Torske.", "Torske", Claimant.UA_OFFICIAL),
])
def test_a_ukrainian_unit_named_by_its_role_speaks(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_a_denial_names_the_report_speaker_until_someone_else_speaks() -> None:
    # the denier of the lead speaks the next sentences; the General Staff, named later, its own
    text = ("Командир 9-го армійського корпусу заперечив, що росіяни зайшли до центру Торського.\n"
            "Бої тривають біля Ямполя.\n"
            "За даними Генштабу ЗСУ, ворог 12 разів атакував у районах Серебрянки та Дронівки.")
    assert [s.speaker.claimant if s.speaker else None for s in read_report(text)] == [
        Claimant.UA_OFFICIAL, Claimant.UA_OFFICIAL, Claimant.UA_GENERALSTAFF]


def test_a_general_staff_summary_line_speaks_for_the_general_staff_after_another_speaker() -> None:
    # Ukrainian news: a grouping's spokesman, then the General Staff's figures for a direction, set apart
    text = ("Речник угруповання «Схід» заявив, що ворог відступив від Торського.\n"
            "- На Лиманському напрямку ворог 14 разів атакував в районах населених пунктів Торське, Ямпіль та у бік "
            "Дробишевого.")
    assert claim_at(text, "Ямпіль").claimant is Claimant.UA_GENERALSTAFF
    assert claim_at(text, "Торського").claimant is Claimant.UA_OFFICIAL


_ALONE = [r for r in rows("speakers") if r.get("speaks") == "alone"]


@pytest.mark.parametrize("row", _ALONE, ids=lambda r: r.phrase)
@pytest.mark.parametrize("after, context, claimant", [
    # the MoD bulletin's own words, or relayed in them by an outlet: the group of forces speaks for the ministry
    ("", "", Claimant.RU_MOD),
    (", сообщили в Минобороны России", "", Claimant.RU_MOD),
    (", сообщает ТАСС", "", Claimant.RU_MOD),
    # a person reports it in a reporting clause: the group is who acted, he claims it
    (", заявил в видеообращении глава Донецкой народной республики (ДНР) Денис Пушилин", "", Claimant.RU_OFFICIAL),
    (", сообщил губернатор Запорожской области Евгений Балицкий", "", Claimant.RU_OFFICIAL),
    # a quotation closed by a pronoun: the speaker named before says it
    ("», — сказал он", "Советник главы ДНР Игорь Кимаковский рассказал о боях. ", Claimant.RU_OFFICIAL),
])
def test_a_group_of_forces_is_who_acted_when_another_reports_it(row, after, context, claimant) -> None:
    sentence = row.example.rstrip(".") + after + "."
    if after.startswith("»"):
        sentence = "«" + sentence
    name = sentence.rstrip(".").split()[-1] if not after else row.example.rstrip(".").split()[-1]
    assert _claimant(sentence, name, context=context) is claimant, (sentence, name)


@pytest.mark.parametrize("text, name, claimant", [
    # Ukrainian news: a Ukrainian grouping of forces named in full speaks where a speech word names it, the verb
    # before or after it, in its sentence or in the one after ("Про це повідомило …")
    ("Угруповання військ «Схід» повідомило, що ворог атакував біля Дронівки.", "Дронівки", Claimant.UA_OFFICIAL),
    ("Ворог атакував біля Дронівки, повідомили в Угрупованні військ «Схід».", "Дронівки", Claimant.UA_OFFICIAL),
    ("Ворог атакував біля Дронівки.\nПро це повідомило Угруповання військ «Схід».", "Дронівки", Claimant.UA_OFFICIAL),
    # ... and an outlet citing it relays it
    ("Ворог атакував біля Дронівки.\nПро це повідомляє РБК-Україна з посиланням на Facebook Угруповання військ "
     "«Схід».", "Дронівки", Claimant.UA_OFFICIAL),
    # ... while a Russian grouping that acted, reported by the Russian ministry, is no speaker
    ("Підрозділи угруповання військ «Центр» захопили Ямпіль, повідомили в Міноборони РФ.", "Ямпіль",
     Claimant.RU_MOD),
])
def test_a_ukrainian_grouping_of_forces_speaks_with_a_speech_word(text: str, name: str, claimant: Claimant) -> None:
    assert claim_at(text, name).claimant is claimant


@pytest.mark.parametrize("sentence, name, claimant", [
    # English news retelling the MoD's results names a group of forces in quotation marks, or without "of forces":
    # the MoD reports what a group did, the group's results are its claim
    ("In Kharkiv region, the \u2018Sever\u2019 military group pushed Ukrainian troops out of Vovchansk, while the "
     "\u2018Zapad\u2019 group took Kurylivka and Kucherivka.", "Kucherivka", Claimant.RU_MOD),
    ("In Kharkiv region, the \u2018Sever\u2019 military group pushed Ukrainian troops out of Vovchansk.", "Vovchansk",
     Claimant.RU_MOD),
    ("Units of the \u201cVostok\u201d group took Uspenivka.", "Uspenivka", Claimant.RU_MOD),
    ("The Zapad group took Kurylivka.", "Kurylivka", Claimant.RU_MOD),
    # a speaker of another claimant named before the group with its own speech word says it: the group acted
    ("Pushilin said units of the Sever Group of Forces took Vovchansk.", "Vovchansk", Claimant.RU_OFFICIAL),
    ("По данным DeepState, группировка «Север» продвинулась у Волчанска.", "Волчанска", Claimant.DEEPSTATE),
    ("Как сообщил Пушилин, подразделения группировки «Центр» заняли Тихое.", "Тихое", Claimant.RU_OFFICIAL),
    # ... not an official named inside what the ministry said, and not the ministry itself
    ("Минобороны России заявило, что Пушилин посетил Донецк, а группировка «Центр» заняла Тихое.", "Тихое",
     Claimant.RU_MOD),
    ("Минобороны России сообщило, что подразделения группировки «Центр» заняли Тихое.", "Тихое", Claimant.RU_MOD),
])
def test_a_group_of_forces_is_the_ministrys_unless_another_speaker_introduces_it(sentence, name, claimant) -> None:
    assert _claimant(sentence, name) is claimant


@pytest.mark.parametrize("text, claimant", [
    # a quotation opened in an earlier sentence, a group of forces inside it: the quotation's speaker says what the
    # group did (the page may end before its closing clause)
    ("Военный эксперт Андрей Марочко сообщил, что бои идут у Торского.\n«Ситуация меняется быстро. Также "
     "наступает группировка войск «Запад», которая уже у Тихого», ", Claimant.RU_MILBLOGGER),
    # the ministry's bulletin quoted over two sentences: the group speaks for the ministry
    ("Минобороны России сообщило об успехах. «Подразделения группировки «Юг» улучшили положение. Подразделения "
     "группировки «Центр» заняли Тихое», — говорится в сообщении.", Claimant.RU_MOD),
])
def test_a_group_of_forces_in_a_quotation_opened_before_its_sentence_is_the_quotations(gaz, text, claimant) -> None:
    from geo.extract import extract_text

    claims = {c.place: c for c in extract_text(text, gaz)}
    assert claims["Тихого" if "Тихого" in claims else "Тихое"].claimant is claimant


def test_a_group_of_forces_named_by_the_speaker_of_a_reporting_clause_speaks() -> None:
    # "…, заявил представитель группировки «Восток»": the group (its spokesman) is the speaker named after the verb
    sentence = "ВСУ отошли от Успеновки, заявил представитель группировки «Восток» Александр Гордеев."
    assert _claimant(sentence, "Успеновки") is Claimant.RU_MOD


_NEWS = "https://example-news.com/world/a"


@pytest.mark.parametrize("row", [r for r in rows("speech") if r.cls == "background"], ids=lambda r: r.phrase)
def test_a_campaign_over_a_span_is_a_news_pages_own_background(row) -> None:
    from geo.model import Report

    # the example, a wire's own summing up after the side's claim: the page's outlet claims it, not the last speaker
    sentence = row.example
    name = next(w.strip(",.") for w in sentence.split()[1:] if w[:1].isupper())
    context = "Russia said on Monday its forces had captured Tsukuryne. "
    report = Report(text=context + sentence, url=_NEWS)
    assert claim_at(sentence, name, report=report, context=context).claimant is Claimant.MEDIA
    # said by a speaker named after it, or in its clause, it is the speaker's
    said = sentence.rstrip(".") + ", the General Staff said."
    assert claim_at(said, name, report=Report(text=said, url=_NEWS)).claimant is Claimant.UA_GENERALSTAFF


@pytest.mark.parametrize("sentence, name, claimant", [
    # a relative clause on the place, after the speaker's claim: the wire's aside
    ("Russia said on Monday it had captured Tsukuryne, near the city of Pokrovsk, where its forces have been "
     "advancing for weeks.", "Pokrovsk", Claimant.MEDIA),
    ("The ministry said Russian troops had taken Zhelanne, on the outskirts of Ocheretyne, a town which Russian "
     "forces have advanced toward in recent months.", "Ocheretyne", Claimant.MEDIA),
    # the speaker's own clause claims the captured village
    ("Russia said on Monday it had captured Tsukuryne, near the city of Pokrovsk, where its forces have been "
     "advancing for weeks.", "Tsukuryne", Claimant.RU_MOD),
    # no span: the speaker's words
    ("Russia said on Monday it had captured Tsukuryne, near Pokrovsk, where its forces are advancing.", "Pokrovsk",
     Claimant.RU_MOD),
])
def test_a_relative_clause_summing_up_a_campaign_is_the_wires(sentence, name, claimant) -> None:
    from geo.model import Report

    assert claim_at(sentence, name, report=Report(text=sentence, url=_NEWS)).claimant is claimant


@pytest.mark.parametrize("sentence, name, claimant", [
    # "citing", "according to" name the speaker after them: the seat of power right before one is a place
    ("TASS reported that Russian forces had taken Tykhe in eastern Ukraine, citing the defence ministry.", "Tykhe",
     Claimant.RU_MOD),
    ("Russian troops took Tykhe in eastern Ukraine, according to the Russian Defence Ministry.", "Tykhe",
     Claimant.RU_MOD),
    ("Drones hit Sumy in northern Ukraine and Belgorod in western Russia, according to Ukrainian officials.",
     "Belgorod", Claimant.UA_OFFICIAL),
    # a seat of power still speaks with a speech verb after it
    ("Russian troops took Tykhe, Moscow said, according to TASS.", "Tykhe", Claimant.RU_MOD),
])
def test_a_seat_before_a_source_word_does_not_speak(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_a_brigade_spokesman_named_after_a_paragraph_with_the_verb_first_speaks_for_it() -> None:
    # Ukrainian news: "Про це повідомив речник … бригади" closes the paragraph before it
    text = ("Ворог продовжує атакувати позиції біля Торецька. Усі штурми Сили оборони відбили.\n\n"
            "Про це в ефірі телемарафону повідомив речник 24 окремої механізованої бригади Іван Петренко.")
    speakers = [s.speaker.claimant.value if s.speaker else None for s in read_report(text, source=Claimant.MEDIA)]
    assert speakers == ["UA-official"] * 3


@pytest.mark.parametrize("sentence, name", [
    # English news retelling Russian milbloggers: the bloggers claim it, not the page
    ("Russian forces entered Dachne, according to Russian military correspondents.", "Dachne"),
    ("A Russian military correspondent wrote that assault units had stormed into Zelenyi Hai.", "Zelenyi Hai"),
    ("Russian military correspondents reported fighting on the outskirts of Oleksandro-Kalynove.", "Oleksandro-Kalynove"),
    ("Russian forces are fighting in the area of Shevchenko, according to Russian war correspondents.", "Shevchenko"),
])
def test_russian_military_correspondents_claim_for_the_milbloggers(sentence: str, name: str) -> None:
    from geo.model import Report

    assert claim_at(sentence, name, report=Report(text=sentence, url=_NEWS)).claimant is Claimant.RU_MILBLOGGER


@pytest.mark.parametrize("sentence, name", [
    ("Russian forces have liberated Popovka in the Sumy region, Russian Chief of the General Staff Valery Gerasimov said.",
     "Popovka"),
    ("Russian troops took Novopavlivka, Russian Chief of General Staff Valery Gerasimov said on Sunday.", "Novopavlivka"),
    ("The chief of Russia's general staff said Russian units had captured Urozhaine.", "Urozhaine"),
])
def test_a_general_staff_named_as_russias_is_no_ukrainian_general_staff(sentence: str, name: str) -> None:
    assert _claimant(sentence, name) is Claimant.RU_OFFICIAL


def test_a_named_blogger_heading_her_post_claims_it() -> None:
    # "Name: claim", the headline form of a blogger's post retold by a news site
    assert _claimant("Yulia Vityazeva: Russian forces liberated Mezhove and advanced near Hrodivka", "Mezhove") \
        is Claimant.RU_MILBLOGGER


@pytest.mark.parametrize("sentence, name, claimant", [
    # a Ukrainian command or unit that speaks is a Ukrainian official, in English and in Ukrainian copy
    ("The Southern Defence Forces stated that Russian troops attacked near Stepnohirsk.", "Stepnohirsk",
     Claimant.UA_OFFICIAL),
    ("Russian troops attacked near Mala Tokmachka, the Defense Forces of the South reported.", "Mala Tokmachka",
     Claimant.UA_OFFICIAL),
    ("Сили оборони півдня повідомили, що ворог атакував біля Степногірська.", "Степногірська",
     Claimant.UA_OFFICIAL),
    ("Командир 414-го окремого полку безпілотних систем заявив, що ворог зайшов до Костянтинівки.",
     "Костянтинівки", Claimant.UA_OFFICIAL),
    # the speaker named after the statement, in a reporting clause
    ("Ворог атакував біля Степногірська, – повідомили в Силах оборони півдня.", "Степногірська",
     Claimant.UA_OFFICIAL),
])
def test_a_ukrainian_command_or_unit_speaking_is_a_ukrainian_official(sentence: str, name: str,
                                                                      claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


@pytest.mark.parametrize("sentence, name, claimant", [
    # unnamed sources a side's state agency quotes speak for that side; the agency is the messenger
    ("Russian state news agency TASS on Friday quoted security sources as saying Russian forces had entered "
     "Novopavlivka.", "Novopavlivka", Claimant.RU_OFFICIAL),
    ("RIA Novosti, citing defence sources, said Russian units had reached the outskirts of Siversk.", "Siversk",
     Claimant.RU_OFFICIAL),
    # the agency alone claims what it reports
    ("TASS reported that Russian units had reached the outskirts of Siversk.", "Siversk", Claimant.MEDIA),
])
def test_sources_a_state_agency_quotes_speak_for_its_side(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_unnamed_sources_without_a_sided_agency_are_no_speaker() -> None:
    from geo.claims.claimant import _find_attributions
    text = "Security sources said Russian units had reached the outskirts of Siversk."
    assert [a.text for a in _find_attributions(text)] == []
    text = "Reuters, citing security sources, said Russian units had reached the outskirts of Siversk."
    assert [a.claimant for a in _find_attributions(text)] == [Claimant.MEDIA]


@pytest.mark.parametrize("sentence, name, claimant", [
    # English news machine-translated from Russian spells Ukrainian regional heads and their offices the Russian way
    ("Russian drones hit a house in Kivsharivka, Oleg Sinegubov said.", "Kivsharivka", Claimant.UA_OFFICIAL),
    ("Russian artillery shelled Podoly, Synegubov reported.", "Podoly", Claimant.UA_OFFICIAL),
    ("The enemy shelled Podoly, the head of the Kharkiv OVA said.", "Podoly", Claimant.UA_OFFICIAL),
    ("The enemy shelled Podoly, the chairman of the Kharkiv RMA said.", "Podoly", Claimant.UA_OFFICIAL),
    ("Russian artillery shelled Kivsharivka, the head of the Kupiansk city military administration said.",
     "Kivsharivka", Claimant.UA_OFFICIAL),
    ("The enemy shelled Vovchansk, the head of the Kharkiv Regional State Administration reported.", "Vovchansk",
     Claimant.UA_OFFICIAL),
])
def test_ukrainian_regional_heads_in_russian_spelling(sentence, name, claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_a_name_in_the_possessive_does_not_speak() -> None:
    # "Putin's army" names whose army it is; with a speech word the owner may still speak ("Zelensky's office said")
    assert _claimant("Putin's army shelled Kupiansk again overnight.", "Kupiansk") is None
    assert _claimant("Russian drones hit Kupiansk, Zelensky's office said.", "Kupiansk") is Claimant.UA_OFFICIAL


@pytest.mark.parametrize("sentence, name, claimant", [
    # English copy transliterates -ский/-ський as -sky, -skyi, -skyy, -skii or -skiy: each spelling is the official
    ("Zarichne is now under Russian control, Governor Yevgeny Balitskiy said on Telegram.", "Zarichne",
     Claimant.RU_OFFICIAL),
    ("Russian troops have entered Siversk, Igor Kimakovskii said on Sunday.", "Siversk",
     Claimant.RU_OFFICIAL),
    ("Commander-in-Chief Oleksandr Syrskyy said Ukrainian units were holding Kupiansk.", "Kupiansk",
     Claimant.UA_OFFICIAL),
    ("Russian assaults near Torske were repelled, Syrskiy said.", "Torske", Claimant.UA_OFFICIAL),
])
def test_an_officials_transliterated_name_speaks_in_each_spelling(sentence: str, name: str,
                                                                   claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


@pytest.mark.parametrize("sentence, name", [
    # the press as a whole, recapped by a Russian or Ukrainian outlet, is the media's claim
    ("Ранее СМИ сообщали, что российские войска вошли в Тихое.", "Тихое"),
    ("Раніше ЗМІ повідомляли, що росіяни просунулися біля Торського.", "Торського"),
])
def test_the_press_recapped_in_russian_or_ukrainian_is_the_media(sentence: str, name: str) -> None:
    assert _claimant(sentence, name) is Claimant.MEDIA


@pytest.mark.parametrize("sentence, name, context, claimant", [
    # a Telegram channel named in an English retelling speaks; the forces of its clause are what it tells of
    ("According to the Telegram channel 'Frontline Notes', Russian units have cleared the village of Stupochky.",
     "Stupochky", "", Claimant.RU_MILBLOGGER),
    ("The channel further stated that Russian forces had now entered Kostiantynivka.", "Kostiantynivka", "",
     Claimant.RU_MILBLOGGER),
    # a speaker's own channel is where he speaks: he claims; so does a channel named right after its owner
    ("The DeepState Telegram channel reported that Russian forces had captured Tykhe.", "Tykhe", "",
     Claimant.DEEPSTATE),
    ("Prokudin wrote on his Telegram channel that Russian artillery shelled Antonivka.", "Antonivka", "",
     Claimant.UA_OFFICIAL),
    # Russian and Ukrainian name a channel's owner after it: a ministry named before the channel word is what the
    # channel is linked to, and the channel speaks
    ("Про це повідомив пов'язаний з Міноборони РФ Telegram-канал «Північний фронт»: росіяни відійшли від Петропавлівки.",
     "Петропавлівки", "", Claimant.RU_MILBLOGGER),
    # a journalist quoted by name speaks for the press, whoever retells him
    ("Journalist and reservist Ivan Petrenko confirmed that Ukrainian units had retaken Robotyne.", "Robotyne",
     "ISW assessed that fighting continued near Robotyne. ", Claimant.MEDIA),
    # the DPR's head named by his office, after a milblogger's channel in the sentence before
    ("Бои идут у Молодецкого, подчеркнул глава ДНР.", "Молодецкого",
     "Военкор сообщил о боях у Северска в своем Telegram-канале. ", Claimant.RU_OFFICIAL),
])
def test_a_speaker_named_in_the_sentence_claims_over_the_context(sentence, name, context, claimant) -> None:
    assert _claimant(sentence, name, context=context) is claimant


@pytest.mark.parametrize("sentence, name, context, claimant", [
    # officials of either side named with their speech verb claim over the speaker of the sentence before: the Chechen
    # leader, occupation heads in Ukrainian transliteration, Ukrainian regional heads and spokesmen
    ("Kadyrov said on Sunday that Russian forces had seized the border village of Ryzhivka.", "Ryzhivka",
     "Ukrainian President Volodymyr Zelensky said on Saturday that fighting continued in the east. ",
     Claimant.RU_OFFICIAL),
    ("According to Alaudinov, Akhmat fighters entered Tetkino.", "Tetkino",
     "Syrskyi said Ukrainian units held their positions. ", Claimant.RU_OFFICIAL),
    ("Pushylin claimed that Russian troops had entered Siversk.", "Siversk",
     "The General Staff said Ukrainian forces repelled 12 assaults. ", Claimant.RU_OFFICIAL),
    ("Russian drones struck Stepnohirsk overnight, Fedorov said.", "Stepnohirsk",
     "Balitsky said Russian units advanced in the region. ", Claimant.UA_OFFICIAL),
    ("Hryhorov said Russian artillery shelled Krasnopillia twice.", "Krasnopillia",
     "Gladkov said Ukrainian drones struck the region. ", Claimant.UA_OFFICIAL),
    ("Voloshin claimed that Russian forces had not advanced near Lyptsi.", "Lyptsi",
     "Peskov said the operation was going to plan. ", Claimant.UA_OFFICIAL),
])
def test_a_named_official_claims_over_the_speaker_carried_from_before(sentence, name, context, claimant) -> None:
    assert _claimant(sentence, name, context=context) is claimant


def test_a_named_official_claims_over_the_reports_speaker(gaz) -> None:
    import datetime as dt

    from geo.extract import extract_text

    text = ("Ukrainian President Volodymyr Zelensky said on Saturday that the situation in the east was difficult.\n\n"
            "Chechen leader Ramzan Kadyrov said on Sunday that Russian forces had seized the border village of "
            "Ryzhivka.\n\nA local official later said Russian troops shelled Bilopillia.")
    claims = {c.place: c for c in extract_text(text, gaz, source="https://news.example.com/a/1",
                                               date=dt.date(2024, 6, 10)) if c.role == "event"}
    assert claims["Ryzhivka"].claimant is Claimant.RU_OFFICIAL, claims["Ryzhivka"].why


@pytest.mark.parametrize("sentence, name", [
    # English copy of Ukrainian official reports names a regional prosecutor's office as its source mid-sentence
    ("On 3 March, the armed forces of the Russian Federation, according to the prosecutor's office, launched an air "
     "strike on the village of Velykyi Burluk.", "Velykyi Burluk"),
    ("Russian troops shelled Kupiansk twice, the Kharkiv Regional Prosecutor's Office reported on Telegram.",
     "Kupiansk"),
    ("According to the Prosecutor General's Office, Russian drones struck Bilozerka.", "Bilozerka"),
    # the commands of Ukraine's forces as English reprints of their statements name them
    ("Russian troops attacked near Prymorske, Operational Command South reported on Facebook.", "Prymorske"),
    ("The Operational Task Force East reported on Facebook that Russian troops attacked near Kamianske.",
     "Kamianske"),
    ("The Operational Strategic Group Khortytsia said Russian troops attacked near Lyman.", "Lyman"),
    ("Russian forces attacked near Siversk, OSG Khortytsia said.", "Siversk"),
    ("Russian troops attacked near Stepove, the Defense Forces of Southern Ukraine said on Facebook.", "Stepove"),
])
def test_a_ukrainian_office_or_command_named_by_english_copy_speaks(sentence: str, name: str) -> None:
    assert _claimant(sentence, name) is Claimant.UA_OFFICIAL


@pytest.mark.parametrize("context, claimant", [
    # a report noun named again ("…," the statement said) is the statement of the speaker named before it; with no one
    # named before, the ministry's bulletin
    ("The Operational Task Force East reported this on Facebook. ", Claimant.UA_OFFICIAL),
    ("The DeepState Telegram channel reported that Russian units advanced. ", Claimant.DEEPSTATE),
    ("", Claimant.RU_MOD),
])
def test_a_statement_named_again_is_the_earlier_speakers(context: str, claimant: Claimant) -> None:
    sentence = "'Over the past day the enemy attacked near Kamianske 14 times,' the statement said."
    assert _claimant(sentence, "Kamianske", context=context) is claimant


def test_a_headline_and_a_reprinted_statement_are_the_commands(gaz) -> None:
    import datetime as dt

    from geo.extract import extract_text

    text = ("Russians tried to break through near Stepove and Prymorske\n\n"
            "The Operational Task Force East reported this on Facebook, the agency reports.\n\n"
            '"Over the past day, the enemy carried out 14 assaults near Kamianske and Mali Shcherbaky. All of them '
            'were repelled," the statement said.')
    claims = [c for c in extract_text(text, gaz, source="https://news.example.ua/a/1", date=dt.date(2025, 6, 1))
              if c.role == "event"]
    assert {c.place for c in claims} >= {"Stepove", "Prymorske", "Kamianske"}
    assert {c.claimant for c in claims} == {Claimant.UA_OFFICIAL}, [(c.place, c.why) for c in claims]


def test_as_indicated_goes_on_in_the_last_speakers_words(gaz) -> None:
    import datetime as dt

    from geo.extract import extract_text

    # "as indicated" refers back to the speaker named last (the prosecutor's office), not the report's first one
    text = ("Russian forces have taken Kamianske, Balitsky claimed.\n\n"
            "On 3 March, the armed forces of the Russian Federation, according to the prosecutor's office, launched an "
            "air strike on the village of Velykyi Burluk.\n\n"
            "As indicated, an enemy drone hit a car near Kupiansk.")
    claims = {c.place: c for c in extract_text(text, gaz, source="https://news.example.ua/a/1",
                                               date=dt.date(2025, 3, 3)) if c.role == "event"}
    assert claims["Kupiansk"].claimant is Claimant.UA_OFFICIAL, claims["Kupiansk"].why


@pytest.mark.parametrize("sentence, name, claimant", [
    # a channel named in quotation marks with its speech verb right after them (English retellings of Russian channels):
    # a Russian channel, unless the channels table knows it as another's
    ("'Muchnoy' also confirms reports that Russian units entered Tykhe.", "Tykhe", Claimant.RU_MILBLOGGER),
    ("“Grey Zone” writes that our troops cleared Stupochky.", "Stupochky", Claimant.RU_MILBLOGGER),
    ('"MoD Russia" reports that Russian units liberated Tykhe.', "Tykhe", Claimant.RU_MOD),
    # a quoted group named in an appositive (a comma before the verb) is no channel
    ("Nazar Voloshin, a spokesman of the group of forces 'Khortytsia', claimed that Russian troops did not advance near "
     "Lyptsi.", "Lyptsi", Claimant.UA_OFFICIAL),
])
def test_a_channel_named_in_quotation_marks_speaks(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


def test_our_troops_are_the_quoted_channels_side() -> None:
    c = claim_at("“Two Majors” writes that our troops entered Stupochky.", "Stupochky")
    assert (c.claimant, c.actor) == (Claimant.RU_MILBLOGGER, "RU")


@pytest.mark.parametrize("sentence, name, claimant", [
    # a generic speaker that is only the subject of what another says is no speaker; one with its own verb speaks
    ("The analytical portal also alleges some Ukrainian commanders are submitting inaccurate reports regarding "
     "Berestky, which has reportedly fallen under Russian control.", "Berestky", Claimant.DEEPSTATE),
    ("The channel alleges that Ukrainian officials are hiding the loss of Tykhe in their reports.", "Tykhe",
     Claimant.RU_MILBLOGGER),
    ("Reuters said Ukrainian officials confirmed that Russian troops took Tykhe.", "Tykhe", Claimant.UA_OFFICIAL),
])
def test_a_speaker_noun_in_a_reported_clause_is_its_topic(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claimant(sentence, name) is claimant


@pytest.mark.parametrize("sentence, name, claimant", [
    # wire copy: the side's claim, then an appositive naming it as a claim the other side denies
    ("Russia said on Monday its troops had seized Tabaivka in the Kharkiv region, a claim Kyiv has denied.",
     "Tabaivka", Claimant.RU_MOD),
    ("Russia said its forces had taken Zaporizke, a claim that Ukraine's military rejected.", "Zaporizke",
     Claimant.RU_MOD),
    ("Ukraine's General Staff said its forces had retaken Robotyne, a claim the Russian defence ministry denied.",
     "Robotyne", Claimant.UA_GENERALSTAFF),
    # a speaker after the place with no claim noun before it still speaks for it
    ("Russian troops captured Tabaivka, Kyiv said.", "Tabaivka", Claimant.UA_OFFICIAL),
])
def test_a_speaker_commenting_on_a_claim_named_as_such_does_not_make_it(sentence: str, name: str,
                                                                       claimant: Claimant) -> None:
    c = claim_at(sentence, name)
    assert c.claimant is claimant, (c.claimant, c.why)
