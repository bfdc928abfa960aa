"""Sentence and paragraph spans (geo.text)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.text import paragraphs, sentence_at, sentences

REPO = Path(__file__).resolve().parents[1]


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Whitkoff met Putin. They talked.", ["Mr. Whitkoff met Putin.", "They talked."]),
        ("He flew to St. Petersburg. Then home.", ["He flew to St. Petersburg.", "Then home."]),
        ("M. Rubio said so. Others did not.", ["M. Rubio said so.", "Others did not."]),
        ("Russia holds 47.9 percent. Kyiv disputes it.", ["Russia holds 47.9 percent.", "Kyiv disputes it."]),
        (
            "They took Otradnoe (47°54′20″ N, 36°14′58″ E). Tikhoe is next.",
            ["They took Otradnoe (47°54′20″ N, 36°14′58″ E).", "Tikhoe is next."],
        ),
        ("The village lies at 47°54′ N, 36°14′ E. It fell.", ["The village lies at 47°54′ N, 36°14′ E.", "It fell."]),
        ('"We entered Seversk." The ministry said so.', ['"We entered Seversk."', "The ministry said so."]),
        ("«Бои идут.» Так сообщили.", ["«Бои идут.»", "Так сообщили."]),
        ("They advanced approx. 3 km. from Volche. Then stopped.", ["They advanced approx. 3 km. from Volche.", "Then stopped."]),
        ("They advanced 3 km. Russian units then dug in.", ["They advanced 3 km.", "Russian units then dug in."]),
        ("It was Russia vs. Ukraine. Nobody won.", ["It was Russia vs. Ukraine.", "Nobody won."]),
        ("The U.S. And Europe disagree.", ["The U.S. And Europe disagree."]),
        ("On Nov. 23 the MoD spoke. Then silence.", ["On Nov. 23 the MoD spoke.", "Then silence."]),
        ("Gen. Gerasimov reported. Putin listened.", ["Gen. Gerasimov reported.", "Putin listened."]),
        ("Is it over? No! It goes on… Kyiv says so.", ["Is it over?", "No!", "It goes on…", "Kyiv says so."]),
        ("Pazeno (Ukr.) (48°46′ N) fell. Next.", ["Pazeno (Ukr.) (48°46′ N) fell.", "Next."]),
        ("Освобожден г. Купянск. Бои идут.", ["Освобожден г. Купянск.", "Бои идут."]),
        ("Это было 23 ноября 2025 г. Потом тишина.", ["Это было 23 ноября 2025 г.", "Потом тишина."]),
        ("Key points:\n- Seversk: fighting\n- Dimitrov: advance", ["Key points:", "- Seversk: fighting", "- Dimitrov: advance"]),
        ("➡️ Crimea is ours\n➡️ Donbass too", ["➡️ Crimea is ours", "➡️ Donbass too"]),
        ("1. Zvanovka was taken.\n2. Seversk is contested.", ["1. Zvanovka was taken.", "2. Seversk is contested."]),
        ("It fell in 2024. 25 villages followed.", ["It fell in 2024.", "25 villages followed."]),
        ("Headline without stop\nFirst sentence.", ["Headline without stop", "First sentence."]),
        ("A line that wraps\nin the middle of a sentence. Next one.", ["A line that wraps\nin the middle of a sentence.", "Next one."]),
        ("One.\n\n\nTwo.", ["One.", "Two."]),
        ("no terminal punctuation at all", ["no terminal punctuation at all"]),
        ("e.g. this one. And that.", ["e.g. this one.", "And that."]),
    ],
)
def test_sentence_cases(text: str, expected: list[str]) -> None:
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a programme, outlet or project title with a full stop inside its quotes, in each quote style
        (
            "Про це в етері «Суспільне. Студія» повідомив речник бригади. Бої біля Часового Яру тривають.",
            ["Про це в етері «Суспільне. Студія» повідомив речник бригади.", "Бої біля Часового Яру тривають."],
        ),
        (
            "Про це в ефірі “Суспільне. Студія” сказав речник угруповання. Ворог штурмує Костянтинівку.",
            ["Про це в ефірі “Суспільне. Студія” сказав речник угруповання.", "Ворог штурмує Костянтинівку."],
        ),
        ("Як повідомив у етері „Україна. Сьогодні“ офіцер, бої йдуть. Далі.",
         ["Як повідомив у етері „Україна. Сьогодні“ офіцер, бої йдуть.", "Далі."]),
        ('Об этом в эфире "Россия. Сегодня" заявил Пушилин. Бои идут у Северска.',
         ['Об этом в эфире "Россия. Сегодня" заявил Пушилин.', "Бои идут у Северска."]),
        ("He told “Ukraine. Today” that Kupiansk held. Fighting goes on.",
         ["He told “Ukraine. Today” that Kupiansk held.", "Fighting goes on."]),
        ("В эфире «Что? Где? Когда?» его спросили о Купянске. Он промолчал.",
         ["В эфире «Что? Где? Когда?» его спросили о Купянске.", "Он промолчал."]),
        # a quoted sentence closed by its own full stop, then a new sentence
        ("«Бои идут у Северска.» Так сообщили.", ["«Бои идут у Северска.»", "Так сообщили."]),
        ("“We entered Seversk.” The ministry said so.", ["“We entered Seversk.”", "The ministry said so."]),
        ("«Бои идут». Так сообщили. «Дальше»", ["«Бои идут».", "Так сообщили.", "«Дальше»"]),
        # a speaker's quotation of several sentences stays several sentences
        ("«Ворог наступає на Мирноград. Виїжджайте», – сказав він.",
         ["«Ворог наступає на Мирноград.", "Виїжджайте», – сказав він."]),
        ('"We held," he said. "Then we left. It was over."',
         ['"We held," he said.', '"Then we left.', 'It was over."']),
        ("\"It was hard, believe me. What a mess,\" he said.", ['"It was hard, believe me.', 'What a mess," he said.']),
        ("Він сказав: «дуже важко. Тримаємось». Далі.", ["Він сказав: «дуже важко.", "Тримаємось».", "Далі."]),
        ("«Противник атакує біля Торського. Наші бійці тримають позиції і відбивають штурми» – сказав він.",
         ["«Противник атакує біля Торського.", "Наші бійці тримають позиції і відбивають штурми» – сказав він."]),
        # quotes that do not close on the same line, or close too late, do not hold a break
        ("«Суспільне. Студія\nНовини» далі.", ["«Суспільне.", "Студія", "Новини» далі."]),
    ],
)
def test_quoted_names(text: str, expected: list[str]) -> None:
    assert split(text) == expected
    for a, b in sentences(text):  # sentence_at reads the same sentences
        assert sentence_at(text, a) == (a, b)


def test_empty_and_blank() -> None:
    assert sentences("") == []
    assert sentences("  \n\n \t") == []
    assert paragraphs("\n \n") == []


def _report_texts() -> list[tuple[str, str]]:
    from geo.reports import iter_input_files, read_reports

    return [(r.source, r.text) for p in iter_input_files([REPO / "seeds"]) for r in read_reports(p)]


def _check_partition(text: str) -> None:
    spans = sentences(text)
    covered = [False] * len(text)
    last = -1
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        for i in range(a, b):
            covered[i] = True
        last = b
    # every visible character is in exactly one sentence
    assert all(covered[i] for i, ch in enumerate(text) if not ch.isspace())


def test_partition_on_own_seeds() -> None:
    texts = _report_texts()
    assert len(texts) >= 5
    for _, text in texts:
        _check_partition(text)


def test_partition_and_sentence_at_on_real_reports(shared_dir: Path) -> None:
    files = sorted((shared_dir / "seeds").glob("*.txt")) + sorted((shared_dir / "eval" / "reports").glob("*.txt"))
    assert len(files) >= 20
    for path in files:
        text = path.read_text(encoding="utf-8")
        _check_partition(text)
        spans = sentences(text)
        for a, b in spans[:: max(1, len(spans) // 25)]:
            assert sentence_at(text, a) == (a, b)
            assert sentence_at(text, b - 1) == (a, b)


def test_real_seed_sentences(shared_dir: Path) -> None:
    text = (shared_dir / "seeds" / "001_5038a288d9bf8bc4.txt").read_text(encoding="utf-8")
    got = split(text)
    # DMS coordinates and the "(Ukr.)" abbreviation stay inside their sentence
    otradnoe = [s for s in got if "Otradnoe (47°54′20″ N, 36°14′58″ E" in s]
    assert len(otradnoe) == 1 and otradnoe[0].startswith("Assault groups") and otradnoe[0].endswith("residents).")
    assert any("Pazeno (Ukr.) (48°46′02" in s for s in got)
    assert "On November 22, the settlement of Zvanovka was liberated." in got


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?\n\"()1°′″NE-Mr")), max_size=80))
def test_partition_property(text: str) -> None:
    _check_partition(text)


def test_sentence_at() -> None:
    t = "Russia said it took Zvanovka.   Kyiv denied it.\n\nNew paragraph here."
    assert t[slice(*sentence_at(t, 0))] == "Russia said it took Zvanovka."
    assert t[slice(*sentence_at(t, t.index("Zvanovka")))] == "Russia said it took Zvanovka."
    assert t[slice(*sentence_at(t, t.index("   ") + 1))] == "Kyiv denied it."  # between sentences: the next
    assert t[slice(*sentence_at(t, t.index("New") + 2))] == "New paragraph here."
    assert t[slice(*sentence_at(t, len(t)))] == "New paragraph here."
    with pytest.raises(ValueError):
        sentence_at(t, len(t) + 1)
    with pytest.raises(ValueError):
        sentence_at(t, -1)
    with pytest.raises(ValueError):
        sentence_at("   ", 1)


def test_paragraphs() -> None:
    t = "Title\n\nFirst para.\nSame para.\n \n\nSecond para."
    assert [t[a:b] for a, b in paragraphs(t)] == ["Title", "First para.\nSame para.", "Second para."]


def test_large_text_is_linear() -> None:
    text = "Russian forces attacked near Pokrovsk on Monday. Mr. Ivanov said 47.9% of it fell.\n" * 20000
    spans = sentences(text)
    assert len(spans) == 40000


def test_only_four_non_ascii_letters_fold_to_ascii() -> None:
    import re
    import sys

    from geo.text import FOLDS_TO_ASCII

    folds = {
        chr(c) for c in range(0x80, sys.maxunicode + 1)
        if re.fullmatch("[a-z]", chr(c), re.IGNORECASE) or any(ch.isascii() for ch in chr(c).lower())
    }
    assert folds == FOLDS_TO_ASCII


def test_abbreviation_rows_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row of geo/rules/abbreviations.jsonl keeps its example one sentence; without the table each splits."""
    import geo.text
    from geo.rules.lookup import lookup_rows

    rows = lookup_rows("abbreviations")
    assert rows and all(len(sentences(r.example)) == 1 for r in rows), [
        r.example for r in rows if len(sentences(r.example)) != 1]
    monkeypatch.setattr(geo.text, "_ABBREVIATIONS", frozenset())
    assert [r.example for r in rows if len(sentences(r.example)) != 2] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # scraped pages lose the space between sentences: a lower-case word, a stop, a capitalised word
        ("Units liberated Novopil in the DPR (Donetsk).Additionally, units struck Malynivka in the Zaporozhye region.",
         ["Units liberated Novopil in the DPR (Donetsk).", "Additionally, units struck Malynivka in the Zaporozhye region."]),
        ("Подразделения освободили Мирное, заявили в министерстве.Кроме того, поражены позиции у Вольного.",
         ["Подразделения освободили Мирное, заявили в министерстве.", "Кроме того, поражены позиции у Вольного."]),
        # not a break: an abbreviation, an address, a capital word before the stop, a short word after
        ("Бои идут у г.Купянск и с.Петропавловка.", ["Бои идут у г.Купянск и с.Петропавловка."]),
        ("Read it on sputnikglobe.com/News today.", ["Read it on sputnikglobe.com/News today."]),
        ("The U.S.Army report and the DPR.Meanwhile text.", ["The U.S.Army report and the DPR.Meanwhile text."]),
        ("Fighting near Toretsk.It went on.", ["Fighting near Toretsk.It went on."]),
    ],
)
def test_glued_sentences(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in sentences(text)] == expected


def test_glued_sentences_in_real_bulletin_reprints(shared_dir: Path) -> None:
    """Agency reprints of the MoD bulletin in ../shared/eval glue sentences: each is cut there."""
    reports = sorted((shared_dir / "eval" / "reports").glob("mod_sputnik_*.txt"))
    glued = 0
    for path in reports:
        text = path.read_text(encoding="utf-8")
        for a, b in sentences(text):
            glued += text[b - 1] in ".!?" and b < len(text) and text[b].isupper()
    assert len(reports) >= 2 and glued >= 2
