"""The action of a claim in the genres' own formulas: General Staff summaries, DeepState posts, regional
administrations' strike lists, Russian MoD bulletins and milbloggers, English news and ISW. The sentences are
written for these tests in each genre's form (real place names, invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at as _claim
from geo.model import Action
from geo.rules.lookup import lookup_rows


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
    # a regional head's strike report retold in English: the strike as the sentence's subject or its cause
    ("The shelling of the villages of Hrushivka, Podoly and the town of Kupiansk caused fires.", "Hrushivka"),
    ("The shelling of the villages of Hrushivka, Podoly and the town of Kupiansk caused fires.", "Kupiansk"),
    ("As a result of the aerial bomb attack on Horiane, two houses were damaged.", "Horiane"),
    ("As a result of the KAB attack on Horiane, two houses were damaged.", "Horiane"),
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
    # the General Staff's "стримують" in English copy: holding the enemy off there is its attack there
    ("Ukraine's General Staff said its troops continue to contain the enemy near Vodiane and Netailove.", "Netailove",
     Action.ATTACKED),
    # the MoD bulletin's hit on brigades named by a list of their numbers: its gap takes the list as one word
    ("The battlegroup's units hit AFU 24th, 28th, 93rd mechanised brigades close to Rodinskoye and Dimitrov.",
     "Dimitrov", Action.FIGHTING),
    ("Battlegroup Centre struck the 24th, 28th and 93rd mechanized brigades near Rodinskoye and Dimitrov.",
     "Rodinskoye", Action.FIGHTING),
])
def test_english_cue_rows(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action", [
    # a sector named after a town: attacks repelled and strikes in it stay what they were, attacks along it are
    # fighting there, a capture on it is an advance (English General Staff summaries, Russian officials)
    ("Six enemy attacks were repelled in the Siversk sector.", "Siversk", Action.REPELLED),
    ("In the Lyman sector, our defenders repelled nine assaults.", "Lyman", Action.REPELLED),
    ("In the Kramatorsk sector, the invaders launched an air strike in the area of Chasiv Yar.", "Kramatorsk",
     Action.STRUCK),
    ("Russian artillery shelled Ukrainian positions near Mala Tokmachka in the Orikhiv direction.", "Orikhiv",
     Action.STRUCK),
    ("In the Pokrovsk direction, the enemy attacked 40 times near Myrnohrad and Rodynske.", "Pokrovsk",
     Action.FIGHTING),
    # "strikes" with no weapon on a whole direction: ground thrusts in Russian military prose
    ("On the Huliaipole direction, the 'Vostok' group keeps delivering alternating strikes.", "Huliaipole",
     Action.FIGHTING),
    ("Russian forces captured Tykhe in the Kupiansk direction, the ministry said.", "Kupiansk", Action.ADVANCING),
])
def test_a_sector_keeps_repelled_and_strikes(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == ("direction", action), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a capture whose object is a part of the place (its outskirts, a district, a building) enters it
    ("Ukrainian troops have seized the outskirts of Kupiansk, a milblogger wrote.", "Kupiansk", Action.ENTERED),
    ("Russian forces captured the eastern part of Toretsk, the ministry claimed.", "Toretsk", Action.ENTERED),
    ("Pushilin said Russian troops had hoisted their flag on the roof of one of the buildings in the town of Selydove.",
     "Selydove", Action.ENTERED),
    ("Footage shows a soldier raising a Russian flag on top of a building in Niu-York.", "Niu-York", Action.ENTERED),
    ("Russian forces took control of two neighbourhoods of Kurakhove.", "Kurakhove", Action.ENTERED),
    ("Russian forces captured parts of Kurakhove and Dachne.", "Kurakhove", Action.ENTERED),
    # the place itself, or a part named after it ("in the eastern part of the region"), is taken
    ("Russian forces captured the village of Dachne in the eastern part of Donetsk Oblast.", "Dachne", Action.CAPTURED),
    ("Russian soldiers raised their flag over Kurakhove.", "Kurakhove", Action.CAPTURED),
])
def test_a_part_taken_is_the_place_entered(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


_PART_OF_KIND = {"en": ("Russian forces captured the outskirts of the {} Tykhe.", "Tykhe"),
                 "ru": ("Российские войска захватили большую часть {} Тихое.", "Тихое"),
                 "uk": ("Окупанти захопили дві третини {} Тихе.", "Тихе")}


@pytest.mark.parametrize("row", [r for r in lookup_rows("bearings") if r.cls == "place-kind"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_place_kind_row_between_a_part_and_the_place_keeps_it_a_part(row) -> None:
    # "captured the outskirts of the village of Tykhe", "захватили большую часть села Тихое": the place's kind (the
    # place-kind rows of geo/rules/bearings.jsonl) stands between the part and the place; the place is entered
    sentence, name = _PART_OF_KIND[row.lang]
    c = _claim(sentence.format(row.phrase), name)
    assert (c.action, c.action_detail.endswith(": a part")) == (Action.ENTERED, True), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # news copy names its source after the verb: the place before ", reports X" is the report's last place
    ("Russian forces entered Dachne and advanced near Oleksiivka, reports DeepState.", "Oleksiivka", Action.ADVANCING),
    ("Russian forces have advanced south of Kupiansk, reports the Institute for the Study of War.", "Kupiansk",
     Action.ADVANCING),
    ("Ukrainian troops repelled an assault near Bilohorivka, said the General Staff.", "Bilohorivka", Action.REPELLED),
])
def test_a_place_before_an_inverted_attribution_is_no_speaker(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == ("event", action), c.why


def test_a_place_before_its_own_speech_verb_still_speaks() -> None:
    s = "Kyiv, however, said Russian forces attacked Kupiansk."
    assert _claim(s, "Kyiv").role == "speaker"


@pytest.mark.parametrize("sentence, name", [
    # English General Staff summaries: a try to push the defenders out, to encircle or surround a town, is an attack,
    # whether it failed or is still going on
    ("In the Pokrovsk direction, the occupiers tried to dislodge our units from their positions near Kotlyne and "
     "Zvirove.", "Zvirove"),
    ("The enemy is throwing everything it has to dislodge our defenders from their positions near Toretsk.", "Toretsk"),
    ("Russian attempts to dislodge Ukrainian units from their positions near Krynky have failed.", "Krynky"),
    ("Russian troops are still trying to encircle Chasiv Yar, the spokesman said.", "Chasiv Yar"),
    ("In the Toretsk direction, the enemy does not stop trying to surround Shcherbynivka.", "Shcherbynivka"),
])
def test_a_try_to_dislodge_or_encircle_is_an_attack(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == ("event", Action.ATTACKED), c.why


def test_defenders_dislodged_is_an_advance_near_the_place() -> None:
    s = "Russian forces dislodged Ukrainian units from their positions near Tykhe, the ministry said."
    assert _claim(s, "Tykhe").action is Action.ADVANCING


@pytest.mark.parametrize("sentence, name, action", [
    # English General Staff retellings: the day's repelled attacks, then ", with/and" the fighting still going on
    ("Three assaults were repelled, with fighting ongoing near Tabaivka.", "Tabaivka", Action.FIGHTING),
    ("Four enemy attacks were repelled near Stupochky and Bila Hora, with fighting still going on near Chasiv Yar.",
     "Chasiv Yar", Action.FIGHTING),
    ("Four enemy attacks were repelled near Stupochky and Bila Hora, with fighting still going on near Chasiv Yar.",
     "Bila Hora", Action.REPELLED),
    ("Ukrainian forces repelled attacks near Stepove and Lobkove, and two battles were still going on there.",
     "Lobkove", Action.REPELLED),
    ("Two attacks were repelled, and fighting continues near Vovchansk.", "Vovchansk", Action.FIGHTING),
    ("Two attacks were repelled near Torske, and two clashes continue near Vovchansk.", "Vovchansk", Action.FIGHTING),
    ("Ukrainian defenders repelled two attacks near Torske, and the enemy attacked near Nevelske.", "Nevelske",
     Action.ATTACKED),
    # more of the stop verb's object: a counted attack noun, or its own noun again, is no conjunct of its own
    ("Ukrainian warriors repelled nine enemy attacks near Stepove, and 16 more attacks near Nevelske and Pervomaiske.",
     "Pervomaiske", Action.REPELLED),
    ("The brigade repelled two assaults near Torske, and another three assaults near Serebrianka.", "Serebrianka",
     Action.REPELLED),
])
def test_repelled_does_not_reach_over_a_later_conjunct(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action", [
    # the Russian MoD bulletin in English: its place-less "N counter-attacks were repelled" after the list of the
    # fighting is a clause of its own (a comma, "and" or "while" before a counted attack noun)
    ("Units of the Vostok Group of Forces hit formations of two brigades close to Uspenovka and Novoivanovka, and "
     "three counter-attacks were repelled.", "Novoivanovka", Action.FIGHTING),
    ("The Group's units inflicted losses on AFU brigades close to Seversk and Ivanopolye, 4 counter-attacks by "
     "assault detachments of the 24th Mechanised Brigade were repelled.", "Ivanopolye", Action.FIGHTING),
    ("Battlegroup South units engaged the manpower of two brigades near Seversk and Kleshcheyevka, while two "
     "Ukrainian counter-attacks were repelled.", "Seversk", Action.FIGHTING),
    # an attack list stays the stop verb's, and a counted noun after "and" is more of its object
    ("The enemy attacked near Lyman and Torske, and 12 attacks were repelled.", "Torske", Action.REPELLED),
    ("Ukrainian forces repelled attacks near Lyman and Torske, and two attacks near Siversk were repelled.", "Lyman",
     Action.REPELLED),
])
def test_counted_counterattacks_repelled_keep_the_list_before(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # the MoD bulletin's hit on Ukrainian troops near villages, with the brigades themselves for object or
    # "engaged" for поразили: the fighting there, not a strike on the villages
    ("The Group's units hit two AFU mechanised brigades close to Rodinskoye and Dimitrov.", "Dimitrov"),
    ("Units of the Yug Group of Forces struck three AFU brigades near Seversk and Konstantinovka.", "Seversk"),
    ("Units of the Vostok Group of Forces hit AFU units close to Uspenovka and Novoivanovka.", "Uspenovka"),
    ("The Group's units engaged manpower and hardware of three AFU brigades near Seversk and Kleshcheyevka.",
     "Kleshcheyevka"),
    ("Units of the Zapad Group of Forces engaged formations of an AFU brigade near Kupyansk and Peschanoye.",
     "Peschanoye"),
    # the bulletin's list opener after its object, whatever verb a rewrite chose ("struck the «lives of force»")
    ("Russian forces had struck the personnel of three mechanized and one assault brigade, along with a territorial "
     "defence brigade, in the areas of Kolodiazne, Boldyrivka and Petrivka.", "Boldyrivka"),
    ("The battlegroup also struck the personnel and equipment of three Ukrainian brigades in the areas of Torske "
     "and Lyman.", "Torske"),
])
def test_hit_on_brigades_near_villages_is_fighting(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.FIGHTING


def test_a_missile_hit_on_a_village_stays_a_strike() -> None:
    assert _claim("Russian missiles hit Kramatorsk and Druzhkivka overnight.", "Druzhkivka").action is Action.STRUCK


@pytest.mark.parametrize("sentence, name, action", [
    # ISW and milblog English: ground "secured" is ground taken; a tract beside a village is an advance on it
    ("Russian forces reportedly secured a tree line northwest of Robotyne.", "Robotyne", Action.ADVANCING),
    ("A milblogger claimed that Russian forces secured Vesele after heavy fighting.", "Vesele", Action.CAPTURED),
    # a longer phrase keeps its own reading (a foothold in the place: in it, as "закрепились в X")
    ("Russian troops penetrated the defences and secured a foothold in Tykhe, a blogger said.", "Tykhe",
     Action.ENTERED),
])
def test_secured_ground(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


def test_a_word_of_the_name_is_no_intention() -> None:
    # machine rewrites translate names into English words ("First May" for Pervomaiske): the name's "May" is no
    # "may have been"
    s = "The ministry says the villages of Filiia and First May have been liberated."
    c = _claim(s, "First May")
    assert (c.role, c.action) == ("event", Action.CAPTURED), c.why
    s = "Russian forces may have captured Tykhe, a milblogger claimed."
    assert _claim(s, "Tykhe").role == "background"


@pytest.mark.parametrize("sentence, name, role", [
    # English General Staff summaries: "a tense situation", "the situation is/remains (most) tense" is fighting there
    ("The situation remains tense near Prohres, where three clashes are ongoing.", "Prohres", "event"),
    ("The General Staff reported a tense situation in the Siversk direction.", "Siversk", "direction"),
    ("The situation is most tense in the Lyman direction, where 20 attacks were recorded.", "Lyman", "direction"),
])
def test_a_tense_situation_is_fighting(sentence: str, name: str, role: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == (role, Action.FIGHTING), c.why


@pytest.mark.parametrize("sentence, name, locator", [
    # wire copy and ISW retellings locate a place by a bearing in an appositive: the second place is a reference
    ("The village of Novoselydivka, north of Kurakhove, was also captured, the ministry said.", "Novoselydivka",
     "Kurakhove"),
    ("Bloggers said Russian forces were close to taking the town of Myrnohrad, just east of Pokrovsk.", "Myrnohrad",
     "Pokrovsk"),
    ("Russian forces made gains southeast of Urozhaine, just south of Velyka Novosilka.", None, "Velyka Novosilka"),
])
def test_a_bearing_in_an_appositive_locates(sentence: str, name: str | None, locator: str) -> None:
    assert _claim(sentence, locator).role == "background"
    if name is not None:
        assert _claim(sentence, name).role == "event"


def test_a_bearing_of_the_event_itself_stays_an_event() -> None:
    assert _claim("Russian forces advanced northwest of Kurakhove.", "Kurakhove").action is Action.ADVANCING




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
    ("Росіяни намагаються вийти до Гуляйполя, штурмуючи Зелене та Успенівку.", "Успенівку", Action.ATTACKED),
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
    # a regional administration's strike list grouped by district: the items after the colon parted by ';'
    ("Enemy artillery hit 14 settlements over the day, among them: Lukiantsi, Kharkiv district; Hatyshche, "
     "Chuhuiv district; Kurylivka, Petropavlivka, Kupiansk district.", "Hatyshche", Action.STRUCK),
    ("Enemy artillery hit 14 settlements over the day, among them: Lukiantsi, Kharkiv district; Hatyshche, "
     "Chuhuiv district; Kurylivka, Petropavlivka, Kupiansk district.", "Petropavlivka", Action.STRUCK),
])
def test_heading_and_colon_list(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # an English General Staff summary: the defenders' "occupied positions" are theirs, not a place taken
    ("In the Kramatorsk direction, the invaders made 12 attempts to dislodge our units from their occupied "
     "positions near Chasiv Yar and Bila Hora.", "Bila Hora"),
])
def test_general_staff_occupied_positions_are_held_not_taken(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.ATTACKED


@pytest.mark.parametrize("sentence, name", [
    # a long clause before a dash is no heading; words other than names after a colon are no list
    ("Российские военные сегодня утром прибыли в Ямполь — бои идут севернее.", "Ямполь"),
    ("Бои шли весь день: жители Ямполя прятались в подвалах.", "Ямполя"),
    # nor is a clause that is no list of names before the ';'
    ("Бои шли весь день: жители прятались в подвалах; Ямполь без света.", "Ямполь"),
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
    # the oblast administration spelled out, and the city's and the district's military administrations
    ("Про обстріл Кучерівки повідомила Харківська обласна військова адміністрація.", "Кучерівки", "UA-official"),
    ("Окупанти вдарили по Антонівці, повідомив голова Херсонської МВА.", "Антонівці", "UA-official"),
    ("Росіян вибили з околиць Тихого, повідомили в міській військовій адміністрації.", "Тихого", "UA-official"),
    ("Росіяни обстріляли Марганець, повідомив голова Нікопольської РВА.", "Марганець", "UA-official"),
])
def test_officials_are_claimants(sentence: str, name: str, claimant: str) -> None:
    assert str(_claim(sentence, name).claimant) == claimant


# --------------------------------------------------------------------------------------------
# English: ISW assessments and their news retellings (issue 13)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, action, role", [
    # the attacks or the fighting are concentrated there: an event, not a position
    ("Russian attacks are concentrated near Novotroitske and Dachenske.", "Dachenske", Action.ATTACKED, "event"),
    ("Heavy fighting remains concentrated around Chasiv Yar and Kalynivka.", "Kalynivka", Action.FIGHTING, "event"),
    ("Russian offensive operations are concentrated in Toretsk.", "Toretsk", Action.ATTACKED, "event"),
    # troops concentrated there with no event: a position, a reference point
    ("Russian troops are concentrated near Hlushkivka.", "Hlushkivka", Action.OTHER, "background"),
])
def test_attacks_concentrated_in_a_place_are_events_there(sentence: str, name: str, action: Action, role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # ISW lists attacks by bearing: each item after ';' opens with a bearing and a dash standing for the verb
    ("ISW reported Russian attacks on Kupiansk itself; northwest — near Tyshchenkivka; north — near Holubivka "
     "and Radkivka; and southeast — near Kurylivka.", "Tyshchenkivka", Action.ATTACKED),
    ("ISW reported Russian attacks on Kupiansk itself; northwest — near Tyshchenkivka; north — near Holubivka "
     "and Radkivka; and southeast — near Kurylivka.", "Radkivka", Action.ATTACKED),
    ("Russian forces advanced west of Pokrovsk near Kotlyne; southwest — near Udachne and Novoserhiivka.",
     "Novoserhiivka", Action.ADVANCING),
])
def test_bearing_items_after_a_semicolon_keep_the_lists_verb(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


def test_a_heading_with_a_verb_of_its_own_is_no_bearing_item() -> None:
    # a capitalised or long head before the dash is a heading of its own: it does not continue the list
    s = "Russian forces attacked near Kotlyne; In Toretsk — positional fighting near Druzhba."
    assert _claim(s, "Druzhba").action is Action.FIGHTING


@pytest.mark.parametrize("sentence, name, action", [
    # a participle before a settlement noun describes the place: no strike there, the list's verb goes on
    ("Russian forces captured the largely destroyed village of Tykhe.", "Tykhe", Action.CAPTURED),
    ("Russian troops entered the destroyed city of Toretsk, the ministry said.", "Toretsk", Action.ENTERED),
    ("Russian drones destroyed a bridge in Tykhe.", "Tykhe", Action.STRUCK),
])
def test_destroyed_before_a_settlement_noun_is_an_adjective(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, claimant", [
    # "A and other B claimed": A is the one of them the writer names
    ("The Russian Ministry of Defense (MoD) and other Russian sources claimed on December 20 that Russian forces "
     "had seized Hrabovske and Vysoke.", "Vysoke", "RU-MoD"),
    ("Russian milbloggers and other Russian sources claimed that Russian forces advanced near Kindrashivka.",
     "Kindrashivka", "RU-milblogger"),
    # without "other", the nearest speaker of the clause still claims
    ("Ukraine's General Staff said, and DeepState confirmed, that Russian forces attacked near Kotlyne.", "Kotlyne",
     "DeepState"),
])
def test_a_speaker_and_other_sources(sentence: str, name: str, claimant: str) -> None:
    c = _claim(sentence, name)
    assert c.claimant is not None and c.claimant.value == claimant, c.why


# --------------------------------------------------------------------------------------------
# English: officials' statements and news lists (issue 13)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    # a colon list keeps its verb past an appositive that locates one of its names and past "as well as"
    ("Syrskyi said Ukrainian units pushed Russian troops out of three villages in Donetsk region: Zelenyi Hai, near "
     "the border with Dnipropetrovsk region, as well as Volodymyrivka and Mykhailivka.", "Mykhailivka"),
    ("The brigade said it had liberated two settlements: Kindrativka, north of Sumy, as well as Oleksiivka.",
     "Oleksiivka"),
])
def test_a_colon_list_goes_on_past_an_appositive(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.CAPTURED


@pytest.mark.parametrize("sentence, name", [
    # a weekly recap's colon list: a region after an item locates it, and the list goes on after it
    ("За неделю войска взяли под контроль шесть населенных пунктов: Тихое и Новое Донецкой Народной Республики, "
     "Купянск Харьковской области, Степногорск и Малая Токмачка Запорожской области, Андреевка.", "Степногорск"),
    ("За неделю войска взяли под контроль шесть населенных пунктов: Тихое и Новое Донецкой Народной Республики, "
     "Купянск Харьковской области, Степногорск и Малая Токмачка Запорожской области, Андреевка.", "Андреевка"),
    ("Ворог за тиждень окупував чотири села: Тихе Дніпропетровської області, Затишшя у Запорізькій області, Степове "
     "та Шевченко.", "Шевченко"),
    ("Russian forces captured four villages over the week: Tykhe of the Dnipropetrovsk region, Zatyshshia, "
     "Zaporizhzhia region, Stepove and Shevchenko.", "Stepove"),
])
def test_a_colon_list_goes_on_past_a_region_after_an_item(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.CAPTURED


@pytest.mark.parametrize("sentence, name, action", [
    # a count set off by two dashes is an aside: the clause, its strike noun and its light verb, goes on after it
    ("Артилерійські удари — 150 разів — припали на такі місця, як Гуляйполе, Оріхів та Степове.", "Степове",
     Action.STRUCK),
    ("Найбільше з них — 21 бій — припало на Гуляйполе.", "Гуляйполе", Action.FIGHTING),
    # one dash before a count is still a break: the count closes its clause
    ("Ворог атакував Гуляйполе — 12 разів, а біля Степового тривають бої.", "Степового", Action.FIGHTING),
])
def test_a_count_between_dashes_is_an_aside(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action, role", [
    # a strike that "claimed the life of" someone: the verb takes lives, the place is where it hit
    ("A Russian strike on the settlement of Dachenske claimed the life of a woman.", "Dachenske", Action.STRUCK,
     "event"),
    ("Shelling of Kurakhove has claimed two more lives, officials said.", "Kurakhove", Action.STRUCK, "event"),
    # an attack that did damage is a strike; an attack beside another clause's damage stays an attack
    ("Three houses were damaged in a Russian attack on the village of Zelene, Filashkin said.", "Zelene",
     Action.STRUCK, "event"),
    ("Russian forces attacked near Toretsk, and Ukrainian artillery destroyed a tank near Druzhba.", "Toretsk",
     Action.ATTACKED, "event"),
])
def test_strikes_told_by_officials(sentence: str, name: str, action: Action, role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name, claimant", [
    ("Two houses were damaged in a Russian attack on Kostiantynivka, Filashkin said.", "Kostiantynivka", "UA-official"),
    ("Hanchev said Russian forces are expanding their zone of control in Kupiansk.", "Kupiansk", "RU-official"),
    ("The head of the Russian administration said Russian forces entered Kupiansk.", "Kupiansk", "RU-official"),
    ("A military correspondent reported that Russian forces hit a depot in Balakliia.", "Balakliia", "RU-milblogger"),
])
def test_officials_and_correspondents_by_name_and_title(sentence: str, name: str, claimant: str) -> None:
    c = _claim(sentence, name)
    assert c.claimant is not None and c.claimant.value == claimant, c.why


@pytest.mark.parametrize("sentence, name, claimant", [
    # wire copy: a report noun naming no side is the side whose defence it reports
    ("A late evening military bulletin said Ukrainian forces had repelled attacks near Lobkove.", "Lobkove",
     "UA-GeneralStaff"),
    ("Ukrainian troops beat back assaults near Bilohorivka, the statement said.", "Bilohorivka", "UA-GeneralStaff"),
    # a side's own speaker keeps its claim, and a side-less noun keeps the ministry's reading otherwise
    ("Ukrainian forces repelled attacks near Lobkove, the Russian Defence Ministry claimed.", "Lobkove", "RU-MoD"),
    ("Russian units took Stepove, the statement said.", "Stepove", "RU-MoD"),
])
def test_a_sideless_report_noun_speaks_for_the_side_it_reports(sentence: str, name: str, claimant: str) -> None:
    c = _claim(sentence, name)
    assert c.claimant is not None and c.claimant.value == claimant, c.why


@pytest.mark.parametrize("sentence, name", [
    ("DeepState also reported that Russian troops are in control of Hanivka.", "Hanivka"),
    ("The ministry said Russian troops were in full control of Tykhe.", "Tykhe"),
])
def test_in_control_of_is_held(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.CAPTURED


# --------------------------------------------------------------------------------------------
# English: agency reprints of the Russian MoD bulletin (issue 13, session 8)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, action", [
    # the bulletin's losses inflicted on troops in the areas of villages are the fighting there, however translated
    ("Units of Battlegroup Center improved their forward positions and inflicted losses on the manpower and "
     "equipment of three mechanized brigades in the areas of the settlements of Kutuzovka, Volnoye and Rodinskoye.",
     "Volnoye", Action.FIGHTING),
    ("Battlegroup West units defeated formations of two Ukrainian brigades near the settlements of Kupyansk and "
     "Kovsharovka and repelled four counterattacks by enemy assault groups.", "Kovsharovka", Action.FIGHTING),
    ("Battlegroup South units hit the manpower and equipment of four brigades in the areas of the communities of "
     "Seversk and Konstantinovka.", "Konstantinovka", Action.FIGHTING),
    ("The forces of the southern group struck units of the Ukrainian army in the settlements of Krasnoe and "
     "Kalinovka.", "Kalinovka", Action.FIGHTING),
    ("In addition, accumulations of enemy manpower and equipment in the areas of the settlements of Bogdanovka "
     "and Marinka were defeated.", "Marinka", Action.FIGHTING),
    ("Russia's Battlegroup Dnepr inflicted damage on the manpower and equipment of two brigades near Kamenskoye.",
     "Kamenskoye", Action.FIGHTING),
    # damage done to objects stays a strike; a counterattack repelled in its own list stays repelled
    ("Russian drones inflicted damage on a fuel depot in Kamenskoye.", "Kamenskoye", Action.STRUCK),
    ("Battlegroup West units repelled three counterattacks near the settlements of Kupyansk and Peschanoye.",
     "Peschanoye", Action.REPELLED),
])
def test_the_mod_bulletins_losses_in_the_areas_of_villages_are_fighting(sentence: str, name: str,
                                                                        action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == ("event", action), c.why


# --------------------------------------------------------------------------------------------
# English: officials' statements, the spokesmen's own words (issue 13, session 8)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, action, modality", [
    # pressing on a place, going round it, a situation that "remains difficult" there
    ("The Russians are trying to press in the area of Kupyansk-Vuzlovyi, Trehubov said.", "Kupyansk-Vuzlovyi",
     Action.ATTACKED, "attempted"),
    ("The Russians are also trying to bypass Kupyansk from the south, Trehubov said.", "Kupyansk", Action.ATTACKED,
     "attempted"),
    ("Russian forces keep pressing near Toretsk, the spokesman said.", "Toretsk", Action.ATTACKED, "done"),
    ("The situation near Siversk remains difficult, Voloshyn said.", "Siversk", Action.FIGHTING, "done"),
    ("Voloshyn described a difficult situation near Huliaipole.", "Huliaipole", Action.FIGHTING, "done"),
])
def test_officials_words_for_pressure_and_a_hard_situation(sentence: str, name: str, action: Action,
                                                           modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action, c.modality) == ("event", action, modality), c.why


@pytest.mark.parametrize("sentence, name, claimant", [
    ("Russian occupiers are advancing in Vovchansk, said Viktor Tregubov, the spokesman of the Joint Forces Group.",
     "Vovchansk", "UA-official"),
    ("The Russians are trying to press near Kupyansk, the Joint Forces Group said.", "Kupyansk", "UA-official"),
])
def test_the_joint_forces_groups_spokesman_speaks(sentence: str, name: str, claimant: str) -> None:
    c = _claim(sentence, name)
    assert c.claimant is not None and c.claimant.value == claimant, c.why


def test_a_ukrainian_military_observer_is_not_the_military() -> None:
    c = _claim("Ukrainian military observer Kostiantyn Mashovets reported the seizure of Fedorivka.", "Fedorivka")
    assert c.claimant is None or c.claimant.value != "UA-official", c.why


@pytest.mark.parametrize("sentence, name, action, role", [
    # wire copy locating a captured village by a distance written out, miles in brackets, a described town
    ("Russian forces captured the village of Podoly, about 5 kilometers (3.1 miles) east of the front-line town of "
     "Kupiansk, the ministry said.", "Kupiansk", Action.OTHER, "background"),
    ("Russian forces captured the village of Podoly, about 5 kilometers (3.1 miles) east of the front-line town of "
     "Kupiansk, the ministry said.", "Podoly", Action.CAPTURED, "event"),
    # the same in a relative clause, the town bare: the miles stand between the distance and its bearing
    ("Moscow said its troops took the village of Zhelanne, which lies around 12 kilometers (7.5 miles) "
     "southeast of Pokrovsk.", "Pokrovsk", Action.OTHER, "background"),
    ("Moscow said its troops took the village of Zhelanne, which lies around 12 kilometers (7.5 miles) "
     "southeast of Pokrovsk.", "Zhelanne", Action.CAPTURED, "event"),
    # the General Staff's count of assaults, retold: attacks
    ("Russian forces launched 14 assaults against Ukrainian positions near Kucherivka, the General Staff said.",
     "Kucherivka", Action.ATTACKED, "event"),
])
def test_wire_copy_of_a_claim_and_a_count(sentence: str, name: str, action: Action, role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name, action, modality", [
    # milbloggers retold in English: "tried to take" is an attack, not a capture
    ("Russian stormtroopers tried to take Krymske and Dachne.", "Dachne", Action.ATTACKED, "attempted"),
    ("Russian units succeeded in taking Tykhe.", "Tykhe", Action.CAPTURED, "done"),
])
def test_take_and_its_modality(sentence: str, name: str, action: Action, modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action, c.modality) == ("event", action, modality), c.why


@pytest.mark.parametrize("sentence, name", [
    # a purpose noun before "to" + verb: the mission is no capture
    ("The Kremlin has doubled down on its mission to take the logistical hub of Pokrovsk.", "Pokrovsk"),
    ("Russian forces stepped up their efforts to capture Kostiantynivka.", "Kostiantynivka"),
])
def test_a_mission_to_take_a_town_is_not_its_capture(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is not Action.CAPTURED


@pytest.mark.parametrize("sentence, name", [
    # the MoD bulletin's "improved (their) tactical position(s)", "took up more advantageous lines" near a village
    ("Units of Battlegroup West improved their tactical position near Kupyansk and Peschanoye.", "Peschanoye"),
    ("Battlegroup North units took up more advantageous lines and positions near Yunakovka.", "Yunakovka"),
    ("Battlegroup East units occupied more favorable lines near Uspenovka, the ministry said.", "Uspenovka"),
])
def test_the_mod_bulletins_improved_positions_are_ground_gained(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == ("event", Action.ADVANCING), c.why


@pytest.mark.parametrize("sentence, name", [
    # Ukrainian military spokesmen by name, in the agencies' English
    ("The spokesman for the Eastern group, Serhii Cherevatyi, said that Russian forces attacked near Synkivka.",
     "Synkivka"),
    ("Russian troops attempt to break into Fedorivka roughly once a week, Zaporozhets said.", "Fedorivka"),
    # an unqualified "Ministry of Defense" is read as Russia's: the spokesman's name and the side named with the
    # ministry tell
    ("The speaker of the Ministry of Defense Oleksandr Motuzianyk said that Russian forces attacked near "
     "Sievierodonetsk.", "Sievierodonetsk"),
    ("The Ukrainian Ministry of Defence said that Russian forces attacked near Sievierodonetsk.", "Sievierodonetsk"),
])
def test_ukrainian_spokesmen_by_name_speak_for_ukraine(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.claimant is not None and c.claimant.value == "UA-official", c.why


@pytest.mark.parametrize("sentence, name, action", [
    # troops on the move past or toward places are advancing; what a side moves (reserves, equipment) is no advance
    ("Russian forces are reportedly moving past Novovasylivka toward Solone and Vovkove.", "Novovasylivka",
     Action.ADVANCING),
    ("Russian forces are reportedly moving past Novovasylivka toward Solone and Vovkove.", "Vovkove", Action.ADVANCING),
    ("The Russians are moving reserves into Stepnohirsk.", "Stepnohirsk", Action.OTHER),
])
def test_troops_moving_are_advancing(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # officials: the enemy "is (now) present (only) in" a town or part of it is fighting there
    ("In Kupiansk itself, the Russians are present in the northern districts of the city.", "Kupiansk"),
    ("The enemy is now present only in the northern part of Kupiansk, the spokesman said.", "Kupiansk"),
])
def test_officials_enemy_present_in_a_town_is_fighting(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action) == ("event", Action.FIGHTING), c.why


@pytest.mark.parametrize("sentence, name, action, role", [
    # wire copy describes the captured village with a noun phrase that names a town: the town locates the village
    ("Russia said on Friday its forces had captured Hrodivka, another frontline village some 15 kilometers (nine "
     "miles) from the logistics hub of Pokrovsk.", "Pokrovsk", Action.OTHER, "background"),
    ("Russia said on Friday its forces had captured Hrodivka, another frontline village some 15 kilometers (nine "
     "miles) from the logistics hub of Pokrovsk.", "Hrodivka", Action.CAPTURED, "event"),
    ("The Defence Ministry said its forces had taken Tsukuryne, a village at the gates of the town of Selydove.",
     "Selydove", Action.OTHER, "background"),
    ("The Defence Ministry said its forces had taken Tsukuryne, a village at the gates of the town of Selydove.",
     "Tsukuryne", Action.CAPTURED, "event"),
    # a list is no description: both places are taken
    ("Russian forces captured Tykhe and Kamianka, a town near Kupiansk.", "Kamianka", Action.CAPTURED, "event"),
])
def test_wire_copy_describing_a_captured_village_by_a_town(sentence: str, name: str, action: Action,
                                                           role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # English news: people killed, wounded or injured in a place: the place was hit
    ("Prosecutors said two civilians were killed in the city of Toretsk and the village of Velyka Novosilka.",
     "Velyka Novosilka", Action.STRUCK),
    ("Two people were killed in Belgorod and a dozen were injured in Belgorod and Shebekino, the governor said.",
     "Shebekino", Action.STRUCK),
    ("A woman was wounded in Nikopol overnight, the regional governor said.", "Nikopol", Action.STRUCK),
    # a nearer cue still governs
    ("He said two soldiers were killed in fighting near Chasiv Yar.", "Chasiv Yar", Action.FIGHTING),
])
def test_people_killed_or_wounded_in_a_place_is_a_strike(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action, role", [
    # wire copy measures a captured place from a town: the town is a reference point
    ("The ministry said its forces had taken another settlement in the Donetsk region, some 20 kilometers (12 "
     "miles) from the logistics hub of Pokrovsk.", "Pokrovsk", Action.OTHER, "background"),
    ("Russian forces captured Hrodivka, another frontline village some 15 kilometers (nine miles) away from the "
     "logistics hub of Pokrovsk.", "Pokrovsk", Action.OTHER, "background"),
    ("Russian troops took Tykhe, 12 km from Kupiansk, the ministry said.", "Kupiansk", Action.OTHER, "background"),
    # a distance that is no description of another place stays what its clause says
    ("Russian forces captured Tykhe, 12 km from Kupiansk, and attacked Kupiansk itself.", "Tykhe", Action.CAPTURED,
     "event"),
])
def test_wire_copy_measuring_a_captured_place_from_a_town(sentence: str, name: str, action: Action,
                                                          role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name", [
    ("The enemy tried to attack north of Lyptsi, according to the spokesperson of the operational-tactical group "
     "Kharkiv, Pavlo Shamshyn.", "Lyptsi"),
    ("The Russian army conducted assault operations near Mirne, the Ukrainian operational-tactical group Khortytsia "
     "indicated.", "Mirne"),
])
def test_a_ukrainian_operational_tactical_group_speaks_for_ukraine(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.claimant is not None and c.claimant.value == "UA-official", c.why


# --------------------------------------------------------------------------------------------
# English milblogs: an envelopment, and a force or object placed after the action cue (issue 13)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, name, action, role", [
    # an envelopment is an advance round a flank, as Russian охват is
    ("Our assault units keep enveloping Kurdiumivka from the south.", "Kurdiumivka", Action.ADVANCING, "event"),
    ("The Russian envelopment of Siversk from the north goes on.", "Siversk", Action.ADVANCING, "event"),
    ("The budget envelope for Kharkiv was raised.", "Kharkiv", Action.OTHER, "background"),  # no military word
    # after the cue, "the group located in X" is the cue's target: X is where the action is
    ("Our assault units are enveloping the enemy garrison located in Kurdiumivka from the north.", "Kurdiumivka",
     Action.ADVANCING, "event"),
    ("Our drones struck an ammunition depot situated near Tokmak.", "Tokmak", Action.STRUCK, "event"),
    # not the cue's object but another phrase's: where a force stands
    ("Our troops widened the bridgehead on the left bank further threatening the enemy units deployed in Oleshky.",
     "Oleshky", Action.OTHER, "background"),
    # before the cue it is where the actor stands: a reference point
    ("Enemy artillery stationed in Kostiantynivka shelled Druzhba.", "Kostiantynivka", Action.OTHER, "background"),
    ("Enemy artillery stationed in Kostiantynivka shelled Druzhba.", "Druzhba", Action.STRUCK, "event"),
])
def test_milblog_envelopment_and_a_target_placed_after_the_cue(sentence: str, name: str, action: Action,
                                                               role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name, action, role", [
    # a status of control stated of a place (wires retelling DeepState or the MoD, machine rewrites in the Russian order)
    ("DeepState said Novopavlivka was under Russian control.", "Novopavlivka", Action.CAPTURED, "event"),
    ("Under control of Russian forces are Tykhe, Lyman and Vovche.", "Lyman", Action.CAPTURED, "event"),
    ("Most of Myrnohrad is under the control of the Russian armed forces, the DPR head said.", "Myrnohrad",
     Action.CAPTURED, "event"),
    # ... an event in the clause wins over the status
    ("Fighting goes on in Kostiantynivka, most of which is under the control of Russian forces.", "Kostiantynivka",
     Action.FIGHTING, "event"),
    # ... and a status in a relative clause describes the place: no event there
    ("Berestove lies close to the Luhansk region, which is almost entirely under Russian control.", "Luhansk",
     Action.OTHER, "background"),
    ("The road runs along the Oskil river which had been under full Russian control until the spring.", "Oskil",
     Action.OTHER, "background"),
])
def test_a_status_of_russian_control(sentence: str, name: str, action: Action, role: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, role), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # milblogs and the MoD's English: positions taken toward a place are an advance, not its capture
    ("Russian troops took new positions in the direction of Zelenyi Hai.", "Zelenyi Hai", Action.ADVANCING),
    ("Battlegroup units have taken up positions near Novoplatonivka.", "Novoplatonivka", Action.ADVANCING),
    ("Assault units seized a Ukrainian stronghold in the direction of Kupiansk-Vuzlovyi.", "Kupiansk-Vuzlovyi",
     Action.ADVANCING),
    ("Russian forces captured two strongpoints toward Pokrovsk.", "Pokrovsk", Action.ADVANCING),
    # ... a building, a station or a share of a place taken enters it
    ("Our fighters occupied the railway station in Siversk.", "Siversk", Action.ENTERED),
    ("Russian forces took the school in Hryshyne.", "Hryshyne", Action.ENTERED),
    ("Russian troops occupied about a third of Huliaipole.", "Huliaipole", Action.ENTERED),
    # ... while the place itself taken stays a capture
    ("Russian troops occupied Huliaipole.", "Huliaipole", Action.CAPTURED),
])
def test_what_a_capture_took_near_or_in_a_place(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a foothold in the place is in it (as "закрепились в X"); near it, a bridgehead; a time is no place
    ("Russian forces have gained a foothold in part of the village of Ocheretyne, the spokesman said.", "Ocheretyne",
     Action.ENTERED),
    ("Russian forces gained a foothold on the outskirts of Ocheretyne.", "Ocheretyne", Action.ENTERED),
    ("Russian forces gained a foothold near Ocheretyne.", "Ocheretyne", Action.ADVANCING),
    ("Russian forces hold Berdychi, where they gained a foothold in recent weeks.", "Berdychi", Action.ADVANCING),
])
def test_a_foothold_in_a_place_enters_it(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # successes near or in a place are gains there (DeepState's "успіхи біля X" retold in English)
    ("The occupiers have had successes near Yampil and Zarichne, the analysts said.", "Zarichne", Action.ADVANCING),
    ("Successes are also noted in Yampil.", "Yampil", Action.ADVANCING),
    ("Russian forces had success near Yampil on Monday.", "Yampil", Action.ADVANCING),
    # ... while "successful" is no success row: the verb after it governs
    ("Russian troops as a result of successful actions liberated Yampil.", "Yampil", Action.CAPTURED),
    # closer to a place: an advance toward it, never its capture
    ("Russian troops are now closer to Kostiantynivka than ever.", "Kostiantynivka", Action.ADVANCING),
    ("The advance brings Russian forces closer to the southern outskirts of Myrnohrad.", "Myrnohrad",
     Action.ADVANCING),
    # ... but a village that lies closer to a place says nothing of the place
    ("The village lies closer to Kostiantynivka than to Druzhkivka.", "Kostiantynivka", Action.OTHER),
    # operations in areas are attacks there
    ("Russia has launched large-scale operations in two areas: Yampil and Zarichne.", "Zarichne", Action.ATTACKED),
    ("The enemy conducted assault operations near Yampil.", "Yampil", Action.ATTACKED),
    # sabotage groups spotted in a place have got into it
    ("Russian sabotage groups have been spotted in Myrnohrad.", "Myrnohrad", Action.ENTERED),
    # a share of a place held: contested, never captured
    ("Ukrainian forces still hold about a third of Kupiansk.", "Kupiansk", Action.FIGHTING),
    ("Russian forces control roughly half of Myrnohrad.", "Myrnohrad", Action.FIGHTING),
])
def test_event_nouns_closeness_groups_and_shares(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a side leaving its positions in or near a place is the other side's advance there (as "залишили позиції");
    # leaving the place itself stays its capture
    ("Під час перегрупування Сили оборони вийшли з позицій у селі Новопавлівка Запорізької області.", "Новопавлівка",
     Action.ADVANCING),
    ("Підрозділи відійшли з позицій біля Мирного на більш вигідні рубежі, повідомив речник.", "Мирного",
     Action.ADVANCING),
    ("Нашим бійцям довелося відійти з позицій у Добропіллі.", "Добропіллі", Action.ADVANCING),
    ("Сили оборони відійшли з Курахового.", "Курахового", Action.CAPTURED),
    # an assault launched on or near a place is an attack there; the assault on it alone, fighting
    ("According to preliminary data, Russian troops launched a new assault on the village of Tykhe.", "Tykhe",
     Action.ATTACKED),
    ("Russia launched a large armoured assault on Monday near the town of Dobropillia, the brigade said.",
     "Dobropillia", Action.ATTACKED),
    ("The assault on Tykhe goes on.", "Tykhe", Action.FIGHTING),
])
def test_positions_left_and_assaults_launched(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    # forces massed for an event: the event is to come
    ("The spokesman said Russian forces were massing for a breakthrough toward Orikhiv.", "Orikhiv"),
    ("The Russian army is amassing troops for an assault on the town of Huliaipole, the General Staff said.",
     "Huliaipole"),
])
def test_forces_massed_for_an_event(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.OTHER, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # troops standing on a place's approaches or outskirts have reached it: an advance, never its capture
    ("The official said Russian troops were already on the approaches to the village of Vovchansk.", "Vovchansk",
     Action.ADVANCING),
    ("Russian troops are on the outskirts of Lysychansk, but there is no street fighting in the city yet.",
     "Lysychansk", Action.ADVANCING),
    # no troops stand there: a reference point
    ("Russian units now threaten Uspenivka, a node covering the approaches to Huliaipole.", "Huliaipole",
     Action.OTHER),
    # nor at the end of the routes a village lies on ("routes" as "roads")
    ("Russian troops are on the outskirts of Lyptsi, on one of the main routes to Kharkiv.", "Kharkiv",
     Action.OTHER),
])
def test_troops_on_the_approaches(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # the enemy's troops sighted in a place or a part of it are in it (as sabotage groups are); near it, an advance
    ("Як повідомляє DeepState, російських окупантів помітили у центральній частині міста Мирноград.", "Мирноград",
     Action.ENTERED),
    ("Российских оккупантов все чаще замечают в южной части Константиновки.", "Константиновки", Action.ENTERED),
    ("Російських окупантів помітили біля Мирнограда.", "Мирнограда", Action.ADVANCING),
])
def test_troops_sighted_in_a_place(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a side that pulled out of a place left it to the other: its capture (as 'отступили из X')
    ("A Ukrainian military blog said Ukrainian forces had pulled out of Novoselivka and the village of Tykhe "
     "weeks ago.", "Tykhe", Action.CAPTURED),
    ("Russian troops have pulled out of the town of Lyman, the ministry said.", "Lyman", Action.CAPTURED),
    # ... from positions near it, the other side's advance there
    ("Ukrainian units pulled out of positions near Tykhe.", "Tykhe", Action.ADVANCING),
    # guided aerial bombs are stand-off weapons: an attack with them is a strike
    ("The mayor said Russian troops attacked Kharkiv with two guided aerial bombs.", "Kharkiv", Action.STRUCK),
    ("Russian aircraft attacked Kupiansk with guided bombs overnight.", "Kupiansk", Action.STRUCK),
    ("Guided aerial bombs hit Kostiantynivka overnight.", "Kostiantynivka", Action.STRUCK),
    # ... a bomb's name alone is no weapon of this table ('bomb shelter' stays a shelter)
    ("Residents of Kharkiv spent the night in a bomb shelter.", "Kharkiv", Action.OTHER),
])
def test_pulled_out_and_guided_bombs(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    ("Ukrainian defenders halted 12 assaults near Torske and Yampolivka.", "Yampolivka"),
    ("Ukrainian forces halted a Russian advance near Kurakhove.", "Kurakhove"),
])
def test_a_halt_is_a_repelled_attack(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.REPELLED


@pytest.mark.parametrize("sentence, name, action", [
    # an effort that does not stop goes on: 'not' before 'stop', 'cease', 'abandon' negates nothing (as 'не прекращает')
    ("The enemy does not stop trying to break through our defence near Lyptsi and Zelene.", "Zelene",
     Action.ATTACKED),
    ("The occupiers are not abandoning attempts to break through the defences near Tykhe.", "Tykhe",
     Action.ATTACKED),
    ("The enemy doesn't cease trying to break through the defence of our units near Starytsia.", "Starytsia",
     Action.ATTACKED),
    # ... a plain 'not' still negates
    ("Russian forces did not break through near Tykhe.", "Tykhe", Action.OTHER),
    ("Russian troops broke through the front near Pokrovsk.", "Pokrovsk", Action.ADVANCING),
])
def test_an_effort_that_does_not_stop(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a situation stabilised near a place is a front held there: contested
    ("Ukrainian defenders partially stabilized the situation near Vovchansk.", "Vovchansk", Action.FIGHTING),
    ("The brigade managed to stabilise the situation in the direction of Hlyboke.", "Hlyboke", Action.FIGHTING),
    # a withdrawal from positions near a place, or one begun, is the other side's advance there
    ("Ukrainian forces have withdrawn from positions near Hrabovske.", "Hrabovske", Action.ADVANCING),
    ("Ukrainian units south of Pokrovsk have withdrawn from their positions in the area.", "Pokrovsk",
     Action.ADVANCING),
    ("The Ukrainian army retreated from defensive positions near Pokrovsk.", "Pokrovsk", Action.ADVANCING),
    ("Ukrainian forces began to withdraw from Avdiivka.", "Avdiivka", Action.ADVANCING),
])
def test_stabilised_and_withdrawn(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a settlement left, named by its noun, is given up: taken (as 'отступили из X')
    ("The spokesman said Ukrainian forces had withdrawn from the village of Tonenke.", "Tonenke", Action.CAPTURED),
    ("Our units withdrew from the small villages of Tonenke and Orlivka.", "Orlivka", Action.CAPTURED),
    ("The army confirmed its retreat from the village of Tonenke on Monday.", "Tonenke", Action.CAPTURED),
    # ... positions left near it are an advance there
    ("Ukrainian forces withdrew from positions near the village of Tonenke.", "Tonenke", Action.ADVANCING),
])
def test_a_settlement_left_is_taken(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # an attack on a car or a house with a weapon named after it is a strike (regional heads' reports)
    ("Russian troops attacked a civilian car with a drone in the village of Kozacha Lopan.", "Kozacha Lopan",
     Action.STRUCK),
    ("The occupiers attacked a private car in Bilozerka with an FPV drone.", "Bilozerka", Action.STRUCK),
    # a fire the attack set is its damage
    ("The Russian attack also caused a fire in the village of Kurylivka.", "Kurylivka", Action.STRUCK),
    # ... an attack with no weapon and no damage stays an attack
    ("Russian troops attacked a checkpoint in the village of Kurylivka with infantry.", "Kurylivka",
     Action.ATTACKED),
])
def test_an_attack_by_a_weapon_or_setting_a_fire_is_a_strike(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a try with no action word of its own, which the clause after calls a failure: held off at its places
    ("The enemy tried to regain the lost position near Robotyne but failed.", "Robotyne", Action.REPELLED),
    ("The occupiers tried to restore lost positions south of Ivanivske, but without success.", "Ivanivske",
     Action.REPELLED),
    ("Russian troops tried to advance near Tonenke but failed.", "Tonenke", Action.REPELLED),
    # ... 'but failed to' names a further try, no outcome of the one before
    ("Russian troops advanced near Tonenke but failed to take Orlivka.", "Tonenke", Action.ADVANCING),
])
def test_a_try_that_failed(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    # the Tavria group's spokesman in his other transliterations speaks for the Ukrainian officials
    ("Likhovyi reported that Ukrainian forces have withdrawn from the village of Tonenke.", "Tonenke"),
    ("Previously, Likhovoi had announced that Ukrainian units retreated from Orlivka.", "Orlivka"),
])
def test_spokesman_transliterations(sentence: str, name: str) -> None:
    from geo.model import Claimant
    c = _claim(sentence, name)
    assert c.claimant is Claimant.UA_OFFICIAL, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # an action prevented did not happen (as 'запобігання', 'предотвратить')
    ("The withdrawal was needed to hold the line at Orlivka and Tonenke and to prevent further advances of "
     "Russian forces.", "Tonenke", Action.OTHER),
    ("The enemy keeps bringing in reserves, preventing ours from taking Tetkino.", "Tetkino", Action.OTHER),
    # ... a preventive strike is a strike
    ("Russian forces launched preventive strikes on Tetkino.", "Tetkino", Action.STRUCK),
])
def test_an_action_prevented(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    # firing weapons at a place, in any form of the verb, with the weapons' abbreviations between
    ("The occupiers are firing UAVs and missiles at Sumy, Okhtyrka and Trostianets, the spokesman said.", "Okhtyrka"),
    ("The enemy keeps firing MLRS at Nikopol.", "Nikopol"),
    ("Around 20:00 the occupants fired on the village of Vilkhuvatka.", "Vilkhuvatka"),
])
def test_firing_at_a_place_is_a_strike(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.STRUCK


@pytest.mark.parametrize("sentence, name", [
    # a front held steady near a place is contested ground, whether the situation or the line is stabilised; the
    # defence line named in the cue is what is held, its places the event's
    ("The spokesman said Ukrainian forces have stabilized their defense line in the areas around the villages of "
     "Pishchane, Kurylivka and Petropavlivka.", "Kurylivka"),
    ("The brigade stabilised the front line near Tonenke.", "Tonenke"),
    ("The defenders stabilized the situation near Vovchansk.", "Vovchansk"),
])
def test_a_stabilised_front_near_a_place_is_fighting(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.FIGHTING


def test_a_defence_line_outside_the_cue_still_locates_the_line() -> None:
    assert _claim("Russian forces broke through the defence line near Pokrovsk.", "Pokrovsk").role == "background"


@pytest.mark.parametrize("sentence, name, action", [
    # General Staff summaries in English: the places after "in the direction of" / "toward" are where the stopped
    # attacks were headed (attacked), as after "у напрямку"; those before it are where they were stopped
    ("Our defenders stopped 40 assaults in the areas of Lysivka, Udachne and in the direction of Novopavlivka.",
     "Novopavlivka", Action.ATTACKED),
    ("Our defenders stopped 40 assaults in the areas of Lysivka, Udachne and in the direction of Novopavlivka.",
     "Udachne", Action.REPELLED),
    ("Ukrainian forces repelled attacks near Rodynske, Zvirove and toward Pokrovsk and Novopavlivka.",
     "Novopavlivka", Action.ATTACKED),
    ("Ukrainian forces repelled attacks near Rodynske, Zvirove and toward Pokrovsk and Novopavlivka.",
     "Zvirove", Action.REPELLED),
    # an advance toward a place stays an advance
    ("Russian forces advanced toward Tykhe.", "Tykhe", Action.ADVANCING),
])
def test_english_general_staff_toward_is_where_attacks_headed(sentence, name, action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # English strike reports: a place that came under fire was struck, as 'під вогнем', 'под … огнем'
    ("Nikopol came under fire twice overnight, the regional head said.", "Nikopol"),
    ("One of the villages of the Marhanets community, Tomakivka, came under heavy artillery fire.", "Tomakivka"),
    ("Zarichne came under Russian artillery fire on Sunday.", "Zarichne"),
])
def test_english_came_under_fire_is_struck(sentence, name) -> None:
    assert _claim(sentence, name).action is Action.STRUCK


@pytest.mark.parametrize("sentence, name", [
    # General Staff summaries in English: an attack called unsuccessful was held off there
    ("In the Lyman direction, the enemy unsuccessfully attacked in the area south of Dibrova.", "Dibrova"),
    ("The occupiers also unsuccessfully advanced in the districts of Novokalynove and Berdychi.", "Berdychi"),
])
def test_unsuccessful_attacks_are_repelled(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.REPELLED, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # the Russian MoD's English copy: "inflict … damage" with a word inside, the infinitive after "managed to" too
    ("Aviation and artillery of the Vostok group managed to inflict fire damage on Ukrainian units near Vuhledar.",
     "Vuhledar", Action.STRUCK),
    ("Heavy flamethrower systems inflicted manpower damage in the Novomykhailivka area.", "Novomykhailivka",
     Action.STRUCK),
    # with the enemy's manpower named after it, the bulletin's fighting formula keeps its reading
    ("Battlegroup West inflicted damage on the manpower of two brigades near Kupiansk.", "Kupiansk", Action.FIGHTING),
])
def test_english_mod_inflicted_damage(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action and c.role == "event", c.why
