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
    "CoordinateWordsError",
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
    "ChannelTableError",
    "StoreError",


    "SettingsError",
    "ReportWarning",


    "RenamesError",
    "CalibrationError",
]


class FrontmapError(Exception):
    """Base class of every error frontmap raises."""


class CoordinateError(FrontmapError, ValueError):
    """A coordinate that cannot be read, or that cannot be right (95° N, 36°61′)."""


class CoordinateWordsError(FrontmapError, ValueError):
    """A bad row in the file of coordinate words (hemispheres, labels, joiners); the message names the file and line."""


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


class RuleError(FrontmapError, ValueError):
    """A rule table (a JSONL vocabulary under ``geo/rules/`` or ``gazetteer/data/``, :mod:`frontmap.tables`) holds a bad row."""


class ChannelTableError(FrontmapError, ValueError):
    """A table of known channels with a bad row (the message names the file and the line)."""


class StoreError(FrontmapError, OSError):
    """A claims store that cannot be read or appended to."""


class SettingsError(FrontmapError, OSError):
    """A setting (``FRONTMAP_CACHE``...) that names something frontmap cannot use."""


class ReportWarning(UserWarning):
    """A report that is read, but not all of it as written (an impossible date is left out).

    Not an error: the report's claims are kept. The command line names each on stderr.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class RenamesError(GazetteerError, ValueError):
    """The table of renamed places (``gazetteer/data/renames.csv``) holds a bad row."""


class CalibrationError(FrontmapError, ValueError):
    """The confidence calibration table (``geo/data/calibration.csv``) holds a bad row."""
