"""The fast scanners of ``geo.resolve`` against the plain regex searches they stand for."""

from __future__ import annotations

import random

import pytest

from geo import resolve

# words that make and break region phrases: kind words in several cases, capitals, abbreviations,
# letters that ``re`` folds to ASCII without IGNORECASE being ASCII-only, joiners and breaks
_WORDS = (
    "Kharkiv", "Donetsk", "Oblast", "oblast", "OBLAST", "region", "Regions", "raion", "district", "krai", "Krai",
    "province", "DPR", "LPR", "DNR", "LNR", "ДНР", "ЛНР", "Donetsk People's Republic", "Luhansk People’s Republic",
    "Lugansk People's", "People", "области", "Донецкой", "район", "районе", "край", "краю", "Запорожской",
    "Tikhoe", "Dnipropetrovsk", "and", "or", "&", "the", "of", "Subregion", "kraion", "DPRs", "xDPR", "Ivanivka",
    "O'Brien", "Kup’yansk", "Novo-Ivanivka", "_Under", "Ꮶrai", "\u212arai", "obla\u017ft", "reg\u0131on", "REGİON",
    "Żytomyr", "Украина", "украинские", "_DPR", "Ёлкино", "Ґрунь", "Іванівка", "Ємці", "Їжаків", "42",
)
_GAPS = (" ", " ", " ", "  ", "\n", "\t", ", ", ". ", "-", "'", "’", "", "(", ") ", "\u00a0", "\u2009", ";")


def _text(rng: random.Random) -> str:
    return "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(0, 40)))


def _spans(matches) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in matches]


@pytest.mark.parametrize("seed", range(8))
def test_region_matches_are_finditers(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(2500):
        text = _text(rng)
        assert _spans(resolve._region_matches(text)) == _spans(resolve._REGION.finditer(text)), repr(text)


def test_region_matches_on_written_cases() -> None:
    for text in ("the Dnipropetrovsk and Zaporozhye regions", "Tikhoe Dnipropetrovsk Oblast, DPR.",
                 "Тихое Днепропетровской области", "in the  Kharkiv\n\nRegion and LPR", "oblast", "",
                 "Donetsk People's Republic", "Kharkiv Region Oblast", "A B C D Oblast", "x Oblast Oblast"):
        assert _spans(resolve._region_matches(text)) == _spans(resolve._REGION.finditer(text)), text
