"""Finding place mentions: what is a place, and what only looks like one."""

from __future__ import annotations

import pytest

from geo.coordinates import find_coordinates
from geo.mentions import find_mentions, untranslate


def names(text, gaz):
    return [m.text for m in find_mentions(text, gaz, coordinates=find_coordinates(text))]


@pytest.mark.parametrize(
    "text, expected",
    [
        # cue words let Russian forms through even when GeoNames lacks them
        ("Units liberated the settlement of Zvanovka on Saturday.", ["Zvanovka"]),
        ("Fighting continues near Kleshcheevka and Andreevka.", ["Kleshcheevka", "Andreevka"]),
        # a dash-separated line of places
        ("The line Reznikovka - Kaleniki - Rai-Aleksandrovka held.", ["Reznikovka", "Kaleniki", "Rai-Aleksandrovka"]),
        # hyphen-joined places are split, one-name hyphens are kept
        ("the Zhuravka-Novenke-Veselivka area", ["Zhuravka", "Novenke", "Veselivka"]),
        ("toward Svyato-Pokrovskoe", ["Svyato-Pokrovskoe"]),
        # in a chain, a hyphenated name that is one place stays whole
        ("advanced along the Yablunivka-Oleksandro-Kalynove line", ["Yablunivka", "Oleksandro-Kalynove"]),
        ("along the Kupiansk-Vuzlovyi-Petropavlivka-Kurylivka section", ["Kupiansk-Vuzlovyi", "Petropavlivka", "Kurylivka"]),
        # the X direction
        ("Russian forces attacked in the Pokrovsk direction.", ["Pokrovsk"]),
        # a capture verb's list: a later item the gazetteer lacks as written is a name too, a person's is not
        ("DeepState said Russian troops had occupied Novoekonomichne and Myrolubivka.", ["Novoekonomichne", "Myrolubivka"]),
        ("Battlegroup Tsentr is taking action to liberate Novopavlovka and Novopodgorny, Gerasimov added.",
         ["Novopavlovka", "Novopodgorny"]),
        ("Russian forces captured Avdiivka and Lavrov said so.", ["Avdiivka"]),
    ],
)
def test_finds_places(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    "text",
    [
        # military vocabulary is not a place even where GeoNames has a namesake
        "Units of the 'South' Group and the 36th Guards Brigade advanced.",
        "The Western Military District reported gains.",
        # people: a first name and a surname, titles, initials
        "Kirill Dmitriev met Steve Witkoff. Dmitriev has a track record.",
        "President Putin spoke; Sergey Lavrov agreed.",
        "an assessment by Frederick W. Kagan and Karolina Hird",
        # common English words that are also villages somewhere
        "Many people see this as Progress. Key points follow.",
        # parts of other names: a plant, a newspaper, a sea, a unit
        "the Zaporizhzhia Nuclear Power Plant, the New York Times, the Sea of Azov, the Azov Battalion",
        # a headline in title case is not a list of people
    ],
)
def test_does_not_take_non_places(text, gaz) -> None:
    assert names(text, gaz) == []


def test_headline_names_are_places(gaz) -> None:
    # "Liberate Kotlyarovka" in a title-case headline is not "Firstname Surname"
    text = "Russian Forces Liberate Kotlyarovka Settlement in DPR\n\nThe settlement of Kotlyarovka was liberated."
    assert names(text, gaz).count("Kotlyarovka") == 2


def test_rivers_and_regions_are_kinds_of_their_own(gaz) -> None:
    ms = find_mentions("They reached the Volchya River in the Dnipropetrovsk region.", gaz)
    assert [(m.text, m.trigger) for m in ms] == [("Volchya River", "water"), ("Dnipropetrovsk region", "region")]


def test_coordinates_are_tied_to_the_name_before_them(gaz) -> None:
    text = "They liberated Otradnoe (47°54′20″ N, 36°14′58″ E, about 160 residents) and Tikhoe."
    ms = find_mentions(text, gaz, coordinates=find_coordinates(text))
    tied = {m.text: m.coordinate for m in ms}
    assert tied["Otradnoe"] is not None and round(tied["Otradnoe"].lat, 4) == 47.9056
    assert tied["Tikhoe"] is None


