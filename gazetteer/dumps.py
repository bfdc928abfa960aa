"""Reading GeoNames dumps in their original 19-column tab-separated format.

A dump is a ``.txt`` file (``UA.txt``, ``cities500.txt``) or a ``.zip`` holding exactly one
such ``.txt`` (``UA.zip`` → ``UA.txt``; GeoNames zips may also hold a ``readme.txt``, which is
skipped). The columns are those of GeoNames' ``readme.txt``::

    geonameid, name, asciiname, alternatenames, latitude, longitude, feature class,
    feature code, country code, cc2, admin1 code, admin2 code, admin3 code, admin4 code,
    population, elevation, dem, timezone, modification date

A dump that is corrupt or truncated (wrong column count, unreadable id, latitude or longitude,
a broken zip) raises :class:`frontmap.errors.DumpFormatError` naming the file and the line.

Examples
--------
>>> import tempfile, pathlib
>>> line = "\\t".join(["687116", "Zvanivka", "Zvanivka", "Zvanovka,Званівка", "48.75", "38.1",
...                    "P", "PPL", "UA", "", "05", "1402", "", "", "0", "", "150",
...                    "Europe/Kyiv", "2024-01-01"])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "UA.txt"
>>> _ = path.write_text(line + "\\n", encoding="utf-8")
>>> row = next(iter_rows(path))
>>> row.name, row.lat, row.alternatenames
('Zvanivka', 48.75, ('Zvanovka', 'Званівка'))
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, NamedTuple

from frontmap.errors import DumpFormatError

__all__ = [
    "GeoNamesRow",
    "N_COLUMNS",
    "iter_rows",
    "dump_member",
    "parse_line",
    "read_admin_codes",
]

#: Number of tab-separated columns of a GeoNames dump line.
N_COLUMNS = 19

#: Files GeoNames ships beside the dumps that are not dumps themselves.
_NOT_DUMPS = ("readme", "iso-languagecodes", "featurecodes", "timezones", "countryinfo")


class GeoNamesRow(NamedTuple):
    """One line of a GeoNames dump, typed. Empty text columns are ``""``, empty numbers 0/None."""

    geonameid: int
    name: str
    asciiname: str
    alternatenames: tuple[str, ...]
    lat: float
    lon: float
    feature_class: str
    feature_code: str
    country: str
    cc2: str
    admin1_code: str
    admin2_code: str
    admin3_code: str
    admin4_code: str
    population: int
    elevation: int | None
    dem: int | None
    timezone: str
    modified: str


def _int_or_none(text: str) -> int | None:
    text = text.strip()
    if not text:
        return None
    return int(float(text))


def parse_line(line: str, *, source: str = "<dump>", lineno: int = 0) -> GeoNamesRow:
    """Parse one dump line (without its newline) into a :class:`GeoNamesRow`.

    Raises
    ------
    DumpFormatError
        If the line does not have 19 columns, or its id, coordinates or population are not
        numbers, or the coordinates are out of range.

    Examples
    --------
    >>> parse_line("1\\tA\\tA\\t\\t91\\t0\\tP\\tPPL\\tUA" + "\\t" * 10, source="x.txt", lineno=3)
    Traceback (most recent call last):
    ...
    frontmap.errors.DumpFormatError: x.txt, line 3: latitude '91' is out of range
    """
    cols = line.split("\t")
    where = f"{source}, line {lineno}"
    if len(cols) != N_COLUMNS:
        raise DumpFormatError(
            f"{where}: expected {N_COLUMNS} tab-separated columns, found {len(cols)}"
            " (corrupt or truncated GeoNames dump?)"
        )
    try:
        geonameid = int(cols[0])
    except ValueError:
        raise DumpFormatError(f"{where}: geonameid {cols[0]!r} is not an integer") from None
    try:
        lat = float(cols[4])
        lon = float(cols[5])
    except ValueError:
        raise DumpFormatError(
            f"{where}: latitude/longitude {cols[4]!r}, {cols[5]!r} are not numbers"
        ) from None
    if not -90.0 <= lat <= 90.0:
        raise DumpFormatError(f"{where}: latitude {cols[4]!r} is out of range")
    if not -180.0 <= lon <= 180.0:
        raise DumpFormatError(f"{where}: longitude {cols[5]!r} is out of range")
    try:
        population = _int_or_none(cols[14]) or 0
        elevation = _int_or_none(cols[15])
        dem = _int_or_none(cols[16])
    except ValueError:
        raise DumpFormatError(
            f"{where}: population/elevation {cols[14]!r}, {cols[15]!r}, {cols[16]!r}"
            " are not numbers"
        ) from None
    alternates = tuple(a for a in cols[3].split(",") if a) if cols[3] else ()
    return GeoNamesRow(
        geonameid, cols[1], cols[2], alternates, lat, lon, cols[6], cols[7], cols[8], cols[9],
        cols[10], cols[11], cols[12], cols[13], population, elevation, dem, cols[17], cols[18],
    )


def dump_member(archive: zipfile.ZipFile, source: str = "<zip>") -> str:
    """The name of the one dump ``.txt`` inside a GeoNames zip (``UA.zip`` → ``UA.txt``).

    Raises
    ------
    DumpFormatError
        If the zip holds no ``.txt`` dump, or more than one.
    """
    members = [
        m for m in archive.namelist()
        if m.lower().endswith(".txt") and not Path(m).name.lower().startswith(_NOT_DUMPS)
    ]
    if len(members) != 1:
        raise DumpFormatError(
            f"{source}: expected one .txt dump inside the zip, found {len(members)}"
            f" ({', '.join(members) or 'none'})"
        )
    return members[0]


def _iter_text(stream: IO[str], source: str) -> Iterator[GeoNamesRow]:
    for lineno, line in enumerate(stream, start=1):
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        yield parse_line(line, source=source, lineno=lineno)


def iter_rows(path: str | os.PathLike[str]) -> Iterator[GeoNamesRow]:
    """Iterate over the rows of a GeoNames dump, zipped or plain text.

    Parameters
    ----------
    path
        A ``.txt`` dump, or a ``.zip`` holding one ``.txt`` dump.

    Yields
    ------
    GeoNamesRow
        One per line, in file order.

    Raises
    ------
    DumpFormatError
        If the file is not a readable dump; the message names the file and, for a bad line,
        its number.
    FileNotFoundError
        If the file does not exist.
    """
    path = Path(path)
    source = str(path)
    if path.suffix.lower() != ".zip":
        with open(path, encoding="utf-8", newline="") as stream:
            try:
                yield from _iter_text(stream, source)
            except UnicodeDecodeError as exc:
                raise DumpFormatError(f"{source}: not UTF-8 text ({exc.reason})") from None
        return
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise DumpFormatError(f"{source}: not a readable zip ({exc})") from None
    with archive:
        member = dump_member(archive, source)
        where = f"{source}!{member}"
        lineno = 0
        try:
            with archive.open(member) as raw:
                stream = io.TextIOWrapper(raw, encoding="utf-8", newline="")
                for lineno, line in enumerate(stream, start=1):
                    line = line.rstrip("\r\n")
                    if not line or line.startswith("#"):
                        continue
                    yield parse_line(line, source=where, lineno=lineno)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
            raise DumpFormatError(
                f"{where}, line {lineno + 1}: zip data is corrupt or truncated ({exc})"
            ) from None
        except UnicodeDecodeError as exc:
            raise DumpFormatError(
                f"{where}, line {lineno + 1}: not UTF-8 text ({exc.reason})"
            ) from None


def read_admin_codes(path: str | os.PathLike[str]) -> dict[str, str]:
    """Read GeoNames' ``admin1CodesASCII.txt`` / ``admin2Codes.txt``: code → name.

    Lines are ``CC.code<TAB>name<TAB>asciiname<TAB>geonameid`` (``RU.77``, ``Tver Oblast``, ...).

    Raises
    ------
    DumpFormatError
        If a line does not have at least two columns.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "admin1CodesASCII.txt"
    >>> _ = path.write_text("RU.77\\tTver Oblast\\tTver Oblast\\t480041\\n", encoding="utf-8")
    >>> read_admin_codes(path)
    {'RU.77': 'Tver Oblast'}
    """
    codes: dict[str, str] = {}
    with open(path, encoding="utf-8") as stream:
        for lineno, line in enumerate(stream, start=1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2 or not cols[0] or not cols[1]:
                raise DumpFormatError(f"{path}, line {lineno}: expected 'CC.code<TAB>name'")
            codes[cols[0]] = cols[1]
    return codes
