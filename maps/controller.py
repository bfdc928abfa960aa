"""The page side of the web map: frontmap's own JavaScript and CSS (MIT, this project's code).

:mod:`maps.webmap` writes the claims into the page as one GeoJSON FeatureCollection (a JSON
``<script>`` block, read with ``JSON.parse``) and calls ``frontmap.init`` once; this script then

- draws every claim with ONE ``L.geoJSON`` call (a small coloured ``L.divIcon`` marker, shared
  icons), into one Leaflet.markercluster group (or a plain feature group with ``cluster=False``);
- filters them by day with a time slider (play/step buttons; "up to the day" or the last N days;
  undated claims in their own layer) and by action and claimant through the layer control's
  (empty) toggle layers, adding and removing only the markers whose visibility changed;
- shows the front line of the slider's day (the latest line drawn on or before it);
- opens popups on demand (one popup built when a marker is clicked, none bound in advance);
- adds a place search box and a distance tool (click points, read kilometres);
- filters by front-line status (layers "status: ...", see :mod:`geo.verify`) and keeps undated
  claims in a layer of their own (not shown on every day);
- lists the claims on screen (shown by the slider, layers and search, inside the view; newest
  first; click a row to zoom to it and open its popup), exportable as CSV (``st.listCsv()``);
- keeps the legend's counts to the claims shown;
- draws, for a second date chosen beside the slider, the area gained (red) and lost (blue)
  between that day's line and the slider day's, on a canvas (one fill cut out of another).
- draws places of low confidence (``low``: below ``maps.webmap.LOW_CONFIDENCE``) hollow, with a
  switch that hides them (``hideLow``).

Why not folium's plugins: Timeline/TimelineSlider (leaflet.timeline + moment), TimestampedGeoJson
(leaflet-timedimension + jQuery), Search (leaflet-search) and MeasureControl (leaflet-measure)
load their scripts from CDNs, and no PyPI package ships those files, so an offline map could not
carry them; nor can a timeline layer feed a marker cluster or be filtered by two layer sets at
once. Leaflet.markercluster is on PyPI (``xstatic-leaflet-markercluster``) and is used as is.

Report text reaches the page already HTML-escaped by :mod:`maps.webmap`; this script puts those
strings into HTML as they are and adds markup of its own only. Link targets are checked again
here (``http``/``https`` only).

State for tests and benchmarks: ``window.frontmap.maps[i]`` has ``visible`` (claims shown),
``day`` (the slider's day, ISO), ``readyAt`` (``performance.now()`` when the first drawing ended),
``paintedAt`` (after the next frame was painted), ``ready``, ``map`` (the Leaflet map), ``counts``
(claims shown by colour key and by status), ``listed`` and ``listPlaces`` (the list's rows),
``listCsv()``, ``compare`` (the two dates compared and the pixels drawn gained and lost).

Examples
--------
>>> "FM.init = function" in CONTROLLER_JS and "</script" not in CONTROLLER_JS
True
"""

from __future__ import annotations

__all__ = ["CONTROLLER_JS", "CONTROLLER_CSS"]

