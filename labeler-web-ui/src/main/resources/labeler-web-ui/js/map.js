// The map view of an event, in longitude and latitude (EPSG:4326, as GIBS and the API): a layer of
// this server's WMS with its date, the event's own layers, map shapes drawn with a class, and
// images extracted from a dragged rectangle.
/* global ol */
import { call, events, session } from './api.js';
import { eventHeader, may } from './event-tabs.js';
import { date, h, show } from './dom.js';
import { MapShapes } from './mapshapes.js';
import { Extraction } from './extract.js';

const WORLD = [-180, -90, 180, 90];
const TOOLS = [['polygon', 'Polygon (P)', 'p'], ['box', 'Box (B)', 'b'], ['line', 'Line (L)', 'l'],
  ['point', 'Point (O)', 'o'], ['select', 'Select (S)', 's'], ['extract', 'Extract image (E)', 'e']];

export async function showMap(slug) {
  // without the server's layer list the map still shows the event's own layers and draws
  let layersProblem = '';
  const [event, me, layers, imageLayers] = await Promise.all([
    call('GET', `${events}/${slug}`),
    session(),
    readableLayers().catch((e) => { layersProblem = e.message; return []; }),
    georeferencedImageLayers(slug)]);
  const classes = event.labelSchema.classes;
  const mapElement = h('div', { id: 'map', tabindex: 0, 'aria-label': `Map of ${event.title}: draw map shapes here` });
  const layerSelect = h('select', { id: 'map-layer' }, h('option', { value: '' }, 'None (grid only)'),
    group('Satellite imagery (by date)', layers.filter((l) => l.time)),
    group('Other layers', layers.filter((l) => !l.time)));
  const dateInput = h('input', { id: 'map-date', type: 'date', disabled: true });
  const layerState = h('p', { id: 'layer-state', role: 'status', class: layersProblem ? 'error' : 'muted' }, layersProblem);
  const saveState = h('p', { id: 'save-state', role: 'status', 'aria-live': 'polite' }, 'All changes saved');
  const palette = h('div', { class: 'palette', role: 'group', 'aria-label': 'Class (keys 1-9)' });
  const tools = h('div', { class: 'tools', role: 'group', 'aria-label': 'Tool' });
  const toggles = h('fieldset', { id: 'event-layers' }, h('legend', {}, 'Event layers'));
  const extractPanel = h('section', { id: 'extract-panel', 'aria-label': 'Extraction' });
  show(
    ...eventHeader(event, me, 'map'),
    h('div', { class: 'viewer geo' }, mapElement,
      h('aside', {}, saveState,
        h('h2', {}, 'Layers'),
        h('label', { for: 'map-layer' }, 'Map layer'), layerSelect,
        h('label', { for: 'map-date' }, 'Date'), dateInput, layerState, toggles,
        h('h2', {}, 'Class'), palette,
        h('h2', {}, 'Tool'), tools,
        h('button', { type: 'button', id: 'delete-shape' }, 'Delete selected (Del)'),
        extractPanel)));

  const map = new ol.Map({
    target: mapElement,
    layers: [new ol.layer.Graticule({ zIndex: 15, showLabels: true, wrapX: false,
      strokeStyle: new ol.style.Stroke({ color: '#ffffff55', width: 1 }) })],
    controls: ol.control.defaults.defaults().extend([
      new ol.control.ScaleLine(),
      new ol.control.MousePosition({ coordinateFormat: ol.coordinate.createStringXY(4), className: 'map-position' }),
    ]),
    view: new ol.View({ projection: 'EPSG:4326', center: [0, 0], zoom: 2, extent: WORLD, showFullExtent: true }),
  });
  // the map and its panel take the window's height below the heading, so that the whole map is on
  // screen whatever the heading holds (1280x800 included)
  const aside = mapElement.parentElement.querySelector('aside');
  const fit = () => {
    if (!document.body.contains(mapElement)) {
      window.removeEventListener('resize', fit);
      return;
    }
    const height = `${Math.max(320, innerHeight - (mapElement.getBoundingClientRect().top + scrollY) - 16)}px`;
    mapElement.style.height = height;
    aside.style.maxHeight = height;
    map.updateSize();
  };
  window.addEventListener('resize', fit);
  fit();
  // what the map shows, in lon/lat, for whoever relates screen and Earth (tests, assistive tools)
  const viewed = () => {
    mapElement.dataset.view = map.getView().calculateExtent(map.getSize()).map((v) => v.toFixed(6)).join(',');
  };
  map.on('moveend', viewed);
  map.on('loadstart', () => { mapElement.dataset.loading = 'true'; });
  map.on('loadend', () => { mapElement.dataset.loading = 'false'; });
  const area = event.areaOfInterest ? new ol.format.GeoJSON().readGeometry(event.areaOfInterest) : null;
  map.getView().fit(area ? area.getExtent() : WORLD, { padding: [30, 30, 30, 30] });
  viewed();

  // the chosen layer of this server, with its date
  const imagery = new ol.layer.Tile({ zIndex: 0 });
  map.addLayer(imagery);
  const byName = Object.fromEntries(layers.map((l) => [l.name, l]));
  const chosen = () => byName[layerSelect.value];
  const showLayer = () => {
    const layer = chosen();
    if (!layersProblem) layerState.textContent = '';
    dateInput.disabled = !layer?.time;
    if (layer?.time) {
      dateInput.min = layer.time.first || '';
      dateInput.max = layer.time.last || '';
      if (!dateInput.value) dateInput.value = defaultDate(event, layer);
    }
    if (!layer) {
      imagery.setSource(null);
    } else {
      const params = { LAYERS: layer.name, VERSION: '1.3.0', FORMAT: layer.time ? 'image/jpeg' : 'image/png', TRANSPARENT: !layer.time };
      if (layer.time && dateInput.value) params.TIME = dateInput.value;
      const source = new ol.source.TileWMS({ url: '/wms', params, projection: 'EPSG:4326', transition: 0 });
      source.on('tileloaderror', () => {
        layerState.className = 'error';
        layerState.textContent = `Parts of ${layer.title} could not be drawn${layer.time ? ` for ${dateInput.value}` : ''}.`;
      });
      imagery.setSource(source);
    }
    mapElement.dataset.layer = layer ? layer.name : '';
    remember();
    extraction.refresh();
  };
  // the layer and date stay chosen for the event while the browser tab lives (image and back)
  const remembered = `labeler.map.${slug}`;
  const remember = () => sessionStorage.setItem(remembered, JSON.stringify({ layer: layerSelect.value, date: dateInput.value }));
  layerSelect.addEventListener('change', showLayer);
  dateInput.addEventListener('change', () => {
    if (chosen()?.time && dateInput.value) {
      layerState.textContent = '';
      imagery.getSource()?.updateParams({ TIME: dateInput.value });
    }
    remember();
    extraction.refresh();
  });

  // the event's own layers; they change as people label, and the page keeps images it loaded by
  // URL (back from an image: the footprints as they were), hence a new URL per screen (_: a
  // parameter WMS ignores)
  const wms = (name) => new ol.source.TileWMS({ url: '/wms', projection: 'EPSG:4326',
    params: { LAYERS: name, VERSION: '1.3.0', FORMAT: 'image/png', TRANSPARENT: true, _: Date.now() } });
  const eventImages = new ol.layer.Tile({ zIndex: 5, visible: imageLayers.length > 0,
    source: imageLayers.length ? wms(imageLayers.join(',')) : null });
  const footprints = new ol.layer.Tile({ zIndex: 6, source: wms(`labeler:${slug}_footprints`) });
  const labels = new ol.layer.Tile({ zIndex: 7, source: wms(`labeler:${slug}_labels`) });
  const aoi = new ol.layer.Vector({ zIndex: 8, source: new ol.source.Vector({ features: area ? [new ol.Feature(area)] : [] }),
    style: new ol.style.Style({ stroke: new ol.style.Stroke({ color: '#ffffff', width: 2, lineDash: [4, 6] }) }) });
  [eventImages, footprints, labels, aoi].forEach((l) => map.addLayer(l));
  const status = (text, isError = false) => {
    saveState.textContent = text;
    saveState.className = isError ? 'error' : '';
  };
  const shapes = new MapShapes(map, mapElement, `${events}/${slug}/annotations`, classes, status);
  const graticule = map.getLayers().item(0);
  const toggle = (id, text, layer, disabled) => {
    const box = h('input', { type: 'checkbox', id, checked: layer.getVisible() && !disabled, disabled });
    box.addEventListener('change', () => layer.setVisible(box.checked));
    toggles.append(h('div', { class: 'check' }, box, h('label', { for: id }, text)));
  };
  toggle('show-shapes', 'Map shapes', shapes.layer);
  toggle('show-labels', 'Labels of georeferenced images', labels);
  toggle('show-footprints', 'Image footprints', footprints);
  toggle('show-images', imageLayers.length ? `Event images (${imageLayers.length})` : 'Event images (none on the map yet)',
    eventImages, imageLayers.length === 0);
  toggle('show-aoi', 'Area of interest', aoi, !area);
  toggle('show-grid', 'Grid', graticule);

  const extraction = new Extraction(map, slug, extractPanel,
    () => ({ layer: chosen()?.name, title: chosen()?.title, time: chosen()?.time ? dateInput.value : undefined }),
    () => {
      // the new image's footprint, and the image itself once it has a layer
      footprints.getSource().updateParams({ _: Date.now() });
      georeferencedImageLayers(slug).then((names) => {
        if (names.length === 0) return;
        eventImages.setSource(wms(names.join(',')));
        eventImages.setVisible(true);
        const box = document.getElementById('show-images');
        box.disabled = false;
        box.checked = true;
        document.querySelector('label[for=show-images]').textContent = `Event images (${names.length})`;
      }).catch(() => {});
    });
  const before = JSON.parse(sessionStorage.getItem(remembered) || '{}');
  if (byName[before.layer]) {
    layerSelect.value = before.layer;
    dateInput.value = before.date || '';
  }
  showLayer();

  classes.forEach((c, i) => {
    palette.append(h('button', {
      type: 'button', 'aria-pressed': String(i === 0), dataset: { class: c.name }, onclick: () => choose(i),
    }, h('span', { class: 'swatch', style: `background:${c.colour}` }), `${i + 1} ${c.name}`));
  });
  const choose = (i) => {
    shapes.className = classes[i].name;
    palette.querySelectorAll('button').forEach((b, j) => b.setAttribute('aria-pressed', String(i === j)));
  };
  if (classes.length === 0) palette.append(h('p', { class: 'error' }, 'The event has no classes to draw.'));

  const setMode = (mode) => {
    shapes.mode(mode);
    extraction.active(mode === 'extract');
    mapElement.dataset.tool = mode;
    tools.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.mode === mode)));
  };
  // the tools of what the caller's role may do (the server decides all the same): a viewer only looks
  const allowed = TOOLS.filter(([mode]) => may(event, me, mode === 'extract' ? 'addImages' : 'label'));
  allowed.forEach(([mode, label]) => tools.append(h('button', { type: 'button', dataset: { mode }, onclick: () => setMode(mode) }, label)));
  if (allowed.length === 0) tools.append(h('p', { class: 'muted' }, 'Your role in this event lets you look, not draw.'));
  document.getElementById('delete-shape').addEventListener('click', () => shapes.deleteSelected());

  const keys = (e) => {
    if (!document.body.contains(mapElement)) {
      document.removeEventListener('keydown', keys);
      return;
    }
    if (e.target.matches('input, textarea, select') || e.ctrlKey || e.metaKey || e.altKey) return;
    const tool = allowed.find(([, , key]) => key === e.key);
    if (/^[1-9]$/.test(e.key) && Number(e.key) <= classes.length) choose(Number(e.key) - 1);
    else if (tool) setMode(tool[0]);
    else if (e.key === 'Escape') shapes.abort();
    else if (e.key === 'Delete' || e.key === 'Backspace') shapes.deleteSelected();
  };
  document.addEventListener('keydown', keys);

  setMode(allowed.length ? allowed[0][0] : 'view');
  await shapes.load();
  mapElement.dataset.ready = 'true';
}

