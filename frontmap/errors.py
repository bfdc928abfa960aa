"""The one error tree of frontmap.

Every error frontmap raises derives from :class:`FrontmapError`, and each also derives from
the built-in exception a caller would naturally catch (``ValueError`` for bad values,
``FileNotFoundError`` for missing data, ``ConnectionError`` for network failures), the way
geopy's ``GeocoderTimedOut(GeocoderServiceError, TimeoutError)`` does.

Examples
--------
>>> from frontmap.errors import CoordinateError, FrontmapError
>>> issubclass(CoordinateError, ValueError) and issubclass(CoordinateError, FrontmapError)
True
"""

from __future__ import annotations

__all__ = [
    "FrontmapError",
    "CoordinateError",
    "DateError",
    "ReportError",
    "ReportDecodeError",
    "ReportTimeoutError",
    "GazetteerError",
    "GazetteerNotFoundError",
    "DumpFormatError",
    "IndexCorruptError",
    "DownloadError",
    "FrontlineError",
    "ExportError",
]


class FrontmapError(Exception):
    """Base class of every error frontmap raises."""


class CoordinateError(FrontmapError, ValueError):
    """A coordinate that cannot be read, or that cannot be right (95° N, 36°61′)."""


class DateError(FrontmapError, ValueError):
    """A date that cannot be read or does not exist."""


class ReportError(FrontmapError, OSError):
    """An input report that cannot be read: missing, unreadable, binary, empty."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ReportTimeoutError(ReportError, TimeoutError):
    """A report that took longer to read than the per-report time limit (``--report-timeout``)."""


class ReportDecodeError(ReportError):
    """A report whose bytes are not text in any encoding frontmap recognises."""


class GazetteerError(FrontmapError):
    """Anything wrong with the gazetteer: its sources, its index, a lookup."""


class GazetteerNotFoundError(GazetteerError, FileNotFoundError):
    """No gazetteer source could be found, downloaded or built."""


class DumpFormatError(GazetteerError, ValueError):
    """A GeoNames dump that is corrupt, truncated or not in the 19-column format."""


class IndexCorruptError(GazetteerError):
    """A built index on disk that fails its checksum or cannot be loaded."""


class DownloadError(GazetteerError, ConnectionError):
    """A GeoNames dump could not be downloaded."""


class FrontlineError(FrontmapError, ValueError):
    """A front-line file that cannot be read or holds no usable dates."""


class ExportError(FrontmapError, OSError):
    """Claims could not be written to the requested file or format."""
