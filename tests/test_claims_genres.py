"""The action of a claim in the genres' own formulas: General Staff summaries, DeepState posts, regional
administrations' strike lists, Russian MoD bulletins and milbloggers, English news and ISW. The sentences are
written for these tests in each genre's form (real place names, invented events)."""

from __future__ import annotations

import pytest

from geo.claims import analyse_mention
from geo.model import Action


def _claim(sentence: str, name: str):
    start = sentence.index(name)
    return analyse_mention(sentence, start, start + len(name))


@pytest.mark.parametrize("sentence, name, action, modality", [
    # Ukrainian General Staff summary
    ("На Покровському напрямку окупанти здійснили 40 спроб потіснити наших захисників із позицій у районах "
     "Котлиного, Удачного та Муравки.", "Удачного", Action.ATTACKED, "attempted"),
    ("На Лиманському напрямку ворог здійснив 12 атак, намагаючись просунутися у бік Ямполя та Зарічного.",
     "Зарічного", Action.ATTACKED, "attempted"),
    ("На Південно-Слобожанському напрямку окупанти намагалися розширити зону контролю біля Вовчанська.",
     "Вовчанська", Action.ATTACKED, "attempted"),
    # DeepState
    ("Армія РФ окупувала Новоселівку та Дачне, повідомили аналітики DeepState.", "Дачне", Action.CAPTURED, "done"),
    ("Ворог окупувала Ліпці.", "Ліпці", Action.CAPTURED, "done"),
    ("На мапі позначено, що окупанти проникають у Костянтинівку.", "Костянтинівку", Action.ENTERED, "done"),
    # Russian MoD and milbloggers
    ("Министерство обороны сообщило о взятии под контроль населенного пункта Каменское.", "Каменское",
     Action.CAPTURED, "done"),
    ("Село Новопавловка взято под контроль бойцами группировки войск «Центр».", "Новопавловка", Action.CAPTURED, "done"),
    ("Расчет беспилотника уничтожил танк ВСУ в районе населенного пункта Ивановка.", "Ивановка", Action.STRUCK, "done"),
    ("Штурмовики форсировали реку Волчья у поселка Андреевка.", "Андреевка", Action.ADVANCING, "done"),
    ("Подразделения закрепились на окраине Константиновки.", "Константиновки", Action.ENTERED, "done"),
    ("Малые группы ВСУ просачиваются в Купянск с севера.", "Купянск", Action.ENTERED, "done"),
])
def test_genre_formulas(sentence: str, name: str, action: Action, modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, modality), c.why


