"""Fast paths of mention finding read the text as the plain versions they replace do."""

from __future__ import annotations

import pytest

from geo import mentions


@pytest.mark.parametrize(
    "lang, threshold",
    # the Russian and Ukrainian large lists take ~1 s each to load
    [("en", 3.3), pytest.param("ru", 3.5, marks=pytest.mark.slow), pytest.param("uk", 3.5, marks=pytest.mark.slow)],
)
def test_small_wordlist_reads_thresholds_like_the_best_one(lang: str, threshold: float) -> None:
    """``mentions._WORDLIST`` ("small") holds every word of Zipf ≥ 3 with its "best" frequency."""
    wordfreq = pytest.importorskip("wordfreq")
    best = wordfreq.get_frequency_dict(lang, "best")
    small = wordfreq.get_frequency_dict(lang, mentions._WORDLIST)
    floor = 10 ** (min(3.3, threshold) - 9 - 0.01)  # a little under each threshold
    assert {w: f for w, f in best.items() if f >= floor} == {w: f for w, f in small.items() if f >= floor}
    # words of several tokens, in capitals, around the threshold
    words = [w for w, f in best.items() if floor / 10 <= f <= floor * 10][:3000]
    words += [w.capitalize() for w in words[:500]] + [f"{a} {b}" for a, b in zip(words[:300], words[300:600])]
    words += [f"{a}-{b}" for a, b in zip(words[:300], words[600:900])]
    for w in words:
        assert (wordfreq.zipf_frequency(w, lang) >= threshold) == (
            wordfreq.zipf_frequency(w, lang, wordlist=mentions._WORDLIST) >= threshold
        ), w


# ---------------------------------------------------------------- scanners, against plain versions

_VOCAB = (
    "the of settlement settlements village villages town city small large urban-type in near and to from on "
    "over towards toward liberated captured seized occupied shelling struck hit into outskirts vicinity direction "
    "expelled enemy control took entered between or at area north northern part southeast Pokrovsk Kupiansk "
    "Rostov na Donu nad Dnipro pid Lviv Rai-Aleksandrovka Zhuravka-Novenke-Veselivka NATO UAV Kyiv Oblast oblast "
    "River Lake region People's Republic Plant Street directional sector axis front areas Fronts Kam'yanka "
    "Покровск біля Новопавлівки ſettlement İn K"
).split()
_GAPS = (" ", " ", " ", "  ", "\n", " - ", " – ", ", ", ". ", "\t", " (", ") ", " «", "\u00a0", "")


def _random_text(rng, n: int) -> str:
    return "".join(rng.choice(_VOCAB) + rng.choice(_GAPS) for _ in range(n))


def _cue_start_plain(before: str) -> int | None:
    """``_cue_start`` as it read every word of the window."""
    if not before[-1:].isspace():
        return None
    words = before.split()
    first = len(words)
    for j in range(len(words) - 1, -1, -1):
        span, filler = mentions._cue_word(words[j])
        if span:
            first = min(first, j - span + 1)
        if not filler:
            break
    if first == len(words):
        return None
    return len(before.rsplit(None, len(words) - first)[0]) if first > 0 else 0


def _run_plain(text, words, i, max_n):
    """``_run`` without its shortcuts."""
    run = [words[i]]
    j = i + 1
    while len(run) < max_n:
        end = run[-1][1]
        if j < len(words) and mentions._joined(text, end, words[j][0]):
            run.append(words[j])
            j += 1
            continue
        na = mentions._JOINED_NA.match(text, end)
        if na is None:
            break
        run.append((na.start(1), na.end(1), na.group(1)))
    while not mentions._is_cap(run[-1][2]):
        run.pop()
    return run


def test_scanner_shortcuts_read_random_texts_as_the_plain_versions() -> None:
    import random

    rng = random.Random(20250101)
    for _ in range(3000):
        text = _random_text(rng, rng.randint(1, 30))
        for end in range(0, len(text) + 1, 3):
            before = text[max(0, end - 60) : end]
            assert mentions._cue_start(before) == _cue_start_plain(before), before
        # the words _cap_words finds (hyphenated words unsplit: no gazetteer here)
        words = [
            (m.start(), m.end(), m.group())
            for m in mentions._CAP_WORD.finditer(text)
            if mentions._is_cap(m.group()) and "-" not in m.group()
        ]
        for i in range(len(words)):
            for max_n in (1, 3, 5):
                assert mentions._run(text, words, i, max_n) == _run_plain(text, words, i, max_n), text
        # _ANY_AFTER is needed by each pattern of what follows a name
        for e in range(len(text)):
            plain = (
                mentions._REGION_AFTER.match(text[e : e + 40])
                or mentions._WATER_AFTER.match(text[e : e + 40])
                or mentions._NOT_SETTLEMENT_AFTER.match(text[e : e + 40])
                or mentions._DIRECTION_AFTER.match(text[e : e + 20])
            )
            if plain:
                assert mentions._ANY_AFTER.match(text, e, e + 40), text[e : e + 40]


def test_cap_words_inline_capital_test_matches_is_cap() -> None:
    for w in ("A", "AB", "ABCD", "ABCDE", "Ab", "NATO", "UAVs", "Kyiv", "KYIV", "İS", "Ǆ", "ǅa"):
        if w[0].isupper():
            assert (len(w) > 4 or not w.isupper() or len(w) == 1) == mentions._is_cap(w), w
