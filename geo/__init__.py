"""geo: reading frontline reports into geolocated, dated, attributed claims.

The public API, importable from ``geo`` directly (each name is loaded on first use, so that
``import geo.coordinates`` does not pay for geopandas):

- values (:mod:`geo.model`): :class:`Claim`, :class:`Coordinate`, :class:`Report`,
  :class:`Action`, :class:`Claimant`, :class:`CoordSource`, :class:`CoordinateFormat`;
- coordinates (:mod:`geo.coordinates`): :func:`parse_coordinate`, :func:`find_coordinates`,
  :func:`format_coordinate`;
- the pipeline (:mod:`geo.extract`): :func:`extract_text`, :func:`extract_files`;
- frames (:mod:`geo.frame`): :func:`extract_frame` (text, file, folder → GeoDataFrame),
  :func:`claims_to_frame`, :func:`frame_to_claims`, :func:`as_frame`, :data:`COLUMNS`,
  :data:`DATE_COLUMNS`;
- the front line (:mod:`geo.frontline`): :class:`FrontLine`;
- claims checked against it (:mod:`geo.verify`): :func:`check_claims`, :func:`verify_summary`.

Examples
--------
>>> import geo
>>> c = geo.parse_coordinate("48.3099, 37.26513")
>>> (c.lat, c.lon)
(48.3099, 37.26513)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from geo.coordinates import find_coordinates, format_coordinate, parse_coordinate
    from geo.extract import extract_files, extract_text
    from geo.frame import (
        COLUMNS,
        DATE_COLUMNS,
        as_frame,
        claims_to_frame,
        extract_frame,
        frame_to_claims,
    )
    from geo.frontline import FrontLine
    from geo.verify import check_claims, verify_summary
    from geo.model import (
        Action,
        Claim,
        Claimant,
        Coordinate,
        CoordinateFormat,
        CoordSource,
        Report,
    )

#: Where each public name lives.
_HOMES: dict[str, str] = {
    **dict.fromkeys(
        ("Action", "Claim", "Claimant", "Coordinate", "CoordinateFormat", "CoordSource", "Report"),
        "geo.model",
    ),
    **dict.fromkeys(("parse_coordinate", "find_coordinates", "format_coordinate"), "geo.coordinates"),
    **dict.fromkeys(("extract_text", "extract_files"), "geo.extract"),
    **dict.fromkeys(
        ("extract_frame", "claims_to_frame", "frame_to_claims", "as_frame", "COLUMNS", "DATE_COLUMNS"),
        "geo.frame",
    ),
    "FrontLine": "geo.frontline",
    **dict.fromkeys(("check_claims", "verify_summary"), "geo.verify"),
}

__all__ = [
    "Action",
    "Claim",
    "Claimant",
    "Coordinate",
    "CoordinateFormat",
    "CoordSource",
    "Report",
    "parse_coordinate",
    "find_coordinates",
    "format_coordinate",
    "extract_text",
    "extract_files",
    "extract_frame",
    "claims_to_frame",
    "frame_to_claims",
    "as_frame",
    "COLUMNS",
    "DATE_COLUMNS",
    "FrontLine",
    "check_claims",
    "verify_summary",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'geo' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
