"""Extraction over many files at once: a process pool, or a Dask cluster.

:func:`extract_files_parallel` runs the pipeline of :func:`geo.extract.extract_files` over
files in parallel and gives the same :class:`~geo.extract.ExtractResult`: the same claims in
input order, the same per-file errors (a file that cannot be read is reported, never the batch
lost), contested places marked across the whole batch.

Engines
    ``"processes"`` (default)
        A :class:`concurrent.futures.ProcessPoolExecutor` of ``jobs`` workers over chunks of
        files. Each worker loads the gazetteer index once (a plain file of numpy arrays, loaded
        in tens of milliseconds) and the front line once. ``jobs=1`` is the single-process
        :func:`geo.extract.extract_files` itself.
    ``"dask"``
        The same per-file work over a :mod:`dask.bag` of the files, computed on a
        :mod:`distributed` cluster: a :class:`distributed.LocalCluster` of ``jobs`` single-threaded
        worker processes by default, or the scheduler at ``scheduler`` (``"tcp://host:8786"``)
        or an existing :class:`distributed.Client`. Workers open the index the client built
        when its path exists on their machine; otherwise they open the gazetteer from their own
        data folder (``data_dir``, else their ``$FRONTMAP_DATA``), building their own index
        once. The input files (and the front-line file) must be readable at the same paths on
        every worker (a shared file system).

A worker (or a whole chunk of files) that fails is reported as one
:class:`~frontmap.errors.ReportError` per file of the chunk; the other chunks are kept.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> row = ["709930", "Zvanivka", "Zvanivka", "Zvanovka,Званівка", "48.75", "38.1", "P",
...        "PPL", "UA", "", "05", "1402", "", "", "0", "", "150", "Europe/Kyiv", ""]
>>> (folder / "geonames").mkdir()
>>> _ = (folder / "geonames" / "UA.txt").write_text("\\t".join(row) + "\\n", encoding="utf-8")
>>> (folder / "in").mkdir()
>>> _ = (folder / "in" / "r1.txt").write_text("Units liberated Zvanovka.", encoding="utf-8")
>>> result = extract_files_parallel([folder / "in", folder / "missing.txt"], jobs=2,
...                                 data_dir=folder, cache_dir=folder)
>>> [c.name for c in result.claims], result.files, [e.problem for e in result.errors]
(['Zvanivka'], 1, ['no such file or directory'])
"""

from __future__ import annotations

import datetime as _dt
import concurrent.futures as cf
import math
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontmap import errors as _errors
from frontmap.errors import FrontmapError, ReportError, ReportTimeoutError
from geo.extract import CONTESTED_DAYS, ExtractResult, ReportTimeLimit, _iter_reports, extract_files, extract_report, mark_contested
from geo.model import Claim
from geo.reports import iter_input_files

if TYPE_CHECKING:  # pragma: no cover
    from gazetteer import Gazetteer
    from gazetteer.ranking import Anchor
    from geo.frontline import FrontLine

__all__ = ["ENGINES", "WorkerSpec", "FileResult", "extract_files_parallel", "list_input_files"]

#: The engines :func:`extract_files_parallel` knows.
ENGINES = ("processes", "dask")


@dataclass(frozen=True)
class WorkerSpec:
    """What a worker needs to open its gazetteer and front line (picklable, hashable).

    ``index`` is the path of a built index (:func:`gazetteer.index.load_index`); when it does not
    exist where the worker runs, the worker opens the gazetteer from ``data_dir`` (None: its
    ``$FRONTMAP_DATA``) with its index cached in ``cache_dir`` (None: its frontmap cache).
    """

    index: str | None = None
    data_dir: str | None = None
    cache_dir: str | None = None
    front: str | None = None
    near: tuple[Anchor, ...] = ()
    report_timeout: float | None = None  #: seconds allowed for one report (see geo.extract.ReportTimeLimit)
    channel: str | None = None  #: the channel a Telegram export holds (``--channel``)
    date: _dt.date | None = None  #: the report date of inputs that give none (``--date``)


