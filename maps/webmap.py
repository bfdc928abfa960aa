"""An interactive Folium map of claims: time, sides, the front line.

What a reader gets:

- every drawn claim as a small marker coloured by action or by claimant (Russian sources in
  reds, Ukrainian in blues), clustered (Leaflet.markercluster, with spiderfied duplicates at one
  village) and drawn from ONE GeoJSON FeatureCollection with one ``L.geoJSON`` call
  (never one ``folium.Marker`` per claim: see :mod:`maps.controller`);
- a time slider over the claims' days (play, step, "up to the day" or the last N days with
  ``window_days``); claims without a date are a layer of their own (``show_undated``). Days are
  whole numbers (days since 1970-01-01), so the digit-count trouble of TimestampedGeoJson
  (folium issue #1268) cannot arise;
- layers by action and by claimant in the layer control (a claim shows when both its action
  and its claimant are on), a legend, a place search box, a distance tool, the view fitted to
  the claims;
- popups a reader can judge: the place as written and as resolved, the point and where it comes
  from, dates, action, claimant and side, unit, the quoted sentence with the place marked, the
  source (a link only for ``http``/``https`` URLs), confidence and why, the distance to the front
  line of the claim's day; contested places have a dashed black ring and a flag;
- with ``front=FrontLine``, the occupied area of the slider's day (see :mod:`maps.front`) and
  ``front_km`` in every claim's properties.

Report text is untrusted: every string from a claim is HTML-escaped here before it goes into
the page, where the popups put it into ``innerHTML``; the data travels in a JSON ``<script>``
block whose ``<`` are escaped, so no text can close it.

Only resolved claims whose role is in ``include_roles`` (by default only ``"event"``) are drawn;
the title counts the claims left off. GeoNames is credited always, DeepState when its line is
drawn.

With ``offline=True`` the HTML carries every script and style inline, read from installed
packages (:mod:`maps.assets`): the page works with no network but for the basemap tiles (pass
``tiles=None`` for none). jQuery, Bootstrap and Font Awesome, which folium links by default, are
not used by this map and are left out in both modes.

Examples
--------
>>> import datetime as dt
>>> from geo.model import Action, Claim
>>> m = make_map([Claim("Siversk", 48.87, 38.10, action=Action.CAPTURED,
...                     report_date=dt.date(2024, 5, 2), quote="<script>alert(1)</script>"),
...               Claim("Nowhere")], title="Test map", offline=True)
>>> html = m.get_root().render()
>>> html.count("L.geoJSON(data.claims"), "L.marker(" in html, "<script>alert(1)" in html
(1, True, False)
>>> "Place data from GeoNames (geonames.org), CC BY 4.0." in html
True
>>> "<script src=" in html
False
>>> claims_data(html)["features"][0]["properties"]["day"]
19845
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
import os
import re
import urllib.parse
import warnings
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import folium
import numpy as np
import pandas as pd
import xyzservices
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from frontmap import ATTRIBUTION_GEONAMES, ATTRIBUTION_NOMINATIM, COARSE_WHY
from frontmap.errors import ExportError
from frontmap.files import check_writable, write_atomic
from geo.frontline import FrontLine
from geo.model import Action, Claim, Claimant
from maps.assets import (
    LEAFLET_CSS_URL,
    LEAFLET_JS_URL,
    MARKERCLUSTER_CSS_URLS,
    MARKERCLUSTER_JS_URL,
    inline_script,
    inline_style,
    leaflet_assets,
    markercluster_assets,
)
from maps.controller import CONTROLLER_CSS, CONTROLLER_JS
from maps.frame import as_frame
from geo.verify import FrontCheck, check_points, side_value
from maps.front import ATTRIBUTION_FRONT, line_days, simplified_geojson

__all__ = [
    "LOW_CONFIDENCE",
    "ACTION_COLOURS",
    "CLAIMANT_COLOURS",
    "CLAIMANT_SIDES",
    "POPUP_FIELDS",
    "claims_data",
    "leaflet_assets",
    "make_map",
    "save_map",
    "check_map_output",
]

#: Marker colour by action.
ACTION_COLOURS: dict[str, str] = {
    Action.CAPTURED.value: "#d62728",
    Action.ENTERED.value: "#ff7f0e",
    Action.FIGHTING.value: "#9467bd",
    Action.ADVANCING.value: "#e377c2",
    Action.ATTACKED.value: "#8c564b",
    Action.STRUCK.value: "#1f77b4",
    Action.REPELLED.value: "#2ca02c",
    Action.OTHER.value: "#7f7f7f",
}

#: Marker colour by claimant: Russian sources in reds, Ukrainian in blues, others green/grey.
CLAIMANT_COLOURS: dict[str, str] = {
    Claimant.RU_MOD.value: "#b2182b",
    Claimant.RU_OFFICIAL.value: "#d6604d",
    Claimant.RU_MILBLOGGER.value: "#f4a582",
    Claimant.UA_GENERALSTAFF.value: "#2166ac",
    Claimant.UA_OFFICIAL.value: "#4393c3",
    Claimant.DEEPSTATE.value: "#92c5de",
    Claimant.ISW.value: "#1b7837",
    Claimant.MEDIA.value: "#7f7f7f",
    Claimant.AUTHOR.value: "#4d4d4d",
}

#: The side each claimant speaks for, shown in popups and the legend.
CLAIMANT_SIDES: dict[str, str] = {
    Claimant.RU_MOD.value: "Russian side",
    Claimant.RU_OFFICIAL.value: "Russian side",
    Claimant.RU_MILBLOGGER.value: "Russian side",
    Claimant.UA_GENERALSTAFF.value: "Ukrainian side",
    Claimant.UA_OFFICIAL.value: "Ukrainian side",
    Claimant.DEEPSTATE.value: "Ukrainian side",
    Claimant.ISW.value: "third party",
    Claimant.MEDIA.value: "third party",
    Claimant.AUTHOR.value: "third party",
}
_UNKNOWN = "unknown"
_UNKNOWN_COLOUR = "#000000"

#: Popup rows: the property each shows and its label (report text escaped, in this order).
POPUP_FIELDS: dict[str, str] = {
    "place": "Place (as written)",
    "name": "Gazetteer name",
    "resolved": "Resolved as",
    "point": "Point",
    "date": "Date",
    "reported": "Reported",
    "action": "Action",
    "claimant": "Claimant",
    "unit": "Unit",
    "direction": "Direction",
    "front": "Front line",
    "status": "Status",
    "confidence": "Confidence",
    "source": "Source",
    "quote": "Quote",
}
#: Places placed with a confidence (the probability of being right) below this are drawn hollow
#: and can be hidden
LOW_CONFIDENCE = 0.5

_LABELS = {
    "hide_low": "hide places of low confidence",
    "contested_flag": "Contested: Russian and Ukrainian claimants say different things here",
    "undated": "undated",
    "shown": "claims shown",
    "undated_shown": "undated, their layer on",
    "undated_off": "undated in their own layer, off",
    "no_dates": "no dates",
    "front_of": "front line of",
    "play": "Play the days",
    "prev": "Previous day",
    "next": "Next day",
    "window": "Which claims to show for the day",
    "up_to_day": "up to this day",
    "this_day": "this day only",
    "last": "last",
    "days": "days",
    "search": "Find a place\u2026",
    "found": "claims shown / found",
    "not_found": "no such place among the claims",
    "measure": "Measure distance: click points on the map; click here again to stop",
    "measure_hint": "click the map",
    "list_title": "Claims on screen",
    "list_csv": "Download the claims listed as CSV",
    "list_fold": "Fold or unfold the list",
    "list_more": "more (all in the CSV)",
    "list_none": "no claim shown in this view",
    "compare": "Compare the slider's line with another day's: area gained (red) and lost (blue)",
    "compare_none": "compare with\u2026",
    "compare_with": "vs",
}
#: Front-line status keys in the order of the layer control (see geo.verify.STATUSES).
STATUS_KEYS: tuple[str, ...] = ("confirmed", "unconfirmed", "no-line", "n/a")
_UNCHECKED = "unchecked"
_GAINED, _LOST = "#d62728", "#1f77b4"
_LIST_MAX = 300  # rows drawn in the list (the CSV has them all)
_FRONT_STYLE = {"color": "#7a0019", "weight": 1.5, "fillColor": "#c51b7d", "fillOpacity": 0.14}
_DEFAULT_CENTER = (48.5, 36.0)  # eastern Ukraine, for a map with nothing to fit
_EPOCH = np.datetime64("1970-01-01", "D")
_COORD_DECIMALS = 5  # about 1 m: more than any claim's precision


def _esc(value: Any) -> str | None:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    text = str(value)
    return html.escape(text, quote=True) if text else None


_URL_BAD_CHARS = re.compile(r"[\s\x00-\x1f\x7f]")


def _safe_href(url: Any) -> str | None:
    """An escaped http(s) URL, or None: nothing else becomes a link.

    Examples
    --------
    >>> _safe_href("https://example.org/a?b=1&c=2"), _safe_href("javascript:alert(1)")
    ('https://example.org/a?b=1&amp;c=2', None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _URL_BAD_CHARS.search(url):
        return None
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return html.escape(url, quote=True)


def _find(text: str, name: str) -> tuple[int, int] | None:
    """Where ``name`` first occurs in ``text``, ignoring case."""
    low = text.lower()
    if len(low) == len(text):  # lower() kept every offset (it does but for a few letters)
        k = low.find(name.lower())
        if k >= 0 and len(name.lower()) == len(name):
            return k, k + len(name)
    match = re.search(re.escape(name), text, flags=re.IGNORECASE)
    return (match.start(), match.end()) if match else None


def _mark(quote: str, *names: str) -> list[int] | None:
    """Offsets, in the ESCAPED quote, of the first of ``names`` found in ``quote``.

    Examples
    --------
    >>> q = "Troops <near> A&B took it"
    >>> start, end = _mark(q, "a&b")
    >>> html.escape(q, quote=True)[start:end]
    'A&amp;B'
    """
    for name in names:
        if not name:
            continue
        found = _find(quote, name)
        if found:
            start = len(html.escape(quote[: found[0]], quote=True))
            end = start + len(html.escape(quote[found[0]: found[1]], quote=True))
            return [start, end]
    return None


def _iso(value: Any) -> str | None:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return None
    return pd.Timestamp(value).date().isoformat()


def _checks(drawn: pd.DataFrame, front: FrontLine) -> list[FrontCheck]:
    """Each drawn claim checked against ``front`` (:func:`geo.verify.check_points`)."""
    geoms = drawn.geometry
    if not geoms.empty and not (geoms.geom_type == "Point").all():
        geoms = geoms.representative_point()
    sides = drawn["actor"].tolist() if "actor" in drawn.columns else [None] * len(drawn)
    claimants = drawn["claimant"].tolist()
    return check_points(
        front, geoms.y.tolist(), geoms.x.tolist(), drawn["date"].tolist(),
        [str(a) for a in drawn["action"].tolist()],
        [side_value(a) or side_value(c) for a, c in zip(sides, claimants, strict=True)],
        [("" if c is None or (isinstance(c, float) and math.isnan(c)) else str(c)) for c in drawn["country"].tolist()],
    )


def _features(
    drawn: pd.DataFrame, checks: list[FrontCheck] | None
) -> tuple[list[dict[str, Any]], list[dt.date | None]]:
    """The display features of the drawn claims and each claim's day."""
    geoms = drawn.geometry
    if not geoms.empty and not (geoms.geom_type == "Point").all():
        geoms = geoms.representative_point()
    xs = np.round(geoms.x.to_numpy(dtype="float64"), _COORD_DECIMALS).tolist()
    ys = np.round(geoms.y.to_numpy(dtype="float64"), _COORD_DECIMALS).tolist()
    dates = pd.to_datetime(drawn["date"]).to_numpy(dtype="datetime64[D]")
    day_nums = [
        None if np.isnat(d) else int((d - _EPOCH).astype(int)) for d in dates
    ]
    days = [None if n is None else dt.date(1970, 1, 1) + dt.timedelta(days=n) for n in day_nums]
    col = {c: drawn[c].tolist() for c in drawn.columns if c != drawn.geometry.name}
    n = len(drawn)

    def get(name: str, i: int) -> Any:
        values = col.get(name)
        if values is None:
            return None
        v = values[i]
        return None if v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v)) else v

    features = []
    for i in range(n):
        lat, lon = ys[i], xs[i]
        place = str(get("place", i) or "")
        name = str(get("name", i) or "")
        claimant = get("claimant", i)
        quote = str(get("quote", i) or "")
        props: dict[str, Any] = {
            "id": i,
            "day": day_nums[i],
            "date": None if days[i] is None else days[i].isoformat(),
            "action": _esc(get("action", i)) or _UNKNOWN,
            "claimant": _esc(claimant),
            "contested": bool(get("contested", i)),
            "place": _esc(place),
            "name": _esc(name),
        }
        where = [get(c, i) for c in ("admin2", "admin1", "country")]
        resolved = ", ".join(str(w) for w in where if w)
        geonameid = get("geonameid", i)
        if geonameid is not None:
            resolved += f"{' · ' if resolved else ''}GeoNames {int(geonameid)}"
        props["resolved"] = _esc(resolved)
        point = f"{lat:.5f}, {lon:.5f}"
        how = [str(get("coord_source", i) or "")]
        unc = get("uncertainty_m", i)
        if unc:
            how.append(f"±{unc / 1000:.1f} km" if unc >= 1000 else f"±{unc:.0f} m")
        derived = get("derived_from", i)
        if derived:
            how.append(f"from {derived}")
        how = [h for h in how if h]
        props["point"] = _esc(point + (f" ({', '.join(how)})" if how else ""))
        report_date = _iso(get("report_date", i))
        if report_date and report_date != props["date"]:
            props["reported"] = report_date
        props["action_detail"] = _esc(get("action_detail", i))
        if claimant:
            props["claimant_side"] = _esc(CLAIMANT_SIDES.get(str(claimant)))
        props["unit"] = _esc(get("unit", i))
        props["direction"] = _esc(get("direction", i))
        props["quote"] = _esc(quote)
        if quote:
            props["mark"] = _mark(quote, place, name)
        source = get("source", i)
        props["source"] = _esc(source)
        props["href"] = _safe_href(get("url", i)) or _safe_href(source)
        conf = get("confidence", i)
        props["confidence"] = None if conf is None else f"{float(conf):.2f}"
        if conf is not None and float(conf) < LOW_CONFIDENCE:
            props["low"] = True  # drawn hollow, and hidden by the legend's switch
        props["why"] = _esc(get("why", i))
        if checks is not None:  # checked against the map's line
            ck = checks[i]
            km, line, status = ck.front_km, ck.front_date, ck.front_status
            confirmed_on, lag, verdict = ck.confirmed_on, ck.lag_days, ck.note.removeprefix("front line: ")
            for word in (f"{status}: ", f"{status} ", "no line: "):  # the status is shown beside it
                verdict = verdict.removeprefix(word)
        else:  # as the claims came (checked before, or not at all)
            km, line, status = get("front_km", i), get("front_date", i), get("front_status", i)
            confirmed_on, lag, verdict = get("confirmed_on", i), get("lag_days", i), ""
            line = None if line is None else pd.Timestamp(line).date()
            confirmed_on = None if confirmed_on is None else pd.Timestamp(confirmed_on).date()
        if km is not None and line is not None:
            km = round(float(km), 1)
            props["front_km"] = km
            props["front"] = _esc(
                f"{abs(km):.1f} km from the line of {line.isoformat()}, "
                + ("inside" if km < 0 else "outside")
                + " the occupied area"
            )
        if status:
            props["status"] = _esc(status)
            if confirmed_on is not None:
                props["confirmed_on"] = confirmed_on.isoformat()
            if lag is not None:
                props["lag_days"] = int(lag)
            if not verdict and status == "confirmed" and confirmed_on is not None and lag is not None:
                verdict = f"on the line from {confirmed_on.isoformat()} (lag {int(lag):+d} days)"
            props["verdict"] = _esc(verdict) if verdict else None
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {k: v for k, v in props.items() if v is not None},
            }
        )
    return features, days