@pytest.mark.parametrize("sentence, name", [
    # an attack by drones, missiles, artillery or aviation is a strike (strike lists, news)
    ("За добу 27 БПЛА різних модифікацій атакували Приморське, Степногірськ та Малу Токмачку.", "Степногірськ"),
    ("Ворог здійснив 11 БПЛА-атак по Оріхову та Малокатеринівці.", "Малокатеринівці"),
    ("Російська артилерія атакувала Нікополь і Марганець.", "Марганець"),
    ("Russian drones attacked Kherson and Bilozerka overnight.", "Bilozerka"),
    ("Ukrainian forces attacked Belgorod with drones, the governor said.", "Belgorod"),
    # compounds and formulas of the strike lists
    ("38 артобстрілів завдано по території Гуляйполя та Оріхова.", "Оріхова"),
    ("Летчики сбрасывают ФАБы на позиции противника в поселке Малая Токмачка.", "Малая Токмачка"),
    # a count of weapons in a line with no verb: the places it hit
    ("- 52 БпЛА різної модифікації Гуляйполе, Залізничне та Преображенка;", "Залізничне"),
    ("- 12 drones at Nikopol, Marhanets and Pokrovske;", "Marhanets"),
])
def test_strikes_by_weapons(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.STRUCK


@pytest.mark.parametrize("sentence, name, action", [
    # ground attacks stay attacks, and weapons that are not the attacker change nothing
    ("Russian forces attacked near Toretsk and Shcherbynivka.", "Shcherbynivka", Action.ATTACKED),
    ("Ворог атакував позиції наших захисників біля Торського.", "Торського", Action.ATTACKED),
    # a weapon named without a count or a verb is no strike
    ("Drone footage from Kupiansk shows Russian soldiers in a forest.", "Kupiansk", Action.OTHER),
    ("Air defence shot down 24 drones over Odesa.", "Odesa", Action.OTHER),
    # 'дронов' in Russian is the genitive of drones, not the Ukrainian 'дроновий терор'
    ("Подразделение подобралось к Рыбному, выждав пролет дронов ВСУ.", "Рыбному", Action.OTHER),
])
def test_attacks_and_weapons_apart(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action", [
    # English cues as rows: a gap of up to three words, stems, and words that make the phrase something else
    ("Russian forces took full control of Dachne, the ministry said.", "Dachne", Action.CAPTURED),
    ("Russian forces established control over Dachne.", "Dachne", Action.CAPTURED),
    ("Russian forces took Dachne under control.", "Dachne", Action.CAPTURED),
    ("Novoselivka came under Russian control in March.", "Novoselivka", Action.CAPTURED),
    ("Russian units expelled the Ukrainian forces from Dachne.", "Dachne", Action.CAPTURED),
    ("Russian soldiers raised the Russian flag over Dachne.", "Dachne", Action.CAPTURED),
    ("Ukrainian units withdrew their last troops from Dachne.", "Dachne", Action.ADVANCING),
    ("Russian assault groups are operating in Dachne.", "Dachne", Action.FIGHTING),
    ("Russian attack helicopters struck Dachne.", "Dachne", Action.STRUCK),
    ("Tank crews took part in the fighting near Dachne.", "Dachne", Action.FIGHTING),
    ("Russia continues to press against Chasiv Yar and Toretsk.", "Toretsk", Action.ATTACKED),
    ("Russian forces became more active on the Zaporizhzhia front.", "Zaporizhzhia", Action.FIGHTING),
])
def test_english_cue_rows(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


# Issue 13: the action of Russian and Ukrainian reports by genre. Each sentence is written for this test in the
# genre's form (real place names, invented events).
@pytest.mark.parametrize("sentence, name, action", [
    # Russian MoD bulletin, per group of forces: losses inflicted on troops in the areas of villages are the fighting
    # there; a strike on objects stays a strike
    ("Нанесено поражение живой силе и технике двух механизированных бригад ВСУ в районах населенных пунктов "
     "Гродовка и Мирноград.", "Мирноград", Action.FIGHTING),
    ("Подразделения улучшили положение по переднему краю и нанесли поражение формированиям трех бригад ВСУ в "
     "районах Северска и Часова Яра.", "Часова Яра", Action.FIGHTING),
    ("Нанесено поражение пунктам временной дислокации ВСУ в районах Краматорска и Дружковки.", "Дружковки",
     Action.STRUCK),
    ("Продолжается уничтожение формирований ВСУ, окруженных в Красноармейске.", "Красноармейске", Action.FIGHTING),
    ("Армия России взяла под контроль село Сладкое.", "Сладкое", Action.CAPTURED),
    ("Министерство обороны сообщило о переходе под контроль поселка Ямполь.", "Ямполь", Action.CAPTURED),
    ("Подразделения группировки «Запад» продолжили зачистку Купянска.", "Купянска", Action.FIGHTING),
    ("Подразделения группировки «Центр» завершили зачистку Родинского.", "Родинского", Action.CAPTURED),
    ("Бойцы улучшили тактическое положение в районе Дерилово.", "Дерилово", Action.ADVANCING),
    # war correspondents and milbloggers
    ("Российские войска захватили новые рубежи и позиции у Торского.", "Торского", Action.ADVANCING),
    ("Наши штурмовики заняли несколько позиций под Северском.", "Северском", Action.ADVANCING),
    ("Штурмовые группы вышли к окраинам Константиновки.", "Константиновки", Action.ADVANCING),
    ("Российские подразделения подошли к Лиману на три километра.", "Лиману", Action.ADVANCING),
    ("Штурмовики водрузили флаг в центре Новопавловки.", "Новопавловки", Action.CAPTURED),
    ("Над Ямполем поднят российский флаг.", "Ямполем", Action.CAPTURED),
    ("Части ВСУ в Мирнограде находятся в окружении.", "Мирнограде", Action.FIGHTING),
    ("Штурмовая группа прорвалась в Тоненькое.", "Тоненькое", Action.ENTERED),
    ("Противник отступил из Курахово.", "Курахово", Action.CAPTURED),
    ("ВСУ пытались контратаковать в районе Ступочек, но были отброшены.", "Ступочек", Action.REPELLED),
    # officials quoted in Russian press
    ("Глава ДНР заявил, что Курахово полностью перешло под контроль ВС РФ.", "Курахово", Action.CAPTURED),
    ("Пушилин отметил, что в Северске продолжается зачистка.", "Северске", Action.FIGHTING),
    ("Балицкий сообщил, что ВСУ атаковали Каменку-Днепровскую беспилотниками.", "Каменку-Днепровскую", Action.STRUCK),
    # DeepState in Ukrainian
    ("Противник здійснює інфільтрацію в Мирноград.", "Мирноград", Action.ENTERED),
    ("Противник просочується в Лиман малими групами.", "Лиман", Action.ENTERED),
    ("Ворог заходить у Мирноград невеликими групами.", "Мирноград", Action.ENTERED),
    ("Ворог мав просування біля Курахового.", "Курахового", Action.ADVANCING),
    ("DeepState повідомляє про окупацію Шевченка.", "Шевченка", Action.CAPTURED),
    ("Росіяни захопили наші позиції біля Торського.", "Торського", Action.ADVANCING),
    # the Ukrainian General Staff: the enemy storms, our side defends
    ("На Лиманському напрямку відбулося 7 боєзіткнень біля Зарічного.", "Зарічного", Action.FIGHTING),
    ("На Костянтинівському напрямку ворог 18 разів штурмував наші позиції біля Іванопілля.", "Іванопілля",
     Action.ATTACKED),
    ("Противник провів 22 штурмові дії поблизу Кліщіївки.", "Кліщіївки", Action.ATTACKED),
    ("Наші воїни відбили дев'ять штурмових дій противника в районі Білогорівки.", "Білогорівки", Action.REPELLED),
    ("Тривають бойові дії в районі Торецька.", "Торецька", Action.FIGHTING),
    # strike lists
    ("Російська армія вдарила по Херсону з артилерії.", "Херсону", Action.STRUCK),
    ("Ворог гатив по Марганцю з артилерії.", "Марганцю", Action.STRUCK),
    ("Окупанти скинули КАБ на Куп'янськ.", "Куп'янськ", Action.STRUCK),
    ("КАБ влучила в Костянтинівку.", "Костянтинівку", Action.STRUCK),
    ("Ворог поцілив безпілотниками по Покровській громаді та Марганцю.", "Марганцю", Action.STRUCK),
    ("У Білозерці внаслідок обстрілу поранено двох людей.", "Білозерці", Action.STRUCK),
])
def test_russian_and_ukrainian_genre_cues(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    # a try to fight is an attack: "пытались/намагається" with a counterattack or a storming
    ("Противник предпринимает попытки контратаковать в районе Клещеевки.", "Клещеевки"),
    ("Ворог намагається штурмувати Куп'янськ.", "Куп'янськ"),
    ("Российские окупанты без успіху штурмували позиції біля Дементіївки.", "Дементіївки"),
    # a try that failed, said in Russian or Ukrainian without 'to'
    ("ВСУ не смогли прорваться к Малой Локне.", "Малой Локне"),
    ("Ворогу не вдалося просунутися біля Ямполя.", "Ямполя"),
])
def test_attempts_are_attacks(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (Action.ATTACKED, "attempted"), c.why


@pytest.mark.parametrize("sentence, name", [
    # a negation in Russian or Ukrainian; a capture prevented did not happen
    ("Противник не взял Северск, бои продолжаются.", "Северск"),
    ("Військові вживають заходів для запобігання оточенню і захопленню Успенівки.", "Успенівки"),
])
def test_negated_in_russian_and_ukrainian(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.negated and c.action is Action.OTHER, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # "не менее", "не прекращают попыток" negate nothing
    ("Отражено не менее пяти атак у Работино.", "Работино", Action.REPELLED),
    ("Противник не прекращает попыток атаковать у Работино.", "Работино", Action.ATTACKED),
    ("Противник, не считаясь с потерями, атакует Северск.", "Северск", Action.ATTACKED),
    ("Не прекращаются бои за Северск.", "Северск", Action.FIGHTING),
    ("Ворог, не зважаючи на втрати, атакує біля Ямполя.", "Ямполя", Action.ATTACKED),
])
def test_russian_ne_that_negates_nothing(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action and not c.negated, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a heading: a place, a dash (the Russian and Ukrainian 'is') or a colon, and what happened there
    ("В районе Спорного — позиционные бои.", "Спорного", Action.FIGHTING),
    ("Біля Ямполя – бої за висоту.", "Ямполя", Action.FIGHTING),
    ("Антонівка: пошкоджено приватний будинок внаслідок обстрілу.", "Антонівка", Action.STRUCK),
    # a list of names after a colon takes the verb before it
    ("Противник завдав 380 ударів по 12 населених пунктах області: Гуляйполю, Оріхову та Степногірську.",
     "Степногірську", Action.STRUCK),
    ("Армия России освободила два населенных пункта: Новое и Сладкое.", "Сладкое", Action.CAPTURED),
])
def test_heading_and_colon_list(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # a long clause before a dash is no heading; words other than names after a colon are no list
    ("Российские военные сегодня утром прибыли в Ямполь — бои идут севернее.", "Ямполь"),
    ("Бои шли весь день: жители Ямполя прятались в подвалах.", "Ямполя"),
])
def test_no_heading_no_list(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.OTHER


@pytest.mark.parametrize("sentence, name, action", [
    # General Staff lists: attacks stopped in the areas of A, B and "towards" C: C is where they were headed
    ("На Покровському напрямку захисники зупинили 58 атак у районах Котлиного, Удачного та у напрямку Романівки, "
     "Нової Полтавки.", "Нової Полтавки", Action.ATTACKED),
    ("На Покровському напрямку захисники зупинили 58 атак у районах Котлиного, Удачного та у напрямку Романівки, "
     "Нової Полтавки.", "Удачного", Action.REPELLED),
    ("Сили оборони відбили 8 атак ворога поблизу Степової Новоселівки та в бік Кіндрашівки.", "Кіндрашівки",
     Action.ATTACKED),
    ("Отражены три атаки в районе Ямполя и в направлении Серебрянки.", "Серебрянки", Action.ATTACKED),
    # a word between them ends the list: "в бік" then a verb is no list of the mention's
    ("Ворога відкинули в бік лісу, а біля Ямполя відбили ще дві атаки.", "Ямполя", Action.REPELLED),
])
def test_repelled_towards(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action", [
    # a liberation that goes on is fighting, one done a capture (officials and war correspondents)
    ("Российские военные продолжают освобождение Константиновки.", "Константиновки", Action.FIGHTING),
    ("Наши войска уже занимаются освобождением Шандриголово.", "Шандриголово", Action.FIGHTING),
    ("Пушилин заявил об освобождении Северска.", "Северска", Action.CAPTURED),
    ("Курахово перешло под полный контроль ВС РФ.", "Курахово", Action.CAPTURED),
    ("По словам Пушилина, в Северске идет уничтожение противника.", "Северске", Action.FIGHTING),
    # shelling reports of officials
    ("ВСУ выпустили по Донецку 12 снарядов.", "Донецку", Action.STRUCK),
    ("По Горловке выпущено 10 снарядов калибра 155 мм.", "Горловке", Action.STRUCK),
    # Ukrainian entries
    ("Окупанти увійшли до Мирнограда.", "Мирнограда", Action.ENTERED),
    ("Противник заїхав у Гуляйполе на бронетехніці.", "Гуляйполе", Action.ENTERED),
    # a hold taken on the approaches to a place is an advance towards it
    ("Наши бойцы закрепились на подступах к Покровску.", "Покровску", Action.ADVANCING),
    ("Ворог закріпився на підступах до Костянтинівки.", "Костянтинівки", Action.ADVANCING),
])
def test_officials_and_entries(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # strike reports of regional heads, in Russian and Ukrainian: the places that suffered, the people hurt there
    ("Враг атаковал Днепропетровскую область дронами: пострадали Никополь и Марганец.", "Никополь"),
    ("Под вражеским огнем оказались Антоновка и Белозерка.", "Антоновка"),
    ("В Белозерке есть раненые.", "Белозерке"),
    ("У Нікополі загинула жінка.", "Нікополі"),
    ("Постраждали Нікополь та Марганець.", "Марганець"),
    ("У Херсоні травмовано двох людей.", "Херсоні"),
    ("Враг нанес 400 ударов по 9 населенным пунктам Запорожской области: Гуляйполю, Орехову и Степногорску.",
     "Орехову"),
])
def test_strike_reports_in_russian_and_ukrainian(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.STRUCK


@pytest.mark.parametrize("sentence, name, action", [
    # officials quoted in Russian press: partial control is fighting; lines taken near a place an advance; a hit
    ("Российские военные контролируют более половины территории Константиновки, заявил Пушилин.", "Константиновки",
     Action.FIGHTING),
    ("Окупанти контролюють близько половини Покровська.", "Покровська", Action.FIGHTING),
    ("Балицкий сообщил, что в районе Малой Токмачки подразделения закрепились на новых рубежах.", "Малой Токмачки",
     Action.ADVANCING),
    ("По словам Хинштейна, в Рыльске беспилотник попал в жилой дом.", "Рыльске", Action.STRUCK),
    # ", а" opens a clause of its own: each place takes its own clause's cue
    ("Идут бои за Приморское, а у Малой Токмачки подразделения продвинулись.", "Малой Токмачки", Action.ADVANCING),
    ("Идут бои за Приморское, а у Малой Токмачки подразделения продвинулись.", "Приморское", Action.FIGHTING),
    ("ВСУ атаковали Работино, а также Вербовое.", "Вербовое", Action.ATTACKED),
])
def test_officials_and_clauses(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, claimant", [
    ("Балицкий сообщил, что ВСУ атаковали Каменку-Днепровскую.", "Каменку-Днепровскую", "RU-official"),
    ("Гладков сообщил об атаке беспилотника на Шебекино.", "Шебекино", "RU-official"),
    ("Федоров повідомив про обстріли Гуляйполя.", "Гуляйполя", "UA-official"),
    ("Про обстріл Нікополя повідомили в ОВА.", "Нікополя", "UA-official"),
])
def test_officials_are_claimants(sentence: str, name: str, claimant: str) -> None:
    assert str(_claim(sentence, name).claimant) == claimant
