"""Property-based tests: odd text never breaks the readers or the extractor.

Fixed budget: 200 examples per target, no deadline (the extractor's first calls load word lists).
Targets: ``extract_text`` on the real gazetteer (text mixing real place names in three scripts,
coordinates written every way, impossible coordinates, huge numbers, Cyrillic, punctuation,
post separators), ``parse_coordinate`` on arbitrary strings, and ``read_reports`` on arbitrary
bytes and on text in legacy encodings. The round-trip and ``find_coordinates`` properties of the
coordinate reader live in tests/test_coordinates.py.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontmap.errors import CoordinateError, ReportError
from geo.coordinates import format_coordinate, parse_coordinate
from geo.extract import extract_text
from geo.reports import normalise_text, read_reports

BUDGET = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PLACES = ["Zvanovka", "Zvanivka", "Seversk", "Siversk", "Pokrovsk", "Kupiansk", "Huliaipole", "Chasiv Yar",
          "Dimitrov", "Myrnohrad", "Tikhoe", "Bakhmut", "Donetsk Oblast", "Званівка", "Звановка", "Северск",
          "Сіверськ", "Покровськ", "Гуляйполе", "Kyiv", "Moscow", "Ivanivka", "Novoselivka", "Oskil"]
WORDS = ["captured", "liberated", "repelled", "attacked", "fighting near", "the ministry said", "north of",
         "3 km west of", "outskirts of", "Russian forces", "Ukrainian troops", "освободили", "бои у",
         "населённый пункт", "said", "on Monday", "November 25, 2025", "25.11.2025", "Published by @x ⋅",
         "SOURCE:", "DATE:", "|", "***", "* * *", "\n", "\n\n", "(", ")", "«", "»", "—", "…", ".", ",", ";", ":",
         "'", '"', "#", "@", "km", "°", "′", "″", "N", "E", "с.ш.", "в.д."]
LAT, LON = st.floats(-90, 90, allow_nan=False), st.floats(-180, 180, allow_nan=False)
COORD = st.one_of(
    st.builds(lambda la, lo, f, p: format_coordinate((la, lo), f, p), LAT, LON,
              st.sampled_from(["dms", "dm", "dd"]), st.integers(0, 4)),
    st.builds(lambda la, lo: format_coordinate((la, lo), "mgrs", 5),
              st.floats(-79, 83, allow_nan=False), st.floats(-179, 179, allow_nan=False)),
    st.sampled_from(["95°10′N 38°06′E", "48°61′N 38°06′E", "48°45′61″N 38°06′E", "-91.5, 200.25",
                     "48.75, 38.10", "48,75 38,10", "N48°45.123' E038°06.5'", "37UDQ 12345 67890"]),
)
HUGE = st.integers(-(10**400), 10**400).map(str) | st.sampled_from(["1e400", "-0", "NaN", "inf", "0" * 500])
TOKEN = st.one_of(
    st.sampled_from(PLACES), st.sampled_from(WORDS), COORD, HUGE,
    st.text(alphabet=st.characters(min_codepoint=0x400, max_codepoint=0x4FF), max_size=12),  # Cyrillic
    st.text(alphabet=st.characters(categories=["P", "S", "Zs", "Cf"]), max_size=6),  # punctuation, symbols
    st.text(max_size=12),
)
TEXT = st.lists(TOKEN, max_size=40).flatmap(
    lambda tokens: st.lists(st.sampled_from([" ", "", "\n", ", ", ". "]), min_size=len(tokens),
                            max_size=len(tokens)).map(lambda seps: "".join(t + s for t, s in zip(tokens, seps)))
)


@BUDGET
@given(text=TEXT)
def test_extract_text_never_raises_and_claims_are_sound(gaz, text: str) -> None:
    claims = extract_text(text, gaz, source="fuzz.txt")
    text = normalise_text(text)  # spans and quotes are those of the text as read: normalised
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.place
        assert (c.lat is None) == (c.lon is None)
        if c.lat is not None:
            assert math.isfinite(c.lat) and math.isfinite(c.lon)
            assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180
        assert 0.0 <= c.confidence <= 1.0
        assert c.quote and " ".join(c.quote.split()) == c.quote
        assert c.place in text and all(w in text for w in c.quote.split())


@BUDGET
@given(text=st.one_of(st.text(max_size=60), TEXT.map(lambda t: t[:200])))
def test_parse_coordinate_reads_or_refuses_with_a_reason(text: str) -> None:
    try:
        c = parse_coordinate(text)
    except CoordinateError as exc:
        assert str(exc)
        return
    assert math.isfinite(c.lat) and math.isfinite(c.lon)
    assert -90 <= c.lat <= 90 and -180 <= c.lon <= 180


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "cp1251", "koi8_r", "latin_1", "cp1252"]


def _encodable(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="ignore")


FILE_BYTES = st.one_of(
    st.binary(max_size=3000),
    st.builds(_encodable, TEXT, st.sampled_from(ENCODINGS)),
    st.builds(lambda t, n: ("<html><body><p>" + t + "</p>" * n).encode(), TEXT, st.integers(0, 3)),
)


@BUDGET
@given(data=FILE_BYTES, suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_read_reports_reads_or_refuses_any_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            reports = read_reports(path)
        except ReportError as exc:
            assert exc.path == str(path) and exc.problem
            return
    assert reports
    for i, r in enumerate(reports, start=1):
        assert r.source == (str(path) if i == 1 else f"{path}#{i}")
        assert isinstance(r.text, str) and "\r" not in r.text
