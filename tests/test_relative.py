"""Places relative to a named one (geo.relative), and their wiring into extraction (geo.extract).

The sentences in the tables are written for these tests; the seed report is read by path.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyproj import Geod

from frontmap.errors import CoordinateError
from geo.model import CoordSource
from geo.relative import KINDS, Relation, bearing_of, derive_point, find_relation

GEOD = Geod(ellps="WGS84")


def _rel(sentence: str, name: str) -> Relation | None:
    i = sentence.index(name)
    return find_relation(sentence, i, i + len(name))


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "bearing", "km"),
    [
        ("Russian units advanced 3 km north-east of Pokrovsk.", "Pokrovsk", "direction-of", 45.0, 3.0),
        ("They advanced about 4 kilometers westward from the Fedorovka line.", "Fedorovka", "direction-of", 270.0, 4.0),
        ("Troops advanced two kilometres to the north of Lyman.", "Lyman", "direction-of", 0.0, 2.0),
        ("They moved 500 m north-west of the village of Ivanivka.", "Ivanivka", "direction-of", 315.0, 0.5),
        ("Positions 1.5 km SE of Bakhmut were hit.", "Bakhmut", "direction-of", 135.0, 1.5),
        ("Russian forces captured Zolota Nyva (5 km south-west) on Monday.", "Zolota Nyva", "direction-of", 225.0, 5.0),
        ("Advances 3 miles east of Kreminna were seen.", "Kreminna", "direction-of", 90.0, 3 * 1.609344),
        ("A pocket south of Dimitrov is being cleared.", "Dimitrov", "direction-of", 180.0, None),
        ("Our troops cut the road west of Zakotnoye.", "Zakotnoye", "direction-of", 270.0, None),
        ("Fighting goes on in the northern part of Kupiansk.", "Kupiansk", "part", 0.0, None),
        ("Fighting goes on in the eastern part of the town of Chasiv Yar.", "Chasiv Yar", "part", 90.0, None),
        ("Fighting goes on in the north of Kupiansk.", "Kupiansk", "part", 0.0, None),
        ("Units are storming Kupyansk's northern districts.", "Kupyansk", "part", 0.0, None),
        ("Russian units are advancing on the southern outskirts of Primorskoye.", "Primorskoye", "outskirts", 180.0, None),
        ("Fighting is reported on the outskirts of Lyman.", "Lyman", "outskirts", None, None),
    ],
)
def test_find_relation(sentence: str, name: str, kind: str, bearing: float | None, km: float | None) -> None:
    r = _rel(sentence, name)
    assert r is not None and r.kind in KINDS
    assert (r.kind, r.bearing) == (kind, bearing)
    assert r.distance_km == (pytest.approx(km) if km is not None else None)
    assert sentence[r.start : r.end] == r.text  # the span is where the phrase is written


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Russian troops captured Lyman.", "Lyman"),
        ("Fighting continues near Pokrovsk.", "Pokrovsk"),
        ("Drones were launched from the direction of Kursk.", "Kursk"),
        ("The Southern Military District of Rostov reported.", "Rostov"),
        ("Fighting near Southern Ozerne.", "Ozerne"),
    ],
)
def test_no_relation(sentence: str, name: str) -> None:
    assert _rel(sentence, name) is None


def test_find_relation_refuses_a_span_outside_the_sentence() -> None:
    with pytest.raises(ValueError, match="not inside"):
        find_relation("short", 2, 40)


@pytest.mark.parametrize(
    ("word", "deg"),
    [("north", 0.0), ("North-East", 45.0), ("southeast", 135.0), ("westward", 270.0), ("southern", 180.0),
     ("SW", 225.0), ("north-northwest", 337.5), ("northwesterly", 315.0), ("up", None)],
)
def test_bearing_of(word: str, deg: float | None) -> None:
    assert bearing_of(word) == deg


@pytest.mark.parametrize(
    ("relation", "metres", "radius"),
    [
        (Relation("direction-of", 45.0, 3.0), 3000.0, 1900.0),
        (Relation("direction-of", 270.0, 10.0), 10000.0, 4000.0),
        (Relation("direction-of", 180.0, None), 3000.0, 3000.0),
        (Relation("part", 0.0), 1000.0, 1500.0),
        (Relation("outskirts", 90.0), 2000.0, 1500.0),
    ],
)
def test_derive_point_goes_the_written_way(relation: Relation, metres: float, radius: float) -> None:
    lat0, lon0 = 48.28, 37.18
    lat, lon, unc = derive_point(lat0, lon0, relation)
    az, _, dist = GEOD.inv(lon0, lat0, lon, lat)
    assert dist == pytest.approx(metres, rel=1e-6)
    assert (az % 360.0) == pytest.approx(relation.bearing, abs=1e-6)
    assert unc == radius


def test_derive_point_without_a_side_stays_on_the_anchor() -> None:
    assert derive_point(48.28, 37.18, Relation("outskirts")) == (48.28, 37.18, 2500.0)


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 37.0), (48.0, 181.0), (float("nan"), 37.0)])
def test_derive_point_refuses_a_bad_anchor(lat: float, lon: float) -> None:
    with pytest.raises(CoordinateError):
        derive_point(lat, lon, Relation("part", 0.0))


# --------------------------------------------------------------------------- wired into extraction


def test_extract_derives_the_point_from_its_anchor(gaz) -> None:
    from geo.extract import extract_text

    plain = {c.place: c for c in extract_text("Russian troops captured Pokrovsk.", gaz)}["Pokrovsk"]
    claims = {c.place: c for c in extract_text("Russian units advanced 3 km north-east of Pokrovsk.", gaz)}
    c = claims["Pokrovsk"]
    assert c.role == "event"
    assert (c.geonameid, c.name) == (plain.geonameid, plain.name)  # the anchor is kept
    assert c.derived_from == plain.name and c.coord_source is CoordSource.DERIVED and c.precision == 2
    az, _, dist = GEOD.inv(plain.lon, plain.lat, c.lon, c.lat)
    assert dist == pytest.approx(3000.0, rel=1e-6) and az == pytest.approx(45.0, abs=1e-6)
    assert c.uncertainty_m == 1900.0
    assert plain.derived_from == "" and plain.coord_source is not CoordSource.DERIVED


def test_extract_derived_points_on_real_seed(gaz, shared_dir: Path) -> None:
    from geo.extract import extract_files

    result = extract_files([shared_dir / "seeds" / "001_5038a288d9bf8bc4.txt"], gaz)
    derived = [c for c in result.claims if c.coord_source is CoordSource.DERIVED]
    assert derived, "the seed puts advances west of, south of and north of named places"
    for c in derived:
        assert c.derived_from and c.geonameid is not None and c.precision == 2 and c.role == "event"
        assert c.uncertainty_m is not None and c.uncertainty_m >= 1000.0
        assert re.search(r"(?:north|south|east|west|outskirts|part)", c.quote, re.IGNORECASE)
    # "about 4 kilometers westward from the Fedorovka line": 4 km west of the anchor
    fed = next(c for c in derived if c.place == "Fedorovka")
    anchor = gaz.place(fed.geonameid)
    az, _, dist = GEOD.inv(anchor.lon, anchor.lat, fed.lon, fed.lat)
    assert dist == pytest.approx(4000.0, rel=1e-6) and (az % 360) == pytest.approx(270.0, abs=1e-6)


def test_windows_the_shortcut_refuses_match_no_pattern_before_a_mention() -> None:
    # find_relation searches the window before a mention with a language's patterns only when its last word may
    # end one of them: every window a pattern matches must pass that language's test
    import random

    from geo import relative as rel

    words = ["3", "km", "about", "4", "kilometers", "north-east", "westward", "south", "NE", "northern", "part",
             "districts", "outskirts", "approaches", "to", "the", "a", "of", "from", "OF", "From", "THE", "A",
             "settlement", "urban-type", "village", "in", "road", "half", "x",
             "в", "5", "км", "к", "северу", "юго-западу", "севернее", "Западнее", "от", "северной", "части", "окраине",
             "села", "населенного", "пункта", "на", "за", "північ", "південний", "захід", "від", "північніше",
             "північній", "околиці", "частині", "у", "міста", "километрах", "двох", "кілометрів", "оᲄ"]
    rnd = random.Random(2)
    for _ in range(20000):
        before = "".join(rnd.choice(words) + rnd.choice([" ", " ", "  ", "\n", "-", ", "]) for _ in range(rnd.randint(1, 9)))
        for g in rel._GRAMMARS:
            for pattern in (g.dist_dir, g.dir_of, g.part_before, g.outskirts_before):
                if pattern.search(before):
                    assert g.may_relate_before(before), (g.lang, pattern.pattern[:30], before)


_CAPITAL = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]*")


def _anchor(example: str) -> tuple[int, int]:
    """The span of an example's anchor: its last capitalised word (every example ends its phrase on it)."""
    m = list(_CAPITAL.finditer(example))[-1]
    return m.start(), m.end()


