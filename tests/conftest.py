"""Shared fixtures.

Tests never touch the network (FRONTMAP_OFFLINE=1) and never write to the user's cache
(FRONTMAP_CACHE points to a session temp dir). Tests that need the real GeoNames dumps use the
``data_dir`` fixture: the folder named by FRONTMAP_DATA (``.ci/run`` sets it to ../shared/data).
Under CI a missing FRONTMAP_DATA is an error, not a skip, so such tests cannot silently vanish.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _isolated_env(tmp_path_factory: pytest.TempPathFactory):
    cache = tmp_path_factory.mktemp("frontmap-cache")
    old = {k: os.environ.get(k) for k in ("FRONTMAP_CACHE", "FRONTMAP_OFFLINE")}
    os.environ["FRONTMAP_CACHE"] = str(cache)
    os.environ["FRONTMAP_OFFLINE"] = "1"
    yield
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(scope="session")
def data_dir() -> Path:
    value = os.environ.get("FRONTMAP_DATA")
    if not value:
        if os.environ.get("CI"):
            pytest.fail("FRONTMAP_DATA is not set: CI must point it at ../shared/data")
        pytest.skip("FRONTMAP_DATA is not set (point it at ../shared/data)")
    path = Path(value)
    if not (path / "geonames").is_dir():
        pytest.fail(f"FRONTMAP_DATA={value} has no geonames/ folder")
    return path


@pytest.fixture(scope="session")
def shared_dir(data_dir: Path) -> Path:
    """The ../shared folder (seeds, eval) that holds the data folder."""
    return data_dir.parent


@pytest.fixture(scope="session")
def gaz(data_dir: Path):
    """The real gazetteer (UA + cities500 RU/BY/MD), built once per session into the temp cache."""
    from gazetteer import Gazetteer

    return Gazetteer.open(data_dir, progress=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--all",
        action="store_true",
        default=False,
        help="also run the tests marked slow and browser (CI runs them all)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--all"):
        return
    skip = pytest.mark.skip(reason="slow/browser test: run with --all")
    for item in items:
        if "slow" in item.keywords or "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def front(data_dir: Path, gaz):
    """The DeepState front line by day, measured against the gazetteer's held settlements."""
    from geo.frontline import FrontLine

    return FrontLine.from_file(data_dir / "frontline" / "deepstate_history.geojson.xz", gaz)
