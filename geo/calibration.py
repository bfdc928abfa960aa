"""Calibrated confidence: the probability that a place chosen from the gazetteer is the right one.

The ranking's confidence (:func:`gazetteer.ranking.confidence`, how clearly the best candidate
beat its namesakes) orders placements well but is not a probability. A monotone map, fitted on
labelled reports (``benchmarks/calibrate.py``: the share right per bin of raw confidence, shrunk
towards the raw confidence, made monotone; coordinates removed from the texts; other sets check
it), turns it into one, per kind of name match:

- ``unique``: the name has one candidate;
- ``spelling``: several candidates, the best found by the name or a spelling of it (exact,
  fold, qualifier, split, translit);
- ``converted``: several, the best found only by a conversion (Russian → Ukrainian, a case form,
  a former name, a fuzzy match);
- ``spelling-far``, ``converted-far``: the same, for an event place chosen over :data:`FAR_KM` from
  the front line on the report's date. Event places lie near the front (half of the labelled ones
  within 3 km, nine in ten within 14 km); a namesake chosen far behind it is wrong far more often
  (on the labelled reports 83 % right beyond 20 km against 98 % nearer), whatever the margin.

A near tie between namesakes of one oblast (the runner-up in the best's oblast, less than :data:`NEAR_TIE_MARGIN`
behind in the ranking's score) is held below 0.9 (:func:`near_tie_cap`): the oblast, the front line and the
report's region words do not tell such namesakes apart, and a margin of less than one piece of evidence of place
("12 km from Hostre (+0.32)") is what chose. On the five tuning sets (shared, 9-12), of the placements calibrated
≥ 0.9 these were right 23 of 24 times against 464 of 467 otherwise; the one wrong, a village of 30 people chosen
110 km from the label, had 0.945.

An event place chosen over :data:`FAR_KM` inside the territory held on the report's date while its runner-up namesake
lies within :data:`FAR_KM` of the front line is held below 0.9 as well (:func:`front_runner_up_cap`): a claim about a
place deep inside the area one side has long held is rarely about the fighting there, the front line speaks for the
runner-up, and what chose the best is a prior (a city's population, its seat) or the report's other places, which a
city behind the front shares with the villages on it ("advanced near Oleksandropil, Novoselivka Persha and Makiivka":
the city of Makiivka 25 km inside the held area against the village of Makiivka on the Luhansk front, 0.94 and wrong).
A city on the other side of the line (Zaporizhzhia, 31 km from it, against a village of that name at the front) is
struck as often as fought near, and keeps its value.

The map is data (``geo/data/calibration.csv``: ``stratum, raw, calibrated`` breakpoints, each
the start of a step of the monotone fit: a raw confidence takes the value of the last breakpoint
at or below it), checked on load with file:line errors (:class:`~frontmap.errors.CalibrationError`).
"""

from __future__ import annotations

import contextlib
import csv
import functools
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from frontmap.errors import CalibrationError

__all__ = ["CALIBRATION_FILE", "FAR_KM", "NEAR_TIE_CAP", "NEAR_TIE_MARGIN", "STRATA", "stratum", "calibrated",
           "front_runner_up_cap", "load_calibration", "near_tie_cap", "uncalibrated", "value_at"]

CALIBRATION_FILE = Path(__file__).resolve().parent / "data" / "calibration.csv"
STRATA = ("unique", "spelling", "converted", "spelling-far", "converted-far")
#: An event place chosen among namesakes farther than this from the front line is calibrated apart
FAR_KM = 20.0
#: A runner-up of the best's oblast less than this far behind in the ranking's score is a near tie
NEAR_TIE_MARGIN = 0.5
#: The most a near tie between namesakes of one oblast is trusted: below the 0.9 the project calls sure
NEAR_TIE_CAP = 0.89
_SPELLING = frozenset({"exact", "fold", "qualifier", "split", "translit"})
_state = {"on": True}


def stratum(rule: str, n_candidates: int, front_km: float | None = None) -> str:
    """The kind of name match a placement is calibrated by (see the module docstring).

    ``front_km`` is the chosen place's distance to the front line on the report's date, for an
    event place when a front line is given (None otherwise).

    >>> stratum("exact", 30), stratum("exact", 30, front_km=37.0), stratum("exact", 1, front_km=37.0)
    ('spelling', 'spelling-far', 'unique')
    """
    if n_candidates <= 1:
        return "unique"
    kind = "spelling" if rule in _SPELLING else "converted"
    return f"{kind}-far" if front_km is not None and front_km > FAR_KM else kind


