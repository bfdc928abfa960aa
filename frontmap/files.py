"""Files written whole or not at all: the one helper every writer of frontmap uses.

A file is written to a temporary file in the same folder (so the final move is a rename on one file
system) and moved into place with :func:`os.replace`, which is atomic: a reader sees the old file or
the new one, never a part; a run killed while writing leaves the previous file intact (and at worst
a stray ``.NAME.*.tmp`` beside it); two processes writing one path leave one of their two files,
whole. Several files written as a group (a map and its GeoJSON) are all written first and moved
into place only when every one of them was written.

Examples
--------
>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
>>> with replacing(out) as (tmp,):
...     _ = tmp.write_text("whole")
>>> out.read_text()
'whole'
>>> sorted(p.name for p in out.parent.iterdir())
['a.txt']
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["replacing", "write_atomic", "check_writable"]


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


#: Permissions of a written file: as ``open`` would give (mkstemp's are 0600)
_MODE = 0o666 & ~_umask()


def _temporary(path: Path, suffix: bool = False) -> Path:
    # ``suffix``: the target's suffix at the end, for writers that go by it (numpy.savez, GDAL);
    # else ``.tmp``, so that a file left by a killed process never looks like a target
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" + (path.suffix if suffix else ""),
                                dir=path.parent)
    try:
        os.fchmod(fd, _MODE)
    finally:
        os.close(fd)
    return Path(name)


@contextlib.contextmanager
def replacing(*paths: str | os.PathLike[str], durable: bool = True, suffix: bool = False) -> Iterator[tuple[Path, ...]]:
    """Temporary files beside ``paths``, moved onto them when the block ends without an error.

    The folders are created. If the block raises, or a temporary file cannot be made, no target
    is touched and every temporary file is removed. The temporary files exist (empty) when the
    block starts; a writer may replace them.

    Parameters
    ----------
    *paths : str or path-like
        The files to write.
    durable : bool, default True
        Flush each file to disk (fsync, ~5 ms) before it replaces the old one, so that a power
        cut leaves the old file or the new one. A cache that is only a speed-up may skip it.
    suffix : bool, default False
        End the temporary names with the targets' suffixes (``.tmp.npz``), for writers that choose
        a format by it (numpy.savez, GDAL); else they end with ``.tmp``.

    Yields
    ------
    tuple of pathlib.Path
        One temporary path per target, in the same order.

    Raises
    ------
    OSError
        A folder cannot be created or written, or a move fails.
    """
    targets = [Path(p) for p in paths]
    tmps: list[Path] = []
    try:
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmps.append(_temporary(target, suffix))
        yield tuple(tmps)
        for tmp in tmps if durable else ():
            if os.path.exists(tmp):
                with open(tmp, "rb+") as fh:  # on disk before it takes the old file's place
                    os.fsync(fh.fileno())
        for tmp, target in zip(tmps, targets, strict=True):
            os.replace(tmp, target)
    finally:
        for tmp in tmps:
            with contextlib.suppress(OSError):
                tmp.unlink()


def write_atomic(path: str | os.PathLike[str], write: Callable[[Path], object], *, durable: bool = True,
                 suffix: bool = False) -> Path:
    """Write one file whole or not at all: ``write(tmp)`` fills a temporary file, moved to ``path``
    (``durable``, ``suffix``: see :func:`replacing`).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "sub" / "b.bin"
    >>> write_atomic(p, lambda tmp: tmp.write_bytes(b"ok")).read_bytes()
    b'ok'
    """
    path = Path(path)
    with replacing(path, durable=durable, suffix=suffix) as (tmp,):
        write(tmp)
    return path


def check_writable(path: str | os.PathLike[str]) -> Path:
    """Make sure ``path`` can be written (by :func:`replacing`) before any work is done for it.

    Creates the folder if need be and makes (then removes) a temporary file in it; refuses a
    path that is a folder.

    Raises
    ------
    OSError
        With a message naming the path and the problem.

    Examples
    --------
    >>> import tempfile
    >>> check_writable(tempfile.mkdtemp())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    IsADirectoryError: ...: is a folder, not a file
    """
    path = Path(path)
    if path.is_dir():
        raise IsADirectoryError(f"{path}: is a folder, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise type(exc)(f"{path}: cannot create the folder ({exc.strerror or exc})") from None
    try:
        _temporary(path).unlink()
    except OSError as exc:
        raise type(exc)(f"{path}: cannot be written ({exc.strerror or exc})") from None
    return path