def test_slash_pairs_share_the_coordinates(gaz) -> None:
    text = 'liberated the small settlement of Petrovskoye/Pazeno (Ukr.) (48°46′02" N, 37°58′30" E)'
    ms = find_mentions(text, gaz, coordinates=find_coordinates(text))
    assert {m.text for m in ms} == {"Petrovskoye", "Pazeno"}
    assert all(m.coordinate is not None for m in ms)


def test_machine_translated_words_after_a_cue(gaz) -> None:
    ms = find_mentions("The district is credited with liberating the settlement of Middle.", gaz)
    assert [(m.text, m.trigger) for m in ms] == [("Middle", "translated")]
    # without a settlement cue, "Middle" is an English word
    assert find_mentions("In the Middle East talks went on.", gaz) == []
    assert untranslate("middle") == ("Serednie", "Sredneye")


def test_a_translated_name_listed_after_a_village_is_a_village(gaz) -> None:
    # a list's items are of one kind: "Progress" joined to a village's name is that village's neighbour
    ms = find_mentions("Their soldiers held on for weeks before Russia managed to capture Vovchye and Progress.", gaz)
    assert ("Progress", "translated") in [(m.text, m.trigger) for m in ms]
    ms = find_mentions("Heavy shelling hit Kurakhove, Peaceful and Dachne overnight, officials said.", gaz)
    assert ("Peaceful", "translated") in [(m.text, m.trigger) for m in ms]
    # after a word that is no village's name, an English word stays one
    assert "Progress" not in [m.text for m in find_mentions("Talks on security and Progress resumed in May.", gaz)]
    assert "Hope" not in [m.text for m in find_mentions("The president spoke of Unity and Hope on Monday.", gaz)]


def test_every_translated_name_row_reads_its_example(gaz) -> None:
    # geo/rules/translated_names.jsonl: each example, in the genre's form, gives its phrase as a
    # translated mention whose toponyms the gazetteer holds
    from geo.rules import load_table

    rows = load_table("translated_names", classes={"translated-name"}, fields={"toponyms": None, "source": None},
                      required=("toponyms",))
    assert len(rows) >= 30
    for row in rows:
        got = [(m.text.lower(), m.trigger) for m in find_mentions(row.example, gaz)]
        assert (row.phrase, "translated") in got, f"translated_names.jsonl:{row.line}: {got}"
        assert untranslate(row.phrase) == tuple(row.get("toponyms").split("|"))


def test_a_capitalised_function_word_is_no_village(gaz) -> None:
    # "Тим часом" (meanwhile), "Усі" (all) open sentences; villages of those names are not meant
    text = ("DeepState оновив мапу. Тим часом окупанти просунулися біля Покровська. "
            "Усі ці села перебувають під ударами.")
    assert [m.text for m in find_mentions(text, gaz)] == ["Покровська"]


def test_the_city_qualifier_stays_with_the_name(gaz) -> None:
    # ISW writes "Sumy City", "Odesa City" for the town as against the oblast
    assert names("Russian forces struck Odesa City and Sumy City overnight.", gaz) == ["Odesa City", "Sumy City"]


def test_cue_shortcut_agrees_with_the_cue_patterns() -> None:
    # _cue_start refuses or narrows a window from the words the cue patterns can end with:
    # it must agree with a plain search of the window, also when a pattern gains a cue word
    import random
    import re

    from geo import mentions as mm

    patterns = mm._CUES
    vocab = sorted({w for p in patterns.values() for w in re.findall(r"[a-z][a-z-]+", p.pattern)})
    vocab += ["liberated", "Captured", "SEIZED", "shelled", "linear", "deliberately", "the", "Pokrovsk", "ſettlement"]
    rnd = random.Random(7)
    for _ in range(4000):
        text = "".join(rnd.choice(vocab) + rnd.choice([" ", " ", "  ", "\n", ", "]) for _ in range(rnd.randint(1, 12)))
        for start in (len(text), len(text) - 1):
            before = text[max(0, start - 60) : start]
            for cue, p in patterns.items():
                assert mm._cue_in(cue, mm._cue_window(text, start)) == bool(p.search(before)), (cue, before)



