"""geo.discourse: the report state (speaker, open list, date scope), and every row of its table read back."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.claims import analyse_mention
from geo.discourse import _DEFAULTED, CLASSES, apply_report_state, find_markers, lead_date, markers, paragraph_date, read_report
from geo.model import Action, Claim, Claimant, Report
from geo.rules.lookup import lookup_rows
from geo.rules.matcher import rows

#: the table's rows, and the speech words that make a speaker the report's (speech.jsonl, scope "report")
ROWS = markers() + tuple(r for r in rows("speech") if r.get("scope") == "report")

# a sentence before a row's example, per language: a list to continue, places to come back to, a speaker
OPENS = {"en": "Russian forces liberated three settlements.",
         "ru": "Российские войска освободили три населенных пункта.",
         "uk": "Українські сили відбили атаки біля трьох населених пунктів."}
OPENED = {"en": Action.CAPTURED, "ru": Action.CAPTURED, "uk": Action.REPELLED}
REPELS = {"en": "Ukrainian forces repelled a counterattack.", "ru": "Подразделения отразили контратаку противника.",
          "uk": "Захисники відбили контратаку ворога."}
PLACES = {"en": "Russian forces shelled Tykhe and Novoye.", "ru": "Войска обстреляли Тихое и Новое.",
          "uk": "Росіяни обстріляли Тихе та Нове."}
ATTACKS = {"en": "The enemy attacked near Tykhe and Novoye.", "ru": "Противник атаковал в районах Тихого и Нового.",
           "uk": "Ворог атакував поблизу Тихого та Нового."}
SPOKEN = {"en": "Russian forces took Tykhe, the Russian Defence Ministry said.",
          "ru": "Войска освободили Тихое, сообщили в Минобороны России.",
          "uk": "Бої тривали біля Торського, повідомляє Генштаб ЗСУ."}


@pytest.mark.parametrize("row", ROWS, ids=lambda r: f"{r.table}:{r.line}:{r.cls}:{r.phrase}")
def test_every_row_reads_back(row):
    """Each row's example holds its marker, and the marker does what its class says."""
    assert any(m.rule == row for m in find_markers(row.example)), f"{row.table}.jsonl:{row.line}: not found"
    if row.cls == "speaker":
        # the speaker it names carries to the next sentence
        states = read_report(row.example + "\nFighting continued near Tykhe.")
        assert [s.speaker.claimant.value for s in states] == [row.get("claimant")] * 2
    elif row.cls == "dateline":
        states = read_report(row.example)
        assert states[-1].speaker is not None and states[-1].speaker.weak
        assert states[-1].speaker.claimant.value == row.get("claimant")
    elif row.table == "speech":
        # a speaker named beside a speech word speaks; with the word gone, it does not (inside a
        # paragraph: a short line of its own that names a speaker is a header, and speaks anyway)
        assert read_report("Tykhe. " + row.example)[1].speaker is not None
        marker = next(m for m in find_markers(row.example) if m.rule == row)
        bare = row.example[:marker.start] + row.example[marker.end:]
        if not any(m.cls in ("speech", "backref") for m in find_markers(bare)):
            assert read_report("Tykhe. " + bare)[1].speaker is None
    elif row.cls == "backref":
        # named after the fact: the speaker reaches back to the sentence before
        states = read_report("Fighting continued near Tykhe. " + row.example)
        assert states[0].speaker is not None and states[0].speaker == states[1].speaker
    elif row.cls == "reset":
        # the outlet's reminder: the report's speaker does not speak in its paragraph, the outlet does
        states = read_report(SPOKEN[row.lang] + "\n" + row.example)
        assert states[0].speaker is not None and states[1].speaker.claimant is Claimant.AUTHOR
        news = read_report(SPOKEN[row.lang] + "\n" + row.example, source=Claimant.MEDIA)
        assert news[1].speaker.claimant is Claimant.MEDIA
    elif row.cls == "continuation":
        # a paragraph that opens with it goes on with the previous paragraph's speaker (past a caption
        # line), where another paragraph falls back to the report's speaker
        head = ("Russian forces took Tykhe, the Russian Defence Ministry said.\n"
                "Fighting went on near Torske, Ukraine's General Staff said.\nФото: карта / DeepState\n")
        states = read_report(head + row.example)
        assert states[-1].speaker.claimant is Claimant.UA_GENERALSTAFF
        assert read_report(head + "The enemy attacked near Lysivka.")[-1].speaker.claimant is Claimant.RU_MOD
    elif row.cls == "list" and row.get("noun") == "clash":
        # an event noun places the clash told before it, not a capture
        states = read_report(REPELS[row.lang] + " " + row.example)
        assert states[1].listing is not None and states[1].listing.action is Action.REPELLED
        assert read_report(OPENS[row.lang] + " " + row.example)[1].listing is None
    elif row.cls == "list":
        states = read_report(OPENS[row.lang] + " " + row.example)
        assert states[1].listing is not None and states[1].listing.action is OPENED[row.lang]
        assert row.example[states[1].listing.start - 1:].strip()  # the members come after the opener
    elif row.cls == "anaphor":
        states = read_report(PLACES[row.lang] + " " + row.example)
        assert states[0].listing is not None and states[0].listing.action is Action.FIGHTING
    elif row.cls == "closing":
        # the speaker after the mark closes a retold summary: it spoke the unattributed sentence before it too,
        # where a comma in its place (and no speech word) names no one
        states = read_report(row.example)
        assert states[0].speaker is not None and states[0].speaker == states[-1].speaker
        marker = next(m for m in find_markers(row.example) if m.rule == row)
        bare = row.example[:marker.start] + "," + row.example[marker.start + len(row.key):]
        if not any(m.cls == "speech" for m in find_markers(bare)):
            assert read_report(bare)[0].speaker is None
    elif row.cls == "outcome":
        # the outcome of the sentence before in its paragraph, not of one in another paragraph
        states = read_report(ATTACKS[row.lang] + " " + row.example)
        assert states[0].outcome is not None and states[0].outcome.action is Action.REPELLED
        assert states[0].outcome.again == 1
        assert read_report(ATTACKS[row.lang] + "\n" + row.example)[0].outcome is None
    else:  # pragma: no cover - a class without a test is an error
        pytest.fail(f"no read-back test for class {row.cls}")


def test_the_table_covers_every_class():
    assert {r.cls for r in markers()} == set(CLASSES)


def test_the_lead_speaker_carries_until_another_speaks():
    text = ("Russian troops attacked near Torske, Ukraine's General Staff said in its morning summary.\n"
            "Fighting continued near Serebrianka.\n"
            "DeepState reported that Russian troops entered Tykhe. They also advanced near Novoye.\n"
            "Ukrainian forces repelled an assault near Yampolivka.")
    who = [s.speaker.claimant.value for s in read_report(text)]
    # a speaker named in a later paragraph holds to the end of it; then the lead's speaker again
    assert who == ["UA-GeneralStaff", "UA-GeneralStaff", "DeepState", "DeepState", "UA-GeneralStaff"]


def test_a_source_that_speaks_for_itself_keeps_the_report():
    text = ("Gerasimov claimed that Russian forces had seized Kupiansk, the Kremlin said.\n"
            "Fighting continued near Kupiansk-Vuzlovyi.")
    assert [s.speaker.claimant.value for s in read_report(text)] == ["RU-official", "RU-official"]
    assert [s.speaker.claimant.value for s in read_report(text, source=Claimant.ISW)] == ["RU-official", "ISW"]


def test_a_new_speaker_in_the_sentence_is_not_overridden():
    text = "Russian troops took Tykhe, the Russian Defence Ministry said. Ukraine's General Staff said fighting went on."
    assert [s.speaker.claimant.value for s in read_report(text)] == ["RU-MoD", "UA-GeneralStaff"]


@pytest.mark.parametrize("text, claimant", [
    # an excerpt that begins mid-article: "according to him", and the speaker is named in the next paragraph
    ("По его словам, российские войска заняли позиции у Торского и Ставков, передает ТАСС.\n"
     "Марочко сообщил, что бои идут на краснолиманском направлении.", "RU-milblogger"),
    # a news lead that names its speaker by a descriptor first ("the ex-MP reported"), by name below
    ("Экс-депутат сообщил также о боях за поселок Ставки.\n"
     "Российские подразделения закрепились у Дробышево, сообщил в своем Telegram-канале бывший депутат.",
     "RU-milblogger"),
    ("За його словами, бої тривають біля Торського.\nТрегубов повідомив про штурми біля Лиману.", "UA-official"),
])
def test_a_speaker_named_after_the_first_words_spoken_spoke_them(text, claimant):
    states = read_report(text)
    assert states[0].speaker is not None and states[0].speaker.claimant.value == claimant


def test_a_quotation_closed_before_a_generic_speaker_is_the_next_named_speakers():
    # a news retelling of the General Staff's evening summary: its quotation closes before "the command noted",
    # and the next sentence names who the command is ("declared", a speech verb that makes the report's speaker)
    text = ("\u201cNear Lysivka the invaders tried eight times to push our units back. Four clashes are still going on,\u201d "
            "the command noted.\nThe General Staff of the Armed Forces of Ukraine declared on Monday that the defence "
            "of Rodynske goes on.")
    states = read_report(text, source=Claimant.MEDIA)
    assert [s.speaker.claimant.value for s in states] == ["UA-GeneralStaff"] * 3


def test_words_spoken_after_a_speaker_is_named_are_not_given_to_a_later_one():
    text = ("Russian troops took Tykhe, the Russian Defence Ministry said.\n"
            "It also said fighting went on near Torske.\nDeepState reported that Russian troops entered Novoye.")
    assert [s.speaker.claimant.value for s in read_report(text)] == ["RU-MoD", "RU-MoD", "DeepState"]


def test_named_without_speaking_is_no_speaker():
    # "our troops" names the milbloggers' side in the sentence reading, but nobody speaks here
    assert read_report("In the Pokrovsk sector, our troops repelled 14 attacks near Novoye.")[0].speaker is None


def test_a_date_holds_through_its_paragraph_only():
    text = ("On November 22, Russian forces attacked Tykhe. They also shelled Novoye. On Sunday they entered Sladke. "
            "Fighting went on.\nFighting continued near Torske.")
    states = read_report(text)
    day = dt.date(2025, 11, 25)  # a Tuesday
    assert [paragraph_date(text, states, k, day) for k in range(len(states))] == [
        None, dt.date(2025, 11, 22), dt.date(2025, 11, 22), dt.date(2025, 11, 23), None]
    assert [s.paragraph for s in states] == [0, 0, 0, 0, 4]
    # a date named further on in a paragraph dates its own sentence only
    for text in ("Russian forces advance near Siversk. On November 22, Zvanovka was liberated. Units took Petrovske.",
                 "Zvanovka has been in Russian hands since November 22. Units are pushing on towards Kirovo."):
        assert paragraph_date(text, read_report(text), 1 + text.startswith("Russian"), day) is None


def test_only_claimants_the_sentence_did_not_name_are_replaced():
    """The claimant geo.claims falls back to says so in its why: the pass reads that and nothing else."""
    report = Report(text="", url="https://news.example.org/a")
    s = "Fighting continued near Tykhe."
    fallback = analyse_mention(s, s.index("Tykhe"), s.index("Tykhe") + 5, report=report)
    assert any(w.startswith(_DEFAULTED) for w in fallback.why)
    s = "Fighting continued near Tykhe, the General Staff of Ukraine said."
    named = analyse_mention(s, s.index("Tykhe"), s.index("Tykhe") + 5, report=report)
    assert not any(w.startswith(_DEFAULTED) for w in named.why)


def _claim(start: int, **kw) -> Claim:
    base = dict(place="Tykhe", lat=None, lon=None, start=start, end=start + 5, report_date=dt.date(2025, 11, 24),
                action=Action.OTHER, claimant=Claimant.MEDIA, role="background", why=("claimant from source",))
    return Claim(**(base | kw))


def test_the_state_reaches_the_claims():
    text = ("On November 22, Russian forces liberated three settlements, Ukraine's General Staff said. "
            "Among them are Tykhe and Novoye.")
    states = read_report(text)
    at = text.index("Tykhe")
    named = _claim(at, claimant=Claimant.RU_MOD, why=("claimant 'the ministry'",))
    out = apply_report_state([_claim(at), named], states, text, dt.date(2025, 11, 24))
    assert (out[0].action, out[0].role, out[0].claimant, out[0].date) == (
        Action.CAPTURED, "event", Claimant.UA_GENERALSTAFF, dt.date(2025, 11, 22))
    assert any("list continued" in w for w in out[0].why) and any("report's speaker" in w for w in out[0].why)
    assert out[1].claimant is Claimant.RU_MOD  # named by its own sentence: kept


def test_extraction_reads_the_report(gaz):
    from geo.extract import extract_text

    text = ("На Лиманському напрямку ворог атакував позиції. Про це Генштаб ЗСУ повідомляє у зведенні.\n"
            "Бої тривали біля Торського.")
    claims = extract_text(text, gaz, date=dt.date(2025, 9, 15))
    torske = [c for c in claims if c.place == "Торського"]
    assert torske and {c.claimant for c in torske} == {Claimant.UA_GENERALSTAFF}