@dataclass(frozen=True)
class FileResult:
    """What one file gave: its claims (contested not yet marked), reports read, and errors
    as ``(error class name, path, problem)`` (``ReportError`` does not survive pickling)."""

    claims: tuple[Claim, ...] = ()
    reports: int = 0
    errors: tuple[tuple[str, str, str], ...] = ()
    warnings: tuple[str, ...] = ()


# One gazetteer and front line per worker process (or thread, for a threaded cluster).
_STATE: dict[WorkerSpec, tuple[Gazetteer, FrontLine | None]] = {}
_STATE_LOCK = threading.Lock()


def _worker_state(spec: WorkerSpec) -> tuple[Gazetteer, FrontLine | None]:
    state = _STATE.get(spec)
    if state is not None:
        return state
    with _STATE_LOCK:
        state = _STATE.get(spec)
        if state is None:
            from gazetteer import Gazetteer
            from gazetteer.index import load_index

            if spec.index is not None and Path(spec.index).is_file():
                gaz = Gazetteer(load_index(spec.index))
            else:
                gaz = Gazetteer.open(spec.data_dir, progress=False, cache_dir=spec.cache_dir)
            front = None
            if spec.front is not None:
                from geo.frontline import FrontLine

                front = FrontLine.from_file(spec.front, gaz)
            state = _STATE[spec] = (gaz, front)
    return state


def _init_worker(spec: WorkerSpec) -> None:
    _worker_state(spec)


def _error_tuple(exc: ReportError) -> tuple[str, str, str]:
    return (type(exc).__name__, exc.path, exc.problem)


def _extract_one(spec: WorkerSpec, path: str) -> FileResult:
    """The claims of one file, as :func:`geo.extract.extract_files` makes them (unmarked)."""
    gaz, front = _worker_state(spec)
    result = ExtractResult()
    claims: list[Claim] = []
    for report in _iter_reports([path], result, channel=spec.channel, date=spec.date):
        result.reports += 1
        front_km = front.distance_function(report.date) if front is not None else None
        try:
            with ReportTimeLimit(spec.report_timeout, report.source):
                found = extract_report(report, gaz, front_km=front_km, near=spec.near)
            claims.extend(found)
        except ReportTimeoutError as exc:
            result.errors.append(exc)
        except FrontmapError as exc:
            result.errors.append(ReportError(report.source, f"{type(exc).__name__}: {exc}"))
        except Exception as exc:  # a bug on one report must not lose the batch
            result.errors.append(ReportError(report.source, f"{type(exc).__name__}: {exc}"))
    return FileResult(tuple(claims), result.reports, tuple(_error_tuple(e) for e in result.errors),
                      tuple(result.warnings))


def _extract_chunk(paths: Sequence[str], spec: WorkerSpec) -> list[FileResult]:
    out = []
    for p in paths:
        try:
            out.append(_extract_one(spec, p))
        except Exception as exc:  # e.g. the gazetteer cannot be opened on this worker
            out.append(FileResult(errors=(("ReportError", p, f"{type(exc).__name__}: {exc}"),)))
    return out


def _extract_partition(part: Sequence[Sequence[str]], spec: WorkerSpec) -> list[FileResult]:
    return [r for chunk in part for r in _extract_chunk(chunk, spec)]


def _failed(paths: Sequence[str], exc: BaseException) -> list[FileResult]:
    problem = f"worker failed: {type(exc).__name__}: {exc}"
    return [FileResult(errors=(("ReportError", p, problem),)) for p in paths]


def _rebuild_error(cls_name: str, path: str, problem: str) -> ReportError:
    cls = getattr(_errors, cls_name, ReportError)
    if not (isinstance(cls, type) and issubclass(cls, ReportError)):
        cls = ReportError
    return cls(path, problem)


