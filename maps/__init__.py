"""maps: claims on maps and in files.

- :mod:`maps.frame`: claims <-> GeoDataFrame (EPSG:4326, one row per claim, resolved or not);
- :mod:`maps.export`: GeoJSON (RFC 7946), GeoPackage and CSV writers;
- :mod:`maps.webmap`: an interactive Folium map (time slider, layers by action and claimant,
  clustering, search, distance tool, the front line), with an offline mode;
- :mod:`maps.front`: the front line on a map (days to draw, simplified polygons, distances);
- :mod:`maps.assets`: third-party scripts and styles, linked online and inlined offline;
- :mod:`maps.controller`: the page-side script of the web map;
- :mod:`maps.store`: a growing claims store (a GeoPackage appended to run after run).

maps reads claims (:mod:`geo.model`) and the front line (:mod:`geo.frontline`), nothing else
of geo.
"""

from maps.assets import leaflet_assets, markercluster_assets
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
from maps.front import ATTRIBUTION_FRONT
from maps.store import append_claims, read_store
from maps.verify import read_claims, verify_chart
from maps.webmap import (
    ACTION_COLOURS,
    CLAIMANT_COLOURS,
    CLAIMANT_SIDES,
    claims_data,
    make_map,
    save_map,
)

__all__ = [
    "read_claims",
    "verify_chart",
    "COLUMNS",
    "DATE_COLUMNS",
    "COORDINATE_DECIMALS",
    "SUFFIXES",
    "ACTION_COLOURS",
    "CLAIMANT_COLOURS",
    "CLAIMANT_SIDES",
    "ATTRIBUTION_FRONT",
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
    "claims_data",
    "leaflet_assets",
    "markercluster_assets",
    "append_claims",
    "read_store",
]