def test_a_later_sentence_about_the_same_places_adds_its_claim():
    text = ("Russian forces captured Tykhe and Novoye, the Russian Defence Ministry said. "
            "Ukraine's General Staff said fighting continued in both areas.")
    states = read_report(text)
    at = text.index("Tykhe")
    captured = _claim(at, action=Action.CAPTURED, role="event", claimant=Claimant.RU_MOD, precision=1,
                      why=("claimant 'the ministry'",))
    out = apply_report_state([captured], states, text, dt.date(2025, 11, 24))
    assert [(c.action, c.claimant) for c in out] == [(Action.CAPTURED, Claimant.RU_MOD),
                                                     (Action.FIGHTING, Claimant.UA_GENERALSTAFF)]
    assert out[1].quote.startswith("Ukraine's General Staff said")


@pytest.mark.parametrize("text", [
    "Fighting went on all day.\n«Темпы у Соледара низкие. Наши нажимают на Белогоровку. У Спорного позиционные бои», "
    "– написал военкор в своем телеграм-канале.",
    "Fighting went on all day.\n\"Our units entered Tykhe. They hold the centre now. More will follow,\" "
    "a Russian milblogger wrote on Telegram.",
    "Fighting went on all day.\n«Ворог просунувся біля Нового. Бої тривають біля Торського», — йдеться у повідомленні DeepState.",
])
def test_a_quotation_is_its_speakers_from_where_it_opens(text):
    states = read_report(text)
    assert states[0].speaker is None
    assert len({s.speaker for s in states[1:]}) == 1 and states[1].speaker is not None


def test_a_news_reports_first_speaker_spoke_its_paragraph_before_it():
    # past the lead: the spokesman named at the end of a paragraph spoke its earlier sentences; the
    # paragraph before his has no speaker named
    text = ("Бої тривають по всій лінії фронту.\n\nНа фронті напружено.\n\nЗа добу ворог обстріляв Херсон.\n\n"
            "На Лиманському напрямку відбулося три зіткнення біля Ямполя. На Сіверському напрямку ворог "
            "атакував біля Виїмки, повідомив речник Генштабу.")
    states = read_report(text, source=Claimant.MEDIA)
    assert [s.speaker.claimant if s.speaker else None for s in states] == [None, None, None] + [Claimant.UA_GENERALSTAFF] * 2


def test_a_caption_line_is_no_speaker_and_no_paragraph():
    text = ("Згідно з даними Генштабу ЗСУ, за добу відбито 40 атак.\nФото: фрагмент мапи / DeepState\n"
            "Зокрема, ворог атакував біля Лисівки.")
    states = read_report(text, source=Claimant.MEDIA)
    assert [s.speaker.claimant for s in states] == [Claimant.UA_GENERALSTAFF] * 3


def test_the_outlets_reminder_is_the_outlets_word_not_the_retold_channels():
    # a news site retelling DeepState: DeepState speaks the report, the site its reminder
    text = ("Армія РФ окупувала Лисівку, повідомили аналітики DeepState.\n"
            "Нагадаємо, що українська армія просунулася під Костянтинівкою.")
    states = read_report(text, source=Claimant.DEEPSTATE, outlet=Claimant.MEDIA)
    assert [s.speaker.claimant for s in states] == [Claimant.DEEPSTATE, Claimant.MEDIA]
    assert read_report(text, source=Claimant.DEEPSTATE)[1].speaker.claimant is Claimant.DEEPSTATE


def test_the_sentences_subject_speaks_however_far_its_speech_word():
    text = ("The Russian Defence Ministry has published its weekly summary of the fighting in the east of the country, "
            "claiming the capture of Tykhe.\nThe Western group of forces is credited with liberating Novoye.")
    assert [s.speaker.claimant for s in read_report(text)] == [Claimant.RU_MOD, Claimant.RU_MOD]
    # named inside the sentence, far from its speech word, it does not speak
    other = ("Fighting near Tykhe went on as the Russian Defence Ministry kept silent about the whole area for a week, "
             "local bloggers claiming gains.")
    assert read_report(other)[0].speaker is None


def test_words_spoken_long_before_a_speaker_is_named_stay_unattributed():
    # a commentary that quotes nobody for pages, then names someone: he did not speak its beginning
    text = ("По его словам, бои идут у Торского. " + "Дороги развезло. " * 4
            + "Марочко сообщил о боях у Ставков.")
    assert read_report(text)[0].speaker is None


def test_only_a_leads_subject_speaks_however_far_its_speech_word():
    lead = ("The Russian Defence Ministry has published its weekly summary of the fighting in the east of the "
            "country, claiming the capture of Tykhe.")
    assert read_report("Rain fell. Roads were mud. It was cold.\n" + lead)[-1].speaker is None




@pytest.mark.parametrize("text, action", [
    # a line that ends with a colon opens a list: its item lines take its action (Telegram posts, DeepState)
    ("Продвижение ВС РФ за сутки:\n- у Ямполя;\n- в Северске;\n- западнее Кременной.", Action.ADVANCING),
    ("Ворог просунувся у таких населених пунктах:\n- Новоолександрівка;\n- Вороне.", Action.ADVANCING),
    ("Бои идут:\n— в Часовом Яре;\n— у Ступочек.", Action.FIGHTING),
])
def test_colon_line_opens_a_list_of_lines(text, action) -> None:
    states = read_report(text)
    assert states[0].listing is None
    assert all(st.listing is not None and st.listing.action is action for st in states[1:]), states


@pytest.mark.parametrize("item", [
    "22:50, Kivsharivka village, Kupiansk district.",
    "22: 50, Kivsharivka village, Kupiansk district.",  # machine translation spaces the colon
    "June 7, 01:50, Kivsharivka village, Kupiansk district.",
    "13:45 Kupiansk district, Kivsharivka village.",
])
def test_a_strike_lists_timed_lines_take_the_verb_before_the_colon(item) -> None:
    # a regional head's strike list retold in English: each line opens with the time of the strike, a sentence on
    # what was damaged follows in the same line, and the next timed line goes on with the list
    text = ("According to him, Kupiansk and its district were shelled by the enemy:\n\n"
            f"{item} As a result of the shelling, a private house was damaged.\n\n"
            "10:20, Podoly village. A car was damaged.\n\nThe evacuation continues.")
    states = read_report(text)
    items = [k for k, st in enumerate(states) if st.listing is not None]
    starts = [text.index(item), text.index("10:20")]
    assert [states[k].span[0] for k in items] == starts
    assert all(states[k].listing.action is Action.STRUCK for k in items)


@pytest.mark.parametrize("rest, action", [
    # a heading that counts attacks: an item line that tells a strike or its damage is a strike
    ("As a result of a drone hitting a car, a woman was injured.", Action.STRUCK),
    ("The gas pipeline is damaged.", Action.STRUCK),
    # ... an item line that tells no more keeps the heading's attack
    ("", Action.ATTACKED),
])
def test_an_attack_heading_gives_way_to_the_strike_its_item_tells(rest, action) -> None:
    text = ("During the day, enemy attacks were recorded in the region:\n\n"
            f"13:20, Kivsharivka village. {rest}\n\nThe evacuation continues.")
    states = read_report(text)
    item = next(st for st in states if st.listing is not None)
    assert item.listing.action is action, item.listing.why


def test_a_time_that_opens_a_line_after_no_colon_lists_nothing() -> None:
    states = read_report("Russian troops shelled Kupiansk.\n22:50, Kivsharivka village. A house was damaged.")
    assert all(st.listing is None for st in states)


def test_the_colon_line_dates_its_timed_lines() -> None:
    # "On June 7, … were recorded:" dates the lines below it, though its date does not open it
    text = ("Oleh Syniehubov said the enemy shelled Kupiansk at night.\n\n"
            "During the day on June 7, enemy shelling was recorded in the region:\n\n"
            "13:20, Kivsharivka village. A car was damaged.\n\n10:20, Podoly village. A house was damaged.")
    states = read_report(text)
    day = dt.date(2024, 6, 8)
    lines = [k for k, st in enumerate(states) if text[st.span[0]:].startswith(("13:20", "10:20"))]
    assert [paragraph_date(text, states, k, day) for k in lines] == [dt.date(2024, 6, 7)] * 2
    assert paragraph_date(text, states, 0, day) is None


@pytest.mark.parametrize("opener", ["In addition, the day before,", "Also, the day before,", "Besides, the day before,"])
def test_a_day_after_a_continuation_word_opens_its_paragraph(opener) -> None:
    # "In addition, the day before, the community was shelled. As a result of the shelling of X, …": the day
    # dates the paragraph's later sentences too
    text = ("Russian troops shelled Kupiansk this morning, the governor said.\n"
            f"{opener} the Velykyi Burluk community came under fire. A house was damaged in Pidserednie.")
    states = read_report(text)
    assert paragraph_date(text, states, 2, dt.date(2024, 8, 1)) == dt.date(2024, 7, 31)


def test_a_header_that_only_names_someone_names_no_speaker() -> None:
    # a headline that tells an event speaks through a name only with a colon after it; "Putin's army" speaks nothing
    assert read_report("Putin's army shells Kupiansk again\nThe enemy hit Podoly overnight.")[1].speaker is None
    spoken = read_report("Syniehubov: Russians shelled Kupiansk\nThe enemy hit Podoly overnight.")[1].speaker
    assert spoken is not None and spoken.claimant is Claimant.UA_OFFICIAL


@pytest.mark.parametrize("text, claimant", [
    # whom the speaker reports to is not who speaks
    ("Ukraine's General Staff reported to President Zelensky that Kupiansk was held.", Claimant.UA_GENERALSTAFF),
    ("Valery Gerasimov, Chief of the General Staff of the Russian Armed Forces, reported to President Vladimir "
     "Putin that Kupiansk had been taken.", Claimant.RU_OFFICIAL),
])
def test_whom_a_speaker_reports_to_does_not_speak(text, claimant) -> None:
    speaker = read_report(text)[0].speaker
    assert speaker is not None and speaker.claimant is claimant and "Zelensky" not in speaker.text, speaker
    assert "Putin" not in speaker.text


def test_colon_list_ends_with_its_item_lines() -> None:
    # a line that is no list item ends the list; a colon inside a line opens none
    states = read_report("Ворог просунувся:\n- у Ямполі;\nЗа даними Генштабу: бої тривають.\n- біля Торського.")
    assert states[1].listing is not None
    assert states[2].listing is None and states[3].listing is None


# --------------------------------------------------------------------------------------------
# English news retelling ISW's daily assessment (issue 13): the assessment's day
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, day", [
    # no day named: the assessment came out the evening before the page (US evening, Ukrainian night)
    ("Russian forces advanced near Novovasylivka and attacked near Kotlyne, the Institute for the Study of War "
     "(ISW) said in its latest report.\nRussian troops also attacked near Dachenske.", dt.date(2024, 12, 23)),
    # a dateline dates the page, not the events; the last calendar day the page names is the assessment's
    ("KYIV, Aug 8 — Russian forces continued attacks near Kupiansk, ISW wrote in its campaign assessment.\n"
     "On August 7, Russian forces attacked near Holubivka.\nThe General Staff reported ten attacks over the past "
     "day.\nISW also noted attacks near Radkivka.", dt.date(2025, 8, 7)),
])
def test_a_news_page_retelling_isw_dates_its_events_by_the_assessment(gaz, text, day):
    from geo.extract import extract_text

    page = dt.date(2024, 12, 24) if day.year == 2024 else dt.date(2025, 8, 8)
    claims = [c for c in extract_text(text, gaz, date=page) if c.role == "event" and c.place in (
        "Kotlyne", "Dachenske", "Radkivka")]
    assert claims and {c.claim_date for c in claims} == {day}, [c.why for c in claims]