def list_input_files(
    paths: Iterable[str | os.PathLike[str]],
) -> tuple[list[Path], list[ReportError]]:
    """The report files named by ``paths`` (see :func:`geo.reports.iter_input_files`), and an
    error for each path that does not exist.

    Examples
    --------
    >>> files, errs = list_input_files(["/nonexistent/a.txt"])
    >>> files, [e.problem for e in errs]
    ([], ['no such file or directory'])
    """
    files: list[Path] = []
    errs: list[ReportError] = []
    for p in paths:
        try:
            files.extend(iter_input_files([p]))
        except ReportError as exc:
            if all(str(exc) != str(x) for x in errs):
                errs.append(exc)
    return files, errs


def _chunks(items: list[str], jobs: int, chunk_size: int | None) -> list[list[str]]:
    if chunk_size is None:  # about 8 chunks per worker (load balance), at most 64 files each
        chunk_size = max(1, min(64, math.ceil(len(items) / (8 * max(1, jobs)))))
    return [items[i:i + chunk_size] for i in range(0, len(items), chunk_size)]


def _run_processes(chunks: list[list[str]], spec: WorkerSpec, jobs: int,
                   done: Callable[[list[FileResult]], None]) -> list[list[FileResult]]:
    out: list[list[FileResult] | None] = [None] * len(chunks)
    with cf.ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                                initargs=(spec,)) as pool:
        futures = {pool.submit(_extract_chunk, c, spec): i for i, c in enumerate(chunks)}
        for fut in cf.as_completed(futures):
            i = futures[fut]
            try:
                out[i] = fut.result()
            except Exception as exc:  # BrokenProcessPool, an unpicklable result...
                out[i] = _failed(chunks[i], exc)
            done(out[i])
    return [o if o is not None else [] for o in out]


def _run_dask(chunks: list[list[str]], spec: WorkerSpec, jobs: int, scheduler: Any,
              done: Callable[[list[FileResult]], None]) -> list[list[FileResult]]:
    import dask.bag as db
    from distributed import Client, LocalCluster, as_completed

    own: list[Any] = []
    if scheduler is None:
        cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        own.append(cluster)
        client = Client(cluster)
        own.insert(0, client)
    elif isinstance(scheduler, Client):
        client = scheduler
    else:  # an address, or a cluster object
        client = Client(scheduler)
        own.append(client)
    try:
        # a bag of the chunks, one chunk per partition: the unit of work and of failure
        bag = db.from_sequence(chunks, partition_size=1)
        parts = bag.map_partitions(_extract_partition, spec).to_delayed()
        if bag.npartitions != len(chunks):  # pragma: no cover - from_sequence's contract
            raise RuntimeError("dask bag partitions do not match the chunks of files")
        futures = client.compute(parts)
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[list[FileResult] | None] = [None] * len(futures)
        for fut in as_completed(futures):
            i = index[fut.key]
            try:
                out[i] = list(fut.result())
            except Exception as exc:  # KilledWorker, a lost connection...
                out[i] = _failed(chunks[i], exc)
            done(out[i])
        return [o if o is not None else [] for o in out]
    finally:
        for obj in own:
            obj.close()


