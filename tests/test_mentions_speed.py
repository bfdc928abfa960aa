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
