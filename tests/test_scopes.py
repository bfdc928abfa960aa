"""The oblast or raion a report or paragraph states as its scope: where it holds, and how it places namesakes.

The sentences are written for these tests in the forms of the genres: a Ukrainian oblast administration's strike
list, an English governor's statement, a Russian-appointed governor's post, a raion's list, a post of lists under
oblast headings.
"""

from __future__ import annotations

import datetime as dt

from gazetteer.model import Place
from geo.extract import extract_text
from geo.scopes import clause_regions, find_scopes, oblast_of

DAY = dt.date(2025, 11, 22)

KHERSON = Place(1, "Kherson Oblast", 46.7, 33.4, "A", "ADM1", "UA", "Kherson Oblast")
KHARKIV = Place(2, "Kharkiv Oblast", 49.5, 36.5, "A", "ADM1", "UA", "Kharkiv Oblast")
BERYSLAV = Place(3, "Beryslav Raion", 46.9, 33.6, "A", "ADM2", "UA", "Kherson Oblast", "Beryslav Raion")


def _sentences(text: str):
    """``sentence_of`` for texts whose sentences end in ". " or a line break."""
    ends = [i + 1 for i, ch in enumerate(text) if ch in ".\n"]

    def sentence_of(x: int) -> tuple[int, int]:
        start = max([e for e in ends if e <= x], default=0)
        end = min([e for e in ends if e > x], default=len(text))
        return start, end

    return sentence_of


def _at(text: str, written: str, place: Place, owned: bool = False) -> tuple[int, int, Place, bool]:
    s = text.index(written)
    return s, s + len(written), place, owned


def placed(text, gaz):
    return {c.place: c for c in extract_text(text, gaz, date=DAY)}


# ---------------------------------------------------------------- where a scope holds


def test_a_scope_holds_from_its_sentence_to_the_next_region_and_not_past_its_paragraph() -> None:
    text = ("У Херсонській області обстріляли села. Під ударом A та B. На Харківщині C.\n"
            "Окремо D.")
    scopes = find_scopes(text, [_at(text, "Херсонській області", KHERSON), _at(text, "Харківщині", KHARKIV)],
                         _sentences(text))
    assert [(sorted(s.regions), text[s.start:s.end].strip()) for s in scopes] == [
        (["Kherson Oblast"], "У Херсонській області обстріляли села. Під ударом A та B."),
        (["Kharkiv Oblast"], "На Харківщині C."),
    ]  # two oblasts: no scope of the report's, and D (the next paragraph) has none
    assert not any(s.lead for s in scopes)


def test_a_heading_line_holds_for_the_lines_after_it_up_to_a_blank_line() -> None:
    text = "Херсонська область:\nA, B\nC\n\nХарківська область:\nD\n\nE"
    scopes = find_scopes(text, [_at(text, "Херсонська область", KHERSON), _at(text, "Харківська область", KHARKIV)],
                         _sentences(text))
    held = {sorted(s.regions)[0]: text[s.start:s.end] for s in scopes}
    assert held == {"Kherson Oblast": "Херсонська область:\nA, B\nC", "Kharkiv Oblast": "Харківська область:\nD"}


def test_a_region_a_name_owns_states_no_scope() -> None:
    text = "Обстріляли A, Херсонська область. Під ударом B."
    assert find_scopes(text, [_at(text, "Херсонська область", KHERSON, owned=True)], _sentences(text)) == []


