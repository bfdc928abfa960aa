"""frontmap: frontline reports in, geolocated, dated, attributed claims out.

The work is done by three packages, each importable on its own:

- :mod:`gazetteer` resolves names to places (GeoNames dumps, index, lookup);
- :mod:`geo` reads text (coordinates, dates, place mentions, claims);
- :mod:`maps` draws claims on Folium maps and writes GeoJSON, GeoPackage and CSV.

This package holds what they share (the error tree, settings) and the ``frontmap`` command.
"""

from frontmap.errors import *  # noqa: F401,F403
from frontmap.errors import __all__ as _errors_all

__version__ = "0.1.0"

ATTRIBUTION_GEONAMES = "Place data from GeoNames (geonames.org), CC BY 4.0."
#: Owed by maps showing points from the opt-in online geocoder (``--online``, ODbL).
ATTRIBUTION_NOMINATIM = "© OpenStreetMap contributors (Nominatim)"
#: In the ``why`` of every claim placed with the coarse gazetteer (maps say so when they see it)
COARSE_WHY = "coarse gazetteer: towns over 500 people only, villages missing (see frontmap gazetteer build)"

__all__ = ["__version__", "ATTRIBUTION_GEONAMES", "ATTRIBUTION_NOMINATIM", "COARSE_WHY", *_errors_all]
