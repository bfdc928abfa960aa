"""Russian and Ukrainian genres as their writers write them (issue 13): Russian-installed officials and war
correspondents (often retold by an agency), the Ukrainian General Staff summary as news copy, DeepState retold.
The sentences are written for these tests in each genre's form (real place names, invented events)."""

from __future__ import annotations

import datetime as dt

import pytest

from _claims_factory import claim_at as _claim
from geo.discourse import read_report
from geo.model import Action, Claimant


@pytest.mark.parametrize("sentence, name, action, modality", [
    # officials and war correspondents: a liberation still going on is fighting, not a capture
    ("Российские подразделения дом за домом освобождают Торецк.", "Торецк", Action.FIGHTING, "done"),
    ("Группировка «Центр» освобождает Мирноград квартал за кварталом.", "Мирноград", Action.FIGHTING, "done"),
    ("Штурмовые группы начали освобождать Северск с востока.", "Северск", Action.FIGHTING, "done"),
    ("Наши подразделения уже занимаются освобождением Шандриголово.", "Шандриголово", Action.FIGHTING, "done"),
    # ... while a liberation that is done stays a capture
    ("Российские подразделения освободили Торецк.", "Торецк", Action.CAPTURED, "done"),
    # successes near a place, positions the other side left near it: gains near it
    ("По словам эксперта, у наших бойцов есть серьезные успехи в районе Ямполя.", "Ямполя", Action.ADVANCING, "done"),
    ("После огневого налета противник покинул одну из позиций у Резниковки.", "Резниковки", Action.ADVANCING, "done"),
    ("ВСУ оставили несколько позиций у Ямполя.", "Ямполя", Action.ADVANCING, "done"),
    ("Підрозділи залишили кілька позицій біля Ямполя.", "Ямполя", Action.ADVANCING, "done"),
    # a step towards a place is no capture of it
    ("Взятие Павловки стало шагом к выходу на Угледар.", "Угледар", Action.ADVANCING, "near"),
    # pressure on the enemy in a place is an attack there
    ("Наши штурмовики активно давят на ВСУ в Кировске.", "Кировске", Action.ATTACKED, "done"),
    ("Давление на подразделения ВСУ на севере Северска продолжается.", "Северска", Action.ATTACKED, "done"),
    # a capture of most of a place enters it
    ("Войска установили контроль над большей частью Торецка.", "Торецка", Action.ENTERED, "done"),
    ("Штурмовые отряды взяли под контроль большую часть города Северск.", "Северск", Action.ENTERED, "done"),
    ("Российские войска заняли две трети Купянска.", "Купянска", Action.ENTERED, "done"),
    ("Окупанти захопили дві третини Куп’янська.", "Куп’янська", Action.ENTERED, "done"),
    # the Russian flag called by its colours
    ("Бойцы подняли российский триколор над администрацией Авдеевки.", "Авдеевки", Action.CAPTURED, "done"),
    # ... and flags in the plural, of either side
    ("Штурмовики установили российские флаги в населенном пункте Ямполь.", "Ямполь", Action.CAPTURED, "done"),
    ("Десантники підняли прапори України над селом Роботине.", "Роботине", Action.CAPTURED, "done"),
    # Ukrainian news in Russian: 'деоккупировали' is the noun's verb
    ("Силы обороны деоккупировали село Кучеров Яр Донецкой области.", "Кучеров Яр", Action.CAPTURED, "done"),
    # a try to relieve a ring from outside is fighting at the ringed place, as the ring is (a try to close it is an
    # attack)
    ("ВСУ попытались деблокировать последнюю дорогу из Мирнограда.", "Мирнограда", Action.FIGHTING, "done"),
    ("Противник пытается деблокировать свой гарнизон в Купянске.", "Купянске", Action.FIGHTING, "done"),
    ("Отражены две атаки у Песчаного с целью деблокирования окруженных подразделений.", "Песчаного",
     Action.REPELLED, "done"),
    ("Противник пытается окружить Мирноград.", "Мирноград", Action.ATTACKED, "attempted"),
    # General Staff: aviation and artillery named as the attack's support are no strike of their own
    ("За підтримки авіації та артилерії ворог вів штурмові дії в районах Липового та Василівки, успіху не мав.",
     "Василівки", Action.ATTACKED, "done"),
    # Ukrainian copy: assaults counted or prepared are attacks, as the verb "штурмував" (a form Russian does not
    # share); a repelling verb still wins; a storming of a place, in the form both languages share, stays fighting
    ("Окупанти здійснили шість штурмів поблизу Степового.", "Степового", Action.ATTACKED, "done"),
    ("Противник залучив до 40 осіб для штурму біля Кучерівки.", "Кучерівки", Action.ATTACKED, "done"),
    ("Штурми ворога відбувалися біля Торського та Зарічного.", "Зарічного", Action.ATTACKED, "done"),
    # ... and both ends of a stretch "від A до B" take the assaults
    ("Найзапекліші штурми відбувалися на ділянці від Мирнограда до Удачного.", "Мирнограда", Action.ATTACKED, "done"),
    ("Найзапекліші штурми відбувалися на ділянці від Мирнограда до Удачного.", "Удачного", Action.ATTACKED, "done"),
    ("Сили оборони відбили 11 штурмів біля Ямполя.", "Ямполя", Action.REPELLED, "done"),
    ("Ворог почав штурм Вовчанська.", "Вовчанська", Action.FIGHTING, "done"),
    ("Начался штурм Красноармейска.", "Красноармейска", Action.FIGHTING, "done"),
    # Ukrainian news answering a claimed capture: a place under the Defence Forces' control is contested ground, as a
    # status that yields to an event cue of its clause; Russian control stays a capture
    ("Село Серебрянка перебуває під контролем українських військ.", "Серебрянка", Action.FIGHTING, "done"),
    ("Кучерів Яр - під контролем ЗСУ.", "Кучерів Яр", Action.FIGHTING, "done"),
    ("Українські захисники повідомили, що Успенівка залишається під контролем Сил оборони.", "Успенівка",
     Action.FIGHTING, "done"),
    ("Сили оборони відновили контроль над Котлиним, і тепер село під контролем ЗСУ.", "Котлиним", Action.CAPTURED,
     "done"),
    ("Під контролем російських військ перебуває Тихе.", "Тихе", Action.CAPTURED, "done"),
    # General Staff: clashes are clashes without "бойові" too
    ("На Лиманському напрямку 14 разів розпочиналися зіткнення різної інтенсивності поблизу Карпівки та Колодязів.",
     "Колодязів", Action.FIGHTING, "done"),
    # General Staff: the enemy's attacking is an attack, whoever supports it
    ("На Торецькому напрямку ворог наступав у районах Щербинівки та Торецька.", "Щербинівки", Action.ATTACKED, "done"),
    ("Окупанти наступали поблизу Новоселівки.", "Новоселівки", Action.ATTACKED, "done"),
    ("На Оріхівському напрямку армія РФ шість разів, за підтримки авіації, атакувала позиції наших захисників "
     "в районах Роботиного та Малої Токмачки.", "Роботиного", Action.ATTACKED, "done"),
    ("ВСУ при поддержке авиации атаковали позиции у Работино.", "Работино", Action.ATTACKED, "done"),
    ("На Новопавлівському напрямку Сили оборони продовжують стримувати ворога неподалік Красногорівки.",
     "Красногорівки", Action.ATTACKED, "done"),
    ("ВСУ сдерживают натиск врага в районе Верхнеторецкого.", "Верхнеторецкого", Action.ATTACKED, "done"),
    # ... also when what they hold off is the enemy's offensive (no advance of its own)
    ("На Лиманському напрямку Сили оборони стримують наступ ворога в районі Новоєгорівки.", "Новоєгорівки",
     Action.ATTACKED, "done"),
    ("Силы обороны продолжают сдерживать наступление противника в районе Торского.", "Торского",
     Action.ATTACKED, "done"),
    # ... and under the enemy's fire: the fire is the circumstance, no strike on the place
    ("Українські підрозділи, під щільним вогнем авіації та артилерії противника, продовжують стримувати наступ "
     "окупантів у районі Курахового.", "Курахового", Action.ATTACKED, "done"),
    # ... while the Russian 'наступают' of a war correspondent stays an advance
    ("Войска наступают на Купянск.", "Купянск", Action.ADVANCING, "done"),
    # an air strike is still a strike
    ("Ворожа авіація атакувала Оріхів.", "Оріхів", Action.STRUCK, "done"),
    # governors' strike reports: a place whose power an attack cut, places left without power, were struck
    ("Губернатор добавил, что в результате атаки нарушено штатное электроснабжение города Васильевка.", "Васильевка",
     Action.STRUCK, "done"),
    ("После удара беспилотников обесточены села Басань и Тарасовка.", "Тарасовка", Action.STRUCK, "done"),
    # General Staff copy: the enemy's activity in the areas of places is its attacks there
    ("Найбільша активність ворога спостерігається у районах Никанорівки та Котлиного.", "Котлиного",
     Action.ATTACKED, "done"),
    # DeepState: the enemy pushed back in or near a place is the defenders' gain there; pushed back from it, repelled
    ("Сили оборони відкинули противника поблизу Нового Шахового.", "Нового Шахового", Action.ADVANCING, "done"),
    ("Українські захисники відкинули окупантів у Шевченку.", "Шевченку", Action.ADVANCING, "done"),
    ("Наші воїни відкинули ворога від Ямполя.", "Ямполя", Action.REPELLED, "done"),
    ("Командування підтвердило деокупацію села Кучерів Яр.", "Кучерів Яр", Action.CAPTURED, "done"),
    # officials: improvements of the position are gains, going in is entering
    ("Значимые улучшения положения произошли в районе Родинского.", "Родинского", Action.ADVANCING, "done"),
    ("Отмечен заход российских групп в Димитров.", "Димитров", Action.ENTERED, "done"),
    ("Маневренные группы уже заходят на территорию Шандриголово.", "Шандриголово", Action.ENTERED, "done"),
    # ... and a try at going in is an attack ('заходу' alone is also 'of the west')
    ("За словами речника, є спроби заходу ворожих груп у Мирноград.", "Мирноград", Action.ATTACKED, "attempted"),
    ("Ворог атакує із заходу у районі Степногірська.", "Степногірська", Action.ATTACKED, "done"),
    # a side withdrawing near a place is the other side's gain there; withdrawing from it, a capture
    ("Подразделения ВСУ отступили у Нововодяного под натиском наших войск.", "Нововодяного", Action.ADVANCING, "done"),
    ("ВСУ были вынуждены оставить несколько позиций у Синельниково.", "Синельниково", Action.ADVANCING, "done"),
    ("Подразделения ВСУ отступили из Курахово.", "Курахово", Action.CAPTURED, "done"),
    ("Наши бойцы продолжают давить на ВСУ в районе Тихого.", "Тихого", Action.ATTACKED, "done"),
    # ... and Ukrainian 'заходів' (measures) is no going in
    ("Військові вживають заходів для запобігання оточенню Успенівки.", "Успенівки", Action.OTHER, "done"),
    # agencies retelling the MoD bulletin: its losses inflicted on troops said with a verb of striking are the
    # fighting there, as 'нанесено поражение живой силе' (a strike on a town or on objects stays a strike)
    ("За сутки группировка поразила живую силу и технику ВСУ в районах населенных пунктов Гродовка и Димитров.",
     "Димитров", Action.FIGHTING, "done"),
    ("Нанесены удары по украинским силам в районе населенных пунктов Песчаное и Ковшаровка.", "Ковшаровка",
     Action.FIGHTING, "done"),
    ("Авиация поразила пункты временной дислокации ВСУ в районе Краматорска.", "Краматорска", Action.STRUCK, "done"),
    ("Нанесены удары по местам дислокации украинских подразделений в районе Славянска.", "Славянска",
     Action.STRUCK, "done"),
    ("Нанесены удары по Краматорску.", "Краматорску", Action.STRUCK, "done"),
    # a side driven out of a place: its capture, in every form of the verb
    ("Подразделениям группировки «Центр» удалось выбить украинских боевиков из села Удачное.", "Удачное",
     Action.CAPTURED, "done"),
    ("Российская армия выбила Вооруженные силы Украины (ВСУ) из населенного пункта Степногорск.", "Степногорск",
     Action.CAPTURED, "done"),
    ("Полк выбил противника из Новоселовки.", "Новоселовки", Action.CAPTURED, "done"),
    ("Группировка «Восток» выбила ВСУ из Новоивановки.", "Новоивановки", Action.CAPTURED, "done"),
    # ... a try at it an attack ...
    ("Штурмовики пытаются выбить ВСУ из Шевченко.", "Шевченко", Action.ATTACKED, "attempted"),
    # ... but a tank knocked out near a place is no capture of it
    ("Расчет ПТУР выбил танк ВСУ у Работино.", "Работино", Action.OTHER, "done"),
    # troops only a few kilometres from a town: near it, an advance on it, not its capture ...
    ("Российские войска находятся всего в нескольких километрах от города Гуляйполе.", "Гуляйполе",
     Action.ADVANCING, "done"),
    ("По словам эксперта, наши штурмовики уже находятся в 4 км от Северска.", "Северска", Action.ADVANCING, "done"),
    # ... while a village that lies so far from a town only places it
    ("Село Тихое находится в 10 километрах от Покровска.", "Покровска", Action.OTHER, "done"),
    # command summaries (groups of forces, corps, brigades, the General Staff retold, issue 13): the enemy's offensive
    # recorded near places is an attack there, not a gain ...
    ("Протягом доби наступ противника фіксувався поблизу Новоселівки, Іванівки та Ямполя.", "Новоселівки",
     Action.ATTACKED, "done"),
    ("Наступ ворога фіксували в районах Торського та Зарічного.", "Зарічного", Action.ATTACKED, "done"),
    ("Зафіксовано наступ окупантів біля Степового.", "Степового", Action.ATTACKED, "done"),
    ("Сили оборони відбили наступ ворога поблизу Ямполя.", "Ямполя", Action.REPELLED, "done"),
    # ... the enemy's (main) efforts concentrated on places are its attacks on them; forces massed are no event ...
    ("Основні зусилля окупанти зосередили в районах Тихого та Вовчанська.", "Вовчанська", Action.ATTACKED, "done"),
    ("Противник зосереджує основні зусилля на Лиманському напрямку, поблизу Ямполя та Торського.", "Торського",
     Action.ATTACKED, "done"),
    ("Окупанти мають намір зосередити зусилля на Мирнограді та Покровську.", "Мирнограді", Action.OTHER, "done"),
    ("Росіяни в районі села Жереб’янки зосередили певні сили та засоби.", "Жереб’янки", Action.OTHER, "done"),
    # ... a reconnaissance in force is an attack, groups going into a place enter it
    ("Окупанти проводять розвідку боєм в районі Кам'янського.", "Кам'янського", Action.ATTACKED, "done"),
    ("Ворог намагався провести розвідку боєм поблизу Степногірська.", "Степногірська", Action.ATTACKED, "attempted"),
    ("До Мирнограда заходили розвідувальні групи противника.", "Мирнограда", Action.ENTERED, "done"),
    ("У Костянтинівку заходила диверсійна група ворога.", "Костянтинівку", Action.ENTERED, "done"),
    ("Окупанти просочуються малими групами до Родинського.", "Родинського", Action.ENTERED, "done"),
    # ... assaults along a stretch set off by a dash take both ends; pressing and developing an offensive attack
    ("Штурми відбувалися на широкій ділянці – від Ямполя до Дронівки.", "Ямполя", Action.ATTACKED, "done"),
    ("Штурми відбувалися на широкій ділянці – від Ямполя до Дронівки.", "Дронівки", Action.ATTACKED, "done"),
    ("Противник намагається розвинути наступ біля Торецька.", "Торецька", Action.ATTACKED, "attempted"),
    ("Ворог тисне на позиції біля Сіверська.", "Сіверська", Action.ATTACKED, "done"),
    # ... losses inflicted on brigades named by a list of their numbers (the gap of the row takes the list)
    ("Бойцы группировки нанесли поражение 31-й, 32-й и 47-й механизированным бригадам ВСУ в районах Торецка и "
     "Гродовки.", "Гродовки", Action.FIGHTING, "done"),
])
def test_ru_uk_genre_formulas(sentence: str, name: str, action: Action, modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, modality), c.why


