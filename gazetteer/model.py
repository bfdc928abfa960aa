"""Value types of the gazetteer: a place, and a place offered as a candidate for a name."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Place", "Candidate"]


@dataclass(frozen=True, slots=True)
class Place:
    """One GeoNames row: a populated place, an administrative unit, a river...

    Examples
    --------
    >>> p = Place(geonameid=687116, name="Zvanivka", lat=48.75, lon=38.1, feature_class="P",
    ...           feature_code="PPL", country="UA", admin1="Donetsk Oblast")
    >>> p.is_settlement
    True
    """

    geonameid: int
    name: str
    lat: float
    lon: float
    feature_class: str = ""
    feature_code: str = ""
    country: str = ""
    admin1: str = ""  #: oblast (first-level division) name, e.g. "Donetsk Oblast"
    admin2: str = ""  #: raion (second-level division) name, e.g. "Bakhmut Raion"
    admin1_code: str = ""
    admin2_code: str = ""
    population: int = 0
    asciiname: str = ""

    @property
    def is_settlement(self) -> bool:
        """True for populated places (GeoNames feature class ``P``)."""
        return self.feature_class == "P"


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place offered for a name, with how it matched and how well.

    ``rule`` says how the name reached the place: ``exact`` (the name as written, casefolded),
    ``fold`` (spelling folds), ``ru-uk`` (Russian → Ukrainian conversion), ``translit``
    (Cyrillic transliterated), ``fuzzy``. ``score`` is 0-1; ``why`` holds the evidence, one
    short sentence per item, in the order it was weighed.
    """

    place: Place
    score: float
    matched: str = ""
    rule: str = "exact"
    why: tuple[str, ...] = field(default_factory=tuple)