def test_a_page_that_names_the_assessments_day_keeps_it_and_others_keep_theirs(gaz):
    from geo.extract import extract_text

    # the retelling names its day: that day, not the day before
    text = ("Positional fighting in the Kupiansk sector continued on February 2, according to the Institute for the "
            "Study of War.\nThe Institute cited fighting near Synkivka and Tabaivka.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2024, 2, 2)) if c.place == "Tabaivka"]
    assert claims and {c.claim_date for c in claims} == {dt.date(2024, 2, 2)}
    # a page whose first speaker is not ISW is no retelling of its assessment
    text = "Russian forces attacked near Kotlyne, the General Staff said.\nISW said Russian troops attacked near Dachenske."
    claims = [c for c in extract_text(text, gaz, date=dt.date(2024, 12, 24)) if c.place == "Dachenske"]
    assert claims and {c.date for c in claims} == {dt.date(2024, 12, 24)}


def test_a_quotation_closed_before_a_pronoun_is_the_last_speakers():
    # news copy sets each quotation apart in a paragraph of its own: "it said" is the speaker named before
    text = ("Russian forces are storming four towns, according to pro-Russian bloggers.\n"
            "Ukraine's General Staff said Russian forces had tried to attack at several places.\n"
            "\"In the Pokrovsk direction, the invaders tried to dislodge our units near Promin and Lysivka,\" it said.\n"
            "Fighting went on near Selydove.")
    states = read_report(text)
    assert [s.speaker.claimant.value for s in states] == ["RU-milblogger", "UA-GeneralStaff", "UA-GeneralStaff",
                                                           "RU-milblogger"]


@pytest.mark.parametrize("close", ["he said.", "he said on Telegram.", "she told reporters.", "he wrote on Facebook."])
def test_a_split_quotation_closed_by_a_pronoun_is_the_speakers_from_where_it_opens(close):
    # wire copy names the official, then quotes him over two sentences closed by '…," he said on Telegram': both
    # sentences of the quotation are his, not the report's first speaker's; "warned" names him as "said" would
    text = ("Russia said on Friday its forces had captured Novohrodivka.\n"
            "The head of the Myrnohrad military administration warned on Thursday that the front was 8 km away.\n"
            "\u201cThe enemy is moving on Myrnohrad. Evacuation is underway,\u201d " + close + "\n"
            "Fighting went on near Selydove.")
    states = read_report(text)
    assert [s.speaker.claimant.value for s in states] == ["RU-MoD", "UA-official", "UA-official", "UA-official",
                                                           "RU-MoD"]


@pytest.mark.parametrize("verb", ["declared", "announced", "stressed"])
def test_a_pronoun_after_a_quotation_speaks_with_any_speech_verb(verb):
    text = ("Russian troops were driven back near Lyptsi, the Kharkiv governor Oleh Syniehubov said.\n"
            f"\"Our units pushed the enemy out of Slatyne and Prudianka!\" he {verb}.")
    assert [s.speaker.claimant.value for s in read_report(text)] == ["UA-official", "UA-official"]


def test_a_back_reference_names_its_speaker_after_a_long_title():
    # "This was announced by <title> <name>": the name closes the sentence, however long the title before it
    text = ("The Armed Forces of Ukraine drove Russian units out of Slatyne.\n"
            "This was announced by the head of the Kharkiv Oblast Military Administration Oleh Syniehubov.")
    assert [s.speaker.claimant.value for s in read_report(text)] == ["UA-official", "UA-official"]


def test_said_this_refers_back_but_said_this_week_does_not():
    before = "Russian troops entered Vovchansk, the Russian Defence Ministry said.\n\nRussian forces were pushed out of Slatyne.\n\n"
    back = read_report(before + "Syniehubov said this on Telegram.")
    week = read_report(before + "Syniehubov said this week that shelling went on in Kupiansk.")
    assert [s.speaker.claimant.value for s in back] == ["RU-MoD", "UA-official", "UA-official"]
    assert [s.speaker.claimant.value for s in week] == ["RU-MoD", "RU-MoD", "UA-official"]


def test_the_outlets_reminder_outweighs_the_texts_own_voice(gaz):
    # a news page retelling a channel in the channel's own one-sided words: its own-voice sentences are the
    # channel's (RU-milblogger), but the page's reminder ("Напомним") is the outlet's word
    from geo.extract import extract_report

    text = ("Российские подразделения продвинулись у Тихого. Наши бойцы штурмуют Новоегоровку. "
            "Российские войска освободили Дерилово. Российские штурмовики продвинулись к Торскому.\n"
            "Напомним, ранее российские войска продвинулись у Ямполовки.")
    report = Report(text=text, source="https://news.example.ru/politics/1", date=dt.date(2025, 11, 20),
                    url="https://news.example.ru/politics/1")
    by_place = {c.place: c for c in extract_report(report, gaz)}
    assert by_place["Дерилово"].claimant is Claimant.RU_MILBLOGGER
    assert by_place["Ямполовки"].claimant is Claimant.MEDIA, by_place["Ямполовки"].why


def test_the_sentence_naming_who_said_it_and_when_dates_it():
    # Russian wire copy: the claim, then "Об этом во вторник, 2 декабря, заявил …"
    from geo.discourse import attribution_date

    text = "Бойцы держат под контролем часть Купянска. Об этом во вторник, 2 декабря, заявил Путин.\nБои идут у Тихого."
    st = read_report(text)
    assert attribution_date(text, st, 0, dt.date(2025, 12, 3)) == dt.date(2025, 12, 2)
    assert attribution_date(text, st, 1, dt.date(2025, 12, 3)) is None  # the next sentence starts a new paragraph


def test_a_morning_summary_is_dated_by_its_past_day_not_its_stamp():
    # the General Staff's morning summary opens with its stamp (the publication day) and then counts the past day
    from geo.discourse import lead_date

    text = ("Оперативна інформація станом на 08.00 07.12.2025 щодо російського вторгнення. "
            "Загалом минулої доби зафіксовано 152 бойових зіткнення.\n\n"
            "На Покровському напрямку ворог атакував у районах Родинського та Шахового.")
    st = read_report(text)
    assert lead_date(text, st, dt.date(2025, 12, 7))[1] == dt.date(2025, 12, 6)


@pytest.mark.parametrize("text, claimant", [
    # the Ukrainian agencies' English: the claim first, then its speaker "said this" on television
    ("Russian troops entered Zelene Pole and attacked near Shevchenko. Viktor Trehubov, the spokesman for the "
     "Khortytsia group of forces, said this on the air of the national telethon, Ukrinform reports.", "UA-official"),
    ("Russian units liberated Novoye. The Russian Defense Ministry announced this on Telegram.", "RU-MoD"),
    ("Russian troops advanced near Kotlyne. This was said on television by Nazar Voloshyn, the spokesman for the "
     "Khortytsia group of forces.", "UA-official"),
])
def test_a_speaker_named_after_what_it_said_said_it(text: str, claimant: str) -> None:
    states = read_report(text)
    assert [s.speaker.claimant.value for s in states] == [claimant, claimant]


def test_said_this_week_is_a_date_not_a_back_reference() -> None:
    states = read_report("Russian troops entered Zelene Pole. Trehubov said this week that the enemy attacked "
                         "near Shevchenko.")
    assert states[0].speaker is None and states[1].speaker.claimant is Claimant.UA_OFFICIAL


# the statement a paragraph goes on with, each language: a day other than the report's (a Thursday), named by the
# first sentence of the paragraph before it (not at its opening), after a lead of the report's own day
_STATEMENT = {
    "en": "The Russian Defense Ministry said on Wednesday that Battlegroup Vostok units liberated Tykhe. "
          "The units also advanced near Novoe.",
    "ru": "Минобороны России в среду сообщило, что подразделения группировки «Восток» освободили Тихое. "
          "Они продвинулись и у Нового.",
    "uk": "Генштаб у середу повідомив, що ворог атакував біля Тихого. Бої тривали й біля Степового.",
}


@pytest.mark.parametrize("row", [r for r in markers() if r.cls == "continuation" and r.lang in _STATEMENT],
                         ids=lambda r: r.phrase)
def test_a_paragraph_opening_with_a_continuation_keeps_the_day_of_the_one_before(row) -> None:
    # "Besides, …", "Кроме того, …", "Крім того, …" go on with the statement before: its day, not the report's
    head = ("Russian push in the east\n"
            "Battlegroup Sever units liberated Vovchansk, the Russian Defense Ministry said on Thursday.\n"
            + _STATEMENT[row.lang] + "\n")
    report_date = dt.date(2025, 11, 27)  # a Thursday
    for tail, day in ((row.example, dt.date(2025, 11, 26)), ("Russian units struck Ukrainian positions near Lysivka.", None)):
        text = head + tail
        at = len(head) + len(tail) - 3
        claim = Claim("Lysivka", action=Action.ATTACKED, start=at, end=at + 1, why=("claimant: author (unattributed)",))
        out = apply_report_state([claim], read_report(text), text, report_date)
        assert out[0].claim_date == day, tail


@pytest.mark.parametrize("month", [None, (2025, 11)])
def test_a_sentence_opening_with_this_goes_on_with_the_day_of_the_one_before(month) -> None:
    # English news set each sentence on a line of its own; "This …" takes up the sentence before it
    text = ("The general told the president on November 20 that Kupyansk had been liberated.\n"
            "This marked a turning point, as Russian forces now hold most of Vovchansk.\n"
            "Russian forces attacked near Kurylivka.")
    states = read_report(text)
    spans = [st.span for st in states]
    claims = [Claim("Vovchansk", action=Action.FIGHTING, start=text.index("Vovchansk"), end=text.index("Vovchansk") + 9,
                    why=("claimant: author (unattributed)",)),
              Claim("Kurylivka", action=Action.ATTACKED, start=text.index("Kurylivka"), end=text.index("Kurylivka") + 9,
                    why=("claimant: author (unattributed)",))]
    assert len(spans) == 3
    report_date = None if month else dt.date(2025, 12, 5)  # the lead's day is no news day then
    out = apply_report_state(claims, states, text, report_date, month)
    assert out[0].claim_date == dt.date(2025, 11, 20)
    assert out[1].claim_date is None  # a paragraph of its own, opening with no date


def test_a_line_of_a_list_is_no_lead() -> None:
    # an ISW page's key takeaways: each item is its own news, and the day one item names dates no other
    text = ("Key takeaways:\n- Ukrainian forces struck drone storage facilities in Oryol Oblast again on January 26.\n"
            "- Russian forces recently advanced near Toretsk, Chasiv Yar, and Kurakhove.")
    assert lead_date(text, read_report(text), dt.date(2025, 1, 27)) == (-1, None)
    prose = text.replace("\n- ", "\n")
    assert lead_date(prose, read_report(prose), dt.date(2025, 1, 27))[1] == dt.date(2025, 1, 26)


@pytest.mark.parametrize("opening, day", [
    # a regional administration's count retold: a short first sentence that opens with the day
    ("Протягом 24 лютого жертвами ворожих атак у регіоні стали троє людей.\n", dt.date(2026, 2, 24)),
    ("За 24 лютого ворог поранив двох мешканців області.\n", dt.date(2026, 2, 24)),
    # a headline that opens with it
    ("Обстріли 24 лютого: ворог бив по Запоріжжю\n", dt.date(2026, 2, 24)),
    ("On February 24, Russian drones hit three towns.\n", dt.date(2026, 2, 24)),
    # a page's stamp or byline names the page's day, no news day
    ("by Jane Doe February 24, 2026 9:03 AM 2 min read\n", None),
    ("Updated: Tuesday, 24 February 2026, 23:50\n", None),
    # a headline that names a day further on is no opening ("... after talks on February 24")
    ("Russia hits Zaporizhzhia after talks on February 24\n", None),
])
def test_a_short_opening_that_opens_with_its_day_is_the_lead(opening: str, day) -> None:
    # the strike list further on names no day: it takes the one the opening names, across paragraphs
    text = (opening + "\nПро наслідки ударів розповів голова обласної військової адміністрації у своєму каналі.\n\n"
            "Дрони атакували Запоріжжя, Степногірськ, Оріхів та Гуляйполе.")
    st = read_report(text)
    assert lead_date(text, st, dt.date(2026, 2, 25)) == ((0, day) if day else (-1, None))
    claims = [Claim(name, action=Action.ATTACKED, start=text.index(name), end=text.index(name) + len(name),
                    why=("claimant: author (unattributed)",)) for name in ("Степногірськ", "Гуляйполе")]
    out = apply_report_state(claims, st, text, dt.date(2026, 2, 25))
    assert [c.claim_date for c in out] == [day, day]


@pytest.mark.parametrize("stamp", ["date 2026-02-25 ", "Дата: 2026-02-25 "])
def test_a_page_stamp_opening_the_lead_yields_to_the_day_the_lead_names(stamp: str) -> None:
    # a scraped page's ISO stamp runs into the lead's first sentence; the lead's own day is the news day
    text = (stamp + "Окупанти й далі обстрілюють прифронтові громади області. Протягом 24 лютого внаслідок "
            "ворожих атак поранено трьох мешканців, повідомив очільник обласної військової адміністрації.\n\n"
            "Дрони атакували Степногірськ, Оріхів та Гуляйполе.")
    st = read_report(text)
    assert lead_date(text, st, dt.date(2026, 2, 25)) == (1, dt.date(2026, 2, 24))
    # with no other day in the lead, the stamp still dates it
    plain = stamp + "Окупанти й далі обстрілюють прифронтові громади області, повідомив очільник адміністрації.\n"
    assert lead_date(plain, read_report(plain), dt.date(2026, 2, 25))[1] == dt.date(2026, 2, 25)


@pytest.mark.parametrize("stamp", ["27.02.2026 10:15 ", "10:15 27.02.2026\n", "27 лютого 2026, 09:40\n",
                                   "27 лютого 2026 р. 09:40 ", "Опубліковано: 27 лютого 2026\n"])
def test_a_publication_stamp_yields_to_the_summary_day_the_lead_names(stamp: str) -> None:
    # the General Staff's summary of the 26th, retold on the 27th under the page's stamp: the lead's day carries to
    # the direction paragraphs, the stamp is the report's date and no event day
    text = (stamp + "Упродовж доби 26 лютого на фронті зафіксовано 212 бойових зіткнень, повідомляє Генштаб "
            "у своєму зведенні.\n\nНа Покровському напрямку ворог атакував біля Родинського та Мирнограда.")
    st = read_report(text)
    assert lead_date(text, st, dt.date(2026, 2, 27))[1] == dt.date(2026, 2, 26)
    name = "Родинського"
    claims = [Claim(name, action=Action.ATTACKED, start=text.index(name), end=text.index(name) + len(name),
                    why=("claimant: author (unattributed)",))]
    assert [c.claim_date for c in apply_report_state(claims, st, text, dt.date(2026, 2, 27))] == [dt.date(2026, 2, 26)]


@pytest.mark.parametrize("lead, day", [
    # a lead's own day, written without its year, is no stamp
    ("26 лютого ворог чотирнадцять разів атакував позиції Сил оборони біля Костянтинівки, повідомив Генштаб.",
     dt.date(2026, 2, 26)),
    ("On Thursday, 26 February, Russian forces attacked near Kupiansk eleven times, the General Staff said.",
     dt.date(2026, 2, 26)),
    # a stamp in another form before it
    ("Published: 27 February 2026 On Thursday, 26 February, Russian forces attacked near Kupiansk eleven times, "
     "the General Staff said.", dt.date(2026, 2, 26)),
    ("27 февраля 2026 в 11:36 За сутки 26 февраля российские войска атаковали позиции у Константиновки, "
     "сообщили в Генштабе ВСУ.", dt.date(2026, 2, 26)),
    # a stamp alone dates the lead by the report's own day
    ("27.02.2026 10:15 Russian forces attacked Ukrainian positions near Kupiansk eleven times, the General Staff "
     "said.", dt.date(2026, 2, 27)),
])
def test_a_lead_day_counts_past_a_publication_stamp(lead: str, day) -> None:
    text = lead + "\n\nFighting went on around the town."
    assert lead_date(text, read_report(text), dt.date(2026, 2, 27)) == (0, day)


def test_a_year_with_no_time_nor_label_opens_prose_not_a_stamp() -> None:
    # "18 лютого 2026 року стало відомо …" is the lead's own words: its day counts
    text = ("25 лютого 2026 року стало відомо, що Сили оборони відійшли з позицій біля села Рибне в Запорізькій "
            "області.\n\nПро це повідомив речник угруповання.")
    assert lead_date(text, read_report(text), dt.date(2026, 2, 27)) == (0, dt.date(2026, 2, 25))


def test_a_photo_caption_is_no_lead() -> None:
    # a news page's picture above its lead: the caption dates the photo, the lead the news
    lead = "A Ukrainian army spokesman said on Jan. 6 that Russian units were trying to bypass Pokrovsk from the south.\n"
    for caption in ("Soldiers walk past damaged houses in the town, about 7 km from the front, on Nov 16, 2024 in "
                    "Pokrovsk, Ukraine. (John Smith/Libkos/Getty Images)\n",
                    "Anti-tank obstacles in the Dnipropetrovsk region on June 25, 2025. (Photo by Jane Doe / AFP)\n",
                    "Photo: soldiers of a Ukrainian brigade near Pokrovsk on a road in the snow, December 20, 2024.\n"):
        text = "Russian units try to bypass Pokrovsk\n" + caption + lead + "Russian troops advanced through Pishchane."
        assert lead_date(text, read_report(text), dt.date(2025, 1, 7)) == (3 if "(" in caption else 2,
                                                                            dt.date(2025, 1, 6)), caption
    # a bracket that credits no one ("(the Russian name of Kurakhove)") leaves the paragraph a lead
    text = ("Russian forces shelled the town on Nov 16, 2024, as they do every week (Kurakhove/Kurakhovo).\n"
            "A spokesman said on Jan. 6 that Russian units advanced.")
    assert lead_date(text, read_report(text), dt.date(2025, 1, 7)) == (-1, None)


def test_a_speaker_named_again_by_its_kind_goes_on_with_its_dated_statement() -> None:
    from geo.discourse import restated_date
    report = dt.date(2025, 1, 27)  # a Monday
    text = ("The Institute for the Study of War said on Sunday that Russian forces held most of Velyka Novosilka.\n"
            "The Washington think tank said that Moscow had been unusually vocal about it.\n"
            "The think tank also said that Russian forces were poised to seize Toretsk.")
    st = read_report(text)
    assert [restated_date(text, st, k, report) for k in range(3)] == [None, dt.date(2025, 1, 26), dt.date(2025, 1, 26)]
    # named by its name it is news of its own; another speaker in between breaks the thread
    named = text.replace("The think tank also said", "ISW also said")
    assert restated_date(named, read_report(named), 2, report) is None
    between = ("Russia said on Saturday that its forces had captured Sokil.\n"
               "Ukraine's General Staff said fighting went on near Pokrovsk.\n"
               "The defence ministry said its troops had also entered Novoselydivka.")
    assert restated_date(between, read_report(between), 2, report) is None
    wire = between.replace("Ukraine's General Staff said fighting went on near Pokrovsk.\n", "")
    assert restated_date(wire, read_report(wire), 1, report) == dt.date(2025, 1, 25)


@pytest.mark.parametrize("text", [
    # a news page retelling DeepState: the lead names the day, a quotation further down closed by the team named again
    ("On Saturday, April 26, the DeepState team denied reports that Russian troops had entered Kostiantynivka.\n"
     "The town has been shelled for months, and its administration goes on evacuating residents.\n"
     "\u201cThe enemy keeps moving infantry into Shcherbynivka,\u201d writes the DeepState team."),
    # ... or by its kind, the speaker carried from the statement that named its day
    ("Ukrainian analysts from DeepState reported on 8 December that the situation around Siversk was critical.\n"
     "\u201cThe enemy keeps moving infantry into Shcherbynivka,\u201d the analysts wrote."),
])
def test_a_quotation_closed_by_its_speaker_takes_the_day_of_its_statement(gaz, text) -> None:
    from geo.extract import extract_text

    report = dt.date(2025, 12, 12) if "December" in text else dt.date(2025, 5, 2)  # over three days after: no lead
    stated = dt.date(2025, 12, 8) if "December" in text else dt.date(2025, 4, 26)
    claims = {c.place: c for c in extract_text(text, gaz, date=report) if c.role == "event"}
    assert claims["Shcherbynivka"].claim_date == stated, claims["Shcherbynivka"].why


@pytest.mark.parametrize("text", [
    # the day named in an aside that says who speaks, the clause after it naming none: the statement's day dates
    # the paragraph it retells, as "DeepState reported on 8 December that …" does (Ukrainian, Russian word order)
    "Аналітики DeepState 8 грудня повідомили, що ситуація навколо Сіверська критична. Ворог просунувся біля Званівки.",
    "Аналитики DeepState 8 декабря сообщили, что ситуация вокруг Северска критическая. Враг продвинулся у Звановки.",
    "DeepState reported on 8 December that the situation around Siversk was critical. The enemy advanced near Zvanivka.",
])
def test_a_statements_day_in_its_aside_dates_its_paragraph(text) -> None:
    assert paragraph_date(text, read_report(text), 1, dt.date(2025, 12, 12)) == dt.date(2025, 12, 8)


def test_a_paragraph_whose_opening_names_no_day_has_none() -> None:
    # the day further on in the first sentence dates that sentence only ("… який ворог атакував 8 грудня")
    text = ("За даними DeepState, ситуація навколо Сіверська, який ворог атакував 8 грудня, критична. "
            "Ворог просунувся біля Званівки.")
    assert paragraph_date(text, read_report(text), 1, dt.date(2025, 12, 12)) is None


def test_a_quotation_takes_no_day_of_another_speakers_statement() -> None:
    from geo.discourse import restated_date
    report = dt.date(2025, 5, 2)
    text = ("On Saturday, April 26, the DeepState team denied reports that Russian troops had entered Kostiantynivka.\n"
            "On Monday, Ukraine's General Staff said its forces had repelled 12 attacks near Toretsk.\n"
            "\u201cThe enemy keeps moving infantry into Shcherbynivka,\u201d writes the DeepState team.")
    assert restated_date(text, read_report(text), 2, report) is None
    # a sentence of no quotation named by its name is news of its own, as before
    plain = text.replace("\u201cThe enemy keeps moving infantry into Shcherbynivka,\u201d writes the DeepState team.",
                         "DeepState writes that the enemy keeps moving infantry into Shcherbynivka.")
    assert restated_date(plain, read_report(plain), 2, report) is None


def test_a_list_opener_lists_only_the_names_that_follow_it() -> None:
    # wire copy: "Among the settlements named are A, B, and C, all of which are near D": D is not listed
    text = ("The General Staff said Russian forces launched 14 assaults against its positions near eight settlements. "
            "Among the settlements named are Kucherivka, Kurylivka, and Petropavlivka, all of which lie near Podoly.")
    states = read_report(text)
    lst = states[1].listing
    assert lst is not None and lst.action is Action.ATTACKED
    s = states[1].span[0]
    assert lst.start <= text.index("Petropavlivka") - s < lst.stop <= text.index("Podoly") - s
    assert read_report("Russian forces liberated three settlements. Among them are Tykhe, Novoye and Sladkoye.")[1] \
        .listing.stop is None


def test_the_briefing_a_named_speaker_spoke_at_is_no_speaker() -> None:
    text = ("The Armed Forces of Ukraine liberated the village of Yatskivka.\n"
            "Oleksiy Hromov of the General Staff of the Armed Forces of Ukraine said this at a briefing, Ukrinform reports.")
    assert [s.speaker.claimant for s in read_report(text)] == [Claimant.UA_GENERALSTAFF] * 2


@pytest.mark.parametrize("text, name", [
    # wire copy sets each sentence apart: the opener opens its own paragraph
    ("Ukraine's General Staff said Russian forces launched 11 assaults near six settlements in the Lyman direction.\n\n"
     "Among the settlements named are Torske, Zarichne and Serebrianka, all of which lie east of Lyman.", "Serebrianka"),
    ("The Russian Defence Ministry said on Thursday its troops had taken control of two villages.\n\n"
     "The villages are Kamianske in the Zaporizhzhia region and Dehtiarne in the Kharkiv region.", "Dehtiarne"),
])
def test_a_list_opener_that_opens_its_paragraph_continues_the_paragraph_before(text: str, name: str) -> None:
    states = read_report(text)
    lst = states[-1].listing
    assert lst is not None and lst.action in (Action.ATTACKED, Action.CAPTURED), lst
    s = states[-1].span[0]
    assert lst.start <= text.index(name) - s and (lst.stop is None or text.index(name) - s < lst.stop)
    # a paragraph that only names a count, with no action, gives the list none
    quiet = read_report("Officials named six settlements.\n\nAmong them are Torske and Zarichne.")
    assert quiet[-1].listing is None


def test_a_sentence_opening_with_a_pronoun_and_a_speech_verb_goes_on_in_the_last_speakers_words() -> None:
    # news copy: the governor is named in one paragraph, "He said …" opens the next
    text = ("Russian attacks on the Donetsk region killed six people, the governor said, as Moscow announced the "
            "capture of another village.\n"
            "\"Russians killed four people this morning in Izmailivka,\" Governor Vadym Filashkin wrote.\n"
            "He said two others were killed in separate attacks near Chasiv Yar.")
    states = read_report(text)
    assert states[2].speaker is not None and states[2].speaker.text == states[1].speaker.text
    assert "Filashkin" in states[2].speaker.text


def _seat(text: str, name: str, country: str) -> Claim:
    at = text.index(name)
    return _claim(at, place=name, end=at + len(name), role="speaker", country=country)


def _read_with_seats(claims: list[Claim], text: str) -> list:
    """The report states read with the seats its placed claims give (as geo.extract.extract_report reads them)."""
    from geo.discourse import seats

    return read_report(text, seats=seats(claims, read_report(text), text) or None)


@pytest.mark.parametrize(("text", "seat", "country", "claimant"), [
    # a governor named with his region speaks for the officials of the region's country
    ("Russian artillery shelled Tiahynka overnight, wounding a man. "
     "Kherson Region Governor Ivan Petrenko announced this on Telegram, the agency reports.",
     "Kherson Region", "UA", Claimant.UA_OFFICIAL),
    ("On Monday, the Belgorod regional governor said Ukrainian drones struck Tiahynka.", "Belgorod", "RU",
     Claimant.RU_OFFICIAL),
    ("Sumy Oblast Governor Ivan Petrenko said Russian drones struck Tiahynka.", "Sumy Oblast", "UA", Claimant.UA_OFFICIAL),
])
def test_a_place_s_own_office_speaks_for_its_country(text: str, seat: str, country: str, claimant: Claimant) -> None:
    struck = _claim(text.index("Tiahynka"), place="Tiahynka", end=text.index("Tiahynka") + 8, role="event",
                    action=Action.STRUCK)
    claims = [struck, _seat(text, seat, country)]
    states = _read_with_seats(claims, text)
    out = apply_report_state(claims, states, text, dt.date(2025, 11, 24))
    assert out[0].claimant is claimant
    assert any("report's speaker" in w for w in out[0].why)


@pytest.mark.parametrize(("text", "seat"), [
    # the office named by an agency, then by surname after the quotation: the seat's official speaks on
    ("According to the agency, Sumy Region Governor Ivan Petrenko reported this on Telegram.\n"
     "\"Over the past day, the enemy struck 12 settlements,\" Petrenko wrote.\n"
     "In Tiahynka, a house was damaged.", "Sumy Region"),
    ("The Kherson regional governor said this on Telegram.\n"
     "\"Drones hit the region again,\" the official said.\n"
     "In Tiahynka, a house was damaged.", "Kherson"),
])
def test_a_seated_office_speaks_on_after_its_sentence(text: str, seat: str) -> None:
    from geo.discourse import seats

    states = read_report(text)
    found = seats([_seat(text, seat, "UA")], states, text)
    assert list(found) == [0] and found[0].claimant is Claimant.UA_OFFICIAL and found[0].summary == "morning"
    # read without the seat nobody speaks the later lines; read with it, the official speaks them all
    assert states[-1].speaker is None
    again = read_report(text, seats=found)
    assert [st.speaker for st in again] == [found[0]] * len(again)


def test_the_past_day_of_a_morning_summary_and_where_it_is_named() -> None:
    from geo.discourse import summary_date

    day = dt.date(2025, 5, 6)
    text = ("Russian drones struck Kupiansk at noon, regional governor Oleh Syniehubov said.\n"
            "\"Over the past day, the enemy struck 12 settlements,\" Syniehubov wrote.\n"
            "In Kurylivka, a house was damaged.")
    assert summary_date(text, read_report(text), day) == (1, dt.date(2025, 5, 5))
    # the same words from the General Staff or the MoD: no morning summary
    for speaker in ("Ukraine's General Staff said", "the Russian Defence Ministry said"):
        other = text.replace("regional governor Oleh Syniehubov said", speaker).replace("Syniehubov wrote", "it said")
        assert summary_date(other, read_report(other), day) == (-1, None)
    # a Ukrainian past day of paragraph scope in an oblast administration's voice
    uk = ("Голова ОВА повідомив про обстріли.\nМинулої доби ворог атакував Берислав, повідомили в ОВА.\n"
          "У Садовому пошкоджено будинок.")
    assert summary_date(uk, read_report(uk), day) == (1, dt.date(2025, 5, 5))


@pytest.mark.parametrize("text", [
    # the sentence names its speaker: kept
    "The Russian-installed Kherson governor said Ukrainian drones struck Tiahynka.",
    # an office that is no place's own (a group's leader), or one the writer may not seat in its country (a mayor:
    # the Russian-installed ones of occupied towns are "the Donetsk mayor" too)
    "The Zaporizhzhia movement leader said Ukrainian drones struck Tiahynka.",
    "The Kherson mayor said Ukrainian drones struck Tiahynka.",
    # no speech: the governor only stands in the sentence
    "Ukrainian drones struck Tiahynka as the Kherson governor visited the front.",
    # a place of no side's country
    "The Minsk mayor said Ukrainian drones struck Tiahynka.",
])
def test_a_seat_that_does_not_speak_for_its_country(text: str) -> None:
    seat = next(n for n in ("Kherson", "Zaporizhzhia", "Minsk") if n in text)
    struck = _claim(text.index("Tiahynka"), place="Tiahynka", end=text.index("Tiahynka") + 8, role="event",
                    action=Action.STRUCK)
    claims = [struck, _seat(text, seat, "BY" if seat == "Minsk" else "UA")]
    states = _read_with_seats(claims, text)
    out = apply_report_state(claims, states, text, dt.date(2025, 11, 24))
    assert out[0].claimant is not Claimant.UA_OFFICIAL


@pytest.mark.parametrize("text, place, action", [
    ("Минулої доби ворог 14 разів атакував на Лиманському напрямку. На Лиманському напрямку – у районах Тернів, "
     "Ямполівки та в бік Торського.", "Ямполівки", Action.ATTACKED),
    ("На Покровському напрямку захисники відбили 40 атак. Найбільше – поблизу Удачного і Котлиного.",
     "Котлиного", Action.REPELLED),
])
def test_a_verbless_dash_takes_the_verb_of_the_sentence_before(text, place, action):
    states = read_report(text)
    out = apply_report_state([_claim(text.index(place))], states, text, dt.date(2025, 11, 24))
    assert out[0].action is action and any("verbless dash" in w for w in out[0].why)


@pytest.mark.parametrize("text", [
    "Ворог атакував біля Торського. Покровськ – під контролем Сил оборони.",  # a place before the dash: a heading
    "Ворог атакував біля Торського.\nНа Покровському напрямку – у районі Удачного.",  # another paragraph
    "Ворог атакував біля Торського. На Покровському напрямку – у районі Удачного бої тривають.",  # a verb of its own
])
def test_a_dash_with_a_place_before_it_or_a_verb_of_its_own_takes_no_verb_from_before(text):
    place = "Покровськ" if "Покровськ –" in text else "Удачного"
    states = read_report(text)
    out = apply_report_state([_claim(text.index(place))], states, text, dt.date(2025, 11, 24))
    assert not any("verbless dash" in w for w in out[0].why)


@pytest.mark.parametrize("verb", [r for r in lookup_rows("back_references") if r.cls == "pronoun-verb"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_pronoun_and_a_pronoun_verb_row_go_on_in_the_last_speakers_words(verb) -> None:
    # '"Units liberated Berestove," it said.', "He added that …": the pronoun and pronoun-verb rows of
    # geo/rules/back_references.jsonl, one vocabulary with geo.dates' back reference
    from geo.discourse import _PRONOUN_AFTER_QUOTE, _PRONOUN_OPENS

    for pronoun in (r.phrase for r in lookup_rows("back_references") if r.cls == "pronoun"):
        assert _PRONOUN_AFTER_QUOTE.search(f'"Units liberated Berestove," {pronoun} {verb.phrase}.'), pronoun
        assert _PRONOUN_OPENS.match(f"{pronoun.title()} also {verb.phrase} that units liberated Berestove."), pronoun
        # a speech verb only right after the pronoun, and in the sentence's own case
        assert not _PRONOUN_AFTER_QUOTE.search(f'"Units liberated Berestove," {pronoun} {verb.phrase}ing.')
        assert not _PRONOUN_OPENS.match(f"{pronoun.title()} {verb.phrase.upper()} that units liberated Berestove.")


def _who(text: str) -> list[str | None]:
    return [s.speaker.claimant.value if s.speaker else None for s in read_report(text)]


@pytest.mark.parametrize("text", [
    # Ukrainian news: the General Staff, then a grouping's spokesman, whose words go on in later paragraphs
    "Генштаб ЗСУ повідомив про 120 боєзіткнень.\nРечник угруповання «Схід» Іван Коваль заявив, що ворог атакував біля "
    "Торського.\nЗа його словами, бої тривають біля Ямполя.\nВін також зазначив, що ворог просунувся біля Серебрянки.\n"
    "«Ворог атакує Дробишеве», – додав речник.\n«Ворог атакує Рубіжне», – сказав він.",
    # Russian news: the MoD, then a war correspondent
    "Минобороны России сообщило об освобождении Тихого.\nВоенкор Александр Коц заявил, что бои идут у Торского.\n"
    "По его словам, бои идут также у Ямполя.\nОн также отметил, что штурмовики продвинулись у Серебрянки.\n"
    "«Противник атакует Дробышево», — добавил он ТАСС.",
    # English news: the General Staff, then a milblogger
    "The General Staff said 120 clashes took place.\nMilitary blogger Yuri Podolyaka said Russian forces attacked near "
    "Torske.\nAccording to him, fighting continues near Yampil.\nHe also noted that Russian troops advanced near Serebrianka.",
])
def test_a_reference_back_keeps_the_last_speaker_in_a_later_paragraph(text: str) -> None:
    who = _who(text)
    assert who[0] != who[1] and who[1:] == [who[1]] * (len(who) - 1), who


def test_a_speaker_named_later_speaks_its_paragraph_then_the_report_speaker_again() -> None:
    text = ("Речник угруповання «Схід» заявив, що ворог атакував біля Торського.\nЗа його словами, бої тривають біля "
            "Ямполя.\nЗа даними Генштабу ЗСУ, ворог 12 разів атакував у районах Серебрянки та Дронівки.\n"
            "Бої тривають біля Білогорівки.")
    assert _who(text) == ["UA-official", "UA-official", "UA-GeneralStaff", "UA-official"]


def test_a_speaker_named_again_by_its_kind_alone_is_the_last_one_named() -> None:
    # wire copy: the MoD, then a regional head by name, then "the regional head noted", "the spokesperson said"
    text = ("Russia's Defence Ministry said its forces had taken Tykhe.\n"
            "Russian forces control most of Krasnoarmeysk, DPR head Denis Pushilin said on Monday.\n"
            "Russian forces are advancing on Dimitrov from another direction, the regional head noted.")
    assert _who(text) == ["RU-MoD", "RU-official", "RU-official"]
    text = ("Ukraine's General Staff reported 120 clashes.\n"
            "Vladyslav Voloshyn, spokesman for the Southern Defence Forces, said Russian troops attacked near Stepove.\n"
            "\"The enemy is massing near Mala Tokmachka,\" the spokesperson said.")
    assert _who(text)[2] == "UA-official"


def test_a_quotation_closed_by_a_surname_is_the_speaker_named_with_it_before() -> None:
    # Ukrainian news: a corps commander named with his title, then the General Staff in a short line, then his
    # quotation over three sentences closed by his surname alone
    text = ("Командир 9-го армійського корпусу бригадний генерал Іван Петренко заперечив заяви про зачистку Торського.\n"
            "Відео публікує Генштаб ЗСУ.\n"
            "«Ворог доповідає про зачистку. Хто був у Торському, знає, де я. Торське ніхто не зачищає», — сказав Петренко.")
    assert _who(text)[-3:] == ["UA-official"] * 3
    # English: '…," Petrenko said' after "Ivan Petrenko, the commander of the 110th Mechanized Brigade, said …"
    text = ("Ivan Petrenko, the commander of the 110th Mechanized Brigade, said the enemy attacked near Tykhe.\n"
            "Ukraine's General Staff reported 120 clashes.\n"
            "\"The enemy is massing near Novoselivka,\" Petrenko said.")
    assert _who(text) == ["UA-official", "UA-GeneralStaff", "UA-official"]


@pytest.mark.parametrize("text, name, action", [
    # a sentence with no verb of its own after "In particular," / "Зокрема," and a preposition: its places take
    # the verb of the sentence before, with the modality of its clause (a try at an offensive is an attack)
    ("Russian forces attacked in the Pokrovsk direction. In particular, near Rodynske and Shevchenko.", "Shevchenko",
     Action.ATTACKED),
    ("Останнім часом окупанти намагаються активізувати наступ на Запорізькому напрямку. Зокрема, поблизу "
     "Степногірська.", "Степногірська", Action.ATTACKED),
    # (Ukrainian copy's "штурми" are attacks, as its verb "штурмував")
    ("Ворог посилив штурми на Покровському напрямку. Зокрема, в районі Родинського та Шевченка.", "Родинського",
     Action.ATTACKED),
])
def test_a_list_opener_before_a_preposition_continues_the_sentence_before(text: str, name: str, action: Action) -> None:
    states = read_report(text)
    lst = states[-1].listing
    assert lst is not None and lst.action is action, lst
    s = states[-1].span[0]
    assert lst.start <= text.index(name) - s and (lst.stop is None or text.index(name) - s < lst.stop)


@pytest.mark.parametrize("text, places, day", [
    # a regional head's morning list of the places shelled "over the past day" is the day before the report
    ("Over the past day, Russian forces shelled Vovchansk and Kupiansk, Kharkiv Oblast governor Oleh Syniehubov said.",
     ("Vovchansk", "Kupiansk"), dt.date(2025, 5, 5)),
    ("Russian drones struck Bilozerka over the past 24 hours, the Kherson regional governor said.",
     ("Bilozerka",), dt.date(2025, 5, 5)),
    # the lead names the past day and its speaker; the list below it takes the lead's day
    ("Russian forces shelled 14 settlements in Kherson Oblast over the past day, the head of the regional military "
     "administration Oleksandr Prokudin said.\nThe settlements hit included Beryslav, Antonivka and Bilozerka.",
     ("Beryslav", "Antonivka", "Bilozerka"), dt.date(2025, 5, 5)),
    # the governor named again by his title alone ("the regional governor said") goes on in his words
    ("Kherson Oblast Governor Oleksandr Prokudin said on Telegram that Russian drones struck Bilozerka in the morning.\n"
     "Russian attacks killed two people in Antonivka and Beryslav over the past day, the regional governor said.",
     ("Antonivka", "Beryslav"), dt.date(2025, 5, 5)),
    ("Голова ОВА Олександр Прокудін повідомив, що минулої доби ворог обстріляв Берислав та Антонівку.",
     ("Берислав", "Антонівку"), dt.date(2025, 5, 5)),
    # the General Staff's and the MoD's "past day" is the bulletin's day
    ("Over the past day, Russian forces attacked near Pokrovsk and Rodynske 40 times, Ukraine's General Staff said.",
     ("Pokrovsk", "Rodynske"), dt.date(2025, 5, 6)),
    ("Over the past day, Battlegroup Tsentr liberated Novoye, the Russian Defence Ministry said.",
     ("Novoye",), dt.date(2025, 5, 6)),
    # a regional administration's evening update counts its own day
    ("З початку доби ворог обстріляв Берислав і Антонівку, повідомили в ОВА.", ("Берислав", "Антонівку"),
     dt.date(2025, 5, 6)),
])
def test_a_past_day_is_dated_by_who_reports_it(gaz, text, places, day):
    from geo.extract import extract_text

    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 5, 6)) if c.role == "event"]
    assert {c.place for c in claims} >= set(places)
    assert {c.date for c in claims if c.place in places} == {day}, [c.why for c in claims]