def _speakers(text: str) -> list[str | None]:
    return [s.speaker.claimant.value if s.speaker else None for s in read_report(text, source=Claimant.MEDIA)]


def test_a_quotation_closed_before_an_unnamed_speaker_is_the_later_named_ones():
    # an agency's excerpt that opens with a quotation, "– сообщил он ТАСС", and names the speaker below
    text = ("«За последние сутки у нас есть успехи в районе Торского. Наши бойцы заняли лесополосу», – сообщил он ТАСС.\n"
            "У Ямполя, по данным Марочко, бойцы расширили зону контроля.")
    assert _speakers(text)[:3] == ["RU-milblogger"] * 3


def test_a_headline_before_its_speaker_is_the_speakers():
    text = ("Бойцы водрузили российский флаг над Курахово\n"
            "Российские военные водрузили флаг над зданием администрации Курахово. "
            "Видео опубликовал военкор Александр Коц.")
    assert _speakers(text) == ["RU-milblogger"] * 3


def test_a_speaker_named_past_the_lead_does_not_reach_back():
    text = ("Бойцы водрузили российский флаг над Курахово.\nВойска продвинулись у Дачного.\n"
            "Бои идут у Тихого.\nОб успехах у Торского сообщил военкор Коц.")
    assert _speakers(text)[0] is None