CONTROLLER_JS = r"""
(function () {
'use strict';
var FM = window.frontmap = window.frontmap || {maps: []};
var DAY_MS = 86400000;

function isoDay(d) { return new Date(d * DAY_MS).toISOString().slice(0, 10); }
function escText(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
}
function has(v) { return v !== null && v !== undefined && v !== ''; }
function el(tag, cls, parent) { return L.DomUtil.create(tag, cls || '', parent); }
function quiet(node) { L.DomEvent.disableClickPropagation(node); L.DomEvent.disableScrollPropagation(node); }

FM.init = function (map, cfg, refs) {
  var data = JSON.parse(document.getElementById(cfg.dataId).textContent);
  var st = {visible: 0, day: null, readyAt: null, paintedAt: null, ready: false, map: map};
  FM.maps.push(st);
  var labels = cfg.labels;
  if (cfg.bounds) {  // the claims' extent, clear of the title, tools, slider and legend
    map.fitBounds(cfg.bounds, {paddingTopLeft: [60, 90], paddingBottomRight: [40, 90], maxZoom: 12,
                               animate: false});
  }

  // --- markers: one L.geoJSON call, shared divIcons -------------------------------------
  function colourClass(p) {
    var c = cfg.classes[has(p[cfg.colorBy]) ? p[cfg.colorBy] : cfg.unknown];
    return c === undefined ? cfg.unknownClass : c;
  }
  var icons = {};
  function iconFor(p) {
    var k = colourClass(p) + (p.contested ? 'x' : '') + (p.low ? 'l' : '');
    if (!icons[k]) {
      icons[k] = L.divIcon({
        className: 'fm-marker fm-c' + colourClass(p) + (p.contested ? ' fm-contested' : '') +
          (p.low ? ' fm-low' : ''),
        iconSize: p.contested ? [18, 18] : [13, 13], html: ''
      });
    }
    return icons[k];
  }
  var markers = [];
  L.geoJSON(data.claims, {
    pointToLayer: function (f, ll) {
      var m = L.marker(ll, {icon: iconFor(f.properties), keyboard: false, riseOnHover: true});
      m._fmOn = false;
      markers.push(m);
      return m;
    }
  });

  var target;
  function markReady() {  // drawn; ready (and paintedAt) once the next frame is painted
    if (st.readyAt === null) {
      st.readyAt = performance.now();
      requestAnimationFrame(function () {
        setTimeout(function () { st.paintedAt = performance.now(); st.ready = true; }, 0);
      });
    }
  }
  if (cfg.cluster && L.MarkerClusterGroup) {
    target = L.markerClusterGroup({
      chunkedLoading: true, maxClusterRadius: 40, spiderfyDistanceMultiplier: 1.4,
      chunkProgress: function (done, total) { if (done === total) setTimeout(markReady, 0); }
    });
  } else {
    target = L.featureGroup();
  }
  target.addTo(map);

  // --- popups and tooltips, built on demand ---------------------------------------------
  function row(label, value) {
    return has(value) ? '<tr><th>' + label + '</th><td>' + value + '</td></tr>' : '';
  }
  function quoteHtml(p) {
    if (!has(p.quote)) return '';
    var q = p.quote, k = p.mark;
    if (k && k.length === 2 && k[0] >= 0 && k[1] <= q.length && k[0] < k[1]) {
      q = q.slice(0, k[0]) + '<mark>' + q.slice(k[0], k[1]) + '</mark>' + q.slice(k[1]);
    }
    return '<blockquote class="fm-quote">' + q + '</blockquote>';
  }
  function sourceHtml(p) {
    var text = has(p.source) ? p.source : '';
    if (has(p.href) && /^https?:\/\//i.test(p.href)) {
      return '<a href="' + p.href + '" target="_blank" rel="noopener noreferrer nofollow">' +
        (text || p.href) + '</a>';
    }
    return text;
  }
  function statusClass(s) { return String(s).replace(/[^a-z]/g, ''); }
  function popupHtml(p) {
    var action = has(p.action) ? p.action + (has(p.action_detail) ? ' (' + p.action_detail + ')' : '') : '';
    var conf = has(p.confidence) ? p.confidence + (has(p.why) ? ' &mdash; ' + p.why : '') : '';
    return '<div class="fm-popup">' +
      (p.contested ? '<div class="fm-flag">' + labels.contested_flag + '</div>' : '') +
      '<table>' +
      row(labels.place, p.place) + row(labels.name, p.name) + row(labels.resolved, p.resolved) +
      row(labels.point, p.point) + row(labels.date, p.date) + row(labels.reported, p.reported) +
      row(labels.action, action) +
      row(labels.claimant, has(p.claimant) ? p.claimant + (has(p.claimant_side) ? ' (' + p.claimant_side + ')' : '') : '') +
      row(labels.unit, p.unit) + row(labels.direction, p.direction) +
      row(labels.front, p.front) + row(labels.status, has(p.status) ? '<span class="fm-st fm-st-' + statusClass(p.status) + '">' + p.status + '</span>' + (has(p.verdict) ? ' &mdash; ' + p.verdict : '') : '') +
      row(labels.confidence, conf) + row(labels.source, sourceHtml(p)) +
      '</table>' + quoteHtml(p) + '</div>';
  }
  function openPopup(m) {
    map.closePopup();
    L.popup({maxWidth: 440, minWidth: 260, autoPanPadding: [20, 20], offset: [0, -4]})
      .setLatLng(m.getLatLng()).setContent(popupHtml(m.feature.properties)).openOn(map);
  }
  target.on('click', function (e) { if (e.layer && e.layer.feature) openPopup(e.layer); });
  target.on('mouseover', function (e) {
    var m = e.layer;
    if (m && m.feature && !m.getTooltip()) {
      var p = m.feature.properties;
      m.bindTooltip('<b>' + p.place + '</b> ' + (p.date || labels.undated) + ' &middot; ' + p.action,
                    {direction: 'top', offset: [0, -6]}).openTooltip();
    }
  });

  // --- the front line of the slider's day -----------------------------------------------
  var fronts = data.fronts || [], frontLayers = {}, frontShown = -1;
  function frontIndex(day) {
    if (!fronts.length) return -1;
    if (day === null) return fronts.length - 1;
    var k = 0;
    for (var i = 0; i < fronts.length; i++) { if (fronts[i].day <= day) k = i; }
    return k;
  }
  function showFront() {
    if (!refs.front) return;
    var k = frontIndex(st.dayNum);
    if (k === frontShown) return;
    refs.front.clearLayers();
    if (k >= 0) {
      if (!frontLayers[k]) {
        frontLayers[k] = L.geoJSON(fronts[k].geometry, {style: cfg.frontStyle, interactive: false});
      }
      refs.front.addLayer(frontLayers[k]);
    }
    frontShown = k;
  }

  // --- a second date: the area gained and lost between it and the slider's day ----------------
  // Drawn on a canvas: the slider day's area with the comparison day's cut out ('destination-out')
  // is what Russia gained (red); the other way round what it lost (blue). Pixel-exact at any zoom.
  var cmpIdx = -1;
  function ringPath(ctx, rings) {
    for (var r = 0; r < rings.length; r++) {
      var ring = rings[r];
      for (var i = 0; i < ring.length; i++) {
        var pt = map.latLngToContainerPoint([ring[i][1], ring[i][0]]);
        if (i === 0) ctx.moveTo(pt.x, pt.y); else ctx.lineTo(pt.x, pt.y);
      }
      ctx.closePath();
    }
  }
  function fillGeom(ctx, g) {
    ctx.beginPath();
    var polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (var k = 0; k < polys.length; k++) ringPath(ctx, polys[k]);
    ctx.fill('evenodd');
  }
  function difference(w, h, keep, cut, colour) {
    var c = document.createElement('canvas');
    c.width = w; c.height = h;
    var ctx = c.getContext('2d');
    ctx.fillStyle = colour;
    fillGeom(ctx, keep);
    ctx.globalCompositeOperation = 'destination-out';
    ctx.fillStyle = '#000';
    fillGeom(ctx, cut);
    var px = ctx.getImageData(0, 0, w, h).data, n = 0;
    for (var i = 3; i < px.length; i += 4) { if (px[i] > 128) n++; }
    return {canvas: c, px: n};
  }
  var Diff = L.Layer.extend({
    onAdd: function () {
      this._c = L.DomUtil.create('canvas', 'fm-diff leaflet-zoom-hide');
      this._c.style.pointerEvents = 'none';
      map.getPanes().overlayPane.appendChild(this._c);
      map.on('moveend zoomend resize', this.redraw, this);
      this.redraw();
    },
    onRemove: function () {
      L.DomUtil.remove(this._c);
      map.off('moveend zoomend resize', this.redraw, this);
    },
    redraw: function () {
      var c = this._c, size = map.getSize(), k = frontIndex(st.dayNum);
      if (!c) return;
      c.width = size.x; c.height = size.y;
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint([0, 0]));
      var ctx = c.getContext('2d');
      st.compare = null;
      if (cmpIdx < 0 || k < 0) return;
      var now = fronts[k].geometry, then = fronts[cmpIdx].geometry;
      var gained = difference(size.x, size.y, now, then, cfg.gainedColour);
      var lost = difference(size.x, size.y, then, now, cfg.lostColour);
      ctx.globalAlpha = 0.75;
      ctx.drawImage(gained.canvas, 0, 0);
      ctx.drawImage(lost.canvas, 0, 0);
      st.compare = {date: fronts[cmpIdx].date, day: fronts[k].date, gainedPx: gained.px, lostPx: lost.px};
      if (cmpEl) {
        cmpEl.textContent = fronts[cmpIdx].date + ' \u2192 ' + fronts[k].date;
      }
    }
  });
  var diff = new Diff(), cmpEl = null;
  function showCompare() {
    if (cmpIdx >= 0 && fronts.length) {
      if (!map.hasLayer(diff)) diff.addTo(map); else diff.redraw();
    } else if (map.hasLayer(diff)) {
      map.removeLayer(diff); st.compare = null;
      if (cmpEl) cmpEl.textContent = '';
    }
  }

  // --- filters ---------------------------------------------------------------------------
  var cur = cfg.maxDay, win = cfg.windowDays;
  var undatedOn = function () { return refs.undated ? map.hasLayer(refs.undated) : true; };
  st.hideLow = false;  // low-confidence places (drawn hollow) hidden by the switch
  function timeOk(d) {
    if (d === null || d === undefined) return undatedOn();
    if (cur === null) return true;
    if (d > cur) return false;
    return win === null || d > cur - win;
  }
  function onSet(kind) {
    var s = {}, g = refs[kind] || {};
    for (var k in g) { if (map.hasLayer(g[k])) s[k] = true; }
    return s;
  }
  var statusEl = null, dayEl = null, frontEl = null;
  function refresh() {
    var acts = onSet('action'), clms = onSet('claimant');
    var sts = refs.status && Object.keys(refs.status).length ? onSet('status') : null;
    var add = [], rem = [], n = 0, nd = 0, byColour = {}, byStatus = {};
    for (var i = 0; i < markers.length; i++) {
      var m = markers[i], p = m.feature.properties;
      var skey = has(p.status) ? p.status : cfg.unchecked;
      var want = timeOk(p.day) && !!acts[has(p.action) ? p.action : cfg.unknown] &&
        !!clms[has(p.claimant) ? p.claimant : cfg.unknown] && (sts === null || !!sts[skey]) &&
        !(st.hideLow && p.low);
      if (want) {
        n++; if (!has(p.day)) nd++;
        var ck = has(p[cfg.colorBy]) ? p[cfg.colorBy] : cfg.unknown;
        byColour[ck] = (byColour[ck] || 0) + 1;
        byStatus[skey] = (byStatus[skey] || 0) + 1;
      }
      if (want !== m._fmOn) { (want ? add : rem).push(m); m._fmOn = want; }
    }
    if (rem.length) {
      if (target.removeLayers) target.removeLayers(rem);
      else for (var r = 0; r < rem.length; r++) target.removeLayer(rem[r]);
    }
    if (add.length) {
      if (target.addLayers) target.addLayers(add, true);
      else for (var a = 0; a < add.length; a++) target.addLayer(add[a]);
    }
    if (!add.length || !target.addLayers) setTimeout(markReady, 0);
    st.visible = n;
    st.dayNum = cur;
    st.day = cur === null ? null : isoDay(cur);
    st.counts = {colour: byColour, status: byStatus};
    var counts = document.querySelectorAll('#frontmap-legend [data-fm-count]');
    for (var q = 0; q < counts.length; q++) {
      var kind = counts[q].getAttribute('data-fm-kind') === 'status' ? byStatus : byColour;
      counts[q].textContent = String(kind[counts[q].getAttribute('data-fm-count')] || 0);
    }
    showFront();
    showCompare();
    if (claimList) claimList.update();
    if (statusEl) {
      statusEl.textContent = n + ' / ' + cfg.total + ' ' + labels.shown +
        (cfg.undated ? ' (' + (undatedOn() ? nd + ' ' + labels.undated_shown : cfg.undated + ' ' + labels.undated_off) + ')' : '');
    }
    if (dayEl) dayEl.textContent = cur === null ? labels.no_dates : isoDay(cur);
    if (frontEl) {
      var k = frontIndex(cur);
      frontEl.textContent = k >= 0 ? labels.front_of + ' ' + fronts[k].date : '';
    }
  }
  map.on('overlayadd overlayremove', function (e) {
    if (e.layer !== refs.front) refresh();
  });
  map.on('moveend', function () { if (claimList) claimList.update(); });

  // --- the claims on screen: a list that follows the slider, the layers, the search and the view
  var searchQ = '', claimList = null;
  function matches(p, q) {
    return (has(p.place) && p.place.toLowerCase().indexOf(q) >= 0) ||
           (has(p.name) && p.name.toLowerCase().indexOf(q) >= 0);
  }
  function unescape(s) {  // the page's text is HTML-escaped: back to plain text for the CSV
    var t = document.createElement('textarea'); t.innerHTML = has(s) ? String(s) : ''; return t.value;
  }
  function csvCell(s) {
    s = unescape(s);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // no formulas when opened in a spreadsheet
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  var List = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var box = el('div', 'fm-panel fm-list leaflet-bar');
      quiet(box);
      var head = el('div', 'fm-list-head', box);
      var title = el('b', '', head);
      var btn = el('button', 'fm-btn fm-list-csv', head);
      btn.type = 'button'; btn.textContent = 'CSV'; btn.title = labels.list_csv;
      var fold = el('button', 'fm-btn fm-list-fold', head);
      fold.type = 'button'; fold.textContent = '\u2212'; fold.title = labels.list_fold;
      var body = el('div', 'fm-list-body', box);
      var rows = [];
      function shownRows() {
        var b = map.getBounds(), out = [];
        for (var i = 0; i < markers.length; i++) {
          var m = markers[i];
          if (!m._fmOn || !b.contains(m.getLatLng())) continue;
          if (searchQ && !matches(m.feature.properties, searchQ)) continue;
          out.push(m);
        }
        out.sort(function (a, c) {
          var x = a.feature.properties.day, y = c.feature.properties.day;
          return (has(y) ? y : -1) - (has(x) ? x : -1);
        });
        return out;
      }
      L.DomEvent.on(fold, 'click', function () {
        var hidden = body.style.display === 'none';
        body.style.display = hidden ? '' : 'none'; fold.textContent = hidden ? '\u2212' : '+';
      });
      L.DomEvent.on(btn, 'click', function () {
        var blob = new Blob([st.listCsv()], {type: 'text/csv;charset=utf-8'});
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob); a.download = 'claims-on-screen.csv';
        document.body.appendChild(a); a.click(); a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
      });
      L.DomEvent.on(body, 'click', function (e) {
        var tr = e.target.closest ? e.target.closest('tr[data-i]') : null;
        if (!tr) return;
        // the list is redrawn by the move below, detaching the row: the map must not take the
        // click for its own (a map click closes popups)
        L.DomEvent.stopPropagation(e);
        var m = rows[parseInt(tr.getAttribute('data-i'), 10)];
        if (!m) return;
        map.setView(m.getLatLng(), Math.max(map.getZoom(), 12), {animate: false});
        openPopup(m);
      });
      st.listCsv = function () {
        var cols = ['date', 'place', 'name', 'action', 'claimant', 'status', 'confirmed_on', 'lag_days', 'front_km', 'lat', 'lon', 'source'];
        var out = [cols.join(',')];
        shownRows().forEach(function (m) {
          var p = m.feature.properties, ll = m.getLatLng();
          out.push([p.date, p.place, p.name, p.action, p.claimant, p.status, p.confirmed_on, p.lag_days,
                    p.front_km, ll.lat, ll.lng, p.source].map(csvCell).join(','));
        });
        return out.join('\r\n') + '\r\n';
      };
      this.update = function () {
        rows = shownRows();
        var shown = rows.slice(0, cfg.listMax), html = [];
        for (var i = 0; i < shown.length; i++) {
          var p = shown[i].feature.properties;
          html.push('<tr data-i="' + i + '"><td>' + (p.date || labels.undated) + '</td><td>' + (p.place || '') +
            (has(p.name) && p.name !== p.place ? ' <span class="fm-small">(' + p.name + ')</span>' : '') +
            '</td><td>' + p.action + '</td><td>' + (p.claimant || '') + '</td><td>' +
            (has(p.status) ? '<span class="fm-st fm-st-' + statusClass(p.status) + '">' + p.status + '</span>' +
              (has(p.lag_days) ? ' ' + (p.lag_days > 0 ? '+' : '') + p.lag_days + 'd' : '') : '') + '</td></tr>');
        }
        body.innerHTML = rows.length ? '<table><thead><tr><th>' + labels.date + '</th><th>' + labels.place +
          '</th><th>' + labels.action + '</th><th>' + labels.claimant + '</th><th>' + labels.status +
          '</th></tr></thead><tbody>' + html.join('') + '</tbody></table>' +
          (rows.length > shown.length ? '<div class="fm-small">' + (rows.length - shown.length) + ' ' + labels.list_more + '</div>' : '')
          : '<div class="fm-small">' + labels.list_none + '</div>';
        title.textContent = labels.list_title + ' (' + rows.length + ')';
        st.listed = rows.length;
        st.listPlaces = shown.map(function (m) { return unescape(m.feature.properties.place); });
      };
      return box;
    }
  });

  // --- the time slider -------------------------------------------------------------------
  var Slider = L.Control.extend({
    options: {position: 'bottomleft'},
    onAdd: function () {
      var box = el('div', 'fm-panel fm-time leaflet-bar');
      quiet(box);
      var top = el('div', 'fm-time-row', box);
      var play = el('button', 'fm-btn fm-play', top);
      play.type = 'button'; play.textContent = '\u25B6'; play.title = labels.play;
      var prev = el('button', 'fm-btn', top);
      prev.type = 'button'; prev.textContent = '\u2039'; prev.title = labels.prev;
      var range = el('input', 'fm-range', top);
      range.type = 'range'; range.min = cfg.minDay; range.max = cfg.maxDay; range.step = 1;
      range.value = cfg.maxDay;
      var next = el('button', 'fm-btn', top);
      next.type = 'button'; next.textContent = '\u203A'; next.title = labels.next;
      dayEl = el('b', 'fm-day', top);
      var cmp = el('select', 'fm-compare', top);
      cmp.title = labels.compare;
      var none = el('option', '', cmp);
      none.value = ''; none.textContent = labels.compare_none;
      fronts.forEach(function (f, i) {
        var op = el('option', '', cmp); op.value = String(i); op.textContent = labels.compare_with + ' ' + f.date;
      });
      if (!fronts.length) cmp.style.display = 'none';
      L.DomEvent.on(cmp, 'change', function () { cmpIdx = cmp.value === '' ? -1 : parseInt(cmp.value, 10); showCompare(); });
      var sel = el('select', 'fm-window', top);
      sel.title = labels.window;
      var opts = [[null, labels.up_to_day], [1, labels.this_day], [7, labels.last + ' 7 ' + labels.days],
                  [30, labels.last + ' 30 ' + labels.days]];
      if (win !== null && [1, 7, 30].indexOf(win) < 0) opts.push([win, labels.last + ' ' + win + ' ' + labels.days]);
      opts.forEach(function (o) {
        var op = el('option', '', sel);
        op.value = o[0] === null ? '' : String(o[0]); op.textContent = o[1];
        if (o[0] === win) op.selected = true;
      });
      var bottom = el('div', 'fm-time-row fm-small', box);
      statusEl = el('span', 'fm-status', bottom);
      cmpEl = el('span', 'fm-compare-out', bottom);
      frontEl = el('span', 'fm-front-day', bottom);
      var timer = null;
      function go(d) {
        cur = Math.max(cfg.minDay, Math.min(cfg.maxDay, d));
        range.value = cur;
        refresh();
      }
      function stop() { if (timer) { clearInterval(timer); timer = null; } play.textContent = '\u25B6'; }
      L.DomEvent.on(range, 'input change', function () { stop(); go(parseInt(range.value, 10)); });
      L.DomEvent.on(prev, 'click', function () { stop(); go(cur - 1); });
      L.DomEvent.on(next, 'click', function () { stop(); go(cur + 1); });
      L.DomEvent.on(sel, 'change', function () { win = sel.value === '' ? null : parseInt(sel.value, 10); refresh(); });
      L.DomEvent.on(play, 'click', function () {
        if (timer) { stop(); return; }
        if (cur >= cfg.maxDay) go(cfg.minDay);
        play.textContent = '\u275A\u275A';
        timer = setInterval(function () {
          if (cur >= cfg.maxDay) { stop(); return; }
          go(cur + 1);
        }, cfg.playMs);
      });
      return box;
    }
  });
  if (cfg.maxDay !== null) {
    new Slider().addTo(map);
  } else {
    var Status = L.Control.extend({
      options: {position: 'bottomleft'},
      onAdd: function () {
        var box = el('div', 'fm-panel fm-small');
        statusEl = el('span', 'fm-status', box);
        frontEl = el('span', 'fm-front-day', box);
        return box;
      }
    });
    new Status().addTo(map);
  }

  // --- the low-confidence switch ---------------------------------------------------------
  if (cfg.low) {
    var LowSwitch = L.Control.extend({
      options: {position: 'topright'},
      onAdd: function () {
        var box = el('label', 'fm-panel fm-small fm-low-switch');
        quiet(box);
        var check = el('input', 'fm-hide-low', box);
        check.type = 'checkbox';
        box.appendChild(document.createTextNode(' ' + labels.hide_low + ' (' + cfg.low + ')'));
        L.DomEvent.on(check, 'change', function () { st.hideLow = check.checked; refresh(); });
        return box;
      }
    });
    new LowSwitch().addTo(map);
  }

  // --- place search ----------------------------------------------------------------------
  var Search = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var box = el('div', 'fm-panel fm-search leaflet-bar');
      quiet(box);
      var input = el('input', 'fm-search-input', box);
      input.type = 'search'; input.placeholder = labels.search; input.setAttribute('list', cfg.dataId + '-places');
      var list = el('datalist', '', box);
      list.id = cfg.dataId + '-places';
      var seen = {}, html = [];
      markers.forEach(function (m) {
        var p = m.feature.properties;
        [p.place, p.name].forEach(function (v) {
          if (has(v) && !seen[v]) { seen[v] = true; html.push('<option value="' + v + '"></option>'); }
        });
      });
      list.innerHTML = html.join('');
      var out = el('div', 'fm-small fm-search-out', box);
      var last = null;
      function run(e) {
        var q = escText(input.value.trim()).toLowerCase();
        if (e && e.type === 'change' && q === last) return;  // Enter ran it already
        last = q;
        searchQ = q;
        if (claimList) claimList.update();
        if (!q) { out.textContent = ''; return; }
        var hits = markers.filter(function (m) {
          var p = m.feature.properties;
          return (has(p.place) && p.place.toLowerCase().indexOf(q) >= 0) ||
                 (has(p.name) && p.name.toLowerCase().indexOf(q) >= 0);
        });
        var shown = hits.filter(function (m) { return m._fmOn; });
        out.textContent = hits.length ? shown.length + ' / ' + hits.length + ' ' + labels.found : labels.not_found;
        var use = shown.length ? shown : [];
        if (!use.length) return;
        var first = use[0];
        var same = use.every(function (m) { return m.getLatLng().equals(first.getLatLng()); });
        if (same) {  // popups stand alone (not bound to markers): open it where the place is
          map.setView(first.getLatLng(), Math.max(map.getZoom(), 12), {animate: false});
          openPopup(first);
        } else {
          map.fitBounds(L.latLngBounds(use.map(function (m) { return m.getLatLng(); })),
                        {padding: [40, 40], maxZoom: 12});
        }
      }
      L.DomEvent.on(input, 'change', run);
      L.DomEvent.on(input, 'keydown', function (e) { if (e.key === 'Enter') run(); });
      L.DomEvent.on(input, 'input', function () {
        if (!input.value) { last = null; out.textContent = ''; searchQ = ''; if (claimList) claimList.update(); }
      });
      return box;
    }
  });
  new Search().addTo(map);

  // --- distance tool ---------------------------------------------------------------------
  var Measure = L.Control.extend({
    options: {position: 'topleft'},
    onAdd: function () {
      var box = el('div', 'leaflet-bar fm-measure');
      quiet(box);
      var btn = el('a', 'fm-measure-btn', box);
      btn.href = '#'; btn.title = labels.measure; btn.setAttribute('role', 'button');
      btn.textContent = '\u2194';
      var out = el('span', 'fm-measure-out', box);
      var on = false, pts = [], line = null, dots = L.layerGroup();
      function km() {
        var d = 0;
        for (var i = 1; i < pts.length; i++) d += pts[i - 1].distanceTo(pts[i]);
        return d / 1000;
      }
      function click(e) {
        pts.push(e.latlng);
        L.circleMarker(e.latlng, {radius: 3, color: '#000', interactive: false}).addTo(dots);
        if (!line) line = L.polyline([], {color: '#000', weight: 2, dashArray: '6 4', interactive: false}).addTo(map);
        line.setLatLngs(pts);
        out.textContent = km().toFixed(1) + ' km';
        box.setAttribute('data-points', pts.length);
      }
      function reset() {
        pts = []; dots.clearLayers();
        if (line) { map.removeLayer(line); line = null; }
        out.textContent = on ? labels.measure_hint : '';
        box.setAttribute('data-points', 0);
      }
      L.DomEvent.on(btn, 'click', function (e) {
        L.DomEvent.preventDefault(e);
        on = !on;
        L.DomUtil[on ? 'addClass' : 'removeClass'](box, 'fm-on');
        L.DomUtil[on ? 'addClass' : 'removeClass'](map.getContainer(), 'fm-measuring');
        if (on) { dots.addTo(map); map.on('click', click); } else { map.off('click', click); map.removeLayer(dots); }
        reset();
      });
      return box;
    }
  });
  new Measure().addTo(map);

  // the legend (written by Python into the page) becomes a control, stacked by Leaflet
  var legend = document.getElementById('frontmap-legend');
  if (legend) {
    var Legend = L.Control.extend({options: {position: 'bottomright'}, onAdd: function () { quiet(legend); return legend; }});
    new Legend().addTo(map);
  }

  claimList = new List();
  claimList.addTo(map);
  refresh();
  return st;
};
})();
"""

