"""An interactive Folium map of claims.

All drawn claims go into ONE ``folium.GeoJson`` layer of circle markers (10,000 ``folium.Marker``
objects take over a minute to render; one GeoJSON layer a few seconds), coloured by action or by
claimant, with a popup (place, gazetteer name, date, action, claimant, quote, source, confidence)
and a tooltip. Report text is untrusted: every string shown in a popup, tooltip, title or legend
is HTML-escaped here, because ``GeoJsonPopup``/``GeoJsonTooltip`` put property values into
``innerHTML`` as they are.

Only resolved claims whose role is in ``include_roles`` (by default only ``"event"``) are drawn;
the title counts the claims left off. GeoNames is credited in the tile layer's attribution.

With ``offline=True`` the HTML carries Leaflet's JS and CSS inline, read at build time from the
installed ``django-js-lib-leaflet`` package (Leaflet 1.9.4, BSD-2-Clause), so the page works with
no network but for the basemap tiles (pass ``tiles=None`` for none). jQuery, Bootstrap and
Font Awesome, which folium links by default, are not used by this map and are left out in both
modes.

Examples
--------
>>> from geo.model import Action, Claim
>>> m = make_map([Claim("Siversk", 48.87, 38.10, action=Action.CAPTURED,
...                     quote="<script>alert(1)</script>"),
...               Claim("Nowhere")], title="Test map", offline=True)
>>> html = m.get_root().render()
>>> html.count("L.geoJson("), "L.marker(" in html, "<script>alert(1)" in html
(1, False, False)
>>> "Place data from GeoNames (geonames.org), CC BY 4.0." in html
True
>>> "<script src=" in html
False
"""

from __future__ import annotations

import base64
import functools
import html
import importlib.resources
import os
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

import folium
import pandas as pd
import xyzservices
from branca.element import MacroElement
from folium.template import Template

from frontmap import ATTRIBUTION_GEONAMES
from frontmap.errors import ExportError
from geo.model import Action, Claim, Claimant
from maps.export import feature_collection
from maps.frame import as_frame

__all__ = [
    "ACTION_COLOURS",
    "CLAIMANT_COLOURS",
    "POPUP_FIELDS",
    "leaflet_assets",
    "make_map",
    "save_map",
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
_UNKNOWN = "unknown"
_UNKNOWN_COLOUR = "#000000"

#: Popup fields and their labels.
POPUP_FIELDS: dict[str, str] = {
    "place": "Place (as written)",
    "name": "Gazetteer name",
    "date": "Date",
    "action": "Action",
    "claimant": "Claimant",
    "quote": "Quote",
    "source": "Source",
    "confidence": "Confidence",
}
_TOOLTIP_FIELDS = ("place", "date", "action")

# folium's own Leaflet links (the version folium is tested with), used when online.
_LEAFLET_JS = dict(folium.folium._default_js)["leaflet"]
_LEAFLET_CSS = dict(folium.folium._default_css)["leaflet_css"]
_ASSET_PACKAGE = "js_lib_leaflet"  # PyPI: django-js-lib-leaflet
_ASSET_DIR = "static/js_lib_leaflet"
_DEFAULT_CENTER = (48.5, 36.0)  # eastern Ukraine, for a map with nothing to fit


@functools.lru_cache(maxsize=1)
def leaflet_assets() -> tuple[str, str]:
    """Return Leaflet's JS and CSS from the installed ``django-js-lib-leaflet`` package.

    The CSS's images (layer-control and default-marker icons) are inlined as ``data:`` URIs,
    so the pair makes a page that needs no file and no network besides itself.

    Returns
    -------
    (str, str)
        ``leaflet.js`` and ``leaflet.css``.

    Raises
    ------
    frontmap.errors.ExportError
        The package is not installed (``pip install django-js-lib-leaflet``).

    Examples
    --------
    >>> js, css = leaflet_assets()
    >>> "Leaflet 1.9" in js[:200], "url(images/" in css
    (True, False)
    """
    try:
        root = importlib.resources.files(_ASSET_PACKAGE).joinpath(_ASSET_DIR)
        js = root.joinpath("leaflet.js").read_text(encoding="utf-8")
        css = root.joinpath("leaflet.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ExportError(
            "an offline map needs Leaflet's files from the 'django-js-lib-leaflet' package: "
            f"pip install django-js-lib-leaflet ({exc})"
        ) from exc

    def inline(match: re.Match[str]) -> str:
        name = match.group(1)
        data = root.joinpath("images", name).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    css = re.sub(r"url\(['\"]?images/([\w.-]+\.png)['\"]?\)", inline, css)
    if "</script" in js.lower() or "</style" in css.lower():  # would end the inline element
        raise ExportError("Leaflet's files cannot be inlined: they hold a closing tag")
    return js, css


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
    return folium.TileLayer(provider, attr=attribution)


class _Attribution(MacroElement):
    """Adds an attribution to the map itself (for a map without a tile layer to carry it)."""

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ this.text|tojson }});"
        "{% endmacro %}"
    )

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Attribution"
        self.text = text


