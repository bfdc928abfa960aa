"""Mangled names matched only within the area a report is about.

Machine translation and hurried typing mangle names ("Pletnevka" for Pletenivka, "Veselein" for
Vesele in): no spelling rule reaches them, and a fuzzy match over the whole country finds some
look-alike hundreds of kilometres away. A report is about one area, so a name nothing else
reaches is compared (rapidfuzz ``ratio`` of its folded spellings, :func:`gazetteer.names.query_variants`)
with the names of the settlements within :data:`AREA_KM` of the report's placed event places and
of the towns of its front directions (their GeoNames names and the former names of
:mod:`gazetteer.renames`) — and only with those. The best look-alike, its ratio and its
distance to the place that put it in the area go into ``why``.

A mangled transliteration or translation keeps a name's stem and mangles its ending: a Ukrainian
village name is a stem and a suffix (-ka, -ivka, -shchyna, -ets'ka, -yky), and it is the suffix that a
machine translation turns into another one ("Striletska" for Strilecha, "Iskryskivka" for
Iskryskivshchyna, "Tyahynyky" for Tiahynka). So two names that share a long stem (a common
beginning of :data:`STEM_MIN` folded letters or more, half the shorter name or more) are compared by
the Jaro-Winkler similarity, which weighs the beginning, rather than by the plain ratio, which
counts a mangled suffix as heavily as a mangled stem (:func:`lookalike`). A name that shares only a
first syllable ("Striletska", "Staritsa") is still compared by the ratio.

A report's area holds thousands of names: :func:`lookalikes` scores a name's spellings against all of
them at once (rapidfuzz ``cdist``: the ratio and the common beginning of every pair computed in C), and
the Jaro-Winkler similarity only for the few pairs that share a stem.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import JaroWinkler, Prefix

from gazetteer.model import Place
from gazetteer.names import query_variants

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["AREA_KM", "AREA_CUTOFF", "STEM_MIN", "AreaMatch", "AreaPool", "area_match", "area_pool", "lookalike",
           "lookalikes"]

#: How far from a placed place of the report a look-alike may lie
AREA_KM = 30.0
#: Lowest rapidfuzz ratio a look-alike must reach
AREA_CUTOFF = 85.0
_MAX_VARIANTS = 8
#: Folded letters two names must begin with alike to be compared as one stem with two endings
STEM_MIN = 5


def lookalike(a: str, b: str) -> float:
    """How much two folded names look alike, 0-100: the rapidfuzz ratio, or for two names sharing a
    stem (a common beginning of at least :data:`STEM_MIN` letters and half the shorter name) the
    Jaro-Winkler similarity if higher (see the module docstring).

    Examples
    --------
    >>> round(lookalike("striletska", "strilecha")), round(lookalike("striletska", "staritsa"))
    (90, 78)
    >>> round(lookalike("iskriskivka", "iskriskivschina"))
    92
    >>> lookalike("pokrovsk", "pokrovsk")
    100.0
    """
    return float(lookalikes([a], [b])[0])


def lookalikes(keys: Sequence[str], names: Sequence[str]) -> np.ndarray:
    """For each of ``names``, the best :func:`lookalike` score of any of ``keys`` (all folded), as an
    array of floats in the order of ``names`` (0 for each when ``keys`` is empty).

    Examples
    --------
    >>> [round(float(r)) for r in lookalikes(["striletska", "strilecha"], ["strilecha", "staritsa", "lyman"])]
    [100, 78, 29]
    """
    if not keys or not names:
        return np.zeros(len(names))
    ratio = process.cdist(keys, names, scorer=fuzz.ratio, dtype=np.float64)
    common = process.cdist(keys, names, scorer=Prefix.similarity, dtype=np.int32)  # common beginning
    shorter = np.minimum.outer(np.fromiter(map(len, keys), np.int32, len(keys)),
                               np.fromiter(map(len, names), np.int32, len(names)))
    for i, j in np.argwhere((common >= STEM_MIN) & (2 * common >= shorter)):  # a shared stem
        ratio[i, j] = max(ratio[i, j], 100.0 * JaroWinkler.similarity(keys[i], names[j]))
    return ratio.max(axis=0)


@dataclass(frozen=True)
class AreaMatch:
    """A look-alike found in the report's area."""

    place: Place
    matched: str  #: the name of the place that looked alike
    ratio: float  #: :func:`lookalike` score, 0-100
    km: float  #: distance to the place that put it in the area
    near: str  #: that place's name