def _page_json(payload: Any) -> str:
    """JSON for a ``<script type="application/json">`` block: no ``<`` can end it."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c")


def claims_data(page: str) -> dict[str, Any]:
    """The claims FeatureCollection that a page made by :func:`make_map` carries.

    Parameters
    ----------
    page : str
        The map's HTML.

    Returns
    -------
    dict
        The GeoJSON FeatureCollection of the drawn claims, with their display properties
        (HTML-escaped text, ``day`` as days since 1970-01-01, ``front_km``, ...).

    Raises
    ------
    frontmap.errors.ExportError
        The page holds no claims data.
    """
    match = re.search(
        r'<script type="application/json" id="frontmap-data-[\w-]+">(.*?)</script>', page, re.S
    )
    if not match:
        raise ExportError("the page holds no frontmap claims data")
    return json.loads(match.group(1))["claims"]


class _Raw(Element):
    """HTML put into the page as it is: never compiled as a Jinja template.

    ``folium.Element(text)`` compiles ``text`` as a template, so a title holding ``{{ ... }}``
    would be evaluated (template injection), and a 150 KB inlined script lexed on every render.
    """

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.text = text


class _Attribution(MacroElement):
    """Adds an attribution to the map itself (for credits no tile layer carries)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


class _ClaimsLayer(JSCSSMixin, MacroElement):
    """The claims data block, the controller script, and its start-up call."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        {{ this.header_html }}
        {% endmacro %}
        {% macro html(this, kwargs) %}
        <script type="application/json" id="{{ this.data_id }}">{{ this.data_json }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        frontmap.init({{ this._parent.get_name() }}, {{ this.config|tojson }}, {
            action: { {%- for key, layer in this.action_layers %}{{ key|tojson }}: {{ layer.get_name() }}{{ "," if not loop.last }}{% endfor -%} },
            claimant: { {%- for key, layer in this.claimant_layers %}{{ key|tojson }}: {{ layer.get_name() }}{{ "," if not loop.last }}{% endfor -%} },
            status: { {%- for key, layer in this.status_layers %}{{ key|tojson }}: {{ layer.get_name() }}{{ "," if not loop.last }}{% endfor -%} },
            undated: {{ this.undated_layer.get_name() if this.undated_layer else "null" }},
            front: {{ this.front_layer.get_name() if this.front_layer else "null" }}
        });
        {% endmacro %}
        """
    )

    def __init__(
        self,
        *,
        data_json: str,
        config: dict[str, Any],
        header_html: str,
        action_layers: list[tuple[str, folium.FeatureGroup]],
        claimant_layers: list[tuple[str, folium.FeatureGroup]],
        front_layer: folium.FeatureGroup | None,
        js_links: list[tuple[str, str]],
        status_layers: list[tuple[str, folium.FeatureGroup]] = (),
        undated_layer: folium.FeatureGroup | None = None,
        css_links: list[tuple[str, str]],
    ) -> None:
        super().__init__()
        self._name = "FrontmapClaims"
        self.data_id = f"frontmap-data-{self.get_name()}"
        self.data_json = data_json
        self.config = {**config, "dataId": self.data_id}
        self.header_html = header_html
        self.action_layers = action_layers
        self.claimant_layers = claimant_layers
        self.front_layer = front_layer
        self.status_layers = list(status_layers)
        self.undated_layer = undated_layer
        self.default_js = js_links  # instance attributes: the class lists stay empty
        self.default_css = css_links

    def render(self, **kwargs: Any) -> None:
        """Like MacroElement.render, but the macros' output is put into the page as it is.

        branca wraps each macro's output in ``Element(output)``, which compiles it as a Jinja
        template again: ``{{ ... }}`` in report text would be evaluated (template injection;
        plain ``folium.GeoJson`` does so with its data) and megabytes of data lexed.
        """
        figure = self.get_root()
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        module = self._template.module
        figure.header.add_child(_Raw(module.header(self, kwargs)), name=self.get_name())
        figure.html.add_child(_Raw(module.html(self, kwargs)), name=self.get_name())
        figure.script.add_child(_Raw(module.script(self, kwargs)), name=self.get_name())


