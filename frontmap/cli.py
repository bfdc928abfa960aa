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
ContestedOpt = Annotated[
    int,
    typer.Option("--contested-days", min=0, help="A place is contested when the two sides' different claims about it are at most this many days apart."),
]
ChannelOpt = Annotated[
    Optional[str],
    typer.Option("--channel", help="The username of the channel a Telegram export holds (links t.me/NAME/ID to each message; its claimant if known).", show_default=False),
]
DateOpt = Annotated[
    Optional[str],
    typer.Option("--date", help="Report date YYYY-MM-DD for input that gives none (pasted text, standard input).", show_default=False),
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


def _checked_output(check, path: Path) -> None:
    try:
        check(path)
    except FrontmapError as exc:
        _fail(str(exc))


def _to_stdout(doc: dict) -> None:
    """Write GeoJSON to stdout; a reader that stops early (``| head``) ends the run quietly."""
    try:
        json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        sys.stdout.flush()
    except BrokenPipeError:
        # as the Python docs advise: point stdout at devnull so the interpreter's own flush at exit
        # does not fail again, and exit as a reader-closed pipe lets POSIX tools exit (quietly)
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(0) from None


def _open_gazetteer(data: Path | None, progress: bool = True, rebuild: bool = False, plain=None):
    """The gazetteer; the coarse fallback's warning as one plain line, not a Python warning;
    plain progress lines while it loads (or is built) when stderr is not a terminal."""
    import warnings

    from frontmap.progress import Progress
    from gazetteer import Gazetteer
    from gazetteer.sources import CoarseGazetteerWarning

    own = plain is None
    plain = Progress() if own else plain
    try:
        with warnings.catch_warnings(record=True) as caught, \
                plain.stage("opening the gazetteer (the first run builds its index)"):
            warnings.simplefilter("always", CoarseGazetteerWarning)
            gaz = Gazetteer.open(data, progress=progress, rebuild=rebuild)
    except FrontmapError as exc:
        _fail(str(exc))
    finally:
        if own:
            plain.close()
    for w in caught:
        if issubclass(w.category, CoarseGazetteerWarning):
            typer.secho(f"frontmap: warning: {w.message}", err=True, fg=typer.colors.YELLOW)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    return gaz


#: --near must lie within this many km of some place of the gazetteer
NEAR_REACH_KM = 150.0


def _parse_near(value: str | None, gaz=None):
    if not value:
        return ()
    from gazetteer.ranking import Anchor
    from geo.coordinates import parse_coordinate

    try:
        c = parse_coordinate(value)
    except FrontmapError as exc:
        _fail(f"--near {value!r}: {exc}")
    if gaz is not None and not gaz.near(c.lat, c.lon, NEAR_REACH_KM):
        # far from every place frontmap knows: most often latitude and longitude the wrong way round
        swap = abs(c.lon) <= 90 and bool(gaz.near(c.lon, c.lat, NEAR_REACH_KM))
        hint = f"; did you mean {c.lon:g},{c.lat:g}? (latitude first)" if swap else ""
        _fail(f"--near {value}: {c.lat:g}° N, {c.lon:g}° E is more than {NEAR_REACH_KM:g} km from every "
              f"place of the gazetteer{hint}")
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


def _reading_options(paths: list[Path], channel: str | None, date: str | None, jobs: int, engine: str,
                     append: bool = False) -> dict:
    """The reading options of extract and map (--channel, --date, standard input), checked."""
    import datetime as dt

    day = None
    if date is not None:
        try:
            day = dt.date.fromisoformat(date.strip())
        except ValueError:
            _fail(f"--date {date!r}: expected YYYY-MM-DD")
    special = append or any(str(p) == "-" for p in paths)
    if special and (jobs > 1 or engine != "processes"):
        _fail("--append and standard input (-) run in one process: drop --jobs/--engine")
    return {"channel": channel, "date": day}


def _run_extract(paths: list[Path], data: Path | None, front: Path | None, near: str | None,
                 jobs: int = 1, engine: str = "processes", scheduler: str | None = None,
                 no_front: bool = False, online: bool = False, reading: dict | None = None, keep=None,
                 contested_days: int = 14, report_timeout: float = 120.0):
    from tqdm import tqdm

    from geo.extract import extract_files
    from geo.reports import TEXT_SUFFIXES

    from frontmap.progress import Progress

    if engine not in ("processes", "dask"):
        _fail(f"--engine {engine!r}: expected 'processes' or 'dask'")
    plain = Progress()  # plain lines when stderr is not a terminal (a bar when it is)
    try:
        gaz = _open_gazetteer(data, plain=plain)
        if front is None and not no_front:
            from frontmap.settings import front_file

            front = front_file(data)
        with plain.stage(f"reading the front line {front}"):
            fl = _front(front, data, use_default=False, gaz=gaz)
        anchors = _parse_near(near, gaz)
        geocoder = _geocoder(fl) if online else None
        total = None
        if plain.plain:
            from geo.parallel import list_input_files

            total = len(list_input_files([str(p) for p in paths])[0])
        bar = tqdm(desc="reports", unit=" reports", disable=not sys.stderr.isatty(), file=sys.stderr)
        with plain.stage("extracting", total=total):
            if jobs == 1 and engine == "processes":
                result = extract_files(
                    [str(p) for p in paths],
                    gaz,
                    front_km_for=(fl.distance_function if fl is not None else None),
                    near=anchors,
                    progress=_counter(bar, plain),
                    geocoder=geocoder,
                    online=online,
                    keep=keep,
                    report_timeout=report_timeout,
                    contested_days=contested_days,
                    **(reading or {}),
                )
            else:
                from geo.parallel import extract_files_parallel

                try:
                    result = extract_files_parallel(
                        [str(p) for p in paths], jobs=jobs, engine=engine, scheduler=scheduler,
                        data_dir=data, gaz=gaz, front=front, near=anchors,
                        progress=lambda n: (bar.update(n), plain.update(n)),
                        geocoder=geocoder, report_timeout=report_timeout,
                        contested_days=contested_days, **(reading or {}),
                    )
                except (FrontmapError, ImportError, OSError) as exc:
                    _fail(f"--engine {engine}: {exc}")
        bar.close()
    finally:
        plain.close()
    from geo.verify import check_claims

    result.claims = check_claims(result.claims, fl)
    if geocoder is not None:
        geocoder.close()
    for warning in result.warnings:
        typer.secho(f"frontmap: warning: {warning}", err=True, fg=typer.colors.YELLOW)
    for err in result.errors:
        typer.secho(f"frontmap: skipped {err}", err=True, fg=typer.colors.YELLOW)
    if result.reports == 0 and keep is not None and result.read:  # an append with nothing new
        return result, fl
    if result.reports == 0:  # nothing read: exit 2, and write no empty output
        if result.errors:
            _fail(f"no input could be read ({len(result.errors)} skipped, named above)")
        _fail("no report files found in " + ", ".join(str(p) for p in paths)
              + " (folders are walked for " + "/".join(sorted(TEXT_SUFFIXES)) + " files)")
    return result, fl


def _counter(bar, plain):
    """The per-report progress callback: the bar, and the plain lines' report and file counts
    (a file's later posts have sources ``path#N`` or ``path@N``)."""
    last = [None]

    def seen(report) -> None:
        bar.update(1)
        src, prev = report.source, last[0]
        new_file = prev is None or not (src == prev or src.startswith((prev + "#", prev + "@")))
        if new_file:
            last[0] = src
        plain.update(1, files=1 if new_file else 0)

    return seen


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
    channel: ChannelOpt = None,
    date: DateOpt = None,
    append: Annotated[bool, typer.Option("--append", help="Add to the claims store -o FILE.gpkg only the reports it does not hold (changed ones replaced).")] = False,
    contested_days: ContestedOpt = 14,
    report_timeout: ReportTimeoutOpt = 120.0,
) -> None:
    """Extract claims from reports: one feature per place mention (null geometry when unresolved).

    Reports are files, folders (walked for text, HTML, feeds and Telegram Desktop exports), - for standard input,
    or feed URLs with --online.
    """
    from maps.export import check_output, feature_collection, write_claims

    reading = _reading_options(paths, channel, date, jobs, engine, append)
    if str(output) != "-":
        _checked_output(check_output, output)  # a bad suffix or folder: said before any work
    if append:
        _append(paths, output, data, front, near, no_front, online, reading)
        return
    result, fl = _run_extract(paths, data, front, near, jobs, engine, scheduler, no_front, online, reading,
                             contested_days=contested_days, report_timeout=report_timeout)
    try:
        if str(output) == "-":
            _to_stdout(feature_collection(result.claims))
        else:
            write_claims(result.claims, output, front=fl)
    except FrontmapError as exc:
        _fail(str(exc))
    _summary(result, str(output))
    raise typer.Exit(1 if result.errors else 0)


