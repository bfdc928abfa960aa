"""One report in linear time and memory, whatever its shape; a time limit per report as a last
line of defence (issue 18, items 2–4).

The shapes are those of ``benchmarks/scaling_bench.py`` (names per line, lists, "Name (coordinates)"
pairs, tables, run-on lines, whitespace and punctuation runs), here at smaller sizes.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from benchmarks.scaling_bench import SHAPES, make_report, place_names
from frontmap.errors import ReportTimeoutError
from geo.extract import ReportTimeLimit, extract_files, extract_text
from geo.text import MAX_SENTENCE, sentences

REPO = Path(__file__).resolve().parents[1]


# ---------------------------------------------------------------- item 4: long run-on sentences


def test_a_long_sentence_is_never_cut_inside_a_protected_name() -> None:
    text = "Russian forces attacked " + "near Novyi Donbas and " * 120 + "withdrew."
    names = [(i, i + len("Novyi Donbas")) for i in range(len(text)) if text.startswith("Novyi Donbas", i)]
    spans = sentences(text, keep=names)
    assert len(spans) > 3 and max(e - s for s, e in spans) <= MAX_SENTENCE
    for a, b in names:
        assert any(s <= a and b <= e for s, e in spans), text[a:b]


def test_a_long_sentence_without_spaces_is_cut_between_words() -> None:
    text = ",".join(["Pokrovsk"] * 300)
    spans = sentences(text)
    assert len(spans) > 3
    for s, e in spans:
        assert text[s:e].strip(",").split(",") == ["Pokrovsk"] * len(text[s:e].strip(",").split(","))


def test_one_giant_word_stays_whole() -> None:
    text = "a" * 2000 + " Pokrovsk"
    spans = sentences(text)
    assert any(text[s:e].startswith("a" * 2000) for s, e in spans)


def test_a_name_across_the_old_cut_keeps_the_whole_report(gaz) -> None:
    """A two-word name straddling character 600 of a run-on sentence used to raise "mention span …
    is not inside a sentence" and lose every claim of the report."""
    head = "Russian forces attacked " + "the enemy positions and " * 24
    pad = 600 - len(head) - len("Novyi ")
    text = head + "x" * 0 + " " * max(0, pad) + "near Novyi Donbas and then advanced towards Pokrovsk and Myrnohrad"
    text = text + " and fought near Kurakhove" * 40
    claims = extract_text(text, gaz)
    places = {c.place for c in claims}
    assert "Novyi Donbas" in places and "Pokrovsk" in places and "Kurakhove" in places


@pytest.mark.parametrize("at", range(590, 612, 3))
def test_every_cut_position_keeps_the_mention(gaz, at: int) -> None:
    text = "Russian forces attacked " + "a" * (at - len("Russian forces attacked ") - 1) + " Novyi Donbas" \
        + " and then moved on with other things" * 30
    assert any(c.place == "Novyi Donbas" for c in extract_text(text, gaz))


# ---------------------------------------------------------------- the per-report time limit


def test_time_limit_interrupts_and_names_the_source() -> None:
    t0 = time.perf_counter()
    with pytest.raises(ReportTimeoutError, match=r"slow\.txt#3: not read within 0\.2 s"):
        with ReportTimeLimit(0.2, "slow.txt#3"):
            while True:  # pure Python, never ends
                pass
    assert time.perf_counter() - t0 < 3.0


def test_time_limit_stops_a_regex_that_backtracks() -> None:
    import re

    with pytest.raises(ReportTimeoutError):
        with ReportTimeLimit(0.2, "r.txt"):
            re.match(r"(a+)+b", "a" * 40)


def test_time_limit_is_not_swallowed_by_broad_handlers() -> None:
    with pytest.raises(ReportTimeoutError):
        with ReportTimeLimit(0.2, "r.txt"):
            for _ in range(100):
                try:
                    time.sleep(1)
                except Exception:  # noqa: BLE001 - what careless code does
                    pass


