// OpenLayers in image pixels. OpenLayers' y grows upwards, the API's downwards (x right, y down
// from the top-left corner): toPixels and fromPixels flip it. Every change goes to the server
// first and into the undo history once the server took it.
/* global ol */
import { pictureLayer } from './picture.js';

export class Sketch {
  constructor(element, image, displayUrl, classes, store, history) {
    this.image = image;
    this.store = store;
    this.history = history;
    this.colours = Object.fromEntries(classes.map((c) => [c.name, c.colour]));
    this.className = classes.length ? classes[0].name : null;
    this.styles = new Map();
    const extent = [0, 0, image.width, image.height];
    const projection = new ol.proj.Projection({ code: 'pixels', units: 'pixels', extent });
    this.source = new ol.source.Vector();
    this.map = new ol.Map({
      target: element,
      layers: [
        pictureLayer(image, projection, displayUrl),
        // drawn into one image: while panning or zooming that image is moved and scaled rather
        // than every polygon replayed each frame (measured by bench/image-view); styles come
        // from a cache, so a render allocates nothing per feature
        new ol.layer.VectorImage({ source: this.source, style: (f) => this.style(f, false) }),
      ],
      view: new ol.View({ projection, center: ol.extent.getCenter(extent), zoom: 1, maxZoom: 8 }),
    });
    this.map.getView().fit(extent, { padding: [10, 10, 10, 10] });
    // selected on the click itself, not on OpenLayers' default single click, which waits 250 ms
    // to tell it from a double click
    this.select = new ol.interaction.Select({
      condition: ol.events.condition.click, layers: () => true, style: (f) => this.style(f, true),
    });
    this.select.on('select', () => this.countSaved());
    this.modify = new ol.interaction.Modify({ features: this.select.getFeatures() });
    this.translate = new ol.interaction.Translate({ features: this.select.getFeatures() });
    for (const [interaction, start, end] of [[this.modify, 'modifystart', 'modifyend'], [this.translate, 'translatestart', 'translateend']]) {
      interaction.on(start, (e) => {
        this.before = new Map(e.features.getArray().map((f) => [f, f.getGeometry().clone()]));
      });
      interaction.on(end, (e) => e.features.forEach((f) => this.changed(f, this.before.get(f))));
    }
    this.draw = null;
    element.dataset.ready = 'true';
  }

  /** One Style object per class and state, made on first use. */
  style(feature, selected) {
    const className = feature.get('annotation').className;
    const key = `${selected ? 1 : 0}${className}`;
    let style = this.styles.get(key);
    if (!style) {
      const colour = this.colours[className] || '#ffffff';
      style = new ol.style.Style({
        stroke: new ol.style.Stroke({ color: colour, width: selected ? 4 : 2 }),
        fill: new ol.style.Fill({ color: `${colour}${selected ? '55' : '33'}` }),
      });
      this.styles.set(key, style);
    }
    return style;
  }

  show(annotations) {
    // one addFeatures: one index update and one render for the lot
    this.source.addFeatures(annotations.map((a) => {
      const feature = new ol.Feature(new ol.geom.Polygon(this.fromPixels(a.geometry.coordinates)));
      feature.set('annotation', {
        id: a.id, version: a.version, shape: a.shape, className: a.class, attributes: a.attributes,
      });
      return feature;
    }));
    this.countSaved();
  }

  mode(mode) {
    for (const i of [this.draw, this.select, this.modify, this.translate]) if (i) this.map.removeInteraction(i);
    this.select.getFeatures().clear();
    this.countSaved();
    if (mode === 'select') {
      // the last added sees a pointer first: Modify takes it near a vertex or an edge, Translate
      // elsewhere on a selected shape (and moves the shape)
      this.map.addInteraction(this.select);
      this.map.addInteraction(this.translate);
      this.map.addInteraction(this.modify);
      return;
    }
    if (mode === 'view') {
      this.draw = null;
      return;
    }
    // freehand: a box is dragged out with the mouse; a polygon is clicked point by point
    this.draw = mode === 'box'
      ? new ol.interaction.Draw({ source: this.source, type: 'Circle', geometryFunction: ol.interaction.Draw.createBox(), freehand: true })
      : new ol.interaction.Draw({ source: this.source, type: 'Polygon' });
    this.draw.on('drawend', (e) => {
      e.feature.set('annotation', { shape: mode, className: this.className });
      this.created(e.feature);
    });
    this.map.addInteraction(this.draw);
  }

  async created(feature) {
    const rings = this.toPixels(feature.getGeometry().getCoordinates());
    if (!feature.get('annotation').className || area(rings[0]) === 0) {
      this.source.removeFeature(feature);
      return;
    }
    try {
      await this.store.create(feature.get('annotation'), polygon(rings));
    } catch (e) {
      if (this.source.hasFeature(feature)) this.source.removeFeature(feature);
      return;
    }
    this.countSaved();
    this.history.push({ undo: () => this.erase(feature), redo: () => this.restore(feature) });
  }

  async changed(feature, before) {
    const from = this.toPixels(before.getCoordinates());
    const to = this.toPixels(feature.getGeometry().getCoordinates());
    try {
      await this.reshape(feature, to);
    } catch (e) {
      feature.setGeometry(before); // the server kept the old shape: so does the page
      return;
    }
    this.history.push({ undo: () => this.reshape(feature, from), redo: () => this.reshape(feature, to) });
  }

  async deleteSelected() {
    for (const feature of [...this.select.getFeatures().getArray()]) {
      try {
        await this.erase(feature);
      } catch (e) {
        return; // the store said why
      }
      this.history.push({ undo: () => this.restore(feature), redo: () => this.erase(feature) });
    }
  }

  /** Deletes the annotation on the server, then from the map. */
  async erase(feature) {
    await this.store.remove(feature.get('annotation'));
    this.select.getFeatures().remove(feature);
    this.source.removeFeature(feature);
    this.countSaved();
  }

  /** Creates the annotation again (a new id), then shows it again. */
  async restore(feature) {
    await this.store.create(feature.get('annotation'), polygon(this.toPixels(feature.getGeometry().getCoordinates())));
    this.source.addFeature(feature);
    this.countSaved();
  }

  /** Saves the annotation with these pixel rings (If-Match: its current version), then shows them. */
  async reshape(feature, rings) {
    await this.store.update(feature.get('annotation'), polygon(rings));
    feature.setGeometry(new ol.geom.Polygon(this.fromPixels(rings)));
  }

  // how many annotations the server has and how many are selected, for whoever watches the map
  // (tests, benchmarks, assistive tools)
  countSaved() {
    const element = this.map.getTargetElement();
    let saved = 0;
    this.source.forEachFeature((f) => { if (f.get('annotation').id) saved++; });
    element.dataset.saved = String(saved);
    element.dataset.selected = String(this.select.getFeatures().getLength());
  }

  // rounded to whole pixels and kept inside the image, as the API requires
  toPixels(rings) {
    const clamp = (v, max) => Math.min(max, Math.max(0, Math.round(v)));
    return rings.map((ring) => ring.map(([x, y]) => [clamp(x, this.image.width), clamp(this.image.height - y, this.image.height)]));
  }

  fromPixels(rings) {
    return rings.map((ring) => ring.map(([x, y]) => [x, this.image.height - y]));
  }
}

function polygon(rings) {
  return { type: 'Polygon', coordinates: rings };
}

function area(ring) {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) / 2;
}