def _append(paths, output: Path, data, front, near, no_front: bool, online: bool, reading: dict) -> None:
    """``extract --append``: the reports the store does not hold, extracted and added to it."""
    from maps.store import append_claims, report_hash, report_key, store_hashes

    if output.suffix.lower() != ".gpkg":
        _fail(f"--append: the store must be a GeoPackage (-o FILE.gpkg), not {str(output)!r}")
    try:
        held = store_hashes(output)
    except FrontmapError as exc:
        _fail(str(exc))
    result, _ = _run_extract(paths, data, front, near, 1, "processes", None, no_front, online, reading,
                             keep=lambda r: held.get(report_key(r)) != report_hash(r))
    try:
        done = append_claims(output, result.claims, result.read)
    except FrontmapError as exc:
        _fail(str(exc))
    typer.echo(
        f"{result.files} files, {len(result.read)} reports: {done.added} new, {done.replaced} changed, "
        f"{done.unchanged} already stored; {done.claims_added} claims added, {done.claims_removed} removed → {output}",
        err=True,
    )
    raise typer.Exit(1 if result.errors else 0)


def _stored_claims(paths: list[Path]) -> tuple[list[Path], list]:
    """``map``'s inputs that are claims stores (.gpkg) read, and the others left to extract."""
    from geo.extract import mark_contested
    from maps.frame import frame_to_claims
    from maps.store import read_store

    stores = [p for p in paths if p.suffix.lower() == ".gpkg" and p.is_file()]
    claims: list = []
    for p in stores:
        try:
            claims.extend(frame_to_claims(read_store(p)))
        except FrontmapError as exc:
            _fail(str(exc))
    return [p for p in paths if p not in stores], mark_contested(claims) if claims else claims


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
    channel: ChannelOpt = None,
    date: DateOpt = None,
    contested_days: ContestedOpt = 14,
    report_timeout: ReportTimeoutOpt = 120.0,
) -> None:
    """Draw the claims of reports (or of claims stores, .gpkg) on an interactive map, and write them beside it as GeoJSON."""
    from frontmap.files import replacing
    from maps.export import check_output, write_claims
    from maps.webmap import check_map_output, make_map, save_map

    # both outputs checked before any work, and written together: both or neither
    _checked_output(check_map_output, output)
    _checked_output(check_output, output.with_suffix(".geojson"))
    reading = _reading_options(paths, channel, date, jobs, engine)
    to_read, stored = _stored_claims(paths)
    if to_read:
        result, fl = _run_extract(to_read, data, front, near, jobs, engine, scheduler, no_front, online, reading,
                                 contested_days=contested_days, report_timeout=report_timeout)
        result.claims = stored + result.claims
    else:
        from geo.extract import ExtractResult

        result = ExtractResult(claims=stored)
        fl = None if no_front else _front(front, data, use_default=True, gaz=_open_gazetteer(data))
    try:
        m = make_map(
            result.claims,
            title=title or ", ".join(p.name for p in paths),
            offline=offline,
            include_roles=None if not all_roles else ("event", "speaker", "venue", "background", "region"),
            front=fl,
        )
        with replacing(output, output.with_suffix(".geojson"), suffix=True) as (tmp_html, tmp_geojson):
            save_map(m, tmp_html)
            write_claims(result.claims, tmp_geojson)
    except OSError as exc:  # ExportError is an OSError
        _fail(str(exc))
    _summary(result, f"{output} (+ {output.with_suffix('.geojson').name})")
    raise typer.Exit(1 if result.errors else 0)


