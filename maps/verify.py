"""Claims files back in, and the front-line check per claimant as a chart.

:func:`read_claims` reads what :mod:`maps.export` writes (GeoJSON, GeoPackage layer ``claims``,
CSV) back into claims; :func:`verify_chart` draws :func:`geo.verify.verify_summary` as a PNG:
per claimant, its checked claims split into confirmed and unconfirmed, with the share confirmed
and the median lag written beside each bar.

Examples
--------
>>> import tempfile, pathlib, datetime as dt
>>> from geo.model import Action, Claim, Claimant
>>> from maps.export import write_claims
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> c = Claim("Siversk", 48.86, 38.09, action=Action.CAPTURED, claimant=Claimant.RU_MOD,
...           report_date=dt.date(2025, 12, 1), front_status="n/a")
>>> [x.front_status for x in read_claims(write_claims([c], tmp / "c.csv"))]
['n/a']
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pandas as pd

from frontmap.errors import ExportError
from geo.model import Claim
from maps.frame import frame_to_claims

__all__ = ["CLAIM_SUFFIXES", "read_claims", "verify_chart"]

#: The suffixes :func:`read_claims` reads.
CLAIM_SUFFIXES: tuple[str, ...] = (".geojson", ".json", ".gpkg", ".csv")


def read_claims(path: str | os.PathLike[str]) -> list[Claim]:
    """Read a claims file written by :func:`maps.export.write_claims` (.geojson/.json, .gpkg, .csv).

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be read, or its suffix is not one of :data:`CLAIM_SUFFIXES`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".csv":
            # "n/a" is a status here, not a missing value (pandas reads it as NaN by default)
            frame = pd.read_csv(path, encoding="utf-8", keep_default_na=False, na_values=[""])
        elif suffix in (".geojson", ".json", ".gpkg"):
            import geopandas

            kwargs = {"layer": "claims"} if suffix == ".gpkg" else {}
            frame = geopandas.read_file(path, engine="pyogrio", **kwargs)
        else:
            raise ExportError(f"{path}: cannot read claims from {suffix or 'a file without suffix'!r}; "
                              f"allowed suffixes: {', '.join(CLAIM_SUFFIXES)}")
        return frame_to_claims(frame)
    except ExportError:
        raise
    except (OSError, RuntimeError, ValueError, KeyError) as exc:  # pyogrio errors are RuntimeErrors
        raise ExportError(f"{path}: cannot read claims: {exc}") from exc


def verify_chart(summary: pd.DataFrame, path: str | os.PathLike[str], *, title: str = "") -> Path:
    """Draw a :func:`geo.verify.verify_summary` table as a PNG bar chart (matplotlib, no display).

    One horizontal bar per claimant with checked claims: confirmed (green) and unconfirmed (red),
    labelled with the share confirmed and the median lag in days.

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be written.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    rows = summary[summary["checked"] > 0].iloc[::-1]
    fig = Figure(figsize=(8, 1.2 + 0.45 * max(1, len(rows))), dpi=110)
    ax = fig.add_subplot()
    names = rows["claimant"].astype(str).tolist()
    conf = rows["confirmed"].to_numpy()
    unc = rows["unconfirmed"].to_numpy()
    ax.barh(names, conf, color="#2ca02c", label="confirmed by the line")
    ax.barh(names, unc, left=conf, color="#d62728", label="unconfirmed")
    for i, (_, r) in enumerate(rows.iterrows()):
        lag = r["median_lag_days"]
        text = f" {r['share_confirmed']:.0%} confirmed" + (
            "" if lag is None or (isinstance(lag, float) and math.isnan(lag)) else f", median lag {lag:+.0f} d")
        ax.text(r["checked"], i, text, va="center", fontsize=8)
    ax.set_xlabel("captured / entered claims checked against the DeepState line")
    ax.set_title(title or "Claims confirmed by the front line, per claimant", fontsize=10, pad=22)
    if len(rows):
        ax.set_xlim(0, float(rows["checked"].max()) * 1.6 + 1)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, fontsize=8, frameon=False)
    else:
        ax.text(0.5, 0.5, "no claim the line can check", ha="center", va="center", transform=ax.transAxes)
    fig.tight_layout()
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format="png")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path
