"""geo.claims.action: an attempt whose passive outcome says it failed (the rows of ``outcome: attempt``), the present
of the stop verbs, and aviation as a strike. The sentences are written for these tests in the genres' form (General
Staff summaries in English, Ukrainian and Russian; real place names, invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at as _claim
from geo.claims import action as ca
from geo.model import Action


@pytest.mark.parametrize("sentence, names", [
    # English: the outcome after 'but' (a clause of its own) reaches back to the attempt's places
    ("Russian forces attempted an assault on positions near Tykhe and Zelene but were forced to retreat.",
     ("Tykhe", "Zelene")),
    ("The enemy launched seven assault actions and were pushed back near Tykhe and Zelene.", ("Tykhe", "Zelene")),
    ("Russian troops tried to enter the village of Tykhe several times but were repelled.", ("Tykhe",)),
    ("The occupiers attacked our positions in the area of Zelene, but were thrown back with losses.", ("Zelene",)),
    # Ukrainian and Russian
    ("Окупанти намагалися штурмувати позиції біля Тихого та Зеленого, проте були відкинуті.", ("Тихого", "Зеленого")),
    ("Ворог атакував поблизу Тихого, але був змушений відступити.", ("Тихого",)),
    ("Противник пытался атаковать у Тихого, но был вынужден отступить.", ("Тихого",)),
    # a try told with no action word of its own: the places after it take the outcome
    ("Вони спробували змінити обстановку в районах Тихого та Зеленого, але були змушені відступити після втрат.",
     ("Тихого", "Зеленого")),
    ("The enemy tried to improve its position near Tykhe but was forced to withdraw.", ("Tykhe",)),
    # a try that ends back where it started; an attack with air support that does is a failed attack, no strike
    ("Противник провел две контратаки в районе Тихого, успеха не имел, с потерями отошел на исходные позиции.",
     ("Тихого",)),
    ("With the support of aviation, the enemy tried to advance towards Tykhe, suffered losses and retreated to "
     "previously occupied positions.", ("Tykhe",)),
])
def test_an_attempt_closed_by_a_passive_outcome_is_repelled(sentence: str, names: tuple[str, ...]) -> None:
    for name in names:
        c = _claim(sentence, name)
        assert c.action is Action.REPELLED, (name, c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # no attempt before it: the phrase inside the outcome reads as on its own (the other side's advance)
    ("Ukrainian units were pushed back from Tykhe.", "Tykhe", Action.ADVANCING),
    ("Підрозділи відступили біля Тихого на кращі позиції.", "Тихого", Action.ADVANCING),
    # an outcome with a subject of its own closes no attempt of another subject
    ("Russian forces attacked near Tykhe, and Ukrainian units were pushed back from Zelene.", "Tykhe",
     Action.ATTACKED),
    ("Russian forces attacked near Tykhe, and Ukrainian units were pushed back from Zelene.", "Zelene",
     Action.ADVANCING),
    # the active 'pushed the enemy back' is the pushing side's advance, not an outcome
    ("Ukrainian forces pushed the enemy back from Tykhe.", "Tykhe", Action.ADVANCING),
    ("Сили оборони відкинули противника поблизу Тихого.", "Тихого", Action.ADVANCING),
    # words inside the outcome read as they would without it: "occupied" of "occupied positions" is no capture
    ("Ukrainian troops retreated to previously occupied positions near Tykhe.", "Tykhe", Action.OTHER),
    ("Противник отошел оттуда в Тихое.", "Тихое", Action.ADVANCING),
    # a strike before it is no attempt
    ("Russian drones struck Tykhe, and the enemy was pushed back near Zelene.", "Tykhe", Action.STRUCK),
])
def test_an_outcome_without_an_attempt_of_its_subject_changes_nothing(sentence: str, name: str,
                                                                      action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


def test_the_outcome_names_the_attempt_it_closes() -> None:
    s = "Russian troops tried to storm Zelene but were repulsed."
    (outcome,) = [c for c in ca._all_cues(s) if c.attempt >= 0]
    assert s[outcome.attempt:].startswith("storm") and outcome.action is Action.REPELLED
    # without the attempt the same words read as the stop verb alone, closing nothing
    alone = ca._all_cues("Near Zelene the enemy was repulsed.")
    assert [(c.action, c.attempt) for c in alone] == [(Action.REPELLED, -1)]


@pytest.mark.parametrize("sentence, name", [
    ("Наши подразделения отбивают контратаки под Тихим.", "Тихим"),
    ("Бойцы третий день отбивали атаки ВСУ у Зеленого.", "Зеленого"),
    ("Захисники відбивають атаки біля Тихого.", "Тихого"),
])
def test_the_present_of_a_stop_verb_is_repelled(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.REPELLED, c.why


def test_the_present_of_a_stop_verb_with_a_place_for_object_is_no_repelled() -> None:
    # "отбивать село" is to retake it: the present stop verb is one with an attack for its object
    c = _claim("Командование отправило взводы отбивать село Тихое.", "Тихое")
    assert c.action is not Action.REPELLED, c.why


@pytest.mark.parametrize("sentence, name", [
    ("Подразделения отбивают попытки противника прорваться у Тихого.", "Тихого"),
    ("Гарнизон третьи сутки отбивает штурмы у Зеленого.", "Зеленого"),
])
def test_the_present_stop_verb_takes_any_attack_noun(sentence: str, name: str) -> None:
    assert _claim(sentence, name).action is Action.REPELLED


@pytest.mark.parametrize("sentence, name", [
    ("The enemy, with the support of aviation, attacked near the village of Tykhe.", "Tykhe"),
    ("Zelene and Tykhe were also attacked by enemy aircraft.", "Zelene"),
    ("The occupiers used guided bombs on Tykhe.", "Tykhe"),
    ("The enemy dropped a guided aerial bomb on Zelene.", "Zelene"),
    ("In the area of Tykhe the enemy struck an aviation strike.", "Tykhe"),
    ("Ворог завдав авіаудару по Тихому.", "Тихому"),
    ("Противник наносил авиаудары по районам Тихого и Зеленого.", "Зеленого"),
])
def test_an_attack_by_aircraft_is_a_strike(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.STRUCK, c.why


def test_an_attack_without_aircraft_stays_an_attack() -> None:
    c = _claim("The enemy attacked near the village of Tykhe.", "Tykhe")
    assert c.action is Action.ATTACKED, c.why


@pytest.mark.parametrize("sentence, names", [
    # a total outcome of geo/rules/discourse.jsonl told in the clause after the attack, an actor after it or before
    ("The enemy attacked near Tykhe and Zelene, but all attacks were repelled by Ukrainian defenders.",
     ("Tykhe", "Zelene")),
    ("Russian troops tried to break through near Tykhe and Zelene, but all the assaults were repulsed.",
     ("Tykhe", "Zelene")),
    ("The occupiers stormed our positions near Tykhe; the attacks were repelled.", ("Tykhe",)),
    ("Russian forces attacked near Tykhe and Zelene, but the attacks were unsuccessful.", ("Tykhe", "Zelene")),
    ("The enemy attacked near Tykhe and Zelene, but our defenders repelled all of them.", ("Tykhe", "Zelene")),
    ("Противник атаковал у Тихого и Зеленого, но все атаки были отражены нашими бойцами.", ("Тихого", "Зеленого")),
    ("Ворог штурмував позиції біля Тихого, але зазнав невдачі.", ("Тихого",)),
])
def test_a_total_outcome_told_in_the_attacks_sentence_makes_them_repelled(sentence: str,
                                                                        names: tuple[str, ...]) -> None:
    for name in names:
        c = _claim(sentence, name)
        assert c.action is Action.REPELLED, (name, c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # a count of the attacks is a part of them: the places stay attacked
    ("The enemy attacked near Tykhe and Zelene, but two attacks were repelled.", "Tykhe", Action.ATTACKED),
    # an outcome whose clause names places of its own ends the attacks there, not the attempt before it
    ("Russian forces tried to advance near Tykhe while Ukrainian units repelled all attacks near Zelene.", "Tykhe",
     Action.ATTACKED),
    # no attempt before it: the stop verb as on its own
    ("Ukrainian forces repelled all attacks near Tykhe.", "Tykhe", Action.REPELLED),
    ("Russian forces captured Tykhe, but all the assaults were repulsed elsewhere.", "Tykhe", Action.CAPTURED),
])
def test_a_total_outcome_closes_only_an_attempt_and_only_without_places_of_its_own(sentence: str, name: str,
                                                                                  action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, names", [
    ("Ворог намагався прорватися біля Тихого та Зеленого, проте зазнав серйозних втрат.", ("Тихого", "Зеленого")),
    ("Окупанти атакували поблизу Тихого, однак зазнали значних втрат.", ("Тихого",)),
    ("Противник пытался прорваться у Тихого, но понес потери.", ("Тихого",)),
    ("The enemy tried to advance near Tykhe and Zelene but suffered heavy losses.", ("Tykhe", "Zelene")),
])
def test_a_try_that_ends_in_losses_is_repelled(sentence: str, names: tuple[str, ...]) -> None:
    for name in names:
        c = _claim(sentence, name)
        assert c.action is Action.REPELLED, (name, c.action, c.why)
        assert "suffered losses" in c.action_detail


@pytest.mark.parametrize("sentence, name, action", [
    # an advance or a capture that cost losses still happened (outcome 'attack' closes an attack or a try only)
    ("The enemy advanced near Tykhe but suffered heavy losses.", "Tykhe", Action.ADVANCING),
    ("Росіяни просунулися біля Тихого, проте зазнали значних втрат.", "Тихого", Action.ADVANCING),
    ("Russian forces captured Tykhe, but suffered heavy losses.", "Tykhe", Action.CAPTURED),
    # the present is the attacks going on, no outcome
    ("Ворог атакує біля Тихого і зазнає втрат.", "Тихого", Action.ATTACKED),
    # losses of another subject close nothing
    ("Ukrainian forces attacked near Tykhe, and Russian troops suffered losses.", "Tykhe", Action.ATTACKED),
])
def test_losses_close_no_advance_no_capture_and_no_other_sides_attack(sentence: str, name: str,
                                                                     action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, names", [
    ("The Defense Forces continue to deter the enemy in the areas of Tykhe, Zelene and Lyman.",
     ("Tykhe", "Zelene", "Lyman")),
    ("Ukrainian troops continue to hold back the advance of the occupiers near Tykhe and Zelene.", ("Tykhe", "Zelene")),
    ("Our defenders continue to restrain the enemy offensive in the areas of Tykhe and Zelene.", ("Tykhe", "Zelene")),
])
def test_the_general_staffs_deter_hold_back_restrain_in_english_is_repelled(sentence: str,
                                                                           names: tuple[str, ...]) -> None:
    for name in names:
        c = _claim(sentence, name)
        assert c.action is Action.REPELLED, (name, c.action, c.why)
    # 'deteriorate' is no form of 'deter'
    assert _claim("The situation continues to deteriorate near Tykhe.", "Tykhe").action is not Action.REPELLED


@pytest.mark.parametrize("sentence, name, action", [
    # "не лише X, а й Y" (not only X but also Y): Y stays in X's clause and takes its verb
    ("На Харківщині активність ворога зосереджена не лише на Вовчанському напрямку, а й поблизу Дворічної.",
     "Дворічної", Action.ATTACKED),
    ("Окупанти ведуть бої не лише біля Тихого, а ще й поблизу Зеленого.", "Зеленого", Action.FIGHTING),
])
def test_not_only_but_also_keeps_its_verb(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, (c.action, c.why)


def test_a_contrast_after_a_comma_still_opens_its_clause() -> None:
    # ", а" alone opens a clause of its own: the place after it takes none of the verb before
    c = _claim("Ворог атакував біля Тихого, а в Зеленому тиша.", "Зеленому")
    assert c.action is not Action.ATTACKED, (c.action, c.why)


@pytest.mark.parametrize("sentence, name", [
    # the enemy standing N km from a town is closing on it, as the Russian "стоят в N км от"
    ("Російські війська стоять за два-три км від Купʼянська.", "Купʼянська"),
    ("Окупанти стоять лише за десять кілометрів від Тихого.", "Тихого"),
])
def test_standing_kilometres_from_a_town_is_advancing(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.ADVANCING, (c.action, c.why)


def test_a_village_lying_kilometres_from_a_town_is_no_advance() -> None:
    c = _claim("Село Тихе розташоване за 10 км від Покровська.", "Покровська")
    assert c.action is not Action.ADVANCING, (c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # wedging into the defence near a place is an advance there; wedging into the place itself an entry
    ("Штурмовики вклинились в оборону ВСУ у Тихого на 400 метров.", "Тихого", Action.ADVANCING),
    ("Подразделения вклинились в глубину обороны противника северо-западнее населенного пункта Тихое.", "Тихое",
     Action.ADVANCING),
    ("Ворог вклинився в оборону Сил оборони біля Тихого.", "Тихого", Action.ADVANCING),
    ("Противник вклинился в Тихое с юга.", "Тихое", Action.ENTERED),
    # the MoD formula: losses inflicted on personnel, formations destroyed in the areas of villages are fighting there
    ("Подразделения нанесли поражение личному составу и технике пяти бригад ВСУ в районах Тихого и Зеленого.",
     "Зеленого", Action.FIGHTING),
    ("Ведутся бои по уничтожению украинских формирований в Тихом.", "Тихом", Action.FIGHTING),
    ("Подразделения продолжили уничтожение группировки ВСУ, окруженной в Тихом.", "Тихом", Action.FIGHTING),
    # the other side's troops still in a town, or a town blocked: the fight for it
    ("В блокированном Тихом остаются до 300 украинских военнослужащих.", "Тихом", Action.FIGHTING),
    ("У Тихому залишаються близько 20 окупантів.", "Тихому", Action.FIGHTING),
    ("Российские войска продолжают блокировать ВСУ в Тихом.", "Тихом", Action.FIGHTING),
    # a blocked movement is interdiction from afar: the strike after it stays
    ("Российские дроны заблокировали передвижение ВСУ в Тихом и начали наносить удары.", "Тихом", Action.STRUCK),
    # trying to drive the other side out of a place is an attack there
    ("Окупанти намагаються вибити українські сили з південних районів Тихого.", "Тихого", Action.ATTACKED),
])
def test_the_longer_formula_decides_the_action(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, (c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # "fell under fire" is "came under fire" ("потрапили під обстріл" rendered in English): the place was fired at
    ("Residential areas of Tykhe fell under fire from Russian artillery overnight.", "Tykhe", Action.STRUCK),
    ("The village of Zelene fell under Russian shelling, the regional head said.", "Zelene", Action.STRUCK),
    ("Ukrainian positions near Lyman fell under heavy mortar fire.", "Lyman", Action.STRUCK),
    ("Ukrainian positions near Lyman came under heavy mortar fire.", "Lyman", Action.STRUCK),
    # a place that fell, or fell under a side's control, is still taken
    ("Tykhe fell after weeks of fighting, the milblogger wrote.", "Tykhe", Action.CAPTURED),
    ("Tykhe has fallen under Russian control, DeepState said.", "Tykhe", Action.CAPTURED),
    ("Zelene fell under the control of Russian forces.", "Zelene", Action.CAPTURED),
    # a flag raised over a place in English, as the Russian and Ukrainian formulas
    ("Ukrainian soldiers raise a blue-yellow flag over Tykhe in a new video.", "Tykhe", Action.CAPTURED),
    ("Russian troops hoisted the flag in Zelene.", "Zelene", Action.CAPTURED),
])
def test_falling_under_fire_is_a_strike_and_falling_under_control_a_capture(sentence: str, name: str,
                                                                             action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, (c.action, c.why)


@pytest.mark.parametrize("sentence, name", [
    # the approach told after the place it approaches ("до X … намагалась підійти"): a try, so an attack on X
    ("Ворожа група намагалась до Тихого підійти, але була помічена дронами.", "Тихого"),
    ("До Зеленого ворог намагається підійти малими групами.", "Зеленого"),
    ("Не лише до Тихого ворог намагається підступити, а й перерізати дорогу на Зелене.", "Тихого"),
    ("Ворог намагається підступити до Лиману з півночі.", "Лиману"),
    # the forms that had their rows already
    ("Окупанти здійснили спробу просунутися у напрямку населеного пункту Тихе.", "Тихе"),
    ("Росіяни намагалися прорватися до Зеленого.", "Зеленого"),
])
def test_a_tried_approach_in_ukrainian_is_an_attack(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.ATTACKED, (c.action, c.why)


def test_an_approach_told_as_done_stays_an_advance() -> None:
    c = _claim("До Тихого ворог зміг підійти лише на два кілометри.", "Тихого")
    assert c.action is Action.ADVANCING, (c.action, c.why)


@pytest.mark.parametrize("sentence, name, action", [
    # Russian officials and milbloggers: a capture foretold in the future tense is still fought for
    ("Тихое будет освобождено через неделю, считает военкор.", "Тихое", Action.FIGHTING),
    ("Военкор считает, что Тихое будет полностью освобождено до конца осени.", "Тихое", Action.FIGHTING),
    ("По мнению блогера, Зеленое будет взято к весне.", "Зеленое", Action.FIGHTING),
    # the same capture done stays a capture; a future that is not the capture's changes nothing
    ("Российские войска освободили Тихое, сообщили в Минобороны.", "Тихое", Action.CAPTURED),
    ("Минобороны сообщило об освобождении Тихого, зачистка будет продолжена.", "Тихого", Action.CAPTURED),
])
def test_a_russian_forecast_of_a_capture_is_fighting(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a capture of the outskirts enters the place, as "seized the outskirts of X"
    ("Штурмовики выбили противника с северной окраины Тихого, сообщил Марочко.", "Тихого", Action.ENTERED),
    ("Наши бойцы заняли восточную окраину Зеленого.", "Зеленого", Action.ENTERED),
    ("Наши бойцы заняли Зеленое.", "Зеленое", Action.CAPTURED),
    # an official's "controls the situation" at a place names a place still fought over
    ("Наши подразделения контролируют ситуацию в районе Тихого, заявил глава региона.", "Тихого", Action.FIGHTING),
    # a headline's short form of "reported establishing control over X" is the capture; a loss of control is not
    ("Минобороны сообщило о контроле над Зеленым в Запорожской области.", "Зеленым", Action.CAPTURED),
    ("ВСУ признали утрату контроля над Зеленым.", "Зеленым", Action.OTHER),
])
def test_russian_officials_wording_of_partial_control(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why
