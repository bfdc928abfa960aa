"""Every claim checked against the front line: status, the day the line confirmed it, the lag.

A place is **held by Russia on day d** when its point lies inside d's occupied area (the
DeepState polygons, :class:`geo.frontline.FrontLine`). For a claim that a place was captured or
entered on day D by one side:

- ``confirmed_on`` is the first day of the run of line days containing D on which the claimed
  side holds the place, or else the first such day after D; ``lag_days`` = ``confirmed_on`` − D
  (negative: the line showed it before the claim). For Russia "holds" means inside the occupied
  area; for a Ukrainian claim of recapture, outside it (no longer held).
- ``front_status``: ``confirmed`` when there is such a day; ``unconfirmed`` when there is none
  through the line's last day (``why`` says "as of" that day); ``no-line`` when D lies outside
  the line's dates or the place outside its area (the line covers Ukraine: a place with another
  country code); ``n/a`` for what the line cannot confirm: other actions (struck, attacked,
  repelled, fighting...), claims with no known side, no date, or no point.
- A run reaching back to the line's first day gives that day, and ``why`` says "at least since".

``front_date`` is the line's day used for D (the latest on or before it, else the earliest; for an
undated claim the latest line) and ``front_km`` the distance to that day's line (its front proper
when the line has settlements, see :meth:`geo.frontline.FrontLine.with_settlements`), negative
inside the occupied area.

Which side acted: the claim's ``actor`` (RU/UA) when it has one, else its claimant's side
(``RU-*`` → RU, ``UA-*`` → UA); third parties (DeepState, ISW, media) name no side by themselves.

Each distinct point's held/not-held series over all the line's days is worked out once
(:meth:`geo.frontline.FrontLine.held`: tested against the first area, then followed through the
line's changes), and answers every claim about it as runs of days: 769 days (656 distinct areas)
× 3,000 villages take a few tenths of a second.

Examples
--------
>>> import datetime as dt
>>> from shapely.geometry import box
>>> from geo.frontline import FrontLine
>>> from geo.model import Action, Claim, Claimant
>>> fl = FrontLine({dt.date(2025, 1, d): box(37.0, 48.0, 38.0 + 0.1 * d, 49.0) for d in range(1, 11)})
>>> c = Claim("X", 48.5, 38.45, action=Action.CAPTURED, claimant=Claimant.RU_MOD,
...           report_date=dt.date(2025, 1, 2))
>>> v, = check_claims([c], fl)
>>> v.front_status, v.confirmed_on, v.lag_days, v.front_date
('confirmed', datetime.date(2025, 1, 5), 3, datetime.date(2025, 1, 2))
>>> v.why[-1]
'front line: confirmed on 2025-01-05 (lag +3 days: 3 days after the claim): held by Russia from that day'
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from geo.model import Action, Claim

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from geo.frontline import FrontLine

__all__ = [
    "STATUSES",
    "CONFIRMABLE",
    "FrontCheck",
    "side_of",
    "side_value",
    "held_by_russia",
    "check_points",
    "check_claims",
    "verify_summary",
    "unconfirmed_claims",
]

#: The values of ``front_status``.
STATUSES: tuple[str, ...] = ("confirmed", "unconfirmed", "no-line", "n/a")

#: The actions the line can confirm: a change of hands.
CONFIRMABLE: frozenset[str] = frozenset({Action.CAPTURED.value, Action.ENTERED.value})

#: The line covers Ukraine: places with another country code are outside its area.
LINE_COUNTRIES: frozenset[str] = frozenset({"", "UA"})

_WHY_PREFIX = "front line: "
_SIDE_NAMES = {"RU": "Russia", "UA": "Ukraine"}


@dataclass(frozen=True, slots=True)
class FrontCheck:
    """One claim checked against the line (see the module's definitions)."""

    front_date: _dt.date | None = None
    front_km: float | None = None
    front_status: str | None = None
    confirmed_on: _dt.date | None = None
    lag_days: int | None = None
    note: str = ""  #: what goes into ``why`` ("" for none)


def side_value(value: Any) -> str | None:
    """"RU" or "UA" from an actor ("RU"/"UA") or a claimant ("RU-MoD", "UA-GeneralStaff"), else None."""
    text = "" if value is None else str(getattr(value, "value", value)).strip().upper()
    if text in ("RU", "UA"):
        return text
    if text.startswith(("RU-", "UA-")):
        return text[:2]
    return None


def side_of(claim: Claim) -> str | None:
    """The side whose gain the claim states: its ``actor`` when set, else its claimant's side.

    Examples
    --------
    >>> from geo.model import Claim, Claimant
    >>> side_of(Claim("X", claimant=Claimant.UA_GENERALSTAFF)), side_of(Claim("X", claimant=Claimant.ISW))
    ('UA', None)
    """
    return side_value(getattr(claim, "actor", None)) or side_value(claim.claimant)


def held_by_russia(front: FrontLine, lats: Sequence[float], lons: Sequence[float]) -> np.ndarray:
    """Whether each point lies inside each day's occupied area: bool array (points × line days)
    (:meth:`geo.frontline.FrontLine.held`: each point tested once against each distinct area).

    Examples
    --------
    >>> import datetime as dt
    >>> from shapely.geometry import box
    >>> from geo.frontline import FrontLine
    >>> fl = FrontLine({dt.date(2025, 1, 1): box(37, 48, 38, 49), dt.date(2025, 1, 2): box(37, 48, 39, 49)})
    >>> held_by_russia(fl, [48.5, 48.5], [37.5, 38.5]).tolist()
    [[True, True], [False, True]]
    """
    return front.held(lats, lons)


def _runs(held: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per point and day: the first day of the held run containing it, and the next held day.

    ``start[p, j]`` is meaningful where ``held[p, j]``; ``nxt[p, j]`` is the first ``j' >= j``
    held, or the number of days when there is none.
    """
    n = held.shape[1]
    idx = np.arange(n, dtype=np.int32)
    start = np.maximum.accumulate(np.where(held, 0, idx + 1).astype(np.int32), axis=1)
    rev = np.where(held, idx, n).astype(np.int32)[:, ::-1]
    nxt = np.minimum.accumulate(rev, axis=1)[:, ::-1]
    return start, nxt


def _day(value: Any) -> _dt.date | None:
    if value is None:
        return None
    if type(value) is _dt.date:
        return value
    import pandas as pd

    try:  # datetimes, numpy / pandas timestamps; NaT (a datetime too) and NaN become None
        return None if pd.isna(value) else pd.Timestamp(value).date()
    except (TypeError, ValueError):
        return None


def check_points(
    front: FrontLine,
    lats: Sequence[float | None],
    lons: Sequence[float | None],
    days: Sequence[_dt.date | None],
    actions: Sequence[str],
    sides: Sequence[str | None],
    countries: Sequence[str] | None = None,
) -> list[FrontCheck]:
    """Check many claims given as columns (the one calculation behind :func:`check_claims`).

    Parameters
    ----------
    front : geo.frontline.FrontLine
    lats, lons : sequences of float or None
        The claims' points (None or NaN: unresolved).
    days : sequence of date or None
        The claims' dates (claim date, else report date).
    actions : sequence of str
        Action values ("captured", "struck", ...).
    sides : sequence of "RU", "UA" or None
        The side whose gain each claim states (see :func:`side_of`).
    countries : sequence of str, optional
        Country codes of the places; a code outside :data:`LINE_COUNTRIES` is outside the line's area.

    Returns
    -------
    list of FrontCheck
        One per claim, in order.
    """
    n = len(lats)
    lat = np.array([np.nan if v is None else float(v) for v in lats], dtype=float)
    lon = np.array([np.nan if v is None else float(v) for v in lons], dtype=float)
    ok = np.isfinite(lat) & np.isfinite(lon)
    line_days = front.dates
    first, last = line_days[0], line_days[-1]
    ords = np.array([d.toordinal() for d in line_days], dtype=np.int64)

    # every distinct point once: its held/not-held series over all line days
    pts = sorted({(lat[i], lon[i]) for i in np.flatnonzero(ok).tolist()})
    where = {p: k for k, p in enumerate(pts)}
    held = held_by_russia(front, [p[0] for p in pts], [p[1] for p in pts])
    runs: dict[bool, tuple[np.ndarray, np.ndarray]] = {}

    def runs_for(russian: bool) -> tuple[np.ndarray, np.ndarray]:
        if russian not in runs:
            runs[russian] = _runs(held if russian else ~held)
        return runs[russian]

    # distances: each point to its own day's line, in one pass (the line's own measure)
    dayv = [_day(d) for d in days]
    line_of = [front.date_for(d) for d in dayv]
    line_idx = np.searchsorted(ords, [d.toordinal() for d in line_of]) if n else np.zeros(0, dtype=int)
    km = np.full(n, np.nan)
    idx = np.flatnonzero(ok)
    km[idx] = front.distances_km_on(lat[idx], lon[idx], [line_of[i] for i in idx.tolist()])

    out: list[FrontCheck] = []
    for i in range(n):
        if not ok[i]:
            out.append(FrontCheck(front_status="n/a"))
            continue
        p = where[(lat[i], lon[i])]
        j = int(line_idx[i])
        inside = bool(held[p, j])
        dist = round(float(km[i]), 1)
        base = {"front_date": line_of[i], "front_km": -dist if inside and dist else dist}
        action = str(getattr(actions[i], "value", actions[i]) or "")
        side = sides[i]
        d = dayv[i]
        country = "" if countries is None or countries[i] is None else str(countries[i])
        if action not in CONFIRMABLE:
            out.append(FrontCheck(**base, front_status="n/a"))
        elif side not in _SIDE_NAMES:
            out.append(FrontCheck(**base, front_status="n/a", note=f"{_WHY_PREFIX}n/a: which side {action} it is not known"))
        elif d is None:
            out.append(FrontCheck(**base, front_status="n/a", note=f"{_WHY_PREFIX}n/a: the claim has no date"))
        elif country not in LINE_COUNTRIES:
            out.append(FrontCheck(**base, front_status="no-line",
                                  note=f"{_WHY_PREFIX}no line: {country} lies outside the line's area (Ukraine)"))
        elif d < first or d > last:
            out.append(FrontCheck(**base, front_status="no-line",
                                  note=f"{_WHY_PREFIX}no line: {d.isoformat()} is outside its dates "
                                       f"({first.isoformat()} to {last.isoformat()})"))
        else:
            russian = side == "RU"
            start, nxt = runs_for(russian)
            held_now = bool(held[p, j]) == russian
            k = int(start[p, j]) if held_now else int(nxt[p, j])
            verb = "held by Russia" if russian else "no longer held by Russia"
            if k >= len(line_days):
                out.append(FrontCheck(**base, front_status="unconfirmed",
                                      note=f"{_WHY_PREFIX}unconfirmed as of {last.isoformat()}: "
                                           f"not {verb} on any day from {d.isoformat()}"))
                continue
            on = line_days[k]
            lag = (on - d).days
            when = "the claim's day" if lag == 0 else (
                f"{lag} day{'s' if lag != 1 else ''} after the claim" if lag > 0
                else f"{-lag} day{'s' if lag != -1 else ''} before the claim")
            since = (f"{verb} at least since that day (the line's first)" if k == 0 and lag < 0
                     else f"{verb} from that day")
            out.append(FrontCheck(**base, front_status="confirmed", confirmed_on=on, lag_days=lag,
                                  note=f"{_WHY_PREFIX}confirmed on {on.isoformat()} (lag {lag:+d} days: {when}): "
                                       f"{since}"))
    return out


def check_claims(claims: Iterable[Claim], front: FrontLine | None) -> list[Claim]:
    """The claims with ``front_date``, ``front_km``, ``front_status``, ``confirmed_on``,
    ``lag_days`` set from ``front`` (and the finding added to ``why``, replacing an earlier one).

    Without a line the claims come back as they are.
    """
    claims = list(claims)
    if front is None or not claims:
        return claims
    checks = check_points(
        front,
        [c.lat for c in claims],
        [c.lon for c in claims],
        [c.date for c in claims],
        [Action(c.action).value for c in claims],
        [side_of(c) for c in claims],
        [c.country for c in claims],
    )
    out = []
    for c, v in zip(claims, checks, strict=True):
        why = tuple(w for w in c.why if not w.startswith(_WHY_PREFIX)) + ((v.note,) if v.note else ())
        out.append(replace(c, front_date=v.front_date, front_km=v.front_km, front_status=v.front_status,
                           confirmed_on=v.confirmed_on, lag_days=v.lag_days, why=why))
    return out


def _frame(data: Any) -> pd.DataFrame:
    from geo.frame import as_frame

    return as_frame(data)


def verify_summary(data: Iterable[Claim] | pd.DataFrame) -> pd.DataFrame:
    """Per claimant: how many of its claims the line could check, and how many it confirmed.

    Parameters
    ----------
    data : claims or a claims (Geo)DataFrame, already checked (see :func:`check_claims`)

    Returns
    -------
    pandas.DataFrame
        One row per claimant (the claims with none as ``"unknown"``), most checked claims first:
        ``claims`` (all its claims), ``checked`` (confirmed + unconfirmed), ``confirmed``,
        ``unconfirmed``, ``no_line``, ``not_applicable``, ``share_confirmed`` (of the checked;
        NaN when none), ``median_lag_days`` (of the confirmed; NaN when none), and
        ``unconfirmed_claims`` ("place (date)" joined with "; ").
    """
    import pandas as pd

    df = _frame(data)
    cols = ["claimant", "claims", "checked", "confirmed", "unconfirmed", "no_line", "not_applicable",
            "share_confirmed", "median_lag_days", "unconfirmed_claims"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    status = df["front_status"].fillna("").astype(str)
    who = df["claimant"].fillna("unknown").astype(str).replace("", "unknown")
    lag_all = pd.to_numeric(df["lag_days"], errors="coerce")
    name = df["name"].fillna("").astype(str)
    name = name.where(name != "", df["place"].fillna("").astype(str))
    day = pd.to_datetime(df["date"], errors="coerce")
    label = name + " (" + day.dt.strftime("%Y-%m-%d").fillna("") + ")"
    rows = []
    for name, idx in who.groupby(who).groups.items():
        st = status.loc[idx]
        conf = int((st == "confirmed").sum())
        unc = int((st == "unconfirmed").sum())
        lags = lag_all.loc[idx][st == "confirmed"].dropna()
        listed = label.loc[idx][st == "unconfirmed"].tolist()
        rows.append({
            "claimant": name,
            "claims": len(idx),
            "checked": conf + unc,
            "confirmed": conf,
            "unconfirmed": unc,
            "no_line": int((st == "no-line").sum()),
            "not_applicable": int((st == "n/a").sum()),
            "share_confirmed": conf / (conf + unc) if conf + unc else float("nan"),
            "median_lag_days": float(lags.median()) if len(lags) else float("nan"),
            "unconfirmed_claims": "; ".join(listed),
        })
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["checked", "claims", "claimant"], ascending=[False, False, True]).reset_index(drop=True)


def unconfirmed_claims(data: Iterable[Claim] | pd.DataFrame) -> pd.DataFrame:
    """The claims the line has not confirmed: claimant, place, name, date, action, front_km, source."""
    df = _frame(data)
    cols = ["claimant", "place", "name", "date", "action", "front_km", "source"]
    sub = df[df["front_status"].fillna("") == "unconfirmed"]
    return sub[cols].sort_values(["claimant", "date"]).reset_index(drop=True)
