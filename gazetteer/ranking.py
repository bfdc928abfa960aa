"""Ranking candidates by evidence: how a name's namesakes are told apart.

A name such as "Ivanivka" matches over a hundred villages. What tells them apart is context,
which the caller supplies as plain values (this module knows nothing of text):

- ``near``: points the place should be close to, each with a weight and a label — coordinates
  the report gives for the mention (strongest), the other places of the same report (a report
  is about one area), a point the user names with ``--near``;
- ``regions``: oblast/raion names the text puts around the mention (its sentence, or the scope its
  paragraph or report states: "обстрілювали населені пункти Херсонської області: …"), a raion
  counting more than its oblast;
- ``front``: the distance from each candidate to the front line on the report's date;
- population and settlement type, a weak prior (a settlement GeoNames gives no population counts
  as a small village, :attr:`Weights.unknown_population`).

Each piece of evidence adds to a score and leaves a sentence in ``Candidate.why``, so that a
result can explain itself.

Examples
--------
>>> from gazetteer.model import Candidate, Place
>>> a = Candidate(Place(1, "Ivanivka", 49.66, 37.89, "P", "PPL", "UA", "Kharkiv Oblast"), 1.0)
>>> b = Candidate(Place(2, "Ivanivka", 46.90, 32.90, "P", "PPL", "UA", "Kherson Oblast"), 1.0)
>>> ranked = rank([b, a], near=[Anchor(49.71, 37.62, weight=1.0, label="Kupiansk")])
>>> ranked[0].place.geonameid
1
"""

from __future__ import annotations

import math
from functools import lru_cache
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from pyproj import Geod

from gazetteer.model import Candidate
from gazetteer.names import fold, name_keys, query_variants

__all__ = ["Anchor", "AnchorSet", "Weights", "NEIGHBOUR_GROUP", "Prepared", "prepare", "rank", "confidence", "name_confidence",
           "FUZZY_ONLY", "CONFIDENT", "distances_km", "GEOD", "by_current_name"]

GEOD = Geod(ellps="WGS84")
#: The anchor group whose nearest member also pulls on its own (:attr:`Weights.neighbour`)
NEIGHBOUR_GROUP = "report"


@dataclass(frozen=True, slots=True)
class Anchor:
    """A point a candidate should be near, with how much that counts and why.

    ``scale_km`` is the distance over which the pull halves: a text coordinate pulls within a
    few kilometres, the report's other places within tens of kilometres.
    """

    lat: float
    lon: float
    weight: float = 1.0
    scale_km: float = 30.0
    label: str = ""
    #: anchors of one group (e.g. "report": the report's other places) add up but saturate at
    #: ``Weights.group_cap``, so that twenty places near a namesake do not drown all other evidence
    group: str = ""


@dataclass(frozen=True, slots=True)
class AnchorSet:
    """Points one of which the place should be near: the candidates of another name not yet settled.

    "expelled the enemy from Tikhoe and Otradnoe": neither name is clear alone, but the two are
    named together, so the reading of each that has a reading of the other nearby wins. A
    candidate gains ``weight`` halved every ``scale_km`` of its distance to the *nearest* point.

    Examples
    --------
    >>> from gazetteer.model import Candidate, Place
    >>> a = Candidate(Place(1, "Tykhe", 47.97, 36.37, "P", "PPL", "UA", "Dnipropetrovsk Oblast"), 1.0)
    >>> b = Candidate(Place(2, "Tykhe", 50.31, 37.02, "P", "PPL", "UA", "Kharkiv Oblast"), 1.0)
    >>> other = AnchorSet((47.91, 48.13), (36.25, 37.20), weight=0.5, label="Otradnoe")
    >>> rank([b, a], near_any=[other])[0].place.geonameid
    1
    """

    lats: tuple[float, ...]
    lons: tuple[float, ...]
    weight: float = 0.5
    scale_km: float = 20.0
    label: str = ""