def test_cue_shortcut_agrees_on_cues_of_several_words() -> None:
    # _CUE_SPANS cuts a window down to the words a cue may take: whole cue phrases, also inside
    # longer words ("mistook control of"), between other words and before fillers, must be found
    import random

    from geo import mentions as mm

    patterns = mm._CUES
    phrases = [
        "took control of", "control of", "control over", "expelled the enemy from", "the area of", "area of",
        "north of", "southwestern part of", "eastern part  of", "advanced on", "advancing towards", "advances to",
        "advanced from", "assaults on", "attacked on", "strike on", "urban-type settlement", "outskirts of",
        "shelled ", "struck  ", "hit", "liberated", "near", "into", "in", "between", "villages",
    ]
    pieces = ["", "mis", "re", "the", "of", "and", "Pokrovsk", "enemy", "part", "ſ", "1", ",", "(", "-"]
    fillers = ["the", "of", "settlement", "city", "small", "in", "near", "and", "THE", "urban-type", "x"]
    rnd = random.Random(11)
    for _ in range(6000):
        words = [rnd.choice(pieces) + rnd.choice(phrases)]
        words += [rnd.choice(pieces) for _ in range(rnd.randint(0, 3))]
        words[0:0] = [rnd.choice(phrases) for _ in range(rnd.randint(0, 2))]
        words += [rnd.choice(fillers) for _ in range(rnd.randint(0, 3))]
        if rnd.random() < 0.5:
            words = words[:1] + [rnd.choice(fillers) for _ in range(rnd.randint(0, 3))]
        text = "".join(w + rnd.choice([" ", " ", "  ", "\n", ", "]) for w in words)
        for start in (len(text), len(text) - 1):
            before = text[max(0, start - 60) : start]
            for cue, p in patterns.items():
                assert mm._cue_in(cue, mm._cue_window(text, start)) == bool(p.search(before)), (cue, before)


class _KeysOnly:
    """A gazetteer that knows a few keys and no spellings."""

    def __init__(self, *keys: str) -> None:
        self.keys = set(keys)

    def has_key(self, key: str) -> bool:
        return key in self.keys

    def candidates(self, name: str, **kwargs) -> list:
        return []


def test_capitalised_words_agree_with_reading_every_word() -> None:
    # find_mentions reads only the capitalised words (and "na", the word before a name where it
    # needs them): they must be what reading every word with _WORD, splitting compounds, gives
    import random

    from geo import mentions as mm

    gaz = _KeysOnly("zhuravka", "novenke", "ivan")
    alphabet = ["a", "b", "p", "d", "na", "NAD", "Pid", "pıd", "pİd", "nA", "x", "B", "É", "é", "Я", "я", "ß", "ǅ", "ı", "İ", "Ⓐ", "DPR",
                "Zhuravka", "Novenke", "Ivan", "'", "’", "ʼ", "-", "-", " ", " ", " ", "  ", "\n", "1", "_", ".", ","]
    rnd = random.Random(5)
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16) if _ % 10 else 120))
        every = [
            (m.start() + o, m.start() + o + len(p), p)
            for m in mm._WORD.finditer(text)
            for o, p in mm._split_word(m.group(), gaz)
        ]
        caps = [w for w in every if mm._is_cap(w[2])]
        assert mm._cap_words(text, gaz) == caps, text
        for i, word in enumerate(caps):
            k = every.index(word)
            if k == 0 or text[every[k - 1][1] : word[0]] != "-":  # not the second part of a compound
                assert mm._word_before(text, word[0], gaz) == (every[k - 1] if k else None), text
            # the run: joined capitalised words and "na", "nad", "pid", ending with a capitalised one
            run = [word]
            while len(run) < 4 and k + len(run) < len(every):
                nxt = every[k + len(run)]
                if not (mm._joined(text, run[-1][1], nxt[0]) and (mm._is_cap(nxt[2]) or nxt[2].lower() in ("na", "nad", "pid"))):
                    break
                run.append(nxt)
            while not mm._is_cap(run[-1][2]):
                run.pop()
            assert mm._run(text, caps, i, 4) == run, text


def test_a_first_name_that_is_also_a_city_is_not_a_place(gaz) -> None:
    # "Vladimir" is a city of 350,000 and a common word in English news; before "Putin" (only an
    # old name of a Ukrainian village) it is a first name: no "captured Vladimir" on the map
    from geo.extract import extract_text

    said = extract_text("Russian troops captured Pokrovsk, Vladimir Putin said.", gaz)
    assert [c.place for c in said] == ["Pokrovsk"]
    assert not find_mentions("The president of Ukraine Vladimir Zelenski met the envoy.", gaz)
    # the city itself, named as a place, still is one
    assert [m.text for m in find_mentions("Drones attacked Vladimir and Rostov overnight.", gaz)] == ["Vladimir", "Rostov"]


