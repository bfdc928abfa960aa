"""geo.claims: wording that says a place changed hands, or that only part of it did, or only ground near it. The
sentences are written for these tests in the genres' form (MoD bulletins, war correspondents, DeepState and Ukrainian
news, English wire copy; real place names, invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at
from geo.model import Action


@pytest.mark.parametrize("sentence, name", [
    # the short passive participle that opens an MoD-style line
    ("Взят населенный пункт Тихое.", "Тихое"),
    ("Взяты населенные пункты Тихое и Зеленое.", "Зеленое"),
    # knocked out of the village: the village taken (the infinitive with a word before "ВСУ")
    ("Штурмовикам удалось выбить подразделения ВСУ из села Тихое.", "Тихое"),
    # the side that speaks took it back
    ("Українські військові повернули контроль над селом Тихе.", "Тихе"),
    # the loss of a place is its capture by the other side
    ("Все почалося із втрати сіл Тихе та Зелене.", "Тихе"),
    ("Все почалося із втрати сіл Тихе та Зелене.", "Зелене"),
    ("За тиждень втрачено кілька населених пунктів, зокрема села Тихе, Зелене і Петрівка.", "Петрівка"),
    ("After the loss of Tykhe and Zelene, the brigade fell back to new lines.", "Tykhe"),
    ("After the loss of Tykhe and Zelene, the brigade fell back to new lines.", "Zelene"),
    # the noun of "занять"
    ("Минобороны сообщило о занятии села Тихое силами группировки «Центр».", "Тихое"),
])
def test_a_place_that_changed_hands_is_captured(sentence: str, name: str) -> None:
    c = claim_at(sentence, name)
    assert c.action is Action.CAPTURED, (c.action, c.why)


@pytest.mark.parametrize("sentence, name", [
    # the losses in men and arms near a place are no loss of the place
    ("Ворог зазнав значних втрат біля Тихого.", "Тихого"),
    ("Втрати ворога у районі Тихого склали 40 осіб.", "Тихого"),
    ("The loss of life in Tykhe was heavy, the governor said.", "Tykhe"),
    # the noun with no word after it: the enemy's losses ("there", back at the place), not the place's loss
    ("Ворог атакував біля Тихого. Там ворог поніс значні втрати, але продовжує штурми.", "Тихого"),
    ("Противник атаковал у Тихого. Там противник понес большие потери.", "Тихого"),
    # prisoners taken near a place: no capture of it
    ("Взят в плен военнослужащий ВСУ у Тихого.", "Тихого"),
])
def test_losses_and_prisoners_are_no_capture(sentence: str, name: str) -> None:
    assert claim_at(sentence, name).action is not Action.CAPTURED


@pytest.mark.parametrize("sentence, name", [
    # positions near a place are not the place
    ("Бригада заняла новые позиции у Тихого.", "Тихого"),
    ("Russian troops took up new positions near Tykhe.", "Tykhe"),
    ("Военные сообщили о занятии новых позиций у Тихого.", "Тихого"),
    # strongholds taken inside a place are ground gained there
    ("Штурмовики выбили ВСУ из трёх опорных пунктов в поселке Тихое.", "Тихое"),
    ("Десантники вибили ворога з двох опорних пунктів у селі Тихе.", "Тихе"),
    # a place only partly taken
    ("Російські війська частково звільнили Тихе.", "Тихе"),
    ("Сили оборони звільнили Тихе та частково Зелене.", "Зелене"),
    # how far a capture reached: the place after "до" is not itself taken
    ("Сили оборони просунулися, звільнивши Тихе до Зеленого.", "Зеленого"),
])
def test_ground_near_or_in_part_of_a_place_is_an_advance(sentence: str, name: str) -> None:
    c = claim_at(sentence, name)
    assert c.action is Action.ADVANCING, (c.action, c.why)


def test_the_place_before_up_to_is_taken_and_entering_stays_entering() -> None:
    assert claim_at("Сили оборони просунулися, звільнивши Тихе до Зеленого.", "Тихе").action is Action.CAPTURED
    # "до" right after the verb is what was entered: no name before it, no reach
    assert claim_at("Штурмовики зайшли до Тихого.", "Тихого").action is Action.ENTERED


@pytest.mark.parametrize("sentence, name, action", [
    # battles for a place's liberation are battles for it, and so is a task of liberating it
    ("Наши подразделения ведут бои за освобождение Тихого.", "Тихого", Action.FIGHTING),
    ("Тривають бої за звільнення Тихого.", "Тихого", Action.FIGHTING),
    ("Подразделения решают задачи по освобождению Тихого.", "Тихого", Action.FIGHTING),
    # a share of a place held is contested; a capture of most of it enters it
    ("Russian forces now control most of Tykhe, the governor said.", "Tykhe", Action.FIGHTING),
    ("Russian forces captured most of Tykhe.", "Tykhe", Action.ENTERED),
    # a foothold in a place's buildings is in it
    ("Штурмовикам удалось зацепиться за застройку на окраине Тихого.", "Тихого", Action.ENTERED),
])
def test_battles_shares_and_footholds(sentence: str, name: str, action: Action) -> None:
    c = claim_at(sentence, name)
    assert c.action is action, (c.action, c.why)


@pytest.mark.parametrize("sentence, name", [
    # "the village of" right after an appositive comma is the name's own kind, no reference point
    ("In Donetsk region, Russian forces took Tykhe, and in Dnipropetrovsk, the village of Zelene came under Russian "
     "control.", "Zelene"),
    ("According to DeepState, the village of Tykhe has fallen under Russian control.", "Tykhe"),
])
def test_the_village_of_after_a_comma_is_the_event(sentence: str, name: str) -> None:
    c = claim_at(sentence, name)
    assert c.role == "event" and c.action is Action.CAPTURED, (c.role, c.action, c.why)


def test_a_described_village_still_locates_by_the_place_it_names() -> None:
    # the description's own place stays a reference point ("a village at the gates of the town of Y")
    c = claim_at("Russian forces took Tykhe, a village at the gates of the town of Selydove.", "Selydove")
    assert c.role == "background", (c.role, c.why)


def test_a_graze_is_no_foothold() -> None:
    # "зацепило" of a strike's debris grazing a house has no "за": no foothold in the place
    c = claim_at("Обломками беспилотника зацепило жилой дом в Тихом.", "Тихом")
    assert c.action is not Action.ENTERED, (c.action, c.why)


@pytest.mark.parametrize("sentence, name", [
    # a place cleared of the enemy, or de-occupied, is taken
    ("The assault units completely cleared the area of Tykhe of Ukrainian troops.", "Tykhe"),
    ("The brigade cleared the village of Zelene of Russian saboteurs, the regiment said.", "Zelene"),
    ("Ukrainian forces were able to deoccupy Tykhe, Zelene and Orlivka.", "Orlivka"),
    ("The village of Tykhe was de-occupied this morning, the district head said.", "Tykhe"),
    # a withdrawal from a place named right after the verb gives it up
    ("The Armed Forces of Ukraine have withdrawn from Tykhe, the commander said.", "Tykhe"),
    ("Ukrainian troops withdrew from Tykhe after months of fighting.", "Tykhe"),
    ("The brigade lost dozens of soldiers during the withdrawal from Tykhe.", "Tykhe"),
    # held by the Russian side, told in the passive: a status where no event is told
    ("Населенный пункт Тихое, который полностью контролируется российскими военными, лежит у трассы.", "Тихое"),
    ("Село Тихе повністю контролюється російськими військами.", "Тихе"),
])
def test_clearing_deoccupation_and_withdrawal_are_captures(sentence: str, name: str) -> None:
    c = claim_at(sentence, name)
    assert c.action is Action.CAPTURED, (c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # positions left near a place, or troops withdrawn from it, are an advance there; a part of it left, an entry
    ("Ukrainian units withdrew from positions near Tykhe.", "Tykhe", Action.ADVANCING),
    ("Ukrainian units withdrew their troops from Tykhe.", "Tykhe", Action.ADVANCING),
    ("Ukrainian forces had withdrawn from parts of Tykhe.", "Tykhe", Action.ENTERED),
    # an ability weighed stays a hypothesis
    ("Russian forces would be able to capture Tykhe within weeks.", "Tykhe", Action.OTHER),
])
def test_what_a_withdrawal_or_an_ability_does_not_take(sentence: str, name: str, action: Action) -> None:
    c = claim_at(sentence, name)
    assert c.action is action, (c.action, c.why)


@pytest.mark.parametrize("sentence, name", [
    # a part of the place held, named before it, whatever the capture wording and wherever the verb stands: an advance
    ("The eastern part of Tykhe has come under Russian control.", "Tykhe"),
    ("Восточная часть Тихого перешла под контроль ВС РФ.", "Тихого"),
    ("Российские войска установили контроль в северной части Тихого.", "Тихого"),
    # sections of places held, no share given
    ("Russian forces controlled large sections of the towns of Tykhe and Zelene.", "Zelene"),
])
def test_a_part_held_is_an_advance(sentence: str, name: str) -> None:
    c = claim_at(sentence, name)
    assert c.action is Action.ADVANCING, (c.action, c.why)


def test_each_conjunct_keeps_its_verb_seized_and_partly_held() -> None:
    sentence = "Russian forces had seized Tykhe and controlled large sections of Zelene and Orlivka."
    assert [claim_at(sentence, n).action for n in ("Tykhe", "Zelene", "Orlivka")] == [
        Action.CAPTURED, Action.ADVANCING, Action.ADVANCING]


@pytest.mark.parametrize("sentence, name", [
    # digging in inside a place, or in a part of it, is an entry
    ("Russian infantry entrenched in Tykhe, the spokesman said.", "Tykhe"),
    ("Russian forces entrenched themselves in the eastern part of Tykhe.", "Tykhe"),
    ("Штурмовики закрепились в восточной части Тихого.", "Тихого"),
])
def test_a_foothold_in_a_place_or_its_part_is_entered(sentence: str, name: str) -> None:
    c = claim_at(sentence, name)
    assert c.action is Action.ENTERED, (c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # auto-written English sites retelling an MoD claim: the side's control named with a word between, or called
    # jurisdiction; a status of the places it names
    ("The villages of Tykhe, Zelene and Petrivka are now under Russian military jurisdiction, the ministry said.",
     "Zelene", Action.CAPTURED),
    ("The villages of Tykhe and Zelene are now under Russian military control, the ministry said.", "Tykhe",
     Action.CAPTURED),
    ("DeepState said Tykhe was under Russian control.", "Tykhe", Action.CAPTURED),
    # the other side's control is no claim of a capture
    ("Ukrainian officials said Tykhe was still under Ukrainian military control.", "Tykhe", Action.OTHER),
])
def test_a_place_under_the_russian_sides_control_or_jurisdiction_is_captured(sentence: str, name: str,
                                                                             action: Action) -> None:
    c = claim_at(sentence, name)
    assert c.action is action, (c.action, c.why)