def test_the_lead_of_a_report_about_one_oblast_holds_for_the_whole_report() -> None:
    text = "Бериславщина під обстрілом\nВорог бив по Бериславському району.\n\nПід ударом A.\n\nТакож B, Херсонщина."
    regions = [_at(text, "Бериславщина", BERYSLAV), _at(text, "Бериславському району", BERYSLAV),
               _at(text, "Херсонщина", KHERSON, owned=True)]
    lead = [s for s in find_scopes(text, regions, _sentences(text)) if s.lead]
    assert len(lead) == 1 and lead[0].regions == {"Beryslav Raion"} and (lead[0].start, lead[0].end) == (0, len(text))
    # a report naming a second oblast has no scope of its own; nor one that names its oblast only after the lead
    assert not any(s.lead for s in find_scopes(text, regions + [_at(text, "Також", KHARKIV)], _sentences(text)))
    late = "Обстріли тривали\nВорог бив по селах.\n\nУ Херсонській області під ударом A."
    assert not any(s.lead for s in find_scopes(late, [_at(late, "Херсонській області", KHERSON)], _sentences(late)))
    assert oblast_of(BERYSLAV) == "Kherson Oblast" and oblast_of(KHERSON) == "Kherson Oblast"


# ---------------------------------------------------------------- scopes placing namesakes (the real gazetteer)


def test_an_english_governors_statement_places_the_villages_in_his_oblast(gaz) -> None:
    # 12 Olhivkas; with nothing said of where, the largest (in Kherson Oblast) wins
    said = "Kharkiv Oblast Governor Oleh Syniehubov said Russian forces had shelled 12 settlements over the past day. "
    hit = "Strikes hit Kurylivka and Olhivka, injuring two people."
    c = placed(said + hit, gaz)["Olhivka"]
    assert c.admin1 == "Kharkiv Oblast", c.why
    assert any("in Kharkiv Oblast, the scope its paragraph states" in w for w in c.why), c.why
    bare = placed("The governor said Russian forces had shelled 12 settlements over the past day. " + hit, gaz)["Olhivka"]
    assert bare.admin1 != "Kharkiv Oblast", bare.why


def test_a_ukrainian_administrations_list_is_of_its_oblast(gaz) -> None:
    head = "Херсонська ОВА: минулої доби російська армія обстрілювала населені пункти Херсонщини.\n"
    listed = "Під ударами перебували Шевченківка, Червоний Маяк та Тополівка."
    got = placed(head + listed, gaz)
    for name in ("Шевченківка", "Червоний Маяк", "Тополівка"):
        c = got[name]
        assert c.admin1 == "Kherson Oblast" and c.confidence >= 0.9, c.why
        assert any("in Kherson Oblast, the scope the report states in its lead" in w for w in c.why), c.why
    # the same list without the oblast: the same villages, by the neighbours alone, with less confidence
    bare = placed("Минулої доби російська армія обстрілювала населені пункти.\n" + listed, gaz)
    assert all(bare[n].confidence < got[n].confidence for n in got if n in bare)


def test_a_russian_governors_post_places_the_villages_in_his_oblast(gaz) -> None:
    text = ("Губернатор Запорожской области Евгений Балицкий сообщил об обстрелах со стороны ВСУ. "
            "Под удар попали Преображенка и Юрковка, пострадавших нет.")
    got = placed(text, gaz)
    for name in ("Преображенка", "Юрковка"):
        assert got[name].admin1 == "Zaporizhzhya Oblast" and got[name].confidence >= 0.9, got[name].why
        assert any("the scope its paragraph states (+0.80)" in w for w in got[name].why), got[name].why


def test_a_named_raion_chooses_among_the_namesakes_of_its_oblast(gaz) -> None:
    # Dnipropetrovsk Oblast has ten Mykhailivkas, Nikopol Raion one
    raion = placed("Ворог атакував Нікопольський район Дніпропетровської області. "
                   "Під обстрілом була Михайлівка, пошкоджено будинок.", gaz)["Михайлівка"]
    assert raion.admin2 == "Nikopol Raion", raion.why
    assert any("in Nikopol Raion (Dnipropetrovsk Oblast)" in w and "raion +0.30" in w for w in raion.why), raion.why
    oblast = placed("Ворог атакував Дніпропетровську область. "
                    "Під обстрілом була Михайлівка, пошкоджено будинок.", gaz)["Михайлівка"]
    assert not oblast.resolved, oblast.why


