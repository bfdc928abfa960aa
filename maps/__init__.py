"""maps: claims on maps and in files.

- :mod:`maps.frame`: claims <-> GeoDataFrame (EPSG:4326, one row per claim, resolved or not);
- :mod:`maps.export`: GeoJSON (RFC 7946), GeoPackage and CSV writers;
- :mod:`maps.webmap`: an interactive Folium map, with an offline mode.

maps reads claims (:mod:`geo.model`) and nothing else of geo.
"""

from maps.export import (
    COORDINATE_DECIMALS,
    SUFFIXES,
    feature_collection,
    write_claims,
    write_csv,
    write_geojson,
    write_gpkg,
)
from maps.frame import COLUMNS, DATE_COLUMNS, as_frame, claims_to_frame, frame_to_claims
from maps.webmap import ACTION_COLOURS, CLAIMANT_COLOURS, leaflet_assets, make_map, save_map

__all__ = [
    "COLUMNS",
    "DATE_COLUMNS",
    "COORDINATE_DECIMALS",
    "SUFFIXES",
    "ACTION_COLOURS",
    "CLAIMANT_COLOURS",
    "as_frame",
    "claims_to_frame",
    "frame_to_claims",
    "feature_collection",
    "write_geojson",
    "write_gpkg",
    "write_csv",
    "write_claims",
    "make_map",
    "save_map",
    "leaflet_assets",
]
