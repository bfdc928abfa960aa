"""geo.claims.role: places named as a speaker's seat, a road's end, a reference point or a container are not drawn as
events. Sentences written for these tests in the genres' form (real names and places, invented events)."""

from __future__ import annotations

import pytest

from geo.claims import analyse_mention


def _role(sentence: str, name: str) -> str:
    start = sentence.index(name)
    return analyse_mention(sentence, start, start + len(name)).role


@pytest.mark.parametrize("sentence, name, role", [
    # the seat of an office or institution that speaks (speakers.jsonl, class office)
    ("Russian Forces Capture Territory Near Robotyne, Reports Zaporozhye Movement Leader", "Zaporozhye", "speaker"),
    ("The Kherson regional administration said Russian drones struck Bilozerka.", "Kherson", "speaker"),
    ("The Kherson regional administration said Russian drones struck Bilozerka.", "Bilozerka", "event"),
    ("The Zaporizhzhia region governor said Russian troops shelled Stepnohirsk.", "Zaporizhzhia", "speaker"),
    ("Russian drones struck Kherson, the regional administration said.", "Kherson", "event"),
    # a road named by its ends
    ("Ukrainian troops have cut the Chuguev-Izyum highway.", "Chuguev", "background"),
    ("Ukrainian troops have cut the Chuguev-Izyum highway.", "Izyum", "background"),
    ("Ukrainian troops have retaken Chuguev.", "Chuguev", "event"),
    # Ukrainian "під" and a settlement noun: the place they are near is a reference point
    ("Окуповані села під Покровськом.", "Покровськом", "background"),
    ("Російські війська захопили два населені пункти під Костянтинівкою.", "Костянтинівкою", "background"),
    ("Бої під Покровськом тривають.", "Покровськом", "event"),
    ("Бои под Покровском продолжаются.", "Покровском", "event"),
    # a region in apposition after a place locates it; a list of regions is struck
    ("Russian forces entered Hrabovske, Sumy Oblast, overnight on December 19.", "Sumy Oblast", "background"),
    ("Russian drones struck Kharkiv Oblast, Sumy Oblast and Chernihiv Oblast.", "Sumy Oblast", "event"),
    # a relative clause on the region that contains the event is background on the region
    ("Russian troops took Pryvillia in the Dnipropetrovsk region, where they have gained a foothold in recent weeks.",
     "Dnipropetrovsk region", "background"),
    # Russian and Ukrainian country names, in their cases, are countries
    ("Герасимов заявил, что российские войска ведут наступление на всех направлениях на Украине.", "Украине",
     "background"),
    # an intention or purpose in Russian and Ukrainian: the place is an objective
    ("Окупанти хочуть закріпитися в Лимані, щоб далі розвивати наступ на Слов'янськ.", "Слов'янськ", "background"),
    ("Противник накапливает силы, чтобы наступать на Гуляйполе.", "Гуляйполе", "background"),
    ("Противник наступает на Гуляйполе.", "Гуляйполе", "event"),
    # a past event given as the time a present state began
    ("Kramatorsk has been the region's administrative centre since Moscow captured Donetsk in 2014.", "Donetsk",
     "background"),
    ("Kramatorsk has been the region's administrative centre since Moscow captured Donetsk in 2014.", "Kramatorsk",
     "background"),
    ("Since October, Russian forces captured Tykhe and Novoye.", "Tykhe", "event"),
    ("Краматорськ став центром області, відколи Росія захопила Донецьк у 2014 році.", "Донецьк", "background"),
])
def test_role(sentence: str, name: str, role: str) -> None:
    assert _role(sentence, name) == role
