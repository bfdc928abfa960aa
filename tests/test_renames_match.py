"""benchmarks/renames_match.py: renamings found in the gazetteer, the rows the renames table needs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("renames_match", REPO / "benchmarks" / "renames_match.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def test_russian_spelling_of_a_former_name(tool):
    assert tool.russian_forms("Кірове") == ["Кирово"]  # a surname's -ове is Russian -ово
    assert tool.russian_forms("Петрівське") == ["Петровское"]  # і of a closed syllable is о
    assert tool.russian_forms("Жовтневе") == ["Октябрьское"]  # Soviet words are translated
    assert tool.russian_forms("Червоноармійське Перше") == ["Красноармейское Первое"]
    assert tool.russian_forms("Леніна") == []  # spelt the same: the Ukrainian row finds it


KOATUU_OLD = """TE,NP,NU
1400000000,,ДОНЕЦЬКА ОБЛАСТЬ/М.ДОНЕЦЬК
1411245307,Щ,ПЕРШЕ ТРАВНЯ
1422756301,С,ЛЕНІНЕ
1422756302,С,КІРОВЕ
1422756303,С,ОЧЕРЕТИНЕ
"""
KOATUU_NEW = """TE,NP,NU
1400000000,,ДОНЕЦЬКА ОБЛАСТЬ/М.ДОНЕЦЬК
1411245307,Щ,ОЗАРЯНІВКА
1422756301,С,МОЛОДЕЦЬКЕ
1422756302,С,НЕБУВАЛЕ
1422756303,С,ОЧЕРЕТИНЕ
"""


def test_koatuu_editions_give_the_renamed_settlements_and_their_rows(tool, gaz, tmp_path):
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(KOATUU_OLD, encoding="utf-8")
    new.write_text(KOATUU_NEW, encoding="utf-8")
    found = tool.koatuu_renamings(gaz, old, new, year=2016, source="test editions", oblasts=["14"])
    assert [(r.former, r.current, r.admin1) for r in found] == [
        ("Перше Травня", "Озарянівка", "05"), ("Леніне", "Молодецьке", "05"), ("Кірове", "Небувале", "05")]
    out = {o.renaming.current: o for o in tool.match(gaz, found, table=())}
    # the village west of Pokrovsk whose former name another place (Lenine, Crimea) still bears
    assert {(row[0], row[1], row[2]) for row in out["Молодецьке"].rows} == {
        ("Леніне", "uk", 9112905), ("Ленино", "ru", 9112905)}
    assert all(row[3] == "Molodets'ke" and row[4] == 2016 and "KOATUU 1422756301" in row[5]
               for row in out["Молодецьке"].rows)
    assert out["Небувале"].geonameid is None and "no populated place" in out["Небувале"].skipped
    # with the packaged table, what it already holds is not repeated
    again = {o.renaming.current: o for o in tool.match(gaz, found)}
    assert again["Молодецьке"].rows == () and again["Молодецьке"].skipped == "already in the table"


KATOTTG_OLD = """Перший рівень;Другий рівень;Третій рівень;Четвертий рівень;Додатковий рівень;Категорія;Назва
UA14000000000091971;;;;;O;Донецька
UA14000000000091971;UA14100000000000001;UA14100010000000001;UA14100010010000001;;M;Донецьк
UA14000000000091971;UA14160000000061982;UA14160190000059231;;;H;Очеретинська
UA14000000000091971;UA14160000000061982;UA14160190000059231;UA14160190010012632;;X;Очеретине
UA14000000000091971;UA14160000000061982;UA14160190000059231;UA14160190100077522;;C;Красногорівка
UA14000000000091971;UA14160000000061982;UA14160190000059231;UA14160190200000001;;C;Іскра
UA14000000000091971;UA14160000000061982;UA14160190000059231;UA14160190300000001;;C;Желанне
"""


def test_katottg_editions_give_renamings_placed_near_their_hromada_centre(tool, gaz, tmp_path):
    old, new = tmp_path / "old.csv", tmp_path / "new.csv"
    old.write_text(KATOTTG_OLD, encoding="utf-8")
    renamed = KATOTTG_OLD.replace(";C;Красногорівка", ";C;Ясногорівка").replace(";C;Іскра", ";C;Андріївка-Клевцове")
    new.write_text(renamed, encoding="utf-8")  # Желанне keeps its name: no renaming
    found = tool.katottg_renamings(gaz, old, new, year=2024, source="test editions", oblasts=["14"])
    assert [(r.former, r.current, r.admin1, r.centre) for r in found] == [
        ("Красногорівка", "Ясногорівка", "05", ("Очеретине",)),
        ("Іскра", "Андріївка-Клевцове", "05", ("Очеретине",))]
    assert "KATOTTG UA14160190100077522: Красногорівка → Ясногорівка (test editions)" == found[0].source
    out = {o.renaming.current: o for o in tool.match(gaz, found, table=())}
    # the village near Ocheretyne, not the town Krasnohorivka that still bears the name 25 km away
    assert {(row[0], row[1], row[2]) for row in out["Ясногорівка"].rows} == {
        ("Красногорівка", "uk", 9113135), ("Красногоровка", "ru", 9113135)}
    # Andriivka-Klevtsove (Volnovakha raion) lies some 60 km from Ocheretyne: not this hromada's village
    assert out["Андріївка-Клевцове"].geonameid is None and "no populated place" in out["Андріївка-Клевцове"].skipped


def test_katottg_without_its_columns_is_an_error(tool, gaz, tmp_path):
    p = tmp_path / "k.csv"
    p.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no KATOTTG rows"):
        tool.katottg_renamings(gaz, p, p, year=2024, source="x")