def test_time_limit_off_and_restored() -> None:
    import signal

    before = signal.getsignal(signal.SIGALRM)
    with ReportTimeLimit(None, "x"):
        time.sleep(0.01)
    with ReportTimeLimit(5, "x"):
        time.sleep(0.01)
    assert signal.getsignal(signal.SIGALRM) is before
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def _batch(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_quick.txt").write_text("DATE: 2025-11-20\nUnits liberated Zvanovka.\n", encoding="utf-8")
    slow = folder / "b_slow.txt"
    return folder, slow


def test_extract_files_names_the_slow_report_and_keeps_the_rest(gaz, tmp_path, monkeypatch) -> None:
    import geo.extract as ex

    folder, slow = _batch(tmp_path)
    slow.write_text("DATE: 2025-11-20\nFighting near Pokrovsk.\n", encoding="utf-8")
    real = ex.extract_report

    def stuck(report, *a, **k):
        if "Pokrovsk" in report.text:
            while True:
                pass
        return real(report, *a, **k)

    monkeypatch.setattr(ex, "extract_report", stuck)
    result = extract_files([folder], gaz, report_timeout=0.5)
    assert [c.name for c in result.claims] == ["Zvanivka"]
    assert len(result.errors) == 1 and isinstance(result.errors[0], ReportTimeoutError)
    assert "b_slow.txt" in str(result.errors[0]) and "0.5 s" in str(result.errors[0])


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [1, 2])
def test_cli_report_timeout_keeps_the_batch(data_dir, gaz, tmp_path, jobs: int) -> None:
    """``frontmap extract --report-timeout``: the slow file is named, the others are written (exit 1)."""
    folder, slow = _batch(tmp_path)
    # a report far over the limit (4 MB of one name per line: a megabyte takes ~16 CPU s, and the report is stopped
    # at the limit, so its size costs nothing), and a limit well over what the quick report needs even as a loaded
    # machine's first report (tables, morphology)
    slow.write_text("DATE: 2025-11-20\n" + make_report("lines", 4_000_000, place_names(gaz)), encoding="utf-8")
    out = tmp_path / "out.geojson"
    proc = subprocess.run(
        [sys.executable, "-c", "from frontmap.cli import main; main()", "extract", str(folder), "-o", str(out), "--no-front",
         "--report-timeout", "20", "--jobs", str(jobs), "--data", str(data_dir)],
        capture_output=True, text=True, timeout=600, cwd=REPO,
    )
    assert proc.returncode == 1, proc.stderr
    assert "b_slow.txt" in proc.stderr and "--report-timeout" in proc.stderr and "a_quick.txt" not in proc.stderr
    names = [f["properties"]["name"] for f in json.loads(out.read_text())["features"]]
    assert names == ["Zvanivka"]


# ---------------------------------------------------------------- linear time and memory


def _measure(gaz, shape: str, size: int, names) -> tuple[float, float]:
    """CPU seconds (the best of two runs) and peak traced bytes of reading one report."""
    import gc

    text = make_report(shape, size, names)
    seconds = []
    for _ in range(2):
        gc.collect()
        t0 = time.process_time()
        extract_text(text, gaz)
        seconds.append(time.process_time() - t0)
    tracemalloc.start()
    extract_text(text, gaz)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(seconds), peak


#: Growth allowed per doubling in this in-process check: small sizes on a shared machine are noisy
#: (the benchmark, a fresh process per size up to 1 MB, holds the 2.3x target); a quadratic report
#: grows 4x per doubling, so this still catches one. At 8 -> 32 KB the name-dense shapes are read before
#: resolution's bounded neighbourhoods fill (8 settled names, 16 paragraphs): lists measured 2.7x per
#: doubling on an idle machine, the same before and after the seventh session's changes, and 3.19x in CI
#: beside another CPU-bound process; from 64 KB on the benchmark measures 1.6-1.8x.
TIME_PER_DOUBLING = 3.4
MEMORY_PER_DOUBLING = 2.3


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_time_and_memory_grow_linearly(gaz, shape: str) -> None:
    """Doubling a report of each shape twice (8, 16, 32 KB) about doubles its time and memory each
    time (measured over both doublings)."""
    names = place_names(gaz)
    sizes = (8 * 1024, 16 * 1024, 32 * 1024)
    # every name of the largest report looked up once first: what is measured is the report's own
    # work, not the first lookup of names that only the larger reports hold
    extract_text(make_report(shape, sizes[-1], names), gaz)
    rows = [_measure(gaz, shape, n, names) for n in sizes]
    t_growth = (rows[-1][0] / max(rows[0][0], 1e-3)) ** 0.5
    m_growth = (rows[-1][1] / max(rows[0][1], 1)) ** 0.5
    assert t_growth <= TIME_PER_DOUBLING or rows[-1][0] < 0.5, (shape, rows)
    assert m_growth <= MEMORY_PER_DOUBLING or rows[-1][1] < 8 * 2**20, (shape, rows)


