"""DeepState and the news that retells it (issue 13): the grey zone growing, the enemy recorded or destroyed in a
place, a foothold along a section named by its villages. The sentences are written for these tests in the genre's
form (real place names, invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at as _claim
from geo.model import Action


@pytest.mark.parametrize("sentence, name, action", [
    # the grey zone growing at a place is an advance there, in Ukrainian, Russian and English, the zone quoted or not
    ("За даними аналітиків, біля Серебрянки збільшилася «сіра зона».", "Серебрянки", Action.ADVANCING),
    ("Біля Дронівки сіра зона за тиждень збільшилася вдвічі.", "Дронівки", Action.ADVANCING),
    ("Поблизу Шахового розширилася сіра зона.", "Шахового", Action.ADVANCING),
    ("У районі Котлиного зростає «сіра зона».", "Котлиного", Action.ADVANCING),
    ("Под Северском за неделю увеличилась так называемая «серая зона».", "Северском", Action.ADVANCING),
    ("Вокруг Мирнограда расширилась серая зона.", "Мирнограда", Action.ADVANCING),
    ("Возле Звановки серая зона расширилась до двух километров.", "Звановки", Action.ADVANCING),
    ("Russian infiltration has expanded the gray zone around Kostiantynivka.", "Kostiantynivka", Action.ADVANCING),
    # ... while a grey zone that only is there stays contested ground, in Russian as in Ukrainian
    ("Большая часть Дачного остается в серой зоне.", "Дачного", Action.FIGHTING),
    ("Часть Серебрянки на карте теперь серая зона.", "Серебрянки", Action.FIGHTING),
    ("Більша частина Дачного залишається у сірій зоні.", "Дачного", Action.FIGHTING),
    # the enemy recorded or destroyed in a place is in it: an entry, not a strike of ours
    ("Ворожі штурмовики фіксуються або знищуються в різних районах Мирнограда.", "Мирнограда", Action.ENTERED),
    ("Противник фіксується та знищується в північній частині Родинського.", "Родинського", Action.ENTERED),
    ("Пехота противника фиксируется и уничтожается в разных районах Северска.", "Северска", Action.ENTERED),
    # ... a strike alone stays a strike
    ("Дронщики знищують ворожу техніку поблизу Мирнограда.", "Мирнограда", Action.STRUCK),
    # a foothold along a section named by its villages holds them
    ("Окупантам вдалося закріпитися по відтинку Грабовське – Попівка – Високе.", "Попівка", Action.CAPTURED),
    ("Ворог закріпився на відтинку Журавка – Новеньке.", "Журавка", Action.CAPTURED),
    ("Росіяни закріпилися на відрізку Мирне – Січневе, повідомили аналітики.", "Січневе", Action.CAPTURED),
    ("According to DeepState, Russian troops gained a foothold along the Zhuravka–Novenke–Basivka section.",
     "Basivka", Action.CAPTURED),
    # ... a try at it is an attack; a foothold on a line that names no village stays an advance near a place
    ("Ворог намагається закріпитися на відтинку Мирне – Січневе.", "Мирне", Action.ATTACKED),
    ("Біля Ямполя ворог закріпився на нових рубежах.", "Ямполя", Action.ADVANCING),
])
def test_deepstate_genre(sentence, name, action):
    assert _claim(sentence, name).action is action


@pytest.mark.parametrize("sentence, name, action", [
    # the enemy recorded and hit all over a place, told with the nouns: it is in the place
    ("Аналітики пишуть про постійну фіксацію та ураження окупантів по всьому Костянтинівці.", "Костянтинівці",
     Action.ENTERED),
    ("Ворожу піхоту фіксують та уражають у південних кварталах Костянтинівки.", "Костянтинівки", Action.ENTERED),
    # the enemy massed on a place's outskirts, and in the villages listed after them: fighting there
    ("Окупанти зосередилися на південно-східних околицях Костянтинівки та селах Іллінівка і Щербинівка.",
     "Щербинівка", Action.FIGHTING),
    ("Окупанти зосередилися на південно-східних околицях Костянтинівки.", "Костянтинівки", Action.FIGHTING),
    ("Останнім часом зосередженість ворога зростає на західних околицях Костянтинівки.", "Костянтинівки",
     Action.FIGHTING),
    # ... efforts concentrated on a place stay an attack
    ("Окупанти зосередили зусилля на околицях Костянтинівки.", "Костянтинівки", Action.ATTACKED),
])
def test_deepstate_presence(sentence, name, action):
    assert _claim(sentence, name).action is action