def test_a_contraction_with_a_curly_apostrophe_is_no_place(gaz) -> None:
    # "I’ve" (non-ASCII apostrophe, not Cyrillic) is a common English word, not Iwye in Belarus
    assert not find_mentions("At present, I’ve heard this literally in the past day or three.", gaz)


# Russian and Ukrainian: names in every case (pymorphy3 nominatives the gazetteer knows), common words
# that are names only where they stand, and what only looks like a name. Sentences written for the test.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a name of two words in an oblique case: adjective and noun agree
        ("Окупанти обстріляли Малу Токмачку та Білогір'я.", ["Малу Токмачку", "Білогір'я"]),
        ("Бої тривають поблизу Сухого Яру і біля Нової Полтавки.", ["Сухого Яру", "Нової Полтавки"]),
        ("Російські війська просунулися в Сухих Ялах.", ["Сухих Ялах"]),
        ("Подразделения продвигаются к Красному Лиману и Верхней Терсе.", ["Красному Лиману", "Верхней Терсе"]),
        # a Ukrainian name of two words in its Russian spelling (GeoNames holds only "Червона Криниця")
        ("Артиллерия поразила живую силу ВСУ у Червоной Криницы и Малой Токмачки.",
         ["Червоной Криницы", "Малой Токмачки"]),
        # a village named by a common adjective, capitalised inside a sentence
        ("Ворог атакував в районах Удачного та Вільного.", ["Удачного", "Вільного"]),
        ("Армия взяла под контроль населенные пункты Новое и Сладкое Запорожской области.",
         ["Новое", "Сладкое", "Запорожской области"]),
        # a common noun: a name in a list of names, or after "села"
        ("Ворог штурмував позиції біля Маяк, Никанорівка та Промінь.", ["Маяк", "Никанорівка", "Промінь"]),
        ("Минобороны сообщило о взятии села Искра.", ["Искра"]),
        # a name that reads as a plural adjective, after a word that calls it a settlement
        ("Окупанти тиснуть на населений пункт Плавні з півдня.", ["Плавні"]),
        # or amid a list of names, a comma and a name before it and one after
        ("Дрони атакували Запоріжжя, Червонодніпровку, Плавні, Гуляйполе та Степове.",
         ["Запоріжжя", "Червонодніпровку", "Плавні", "Гуляйполе", "Степове"]),
        ("Штурмові групи ворога атакували біля Ямполя.", ["Ямполя"]),
        # a region word after the name: a region, not a village
        ("Окупанти зайняли Пустинку в Покровському районі.", ["Пустинку", "Покровському районі"]),
        ("Бои идут у Новодмитровки в Донецкой Народной Республике.",
         ["Новодмитровки", "Донецкой Народной Республике"]),
        # an acronym before a name is no first name
        ("Зафіксовано два РСЗВ-обстріли Роботиного.", ["Роботиного"]),
        # a Russian feminine name in -чка in the locative, which the analyser reads as a masculine noun's (маячок)
        ("В Новой Маячке повреждены два дома.", ["Новой Маячке"]),
        ("Бои продолжаются в Малой Токмачке.", ["Малой Токмачке"]),
        # a town's name that is as frequent as a common word, opening a sentence
        ("Гуляйполе обороняют две бригады.", ["Гуляйполе"]),
        # a hyphenated name typed with an en dash (made a hyphen when the text is read)
        ("Ворог обстріляв околиці Рай-Олександрівки.", ["Рай-Олександрівки"]),
        # later items of an English list a cue opens are cued too (a mangled one is found by fuzzy match)
        ("In the area, the villages of Krasne, Pletnevka and Pylna are held by Russian troops.",
         ["Krasne", "Pletnevka", "Pylna"]),
    ],
)
def test_finds_russian_and_ukrainian_names_in_any_case(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    "text, absent",
    [
        # a first name and the surname after it, and the surname in another case later on
        ("Об этом написал Олег Царев. По словам Царева, бои продолжаются.", {"Олег", "Царев", "Царева"}),
        # the capitalised common noun opening an institution's name, a feminine adjective of a group
        ("Сили оборони відбили атаку. Штурмовики Западной группировки наступали.", {"Сили", "Западной"}),
        # a name in quotes: a unit or an outlet
        ("Бойцы «Азова» отступили, пишет редактор «Новин Донбасу».", {"Азова", "Новин"}),
        # the noun of a two-word name the gazetteer lacks is not a town of its own
        ("Бои идут за населенный пункт Малая Локня.", {"Малая", "Локня", "Малая Локня"}),
        # a common word at a sentence start
        ("Вільне пересування обмежене.", {"Вільне"}),
        # a nickname after "call sign" / "позывной", a venue's name, a plural adjective opening a sentence
        ("Командир с позывным Малек рассказал о боях.", {"Малек"}),
        ("A fighter with the call sign Tikhiy spoke near Kupiansk.", {"Tikhiy"}),
        ("Troops fought near the Tsarskaya Okhota restaurant.", {"Tsarskaya", "Tsarskaya Okhota"}),
        ("Штурмовые отряды продвинулись вперед.", {"Штурмовые"}),
        # one end of a list is not enough: a plural adjective after a name and a comma opens a noun phrase
        ("Бои идут у Тихого, Штурмовые группы отходят.", {"Штурмовые"}),
        # a word of the language opening a sentence, a village's name only as some village's other name
        ("Дроны атаковали Херсон ночью.", {"Дроны"}),
        ("Дрони атакували Херсон уночі.", {"Дрони"}),
        # an article opens no name: the town is the name without it
        ('"The Kurakhove direction is the hardest now," he said.', {"The Kurakhove"}),
    ],
)
def test_russian_and_ukrainian_words_that_only_look_like_names(text, absent, gaz) -> None:
    assert not absent & set(names(text, gaz)), names(text, gaz)