CONTROLLER_CSS = r"""
.leaflet-control-layers-expanded { font: 12px/1.35 'Helvetica Neue', Arial, sans-serif; padding: 4px 8px; }
.leaflet-control-layers-expanded .leaflet-control-layers-list { max-height: 45vh; overflow-y: auto; }
.leaflet-control-attribution { max-width: 62vw; }
.fm-legend { max-width: 320px; border-radius: 4px; box-shadow: 0 1px 5px rgba(0,0,0,.4); }
.fm-marker { border-radius: 50%; border: 1.5px solid #fff; box-sizing: border-box;
  box-shadow: 0 0 0 1px rgba(0,0,0,.55); }
.fm-marker.fm-contested { border: 2.5px dashed #111; box-shadow: 0 0 0 2px #fff, 0 0 4px 2px #ff0; }
.fm-panel { background: rgba(255,255,255,.94); padding: 5px 8px;
  font: 12px/1.4 'Helvetica Neue', Arial, sans-serif; }
.fm-small { font-size: 11px; color: #333; }
.fm-time { min-width: 440px; max-width: 62vw; }
.fm-time-row { display: flex; align-items: center; gap: 6px; }
.fm-time-row.fm-small { justify-content: space-between; margin-top: 2px; }
.fm-range { flex: 1; min-width: 120px; }
.fm-btn { border: 1px solid #aaa; background: #fff; border-radius: 3px; cursor: pointer;
  min-width: 26px; height: 24px; font-size: 13px; line-height: 1; padding: 0 4px; }
.fm-day { min-width: 78px; text-align: center; }
.fm-search-input { width: 190px; font-size: 12px; padding: 3px 4px; }
.fm-search-out:empty { display: none; }
.fm-measure { background: #fff; }
.fm-measure a.fm-measure-btn { font-size: 18px; font-weight: bold; }
.fm-measure.fm-on a.fm-measure-btn { background: #ffe680; }
.fm-measure-out { display: none; padding: 0 6px; font: 12px/30px Arial, sans-serif; }
.fm-measure.fm-on .fm-measure-out { display: inline-block; }
.fm-measuring, .fm-measuring .leaflet-interactive { cursor: crosshair !important; }
.fm-popup { font: 12px/1.4 'Helvetica Neue', Arial, sans-serif; }
.fm-popup table { border-collapse: collapse; }
.fm-popup th { text-align: left; vertical-align: top; padding: 1px 8px 1px 0; color: #555;
  font-weight: normal; white-space: nowrap; }
.fm-popup td { padding: 1px 0; }
.fm-quote { margin: 6px 0 0; padding: 4px 8px; border-left: 3px solid #999; background: #f6f6f6;
  white-space: pre-wrap; }
.fm-quote mark { background: #ffe066; padding: 0 1px; }
.fm-flag { background: #fff3b0; border: 1px dashed #111; padding: 2px 6px; margin-bottom: 4px;
  font-weight: bold; }
.fm-swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
  margin-right: 6px; vertical-align: -1px; box-shadow: 0 0 0 1px rgba(0,0,0,.55); }
.fm-swatch.fm-contested { border: 2px dashed #111; width: 14px; height: 14px; box-sizing: border-box;
  background: #fff; }
.fm-swatch.fm-front { border-radius: 2px; }
.fm-list { width: 420px; max-width: 40vw; }
.fm-list-body td:first-child { white-space: nowrap; }
.fm-list-head { display: flex; align-items: center; gap: 6px; }
.fm-list-head b { flex: 1; }
.fm-list-body { max-height: 28vh; overflow-y: auto; margin-top: 3px; }
.fm-list-body table { border-collapse: collapse; width: 100%; }
.fm-list-body th { text-align: left; font-weight: normal; color: #555; position: sticky; top: 0; background: #fff; }
.fm-list-body td, .fm-list-body th { padding: 1px 4px 1px 0; vertical-align: top; }
.fm-list-body tr[data-i] { cursor: pointer; }
.fm-list-body tr[data-i]:hover { background: #ffe9a8; }
.fm-st { padding: 0 3px; border-radius: 2px; white-space: nowrap; }
.fm-st-confirmed { background: #c7e9c0; }
.fm-st-unconfirmed { background: #fcbba1; }
.fm-st-noline, .fm-st-na { background: #eee; color: #555; }
.fm-compare { max-width: 150px; }
.fm-swatch.fm-gained, .fm-swatch.fm-lost { border-radius: 2px; }
.fm-swatch.fm-low { background: #fff; border: 3px solid #555; box-sizing: border-box; }
.fm-low-switch { display: block; cursor: pointer; }
"""