def test_lists_under_oblast_headings_are_each_of_its_own_oblast(gaz) -> None:
    text = ("Населені пункти, які обстріляв ворог:\n\nХерсонська область:\nШевченківка, Червоний Маяк, Тополівка\n\n"
            "Харківська область:\nКурилівка, Ольгівка")
    got = placed(text, gaz)
    assert got["Тополівка"].admin1 == "Kherson Oblast", got["Тополівка"].why
    # Ольгівка: the Kherson Oblast one is the largest; its heading says Kharkiv Oblast
    assert got["Ольгівка"].admin1 == "Kharkiv Oblast", got["Ольгівка"].why
    assert not any("Kharkiv Oblast, the scope" in w for w in got["Тополівка"].why)


def test_an_oblast_border_names_both_oblasts(gaz) -> None:
    # "the Dnipropetrovsk-Zaporizhia Oblast border" is the scope of both oblasts, not of Zaporizhzhia alone:
    # a Verbove of each stays in the running
    text = ("Ukrainian forces advanced along the Dnipropetrovsk-Zaporizhia Oblast administrative border. "
            "A Ukrainian source reported advances near Verbove.")
    c = placed(text, gaz)["Verbove"]
    readings = [w for w in c.why if w.startswith("candidate ")]
    assert not c.resolved and len(readings) >= 2, c.why
    assert {"Dnipropetrovsk Oblast", "Zaporizhzhya Oblast"} <= {w.split(", ")[1].split(" (")[0] for w in readings[:2]}


def test_an_oblast_administrations_head_states_its_scope_and_is_no_place(gaz) -> None:
    text = ("Голова Запорізької ОВА Іван Федоров повідомив про 400 ударів за добу. "
            "Під ударом були Преображенка та Юрківка.")
    got = placed(text, gaz)
    assert "Запорізької ОВА" not in got  # the office: no feature of the report
    for name in ("Преображенка", "Юрківка"):
        assert any("in Zaporizhzhya Oblast, the scope its paragraph states" in w for w in got[name].why), got[name].why
    bare = placed("Голова Іван Федоров повідомив про 400 ударів за добу. Під ударом були Преображенка та Юрківка.", gaz)
    assert bare["Юрківка"].confidence < got["Юрківка"].confidence


def test_a_scope_starts_no_earlier_than_its_paragraph() -> None:
    # a sentence the splitter runs across a line break ("a headline\nIn Kharkiv Oblast …"): the scope is the
    # region's paragraph's, not the headline's
    text = "Villages under fire\nIn Kharkiv Oblast, A and B were shelled."
    scopes = find_scopes(text, [_at(text, "Kharkiv Oblast", KHARKIV)], lambda x: (0, len(text)))
    assert [text[s.start:s.end] for s in scopes if not s.lead] == ["In Kharkiv Oblast, A and B were shelled."]


def test_a_report_naming_a_direction_of_another_oblast_has_no_scope_of_its_own() -> None:
    text = "Бої тривають у Харківській області.\nНа Запорізькому напрямку ворог атакував біля A."
    regions = [_at(text, "Харківській області", KHARKIV)]
    assert any(s.lead for s in find_scopes(text, regions, _sentences(text), ["Kharkiv Oblast"]))
    assert not any(s.lead for s in find_scopes(text, regions, _sentences(text), ["Zaporizhzhya Oblast"]))


# ---------------------------------------------------------------- hromadas (territorial communities)


