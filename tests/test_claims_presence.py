"""Issue 13, the action field: presence and pressure wording, goals, forecasts and approach, and a parenthesis with a
verb and places of its own, in English news retelling DeepState and ISW, and in Russian and Ukrainian news and
milbloggers. The sentences are written for these tests in each genre's form (real place names, invented events)."""

from __future__ import annotations

import pytest

from _claims_factory import claim_at as _claim
from geo.claims.clauses import parentheses
from geo.model import Action


@pytest.mark.parametrize("sentence, name, action", [
    # pressure on a place or a stretch, and a side's main efforts focused on it: attacks there
    ("The Kurakhove–Dachne section is under enemy pressure.", "Dachne", Action.ATTACKED),
    ("Toretsk has been under Russian pressure for weeks, the spokesman said.", "Toretsk", Action.ATTACKED),
    ("The area around Siversk remains under pressure.", "Siversk", Action.ATTACKED),
    ("According to the brigade, the occupiers keep up pressure on Nadiia.", "Nadiia", Action.ATTACKED),
    ("The enemy's main efforts are focused on the area around Toretsk and Shcherbynivka.", "Shcherbynivka",
     Action.ATTACKED),
    ("The main efforts of the enemy were concentrated in the direction of Lyptsi.", "Lyptsi", Action.ATTACKED),
    # enemy troops seen in a place, no gain claimed: fighting there
    ("The situation in Rodynske, where Russian infantry has been spotted, is being assessed.", "Rodynske",
     Action.FIGHTING),
    ("Russian assault groups were spotted near Bilytske, DeepState said.", "Bilytske", Action.FIGHTING),
    ("Kyiv acknowledged a Russian presence in Pokrovsk.", "Pokrovsk", Action.FIGHTING),
    ("Генштаб признал российское присутствие в Покровске.", "Покровске", Action.FIGHTING),
    ("Российские подразделения периодически появляются в районе Родинского.", "Родинского", Action.FIGHTING),
    ("Військові зафіксували появу окупантів на схід від Родинського.", "Родинського", Action.FIGHTING),
    ("Речник визнав присутність росіян у Покровську.", "Покровську", Action.FIGHTING),
    # moving troops at a place is presence there, and a try at it the same (not an attack)
    ("Противник здійснив спробу переміщення особового складу в районі Родинського.", "Родинського",
     Action.FIGHTING),
    ("У районі Стариці ворог переміщує особовий склад.", "Стариці", Action.FIGHTING),
    ("В Покровске фиксируются перемещения вражеских штурмовых групп.", "Покровске", Action.FIGHTING),
    # gaining a foothold, the imperfective too: between two places or near one an advance, in a part of it an entry
    ("Российские штурмовики закрепляются между Родинским и Белицким.", "Белицким", Action.ADVANCING),
    ("Российские штурмовики закрепляются между Родинским и Белицким.", "Родинским", Action.ADVANCING),
    ("Штурмовики, пытаясь вытеснить противника, закрепляются между Родинским и Белицким.", "Белицким",
     Action.ADVANCING),
    ("Окупанти закріпилися між Родинським і Білицьким.", "Білицьким", Action.ADVANCING),
    ("Окупанти закріплюються біля Родинського.", "Родинського", Action.ADVANCING),
    ("Окупанти закріплюються у південній частині Грабовського.", "Грабовського", Action.ENTERED),
])
def test_presence_and_pressure_wording_is_an_event(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, "event"), c.why


