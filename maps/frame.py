"""Claims as a GeoDataFrame, and back: re-exported from :mod:`geo.frame`, where they live.

One row per claim, resolved or not: the geometry is a WGS 84 point (EPSG:4326), or None when the
mention could not be resolved. The columns are the claim schema :data:`COLUMNS`, in that order,
the same names the GeoJSON, GeoPackage and CSV writers use, then ``geometry``. geo makes these
frames (and must not import maps); maps draws and writes them.

Examples
--------
>>> from geo.model import Claim
>>> gdf = claims_to_frame([Claim("Siversk", 48.87, 38.10), Claim("Nowhereville")])
>>> gdf.crs.to_epsg(), gdf.geometry.isna().tolist()
(4326, [False, True])
"""

from __future__ import annotations

from geo.frame import (
    COLUMNS,
    DATE_COLUMNS,
    WHY_SEPARATOR,
    as_frame,
    claims_to_frame,
    frame_to_claims,
)

__all__ = [
    "COLUMNS",
    "DATE_COLUMNS",
    "WHY_SEPARATOR",
    "as_frame",
    "claims_to_frame",
    "frame_to_claims",
]
