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

import importlib

# what each name comes from: imported on first use, so that a command needing only the claims
# files (``frontmap verify``) does not pay for folium
_WHERE = {
    "leaflet_assets": "maps.assets", "markercluster_assets": "maps.assets",
    "COORDINATE_DECIMALS": "maps.export", "SUFFIXES": "maps.export", "feature_collection": "maps.export",
    "write_claims": "maps.export", "write_csv": "maps.export", "write_geojson": "maps.export",
    "write_gpkg": "maps.export",
    "COLUMNS": "maps.frame", "DATE_COLUMNS": "maps.frame", "as_frame": "maps.frame",
    "claims_to_frame": "maps.frame", "frame_to_claims": "maps.frame",
    "ATTRIBUTION_FRONT": "maps.front",
    "append_claims": "maps.store", "read_store": "maps.store",
    "read_claims": "maps.verify", "verify_chart": "maps.verify",
    "ACTION_COLOURS": "maps.webmap", "CLAIMANT_COLOURS": "maps.webmap", "CLAIMANT_SIDES": "maps.webmap",
    "claims_data": "maps.webmap", "make_map": "maps.webmap", "save_map": "maps.webmap",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'maps' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])


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
