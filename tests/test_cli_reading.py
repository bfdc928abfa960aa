"""What analysts collect, through the command: standard input, --date, Telegram exports, feeds, --append, map a store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontmap.cli import app
from maps.store import read_reports_table, read_store
from tests.test_telegram import _json_export

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example frontline wire</title><link>https://news.example.org/</link>
<description>Wire</description>
<item><title>Fighting near Siversk</title><link>https://news.example.org/a/1</link><guid>urn:example:1</guid>
<pubDate>Sat, 22 Nov 2025 18:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian forces attacked near Siversk, the General Staff of Ukraine said.&lt;/p&gt;</description></item>
<item><title>Zvanivka</title><link>https://news.example.org/a/2</link><guid>urn:example:2</guid>
<pubDate>Sun, 23 Nov 2025 07:30:00 GMT</pubDate>
<description>Russia's defence ministry said its units liberated Zvanovka.</description></item>
</channel></rss>
"""


def _run(*args: str, input: str | bytes | None = None):
    result = CliRunner().invoke(app, list(args), input=input)
    return result


@pytest.fixture()
def opts(data_dir: Path, gaz) -> list[str]:  # gaz: the index is built once per session
    return ["--data", str(data_dir), "--no-front"]


def test_stdin_with_a_date(opts: list[str]) -> None:
    text = "Units of the Battlegroup South liberated the settlement of Zvanovka.\n"
    res = _run("extract", "-", *opts, "--date", "2025-11-23", input=text)
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    props = [f["properties"] for f in doc["features"]]
    assert any(p["name"] == "Zvanivka" for p in props)
    assert {p["report_date"] for p in props} == {"2025-11-23"} and {p["source"] for p in props} == {"<stdin>"}
    res = _run("extract", "-", *opts, "--date", "23/11/2025", input=text)
    assert res.exit_code == 2 and "--date" in res.output


def test_stdin_telegram_json(tmp_path: Path, opts: list[str]) -> None:
    data = _json_export(tmp_path).read_bytes()
    res = _run("extract", "-", *opts, input=data)
    assert res.exit_code == 0, res.output
    sources = {f["properties"]["source"] for f in json.loads(res.stdout)["features"]}
    assert sources <= {"<stdin>#2", "<stdin>#3", "<stdin>#5", "<stdin>#6"} and "<stdin>#2" in sources


def test_feed_file_one_report_per_entry(tmp_path: Path, opts: list[str]) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    res = _run("extract", str(tmp_path), *opts)
    assert res.exit_code == 0, res.output
    props = [f["properties"] for f in json.loads(res.stdout)["features"]]
    zv = [p for p in props if p["name"] == "Zvanivka"]
    assert zv and zv[0]["report_date"] == "2025-11-23" and zv[0]["url"] == "https://news.example.org/a/2"
    assert zv[0]["source"].endswith("wire.rss#urn:example:2")
    res = _run("extract", "https://news.example.org/feed.rss", *opts)
    assert res.exit_code == 2 and "needs --online" in res.output


def test_append_twice_then_map_the_store(tmp_path: Path, opts: list[str]) -> None:
    export = _json_export(tmp_path / "in").parent
    store = tmp_path / "claims.gpkg"
    res = _run("extract", str(export), *opts, "-o", str(store), "--append", "--channel", "mod_russia")
    assert res.exit_code == 0, res.output
    assert "4 new" in res.output
    first = read_store(store)
    assert len(first) > 0 and first["url"].str.startswith("https://t.me/mod_russia/").all()
    res = _run("extract", str(export), *opts, "-o", str(store), "--append")
    assert res.exit_code == 0, res.output
    assert "0 new, 0 changed, 4 already stored; 0 claims added" in res.output
    assert len(read_store(store)) == len(first) and len(read_reports_table(store)) == 4
    res = _run("map", str(store), *opts, "-o", str(tmp_path / "map.html"))
    assert res.exit_code == 0, res.output
    beside = json.loads((tmp_path / "map.geojson").read_text(encoding="utf-8"))
    assert len(beside["features"]) == len(first)
    res = _run("extract", str(export), *opts, "-o", str(tmp_path / "c.geojson"), "--append")
    assert res.exit_code == 2 and "GeoPackage" in res.output


def test_channel_and_date_with_jobs(tmp_path: Path, opts: list[str]) -> None:
    """--channel and --date reach every worker of --jobs: the output equals the one-process run's."""
    export = _json_export(tmp_path / "tg")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Units of the Battlegroup South liberated the settlement of Zvanovka.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Russian forces attacked near Siversk, the General Staff said.\n", encoding="utf-8")
    docs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.geojson"
        res = _run("extract", str(export), str(folder), *opts, "-o", str(out), "--jobs", jobs,
                   "--channel", "mod_russia", "--date", "2025-11-23")
        assert res.exit_code == 0, res.output
        docs.append(json.loads(out.read_text(encoding="utf-8")))
    assert docs[0] == docs[1]
    props = [f["properties"] for f in docs[1]["features"]]
    assert {p["report_date"] for p in props if p["source"].endswith(("a.txt", "b.txt"))} == {"2025-11-23"}
    urls = {p.get("url") for p in props if "#" in p["source"]}
    assert urls and all(u and u.startswith("https://t.me/mod_russia/") for u in urls)
    res = _run("extract", "-", *opts, "--jobs", "2", input="Zvanovka.\n")
    assert res.exit_code == 2 and "--jobs" in res.output
