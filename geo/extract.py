"""From report files to claims: the whole reading pipeline.

``read → split into posts → sentences → coordinates → place mentions → claim around each
mention (action, claimant, role, date) → resolution against the gazetteer → claims``.

Bad input never loses a batch: each file that cannot be read is reported (path and problem)
in ``ExtractResult.errors`` and the rest is processed.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import logging
import os
import signal
import threading
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from frontmap import COARSE_WHY
from frontmap.errors import FrontmapError, ReportError, ReportTimeoutError, ReportWarning
from gazetteer.names import fold
from gazetteer.ranking import Anchor
from geo.claims import analyse_mention_all, source_claimant
from geo.claims.voice import host_claimant, outlet_claimant
from geo.claims.carry import Carried
from geo.claims.role import RELATIVE_WHY
from geo.coordinate_ties import nearest_settlement, tie_coordinates
from geo.coordinates import read_coordinates
from geo.dates import mention_date
from geo.discourse import apply_report_state, read_report, seats
from geo.mentions import find_mentions
from geo.model import Claim, Claimant, Coordinate, CoordSource, Mention, Report, claim_key
from geo.relative import derive_point, find_relation
from geo.reports import iter_file_reports, iter_input_files, normalise_text
from geo.reach import Reach, strike_reach
from geo.resolve import resolve_mentions
from geo.sectors import find_sectors, sector_names
from geo.rules.matcher import read_all_kinds
from geo.sanity import implausible_point
from geo.text import sentences

if TYPE_CHECKING:
    from gazetteer import Gazetteer
    from geo.geocode import OnlineGeocoder

__all__ = ["CONTESTED_DAYS", "ExtractResult", "extract_text", "extract_report", "extract_files", "mark_contested",
           "region_roles", "ReportTimeLimit"]

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
    #: every report read (extracted or passed over by ``keep``), for a claims store to record
    read: list[Report] = field(default_factory=list)
    #: inputs read, but not all as written ("path: report date 2099-01-01 is in the future: ..."), in order
    warnings: list[str] = field(default_factory=list)

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


def _reach(sentence: str, ctxs: Sequence) -> Reach | None:
    """The reach of a mention's strike (geo.reach): its event claims are all strikes, by the weapons its sentence
    names."""
    acts = [c for c in ctxs if c.role == "event"]
    if not acts or any(c.action is not acts[0].action for c in acts):
        return None
    return strike_reach(read_all_kinds(sentence).get(("actions", "means")), acts[0].action, acts[0].claimant,
                        acts[0].actor)


def extract_report(
    report: Report,
    gaz: Gazetteer,
    *,
    front_km: Callable[[float, float], float | None] | None = None,
    near: Sequence[Anchor] = (),
    geocoder: OnlineGeocoder | None = None,
) -> list[Claim]:
    """Claims from one report (one post).

    The report's text is read normalised (:func:`geo.reports.normalise_text`: format characters
    and stress marks deleted, NFC); claims' spans and quotes are those of the normalised text,
    which is the text itself for reports read from files (they are normalised when read).

    With a ``geocoder`` (:class:`geo.geocode.OnlineGeocoder`, opt-in ``--online``), the places
    of event and background mentions the gazetteer left unresolved are looked up online
    (:func:`geo.geocode.geocode_claims`); without one they stay unresolved (null geometry).
    """
    text = normalise_text(report.text)  # read already normalised from files; text given here may not be
    if text is not report.text:
        report = replace(report, text=text)
    coords, rejected = read_coordinates(text)
    mentions = find_mentions(text, gaz, coordinates=coords)
    if not (mentions or coords or rejected):
        return []
    # a sentence too long to keep whole is never cut inside a name, and one that a name runs
    # across all the same (a break the splitter saw inside it) is joined to the next
    spans = _holding(sentences(text, keep=[(m.start, m.end) for m in mentions]) or [(0, len(text))], mentions)
    starts = [s for s, _ in spans]

    def sentence_of(offset: int) -> tuple[int, int]:
        k = max(0, bisect.bisect_right(starts, offset) - 1)
        return spans[k]

    # the front directions the report names; a Russian or Ukrainian one named by an adjective the gazetteer holds no
    # place of ("на добропольском участке", "На Добропільському напрямку") is a mention all the same: its town's
    sectors = find_sectors(text, gaz, sentence_of)
    if sectors:
        mentions = sector_names(mentions, sectors)

    def previous_sentence(s: int) -> str:
        k = bisect.bisect_right(starts, s) - 2
        return text[spans[k][0] : spans[k][1]] if k >= 0 else ""

    loose: list[Coordinate] = []
    if coords:
        # every coordinate becomes a point: tied to a name of its sentence, line block or table row that has a
        # candidate within 10 km, else a claim of its own (below)
        mentions, loose = tie_coordinates(text, mentions, coords, gaz, sentence_of)
    if not (mentions or loose or rejected):
        return []
    # the report read in order: what the text before each sentence carries over to it (attributions,
    # post headers that name the author, a direction), and its speaker, open lists and paragraph
    # dates, which reach the sentences that lack them (below)
    states = read_report(text, spans, source_claimant(report), outlet_claimant(report))

    def carried(s: int) -> Carried | None:
        return states[max(0, bisect.bisect_right(starts, s) - 1)].context

    contexts = []
    sentence_text: dict[int, str] = {}  # each sentence cut once for all the mentions in it
    # A mention's analysis reads only its sentence, its span there, the report and what the text
    # before carries (a claimant and a direction): the same values give the same analysis, worked
    # out once and shared (a long list or a report of one name per line repeats them many times over).
    analysed: dict[tuple, list] = {}
    for m in mentions:
        s, e = sentence_of(m.start)
        sentence = sentence_text.get(s)
        if sentence is None:
            sentence = sentence_text[s] = text[s:e]
        before = carried(s)
        key = (sentence, m.start - s, m.end - s,
               None if before is None else (before.claimant(), before.direction()))
        ctxs = analysed.get(key)
        if ctxs is None:
            ctxs = analysed[key] = analyse_mention_all(sentence, m.start - s, m.end - s, report=report, carried=before)
        contexts.append((sentence, ctxs))
    del analysed
    # places named only as speakers or venues ("Moscow said", "talks in Geneva") neither pull
    # other names towards them nor are pulled towards the front; events and background do
    events = [any(c.role in ("event", "background", "direction") for c in ctxs) for _, ctxs in contexts]
    # a place struck by a weapon of limited reach ("401 БпЛА атакували A, B", "artillery shelled C") lies within
    # it of the front line on the report's date, on the side its attacker does not hold (geo.reach); an undated
    # report has no day's line to measure that against
    reach = [_reach(sentence, ctxs) for sentence, ctxs in contexts] \
        if front_km is not None and report.date is not None else None
    resolutions = resolve_mentions(
        mentions, gaz, text=text, sentence_of=sentence_of, events=events, front_km=front_km, near=near, reach=reach,
        sectors=sectors,
    ) if mentions else []
    claims: list[Claim] = []
    coarse = (COARSE_WHY,) if gaz.coarse else ()  # every claim says when villages could not be found
    seen: set[tuple] = set()
    quotes: dict[str, str] = {}  # each sentence's whitespace folded once
    for m, r, (sentence, ctxs) in zip(mentions, resolutions, contexts):
        folded = fold(m.text)
        event_date: dict = {}  # the claim date of this mention's sentence, worked out once if needed
        for ctx in ctxs:
            place = r.place
            cdate = None
            # a background mention takes its sentence's own day too ("вчора було зафіксовано чотири атаки в напрямку
            # Костянтинівки"): the day the sentence names, not the report's, whatever the role
            if ctx.role in ("event", "direction", "background"):
                # an event its relative clause tells ("X, which Moscow claimed to have captured on Sunday") is of
                # that clause's day
                told = ctx.role == "event" and any(w.startswith(RELATIVE_WHY) for w in ctx.why)
                if told not in event_date:
                    s0 = sentence_of(m.start)[0]
                    # a semicolon item's own day ("seized A by 9 October 2024; B by 23 February 2025"), else the
                    # sentence's, but for a background clause's that does not hold it (", which … on July 17")
                    event_date[told] = mention_date(sentence, m.start - s0, report.date, previous=previous_sentence(s0),
                                                    month=report.month, relative=m.end - s0 if told else None)
                cdate = event_date[told]
            # the date is part of a claim: one place captured on the 20th and again on the 22nd is two claims
            key = claim_key(place.geonameid if place else None, folded, ctx.claimant, ctx.action, ctx.role, cdate,
                            ctx.modality)
            if key in seen:
                continue
            seen.add(key)
            precision = r.precision
            role = ctx.role
            if place is not None and (place.feature_class == "A" or place.feature_code.startswith("PCL")):
                precision = 3
            lat, lon, uncertainty, coord_source, derived_from, why_derived = (
                r.lat, r.lon, r.uncertainty_m, r.coord_source, "", ())
            text_point = r.coord_source is CoordSource.TEXT
            if (role == "event" or text_point) and place is not None and place.feature_class == "P" \
                    and r.lat is not None:
                # "3 km north-east of X", "the southern outskirts of X": the claim is beside its anchor
                s0 = sentence_of(m.start)[0]
                rel = find_relation(sentence, m.start - s0, m.end - s0)
                if rel is not None and text_point:
                    # a coordinate in the text wins over the phrase, which stays as evidence
                    why_derived = (f"'{rel.text}' {place.name} not used: the coordinates in the text are the point",)
                elif rel is not None:
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
                    forwarded_from=report.forwarded_from,
                    quote=quote,
                    start=m.start,
                    end=m.end,
                    why=tuple(r.why) + tuple(ctx.why) + why_derived + coarse,
                    modality=ctx.modality,
                    actor=ctx.actor,
                )
            )
    if loose or rejected:
        claims = _coordinate_claims(report, claims, loose, rejected, gaz, sentence_of, previous_sentence, carried)
    seated = seats(claims, states, text)
    if seated:
        # the offices that speak, once their seats are placed ("Sumy Region Governor X reported this"), speak as named
        # speakers do: read the report's speakers again with them
        states = read_report(text, spans, source_claimant(report), outlet_claimant(report), seats=seated)
    claims = region_roles(apply_report_state(claims, states, text, report.date, report.month, host_claimant(report)))
    if geocoder is not None:
        from geo.geocode import geocode_claims

        claims = geocode_claims(claims, geocoder)
    return claims


def region_roles(claims: Sequence[Claim]) -> list[Claim]:
    """The claims with each event placed on a region (precision 3: an oblast, raion, hromada or country) given the
    role ``region``: "Russian forces took five villages in the Zaporizhzhia and Kharkiv regions" says what happened
    in the regions only as their villages' container. Such a claim keeps its action and stays in the data, off the
    event layers (which draw role ``event``), its ``why`` saying so.

    Examples
    --------
    >>> from geo.model import Action
    >>> cs = [Claim("Kharkiv region", name="Kharkiv Oblast", precision=3, action=Action.CAPTURED),
    ...       Claim("Kupiansk", name="Kupiansk", precision=1, action=Action.CAPTURED)]
    >>> [(c.role, c.action.value) for c in region_roles(cs)]
    [('region', 'captured'), ('event', 'captured')]
    """
    return [replace(c, role="region", why=tuple(c.why) + (f"region: {c.name or c.place} is a region, no event's point",))
            if c.role == "event" and c.precision == 3 else c for c in claims]


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


def _coordinate_claims(
    report: Report,
    claims: list[Claim],
    loose: Sequence[Coordinate],
    rejected: Sequence[FrontmapError],
    gaz: Gazetteer,
    sentence_of: Callable[[int], tuple[int, int]],
    previous_sentence: Callable[[int], str],
    carried: Callable[[int], Carried | None],
) -> list[Claim]:
    """Claims of the coordinates no name owns, and the rejected ones named in ``why``.

    A coordinate of its own is a claim at that point: ``place`` is the coordinate as written, ``coord_source`` is
    ``text``, the nearest gazetteer settlement is in ``why``, the action, claimant and date are read from its
    sentence as for a name. A point outside the reports' area is not plotted (null geometry, the reason in ``why``);
    one far from the report's other places is plotted with low confidence. A coordinate that cannot be right (95° N,
    a minute of 61, an ambiguous hemisphere letter) is named with its reason in the ``why`` of the claims of its
    sentence, or in a claim of its own with no point when its sentence has none.
    """
    text = report.text
    out = list(claims)
    context = [(c.lat, c.lon) for c in claims if c.lat is not None and c.lon is not None]
    items: list[tuple[int, int, str, Coordinate | None, tuple[str, ...]]] = []
    for c in loose:
        reason = implausible_point(c.lat, c.lon, context)
        why = (f"coordinates in the text {c.text}", nearest_settlement(gaz, c.lat, c.lon))
        if reason is not None:
            why = (f"implausible coordinates in the text: {c.text}: {reason}",) + why
        kept = reason is None or "nearest other place" in reason
        items.append((c.start, c.end, c.text, c if kept else None, why + (("far from the report's other places",)
                                                                         if reason is not None and kept else ())))
    for error in rejected:
        start, end, written = getattr(error, "start", 0), getattr(error, "end", 0), getattr(error, "text", "")
        note = f"rejected coordinates in the text '{written}': {getattr(error, 'reason', str(error))}"
        s, e = sentence_of(start)
        owners = [i for i, cl in enumerate(out) if s <= cl.start < e]
        for i in owners:
            out[i] = replace(out[i], why=out[i].why + (note,))
        if not owners:
            items.append((start, end, written, None, (note,)))
    for start, end, written, c, why in sorted(items, key=lambda x: x[0]):
        s, e = sentence_of(start)
        sentence = text[s : max(e, end)]  # a sentence split inside a coordinate ("N. 24°") keeps it whole
        ctxs = analyse_mention_all(sentence, start - s, end - s, report=report, carried=carried(s))
        for ctx in ctxs[:1]:
            cdate = (mention_date(sentence, start - s, report.date, previous=previous_sentence(s), month=report.month)
                     if ctx.role == "event" else None)
            out.append(Claim(
                place=written,
                lat=c.lat if c is not None else None,
                lon=c.lon if c is not None else None,
                coord_source=CoordSource.TEXT if c is not None else None,
                confidence=(0.3 if "far from the report's other places" in why else 0.9) if c is not None else 0.0,
                precision=1 if c is not None else None,
                uncertainty_m=c.uncertainty_m if c is not None else None,
                report_date=report.date,
                claim_date=cdate,
                action=ctx.action,
                action_detail=ctx.action_detail,
                claimant=ctx.claimant,
                role=ctx.role,
                unit=ctx.unit,
                direction=ctx.direction,
                source=report.source,
                url=report.url,
                quote=" ".join(sentence.split()),
                start=start,
                end=end,
                why=why + tuple(ctx.why),
            ))
    out.sort(key=lambda cl: cl.start)
    return out


#: Default window of :func:`mark_contested`: two sides' claims this many days apart or fewer.
CONTESTED_DAYS = 14


def mark_contested(claims: Sequence[Claim], window_days: int = CONTESTED_DAYS) -> list[Claim]:
    """Mark the claims about one place on which the two sides say different things at one time.

    A claim is contested when a Russian and a Ukrainian claimant make event claims about the same
    place with different actions, dated at most ``window_days`` apart ("Moscow said it captured
    Pokrovsk; Kyiv said fighting was ongoing there" the same week). Undated claims pair only with
    undated ones. Every claim's flag is set afresh (so a batch can be marked again with another
    window).

    Examples
    --------
    >>> import datetime as dt
    >>> from geo.model import Action
    >>> day = dt.date(2025, 3, 1)
    >>> cs = [Claim("P", geonameid=1, action=Action.CAPTURED, claimant=Claimant.RU_MOD, report_date=day),
    ...       Claim("P", geonameid=1, action=Action.REPELLED, claimant=Claimant.UA_GENERALSTAFF,
    ...             report_date=day + dt.timedelta(days=20))]
    >>> [c.contested for c in mark_contested(cs)], [c.contested for c in mark_contested(cs, 30)]
    ([False, False], [True, True])
    """
    if window_days < 0:
        raise ValueError(f"window_days={window_days!r}: give 0 or more days")
    by_place: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(claims):
        if c.geonameid is not None and c.role == "event" and c.claimant is not None:
            by_place[c.geonameid].append(i)
    contested: set[int] = set()
    for idx in by_place.values():
        ru = [i for i in idx if claims[i].claimant in _RU]
        ua = [i for i in idx if claims[i].claimant in _UA]
        for i in ru:
            di = claims[i].date
            for j in ua:
                dj = claims[j].date
                if claims[i].action == claims[j].action:
                    continue
                if (di is None and dj is None) or (
                        di is not None and dj is not None and abs((di - dj).days) <= window_days):
                    contested.update((i, j))
    return [c if c.contested == (i in contested) else replace(c, contested=i in contested)
            for i, c in enumerate(claims)]


def _keep_warnings(caught: list[warnings.WarningMessage], result: ExtractResult) -> None:
    """Report warnings go to ``result.warnings`` (each once); any other warning on as it came."""
    for w in caught:
        if isinstance(w.message, ReportWarning):
            if str(w.message) not in result.warnings:
                result.warnings.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


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


def _iter_reports(
    paths: Iterable[str | os.PathLike[str]],
    result: ExtractResult,
    *,
    channel: str | None = None,
    date: _dt.date | None = None,
    online: bool = False,
) -> Iterator[Report]:
    """Every report of ``paths``; ``date`` dates the undated ones, ``channel`` names a Telegram export's channel."""
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
        reports = iter_file_reports(f, channel=channel, online=online)
        while True:
            try:
                with warnings.catch_warnings(record=True) as caught:
                    warnings.simplefilter("always", ReportWarning)
                    try:
                        report = next(reports)
                    finally:
                        _keep_warnings(caught, result)
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
            if date is not None and report.date is None:
                report = replace(report, date=date)
            yield report


