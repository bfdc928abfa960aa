"""The end-to-end acceptance checks of the first issue, on the real documents in ../shared/seeds.

- Otradnoe, Tikhoe and Petrovskoe/Pazeno are placed at the coordinates the text gives (≤ 0.5 km);
- with those coordinates deleted from the text, still within 2 km of the same villages;
- Zvanovka, Seversk, Hulyaipole and Dimitrov are placed at Zvanivka, Siversk, Huliaipole and Myrnohrad.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from gazetteer.ranking import distances_km
from geo.coordinates import remove_coordinates
from geo.extract import extract_report
from geo.model import CoordSource
from geo.reports import read_reports

SEED = "001_5038a288d9bf8bc4.txt"

# The villages, as GeoNames places them (geonameid, lat, lon).
VIDRADNE = (9114100, 47.90611, 36.2478)
TYKHE = (9114253, 47.96705, 36.36941)
PAZENO = (697274, 48.76618, 37.97382)
# The coordinates the document writes for them (47°54′20″ N, 36°14′58″ E and so on).
TEXT_POINTS = {
    "Otradnoe": (47 + 54 / 60 + 20 / 3600, 36 + 14 / 60 + 58 / 3600),
    "Tikhoe": (47 + 58 / 60 + 3 / 3600, 36 + 22 / 60 + 6 / 3600),
    "Petrovskoye": (48 + 46 / 60 + 2 / 3600, 37 + 58 / 60 + 30 / 3600),
}


def _km(claim, lat, lon) -> float:
    return float(distances_km(lat, lon, [claim.lat], [claim.lon])[0])


@pytest.fixture(scope="module")
def seed_claims(shared_dir, gaz, front):
    path = shared_dir / "seeds" / SEED
    kept, stripped = [], []
    for rep in read_reports(path):
        fk = front.distance_function(rep.date)
        kept += extract_report(rep, gaz, front_km=fk)
        stripped += extract_report(replace(rep, text=remove_coordinates(rep.text)), gaz, front_km=fk)
    return kept, stripped


@pytest.mark.parametrize("mention", sorted(TEXT_POINTS))
def test_placed_at_the_coordinates_the_text_gives(seed_claims, mention) -> None:
    kept, _ = seed_claims
    lat, lon = TEXT_POINTS[mention]
    at_text = [c for c in kept if c.place == mention and c.coord_source is CoordSource.TEXT]
    assert at_text, f"{mention}: no claim placed by the text's coordinates"
    for c in at_text:
        assert _km(c, lat, lon) <= 0.5


@pytest.mark.parametrize(
    "mention, village",
    [("Otradnoe", VIDRADNE), ("Tikhoe", TYKHE), ("Petrovskoe", PAZENO), ("Petrovskoye", PAZENO), ("Pazeno", PAZENO)],
)
def test_without_coordinates_still_on_the_same_village(seed_claims, mention, village) -> None:
    _, stripped = seed_claims
    mine = [c for c in stripped if c.place == mention]
    assert mine, f"{mention} not found once coordinates are deleted"
    for c in mine:
        assert c.resolved, f"{mention} left unresolved: {c.why}"
        assert _km(c, village[1], village[2]) <= 2.0, (mention, c.name, c.admin1, c.why)


@pytest.mark.parametrize(
    "mention, geonameid, name",
    [
        ("Zvanovka", 686808, "Zvanivka"),  # Russian -ovka → Ukrainian -ivka
        ("Seversk", 694403, "Siversk"),  # a Russian town is also called Seversk: the front decides
        ("Hulyaipole", 707898, "Hulyaypole"),  # spelling fold (y/i)
        ("Dimitrov", 710035, "Myrnohrad"),  # former name, as GeoNames records it
    ],
)
def test_russian_forms_and_former_names(seed_claims, mention, geonameid, name) -> None:
    kept, stripped = seed_claims
    for claims in (kept, stripped):
        mine = [c for c in claims if c.place == mention]
        assert mine, mention
        assert {c.geonameid for c in mine} == {geonameid}, [(c.name, c.admin1) for c in mine]
        assert all(c.name == name for c in mine)
