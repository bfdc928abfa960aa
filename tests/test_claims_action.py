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
