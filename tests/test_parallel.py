"""Parallel extraction (geo.parallel, frontmap extract/map --jobs/--engine): same results as
the single-process pipeline, in input order, with per-file errors kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.extract import extract_files
from geo.parallel import WorkerSpec, _extract_chunk, extract_files_parallel, list_input_files

ROWS = [
    ["709930", "Zvanivka", "Zvanivka", "Zvanovka,Званівка", "48.75", "38.1", "P", "PPL", "UA",
     "", "05", "1402", "", "", "0", "", "150", "Europe/Kyiv", ""],
    ["700001", "Vidradne", "Vidradne", "Otradnoe,Відрадне", "48.30", "37.60", "P", "PPL", "UA",
     "", "05", "1402", "", "", "300", "", "150", "Europe/Kyiv", ""],
    ["700002", "Siversk", "Siversk", "Seversk,Сіверськ", "48.87", "38.10", "P", "PPLA3", "UA",
     "", "05", "1402", "", "", "11000", "", "150", "Europe/Kyiv", ""],
]

TEXTS = {
    "a.txt": "The Russian Ministry of Defence said its forces captured Zvanovka. Fighting "
             "continued near Seversk.",
    "b.txt": "Ukraine's General Staff said its units repelled attacks near Zvanivka and Otradnoe.",
    "sub/c.txt": "Published by @analyst ⋅ 25/11/2025\nSeversk: fighting in the north.\n***\n"
                 "Otradnoe: our troops advanced.\n",
    "sub/d.md": "Nothing about any place at all.",
}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    """A three-place gazetteer and a folder of reports (one of them binary)."""
    from gazetteer import Gazetteer

    root = tmp_path_factory.mktemp("parallel")
    (root / "data" / "geonames").mkdir(parents=True)
    (root / "data" / "geonames" / "UA.txt").write_text(
        "".join("\t".join(r) + "\n" for r in ROWS), encoding="utf-8")
    reports = root / "reports"
    for name, text in TEXTS.items():
        (reports / name).parent.mkdir(parents=True, exist_ok=True)
        (reports / name).write_text(text, encoding="utf-8")
    (reports / "sub" / "e.txt").write_bytes(b"\x00\x01\x02binary\x00")
    gaz = Gazetteer.open(root / "data", progress=False, cache_dir=root / "cache")
    return root, reports, gaz


def _errors(result):
    return [(type(e).__name__, e.path, e.problem) for e in result.errors]


def _same(a, b) -> None:
    assert a.claims == b.claims
    assert _errors(a) == _errors(b)
    assert (a.files, a.reports) == (b.files, b.reports)


def test_processes_equal_single_process(small):
    root, reports, gaz = small
    inputs = [reports, root / "missing.txt", reports / "a.txt"]
    single = extract_files([str(p) for p in inputs], gaz)
    counted: list[int] = []
    par = extract_files_parallel(inputs, jobs=2, gaz=gaz, chunk_size=1, progress=counted.append)
    _same(par, single)
    assert single.claims and single.errors  # the comparison is not of empty results
    assert sum(counted) == single.reports
    # input order kept: a.txt's claims first and last (it is named twice)
    assert par.claims[0].source.endswith("a.txt") and par.claims[-1].source.endswith("a.txt")


def test_errors_per_file_are_reported_and_the_rest_kept(small):
    root, reports, gaz = small
    result = extract_files_parallel([reports / "sub" / "e.txt", root / "nope", reports / "b.txt"],
                                    jobs=2, gaz=gaz)
    paths = [Path(e.path).name for e in result.errors]
    assert sorted(paths) == ["e.txt", "nope"]
    assert {c.name for c in result.claims} >= {"Zvanivka"}
    assert all(c.source.endswith("b.txt") for c in result.claims)


def test_contested_is_marked_across_files(small):
    _, reports, gaz = small
    inputs = [reports / "a.txt", reports / "b.txt"]
    single = extract_files([str(p) for p in inputs], gaz)
    par = extract_files_parallel(inputs, jobs=2, gaz=gaz, chunk_size=1)
    assert [c.contested for c in par.claims] == [c.contested for c in single.claims]
    # Zvanivka: captured says Moscow (a.txt), repelled says Kyiv (b.txt); neither file alone
    assert {c.name for c in par.claims if c.contested} == {"Zvanivka"}
    alone = [extract_files([str(p)], gaz) for p in inputs]
    assert not any(c.contested for r in alone for c in r.claims)


def test_a_worker_that_cannot_open_the_gazetteer_reports_each_file(small, tmp_path):
    _, reports, _ = small
    spec = WorkerSpec(index=None, data_dir=str(tmp_path / "empty"), cache_dir=str(tmp_path))
    (tmp_path / "empty").mkdir()
    out = _extract_chunk([str(reports / "a.txt"), str(reports / "b.txt")], spec)
    assert [len(r.errors) for r in out] == [1, 1]
    assert all("GazetteerNotFoundError" in r.errors[0][2] for r in out)


def test_list_input_files_walks_folders_and_names_missing_paths(small):
    root, reports, _ = small
    files, errs = list_input_files([reports, root / "missing.txt"])
    assert [f.relative_to(reports).as_posix() for f in files] == [
        "a.txt", "b.txt", "sub/c.txt", "sub/d.md", "sub/e.txt"]
    assert [e.problem for e in errs] == ["no such file or directory"]


def test_bad_arguments(small):
    _, reports, gaz = small
    with pytest.raises(ValueError, match="engine"):
        extract_files_parallel([reports], engine="spark", gaz=gaz)
    with pytest.raises(ValueError, match="jobs"):
        extract_files_parallel([reports], jobs=0, gaz=gaz)


def test_cli_jobs_gives_the_same_output(small, tmp_path):
    from typer.testing import CliRunner

    from frontmap.cli import app

    root, reports, _ = small
    runner = CliRunner()
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.geojson"
        res = runner.invoke(app, ["extract", str(reports), "--data", str(root / "data"),
                                  "-o", str(out), "--jobs", jobs])
        # exit 1: the binary file is reported, the rest written
        assert res.exit_code == 1 and res.exception is None or isinstance(res.exception, SystemExit), (
            res.output, res.exception)
        assert "e.txt" in res.output
        outs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outs[0] == outs[1] and outs[0]["features"]


@pytest.mark.slow
def test_dask_local_cluster_equals_single_process_on_real_reports(gaz, shared_dir):
    distributed = pytest.importorskip("distributed")
    inputs = [shared_dir / "eval" / "reports", shared_dir / "seeds"]
    single = extract_files([str(p) for p in inputs], gaz)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        par = extract_files_parallel(inputs, engine="dask", scheduler=client, gaz=gaz,
                                     chunk_size=3)
    assert len(single.claims) > 100
    _same(par, single)


@pytest.mark.slow
def test_process_pool_equals_single_process_on_real_reports(gaz, shared_dir):
    inputs = [shared_dir / "eval" / "reports", shared_dir / "seeds"]
    single = extract_files([str(p) for p in inputs], gaz)
    par = extract_files_parallel(inputs, jobs=2, gaz=gaz, chunk_size=2)
    assert len(single.claims) > 100
    _same(par, single)


def test_contested_window_reaches_the_batch(small, tmp_path):
    """The window is applied once to the whole batch, by one process or several."""
    _, _, gaz = small
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("1 March 2025. " + TEXTS["a.txt"], encoding="utf-8")
    b.write_text("30 March 2025. " + TEXTS["b.txt"], encoding="utf-8")
    for days, want in ((14, set()), (40, {"Zvanivka"})):
        single = extract_files([str(a), str(b)], gaz, contested_days=days)
        par = extract_files_parallel([a, b], jobs=2, gaz=gaz, chunk_size=1, contested_days=days)
        assert {c.name for c in single.claims if c.contested} == want
        assert [c.contested for c in par.claims] == [c.contested for c in single.claims]