def _count_calls(monkeypatch, module, name: str, calls: dict[str, int], key: str, when=None) -> None:
    """Put a wrapper in place of ``module.name`` that adds one to ``calls[key]`` at each call (where
    ``when(*args, **kwargs)`` holds, if given) and then does the real work."""
    real = getattr(module, name)

    def counted(*args, **kwargs):
        if when is None or when(*args, **kwargs):
            calls[key] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)


def _work_as_it_doubles(gaz, shape: str, calls: dict[str, int]) -> list[dict[str, int]]:
    """The ``calls`` counted while reading a report of ``shape`` that names the same forty places over
    and over, at 4, 8 and 16 KB (doubled twice): one dict of counts per size."""
    names = place_names(gaz)[:40]
    counts = []
    for kb in (4, 8, 16):
        calls.update(dict.fromkeys(calls, 0))
        assert extract_text(make_report(shape, kb * 1024, names), gaz)
        counts.append(dict(calls))
    return counts


@pytest.mark.parametrize("shape", ["lines", "list", "coords", "table", "dense", "runon"])
def test_a_name_repeated_with_the_same_evidence_is_ranked_once(gaz, monkeypatch, shape: str) -> None:
    """The work of resolution, counted (not timed, so that load cannot make it flaky): a report that
    names the same forty places over and over, in the same company, ranks each (name, evidence) once,
    so doubling it twice (4 -> 16 KB) adds next to no rankings. Before a ranking was remembered by
    what it reads, each paragraph's mention was ranked again: 2x the rankings per doubling."""
    import geo.resolve

    calls = {"rank": 0}
    _count_calls(monkeypatch, geo.resolve, "rank", calls, "rank")
    counts = [c["rank"] for c in _work_as_it_doubles(gaz, shape, calls)]
    assert counts[0] > 0
    assert counts[-1] <= 1.25 * counts[0] + 10, (shape, counts)


#: the shapes whose sentences repeat word for word when their names do (a table row holds its number
#: and a run-on line is cut into sentences wherever 600 characters fall: their sentences are new ones)
_SAME_WORDS = ("lines", "list", "coords")


@pytest.mark.parametrize("shape", ["lines", "list", "coords", "table", "dense", "runon"])
def test_a_mention_repeated_in_the_same_words_is_analysed_and_finished_once(gaz, monkeypatch, shape: str) -> None:
    """The per-mention work after ranking, counted: a mention's sentence reading (its sentence, its
    span there and what the text before carries) and its resolution (its verdict) are worked out
    once per distinct value, so a report that repeats the same forty places adds next to no
    resolutions as it doubles (4 -> 16 KB), nor readings where it repeats them in the same words
    (nor readings of the speaker a line before carries over: each distinct line is read once).
    Before, each mention was read and resolved anew (2x per doubling), and held its own copy of both
    until the claims were written."""
    import geo.claims.carry
    import geo.extract
    import geo.resolve

    calls = {"analyse": 0, "finish": 0, "carried": 0}
    _count_calls(monkeypatch, geo.extract, "analyse_mention_all", calls, "analyse")
    # a mention with coordinates of its own is resolved at its point
    _count_calls(monkeypatch, geo.resolve, "_finish", calls, "finish", when=lambda m, *a, **k: m.coordinate is None)
    _count_calls(monkeypatch, geo.claims.carry, "_last_attribution", calls, "carried")
    counts = _work_as_it_doubles(gaz, shape, calls)
    # (a line's speaker is read by the line's text: only names per line repeat whole lines)
    counted = ("finish",) + (("analyse",) if shape in _SAME_WORDS else ()) + (("carried",) if shape == "lines" else ())
    for what in counted:
        first, last = counts[0][what], counts[-1][what]
        assert last <= 1.25 * first + 10, (shape, what, counts)