def test_a_struck_hromada_list_is_of_hromadas_not_of_the_towns_of_their_stems(gaz) -> None:
    # an oblast administration's strike list: only the last name carries the noun; a hromada struck keeps its action
    # with role region (README: an event whose place is a region, kept in the data, off the event layers)
    text = ("Дніпропетровська ОВА: ворог атакував Нікопольський район.\n"
            "Минулої доби під обстріл потрапили Нікопольська, Марганецька, Покровська та Червоногригорівська громади.")
    got = placed(text, gaz)
    for name, hromada in (("Нікопольська", "Nikopolska"), ("Марганецька", "Marhanetska"),
                          ("Покровська", "Pokrovska"), ("Червоногригорівська громади", "Chervonohryhorivska")):
        c = got[name]
        assert c.feature_code == "ADM3" and c.name == f"{hromada} Terytorialna Hromada", (name, c.name, c.why)
        assert c.admin1 == "Dnipropetrovsk Oblast" and c.admin2 == "Nikopol Raion", (name, c.admin1)
        assert c.role == "region" and c.action.value == "struck" and c.claimant.value == "UA-official", (name, c.why)
        assert c.claim_date == DAY - dt.timedelta(days=1), name
    # Покровська is no Pokrovsk (Donetsk Oblast), nor the town of any other stem
    assert not any(c.feature_code.startswith("PPL") for c in got.values())


def test_a_hromada_named_in_english_and_in_russian(gaz) -> None:
    english = placed("Russian forces shelled the Nikopol and Marhanets communities overnight, the Dnipropetrovsk "
                     "Oblast governor said. Drones also struck the Krasnopillia hromada in Sumy Oblast.", gaz)
    assert english["Nikopol"].name == "Nikopolska Terytorialna Hromada", english["Nikopol"].why
    assert english["Marhanets"].name == "Marhanetska Terytorialna Hromada", english["Marhanets"].why
    assert english["Nikopol"].action.value == "struck" and english["Marhanets"].role == "region"
    # Krasnopilska: a hromada of Vinnytsia, of Zhytomyr and of Sumy Oblast; the text names Sumy Oblast
    k = english["Krasnopillia hromada"]
    assert k.feature_code == "ADM3" and k.admin1 == "Sumska Oblast", (k.name, k.admin1, k.why)
    russian = placed("Противник атаковал Марганецкую общину дронами. Под обстрел попали Никопольская и "
                     "Покровская общины Днепропетровской области.", gaz)
    assert russian["Марганецкую общину"].name == "Marhanetska Terytorialna Hromada"
    assert russian["Марганецкую общину"].action.value == "struck"
    assert russian["Никопольская"].name == "Nikopolska Terytorialna Hromada", russian["Никопольская"].why
    assert russian["Покровская общины"].feature_code == "ADM3"
    assert russian["Покровская общины"].admin1 == "Dnipropetrovsk Oblast"


def test_a_hromada_places_the_villages_listed_after_it_as_its_raion_does(gaz) -> None:
    # Kamianka: dozens; the one of Okhtyrka raion is in the Velykopysarivska hromada
    text = "У Великописарівській громаді ворог обстріляв Кам'янку, пошкоджено будинок."
    got = placed(text, gaz)
    assert got["Великописарівській громаді"].name == "Velykopysarivska Terytorialna Hromada"
    c = got["Кам'янку"]
    assert c.admin1 == "Sumska Oblast" and c.admin2 == "Okhtyrskiy Rayon", (c.admin1, c.admin2, c.why)
    assert any("Okhtyrskiy Rayon" in w for w in c.why), c.why
    bare = placed("Ворог обстріляв Кам'янку, пошкоджено будинок.", gaz)["Кам'янку"]
    assert bare.admin2 != "Okhtyrskiy Rayon", bare.why


def test_a_community_in_a_civic_sense_is_no_hromada(gaz) -> None:
    # no place adjective before the word, or the adjective of a city council: no hromada
    got = placed("Громада міста вимагає ремонту доріг. Покровська міська рада зібралася на сесію.", gaz)
    assert not any(c.feature_code == "ADM3" for c in got.values()), {c.place: c.name for c in got.values()}
    got = placed("The local community of Kupiansk helped the evacuees.", gaz)
    assert not any(c.feature_code == "ADM3" for c in got.values()), {c.place: c.name for c in got.values()}