function group(label, layers) {
  return layers.length === 0 ? null : h('optgroup', { label },
    ...layers.map((l) => h('option', { value: l.name }, l.title === l.name ? l.name : `${l.title} (${l.name})`)));
}

// The event's start when the layer has it, else the layer's own default date.
function defaultDate(event, layer) {
  const start = event.timeRange?.start ? date(event.timeRange.start) : '';
  if (start && (!layer.time.first || start >= layer.time.first) && (!layer.time.last || start <= layer.time.last)) return start;
  return /^\d{4}-\d{2}-\d{2}/.test(layer.time.default || '') ? layer.time.default.slice(0, 10) : layer.time.last || '';
}

/**
 * The layers of this server's WMS the caller may read (its capabilities are filtered by the access
 * rules), without the `labeler` workspace: those are events' own layers, shown apart.
 */
async function readableLayers() {
  const response = await fetch('/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities',
    { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  if (!response.ok) throw new Error(`The server's map layers could not be listed (HTTP ${response.status}).`);
  const xml = new DOMParser().parseFromString(await response.text(), 'application/xml');
  const child = (element, name) => [...element.children].find((c) => c.localName === name);
  return [...xml.getElementsByTagNameNS('*', 'Layer')]
    .filter((l) => child(l, 'Name') && !child(l, 'Name').textContent.startsWith('labeler:'))
    .map((l) => {
      const name = child(l, 'Name').textContent.trim();
      const dimension = [...l.children].find((c) => c.localName === 'Dimension' && c.getAttribute('name') === 'time');
      let time = null;
      if (dimension) {
        const values = dimension.textContent.trim().split(',');
        const dates = values.flatMap((v) => v.split('/')).filter((v) => /^\d{4}-\d{2}-\d{2}/.test(v)).map((v) => v.slice(0, 10));
        time = { default: dimension.getAttribute('default'), first: dates[0], last: dates[dates.length - 1] };
      }
      return { name, title: child(l, 'Title')?.textContent.trim() || name, time };
    })
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The WMS layers of the event's georeferenced images (the image field `layer`), of the first 100 images. */
async function georeferencedImageLayers(slug) {
  const page = await call('GET', `${events}/${slug}/images?size=100`);
  return page.items.map((image) => image.layer).filter(Boolean);
}