def extract_files_parallel(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    engine: str = "processes",
    scheduler: Any = None,
    data_dir: str | os.PathLike[str] | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    gaz: Gazetteer | None = None,
    front: str | os.PathLike[str] | None = None,
    near: Sequence[Anchor] = (),
    chunk_size: int | None = None,
    progress: Callable[[int], None] | None = None,
    geocoder: Any = None,
    report_timeout: float | None = None,
    contested_days: int = CONTESTED_DAYS,
    channel: str | None = None,
    date: _dt.date | None = None,
) -> ExtractResult:
    """Claims from files and folders, extracted in parallel; unreadable inputs are reported.

    The result equals that of :func:`geo.extract.extract_files` over the same inputs: claims in
    input order, contested places marked across the batch, one error per unreadable input.

    Parameters
    ----------
    paths
        Files or folders (walked recursively for text and HTML files).
    jobs
        Worker processes (default: the number of CPUs). With the ``"processes"`` engine,
        ``jobs=1`` runs :func:`geo.extract.extract_files` in this process.
    engine
        ``"processes"`` or ``"dask"`` (see the module docstring).
    scheduler
        Dask only: a scheduler address (``"tcp://host:8786"``), a cluster or a
        :class:`distributed.Client`; default a local cluster of ``jobs`` workers.
    data_dir, cache_dir
        Where the gazetteer's dumps and index are (see :meth:`gazetteer.Gazetteer.open`).
    gaz
        An opened gazetteer: used as is in this process, and its index file by the workers.
    front
        A front-line file (see :meth:`geo.frontline.FrontLine.from_file`); each worker loads it
        once and ranks by the distance to each report's day.
    near
        Extra anchors for resolution.
    chunk_size
        Files per task (default: about eight tasks per worker, at most 64 files each).
    progress
        Called with the number of reports of each chunk of files done.
    geocoder
        A :class:`geo.geocode.OnlineGeocoder` (opt-in ``--online``): the names left
        unresolved are looked up in this process once the workers are done, one request a
        second (workers never query), with the same result as :func:`geo.extract.extract_files`.
    report_timeout
        Seconds allowed for one report (None or 0: no limit): a report that takes longer is
        named in ``errors``, the rest of the batch is kept. Applies in this process and in the
        ``"processes"`` workers; not in Dask's worker threads (see :class:`geo.extract.ReportTimeLimit`).
    contested_days
        The window of :func:`geo.extract.mark_contested`, applied once to the whole batch.
    channel, date
        As in :func:`geo.extract.extract_files`: the channel of a Telegram export, the date of
        the reports that give none; each worker reads its files with them.

    Raises
    ------
    ValueError
        If ``engine`` is unknown or ``jobs`` is below 1.
    GazetteerError
        If the gazetteer cannot be opened in this process.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine {engine!r}: expected one of {', '.join(ENGINES)}")
    jobs = (os.cpu_count() or 1) if jobs is None else int(jobs)
    if jobs < 1:
        raise ValueError(f"jobs={jobs}: at least one worker is needed")
    near = tuple(near)
    if gaz is None:
        from gazetteer import Gazetteer

        gaz = Gazetteer.open(data_dir, progress=False, cache_dir=cache_dir)  # build it once, here
    if engine == "processes" and jobs == 1:
        fl = None
        if front is not None:
            from geo.frontline import FrontLine

            fl = FrontLine.from_file(front, gaz)
        return extract_files(
            [str(p) for p in paths], gaz,
            front_km_for=fl.distance_function if fl is not None else None, near=near,
            progress=(lambda r: progress(1)) if progress is not None else None, geocoder=geocoder,
            report_timeout=report_timeout, contested_days=contested_days, channel=channel, date=date,
        )
    files, path_errors = list_input_files(list(paths))
    spec = WorkerSpec(
        index=gaz.info().get("index"),
        data_dir=None if data_dir is None else str(data_dir),
        cache_dir=None if cache_dir is None else str(cache_dir),
        front=None if front is None else str(front),
        near=near,
        report_timeout=report_timeout,
        channel=channel,
        date=date,
    )
    names = [str(f) for f in files]

    def done(results: list[FileResult]) -> None:
        if progress is not None:
            progress(sum(r.reports for r in results))

    chunks = _chunks(names, jobs, chunk_size)
    if not chunks:
        per_chunk: list[list[FileResult]] = []
    elif engine == "dask":
        per_chunk = _run_dask(chunks, spec, jobs, scheduler, done)
    else:
        per_chunk = _run_processes(chunks, spec, jobs, done)
    result = ExtractResult(errors=list(path_errors), files=len(files))
    claims: list[Claim] = []
    for results in per_chunk:
        for r in results:
            claims.extend(r.claims)
            result.reports += r.reports
            result.errors.extend(_rebuild_error(*e) for e in r.errors)
            result.warnings.extend(w for w in r.warnings if w not in result.warnings)
    if geocoder is not None:  # one rate-limited geocoder, here, over every report's claims
        from geo.geocode import geocode_claims

        claims = geocode_claims(claims, geocoder)
    result.claims = mark_contested(claims, contested_days)
    return result