def load_calibration(path: str | Path = CALIBRATION_FILE) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Read and check a calibration table: per stratum, raw breakpoints and their calibrated values.

    Raises
    ------
    CalibrationError
        A bad header, an unknown stratum, a value outside [0, 1], raw values not increasing or
        calibrated values decreasing within a stratum, a stratum missing — naming the file and line.
    """
    path = Path(path)
    points: dict[str, list[tuple[float, float]]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [(n, line) for n, line in enumerate(fh.read().splitlines(), 1)
                 if line.strip() and not line.startswith("#")]
    if not lines or [c.strip() for c in next(csv.reader([lines[0][1]]))] != ["stratum", "raw", "calibrated"]:
        raise CalibrationError(f"{path}:{lines[0][0] if lines else 1}: expected the header stratum,raw,calibrated")
    for n, line in lines[1:]:
        fields = [f.strip() for f in next(csv.reader([line]))]
        if len(fields) != 3:
            raise CalibrationError(f"{path}:{n}: expected 3 fields, got {len(fields)}")
        name, raw_s, cal_s = fields
        if name not in STRATA:
            raise CalibrationError(f"{path}:{n}: unknown stratum {name!r} (one of {', '.join(STRATA)})")
        try:
            raw, cal = float(raw_s), float(cal_s)
        except ValueError:
            raise CalibrationError(f"{path}:{n}: raw and calibrated must be numbers") from None
        if not (0.0 <= raw <= 1.0 and 0.0 <= cal <= 1.0):
            raise CalibrationError(f"{path}:{n}: values must lie in [0, 1]")
        prev = points.setdefault(name, [])
        if prev and (raw <= prev[-1][0] or cal < prev[-1][1]):
            raise CalibrationError(f"{path}:{n}: raw must increase and calibrated must not decrease")
        prev.append((raw, cal))
    missing = [s for s in STRATA if s not in points]
    if missing:
        raise CalibrationError(f"{path}: no rows for {', '.join(missing)}")
    return {k: (np.array([p[0] for p in v]), np.array([p[1] for p in v])) for k, v in points.items()}


@functools.lru_cache(maxsize=1)
def _table() -> dict[str, tuple[np.ndarray, np.ndarray]]:
    return load_calibration()


def calibrated(raw: float, kind: str) -> float:
    """The probability that a placement of ranking confidence ``raw`` and match ``kind`` is right.

    >>> 0.0 <= calibrated(0.99, "spelling") <= 1.0
    True
    """
    if not _state["on"]:
        return raw
    return value_at(_table(), raw, kind)


def value_at(table: dict[str, tuple[np.ndarray, np.ndarray]], raw: float, kind: str) -> float:
    """The calibrated value of ``raw`` in a table (:func:`load_calibration`'s form): that of the
    last breakpoint of ``kind`` at or below it.

    >>> value_at({"unique": (np.array([0.0, 0.9]), np.array([0.5, 0.99]))}, 0.95, "unique")
    0.99
    """
    xs, ys = table[kind]
    k = int(np.searchsorted(xs, raw, side="right")) - 1
    return float(ys[max(k, 0)])


def near_tie_cap(same_oblast: bool, margin: float) -> float:
    """The most a placement is trusted for how it beat its runner-up: :data:`NEAR_TIE_CAP` for a runner-up of the
    same oblast less than :data:`NEAR_TIE_MARGIN` behind (``margin``, the ranking's scores), else 1.

    >>> near_tie_cap(True, 0.4), near_tie_cap(True, 0.8), near_tie_cap(False, 0.1)
    (0.89, 1.0, 1.0)
    """
    if not _state["on"]:
        return 1.0
    return NEAR_TIE_CAP if same_oblast and margin < NEAR_TIE_MARGIN else 1.0


def front_runner_up_cap(best_front_km: float | None, best_held: Callable[[], bool],
                        runner_up_front_km: float | None) -> float:
    """The most an event place is trusted when it lies deep inside the held area and its runner-up namesake at the
    front line: :data:`NEAR_TIE_CAP` for a best over :data:`FAR_KM` from the line on its held side and a runner-up
    within :data:`FAR_KM` of it, else 1 (also when either distance is unknown). ``best_held`` says whether the best lies
    on the held side; it is asked last, only when the distances qualify (a containment test against the day's area,
    dearer than both distances, which are remembered).

    >>> front_runner_up_cap(25.0, lambda: True, 3.0), front_runner_up_cap(25.0, lambda: False, 3.0)
    (0.89, 1.0)
    >>> front_runner_up_cap(25.0, lambda: True, 40.0), front_runner_up_cap(12.0, lambda: True, 3.0)
    (1.0, 1.0)
    """
    if not _state["on"] or best_front_km is None or runner_up_front_km is None:
        return 1.0
    return NEAR_TIE_CAP if best_front_km > FAR_KM >= runner_up_front_km and best_held() else 1.0


@contextlib.contextmanager
def uncalibrated() -> Iterator[None]:
    """Within the block, :func:`calibrated` returns the raw confidence (to fit the map afresh)."""
    before = _state["on"]
    _state["on"] = False
    try:
        yield
    finally:
        _state["on"] = before
