"""geo.claims.role: places named as a speaker's seat, a road's end, a reference point or a container are not drawn as
events. Sentences written for these tests in the genres' form (real names and places, invented events)."""

from __future__ import annotations

import pytest

from geo.rules.lookup import lookup_rows

from _claims_factory import claim_at
from geo.model import Action


_run = claim_at


def _role(sentence: str, name: str) -> str:
    return _run(sentence, name).role


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
    # Russian and Ukrainian: an appositive that describes a place (a locator participle, a settlement noun, an
    # outpost) locates it by the place it ends in; a participle on no place name, or no appositive, does not
    ("Российские военные захватили Тихое, поселок, расположенный недалеко от Северска, сообщило министерство.",
     "Северска", "background"),
    ("Российские военные захватили Тихое, поселок, расположенный недалеко от Северска, сообщило министерство.",
     "Тихое", "event"),
    ("Армия наносит удары по Звановке, последнему опорному форпосту ВСУ в районе Северска.", "Северска",
     "background"),
    ("Штурмовики захопили Тихе, селище, розташоване неподалік від Сіверська.", "Сіверська", "background"),
    ("Штурмовики вышли к рубежу обороны, расположенному в районе Звановки.", "Звановки", "event"),
    ("Штурмовики заняли Тихое и продвигаются в районе Северска.", "Северска", "event"),
    # English command summaries: "In the direction of X," opening a sentence names the sector; inside a sentence
    # it is where the attacks went
    ("In the direction of Lyman, the enemy attacked four times near Torske and Zarichne.", "Lyman", "direction"),
    ("On the axis of Pokrovsk, our defenders repelled 20 attacks near Myrnohrad.", "Pokrovsk", "direction"),
    ("In the Kharkiv sector, our units repelled an attack in the direction of Lyptsi.", "Lyptsi", "event"),
    ("The enemy attacked in the direction of Lyman, near Torske.", "Lyman", "event"),
])
def test_role(sentence: str, name: str, role: str) -> None:
    assert _role(sentence, name) == role


# roles in sentences of the genres' forms (moved from test_claims: tests mirror modules)
ROLES = [
    ("Moscow said its forces had taken Lisne.", "Moscow", "speaker"),
    ("Kyiv, for its part, reported fighting near Lisne.", "Kyiv", "speaker"),
    ("The Kremlin has not commented on the losses near Lisne.", "Kremlin", "speaker"),
    ("Washington's envoy met the Russian leader after Russian troops advanced near Lisne.", "Washington", "speaker"),
    ("The delegations held talks in Geneva as fighting raged near Lisne.", "Geneva", "venue"),
    ("Putin spoke at a forum in Moscow while his troops attacked Lisne.", "Moscow", "venue"),
    ("The envoy flew to Riyadh for a meeting with the Russian side.", "Riyadh", "venue"),
    ("Russian troops liberated the settlement of Lisne in the Kharkiv region.", "Kharkiv region", "background"),
    ("Russian troops captured Lisne, 5 km north of Izium.", "Izium", "background"),
    ("Russian forces attacked north of Kharkiv City near Lisne.", "Kharkiv City", "background"),
    ("Drones were launched from the directions of Kursk and Bryansk.", "Bryansk", "background"),
    ("The Kremlin aimed to occupy Lisne before the elections.", "Lisne", "background"),
    ("Russia would need months to advance on Dnipro.", "Dnipro", "background"),
    ("Lisne lies on the road to Izium.", "Izium", "background"),
    # English news: an appositive ", near (the town of) Y" after a place name locates it; Y is no event
    ("Russian troops took control of Synkivka, near the town of Kupiansk, the ministry said.", "Kupiansk", "background"),
    ("Also taken was Petropavlivka, near the heavily shelled city of Kupiansk.", "Kupiansk", "background"),
    ("The army captured Lisne, outside Izium, on Monday.", "Izium", "background"),
    ("The army captured Lisne, outside Izium, on Monday.", "Lisne", "event"),
    ("Russian forces attacked near Kupiansk and Synkivka.", "Kupiansk", "event"),
    ("Fighting continued near Kupiansk, the General Staff said.", "Kupiansk", "event"),
    # English: a direction-of phrase describing another place (after "located"/"situated", or in a bracketed
    # description) locates that place; without such a description it places the event beside its anchor
    ("Russian forces advanced near the village of Kurdiumivka, located west of Bakhmut.", "Bakhmut", "background"),
    ("The ministry said its troops took the village of Sukhyi Yar, situated about 15 kilometers (9.3 miles) "
     "south of the city of Pokrovsk.", "Pokrovsk", "background"),
    ("Russian forces entered Yunakivka (a small border village northeast of Sumy City) overnight.", "Sumy City",
     "background"),
    ("Russian forces advanced 3 km east of the city of Kupiansk.", "Kupiansk", "event"),
    ("Russian forces captured a village southwest of Donetsk.", "Donetsk", "event"),
    # Ukrainian General Staff: a town's name as an adjective after "на" is a sector, its noun shared or left out
    ("За даними Генштабу, на Куп'янському напрямку ворог атакував 12 разів, на Лиманському – вісім.",
     "Лиманському", "direction"),
    ("На Костянтинівському та Торецькому напрямках окупанти атакували біля Щербинівки.", "Костянтинівському",
     "direction"),
    ("Минулої доби зафіксовано сім штурмів на Покровській ділянці фронту.", "Покровській", "direction"),
    ("Окупанти атакували у Слов'янську.", "Слов'янську", "event"),
    ("Ворог атакував у Лиманському.", "Лиманському", "event"),
    # Russian: "под" + instrumental right after a place name locates that place; the second is no event
    ("Штурмовики закрепились на окраине Степового под Авдеевкой.", "Авдеевкой", "background"),
    ("Бойцы продвинулись у Берестового и Яковлевки под Соледаром.", "Соледаром", "background"),
    ("Бойцы продвинулись у Берестового и Яковлевки под Соледаром.", "Яковлевки", "event"),
    ("Тяжелые бои идут под Часовым Яром.", "Часовым Яром", "event"),
    ("The US president attacked Ukraine in a speech.", "Ukraine", "background"),
    ("Russian forces struck an energy facility in Odesa.", "Odesa", "event"),
    ("A massive drone strike hit Kyiv overnight.", "Kyiv", "event"),
    ("The enemy launched a massive attack on Crimea and the Belgorod Oblast.", "Belgorod Oblast", "event"),
]