@pytest.mark.parametrize("text, places, day", [
    # a retold General Staff summary whose lead names the day it counts (a Sunday page about Saturday): its
    # "past day" is that day, the places of a later paragraph with no day of their own too
    ("General Staff update\nOn Saturday, 64 combat clashes took place along the front line, the General Staff said.\n"
     "During the past day, Russian aircraft struck Bilohorivka and Siversk.\n"
     "Lyman direction: the defenders repelled an assault near Torske.",
     ("Bilohorivka", "Siversk", "Torske"), dt.date(2024, 3, 16)),
    # a governor's morning list whose lead names the day before: the same day
    ("Yesterday Russian forces shelled 14 settlements in Kherson Oblast, the regional governor said.\n"
     "Over the past day, shells hit Beryslav and Antonivka.", ("Beryslav", "Antonivka"), dt.date(2024, 3, 16)),
    # a lead that names the report's own day, or none: the summary's past day keeps its reading
    ("On Sunday, 64 combat clashes took place along the front line, the General Staff said.\n"
     "During the past day, Russian aircraft struck Bilohorivka and Siversk.", ("Bilohorivka", "Siversk"),
     dt.date(2024, 3, 17)),
    ("In all, 64 combat clashes took place along the front line, the General Staff said on its page.\n"
     "During the past day, Russian aircraft struck Bilohorivka and Siversk.", ("Bilohorivka", "Siversk"),
     dt.date(2024, 3, 17)),
    # a day of its own in the later sentence stays its own
    ("On Saturday, 64 combat clashes took place along the front line, the General Staff said.\n"
     "Today Russian aircraft struck Bilohorivka and Siversk.", ("Bilohorivka", "Siversk"), dt.date(2024, 3, 17)),
])
def test_a_summarys_past_day_is_the_day_its_lead_names(gaz, text, places, day):
    from geo.extract import extract_text

    claims = [c for c in extract_text(text, gaz, date=dt.date(2024, 3, 17)) if c.role == "event"]
    assert {c.place for c in claims} >= set(places)
    assert {c.date for c in claims if c.place in places} == {day}, [c.why for c in claims]


