// Map shapes of an event in longitude, latitude (the map's view is EPSG:4326, so map coordinates
// are what the API takes): polygons, boxes, lines and points of a class, drawn, modified and
// deleted, each change saved at once with its version.
/* global ol */
import { ApiError, call } from './api.js';

const GEOJSON = new ol.format.GeoJSON();
const DECIMALS = 1e7; // about 1 cm: enough, and keeps the JSON short

export function saveMessage(error, what) {
  return error instanceof ApiError && error.status === 412
    ? `Not saved: someone else changed ${what} meanwhile. Reload the page to see their version.`
    : `Not saved: ${error.message}`;
}

export class MapShapes {
  constructor(map, element, path, classes, status) {
    this.map = map;
    this.element = element;
    this.path = path;
    this.status = status;
    this.colours = Object.fromEntries(classes.map((c) => [c.name, c.colour]));
    this.className = classes.length ? classes[0].name : null;
    this.source = new ol.source.Vector();
    this.layer = new ol.layer.Vector({ source: this.source, style: (f) => this.style(f, false), zIndex: 20 });
    map.addLayer(this.layer);
    // selected on the click itself, not after the 250 ms OpenLayers' single click waits
    this.select = new ol.interaction.Select({
      condition: ol.events.condition.click, layers: [this.layer], style: (f) => this.style(f, true),
    });
    this.select.on('select', () => this.count());
    this.modify = new ol.interaction.Modify({ features: this.select.getFeatures() });
    this.modify.on('modifyend', (e) => e.features.forEach((f) => this.persist(f)));
    this.draw = null;
  }

  async load() {
    const items = [];
    for (let page = 0; ; page++) {
      const batch = await call('GET', `${this.path}?space=map&size=500&page=${page}`);
      items.push(...batch.items);
      if (batch.items.length < 500 || items.length >= batch.total) break;
    }
    for (const a of items) {
      const feature = new ol.Feature(GEOJSON.readGeometry(a.geometry));
      feature.set('annotation', { id: a.id, version: a.version, shape: a.shape, className: a.class, saved: a.geometry });
      this.source.addFeature(feature);
    }
    this.count();
  }

  style(feature, selected) {
    const colour = this.colours[feature.get('annotation').className] || '#ffffff';
    const stroke = new ol.style.Stroke({ color: colour, width: selected ? 4 : 2 });
    const fill = new ol.style.Fill({ color: `${colour}${selected ? '66' : '33'}` });
    return new ol.style.Style({
      stroke,
      fill,
      image: new ol.style.Circle({ radius: selected ? 8 : 6, fill: new ol.style.Fill({ color: colour }),
        stroke: new ol.style.Stroke({ color: selected ? '#000' : '#fff', width: 2 }) }),
    });
  }

  /** polygon, box, line, point, select, or anything else (another tool): no drawing. */
  mode(mode) {
    for (const i of [this.draw, this.select, this.modify]) if (i) this.map.removeInteraction(i);
    this.draw = null;
    this.select.getFeatures().clear();
    this.count();
    if (mode === 'select') {
      this.map.addInteraction(this.select);
      this.map.addInteraction(this.modify);
      return;
    }
    const type = { polygon: 'Polygon', line: 'LineString', point: 'Point' }[mode];
    if (mode === 'box') {
      this.draw = new ol.interaction.Draw({ type: 'Circle', geometryFunction: ol.interaction.Draw.createBox(), freehand: true });
    } else if (type) {
      this.draw = new ol.interaction.Draw({ type });
    } else {
      return;
    }
    this.draw.on('drawend', (e) => {
      e.feature.set('annotation', { shape: mode, className: this.className });
      this.source.addFeature(e.feature);
      this.persist(e.feature);
    });
    this.map.addInteraction(this.draw);
  }

  abort() {
    if (this.draw) this.draw.abortDrawing();
  }

  async persist(feature) {
    const annotation = feature.get('annotation');
    if (annotation.shape === 'box') {
      // a moved corner must leave a rectangle: the API takes boxes only axis-aligned
      feature.setGeometry(ol.geom.Polygon.fromExtent(feature.getGeometry().getExtent()));
    }
    const geometry = rounded(GEOJSON.writeGeometryObject(feature.getGeometry()));
    if (!annotation.className || degenerate(feature.getGeometry())) {
      this.undo(feature);
      return;
    }
    this.status('Saving…');
    try {
      const saved = annotation.id
        ? await call('PUT', `${this.path}/${annotation.id}`, { json: { geometry }, ifMatch: annotation.version })
        : await call('POST', this.path, { json: { space: 'map', shape: annotation.shape, class: annotation.className, geometry } });
      Object.assign(annotation, { id: saved.id, version: saved.version, saved: saved.geometry });
      this.status('All changes saved');
    } catch (e) {
      this.status(saveMessage(e, 'this shape'), true);
      this.undo(feature);
    }
    this.count();
  }

  // back to what the server holds: a new shape goes, a modified one returns to its saved geometry
  undo(feature) {
    const annotation = feature.get('annotation');
    if (annotation.saved) feature.setGeometry(GEOJSON.readGeometry(annotation.saved));
    else if (this.source.hasFeature(feature)) this.source.removeFeature(feature);
    this.count();
  }

  async deleteSelected() {
    for (const feature of [...this.select.getFeatures().getArray()]) {
      this.status('Saving…');
      try {
        await call('DELETE', `${this.path}/${feature.get('annotation').id}`, { ifMatch: feature.get('annotation').version });
      } catch (e) {
        this.status(saveMessage(e, 'this shape'), true);
        return;
      }
      this.select.getFeatures().remove(feature);
      this.source.removeFeature(feature);
      this.status('All changes saved');
    }
    this.count();
  }

  // how many shapes the server has and how many are selected, for whoever watches the map
  count() {
    this.element.dataset.saved = String(this.source.getFeatures().filter((f) => f.get('annotation')?.id).length);
    this.element.dataset.selected = String(this.select.getFeatures().getLength());
  }
}

function rounded(geometry) {
  const round = (c) => (typeof c[0] === 'number' ? c.map((v) => Math.round(v * DECIMALS) / DECIMALS) : c.map(round));
  return { type: geometry.type, coordinates: round(geometry.coordinates) };
}

function degenerate(geometry) {
  if (geometry instanceof ol.geom.Polygon) return geometry.getArea() === 0;
  if (geometry instanceof ol.geom.LineString) return geometry.getLength() === 0;
  return false;
}