@pytest.mark.parametrize(("sentence", "name", "role"), ROLES)
def test_role_and_its_action(sentence: str, name: str, role: str) -> None:
    c = _run(sentence, name)
    assert c.role == role, c.why
    if role not in ("event", "direction"):
        assert c.action is Action.OTHER and not c.is_event
    if role == "direction":
        assert not c.is_event  # a sector is no place of the event


def test_kind_from_the_caller_wins() -> None:
    s = "Russian troops liberated Lisne near Kupiansk."
    assert _run(s, "Kupiansk").role == "event"
    assert _run(s, "Kupiansk", kind="region").role == "background"


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("Russian troops advanced 3 km north-east of Pokrovsk, the ministry said.", "Pokrovsk", "event"),
        ("The village of Sokil, 20 km north of Avdiivka, was captured.", "Avdiivka", "background"),
        ("The depot, located about 15 km south of Tokmak, was struck.", "Tokmak", "background"),
        ("The main objective of Russia in this section of the front is the complete occupation of Luhansk Oblast.",
         "Luhansk Oblast", "background"),
        ("Area of Sloviansk with the names of the liberated villages marked in red.", "Sloviansk", "background"),
        ("Ukraine expands its bridgehead, threatening the Russian forces deployed in Lyman.", "Lyman", "background"),
    ],
)
def test_locators_goals_and_captions(sentence: str, name: str, role: str) -> None:
    assert _run(sentence, name).role == role


@pytest.mark.parametrize(("sentence", "name", "venue"), [
    ("The delegations met on Tuesday in Istanbul as fighting went on near Pokrovsk.", "Istanbul", True),
    ("Envoys flew to Riyadh while Russian forces attacked near Pokrovsk.", "Riyadh", True),
    ("Officials arrived at the Alabuga plant, Russian media said.", "Alabuga", True),
    ("The Istanbul talks changed nothing near Pokrovsk.", "Istanbul", True),
    ("Under the Minsk accords, Russian forces were to stay out of Debaltseve.", "Minsk", True),
    ("The meeting ended; Russian forces attacked in Pokrovsk.", "Pokrovsk", False),  # another clause
    ("Talks went on for a long time, and after the first day the army attacked in Pokrovsk.", "Pokrovsk", False),
    ("Russian forces attacked in Pokrovsk.", "Pokrovsk", False),
])
def test_venues_are_the_venue_table_read(sentence: str, name: str, venue: bool) -> None:
    c = _run(sentence, name)
    assert (c.role == "venue") is venue, c.why