@pytest.mark.parametrize("row", __import__("geo.rules.lookup", fromlist=["lookup_rows"]).lookup_rows("town_parts"),
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_town_parts_row_reads_its_example(row) -> None:
    """Each row of geo/rules/town_parts.jsonl, in its example, names a part (or the outskirts) of the town after it."""
    from geo.rules.lookup import row_pattern

    r = find_relation(row.example, *_anchor(row.example))
    assert r is not None and r.kind == row.cls, row.line
    assert re.search(row_pattern(row), r.text, re.IGNORECASE), row.line
    # without the noun, no part and no outskirts
    plain = re.sub(row_pattern(row), "bank", row.example, flags=re.IGNORECASE)
    assert find_relation(plain, *_anchor(plain)) is None, row.line


@pytest.mark.parametrize("row", __import__("geo.rules.lookup", fromlist=["lookup_rows"]).lookup_rows("bearings"),
                         ids=lambda r: f"{r.line}:{r.phrase}:{r.lang}")
def test_a_bearings_row_reads_its_example(row) -> None:
    """Each row of geo/rules/bearings.jsonl, in its example, is read into the relation to the place after it."""
    from geo.rules.lookup import row_pattern

    start, end = _anchor(row.example)
    r = find_relation(row.example, start, end)
    assert r is not None, row.line
    if row.get("bearing") is not None:
        assert r.bearing == float(row.get("bearing")), row.line
    expected = {"point": "direction-of", "comparative": "direction-of", "abbreviation": "direction-of",
                "link": "direction-of", "toward": "direction-of", "inside": "part", "adjective": ("part", "outskirts"),
                "part-link": "part", "side": "part", "suffix": "part" if row.get("form") == "adjective" else "direction-of"}
    if row.cls in expected:
        assert r.kind in expected[row.cls], row.line
    if row.cls == "inside":  # the words before the phrase make it a part
        assert re.search(row_pattern(row) + r"\s+$", row.example[: r.start], re.IGNORECASE), row.line
    elif row.cls == "hedge":  # it stands right before the phrase, between it and the name it places (geo.resolve)
        from geo.resolve import _OWN_BEARING_GAP

        named = re.search(r"(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]+(?=\s*,)", row.example)
        assert _OWN_BEARING_GAP.fullmatch(row.example, named.end(), r.start), row.line
        assert re.search(row_pattern(row) + r"\s+$", row.example[: r.start], re.IGNORECASE), row.line
        plain = re.sub(row_pattern(row) + r"\s+", "quite ", row.example, flags=re.IGNORECASE)
        r2 = find_relation(plain, *_anchor(plain))
        assert not _OWN_BEARING_GAP.fullmatch(plain, named.end(), r2.start), row.line
    elif row.cls == "suffix":
        assert row.key in r.text.casefold(), row.line
    else:
        assert re.search(row_pattern(row), r.text, re.IGNORECASE), row.line
    assert row.example[r.end:start].strip() == "" or row.example[end:r.start] in ("", " (")  # next to the name


def test_a_bad_bearing_is_named_by_its_file_and_line() -> None:
    from frontmap.errors import RuleError
    from geo.rules import Rule, row_number

    with pytest.raises(RuleError, match=r"bearings.jsonl:7: bearing '400'"):
        row_number(Rule("bearings", 7, "north", "en", "point", "x", fields={"bearing": "400"}), "bearing")
    with pytest.raises(RuleError, match=r"distance_words.jsonl:3: km 'x'"):
        row_number(Rule("distance_words", 3, "km", "en", "unit", "x", fields={"km": "x"}), "km")
    # the same check reads a weapon's reach (geo.reach)
    with pytest.raises(RuleError, match=r"actions.jsonl:9: reach_km '0'"):
        row_number(Rule("actions", 9, "FPV", "en", "means", "x", fields={"reach_km": "0"}), "reach_km")


# --------------------------------------------------------------------------- Russian and Ukrainian


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "bearing", "km"),
    [
        # Russian MoD bulletin
        ("Подразделения группировки войск «Центр» продвинулись в 5 км к северу от Покровска.", "Покровска",
         "direction-of", 0.0, 5.0),
        ("Штурмовые подразделения ведут бои в северной части Покровска.", "Покровска", "part", 0.0, None),
        ("Российские войска закрепились на северной окраине Мирнограда.", "Мирнограда", "outskirts", 0.0, None),
        # Russian milblogger
        ("Наши штурмовики продвинулись севернее Покровска и зачищают лесополосы.", "Покровска", "direction-of", 0.0, None),
        ("Бои идут к юго-западу от Курахово, у Дачного.", "Курахово", "direction-of", 225.0, None),
        ("Штурмовые группы продвинулись примерно в 2,5 километрах западнее Торецка.", "Торецка", "direction-of", 270.0,
         2.5),
        ("ВС РФ вошли в восточную часть села Новоселовка.", "Новоселовка", "part", 90.0, None),
        # Ukrainian General Staff
        ("Ворог намагався просунутися за 5 км на північ від Покровська.", "Покровська", "direction-of", 0.0, 5.0),
        ("Сили оборони відбили атаку ворога північніше Покровська.", "Покровська", "direction-of", 0.0, None),
        ("Окупанти атакували наші позиції на південний захід від Торецька.", "Торецька", "direction-of", 225.0, None),
        # DeepState
        ("Ворог просунувся на північній околиці Покровська.", "Покровська", "outskirts", 0.0, None),
        ("Окупанти просунулися у північній частині Куп'янська.", "Куп'янська", "part", 0.0, None),
        ("Ворог закріпився за півтора кілометри на схід від села Шевченко.", "Шевченко", "direction-of", 90.0, 1.5),
    ],
)
def test_find_relation_russian_and_ukrainian(sentence: str, name: str, kind: str, bearing: float | None,
                                             km: float | None) -> None:
    r = _rel(sentence, name)
    assert r is not None and (r.kind, r.bearing) == (kind, bearing), r
    assert r.distance_km == (pytest.approx(km) if km is not None else None)
    assert sentence[r.start : r.end] == r.text


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Российские войска освободили Покровск.", "Покровск"),
        ("Бои идут в районе Покровска.", "Покровска"),
        ("На Покровському напрямку ворог атакував поблизу Покровська.", "Покровська"),
        ("Северная группа войск наступает у Волчанска.", "Волчанска"),
        ("Ворог обстріляв Північну Салтівку.", "Салтівку"),
    ],
)
def test_no_relation_russian_and_ukrainian(sentence: str, name: str) -> None:
    assert _rel(sentence, name) is None


