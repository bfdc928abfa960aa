"""Where frontmap finds its data and keeps its cache.

- ``FRONTMAP_DATA``: a folder holding GeoNames dumps in ``geonames/`` (or directly in it) and,
  optionally, front-line files in ``frontline/``. An explicit ``data_dir`` option wins over it.
- ``FRONTMAP_CACHE``: where built indexes and downloads go; defaults to the user cache
  directory given by platformdirs.
- ``FRONTMAP_OFFLINE=1``: never touch the network (tests set it).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from frontmap.errors import SettingsError

__all__ = ["data_dir", "cache_dir", "offline", "front_file"]


def data_dir(option: str | os.PathLike[str] | None = None) -> Path | None:
    """The data folder: ``option`` if given, else ``$FRONTMAP_DATA``, else None.

    Examples
    --------
    >>> data_dir("/tmp/somewhere").as_posix()
    '/tmp/somewhere'
    """
    value = option if option not in (None, "") else os.environ.get("FRONTMAP_DATA")
    if not value:
        return None
    return Path(value).expanduser()


def cache_dir() -> Path:
    """The cache folder (created on demand): ``$FRONTMAP_CACHE`` or the platform user cache.

    Raises
    ------
    frontmap.errors.SettingsError
        The folder cannot be made or used (``FRONTMAP_CACHE`` names a file, a symbolic link loop,
        a place without write permission), naming it and where it came from.
    """
    value = os.environ.get("FRONTMAP_CACHE")
    path = Path(value).expanduser() if value else Path(platformdirs.user_cache_dir("frontmap"))
    origin = "FRONTMAP_CACHE" if value else "the user cache folder"
    try:
        path.mkdir(parents=True, exist_ok=True)
        if not path.is_dir():
            raise NotADirectoryError(0, "not a folder")
    except FileExistsError:
        what = "a symbolic link that leads nowhere (a loop or a missing target)" if (
            path.is_symlink() and not path.exists()) else "a file, not a folder"
        raise SettingsError(f"cache folder {path} ({origin}) is {what}") from None
    except (OSError, RuntimeError) as exc:  # RuntimeError: pathlib's symlink loop on some versions
        reason = getattr(exc, "strerror", None) or str(exc)
        raise SettingsError(f"cache folder {path} ({origin}) cannot be used: {reason}") from None
    return path


def offline() -> bool:
    """True when ``$FRONTMAP_OFFLINE`` asks frontmap never to use the network."""
    return os.environ.get("FRONTMAP_OFFLINE", "").strip().lower() in {"1", "true", "yes", "on"}


#: Front-line files looked for in the data folder, best first.
FRONT_FILES = ("frontline/deepstate_history.geojson.xz", "frontline/deepstate_history.geojson")


def front_file(option: str | os.PathLike[str] | None = None) -> Path | None:
    """The front-line history in the data folder (``frontline/deepstate_history.geojson.xz``), if any.

    Examples
    --------
    >>> front_file("/nonexistent") is None
    True
    """
    base = data_dir(option)
    if base is None:
        return None
    for name in FRONT_FILES:
        if (base / name).is_file():
            return base / name
    return None
