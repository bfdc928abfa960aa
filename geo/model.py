"""Value types of geo: coordinates, mentions, reports and claims.

The enums accept case-insensitive strings and, given a wrong one, list the allowed values:

>>> Action("Captured")
<Action.CAPTURED: 'captured'>
>>> Action("won")
Traceback (most recent call last):
...
ValueError: 'won' is not a valid Action; allowed: captured, entered, fighting, advancing, attacked, struck, repelled, other
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "Action",
    "Claimant",
    "CoordinateFormat",
    "CoordSource",
    "Coordinate",
    "Mention",
    "Report",
    "Claim",
    "claim_key",
]


def claim_key(geonameid, folded_place: str, claimant, action, role: str, claim_date, modality: str = "done") -> tuple:
    """What makes two claims of one report the same claim (the second is dropped): the place (its
    gazetteer id, else its folded name) and name as written, who claims what in which role, on which
    day, and how (a capture another denies is not the capture asserted: ``modality``) — one place captured on
    the 20th and again on the 22nd is two claims.

    >>> claim_key(None, "zvanovka", None, "attacked", "event", None)[0]
    'zvanovka'
    >>> claim_key(1, "kupiansk", "RU-MoD", "captured", "event", None) == claim_key(
    ...     1, "kupiansk", "RU-MoD", "captured", "event", None, "denied")
    False
    """
    return (geonameid if geonameid is not None else folded_place, folded_place, claimant, action, role, claim_date,
            modality)


class _StrEnum(str, Enum):
    """A str enum that accepts its values case-insensitively and lists them when given a wrong one."""

    @classmethod
    def _missing_(cls, value: object):  # type: ignore[override]
        if isinstance(value, str):
            folded = value.strip().casefold().replace("_", "-")
            for member in cls:
                if member.value.casefold() == folded or member.name.casefold() == folded.replace("-", "_"):
                    return member
        allowed = ", ".join(m.value for m in cls)
        raise ValueError(f"{value!r} is not a valid {cls.__name__}; allowed: {allowed}")

    def __str__(self) -> str:
        return self.value


class Action(_StrEnum):
    """What a claim says happened at a place."""

    CAPTURED = "captured"
    ENTERED = "entered"
    FIGHTING = "fighting"
    ADVANCING = "advancing"
    ATTACKED = "attacked"
    STRUCK = "struck"
    REPELLED = "repelled"
    OTHER = "other"


class Claimant(_StrEnum):
    """Who makes a claim."""

    RU_MOD = "RU-MoD"
    RU_OFFICIAL = "RU-official"
    RU_MILBLOGGER = "RU-milblogger"
    UA_GENERALSTAFF = "UA-GeneralStaff"
    UA_OFFICIAL = "UA-official"
    DEEPSTATE = "DeepState"
    ISW = "ISW"
    MEDIA = "media"
    AUTHOR = "author"


class CoordinateFormat(_StrEnum):
    """How a coordinate was written."""

    DMS = "dms"  #: degrees, minutes, seconds
    DM = "dm"  #: degrees and decimal minutes
    DD = "dd"  #: decimal degrees
    MGRS = "mgrs"  #: Military Grid Reference System
    UTM = "utm"  #: Universal Transverse Mercator: zone, band, easting and northing in metres


class CoordSource(_StrEnum):
    """Where a claim's point comes from."""

    TEXT = "text"  #: coordinates given in the report for this place
    GAZETTEER = "gazetteer"  #: the resolved gazetteer place
    DERIVED = "derived"  #: computed from an anchor place ("4 km west of X")
    GEOCODER = "geocoder"  #: an online geocoder (opt-in)