@pytest.mark.parametrize("text, day", [
    # a quotation split into sentences and closed by "he said": the day of the sentence that named its speaker
    ("The head of the town's military administration warned on Thursday that Russian troops were 8 km away.\n"
     "\u201cThe enemy is moving on Myrnohrad. Leave now,\u201d he said.", dt.date(2024, 8, 29)),
    ("Начальник МВА у четвер попередив, що ворог за 8 км від міста.\n"
     "«Ворог наступає на Myrnohrad. Виїжджайте», – сказав він.", dt.date(2024, 8, 29)),
    # its closing sentence names the day itself
    ("The head of the town's military administration spoke to reporters.\n"
     "\u201cThe enemy is moving on Myrnohrad. Leave now,\u201d he said on Wednesday.", dt.date(2024, 8, 28)),
    # nobody named before it a day: none (the report's)
    ("The head of the town's military administration spoke to reporters.\n"
     "\u201cThe enemy is moving on Myrnohrad. Leave now,\u201d he said.", None),
    # a quotation closed before the place's sentence: not its day
    ("The mayor warned on Thursday that troops were near.\n\u201cLeave now,\u201d he said. The enemy is moving on "
     "Myrnohrad.", None),
])
def test_a_split_quotation_takes_the_day_its_speaker_was_named_with(text, day):
    from geo.discourse import quotation_date

    states = read_report(text)
    k = next(i for i, st in enumerate(states) if "Myrnohrad" in text[st.span[0]:st.span[1]])
    assert quotation_date(text, states, k, dt.date(2024, 8, 30)) == day


