"""How far from the front line a place struck by a weapon of limited range can lie.

A strike list of a regional administration ("401 БпЛА атакували A, B, C", "184 артудари завдано по території
D, E") or a bulletin's strike ("ВСУ обстреляли из РСЗО X") names places hit by weapons that reach only so far
beyond the line the attacker holds: an FPV drone some 25 km, tube artillery and rocket launchers some 40, a glide
bomb some 70 (the ``reach_km`` of the means rows of ``geo/rules/actions.jsonl``). Such a place lies within that
distance of the front line on the report's date, and on the side the attacker does not hold: of two namesakes in
one oblast, the one 50 km behind the line, or deep in the attacker's own area, is not the village the drones hit.

:func:`strike_reach` reads a mention's reach from its sentence; :func:`within_reach` tests a candidate place
against it (geo.resolve keeps the namesakes within reach, when any is, and holds a choice between two of them
within reach of one stretch of the line below the 0.9 the project calls sure).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from geo.model import Action, Claimant
from geo.rules import row_number
from geo.rules.matcher import Hit, rows

if TYPE_CHECKING:
    from gazetteer import Gazetteer

__all__ = ["Reach", "SIDE_SLACK_KM", "reach_of_means", "russia_km", "strike_reach", "within_reach"]

#: A struck place may lie this far inside the area its attacker holds on the report's date: the day's line is
#: drawn from maps that lag and generalise, and a village at the line is fought over from both sides
SIDE_SLACK_KM = 5.0

# latitude and longitude bounds of the settlements of Russia a weapon reaching tens of km into Ukraine fires from
_NEAR_UKRAINE = (43.5, 54.0, 29.5, 41.5)

# Who struck, where the text says so plainly enough to tell the side a place lies on: a Ukrainian official's strike
# report (a regional administration lists the strikes on the territory it holds, "окупанти завдали 490 ударів по 14
# населених пунктах") tells the enemy's strikes, unless its sentence names the Ukrainian side as the actor. Elsewhere
# the actor a sentence is read to have is no sure guide (a target named after the verb, "striking Ukrainian forces
# near X", reads as one; a Russian-installed official tells of Russian strikes and Ukrainian ones alike): the reach
# alone holds.
_ATTACKER_BY_CLAIMANT = {Claimant.UA_OFFICIAL: "RU"}


@dataclass(frozen=True)
class Reach:
    """How far beyond the front line a struck place can lie (``km``), and who struck it (``attacker``: "RU",
    "UA" or "" when unknown); the place lies outside the area the attacker holds."""

    km: float
    attacker: str = ""


@functools.lru_cache(maxsize=1)
def _reach_km() -> dict[str, float | None]:
    """Each means row's phrase (its key) → its reach in km (None: the row gives none, the weapon reaches anywhere)."""
    return {r.key: row_number(r, "reach_km") if r.get("reach_km") is not None else None
            for r in rows("actions") if r.cls == "means"}


def reach_of_means(hits: Iterable[Hit]) -> float | None:
    """The reach of the weapons a sentence names (its means hits): the longest, None when there are none or when
    one of them has no reach (a missile or a Shahed beside the drones reaches anywhere).

    >>> from geo.rules.matcher import read_all_kinds
    >>> reach_of_means(read_all_kinds("33 БПЛА атакували Тихе.")[("actions", "means")])
    40.0
    >>> reach_of_means(read_all_kinds("Шахеди та дрони атакували Одесу.")[("actions", "means")]) is None
    True
    """
    table = _reach_km()
    found = [table.get(h.rule.key) for h in hits]
    if not found or any(v is None for v in found):
        return None
    return max(v for v in found if v is not None)