def _tile_layer(tiles: str | xyzservices.TileProvider) -> folium.TileLayer:
    provider = tiles
    if isinstance(tiles, str):
        query = "OpenStreetMap Mapnik" if tiles.casefold() == "openstreetmap" else tiles
        try:
            provider = xyzservices.providers.query_name(query)
        except ValueError as exc:
            raise ExportError(
                f"tiles={tiles!r} is not an xyzservices provider name; pass a name such as "
                "'OpenStreetMap' or 'CartoDB Positron', an xyzservices.TileProvider, or None"
            ) from exc
    attribution = f"{provider.html_attribution} | {html.escape(ATTRIBUTION_GEONAMES)}"
    return folium.TileLayer(provider, attr=attribution, name=html.escape(provider.name))


def _panel_css() -> str:
    return (
        "position:fixed;z-index:1000;background:rgba(255,255,255,0.94);padding:6px 10px;"
        "border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,0.4);"
        "font:12px/1.4 'Helvetica Neue',Arial,sans-serif;"
    )


def _layer_name(text: str) -> str:
    """Escaped text for a layer-control label: folium compiles it into a template, so no braces."""
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def _swatch(css_class: str, colour: str | None = None) -> str:
    style = f' style="background:{colour}"' if colour else ""
    return f'<span class="fm-swatch {css_class}"{style}></span>'