@pytest.mark.parametrize("sentence, name, role", [
    # the reference rows of positions.jsonl, each class with its tail: a road's end, where a force stands, where a
    # strike came from, a line of defence; the place of the event beside them is still one
    ("Russian forces shelled the approaches to Kostiantynivka.", "Kostiantynivka", "background"),
    ("Russian forces shelled Kostiantynivka.", "Kostiantynivka", "event"),
    ("Russian troops stationed in Belgorod shelled Vovchansk.", "Belgorod", "background"),
    ("Russian troops stationed in Belgorod shelled Vovchansk.", "Vovchansk", "event"),
    ("Drones launched overnight from the direction of Kursk struck Sumy.", "Kursk", "background"),
    ("Ukrainian forces broke through the defensive line near Robotyne and entered Verbove.", "Robotyne", "background"),
])
def test_a_reference_row_makes_a_reference_point(sentence: str, name: str, role: str) -> None:
    assert _role(sentence, name) == role


def test_seat_speech_rows_make_a_place_the_speaker() -> None:
    """Each speech row of seat "speaks" and each stance row (geo/rules/speech.jsonl) after a capital makes it the
    speaker; a speech row without it ("wrote") does not."""
    from geo.claims.role import _SPEECH_AFTER, _may_speak
    from geo.rules.matcher import rows

    verbs = [r.phrase for r in rows("speech")
             if r.lang == "en" and (r.cls == "stance" or r.get("seat") == "speaks")]
    assert len(verbs) > 50
    for verb in verbs:
        rest = f" {verb} that its forces had taken Lisne."
        assert _may_speak(rest) and _SPEECH_AFTER.match(rest), verb
    assert not _SPEECH_AFTER.match(" wrote that its forces had taken Lisne.")



def test_filler_and_auxiliary_rows_stand_between_a_seat_and_its_speech_verb() -> None:
    """Each filler row of geo/rules/speech.jsonl ("however", "in a statement") and each auxiliary ("has") may stand
    between a seat of power and its speech verb: its example's capital speaks; another word there, it does not."""
    import re

    from geo.claims.role import _SPEECH_AFTER, _may_speak
    from geo.rules.matcher import rows

    found = [r for r in rows("speech") if r.cls in ("filler", "auxiliary")]
    assert len(found) > 20
    for row in found:
        rest = row.example[row.example.index("Moscow") + len("Moscow"):]
        assert _may_speak(rest) and _SPEECH_AFTER.match(rest), row.example
        other = re.sub(r"(?<!\w)" + re.escape(row.phrase) + r"(?!\w)", "tanks", rest, count=1, flags=re.IGNORECASE)
        assert other != rest and not _SPEECH_AFTER.match(other), other