@app.command()
def verify(
    paths: Annotated[list[Path], typer.Argument(help="Claims files (.geojson, .gpkg, .csv) or report files and folders.", show_default=False)],
    csv: Annotated[Optional[Path], typer.Option("--csv", help="Write the per-claimant table as CSV.")] = None,
    chart: Annotated[Optional[Path], typer.Option("--chart", help="Draw the per-claimant table as a PNG chart.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="Also write the checked claims (.geojson, .gpkg, .csv).")] = None,
    data: DataOpt = None,
    front: FrontOpt = None,
    near: Annotated[Optional[str], typer.Option(help="Pull ambiguous names towards LAT,LON (reports only).")] = None,
    jobs: JobsOpt = 1,
    contested_days: Annotated[Optional[int], typer.Option("--contested-days", min=0, help="Mark contested places again with this window of days (claims files keep their marks without it; reports: default 14).")] = None,
) -> None:
    """Check captured/entered claims against the front line: per claimant, the share confirmed and the lag."""
    import time

    from maps.export import write_claims
    from maps.verify import CLAIM_SUFFIXES, read_claims, verify_chart
    from geo.verify import check_claims, verify_summary

    t0 = time.perf_counter()
    errors = 0
    if all(p.suffix.lower() in CLAIM_SUFFIXES for p in paths):
        from frontmap.settings import front_file

        gaz = _open_gazetteer(data, progress=False)
        fl = _front(front or front_file(data), data, use_default=False, gaz=gaz)
        claims = []
        for p in paths:
            try:
                claims += read_claims(p)
            except FrontmapError as exc:
                _fail(str(exc))
        if contested_days is not None:
            from geo.extract import mark_contested

            claims = mark_contested(claims, contested_days)
        claims = check_claims(claims, fl)
    else:
        result, fl = _run_extract(paths, data, front, near, jobs,
                                  contested_days=14 if contested_days is None else contested_days)
        claims, errors = result.claims, len(result.errors)
    if fl is None:
        _fail("no front line: give --front FILE or a data folder with frontline/deepstate_history.geojson.xz")
    table = verify_summary(claims)
    last = fl.dates[-1].isoformat()
    typer.echo(f"{len(claims)} claims checked against the DeepState line of {fl.dates[0].isoformat()} to {last}")
    typer.echo(f"{'claimant':<16}{'claims':>7}{'checked':>8}{'confirmed':>10}{'share':>7}{'median lag':>11}  unconfirmed as of {last}")
    for _, r in table.iterrows():
        share = "" if r["checked"] == 0 else f"{r['share_confirmed']:.0%}"
        lag = "" if r["median_lag_days"] != r["median_lag_days"] else f"{r['median_lag_days']:+.0f} d"
        typer.echo(f"{r['claimant']:<16}{r['claims']:>7}{r['checked']:>8}{r['confirmed']:>10}{share:>7}{lag:>11}  {r['unconfirmed_claims']}")
    try:
        if csv is not None:
            table.to_csv(csv, index=False, encoding="utf-8", lineterminator="\n")
        if chart is not None:
            verify_chart(table, chart)
        if output is not None:
            write_claims(claims, output, front=fl)
    except (FrontmapError, OSError) as exc:
        _fail(str(exc))
    typer.echo(f"({time.perf_counter() - t0:.1f} s)", err=True)
    raise typer.Exit(1 if errors else 0)


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
    from gazetteer.ranking import CONFIDENT, FUZZY_ONLY, confidence, name_confidence, rank

    gaz = _open_gazetteer(data, progress=True)
    regions = ()
    if region:
        rp = gaz.region(region)
        if rp is None:
            _fail(f"--region {region!r}: no oblast or raion of that name")
        regions = (rp.name,)
    found = gaz.candidates(name, fuzzy=True, limit=500)
    ranked = rank(found, name=name, near=_parse_near(near, gaz), regions=regions)
    conf = name_confidence(ranked)
    shown = ranked[:limit]
    if as_json:
        out = {
            "query": name,
            "candidates": len(ranked),
            "confidence": conf,
            "confident": conf >= CONFIDENT,
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
    if conf < CONFIDENT:
        how = "only a fuzzy match, " if ranked[0].rule == "fuzzy" else ""
        typer.echo(f"No confident match ({how}confidence {conf:.2f} < {CONFIDENT:.2f}); the closest:")
    if explain:
        margin = ranked[0].score - ranked[1].score if len(ranked) > 1 else None
        typer.echo(
            f"  confidence {confidence(ranked):.2f} from the first's score {ranked[0].score:.2f}"
            + (f", {margin:.2f} above the second's" if margin is not None else ", no other candidate")
            + f", among {len(ranked)}"
            + (f"; x{FUZZY_ONLY:g} as the first was reached by fuzzy matching alone" if ranked[0].rule == "fuzzy" else "")
        )
    lookup_why = {c.place.geonameid: c for c in found}
    for i, c in enumerate(shown, 1):
        p = c.place
        where = ", ".join(x for x in (p.admin2, p.admin1, p.country) if x)
        typer.echo(f"{i:>3}. {p.name} ({where}) {p.lat:.5f}, {p.lon:.5f}  geonameid {p.geonameid}  score {c.score:.2f}")
        reasons = c.why if explain else c.why[:2]
        for w in reasons:
            typer.echo(f"       - {w}")
        if explain:  # how the name reached the place, and what the place is
            first = lookup_why.get(p.geonameid)
            for w in first.why if first is not None else ():
                typer.echo(f"       - found by {w}" + (f" (match {first.score:.2f})" if first.score else ""))
            typer.echo(f"       - {p.feature_code or 'no feature code'}, population {p.population:,}"
                       + (f"; {len(gaz.names(p.geonameid))} names in the gazetteer" if p.geonameid in gaz else ""))


@gazetteer_app.command("build")
def gazetteer_build(
    data: DataOpt = None,
    rebuild: Annotated[bool, typer.Option(help="Rebuild even if a matching index exists.")] = False,
) -> None:
    """Build the gazetteer index (once; later runs load it)."""
    gaz = _open_gazetteer(data, progress=True, rebuild=rebuild)
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
