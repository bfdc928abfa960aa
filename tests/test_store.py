"""The growing claims store (maps/store.py): appends add only what is new, and the file stays a clean GeoPackage."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from frontmap.errors import StoreError
from geo.model import Action, Claim, Claimant, Report
from maps.export import write_claims
from maps.frame import as_frame, frame_to_claims
from maps.store import append_claims, read_reports_table, read_store, report_hash, store_hashes

OGRINFO = shutil.which("ogrinfo")


def _batch(day: int, n: int, *, prefix: str = "chan", text: str = "text") -> tuple[list[Claim], list[Report]]:
    date = dt.date(2025, 11, day)
    reports, claims = [], []
    for i in range(n):
        src = f"{prefix}/result.json#{day * 1000 + i}"
        reports.append(Report(f"{text} {day} {i}", source=src, url=f"https://t.me/x/{day * 1000 + i}", date=date))
        claims.append(Claim("Zvanovka", 48.81 + i * 1e-4, 38.08, name="Zvanivka", geonameid=687116, source=src,
                            report_date=date, claim_date=date, action=Action.CAPTURED, claimant=Claimant.RU_MOD,
                            precision=1, confidence=0.9, quote="Zvanovka was liberated.", why=("a", "b")))
        claims.append(Claim("Nowhere", source=src, report_date=date))  # unresolved: null geometry
    return claims, reports


def test_append_adds_new_passes_over_held_replaces_changed(tmp_path: Path) -> None:
    path = tmp_path / "claims.gpkg"
    claims, reports = _batch(21, 5)
    r = append_claims(path, claims, reports)
    assert (r.added, r.replaced, r.unchanged, r.claims_added) == (5, 0, 0, 10)
    r = append_claims(path, claims, reports)
    assert (r.added, r.replaced, r.unchanged, r.claims_added) == (0, 0, 5, 0)
    more, more_reports = _batch(22, 3)
    r = append_claims(path, claims + more, reports + more_reports)
    assert (r.added, r.unchanged, r.claims_added) == (3, 5, 6)
    assert len(read_store(path)) == 16
    # one report's text changed: its claims replaced, nothing else touched
    edited = Report("edited " + reports[0].text, source=reports[0].source, url=reports[0].url, date=reports[0].date)
    new_claim = Claim("Siversk", 48.86, 38.1, source=edited.source, report_date=edited.date)
    r = append_claims(path, [new_claim], [edited, *reports[1:]])
    assert (r.added, r.replaced, r.unchanged, r.claims_added, r.claims_removed) == (0, 1, 4, 1, 2)
    back = frame_to_claims(read_store(path))
    assert len(back) == 15
    assert [c.place for c in back if c.source == edited.source] == ["Siversk"]
    table = read_reports_table(path)
    assert len(table) == 8 and table["source"].is_unique
    row = table[table["source"] == edited.source].iloc[0]
    assert row["hash"] == report_hash(edited) and row["claims"] == 1 and row["frontmap_version"]
    assert store_hashes(path)[edited.source] == report_hash(edited)


def test_store_reads_back_the_claims(tmp_path: Path) -> None:
    path = tmp_path / "claims.gpkg"
    claims, reports = _batch(21, 3)
    append_claims(path, claims[:2], reports[:1])
    append_claims(path, claims, reports)  # the second append goes through SQLite, not GDAL
    back = frame_to_claims(read_store(path))
    want = frame_to_claims(as_frame(claims))  # the schema's round trip (offsets into the text are not kept)
    key = lambda c: (c.source, c.place)  # noqa: E731
    assert sorted(back, key=key) == sorted(want, key=key)


def test_a_file_that_is_not_a_store_is_refused(tmp_path: Path) -> None:
    plain = write_claims([Claim("Siversk", 48.86, 38.1)], tmp_path / "plain.gpkg")
    with pytest.raises(StoreError, match="not a claims store"):
        store_hashes(plain)
    junk = tmp_path / "junk.gpkg"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(StoreError):
        append_claims(junk, [], [Report("x", source="a")])


def _append_worker(args: tuple[str, int]) -> int:
    path, day = args
    claims, reports = _batch(day, 40)
    return append_claims(path, claims, reports).added


def test_two_appends_at_once_do_not_corrupt(tmp_path: Path) -> None:
    path = str(tmp_path / "claims.gpkg")
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        added = pool.map(_append_worker, [(path, 21), (path, 22), (path, 21), (path, 22)])
    assert sorted(added) == [0, 0, 40, 40]  # each day once, whoever came first
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 160
    assert con.execute("SELECT count(*) FROM rtree_claims_geom").fetchone()[0] == 80
    assert con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'claims'").fetchone()[0] == 160
    con.close()


@pytest.mark.skipif(OGRINFO is None and not os.environ.get("CI"), reason="ogrinfo is not installed")
def test_store_stays_clean_for_gdal(tmp_path: Path) -> None:
    path = tmp_path / "claims.gpkg"
    for day in (21, 22, 23):
        claims, reports = _batch(day, 4)
        append_claims(path, claims, reports)
    run = subprocess.run([OGRINFO or "ogrinfo", "-ro", "-so", "-al", str(path)], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "Warning" not in run.stderr and "ERROR" not in run.stderr, run.stderr
    out = run.stdout
    assert "Layer name: claims" in out and "Layer name: reports" in out
    assert re.search(r"Layer name: claims\n(?:.*\n)*?Feature Count: 24", out)
    assert re.search(r"Extent: \(38\.08\d*, 48\.81\d*\) - \(38\.08\d*, 48\.81\d*\)", out)
    assert re.search(r"report_date: DateTime", out) and re.search(r"extracted_at: DateTime", out)
    run = subprocess.run([OGRINFO or "ogrinfo", "-ro", "-q", "-sql", "SELECT HasSpatialIndex('claims', 'geom')", str(path)],
                         capture_output=True, text=True, timeout=60)
    assert "= 1" in run.stdout
    # the spatial index answers for the appended points too
    run = subprocess.run([OGRINFO or "ogrinfo", "-ro", "-q", "-al", "-spat", "38.0", "48.8", "38.2", "48.9", str(path), "claims"],
                         capture_output=True, text=True, timeout=60)
    assert run.stdout.count("OGRFeature(claims)") == 12


def test_the_next_export_of_a_channel_adds_only_its_new_messages(tmp_path: Path) -> None:
    """Telegram messages are known by their identity, not by the folder the export was saved in."""
    path = tmp_path / "claims.gpkg"

    def export(folder: str, ids: range, edited: int | None = None):
        reports = [Report(("edited " if i == edited else "") + f"post {i}", source=f"{folder}/result.json#{i}",
                          uid=f"https://t.me/rybar/{i}", date=dt.date(2025, 11, 21)) for i in ids]
        claims = [Claim("Siversk", 48.86, 38.1, source=r.source, report_date=r.date) for r in reports]
        return claims, reports

    r = append_claims(path, *export("ChatExport_2025-11-21", range(1, 11)))
    assert r.added == 10
    r = append_claims(path, *export("ChatExport_2025-11-22", range(1, 16), edited=3))
    assert (r.added, r.replaced, r.unchanged, r.claims_added, r.claims_removed) == (5, 1, 9, 6, 1)
    back = read_store(path)
    assert len(back) == 15
    assert back[back["source"].str.endswith("#3")]["source"].tolist() == ["ChatExport_2025-11-22/result.json#3"]
    assert store_hashes(path).keys() == {f"https://t.me/rybar/{i}" for i in range(1, 16)}