@dataclass(frozen=True, slots=True)
class Weights:
    """How much each kind of evidence counts (score units; the name match counts 1.0 at best)."""

    match: float = 1.0
    region: float = 0.8
    #: on top of ``region``, for a candidate in a raion the context names ("у Нікопольському районі"):
    #: of two namesakes in a named oblast, the one in its named raion
    raion: float = 0.3
    population: float = 0.12  #: per decade of population
    #: the people a settlement counts as when GeoNames gives it none (as for 71 % of Ukraine's
    #: villages): a small village, not an empty place (measured on both labelled sets: 30 places
    #: six more event villages of the second set and the same of the first as 0 did)
    unknown_population: float = 30.0
    admin_seat: float = 0.15  #: PPLA2 (raion seat); PPLA (oblast seat) counts 3x, PPLC 4x
    city: float = 0.6  #: a town of 100,000 or more: what a bare name means unless evidence says otherwise
    front: float = 1.0  #: at the front line; halves every ``front_scale_km``
    front_scale_km: float = 20.0
    country_ua: float = 0.25  #: reports are about the war in Ukraine
    group_cap: float = 1.0  #: the most a group of anchors can add
    #: the most the names written beside a name (``near_any``) can add together: a strike list
    #: of thirty villages around one town must not make that town every open name's reading
    beside_cap: float = 1.0
    former_name: float = 0.25  #: share of the population/seat prior kept when matched by an alternate name
    other_name_match: float = 0.30  #: taken off the match when only another name of the place matched
    #: the pull of the single nearest of the report's other places (anchors of group
    #: :data:`NEIGHBOUR_GROUP`), on top of their capped sum: a list of villages names
    #: neighbours, so of two namesakes both within reach of a list of fifteen (both saturate the
    #: cap) the one next to one of them is meant; halves every ``neighbour_scale_km``
    neighbour: float = 0.4
    neighbour_scale_km: float = 3.0


