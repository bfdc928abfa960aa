"""Third-party JavaScript and CSS of the web map: CDN links online, installed files offline.

An offline map carries every script and style sheet inline, read at build time from installed
PyPI packages (never from copies in this repository):

- Leaflet 1.9.4 (BSD-2-Clause) from ``django-js-lib-leaflet``;
- Leaflet.markercluster 1.4.1 (MIT) from ``xstatic-leaflet-markercluster``.

Online, the page links the same versions from a CDN.

Examples
--------
>>> js, css = leaflet_assets()
>>> "Leaflet 1.9" in js[:200], "url(images/" in css
(True, False)
>>> js, css = markercluster_assets()
>>> "MarkerClusterGroup" in js, ".marker-cluster-small" in css
(True, True)
"""

from __future__ import annotations

import base64
import functools
import importlib.resources
import re

import folium

from frontmap.errors import ExportError

__all__ = [
    "LEAFLET_JS_URL",
    "LEAFLET_CSS_URL",
    "MARKERCLUSTER_JS_URL",
    "MARKERCLUSTER_CSS_URLS",
    "leaflet_assets",
    "markercluster_assets",
    "inline_script",
    "inline_style",
]

#: folium's own Leaflet links (the version folium is tested with), used online.
LEAFLET_JS_URL: str = dict(folium.folium._default_js)["leaflet"]
LEAFLET_CSS_URL: str = dict(folium.folium._default_css)["leaflet_css"]

_MC_CDN = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.4.1"
#: Leaflet.markercluster online: the version ``xstatic-leaflet-markercluster`` ships offline.
MARKERCLUSTER_JS_URL: str = f"{_MC_CDN}/leaflet.markercluster.js"
MARKERCLUSTER_CSS_URLS: tuple[str, ...] = (
    f"{_MC_CDN}/MarkerCluster.css",
    f"{_MC_CDN}/MarkerCluster.Default.css",
)

_LEAFLET_PACKAGE = "js_lib_leaflet"  # PyPI: django-js-lib-leaflet
_LEAFLET_DIR = "static/js_lib_leaflet"
_MC_PACKAGE = "xstatic.pkg.leaflet_markercluster"  # PyPI: xstatic-leaflet-markercluster
_MC_DIR = "data"
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=\S+")


def _check_inlinable(what: str, *texts: str) -> None:
    for text in texts:
        low = text.lower()
        if "</script" in low or "</style" in low:  # would end the inline element
            raise ExportError(f"{what} cannot be inlined: it holds a closing tag")


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
    >>> "data:image/png;base64," in css
    True
    """
    try:
        root = importlib.resources.files(_LEAFLET_PACKAGE).joinpath(_LEAFLET_DIR)
        js = root.joinpath("leaflet.js").read_text(encoding="utf-8")
        css = root.joinpath("leaflet.css").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ExportError(
            "an offline map needs Leaflet's files from the 'django-js-lib-leaflet' package: "
            f"pip install django-js-lib-leaflet ({exc})"
        ) from exc

    def inline(match: re.Match[str]) -> str:
        data = root.joinpath("images", match.group(1)).read_bytes()
        return f"url(data:image/png;base64,{base64.b64encode(data).decode('ascii')})"

    css = re.sub(r"url\(['\"]?images/([\w.-]+\.png)['\"]?\)", inline, css)
    js = _SOURCE_MAP.sub("", js)  # no request for a map file
    _check_inlinable("Leaflet's files", js, css)
    return js, css


@functools.lru_cache(maxsize=1)
def markercluster_assets() -> tuple[str, str]:
    """Return Leaflet.markercluster's JS and CSS from ``xstatic-leaflet-markercluster``.

    Returns
    -------
    (str, str)
        ``leaflet.markercluster.js`` and its two style sheets joined.

    Raises
    ------
    frontmap.errors.ExportError
        The package is not installed (``pip install xstatic-leaflet-markercluster``).

    Examples
    --------
    >>> js, css = markercluster_assets()
    >>> js.lstrip().startswith("!function") and "MarkerCluster.Default" not in js
    True
    """
    try:
        root = importlib.resources.files(_MC_PACKAGE).joinpath(_MC_DIR)
        js = root.joinpath("leaflet.markercluster.js").read_text(encoding="utf-8")
        css = "\n".join(
            root.joinpath(name).read_text(encoding="utf-8")
            for name in ("MarkerCluster.css", "MarkerCluster.Default.css")
        )
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ExportError(
            "offline clustering needs Leaflet.markercluster's files from the "
            f"'xstatic-leaflet-markercluster' package: pip install xstatic-leaflet-markercluster ({exc})"
        ) from exc
    js = _SOURCE_MAP.sub("", js)  # no request for a map file
    _check_inlinable("Leaflet.markercluster's files", js, css)
    return js, css


def inline_script(js: str) -> str:
    """``js`` in a ``<script>`` element (the text must hold no closing tag).

    Examples
    --------
    >>> inline_script("var a = 1;")
    '<script>var a = 1;</script>'
    """
    _check_inlinable("a script", js)
    return f"<script>{js}</script>"


def inline_style(css: str) -> str:
    """``css`` in a ``<style>`` element (the text must hold no closing tag).

    Examples
    --------
    >>> inline_style("a{color:red}")
    '<style>a{color:red}</style>'
    """
    _check_inlinable("a style sheet", css)
    return f"<style>{css}</style>"
