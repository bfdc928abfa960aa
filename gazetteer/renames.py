"""Renamed places as data: former names GeoNames does not list, each pointing at its place.

GeoNames lists most former names as alternate names (Dimitrov for Myrnohrad, Artemovsk for
Bakhmut, Krasnoarmeysk for Pokrovsk), and those are indexed with every other name. The table
``gazetteer/data/renames.csv`` adds only what it lacks: the former names Russian sources still
use for places renamed in 2016 and 2024, or older names a village was known by, one row per
written form, each with its source. A lookup that finds a former name offers the place as a
candidate with the rule ``renamed``, and the row's year and current name in ``why``.

Columns: ``former, lang, geonameid, current, year, source`` (lines starting with ``#`` are
comments). The table is checked when loaded; a bad row raises :class:`~frontmap.errors.RenamesError`
naming the file and line.

>>> [r.current for r in renames_for("Chigari")]
['Pivdenne']
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path

from frontmap.errors import RenamesError

from .names import fold

__all__ = ["RENAMES_FILE", "Rename", "load_renames", "renames_by_key", "renames_for", "former_names"]

RENAMES_FILE = Path(__file__).resolve().parent / "data" / "renames.csv"
_COLUMNS = ("former", "lang", "geonameid", "current", "year", "source")
_LANGS = frozenset({"ru", "uk", "en"})


@dataclass(frozen=True)
class Rename:
    """One former name of a place.

    Attributes
    ----------
    former : str
        The name as a report may write it ("Чигари", "Chigari").
    lang : str
        ``ru``, ``uk`` or ``en`` (a romanisation).
    geonameid : int
        The place it now names.
    current : str
        The place's GeoNames name ("Pivdenne").
    year : int
        The year of the renaming.
    source : str
        Where the fact is published (a URL, a resolution).
    line : int
        The line of the table the row is on.
    """

    former: str
    lang: str
    geonameid: int
    current: str
    year: int
    source: str
    line: int


def load_renames(path: str | Path = RENAMES_FILE) -> tuple[Rename, ...]:
    """Read and check a renames table.

    Raises
    ------
    RenamesError
        A missing column, an empty field, an unknown language, a geonameid or year that is
        not a number, a former name that folds to nothing, or the same former name twice for
        one place — naming the file and line.
    """
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.lstrip().startswith("#")]
    if not body:
        raise RenamesError(f"{path}: no header")
    header_n, header = body[0]
    cols = next(csv.reader([header]))
    if tuple(c.strip() for c in cols) != _COLUMNS:
        raise RenamesError(f"{path}:{header_n}: expected the columns {', '.join(_COLUMNS)}, got {header!r}")
    rows: list[Rename] = []
    seen: set[tuple[str, int]] = set()
    for n, line in body[1:]:
        fields = next(csv.reader([line]))
        if len(fields) != len(_COLUMNS):
            raise RenamesError(f"{path}:{n}: expected {len(_COLUMNS)} fields, got {len(fields)}: {line!r}")
        former, lang, gid, current, year, source = (f.strip() for f in fields)
        for col, value in zip(_COLUMNS, (former, lang, gid, current, year, source), strict=True):
            if not value:
                raise RenamesError(f"{path}:{n}: empty {col}")
        if lang not in _LANGS:
            raise RenamesError(f"{path}:{n}: lang must be one of {sorted(_LANGS)}, got {lang!r}")
        if not gid.isdigit() or not year.isdigit() or not 1900 <= int(year) <= 2100:
            raise RenamesError(f"{path}:{n}: geonameid and year must be numbers, got {gid!r}, {year!r}")
        if not fold(former):
            raise RenamesError(f"{path}:{n}: the former name {former!r} has no letters")
        key = (fold(former), int(gid))
        if key in seen:
            raise RenamesError(f"{path}:{n}: {former!r} for {gid} is already in the table")
        seen.add(key)
        rows.append(Rename(former, lang, int(gid), current, int(year), source, n))
    return tuple(rows)


@functools.lru_cache(maxsize=1)
def renames_by_key() -> dict[str, tuple[Rename, ...]]:
    """The packaged table by the folded former name (:func:`gazetteer.names.fold`)."""
    out: dict[str, list[Rename]] = {}
    for r in load_renames():
        out.setdefault(fold(r.former), []).append(r)
    return {k: tuple(v) for k, v in out.items()}


def renames_for(name: str) -> tuple[Rename, ...]:
    """The rows whose former name folds as ``name`` does."""
    return renames_by_key().get(fold(name), ())


@functools.lru_cache(maxsize=1)
def _by_place() -> dict[int, tuple[str, ...]]:
    out: dict[int, list[str]] = {}
    for r in load_renames():
        out.setdefault(r.geonameid, []).append(r.former)
    return {k: tuple(v) for k, v in out.items()}


def former_names(geonameid: int) -> tuple[str, ...]:
    """The former names the packaged table gives for a place (empty for most places).

    >>> former_names(703224)
    ('Чигари', 'Chyhari', 'Ленінське', 'Ленинское')
    """
    return _by_place().get(geonameid, ())
