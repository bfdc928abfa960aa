"""The ``frontmap`` command: one face over gazetteer, geo and maps.

Exit codes: 0 everything read; 1 claims were written but some inputs could not be read (each
named on stderr with its path and problem); 2 nothing could be done (bad usage, no gazetteer, an
output that cannot be written, no input that could be read, no report file in the folders given).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from frontmap import ATTRIBUTION_GEONAMES, __version__
from frontmap.errors import FrontmapError

app = typer.Typer(
    name="frontmap",
    help="Frontline reports in; geolocated, dated, attributed claims out, on maps.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
gazetteer_app = typer.Typer(help="Build and inspect the gazetteer index.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

DataOpt = Annotated[
    Optional[Path],
    typer.Option("--data", help="Folder with GeoNames dumps (geonames/UA.zip ...); default $FRONTMAP_DATA.", show_default=False),
]
FrontOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--front",
        help="GeoJSON of occupied territory by date (DeepState history or a single day); "
        "default: frontline/deepstate_history.geojson.xz in the data folder, if there.",
        show_default=False,
    ),
]
NoFrontOpt = Annotated[bool, typer.Option("--no-front", help="Do not use a front line, even the data folder's.")]
JobsOpt = Annotated[
    int,
    typer.Option("-j", "--jobs", min=1, help="Worker processes (files are shared out; results are the same, in input order)."),
]
EngineOpt = Annotated[
    str,
    typer.Option("--engine", help="Parallel engine: 'processes' (a local pool) or 'dask' (a Dask cluster)."),
]
OnlineOpt = Annotated[
    bool,
    typer.Option(
        "--online",
        help="Look up the names the gazetteer leaves unresolved with OpenStreetMap's Nominatim "
        "(bounded to the report's area, one request a second, cached; off by default).",
    ),
]
ReportTimeoutOpt = Annotated[
    float,
    typer.Option(
        "--report-timeout", min=0, metavar="SECONDS",
        help="Give up on a report that takes longer than this to read (named on stderr; the rest of "
        "the batch goes on); 0: no limit. Not applied in Dask's worker threads.",
    ),
]
SchedulerOpt = Annotated[
    Optional[str],
    typer.Option("--scheduler", help="With --engine dask: the scheduler address (tcp://host:8786); default a local cluster of --jobs workers.", show_default=False),
]


def _fail(message: str, code: int = 2) -> None:
    typer.secho(f"frontmap: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def _open_gazetteer(data: Path | None, progress: bool = True):
    from gazetteer import Gazetteer

    try:
        return Gazetteer.open(data, progress=progress)
    except FrontmapError as exc:
        _fail(str(exc))


def _parse_near(value: str | None):
    if not value:
        return ()
    from gazetteer.ranking import Anchor
    from geo.coordinates import parse_coordinate

    try:
        c = parse_coordinate(value)
    except FrontmapError as exc:
        _fail(f"--near {value!r}: {exc}")
    return (Anchor(c.lat, c.lon, weight=1.5, scale_km=30.0, label=f"--near {value}"),)


def _front(path: Path | None, data: Path | None = None, *, use_default: bool = True, gaz=None):
    from frontmap.settings import front_file
    from geo.frontline import FrontLine

    if path is None and use_default:
        path = front_file(data)
    if path is None:
        return None

    try:
        return FrontLine.from_file(path, gaz)
    except FrontmapError as exc:
        _fail(str(exc))


def _run_extract(paths: list[Path], data: Path | None, front: Path | None, near: str | None,
                 jobs: int = 1, engine: str = "processes", scheduler: str | None = None,
                 no_front: bool = False, online: bool = False, report_timeout: float = 120.0):
    from tqdm import tqdm

    from geo.extract import extract_files
    from geo.reports import TEXT_SUFFIXES

    if engine not in ("processes", "dask"):
        _fail(f"--engine {engine!r}: expected 'processes' or 'dask'")
    gaz = _open_gazetteer(data)
    if front is None and not no_front:
        from frontmap.settings import front_file

        front = front_file(data)
    fl = _front(front, data, use_default=False, gaz=gaz)
    anchors = _parse_near(near)
    geocoder = _geocoder(fl) if online else None
    bar = tqdm(desc="reports", unit=" reports", disable=not sys.stderr.isatty(), file=sys.stderr)
    if jobs == 1 and engine == "processes":
        result = extract_files(
            [str(p) for p in paths],
            gaz,
            front_km_for=(fl.distance_function if fl is not None else None),
            near=anchors,
            progress=lambda r: bar.update(1),
            geocoder=geocoder,
            report_timeout=report_timeout,
        )
    else:
        from geo.parallel import extract_files_parallel

        try:
            result = extract_files_parallel(
                [str(p) for p in paths], jobs=jobs, engine=engine, scheduler=scheduler,
                data_dir=data, gaz=gaz, front=front, near=anchors, progress=bar.update,
                geocoder=geocoder, report_timeout=report_timeout,
            )
        except (FrontmapError, ImportError, OSError) as exc:
            _fail(f"--engine {engine}: {exc}")
    bar.close()
    if geocoder is not None:
        geocoder.close()
    for err in result.errors:
        typer.secho(f"frontmap: skipped {err}", err=True, fg=typer.colors.YELLOW)
    if result.reports == 0:  # nothing read: exit 2, and write no empty output
        if result.errors:
            _fail(f"no input could be read ({len(result.errors)} skipped, named above)")
        _fail("no report files found in " + ", ".join(str(p) for p in paths)
              + " (folders are walked for " + "/".join(sorted(TEXT_SUFFIXES)) + " files)")
    return result, fl


def _geocoder(fl):
    """The --online geocoder: its default box is the front line's area; it warns once on stderr."""
    from geo.geocode import OnlineGeocoder, padded_viewbox

    box = None
    if fl is not None:
        lon0, lat0, lon1, lat1 = fl.geometry(None).bounds
        box = padded_viewbox([(lat0, lon0), (lat1, lon1)])

    def warn(message: str) -> None:
        typer.secho(f"frontmap: warning: {message}", err=True, fg=typer.colors.YELLOW)

    return OnlineGeocoder(default_viewbox=box, warn=warn)


