"""The opt-in online geocoder (``--online``), against a fake Nominatim on 127.0.0.1.

No test touches the network: geopy's Nominatim is pointed at a tiny HTTP server in a thread
that answers ``/search`` with canned JSON and records the parameters it was sent.
"""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
import warnings
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from geopy.geocoders import Nominatim

from geo.geocode import (
    ATTRIBUTION_NOMINATIM,
    NO_NETWORK_WARNING,
    GeocodedPlace,
    GeocodingWarning,
    OnlineGeocoder,
    geocode_claims,
    padded_viewbox,
)
from geo.model import Claim, CoordSource

# a name the tiny gazetteer below cannot resolve (a fuzzy look-alike of Zvanivka only), beside
# one it resolves (Myrne, 47.0 N 36.0 E)
TEXT = "Units liberated Mirnoye. Fighting continues near the village of Zvanivkovo."
UNRESOLVED = "Zvanivkovo"
HIT = {
    "place_id": 1,
    "lat": "47.1234",
    "lon": "36.2345",
    "display_name": "Zvanivkovo, Polohy Raion, Zaporizhzhia Oblast, Ukraine",
    "osm_type": "node",
    "osm_id": 4242,
    "importance": 0.31,
    "class": "place",
    "type": "village",
    "address": {"village": "Zvanivkovo", "country_code": "ua"},
}