def test_a_struck_raion_list_is_of_raions(gaz) -> None:
    # the same list form with the raion's plural: "Сумський" is no village Sumske
    got = placed("Минулої доби під обстріл потрапили Сумський, Шосткинський та Конотопський райони.", gaz)
    assert got["Сумський"].feature_code == "ADM2" and got["Сумський"].name == "Sumskyi Raion", got["Сумський"].why
    assert all(c.feature_code == "ADM2" and c.role == "region" for c in got.values()), {c.place: c.name for c in got.values()}


def test_two_oblasts_named_together_are_each_the_scope_of_the_villages_after_them(gaz) -> None:
    # the General Staff's border list, as retold: "Сумська та Чернігівська області" names both oblasts (the plural
    # "області" ends the list of adjectives), and the villages shelled after it are of one of them
    text = ("Сумська та Чернігівська області зазнали обстрілів з території Росії. "
            "Постраждали Мала Слобідка, Угроїди та Блешня.")
    got = placed(text, gaz)
    assert got["Сумська"].admin1 == "Sumska Oblast" and got["Сумська"].feature_code.startswith("ADM1"), got["Сумська"].why
    # Mala Slobidka: one in Sumy Oblast, one in Odesa Oblast
    assert got["Мала Слобідка"].admin1 == "Sumska Oblast", got["Мала Слобідка"].why
    assert got["Блешня"].admin1 == "Chernihiv Oblast", got["Блешня"].why
    russian = placed("Сумская и Черниговская области подверглись обстрелам.", gaz)
    assert russian["Сумская"].admin1 == "Sumska Oblast", russian["Сумская"].why


def test_namesake_hromadas_are_each_of_the_oblast_their_paragraph_names(gaz) -> None:
    # Novopokrovska: a hromada of Kharkiv Oblast and one of Dnipropetrovsk Oblast
    text = ("Харківська ОВА: минулої доби ворог атакував Новопокровську громаду.\n"
            "Дніпропетровська ОВА: минулої доби ворог атакував Новопокровську громаду.")
    claims = sorted(extract_text(text, gaz, date=DAY), key=lambda c: c.start)
    assert [(c.feature_code, c.admin1) for c in claims] == [("ADM3", "Kharkiv Oblast"),
                                                            ("ADM3", "Dnipropetrovsk Oblast")], [c.why for c in claims]
    assert all(c.action.value == "attacked" and c.role == "region" for c in claims)


def test_a_hromada_that_came_under_fire_is_struck(gaz) -> None:
    # the cue after a region governs it across a verb of undergoing (geo/rules/gap_words.jsonl, passive rows)
    for text, name in (("Марганецкая община подверглась обстрелу.", "Марганецкая община"),
                       ("Марганецька громада зазнала ударів дронів.", "Марганецька громада"),
                       ("Марганецька громада потрапила під обстріл.", "Марганецька громада")):
        c = placed(text, gaz)[name]
        assert c.name == "Marhanetska Terytorialna Hromada" and c.role == "region", (text, c.why)
        assert c.action.value == "struck", (text, c.why)


def test_a_retelling_going_through_oblasts_by_their_centres_names_places_each_clause_in_its_oblast(gaz) -> None:
    # Lyman: the town of Donetsk Oblast is the largest; the clause's oblast is Kharkiv's
    text = ("Over the week Russian forces took six villages. In Kharkiv, the Sever group pushed the Ukrainian "
            "troops out of Lyman. In Zaporizhzhia, the Vostok group took Stepnohirsk.")
    got = placed(text, gaz)
    assert got["Lyman"].admin1 == "Kharkiv Oblast", got["Lyman"].why
    assert [(text[s:e], p.name) for s, e, p in clause_regions(text, gaz)] == [
        ("Kharkiv", "Kharkiv Oblast"), ("Zaporizhzhia", "Zaporizhzhya Oblast")]
    # one such clause, or one naming no place after the comma, is the city's
    assert clause_regions("In Kharkiv, the Sever group pushed the Ukrainian troops out of Lyman.", gaz) == []
    assert clause_regions("In Kharkiv, a drone hit a house. In Zaporizhzhia, a missile hit a plant.", gaz) == []
