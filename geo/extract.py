"""From report files to claims: the whole reading pipeline.

``read → split into posts → sentences → coordinates → place mentions → claim around each
mention (action, claimant, role, date) → resolution against the gazetteer → claims``.

Bad input never loses a batch: each file that cannot be read is reported (path and problem)
in ``ExtractResult.errors`` and the rest is processed.
"""

from __future__ import annotations

import bisect
import logging
import os
import signal
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from frontmap.errors import FrontmapError, ReportError, ReportTimeoutError
from gazetteer.names import fold
from gazetteer.ranking import Anchor
from geo.claims import analyse_mention_all
from geo.coordinates import find_coordinates
from geo.dates import claim_date
from geo.mentions import find_mentions
from geo.model import Claim, Claimant, CoordSource, Mention, Report
from geo.relative import derive_point, find_relation
from geo.reports import iter_file_reports, iter_input_files
from geo.resolve import resolve_mentions
from geo.text import sentences

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from geo.geocode import OnlineGeocoder

__all__ = ["ExtractResult", "extract_text", "extract_report", "extract_files", "mark_contested", "ReportTimeLimit"]

log = logging.getLogger(__name__)

_RU = {Claimant.RU_MOD, Claimant.RU_OFFICIAL, Claimant.RU_MILBLOGGER}
_UA = {Claimant.UA_GENERALSTAFF, Claimant.UA_OFFICIAL}


@dataclass
class ExtractResult:
    """The claims of a batch, and the inputs that could not be read (path and problem)."""

    claims: list[Claim] = field(default_factory=list)
    errors: list[ReportError] = field(default_factory=list)
    reports: int = 0
    files: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def extract_text(
    text: str,
    gaz: Gazetteer,
    *,
    source: str = "",
    date=None,
    front_km: Callable[[float, float], float | None] | None = None,
    near: Sequence[Anchor] = (),
    geocoder: OnlineGeocoder | None = None,
) -> list[Claim]:
    """Claims from a piece of text (``geocoder``: see :func:`extract_report`).

    Examples
    --------
    >>> claims = extract_text("Units liberated the settlement of Zvanovka.", gaz)  # doctest: +SKIP
    >>> claims[0].name  # doctest: +SKIP
    'Zvanivka'
    """
    return extract_report(
        Report(text=text, source=source, date=date), gaz, front_km=front_km, near=near, geocoder=geocoder
    )


