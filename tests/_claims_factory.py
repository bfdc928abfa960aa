"""Claims for tests: a mention's claim read from a sentence the test writes (shared by the claims tests), and
synthetic claims for the map tests, several days of claims at a few real places (shared by the browser tests)."""

from __future__ import annotations

import datetime as dt
import re

from geo.claims import ClaimContext, analyse_mention
from geo.model import Action, Claim, Claimant

__all__ = ["DAY0", "claim_at", "days_claims", "name_at"]


def name_at(sentence: str, name: str, nth: int = 0) -> tuple[int, int]:
    """The span of the ``nth`` occurrence of ``name`` in ``sentence``."""
    starts = [m.start() for m in re.finditer(re.escape(name), sentence)]
    return starts[nth], starts[nth] + len(name)


def claim_at(sentence: str, name: str, nth: int = 0, **kw) -> ClaimContext:
    """The claim :func:`geo.claims.analyse_mention` reads for the ``nth`` ``name`` of ``sentence`` (``kw``: its
    options, ``context``, ``report``…)."""
    return analyse_mention(sentence, *name_at(sentence, name, nth), **kw)

DAY0 = dt.date(2025, 11, 20)


def days_claims(places: list[tuple[str, float, float]], *, days: int = 6, url: str = "",
                contested_day: int | None = None, **fields) -> list[Claim]:
    """``days`` days from :data:`DAY0`, k+1 claims on day k (21 dated for six days) at ``places`` in turn, spread
    out, captured (RU-MoD) and fighting (UA-GeneralStaff) by turns; the first two of ``contested_day`` contested;
    then one undated claim. ``fields`` go to every dated claim (``country="UA"``)."""
    out = []
    for k in range(days):
        for j in range(k + 1):
            name, lat, lon = places[(k + j) % len(places)]
            out.append(Claim(
                name, lat + 0.02 * j, lon + 0.02 * k, name=name,
                action=Action.CAPTURED if j % 2 == 0 else Action.FIGHTING,
                claimant=Claimant.RU_MOD if j % 2 == 0 else Claimant.UA_GENERALSTAFF,
                report_date=DAY0 + dt.timedelta(days=k), source=f"synthetic.txt#{k}.{j}",
                url=url, quote=f"Reports say {name} changed hands.",
                confidence=0.7, contested=(k == contested_day and j < 2), **fields,
            ))
    out.append(Claim("Undatedivka", 48.4, 37.6, name="Undatedivka", quote="No date given.",
                     source="synthetic.txt#u", url=url))
    return out