def extract_files(
    paths: Iterable[str | os.PathLike[str]],
    gaz: Gazetteer,
    *,
    front_km_for: Callable[[object], Callable[[float, float], float | None] | None] | None = None,
    near: Sequence[Anchor] = (),
    progress: Callable[[Report], None] | None = None,
    geocoder: OnlineGeocoder | None = None,
    channel: str | None = None,
    date: _dt.date | None = None,
    online: bool = False,
    keep: Callable[[Report], bool] | None = None,
    report_timeout: float | None = None,
    contested_days: int = CONTESTED_DAYS,
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
    channel
        The username of the channel a Telegram export holds (links to its messages, its claimant).
    date
        The report date of the inputs that give none (pasted text, standard input).
    online
        Read feed URLs among ``paths``.
    keep
        Extract only the reports it keeps (a claims store passes those it holds already over);
        ``ExtractResult.reports`` counts the kept ones, ``ExtractResult.read`` holds all read.
    report_timeout
        Seconds allowed for one report (None or 0: no limit); a report that takes longer is
        named in ``errors`` and the batch goes on (see :class:`ReportTimeLimit`).
    contested_days
        The window of :func:`mark_contested`, applied once to the whole batch.
    """
    result = ExtractResult()
    for report in _iter_reports(list(paths), result, channel=channel, date=date, online=online):
        if keep is not None:
            result.read.append(report)
            if not keep(report):
                continue
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
    result.claims = mark_contested(result.claims, contested_days)
    return result