@pytest.mark.parametrize(
    ("text", "place", "metres", "bearing"),
    [
        # General Staff: a bearing and a distance from an inflected name
        ("На Покровському напрямку ворог 58 разів намагався просунутися за 5 км на південний захід від Покровська.",
         "Покровська", 5000.0, 225.0),
        # MoD bulletin: the part of a town, the name in the genitive
        ("Подразделения группировки войск «Центр» освободили северную часть Мирнограда.", "Мирнограда", 1000.0, 0.0),
        # DeepState: the outskirts
        ("Окупанти просунулися на східній околиці Костянтинівки.", "Костянтинівки", 2000.0, 90.0),
        # a side with its preposition: a part of the town itself ("на севере X", "на півночі X")
        ("Штурмовые отряды ведут бои на севере Мирнограда.", "Мирнограда", 1000.0, 0.0),
        ("Окупанти закріпилися на південному заході Костянтинівки.", "Костянтинівки", 1000.0, 225.0),
        # a comparative opening the sentence is no part of the name after it (a comparative row of
        # geo/rules/bearings.jsonl is a stop word: geo.mentions.STOP_WORDS)
        ("Південніше Покровська ворог намагався просунутися в напрямку Котлиного.", "Покровська", 3000.0, 180.0),
        ("Западнее Торецка наши штурмовые группы продвинулись на 800 метров.", "Торецка", 3000.0, 270.0),
    ],
)
def test_extract_derives_points_from_inflected_anchors(gaz, text: str, place: str, metres: float, bearing: float) -> None:
    from geo.extract import extract_text

    claims = {c.place: c for c in extract_text(text, gaz)}
    c = claims[place]
    assert c.role == "event" and c.coord_source is CoordSource.DERIVED and c.derived_from, c
    anchor = gaz.place(c.geonameid)
    az, _, dist = GEOD.inv(anchor.lon, anchor.lat, c.lon, c.lat)
    assert dist == pytest.approx(metres, rel=1e-6) and (az % 360) == pytest.approx(bearing, abs=1e-6)


@pytest.mark.parametrize("row", [r for r in __import__("geo.rules.lookup", fromlist=["lookup_rows"]).lookup_rows("bearings")
                                 if r.cls == "comparative"], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_comparative_opening_a_sentence_is_no_part_of_the_name_after_it(gaz, row) -> None:
    """A bearings comparative row is a stop word (geo.mentions.STOP_WORDS): capitalised at a sentence's start
    ("Севернее Покровска …", "Південно-західніше Покровська …") it is neither a place nor a name's adjective."""
    from geo.mentions import STOP_WORDS, find_mentions
    from geo.rules.lookup import row_pattern

    assert row.key in STOP_WORDS
    m = re.search(row_pattern(row), row.example, re.IGNORECASE)
    rest = row.example[m.end():]  # " Покровска.", " Покровська."
    text = m.group(0)[0].upper() + m.group(0)[1:] + rest
    name = rest.split()[0].rstrip(".")
    mentions = [t.text for t in find_mentions(text, gaz)]
    assert name in mentions and not any(row.key in t.casefold() for t in mentions), (text, mentions)