def test_a_surname_shaped_item_of_a_settlement_list_is_a_place(gaz) -> None:
    # -ov and -in end surnames ("met with Lavrov"), but an item of a list the sentence calls villages
    # (or a list after "near") is one of them, mangled or not
    text = "Fighting goes on for the villages of Morokhovets, Oliinykove and Lukyanov."
    assert names(text, gaz) == ["Morokhovets", "Oliinykove", "Lukyanov"]
    text = "Assaults were repelled near Myrne, Rozlyv and Veselein."
    assert "Veselein" in names(text, gaz)
    # a surname after a person's verb stays out
    assert "Lavrov" not in names("The minister met with Lavrov in Moscow.", gaz)


def test_a_cyrillic_word_calling_a_settlement_lets_an_unknown_name_through(gaz) -> None:
    # "населенный пункт" calls the next word a settlement: a misspelt name is looked for (fuzzily)
    text = "Подразделения освободили населенный пункт Пушикно в Донецкой Народной Республике."
    assert "Пушикно" in names(text, gaz)
    # without such a word, an unknown capitalised word is not a place
    assert "Пушикно" not in names("Подразделения отметили, что Пушикно отступил.", gaz)


def test_a_ukrainian_adjectival_name_with_the_alternation_is_a_place(gaz) -> None:
    # "Костянтинопільському": the gazetteer holds the village as Костянтинопольське (о/і alternation)
    text = "Ворог просунувся в Костянтинопільському, Сухих Ялах та біля Дальнього."
    assert "Костянтинопільському" in names(text, gaz)
    # "Село" opening a sentence is no part of the name, even where an alternation of the pair is a key
    assert names("Село Липівка знаходиться поруч.", gaz) == ["Липівка"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a plural "settlements" word and a colon head a list: a common adjective after it is a village
        ("За неделю подразделения заняли два населённых пункта: Хорошее и Вольное.", ["Хорошее", "Вольное"]),
        ("Освобождены населенные пункты: Хорошее, Сосновка.", ["Хорошее", "Сосновка"]),
        ("Противник атакував населені пункти: Вільне, Хороше.", ["Вільне", "Хороше"]),
        # the same word opening a sentence, or after a colon of another heading, stays a word
        ("Итоги недели: Хорошее настроение сохраняется у бойцов.", []),
    ],
)
def test_a_list_headed_by_settlements_and_a_colon(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


def test_an_english_preposition_opens_no_name(gaz) -> None:
    # "In Kupiansk direction": the preposition is not part of the town's name
    assert names("In Kupiansk direction, Russian troops attacked near Synkivka.", gaz) == ["Kupiansk", "Synkivka"]


def test_a_not_place_row_covers_every_romanisation_of_it(gaz) -> None:
    # the nickname row is "Khortytsia"; a report writes "Khortytsya": the same group of forces
    text = "A spokesman of the Khortytsya operational-strategic group said Russians attacked near Ocheretyne."
    assert names(text, gaz) == ["Ocheretyne"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a river's or a street's name after its Russian or Ukrainian kind word is no village
        ("Российские войска форсировали реку Волчья и закрепились южнее Волчанска.", ["Волчанска"]),
        ("Окупанти фіксуються на протилежному березі річки Вовча від села Дачне.", ["Дачне"]),
        ("Бої тривають на вулиці Івана Франка у Вовчанську.", ["Вовчанську"]),
        # every case of the street word, and each street listed after it (the street-before rows)
        ("Штурмовики продвинулись на улице Шевченко в Покровске.", ["Покровске"]),
        ("Бои идут по улицам Вишневая и Спартака в Покровске.", ["Покровске"]),
        ("Противник закрепился на улицах Садовая, Шевченко и Гагарина в Мирнограде.", ["Мирнограде"]),
        ("Окупанти просунулися вулицею Шевченка у Покровську.", ["Покровську"]),
        ("Основні бої точаться в районах вулиць Центральна, Шахтарська та Шевченка у Покровську.", ["Покровську"]),
        ("Група окупантів рухається проспектом Миру в Покровську.", ["Покровську"]),
        ("Бои идут в микрорайоне Шахтерский в Мирнограде.", ["Мирнограде"]),
        # a village named after the street's namesake, outside the street's list, is a place
        ("Бои идут на улице Садовой, а ВС РФ освободили Шевченко.", ["Шевченко"]),
        ("Бои идут на улице Садовой и у села Шевченко.", ["Шевченко"]),
        # English names the street after its name
        ("Russian forces advanced along Shevchenko Street in Pokrovsk.", ["Pokrovsk"]),
        ("Russian forces advanced along the Myru prospekt in Pokrovsk.", ["Pokrovsk"]),
    ],
)
def test_a_river_or_street_word_before_a_name(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # an outlet's or a council's name opens with a place's name: neither is the place
        ("The attack was reported by Ukrainska Pravda, citing soldiers near Berdychi.", ["Berdychi"]),
        ("A spokesman told the Kyiv Independent that Russians entered Vovche.", ["Vovche"]),
        ("Troops seized the Novohrodivka City Council in the centre of the town.", []),
        # written in lower case, the words after a town are no name's
        ("Russian troops entered Novohrodivka and the city council building.", ["Novohrodivka"]),
    ],
)
def test_an_outlet_or_council_named_after_a_place(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


@pytest.mark.parametrize("text, names", [
    # "Это" opening a sentence is a pronoun, not the adjective of a longer name ("Это Андреевка" is no village)
    ("Войска освободили два села. Это Андреевка и Каменское.", ["Андреевка", "Каменское"]),
    ("Войска освободили село. Это — Андреевка.", ["Андреевка"]),
])
def test_a_pronoun_opening_a_sentence_is_no_part_of_the_name_after_it(gaz, text: str, names: list[str]) -> None:
    assert [m.text for m in find_mentions(text, gaz)] == names


@pytest.mark.parametrize(
    "text, expected",
    [
        # a village whose name is a common word, capitalised after a preposition of place, near the report's other place
        ("Бої тривають у Зорі та поблизу Торецька.", ["Зорі", "Торецька"]),
        ("Бої тривали у Зорі минулої доби, поблизу Торецька теж.", ["Зорі", "Торецька"]),
        ("Ворог атакував у районі Надії неподалік Добропілля.", ["Надії", "Добропілля"]),
        # ... or as the object of an event's verb (an action row)
        ("Окупанти захопили Зорю, бої тривають поблизу Торецька.", ["Зорю", "Торецька"]),
        # a Russian spelling of a hyphenated Ukrainian name after a list conjunction
        ("Противник наступал со стороны Часова Яра и Александро-Шультино.", ["Часова Яра", "Александро-Шультино"]),
        # a town of 20,000 or more after a preposition needs no other place
        ("Бої тривають у Харкові.", ["Харкові"]),
        ("Ворог атакував поблизу Авдіївки.", ["Авдіївки"]),
        # ... or after a noun of a move on a town, its object in the genitive (a place-before row)
        ("Российские войска завершают охват Сум с севера.", ["Сум"]),
        ("Эксперты оценили вероятность захвата Сум как невысокую.", ["Сум"]),
        ("Ворог готує оточення Сум з півночі.", ["Сум"]),
    ],
)
def test_a_capitalised_common_word_in_a_place_position_is_a_place_near_the_others(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # the villages named Культура lie far from Pokrovsk: the word stays a word
        ("Бої тривають у Культурі, поблизу Покровська.", ["Покровська"]),
        ("Окупанти захопили Культуру, бої тривають поблизу Покровська.", ["Покровська"]),
        # a common word in lower case stays a common word, capitalised or not
        ("Бої поблизу Добропілля, надія є.", ["Добропілля"]),
        # an institution after a preposition, a region's adjective before its region word
        ("Про це заявили у Генштабі, бої поблизу Покровська.", ["Покровська"]),
        ("Бои идут в Курской области у Суджи.", ["Суджи"]),
        # a noun of an event is no verb: the capitalised word after it heads its own phrase
        ("Під час нічної атаки Сили протиповітряної оборони збили дрони над Херсоном.", ["Херсоном"]),
        # a noun before a genitive heads a phrase; a country is never a village of its name
        ("У Силах оборони заперечують просування біля Успенівки та Павлівки.", ["Успенівки", "Павлівки"]),
        ("По всій лінії фронту в Україні тривають бої, зокрема біля Покровська.", ["Покровська"]),
        # an adjective agreeing with the lower-case noun after it qualifies that noun
        ("Противник атакует в сторону Щербиновки в Донецкой народной республике.", ["Щербиновки"]),
    ],
)
def test_a_common_word_in_a_place_position_stays_a_word_away_from_the_others(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


def test_the_cells_of_placed_names_find_what_a_search_of_every_place_finds() -> None:
    # _placed_kept asks whether another of the report's places lies within 40 km of a candidate; the cells look only
    # at the cells within reach, so they must answer as a look at every place does, at every latitude
    import math
    import random
    from types import SimpleNamespace

    from geo.mentions import PLACED_NEAR_KM, _Cells

    def brute(p, places, km):
        for o in places:
            if o.geonameid == p.geonameid:
                continue
            dy = (p.lat - o.lat) * 111.2
            dx = (p.lon - o.lon) * 111.2 * math.cos(math.radians((p.lat + o.lat) / 2))
            if dx * dx + dy * dy <= km * km:
                return True
        return False

    rng = random.Random(7)
    for lat0 in (44.0, 48.5, 56.0, 68.0):
        places = [SimpleNamespace(geonameid=k, lat=lat0 + rng.uniform(-3, 3), lon=37 + rng.uniform(-5, 5))
                  for k in range(400)]
        cells = _Cells()
        for p in places[:300]:
            cells.add(p)
        for p in places:
            assert cells.near(p, PLACED_NEAR_KM) == brute(p, places[:300], PLACED_NEAR_KM), (p.lat, p.lon)


# A person named by a first name before the surname (geo/rules/first_names.jsonl: pymorphy3 misses
# "Володимир", "Сергей", "Марина"), or standing alone next to a speech verb or after an attribution.
# Sentences written for the test.
@pytest.mark.parametrize(
    "text, person, place",
    [
        ("The brigade spokesman Oleh Chaus said Russian troops attacked Tykhe. Chaus said the attack failed.",
         {"Oleh", "Chaus"}, ["Tykhe"]),
        ("Ukrainian troops held near Orlivka, according to Dmytro Likhovyi. Likhovyi added that it was calm.",
         {"Dmytro", "Likhovyi"}, ["Orlivka"]),
        ("Про це розповів президент Володимир Зеленський. Бої тривають біля Олександрівки.",
         {"Володимир"}, ["Олександрівки"]),
        ("За словами Володимира Голягіна, бої тривають біля Сіверська.", {"Володимира"}, ["Сіверська"]),
        ("Текст: Мария Иванова. Войска заняли Ивановку.", {"Мария", "Иванова"}, ["Ивановку"]),
        ("Генерал в отставке Сергей Липовой рассказал о боях у Тихого.", {"Сергей", "Липовой"}, ["Тихого"]),
        # a surname alone: before a speech verb, or closing an attribution
        ("Бої тривають біля Тихого.\nВолошин зазначив, що спроби ворога провалилися.", {"Волошин"}, ["Тихого"]),
        ("Likhovyi reported that Ukrainian forces held the line near Orlivka.", {"Likhovyi"}, ["Orlivka"]),
        ("The plan, according to Kyslytsya, left Tykhe to Ukraine.", {"Kyslytsya"}, ["Tykhe"]),
    ],
)
def test_a_person_is_no_place(text, person, place, gaz) -> None:
    found = names(text, gaz)
    assert not person & set(found), found
    assert [n for n in found if n in place] == place, found


@pytest.mark.parametrize(
    "text, expected",
    [
        # a village named like a person's first name stays a place
        ("Russian troops shelled Oleksandrivka and Ivanivka overnight.", ["Oleksandrivka", "Ivanivka"]),
        # a big town or a seat of power may speak for its authorities; a place after a preposition is
        # what the clause is about, whatever verb follows
        ("Kharkiv said the strike hit a school. Moscow said it took Tykhe.", ["Kharkiv", "Moscow", "Tykhe"]),
        ("Fighting near Orlivka reported by the brigade went on.", ["Orlivka"]),
        ("У Тихому повідомили про обстріл.", ["Тихому"]),
        # a first name before a region word is the city's own name
        ("Drones struck Vladimir Oblast overnight.", ["Vladimir Oblast"]),
    ],
)
def test_a_place_named_like_a_person_stays_a_place(text, expected, gaz) -> None:
    assert names(text, gaz) == expected


def test_a_credit_lines_label_is_no_place_but_its_village_is(gaz) -> None:
    # "Джерело:" opening a line labels a credit (geo/rules/stop_words.jsonl, class label); the village
    # of the name, called one, stays a place
    assert names("Росіяни зайняли Тихе.\n\nДжерело: DeepState\n", gaz) == ["Тихе"]
    assert names("Бої тривають біля Тихого.\nДжерело\n", gaz) == ["Тихого"]
    assert names("Окупанти обстріляли село Джерело.", gaz) == ["Джерело"]


def test_an_agencys_dateline_before_a_dash_opens_no_list_of_names(gaz) -> None:
    # "INTERFAX.RU - Российские военные…": the word after the dash opens the sentence; a line of
    # names joined by dashes is still one
    assert names("Москва. 31 декабря. INTERFAX.RU - Российские военные заняли Тихое.", gaz) == ["Москва", "Тихое"]
    assert names("The line Reznikovka - Kaleniki - Rai-Aleksandrovka held.", gaz) == [
        "Reznikovka", "Kaleniki", "Rai-Aleksandrovka"]


@pytest.mark.parametrize("text, name, place", [
    # a capitalised word that names a unit or a TV channel, not a village
    ("Бойцы Добровольческого Корпуса идут вперёд у Ступочек.", "Добровольческого", "Ступочек"),
    ("Об этом военкор рассказал в эфире Первого канала, бои идут у Торского.", "Первого", "Торского"),
    ("Підрозділи Третього армійського корпусу відбивають штурми біля Лиману.", "Третього", "Лиману"),
    ("Раніше Сили Оборони відкинули ворога від Товстого.", "Сили", "Товстого"),
])
def test_a_units_or_channels_capitalised_word_is_no_village(gaz, text, name, place) -> None:
    found = [m.text for m in find_mentions(text, gaz)]
    assert name not in found and place in found


@pytest.mark.parametrize("text, name, place", [
    # a surname after a war correspondent's or expert's title is a person's, not a village's
    ("По словам военкора Стешина, бои идут у Работино.", "Стешина", "Работино"),
    ("Бои идут у Торского, заявил военкор Иванов.", "Иванов", "Торского"),
    ("Военэксперт Дандыкин сообщил о боях у Купянска.", "Дандыкин", "Купянска"),
])
def test_a_surname_after_a_war_correspondents_title_is_no_village(gaz, text, name, place) -> None:
    found = [m.text for m in find_mentions(text, gaz)]
    assert name not in found and place in found


@pytest.mark.parametrize("text, name", [
    # a plural settlement word calls the names after it settlements, with a colon or without one: a name the
    # gazetteer holds only in its Ukrainian spelling is found through the Russian→Ukrainian rules there
    ("Бои идут в районах населенных пунктов Косовцево и Новое Поле.", "Косовцево"),
    ("Продвижение отмечено в направлении сел Косовцево и Новое Поле.", "Косовцево"),
    ("Освобождены населенные пункты Косовцево и Новое Поле.", "Косовцево"),
])
def test_plural_settlement_word_calls_its_list(gaz, text: str, name: str) -> None:
    assert name in [m.text for m in find_mentions(text, gaz)]
