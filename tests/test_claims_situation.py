"""Issue 15, the action field: sentences that tell pressure, activity, tries and intentions rather than a result, in
Ukrainian officials' and General Staff talk, DeepState retold and English copy of both: a situation statement over a
list or a chain, the enemy's activity, massing and approach tries, a planned manoeuvre, and a line or stretch written
as a dash chain. The sentences are written for these tests in each genre's form (real place names, invented events).
"""

from __future__ import annotations

import pytest

from _claims_factory import claim_at as _claim
from geo.model import Action

_CHAIN_EN = "DeepState notes that the situation has sharply deteriorated along the Kurakhove–Dachne–Andriivka axis."
_LIST_UK = "Ситуація найскладніша в районах Покровська, Мирнограда та Родинського."
_LIST_EN = "The highest activity of Russian forces remains concentrated near the settlements of Lyman, Torske and Zarichne."


@pytest.mark.parametrize("sentence, name", [
    # a situation worse, hardest, tense or difficult at places is fighting there, for every member of a list or chain
    (_LIST_UK, "Покровська"),
    (_LIST_UK, "Родинського"),
    ("Ситуація загострилася на ділянці між Торецьком і Щербинівкою.", "Щербинівкою"),
    ("Найважча ситуація біля Сіверська та Білогорівки, повідомив речник.", "Білогорівки"),
    ("The situation around Toretsk continues to escalate, the analysts said.", "Toretsk"),
    ("The situation near Vovchansk continues to deteriorate.", "Vovchansk"),
    (_CHAIN_EN, "Kurakhove"),
    (_CHAIN_EN, "Dachne"),
    (_CHAIN_EN, "Andriivka"),
    ("The situation remains tense near Siversk, Bilohorivka and Verkhnokamianske.", "Verkhnokamianske"),
])
def test_a_situation_statement_is_fighting_at_every_place_it_names(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (Action.FIGHTING, "event"), c.why


@pytest.mark.parametrize("sentence, name", [
    # where the enemy is most active it attacks: the General Staff formula, in Ukrainian and retold in English
    (_LIST_EN, "Lyman"),
    (_LIST_EN, "Zarichne"),
    ("Найбільша активність ворога зберігається в районах Торського, Зарічного та Ямполя.", "Ямполя"),
    ("The greatest activity of the enemy was recorded near Kupiansk and Petropavlivka.", "Petropavlivka"),
    # the enemy gathering itself in a front-line village and trying to approach the next: attacks at both
    ("The enemy accumulates in the village of Rodynske and tries to approach the village of Bilytske.", "Rodynske"),
    ("The enemy accumulates in the village of Rodynske and tries to approach the village of Bilytske.", "Bilytske"),
    ("The enemy consolidates and accumulates in Rodynske, trying to move towards Bilytske.", "Rodynske"),
    ("Attempts were also observed in the direction of Bilytske.", "Bilytske"),
    ("The village of Khotin is believed to be the next objective, with attempts also observed in the direction of "
     "Yunakivka.", "Yunakivka"),
    ("Ворог накопичується в Родинському і намагається підійти до Білицького.", "Родинському"),
    ("Ворог накопичується в Родинському і намагається підійти до Білицького.", "Білицького"),
    ("Окупанти накопичуються на околицях Гришиного, заявив речник.", "Гришиного"),
])
def test_activity_massing_and_approach_tries_are_attacks(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (Action.ATTACKED, "event"), c.why


@pytest.mark.parametrize("sentence, name", [
    # a build-up behind the line (the transitive "накопичує сили"), with an offensive only intended: no event there
    ("Ворог накопичує сили біля Жереб'янок для подальшого наступу на Оріхів.", "Оріхів"),
    # a capture intended is a hypothesis, never an advance nor a capture
    ("Окупанти планують захопити Куп'янськ.", "Куп'янськ"),
    ("Russian forces aim to occupy Kostiantynivka.", "Kostiantynivka"),
    # a further advance weighed by a modal stays a hypothesis
    ("The taking of Kleban-Byk would mark a further advance towards Kostiantynivka.", "Kostiantynivka"),
    # a place named in a purpose clause after a bypass ("to reach the roads that join it to Y") is no event
    ("Ворог намагається обійти Гуляйполе зі сходу, щоб вийти до шляхів, які з'єднують місто та селище Покровське.",
     "Покровське"),
])
def test_what_is_no_event(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.role != "event", c.why


@pytest.mark.parametrize("sentence, name", [
    # a manoeuvre planned or set as the enemy's task: an advance with the modality expected, never a capture
    ("Російські війська планують просунутися до Костянтинівки.", "Костянтинівки"),
    ("Завдання — обійти та охопити Костянтинівку.", "Костянтинівку"),
    ("Russian forces plan to advance towards Kostiantynivka, the spokesman said.", "Kostiantynivka"),
    ("Russian forces aim to encircle Kostiantynivka.", "Kostiantynivka"),
    ("The enemy intends to envelop Siversk from the south.", "Siversk"),
])
def test_a_planned_manoeuvre_is_an_expected_advance(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.role, c.action, c.modality) == ("event", Action.ADVANCING, "expected"), c.why


@pytest.mark.parametrize("sentence, name, action, modality", [
    # the same verbs told as done or tried keep their own reading
    ("Ворог просунувся біля Новопавлівки.", "Новопавлівки", Action.ADVANCING, "done"),
    ("Противник намагається обійти Гуляйполе зі сходу.", "Гуляйполе", Action.ATTACKED, "attempted"),
    ("Russian forces encircled Pokrovsk.", "Pokrovsk", Action.FIGHTING, "done"),
])
def test_a_manoeuvre_done_or_tried(sentence: str, name: str, action: Action, modality: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.modality) == (action, modality), c.why


_LINE_RU = "Российские войска ведут бои за линию Ямполь — Северск — Звановка — Выемка."
_STRETCH_UK = "Ворог атакує на відтинку Рай-Олександрівка – Ямпіль – Торське."


@pytest.mark.parametrize("sentence, name, action", [
    # a line or a stretch written as a dash chain: every link takes the sentence's verb
    (_LINE_RU, "Ямполь", Action.FIGHTING),
    (_LINE_RU, "Северск", Action.FIGHTING),
    (_LINE_RU, "Выемка", Action.FIGHTING),
    ("Росіяни ведуть бої за лінію Ямпіль – Сіверськ – Званівка.", "Званівка", Action.FIGHTING),
    # a name with a hyphen of its own is one link, not two
    (_STRETCH_UK, "Рай-Олександрівка", Action.ATTACKED),
    (_STRETCH_UK, "Торське", Action.ATTACKED),
    ("Ворог атакує на відтинку Ямпіль-Торське-Зарічне.", "Торське", Action.ATTACKED),
])
def test_every_link_of_a_dash_chain_takes_the_verb(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, "event"), c.why