def make_map(
    claims_or_frame: Iterable[Claim] | pd.DataFrame,
    *,
    title: str | None = None,
    offline: bool = False,
    tiles: str | xyzservices.TileProvider | None = "OpenStreetMap",
    include_roles: Iterable[str] | None = ("event",),
    color_by: Literal["action", "claimant"] = "action",
    front: FrontLine | None = None,
    window_days: int | None = None,
    cluster: bool = True,
    max_front_dates: int = 120,
    front_tolerance_m: float = 100.0,
    play_ms: int = 700,
    show_undated: bool = False,
) -> folium.Map:
    """Make a Folium map of claims, with a time slider, layers, search, and the front line.

    Parameters
    ----------
    claims_or_frame : iterable of Claim, or a claims GeoDataFrame
    title : str, optional
        Shown on the map and as the page title (default "frontmap claims"); escaped.
    offline : bool, default False
        Inline every script and style (Leaflet from ``django-js-lib-leaflet``,
        Leaflet.markercluster from ``xstatic-leaflet-markercluster``) instead of CDN links.
    tiles : str, xyzservices.TileProvider or None, default "OpenStreetMap"
        The basemap, by xyzservices provider name; None for no basemap (a fully offline page).
    include_roles : iterable of str or None, default ("event",)
        The claim roles drawn; "speaker"/"venue"/"background" claims are left off by default.
        None means the default.
    color_by : {"action", "claimant"}, default "action"
        What the marker colour and the legend show.
    front : geo.frontline.FrontLine, optional
        Draw the occupied area of the slider's day (and, for a second date chosen on the page,
        the area gained and lost between them); check each claim against the line
        (:func:`geo.verify.check_points`: ``front_km`` to its own day's line, status and lag,
        status layers). Without it, the status the claims carry is shown.
    window_days : int, optional
        Show the claims of the last ``window_days`` days up to the slider's day; by default all
        claims up to it. The reader can change it on the page.
    cluster : bool, default True
        Cluster the markers (Leaflet.markercluster); offline without the asset package the map
        is drawn unclustered, with a warning.
    max_front_dates : int, default 120
        The line of every day of the slider's span is drawn, up to this many days (beyond, the
        first, the last, and evenly between); each is ~30-45 KB of HTML.
    front_tolerance_m : float, default 100.0
        Simplification tolerance of the drawn front line, in metres (0 keeps every vertex).
    play_ms : int, default 700
        Milliseconds per day when the slider plays.
    show_undated : bool, default False
        Undated claims are a layer of their own ("undated claims"), never tied to the slider's
        days; whether that layer is on at first. Off (the default, and ``frontmap map``), the
        slider shows only claims of its days; the reader turns the layer on in the layer control.
        When no claim has a date the layer is on.

    Returns
    -------
    folium.Map
        Save it with :func:`save_map`.

    Raises
    ------
    frontmap.errors.ExportError
        An unknown tile provider or ``color_by``, a ``window_days`` below 1, or ``offline=True``
        without Leaflet's asset package.
    """
    if color_by not in ("action", "claimant"):
        raise ExportError(f"color_by={color_by!r}: allowed values are 'action', 'claimant'")
    if window_days is not None and (int(window_days) != window_days or window_days < 1):
        raise ExportError(f"window_days={window_days!r}: give a whole number of days, 1 or more")
    colours = ACTION_COLOURS if color_by == "action" else CLAIMANT_COLOURS
    gdf = as_frame(claims_or_frame)
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    roles = set(("event",) if include_roles is None else include_roles)
    resolved = gdf.geometry.notna() & ~gdf.geometry.is_empty
    role_ok = gdf["role"].fillna("event").replace("", "event").isin(roles)
    drawn = gdf[resolved & role_ok]
    n_unresolved = int((~resolved).sum())
    n_off_role = int((resolved & ~role_ok).sum())

    title = title or "frontmap claims"
    if "why" in gdf and gdf["why"].map(lambda w: COARSE_WHY in (w if isinstance(w, (tuple, list)) else str(w))).any():
        # the claims were placed with the coarse gazetteer: the map says so
        notes_first = [f"Placed with the {COARSE_WHY}"]
    else:
        notes_first = []
    m = folium.Map(location=_DEFAULT_CENTER, zoom_start=6, tiles=None, control_scale=True)
    root = m.get_root()
    root.title = html.escape(title)
    js_links: list[tuple[str, str]] = []
    css_links: list[tuple[str, str]] = []
    header = []
    notes = list(notes_first)
    if offline:
        js, css = leaflet_assets()
        m.default_js, m.default_css = [], []  # instance attributes: folium's class lists untouched
        root.header.add_child(_Raw(inline_script(js)), name="leaflet")
        root.header.add_child(_Raw(inline_style(css)), name="leaflet_css")
        if cluster:
            try:
                mc_js, mc_css = markercluster_assets()
            except ExportError as exc:
                warnings.warn(f"map drawn without clustering: {exc}", stacklevel=2)
                notes.append("clustering off (xstatic-leaflet-markercluster is not installed)")
                cluster = False
            else:
                header += [inline_script(mc_js), inline_style(mc_css)]
    else:
        m.default_js = [("leaflet", LEAFLET_JS_URL)]
        m.default_css = [("leaflet_css", LEAFLET_CSS_URL)]
        if cluster:
            js_links.append(("leaflet_markercluster", MARKERCLUSTER_JS_URL))
            css_links += [(f"leaflet_markercluster_{i}", u) for i, u in enumerate(MARKERCLUSTER_CSS_URLS)]
    keys = [*colours, _UNKNOWN]
    classes = {key: i for i, key in enumerate(keys)}
    colour_css = "".join(
        f".fm-c{i}{{background:{colours.get(key, _UNKNOWN_COLOUR)}}}"
        f".fm-low.fm-c{i}{{background:#fff;border:3px solid {colours.get(key, _UNKNOWN_COLOUR)}}}"
        for key, i in classes.items()
    )
    header += [inline_script(CONTROLLER_JS), inline_style(CONTROLLER_CSS + colour_css)]

    if tiles is not None:
        _tile_layer(tiles).add_to(m)
    else:
        _Attribution(html.escape(ATTRIBUTION_GEONAMES)).add_to(m)
    if "coord_source" in drawn.columns and (drawn["coord_source"].astype(str) == "geocoder").any():
        _Attribution(html.escape(ATTRIBUTION_NOMINATIM)).add_to(m)  # points from --online lookups

    checks = _checks(drawn, front) if front is not None else None
    features, days = _features(drawn, checks)

    # the front line: one simplified polygon per line day of the slider's span (any day on it)
    fronts: list[dict[str, Any]] = []
    front_layer = None
    if front is not None:
        needed = [front.date_for(d) for d in days] or [front.date_for(None)]
        span = [d for d in front.dates if min(needed) <= d <= max(needed)]
        for day in line_days(front, span, max_front_dates):
            fronts.append(
                {
                    "day": (day - dt.date(1970, 1, 1)).days,
                    "date": day.isoformat(),
                    "geometry": simplified_geojson(front, day, front_tolerance_m),
                }
            )
        front_layer = folium.FeatureGroup(name="Front line (DeepState)", overlay=True)
        front_layer.add_to(m)
        _Attribution(html.escape(ATTRIBUTION_FRONT)).add_to(m)

    # layer-control toggles: one empty layer per action and per claimant present
    tally_action = Counter(f["properties"]["action"] for f in features)
    tally_claimant = Counter(f["properties"].get("claimant", _UNKNOWN) for f in features)
    action_layers = []
    for key in [*ACTION_COLOURS, *sorted(set(tally_action) - set(ACTION_COLOURS))]:
        if tally_action.get(key):
            swatch = _swatch(f"fm-c{classes[key]}") if color_by == "action" else ""
            name = f"{swatch}action: {_layer_name(key)} ({tally_action[key]})"
            action_layers.append((key, folium.FeatureGroup(name=name).add_to(m)))
    claimant_layers = []
    for key in [*CLAIMANT_COLOURS, *sorted(set(tally_claimant) - set(CLAIMANT_COLOURS))]:
        if tally_claimant.get(key):
            swatch = _swatch(f"fm-c{classes.get(key, classes[_UNKNOWN])}") if color_by == "claimant" else ""
            name = f"{swatch}claimant: {_layer_name(key)} ({tally_claimant[key]})"
            claimant_layers.append((key, folium.FeatureGroup(name=name).add_to(m)))

    tally_status = Counter(f["properties"].get("status", _UNCHECKED) for f in features)
    status_layers = []
    if set(tally_status) - {_UNCHECKED}:
        for key in [*STATUS_KEYS, *sorted(set(tally_status) - set(STATUS_KEYS))]:
            if tally_status.get(key):
                status_layers.append((key, folium.FeatureGroup(name=f"status: {_layer_name(key)} ({tally_status[key]})").add_to(m)))
    n_undated_all = sum(1 for f in features if f["properties"].get("day") is None)
    undated_layer = None
    if n_undated_all:  # their own layer; always on when no claim has a date
        undated_layer = folium.FeatureGroup(name=f"undated claims ({n_undated_all})",
                                            show=show_undated or n_undated_all == len(features)).add_to(m)

    bounds = None
    if features:  # fitted by the page before any marker is added: no animated re-clustering
        minx, miny, maxx, maxy = (float(v) for v in drawn.geometry.total_bounds)
        bounds = [[miny, minx], [maxy, maxx]]
    dated = [n for n in (f["properties"].get("day") for f in features) if n is not None]
    n_undated = len(features) - len(dated)
    config = {
        "colorBy": color_by,
        "classes": classes,
        "unknown": _UNKNOWN,
        "unknownClass": classes[_UNKNOWN],
        "cluster": bool(cluster),
        "windowDays": None if window_days is None else int(window_days),
        "minDay": min(dated) if dated else None,
        "maxDay": max(dated) if dated else None,
        "undated": n_undated,
        "bounds": bounds,
        "total": len(features),
        "low": sum(1 for f in features if f["properties"].get("low")),
        "playMs": int(play_ms),
        "frontStyle": _FRONT_STYLE,
        "unchecked": _UNCHECKED,
        "listMax": _LIST_MAX,
        "gainedColour": _GAINED,
        "lostColour": _LOST,
        "labels": {
            **{k: html.escape(v) for k, v in _LABELS.items()},
            **{k: html.escape(v) for k, v in POPUP_FIELDS.items()},
        },
    }
    payload = {"claims": {"type": "FeatureCollection", "features": features}, "fronts": fronts}
    _ClaimsLayer(
        data_json=_page_json(payload),
        config=config,
        header_html="\n".join(header),
        action_layers=action_layers,
        claimant_layers=claimant_layers,
        front_layer=front_layer,
        status_layers=status_layers,
        undated_layer=undated_layer,
        js_links=js_links,
        css_links=css_links,
    ).add_to(m)
    n_overlays = len(action_layers) + len(claimant_layers) + len(status_layers) + (front_layer is not None)
    folium.LayerControl(collapsed=n_overlays > 14, position="topright").add_to(m)


    # title and legend (all text escaped)
    left_off = []
    if n_unresolved:
        left_off.append(f"{n_unresolved} unresolved")
    if n_off_role:
        left_off.append(f"{n_off_role} not events")
    counts = f"{len(features)} claims drawn" + (
        f"; not drawn: {', '.join(left_off)}" if left_off else ""
    )
    span = ""
    if dated:
        first, last = min(d for d in days if d), max(d for d in days if d)
        span = f"{first.isoformat()} to {last.isoformat()}" if first != last else first.isoformat()
    root.html.add_child(
        _Raw(
            f'<div id="frontmap-title" style="{_panel_css()}top:10px;left:60px;max-width:45vw">'
            f'<b style="font-size:14px">{html.escape(title)}</b><br>'
            f"<span>{html.escape(counts)}</span>"
            + (f"<br><span>{html.escape(span)}</span>" if span else "")
            + "</div>"
        ),
        name="frontmap_title",
    )
    tally = tally_action if color_by == "action" else tally_claimant
    rows = []
    for key in keys:
        if not tally.get(key):
            continue
        side = f" \u00b7 {CLAIMANT_SIDES[key]}" if color_by == "claimant" and key in CLAIMANT_SIDES else ""
        rows.append(
            f"<div>{_swatch(f'fm-c{classes[key]}')}{html.escape(key)} "
            f"(<span data-fm-kind=\"colour\" data-fm-count=\"{html.escape(key)}\">{tally[key]}</span>"
            f" / {tally[key]}){html.escape(side)}</div>"
        )
    n_contested = sum(1 for f in features if f["properties"]["contested"])
    extra = []
    if status_layers:
        extra.append("<div><b>Front-line status</b> (shown / all)</div>" + "".join(
            f'<div><span class="fm-st fm-st-{re.sub("[^a-z]", "", key)}">{html.escape(key)}</span> '
            f'(<span data-fm-kind="status" data-fm-count="{html.escape(key)}">{tally_status[key]}</span>'
            f" / {tally_status[key]})</div>"
            for key, _ in status_layers))
    if n_contested:
        extra.append(
            f"<div>{_swatch('fm-contested')}contested ({n_contested}): the two sides disagree</div>"
        )
    if front_layer is not None:
        extra.append(
            f'<div>{_swatch("fm-front", _FRONT_STYLE["fillColor"])}occupied area, '
            f"DeepState line of the slider's day ({len(fronts)} days drawn)</div>"
        )
        extra.append(
            f'<div>{_swatch("fm-gained", _GAINED)}gained / {_swatch("fm-lost", _LOST)}lost by Russia '
            "since the day chosen beside the slider</div>"
        )
    n_low = config["low"]
    if n_low:
        extra.append(
            f"<div>{_swatch('fm-low')}hollow: confidence below {LOW_CONFIDENCE:g} ({n_low}), "
            "the place may be a namesake</div>"
        )
    if n_undated:
        extra.append(f"<div>{n_undated} undated claim{'s' if n_undated > 1 else ''}: in their own layer "
                     "('undated claims'), not on the slider's days</div>")
    if left_off:
        extra.append(f"<div style='color:#555'>not drawn: {html.escape(', '.join(left_off))}</div>")
    extra += [f"<div style='color:#555'>{html.escape(n)}</div>" for n in notes]
    root.html.add_child(
        _Raw(
            '<div id="frontmap-legend" class="fm-panel fm-legend">'
            f"<b>{html.escape(color_by.capitalize())}</b>{''.join(rows)}"
            + ("<hr style='margin:4px 0'>" + "".join(extra) if extra else "")
            + "</div>"
        ),
        name="frontmap_legend",
    )
    return m


#: Suffixes of a map file
MAP_SUFFIXES = (".html", ".htm")


def check_map_output(path: str | os.PathLike[str]) -> Path:
    """Check, before any work, that :func:`save_map` could write ``path`` (an ``.html`` file).

    Raises
    ------
    frontmap.errors.ExportError
        The suffix is not ``.html``/``.htm``, or the file cannot be written there.
    """
    path = Path(path)
    if path.suffix.lower() not in MAP_SUFFIXES:
        raise ExportError(
            f"{path}: a map is written as {' or '.join(MAP_SUFFIXES)}, not {path.suffix or 'a file without suffix'!r}"
        )
    try:
        return check_writable(path)
    except OSError as exc:
        raise ExportError(str(exc)) from None


def save_map(m: folium.Map, path: str | os.PathLike[str]) -> Path:
    """Write the map's HTML to ``path``, creating its folder (whole or not at all: see
    :mod:`frontmap.files`).

    Returns
    -------
    pathlib.Path

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be written.
    """
    path = Path(path)
    html_text = m.get_root().render()
    try:
        write_atomic(path, lambda tmp: tmp.write_text(html_text, encoding="utf-8"))
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path