@dataclass(frozen=True, slots=True)
class Coordinate:
    """A point read from text, with where it was and how precise its notation is.

    ``uncertainty_m`` is half the last written unit: 1″ ≈ 31 m, 1′ ≈ 1.9 km, 0.01° ≈ 1.1 km.
    """

    lat: float
    lon: float
    format: CoordinateFormat = CoordinateFormat.DD
    uncertainty_m: float = 0.0
    start: int = -1  #: offset of the first character in the text it was read from
    end: int = -1  #: offset after the last character
    text: str = ""  #: the coordinate exactly as written


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name as written in a report."""

    text: str  #: the name exactly as written
    start: int
    end: int
    sentence: str = ""  #: the sentence it stands in
    coordinate: Coordinate | None = None  #: coordinates the text ties to this mention
    trigger: str = ""  #: the pattern that found it ("settlement of", "gazetteer", ...)


@dataclass(frozen=True, slots=True)
class Report:
    """One post or article: its text and what is known about it."""

    text: str
    source: str = ""  #: the input path as given (and "#N" for the Nth post of a compilation)
    url: str = ""
    author: str = ""
    date: _dt.date | None = None  #: the report's own date, when the text or metadata gives it
    title: str = ""
    #: who speaks when the text names no one: the known channel or outlet it comes from
    #: (:mod:`geo.channels`), or the origin of a forwarded Telegram message
    claimant_hint: Claimant | None = None
    forwarded_from: str = ""  #: the channel or person a forwarded message was forwarded from
    #: the post's identity whatever file it was read from (a Telegram channel and message id, a feed
    #: entry's id); a claims store keys on it, else on ``source``
    uid: str = ""
    #: (year, month) when only the month of an undated report is known (metadata ``DATE: 2025-11``):
    #: gives the year to the dates its text writes without one
    month: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A place mention resolved (or not) to a point, with what is claimed there, by whom, when.

    ``lat``/``lon`` are None when the mention could not be resolved: such claims are kept, with
    null geometry, rather than forced onto a wrong namesake.
    """

    place: str  #: the mention exactly as written
    lat: float | None = None
    lon: float | None = None
    name: str = ""  #: gazetteer name
    geonameid: int | None = None
    admin1: str = ""
    admin2: str = ""
    country: str = ""
    feature_code: str = ""
    coord_source: CoordSource | None = None
    confidence: float = 0.0
    precision: int | None = None  #: ACLED-style: 1 the place itself, 2 near or part of it, 3 region only
    uncertainty_m: float | None = None
    report_date: _dt.date | None = None
    claim_date: _dt.date | None = None
    action: Action = Action.OTHER
    action_detail: str = ""
    claimant: Claimant | None = None
    role: str = "event"  #: "event" or "speaker"/"venue"/"background"/"direction"/"region" (kept off the map by default)
    unit: str = ""
    direction: str = ""
    derived_from: str = ""
    contested: bool = False
    source: str = ""
    url: str = ""
    forwarded_from: str = ""  #: the origin of a forwarded message (Telegram exports)
    quote: str = ""
    start: int = -1
    end: int = -1
    why: tuple[str, ...] = field(default_factory=tuple)
    modality: str = "done"  #: "done", "attempted", "near" (close to capturing), "denied" (another denies it) or "expected" (foretold)
    actor: str = ""  #: who acted: "RU", "UA" or "" (beside claimant, who says so)
    # checked against the front line (geo.verify); None when no line was given
    front_date: _dt.date | None = None  #: the line's day used for the claim's date
    front_km: float | None = None  #: distance to that day's line, negative inside the occupied area
    front_status: str | None = None  #: confirmed | unconfirmed | no-line | n/a
    confirmed_on: _dt.date | None = None  #: the first day the line shows the claimed side holding it
    lag_days: int | None = None  #: confirmed_on minus the claim's date (negative: the line first)

    @property
    def date(self) -> _dt.date | None:
        """The claim's date when known, else the report's."""
        return self.claim_date or self.report_date

    @property
    def resolved(self) -> bool:
        """True when the claim has a point."""
        return self.lat is not None and self.lon is not None