def distances_km(lat: float, lon: float, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
    """Geodesic distances (WGS84, pyproj) in km from one point to many.

    Examples
    --------
    >>> round(float(distances_km(48.0, 37.0, [48.0], [38.0])[0]), 1)
    74.6
    """
    la = np.asarray(lats, dtype=float)
    lo = np.asarray(lons, dtype=float)
    if la.size == 0:
        return np.zeros(0)
    _, _, d = GEOD.inv(np.full_like(lo, lon), np.full_like(la, lat), lo, la)
    return np.asarray(d, dtype=float) / 1000.0


@lru_cache(maxsize=65536)
def _current_keys(name: str, asciiname: str) -> frozenset[str]:
    return frozenset(name_keys(name) | (name_keys(asciiname) if asciiname else set()))


@lru_cache(maxsize=8192)
def _variant_keys(mention: str) -> frozenset[str]:
    return frozenset(k for k, _ in query_variants(mention))


@lru_cache(maxsize=8192)
def _variant_order(mention: str) -> tuple[str, ...]:
    return tuple(k for k, _ in query_variants(mention))


def _variant_rank(c: Candidate, mention: str | None) -> int:
    """Position of the first spelling variant of ``mention`` that is the place's current name.

    The variants come best first ("Volche" → Vovche before Vilcha), so among places reached by
    the same rule, the one an earlier variant reaches is the likelier reading.
    """
    if mention is None:
        return 0
    current = _current_keys(c.place.name, c.place.asciiname)
    for i, k in enumerate(_variant_order(mention)):
        if k in current:
            return i
    return 10


def by_current_name(c: Candidate, mention: str | None) -> bool:
    """Whether the name reached the place through its current name.

    A match through an alternate name counts as current when that alternate is just another
    spelling of the current name ("Seversk" → Siversk: the mention's Russian → Ukrainian variant
    is Siversk) or its short form ("Rostov" → Rostov-on-Don), not a former name ("Grishino" →
    Pokrovsk, "Aleksandrovka" → Donetsk).
    """
    p = c.place
    current = _current_keys(p.name, p.asciiname)
    if not c.matched or fold(c.matched) in current:
        return True
    if mention is not None and bool(_variant_keys(mention) & current):
        return True
    # the short form of a compound name: "Rostov" for Rostov-on-Don, "Kamensk" for Kamensk-Shakhtinsky
    return _short_form(fold(c.matched), p.name)


@lru_cache(maxsize=65536)
def _short_form(key: str, name: str) -> bool:
    first = fold(name.replace("-", " ").split()[0]) if name.strip() else ""
    return bool(key) and key == first and fold(name) != key


def rank(
    candidates: Iterable[Candidate] | Prepared,
    *,
    name: str | None = None,
    near: Sequence[Anchor] = (),
    regions: Iterable[str] = (),
    front_km: Callable[[float, float], float | None] | None = None,
    weights: Weights = Weights(),
    explain: int = 12,
    near_any: Sequence[AnchorSet] = (),
    top: int | None = None,
    regions_named: str = "named nearby",
) -> list[Candidate]:
    """Score candidates with the evidence given and return them best first.

    Parameters
    ----------
    candidates
        Name matches, as returned by ``Gazetteer.candidates``; their score is the match quality.
        Or the same made ready by :func:`prepare` (with the same ``name`` and ``weights``).
    name
        The name as written, to tell a place's other spellings from its former names.
    near
        Anchors the place should be close to.
    regions
        Oblast or raion names (as the gazetteer writes them, e.g. "Donetsk Oblast") that the
        context names; a candidate in one of them gains ``weights.region``, and one in a named
        raion (its ``admin2``) ``weights.raion`` more.
    front_km
        A function giving the distance in km from a point to the front line (None if unknown).
    weights
        The weight of each kind of evidence.
    near_any
        Sets of points one of which the place should be near (the readings of a name written
        beside it that is not settled yet).
    explain
        How many of the best candidates get their evidence written out in ``why`` (the rest
        keep their score and their match explanation).
    top
        Return only this many of the best (all when None); ``confidence(ranked, n=...)`` then
        needs the number of candidates.
    regions_named
        Where the text names the ``regions``, for ``why`` ("named in its sentence", "the scope
        its paragraph states").
    """
    if (isinstance(candidates, Prepared) and candidates.name == name
            and (candidates.weights is weights or candidates.weights == weights)):
        cands, st = candidates.candidates, candidates.static
    else:  # plain candidates, or prepared for another name or weights: prepared afresh
        cands = list(candidates.candidates if isinstance(candidates, Prepared) else candidates)
        if not cands:
            return []
        st = prepare(cands, name=name, weights=weights).static
    n = len(cands)
    if not n:
        return []
    region_set = {r.casefold() for r in regions if r}

    # Without evidence of its own (no anchors), a name's ranking depends only on the regions and
    # the front line's day: the same for every report that names it so, and remembered.
    memo_key = None
    if not near and not near_any:
        front_key = None if front_km is None else getattr(front_km, "cache_key", None)
        if front_km is None or front_key is not None:
            memo_key = (frozenset(region_set), regions_named, front_key, explain, top)
            hit = st.results.get(memo_key)
            if hit is not None:
                return [Candidate(cands[i].place, sc, cands[i].matched, cands[i].rule, cands[i].why if w is None else w)
                        for i, sc, w in hit]

    # best first; ties by population (largest first), then geonameid
    totals, ev = _totals(st, near, near_any, region_set, front_km, weights)
    rounded = np.rint(totals * 1e4) / 1e4
    # only the best `top` are returned: only they are made Python values
    score = rounded.tolist()
    order = ([0] if n == 1 else np.lexsort((st.gids, -st.pops, -rounded)).tolist())[:top]

    # the evidence of the candidates explained, as Python values: column j is order[j]
    shown = _explained(ev, order[:explain])
    out: list[Candidate] = []
    for rank_i, i in enumerate(order):
        c = cands[i]
        if rank_i >= explain:
            out.append(Candidate(c.place, score[i], c.matched, c.rule, c.why))
        else:
            out.append(Candidate(c.place, score[i], c.matched, c.rule,
                                 _why(c, st, i, rank_i, shown, near, near_any, region_set, weights, regions_named)))
    if memo_key is not None and len(st.results) < 256:
        st.results[memo_key] = tuple(
            (i, c.score, c.why if k < explain else None) for k, (i, c) in enumerate(zip(order, out))
        )
    return out


@dataclass(frozen=True, slots=True)
class _Evidence:
    """The evidence of one ranking, per candidate, for writing out ``why``.

    Each of ``near_d``/``near_g`` (km and gain per anchor) and ``any_d``/``any_g`` (per point set)
    is indexed ``[k][i]``: evidence ``k``, candidate ``i`` (arrays over all candidates from
    :func:`_totals`; lists over the candidates explained from :func:`_explained`).
    """

    near_d: Sequence[Sequence[float]]
    near_g: Sequence[Sequence[float]]
    any_d: Sequence[Sequence[float]]
    any_g: Sequence[Sequence[float]]
    in_region: Sequence[bool]
    in_raion: Sequence[bool]  #: in a raion of the regions (its ``admin2`` one of them)
    front_d: Sequence[float] | None  #: km to the front line (NaN where unknown); None without a front line
    front_g: Sequence[float] | None
    #: per candidate, the index of the nearest anchor of :data:`NEIGHBOUR_GROUP` (-1: none) and its gain
    nb_k: Sequence[int] = ()
    nb_g: Sequence[float] = ()


def _totals(
    st: _Static,
    near: Sequence[Anchor],
    near_any: Sequence[AnchorSet],
    region_set: set[str],
    front_km: Callable[[float, float], float | None] | None,
    weights: Weights,
) -> tuple[np.ndarray, _Evidence]:
    """Every candidate's score before rounding, and the evidence: all candidates at once, as arrays.

    One candidate or a few are simply short arrays. What costs on them is numpy's overhead per
    call, not the arithmetic, so what recurs is remembered with the candidates, each bounded: an
    anchor's km and gain row (:func:`_rows`), the regions' gain (:func:`_region_masks`), the
    front line's (:func:`_front`). The pull of a whole list of anchors (:func:`_near_part`) or of
    names written beside (:func:`_beside_part`) is worked out each time from those rows: within
    one report a name meets a list again in one ranking of twenty (4-5 % on the seeds, the
    labelled reports and the benchmark corpus), too seldom to pay for keeping it, and a list is
    made of a report's own neighbours, so that lists kept across reports grow with what is read
    (kept, they made a run-on report's memory grow 2.4x per doubling).
    """
    dists, gains, pull, nb_k, nb_gl = _near_part(st, near, weights)
    any_dist, any_gain, beside = _beside_part(st, near_any, weights)
    if beside is not None:
        pull = pull + beside
    in_region, in_raion, region_gain = _region_masks(st, region_set, weights)
    front_d, front_gain = _front(st, front_km, weights)
    ev = _Evidence(dists, gains, any_dist, any_gain, in_region, in_raion,
                   None if front_km is None else front_d, None if front_km is None else front_gain, nb_k, nb_gl)
    return st.base + pull + region_gain + front_gain, ev


_NO_ROWS = np.zeros((0, 0))
_NO_ROWS.setflags(write=False)


def _near_part(st: _Static, near: Sequence[Anchor], weights: Weights) -> tuple:
    """Km to each anchor and its gain (``(len(near), n)`` arrays), the anchors' pull on each
    candidate (each group's sum saturating at ``weights.group_cap``, plus the nearest of
    :data:`NEIGHBOUR_GROUP`), and per candidate that nearest anchor and its gain."""
    n = len(st.places)
    if not near:
        return _NO_ROWS, _NO_ROWS, st.nothing, [], []
    dists, gains = _rows(st, near)
    pull = np.zeros(n)
    groups: dict[str, list[int]] = {}
    for k, a in enumerate(near):
        if a.group:
            groups.setdefault(a.group, []).append(k)
        else:
            pull += gains[k]
    for idx in groups.values():
        total = gains[idx].sum(axis=0)
        pull += weights.group_cap * (1.0 - np.exp(-total / weights.group_cap))
    nb_k: list[int] = []
    nb_gl: list[float] = []
    nb = groups.get(NEIGHBOUR_GROUP)
    if nb and weights.neighbour:
        sc = max(weights.neighbour_scale_km, 0.001)
        wk = np.array([min(1.0, near[k].weight) for k in nb], dtype=float)[:, None]
        each = weights.neighbour * (wk * np.exp2(-dists[nb] / sc))
        arg = each.argmax(axis=0)
        nb_g = each[arg, np.arange(n)]
        pull += nb_g
        nb_k = np.asarray(nb)[arg].tolist()
        nb_gl = nb_g.tolist()
    return dists, gains, pull, nb_k, nb_gl


def _beside_part(st: _Static, near_any: Sequence[AnchorSet], weights: Weights) -> tuple:
    """Km from the nearest point of each set and the set's gain (``(len(near_any), n)`` arrays),
    and the sets' pull on each candidate, their sum saturating at ``weights.beside_cap`` (None
    without sets)."""
    if not near_any:
        return _NO_ROWS, _NO_ROWS, None
    any_dist, any_gain = _rows(st, near_any)
    beside = weights.beside_cap * (1.0 - np.exp(-any_gain.sum(axis=0) / weights.beside_cap))
    return any_dist, any_gain, beside


def _rows(st: _Static, points: Sequence[Anchor] | Sequence[AnchorSet]) -> tuple[np.ndarray, np.ndarray]:
    """Km from each anchor (or the nearest point of each point set) to every candidate and the
    anchor's gain there, as two ``(len(points), n)`` arrays.

    Each row is remembered with the candidates (the same settled places and open names come back
    round after round, and report after report); the rows not remembered yet are worked out in
    one distance call for all their points (haversine, :func:`_km_to`: within 0.5 % of the
    geodesic, ample here). An empty point set is nowhere: no km, no gain.
    """
    n = len(st.places)
    keys = [(p.lat, p.lon, p.weight, p.scale_km) if isinstance(p, Anchor) else (p.lats, p.lons, p.weight, p.scale_km)
            for p in points]
    rows = st.rows
    missing = [k for k in dict.fromkeys(keys) if k not in rows]
    if missing:
        _remember_rows(st, missing)
    d = np.empty((len(keys), n))
    g = np.empty((len(keys), n))
    for j, key in enumerate(keys):
        row = rows.get(key)
        if row is None:  # forgotten meanwhile (more new points than rows kept)
            _remember_rows(st, [key])
            row = rows[key]
        d[j], g[j] = row
    return d, g


def _remember_rows(st: _Static, keys: list[tuple]) -> None:
    """Work out and remember the km and gain rows of anchors and point sets (see :func:`_rows`)."""
    n = len(st.places)
    # every point of every key as one column: one haversine call for all of them
    lats: list[float] = []
    lons: list[float] = []
    for lat, lon, _, _ in keys:
        if isinstance(lat, tuple):
            lats.extend(lat)
            lons.extend(lon)
        else:
            lats.append(lat)
            lons.append(lon)
    km = _km_to(np.radians(np.asarray(lats, float))[:, None], np.radians(np.asarray(lons, float))[:, None], st)
    at = 0
    for key in keys:
        lat, _, weight, scale_km = key
        if isinstance(lat, tuple):  # a point set: the nearest of its points
            d = km[at:at + len(lat)].min(axis=0) if lat else np.zeros(n)
            at += len(lat)
        else:
            d = km[at].copy()
            at += 1
        g = weight * np.exp2(-d / max(scale_km, 0.001)) if (not isinstance(lat, tuple) or lat) else np.zeros(n)
        d.setflags(write=False)
        g.setflags(write=False)
        if len(st.rows) >= _ROWS_KEPT:
            st.rows.pop(next(iter(st.rows)))  # the oldest
        st.rows[key] = (d, g)


def _region_masks(st: _Static, region_set: set[str], weights: Weights) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Which candidates lie in one of the regions (their oblast or raion is one of them), which in
    one of them that is a raion (their ``admin2``), and the gain that gives each; remembered with
    the candidates by the set of regions."""
    if not region_set:
        return st.nowhere, st.nowhere, st.nothing
    key = (frozenset(region_set), weights.region, weights.raion)
    masks = st.region_masks.get(key)
    if masks is None:
        raion = np.array([b in region_set for _, b in st.admins], bool)
        either = np.array([a in region_set for a, _ in st.admins], bool) | raion
        gain = np.where(either, weights.region, 0.0) + np.where(raion, weights.raion, 0.0)
        for arr in (raion, either, gain):
            arr.setflags(write=False)
        masks = (either, raion, gain)
        if len(st.region_masks) < 64:
            st.region_masks[key] = masks
    return masks


def _front(st: _Static, front_km: Callable[[float, float], float | None] | None,
           weights: Weights) -> tuple[np.ndarray, np.ndarray]:
    """Km from each candidate to the front line (NaN where unknown) and the gain there, as arrays.

    The same for every ranking of the candidates on one line and day, so remembered with them
    when the distance function names its line and day (``front_km.cache_key``): a report ranks
    a name again as its neighbours settle, and the front does not move meanwhile.
    """
    n = len(st.places)
    front_key = None if front_km is None else getattr(front_km, "cache_key", None)
    key = (front_key, weights.front, weights.front_scale_km)
    # (no front line at all is remembered too: unknown everywhere, no gain)
    remembered = front_key is not None or front_km is None
    if remembered:
        hit = st.fronts.get(key)
        if hit is not None:
            return hit
    d = np.full(n, np.nan)
    if front_km is not None:
        many = getattr(front_km, "many", None)
        if many is not None:
            d = np.asarray(many(st.lats, st.lons), dtype=float)
        else:
            d = np.array([np.nan if (v := front_km(p.lat, p.lon)) is None else v for p in st.places], dtype=float)
    known_a = ~np.isnan(d)
    gain = np.zeros(n)
    gain[known_a] = weights.front * np.exp2(-np.maximum(d[known_a], 0.0) / weights.front_scale_km)
    d.setflags(write=False)
    gain.setflags(write=False)
    out = (d, gain)
    if remembered:
        if len(st.fronts) >= 8:  # a stream of reports moves from day to day
            st.fronts.clear()
        st.fronts[key] = out
    return out


#: How many anchors' (and point sets') distances and gains each candidate list remembers, the
#: oldest forgotten first: a name is ranked against the same few neighbours round after round
#: (and report after report), while a report of a hundred thousand names must not keep a row for
#: every anchor it ever made.
_ROWS_KEPT = 64


def _explained(ev: _Evidence, cols: list[int]) -> _Evidence:
    """The evidence of the candidates ``cols`` only (column ``j`` is candidate ``cols[j]``), as
    Python values: only the few candidates explained are written out, one value at a time."""
    def rows(a: np.ndarray) -> list:
        return a[:, cols].tolist() if len(a) else []

    def row(a: np.ndarray | None) -> list | None:
        return None if a is None else a[cols].tolist()

    return _Evidence(rows(ev.near_d), rows(ev.near_g), rows(ev.any_d), rows(ev.any_g), row(ev.in_region),
                     row(ev.in_raion), row(ev.front_d), row(ev.front_g),
                     [ev.nb_k[i] for i in cols] if ev.nb_k else [], [ev.nb_g[i] for i in cols] if ev.nb_k else [])


def _why(c: Candidate, st: _Static, i: int, j: int, ev: _Evidence, near: Sequence[Anchor],
         near_any: Sequence[AnchorSet], region_set: set[str], weights: Weights,
         regions_named: str = "named nearby") -> tuple[str, ...]:
    """The evidence for candidate ``i`` written out, strongest kinds first; ``j`` is its column in
    ``ev`` (:func:`_explained`)."""
    p = c.place
    current, match, pop_gain, city_gain, seat_gain = st.facts(i)
    why = [f"name {c.rule} match '{c.matched or p.name}' ({match:.2f})" + ("" if current else f", another name of {p.name}")]
    for k, a in enumerate(near):
        g = ev.near_g[k][j]
        if g >= 0.05 * a.weight:
            why.append(f"{ev.near_d[k][j]:.1f} km from {a.label or f'{a.lat:.4f},{a.lon:.4f}'} (+{g:.2f})")
    if ev.nb_k and ev.nb_g[j] >= 0.05 * weights.neighbour:
        a = near[ev.nb_k[j]]
        why.append(f"{ev.near_d[ev.nb_k[j]][j]:.1f} km from {a.label or f'{a.lat:.4f},{a.lon:.4f}'}, "
                   f"the nearest place named with it (+{ev.nb_g[j]:.2f})")
    for k, s_ in enumerate(near_any):
        g = ev.any_g[k][j]
        if g >= 0.05 * s_.weight:
            why.append(f"{ev.any_d[k][j]:.1f} km from a place named {s_.label} beside it (+{g:.2f})")
    if ev.in_raion[j]:
        why.append(f"in {p.admin2} ({p.admin1}), {regions_named} (+{weights.region:.2f}, raion +{weights.raion:.2f})")
    elif ev.in_region[j]:
        why.append(f"in {p.admin1}, {regions_named} (+{weights.region:.2f})")
    if p.population > 0:
        why.append(f"population {p.population:,} (+{pop_gain:.2f})"
                   + ("" if current else f", matched by the other name {c.matched!r}"))
    elif pop_gain:
        why.append(f"population unknown, counted as {weights.unknown_population:g} (+{pop_gain:.2f})")
    if city_gain:
        why.append(f"a city of over 100,000 (+{city_gain:.2f})")
    if seat_gain:
        why.append(f"seat of government {p.feature_code} (+{seat_gain:.2f})")
    if ev.front_d is not None and ev.front_g is not None and not math.isnan(ev.front_d[j]):
        why.append(f"{ev.front_d[j]:.0f} km from the front line (+{ev.front_g[j]:.2f})")
    return tuple(why)


@dataclass(frozen=True, slots=True)
class _Static:
    """What a ranking needs of its candidates that does not depend on the evidence of one report."""

    places: list
    lats: np.ndarray
    lons: np.ndarray
    pops: np.ndarray
    gids: np.ndarray
    rlat: np.ndarray  #: radians, for distances
    rlon: np.ndarray
    coslat: np.ndarray
    admins: list  #: (admin1, admin2) casefolded
    current: np.ndarray
    match: np.ndarray
    pop_gain: np.ndarray
    city_gain: np.ndarray
    seat_gain: np.ndarray
    base: np.ndarray  #: match + population, seat and country priors
    nowhere: np.ndarray  #: all False: in none of the regions when the context names none
    nothing: np.ndarray  #: all 0.0: no gain
    region_masks: dict = field(default_factory=dict)  #: which candidates lie in a set of regions
    results: dict = field(default_factory=dict)  #: rankings without anchors, by regions, front day and size
    #: km to every candidate and gain there, by anchor or point set (see :func:`_rows`)
    rows: dict = field(default_factory=dict)
    fronts: dict = field(default_factory=dict)  #: km to the front line and gain, by line and day (see _front)

    def facts(self, i: int) -> tuple[bool, float, float, float, float]:
        """Candidate ``i``'s (current, match, pop_gain, city_gain, seat_gain) as Python values, for writing out
        ``why`` (asked of the few candidates explained, not made for all of a name's namesakes)."""
        return (bool(self.current[i]), float(self.match[i]), float(self.pop_gain[i]), float(self.city_gain[i]),
                float(self.seat_gain[i]))


@dataclass(frozen=True, slots=True)
class Prepared:
    """Candidates with what ranking them needs that no evidence changes (see :func:`prepare`)."""

    candidates: list[Candidate]
    name: str | None
    weights: Weights
    static: _Static


#: The static part of recent rankings, by name, weights and candidate list: a report stream names
#: the same front villages day after day, so the same lists come back.
_STATIC_CACHE: dict[tuple, _Static] = {}
_STATIC_CACHE_SIZE = 4096
#: The same, by the identity of the candidates (held, so that their ids stay theirs).
_SAME_CANDIDATES: dict[tuple, tuple[tuple[Candidate, ...], _Static]] = {}


def prepare(candidates: Iterable[Candidate], *, name: str | None = None, weights: Weights = Weights()) -> Prepared:
    """Candidates made ready for :func:`rank` with the same ``name`` and ``weights``, again and again.

    A name is ranked several times in one report as its neighbours settle; what does not depend
    on that evidence (match scores, population and seat priors, coordinates as arrays) is worked
    out once, and remembered across reports.

    Examples
    --------
    >>> from gazetteer.model import Candidate, Place
    >>> a = Candidate(Place(1, "Ivanivka", 49.66, 37.89, "P", "PPL", "UA", "Kharkiv Oblast"), 1.0)
    >>> b = Candidate(Place(2, "Ivanivka", 46.90, 32.90, "P", "PPL", "UA", "Kherson Oblast"), 1.0)
    >>> ready = prepare([a, b], name="Ivanivka")
    >>> rank(ready, name="Ivanivka", regions=["Kherson Oblast"])[0].place.geonameid
    2
    """
    cands = list(candidates)
    # First by the candidates' own identity, the cheapest key: a gazetteer remembers its lookups
    # and hands out the same Candidate objects for a name again and again. An entry holds its
    # candidates, so a live id is still the same (frozen) candidate.
    same = (name, weights, tuple(map(id, cands)))
    hit = _SAME_CANDIDATES.get(same)
    if hit is not None:
        return Prepared(cands, name, weights, hit[1])
    # the places by identity: a cached entry holds its places, so a live id is still the same
    # place (two gazetteers may give one geonameid different coordinates); a gazetteer hands out
    # one Place object per row, so the same candidates come back with the same ids
    key = (name, weights, tuple((id(c.place), c.score, c.rule, c.matched) for c in cands))
    st = _STATIC_CACHE.get(key)
    if st is None:
        if len(_STATIC_CACHE) >= _STATIC_CACHE_SIZE:
            _STATIC_CACHE.pop(next(iter(_STATIC_CACHE)))  # oldest first
        st = _STATIC_CACHE[key] = _compute_static(cands, name, weights)
    if len(_SAME_CANDIDATES) >= _STATIC_CACHE_SIZE:
        _SAME_CANDIDATES.pop(next(iter(_SAME_CANDIDATES)))
    _SAME_CANDIDATES[same] = (tuple(cands), st)
    return Prepared(cands, name, weights, st)


def _compute_static(cands: list[Candidate], name: str | None, weights: Weights) -> _Static:
    n = len(cands)
    places = [c.place for c in cands]
    lats = np.fromiter((p.lat for p in places), float, n)
    lons = np.fromiter((p.lon for p in places), float, n)
    pops = np.fromiter((p.population for p in places), float, n)
    gids = np.fromiter((p.geonameid for p in places), np.int64, n)

    current = np.fromiter((by_current_name(c, name) for c in cands), bool, n)
    share = np.where(current, 1.0, weights.former_name)
    match = np.fromiter((c.score for c in cands), float, n) - np.where(current, 0.0, weights.other_name_match)
    match -= np.fromiter(
        (0.01 * min(_variant_rank(c, name), 10) if c.rule not in ("exact", "fuzzy") else 0.0 for c in cands), float, n
    )
    # Namesakes reached through the same current name match the mention almost equally well:
    # that GeoNames lists "Peschanoye" among one Pishchane's alternate names and only
    # "Peschanoe" for the other says little about which the report means. Half the gap goes.
    if n > 1 and name is not None:
        best_by_name: dict[str, float] = {}
        cur_keys = [fold(p.name) if current[i] and cands[i].rule != "fuzzy" else "" for i, p in enumerate(places)]
        for i, k in enumerate(cur_keys):
            if k and match[i] > best_by_name.get(k, -1.0):
                best_by_name[k] = match[i]
        if len(best_by_name) < sum(1 for k in cur_keys if k):
            match = np.array([(match[i] + best_by_name[k]) / 2 if k else match[i] for i, k in enumerate(cur_keys)])
    # a section of a city (PPLX: "Shevchenko", a district of Poltava with 147,600 people) is not
    # what a bare name means: its people count for the city, not for it
    share = np.where(np.fromiter((p.feature_code == "PPLX" for p in places), bool, n), 0.0, share)
    settlement = np.fromiter((p.feature_class == "P" for p in places), bool, n)
    people = np.where(pops > 0, pops, np.where(settlement, weights.unknown_population, 0.0))
    pop_gain = share * weights.population * np.log10(1.0 + np.maximum(people, 0.0))
    city_gain = np.where(pops >= 100_000, share * weights.city, 0.0)
    seat = np.fromiter(({"PPLC": 4, "PPLA": 3, "PPLA2": 1}.get(p.feature_code, 0) for p in places), float, n)
    seat_gain = share * weights.admin_seat * seat
    ua_gain = np.fromiter((weights.country_ua if p.country == "UA" else 0.0 for p in places), float, n)
    base = weights.match * match + pop_gain + city_gain + seat_gain + ua_gain
    admins = [(p.admin1.casefold(), p.admin2.casefold()) for p in places]
    rlat, rlon = np.radians(lats), np.radians(lons)
    coslat = np.cos(rlat)
    nowhere, nothing = np.zeros(n, bool), np.zeros(n)
    for arr in (lats, lons, pops, gids, rlat, rlon, coslat, current, match, pop_gain, city_gain, seat_gain, base, nowhere,
                nothing):
        arr.setflags(write=False)
    return _Static(places, lats, lons, pops, gids, rlat, rlon, coslat, admins, current, match, pop_gain, city_gain,
                   seat_gain, base, nowhere, nothing)


def _km_to(rlat: np.ndarray, rlon: np.ndarray, st: _Static) -> np.ndarray:
    """Great-circle km (haversine) from points given in radians as columns ``(m, 1)`` to every
    candidate: an ``(m, n)`` array."""
    h = np.sin((st.rlat - rlat) / 2) ** 2 + np.cos(rlat) * st.coslat * np.sin((st.rlon - rlon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(h, 1.0)))


def confidence(ranked: Sequence[Candidate], n: int | None = None) -> float:
    """A 0-1 confidence for the top of a ranking: high when it clearly beats the runner-up.

    ``n`` is the number of candidates ranked, when ``ranked`` holds only the best of them
    (``rank(..., top=k)``): many close namesakes lower the confidence.

    Examples
    --------
    >>> from gazetteer.model import Candidate, Place
    >>> one = [Candidate(Place(1, "A", 0, 0), 1.5)]
    >>> confidence(one) > 0.8
    True
    """
    if not ranked:
        return 0.0
    top = ranked[0].score
    count = len(ranked) if n is None else max(n, len(ranked))
    if count == 1:
        return round(min(1.0, 0.55 + 0.3 * min(top, 1.5)), 3)
    second = ranked[1].score
    margin = top - second
    # logistic on the margin: equal scores → 0.5 / n-ish, a margin of 0.5 → ~0.8
    p = 1.0 / (1.0 + math.exp(-5.0 * margin))
    crowd = 1.0 / (1.0 + 0.15 * max(0, count - 2))
    value = p * (0.6 + 0.4 * crowd) if margin < 0.3 else p
    return round(max(0.0, min(1.0, value)), 3)


#: How much of :func:`confidence` a first candidate keeps when only fuzzy matching reached it: a
#: name that matches no spelling of any place ("Blahblahivka") is not a confident Balakhivka
FUZZY_ONLY = 0.4

#: Below this, a lookup answers "no confident match" (the ranking is still shown)
CONFIDENT = 0.5


def name_confidence(ranked: Sequence[Candidate], n: int | None = None) -> float:
    """:func:`confidence` for a name looked up on its own: the margin over the runner-up, times
    :data:`FUZZY_ONLY` when the first candidate was reached by fuzzy matching alone.

    Examples
    --------
    >>> from gazetteer.model import Candidate, Place
    >>> name_confidence([Candidate(Place(1, "A", 0, 0), 1.5)])
    1.0
    >>> name_confidence([Candidate(Place(1, "A", 0, 0), 1.5, rule="fuzzy")])
    0.4
    """
    value = confidence(ranked, n)
    if ranked and ranked[0].rule == "fuzzy":
        value = round(value * FUZZY_ONLY, 3)
    return value