@dataclass(frozen=True)
class AreaPool:
    """The settlements a look-alike is searched among, with every name of each folded once.

    A report looks up each of its mangled names in the same pool: the names of its thousands of
    settlements are gathered when the pool is made (:meth:`of`), not again for every name.
    """

    #: each settlement with its distance to the place that put it in the pool and that place's name
    entries: tuple[tuple[Place, float, str], ...]
    #: each settlement's names, in the order of ``entries`` (``Gazetteer.folded_names``: the names, their folds)
    names: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    folds: tuple[str, ...]  #: every settlement's folds, one after the other
    ends: np.ndarray  #: where each settlement's folds end in ``folds``

    @classmethod
    def of(cls, gaz: Gazetteer, entries: Iterable[tuple[Place, float, str]]) -> AreaPool:
        """The pool of ``entries`` (settlement, km, name of the place that put it there), its names read once."""
        entries = tuple(entries)
        names = tuple(gaz.folded_names(p) for p, _, _ in entries)
        ends = np.cumsum([len(folds) for _, folds in names])
        ends.setflags(write=False)
        return cls(entries, names, tuple(chain.from_iterable(folds for _, folds in names)), ends)


def area_pool(gaz: Gazetteer, area: Iterable[Place], km: float = AREA_KM) -> AreaPool:
    """The settlements within ``km`` of one of the ``area`` places, each with its distance to the
    nearest of them and that place's name (worked out once per report)."""
    pool: dict[int, tuple[Place, float, str]] = {}
    for a in {p.geonameid: p for p in area}.values():
        for p, d in gaz.near(a.lat, a.lon, km):
            if p.feature_class == "P" and (p.geonameid not in pool or d < pool[p.geonameid][1]):
                pool[p.geonameid] = (p, d, a.name)
    return AreaPool.of(gaz, pool.values())


def area_match(name: str, gaz: Gazetteer, area: Iterable[Place] | None = None, *, km: float = AREA_KM,
               cutoff: float = AREA_CUTOFF, pool: AreaPool | None = None,
               ) -> AreaMatch | None:
    """The settlement within ``km`` of one of the ``area`` places whose name best looks like ``name``.

    Parameters
    ----------
    name
        The name as written.
    gaz
        The gazetteer.
    area
        The report's placed places (and the towns of its front directions).
    pool
        :func:`area_pool` of the area, when already worked out (then ``area`` is not needed).

    Returns
    -------
    AreaMatch or None
        The best look-alike with a :func:`lookalike` score of at least ``cutoff`` (ties: the
        nearer), or None.
    """
    keys = [k for k, _ in query_variants(name)[:_MAX_VARIANTS]]
    if not keys:
        return None
    if pool is None:
        pool = area_pool(gaz, area or (), km)
    scores = lookalikes(keys, pool.folds)
    ends = pool.ends  # where each settlement's names end in ``scores``
    best: AreaMatch | None = None
    for j in np.flatnonzero(scores >= cutoff):  # in pool order: of equal scores and distances, the first
        i = int(np.searchsorted(ends, j, side="right"))
        (p, d, label), n = pool.entries[i], pool.names[i][0][j - (int(ends[i - 1]) if i else 0)]
        r = float(scores[j])
        if best is None or (r, -d) > (best.ratio, -best.km):
            best = AreaMatch(p, n, r, d, label)
    return best
