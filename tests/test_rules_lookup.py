"""The look-up rule tables (geo/rules/outlets.jsonl, cues.jsonl, name_kinds.jsonl, units.jsonl, calendar.jsonl) and
the groups of forces of geo/rules/not_places.jsonl that name units: checked on load, every row's example read back
through its reader."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from frontmap.errors import RuleError
from _claims_factory import claim_at
from geo.claims import analyse_mention
from geo.claims.claimant import _METONYMS
from geo.claims.units import find_units
from geo.claims.voice import source_claimant
from geo.dates import _month, date_and_scope
from geo.mentions import (_ANY_AFTER, _CALLED_CUE, _CUE_FILLERS, _CUE_STEMS, _LIST_CUE, _NOT_SETTLEMENT_AFTER,
                          _NOT_SETTLEMENT_BEFORE, _SETTLEMENT_CUE, _STRONG_CUE, _TITLES, _WATER_AFTER, _WEAK_CUE,
                          _in_called_list, _person_like)
from geo.model import Claimant, Report
from geo.rules import load_table
from geo.rules.lookup import LOOKUP_TABLES, class_pattern, first_letter_test, lookup_rows, row_pattern, rows_pattern
from geo.rules.matcher import is_not_place, rows

OUTLETS = lookup_rows("outlets")
CUES = lookup_rows("cues")


@pytest.mark.parametrize("row", OUTLETS + CUES, ids=lambda r: f"{r.table}:{r.line}:{r.phrase}")
def test_every_lookup_row_reads_back_from_its_example(row) -> None:
    assert re.search(row_pattern(row), row.example, re.IGNORECASE), f"{row.table}.jsonl:{row.line}"
    assert class_pattern(row.table, row.cls).search(row.example.casefold())


@pytest.mark.parametrize("table", LOOKUP_TABLES)
def test_the_first_letter_test_admits_every_row_where_it_matches(table) -> None:
    # the look-ahead before an alternation only skips places: each row, where its expression matches its
    # example in any case, starts with a character the test admits, and the whole alternation still finds it
    for row in lookup_rows(table):
        for text in (row.example, row.example.upper(), row.example.lower(), row.example.title()):
            m = re.search(row_pattern(row), text, re.IGNORECASE)
            if m is None:
                continue
            assert re.match(first_letter_test([row]), text[m.start():]), f"{table}.jsonl:{row.line}: {text!r}"
            assert re.search(rows_pattern(r for r in lookup_rows(table) if r.cls == row.cls), text[m.start():],
                             re.IGNORECASE), f"{table}.jsonl:{row.line}: {text!r}"


def test_the_first_letter_test_rejects_what_no_row_starts_with() -> None:
    clause = [r for r in lookup_rows("conjunctions") if r.cls == "clause"]
    test = re.compile(first_letter_test(clause))
    assert test.match("But") and test.match("но") and not test.match("7") and not test.match(" but")
    assert first_letter_test([]) == ""


_SOURCE = {"isw": Claimant.ISW, "deepstate": Claimant.DEEPSTATE, "milblogger": Claimant.RU_MILBLOGGER}


@pytest.mark.parametrize("row", [r for r in OUTLETS if r.cls in _SOURCE or r.cls == "blog-host"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_an_outlet_row_gives_its_claimant(row) -> None:
    url = row.example if "://" in row.example else ""
    got = source_claimant(Report(text="" if url else row.example, url=url))
    if row.cls == "blog-host":
        assert got is None  # a blog or a post: the claimant is left to the author
    else:
        assert got is _SOURCE[row.cls]


def test_an_agency_relays_the_ministry_only_with_a_hint() -> None:
    assert source_claimant(Report(text="", url="https://tass.com/politics/1-liberated")) is Claimant.RU_MOD
    assert source_claimant(Report(text="", url="https://tass.com/politics/1-economy")) is Claimant.MEDIA
    assert source_claimant(Report(text="General Staff of the Armed Forces of Ukraine: the enemy attacked 40 times.",
                                  url="")) is Claimant.UA_GENERALSTAFF
    # a General Staff not said to be Ukraine's is no Ukrainian claimant
    assert source_claimant(Report(text="The General Staff said the enemy attacked.", url="")) is None


# which expression reads each class: a cue class's own, a filler after the cues it may follow
_CUE_READERS = {"called": (_CALLED_CUE, _SETTLEMENT_CUE, _STRONG_CUE), "settlement": (_SETTLEMENT_CUE, _STRONG_CUE),
                "strong": (_STRONG_CUE,), "weak": (_WEAK_CUE,), "filler": (_STRONG_CUE,), "filler-open": (_STRONG_CUE,)}


@pytest.mark.parametrize("row", [r for r in CUES if r.cls in _CUE_READERS], ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_cue_row_makes_the_name_after_it_a_cued_one(row) -> None:
    # the words before the first name after the phrase end in a cue of the row's class
    m = re.search(row_pattern(row), row.example, re.IGNORECASE)
    name = re.compile(r"\b[A-Z]").search(row.example, m.end())
    assert name, f"cues.jsonl:{row.line}: no name after the phrase in the example"
    window = row.example[:name.start()]
    for pattern in _CUE_READERS[row.cls]:
        assert pattern.search(window), (row.line, pattern.pattern[:40])
    if row.cls == "filler-open":
        assert not _CALLED_CUE.search(window)  # an open filler follows no called cue


@pytest.mark.parametrize("row", [r for r in CUES if r.cls.startswith("list")], ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_list_row_makes_the_items_after_it_settlements(row) -> None:
    # "the villages of A, B and C": after a list word the last item, after a list-item word each item
    m = re.search(row_pattern(row), row.example, re.IGNORECASE)
    names = [n.start() for n in re.finditer(r"\b[A-Z]", row.example[m.end():])]
    assert len(names) >= 3, f"cues.jsonl:{row.line}: the example lists three names after the phrase"
    if row.cls == "list":
        assert _LIST_CUE.search(row.example[:m.end() + names[-1]])
    else:
        from geo.mentions import _LIST_ITEM_CUE, _LIST_VERB_CUE
        cue = _LIST_VERB_CUE if row.cls == "list-verb" else _LIST_ITEM_CUE
        assert _in_called_list(row.example, m.end() + names[1], cue)
        other = row.example[:m.start()] + "with" + row.example[m.end():]  # the list without its word
        assert not _in_called_list(other, m.start() + len("with") + names[1], cue)


def test_the_cue_gate_is_read_off_the_rows() -> None:
    assert {"liberat", "captur", "seiz", "occup"} <= set(_CUE_STEMS)
    assert {"the", "of", "village", "near"} <= _CUE_FILLERS
    assert _STRONG_CUE.search("units recaptured ") and not _WEAK_CUE.search("fighting within ")


def test_groups_of_forces_are_one_table_for_units_and_not_places() -> None:
    for r in rows("not_places"):
        if r.cls == "group-of-forces" and r.lang == "en":
            name = r.phrase.split()[0]
            units = find_units(f"Units of the {name} Group of Forces advanced.")
            assert [u[0] for u in units] == [f"{name} Group of Forces"], r.line
            assert is_not_place(r.phrase)
    # a row with its word group: the word alone stays a place (the city of Dnipro)
    assert not is_not_place("Dnipro") and is_not_place("Dnipro Group")


def _write(tmp_path, table, rows_):
    (tmp_path / f"{table}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows_))


GOOD_OUTLET = {"phrase": "substack", "lang": "any", "class": "blog-host", "match": "part",
               "example": "https://example.substack.com/p/1"}


@pytest.mark.parametrize("bad, message", [
    ({**GOOD_OUTLET, "class": "newspaper"}, "class 'newspaper' is not one of"),
    ({**GOOD_OUTLET, "phrase": " "}, "empty phrase"),
    ({**GOOD_OUTLET, "example": "https://example.org"}, "the example does not hold the phrase"),
    ({**GOOD_OUTLET, "match": "lemma"}, "match 'lemma' is not one of"),
])
def test_a_bad_lookup_row_names_file_and_line(tmp_path, bad, message) -> None:
    classes, fields, matches = LOOKUP_TABLES["outlets"]
    _write(tmp_path, "outlets", [GOOD_OUTLET | {"phrase": "nitter", "example": "https://nitter.net/x"}, bad])
    with pytest.raises(RuleError, match=rf"outlets\.jsonl:2: {message}"):
        load_table("outlets", classes=classes, fields=fields, matches=matches, folder=tmp_path)


def test_a_duplicate_lookup_row_is_an_error(tmp_path) -> None:
    classes, fields, matches = LOOKUP_TABLES["cues"]
    row = {"phrase": "near", "lang": "en", "class": "settlement", "example": "Fighting near Tykhe."}
    _write(tmp_path, "cues", [row, row | {"example": "Shelling near Lyman."}])
    with pytest.raises(RuleError, match=r"cues\.jsonl:2: duplicate of line 1"):
        load_table("cues", classes=classes, fields=fields, matches=matches, folder=tmp_path)


def test_a_sentence_table_takes_no_part_rows(tmp_path) -> None:
    # ``part`` (inside a word) is for hosts and heads; a sentence's phrase is whole words
    _write(tmp_path, "demo", [GOOD_OUTLET | {"class": "x"}])
    with pytest.raises(RuleError, match=r"demo\.jsonl:1: match 'part' is not one of"):
        load_table("demo", classes={"x"}, folder=tmp_path)


CALENDAR = lookup_rows("calendar")
_MONDAY = dt.date(2025, 6, 9)


@pytest.mark.parametrize("row", CALENDAR, ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_calendar_row_dates_its_example(row) -> None:
    found, _ = date_and_scope(row.example, _MONDAY)
    if row.cls == "weekday":
        assert found is not None and found.weekday() == int(row.get("weekday")), row.line
    elif row.cls == "month-day":  # a day of the month without its name: the report's month
        day = int(re.search(rf"(\d+)\S*\s+{re.escape(row.phrase)}", row.example, re.IGNORECASE)[1])
        assert found == _MONDAY.replace(day=day), row.line
    elif re.search(rf"\d\s+{re.escape(row.phrase)}", row.example, re.IGNORECASE):  # a day before the month
        assert found is not None and found.month == int(row.get("month")), row.line
    else:  # a month's name without a day ("за январь 2025 года") dates nothing, but is the month
        assert _month(row.phrase) == int(row.get("month"))


def test_a_title_case_month_is_a_month_only_when_capitalised() -> None:
    assert date_and_scope("Russian forces entered Tykhe on 5 May.", _MONDAY)[0] == dt.date(2025, 5, 5)
    assert date_and_scope("Russian forces may enter Tykhe on 5 may.", _MONDAY)[0] is None
    # an apostrophe in any spelling, as in every table
    for ap in "'’ʼ":
        assert date_and_scope(f"У п{ap}ятницю війська увійшли в Тихе.", _MONDAY)[0] == dt.date(2025, 6, 6)


NAME_KINDS = lookup_rows("name_kinds")


@pytest.mark.parametrize("row", NAME_KINDS, ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_name_kind_row_reads_the_name_beside_it(row) -> None:
    m = re.search(row_pattern(row), row.example, re.IGNORECASE)
    assert m, f"name_kinds.jsonl:{row.line}"
    if row.cls == "title-before":
        assert row.key in _TITLES  # read by test_a_title_row_makes_the_name_after_it_a_person
        return
    if row.cls in ("premises-after", "nickname-before"):
        return  # read by test_a_premises_or_nickname_row_reads_back
    if row.cls == "other-name":  # "Dzerzhynsk, now known as Toretsk": the two names are one place's
        from geo.resolve import _PAIR_GAP
        before = list(re.finditer(r"\b[A-Z]\w+", row.example[:m.start()]))[-1]
        after = re.compile(r"\b[A-Z]\w+").search(row.example, m.end())
        gap = row.example[before.end():after.start()]
        assert _PAIR_GAP.fullmatch(gap) and _PAIR_GAP.fullmatch(gap.upper()), (row.line, gap)
        assert not _PAIR_GAP.fullmatch(gap.replace(m.group(0), "near")), (row.line, gap)
        return
    if row.cls in ("called-before", "called-list-before"):  # "села Искра", "три населённых пункта: Хорошее, …"
        from geo.mentions import _CYR_CALLED
        name = re.compile(r"(?<!\w)[А-ЯЁІЇЄҐ]").search(row.example, m.end())
        assert _CYR_CALLED.search(row.example, max(0, name.start() - 30), name.start()), row.line
        assert _CYR_CALLED.search(row.example.upper(), max(0, name.start() - 30), name.start()), row.line
        # a called-before word calls only the name right after it ("села (Искра" calls nothing); a
        # called-list-before word calls its list with a colon or without one ("в районах населенных пунктов A, B")
        if row.cls == "called-before":
            joined = row.example[:m.end()] + " (" + row.example[m.end():].lstrip(" :")
            at = joined.index(row.example[name.start():])
            assert not _CYR_CALLED.search(joined, max(0, at - 30), at), row.line
        else:
            joined = row.example[:m.end()] + " " + row.example[m.end():].lstrip(" :")
            at = joined.index(row.example[name.start():])
            assert _CYR_CALLED.search(joined, max(0, at - 30), at), row.line
        return
    if row.cls == "place-before":  # "у Культурі", "в районе Счастья": the capitalised word right after the phrase
        from geo.mentions import _placed_before
        name = re.compile(r"(?<!\w)[А-ЯЁІЇЄҐ]").search(row.example, m.end())
        assert name and row.example[m.end():name.start()] == " ", row.line
        assert _placed_before(row.example, name.start()), row.line
        assert not _placed_before(row.example[:m.start()] + "x" + row.example[m.start():], name.start() + 1), row.line
        return
    if row.cls == "seat-of-power":  # the name, with its article or without, stands for its government
        assert _METONYMS.match(m.group(0)) and _METONYMS.match(f"the {m.group(0)}") and not _METONYMS.match(f"{m.group(0)} Oblast")
        # its possession speaks: "Tokyo's negotiators", where a town's would not
        name = m.group(0)
        assert claim_at(f"{name}'s negotiators rejected the plan for Tykhe.", name).role == "speaker", row.line
        return
    if row.cls == "modified-after":  # the example's first word is a name that only qualifies the noun after it
        from geo.claims.role import _MODIFIER_AFTER
        assert m.start() == row.example.index(" ") + 1 and _MODIFIER_AFTER.match(row.example[m.start() - 1:]), row.line
        assert not _MODIFIER_AFTER.match(" forces took the village.")
        return
    if row.cls == "line-after":  # a name, or a chain of names joined by dashes, before the word names a line
        from geo.claims.role import _LINE_AFTER
        first = re.compile(r"[A-Z][\w'’]+").search(row.example, 1)  # the chain's first name (not the sentence's first word)
        assert _LINE_AFTER.match(row.example[first.end():]), row.line
        other = row.example[:m.start()] + "town" + row.example[m.end():]
        assert not _LINE_AFTER.match(other[first.end():]), row.line
        return
    if row.cls == "line-along":  # each link of the chain after the phrase is a place on the line, not its name only
        from geo.claims.role import along_chain
        links = list(re.finditer(r"[A-ZА-ЯЁІЇЄҐ][\w'’]*(?: [A-ZА-ЯЁІЇЄҐ][\w'’]*)?", row.example[m.end():]))
        assert len(links) >= 2, row.line
        other = row.example[:m.start()] + "to" + row.example[m.end():]
        shift = m.start() + 2 - m.end()
        for link in links:
            s, e = m.end() + link.start(), m.end() + link.end()
            assert along_chain(row.example, s, e), row.line
            assert not along_chain(other, s + shift, e + shift), row.line
        if row.get("chain") == "after":  # the Russian and Ukrainian stretch: its last name takes the clause's verb too
            first, last = (m.end() + links[k].start() for k in (0, -1))
            name = links[-1].group(0)
            got = analyse_mention(row.example, last, last + len(name))
            assert got.role == "event" and got.action == analyse_mention(row.example, first, first + len(links[0].group(0))).action, row.line
            assert analyse_mention(other, last + shift, last + shift + len(name)).role != "event", row.line
        return
    if row.cls == "street-before":  # the street's name after the word, and each name listed after it, is no village
        from geo.mentions import _on_street
        names = [n for n in re.finditer(r"(?<!\w)[А-ЯЁІЇЄҐ]\w+", row.example) if n.start() > m.end()]
        assert _on_street(row.example, names[0].start()), row.line
        listed = row.example[:names[0].end()] + " и Садовая" + row.example[names[0].end():]
        assert _on_street(listed, listed.index("Садовая", names[0].end())), row.line
        # the town after the street ("… в Покровске") is a place; without the word, the name is one too
        assert not _on_street(row.example, names[-1].start()), row.line
        other = row.example[:m.start()] + "селу" + row.example[m.end():]
        assert not _on_street(other, names[0].start() - m.end() + m.start() + len("селу")), row.line
        return
    if row.cls == "not-settlement-before":
        name = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ]").search(row.example, m.end())
        assert _NOT_SETTLEMENT_BEFORE.search(row.example[:name.start()])
        return
    after = re.compile(r"\s+\S").search(row.example[:m.start()][::-1])  # the name's end: the spaces before the word
    at = m.start() - after.end() + 1
    pattern = _WATER_AFTER if row.cls == "water-after" else _NOT_SETTLEMENT_AFTER
    assert pattern.match(row.example[at:at + 40]) and _ANY_AFTER.match(row.example, at, at + 40), row.line
    lower = row.example[:m.start()] + m.group(0).lower() + row.example[m.end():]
    # a title row says so only as written ("Pokrovsk Road"; "the Pokrovsk road" leads to the town); the others in any case
    assert bool(pattern.match(lower[at:at + 40])) is (row.get("case") != "title"), row.line
    if row.cls == "water-after":  # the water's name is looked up without the word ("Oskil River": Oskil)
        from geo.resolve import _KIND_WORD
        assert _KIND_WORD.sub("", f"Oskil {m.group(0)}") == "Oskil", row.line


UNITS = lookup_rows("units")
_UNIT_RANK = {"group-before": 4, "group-after": 4, "district": 5}


@pytest.mark.parametrize("row", [r for r in UNITS if r.cls in _UNIT_RANK or r.get("rank")],
                         ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_unit_row_names_a_unit_in_its_example(row) -> None:
    # a proper name's words: a noun of a rank as written after an ordinal ("25th Brigade"), a group's, a district's
    from geo.claims.units import written_form

    word = written_form(row) if row.cls == "noun" else row.phrase
    units = find_units(row.example)
    rank = int(row.get("rank") or _UNIT_RANK[row.cls])
    assert any(word in name and r == rank for name, _, _, r in units), (row.line, units)
    if row.cls == "noun":
        assert any(re.fullmatch(rf"\d+(?:st|nd|rd|th) .*{re.escape(word)}", name) for name, _, _, _ in units), row.line
    # in lower case no unit
    lower = row.example.replace(word, word.lower())
    assert not any(word.lower() in name.lower() for name, _, _, _ in find_units(lower)), row.line


@pytest.mark.parametrize("row", [r for r in UNITS if r.get("named")], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_named_row_names_a_unit_after_a_name_in_its_example(row) -> None:
    # "the Azov Brigade": capitalised words before the noun as written, a unit of rank 1
    from geo.claims.units import written_form

    word = written_form(row)
    assert any(not name[0].isdigit() and name.endswith(word) and r == 1 for name, _, _, r in find_units(row.example)), \
        row.line


_DESIGNATION = ("designation", "noun")  # the words of a unit's designation in running text, any case


@pytest.mark.parametrize("row", [r for r in UNITS if r.cls in _DESIGNATION + ("adjective",)],
                         ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_designation_row_stands_in_a_units_designation_in_its_example(row) -> None:
    # a designation row, a unit's noun, and an adjective row written small ("25th guards brigade"), is read inside the
    # span of a unit's designation in its example
    from geo.claims.units import find_designations

    example = row.example if row.cls in _DESIGNATION else row.example.lower()
    m = re.search(row_pattern(row, lead=False) if row.cls in _DESIGNATION else re.escape(row.phrase.lower()), example,
                  re.IGNORECASE)
    assert m, (row.line, example)
    assert any(s <= m.start() and m.end() <= e for s, e in find_designations(example)), (row.line, example)


@pytest.mark.parametrize("row", [r for r in NAME_KINDS if r.cls == "title-before"], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_title_row_makes_the_name_after_it_a_person(row, gaz) -> None:
    # "Colonel Ivanov", "военкор Иванов": the capitalised word after a title is a person's name; after another word, not
    name = "Иванов" if row.lang == "ru" else "Ivanov"
    at = row.example.index(name)
    assert _person_like(row.example, at, gaz), row.line
    other = ("Вчера Иванов сообщил о боях у Тихого." if row.lang == "ru"
             else "Yesterday Ivanov said Russian forces had taken Tykhe.")
    assert not _person_like(other, other.index(name), gaz)


# ---- the words never a place, lists, countries, back references and front directions (geo/rules/*.jsonl) ----

from geo.claims.role import _LIST_TAIL, _kind_of, _list_may_start  # noqa: E402
from geo.claims.units import _DIRECTION_RE, find_directions  # noqa: E402
from geo.dates import _BACK_REFERENCE, _may_refer_back  # noqa: E402
from geo.mentions import STOP_WORDS  # noqa: E402


def _whole_word(row, text: str) -> re.Match[str]:
    m = re.search(row_pattern(row), text, 0 if row.get("case") == "title" else re.IGNORECASE)
    assert m, f"{row.table}.jsonl:{row.line}: the example does not hold {row.phrase!r}"
    return m


@pytest.mark.parametrize("row", [r for r in lookup_rows("stop_words") if r.cls != "label"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_stop_word_row_is_never_a_place(row) -> None:
    _whole_word(row, row.example)
    assert row.key in STOP_WORDS


@pytest.mark.parametrize("row", [r for r in lookup_rows("stop_words") if r.cls == "label"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_label_row_is_no_place_only_opening_a_line(row, gaz) -> None:
    # "Джерело: DeepState": the label of a credit line; a village of the name stays one elsewhere
    from geo.mentions import find_mentions

    _whole_word(row, row.example)
    assert row.key not in STOP_WORDS
    assert not [m for m in find_mentions(row.example, gaz) if m.text.lower() == row.key]


@pytest.mark.parametrize("row", [r for r in lookup_rows("list_words") if r.cls != "status-before"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_list_word_row_stands_inside_the_list_before_the_place(row) -> None:
    # "Russian forces attacked near Sosnove, occupied Yarova and Novoselivka.", "Під обстріл потрапили Нікопольська,
    # Марганецька та Покровська громади.": the list before the last name holds it
    last = re.findall(r"(?-i:[A-ZА-ЯЁІЇЄҐ])[\w'’-]+", row.example)[-1]
    before = row.example[:row.example.rindex(last)]
    m = _LIST_TAIL.search(before, _list_may_start(before))
    assert m and m.start() <= _whole_word(row, before).start(), row.example


@pytest.mark.parametrize("row", lookup_rows("countries"), ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_country_row_makes_its_mention_a_country(row) -> None:
    m = _whole_word(row, row.example)
    if row.cls == "qualifier":  # "across southern Ukraine": the country's name follows
        end = re.compile(r"\s+\w+").match(row.example, m.end()).end()
        assert _kind_of(row.example, m.start(), end) == "country"
    else:
        assert _kind_of(row.example, m.start(), m.end()) == "country"
    assert _kind_of("Tykhe", 0, 5) == "settlement"


@pytest.mark.parametrize("row", lookup_rows("back_references"), ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_back_reference_row_refers_back(row) -> None:
    m = _BACK_REFERENCE.search(row.example)
    assert m and _may_refer_back(row.example), row.example
    assert re.search(row_pattern(row), m.group(), re.IGNORECASE), (row.line, m.group())


def test_back_reference_words_are_whole_words() -> None:
    assert not _BACK_REFERENCE.search("The ministry saiding Kupiansk was taken.")
    assert not _BACK_REFERENCE.search("It addressed the question of Kupiansk.")


@pytest.mark.parametrize("row", lookup_rows("direction_names"), ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_direction_row_reads_back(row) -> None:
    if row.cls == "area-after":  # "in the Pokrovsk area": the words after the name make it an area's, in any case
        from geo.mentions import _DIRECTION_AFTER
        at = _whole_word(row, row.example).start()
        assert _DIRECTION_AFTER.match(row.example[at - 1:]) and _DIRECTION_AFTER.match(row.example[at - 1:].upper())
        return
    if row.cls == "sector-after":  # "attacked near Tykhe in the Pokrovsk direction": the name is a sector's, in any case
        from geo.claims.role import _DIRECTION_AFTER as _SECTOR_AFTER
        at = _whole_word(row, row.example).start()
        name_end = row.example.rindex(" ", 0, at)
        after = row.example[name_end:]
        assert _SECTOR_AFTER.match(after) and _SECTOR_AFTER.match(after.upper()), row.example
        assert not _SECTOR_AFTER.match(after.replace(row.phrase, "village")), row.example
        if row.get("plural"):  # after a list of names, the plural: "the Lyman, Toretsk and Orikhiv sectors"
            assert _SECTOR_AFTER.match(f", Toretsk and Orikhiv {row.get('plural')} overnight")
            assert not _SECTOR_AFTER.match(", Toretsk and Orikhiv villages overnight")
        return
    m = _DIRECTION_RE.search(row.example)
    assert m, row.example
    if row.cls == "not-name":  # the word before the name is matched, and cut off the direction's name
        assert m.group(1).split()[0] == row.phrase
        assert all(not name.startswith(row.phrase + " ") for name, _, _ in find_directions(row.example))
    else:
        assert any(name.endswith(row.phrase) or f" {row.phrase} " in name for name, _, _ in find_directions(row.example))
    if row.cls == "direction":  # written as the row says: a capitalised direction word is none ("Southern Front")
        assert not _DIRECTION_RE.search(row.example.replace(row.phrase, row.phrase.capitalize()))


@pytest.mark.parametrize("row", [r for r in lookup_rows("conjunctions") if r.cls in ("list", "contrast")],
                         ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_conjunction_row_glues_a_list(row) -> None:
    from geo.claims.clauses import _LIST_GLUE, _names_only
    from geo.mentions import _LIST_CONJUNCTIONS, _LIST_NEXT

    m = _whole_word(row, row.example)
    assert row.key in _LIST_GLUE
    # the names around it, with it, are a list's head
    before = row.example[:m.start()].split()[-1].rstrip(",")
    after = row.example[m.end():].split()[0].rstrip(".,")
    assert _names_only(f"{before}, {row.phrase} {after}") == (row.cls == "list" or after[:1].isupper())
    if row.cls == "list" and row.lang in ("ru", "uk"):  # a Cyrillic list goes on after the name before it
        assert row.key in _LIST_CONJUNCTIONS
        assert _LIST_NEXT.match(row.example, m.start() - 1)
        # a list of sector adjectives after "на" is joined by the conjunctions that add, not by "або", "или"
        from geo.claims.role import _sector_adjective
        sentence = f"Бои на Покровском {row.phrase} Купянском направлениях."
        first = sentence.index("Покровском")
        assert _sector_adjective(sentence, first, first + len("Покровском")) == (row.get("sense") != "or"), row.phrase


@pytest.mark.parametrize("row", [r for r in lookup_rows("name_kinds") if r.cls in ("premises-after", "nickname-before")],
                         ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_premises_or_nickname_row_reads_back(row) -> None:
    from geo.mentions import _NICKNAME_BEFORE, _VENUE_AFTER

    m = _whole_word(row, row.example)
    if row.cls == "premises-after":  # the name before it is a venue's: "the Kramatorsk hotel"
        name = list(re.finditer(r"[^\W\d_]+", row.example[:m.start()]))[-1]
        assert name.group()[:1].isupper() and _VENUE_AFTER.match(row.example, name.end())
    else:  # the capitalised word after it is a nickname: "the call sign Donetsk", "позывным «Донецк»"
        name = re.compile(r"[«\"]?[^\W\d_]").search(row.example, m.end())
        start = name.start() + (row.example[name.start()] in "«\"")
        assert row.example[start].isupper() and _NICKNAME_BEFORE.search(row.example, max(0, start - 16), start)


@pytest.mark.parametrize("row", lookup_rows("distance_words"), ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_distance_word_row_reads_back(row) -> None:
    # "Russian forces advanced near Sokil, two kilometres north of Tykhe.", "в 5 км к северу от Покровска": the
    # distance before the bearing, read by the relation to the place the example ends on
    from geo.relative import find_relation

    name = list(re.finditer(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]*", row.example))[-1]
    r = find_relation(row.example, name.start(), name.end())
    assert r is not None and r.kind == "direction-of" and r.distance_km is not None, row.example
    assert re.search(row_pattern(row), r.text, re.IGNORECASE), row.example
    if row.cls == "number":  # "two kilometres", "в двух километрах": the value in kilometres
        assert r.distance_km == pytest.approx(float(row.get("value")))
    elif row.cls == "unit":  # "3 miles", "3 метрах": three of the unit
        assert r.distance_km == pytest.approx(3 * float(row.get("km")))
    else:  # an approximation or a preposition opens the distance read
        assert r.text.casefold().startswith(row.key)


def _gap_row_word(row, place: str | None):
    """The row's word nearest before ``place`` (the example's last capitalised word; None: its end) in its example."""
    end = len(row.example) if place is None else row.example.rindex(place)
    return list(re.finditer(r"(?<!\w)" + re.escape(row.phrase) + r"(?!\w)", row.example[:end]))[-1]


@pytest.mark.parametrize("row", lookup_rows("gap_words"), ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_gap_word_row_reads_back(row) -> None:
    from geo.claims.action import _Cue, _instrument
    from geo.claims.role import _direct, _venue
    from geo.rules.matcher import read_kinds

    if row.cls == "office":  # "the Zaporizhzhia region governor": the place is the office's seat
        from geo.claims.role import _office_after

        place = re.compile(r"(?:The\s+)?([A-Z]\w+)").match(row.example).end()
        at = row.example.index(row.phrase, place)
        swapped = row.example[:at].rstrip() + " far " + row.example[at + len(row.phrase):].lstrip()
        assert _office_after(row.example, place) and not _office_after(swapped, place), (row.example, swapped)
        curly = row.example.replace("'", "\u2019")  # an apostrophe in any spelling
        assert _office_after(curly, place)
        return
    if row.cls in ("where", "locative"):  # "stationed in X"; "3 km north-east of X toward Y"
        from geo.claims.role import _LOCATIVE_AFTER, _WHERE_TAIL
        m = re.search(row_pattern(row), row.example, re.IGNORECASE)
        swapped = row.example[:m.start()] + "beside" + row.example[m.end():]
        for text, found in ((row.example, True), (swapped, False)):
            if row.cls == "where":
                cue = re.search(r"\b(?:stationed|massed)\b", text)
                assert bool(_WHERE_TAIL.fullmatch(text, cue.end(), text.index("Tykhe"))) is found, text
            else:
                assert bool(_LOCATIVE_AFTER.search(text[text.index("Sokil") + 5:])) is found, text
        return
    if row.cls in ("appositive-head", "appositive-near"):  # "взяли Тихое, поселок недалеко от Северска"
        from geo.claims.role import APPOSITIVE_WHY

        place = re.findall(r"(?-i:[А-ЯЁІЇЄҐ])\w+", row.example)[-1]  # the place the appositive ends in
        m = list(re.finditer(row_pattern(row), row.example[:row.example.rindex(place)], re.IGNORECASE))[-1]
        swapped = row.example[:m.start()] + "и" + row.example[m.end():]  # "и": no word of either class
        for text, located in ((row.example, True), (swapped, False)):
            assert (APPOSITIVE_WHY in claim_at(text, place).why) is located, text
        return
    if row.cls in ("passive", "passive-adverb"):  # "Tykhe was reportedly liberated": the cue after governs the place
        m = re.search(row_pattern(row), row.example, re.IGNORECASE)
        swapped = row.example[:m.start()] + "and" + row.example[m.end():]
        for text, direct in ((row.example, True), (swapped, False)):
            place = re.findall(r"(?-i:[A-ZА-ЯЁІЇЄҐ])\w+", text[:m.start()])[-1]  # the name right before the passive
            place = re.compile(re.escape(place)).search(text, text[:m.start()].rindex(place))
            cue = next(h for h in read_kinds(text)[("actions", "action")] if h.start >= place.end())
            cue = _Cue(cue.rule.get("action"), "", cue.start, cue.end, cue.text)
            assert _direct(text, cue, place.start(), place.end(), strict=True) is direct, text
        return
    names = re.findall(r"(?-i:[A-ZА-ЯІЇЄҐ])\w+", row.example)
    place = "Istanbul" if row.cls == "venue" else None if row.cls == "instrument" else names[-1]
    m = _gap_row_word(row, place)
    # the word replaced by one of no class of its row ("beside": no direct word; "at": no across word)
    other = {"direct": "beside", "direct-settlement": "beside", "across": "at", "instrument": "and", "venue": "near"}[row.cls]
    if row.lang in ("ru", "uk"):  # "и" joins the items of a list (geo/rules/list_words.jsonl): "біля", "возле" do not
        other = "и" if row.cls == "instrument" else {"ru": "возле", "uk": "біля"}[row.lang]
    swapped = row.example[:m.start()] + other + row.example[m.end():]
    if row.cls == "venue":  # a meeting word before it makes the place after it a venue: "talks … in Istanbul"
        for text, venue in ((row.example, True), (swapped, False)):
            s = text.rindex("Istanbul")
            assert _venue(text, s, s + len("Istanbul"), 0, len(text)) is venue, text
        return
    if row.cls == "instrument":  # "attacked Belgorod with heavy drones": the weapon after the place is the attack's
        for text, instrument in ((row.example, True), (swapped, False)):
            kinds = read_kinds(text)
            cue, weapon = kinds[("actions", "action")][0], kinds[("actions", "means")][0]
            assert _instrument(text[cue.end:weapon.start]) is instrument, text
        return
    # an event's cue governs the place after it across the row's word ("launched an attack on Tykhe")
    for text, direct in ((row.example, True), (swapped, False)):
        s = text.rindex(place)
        cue = [h for h in read_kinds(text)[("actions", "action")] if h.end <= s][-1]
        cue = _Cue(cue.rule.get("action"), "", cue.start, cue.end, cue.text)
        args = (text, cue, s, s + len(place))
        if row.cls == "across":  # a country: "struck across Ukraine" (not "attacked Ukraine": politics)
            assert _direct(*args, strict=True, country=True) is direct, text
        elif row.cls == "direct":  # also before a region or a country
            assert _direct(*args, strict=True) is direct, text
        else:  # before a settlement only: "liberated X in the Y region"
            assert _direct(*args, strict=False) is direct and not _direct(*args, strict=True), text


@pytest.mark.parametrize("row", lookup_rows("name_endings"), ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_name_ending_row_reads_back(row) -> None:
    from geo.mentions import _RU_TOPONYM, _SURNAME_END, _surname_ending, _toponym_ending

    names = [w for w in re.findall(r"\w+", row.example) if w[:1].isupper() and w.casefold().endswith(row.key)]
    assert names, row.example
    if row.cls == "sector-adjective":  # "the Siverskiy direction": the sector's name is a romanised adjective
        from geo.resolve import _LATIN_SECTOR_ADJECTIVE
        name = re.search(r"(\w+) (?:direction|axis)", row.example).group(1)
        assert name.casefold().endswith(row.key) and _LATIN_SECTOR_ADJECTIVE.search(name), row.example
        assert _LATIN_SECTOR_ADJECTIVE.search(name.upper()) and _LATIN_SECTOR_ADJECTIVE.fullmatch(row.key)
        assert not _LATIN_SECTOR_ADJECTIVE.search(name + "x") and not _LATIN_SECTOR_ADJECTIVE.search("Siversk")
        return
    reads, pattern = (_toponym_ending, _RU_TOPONYM) if row.cls == "toponym" else (_surname_ending, _SURNAME_END)
    assert reads(names[-1]) and reads(names[-1].upper()), names
    assert pattern.fullmatch(row.key), row.key  # the row itself is one of the expression's endings
    assert not pattern.search(names[-1] + "x")  # an ending, not a part of the name


@pytest.mark.parametrize("row", [r for r in rows("actions") if r.get("sector")], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_bare_strike_on_a_direction_is_fighting(row) -> None:
    # "multidirectional strikes on the Zaporizhzhia direction": ground thrusts; with a weapon named, a strike
    assert claim_at(f"The enemy delivered {row.phrase} on the Zaporizhzhia direction.", "Zaporizhzhia").action.value == "fighting"
    assert claim_at(f"The enemy delivered artillery {row.phrase} on the Zaporizhzhia direction.",
                    "Zaporizhzhia").action.value == "struck"


@pytest.mark.parametrize("row", [r for r in lookup_rows("list_words") if r.cls == "state"], ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_state_row_after_a_determiner_is_a_status_not_an_event(row) -> None:
    # "strikes on the occupied Tykhe", "Russian-held Tykhe": a state of the place, not the verb
    from geo.claims.action import _status_only

    text = f"Drones struck the {row.phrase} Tykhe and the Russian-{row.phrase} Dachne."
    assert _status_only(text, text.index(f" {row.phrase} ") + 1, row.phrase)
    at = text.index(f"Russian-{row.phrase}")
    assert _status_only(text, at, f"Russian-{row.phrase}")
    assert not _status_only(text, text.index("struck"), "struck")
    # "Russian-occupied territory": a status cue, weaker than any event cue of its clause
    from geo.claims.action import _REGEX_CUES
    status = next(p for _, detail, p in _REGEX_CUES if detail == "under control")
    assert status.search(f"Units shelled Russian-{row.phrase} territory near Tykhe.")


@pytest.mark.parametrize("row", [r for r in lookup_rows("list_words") if r.cls == "status-before"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_a_status_before_row_makes_the_state_word_after_it_a_status(row) -> None:
    # "Partisans set fire to a depot in occupied Tykhe.": the state word right after the row's word is no event
    from geo.claims.action import _status_only

    states = "|".join(re.escape(r.key) for r in lookup_rows("list_words") if r.cls == "state")
    m = re.search(r"(?<!\w)" + re.escape(row.key) + r"\s+(" + states + r")\b", row.example, re.IGNORECASE)
    assert m, f"list_words.jsonl:{row.line}: no state word right after the phrase"
    assert _status_only(row.example, m.start(1), m.group(1))
    # without the row's word before it, the same state word is the verb: "Russian forces occupied Tykhe."
    assert not _status_only("Russian forces occupied Tykhe.", 15, "occupied")


@pytest.mark.parametrize("row", [r for r in lookup_rows("distance_words") if r.cls == "approximately" and r.lang == "en"],
                         ids=lambda r: f"{r.line}:{r.phrase}")
def test_an_approximately_row_makes_a_share_of_control_partial(row) -> None:
    # "Russian forces control about 80% of Tykhe.": a share of the place is fighting, not its capture
    from geo.claims.action import _REGEX_CUES

    partial = next(p for _, detail, p in _REGEX_CUES if detail == "partial control")
    assert partial.search(f"Russian forces control {row.phrase} 80% of Tykhe.")
    assert claim_at(f"Russian forces control {row.phrase} 80 per cent of Tykhe.", "Tykhe").action.value == "fighting"


@pytest.mark.parametrize("row", [r for r in lookup_rows("conjunctions") if r.cls in ("clause", "addition", "contrast")],
                         ids=lambda r: f"{r.line}:{r.phrase}:{r.cls}")
def test_a_clause_row_opens_a_clause_for_both_readers_and_an_addition_row_does_not(row) -> None:
    # "Russian forces attacked north of Pokrovsk near Rodynske, but Ukrainian forces counterattacked near Shevchenko.":
    # Rodynske and Shevchenko stand in two clauses (geo.claims.clauses), and "north of Pokrovsk" does not reach
    # Shevchenko (geo.resolve); with or without a comma, or, a row of ``comma: needed``, only after one; a Russian or
    # Ukrainian row ends a bearing's reach only (after ", но" a clause often keeps the place's verb)
    from geo.claims.clauses import _LIST_GLUE, _clause_bounds
    from geo.resolve import _DIRECTION_BREAK

    text = row.example
    m = _whole_word(row, text)
    brk = _DIRECTION_BREAK.search(text)
    if row.cls == "addition":  # "а также": the names after it are still in the bearing's reach
        assert brk is None, (text, brk)
        assert row.key not in _LIST_GLUE
        return
    assert brk is not None and brk.start() <= m.start() and brk.end() == m.end(), (text, brk)
    assert row.cls == "contrast" or row.key not in _LIST_GLUE  # a clause conjunction is no list's glue
    if row.cls == "contrast":  # its clause reading: test_a_conjunction_row_glues_a_list's example, after a comma
        return
    bare = text.replace(f", {row.phrase} ", f" {row.phrase} ")
    comma = bare.replace(f" {row.phrase} ", f", {row.phrase} ")
    for variant, opens in ((comma, True), (bare, row.get("comma") != "needed")):
        at = variant.index(f" {row.phrase} ")
        before, after = variant[:at].rstrip(",").split()[-1], variant.rstrip(".").split()[-1]
        b, a = variant.rindex(before, 0, at), variant.rindex(after)
        hi = _clause_bounds(variant, b, b + len(before))[1]
        two = hi <= at + len(row.phrase) + 1 <= a and _clause_bounds(variant, a, a + len(after))[0] > b
        assert two == (opens and row.lang == "en"), variant  # geo.claims.clauses reads the English rows only
        assert (_DIRECTION_BREAK.search(variant) is not None) == opens, variant
    # a list conjunction in its place: one clause, in the bearing's reach
    other = bare.replace(f" {row.phrase} ", " " + {"en": "and", "ru": "и", "uk": "та"}[row.lang] + " ", 1)
    b, a = other.index(before), other.rindex(after)
    assert _clause_bounds(other, b, b + len(before))[1] > a and _DIRECTION_BREAK.search(other) is None, other