def _summary(result, out: str) -> None:
    claims = result.claims
    resolved = sum(1 for c in claims if c.resolved)
    geocoded = sum(1 for c in claims if c.resolved and str(c.coord_source) == "geocoder")
    extra = f", {geocoded} geocoded online" if geocoded else ""
    typer.echo(
        f"{result.files} files, {result.reports} reports: {len(claims)} claims "
        f"({resolved} placed{extra}, {len(claims) - resolved} unresolved) → {out}",
        err=True,
    )


@app.command()
def extract(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file: .geojson, .gpkg or .csv (- for GeoJSON on stdout).")] = Path("-"),
    data: DataOpt = None,
    front: FrontOpt = None,
    no_front: NoFrontOpt = False,
    near: Annotated[Optional[str], typer.Option(help="Pull ambiguous names towards LAT,LON.")] = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = "processes",
    scheduler: SchedulerOpt = None,
    online: OnlineOpt = False,
    report_timeout: ReportTimeoutOpt = 120.0,
) -> None:
    """Extract claims from reports: one feature per place mention (null geometry when unresolved)."""
    from maps.export import feature_collection, write_claims

    result, _ = _run_extract(paths, data, front, near, jobs, engine, scheduler, no_front, online, report_timeout)
    try:
        if str(output) == "-":
            json.dump(feature_collection(result.claims), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            write_claims(result.claims, output)
    except FrontmapError as exc:
        _fail(str(exc))
    _summary(result, str(output))
    raise typer.Exit(1 if result.errors else 0)


@app.command("map")
def map_(
    paths: Annotated[list[Path], typer.Argument(help="Report files or folders.", show_default=False)],
    output: Annotated[Path, typer.Option("-o", "--output", help="HTML map to write; the claims go beside it as .geojson.")] = Path("frontmap.html"),
    data: DataOpt = None,
    front: FrontOpt = None,
    no_front: NoFrontOpt = False,
    near: Annotated[Optional[str], typer.Option(help="Pull ambiguous names towards LAT,LON.")] = None,
    offline: Annotated[bool, typer.Option(help="Carry Leaflet's JavaScript and CSS inside the HTML (works with no internet but for tiles).")] = False,
    all_roles: Annotated[bool, typer.Option("--all-roles", help="Also draw places named only as speakers or venues.")] = False,
    title: Annotated[Optional[str], typer.Option(help="Map title.")] = None,
    jobs: JobsOpt = 1,
    engine: EngineOpt = "processes",
    scheduler: SchedulerOpt = None,
    online: OnlineOpt = False,
    report_timeout: ReportTimeoutOpt = 120.0,
) -> None:
    """Draw the claims of reports on an interactive map, and write them beside it as GeoJSON."""
    from maps.export import write_claims
    from maps.webmap import make_map, save_map

    result, fl = _run_extract(paths, data, front, near, jobs, engine, scheduler, no_front, online, report_timeout)
    try:
        m = make_map(
            result.claims,
            title=title or ", ".join(p.name for p in paths),
            offline=offline,
            include_roles=None if not all_roles else ("event", "speaker", "venue", "background", "region"),
            front=fl,
        )
        save_map(m, output)
        write_claims(result.claims, output.with_suffix(".geojson"))
    except FrontmapError as exc:
        _fail(str(exc))
    _summary(result, f"{output} (+ {output.with_suffix('.geojson').name})")
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def resolve(
    name: Annotated[str, typer.Argument(help="A place name, in any spelling or script.")],
    near: Annotated[Optional[str], typer.Option(help="Rank by distance to LAT,LON.")] = None,
    region: Annotated[Optional[str], typer.Option(help="Oblast or raion the place is in (e.g. 'Donetsk Oblast').")] = None,
    limit: Annotated[int, typer.Option(help="How many candidates to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
    explain: Annotated[bool, typer.Option(help="Show every piece of evidence behind each score.")] = False,
    data: DataOpt = None,
) -> None:
    """Ranked gazetteer candidates for NAME, with the reason for the ranking."""
    from gazetteer.ranking import confidence, rank

    gaz = _open_gazetteer(data, progress=True)
    regions = ()
    if region:
        rp = gaz.region(region)
        if rp is None:
            _fail(f"--region {region!r}: no oblast or raion of that name")
        regions = (rp.name,)
    ranked = rank(gaz.candidates(name, fuzzy=True, limit=500), name=name, near=_parse_near(near), regions=regions)
    conf = confidence(ranked)
    shown = ranked[:limit]
    if as_json:
        out = {
            "query": name,
            "candidates": len(ranked),
            "confidence": conf,
            "results": [
                {
                    "geonameid": c.place.geonameid,
                    "name": c.place.name,
                    "lat": c.place.lat,
                    "lon": c.place.lon,
                    "feature_code": c.place.feature_code,
                    "country": c.place.country,
                    "admin1": c.place.admin1,
                    "admin2": c.place.admin2,
                    "population": c.place.population,
                    "score": c.score,
                    "rule": c.rule,
                    "matched": c.matched,
                    "why": list(c.why),
                }
                for c in shown
            ],
        }
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if not ranked:
        typer.echo(f"No place found for {name!r}.")
        raise typer.Exit(1)
    typer.echo(f"{len(ranked)} candidates for {name!r} (confidence of the first: {conf:.2f})")
    for i, c in enumerate(shown, 1):
        p = c.place
        where = ", ".join(x for x in (p.admin2, p.admin1, p.country) if x)
        typer.echo(f"{i:>3}. {p.name} ({where}) {p.lat:.5f}, {p.lon:.5f}  geonameid {p.geonameid}  score {c.score:.2f}")
        reasons = c.why if explain else c.why[:2]
        for w in reasons:
            typer.echo(f"       - {w}")


@gazetteer_app.command("build")
def gazetteer_build(
    data: DataOpt = None,
    rebuild: Annotated[bool, typer.Option(help="Rebuild even if a matching index exists.")] = False,
) -> None:
    """Build the gazetteer index (once; later runs load it)."""
    from gazetteer import Gazetteer

    try:
        gaz = Gazetteer.open(data, rebuild=rebuild, progress=True)
    except FrontmapError as exc:
        _fail(str(exc))
    _print_info(gaz.info(), as_json=False)


@gazetteer_app.command("info")
def gazetteer_info(
    data: DataOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON output.")] = False,
) -> None:
    """Say what the gazetteer holds: sources, counts, build date."""
    gaz = _open_gazetteer(data, progress=True)
    _print_info(gaz.info(), as_json=as_json)


def _print_info(info: dict, *, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(info, ensure_ascii=False, indent=1, default=str))
        return
    for k, v in info.items():
        if isinstance(v, (list, dict)):
            typer.echo(f"{k}:")
            items = v.items() if isinstance(v, dict) else enumerate(v)
            for kk, vv in items:
                typer.echo(f"  {kk}: {vv}" if isinstance(v, dict) else f"  - {vv}")
        else:
            typer.echo(f"{k}: {v}")
    typer.echo(ATTRIBUTION_GEONAMES)


@app.callback(invoke_without_command=True)
def _main(
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.")] = False,
) -> None:
    if version:
        typer.echo(f"frontmap {__version__}")
        raise typer.Exit(0)


def main() -> None:  # pragma: no cover - console entry point
    app()