@pytest.mark.parametrize("row", [r for r in rows("speakers") + markers() if r.get("summary") and r.cls == "speaker"],
                         ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_every_morning_summary_speaker_carries_its_summary(row):
    # the speaker a row names carries the row's summary to the date of what it says
    speaker = read_report(row.example)[0].speaker
    assert speaker is not None and speaker.summary == row.get("summary"), row.example


@pytest.mark.parametrize("text, name, action, modality", [
    # a count of places, a noun of the action or a verb announces a list that the next sentence names
    ("Минобороны России 5 ноября сообщило об освобождении двух населенных пунктов. Это Андреевка и Каменское.",
     "Каменское", Action.CAPTURED, "done"),
    ("Российские войска 5 ноября пытались захватить два села, сообщили в Генштабе ЗСУ. Речь идет о Тихом и Новом.",
     "Новом", Action.ATTACKED, "attempted"),
    ("Російська армія 5 листопада окупувала два села на Донеччині, повідомили аналітики DeepState. "
     "Йдеться про Семенівку та Соловйове.", "Соловйове", Action.CAPTURED, "done"),
    ("Сили оборони 5 листопада відбили атаки біля трьох населених пунктів, повідомив Генштаб ЗСУ. Серед них — Тихе і Нове.",
     "Нове", Action.REPELLED, "done"),
    # the opener after an aside that names who says it
    ("Сили оборони 5 листопада звільнили три населені пункти, повідомив голова ОВА. "
     "За його словами, йдеться про Тихе, Нове та Солодке.", "Солодке", Action.CAPTURED, "done"),
    ("Russian forces tried to capture two villages on November 5, Ukraine's General Staff said. These are Tykhe and Novoye.",
     "Novoye", Action.ATTACKED, "attempted"),
])
def test_a_list_takes_the_action_modality_speaker_and_day_that_announced_it(text, name, action, modality) -> None:
    states = read_report(text)
    lst = states[1].listing
    assert lst is not None and (lst.action, lst.modality) == (action, modality), lst
    at = text.index(name)
    out = apply_report_state([_claim(at, place=name)], states, text, dt.date(2025, 11, 7), month=(2025, 11))
    assert (out[0].action, out[0].modality, out[0].role) == (action, modality, "event")
    assert out[0].claimant is states[0].speaker.claimant and out[0].claimant is not Claimant.MEDIA
    assert out[0].date == dt.date(2025, 11, 5)


@pytest.mark.parametrize("text, name, action", [
    # news copy sets the attribution apart as a paragraph of its own: the list reaches over it to the count
    ("Українські захисники звільнили три села на Дніпропетровщині після тривалих боїв.\n\n"
     "Про це повідомила 110 окрема механізована бригада у Telegram.\n\nЙдеться про Хороше, Вороне та Соснівку.",
     "Соснівку", Action.CAPTURED),
    # the noun the sentence before counted governs, not a later cue in it
    ("Окупанти захопили два села після запеклих боїв, повідомили аналітики. Йдеться про Тихе та Нове.",
     "Нове", Action.CAPTURED),
])
def test_a_list_continues_the_verb_of_what_the_sentence_before_counted(text, name, action) -> None:
    states = read_report(text)
    i = next(k for k, st in enumerate(states) if name in text[st.span[0]:st.span[1]])
    assert states[i].listing is not None and states[i].listing.action is action, states[i].listing


@pytest.mark.parametrize("text, name", [
    # a list opener that ends its line with a colon and has no verb of its own: the list lines below are its items,
    # and take the action of the count the sentence before gave
    ("Російські війська за тиждень захопили три села. Згідно з відео, йдеться про такі села:\n- Тихе;\n- Нове;\n"
     "- Степове.", "Степове"),
    ("Окупанти захопили два села, повідомили аналітики. Ідеться про такі населені пункти:\n• Тихе;\n• Нове.", "Нове"),
    # after the colon on its own line
    ("Окупанти захопили три села. Аналітики назвали такі населені пункти: Тихе, Нове та Степове.", "Степове"),
])
def test_a_list_opener_ending_its_line_with_a_colon_lists_the_lines_below(text, name) -> None:
    states = read_report(text)
    i = next(k for k, st in enumerate(states) if name in text[st.span[0]:st.span[1]])
    assert states[i].listing is not None and states[i].listing.action is Action.CAPTURED, states[i].listing


def test_a_list_line_under_an_opener_with_nothing_announced_before_takes_nothing() -> None:
    # no count before the opener: no action to carry to its lines
    text = "Карта оновилася. Згідно з відео, йдеться про такі села:\n- Тихе;\n- Нове."
    assert all(st.listing is None for st in read_report(text))


def test_a_list_reaches_over_no_more_than_an_attribution_paragraph() -> None:
    # a paragraph between that tells something else (no "Про це") stops the reach
    text = ("Українські захисники звільнили три села.\n\nПогода була гарною.\n\nЙдеться про Хороше та Вороне.")
    assert read_report(text)[2].listing is None


@pytest.mark.parametrize("text, action", [
    # "Там" opening a sentence takes up the places the sentence before named with no action of their own, with the
    # cue of its own clause
    ("Найважче зараз біля сіл Луч і Зелене. Там тривають постійні бої, ворог намагається просуватися далі.",
     Action.FIGHTING),
    ("Увага прикута до сіл Луч і Зелене. Там ворог щодня намагається прорватися.", Action.ATTACKED),
])
def test_there_opening_a_sentence_takes_up_the_places_before_it(text, action) -> None:
    states = read_report(text)
    assert states[0].listing is not None and states[0].listing.action is action, states[0].listing


def test_there_inside_a_sentence_takes_up_nothing() -> None:
    text = "Найважче зараз біля сіл Луч і Зелене. Ворог там намагається просуватися."
    assert read_report(text)[0].listing is None


@pytest.mark.parametrize("text", [
    "Погода в Донецкой области была хорошей. Это Покровск.",
    "Погода на Донеччині була гарною. Йдеться про Покровськ.",
    "The weather in Donetsk region was fine. These are Pokrovsk and Myrnohrad.",
])
def test_a_list_form_with_no_announcement_before_it_opens_no_list(text) -> None:
    # "Это Покровск" after a sentence that announces no action (no count, no noun, no verb of one) is no event
    assert read_report(text)[1].listing is None


def test_a_speech_word_inside_a_sentence_is_no_list_opener() -> None:
    # "У зведенні … йдеться про бої": "йдеться" names what a report says; only opening its sentence (or after "За
    # його словами,") does "Йдеться про" name the places of the sentence before
    text = "Ворог окупував два села. У зведенні Генштабу ЗСУ йдеться про бої біля Торського."
    found = find_markers(text[text.index("У зведенні"):])
    assert "list" not in {m.cls for m in found} and any(m.text.lower() == "йдеться" for m in found)
    assert read_report(text)[1].speaker is not None


@pytest.mark.parametrize("text, places, claimant", [
    # the speaker named after its speech word, a long title between (with an abbreviation in brackets, a channel in
    # guillemets), is the report's speaker, not the lead's grammatical subject (a group of forces): the sentences
    # after it that name no speaker are his
    ("Группировка войск «Восток» продолжает наступление у Гуляйполя, заявил в видеообращении глава Донецкой "
     "народной республики (ДНР) Денис Пушилин.\n\nПо словам чиновника, позиции ВСУ у Зеленого Гая ухудшились.",
     ("Зеленого Гая",), Claimant.RU_OFFICIAL),
    ("Подразделения группировки «Днепр» заняли позиции у Каменского, сообщил в эфире телеканала «Россия 24» "
     "губернатор Запорожской области Евгений Балицкий.\n\nБои идут у Степногорска.", ("Степногорска",),
     Claimant.RU_OFFICIAL),
    # a comma after the speech word ends the title: what follows is what was said, not who said it
    ("Минобороны России заявило, что глава ДНР Денис Пушилин посетил Донецк, а группировка «Центр» освободила "
     "Родинское.\n\nБои идут у Покровска.", ("Покровска",), Claimant.RU_MOD),
])
def test_a_speaker_after_its_speech_word_and_a_long_title_speaks(gaz, text, places, claimant):
    from geo.extract import extract_text

    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 10, 12)) if c.role == "event"]
    assert {c.place for c in claims} >= set(places)
    assert {c.claimant for c in claims if c.place in places} == {claimant}, [c.why for c in claims]


# a summary retold sentence by sentence with no speaker, named at the very end of its block (Ukrainian, Russian and
# English news copy of the General Staff's and the MoD's summaries)
_SUMMARY_UK = ("На Покровському напрямку ворог 40 разів атакував позиції наших захисників у районах Родинського "
               "та Мирнограда. На Костянтинівському напрямку окупанти 12 разів штурмували в районах Щербинівки та "
               "Плещіївки. ")
_SUMMARY_RU = ("На Покровском направлении противник 40 раз атаковал в районах Родинского и Мирнограда. На "
               "Константиновском направлении ВСУ отбили 12 атак у Щербиновки и Плещеевки. ")


@pytest.mark.parametrize("text, claimant", [
    (_SUMMARY_UK + "Загалом за минулу добу зафіксовано 120 бойових зіткнень, — Генштаб.", Claimant.UA_GENERALSTAFF),
    (_SUMMARY_UK + "Загалом за минулу добу зафіксовано 120 бойових зіткнень, – повідомляє Генштаб ЗСУ.",
     Claimant.UA_GENERALSTAFF),
    (_SUMMARY_UK + "На Лиманському напрямку ворог атакував біля Торського (Генштаб).", Claimant.UA_GENERALSTAFF),
    (_SUMMARY_RU + "Всего за сутки отражено 40 атак, — сообщили в Минобороны.", Claimant.RU_MOD),
    # English copy sets each sentence on its own line: the whole short text is one block
    ("The enemy attacked 40 times near Rodynske and Myrnohrad in the Pokrovsk direction.\n"
     "In the Kostiantynivka direction, Russian forces stormed positions near Shcherbynivka 12 times.\n"
     "In total, 120 combat clashes took place over the past day, the General Staff said.", Claimant.UA_GENERALSTAFF),
])
def test_a_speaker_closing_a_retold_summary_speaks_its_block(text: str, claimant: Claimant) -> None:
    for source in (None, Claimant.MEDIA):
        assert [s.speaker.claimant if s.speaker else None for s in read_report(text, source=source)] \
            == [claimant] * len(read_report(text)), source