def _display_value(column: str, value: Any) -> Any:
    if value is None:
        return None
    if column == "confidence":
        return f"{float(value):.2f}"
    return html.escape(str(value), quote=True)


def _style(key: str, colours: dict[str, str]):
    def style(feature: dict[str, Any]) -> dict[str, Any]:
        props = feature["properties"]
        colour = colours.get(props.get(key) or _UNKNOWN, _UNKNOWN_COLOUR)
        return {
            "color": "#222222" if props.get("contested") else colour,
            "weight": 2 if props.get("contested") else 1,
            "dashArray": "3 2" if props.get("contested") else None,
            "fillColor": colour,
            "fillOpacity": 0.8,
        }

    return style


def _panel_css() -> str:
    return (
        "position:fixed;z-index:1000;background:rgba(255,255,255,0.92);padding:6px 10px;"
        "border-radius:4px;box-shadow:0 1px 5px rgba(0,0,0,0.4);"
        "font:12px/1.4 'Helvetica Neue',Arial,sans-serif;"
    )


def make_map(
    claims_or_frame: Iterable[Claim] | pd.DataFrame,
    *,
    title: str | None = None,
    offline: bool = False,
    tiles: str | xyzservices.TileProvider | None = "OpenStreetMap",
    include_roles: Iterable[str] = ("event",),
    color_by: Literal["action", "claimant"] = "action",
) -> folium.Map:
    """Make a Folium map of claims: one GeoJSON layer of circle markers with popups.

    Parameters
    ----------
    claims_or_frame : iterable of Claim, or a claims GeoDataFrame
    title : str, optional
        Shown on the map and as the page title (default "frontmap claims"); escaped.
    offline : bool, default False
        Inline Leaflet's JS and CSS (from ``django-js-lib-leaflet``) instead of linking a CDN.
    tiles : str, xyzservices.TileProvider or None, default "OpenStreetMap"
        The basemap, by xyzservices provider name; None for no basemap (a fully offline page).
    include_roles : iterable of str, default ("event",)
        The claim roles drawn; "speaker"/"venue"/"background" claims are left off by default.
    color_by : {"action", "claimant"}, default "action"
        What the marker colour and the legend show.

    Returns
    -------
    folium.Map
        Save it with :func:`save_map`.

    Raises
    ------
    frontmap.errors.ExportError
        An unknown tile provider or ``color_by``, or ``offline=True`` without the asset package.
    """
    if color_by not in ("action", "claimant"):
        raise ExportError(f"color_by={color_by!r}: allowed values are 'action', 'claimant'")
    colours = ACTION_COLOURS if color_by == "action" else CLAIMANT_COLOURS
    gdf = as_frame(claims_or_frame)
    roles = set(include_roles)
    resolved = gdf.geometry.notna() & ~gdf.geometry.is_empty
    role_ok = gdf["role"].fillna("event").replace("", "event").isin(roles)
    drawn = gdf[resolved & role_ok]
    n_unresolved = int((~resolved).sum())
    n_off_role = int((resolved & ~role_ok).sum())

    title = title or "frontmap claims"
    m = folium.Map(location=_DEFAULT_CENTER, zoom_start=6, tiles=None, control_scale=True)
    root = m.get_root()
    root.title = html.escape(title)
    if offline:
        js, css = leaflet_assets()
        m.default_js, m.default_css = [], []  # instance attributes: folium's class lists untouched
        root.header.add_child(folium.Element(f"<script>{js}</script>"), name="leaflet")
        root.header.add_child(folium.Element(f"<style>{css}</style>"), name="leaflet_css")
    else:
        m.default_js = [("leaflet", _LEAFLET_JS)]
        m.default_css = [("leaflet_css", _LEAFLET_CSS)]
    if tiles is not None:
        _tile_layer(tiles).add_to(m)
    else:
        _Attribution(html.escape(ATTRIBUTION_GEONAMES)).add_to(m)

    fields = list(POPUP_FIELDS)
    data = feature_collection(drawn, columns=[*fields, color_by, "contested"])
    for i, feature in enumerate(data["features"]):
        feature["id"] = i
        props = feature["properties"]
        for key in fields:
            props[key] = _display_value(key, props[key])
    if data["features"]:
        folium.GeoJson(
            data,
            name="claims",
            marker=folium.CircleMarker(radius=6, fill=True),
            style_function=_style(color_by, colours),
            popup=folium.GeoJsonPopup(
                fields=fields, aliases=list(POPUP_FIELDS.values()), localize=False, max_width=420
            ),
            tooltip=folium.GeoJsonTooltip(fields=list(_TOOLTIP_FIELDS), labels=False),
        ).add_to(m)
        bounds = drawn.geometry.total_bounds  # minx, miny, maxx, maxy
        m.fit_bounds(
            [[bounds[1], bounds[0]], [bounds[3], bounds[2]]], padding=(40, 40), max_zoom=12
        )

    left_off = []
    if n_unresolved:
        left_off.append(f"{n_unresolved} unresolved")
    if n_off_role:
        left_off.append(f"{n_off_role} not events")
    counts = f"{len(drawn)} claims drawn" + (
        f"; not drawn: {', '.join(left_off)}" if left_off else ""
    )
    root.html.add_child(
        folium.Element(
            f'<div id="frontmap-title" style="{_panel_css()}top:10px;left:60px;">'
            f'<b style="font-size:14px">{html.escape(title)}</b><br>'
            f"<span>{html.escape(counts)}</span></div>"
        ),
        name="frontmap_title",
    )
    tally = Counter(str(v) if isinstance(v, str) and v else _UNKNOWN for v in drawn[color_by])
    rows = "".join(
        f'<div><span style="display:inline-block;width:10px;height:10px;border-radius:50%;'
        f'background:{colours.get(key, _UNKNOWN_COLOUR)};margin-right:6px"></span>'
        f"{html.escape(key)} ({tally[key]})</div>"
        for key in [*colours, _UNKNOWN]
        if tally.get(key)
    )
    root.html.add_child(
        folium.Element(
            f'<div id="frontmap-legend" style="{_panel_css()}bottom:28px;right:10px;">'
            f"<b>{html.escape(color_by.capitalize())}</b>{rows}"
            + (f"<div style='color:#555'>not drawn: {html.escape(', '.join(left_off))}</div>"
               if left_off else "")
            + "</div>"
        ),
        name="frontmap_legend",
    )
    return m


def save_map(m: folium.Map, path: str | os.PathLike[str]) -> Path:
    """Write the map's HTML to ``path``, creating its folder.

    Returns
    -------
    pathlib.Path

    Raises
    ------
    frontmap.errors.ExportError
        The file cannot be written.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(m.get_root().render(), encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: {exc.strerror or exc}") from exc
    return path
