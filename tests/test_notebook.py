"""examples/frontmap.ipynb: committed without outputs, and run end to end by a real Jupyter kernel.

The run is offline (FRONTMAP_OFFLINE=1, FRONTMAP_DATA from the environment, the session's temp
FRONTMAP_CACHE); its parameters cell is overridden, papermill-style, by a cell inserted after it
that points SEEDS at the repo's seeds/ and OUT at a temp folder.
"""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import geopandas
import pandas as pd
import pytest

nbformat = pytest.importorskip("nbformat")

REPO = Path(__file__).resolve().parents[1]
NOTEBOOK = REPO / "examples" / "frontmap.ipynb"

START, END, SIDE = "2025-11-20", "2025-11-30", "Russian side"


def _read() -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    return nb


def _parameters_index(nb: nbformat.NotebookNode) -> int:
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "the notebook needs exactly one cell tagged 'parameters'"
    return tagged[0]


def test_committed_notebook_is_stripped() -> None:
    nb = _read()
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 8
    for cell in code:
        assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]
    assert "widgets" not in nb.metadata
    assert nb.metadata["kernelspec"]["name"] == "python3"
    params = nb.cells[_parameters_index(nb)].source
    for name in ("SEEDS", "OUT", "START", "END", "SIDE"):
        assert re.search(rf"^[\w, ]*\b{name}\b[\w, ]* = ", params, re.M), name


def _texts(cell: nbformat.NotebookNode, mime: str) -> str:
    parts = []
    for out in cell.outputs:
        if out.output_type == "stream":
            parts.append(out.text)
        elif mime in out.get("data", {}):
            parts.append(out["data"][mime])
    return "\n".join(parts)


@pytest.mark.slow
def test_notebook_runs_offline(
    data_dir: Path, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("FRONTMAP_DATA", str(data_dir))
    monkeypatch.setenv("FRONTMAP_OFFLINE", "1")
    # conftest's temp cache: the kernel inherits it and never writes to the user's cache
    assert Path(os.environ["FRONTMAP_CACHE"]).is_relative_to(tmp_path_factory.getbasetemp())
    out = tmp_path / "out"
    nb = _read()
    at = _parameters_index(nb) + 1
    nb.cells.insert(at, nbformat.v4.new_code_cell(
        f"SEEDS = Path({str(REPO / 'seeds')!r})\nOUT = Path({str(out)!r})\n"
        f"START, END, SIDE = {START!r}, {END!r}, {SIDE!r}"
    ))
    client = nbclient.NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell

    cells = [c for c in nb.cells if c.cell_type == "code"]
    errors = [o for c in cells for o in c.outputs if o.output_type == "error"]
    assert not errors
    everything = "\n".join(_texts(c, "text/plain") for c in cells)
    assert "Vidradne" in everything  # the lookup of "Otradnoe"
    assert "Siversk" in everything

    # the map shows inline: folium's iframe with the claims' GeoJSON in it
    maps_html = [html.unescape(_texts(c, "text/html")) for c in cells if "make_map" in c.source]
    assert len(maps_html) == 1
    assert "<iframe" in maps_html[0] and "L.geoJSON(data.claims" in maps_html[0]

    # the exports: the same claims in the three files, all of one side and in the date range
    gpkg = geopandas.read_file(out / "claims.gpkg", layer="claims")
    geojson = geopandas.read_file(out / "claims.geojson")
    csv = pd.read_csv(out / "claims.csv")
    assert len(gpkg) == len(geojson) == len(csv) > 5
    assert f"{len(gpkg)} kept" in everything
    from maps import CLAIMANT_SIDES

    assert set(gpkg["claimant"].map(CLAIMANT_SIDES)) == {SIDE}
    assert gpkg["date"].between(pd.Timestamp(START), pd.Timestamp(END)).all()
    assert set(gpkg["role"]) == {"event"}
    assert json.loads((out / "claims.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert not list(REPO.glob("examples/frontmap-out"))  # the run wrote nothing into the repo