@pytest.mark.parametrize("row", [r for r in lookup_rows("distance_words") if r.lang == "en" and r.cls in ("approximately", "unit")]
                         + [r for r in lookup_rows("bearings") if r.lang == "en" and r.cls == "hedge"],
                         ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_a_distance_row_in_a_description_locates_another_place(row) -> None:
    # "Tykhe, located about 20 km north of Pokrovsk", "Tykhe (a small village 20km north of Pokrovsk)": the words of
    # the distance are geo/rules/distance_words.jsonl's (and a bearing's hedge), one vocabulary with geo.relative's
    from geo.claims.role import _DESCRIBED_BEFORE

    if row.cls == "unit":
        texts = [f"Drones struck Tykhe, located 20 {row.phrase} ", f"Drones struck Tykhe (a small village 20{row.phrase} "]
    else:
        texts = [f"Drones struck Tykhe, located {row.phrase} 20 km ", f"Drones struck Tykhe (a village {row.phrase} 5 miles "]
    for text in texts:
        assert _DESCRIBED_BEFORE.search(text), text
        # the same distance in the event's own words describes no other place: "advanced about 20 km north of X"
        assert not _DESCRIBED_BEFORE.search(text.replace("Drones struck Tykhe, located", "Units advanced")
                                            .replace("Drones struck Tykhe (a small village", "Units advanced")
                                            .replace("Drones struck Tykhe (a village", "Units advanced")), text


def test_a_place_kind_row_of_bearings_names_a_reference_point() -> None:
    # each English place-kind row of geo/rules/bearings.jsonl ("the town of") may stand before the place a bearing or
    # an appositive locates another by ("Sokil, north of the town of Tykhe"), not other words
    from geo.claims.role import _REFERENCE_BEFORE

    rows = [r for r in lookup_rows("bearings") if r.cls == "place-kind" and r.lang == "en"]
    assert rows
    for row in rows:
        for before in (f"took Sokil, north of the {row.phrase} ", f"took Sokil, near the {row.phrase} ",
                       f"the north-east of the {row.phrase} "):
            assert _REFERENCE_BEFORE.search(before), before
    assert not _REFERENCE_BEFORE.search("the north-east of the heart of ")


def test_an_approximately_row_before_a_bearing_names_a_reference_point() -> None:
    # "Podoly, about 5 kilometers east of Y": each English approximately row of geo/rules/distance_words.jsonl (and
    # a hedge of bearings.jsonl) may stand before the distance of an appositive bearing; another word may not
    from geo.claims.role import _REFERENCE_BEFORE

    rows = [r for r in lookup_rows("distance_words") if r.cls == "approximately" and r.lang == "en"]
    assert rows
    for row in rows:
        text = f"Russian forces took Podoly, {row.phrase} 5 kilometers (3.1 miles) east of the town of "
        assert _REFERENCE_BEFORE.search(text).start() == text.index("Podoly"), text  # the appositive's branch
    text = "Russian forces took Podoly, heart 5 kilometers (3.1 miles) east of the town of "
    assert _REFERENCE_BEFORE.search(text).start() > text.index("Podoly")  # only "east of the town of" itself


def test_an_outskirts_row_after_a_bearing_names_a_reference_point() -> None:
    # "the northern outskirts of Y": each English outskirts row of geo/rules/town_parts.jsonl between a bearing and
    # "of"; another noun there does not make the bearing's branch
    from geo.claims.role import _REFERENCE_BEFORE

    rows = [r for r in lookup_rows("town_parts") if r.cls == "outskirts" and r.lang == "en"]
    assert rows
    for row in rows:
        assert _REFERENCE_BEFORE.search(f"Russian units shelled the northern {row.phrase} of "), row.line
    assert not _REFERENCE_BEFORE.search("Russian units shelled the northern heart of ")


@pytest.mark.parametrize("sentence, name, role, action", [
    # a place described as lying between two others: those two only locate it
    ("Russian forces took Lozova, a village between the towns of Kupiansk and Borova.", "Kupiansk", "background",
     Action.OTHER),
    ("Russian forces took Lozova, located between Kupiansk and Borova.", "Borova", "background", Action.OTHER),
])
def test_a_village_between_two_places_is_located_by_them(
        sentence: str, name: str, role: str, action: Action) -> None:
    c = _run(sentence, name)
    assert (c.role, c.action) == (role, action), (c.role, c.action, c.why)


@pytest.mark.parametrize("sentence, name, nth, action", [
    # three place phrases joined by bare commas or a bare "and": a list of bearings, each member takes the verb
    ("Assault teams improved their tactical positions near Tykhe, north of Lyman, west of Zelene and Siversk, the "
     "spokesman said.", "Lyman", 0, Action.ADVANCING),
    ("Assault teams improved their tactical positions near Tykhe, north of Lyman, west of Zelene and Siversk, the "
     "spokesman said.", "Zelene", 0, Action.ADVANCING),
    ("Assault teams improved their tactical positions near Tykhe, north of Lyman, west of Zelene and Siversk, the "
     "spokesman said.", "Siversk", 0, Action.ADVANCING),
    ("Artillery destroyed ammunition depots in the area of Tykhe, north of Lyman and in the area of Zelene.", "Lyman",
     0, Action.STRUCK),
    ("Russian forces advanced near Tykhe, southeast of Lyman and north of Siversk.", "Lyman", 0, Action.ADVANCING),
    # a bearing after one place, closed by a comma (", and" too): it locates the place before it
    ("Forces advanced in eastern Tykhe, southeast of Pokrovsk, and northeast of Zelene, southeast of Pokrovsk.",
     "Pokrovsk", 0, Action.OTHER),
    ("Forces advanced in eastern Tykhe, southeast of Pokrovsk, and northeast of Zelene, southeast of Pokrovsk.",
     "Pokrovsk", 1, Action.OTHER),
    ("Russian forces advanced near Pishchane, north of Kupiansk.", "Kupiansk", 0, Action.OTHER),
    ("The village of Sontsivka, north of Kurakhove, was also captured.", "Kurakhove", 0, Action.OTHER),
])
def test_a_run_of_bearings_is_a_list_and_a_single_bearing_locates_the_place_before_it(
        sentence: str, name: str, nth: int, action: Action) -> None:
    c = _run(sentence, name, nth)
    assert c.action is action, (c.action, c.why)