def extract_report(
    report: Report,
    gaz: Gazetteer,
    *,
    front_km: Callable[[float, float], float | None] | None = None,
    near: Sequence[Anchor] = (),
    geocoder: OnlineGeocoder | None = None,
) -> list[Claim]:
    """Claims from one report (one post).

    With a ``geocoder`` (:class:`geo.geocode.OnlineGeocoder`, opt-in ``--online``), the places
    of event and background mentions the gazetteer left unresolved are looked up online
    (:func:`geo.geocode.geocode_claims`); without one they stay unresolved (null geometry).
    """
    text = report.text
    coords = find_coordinates(text)
    mentions = find_mentions(text, gaz, coordinates=coords)
    if not mentions:
        return []
    # a sentence too long to keep whole is never cut inside a name, and one that a name runs
    # across all the same (a break the splitter saw inside it) is joined to the next
    spans = _holding(sentences(text, keep=[(m.start, m.end) for m in mentions]) or [(0, len(text))], mentions)
    starts = [s for s, _ in spans]

    def sentence_of(offset: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(starts, offset) - 1)
        return spans[k]

    def previous_sentence(s: int) -> str:
        k = bisect.bisect_right(starts, s) - 2
        return text[spans[k][0] : spans[k][1]] if k >= 0 else ""

    contexts = []
    # the text before each sentence, and the sentence, cut once for all the mentions in it
    # (the sentence is kept with each mention; the text before it only while its mentions are
    # read: one 6,000-character context per sentence would take memory far beyond the text's)
    sentence_text: dict[int, str] = {}
    at, prev = -1, ""
    for m in mentions:
        s, e = sentence_of(m.start)
        if s != at:
            # the post up to the sentence: attributions carry over ("the ministry said"), and so
            # do post headers that name the author
            at, prev = s, text[max(0, s - 6000) : s]
        sentence = sentence_text.get(s)
        if sentence is None:
            sentence = sentence_text[s] = text[s:e]
        ctxs = analyse_mention_all(sentence, m.start - s, m.end - s, report=report, context=prev)
        contexts.append((sentence, ctxs))
    # places named only as speakers or venues ("Moscow said", "talks in Geneva") neither pull
    # other names towards them nor are pulled towards the front; events and background do
    events = [any(c.role in ("event", "background") for c in ctxs) for _, ctxs in contexts]
    resolutions = resolve_mentions(
        mentions, gaz, text=text, sentence_of=sentence_of, events=events, front_km=front_km, near=near
    )
    claims: list[Claim] = []
    seen: set[tuple] = set()
    quotes: dict[str, str] = {}  # each sentence's whitespace folded once
    for m, r, (sentence, ctxs) in zip(mentions, resolutions, contexts):
        folded = fold(m.text)
        for ctx in ctxs:
            place = r.place
            key = (place.geonameid if place else folded, folded, ctx.claimant, ctx.action, ctx.role)
            if key in seen:
                continue
            seen.add(key)
            cdate = claim_date(sentence, report.date, previous=previous_sentence(sentence_of(m.start)[0])) if ctx.role == "event" else None
            precision = r.precision
            role = ctx.role
            if place is not None and (place.feature_class == "A" or place.feature_code.startswith("PCL")):
                precision = 3
            lat, lon, uncertainty, coord_source, derived_from, why_derived = (
                r.lat, r.lon, r.uncertainty_m, r.coord_source, "", ())
            if role == "event" and place is not None and place.feature_class == "P" and r.lat is not None \
                    and r.coord_source is not CoordSource.TEXT:
                # "3 km north-east of X", "the southern outskirts of X": the claim is beside its anchor
                s0 = sentence_of(m.start)[0]
                rel = find_relation(sentence, m.start - s0, m.end - s0)
                if rel is not None:
                    lat, lon, uncertainty = derive_point(r.lat, r.lon, rel)
                    coord_source, precision, derived_from = CoordSource.DERIVED, 2, place.name
                    why_derived = (f"derived: '{rel.text}' {place.name} ({rel.kind}, ±{uncertainty / 1000:.1f} km)",)
            quote = quotes.get(sentence)
            if quote is None:
                quote = quotes[sentence] = " ".join(sentence.split())
            claims.append(
                Claim(
                    place=m.text,
                    lat=lat,
                    lon=lon,
                    name=place.name if place else "",
                    geonameid=place.geonameid if place else None,
                    admin1=place.admin1 if place else "",
                    admin2=place.admin2 if place else "",
                    country=place.country if place else "",
                    feature_code=place.feature_code if place else "",
                    coord_source=coord_source,
                    confidence=round(float(r.confidence), 3),
                    precision=precision,
                    uncertainty_m=uncertainty,
                    report_date=report.date,
                    claim_date=cdate,
                    action=ctx.action,
                    action_detail=ctx.action_detail,
                    claimant=ctx.claimant,
                    role=role,
                    unit=ctx.unit,
                    direction=ctx.direction,
                    derived_from=derived_from,
                    source=report.source,
                    url=report.url,
                    quote=quote,
                    start=m.start,
                    end=m.end,
                    why=tuple(r.why) + tuple(ctx.why) + why_derived,
                )
            )
    if geocoder is not None:
        from geo.geocode import geocode_claims

        claims = geocode_claims(claims, geocoder)
    return claims