def test_a_closing_speaker_speaks_its_paragraph_over_the_speaker_carried_into_it() -> None:
    text = ("Речник Сил оборони Півдня Владислав Волошин заявив, що ворог накопичує сили біля Степногірська.\n\n"
            + _SUMMARY_UK + "Загалом за минулу добу зафіксовано 120 бойових зіткнень, — Генштаб ЗСУ.")
    who = [s.speaker.claimant for s in read_report(text, source=Claimant.MEDIA)]
    assert who == [Claimant.UA_OFFICIAL] + [Claimant.UA_GENERALSTAFF] * 3


@pytest.mark.parametrize("text, who", [
    # a sentence that names its own speaker bounds the block: the speaker at the end speaks only after it
    ("Росіяни атакували біля Торського, повідомили в DeepState. " + _SUMMARY_UK
     + "Загалом за минулу добу зафіксовано 120 бойових зіткнень, — Генштаб.",
     ["DeepState", "UA-GeneralStaff", "UA-GeneralStaff", "UA-GeneralStaff"]),
    # a closing speaker speaks its paragraph only, unless it closes a short text that is all one block
    ("Бої на фронті тривають.\n" + _SUMMARY_UK + "Загалом зафіксовано 120 зіткнень, — Генштаб.\nВорог атакував.",
     [None, "UA-GeneralStaff", "UA-GeneralStaff", "UA-GeneralStaff", "UA-GeneralStaff"]),
    # not at the end of its block, it speaks only its own sentence, as any speaker named later in a paragraph
    (_SUMMARY_UK + "Загалом зафіксовано 120 зіткнень, — Генштаб. Ворог атакував біля Торського.",
     [None, None, "UA-GeneralStaff", "UA-GeneralStaff"]),
    # an outlet closing a block relays: it claims nothing over the sentences before
    ("Russian forces attacked 40 times near Rodynske and Myrnohrad in the Pokrovsk direction. Fighting went on near "
     "Shcherbynivka, Reuters reported.", [None, "media"]),
    # a quotation closed by a bare name is that name's sentence only
    ('Fighting went on near Kupiansk.\n"The Kremlin will not comment on the fighting around Balakliia and other events '
     'at the front" - Peskov.\nUkrainian forces have reached the outskirts of Kupiansk.', [None, None, None]),
])
def test_a_closing_speaker_never_speaks_over_a_named_one_nor_past_its_block(text: str, who: list) -> None:
    assert [s.speaker.claimant.value if s.speaker else None for s in read_report(text)] == who


@pytest.mark.parametrize("text, name, claimant", [
    (_SUMMARY_UK + "Загалом за минулу добу зафіксовано 120 бойових зіткнень, — Генштаб.", "Родинського",
     Claimant.UA_GENERALSTAFF),
    (_SUMMARY_RU + "Всего за сутки отражено 40 атак, — сообщили в Минобороны.", "Мирнограда", Claimant.RU_MOD),
    ("Russian forces attacked 40 times near Rodynske and Myrnohrad in the Pokrovsk direction.\n"
     "In total, 120 combat clashes took place over the past day, the General Staff said.", "Rodynske",
     Claimant.UA_GENERALSTAFF),
])
def test_a_claim_in_a_retold_summary_is_the_closing_speakers(gaz, text: str, name: str, claimant: Claimant) -> None:
    from geo.extract import extract_text

    for source in ("", "https://news.example.ua/a/1"):
        claims = [c for c in extract_text(text, gaz, source=source, date=dt.date(2025, 11, 20)) if c.place == name]
        assert claims and {c.claimant for c in claims} == {claimant}, [c.why for c in claims]


@pytest.mark.parametrize("closing, claimant", [
    # a quotation whose reporting clause follows it is that clause's speaker's, over the speaker carried from before
    ('"На Покровському напрямку наші захисники зупинили 47 атак у районах Родинського та Мирнограда", - додали у ЗСУ.',
     Claimant.UA_OFFICIAL),
    ('"На Покровському напрямку наші захисники зупинили 47 атак у районах Родинського та Мирнограда", - додали у '
     'Генштабі.', Claimant.UA_GENERALSTAFF),
    ("«На Покровском направлении наши войска отразили 47 атак в районах Родинского и Мирнограда», — добавили в "
     "Генштабе ВСУ.", Claimant.UA_GENERALSTAFF),
    ('"In the Pokrovsk direction our defenders stopped 47 attacks near Rodynske and Myrnohrad," the General Staff '
     "added.", Claimant.UA_GENERALSTAFF),
])
def test_a_quotation_closed_by_its_reporting_clause_beats_an_earlier_speaker(gaz, closing: str,
                                                                             claimant: Claimant) -> None:
    from geo.extract import extract_text

    text = ('"Росіяни окупували Тихе", - повідомили в DeepState.\n\n'
            "Повідомляється, що ворог продовжує наступ на кількох напрямках.\n\n" + closing)
    name = next(n for n in ("Родинського", "Родинского", "Rodynske") if n in closing)
    claims = [c for c in extract_text(text, gaz, source="https://news.example.ua/a/1", date=dt.date(2025, 11, 20))
              if c.place == name]
    assert claims and {c.claimant for c in claims} == {claimant}, [c.why for c in claims]


@pytest.mark.parametrize("text, place", [
    ("The enemy attacked near Torske and Yampolivka. All the attacks were repelled.", "Yampolivka"),
    ("Russian troops tried to break through near Torske twice. They were unsuccessful, the data is being clarified.",
     "Torske"),
    ("Противник атаковал в районах Торского и Ямполовки. Все атаки отражены.", "Ямполовки"),
    ("Ворог атакував поблизу Торського та Ямполівки. Усі атаки відбито.", "Торського"),
    ("Russian forces attacked near Torske and Serebrianka. Ukrainian forces repelled all the attacks.", "Serebrianka"),
    ("Ворог штурмував позиції біля Торського. Захисники відбили всі атаки.", "Торського"),
    ("Окупанти намагалися штурмувати позиції біля Торського. Погіршення тактичного положення не допущено.", "Торського"),
    # one attack told, then beaten off without a place
    ("Росіяни намагалися прорвати кордон у напрямку села Дігтярне. Прикордонники відбили атаку та знищили 20 окупантів.",
     "Дігтярне"),
    ("Окупанти пішли на штурм Степового на мотоциклах. Наші воїни відбили штурм.", "Степового"),
])
def test_an_outcome_told_in_the_next_sentence_makes_the_attacks_repelled(text: str, place: str) -> None:
    states = read_report(text)
    attacked = _claim(text.index(place), action=Action.ATTACKED, role="event", action_detail="attacked")
    (out,) = apply_report_state([attacked], states, text, dt.date(2025, 11, 24))
    assert out.action is Action.REPELLED and any(w.startswith("outcome told in the next sentence") for w in out.why)


@pytest.mark.parametrize("text, place, other", [
    # a part of the attacks, not their outcome: the places stay attacked (the labels' convention for "N attacks, M
    # repelled, K clashes go on")
    ("Ворог атакував поблизу Торського та Ямполівки. П'ять атак відбито, два бої тривають.", "Торського", None),
    ("The enemy attacked near Torske and Yampolivka. Two attacks were repelled.", "Torske", None),
    # another paragraph
    ("Ворог атакував поблизу Торського та Ямполівки.\nУсі атаки відбито.", "Торського", None),
    # the outcome sentence names a place of its own: it is that place's
    ("Ворог атакував поблизу Торського. Усі атаки відбито біля Серебрянки.", "Торського", "Серебрянки"),
    ("Ворог атакував поблизу Торського. Захисники відбили атаку біля Серебрянки.", "Торського", "Серебрянки"),
])
def test_a_partial_or_distant_outcome_or_one_with_its_own_place_leaves_the_attacks(text: str, place: str,
                                                                                 other: str | None) -> None:
    states = read_report(text)
    claims = [_claim(text.index(place), action=Action.ATTACKED, role="event", action_detail="attacked")]
    if other is not None:
        claims.append(_claim(text.index(other), place=other, action=Action.REPELLED, role="event"))
    out = apply_report_state(claims, states, text, dt.date(2025, 11, 24))
    assert out[0].action is Action.ATTACKED


def test_an_outcome_reaches_only_attacks() -> None:
    text = "Russian forces captured Torske. All the attacks were repelled."
    captured = _claim(text.index("Torske"), action=Action.CAPTURED, role="event", action_detail="captured")
    (out,) = apply_report_state([captured], read_report(text), text, dt.date(2025, 11, 24))
    assert out.action is Action.CAPTURED


@pytest.mark.parametrize("group", ["Tsentr", "Yug", "Zapad", "Vostok", "Sever", "Dnepr"])
def test_a_group_of_forces_heading_an_english_bulletin_speaks_it(gaz, group):
    # an English copy of the MoD bulletin on a news page, headed by the group's press centre: the ministry's claims,
    # not the page's, in the group's sentence and in those below it that name no one
    from geo.extract import extract_report

    text = (f"Report by Press Centre Chief of the {group} Group of Forces\n\n"
            "Over the past day, the Group's units hit formations of two AFU mechanised brigades close to "
            "Rodinskoye and Dimitrov.\nThe enemy lost up to 300 troops.\nFour counter-attacks were repelled.\n")
    report = Report(text=text, source="https://news.example.com/world/2", date=dt.date(2025, 7, 20),
                    url="https://news.example.com/world/2")
    by_place = {c.place: c for c in extract_report(report, gaz)}
    for name in ("Rodinskoye", "Dimitrov"):
        assert by_place[name].claimant is Claimant.RU_MOD, by_place[name].why
        assert by_place[name].action is Action.FIGHTING, by_place[name].why
    # without the heading the page claims it (its own voice)
    plain = Report(text=text.split("\n\n", 1)[1], source=report.source, date=report.date, url=report.url)
    assert {c.place: c.claimant for c in extract_report(plain, gaz)}["Dimitrov"] is Claimant.MEDIA


@pytest.mark.parametrize("text", [
    # a milblog post retold: the lead's background clause names the day an earlier event began, not the news day
    "Russian units entered Dachne\nThe assault on the village, which began on July 17, is now focused on its centre, "
    "Russian war correspondents wrote.\nFighting continues in the area of Zelenyi Hai.",
    "Russian units entered Dachne\nThe village had been under attack since July 17, when Russian troops reached its "
    "eastern outskirts, a war correspondent wrote.\nFighting continues in the area of Zelenyi Hai.",
])
def test_a_background_clause_in_the_lead_names_no_news_day(text):
    assert lead_date(text, read_report(text), dt.date(2025, 7, 20)) == (-1, None)
    # a day of its main clause still is the news day
    dated = text.replace(" is now focused", " was on Saturday focused").replace("had been under attack",
                                                                              "was stormed on Saturday and had been under attack")
    assert lead_date(dated, read_report(dated), dt.date(2025, 7, 20))[1] == dt.date(2025, 7, 19)


@pytest.mark.parametrize("text, place, reads", [
    # Russian wire copy: the repel told first, the next sentence places it by an event noun (which the sentence
    # reading takes for no event, "Столкновение", or for fighting, "Бой": the repel wins over either)
    ("Российские военные отразили попытку контратаки ВСУ в Курской области. Столкновение произошло близ Глушково и "
     "Тёткино.", "Тёткино", (Action.OTHER,)),
    ("Бойцы группировки отразили атаку штурмовой группы. Бой произошел у Ямполя.", "Ямполя", (Action.FIGHTING,)),
    ("Подразделения пресекли попытку прорыва противника. Боестолкновение произошло в районе Кучеровки.", "Кучеровки",
     (Action.FIGHTING,)),
])
def test_an_event_noun_in_the_next_sentence_places_the_repel_told_before(text: str, place: str, reads) -> None:
    states = read_report(text)
    at = text.index(place)
    for own in reads:
        claim = _claim(at, place=place, action=own, role="event" if own is Action.FIGHTING else "background")
        (out,) = apply_report_state([claim], states, text, dt.date(2025, 11, 24))
        assert out.action is Action.REPELLED and any("list continued after" in w for w in out.why), out.why


@pytest.mark.parametrize("text", [
    # no event told before: the noun's own fighting stays
    "Погода в регионе испортилась. Бой произошел у Ямполя.",
    # a capture told before: a fight near another place is no capture of it
    "Российские войска освободили Тихое. Бой произошел у Ямполя.",
    # the noun inside the sentence, not opening it: the sentence's own event
    "Бойцы отразили атаку. Вечером у Ямполя произошел бой.",
])
def test_an_event_noun_places_only_an_event_told_just_before(text: str) -> None:
    at = text.index("Ямполя")
    claim = _claim(at, place="Ямполя", action=Action.FIGHTING, role="event")
    (out,) = apply_report_state([claim], read_report(text), text, dt.date(2025, 11, 24))
    assert out.action is Action.FIGHTING, out.why