@pytest.mark.parametrize("verb", ["інформує", "повідомляє"])
def test_the_general_staff_informs(gaz, verb):
    from geo.extract import extract_text

    text = (f"За минулу добу відбулося 72 бойових зіткнення, {verb} Генеральний штаб ЗСУ.\n"
            "На Покровському напрямку ворог атакував 30 разів у районах Мирнограда та Родинського.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 9, 15)) if c.place == "Родинського"]
    assert claims and {(c.action, c.claimant) for c in claims} == {(Action.ATTACKED, Claimant.UA_GENERALSTAFF)}


@pytest.mark.parametrize("text, name", [
    ("Штаб фіксує атаки на Лиманському, Слов’янському, Краматорському та Костянтинівському напрямках.", "Слов’янському"),
    ("Противник продовжує атаки на Куп'янському, Слов'янському та Оріхівському напрямках.", "Куп'янському"),
    ("Бои шли на Покровском, Купянском и Лиманском направлениях.", "Покровском"),
    ("Бои шли на Покровском, Купянском и Лиманском направлениях.", "Купянском"),
    # efforts concentrated on a sector, a reconnaissance in force in it: the sector's town stays a direction
    ("Противник зосереджує основні зусилля на Покровському напрямку.", "Покровському"),
    ("Окупанти проводять розвідку боєм на Запорізькому напрямку.", "Запорізькому"),
])
def test_every_item_of_a_list_of_sectors_is_a_direction(text, name):
    assert _claim(text, name).role == "direction"


def test_a_village_after_v_is_no_sector():
    text = "Бои шли в Покровском и Алексеевке."
    assert _claim(text, "Покровском").role == "event"


@pytest.mark.parametrize("name, nominative", [
    ("Часовому Яру", "Часів Яр"), ("Кучерового Яру", "Кучерів Яр"), ("Часовом Яре", "Часов Яр"),
])
def test_a_possessive_place_adjective_has_its_own_nominative(name, nominative):
    from gazetteer.morphology import word_nominatives

    assert nominative.split()[0] in word_nominatives(name.split()[0])


def test_an_inflected_possessive_name_is_found(gaz):
    from geo.extract import extract_text

    claims = extract_text("Ворог просунувся у Часовому Яру.", gaz, date=dt.date(2025, 4, 8))
    assert [c.name for c in claims if c.place == "Часовому Яру"] == ["Chasiv Yar"]


# session 8: DeepState's own verbs, war correspondents' words, who speaks when a page retells another speaker

@pytest.mark.parametrize("sentence, name, action, modality", [
    # DeepState and Ukrainian news: taking a place, in every form of the verb
    ("За даними DeepState, ворог зайняв Новопавлівку.", "Новопавлівку", Action.CAPTURED, "done"),
    ("Армія РФ захопила Новогеоргіївку на Дніпропетровщині.", "Новогеоргіївку", Action.CAPTURED, "done"),
    ("Окупантам вдалося захопити Романівку.", "Романівку", Action.CAPTURED, "done"),
    ("Росіяни намагалися захопити Романівку.", "Романівку", Action.ATTACKED, "attempted"),
    ("Сили оборони відновили контроль над Котлиним.", "Котлиним", Action.CAPTURED, "done"),
    # ... while a brigade taking up its defence in a place takes nothing
    ("Бригада зайняла оборону в районі Покровська.", "Покровська", Action.OTHER, "done"),
    # DeepState's wording of a gain, the grey zone, pressure, a way out to the outskirts
    ("Ворог розширив присутність у Покровську.", "Покровську", Action.ADVANCING, "done"),
    ("Більша частина Дачного перебуває в сірій зоні.", "Дачного", Action.FIGHTING, "done"),
    ("Противник здійснює постійний тиск на Новоукраїнку.", "Новоукраїнку", Action.ATTACKED, "done"),
    ("Ворог мав успіх поблизу Піщаного.", "Піщаного", Action.ADVANCING, "done"),
    ("Противник покращив тактичне положення біля Петропавлівки.", "Петропавлівки", Action.ADVANCING, "done"),
    ("Ворог вийшов на околиці Добропілля.", "Добропілля", Action.ADVANCING, "done"),
    ("Окупанти продовжують спроби зайти в Куп'янськ.", "Куп'янськ", Action.ATTACKED, "attempted"),
    # war correspondents: 'взяли', a wave of assaults, a place held, retaken, the defence broken
    ("Вчера наши штурмовики взяли Удачное.", "Удачное", Action.CAPTURED, "done"),
    ("Бойцы взяли в плен двух солдат у Удачного.", "Удачного", Action.OTHER, "done"),
    ("Противник предпринял очередной накат на Шахово.", "Шахово", Action.ATTACKED, "done"),
    # an attempt the text calls unsuccessful failed: the place is where it was held off (labels of four
    # sets: "unsuccessful attempts" are repelled there)
    ("ВСУ безуспешно пытаются вернуть Гнатовку.", "Гнатовку", Action.REPELLED, "done"),
    ("Противник безуспешно атаковал позиции у Работино.", "Работино", Action.REPELLED, "done"),
    ("Ворог безуспішно штурмував позиції поблизу Надії.", "Надії", Action.REPELLED, "done"),
    ("Окупанти вели безуспішні наступальні дії в районі Торського.", "Торського", Action.REPELLED, "done"),
    ("Армия России установила контроль над Ямполем.", "Ямполем", Action.CAPTURED, "done"),
    # a part of the place held: the capture of a part enters it (a part row, as "частину", "part of")
    ("Бойцы ВС РФ держат под контролем восточную часть Купянска.", "Купянска", Action.ENTERED, "done"),
    ("Подразделениям удалось отбить населенный пункт Кузьминовка.", "Кузьминовка", Action.CAPTURED, "done"),
    ("Российские бойцы сломили оборону ВСУ у Дроновки.", "Дроновки", Action.FIGHTING, "done"),
    ("Десантники вышли на окраины Добропольи.", "Добропольи", Action.ADVANCING, "done"),
    # the fall of villages or a town is their capture (as "the fall of"); debris falling is no event (issue 13)
    ("Наступу на Сіверськ передувало падіння трьох сіл — Ямполя, Дронівки та Закітного.", "Дронівки",
     Action.CAPTURED, "done"),
    ("Падіння села Шевченко відкрило ворогу шлях на захід.", "Шевченко", Action.CAPTURED, "done"),
    ("Після падіння міста Вугледар ворог пішов на північ.", "Вугледар", Action.CAPTURED, "done"),
    ("Уночі зафіксовано падіння уламків у Харкові.", "Харкові", Action.OTHER, "done"),
    # a forecast is no event
    ("Военные эксперты предрекли наступление на Славянск.", "Славянск", Action.OTHER, "done"),
])
def test_ru_uk_verbs_of_session_8(sentence: str, name: str, action: Action, modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, modality), c.why


def test_a_sentence_naming_its_speaker_after_a_long_title_gives_them_what_came_before():
    # an agency's lead: the event, then "Об этом заявил <a long title> <name>, передает ТАСС"
    text = ("Российские военные сломили оборону ВСУ у Дроновки. Об этом заявил подполковник народной милиции "
            "Луганской народной республики в отставке Андрей Марочко, передает ТАСС.")
    assert _speakers(text) == ["RU-milblogger"] * 2


def test_a_speakers_own_channel_is_no_second_speaker():
    text = ("«Бои идут в районе Удачного», – сказал Пушилин в видеообращении в своем Telegram-канале.\n"
            "Глава ДНР напомнил, что бои идут и в Красноармейске.")
    assert _speakers(text)[0] == "RU-official"


def test_the_general_staff_named_alone_speaks(gaz):
    from geo.extract import extract_text

    text = ("На фронті минулої доби відбулося 120 бойових зіткнень, повідомив у ранковому зведенні український Генштаб.\n"
            "«На Покровському напрямку ворог атакував у районах Мирнограда та Родинського», – йдеться в повідомленні.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 10, 23)) if c.place == "Родинського"]
    assert claims and {c.claimant for c in claims} == {Claimant.UA_GENERALSTAFF}


def test_a_list_goes_on_over_the_sentence_naming_its_source(gaz):
    from geo.extract import extract_text

    text = ("Російські війська окупували Суху Балку та продовжили просування у кількох інших селах. "
            "Про це повідомив DeepState. Серед населених пунктів, де просунувся ворог, були Дачне та Торецьк.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 4, 30)) if c.place == "Торецьк"]
    assert claims and {c.action for c in claims} == {Action.ADVANCING}


def test_a_channel_named_after_the_fact_and_its_authors_speak():
    # Russian news retelling a Telegram channel: "Об этом сообщает Telegram-канал «…»", "По данным авторов канала"
    text = ("Российские штурмовики продвинулись в Гуляйполе. Об этом сообщает Telegram-канал «Два майора».\n"
            "По данным авторов канала, бои идут на окраинах Мирнограда. Также штурмовые группы закрепились в Родинском.")
    assert _speakers(text) == ["RU-milblogger"] * 4


def test_a_speaker_writing_in_his_own_channel_is_the_speaker():
    text = "Бойцы продвигаются у Северска. Об этом написал у себя в Telegram-канале глава Чечни Рамзан Кадыров."
    assert _speakers(text) == ["RU-official"] * 2


def test_a_retold_channel_post_in_three_one_sided_sentences_is_the_channels_voice():
    # Russian news retelling a war correspondent's post: three unattributed sentences have Russian forces gain (one
    # "по данным с мест", one "сообщалось также"), against one attributed sentence: the channel's own voice, as
    # in an English milblog piece of three such sentences; two are too few
    from geo.claims.voice import report_voice

    gains = ("Российским военным удалось закрепиться на южной окраине Ямполя. ",
             "По данным с мест, ВС РФ продвинулись у Торского. ",
             "Сообщалось также о ведении российскими военными, продвигающимися к Северску, боев к западу от Серебрянки. ")
    attributed = "Противник, по словам военкора Иванова, перебрасывает резервы к Лиману."
    assert report_voice("".join(gains) + attributed) is Claimant.RU_MILBLOGGER
    assert report_voice("".join(gains[:2]) + attributed) is None


def test_the_previous_day_of_an_evening_summary_dates_its_sentence(gaz):
    # a General Staff evening summary retold: today's count, then "Попередньої доби …" for the day before
    from geo.extract import extract_text

    text = ("Війська РФ збільшили активність на Лиманському напрямку – 24 рази штурмували позиції поблизу Ямполя. "
            "Попередньої доби ворог 11 разів атакував поблизу Торського.")
    dates = {c.place: c.date for c in extract_text(text, gaz, date=dt.date(2025, 12, 12))}
    assert dates["Ямполя"] == dt.date(2025, 12, 12)
    assert dates["Торського"] == dt.date(2025, 12, 11)


@pytest.mark.parametrize("sentence, name", [
    # the dash that stands for "namely" after a count of places (MoD copy and its agency digests): the names after it
    # take the verb before it, a kind of place or a region's name between them too
    ("Российские военные освободили еще два населенных пункта — село Новоселовка и поселок Степное в Запорожской "
     "области, а также село Егоровка в Днепропетровской области.", "Новоселовка"),
    ("Российские военные освободили еще два населенных пункта — село Новоселовка и поселок Степное в Запорожской "
     "области, а также село Егоровка в Днепропетровской области.", "Егоровка"),
    ("Четыре населенных пункта перешли под контроль бойцов «Центра» в ДНР — Бересток, Закотное, Приволье.", "Приволье"),
    ("Окупанти захопили ще два села — Тихе та Нове.", "Нове"),
])
def test_a_dash_after_a_count_of_places_lists_them(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.role == "event" and c.action is Action.CAPTURED, c.why


def test_a_dash_after_a_place_is_still_a_heading_and_words_after_a_dash_no_list() -> None:
    assert _claim("В районе Спорного — позиционные бои.", "Спорного").action is Action.FIGHTING
    # a sentence going on after the dash is no list of the places before it
    assert _claim("Российские войска освободили Тихое — жители Ямполя слышали бои.", "Ямполя").action is not Action.CAPTURED
    # a pair of names joined by a dash names a road or a stretch of front, not a list
    s = "Росіяни вдарили по дамбі біля Осикового, підтопивши дорогу Дружківка – Костянтинівка, повідомили бійці."
    assert _claim(s, "Костянтинівка").action is not Action.STRUCK


def test_a_list_opener_with_a_relative_clause_still_lists(gaz):
    from geo.extract import extract_text

    # "Серед населених пунктів, які …, були A, B": the relative clause between commas does not end the list
    text = ("Російські війська окупували Суху Балку та продовжили просування у кількох інших селах. "
            "Про це повідомив DeepState. Серед населених пунктів, які опинилися під загрозою, були Дачне та Торецьк.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 4, 30)) if c.place in ("Дачне", "Торецьк")]
    assert len(claims) == 2 and {c.action for c in claims} == {Action.ADVANCING}
    text = ("Группировка «Юг» продвинулась у нескольких сел. "
            "Среди населенных пунктов, которые назвали в ведомстве, оказались Федоровка и Ступочки.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 4, 30)) if c.place == "Ступочки"]
    assert claims and {c.action for c in claims} == {Action.ADVANCING}


@pytest.mark.parametrize("sentence, name, action", [
    # a share of a town's ground held, written as a per cent: the fight for it goes on (as "большую часть")
    ("По словам Пушилина, российские войска контролируют около 75% территории Северска.", "Северска", Action.FIGHTING),
    ("Окупанти контролюють близько 70% території Сіверська, заявив речник.", "Сіверська", Action.FIGHTING),
    ("Российские военные контролируют большую часть территории Купянска.", "Купянска", Action.FIGHTING),
    # "установили (полный) контроль": an adjective inside the MoD's collocation
    ("Также ВС РФ установили полный контроль над поселком Птичье.", "Птичье", Action.CAPTURED),
    ("Над Работино установлен полный контроль, сообщили в ведомстве.", "Работино", Action.CAPTURED),
])
def test_control_of_a_share_and_full_control(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.role == "event" and c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # the MoD's and its digests' "drove out": done, a capture; going on, fighting
    ("Российским бойцам удалось вытеснить противника из Кировска.", "Кировска", Action.CAPTURED),
    ("Штурмовые группы вытеснили подразделения ВСУ из Новомихайловки.", "Новомихайловки", Action.CAPTURED),
    ("Штурмовые группы вытесняют противника из Кировска.", "Кировска", Action.FIGHTING),
    # a war correspondent's "squeezing out" (the verb and its noun), going on: fighting there
    ("Наши штурмовики выдавливают противника из Кировска.", "Кировска", Action.FIGHTING),
    ("Военкор сообщил о выдавливании ВСУ от реки под Платоновкой.", "Платоновкой", Action.FIGHTING),
    ("Министр заявил, что ВСУ были выбиты из Ласточкино.", "Ласточкино", Action.CAPTURED),
    # the passive of "сбросить" in an official's strike list
    ("Были сброшены боеприпасы с беспилотника в селе Каменское.", "Каменское", Action.STRUCK),
])
def test_drove_out_and_dropped(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.role == "event" and c.action is action, c.why


def test_windows_blown_out_are_no_capture() -> None:
    assert _claim("После удара по Купянску в домах выбиты окна.", "Купянску").action is not Action.CAPTURED


def test_russian_milbloggers_named_with_their_nationality_speak() -> None:
    # ISW retold in Russian: "российские военные блогеры" (not "российские военные", the military)
    s = "Российские военные блогеры утверждают, что бойцы продвинулись у Кучеровки."
    assert _claim(s, "Кучеровки").claimant is Claimant.RU_MILBLOGGER
    s = "Заявления российских военных блогеров о продвижении у Петропавловки аналитики не подтверждают."
    assert _claim(s, "Петропавловки").claimant is Claimant.RU_MILBLOGGER


def test_a_ukrainian_military_expert_is_no_russian_war_correspondent():
    # "военный эксперт" in Russian press is mostly a Russian war correspondent; a Ukrainian one is not
    assert _speakers("Бои идут в центре Волчанска, сообщил военный эксперт Андрей Марочко.") == ["RU-milblogger"]
    assert _speakers("Бои идут в центре Волчанска, сообщает украинский военный эксперт Константин Машовец.") != \
        ["RU-milblogger"]
    s = "Украинский военный эксперт Константин Машовец сообщает о боях в центре Волчанска."
    assert _claim(s, "Волчанска").claimant is not Claimant.RU_MILBLOGGER


@pytest.mark.parametrize("sentence, name", [
    # the Ukrainian command's denial after the claim it denies: the claim stays the Kremlin's (denied), not the GS's
    ("У Генштабі наголосили, що заяви Кремля про встановлення контролю над Мирноградом не підтверджуються "
     "жодними фактами.", "Мирноградом"),
    ("Заяви росіян про захоплення Куп’янська не відповідають дійсності, наголосили в Генштабі.", "Куп’янська"),
])
def test_a_denial_after_the_claim(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.CAPTURED and c.modality == "denied" and c.claimant is Claimant.RU_OFFICIAL, c.why


def test_a_russian_denial_after_the_mod_claim() -> None:
    # the same formula in Russian ("не соответствует действительности"): the MoD's claim is kept as its own, denied
    c = _claim("Заявления Минобороны об освобождении Тихого не соответствуют действительности, пишет военкор.", "Тихого")
    assert c.action is Action.CAPTURED and c.modality == "denied" and c.claimant is Claimant.RU_MOD, c.why
    c = _claim("Заявления Минобороны об освобождении Тихого подтвердили военкоры.", "Тихого")
    assert c.modality != "denied", c.why


def test_ukrainian_established_control():
    c = _claim("Росіяни заявили, що встановили повний контроль над Гуляйполем.", "Гуляйполем")
    assert c.action is Action.CAPTURED, c.why
    c = _claim("Окупанти повідомили про встановлення контролю над Мирноградом.", "Мирноградом")
    assert c.action is Action.CAPTURED, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # enveloping a place from its flanks is an advance around it (a commentator's post retold; an official's interview)
    ("Наступающие на краматорском направлении подразделения охватывают с двух сторон село Николаевка, сообщил "
     "военкор.", "Николаевка", Action.ADVANCING),
    ("Пушилин отметил, что наши войска продолжают охват Северска с юга и севера.", "Северска", Action.ADVANCING),
    # "the situation in X remains difficult": where the fighting is heavy (officials, the General Staff)
    ("Ситуація в Покровську залишається складною, але оборона триває.", "Покровську", Action.FIGHTING),
    ("За словами речника, обстановка поблизу Костянтинівки залишається вкрай напруженою.", "Костянтинівки",
     Action.FIGHTING),
    ("Ситуация в Часовом Яре остается очень сложной, рассказал военный эксперт.", "Часовом Яре", Action.FIGHTING),
    ("Обстановка у Торецка остается тяжелой, заявил Пушилин.", "Торецка", Action.FIGHTING),
    # ... and "the situation near X got worse" (for one side): the fighting there goes against it
    ("По данным Генштаба ВСУ, обстановка для украинских войск ухудшилась в районе Часова Яра.", "Часова Яра",
     Action.FIGHTING),
    ("Голова ОВА повідомив, що ситуація в самому Торецьку погіршилася.", "Торецьку", Action.FIGHTING),
    ("За словами речника, ситуація біля Покровська погіршується.", "Покровська", Action.FIGHTING),
])
def test_enveloping_and_difficult_situation(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.role == "event" and c.action is action, c.why


def test_a_fire_engulfing_is_no_advance() -> None:
    assert _claim("После удара огонь охватил склад в Шостке.", "Шостке").action is not Action.ADVANCING


@pytest.mark.parametrize("sentence, name", [
    # a pro-Russian Telegram commentator named in a headline or in the retelling's speech clause
    ("Царев: российские войска продвинулись у Степногорска", "Степногорска"),
    ("Бои идут на окраинах Гуляйполя, сообщил в своем Telegram-канале бывший депутат Рады Олег Царев.", "Гуляйполя"),
])
def test_tsarev_speaks_as_a_milblogger(sentence: str, name: str) -> None:
    assert _claim(sentence, name).claimant is Claimant.RU_MILBLOGGER


def test_the_joint_forces_group_speaks_for_the_ukrainian_command() -> None:
    # Ukrainian news: the paragraph's report, then "Про це розповіли в Угрупованні об'єднаних сил" below it
    text = ("Бої тривають на околицях Вовчанська. Противник намагається закріпитися в місті.\n\n"
            "Про це розповіли в Угрупованні об’єднаних сил.")
    assert _speakers(text) == ["UA-official"] * 3
    # Ukrainian news in Russian: the group's spokesman named with it
    s = "Спикер Группировки объединенных сил сообщил, что бои идут в Купянске."
    assert _claim(s, "Купянске").claimant is Claimant.UA_OFFICIAL



def test_a_ukrainian_groupings_spokesman_or_corps_speaks_for_the_ukrainian_command() -> None:
    # Ukrainian news: a grouping's spokesman named by his title and rank after the report he gives
    text = "Бої тривають біля Степового. Про це заявив речник угруповання військ «Схід» майор Іван Коваль."
    assert _speakers(text) == ["UA-official"] * 2
    # a corps (its commander, his deputy) speaking
    s = "Заступник командира 5-го армійського корпусу повідомив, що бої тривають біля Степового."
    assert _claim(s, "Степового").claimant is Claimant.UA_OFFICIAL

@pytest.mark.parametrize("sentence, name, action", [
    # Ukrainian news retelling the General Staff: the enemy driven out of a place (done) or being driven out
    ("Як стало відомо, десантники вибили окупантів із села Новоселівка.", "Новоселівка", Action.CAPTURED),
    ("За даними командування, ворожі групи вибиті з Новоселівки.", "Новоселівки", Action.CAPTURED),
    ("Штурмові підрозділи вибивають росіян з Новоселівки.", "Новоселівки", Action.FIGHTING),
    ("Сили оборони витіснили ворога з Новоселівки.", "Новоселівки", Action.CAPTURED),
    # war correspondents: pushing the enemy back towards a place is a gain there
    ("По словам военкора, наши штурмовики оттесняют противника к югу Звановки.", "Звановки", Action.ADVANCING),
    # ... while pushed back away from a place is an attack on it repelled (as "відкинули від")
    ("Подразделения оттеснили противника от Звановки.", "Звановки", Action.REPELLED),
    # officials: the other side's loss of a place is its capture, its losses in men are no event
    ("Украинское командование официально признало потерю Белогоровки.", "Белогоровки", Action.CAPTURED),
    ("По его словам, из-за потери Белогоровки противник отходит.", "Белогоровки", Action.CAPTURED),
    ("Потери ВСУ в районе Тихого составили до 40 военнослужащих.", "Тихого", Action.OTHER),
    ("Противник понес тяжелые потери в районе Тихого.", "Тихого", Action.OTHER),
    ("Потери техники у Тихого оказались значительными.", "Тихого", Action.OTHER),
])
def test_driven_out_pushed_back_and_lost(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action, _claim(sentence, name).why


def test_an_attempt_is_its_own_verbs_not_a_later_clauses() -> None:
    # an official: the enemy's tries to counterattack, then what the other side took, past a comma
    s = "ВСУ пытаются контратаковать, но после того, как наши войска освободили Резниковку, их положение ухудшилось."
    assert (_claim(s, "Резниковку").action, _claim(s, "Резниковку").modality) == (Action.CAPTURED, "done")
    # ... while one try at two verbs stays one attempt
    s = "Противник пытался штурмовать и захватить Тихое."
    assert _claim(s, "Тихое").action is Action.ATTACKED


def test_a_channel_after_its_speaker_is_the_speakers_own(gaz) -> None:
    from geo.extract import extract_text

    # an agency retelling an official's weekly post: the channel named after him is his, in the next sentences too
    text = ("Войска подходят к Северску с нескольких сторон, сообщил глава ДНР Денис Пушилин в Telegram-канале. "
            "За неделю армия освободила Сосновку.")
    claims = [c for c in extract_text(text, gaz, date=dt.date(2025, 9, 14)) if c.place in ("Северску", "Сосновку")]
    assert {c.claimant for c in claims} == {Claimant.RU_OFFICIAL}, [c.why for c in claims]
    s = "Войска подходят к Северску, сообщил Пушилин в Telegram-канале."
    assert _claim(s, "Северску").claimant is Claimant.RU_OFFICIAL
    # a channel that speaks for itself is still a milblogger's
    s = "Бои идут у Тихого, сообщается в Telegram-канале «Военная хроника»."
    assert _claim(s, "Тихого").claimant is Claimant.RU_MILBLOGGER


def test_the_outlets_own_news_and_its_named_list() -> None:
    # "стало известно", "появились сообщения": the outlet's recap, not the last speaker's words
    text = ("Бои идут у Ямполя, заявил Пушилин.\n"
            "Ранее стало известно, что разведгруппы прорвались в Константиновку.\n"
            "Также появились сообщения о прорыве в Северск.")
    assert _speakers(text) == ["RU-official", "media", "media"]
    # "Речь идет о A и B": the places of the number the sentence before gave
    text = "За неделю подразделения группировки войск освободили два населенных пункта. Речь идет о Тихом и Новоселовке."
    from geo.discourse import read_report as _read
    states = _read(text, source=Claimant.MEDIA)
    assert states[1].listing is not None and states[1].listing.action is Action.CAPTURED


@pytest.mark.parametrize("sentence, name", [
    # a spokesman denies "information about" an advance, no owner of the claim named: no advance there
    ("У Силах оборони спростовують інформацію про начебто просування ворога біля Успенівки.", "Успенівки"),
    ("Генштаб спростовує повідомлення про нібито захоплення Павлівки.", "Павлівки"),
])
def test_a_denial_with_no_owner_negates(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.negated and c.action is Action.OTHER, c.why


def test_a_denial_with_its_owner_keeps_the_owners_claim() -> None:
    c = _claim("У Генштабі спростовують заяви росіян про захоплення Павлівки.", "Павлівки")
    assert (c.action, c.modality, c.claimant) == (Action.CAPTURED, "denied", Claimant.RU_OFFICIAL), c.why


def test_a_back_reference_in_the_outlets_reminder_reaches_back_to_the_reminder_only() -> None:
    # news retelling DeepState, then the outlet's reminder of what the president said
    text = ("Сили оборони відкинули ворога поблизу Нового Шахового. Про це повідомляє видання з посиланням на DeepState.\n"
            "Водночас ворог просунувся поблизу Звірового.\n"
            "Нагадаємо, російські війська виснажені. Про це президент Зеленський розповів журналістам.")
    assert _speakers(text) == ["DeepState"] * 3 + ["UA-official"] * 2


@pytest.mark.parametrize("sentence, name, claimant", [
    # Russian-language press: the chief of the General Staff with no army named is Russia's
    ("Бои идут на окраинах Купянска, заявил начальник Генштаба.", "Купянска", Claimant.RU_OFFICIAL),
    ("Особое внимание глава Генштаба уделил боям за Купянск.", "Купянск", Claimant.RU_OFFICIAL),
    # ... and Ukraine's when its army is named
    ("По словам начальника Генштаба ВСУ, бои идут у Купянска.", "Купянска", Claimant.UA_GENERALSTAFF),
])
def test_the_chief_of_the_general_staff_in_russian_press(sentence: str, name: str, claimant: Claimant) -> None:
    assert _claim(sentence, name).claimant is claimant, _claim(sentence, name).why


def test_a_name_in_guillemets_before_a_speaker_closes_no_quotation() -> None:
    # "Командир спецназа «Ахмат», генерал X заявил": «Ахмат» is a name, not the end of a quotation whose words
    # the speaker said from an earlier sentence on
    text = ("Подразделения освободили Тихое. Об этом сообщило Минобороны России.\n"
            "«Противник отступил с позиций», – сказано в сообщении ведомства.\n"
            "Автор канала «Южный фронт», военкор Пегов, заявил, что бои идут у Нового.")
    assert _speakers(text) == ["RU-MoD"] * 3 + ["RU-milblogger"]


def test_a_list_opener_in_its_own_paragraph_reaches_the_count_two_sentences_back() -> None:
    # news copy of the MoD's weekly count: the count, a sentence on where they lie, then the names set apart
    text = ("Войска освободили за неделю три населенных пункта, сообщили в Минобороны. Два из них находятся в ДНР.\n\n"
            "Речь идет о таких населенных пунктах, как Тихое, Новое и Сладкое.")
    listing = read_report(text, source=Claimant.MEDIA)[2].listing
    assert listing is not None and listing.action is Action.CAPTURED


@pytest.mark.parametrize("sentence, name, action", [
    # General Staff copy: clashes near A and "towards" B: B is where the attacks were headed, not where they were fought
    ("На Південно-Слобожанському напрямку відбулося шість бойових зіткнень у районі Вовчанська та в бік Хатнього.",
     "Хатнього", Action.ATTACKED),
    ("Основні бої точилися поблизу Амбарного та в напрямку Одрадного.", "Одрадного", Action.ATTACKED),
    ("Основні бої точилися поблизу Амбарного та в напрямку Одрадного.", "Амбарного", Action.FIGHTING),
])
def test_clashes_towards_a_place_are_attacks_on_it(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action, _claim(sentence, name).why


@pytest.mark.parametrize("sentence, name, action", [
    # officials: a place "liberated earlier / recently" is named by its status; the clause's event is what happens there
    ("По словам Пушилина, бои идут севернее ранее освобожденного населенного пункта Тихое.", "Тихое", Action.FIGHTING),
    ("У недавно освобожденной Новоселовки противник предпринимает атаки.", "Новоселовки", Action.ATTACKED),
    # ... and with no event of its own, the status still says who holds it
    ("Глава республики посетил ранее освобожденный Украинск.", "Украинск", Action.CAPTURED),
])
def test_a_place_liberated_earlier_is_a_status(sentence: str, name: str, action: Action) -> None:
    assert _claim(sentence, name).action is action, _claim(sentence, name).why


@pytest.mark.parametrize("sentence, name, action, modality", [
    # the breakthrough noun: a try at it is an attack
    ("Ворог здійснив спробу прориву до Новопавлівки.", "Новопавлівки", Action.ATTACKED, "attempted"),
    ("На Покровському напрямку противник здійснив три спроби прориву в районі Родинського.", "Родинського",
     Action.ATTACKED, "attempted"),
    # encircling, as the verb says it: fighting there, not a capture ("взял" alone is one)
    ("Российские войска окружили Мирноград с трех сторон.", "Мирноград", Action.FIGHTING, "done"),
    ("Штурмовые отряды окружают Димитров.", "Димитров", Action.FIGHTING, "done"),
    ("Росіяни оточують Мирноград, заявив речник.", "Мирноград", Action.FIGHTING, "done"),
    ("Окупанти намагаються оточити Куп'янськ.", "Куп'янськ", Action.ATTACKED, "attempted"),
    ("Противник взял в полукольцо Константиновку.", "Константиновку", Action.FIGHTING, "done"),
    ("Наши подразделения берут в клещи Северск.", "Северск", Action.FIGHTING, "done"),
    ("Полк взял Северск.", "Северск", Action.CAPTURED, "done"),
    # approaching
    ("Российские войска приближаются к Гуляйполю.", "Гуляйполю", Action.ADVANCING, "done"),
    # a status of Russian control (officials, war correspondents)
    ("Под контролем российских войск находятся Тихое и Вороне.", "Вороне", Action.CAPTURED, "done"),
    ("Большая часть Родинского находится под контролем ВС России.", "Родинского", Action.CAPTURED, "done"),
    ("За даними DeepState, Шевченко перебуває під контролем окупантів.", "Шевченко", Action.CAPTURED, "done"),
    # a stronghold taken by a place is an advance there; a part of it taken enters it
    ("Штурмовики захватили опорный пункт возле Ямполя.", "Ямполя", Action.ADVANCING, "done"),
    ("Ворог захопив опорний пункт біля Зарічного.", "Зарічного", Action.ADVANCING, "done"),
    # ... and so is ground taken at a bearing from it, as a war correspondent puts it (the English "west of")
    ("Штурмовики установили контроль над участком трассы западнее Ямполя.", "Ямполя", Action.ADVANCING, "done"),
    ("Наши бойцы заняли позицию юго-восточнее Закотного.", "Закотного", Action.ADVANCING, "done"),
    ("Сообщается о взятии под контроль района моста к западу от Дроновки.", "Дроновки", Action.ADVANCING, "done"),
    ("Ворог захопив опорний пункт північніше Зарічного.", "Зарічного", Action.ADVANCING, "done"),
    ("Штурмовики установили контроль над Ямполем.", "Ямполем", Action.CAPTURED, "done"),
    ("Ворог окупував частину Ямполя.", "Ямполя", Action.ENTERED, "done"),
])
def test_nouns_rings_and_statuses(sentence: str, name: str, action: Action, modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, modality), c.why


@pytest.mark.parametrize("sentence, name", [
    # "окружающих" (surrounding) is no encircling (the Defence Forces' control, no capture either, is contested
    # ground: test_ru_uk_genre_formulas)
    ("Жители Тихого и окружающих сел получили гуманитарную помощь.", "Тихого"),
])
def test_no_capture_and_no_ring(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.OTHER, _claim(sentence, name).why


def test_about_in_ukrainian_is_no_nearness() -> None:
    # "близько" (about) before a count is no "close to taking" (the Russian "близки к взятию" is)
    s = "Близько двох десятків разів атакували російські військові біля Кутьківки."
    assert _claim(s, "Кутьківки").action is Action.ATTACKED, _claim(s, "Кутьківки").why
    s = "Войска близки к взятию Константиновки."
    assert _claim(s, "Константиновки").action is Action.ADVANCING


@pytest.mark.parametrize("sentence, name, action, modality", [
    # DeepState's colloquial infiltration, and a try at it ("пробують", spelled out: "пробув" is "stayed")
    ("Росіяни залазять у Тихе малими групами.", "Тихе", Action.ENTERED, "done"),
    ("Окупанти пробують залазити в посадки біля Дачного.", "Дачного", Action.ATTACKED, "attempted"),
    ("Ворог пробував штурмувати Зелений Гай.", "Зелений Гай", Action.ATTACKED, "attempted"),
    # the feminine and the participle of "зайти" in Russian
    ("ДРГ противника зашла в Покровск.", "Покровск", Action.ENTERED, "done"),
    ("Штурмовая группа, зашедшая в Покровск, закрепилась.", "Покровск", Action.ENTERED, "done"),
])
def test_infiltration_in_the_words_of_deepstate_and_correspondents(sentence: str, name: str, action: Action,
                                                                     modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, modality), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # closer to a place is an advance toward it, never its capture; a try to get closer is an attack
    ("Штурмовики продвинулись ещё ближе к Мирнограду.", "Мирнограду", Action.ADVANCING),
    ("Окупанти підійшли ще ближче до Гуляйполя.", "Гуляйполя", Action.ADVANCING),
    ("Ворог намагається просунутися ближче до Гуляйполя.", "Гуляйполя", Action.ATTACKED),
    ("Российские подразделения стали ближе к Мирнограду.", "Мирнограду", Action.ADVANCING),
    # ... but a village that lies closer to a place says nothing of the place
    ("Село расположено ближе к Мирнограду, чем к Покровску.", "Мирнограду", Action.OTHER),
    ("Село розташоване ближче до Гуляйполя.", "Гуляйполя", Action.OTHER),
    # "active actions" of a side at a place are its offensive there
    ("Противник ведет активные действия в районе Ямполя.", "Ямполя", Action.ATTACKED),
    ("Росіяни ведуть активні дії поблизу Ямполя.", "Ямполя", Action.ATTACKED),
    # sabotage groups that appear in a place have got into it
    ("Отмечено появление ДРГ противника в северной части Купянска.", "Купянска", Action.ENTERED),
    ("ДРГ фіксуються вже в Мирнограді.", "Мирнограді", Action.ENTERED),
    ("В Мирнограде фиксируются ДРГ ВС РФ.", "Мирнограде", Action.ENTERED),
    # a share of a place held and a denial of control: contested, never captured
    ("Сили оборони контролюють ще близько 30% Куп'янська.", "Куп'янська", Action.FIGHTING),
    ("ВСУ контролируют лишь около 15% Мирнограда.", "Мирнограда", Action.FIGHTING),
    ("Окупанти не мають контролю в селі Зелений Гай.", "Зелений Гай", Action.FIGHTING),
    ("Противник не имеет контроля в Зеленом Гае.", "Зеленом Гае", Action.FIGHTING),
])
def test_event_nouns_closeness_groups_and_shares(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    # a stop verb governs its object's noun: the places of the stopped attacks are repelled, not attacked
    ("Наши бойцы остановили штурмовые действия противника в районе Торского и Ямполовки.", "Ямполовки"),
    ("Гарнизон остановил пять атак ВСУ у Ямполовки.", "Ямполовки"),
    ("Атаки противника у Торского остановлены.", "Торского"),
    ("На красноармейском направлении остановлено пять атак ВСУ у Ямполовки.", "Ямполовки"),
    ("На Покровському напрямку зупинено 40 штурмових дій поблизу Удачного.", "Удачного"),
    ("Наші захисники зупинили 33 штурмові дії в районах Удачного та Котлиного.", "Котлиного"),
    ("Захисники відбили дев'ять атак біля Степового, та ще 16 атак біля Невельського і Первомайського.",
     "Первомайського"),
])
def test_a_stop_verb_governs_the_attacks_it_stops(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.REPELLED


def test_units_that_stop_of_themselves_repel_nothing() -> None:
    assert _claim("Штурмовые группы остановились у Торского.", "Торского").action is not Action.REPELLED


@pytest.mark.parametrize("sentence, name", [
    # the Russian MoD's passive formula, its list before the verb as after it, as the active "нанесли поражение"
    ("При этом в районах населенных пунктов Торское, Ямполовка и других в ДНР, а также Новопавловка в "
     "Днепропетровской области нанесены потери живой силе и технике ВСУ.", "Ямполовка"),
    ("При этом в районах населенных пунктов Торское, Ямполовка и других в ДНР, а также Новопавловка в "
     "Днепропетровской области нанесены потери живой силе и технике ВСУ.", "Новопавловка"),
    ("Нанесены потери живой силе и технике двух бригад ВСУ в районах Торского и Ямполовки.", "Ямполовки"),
])
def test_losses_inflicted_in_the_areas_of_places_are_fighting_there(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.FIGHTING


def test_losses_suffered_are_no_fighting_cue() -> None:
    assert _claim("Противник понес потери живой силы у Торского.", "Торского").action is not Action.FIGHTING


@pytest.mark.parametrize("sentence, name, action", [
    # a Ukrainian command's summary (issue 13, session 12): its difficult situation,
    # its search-and-strike (search-and-assault) actions against infiltrators: a place fought over
    ("У Сіверську ситуація складна, але контрольована, повідомили в бригаді.", "Сіверську", Action.FIGHTING),
    ("У Родинському тривають пошуково-ударні дії.", "Родинському", Action.FIGHTING),
    ("Сили оборони проводять пошуково-ударні дії в районі Торецька.", "Торецька", Action.FIGHTING),
    ("На півночі Покровська українські підрозділи проводять пошуково-штурмові дії.", "Покровська", Action.FIGHTING),
    # ... and a situation that sharpens near a place, as one that worsens ('погіршується')
    ("Аналітики повідомили, що ситуація навколо Часового Яру продовжує загострюватися.", "Часового Яру",
     Action.FIGHTING),
    ("Обстановка біля Торецька загострилася.", "Торецька", Action.FIGHTING),
])
def test_a_ukrainian_commands_defence_going_on_is_fighting(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.role == "event" and c.action is action, c.why


def test_a_grouping_of_forces_abbreviated_uv_speaks_for_ukraine():
    # Ukrainian copy abbreviates its own grouping of forces "УВ «Схід»"; a quotation it closes is its statement
    text = ("У зоні відповідальності УВ «Схід» від початку доби ворог 30 разів атакував позиції Сил оборони. "
            "Як повідомляють в УВ «Схід», бої тривають біля Родинського.")
    assert _speakers(text) == ["UA-official", "UA-official"]


def test_prisoners_are_no_grouping_of_forces():
    # 'ув'язнені' holds the letters of the abbreviation УВ: it names no speaker
    from geo.claims import find_attributions
    text = "Росіяни кидають на штурми колишніх ув'язнених біля Торецька, повідомляє видання."
    assert find_attributions(text) == ()
    assert _speakers(text) == [None]


def test_a_brigades_communications_chief_speaks_for_ukraine():
    # the title alone names the speaker, before a speech word as after it; "Про це" gives him the lead before it
    text = ("Росіяни намагаються зайти в Дронівку малими групами.\n"
            "Про це повідомив начальник відділення комунікацій 81-ї окремої аеромобільної бригади в етері "
            "телемарафону.")
    assert _speakers(text) == ["UA-official", "UA-official"]
    text = "Бої тривають біля Сіверська, розповів начальник відділення комунікацій бригади."
    assert _speakers(text) == ["UA-official"]


@pytest.mark.parametrize("text", [
    # the State Border Guard Service's spokesman on air, named after the lead he spoke (a news item's form)
    "Росіяни намагаються просунутися від Грабовського вглиб області.\n"
    "Таку заяву в ефірі телемарафону зробив речник Державної прикордонної служби України.",
    "У ДПСУ розповіли, що окупанти атакують біля Грабовського.",
])
def test_the_state_border_guard_service_speaks_for_ukraine(text):
    assert set(_speakers(text)) == {"UA-official"}


@pytest.mark.parametrize("sentence, name, action", [
    # the MoD bulletin retold: losses inflicted on brigades themselves (dative) are the fighting in the areas named
    ("Бойцы группировки нанесли поражение четырем украинским бригадам в районах Глушковки и Кучеровки.",
     "Кучеровки", Action.FIGHTING),
    ("Нанесено поражение механизированной бригаде ВСУ в районе Ямполя.", "Ямполя", Action.FIGHTING),
    ("Группировка нанесла удары по трем бригадам ВСУ в районах Песчаного и Ковшаровки.", "Ковшаровки",
     Action.FIGHTING),
    # ... while a strike on a brigade's objects (genitive) stays a strike
    ("Нанесено поражение пунктам временной дислокации бригады ВСУ в районе Краматорска.", "Краматорска",
     Action.STRUCK),
    ("Нанесены удары по местам дислокации бригады ВСУ в районе Славянска.", "Славянска", Action.STRUCK),
    # the Ukrainian command's answer to a claimed capture: the places it keeps control of are contested ground
    ("Сили оборони зберігають контроль над Торським і Затишком на Донеччині та не дозволяють ворогу закріпитися.",
     "Затишком", Action.FIGHTING),
    ("Українські підрозділи зберігають повний контроль над Дронівкою.", "Дронівкою", Action.FIGHTING),
])
def test_losses_on_brigades_and_control_kept(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, "done"), c.why


def test_a_denied_capture_next_to_control_kept_stays_the_denied_claim() -> None:
    c = _claim("ЗСУ спростували заяви росіян про захоплення Торського.", "Торського")
    assert (c.action, c.modality, c.claimant) == (Action.CAPTURED, "denied", Claimant.RU_OFFICIAL), c.why


@pytest.mark.parametrize("sentence, name", [
    # the MoD retold: "for the further liberation of X" names the next objective, X is no event
    ("Взятие этих сел важно для дальнейшего освобождения Покровска.", "Покровска"),
    ("Войска готовят плацдарм для дальнейшей атаки на Константиновку.", "Константиновку"),
    # the Ukrainian side on the enemy's aims: "for a further offensive on X"
    ("Ворог накопичує сили для подальшого наступу на Оріхів.", "Оріхів"),
    ("Окупанти закріплюються в селі для подальшої атаки на Гуляйполе.", "Гуляйполе"),
])
def test_a_further_objective_is_no_event(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (Action.OTHER, "background"), c.why


def test_an_advance_in_the_course_of_a_further_offensive_stays_an_event() -> None:
    c = _claim("В ходе дальнейшего наступления войска освободили Андреевку.", "Андреевку")
    assert (c.action, c.role) == (Action.CAPTURED, "event"), c.why


@pytest.mark.parametrize("sentence, name", [
    # a war correspondent or expert retelling the front: the situation for one side worsens near a place
    ("Одновременно с этим ухудшается положение ВСУ в районе Часов Яра.", "Часов Яра"),
    ("По словам военкора, положение противника у Ямполя ухудшается с каждым днем.", "Ямполя"),
    ("Ситуация для ВСУ резко обострилась под Константиновкой.", "Константиновкой"),
    ("Обстановка у Северска существенно обострилась, сообщил военный эксперт.", "Северска"),
])
def test_a_worsening_situation_near_a_place_is_fighting_there(sentence, name) -> None:
    assert _claim(sentence, name).action is Action.FIGHTING


def test_the_clipped_military_expert_is_a_war_correspondent() -> None:
    s = "Ширина «горловины котла» у Северска составляет около трех километров, добавил военэксперт."
    assert _claim(s, "Северска").claimant is Claimant.RU_MILBLOGGER
    s = "Военэксперт Иванов заявил, что бойцы продвинулись у Серебрянки."
    assert _claim(s, "Серебрянки").claimant is Claimant.RU_MILBLOGGER


def test_an_expert_who_reports_the_situation_speaks_the_report() -> None:
    # "докладывает военный эксперт X" introduces the retold expert; the sentences after it are his
    text = ("Ситуация для украинских войск на торецком направлении обострилась. Обстановку на участке "
            "докладывает военный эксперт Юрий Подоляка.\nВвод в бой свежей дивизии поменял расстановку сил.\n"
            "Более того, ухудшается положение ВСУ в районе Часов Яра.")
    states = read_report(text)
    assert states[1].speaker is not None and states[1].speaker.claimant is Claimant.RU_MILBLOGGER
    assert states[-1].speaker is not None and states[-1].speaker.claimant is Claimant.RU_MILBLOGGER


@pytest.mark.parametrize("sentence, name", [
    # the other side leaving positions near a place, in the present, the infinitive and the noun
    ("По словам Марочко, боевики начинают покидать позиции в районе Надии.", "Надии"),
    ("ВСУ покидают позиции у Нововодяного, сообщил военный эксперт.", "Нововодяного"),
    ("Украинские военные самовольно оставляют позиции у Торского.", "Торского"),
    ("Под Петровским отмечено самовольное оставление позиций ВСУ.", "Петровским"),
    # ... and pulling back near a place or into it
    ("В основном противник отошел оттуда в Предтечино.", "Предтечино"),
    ("Украинские подразделения отошли с нескольких позиций в районе села Грабовское.", "Грабовское"),
])
def test_the_other_side_leaving_positions_near_a_place_is_an_advance_there(sentence, name) -> None:
    assert _claim(sentence, name).action is Action.ADVANCING


def test_withdrawing_out_of_a_place_stays_its_capture() -> None:
    assert _claim("Противник отошел из Угледара.", "Угледара").action is Action.CAPTURED


def test_a_war_correspondent_named_in_the_headline_speaks_the_report() -> None:
    text = ("Павел Кукушкин: бои идут у Часова Яра\n\nЮжнее Часова Яра село Ступочки уже под контролем "
            "бойцов Добровольческого корпуса МО РФ.")
    states = read_report(text)
    assert [s.speaker.claimant if s.speaker else None for s in states][-1] is Claimant.RU_MILBLOGGER
    assert _claim("Об этом сообщил военкор Павел Кукушкин, бои идут у Часова Яра.", "Часова Яра").claimant \
        is Claimant.RU_MILBLOGGER


@pytest.mark.parametrize("sentence, name", [
    # the other side's defence or front line collapsing near a place: the attacker gains ground there
    ("Оборона украинской армии быстро рушится под Покровском, заявил блогер.", "Покровском"),
    ("Линия фронта к северу от Торецка начала рушиться.", "Торецка"),
    # a withdrawal going on (the imperfective and the noun of 'отошли')
    ("Военкор заявил об отходе ВСУ из Часова Яра на западные рубежи.", "Часова Яра"),
    ("С передовых позиций у Купянска противник уже начал отходить.", "Купянска"),
])
def test_a_collapsing_defence_or_a_withdrawal_going_on_is_an_advance(sentence, name) -> None:
    assert _claim(sentence, name).action is Action.ADVANCING


def test_the_clipped_military_blogger_is_a_milblogger() -> None:
    s = "Оборона ВСУ рушится под Покровском, заявил военблогер."
    assert _claim(s, "Покровском").claimant is Claimant.RU_MILBLOGGER


@pytest.mark.parametrize("sentence, name, action", [
    # under the control of the writer's own side ("наших войск"), or under full control: held, a capture
    ("Южнее Часова Яра село Ступочки уже под контролем наших войск.", "Ступочки", Action.CAPTURED),
    ("Советник подчеркнул, что Московка находится под полным контролем ВС РФ.", "Московка", Action.CAPTURED),
    ("Тихое находится под полным контролем российских войск.", "Тихое", Action.CAPTURED),
    # fire control is no control of the place
    ("Ступочки под огневым контролем наших войск.", "Ступочки", Action.OTHER),
])
def test_a_place_under_the_control_of_our_troops_is_held(sentence, name, action) -> None:
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name", [
    # positions improved near a place, in the past, the present and the passive
    ("Наши войска улучшили позиции по переднему краю у населенного пункта Бурлацкое, сказал Рогов.", "Бурлацкое"),
    ("Штурмовики улучшают свои позиции в районе Торского.", "Торского"),
    ("В районе Фиголевки были улучшены позиции передовых подразделений, отметил Марочко.", "Фиголевки"),
    # a bridgehead widened near a place
    ("Российские войска продолжают расширять плацдарм в районе Волчанска.", "Волчанска"),
    ("Бойцы заняли село, продолжая расширение плацдарма севернее Двуречной.", "Двуречной"),
])
def test_improved_positions_and_a_widened_bridgehead_are_an_advance(sentence, name) -> None:
    assert _claim(sentence, name).action is Action.ADVANCING


def test_troops_taken_off_forward_positions_near_a_place_is_an_advance_there() -> None:
    s = "Украинское командование отводит военнослужащих с ряда передовых позиций у Звановки, сказал Марочко."
    assert _claim(s, "Звановки").action is Action.ADVANCING
    s = "С передовых позиций у Купянска противник уже начал уходить."
    assert _claim(s, "Купянска").action is Action.ADVANCING


@pytest.mark.parametrize("sentence, name", [
    # a war correspondent's "positive changes/shifts" near a place: his side's gain there
    ("На линии соприкосновения отмечены позитивные изменения в районе Северска, сказал Марочко.", "Северска"),
    ("Позитивные сдвиги фиксируются в районе Торского.", "Торского"),
])
def test_positive_changes_near_a_place_are_an_advance(sentence, name) -> None:
    assert _claim(sentence, name).action is Action.ADVANCING


def test_the_defenders_holding_positions_in_a_place_is_fighting_there() -> None:
    s = "Сили оборони досі утримують позиції в межах Серебрянки, повідомили в бригаді."
    assert _claim(s, "Серебрянки").action is Action.FIGHTING


@pytest.mark.parametrize("sentence, name, action", [
    # Russian wire and MoD copy: a repel told as "пресекли попытку / вылазку", "пресечены попытки"
    ("Российские военные пресекли попытку прорыва ВСУ у Ямполя.", "Ямполя", Action.REPELLED),
    ("Подразделения пресекли вылазку диверсионной группы противника у Тёткино.", "Тёткино", Action.REPELLED),
    ("В районе Глушково пресечены попытки прорыва мобильных групп противника.", "Глушково", Action.REPELLED),
    # the start of an operation to take a town is fighting there
    ("Командующий доложил о начале операции по освобождению города Гуляйполе.", "Гуляйполе", Action.FIGHTING),
    ("Президенту доложили о начале операции по занятию Степногорска.", "Степногорска", Action.FIGHTING),
    # forces a few kilometres from a town advance on it
    ("Российские войска стоят в двух километрах от Константиновки.", "Константиновки", Action.ADVANCING),
    ("Наши подразделения находятся в 15 километрах от Краматорска.", "Краматорска", Action.ADVANCING),
    ("Штурмовые группы находятся в 4 км восточнее Покровска.", "Покровска", Action.ADVANCING),
    ("Российские войска стоят на расстоянии 2-3 километров от Купянска.", "Купянска", Action.ADVANCING),
])
def test_russian_wire_repels_operations_and_distances(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, "event"), c.why


@pytest.mark.parametrize("sentence, name", [
    # a town described by its distance from another is no advance on it (singular: the town, not the forces)
    ("Гуляйполе находится в 75 км от Запорожья.", "Запорожья"),
    ("Село находится в пяти километрах от Ямполя.", "Ямполя"),
])
def test_a_town_described_by_its_distance_is_no_event(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.OTHER, c.why


@pytest.mark.parametrize("sentence, name", [
    # what taking a place would bring is a purpose: neither the place nor what lies beyond it is captured
    ("Российские войска стоят у Константиновки, взятие которой позволит выйти к Краматорску.", "Краматорску"),
    ("Бои идут в районе Покровска, освобождение которого обеспечит выход к Доброполью.", "Доброполью"),
    ("Противник рвется к Купянску, захват которого позволит ему выйти к Осколу.", "Осколу"),
    # ... the place itself, the subject's object: a consequence row after the capture noun (intentions.jsonl)
    ("Российские войска стоят у Константиновки, взятие которой позволит выйти к Краматорску.", "Константиновки"),
    ("Эксперт считает, что освобождение Константиновки в Донецкой народной республике (ДНР) может повлиять на ход "
     "операции.", "Константиновки"),
    ("Взятие Покровска обеспечит армии оперативный простор.", "Покровска"),
])
def test_what_taking_a_place_would_allow_is_no_capture(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is not Action.CAPTURED, c.why


@pytest.mark.parametrize("sentence, name", [
    # past, not a purpose: the rows name the future ("позволит", "обеспечит"), not what the capture brought
    ("Войска завершили взятие Тихого, взятие которого позволило выйти к Ямполю.", "Тихого"),
    # a capture done, what it will bring in a clause of its own
    ("Российские войска освободили Тихое, что позволит выйти к Ямполю.", "Тихое"),
])
def test_a_capture_followed_by_what_it_brought_stays_a_capture(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.CAPTURED, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # MoD and wire copy: a clause after ", а" whose dash stands for the verb of the clause before (gapping)
    ("Бойцы группировки «Юг» взяли под контроль Закотное в ДНР, а бойцы «Востока» – Новоданиловку в Запорожской "
     "области.", "Новоданиловку", Action.CAPTURED),
    ("20 ноября был взят под контроль населенный пункт Тихое, а 22 ноября — село Ямполь.", "Ямполь", Action.CAPTURED),
    ("Российские войска освободили в ДНР населенный пункт Тихое, а в Запорожской области – Новоданиловку.",
     "Новоданиловку", Action.CAPTURED),
    ("Российские войска продвинулись у Ямполя, а на купянском направлении – у Кучеровки.", "Кучеровки",
     Action.ADVANCING),
])
def test_a_gapped_clause_after_a_takes_the_verb_before_it(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, "event"), c.why


@pytest.mark.parametrize("sentence, name", [
    # a place heading its own clause ("а Торское – под контролем ВСУ") is no gapped item; nor is a description
    ("Идут бои за Ямполь, а Торское – под контролем ВСУ.", "Торское"),
    ("Тихое освобождено на прошлой неделе, а Ямполь – крупный узел дорог в Донецкой области.", "Ямполь"),
])
def test_a_clause_after_a_whose_dash_heads_a_place_takes_no_verb(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is not Action.CAPTURED, c.why


def test_an_advance_followed_by_what_it_will_bring_stays_an_advance() -> None:
    # the consequence rows make only a capture hypothetical: an advance told with its aim is still told as done
    c = _claim("Российские войска продвинулись у Тихого, продвижение у Тихого позволит выйти к Ямполю.", "Тихого", 1)
    assert c.action is Action.ADVANCING, c.why


@pytest.mark.parametrize("sentence, name", [
    # attempts whose failure the clause itself tells: repelled where they were made
    ("По словам Пушилина, попытки ВСУ прорваться к Ямполю остаются безуспешными.", "Ямполю"),
    ("Попытки противника контратаковать у Тихого оказались безуспешными.", "Тихого"),
])
def test_attempts_that_stayed_unsuccessful_are_repelled(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (Action.REPELLED, "event"), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # 'окупаційні/оккупационные войска' names a side: the advance is read, not a capture
    ("Аналітики повідомили про просування окупаційних військ поблизу Ямполя.", "Ямполя", Action.ADVANCING),
    ("Источники сообщили о продвижении оккупационных войск у Тихого.", "Тихого", Action.ADVANCING),
    # clashes without 'боевые' are fighting there
    ("Столкновения произошли в районах Новопавловки и Андреевки.", "Новопавловки", Action.FIGHTING),
])
def test_side_epithets_and_clashes(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name", [
    # command spokesmen: the enemy improving its position near places gained ground there
    ("Окупанти покращили своє становище в районах Пушкіного та Піщаного після боїв.", "Піщаного"),
    ("Противнику вдалося частково поліпшити своє становище в районі Шевченка.", "Шевченка"),
    ("Ворог поліпшив тактичне положення біля Піщаного.", "Піщаного"),
])
def test_improved_position_is_an_advance(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.ADVANCING, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # the infinitive after a success word is a thing done; ground on a bearing from a place is an advance near it
    ("Штурмовикам удалось занять Тихое.", "Тихое", Action.CAPTURED),
    ("Бойцам удалось занять лесополосу к северо-западу от Тихого.", "Тихого", Action.ADVANCING),
    ("Подразделения заняли позицию северо-восточнее Тихого.", "Тихого", Action.ADVANCING),
    ("Войска заняли лесополосу южнее Тихого.", "Тихого", Action.ADVANCING),
    # a bearing before another place leaves the place taken a capture
    ("Подразделения освободили Ямполь севернее Тихого.", "Ямполь", Action.CAPTURED),
    # taking up defence is no capture
    ("Бригада получила приказ занять оборону у Тихого.", "Тихого", Action.OTHER),
])
def test_ru_taking_ground_near_a_place(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # an unsuccessful try headed for a place was held off there ...
    ("ВСУ безуспешно пытались атаковать в направлении Тихого.", "Тихого", Action.REPELLED),
    ("Противник предпринимает безуспешные попытки атаковать в сторону Тихого.", "Тихого", Action.REPELLED),
    # ... while the last items of a list of stopped attacks, after 'в направлении', are where they were headed
    ("Отражены атаки в районе Ямполя и в направлении Тихого.", "Тихого", Action.ATTACKED),
])
def test_ru_unsuccessful_tries_toward_a_place(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a hot situation recorded at a place, a place called the hardest section of the front: fighting there
    ("Мы фиксируем достаточно горячую обстановку в Тихом, сообщил Пушилин.", "Тихом", Action.FIGHTING),
    ("По словам эксперта, Тихое является одним из самых сложных участков фронта.", "Тихое", Action.FIGHTING),
    # hot spots a veteran served in, a difficult stretch of road: no fighting named
    ("Ветераны горячих точек собрались в Донецке.", "Донецке", Action.OTHER),
    ("На сложном участке трассы у Тихого ремонтируют мост.", "Тихого", Action.OTHER),
])
def test_ru_hot_and_hardest_places(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # the past of "to occupy" is an act (the participle, "оккупированное", is a status: its own row)
    ("По словам офицера, противник почти полностью оккупировал Тихое.", "Тихое", Action.CAPTURED),
    ("Российские войска оккупировали Ямполь в начале месяца.", "Ямполь", Action.CAPTURED),
    # a unit that moved out toward a place advanced on it; reserves reported hit on the move did not
    ("Штурмовые группы выдвинулись к северным окраинам Тихого.", "Тихого", Action.ADVANCING),
    ("Уничтожены резервы ВСУ, выдвигавшиеся к Тихому.", "Тихому", Action.STRUCK),
    # a dash toward or near a place (бросок, рывок) is an advance on it
    ("Севернее российские войска совершили бросок к Новоалександровке.", "Новоалександровке", Action.ADVANCING),
    ("После рывка в районе Загрызово бойцы закрепились на новых рубежах.", "Загрызово", Action.ADVANCING),
    # the regional administrations' colloquial strike verb with its weapon
    ("По Тихому ворог бив з артилерії, пошкоджено два будинки.", "Тихому", Action.STRUCK),
    ("Росіяни вдень били з мінометів по Юнаківці та Хотіні.", "Юнаківці", Action.STRUCK),
])
def test_ru_uk_occupied_moved_out_dash_and_colloquial_strikes(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action and c.role == "event", c.why


@pytest.mark.parametrize("sentence, name, action", [
    # the participle of "зупинили" (a stopped try) is a repelled attack, as the impersonal "зупинено"
    ("Спроба окупантів просунутися біля Стариці була зупинена захисниками.", "Стариці", Action.REPELLED),
    ("Наступ ворога на Тихе зупинений, повідомили в бригаді.", "Тихе", Action.REPELLED),
    # destruction in a place named by a strike list is a strike, as damage ("пошкоджено")
    ("У Білозерці зруйновано приватний будинок.", "Білозерці", Action.STRUCK),
    ("Ворог ударив КАБом по Тихому, зруйновані два будинки.", "Тихому", Action.STRUCK),
    # a participle before a settlement noun describes the place: no strike
    ("Волонтери повернулися у зруйноване місто Бахмут.", "Бахмут", Action.OTHER),
    # the verb of damage as well as its participle, and "mangled" (a strike list's wording)
    ("В Бериславі окупанти пошкодили газопровід.", "Бериславі", Action.STRUCK),
    ("Дрон пошкодив приватний будинок у Білозерці.", "Білозерці", Action.STRUCK),
    ("У Станіславі окупанти понівечили господарську споруду.", "Станіславі", Action.STRUCK),
    # fire laid on a place, opened on it (the Sumy administration's reports)
    ("Близько 22:00 росіяни вели мінометний вогонь по Сопичу.", "Сопичу", Action.STRUCK),
    ("По Бачівську окупанти відкрили вогонь з артилерії.", "Бачівську", Action.STRUCK),
])
def test_uk_stopped_and_destroyed(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


# a regional administration's morning list, written for this test in its form: a district's damage line names the
# objects damaged, each with its settlement in brackets after it, its type abbreviated ("с.", "сел.", "смт", "м."); a
# casualty line names the settlement, its hromada, then who was hurt or killed
_MORNING_LIST = (
    "Протягом минулої доби ворожих ударів зазнали 11 населених пунктів Харківської області.\n\n"
    "Внаслідок обстрілів:\n"
    "- у Куп'янському районі пошкоджено 4 приватні будинки, господарчу споруду, адмінбудівлю (сел. Шевченкове), "
    "2 приватні будинки (с. Кучерівка), автомобіль (с. Курилівка);\n"
    "- у Чугуївському районі пошкоджені приватний будинок (м. Чугуїв), склад (сел. Печеніги), "
    "3 господарчі споруди (с. Кочеток);\n"
    "- у Харківському районі зруйновано приватний будинок (смт. Слобожанське).\n\n"
    "У с. Глушківка Курилівської громади постраждав 50-річний чоловік; у сел. Великий Бурлук загинув 70-річний "
    "чоловік; у с. Нечволодівка Шевченківської громади загинула 60-річна жінка; у м. Балаклія поранено жінку; "
    "у с. Кругляківка травмовано 45-річного чоловіка."
)


@pytest.mark.parametrize("name", ["Шевченкове", "Кучерівка", "Курилівка", "Чугуїв", "Печеніги", "Кочеток",
                                  "Слобожанське", "Глушківка", "Великий Бурлук", "Нечволодівка", "Балаклія",
                                  "Кругляківка"])
def test_a_morning_lists_bracketed_and_casualty_places_are_struck_the_day_before(gaz, name: str) -> None:
    # the line's verb governs every bracketed settlement of its line ("сел." ends no sentence); a casualty line's
    # place is struck, the victim named after it ("постраждав", "загинув", "загинула", "поранено", "травмовано");
    # the list's period, named in its first paragraph, dates every place of the list
    from geo.extract import extract_text

    claims = [c for c in extract_text(_MORNING_LIST, gaz, date=dt.date(2025, 11, 17)) if c.place == name]
    assert claims and all(c.role == "event" and c.action is Action.STRUCK for c in claims), [c.why for c in claims]
    assert all(c.claim_date == dt.date(2025, 11, 16) for c in claims), [c.why for c in claims]