@pytest.mark.parametrize("sentence, name", [
    # a seizure still to be completed is a fight going on
    ("Russian forces have been prioritizing completing the seizure of Pokrovsk and Myrnohrad.", "Myrnohrad"),
    ("Russian forces are attempting to complete the seizure of Pokrovsk.", "Pokrovsk"),
    # a capture foretold for soon: the place is still being fought for
    ("Pokrovsk and Myrnohrad may be liberated very soon.", "Myrnohrad"),
    ("Russia will soon capture Rodynske, the blogger said.", "Rodynske"),
    ("Военкор уверен, что Родинское и Белицкое будут освобождены в ближайшее время.", "Белицкое"),
    ("Росіяни хочуть захопити Родинське найближчими днями.", "Родинське"),
])
def test_a_goal_or_a_forecast_of_a_capture_is_fighting(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (Action.FIGHTING, "event"), c.why


def test_a_forecast_is_its_own_modality() -> None:
    c = _claim("Pokrovsk and Myrnohrad may be liberated very soon.", "Pokrovsk")
    assert (c.action, c.modality) == (Action.FIGHTING, "expected"), c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a seizure completed is done
    ("Russian forces completed the seizure of Rodynske.", "Rodynske", Action.CAPTURED),
    # a forecast's mark in another clause leaves a capture done
    ("Russian forces captured Rodynske; Bilytske may follow soon, the blogger said.", "Rodynske", Action.CAPTURED),
    # "soon" makes only a capture undone: an attack told with it stays an attack
    ("Russian troops will soon attack Rodynske again, the spokesman warned.", "Rodynske", None),
])
def test_what_a_forecast_does_not_touch(sentence: str, name: str, action: Action | None) -> None:
    c = _claim(sentence, name)
    if action is None:
        assert c.action is not Action.FIGHTING or c.modality != "expected", c.why
    else:
        assert c.action is action, c.why


@pytest.mark.parametrize("sentence, name, action", [
    # a movement toward a place after a fight is an advance there; a fight close to a place is fighting
    ("The advance and the fighting brought Russian forces closer to a third locality, Rodynske.", "Rodynske",
     Action.ADVANCING),
    ("Fighting brought Russian forces closer to Rodynske.", "Rodynske", Action.ADVANCING),
    ("Fighting continues close to Rodynske.", "Rodynske", Action.FIGHTING),
])
def test_closer_to_a_place_is_an_advance_never_a_capture(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert c.action is action, c.why


_PAREN = ("Russian forces are advancing in the areas of Pokrovsk and Myrnohrad (with DeepState marking the village "
          "of Rodynske as captured) — and north of it, near Bilytske.")


@pytest.mark.parametrize("sentence, name, action", [
    # a parenthesis with a verb and places of its own: its verb governs its places, the verb outside the others
    (_PAREN, "Rodynske", Action.CAPTURED),
    (_PAREN, "Bilytske", Action.ADVANCING),
    (_PAREN, "Myrnohrad", Action.ADVANCING),
    ("Russian forces captured Pokrovsk (DeepState shows the village of Rodynske as contested) and advanced near "
     "Bilytske.", "Bilytske", Action.ADVANCING),
    # a parenthesis with a verb but no place of its own describes the place before it, or the places after it
    ("Russian forces said they took Rodynske (captured on Monday), DeepState did not confirm.", "Rodynske",
     Action.CAPTURED),
    ("In the red area (controlled by the Russians), the villages of Striletska and Krasne are found.", "Krasne",
     Action.CAPTURED),
])
def test_a_parenthesis_holds_its_own_verb_and_its_own_places(sentence: str, name: str, action: Action) -> None:
    c = _claim(sentence, name)
    assert (c.action, c.role) == (action, "event"), c.why


def test_a_parenthesis_speaker_speaks_only_inside_it() -> None:
    inside = _claim(_PAREN, "Rodynske")
    outside = _claim(_PAREN, "Bilytske")
    assert inside.claimant is not None and inside.claimant.value == "DeepState"
    assert outside.claimant is None or outside.claimant.value != "DeepState"


def test_parentheses_are_read_one_level_deep() -> None:
    s = "Russian forces took A (B, C) and D (E (F))."
    assert [s[a:b] for a, b in parentheses(s)] == ["B, C", "F"]


@pytest.mark.parametrize("sentence, name", [
    # a forecast's mark set apart from a capture belongs to another verb; "soon after" is a time
    ("Путін заявив, що окупанти вже захопили Сіверськ, і також «скоро захоплять» Лиман.", "Сіверськ"),
    ("Soon after, Russian forces captured Rodynske.", "Rodynske"),
])
def test_a_mark_set_apart_or_a_time_leaves_a_capture_done(sentence: str, name: str) -> None:
    c = _claim(sentence, name)
    assert c.action is Action.CAPTURED, c.why


def test_a_state_of_pressure_yields_to_an_event_of_its_clause() -> None:
    c = _claim("The ministry announced the capture of a village near Kupiansk named Radkivka, which has been under "
               "pressure for months.", "Radkivka")
    assert c.action is Action.CAPTURED, c.why