@pytest.mark.parametrize("text", [
    # MoD retold: a capture counted in the lead, its places in an elliptic list after it, a dash for the noun
    "Минобороны России сообщило об освобождении двух населенных пунктов. В ДНР – населенного пункта Тихое, а в "
    "Запорожской области – Новоданиловки.",
    # ... the list opening the paragraph after a headline that counts them
    "Минобороны сообщило об освобождении двух сел.\nВ ДНР – населенного пункта Тихое, а в Запорожской области – "
    "Новоданиловки. Тихое находится на берегу реки.",
    # ... a headline that counts them in the nominative (a number row of geo/rules/distance_words.jsonl)
    "ВС России освободили два населенных пункта.\nВ ДНР – населенный пункт Тихое, а в Запорожской области – "
    "Новоданиловка. Через Тихое проходит дорога.",
])
def test_an_elliptic_dash_list_takes_the_counted_capture_and_not_its_heads(text: str) -> None:
    states = read_report(text)
    items = [_claim(text.index(p), place=p) for p in ("Тихое", "Новоданилов")]
    head = _claim(text.index("Запорожской"), place="Запорожской области")
    described = [_claim(text.rindex("Тихое"), place="Тихое")] if text.count("Тихое") > 1 else []
    out = apply_report_state(items + [head] + described, states, text, dt.date(2025, 11, 24))
    assert [c.action for c in out[:2]] == [Action.CAPTURED] * 2, [c.why for c in out]
    assert out[2].action is Action.OTHER  # where the next item stands, not an item
    assert all(c.action is Action.OTHER for c in out[3:])  # the description after the list stays one


def test_a_dash_list_after_a_headline_that_names_its_place_takes_nothing() -> None:
    # the headline names its place: the paragraph's dash is its own heading, not the headline's list
    text = "Минобороны сообщило об освобождении Тихого.\nВ ДНР – населенного пункта Новоданиловка."
    out = apply_report_state([_claim(text.index("Новоданиловка"), place="Новоданиловка")], read_report(text), text,
                             dt.date(2025, 11, 24))
    assert out[0].action is Action.OTHER, out[0].why


@pytest.mark.parametrize("opener", [
    "",
    # a list opener earlier in the report ("зокрема") whose listing reads its own event noun: none of its reading
    # may reach who speaks further on
    "Ворог атакував кілька сіл, зокрема Удачне та Котлине.\n",
])
@pytest.mark.parametrize("source", [None, Claimant.MEDIA])
def test_a_general_staff_aside_speaks_the_next_paragraphs_places(opener: str, source) -> None:
    # news copy: the General Staff named in an aside ("За даними … зведення Генштабу"), then a new line whose
    # sentences tell the attacks and list the places: the General Staff speaks them
    text = ("Прикордонники відбили штурм поблизу Покровська.\n" + opener
            + "Покровський напрямок лишається найгарячішим. За даними вечірнього зведення Генштабу, тут за добу "
              "відбулося найбільше боїв.\n"
              "Сили оборони відбили 30 атак. Бої йшли у районах Новоекономічного, Мирнограда і Родинського.")
    states = read_report(text, source=source)
    aside = next(i for i, st in enumerate(states) if "Генштабу" in text[st.span[0]:st.span[1]])
    assert states[aside].speaker.claimant is Claimant.UA_GENERALSTAFF
    assert [st.speaker and st.speaker.claimant for st in states[aside + 1:]] == [Claimant.UA_GENERALSTAFF] * 2


@pytest.mark.parametrize("text, who", [
    # a headline line closed by a dash and a speaker that needs a speech word elsewhere ("General Staff"): the dash
    # says who spoke, for the line's sentences
    ("Read more: Russian assault repelled near Lyptsi in Kharkiv region. Heavy fighting east of Toretsk - General Staff",
     ["UA-GeneralStaff", "UA-GeneralStaff"]),
    ("Enemy pushed back from Novoselivka. Assaults near Kupiansk go on \u2013 the brigade",
     ["UA-official", "UA-official"]),
    # without a closing mark the bare words name nobody
    ("Heavy fighting east of Toretsk, General Staff", [None]),
])
def test_a_dash_closing_a_line_speaks_for_a_speaker_that_needs_a_speech_word(text: str, who: list) -> None:
    assert [s.speaker.claimant.value if s.speaker else None for s in read_report(text)] == who


@pytest.mark.parametrize("text, claimant", [
    # an outlet that relays a side's speaker, named after him in the same sentence, is not the speaker
    ("Russian troops keep attacking near Nadiia.\nViktor Trehubov, the spokesman for the Khortytsia group, said this on "
     "the telethon, according to Suspilne.", "UA-official"),
    ("Russian forces are pressing near Stepove.\nVladyslav Voloshyn said this on air, Ukrainska Pravda reports.",
     "UA-official"),
])
def test_an_outlet_relaying_a_named_speaker_does_not_take_the_floor(text: str, claimant: str) -> None:
    states = read_report(text, source=Claimant.MEDIA)
    assert [s.speaker.claimant.value for s in states] == [claimant, claimant]


def test_a_speaker_that_confirms_takes_the_floor():
    # "confirmed" names a speaker for the report as "said" does: the sentence that goes on from it ("This …") is its
    text = ("Russian forces have taken a quarter of Novoselivka, military expert Andrei Marochko said.\n"
            "The Russian Defence Ministry separately confirmed the capture of Shandryholove.\n"
            "This came as Russian forces struck Ukrainian units near Boldyrivka and Petrivka.")
    who = [s.speaker.claimant.value for s in read_report(text, source=Claimant.MEDIA)]
    assert who == ["RU-milblogger", "RU-MoD", "RU-MoD"]


def test_a_source_line_names_a_speaker_that_needs_a_speech_word():
    # Ukrainska Pravda's English formula: the lead, then "Source:" and who said it, a body that elsewhere speaks only
    # with a speech word ("the Khortytsia group", "the brigade")
    text = ("Ukraine's defence forces have thwarted another Russian assault on the outskirts of Toretsk.\n\n"
            "Source: press service of the Khortytsia group of forces\n\n"
            "Details: The assault group was spotted by drone operators on its approach.")
    who = [s.speaker.claimant.value if s.speaker else None for s in read_report(text, source=Claimant.MEDIA)]
    assert who == ["UA-official"] * 3


@pytest.mark.parametrize("second, who", [
    # a daily summary goes on paragraph by paragraph, each opening with its direction: the General Staff keeps the floor
    ("According to the General Staff, the enemy attacked six times near Vovchansk over the past day.",
     ["DeepState", "UA-GeneralStaff", "UA-GeneralStaff", "DeepState"]),
    # a speaker of no daily summary keeps its own paragraph only
    ("Voloshyn said the enemy attacked six times near Stepove.", ["DeepState", "UA-official", "DeepState", "DeepState"]),
])
def test_a_summarys_direction_paragraphs_stay_its_speakers(second: str, who: list) -> None:
    text = ("DeepState analysts say Russian troops crossed the Oskil south of Novomlynsk.\n\n" + second + "\n\n"
            "In the Kupiansk direction, the occupiers attacked near Kolisnykivka and Lozova.\n\n"
            "Russian troops want to reach the Oskil reservoir.")
    assert [s.speaker.claimant.value for s in read_report(text, source=Claimant.DEEPSTATE)] == who


def test_the_kremlins_press_service_names_who_said_what_came_before():
    # a group of forces named in the back reference's sentence ("пункт управления группировки войск") is where the
    # visit went, not who speaks: the Kremlin's press service reports it
    text = ("Командующий группировкой «Восток» доложил президенту о начале операции у Гуляйполя. Об этом говорится в "
            "заявлении пресс-службы Кремля по итогам визита президента в пункт управления Объединенной группировки войск.")
    assert [s.speaker.claimant.value for s in read_report(text, source=Claimant.MEDIA)] == ["RU-official"] * 2


@pytest.mark.parametrize("text, claimant", [
    # the General Staff spelled out with no country, in Ukrainian news, is Ukraine's; Russia's is named as such
    ("Сили оборони звільнили селище Тихе. Про це повідомляє Генеральний штаб Збройних Сил.", "UA-GeneralStaff"),
    ("Окупанти захопили селище Тихе. Про це заявив російський Генеральний штаб.", "RU-MoD"),
    ("Окупанти захопили селище Тихе. Про це заявили в Генеральному штабі РФ.", "RU-MoD"),
])
def test_the_general_staff_spelled_out_speaks_for_its_side(text, claimant) -> None:
    assert _who(text) == [claimant, claimant]


def test_a_back_reference_does_not_take_up_the_place_an_appositive_only_locates(gaz):
    """"этот населенный пункт" in the next sentence takes up the place taken, not the town its appositive is near
    (geo.claims.role: an appositive ending "недалеко от Y" makes Y a reference point)."""
    from geo.extract import extract_report

    text = ("Российские военные захватили Торское, поселок, расположенный недалеко от Лимана, сообщило Минобороны.\n"
            "Генштаб ВСУ не упомянул, что Торское перешло под контроль России, но отметил, что этот населенный пункт "
            "подвергся атакам.")
    claims = extract_report(Report(text=text, date=dt.date(2025, 1, 14)), gaz)
    assert {c.role for c in claims if c.place == "Лимана"} == {"background"}
    assert any(c.role == "event" and c.action is Action.CAPTURED for c in claims if c.place == "Торское")


@pytest.mark.parametrize("lead, frame_at", [
    # a lead of the post's own words that names no day, then the list's period in the next paragraph
    ("Російські окупанти продовжують обстрілювати прикордонні та прифронтові громади Харківщини, є загиблі та "
     "поранені серед мирних мешканців.\n\n", 1),
    # a lead that tells a strike of the report's own night first
    ("Сьогодні вночі ворог обстріляв Вовчанськ, у місті пошкоджено приватний будинок та господарчі споруди.\n\n", 1),
    # the period in the lead itself, as before
    ("", 0),
])
def test_a_strike_lists_period_dates_its_later_paragraphs(lead: str, frame_at: int) -> None:
    text = (lead + "Протягом минулої доби ворожих ударів зазнали 9 населених пунктів області.\n\n"
            "У с. Глушківка постраждав 50-річний чоловік.\n\n"
            "У Куп'янському районі пошкоджено приватний будинок (с. Кучерівка).")
    st = read_report(text)
    assert lead_date(text, st, dt.date(2026, 3, 3)) == (frame_at, dt.date(2026, 3, 2))
    claims = [Claim(name, action=Action.STRUCK, start=text.index(name), end=text.index(name) + len(name),
                    why=("claimant: author (unattributed)",)) for name in ("Глушківка", "Кучерівка")]
    out = apply_report_state(claims, st, text, dt.date(2026, 3, 3))
    assert [c.claim_date for c in out] == [dt.date(2026, 3, 2)] * 2


def test_a_day_after_an_undated_lead_that_is_no_strike_lists_period_dates_only_its_paragraph() -> None:
    # a calendar day or "yesterday" in the paragraph after the lead is that paragraph's own, as before; so is a past
    # day named further on than the paragraph right after the lead
    for second in ("Вчора ворог обстріляв Куп'янськ.\n\n", "Пресслужба обласної адміністрації оприлюднила дані.\n\n"
                   "Протягом минулої доби ворожих ударів зазнали 9 населених пунктів області.\n\n"):
        text = ("Російські окупанти продовжують обстрілювати прикордонні та прифронтові громади Харківщини, є загиблі "
                "та поранені серед мирних мешканців.\n\n" + second + "У с. Глушківка постраждав 50-річний чоловік.")
        assert lead_date(text, read_report(text), dt.date(2026, 3, 3)) == (-1, None), second


def test_a_headline_counting_the_report_day_leaves_the_news_day_to_the_lead() -> None:
    # the General Staff's "за добу" in a headline is the report's own day: no news day; the lead after it names the
    # day its summary counts ("За 26 лютого …", on the 27th), and the summary's "впродовж доби" further on is that day
    text = ("Генштаб: 230 боїв за добу\n\n"
            "За 26 лютого на фронті відбулося 230 бойових зіткнень, йдеться у зведенні Генерального штабу ЗСУ.\n\n"
            "На Покровському напрямку впродовж доби ворог атакував біля Родинського.\n\n"
            "На Костянтинівському напрямку захисники зупинили атаки біля Плещіївки.")
    st = read_report(text)
    day = dt.date(2026, 2, 26)
    assert lead_date(text, st, dt.date(2026, 2, 27)) == (1, day)
    claims = [Claim(name, action=Action.ATTACKED, start=text.index(name), end=text.index(name) + len(name),
                    claim_date=own, why=("claimant: author (unattributed)",))
              for name, own in (("Родинського", day), ("Плещіївки", None))]
    out = apply_report_state(claims, st, text, dt.date(2026, 2, 27))
    assert [c.claim_date for c in out] == [day, day], [c.why for c in out]
    # a headline that writes the day out is the lead as before
    dated = text.replace("Генштаб: 230 боїв за добу", "Бої 27 лютого: Генштаб про ситуацію на фронті")
    assert lead_date(dated, read_report(dated), dt.date(2026, 2, 27)) == (0, dt.date(2026, 2, 27))