def _holding(spans: list[tuple[int, int]], mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The sentence spans, those a mention runs across joined, so that each mention lies inside one."""
    starts = [s for s, _ in spans]
    join = [False] * len(spans)  # join[k]: span k and the next are one
    for m in mentions:
        k = max(0, bisect.bisect_right(starts, m.start) - 1)
        while k + 1 < len(spans) and m.end > spans[k][1]:
            join[k] = True
            k += 1
    if not any(join):
        return spans
    out: list[tuple[int, int]] = []
    for k, (s, e) in enumerate(spans):
        if k and join[k - 1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def mark_contested(claims: Sequence[Claim]) -> list[Claim]:
    """Mark claims about one place on which the two sides say different things.

    A place is contested when a Russian and a Ukrainian claimant make event claims about it with
    different actions ("Moscow said it captured Pokrovsk; Kyiv said fighting was ongoing").
    """
    by_place: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.geonameid is not None and c.role == "event" and c.claimant is not None:
            by_place[c.geonameid].append(i)
    contested: set[int] = set()
    for idx in by_place.values():
        ru = {claims[i].action for i in idx if claims[i].claimant in _RU}
        ua = {claims[i].action for i in idx if claims[i].claimant in _UA}
        if ru and ua and ru != ua:
            contested.update(idx)
    return [replace(c, contested=True) if i in contested else c for i, c in enumerate(claims)]


class _OutOfTime(BaseException):
    """Raised by the alarm of :class:`ReportTimeLimit`; not an ``Exception``, so that no handler
    of the pipeline that catches anything takes it for a failure of its own."""


class ReportTimeLimit:
    """A time limit on reading one report: the last line of defence against a report that would
    take too long (the pipeline is meant to be linear in a report's size; this is not the fix).

    ``with ReportTimeLimit(seconds, source): ...`` raises :class:`~frontmap.errors.ReportTimeoutError`
    naming ``source`` when the block runs longer than ``seconds``. It works through ``SIGALRM``,
    so only in a process's main thread (one process, or the workers of ``--jobs``), and not
    where a timer is already set (it leaves that one alone); elsewhere (a Dask worker's threads,
    Windows) and with ``seconds`` None or 0 it does nothing. The alarm repeats each second until
    the block ends, so that code which swallows one interruption is interrupted again.

    Examples
    --------
    >>> import time
    >>> try:
    ...     with ReportTimeLimit(0.2, "slow.txt"):
    ...         time.sleep(5)
    ... except ReportTimeoutError as exc:
    ...     print(exc)
    slow.txt: not read within 0.2 s (--report-timeout): skipped
    """

    def __init__(self, seconds: float | None, source: object) -> None:
        self.seconds = seconds
        self.source = source
        self._armed = False
        self._old: object = None

    def _alarm(self, signum, frame) -> None:
        if self._armed:
            raise _OutOfTime()

    def __enter__(self) -> "ReportTimeLimit":
        if (self.seconds and self.seconds > 0 and hasattr(signal, "setitimer")
                and threading.current_thread() is threading.main_thread()
                and signal.getitimer(signal.ITIMER_REAL)[0] == 0):
            self._old = signal.signal(signal.SIGALRM, self._alarm)
            self._armed = True
            signal.setitimer(signal.ITIMER_REAL, self.seconds, 1.0)
        return self

    def __exit__(self, kind, exc, tb) -> bool:
        if self._armed:
            self._armed = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
        if kind is not None and issubclass(kind, _OutOfTime):
            raise ReportTimeoutError(
                self.source, f"not read within {self.seconds:g} s (--report-timeout): skipped") from None
        return False


def _iter_reports(paths: Iterable[str | os.PathLike[str]], result: ExtractResult) -> Iterator[Report]:
    try:
        files = list(iter_input_files(paths))
    except ReportError as exc:  # a missing path: report it, go on with the others
        result.errors.append(exc)
        files = []
        for p in paths:
            try:
                files.extend(iter_input_files([p]))
            except ReportError as e:
                if all(str(e) != str(x) for x in result.errors):
                    result.errors.append(e)
    for f in files:
        result.files += 1
        # a large file is streamed: its posts come while it is read, and an error half-way
        # keeps the posts read before it
        reports = iter_file_reports(f)
        while True:
            try:
                report = next(reports)
            except StopIteration:
                break
            except ReportError as exc:
                result.errors.append(exc)
                break
            except (OSError, ValueError) as exc:
                result.errors.append(ReportError(f, f"{type(exc).__name__}: {exc}"))
                break
            except Exception as exc:  # a bug met on odd input must not lose the batch: name the file
                log.debug("reading %s", f, exc_info=True)
                result.errors.append(ReportError(f, f"internal error while reading ({type(exc).__name__}: {exc})"))
                break
            yield report


def extract_files(
    paths: Iterable[str | os.PathLike[str]],
    gaz: Gazetteer,
    *,
    front_km_for: Callable[[object], Callable[[float, float], float | None] | None] | None = None,
    near: Sequence[Anchor] = (),
    progress: Callable[[Report], None] | None = None,
    geocoder: OnlineGeocoder | None = None,
    report_timeout: float | None = None,
) -> ExtractResult:
    """Claims from files and folders; unreadable inputs are reported, not fatal.

    Parameters
    ----------
    paths
        Files or folders (walked recursively for text and HTML files).
    gaz
        The gazetteer.
    front_km_for
        Given a report date, a function giving the distance in km to that day's front line.
    near
        Extra anchors for resolution.
    progress
        Called once per report processed (for a progress bar).
    geocoder
        Opt-in online lookups of the names left unresolved (see :func:`extract_report`).
    report_timeout
        Seconds allowed for one report (None or 0: no limit); a report that takes longer is
        named in ``errors`` and the batch goes on (see :class:`ReportTimeLimit`).
    """
    result = ExtractResult()
    for report in _iter_reports(list(paths), result):
        result.reports += 1
        front = front_km_for(report.date) if front_km_for is not None else None
        try:
            with ReportTimeLimit(report_timeout, report.source):
                claims = extract_report(report, gaz, front_km=front, near=near, geocoder=geocoder)
            result.claims.extend(claims)
        except ReportTimeoutError as exc:
            result.errors.append(exc)
        except FrontmapError as exc:
            result.errors.append(ReportError(report.source, f"{type(exc).__name__}: {exc}"))
        except Exception as exc:  # as above: one post's failure is reported, the batch goes on
            log.debug("extracting %s", report.source, exc_info=True)
            result.errors.append(
                ReportError(report.source, f"internal error while extracting ({type(exc).__name__}: {exc})")
            )
        if progress is not None:
            progress(report)
    result.claims = mark_contested(result.claims)
    return result