class FakeNominatim:
    """A local /search endpoint: ``answers`` maps a query to its JSON list (default [])."""

    def __init__(self, answers: dict[str, list[dict]]) -> None:
        self.answers = answers
        self.requests: list[dict[str, str]] = []
        self.times: list[float] = []
        self.agents: list[str] = []
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                url = urlparse(self.path)
                params = {k: v[0] for k, v in parse_qs(url.query).items()}
                fake.requests.append(params)
                fake.times.append(time.monotonic())
                fake.agents.append(self.headers.get("User-Agent", ""))
                body = json.dumps(fake.answers.get(params.get("q", ""), []) if url.path == "/search" else {})
                data = body.encode()
                self.send_response(200 if url.path == "/search" else 404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def nominatim(self) -> Nominatim:
        return Nominatim(user_agent="frontmap-tests", domain=f"127.0.0.1:{self.port}", scheme="http", timeout=5)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def server():
    fake = FakeNominatim({UNRESOLVED: [HIT], "Ukrainka": [dict(HIT, lat="55.75", lon="37.6")]})
    yield fake
    fake.close()


@pytest.fixture
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests talk to 127.0.0.1 only: lift FRONTMAP_OFFLINE for them."""
    monkeypatch.delenv("FRONTMAP_OFFLINE", raising=False)


@pytest.fixture(scope="module")
def tiny_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-data")

    def row(gid: int, name: str, alt: str, lat: float, lon: float, admin1: str) -> str:
        return "\t".join([str(gid), name, name, alt, str(lat), str(lon), "P", "PPL", "UA", "", admin1,
                          "", "", "", "0", "", "150", "Europe/Kyiv", ""]) + "\n"

    (folder / "geonames").mkdir()
    (folder / "geonames" / "UA.txt").write_text(
        row(709930, "Zvanivka", "Zvanovka,Званівка", 48.75, 38.1, "05")
        + row(1, "Myrne", "Mirnoye", 47.0, 36.0, "09"),
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def tiny_gaz(tiny_data: Path):
    from gazetteer import Gazetteer

    return Gazetteer.open(tiny_data, progress=False)


def _geocoder(nominatim, tmp_path: Path, **kw) -> OnlineGeocoder:
    kw.setdefault("min_delay_seconds", 0.0)
    return OnlineGeocoder(nominatim, cache_path=tmp_path / "nominatim.sqlite", **kw)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- lookups -------------------------------------------------------------------------------


def test_lookup_sends_a_bounded_viewbox_and_the_countries(server, online, tmp_path):
    g = _geocoder(server.nominatim(), tmp_path)
    place = g.lookup(UNRESOLVED, viewbox=(46.5, 35.25, 47.5, 36.75))
    assert place == GeocodedPlace(47.1234, 36.2345, HIT["display_name"], "node", 4242, 0.31, "UA")
    assert place.name == "Zvanivkovo"
    [sent] = server.requests
    assert sent["q"] == UNRESOLVED
    assert sent["viewbox"] == "35.25,46.5,36.75,47.5"  # lon1,lat1,lon2,lat2 as Nominatim wants
    assert sent["bounded"] == "1"
    assert sent["countrycodes"] == "ua,ru,by,md"
    assert sent["format"] == "json"
    g.close()


def test_default_user_agent_names_frontmap():
    g = OnlineGeocoder(use_cache=False)
    assert g.geocoder.headers["User-Agent"].startswith("frontmap/")
    assert g.geocoder.domain == "nominatim.openstreetmap.org"


def test_a_result_outside_the_box_is_not_taken(server, online, tmp_path):
    # a server that ignored bounded=1: Moscow is not in a box over Zaporizhzhia Oblast
    g = _geocoder(server.nominatim(), tmp_path)
    assert g.lookup("Ukrainka", viewbox=(46.5, 35.25, 47.5, 36.75)) is None
    assert len(server.requests) == 1
    g.close()


def test_cache_answers_the_second_run_without_a_request(server, online, tmp_path):
    first = _geocoder(server.nominatim(), tmp_path)
    box = (46.5, 35.25, 47.5, 36.75)
    hit = first.lookup(UNRESOLVED, viewbox=box)
    first.close()
    assert hit is not None and len(server.requests) == 1
    second = _geocoder(server.nominatim(), tmp_path)  # a new run, same cache file
    assert second.lookup(UNRESOLVED, viewbox=box) == hit
    assert second.lookup(f"  {UNRESOLVED.lower()} ", viewbox=box) == hit  # same query, folded
    assert len(server.requests) == 1
    assert (second.requests, second.cache_hits) == (0, 2)
    # another box is another question
    assert second.lookup(UNRESOLVED, viewbox=(46.0, 35.0, 48.0, 37.0)) == hit
    assert len(server.requests) == 2
    second.close()


def test_negative_results_are_cached(server, online, tmp_path):
    box = (46.5, 35.25, 47.5, 36.75)
    first = _geocoder(server.nominatim(), tmp_path)
    assert first.lookup("Nowhereivka", viewbox=box) is None
    first.close()
    second = _geocoder(server.nominatim(), tmp_path)
    assert second.lookup("Nowhereivka", viewbox=box) is None
    assert len(server.requests) == 1 and second.cache_hits == 1
    second.close()


def test_unreachable_server_warns_once_and_stops_querying(online, tmp_path):
    nominatim = Nominatim(user_agent="frontmap-tests", domain=f"127.0.0.1:{_closed_port()}", scheme="http", timeout=2)
    g = _geocoder(nominatim, tmp_path)
    with pytest.warns(GeocodingWarning) as caught:
        assert g.lookup("Zvanivkovo", viewbox=None) is None
        assert g.lookup("Another", viewbox=None) is None
        assert g.lookup("Zvanivkovo", viewbox=None) is None
    assert len(caught) == 1
    assert str(caught[0].message).startswith(NO_NETWORK_WARNING)
    assert g.requests == 1 and g.disabled
    # failures are not cached: a later run with a network asks again
    assert g._cached(g._key("Zvanivkovo", None, ("ua", "ru", "by", "md"))) == (False, None)
    g.close()


def test_offline_setting_means_no_request(server, tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTMAP_OFFLINE", "1")
    said: list[str] = []
    g = _geocoder(server.nominatim(), tmp_path, warn=said.append)
    assert g.lookup(UNRESOLVED, viewbox=None) is None
    assert g.lookup("Other", viewbox=None) is None
    assert server.requests == [] and g.requests == 0
    assert len(said) == 1 and "FRONTMAP_OFFLINE" in said[0]
    g.close()


def test_rate_limit_is_one_second_by_default(server, tmp_path):
    g = OnlineGeocoder(server.nominatim(), cache_path=tmp_path / "c.sqlite")
    assert g.rate_limiter.min_delay_seconds >= 1.0
    public = OnlineGeocoder(Nominatim(user_agent="frontmap-tests"), use_cache=False, min_delay_seconds=0.1)
    assert public.rate_limiter.min_delay_seconds >= 1.0  # the public server's policy cannot be lowered
    g.close()


def test_requests_are_spaced_by_the_rate_limiter(server, online, tmp_path):
    # The limiter's clock is virtual: it moves only when the limiter sleeps, so the spacing
    # it enforces is measured exactly, whatever the machine's load does to real time
    # (a delay and a start that binary floating point holds exactly).
    g = _geocoder(server.nominatim(), tmp_path, min_delay_seconds=0.25)
    now = [0.0]
    sent: list[float] = []
    g.rate_limiter._clock = lambda: now[0]
    g.rate_limiter._sleep = lambda seconds: now.__setitem__(0, now[0] + seconds)
    request = g.rate_limiter.func
    g.rate_limiter.func = lambda *a, **k: (sent.append(now[0]), request(*a, **k))[1]
    for name in ("A-ivka", "B-ivka", "C-ivka"):
        g.lookup(name, viewbox=None)
    gaps = [b - a for a, b in zip(sent, sent[1:])]
    assert len(server.times) == 3 and len(gaps) == 2
    assert gaps == [0.25, 0.25]
    g.close()


# -- claims --------------------------------------------------------------------------------


def test_padded_viewbox_covers_the_points_and_50_km():
    lat0, lon0, lat1, lon1 = padded_viewbox([(47.0, 36.0), (48.0, 37.5)])
    assert lat0 <= 47.0 - 0.449 and lat1 >= 48.0 + 0.449
    assert lon0 <= 36.0 - 0.66 and lon1 >= 37.5 + 0.66
    assert lat1 - lat0 < 2.5 and lon1 - lon0 < 3.5  # padded, not blown up


def test_geocode_claims_uses_each_reports_own_box():
    seen: list[tuple[str, object]] = []

    class Recorder:
        default_viewbox = (44.0, 30.0, 52.0, 40.0)

        def lookup(self, name, *, viewbox, country_codes=("ua",)):
            seen.append((name, viewbox))
            return GeocodedPlace(47.2, 36.1, f"{name}, Ukraine", "node", 7, 0.2, "UA")

    claims = [
        Claim(place="Myrne", lat=47.0, lon=36.0, geonameid=1, source="a.txt"),
        Claim(place="Zvanivkovo", source="a.txt", start=10, end=20, why=("left unresolved",)),
        Claim(place="Zvanivkovo", source="a.txt", start=10, end=20, role="speaker"),
        Claim(place="Kyiv", source="a.txt", start=30, end=34, role="speaker"),  # a speaker only
        Claim(place="Lonely", source="b.txt"),  # nothing resolved in b: the default box
    ]
    out = geocode_claims(claims, Recorder())
    assert seen == [("Zvanivkovo", padded_viewbox([(47.0, 36.0)])), ("Lonely", Recorder.default_viewbox)]
    assert out[0] == claims[0] and out[3] == claims[3]
    for c in (out[1], out[2], out[4]):
        assert c.coord_source is CoordSource.GEOCODER and c.resolved
    z = out[1]
    assert (z.lat, z.lon, z.precision, z.uncertainty_m, z.confidence, z.geonameid, z.country) == (
        47.2, 36.1, 2, 2000.0, 0.5, None, "UA")
    assert z.name == "Zvanivkovo"
    assert z.why == ("left unresolved", "geocoded by Nominatim (OpenStreetMap): Zvanivkovo, Ukraine")


def test_extract_report_geocodes_an_unresolved_event(server, online, tmp_path, tiny_gaz):
    from geo.extract import extract_text

    plain = extract_text(TEXT, tiny_gaz)
    before = [c for c in plain if c.place == UNRESOLVED]
    assert before and all(not c.resolved for c in before), "precondition: the gazetteer leaves it unresolved"
    assert any(c.resolved for c in plain), "precondition: the report has a resolved place (the box)"

    g = _geocoder(server.nominatim(), tmp_path)
    claims = extract_text(TEXT, tiny_gaz, geocoder=g)
    after = [c for c in claims if c.place == UNRESOLVED]
    assert len(after) == len(before)
    for c in after:
        assert (c.lat, c.lon) == (47.1234, 36.2345)
        assert c.coord_source is CoordSource.GEOCODER and c.precision == 2 and c.confidence == 0.5
        assert c.why[-1] == f"geocoded by Nominatim (OpenStreetMap): {HIT['display_name']}"
    # resolved claims are untouched, and only the unresolved name was asked, in the report's box
    assert [c for c in claims if c.place != UNRESOLVED] == [c for c in plain if c.place != UNRESOLVED]
    [sent] = server.requests
    lon0, lat0, lon1, lat1 = map(float, sent["viewbox"].split(","))
    assert lat0 < 47.0 < lat1 and lon0 < 36.0 < lon1 and lat1 - lat0 < 2
    g.close()


def test_extract_files_completes_with_names_unresolved_when_unreachable(online, tmp_path, tiny_gaz):
    from geo.extract import extract_files

    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(TEXT, encoding="utf-8")
    nominatim = Nominatim(user_agent="frontmap-tests", domain=f"127.0.0.1:{_closed_port()}", scheme="http", timeout=2)
    said: list[str] = []
    g = _geocoder(nominatim, tmp_path, warn=said.append)
    result = extract_files([tmp_path], tiny_gaz, geocoder=g)
    assert result.ok and result.reports == 3
    left = [c for c in result.claims if c.place == UNRESOLVED]
    assert len(left) >= 3 and not any(c.resolved for c in left)
    assert len(said) == 1 and said[0].startswith(NO_NETWORK_WARNING) and g.requests == 1
    g.close()


def test_cli_online_flag_offline_warns_once_and_runs(tiny_data, tmp_path):
    from typer.testing import CliRunner

    from frontmap.cli import app

    (tmp_path / "in").mkdir()
    for i in range(2):
        (tmp_path / "in" / f"r{i}.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.geojson"
    res = CliRunner().invoke(app, ["extract", str(tmp_path / "in"), "-o", str(out), "--data", str(tiny_data),
                                   "--no-front", "--online"])
    assert res.exit_code == 0, res.output
    assert res.output.count("--online lookups skipped") == 1
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert any(f["geometry"] is None and f["properties"]["place"] == UNRESOLVED for f in features)


def test_map_credits_nominatim_only_when_a_claim_is_geocoded():
    from maps.webmap import make_map

    gazetteer_claim = Claim(place="Myrne", lat=47.0, lon=36.0, geonameid=1, coord_source=CoordSource.GAZETTEER)
    geocoded = Claim(place="Zvanivkovo", lat=47.1, lon=36.2, coord_source=CoordSource.GEOCODER)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain = make_map([gazetteer_claim]).get_root().render()
        credited = make_map([gazetteer_claim, geocoded]).get_root().render()
    assert "OpenStreetMap contributors (Nominatim)" not in plain
    assert "OpenStreetMap contributors (Nominatim)" in credited
    assert ATTRIBUTION_NOMINATIM == "© OpenStreetMap contributors (Nominatim)"


def test_parallel_extraction_geocodes_in_the_parent(server, online, tmp_path, tiny_data, tiny_gaz):
    from geo.extract import extract_files
    from geo.parallel import extract_files_parallel

    (tmp_path / "in").mkdir()
    for i in range(4):
        (tmp_path / "in" / f"r{i}.txt").write_text(TEXT, encoding="utf-8")
    single = _geocoder(server.nominatim(), tmp_path / "one")
    expected = extract_files([tmp_path / "in"], tiny_gaz, geocoder=single)
    single.close()
    many = _geocoder(server.nominatim(), tmp_path / "two")
    got = extract_files_parallel([tmp_path / "in"], jobs=2, gaz=tiny_gaz, data_dir=tiny_data, geocoder=many)
    many.close()
    assert got.claims == expected.claims
    assert any(c.coord_source is CoordSource.GEOCODER for c in got.claims)
    assert len(server.requests) == 2  # one per run: the four reports share the box, hence the cache