def strike_reach(means: Iterable[Hit] | None, action: Action, claimant: Claimant | None, actor: str) -> Reach | None:
    """The reach of a place struck in a sentence (``action`` its claim's, ``means`` the sentence's means hits), or
    None: not a strike, or by no weapon of limited reach. The attacker is known for a Ukrainian official's report of
    a strike whose sentence names no Ukrainian actor (``actor``): the enemy's (a regional administration lists the
    strikes on the area it holds).

    >>> from geo.rules.matcher import read_all_kinds
    >>> means = read_all_kinds("12 обстрілів з РСЗВ накрили Тихе.")[("actions", "means")]
    >>> strike_reach(means, Action.STRUCK, Claimant.UA_OFFICIAL, "")
    Reach(km=40.0, attacker='RU')
    >>> strike_reach(means, Action.STRUCK, Claimant.ISW, "UA")
    Reach(km=40.0, attacker='')
    >>> strike_reach(means, Action.CAPTURED, Claimant.UA_OFFICIAL, "") is None
    True
    """
    if action is not Action.STRUCK or not means:
        return None
    km = reach_of_means(means)
    if km is None:
        return None
    attacker = _ATTACKER_BY_CLAIMANT.get(claimant, "") if claimant is not None else ""
    return Reach(km, attacker if actor in ("", attacker) else "")


@functools.lru_cache(maxsize=2)
def russia_km(gaz: Gazetteer) -> Callable[[float, float], float]:
    """Km from a point to Russia's nearest settlement of the gazetteer: how far across the state border a weapon
    fired from Russia reaches (Russia shells the villages along the Sumy and Kharkiv border, which the front line,
    measured to the front proper, lies far from). The border is not in the gazetteer; its settlements stand for
    it, a few km inside.

    >>> from gazetteer import Gazetteer
    >>> km = russia_km(Gazetteer.open(progress=False))
    >>> km(50.9, 34.8) < 60 < km(47.0, 31.0)  # Sumy; Mykolaiv oblast
    True
    """
    lats, lons = gaz.coordinates(classes="P", country="RU")
    # (the settlements near Ukraine: nothing farther matters for a reach of tens of km)
    keep = (lats > _NEAR_UKRAINE[0]) & (lats < _NEAR_UKRAINE[1]) & (lons > _NEAR_UKRAINE[2]) & (lons < _NEAR_UKRAINE[3])
    rlat, rlon = np.radians(lats[keep]), np.radians(lons[keep])
    coslat = np.cos(rlat)

    @functools.lru_cache(maxsize=4096)
    def km(lat: float, lon: float) -> float:
        if not len(rlat):
            return math.inf
        a, b = math.radians(lat), math.radians(lon)
        h = np.sin((rlat - a) / 2) ** 2 + math.cos(a) * coslat * np.sin((rlon - b) / 2) ** 2
        return float(2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(h, 1.0))).min())

    return km


def within_reach(lat: float, lon: float, country: str, reach: Reach,
                 front_km: Callable[[float, float], float | None],
                 held: Callable[[float, float], bool] | None,
                 border_km: Callable[[float, float], float] | None = None) -> bool:
    """Whether a place may have been struck by a weapon of ``reach``: within its reach of the front line
    (``front_km``, km to the line on the report's date; unknown: yes) or of Russia (``border_km``,
    :func:`russia_km`), and outside the area its attacker holds (``held``: whether a point lies in the occupied
    area on that date) by more than :data:`SIDE_SLACK_KM`.

    >>> r = Reach(25.0, "RU")
    >>> within_reach(47.6, 35.9, "UA", r, lambda la, lo: 12.0, lambda la, lo: False)
    True
    >>> within_reach(47.6, 35.9, "UA", r, lambda la, lo: 40.0, lambda la, lo: False)
    False
    >>> within_reach(47.4, 36.0, "UA", r, lambda la, lo: 8.0, lambda la, lo: True)
    False
    >>> within_reach(50.6, 36.6, "RU", Reach(25.0, "UA"), lambda la, lo: 90.0, lambda la, lo: False)
    True
    """
    if country not in ("", "UA"):
        # Russia's own regions: Ukraine's strikes reach them across a border the line is not measured to; Russia's
        # do not strike them
        return reach.attacker != "RU"
    fd = front_km(lat, lon)
    if fd is None:
        return True
    if fd > reach.km and (border_km is None or border_km(lat, lon) > reach.km):
        return False
    if held is None or fd <= SIDE_SLACK_KM or not reach.attacker:
        return True
    # held: the occupied area of the line's file, the area Russia holds
    return bool(held(lat, lon)) is (reach.attacker == "UA")