def test_a_coordinate_is_checked_against_a_name_once_per_place_and_point(gaz, monkeypatch) -> None:
    """Tying coordinates to names, counted: whether a name has a place within reach of a point is
    looked up once per distinct (name, point), so a report that gives the same forty places with
    their coordinates over and over (4 -> 16 KB) adds next to no look-ups. Before, every
    "Name (lat, lon)" pair was looked up anew (2x per doubling)."""
    import geo.coordinate_ties

    calls = {"near": 0}
    _count_calls(monkeypatch, geo.coordinate_ties, "_near", calls, "near")
    counts = [c["near"] for c in _work_as_it_doubles(gaz, "coords", calls)]
    assert counts[0] > 0
    assert counts[-1] <= 1.25 * counts[0] + 10, counts


def test_a_coordinate_looks_only_at_the_names_just_before_it() -> None:
    """Tying a coordinate to the name written just before it ("Name (lat, lon)") reads only the
    names ending within 40 characters before it: the work, counted as names whose span is read,
    stays a few per coordinate however long the report. Before, each coordinate read every name of
    the report (quadratic: a list of 20 000 pairs read 400 million spans)."""
    from geo.coordinates import find_coordinates
    from geo.mentions import _tie_coordinates
    from geo.model import Mention

    reads = [0]

    class Counted(Mention):
        def __getattribute__(self, attr):
            if attr == "end":
                reads[0] += 1
            return super().__getattribute__(attr)

    per_pair = []
    for n in (50, 200):
        parts, mentions, pos = [], [], 0
        for i in range(n):
            name = f"Pokrovsk{chr(97 + i % 26)}"
            piece = f"Units liberated {name} (48.{2800 + i:04d}, 37.{1800 + i:04d}). "
            s = pos + len("Units liberated ")
            mentions.append(Counted(text=name, start=s, end=s + len(name)))
            parts.append(piece)
            pos += len(piece)
        text = "".join(parts)
        coords = find_coordinates(text)
        assert len(coords) == n
        reads[0] = 0
        tied = _tie_coordinates(text, mentions, coords)
        assert [m.coordinate.start for m in tied] == [c.start for c in coords]
        per_pair.append(reads[0] / n)
    assert per_pair[-1] <= per_pair[0] + 2, per_pair


# Two Cyrillic shapes the benchmark's (English) names do not reach: one long comma list of Ukrainian names (every name
# asks whether a kind word ends the list: geo.rules.region_words.list_kind), and capitalised common words in a place
# position, a line each (each is weighed against the report's other places: geo.mentions._placed_kept). Both were
# quadratic in the report's length when they came in (4x per doubling); finding the mentions is where they run.
_UK_NAMES = ("Покровськ", "Мирноград", "Родинське", "Торецьк", "Костянтинівка", "Добропілля", "Білицьке", "Гришине",
             "Удачне", "Курахове")
_UK_COMMON = ("Зорі", "Надії", "Перемозі", "Культурі", "Дружбі", "Слободі", "Степу", "Роздоллі", "Калині", "Криниці",
              "Діброві", "Світанку")
_UK_TOWNS = ("Торецька", "Покровська", "Добропілля", "Костянтинівки", "Краматорська", "Ізюма", "Оріхова")
_CYRILLIC_SHAPES = {
    "uk-list": lambda n: "Ворог атакував " + ", ".join(_UK_NAMES[k % 10] for k in range(n)) + ".",
    "uk-common-words": lambda n: "\n".join(f"Бої тривають у {_UK_COMMON[k % 12]} та поблизу {_UK_TOWNS[k % 7]}."
                                           for k in range(n)),
}


@pytest.mark.slow
@pytest.mark.parametrize("shape", sorted(_CYRILLIC_SHAPES))
def test_cyrillic_lists_and_common_words_are_found_in_linear_time(gaz, shape: str) -> None:
    from geo.mentions import find_mentions

    make = _CYRILLIC_SHAPES[shape]
    find_mentions(make(200), gaz)  # warm: the word lists, the gazetteer's memo
    seconds = []
    for n in (2000, 4000, 8000):
        text = make(n)
        best = []
        for _ in range(2):
            t0 = time.process_time()
            found = find_mentions(text, gaz)
            best.append(time.process_time() - t0)
        assert len(found) >= n  # every name of the list, every common word with its town
        seconds.append(min(best))
    growth = (seconds[-1] / max(seconds[0], 1e-3)) ** 0.5
    assert growth <= TIME_PER_DOUBLING or seconds[-1] < 0.5, (shape, seconds)
